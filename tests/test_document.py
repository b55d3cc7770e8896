"""The whole-document extractor on corpus PDFs and on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.document import extract
from extractors.pdf import PdfError

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
MONITORING = CORPUS / "western-suffolk-monitoring-2023-09-21.pdf"


@pytest.mark.skipif(not MONITORING.exists(), reason="corpus not built")
def test_monitoring_report() -> None:
    x = extract(MONITORING)
    assert x.pages == len(x.page_texts) == 8
    assert x.meta.doc_type == "monitoring_report"
    assert x.meta.report_number == "OAS/WS/23/012"
    assert x.meta.meeting_date == "2023-09-21"
    assert x.meta.authority_text == "West Suffolk Council"
    assert [p.label for p in x.priorities] == [
        "Criminal Exploitation", "Violence against women and girls", "Modern Slavery",
        "Hate Crime", "Prevent", "Anti-Social Behaviour", "Fraud"]
    assert sorted(k.value for k in x.kpis) == [3, 5, 8, 15, 18, 20, 43, 59, 84, 110, 1250]
    assert not x.funding and not x.failed_pages
    # contact details are not kept in stored text
    assert all("@" not in k.description for k in x.kpis)


def test_max_pages() -> None:
    if not MONITORING.exists():
        pytest.skip("corpus not built")
    assert extract(MONITORING.read_bytes(), max_pages=2).pages == 2


def test_no_text_layer() -> None:
    reportlab = pytest.importorskip("reportlab")
    from io import BytesIO

    from reportlab.pdfgen import canvas

    assert reportlab
    buf = BytesIO()
    c = canvas.Canvas(buf)
    c.rect(100, 100, 200, 200, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(PdfError, match="no text layer"):
        extract(buf.getvalue())


def test_not_a_pdf() -> None:
    with pytest.raises(PdfError):
        extract(b"hello")
