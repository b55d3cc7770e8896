"""What a paper tells the matcher about itself (place, force, date) and the dates bodies lived."""

from __future__ import annotations

from dataclasses import dataclass, field

from cspipe.pipeline.match.registry import Organisation


@dataclass
class MatchContext:
    """What the document tells us about where it is from."""

    authority_gss: str | None = None
    area_gss: set[str] = field(default_factory=set)
    force: str | None = None
    expansions: dict[str, str] = field(default_factory=dict)
    #: additions: the partnership and the publishing council as registry ids
    partnership_id: str | None = None
    authority_id: str | None = None
    #: the paper's date (ISO); bodies created after it cannot be what it names
    date: str | None = None

    def key(self) -> tuple:
        return (
            self.date,
            self.authority_gss,
            frozenset(self.area_gss),
            self.force,
            tuple(sorted(self.expansions.items())),
            self.partnership_id,
            self.authority_id,
        )


@dataclass(frozen=True)
class Match:
    organisation_id: str
    name: str
    score: float
    method: str



#: the dates the probation service changed shape (Offender Rehabilitation Act 2014; unification 2021)
NPS_FROM = "2014-06-01"
PROBATION_SERVICE_FROM = "2021-06-26"

#: how papers write a council after its place ("Maidstone Council", "Cheshire East LA")
def alive(org: Organisation, date: str | None) -> bool:
    """In being at ``date`` (with no date: current)."""
    if not date:
        return org.current
    return existed(org, date) and not (org.end_date and org.end_date < date[: len(org.end_date)])


def rule_alive(org: Organisation, date: str | None) -> bool:
    """A body named by rule for every area matches only while it existed: a 2022 "Cheshire Youth
    Justice Services" is not the youth offending service of the county council abolished in 2009."""
    return not org.generated or not org.end_date or not date or org.end_date >= date[:10]


def existed(org: Organisation, date: str | None) -> bool:
    """False when the paper predates the organisation (a 2017 paper cannot name a 2019 council)."""
    return not (date and org.start_date and org.start_date[: len(date)] > date)
