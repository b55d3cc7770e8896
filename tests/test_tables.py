"""Tables found with pdfplumber and rebuilt across page breaks, then read into records."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.render import NextPageTemplate, PageBreak, build_pdf, cell, mm, para, ruled_table
from cspipe.extractors.actionplan import (
    explain_page,
    kpis_from_cell,
    records_from_tables,
    split_numbered,
)
from cspipe.extractors.columns import header_role, map_header, subheading
from cspipe.extractors.pdf import open_pdf
from cspipe.extractors.table_join import logical_tables

LONG = "Partners met and agreed the next steps for this work. " * 9


def _plan_pdf(path: Path, *, repeat_header: bool) -> None:
    """A landscape plan; rows are cut by the page break only when the header does not repeat
    (reportlab draws a repeated header above the cut half on the same page, which Word never does)."""
    header = [
        "Priority",
        "Objectives",
        "Activity",
        "Lead: Jo Bloggs and Sam Green",
        "Status",
        "Activity update",
        "KPI",
        "KPI",
    ]
    rows: list[list] = [[cell(h, bold=True) for h in header]]
    for i in range(16):
        priority = "Hate Crime" if i == 0 else ("Cybercrime and fraud" if i == 9 else None)
        objective = f"Objective {i // 3} of the plan" if i % 3 == 0 else None
        rows.append(
            [
                cell(priority),
                cell(objective),
                cell(f"Activity {i} to raise awareness"),
                cell("SCC & Police" if i % 2 else ""),
                cell(""),
                cell(LONG if i in (5, 6, 7) else f"Update {i}"),
                cell(f"Number reached {i}"),
                cell("1. First measure 2. Second measure" if i == 3 else ""),
            ]
        )
    merged = [((0, 1), (0, 9)), ((0, 10), (0, 16))]
    merged += [((1, 3 * k + 1), (1, min(3 * k + 3, 16))) for k in range(6)]
    table = ruled_table(
        rows,
        [28 * mm, 35 * mm, 50 * mm, 30 * mm, 14 * mm, 60 * mm, 20 * mm, 20 * mm],
        merged=merged,
        repeat_header=repeat_header,
        split_in_row=not repeat_header,
    )
    build_pdf(path, [NextPageTemplate("landscape"), PageBreak(), table])


def _funding_pdf(path: Path) -> None:
    rows: list[list] = [
        [cell("Date", bold=True), cell("Project", bold=True), cell("Price", bold=True)]
    ]
    for i in range(70):
        rows.append(
            [
                cell(f"{(i % 27) + 1:02d}/0{(i % 9) + 1}/2020"),
                cell(f"Safety event number {i} in the town"),
                cell(f"£{(i + 1) * 110:,}"),
            ]
        )
    story = [
        para("The table below includes all funded projects."),
        ruled_table(rows, [30 * mm, 100 * mm, 30 * mm], repeat_header=False, header_fill=None),
    ]
    build_pdf(path, story)


def _delivery_pdf(path: Path) -> None:
    header = ["N", "Action", "Success measure", "Owner", "Date", "Update"]
    rows: list[list] = [[cell(h, bold=True) for h in header]]
    spans = []
    n = 0
    for theme in ("Fraud", "Neighbourhood crime", "County Lines"):
        rows.append([cell(theme, bold=True), "", "", "", "", ""])
        spans.append(((0, len(rows) - 1), (-1, len(rows) - 1)))
        for _ in range(5):
            n += 1
            rows.append(
                [
                    cell(str(n)),
                    cell(f"Action {n} for {theme.lower()}"),
                    cell("Measure"),
                    cell("Norfolk Constabulary and the National Probation Service"),
                    cell("March 2022"),
                    cell(LONG if n in (6, 7, 8) else "On track"),
                ]
            )
    table = ruled_table(
        rows,
        [10 * mm, 45 * mm, 30 * mm, 30 * mm, 20 * mm, 35 * mm],
        spans=spans,
        repeat_header=False,
    )
    build_pdf(path, [table])


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("tables")
    out = {
        "plan": d / "plan.pdf",
        "plan_norepeat": d / "plan2.pdf",
        "funding": d / "funding.pdf",
        "delivery": d / "delivery.pdf",
    }
    _plan_pdf(out["plan"], repeat_header=True)
    _plan_pdf(out["plan_norepeat"], repeat_header=False)
    _funding_pdf(out["funding"])
    _delivery_pdf(out["delivery"])
    return out


@pytest.mark.parametrize("name", ["plan", "plan_norepeat"])
def test_action_plan_over_page_breaks(pdfs: dict[str, Path], name: str) -> None:
    with open_pdf(pdfs[name]) as pages:
        tables = logical_tables(pages)
        assert len(pages) >= 3
    assert len(tables) == 1
    rec = records_from_tables(tables)
    descriptions = [a.description for a in rec.activities]
    assert descriptions == [f"Activity {i} to raise awareness" for i in range(16)]
    by = {a.description: a for a in rec.activities}
    assert by["Activity 8 to raise awareness"].priority == "Hate Crime"
    assert by["Activity 15 to raise awareness"].priority == "Cybercrime and fraud"
    assert by["Activity 15 to raise awareness"].theme == "fraud"
    assert [(p.label, p.theme) for p in rec.priorities] == [
        ("Hate Crime", "hate_crime"),
        ("Cybercrime and fraud", "fraud"),
    ]
    # a row cut by the page break is whole again, wrapped lines joined by single spaces
    for i in (5, 6, 7):
        assert by[f"Activity {i} to raise awareness"].progress == " ".join(LONG.split())
    # the header's default lead fills empty lead cells
    a0 = by["Activity 0 to raise awareness"]
    assert [p.person for p in a0.leads] == ["Jo Bloggs", "Sam Green"]
    a1 = by["Activity 1 to raise awareness"]
    assert [p.org_text for p in a1.leads] == ["SCC", "Police"]
    assert [k.description for k in by["Activity 3 to raise awareness"].kpis] == [
        "Number reached 3",
        "First measure",
        "Second measure",
    ]
    assert by["Activity 4 to raise awareness"].objective == "Objective 1 of the plan"
    pages = sorted({a.page for a in rec.activities})
    assert len(pages) >= 2


def test_funding_table_continues_without_header(pdfs: dict[str, Path]) -> None:
    with open_pdf(pdfs["funding"]) as pages:
        tables = logical_tables(pages)
        n_pages = len(pages)
    assert n_pages >= 2
    assert len(tables) == 1
    rec = records_from_tables(tables)
    assert len(rec.funding) == 70
    assert rec.funding[0].amount_gbp == 110.0
    assert rec.funding[0].date == "2020-01-01"
    assert rec.funding[-1].description == "Safety event number 69 in the town"
    assert rec.funding[-1].page == n_pages


def test_delivery_plan_subheadings_and_split_rows(pdfs: dict[str, Path]) -> None:
    with open_pdf(pdfs["delivery"]) as pages:
        tables = logical_tables(pages)
    assert len(tables) == 1
    rec = records_from_tables(tables)
    assert [a.description for a in rec.activities] == [
        f"Action {n} for {t}"
        for n, t in zip(
            range(1, 16),
            [t for t in ("fraud", "neighbourhood crime", "county lines") for _ in range(5)],
            strict=True,
        )
    ]
    assert {a.priority for a in rec.activities[5:10]} == {"Neighbourhood crime"}
    assert rec.activities[10].theme == "criminal_exploitation"
    assert rec.activities[0].due_date == "2022-03-31"
    assert len(rec.activities[0].leads) == 2
    assert all(a.progress for a in rec.activities)


def test_explain_page(pdfs: dict[str, Path]) -> None:
    with open_pdf(pdfs["plan"]) as pages:
        info = explain_page(pages[1])
    assert info["page"] == 2 and info["landscape"]
    t = info["tables"][0]
    assert t["kind"] == "plan"
    assert [c["role"] for c in t["columns"]][:4] == ["priority", "objective", "activity", "lead"]
    assert t["default_lead"] == "Jo Bloggs and Sam Green"


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Priority", "priority"),
        ("Themes", "priority"),
        ("Strategic priority", "priority"),
        ("Objectives", "objective"),
        ("Aims", "objective"),
        ("Activity", "activity"),
        ("Action", "activity"),
        ("SMART Target", "activity"),
        ("What we will do", "activity"),
        ("Lead", "lead"),
        ("Owner", "lead"),
        ("Lead: SCC & Police", "lead"),
        ("Status", "status"),
        ("RAG", "status"),
        ("Activity update", "progress"),
        ("Activity update/notes", "progress"),
        ("Update", "progress"),
        ("Comments", "progress"),
        ("KPI", "kpi"),
        ("Success measure", "kpi"),
        ("Timescale", "timescale"),
        ("Target date", "timescale"),
        ("By when", "timescale"),
        ("N", "number"),
        ("No.", "number"),
        ("Ref", "number"),
        ("Price", "funding"),
        ("Amount (£)", "funding"),
        ("Cost", "funding"),
        ("Something else", "unknown"),
    ],
)
def test_header_roles(header: str, role: str) -> None:
    assert header_role(header) == role


def test_map_header_funding_and_non_headers() -> None:
    cmap = map_header(["Date", "Project", "Price"])
    assert cmap is not None and cmap.roles == ["date", "description", "funding"]
    assert map_header(["28/07/2019", "Rendlesham skate park safety event", "£420"]) is None
    plan = map_header(["N", "Action", "Success measure", "Owner", "Date", "Update"])
    assert plan is not None and plan.roles == [
        "number",
        "activity",
        "kpi",
        "lead",
        "timescale",
        "progress",
    ]


def test_subheading_and_kpi_cells() -> None:
    assert subheading(["Fraud", None, None, None, None], 5) == "Fraud"
    assert subheading(["1", "Action text", "", "", ""], 5) is None
    assert split_numbered("1. All members to attend 2. Identify staff 3. Identify partners") == [
        "All members to attend",
        "Identify staff",
        "Identify partners",
    ]
    assert [k.description for k in kpis_from_cell("TBC", 3)] == ["TBC"]
    assert kpis_from_cell("Data collected from >20 venues", 3)[0].target == ">20 venues"
    assert (
        kpis_from_cell("Mystery shop data on at least 5 venues signed up", 3)[0].target
        == "at least 5 venues"
    )
    assert kpis_from_cell("Number of people reached in target communities", 3)[0].target is None
    k = kpis_from_cell("Number of people who have been trained - target TBC", 3)
    assert k[0].target == "TBC"


# --------------------------------------------------------------------------- unruled tables


def _words(line: str, top: float, cols: list[float], *, bold: bool = False,
           size: float = 9.0) -> list[dict]:
    """Words of one line of an unruled table: ``line`` holds cells separated by ``|``, the n-th
    cell drawn from ``cols[n]``; an empty cell draws nothing."""
    out = []
    for text, x in zip(line.split("|"), cols, strict=False):
        for w in text.split():
            width = 0.5 * size * len(w)
            out.append({"text": w, "x0": x, "x1": x + width, "top": top, "bottom": top + size,
                        "size": size, "fontname": "Helvetica-Bold" if bold else "Helvetica"})
            x += width + 0.25 * size
    return out


COLS = [60.0, 190.0, 330.0, 430.0]


def _unruled_page() -> list[dict]:
    """Action / Owner / Target date / Progress, no rules: wrapped lines 11 pt apart, rows 16 pt
    apart, a bold sub-heading line across the table, a bulleted paragraph below it."""
    lines = [
        ("Objective|Action|Owner|Target date", 100, True),
        ("Priority 1 - Rural crime", 120, True),
        ("Reduce thefts of|Hold crime prevention surgeries|Police Rural|September 2024", 136, False),
        ("farm machinery|at markets and shows.|Crime Team|", 147, False),
        ("|Promote farm watch groups.|District Council|Ongoing", 163, False),
        ("Priority 2 - Anti-social behaviour", 183, True),
        ("Respond early|Accredit enforcement officers|District Council|Q3 2024/25", 199, False),
        ("|under the accreditation scheme.||", 210, False),
        ("How we will know it is working", 250, True),
        ("• Rural crime offences recorded in the district every quarter of the year", 266, False),
    ]
    return [w for text, top, bold in lines for w in _words(text, top, COLS, bold=bold)]


def test_gridless_table_rows_and_subheadings() -> None:
    from cspipe.extractors.gridless import find_tables
    from cspipe.extractors.table_join import build_logical_tables

    tables = find_tables(_unruled_page(), 1, 612.0, 792.0)
    assert len(tables) == 1
    rec = records_from_tables(build_logical_tables([tables]))
    got = [(a.description, a.priority, a.lead_raw, a.timescale) for a in rec.activities]
    assert got == [
        ("Hold crime prevention surgeries at markets and shows.", "Priority 1 - Rural crime",
         "Police Rural Crime Team", "September 2024"),
        ("Promote farm watch groups.", "Priority 1 - Rural crime", "District Council", "Ongoing"),
        ("Accredit enforcement officers under the accreditation scheme.",
         "Priority 2 - Anti-social behaviour", "District Council", "Q3 2024/25"),
    ]
    # the objective printed on the first row of its group carries down
    assert rec.activities[1].objective == "Reduce thefts of farm machinery"
    # the heading and bullets below the table are running text, not table rows
    assert tables[0].bbox[3] < 250


def test_gridless_table_continues_on_next_page_without_header() -> None:
    from cspipe.extractors.gridless import find_tables
    from cspipe.extractors.table_join import build_logical_tables

    first = find_tables(_unruled_page()[:40], 1, 612.0, 792.0)
    assert first
    cont = [w for text, top in [("|rest of the action text.||", 60),
                                ("|Run a new activity.|Police|March 2025", 76)]
            for w in _words(text, top, COLS)]
    assert find_tables(cont, 2, 612.0, 792.0) == []  # no header on the page alone
    second = find_tables(cont, 2, 612.0, 792.0, carry=first[-1].xs)
    logical = build_logical_tables([first, second])
    assert len(logical) == 1
    descs = [a.description for a in records_from_tables(logical).activities]
    assert descs[-1] == "Run a new activity."
    assert descs[-2].endswith("rest of the action text.")


def test_gridless_header_split_into_known_names() -> None:
    from cspipe.extractors.gridless import header_cells, text_lines

    # narrow gutters: "Owner Target date Progress" drawn as one run of words
    words = [{"text": t, "x0": x, "x1": x + 5 * len(t), "top": 100, "bottom": 109, "size": 9.0,
              "fontname": "Helvetica-Bold"}
             for t, x in [("Action", 60), ("Owner", 190), ("Target", 221), ("date", 254),
                          ("Progress", 278)]]
    cells = header_cells(text_lines(words)[0])
    assert cells is not None
    assert [c.text for c in cells] == ["Action", "Owner", "Target date", "Progress"]


def test_performance_table_gives_kpis_with_target_and_latest_value() -> None:
    from cspipe.extractors.table_model import LogicalTable, Row

    header = ["Measure", "Target", "Q1", "Q2", "RAG", "Commentary"]
    cmap = map_header(header)
    assert cmap is not None and cmap.roles[2:4] == ["value", "value"]
    rows = [Row(cells=["Repeat referrals to the risk conference", "Below 28%", "31%", "29%",
                       "Amber", "Improving."], page=3),
            Row(cells=["Warnings issued", "Monitor only", "23", "N/A", "N/A", ""], page=3)]
    table = LogicalTable(page=3, xs=[0, 1, 2, 3, 4, 5, 6], header=header, cmap=cmap, rows=rows)
    kpis = records_from_tables([table]).kpis
    assert [(k.description, k.target, k.value) for k in kpis] == [
        ("Repeat referrals to the risk conference", "Below 28%", 29.0),
        ("Warnings issued", "Monitor only", 23.0),
    ]


def test_funding_table_with_recipient_funder_and_year() -> None:
    from cspipe.extractors.table_model import LogicalTable, Row

    header = ["Recipient organisation", "Project", "Amount", "Financial year", "Funder"]
    cmap = map_header(header)
    assert cmap is not None
    assert cmap.roles == ["recipient", "description", "funding", "period", "funder"]
    rows = [Row(cells=["A Youth Charity", "Mentoring for young people", "£38,000", "2024/25",
                       "Police and Crime Commissioner"], page=1),
            Row(cells=["Total", "", "£38,000", "", ""], page=1)]
    table = LogicalTable(page=1, xs=list(range(6)), header=header, cmap=cmap, rows=rows)
    funding = records_from_tables([table]).funding
    assert len(funding) == 1  # the total row is arithmetic, not a sum of its own
    f = funding[0]
    assert (f.description, f.amount_gbp, f.period, f.funder_text, f.recipient_text) == (
        "Mentoring for young people", 38000.0, "2024/25", "Police and Crime Commissioner",
        "A Youth Charity")


def test_header_rows_and_named_leads() -> None:
    assert header_role("Owner: Sam Green") == "lead"
    cmap = map_header(["Action", "Priority", "Owner: Sam Green and Jo Bloggs", "RAG"])
    assert cmap is not None and cmap.default_lead == "Sam Green and Jo Bloggs"
    # a data row with a sum is never a header, nor are period columns alone
    assert map_header(["April 2023", "Door chains after a burglary", "£400"]) is None
    assert map_header(["Q1", "Q2", "Notes"]) is None


def test_labelled_lines_above_a_table() -> None:
    from cspipe.extractors.tables import _labels

    lines = [(100.0, 110.0, "Outcome 2: Fewer people are hurt by violence, and fewer young", True),
             (111.0, 121.0, "people are exploited", True),
             (125.0, 135.0, "Priority: Serious violence and exploitation", False)]
    assert _labels(lines) == {
        "objective": "Fewer people are hurt by violence, and fewer young people are exploited",
        "priority": "Serious violence and exploitation",
    }


def test_kpi_cell_split_at_semicolons_and_bracketed_target() -> None:
    kpis = kpis_from_cell("Referrals to the adviser; % of clients feeling safer (target: 80%)", 1)
    assert [(k.description, k.target) for k in kpis] == [
        ("Referrals to the adviser", None), ("% of clients feeling safer", "80%")]


def test_performance_table_with_year_columns() -> None:
    from cspipe.extractors.table_model import LogicalTable, Row

    header = ["Indicator", "2022/23", "2023/24", "Target"]
    cmap = map_header(header)
    assert cmap is not None
    rows = [Row(cells=["Burglaries recorded", "412", "388", "Below 400"], page=2)]
    table = LogicalTable(page=2, xs=[0, 1, 2, 3, 4], header=header, cmap=cmap, rows=rows)
    kpis = records_from_tables([table]).kpis
    assert [(k.description, k.target, k.value) for k in kpis] == [
        ("Burglaries recorded", "Below 400", 388.0)]


def test_gridless_header_centred_over_its_column() -> None:
    from cspipe.extractors.gridless import find_tables

    cols = [60.0, 190.0, 330.0, 430.0]
    head = _words("Action", 100, [cols[0]], bold=True) + _words("Owner", 100, [225.0], bold=True) \
        + _words("Target date", 100, [350.0], bold=True)
    body = [w for text, top in [("Hold surgeries at markets.|Police Rural Team|June 2024", 120),
                                ("Promote watch groups.|District Council|Ongoing", 136),
                                ("Fit door locks for victims.|Housing Team|March 2025", 152)]
            for w in _words(text, top, cols)]
    tables = find_tables(head + body, 1, 612.0, 792.0)
    assert len(tables) == 1
    assert tables[0].rows[1] == ["Hold surgeries at markets.", "Police Rural Team", "June 2024"]


def test_funding_and_plan_column_words() -> None:
    cmap = map_header(["Organisation", "Project", "Grant", "Year"])
    assert cmap is not None and cmap.roles == ["recipient", "description", "funding", "period"]
    cmap = map_header(["Action", "Lead", "Year"])
    assert cmap is not None and cmap.roles == ["activity", "lead", "timescale"]


def test_gridless_wrapped_bold_first_cell_is_not_a_subheading() -> None:
    from cspipe.extractors.gridless import find_tables

    cols = [60.0, 190.0, 330.0]
    words = _words("Priority|Action|Lead", 100, cols, bold=True)
    words += _words("Criminal", 120, cols, bold=True)
    words += _words("|Map the risks in the town.|Police", 120, cols)
    words += _words("exploitation", 131, cols, bold=True)
    words += _words("|Train the staff.|Council", 150, cols)
    tables = find_tables(words, 1, 612.0, 792.0)
    assert len(tables) == 1
    assert [r[0] for r in tables[0].rows[1:]] == ["Criminal\nexploitation", ""]
