"""Index pages: a report's ``index.html`` (its sections with their key figures, linking
every page) and ``OUT/index.html`` of a build of many reports (the folders it made)."""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import NamedTuple, Sequence

from .outputs import TABLES, folder_name, output_name
from .report import Report
from .roles import money_stated
from .writeup import money_words, section_file, written_up

INDEX_PAGE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
@font-face {{ font-family: "Report CJK"; src: url("cjk.woff") format("woff"); }}
body {{ font-family: "Report CJK", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.8; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }}
td.n {{ text-align: right; white-space: nowrap; }}
.note {{ color: #666; font-size: .9rem; }}
tr.part th {{ padding-top: 1.2rem; border-bottom: 2px solid #999; }}
.period {{ color: #666; font-weight: normal; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{place} · {date}</p>
<p>Overview · 概览: {overviews}</p>
<table>
<tr><th>Section · 部分</th><th>Write-up · 分析</th><th>Indicators · 指标</th><th>Money · 金额</th><th>Claims · 表述</th><th>Key figures · 主要数据</th></tr>
{rows}
</table>
<p class="note">{notes}</p>
<p class="note">Tables · 数据表: {tables}</p>
</body>
</html>
"""


def _links(stem: str, langs: Sequence[str]) -> str:
    return " · ".join(f'<a href="{output_name(stem, lang)}.html">{lang}</a>' for lang in langs)


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
    """``index.html``: a row per policy section with links to its write-ups, under a
    row per part naming its title and period (none for a report without parts)."""
    rows = []
    summaries = written_up(report.summaries)
    for part in report.parts:
        if not part.implied:
            rows.append(
                '<tr class="part"><th colspan="6">{name} <span class="period">· {period}</span></th></tr>'.format(
                    name=html.escape(part.marker + part.title), period=html.escape(PERIOD_NAMES.get(part.period, part.period))
                )
            )
        for s in summaries:
            if not part.start <= s.start < part.end:
                continue
            inds = report.within("indicators", s.start, s.end)
            # the largest sums spent, then the other figures in reading order: a GDP or
            # a bank balance is not a key sum of the section's work
            spent = sorted(money_stated(inds), key=lambda i: -i.value)
            spent_at = {i.start for i in spent}
            key = (spent + [i for i in inds if i.start not in spent_at])[:KEY_FIGURES]
            rows.append(
                "<tr><td>{name}</td><td>{links}</td><td class=\"n\">{n} ({d}/1000)</td><td class=\"n\">{money}</td>"
                "<td class=\"n\">{claims}</td><td>{key}</td></tr>".format(
                    name=html.escape(s.marker + s.title),
                    links=_links(section_file(s), langs),
                    n=s.indicators,
                    d=s.density,
                    money=html.escape(money_words(s.money, "zh", s.money_qualifier)),
                    claims=s.claims,
                    key=html.escape("、".join(f"{i.label}{i.text}" for i in key)),
                )
            )
    meta = report.metadata
    page = INDEX_PAGE.format(
        title=html.escape(meta.title.text if meta.title else folder_name(report.source or "report")),
        place=html.escape(meta.place or "—"),
        date=html.escape(meta.date or "—"),
        overviews=_links("overview", langs),
        rows="\n".join(rows),
        notes=html.escape("; ".join(report.notes)),
        tables=" ".join(f'<a href="{n}.csv">{n}.csv</a>' for n in TABLES),
    )
    (folder / "index.html").write_text(page, encoding="utf-8")


class Built(NamedTuple):
    """A folder a build of many reports made: its kind (report, series or places),
    its path, and its line on the index page (what, years or places)."""

    kind: str
    folder: Path
    name: str
    detail: str


SITE_INDEX = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Reports · 报告</title>
<style>
{fonts}
body {{ font-family: {families}"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.8; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }}
td.n {{ white-space: nowrap; }}
</style>
</head>
<body>
<h1>Reports · 报告</h1>
{parts}
</body>
</html>
"""

SITE_PAGES = "Pages · 页面"
#: The index's parts: the kind of folder, its heading and the heading of its columns.
SITE_PARTS = (
    ("series", "A place over the years · 历年目标与完成情况", ("Place · 地区", "Years · 年份")),
    ("places", "Places in one year · 同年各地目标对比", ("Year · 年份", "Places · 地区")),
    ("report", "Each report · 各报告", ("Place · 地区", "Year · 年份")),
)


def write_site_index(out: Path, built: Sequence[Built], langs: Sequence[str]) -> None:
    """``out/index.html``: the folders of a build of many reports, comparisons first,
    each with a link per language. Its fonts are the comparison folders' own."""
    parts = []
    for kind, heading, (first, second) in SITE_PARTS:
        mine = [b for b in built if b.kind == kind]
        if not mine:
            continue
        rows = []
        for b in mine:
            stem = "index" if kind == "report" else kind
            links = (f'<a href="{html.escape(b.folder.name)}/index.html">index</a>' if kind == "report" else
                     " · ".join(f'<a href="{html.escape(b.folder.name)}/{output_name(stem, lang)}.html">{lang}</a>' for lang in langs))
            rows.append(f'<tr><td>{html.escape(b.name)}</td><td class="n">{html.escape(b.detail)}</td><td class="n">{links}</td></tr>'
                        if kind != "places" else
                        f'<tr><td class="n">{html.escape(b.name)}</td><td>{html.escape(b.detail)}</td><td class="n">{links}</td></tr>')
        parts.append(f"<h2>{heading}</h2>\n<table>\n<tr><th>{first}</th><th>{second}</th><th>{SITE_PAGES}</th></tr>\n"
                     + "\n".join(rows) + "\n</table>")
    fonts = [b.folder.name for b in built if (b.folder / "cjk.woff").is_file()]
    page = SITE_INDEX.format(
        fonts="\n".join(f'@font-face {{ font-family: "Report CJK {n}"; src: url("{html.escape(name)}/cjk.woff") format("woff"); }}'
                        for n, name in enumerate(fonts, start=1)),
        families="".join(f'"Report CJK {n}", ' for n in range(1, len(fonts) + 1)),
        parts="\n".join(parts),
    )
    tmp = out / f".index.html.{os.getpid()}"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out / "index.html")
