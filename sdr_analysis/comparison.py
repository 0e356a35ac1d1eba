"""The comparison pages: a place over the years (``series``: each target against the
result the next report states) and places in one year (``places``: targets side by
side), as Markdown, tables and charts in English (``en``) or Chinese (``zh``).

The data come from :mod:`sdr_analysis.series`; this module only presents them. Every
figure links to its sentence in the page's Sources list, where the figure is marked.
Report text (targets, results, sentences, titles, place names) reaches the Markdown
only through :func:`~sdr_analysis.messages.escape_markdown`; anchors and links are the
page's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence

from . import series
from .checks import check_lang, check_measure, check_report_paths
from .exceptions import UnknownSource
from .messages import escape_markdown, t
from .metadata import PROVINCE_ENDINGS
from .wording import plain_number, present, scale_for, value_words

if TYPE_CHECKING:
    import pandas as pd

    from .charts import Chart
    from .report import Report

#: The order qualifiers are counted and stacked in, and their colours.
QUALIFIER_ORDER = ("about", "more_than", "less_than", "range", "exact")
QUALIFIER_COLORS = {"about": "#7fb3d5", "more_than": "#1b6ca8", "less_than": "#e8a33d", "range": "#8c6bb1", "exact": "#b0b0b0"}


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

    def report_of(self, source) -> tuple[int, "Report"]:
        """The report whose path is ``source``, and its place in :attr:`reports`."""
        for i, r in enumerate(self.reports):
            if r.source == source:
                return i, r
        raise UnknownSource(source)


def open_series(report_paths, lang: str, measure: str = "") -> Comparison:
    """The reports of one place over the years and their targets against results,
    checking the notebook's parameters (:class:`ParameterError`); reports of more
    than one place raise :class:`~sdr_analysis.exceptions.SeriesError`."""
    check_lang(lang)
    measure = check_measure(measure, allow_all=True)
    reports = series.load_reports(check_report_paths(report_paths))
    frame = series.series_frame(reports, measure or None)
    return _cite(Comparison("series", lang, reports, frame, measure), ("target", "result"))


def open_places(report_paths, lang: str, measure: str = "gdp") -> Comparison:
    """The reports of one year and every annual target they set, checking the
    notebook's parameters; ``measure`` is the one compared place by place."""
    check_lang(lang)
    measure = check_measure(measure, allow_all=False)
    reports = series.load_reports(check_report_paths(report_paths))
    frame = series.places_frame(reports)
    return _cite(Comparison("places", lang, reports, frame, measure), ("",))


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


def short_place(report: "Report") -> str:
    """The place as a chart labels it: the government that reports without the
    places above it (``海拉尔区``), a province by its short name (``安徽``, ``新疆``)."""
    meta = report.metadata
    for name in (meta.street, meta.county, meta.district, meta.city):
        if name:
            return name
    if meta.province:
        return PROVINCE_SUFFIX.sub("", meta.province) or meta.province
    return series.place_of(report)


def year_label(report: "Report") -> str:
    year = series.year_of(report)
    return str(year) if year is not None else "—"


# 0. headings and the reports


def section_heading(c: Comparison, key: str, **fields) -> str:
    """A numbered part's heading and its lead, in the page's language."""
    lead = f"{key}_lead"
    words = t(c.lang, "compare")
    text = f"## {words[key].format(**fields)}"
    if lead in words:
        text += "\n\n" + words[lead].format(**fields)
    return text


#: Spaces between Chinese characters of a spaced-out title (``政 府 工 作 报 告``).
SPACED = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _reports_list(c: Comparison) -> str:
    """A line per report: its year (its place, on a places page), its title and its date."""
    lines = []
    for r in c.reports:
        meta = r.metadata
        title = meta.title.text if meta.title else Path(r.source or "").name
        words = {"title": escape_markdown(SPACED.sub("", " ".join(title.split()))), "date": escape_markdown(meta.date or "—")}
        if c.kind == "places":
            line = t(c.lang, "compare.place_line").format(place=escape_markdown(series.place_of(r)), **words)
        else:
            line = t(c.lang, "compare.report_line").format(year=year_label(r), **words)
        lines.append(f"- {line}")
    return "\n".join(lines)


def _years(c: Comparison) -> list[int]:
    """The years of the comparison's reports, in order (a report without one left out)."""
    return sorted({y for r in c.reports if (y := series.year_of(r)) is not None})


def series_heading(c: Comparison) -> str:
    """The page's title (the place and its years), what it reads, and its reports."""
    years = _years(c)
    title = t(c.lang, "compare.series_title").format(place=escape_markdown(series.place_of(c.reports[0])), first=min(years, default="—"),
                                             last=max(years, default="—"))
    return f"# {title}\n\n{t(c.lang, 'compare.series_lead')}\n\n**{t(c.lang, 'compare.reports')}**\n\n{_reports_list(c)}"


def places_heading(c: Comparison) -> str:
    years = _years(c)
    year = "、".join(map(str, years)) or "—"
    title = t(c.lang, "compare.places_title").format(year=year, n=len({series.place_of(r) for r in c.reports}))
    return f"# {title}\n\n{t(c.lang, 'compare.places_lead').format(year=year)}\n\n**{t(c.lang, 'compare.reports')}**\n\n{_reports_list(c)}"


# tables as Markdown (their cells link to the sources)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table of cells that are Markdown already (escaped report text and
    the page's own links)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


# the variants of a measure: its growth and its level are charted apart


def measure_name(key: str, lang: str) -> str:
    from .targets import measure

    return getattr(measure(key), check_lang(lang))


def variants(frame: "pd.DataFrame") -> list[tuple[str, bool, str]]:
    """``(measure, change, unit)`` of the targets in the frame, in the order of the
    table of measures, growth before level."""
    from .targets import measures

    order = {k: i for i, k in enumerate(measures())}
    seen = {(m, bool(ch), u) for m, ch, u in zip(frame["measure"], frame["change"], frame["unit"])} if len(frame) else set()
    return sorted(seen, key=lambda v: (order.get(v[0], len(order)), not v[1], v[2]))


def variant_name(variant: tuple[str, bool, str], all_variants: Sequence[tuple[str, bool, str]], lang: str) -> str:
    """The measure's name, told apart from the measure's other variant on the page
    (``GDP (growth)``, ``GDP (level)``) where there is one."""
    key, change, unit = variant
    name = measure_name(key, lang)
    if sum(v[0] == key for v in all_variants) > 1:
        name += t(lang, "compare.growth" if change else "compare.level")
    return name


def _rows(frame: "pd.DataFrame", variant: tuple[str, bool, str]) -> "pd.DataFrame":
    key, change, unit = variant
    return frame[(frame["measure"] == key) & (frame["change"].astype(bool) == change) & (frame["unit"] == unit)]


# 1. the scorecard (series)


def scorecard(c: Comparison) -> str:
    """How many targets were met and missed, and how many have no result."""
    counts = c.frame["status"].value_counts() if len(c.frame) else {}
    met, missed, nodata = (int(counts.get(k, 0)) for k in ("met", "missed", "no data"))
    if not met + missed:
        return t(c.lang, "compare.scorecard_none")
    return t(c.lang, "compare.scorecard_summary").format(judged=met + missed, met=met, missed=missed, open=nodata)


def scorecard_chart(c: Comparison) -> Optional["Chart"]:
    """A measure × year grid: a dot where the target was met, a cross where it was
    missed, a ring where the next report states no result, nothing where no target was set."""
    from .plotting import STATUS_COLORS, Dot, dot_grid

    f = c.frame
    if not len(f):
        return None
    years = _years(c)
    names = t(c.lang, "compare.grid_names")
    dots = {
        "met": Dot("o", STATUS_COLORS["met"], 70, True, names["met"]),
        "missed": Dot("X", STATUS_COLORS["missed"], 80, True, names["missed"]),
        "no data": Dot("o", "#9a9a9a", 40, False, names["no data"]),
    }
    all_v = variants(f)
    cells, items = [], []
    for v in all_v:
        sub = _rows(f, v)
        by_year = {int(y): s for y, s in zip(sub["year"], sub["status"])}
        cells.append([by_year.get(y) for y in years])
        judged = [f"{y} {names[s]}" for y, s in sorted(by_year.items()) if s in ("met", "missed")]
        if judged:
            items.append(f"{variant_name(v, all_v, c.lang)}{t(c.lang, 'compare.colon')}{t(c.lang, 'join').join(judged)}")
    alt = t(c.lang, "compare.alt_scorecard").format(items=t(c.lang, "compare.list_sep").join(items) or t(c.lang, "none"))
    return dot_grid([variant_name(v, all_v, c.lang) for v in all_v], [str(y) for y in years], cells, dots,
                    t(c.lang, "compare.scorecard_chart"), alt)


# 2. each measure (series)


def by_measure(c: Comparison) -> list:
    """For each measure with a target: its heading, its chart and its table (year,
    target as written, what it reads as, result as written, status), the figures
    linked to their sentences."""
    from IPython.display import Markdown

    out: list = []
    all_v = variants(c.frame)
    for v in all_v:
        rows = _rows(c.frame, v).sort_values("year")
        out.append(Markdown(f"### {escape_markdown(variant_name(v, all_v, c.lang))}"))
        out.append(series_chart(c, v, rows))
        out.append(Markdown(measure_table(c, rows)))
    return out


def _target_words(row, lang: str) -> str:
    if not present(row["target"]):
        return t(lang, "compare.status_names")["not set"]
    words = value_words(row["target"], row["target_max"], row["unit"], row["qualifier"], lang)
    return words + (t(lang, "compare.soft_mark") if bool(row["soft"]) else "")


def measure_table(c: Comparison, rows: "pd.DataFrame") -> str:
    names = t(c.lang, "compare.status_names")
    body = []
    for _, row in rows.iterrows():
        body.append([
            str(int(row["year"])),
            link(c, row["target_source"], row["target_start"], row["target_text"]),
            escape_markdown(_target_words(row, c.lang)),
            link(c, row["result_source"], row["result_start"], row["result_text"]) if present(row["result_text"]) else "—",
            names.get(row["status"], row["status"]),
        ])
    header = [t(c.lang, f"compare.{k}") for k in ("year", "target", "reads", "result", "status")]
    return markdown_table(header, body)


def series_chart(c: Comparison, variant: tuple[str, bool, str], rows: "pd.DataFrame") -> "Chart":
    """One measure's targets against results, year by year."""
    from .plotting import ResultMark, TargetMark, targets_chart

    key, change, unit = variant
    years = _years(c)
    values = [v for col in ("target", "target_max", "result") for v in rows[col] if present(v)]
    factor, unit_words = scale_for(unit, values, c.lang)
    by_year = {int(r["year"]): r for _, r in rows.iterrows()}
    targets: list[Optional[TargetMark]] = []
    results: list[Optional[ResultMark]] = []
    items: list[str] = []
    names = t(c.lang, "compare.status_names")
    for y in years:
        row = by_year.get(y)
        if row is None or not present(row["target"]):
            targets.append(None)
            results.append(None)
            continue
        vmax = row["target_max"] / factor if present(row["target_max"]) else None
        targets.append(TargetMark(row["target"] / factor, vmax, row["qualifier"], bool(row["soft"]), plain_number(row["target"] / factor)))
        has_result = present(row["result"])
        results.append(ResultMark(row["result"] / factor, row["status"], plain_number(row["result"] / factor)) if has_result else None)
        items.append(t(c.lang, "compare.alt_series_item").format(
            year=y, target=_target_words(row, c.lang),
            result=value_words(row["result"], None, unit, "exact", c.lang) if has_result else t(c.lang, "compare.no_result"),
            status=names.get(row["status"], row["status"])))
    name = variant_name(variant, variants(c.frame), c.lang)
    title = t(c.lang, "compare.chart_title").format(measure=name)
    alt = t(c.lang, "compare.alt_series").format(measure=name, items=t(c.lang, "compare.list_sep").join(items))
    return targets_chart([str(y) for y in years], targets, results, title, unit_words, t(c.lang, "compare.legend"), alt, about=series.ABOUT)


# 3. wording (series)


def qualifier_counts(frame: "pd.DataFrame") -> dict[int, dict[str, int]]:
    """For each year, how many targets of each qualifier, and how many are soft."""
    out: dict[int, dict[str, int]] = {}
    frame = frame[frame["target"].notna()]
    for y, q, soft in zip(frame["year"], frame["qualifier"], frame["soft"]):
        counts = out.setdefault(int(y), {k: 0 for k in QUALIFIER_ORDER + ("soft",)})
        counts[q if q in QUALIFIER_ORDER else "exact"] += 1
        counts["soft"] += bool(soft)
    return out


def wording_table(c: Comparison) -> str:
    counts = qualifier_counts(c.frame)
    groups = {**t(c.lang, "compare.qualifier_groups"), "soft": t(c.lang, "compare.soft")}
    # only the wordings the reports use: a column of zeros says nothing and crowds a phone
    shown = [q for q in QUALIFIER_ORDER + ("soft",) if any(n[q] for n in counts.values())]
    header = [t(c.lang, "compare.year"), t(c.lang, "compare.targets")] + [groups[q] for q in shown]
    rows = [[str(y), str(sum(n[q] for q in QUALIFIER_ORDER))] + [str(n[q]) for q in shown] for y, n in sorted(counts.items())]
    return markdown_table(header, rows) + "\n\n" + wording_sequence(c)


def wording_sequence(c: Comparison) -> str:
    """The main measure's target as written, year by year (its growth where it has one),
    each linked to its sentence."""
    f = c.frame
    if not len(f):
        return ""
    all_v = variants(f)
    v = all_v[0]
    rows = _rows(f, v).sort_values("year")
    items = [f"{int(r['year'])} {link(c, r['target_source'], r['target_start'], r['target_text'])}" for _, r in rows.iterrows()]
    return t(c.lang, "compare.wording_sequence").format(measure=escape_markdown(variant_name(v, all_v, c.lang)), items=t(c.lang, "join").join(items))


def wording_chart(c: Comparison) -> Optional["Chart"]:
    from .plotting import stacked_barh

    counts = qualifier_counts(c.frame)
    if not counts:
        return None
    years = sorted(counts)
    groups = t(c.lang, "compare.qualifier_groups")
    stacks = {groups[q]: [counts[y][q] for y in years] for q in QUALIFIER_ORDER}
    colors = {groups[q]: QUALIFIER_COLORS[q] for q in QUALIFIER_ORDER}
    items = [t(c.lang, "compare.alt_wording_item").format(
        year=y, counts=t(c.lang, "join").join(f"{groups[q]} {counts[y][q]}" for q in QUALIFIER_ORDER if counts[y][q]))
        for y in years]
    alt = t(c.lang, "compare.alt_wording").format(items=t(c.lang, "compare.list_sep").join(items))
    return stacked_barh([str(y) for y in years], stacks, colors, t(c.lang, "compare.wording_chart"), t(c.lang, "compare.count"), alt)


# 4. figures and domains per report (both pages)


def body_text(report: "Report") -> str:
    """The report's text less its page chrome, title and appendix."""
    start, end = report.body
    return report.text[start:end]


def _row_label(c: Comparison, report: "Report") -> str:
    return year_label(report) if c.kind == "series" else short_place(report)


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


def domains_chart(c: Comparison) -> Optional["Chart"]:
    """Each report's share of domain keywords in each policy domain: the domains down
    the side, the years (or places) across."""
    from .plotting import grid_chart
    from .vocabulary import domain_shares, domains

    if not c.reports:
        return None
    doms = domains()
    shares = [domain_shares(body_text(r)) for r in c.reports]
    cols = [_row_label(c, r) for r in c.reports]
    rows = [getattr(d, c.lang) for d in doms]
    values = [[s[d.key] for s in shares] for d in doms]
    items = []
    for label, s in zip(cols, shares):
        top = max(doms, key=lambda d: s[d.key])
        items.append(t(c.lang, "compare.alt_domains_item").format(row=label, domain=getattr(top, c.lang), share=s[top.key]))
    title = t(c.lang, "compare.domains_chart" if c.kind == "series" else "compare.domains_places_chart")
    return grid_chart(rows, cols, values, title, t(c.lang, "compare.alt_domains").format(items=t(c.lang, "compare.list_sep").join(items)))


# places: one measure side by side, and the measures each place sets


def _main_target(rows: "pd.DataFrame"):
    """A place's target for the measure: its growth rate where it sets one, else the first."""
    growth = rows[rows["change"].astype(bool)]
    return (growth if len(growth) else rows).iloc[0]


def place_targets(c: Comparison) -> list[tuple["Report", Any]]:
    """``(report, target row)`` of each report that sets a target for the page's
    measure, highest first (a range by its lower end, then its upper)."""
    f = c.frame
    out = []
    for r in c.reports:
        rows = f[(f["source"] == r.source) & (f["measure"] == c.measure)] if len(f) else f
        if len(rows):
            out.append((r, _main_target(rows)))
    units = {row["unit"] for _, row in out}
    if len(units) > 1:  # a growth rate for most, a level for some: compare like with like
        common = max(units, key=lambda u: sum(row["unit"] == u for _, row in out))
        out = [(r, row) for r, row in out if row["unit"] == common]
    return sorted(out, key=lambda x: (-x[1]["value"], -(x[1]["value_max"] if present(x[1]["value_max"]) else x[1]["value"]), series.place_of(x[0])))


def places_chart(c: Comparison) -> Optional["Chart"]:
    from .plotting import TargetMark, targets_chart

    found = place_targets(c)
    if not found:
        return None
    unit = found[0][1]["unit"]
    values = [v for _, row in found for v in (row["value"], row["value_max"]) if present(v)]
    factor, unit_words = scale_for(unit, values, c.lang)
    marks = [TargetMark(row["value"] / factor, row["value_max"] / factor if present(row["value_max"]) else None,
                        row["qualifier"], bool(row["soft"]), _place_target_label(row, factor)) for _, row in found]
    name = measure_name(c.measure, c.lang)
    year = "、".join(sorted({year_label(r) for r, _ in found}))
    items = [t(c.lang, "compare.alt_places_item").format(place=short_place(r), target=_target_value_words(row, c.lang)) for r, row in found]
    alt = t(c.lang, "compare.alt_places").format(measure=name, year=year, items=t(c.lang, "join").join(items))
    return targets_chart([short_place(r) for r, _ in found], marks, [None] * len(found),
                         t(c.lang, "compare.places_chart_title").format(measure=name, year=year), unit_words, t(c.lang, "compare.legend"), alt,
                         about=series.ABOUT, horizontal=True)


def _place_target_label(row, factor: float) -> str:
    v = plain_number(row["value"] / factor)
    return f"{v}–{plain_number(row['value_max'] / factor)}" if present(row["value_max"]) else v


def _target_value_words(row, lang: str) -> str:
    words = value_words(row["value"], row["value_max"], row["unit"], row["qualifier"], lang)
    return words + (t(lang, "compare.soft_mark") if bool(row["soft"]) else "")


def places_table(c: Comparison) -> str:
    """The places in the chart's order with their target as written and what it reads
    as, then the places that set none."""
    found = place_targets(c)
    name = measure_name(c.measure, c.lang)
    if not found:
        return t(c.lang, "compare.places_none").format(measure=escape_markdown(name))
    rows = [[str(n), escape_markdown(series.place_of(r)), link(c, row["source"], row["start"], row["text"]),
             escape_markdown(_target_value_words(row, c.lang))] for n, (r, row) in enumerate(found, start=1)]
    out = markdown_table(["#", t(c.lang, "compare.place"), t(c.lang, "compare.target"), t(c.lang, "compare.reads")], rows)
    listed = {id(r) for r, _ in found}
    missing = [series.place_of(r) for r in c.reports if id(r) not in listed]
    if missing:
        places = t(c.lang, "join").join(map(escape_markdown, missing))
        out += "\n\n" + t(c.lang, "compare.places_missing").format(measure=escape_markdown(name), places=places)
    return out


def _set_measures(c: Comparison) -> list[str]:
    """The measures any place sets a target for (``other`` left out), the most often set first."""
    from .targets import measures

    order = {k: i for i, k in enumerate(measures())}
    f = c.frame[c.frame["measure"] != "other"] if len(c.frame) else c.frame
    count = {m: len({s for s in f[f["measure"] == m]["source"]}) for m in set(f["measure"])} if len(f) else {}
    return sorted(count, key=lambda m: (-count[m], order.get(m, len(order))))


def measures_grid(c: Comparison) -> Optional["Chart"]:
    """A measure × place grid with a dot where the place sets a target for the measure."""
    from .charts import ACCENT
    from .plotting import Dot, dot_grid

    keys = _set_measures(c)
    if not keys:
        return None
    f = c.frame
    sets = set(zip(f["measure"], f["source"]))
    cells = [["set" if (k, r.source) in sets else None for r in c.reports] for k in keys]
    names = [measure_name(k, c.lang) for k in keys]
    items = [t(c.lang, "compare.alt_grid_item").format(measure=n, n=sum(x is not None for x in row), total=len(c.reports))
             for n, row in zip(names, cells)]
    alt = t(c.lang, "compare.alt_grid").format(items=t(c.lang, "compare.list_sep").join(items))
    dots = {"set": Dot("o", ACCENT, 60, True, t(c.lang, "compare.grid_title"))}
    return dot_grid(names, [short_place(r) for r in c.reports], cells, dots, t(c.lang, "compare.grid_title"), alt)


def measures_listing(c: Comparison) -> str:
    """For each measure set anywhere, each place's target as written, linked."""
    f = c.frame
    out = []
    for key in _set_measures(c):
        items = []
        for r in c.reports:
            rows = f[(f["source"] == r.source) & (f["measure"] == key)]
            if len(rows):
                targets = t(c.lang, "join").join(link(c, row["source"], row["start"], row["text"]) for _, row in rows.iterrows())
                items.append(f"{escape_markdown(short_place(r))} {targets}")
        out.append(f"- **{escape_markdown(measure_name(key, c.lang))}** ({len(items)}){t(c.lang, 'compare.colon')}" + " · ".join(items))
    return "\n".join(out)


# sources (both pages)


def sources(c: Comparison) -> str:
    """Per report, the sentences cited on the page, numbered, each an anchor the
    page's links lead to, with the cited figures marked."""
    out = []
    for i, r in enumerate(c.reports):
        cited = sorted((s_start, anchor) for (k, s_start), anchor in c.anchors.items() if k == i)
        if not cited:
            continue
        head = year_label(r) if c.kind == "series" else f"{escape_markdown(series.place_of(r))} {year_label(r)}"
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
