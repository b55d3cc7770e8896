"""The comparison views on a small hand-built database whose answers are known.

``build_fixture_db`` is shared by the compare, report, serve and export tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from cspipe.pipeline.store.load import open_db

ALPHA_OLD = "a" * 64
ALPHA_NEW = "b" * 64
BETA = "c" * 64
GAMMA = "d" * 64
FAILED = "e" * 64


#: the fixture's rows, table by table (data, not code)
FIXTURE_PARTNERSHIPS = [
    {"id": "alpha-csp", "name": "Alpha Community Safety Partnership", "gss_code": None,
     "county_id": "shire-county-council", "force_id": "shire-constabulary",
     "council_type": "non_metropolitan_district", "population": 100_000, "districts": 1},
    {"id": "beta-csp", "name": "Beta Community Safety Partnership", "gss_code": None,
     "county_id": "shire-county-council", "force_id": "shire-constabulary",
     "council_type": "non_metropolitan_district", "population": 150_000, "districts": 1},
    {"id": "gamma-csp", "name": "Gamma Community Safety Partnership", "gss_code": None,
     "county_id": None, "force_id": "shire-constabulary", "council_type": "unitary",
     "population": 400_000, "districts": 1},
    {"id": "idle-csp", "name": "Idle Community Safety Partnership", "gss_code": None},
]

FIXTURE_ORGANISATIONS = [
    {"id": "alpha-council", "name": "Alpha Council", "kind": "district_council"},
    {
        "id": "shire-county-council",
        "name": "Shire County Council",
        "kind": "county_council",
    },
    {"id": "shire-constabulary", "name": "Shire Constabulary", "kind": "police"},
    {
        "id": "shire-fire-and-rescue-service",
        "name": "Shire Fire and Rescue Service",
        "kind": "fire_rescue",
    },
    {"id": "all-partners", "name": "All partners", "kind": "partnership"},
]

FIXTURE_PRIORITIES = [
    {"document_id": ALPHA_OLD, "label": "Anti-social behaviour", "theme": "asb", "page": 2},
    {"document_id": ALPHA_OLD, "label": "Fraud and scams", "theme": "fraud", "page": 2},
    {"document_id": ALPHA_NEW, "label": "ASB", "theme": "asb", "page": 3},
    {"document_id": ALPHA_NEW, "label": "VAWG", "theme": "vawg", "page": 3},
    {"document_id": BETA, "label": "Domestic abuse", "theme": "domestic_abuse", "page": 1},
    {"document_id": BETA, "label": "Violence against women", "theme": "vawg", "page": 1},
    {"document_id": GAMMA, "label": "Prevent", "theme": "prevent", "page": 4},
]

FIXTURE_ACTIVITY_LEADS = [
    {
        "activity_id": 1,
        "organisation_id": "shire-constabulary",
        "person": None,
        "raw": "Police",
    },
    {"activity_id": 1, "organisation_id": "alpha-council", "person": None, "raw": "AC"},
    {
        "activity_id": 2,
        "organisation_id": "alpha-council",
        "person": "Jo Bloggs",
        "raw": "AC: Jo Bloggs",
    },
    {"activity_id": 3, "organisation_id": "all-partners", "person": None, "raw": "All"},
    {
        "activity_id": 5,
        "organisation_id": "shire-county-council",
        "person": None,
        "raw": "SCC",
    },
    {"activity_id": 6, "organisation_id": None, "person": "Sam Smith", "raw": "Sam Smith"},
]

FIXTURE_KPIS = [
    {
        "id": 1,
        "document_id": ALPHA_NEW,
        "activity_id": 1,
        "description": "Calls",
        "target": "-10%",
        "page": 5,
    },
    {
        "id": 2,
        "document_id": ALPHA_NEW,
        "activity_id": 3,
        "description": "Venues",
        "target": "TBC",
        "page": 6,
    },
    {
        "id": 3,
        "document_id": BETA,
        "activity_id": 5,
        "description": "Beds",
        "target": None,
        "page": 2,
    },
    {
        "id": 4,
        "document_id": BETA,
        "activity_id": None,
        "description": "Reports",
        "target": "20",
        "page": 3,
    },
]

FIXTURE_FUNDING = [
    # alpha: 2019/20 by date (Jul 2019) and by date (Feb 2020); 2021/22 by period
    {
        "document_id": ALPHA_OLD,
        "date": "2019-07-28",
        "period": None,
        "description": "Skate park event",
        "amount_gbp": 420.0,
        "page": 7,
    },
    {
        "document_id": ALPHA_OLD,
        "date": "2020-02",
        "period": None,
        "description": "Bike marking",
        "amount_gbp": 580.0,
        "page": 7,
    },
    {
        "document_id": ALPHA_NEW,
        "date": "2023-05-01",
        "period": "2021/22",
        "description": "PCC grant",
        "amount_gbp": 16100000.0,
        "page": 8,
    },
    # the same grant repeated in the older document: counted once in funding_by_year
    {
        "document_id": ALPHA_OLD,
        "date": None,
        "period": "FY 2021-22",
        "description": "PCC grant ",
        "amount_gbp": 16100000.0,
        "page": 9,
    },
    # beta: short period form and an undated sum
    {
        "document_id": BETA,
        "date": None,
        "period": "22/23",
        "description": "Safer Streets",
        "amount_gbp": 5000.0,
        "page": 4,
    },
    {
        "document_id": BETA,
        "date": None,
        "period": None,
        "description": "Reserve",
        "amount_gbp": 100.0,
        "page": 4,
    },
]

FIXTURE_ORG_MENTIONS = [
    {"document_id": ALPHA_OLD, "organisation_id": "alpha-council", "text": "AC", "page": 1},
    {"document_id": ALPHA_NEW, "organisation_id": "alpha-council", "text": "AC", "page": 1},
    {
        "document_id": ALPHA_NEW,
        "organisation_id": "shire-constabulary",
        "text": "Police",
        "page": 2,
    },
    {
        "document_id": BETA,
        "organisation_id": "shire-constabulary",
        "text": "Constabulary",
        "page": 1,
    },
    {
        "document_id": BETA,
        "organisation_id": "shire-fire-and-rescue-service",
        "text": "Fire service",
        "page": 3,
    },
    {
        "document_id": GAMMA,
        "organisation_id": "shire-constabulary",
        "text": "Police",
        "page": 1,
    },
]



def build_fixture_db(path: Path) -> Path:
    """Three partnerships: alpha (two documents), beta (one), gamma (priorities only)."""
    db = open_db(path)
    db["partnerships"].insert_all(
        FIXTURE_PARTNERSHIPS
    )
    db["organisations"].insert_all(
        FIXTURE_ORGANISATIONS
    )
    docs = [
        (ALPHA_OLD, "alpha-csp", "2022-03-01", "ok", "Alpha plan 2022"),
        (ALPHA_NEW, "alpha-csp", "2023-07-20", "ok", "Alpha scrutiny 2023"),
        (BETA, "beta-csp", "2023-01-10", "ok", "Beta action plan"),
        (GAMMA, "gamma-csp", None, "partial", "Gamma strategy"),
        (FAILED, None, None, "failed", None),
    ]
    db["documents"].insert_all(
        [
            {
                "id": i,
                "source": f"/papers/{n}.pdf",
                "title": t,
                "doc_type": "other",
                "partnership_id": p,
                "meeting_date": m,
                "pages": 10,
                "status": s,
                "error": "not a PDF" if s == "failed" else None,
            }
            for n, (i, p, m, s, t) in enumerate(docs)
        ]
    )
    db["priorities"].insert_all(
        FIXTURE_PRIORITIES
    )
    # alpha: 4 activities (ids 1-4), beta: 2 (ids 5-6)
    acts = [
        (1, ALPHA_NEW, "asb", "Patrol hotspots", "Green", "Q1 2023/24", "2023-06-30", 5),
        (2, ALPHA_NEW, "asb", "Run a PSPO consultation", "Complete", None, None, 5),
        (3, ALPHA_NEW, "vawg", "Train venue staff", "Amber", "March 2024", "2024-03-31", 6),
        (4, ALPHA_NEW, "vawg", "Map safe spaces", None, "As required", None, 6),
        (5, BETA, "domestic_abuse", "Commission refuge", "RAG: red", "2023/24", "2024-03-31", 2),
        (6, BETA, "vawg", "Awareness campaign", "In progress", None, None, 2),
    ]
    db["activities"].insert_all(
        [
            {
                "id": i,
                "document_id": d,
                "theme": t,
                "priority": None,
                "objective": None,
                "description": desc,
                "status": s,
                "progress": None,
                "timescale": ts,
                "due_date": due,
                "page": pg,
            }
            for i, d, t, desc, s, ts, due, pg in acts
        ]
    )
    db["activity_leads"].insert_all(
        FIXTURE_ACTIVITY_LEADS
    )
    db["kpis"].insert_all(
        FIXTURE_KPIS
    )
    db["funding"].insert_all(
        FIXTURE_FUNDING
    )
    db["org_mentions"].insert_all(
        FIXTURE_ORG_MENTIONS
    )
    db.close()
    return path


@pytest.fixture()
def fixture_db(tmp_path: Path) -> sqlite_utils.Database:
    db = open_db(build_fixture_db(tmp_path / "fixture.db"))
    yield db
    db.close()


def _rows(db: sqlite_utils.Database, sql: str) -> list[dict]:
    return list(db.query(sql))


def test_views_exist_and_reopen_is_idempotent(tmp_path: Path) -> None:
    path = build_fixture_db(tmp_path / "x.db")
    db = open_db(path)  # second open recreates views on a populated database
    names = set(db.view_names())
    assert {
        "partnership_summary",
        "priority_matrix",
        "priority_matrix_latest",
        "activity_profile",
        "lead_mix",
        "funding_by_year",
        "organisation_participation",
    } <= names
    db.close()


def test_latest_document_per_partnership(fixture_db: sqlite_utils.Database) -> None:
    rows = {
        r["partnership_id"]: r["document_id"]
        for r in _rows(fixture_db, "SELECT * FROM partnership_latest_document")
    }
    assert rows == {"alpha-csp": ALPHA_NEW, "beta-csp": BETA, "gamma-csp": GAMMA}


def test_priority_matrix_all_documents(fixture_db: sqlite_utils.Database) -> None:
    cells = {
        (r["partnership_id"], r["theme"]): r
        for r in _rows(fixture_db, "SELECT * FROM priority_matrix")
    }
    assert len(cells) == 3 * 18  # idle-csp has no documents
    asb = cells[("alpha-csp", "asb")]
    assert (asb["documents"], asb["of_documents"], asb["share"], asb["in_latest"]) == (2, 2, 1.0, 1)
    assert asb["labels"] == "ASB | Anti-social behaviour"
    fraud = cells[("alpha-csp", "fraud")]
    assert (fraud["documents"], fraud["share"], fraud["in_latest"]) == (1, 0.5, 0)
    assert cells[("beta-csp", "asb")]["documents"] == 0


def test_priority_matrix_latest(fixture_db: sqlite_utils.Database) -> None:
    named = {
        (r["partnership_id"], r["theme"])
        for r in _rows(fixture_db, "SELECT * FROM priority_matrix_latest WHERE named")
    }
    assert named == {
        ("alpha-csp", "asb"),
        ("alpha-csp", "vawg"),
        ("beta-csp", "domestic_abuse"),
        ("beta-csp", "vawg"),
        ("gamma-csp", "prevent"),
    }


def test_activity_profile(fixture_db: sqlite_utils.Database) -> None:
    prof = {r["partnership_id"]: r for r in _rows(fixture_db, "SELECT * FROM activity_profile")}
    a = prof["alpha-csp"]
    assert a["activities"] == 4
    assert a["share_kpi"] == 0.5  # activities 1 and 3
    assert a["share_target"] == 0.25  # only 1: "TBC" is not a target
    assert a["share_lead_org"] == 0.5  # 1 and 2; "All" is the sentinel, not a named org
    assert a["share_all_partners"] == 0.25
    assert a["share_due_date"] == 0.5
    assert a["share_status_stated"] == 0.75
    assert a["share_complete"] == 0.25
    b = prof["beta-csp"]
    assert (b["activities"], b["share_kpi"], b["share_target"], b["share_lead_org"]) == (
        2,
        0.5,
        0,
        0.5,
    )
    assert prof["gamma-csp"]["activities"] == 0 and prof["gamma-csp"]["share_kpi"] is None
    by_theme = {
        (r["partnership_id"], r["theme"]): r
        for r in _rows(fixture_db, "SELECT * FROM activity_profile_by_theme")
    }
    assert by_theme[("alpha-csp", "vawg")]["activities"] == 2
    assert by_theme[("alpha-csp", "vawg")]["share_due_date"] == 0.5


def test_status_groups(fixture_db: sqlite_utils.Database) -> None:
    groups = {
        r["activity_id"]: r["status_group"]
        for r in _rows(fixture_db, "SELECT activity_id, status_group FROM activity_facts")
    }
    assert groups == {
        1: "on_track",
        2: "complete",
        3: "at_risk",
        4: "not_stated",
        5: "off_track",
        6: "in_progress",
    }
    mix = {
        (r["partnership_id"], r["status_group"]): r["share"]
        for r in _rows(fixture_db, "SELECT * FROM activity_status_mix")
    }
    assert mix[("alpha-csp", "complete")] == 0.25


def test_lead_mix(fixture_db: sqlite_utils.Database) -> None:
    mix = {(r["partnership_id"], r["kind"]): r for r in _rows(fixture_db, "SELECT * FROM lead_mix")}
    assert mix[("alpha-csp", "district_council")]["activities"] == 2
    assert mix[("alpha-csp", "district_council")]["share"] == 0.5
    assert mix[("alpha-csp", "police")]["share"] == 0.25
    assert mix[("alpha-csp", "all_partners")]["share"] == 0.25
    assert mix[("alpha-csp", "all_partners")]["share_of_led"] == round(1 / 3, 3)
    assert mix[("beta-csp", "unmatched")]["activities"] == 1
    assert mix[("beta-csp", "county_council")]["share"] == 0.5


def test_funding_by_financial_year(fixture_db: sqlite_utils.Database) -> None:
    items = {
        r["description"]: (r["financial_year"], r["basis"])
        for r in _rows(fixture_db, "SELECT * FROM funding_items")
    }
    assert items["Skate park event"] == ("2019/20", "date")
    assert items["Bike marking"] == ("2019/20", "date")  # February 2020 is in 2019/20
    assert items["PCC grant"] == ("2021/22", "period")  # the period wins over the date
    assert items["PCC grant "] == ("2021/22", "period")
    assert items["Safer Streets"] == ("2022/23", "period")
    assert items["Reserve"] == ("unknown", "none")
    years = {
        (r["partnership_id"], r["financial_year"]): r
        for r in _rows(fixture_db, "SELECT * FROM funding_by_year")
    }
    assert years[("alpha-csp", "2019/20")]["amount_gbp"] == 1000.0
    assert years[("alpha-csp", "2021/22")]["amount_gbp"] == 16100000.0  # repeat counted once
    assert years[("alpha-csp", "2021/22")]["amount_gbp_all_rows"] == 32200000.0
    assert years[("beta-csp", "2022/23")]["amount_gbp"] == 5000.0


def test_organisation_participation(fixture_db: sqlite_utils.Database) -> None:
    rows = {
        (r["organisation_id"], r["partnership_id"]): r
        for r in _rows(fixture_db, "SELECT * FROM organisation_participation")
    }
    assert rows[("alpha-council", "alpha-csp")]["documents_mentioning"] == 2
    assert rows[("alpha-council", "alpha-csp")]["activities_led"] == 2
    # led but never in org_mentions still participates
    assert rows[("shire-county-council", "beta-csp")]["documents_mentioning"] == 0
    assert rows[("shire-county-council", "beta-csp")]["activities_led"] == 1
    reach = {r["organisation_id"]: r for r in _rows(fixture_db, "SELECT * FROM organisation_reach")}
    assert reach["shire-constabulary"]["partnerships"] == 3
    assert reach["shire-constabulary"]["partnerships_leading"] == 1


def test_status_group_words() -> None:
    """Status words match whole words: "required" is not "red"."""
    db = sqlite_utils.Database(memory=True)
    from cspipe.pipeline.store.views import _STATUS_GROUP

    cases = {
        "Red": "off_track",
        "Required": "other",
        "Not started": "not_started",
        "Completed": "complete",
        "Not on track": "off_track",
        "On Track": "on_track",
        "G": "other",
        "Ongoing": "in_progress",
        "Green/Amber": "at_risk",
    }
    for status, group in cases.items():
        got = db.execute(
            f"SELECT {_STATUS_GROUP} FROM (SELECT ? AS status) a", [status]
        ).fetchone()[0]
        assert got == group, status
