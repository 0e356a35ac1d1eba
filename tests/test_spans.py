"""The one lookup of offsets: every answer of a SpanIndex is the answer of a plain scan
over its spans."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdr_analysis.spans import SpanIndex, sparse


class Found(NamedTuple):
    start: int
    end: int
    name: str


#: Spans in reading order that do not overlap: with gaps, touching, of one character.
SPANS = [(2, 5), (5, 6), (9, 14), (20, 21), (30, 40)]
ITEMS = [Found(s, e, f"x{i}") for i, (s, e) in enumerate(SPANS)]


def holding(offset):
    """The item that holds ``offset``, by looking at every one."""
    return next((x for x in ITEMS if x.start <= offset < x.end), None)


@pytest.mark.parametrize("offset", range(-1, 45))
def test_at_and_contains_are_a_scan(offset):
    index = SpanIndex.of(ITEMS)
    assert index.at(offset) == holding(offset)
    assert (offset in index) == (holding(offset) is not None)
    at = index.index_at(offset)
    assert (ITEMS[at] if at is not None else None) == holding(offset)


def test_each_at_walks_like_at():
    index = SpanIndex.of(ITEMS)
    offsets = list(range(-1, 45))
    assert index.each_at(offsets) == [holding(o) for o in offsets]
    assert index.each_at([5, 9, 13, 14, 30]) == [ITEMS[1], ITEMS[2], ITEMS[2], None, ITEMS[4]]
    assert SpanIndex.of([]).each_at([1, 2]) == [None, None]


@pytest.mark.parametrize("start, end", [(0, 45), (2, 5), (3, 9), (9, 10), (6, 9), (21, 30), (40, 41), (10, 2)])
def test_within_is_the_items_that_start_inside(start, end):
    assert SpanIndex.of(ITEMS).within(start, end) == [x for x in ITEMS if start <= x.start < end]


def test_preceding_is_the_last_to_start_before():
    index = SpanIndex.of(ITEMS)
    assert index.preceding(1) is None
    assert index.preceding(2) == ITEMS[0]
    assert index.preceding(7) == ITEMS[1]  # in the gap after it: held by none, preceded by it
    assert index.preceding(100) == ITEMS[-1]


def test_of_puts_results_in_order_of_their_start_and_keeps_ties_in_order():
    shuffled = [Found(9, 12, "b"), Found(2, 4, "a"), Found(9, 10, "c"), Found(0, 1, "z")]
    index = SpanIndex.of(shuffled)
    assert [x.name for x in index] == ["z", "a", "b", "c"]
    assert len(index) == 4 and index[1].name == "a"
    assert not SpanIndex.of([])


@pytest.mark.parametrize(
    "a, b, merged",
    [
        ([], [], []),
        ([(0, 5)], [], [(0, 5)]),
        ([(0, 5), (10, 12)], [(3, 8)], [(0, 8), (10, 12)]),
        ([(0, 5)], [(5, 7)], [(0, 7)]),  # touching spans are one
        ([(2, 4)], [(0, 10)], [(0, 10)]),
        ([(0, 1), (20, 30)], [(5, 6), (25, 40)], [(0, 1), (5, 6), (20, 40)]),
    ],
)
def test_union_merges_overlapping_spans(a, b, merged):
    union = SpanIndex.of_spans(a) | SpanIndex.of_spans(b)
    assert list(union) == merged
    for offset in range(45):
        assert (offset in union) == (offset in SpanIndex.of_spans(a) or offset in SpanIndex.of_spans(b))


def test_merged_takes_nested_pairs_into_the_outer_one():
    nested = SpanIndex.merged([(10, 20), (12, 14), (0, 3), (2, 5), (30, 31)])
    assert list(nested) == [(0, 5), (10, 20), (30, 31)]


# Sparse items: those in no run of ``run`` items that start within fewer than
# ``min_bytes`` bytes (UTF-8). Rows counted by hand: "a" is one byte, "中" three, "𠀀"
# four; the items are their own starts.
SPARSE = [
    pytest.param("aaaaaa", [0, 1, 2, 3], 2, 2, [], id="one-byte-apart"),
    pytest.param("aaaaaa", [0, 2, 4], 2, 2, [0, 2, 4], id="two-bytes-apart-is-not-fewer"),
    pytest.param("中中中", [0, 1, 2], 2, 4, [], id="three-bytes-apart"),
    pytest.param("中中中", [0, 1, 2], 3, 6, [0, 1, 2], id="six-bytes-over-three"),
    pytest.param("aa中中aa", [0, 1, 2, 3, 5], 2, 2, [3, 5], id="only-the-dense-pairs"),
    pytest.param("𠀀a", [0, 1], 2, 5, [], id="astral-four-bytes"),
    pytest.param("abc", [0, 1], 3, 100, [0, 1], id="fewer-than-a-run"),
    pytest.param("", [], 3, 100, [], id="nothing"),
]


@pytest.mark.parametrize("text, starts, run, min_bytes, kept", SPARSE)
def test_sparse(text, starts, run, min_bytes, kept):
    assert list(sparse(text, starts, int, run, min_bytes)) == kept


def sparse_by_scan(text, starts, run, min_bytes):
    """Every run of ``run`` offsets measured in bytes, one at a time."""
    dense = [False] * len(starts)
    for i in range(len(starts) - run + 1):
        if len(text[starts[i] : starts[i + run - 1]].encode("utf-8")) < min_bytes:
            dense[i : i + run] = [True] * run
    return [s for s, d in zip(starts, dense) if not d]


@given(
    st.text(alphabet="a中é𠀀", max_size=200),
    st.lists(st.integers(min_value=0, max_value=200), max_size=60),
    st.integers(min_value=1, max_value=8),
    st.integers(min_value=1, max_value=60),
)
def test_sparse_is_a_scan(text, offsets, run, min_bytes):
    starts = sorted({o for o in offsets if o <= len(text)})
    assert list(sparse(text, starts, int, run, min_bytes)) == sparse_by_scan(text, starts, run, min_bytes)
