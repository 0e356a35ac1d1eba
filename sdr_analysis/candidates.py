"""Candidate figures: every number with a unit, %, 个百分点 or 倍 that the text writes,
read once into its parts (qualifiers, numerals, scale, unit, range) with its value.

One pattern (:data:`FIGURE`) finds the figures, two more the fractions written out
(``三分之一``) or with a slash (``1/4``); :mod:`sdr_analysis.indicators` then rules
out what is not an amount.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from . import rules
from .chars import CN_NUMERAL, DIGITS, LATIN, ZERO_WIDTH, alternation
from .numbers import DROP_ZERO_WIDTH, MAX_INTEGER_DIGITS, SCALES, parse_arabic, parse_chinese
from .spans import SpanIndex, sparse
from .units import FRACTION_UNITS, PER_UNITS, RATE_KIND, UNIT_BY_SURFACE, UNITS, Unit

#: Zero-width characters (:data:`~sdr_analysis.chars.ZERO_WIDTH`): a figure is read
#: through a few of them at a time between its digits and between its parts
#: (``3\u200b万个``). A bound, so that :data:`ARABIC_START` can see where a run of
#: digits began: a lookbehind has a fixed width.
ZW_MAX = 3
ZW = f"[{ZERO_WIDTH}]{{0,{ZW_MAX}}}+"

#: One Arabic digit.
DIGIT = f"[{DIGITS}]"
#: Its runs of digits are possessive: nothing after a number starts with a digit, so
#: giving digits back could never make a figure, and a long run without a unit after it
#: would be given back one digit at a time.
ARABIC = rf"{DIGIT}{{1,3}}(?:,[0-9]{{3}})+(?!{DIGIT})|{DIGIT}(?:{ZW}{DIGIT})*+(?:{ZW}[.．]{ZW}{DIGIT}(?:{ZW}{DIGIT})*+)?"
CHINESE = rf"[{CN_NUMERAL}](?:{ZW}[{CN_NUMERAL}])*"
#: A number starts where a run of its characters does, zero-width characters inside
#: the run included. A match starting inside a run would be a code (:func:`is_code`)
#: or what a match at the run's start already was, and trying every position of a long
#: run without a unit after it would take time growing with the square of its length
#: (``'1\u200b' * N``).
ARABIC_START = "".join(rf"(?<!{DIGIT}[{ZERO_WIDTH}]{{{n}}})" for n in range(ZW_MAX + 1))
CHINESE_START = "".join(rf"(?<![{CN_NUMERAL}][{ZERO_WIDTH}]{{{n}}})" for n in range(ZW_MAX + 1))
#: The digits (and separators) of an Arabic number before its point.
INTEGER_PART = re.compile(r"[^.．]*")

#: Characters a figure can start with: a quick test at each position before the
#: whole pattern is tried.
FIRST_CHARS = "".join(sorted({w[0] for w in rules.QUALIFIERS_BEFORE})) + r"\-－−" + DIGITS + CN_NUMERAL

FIGURE = re.compile(
    rf"""
    (?=[{FIRST_CHARS}])
    (?:(?P<pre>{alternation(rules.QUALIFIERS_BEFORE)}){ZW})?
    (?:(?<![{DIGITS}{LATIN}.．])(?P<neg>[-－−])(?={DIGIT}))?  # a negative rate (增长-2.6%)
    (?:{ARABIC_START}(?P<ar>{ARABIC})|{CHINESE_START}(?P<cn>{CHINESE}))
    (?:{ZW}(?P<sep>[-－~～—至到]){ZW}(?:(?P<ar2>{ARABIC})|(?P<cn2>{CHINESE})))?
    {ZW}(?:[ \u3000]|(?:\r\n?|\n)(?=\S))?{ZW}  # PDF dumps put a space (230.5 亿元) or a line wrap between number and unit
    (?:(?P<mid>{alternation(rules.QUALIFIERS_INSIDE)}){ZW})?
    (?:(?P<scale>{alternation(SCALES)}){ZW})?
    (?:(?P<mid2>{alternation(rules.QUALIFIERS_INSIDE)}){ZW})?
    (?P<unit>{alternation(u.surface for u in UNITS if u.surface not in FRACTION_UNITS)})
    (?:[/／](?P<per_scale>{alternation(SCALES)})?(?P<per>{alternation(PER_UNITS)}))?  # a rate (25万元/人)
    (?(sep)|(?:{ZW}(?P<sep3>[-－~～—]){ZW}(?P<ar3>{ARABIC}){ZW}(?P=unit))?)  # a range with the unit on both ends (4.5%-5%); 由28家到41家 is a change
    (?:{ZW}(?P<post>{alternation(rules.QUALIFIERS_AFTER)}))?  # zero-width characters at the end stay out
    """,
    re.VERBOSE,
)

#: A fraction or a percentage written out: 三分之一, 百分之五, 千分之三. Only tried around
#: each 分之, which keeps it off the hot path.
FRACTION = re.compile(
    rf"""
    (?P<pre>{alternation(rules.QUALIFIERS_BEFORE)})?
    (?P<den>{ARABIC}|{CHINESE})分之(?P<num>{ARABIC}|{CHINESE})
    (?P<post>{alternation(rules.QUALIFIERS_AFTER)})?
    """,
    re.VERBOSE,
)
FRACTION_MARK = "分之"
FRACTION_REACH = 12

#: A fraction written with a slash: ``1/4``, ``1/5以上``. Numerator below denominator,
#: neither glued to other digits, points or letters (dates, codes, compound units).
SLASH_FRACTION = re.compile(
    rf"""
    (?P<pre>{alternation(rules.QUALIFIERS_BEFORE)})?
    (?<![{DIGITS}./／{LATIN}])(?P<num>{DIGIT}{{1,3}})[/／](?P<den>{DIGIT}{{1,3}})(?![{DIGITS}./／%％])
    (?P<post>{alternation(rules.QUALIFIERS_AFTER)})?
    """,
    re.VERBOSE,
)
SLASH_MARKS = ("/", "／")

BARE_SCALES = set("百千万亿")
#: What may stand between a figure and the word before it: a PDF dump's space, or a
#: zero-width character.
SPACES = frozenset(" \u3000" + ZERO_WIDTH)
SCALE_FACTORS = {k: int(v) for k, v in SCALES.items()}


@lru_cache(maxsize=4096)
def _number(ar: Optional[str], cn: Optional[str]) -> Optional[Decimal]:
    """The value of an Arabic or a Chinese numeral, ``None`` if it is not one number
    (cached: a report writes the same numerals again and again)."""
    try:
        return parse_arabic(ar) if ar else parse_chinese(cn or "")
    except ValueError:
        return None


#: Single-character qualifiers, and the words ending in each that are not qualifiers.
FALSE_QUALIFIERS = {
    q: tuple(w for w in rules.NOT_QUALIFIER_WORDS if len(w) > 1 and w.endswith(q))
    for q in rules.QUALIFIERS_BEFORE
    if len(q) == 1
}


#: :data:`FIGURE`'s groups in the order ``match.groups()`` gives them (checked here, so
#: that a change to the pattern cannot shift them silently).
GROUPS = ("pre", "neg", "ar", "cn", "sep", "ar2", "cn2", "mid", "scale", "mid2", "unit", "per_scale", "per", "sep3", "ar3", "post")
assert tuple(sorted(FIGURE.groupindex, key=lambda g: FIGURE.groupindex[g])) == GROUPS
_NEG, _AR, _CN, _UNIT, _PER, _AR3 = (FIGURE.groupindex[g] for g in ("neg", "ar", "cn", "unit", "per", "ar3"))

_RATES: dict[tuple[str, str, str], Unit] = {}


def rate_unit(unit: Unit, per_scale: Optional[str], per: str) -> Unit:
    """The unit of a rate: ``元`` per ``人`` is ``元/人`` of kind ``rate``; a scale
    after the slash stays in the unit (``人/万人``)."""
    key = (unit.surface, per_scale or "", per)
    if key not in _RATES:
        _RATES[key] = Unit(f"{unit.surface}/{key[1]}{per}", RATE_KIND, f"{unit.base}/{key[1]}{per}", unit.scale)
    return _RATES[key]


class Candidate:
    """A pattern match on its way to becoming an :class:`Indicator`: its groups read
    once, its number parsed once (``value`` is ``None`` when the numeral is not one
    number)."""

    __slots__ = (
        "start", "end", "number_start", "unit_end", "pre", "post", "ar", "cn", "sep", "mid",
        "scale", "unit", "value", "value_max", "behind",
    )
    start: int
    end: int
    number_start: int  # where the numeral starts, past a qualifier before it
    unit_end: int
    pre: Optional[str]
    post: Optional[str]
    ar: Optional[str]
    cn: Optional[str]
    sep: Optional[str]
    mid: Optional[str]
    scale: Optional[str]
    unit: Unit
    value: Optional[Decimal | int]
    value_max: Optional[Decimal | int]
    behind: int  # where the rules look back from (see settle)

    def __init__(self, m: re.Match[str]) -> None:
        (self.pre, neg, self.ar, self.cn, self.sep, ar2, cn2, mid, self.scale, mid2, unit, per_scale, per,
         sep3, ar3, self.post) = m.groups()
        self.start, self.end = m.span()
        self.unit_end = m.end(_PER) if per else m.end(_UNIT)
        self.number_start = m.start(_NEG) if neg else m.start(_AR) if self.ar else m.start(_CN)
        self.mid = mid or mid2
        named = UNIT_BY_SURFACE[unit]
        self.unit = named if not per else rate_unit(named, per_scale, per)
        factor = SCALE_FACTORS[self.scale] * named.scale if self.scale else named.scale
        # the numerals are kept without zero-width characters, for the rules to read:
        # only an Arabic numeral of more than digits, or a Chinese one of three
        # characters or more, can hold one
        ar = self.ar
        low: Optional[Decimal | int]
        if ar and ar.isdigit() and len(ar) <= MAX_INTEGER_DIGITS:
            low = int(ar)
        else:
            if ar:
                ar = self.ar = ar.translate(DROP_ZERO_WIDTH)
            elif self.cn and len(self.cn) > 2:
                self.cn = self.cn.translate(DROP_ZERO_WIDTH)
            low = _number(ar, self.cn)
        self.value = low * factor if low is not None else None
        if neg and self.value is not None:
            self.value = -self.value
        self.value_max = None
        if sep3:
            self.sep, ar2 = sep3, ar3
            pos = m.end(_AR3)
            while m.string[pos] in ZERO_WIDTH:
                pos += 1
            self.unit_end = pos + len(unit)
        if self.sep:
            high = _number(ar2, cn2)
            self.value_max = high * factor if high is not None else None
            if high is None:
                self.value = None


class FractionCandidate(Candidate):
    """A written-out fraction: ``百分之五`` is 5 %, ``千分之三`` 3 ‰, ``三分之一`` the
    fraction 1/3 (its value rounded to six places)."""

    def __init__(self, m: re.Match[str]) -> None:
        den, num = _number(*_split(m.group("den"))), _number(*_split(m.group("num")))
        self.start, self.end = m.start(), m.end()
        self.number_start = m.start("den")
        self.unit_end = m.end("num")
        self.pre, self.post = m.group("pre"), m.group("post")
        self.ar = self.cn = self.sep = self.scale = self.mid = None
        self.value_max = None
        if den is None or num is None or den == 0:
            self.unit, self.value = UNIT_BY_SURFACE["分之"], None
        elif den == 100:
            self.unit, self.value = UNIT_BY_SURFACE["百分之"], num
        elif den == 1000:
            self.unit, self.value = UNIT_BY_SURFACE["千分之"], num
        else:
            self.unit, self.value = UNIT_BY_SURFACE["分之"], round(num / den, 6)


class SlashFractionCandidate(Candidate):
    """A fraction with a slash: ``1/4`` is 0.25 of unit ``fraction``; a numerator
    not below its denominator is no fraction (no value)."""

    def __init__(self, m: re.Match[str]) -> None:
        num, den = parse_arabic(m.group("num")), parse_arabic(m.group("den"))
        self.start, self.end = m.start(), m.end()
        self.number_start = m.start("num")
        self.unit_end = m.end("den")
        self.pre, self.post = m.group("pre"), m.group("post")
        self.ar, self.cn, self.sep, self.scale, self.mid = m.group("num"), None, None, None, None
        self.value_max = None
        self.unit = UNIT_BY_SURFACE["fraction"]
        self.value = round(num / den, 6) if 0 < num < den else None


def _split(numeral: str) -> tuple[Optional[str], Optional[str]]:
    """``(arabic, chinese)`` for :func:`_number`."""
    return (numeral, None) if numeral[0] in DIGITS else (None, numeral)


def _fractions(text: str, span: tuple[int, int]) -> list[FractionCandidate]:
    out: list[FractionCandidate] = []
    pos = text.find(FRACTION_MARK, *span)
    while pos != -1:
        lo = max(span[0], pos - FRACTION_REACH, out[-1].end if out else 0)
        for m in FRACTION.finditer(text, lo, min(span[1], pos + FRACTION_REACH)):
            if m.start("den") <= pos < m.end("den") + 1:
                out.append(FractionCandidate(m))
                break
        pos = text.find(FRACTION_MARK, pos + len(FRACTION_MARK), span[1])
    return out


def _slash_fractions(text: str, span: tuple[int, int]) -> list[Candidate]:
    out: list[Candidate] = []
    for mark in SLASH_MARKS:
        pos = text.find(mark, *span)
        while pos != -1:
            m = SLASH_FRACTION.search(text, max(span[0], pos - FRACTION_REACH), min(span[1], pos + FRACTION_REACH))
            while m and m.end("num") < pos:
                m = SLASH_FRACTION.search(text, m.end("num"), min(span[1], pos + FRACTION_REACH))
            if m and m.end("num") == pos:
                out.append(SlashFractionCandidate(m))
            pos = text.find(mark, pos + 1, span[1])
    return out


#: Figures stand in prose: a run of :data:`PROSE_RUN` figures that start within fewer
#: than :data:`PROSE_BYTES` bytes of text (as UTF-8: a Chinese character is three) is a
#: table run together or no report text at all (``5%5%5%…``, ``5%、5%、…``), and its
#: figures are not read. Real reports write 1,600 bytes or more around 50 figures;
#: prose as dense as ``增长8%，增长8%，…`` (11 bytes a figure) is read.
PROSE_RUN = 50
PROSE_BYTES = 500


def _start(found: re.Match[str] | Candidate) -> int:
    return found.start if isinstance(found, Candidate) else found.start()


def candidates(text: str, span: tuple[int, int]) -> list[Candidate]:
    """Figures and fractions (written out or with a slash) in reading order, those of
    runs too dense for prose left out (:data:`PROSE_RUN`, :data:`PROSE_BYTES`); a
    figure that overlaps a fraction gives way to it. A figure's match becomes a
    :class:`Candidate` only once it is kept: reading one costs more than finding it."""
    fractions = _fractions(text, span) + _slash_fractions(text, span)
    if not fractions:
        figures = sparse(text, FIGURE.finditer(text, *span), re.Match.start, PROSE_RUN, PROSE_BYTES)
        return [Candidate(m) for m in figures]
    # fractions do not overlap one another: a figure overlaps one only if the last
    # fraction starting before the figure ends runs past the figure's start
    taken = SpanIndex.of_spans(sorted((f.start, f.end) for f in fractions))

    def overlaps(m: re.Match[str]) -> bool:
        last = taken.preceding(m.end() - 1)
        return last is not None and last[1] > m.start()

    found: list[re.Match[str] | Candidate] = [m for m in FIGURE.finditer(text, *span) if not overlaps(m)]
    found.extend(fractions)
    found.sort(key=_start)
    return [x if isinstance(x, Candidate) else Candidate(x) for x in sparse(text, found, _start, PROSE_RUN, PROSE_BYTES)]


def settle(text: str, c: Candidate) -> None:
    """Settle where a candidate starts and ends before the rules read it: a qualifier
    character that belongs to the word before it (``签约``, ``通过``) is not a
    qualifier, so the figure starts after it; ``内`` after a figure that is not a span
    of time is not "within"."""
    pre = c.pre
    if pre and pre in FALSE_QUALIFIERS:
        if text.endswith(FALSE_QUALIFIERS[pre], 0, c.number_start) or (
            pre == "上" and not (c.cn and set(c.cn) <= BARE_SCALES)
        ):
            c.pre = None
            c.start = c.number_start
    if c.post == "内" and c.unit.kind != "duration":
        c.post = None
        c.end = c.unit_end
    # where the rules look back from: the figure's start, past one space a PDF dump
    # may have put there (``第 3 名``)
    c.behind = c.start - 1 if text[c.start - 1 : c.start] in SPACES else c.start


#: A figure's qualifier where no word qualifies it, and where it is a range (``3-5个``).
EXACT, RANGE = "exact", "range"

#: Every qualifier a figure can have: exact, those the words in :mod:`~sdr_analysis.rules` give, a range.
QUALIFIERS: tuple[str, ...] = tuple(dict.fromkeys(
    [EXACT, *rules.QUALIFIERS_BEFORE.values(), *rules.QUALIFIERS_INSIDE.values(), *rules.QUALIFIERS_AFTER.values(), RANGE]
))


def qualifier_of(c: Candidate) -> str:
    if c.sep:
        return RANGE
    if c.pre:
        return rules.QUALIFIERS_BEFORE[c.pre]
    if c.mid:
        return rules.QUALIFIERS_INSIDE[c.mid]
    if c.post:
        return rules.QUALIFIERS_AFTER[c.post]
    return EXACT

