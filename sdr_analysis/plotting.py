"""Charts for the write-ups, with Chinese labels drawn in Noto Sans CJK SC.

The font file comes from the ``mplfonts`` package, so charts render the same on any
machine without a system font. Every chart is returned as a :class:`Chart`, whose PNG
is rendered without timestamps, so a rebuild writes the same bytes.
"""

from __future__ import annotations

import importlib.util
import io
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager, rcParams  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from .results import Indicator, Relation  # noqa: E402

#: The CJK font: its file inside the mplfonts package, and the family name it registers.
CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
CJK_FONT_FAMILY = "Noto Sans CJK SC"

#: One colour per kind of indicator, the same on every page.
KIND_COLORS = {
    "money": "#1b6ca8",
    "percent": "#d1495b",
    "percent_point": "#e8a33d",
    "people": "#3c9d5d",
    "area": "#8c6bb1",
    "length": "#6b8e23",
    "duration": "#7f7f7f",
    "count": "#2a9d8f",
    "other": "#b07aa1",
}
ACCENT = "#1b6ca8"
MUTED = "#c9d3dd"

MAX_LABEL_CHARS = 14
DPI = 110


def cjk_font_path() -> Path:
    """The CJK font file inside the mplfonts package."""
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the mplfonts package is missing; install sdr_analysis with its dependencies")
    return Path(list(spec.submodule_search_locations)[0]) / "fonts" / CJK_FONT_FILE


@lru_cache(maxsize=None)
def use_cjk_font() -> str:
    """Register the packaged CJK font with matplotlib and make it the default."""
    font_manager.fontManager.addfont(str(cjk_font_path()))
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [CJK_FONT_FAMILY, "DejaVu Sans"]
    rcParams["axes.unicode_minus"] = False
    rcParams["svg.hashsalt"] = "sdr_analysis"
    return CJK_FONT_FAMILY


class Chart:
    """A figure that displays itself in a notebook as a PNG with fixed metadata."""

    def __init__(self, figure: Figure, title: str) -> None:
        self.figure = figure
        self.title = title

    def __repr__(self) -> str:
        return f"<Chart: {self.title}>"

    def png(self) -> bytes:
        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
        return buf.getvalue()

    def _repr_png_(self) -> bytes:
        return self.png()


def shorten(label: str, limit: int = MAX_LABEL_CHARS) -> str:
    """A label cut to ``limit`` characters, with … where it was cut."""
    label = label.strip() or "—"
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _figure(width: float, height: float) -> Figure:
    use_cjk_font()
    fig = Figure(figsize=(width, height))
    return fig


def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)


def barh(labels: Sequence[str], values: Sequence[float], title: str, xlabel: str, colors=None, value_labels=None) -> Chart:
    """A horizontal bar chart, first item on top."""
    n = max(len(labels), 1)
    fig = _figure(7.5, 0.9 + 0.38 * n)
    ax = fig.add_subplot()
    y = list(range(len(labels)))[::-1]
    ax.barh(y, values, color=colors or ACCENT)
    ax.set_yticks(y, [shorten(lbl) for lbl in labels])
    ax.set_title(title, loc="left", fontsize=12)
    ax.set_xlabel(xlabel)
    if value_labels:
        for yi, v, text in zip(y, values, value_labels):
            ax.text(v, yi, " " + text, va="center", fontsize=9)
        ax.set_xlim(0, max(values) * 1.3 if values else 1)
    _style(ax)
    return Chart(fig, title)


def money_chart(indicators: Sequence[Indicator], title: str, xlabel: str, scale: float = 1e4) -> Chart:
    """Money figures by label, largest first; values in 万元 by default."""
    money = sorted((i for i in indicators if i.kind == "money" and i.unit == "元"), key=lambda i: -i.value)
    return barh(
        [i.label for i in money],
        [i.value / scale for i in money],
        title,
        xlabel,
        colors=[KIND_COLORS["money"]] * len(money),
        value_labels=[i.text for i in money],
    )


def kinds_chart(counts: dict[str, int], names: dict[str, str], title: str, xlabel: str) -> Chart:
    """How many indicators of each kind."""
    kinds = [k for k in KIND_COLORS if counts.get(k)]
    return barh(
        [names.get(k, k) for k in kinds],
        [counts[k] for k in kinds],
        title,
        xlabel,
        colors=[KIND_COLORS[k] for k in kinds],
        value_labels=[str(counts[k]) for k in kinds],
    )


def change_chart(relations: Sequence[Relation], title: str, before_name: str, after_name: str) -> Chart:
    """Before and after for each change relation with both figures, one panel each."""
    pairs = [r for r in relations if r.before is not None and r.after is not None]
    pairs += [r for r in relations if r.base is not None and r.delta is not None and r.delta.kind == "percent_point"]
    fig = _figure(3.2 * max(len(pairs), 1) + 0.5, 3.4)
    for n, r in enumerate(pairs, start=1):
        ax = fig.add_subplot(1, len(pairs), n)
        if r.before is not None:
            b, a = r.before.value, r.after.value
            texts = (r.before.text, r.after.text)
        else:
            sign = -1 if r.direction == "decrease" else 1
            a = r.base.value
            b = a - sign * r.delta.value
            texts = (f"{b:g}{r.base.unit}", r.base.text)
        ax.bar([0, 1], [b, a], color=[MUTED, ACCENT], width=0.6)
        ax.set_xticks([0, 1], [before_name, after_name])
        for x, v, t in zip((0, 1), (b, a), texts):
            ax.text(x, v, t, ha="center", va="bottom", fontsize=9)
        ax.set_title(shorten(r.text, 16), fontsize=10)
        ax.set_ylim(0, max(a, b) * 1.25 or 1)
        _style(ax)
    fig.suptitle(title, x=0.02, ha="left", fontsize=12)
    fig.tight_layout()
    return Chart(fig, title)


def share_chart(names: Sequence[str], shares: Sequence[float], highlight: int, title: str, xlabel: str) -> Chart:
    """Shares (0–100) of some total, one bar per item; ``highlight`` is drawn in the
    accent colour."""
    colors = [ACCENT if i == highlight else MUTED for i in range(len(names))]
    return barh(list(names), list(shares), title, xlabel, colors=colors, value_labels=[f"{s:.0f}%" for s in shares])


def heatmap(rows: Sequence[str], cols: Sequence[str], values, title: str) -> Chart:
    """A rows × columns grid of shares (0–100), each cell labelled."""
    fig = _figure(1.5 + 1.0 * max(len(cols), 1), 1.8 + 0.5 * max(len(rows), 1))
    ax = fig.add_subplot()
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0, vmax=100)
    ax.set_xticks(range(len(cols)), [shorten(c, 18) for c in cols], rotation=35, ha="right")
    ax.set_yticks(range(len(rows)), [shorten(r, 16) for r in rows])
    for i in range(len(rows)):
        for j in range(len(cols)):
            v = values[i][j]
            ax.text(j, i, f"{v:.0f}", ha="center", va="center", fontsize=8, color="white" if v > 55 else "black")
    ax.set_title(title, loc="left", fontsize=12)
    _style(ax)
    return Chart(fig, title)
