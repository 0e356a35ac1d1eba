"""A report's overview and index open with last year and this year, each item linked to
its sentence, and every figure of the body belongs to a section or to a part's preamble.

Expected values are read from the texts: henan-2026 says ``一年来，…生产总值增长5.6%`` of
2025 and sets ``经济增长5%左右``; its part 一 opens, before its section (一), with
``综合实力稳步提升。生产总值6.66万亿元，…``. national-2018 says ``国内生产总值增长6.9%`` of
2017 and sets ``国内生产总值增长6.5%左右``."""

from __future__ import annotations

import json
import re

import pytest
from test_messages import markdown_text

from conftest import CORPUS, PARTS, ROOT
from sdr_analysis import load_report, parse_report
from sdr_analysis.headlines import (
    last_year,
    last_year_items,
    preamble_lines,
    preambles,
    report_opening,
    report_sources,
    sentence_id,
    this_year,
    this_year_items,
)
from sdr_analysis.index import write_index

LINK = re.compile(r"\[(S\d+)\]\(#\1\)")


def corpus_report(name: str):
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"the real report is absent ({path}); set SDR_CORPUS")
    return load_report(path)


@pytest.fixture(scope="module")
def henan():
    return corpus_report("henan-2026.txt")


@pytest.fixture(scope="module")
def national():
    return corpus_report("national-2018.txt")


@pytest.mark.parametrize("name, growth, target", [
    ("henan", "生产总值增长5.6%", "经济增长5%左右"),
    ("national", "国内生产总值增长6.9%", "国内生产总值增长6.5%左右"),
])
def test_last_year_and_this_year_open_with_gdp_as_the_report_words_it(name, growth, target, request):
    report = request.getfixturevalue(name)
    assert last_year_items(report, "zh")[0].words == growth
    assert this_year_items(report, "zh")[0].words == target
    assert markdown_text(last_year(report, "zh")).startswith(growth)
    assert markdown_text(this_year(report, "zh")).startswith(target)
    assert markdown_text(last_year(report, "en")).startswith(f"GDP: {growth}")


def test_every_item_links_to_the_sentence_that_states_it(henan):
    for items in (last_year_items(henan, "zh"), this_year_items(henan, "zh")):
        for item in items:
            n = int(sentence_id(henan, item.start)[1:])
            assert item.words in re.sub(r"\s", "", henan.sentences[n - 1].text), item


def test_the_overview_sources_hold_every_sentence_it_cites(henan):
    anchors = set(re.findall(r'<a id="(S\d+)"></a>', report_sources(henan, "zh")))
    for part in (last_year, this_year, preamble_lines):
        cited = set(LINK.findall(part(henan, "zh")))
        assert cited and cited <= anchors, part.__name__


def test_a_report_without_a_review_or_targets_says_so():
    report = parse_report("某市人民政府工作报告(2024年1月10日)\n\n  (一)建设。投入资金3亿元。\n")
    assert "no quantified target" in this_year(report, "en")
    assert "GDP" in last_year(report, "en")  # names what it looked for, states no zero


def test_a_part_preamble_holds_the_figures_no_section_does(henan):
    first = preambles(henan)[0]
    assert first.part.marker == "一、"
    texts = [i.text for i in first.figures]
    assert "6.66万亿元" in texts and "7019亿元" in texts
    # none of them is in a section: they are on no section's page
    assert all(henan.section_number_at(i.start) is None for i in first.figures)
    text = markdown_text(preamble_lines(henan, "zh"))
    assert "一、“十四五”时期和2025年工作回顾" in text and "生产总值6.66万亿元" in text and "不属于任何小节" in text


@pytest.mark.parametrize("name", ["henan", "national"])
def test_every_figure_of_the_body_is_in_a_section_or_a_preamble(name, request):
    report = request.getfixturevalue(name)
    placed = {i.start for p in preambles(report) for i in p.figures} | {i.start for i in report_opening(report)}
    body_start, body_end = report.body
    for ind in report.indicators:
        if body_start <= ind.start < body_end:
            assert report.section_number_at(ind.start) is not None or ind.start in placed, ind


def test_a_part_of_sections_only_has_no_preamble_figures():
    report = parse_report(PARTS)
    first, second = preambles(report)
    assert first.figures == []  # (一) follows its heading at once
    assert second.span is None  # 二 is its own section


def test_the_index_opens_with_last_year_and_this_year(henan, tmp_path):
    write_index(henan, tmp_path, ["en", "zh"])
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page
    last, this, table = page.index("Last year"), page.index("This year"), page.index("<table")
    assert last < this < table
    first_last = re.search(r"<li><details><summary>(.*?)</summary>(.*?)</details>", page[last:])
    assert "生产总值增长5.6%" in first_last.group(1)
    assert "一年来" in first_last.group(2) and 'href="overview.html#S' in first_last.group(2)
    first_this = re.search(r"<summary>(.*?)</summary>", page[this:])
    assert "经济增长5%左右" in first_this.group(1)
    # the part's preamble, a line under the part
    assert re.search(r'<tr class="preamble"><td[^>]*>.*?生产总值6.66万亿元.*?overview.html#part-1', page)


def test_the_overview_opens_with_last_year_and_this_year():
    cells = json.loads((ROOT / "notebooks" / "overview.ipynb").read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    at = next(i for i, c in enumerate(code) if "writeup.overview_heading(" in c)
    assert "writeup.last_year(" in code[at + 1] and "writeup.this_year(" in code[at + 2]
    assert "writeup.preamble_lines(" in code[at + 3]
    assert "writeup.report_sources(" in code[-1]
    params = "".join(cells[1]["source"])
    assert re.findall(r"^(\w+):", params, re.M) == ["report_path", "lang", "dictionaries"]


def test_a_change_in_a_preamble_is_stated_whole(national):
    # 一、过去五年工作回顾 opens: 国内生产总值从54万亿元增加到82.7万亿元
    text = markdown_text(preamble_lines(national, "zh"))
    assert "国内生产总值从54万亿元增加到82.7万亿元" in text
    assert "一、过去五年工作回顾" in text.split("国内生产总值从54万亿元")[0]


def test_a_level_quoted_with_its_growth_is_listed_once():
    report = parse_report(
        "某县人民政府工作报告\n一、2022年工作回顾\n过去一年，全县固定资产投资75亿元，增长24%；"
        "一般公共预算收入11.7亿元。\n（一）抓项目。新开工项目20个。\n二、2023年工作安排\n（一）稳增长。\n"
    )
    items = [i.words for i in last_year_items(report, "zh")]
    assert items == ["固定资产投资75亿元，增长24%", "一般公共预算收入11.7亿元"]
