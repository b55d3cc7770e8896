"""Role words ("the Council", "Police", "Probation") resolved to the body that plays the role here."""

from __future__ import annotations

from cspipe.pipeline.match.context import (
    NPS_FROM,
    PROBATION_SERVICE_FROM,
    MatchContext,
    alive,
)
from cspipe.pipeline.match.registry import Organisation


class RoleResolution:
    """Part of ``Matcher`` (``matcher.py``), kept apart as one concept; uses its lookup tables."""

    def resolve_role(self, role: str, ctx: MatchContext) -> Organisation | None:
        reg = self.registry
        authority = reg.get(ctx.authority_id) if ctx.authority_id else None
        if role == "authority":
            return authority
        if role == "district":
            if authority and authority.kind in {"district_council", "unitary_council"}:
                return authority
            part = reg.partnership(ctx.partnership_id) if ctx.partnership_id else None
            if part is not None:
                districts = [
                    o
                    for o in reg.organisations.values()
                    if o.kind == "district_council" and o.current and o.gss_code in part.areas
                ]
                return districts[0] if len(districts) == 1 else None
            return None
        if role in {"county", "trading_standards", "public_health"}:
            if authority and authority.kind == "county_council":
                return authority
            if authority and authority.kind == "unitary_council":
                return authority if role != "county" else None
            if authority and authority.parent:
                return reg.get(authority.parent)
            return self._by_kind({"county_council"}, ctx)
        if role == "police":
            return reg.get(ctx.force) if ctx.force else self._by_kind({"police"}, ctx)
        if role == "fire":
            return self._by_kind({"fire_rescue"}, ctx)
        if role == "pcc":
            force = reg.get(ctx.force) if ctx.force else None
            if force is not None:
                pfas = {a for a in force.areas if a.startswith(("E23", "W15"))}
                offices = [
                    o
                    for o in reg.organisations.values()
                    if o.kind == "pcc" and o.areas & pfas and o.areas
                ]
                if len(offices) == 1:
                    return offices[0]
            return self._by_kind({"pcc"}, ctx)
        if role == "partnership":
            return reg.get(ctx.partnership_id) if ctx.partnership_id else None
        if role == "upper_tier":
            # a council service written bare: the council that delivers it for the paper's area
            if authority and authority.kind in {"county_council", "unitary_council"}:
                return authority
            if authority and authority.parent:
                return reg.get(authority.parent)
            return self._by_kind({"county_council"}, ctx)
        if role == "probation":
            return self._probation(ctx)
        if role == "probation_trust":
            return self._of_category("probation_trust", ctx) if ctx.date else None
        if role.startswith("category:"):
            return self._of_category(role.removeprefix("category:"), ctx)
        return None

    def _probation(self, ctx: MatchContext) -> Organisation | None:
        """"Probation" at the paper's date: the area's trust, then the NPS, then the Probation Service."""
        reg = self.registry
        date = ctx.date
        if not date or date >= PROBATION_SERVICE_FROM:
            return reg.get("probation-service")
        if date >= NPS_FROM:
            return reg.get("national-probation-service")
        return self._of_category("probation_trust", ctx)

    def _of_category(self, category: str, ctx: MatchContext) -> Organisation | None:
        """The one body of this category serving the paper's council (or area) at its date."""
        found = [
            o
            for o in self.registry.organisations.values()
            if o.category == category and alive(o, ctx.date)
        ]
        if ctx.authority_gss:
            own = [o for o in found if ctx.authority_gss in o.areas]
            if own:
                return own[0] if len(own) == 1 else None
        fits = [o for o in found if ctx.area_gss and o.areas & ctx.area_gss]
        return fits[0] if len(fits) == 1 else None

    # ------------------------------------------------------------------ matching
