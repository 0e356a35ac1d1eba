"""``cjk.woff``: the packaged CJK font cut to the characters a folder's pages show, so
they read the same on a machine without a Chinese font, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .index import SITE_PAGES, SITE_PARTS
from .pages import site_index_source


def write_font(folder: Path) -> None:
    """``cjk.woff`` in ``folder``, by one rule for every folder a build writes: the
    characters its pages show (every page in it, its index among them, made once
    they are written, whatever they took their words from), and the words of the
    index of a build of many reports, which borrows its font from the folders it
    lists."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.html"))]
    subset_font(folder, pages + [site_index_source(), SITE_PAGES, repr(SITE_PARTS)])


def subset_font(folder: Path, sources: Sequence[str]) -> None:
    """``cjk.woff`` in ``folder``: the packaged font cut to the characters of ``sources``
    and printable ASCII. Hinting and OpenType layout are left out: Chinese text on
    screen needs neither, and the file is a third of the size without them. The
    bounding boxes in the font's headers are the whole font's, not measured again
    for the glyphs kept: still true, and measuring took a third of the time."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from .charts import cjk_font_path

    chars = {ord(ch) for text in sources for ch in text if ord(ch) > 126} | set(range(32, 127))
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    # no timestamp: same bytes each build; closed when done (lazy loading keeps the file open)
    with TTFont(str(cjk_font_path()), lazy=True, recalcTimestamp=False, recalcBBoxes=False) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(chars))
        subsetter.subset(font)
        font.flavor = "woff"
        font.save(str(folder / "cjk.woff"))
