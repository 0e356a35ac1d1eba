"""The document layer: a report's shape read once, and the one clause finder."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import PARTS
from sdr_analysis import parse_report
from sdr_analysis.chars import CLAUSE, CLAUSE_IN_PASSAGE, CN_ONE_TO_TEN, LIST, Breaks, lines
from sdr_analysis.document import Clauses, read_document


def joins_at(text: str, i: int) -> bool:
    """Whether the comma at ``i`` stands between two Chinese numerals."""
    return text[i] == "、" and 0 < i < len(text) - 1 and text[i - 1] in CN_ONE_TO_TEN and text[i + 1] in CN_ONE_TO_TEN


def plain_start(text: str, breaks: Breaks, pos: int, lo: int) -> int:
    """Where a clause starts, by looking at each character back from ``pos``."""
    for i in range(pos - 1, lo - 1, -1):
        if text[i] in breaks.chars and not (breaks.joins and joins_at(text, i) and i != pos - 1):
            return i + 1
    return lo


def plain_end(text: str, breaks: Breaks, pos: int, hi: int) -> int:
    """Where a clause ends, by looking at each character on from ``pos``."""
    for i in range(pos, hi):
        if text[i] in breaks.chars and not (breaks.joins and joins_at(text, i) and i != hi - 1):
            return i
    return hi


# --- clauses: case tables ---


@pytest.mark.parametrize(
    "text, breaks, pos, clause",
    [
        pytest.param("全年投资5.1亿元，改造老旧小区249栋楼、82万平方米。", CLAUSE, 15, "改造老旧小区249栋楼、82万平方米", id="clause-between-commas"),
        pytest.param("全年投资5.1亿元，改造老旧小区249栋楼、82万平方米。", LIST, 22, "82万平方米", id="list-item"),
        pytest.param("改造三、四级道路12条。", LIST, 8, "改造三、四级道路12条", id="numerals-joined-by-a-comma"),
        pytest.param("第一、二轮督察问题整改办结，", LIST, 3, "二轮督察问题整改办结", id="a-comma-before-the-figure-ends-its-clause"),
        pytest.param("城镇、农村居民收入", LIST, 3, "农村居民收入", id="comma-between-words"),
        pytest.param("增长5%；达到8亿元：其中", CLAUSE, 5, "达到8亿元", id="semicolon-and-colon"),
        pytest.param("生产总值\n增长6%，", CLAUSE, 6, "增长6%", id="a-line-break-ends-a-clause"),
        pytest.param("生产总值\n增长6%，", CLAUSE_IN_PASSAGE, 6, "生产总值\n增长6%", id="but-not-inside-a-passage"),
        pytest.param("生产总值\r\n增长6%", CLAUSE, 7, "增长6%", id="crlf"),
        pytest.param("无断句的一段话", CLAUSE, 3, "无断句的一段话", id="no-break-at-all"),
    ],
)
def test_clause_cases(text, breaks, pos, clause):
    s, e = Clauses(text, breaks).around(pos, 0, len(text))
    assert text[s:e] == clause


def test_a_clause_stays_within_its_limits():
    text = "甲，乙丙丁，戊"
    clauses = Clauses(text, CLAUSE)
    assert clauses.around(3, 3, 4) == (3, 4)  # the limits are inside the clause
    assert clauses.start(5, 0) == 2 and clauses.end(2, len(text)) == 5


# --- clauses: any text, against a plain scan ---

PIECES = list("，,；;：:。！？!?\n\r、甲乙丙") + list(CN_ONE_TO_TEN[:4]) + ["、四", "三、"]


@given(
    text=st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join),
    data=st.data(),
)
def test_clauses_find_what_a_plain_scan_finds(text, data):
    lo = data.draw(st.integers(0, len(text)))
    pos = data.draw(st.integers(lo, len(text)))
    hi = data.draw(st.integers(pos, len(text)))
    for breaks in (CLAUSE, CLAUSE_IN_PASSAGE, LIST):
        clauses = Clauses(text, breaks)
        assert clauses.start(pos, lo) == plain_start(text, breaks, pos, lo)
        assert clauses.end(pos, hi) == plain_end(text, breaks, pos, hi)


# --- the document ---


@pytest.fixture(scope="module")
def parts():
    return read_document(PARTS)


def test_the_document_is_the_reports_shape(parts):
    report = parse_report(PARTS)
    assert report.document.sections.items == parts.sections.items
    assert report.paragraphs == parts.paragraphs.items
    assert report.sentences == parts.sentences.items
    assert report.headings == list(parts.headings)
    assert report.body == parts.body


def test_lines_are_the_non_blank_lines_without_their_white_space(parts):
    expected = [line.strip() for line in PARTS.splitlines() if line.strip()]
    assert [PARTS[s:e] for s, e in parts.lines] == expected[1:]  # the title is no part of the body
    assert list(lines("  甲 \r\n\r\n乙\r丙  ")) == [(2, 3), (8, 9), (10, 11)]


def test_sections_are_found_by_offset(parts):
    keys = [s.key for s in parts.sections]
    assert keys == ["一.一", "一.二", "二"]
    offsets = list(range(len(PARTS)))
    assert parts.numbers_at(offsets) == [parts.section_at(o) for o in offsets]
    second = parts.sections[1]
    assert parts.section_at(PARTS.index("新增就业")) == "一.二" == second.key
    assert parts.section_at(0) is None  # the title


def test_parts_and_slugs(parts):
    first, second, third = parts.sections
    assert parts.part_of(first).number == parts.part_of(second).number == "一"
    assert [parts.slug_of(s) for s in parts.sections] == ["1-1", "1-2", "2"]
    assert parts.part_at(PARTS.index("今年要")).period == "plan"


def test_the_document_is_frozen_and_finds_each_set_of_clauses_once(parts):
    with pytest.raises(dataclasses.FrozenInstanceError):
        parts.text = "改"
    assert parts.clauses(LIST) is parts.clauses(LIST)
    assert parts.clauses(LIST) is not parts.clauses(CLAUSE)


def test_names_cover_quotes_and_not_prose_adds_page_furniture():
    text = "（一）推行“一网通办2.0”。\n— 3 —\n全年新增就业1.2万人。\n— 4 —\n投入资金3亿元。\n— 5 —\n"
    doc = read_document(text)
    quote = text.index("一网通办")
    assert quote in doc.names and quote in doc.not_prose
    page = text.index("— 4 —")
    assert page not in doc.names and page in doc.not_prose
    assert text.index("全年") not in doc.not_prose
