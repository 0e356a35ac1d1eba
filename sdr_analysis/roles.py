"""What a money figure is: spending, output, revenue, finance, trade, income, a standard,
or other; and the one definition of "money stated" as spent that the charts, the
narrative and the notes use.

A figure's role is read from cue words in its label (what it measures), then in the
clause before it in its sentence, by the ordered rules in :data:`ROLE_RULES`: the first
rule with a cue in the first place that has one gives the role. A figure that a verb
sets as a level (``提升至850元``; the report's ``levels``, the figures after
``set_to`` relations) is a ``standard`` whatever its words.

Nothing is added up: "money stated" is the government's spending figures in yuan
(:func:`money_stated`), each shown as the report states it (:mod:`sdr_analysis.amounts`).
"""

from __future__ import annotations

import re
from typing import Collection, Optional, Sequence

from .chars import CLAUSE, alternation
from .document import Document
from .results import Indicator
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

#: The spending role: the "money stated" as spent.
SPENDING = "spending"

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


def money_stated(indicators: Sequence[Indicator]) -> list[Indicator]:
    """The money a text states as spent: its spending figures in yuan, figures per item
    left out (levels set have the role ``standard``, never ``spending``). The one
    definition behind the spending charts, the narrative's spending and the notes; each
    figure is shown as stated, never added up (:mod:`sdr_analysis.amounts`)."""
    return [i for i in indicators if i.role == SPENDING and i.unit == "元" and not i.each]
