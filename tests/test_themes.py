"""Priority labels map to the contract's themes by general vocabulary."""

import pytest

from cspipe.extractors.themes import theme_of
from cspipe.models.vocab import THEMES


@pytest.mark.parametrize(
    ("label", "theme"),
    [
        ("Violence against women and girls (VAWG)", "vawg"),
        ("Drink spiking", "vawg"),
        ("County Lines", "criminal_exploitation"),
        ("Criminal Exploitation", "criminal_exploitation"),
        ("Exploitation", "criminal_exploitation"),
        ("Criminal Exploitation of Young People (CEOYP)", "criminal_exploitation"),
        ("Volume crime", "neighbourhood_crime"),
        ("Rural and acquisitive crime", "neighbourhood_crime"),
        ("Neighbourhood crime", "neighbourhood_crime"),
        ("Cybercrime and fraud", "fraud"),
        ("Knife Crime", "serious_violence"),
        ("Serious Violence Duty", "serious_violence"),
        ("Preventing Radicalisation", "prevent"),
        ("Prevent duty", "prevent"),
        ("Prevent", "prevent"),
        ("Data", "governance"),
        ("Reporting", "governance"),
        ("Digital", "governance"),
        ("Strategic Assessment", "governance"),
        ("Information sharing protocol", "governance"),
        ("Young people", "youth"),
        ("Youth", "youth"),
        ("Reduce Reoffending Plan", "reoffending"),
        ("Domestic Homicide Reviews (DHR)", "domestic_abuse"),
        ("Domestic Abuse Bill", "domestic_abuse"),
        ("Black, Asian and minority ethnic (BAME) communities", "community_cohesion"),
        ("Hate Crime", "hate_crime"),
        ("Modern slavery", "modern_slavery"),
        ("Anti-social behaviour (ASB)", "asb"),
        ("Drugs and alcohol", "drugs_alcohol"),
        ("Road safety", "road_safety"),
        ("Mental health", "mental_health"),
        ("Something unrelated", "other"),
        ("", "other"),
    ],
)
def test_theme_of(label: str, theme: str) -> None:
    assert theme_of(label) == theme
    assert theme in THEMES


def test_context_breaks_ties() -> None:
    assert theme_of("Priority 3", "Reduce incidence of anti-social behaviour") == "asb"
    assert theme_of("Priority 3") == "other"


@pytest.mark.parametrize(
    ("label", "theme"),
    [
        # a label naming two harms takes the first named
        ("Serious violence and the exploitation of young people", "serious_violence"),
        ("Exploitation and serious violence", "criminal_exploitation"),
        ("Community cohesion, hate crime and Prevent", "community_cohesion"),
        # who a harm touches does not outrank the harm
        ("Youth violence and knife crime", "serious_violence"),
        ("Violence against women and girls", "vawg"),
    ],
)
def test_first_named_theme(label: str, theme: str) -> None:
    assert theme_of(label) == theme
