"""A matplotlib figure as SVG to inline in the page: links that stay in the page, tooltips.

matplotlib's SVG backend writes an artist's ``set_url`` as ``<a xlink:href target="_blank">``
and its ``set_gid`` as the id of its group. Inlined in HTML, the report needs a little
more: plain ``href`` (so ``a[href=...]`` selectors and the page's script see the link) in
the same tab, a ``<title>`` tooltip per linked mark (the way matplotlib's own SVG-tooltip
example adds them, through ElementTree), ids that cannot clash between the charts of one
page, and text in the page's font. ``inline_svg`` makes exactly those edits and drops the
groups and ids that only name matplotlib's artists, which keeps the page small.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_XLINK_HREF = f"{{{XLINK_NS}}}href"

#: Drawing settings: 1 unit = 1 CSS pixel (72 dpi; the root's pt sizes become px), text kept
#: as text so the page's CSS font applies, ids hashed per chart so output is reproducible.
RC = {
    "svg.fonttype": "none",
    "text.parse_math": False,  # a "$" in a name is a dollar sign, not TeX
    "font.size": 11,
    "font.family": "sans-serif",
    "text.color": "#1d2330",
    "axes.edgecolor": "#9aa3b2",
    "axes.linewidth": 1,
}
DPI = 72
_NO_METADATA = {"Creator": None, "Date": None, "Format": None, "Type": None}


@contextmanager
def drawing(chart_id: str) -> Iterator[None]:
    """matplotlib settings for one chart, without touching the process-wide defaults."""
    with matplotlib.rc_context({**RC, "svg.hashsalt": chart_id}):
        yield


def frame(
    width: float, height: float, left: float, top: float, right: float, bottom: float
) -> tuple[Figure, Axes]:
    """A figure of ``width`` x ``height`` px with one frameless axes inset by the margins (px)."""
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    FigureCanvasSVG(fig)
    fig.patch.set_visible(False)
    ax = fig.add_axes(
        (left / width, bottom / height, 1 - (left + right) / width, 1 - (top + bottom) / height)
    )
    ax.set_axis_off()
    return fig, ax


def inline_svg(fig: Figure, chart_id: str | None, label: str, tips: dict[str, str]) -> str:
    """The figure as an ``<svg>`` element; ``tips`` maps an artist's gid to its tooltip."""
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata=_NO_METADATA)
    root = ET.fromstring(buf.getvalue())
    width, height = root.attrib["viewBox"].split()[2:]
    root.attrib = {
        "role": "img",
        "aria-label": label,
        "width": width,
        "height": height,
        "viewBox": f"0 0 {width} {height}",
    }
    if chart_id:
        root.set("id", chart_id)
    for el in root.iter():
        if (tip := tips.get(el.get("id", ""))) is not None:
            _add_title(el, tip)
        _tidy(el)
    _scope_ids(root, re.sub(r"[^a-z0-9]+", "-", (chart_id or label).lower()))
    _unwrap(root)
    return ET.tostring(root, encoding="unicode")


def _add_title(group: ET.Element, tip: str) -> None:
    """The tooltip goes in the group's link (or text), which outlives the group's id."""
    marks = [c for c in group if c.tag in (f"{{{SVG_NS}}}a", f"{{{SVG_NS}}}text")]
    title = ET.Element(f"{{{SVG_NS}}}title")
    title.text = tip
    (marks[0] if marks else group).insert(0, title)


def _tidy(el: ET.Element) -> None:
    """Same-tab links with a plain href; the page's font; no whitespace or no-op rotations."""
    if el.tag == f"{{{SVG_NS}}}a" and _XLINK_HREF in el.attrib:
        el.set("href", el.attrib.pop(_XLINK_HREF))
        el.attrib.pop("target", None)
    if "style" in el.attrib:
        el.set("style", re.sub(r"font-family: [^;]*;? ?", "", el.get("style", "")))
    if re.fullmatch(r"rotate\(-?0 [^)]*\)", el.get("transform", "")):
        del el.attrib["transform"]
    if "d" in el.attrib:
        el.set("d", " ".join(el.get("d", "").split()))
    if el.text and not el.text.strip():
        el.text = None
    el.tail = None


def _scope_ids(root: ET.Element, prefix: str) -> None:
    """Drop ids nothing refers to; prefix the rest (clip paths, markers) with the chart's."""
    refs = " ".join(v for el in root.iter() for k, v in el.attrib.items() if k != "id" and "#" in v)
    renamed = {}
    for el in root.iter():
        ident = el.get("id")
        if ident is None or el is root:
            continue
        if f"#{ident}" in refs:
            renamed[ident] = f"{prefix}-{ident}"
            el.set("id", renamed[ident])
        else:
            del el.attrib["id"]
    for el in root.iter():
        for k, v in el.attrib.items():
            for old, new in renamed.items():
                if v in (f"#{old}", f"url(#{old})"):
                    el.set(k, v.replace(old, new))


def _unwrap(parent: ET.Element) -> None:
    """Replace attribute-less groups by their children; drop matplotlib's stylesheet."""
    children = []
    for child in parent:
        _unwrap(child)
        if child.tag == f"{{{SVG_NS}}}style":
            continue
        if child.tag == f"{{{SVG_NS}}}g" and not child.attrib:
            children.extend(child)
        elif child.tag == f"{{{SVG_NS}}}defs" and not len(child):
            continue
        else:
            children.append(child)
    parent[:] = children
