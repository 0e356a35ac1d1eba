"""The shape of a report: parts and their periods, policy sections, items, the
appendix, and headings in text saved without its line breaks. Texts written for these
tests; expected values read off them."""

from __future__ import annotations

import pytest

from sdr_analysis import SectionNotFound, parse_report
from sdr_analysis.outline import period_of_text, period_of_title

TITLE = "某市人民政府工作报告\n"


def shape(text: str) -> list[tuple[str, str, list[str]]]:
    """(part marker, period, section markers) of each part."""
    return [(p.marker, p.period, [s.marker for s in p.sections]) for p in parse_report(text).parts]


# Parts: which headings are parts, and which sections hang under them.
PARTS = [
    pytest.param(
        TITLE + "一、2025年工作回顾\n（一）经济增长。\n增长5%。\n（二）民生改善。\n二、2026年工作安排\n（一）稳增长。\n三、政府自身建设\n严守纪律。\n",
        [("一、", "review", ["（一）", "（二）"]), ("二、", "plan", ["（一）"]), ("三、", "government", ["三、"])],
        id="three-parts-last-without-sections",
    ),
    pytest.param(
        TITLE + "第一部分 过去一年工作回顾\n一、经济。\n二、民生。\n第二部分 今年主要任务\n一、投资。\n",
        [("第一部分", "review", ["一、", "二、"]), ("第二部分", "plan", ["一、"])],
        id="numbered-parts-with-comma-sections",
    ),
    pytest.param(
        TITLE + "“十四五”时期工作回顾\n五年来成绩显著。\n2026年重点工作\n（一）抓投资。\n（二）促消费。\n",
        [("", "review", [""]), ("", "plan", ["（一）", "（二）"])],  # a part as its own section keeps its (empty) marker
        id="unmarked-part-titles",
    ),
    pytest.param(
        TITLE + "一、2025年工作回顾\n一是稳增长。二是惠民生。\n——这一年，我们迎难而上。\n二、2026年工作安排\n（一）抓投资。\n",
        [("一、", "review", ["一、"]), ("二、", "plan", ["（一）"])],
        id="openers-and-dash-leads-are-not-sections",
    ),
    pytest.param(
        TITLE + "一、“十五五”时期主要目标任务\n到2030年，经济总量迈上新台阶。\n二、2026年重点工作\n（一）抓投资。\n",
        [("一、", "five_year", ["一、"]), ("二、", "plan", ["（一）"])],
        id="five-year-part",
    ),
    # two parts titled by the year of their work: the earlier is the review
    pytest.param(
        TITLE + "一、2023年主要工作\n全市生产总值增长6%。\n二、2024年主要工作\n（一）抓项目。\n（二）促消费。\n",
        [("一、", "review", ["一、"]), ("二、", "plan", ["（一）", "（二）"])],
        id="parts-titled-by-year",
    ),
    pytest.param(
        TITLE + "一、2023年工作情况\n全市生产总值增长6%。\n二、2024年工作安排\n（一）抓项目。\n",
        [("一、", "review", ["一、"]), ("二、", "plan", ["（一）"])],
        id="work-situation-is-a-review",
    ),
    # a five-year horizon does not make the coming year's plan a review
    pytest.param(
        TITLE + "一、“十五五”时期目标和2035年远景\n到2035年基本实现现代化。\n二、2026年重点工作\n（一）抓投资。\n",
        [("一、", "five_year", ["一、"]), ("二、", "plan", ["（一）"])],
        id="plan-after-a-long-horizon",
    ),
    # unmarked part titles that open with a slogan and a colon: the middle one names no
    # period, but has its siblings' shape
    pytest.param(
        TITLE + "各位代表：\n  现在，我代表县人民政府向大会报告工作，请予审议。\n  乘势而上：2023年工作回顾 \n"
        "  一年来，全县经济增长6%，完成了各项任务。\n  奋楫争先：全力冲刺高质量发展新跨越 \n  今年要抓好以下工作：\n"
        "  （一）抓项目。今年新开工项目20个。\n  （二）促消费。力争消费增长8%。\n  担当作为：全面加强政府自身建设\n  我们将严守纪律。\n",
        [("", "review", [""]), ("", "plan", ["（一）", "（二）"]), ("", "government", [""])],
        id="slogan-part-titles",
    ),
]


@pytest.mark.parametrize("text, expected", PARTS)
def test_parts_and_their_sections(text, expected):
    assert shape(text) == expected


def test_a_report_without_parts_has_one_implied_part():
    text = "（三）深化改革。去年新增企业1200家，同比增长12%。\n（四）改善民生。城镇新增就业2万人，实现了稳就业目标。\n"
    report = parse_report(text)
    (part,) = report.parts
    assert part.implied and part.marker == "" and part.period == "review"
    assert [s.key for s in report.sections] == ["三", "四"]
    assert report.missing_sections == ["一", "二"]


def test_heading_kinds():
    text = TITLE + "一、2025年工作回顾\n（一）经济增长。\n1.工业增长。\n一是产值提高。\n二、2026年工作安排\n抓落实。\n"
    assert [(h.marker, h.kind) for h in parse_report(text).headings] == [
        ("一、", "part"), ("（一）", "section"), ("1.", "item"), ("一是", "item"), ("二、", "part"),
    ]


def test_section_keys_and_lookup():
    text = TITLE + "一、2025年工作回顾\n（一）经济。\n（二）民生。\n二、2026年工作安排\n（一）投资。\n三、政府自身建设\n守纪律。\n"
    report = parse_report(text)
    assert [s.key for s in report.sections] == ["一.一", "一.二", "二.一", "三"]
    assert report.section("二.一").title == "投资。"
    assert report.section("2-1").key == "二.一"
    assert report.section("3").key == "三" and report.section("3").slug == "3"
    assert report.section("一.二").slug == "1-2"
    with pytest.raises(SectionNotFound, match="一.一, 一.二, 二.一, 三"):
        report.section("一")  # (一) is in two parts: ambiguous


def test_missing_parts_and_sections():
    text = TITLE + "一、2025年工作回顾\n（一）经济。\n（三）民生。\n三、2026年工作安排\n（一）投资。\n"
    assert parse_report(text).missing_sections == ["二", "一.二"]


# Periods from part titles, in the wordings reports use.
PERIOD_TITLES = [
    ("2025年工作回顾", "review"),
    ("过去五年工作回顾", "review"),
    ("“十四五”时期发展成就和2025年工作回顾", "review"),
    ("2025年工作总结和“十四五”发展成就", "review"),
    ("新征程上取得新进展新成效", "review"),
    ("2026年重点工作", "plan"),
    ("关于2026年工作", "plan"),
    ("对2018年政府工作的建议", "plan"),
    ("“十五五”时期主要目标和2026年重点工作", "plan"),
    ("全力推动“十五五”开好局、起好步", "plan"),
    ("“十五五”时期主要目标任务", "five_year"),
    ("“十三五”经济社会发展的主要目标和任务", "five_year"),
    ("加强政府自身建设", "government"),
    ("全面提升政府治理效能", "government"),
    ("努力建设人民满意的服务型政府", "government"),
    ("奋力谱写新篇章", None),
]


@pytest.mark.parametrize("title, period", PERIOD_TITLES)
def test_period_of_title(title, period):
    assert period_of_title(title) == period


PERIOD_TEXTS = [
    pytest.param("过去一年，地区生产总值增长5.2%，同比提高0.3个百分点。一年来，新增就业3万人。", "review", id="past-results"),
    pytest.param("今年要抓好投资，力争增长6%，确保就业稳定。我们将加快项目建设。", "plan", id="this-year"),
    pytest.param("到2030年，要基本建成现代化产业体系，“十五五”时期将着力扩大内需。", "five_year", id="five-year-horizon"),
    pytest.param("城市美丽，山川秀美。", "other", id="no-cues"),
]


@pytest.mark.parametrize("text, period", PERIOD_TEXTS)
def test_period_of_text(text, period):
    assert period_of_text(text) == period


# The appendix: what follows the closing and opens an appendix is not report body.
CLOSING = "各位代表！\n让我们团结奋斗，再创佳绩！\n"


@pytest.mark.parametrize(
    "tail, appendix_opens",
    [
        pytest.param("附件1\n2026年十件民生实事\n一、提高低保标准。\n二、新建学校5所。\n", "附件1", id="annex"),
        pytest.param("附件\n民生实事\n新建学校5所，新增学位3000个。\n", "附件", id="annex-figures"),
        pytest.param("名词解释\n1.“两新”：大规模设备更新和消费品以旧换新。\n", "名词解释", id="glossary"),
        pytest.param("附：名词解释\n1.专精特新：指专业化、精细化、特色化、新颖化。\n", "附：名词解释", id="glossary-after-fu"),
        pytest.param("※名词解释※\n[1]两不愁三保障：即不愁吃、不愁穿。\n", "※名词解释※", id="glossary-ornaments"),
        pytest.param("【名词解释】\n1.专精特新：指专业化、精细化。\n", "【名词解释】", id="glossary-brackets"),
        # a table flattened one cell per line, then a list whose items look like parts
        pytest.param("附件1：2026年十大工程\n序号\n项目名称\n投资额（亿元）\n1\n县城供热管网改造工程\n2.5\n2\n一、二级公路提升工程\n3\n"
                     "附件2：2025年十大工程进展情况\n一、供热工程。已完工。\n三、道路工程。完成投资3亿元。\n",
                     "附件1：", id="annex-title-on-its-line"),
        pytest.param("", None, id="none"),
    ],
)
def test_appendix_after_the_closing(tail, appendix_opens):
    body = TITLE + "一、2025年工作回顾\n经济增长5%。\n" + "民生持续改善，群众获得感不断增强。\n" * 8 + "二、2026年工作安排\n（一）投资。\n新开工项目30个。\n"
    text = body + CLOSING + tail
    report = parse_report(text)
    if appendix_opens is None:
        assert report.appendix is None
        return
    assert report.appendix.start == text.index(appendix_opens) and report.appendix.end == len(text)
    assert text[report.appendix.start : report.appendix.end] == report.appendix.text
    # its headings are listed as appendix items, never as parts or sections
    inside = [h for h in report.headings if h.start >= report.appendix.start]
    assert all(h.appendix and h.kind == "item" for h in inside)
    assert [p.marker for p in report.parts] == ["一、", "二、"]
    # its figures are found, and belong to no section
    inside_figures = [i for i in report.indicators if i.start >= report.appendix.start]
    assert all(i.section is None for i in inside_figures)
    assert all(i.start < report.appendix.start for s in report for i in s.indicators)
    assert any("appendix" in note for note in report.notes)


#: A document-sharing site's notices under the report, numbered like items.
NOTICE = ("1、下载文档前请自行甄别文档内容的完整性，平台不提供额外的编辑、内容补充、找答案等附加服务。\n"
          "2、“仅部分预览”的文档，不可在线预览部分如存在完整性等问题，可反馈申请退款。\n"
          "3、如文档侵犯您的权益，请联系客服反馈，我们会尽快为您处理（人工客服工作时间：9:00-18:30）。\n")


@pytest.mark.parametrize("closing", [CLOSING, ""], ids=["after-the-closing", "no-closing"])
def test_a_document_sharing_notice_is_page_chrome_not_sections(closing):
    text = TITLE + "一、经济运行稳中有进\n全县生产总值增长6%。\n二、民生保障持续加强\n新增就业3000人。\n" + closing + NOTICE
    report = parse_report(text)
    assert [(s.marker, s.title) for s in report.sections] == [("一、", "经济运行稳中有进"), ("二、", "民生保障持续加强")]
    assert report.parts[0].implied and report.document.body[1] <= text.index("1、下载")
    assert not [h for h in report.headings if h.start >= text.index("1、下载")]


def test_an_annex_line_in_the_body_is_not_an_appendix():
    text = TITLE + "一、2025年工作回顾\n附件\n经济增长5%。\n" + "民生持续改善。\n" * 5 + "二、2026年工作安排\n（一）投资。\n" + CLOSING
    assert parse_report(text).appendix is None


# Headings in text saved without its line breaks, and other hard cases.
def test_a_marker_running_on_after_a_sentence_continues_its_sequence():
    text = TITLE + "一、2025年工作回顾\n（一）经济增长。增长5%。（二）民生改善。新增就业2万人。（三）城市更新。改造小区30个。\n二、2026年工作安排\n抓落实。\n"
    report = parse_report(text)
    assert [(s.marker, s.start) for s in report.parts[0].sections] == [
        ("（一）", text.index("（一）")), ("（二）", text.index("（二）")), ("（三）", text.index("（三）")),
    ]
    assert report.section("一.二").title == "民生改善。"


def test_a_numeral_in_running_text_is_not_a_marker():
    text = TITLE + "一、2025年工作回顾\n（一）经济增长。一、二季度增长较快。（五）是去年的重点。\n二、2026年工作安排\n抓落实。\n"
    assert [s.marker for s in parse_report(text).parts[0].sections] == ["（一）"]


def test_a_bracket_alone_at_a_line_end_joins_its_numeral():
    text = TITLE + "一、2025年工作回顾\n（一）经济增长。\n增长5%。\n（\n二）民生改善。\n新增就业2万人。\n"
    report = parse_report(text)
    second = report.parts[0].sections[1]
    assert second.marker == "（\n二）" and second.start == text.index("（\n二）") and second.title == "民生改善。"


def test_a_part_title_glued_to_its_paragraph_stops_where_the_title_does():
    text = "一、2014年工作回顾过去的一年，面对复杂形势，我们攻坚克难，全区经济保持平稳较快发展。\n（一）经济增长。\n二、2015年工作安排\n抓落实。\n"
    assert parse_report(text).parts[0].title == "2014年工作回顾"


def test_a_plan_title_glued_to_its_paragraph_with_half_width_sections():
    text = (TITLE + "一、2023年工作回顾\n全县生产总值增长6%。\n二、2024年工作任务今年是全面贯彻落实党的二十大精神的开局之年，"
            "做好今年工作意义重大，我们要坚定信心、真抓实干。\n(一) 抓项目。新开工项目20个。\n(二) 促消费。\n")
    plan = parse_report(text).parts[1]
    assert (plan.title, plan.period) == ("2024年工作任务", "plan")
    assert [(s.marker, s.title, s.start) for s in plan.sections] == [
        ("(一)", "抓项目。", text.index("(一)")), ("(二)", "促消费。", text.index("(二)"))]


@pytest.mark.parametrize(
    "date_line",
    ["——2026年1月27日在某市第十六届人民代表大会第四次会议上", "——二〇二六年一月二十七日在某市第十六届人民代表大会第四次会议上"],
    ids=["arabic", "chinese-numerals"],
)
def test_a_date_line_is_never_a_heading(date_line):
    text = "某市政府工作报告\n" + date_line + "\n一、2025年工作回顾\n经济增长5%。\n"
    assert [h.marker for h in parse_report(text).headings] == ["一、"]


@pytest.mark.parametrize(
    "opening, note",
    [
        ("——2017年2月11日在江口市望江区第十四届人民代表大会第六次会议上\n", "place and date read from the opening lines"),
        ("", "place and date unknown"),
    ],
    ids=["date-line-names-the-place", "nothing-names-it"],
)
def test_a_report_without_a_title_line_says_where_place_and_date_come_from(opening, note):
    notes = parse_report(opening + "各位代表：\n一、2016年工作回顾\n经济增长5%。\n").notes
    assert [n for n in notes if n.startswith("no title line")] == [f"no title line naming the report: {note}"]
