"""Scanned pages read by OCR (OCRmyPDF + Tesseract, the optional extra ``cspipe[ocr]``).

The step runs ahead of extraction: the pages ``extractors.scanned`` calls scans are given a
text layer (and their table rules as vector lines) by ``pipeline.ocr_worker`` in a process
of its own, and the PDF then goes through the same extractors as any other. Rows read from
those pages carry the OCR confidence of their words (Tesseract's ``x_wconf``, 0-1).

Without the extra (the ``ocrmypdf`` package, Tesseract and its English data) a scanned page
fails with a reason that says how to install it. OCR that runs past its time limit is killed,
with every process it started, and the document fails with one line.
"""

from __future__ import annotations

import contextlib
import ctypes
import html
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cspipe.extractors.pdf import PdfError
from cspipe.models import Extraction

INSTALL_HINT = ("install the OCR extra: pip install 'cspipe[ocr]' and Debian's tesseract-ocr "
                "tesseract-ocr-eng")
#: seconds Tesseract may spend on one page before OCRmyPDF gives the page up
PAGE_TIMEOUT = 60.0
#: seconds each scanned page adds to its document's time limit (Tesseract takes 2-5 s a page
#: on one core; a busy machine takes longer)
SECONDS_PER_PAGE = 30.0
#: seconds kept back from the document's time limit for reading the OCRed PDF
READ_MARGIN = 15.0


class OcrUnavailable(PdfError):
    """OCR is needed but the extra is not installed; ``str`` says what to install."""


class OcrFailed(PdfError):
    """OCR ran and did not finish (a time limit, a crash); ``str`` is the one-line reason."""


@dataclass
class OcrResult:
    data: bytes  # the PDF with a text layer on the scanned pages
    pages: list[int]
    #: each OCRed page's words and their confidence (0-1), in reading order
    words: dict[int, list[tuple[str, float]]] = field(default_factory=dict)
    seconds: float = 0.0


@lru_cache(maxsize=1)
def missing() -> str | None:
    """Why OCR cannot run here (with how to install it), or None when it can."""
    try:
        import ocrmypdf  # noqa: F401
    except ImportError:
        return f"scanned page needs OCR: {INSTALL_HINT}"
    tesseract = shutil.which("tesseract")
    if not tesseract:
        return f"scanned page needs OCR: Tesseract is not installed ({INSTALL_HINT})"
    try:
        langs = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True,
                               timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError):
        langs = []
    if "eng" not in langs:
        return f"scanned page needs OCR: Tesseract has no English data ({INSTALL_HINT})"
    return None


def _die_with_parent() -> None:
    """In the child: be killed when the worker that started us dies (Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def run(data: bytes, pages: list[int], *, timeout: float | None) -> OcrResult:
    """OCR ``pages`` of the PDF ``data``; raise ``OcrUnavailable`` or ``OcrFailed`` (one line)."""
    reason = missing()
    if reason:
        raise OcrUnavailable(reason)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cspipe-ocr-") as tmp:
        src, out, hocr = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf", Path(tmp) / "hocr"
        hocr.mkdir()
        src.write_bytes(data)
        env = dict(os.environ, TMPDIR=tmp, OMP_THREAD_LIMIT="1")
        cmd = [sys.executable, "-m", "cspipe.pipeline.extract.ocr_worker", str(src), str(out), str(hocr),
               ",".join(map(str, pages)), str(PAGE_TIMEOUT)]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                                start_new_session=True, preexec_fn=_die_with_parent)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise OcrFailed(f"OCR timed out after {timeout:g}s on {len(pages)} scanned "
                            "page(s) (a longer --timeout gives it more)") from None
        if proc.returncode != 0 or not out.exists():
            raise OcrFailed(f"OCR failed: {_last_line(err)}")
        words = {}
        for f in sorted(hocr.glob("*.hocr")):
            number = re.match(r"\d+", f.name)
            if number:
                words[int(number.group())] = hocr_words(f.read_text(encoding="utf-8", errors="replace"))
        return OcrResult(out.read_bytes(), pages, words, time.perf_counter() - start)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _last_line(err: bytes | None) -> str:
    lines = [ln.strip() for ln in (err or b"").decode("utf-8", "replace").splitlines() if ln.strip()]
    return (lines[-1] if lines else "no message")[:160]


_WORD = re.compile(r"<span class=['\"]ocrx_word['\"][^>]*title=['\"]([^'\"]*)['\"][^>]*>(.*?)</span>",
                   re.S)
_CONF = re.compile(r"x_wconf\s+(\d+)")
_TAG = re.compile(r"<[^>]+>")


def hocr_words(text: str) -> list[tuple[str, float]]:
    """(word, confidence 0-1) of every word in a page's hOCR."""
    out = []
    for title, inner in _WORD.findall(text):
        word = html.unescape(_TAG.sub("", inner)).strip()
        conf = _CONF.search(title)
        if word and conf:
            out.append((word, int(conf.group(1)) / 100))
    return out


# ------------------------------------------------------------------------------ confidence

_TOKEN = re.compile(r"[a-z0-9£%]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _confidence(text: str, page_words: dict[str, list[float]], page_mean: float) -> float:
    """Mean confidence of the OCR words a row's text is made of (the page's mean if none match)."""
    confs = [sum(c) / len(c) for t in _tokens(text) if (c := page_words.get(t))]
    return round(sum(confs) / len(confs) if confs else page_mean, 3)


def with_confidence(ex: Extraction, result: OcrResult) -> Extraction:
    """Each record on an OCRed page given ``ocr_confidence``; the OCRed pages noted."""
    index: dict[int, dict[str, list[float]]] = {}
    means: dict[int, float] = {}
    for page, words in result.words.items():
        by_token: dict[str, list[float]] = {}
        for word, conf in words:
            for t in _tokens(word):
                by_token.setdefault(t, []).append(conf)
        index[page] = by_token
        means[page] = sum(c for _, c in words) / len(words) if words else 0.0
    pages = set(result.pages)

    def mark(record, text: str):  # noqa: ANN001, ANN202
        if record.page not in pages:
            return record
        conf = _confidence(text, index.get(record.page, {}), means.get(record.page, 0.0))
        return record.model_copy(update={"ocr_confidence": conf})

    activities = []
    for a in ex.activities:
        kpis = [mark(k, f"{k.description} {k.target or ''}") for k in a.kpis]
        marked = mark(a, " ".join(x for x in (a.description, a.lead_raw, a.timescale) if x))
        activities.append(marked.model_copy(update={"kpis": kpis}))
    return ex.model_copy(update={
        "ocr_pages": sorted(pages),
        "activities": activities,
        "priorities": [mark(p, p.label) for p in ex.priorities],
        "kpis": [mark(k, f"{k.description} {k.target or ''}") for k in ex.kpis],
        "funding": [mark(f, f"{f.description} {f.amount_gbp:,.0f}") for f in ex.funding],
    })
