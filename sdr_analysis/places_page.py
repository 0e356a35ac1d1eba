"""The page of places in one year (``places``): one measure's target place by place,
and the measures each place sets targets for. Its reports, their sources and the
parts both comparison pages have are :mod:`sdr_analysis.comparison`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from . import series
from .comparison import Comparison, link, markdown_table, measure_name, report_years, reports_list, short_place, year_label
from .english import report_place
from .messages import escape_markdown, t
from .wording import plain_number, present, scale_for, value_words

if TYPE_CHECKING:
    import pandas as pd

    from .charts import Chart
    from .report import Report


# the heading


def places_heading(c: Comparison) -> str:
    """The page's title (the year and how many places), what it reads, and its reports."""
    years = report_years(c)
    year = "、".join(map(str, years)) or "—"
    title = t(c.lang, "compare.places_title").format(year=year, n=len({series.place_of(r) for r in c.reports}))
    return f"# {title}\n\n{t(c.lang, 'compare.places_lead').format(year=year)}\n\n**{t(c.lang, 'compare.reports')}**\n\n{reports_list(c)}"


# 1. one measure's target by place


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
    items = [t(c.lang, "compare.alt_places_item").format(place=short_place(r, c.lang), target=_target_value_words(row, c.lang)) for r, row in found]
    alt = t(c.lang, "compare.alt_places").format(measure=name, year=year, items=t(c.lang, "join").join(items))
    return targets_chart([short_place(r, c.lang) for r, _ in found], marks, [None] * len(found),
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
    rows = [[str(n), escape_markdown(report_place(r, c.lang)), link(c, row["source"], row["start"], row["text"]),
             escape_markdown(_target_value_words(row, c.lang))] for n, (r, row) in enumerate(found, start=1)]
    out = markdown_table(["#", t(c.lang, "compare.place"), t(c.lang, "compare.target"), t(c.lang, "compare.reads")], rows)
    listed = {id(r) for r, _ in found}
    missing = [report_place(r, c.lang) for r in c.reports if id(r) not in listed]
    if missing:
        places = t(c.lang, "join").join(map(escape_markdown, missing))
        out += "\n\n" + t(c.lang, "compare.places_missing").format(measure=escape_markdown(name), places=places)
    return out


# 2. the measures each place sets targets for


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
    return dot_grid(names, [short_place(r, c.lang) for r in c.reports], cells, dots, t(c.lang, "compare.grid_title"), alt)


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
                items.append(f"{escape_markdown(short_place(r, c.lang))} {targets}")
        count = t(c.lang, "aside").format(text=len(items))
        out.append(f"- **{escape_markdown(measure_name(key, c.lang))}**{count}{t(c.lang, 'compare.colon')}" + " · ".join(items))
    return "\n".join(out)
