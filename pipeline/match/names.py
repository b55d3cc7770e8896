"""How an organisation name is written: cleaning, parts and teams, titles, events, similarity."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from cspipe.pipeline.match.registry import Organisation
from cspipe.pipeline.match.registry.text import fold, normalise
from cspipe.pipeline.match.words import (
    CLASS_NOUNS,
    EVENT_WORDS,
    GENERIC_WORDS,
    JOINING_WORDS,
    NOT_A_PART,
    ROLES,
    TEAM_WORDS,
    TIER_WORDS,
    TITLE_ENDS,
)

TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?|&")

def opens_title(after: list[str], role: bool) -> bool:
    """The name opens a capitalised title ending in Act/Plan/...: "Police Reform Act 2002".

    Role words always; other names only when the title goes on with "and" ("Anyshire Police and
    Crime Plan"), since "Home Office Serious Violence Strategy" still names the Home Office.
    """
    if not after or (not role and after[0].lower() not in {"and", "&"}):
        return False
    for word in after:
        low = word.lower()
        if low in TITLE_ENDS and word[:1].isupper():
            return True
        if not (word[:1].isupper() or low in {"and", "&", "of", "the", "for"}):
            return False
    return False


#: plural nouns that make a capitalised phrase a class of bodies ("Clinical Commissioning Groups")
def names_class(after: list[str]) -> bool:
    """The capitalised words that follow end in a plural body noun: a class, not one body."""
    for word in after:
        if not word[:1].isupper():
            return False
        if word.lower() in CLASS_NOUNS:
            return True
    return False


def written_as_name(written: str, org: Organisation) -> bool:
    """Each main word capitalised, or the body's own place capitalised ("Anytown rotary")."""
    words = [
        w for w in re.findall(r"[A-Za-z][A-Za-z']*", written) if w.lower() not in JOINING_WORDS
    ]
    if all(w[:1].isupper() for w in words):
        return True
    place = (org.place or "").split()
    return bool(place) and all(p in words for p in place)


def names_event(after: list[str]) -> bool:
    """The name is followed by a capitalised event word: "White Ribbon Campaign"."""
    return bool(after) and after[0][:1].isupper() and after[0].lower() in EVENT_WORDS


_PLURAL_NOUNS = re.compile(r"(?:commissioners|councils|forces|services|trusts|boards|authorities|"
                           r"teams|companies|panels|ccgs|pcts|crcs)$")


def generic_plural(key: str) -> bool:
    """A role written in the plural ("Police and Crime Commissioners", "Probation Trusts")."""
    if not _PLURAL_NOUNS.search(key):
        return False
    singular = re.sub(r"ies$", "y", key) if key.endswith("ies") else key[:-1]
    return ROLES.get(singular) is not None and ROLES.get(key) is None


def is_part(words: list[str]) -> bool:
    """The words after an organisation name a part of it ("VAWG team", "Housing and Advice")."""
    lowered = [normalise(w) for w in words]
    return any(w in TEAM_WORDS for w in lowered) or (
        len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() for w in words)
        and not any(normalise(w) in GENERIC_WORDS for w in words)
    )


def is_part_key(tokens: list[str]) -> bool:
    """Normalised words after a name that only name a unit of it ("licensing", "home improvement agency")."""
    if not tokens or any(t in NOT_A_PART for t in tokens):
        return False
    return any(t in TEAM_WORDS for t in tokens) or (
        len(tokens) <= 2 and not any(t in GENERIC_WORDS for t in tokens))


def clean(text: str) -> str:
    text = fold(text).strip()
    text = re.sub(r"\s+", " ", text)
    text = text.strip(" .,;:-*•")
    text = re.sub(r"^(the|and|by|with|from|via)\s+", "", text, flags=re.I)
    # lead-cell wording around the name: "police to lead", "Representatives on High Harms Board"
    text = re.sub(r"^representatives?\s+(on|of|from)\s+(the\s+)?", "", text, flags=re.I)
    text = re.sub(r"\s+(to\s+lead|leading|to\s+support|supporting|to)$", "", text, flags=re.I)
    return text


def similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) <= 5 or len(b) <= 5:
        return fuzz.ratio(a, b) >= 88
    if a.startswith(b) or b.startswith(a):
        return True
    return fuzz.ratio(a, b) >= 85


def words_explained(key: str, candidate: str) -> bool:
    """Every distinctive word on each side has a near-twin on the other; tiers agree."""
    a, b = key.split(), candidate.split()
    tiers_a, tiers_b = set(a) & TIER_WORDS, set(b) & TIER_WORDS
    if tiers_a and tiers_b and tiers_a != tiers_b:
        # "Anytown County Council" may still be Anytownshire County Council, not the City
        return False
    da = [w for w in a if w not in GENERIC_WORDS]
    db = [w for w in b if w not in GENERIC_WORDS]
    return all(any(similar(x, y) for y in b) for x in da) and all(
        any(similar(y, x) for x in a) for y in db
    )


LOCAL_COUNCIL = re.compile(
    r"((?:\b[A-Z][a-z'-]+|\bSt\.?|\bupon|\bon|\ble|\bnext|\bthe|\bcum|\bby)"
    r"(?:[ \t]+(?:[A-Z][a-z'-]+|St\.?|upon|on|le|next|the|cum|by)){0,4})"
    r"[ \t\n]+(Parish|Town)[ \t\n]+Council\b"
)
#: a unit of "the Council" named without its place: the publishing council's own team
HOST_COUNCIL_UNIT = re.compile(
    r"^(?:the\s+)?council(?:'s|’s)?\s+(?:[A-Z][\w-]*\s*){0,5}(?:team|service|services|unit|"
    r"department|officers?|directorate)$", re.I)
