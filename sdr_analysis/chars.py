"""The characters report text is read by: every character class, break set and shared
pattern, defined once, and the few helpers that read text by them (lines, clause
breaks, alternations of words).

Classes are given as the inside of a regex character class (``f"[{HAN}]"``), so that
patterns can combine them; where the characters are few they are written out, so that
code can also test one at a time (``ch in STOPS``). Nothing here knows a word of Chinese: vocabulary lives in the
data tables (:mod:`sdr_analysis.rules`, ``data/*.toml``).

Line breaks are LF (Unix), CRLF (Windows) or a lone CR (old Mac OS). The text is never
rewritten to one convention, so every pattern that reads lines reads all three: it
excludes both characters (:data:`IN_LINE`, :data:`SPACE_IN_LINE`) and finds breaks
with :data:`LINE_BREAK`.
"""

from __future__ import annotations

import functools
import re
import string
from typing import Iterable, Iterator, Optional, Sequence

# character classes (the inside of [...])

#: Chinese characters (Han ideographs): the basic block, extension A, and the
#: supplementary planes' extensions (rare characters in people's and place names).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
#: One Chinese character (to count them, or to see whether one stands at a place).
HAN_CHAR = re.compile(f"[{HAN}]")
#: Latin letters.
LATIN = string.ascii_letters
#: Arabic digits, half- and full-width.
DIGITS = "0123456789０１２３４５６７８９"
#: Chinese numerals one to nine, and one to ten: ranks (``第三``), part numbers
#: (``第二部分``), five-year plans (``十四五``).
CN_ONE_TO_NINE = "一二三四五六七八九"
CN_ONE_TO_TEN = CN_ONE_TO_NINE + "十"
#: The characters of a heading's Chinese numeral (``十二``, ``二十``, ``一百零一``).
CN_HEADING_NUMERAL = CN_ONE_TO_TEN + "百零〇两"
#: The characters of any Chinese numeral an amount is written in (``五千万``).
CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
#: The digits of a year written digit by digit (``二〇二二``), with the circle and the
#: letter O that some texts write for 〇.
CN_YEAR_DIGIT = CN_ONE_TO_NINE + "〇零○OＯ"
#: Characters of no width that web pages and word processors leave inside text: the
#: zero-width space, non-joiner and joiner, the word joiner, and U+FEFF (a byte-order
#: mark inside the text reads as a zero-width no-break space).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
#: Characters a terminal acts on rather than shows (C0 and C1 controls, DEL): escaped
#: wherever report text is printed to one.
TERMINAL_CONTROLS = "\x00-\x1f\x7f-\x9f"

# sets of characters

#: Line breaks: LF and CR.
LINE_BREAKS = "\r\n"
#: What ends a sentence: 。！？ and their ASCII forms.
STOPS = "。！？!?"
#: The full-width stops alone: a line holding one holds a sentence of Chinese prose.
#: Page chrome and headers are told by their having none; the ASCII forms do not count
#: there, as a web dump writes ``?`` for each character its encoding lost
#: (``时间：2022-12-01????作者：…``).
CN_STOPS = "。！？"
#: Closing quotes and brackets that belong to the sentence their stop ends.
CLOSERS = "”’」』）)》"
#: A sentence that trails off (``……``) is whole all the same.
ELLIPSIS = "…"
#: Pauses inside a sentence: commas, semicolons and colons, full- and half-width.
COMMAS = ",，"
SEMICOLONS = ";；"
COLONS = ":："
PAUSES = COMMAS + SEMICOLONS + COLONS
#: The enumeration comma, between the items of a list (``249栋楼、82万平方米``).
LIST_COMMA = "、"
#: Symbols a page sets around a heading line (``※名词解释※``, ``【附件】``).
ORNAMENTS = "※★☆◆◇■□●▲【】"
#: What ends a clause: a pause, a stop or a line break.
CLAUSE_BREAKS = PAUSES + STOPS + LINE_BREAKS
#: What ends an item of a list: a clause break or the enumeration comma.
LIST_BREAKS = CLAUSE_BREAKS + LIST_COMMA

# patterns

#: One character of a line (anything but a line break), and white space inside a line.
IN_LINE = r"[^\r\n]"
SPACE_IN_LINE = r"[^\S\r\n]"
#: The name of a five-year plan (``十四五``: the fourteenth).
FIVE_YEAR_PLAN = f"十[{CN_ONE_TO_NINE}]五"
#: A full-width sentence stop (see :data:`CN_STOPS`).
CN_STOP = re.compile(f"[{CN_STOPS}]")
#: The character that ends a line (the first of a CRLF).
LINE_END = re.compile(r"[\r\n]")
#: A line break: LF, CRLF or a lone CR.
LINE_BREAK = re.compile(r"\r\n?|\n")
#: A blank line: two line breaks with nothing between them (the CR of a CRLF is not a
#: break of its own).
BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n){2}")


class ByLineBreaks:
    """A pattern that reads line breaks, compiled for both kinds of text: as written
    (``[\\r\\n]`` and ``\\r\\n`` in classes), for text holding a CR; and for text without
    one (nearly all), with ``\\n`` alone, which the regex engine scans for several times
    faster than for a class. Call it with the text to get the pattern to use."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.any_break = re.compile(pattern, flags)
        self.lf_only = re.compile(pattern.replace(r"[\r\n]", r"\n").replace(r"\r\n", r"\n"), flags)

    def __call__(self, text: str) -> re.Pattern[str]:
        return self.any_break if "\r" in text else self.lf_only


#: A line, white space left out at both ends (group 1).
LINE = ByLineBreaks(rf"{SPACE_IN_LINE}*(\S(?:{IN_LINE}*\S)?)")


def lines(text: str, start: int = 0, end: Optional[int] = None) -> Iterator[tuple[int, int]]:
    """Spans ``(start, end)`` of the non-blank lines of ``text[start:end]``, white space
    at either end of each left out. The one line reader: every rule that reads lines
    reads these."""
    for m in LINE(text).finditer(text, start, len(text) if end is None else end):
        yield m.span(1)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``(start, end)`` to leave out white space at either end."""
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return start, end  # nearly always: lines are read without their white space
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# word lists


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, each escaped: the one way a word
    list becomes a pattern, so that a longer word always wins over its prefix."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` longest first, for :func:`ends_with_any` to find the longest."""
    return tuple(sorted(words, key=len, reverse=True))


def ends_with_any(text: str, pos: int, words: tuple[str, ...]) -> Optional[str]:
    """The first of ``words`` that ``text[:pos]`` ends with (the longest, for words
    sorted longest first); where only whether one does counts, ask
    ``text.endswith(words, 0, pos)`` of a tuple. Only the words ending in the
    character before ``pos`` are tried."""
    if pos <= 0:
        return None
    for w in _by_last_character(words).get(text[pos - 1], ()):
        if text.endswith(w, 0, pos):
            return w
    return None


@functools.cache
def _by_last_character(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their last character, each group in the order given."""
    groups: dict[str, list[str]] = {}
    for w in words:
        if w:
            groups.setdefault(w[-1], []).append(w)
    return {ch: tuple(ws) for ch, ws in groups.items()}


def starting(words: Sequence[str]) -> re.Pattern[str]:
    """A pattern that matches, at a position, the longest of ``words`` that the text has
    there (one regex match, not a loop over the words). Where only whether the text has
    one counts, ask ``text.startswith(words, pos)`` of a tuple."""
    return re.compile(alternation(words)) if words else re.compile(r"(?!)")


class Breaks:
    """A set of characters that end a clause. ``joins`` is a pattern that finds those
    of them that join rather than end (see :data:`LIST`).
    :class:`sdr_analysis.document.Clauses` finds clauses by them."""

    def __init__(self, name: str, chars: str, joins: Optional[str] = None, base: Optional["Breaks"] = None) -> None:
        self.name = name
        self.chars = chars
        self.pattern = re.compile(f"[{re.escape(chars)}]")
        self.joins = re.compile(joins) if joins else None
        #: Breaks whose characters are all among these: their clauses' breaks, found once,
        #: are these less :attr:`more` (a scan for a few characters is quicker than one for all).
        self.base = base
        self.more: Optional[re.Pattern[str]] = None
        if base is not None:
            extra = "".join(ch for ch in chars if ch not in base.chars)
            assert set(base.chars) <= set(chars) and extra, "a base's breaks must be some of these"
            self.more = re.compile(f"[{re.escape(extra)}]")

    def __repr__(self) -> str:
        return f"<Breaks {self.name}>"


#: Clause breaks (pauses, stops, line breaks).
CLAUSE = Breaks("clause", CLAUSE_BREAKS)
#: Clause breaks within a passage a PDF dump may wrap anywhere: a line break is no break.
CLAUSE_IN_PASSAGE = Breaks("clause in passage", PAUSES + STOPS)
#: Breaks between the items of a list: clause breaks and the enumeration comma. A comma
#: between two Chinese numerals joins them (``三、四级道路``), except right before a
#: figure, which the second numeral then begins (``第一、二轮``: the figure ``二轮``).
#: The joining comma is matched before what stands around it is looked at, so that the
#: scan goes from comma to comma rather than trying every character.
LIST = Breaks("list", LIST_BREAKS, joins=f"{LIST_COMMA}(?<=[{CN_ONE_TO_TEN}]{LIST_COMMA})(?=[{CN_ONE_TO_TEN}])", base=CLAUSE)
