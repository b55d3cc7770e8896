"""Finding the organisations named in running text, page by page."""

from __future__ import annotations

from cspipe.models import ALL_PARTNERS_ID
from cspipe.pipeline.match.context import (
    Match,
    MatchContext,
)
from cspipe.pipeline.match.names import (
    LOCAL_COUNCIL,
    TOKEN,
    names_class,
    names_event,
    opens_title,
    written_as_name,
)
from cspipe.pipeline.match.registry.text import fold, looks_like_abbreviation, normalise
from cspipe.pipeline.match.words import (
    COMMON_WORD_NAMES,
    ROLES,
    SCAN_ROLES,
)


class MentionScan:
    """Part of ``Matcher`` (``matcher.py``), kept apart as one concept; uses its lookup tables."""

    def scan_patterns(self) -> dict[str, list[str]]:
        """Normalised name/alias -> ids, for phrase scanning (role phrases and common words out)."""
        if self._scan_patterns is None:
            patterns: dict[str, list[str]] = {}
            for key, ids in self.registry.names.items():
                if ALL_PARTNERS_ID in ids or ROLES.get(key) is not None:
                    continue
                if " " not in key and (
                    key in COMMON_WORD_NAMES
                    or len(key) <= 4
                    or all(
                        (self.registry.get(i).source or "").startswith("gov-register") for i in ids
                    )
                ):
                    continue  # one everyday-looking word ("met", "Tate"): too loose for running text
                patterns[key] = ids
            for key, role in ROLES.items():
                if role in SCAN_ROLES and (
                    " " in key or key in {"police", "constabulary", "probation"}
                ):
                    patterns.setdefault(key, [f"role:{role}"])
            self._scan_patterns = patterns
            first: dict[str, set[int]] = {}
            for key in patterns:
                tokens = key.split()
                first.setdefault(tokens[0], set()).add(len(tokens))
            # longest first, sorted once: the scan asks at every word of every page
            self._first_tokens = {t: tuple(sorted(n, reverse=True)) for t, n in first.items()}
        return self._scan_patterns

    def find_mentions(self, page_texts: list[str], ctx: MatchContext) -> list[tuple[str, str, int]]:
        patterns = self.scan_patterns()
        first = self._first_tokens
        seen: dict[str, tuple[str, str, int]] = {}
        abbr_cache: dict[str, Match | None] = {}
        for page_no, page in enumerate(page_texts, start=1):
            folded = fold(page)
            tokens = [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(folded)]
            norm = [normalise(t[0]) for t in tokens]
            keep = [i for i, n in enumerate(norm) if n]
            words = [norm[i] for i in keep]
            i = 0
            while i < len(keep):
                hit = None
                for length in first.get(words[i], ()):
                    if i + length > len(keep):
                        continue
                    key = " ".join(words[i : i + length])
                    if key in patterns:
                        hit = (key, length)
                        break
                if hit is None:
                    original = tokens[keep[i]][0]
                    if looks_like_abbreviation(original):
                        if original not in abbr_cache:
                            abbr_cache[original] = (
                                self.match_abbreviation(original, ctx)
                                if original.upper() in self.registry.abbreviations
                                or ROLES.get(normalise(original)) in SCAN_ROLES
                                or original in ctx.expansions
                                else None
                            )
                        found = abbr_cache[original]
                        nxt = keep[i + 1 : i + 5]
                        if (
                            found is not None
                            and nxt
                            and not folded[tokens[keep[i]][2] : tokens[nxt[0]][1]].strip()
                            and names_class([tokens[k][0] for k in nxt])
                        ):
                            found = None  # "NHS Clinical Commissioning Groups": a class of bodies
                        if found is not None and found.organisation_id not in seen:
                            seen[found.organisation_id] = (found.organisation_id, original, page_no)
                    i += 1
                    continue
                key, length = hit
                start = tokens[keep[i]][1]
                end = tokens[keep[i + length - 1]][2]
                written = page[start:end] if len(page) == len(fold(page)) else fold(page)[start:end]
                ids = patterns[key]
                if not any(ch.isupper() for ch in written):
                    i += length  # "victim support", "police": words, not a body's name
                    continue
                after = [tokens[k][0] for k in keep[i + length : i + length + 7]]
                if opens_title(after, role=ids[0].startswith("role:")) or names_event(after):
                    i += length  # "Police Reform Act", "White Ribbon Campaign"
                    continue
                if ids[0].startswith("role:"):
                    org = self.resolve_role(ids[0][5:], ctx)
                else:
                    org = self._pick(ids, ctx, key)
                if org is not None and not written_as_name(written, org):
                    org = None  # "Neighbourhood watch": a common noun opening a phrase
                if org is not None and org.id not in seen:
                    seen[org.id] = (org.id, written, page_no)
                i += length
            for found in LOCAL_COUNCIL.finditer(folded):
                org = self.local_council(found.group(1).split(), found.group(2))
                if org is not None and org.id not in seen:
                    seen[org.id] = (org.id, org.name, page_no)  # the name as written, no lead-in
        return sorted(seen.values(), key=lambda m: (m[2], m[0]))
