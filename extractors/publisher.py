"""Partnership and council names as a paper writes them, and the council behind an e-mail domain."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_CAP = r"(?:St\.?|[A-Z][A-Za-z'’-]+|of|and|&|the|upon|on|in)"
#: an area name stays on one line (wrapped names are caught by their other mentions)
_AREA = rf"(?:St\.?|[A-Z][A-Za-z'’-]+)(?:[ \t]+{_CAP}){{0,5}}?"
_PARTNERSHIP = re.compile(
    rf"\b({_AREA})(?:[ \t]+(Community\s+Safety\s+Partnership)|[ \t]+(CSP))\b(?!s)")
_ABBREV_CSP = re.compile(r"\b([A-Z]{1,6}CSP)\b")
#: other names CSPs go by: "Safer <Area> Partnership", "<Area> Safer Communities Partnership"
_SAFER_PARTNERSHIP = re.compile(
    rf"\bSafer[ \t]+({_AREA})[ \t]+Partnership\b|"
    rf"\b({_AREA})[ \t]+Safer[ \t]+(?:Stronger[ \t]+)?Communit(?:y|ies)[ \t]+Partnership\b")
_COUNCIL = re.compile(
    rf"\b((?:(?:The[ \t]+)?(?:Borough|District|County|City)[ \t]+Council[ \t]+of[ \t]+{_AREA})"
    rf"|(?:{_AREA}[ \t]+(?:(?:District|Borough|County|City|Metropolitan[ \t]+Borough|Town|Parish)[ \t]+)?Council))\b"
)
_NOT_AREA = {
    "each", "the", "a", "an", "all", "our", "this", "that", "local", "every", "their", "new",
    "which", "any", "your", "its", "these", "those", "other", "review", "district", "county",
    "borough", "city", "town", "parish", "council", "councils", "community", "safety",
}
_LEADING_NOISE = re.compile(
    r"^(?:(?:The|A|An|Review|Of|Update|Report|And|To|For|By|With|On|In|Lead|Leads|Owner|Partner|"
    r"Partners|Subject|Title|Purpose)\s+)+")


def _clean_area(area: str) -> str | None:
    area = _LEADING_NOISE.sub("", area.strip())
    area = re.sub(r"\s+(?:of|and|&|the|upon|on|in)$", "", area)
    if not area or area.split()[0].lower() in _NOT_AREA:
        return None
    return area


def partnership_mentions(text: str) -> Counter[str]:
    """Partnership names as written, counted: full names, "<Area> CSP", expanded abbreviations."""
    found: Counter[str] = Counter()
    flat = re.sub(r"[ \t]+", " ", text)
    for m in _PARTNERSHIP.finditer(flat):
        area = _clean_area(m.group(1))
        if area:
            # the full name is the stronger signal: "<Adjective> CSP" is often not a name
            found[f"{area} Community Safety Partnership"] += 3 if m.group(2) else 1
    for m in _SAFER_PARTNERSHIP.finditer(flat):
        # "Members of the <Area> Safer Communities Partnership": the name starts after "of the"
        area = _clean_area(re.sub(r"^.*\b(?:of|for)\s+the\s+", "", m.group(1) or m.group(2)))
        if area and not re.search(r"\b(?:Partnership|Community|Safety|Board)\b", area):
            found[f"{area} Community Safety Partnership"] += 3
    # abbreviations ("ACCSP") count for the name they stand for when the text expands them
    abbrev_counts = Counter(m.group(1) for m in _ABBREV_CSP.finditer(flat))
    for abbrev, n in abbrev_counts.items():
        name = _expansion(flat, abbrev)
        if name:
            found[name] += n
    return found


def _expansion(flat: str, abbrev: str) -> str | None:
    """The full name an abbreviation stands for: "<Name> (ABBR)" or initials of a known name."""
    m = re.search(rf"([A-Z][\w'’ &-]{{5,120}}?)\s*\(\s*{re.escape(abbrev)}\s*\)", flat)
    if m:
        pm = list(_PARTNERSHIP.finditer(m.group(1)))
        if pm:
            area = _clean_area(pm[-1].group(1))
            if area:
                return f"{area} Community Safety Partnership"
    initials = abbrev[: -3]
    for m in _PARTNERSHIP.finditer(flat):
        area = _clean_area(m.group(1))
        if area and "".join(w[0] for w in area.split() if w[0].isupper()) == initials:
            return f"{area} Community Safety Partnership"
    return None


def council_mentions(text: str) -> Counter[str]:
    """Council names as written ("Riverton District Council", "Borough Council of King's Lynn ...")."""
    found: Counter[str] = Counter()
    # a letterhead in capitals ("MILTON KEYNES COUNCIL") names the council as written
    text = re.sub(r"(?m)^[ \t]*((?:[A-Z][A-Z'’&-]*[ \t]+){1,6}COUNCIL)[ \t]*$",
                  lambda m: m.group(1).title().replace("’S", "’s").replace("'S", "'s"), text)
    text = re.sub(r"\b(St\.?)[ \t]*\n[ \t]*(?=[A-Z])", r"\1 ", text)
    # "... the City and County of <Area>" / "Council" wrapped onto the next line
    text = re.sub(r"\b([A-Z][\w'’-]+)[ \t]*\n[ \t]*(?=(?:(?:District|Borough|County|City)[ \t]+)?"
                  r"Council\b)", r"\1 ", text)
    flat = re.sub(r"[ \t]+", " ", text)
    for m in _COUNCIL.finditer(flat):
        name = _LEADING_NOISE.sub("", m.group(1)).strip()
        first = name.split()[0].lower()
        if first in _NOT_AREA - {"district", "county", "borough", "city"} or len(name.split()) < 2:
            continue
        if re.search(r"\b(?:Parish|Town)\s+Council$", name):
            continue
        if re.search(r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\b", name):
            continue  # a membership table's row run together: a person beside a council
        found[name] += 1
    # an abbreviation the text defines ("Riverton District Council (RDC)") counts
    for name in list(found):
        m = re.search(rf"{re.escape(name)}\s*\(([A-Z]{{2,8}})\)", flat)
        if m:
            found[name] += len(re.findall(rf"\b{m.group(1)}\b", flat)) - 1
    # "Edmundsbury Borough Council" cut from a wrapped "St Edmundsbury ..." is the longer name
    for short in list(found):
        # ("Northshire and Northshire County Council" is two bodies named together, not a longer name)
        # (a name that only table text run together makes is rarer than the name it holds)
        longer = [n for n in found if n != short and n.endswith(" " + short)
                  and len(n[: -len(short)].split()) <= 2 and found[n] >= found[short]
                  and not re.search(r"\b(?:and|&|of|for)$", n[: -len(short)].strip(), re.I)]
        # "City and County of <Area> Council" is the official form of "<Area> Council"
        styled = [n for n in found if n != short and n.endswith(" " + short) and re.fullmatch(
            r"(?:(?:The|City|County|Borough|District|Royal|Metropolitan|and|&)\s+)+of",
            n[: -len(short)].strip())]
        if styled or longer:
            found[max(styled or longer, key=lambda n: found[n])] += found.pop(short)
    return found


def _compact(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


_EMAIL_DOMAIN = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")


def _domain_stem(domain: str) -> str:
    """"riverton.gov.uk" -> "riverton"; "rvdc.gov.uk" -> "rvdc"."""
    return _compact(domain.lower().split(".")[0])


def council_for_domain(domain: str, councils: Sequence[str]) -> str | None:
    """The council among ``councils`` whose name the e-mail domain spells (compactly)."""
    stem = _domain_stem(domain)
    if len(stem) < 3:
        return None
    best = None
    for name in councils:
        compact = _compact(name)
        core = _compact(re.sub(r"\b(?:District|Borough|County|City|Council|of|The)\b", "", name))
        if core and (stem == core or compact.startswith(stem) or stem.startswith(core)):
            # prefer the exact area ("northshire" -> Northshire County Council, not North Northshire)
            score = (stem == core, -len(compact))
            if best is None or score > best[0]:
                best = (score, name)
    return best[1] if best else None


# ---------------------------------------------------------------- people
