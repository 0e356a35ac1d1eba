"""The kinds of chart on the pages, one function each, every one drawn for a phone's
width, labelled in Chinese or English, with alt text: bars (a section's money, its
kinds of figure, its changes, its share of the report), grids (policy domains by
section, targets set by place), and targets against results. What they are all made
with (the font, the style, :class:`~sdr_analysis.charts.Chart`) is in
:mod:`sdr_analysis.charts`.
"""

from __future__ import annotations

from typing import Any, Mapping, NamedTuple, Optional, Sequence

from .charts import (
    ACCENT,
    MUTED,
    NARROW,
    TICK_SIZE,
    TITLE_SIZE,
    VALUE_SIZE,
    Chart,
    describe,
    figure,
    is_chinese,
    style_axes,
    styled,
    title_columns,
    value_ticks,
    wrap,
    wrap_even,
)
from .extras import writeups_import_error
from .results import Indicator, Relation
from .wording import axis_number

try:
    from matplotlib.patches import Rectangle
except ImportError as exc:  # a core install: charts are of the write-ups
    raise writeups_import_error(exc, "drawing charts") from None

#: The colour of money bars, the same on every page.
MONEY_COLOR = "#1b6ca8"
#: Columns (a Chinese character takes two) of a bar's label on one line, and of a
#: title; longer ones are wrapped, never cut.
LABEL_COLUMNS = 16
TITLE_COLUMNS = 40


@styled
def barh(labels: Sequence[str], values: Sequence[float], title: str, xlabel: str, colors=None, value_labels=None,
         alt: str = "") -> Chart:
    """A horizontal bar chart, first item on top, drawn for a phone's width: labels
    wrapped, never cut; values in plain numbers. ``alt`` says what it shows; by default
    the title and each label with its value."""
    labels = [wrap_even(lbl, LABEL_COLUMNS) for lbl in labels]
    lines = max((lbl.count("\n") + 1 for lbl in labels), default=1)
    row = max(0.36, 0.2 * lines + 0.08)
    fig = figure(NARROW, 1.1 + row * max(len(labels), 1))
    ax = fig.add_subplot()
    y = list(range(len(labels)))[::-1]
    ax.barh(y, values, color=colors or ACCENT, height=min(0.7, 0.3 / row + 0.2))
    ax.set_yticks(y, labels, fontsize=TICK_SIZE, linespacing=1.0)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.set_title(wrap_even(title, TITLE_COLUMNS), loc="left", fontsize=TITLE_SIZE)
    ax.set_xlabel(xlabel, fontsize=TICK_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    value_ticks(ax.xaxis)
    if value_labels:
        for yi, v, text in zip(y, values, value_labels):  # beyond the bar's end, left of a negative one
            ax.text(v, yi, f" {text}" if v >= 0 else f"{text} ", va="center", ha="left" if v >= 0 else "right", fontsize=VALUE_SIZE)
        ax.set_xlim(*value_limits(values))
    if values and min(values) < 0:
        ax.axvline(0, color="#888888", linewidth=0.8)
    style_axes(ax)
    shown = value_labels or [axis_number(v) for v in values]
    return Chart(fig, title, alt or describe(title, [f"{lbl.replace(chr(10), '')} {v}" for lbl, v in zip(labels, shown)]))


def value_limits(values: Sequence[float]) -> tuple[float, float]:
    """The value axis of a bar chart with its values written at the bars' ends: from
    0 (or the most negative value) to the largest, with room for the words."""
    lo, hi = min([0.0, *values]), max([0.0, *values])
    span = (hi - lo) or 1.0
    return (lo - 0.35 * span if lo < 0 else 0.0), (hi + 0.35 * span if hi > 0 else (0.0 if lo < 0 else 1.0))


@styled
def money_chart(indicators: Sequence[Indicator], title: str, xlabel: str, scale: float = 1e4, alt: str = "") -> Chart:
    """Money figures by label, largest first; values in 万元 by default."""
    money = sorted((i for i in indicators if i.kind == "money" and i.unit == "元"), key=lambda i: -i.value)
    return barh(
        [i.label for i in money],
        [i.value / scale for i in money],
        title,
        xlabel,
        colors=[MONEY_COLOR] * len(money),
        value_labels=[i.text for i in money],
        alt=alt,
    )


#: Columns of a before/after panel's title on one line.
PANEL_COLUMNS = 22


@styled
def change_chart(relations: Sequence[Relation], title: str, before_name: str, after_name: str, alt: str = "") -> Chart:
    """Before and after for each change relation with both figures, one panel each,
    two panels to a row; each panel titled with the relation's text, wrapped."""
    pairs = [r for r in relations if r.before is not None and r.after is not None]
    pairs += [r for r in relations if r.base is not None and r.delta is not None and r.delta.kind == "percent_point"]
    n = max(len(pairs), 1)
    cols = min(n, 2)
    rows = (n + cols - 1) // cols
    panels = []
    for r in pairs:
        if r.before is not None and r.after is not None:
            b, a = r.before.value, r.after.value
            texts = (r.before.text, r.after.text)
        else:
            assert r.base is not None and r.delta is not None  # a change on a base
            sign = -1 if r.direction == "decrease" else 1
            a = r.base.value
            b = a - sign * r.delta.value
            texts = (f"{b:g}{r.base.unit}", r.base.text)
        panels.append((r, b, a, texts, wrap_even(r.text, PANEL_COLUMNS)))
    title_lines = max((p[4].count("\n") + 1 for p in panels), default=1)
    fig = figure(NARROW if cols > 1 else NARROW * 0.62, 0.5 + rows * (2.3 + 0.2 * title_lines))
    for k, (_, b, a, texts, panel_title) in enumerate(panels, start=1):
        ax = fig.add_subplot(rows, cols, k)
        ax.bar([0, 1], [b, a], color=[MUTED, ACCENT], width=0.6)
        ax.set_xticks([0, 1], [before_name, after_name], fontsize=VALUE_SIZE)
        for x, v, t in zip((0, 1), (b, a), texts):
            ax.text(x, v, t, ha="center", va="bottom", fontsize=VALUE_SIZE)
        ax.set_title(panel_title, fontsize=VALUE_SIZE, loc="left")
        ax.set_ylim(0, max(a, b) * 1.25 or 1)
        ax.tick_params(labelsize=VALUE_SIZE)
        value_ticks(ax.yaxis, 3)
        style_axes(ax)
    fig.suptitle(wrap(title, TITLE_COLUMNS), x=0.02, ha="left", fontsize=TITLE_SIZE)
    fig.tight_layout()
    described = [f"{r.text}: {before_name} {t[0]}, {after_name} {t[1]}" if not is_chinese(title) else
                 f"{r.text}：{before_name}{t[0]}，{after_name}{t[1]}" for r, _b, _a, t, _title in panels]
    return Chart(fig, title, alt or describe(title, described))


@styled
def share_chart(names: Sequence[str], shares: Sequence[float], highlight: int, title: str, xlabel: str, alt: str = "") -> Chart:
    """Shares (0–100) of some total, one bar per item; ``highlight`` is drawn in the
    accent colour (and named first in the alt text)."""
    colors = [ACCENT if i == highlight else MUTED for i in range(len(names))]
    if not alt and 0 <= highlight < len(names):
        zh = is_chinese(title)
        first = f"{names[highlight]} {shares[highlight]:.0f}%" + ("（本部分）" if zh else " (this section)")
        alt = describe(title, [first] + [f"{n} {s:.0f}%" for i, (n, s) in enumerate(zip(names, shares)) if i != highlight])
    return barh(list(names), list(shares), title, xlabel, colors=colors, value_labels=[f"{s:.0f}%" for s in shares], alt=alt)


@styled
def heatmap(rows: Sequence[str], cols: Sequence[str], values, title: str, alt: str = "") -> Chart:
    """A rows × columns grid of shares (0–100), each cell labelled: the compact grid
    of :func:`grid_chart`, for a phone's width; by default its alt text names each
    row's largest share."""
    if not alt:
        zh = is_chinese(title)
        decimals = share_decimals(_largest(values))  # as the cells are labelled
        items = []
        for r, row in zip(rows, values):
            if len(row) and max(row) > 0:
                j = max(range(len(row)), key=lambda k: row[k])
                items.append(f"{r}{'：' if zh else ': '}{cols[j]} {row[j]:.{decimals}f}%")
        alt = describe(title, items)
    return grid_chart(rows, cols, values, title, alt, cell=0.3, row_columns=12)


# targets against results, and grids (the comparison pages)

#: How each kind of target is drawn: its colour, and the colours of a result that met
#: it, missed it, or has no target to be judged against.
TARGET_COLOR = "#1b6ca8"
STATUS_COLORS = {"met": "#2a8a4a", "missed": "#c0392b"}
STATUS_MARKERS = {"met": "o", "missed": "X"}
OTHER_RESULT_COLOR = "#555555"


class TargetMark(NamedTuple):
    """A target to draw: its value (and upper value for a range), its qualifier
    (exact, about, more_than, less_than, range), whether it is only striven for, and
    the words it is labelled with."""

    value: float
    value_max: Optional[float]
    qualifier: str
    soft: bool
    label: str


class ResultMark(NamedTuple):
    """A result to draw: its value, its status against the target (met, missed, or
    anything else for a result without a verdict), and its label."""

    value: float
    status: str
    label: str


@styled
def targets_chart(
    categories: Sequence[str],
    targets: Sequence[Optional[TargetMark]],
    results: Sequence[Optional[ResultMark]],
    title: str,
    axis_label: str,
    legend: dict[str, str],
    alt: str = "",
    about: float = 0.05,
    horizontal: bool = False,
) -> Chart:
    """Each category's target as a mark that shows its qualifier (a line for an exact
    target, a shaded band around an "about" one, a line with an arrow up for "at
    least", down for "at most", a band between the ends of a range; dashed where it
    is only striven for) and its result as a point (a dot if it met the target, a
    cross if it missed). ``about`` is the share of an "about" target's value shaded
    on each side of it. Categories run left to right, or top to bottom where
    ``horizontal``. ``legend`` names the marks: keys exact, about, more_than,
    less_than, range, soft, met, missed, result."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    n = max(len(categories), 1)
    fig = figure(NARROW, 1.6 + 0.36 * n) if horizontal else figure(NARROW, 3.4)
    ax = fig.add_subplot()
    values = [v for t in targets if t for v in (t.value, t.value_max) if v is not None]
    values += [r.value for r in results if r]
    values += [t.value + sign * abs(t.value) * about for t in targets if t and t.qualifier == "about" for sign in (-1, 1)]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    span = (high - low) or abs(high) or 1.0
    arrow = 0.12 * span
    if any(t and t.qualifier == "more_than" for t in targets):
        high = max(high, max(t.value for t in targets if t and t.qualifier == "more_than") + arrow)
    if any(t and t.qualifier == "less_than" for t in targets):
        low = min(low, min(t.value for t in targets if t and t.qualifier == "less_than") - arrow)
    half = 0.3
    used: set[str] = set()

    def point(c: float, v: float) -> tuple[float, float]:
        return (v, c) if horizontal else (c, v)

    def across(c: float, v: float, **style) -> None:
        (ax.vlines if horizontal else ax.hlines)(v, c - half, c + half, **style)

    def band(c: float, lo: float, hi: float, **style) -> None:
        if horizontal:
            ax.add_patch(Rectangle((lo, c - half), hi - lo, 2 * half, **style))
        else:
            ax.add_patch(Rectangle((c - half, lo), 2 * half, hi - lo, **style))

    order = range(len(categories))
    positions = [len(categories) - 1 - i for i in order] if horizontal else list(order)
    for c, t, r in zip(positions, targets, results):
        if t is not None:
            style = {"color": TARGET_COLOR, "linewidth": 2.5, "linestyles": "dashed" if t.soft else "solid"}
            used.add("soft" if t.soft else "exact")
            if t.qualifier == "range" and t.value_max is not None:
                band(c, t.value, t.value_max, color=TARGET_COLOR, alpha=0.25, linewidth=0)
                across(c, t.value, **style)
                across(c, t.value_max, **style)
                used.add("range")
            else:
                across(c, t.value, **style)
                if t.qualifier == "about":
                    d = abs(t.value) * about
                    band(c, t.value - d, t.value + d, color=TARGET_COLOR, alpha=0.18, linewidth=0)
                    used.add("about")
                elif t.qualifier in ("more_than", "less_than"):
                    sign = 1 if t.qualifier == "more_than" else -1
                    ax.annotate("", xy=point(c, t.value + sign * arrow), xytext=point(c, t.value),
                                arrowprops={"arrowstyle": "-|>", "color": TARGET_COLOR, "linewidth": 1.8})
                    used.add(t.qualifier)
            top = t.value_max if t.value_max is not None else t.value
            if t.qualifier == "about":
                top += abs(t.value) * about
            elif t.qualifier == "more_than":
                top += arrow
            if horizontal:  # right of the mark and its band
                ax.annotate(t.label, (top, c), xytext=(5, 0), textcoords="offset points", ha="left", va="center",
                            fontsize=10, color=TARGET_COLOR)
            else:
                ax.annotate(t.label, (c + half, t.value_max if t.value_max is not None else t.value), xytext=(2, 3),
                            textcoords="offset points", ha="left", va="bottom", fontsize=10, color=TARGET_COLOR)
        if r is not None:
            color = STATUS_COLORS.get(r.status, OTHER_RESULT_COLOR)
            marker = STATUS_MARKERS.get(r.status, "D")
            ax.scatter(*point(c, r.value), s=70, color=color, marker=marker, zorder=3, edgecolors="white", linewidths=0.8)
            ax.annotate(r.label, point(c, r.value), xytext=(0, 8) if horizontal else (7, -3), textcoords="offset points",
                        fontsize=10, color=color, ha="center" if horizontal else "left", va="bottom" if horizontal else "top")
            used.add(r.status if r.status in STATUS_COLORS else "result")
    ticks = [wrap(x, 10) for x in categories]
    pad = 0.2 * span
    if horizontal:
        ax.set_yticks(positions, ticks, fontsize=TICK_SIZE)
        ax.set_ylim(-0.7, len(categories) - 0.3)
        ax.set_xlim(low - pad, high + 1.5 * pad)  # room for the labels right of the marks
        ax.set_xlabel(axis_label, fontsize=TICK_SIZE)
        ax.grid(axis="x", color="#e5e5e5", linewidth=0.8)
    else:
        ax.set_xticks(positions, ticks, fontsize=TICK_SIZE)
        ax.set_xlim(-0.6, len(categories) - 0.4)
        ax.set_ylim(low - pad, high + pad)
        ax.set_ylabel(axis_label, fontsize=TICK_SIZE)
        ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=TICK_SIZE)
    ax.set_title(wrap(title, title_columns(NARROW)), loc="left", fontsize=TITLE_SIZE)
    handles: list[Any] = []  # lines and patches
    for key in ("exact", "soft", "about", "more_than", "less_than", "range", "met", "missed", "result"):
        if key not in used:
            continue
        if key in ("exact", "soft"):
            handles.append(Line2D([], [], color=TARGET_COLOR, linewidth=2.5, linestyle="--" if key == "soft" else "-", label=legend[key]))
        elif key in ("about", "range"):
            handles.append(Patch(color=TARGET_COLOR, alpha=0.18 if key == "about" else 0.25, label=legend[key]))
        elif key in ("more_than", "less_than"):
            handles.append(Line2D([], [], color=TARGET_COLOR, marker="^" if key == "more_than" else "v", linestyle="", markersize=8, label=legend[key]))
        else:
            handles.append(Line2D([], [], color=STATUS_COLORS.get(key, OTHER_RESULT_COLOR), marker=STATUS_MARKERS.get(key, "D"),
                                  linestyle="", markersize=8, label=legend[key]))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.12 if not horizontal else -0.9 / n - 0.08),
                  ncol=2, frameon=False, fontsize=TICK_SIZE)
    style_axes(ax)
    return Chart(fig, title, alt)


#: Inches a column needs for a four-digit year written across it.
YEAR_ROOM = 0.32


def column_labels(cols: Sequence[str], room: float = 1.0) -> tuple[list[str], int]:
    """Column labels and their rotation: numbers (years) as they are where a column has
    ``room`` for them (inches), else turned on their side; short Chinese names upright,
    one character under another; anything longer turned on its side."""
    if all(c.isdigit() for c in cols):
        return list(cols), 0 if room >= YEAR_ROOM * max(len(c) for c in cols) / 4 else 90
    if all(len(c) <= 4 and not c.isascii() for c in cols):
        return ["\n".join(c) for c in cols], 0
    return list(cols), 90


def _largest(values) -> float:
    """The largest of a grid's shares (0 where it has none), cells without a value
    (``None``, NaN) left out."""
    return max((float(v) for row in values for v in row if v is not None and v == v), default=0.0)


def share_decimals(top: float) -> int:
    """Decimals of a grid's shares: one where the largest is under 10 (shares of
    words are a few per cent), else none."""
    return 1 if top < 10 else 0


@styled
def grid_chart(rows: Sequence[str], cols: Sequence[str], values, title: str, alt: str = "", cell: float = 0.36,
               row_columns: int = 18) -> Chart:
    """A compact rows × columns grid of shares (in %), shaded from 0 to the grid's
    largest, each cell labelled (one decimal where the largest is under 10: shares of
    words are a few per cent), ``—`` where a cell has no value (``None``); row labels
    wrapped at ``row_columns``, never cut; column labels upright when short, else
    turned; cells ``cell`` inches wide."""
    import math

    cells = [[math.nan if v is None else float(v) for v in row] for row in values]
    top = _largest(values)
    decimals = share_decimals(top)
    n_rows, n_cols = max(len(rows), 1), max(len(cols), 1)
    row_labels = [wrap(r, row_columns) for r in rows]
    lines = max((label.count("\n") + 1 for label in row_labels), default=1)
    width = 0.2 + row_columns * 0.075 + cell * n_cols
    fig = figure(width, 1.0 + max(0.4, 0.2 * lines + 0.05) * n_rows)
    ax = fig.add_subplot()
    ax.imshow(cells, cmap="Blues", aspect="auto", vmin=0, vmax=top if top > 0 else 1)
    labels, rotation = column_labels(cols, cell)
    ax.set_xticks(range(len(cols)), labels, rotation=rotation, fontsize=TICK_SIZE, linespacing=1.0)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(rows)), row_labels, fontsize=TICK_SIZE, linespacing=1.0)
    for i in range(len(rows)):
        for j in range(len(cols)):
            v = cells[i][j]
            text = "—" if math.isnan(v) else f"{v:.{decimals}f}"
            ax.text(j, i, text, ha="center", va="center", fontsize=9, color="white" if top > 0 and v > 0.55 * top else "black")
    ax.set_title(wrap(title, title_columns(width)), loc="left", fontsize=TITLE_SIZE, pad=12)
    style_axes(ax)
    return Chart(fig, title, alt)


class Dot(NamedTuple):
    """How a cell of a dot grid is drawn: marker, colour, size, whether filled, and
    what the legend calls it."""

    marker: str
    color: str
    size: float
    filled: bool
    label: str


@styled
def dot_grid(rows: Sequence[str], cols: Sequence[str], cells, dots: dict[str, Dot], title: str, alt: str = "") -> Chart:
    """A rows × columns grid with a dot in each cell, drawn as ``dots[cells[i][j]]``
    (nothing where the cell is ``None``); short column labels stand upright, one
    character under another, so that many columns fit a phone's width; a legend below."""
    from matplotlib.lines import Line2D

    n_rows, n_cols = max(len(rows), 1), max(len(cols), 1)
    row_labels = [wrap(r, 18) for r in rows]
    lines = max((label.count("\n") + 1 for label in row_labels), default=1)
    fig = figure(1.5 + 0.2 * n_cols, 1.3 + max(0.28, 0.19 * lines) * n_rows)
    ax = fig.add_subplot()
    used = []
    for key, dot in dots.items():
        points = [(j, i) for i in range(len(rows)) for j in range(len(cols)) if cells[i][j] == key]
        if not points:
            continue
        used.append(key)
        xs, ys = zip(*points)
        style: dict[str, Any] = {"color": dot.color} if dot.filled else {"facecolors": "none", "edgecolors": dot.color}
        ax.scatter(xs, ys, s=dot.size, marker=dot.marker, zorder=3, linewidths=1, **style)
    labels, rotation = column_labels(cols, 0.2)
    ax.set_xticks(range(len(cols)), labels, rotation=rotation, fontsize=TICK_SIZE, linespacing=1.0)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(rows)), row_labels, fontsize=TICK_SIZE, linespacing=1.0)
    ax.set_xlim(-0.6, len(cols) - 0.4)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(color="#eeeeee", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_title(wrap(title, title_columns(1.5 + 0.2 * n_cols)), loc="left", fontsize=TITLE_SIZE, pad=10)
    style_axes(ax)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    if len(used) > 1:
        handles = [Line2D([], [], marker=dots[k].marker, linestyle="", markersize=8, color=dots[k].color,
                          markerfacecolor=dots[k].color if dots[k].filled else "none", label=dots[k].label) for k in used]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.2 / n_rows), ncol=2, frameon=False, fontsize=TICK_SIZE)
    return Chart(fig, title, alt)


@styled
def stacked_barh(labels: Sequence[str], stacks: Mapping[str, Sequence[float]], colors: dict[str, str], title: str, xlabel: str, alt: str = "") -> Chart:
    """One bar per label, first on top, made of the stacks in order, each named in a
    legend below."""
    n = max(len(labels), 1)
    fig = figure(NARROW, 1.4 + 0.36 * n)
    ax = fig.add_subplot()
    y = list(range(len(labels)))[::-1]
    left = [0.0] * len(labels)
    for name, values in stacks.items():
        if not any(values):
            continue
        ax.barh(y, values, left=left, color=colors[name], label=name, height=0.7)
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(y, list(labels), fontsize=TICK_SIZE)
    ax.set_xlabel(xlabel, fontsize=TICK_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    ax.set_title(wrap(title, title_columns(NARROW)), loc="left", fontsize=TITLE_SIZE)
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.9 / n - 0.15), ncol=2, frameon=False, fontsize=TICK_SIZE)
    style_axes(ax)
    return Chart(fig, title, alt)
