"""One fact read twice (a table and its restating sentence, a heading and its row) is kept once."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from cspipe.extractors.columns import header_role
from cspipe.models import (
    ActivityRecord,
    FundingRecord,
    KpiRecord,
    PriorityRecord,
)

# ---------------------------------------------------------------- deduplication


def header_text(text: str) -> bool:
    """Text that opens with a table's header cells: three words that each name a column."""
    words = text.split()[:3]
    return len(words) == 3 and all(header_role(w) != "unknown" for w in words)



def same_activity(a: ActivityRecord, others: list[ActivityRecord]) -> bool:
    """A table row that the block reader already read (a SMART block drawn as a table)."""
    key = " ".join(a.description.lower().split())
    for b in others:
        other = " ".join(b.description.lower().split())
        if b.page == a.page and (fuzz.ratio(key, other) >= 90 or key[:60] == other[:60]):
            return True
    return False


def short_form(short: str, full: str) -> bool:
    """Is ``short`` an abbreviation or short form of ``full``?

    "VAWG" of "Violence against women and girls (VAWG)" (its bracketed abbreviation or its
    initials), "ASB" of "Anti-social behaviour", "Prevent" of "Preventing Radicalisation"
    (the stem of its first word), "Neighbourhood crime" of "Neighbourhood crimes".
    """
    s = re.sub(r"\W+", " ", short.lower()).strip()
    f = re.sub(r"\W+", " ", full.lower()).strip()
    if not s or s == f or len(s) >= len(f):
        return False
    if short.isupper() and len(short) <= 6:
        bracketed = re.findall(r"\(([A-Z&]{2,8})\)", full)
        initials = "".join(w[0] for w in re.split(r"[\s-]+", re.sub(r"\(.*?\)", "", full))
                           if w and w.lower() not in {"and", "of", "the", "&"})
        return short in bracketed or short.lower() == initials.lower()
    words_s, words_f = s.split(), f.split()
    if len(words_s) > len(words_f):
        return False
    # every word of the short form starts the corresponding word of the full one
    return all(wf.startswith(ws) and len(ws) >= 4 for ws, wf in zip(words_s, words_f, strict=False))


def dedupe_priorities(items: list[PriorityRecord]) -> list[PriorityRecord]:
    """One row per priority: the same label twice, or a short form ("Prevent", "VAWG") of a
    priority with the same theme stated in full elsewhere, is kept once, in full."""
    seen: dict[str, int] = {}
    unique: list[PriorityRecord] = []
    # the same label stated twice is kept where it is first stated, with the theme that the
    # statement with more context gave it
    for p in sorted(items, key=lambda p: p.page):
        key = re.sub(r"\W+", " ", p.label.lower()).strip()
        if key not in seen:
            seen[key] = len(unique)
            unique.append(p)
        elif unique[seen[key]].theme == "other" and p.theme != "other":
            unique[seen[key]] = unique[seen[key]].model_copy(update={"theme": p.theme})
    return [p for p in unique
            if not any(q is not p and q.theme == p.theme and short_form(p.label, q.label)
                       for q in unique)]


def dedupe_kpis(items: list[KpiRecord]) -> list[KpiRecord]:
    seen: set[tuple[str, float | None]] = set()
    out = []
    for k in items:
        key = (" ".join(k.description.lower().split()), k.value)
        if key not in seen:
            seen.add(key)
            out.append(k)
    return out


def _restates_row(f: FundingRecord, table: list[FundingRecord]) -> bool:
    """A sentence's sum that a table row states too: the same amount, and the sentence names
    that row's recipient ("of which £38,000 goes to <the row's recipient>")."""
    text = f.description.lower()
    return any(t.amount_gbp == f.amount_gbp and t.recipient_text
               and t.recipient_text.lower() in text for t in table)


def dedupe_funding(table: list[FundingRecord], text: list[FundingRecord],
                    totals: Iterable[float] = ()) -> list[FundingRecord]:
    """Table rows all stay; a sentence's sum already in a table on that page, or stated
    twice in the same words, is kept once; a sentence stating a table's total (its total
    row, or the sum of its rows) restates the table."""
    out = list(table)
    table_keys = {(f.amount_gbp, f.page) for f in table}
    restated = {round(t, 2) for t in totals}
    if len(table) > 1:  # one row's sum is that row's, not a total
        restated.add(round(sum(f.amount_gbp for f in table), 2))
    text = [f for f in text if round(f.amount_gbp, 2) not in restated]
    seen_text: set[tuple[float, str, str | None]] = set()
    for f in text:
        if (f.amount_gbp, f.page) in table_keys or _restates_row(f, table):
            continue
        key = (f.amount_gbp, " ".join(f.description.lower().split())[:120], f.period)
        if key in seen_text:
            continue
        seen_text.add(key)
        out.append(f)
    return out
