"""The page of a place over the years: targets met and missed, each measure's target
against its result, how the targets are worded, in English and in Chinese. The
reports are conftest's COMPARED (the district's 2022 and 2023 reports)."""

from __future__ import annotations

import re

from conftest import SERIES
from sdr_analysis import comparison, series_page
from sdr_analysis.comparison import open_series


def test_scorecard_counts_met_and_missed(series_en):
    assert series_page.scorecard(series_en) == "Of 3 targets with a result, 2 were met and 1 missed; 3 have no result in these reports."


def test_measure_table_reads_the_target_and_its_result(series_en):
    rows = series_en.frame[series_en.frame["measure"] == "gdp"].sort_values("year")
    table = series_page.measure_table(series_en, rows)
    lines = table.splitlines()
    assert lines[0] == "| year | target as written | reads as | result as written | status |"
    y2022, y2023 = lines[2], lines[3]
    assert y2022.startswith("| 2022 | [地区生产总值增长6\\%左右](#r1s") and "| about 6\\% |" in y2022
    assert "[5\\.5\\%](#r2s" in y2022 and y2022.endswith("| missed ✗ |")
    assert y2023.startswith("| 2023 | [地区生产总值增长5\\%左右](#r2s") and y2023.endswith("| — | no result |")


def test_wording_counts_by_qualifier(series_en):
    table = series_page.wording_table(series_en)
    rows = [line for line in table.splitlines() if line.startswith("| 20")]
    # 2022: about, at least, at most; 2023: about twice, exact once; no range, none striven for
    assert table.splitlines()[0] == "| year | targets | about (左右, 约) | at least (以上) | at most (以内) | exact |"
    assert rows == ["| 2022 | 3 | 1 | 1 | 1 | 0 |", "| 2023 | 3 | 2 | 0 | 0 | 1 |"]
    assert "The GDP target, year by year: 2022 [地区生产总值增长6\\%左右]" in table


def test_series_chart_says_what_it_shows(series_en):
    rows = series_en.frame[series_en.frame["measure"] == "gdp"]
    chart = series_page.series_chart(series_en, ("gdp", True, "%"), rows)
    assert chart.alt == ("Chart of GDP by year, target against result. 2022: target about 6%, result 5.5% (missed ✗); "
                         "2023: target about 5%, result no result (no result).")
    png, meta = chart._repr_png_()
    assert png.startswith(b"\x89PNG") and meta == {"alt": chart.alt}


def test_series_in_chinese_is_chinese(compared_folder):
    zh = open_series([str(compared_folder / n) for n in SERIES], "zh")
    assert series_page.scorecard(zh) == "有结果可比的目标共3项，达成2项，未达成1项；另有3项在这些报告中没有结果。"
    heading = series_page.series_heading(zh)
    assert heading.startswith("# 浙江省杭州市西湖区：2022—2023年目标与完成情况")
    for key in ("scorecard", "by_measure", "wording", "figures", "sources"):
        assert not re.search(r"[A-Za-z]{3,}", comparison.section_heading(zh, key)), key


def test_one_measure_is_one_row_of_the_grid_however_its_target_is_worded(tmp_path):
    """A city's GDP growth target written three ways (增长7%左右, 增长在6.5%左右,
    增长率6%), and its reviews stating the growth plainly or on the year before
    (较上年增长7.2%, 生产总值增长6%): one measure, one row, each year judged."""
    from conftest import compared_report

    reviews = {2021: "全市生产总值增长8%。", 2022: "全市生产总值较上年增长7.2%。", 2023: "生产总值增长6%，财政收入增长5%。"}
    targets = {2021: "地区生产总值增长7%左右。", 2022: "地区生产总值增长在6.5%左右，城镇新增就业1万人。", 2023: "生产总值增长率6%。"}
    for year in reviews:
        (tmp_path / f"city-{year}.txt").write_text(compared_report("某省某市", year, reviews[year], targets[year]), encoding="utf-8")
    c = open_series([str(tmp_path / f"city-{y}.txt") for y in reviews], "en")
    assert [v for v in series_page.variants(c.frame) if v[0] == "gdp"] == [("gdp", True, "%")]
    gdp = c.frame[c.frame["measure"] == "gdp"].sort_values("year")
    # 2021: about 7, grew 7.2 (met); 2022: about 6.5, grew 6 (below 6.5 less 5%: missed); 2023: no next report
    assert list(zip(gdp["year"], gdp["target"], gdp["result"].fillna(-1), gdp["status"])) == [
        (2021, 7, 7.2, "met"), (2022, 6.5, 6, "missed"), (2023, 6, -1, "no data")]
    chart = series_page.scorecard_chart(c)
    assert grid_rows(chart).count("GDP") == 1 and "GDP: 2021 met, 2022 missed" in chart.alt


def grid_rows(chart) -> list[str]:
    """The row labels of a scorecard grid, as drawn."""
    return [label.get_text() for label in chart.figure.axes[0].get_yticklabels()]


def test_a_growth_target_against_a_benchmark_is_the_same_row_of_the_grid(tmp_path):
    from conftest import compared_report

    targets = {2021: "地区生产总值增长7%左右。", 2022: "地区生产总值增速高于全省平均水平1个百分点。"}
    for year, passage in targets.items():
        (tmp_path / f"town-{year}.txt").write_text(compared_report("某省某县", year, "全县生产总值增长8%。", passage), encoding="utf-8")
    c = open_series([str(tmp_path / f"town-{y}.txt") for y in targets], "en")
    assert sorted(set(zip(c.frame["measure"], c.frame["unit"]))) == [("gdp", "%"), ("gdp", "个百分点")]
    chart = series_page.scorecard_chart(c)
    assert grid_rows(chart) == ["GDP"] and "GDP: 2021 met" in chart.alt
