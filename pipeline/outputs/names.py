"""Names as a user types them: a theme as the tables print it ("domestic abuse"), a partnership
by its id, name or area ("East Suffolk"), resolved to the key the database holds; a typo gets
the closest known name as a suggestion, in one line."""

from __future__ import annotations

import re

import sqlite_utils
from rapidfuzz import fuzz, process

from cspipe.models.vocab import THEMES


class UnknownName(ValueError):
    """A name that matches nothing; ``str(err)`` is one line with the closest names."""


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


#: how many known names an error lists when nothing is close
LISTED = 12


def _closest(text: str, choices: dict[str, str], what: str, listed: int = LISTED) -> UnknownName:
    """The error for ``text``: the closest names (by their written forms), else the known ones."""
    near = process.extract(_key(text), list(choices), scorer=fuzz.ratio, limit=10, score_cutoff=75)
    names = list(dict.fromkeys(choices[n] for n, _s, _i in near))[:2]
    if names:
        return UnknownName(f"unknown {what} {text!r}; did you mean {' or '.join(map(repr, names))}?")
    known = sorted(set(choices.values()))
    more = f", ... ({len(known)} in all)" if len(known) > listed else ""
    return UnknownName(f"unknown {what} {text!r}; known: {', '.join(known[:listed])}{more}")


def theme_key(text: str) -> str:
    """``domestic_abuse`` from "domestic abuse", "Domestic Abuse" or "domestic_abuse"."""
    by_key = {_key(t.replace("_", " ")): t for t in THEMES}
    found = by_key.get(_key(text.replace("_", " ")))
    if found is None:
        raise _closest(text.replace("_", " "), {k: k for k in by_key}, "theme", len(THEMES))
    return found


def partnership_id(db: sqlite_utils.Database, text: str) -> str:
    """The id of the partnership ``text`` names among those the database holds documents for."""
    rows = db.execute(
        "SELECT DISTINCT p.id, p.name FROM partnerships p JOIN documents d "
        "ON d.partnership_id = p.id WHERE d.status != 'failed'").fetchall()
    forms: dict[str, str] = {}
    for pid, name in rows:
        area = re.sub(r"\s+(?:community safety partnership|csp)$", "", name or "", flags=re.I)
        for form in (pid, pid.removesuffix("-csp"), name or "", area, f"{area} CSP"):
            if form:
                forms.setdefault(_key(form), pid)
    found = forms.get(_key(text))
    if found is None:
        shown = {pid: f"{name} ({pid})" if name else pid for pid, name in rows}
        raise _closest(text, {form: shown[pid] for form, pid in forms.items()}, "partnership")
    return found
