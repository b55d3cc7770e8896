"""Layout variants of the seed action plans: same content (so the same gold records), another layout.

Extraction must not depend on one council's layout, so each variant here takes
the CONTENT of a seed's action plan from that seed's builder data
(``east_suffolk_data/``, ``east_cambs_data/``, ``norfolk_data/``) and lays it
out differently: columns in another order and under other header wordings,
no ruling lines, portrait instead of landscape, header rows repeated on every
page or never, merged cells flattened, another font family and page size.
Each variant is a document of its own (just the action plan), and its gold
holds the original gold's records for the parts it contains, with pages
located in the variant's PDF and a ``varies`` field naming the original gold.
``corpus/variants/README.md`` lists the variants and what each changes.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from render import (
    A4,
    CORPUS_DIR,
    Spacer,
    build_pdf,
    colors,
    esc,
    landscape,
    markup,
    mm,
    page_of,
    register_vera_family,
    ruled_table,
    styles,
    write_gold,
)
from reportlab import rl_config
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from src import east_suffolk as es
from src.east_cambs import join as ec_join
from src.east_cambs_data import content as ec

OUT_SUBDIR = "variants"

FRAME_PAD = 6  # platypus Frame padding on each side: a table starts 6 pt inside the margin
# A table that repeats its header keeps each row whole (split_in_row=False): with both, reportlab can
# place the rest of a split table in the space left on the same page, header and all, mid-page.

# --------------------------------------------------------------------------- shared helpers


def register_vera() -> None:
    """Bitstream Vera (shipped with reportlab) as a second, embedded font family."""
    register_vera_family()


def table_width(pagesize: tuple[float, float], margin: float) -> float:
    """Width a table needs to fill the frame exactly (so rows split over a page stay in line)."""
    return pagesize[0] - 2 * margin - 2 * FRAME_PAD


def columns(widths_mm: Sequence[float], total: float) -> list[float]:
    """Column widths (given in mm, in proportion) scaled to ``total`` points."""
    return es.fit([w * mm for w in widths_mm], total)


def band(widths: Sequence[float], index: int, margin: float) -> tuple[float, float]:
    """x-range (points) of column ``index`` of a left-aligned table in a frame with ``margin``."""
    x0 = margin + FRAME_PAD + sum(widths[:index])
    return x0, x0 + widths[index]


def squash(text: str) -> str:
    """The comparison key render.page_of uses: no whitespace, first 60 characters."""
    return re.sub(r"\s+", "", text)[:60]


class BandPager:
    """render.page_of restricted to column bands of a table.

    A cell's text wraps inside its column, so its opening words are contiguous
    only in that column's own text, not in the page's line-by-line text (where
    the other columns interleave). Same key as page_of; pages are 1-based.
    """

    def __init__(self, pdf: Path, bands: Iterable[tuple[float, float]]) -> None:
        self.texts: list[str] = []
        with pdfplumber.open(str(pdf)) as doc:
            for page in doc.pages:
                parts = []
                for x0, x1 in bands:
                    box = (max(0.0, x0 - 0.5), 0, min(float(page.width), x1 + 0.5), float(page.height))
                    parts.append(re.sub(r"\s+", "", page.within_bbox(box).extract_text() or ""))
                self.texts.append("\n".join(parts))

    def find(self, text: str, start: int = 1) -> int:
        key = squash(text)
        for i in range(start - 1, len(self.texts)):
            if key in self.texts[i]:
                return i + 1
        raise ValueError(f"{text[:60]!r} not found in the column(s) from page {start} on")


def page_count(pdf: Path) -> int:
    with pdfplumber.open(str(pdf)) as doc:
        return len(doc.pages)


def mentioned(organisations: Sequence[str], texts: Iterable[str], patterns: dict[str, list[str]],
              activities: Iterable[dict[str, Any]] = ()) -> list[str]:
    """The organisations (official names, original gold order) that the variant's text names.

    Each organisation is looked for by its official name and by the wordings the
    seed uses for it (``patterns``, regular expressions written by hand from the
    seed, the same decisions the original gold's notes record); an organisation
    that leads one of the variant's activities is named by that lead cell.
    """
    unknown = set(patterns) - set(organisations)
    if unknown:  # the original gold renamed or dropped an organisation: update the patterns
        raise ValueError(f"patterns for organisations not in the original gold: {sorted(unknown)}")
    text = " ".join(re.sub(r"\s+", " ", t.replace("**", "")) for t in texts)
    leading = {lead["organisation"] for a in activities for lead in a["leads"]}
    out = []
    for org in organisations:
        regexes = [r"(?i)\b" + re.escape(org) + r"\b", *patterns.get(org, [])]
        if org in leading or any(re.search(rx, text) for rx in regexes):
            out.append(org)
    return out


def contained(needle: str, texts: Iterable[str]) -> bool:
    """Whether ``needle`` (whitespace-insensitive) is part of the variant's text."""
    key = squash(needle)
    return any(key in re.sub(r"\s+", "", t.replace("**", "")) for t in texts)


def render(pdf: Path, story: list[Flowable], *, pagesize: tuple[float, float], margin: float, title: str,
           author: str, font: str) -> None:
    """build_pdf with invariant output (same bytes every build: stable document sha256)."""
    old = rl_config.invariant
    rl_config.invariant = 1
    try:
        build_pdf(pdf, story, pagesize=pagesize, margin=margin, footer="Page {page}", title=title,
                  author=author, font=font)
    finally:
        rl_config.invariant = old


@dataclass
class Variant:
    """One variant: file name, the original gold it varies, what it changes (README), gold notes."""

    name: str
    varies: str
    changes: str
    notes: list[str] = field(default_factory=list)


def gold_file(variant: Variant, pdf: Path, body: dict[str, Any], seed: str) -> dict[str, Any]:
    return {"pdf": pdf.name, "varies": variant.varies, "seed": seed, **body}


# --------------------------------------------------------------------------- East Suffolk

ES_DOCUMENT = {
    "title": "East Suffolk Community Safety Partnership Action Plan",
    "doc_type": "action_plan",
    "partnership_id": "east-suffolk-csp",
    "authority": "East Suffolk Council",
    "committee": None,
    "meeting_date": None,
}

#: How seed 000 words each organisation besides its official name (east_suffolk gold notes).
ES_ORG_PATTERNS: dict[str, list[str]] = {
    "East Suffolk Council": [r"\bESC\b"],
    "Suffolk County Council": [r"\bSCC\b", r"(?i)trading standards", r"(?i)\bpublic health\b"],
    "Suffolk Constabulary": [r"(?i)\bpolice\b"],
    "Probation Service": [r"(?i)\bprobation\b"],
    "Suffolk Fire and Rescue Service": [r"(?i)\bfire (service|and rescue)\b"],
    "Office of the Police and Crime Commissioner for Suffolk": [r"\bPCC\b", r"(?i)police and crime commissioner"],
    "Norfolk and Suffolk Victim Care": [r"(?i)\bvictim care\b"],
    "Department for Work and Pensions": [r"\bDWP\b"],
    "Ministry of Defence": [r"\bMOD\b"],
    "Local Government Association": [r"\bLGA\b"],
    "Suffolk Safeguarding Partnership": [r"\bSSP\b"],
    "Suffolk Safer Stronger Communities Board": [r"\bSSCB\b", r"(?i)safer stronger communities board"],
    "Suffolk Public Sector Leaders": [r"(?i)public sector leaders"],
    "Catch22": [r"(?i)\bcatch ?22\b"],
    "HSBC UK": [r"\bHSBC\b"],
    "Suffolk Chamber of Commerce": [r"(?i)chambers? of commerce"],
    "East Suffolk Services Ltd": [r"\bESSL\b"],
    "Norse Group": [r"(?i)\bnorse\b"],
    "The Suffolk Coast": [r"(?i)\bthe suffolk coast\b"],
    "Rotary Club of Lowestoft": [r"(?i)lowestoft rotary"],
    "Crest Advisory": [r"\bCrest\b"],
    "Office of the Domestic Abuse Commissioner": [r"\bDA Commissioner\b"],
    "Norfolk and Suffolk Probation Trust": [r"(?i)suffolk and norfolk probation trust"],
    "Suffolk Modern Slavery Network": [r"\bMSN\b", r"(?i)modern slavery network"],
    "Suffolk Office of Data and Analytics": [r"\bSODA\b"],
}

#: Header wordings of the reordered variant (seed wording -> variant wording).
ES_WORDING = {"Priority": "Priority", "Objectives": "Objective", "Activity": "Action", "Lead": "Owner",
              "Status": "RAG", "Activity update": "Progress", "Activity update/notes": "Progress/notes",
              "KPI": "Success measure", "Themes": "Theme", "Aims": "Aim"}


def check_fits(paras: Iterable[str], style: ParagraphStyle, width: float, indent: float = 0) -> None:
    """Fail if a word is wider than its column: reportlab would split it ('Statu s'), changing the text."""
    room = width - 6 - indent  # ruled_table pads cells 3 pt each side
    for text in paras:
        font = style.fontName
        if "**" in text and not font.endswith("Bold"):
            font = "Times-Bold" if font.startswith("Times") else f"{font}-Bold"
        for word in text.replace("**", "").split():
            if "://" not in word and pdfmetrics.stringWidth(word, font, style.fontSize) > room:
                raise ValueError(f"{word!r} is wider than its {width / mm:.1f} mm column")


def es_cell(paras: list[str], st: dict[str, ParagraphStyle], width: float, bold: bool = False) -> Any:
    """A plan cell in the variant's styles: one paragraph, or several stacked; words must fit the column."""
    if not paras:
        return ""
    style = st["cellbold" if bold else "cell"]
    check_fits(paras, style, width)
    if len(paras) == 1:
        return markup(es.rich(paras[0]), "cellbold" if bold else "cell", st)
    spaced = ParagraphStyle(style.name + "p", parent=style, spaceAfter=3)
    return [Paragraph(es.rich(x), spaced) for x in paras]


def es_header_word(text: str) -> str:
    """A seed header cell in the reordered variant's wording; 'Lead: NAME' keeps its name."""
    head, sep, rest = text.partition(":")
    return ES_WORDING.get(head, head) + sep + rest


def es_texts(plan: dict[str, Any], headers: Iterable[str]) -> list[str]:
    """Every string the variant prints: title, header cells, cell paragraphs."""
    out = [ES_DOCUMENT["title"], *headers]
    for table in plan["tables"]:
        for row in table["rows"]:
            for c in row["cells"]:
                out.extend(c)
    return out


Bands = list[tuple[float, float]]


@dataclass
class EsColumns:
    """x-bands where a variant prints the Activity, Priority and Activity update cells."""

    activity: Bands
    priority: Bands
    update: Bands


def es_gold(pdf: Path, plan: dict[str, Any], texts: list[str], cols: EsColumns, notes: list[str]) -> dict[str, Any]:
    """The original gold's records for the action plan, pages located in this variant."""
    hand = es.load("gold_hand.json")
    acts = es.gold_activities(plan, hand, BandPager(pdf, cols.activity), 1)
    pri_pager = BandPager(pdf, cols.priority)
    cells = {es.joined(r["cells"][0]) for t in plan["tables"] for r in t["rows"] if r["cells"][0]}
    priorities = []
    for item in hand["priorities"]:
        names = [n for n in [item["label"], *item["aliases"]] if n in cells]
        if names:
            # labelled as this variant prints it; the original's other wordings become aliases
            aliases = [n for n in [item["label"], *item["aliases"]] if n != names[0]]
            priorities.append({"label": names[0], "theme": item["theme"], "page": pri_pager.find(names[0]),
                               "aliases": aliases})
    any_pager = BandPager(pdf, [(0, 10_000)])
    kpis = [{k: v for k, v in item.items() if k != "find"} | {"page": any_pager.find(item["find"])}
            for item in hand["kpis"] if contained(item["find"], texts)]
    cell_pager = BandPager(pdf, cols.activity + cols.update)
    funding = [{k: v for k, v in item.items() if k not in ("find", "after")} | {"page": cell_pager.find(item["find"])}
               for item in hand["funding"] if contained(item["find"], texts)]
    return {
        "document": ES_DOCUMENT | {"pages": page_count(pdf)},
        "priorities": priorities,
        "activities": acts,
        "kpis": kpis,
        "funding": funding,
        "organisations": mentioned(hand["organisations"], texts, ES_ORG_PATTERNS, acts),
        "notes": notes + ES_COMMON_NOTES,
    }


ES_COMMON_NOTES = [
    "Content: Appendix C of seed 000 (the East Suffolk CSP action plan) as a document of its own; "
    "activities, leads, KPIs, themes and the '£30k allocated' funding row are the original gold's records "
    "(east_suffolk.gold_activities and gold_hand.json), pages located in this PDF.",
    "Priorities: the original's priority records whose label or alias is a Priority/Themes cell here "
    "(all eleven), labelled as the cell prints them ('Prevent', 'VAWG', 'ASB', 'Modern slavery', "
    "'Criminal Exploitation'; the original's 2.1 wording, which this document lacks, becomes an alias), "
    "page = first page where that cell appears. Top-level KPIs and the other funding rows are "
    "in the report body, not in the plan: left out. Organisations: those the printed text names, by the "
    "original notes' resolution (ESC, SCC / Trading Standards, Police, Probation, Fire service, NORSE, ESSL, "
    "MOD, DWP, HSBC, Catch 22, Lowestoft rotary, the Suffolk Coast, SSP, MSN / Modern Slavery network, SODA, "
    "Suffolk Chambers of Commerce, Victim Care, Crimestoppers; the CSP itself, named in the title).",
]

ES_LANDSCAPE_MARGIN = 15 * mm


def es_reordered(variant: Variant, out: Path) -> dict[str, Any]:
    """Action first, Priority and Objective merged cells in columns 2-3, Times-Roman, other wordings."""
    plan = es.load("action_plan.json")
    st = styles(font="Times-Roman", bold="Times-Bold", size=10)
    pagesize = landscape(A4)
    total = table_width(pagesize, ES_LANDSCAPE_MARGIN)
    # seed column order: 0 Priority, 1 Objectives, 2 Activity, 3 Lead, 4 Status, 5 Update, 6-8 KPI
    plan_order = [2, 0, 1, 3, 6, 7, 8, 4, 5]
    plan_w = columns([45, 20, 30, 24, 22, 22, 22, 10, 72], total)
    theme_order = [2, 0, 1, 3, 4, 5]
    theme_w = columns([45, 20, 50, 24, 10, 118], total)
    story: list[Flowable] = [Paragraph(esc(ES_DOCUMENT["title"]), st["h1"])]
    headers: list[str] = []
    for table in plan["tables"]:
        is_plan = table["header"][0] == "Priority"
        order, widths = (plan_order, plan_w) if is_plan else (theme_order, theme_w)
        head = [es_header_word(table["header"][j]) for j in order]
        headers += head
        rows: list[list[Any]] = [[es_cell([h], st, w, True) for h, w in zip(head, widths, strict=True)]]
        rows += [[es_cell(r["cells"][j], st, w, bold=(j == 0)) for j, w in zip(order, widths, strict=True)]
                 for r in table["rows"]]
        merged: list[tuple[tuple[int, int], tuple[int, int]]] = []
        if is_plan:
            merged.append(((1, 1), (1, len(rows) - 1)))
            merged.extend(((2, a), (2, b)) for a, b in es.objective_runs(table["rows"]))
        repeat = (es.joined(table["rows"][0]["cells"][0]) or "") in es.REPEAT_HEADER
        story += [ruled_table(rows, widths, repeat_header=repeat, merged=merged, header_fill=es.LIGHT,
                              split_in_row=not repeat), Spacer(1, 12)]
    pdf = out / f"{variant.name}.pdf"
    render(pdf, story, pagesize=pagesize, margin=ES_LANDSCAPE_MARGIN, title=ES_DOCUMENT["title"],
           author="East Suffolk Council", font="Times-Roman")
    m = ES_LANDSCAPE_MARGIN
    cols = EsColumns([band(plan_w, 0, m)], [band(plan_w, 1, m)], [band(plan_w, 8, m), band(theme_w, 5, m)])
    return es_gold(pdf, plan, es_texts(plan, headers), cols, variant.notes)


ES_PORTRAIT_MARGIN = 15 * mm


def es_unruled(variant: Variant, out: Path) -> dict[str, Any]:
    """Seed columns and wordings, no lines or fills at all, portrait US Letter, Helvetica 7 pt cells."""
    plan = es.load("action_plan.json")
    st = styles(size=8.5)
    pagesize = LETTER
    total = table_width(pagesize, ES_PORTRAIT_MARGIN)
    plan_w = columns([17, 21, 28, 17, 10.5, 41, 17.5, 17.5, 16.5], total)
    theme_w = columns([17, 21, 28, 17, 10.5, 92.5], total)
    story: list[Flowable] = [Paragraph(esc(ES_DOCUMENT["title"]), st["h1"])]
    headers: list[str] = []
    for table in plan["tables"]:
        widths = plan_w if table["header"][0] == "Priority" else theme_w
        headers += table["header"]
        rows: list[list[Any]] = [[es_cell([h], st, w, True) for h, w in zip(table["header"], widths, strict=True)]]
        rows += [[es_cell(c, st, widths[j], bold=(j == 0)) for j, c in enumerate(r["cells"])]
                 for r in table["rows"]]
        repeat = (es.joined(table["rows"][0]["cells"][0]) or "") in es.REPEAT_HEADER
        story += [ruled_table(rows, widths, repeat_header=repeat, grid=False, header_fill=None,
                              split_in_row=not repeat), Spacer(1, 16)]
    pdf = out / f"{variant.name}.pdf"
    render(pdf, story, pagesize=pagesize, margin=ES_PORTRAIT_MARGIN, title=ES_DOCUMENT["title"],
           author="East Suffolk Council", font="Helvetica")
    m = ES_PORTRAIT_MARGIN
    cols = EsColumns([band(plan_w, 2, m)], [band(plan_w, 0, m)], [band(plan_w, 5, m), band(theme_w, 5, m)])
    return es_gold(pdf, plan, es_texts(plan, headers), cols, variant.notes)


ES_FLAT_HEADER = ["Priority", "Objectives", "Activity", "Lead", "Status", "Activity update", "KPI", "KPI", "KPI"]


def es_flattened(variant: Variant, out: Path) -> dict[str, Any]:
    """One ruled table for the whole plan, Priority and Objectives on every row, header on every page, Vera."""
    register_vera()
    plan = es.load("action_plan.json")
    st = styles(font="Vera", bold="Vera-Bold", size=9)
    pagesize = landscape(A4)
    total = table_width(pagesize, ES_LANDSCAPE_MARGIN)
    widths = columns([22, 28, 40, 22, 13, 70, 22, 22, 22], total)
    rows: list[list[Any]] = [[es_cell([h], st, w, True) for h, w in zip(ES_FLAT_HEADER, widths, strict=True)]]
    for table in plan["tables"]:
        priority: list[str] = []
        objective: list[str] = []
        for r in table["rows"]:
            cells = list(r["cells"]) + [[]] * (len(ES_FLAT_HEADER) - len(r["cells"]))
            priority = cells[0] or priority
            objective = cells[1] or objective
            cells[0], cells[1] = priority, objective
            rows.append([es_cell(c, st, widths[j], bold=(j == 0)) for j, c in enumerate(cells)])
    story: list[Flowable] = [Paragraph(esc(ES_DOCUMENT["title"]), st["h1"]),
                             ruled_table(rows, widths, repeat_header=True, header_fill=es.LIGHT, split_in_row=False)]
    pdf = out / f"{variant.name}.pdf"
    render(pdf, story, pagesize=pagesize, margin=ES_LANDSCAPE_MARGIN, title=ES_DOCUMENT["title"],
           author="East Suffolk Council", font="Vera")
    m = ES_LANDSCAPE_MARGIN
    cols = EsColumns([band(widths, 2, m)], [band(widths, 0, m)], [band(widths, 5, m)])
    return es_gold(pdf, plan, es_texts(plan, ES_FLAT_HEADER), cols, variant.notes)


# --------------------------------------------------------------------------- East Cambridgeshire

EC_ORIGINAL = "east-cambridgeshire-action-plan-2023-24.gold.json"
EC_SEED = "002_8ac46cab19f9bfc6.txt"
EC_TITLE = ec.TITLE + ": SMART targets"

#: How seed 002 words each organisation besides its official name (east_cambs_data notes).
EC_ORG_PATTERNS: dict[str, list[str]] = {
    ec.ECDC: [r"\bECDC\b"],
    ec.CCC: [r"\bCCC\b", r"(?i)cambridge county council"],
    ec.POLICE: [r"(?i)\bpolice\b"],
    ec.PROBATION: [r"(?i)\bprobation\b"],
    ec.OPCC: [r"\bOPCC\b", r"(?i)police and crime commissioner"],
    ec.PREVENT_BOARD: [r"(?i)count(r)?y prevent board"],
    ec.SAFEGUARDING: [r"(?i)county safeguarding boards", r"(?i)peterborough and cambridge safeguarding board"],
    ec.DASV: [r"(?i)domestic abuse and sexual violence partnership"],
    ec.ECIN: [r"\bECIN\b", r"(?i)integrated neighbourhood"],
    ec.PCN: [r"\bPCN\b", r"(?i)primary care networks?"],
    ec.HIGH_HARMS: [r"(?i)high harms? board"],
    "Domestic Abuse Housing Alliance": [r"\bDAHA\b"],
}


def ec_original() -> dict[str, Any]:
    return json.loads((CORPUS_DIR / EC_ORIGINAL).read_text(encoding="utf-8"))


def ec_smart_table(variant: Variant, out: Path) -> dict[str, Any]:
    """Every SMART target of the plan in one ruled table, portrait A4, priority area merged down its rows."""
    st = styles(size=10)
    margin = 18 * mm
    total = table_width(A4, margin)
    widths = columns([80, 36, 30, 30], total)
    story: list[Flowable] = []
    texts: list[str] = [EC_TITLE]
    head = ("SMART target", "Priority", "Lead", "Timescale")
    rows: list[list[Any]] = [[es_cell([h], st, w, True) for h, w in zip(head, widths, strict=True)]]
    runs: list[tuple[int, int]] = []  # data rows (first, last) of each priority area
    smart: list[tuple[str, ec.Smart]] = []
    heading: str | None = None
    for item in ec.ADDITIONAL:
        if isinstance(item, ec.Heading) and item.level == 2:
            heading = item.text
        elif isinstance(item, ec.Heading):
            story.append(Paragraph(esc(item.text), st["h2"]))
            texts.append(item.text)
        elif isinstance(item, ec.Para) and heading is None:
            story.append(Paragraph(esc(item.text), st["h3" if item.style == "h3" else "body"]))
            texts.append(item.text)
        elif isinstance(item, ec.Smart):
            assert heading is not None
            paras = [t.removeprefix("• ").removeprefix("· ") for t in item.texts]
            first_of_group = not smart or smart[-1][0] != heading
            rows.append([es_cell(paras, st, widths[0]), es_cell([heading] if first_of_group else [], st, widths[1], True),
                         es_cell([item.lead], st, widths[2]),
                         es_cell([item.timescale] if item.timescale else [], st, widths[3])])
            if first_of_group:
                runs.append((len(rows) - 1, len(rows) - 1))
            else:
                runs[-1] = (runs[-1][0], len(rows) - 1)
            smart.append((heading, item))
            texts += [*paras, heading, item.lead, item.timescale or ""]
    merged = [((1, a), (1, b)) for a, b in runs if b > a]
    story = [Paragraph(esc(EC_TITLE), st["h1"]), *story, Spacer(1, 6),
             ruled_table(rows, widths, merged=merged, repeat_header=True, split_in_row=False)]
    pdf = out / f"{variant.name}.pdf"
    render(pdf, story, pagesize=A4, margin=margin, title=EC_TITLE,
           author="East Cambridgeshire District Council", font="Helvetica")

    return ec_gold(variant, pdf, smart, texts, BandPager(pdf, [band(widths, 0, margin)]),
                   BandPager(pdf, [band(widths, 1, margin)]).find, EC_TITLE)


def ec_gold(variant: Variant, pdf: Path, items: list[tuple[str, Any]], texts: list[str], target: BandPager,
            find_heading: Callable[[str, int], int], title: str) -> dict[str, Any]:
    """The original gold's records for the headings this variant prints, pages located in its PDF."""
    original = ec_original()
    headings = {h for h, _ in items}
    acts = [copy.deepcopy(a) for a in original["activities"] if a["priority"] in headings]
    if len(acts) != len(items):
        raise AssertionError(f"{len(acts)} gold activities for {len(items)} printed items")
    page = 1
    for act, (head, item) in zip(acts, items, strict=True):
        if act["description"] != ec_join(item.texts) or act["priority"] != head:
            raise AssertionError(f"gold and content disagree at {act['description'][:40]!r}")
        page = target.find(es.needle(act["description"], 30), page)
        act["page"] = page
    statements = {text for _, text, _ in ec.CSP_PRIORITIES}
    priorities = []
    page = 1
    for p in original["priorities"]:
        if p["label"] in headings:
            page = find_heading(p["label"], page)
            priorities.append(p | {"page": page})
        elif p["label"] in statements and contained(p["label"], texts):  # numbered CSP priorities, if printed
            priorities.append(p | {"page": page_of(pdf, p["label"])})
    body = {
        "document": original["document"] | {"title": title, "pages": page_count(pdf)},
        "priorities": priorities,
        "activities": acts,
        "kpis": [],
        "funding": [],
        "organisations": mentioned(original["organisations"], texts, EC_ORG_PATTERNS, acts),
        "notes": variant.notes,
    }
    return gold_file(variant, pdf, body, EC_SEED)


EC_DUTIES_TITLE = ec.TITLE + ": statutory duties"


def ec_duties(variant: Variant, out: Path) -> dict[str, Any]:
    """The statutory duties as one unruled table Action / Owner / Target date, headings as spanning rows."""
    st = styles(font="Times-Roman", bold="Times-Bold", size=10.5)
    margin = 20 * mm
    widths = columns([110, 45, 35], table_width(LETTER, margin))
    head = ("Action", "Owner", "Target date")
    rows: list[list[Any]] = [[es_cell([h], st, w, True) for h, w in zip(head, widths, strict=True)]]
    spans = []
    style: list[tuple] = [("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]
    duties: list[tuple[str, ec.Duty]] = []
    texts: list[str] = [EC_DUTIES_TITLE, *head]
    heading: str | None = None
    for item in ec.STATUTORY:
        if isinstance(item, ec.Heading) and item.level == 2:
            heading = item.text
            spans.append(((0, len(rows)), (-1, len(rows))))
            style.append(("TOPPADDING", (0, len(rows)), (-1, len(rows)), 9))
            rows.append([es_cell([heading], st, sum(widths), True), "", ""])
            texts.append(heading)
        elif isinstance(item, ec.Duty):
            assert heading is not None
            rows.append([es_cell(item.texts, st, widths[0]), es_cell([item.lead], st, widths[1]),
                         es_cell([item.timescale], st, widths[2])])
            duties.append((heading, item))
            texts += [*item.texts, item.lead, item.timescale]
    story: list[Flowable] = [Paragraph(esc(EC_DUTIES_TITLE), st["h1"]),
                             ruled_table(rows, widths, grid=False, header_fill=None, repeat_header=False,
                                         spans=spans, split_in_row=True, extra_style=style)]
    pdf = out / f"{variant.name}.pdf"
    render(pdf, story, pagesize=LETTER, margin=margin, title=EC_DUTIES_TITLE,
           author="East Cambridgeshire District Council", font="Times-Roman")
    return ec_gold(variant, pdf, duties, texts, BandPager(pdf, [band(widths, 0, margin)]),
                   lambda text, start: page_of(pdf, text, start), EC_DUTIES_TITLE)


# --------------------------------------------------------------------------- Norfolk

NF_ORIGINAL = "norfolk-ccsp-scrutiny-agenda-2021-09-16.gold.json"

#: Themes of the delivery plan's sub-heading rows, judged by hand.
NF_SUB_THEMES = {
    "Fraud": "fraud",
    "Neighbourhood crime": "neighbourhood_crime",
    "Hate crime": "hate_crime",
    "Resilient cohesive communities": "community_cohesion",
    "County Lines": "criminal_exploitation",
    "Prevent": "prevent",
    "Modern Slavery": "modern_slavery",
    "Domestic abuse and sexual violence": "domestic_abuse",
    "Serious violence": "serious_violence",
}
NF_SEED = "004_0b87fb749afc2013.txt"
NF_DATA = Path(__file__).resolve().parent / "norfolk_data"

#: How seed 004 words each organisation besides its official name (norfolk gold notes).
NF_ORG_PATTERNS: dict[str, list[str]] = {
    "Norfolk Constabulary": [r"(?i)\bpolice\b"],
    "Office of the Police and Crime Commissioner for Norfolk": [r"\bOPCCN?\b", r"\bPCC\b",
                                                                r"(?i)police and crime commissioner"],
    "Probation Service": [r"(?i)\bprobation\b", r"\bNPS\b"],
    "Norfolk Against Scams Partnership": [r"\bNASP\b"],
    "Norfolk Safeguarding Children Partnership": [r"\bNCSP\b", r"(?i)norfolk safeguarding children board"],
    "Norfolk Safeguarding Adults Board": [r"(?i)norfolk (safeguard adults|adult safeguarding) board"],
    "Norfolk and Suffolk Criminal Justice Board": [r"(?i)norfolk criminal justice board"],
    "Norfolk Reducing Reoffending Board": [r"(?i)norfolk re-?offending board"],
    "Norfolk Anti-Slavery Network": [r"(?i)norfolk anti-slavery partnership"],
    "Norfolk Health and Wellbeing Board": [r"(?i)health and wellbeing board"],
    "Home Office": [r"(?i)home secretary"],
}

#: Where the delivery plan states each of the five strategic priorities: (text, located after, label as
#: printed here). The plan's Forward (where the original gold pages them) is not in this variant; the
#: delivery plan names them as sub-heading rows and one plan heading, some in shorter forms (the
#: original label is then kept as an alias).
NF_PRIORITY_PLACES: dict[str, tuple[str, str, str]] = {
    "Serious violence": ("Serious violence", "3.12 Deliver the", "Serious violence"),
    "Preventing terrorism": ("Prevent", "2.7 To undertake", "Prevent"),
    "Criminal exploitation": ("Reducing the Threat of Criminal Exploitation", "1.25 Facilitate",
                              "Criminal exploitation"),
    "Neighbourhood crimes": ("Neighbourhood crime", "1.5 Enforcement", "Neighbourhood crime"),
    "Fraud": ("Fraud", "Long-term outcome 6", "Fraud"),
}

NF_HEAD = ["Ref", "Activity", "Lead", "Timescale", "KPI", "Progress"]


def nf_cell(text: str, st: dict[str, ParagraphStyle], bullet: ParagraphStyle, width: float) -> Any:
    """A delivery-plan cell: blank lines part paragraphs, lines starting '• ' are bullets."""
    if not text:
        return ""
    out: list[Flowable] = []
    for block in text.split("\n\n"):
        for line in block.split("\n"):
            if line.startswith("• "):
                check_fits([line[2:]], bullet, width, bullet.leftIndent)
                out.append(Paragraph(esc(line[2:]), bullet, bulletText="•"))
            else:
                check_fits([line], st["cell"], width)
                out.append(Paragraph(esc(line), st["cell"]))
        out.append(Spacer(1, 4))
    return out[:-1] if len(out) > 2 else out[0]


def nf_portrait(variant: Variant, out: Path) -> dict[str, Any]:
    """The three delivery-plan tables in portrait, one header row each (never repeated), other wordings."""
    # the Norfolk builder may still be changing: import it only when this variant is built
    from src.norfolk import fill_pages

    register_vera()
    dp = json.loads((NF_DATA / "delivery_plan.json").read_text(encoding="utf-8"))
    st = styles(font="Vera", bold="Vera-Bold", size=9.5)
    bullet = ParagraphStyle("nfb", parent=st["cell"], leftIndent=9, bulletIndent=0, bulletFontName="Vera")
    sub = ParagraphStyle("nfsub", parent=st["cellbold"], fontSize=9.5, leading=12)
    margin = 18 * mm
    widths = columns([11, 52, 30, 21, 41, 19], table_width(A4, margin))
    texts: list[str] = [dp["title"], dp["intro"], *NF_HEAD]
    story: list[Flowable] = [Paragraph(esc(dp["title"]), st["h1"]), Paragraph(esc(dp["intro"]), st["body"])]
    for plan in dp["plans"]:
        story.append(Paragraph(esc(plan["heading"]), st["h2"]))
        story += [Paragraph(esc(o), st["body"]) for o in plan["outcomes"]]
        story += [Paragraph(esc(b), st["bullet"], bulletText="•") for b in plan.get("outcome_bullets", [])]
        texts += [plan["heading"], *plan["outcomes"], *plan.get("outcome_bullets", [])]
        rows: list[list[Any]] = [[es_cell([h], st, w, True) for h, w in zip(NF_HEAD, widths, strict=True)]]
        spans = []
        for r in plan["rows"] + plan.get("second_table", {}).get("rows", []):
            if "sub" in r:
                spans.append(((0, len(rows)), (-1, len(rows))))
                rows.append([Paragraph(esc(r["sub"]), sub), "", "", "", "", ""])
                texts.append(r["sub"])
            elif "n" in r:
                fields = [r["n"], r["action"], r["owner"], r["date"], r["measure"], r["update"]]
                rows.append([nf_cell(f, st, bullet, w) for f, w in zip(fields, widths, strict=True)])
                texts += fields
        story += [ruled_table(rows, widths, repeat_header=False, spans=spans, header_fill=None,
                              split_in_row=True), Spacer(1, 14)]
    pdf = out / f"{variant.name}.pdf"
    render(pdf, story, pagesize=A4, margin=margin, title=dp["title"], author="Norfolk County Council",
           font="Vera")

    hand = json.loads((NF_DATA / "gold_hand.json").read_text(encoding="utf-8"))
    gold: dict[str, Any] = {
        # the plan alone names no publishing council (the pack's front sheet did)
        "document": {"title": dp["title"], "doc_type": "delivery_plan", "partnership_id": "norfolk-csp",
                     "authority": None, "committee": None, "meeting_date": None,
                     "pages": page_count(pdf)},
        "priorities": [],
        "activities": [a for a in copy.deepcopy(hand["activities"]) if contained(a["description"], texts)],
        "kpis": [k for k in copy.deepcopy(hand["kpis"]) if contained(k["_find"], texts)],
        "funding": [f for f in copy.deepcopy(hand["funding"]) if contained(f["_find"], texts)],
    }
    # Alone, the delivery plan states no priorities but its sub-heading rows, so those are its
    # priorities (the rule the originals follow for tables with sub-headings); themes by hand.
    for plan in dp["plans"]:
        before = plan["heading"]
        for r in plan["rows"] + plan.get("second_table", {}).get("rows", []):
            if "sub" in r:
                gold["priorities"].append({"label": r["sub"], "theme": NF_SUB_THEMES[r["sub"]],
                                           "aliases": [], "_find": r["sub"], "_after": before})
            before = r.get("sub") or before
    for item in gold["kpis"] + gold["funding"]:
        item["_after"] = None
    gold = fill_pages(gold, pdf)
    gold["organisations"] = mentioned(hand["organisations"], texts, NF_ORG_PATTERNS, gold["activities"])
    gold["notes"] = variant.notes
    return gold_file(variant, pdf, gold, NF_SEED)


# --------------------------------------------------------------------------- the variants


def es_variant(make: Callable[[Variant, Path], dict[str, Any]]) -> Callable[[Variant, Path], dict[str, Any]]:
    """East Suffolk makers return the gold body; add the file fields."""

    def wrapped(variant: Variant, out: Path) -> dict[str, Any]:
        body = make(variant, out)
        return gold_file(variant, out / f"{variant.name}.pdf", body, es.SEED_NAME)

    return wrapped


VARIANTS: list[tuple[str, str, str, Callable[[Variant, Path], dict[str, Any]], list[str]]] = [
    ("east-suffolk-actionplan-reordered", es.GOLD_NAME,
     "Appendix C alone; columns reordered (Action first; Priority and Objective merged cells in columns 2-3; "
     "KPIs before RAG/Progress), header wordings Action / Owner / Priority / Objective / RAG / Progress / "
     "Success measure (Theme / Aim for the theme table), Times-Roman; landscape A4, ruled, merged cells and "
     "header repetition as the original (VAWG table only).",
     es_variant(es_reordered),
     ["Layout: the seed's Appendix C tables with columns reordered and renamed; 'Owner: NAME' header cells "
      "carry the seed's 'Lead: NAME' priority leads, still not activity leads."]),
    ("east-suffolk-actionplan-unruled", es.GOLD_NAME,
     "Appendix C alone; seed column order and wordings, no ruling lines or fills (whitespace-aligned columns, "
     "merged cells show as blanks below the first row), portrait US Letter, Helvetica 7 pt cells.",
     es_variant(es_unruled),
     ["Layout: no lines at all; a Priority / Objectives value stands on the first row of its run and the "
      "rows below are blank in that column (the seed's merged cells)."]),
    ("east-suffolk-actionplan-flattened", es.GOLD_NAME,
     "Appendix C alone as ONE ruled table (theme rows and priority rows under one header Priority / "
     "Objectives / Activity / Lead / Status / Activity update / KPI x3); merged cells flattened (Priority and "
     "Objectives repeated on every row); header repeated on every page; Vera font; landscape A4.",
     es_variant(es_flattened),
     ["Layout: merged cells flattened; the per-priority header cells 'Lead: NAME' (priority leads) are not "
      "in this variant; the theme tables' 'Themes' / 'Aims' values sit in the Priority / Objectives columns."]),
    ("east-cambs-smart-table", EC_ORIGINAL,
     "The 'Additional CSP activities' part only: every SMART target (boxes and small tables in the "
     "original) as one ruled table SMART target / Priority / Lead / Timescale, Priority = the section heading "
     "(merged down its rows), header repeated; portrait A4, Helvetica.",
     ec_smart_table,
     ["Content: the plan's 'Additional CSP activities' (intro, the two numbered CSP priorities, every SMART "
      "target); the statutory duties are not in this variant. Records are the original gold's activities "
      "for those headings (same descriptions, leads, timescales, due dates, KPIs), pages located here.",
      "Layout: the Priority column holds the section heading each SMART target sat under (the original "
      "gold's activity priority), merged down its rows; the 'CSP Priority' values (Priority 1 / 2) and the "
      "'The Office of the Police and Crime Commissioner (OPCC)' line under 'Putting Communities First grant "
      "agreement' are not printed.",
      "Priorities: the two numbered CSP priority statements (page of the intro) and the section headings "
      "that have SMART targets (page where their Priority cell starts). Organisations: those named in the "
      "printed text (same resolution as the original notes)."]),
    ("east-cambs-duties-unruled", EC_ORIGINAL,
     "The 'Statutory duties' part only: every action as one table without ruling lines (one rule under the "
     "header) Action / Owner / Target date, the duty headings as bold rows across the table, header never "
     "repeated; portrait US Letter, Times-Roman (the original: tinted boxes with Lead / Timescale boxes "
     "beside them, content-stream order shuffled).",
     ec_duties,
     ["Content: the plan's 'Statutory duties' (8 duty headings, their actions); the additional activities "
      "are not in this variant. Records are the original gold's activities for those headings (same "
      "descriptions, leads, timescales, due dates), pages located here; priorities = the eight duty "
      "headings (page of their heading row).",
      "Layout: Owner = the seed's Lead box, Target date = its Timescale box, as written; the Prevent action "
      "whose box holds two paragraphs keeps both in one Action cell (one activity, as in the original gold).",
      "Organisations: those named in the printed text (same resolution as the original notes)."]),
    ("norfolk-delivery-plan-portrait", NF_ORIGINAL,
     "The delivery plan of the Norfolk pack alone: three tables in portrait A4 (landscape in the original), "
     "columns Ref / Activity / Lead / Timescale / KPI / Progress (N / Action / Success measure / Owner / Date "
     "/ Update in the original, other order), one header row at the top of each table, never repeated; "
     "sub-heading rows spanning the table; the serious violence rows join the third table; Vera as in the "
     "original.",
     nf_portrait,
     ["Content: the delivery plan (item 6 appendix) of seed 004 as its own document; activities (53) are the "
      "original gold's records (norfolk_data/gold_hand.json), pages located here with norfolk.fill_pages.",
      "Priorities: the original's five strategic priorities, located where the delivery plan names them "
      "(sub-heading rows 'Fraud', 'Neighbourhood crime', 'Prevent', 'Serious violence'; plan heading "
      "'Reducing the Threat of Criminal Exploitation'), labelled as printed here ('Prevent', 'Neighbourhood "
      "crime'), the original label kept as an alias. The plan's "
      "outcome measures (top-level KPIs) and the £500k enabling fund are not in the delivery plan: left out.",
      "Organisations: those the delivery plan names (Owner cells and text: Norfolk Constabulary, OPCCN, "
      "NASP, Norfolk and Suffolk Victim Care, National Probation Service / NPS, Norfolk County Council, "
      "Norfolk Anti-Slavery Network, NCSP), same resolution as the original notes."]),
]


README_HEAD = """# Layout variants

Built by `corpus/src/variants.py` (`python corpus/build.py variants`); this file is written by it too.

Each variant below keeps the CONTENT of one seed's action plan (taken from that seed's builder data)
and changes only the LAYOUT, so extraction can be checked against layouts no rule was written for.
Each `<name>.gold.json` holds the original gold's records for the parts the variant contains
(activities with their leads and KPIs, priorities, funding, organisations restricted to what it prints),
document metadata of the variant (it is the action plan as a document of its own), pages located in
the variant's PDF, and `"varies": "<original gold file>"` so the accuracy tests can compare a variant
with its original. A variant's `notes` say what it leaves out and how priorities are labelled.

Other documents in this folder (other councils' papers) come from `corpus/src/other_councils.py`.

| variant | varies | records | what changes |
|---|---|---|---|
"""


def readme(rows: list[tuple[Variant, dict[str, Any]]]) -> str:
    """The variants table for corpus/variants/README.md, with each gold file's record counts."""
    lines = [README_HEAD.rstrip("\n")]
    for variant, gold in rows:
        counts = (f"{gold['document']['pages']} pages; {len(gold['activities'])} activities, "
                  f"{len(gold['priorities'])} priorities, {len(gold['kpis'])} kpis, "
                  f"{len(gold['funding'])} funding, {len(gold['organisations'])} organisations")
        lines.append(f"| `{variant.name}` | `{variant.varies}` | {counts} | {variant.changes} |")
    return "\n".join(lines) + "\n"


def build(out_dir: Path) -> list[Path]:
    """Write every variant's PDF and gold into ``out_dir`` (corpus/variants/), and the README."""
    written: list[Path] = []
    made: list[tuple[Variant, dict[str, Any]]] = []
    for name, varies, changes, make, notes in VARIANTS:
        variant = Variant(name, varies, changes, notes)
        gold = make(variant, out_dir)
        gold_path = out_dir / f"{name}.gold.json"
        write_gold(gold_path, gold)
        written += [out_dir / f"{name}.pdf", gold_path]
        made.append((variant, gold))
    (out_dir / "README.md").write_text(readme(made), encoding="utf-8")
    return [*written, out_dir / "README.md"]
