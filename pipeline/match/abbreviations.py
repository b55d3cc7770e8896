"""Initials and near spellings: "SCC", "TVP", fuzzy names whose every distinctive word is explained."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from cspipe.pipeline.match.context import (
    Match,
    MatchContext,
    existed,
)
from cspipe.pipeline.match.names import (
    words_explained,
)
from cspipe.pipeline.match.registry import COUNCIL_KINDS
from cspipe.pipeline.match.registry.text import normalise
from cspipe.pipeline.match.words import (
    GENERIC_WORDS,
    ROLES,
)

#: fuzzy acceptance threshold (token_sort_ratio, 0-100), tuned on tests/data/mentions.jsonl
FUZZY_THRESHOLD = 88.0


class AbbreviationMatching:
    """Part of ``Matcher`` (``matcher.py``), kept apart as one concept; uses its lookup tables."""

    def match_abbreviation(self, abbr: str, ctx: MatchContext) -> Match | None:
        abbr = abbr.strip().strip(".")
        upper = abbr.upper()
        for written, full in ctx.expansions.items():
            if written.upper() == upper:
                inner = MatchContext(
                    ctx.authority_gss,
                    ctx.area_gss,
                    ctx.force,
                    {},
                    ctx.partnership_id,
                    ctx.authority_id,
                    ctx.date,
                )
                found = self._match(full, inner)
                if found is not None:
                    return Match(found.organisation_id, found.name, 98.0, "expansion")
        role = ROLES.get(normalise(abbr))
        if role is not None:
            authority = self.registry.get(ctx.authority_id) if ctx.authority_id else None
            if authority is not None and upper in {a.upper() for a in authority.abbreviations}:
                return None  # "PCC" in Peterborough City Council's own paper: undecidable
            return self._result(self.resolve_role(role, ctx), 90.0, "context")
        ids = self.registry.abbreviations.get(upper, [])
        if not ids:
            # a name that is itself letters ("HSBC", "NSPCC")
            named = self.registry.names.get(normalise(abbr))
            org = self._pick(named, ctx, normalise(abbr)) if named else None
            return self._result(org, 100.0, "exact")
        orgs = [self.registry.get(i) for i in ids]
        orgs = [o for o in orgs if o is not None]
        national = [o for o in orgs if not o.areas and o.kind not in COUNCIL_KINDS]
        local_fit = [o for o in orgs if o.areas and self.compatible(o, ctx) is True]
        if local_fit and len(local_fit) > 1 and ctx.authority_gss:
            # the bodies serving the publishing council's own area come first
            own = [o for o in local_fit if ctx.authority_gss in o.areas]
            local_fit = own or local_fit
        if local_fit:
            if len(local_fit) == 1:
                return self._result(local_fit[0], 95.0, "abbreviation")
            for o in local_fit:
                if o.id in {ctx.authority_id, ctx.partnership_id}:
                    return self._result(o, 95.0, "abbreviation")
            return None  # several local bodies share the letters: undecidable
        if len(national) == 1:
            return self._result(national[0], 95.0, "abbreviation")
        if not ctx.area_gss and len(orgs) == 1 and len(upper) >= 5 and existed(orgs[0], ctx.date):
            # long letters only one body in the country uses ("OPCCX"): specific even without context
            return self._result(orgs[0], 85.0, "unique-abbreviation")
        return None

    def fuzzy(self, key: str, ctx: MatchContext) -> Match | None:
        tokens = set(key.split()) - GENERIC_WORDS
        if not tokens:
            return None
        pool: set[int] = set()
        for token in tokens:
            for near in self._near_tokens(token):
                pool.update(self.token_index.get(near, ()))
        if not pool:
            return None
        indices = sorted(pool)
        choices = [self.choices[i] for i in indices]
        best = process.extract(
            key, choices, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_THRESHOLD, limit=5
        )
        for _choice, score, pos in best:
            candidate = self.choices[indices[pos]]
            if not words_explained(key, candidate):
                continue
            org = self._pick([self.choice_ids[indices[pos]]], ctx, candidate)
            if org is None:
                continue
            # a different organisation scoring as well makes it a coin toss
            rivals = [
                self.choice_ids[indices[p]]
                for _c, s, p in best
                if s >= score - 1
                and self.choice_ids[indices[p]] != org.id
                and words_explained(key, self.choices[indices[p]])
                and not self._outlived(self.choice_ids[indices[p]], org, ctx)
            ]
            if rivals:
                return None
            return Match(org.id, org.name, float(score), "fuzzy")
        return None
