"""The news of a section: what its page opens with, right after the heading. Two to four
sentences a journalist could quote, chosen by news value (not by kind of figure): the
section's headline outcomes (its changes whole, its largest stated amounts, its growth
rates and shares, the figures of the summary a report opens a section with), its
firsts and rankings, widest scope first, and its named initiatives; each number with a
link to its sentence. The section's counts (themes, sentences, characters, figures,
density) are its page's footnote (:func:`counts`), never its opening.

Every figure stated is a single figure the parser found, with its qualifier: nothing is
added up, and a figure of none (``0``) is never stated as a finding. Report text is
escaped (:func:`~sdr_analysis.messages.escape_markdown`) by the phrases that write it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .amounts import largest_amounts, stated_totals
from .chars import starting
from .checks import check_lang
from .messages import counted, escape_markdown, nest_quotes, t
from .phrases import amount_fields, cite, indicator_phrase, relation_figures, relation_phrase, scope_name, summary_of
from .report import Report, ReportSection
from .results import Indicator
from .summary import report_density
from .words import words

#: Where the words that make a figure news live (``data/news.toml``).
WORDS = "news"

#: How much a kind of figure is news on its own: amounts and rates first, a count least.
KIND_NEWS = {"money": 30, "percent": 24, "percent_point": 24, "people": 18, "area": 10, "length": 10, "count": 8,
             "duration": 4, "other": 5}
#: A figure of the summary a report opens a section with (before its first theme) is
#: the report's own headline.
OPENING = 40
#: A change stated whole (before and after, a base and its change) is news beyond its figures.
CHANGE = 45
#: A level set (``提升至850元``), a change with one end only, is less.
SET = 10
#: A money figure that is output or revenue (``地区生产总值5696亿元``) is a headline of the economy.
OUTPUT = 15
#: A percentage that is a growth rate or a share (its label says so).
RATE = 12
#: A rate of 100% (``破案率100%``) says a coverage, seldom the headline.
FULL = 25
#: A figure per item (``各1处``) says least; a standard set (``提升至850元``) is no amount.
EACH = 25
STANDARD = 8
#: Firsts and rankings, by scope: the widest first.
SCOPE_NEWS = {"nation": 60, "region": 50, "province": 45, "city": 30, None: 15}
#: A figure that says less than this on its own, even in the opening (a small count:
#: ``二期``, ``5个方面``; a span of years: ``用13年时间``), is no news.
MIN_NEWS = 9
#: How many outcomes, claims and initiatives the news names at most.
OUTCOMES = 3
CLAIMS = 2
INITIATIVES = 3


@dataclass(frozen=True)
class Item:
    """One thing the news can say: where (for its link and reading order), its words
    (escaped), how much news it is, and the figures it states."""

    start: int
    words: str
    score: float
    figures: frozenset[int]


def figure_news(ind: Indicator, opening_end: int) -> float:
    """How much news a figure is: its kind, its size (the largest amounts first), whether
    it is a growth rate or a share; a rate of 100%, a figure per item and a standard set
    say less; a figure that says enough on its own is more news in the section's opening."""
    score: float = KIND_NEWS.get(ind.kind, 5)
    if ind.kind == "money" and ind.value > 1e4:
        score += min(20.0, 3 * math.log10(ind.value / 1e4))
        if ind.role in ("output", "revenue"):
            score += OUTPUT
    elif ind.kind in ("percent", "percent_point"):
        if any(w in (ind.label or "") for w in words(WORDS, "rate_words")):
            score += RATE
        if ind.unit == "%" and ind.value >= 100:
            score -= FULL
    elif ind.value > 1:
        score += min(5.0, math.log10(ind.value))
    if ind.each:
        score -= EACH
    if ind.role == "standard":
        score -= STANDARD
    if score < MIN_NEWS:
        return score  # a small count says little wherever it stands
    return score + (OPENING if ind.start < opening_end else 0)


def opening_end(sec: ReportSection) -> int:
    """Where the section's opening (its summary, before the first theme) ends."""
    return next((p.start for p in sec.paragraphs if p.theme is not None and p.start > sec.start), sec.end)


def outcomes(sec: ReportSection, lang: str) -> list[Item]:
    """The section's changes (whole) and its other figures, as news items, the most
    news first; none that states a figure of none."""
    end = opening_end(sec)
    found = []
    said: set[int] = set()
    for r in sec.relations:
        inds = relation_figures(r)
        if not inds or any(not i.value for i in inds):
            continue
        said |= {i.start for i in inds}
        whole = (r.before and r.after) or (r.base and r.delta)
        score = (CHANGE if whole else SET) + max(figure_news(i, end) for i in inds)
        found.append(Item(r.start, relation_phrase(sec, r, lang), score, frozenset(i.start for i in inds)))
    found += [
        Item(i.start, indicator_phrase(sec, i, lang), figure_news(i, end), frozenset([i.start]))
        for i in sec.indicators
        if i.start not in said and i.value
    ]
    return sorted((x for x in found if x.score >= MIN_NEWS), key=lambda x: (-x.score, x.start))


def leads(sec: ReportSection, lang: str) -> list[Item]:
    """The section's firsts and rankings, widest scope first (a first place before a
    place in the top), as news items."""
    found = []
    for c in sec.claims:
        if c.kind not in ("first", "rank"):
            continue
        score = SCOPE_NEWS.get(c.scope, 15) + (10 if c.position == 1 else 0)
        text = t(lang, "narrative.claim").format(text=escape_markdown(c.text), scope=scope_name(c, lang))
        found.append(Item(c.start, text, score, frozenset()))
    return sorted(found, key=lambda x: (-x.score, x.start))


def initiatives(sec: ReportSection) -> list[str]:
    """The section's named initiatives: quoted names that end (inside the quotes, or
    just after them: ``“六心”工程``) in a word of a programme, a plan or a brand; each
    once, in reading order, as written (``“六心”工程``)."""
    endings = words(WORDS, "initiative_endings")
    ending_after = starting(endings)  # the longest ending just after the closing quote
    text = sec.report.text
    seen: dict[str, None] = {}
    for term in sec.terms:
        found = ending_after.match(text, term.end + 1)
        tail = found.group() if found else ""
        if tail or term.text.endswith(endings):
            seen.setdefault(f"“{nest_quotes(term.text)}”{tail}", None)
    return list(seen)


def _pick(found: list[Item], n: int) -> list[Item]:
    """The ``n`` most news of ``found``, no two saying the same words or the same figure."""
    chosen: list[Item] = []
    for item in found:
        if any(item.words == c.words or item.figures & c.figures for c in chosen):
            continue
        chosen.append(item)
        if len(chosen) == n:
            break
    return chosen


def news(report: Report, sec: ReportSection, lang: str) -> str:
    """Two to four sentences a journalist could quote, first on the section's page
    (Markdown, report text escaped): its headline outcome, its other headline figures,
    its firsts and rankings, its named initiatives; each number with a link to its
    sentence (``[S2](#S2)``). A section without a headline figure opens with its
    first sentence, quoted."""
    check_lang(lang)
    words_ = t(lang, "news")
    sep = t(lang, "narrative.cite_sep")

    def said(items: list[Item]) -> str:
        return words_["item_sep"].join(f"{x.words}{sep}{cite(sec, x.start)}" for x in items)

    sentences = []
    top = _pick(outcomes(sec, lang), OUTCOMES)
    first = next((s for s in sec.sentences if s.start >= sec.heading.title_end), None)
    opens = words_["opens"].format(sentence=escape_markdown(first.text.strip()), src=cite(sec, first.start)) if first else ""
    if top:
        sentences.append(words_["lead"].format(items=said(top[:1])))
    elif opens:  # no headline figure: the section's own first sentence leads
        sentences.append(opens)
    if len(top) > 1:
        sentences.append(words_["more"].format(items=said(top[1:])))
    claimed = _pick(leads(sec, lang), CLAIMS)
    if claimed:
        sentences.append(words_["claims"].format(items=said(claimed)))
    named = initiatives(sec)[:INITIATIVES]
    if named:
        sentences.append(words_["initiatives"].format(items=t(lang, "join").join(escape_markdown(x) for x in named)))
    if len(sentences) == 1 and top and opens and first is not None and report.sentence_at(top[0].start) != first:
        sentences.append(opens)  # one figure alone: what the section sets out to do beside it
    return t(lang, "news.sentence_sep").join(sentences)


#: How many of a section's largest amounts its page names.
LARGEST_AMOUNTS = 3


def money(sec: ReportSection, lang: str) -> str:
    """How much money the section states: its largest amounts, each with what it
    measures, its role, its qualifier (in the figure's words) and a link to its
    sentence, then the totals the report states itself; never a sum. Empty for a
    section that states no amount."""
    check_lang(lang)
    words_ = t(lang, "news")

    def listed(amounts: list[Indicator]) -> str:
        return words_["item_sep"].join(
            words_["amount"].format(**{**(f := amount_fields(i, lang)), "label": escape_markdown(f["label"])}, src=cite(sec, i.start))
            for i in amounts
        )

    largest = largest_amounts(sec.indicators, LARGEST_AMOUNTS)
    if not largest:
        return ""
    out = [words_["largest"].format(items=listed(largest))]
    totals = stated_totals(sec.indicators)
    if totals:
        out.append(words_["totals"].format(items=listed(totals)))
    return "\n\n".join(out)


def counts(report: Report, sec: ReportSection, lang: str) -> str:
    """The section's counts as the page's footnote: its themes, sentences, characters,
    figures and their density against the report's; a count of none is left out."""
    check_lang(lang)
    s = summary_of(report, sec)
    words_ = t(lang, "news")
    shown = [
        counted(lang, key, n) for key, n in
        (("themes", s.themes), ("sentences", s.sentences), ("characters", s.characters), ("figures", s.indicators))
        if n
    ]
    if s.indicators:
        shown.append(words_["density"].format(density=s.density, average=report_density(report.summaries)))
    if s.claims:
        shown.append(counted(lang, "claims", s.claims))
    if not shown:
        return ""
    return "---\n\n" + words_["counts"].format(items=t(lang, "join").join(shown))
