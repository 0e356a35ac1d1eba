"""One lookup of offsets for every sorted collection of a report: which sentence holds
an offset, which section, whether it lies in a name or on a line of page furniture,
which findings start in a stretch of text.

A :class:`SpanIndex` holds items in reading order with their spans, and answers by
bisection, so asking once per finding stays linear in the report's size.
"""

from __future__ import annotations

import bisect
from collections import deque
from typing import Any, Callable, Generic, Iterable, Iterator, Optional, Sequence, TypeVar

T = TypeVar("T")


def sparse(text: str, items: Iterable[T], start: Callable[[T], int], run: int, min_bytes: int) -> Iterator[T]:
    """The ``items`` (in reading order; ``start`` gives each one's offset into
    ``text``) that are in no run of ``run`` of them starting within fewer than
    ``min_bytes`` bytes of text (as UTF-8: a Chinese character is three). The rules
    that leave out what a text packs closer than a report writes it (figures,
    headings) read their items through this.

    One pass, holding ``run`` items at a time: a text of hundreds of thousands of
    figures never has them all in memory at once (a list of all of them would make
    each cost more the more there are). Characters decide where they can (a
    character is one to four bytes); bytes are counted only for a run over a quarter
    of ``min_bytes`` characters and under ``min_bytes``, which text a report writes
    never has."""
    held: deque[tuple[int, T]] = deque()  # the last run - 1 items, each with its start
    dense_until = -1  # the last item of the latest dense run
    last = run - 1
    k = -1
    for k, item in enumerate(items):
        at = start(item)
        held.append((at, item))
        if k >= last:  # the run from item k - last to item k is complete: judge it, then decide its first item
            first, oldest = held.popleft()
            chars = at - first
            if chars < min_bytes and (4 * chars < min_bytes or len(text[first:at].encode("utf-8")) < min_bytes):
                dense_until = k
            if k - last > dense_until:
                yield oldest
    for i, (_, item) in enumerate(held, start=k - len(held) + 1):
        if i > dense_until:
            yield item


class SpanIndex(Generic[T]):
    """Items in order of their start, each with its span ``[start, end)``.

    Build it from results (:meth:`of`: anything with ``start`` and ``end``) or from
    bare spans (:meth:`of_spans`, :meth:`merged`). :meth:`at` and ``in`` read spans that
    do not overlap (sentences, sections, lines, merged zones); :meth:`within` reads any.
    """

    __slots__ = ("items", "starts", "ends")

    def __init__(self, items: Sequence[T], starts: Sequence[int], ends: Sequence[int]) -> None:
        self.items = list(items)
        self.starts = list(starts)
        self.ends = list(ends)

    @classmethod
    def of(cls, results: Iterable[Any]) -> "SpanIndex[Any]":
        """Results with ``start`` and ``end``, put in order of their start (a stable
        sort: results that start together keep their order); an index given is
        returned as it is, so that a caller holding one does not pay for another."""
        if isinstance(results, SpanIndex):
            return results
        items = list(results)
        starts = [x.start for x in items]
        if starts != sorted(starts):  # nearly always in order already: a check in one pass
            items.sort(key=lambda x: x.start)
            starts = [x.start for x in items]
        return cls(items, starts, [x.end for x in items])

    @classmethod
    def of_spans(cls, spans: Iterable[tuple[int, int]]) -> "SpanIndex[tuple[int, int]]":
        """Spans ``(start, end)`` in reading order, each its own item."""
        items = list(spans)
        return SpanIndex(items, [s for s, _ in items], [e for _, e in items])

    @classmethod
    def merged(cls, spans: Iterable[tuple[int, int]]) -> "SpanIndex[tuple[int, int]]":
        """Spans that may overlap or nest (quote pairs inside quote pairs), each run of
        overlapping or touching ones made one; the offsets they hold are the same."""
        out: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        return cls.of_spans(out)

    def __or__(self, other: "SpanIndex[Any]") -> "SpanIndex[tuple[int, int]]":
        """The spans of both, overlapping ones merged."""
        return SpanIndex.merged([*zip(self.starts, self.ends), *zip(other.starts, other.ends)])

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __getitem__(self, i: int) -> T:
        return self.items[i]

    def __bool__(self) -> bool:
        return bool(self.items)

    def __repr__(self) -> str:
        return f"<SpanIndex of {len(self.items)}>"

    def index_at(self, offset: int) -> Optional[int]:
        """The position of the item that holds ``offset``, or ``None``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else None

    def at(self, offset: int) -> Optional[T]:
        """The item that holds ``offset``, or ``None``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.items[i] if i >= 0 and offset < self.ends[i] else None

    def preceding(self, offset: int) -> Optional[T]:
        """The last item that starts at or before ``offset``, whether it holds it or
        not; ``None`` if none does."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.items[i] if i >= 0 else None

    def __contains__(self, offset: int) -> bool:
        """Whether an item holds the offset ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]

    def count(self, start: int, end: int) -> int:
        """How many items start in ``[start, end)``: :meth:`within` without the list."""
        return bisect.bisect_left(self.starts, end) - bisect.bisect_left(self.starts, start)

    def within(self, start: int, end: int) -> list[T]:
        """The items that start in ``[start, end)``, in order."""
        return self.items[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]

    def each_at(self, offsets: Iterable[int]) -> list[Optional[T]]:
        """:meth:`at` of each of ``offsets``, given in increasing order: one walk along
        the items rather than a search for each."""
        out: list[Optional[T]] = []
        items, starts, ends = self.items, self.starts, self.ends
        i, n = -1, len(starts)
        for offset in offsets:
            while i + 1 < n and starts[i + 1] <= offset:
                i += 1
            out.append(items[i] if i >= 0 and offset < ends[i] else None)
        return out
