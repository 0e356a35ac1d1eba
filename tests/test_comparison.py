"""What the two comparison pages share: the reports opened and their parameters
checked, every figure linked to its marked sentence, report text kept as text, the
figures per report; and the pages built end to end. The reports are conftest's
COMPARED: one district in 2022 and 2023, two provinces in 2023."""

from __future__ import annotations

import re

import pytest

from conftest import PLACES
from sdr_analysis import ParameterError, comparison, places_page, series_page
from sdr_analysis.comparison import PROVINCE_SUFFIX, markdown_table, open_places, open_series


def links(markdown: str) -> list[tuple[str, str]]:
    """``(text, anchor)`` of each link to an anchor of the page."""
    return re.findall(r"\[([^\]]*)\]\(#(r\d+s\d+)\)", markdown)


@pytest.mark.parametrize("name, short", [("新疆维吾尔自治区", "新疆"), ("宁夏回族自治区", "宁夏"), ("内蒙古自治区", "内蒙古"),
                                         ("安徽省", "安徽"), ("北京市", "北京"), ("香港特别行政区", "香港")])
def test_province_short_names(name, short):
    assert PROVINCE_SUFFIX.sub("", name) == short


def test_markdown_table_shape():
    assert markdown_table(["a", "b"], [["1", ""]]) == "| a | b |\n|---|---|\n| 1 |   |"


# the sources, the figures per report


def test_every_link_has_its_anchor_and_its_figure_is_marked(series_en):
    markdown = "\n".join(series_page.measure_table(series_en, series_en.frame[series_en.frame["measure"] == m])
                         for m in ("gdp", "retail", "unemployment"))
    sources = comparison.sources(series_en)
    found = links(markdown)
    assert len(found) == 9  # six targets, three results
    for text, anchor in found:
        item = next(line for line in sources.splitlines() if f'<a id="{anchor}"></a>' in line)
        assert f"<mark>{text}</mark>" in item
    # the 2023 report's review sentence (results of 2022) and targets sentence
    assert "**2023**" in sources and "全年地区生产总值增长<mark>5\\.5\\%</mark>" in sources


def test_figures_per_year(series_en):
    frame = comparison.figures_table(series_en)
    assert list(frame.index) == ["2022", "2023"]
    assert list(frame["targets"]) == [3, 3] and list(frame["met"]) == [2, 0]


def test_report_markup_stays_text(places_en):
    page = comparison.sources(places_en) + places_page.measures_listing(places_en) + places_page.places_table(places_en)
    assert "<script" not in page and "](http" not in page
    assert "&lt;script&gt;alert\\(1\\)&lt;\\/script&gt;" in page
    assert set(re.findall(r"<(\w+)", page)) <= {"a", "mark"}


def test_unknown_measure_or_language_says_what_is_valid(compared_folder):
    paths = [str(compared_folder / n) for n in PLACES]
    with pytest.raises(ParameterError, match="parameter measure = 'growth' cannot be used; use one of: gdp, "):
        open_places(paths, "en", "growth")
    with pytest.raises(ParameterError, match="parameter lang = 'fr'"):
        open_series(paths, "fr")
    with pytest.raises(ParameterError, match="parameter report_paths = 5"):
        open_series(5, "en")


def test_series_of_several_places_is_refused(compared_folder):
    from sdr_analysis.exceptions import SeriesError

    with pytest.raises(SeriesError):
        open_series([str(compared_folder / n) for n in PLACES], "en")


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
def built(compared_built):
    root, result, lines = compared_built
    return root / "out", result, lines


@pytest.mark.notebooks
def test_build_writes_a_series_and_a_cohort_with_an_index(built):
    out, result, _ = built
    assert result == [("series", "xihu-series"), ("places", "places-2023"), ("panel", "panel")]
    for folder, stem in (("xihu-series", "series"), ("places-2023", "places")):
        names = {p.name for p in (out / folder).iterdir()}
        assert {f"{stem}.html", f"{stem}.ipynb", f"{stem}-zh.html", f"{stem}-zh.ipynb", "page.css", "cjk.woff", "manifest.json",
                "panel-rows.csv", "panel-rows.dictionary.csv"} == names
    index = (out / "index.html").read_text(encoding="utf-8")
    for href in ("xihu-series/series.html", "xihu-series/series-zh.html", "places-2023/places.html", "places-2023/places-zh.html"):
        assert f'href="{href}"' in index
    assert "浙江省杭州市西湖区" in index and "2022–2023 (2)" in index
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.mark.notebooks
def test_built_notebooks_read_reports_by_relative_paths(built):
    import nbformat

    out, _, _ = built
    nb = nbformat.read(out / "xihu-series" / "series.ipynb", as_version=4)
    assert nb.metadata.papermill.parameters["report_paths"] == ["../../reports-in/xihu-2022.txt", "../../reports-in/xihu-2023.txt"]
    for path in out.glob("*/*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert str(out.parent) not in text, path
        outputs = [o for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.output_type in ("error", "stream")], path


@pytest.mark.notebooks
def test_built_pages_have_alt_text_no_script_and_their_language(built):
    out, _, _ = built
    en = (out / "xihu-series" / "series.html").read_text(encoding="utf-8")
    zh = (out / "xihu-series" / "series-zh.html").read_text(encoding="utf-8")
    assert "<script" not in en and "<script" not in (out / "places-2023" / "places.html").read_text(encoding="utf-8")
    assert 'alt="Chart of GDP by year, target against result. 2022: target about 6%, result 5.5% (missed ✗)' in en
    assert 'alt="地区生产总值历年目标与实际对比图。2022年目标6%左右，实际5.5%（未达成 ✗）' in zh
    assert "Targets met and missed" in en and "Targets met and missed" not in zh and "目标完成情况" in zh
    assert "How to run" not in en and "Run with papermill" not in en  # the notebook's own notes stay off the page
    places = (out / "places-2023" / "places.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in places


@pytest.mark.notebooks
def test_rebuild_with_nothing_changed_runs_nothing(built, tmp_path):
    import shutil

    from sdr_analysis.collection import build_many

    root = tmp_path / "copy"  # the reports and the build beside them
    shutil.copytree(built[0].parent, root)
    out = root / "out"
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    lines: list[str] = []
    build_many([root / "reports-in"], out=out, only="comparisons", say=lines.append)
    # the series, the places page and the panel each have nothing to do
    assert [line.split(":")[0] for line in lines] == ["nothing to do", "nothing to do", "nothing to do", "done"]
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
