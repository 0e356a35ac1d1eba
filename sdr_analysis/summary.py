"""One :class:`~sdr_analysis.results.SectionSummary` per policy section: the counts,
density and largest amount of money stated that the frames, the write-ups, the index page and the corpus
tables all show, computed in one place."""

from __future__ import annotations

from typing import Sequence

from .amounts import largest_amounts
from .document import Document
from .results import Claim, Indicator, SectionSummary, Term, positional
from .spans import SpanIndex

#: Densities are indicators per this many characters.
DENSITY_PER = 1000

make_summary = positional(SectionSummary)


def density(indicators: int, characters: int) -> float:
    """Indicators per 1,000 characters, to 2 places; 0 for no text."""
    return round(DENSITY_PER * indicators / characters, 2) if characters else 0.0


def summarize(
    doc: Document,
    indicators: Sequence[Indicator] | SpanIndex[Indicator],
    claims: Sequence[Claim] | SpanIndex[Claim],
    terms: Sequence[Term] | SpanIndex[Term],
) -> list[SectionSummary]:
    """A summary of each policy section of the document, in reading order, from the
    report's findings (lists, or the report's indexes of them)."""
    if not doc.sections:
        return []
    figures, claimed, named = SpanIndex.of(indicators), SpanIndex.of(claims), SpanIndex.of(terms)
    themed = SpanIndex.of([p for p in doc.paragraphs if p.theme is not None])
    out = []
    for sec in doc.sections:
        part = doc.part_of(sec)
        inds = figures.within(sec.start, sec.end)
        amounts = largest_amounts(inds) if inds else []
        top = amounts[0] if amounts else None
        out.append(
            make_summary(
                start=sec.start, end=sec.end, text=sec.text,
                key=sec.key, slug=doc.slug_of(sec), number=sec.number, marker=sec.marker, title=sec.title,
                level=sec.level,
                part=None if part.implied else part.number,
                part_title="" if part.implied else part.title,
                period=part.period,
                themes=themed.count(sec.start, sec.end),
                sentences=doc.sentences.count(sec.start, sec.end), characters=len(sec.text),
                indicators=len(inds), density=density(len(inds), len(sec.text)),
                money_amounts=len(amounts),
                largest_money=top.value if top else None, largest_money_text=top.text if top else "",
                largest_money_label=top.label if top else "", largest_money_role=top.role if top else None,
                largest_money_qualifier=top.qualifier if top else None, largest_money_start=top.start if top else None,
                claims=claimed.count(sec.start, sec.end), terms=named.count(sec.start, sec.end),
            )
        )
    return out


def report_density(summaries: list[SectionSummary]) -> float:
    """Indicators per 1,000 characters over all the sections together."""
    return density(sum(s.indicators for s in summaries), sum(s.characters for s in summaries))
