"""Reports read together: a place over years (targets against the next report's
results) and places in one year."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import CORPUS
from sdr_analysis.cli import main
from sdr_analysis.exceptions import SeriesError
from sdr_analysis.results import Result, Target
from sdr_analysis.series import assess, check_one_place, group, load_reports, places_frame, series_rows


def target(value, qualifier="exact", measure="gdp", unit="%", value_max=None, absent=None, relative_to=None):
    return Target(0, 1, "x", measure=measure, value=value, value_max=value_max, unit=unit, qualifier=qualifier,
                  absent=absent, relative_to=relative_to)


def result(value, unit="%"):
    return Result(0, 1, "x", measure="gdp", value=value, unit=unit)


@pytest.mark.parametrize(
    "t, r, status",
    [
        (target(6), result(6.1), "met"),
        (target(6), result(5.9), "missed"),
        (target(6, "about"), result(5.8), "met"),  # 左右: 5% of 6 below is 5.7
        (target(6, "about"), result(5.6), "missed"),
        (target(6, "more_than"), result(6), "met"),
        (target(6, "more_than"), result(5.99), "missed"),
        (target(5.5, "range", value_max=6), result(5.6), "met"),
        (target(5.5, "range", value_max=6), result(5.4), "missed"),
        # a ceiling: prices and unemployment meet their target by staying under it
        (target(3, "about", measure="cpi"), result(0.4), "met"),
        (target(3, "about", measure="cpi"), result(3.3), "missed"),
        (target(5.5, "less_than", measure="unemployment"), result(5.2), "met"),
        (target(5.5, "less_than", measure="unemployment"), result(5.6), "missed"),
        (target(6), None, "no data"),
        (target(6), result(6, unit="元"), "no data"),  # a level is no answer to a growth target
        (target(0.5, relative_to="全国平均水平"), result(6), "no data"),
        (target(None, absent="explicit"), result(6), "not set"),
    ],
)
def test_assess(t, r, status):
    assert assess(t, r) == status


def place_report(place: str, year: int, target_text: str, review: str) -> str:
    return f"""{place}人民政府工作报告
——{year}年1月15日在{place}第一届人民代表大会第二次会议上

一、{year - 1}年工作回顾

  过去一年，{review}

二、{year}年工作安排

  今年经济社会发展的主要预期目标是：{target_text}

  (一)扩大有效投资。新开工项目20个。
"""


@pytest.fixture
def two_years(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(place_report("江西省", 2020, "地区生产总值增长8%左右，城镇调查失业率5.5%以内。", "地区生产总值增长8.7%。"), encoding="utf-8")
    b.write_text(place_report("江西省", 2021, "地区生产总值增长7%以上。", "全年地区生产总值增长7.6%，城镇调查失业率5.8%。"), encoding="utf-8")
    return a, b


def test_a_series_pairs_each_target_with_the_next_review(two_years):
    rows = series_rows(load_reports(list(map(str, two_years))))
    got = [(r["year"], r["measure"], r["target"], r["qualifier"], r["result"], r["status"]) for r in rows]
    assert got == [
        (2020, "gdp", 8, "about", 7.6, "met"),
        (2020, "unemployment", 5.5, "less_than", 5.8, "missed"),
        (2021, "gdp", 7, "more_than", None, "no data"),  # no report of 2022
    ]
    first = rows[0]
    text = Path(first["target_source"]).read_text(encoding="utf-8")
    assert text[first["target_start"] : first["target_end"]] == "地区生产总值增长8%左右"
    later = Path(first["result_source"]).read_text(encoding="utf-8")
    assert later[first["result_start"] : first["result_end"]] == "7.6%"


def test_a_series_is_one_place(two_years, tmp_path):
    other = tmp_path / "c.txt"
    other.write_text(place_report("湖北省", 2021, "地区生产总值增长6%。", "地区生产总值增长5%。"), encoding="utf-8")
    reports = load_reports([str(p) for p in (*two_years, other)])
    with pytest.raises(SeriesError, match="2 places"):
        check_one_place(reports)
    series, cohorts = group(reports)
    assert list(series) == ["江西省"] and [len(v) for v in series.values()] == [2]
    assert list(cohorts) == [2021] and sorted(r.metadata.province for r in cohorts[2021]) == ["江西省", "湖北省"]


def test_two_reports_of_one_year_are_refused(two_years, tmp_path):
    again = tmp_path / "again.txt"
    again.write_text(two_years[0].read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(SeriesError, match="two reports of the year 2020"):
        check_one_place(load_reports([str(two_years[0]), str(again)]))


def test_cli_series(two_years, capsys):
    assert main(["series", *map(str, two_years), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["year"], r["measure"], r["status"]) for r in rows] == [
        ("2020", "gdp", "met"), ("2020", "unemployment", "missed"), ("2021", "gdp", "no data")]
    assert main(["series", *map(str, two_years), "--measure", "gdp", "--json"]) == 0
    assert [r["measure"] for r in json.loads(capsys.readouterr().out)] == ["gdp", "gdp"]
    assert main(["series", *map(str, two_years), "--measure", "gpd"]) == 2
    assert "gdp" in capsys.readouterr().err


def test_cli_targets_and_results(two_years, capsys):
    assert main(["targets", str(two_years[0]), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(t["measure"], t["value"], t["qualifier"]) for t in found] == [("gdp", 8, "about"), ("unemployment", 5.5, "less_than")]
    assert main(["results", str(two_years[1]), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(r["measure"], r["value"], r["change"]) for r in found] == [("gdp", 7.6, True), ("unemployment", 5.8, False)]


def test_corpus_writes_a_targets_table(two_years, tmp_path):
    out = tmp_path / "all.csv"
    assert main(["corpus", *map(str, two_years), "--out", str(out), "--jobs", "1"]) == 0
    rows = list(csv.DictReader(open(tmp_path / "all-targets.csv", encoding="utf-8")))
    assert [(r["year"], r["province"], r["measure"], r["value"], r["qualifier"]) for r in rows] == [
        ("2020", "江西省", "gdp", "8", "about"), ("2020", "江西省", "unemployment", "5.5", "less_than"),
        ("2021", "江西省", "gdp", "7", "more_than")]


def gold_of(name: str) -> dict:
    from conftest import CORPUS_GOLD

    return json.loads((CORPUS_GOLD / f"{name}.json").read_text(encoding="utf-8"))


def test_the_district_series_of_gdp(corpus_gold):
    """Each year's GDP growth target (from that year's report) and result (the next
    report's review), against the expected answers read from the reports."""
    paths = sorted(CORPUS.glob("hailar-*.txt"))
    assert len(paths) == 8
    rows = [r for r in series_rows(load_reports([str(p) for p in paths]), "gdp") if r["change"]]
    golds = {y: gold_of(f"hailar-{y}") for y in range(2012, 2020)}
    expected = []
    for year, gold in golds.items():
        growth = next(t for t in gold["targets"] if t["name"].endswith("生产总值增长") and t["unit"] == "%")
        following = golds.get(year + 1)
        expected.append((year, growth["value"], following["gdp_growth_previous_year"] if following else None))
    assert [(r["year"], r["target"], r["result"]) for r in rows] == expected


def test_the_provinces_gdp_targets_side_by_side(corpus_gold):
    paths = [p for p in sorted(CORPUS.glob("*-2026.txt"))]
    frame = places_frame(load_reports([str(p) for p in paths]))
    gdp = frame[(frame.measure == "gdp") & frame.change]
    assert len(gdp) == 16 and gdp.place.is_unique
    for row in gdp.itertuples():
        gold = gold_of(Path(row.source).stem)
        expected = next(t for t in gold["targets"] if t["name"].endswith(("生产总值增长", "经济增长")))
        value_max = None if row.value_max != row.value_max else row.value_max  # pandas reads a missing one as NaN
        assert (row.value, value_max, row.qualifier) == (expected["value"], expected.get("value_max"), expected["qualifier"])


def test_a_report_whose_place_is_not_found_is_named_not_counted_as_a_second_place(two_years, tmp_path):
    nameless = tmp_path / "nameless-2022.txt"
    nameless.write_text("政府工作报告\n\n2022年1月5日\n\n（一）稳定经济增长。地区生产总值增长6%。\n", encoding="utf-8")
    with pytest.raises(SeriesError, match="nameless-2022.txt: the place it reports on is not found"):
        check_one_place(load_reports([*map(str, two_years), str(nameless)]))
