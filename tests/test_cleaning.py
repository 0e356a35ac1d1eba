"""Telling the report from the page around it."""

from __future__ import annotations

import pytest

from sdr_analysis import parse_report
from sdr_analysis.cleaning import find_body
from sdr_analysis.opening import find_title

TITLE = "(广东省)深圳市南山区人民政府工作报告(2023年1月10日)"
REPORT_LINES = (
    "各位代表:",
    "一、2022年工作回顾",
    "  全年新增城镇就业1.5万人,城镇调查失业率5.1%。",
    "二、2023年工作安排",
    "  新建改造公园12个。",
)
REPORT = "\n".join(REPORT_LINES)


def page(above: str = "", below: str = "", title: str = TITLE) -> str:
    """A web page: chrome above, the title, the report, chrome below."""
    return f"{above}\n{title}\n\n{REPORT}\n{below}\n"


def body_text(text: str) -> str:
    start, end = parse_report(text).body
    return text[start:end].strip()


# Lines of site chrome above the report: none of them is report text.
CHROME_ABOVE = [
    pytest.param("导航菜单", id="navigation-menu"),
    pytest.param("网站首页 | 政务公开 | 政策文件", id="site-home"),
    pytest.param("当前位置:首页 > 政务公开 > 规划计划", id="breadcrumb"),
    pytest.param("您现在的位置：首页>政府信息公开", id="breadcrumb-fullwidth-colon"),
]


@pytest.mark.parametrize("chrome", CHROME_ABOVE)
def test_chrome_above_title_is_not_body(chrome):
    text = page(above=chrome)
    assert body_text(text) == REPORT


# Publishing details between the title and the report.
CHROME_AFTER_TITLE = [
    pytest.param("发布时间:2023-01-12 09:30", id="published"),
    pytest.param("来源：南山区人民政府办公室", id="source"),
    pytest.param("【字体:大 中 小】 【打印】", id="font-size"),
    pytest.param("浏览次数:1024", id="view-count"),
    pytest.param("分享到:微信 微博", id="share"),
    # a crawler's header between the title and the report
    pytest.param("时间：2026-02-02", id="crawler-time"),
    pytest.param("2026-02-02 09:30", id="bare-timestamp"),
    pytest.param("==========", id="rule"),
    pytest.param("下载\n打印\n全屏\n收藏", id="toolbar"),
]


@pytest.mark.parametrize("chrome", CHROME_AFTER_TITLE)
def test_chrome_after_title_is_not_body(chrome):
    text = f"{TITLE}\n{chrome}\n{REPORT}\n"
    assert body_text(text) == REPORT


# Footers: everything from the first footer line on is chrome.
FOOTERS = [
    pytest.param("本文仅代表作者观点,不代表本站立场。", id="disclaimer"),
    pytest.param("免责声明:本站部分内容来自网络", id="disclaimer-heading"),
    pytest.param("本文地址:http://www.example.gov.cn/zwgk/2023/0110/1234.html", id="page-address"),
    pytest.param("本文链接：https://example.cn/a/1.html", id="page-link"),
    pytest.param("留言与评论(共有 0 条评论)", id="comments"),
    pytest.param("验证码:", id="captcha"),
    pytest.param("版权所有:深圳市南山区人民政府", id="copyright"),
    pytest.param("Copyright © 2023 All Rights Reserved", id="copyright-latin"),
    pytest.param("上一篇:关于印发某某办法的通知", id="previous-article"),
]


@pytest.mark.parametrize("footer", FOOTERS)
def test_footer_ends_body(footer):
    text = page(above="导航菜单", below=f"{footer}\n首页 | 联系我们\n网站标识码:1234567890")
    assert body_text(text) == REPORT


def test_full_footer_block():
    below = "\n".join(
        ("本文仅代表作者观点,不代表本站立场。", "本文地址:http://example.cn/1.html", "留言与评论(共有 0 条评论)",
         "  昵称:", "验证码:", "版权所有 某某网 2023")
    )
    text = page(above="导航菜单", below=below)
    start, end = parse_report(text).body
    assert text[start:end].rstrip() == REPORT
    assert text[end:].lstrip().startswith("本文仅代表作者观点")


# Line breaks of other systems: a web dump saved on Windows (CRLF) or an old Mac (CR)
# loses the same chrome, title and footer.
OTHER_LINE_BREAKS = [pytest.param("\r\n", id="crlf"), pytest.param("\r", id="cr")]


@pytest.mark.parametrize("newline", OTHER_LINE_BREAKS)
def test_chrome_title_and_footer_with_other_line_breaks(newline):
    text = page(above="导航菜单\n当前位置:首页", below="本文地址:http://example.cn/1.html\n版权所有").replace("\n", newline)
    report = parse_report(text)
    assert report.metadata.title.text == TITLE
    assert report.metadata.district == "南山区" and report.metadata.date == "2023-01-10"
    start, end = report.body
    assert start == text.index("各位代表")
    assert text[start:end].rstrip() == REPORT.replace("\n", newline)
    assert text[end:].startswith("本文地址")


# A page saved without line breaks is one line. When it opens like chrome, the line is
# still kept: chrome is words and links, never sentences. Rows: the line, its sentences
# and its figures, as read off the text.
ONE_LINE = [
    pytest.param(
        "导航菜单(辽宁省)大连市沙河口区人民政府工作报告(2022年12月24日)  (三)深化重点领域改革,营商环境持续优化。全年新增企业20家。",
        ["导航菜单(辽宁省)大连市沙河口区人民政府工作报告(2022年12月24日)  (三)深化重点领域改革,营商环境持续优化。",
         "全年新增企业20家。"],
        ["20家"],
        id="navigation-then-report",
    ),
    pytest.param(
        "当前位置:首页>政务公开>政府工作报告 各位代表:过去一年,全区新增就业1.2万人。今年新建学校3所!",
        ["当前位置:首页>政务公开>政府工作报告 各位代表:过去一年,全区新增就业1.2万人。", "今年新建学校3所!"],
        ["1.2万人", "3所"],
        id="breadcrumb-then-report",
    ),
    pytest.param(
        "来源：区政府办公室 发布时间：2023-01-12 各位代表：全年完成投资5亿元？",
        ["来源：区政府办公室 发布时间：2023-01-12 各位代表：全年完成投资5亿元？"],
        ["5亿元"],
        id="publishing-line-then-report",
    ),
]


@pytest.mark.parametrize("text, sentences, figures", ONE_LINE)
def test_a_report_on_one_line_is_read(text, sentences, figures):
    report = parse_report(text)
    assert report.body == (0, len(text))
    assert [s.text for s in report.sentences] == sentences
    assert [i.text for i in report.indicators] == figures


def test_a_line_of_chrome_alone_is_still_chrome():
    assert body_text("来源：区政府办公室\n导航菜单\n各位代表：全年完成投资5亿元。\n") == "各位代表：全年完成投资5亿元。"


def test_a_long_one_line_report_is_read_whole():
    """Half a megabyte on one line, opening with navigation: every sentence and figure
    is read (how the time grows with the size is measured by ``make bench``, not here)."""
    unit = "二、深化改革。全区新增市场主体1.2万户,增长8%,在全省率先推行“一网通办”。由45天压缩至20天。  "
    copies = 500_000 // len(unit)
    report = parse_report("导航菜单 " + unit * copies)
    counts = [len(report.sentences), len(report.indicators), len(report.claims), len(report.terms), len(report.relations)]
    # per copy: 3 sentences (3 stops); 1.2万户, 8%, 45天, 20天; one claim; one term; one change
    assert counts == [3 * copies, 4 * copies, copies, copies, copies]
    assert report.headings == []  # markers count only at the start of a line


def test_body_is_a_span_of_the_unchanged_text():
    text = page(above="导航菜单\n当前位置:首页", below="本文地址:http://example.cn/1.html")
    report = parse_report(text)
    assert report.text == text
    start, end = report.body
    assert start == text.index("各位代表")
    first = report.sections[0]
    assert first.start == text.index("一、2022年工作回顾")
    (jobs,) = [i for i in report.indicators if i.unit == "人"]
    assert text[jobs.start : jobs.end] == "1.5万人"
    assert jobs.start == text.index("1.5万人")


def test_page_without_title_loses_only_its_chrome():
    text = f"导航菜单\n当前位置:首页>公开\n{REPORT}\n本文地址:http://example.cn/1.html\n"
    report = parse_report(text)
    assert body_text(text) == REPORT
    assert report.metadata.title is None
    assert any("no title" in note for note in report.notes)


def test_page_of_chrome_only_has_an_empty_body():
    text = "导航菜单\n网站首页\n当前位置:首页"
    report = parse_report(text)
    start, end = report.body
    assert start == end
    assert report.sections == [] and report.indicators == []


def test_body_starts_after_title_even_without_chrome():
    text = f"{TITLE}\n{REPORT}"
    assert find_body(text, find_title(text)) == (text.index("各位代表"), len(text))
