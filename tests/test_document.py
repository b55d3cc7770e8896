"""The whole-document extractor on corpus PDFs and on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from cspipe.extractors.document import extract
from cspipe.extractors.pdf import PdfError

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


def test_sentence_restating_a_table_row_is_not_a_second_sum() -> None:
    from cspipe.extractors.dedupe import dedupe_funding
    from cspipe.models import FundingRecord

    row = FundingRecord(description="Mentoring", amount_gbp=38000.0, page=1,
                        recipient_text="A Youth Trust")
    said = FundingRecord(description="The grant is £74,312, of which £38,000 is awarded to "
                         "A Youth Trust (row 5).", amount_gbp=38000.0, page=2)
    other = FundingRecord(description="A further £38,000 was set aside for next year.",
                          amount_gbp=38000.0, page=2)
    assert dedupe_funding([row], [said, other]) == [row, other]


def test_page_text_adds_table_cells_whole() -> None:
    from types import SimpleNamespace

    from cspipe.extractors.document import PageData, _page_text
    from cspipe.extractors.table_model import PageTable

    p = PageData(view=SimpleNamespace(number=1))  # type: ignore[arg-type]
    p.text = "Work with the Youth problem areas\nTrust across the town"
    p.tables = [PageTable(page=1, bbox=(0, 0, 1, 1), xs=[0, 1, 2],
                          rows=[["Work with the Youth\nTrust", "problem areas across\nthe town"]])]
    assert _page_text(p).splitlines()[2:] == ["Work with the Youth Trust",
                                              "problem areas across the town"]
