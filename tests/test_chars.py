"""The characters text is read by, and the helpers that read by them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdr_analysis.chars import (
    CLAUSE_BREAKS,
    DIGITS,
    HAN,
    LIST_BREAKS,
    STOPS,
    alternation,
    ends_with_any,
    lines,
    longest_first,
    starting,
    strip_span,
)


def plain_lines(text):
    """Non-blank lines, white space left out, by splitting at LF, CRLF and CR."""
    out, pos = [], 0
    for line in re.split(r"(\r\n|\r|\n)", text):
        if line in ("\r\n", "\r", "\n"):
            pos += len(line)
            continue
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            out.append((start, start + len(stripped)))
        pos += len(line)
    return out


@given(st.lists(st.sampled_from(["甲", "乙 丙", " ", "\u3000", "\t", "\n", "\r\n", "\r", "\n\n"]), max_size=30).map("".join))
def test_lines_are_the_lines_a_plain_split_finds(text):
    assert list(lines(text)) == plain_lines(text)


def test_lines_of_a_stretch_start_where_it_does():
    text = "一行\n二行\n三行"
    assert list(lines(text, 4, 7)) == [(4, 5), (6, 7)]  # a stretch may start and end inside a line
    assert list(lines(text, 1)) == [(1, 2), (3, 5), (6, 8)]


def test_strip_span():
    assert strip_span(" \u3000甲乙\n ", 0, 6) == (2, 4)
    assert strip_span("   ", 0, 3) == (3, 3)


@pytest.mark.parametrize(
    "ch, inside",
    [("沙", True), ("㐀", True), ("𠀀", True), ("a", False), ("３", False), ("。", False)],
    ids=["basic", "extension-a", "extension-b", "latin", "digit", "stop"],
)
def test_han(ch, inside):
    assert bool(re.fullmatch(f"[{HAN}]", ch)) is inside


def test_the_break_sets_nest():
    assert set(STOPS) <= set(CLAUSE_BREAKS) <= set(LIST_BREAKS)
    assert "、" in LIST_BREAKS and "、" not in CLAUSE_BREAKS
    assert set("0９") <= set(DIGITS)


def test_alternation_tries_the_longest_word_first():
    pattern = re.compile(alternation(["第一", "第一家", "a.b"]))
    assert pattern.match("第一家").group() == "第一家"
    assert pattern.match("a.b") and not pattern.match("axb")  # each word escaped


def test_starting_matches_the_longest_word_there():
    assert starting(["其中", "其中有"]).match("其中有三家").group() == "其中有"
    assert starting([]).match("其中") is None


def test_ends_with_any_looks_only_before_the_position():
    # a word at the very end of the text must not be read as standing before offset 0
    assert ends_with_any("3个第", 0, ("第",)) is None
    assert ends_with_any("居第3", 2, longest_first(("第", "居第"))) == "居第"
