"""Page furniture inside the text and hard-wrapped dumps."""

from __future__ import annotations

import pytest

from sdr_analysis import parse_report

PDF_DUMP = """某某县
政 府 工 作 报 告

一、过去一年工作回顾
全年完成固定资产投资12.5
亿元,增长6.2%。新建中小学
3所,改造农村公路
86公里。
— 2 —
某某县人民政府工作报告
二、今年工作安排
一是坚持项目为王。全年
实施重点项目40个。
- 3 -
二是持续改善民生。新增城镇
就业5000人。
"""


@pytest.fixture(scope="module")
def dump():
    return parse_report(PDF_DUMP)


def test_furniture_lines_are_found(dump):
    assert [dump.text[s:e] for s, e in dump.furniture] == ["— 2 —", "某某县人民政府工作报告", "- 3 -"]


def test_wrapped_text_is_detected(dump):
    assert dump.wrapped
    assert any("hard-wrapped" in n for n in dump.notes)


def test_paragraphs_are_joined_from_lines(dump):
    texts = [p.text for p in dump.paragraphs]
    assert "全年完成固定资产投资12.5\n亿元,增长6.2%。新建中小学\n3所,改造农村公路\n86公里。" in texts
    assert not any("— 2 —" == t for t in texts)


def test_figures_split_by_a_wrap_are_read_whole(dump):
    found = {i.text: i.value for i in dump.indicators}
    assert found["12.5\n亿元"] == 1_250_000_000
    assert found["86公里"] == 86 and found["5000人"] == 5000
    assert not any(i.text.startswith(("2", "3")) and i.unit in ("", "页") for i in dump.indicators)


def test_headings_of_a_dump(dump):
    assert [(h.marker, h.level) for h in dump.headings] == [("一、", 1), ("二、", 1), ("一是", 2), ("二是", 2)]
    assert dump.metadata.county == "某某县" and dump.metadata.level == "county"


def test_sentences_run_over_line_breaks(dump):
    assert "全年\n实施重点项目40个。" in [s.text for s in dump.sentences]


@pytest.mark.parametrize("text,wrapped", [
    pytest.param("一、甲\n全年完成投资5亿元。\n新建学校3所。\n", False, id="one-sentence-per-line"),
    pytest.param("一、甲\n全年完成投资5\n亿元,新建学\n校3所,改造\n道路5条。\n", True, id="wrapped"),
])
def test_wrapped_or_not(text, wrapped):
    assert parse_report(text).wrapped is wrapped


@pytest.mark.parametrize("line", ["— 12 —", "- 3 -", "12", "第3页", "第3页 共20页", "3/20"])
def test_page_numbers_are_furniture(line):
    r = parse_report(f"一、甲\n新建学校3所。\n{line}\n改造道路5条。\n")
    assert [r.text[s:e] for s, e in r.furniture] == [line]
    assert [i.text for i in r.indicators] == ["3所", "5条"]


def test_a_short_heading_repeated_is_not_a_running_header():
    text = "".join(f"({n})工作。\n新建学校{k}所。\n" for n, k in zip("一二三四", range(1, 5)))
    r = parse_report(text)
    assert not r.furniture and len(r.headings) == 4


@pytest.mark.parametrize("newline", [pytest.param("\r\n", id="crlf"), pytest.param("\r", id="cr")])
def test_dumps_with_other_line_breaks(newline):
    """A dump saved with CRLF or CR line breaks reads as with LF: the same furniture,
    the same joined paragraphs, the same figure across a wrap."""
    text = PDF_DUMP.replace("\n", newline)
    r = parse_report(text)
    assert [text[s:e] for s, e in r.furniture] == ["— 2 —", "某某县人民政府工作报告", "- 3 -"]
    assert r.wrapped
    joined = newline.join(("全年完成固定资产投资12.5", "亿元,增长6.2%。新建中小学", "3所,改造农村公路", "86公里。"))
    assert joined in [p.text for p in r.paragraphs]
    assert f"12.5{newline}亿元" in [i.text for i in r.indicators]
    assert [(h.marker, h.level) for h in r.headings] == [("一、", 1), ("二、", 1), ("一是", 2), ("二是", 2)]


@pytest.mark.parametrize("newline", [pytest.param("\n", id="lf"), pytest.param("\r\n", id="crlf"), pytest.param("\r", id="cr")])
def test_a_blank_line_ends_a_wrapped_paragraph(newline):
    lines = ("一、甲", "全年完成投资5", "亿元,新建学", "校3所,改造", "", "道路5条,新建", "公园2个。")
    text = newline.join(lines) + newline
    r = parse_report(text)
    assert r.wrapped
    assert [p.text for p in r.paragraphs] == [
        "一、甲", newline.join(("全年完成投资5", "亿元,新建学", "校3所,改造")), newline.join(("道路5条,新建", "公园2个。")),
    ]
