"""Quoted terms: named initiatives, slogans and titles between quotation marks.

Quotes are paired with a stack, innermost first, and never across a line break, so an
opening quote that is never closed (``“社区便民服务站实现“全覆盖”``) leaves the inner,
balanced pair as the term and does not swallow the rest of the paragraph.
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: Pairs of marks that enclose a name. ``term`` marks whether what they enclose is a
#: quoted term (“…” and 「…」) or only a zone where figures are part of a name (《…》
#: titles, ‘…’ quotes inside quotes).
class QuotePair(NamedTuple):
    open: str
    close: str
    term: bool


QUOTE_PAIRS: tuple[QuotePair, ...] = (
    QuotePair("“", "”", True),
    QuotePair("「", "」", True),
    QuotePair("『", "』", True),
    QuotePair("‘", "’", False),
    QuotePair("《", "》", False),
    QuotePair("〈", "〉", False),
)

CLOSE_TO_OPEN = {p.close: p.open for p in QUOTE_PAIRS}
TERM_OPENERS = {p.open for p in QUOTE_PAIRS if p.term}
MARKS = re.compile("[" + re.escape("".join(p.open + p.close for p in QUOTE_PAIRS)) + "\n]")


class Quoted(NamedTuple):
    """A balanced pair: ``start`` is the opening mark, ``end`` is just past the closing
    one; ``innermost`` is true when no pair of term quotes lies inside it (``‘…’`` or
    ``《…》`` inside ``“…”`` leave it innermost: ``“《民法典》进万家”`` is a term)."""

    start: int
    end: int
    opener: str
    innermost: bool


def find_quoted(text: str, start: int = 0, end: int | None = None) -> list[Quoted]:
    """Balanced quote pairs of ``text[start:end]`` in order of their opening mark."""
    end = len(text) if end is None else end
    stack: list[tuple[str, int, bool]] = []  # (opener, position, has a term pair inside)
    pairs: list[Quoted] = []
    for m in MARKS.finditer(text, start, end):
        ch = m.group()
        if ch == "\n":
            stack.clear()
            continue
        opener = CLOSE_TO_OPEN.get(ch)
        if opener is None:
            stack.append((ch, m.start(), False))
            continue
        # a closing mark closes the nearest open mark of its kind; marks of other
        # kinds opened after it were never closed and are dropped
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == opener:
                _, pos, has_inner = stack[depth]
                del stack[depth:]
                pairs.append(Quoted(pos, m.end(), opener, not has_inner))
                if stack and (has_inner or opener in TERM_OPENERS):
                    stack[-1] = (stack[-1][0], stack[-1][1], True)
                break
    pairs.sort()
    return pairs


def term_spans(quoted: list[Quoted]) -> list[tuple[int, int]]:
    """Spans of the quoted terms (inside the marks) in reading order."""
    return [(q.start + 1, q.end - 1) for q in quoted if q.innermost and q.opener in TERM_OPENERS and q.end - q.start > 2]
