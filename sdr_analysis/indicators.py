"""Indicators: figures that state an amount (a number with a unit, %, 个百分点 or 倍).

One pattern finds every candidate; an ordered list of rejection rules then drops what
is not an amount (dates, names, grades, ranks, time windows, codes). Nothing is keyed
to particular reports: each rule names a class of text.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import Callable, Optional, Sequence

from . import rules
from .numbers import CN_DIGITS, SCALES, as_number, is_digit_string, parse_arabic, parse_chinese
from .results import Indicator, Sentence
from .structure import LIST_BREAKS, clause_bounds
from .rules import alternation
from .units import UNIT_BY_SURFACE, UNITS

ARABIC = r"[0-9０-９]{1,3}(?:,[0-9]{3})+(?![0-9０-９])|[0-9０-９]+(?:[.．][0-9０-９]+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+"

FIGURE = re.compile(
    rf"""
    (?P<pre>{alternation(rules.QUALIFIERS_BEFORE)})?
    (?:(?P<ar>{ARABIC})|(?P<cn>{CHINESE}))
    (?:(?P<sep>[-－~～—至到])(?:(?P<ar2>{ARABIC})|(?P<cn2>{CHINESE})))?
    (?P<mid>{alternation(rules.QUALIFIERS_INSIDE)})?
    (?P<scale>{alternation(SCALES)})?
    (?P<mid2>{alternation(rules.QUALIFIERS_INSIDE)})?
    (?P<unit>{alternation(u.surface for u in UNITS)})
    (?P<post>{alternation(rules.QUALIFIERS_AFTER)})?
    """,
    re.VERBOSE,
)

BARE_SCALES = set("百千万亿")
LABEL_TRIM = "、和及与并且,，;；:： "
MAX_LABEL = 16
SHORT_BEFORE = 3


def _number(ar: Optional[str], cn: Optional[str]) -> Optional[Decimal]:
    try:
        return parse_arabic(ar) if ar else parse_chinese(cn or "")
    except ValueError:
        return None


def _ends_with_any(text: str, pos: int, words: Sequence[str]) -> Optional[str]:
    for w in words:
        if text.startswith(w, pos - len(w)):
            return w
    return None


def _starts_with_any(text: str, pos: int, words: Sequence[str]) -> Optional[str]:
    for w in sorted(words, key=len, reverse=True):
        if text.startswith(w, pos):
            return w
    return None


class Candidate:
    """A pattern match on its way to becoming an :class:`Indicator`."""

    __slots__ = ("m", "start", "end", "pre", "post")

    def __init__(self, m: re.Match[str]) -> None:
        self.m = m
        self.start = m.start()
        self.end = m.end()
        self.pre = m.group("pre")
        self.post = m.group("post")

    @property
    def number_start(self) -> int:
        return self.m.start("ar") if self.m.group("ar") else self.m.start("cn")

    @property
    def unit(self):
        return UNIT_BY_SURFACE[self.m.group("unit")]


def _drop_false_qualifiers(text: str, c: Candidate) -> None:
    """A qualifier character that belongs to the word before it (``签约``, ``通过``) is
    not a qualifier: the figure starts after it."""
    if c.pre and len(c.pre) == 1:
        pe = c.m.end("pre")
        for w in rules.NOT_QUALIFIER_WORDS:
            if len(w) > 1 and w.endswith(c.pre) and text.startswith(w, pe - len(w)):
                c.pre = None
                c.start = c.number_start
                return
    if c.pre == "上" and not (c.m.group("cn") and set(c.m.group("cn")) <= BARE_SCALES):
        c.pre = None
        c.start = c.number_start
    if c.post == "内" and c.unit.kind != "duration":
        c.post = None
        c.end = c.m.end("unit")


# Each rule takes the text and a candidate and returns a reason to reject it, or None.
# Order matters only for the reason reported; every rule is a class of non-amounts.


def in_name(text, c, zones):
    """Inside quotes or a title: part of a name (``“一号联办三件事”``)."""
    return "in a name" if zones(c.number_start) else None


def is_code(text, c, zones):
    """Glued to Latin letters or other digits: a code or a measure name (``PM2.5``)."""
    before = text[c.start - 1] if c.start else ""
    return "part of a code" if before in rules.CODE_CHARS else None


def is_ordinal_or_vague(text, c, zones):
    """An ordinal, a rank, a vague count or a rate's denominator (``第二``, ``数十``)."""
    if _ends_with_any(text, c.start, rules.ALLOW_BEFORE):
        return None
    word = _ends_with_any(text, c.start, rules.REJECT_BEFORE)
    return f"after {word}" if word else None


def is_date(text, c, zones):
    """A year (``2022年``, ``二〇二二年``) or a fiscal year (``2022年度``)."""
    if c.unit.surface != "年":
        return None
    ar, cn = c.m.group("ar"), c.m.group("cn")
    if ar and len(ar) == 4 and not c.m.group("scale"):
        return "a year"
    if cn and is_digit_string(cn):
        return "a year"
    if text.startswith("度", c.m.end("unit")):
        return "a year"
    return None


def is_time_window(text, c, zones):
    """A span of time that frames the text, not an amount (``过去五年``, ``一年来``)."""
    if c.unit.kind != "duration":
        return None
    if c.pre in rules.TIME_WINDOW_BEFORE or _ends_with_any(text, c.start, rules.TIME_WINDOW_BEFORE):
        return "a time window"
    if _starts_with_any(text, c.m.end("unit"), rules.TIME_WINDOW_AFTER) and not c.post:
        return "a time window"
    return None


def is_attribute(text, c, zones):
    """A duration that names a service or a programme (``24小时自助``)."""
    if c.unit.kind != "duration":
        return None
    return "an attribute" if _starts_with_any(text, c.end, rules.DURATION_ATTRIBUTE_AFTER) else None


def is_grade(text, c, zones):
    """A grade or level (``三级医院``)."""
    return "a grade" if _starts_with_any(text, c.end, rules.REJECT_AFTER) else None


def is_bare_scale(text, c, zones):
    """A lone 百/千/万/亿 counts only with a qualifier (``近千场``, ``百余场``); alone
    it is part of a name or an idiom (``万人太极拳``, ``千家万户``)."""
    cn = c.m.group("cn")
    if cn and len(cn) == 1 and cn in BARE_SCALES and not (c.pre or c.m.group("mid") or c.m.group("mid2")):
        return "a bare scale"
    return None


def is_indefinite(text, c, zones):
    """A lone Chinese 一 with a measure word is an article (``一批``, ``打造一个``)."""
    cn = c.m.group("cn")
    if cn == "一" and not (c.pre or c.m.group("mid") or c.m.group("scale") or c.m.group("sep")):
        return "an article"
    return None


def is_unparsable(text, c, zones):
    """A run of numeral characters that is not a number (``十四五``)."""
    if _number(c.m.group("ar"), c.m.group("cn")) is None:
        return "not a number"
    if c.m.group("sep") and _number(c.m.group("ar2"), c.m.group("cn2")) is None:
        return "not a number"
    return None


REJECTION_RULES: tuple[Callable, ...] = (
    is_unparsable,
    in_name,
    is_code,
    is_ordinal_or_vague,
    is_date,
    is_time_window,
    is_attribute,
    is_grade,
    is_bare_scale,
    is_indefinite,
)


def qualifier_of(c: Candidate) -> str:
    if c.m.group("sep"):
        return "range"
    if c.pre:
        return rules.QUALIFIERS_BEFORE[c.pre]
    mid = c.m.group("mid") or c.m.group("mid2")
    if mid:
        return rules.QUALIFIERS_INSIDE[mid]
    if c.post:
        return rules.QUALIFIERS_AFTER[c.post]
    return "exact"


def value_of(c: Candidate) -> tuple[Decimal, Optional[Decimal]]:
    scale = SCALES[c.m.group("scale")] if c.m.group("scale") else Decimal(1)
    low = _number(c.m.group("ar"), c.m.group("cn")) * scale
    high = None
    if c.m.group("sep"):
        high = _number(c.m.group("ar2"), c.m.group("cn2")) * scale
    return low, high


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


def label_figures(text: str, found: list[tuple[int, int]], sentence_at) -> list[str]:
    """What each figure measures: the clause text before it (back to the previous
    figure), joined by … to the text after it when the text before is only a verb
    (``投资…改造老旧小区``); a figure listed after another (``、82万平方米``) takes the
    label of the one before."""
    labels: list[str] = []
    for i, (s, e) in enumerate(found):
        sent = sentence_at(s)
        lo, hi = (sent.start, sent.end) if sent else (0, len(text))
        cs, ce = clause_bounds(text, s, lo, hi, LIST_BREAKS)
        _, clause_end = clause_bounds(text, e, lo, hi, LIST_BREAKS)
        prev_end = found[i - 1][1] if i and found[i - 1][1] > cs else cs
        next_start = found[i + 1][0] if i + 1 < len(found) and found[i + 1][0] < clause_end else clause_end
        before = text[prev_end:s].strip(LABEL_TRIM)
        after = text[e:next_start].strip(LABEL_TRIM)
        if len(before) < SHORT_BEFORE and after:
            label = f"{before}…{after}" if before else after
        else:
            label = _trim_label(before)
        if not label and labels and text[s - 1 : s] == "、":
            label = labels[-1]
        labels.append(label)
    return labels


def is_each(text: str, start: int, spans: list[tuple[int, int]], sentence_at) -> bool:
    """Whether 各 stands before the figure in its clause, with no figure between, as
    "each" rather than as part of a determiner (``各级``, ``各类``)."""
    sent = sentence_at(start)
    cs, _ = clause_bounds(text, start, sent.start if sent else 0, start, LIST_BREAKS)
    i = bisect.bisect_left(spans, (start, start))
    if i:
        cs = max(cs, spans[i - 1][1])
    pos = text.rfind(rules.EACH, cs, start)
    while pos != -1:
        if text[pos + 1 : pos + 2] not in rules.EACH_DETERMINER_NEXT:
            return True
        pos = text.rfind(rules.EACH, cs, pos)
    return False


def find_indicators(
    text: str,
    span: tuple[int, int],
    zones: Callable[[int], bool],
    sentence_at: Callable[[int], Optional[Sentence]],
    section_at: Callable[[int], Optional[str]],
) -> list[Indicator]:
    """Every indicator in ``text[span[0]:span[1]]``, in reading order.

    ``zones(offset)`` tells whether an offset lies inside quotes or a title;
    ``sentence_at`` and ``section_at`` place an offset in its sentence and section.
    """
    kept: list[Candidate] = []
    for m in FIGURE.finditer(text, *span):
        c = Candidate(m)
        _drop_false_qualifiers(text, c)
        if any(rule(text, c, zones) for rule in REJECTION_RULES):
            continue
        kept.append(c)
    spans = [(c.start, c.end) for c in kept]
    labels = label_figures(text, spans, sentence_at)
    out = []
    for c, label in zip(kept, labels):
        low, high = value_of(c)
        each = is_each(text, c.start, spans, sentence_at)
        out.append(
            Indicator(
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                value=as_number(low),
                value_max=as_number(high) if high is not None else None,
                unit=c.unit.base,
                kind=c.unit.kind,
                qualifier=qualifier_of(c),
                label=label,
                section=section_at(c.start),
                each=each,
                sentence=sentence_at(c.start),
            )
        )
    return out
