"""No contact detail is stored by default, in any text column of any table, whatever field it sat in."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from pipeline.ingest import Options, assemble_document, extract_document
from pipeline.load import open_db, write_document

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
