"""Priorities announced in running text, and reported outputs."""

from __future__ import annotations

from extractors.blocks import Line
from extractors.narrative import find_outputs, find_priorities, output_kpis, priority_label


def _line(text: str, x0: float, top: float, page: int = 1, bold: bool = False) -> Line:
    words = [{"text": w, "x0": x0 + 6 * i, "x1": x0 + 6 * i + 5, "top": top, "bottom": top + 10}
             for i, w in enumerate(text.split())]
    return Line(text, page, x0, x0 + 6 * len(words), top, top + 10, 10.0, bold, words)


def test_lettered_list_with_lead_ins_over_a_page_break() -> None:
    lines = [
        _line("1.5 Based on the outcomes the following priorities remained as a focus:", 60, 100),
        _line("a. Criminal Exploitation: encompassing all types of exploitation", 80, 114),
        _line("b. Modern Slavery: including support for victims and", 80, 128),
        _line("awareness of the National", 92, 142),
        _line("Referral Mechanism (NRM).", 92, 60, page=2),
        _line("c. Hate Crime: including support for victims.", 80, 74, page=2),
        _line("1.6 It was also agreed to adopt Fraud as a priority for 2022-2023.", 60, 100, page=2),
    ]
    got = [(p.label, p.theme, p.page) for p in find_priorities(lines)]
    assert got == [
        ("Criminal Exploitation", "criminal_exploitation", 1),
        ("Modern Slavery", "modern_slavery", 1),
        ("Hate Crime", "hate_crime", 2),
        ("Fraud", "fraud", 2),
    ]


def test_bulleted_list_after_include() -> None:
    lines = [
        _line("Those key priorities were identified based on data. They include:", 60, 100),
        _line("• Hate Crime", 70, 114),
        _line("• Violence against women and girls (VAWG)", 70, 128),
        _line("Fraud is a new Priority included in the action plan.", 60, 150),
    ]
    labels = [p.label for p in find_priorities(lines)]
    assert labels == ["Hate Crime", "Violence against women and girls (VAWG)", "Fraud"]


def test_numbered_priority_statement() -> None:
    lines = [_line("Priority 1.", 57, 100, bold=True),
             _line("Working to tackle local issues of high harm.", 57, 114)]
    assert [p.label for p in find_priorities(lines)] == ["Working to tackle local issues of high harm."]


def test_priority_label_drops_long_explanations() -> None:
    assert priority_label("Serious Violence (The biggest threat was from serious violence and abuse)") \
        == "Serious Violence"


def test_outputs_with_numbers_and_number_words() -> None:
    cases = {
        "In total 43 members of staff completed this course between April 2022 and March 2023": [43],
        "At the end of March 2023, 1,250 champions are now trained across Suffolk.": [1250],
        "Between April 2022 to March 2023 five properties have been supported in West Suffolk.": [5],
        "Suffolk received a total of 18 applications with 59 young people nominated.": [18, 59],
        "Suffolk held a conference with over 110 staff from across Suffolk in attendance.": [110],
    }
    for sentence, values in cases.items():
        assert [k.value for k in output_kpis(sentence, 3)] == values, sentence


def test_not_outputs() -> None:
    for sentence in [
        "There are currently two DHRs being undertaken in West Suffolk.",
        "A DHR is triggered when the death of a person aged 16 or over has occurred.",
        "The campaign was 16 days of action.",
        "The CSP is supported by four members of the Communities team.",
        "Funding of £9,783 has been available to the CSP annually.",
    ]:
        assert output_kpis(sentence, 1) == [], sentence


def test_find_outputs_keeps_one_record_per_count() -> None:
    s = "Suffolk received a total of 18 applications with 59 young people nominated."
    got = find_outputs([(s, 6), (s, 6)])
    assert [(k.value, k.page) for k in got] == [(18, 6), (59, 6)]
