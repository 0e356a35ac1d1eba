"""Document structure: headings and their levels, section spans, paragraph themes,
sentences, missing sections and section lookup."""

from __future__ import annotations

import pytest

from sdr_analysis import SdrError, SectionNotFound, parse_report
from sdr_analysis.structure import split_sentences


def headings(text: str) -> list[tuple[str, str, int, str]]:
    """(marker, number, level, title) of every heading."""
    return [(h.marker, h.number, h.level, h.title) for h in parse_report(text).headings]


# One heading style per document: the marker as written, its numeral, and the title.
STYLES = [
    pytest.param(
        "第一部分 过去五年工作回顾\n  五年来,全区经济持续向好。\n第二部分 今后五年总体要求\n  坚持稳中求进。",
        [("第一部分", "一", 1, "过去五年工作回顾"), ("第二部分", "二", 1, "今后五年总体要求")],
        id="part",
    ),
    pytest.param(
        "一、2022年工作回顾\n  经济运行稳中有进。\n二、2023年主要任务\n  抓好项目建设。",
        [("一、", "一", 1, "2022年工作回顾"), ("二、", "二", 1, "2023年主要任务")],
        id="cn-comma",
    ),
    pytest.param(
        "(一)聚焦产业升级,经济实力稳步增强。全年引进项目40个。\n(二)聚焦民生实事,群众获得感不断提升。",
        [("(一)", "一", 1, "聚焦产业升级,经济实力稳步增强。"), ("(二)", "二", 1, "聚焦民生实事,群众获得感不断提升。")],
        id="cn-paren-halfwidth",
    ),
    pytest.param(
        "（一）坚持创新驱动，发展动能持续增强。\n（二）坚持生态优先，城乡面貌焕然一新。",
        [("（一）", "一", 1, "坚持创新驱动，发展动能持续增强。"), ("（二）", "二", 1, "坚持生态优先，城乡面貌焕然一新。")],
        id="cn-paren-fullwidth",
    ),
    pytest.param(
        "1.推进城市更新。改造老旧小区30个。\n2.优化营商环境。新增市场主体8000户。",
        [("1.", "1", 1, "推进城市更新。"), ("2.", "2", 1, "优化营商环境。")],
        id="arabic-point",
    ),
    pytest.param(
        "1、推进乡村振兴\n2、加强生态保护",
        [("1、", "1", 1, "推进乡村振兴"), ("2、", "2", 1, "加强生态保护")],
        id="arabic-comma",
    ),
    pytest.param(
        "(1)完善养老服务体系。\n(2)提升医疗服务能力。",
        [("(1)", "1", 1, "完善养老服务体系。"), ("(2)", "2", 1, "提升医疗服务能力。")],
        id="arabic-paren",
    ),
    pytest.param(
        "十一、加强政府自身建设\n十二、结束语",
        [("十一、", "十一", 1, "加强政府自身建设"), ("十二、", "十二", 1, "结束语")],
        id="two-character-numeral",
    ),
    # indentation before the marker (full-width spaces too) does not hide a heading
    pytest.param(
        "\u3000\u3000(一)深化改革开放。\n  (二)推进绿色发展。",
        [("(一)", "一", 1, "深化改革开放。"), ("(二)", "二", 1, "推进绿色发展。")],
        id="indented",
    ),
]


@pytest.mark.parametrize("text, expected", STYLES)
def test_heading_styles(text, expected):
    assert headings(text) == expected


# Lines that open like a heading but are not one.
NOT_HEADINGS = [
    pytest.param("1.5万名志愿者参与创城。", id="decimal-at-line-start"),
    pytest.param("2022年,全区经济运行稳中向好。", id="year-at-line-start"),
    pytest.param("(三)", id="marker-without-title"),
    pytest.param("我们坚持(一)手抓发展、一手抓安全。", id="marker-inside-line"),
    pytest.param("“一、二、三”工作法全面推开。", id="marker-after-quote"),
    pytest.param("十四五、规划纲要全面实施。", id="numeral-that-is-not-a-number"),
]


@pytest.mark.parametrize("text", NOT_HEADINGS)
def test_not_headings(text):
    assert headings(text) == []


# Levels follow what the document actually nests; which style is outer comes from the
# style order (第一部分, 一、, (一), 1., (1), ——, 一是).
LEVELS = [
    pytest.param("(一)甲项工作。\n(二)乙项工作。", [1, 1], id="only-paren-is-level-1"),
    pytest.param("1.甲项工作。\n2.乙项工作。", [1, 1], id="only-arabic-is-level-1"),
    pytest.param("一、工作回顾\n(一)经济发展。\n(二)社会事业。\n二、工作安排\n(一)稳增长。",
                 [1, 2, 2, 1, 2], id="comma-then-paren"),
    pytest.param("一、工作回顾\n(一)经济发展。\n1.工业。\n2.服务业。\n(二)社会事业。",
                 [1, 2, 3, 3, 2], id="three-levels"),
    pytest.param("(一)经济发展。\n1.工业。\n2.服务业。", [1, 2, 2], id="paren-then-arabic"),
    pytest.param("第一部分 回顾\n一、经济\n(一)工业。\n第二部分 安排\n一、目标", [1, 2, 3, 1, 2], id="part-outermost"),
    # a heading with nothing open above it is at level 1, whatever its style
    pytest.param("(一)经济发展。\n一、工作回顾", [1, 1], id="nothing-open-above"),
    # one part uses 一、 then (一), the next goes straight to (一): level 2 there
    pytest.param("第一部分 回顾\n一、经济\n(一)工业。\n第二部分 安排\n(一)目标。", [1, 2, 3, 1, 2], id="depth-as-nested"),
]


@pytest.mark.parametrize("text, levels", LEVELS)
def test_heading_levels(text, levels):
    assert [level for *_, level, _ in headings(text)] == levels


def test_parts_hold_their_sections_and_span_them():
    text = "一、工作回顾\n(一)经济发展。\n  全年增长6%。\n(二)社会事业。\n二、工作安排\n(一)稳增长。\n  抓项目。"
    report = parse_report(text)
    assert [(p.marker, p.period) for p in report.parts] == [("一、", "review"), ("二、", "plan")]
    first, second = report.parts
    assert (first.start, first.end) == (0, text.index("二、"))
    assert (second.start, second.end) == (text.index("二、"), len(text))
    assert [s.key for s in report.sections] == ["一.一", "一.二", "二.一"]
    assert [s.key for s in first.sections] == ["一.一", "一.二"]
    inner = [h for h in report.headings if h.level == 2]
    assert inner[0].end == text.index("(二)")
    assert inner[1].end == text.index("二、")
    assert [h.kind for h in report.headings] == ["part", "section", "section", "part", "section"]
    for section in report.headings:
        assert text[section.start : section.end] == section.text
        assert text[section.title_start : section.title_end] == section.title


def test_section_ends_at_footer():
    text = "(一)经济发展。\n  全年增长6%。\n本文地址:http://example.cn/1.html\n留言与评论"
    (section,) = parse_report(text).sections
    assert section.end == text.index("本文地址")


# Titles: from after the marker to the first 。 (kept) or the end of the line.
TITLES = [
    pytest.param("(一)产业转型加快推进,新动能加速集聚。全年新增高新技术企业50家。", "产业转型加快推进,新动能加速集聚。",
                 id="to-first-stop"),
    pytest.param("一、过去一年的工作", "过去一年的工作", id="to-line-end"),
    pytest.param("(二) 城乡建设提速 ", "城乡建设提速", id="spaces-trimmed"),
    pytest.param("1.民生保障更加有力。低保标准提高。", "民生保障更加有力。", id="arabic-first-stop"),
    pytest.param("（三）生态环境持续改善！空气优良天数比例提高。", "生态环境持续改善！空气优良天数比例提高。",
                 id="only-full-stop-ends-title"),
]


@pytest.mark.parametrize("line, title", TITLES)
def test_heading_titles(line, title):
    (heading,) = parse_report(line).headings
    assert heading.title == title


# Paragraph themes: a short lead sentence without a comma names the theme.
THEMES = [
    pytest.param("  营商环境持续优化。全年新增市场主体1.2万户。", "营商环境持续优化。", id="lead-sentence"),
    pytest.param("\u3000\u3000乡村振兴扎实推进。建成美丽乡村示范村8个。", "乡村振兴扎实推进。", id="fullwidth-indent"),
    pytest.param("  城市功能不断完善。", "城市功能不断完善。", id="theme-only-paragraph"),
    pytest.param("  全年新增市场主体1.2万户,增长8%。", None, id="comma-halfwidth"),
    pytest.param("  全年新增市场主体1.2万户，增长8%。", None, id="comma-fullwidth"),
    pytest.param("  坚持稳中求进；推动高质量发展。", None, id="semicolon"),
    pytest.param("  全区上下团结一心攻坚克难推动经济社会发展取得新成效。", None, id="too-long"),
    pytest.param("  城市更新全面提速", None, id="no-full-stop"),
]


@pytest.mark.parametrize("line, theme", THEMES)
def test_paragraph_theme(line, theme):
    (paragraph,) = parse_report(line).paragraphs
    assert (paragraph.theme.text if paragraph.theme else None) == theme
    if paragraph.theme:
        assert line[paragraph.theme.start : paragraph.theme.end] == theme


def test_heading_line_has_no_theme():
    text = "(一)经济发展。\n  产业结构不断优化。新增企业10家。"
    heading_paragraph, body_paragraph = parse_report(text).paragraphs
    assert heading_paragraph.theme is None
    assert body_paragraph.theme.text == "产业结构不断优化。"


def test_paragraphs_know_their_section():
    text = "一、回顾\n  经济平稳。\n(一)工业。\n  工业增长。\n二、安排\n  抓好落实。"
    # part 一's opening paragraph is in no section; part 二 has no (一) and is its own section
    assert [(p.text, p.section) for p in parse_report(text).paragraphs] == [
        ("一、回顾", None), ("经济平稳。", None), ("(一)工业。", "一.一"), ("工业增长。", "一.一"),
        ("二、安排", "二"), ("抓好落实。", "二"),
    ]


# Sentences end at 。！？ and keep closing quotes and brackets after the stop.
SENTENCES = [
    pytest.param("经济平稳。民生改善。", ["经济平稳。", "民生改善。"], id="full-stops"),
    pytest.param("群众说:“办事更方便了。”政务服务再提速。", ["群众说:“办事更方便了。”", "政务服务再提速。"],
                 id="closing-quote-kept"),
    pytest.param("他说：“真好！”大家都笑了。", ["他说：“真好！”", "大家都笑了。"], id="exclamation-and-quote"),
    pytest.param("（详见附件。）下面讲三点意见。", ["（详见附件。）", "下面讲三点意见。"], id="closing-bracket-kept"),
    pytest.param("这是为什么？因为我们坚持了改革!继续努力?", ["这是为什么？", "因为我们坚持了改革!", "继续努力?"],
                 id="question-marks-ascii"),
    pytest.param("成绩来之不易。我们清醒看到", ["成绩来之不易。", "我们清醒看到"], id="trailing-piece"),
    pytest.param("  前有空格。  后有空格。  ", ["前有空格。", "后有空格。"], id="spaces-trimmed"),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_sentences(text, expected):
    found = split_sentences(text, 0, len(text))
    assert [s.text for s in found] == expected
    for s in found:
        assert text[s.start : s.end] == s.text


def test_sentences_do_not_cross_lines():
    text = "第一行没有句号\n第二行有句号。"
    assert [s.text for s in parse_report(text).sentences] == ["第一行没有句号", "第二行有句号。"]


# Missing sections: numbers absent from the outermost sequence.
MISSING = [
    pytest.param("(三)甲。\n(四)乙。\n(五)丙。", ["一", "二"], id="starts-at-three"),
    pytest.param("一、甲\n二、乙\n四、丁", ["三"], id="gap"),
    pytest.param("一、甲\n二、乙\n三、丙", [], id="complete"),
    pytest.param("2.甲。\n3.乙。", ["1"], id="arabic-starts-at-two"),
    # 一、 holding (三) makes 一、 a part, whose (一) and (二) are missing; 二、 is a part of its own
    pytest.param("一、甲\n(三)子项。\n二、乙", ["一.一", "一.二"], id="missing-inside-a-part"),
    pytest.param("只有正文,没有标题。", [], id="no-headings"),
]


@pytest.mark.parametrize("text, missing", MISSING)
def test_missing_sections(text, missing):
    assert parse_report(text).missing_sections == missing


def test_partial_report_is_noted_not_renumbered():
    report = parse_report("(三)甲。\n(四)乙。")
    assert [s.number for s in report.sections] == ["三", "四"]
    assert [s.ordinal for s in report.sections] == [3, 4]
    assert any("(三)" in note and "一, 二" in note for note in report.notes)


def test_text_without_headings_is_noted():
    report = parse_report("只有正文,没有标题。")
    assert report.sections == []
    assert any("no numbered headings" in note for note in report.notes)


LOOKUP_TEXT = "(三)深化改革。\n  改革有力。\n(四)保障民生。\n  民生改善。\n(五)提升品质。\n  城区更美。"

# The ways a caller may name section 五.
LOOKUPS = [
    pytest.param("五", id="numeral"),
    pytest.param("5", id="arabic"),
    pytest.param("(五)", id="marker"),
    pytest.param("（五）", id="marker-fullwidth"),
    pytest.param(" 五 ", id="spaces"),
]


@pytest.mark.parametrize("name", LOOKUPS)
def test_section_lookup(name):
    section = parse_report(LOOKUP_TEXT).section(name)
    assert section.number == "五"
    assert section.title == "提升品质。"
    assert [p.text for p in section.paragraphs] == ["(五)提升品质。", "城区更美。"]
    assert [t.text for t in section.themes] == ["城区更美。"]


@pytest.mark.parametrize("name", ["一", "6", "(九)", "第五"])
def test_section_not_found_lists_the_sections(name):
    with pytest.raises(SectionNotFound) as info:
        parse_report(LOOKUP_TEXT).section(name)
    assert info.value.available == ["三", "四", "五"]
    assert info.value.number == name
    assert "三, 四, 五" in str(info.value)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, SdrError)


def test_iterating_a_report_gives_its_sections():
    assert [s.number for s in parse_report(LOOKUP_TEXT)] == ["三", "四", "五"]


def test_parts_are_the_outermost_part_style_even_after_openers():
    report = parse_report("各位代表:\n一是守底线。\n一、工作回顾\n(一)经济。\n二、工作安排\n")
    assert [p.marker for p in report.parts] == ["一、", "二、"]
    # 一、 holds (一); 二、 holds no section and is its own
    assert [s.marker for s in report.sections] == ["(一)", "二、"]
    assert [h.kind for h in report.headings] == ["item", "part", "section", "part"]
    assert [(h.marker, h.level) for h in report.headings] == [("一是", 1), ("一、", 1), ("(一)", 2), ("二、", 1)]


# Dash leads (——…) are headings without numerals: they are numbered 1, 2… in reading
# order, so that each can be looked up and written up on its own. Rows: the text, then
# (marker, number, title, start, end) of each section, with the offsets read off the
# text (the title line is 11 characters and its newline 1, so the first lead is at 12;
# the last section runs to the end of the text, its final newline included).
DASH_LEADS = [
    pytest.param(
        "某某市人民政府工作报告\n——这五年,我们砥砺前行。投资5亿元。\n",
        [("——", "1", "这五年,我们砥砺前行。", 12, 32)],
        id="one-lead-under-a-title",
    ),
    # the smallest input that once raised IndexError
    pytest.param("某某市人民政府工作报告\n——丸", [("——", "1", "丸", 12, 15)], id="one-character-lead"),
    pytest.param(
        "某某市人民政府工作报告\n——这五年,经济增长。\n——这五年,民生改善。\n",
        [("——", "1", "这五年,经济增长。", 12, 24), ("——", "2", "这五年,民生改善。", 24, 36)],
        id="two-leads",
    ),
]


@pytest.mark.parametrize("text, expected", DASH_LEADS)
def test_dash_leads_are_numbered_sections(text, expected):
    report = parse_report(text)
    assert [(s.marker, s.number, s.title, s.start, s.end) for s in report.sections] == expected
    assert report.missing_sections == []
    assert not any("duplicate" in note for note in report.notes)
    for _marker, number, title, *_ in expected:
        assert report.section(number).title == title


# Line endings: LF (Unix), CR (old Mac OS) and CRLF (Windows) read alike, and offsets
# index the text as it is, line breaks and all. Rows: the text, then (marker, start,
# end) of each section and (text, start) of each figure, counted by hand: the title
# is 11 characters, each heading 6, 投资5亿元。 6 and 新建学校3所。 7.
LINE_ENDINGS = [
    pytest.param(
        "某某市人民政府工作报告\r一、工作回顾\r投资5亿元。\r二、今年安排\r新建学校3所。\r",
        [("一、", 12, 26), ("二、", 26, 41)], [("5亿元", 21), ("3所", 37)],
        id="cr",
    ),
    pytest.param(
        "某某市人民政府工作报告\n一、工作回顾\n投资5亿元。\n二、今年安排\n新建学校3所。\n",
        [("一、", 12, 26), ("二、", 26, 41)], [("5亿元", 21), ("3所", 37)],
        id="lf",
    ),
    pytest.param(
        "某某市人民政府工作报告\r\n一、工作回顾\r\n投资5亿元。\r\n二、今年安排\r\n新建学校3所。\r\n",
        [("一、", 13, 29), ("二、", 29, 46)], [("5亿元", 23), ("3所", 41)],
        id="crlf",
    ),
    # a file edited on several systems: each break read as what it is
    pytest.param(
        "某某市人民政府工作报告\r\n一、工作回顾\r投资5亿元。\n二、今年安排\r\n新建学校3所。\r",
        [("一、", 13, 27), ("二、", 27, 43)], [("5亿元", 22), ("3所", 39)],
        id="mixed",
    ),
]


@pytest.mark.parametrize("text, sections, figures", LINE_ENDINGS)
def test_line_endings(text, sections, figures):
    report = parse_report(text)
    assert report.text == text
    assert report.metadata.title.text == "某某市人民政府工作报告"
    assert [(s.marker, s.start, s.end) for s in report.sections] == sections
    assert [s.title for s in report.sections] == ["工作回顾", "今年安排"]
    assert [(i.text, i.start) for i in report.indicators] == figures
    assert [p.text for p in report.paragraphs] == ["一、工作回顾", "投资5亿元。", "二、今年安排", "新建学校3所。"]
    for found in (*report.sections, *report.paragraphs, *report.sentences, *report.indicators):
        assert text[found.start : found.end] == found.text


# Headings stand over text: 20 heading lines that start within fewer than 600 bytes
# (UTF-8) are no outline, and are read as text. Rows: the text and the (marker, number)
# of each section. Bytes counted by hand: "（一）发展。\n" is 19 (six characters of three
# bytes, and the line break), "（十一）发展。\n" 22, so twenty of them start within
# 10 x 19 + 9 x 22 = 388 bytes; "新建学校5所。\n" is 20, "一、总体要求\n" 19.
TWENTY = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
          "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"]
PACKED_HEADINGS = [
    pytest.param("".join(f"（{n}）发展。\n" for n in TWENTY[:19]),
                 [(f"（{n}）", n) for n in TWENTY[:19]], id="nineteen-headings-in-a-row-are-sections"),
    pytest.param("".join(f"（{n}）发展。\n" for n in TWENTY), [], id="twenty-within-388-bytes-are-text"),
    pytest.param("（一）加快发展。\n" * 40, [], id="one-heading-repeated-is-text"),
    pytest.param("一、总体要求\n" * 40, [], id="one-part-heading-repeated-is-text"),
    pytest.param("".join(f"（{n}）发展。\n新建学校5所。\n" for n in TWENTY),
                 [(f"（{n}）", n) for n in TWENTY], id="twenty-over-text-are-sections"),
]


@pytest.mark.parametrize("text, expected", PACKED_HEADINGS)
def test_headings_packed_closer_than_an_outline_are_text(text, expected):
    report = parse_report(text)
    assert [(s.marker, s.number) for s in report.sections] == expected
    if not expected:
        assert report.headings == []
        assert [p.text for p in report.paragraphs] == text.splitlines()
