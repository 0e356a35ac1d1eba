"""``cjk.woff``: the packaged CJK font cut to the characters a folder's pages show, so
they read the same on a machine without a Chinese font, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .index import SITE_INDEX, SITE_PAGES, SITE_PARTS
from .report import Report

PACKAGE = Path(__file__).resolve().parent


def write_font(folder: Path, report: Report, notebooks: Path) -> None:
    """``cjk.woff``: the packaged Noto Sans CJK SC cut down to the characters the pages
    can show, so they read the same on a machine without a Chinese font, offline.

    The pages show the report's text and the words of this package and its notebooks,
    so the characters are taken from those (not from the pages, which lets the font be
    made while the notebooks run)."""
    sources = [report.text] + [p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py")) + sorted(PACKAGE.rglob("*.csv"))]
    sources += [p.read_text(encoding="utf-8") for p in sorted(notebooks.glob("*.ipynb"))]
    subset_font(folder, sources)


def write_page_font(folder: Path) -> None:
    """``cjk.woff`` for the pages of a comparison folder, cut to the characters its
    pages show (made once they are written: the pages quote a few sentences of many
    reports, a small share of their text), and the words of the index page that
    lists the folder, which takes its font from here."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.html"))]
    subset_font(folder, pages + [SITE_INDEX, SITE_PAGES, repr(SITE_PARTS)])


def subset_font(folder: Path, sources: Sequence[str]) -> None:
    """``cjk.woff`` in ``folder``: the packaged font cut to the characters of ``sources``
    and printable ASCII. Hinting and OpenType layout are left out: Chinese text on
    screen needs neither, and the file is a third of the size without them."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from .plotting import cjk_font_path

    chars = {ord(ch) for text in sources for ch in text if ord(ch) > 126} | set(range(32, 127))
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    # no timestamp: same bytes each build; closed when done (lazy loading keeps the file open)
    with TTFont(str(cjk_font_path()), lazy=True, recalcTimestamp=False) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(chars))
        subsetter.subset(font)
        font.flavor = "woff"
        font.save(str(folder / "cjk.woff"))
