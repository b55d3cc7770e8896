"""The matcher's word lists, read from ``vocab/`` beside this file.

Each list is a column of ``vocab/word_lists.csv`` (``list,word``); role phrases are
``vocab/roles.csv`` and council short forms ``vocab/council_suffixes.csv``. Editing the data
changes what the matcher accepts; no code change is needed to add a word.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from cspipe.pipeline.match.registry.text import normalise

VOCAB = Path(__file__).parent / "vocab"


def _rows(name: str) -> list[dict[str, str]]:
    with open(VOCAB / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _lists() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for row in _rows("word_lists.csv"):
        out[row["list"]].append(row["word"])
    return {k: tuple(v) for k, v in out.items()}


_LISTS = _lists()


def words(name: str) -> frozenset[str]:
    """One word list as a set; a list missing from the data is an error, not an empty set."""
    return frozenset(_LISTS[name])


#: words that never tell two organisations apart; every other word must be explained
GENERIC_WORDS = words("generic")
TIER_WORDS = words("tier")
#: words after a body's name that name a unit of it ("Licensing team")
TEAM_WORDS = words("team")
#: words that make the rest of a name a different body, not a part ("... and Crime Commissioner")
NOT_A_PART = words("not_a_part")
#: roles also counted when scanning running text (others are too vague there)
SCAN_ROLES = words("scan_roles")
#: roles whose word alone names a body, so "<role> <team words>" is a team of it
BODY_ROLES = words("body_roles")
#: single-word names that are everyday words: never scanned for in running text
COMMON_WORD_NAMES = words("common_word_names")
#: a capitalised role word opening one of these titles names a law or a plan, not a body
TITLE_ENDS = words("title_ends")
#: a name followed by one of these names the body's campaign or event, not the body
EVENT_WORDS = words("event_words")
#: words in front of "Parish Council" / "Town Council" that are not a place ("each Town Council")
NOT_PLACES = words("not_places")
#: plural nouns that make a capitalised phrase a class of bodies ("Clinical Commissioning Groups")
CLASS_NOUNS = words("class_nouns")
JOINING_WORDS = words("joining_words")
#: small words skipped when matching initials to a "Full Name (ABBR)"
INITIALS_JOINERS = words("initials_joiners")
#: how papers write a council after its place ("Maidstone Council", "Cheshire East LA"), in order
COUNCIL_FORMS = _LISTS["council_forms"]

#: generic role phrases (normalised) -> the role the paper's context resolves
ROLES: dict[str, str] = {normalise(r["phrase"]): r["role"] for r in _rows("roles.csv")}

#: "Anyshire CC", "Mid Anyshire DC": the short forms of council names
COUNCIL_SUFFIXES: dict[str, tuple[str, ...]] = {}
for _row in _rows("council_suffixes.csv"):
    COUNCIL_SUFFIXES[_row["suffix"]] = (*COUNCIL_SUFFIXES.get(_row["suffix"], ()), _row["form"])
