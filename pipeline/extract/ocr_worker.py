"""The OCR child process: OCRmyPDF + Tesseract over chosen pages, then the scanned rules as vectors.

``python -m pipeline.ocr_worker IN.pdf OUT.pdf HOCR_DIR PAGES TESSERACT_TIMEOUT`` runs in a
process of its own (``pipeline.ocr`` starts it with a time limit and kills its whole process
group when the limit passes), so a Tesseract that hangs costs its limit and nothing more.

OCRmyPDF deskews each page, rasterises it, runs Tesseract and lays the words over the image as
invisible text. Two things the PDF readers need are added here:

- Tesseract's word confidences: the plugin below keeps each page's hOCR (``x_wconf``) in
  ``HOCR_DIR``, since OCRmyPDF renders the text layer from it and then throws it away.
- The table rules: a scanned ruled table is pixels, not lines, so pdfplumber would find no
  grid; each long dark horizontal or vertical run in the OCRed page image is drawn as a thin
  vector line over itself, and the ruled-table reader then finds the grid as on any PDF.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import numpy as np

#: environment variable naming the folder the plugin keeps hOCR files in
HOCR_ENV = "CSPIPE_HOCR_DIR"
#: resolution the OCRed page is rendered at to find its rules
RULE_DPI = 150
#: shortest rule kept (points): shorter dark runs are letters, underlines of a word, specks
MIN_RULE = 28.0
#: darkest grey that still counts as paper
DARK = 150
#: most dark runs looked at on one page (a page of rules has a few hundred)
MAX_RUNS = 50_000


def _keeping_engine() -> object:
    """Tesseract as OCRmyPDF runs it, keeping the hOCR of each page (with word confidences)."""
    from ocrmypdf.builtin_plugins.tesseract_ocr import TesseractOcrEngine

    class KeepingTesseract(TesseractOcrEngine):
        @staticmethod
        def generate_hocr(input_file, output_hocr, output_text, options):  # noqa: ANN001, ANN205
            TesseractOcrEngine.generate_hocr(input_file, output_hocr, output_text, options)
            folder = os.environ.get(HOCR_ENV)
            if folder and Path(output_hocr).exists():
                shutil.copy(output_hocr, Path(folder) / Path(output_hocr).name)

    return KeepingTesseract()


try:  # the plugin hook, when OCRmyPDF is installed (the module is imported as its plugin)
    from ocrmypdf import hookimpl

    @hookimpl
    def get_ocr_engine(options):  # noqa: ANN001, ANN201
        """Our engine first (pluggy calls plugins registered last first)."""
        if options is not None and getattr(options, "ocr_engine", "auto") not in ("auto", "tesseract"):
            return None
        return _keeping_engine()
except ImportError:  # pragma: no cover - the parent checks availability before starting us
    pass


def run_ocr(src: Path, out: Path, pages: list[int], tesseract_timeout: float) -> None:
    import ocrmypdf

    ocrmypdf.ocr(
        src, out,
        language=["eng"],
        pages=",".join(str(p) for p in pages),
        mode="force",  # only the pages named: they are scans, whatever text they carry
        deskew=True,
        output_type="pdf",
        optimize=0,
        jobs=1,
        use_threads=True,
        progress_bar=False,
        tesseract_timeout=tesseract_timeout,
        plugins=["cspipe.pipeline.extract.ocr_worker"],
    )


# ------------------------------------------------------------------------------------ rules


def _runs(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every horizontal run of True at least ``min_len`` long."""
    out: list[tuple[int, int, int]] = []
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    for r in np.nonzero((diff != 0).any(axis=1))[0]:
        starts = np.nonzero(diff[r] == 1)[0]
        ends = np.nonzero(diff[r] == -1)[0]
        for s, e in zip(starts, ends, strict=False):
            if e - s >= min_len:
                out.append((int(r), int(s), int(e)))
    return out


def _merge(runs: list[tuple[int, int, int]]) -> list[tuple[float, int, int]]:
    """Runs on neighbouring rows that overlap are one rule: (mean row, start, end).

    A rule is a few pixels thick: a dark area many rows deep (a photograph, a filled box) is no
    rule and is dropped. Only rules reaching the row above are compared with a run.
    """
    done: list[list[float]] = []
    active: list[list[float]] = []  # [row_sum, count, last_row, start, end]
    for r, s, e in sorted(runs)[:MAX_RUNS]:
        still = [rule for rule in active if r - rule[2] <= 1]
        done += [rule for rule in active if r - rule[2] > 1]
        active = still
        for rule in active:
            if s < rule[4] and e > rule[3]:
                rule[0] += r
                rule[1] += 1
                rule[2] = r
                rule[3], rule[4] = min(rule[3], s), max(rule[4], e)
                break
        else:
            active.append([float(r), 1.0, float(r), float(s), float(e)])
    done += active
    return [(rule[0] / rule[1], int(rule[3]), int(rule[4])) for rule in done if rule[1] <= 6]


def find_rules(grey: np.ndarray, dpi: float) -> tuple[list[tuple[float, float, float]],
                                                        list[tuple[float, float, float]]]:
    """Horizontal rules (y, x0, x1) and vertical rules (x, y0, y1) in points from the top left."""
    dark = grey < DARK
    min_len = int(MIN_RULE / 72 * dpi)
    scale = 72 / dpi
    horizontal = [(r * scale, s * scale, e * scale) for r, s, e in _merge(_runs(dark, min_len))]
    vertical = [(c * scale, s * scale, e * scale) for c, s, e in _merge(_runs(dark.T, min_len))]
    return horizontal, vertical


def add_rules(pdf_path: Path, pages: list[int]) -> int:
    """Draw each scanned page's rules as thin vector lines over the image; return how many."""
    import pikepdf
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))
    found: dict[int, tuple[list, list]] = {}
    try:
        for number in pages:
            page = doc[number - 1]
            bitmap = page.render(scale=RULE_DPI / 72, grayscale=True)
            grey = np.asarray(bitmap.to_pil().convert("L"))
            found[number] = find_rules(grey, RULE_DPI)
    finally:
        doc.close()
    count = 0
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf:
        for number, (horizontal, vertical) in found.items():
            page = pdf.pages[number - 1]
            x0, y0, _x1, y1 = (float(v) for v in page.mediabox)
            height = y1 - y0
            ops = ["q 0 G 0.5 w"]
            ops += [f"{x0 + a:.2f} {y0 + height - y:.2f} m {x0 + b:.2f} {y0 + height - y:.2f} l S"
                    for y, a, b in horizontal]
            ops += [f"{x0 + x:.2f} {y0 + height - a:.2f} m {x0 + x:.2f} {y0 + height - b:.2f} l S"
                    for x, a, b in vertical]
            ops.append("Q")
            count += len(horizontal) + len(vertical)
            page.contents_add(pikepdf.Stream(pdf, "\n".join(ops).encode()), prepend=False)
        pdf.save(pdf_path)
    return count


def main(argv: list[str]) -> int:
    src, out, hocr_dir, pages_arg, timeout = argv
    os.environ[HOCR_ENV] = hocr_dir
    pages = [int(p) for p in re.findall(r"\d+", pages_arg)]
    run_ocr(Path(src), Path(out), pages, float(timeout))
    add_rules(Path(out), pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
