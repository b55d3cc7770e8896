"""Render a ``corpus.doc.Document`` as an HTML page printed to PDF by headless Chromium.

Councils publish web pages saved as PDF from a browser: ``@page`` rules set the
size, orientation (a named page per section) and the running header/footer
(margin boxes with ``counter(page)``); merged cells are ``rowspan``/``colspan``;
repeated header rows are a ``<thead>``, which Chromium repeats on every page.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import doc as m
from pdfbytes import normalise

FONTS = {"arial": '"Liberation Sans", Arial, sans-serif', "calibri": 'Carlito, Calibri, sans-serif',
         "verdana": '"DejaVu Sans", Verdana, sans-serif', "times": '"Liberation Serif", "Times New Roman", serif'}


PAPER = {"a4": "A4", "letter": "letter"}


def rich(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(text, quote=False))


def css_string(text: str) -> str:
    """Header/footer text as CSS ``content`` with ``{page}`` as the page counter."""
    parts = [f'"{p}"' for p in (x.replace('"', '\\"') for x in text.split("{page}"))]
    return " counter(page) ".join(parts)


def aligned(align: str) -> str:
    return f' style="text-align:{align}"' if align != "left" else ""


def blocks(items: list[m.Flow], bold: bool = False) -> str:
    out: list[str] = []
    for b in items:
        if isinstance(b, m.Heading):
            out.append(f"<h{b.level}{aligned(b.align)}>{rich(b.text)}</h{b.level}>")
        elif isinstance(b, m.Paragraph):
            cls = " class=small" if b.small else " class=indent" if b.indent else ""
            text = f"<strong>{rich(b.text)}</strong>" if bold else rich(b.text)
            if b.number is not None:
                out.append(numbered(b, text, cls))
            else:
                out.append(f"<p{cls}{aligned(b.align)}>{text}</p>")
        elif isinstance(b, m.Space):
            out.append(f'<div style="height:{b.mm}mm"></div>')
        elif isinstance(b, m.Bullets):
            tag = "ol" if b.numbered else "ul"
            cls = f' class="l{b.level}"' if b.level > 1 else ""
            out.append(f"<{tag}{cls}>" + "".join(f"<li>{rich(x)}</li>" for x in b.items) + f"</{tag}>")
        elif isinstance(b, m.Figure):
            out.append(figure(b))
        elif isinstance(b, m.PageBreak):
            out.append('<div class="break"></div>')
        elif isinstance(b, m.Table):
            out.append(table(b))
    return "\n".join(out)


def numbered(b: m.Paragraph, text: str, cls: str) -> str:
    """A hanging number: the paragraph indented to its text, the number pulled out into the margin."""
    at, hang = m.text_indent_mm(b.level), m.text_indent_mm(b.level) - m.marker_indent_mm(b.level)
    style = f"margin-left:{at}mm"
    number = ""
    if b.number:
        style += f";text-indent:-{hang}mm"
        number = f'<span class="n" style="width:{hang}mm">{rich(b.number)}</span>'
    return f'<p{cls} style="{style}">{number}{text}</p>'


def figure(b: m.Figure) -> str:
    """A figure as an inline SVG of boxes (vector shapes, no text), sized in points."""
    w, h = 480 * b.width, b.height
    rects = "".join(f'<rect x="{x:.1f}" y="{h - y - bh:.1f}" width="{bw:.1f}" height="{bh:.1f}" rx="6" '
                    f'fill="{fill}" stroke="#A6A6A6"/>' for x, y, bw, bh, fill in m.figure_boxes(w, h, b.seed))
    return (f'<svg class="fig" style="width:{100 * b.width:.0f}%;height:{h:.0f}pt" viewBox="0 0 {w:.0f} {h:.0f}" '
            f'preserveAspectRatio="none">'
            f'<rect x="0" y="0" width="{w:.0f}" height="{h:.0f}" fill="none" stroke="#A6A6A6"/>{rects}</svg>')


def table(t: m.Table) -> str:
    total = sum(t.widths)
    cols = "".join(f'<col style="width:{100 * w / total:.2f}%">' for w in t.widths)
    size = f' style="font-size:{t.size}pt"' if t.size else ""
    rows: list[str] = []
    for r, row in enumerate(t.rows):
        tag = "th" if r < t.header_rows else "td"
        cells = []
        for x in row:
            if x is None:
                continue
            attrs = (f' rowspan="{x.rowspan}"' if x.rowspan > 1 else "") + (
                f' colspan="{x.colspan}"' if x.colspan > 1 else "")
            fill = x.fill or (t.header_fill if r < t.header_rows and t.ruled == "grid" else None)
            css = (f"background:{fill};" if fill else "") + (f"text-align:{x.align};" if x.align != "left" else "")
            if css:
                attrs += f' style="{css.rstrip(";")}"'
            cells.append(f"<{tag}{attrs}>{blocks(list(x.blocks), bold=x.bold)}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head, body = rows[: t.header_rows], rows[t.header_rows:]
    if t.repeat_header:
        inner = f"<thead>{''.join(head)}</thead><tbody>{''.join(body)}</tbody>"
    else:
        inner = f"<tbody>{''.join(head + body)}</tbody>"
    cls = t.ruled + ("" if t.split_rows else " whole")
    return f'<table class="{cls}"{size}><colgroup>{cols}</colgroup>{inner}</table>'


def page_rules(d: m.Document) -> str:
    out = []
    font = f"font-family: {FONTS[d.font]}; font-size: 8.5pt;"  # margin boxes do not inherit the body's
    for i, sec in enumerate(d.sections):
        boxes = ""
        if sec.header:
            boxes += f"@top-left {{ content: {css_string(sec.header)}; {font} }}"
        if sec.footer:
            boxes += f"@bottom-right {{ content: {css_string(sec.footer)}; {font} }}"
        out.append(f"@page s{i} {{ size: {PAPER[d.paper]} {sec.orientation}; margin: {d.margin_mm}mm; {boxes} }}\n"
                   f".s{i} {{ page: s{i}; }}")
        if sec.size and sec.size != d.size:
            z = sec.size
            out.append(f".s{i} {{ font-size: {z}pt; }} .s{i} h1 {{ font-size: {z + 5}pt; }} "
                       f".s{i} h2 {{ font-size: {z + 2.5}pt; }} .s{i} h3 {{ font-size: {z + 1}pt; }} "
                       f".s{i} table {{ font-size: {z - 1.5}pt; }} .s{i} p.small {{ font-size: {z - 2}pt; }}")
    return "\n".join(out)


def page(d: m.Document) -> str:
    body = "\n".join(f'<section class="s{i}">{blocks(sec.blocks)}</section>'
                     for i, sec in enumerate(d.sections))
    style = f"""
{page_rules(d)}
body {{ font-family: {FONTS[d.font]}; font-size: {d.size}pt; line-height: 1.25; margin: 0; }}
h1 {{ font-size: {d.size + 5}pt; margin: 0 0 8pt; color: #1F3A5F; }}
h2 {{ font-size: {d.size + 2.5}pt; margin: 12pt 0 6pt; color: #1F3A5F; }}
h3 {{ font-size: {d.size + 1}pt; margin: 10pt 0 4pt; }}
p {{ margin: 0 0 6pt; }} p.small {{ font-size: {d.size - 2}pt; }} p.indent {{ margin-left: 8mm; }}
ul, ol {{ margin: 0 0 6pt; padding-left: 7mm; }} ul.l2 {{ padding-left: 16mm; list-style-type: circle; }}
span.n {{ display: inline-block; text-indent: 0; }} svg.fig {{ display: block; margin: 4pt 0 6pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; font-size: {d.size - 1.5}pt;
         margin: 4pt 0 10pt; }}
th, td {{ vertical-align: top; text-align: left; padding: 2pt 4pt; }}
table.grid th, table.grid td {{ border: 0.6pt solid #000; }}
table.header tr:first-child th {{ border-bottom: 1pt solid #000; }}
td p, th p {{ margin: 0 0 2pt; }} td ul, th ul {{ padding-left: 4mm; margin: 0 0 2pt; }}
th p {{ font-weight: bold; }}
tr {{ break-inside: auto; }}
table.whole tr {{ break-inside: avoid; }}
.break {{ break-after: page; }}
section + section {{ break-before: page; }}
"""
    return (f'<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
            f"<title>{html.escape(d.title)}</title><style>{style}</style></head>\n<body>\n{body}\n</body></html>\n")


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise SystemExit("chromium not found: install Debian's chromium (make corpus does it when run as root)")
    return found


def render(d: m.Document, pdf: Path, keep_html: Path | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (pdf.name.removesuffix(".pdf") + ".html")
        src.write_text(page(d), encoding="utf-8")
        if keep_html:
            shutil.copy(src, keep_html)
        out = Path(tmp) / "out.pdf"
        cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
               f"--print-to-pdf={out}", src.as_uri()]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=240,
                              env=dict(os.environ, TZ="UTC"))
        if not out.exists():
            raise SystemExit(f"chromium did not print {src.name}: {done.stderr.strip()[:300]}")
        pdf.write_bytes(normalise(out.read_bytes()))
