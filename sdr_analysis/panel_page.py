"""The panel page (``panel``): the research panel of many reports
(:func:`sdr_analysis.panels.panel`) shown as charts, each with its table below it and a
link to the panel's CSV it comes from:

- GDP targets by level and year: how many reports set one, at what level, the targets
  as the reports state them (each value with its qualifier, and how many reports state
  it), hard against soft (``binding``);
- amplification: each target against its nearest superior's, where the chain has pairs;
- outcomes: targets met and missed, by the year they were set for;
- attention: each report's own share of its words in each dictionary, a place's years
  one after another.

The data are the panel's; this module only presents them, in English (``en``) or
Chinese (``zh``): the numbers shown are the reports' own, and counts of what was
found, never a sum or average made across reports. The report files the panel left
out, and those a build left out before (the notebook's ``left_out``), are listed
under the heading with why. Report text (place names, targets as written) reaches
the Markdown only through :func:`~sdr_analysis.messages.escape_markdown`, and a
chart's labels only as plain text (:func:`chart_label`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Optional, Sequence

from .checks import check_lang, check_report_paths
from .comparison import left_out_lines, markdown_table, measure_name
from .coverage import Coverage, LeftOut, from_param
from .messages import escape_markdown, t
from .panel_tables import LEVELS, QUALIFIERS
from .wording import plain_number, value_words

if TYPE_CHECKING:
    import pandas as pd

    from .attention import Dictionary
    from .charts import Chart
    from .panels import Panel

# the levels in the order the page lists them (highest first), and the qualifiers
# counted in the targets table in their column order: the panel's own (LEVELS, QUALIFIERS)
BINDINGS = ("hard", "soft", "")
BINDING_COLORS = {"hard": "#1b6ca8", "soft": "#8fb8d8", "": "#c9d3dd"}
OUTCOMES = ("met", "missed")
OUTCOME_COLORS = {"met": "#2a8a4a", "missed": "#c0392b"}


@dataclass
class PanelPage:
    """The panel a page shows, its language, the folder of the panel's CSV files
    relative to the page (``tables``), the dictionaries of its attention table and
    the report files a build left out of it before (``left_out``)."""

    lang: str
    panel: "Panel"
    tables: str = "."
    dictionaries: list["Dictionary"] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    @cached_property
    def english_places(self) -> dict[str, str]:
        """Each place of the panel's reports in English, made once per page."""
        return _english_places(self.panel)


def open_panel(report_paths, lang: str, dictionaries: Sequence[str | os.PathLike[str]] = (), tables: str = ".",
               jobs: int = 1, left_out=()) -> PanelPage:
    """The panel of the reports ``report_paths`` (files or folders), checking the
    notebook's parameters (:class:`~sdr_analysis.exceptions.ParameterError`);
    ``dictionaries`` are files of the user's own dictionaries, added to the package's;
    ``left_out`` what a build left out before (:func:`coverage.from_param`)."""
    from .attention import load_dictionaries
    from .panels import attention_of, panel

    check_lang(lang)
    given = from_param(left_out)
    dicts = load_dictionaries(list(dictionaries))
    # the dictionaries loaded once: the panel counts the same ones the page names
    p = panel(check_report_paths(report_paths), attention=attention_of(dicts), jobs=jobs, say=lambda line: None)
    return PanelPage(lang, p, tables, dicts, given)


def of_panel(p: "Panel", lang: str, tables: str = ".", dictionaries: Sequence["Dictionary"] = (), left_out=()) -> PanelPage:
    """A page of a panel already made; ``left_out`` as :func:`open_panel` takes it."""
    from .attention import load_dictionaries

    return PanelPage(check_lang(lang), p, tables, list(dictionaries) or load_dictionaries(), from_param(left_out))


# the page's own words and links


def _t(p: PanelPage, key: str) -> str:
    return t(p.lang, f"panel.{key}")


def _then(p: PanelPage, *sentences: str) -> str:
    """Sentences in a paragraph: with a space between them in English, none in Chinese."""
    return ("" if p.lang == "zh" else " ").join(sentences)


def chart_label(text: str) -> str:
    """Report text as a chart's label: plain text, never matplotlib's math
    (``$…$``)."""
    return str(text).replace("$", r"\$")


def csv_link(p: PanelPage, table: str) -> str:
    """A link to one of the panel's CSV files beside the page (``targets.csv``)."""
    folder = p.tables.rstrip("/")
    href = f"{folder}/{table}.csv" if folder and folder != "." else f"{table}.csv"
    return _t(p, "download").format(link=f"[{table}.csv]({href})")


def heading(p: PanelPage) -> str:
    """The page's title, what it reads, and how many reports and places."""
    r = p.panel.reports
    years = sorted({int(y) for y in r["year"].dropna()}) if len(r) else []
    span = f"{years[0]}–{years[-1]}" if years else "—"
    title = _t(p, "title").format(n=len(r), years=span)
    lead = _t(p, "lead").format(places=r["place"].nunique() if len(r) else 0)
    return f"# {title}\n\n{_then(p, lead, csv_link(p, 'reports'))}{left_out_list(p)}"


def files_left_out(p: PanelPage) -> list[LeftOut]:
    """The report files the page does not show, each once: those the panel itself
    left out (unreadable, copies), then those a build left out before."""
    seen: set[str] = set()
    out = []
    for x in [*p.panel.coverage.left_out, *p.left_out]:
        key = os.path.realpath(x.file)
        if key not in seen:
            seen.add(key)
            out.append(x)
    return out


def left_out_list(p: PanelPage) -> str:
    """The report files left out, each with why, as the comparison pages list them
    (``""`` where none is)."""
    used = [str(f) for f in p.panel.reports["file"]] if len(p.panel.reports) else []
    return left_out_lines(Coverage(used, files_left_out(p)), p.lang)


def section(p: PanelPage, key: str) -> str:
    """A section's heading and what it shows."""
    return f"## {_t(p, f'{key}_heading')}\n\n{_t(p, f'{key}_lead')}"


def level_name(p: PanelPage, level) -> str:
    return t(p.lang, f"panel.levels.{level}") if _has(level) and str(level) in LEVELS else "—"


def _has(value) -> bool:
    """Whether a cell holds a value (not ``None``, NaN or ``pd.NA``)."""
    import pandas as pd

    return not bool(pd.isna(value)) if not isinstance(value, (list, tuple)) else True


def _year(value) -> str:
    return str(int(value)) if _has(value) else "—"


def _percent(x: float) -> str:
    return f"{x:.1f}%"


# 1. GDP targets by level and year


def gdp_targets(p: PanelPage) -> "pd.DataFrame":
    """Each report's annual GDP growth target (the first it states), with the report's
    level and year."""
    f = p.panel.targets
    if not len(f):
        return f
    rows = f[(f["measure"] == "gdp") & (f["absent"] != True) & (f["horizon"] == "year") & f["change"].fillna(False).astype(bool)]  # noqa: E712  # a missing value is not absent
    return rows.drop_duplicates("file")


def targets_by_level_year(p: PanelPage) -> list[dict]:
    """Per year and level (in order): the reports, those setting a GDP growth target,
    the targets as stated (:func:`stated_targets`), the count of each qualifier and of
    hard and soft targets."""
    r = p.panel.reports
    g = gdp_targets(p)
    out = []
    keys = sorted({(int(y), str(lv)) for y, lv in zip(r["year"], r["level"]) if _has(y) and _has(lv)},
                  key=lambda k: (k[0], LEVELS.index(k[1]) if k[1] in LEVELS else len(LEVELS)))
    for year, level in keys:
        reports = int(((r["year"] == year) & (r["level"] == level)).sum())
        mine = g[(g["year"] == year) & (g["level"] == level)] if len(g) else g
        row = {"year": year, "level": level, "reports": reports, "set": len(mine), "stated": stated_targets(mine)}
        for q in QUALIFIERS:
            row[q] = int((mine["qualifier"] == q).sum()) if len(mine) else 0
        for b in ("hard", "soft"):
            row[b] = int((mine["binding"] == b).sum()) if len(mine) else 0
        out.append(row)
    return out


def stated_targets(targets: "pd.DataFrame") -> list[dict]:
    """Each distinct target of ``targets`` as stated (its value, the top of a range,
    unit and qualifier) with how many reports state it (``reports``), smallest value
    first."""
    if not len(targets):
        return []
    counts: dict[tuple, int] = {}
    for v, w, unit, q in zip(targets["value"], targets["value_max"], targets["unit"], targets["qualifier"]):
        key = (float(v) if _has(v) else None, float(w) if _has(w) else None, str(unit) if _has(unit) else "", str(q) if _has(q) else "exact")
        counts[key] = counts.get(key, 0) + 1
    order = {q: i for i, q in enumerate(QUALIFIERS)}
    keys = sorted(counts, key=lambda k: (k[0] is None, k[0] or 0.0, k[1] or 0.0, k[2], order.get(k[3], len(order))))
    return [{"value": v, "value_max": w, "unit": unit, "qualifier": q, "reports": counts[v, w, unit, q]} for v, w, unit, q in keys]


def stated_words(p: PanelPage, stated: list[dict]) -> str:
    """The targets as stated, each with its qualifier in the page's words and how many
    reports state it: ``about 5% ×9; about 5.5% ×3`` (en), ``5%左右×9；5.5%左右×3`` (zh)."""
    if not stated:
        return "—"
    items = [_t(p, "stated_item").format(target=value_words(s["value"], s["value_max"], s["unit"], s["qualifier"], p.lang), n=s["reports"])
             for s in stated]
    return _t(p, "stated_sep").join(items)


def targets_chart(p: PanelPage) -> Optional["Chart"]:
    """A grid of the share of reports (%) setting a GDP growth target: levels down the
    side, years across."""
    from .plotting import grid_chart

    rows = targets_by_level_year(p)
    if not rows:
        return None
    years = sorted({row["year"] for row in rows})
    levels = [lv for lv in LEVELS if any(row["level"] == lv for row in rows)]
    cell = {(row["level"], row["year"]): row for row in rows}
    # no report of that level and year: no share (—), not 0
    values = [[100 * cell[lv, y]["set"] / cell[lv, y]["reports"] if (lv, y) in cell else None for y in years] for lv in levels]
    items = [_t(p, "alt_targets_item").format(year=row["year"], level=level_name(p, row["level"]), n=row["set"], total=row["reports"])
             for row in rows]
    alt = _t(p, "alt_targets").format(items=t(p.lang, "list_sep").join(items))
    return grid_chart([level_name(p, lv) for lv in levels], [str(y) for y in years], values, _t(p, "targets_chart"), alt)


def targets_table(p: PanelPage) -> str:
    """The rows of :func:`targets_by_level_year` as a Markdown table, and the link to
    the targets' CSV."""
    rows = targets_by_level_year(p)
    if not rows:
        return _then(p, _t(p, "none"), csv_link(p, "targets"))
    header = [_t(p, "year"), _t(p, "level"), _t(p, "reports"), _t(p, "set_gdp"), _t(p, "stated"),
              *(t(p.lang, f"qualifier_names.{q}") for q in QUALIFIERS), _t(p, "hard"), _t(p, "soft")]
    cells = [[str(row["year"]), level_name(p, row["level"]), str(row["reports"]), str(row["set"]),
              escape_markdown(stated_words(p, row["stated"])),
              *(str(row[q]) for q in QUALIFIERS), str(row["hard"]), str(row["soft"])] for row in rows]
    return f"{markdown_table(header, cells)}\n\n{_then(p, _t(p, 'binding_note'), csv_link(p, 'targets'))}"


def binding_counts(p: PanelPage) -> list[tuple[str, dict[str, int]]]:
    """Per level (in order), its GDP growth targets that are hard, soft and neither."""
    g = gdp_targets(p)
    out = []
    for lv in LEVELS:
        mine = g[g["level"] == lv] if len(g) else g
        if len(mine):
            b = [str(x) if _has(x) else "" for x in mine["binding"]]
            out.append((lv, {k: b.count(k) for k in BINDINGS}))
    return out


def binding_chart(p: PanelPage) -> Optional["Chart"]:
    """Stacked bars, a level each: its GDP growth targets hard, soft and neither."""
    from .plotting import stacked_barh

    counts = binding_counts(p)
    if not counts:
        return None
    names = {k: _t(p, k or "unstated") for k in BINDINGS}
    stacks = {names[k]: [float(c[k]) for _, c in counts] for k in BINDINGS}
    colors = {names[k]: BINDING_COLORS[k] for k in BINDINGS}
    items = [_t(p, "alt_binding_item").format(level=level_name(p, lv), hard=c["hard"], soft=c["soft"], other=c[""]) for lv, c in counts]
    alt = _t(p, "alt_binding").format(items=t(p.lang, "list_sep").join(items))
    return stacked_barh([level_name(p, lv) for lv, _ in counts], stacks, colors, _t(p, "binding_chart"), _t(p, "count"), alt)


# 2. amplification


def chain_pairs(p: PanelPage) -> "pd.DataFrame":
    """The chain's targets that have a superior's target and a difference."""
    f = p.panel.chain
    if not len(f) or "superior_place" not in f:
        return f.iloc[0:0]
    return f[f["amplification"].notna()]


def place_words(p: PanelPage, place) -> str:
    """A place of the panel as the page's language names it: in English on an en page
    (``内蒙古自治区呼伦贝尔市海拉尔区`` → ``Hailar District, Hulunbuir, Inner Mongolia``),
    read from the reports table's place columns; as the panel holds it otherwise."""
    name = str(place) if _has(place) else "—"
    return p.english_places.get(name, name) if p.lang == "en" else name


def _english_places(panel: "Panel") -> dict[str, str]:
    from types import SimpleNamespace

    from .english import national_name, place_in_english

    out = {}
    for _, row in panel.reports.iterrows():
        parts = {k: (str(row[k]) if k in row and _has(row[k]) else None) for k in ("street", "county", "district", "city", "province")}
        english = national_name() if str(row.get("level")) == "national" else place_in_english(SimpleNamespace(**parts))
        if english and _has(row["place"]):
            out[str(row["place"])] = english
    return out


def _pair_label(p: PanelPage, row) -> str:
    return f"{place_words(p, row['place'])} {_year(row['year'])} · {measure_name(str(row['measure']), p.lang)}"


def amplification_chart(p: PanelPage) -> Optional["Chart"]:
    """A bar per pair: the target minus its superior's."""
    from .plotting import barh

    pairs = chain_pairs(p)
    if not len(pairs):
        return None
    labels = [chart_label(_pair_label(p, row)) for _, row in pairs.iterrows()]
    values = [float(v) for v in pairs["amplification"]]
    items = [_t(p, "alt_amplification_item").format(pair=_pair_label(p, row), superior=place_words(p, row["superior_place"]),
                                                    difference=plain_number(v))
             for (_, row), v in zip(pairs.iterrows(), values)]
    alt = _t(p, "alt_amplification").format(items=t(p.lang, "list_sep").join(items))
    return barh(labels, values, _t(p, "amplification_chart"), _t(p, "difference"), value_labels=[plain_number(v) for v in values], alt=alt)


def amplification_table(p: PanelPage) -> str:
    """The pairs: place, superior, measure, each target as the report states it, and
    the difference (the panel's ``amplification``: the target minus the superior's)."""
    pairs = chain_pairs(p)
    if not len(pairs):
        return _then(p, _t(p, "no_pairs"), csv_link(p, "chain"))
    header = [_t(p, "place"), _t(p, "superior"), _t(p, "measure"), _t(p, "target"), _t(p, "superior_target"), _t(p, "difference")]
    cells = [[escape_markdown(f"{place_words(p, row['place'])} {_year(row['year'])}"), escape_markdown(place_words(p, row["superior_place"])),
              escape_markdown(measure_name(str(row["measure"]), p.lang)), escape_markdown(str(row["text"])),
              escape_markdown(str(row["superior_text"])), escape_markdown(plain_number(float(row["amplification"])))]
             for _, row in pairs.iterrows()]
    return f"{markdown_table(header, cells)}\n\n{_then(p, _t(p, 'difference_note'), csv_link(p, 'chain'))}"


# 3. outcomes


def outcomes_by_year(p: PanelPage) -> list[tuple[int, dict[str, int]]]:
    """Per year a target was set for, its targets met and missed (those without a
    result left out)."""
    f = p.panel.outcomes
    if not len(f):
        return []
    out = []
    for year in sorted({int(y) for y in f["year"].dropna()}):
        mine = f[f["year"] == year]
        counts = {s: int((mine["status"] == s).sum()) for s in OUTCOMES}
        if any(counts.values()):
            out.append((year, counts))
    return out


def outcomes_chart(p: PanelPage) -> Optional["Chart"]:
    from .plotting import stacked_barh

    rows = outcomes_by_year(p)
    if not rows:
        return None
    names = {s: t(p.lang, f"compare.status_names.{s}") for s in OUTCOMES}
    stacks = {names[s]: [float(c[s]) for _, c in rows] for s in OUTCOMES}
    colors = {names[s]: OUTCOME_COLORS[s] for s in OUTCOMES}
    items = [_t(p, "alt_outcomes_item").format(year=y, met=c["met"], missed=c["missed"]) for y, c in rows]
    alt = _t(p, "alt_outcomes").format(items=t(p.lang, "list_sep").join(items))
    return stacked_barh([str(y) for y, _ in rows], stacks, colors, _t(p, "outcomes_chart"), _t(p, "count"), alt)


def outcomes_table(p: PanelPage) -> str:
    rows = outcomes_by_year(p)
    if not rows:
        return _then(p, _t(p, "no_outcomes"), csv_link(p, "outcomes"))
    header = [_t(p, "year"), t(p.lang, "compare.status_names.met"), t(p.lang, "compare.status_names.missed")]
    cells = [[str(y), str(c["met"]), str(c["missed"])] for y, c in rows]
    return f"{markdown_table(header, cells)}\n\n{csv_link(p, 'outcomes')}"


# 4. attention


def _whole(p: PanelPage) -> "pd.DataFrame":
    f = p.panel.attention
    if f is None or not len(f):
        import pandas as pd

        return pd.DataFrame(columns=["dictionary", "share_words", "year", "place"])
    return f[f["scope"] == "whole"]


def _dict_names(p: PanelPage, f: "pd.DataFrame") -> list[tuple[str, str]]:
    """The dictionaries of the attention table, in the page's order, with their names."""
    known = {d.name: d.label(p.lang) for d in p.dictionaries}
    found = list(dict.fromkeys(str(x) for x in f["dictionary"]))
    return [(k, known.get(k, k)) for k in [*(k for k in known if k in found), *(k for k in found if k not in known)]]


def attention_grid(p: PanelPage) -> tuple[list[str], list[tuple[str, str]], list[list[Optional[float]]]]:
    """Each report's own share of words (%) in each dictionary, whole report: the
    reports (rows, labelled ``place year``, by place then year, so that a place's
    years follow each other), the dictionaries (columns) and the values (``None``
    where the report has no share)."""
    f = _whole(p)
    if not len(f):
        return [], [], []
    dicts = _dict_names(p, f)
    reports: dict[str, tuple[str, float, str]] = {}  # file: place as shown, year (inf where none), year as shown
    shares: dict[tuple[str, str], float] = {}
    for file, place, year, name, share in zip(f["file"], f["place"], f["year"], f["dictionary"], f["share_words"]):
        reports.setdefault(str(file), (place_words(p, place), int(year) if _has(year) else float("inf"), _year(year)))
        if _has(share):
            shares.setdefault((str(file), str(name)), 100 * float(share))
    order = sorted(reports, key=lambda k: (*reports[k][:2], k))
    labels = [f"{reports[k][0]} {reports[k][2]}" for k in order]
    return labels, dicts, [[shares.get((k, name)) for name, _ in dicts] for k in order]


def attention_chart(p: PanelPage) -> Optional["Chart"]:
    """A grid of each report's share of words (%) in each dictionary: the reports down
    the side, the dictionaries across."""
    from .plotting import grid_chart

    rows, dicts, values = attention_grid(p)
    if not rows:
        return None
    items = []
    for label, shares in zip(rows, values):
        found = [(x, name) for x, (_, name) in zip(shares, dicts) if x]
        if found:
            share, name = max(found, key=lambda pair: pair[0])
            items.append(_t(p, "alt_attention_item").format(report=label, dictionary=name, share=share))
        else:
            items.append(_t(p, "alt_attention_none").format(report=label))
    alt = _t(p, "alt_attention").format(items=t(p.lang, "list_sep").join(items))
    grid = [[x if x is not None else 0.0 for x in shares] for shares in values]
    return grid_chart([chart_label(label) for label in rows], [chart_label(name) for _, name in dicts], grid, _t(p, "attention_chart"), alt)


def attention_table(p: PanelPage) -> str:
    """The values of :func:`attention_chart` as a table: a row per report."""
    rows, dicts, values = attention_grid(p)
    if not rows:
        return _then(p, _t(p, "no_attention"), csv_link(p, "attention"))
    header = [_t(p, "report"), *(escape_markdown(name) for _, name in dicts)]
    cells = [[escape_markdown(label), *(_percent(x) if x is not None else "—" for x in shares)] for label, shares in zip(rows, values)]
    return f"{markdown_table(header, cells)}\n\n{_then(p, _t(p, 'attention_note'), csv_link(p, 'attention'))}"


# the rows of one comparison page


def rows_link(lang: str, href: str = "panel-rows.csv") -> str:
    """The line of a series or places page that links its own rows of the panel (the
    CSV at ``href``, relative to the page)."""
    name = escape_markdown(href.rsplit("/", 1)[-1])
    return t(check_lang(lang), "panel.rows_link").format(link=f"[{name}]({href.replace(' ', '%20')})")
