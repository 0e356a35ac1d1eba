"""What a money figure is: spending, output, revenue, finance, trade, income, a standard,
or other; and the one definition of "money stated" that the totals, the charts, the
narrative, the index page and the tables all use.

A figure's role is read from cue words in its label (what it measures), then in the
clause before it in its sentence, by the ordered rules in :data:`ROLE_RULES`: the first
rule with a cue in the first place that has one gives the role. A figure that a verb
sets as a level (``提升至850元``; the report's ``levels``, the figures after
``set_to`` relations) is a ``standard`` whatever its words.

Only like is added to like: "money stated" is government spending in yuan
(:func:`money_stated`), never GDP, deposits, revenue or income added to it.
"""

from __future__ import annotations

import re
from typing import Any, Collection, NamedTuple, Optional, Sequence

from .chars import CLAUSE, alternation
from .document import Document
from .results import Indicator, SectionSummary
from .words import table

#: The roles a money figure can have, in the order tables and charts list them.
#: ``spending``: what the government spends, invests, grants, subsidises, refunds or
#: gives up in tax relief. ``output``: what the economy or its firms produce, sell or
#: invest as a whole (GDP, value added, output value, firms' revenue and sales, and the
#: economy-wide totals of fixed-asset investment and retail sales: none of it spent by
#: the government, all of it measures of activity, hence with output rather than a role
#: of their own). ``revenue``: the government's income (fiscal revenue, taxes).
#: ``finance``: money lent, borrowed, deposited, raised or attracted (deposits, loans,
#: balances, financing, bonds, funds, investment brought in). ``trade``: imports and
#: exports. ``income``: residents' income and anything per head. ``standard``: a level
#: or rate set (a minimum, a subsidy per person). ``other``: none of these.
ROLES = ("spending", "output", "revenue", "finance", "trade", "income", "standard", "other")

#: The spending role: the one that "money stated" adds up.
SPENDING = "spending"

#: Roles whose figures are not amounts that add up (per head, or a level set): they get
#: no total.
NOT_SUMMED = frozenset({"income", "standard"})

#: Ordered rules, (role, cue words): the first rule with a cue in the text gives the
#: role. The table and why its order is as it is are in ``data/roles.toml``.
ROLE_RULES: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (rule["role"], tuple(rule["cues"])) for rule in table("roles")["rules"]
)


#: :data:`ROLE_RULES` as one pattern per rule, in the same order.
ROLE_PATTERNS = tuple((role, re.compile(alternation(cues))) for role, cues in ROLE_RULES)


def _role_by_cue(text: str) -> Optional[str]:
    for role, cues in ROLE_PATTERNS:
        if cues.search(text):
            return role
    return None


def money_role(indicator: Indicator, doc: Document, levels: Collection[int] = frozenset()) -> Optional[str]:
    """The role of a money figure (``None`` for a figure that is not money).

    ``levels`` are the starts of the figures a verb sets as a level. The cue words are
    sought in the figure's label, then in its clause before it (back to the last clause
    break in its sentence)."""
    if indicator.kind != "money":
        return None
    if indicator.start in levels:
        return "standard"
    lo = indicator.sentence.start if indicator.sentence is not None else max(0, indicator.start - 200)
    start = doc.clauses(CLAUSE).start(indicator.start, lo)
    for where in (indicator.label, doc.text[start : indicator.start]):
        role = _role_by_cue(where)
        if role is not None:
            return role
    return "other"


def assign_roles(figures: Sequence[Indicator], doc: Document, levels: Collection[int] = frozenset()) -> None:
    """Give each money figure of ``figures`` its :func:`money_role`, in place.

    Only for figures just found and not yet handed out (a report's own, before it
    returns them): an :class:`Indicator` is frozen for its readers, and setting the
    role here saves building every money figure, and every relation that holds one,
    a second time."""
    for indicator in figures:
        if indicator.kind == "money":
            object.__setattr__(indicator, "role", money_role(indicator, doc, levels))


class MoneySum(NamedTuple):
    """A sum of money figures: ``value`` in yuan, the ``qualifier`` the sum carries (a
    sum with any part "more than" is "more than", see :func:`sum_qualifier`), and how
    many figures it adds (``count``)."""

    value: float
    qualifier: str
    count: int  # type: ignore[assignment]  # a field named like tuple.count, on purpose


def summed(indicator: Indicator) -> bool:
    """Whether a money figure enters a total: in yuan, not per item (``各``), not per
    head or a level (roles in :data:`NOT_SUMMED`)."""
    return indicator.role is not None and indicator.role not in NOT_SUMMED and indicator.unit == "元" and not indicator.each


def money_stated(indicators: Sequence[Indicator]) -> list[Indicator]:
    """The money a text states: its spending figures in yuan, figures per item and levels
    left out. The one definition behind the totals, the charts, the narrative and the
    index page."""
    return [i for i in indicators if i.role == SPENDING and summed(i)]


def sum_qualifier(qualifiers: Sequence[str]) -> str:
    """The qualifier of a sum of figures with these qualifiers: ``exact`` if every part is;
    otherwise the one qualifier of the inexact parts (a range counts at its lower end,
    so it makes the sum ``more_than``), and ``about`` where they differ."""
    inexact = {"more_than" if q == "range" else q for q in qualifiers if q != "exact"}
    if not inexact:
        return "exact"
    return inexact.pop() if len(inexact) == 1 else "about"


def money_sum(indicators: Sequence[Indicator]) -> Optional[MoneySum]:
    """The sum of ``indicators`` (all taken as they are) with its qualifier; ``None``
    where there is none, so that nothing reads as 0 yuan."""
    if not indicators:
        return None
    return MoneySum(sum(i.value for i in indicators), sum_qualifier([i.qualifier for i in indicators]), len(indicators))


def money_total(indicators: Sequence[Indicator]) -> Optional[MoneySum]:
    """The money stated (:func:`money_stated`) in ``indicators``, summed; ``None`` for none."""
    return money_sum(money_stated(indicators))


def money_by_role(indicators: Sequence[Indicator]) -> dict[str, MoneySum]:
    """Role → sum of its figures that add up (:func:`summed`), for the roles present, in
    the order of :data:`ROLES`."""
    by_role: dict[str, list[Indicator]] = {}
    for i in indicators:  # one pass: a text without money (most sections of some) costs nothing
        if i.role is not None and summed(i):
            by_role.setdefault(i.role, []).append(i)
    return {role: money_sum(by_role[role]) for role in ROLES if role in by_role}  # type: ignore[misc]  # a list not empty has a sum


#: Roles that have a sum (:func:`summed`), each a column of the section tables.
SUMMED_ROLES = tuple(role for role in ROLES if role not in NOT_SUMMED)

#: The section tables' money columns: the money stated (spending) in yuan and its
#: qualifier, then the sum of every role that has one, in yuan; empty where there is
#: none (never 0).
MONEY_COLUMNS = ["money_yuan", "money_qualifier"] + [f"money_{role}_yuan" for role in SUMMED_ROLES if role != SPENDING]


def money_columns(summary: SectionSummary) -> dict[str, Any]:
    """A section summary's :data:`MONEY_COLUMNS`."""
    by_role = {role: value for role, value, _ in summary.money_by_role}
    row: dict[str, Any] = {"money_yuan": summary.money, "money_qualifier": summary.money_qualifier}
    row.update({f"money_{role}_yuan": by_role.get(role) for role in SUMMED_ROLES if role != SPENDING})
    return row
