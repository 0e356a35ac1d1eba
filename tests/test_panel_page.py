"""The panel page's parts without a kernel: its tables, charts' alt texts, report text
kept as text, Chinese punctuation; and the page built by ``build --only comparisons``.
The reports are conftest's COMPARED: 西湖区 in 2022 and 2023, 浙江省 and 江苏省 in 2023."""

from __future__ import annotations

import re

import pytest

from sdr_analysis import ParameterError, panel_page
from sdr_analysis.messages import t


@pytest.fixture(scope="module")
def pages(compared_folder):
    en = panel_page.open_panel([str(compared_folder)], "en")
    return en, panel_page.of_panel(en.panel, "zh")


def test_targets_by_level_and_year(pages):
    en, _ = pages
    rows = {(r["year"], r["level"]): r for r in panel_page.targets_by_level_year(en)}
    # 江苏 增长5%以上 (hard), 浙江 增长5.5%左右 (soft); 西湖区 6%左右 in 2022, 5%左右 in 2023
    assert rows[2023, "province"]["reports"] == 2 and rows[2023, "province"]["set"] == 2
    assert (rows[2023, "province"]["hard"], rows[2023, "province"]["soft"]) == (1, 1)
    assert (rows[2023, "province"]["about"], rows[2023, "province"]["more_than"]) == (1, 1)
    assert rows[2022, "district"]["median"] == 6 and rows[2023, "district"]["median"] == 5
    assert "[targets.csv](targets.csv)" in panel_page.targets_table(en)


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


def test_every_chart_has_alt_text_in_its_language(pages):
    for page in pages:
        charts = [panel_page.targets_chart(page), panel_page.binding_chart(page), panel_page.amplification_chart(page),
                  panel_page.outcomes_chart(page), panel_page.attention_chart(page, "year"), panel_page.attention_chart(page, "place")]
        for chart in charts:
            assert chart is not None and chart.alt and chart.alt != chart.title
            assert bool(re.search(r"[\u4e00-\u9fff]{4}", chart.title)) == (page.lang == "zh")


def test_attention_tables_have_a_row_per_year_and_place(pages):
    en, zh = pages
    cols, dicts, values = panel_page.attention_grid(zh, "place")
    assert cols == sorted(["江苏省", "浙江省", "浙江省杭州市西湖区"])
    assert sorted(panel_page.attention_grid(en, "place")[0]) == ["Jiangsu", "Xihu District, Hangzhou, Zhejiang", "Zhejiang"]
    assert len(values) == len(dicts) and all(len(v) == 3 and all(0 <= x <= 100 for x in v) for v in values)
    assert panel_page.attention_grid(en, "year")[0] == ["2022", "2023"]
    assert "[attention.csv](attention.csv)" in panel_page.attention_table(en, "year")


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
    for md in (panel_page.amplification_table(page), panel_page.attention_table(page, "place")):
        assert "<script>" not in md and "&lt;script&gt;" in md and "\\$a\\$" in md and "\\|" in md
    chart = panel_page.attention_chart(page, "place")
    assert chart is not None
    labels = [tick.get_text() for tick in chart.figure.axes[0].get_xticklabels()]
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
def test_build_writes_the_panel_page_and_its_tables(compared_folder, tmp_path):
    from sdr_analysis.collection import build_many
    from sdr_analysis.panel_tables import read_table

    out = tmp_path / "out"
    built = build_many([compared_folder], out=out, only="comparisons", say=lambda line: None)
    assert ("panel", "panel") in [(b.kind, b.folder.name) for b in built]
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
