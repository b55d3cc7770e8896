"""KPIs written in text: outputs reported in sentences ("delivered 40 sessions") and lists under a
measures heading."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cspipe.extractors.blocks import Line
from cspipe.extractors.narrative import MARKER, NUMBER_WORDS, SECTION_NO, list_after, strip_marker
from cspipe.models import KpiRecord

# ---------------------------------------------------------------- reported outputs

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")"
_FUTURE = re.compile(r"\b(?:will|would|should|could|aim to|plan to|to be|target|by (?:march|april))\b",
                     re.IGNORECASE)


def _num_value(token: str) -> float | None:
    word = token.lower()
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


def clean_sentence(sentence: str) -> str:
    """A sentence as stored: section number and list marker dropped, spaces collapsed."""
    text = " ".join(sentence.split())
    for _ in range(2):
        text = SECTION_NO.sub("", text)
        text, _ = strip_marker(text)
    return text.strip()


_PHRASE_STOP = {
    "of", "from", "across", "in", "at", "with", "who", "which", "that", "have", "has", "had",
    "are", "were", "was", "is", "be", "being", "been", "and", "to", "for", "on", "by", "as",
    "this", "the", "completed", "attended", "trained", "supported", "engaged", "received",
    "nominated", "took", "now", "between", "during", "over", "within", "into",
}
#: what is counted when a number is a means, a duration or work in hand, not an output
_NOT_OUTPUT = re.compile(
    r"^(?:sessions?|courses?|meetings?|workshops?|campaigns?|days?|weeks?|months?|years?|hours?|"
    r"minutes?|times?|reviews?|dhrs?|categories|areas?|workstreams?|themes?|priorities|"
    r"strands?|stages?|phases?|parts?|sections?|pages?|points?|per|percent|%|or|and|to|year-olds?|"
    r"districts?|councils?|partners?|counties|lines?|objectives?|outcomes?|recommendations?|"
    r"actions?|steps?|principles?|members?\s+of\s+the\s+(?:committee|panel|board))\b",
    re.IGNORECASE,
)
_OUTPUT_SIGNAL = re.compile(
    r"\b(?:completed|attend\w*|trained|supported|engag\w*|received|nominated|reached|took part|"
    r"taken part|participat\w*|referred|referrals?|helped|benefit\w*|in attendance|there were|"
    r"there have been|signed up|registered|visited|assisted|applications?|selected|winners|"
    r"attracting|attracted|achieved|gained|accredited|sent|delivered|welcomed|issued|handed out|"
    r"distributed|carried out|conducted|installed|fitted|served)\b",
    re.IGNORECASE,
)
#: a word a number names a thing after ("Priority 1 ...", "Outcome 2", "Figure 3"), so no count
_NAMED_BY_NUMBER = re.compile(
    r"\b(?:priority|objective|outcome|theme|strand|appendix|annex|table|figure|item|tier|stage|phase|"
    r"page|recommendation|option|question|action|step|no\.?)\s*$", re.IGNORECASE)
_COUNT = re.compile(rf"(?<![\w£$/.,-]){_NUM}(?![\w/%-]|[.,]\d)", re.IGNORECASE)


def _counted(text: str, end: int) -> str:
    """The words after a number up to the first stop word: what the number counts."""
    words = re.findall(r"[A-Za-z'’-]+|\S", text[end:end + 80])
    phrase: list[str] = []
    for w in words:
        if not re.match(r"[A-Za-z]", w) or (w.lower() in _PHRASE_STOP and phrase):
            break
        phrase.append(w)
        if len(phrase) >= 4:
            break
    return " ".join(phrase)


def output_kpis(sentence: str, page: int) -> list[KpiRecord]:
    """Reported outputs in one sentence ("1,250 champions are now trained"): one KPI per count
    of people or things reached, with the whole sentence as description."""
    text = clean_sentence(sentence)
    if "£" in text or len(text) < 15 or not _OUTPUT_SIGNAL.search(text):
        return []
    if _FUTURE.search(text) and not re.search(r"\b(?:have|has|were|was|are now)\b", text):
        return []
    out: list[KpiRecord] = []
    for m in _COUNT.finditer(text):
        num = m.group("num")
        value = _num_value(num)
        if value is None or (num.isdigit() and 1900 <= value <= 2100):
            continue
        before = text[max(0, m.start() - 14): m.start()].lower()
        if num.lower() == "one" or re.search(r"\bby\s*$", before):
            continue  # "only one primary"; "supported by four members": the agent, not reached
        if re.search(r"(?:aged?|age of|section|over the|paragraph|chapter|part|between)\s*$", before):
            continue
        if _NAMED_BY_NUMBER.search(before):
            continue  # "Priority 1", "Appendix 2", "Table 3": a number that names, not a count
        if re.search(r"\b(?:(?:up|down|rose|fell|rising|falling|increased|decreased|compared)\s+"
                     r"(?:from|with|to|on)|than)\s*$", before):
            continue  # "up from 29 the year before": a comparison, not an output of its own
        what = _counted(text, m.end())
        if not what or _NOT_OUTPUT.match(what) or what.lower() in _PHRASE_STOP:
            continue
        if what[0].isupper() and num.lower() in NUMBER_WORDS:
            continue  # "One Stop Shop", "Two Saints": names, not counts
        out.append(KpiRecord(description=text, value=value, page=page))
    return out


def output_kpi(sentence: str, page: int) -> KpiRecord | None:
    """The first reported output of a sentence, or None."""
    found = output_kpis(sentence, page)
    return found[0] if found else None


def find_outputs(sentences: Sequence[tuple[str, int]]) -> list[KpiRecord]:
    """Every reported output among ``sentences`` (text, page), the same sentence once."""
    out: list[KpiRecord] = []
    seen_values: set[tuple[str, float | None]] = set()
    for sentence, page in sentences:
        for kpi in output_kpis(sentence, page):
            key = (kpi.description.lower(), kpi.value)
            if key not in seen_values:
                seen_values.add(key)
                out.append(kpi)
    return out


# ---------------------------------------------------------------- measure lists

#: a heading over a list of measures ("Measures", "Performance indicators", "KPIs:")
_MEASURE_HEADING = re.compile(
    r"^(?:(?:key\s+)?performance\s+(?:measures|indicators)|(?:success|outcome|performance)\s+"
    r"measures|measures(?:\s+of\s+success)?|indicators|kpis|key\s+performance\s+indicators|"
    r"metrics|how (?:we will|will we) (?:know|measure|judge|tell)\b[\w\s']{0,40}\??)\s*:?$",
    re.IGNORECASE,
)
#: a sentence introducing a list of measures ("... will employ a range of metrics, including:")
_MEASURE_LEAD = re.compile(
    r"\b(?:metrics|measures|indicators|kpis)\b[^.]{0,60}(?:\binclud\w*|\bare|\bwill be)"
    r"(?:\s+but\s+not\s+limited\s+to)?\s*:?\s*$",
    re.IGNORECASE,
)
_NUMBERED_ITEM = re.compile(r"^\s*(\d{1,2})[.)]?\s+(?=[A-Z'‘\"(])")


def _measure_list(lines: Sequence[Line], start: int, body: float) -> tuple[list[KpiRecord], int]:
    """Numbered measures after a "Measures" heading, through the outcome sub-headings that
    group them; the bulleted lines under a sub-heading belong to it. Returns the KPIs and the
    index of the first line after the list."""
    out: list[tuple[list[str], int]] = []
    current: list[str] | None = None
    grouped = False  # an outcome sub-heading seen: bullets below it say what it covers
    item_x = 0.0
    i = start + 1
    while i < len(lines):
        line = lines[i]
        text = line.text.strip()
        m = _NUMBERED_ITEM.match(text)
        bullet = MARKER.match(text)
        if m and not line.bold:
            current = [text[m.end():].strip()]
            out.append((current, line.page))
            item_x = line.x0
        elif bullet and not grouped and not line.bold:
            current = [text[bullet.end():].strip()]  # bullets right under the heading: measures
            out.append((current, line.page))
            item_x = line.x0
        elif line.bold and line.size <= body + 0.6:
            current = None  # an outcome or theme heading over the next measures
            grouped = True
        elif MARKER.match(text) and current is None:
            pass  # bullets under a heading: what the outcome covers, not measures
        elif current is not None and not line.bold and not MARKER.match(text) \
                and not SECTION_NO.match(text) and line.top - lines[i - 1].bottom < line.size * 1.2 \
                and line.x0 > item_x - 1:
            current.append(text)  # a wrapped measure; a paragraph back at the margin ends the list
        else:
            break
        i += 1
    kpis = [KpiRecord(description=" ".join(" ".join(parts).split()), page=page)
            for parts, page in out if parts and parts[0]]
    return kpis, i


def find_measures(lines: Sequence[Line]) -> tuple[list[KpiRecord], set[int]]:
    """Measures a document lists in its text (a "Measures" heading over numbered measures, or
    a sentence introducing metrics followed by a bulleted list): one KPI each.

    Returns the KPIs and the indices of the lines they took, which are not read again as prose.
    """
    sizes = sorted(round(ln.size, 1) for ln in lines) or [10.0]
    body = sizes[len(sizes) // 2]
    out: list[KpiRecord] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text.strip()
        if _MEASURE_HEADING.match(text) and (line.bold or line.size > body + 0.5):
            kpis, end = _measure_list(lines, i, body)
            if kpis:
                out += kpis
                used.update(range(i, end))
                i = end
                continue
        elif _MEASURE_LEAD.search(text) or (
                i > 0 and re.search(r"(?::|\binclud\w*)\s*$", text)
                and _MEASURE_LEAD.search(f"{lines[i - 1].text} {text}")):
            items = list_after(lines, i)
            if len(items) >= 2:
                for item, item_line in items:
                    out.append(KpiRecord(description=" ".join(item.split()).rstrip(" ;,"),
                                         page=item_line.page))
                last = lines.index(items[-1][1]) if items[-1][1] in lines else i
                used.update(range(i + 1, last + 1))
        i += 1
    return out, used
