"""Which partnership and publishing council a paper belongs to, and the context that follows."""

from __future__ import annotations

import re
from collections import Counter

from cspipe.models import Extraction
from cspipe.pipeline.match.context import (
    MatchContext,
    existed,
)
from cspipe.pipeline.match.expansions import find_expansions
from cspipe.pipeline.match.matcher import Matcher, matcher_for
from cspipe.pipeline.match.names import (
    clean,
)
from cspipe.pipeline.match.registry import COUNCIL_KINDS, Organisation, Partnership, Registry
from cspipe.pipeline.match.registry.text import normalise


def build_context(
    extraction: Extraction, registry: Registry | None = None
) -> tuple[MatchContext, Organisation | None, Partnership | None]:
    """Context from the publishing council, the partnership and the paper's expansions."""
    registry = registry or Registry.load()
    m = matcher_for(registry)
    expansions = find_expansions(extraction.page_texts)
    date = extraction.meta.meeting_date
    bare = MatchContext(expansions=expansions, date=date)
    if _commissioners_paper(extraction):
        # a police and crime commissioner's paper: the councils and partnerships it names are its
        # grantees, not its publisher, so neither is guessed; its area is the commissioner's
        ctx = MatchContext(expansions=expansions, date=date)
        for org_id, _text, _page in m.find_mentions(extraction.page_texts[:2], bare):
            org = registry.get(org_id)
            if org is not None and org.kind == "pcc" and org.areas:
                ctx.area_gss = set(org.areas)
                force = m._by_kind({"police"}, ctx)
                ctx.force = force.id if force else None
                break
        return ctx, None, None
    authority = _match_authority(m, extraction.meta.authority_text, bare)
    ctx = MatchContext(expansions=expansions, date=date)
    if authority is not None:
        ctx.authority_id = authority.id
        ctx.authority_gss = authority.gss_code
        ctx.area_gss = set(authority.areas)
    partnership = match_partnership(extraction.meta.partnership_text, ctx, registry)
    if partnership is None and extraction.meta.partnership_text is None:
        partnership = _partnership_from_text(m, extraction.page_texts, ctx)
    if partnership is None and authority is not None:
        partnership = _partnership_for_authority(registry, authority)
    if partnership is not None:
        host = _host_council(registry, partnership, date)
        weak = authority is None or extraction.meta.authority_basis == "mentions"
        if host is not None and weak and (authority is None or authority.id != host.id):
            # a district CSP's papers are its council's: better than the council named most often
            authority = host
            ctx.authority_id = host.id
            ctx.authority_gss = host.gss_code
            ctx.area_gss = set(host.areas)
        ctx.partnership_id = partnership.id
        if authority is None or authority.kind != "county_council":
            ctx.area_gss |= set(partnership.areas)
        else:
            ctx.area_gss |= {a for a in partnership.areas if a.startswith(("E23", "W15"))}
        ctx.force = partnership.force
    if ctx.force is None and ctx.area_gss:
        force = m._by_kind({"police"}, ctx)
        ctx.force = force.id if force else None
    if ctx.force:
        force = registry.get(ctx.force)
        if force is not None:
            ctx.area_gss |= {a for a in force.areas if a.startswith(("E23", "W15"))}
    return ctx, authority, partnership


_COMMISSIONER = re.compile(r"\b(?:Police,? (?:Fire )?and Crime )?Commissioner\b")


def _commissioners_paper(extraction: Extraction) -> bool:
    """No council says it published the paper, and its opening names a commissioner as author."""
    meta = extraction.meta
    if meta.authority_basis not in (None, "mentions"):
        return False
    opening = " ".join([meta.title or "", *(extraction.page_texts[:1])])[:2000]
    return bool(_COMMISSIONER.search(opening)) and "Community Safety Partnership" not in (meta.title or "")


def _match_authority(m: Matcher, text: str | None, ctx: MatchContext) -> Organisation | None:
    found = m.match(text, ctx) if text else None
    org = m.registry.get(found.organisation_id) if found else None
    return org if org is not None and org.kind in COUNCIL_KINDS else None


def match_partnership(
    text: str | None, ctx: MatchContext, registry: Registry | None = None
) -> Partnership | None:
    """The CSP ``text`` names ("Anytown CSP", "ACSP", "the CSP" via the context)."""
    if not text:
        return None
    registry = registry or Registry.load()
    found = matcher_for(registry).match(text, ctx)
    if found is not None and found.organisation_id in registry.partnerships:
        return registry.partnerships[found.organisation_id]
    # "Safer <Place> Partnership", "<Place> Safer Communities Partnership": the place's CSP
    named = _BRANDED_CSP.match(clean(text))
    if named:
        place = normalise(named.group("place"))
        places = [p for p in registry.partnerships.values()
                  if p.current and normalise(p.name.removesuffix(" Community Safety Partnership")) == place]
        if len(places) == 1:
            return places[0]
    return None


_BRANDED_CSP = re.compile(
    r"^(?:the\s+)?(?:safer|safe|stronger|safer\s+and\s+stronger)\s+(?P<place>[A-Z][\w' -]+?)"
    r"(?:\s+(?:community\s+safety|safer\s+communities|community))?\s+partnership$",
    re.IGNORECASE,
)


def _host_council(registry: Registry, partnership: Partnership, date: str | None) -> Organisation | None:
    """The one district or unitary council whose area is the partnership's, if there is exactly one."""
    councils = [
        o for o in registry.organisations.values()
        if o.kind in {"district_council", "unitary_council"} and o.gss_code in partnership.areas
        and existed(o, date) and (o.current or date)
        and not (o.end_date and date and o.end_date < date)
    ]
    return councils[0] if len(councils) == 1 else None


def _partnership_for_authority(registry: Registry, authority: Organisation) -> Partnership | None:
    if not authority.gss_code:
        return None
    found = [
        p for p in registry.partnerships.values() if p.current and authority.gss_code in p.areas
    ]
    if authority.kind == "county_council":
        districts = {
            o.gss_code
            for o in registry.organisations.values()
            if o.parent == authority.id and o.current and o.gss_code
        }
        found = [p for p in found if districts and districts <= p.areas]
        return found[0] if len(found) == 1 else None
    return found[0] if len(found) == 1 else None


def _partnership_from_text(m: Matcher, pages: list[str], ctx: MatchContext) -> Partnership | None:
    counts: Counter[str] = Counter()
    for org_id, _text, _page in m.find_mentions(pages[:5], ctx):
        if org_id in m.registry.partnerships:
            counts[org_id] += 1
    if len(counts) == 1:
        return m.registry.partnerships[next(iter(counts))]
    return None
