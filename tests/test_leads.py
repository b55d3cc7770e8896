"""Lead / Owner cells split into organisation and person parts by general signals."""

import pytest

from cspipe.extractors.leads import is_person, split_lead


def parts(cell: str) -> list[tuple[str | None, str | None, bool]]:
    return [(p.org_text, p.person, p.all_partners) for p in split_lead(cell)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("ESC: Julia Catterwell", [("ESC", "Julia Catterwell", False)]),
        (
            "SCC: Chris Woods. Police: Stella Frangleton",
            [("SCC", "Chris Woods", False), ("Police", "Stella Frangleton", False)],
        ),
        (
            "ESC: Julia Catterwell SCC: Charlotte Sanderson",
            [("ESC", "Julia Catterwell", False), ("SCC", "Charlotte Sanderson", False)],
        ),
        ("SCC & Police", [("SCC", None, False), ("Police", None, False)]),
        ("Joss & Julia", [(None, "Joss", False), (None, "Julia", False)]),
        ("All partners", [(None, None, True)]),
        ("All", [(None, None, True)]),
        ("All NASP partners", [(None, None, True)]),
        (
            "All responsible authorities, police to lead",
            [(None, None, True), ("police", None, False)],
        ),
        ("Alex Heys", [(None, "Alex Heys", False)]),
        ("ECDC, CCC", [("ECDC", None, False), ("CCC", None, False)]),
        (
            "CSP leading with Sister Safe team and parish councils",
            [
                ("CSP", None, False),
                ("Sister Safe team", None, False),
                ("parish councils", None, False),
            ],
        ),
        (
            "Delivery Group's young people Antisocial behaviour (ASB) task and finish group, Lizzi Wales, CCC",
            [
                (
                    "Delivery Group's young people Antisocial behaviour (ASB) task and finish group",
                    None,
                    False,
                ),
                (None, "Lizzi Wales", False),
                ("CCC", None, False),
            ],
        ),
        (
            "OPCCN/Norfolk Anti-Slavery Network",
            [("OPCCN", None, False), ("Norfolk Anti-Slavery Network", None, False)],
        ),
        (
            "Norfolk Constabulary and the National Probation Service",
            [("Norfolk Constabulary", None, False), ("National Probation Service", None, False)],
        ),
        (
            "County Lines Strategic Group – NPS",
            [("County Lines Strategic Group", None, False), ("NPS", None, False)],
        ),
        ("Suffolk Fire and Rescue Service", [("Suffolk Fire and Rescue Service", None, False)]),
        ("Norfolk and Suffolk Victim Care", [("Norfolk and Suffolk Victim Care", None, False)]),
        (
            "Anita Humphrey and Matt Carney TBC",
            [(None, "Anita Humphrey", False), (None, "Matt Carney", False)],
        ),
        ("TBC", []),
        ("", []),
    ],
)
def test_split_lead(cell: str, expected: list) -> None:
    assert parts(cell) == expected


def test_ecin_people_and_orgs() -> None:
    got = parts("ECIN/PCN, Ashling Bannon/Zoe Hutchinson")
    assert ("ECIN", None, False) in got and (None, "Zoe Hutchinson", False) in got


def test_raw_keeps_the_part() -> None:
    assert [p.raw for p in split_lead("SCC: Chris Woods. Police: Stella Frangleton")] == [
        "SCC: Chris Woods",
        "Police: Stella Frangleton",
    ]


def test_person_signals() -> None:
    assert is_person("Julia Catterwell")
    assert not is_person("Norfolk Constabulary")
    assert not is_person("ECDC")
    assert not is_person("parish councils")


def test_programme_and_council_service_are_two_leads() -> None:
    got = parts("Police Schools Programme and Riverton Council Education")
    assert [p[0] for p in got] == ["Police Schools Programme", "Riverton Council Education"]
