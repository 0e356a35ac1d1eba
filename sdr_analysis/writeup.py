"""The parts of a report's pages, its sections' write-ups and its overview, built from
its findings: Markdown text, tables and charts, in English (``en``) or Chinese
(``zh``). The notebooks call these and narrate; nothing here is specific to one report.
A section's part 8, its narrative, is written by :mod:`sdr_analysis.narrative` and
named here with the other parts (:func:`narrative`), so that the notebook asks one
module for every part of its page.

Every figure shown is one the parser found, written with its qualifier, and points at
its source sentence by the sentence's id in its section (``S3``: the third sentence).

Report text (titles, sentences, figures, labels, terms, place and date) goes into the
Markdown parts only through :func:`~sdr_analysis.messages.escape_markdown`, so it reads
exactly as written and is never markup; links and anchors are the write-up's own.
"""

from __future__ import annotations

import heapq
import os
from collections import Counter
from typing import TYPE_CHECKING, Optional, Sequence

from .amounts import largest_amounts
from .chars import PAUSES, STOPS
from .checks import check_lang, check_report_path
from .english import label_words, report_place
from .exceptions import ParameterError
from .headlines import last_year as last_year
from .headlines import preamble_lines as preamble_lines
from .headlines import report_sources as report_sources
from .headlines import this_year as this_year  # the overview's opening, and each part's preamble
from .messages import counted, escape_markdown, nest_quotes, t
from .narrative import narrative as narrative  # part 8, named here with the page's other parts
from .news import counts as counts  # a section page's opening, its money, and its footnote
from .news import money as money
from .news import news as news
from .outputs import output_name, section_file, written_up
from .phrases import (
    CLAIM_KINDS,
    SCOPE_ORDER,
    SCOPES,
    amount_fields,
    cite,
    clause_words,
    figure_phrase,
    largest_money_words,
    scope_name,
    sentence_ids,
    summary_of,
)
from .report import Report, ReportSection, load_report
from .results import Indicator, SectionSummary
from .roles import SPENDING, money_stated

if TYPE_CHECKING:
    import pandas as pd

    from .attention import Dictionary
    from .charts import Chart


# opening the report


def open_section(report_path: str | os.PathLike[str], section: str | int, lang: str) -> tuple[Report, ReportSection]:
    """Load the report and find the section, checking the notebook's parameters.

    ``section`` is the section's key (``"四"``; ``"三.二"`` for (二) of part 三), its
    ordinals (``"3-2"``; ``"4"``, or ``4``: papermill passes ``-p section 4`` as an
    int), or a number or marker only one section has (``"(四)"``).
    Raises :class:`ParameterError` for a parameter of the wrong kind,
    :class:`SectionNotFound` for a number the report does not have.
    """
    check_lang(lang)
    report = load_report(check_report_path(report_path))
    if isinstance(section, bool) or not isinstance(section, (str, int)):
        keys = ", ".join(s.key for s in report.sections) or "none"
        raise ParameterError("section", section, f"use one section key or number as the report writes it; sections: {keys}")
    return report, report.section(section)


def open_report(report_path: str | os.PathLike[str], lang: str) -> Report:
    """Load the report, checking the notebook's parameters (raises :class:`ParameterError`)."""
    check_lang(lang)
    return load_report(check_report_path(report_path))


# the heading


def position(report: Report, sec: ReportSection) -> int:
    """Where the section stands among the report's policy sections, from 0."""
    return report.summaries.index(summary_of(report, sec))


def heading(report: Report, sec: ReportSection, lang: str) -> str:
    """The section's title, the report, the part it is in with its period (none for
    a report without parts), and which policy section of how many it is."""
    where = t(lang, "section_of").format(i=position(report, sec) + 1, n=len(report.sections))
    part = sec.part
    if not part.implied:
        period = t(lang, "period_names").get(part.period, part.period)
        where = t(lang, "in_part").format(part=escape_markdown(part.marker + part.title), period=period) + " · " + where
    return (f"# {escape_markdown(sec.marker + sec.title)}\n\n**{t(lang, 'report')}**{t(lang, 'colon')}{place_and_date(report, lang)} · {where}"
            f"\n\n{t(lang, 'intro')}")


def part_heading(key: str, lang: str) -> str:
    """A numbered part of a page (``## 3. Indicators``, ``## 三、指标``) with the line
    that says what it holds, in the page's language only."""
    leads = t(lang, "leads")
    return f"## {t(lang, 'parts')[key]}" + (f"\n\n{leads[key]}" if key in leads else "")


def place_and_date(report: Report, lang: str) -> str:
    """``place · date`` from the report's opening lines, escaped, the place in English
    with the Chinese beside it on an en page; ``—`` for what is unknown."""
    meta = report.metadata
    place = report_place(report, lang) if meta.place else "—"
    return f"{escape_markdown(place)} · {escape_markdown(meta.date or '—')}"


# 2. themes


def themes(sec: ReportSection, lang: str) -> str:
    """Each theme of the section (and its opening) with the figures under it, each
    with what it measures and a link to its sentence."""
    out = []
    for p in sec.paragraphs:
        figures = sec.report.within("indicators", p.start, p.end)
        if p.theme is None and p.start != sec.start:
            continue
        name = escape_markdown(p.theme.text) if p.theme else t(lang, "opening")
        if figures:
            listed = t(lang, "list_sep").join(
                t(lang, "theme_item").format(figure=figure_phrase(sec, i, lang), label=escape_markdown(label_words(i.label, lang)),
                                             src=cite(sec, i.start))
                for i in figures
            )
            out.append("- " + t(lang, "theme_line").format(name=name, count=counted(lang, "figures", len(figures)), items=listed))
        else:
            out.append("- " + t(lang, "theme_none").format(name=name))
    return "\n".join(out)


# 3. indicators


def relation_names(sec: ReportSection, lang: str) -> dict[int, str]:
    """``{indicator start: 'change: before'}`` for the figures in relations."""
    names = {}
    kinds, roles, directions = t(lang, "relation_kinds"), t(lang, "relation_roles"), t(lang, "directions")
    for r in sec.relations:
        for role in ("before", "after", "base", "delta"):
            ind = getattr(r, role)
            if ind is not None:
                words = {"kind": kinds.get(r.kind, r.kind), "role": roles[role]}
                if r.direction:
                    names[ind.start] = t(lang, "relation_cell_direction").format(**words, direction=directions.get(r.direction, r.direction))
                else:
                    names[ind.start] = t(lang, "relation_cell").format(**words)
    return names


def indicator_table(sec: ReportSection, lang: str) -> "pd.DataFrame":
    """Every figure of the section: what it measures, as written, its value, unit,
    qualifier, kind and relation, its sentence's id and the sentence, written out at
    the sentence's first figure and marked "as above" at the next ones (a sentence of
    six figures once, not six times)."""
    import pandas as pd

    ids = sentence_ids(sec)
    firsts = {i.sentence.start: i.start for i in reversed(sec.indicators) if i.sentence}
    rel = relation_names(sec, lang)
    kinds, quals, units = t(lang, "kind_names"), t(lang, "qualifier_names"), t(lang, "units")
    rows = [
        {
            t(lang, "label"): label_words(i.label, lang) if i.label else i.label,
            t(lang, "figure"): i.text,
            t(lang, "value"): f"{i.value:,}" + (f"–{i.value_max:,}" if i.value_max is not None else ""),
            t(lang, "unit"): units.get(i.unit, i.unit),
            t(lang, "qualifier"): quals[i.qualifier] + (t(lang, "each_mark") if i.each else ""),
            t(lang, "kind"): kinds[i.kind],
            t(lang, "relation"): rel.get(i.start, ""),
            t(lang, "sentence"): ids.get(i.sentence.start, "") if i.sentence else "",
            t(lang, "source"): (i.sentence.text if firsts[i.sentence.start] == i.start else t(lang, "same_sentence")) if i.sentence else "",
        }
        for i in sec.indicators
    ]
    frame = pd.DataFrame(rows, columns=[t(lang, k) for k in ("label", "figure", "value", "unit", "qualifier", "kind", "relation", "sentence", "source")])
    frame.index = range(1, len(frame) + 1)
    return frame


# 4. charts


def money_chart(sec: ReportSection, lang: str, spending: bool = True) -> Optional["Chart"]:
    """The section's sums spent, each with its label, largest first; with
    ``spending=False`` its other amounts (output, revenue, finance, trade…), each
    labelled with its role. Each bar is a figure the report states."""
    from . import plotting

    if spending:
        sums = money_stated(sec.indicators)
        return plotting.money_chart(sums, t(lang, "money_chart"), t(lang, "money_axis")) if sums else None
    others = [i for i in largest_amounts(sec.indicators) if i.role != SPENDING]
    if not others:
        return None
    return plotting.barh(
        [t(lang, "amount_short").format(**{**amount_fields(i, lang), "figure": ""}).strip() for i in others],
        [i.value / 1e4 for i in others], t(lang, "other_money_chart"), t(lang, "money_axis"), value_labels=[i.text for i in others],
    )


def levels_set(sec: ReportSection) -> list[Indicator]:
    """Standards: money figures that are a level (``提升至850元``, ``补助标准``), not sums spent."""
    return [i for i in sec.indicators if i.role == "standard"]


def money_not_spent(sec: ReportSection) -> list[Indicator]:
    """Money figures that are neither spending nor a standard (output, revenue, finance,
    trade, income, other): left out of the money stated."""
    return [i for i in sec.indicators if i.role is not None and i.role not in ("spending", "standard")]


def change_chart(sec: ReportSection, lang: str) -> Optional["Chart"]:
    from . import plotting

    usable = [r for r in sec.relations if (r.before and r.after) or (r.base and r.delta and r.delta.kind == "percent_point")]
    if not usable:
        return None
    return plotting.change_chart(usable, t(lang, "change_chart"), t(lang, "before"), t(lang, "after"))


def share_chart(report: Report, sec: ReportSection, lang: str) -> Optional["Chart"]:
    """The section's share of the report's figures (a count of figures found, not of
    money: money figures are never added up across sections)."""
    from . import plotting

    summaries = report.summaries
    values: list[float] = [s.indicators for s in summaries]
    total = sum(values)
    if not total:
        return None
    here = position(report, sec)
    shown = charted(values, keep=here)
    names = [short_label(summaries[i]) for i in shown]
    shares = [100 * values[i] / total for i in shown]
    title = chart_title(t(lang, "share_chart"), len(shown), len(summaries), lang, "chart_shows_largest")
    return plotting.share_chart(names, shares, shown.index(here), title, t(lang, "share_axis"))


#: The most sections a chart of every section draws. Real reports have up to about 30
#: policy sections, and their charts show them all; a text of hundreds has this many
#: drawn, chosen by what the chart shows (and its title says how many of how many), so
#: that a chart costs the same whatever the report's size.
MAX_CHART_SECTIONS = 40


def charted(weights: list[float], keep: Optional[int] = None) -> list[int]:
    """The positions of the sections a chart draws, in reading order: every one, or
    where there are more than :data:`MAX_CHART_SECTIONS`, the one at ``keep`` (the
    section the page is about) and those of the largest ``weights`` (the first of
    equal ones)."""
    if len(weights) <= MAX_CHART_SECTIONS:
        return list(range(len(weights)))
    others = [i for i in range(len(weights)) if i != keep]
    top = heapq.nlargest(MAX_CHART_SECTIONS - (keep is not None), others, key=weights.__getitem__)
    return sorted(top + ([keep] if keep is not None else []))


def chart_title(title: str, shown: int, total: int, lang: str, note: str) -> str:
    """A chart's title, saying which sections it shows where it shows ``shown`` of
    ``total`` (``note``: the catalog's words for how they were chosen)."""
    if shown == total:
        return title
    words = t(lang, note).format(shown=shown, total=total, others=shown - 1)
    return t(lang, "chart_of_some").format(title=title, note=words)


#: A section's label on a chart: its marker and its title up to the first stop or
#: comma, at most this many characters, so that 20–30 sections stay readable.
SHORT_TITLE_CHARS = 10
TITLE_STOPS = PAUSES + STOPS


def short_label(s: SectionSummary) -> str:
    """``（二）扩大内需`` for a chart: the marker (after the part's number where
    sections of different parts share markers: ``三（二）``) and a short title."""
    cut = min((i for i in (s.title.find(ch) for ch in TITLE_STOPS) if i > 0), default=len(s.title))
    title = s.title[:cut]
    if len(title) > SHORT_TITLE_CHARS:
        title = title[: SHORT_TITLE_CHARS - 1] + "…"
    prefix = s.part if s.part is not None and s.key != s.part else ""
    return f"{prefix}{s.marker}{title}"


# 5. claims


def claims(sec: ReportSection, lang: str) -> str:
    if not sec.claims:
        return t(lang, "no_claims")
    out = []
    for kind in CLAIM_KINDS:
        found = [c for c in sec.claims if c.kind == kind]
        if not found:
            continue
        out.append(t(lang, "claims_head").format(kind=t(lang, kind), n=len(found)) + "\n")
        for c in sorted(found, key=lambda c: (SCOPE_ORDER[c.scope], c.start)):
            out.append("- " + t(lang, "claim_line").format(scope=scope_name(c, lang), text=escape_markdown(c.text), src=cite(sec, c.start)))
        out.append("")
    return "\n".join(out).strip()


# 6. named initiatives


def terms(sec: ReportSection, lang: str) -> str:
    if not sec.terms:
        return t(lang, "no_terms")
    counts = Counter(x.text for x in sec.terms)  # in the order each first appears
    return " · ".join(f"“{escape_markdown(nest_quotes(w))}”" + (f" ×{n}" if n > 1 else "") for w, n in counts.items())


# 7. vocabulary


def distinctive_table(report: Report, sec: ReportSection, lang: str) -> "pd.DataFrame":
    import pandas as pd

    from .vocabulary import distinctive_terms

    ranked = distinctive_terms([s.text for s in report.summaries])[position(report, sec)]
    frame = pd.DataFrame(
        [(d.word, d.count, d.score) for d in ranked],
        columns=[t(lang, "word"), t(lang, "count"), t(lang, "score")],
    )
    frame.index = range(1, len(frame) + 1)
    return frame


def domain_table(sec: ReportSection, lang: str, dictionaries: Optional[Sequence["Dictionary"]] = None) -> "pd.DataFrame":
    """Each policy dictionary's share (%) of the section's words, where it has any
    (:mod:`sdr_analysis.attention`: the same count as the panel's)."""
    import pandas as pd

    from .attention import load_dictionaries, shares

    dicts = list(dictionaries) if dictionaries is not None else load_dictionaries()
    found = shares(sec.report, sec.start, sec.end, dicts)
    rows = [(d.label(lang), round(found[d.name], 2)) for d in dicts if found[d.name] > 0]
    rows.sort(key=lambda r: -r[1])
    return pd.DataFrame(rows, columns=[t(lang, "domain"), t(lang, "share")]).set_index(t(lang, "domain"))


# 9. notes on the data


def notes(report: Report, sec: ReportSection, lang: str) -> str:
    """A list of notes: figures, labels and the report's own notes escaped where they land."""
    words = t(lang, "notes")
    sep = words["sep"]
    quals, names = t(lang, "qualifier_names"), t(lang, "role_names")
    approx = [i for i in sec.indicators if i.qualifier not in ("exact",)]
    each = [i for i in sec.indicators if i.each]
    out = []
    if approx:
        out.append(words["approx"].format(items=sep.join(
            words["approx_item"].format(figure=escape_markdown(i.text), qualifier=quals[i.qualifier]) for i in approx)))
    if each:
        out.append(words["each"].format(items=sep.join(clause_words(sec, i) for i in each)))
    levels = levels_set(sec)
    if levels:
        out.append(words["levels"].format(items=sep.join(clause_words(sec, i) for i in levels)))
    other = money_not_spent(sec)
    if other:
        out.append(words["not_spent"].format(items=sep.join(
            words["not_spent_item"].format(figure=clause_words(sec, i), role=names[i.role]) for i in other)))
    if t(lang, "report_notes"):
        out += [words["report"].format(note=escape_markdown(note)) for note in report.notes]
    elif report.missing_sections:
        out.append(words["missing"].format(sections=t(lang, "join").join(map(escape_markdown, report.missing_sections))))
    if position(report, sec) == len(report.sections) - 1:
        out.append(words["last"])
    return "\n".join(f"- {x}" for x in out) if out else "-"


# 10. sources


def sources(sec: ReportSection, lang: str) -> str:
    """Every sentence of the section with its id, as link targets for the pointers."""
    return "\n".join(
        f'- <a id="{sid}"></a>**{sid}** {escape_markdown(s.text)}' for sid, s in zip(sentence_ids(sec).values(), sec.sentences)
    )


# overview


def overview_heading(report: Report, lang: str) -> str:
    meta = report.metadata
    title = meta.title.text if meta.title else os.path.basename(report.source or "")  # a name, never the path
    return (f"# {escape_markdown(title)}\n\n**{t(lang, 'report')}**{t(lang, 'colon')}{place_and_date(report, lang)}"
            f"\n\n{t(lang, 'overview_intro')}")


def has_parts(report: Report) -> bool:
    """Whether the report has parts of its own (not one implied part)."""
    return not (report.parts and report.parts[0].implied)


def sections_table(report: Report, lang: str) -> "pd.DataFrame":
    """One row per policy section, with its part (where the report has parts)."""
    import pandas as pd

    columns = [t(lang, k) for k in ("label", "themes", "indicators", "density", "largest_money", "claims")]
    rows = [
        {
            "": f"{s.part}{s.marker}" if s.part is not None and s.key != s.part else s.marker,
            t(lang, "part"): s.part or "",
            t(lang, "period"): t(lang, "period_names").get(s.period, s.period),
            t(lang, "label"): s.title,
            t(lang, "themes"): s.themes,
            t(lang, "indicators"): s.indicators,
            t(lang, "density"): s.density,
            t(lang, "largest_money"): largest_money_words(report, s, lang),
            t(lang, "claims"): s.claims,
        }
        for s in report.summaries
    ]
    if has_parts(report):
        columns = [t(lang, "part"), t(lang, "period")] + columns
    return pd.DataFrame(rows, columns=[""] + columns).set_index("")


def density_chart(report: Report, lang: str) -> Optional["Chart"]:
    from . import plotting

    summaries = report.summaries
    if not summaries:
        return None
    shown = [summaries[i] for i in charted([s.density for s in summaries])]
    return plotting.barh(
        [short_label(s) for s in shown],
        [s.density for s in shown],
        chart_title(t(lang, "density"), len(shown), len(summaries), lang, "chart_shows_densest"),
        t(lang, "density"),
        value_labels=[f"{s.density:.1f}" for s in shown],
    )


def domains_heatmap(report: Report, lang: str, dictionaries: Optional[Sequence["Dictionary"]] = None) -> Optional["Chart"]:
    """Sections down the side, policy dictionaries across: each one's share (%) of the
    section's words."""
    from . import plotting
    from .attention import load_dictionaries, shares

    summaries = report.summaries
    if not summaries:
        return None
    shown = [summaries[i] for i in charted([s.characters for s in summaries])]
    dicts = list(dictionaries) if dictionaries is not None else load_dictionaries()
    cols = [d.label(lang) for d in dicts]
    values = [[found[d.name] for d in dicts] for found in (shares(report, s.start, s.end, dicts) for s in shown)]
    title = chart_title(t(lang, "domains_by_section"), len(shown), len(summaries), lang, "chart_shows_longest")
    return plotting.heatmap([short_label(s) for s in shown], cols, values, title)


def all_claims(report: Report, lang: str) -> str:
    if not report.claims:
        return t(lang, "no_claims")
    out = []
    for scope in SCOPES:
        found = [c for c in report.claims if c.scope == scope]
        if found:
            name = t(lang, f"scope_{scope or 'none'}")
            out.append(t(lang, "claims_head").format(kind=name, n=len(found)) + "\n")
            out.extend(f"- {_aside(c.section or '—', lang).lstrip()} {t(lang, c.kind)}{t(lang, 'colon')}{escape_markdown(c.text)}" for c in found)
            out.append("")
    return "\n".join(out).strip()


def _aside(text: str, lang: str) -> str:
    """``text`` escaped, in the page's brackets: `` (三)``, ``（三）``."""
    return t(lang, "aside").format(text=escape_markdown(text))


def missing(report: Report, lang: str) -> str:
    gone = t(lang, "join").join(escape_markdown(n) for n in report.missing_sections)
    words = t(lang, "missing")
    if gone and has_parts(report):
        return words["parts"].format(sections=gone)
    if not gone:
        return words["none"]
    return words["start"].format(sections=gone, first=escape_markdown(report.sections[0].marker))


def links(report: Report, lang: str) -> str:
    """A link to each section's write-up in ``lang``; where the report has parts, under a line
    naming each part and its period (a part that is its own section is one line)."""
    out = []
    sections = written_up(report)
    for part in report.parts:
        secs = [sec for sec in sections if sec.part.start == part.start]
        items = [f"[{escape_markdown(sec.marker + sec.title)}]({output_name(section_file(sec), lang)}.html)" for sec in secs]
        if part.implied:
            out += [f"- {item}" for item in items]
            continue
        period = t(lang, "period_names").get(part.period, part.period)
        if len(secs) == 1 and secs[0].start == part.start:
            out.append(f"- {items[0]}{t(lang, 'aside').format(text=period)}")
        else:
            out.append(f"- **{escape_markdown(part.marker + part.title)}**{t(lang, 'aside').format(text=period)}")
            out += [f"  - {item}" for item in items]
    return "\n".join(out)
