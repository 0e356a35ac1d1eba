"""Numbers, money, units and qualifiers in words: a figure in the narrative, a sum of
money, a target or result on a comparison page, a chart's number."""

from __future__ import annotations

import pytest

from sdr_analysis import parse_report
from sdr_analysis.wording import amount_en, axis_number, figure_words, join_words, money_words, percent, plain_number, value_words

TEXT = """某省某市某区人民政府工作报告(2023年1月5日)

  (一)稳定经济增长。招商引资成效明显。引进项目30余个,到位资金约12亿元。

  (三)改善民生。新建学校2所,各配备校医1名。
"""


@pytest.fixture
def report():
    return parse_report(TEXT)


# numbers: in words for prose, in digits beside a scaled unit, on a chart's axis

@pytest.mark.parametrize("value,expected", [
    pytest.param(510000000, "510 million", id="million"),
    pytest.param(52000000, "52 million", id="million-round"),
    pytest.param(4870000, "4.87 million", id="million-decimals"),
    pytest.param(70840850, "70,840,850", id="no-rounding-away"),
    pytest.param(16000, "16,000", id="thousands"),
    pytest.param(1.77, "1.77", id="decimal"),
    pytest.param(2500000000, "2.5 billion", id="billion"),
    # 2万亿元, 5.53万亿元: trillions, not 2,000 billion
    pytest.param(2e12, "2 trillion", id="trillion"),
    pytest.param(5.53e12, "5.53 trillion", id="trillion-decimals"),
    # 1.234567万亿元 has no short form in trillions: in billions
    pytest.param(1.234567e12, "1,234.567 billion", id="trillion-in-billions"),
])
def test_amount_en(value, expected):
    assert amount_en(value) == expected


@pytest.mark.parametrize("value, prose, digits, axis", [
    pytest.param(2_500_000, "2.5 million", "2,500,000", "2,500,000", id="million"),
    pytest.param(5.0, "5", "5", "5", id="whole"),
    pytest.param(5.25, "5.25", "5.25", "5.25", id="decimal"),
    pytest.param(0.123456, "0.1235", "0.1235", "0.123", id="small"),
    pytest.param(1234.56789, "1,234.5679", "1,234.5679", "1,234.57", id="long"),
])
def test_each_way_of_writing_a_number(value, prose, digits, axis):
    assert (amount_en(value), plain_number(value), axis_number(value)) == (prose, digits, axis)


@pytest.mark.parametrize("share, expected", [
    pytest.param(12.4, "12", id="whole-above-ten"),
    pytest.param(4.5, "4.5", id="one-decimal"),
    pytest.param(3.0, "3", id="whole"),
    pytest.param(0.04, "", id="too-small-never-zero"),
])
def test_percent(share, expected):
    assert percent(share) == expected


# figures, targets and results, with their qualifiers


def test_figure_words_keep_qualifiers(report):
    by_text = {i.text: i for i in report.indicators}
    assert figure_words(by_text["30余个"], "en") == "more than 30 (个)"  # a measure word is never bare beside an English number
    assert figure_words(by_text["约12亿元"], "en") == "about 1.2 billion yuan"
    assert figure_words(by_text["约12亿元"], "zh") == "约12亿元"
    assert figure_words(by_text["1名"], "en").endswith("each")


@pytest.mark.parametrize(
    "value, value_max, unit, qualifier, lang, expected",
    [
        (6, None, "%", "about", "en", "about 6%"),
        (6, None, "%", "about", "zh", "6%左右"),
        (5, None, "%", "more_than", "en", "at least 5%"),
        (5, None, "%", "more_than", "zh", "5%以上"),
        (5.5, None, "%", "less_than", "en", "at most 5.5%"),
        (5.5, None, "%", "less_than", "zh", "5.5%以内"),
        (4.5, 5, "%", "range", "en", "4.5–5%"),
        (4.5, 5, "%", "range", "zh", "4.5—5%"),
        (28_200_000_000, None, "元", "exact", "zh", "282亿元"),
        (28_200_000_000, None, "元", "exact", "en", "28.2 billion yuan"),
        (680_000, None, "人", "about", "zh", "68万人左右"),
        (None, None, "%", "exact", "en", "—"),
    ],
    ids=["about-en", "about-zh", "floor-en", "floor-zh", "ceiling-en", "ceiling-zh", "range-en", "range-zh",
         "yi-yuan-zh", "billion-en", "wan-people", "none"],
)
def test_value_words(value, value_max, unit, qualifier, lang, expected):
    assert value_words(value, value_max, unit, qualifier, lang) == expected


# money


@pytest.mark.parametrize("yuan,expected", [
    pytest.param(1.465e14, "146.5万亿元", id="trillions"),
    pytest.param(5.1e8, "5.1亿元", id="hundred-millions"),
    pytest.param(56_870_000, "5687万元", id="ten-thousands"),
    pytest.param(None, "未提及", id="none-stated-never-0"),
    pytest.param(1.2e20, "120000000万亿元", id="never-an-exponent"),
])
def test_money_words_zh(yuan, expected):
    assert money_words(yuan, "zh") == expected


@pytest.mark.parametrize("yuan,lang,qualifier,expected", [
    pytest.param(68_870_000, "zh", "more_than", "6887余万元", id="zh-more-than"),
    pytest.param(68_870_000, "en", "more_than", "more than 68.87 million yuan", id="en-more-than"),
    pytest.param(5e8, "zh", "about", "约5亿元", id="zh-about"),
    pytest.param(5e8, "en", "exact", "500 million yuan", id="en-exact"),
    pytest.param(None, "en", None, "none stated", id="en-none-stated"),
])
def test_money_words_keep_the_qualifier(yuan, lang, qualifier, expected):
    assert money_words(yuan, lang, qualifier) == expected


#: The seed's largest amount per section, read from its sentences: (三) 解决民企融资需求
#: 5200余万元 (financing arranged) over 退返质保金487万元; (四) 投资4000万元 over 发放补助资金
#: 3084万元, not their sum 7084万元, which the report states nowhere, nor 提升至850元 (a
#: standard); (五) 投资5.1亿元; (六) no money.
SEED_MONEY = {"三": "5200余万元", "四": "4000万元", "五": "5.1亿元", "六": "未提及"}


def test_the_seed_states_its_largest_amount_per_section(seed_report):
    got = {s.key: money_words(s.largest_money, "zh", s.largest_money_qualifier) for s in seed_report.summaries}
    assert got == SEED_MONEY


# lists


@pytest.mark.parametrize("items, lang, expected", [
    pytest.param(["a"], "en", "a", id="one"),
    pytest.param(["a", "b", "c"], "en", "a, b and c", id="en"),
    pytest.param(["甲", "乙", "丙"], "zh", "甲、乙和丙", id="zh"),
])
def test_join_words(items, lang, expected):
    assert join_words(items, lang) == expected
