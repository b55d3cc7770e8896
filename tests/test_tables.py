"""Tables found with pdfplumber and rebuilt across page breaks, then read into records."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.render import NextPageTemplate, PageBreak, build_pdf, cell, mm, para, ruled_table
from extractors.actionplan import explain_page, kpis_from_cell, records_from_tables, split_numbered
from extractors.columns import header_role, map_header, subheading
from extractors.pdf import open_pdf
from extractors.tables import logical_tables

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
