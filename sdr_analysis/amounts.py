"""The money a report states, as it states it: its largest amounts, and the totals it
states itself. Never a sum, average or difference the program computes across the
report's figures: money figures differ in role (spending, output, revenue, loans),
period, status (done, target) and nesting (``其中``), and adding them misleads.

An **amount** is a money figure in yuan that is not per item (``各``), not per head
(role ``income``) and not a level set (role ``standard``): a sum the report states.

A **stated total** is an amount the report itself states as a total: one of the cue
words of ``data/totals.toml`` (``总投资``, ``合计``, ``累计``, ``共投入``…) stands in its
label, or in its clause before it (back to the last clause break in its sentence).
"""

from __future__ import annotations

import re
from typing import Any, Collection, Optional, Sequence

from .chars import CLAUSE_BREAKS, alternation
from .results import Indicator, SectionSummary
from .roles import ROLES
from .words import words

#: Roles whose figures are not amounts: per head, or a level set.
NOT_AMOUNTS = frozenset({"income", "standard"})

#: Roles of amounts, in the order of :data:`~sdr_analysis.roles.ROLES`.
AMOUNT_ROLES = tuple(role for role in ROLES if role not in NOT_AMOUNTS)

#: The words that make an amount a total the report states (``data/totals.toml``).
TOTAL_CUES = re.compile(alternation(words("totals", "cues")))
_CLAUSE_BREAK = re.compile(f"[{re.escape(CLAUSE_BREAKS)}]")


def is_amount(indicator: Indicator) -> bool:
    """Whether a figure is a money amount: in yuan, not per item, not per head nor a level."""
    return indicator.kind == "money" and indicator.unit == "元" and not indicator.each and indicator.role not in NOT_AMOUNTS


def largest_amounts(indicators: Sequence[Indicator], n: Optional[int] = None, roles: Optional[Collection[str]] = None) -> list[Indicator]:
    """The amounts of ``indicators`` (of ``roles``, or every role that has amounts),
    largest first (the first stated of equal ones); the first ``n`` where given."""
    found = [i for i in indicators if is_amount(i) and (roles is None or i.role in roles)]
    found.sort(key=lambda i: (-i.value, i.start))
    return found if n is None else found[:n]


def clause_before(indicator: Indicator) -> str:
    """The words of the figure's clause before it, back to the last clause break of its sentence."""
    sentence = indicator.sentence
    if sentence is None:
        return ""
    before = sentence.text[: max(0, indicator.start - sentence.start)]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end():] if breaks else before


def is_stated_total(indicator: Indicator) -> bool:
    """Whether an amount is one the report states as a total (see the module)."""
    return is_amount(indicator) and bool(TOTAL_CUES.search(indicator.label) or TOTAL_CUES.search(clause_before(indicator)))


def stated_totals(indicators: Sequence[Indicator], roles: Optional[Collection[str]] = None) -> list[Indicator]:
    """The totals the report states among ``indicators`` (of ``roles``), largest first."""
    return [i for i in largest_amounts(indicators, roles=roles) if is_stated_total(i)]


#: The section tables' money columns: the largest amount a section states, in yuan, as
#: written, its role and its qualifier; empty where it states none (never 0); and how
#: many amounts it states (a count, never a sum).
MONEY_COLUMNS = ["money_amounts", "largest_money_yuan", "largest_money_text", "largest_money_role", "largest_money_qualifier"]


def money_columns(summary: SectionSummary) -> dict[str, Any]:
    """A section summary's :data:`MONEY_COLUMNS`."""
    return {
        "money_amounts": summary.money_amounts,
        "largest_money_yuan": summary.largest_money,
        "largest_money_text": summary.largest_money_text or None,
        "largest_money_role": summary.largest_money_role,
        "largest_money_qualifier": summary.largest_money_qualifier,
    }

