"""No contact detail is stored by default, in any text column of any table, whatever field it sat in."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from cspipe.pipeline.ingest.parse import Options, assemble_document, extract_document
from cspipe.pipeline.store.load import open_db, write_document

ROOT = Path(__file__).resolve().parent.parent
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b")
CONTACT = " (Jo Bloggs, jo.bloggs@example-council.gov.uk, 01234 567890)"


def plant(value: Any) -> Any:
    """Every string in the extraction gets a contact appended (ids and themes excepted)."""
    if isinstance(value, str):
        return value + CONTACT
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            if name in ("theme", "doc_type", "kind", "due_date", "date", "meeting_date"):
                continue
            update[name] = plant(getattr(value, name))
        return value.model_copy(update=update)
    if isinstance(value, list):
        return [plant(v) for v in value]
    return value


def test_contacts_in_every_field_are_never_stored(tmp_path: Path) -> None:
    pdf = ROOT / "corpus" / "east-cambridgeshire-action-plan-2023-24.pdf"
    extraction = extract_document(pdf.read_bytes(), Options(boxed=False))
    planted = plant(extraction)
    # a description that is only a contact, and a lead cell that is only one
    first = planted.activities[0]
    planted.activities.append(first.model_copy(update={"description": "jo.bloggs@example.org"}))
    assert planted.activities[0].leads, "the test needs a lead cell"
    bundle = assemble_document("doc-1", str(pdf), planted)
    db = open_db(tmp_path / "p.db")
    write_document(db, bundle)
    db.close()
    conn = sqlite3.connect(tmp_path / "p.db")
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    checked = 0
    for table in tables:
        for _cid, col, *_ in conn.execute(f"PRAGMA table_info({table})"):
            for (value,) in conn.execute(f"SELECT [{col}] FROM [{table}] WHERE typeof([{col}]) = 'text'"):
                checked += 1
                assert not EMAIL.search(value), (table, col, value[:120])
                assert not PHONE.search(value), (table, col, value[:120])
    assert checked > 100
    descriptions = [r[0] for r in conn.execute("SELECT description FROM activities")]
    assert all(d.strip() for d in descriptions)  # the contact-only activity was dropped
    assert len(descriptions) == len(extraction.activities)
    people = {r[0] for r in conn.execute("SELECT person FROM activity_leads WHERE person IS NOT NULL")}
    assert people  # names stay where the contract asks for them
    conn.close()


def test_keep_contacts_keeps_them(tmp_path: Path) -> None:
    pdf = ROOT / "corpus" / "east-cambridgeshire-action-plan-2023-24.pdf"
    extraction = plant(extract_document(pdf.read_bytes(), Options(boxed=False, keep_contacts=True)))
    bundle = assemble_document("doc-1", str(pdf), extraction)
    bundle.keep_contacts = True
    db = open_db(tmp_path / "k.db")
    write_document(db, bundle)
    db.close()
    conn = sqlite3.connect(tmp_path / "k.db")
    assert EMAIL.search(conn.execute("SELECT description FROM activities LIMIT 1").fetchone()[0])
    conn.close()


def _contacts_pdf(path: Path) -> None:
    """A plan table and a grant table with a contact in every kind of cell, and prose."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    mail, phone = "sam.green@anytown-council.gov.uk", "01632 960123"
    style = getSampleStyleSheet()["Normal"]

    def cell(text: str) -> Paragraph:
        return Paragraph(text, style)

    plan = [[cell(h) for h in ("Priority", "Action", "Lead", "Status", "Progress", "KPI", "Timescale")]]
    plan += [[cell(f"Hate crime ({mail})"), cell(f"Run reporting clinics, call {phone}"),
              cell(f"Council: Sam Green {mail}"), cell(f"On track {phone}"),
              cell(f"Two clinics held; ask {mail}"), cell(f"Number of reports made {phone}"),
              cell(f"March 2025 {mail}")],
             [cell("Hate crime"), cell(mail), cell(f"Police {phone}"), cell("Amber"),
              cell("Started"), cell(f"Clinics run; target 12 ({mail})"), cell("Ongoing")]]
    grants = [[cell(h) for h in ("Recipient", "Project", "Amount")],
              [cell(f"Anytown Youth Club {phone}"), cell(f"Summer football ({mail})"), cell("£2,500")]]
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")])
    story = [Paragraph(f"Community Safety Partnership action plan. Contact {mail} or {phone}.", style),
             Table(plan, style=grid), Paragraph(" ", style), Table(grants, style=grid),
             Paragraph(f"The council allocated £4,000 to the hate crime fund (queries to {mail}).",
                       style)]
    SimpleDocTemplate(str(path), pagesize=landscape(A4), invariant=1).build(story)


def test_contacts_planted_in_every_kind_of_cell_of_a_pdf(tmp_path: Path) -> None:
    from cspipe.pipeline.ingest.documents import ingest

    pdf = tmp_path / "contacts.pdf"
    _contacts_pdf(pdf)
    ingest([str(pdf)], tmp_path / "c.db", Options(boxed=False))
    conn = sqlite3.connect(tmp_path / "c.db")
    assert conn.execute("SELECT count(*) FROM activities").fetchone()[0] >= 1
    assert conn.execute("SELECT count(*) FROM funding").fetchone()[0] >= 1
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for _cid, col, *_ in conn.execute(f"PRAGMA table_info({table})").fetchall():
            for (value,) in conn.execute(
                    f"SELECT [{col}] FROM [{table}] WHERE typeof([{col}]) = 'text'").fetchall():
                assert not EMAIL.search(value), (table, col, value[:120])
                assert not PHONE.search(value), (table, col, value[:120])
    conn.close()
