"""The panel page's parts without a kernel: its tables, charts' alt texts, report text
kept as text, Chinese punctuation, the files left out; and the page built by ``build
--only comparisons``. The reports are conftest's COMPARED: 西湖区 in 2022 and 2023,
浙江省 and 江苏省 in 2023; ``wider`` adds three districts of 杭州 in 2023, a copy and a
file that is not a report.

The page shows the reports' own numbers only: counts of what was found, never a sum or
average made across reports."""

from __future__ import annotations

import csv
import re
import shutil
from collections import Counter

import pytest

from conftest import COMPARED, compared_report
from sdr_analysis import ParameterError, panel_page
from sdr_analysis.messages import t


@pytest.fixture(scope="module")
def pages(compared_folder):
    en = panel_page.open_panel([str(compared_folder)], "en")
    return en, panel_page.of_panel(en.panel, "zh")


#: Three more districts of 杭州 in 2023: two state 5%左右 like 西湖区, one 5.5%左右; words
#: of the agriculture and digital dictionaries in each.
WIDER = {
    "shangcheng-2023.txt": compared_report("杭州市上城区", 2023, "全年地区生产总值增长6%，推进乡村振兴。", "地区生产总值增长5%左右。"),
    "gongshu-2023.txt": compared_report("杭州市拱墅区", 2023, "全年地区生产总值增长6.2%，发展数字经济。", "地区生产总值增长5%左右，城镇新增就业3万人。"),
    "binjiang-2023.txt": compared_report("杭州市滨江区", 2023, "全年地区生产总值增长7%，数字经济、数字化转型加快。", "地区生产总值增长5.5%左右。"),
}
#: A file a build left out before, given to the page as the notebook's parameter.
GIVEN = {"file": "elsewhere/yuhang-2021.txt", "reason": "alone", "detail": "", "place": "浙江省杭州市余杭区", "year": 2021}


@pytest.fixture(scope="module")
def wider(tmp_path_factory):
    """The panel of COMPARED and WIDER, a copy of one of them and an empty file (which
    the panel leaves out), its tables written; its pages in en and zh, each given a
    file a build left out and the empty file again (listed once)."""
    root = tmp_path_factory.mktemp("panel-page")
    folder = root / "reports-in"
    folder.mkdir()
    for name, text in {**COMPARED, **WIDER}.items():
        (folder / name).write_text(text, encoding="utf-8")
    shutil.copy(folder / "xihu-2022.txt", folder / "xihu-copy-2022.txt")
    (folder / "notes.txt").write_text("", encoding="utf-8")
    given = [GIVEN, {"file": str(folder / "notes.txt"), "reason": "unreadable", "detail": "empty", "place": None, "year": None}]
    en = panel_page.open_panel([str(folder)], "en", left_out=given)
    en.panel.write(root / "tables")
    return en, panel_page.of_panel(en.panel, "zh", left_out=given), root / "tables"


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def page_markdown(page) -> str:
    """Every part of the page that is Markdown."""
    parts = [panel_page.heading(page), *(panel_page.section(page, k) for k in ("targets", "amplification", "outcomes", "attention")),
             panel_page.targets_table(page), panel_page.amplification_table(page), panel_page.outcomes_table(page),
             panel_page.attention_table(page)]
    return "\n\n".join(parts)


def table_rows(md: str) -> list[list[str]]:
    """The cells of a Markdown table's body rows."""
    lines = [line for line in md.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines[1:]]


def test_targets_by_level_and_year(pages):
    en, _ = pages
    rows = {(r["year"], r["level"]): r for r in panel_page.targets_by_level_year(en)}
    # 江苏 增长5%以上 (hard), 浙江 增长5.5%左右 (soft); 西湖区 6%左右 in 2022, 5%左右 in 2023
    assert rows[2023, "province"]["reports"] == 2 and rows[2023, "province"]["set"] == 2
    assert (rows[2023, "province"]["hard"], rows[2023, "province"]["soft"]) == (1, 1)
    assert (rows[2023, "province"]["about"], rows[2023, "province"]["more_than"]) == (1, 1)
    stated = [(s["value"], s["qualifier"], s["reports"]) for s in rows[2023, "province"]["stated"]]
    assert stated == [(5, "more_than", 1), (5.5, "about", 1)]
    assert "median" not in rows[2022, "district"]
    assert "[targets.csv](targets.csv)" in panel_page.targets_table(en)


def test_gdp_targets_as_stated_with_how_many_reports_state_each(wider):
    en, zh, tables = wider
    # 2023 districts: 西湖区, 上城区, 拱墅区 5%左右, 滨江区 5.5%左右 (read in WIDER and COMPARED)
    cells = {(r[0], r[1]): r[4] for r in table_rows(panel_page.targets_table(zh))}
    assert cells["2023", "区级"] == "5\\%左右×3；5\\.5\\%左右×1"
    assert cells["2023", "省级"] == "5\\%以上×1；5\\.5\\%左右×1"
    en_cells = {(r[0], r[1]): r[4] for r in table_rows(panel_page.targets_table(en))}
    assert en_cells["2023", "district"] == "about 5\\% ×3\\; about 5\\.5\\% ×1"
    # the count again, from the targets table the panel wrote: each report's first annual GDP growth target
    first: dict[str, dict] = {}
    for row in read_csv(tables / "targets.csv"):
        if row["measure"] == "gdp" and row["horizon"] == "year" and row["change"] == "True" and row["absent"] != "True":
            first.setdefault(row["file"], row)
    counted = Counter((int(r["year"]), r["level"], float(r["value"]), r["qualifier"]) for r in first.values())
    shown = Counter({(row["year"], row["level"], s["value"], s["qualifier"]): s["reports"]
                     for row in panel_page.targets_by_level_year(en) for s in row["stated"]})
    assert shown == counted and counted[2023, "district", 5.0, "about"] == 3
    assert all(sum(s["reports"] for s in row["stated"]) == row["set"] for row in panel_page.targets_by_level_year(en))


def test_no_average_made_across_reports(wider):
    en, zh, tables = wider
    attention = [r for r in read_csv(tables / "attention.csv") if r["scope"] == "whole"]
    xihu = [float(r["share_words"]) for r in attention if r["place"] == "浙江省杭州市西湖区" and r["dictionary"] == "livelihood"]
    mean_share = f"{100 * sum(xihu) / len(xihu):.1f}%"
    assert len(xihu) == 2 and mean_share not in {f"{100 * x:.1f}%" for x in xihu}
    for page in (en, zh):
        md = page_markdown(page)
        assert not re.search(r"(?i)median|mean\b|average|中位|平均", md)
        # the old page's median of the 2023 districts (5) and mean of 5, 5, 5, 5.5
        assert "5\\.125" not in md and "| 5% |" not in md and "| 5\\% |" not in md
        assert mean_share not in panel_page.attention_table(page)
        # outcomes: counts only, no share met
        assert table_rows(panel_page.outcomes_table(page)) == [["2022", "2", "1"]]
        chart = panel_page.attention_chart(page)
        assert chart is not None and not re.search(r"(?i)median|mean\b|average|中位|平均", chart.alt)


def test_attention_shows_each_reports_own_share(wider):
    en, zh, tables = wider
    share = {(r["file"], r["dictionary"]): float(r["share_words"]) for r in read_csv(tables / "attention.csv") if r["scope"] == "whole"}
    label = {"binjiang-2023.txt": "滨江区 2023", "gongshu-2023.txt": "拱墅区 2023", "jiangsu-2023.txt": "江苏省 2023",
             "shangcheng-2023.txt": "上城区 2023", "xihu-2022.txt": "西湖区 2022", "xihu-2023.txt": "西湖区 2023",
             "zhejiang-2023.txt": "浙江省 2023"}
    rows = table_rows(panel_page.attention_table(zh))
    names = [d.name for d in zh.dictionaries]
    assert len(rows) == len(label)  # a row per report, the copy and the empty file not among them
    seen = []
    for row in rows:
        file = next(f for f, words in label.items() if row[0].endswith(words))
        seen.append(file)
        path = next(f for f, _ in share if f.endswith("/" + file))
        assert row[1:] == [f"{100 * share[path, name]:.1f}%" for name in names], file
    assert any(share[f, "digital"] > 0 for f, _ in share if f.endswith("binjiang-2023.txt"))
    # by place, then year: 西湖区's two years follow each other
    assert seen.index("xihu-2023.txt") == seen.index("xihu-2022.txt") + 1
    en_rows = [r[0] for r in table_rows(panel_page.attention_table(en))]
    assert en_rows.index("Xihu District\\, Hangzhou\\, Zhejiang 2022") + 1 == en_rows.index("Xihu District\\, Hangzhou\\, Zhejiang 2023")
    assert "Zhejiang 2023" in en_rows and "浙江省 2023" not in en_rows
    chart = panel_page.attention_chart(en)
    assert chart is not None and "Binjiang District, Hangzhou, Zhejiang 2023: most of all Digital economy" in chart.alt


def test_files_left_out_are_listed_under_the_heading(wider):
    en, zh, _ = wider
    head = panel_page.heading(en)
    assert "**Left out**" in head
    assert "notes\\.txt: cannot be read" in head and head.count("notes\\.txt") == 1  # the panel's own and the build's, once
    assert "xihu\\-copy\\-2022\\.txt: a second copy" in head  # the panel's own: a copy
    assert "yuhang\\-2021\\.txt: in no comparison" in head  # the build's
    assert "7 of 10 report files used; 3 left out" in head
    zh_head = panel_page.heading(zh)
    assert "**未采用的报告**" in zh_head and "共10个报告文件，采用7个，未采用3个" in zh_head and "yuhang\\-2021\\.txt：不在任何对比之中" in zh_head


def test_bad_left_out_is_refused(pages):
    en, _ = pages
    with pytest.raises(ParameterError):
        panel_page.of_panel(en.panel, "en", left_out=[{"file": "x.txt", "reason": "lost"}])
    assert "Left out" not in panel_page.heading(en)


def test_amplification_pairs_state_the_difference(pages):
    en, zh = pages
    table = panel_page.amplification_table(en)
    # 西湖区 2023 增长5%左右 against 浙江省 增长5.5%左右: 5 − 5.5; places in English on an en page
    assert "Xihu District" in table and "Zhejiang" in table and "浙江省" not in table
    assert "\\-0\\.5" in table and "target minus the superior" in table
    assert "[chain.csv](chain.csv)" in table
    chart = panel_page.amplification_chart(en)
    assert chart is not None and "Zhejiang" in chart.alt and "-0.5" in chart.alt
    assert "本级目标减去" in panel_page.amplification_table(zh) and "浙江省" in panel_page.amplification_table(zh)


def test_outcomes_by_year(pages):
    en, _ = pages
    # 2022 targets against 2023 results: GDP 6% → 5.5% missed; retail 8%以上 → 9% met; unemployment 5.5%以内 → 5.2% met
    assert panel_page.outcomes_by_year(en) == [(2022, {"met": 2, "missed": 1})]
    chart = panel_page.outcomes_chart(en)
    assert chart is not None and "2022: 2 met, 1 missed" in chart.alt
    assert table_rows(panel_page.outcomes_table(en)) == [["2022", "2", "1"]]


def test_every_chart_has_alt_text_in_its_language(pages):
    for page in pages:
        charts = [panel_page.targets_chart(page), panel_page.binding_chart(page), panel_page.amplification_chart(page),
                  panel_page.outcomes_chart(page), panel_page.attention_chart(page)]
        for chart in charts:
            assert chart is not None and chart.alt and chart.alt != chart.title
            assert bool(re.search(r"[\u4e00-\u9fff]{4}", chart.title)) == (page.lang == "zh")


def test_attention_has_a_row_per_report(pages):
    en, zh = pages
    rows, dicts, values = panel_page.attention_grid(zh)
    assert rows == ["江苏省 2023", "浙江省 2023", "浙江省杭州市西湖区 2022", "浙江省杭州市西湖区 2023"]
    assert panel_page.attention_grid(en)[0] == ["Jiangsu 2023", "Xihu District, Hangzhou, Zhejiang 2022",
                                                "Xihu District, Hangzhou, Zhejiang 2023", "Zhejiang 2023"]
    assert len(values) == 4 and all(len(v) == len(dicts) and all(x is not None and 0 <= x <= 100 for x in v) for v in values)
    assert "[attention.csv](attention.csv)" in panel_page.attention_table(en)


def test_hostile_place_names_stay_text(pages):
    en, _ = pages
    hostile = "<script>x</script>$a$|**b**"
    p = en.panel
    frames = {name: getattr(p, name).copy() for name in ("reports", "targets", "chain", "attention")}
    for f in frames.values():
        f["place"] = f["place"].astype(object).where(f["place"].astype(object) != "浙江省杭州市西湖区", hostile)
    frames["chain"]["superior_place"] = hostile
    from dataclasses import replace

    page = panel_page.PanelPage("zh", replace(p, **frames), ".", en.dictionaries)
    for md in (panel_page.amplification_table(page), panel_page.attention_table(page)):
        assert "<script>" not in md and "&lt;script&gt;" in md and "\\$a\\$" in md and "\\|" in md
    chart = panel_page.attention_chart(page)
    assert chart is not None
    labels = [tick.get_text() for tick in chart.figure.axes[0].get_yticklabels()]
    assert any("\\$a\\$" in label.replace("\n", "") for label in labels)
    chart.png()  # drawn as text, not as math


def test_chinese_page_uses_full_width_punctuation(pages):
    _, zh = pages
    words = t("zh", "panel")
    for key, text in words.items():
        if isinstance(text, str):
            plain = re.sub(r"\{[^}]*\}", "", text)
            assert not re.search(r"[,;:()]|\.(?!\d)", plain), key
    lines = panel_page.heading(zh) + panel_page.outcomes_table(zh)
    assert "下载：[outcomes.csv](outcomes.csv)。" in lines and " 下载" not in lines


def test_bad_language_is_refused(compared_folder):
    with pytest.raises(ParameterError):
        panel_page.open_panel([str(compared_folder)], "fr")


def test_rows_link():
    assert panel_page.rows_link("zh") == "本页报告在研究面板中的行（每个目标一行）：[panel\\-rows\\.csv](panel-rows.csv)。"


@pytest.mark.notebooks
def test_build_writes_the_panel_page_and_its_tables(compared_built):
    from sdr_analysis.panel_tables import read_table

    root, built, _ = compared_built
    out = root / "out"
    assert ("panel", "panel") in built
    names = {p.name for p in (out / "panel").iterdir()}
    for table in ("reports", "targets", "results", "outcomes", "chain", "attention"):
        assert {f"{table}.csv", f"{table}.dictionary.csv"} <= names
    assert {"panel.html", "panel-zh.html", "manifest.json"} <= names
    chain = read_table(out / "panel" / "chain.csv")
    pair = chain[chain["amplification"].notna()]
    assert list(pair["superior_place"]) == ["浙江省"] and list(pair["amplification"]) == [-0.5]
    assert all(not f.startswith("/") for f in chain["file"])
    page = (out / "panel" / "panel-zh.html").read_text(encoding="utf-8")
    assert 'href="chain.csv"' in page and "<script" not in page
    rows = read_table(out / "places-2023" / "panel-rows.csv")
    assert set(rows["year"]) == {2023} and 'href="panel-rows.csv"' in (out / "places-2023" / "places.html").read_text(encoding="utf-8")
    series_rows = read_table(out / "xihu-series" / "panel-rows.csv")
    assert set(series_rows["place"]) == {"浙江省杭州市西湖区"}
    assert 'href="panel/panel.html"' in (out / "index.html").read_text(encoding="utf-8")
