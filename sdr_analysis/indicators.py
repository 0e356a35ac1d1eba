"""Indicators: figures that state an amount (a number with a unit, %, 个百分点 or 倍).

One pattern finds every candidate; an ordered list of rejection rules then drops what
is not an amount (dates, names, grades, ranks, time windows, codes). Nothing is keyed
to particular reports: each rule names a class of text.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Optional, Sequence

from . import rules
from .numbers import (
    DROP_ZERO_WIDTH,
    MAX_INTEGER_DIGITS,
    SCALES,
    ZERO_WIDTH,
    as_number,
    is_digit_string,
    parse_arabic,
    parse_chinese,
)
from .results import Indicator, Section, Sentence, positional
from .rules import alternation
from .structure import LIST_BREAKS
from .units import FRACTION_UNITS, PER_UNITS, UNIT_BY_SURFACE, UNITS, Unit

#: Any zero-width characters (:data:`~sdr_analysis.numbers.ZERO_WIDTH`): a figure is
#: read through them between its digits and between its parts (``3\u200b万个``).
ZW = f"[{ZERO_WIDTH}]*+"

ARABIC = rf"[0-9０-９]{{1,3}}(?:,[0-9]{{3}})+(?![0-9０-９])|[0-9０-９](?:{ZW}[0-9０-９])*(?:{ZW}[.．]{ZW}[0-9０-９](?:{ZW}[0-9０-９])*)?"
CHINESE = rf"[零〇一二两三四五六七八九十百千万亿](?:{ZW}[零〇一二两三四五六七八九十百千万亿])*"
#: A number starts where a run of its characters does. A match starting inside a run
#: would be a code (:func:`is_code`) or what a match at the run's start already was,
#: and trying every position of a long run without a unit after it would take time
#: growing with the square of its length.
ARABIC_START = r"(?<![0-9０-９])"
CHINESE_START = r"(?<![零〇一二两三四五六七八九十百千万亿])"
#: The digits (and separators) of an Arabic number before its point.
INTEGER_PART = re.compile(r"[^.．]*")

#: Characters a figure can start with: a quick test at each position before the
#: whole pattern is tried.
FIRST_CHARS = "".join(sorted({w[0] for w in rules.QUALIFIERS_BEFORE})) + r"\-－−0-9０-９零〇一二两三四五六七八九十百千万亿"

FIGURE = re.compile(
    rf"""
    (?=[{FIRST_CHARS}])
    (?:(?P<pre>{alternation(rules.QUALIFIERS_BEFORE)}){ZW})?
    (?:(?<![0-9０-９A-Za-z.．])(?P<neg>[-－−])(?=[0-9０-９]))?  # a negative rate (增长-2.6%)
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
    (?<![0-9０-９./／A-Za-z])(?P<num>[0-9０-９]{{1,3}})[/／](?P<den>[0-9０-９]{{1,3}})(?![0-9０-９./／%％])
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
#: Clause breaks for labels: the list comma too, except between two Chinese numerals,
#: where it joins them (``三、四级道路``).
_CN_DIGIT = "[一二三四五六七八九十]"
#: One character class first (a 、 between two numerals is then ruled out), so that the
#: regex engine can scan for the class.
_BREAK = "[" + re.escape(LIST_BREAKS) + f"](?!(?<={_CN_DIGIT}、){_CN_DIGIT})"
BREAK = re.compile(_BREAK)
LAST_BREAK = re.compile(f"(?s:.*)(?:{_BREAK})")
LABEL_TRIM = "、和及与并且,，;；:： "
MAX_LABEL = 16
SHORT_BEFORE = 3


@lru_cache(maxsize=4096)
def _number(ar: Optional[str], cn: Optional[str]) -> Optional[Decimal]:
    """The value of an Arabic or a Chinese numeral, ``None`` if it is not one number
    (cached: a report writes the same numerals again and again)."""
    try:
        return parse_arabic(ar) if ar else parse_chinese(cn or "")
    except ValueError:
        return None


def _longest_first(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _ends_with_any(text: str, pos: int, words: Sequence[str]) -> Optional[str]:
    """The first of ``words`` that ``text[:pos]`` ends with (the longest, for words
    sorted longest first); where only whether one does counts, rules ask
    ``text.endswith(words, 0, pos)`` of a tuple."""
    for w in words:
        if text.endswith(w, 0, pos):
            return w
    return None


def _starting(words: Sequence[str]) -> re.Pattern[str]:
    """A pattern that matches, at a position, the longest of ``words`` that the text has
    there (one regex match, not a loop over the words). Where only whether the text has
    one counts, rules ask ``text.startswith(words, pos)`` of a tuple."""
    return re.compile(alternation(words)) if words else re.compile(r"(?!)")


ALLOW_BEFORE = _longest_first(rules.ALLOW_BEFORE)
REJECT_BEFORE = _longest_first(rules.REJECT_BEFORE)
REJECT_BEFORE_LAST = {w[-1] for w in REJECT_BEFORE}
TIME_WINDOW_BEFORE = _longest_first(rules.TIME_WINDOW_BEFORE)
TIME_WINDOW_AFTER = tuple(rules.TIME_WINDOW_AFTER)
DURATION_ATTRIBUTE_AFTER = tuple(rules.DURATION_ATTRIBUTE_AFTER)
REJECT_AFTER = tuple(rules.REJECT_AFTER)
REJECT_BEFORE_CHINESE = _longest_first(rules.REJECT_BEFORE_CHINESE)
YEAR_SPAN_VERBS = _longest_first(rules.YEAR_SPAN_VERBS)
UNIT_BEGINS_WORD = {unit: tuple(words) for unit, words in rules.UNIT_BEGINS_WORD.items()}
SESSION_AFTER = tuple(rules.SESSION_AFTER)
SESSION_BEFORE = _longest_first(rules.SESSION_BEFORE)
PHASE_AFTER = tuple(rules.PHASE_AFTER)
SIZE_CLASS_NOUN = re.compile(alternation(rules.SIZE_CLASS_NOUNS))
SIZE_CLASS_BEFORE = _longest_first(rules.SIZE_CLASS_BEFORE)
NAME_UNITS = {rest[0] for _, rest in rules.NAMES_WITH_NUMERALS}
#: Kinds of measure that class things when written before a noun (``亿元以上项目``);
#: shares (``约7成村庄``) and multiples of kind ``other`` count them instead.
SIZE_CLASS_KINDS = frozenset({"money", "length", "other"})
SHARE_UNITS = frozenset({"成", "‰", "fraction", "倍"})
#: A run of Chinese text (no punctuation, digits or breaks) from a capacity figure to
#: the end of the name it sits in.
CAPACITY_NAME = re.compile(f"[\u4e00-\u9fff]{{0,8}}?(?:{alternation(rules.CAPACITY_NAME_ENDS)})")
CJK = re.compile("[\u4e00-\u9fff]")
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
        _RATES[key] = Unit(f"{unit.surface}/{key[1]}{per}", "rate", f"{unit.base}/{key[1]}{per}", unit.scale)
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
    behind: int  # where the rules look back from (see _settle)

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
    return (numeral, None) if numeral[0] in "0123456789０１２３４５６７８９" else (None, numeral)


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


def _candidates(text: str, span: tuple[int, int]) -> list[Candidate]:
    """Figures and fractions (written out or with a slash) in reading order; a figure
    that overlaps a fraction gives way to it."""
    figures = [Candidate(m) for m in FIGURE.finditer(text, *span)]
    fractions = _fractions(text, span) + _slash_fractions(text, span)
    if not fractions:
        return figures
    # fractions do not overlap one another: a figure overlaps one only if the last
    # fraction starting before the figure ends runs past the figure's start
    taken = sorted((f.start, f.end) for f in fractions)
    starts = [s for s, _ in taken]

    def overlaps(c: Candidate) -> bool:
        i = bisect.bisect_left(starts, c.end) - 1
        return i >= 0 and taken[i][1] > c.start

    figures = [c for c in figures if not overlaps(c)]
    return sorted(figures + fractions, key=lambda c: c.start)


def _settle(text: str, c: Candidate) -> None:
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


# Each rule takes the text and a candidate and returns a reason to reject it, or None.
# Order matters only for the reason reported; every rule is a class of non-amounts.
# A rule that can only reject some units (or only Chinese numerals) says which with
# :func:`concerns`, and is not tried on the others (:func:`rules_for`).


def concerns(test: Callable[[Unit, bool], bool]) -> Callable[[Callable], Callable]:
    """Mark a rule as one that can reject only candidates whose unit (and whether the
    numeral is Chinese) pass ``test``."""

    def mark(rule: Callable) -> Callable:
        rule.concerns = test  # type: ignore[attr-defined]
        return rule

    return mark




def in_name(text, c, zones):
    """Inside quotes or a title, part of a name (``“一号联办三件事”``), or on a line of
    page furniture (a page number, a running header)."""
    return "in a name or page furniture" if zones(c.number_start) else None


def is_code(text, c, zones):
    """Glued to Latin letters or other digits: a code or a measure name (``PM2.5``)."""
    pos = c.behind
    return "part of a code" if pos and text[pos - 1] in rules.CODE_CHARS else None


def is_ordinal_or_vague(text, c, zones):
    """An ordinal, a rank, a vague count or a rate's denominator (``第二``, ``数十``;
    but ``人数352万人`` states an amount)."""
    pos = c.behind
    if c.cn and text.endswith(REJECT_BEFORE_CHINESE, 0, pos):
        return "a vague count"
    if text[pos - 1 : pos] not in REJECT_BEFORE_LAST or text.endswith(ALLOW_BEFORE, 0, pos):
        return None
    word = _ends_with_any(text, pos, REJECT_BEFORE)
    return f"after {word}" if word else None


@concerns(lambda unit, chinese: unit.surface in UNIT_BEGINS_WORD or unit.surface == "成")
def is_word_not_unit(text, c, zones):
    """A unit character that begins a longer word (``70周年``, ``两位数``, ``成为``)."""
    words = UNIT_BEGINS_WORD.get(c.unit.surface)
    if words and not c.post and text.startswith(words, c.unit_end):
        return "a word, not a unit"
    if c.unit.surface == "成" and c.scale:
        return "a word, not a unit"
    return None


@concerns(lambda unit, chinese: unit.surface == "次")
def is_session(text, c, zones):
    """A session or plenum ordinal (``三次会议``, ``十一届六次全会``)."""
    if c.unit.surface != "次" or c.pre or c.mid or c.post:
        return None
    if text.startswith(SESSION_AFTER, c.end) or text.endswith(SESSION_BEFORE, 0, c.start):
        return "a session ordinal"
    return None


@concerns(lambda unit, chinese: unit.surface in NAME_UNITS or unit.surface == "期")
def is_name_with_numeral(text, c, zones):
    """A name that holds a numeral (``中央八项规定``) or a project's phase (``二期工程``)."""
    if c.unit.surface in NAME_UNITS:
        for before, rest in rules.NAMES_WITH_NUMERALS:
            if text.startswith(rest, c.unit_end - len(c.unit.surface)) and text.startswith(before, c.start - len(before)):
                return "a name"
    if c.unit.surface == "期" and not c.post and text.startswith(PHASE_AFTER, c.end):
        return "a project phase"
    return None


@concerns(lambda unit, chinese: (
    unit.surface == "岁" or unit.kind == "length" or unit.kind in SIZE_CLASS_KINDS or unit.surface in rules.SIZE_CLASS_UNITS
))
def is_size_class(text, c, zones):
    """A figure that classes a thing rather than counts or sums it (``亿元以上项目``,
    ``超五十亿元企业``, ``时速250公里``, ``8座以下客车``, ``65岁以上老人``,
    ``200万吨褐煤提质项目``)."""
    unit = c.unit
    if unit.surface == "岁":
        return "an age group" if CJK.match(text, c.end) else None
    if unit.kind == "length" and text.endswith(SIZE_CLASS_BEFORE, 0, c.behind):
        return "a size class"
    if unit.kind in SIZE_CLASS_KINDS and unit.base not in SHARE_UNITS:
        if c.post in (None, "以上", "以下") and SIZE_CLASS_NOUN.match(text, c.end):
            return "a size class"
        if unit.base in rules.CAPACITY_UNITS and not c.post and CAPACITY_NAME.match(text, c.end):
            return "a capacity in a name"
    elif unit.surface in rules.SIZE_CLASS_UNITS and c.post in ("以上", "以下") and SIZE_CLASS_NOUN.match(text, c.end):
        return "a size class"
    return None


@concerns(lambda unit, chinese: unit.surface == "年")
def is_date(text, c, zones):
    """A year (``2022年``, ``二〇二二年``) or a fiscal year (``2022年度``)."""
    if c.unit.surface != "年":
        return None
    if c.ar and len(c.ar) == 4 and not c.scale:
        return "a year"
    if c.cn and is_digit_string(c.cn):
        return "a year"
    if text.startswith("度", c.unit_end):
        return "a year"
    return None


def is_time_window(text, c, zones):
    """A span of time that frames the text, not an amount (``过去五年``, ``一年来``,
    ``时隔三年``), and a span of years in Chinese numerals that no verb measures
    (``极不平凡的五年``, ``五年砥砺奋进``; but ``提前一年``)."""
    if c.pre in TIME_WINDOW_BEFORE or text.endswith(TIME_WINDOW_BEFORE, 0, c.behind):
        return "a time window"
    if text.startswith(TIME_WINDOW_AFTER, c.unit_end) and not c.post:
        return "a time window"
    if (
        c.cn and c.unit.surface == "年" and not (c.pre or c.mid or c.post or c.sep or c.scale)
        and not text.endswith(YEAR_SPAN_VERBS, 0, c.behind)
    ):
        return "a time window"
    return None


def is_attribute(text, c, zones):
    """A duration that names a service or a programme (``24小时自助``)."""
    return "an attribute" if text.startswith(DURATION_ATTRIBUTE_AFTER, c.end) else None


def is_grade(text, c, zones):
    """A grade or level (``三级医院``)."""
    return "a grade" if text.startswith(REJECT_AFTER, c.end) else None


@concerns(lambda unit, chinese: chinese)
def is_bare_scale(text, c, zones):
    """A lone 百/千/万/亿 counts only with a qualifier (``近千场``, ``百余场``); alone
    it is part of a name or an idiom (``万人太极拳``, ``千家万户``)."""
    if c.cn and len(c.cn) == 1 and c.cn in BARE_SCALES and not (c.pre or c.mid):
        return "a bare scale"
    return None


@concerns(lambda unit, chinese: chinese)
def is_indefinite(text, c, zones):
    """A lone Chinese 一 with a measure word is an article (``一批``, ``打造一个``),
    except a span of time a verb measures (``提前一年``, ``连续一年``)."""
    if c.cn == "一" and not (c.pre or c.mid or c.scale or c.sep):
        if c.unit.kind == "duration" and text.endswith(YEAR_SPAN_VERBS, 0, c.behind):
            return None
        return "an article"
    return None


def is_unparsable(text, c, zones):
    """A run of numeral characters that is not a number (``十四五``), or one larger
    than any figure: more digits than
    :data:`~sdr_analysis.numbers.MAX_INTEGER_DIGITS` before the point (an identifier,
    a code, garbage) or a value past :data:`~sdr_analysis.numbers.MAX_VALUE`
    (``亿亿亿元``). Such numerals have no value (see :mod:`~sdr_analysis.numbers`)."""
    if c.value is not None:
        return None
    if c.ar and len(INTEGER_PART.match(c.ar).group().replace(",", "")) > MAX_INTEGER_DIGITS:
        return "more digits than any figure"
    return "not a number"


REJECTION_RULES: tuple[Callable, ...] = (
    is_unparsable,
    in_name,
    is_code,
    is_ordinal_or_vague,
    is_grade,
    is_word_not_unit,
    is_session,
    is_name_with_numeral,
    is_size_class,
    is_bare_scale,
    is_indefinite,
)

#: Rules that apply to durations only (天, 年, 小时 …), checked after the ones above.
DURATION_RULES: tuple[Callable, ...] = (
    is_date,
    is_time_window,
    is_attribute,
)


@lru_cache(maxsize=None)
def rules_for(unit: Unit, chinese: bool) -> tuple[Callable, ...]:
    """The rules, in order, that can reject a figure of ``unit`` (in Chinese numerals
    or not): :data:`REJECTION_RULES`, then for a duration :data:`DURATION_RULES`, less
    those whose :func:`concerns` leave it out."""
    tried = REJECTION_RULES + DURATION_RULES if unit.kind == "duration" else REJECTION_RULES
    return tuple(r for r in tried if (test := getattr(r, "concerns", None)) is None or test(unit, chinese))


def qualifier_of(c: Candidate) -> str:
    if c.sep:
        return "range"
    if c.pre:
        return rules.QUALIFIERS_BEFORE[c.pre]
    if c.mid:
        return rules.QUALIFIERS_INSIDE[c.mid]
    if c.post:
        return rules.QUALIFIERS_AFTER[c.post]
    return "exact"


def _trim_label(label: str) -> str:
    """Keep the last :data:`MAX_LABEL` characters, nearest the figure; a quoted name cut
    by that is kept whole, and one that opens inside the kept text leads it."""
    if len(label) <= MAX_LABEL:
        return label
    cut = len(label) - MAX_LABEL
    opened = label.rfind("“", 0, cut)
    if opened != -1 and label.find("”", opened) >= cut:
        return label[opened:]
    quote = label.find("“", cut)
    return label[quote:] if quote > cut else label[cut:]


def _clause_start(text: str, pos: int, lo: int) -> int:
    """Just after the last clause break in ``text[lo:pos]``, or ``lo``."""
    m = LAST_BREAK.match(text, lo, pos)
    return m.end() if m else lo


def _clause_end(text: str, pos: int, hi: int) -> int:
    """The first clause break in ``text[pos:hi]``, or ``hi``."""
    m = BREAK.search(text, pos, hi)
    return m.start() if m else hi


MEASURE_VERBS = _longest_first(rules.MEASURE_VERBS)
LABEL_OPENERS = _starting(rules.LABEL_OPENERS)
LABEL_OPENER_WORDS = tuple(rules.LABEL_OPENERS)
LABEL_TAIL = rules.LABEL_DANGLING + LABEL_TRIM
#: Clause breaks for a 分别 list: its measures are joined by 、, so only the other
#: breaks end it.
LIST_CLAUSE_BREAK = re.compile(f"(?s:.*)[{re.escape(LIST_BREAKS.replace('、', ''))}]")


def _tidy(label: str) -> str:
    """A label without the openers and dangling particles around it."""
    label = label.strip(LABEL_TRIM)
    opener = LABEL_OPENERS.match(label) if label.startswith(LABEL_OPENER_WORDS) else None
    if opener and len(label) > opener.end():
        label = label[opener.end():]
    return label.rstrip(LABEL_TAIL)


def subject_of(label: str) -> str:
    """The measure a label names, without the verbs at its end (``旅游收入增长`` →
    ``旅游收入``)."""
    while True:
        verb = _ends_with_any(label, len(label), MEASURE_VERBS)
        if not verb or verb == label:
            return label
        label = label[: -len(verb)]


def label_of(text: str, before_start: int, start: int, end: int, after_end: int, previous: Optional[str]) -> str:
    """What a figure measures: the clause text before it (back to the previous figure),
    joined to the text after it when the text before is only a verb (``投资改造老旧
    小区``); a figure listed after another (``、82万平方米``) takes the label of the one
    before (``previous``, the label of the figure before in the same sentence), and a
    figure after only a verb in the next clause takes that figure's subject with its
    own verb (``增长20%，达到282亿元``: ``…达到``)."""
    before = _tidy(text[before_start:start])
    after = text[end:after_end].strip(LABEL_TRIM)
    if len(before) < SHORT_BEFORE and after:
        label = _tidy(before + after)
    elif len(before) < SHORT_BEFORE and previous and "、" not in (text[start - 1 : start], text[before_start - 1 : before_start]):
        label = _trim_label(subject_of(previous) + before)
    else:
        label = _trim_label(before)
    if not label and previous is not None and text[start - 1 : start] == "、":
        label = previous
    return label


def complete_item(items: Sequence[str], k: int) -> str:
    """The k-th measure of a list that names the shared part once, at its end:
    ``城镇、农村居民收入`` → ``城镇居民收入``; measures that end alike are whole
    (``基础设施投资、工业投资``)."""
    item, last = items[k], items[-1]
    if k == len(items) - 1 or not item or item[-1] == last[-1] or len(item) >= len(last):
        return item
    return item + last[len(item):]


def respective_labels(text: str, figures: Sequence[Candidate], lo: int, last_items: Optional[list[str]]):
    """Labels for a 分别 list, or ``None``: each figure after ``分别`` (up to the clause
    end) paired with the measure at its place in the list before it; a clause with no
    list before its ``分别`` uses the list of the clause before (``…分别达到4.2万元、
    2.1万元，分别增长4.8%、6.2%``). Returns the labels and the list of measures."""
    first = figures[0]
    clause = LIST_CLAUSE_BREAK.match(text, lo, first.start)
    clause_start = clause.end() if clause else lo
    at = text.rfind(rules.RESPECTIVELY, clause_start, first.start)
    if at == -1:
        return None
    verb = text[at + len(rules.RESPECTIVELY) : first.start].strip(LABEL_TRIM)
    items: Optional[list[str]] = [_tidy(x) for x in text[clause_start:at].split("、")]
    if items is not None and len(items) < 2:
        items = last_items
    if not items or len(items) < 2:
        return None
    labels = [_trim_label(complete_item(items, k) + verb) if k < len(items) else None for k in range(len(figures))]
    return labels, items


def is_each(text: str, clause_start: int, start: int) -> bool:
    """Whether 各 stands between the clause start (or the previous figure) and the
    figure as "each", rather than as part of a determiner (``各级``, ``各类``)."""
    pos = text.rfind(rules.EACH, clause_start, start)
    while pos != -1:
        if text[pos + 1 : pos + 2] not in rules.EACH_DETERMINER_NEXT:
            return True
        pos = text.rfind(rules.EACH, clause_start, pos)
    return False


make_indicator = positional(Indicator)


def _containing(spans: Sequence[Sentence], offsets: list[int]) -> list[Optional[Sentence]]:
    """For each offset, the span (of ``spans``, in reading order) that holds it, or
    ``None``."""
    starts = [s.start for s in spans]
    out: list[Optional[Sentence]] = []
    for pos in offsets:
        i = bisect.bisect_right(starts, pos) - 1
        out.append(spans[i] if i >= 0 and pos < spans[i].end else None)
    return out


def find_indicators(
    text: str,
    span: tuple[int, int],
    zones: Callable[[int], bool],
    sentences: Sequence[Sentence],
    sections: Sequence[Section],
) -> list[Indicator]:
    """Every indicator in ``text[span[0]:span[1]]``, in reading order.

    ``zones(offset)`` tells whether an offset lies inside quotes, a title or page
    furniture;
    ``sentences`` and ``sections`` (the outermost ones) are in reading order; they
    place each figure in its sentence and section.
    """
    kept: list[Candidate] = []
    for c in _candidates(text, span):
        _settle(text, c)
        for rule in rules_for(c.unit, c.cn is not None):
            if rule(text, c, zones):
                break
        else:
            kept.append(c)
    holders = _containing(sentences, [c.start for c in kept])
    out: list[Indicator] = []
    label = None
    listed: dict[int, str] = {}  # labels given by a 分别 list, by the figure's index
    items = None  # the measures of the last 分别 list in the sentence
    respectively, each_word = rules.RESPECTIVELY, rules.EACH
    at = 0  # figures and sections both come in reading order: walk them together
    section_end, section = -1, None
    for i, (c, sentence) in enumerate(zip(kept, holders)):
        start, end = c.start, c.end
        if start >= section_end:
            while at < len(sections) and sections[at].end <= start:
                at += 1
            if at < len(sections) and sections[at].start <= start:
                section, section_end = sections[at].key, sections[at].end
            else:
                section, section_end = None, sections[at].start if at < len(sections) else len(text)
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
        same_sentence = bool(i) and holders[i - 1] is sentence
        if not same_sentence:
            items = None
        if i and kept[i - 1].end > lo:
            lo = kept[i - 1].end
        if i + 1 < len(kept) and kept[i + 1].start < hi:
            hi = kept[i + 1].start
        before_start = _clause_start(text, start, lo)
        if i not in listed and text.find(respectively, lo, start) != -1:
            run = [c]  # the figures of the list: each after the one before, past a 、
            while (
                i + len(run) < len(kept) and holders[i + len(run)] is sentence
                and text[run[-1].end : kept[i + len(run)].start].strip(LABEL_TRIM + "和及与") == ""
            ):
                run.append(kept[i + len(run)])
            found = respective_labels(text, run, lo, items)
            if found:
                labels, items = found
                listed.update((i + k, lb) for k, lb in enumerate(labels) if lb)
        if i in listed:
            label = listed.pop(i)
        else:
            label = label_of(text, before_start, start, end, _clause_end(text, end, hi), label if same_sentence else None)
        unit = c.unit
        out.append(
            make_indicator(
                start=start,
                end=end,
                text=text[start:end],
                value=as_number(c.value),  # type: ignore[arg-type]  # the rules leave no figure without a value
                unit=unit.base,
                kind=unit.kind,
                qualifier=qualifier_of(c),
                label=label,
                section=section,
                each=text.find(each_word, before_start, start) != -1 and is_each(text, before_start, start),
                value_max=as_number(c.value_max) if c.value_max is not None else None,
                role=None,  # set for money by :func:`sdr_analysis.roles.assign_roles`
                sentence=sentence,
            )
        )
    return out

