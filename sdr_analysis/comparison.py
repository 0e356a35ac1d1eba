"""What the two comparison pages share: a place over the years (``series``: each target
against the result the next report states) and places in one year (``places``:
targets side by side). Here the reports are opened and checked, the sentences their
figures stand in numbered, and the parts both pages show are made (headings, the
reports, figures and domains per report, the sources), as Markdown, tables and charts
in English (``en``) or Chinese (``zh``); each page's own parts are in
:mod:`sdr_analysis.series_page` and :mod:`sdr_analysis.places_page`.

The data come from :mod:`sdr_analysis.series`; these modules only present them. Every
figure links to its sentence in the page's Sources list, where the figure is marked.
Report text (targets, results, sentences, titles, place names) reaches the Markdown
only through :func:`~sdr_analysis.messages.escape_markdown`; anchors and links are the
page's own.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from . import series
from .chars import HAN
from .checks import check_lang, check_measure, check_paths_exist, check_report_paths
from .coverage import COPIES, Coverage, from_param
from .english import report_place, short_place_name
from .exceptions import UnknownSource
from .messages import escape_markdown, t
from .places import PROVINCE_ENDINGS
from .selection import places_of, series_of
from .wording import present

if TYPE_CHECKING:
    import pandas as pd

    from .attention import Dictionary
    from .charts import Chart
    from .report import Report


# opening the reports


@dataclass
class Comparison:
    """The reports of one page, the table it shows and the sentences it cites.

    ``frame`` is :func:`series.series_frame` (``kind`` ``series``) or
    :func:`series.places_frame` (``kind`` ``places``); ``measure`` the measure the
    page is about (``""``: every measure)."""

    kind: str
    lang: str
    reports: list["Report"]
    frame: "pd.DataFrame"
    measure: str = ""
    anchors: dict[tuple[int, int], str] = field(default_factory=dict)
    marks: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)
    coverage: Coverage = field(default_factory=Coverage)

    def report_of(self, source) -> tuple[int, "Report"]:
        """The report whose path is ``source``, and its place in :attr:`reports`."""
        for i, r in enumerate(self.reports):
            if r.source == source:
                return i, r
        raise UnknownSource(source)


def open_series(report_paths, lang: str, measure: str = "", left_out=()) -> Comparison:
    """The reports of one place over the years and their targets against results,
    checking the notebook's parameters (:class:`ParameterError`). The reports used
    are chosen by :func:`coverage.for_series` (one place, a report per year), the
    others listed on the page with why, and with them ``left_out``, what a build
    left out before (:func:`coverage.from_param`); reports of several places with as
    many years each raise :class:`~sdr_analysis.exceptions.SeriesError`."""
    check_lang(lang)
    measure = check_measure(measure, allow_all=True)
    given = from_param(left_out)
    reports, cov = series_of(check_paths_exist(check_report_paths(report_paths), "the reports of one place, two years or more"))
    frame = series.series_frame(reports, measure or None)
    cov = Coverage(cov.used, cov.left_out + given, cov.place)
    return _cite(Comparison("series", lang, reports, frame, measure, coverage=cov), ("target", "result"))


def open_places(report_paths, lang: str, measure: str = "gdp", left_out=()) -> Comparison:
    """The reports of one year and every annual target they set, checking the
    notebook's parameters; ``measure`` is the one compared place by place. The
    reports used are chosen by :func:`coverage.for_places` (a year and a place
    each, one copy of each), the others listed on the page with why, and with them
    ``left_out``, what a build left out before."""
    check_lang(lang)
    measure = check_measure(measure, allow_all=False)
    given = from_param(left_out)
    reports, cov = places_of(check_paths_exist(check_report_paths(report_paths), "the reports of one year, two places or more"))
    frame = series.places_frame(reports)
    cov = Coverage(cov.used, cov.left_out + given, cov.place)
    return _cite(Comparison("places", lang, reports, frame, measure, coverage=cov), ("",))


def _cite(c: Comparison, roles: Sequence[str]) -> Comparison:
    """Number the sentences the frame's figures stand in, per report in reading order,
    and remember each figure's span to mark it there."""
    cited: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for role in roles:
        prefix = f"{role}_" if role else ""
        for source, start, end in zip(c.frame.get(f"{prefix}source", []), c.frame.get(f"{prefix}start", []), c.frame.get(f"{prefix}end", [])):
            if not present(source) or not present(start):
                continue
            i, report = c.report_of(source)
            sentence = report.sentence_at(int(start))
            if sentence is None:
                continue
            cited.setdefault(i, {}).setdefault(sentence.start, []).append((int(start), int(end)))
    for i, sentences in cited.items():
        for n, (s_start, spans) in enumerate(sorted(sentences.items()), start=1):
            c.anchors[i, s_start] = f"r{i + 1}s{n}"
            c.marks[i, s_start] = sorted(set(spans))
    return c


def link(c: Comparison, source, start, text: str) -> str:
    """``text`` escaped, as a link to its sentence in the Sources list where cited."""
    shown = escape_markdown(str(text))
    if not present(source) or not present(start):
        return shown
    i, report = c.report_of(source)
    sentence = report.sentence_at(int(start))
    anchor = c.anchors.get((i, sentence.start)) if sentence else None
    return f"[{shown}](#{anchor})" if anchor else shown


# places and years


#: What a chart leaves off a province's name: ``新疆维吾尔自治区`` → ``新疆``, ``安徽省`` →
#: ``安徽``, ``北京市`` → ``北京``, as Chinese writes them for short (the endings the
#: place names are read with, :data:`~sdr_analysis.metadata.PROVINCE_ENDINGS`).
PROVINCE_SUFFIX = re.compile("(?:" + "|".join(map(re.escape, PROVINCE_ENDINGS)) + ")$")


def short_place(report: "Report", lang: str) -> str:
    """The place as a chart labels it: the government that reports without the
    places above it (``海拉尔区``), a province by its short name (``安徽``, ``新疆``);
    in English on an en page (``Hailar District``, ``Xinjiang``)."""
    meta = report.metadata
    for name in (meta.street, meta.county, meta.district, meta.city):
        if name:
            return short_place_name(name, lang)
    if meta.province:
        return short_place_name(PROVINCE_SUFFIX.sub("", meta.province) or meta.province, lang)
    return series.place_of(report)


def year_label(report: "Report") -> str:
    year = series.year_of(report)
    return str(year) if year is not None else "—"


# headings and the reports


def section_heading(c: Comparison, key: str, **fields) -> str:
    """A numbered part's heading and its lead, in the page's language."""
    lead = f"{key}_lead"
    words = t(c.lang, "compare")
    text = f"## {words[key].format(**fields)}"
    if lead in words:
        text += "\n\n" + words[lead].format(**fields)
    return text


#: Spaces between Chinese characters of a spaced-out title (``政 府 工 作 报 告``).
SPACED = re.compile(f"(?<=[{HAN}])\\s+(?=[{HAN}])")


def reports_list(c: Comparison) -> str:
    """A line per report: its year (its place, on a places page), its title and its date."""
    lines = []
    for r in c.reports:
        meta = r.metadata
        title = meta.title.text if meta.title else Path(r.source or "").name
        words = {"title": escape_markdown(SPACED.sub("", " ".join(title.split()))), "date": escape_markdown(meta.date or "—")}
        if c.kind == "places":
            line = t(c.lang, "compare.place_line").format(place=escape_markdown(report_place(r, c.lang)), **words)
        else:
            line = t(c.lang, "compare.report_line").format(year=year_label(r), **words)
        lines.append(f"- {line}")
    return "\n".join(lines) + left_out_list(c)


def left_out_list(c: Comparison) -> str:
    """The report files the page does not use, each with why (``""`` where none is
    left out): after the list of reports, so that none drops out unsaid."""
    place = c.coverage.place or (series.place_of(c.reports[0]) if c.reports else "")
    return left_out_lines(Coverage([r.source or "" for r in c.reports], c.coverage.left_out, place), c.lang)


def left_out_lines(coverage: Coverage, lang: str) -> str:
    """The files ``coverage`` leaves out, each with why, under a heading that counts
    them against the files it uses (``""`` where none is left out); a file named by
    its path below the folder the files share."""
    left, used = coverage.left_out, coverage.used
    if not left:
        return ""
    words = t(lang, "files_used")
    count = words["count"].format(used=len(used), total=len(used) + len(left), n=len(left))
    name = file_names(list(used) + [x.file for x in left] + [x.detail for x in left if x.reason in COPIES])
    lines = [f"\n\n**{words['left_out']}**\n\n{count}\n"]
    for x in left:
        why = x.words(lang, coverage.place, escape_markdown, name)
        lines.append("- " + words["line"].format(file=escape_markdown(name(x.file)), why=why))
    return "\n".join(lines)


def file_names(paths: Sequence[str]) -> Callable[[str], str]:
    """How a page names a file: its path below the folder the page's files share
    (``mirror/x.txt`` and ``x.txt`` told apart), never the folders above it."""
    try:
        root = os.path.commonpath([os.path.dirname(os.path.normpath(p)) for p in paths if p])
    except ValueError:  # absolute and relative paths: no folder in common
        return lambda p: Path(p).name
    return lambda p: Path(os.path.relpath(os.path.normpath(p), root or ".")).as_posix() if p else p


def report_years(c: Comparison) -> list[int]:
    """The years of the comparison's reports, in order (a report without one left out)."""
    return sorted({y for r in c.reports if (y := series.year_of(r)) is not None})


# tables as Markdown (their cells link to the sources)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table of cells that are Markdown already (escaped report text and
    the page's own links)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


# a measure's name


def measure_name(key: str, lang: str) -> str:
    from .targets import measure

    if key != "other":
        check_measure(key, allow_all=False)
    return getattr(measure(key), check_lang(lang))


# figures and domains per report


def _row_label(c: Comparison, report: "Report") -> str:
    return year_label(report) if c.kind == "series" else short_place(report, c.lang)


def figures_table(c: Comparison) -> "pd.DataFrame":
    """Per report: its sections, characters, figures, figures per 1,000 characters,
    targets set and (for a series) how many of them were met."""
    import pandas as pd

    from .summary import report_density

    rows = []
    for r in c.reports:
        summaries = r.summaries
        row = {
            t(c.lang, "compare.year" if c.kind == "series" else "compare.place"): _row_label(c, r),
            t(c.lang, "compare.sections"): len(summaries),
            t(c.lang, "compare.indicators"): len(r.indicators),
            t(c.lang, "compare.density"): report_density(summaries) if summaries else 0.0,
        }
        if c.kind == "series":
            mine = c.frame[c.frame["target_source"] == r.source] if len(c.frame) else c.frame
            row[t(c.lang, "compare.targets")] = len(mine)
            row[t(c.lang, "compare.met_rate")] = int((mine["status"] == "met").sum()) if len(mine) else 0
        else:
            row[t(c.lang, "compare.targets")] = int((c.frame["source"] == r.source).sum()) if len(c.frame) else 0
        rows.append(row)
    return pd.DataFrame(rows).set_index(t(c.lang, "compare.year" if c.kind == "series" else "compare.place"))


def domains_chart(c: Comparison, dictionaries: Optional[Sequence["Dictionary"]] = None) -> Optional["Chart"]:
    """Each report's share of words in each policy dictionary (the panel's
    ``attention`` figures for the whole report, in %): the dictionaries down the side,
    the years (or places) across."""
    from .attention import attention_rows, load_dictionaries
    from .plotting import grid_chart

    if not c.reports:
        return None
    dicts = list(dictionaries) if dictionaries is not None else load_dictionaries()
    shares = [{row["dictionary"]: 100 * (row["share_words"] or 0.0) for row in attention_rows(r, dicts) if row["scope"] == "whole"}
              for r in c.reports]
    cols = [_row_label(c, r) for r in c.reports]
    rows = [d.label(c.lang) for d in dicts]
    values = [[s[d.name] for s in shares] for d in dicts]
    items = []
    for label, s in zip(cols, shares):
        top = max(dicts, key=lambda d: s[d.name])
        items.append(t(c.lang, "compare.alt_domains_item").format(row=label, domain=top.label(c.lang), share=s[top.name]))
    title = t(c.lang, "compare.domains_chart" if c.kind == "series" else "compare.domains_places_chart")
    return grid_chart(rows, cols, values, title, t(c.lang, "compare.alt_domains").format(items=t(c.lang, "compare.list_sep").join(items)))


# sources


def sources(c: Comparison) -> str:
    """Per report, the sentences cited on the page, numbered, each an anchor the
    page's links lead to, with the cited figures marked."""
    out = []
    for i, r in enumerate(c.reports):
        cited = sorted((s_start, anchor) for (k, s_start), anchor in c.anchors.items() if k == i)
        if not cited:
            continue
        head = year_label(r) if c.kind == "series" else f"{escape_markdown(report_place(r, c.lang))} {year_label(r)}"
        out.append(f"**{head}**\n")
        for n, (s_start, anchor) in enumerate(cited, start=1):
            sentence = r.sentence_at(s_start)
            assert sentence is not None  # cited sentences are found ones
            out.append(f'{n}. <a id="{anchor}"></a>{_marked(sentence.text, sentence.start, c.marks[i, s_start])}')
        out.append("")
    return "\n".join(out).strip()


def _marked(text: str, offset: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` escaped, with ``spans`` (offsets in the report) marked; overlapping
    spans are marked once."""
    out, pos = [], 0
    for start, end in spans:
        a, b = max(start - offset, pos), min(end - offset, len(text))
        if b <= a:
            continue
        out.append(escape_markdown(text[pos:a]) if a > pos else "")
        out.append(f"<mark>{escape_markdown(text[a:b])}</mark>")
        pos = b
    out.append(escape_markdown(text[pos:]) if pos < len(text) else "")
    return "".join(out)
