"""The lines that open a report (title, session and date, speaker) and heading styles
that are not numbered sections (dash leads, 一是 openers)."""

from __future__ import annotations

import pytest

from sdr_analysis import parse_report
from sdr_analysis.metadata import parse_metadata
from sdr_analysis.opening import TITLE_SEARCH_LINES, find_title, is_opening_line

OPENING = """网站首页 > 政府工作报告
某省某市青山区人民政府工作报告
——2024年1月8日在青山区第十八届人民代表大会第四次会议上
区人民政府区长　李晓东

各位代表:
现在,我代表区人民政府,向大会报告工作,请予审议。
一、2023年工作回顾
全区生产总值增长5.5%。
"""


@pytest.fixture(scope="module")
def opened():
    return parse_report(OPENING)


@pytest.mark.parametrize("field,expected", [
    pytest.param("province", "某省", id="province"),
    pytest.param("city", "某市", id="city"),
    pytest.param("district", "青山区", id="district"),
    pytest.param("level", "district", id="level"),
    pytest.param("session", "第十八届人民代表大会第四次会议", id="session"),
    pytest.param("date", "2024-01-08", id="date-from-the-line-below"),
    pytest.param("speaker", "李晓东", id="speaker"),
    pytest.param("office", "区人民政府区长", id="office"),
])
def test_opening_metadata(opened, field, expected):
    assert getattr(opened.metadata, field) == expected


def test_opening_lines_are_not_body(opened):
    assert opened.text[opened.body[0] :].startswith("各位代表")
    assert [h.marker for h in opened.headings] == ["一、"]


@pytest.mark.parametrize("place,fields", [
    pytest.param("某省某县", {"county": "某县", "level": "county"}, id="county"),
    pytest.param("某市某区某某街道", {"district": "某区", "street": "某某街道", "level": "street"}, id="street"),
    pytest.param("某自治区某盟某旗", {"province": "某自治区", "city": "某盟", "county": "某旗", "level": "county"}, id="banner"),
    # markup a page left before the title is not part of the place
    pytest.param('<div class="t"><b>某市', {"city": "某市", "level": "city"}, id="markup-before"),
])
def test_levels_of_government(place, fields):
    meta = parse_report(f"{place}人民政府工作报告\n一、工作\n甲。\n").metadata
    assert {k: getattr(meta, k) for k in fields} == fields


DASHES = """某区人民政府工作报告
——2023年1月10日在某区第一届人民代表大会第二次会议上
一、过去五年回顾
——这五年,是经济实力大幅跃升的五年。地区生产总值年均增长6%。
——这五年,是民生福祉持续增进的五年。新增就业3万人。
二、今年工作
一是扩大有效投资。实施项目30个。
二是提升城市品质。改造小区12个。
"""


def test_dash_leads_are_headings_but_date_lines_are_not():
    r = parse_report(DASHES)
    assert [(h.marker, h.level, h.ordinal) for h in r.headings] == [
        ("一、", 1, 1), ("——", 2, 1), ("——", 2, 2), ("二、", 1, 2), ("一是", 2, 1), ("二是", 2, 2),
    ]
    assert r.headings[1].title == "这五年,是经济实力大幅跃升的五年。"
    assert [s.number for s in r.sections] == ["一", "二"]


def test_inline_openers_are_not_headings():
    r = parse_report("一、工作\n全年重点抓好三件事:一是稳增长,二是惠民生,三是保安全。\n")
    assert [h.marker for h in r.headings] == ["一、"]


# Lines that name a report but are not its title line.
NOT_TITLES = [
    pytest.param(
        "根据区人民代表大会的安排,现将去年以来贯彻落实区第十届人民代表大会第二次会议审议通过的政府工作报告"
        "确定的各项任务的情况报告如下,请予审议,并请各位政协委员提出意见。",
        id="long-sentence",
    ),
    pytest.param("\n".join(f"第{i}行导航" for i in range(TITLE_SEARCH_LINES)) + "\n某某区人民政府工作报告", id="too-far-down"),
    pytest.param("来源：2025年政府工作报告专题", id="source-line"),
    pytest.param("首页 > 政务公开 > 政府工作报告", id="breadcrumb"),
    pytest.param("网站首页 | 政府工作报告 | 统计公报", id="link-bar"),
    pytest.param("上一篇 2024年政府工作报告", id="previous-article"),
    pytest.param("2月3日，省长王大明作政府工作报告。本报记者 摄", id="photo-caption"),
]


@pytest.mark.parametrize("text", NOT_TITLES)
def test_not_a_title(text):
    assert find_title(text) is None
    assert parse_metadata(text, None).place == ""


def test_title_is_found_after_blank_lines_and_indentation():
    text = "\n\n   \n  某某县人民政府工作报告  \n正文。"
    title = find_title(text)
    assert title is not None
    assert title.text == "某某县人民政府工作报告"
    assert text[title.start : title.end] == title.text


def test_a_tag_is_not_a_breadcrumb():
    text = "某省某市<b>某区</b>人民政府工作报告(2023年1月5日)\n一、工作\n甲。\n"
    assert find_title(text).text == "某省某市<b>某区</b>人民政府工作报告(2023年1月5日)"


# The lines that open a report under its title, and lines that do not.
OPENING_LINES = [
    pytest.param("——2023年1月10日在某区第十六届人民代表大会第二次会议上", True, id="date-line"),
    pytest.param("----2012年2月29日在某区第十三届人民代表大会第六次会议上", True, id="four-hyphens"),
    pytest.param("——二〇二六年一月二十七日在某省十四届人民代表大会第四次会议上", True, id="chinese-numerals"),
    pytest.param("2026年1月27日在某省第十四届人民代表大会第四次会议上 某省省长 张明", True, id="undashed-with-speaker"),
    pytest.param("人民代表大会第五次会议上", True, id="end-of-a-broken-session"),
    pytest.param("（2023年1月16日）", True, id="bracketed-date"),
    pytest.param("区人民政府区长　李晓东", True, id="speaker"),
    pytest.param("自治区主席 阿不都·热依木", True, id="speaker-with-middle-dot"),
    pytest.param("上海市市长 龚 正", True, id="spaced-name"),
    pytest.param("各位代表：", False, id="salutation"),
    pytest.param("2022年在全区开展了“营商环境提升年”活动。", False, id="sentence-opening-with-a-year"),
    pytest.param("一、过去一年工作回顾", False, id="heading"),
]


@pytest.mark.parametrize("line, expected", OPENING_LINES)
def test_opening_lines(line, expected):
    assert is_opening_line(line) is expected
