"""Quotation marks and title marks, paired: where the names of a report are (named
initiatives, slogans, titles of laws and plans). Figures inside a name are part of
it, not amounts; the quoted terms are the names (:mod:`sdr_analysis.terms`).

Quotes are paired with a stack, innermost first, and never across a line break, so an
opening quote that is never closed (``“社区便民服务站实现“全覆盖”``) leaves the inner,
balanced pair as the term and does not swallow the rest of the paragraph.

Most pairs are tight: nothing marked inside, as ``“一网通办”``. The stack always pairs
those, innermost, whatever stands around them, so they are found by a regex alone, and
the stack runs only on lines that hold a mark outside every tight pair.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .chars import LINE_BREAK, LINE_END


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
#: The marks, escaped for a character class.
MARK_CLASS = re.escape("".join(p.open + p.close for p in QUOTE_PAIRS))
MARKS = re.compile(f"[{MARK_CLASS}]")

#: A mark and its closing mark with no mark and no line break between them.
TIGHT_PAIR = re.compile(
    "|".join(f"{re.escape(p.open)}[^{MARK_CLASS}\r\n]*{re.escape(p.close)}" for p in QUOTE_PAIRS)
)

#: Text up to and through the last line break (LF, CRLF or CR) of what it is matched on.
THROUGH_LAST_BREAK = re.compile(f"(?s:.*){LINE_END.pattern}")

#: Text up to the first mark that is not part of a tight pair.
TO_LONE_MARK = re.compile(f"(?:[^{MARK_CLASS}]++|{TIGHT_PAIR.pattern})*+")


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
    pairs: list[Quoted] = []
    pos = start
    while (lone := _lone_mark(text, pos, end)) < end:
        before = THROUGH_LAST_BREAK.match(text, pos, lone)
        line_start = before.end() if before else pos
        after = LINE_BREAK.search(text, lone, end)
        line_end = after.start() if after else end
        pairs += _tight_pairs(text, pos, line_start)
        pairs += _stacked_pairs(text, line_start, line_end)
        pos = line_end
    pairs += _tight_pairs(text, pos, end)
    pairs.sort()
    return pairs


def _lone_mark(text: str, pos: int, end: int) -> int:
    """Where the first mark of ``text[pos:end]`` not in a tight pair is, or ``end``."""
    m = TO_LONE_MARK.match(text, pos, end)
    return m.end() if m else end


def _tight_pairs(text: str, start: int, end: int) -> list[Quoted]:
    """The pairs of ``text[start:end]``, where every mark is in a tight pair."""
    # from a tuple, as Quoted._make builds one but without its call and check (a report
    # has thousands), the opening mark read off the text rather than off a copy of the pair
    new = tuple.__new__
    return [new(Quoted, (s, e, text[s], True)) for s, e in map(re.Match.span, TIGHT_PAIR.finditer(text, start, end))]


def _stacked_pairs(text: str, start: int, end: int) -> list[Quoted]:
    """The pairs of ``text[start:end]``, one line, paired with a stack."""
    stack: list[tuple[str, int, bool]] = []  # (opener, position, has a term pair inside)
    # where each kind of mark is open on the stack, so that a closing mark finds its
    # own without a walk down the stack (a line of closing marks that match nothing
    # would walk it once each: time growing with the square of the line)
    depths: dict[str, list[int]] = {p.open: [] for p in QUOTE_PAIRS}
    pairs: list[Quoted] = []
    for m in MARKS.finditer(text, start, end):
        ch = m.group()
        opener = CLOSE_TO_OPEN.get(ch)
        if opener is None:
            depths[ch].append(len(stack))
            stack.append((ch, m.start(), False))
            continue
        if not depths[opener]:
            continue
        # a closing mark closes the nearest open mark of its kind; marks of other
        # kinds opened after it were never closed and are dropped
        depth = depths[opener][-1]
        _, pos, has_inner = stack[depth]
        while len(stack) > depth:
            depths[stack.pop()[0]].pop()
        pairs.append(Quoted(pos, m.end(), opener, not has_inner))
        if stack and (has_inner or opener in TERM_OPENERS):
            stack[-1] = (stack[-1][0], stack[-1][1], True)
    return pairs
