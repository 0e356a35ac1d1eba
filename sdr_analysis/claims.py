"""Claims: where a report says the place led (``在全省率先``, ``全国首家``), covered
everything (``实现…全覆盖``) or was recognised (``获评``, ``入选``, ``成为省级…试点``).

A claim is the clause that holds its trigger word. A clause that opens with the trigger
has no subject of its own and takes the clause before it (``…改造样板工程,成为省级…示范
项目``).
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple, Optional, Sequence

from .cleaning import strip_span
from .results import Claim, Sentence
from .structure import clause_bounds
from .terms import QUOTE_PAIRS, find_quoted
from .rules import alternation


class ClaimRule(NamedTuple):
    """A kind of claim and the pattern of its trigger."""

    kind: str
    pattern: re.Pattern[str]


#: Trigger patterns. A clause may hold claims of several kinds (``率先实现全覆盖`` is
#: a first and a coverage); each kind is reported once per clause.
CLAIM_RULES: tuple[ClaimRule, ...] = (
    ClaimRule("first", re.compile(alternation(("率先", "首个", "首家", "首批", "首创", "首例", "首座", "首条", "第一家", "第一个")))),
    ClaimRule("coverage", re.compile(alternation(("全覆盖", "全域覆盖", "全面覆盖")))),
    ClaimRule(
        "honor",
        re.compile(
            alternation(("获评", "被评为", "评为", "被确定为", "被授予", "入选", "荣获", "被命名为", "被列为", "被认定为", "获批"))
            + r"|成为(?=[^,，;；。]*?(?:试点|示范|标杆|样板))"
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
SCOPE = re.compile(
    r"(?P<nation>全国|国家|国内|中国)"
    r"|(?P<province>全省|省级|省内|本省|(?:" + "|".join(PROVINCES) + r")省|自治区级)"
    r"|(?P<city>全市|市级|市内|本市)"
)

QUOTE_MARKS = "".join(p.open + p.close for p in QUOTE_PAIRS)

#: A trigger this close to the start of its clause leaves the clause without a subject.
SUBJECTLESS = 2


def scope_of(text: str) -> Optional[str]:
    m = SCOPE.search(text)
    return m.lastgroup if m else None


def _is_aim(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds an aim word that is not part of one of
    :data:`NOT_ASPIRATION_WORDS`."""
    return any(
        not any(_within_word(text, m, w) for w in NOT_ASPIRATION_WORDS) for m in ASPIRATION.finditer(text, start, end)
    )


def _within_word(text: str, m: re.Match[str], word: str) -> bool:
    """Whether an occurrence of ``word`` covers the match ``m``."""
    return any(text.startswith(word, at) for at in range(max(0, m.end() - len(word)), m.start() + 1))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Leave out white space, and quote marks left unpaired, at the clause's edges
    (the clause ``“社区便民服务站实现“全覆盖”`` opens a quote it never closes)."""
    s, e = strip_span(text, s, e)
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
    :data:`CLAIM_RULES`)."""
    found: dict[tuple[str, int, int], Claim] = {}
    for sent in sentences:
        for rule in CLAIM_RULES:
            for m in rule.pattern.finditer(text, sent.start, sent.end):
                cs, ce = clause_bounds(text, m.start(), sent.start, sent.end)
                if _is_aim(text, cs, m.start()):
                    continue
                s, e = _trim(text, cs, ce)
                if m.start() - s < SUBJECTLESS and cs > sent.start:
                    ps, _ = clause_bounds(text, cs - 1, sent.start, sent.end)
                    s, e = _trim(text, ps, ce)
                key = (rule.kind, s, e)
                if key in found:
                    continue
                # scope words after the trigger speak of the claim itself; before it
                # they may name the subject, so they count only when nothing follows
                scope = scope_of(text[m.start() : e]) if rule.kind == "honor" else None
                scope = scope or scope_of(text[s:e])
                found[key] = Claim(
                    start=s,
                    end=e,
                    text=text[s:e],
                    kind=rule.kind,
                    scope=scope,
                    trigger=m.group(),
                    section=section_at(s),
                )
    order = {r.kind: i for i, r in enumerate(CLAIM_RULES)}
    return sorted(found.values(), key=lambda c: (c.start, order[c.kind]))
