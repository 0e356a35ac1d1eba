"""One summary per policy section: counts written by reading the text below."""

from __future__ import annotations

import pytest

from sdr_analysis import parse_report
from sdr_analysis.summary import density, report_density

#: Two parts: 一 with sections (一) and (二), 二 as its own single section.
PARTS = """某省某市人民政府工作报告(2024年1月10日)

一、2023年工作回顾

  (一)经济稳中向好。全市生产总值增长5%,投入资金3亿元。在全省率先建成数据中心。

  (二)民生持续改善。新增就业1.2万人。城乡居民收入增长6%。

二、2024年工作安排

  今年要扎实做好各项工作。力争全市生产总值增长6%,新建学校2所。

各位代表！让我们团结奋斗。
"""

#: A page of sections only, under an implied part.
SECTIONS = """  (三)稳增长。投入资金5万元,低保标准提升至850元,各社区投入1万元。

  (四)惠民生。就业率达95%。
"""


@pytest.fixture(scope="module")
def parts():
    return parse_report(PARTS).summaries


def test_one_summary_per_policy_section_with_its_part(parts):
    got = [(s.key, s.slug, s.marker, s.title, s.part, s.part_title, s.period) for s in parts]
    assert got == [
        ("一.一", "1-1", "(一)", "经济稳中向好。", "一", "2023年工作回顾", "review"),
        ("一.二", "1-2", "(二)", "民生持续改善。", "一", "2023年工作回顾", "review"),
        ("二", "2", "二、", "2024年工作安排", "二", "2024年工作安排", "plan"),
    ]


def test_counts_of_a_section(parts):
    first = parts[0]
    # the heading line: 41 characters, then the blank line and the indent of the next heading
    assert first.characters == 41 + 4
    assert (first.sentences, first.indicators, first.claims, first.terms) == (3, 2, 1, 0)  # 5%, 3亿元; 率先
    assert first.density == round(1000 * 2 / 45, 2) == 44.44
    assert (first.largest_money, first.largest_money_text, first.money_amounts) == (300_000_000, "3亿元", 1)


def test_a_part_as_its_own_section_counts_its_opening_theme(parts):
    own = parts[2]
    assert (own.themes, own.indicators, own.largest_money, own.money_amounts) == (1, 2, None, 0)  # 今年要…; 6%, 2所; no money stated


def test_money_leaves_out_levels_and_figures_per_item():
    (first, second) = parse_report(SECTIONS).summaries
    assert (first.largest_money, first.money_amounts) == (50_000, 1)  # not 850元 (a level set by 提升至) nor 1万元 (各)
    assert (first.part, first.part_title) == (None, "")
    assert (second.key, second.slug, second.indicators) == ("四", "4", 1)


def test_summary_spans_are_the_sections_text(parts):
    r = parse_report(PARTS)
    for s, sec in zip(r.summaries, r):
        assert r.text[s.start : s.end] == s.text == sec.text


@pytest.mark.parametrize("n,chars,expected", [
    pytest.param(2, 45, 44.44, id="rounded"),
    pytest.param(0, 100, 0.0, id="none"),
    pytest.param(3, 0, 0.0, id="no-text"),
])
def test_density(n, chars, expected):
    assert density(n, chars) == expected


def test_report_density_is_over_all_sections(parts):
    assert report_density(parts) == round(1000 * 6 / (45 + 33 + 63), 2)


#: Output, finance and spending in one section; then a section of approximate spending;
#: then one with no money at all.
MIXED = """  (一)经济。全区生产总值1.2万亿元,投资5亿元建设学校。

  (二)民生。发放救助资金5687余万元,拨付经费1200万元。

  (三)治理。新建网格站3个。
"""


@pytest.fixture(scope="module")
def mixed():
    return parse_report(MIXED).summaries


def test_largest_money_is_a_figure_stated_not_a_sum(mixed):
    first = mixed[0]
    # 1.2万亿元 (output) as written, with its role: never 1.2万亿元 + 5亿元
    assert (first.largest_money, first.largest_money_text, first.largest_money_role) == (1.2e12, "1.2万亿元", "output")
    assert (first.largest_money_label, first.money_amounts) == ("全区生产总值", 2)


def test_largest_money_keeps_its_qualifier(mixed):
    second = mixed[1]
    # 5687余万元 is the larger of the two, "more than"; 5687余万元 + 1200万元 is stated nowhere
    assert (second.largest_money, second.largest_money_qualifier, second.largest_money_text) == (56_870_000, "more_than", "5687余万元")
    assert MIXED[second.largest_money_start : second.largest_money_start + 7] == "5687余万元"


def test_no_money_is_none_stated_not_zero(mixed):
    third = mixed[2]
    assert (third.largest_money, third.largest_money_qualifier, third.largest_money_role, third.money_amounts) == (None, None, None, 0)
