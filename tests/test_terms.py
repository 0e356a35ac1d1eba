"""Quoted terms: the text inside the innermost balanced pair of quotes."""

from __future__ import annotations

import pytest

from sdr_analysis import parse_report


def terms(text: str) -> list[str]:
    return [t.text for t in parse_report(text).terms]


TERMS = [
    # --- balanced pairs, in reading order ---
    pytest.param("深入实施“强村富民”工程。", ["强村富民"], id="one-pair"),
    pytest.param("创建“无欠薪”“无讼”社区。", ["无欠薪", "无讼"], id="adjacent-pairs"),
    pytest.param("推进“智慧社区”建设,打响“乐活城区”品牌。", ["智慧社区", "乐活城区"], id="two-pairs-apart"),
    pytest.param("推行「一窗通办」服务。", ["一窗通办"], id="corner-brackets"),
    pytest.param("打造『邻里汇』服务平台。", ["邻里汇"], id="white-corner-brackets"),

    # --- nested quotes: only the innermost quoted term ---
    pytest.param("开展“争做“枫桥式”派出所”活动。", ["枫桥式"], id="nested-double-quotes"),
    pytest.param("开展“争创「五星」支部”行动。", ["五星"], id="nested-corner-in-double"),
    # single quotes and book titles inside a quote are not terms, so the quote is
    pytest.param("开展“‘双争’进社区”活动。", ["‘双争’进社区"], id="single-quotes-inside"),
    pytest.param("开展“《民法典》进万家”宣传活动。", ["《民法典》进万家"], id="book-title-inside"),
    pytest.param("学习“《‘最多跑一次’改革条例》”。", ["《‘最多跑一次’改革条例》"], id="title-and-single-inside"),
    # a term nested inside a book title inside a quote is still the innermost
    pytest.param("宣传“《“两山”理论读本》”。", ["两山"], id="term-inside-title-inside-quote"),

    # --- an opening quote never closed: the inner balanced pair is the term ---
    pytest.param("推动“一件事集成改革实现“一次办”,群众更满意。", ["一次办"], id="unbalanced-opening"),
    pytest.param("“农村寄递物流“村村通”全面完成。", ["村村通"], id="unbalanced-at-line-start"),
    # a closing quote never opened is ignored
    pytest.param("服务”品牌,打造“暖心驿站”。", ["暖心驿站"], id="stray-closing-quote"),
    # closing marks that match nothing, after marks of other kinds left open
    pytest.param("‘《" + "”」" * 50 + "打造“暖心驿站”。", ["暖心驿站"], id="many-stray-closing-marks"),
    # a closing mark closes the nearest open mark of its kind, dropping the ones opened after it
    pytest.param("“开展‘三进’《活动”,实施“安居工程”。", ["开展‘三进’《活动", "安居工程"], id="close-drops-marks-opened-inside"),

    # --- quotes never pair across a line break ---
    pytest.param("启动“城市更新\n三年行动”。", [], id="across-line-break"),
    pytest.param("推出“老城\n焕新”计划,实施“安居工程”。", ["安居工程"], id="across-line-then-pair"),

    # --- what is not a term ---
    pytest.param("认真学习《条例》。", [], id="book-title"),
    pytest.param("所谓‘小切口’改革。", [], id="single-quotes"),
    pytest.param("这里是“”空引号。", [], id="empty-quotes"),
]


@pytest.mark.parametrize("text, expected", TERMS)
def test_terms(text, expected):
    assert terms(text) == expected


def test_term_spans_and_sections():
    text = "(一)改革。\n  推行“一网通办”。\n(二)民生。\n  实施“暖心工程”“安居工程”。"
    report = parse_report(text)
    assert [(t.text, t.section) for t in report.terms] == [("一网通办", "一"), ("暖心工程", "二"), ("安居工程", "二")]
    for t in report.terms:
        assert text[t.start : t.end] == t.text
        assert text[t.start - 1] == "“" and text[t.end] == "”"
    assert [t.text for t in report.section("二").terms] == ["暖心工程", "安居工程"]


def test_repeated_terms_are_kept():
    assert terms("推行“一网通办”,深化“一网通办”。") == ["一网通办", "一网通办"]
