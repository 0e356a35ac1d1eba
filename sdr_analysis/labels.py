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

#: What is trimmed off a label's ends: list commas, pauses, white space and the
#: conjunctions that join it to the figure before (``和``, ``并且``).
LABEL_TRIM = LIST_COMMA + PAUSES + " " + "和及与并且"
#: A label keeps at most this many characters, those nearest its figure.
MAX_LABEL = 16
#: Words before a figure shorter than this are only a verb: the words after it name
#: what it measures.
SHORT_BEFORE = 3


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


MEASURE_VERBS = longest_first(rules.MEASURE_VERBS)
LABEL_OPENERS = starting(rules.LABEL_OPENERS)
LABEL_OPENER_WORDS = tuple(rules.LABEL_OPENERS)
LABEL_TAIL = rules.LABEL_DANGLING + LABEL_TRIM


@lru_cache(maxsize=4096)
def _tidy(label: str) -> str:
    """A label without the openers and dangling particles around it (cached, as
    :func:`subject_of`: a report writes the same few words before many figures)."""
    label = label.strip(LABEL_TRIM)
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
    elif len(before) < SHORT_BEFORE and previous and LIST_COMMA not in (text[start - 1 : start], text[before_start - 1 : before_start]):
        label = _trim_label(subject_of(previous) + before)
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
    items: Optional[list[str]] = [_tidy(x) for x in text[clause_start:at].split(LIST_COMMA)]
    if items is not None and len(items) < 2:
        items = last_items
    if not items or len(items) < 2:
        return None
    labels = [_trim_label(complete_item(items, k) + verb) if k < len(items) else None for k in range(len(starts))]
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


