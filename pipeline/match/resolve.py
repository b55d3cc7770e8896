"""Every organisation reference in one extraction resolved at once: the step the pipeline calls."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cspipe.models import ALL_PARTNERS_ID, Extraction, OrganisationRow, PartnershipRow
from cspipe.pipeline.match.context import (
    MatchContext,
)
from cspipe.pipeline.match.matcher import Matcher, matcher_for
from cspipe.pipeline.match.partnerships import build_context
from cspipe.pipeline.match.registry import Organisation, Partnership, Registry
from cspipe.pipeline.match.registry.text import fold, normalise
from cspipe.pipeline.match.words import (
    ROLES,
)

#: the paper's own partnership named by its kind ("The Community Safety Partnership will ...")
_OWN_PARTNERSHIP = re.compile(r"\b[Tt]he (?:Community Safety Partnership|CSP)\b(?! [A-Z])")


@dataclass
class Resolution:
    """Every organisation reference in one extraction, resolved to registry ids."""

    partnership: PartnershipRow | None = None
    authority: str | None = None
    lead_orgs: dict[tuple[int, int], tuple[str | None, float | None]] = field(default_factory=dict)
    funders: dict[int, str | None] = field(default_factory=dict)
    recipients: dict[int, str | None] = field(default_factory=dict)
    mentions: list[tuple[str, str, int]] = field(default_factory=list)
    candidates: list[tuple[str, int, int, str | None, float | None]] = field(default_factory=list)
    organisations: list[OrganisationRow] = field(default_factory=list)
    context: MatchContext | None = None


_ORGISH = re.compile(
    r"\b((?:[A-Z][A-Za-z'&-]+|of|and|&|for|the)(?:\s+(?:[A-Z][A-Za-z'&-]+|of|and|&|for|the)){0,6}\s+"
    r"(?:Council|Trust|Partnership|Board|Network|Charity|Foundation|Association|Alliance|CIC|"
    r"Ltd|Limited|Society|Agency|Service|Services|Centre|Project|Group|Forum|Hub|Constabulary|Police))\b"
)


def resolve(extraction: Extraction, registry: Registry | None = None) -> Resolution:
    """Resolve partnership, authority, leads, funders, recipients, mentions and candidates."""
    registry = registry or Registry.load()
    m = matcher_for(registry)
    ctx, authority, partnership = build_context(extraction, registry)
    res = Resolution(context=ctx)
    res.partnership = partnership.row() if partnership else None
    res.authority = authority.name if authority else None
    referenced: dict[str, None] = {}
    if authority is not None:
        referenced[authority.id] = None
    _resolve_leads(m, extraction, ctx, res)
    _resolve_funding(m, extraction, ctx, res)
    referenced.update((org_id, None) for org_id, _s in res.lead_orgs.values() if org_id)
    for fi in res.funders:
        referenced.update((org_id, None) for org_id in (res.funders[fi], res.recipients[fi]) if org_id)
    res.mentions = m.find_mentions(extraction.page_texts, ctx)
    named = {org_id for org_id, _t, _p in res.mentions}
    cited = _cited(extraction, res, named, partnership, authority)
    res.mentions = sorted(res.mentions + cited, key=lambda x: (x[2], x[0]))
    for org_id, _text, _page in res.mentions:
        referenced[org_id] = None
    res.candidates = _candidates(m, extraction, ctx)
    for org_id in referenced:
        org = m.lookup(org_id)
        if org is not None:
            res.organisations.append(org.row())
    return res


def _people(m: Matcher, extraction: Extraction, ctx: MatchContext
            ) -> tuple[dict[str, str], dict[str, dict[str | None, str]]]:
    """People tied to organisations: full names, and first names whose namesakes share one."""
    people = {normalise(p.name): p.org_text for p in extraction.meta.people if p.org_text}
    # "ADC: Sam Brown" in one lead ties Sam Brown to ADC where he stands alone in another
    for activity in extraction.activities:
        for lead in activity.leads:
            if lead.person and lead.org_text and " " in normalise(lead.person):
                people.setdefault(normalise(lead.person), lead.org_text)
    # a first name alone is tied to an organisation only when every namesake shares one
    first_names: dict[str, dict[str | None, str]] = {}
    for name, org_text in people.items():
        found = m.match(org_text, ctx)
        first_names.setdefault(name.split()[0], {})[found.organisation_id if found else None] = (
            org_text
        )
    return people, first_names


def _resolve_leads(m: Matcher, extraction: Extraction, ctx: MatchContext, res: Resolution) -> None:
    people, first_names = _people(m, extraction, ctx)
    for ai, activity in enumerate(extraction.activities):
        for li, lead in enumerate(activity.leads):
            result: tuple[str | None, float | None] = (None, None)
            if lead.all_partners:
                result = (ALL_PARTNERS_ID, 100.0)
                # "All NASP partners": the partners of another named partnership are that body
                owner = re.sub(r"^\s*all\s+|\s+partners?\b.*$", "", lead.raw, flags=re.I).strip()
                found = m.match(owner, ctx) if owner and owner.lower() != "all" else None
                org = m.lookup(found.organisation_id) if found else None
                if org is not None and org.kind == "partnership" and org.id != ctx.partnership_id:
                    result = (org.id, found.score)
            elif lead.org_text:
                found = m.match(lead.org_text, ctx)
                result = (found.organisation_id, found.score) if found else (None, None)
            elif lead.person:
                result = _person_lead(m, lead.person, ctx, people, first_names)
            res.lead_orgs[(ai, li)] = result


def _person_lead(m: Matcher, person: str, ctx: MatchContext, people: dict[str, str],
                 first_names: dict[str, dict[str | None, str]]) -> tuple[str | None, float | None]:
    """The organisation of a lead written as a person, when the paper ties them to one."""
    org_text = people.get(normalise(person))
    if org_text is None:
        options = first_names.get(normalise(person).split()[0] if normalise(person) else "", {})
        org_text = (
            next(iter(options.values()))
            if len(options) == 1 and " " not in normalise(person)
            else None
        )
    if org_text:
        found = m.match(org_text, ctx)
        return (found.organisation_id, found.score) if found else (None, None)
    # a body's name read as a person's ("Stamp Out Spiking"): exact names only
    found = m.match(person, ctx) if " " in person.strip() else None
    if found is not None and found.method in {"exact", "pattern"}:
        return (found.organisation_id, found.score)
    return (None, None)


def _resolve_funding(m: Matcher, extraction: Extraction, ctx: MatchContext, res: Resolution) -> None:
    for fi, funding in enumerate(extraction.funding):
        for text, target in (
            (funding.funder_text, res.funders),
            (funding.recipient_text, res.recipients),
        ):
            found = m.match(text, ctx) if text else None
            target[fi] = found.organisation_id if found else None


def _cited(extraction: Extraction, res: Resolution, named: set[str],
           partnership: Partnership | None, authority: Organisation | None
           ) -> list[tuple[str, str, int]]:
    """Mentions the text scan cannot see: the paper's own partnership and council, lead and
    funder cells (a lead or funder cell names its organisation too: "Police" in a lead cell is
    the local force)."""
    cited: list[tuple[str, str, int]] = []
    # the partnership as the paper names itself ("Safer Anytown Partnership") is named too
    # and so is it as "the Community Safety Partnership" / "the CSP" in its own paper
    own = extraction.meta.partnership_text
    if partnership is not None and partnership.id not in named:
        keys = [re.sub(r"\s+", " ", own).strip().lower()] if own else []
        for page_no, text in enumerate(extraction.page_texts, start=1):
            flat = re.sub(r"\s+", " ", text)
            hit = next((k for k in keys if k in flat.lower()), None) or (
                m_.group(0) if (m_ := _OWN_PARTNERSHIP.search(flat)) else None)
            if hit:
                named.add(partnership.id)
                cited.append((partnership.id, own or hit, page_no))
                break
    # the council that publishes the paper takes part in it, named or not (a letterhead,
    # "the Council", a logo)
    if authority is not None and authority.id not in named:
        named.add(authority.id)
        cited.append((authority.id, extraction.meta.authority_text or authority.name, 1))
    for ai, activity in enumerate(extraction.activities):
        for li, lead in enumerate(activity.leads):
            org_id = res.lead_orgs.get((ai, li), (None, None))[0]
            # a Lead cell names its lead body whatever its case ("police" in a Lead column)
            if org_id and org_id != ALL_PARTNERS_ID and org_id not in named:
                named.add(org_id)
                cited.append((org_id, lead.org_text or lead.raw, activity.page))
    for fi, funding in enumerate(extraction.funding):
        for org_id, text in (
            (res.funders.get(fi), funding.funder_text),
            (res.recipients.get(fi), funding.recipient_text),
        ):
            if org_id and org_id not in named and _capitalised(text or ""):
                named.add(org_id)
                cited.append((org_id, text or "", funding.page))
    return cited


def _capitalised(text: str) -> bool:
    """A cell names a body only when written as a name: "Police", not "police to lead"."""
    return any(ch.isupper() for ch in text)


def _candidates(
    m: Matcher, extraction: Extraction, ctx: MatchContext
) -> list[tuple[str, int, int, str | None, float | None]]:
    """Names that look like organisations but matched nothing: (text, page, count, guess, score)."""
    seen: dict[str, list] = {}
    texts: list[tuple[str, int]] = []
    for activity in extraction.activities:
        for lead in activity.leads:
            if lead.org_text and not lead.all_partners:
                texts.append((lead.org_text, activity.page))
    for funding in extraction.funding:
        for text in (funding.funder_text, funding.recipient_text):
            if text:
                texts.append((text, funding.page))
    for page_no, page in enumerate(extraction.page_texts, start=1):
        for match in _ORGISH.finditer(fold(page)):
            phrase = re.sub(r"^(?:(?:the|of|and|for|&)\s+)+", "", match.group(1), flags=re.I)
            if len(phrase.split()) >= 2:
                texts.append((phrase, page_no))
    for text, page in texts:
        key = normalise(text)
        if not key or ROLES.get(key) or m.match(text, ctx) is not None:
            continue
        if key in seen:
            seen[key][2] += 1
            continue
        guess, score = m.best_guess(text)
        seen[key] = [text.strip(), page, 1, guess, score]
    return [tuple(v) for v in seen.values()]  # type: ignore[misc]
