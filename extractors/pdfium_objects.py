"""A page's characters and painted shapes read by PDFium, in pdfplumber's object shape.

pdfminer interprets a page in Python and builds an object per glyph; that was two thirds of
an ingest's CPU. PDFium interprets the same content stream in C. This module asks it, through
ctypes, for every glyph (code point, origin, advance, text object) and every painted path and
image, and gives back the dicts pdfplumber's ``Page.parse_objects`` would have made (a glyph's
with only the keys that are read, ``CHAR_KEYS``), so pdfplumber still groups words, finds
ruled tables and crops cells on them.

Where PDFium and pdfminer see a page differently this module follows pdfminer, since every
extractor and gold figure was built on it:

- a glyph's top and bottom come from its baseline and its font's stated descent (the font
  descriptor's, as pdfminer reads it: ``pdf_fonts``), not from PDFium's glyph outline;
- a standard-14 font (Helvetica with no embedded program) advances by its AFM widths;
- PDFium drops some real spaces (Chromium's prints) and generates spaces of its own where it
  sees a word gap; a generated space is kept, running from the last glyph, only when the next
  glyph follows on the same line within ``SPACE_REACH`` of an em (a real word gap);
- PDFium's end-of-line hyphen marker (code 2) is read back as "-";
- PDFium computes in 32-bit floats, so positions are rounded to ``PLACES`` decimals: two
  things that touch in the content stream (a word's end and the next column's start) still
  touch, as they do in pdfminer's doubles, and pdfplumber's overlap and tolerance tests
  decide the same way.

Handles are plain ints (``c_void_p``) and the prototypes are our own: pypdfium2's typed
pointers cost a conversion per call, and a page makes several calls per glyph.
"""

from __future__ import annotations

import ctypes
import threading
from ctypes import POINTER, addressof, byref, c_double, c_float, c_int, c_uint, c_ulong, c_void_p
from dataclasses import dataclass
from math import floor
from typing import Any, NamedTuple

import pypdfium2_raw.bindings as _bindings

from cspipe.extractors.pdf_fonts import FontInfo, font_key

_lib = _bindings._libs["pdfium"]

#: PDFium is not thread-safe; one page is read at a time per process.
LOCK = threading.Lock()

#: decimals kept of PDFium's float32 positions (its error near x = 1000 is about 3e-5)
PLACES = 4
_SCALE = 10.0 ** PLACES

#: a generated space is a real word gap when the next glyph starts within this share of an em
SPACE_REACH = 0.6

#: what a glyph's dict holds: what pdfplumber's words, text, crops and tables and our own
#: extractors read of a char (pdfminer's other keys, colour, matrix, y0/y1, are never read)
CHAR_KEYS = ("text", "fontname", "size", "upright", "x0", "x1", "top", "bottom", "doctop")

_SKIP = frozenset({0, 10, 13, 0xFFFE})
_OBJ_TEXT, _OBJ_PATH, _OBJ_IMAGE, _OBJ_FORM = 1, 2, 3, 5
_SEG_LINETO, _SEG_BEZIERTO, _SEG_MOVETO = 0, 1, 2


class _RectF(ctypes.Structure):
    _fields_ = [("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float)]


class _Matrix(ctypes.Structure):
    _fields_ = [(k, c_float) for k in "abcdef"]


def _fn(name: str, restype: Any, *argtypes: Any, quick: bool = False) -> Any:
    """A PDFium function with our prototype. ``quick`` ones (called per glyph or per path
    segment, each done in well under a microsecond) keep the GIL: releasing and taking it
    back cost more than the call (origin: 520 -> 320 ns)."""
    f = getattr(_lib, name)
    proto = (ctypes.PYFUNCTYPE if quick else ctypes.CFUNCTYPE)(restype, *argtypes)
    return proto(ctypes.cast(f, c_void_p).value)


_load_page = _fn("FPDF_LoadPage", c_void_p, c_void_p, c_int)
_close_page = _fn("FPDF_ClosePage", None, c_void_p)
_load_text = _fn("FPDFText_LoadPage", c_void_p, c_void_p)
_close_text = _fn("FPDFText_ClosePage", None, c_void_p)
_count_chars = _fn("FPDFText_CountChars", c_int, c_void_p)
_unicode = _fn("FPDFText_GetUnicode", c_uint, c_void_p, c_int, quick=True)
_get_text = _fn("FPDFText_GetText", c_int, c_void_p, c_int, c_int, c_void_p)
_generated = _fn("FPDFText_IsGenerated", c_int, c_void_p, c_int, quick=True)
_text_object = _fn("FPDFText_GetTextObject", c_void_p, c_void_p, c_int, quick=True)
# the per-glyph out-parameters go as plain addresses (``ctypes.addressof``): no byref per call
_origin = _fn("FPDFText_GetCharOrigin", c_int, c_void_p, c_int, c_void_p, c_void_p, quick=True)
_loose_box = _fn("FPDFText_GetLooseCharBox", c_int, c_void_p, c_int, c_void_p, quick=True)
_font_size = _fn("FPDFTextObj_GetFontSize", c_int, c_void_p, POINTER(c_float), quick=True)
_text_font = _fn("FPDFTextObj_GetFont", c_void_p, c_void_p, quick=True)
_base_font_name = _fn("FPDFFont_GetBaseFontName", c_ulong, c_void_p, c_void_p, c_ulong)
_obj_matrix = _fn("FPDFPageObj_GetMatrix", c_int, c_void_p, POINTER(_Matrix), quick=True)
_obj_type = _fn("FPDFPageObj_GetType", c_int, c_void_p, quick=True)
_obj_bounds = _fn("FPDFPageObj_GetBounds", c_int, c_void_p, POINTER(c_float), POINTER(c_float),
                  POINTER(c_float), POINTER(c_float))
_fill_color = _fn("FPDFPageObj_GetFillColor", c_int, c_void_p, POINTER(c_uint), POINTER(c_uint),
                  POINTER(c_uint), POINTER(c_uint), quick=True)
_stroke_color = _fn("FPDFPageObj_GetStrokeColor", c_int, c_void_p, POINTER(c_uint), POINTER(c_uint),
                    POINTER(c_uint), POINTER(c_uint), quick=True)
_stroke_width = _fn("FPDFPageObj_GetStrokeWidth", c_int, c_void_p, POINTER(c_float), quick=True)
_count_objects = _fn("FPDFPage_CountObjects", c_int, c_void_p)
_get_object = _fn("FPDFPage_GetObject", c_void_p, c_void_p, c_int, quick=True)
_form_count = _fn("FPDFFormObj_CountObjects", c_int, c_void_p)
_form_object = _fn("FPDFFormObj_GetObject", c_void_p, c_void_p, c_ulong, quick=True)
_count_segments = _fn("FPDFPath_CountSegments", c_int, c_void_p, quick=True)
_get_segment = _fn("FPDFPath_GetPathSegment", c_void_p, c_void_p, c_int, quick=True)
_segment_point = _fn("FPDFPathSegment_GetPoint", c_int, c_void_p, POINTER(c_float), POINTER(c_float), quick=True)
_segment_type = _fn("FPDFPathSegment_GetType", c_int, c_void_p, quick=True)
_segment_close = _fn("FPDFPathSegment_GetClose", c_int, c_void_p, quick=True)
_draw_mode = _fn("FPDFPath_GetDrawMode", c_int, c_void_p, POINTER(c_int), POINTER(c_int), quick=True)
_pixel_size = _fn("FPDFImageObj_GetImagePixelSize", c_int, c_void_p, POINTER(c_uint), POINTER(c_uint))


class Unsupported(Exception):
    """The page holds something this reader does not place as pdfminer would (turned text,
    a font missing from the page's resources); the caller reads the page with pdfminer."""


@dataclass(frozen=True)
class PageObjects:
    """What PDFium read on one page, already in pdfplumber's dict shape."""

    chars: list[dict[str, Any]]
    shapes: dict[str, list[dict[str, Any]]]  # "line", "rect", "curve", "image"


def document_handle(document: Any) -> int:
    """The raw FPDF_DOCUMENT of a ``pypdfium2.PdfDocument``, as an int."""
    return int(ctypes.cast(document.raw, c_void_p).value or 0)


def read_page(doc: int, index: int, *, height: float, page_number: int, doctop: float,
              fonts: dict[str, FontInfo | None]) -> PageObjects:
    """Characters and shapes of page ``index`` (0-based), flipped to top-down by ``height``."""
    with LOCK:
        page = _load_page(doc, index)
        if not page:
            raise Unsupported("PDFium could not load the page")
        try:
            text = _load_text(page)
            if not text:
                raise Unsupported("PDFium could not read the page's text")
            try:
                chars = _Chars(text, fonts, height, doctop).read()
            finally:
                _close_text(text)
            shapes = _Shapes(height, page_number, doctop).read(page)
        finally:
            _close_page(page)
    return PageObjects(chars, shapes)


def read_images(doc: int, index: int, *, height: float, page_number: int,
                doctop: float) -> list[dict[str, Any]]:
    """Only the image boxes of page ``index``: no glyph is read (the scanned-page check)."""
    with LOCK:
        page = _load_page(doc, index)
        if not page:
            raise Unsupported("PDFium could not load the page")
        try:
            return _Shapes(height, page_number, doctop, paths=False).read(page).get("image", [])
        finally:
            _close_page(page)


def _font_name(font: int) -> str:
    size = _base_font_name(font, None, 0)
    if size <= 1:
        return ""
    buf = ctypes.create_string_buffer(size)
    _base_font_name(font, buf, size)
    return buf.value.decode("utf-8", "replace")


class _Style(NamedTuple):
    """What every glyph of one text object shares (a tuple: one is made per text object)."""

    fontname: str
    widths: dict[str, float] | None  # AFM widths (1/1000 em) of a standard-14 font
    size: float  # font size times the matrix' vertical scale: pdfminer's ``size``
    drop: float  # baseline to the glyph box's bottom (<= 0): the font's descent at this size
    advance: float  # page units per 1/1000 em of AFM width along the line


class _Chars:
    """One text page's glyphs, read once."""

    def __init__(self, text: int, fonts: dict[str, FontInfo | None], height: float,
                 doctop: float) -> None:
        self.text, self.fonts, self.height, self.doctop = text, fonts, height, doctop
        self.styles: dict[int, _Style] = {}
        self.font_names: dict[int, str] = {}  # by font handle: a page's objects share a few

    def style(self, obj: int) -> _Style:
        found = self.styles.get(obj)
        if found is not None:
            return found
        m, fs = _Matrix(), c_float()
        _obj_matrix(obj, byref(m))
        _font_size(obj, byref(fs))
        if abs(m.b) > 1e-6 or abs(m.c) > 1e-6 or m.a <= 0 or m.d <= 0:
            raise Unsupported("turned or mirrored text")
        font = _text_font(obj)
        name = self.font_names.get(font)
        if name is None:
            name = self.font_names[font] = _font_name(font)
        info = self.fonts.get(name) or self.fonts.get(font_key(name))
        if info is None:
            raise Unsupported(f"font {name!r} not in the page's resources, or two fonts so named")
        a, d = round(m.a, PLACES + 1), round(m.d, PLACES + 1)
        size = _places(fs.value) * d
        found = _Style(info.fontname, info.widths, size, info.descent * size, size / d * a / 1000)
        self.styles[obj] = found
        return found

    def codes(self, n: int) -> list[int]:
        """Every glyph's code point in one call (UTF-16 from PDFium; one unit per glyph)."""
        buf = ctypes.create_string_buffer(2 * (n + 1))
        got = _get_text(self.text, 0, n, buf)
        units = memoryview(buf.raw[: 2 * max(got - 1, 0)]).cast("H").tolist()
        if len(units) != n:  # a glyph beyond the BMP: ask glyph by glyph
            return [_unicode(self.text, i) for i in range(n)]
        # the page's text gives U+FFFE for the end-of-line hyphen the glyph itself calls 2
        return [_unicode(self.text, i) if u == 0xFFFE else u for i, u in enumerate(units)]

    def read(self) -> list[dict[str, Any]]:
        """The page's glyphs as pdfplumber char dicts, holding only the keys pdfplumber's word,
        text, crop and table code and our extractors read (``CHAR_KEYS``): a glyph's dict is
        a third the size of pdfminer's, and a long paper holds 100,000 of them.

        The loop is the reader's hot path, run for every glyph: what a text object's glyphs
        share is unpacked once per object, PDFium's functions and ``_places`` are locals.
        """
        text, height, doctop = self.text, self.height, self.doctop
        skip, origin, loose_box, text_object, generated = _SKIP, _origin, _loose_box, _text_object, _generated
        scale, fl = _SCALE, floor
        out: list[dict[str, Any]] = []
        pending: tuple[float, float] | None = None  # a generated space: (its x, its baseline)
        ox, oy, box = c_double(), c_double(), _RectF()
        rx, ry, rbox = addressof(ox), addressof(oy), addressof(box)
        last = 0
        baseline = 0.0  # of the last glyph kept
        for i, code in enumerate(self.codes(_count_chars(text))):
            if code in skip:
                continue
            if code == 32 and generated(text, i):
                origin(text, i, rx, ry)
                pending = (_places(ox.value), _places(oy.value))
                continue
            obj = text_object(text, i)
            if not obj:
                continue
            if obj != last:
                st = self.style(obj)
                fontname, widths, advance = st.fontname, st.widths, st.advance
                size, drop = st.size, st.drop
                last = obj
            origin(text, i, rx, ry)
            x0 = fl(ox.value * scale + 0.5) / scale
            y = fl(oy.value * scale + 0.5) / scale
            ch = "-" if code == 2 else chr(code)
            if widths is not None:
                x1 = fl((x0 + widths.get(ch, 0.0) * advance) * scale + 0.5) / scale
            else:
                loose_box(text, i, rbox)
                x1 = fl(box.right * scale + 0.5) / scale
                if x1 < x0:
                    x1 = x0
            if pending is not None:
                self._space(out, pending, x0, y, baseline, st)
                pending = None
            top = height - (y + drop + size)
            out.append({"text": ch, "fontname": fontname, "size": size, "upright": True,
                        "x0": x0, "x1": x1, "top": top, "bottom": top + size,
                        "doctop": doctop + top})
            baseline = y
        return out

    def _space(self, out: list[dict[str, Any]], pending: tuple[float, float], x_next: float,
               y_next: float, baseline: float, st: _Style) -> None:
        """Keep PDFium's generated space when it stands for a real word gap (see module doc)."""
        if not out:
            return
        prev = out[-1]
        start = prev["x1"]
        if abs(baseline - y_next) > 1 or not 0 <= x_next - start <= SPACE_REACH * st.size:
            return
        end = min(max(start, pending[0]), max(start, x_next))
        out.append({**prev, "text": " ", "x0": start, "x1": end})


def _places(x: float) -> float:
    """``x`` to ``PLACES`` decimals (round half up; faster than ``round`` on the hot path)."""
    return floor(x * _SCALE + 0.5) / _SCALE


Matrix6 = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix6 = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _times(m: Matrix6, n: Matrix6) -> Matrix6:
    """``m`` then ``n`` (PDF row-vector convention, as pdfminer's ``mult_matrix``)."""
    a, b, c, d, e, f = m
    a1, b1, c1, d1, e1, f1 = n
    return (a * a1 + b * c1, a * b1 + b * d1, c * a1 + d * c1, c * b1 + d * d1,
            e * a1 + f * c1 + e1, e * b1 + f * d1 + f1)


def _matrix(obj: int) -> Matrix6:
    m = _Matrix()
    _obj_matrix(obj, byref(m))
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _rgb(getter: Any, obj: int) -> tuple[float, ...]:
    r, g, b, alpha = c_uint(), c_uint(), c_uint(), c_uint()
    if not getter(obj, byref(r), byref(g), byref(b), byref(alpha)):
        return (0.0,)
    return (r.value / 255, g.value / 255, b.value / 255)


class _Shapes:
    """A page's painted paths, sorted into lines, rectangles and curves as pdfminer does
    (``PDFLayoutAnalyzer.paint_path``), and its images' boxes."""

    def __init__(self, height: float, page_number: int, doctop: float, *, paths: bool = True) -> None:
        self.height, self.page_number, self.doctop = height, page_number, doctop
        self.paths = paths
        self.out: dict[str, list[dict[str, Any]]] = {}

    def read(self, page: int) -> dict[str, list[dict[str, Any]]]:
        for i in range(_count_objects(page)):
            self._object(_get_object(page, i), _IDENTITY, 0)
        return self.out

    def _object(self, obj: int, outer: Matrix6, depth: int) -> None:
        kind = _obj_type(obj)
        if kind == _OBJ_PATH:
            if self.paths:
                self._path(obj, _times(_matrix(obj), outer))
        elif kind == _OBJ_IMAGE:
            self._image(obj, outer)
        elif kind == _OBJ_FORM and depth < 12:
            inner = _times(_matrix(obj), outer)
            for i in range(_form_count(obj)):
                self._object(_form_object(obj, i), inner, depth + 1)

    def _path(self, obj: int, m: Matrix6) -> None:
        fill_mode, stroke = c_int(), c_int()
        _draw_mode(obj, byref(fill_mode), byref(stroke))
        if not fill_mode.value and not stroke.value:
            return  # a clipping path: pdfminer paints nothing for it
        a, b, c, d, e, f = m
        path: list[tuple] = []
        x, y = c_float(), c_float()
        bezier: list[tuple[float, float]] = []
        for i in range(_count_segments(obj)):
            seg = _get_segment(obj, i)
            _segment_point(seg, byref(x), byref(y))
            pt = (_places(a * x.value + c * y.value + e),
                  _places(b * x.value + d * y.value + f))
            kind = _segment_type(seg)
            if kind == _SEG_MOVETO:
                path.append(("m", pt))
            elif kind == _SEG_LINETO:
                path.append(("l", pt))
            elif kind == _SEG_BEZIERTO:
                bezier.append(pt)
                if len(bezier) == 3:
                    path.append(("c", *bezier))
                    bezier = []
            if _segment_close(seg) and not bezier:
                path.append(("h",))
        width = c_float()
        _stroke_width(obj, byref(width))
        paint = {"stroke": bool(stroke.value), "fill": bool(fill_mode.value),
                 "evenodd": fill_mode.value == 1, "linewidth": _places(width.value),
                 "stroking_color": _rgb(_stroke_color, obj),
                 "non_stroking_color": _rgb(_fill_color, obj)}
        self._paint(path, paint)

    def _paint(self, path: list[tuple], paint: dict[str, Any]) -> None:
        """pdfminer's ``paint_path``: each subpath on its own, then line, rect or curve."""
        starts = [i for i, seg in enumerate(path) if seg[0] == "m"]
        if not starts or starts[0] != 0:
            return
        for k, s in enumerate(starts):
            sub = path[s: starts[k + 1] if k + 1 < len(starts) else len(path)]
            if len(sub) > 1:
                self._subpath(sub, paint)

    def _subpath(self, path: list[tuple], paint: dict[str, Any]) -> None:
        shape = "".join(seg[0] for seg in path)
        pts = [seg[-1] if seg[0] != "h" else path[0][-1] for seg in path]
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"
            pts.pop()
        kind = "curve"
        if shape in {"mlh", "ml"}:
            kind, pts = "line", pts[:2]
        elif shape in {"mlllh", "mllll"}:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or \
                (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
            if pts[0] == pts[4] and square:
                kind = "rect"
                lo_x, hi_x = sorted((x0, x2))
                lo_y, hi_y = sorted((y0, y2))
                pts = [(lo_x, lo_y), (hi_x, lo_y), (hi_x, hi_y), (lo_x, hi_y)]
        self._add(kind, pts, path, paint)

    def _add(self, kind: str, pts: list[tuple[float, float]], path: list[tuple],
             paint: dict[str, Any]) -> None:
        h = self.height
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        flipped = [(p[0], h - p[1]) for p in pts]
        obj = {"x0": x0, "y0": y0, "x1": x1, "y1": y1, "width": x1 - x0, "height": y1 - y0,
               "pts": flipped, **paint, "mcid": None, "tag": None, "object_type": kind,
               "page_number": self.page_number,
               "path": [(seg[0], *((p[0], h - p[1]) for p in seg[1:])) for seg in path],
               "dash": None, "top": h - y1, "bottom": h - y0, "doctop": self.doctop + h - y1}
        self.out.setdefault(kind, []).append(obj)

    def _image(self, obj: int, outer: Matrix6) -> None:
        left, bottom, right, top = c_float(), c_float(), c_float(), c_float()
        if not _obj_bounds(obj, byref(left), byref(bottom), byref(right), byref(top)):
            return
        a, b, c, d, e, f = outer
        corners = [(a * x + c * y + e, b * x + d * y + f)
                   for x in (left.value, right.value) for y in (bottom.value, top.value)]
        x0, x1 = _places(min(p[0] for p in corners)), _places(max(p[0] for p in corners))
        y0, y1 = _places(min(p[1] for p in corners)), _places(max(p[1] for p in corners))
        w, hh = c_uint(), c_uint()
        _pixel_size(obj, byref(w), byref(hh))
        h = self.height
        self.out.setdefault("image", []).append({
            "x0": x0, "y0": y0, "x1": x1, "y1": y1, "width": x1 - x0, "height": y1 - y0,
            "srcsize": (w.value, hh.value), "name": "", "mcid": None, "tag": None,
            "object_type": "image", "page_number": self.page_number,
            "top": h - y1, "bottom": h - y0, "doctop": self.doctop + h - y1})
