"""HTML pages of executed write-up notebooks: code hidden, type set for Chinese, one
stylesheet shared by every page of a report, and no script.

The pages are exported with the package's nbconvert template ``page``
(``templates/page/``), which writes none of the scripts of JupyterLab's template and
no style element; the stylesheet comes from ``page.css.j2`` in the same folder. A
report's index page is ``report-index.html.j2`` there, rendered by :func:`index_page`
from plain data; it shares the pages' font and table rules (``shared.css.j2``).
Pages and index read on a phone's width as on a desktop's: tables wider than the
screen scroll in their own box, images never run wider than the page.
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files
from pathlib import Path
from typing import Any, NamedTuple, Optional, Sequence

from . import __version__
from .outputs import read_regular, write_file

TEMPLATE = "page"
PAGE_CSS = "page.css"
#: The tag of a notebook cell that is left off the page.
NOTEBOOK_ONLY = "notebook-only"
#: A page's language (a write-up's ``lang``) as the page declares it.
LANGUAGE_CODES = {"en": "en", "zh": "zh-CN"}
INDEX_TEMPLATE = "report-index.html.j2"
SITE_INDEX_TEMPLATE = "site-index.html.j2"


def language_code(lang: str) -> str:
    """``zh`` → ``zh-CN``: the code of the page's ``<html lang>``."""
    return LANGUAGE_CODES.get(lang, lang)


def notebook_page(path: Path, title: str, lang: str = "en") -> None:
    """An HTML page of the notebook beside it: code hidden, no scripts (the page reads
    offline and runs nothing), type set for Chinese, in the language ``lang`` (``en``,
    ``zh``: ``<html lang="zh-CN">``); ``page.css`` beside it."""
    import nbformat

    exporter = page_exporter()
    resources = {"metadata": {"name": title}, "sdr_analysis_version": __version__}  # the footer names the version
    body, resources = exporter.from_notebook_node(nbformat.read(path, as_version=4), resources=resources)
    # the page's stylesheet is the same for every page: one shared file, not a copy in each
    write_if_changed(path.parent / PAGE_CSS, page_css(exporter, resources))
    # the link goes in after export: the exporter re-serialises what its template
    # writes, and would write the tag as <link …/>
    body = body.replace("</head>", f'<link rel="stylesheet" href="{PAGE_CSS}">\n</head>', 1)
    # and so does the language: the exporter takes two-letter codes only, not zh-CN
    body = re.sub(r'<html lang="[^"]*">', f'<html lang="{language_code(lang)}">', body, count=1)
    write_file(path.with_suffix(".html"), body)


@functools.cache
def page_exporter():
    """The page exporter, made once per process: making one loads and compiles its
    templates, which takes longer than exporting a page."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(
        template_name=TEMPLATE,
        extra_template_basedirs=[str(files("sdr_analysis") / "templates")],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    # notes for a reader of the notebook (what it is, how to run it) are not on the
    # page, whose headings the notebook writes in the page's language
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={NOTEBOOK_ONLY}), enabled=True)
    return exporter


def page_css(exporter, resources: dict) -> str:
    """The shared stylesheet, from the template's ``page.css.j2`` in the exporter's
    template environment (its ``static/…`` files are lab's)."""
    env = exporter.environment
    template = env.get_template("page.css.j2")
    return template.render(resources=resources, static=lambda name: env.loader.get_source(env, name)[0])


def write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` (:func:`~sdr_analysis.outputs.write_file`: whole, through a new
    temporary file, never through a link) unless the file, a regular one, already
    says it: workers writing the same shared file at once each leave it whole."""
    data = text.encode("utf-8")
    if read_regular(path, len(data)) == data:
        return
    write_file(path, data)


# a report's index page


class IndexRow(NamedTuple):
    """A section's row on a report's index: its name, its write-ups as (label, href)
    pairs (``("en", "section-5.html")``), its count of indicators and their density
    per 1,000 characters, the largest amount of money it states (as written, with its role), its count of claims, and its key
    figures as one line of text."""

    name: str
    links: Sequence[tuple[str, str]]
    indicators: int
    density: float
    money: str
    claims: int
    key: str


class IndexPart(NamedTuple):
    """A part of the report on its index: its name and period as shown (``None`` for
    the implied part of a report without parts: no heading row), and its sections;
    ``preamble`` is its figures before its first section, which belong to no section
    (a :class:`~sdr_analysis.headlines.IndexPreamble`, ``None`` where there are none)."""

    name: Optional[str]
    period: Optional[str]
    rows: Sequence[IndexRow]
    preamble: Any = None


def index_page(
    title: str,
    place: str,
    date: str,
    parts: Sequence[IndexPart],
    overviews: Sequence[tuple[str, str]] = (),
    notes: Sequence[str] = (),
    tables: Sequence[str] = (),
    languages: Sequence[str] = ("en", "zh"),
    years: tuple[Sequence[Any], Sequence[Any]] = ((), ()),
) -> str:
    """A report's ``index.html``: its title, place and date, links to the overview in
    each language (``overviews``: (label, href) pairs), last year's results and this
    year's targets (``years``: :class:`~sdr_analysis.headlines.Cited` items, each
    opening to its sentence, with a link to it in the first overview), a row per
    section under a row per part and its preamble (a table that scrolls in its own box
    on a phone), the report's notes and links to its tables (file names).
    ``languages`` are the labels of the links that name a language (``en``, ``zh``):
    they are marked with the language they lead to. Every value is escaped where it
    lands; the page holds no script."""
    template = _index_environment().get_template(INDEX_TEMPLATE)
    return template.render(
        title=title,
        place=place,
        date=date,
        parts=list(parts),
        overviews=list(overviews),
        notes=[n for n in notes if n],
        tables=list(tables),
        languages={lang: language_code(lang) for lang in languages},
        last_year=list(years[0]),
        this_year=list(years[1]),
        overview=overviews[0][1] if overviews else "",
        version=__version__,
    )


# the index of a build of many reports


class SiteRow(NamedTuple):
    """A folder's row on the site's index: its two cells (what, and its years or
    places) and its pages as (label, href) pairs."""

    cells: tuple[str, str]
    links: Sequence[tuple[str, str]]


class SitePart(NamedTuple):
    """A kind of folder on the site's index: its heading, the heading of its two
    columns, which of them holds short values kept on one line, and its rows."""

    heading: str
    columns: tuple[str, str]
    short: int
    rows: Sequence[SiteRow]


def site_index_page(
    parts: Sequence[SitePart], pages: str, fonts: Sequence[tuple[str, str]] = (), languages: Sequence[str] = ("en", "zh"),
) -> str:
    """``OUT/index.html`` of a build of many reports: a table per kind of folder,
    ``pages`` heading the column of links. ``fonts`` are the (family, url) of the
    folders' fonts the page borrows, having none of its own. Every value is escaped
    where it lands; the page holds no script."""
    template = _index_environment().get_template(SITE_INDEX_TEMPLATE)
    return template.render(
        parts=list(parts),
        pages=pages,
        fonts=list(fonts),
        languages={lang: language_code(lang) for lang in languages},
        version=__version__,
    )


def site_index_source() -> str:
    """The site index template's own words (its title, its heading), whose
    characters every folder's font keeps for the index that borrows it."""
    return (files("sdr_analysis") / "templates" / TEMPLATE / SITE_INDEX_TEMPLATE).read_text(encoding="utf-8")


def _index_environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    folder = files("sdr_analysis") / "templates" / TEMPLATE
    return Environment(loader=FileSystemLoader(str(folder)), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True)
