"""The phrases the section page and its narrative share: a figure in its clause as the
report writes it, a link to its sentence.

Expected values are read from the seed's text: (四) says
``新增公办幼儿园2所、省五星级幼儿园1所`` and ``投资4000万元升级改造幼儿园27所``."""

from __future__ import annotations

import pytest
from test_messages import markdown_text

from sdr_analysis.phrases import cite, clause_words, figure_phrase, sentence_ids


def clauses(report, key: str) -> str:
    """Every figure of a section in its clause, as a reader sees them."""
    sec = report.section(key)
    return "\n".join(markdown_text(clause_words(sec, i)) for i in sec.indicators)


def test_an_item_of_a_list_keeps_the_verb_the_list_shares(seed_report):
    # 新增公办幼儿园2所、省五星级幼儿园1所: both are new
    shown = clauses(seed_report, "四")
    assert "新增省五星级幼儿园1所" in shown and "新增家庭养老床位700张" in shown
    assert "新增“城市书房”“文化驿站”各1处" in shown  # a figure per item keeps its 各


def test_a_clause_of_two_figures_is_not_quoted_twice(seed_report):
    shown = clauses(seed_report, "四")
    assert shown.count("投资4000万元升级改造幼儿园27所") == 0
    assert "投资升级改造幼儿园4000万元" in shown and "升级改造幼儿园27所" in shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_figure_is_its_clause_in_chinese_and_in_words_in_english(seed_report, lang):
    sec = seed_report.section("五")
    ind = next(i for i in sec.indicators if i.text == "5.1亿元")
    expected = {"en": "510 million yuan", "zh": clause_words(sec, ind)}[lang]
    assert figure_phrase(sec, ind, lang) == expected


def test_a_figure_cites_its_sentence(seed_report):
    sec = seed_report.section("五")
    ind = sec.indicators[0]
    sid = sentence_ids(sec)[ind.sentence.start]
    assert cite(sec, ind.start) == f"[{sid}](#{sid})"


@pytest.mark.parametrize(
    "text, figure, clause",
    [
        pytest.param("（一）城市建设。新增公园3个、绿地5处。\n", "5处", "新增绿地5处", id="a-later-item-takes-the-shared-verb"),
        pytest.param("（一）城市建设。维修三、四级道路12处。\n", "12处", "维修三、四级道路12处", id="numerals-joined-by-a-comma-stay-together"),
        pytest.param("（一）城市建设。改造道路8条、三、四级道路12处。\n", "12处", "改造三、四级道路12处", id="a-later-item-opening-with-joined-numerals"),
        pytest.param("（一）城市建设\r\n新建学校2所，改造校舍3栋\r\n", "3栋", "改造校舍3栋", id="crlf-is-no-part-of-a-clause"),
    ],
)
def test_a_figure_in_its_clause(text, figure, clause):
    from sdr_analysis import parse_report

    report = parse_report(text)
    sec = report.sections[0]
    ind = next(i for i in sec.indicators if i.text == figure)
    assert markdown_text(clause_words(sec, ind)) == clause
