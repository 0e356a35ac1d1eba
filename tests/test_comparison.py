"""The comparison pages: a place over the years (series) and places in one year, on
short reports written here: one district in 2022 and 2023, two provinces in 2023.

Expected values are read from the texts below: the district's 2022 GDP target is
6%左右 and its 2023 report says GDP grew 5.5% (missed: below 6% less 5%); retail
sales were to grow 8%以上 and grew 9% (met); unemployment was to stay 5.5%以内 and was
5.2% (met). Its 2023 targets have no next report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sdr_analysis import ParameterError, comparison
from sdr_analysis.comparison import PROVINCE_SUFFIX, markdown_table, open_places, open_series


def report(place: str, year: int, review: str, targets: str) -> str:
    return f"""{place}政府工作报告
——{year}年1月10日在{place}人民代表大会第一次会议上

一、{year - 1}年工作回顾

  过去一年，我们攻坚克难，经济稳中有进。{review}

二、{year}年工作安排

  {year}年经济社会发展的主要预期目标是：{targets}

  各位代表！让我们团结奋斗。
"""


REPORTS = {
    "xihu-2022.txt": report("杭州市西湖区", 2022, "全年地区生产总值增长7%。",
                            "地区生产总值增长6%左右，社会消费品零售总额增长8%以上，城镇调查失业率控制在5.5%以内。"),
    "xihu-2023.txt": report("杭州市西湖区", 2023, "全年地区生产总值增长5.5%，社会消费品零售总额增长9%，城镇调查失业率5.2%。",
                            "地区生产总值增长5%左右，社会消费品零售总额增长7%，城镇调查失业率5.5%左右。"),
    "zhejiang-2023.txt": report("浙江省", 2023, "全年地区生产总值增长6%。", "地区生产总值增长5.5%左右，居民消费价格涨幅3%左右。"),
    # report text is text: markup in it must reach the page as the characters it is
    "jiangsu-2023.txt": report("江苏省", 2023, "全年地区生产总值增长5.8%。",
                               "地区生产总值增长5%以上<script>alert(1)</script>，城镇新增就业120万人[链接](http://x.test)。"),
}
SERIES = ["xihu-2022.txt", "xihu-2023.txt"]
PLACES = ["jiangsu-2023.txt", "zhejiang-2023.txt", "xihu-2023.txt"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("comparison") / "reports-in"
    root.mkdir()
    for name, text in REPORTS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def series_en(folder):
    return open_series([str(folder / n) for n in SERIES], "en")


@pytest.fixture(scope="module")
def places_en(folder):
    return open_places([str(folder / n) for n in PLACES], "en")


def links(markdown: str) -> list[tuple[str, str]]:
    """``(text, anchor)`` of each link to an anchor of the page."""
    return re.findall(r"\[([^\]]*)\]\(#(r\d+s\d+)\)", markdown)


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("name, short", [("新疆维吾尔自治区", "新疆"), ("宁夏回族自治区", "宁夏"), ("内蒙古自治区", "内蒙古"),
                                         ("安徽省", "安徽"), ("北京市", "北京"), ("香港特别行政区", "香港")])
def test_province_short_names(name, short):
    assert PROVINCE_SUFFIX.sub("", name) == short


def test_markdown_table_shape():
    assert markdown_table(["a", "b"], [["1", ""]]) == "| a | b |\n|---|---|\n| 1 |   |"


# series: targets against results


def test_scorecard_counts_met_and_missed(series_en):
    assert comparison.scorecard(series_en) == "Of 3 targets with a result, 2 were met and 1 missed; 3 have no result in these reports."


def test_measure_table_reads_the_target_and_its_result(series_en):
    rows = series_en.frame[series_en.frame["measure"] == "gdp"].sort_values("year")
    table = comparison.measure_table(series_en, rows)
    lines = table.splitlines()
    assert lines[0] == "| year | target as written | reads as | result as written | status |"
    y2022, y2023 = lines[2], lines[3]
    assert y2022.startswith("| 2022 | [地区生产总值增长6\\%左右](#r1s") and "| about 6\\% |" in y2022
    assert "[5\\.5\\%](#r2s" in y2022 and y2022.endswith("| missed ✗ |")
    assert y2023.startswith("| 2023 | [地区生产总值增长5\\%左右](#r2s") and y2023.endswith("| — | no result |")


def test_every_link_has_its_anchor_and_its_figure_is_marked(series_en):
    markdown = "\n".join(comparison.measure_table(series_en, series_en.frame[series_en.frame["measure"] == m])
                         for m in ("gdp", "retail", "unemployment"))
    sources = comparison.sources(series_en)
    found = links(markdown)
    assert len(found) == 9  # six targets, three results
    for text, anchor in found:
        item = next(line for line in sources.splitlines() if f'<a id="{anchor}"></a>' in line)
        assert f"<mark>{text}</mark>" in item
    # the 2023 report's review sentence (results of 2022) and targets sentence
    assert "**2023**" in sources and "全年地区生产总值增长<mark>5\\.5\\%</mark>" in sources


def test_wording_counts_by_qualifier(series_en):
    table = comparison.wording_table(series_en)
    rows = [line for line in table.splitlines() if line.startswith("| 20")]
    # 2022: about, at least, at most; 2023: about twice, exact once; no range, none striven for
    assert table.splitlines()[0] == "| year | targets | about (左右, 约) | at least (以上) | at most (以内) | exact |"
    assert rows == ["| 2022 | 3 | 1 | 1 | 1 | 0 |", "| 2023 | 3 | 2 | 0 | 0 | 1 |"]
    assert "The GDP target, year by year: 2022 [地区生产总值增长6\\%左右]" in table


def test_series_chart_says_what_it_shows(series_en):
    rows = series_en.frame[series_en.frame["measure"] == "gdp"]
    chart = comparison.series_chart(series_en, ("gdp", True, "%"), rows)
    assert chart.alt == ("Chart of GDP by year, target against result. 2022: target about 6%, result 5.5% (missed ✗); "
                         "2023: target about 5%, result no result (no result).")
    png, meta = chart._repr_png_()
    assert png.startswith(b"\x89PNG") and meta == {"alt": chart.alt}


def test_series_in_chinese_is_chinese(folder):
    zh = open_series([str(folder / n) for n in SERIES], "zh")
    assert comparison.scorecard(zh) == "有结果可比的目标共3项,达成2项,未达成1项;另有3项在这些报告中没有结果。"
    heading = comparison.series_heading(zh)
    assert heading.startswith("# 浙江省杭州市西湖区:2022—2023年目标与完成情况")
    for key in ("scorecard", "by_measure", "wording", "figures", "sources"):
        assert not re.search(r"[A-Za-z]{3,}", comparison.section_heading(zh, key)), key


def test_figures_per_year(series_en):
    frame = comparison.figures_table(series_en)
    assert list(frame.index) == ["2022", "2023"]
    assert list(frame["targets"]) == [3, 3] and list(frame["met"]) == [2, 0]


# places in one year


def test_places_sorted_by_target(places_en):
    table = comparison.places_table(places_en)
    places = [line.split(" | ")[1] for line in table.splitlines()[2:]]
    # 5.5%左右, then the two 5% targets (江 before 浙)
    assert places == ["浙江省", "江苏省", "浙江省杭州市西湖区"]
    assert "| at least 5\\% |" in table and "| about 5\\.5\\% |" in table


def test_places_measures_listing(places_en):
    listing = comparison.measures_listing(places_en)
    first = listing.splitlines()[0]
    assert first.startswith("- **GDP** (3): ")
    assert "- **new urban jobs** (1): 江苏 [城镇新增就业120万人](#" in listing


def test_places_chart_and_grid_describe_themselves(places_en):
    assert comparison.places_chart(places_en).alt == (
        "Chart of the GDP target for 2023 by place, highest first. 浙江 about 5.5%, 江苏 at least 5%, 西湖区 about 5%.")
    assert "GDP: 3 of 3 places" in comparison.measures_grid(places_en).alt


def test_report_markup_stays_text(places_en):
    page = comparison.sources(places_en) + comparison.measures_listing(places_en) + comparison.places_table(places_en)
    assert "<script" not in page and "](http" not in page
    assert "&lt;script&gt;alert\\(1\\)&lt;\\/script&gt;" in page
    assert set(re.findall(r"<(\w+)", page)) <= {"a", "mark"}


def test_unknown_measure_or_language_says_what_is_valid(folder):
    paths = [str(folder / n) for n in PLACES]
    with pytest.raises(ParameterError, match="parameter measure = 'growth' cannot be used; use one of: gdp, "):
        open_places(paths, "en", "growth")
    with pytest.raises(ParameterError, match="parameter lang = 'fr'"):
        open_series(paths, "fr")
    with pytest.raises(ParameterError, match="parameter report_paths = 5"):
        open_series(5, "en")


def test_series_of_several_places_is_refused(folder):
    from sdr_analysis.exceptions import SeriesError

    with pytest.raises(SeriesError):
        open_series([str(folder / n) for n in PLACES], "en")


# nbval on reports built from reports that are not here


def test_notebooks_on_absent_reports_are_named(tmp_path):
    import json

    from conftest import absent_reports

    nb = {"cells": [], "metadata": {"papermill": {"parameters": {"report_paths": ["../here.txt", "../gone.txt"]}}}}
    (tmp_path / "here.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b").mkdir()
    path = tmp_path / "b" / "series.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert absent_reports(path) == ["../gone.txt"]


# building the comparisons (runs notebooks)


@pytest.fixture(scope="module")
def built(folder):
    from sdr_analysis.build import build_many

    out = folder.parent / "out"
    lines: list[str] = []
    result = build_many([folder], out=out, only="comparisons", say=lines.append)
    return out, result, lines


@pytest.mark.notebooks
def test_build_writes_a_series_and_a_cohort_with_an_index(built):
    out, result, _ = built
    assert [(b.kind, b.folder.name) for b in result] == [("series", "xihu-series"), ("places", "places-2023")]
    for folder, stem in (("xihu-series", "series"), ("places-2023", "places")):
        names = {p.name for p in (out / folder).iterdir()}
        assert {f"{stem}.html", f"{stem}.ipynb", f"{stem}-zh.html", f"{stem}-zh.ipynb", "page.css", "cjk.woff", "manifest.json"} == names
    index = (out / "index.html").read_text(encoding="utf-8")
    for href in ("xihu-series/series.html", "xihu-series/series-zh.html", "places-2023/places.html", "places-2023/places-zh.html"):
        assert f'href="{href}"' in index
    assert "浙江省杭州市西湖区" in index and "2022–2023 (2)" in index
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.mark.notebooks
def test_built_notebooks_read_reports_by_relative_paths(built, folder):
    import nbformat

    out, _, _ = built
    nb = nbformat.read(out / "xihu-series" / "series.ipynb", as_version=4)
    assert nb.metadata.papermill.parameters["report_paths"] == ["../../reports-in/xihu-2022.txt", "../../reports-in/xihu-2023.txt"]
    for path in out.glob("*/*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert str(folder.parent) not in text, path
        outputs = [o for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.output_type in ("error", "stream")], path


@pytest.mark.notebooks
def test_built_pages_have_alt_text_no_script_and_their_language(built):
    out, _, _ = built
    en = (out / "xihu-series" / "series.html").read_text(encoding="utf-8")
    zh = (out / "xihu-series" / "series-zh.html").read_text(encoding="utf-8")
    assert "<script" not in en and "<script" not in (out / "places-2023" / "places.html").read_text(encoding="utf-8")
    assert 'alt="Chart of GDP by year, target against result. 2022: target about 6%, result 5.5% (missed ✗)' in en
    assert 'alt="地区生产总值历年目标与实际对比图。2022年目标6%左右,实际5.5%(未达成 ✗)' in zh
    assert "Targets met and missed" in en and "Targets met and missed" not in zh and "目标完成情况" in zh
    assert "How to run" not in en and "Run with papermill" not in en  # the notebook's own notes stay off the page
    places = (out / "places-2023" / "places.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in places


@pytest.mark.notebooks
def test_rebuild_with_nothing_changed_runs_nothing(built, folder):
    from sdr_analysis.build import build_many

    out, _, _ = built
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    lines: list[str] = []
    build_many([folder], out=out, only="comparisons", say=lines.append)
    assert [line.split(":")[0] for line in lines] == ["nothing to do", "nothing to do", "done"]
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
