"""pandas tables of a report's findings: one row per finding, columns named for the
result fields, in reading order."""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from .amounts import MONEY_COLUMNS, money_columns
from .results import Claim, Indicator, Relation, SectionSummary, Term

INDICATOR_COLUMNS = ["section", "label", "text", "value", "value_max", "unit", "kind", "role", "qualifier", "each", "start", "end", "sentence"]
CLAIM_COLUMNS = ["section", "kind", "tags", "scope", "position", "trigger", "text", "start", "end"]
RELATION_COLUMNS = ["section", "kind", "direction", "text", "before", "after", "base", "delta", "start", "end"]
TERM_COLUMNS = ["section", "text", "start", "end"]
SECTION_COLUMNS = [
    "key", "slug", "part", "period", "number", "marker", "title", "level", "start", "end", "characters", "themes", "sentences",
    "indicators", "per_1000_chars", *MONEY_COLUMNS, "claims", "terms",
]


def indicators_frame(indicators: Sequence[Indicator]) -> pd.DataFrame:
    rows = [{k: v for k, v in i.to_dict().items() if k in INDICATOR_COLUMNS} for i in indicators]
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def claims_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    # a claim's tags as one cell: first+coverage
    rows = [{**c.to_dict(), "tags": "+".join(c.tags)} for c in claims]
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS).astype({"position": "Int64"})


def relations_frame(relations: Sequence[Relation]) -> pd.DataFrame:
    return pd.DataFrame([r.to_dict() for r in relations], columns=RELATION_COLUMNS)


def terms_frame(terms: Sequence[Term]) -> pd.DataFrame:
    return pd.DataFrame([t.to_dict() for t in terms], columns=TERM_COLUMNS)


def sections_frame(summaries: Sequence[SectionSummary]) -> pd.DataFrame:
    """One row per policy section: where it stands (its part and the part's period),
    its size and the largest amount of money it states (:data:`~sdr_analysis.amounts.MONEY_COLUMNS`)."""
    rows = [{**s.to_dict(), "per_1000_chars": s.density, **money_columns(s)} for s in summaries]
    return pd.DataFrame(rows, columns=SECTION_COLUMNS)
