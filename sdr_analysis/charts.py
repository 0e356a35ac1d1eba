"""What every chart of the pages is made with: the CJK font, the style, the
:class:`Chart` a notebook shows, figures sized for a phone, plain numbers on the axes,
labels wrapped and never cut, and alt text. The kinds of chart are in
:mod:`sdr_analysis.plotting`.

The font file comes from the ``mplfonts`` package, so charts render the same on any
machine without a system font. Every chart is a :class:`Chart`, whose PNG is rendered
without timestamps, so a rebuild writes the same bytes.

Importing this module changes nothing of matplotlib's: the package's charts draw with
their own style inside ``matplotlib.rc_context`` (see :func:`styled`), so a notebook's
backend and its own plots stay as they were. :func:`use_cjk_font` is the one call that
makes *your* pandas and matplotlib plots draw Chinese (:func:`setup_display`, the
notebooks' first call, makes it too).
"""

from __future__ import annotations

import functools
import importlib.util
import io
import textwrap
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

from .exceptions import MissingDependency
from .extras import writeups_import_error

try:
    from matplotlib import font_manager, rc_context, rcParams
    from matplotlib.figure import Figure
except ImportError as exc:  # a core install: charts are of the write-ups
    raise writeups_import_error(exc, "drawing charts") from None

from .wording import axis_number

#: The CJK font: its file inside the mplfonts package, and the family name it registers.
CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
CJK_FONT_FAMILY = "Noto Sans CJK SC"

#: Charts for pages read on phones: drawn NARROW inches wide at DPI dots an inch, with
#: type that stays legible when the picture is scaled to a phone's column (about 360
#: CSS pixels): the axes' ticks TICK_SIZE, titles TITLE_SIZE, and the value labels and
#: panel titles beside and above bars VALUE_SIZE, above 9 pixels.
NARROW = 4.4
DPI = 110
TICK_SIZE = 11
TITLE_SIZE = 12
VALUE_SIZE = 10
#: The accent of a chart (the bar or the mark that matters) and the colour of the rest.
ACCENT = "#1b6ca8"
MUTED = "#c9d3dd"

#: The style of the package's charts, applied only while one is drawn: the CJK font
#: first (named, so that it holds when the chart is rendered later), an ASCII minus,
#: and a fixed salt so that a chart saved as SVG is the same from run to run.
STYLE: dict[str, Any] = {
    "font.family": [CJK_FONT_FAMILY, "DejaVu Sans"],
    "axes.unicode_minus": False,
    "svg.hashsalt": "sdr_analysis",
}

C = TypeVar("C", bound=Callable[..., Any])


def cjk_font_path() -> Path:
    """The CJK font file inside the mplfonts package."""
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependency("mplfonts")
    return Path(list(spec.submodule_search_locations)[0]) / "fonts" / CJK_FONT_FILE


@lru_cache(maxsize=None)
def register_cjk_font() -> str:
    """Make the packaged CJK font known to matplotlib (it adds a font; it sets no style)."""
    font_manager.fontManager.addfont(str(cjk_font_path()))
    return CJK_FONT_FAMILY


def use_cjk_font() -> str:
    """Make your own matplotlib and pandas plots draw Chinese: register the packaged
    CJK font and put it first in the default font list (``rcParams``). The package's
    charts do not need this call. Returns the font's family name."""
    register_cjk_font()
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [CJK_FONT_FAMILY, *[f for f in rcParams["font.sans-serif"] if f != CJK_FONT_FAMILY]]
    rcParams["axes.unicode_minus"] = False
    return CJK_FONT_FAMILY


def setup_display() -> None:
    """Set a notebook up for reading reports: tables shown whole (long source sentences
    are not cut), and your own pandas and matplotlib plots drawn with the packaged CJK
    font (:func:`use_cjk_font`)."""
    import pandas as pd

    use_cjk_font()

    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.width", 200)


def styled(make: C) -> C:
    """Draw a chart inside :data:`STYLE`, leaving matplotlib's settings as they were."""

    @functools.wraps(make)
    def drawn(*args, **kwargs):
        register_cjk_font()
        with rc_context(STYLE):
            return make(*args, **kwargs)

    return drawn  # type: ignore[return-value]


class Chart:
    """A figure that displays itself in a notebook as a PNG with fixed metadata, and
    with ``alt``, where given, as the text a page shows in its place (what the chart
    says, for a reader who cannot see it)."""

    def __init__(self, figure: Figure, title: str, alt: str = "") -> None:
        self.figure = figure
        self.title = title
        self.alt = alt

    def __repr__(self) -> str:
        return f"<Chart: {self.title}>"

    def png(self) -> bytes:
        buf = io.BytesIO()
        with rc_context(STYLE):  # type: ignore[arg-type]  # the keys are rc settings
            self.figure.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
        return buf.getvalue()

    def _repr_png_(self):
        return (self.png(), {"alt": self.alt}) if self.alt else self.png()


#: Characters of a label shortened for text beside a chart.
MAX_LABEL_CHARS = 14


def shorten(label: str, limit: int = MAX_LABEL_CHARS) -> str:
    """A label cut to ``limit`` characters, with … where it was cut (for text beside a
    chart; the charts themselves wrap their labels, see :func:`wrap`)."""
    label = label.strip() or "—"
    return label if len(label) <= limit else label[: limit - 1] + "…"


def figure(width: float, height: float) -> Figure:
    """A figure, not registered with pyplot: it draws with the Agg renderer whatever
    the notebook's backend is."""
    return Figure(figsize=(width, height))


def style_axes(ax) -> None:
    """Axes as every chart draws them: no top or right spine, no tick marks, plain numbers."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    _plain_numbers(ax)


def _plain_numbers(ax) -> None:
    """Numeric axes in plain numbers with separators: no offset or ``1e6`` written
    apart from the ticks (an axis of labels keeps its labels)."""
    from matplotlib.ticker import FuncFormatter, ScalarFormatter

    for axis in (ax.xaxis, ax.yaxis):
        if isinstance(axis.get_major_formatter(), ScalarFormatter):
            axis.set_major_formatter(FuncFormatter(lambda v, _pos: axis_number(v)))


def value_ticks(axis, n: int = 4) -> None:
    """At most ``n`` or so ticks on a value axis, so that wide numbers do not collide
    on a narrow chart."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=n, steps=[1, 2, 2.5, 5, 10]))


def is_chinese(text: str) -> bool:
    """Whether a chart's title is Chinese: its alt text is then punctuated in Chinese."""
    return any(not ch.isascii() for ch in text)


def describe(title: str, items: Sequence[str]) -> str:
    """Alt text: the chart's title, then what it shows, item by item (``标题：甲 3；乙 2``
    for a Chinese title, ``Title: a 3; b 2`` otherwise)."""
    zh = is_chinese(title)
    items = [i for i in items if i]
    if not items:
        return title
    return title + ("：" if zh else ": ") + ("；" if zh else "; ").join(items) + ("。" if zh else ".")


def wrap(label: str, width: int) -> str:
    """A label on lines at most ``width`` columns wide (a Chinese character takes two),
    never cut: words are kept whole where the label has spaces, Chinese is broken
    between characters."""
    label = label.strip() or "—"
    if " " in label:
        return textwrap.fill(label, width, break_long_words=False)
    lines, line, used = [], "", 0
    for ch in label:
        w = 1 if ch.isascii() else 2
        if line and used + w > width:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    return "\n".join(lines + [line])


def wrap_even(label: str, width: int) -> str:
    """:func:`wrap`, with the lines made as even as they can be in as few lines (no
    single character left alone on the last)."""
    wrapped = wrap(label, width)
    n = wrapped.count("\n") + 1
    while n > 1 and width > 2 and wrap(label, width - 1).count("\n") + 1 == n:
        width -= 1
        wrapped = wrap(label, width)
    return wrapped


def title_columns(width: float) -> int:
    """How many columns (a Chinese character takes two) of a title fit a chart
    ``width`` inches wide."""
    return max(16, int(11 * width))
