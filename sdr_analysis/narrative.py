"""The narrative of a section (its part 8): a few paragraphs an analyst would write from
the data, in two steps. :func:`facts` chooses what to state, each fact with its words,
its place and how much it stands out (:func:`salience`); :func:`narrative` picks the
lead, the changes, the targets, the other key figures, the sums spent (each as stated,
never added up) and the section's weight in the report, and renders them through the catalog's template
(``templates/text/narrative.<lang>.md.j2``).

Its phrases (a figure, a change, a target, a link to a sentence) come from
:mod:`sdr_analysis.phrases`, which the section page's themes and notes write with too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .amounts import stated_totals
from .checks import check_lang
from .messages import counted, escape_markdown, nest_quotes, render, t
from .phrases import CLAIM_KINDS, SCOPE_ORDER, cite, indicator_phrase, relation_figures, relation_phrase, scope_name, summary_of, target_phrase
from .report import Report, ReportSection
from .results import Indicator
from .roles import money_stated
from .spans import SpanIndex
from .summary import report_density
from .wording import join_words, percent

#: How much a kind of figure says on its own, for choosing what the narrative leads
#: with: rates and changes first, then sums and people; a figure per item least.
KIND_WEIGHT = {"percent": 30, "percent_point": 30, "money": 20, "people": 15, "area": 12, "length": 12, "count": 10,
               "duration": 10, "other": 5}
RELATION_WEIGHT = 100
OPENING_WEIGHT = 20
OUTPUT_WEIGHT = 15


@dataclass
class Fact:
    """One finding the narrative can state: its words (escaped), where it is (for the
    link to its sentence and reading order), how salient it is, the figures it states."""

    start: int
    words: str
    score: float
    figures: frozenset[int]
    paragraph: int = -1  # where the paragraph it stands in starts


def salience(ind: Indicator, opening_end: int) -> float:
    """How much a figure stands out: its kind, its place in the section's opening (the
    summary a report leads a section with), its size, a money figure that is output or
    revenue (a headline of the economy); a figure per item says least."""
    score: float = KIND_WEIGHT.get(ind.kind, 5)
    if ind.start < opening_end:
        score += OPENING_WEIGHT
    if ind.role and ind.role not in ("spending", "standard"):
        score += OUTPUT_WEIGHT
    if ind.value and ind.value > 1:
        score += min(10.0, 1.2 * math.log10(ind.value))
    if ind.each:
        score -= 10
    return score


def facts(sec: ReportSection, lang: str) -> tuple[list[Fact], list[Fact]]:
    """The section's changes (whole: before and after, base and change) and its other
    figures (spending left to the money paragraph), each the most salient first."""
    opening_end = next((p.start for p in sec.paragraphs if p.theme is not None), sec.end)
    paragraphs = SpanIndex.of(sec.paragraphs)

    def where(offset: int) -> int:
        paragraph = paragraphs.preceding(offset)
        return paragraph.start if paragraph is not None else -1

    changes = []
    for r in sec.relations:
        inds = relation_figures(r)
        if not inds:
            continue
        score = RELATION_WEIGHT + (OPENING_WEIGHT if r.start < opening_end else 0) + max(salience(i, opening_end) for i in inds)
        changes.append(Fact(r.start, relation_phrase(sec, r, lang), score, frozenset(i.start for i in inds), where(r.start)))
    said = {s for f in changes for s in f.figures}
    spending = {i.start for i in money_stated(sec.indicators)}
    figures = [
        Fact(i.start, indicator_phrase(sec, i, lang), salience(i, opening_end), frozenset([i.start]), where(i.start))
        for i in sec.indicators
        if i.start not in said and i.start not in spending and i.role != "standard"
    ]
    order = lambda f: (-f.score, f.start)  # noqa: E731
    return sorted(changes, key=order), sorted(figures, key=order)


#: How many of the section's other figures the narrative names, and how many targets and changes.
NARRATIVE_FIGURES = 4
NARRATIVE_CHANGES = 3
NARRATIVE_TARGETS = 6
NARRATIVE_LEADS = 2


def _spread(found: list[Fact], n: int) -> list[Fact]:
    """The ``n`` most salient facts, no two from one paragraph while others have some
    to give; in reading order."""
    chosen, seen = [], set()
    for f in found:
        if f.paragraph not in seen:
            chosen.append(f)
            seen.add(f.paragraph)
        if len(chosen) == n:
            break
    chosen += [f for f in found if f not in chosen][: n - len(chosen)]
    return sorted(chosen, key=lambda f: f.start)


def _top_money(sec: ReportSection) -> list[Indicator]:
    """The money stated (spending), largest first."""
    return sorted(money_stated(sec.indicators), key=lambda i: -i.value)


def narrative(report: Report, sec: ReportSection, lang: str) -> str:
    """A few paragraphs an analyst would write from the data (``templates/text/
    narrative.<lang>.md.j2``): the section's most salient fact first (a change, a rate,
    a target, the largest sum), its other changes whole, the targets it sets, its
    other key figures, its largest sum spent and the totals it states, its weight in
    the report (by its count of figures), its claims to lead.
    Every number is a parsed figure with its qualifier and a link to its sentence; a
    count of none is never stated as a finding."""
    check_lang(lang)
    summary = summary_of(report, sec)
    summaries = report.summaries
    changes, others = facts(sec, lang)
    item = lambda f: f"{f.words}{t(lang, 'narrative.cite_sep')}{cite(sec, f.start)}"  # noqa: E731

    money = _top_money(sec)
    largest = None  # the largest sum, in words
    lead = None
    candidates = changes[:1] + others[:1]
    if money:
        top = money[0]
        largest = Fact(top.start, indicator_phrase(sec, top, lang, "money"), salience(top, sec.end), frozenset([top.start]))
        candidates.append(largest)
    if candidates:
        lead = max(candidates, key=lambda f: (f.score, -f.start))
    changes = [f for f in changes if f is not lead][:NARRATIVE_CHANGES]
    figures = _spread([f for f in others if f is not lead], NARRATIVE_FIGURES)

    targets = [x for x in report.targets if sec.start <= x.start < sec.end and x.value is not None][:NARRATIVE_TARGETS]

    # the sums spent, each as stated: their count, the largest, and the totals the
    # report states itself; never a sum of them, nor a share of the report's money
    spending = None
    said_largest = largest is not None and largest.start != (lead and lead.start)
    if largest and (said_largest or len(money) > 1):
        spending = {
            "count": counted(lang, "sums", len(money)),
            "largest": item(largest) if said_largest else "",
            "single": len(money) == 1,
        }
    totals = [f"{indicator_phrase(sec, i, lang, 'money')}{t(lang, 'narrative.cite_sep')}{cite(sec, i.start)}"
              for i in sorted(stated_totals(sec.indicators), key=lambda i: i.start)]

    all_figures = sum(s.indicators for s in summaries)
    size = None
    if sec.indicators:
        densities = sorted(s.density for s in summaries)
        size = {
            "none": False,
            "figures": counted(lang, "figures", len(sec.indicators)),
            "share": percent(100 * len(sec.indicators) / all_figures) if all_figures else "",
            "density": summary.density,
            "average": report_density(summaries),
            "sections": counted(lang, "sections", len(summaries)),
            "densest": len(summaries) > 2 and summary.density == densities[-1],
            "sparsest": len(summaries) > 2 and summary.density == densities[0],
            "only": len(summaries) == 1,
        }
    elif all_figures:
        size = {"none": True, "only": False, "others": counted(lang, "figures", all_figures)}

    leads = sorted((c for c in sec.claims if c.kind in ("first", "rank")), key=lambda c: (SCOPE_ORDER[c.scope], c.start))
    rest = [k for k in CLAIM_KINDS if k not in ("first", "rank")]
    others_claimed = [counted(lang, k, n) for k in rest if (n := sum(c.kind == k for c in sec.claims))]
    example = sorted((c for c in sec.claims if c.kind not in ("first", "rank")), key=lambda c: (SCOPE_ORDER[c.scope], c.start))
    return render(
        "narrative", lang,
        title=escape_markdown(nest_quotes(sec.title.rstrip("。．."))),
        lead=item(lead) if lead else "",
        themes=[f"“{escape_markdown(nest_quotes(th.text.rstrip('。．.')))}”" for th in sec.themes],
        themes_count=counted(lang, "themes", len(sec.themes)) if sec.themes else "",
        targets_count=counted(lang, "targets", len(targets)) if targets else "",
        changes=[item(f) for f in changes],
        targets=[f"{target_phrase(x, lang)}{t(lang, 'narrative.cite_sep')}{cite(sec, x.start)}" for x in targets],
        figures=[item(f) for f in figures],
        spending=spending,
        totals=totals,
        size=size,
        leads=[t(lang, "narrative.claim").format(text=escape_markdown(c.text), scope=scope_name(c, lang))
               + t(lang, "narrative.cite_sep") + cite(sec, c.start) for c in leads[:NARRATIVE_LEADS]],
        leads_more=len(leads) > NARRATIVE_LEADS,
        leads_count=join_words([counted(lang, k, n) for k in ("rank", "first") if (n := sum(c.kind == k for c in leads))], lang),
        others_claimed=others_claimed,
        example=(f"“{escape_markdown(nest_quotes(example[0].text))}”{t(lang, 'narrative.cite_sep')}{cite(sec, example[0].start)}"
                 if example else ""),
        join=lambda items: join_words(items, lang),
    )
