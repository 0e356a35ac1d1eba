"""Labels: what a figure measures, read from the words around it in its clause.

The label is the clause before the figure (back to the figure before it), joined to
the words after it where those before are only a verb; a figure listed after another
takes its label; the figures after ``分别`` take the measures of the list before it,
in order. Clauses end at :data:`sdr_analysis.chars.LIST` breaks.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional, Sequence

from . import rules
from .chars import LIST_COMMA, PAUSES, ends_with_any, longest_first, starting
from .document import Clauses
from .words import table

#: What is trimmed off a label's start: list commas, pauses, white space and the
#: conjunctions that join it to the figure before (``和``, ``并且``).
LABEL_TRIM = LIST_COMMA + PAUSES + " " + "和及与并且"
#: A label longer than this is cut at a list comma, never inside a word.
MAX_LABEL = 40
#: Words before a figure shorter than this are only a verb: the words after it name
#: what it measures.
SHORT_BEFORE = 3

_WORDS = table("labels")
ACTION_VERBS = starting(_WORDS["action_verbs"])
ACTION_VERB_WORDS = tuple(_WORDS["action_verbs"])
JOINS = tuple(_WORDS["pair_joins"])
FILLERS = starting(_WORDS["subject_fillers"])
BARE_METRICS = frozenset(_WORDS["bare_metrics"])
EFFECT_VERBS = tuple(_WORDS["effect_verbs"])
LIST_KINDS = tuple(_WORDS["list_kinds"])
NOT_LIST_END_BEFORE = _WORDS["not_list_end_before"]
NOT_LIST_END_AFTER = _WORDS["not_list_end_after"]
#: What ends a list of names before the thing they are instances of (南阳等4个城市).
LIST_END = "等"
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"
BRACKETS = (("（", "）"), ("(", ")"))


def _trim_label(label: str) -> str:
    """A label of at most :data:`MAX_LABEL` characters where it can be cut at a list
    comma (the items nearest the figure kept); else the whole label, never cut inside
    a word."""
    cut = 0
    while len(label) - cut > MAX_LABEL:
        comma = label.find(LIST_COMMA, cut)
        if comma == -1:
            return label[cut:]
        cut = comma + 1
    return label[cut:]


MEASURE_VERBS = longest_first(rules.MEASURE_VERBS)
MEASURE_VERB_START = starting(rules.MEASURE_VERBS)
LABEL_OPENERS = starting(rules.LABEL_OPENERS)
LABEL_OPENER_WORDS = tuple(rules.LABEL_OPENERS)
LABEL_TAIL = rules.LABEL_DANGLING + LIST_COMMA + PAUSES + " "


@lru_cache(maxsize=4096)
def _tidy(label: str) -> str:
    """A label without the openers and dangling particles around it (cached, as
    :func:`subject_of`: a report writes the same few words before many figures)."""
    label = label.strip(LABEL_TAIL).lstrip(LABEL_TRIM)
    opener = LABEL_OPENERS.match(label) if label.startswith(LABEL_OPENER_WORDS) else None
    if opener and len(label) > opener.end():
        label = label[opener.end():]
    return label.rstrip(LABEL_TAIL)


@lru_cache(maxsize=4096)
def subject_of(label: str) -> str:
    """The measure a label names, without the verbs at its end (``旅游收入增长`` →
    ``旅游收入``)."""
    while True:
        verb = ends_with_any(label, len(label), MEASURE_VERBS)
        if not verb or verb == label:
            return label
        label = label[: -len(verb)]


@lru_cache(maxsize=4096)
def leading_verbs(label: str) -> str:
    """The verbs (and adverbs) a label opens with, joined as written: ``新建及改造外环
    道路`` → ``新建及改造`` (cached: asked of the label of the figure before, figure
    after figure)."""
    pos = 0
    while m := ACTION_VERBS.match(label, pos):
        pos = m.end()
        join = next((j for j in JOINS + (LIST_COMMA,) if label.startswith(j, pos)), None)
        if join and ACTION_VERBS.match(label, pos + len(join)):
            pos += len(join)
    return label[:pos]


def is_action(noun: str) -> bool:
    """Whether a count's thing is work done (``既有建筑节能改造``): it ends in a verb of work."""
    return noun.endswith(ACTION_VERB_WORDS) and not ACTION_VERBS.fullmatch(noun)  # one call for the tuple, not one a word


def _without(label: str, words) -> str:
    """``label`` without the words of ``words`` (a pattern) it opens with, unless nothing
    would be left."""
    pos = 0
    while (m := words.match(label, pos)) and m.end() < len(label):
        pos = m.end()
    return label[pos:]


@lru_cache(maxsize=4096)
def carried_subject(label: str) -> str:
    """The subject of a figure's label as a later clause takes it: without the verbs at
    its end, nor the fillers and verbs it opens with (``实现地区生产总值`` →
    ``地区生产总值``; ``全年共实施重点工业项目`` → ``重点工业项目``)."""
    subject = subject_of(label)
    while True:
        shorter = _without(_without(subject, FILLERS), ACTION_VERBS)
        if shorter == subject:
            return subject
        subject = shorter


@lru_cache(maxsize=4096)
def _core(label: str) -> str:
    """What a label names once its fillers and measure verbs are taken off."""
    return subject_of(_without(_without(label, FILLERS), MEASURE_VERB_START)) if label else ""


@lru_cache(maxsize=4096)
def is_bare(label: str, metrics: bool = True) -> bool:
    """Whether a label names no subject of its own: only verbs (``增长``, ``达到``) or,
    with ``metrics``, a metric any subject has (``完成投资``)."""
    core = _core(label)
    return core == "" or core in MEASURE_VERBS or (metrics and core in BARE_METRICS)


def list_end(label: str) -> int:
    """Where the last 等 that closes a list of names stands in ``label``, or -1; 等 inside
    a word (等级, 平等) and a list of kinds (教育、医疗等领域) are not one."""
    at = label.rfind(LIST_END)
    while at > 0:
        following = label[at + 1 : at + 2]
        if label[at - 1] not in NOT_LIST_END_BEFORE and not (following and following in NOT_LIST_END_AFTER):
            return -1 if label.startswith(LIST_KINDS, at + 1) else at
        at = label.rfind(LIST_END, 0, at)
    return -1


def without_names(label: str, value: Optional[float], counted: bool) -> str:
    """A label without the list of names it holds: what stands between its verbs and a
    list's 等 (``完成呼伦大街、望城路等`` → ``完成``), or, before a count of as many
    things as the list names (``哈萨尔、东升路两个``), the whole list."""
    at = list_end(label)
    if at > 0:
        return leading_verbs(label) + label[at + 1 :]
    if counted and LIST_COMMA in label and value == label.count(LIST_COMMA) + 1:
        return leading_verbs(label)
    return label


def noun_after(after: str) -> str:
    """The thing a count names after it (``户居民不动产证办理等历史遗留问题`` → ``居民
    不动产证办理``): without the 的 that links it and the examples after 等."""
    after = after.removeprefix("的")
    at = list_end(after)
    after = after[:at] if at > 0 else after
    for opened, closed in BRACKETS:
        at = after.rfind(opened)
        if at > 0 and closed not in after[at:]:
            after = after[:at]  # an aside cut by a list comma: 博物馆（科技展馆、…）
    return after


def quoted_before(context: str) -> str:
    """The last quoted name of the text before a clause (``建立“两项补贴”制度，``), without
    its quotes, or ``""``."""
    close = context.rfind(CLOSE_QUOTE)
    opened = context.rfind(OPEN_QUOTE, 0, close) if close != -1 else -1
    return context[opened + 1 : close] if opened != -1 else ""


def label_of(
    text: str, before_start: int, start: int, end: int, after_end: int, previous: Optional[str],
    clause_start: Optional[int] = None, context: str = "", counted: bool = False,
    value: Optional[float] = None, previous_verbs: Optional[str] = None, after_count: bool = False,
    shared: str = "",
) -> str:
    """What a figure measures: the clause text before it (back to the previous figure),
    joined to the text after it when the text before is only a verb (``投资改造老旧
    小区``) or the figure counts the thing named after it (``counted``: ``办好十件民生实事``);
    items of a list before it with no figure of their own share it (``孕产妇产后访视率、
    儿童健康管理率达到90%``), and a list of names is left out (``望城路等9条道路工程``).
    A figure listed after another (``、82万平方米``) takes the label of the one before
    (``previous``, the label of the figure before in the same sentence), or its verbs
    (``previous_verbs``, given when both figures have one unit: ``开通国际航线12条、国内
    航线86条``). A count listed before another whose thing is an action shares it
    (``shared``: ``完成54栋住宅楼、14万平方米既有建筑节能改造``). A figure after only a verb, a bare metric or an effect in a later
    clause takes that figure's subject (``增长20%，达到282亿元``: ``…达到``;
    ``带动消费``; a bare metric only after a count, ``after_count``: ``项目28个，完成投资…``), and, with no figure before, a quoted name of the clause before it
    (``context``)."""
    after_comma = LIST_COMMA in (text[start - 1 : start], text[before_start - 1 : before_start])
    if clause_start is not None and clause_start < before_start and text[before_start - 1 : before_start] == LIST_COMMA:
        before_start = clause_start  # the items before share this figure
    before = _tidy(without_names(text[before_start:start], value, counted))
    after = text[end:after_end].strip(LABEL_TRIM)
    if after and (len(before) < SHORT_BEFORE or counted):
        if counted and not before and after_comma and previous_verbs:
            before = previous_verbs  # 建成2个中心、5个医院: 建成医院
        label = _tidy(before + (noun_after(after) + shared if counted else after))
    elif previous and is_bare(carried_subject(previous), metrics=False):
        label = _trim_label(before)  # the figure before names no subject to carry
    elif previous and before.startswith(EFFECT_VERBS):
        label = _trim_label(carried_subject(previous) + before)
    elif previous and (not after_comma and is_bare(before, after_count) or after_comma and before and is_bare(before, False)):
        label = _trim_label(carried_subject(previous) + _without(before, FILLERS))
    elif previous_verbs and before and not ACTION_VERBS.match(before) and after_comma:
        label = _trim_label(previous_verbs + before)
    elif previous is None and len(before) < SHORT_BEFORE and (quoted := quoted_before(context)):
        label = quoted + before
    else:
        label = _trim_label(before)
    if not label and previous is not None and text[start - 1 : start] == LIST_COMMA:
        label = previous
    return label


def complete_item(items: Sequence[str], k: int) -> str:
    """The k-th measure of a list that names the shared part once, at its end:
    ``城镇、农村居民收入`` → ``城镇居民收入``; measures that end alike are whole
    (``基础设施投资、工业投资``)."""
    item, last = items[k], items[-1]
    if k == len(items) - 1 or not item or item[-1] == last[-1] or len(item) >= len(last):
        return item
    at = list_end(last)
    if at > 0:  # 新材料、高端装备制造等产业增加值: the kind after 等 is shared
        return item + last[at + 1 :]
    return item + last[len(item):]


def respective_labels(
    text: str, clauses: Clauses, starts: Sequence[int], lo: int, last_items: Optional[list[str]]
) -> Optional[tuple[list[Optional[str]], list[str]]]:
    """Labels for a 分别 list, or ``None``: each figure after ``分别`` (``starts``, up to
    the clause end) paired with the measure at its place in the list before it; a
    clause with no list before its ``分别`` uses the list of the clause before
    (``…分别达到4.2万元、2.1万元，分别增长4.8%、6.2%``). The list's measures are joined by
    、, so only the other breaks end its clause (``clauses``: the text's
    :data:`~sdr_analysis.chars.CLAUSE` breaks). Returns the labels and the list of
    measures."""
    first = starts[0]
    clause_start = clauses.start(first, lo)
    at = text.rfind(rules.RESPECTIVELY, clause_start, first)
    if at == -1:
        return None
    verb = text[at + len(rules.RESPECTIVELY) : first].strip(LABEL_TRIM)
    head = text[clause_start:at]
    items: Optional[list[str]] = [_tidy(x) for x in head.split(LIST_COMMA)]
    if items is not None and len(items) < 2:
        items = pair(_tidy(head))
    if items is not None and len(items) < 2:
        items = last_items
    if not items or len(items) < 2:
        return None
    if len(starts) == 1:  # one figure for the whole list: 分别同比增长7.8%
        return [_trim_label(LIST_COMMA.join(items[:-1]) + JOINS[0] + items[-1] + verb)], items
    labels = [_trim_label(complete_item(items, k) + verb) if k < len(items) else None for k in range(len(starts))]
    return labels, items


def pair(head: str) -> list[str]:
    """The two measures of a 分别 head joined by a conjunction (``城镇和农村居民收入`` →
    ``城镇``, ``农村居民收入``), or the head alone."""
    for join in JOINS:
        first, joined, second = head.partition(join)
        if joined and first and second and join not in second:
            return [first, second]
    return [head]


def is_each(text: str, clause_start: int, start: int) -> bool:
    """Whether 各 stands between the clause start (or the previous figure) and the
    figure as "each", rather than as part of a determiner (``各级``, ``各类``)."""
    pos = text.rfind(rules.EACH, clause_start, start)
    while pos != -1:
        if text[pos + 1 : pos + 2] not in rules.EACH_DETERMINER_NEXT:
            return True
        pos = text.rfind(rules.EACH, clause_start, pos)
    return False


