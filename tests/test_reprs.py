"""Every result prints as one short line: a part or a section by its number, period
and size, a figure by its text, value and kind, never the report's text again."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from sdr_analysis import parse_report
from sdr_analysis.results import Metadata, Source

REPORT = """某市某区人民政府工作报告(2024年1月8日)

一、2023年工作回顾

  (一)经济稳中向好。全区地区生产总值增长5.5%，投入资金3亿元，获评“全国文明城区”，排名全省第一。

二、2024年工作安排

  今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，力争城镇新增就业1万人。
"""


@pytest.fixture(scope="module")
def report():
    return parse_report(REPORT)


def at(text: str) -> int:
    return REPORT.index(text)


def test_a_part_is_its_marker_period_sections_and_size(report):
    review, plan = report.parts
    assert repr(review) == f"<Part 一、 review: 1 section, {len(review.text):,} chars>"
    assert repr(plan) == f"<Part 二、 plan: 1 section, {len(plan.text):,} chars>"
    assert review.text.startswith("一、2023年工作回顾") and plan.text.startswith("二、2024年工作安排")


def test_a_section_is_its_key_heading_kind_and_size(report):
    section = report.headings[1]
    assert repr(section) == f"<Section 一.一 '(一)经济稳中向好。' section: {len(section.text):,} chars>"


def test_figures_targets_and_results_say_value_unit_and_where(report):
    money = next(i for i in report.indicators if i.text == "3亿元")
    assert repr(money) == f"<Indicator '3亿元' = 300,000,000 元 (money, exact) at {at('3亿元')}>"
    gdp, jobs = report.targets
    assert repr(gdp) == f"<Target gdp 6 % (about, year) at {at('地区生产总值增长6%')}: '地区生产总值增长6%左右'>"
    assert repr(jobs) == f"<Target urban_jobs 10,000 人 (exact, soft, year) at {at('城镇新增就业')}: '城镇新增就业1万人'>"
    [result] = report.results
    assert repr(result) == f"<Result gdp change 5.5 % at {at('5.5%')}: '5.5%'>"


def test_claims_terms_and_metadata(report):
    rank = next(c for c in report.claims if c.kind == "rank")
    assert repr(rank).startswith(f"<Claim rank '排名全省第一' at {rank.start}: '")
    [term] = report.terms
    assert repr(term) == f"<Term '全国文明城区' at {at('全国文明城区')}>"
    assert repr(report.metadata) == "<Metadata district, 某市某区, 2024, 2024-01-08>"
    assert repr(Metadata()) == "<Metadata nothing read>"
    assert repr(Source(None, "filled in from the gazetteer")) == "<Source 'filled in from the gaze…'>"  # cut at 24 characters


def test_a_long_text_is_cut_and_a_line_break_stays_an_escape(report):
    paragraph = report.paragraphs[1]
    assert repr(paragraph) == f"<Paragraph {paragraph.start}-{paragraph.end} in 一.一: {len(paragraph.text)} chars '(一)经济稳中向好。全区地区生产总值增长5.5…'>"
    assert repr(parse_report("甲\n乙。" * 3).sentences[0]).count("\n") == 0


def every_result(report) -> list:
    return [*report.parts, *report.headings, *report.paragraphs, *report.sentences, *report.indicators, *report.claims,
            *report.relations, *report.terms, *report.targets, *report.results, *report.summaries, report.metadata]


def test_every_result_of_a_real_report_is_one_short_line():
    files = sorted(CORPUS.glob("*.txt"))[:3] if CORPUS.is_dir() else []
    if not files:
        pytest.skip("the corpus is not beside the repository")
    from sdr_analysis import load_report

    for path in files:
        report = load_report(path)
        for result in every_result(report):
            line = repr(result)
            assert "\n" not in line and len(line) < 160, line
        assert len(repr(report.parts)) < 100 * max(1, len(report.parts))  # not the report's text again
