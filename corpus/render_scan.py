"""Make a scanned rendering of a corpus PDF: every page rasterised, noised and skewed, as a scanner would.

A council's scanned paper is a printed page put through an office scanner: grey, a little
crooked, with speckle and a soft edge, and no text layer. Each page of the source PDF is
rasterised by pypdfium2 at ``dpi``, rotated by a small angle, given Gaussian grain, a few
specks and a slight blur, and stored as a greyscale JPEG in a PDF made by reportlab (no
fonts, no text operators). The noise comes from a generator seeded by the file name and the
page, so a rebuild writes the same bytes.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

#: scanner settings: resolution, most skew either way (degrees), grain (grey levels), JPEG quality
DPI = 200
MAX_SKEW = 0.8
GRAIN = 3.0
SPECKS = 400
QUALITY = 35


def _rng(name: str, page: int) -> np.random.Generator:
    seed = int.from_bytes(hashlib.sha256(f"{name}:{page}".encode()).digest()[:8], "big")
    return np.random.default_rng(seed)


def scan_page(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """One page image as a scanner returns it: grey, skewed, grainy, specked, softened."""
    grey = image.convert("L")
    angle = float(rng.uniform(0.25, MAX_SKEW)) * (1 if rng.random() < 0.5 else -1)
    grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    pixels = np.asarray(grey, dtype=np.float32)
    pixels = pixels * 0.92 + 8  # paper is never white nor toner black
    pixels += rng.normal(0.0, GRAIN, pixels.shape)
    h, w = pixels.shape
    ys, xs = rng.integers(0, h, SPECKS), rng.integers(0, w, SPECKS)
    pixels[ys, xs] = rng.uniform(40, 140, SPECKS)
    out = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")
    return out.filter(ImageFilter.GaussianBlur(0.6))


def render(source_pdf: Path, out_pdf: Path, dpi: int = DPI) -> int:
    """Write the scanned rendering of ``source_pdf`` to ``out_pdf``; return the page count."""
    doc = pdfium.PdfDocument(str(source_pdf))
    c = canvas.Canvas(str(out_pdf), invariant=1)
    c.setAuthor("")
    c.setTitle("")
    try:
        for i in range(len(doc)):
            page = doc[i]
            w, h = page.get_size()
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            scanned = scan_page(image, _rng(out_pdf.name, i + 1))
            buf = io.BytesIO()
            scanned.save(buf, format="JPEG", quality=QUALITY, optimize=True, dpi=(dpi, dpi))
            c.setPageSize((w, h))
            c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, width=w, height=h)
            c.showPage()
        c.save()
        return len(doc)
    finally:
        doc.close()
