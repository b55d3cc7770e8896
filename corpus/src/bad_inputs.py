"""Bad inputs for ``cspipe ingest``: files that must end as ``status = 'failed'`` rows, not crashes.

Each file stands for a way real downloads go wrong: a transfer cut short, a
password-protected paper, an empty response saved to disk, an HTML or text page
saved under a ``.pdf`` name, and a scanned paper with no text layer. The
README written beside them says what each is and the failure reason expected.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

OUT_SUBDIR = "bad"
#: the real corpus PDF whose first bytes make the truncated file
SOURCE_PDF = "east-suffolk-scrutiny-2023-07-20.pdf"
TRUNCATE_AT = 0.6

README = """# Bad inputs

Files that `cspipe ingest` must survive: each gets a `documents` row with
`status = 'failed'`, a one-line `error`, and a line on stderr, while the other
inputs of the same run still load. Built by `corpus/src/bad_inputs.py`
(`python corpus/build.py bad_inputs`). `scanned.pdf` is the exception once the
OCR extra is installed: it is then read by OCR and loads.

| file | what it is | expected failure reason |
|---|---|---|
| `truncated.pdf` | the first 60% of the bytes of `corpus/{source}` (a download cut short: `%PDF` header, no cross-reference table, no `%%EOF`) | the PDF cannot be parsed: truncated or corrupt (pdfminer raises "Unexpected EOF" on open) |
| `encrypted.pdf` | a one-page CSP paper encrypted with an owner and a user password (RC4 128-bit, reportlab `StandardEncryption`; user password `open-sesame`) | the PDF is encrypted and needs a password (pdfminer raises `PDFPasswordIncorrect`) |
| `empty.pdf` | a 0-byte file | the file is empty (0 bytes) |
| `not-a-pdf.pdf` | a plain UTF-8 text file (an agenda note) saved under a `.pdf` name | not a PDF: the file does not start with `%PDF-` |
| `scanned.pdf` | a valid one-page PDF whose only content is a raster image of a typed page (a scan): no text layer, no fonts | with the OCR extra (`cspipe[ocr]` + Tesseract) it loads: read by OCR, `ocr_pages` = `[1]`, its £400 sum found. Without it: `failed`, "no text layer: scanned page needs OCR: install the OCR extra: pip install 'cspipe[ocr]' ..." |

All files are byte-stable (reportlab invariant mode); `truncated.pdf` changes only
when the source PDF changes (rebuild `east_suffolk` first, then `bad_inputs`).
"""

NOT_A_PDF = """EAST SUFFOLK COMMUNITY SAFETY PARTNERSHIP
Agenda note - this file was saved as text, not as a PDF.

1. Apologies
2. Notes of the last meeting
3. Action plan update (Hate Crime, Prevent, VAWG, Modern Slavery, ASB)
4. Any other business
"""


def truncated(out_dir: Path) -> Path:
    """The first 60% of a real corpus PDF, built first if it is not there yet."""
    source = out_dir.parent / SOURCE_PDF
    if not source.exists():
        from src import east_suffolk

        east_suffolk.build(out_dir.parent)
    data = source.read_bytes()
    path = out_dir / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * TRUNCATE_AT)])
    return path


def encrypted(out_dir: Path) -> Path:
    """A small CSP paper that opens only with a password."""
    path = out_dir / "encrypted.pdf"
    enc = StandardEncryption("open-sesame", ownerPassword="owner-secret", canPrint=0, canModify=0,
                             canCopy=0, canAnnotate=0, strength=128)
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=enc)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(20 * mm, 270 * mm, "Community Safety Partnership Action Plan 2023/24")
    c.setFont("Helvetica", 10)
    lines = ["Priority: Hate Crime", "Activity: Raise awareness in at-risk communities of what hate crime is",
             "Lead: Police", "Status: On track"]
    for i, line in enumerate(lines):
        c.drawString(20 * mm, (255 - 7 * i) * mm, line)
    c.showPage()
    c.save()
    return path


def empty(out_dir: Path) -> Path:
    path = out_dir / "empty.pdf"
    path.write_bytes(b"")
    return path


def not_a_pdf(out_dir: Path) -> Path:
    path = out_dir / "not-a-pdf.pdf"
    path.write_text(NOT_A_PDF, encoding="utf-8")
    return path


def scan_image() -> bytes:
    """A greyscale 'scan' of a typed page: text drawn as pixels, slightly tilted, with speckle."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = 1240, 1754  # A4 at 150 dpi
    img = Image.new("L", (width, height), 246)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default()
    lines = [
        "EAST SUFFOLK COMMUNITY SAFETY PARTNERSHIP",
        "Minutes of the partnership meeting",
        "",
        "1. The partnership reviewed the action plan for Hate Crime, Prevent and VAWG.",
        "2. Police to present the StreetSafe app at the next meeting.",
        "3. Funding of door chains after Lowestoft homicide: 400 pounds.",
    ]
    for i, line in enumerate(lines):
        draw.text((120, 160 + 42 * i), line, fill=30, font=font)
    for y in range(420, 1500, 34):  # grey bars where the rest of the typed text would be
        draw.rectangle((120, y, 120 + (y * 37) % 700 + 300, y + 10), fill=120)
    for k in range(2500):  # deterministic speckle
        x, y = (k * 7919) % width, (k * 104729) % height
        img.putpixel((x, y), 90)
    img = img.rotate(0.6, fillcolor=246)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def scanned(out_dir: Path) -> Path:
    """A valid PDF whose only page is an image: no text operators, no fonts."""
    path = out_dir / "scanned.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    c.drawImage(ImageReader(io.BytesIO(scan_image())), 0, 0, width=w, height=h)
    c.showPage()
    c.save()
    return path


def build(out_dir: Path) -> list[Path]:
    """Write every bad input and the README into ``out_dir`` (corpus/bad)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    old = rl_config.invariant
    rl_config.invariant = 1  # same bytes on every build
    try:
        paths = [truncated(out_dir), encrypted(out_dir), empty(out_dir), not_a_pdf(out_dir), scanned(out_dir)]
    finally:
        rl_config.invariant = old
    readme = out_dir / "README.md"
    readme.write_text(README.format(source=SOURCE_PDF), encoding="utf-8")
    return [*paths, readme]
