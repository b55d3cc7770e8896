"""Record shapes shared by the authored documents (rows of delivery and action tables)."""

from __future__ import annotations

from dataclasses import dataclass, field

#: a part of a lead cell: (raw text, official organisation name or None, person or None)
Lead = tuple[str, str | None, str | None]
#: a KPI inside a measure cell: (description, target or None)
Kpi = tuple[str, str | None]


@dataclass
class Action:
    """One row of a delivery / action table, with what the gold says about it."""

    ref: str
    description: str
    who: str
    leads: list[Lead]
    when: str | None = None
    due: str | None = None
    measure: str | None = None
    kpis: list[Kpi] = field(default_factory=list)
    status: str | None = None
    progress: str | None = None
    objective: str | None = None

    def check(self) -> None:
        """Every gold part must be words the table prints."""
        for raw, _org, person in self.leads:
            assert raw in self.who, (raw, self.who)
            assert person is None or person in raw, (person, raw)
        for desc, target in self.kpis:
            assert self.measure and desc in self.measure, (desc, self.measure)
            assert target is None or target in self.measure, (target, self.measure)


@dataclass
class Sum:
    """A sum of money the document states, as the gold records it."""

    amount_gbp: float
    description: str
    needle: str
    date: str | None = None
    period: str | None = None
    funder: str | None = None
    recipient: str | None = None


@dataclass
class Output:
    """A KPI or reported output standing on its own."""

    description: str
    needle: str
    target: str | None = None
    value: float | None = None
