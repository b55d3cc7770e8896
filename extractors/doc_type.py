"""The document type (action plan, scrutiny report, agenda pack, ...) from what a paper contains."""

from __future__ import annotations

import re

#: a tracker or log of a plan's actions is the action plan with its progress filled in
_TRACKER = r"\bactions?\s+(?:tracker|log|tracking)\b"




#: what a committee report has and a plan with a cover line does not
_REPORT_PARTS = [re.compile(p, re.I) for p in (
    r"\brecommendations?\b", r"\bpurpose of (?:the|this) (?:report|paper)\b", r"\bexecutive summary\b",
    r"\breport author\b|\blead officer\b|\bauthor:", r"\bwards? affected\b", r"\bdecision[- ]maker\b",
    r"\bbackground papers\b", r"\b(?:financial|legal|equalit\w+|risk) implications\b",
    r"\bintroduction and background\b|\bbackground\b\s*$", r"\bthe committee is (?:asked|recommended)\b")]


def report_parts(text: str) -> int:
    """How many of a committee report's standard parts the text has."""
    return sum(1 for rx in _REPORT_PARTS if rx.search(text))


def classify(title: str | None, first_text: str, all_text: str, pages: int,
             has_cover: bool, n_sections: int) -> str:
    """The document type from its own words and structure.

    A committee named on a cover makes a scrutiny report only when the paper reads as a
    report (recommendations, purpose, author, implications): a plan presented to a committee
    is still the plan.
    """
    t = (title or "").lower()
    head = " ".join(first_text.split()).lower()
    plan_title = re.search(r"\b(?:action|delivery)\s+plan\b|" + _TRACKER, t + " " + head[:300])
    if has_cover and plan_title and report_parts(all_text) < 2:
        has_cover = False
        t = t if re.search(r"\b(?:action|delivery)\s+plan\b", t) else head[:300]
    if n_sections >= 3 and re.search(r"\bagenda\b", head):
        return "agenda_pack"
    if re.search(r"^\s*minutes of (?:the )?meeting", head) or (
            re.search(r"\bminutes of (?:the )?meeting\b", head[:400]) and not has_cover):
        return "minutes"
    if re.search(r"\bmonitoring\b|\b(?:annual|performance|progress|quarterly)\s+report\b", t):
        return "monitoring_report"
    if has_cover and re.search(r"scrutiny|crime and disorder|crime & disorder", head + " " + t):
        return "scrutiny_report"
    if has_cover and not re.search(r"\b(?:action|delivery)\s+plan\b|" + _TRACKER, t):
        return "other"
    if "delivery plan" in t:
        return "delivery_plan"
    if "action plan" in t or re.search(_TRACKER, t):
        return "action_plan"
    if re.search(r"\bstrateg(?:y|ic plan)\b|\bplan\s+20\d\d", t) or re.search(r"safer \w+ plan", t):
        return "strategy"
    if re.search(r"\bagenda\b", head[:600]):
        return "agenda_pack" if pages > 4 else "other"
    return "other"
