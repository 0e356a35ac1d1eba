"""A review that looks back on both the past year and the five years of a plan: only
what it says of the year is a result (case tables in our own words and numbers)."""

from __future__ import annotations

import pytest

from sdr_analysis import parse_report
from sdr_analysis.lookback import looks_back_on, opens_with, review_sentences


def report(*paragraphs: str, title: str = "2025年和“十四五”时期工作回顾") -> str:
    """A small report whose review is ``paragraphs``, one a line."""
    body = "\n\n".join(f"  {p}" for p in paragraphs)
    return f"""某省人民政府工作报告
——2026年1月20日在某省第十四届人民代表大会第五次会议上

一、{title}

{body}

二、2026年重点工作

  今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业50万人以上。

  为实现上述目标，重点抓好以下工作。
"""


def results(text: str) -> dict[tuple[str, bool], float]:
    return {(r.measure, r.change): r.value for r in parse_report(text).results}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("过去五年，我们砥砺奋进", "five_years"),
        ("这是综合实力跃升的五年", "five_years"),
        ("“十四五”时期是极不平凡的五年", "five_years"),
        ("回首“十三五”，成绩来之不易", "five_years"),
        ("刚刚过去的2025年很不平凡", "year"),
        ("过去一年，我们顶压前行", "year"),
        # both: the one named first
        ("2025年是“十四五”收官之年", "year"),
        ("“十四五”时期和2025年工作回顾", "five_years"),
        # neither: a date, a span up to a year, a span from a year
        ("2023年6月总书记亲临考察", None),
        ("截至2025年底，建成学校30所", None),
        ("2021年以来，新建道路300公里", None),
        ("经济运行稳中有进", None),
    ],
)
def test_what_a_lead_looks_back_on(text, expected):
    assert looks_back_on(text) == expected


def test_a_sentence_opens_with_the_year_only_where_it_names_it_first():
    assert opens_with("2025年旅游收入达到69亿元") == "year"
    assert opens_with("生产总值从2020年的3万亿元增长到2025年的4万亿元") is None
    assert opens_with("五年来，累计新增就业300万人") == "five_years"


#: The five years first, then the year (a review of 2025 and of the 十四五 plan).
FIVE_THEN_YEAR = report(
    "过去的五年极不寻常，我们稳中求进、难中求成。",
    "综合实力稳步提升。地区生产总值6.1万亿元，城镇新增就业560万人，常住人口城镇化率由55.1%提高到60.3%。",
    "民生福祉不断增进。城乡居民收入年均增长6%。",
    "刚刚过去的2025年很不平凡。",
    "（一）稳住经济大盘。地区生产总值增长5.4%，城镇新增就业112.5万人。",
    "（二）推进城乡融合。常住人口城镇化率提高到60.3%。",
)


def test_paragraphs_under_a_five_year_lead_give_no_results():
    got = results(FIVE_THEN_YEAR)
    assert got[("gdp", True)] == 5.4
    assert ("gdp", False) not in got  # 6.1万亿元 is said of the five years' end, in their paragraph
    assert got[("urban_jobs", False)] == 1_125_000  # not the five years' 560万人
    assert got[("urbanization", False)] == 60.3


def test_sentences_carry_what_their_paragraph_looks_back_on():
    doc = parse_report(FIVE_THEN_YEAR).document
    part = doc.parts[0]
    about = {s.text.strip(): a for s, a in review_sentences(doc, part)}
    assert about["综合实力稳步提升。"] == "five_years"
    assert about["（一）稳住经济大盘。"] == "year"


#: The year first, then the five years, the turn inside a paragraph.
YEAR_THEN_FIVE = report(
    "2025年是“十四五”收官之年，地区生产总值增长5%，城镇新增就业21万人。",
    "一是稳增长。社会消费品零售总额增长3.9%。",
    "各位代表！2025年目标任务顺利完成。回首“十四五”时期，城镇新增就业124万人，社会消费品零售总额突破1万亿元。",
    "这五年，居民人均可支配收入增长30%。",
    title="2025年工作回顾",
)


def test_a_turn_to_the_five_years_inside_a_paragraph():
    got = results(YEAR_THEN_FIVE)
    assert got == {("gdp", True): 5, ("urban_jobs", False): 210_000, ("retail", True): 3.9}


def test_a_sentence_that_opens_with_the_year_among_the_five():
    text = report(
        "这五年，我们扎实推进各项工作。",
        "人民生活水平持续提高。2025年城镇居民人均可支配收入达到43000元，比2020年增加11000元。城镇新增就业30万人。",
        title="“十四五”时期工作回顾",
    )
    got = results(text)
    assert got.get(("income_urban", False)) == 43000  # the year's level, said amid the five
    assert ("urban_jobs", False) not in got  # the sentence after goes on about the five


@pytest.mark.parametrize(
    "sentence, key, change, level",
    [
        # from one level to another: the second is the level reached, the first none
        ("过去一年，常住人口城镇化率由62.1%提高到63%。", "urbanization", None, 63),
        ("过去一年，全社会研发投入强度提升至2.6%。", "rd", None, 2.6),
        # a change in points is a change, not a level
        ("过去一年，常住人口城镇化率提高0.8个百分点。", "urbanization", 0.8, None),
        # a gap to a benchmark is not the measure's own change
        ("过去一年，社会消费品零售总额增幅高于全国0.2个百分点。", "retail", None, None),
        ("过去一年，地区生产总值增长5.4%、高于全国0.4个百分点。", "gdp", 5.4, None),
        # the measure only qualifies what the figure counts
        ("过去一年，有进出口实绩的企业数量增长7%。", "trade", None, None),
        ("过去一年，地区生产总值从上年的4.2万亿元增长到4.4万亿元。", "gdp", None, 4_400_000_000_000),
    ],
)
def test_levels_reached_and_gaps(sentence, key, change, level):
    got = results(report(sentence, title="2025年工作回顾"))
    assert got.get((key, True)) == change
    assert got.get((key, False)) == level


@pytest.mark.parametrize(
    "review, estimates",
    [
        # 预计 heads the list: every result up to the semicolon is an estimate
        ("2025年，预计全省生产总值增长6.2%，固定资产投资增长8%；城镇新增就业42万人。",
         {("gdp", True): True, ("investment", True): True, ("urban_jobs", False): False}),
        # in its own clause: only the result it stands before
        ("2025年，地区生产总值完成3300亿元，增长6%；社会消费品零售总额预计完成1200亿元，预计增长7%。",
         {("gdp", False): False, ("gdp", True): False, ("retail", False): True, ("retail", True): True}),
        ("2025年，地区生产总值增长6%，城镇新增就业42万人。", {("gdp", True): False, ("urban_jobs", False): False}),
        # a half-width semicolon ends the estimate's reach as a full-width one does
        ("2025年，预计全省生产总值增长6.2%;城镇新增就业42万人。", {("gdp", True): True, ("urban_jobs", False): False}),
    ],
)
def test_a_result_the_report_estimates_says_so(review, estimates):
    found = {(r.measure, r.change): r.estimate for r in parse_report(report(review, title="2025年工作回顾")).results}
    assert found == estimates


def test_last_year_marks_an_estimate_in_each_language():
    from sdr_analysis.headlines import last_year

    r = parse_report(report("2025年，预计全省生产总值增长6.2%；城镇新增就业42万人。", title="2025年工作回顾"))
    zh, en = (last_year(r, lang).replace("\\", "") for lang in ("zh", "en"))  # Markdown escapes taken off
    assert "生产总值增长6.2%（预计）" in zh and "42万人（预计）" not in zh
    assert "生产总值增长6.2% (estimate, 预计)" in en and "42万人 (estimate" not in en
