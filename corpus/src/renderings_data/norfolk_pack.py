"""Norfolk's whole scrutiny agenda pack of 16 September 2021 (seed 004) in the model, about ninety pages.

One document of the papers a committee pack joins, each its own section in its own type
size: the agenda front sheet (membership table, agenda items with their page references),
the minutes of 20 July 2021 (attendance rows, numbered minutes, bullets and sub-bullets),
the presentation printed one landscape slide a page in large type (charts as pictures),
the cover report for the plan (a ruled form, numbered paragraphs, lettered lists), the
Safer Norfolk Plan 2021-24 (contents table, figures, a tinted box, outcome and policy
tables), the consultation report with its figures, the printed survey (tick-box options,
an agreement grid), the cover report for the delivery plan, the delivery plan itself
(landscape ruled tables with sub-heading rows, from ``norfolk``), and the forward work
programme. The text is the reportlab builder's (``src/norfolk_data``: the ``*.txt`` files
and ``pack.py``); the gold is its hand-written ``gold_hand.json``, pages found again here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import doc as m

from src.norfolk_data import pack
from src.renderings_data import norfolk as delivery

NAME = "norfolk-ccsp-scrutiny-agenda-2021-09-16"
DATA = Path(__file__).resolve().parents[1] / "norfolk_data"
LOGO = "Norfolk county community safety partnership"
GREY, BLUE = "#F2F2F2", "#DEEBF7"
ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)\*(?!\w)")


def text(s: str) -> str:
    """The data files' marks as model text: ``**bold**`` kept, ``*italic*`` and ``<u>`` as plain words."""
    s = s.replace("<u>", "").replace("</u>", "").replace("**", "\x00")
    return ITALIC.sub(r"\1", s).replace("\x00", "**")


def unruled(rows: list[list[str]], widths: list[float], **kw: Any) -> m.Table:
    return m.Table([[m.cell(text(x)) for x in r] for r in rows], widths, header_rows=0, repeat_header=False,
                   ruled="none", header_fill=None, **kw)


def boxed(paras: list[m.Block], fill: str | None = None) -> m.Table:
    """A one-cell ruled box (the large-print notice, the plan's tinted box)."""
    return m.Table([[m.cell(paras, fill=fill)]], [1], header_rows=0, repeat_header=False, header_fill=None)


def officer() -> list[m.Flow]:
    return [m.Heading(pack.OFFICER_HEAD, 3), m.Paragraph(pack.OFFICER_TEXT),
            unruled([[*r, ""] for r in pack.OFFICER], [40, 90, 50])]


def outcome_tables() -> list[m.Flow]:
    out: list[m.Flow] = [m.Heading("Measures", 3)]
    for title, bullets, measures in pack.OUTCOMES:
        head: list[m.Block] = [m.Paragraph(f"**{title}**"), *([m.Bullets(list(bullets))] if bullets else [])]
        rows: list[list[m.Cell | None]] = [[m.cell(head, colspan=2, fill=BLUE), None]]
        rows += [[m.cell(str(i)), m.cell(x)] for i, x in enumerate(measures, 1)]
        out.append(m.Table(rows, [12, 162], header_rows=1, repeat_header=False, header_fill=None))
    return out


def policy_table() -> list[m.Flow]:
    rows: list[list[m.Cell | None]] = [[m.cell("Norfolk Strategic Partnership Priorities", colspan=2, bold=True),
                                        None],
                                       [m.cell("Partnership", bold=True), m.cell("Priorities", bold=True)]]
    for name, items in pack.POLICY:
        if items[0].endswith(":"):
            body: list[m.Block] = [m.Paragraph(items[0]), m.Bullets(items[1:])]
        elif len(items) == 1:
            body = [m.Paragraph(items[0])]
        else:
            body = [m.Bullets(list(items))]
        rows.append([m.cell(name, bold=True), m.cell(body)])
    return [m.Table(rows, [55, 119], header_rows=2, repeat_header=False)]


HOOKS = {"outcomes": outcome_tables, "policytable": policy_table}


def from_text(name: str) -> list[m.Flow]:
    """One ``norfolk_data/*.txt`` file as model flows (markers in ``norfolk_data/README.md``)."""
    out: list[m.Flow] = []
    group: list[str] = []
    kind = ""
    seed = 0

    def flush() -> None:
        nonlocal kind
        if kind in ("row", "form"):
            rows = [[text(x.strip()) for x in g.split("|", 1)] for g in group]
            if kind == "row":
                out.append(unruled(rows, [62, 112]))
            else:
                out.append(m.Table([[m.cell(a, bold=True, fill=GREY), m.cell(b)] for a, b in rows], [58, 116],
                                   header_rows=0, repeat_header=False, header_fill=None))
        elif kind == "toc":
            toc: list[list[m.Cell | None]] = []
            for g in group:
                parts = [x.strip() for x in g.split("|")]
                if len(parts) == 2:  # a second-level entry, indented under its chapter
                    toc.append([m.cell(""), m.cell([m.Paragraph(text(parts[0]), indent=True)]), m.cell(parts[1])])
                else:
                    toc.append([m.cell(parts[0]), m.cell(text(parts[1])), m.cell(parts[2])])
            out.append(m.Table(toc, [14, 140, 20], header_rows=0, repeat_header=False, ruled="none",
                               header_fill=None))
        elif kind == "box":
            blocks: list[m.Block] = []
            for g in group:
                if g.startswith("• "):
                    if blocks and isinstance(blocks[-1], m.Bullets):
                        blocks[-1].items.append(text(g[2:]))
                    else:
                        blocks.append(m.Bullets([text(g[2:])]))
                else:
                    blocks.append(m.Paragraph(text(g)))
            out.append(boxed(blocks, fill=BLUE))
        elif kind in ("b", "bb"):
            out.append(m.Bullets([text(g) for g in group], level=1 if kind == "b" else 2))
        group.clear()
        kind = ""

    for raw in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if not line:
            continue
        marker, _, rest = line.partition(" ") if line.startswith("@") else ("", "", line)
        key = marker[1:] if marker else ""
        grouped = {"toc2": "toc"}.get(key, key)
        if grouped in ("row", "form", "toc", "box", "b", "bb"):
            if kind and kind != grouped:
                flush()
            kind = grouped
            group.append(rest)
            continue
        flush()
        if key in ("h1", "h2", "h3"):
            out.append(m.Heading(text(rest), int(key[1])))
        elif key in ("p", "center", ""):
            out.append(m.Paragraph(text(rest)))
        elif key == "title":
            out.append(m.Heading(text(rest), 1))
        elif key == "subtitle":
            out.append(m.Heading(text(rest), 2))
        elif key in ("n", "nb"):
            num, _, body = rest.partition("|")
            out.append(m.Paragraph(text(body.strip()), number=num.strip(), level=0 if key == "n" else 1))
        elif key == "fig":
            caption, _, height = rest.partition("|")
            seed += 1
            out.append(m.Figure(float(height or 150), seed=seed))
            if caption.strip():
                out.append(m.Paragraph(text(caption.strip()), small=True))
        elif key == "fn":
            out.append(m.Paragraph(text(rest), small=True))
        elif key == "sp":
            continue
        elif key == "page":
            out.append(m.PageBreak())
        elif key in ("large", "large2"):
            out.append(boxed([m.Paragraph(pack.LARGE_PRINT_AGENDA if key == "large" else pack.LARGE_PRINT_REPORT)]))
        elif key == "officer":
            out += officer()
        elif key in HOOKS:
            out += HOOKS[key]()
        else:
            raise ValueError(f"{name}: unknown marker {marker}")
    flush()
    return out


def front_sheet(refs: dict[str, int] | None = None) -> list[m.Flow]:
    out: list[m.Flow] = [m.Heading(pack.FRONT_TITLE, 1), unruled([list(r) for r in pack.MEETING], [25, 120]),
                         m.Heading(pack.ADVICE_HEAD, 3), *(m.Paragraph(x) for x in pack.ADVICE),
                         m.Heading(pack.MEMBERSHIP_HEAD, 2),
                         m.grid(pack.MEMBERSHIP_COLUMNS, [list(r) for r in pack.MEMBERSHIP], [50, 50, 74],
                                ruled="header", header_fill=None, repeat_header=False),
                         *(m.Paragraph(x) for x in pack.ENQUIRIES), m.PageBreak(), m.Heading(pack.AGENDA_HEAD, 1)]
    for item in pack.AGENDA:
        if item is None:
            out.append(m.PageBreak())
            continue
        num, title, page, body = item
        if page and refs and num in refs:
            page = re.sub(r"\d+", str(refs[num]), page)  # where this typesetting put the paper
        out.append(m.Table([[m.cell(f"**{num}**"), m.cell(f"**{title}**"), m.cell(page or "")]], [12, 134, 28],
                           header_rows=0, repeat_header=False, ruled="none", header_fill=None, size=10))
        for kind, x in body:
            if kind == "i":
                out.append(m.Paragraph(x, indent=True))
            else:
                level = 1 if kind == "b" else 2
                if out and isinstance(out[-1], m.Bullets) and out[-1].level == level:
                    out[-1].items.append(x)
                else:
                    out.append(m.Bullets([x], level=level))
    out += [*(m.Paragraph(x) for x in pack.ADDRESS), m.Paragraph(pack.PUBLISHED), m.PageBreak(),
            boxed([m.Paragraph(pack.LARGE_PRINT_AGENDA)])]
    return out


def slide_extra(extra: tuple) -> list[m.Flow]:
    kind = extra[0]
    if kind == "chart":
        return [m.Figure(extra[2] * 0.8, width=0.8, seed=extra[1])]
    if kind == "structure":
        return [m.Figure(200, width=0.8, seed=4), m.Paragraph("    ".join(pack.STRUCTURE_LEGEND))]
    if kind == "cso_boxes":
        return [m.Table([[m.cell([m.Paragraph(x) for x in box]) for box in pack.CSO_BOXES]], [1, 1, 1],
                        header_rows=0, repeat_header=False, header_fill=None)]
    if kind == "results":
        first, second = pack.RESULTS_CHARTS
        left = [m.Paragraph(first), m.Figure(100, width=0.95, seed=5), m.Paragraph(LOGO, small=True),
                m.Paragraph(second), m.Figure(100, width=0.95, seed=6)]
        right = [m.Paragraph(pack.RESULTS_THEMES_HEAD), m.Bullets(list(pack.RESULTS_THEMES))]
        return [m.Table([[m.cell(left), m.cell(right)]], [1, 1], header_rows=0, repeat_header=False, ruled="none",
                        header_fill=None, size=13)]
    if kind == "disability":
        # the chart's bars are a picture; its category labels and values print as text under it
        return [m.Heading(pack.DISABILITY_HEAD, 3), m.Figure(150, width=0.6, seed=7),
                m.Table([[m.cell(c) for c, _ in pack.DISABILITY], [m.cell(f"{v:.1f}%") for _, v in pack.DISABILITY]],
                        [1, 1, 1], header_rows=0, repeat_header=False, ruled="none", header_fill=None, size=9)]
    if kind == "two_charts":
        a, b = pack.TWO_CHARTS
        return [m.Table([[m.cell([m.Heading(a, 3)]), m.cell([m.Heading(b, 3)])],
                         [m.cell([m.Figure(180, width=0.95, seed=1)]), m.cell([m.Figure(180, width=0.95, seed=3)])]],
                        [1, 1], header_rows=0, repeat_header=False, ruled="none", header_fill=None)]
    raise ValueError(f"unknown slide extra {kind!r}")


def slides() -> list[m.Flow]:
    small, title, subtitle, note = pack.TITLE_SLIDE
    out: list[m.Flow] = [m.Paragraph(small, small=True), m.Heading(title, 1), m.Paragraph(subtitle),
                         m.Paragraph(note)]
    for heading, items, extra in pack.SLIDES:
        out += [m.PageBreak(), m.Heading(heading, 1)]
        for level, x in items:
            if level == "p":
                out.append(m.Paragraph(x))
                continue
            lv = 1 if level == "b" else 2
            if isinstance(out[-1], m.Bullets) and out[-1].level == lv:
                out[-1].items.append(x)
            else:
                out.append(m.Bullets([x], level=lv))
        out += slide_extra(extra) if extra else []
    return out


def questionnaire() -> list[m.Flow]:
    out: list[m.Flow] = []
    for item in pack.QUESTIONNAIRE:
        kind = item[0]
        if kind in ("h2", "h3"):
            out.append(m.Heading(item[1], int(kind[1])))
        elif kind in ("p", "fn"):
            out.append(m.Paragraph(item[1], small=kind == "fn"))
        elif kind == "options":
            out += [m.Paragraph(f"\u2610 {x}") for x in item[1]]
        elif kind == "page":
            out.append(m.PageBreak())
        elif kind == "priorities":
            rows: list[list[m.Cell | str | None]] = [[x, *[""] * 6] for x in pack.PRIORITY_ITEMS]
            out.append(m.grid(["", *pack.AGREE_SCALE, "Don't know"], rows, [60, *[19] * 6], header_fill=None,
                              repeat_header=False))
        elif kind == "outcomes":
            for area, outs in pack.OUTCOME_AREAS:
                out.append(m.Paragraph(f"**{area}**"))
                out += [m.Paragraph(x, number=f"{i}.", level=1) for i, x in enumerate(outs, 1)]
            out += [m.Paragraph(x, number=f"{ch}.", level=2) for ch, x in zip("abc", pack.OUTCOME_FORMS, strict=False)]
        elif kind != "space":
            raise ValueError(f"questionnaire: unknown item {kind!r}")
    return out


def forward_work_programme() -> list[m.Flow]:
    rows: list[list[m.Cell | str | None]] = [
        [date, pack.FWP_REPORT, m.cell([m.Bullets(list(issues))]), ""] for date, issues in pack.FWP]
    return [m.Heading(pack.FWP_HEAD, 2), m.grid(pack.FWP_COLUMNS, rows, [30, 45, 65, 34], repeat_header=False),
            m.Paragraph(pack.FWP_FUTURE_HEAD), m.Paragraph(pack.FWP_FUTURE),
            *(m.Paragraph(x, number=b, level=1) for b, x in pack.FWP_ITEMS)]


#: agenda item -> the section of the model holding the paper its page reference points to
ITEM_SECTIONS = {"2.": 1, "5.": 3, "6.": 7, "7.": 9}


def model(refs: dict[str, int] | None = None) -> m.Document:
    """The pack; ``refs`` gives the page each agenda item's paper starts on (by default the
    reportlab original's, which ``page_references`` corrects for each typesetting)."""
    page = "Page {page}"
    sections = [
        m.Section(front_sheet(refs), footer=page),
        m.Section(from_text("minutes.txt"), footer=page, size=9.5),
        m.Section(slides(), orientation="landscape", footer=page, size=15),
        m.Section(from_text("cover_plan.txt"), footer=page),
        m.Section(from_text("plan.txt"), footer=page, size=11),
        m.Section(from_text("consultation.txt"), footer=page, size=11),
        m.Section(questionnaire(), header=f"{LOGO}    02/09/2021", footer=page),
        m.Section(from_text("cover_delivery.txt"), footer=page),
        m.Section(delivery.flows(), orientation="landscape", header=LOGO, footer=page),
        m.Section([*from_text("cover_fwp.txt"), m.PageBreak(), *forward_work_programme()], footer=page),
    ]
    return m.Document("Norfolk Countywide Community Safety Partnership Scrutiny Sub Panel", "Norfolk County Council",
                      sections, font="verdana", size=10, margin_mm=18,
                      meta={"subject": "Agenda pack, 16 September 2021"})


def page_references(d: m.Document, pdf: Path) -> m.Document | None:
    """The pack again with its agenda's page references set to where ``pdf`` starts each paper,
    as a committee system stamps a real pack; None when they are right already."""
    found = section_starts(d, pdf)
    refs = {num: found[k] for num, k in ITEM_SECTIONS.items()}
    return None if refs == agenda_refs(d) else model(refs)


def agenda_refs(d: m.Document) -> dict[str, int]:
    """The page references the front sheet prints, by item number."""
    out = {}
    for t in d.sections[0].blocks:
        if isinstance(t, m.Table) and len(t.rows) == 1 and len(t.rows[0]) == 3:
            num, _, ref = (x.blocks[0].text.strip("*") if x and x.blocks else "" for x in t.rows[0])  # type: ignore[union-attr]
            if re.search(r"\d", ref):
                out[num] = int(re.search(r"\d+", ref).group(0))  # type: ignore[union-attr]
    return out


def section_starts(d: m.Document, pdf: Path) -> list[int]:
    """The page each section of ``d`` starts on in ``pdf``: the first page, after the previous
    section's, that opens (past its running header) with the section's first words."""
    from locate import page_words, words

    pages = page_words(pdf)
    out, start = [], 1
    for sec in d.sections:
        first = words(" ".join(m.texts(sec.blocks)[:2]))[:8]
        for number in range(start, len(pages) + 1):
            head = pages[number - 1][:40]
            if any(head[i:i + len(first)] == first for i in range(len(head))):
                break
        else:
            raise ValueError(f"{pdf.name}: section opening {' '.join(first)!r} not found")
        out.append(number)
        start = number + 1  # a section starts a new page
    return out


def gold() -> dict[str, Any]:
    g = json.loads((DATA / "gold_hand.json").read_text(encoding="utf-8"))
    g["notes"] = [*g.get("notes", []), "Typeset from the document model: each paper of the pack its own section "
                  "(slides landscape in large type, the delivery plan landscape as its own rendering); content and "
                  "gold as the reportlab original."]
    return g
