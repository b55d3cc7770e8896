"""Sums of money stated in sentences as allocated, spent, granted, contributed or available.

Each sum keeps what it is for (the clause around it), when (a date, or the financial
years named), and who gave or received it when the sentence says ("provided by X via Y",
"from the Home Office", "funded by", "contribution from X"). Losses and harms counted in
money ("£16.1m reported loss") are not funding and are skipped.

Where the layout rules cannot say who gave or received, spaCy's entities do: an ORG after
"from" / "funded by" / "via" or the subject of "awarded", "allocated", "contributes" is the
funder, an ORG after "to" / "for" the recipient; MONEY entities add sums the money regex
missed and DATE entities give the date and the financial years.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from cspipe.extractors import nlp
from cspipe.extractors.dates import parse_date
from cspipe.extractors.kpi_text import clean_sentence
from cspipe.extractors.money import find_amounts, parse_amount
from cspipe.models import FundingRecord

_FUNDING_WORDS = re.compile(
    r"\b(?:fund(?:s|ed|ing)?|grants?|granted|allocat\w*|budgets?|spen[dt]\w*|contribut\w*|"
    r"award\w*|commit(?:ted|ment)|invest\w*|available|provided|pot|paid|pay|purchase\w*|"
    r"commission\w*|resourc\w*|donat\w*|sponsor\w*|cost\w*|price|financ\w*|receiv\w*|"
    r"secured|bid|enabling|set aside|earmark\w*|ring-?fenced)\b",
    re.IGNORECASE,
)
_HARM_WORDS = re.compile(
    r"\b(?:loss(?:es)?|lost|stolen|defrauded|scammed|cost to (?:the )?(?:victims?|economy|society)|"
    r"fraud(?:ulent)?\s+(?:loss|amount)|ransom|fine[ds]?|penalt\w*|damage|salary|salaries|"
    r"per hour|top[- ]up|worth of goods)\b",
    re.IGNORECASE,
)
_FY = re.compile(r"\b((?:19|20)\d{2})\s*[/\-–]\s*((?:19|20)?\d{2})\b")
_ORG_RUN = r"(?:the\s+)?((?:[A-Z][\w'’&.-]*|of|for|and|&|the)(?:\s+(?:[A-Z][\w'’&.-]*|of|for|and|&|the)){0,9})"
_FUNDER = [
    re.compile(rf"\b(?:provided|funded|granted|awarded|given|paid|allocated|commissioned|"
               rf"contributed|donated|sponsored|supported)\s+by\s+{_ORG_RUN}"),
    re.compile(rf"\b(?:contributions?|funding|grant|money|monies|allocation)\s+from\s+{_ORG_RUN}"),
    re.compile(rf"\bfrom\s+{_ORG_RUN}"),
]
_RECIPIENT = [
    re.compile(rf"\b(?:available|awarded|granted|allocated|given|paid|provided|transferred|"
               rf"diverted|made available)\s+to\s+{_ORG_RUN}"),
    re.compile(rf"\b{_ORG_RUN}\s+(?:received|was awarded|were awarded|has received|secured)\b"),
]
_SUBJECT_GAVE = re.compile(
    rf"^(?:[\d.]+\s+)?{_ORG_RUN}\s+(?:had\s+|has\s+|have\s+)?(?:committed|contributed|allocated|"
    r"granted|awarded|provided|invested|donated)\b"
)
_WHEN = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:in|on|during|since|from)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{4}\b"
)
#: words that make the sum after them a cap or a band, not money given
_CAP = re.compile(r"\b(?:up to(?: a (?:maximum|max\.?|limit) of)?|(?:a )?maximum(?: of)?|max\.?|"
                  r"not (?:to )?exceed(?:ing)?|no more than|capped at|limited to|a limit of|"
                  r"ceiling of|(?:awards?|grants?|bids?) (?:of )?(?:over|under|below|above|between))"
                  r"\s*(?:of\s+)?$", re.I)
_TRAILING_NOISE = re.compile(r"(?:\s+(?:of|for|and|&|the))+$")

# the syntactic slots an ORG entity fills: text right before it ("... funded by [the] X")
_FUNDER_CUE = re.compile(
    r"\b(?:(?:provided|funded|granted|awarded|given|paid|allocated|commissioned|contributed|"
    r"donated|sponsored|supported)\s+by|from)\s+(?:the\s+)?$", re.IGNORECASE)
_VIA_CUE = re.compile(r"\bvia\s+(?:the\s+)?$", re.IGNORECASE)
_RECIPIENT_CUE = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$", re.IGNORECASE)
# verbs linking a subject ORG to the sum after it: "X has allocated £5,000", "X funds ... (£9k)"
_GIVES = re.compile(
    r"\b(?:award(?:s|ed)?|allocat(?:es|ed)|grant(?:s|ed)|provid(?:es|ed)|commit(?:s|ted)|"
    r"contribut(?:es|ed)|invest(?:s|ed)|donat(?:es|ed)|funds|funded|gave|gives|pays|paid|"
    r"set(?:s)? aside|made available|makes available|agreed)\b", re.IGNORECASE)
_RECEIVES = re.compile(
    r"\b(?:receiv(?:es|ed)|secured|won|(?:was|were|has been|have been) awarded|bid for)\b",
    re.IGNORECASE)
_DATE_CUE = re.compile(r"\b(?:in|on|during|since)\s+$", re.IGNORECASE)

Entity = tuple[str, str, int, int]


def _org(match: re.Match[str] | None) -> str | None:
    if not match:
        return None
    text = _TRAILING_NOISE.sub("", match.group(1).strip())
    words = text.split()
    if not words or not words[0][0].isupper() or len(text) < 3:
        return None
    if re.fullmatch(r"(?:April|March|January|February|May|June|July|August|September|October|"
                    r"November|December)(?:\s+\d{4})?", text):
        return None
    return text


def _clause(sentence: str, start: int, end: int) -> str:
    """The part of the sentence the sum belongs to: semicolon-separated parts stay apart."""
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^;]+", sentence)]
    for a, b in parts:
        if a <= start < b:
            return sentence[a:b].strip(" ;,")
    return sentence


def periods(text: str) -> str | None:
    """Financial years named in ``text``, as written and in order ("2019/20, 2020/21 and 2021/22")."""
    # "2016 -17" is written "2016/17"; slash forms stay as written ("2021/2022")
    found = [re.sub(r"\s*[/\-–]\s*", "/", m.group(0)) for m in _FY.finditer(text)]
    if not found:
        return None
    uniq = list(dict.fromkeys(" ".join(f.split()) for f in found))
    if len(uniq) == 1:
        return uniq[0]
    return ", ".join(uniq[:-1]) + " and " + uniq[-1]


def funding_from_sentence(sentence: str, page: int) -> list[FundingRecord]:
    """The funding records one sentence states (none when its sums are not funding)."""
    text = clean_sentence(sentence)
    if not _FUNDING_WORDS.search(text):
        return []
    ents = nlp.entities(text) if "£" in text or find_amounts(text) else []
    amounts = _amounts(text, ents)
    if not amounts:
        return []
    out: list[FundingRecord] = []
    orgs = [e for e in ents if e[0] == "ORG"]
    for i, (start, end, amount) in enumerate(amounts):
        clause = _clause(text, start, end)
        window = text[max(0, start - 80): end + 80]
        if _HARM_WORDS.search(window) and not re.search(r"\bfund|\bgrant|\ballocat", window, re.I):
            continue
        if not _FUNDING_WORDS.search(clause):
            continue
        if amount <= 0 or _CAP.search(text[max(0, start - 40):start]):
            continue  # "grants of up to £500": a limit on awards, not a sum awarded
        c0 = text.find(clause)
        c1 = c0 + len(clause)
        # the sum's own stretch: up to the sums either side ("£74k to X, of which £38k to Y")
        seg0 = max([e for _s, e, _v in amounts[:i] if e <= start] + [c0])
        seg1 = min([s for s, _e, _v in amounts[i + 1:] if s >= end] + [c1])
        in_clause = [o for o in orgs if c0 <= o[2] and o[3] <= c1]
        funder = _funder_entity(text, in_clause, start, end, seg1)
        if not funder:
            for rx in _FUNDER:
                funder = _org(rx.search(clause))
                if funder:
                    break
        if not funder:
            funder = _org(_SUBJECT_GAVE.search(clause))
        recipient = _recipient_entity(text, in_clause, start, end, seg0, seg1)
        if not recipient:
            segment = text[seg0:seg1]
            for rx in _RECIPIENT:
                recipient = _org(rx.search(segment))
                if recipient:
                    break
        if recipient == funder:
            recipient = None
        date = _date(text, ents, c0, c1)
        if date is None:
            when = _WHEN.search(clause)
            if when and not _FY.search(clause):
                date = parse_date(when.group(0))
        base = FundingRecord(
            description=clause[:500],
            amount_gbp=amount,
            page=page,
            date=date,
            period=periods(clause) or periods(text),
            funder_text=funder,
            recipient_text=recipient,
        )
        years = [re.sub(r"\s*[/\-–]\s*", "/", m.group(0)) for m in _FY.finditer(text)]
        if _per_year(text, len(years)):
            # "£9,783 annually for three years (2019/20, 2020/21 and 2021/22)": one sum a year
            out += [base.model_copy(update={"period": y}) for y in dict.fromkeys(years)]
        else:
            out.append(base)
    return out


def _amounts(text: str, ents: Sequence[Entity]) -> list[tuple[int, int, float]]:
    """Sums in ``text``: the money regex's, plus MONEY entities it did not cover."""
    found = find_amounts(text)
    for label, value, start, end in ents:
        if label != "MONEY" or any(s < end and start < e for s, e, _v in found):
            continue
        amount = parse_amount(value)
        if amount is not None:
            found.append((start, end, amount))
    return sorted(found)


def _funder_entity(text: str, orgs: Sequence[Entity], start: int, end: int,
                   seg1: int) -> str | None:
    """An ORG in a funder's slot: "from / funded by X" after the sum, else the subject
    that gives it ("X has allocated £...", "X funds ... (£...)"), else "via X"."""
    after = [o for o in orgs if end <= o[2] < seg1]
    for o in after:
        if _FUNDER_CUE.search(text[end:o[2]]):
            return o[1]
    before = [o for o in orgs if o[3] <= start]
    for o in before:
        if _FUNDER_CUE.search(text[:o[2]]):
            return o[1]
    for o in reversed(before):
        between = text[o[3]:start]
        if (_GIVES.search(between) and not _RECEIVES.search(between)
                and not _RECIPIENT_CUE.search(text[:o[2]])):
            return o[1]
    for o in after:
        if _VIA_CUE.search(text[end:o[2]]):
            return o[1]
    return None


def _recipient_entity(text: str, orgs: Sequence[Entity], start: int, end: int,
                      seg0: int, seg1: int) -> str | None:
    """An ORG in a recipient's slot: "(awarded / allocated) to X" or "for X" after the sum,
    else the subject that received it ("X received £...")."""
    for o in orgs:
        if end <= o[2] < seg1 and _RECIPIENT_CUE.search(text[end:o[2]]):
            return o[1]
    for o in reversed([o for o in orgs if seg0 <= o[2] and o[3] <= start]):
        if _RECEIVES.search(text[o[3]:start]):
            return o[1]
    return None


def _date(text: str, ents: Sequence[Entity], c0: int, c1: int) -> str | None:
    """A DATE entity that says when ("in March 2023"); financial years are periods instead."""
    for label, value, start, _end in ents:
        if label != "DATE" or not c0 <= start < c1 or _FY.fullmatch(value):
            continue
        if _DATE_CUE.search(text[c0:start]):
            return parse_date(value)
    return None


_YEARS_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


def _per_year(text: str, n_years: int) -> bool:
    """A sum paid every year for a stated number of years, each year named."""
    m = re.search(r"\b(?:annually|each year|every year|per year|a year)\b.{0,40}?\bfor\s+"
                  r"(?:the\s+(?:last|past|next)\s+)?(\w+)\s+years\b|\bfor\s+(\w+)\s+years\b.{0,20}?"
                  r"\b(?:annually|each year|every year|per year)", text, re.IGNORECASE)
    if not m:
        return False
    count = _YEARS_WORDS.get((m.group(1) or m.group(2) or "").lower())
    return count is not None and count == n_years


def find_funding(sentences: Sequence[tuple[str, int]]) -> list[FundingRecord]:
    """Funding stated across ``sentences`` (text, page); the same sum for the same thing once."""
    out: list[FundingRecord] = []
    for sentence, page in sentences:
        new = funding_from_sentence(sentence, page)
        for amount in dict.fromkeys(r.amount_gbp for r in new):
            group = [r for r in new if r.amount_gbp == amount]
            earlier = [r for r in out if r.amount_gbp == amount]
            if not earlier:
                out += group
                continue
            if _refers_back(group[0].description, amount):
                continue  # "the £16,500 pot remains unspent": the sum already stated
            first = earlier[0]
            if fuzz.token_set_ratio(first.description.lower(), group[0].description.lower()) < 70:
                out += group
                continue
            # the same sum stated again: keep the first statement, with any years named later
            if len(group) > len(earlier) or (not first.period and group[0].period):
                out = [r for r in out if r not in earlier]
                out += [r.model_copy(update={"page": first.page}) for r in group]
    return out


def _refers_back(description: str, amount: float) -> bool:
    """A sum introduced with "the" / "this" refers to one already stated."""
    for start, _end, value in find_amounts(description):
        if value == amount and re.search(r"\b(?:the|this|that)\s*$", description[:start], re.I):
            return True
    return False
