"""Indicators: figures that state an amount (a number with a unit, %, 个百分点 or 倍).

Every candidate figure (:mod:`sdr_analysis.candidates`) goes through an ordered list of
rejection rules that drop what is not an amount (dates, names, grades, ranks, time
windows, codes); what is kept gets its label (:mod:`sdr_analysis.labels`), sentence
and section. Nothing is keyed to particular reports: each rule names a class of text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from . import rules
from .candidates import BARE_SCALES, INTEGER_PART, Candidate, candidates, qualifier_of, settle
from .chars import CLAUSE, HAN, HAN_CHAR, LIST, LIST_COMMA, SEMICOLONS, alternation, ends_with_any, longest_first
from .document import Document
from .labels import LABEL_TRIM, is_action, is_each, label_of, leading_verbs, respective_labels
from .numbers import MAX_INTEGER_DIGITS, as_number, is_digit_string
from .results import Indicator, positional
from .units import Unit

ALLOW_BEFORE = longest_first(rules.ALLOW_BEFORE)
REJECT_BEFORE = longest_first(rules.REJECT_BEFORE)
REJECT_BEFORE_LAST = {w[-1] for w in REJECT_BEFORE}
TIME_WINDOW_BEFORE = longest_first(rules.TIME_WINDOW_BEFORE)
TIME_WINDOW_AFTER = tuple(rules.TIME_WINDOW_AFTER)
DURATION_ATTRIBUTE_AFTER = tuple(rules.DURATION_ATTRIBUTE_AFTER)
REJECT_AFTER = tuple(rules.REJECT_AFTER)
REJECT_BEFORE_CHINESE = longest_first(rules.REJECT_BEFORE_CHINESE)
YEAR_SPAN_VERBS = longest_first(rules.YEAR_SPAN_VERBS)
UNIT_BEGINS_WORD = {unit: tuple(words) for unit, words in rules.UNIT_BEGINS_WORD.items()}
SESSION_AFTER = tuple(rules.SESSION_AFTER)
SESSION_BEFORE = longest_first(rules.SESSION_BEFORE)
PHASE_AFTER = tuple(rules.PHASE_AFTER)
SIZE_CLASS_NOUN = re.compile(alternation(rules.SIZE_CLASS_NOUNS))
SIZE_CLASS_BEFORE = longest_first(rules.SIZE_CLASS_BEFORE)
NAME_UNITS = {rest[0] for _, rest in rules.NAMES_WITH_NUMERALS}
#: Kinds of measure that class things when written before a noun (``亿元以上项目``);
#: shares (``约7成村庄``) and multiples of kind ``other`` count them instead.
SIZE_CLASS_KINDS = frozenset({"money", "length", "other"})
SHARE_UNITS = frozenset({"成", "‰", "fraction", "倍"})
#: A run of Chinese text (no punctuation, digits or breaks) from a capacity figure to
#: the end of the name it sits in.
CAPACITY_NAME = re.compile(f"[{HAN}]{{0,8}}?(?:{alternation(rules.CAPACITY_NAME_ENDS)})")
#: A semicolon, searched for between two figures in place (no slice of the text).
SEMICOLON = re.compile(f"[{re.escape(SEMICOLONS)}]")


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
    word = ends_with_any(text, pos, REJECT_BEFORE)
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
        return "an age group" if HAN_CHAR.match(text, c.end) else None
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



make_indicator = positional(Indicator)
#: Kinds of figure that count the thing named after them (``十件民生实事``); rates,
#: money and time do not.
COUNTING_KINDS = frozenset({"count", "people", "area", "length", "other"})


def labelled(text: str, c: Candidate, before_start: int, after_end: int, clause_start: int | None, lo: int,
             previous: str | None, before: Candidate | None, shared: str, value: int | float) -> str:
    """The label of figure ``c`` (:func:`~sdr_analysis.labels.label_of`), given the label
    of the figure before it in its sentence and that figure; a semicolon between them
    parts their measures. ``value`` is the figure's value as a number."""
    if previous is not None and SEMICOLON.search(text, lo, c.start):
        previous = before = None
    if before is not None and clause_start == lo:
        clause_start = None  # no break since the figure before: nothing before is shared
    unit = c.unit
    # by position, in label_of's order (a call per figure); the text before the clause
    # is read only where no figure comes before
    return label_of(
        text, before_start, c.start, c.end, after_end, previous, clause_start,
        text[lo : clause_start or lo] if previous is None else "",
        unit.kind in COUNTING_KINDS and unit.base not in SHARE_UNITS,  # counted
        value,
        leading_verbs(previous) if before is not None and previous and before.unit.base == unit.base else None,
        before is not None and before.unit.kind == "count",  # after_count
        shared,
    )



def find_indicators(doc: Document) -> list[Indicator]:
    """Every indicator of the page's body (the report and any appendix), in reading
    order, each with its sentence and the key of its policy section; figures inside
    a name or on a line of page furniture are left out. Money figures have no role
    yet (:func:`sdr_analysis.roles.assign_roles` sets it)."""
    text = doc.text
    zones = doc.not_prose.__contains__
    kept: list[Candidate] = []
    for c in candidates(text, doc.page_body):
        settle(text, c)
        for rule in rules_for(c.unit, c.cn is not None):
            if rule(text, c, zones):
                break
        else:
            kept.append(c)
    starts = [c.start for c in kept]
    holders = doc.sentences.each_at(starts)
    sections = doc.numbers_at(starts)
    items, clauses = doc.clauses(LIST), doc.clauses(CLAUSE)
    out: list[Indicator] = []
    label = None
    listed: dict[int, str] = {}  # labels given by a 分别 list, by the figure's index
    measures = None  # the measures of the last 分别 list in the sentence
    respectively, each_word = rules.RESPECTIVELY, rules.EACH
    previous_sentence, previous_end = None, -1
    next_starts = starts[1:] + [len(text)]
    for i, (c, sentence, section, next_start) in enumerate(zip(kept, holders, sections, next_starts)):
        start, end = c.start, c.end
        value = as_number(c.value)  # type: ignore[arg-type]  # the rules leave no figure without a value
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
        same_sentence = bool(i) and previous_sentence is sentence
        previous_sentence = sentence
        if not same_sentence:
            measures = None
        if previous_end > lo:  # (a comparison, not max and min: a call per figure each)
            lo = previous_end
        previous_end = end
        if next_start < hi:
            hi = next_start
        before_start = items.start(start, lo)
        if i not in listed and text.find(respectively, lo, start) != -1:
            run = [c]  # the figures of the list: each after the one before, past a 、
            while (
                i + len(run) < len(kept) and holders[i + len(run)] is sentence
                and text[run[-1].end : kept[i + len(run)].start].strip(LABEL_TRIM) == ""
            ):
                run.append(kept[i + len(run)])
            found = respective_labels(text, clauses, [f.start for f in run], lo, measures)
            if found:
                labels, measures = found
                listed.update((i + k, lb) for k, lb in enumerate(labels) if lb)
        if i in listed:
            label = listed.pop(i)
        else:
            after_end = items.end(end, hi)
            shared = ""
            if text[after_end : after_end + 1] == LIST_COMMA and next_start == after_end + 1 and holders[i + 1] is sentence:
                following = kept[i + 1]  # 54栋住宅楼、14万平方米既有建筑节能改造
                noun = text[following.end : items.end(following.end, sentence.end if sentence else len(text))]
                shared = LIST_COMMA + noun if following.unit.kind in COUNTING_KINDS and is_action(noun) else ""
            label = labelled(text, c, before_start, after_end, clauses.start(start, lo), lo,
                             label if same_sentence else None, kept[i - 1] if same_sentence else None, shared, value)
        unit = c.unit
        # the fields by position (a call per figure): start, end, text, value, unit, kind,
        # qualifier, label, section, each, value_max, role, sentence
        out.append(
            make_indicator(
                start,
                end,
                text[start:end],
                value,
                unit.base,
                unit.kind,
                qualifier_of(c),
                label,
                section,
                text.find(each_word, before_start, start) != -1 and is_each(text, before_start, start),
                as_number(c.value_max) if c.value_max is not None else None,
                None,  # role: set for money by :func:`sdr_analysis.roles.assign_roles`
                sentence,
            )
        )
    return out


