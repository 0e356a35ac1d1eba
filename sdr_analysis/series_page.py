"""The page of a place over the years (``series``): how many targets were met, each
measure's targets against the results the next report states, and how the targets
are worded. Its reports, their sources and the parts both comparison pages have are
:mod:`sdr_analysis.comparison`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

from . import series
from .comparison import Comparison, link, markdown_table, measure_name, report_years, reports_list
from .english import report_place
from .messages import escape_markdown, t
from .wording import plain_number, present, scale_for, value_words

if TYPE_CHECKING:
    import pandas as pd

    from .charts import Chart



# the heading


def series_heading(c: Comparison) -> str:
    """The page's title (the place and its years), what it reads, and its reports."""
    years = report_years(c)
    title = t(c.lang, "compare.series_title").format(place=escape_markdown(report_place(c.reports[0], c.lang)), first=min(years, default="—"),
                                             last=max(years, default="—"))
    return f"# {title}\n\n{t(c.lang, 'compare.series_lead')}\n\n**{t(c.lang, 'compare.reports')}**\n\n{reports_list(c)}"


# the variants of a measure: its growth and its level are charted apart


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


# 1. the scorecard


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
    years = report_years(c)
    names = t(c.lang, "compare.grid_names")
    dots = {
        "met": Dot("o", STATUS_COLORS["met"], 70, True, names["met"]),
        "missed": Dot("X", STATUS_COLORS["missed"], 80, True, names["missed"]),
        "no data": Dot("o", "#9a9a9a", 40, False, names["no data"]),
    }
    # one row per measure and kind: a growth target set once in percent and once against
    # a benchmark in points (高于全省平均水平1个百分点) is one measure's growth
    all_v = list(dict.fromkeys((key, change, "") for key, change, _ in variants(f)))
    cells, items = [], []
    for v in all_v:
        sub = f[(f["measure"] == v[0]) & (f["change"].astype(bool) == v[1])]
        by_year = {int(y): s for y, s in zip(sub["year"], sub["status"])}
        cells.append([by_year.get(y) for y in years])
        judged = [f"{y} {names[s]}" for y, s in sorted(by_year.items()) if s in ("met", "missed")]
        if judged:
            items.append(f"{variant_name(v, all_v, c.lang)}{t(c.lang, 'compare.colon')}{t(c.lang, 'join').join(judged)}")
    alt = t(c.lang, "compare.alt_scorecard").format(items=t(c.lang, "compare.list_sep").join(items) or t(c.lang, "none"))
    return dot_grid([variant_name(v, all_v, c.lang) for v in all_v], [str(y) for y in years], cells, dots,
                    t(c.lang, "compare.scorecard_chart"), alt)


# 2. each measure


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
            link(c, row["result_source"], row["result_start"], row["result_text"])
            + (t(c.lang, "compare.estimate_mark") if present(row.get("result_estimate")) and bool(row["result_estimate"]) else "")
            if present(row["result_text"]) else "—",
            names.get(row["status"], row["status"]),
        ])
    header = [t(c.lang, f"compare.{k}") for k in ("year", "target", "reads", "result", "status")]
    return markdown_table(header, body)


def series_chart(c: Comparison, variant: tuple[str, bool, str], rows: "pd.DataFrame") -> "Chart":
    """One measure's targets against results, year by year."""
    from .plotting import ResultMark, TargetMark, targets_chart

    key, change, unit = variant
    years = report_years(c)
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


# 3. wording


#: The order qualifiers are counted and stacked in, and their colours.
QUALIFIER_ORDER = ("about", "more_than", "less_than", "range", "exact")
QUALIFIER_COLORS = {"about": "#7fb3d5", "more_than": "#1b6ca8", "less_than": "#e8a33d", "range": "#8c6bb1", "exact": "#b0b0b0"}


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
