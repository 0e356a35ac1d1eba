"""``cjk.woff``: the packaged CJK font cut to the characters a folder's pages show, so
they read the same on a machine without a Chinese font, offline."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Sequence

from .index import SITE_PAGES, SITE_PARTS
from .outputs import is_own_name, read_regular, write_file
from .pages import site_index_source


def write_font(folder: Path) -> None:
    """``cjk.woff`` in ``folder``, by one rule for every folder a build writes: the
    characters its pages show (every page in it, its index among them, made once
    they are written, whatever they took their words from), and the words of the
    index of a build of many reports, which borrows its font from the folders it
    lists."""
    pages = [read_page(p) for p in sorted(folder.glob("*.html")) if is_own_name(p.name)]
    subset_font(folder, pages + [site_index_source(), SITE_PAGES, repr(SITE_PARTS)])


#: A page larger than this is not the build's own: its characters are not read.
PAGE_LIMIT = 64 << 20


def read_page(path: Path) -> str:
    """A page's text, if it is a regular file of a page's size (a link, a pipe or a
    device standing at a page's name is not read)."""
    return (read_regular(path, PAGE_LIMIT) or b"").decode("utf-8", "replace")


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
        data = io.BytesIO()
        font.save(data)
    write_file(folder / "cjk.woff", data.getvalue())
