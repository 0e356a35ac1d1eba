"""A Word file whose headings Word numbers itself (list numbering in ``numbering.xml``,
referenced by a paragraph's ``w:numPr`` or by its style's) reads with the markers its
reader sees (``一、``, ``（一）``, ``1.``), so its parts and sections are found. The
files are made here with python-docx; the markers expected are written from the
numbering each test puts in its file, counted as Word counts."""

from __future__ import annotations

import io

import pytest

from sdr_analysis import load_report
from sdr_analysis.docx_numbering import chinese_counting, number_text
from sdr_analysis.formats import docx_text

docx = pytest.importorskip("docx", reason="python-docx writes the Word files")
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402

W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W_URI}"'


def level(ilvl: int, fmt: str, text: str, start: str = "1", extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(key: int, *levels: str) -> str:
    return f'<w:abstractNum {NS} w:abstractNumId="{key}">{"".join(levels)}</w:abstractNum>'


def num(key: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num {NS} w:numId="{key}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def start_override(ilvl: int, value: str) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'


#: The report's outline: 一、 and （一） in Chinese counting, 1. in decimal.
OUTLINE = abstract(
    90,
    level(0, "chineseCounting", "%1、"),
    level(1, "chineseCounting", "（%2）"),
    level(2, "decimal", "%3."),
)
#: A list of its own: 1. 2. …
DECIMAL = abstract(91, level(0, "decimal", "%1."))


def with_numbering(document, *definitions: str) -> None:
    """Put numbering definitions in the document's numbering part: the abstractNums
    before the first num, as the schema orders them."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W_URI}}}num")
    for xml in definitions:
        element = parse_xml(xml)
        if element.tag.endswith("}abstractNum") and first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)


def num_pr(num_id=None, ilvl=None) -> object:
    inner = (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + (f'<w:numId w:val="{num_id}"/>' if num_id is not None else "")
    return parse_xml(f"<w:numPr {NS}>{inner}</w:numPr>")


def numbered(document, text: str, num_id=None, ilvl=None, style: str | None = None):
    paragraph = document.add_paragraph(text, style=style)
    if num_id is not None or ilvl is not None:
        paragraph._p.get_or_add_pPr().append(num_pr(num_id, ilvl))
    return paragraph


def numbered_style(document, name: str, num_id=None, ilvl=None, based_on: str = "Normal"):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[based_on]
    if num_id is not None or ilvl is not None:
        style.element.get_or_add_pPr().append(num_pr(num_id, ilvl))
    return style


def text_of(document) -> str:
    out = io.BytesIO()
    document.save(out)
    return docx_text(out.getvalue(), "numbered.docx")


# a report numbered by Word

OPENING = [
    "某某县人民政府工作报告",
    "——2024年1月10日在某某县第十八届人民代表大会第三次会议上",
    "各位代表：",
    "现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员和列席人员提出意见。",
]


def report_document():
    """A report whose parts are numbered through a paragraph style (and one directly),
    its sections through a style based on no numbered style (and directly), its items
    directly. What a reader sees is in the comments."""
    document = docx.Document()
    with_numbering(document, OUTLINE, num(90, 90))
    numbered_style(document, "报告部分", num_id=90)  # no ilvl: level 0
    numbered_style(document, "报告小节", num_id=90, ilvl=1)
    numbered_style(document, "报告小节二", based_on="报告小节")  # numbered through its base style
    for line in OPENING:
        document.add_paragraph(line)
    numbered(document, "2023年工作回顾", style="报告部分")  # 一、
    document.add_paragraph("过去一年，全县地区生产总值完成96.2亿元，增长5.1%。")
    numbered(document, "经济运行稳中向好", 90, 1)  # （一）
    document.add_paragraph("规模以上工业增加值增长6.3%，固定资产投资完成41亿元。")
    numbered(document, "项目建设扎实推进", style="报告小节二")  # （二）
    document.add_paragraph("实施重点项目52个，完成投资28亿元。")
    numbered(document, "2024年工作安排", 90, 0)  # 二、
    document.add_paragraph("今年全县地区生产总值增长6%左右，一般公共预算收入增长5%。")
    numbered(document, "坚持稳中求进", style="报告小节")  # （一）: 二、 restarted it
    numbered(document, "抓好粮食生产，粮食总产量稳定在50万吨以上。", 90, 2)  # 1.
    numbered(document, "扩大有效投资，固定资产投资增长8%。", 90, 2)  # 2.
    numbered(document, "着力保障和改善民生", style="报告小节")  # （二）
    numbered(document, "新增城镇就业2000人以上。", 90, 2)  # 1.: （二） restarted it
    document.add_paragraph("")  # an empty paragraph: no line
    numbered(document, "加强政府自身建设", style="报告部分")  # 三、
    document.add_paragraph("各位代表，让我们团结一心，为建设美丽某某县而努力奋斗！")
    return document


def test_the_markers_a_reader_sees_are_in_the_text():
    assert text_of(report_document()).splitlines() == [
        *OPENING,
        "一、2023年工作回顾",
        "过去一年，全县地区生产总值完成96.2亿元，增长5.1%。",
        "（一）经济运行稳中向好",
        "规模以上工业增加值增长6.3%，固定资产投资完成41亿元。",
        "（二）项目建设扎实推进",
        "实施重点项目52个，完成投资28亿元。",
        "二、2024年工作安排",
        "今年全县地区生产总值增长6%左右，一般公共预算收入增长5%。",
        "（一）坚持稳中求进",
        "1. 抓好粮食生产，粮食总产量稳定在50万吨以上。",
        "2. 扩大有效投资，固定资产投资增长8%。",
        "（二）着力保障和改善民生",
        "1. 新增城镇就业2000人以上。",
        "三、加强政府自身建设",
        "各位代表，让我们团结一心，为建设美丽某某县而努力奋斗！",
    ]


def test_the_report_has_the_parts_and_sections_a_reader_sees(tmp_path):
    path = tmp_path / "numbered.docx"
    report_document().save(path)
    report = load_report(path)
    assert [(p.marker, p.title) for p in report.parts] == [
        ("一、", "2023年工作回顾"), ("二、", "2024年工作安排"), ("三、", "加强政府自身建设"),
    ]
    assert [(s.marker, s.title) for s in report.parts[0].sections] == [("（一）", "经济运行稳中向好"), ("（二）", "项目建设扎实推进")]
    assert [(s.marker, s.title) for s in report.parts[1].sections] == [("（一）", "坚持稳中求进"), ("（二）", "着力保障和改善民生")]
    assert [p.period for p in report.parts[:2]] == ["review", "plan"]


# counting as Word counts


def test_restarts_overrides_and_lists_sharing_a_definition():
    document = docx.Document()
    with_numbering(
        document, DECIMAL, OUTLINE,
        num(91, 91),  # 1. 2.
        num(92, 91, start_override(0, "1")),  # a list of its own: 1. again
        num(93, 91),  # the same definition as 91, no override: goes on with it
        num(94, 90, start_override(0, "9")),  # 九、 on
        num(95, 90, start_override(0, "20")),
    )
    numbered(document, "甲", 91, 0)
    numbered(document, "乙", 91, 0)
    numbered(document, "丙", 92, 0)
    numbered(document, "丁", 92, 0)
    numbered(document, "戊", 93, 0)
    for title in ("九项", "十项", "十一项"):
        numbered(document, title, 94, 0)
    numbered(document, "小项", 94, 1)
    numbered(document, "二十项", 95, 0)
    numbered(document, "二十一项", 95, 0)
    assert text_of(document).splitlines() == [
        "1. 甲", "2. 乙", "1. 丙", "2. 丁", "3. 戊",
        "九、九项", "十、十项", "十一、十一项", "（一）小项", "二十、二十项", "二十一、二十一项",
    ]


def test_a_level_text_of_several_levels_and_other_formats():
    document = docx.Document()
    with_numbering(
        document,
        abstract(
            80,
            level(0, "decimal", "%1."),
            level(1, "decimal", "%1.%2"),
            level(2, "decimalEnclosedParen", "%3"),
            level(3, "bullet", "\uf0b7"),
            level(4, "ideographTraditional", "%5、"),
        ),
        abstract(81, level(0, "chineseCountingThousand", "第%1章", start="3"), level(1, "chineseLegalSimplified", "%2")),
        num(80, 80), num(81, 81),
    )
    numbered(document, "总体要求", 80, 0)
    numbered(document, "指导思想", 80, 1)
    numbered(document, "主要目标", 80, 1)
    numbered(document, "第一项", 80, 2)
    numbered(document, "要点", 80, 3)
    numbered(document, "天干", 80, 4)
    numbered(document, "天干二", 80, 4)
    numbered(document, "重点任务", 80, 0)
    numbered(document, "产业发展", 80, 1)
    numbered(document, "章", 81, 0)
    numbered(document, "款", 81, 1)
    assert text_of(document).splitlines() == [
        "1. 总体要求", "1.1 指导思想", "1.2 主要目标", "⑴第一项", "要点", "甲、天干", "乙、天干二",
        "2. 重点任务", "2.1 产业发展", "第三章章", "壹款",
    ]


@pytest.mark.parametrize(
    ("n", "written"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"), (99, "九十九"),
     (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1005, "一千零五"), (0, "〇")],
)
def test_chinese_counting(n, written):
    assert chinese_counting(n) == written
    assert number_text(n, "chineseCountingThousand") == written


def test_formats():
    assert [number_text(n, "upperRoman") for n in (1, 4, 14)] == ["I", "IV", "XIV"]
    assert [number_text(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert number_text(10**9, "lowerLetter") is None  # a letter repeated millions of times: no marker
    assert number_text(21, "decimalEnclosedParen") == "(21)"
    assert number_text(10, "chineseLegalSimplified") == "壹拾"
    assert number_text(10**9, "chineseCounting") == str(10**9)
    assert number_text(3, "a format of no one") == "3"


def test_a_list_defined_by_a_numbering_style():
    """An abstractNum with no levels of its own names a numbering style
    (w:numStyleLink); the style's numId leads to the list that has the levels."""
    document = docx.Document()
    style = document.styles.add_style("ReportList", WD_STYLE_TYPE.LIST)
    style.element.get_or_add_pPr().append(num_pr(60))
    with_numbering(
        document,
        abstract(60, level(0, "chineseCounting", "%1、"), '<w:styleLink w:val="ReportList"/>'),
        f'<w:abstractNum {NS} w:abstractNumId="61"><w:numStyleLink w:val="ReportList"/></w:abstractNum>',
        num(60, 60), num(61, 61),
    )
    numbered(document, "第一部分", 61, 0)
    numbered(document, "第二部分", 61, 0)
    assert text_of(document).splitlines() == ["一、第一部分", "二、第二部分"]


# hostile numbering


def test_hostile_numbering_gives_no_marker_and_no_error():
    document = docx.Document()
    with_numbering(
        document,
        abstract(
            70,
            level(0, "decimal", "%1.", start=str(10**9)),
            level(1, "chineseCounting", "%9、"),  # a level deeper than the paragraph's
            level(2, "decimal", "%1." * 30),  # too long to be a marker
            level(3, "decimal", "%0)"),
            level(4, "decimal", "%5.", start="99999999999999999999"),  # no number: start 0
            level(5, "decimal", "第%6条", start="-4"),
        ),
        '<w:abstractNum ' + NS + ' w:abstractNumId="71"><w:lvl w:ilvl="x"/><w:lvl/></w:abstractNum>',
        num(70, 70),
        num(71, 404),  # its abstractNum is missing
        num(72, 71),  # its levels are broken
        f'<w:num {NS} w:numId="73"/>',  # no abstractNumId
        num(74, 70, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="huge"/></w:lvlOverride>'),
    )
    numbered(document, "很大的起点", 70, 0)
    numbered(document, "又一个", 70, 0)
    numbered(document, "百分号九", 70, 1)
    numbered(document, "太长", 70, 2)
    numbered(document, "百分号零", 70, 3)
    numbered(document, "起点过大", 70, 4)
    numbered(document, "负数起点", 70, 5)
    numbered(document, "缺定义", 71, 0)
    numbered(document, "坏层级", 72, 0)
    numbered(document, "无定义号", 73, 0)
    numbered(document, "九十九层", 70, 99)
    numbered(document, "负层", 70, -1)
    numbered(document, "非数层", 70, "a")
    numbered(document, "无此编号", 999, 0)
    numbered(document, "编号零", 0, 0)
    numbered(document, "坏覆盖", 74, 0)
    assert text_of(document).splitlines() == [
        "1000000000. 很大的起点", "1000000001. 又一个", "百分号九", "太长", "百分号零", "0. 起点过大", "第0条负数起点",
        "缺定义", "坏层级", "无定义号", "九十九层", "负层", "非数层", "无此编号", "编号零", "1000000000. 坏覆盖",
    ]


def test_a_style_based_on_itself_and_no_numbering_part():
    document = docx.Document()
    with_numbering(document, OUTLINE, num(90, 90))
    numbered_style(document, "甲样式", num_id=90)
    loop = numbered_style(document, "乙样式", based_on="甲样式")
    document.styles["甲样式"].base_style = loop  # 甲 on 乙 on 甲
    numbered(document, "循环的样式", style="乙样式")
    assert text_of(document).splitlines() == ["一、循环的样式"]
    # a file without numbering.xml: its paragraphs are read as they are
    bare = docx.Document()
    bare.add_paragraph("没有编号", style="List Number")
    rels = bare.part.rels
    for key, rel in list(rels.items()):
        if rel.reltype.endswith("/numbering"):
            del rels[key]
    assert text_of(bare).splitlines() == ["没有编号"]
