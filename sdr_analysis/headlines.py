"""What a report's overview and index open with: *last year* (the review's headline
results: GDP and its growth, revenue, investment, jobs, income… as the report states
them, :attr:`~sdr_analysis.report.Report.results`) and *this year* (the targets it
sets, with their qualifiers, :attr:`~sdr_analysis.report.Report.targets`; a five-year
plan's goals apart); and each part's *preamble*, the text between a part's heading and
its first section, which belongs to no section, with its figures.

Every item points at its sentence by the sentence's number in the report (``S12``: the
report's twelfth sentence), which the overview's sources part lists
(:func:`report_sources`) and the index page shows beside the item. Nothing is added
up: each figure is one the report states. Markdown parts escape report text with
:func:`~sdr_analysis.messages.escape_markdown`; the index's items are plain text that
its template escapes.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple, Optional

from .checks import check_lang
from .messages import counted, escape_markdown, t
from .phrases import indicator_phrase, labelled, relation_figures, relation_phrase
from .report import Report, ReportSection
from .results import Indicator, Part, Result, Section, Target
from .targets import measure, measures

#: A clause quoted whole where the measure's name stands this close before its figure.
MAX_QUOTE = 30


class Item(NamedTuple):
    """One line of *last year* or *this year*: the measure in the page's language, the
    words as the report writes them, and where (the figure's start, for its sentence)."""

    measure: str
    words: str
    start: int
    key: str = "other"  # the measure's key in the table of measures


class Preamble(NamedTuple):
    """A part's preamble: the part, the stretch ``(start, end)`` of its text before its
    first section (``None`` for a part without sections of its own), and its figures."""

    part: Part
    span: Optional[tuple[int, int]]
    figures: list[Indicator]


# the sentences, numbered through the report


def sentence_id(report: Report, offset: int) -> str:
    """``S12`` for the report's twelfth sentence, the one that holds ``offset``."""
    at = report.document.sentences.index_at(offset)
    return f"S{at + 1}" if at is not None else ""


def report_cite(report: Report, offset: int) -> str:
    """A link to the sentence that holds ``offset`` in the overview's sources: ``[S12](#S12)``."""
    sid = sentence_id(report, offset)
    return f"[{sid}](#{sid})" if sid else ""


# last year and this year


def _quoted(report: Report, name: str, start: int, end: int) -> str:
    """The report's words from the measure's name to the end of its figure
    (``生产总值增长5.6%``) where the name stands just before it in its sentence; else
    the name and the figure."""
    text = report.text
    sent = report.sentence_at(start)
    lo = max(sent.start if sent else 0, start - MAX_QUOTE)
    at = text.rfind(name, lo, start)
    if at != -1 and "\n" not in text[at:end]:
        return text[at:end]
    return name + text[start:end]


@cache
def _order_of() -> dict[str, int]:
    return {key: n for n, key in enumerate(measures())}


def _order(key: str) -> int:
    order = _order_of()
    return order.get(key, len(order))


def last_year_items(report: Report, lang: str) -> list[Item]:
    """The past year's results, a measure's growth before its level, the measures in the
    order of the table of measures (GDP first); a level the words of its growth already
    quote is not listed again."""
    out: list[Item] = []
    quoted: list[tuple[int, int]] = []  # the stretches of text the items quote
    for r in _results(report):
        if any(lo <= r.start and r.end <= hi for lo, hi in quoted):
            continue  # 固定资产投资75亿元，增长24%: the level is in its growth's words already
        words = _quoted(report, r.name, r.start, r.end)
        quoted.append((r.end - len(words), r.end))
        estimate = t(lang, "narrative.estimate") if r.estimate else ""
        out.append(Item(_measure_name(r.measure, r.name, lang), words + estimate, r.start, r.measure))
    return out


def _results(report: Report) -> list[Result]:
    return sorted((r for r in report.results if r.value), key=lambda r: (_order(r.measure), not r.change, r.start))


def this_year_items(report: Report, lang: str, horizon: str = "year") -> list[Item]:
    """The targets of ``horizon`` (the coming ``year``, or ``five_year``) in reading
    order, each as the report writes it with its qualifier."""
    return [Item(_measure_name(x.measure, x.name, lang), _target_words(x, lang), x.start, x.measure)
            for x in report.targets if x.horizon == horizon and x.value is not None]


def _measure_name(key: str, name: str, lang: str) -> str:
    if key == "other":
        return name
    return getattr(measure(key), lang)


def _target_words(x: Target, lang: str) -> str:
    """A target as written; a figure that shares its name with the one before (the
    second of a ``分别`` list: ``5%以上``) after its name (``二产增加值增长5%以上``)."""
    soft = t(lang, "narrative.soft") if x.soft else ""
    named = x.text if not x.text[:1].isdigit() else x.name + x.text
    return named + soft


def _year_list(report: Report, items: list[Item], lang: str) -> str:
    fmt = t(lang, "news.report.year_item")
    return "\n".join(
        "- " + fmt.format(measure=escape_markdown(i.measure), words=escape_markdown(i.words), src=report_cite(report, i.start))
        for i in items
    )


def last_year(report: Report, lang: str) -> str:
    """*Last year*: the review's headline results, each with a link to its sentence."""
    check_lang(lang)
    items = last_year_items(report, lang)
    return _year_list(report, items, lang) if items else t(lang, "news.report.none_last")


def this_year(report: Report, lang: str) -> str:
    """*This year*: the targets with their qualifiers, each with a link to its
    sentence; the goals of a five-year plan after them, apart."""
    check_lang(lang)
    year = this_year_items(report, lang)
    five = this_year_items(report, lang, "five_year")
    out = [_year_list(report, year, lang) if year else t(lang, "news.report.none_this")]
    if five:
        out.append(t(lang, "news.report.five_year") + "\n\n" + _year_list(report, five, lang))
    return "\n\n".join(out)


# the parts' preambles


def preambles(report: Report) -> list[Preamble]:
    """Each part of the report (none for the implied part of a report without parts)
    with the stretch before its first section and the figures there."""
    out = []
    for part in report.parts:
        if part.implied:
            continue
        own = [s for s in part.sections if s.start != part.start]
        if not own:
            out.append(Preamble(part, None, []))
            continue
        span = (part.start, own[0].start)
        out.append(Preamble(part, span, report.within("indicators", *span)))
    return out


def report_opening(report: Report) -> list[Indicator]:
    """The figures of the report's body before its first part (its opening lines), which
    belong to no part."""
    parts = [p for p in report.parts if not p.implied]
    if not parts:
        return []
    return report.within("indicators", report.body[0], parts[0].start)


def _stretch(report: Report, span: tuple[int, int]) -> ReportSection:
    """A stretch of the report as a :class:`ReportSection`, so that its figures are
    quoted in their clauses as a section's are."""
    start, end = span
    return ReportSection(report, Section(start, end, report.text[start:end], kind="preamble"))


def _part_name(part: Part) -> str:
    return escape_markdown(part.marker + part.title)


def preamble_lines(report: Report, lang: str) -> str:
    """Each part with the figures of its preamble, each in its clause with a link to
    its sentence (Markdown); the figures before the first part, where there are any."""
    check_lang(lang)
    words = t(lang, "news.report")
    periods = t(lang, "period_names")
    out = []
    opening = report_opening(report)
    if opening:
        where = _stretch(report, (report.body[0], opening[-1].end))
        out.append("- " + words["opening"].format(count=counted(lang, "figures", len(opening))) + t(lang, "colon")
                   + _figures(report, where, opening, lang))
    for p in preambles(report):
        fields = {"part": _part_name(p.part), "period": periods.get(p.part.period, p.part.period)}
        if p.span is None:
            out.append("- " + words["preamble_own"].format(**fields))
        elif not p.figures:
            out.append("- " + words["preamble_none"].format(**fields))
        else:
            line = words["preamble"].format(count=counted(lang, "figures", len(p.figures)), **fields)
            out.append(f'- <a id="{part_anchor(report, p.part)}"></a>' + line + t(lang, "colon")
                       + _figures(report, _stretch(report, p.span), p.figures, lang))
    return "\n".join(out) if out else words["no_parts"]


def part_anchor(report: Report, part: Part) -> str:
    """The anchor of a part's preamble on the overview: ``part-1`` for the first part."""
    return f"part-{report.parts.index(part) + 1}"


def _figures(report: Report, where: ReportSection, figures: list[Indicator], lang: str) -> str:
    """The figures in their clauses, a change whole (``国内生产总值从54万亿元增加到82.7万亿元``),
    in reading order, each with a link to its sentence."""
    changes = [r for r in report.within("relations", where.start, where.end) if relation_figures(r)]
    said = {i.start for r in changes for i in relation_figures(r)}
    items = [(r.start, relation_phrase(where, r, lang)) for r in changes]
    items += [(i.start, indicator_phrase(where, i, lang)) for i in figures if i.start not in said]
    sep = t(lang, "list_sep")
    return sep.join(f"{words} {report_cite(report, start)}" for start, words in sorted(items))


# the overview's sources


def cited(report: Report) -> list[int]:
    """Starts of the sentences the overview's opening parts cite, in reading order."""
    offsets = [r.start for r in report.results] + [x.start for x in report.targets if x.value is not None]
    offsets += [i.start for p in preambles(report) for i in p.figures] + [i.start for i in report_opening(report)]
    starts = {s.start for s in (report.sentence_at(o) for o in offsets) if s is not None}
    return sorted(starts)


def report_sources(report: Report, lang: str) -> str:
    """The sentences the overview cites, each with its number in the report and an
    anchor the links point at."""
    check_lang(lang)
    out = []
    for start in cited(report):
        sent = report.sentence_at(start)
        if sent is not None:
            sid = sentence_id(report, start)
            out.append(f'- <a id="{sid}"></a>**{sid}** {escape_markdown(sent.text)}')
    return "\n".join(out) if out else "-"


# for the index page: plain text, escaped by its template


class Cited(NamedTuple):
    """An item on the index page: the measure in English (empty for one the table of
    measures lacks), its words as the report writes them, the sentence it comes from,
    and the anchor of that sentence in the overview's sources (``S12``)."""

    measure: str
    words: str
    sentence: str
    anchor: str


def index_items(report: Report, items: list[Item]) -> list[Cited]:
    """``items`` (in English: their measures' names) for the index page."""
    out = []
    for i in items:
        sent = report.sentence_at(i.start)
        out.append(Cited(i.measure if i.key != "other" else "", i.words, sent.text.strip() if sent else "",
                         sentence_id(report, i.start)))
    return out


def index_years(report: Report) -> tuple[list[Cited], list[Cited]]:
    """*Last year* and *this year* for the index page."""
    return index_items(report, last_year_items(report, "en")), index_items(report, this_year_items(report, "en"))


class IndexPreamble(NamedTuple):
    """A part's preamble on the index: how many figures it holds, the first few as
    written, and the anchor of its line on the overview."""

    total: int
    figures: list[str]
    anchor: str


def index_preambles(report: Report) -> dict[int, IndexPreamble]:
    """Each part's preamble on the index, by the part's start (none for a part without
    sections of its own, or without figures before its first): the preambles found
    once for the whole index, not again for each part."""
    return {p.part.start: IndexPreamble(len(p.figures), [labelled(i) for i in p.figures[:INDEX_PREAMBLE]], part_anchor(report, p.part))
            for p in preambles(report) if p.figures}


#: How many figures of a part's preamble its line on the index names.
INDEX_PREAMBLE = 3

