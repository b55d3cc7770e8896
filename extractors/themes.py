"""Map a priority or heading label to the contract's theme list (models.vocab.THEMES).

Keyword rules over the general vocabulary of community safety papers, most specific
first (``Criminal Exploitation of Young People`` is exploitation, not youth;
``Labour exploitation`` is modern slavery). Unmatched labels fall back to ``context``
(e.g. the objective text under the priority) and then to ``other``.
"""

from __future__ import annotations

import re
from typing import cast

from cspipe.models.vocab import Theme

#: (theme, pattern) in priority order; patterns are matched case-insensitively on word starts.
_RULES: list[tuple[str, str]] = [
    ("modern_slavery", r"modern slavery|human trafficking|trafficking|labour exploitation|"
                       r"slavery|\bnrm\b|national referral mechanism|forced labour"),
    ("vawg", r"\bvawg\b|violence against women|women and girls|drink spiking|spiking|"
             r"night[- ]time (?:economy )?safety|ask for angela|misogyn|\bwomen\b"),
    ("domestic_abuse", r"domestic abuse|domestic violence|domestic homicide|\bdhrs?\b|\bmarac\b|"
                       r"sexual violence|sexual abuse|\bdomestic\b|stalking|coercive control|"
                       r"\bidva\b|rape"),
    ("criminal_exploitation", r"criminal exploitation|county lines|\bcse\b|\bcce\b|\bmace\b|"
                              r"child sexual exploitation|exploitation|cuckooing|"
                              r"\bceoyp\b|gangs?\b"),
    ("prevent", r"\bprevent\b|radicali[sz]|extremis|terroris|\bchannel\b|counter[- ]terror"),
    ("hate_crime", r"hate crime|hate incident|\bhate\b"),
    ("serious_violence", r"serious violence|knife|weapon|violent crime|violence reduction|"
                         r"homicide|\bviolence\b|\bsvd\b"),
    ("fraud", r"fraud|scams?\b|cyber|online crime|doorstep crime"),
    ("asb", r"anti[- ]?social behaviour|antisocial|\basb\b|community trigger|\bpspos?\b|"
            r"public spaces? protection orders?|"
            r"nuisance|environmental crime|fly[- ]?tipping|graffiti"),
    ("drugs_alcohol", r"drugs?\b|alcohol|substance misuse|substance use|addiction|"
                      r"\bcombating drugs\b"),
    ("reoffending", r"reoffending|re-offending|offender management|\biom\b|offenders?\b|"
                    r"probation|rehabilitat"),
    ("neighbourhood_crime", r"neighbourhood crime|volume crime|acquisitive|rural crime|\brural\b|"
                            r"business crime|burglary|vehicle crime|robbery|theft|shoplifting|"
                            r"retail crime|heritage crime|wildlife crime|cycle crime|\bbusinesse?s?\b|shop ?watch"),
    ("road_safety", r"road safety|speeding|\broads?\b|driving|community speed"),
    ("mental_health", r"mental health|wellbeing|suicide|mental ill"),
    ("youth", r"young people|young person|youth|children|child\b|schools?\b|\bteen|"
              r"adolescen|juvenile"),
    ("governance", r"grant agreement|\bgrants?\b|funding|strategic assessment|information sharing|"
                   r"statutory|protocol|action plan|partnership plan|understanding|needs assessment|"
                   r"awareness raising and communications|communications"),
    ("community_cohesion", r"cohesion|community tension|tensions|\bbame\b|minority ethnic|"
                           r"resilien|engag\w* (?:with )?communit|communities|inclusi|"
                           r"diversity|integration|refugee|asylum|faith|forums?\b|eyes and ears|\bcommunity\b|"
                           r"caring communit|volunteer"),
    ("governance", r"\bdata\b|reporting|digital|strategic assessment|information sharing|"
                   r"statutory dut|duties|governance|partnership (?:working|running|business)|"
                   r"communications|\bcomms\b|performance|funding|membership|training|"
                   r"protocol|scrutiny|needs assessment|partnership plan"),
]

_COMPILED = [(theme, re.compile(pat, re.I)) for theme, pat in _RULES]


#: themes naming a kind of crime or harm; the rest (youth, communities, governance...) name
#: who or how, and only decide a label that names no harm
_HARMS = {"modern_slavery", "vawg", "domestic_abuse", "criminal_exploitation", "prevent",
          "hate_crime", "serious_violence", "fraud", "asb", "drugs_alcohol", "reoffending",
          "neighbourhood_crime"}


#: words that make a label about community cohesion as surely as a harm word names a harm
_COHESION = re.compile(r"\bcohesi|community tensions?|\bintegration\b", re.I)


def _match(text: str) -> Theme | None:
    """The theme of the harm a label names first ("Serious violence and the exploitation of
    children" is serious violence); at the same place the more specific rule wins."""
    best: tuple[int, int, str] | None = None
    for order, (theme, rx) in enumerate(_COMPILED):
        m = rx.search(text)
        if m is None:
            continue
        if theme not in _HARMS:
            if best is None:
                return cast(Theme, theme)
            break
        key = (m.start(), order, theme)
        if best is None or key < best:
            best = key
    cohesion = _COHESION.search(text)
    if cohesion is not None and best is not None and cohesion.start() < best[0]:
        return "community_cohesion"
    return cast(Theme, best[2]) if best else None


#: a label that says only "exploitation" may mean labour exploitation (modern slavery) or
#: criminal exploitation; the words around it tell which
_BARE_EXPLOITATION = re.compile(r"^(?:tackling\s+|reducing\s+|preventing\s+)?exploitation$", re.I)
_LABOUR_WORDS = re.compile(
    r"\b(?:workforce|workers?|labour|modern slavery|slavery|traffick\w*|forced|"
    r"agricultur\w*|farms?|factor(?:y|ies)|construction|car washes|nail bars|employ\w*|nrm)\b", re.I)
_CRIMINAL_WORDS = re.compile(
    r"\b(?:county lines|drugs?|gangs?|children|child|young people|cuckooing|criminal|cce|cse|"
    r"mace|dealing)\b", re.I)


def theme_of(label: str, context: str = "") -> Theme:
    """The normalised theme of a priority / heading label; ``context`` breaks ties for vague labels."""
    label = " ".join((label or "").split())
    if _BARE_EXPLOITATION.match(label) and context:
        labour = len(_LABOUR_WORDS.findall(context))
        criminal = len(_CRIMINAL_WORDS.findall(context))
        return "modern_slavery" if labour > criminal else "criminal_exploitation"
    found = _match(label)
    if found is not None:
        return found
    if context:
        found = _match(" ".join(context.split()))
        if found is not None:
            return found
    return "other"
