"""Priorities announced in running text, and reported outputs."""

from __future__ import annotations

from cspipe.extractors.blocks import Line
from cspipe.extractors.kpi_text import find_outputs, output_kpis
from cspipe.extractors.narrative import find_priorities, priority_label


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


def test_priority_label_keeps_short_notes_and_abbreviations_as_written() -> None:
    assert priority_label("Organised crime (formerly known as Gangs)") == "Organised crime (formerly known as Gangs)"
    assert priority_label("Violence against women and girls (VAWG)") == "Violence against women and girls (VAWG)"


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


def _mixed(text: str, bold_words: int, x0: float, top: float) -> Line:
    """A bulleted line whose first ``bold_words`` words after the bullet are bold."""
    line = _line(text, x0, top)
    for i, w in enumerate(line.words):
        w["fontname"] = "Arial-Bold" if 1 <= i <= bold_words else "Arial"
    return line


def test_bold_lead_words_name_the_priorities_and_unbolded_items_only_explain() -> None:
    lines = [
        _line("The partnership used this to develop its priorities:", 60, 100),
        _mixed("• Knife crime is rising across the district and drives harm.", 2, 70, 114),
        _mixed("• Community tension can create fear in neighbourhoods.", 0, 70, 128),
        _mixed("• Scams lead to large losses each year for older residents.", 1, 70, 142),
    ]
    got = [(p.label, p.theme) for p in find_priorities(lines)]
    assert got == [("Knife crime", "serious_violence"), ("Scams", "fraud")]


def test_priorities_of_other_bodies_are_not_the_documents_own() -> None:
    lines = [
        _line("Other key groups and their priorities are set out in the table below.", 60, 100),
        _line("Partnership Priorities", 60, 114),
        _line("Safeguarding Board Priority areas:", 60, 128),
        _line("• Neglect", 70, 142),
        _line("• Child Exploitation", 70, 156),
    ]
    assert find_priorities(lines) == []


def test_measures_heading_over_numbered_measures_grouped_by_outcomes() -> None:
    from cspipe.extractors.kpi_text import find_measures

    lines = [
        _line("Measures", 60, 100, bold=True),
        _line("Outcome 1: Residents feel safe", 60, 116, bold=True),
        _line("1 Reports of anti-social behaviour to the council", 60, 130),
        _line("2 Residents' feelings of safety in the annual survey", 60, 144),
        _line("Outcome 2: Reduce harm from violence for:", 60, 162, bold=True),
        _line("• Domestic abuse", 60, 176),
        _line("1 Number of knife crimes recorded by the", 60, 190),
        _line("police", 60, 202),
        _line("A2.1 The next section describes the partnership.", 60, 240),
    ]
    kpis, used = find_measures(lines)
    assert [k.description for k in kpis] == [
        "Reports of anti-social behaviour to the council",
        "Residents' feelings of safety in the annual survey",
        "Number of knife crimes recorded by the police",
    ]
    assert 8 not in used


def test_sentence_introducing_metrics_over_two_lines_gives_one_kpi_per_bullet() -> None:
    from cspipe.extractors.kpi_text import find_measures

    lines = [
        _line("Progress will be measured with a range of metrics,", 60, 100),
        _line("including but not limited to:", 60, 114),
        _line("• Attendance at training events", 70, 130),
        _line("• Reach of online campaigns", 70, 144),
    ]
    kpis, _used = find_measures(lines)
    assert [k.description for k in kpis] == ["Attendance at training events",
                                             "Reach of online campaigns"]


def test_numbered_list_after_announcing_sentence() -> None:
    lines = [
        _line("2. Community safety priorities", 60, 80, bold=True),
        _line("Grants are awarded against the four priorities of the Riverton Plan 2022-2025:", 60, 100),
        _line("1. Reducing violence against women and girls", 76, 114),
        _line("2. Preventing serious violence and the exploitation of children", 76, 128),
        _line("3. Reducing reoffending", 76, 142),
        _line("3. Where the money comes from", 60, 170, bold=True),
    ]
    got = [(p.label, p.theme) for p in find_priorities(lines)]
    assert got == [
        ("Reducing violence against women and girls", "vawg"),
        ("Preventing serious violence and the exploitation of children", "serious_violence"),
        ("Reducing reoffending", "reoffending"),
    ]


def test_measures_bulleted_under_a_how_will_we_know_heading() -> None:
    from cspipe.extractors.kpi_text import find_measures

    lines = [
        _line("How we will know it is working", 60, 100, bold=True),
        _line("• Rural crime offences recorded in the district", 60, 116),
        _line("• Repeat victims of burglary", 60, 130),
        _line("The plan is delivered within existing budgets.", 60, 160),
    ]
    kpis, used = find_measures(lines)
    assert [k.description for k in kpis] == ["Rural crime offences recorded in the district",
                                             "Repeat victims of burglary"]
    assert used == {0, 1, 2}


def test_comparison_inside_an_output_is_not_another_output() -> None:
    got = find_outputs([("4.2 47 venues in the town centre achieved the safety award, up from 29 "
                         "the year before.", 2)])
    assert [k.value for k in got] == [47.0]


def test_numbers_that_name_are_not_counts() -> None:
    # a SMART block's field values read into the prose beside its text: "Priority 1" names a
    # priority, "Appendix 2" a paper; neither counts what was engaged or supported
    for sentence in [
        "Priority 1 Ongoing March 2024 Engage with the parish councils where youth anti-social "
        "behaviour is an issue.",
        "The partners supported in 2022 are listed at Appendix 2 attached to this report.",
    ]:
        assert output_kpis(sentence, 1) == [], sentence
    assert [k.value for k in output_kpis("Officers engaged with 20 staff members at Priority 1 schools.", 1)] == [20]
