"""Index pages: a report's ``index.html`` (its sections with their key figures, linking
every page) and ``OUT/index.html`` of a build of many reports (the folders it made)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Sequence

from .english import report_place
from .headlines import index_preambles, index_years
from .outputs import TABLES, folder_name, output_name, section_file, write_file, written_up
from .pages import IndexPart, IndexRow, SitePart, SiteRow, index_page, site_index_page, write_if_changed
from .phrases import labelled, largest_money_words
from .report import Report
from .roles import money_stated


def _links(stem: str, langs: Sequence[str]) -> list[tuple[str, str]]:
    return [(lang, f"{output_name(stem, lang)}.html") for lang in langs]


#: A part's period on the index page, in both languages.
PERIOD_NAMES = {
    "review": "Review · 工作回顾",
    "plan": "The coming year · 年度工作安排",
    "five_year": "Five-year plan · 五年规划目标",
    "government": "The government itself · 政府自身建设",
    "other": "Other · 其他",
}
KEY_FIGURES = 3


def write_index(report: Report, folder: Path, langs: Sequence[str]) -> None:
    """``index.html``, from the pages' index template: a row per policy section with
    links to its write-ups, under a row per part naming its title and period (none for
    a report without parts)."""
    parts = []
    summaries = written_up(report.summaries)
    preambles = index_preambles(report)
    for part in report.parts:
        rows = []
        for s in summaries:
            if not part.start <= s.start < part.end:
                continue
            inds = report.within("indicators", s.start, s.end)
            # the largest sums spent, then the other figures in reading order: a GDP or
            # a bank balance is not a key sum of the section's work
            spent = sorted(money_stated(inds), key=lambda i: -i.value)
            spent_at = {i.start for i in spent}
            key = (spent + [i for i in inds if i.start not in spent_at])[:KEY_FIGURES]
            rows.append(IndexRow(
                name=s.marker + s.title,
                links=_links(section_file(s), langs),
                indicators=s.indicators,
                density=s.density,
                money=largest_money_words(report, s, "zh"),
                claims=s.claims,
                key="、".join(map(labelled, key)),
            ))
        if part.implied:
            parts.append(IndexPart(None, None, rows))
        else:
            parts.append(IndexPart(part.marker + part.title, PERIOD_NAMES.get(part.period, part.period), rows,
                                   preambles.get(part.start)))
    meta = report.metadata
    page = index_page(
        title=meta.title.text if meta.title else folder_name(report.source or "report"),
        place=f"{report_place(report, 'en', chinese=False)} · {meta.place}" if meta.place else "—",
        date=meta.date or "—",
        parts=parts,
        overviews=_links("overview", langs),
        notes=report.notes,
        tables=[f"{n}.csv" for n in TABLES],
        languages=langs,
        years=index_years(report),
    )
    write_file(folder / "index.html", page)


class Built(NamedTuple):
    """A folder a build of many reports made: its kind (report, series or places),
    its path, and its line on the index page (what, years or places)."""

    kind: str
    folder: Path
    name: str
    detail: str


SITE_PAGES = "Pages · 页面"
#: The index's parts: the kind of folder, its heading and the heading of its columns.
SITE_PARTS = (
    ("panel", "The research panel · 研究面板", ("Reports · 报告", "Years · 年份")),
    ("series", "A place over the years · 历年目标与完成情况", ("Place · 地区", "Years · 年份")),
    ("places", "Places in one year · 同年各地目标对比", ("Year · 年份", "Places · 地区")),
    ("report", "Each report · 各报告", ("Place · 地区", "Year · 年份")),
)


def write_site_index(out: Path, built: Sequence[Built], langs: Sequence[str]) -> None:
    """``out/index.html``: the folders of a build of many reports, comparisons first,
    each with a link per language. Its fonts are the comparison folders' own."""
    parts = []
    for kind, heading, columns in SITE_PARTS:
        rows = [
            SiteRow(
                (b.name, b.detail),
                [("index", f"{b.folder.name}/index.html")] if kind == "report" else
                [(lang, f"{b.folder.name}/{output_name(kind, lang)}.html") for lang in langs],
            )
            for b in built if b.kind == kind
        ]
        if rows:
            parts.append(SitePart(heading, columns, 0 if kind == "places" else 1, rows))
    fonts = [b.folder.name for b in built if (b.folder / "cjk.woff").is_file()]
    page = site_index_page(
        parts, SITE_PAGES, [(f"Report CJK {n}", f"{name}/cjk.woff") for n, name in enumerate(fonts, start=1)], langs,
    )
    write_if_changed(out / "index.html", page)
