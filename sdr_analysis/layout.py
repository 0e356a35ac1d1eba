"""Page furniture inside the report text, and hard-wrapped text.

PDF and Word dumps carry page numbers (``— 3 —``) and a running header repeated at the
top of every page (``某某县人民政府工作报告``) between the report's lines, and wrap
lines at the page width, splitting sentences and figures. Web dumps may leave a
navigation or publishing line in the middle. This module finds those lines (as spans,
the text is never changed) and tells whether the text is hard-wrapped, so that
paragraphs can be put together from their lines.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional, Sequence

from .chars import BLANK_LINE, CLOSERS, COLONS, COMMAS, SEMICOLONS, STOPS
from .cleaning import is_chrome_line, is_notice_line
from .opening import TITLE_MARK

#: Page numbers: ``3``, ``- 3 -``, ``— 3 —``, ``第3页``, ``第3页 共30页``, ``3/30``.
PAGE_NUMBER = re.compile(rf"[-—–－~·\s]*\d{{1,4}}[-—–－~·\s]*|第\s*\d+\s*页(?:\s*[/{COMMAS}]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+")

#: A running header is a short line repeated on many pages; a line this short, seen
#: this often, and without a sentence stop, is taken for one.
HEADER_MAX_LENGTH = 30
HEADER_MIN_REPEATS = 3

#: How a line may end when its sentence is over: stops, closing quotes and brackets,
#: colons and semicolons. A line that ends otherwise runs on into the next one when
#: the text is hard-wrapped.
LINE_ENDS = STOPS + CLOSERS + COLONS + SEMICOLONS

#: A text is hard-wrapped when at least this share of its lines (and at least this
#: many) run on into the next line.
WRAPPED_SHARE = 0.3
WRAPPED_MIN_LINES = 3


def find_furniture(text: str, lines: Sequence[tuple[int, int]], is_heading) -> list[tuple[int, int]]:
    """Lines that are page furniture: page numbers, running headers, navigation and
    publishing lines, a document-sharing site's notices. ``is_heading(start, end)`` keeps headings out of the running
    headers (a report may repeat a short heading)."""
    short = Counter(text[s:e] for s, e in lines if e - s <= HEADER_MAX_LENGTH)
    repeated = {line for line, n in short.items() if n >= HEADER_MIN_REPEATS and not any(ch in line for ch in STOPS)}
    out = []
    for s, e in lines:
        line = text[s:e]
        if PAGE_NUMBER.fullmatch(line) or is_chrome_line(text, s, e) or is_notice_line(text, s, e):
            out.append((s, e))
        elif len(line) <= HEADER_MAX_LENGTH and TITLE_MARK.search(line) and not any(ch in line for ch in "。" + COMMAS):
            out.append((s, e))  # the report's name repeated as a page header
        elif line in repeated and not is_heading(s, e):
            out.append((s, e))
    return out


def is_wrapped(text: str, lines: Sequence[tuple[int, int]], furniture: Sequence[tuple[int, int]], is_heading) -> bool:
    """Whether the text is hard-wrapped: many of its lines end mid-sentence and the next
    line follows right under them. Headings are left out of the count: a heading without
    a stop is not a wrapped line."""
    skip = set(furniture)
    kept = [span for span in lines if span not in skip]
    counted = running = 0
    for i, (s, e) in enumerate(kept):
        if text[e - 1] in LINE_ENDS:
            counted += 1
        elif not is_heading(s, e):  # asked only of lines that would run on: it is the costly test
            counted += 1
            running += i + 1 < len(kept) and not BLANK_LINE.search(text, e, kept[i + 1][0])
    return running >= WRAPPED_MIN_LINES and running >= WRAPPED_SHARE * counted


def paragraph_spans(
    text: str,
    lines: Sequence[tuple[int, int]],
    furniture: Sequence[tuple[int, int]],
    wrapped: bool,
    heading_lines: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Paragraphs as spans: each line that is not furniture or, in hard-wrapped text,
    lines joined until one ends its sentence. A heading line always starts a paragraph
    and, if it has no stop, ends one. Furniture between two lines of a paragraph (a
    page break inside a sentence) stays inside its span."""
    skip = set(furniture)
    if not wrapped:
        return [span for span in lines if span not in skip]
    headings = set(heading_lines)
    out: list[tuple[int, int]] = []
    open_start: Optional[int] = None  # start of the paragraph still running on
    last_end = 0
    for s, e in lines:
        if (s, e) in skip:
            continue
        if open_start is not None and (s, e) not in headings and not BLANK_LINE.search(text, last_end, s):
            last_end = e
        else:
            if open_start is not None:
                out.append((open_start, last_end))
            open_start, last_end = s, e
        heading_closed = (s, e) in headings and "。" not in text[s:e]
        if text[e - 1] in LINE_ENDS or heading_closed:
            out.append((open_start, last_end))
            open_start = None
    if open_start is not None:
        out.append((open_start, last_end))
    return out
