"""One :class:`~sdr_analysis.results.SectionSummary` per policy section: the counts,
density and money that the frames, the write-ups, the index page and the corpus
tables all show, computed in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .results import SectionSummary
from .roles import money_by_role, money_total

if TYPE_CHECKING:
    from .report import Report

#: Densities are indicators per this many characters.
DENSITY_PER = 1000


def density(indicators: int, characters: int) -> float:
    """Indicators per 1,000 characters, to 2 places; 0 for no text."""
    return round(DENSITY_PER * indicators / characters, 2) if characters else 0.0


def summarize(report: "Report") -> list[SectionSummary]:
    """A summary of each policy section of ``report``, in reading order."""
    out = []
    for sec in report:
        part = sec.part
        inds = sec.indicators
        money = money_total(inds)
        out.append(
            SectionSummary(
                start=sec.start, end=sec.end, text=sec.text,
                key=sec.key, slug=sec.slug, number=sec.number, marker=sec.marker, title=sec.title,
                level=sec.heading.level,
                part=None if part.implied else part.number,
                part_title="" if part.implied else part.title,
                period=part.period,
                themes=len(sec.themes), sentences=len(sec.sentences), characters=len(sec.text),
                indicators=len(inds), density=density(len(inds), len(sec.text)),
                money=money.value if money else None, money_qualifier=money.qualifier if money else None,
                money_by_role=tuple((role, m.value, m.qualifier) for role, m in money_by_role(inds).items()),
                claims=len(sec.claims), terms=len(sec.terms),
            )
        )
    return out


def report_density(summaries: list[SectionSummary]) -> float:
    """Indicators per 1,000 characters over all the sections together."""
    return density(sum(s.indicators for s in summaries), sum(s.characters for s in summaries))
