"""A Word rendering and a scanned rendering of some corpus documents, from the same model.

For each document in ``DOCUMENTS`` (an action plan with ruled tables, a scrutiny report, a
funding table) two more renderings are written, each with its gold:

- ``corpus/renderings/word/NAME.docx``: the Word file ``corpus/render_docx.py`` writes (the one
  LibreOffice turns into ``NAME.lo.pdf``), its zip entries given a fixed date so a rebuild
  writes the same bytes. cspipe reads it natively (``extractors.word``).
- ``corpus/renderings/scanned/NAME.scan.pdf``: ``NAME.lo.pdf`` printed and scanned
  (``corpus/render_scan.py``: 200 dpi greyscale, skewed, grain and specks, seeded).

Gold content is the document's own. Pages: a scan has the pages of the PDF it was made
from, located there. A .docx has no pages; its gold pages are those of LibreOffice's layout
of the same file (``NAME.lo.pdf``), the pages a reader who opens it sees. The score does
not compare pages; ``tests/test_word_scan.py`` checks that the rows' own pages (the reader's
layout) fall near them, and that every row names its section / table / row.

``python corpus/build.py renderings_word_scan`` rebuilds them (after ``renderings``, which
writes the ``.lo.pdf`` files; soffice is needed for nothing here).
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import render_docx
import render_scan
from locate import paged

from src.renderings import documents

OUT_SUBDIR = "renderings"
DOCUMENTS = ["stockton-csp-action-plan-2024-25", "east-suffolk-scrutiny-2023-07-20",
             "canterbury-csp-funding-2024-10-09"]
FIXED = (2024, 1, 1, 0, 0, 0)


def stable_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ``FIXED`` (python-docx stamps the time of saving)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def write(path: Path, gold: dict[str, Any]) -> None:
    path.write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def build(out_dir: Path) -> list[Path]:
    word, scans = out_dir / "word", out_dir / "scanned"
    word.mkdir(exist_ok=True)
    scans.mkdir(exist_ok=True)
    out: list[Path] = []
    for mod in documents(DOCUMENTS):
        content = mod.gold()
        lo_pdf = out_dir / f"{mod.NAME}.lo.pdf"
        if not lo_pdf.exists():
            raise SystemExit(f"{lo_pdf.name} missing: build renderings first")
        lo_gold = paged(content, lo_pdf)

        docx_path = word / f"{mod.NAME}.docx"
        with tempfile.TemporaryDirectory() as tmp:
            raw = Path(tmp) / docx_path.name
            render_docx.Writer(mod.model()).save(raw)  # the writer the .lo.pdf was made by
            docx_path.write_bytes(stable_zip(raw.read_bytes()))
        gold = {"pdf": docx_path.name, "rendering": "docx", "document_of": mod.NAME,
                "pages_from": lo_pdf.name,
                **{k: v for k, v in lo_gold.items() if k not in ("pdf", "varies")}}
        write(word / f"{mod.NAME}.docx.gold.json", gold)
        out += [docx_path, word / f"{mod.NAME}.docx.gold.json"]

        scan_path = scans / f"{mod.NAME}.scan.pdf"
        render_scan.render(lo_pdf, scan_path)
        gold = paged(content, lo_pdf)  # same pages as the PDF that was scanned
        gold = {"pdf": scan_path.name, "rendering": "scan", "document_of": mod.NAME,
                "scanned_from": lo_pdf.name,
                **{k: v for k, v in gold.items() if k not in ("pdf", "varies")}}
        write(scans / f"{mod.NAME}.scan.gold.json", gold)
        out += [scan_path, scans / f"{mod.NAME}.scan.gold.json"]
    return out + write_readmes(out_dir)


README = """# {title}

Built by `corpus/src/renderings_word_scan.py` (`python corpus/build.py renderings_word_scan`, after
`renderings`); this file is written by it too. {what} Scored by `tests/test_word_scan.py`
(overall F1 at least {floor}); pages: see `docs/formats.md`.

| document | made from | pages |
|---|---|---|
"""


def write_readmes(out_dir: Path) -> list[Path]:
    """A README in each folder: what the files are and where they come from."""
    paths = []
    for folder, title, what, floor, suffix, source in (
            ("word", "Word renderings", "Each `NAME.docx` is the Word file LibreOffice turned into "
             "`../NAME.lo.pdf`; cspipe reads it natively.", "0.97", ".docx.gold.json", "pages_from"),
            ("scanned", "Scanned renderings", "Each `NAME.scan.pdf` is `../NAME.lo.pdf` printed and "
             "scanned: 200 dpi greyscale JPEG, skewed under a degree, grain, specks and a soft edge, "
             "seeded by the file name; no text layer. cspipe reads it by OCR (`cspipe[ocr]`).", "0.90",
             ".scan.gold.json", "scanned_from")):
        rows = []
        for g in sorted((out_dir / folder).glob(f"*{suffix}")):
            gold = json.loads(g.read_text(encoding="utf-8"))
            rows.append(f"| `{gold['pdf']}` | `{gold[source]}` | {gold['document']['pages']} |\n")
        path = out_dir / folder / "README.md"
        path.write_text(README.format(title=title, what=what, floor=floor) + "".join(rows), encoding="utf-8")
        paths.append(path)
    return paths
