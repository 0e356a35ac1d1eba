"""Claims: where a report says the place led (``在全省率先``, ``全国首家``), covered
everything (``实现…全覆盖``) or was recognised (``获评``, ``入选``, ``成为省级…试点``).

A claim is the clause that holds its trigger word. A clause that opens with the trigger
has no subject of its own and takes the clause before it (``…改造样板工程,成为省级…示范
项目``).
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, NamedTuple, Optional, Sequence

from .cleaning import strip_span
from .results import Claim, Sentence
from .structure import clause_bounds
from .terms import QUOTE_PAIRS, TIGHT_PAIR, find_quoted
from .rules import alternation


class ClaimRule(NamedTuple):
    """A kind of claim and the pattern of its trigger."""

    kind: str
    pattern: re.Pattern[str]


#: Trigger patterns. A clause may hold claims of several kinds (``率先实现全覆盖`` is
#: a first and a coverage); each kind is reported once per clause. Each pattern runs once
#: over all the sentences, so no pattern may match white space, a stop (。！？!?) or a
#: line break, nor look ahead past one: then a match lies in one sentence and reads as
#: it would in that sentence alone.
CLAIM_RULES: tuple[ClaimRule, ...] = (
    ClaimRule("first", re.compile(alternation(("率先", "首个", "首家", "首批", "首创", "首例", "首座", "首条", "第一家", "第一个")))),
    ClaimRule("coverage", re.compile(alternation(("全覆盖", "全域覆盖", "全面覆盖")))),
    ClaimRule(
        "honor",
        re.compile(
            alternation(("获评", "被评为", "评为", "被确定为", "被授予", "入选", "荣获", "被命名为", "被列为", "被认定为", "获批"))
            + r"|成为(?=[^,，;；。！？!?\r\n]*?(?:试点|示范|标杆|样板))"
        ),
    ),
)

#: Words that turn a claim into an aim: ``力争率先`` has not happened yet.
ASPIRATION = re.compile(alternation(("力争", "争取", "争创", "争当", "努力", "计划", "拟", "将要", "积极申报", "申报")))

#: Words that hold an aim word but say nothing of an aim: ``虚拟电厂率先…`` is a claim.
NOT_ASPIRATION_WORDS = ("虚拟", "模拟", "比拟")

#: Words that set a claim's scope, outermost first. Province names (``辽宁省``) count as
#: province scope.
PROVINCES = (
    "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
    "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
)
SCOPE_WORDS = {
    **dict.fromkeys(("全国", "国家", "国内", "中国"), "nation"),
    **dict.fromkeys(("全省", "省级", "省内", "本省", *(p + "省" for p in PROVINCES), "自治区级"), "province"),
    **dict.fromkeys(("全市", "市级", "市内", "本市"), "city"),
}
#: Scope words, tried in the order above. A bare alternation of words lets the regex
#: engine skip ahead to the characters they start with.
SCOPE = re.compile("|".join(map(re.escape, SCOPE_WORDS)))

QUOTE_MARKS = "".join(p.open + p.close for p in QUOTE_PAIRS)

#: A tight pair of quotes (see :mod:`.terms`) that closes where the search ends.
TIGHT_PAIR_AT_END = re.compile(rf"(?:{TIGHT_PAIR.pattern})\Z")

#: A trigger this close to the start of its clause leaves the clause without a subject.
SUBJECTLESS = 2


def scope_of(text: str, start: int = 0, end: Optional[int] = None) -> Optional[str]:
    """The scope of the first scope word in ``text[start:end]``, if any."""
    m = SCOPE.search(text, start, len(text) if end is None else end)
    return SCOPE_WORDS[m.group()] if m else None


def _is_aim(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds an aim word that is not part of one of
    :data:`NOT_ASPIRATION_WORDS`."""
    for m in ASPIRATION.finditer(text, start, end):
        if not any(_within_word(text, m, w) for w in NOT_ASPIRATION_WORDS):
            return True
    return False


def _within_word(text: str, m: re.Match[str], word: str) -> bool:
    """Whether an occurrence of ``word`` covers the match ``m``."""
    return any(text.startswith(word, at) for at in range(max(0, m.end() - len(word)), m.start() + 1))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Leave out white space, and quote marks left unpaired, at the clause's edges
    (the clause ``“社区便民服务站实现“全覆盖”`` opens a quote it never closes). An edge
    mark in a tight pair is paired for sure; the clause's quotes are paired in full only
    when an edge mark is not."""
    s, e = strip_span(text, s, e)
    if s == e or (
        (text[s] not in QUOTE_MARKS or TIGHT_PAIR.match(text, s, e))
        and (text[e - 1] not in QUOTE_MARKS or TIGHT_PAIR_AT_END.search(text, s, e))
    ):
        return s, e
    pairs = find_quoted(text, s, e)
    while s < e and text[s] in QUOTE_MARKS and not any(q.start == s for q in pairs):
        s += 1
    while e > s and text[e - 1] in QUOTE_MARKS and not any(q.end == e for q in pairs):
        e -= 1
    return s, e


def find_claims(
    text: str,
    sentences: Sequence[Sentence],
    section_at: Callable[[int], Optional[str]],
) -> list[Claim]:
    """Claims in reading order (by start, then kind in the order of
    :data:`CLAIM_RULES`). ``sentences`` are in reading order with only white space
    between them.

    Each trigger pattern runs once over the stretch from the first sentence to the
    last, and each match is read in the sentence that holds it, found by its start:
    one pass per pattern rather than one per pattern and sentence."""
    if not sentences:
        return []
    starts = [sent.start for sent in sentences]
    lo, hi = sentences[0].start, sentences[-1].end
    found: dict[tuple[str, int, int], Claim] = {}
    for rule in CLAIM_RULES:
        for m in rule.pattern.finditer(text, lo, hi):
            at = m.start()
            sent = sentences[bisect.bisect_right(starts, at) - 1]
            cs, ce = clause_bounds(text, at, sent.start, sent.end)
            if _is_aim(text, cs, at):
                continue
            s, e = _trim(text, cs, ce)
            if at - s < SUBJECTLESS and cs > sent.start:
                ps, _ = clause_bounds(text, cs - 1, sent.start, sent.end)
                s, e = _trim(text, ps, ce)
            key = (rule.kind, s, e)
            if key in found:
                continue
            # scope words after the trigger speak of the claim itself; before it
            # they may name the subject, so they count only when nothing follows
            scope = scope_of(text, at, e) if rule.kind == "honor" else None
            scope = scope or scope_of(text, s, e)
            found[key] = Claim(
                start=s,
                end=e,
                text=text[s:e],
                kind=rule.kind,
                scope=scope,
                trigger=m.group(),
                section=section_at(s),
            )
    # each kind's claims were found in reading order, as sentence by sentence; the sort
    # is stable, so claims of one kind and start keep that order
    order = {r.kind: i for i, r in enumerate(CLAIM_RULES)}
    return sorted(found.values(), key=lambda c: (c.start, order[c.kind]))
