"""The narrative of a section, as an analyst would write it: it leads with what stands
out (a change, a rate, the largest sum), keeps a change whole, weighs the section
against the report's others, and never states a count of none as a finding.

Expected values are read from the seed's text: (四) opens with
``民生支出占比86%,同比提高5个百分点`` and (三) says ``“简易注销”公告期由45天压缩至20天``."""

from __future__ import annotations

import re

import pytest
from test_messages import markdown_text, rendered

from conftest import CORPUS
from sdr_analysis import load_report, parse_report, writeup
from sdr_analysis.messages import counted
from sdr_analysis.outputs import written_up

#: Parts of a write-up page whose text is Markdown, per section and per report.
SECTION_PARTS = ("heading", "themes", "claims", "terms", "narrative", "notes", "sources")
REPORT_PARTS = ("overview_heading", "all_claims", "missing", "links")
#: Tables of a write-up page.
SECTION_TABLES = ("at_a_glance", "indicator_table", "distinctive_table", "domain_table")


def narrative_text(report, key: str, lang: str) -> str:
    return markdown_text(writeup.narrative(report, report.section(key), lang))


def test_section_four_leads_with_its_headline_in_english(seed_report):
    text = narrative_text(seed_report, "四", "en")
    lead = text.split("\n")[0].split(". ")[0]
    assert "民生支出占比 86%, up 5 percentage points year on year" in lead


def test_section_four_leads_with_its_headline_in_chinese(seed_report):
    text = narrative_text(seed_report, "四", "zh")
    first = text.split("。")[0]
    assert "民生支出占比86%,同比提高5个百分点" in first


@pytest.mark.parametrize("lang, whole", [("en", "公告期: cut from 45 to 20 days"), ("zh", "“简易注销”公告期由45天压缩至20天")])
def test_a_change_is_stated_whole(seed_report, lang, whole):
    text = narrative_text(seed_report, "三", lang)
    assert whole in text
    assert "45 days (" not in text and "公告期由45天;" not in text and "公告期由45天；" not in text


def test_a_level_set_is_one_phrase(seed_report):
    assert "最低生活保障标准: raised to 850 yuan" in narrative_text(seed_report, "四", "en")
    assert "最低生活保障标准提升至850元" in narrative_text(seed_report, "四", "zh")


def test_an_item_of_a_list_keeps_the_verb_the_list_shares(seed_report):
    # 新增公办幼儿园2所、省五星级幼儿园1所: both are new
    shown = markdown_text(writeup.themes(seed_report.section("四"), "zh"))
    assert "新增省五星级幼儿园1所" in shown and "新增家庭养老床位700张" in shown
    assert "新增“城市书房”“文化驿站”各1处" in shown  # a figure per item keeps its 各


def test_a_clause_of_two_figures_is_not_quoted_twice(seed_report):
    shown = markdown_text(writeup.themes(seed_report.section("四"), "zh"))
    assert shown.count("投资4000万元升级改造幼儿园27所") == 0
    assert "投资升级改造幼儿园4000万元" in shown and "升级改造幼儿园27所" in shown


def test_the_largest_sum_and_the_share_of_the_report(seed_report):
    text = narrative_text(seed_report, "四", "en")
    # 发放补助资金3084万元 + 投资4000万元 = 7084万元 of 487万 + 7084万 + 5.1亿 = 5.8571亿: 12%
    assert "70.84 million yuan in all: 12% of the money the report states" in text
    assert "the largest is 40 million yuan for 投资升级改造幼儿园" in text
    zh = narrative_text(seed_report, "五", "zh")
    assert "占全文支出金额的87%，为各部分之最" in zh


def test_the_section_is_weighed_against_the_report(seed_report):
    # 21 of the seed's 48 figures; the densest of its four sections, (六) the sparsest
    assert "Its 21 figures are 44% of the report's" in narrative_text(seed_report, "四", "en")
    assert "the densest of its 4 sections" in narrative_text(seed_report, "四", "en")
    assert "数据密度在4个部分中最低" in narrative_text(seed_report, "六", "zh")


def test_claims_to_lead_are_named_and_quotes_nest(seed_report):
    en = narrative_text(seed_report, "四", "en")
    assert "成立全国首家旅游景区退役军人服务中心 (nationwide)" in en
    zh = narrative_text(seed_report, "四", "zh")
    assert "“黑石礁小学获评‘全国国防教育示范学校’”" in zh
    assert "““" not in zh and "””" not in zh


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_ellipsis_in_the_narrative(seed_report, lang):
    for sec in seed_report:
        assert "…" not in narrative_text(seed_report, sec.key, lang)


def test_a_section_with_no_theme_and_no_figure_says_so_without_a_zero():
    report = parse_report("(一)经济。\n  新增就业2万人。\n(二)作风建设。\n  坚持从严治党。\n")
    for lang in ("en", "zh"):
        text = narrative_text(report, "二", lang)
        assert not re.search(r"(?<![\d.])0(?![\d.])", text), text
    assert "It states no figures; the report's other sections state one figure." in narrative_text(report, "二", "en")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_counting_none_is_refused(lang):
    with pytest.raises(ValueError):
        counted(lang, "themes", 0)
    assert counted(lang, "themes", 2) == {"en": "2 themes", "zh": "2个主题"}[lang]


def plan_report():
    return parse_report(
        "某市人民政府工作报告(2024年1月10日)\n\n一、2024年工作安排\n\n"
        "  (一)稳增长。今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业2万人以上。\n\n"
        "  (二)惠民生。新建学校3所。\n"
    )


def test_targets_of_a_plan_are_stated():
    report = plan_report()
    sec = report.section("一")
    if not [x for x in report.targets if sec.start <= x.start < sec.end]:
        pytest.skip("the targets of this short text are not found by the parser")
    assert "地区生产总值增长6%左右" in markdown_text(writeup.narrative(report, sec, "zh"))
    assert "about 6%" in markdown_text(writeup.narrative(report, sec, "en"))


# every page of a report, in both languages: no count of none, no money of nothing


ZERO = re.compile(r"(?<![\d.,])0 (themes|figures|sums|claims|yuan)|(?<![\d.,])0(万元|亿元|元|个主题|项数据)|reports on 0")


def page_texts(report, lang: str):
    """The text of every part of every page of ``report`` in ``lang``, as a reader sees
    it: Markdown parts and tables rendered to HTML."""
    for sec in written_up(report):
        for name in SECTION_PARTS:
            fn = getattr(writeup, name)
            md = fn(report, sec, lang) if name in ("heading", "narrative", "notes") else fn(sec, lang)
            yield f"{sec.key} {name}", markdown_text(md)
        for name in SECTION_TABLES:
            fn = getattr(writeup, name)
            frame = fn(sec, lang) if name in ("indicator_table", "domain_table") else fn(report, sec, lang)
            yield f"{sec.key} {name}", rendered(frame.to_html()).text
    for name in REPORT_PARTS:
        yield name, markdown_text(getattr(writeup, name)(report, lang))
    yield "sections_table", rendered(writeup.sections_table(report, lang).to_html()).text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_seed_pages_state_no_zero(seed_report, lang):
    for where, text in page_texts(seed_report, lang):
        assert not ZERO.search(text), (where, ZERO.search(text).group(0))


CORPUS_REPORT = CORPUS / "henan-2026.txt"


@pytest.fixture(scope="module")
def corpus_report():
    if not CORPUS_REPORT.is_file():
        pytest.skip(f"the real report is absent ({CORPUS_REPORT}); set SDR_CORPUS")
    return load_report(CORPUS_REPORT)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_full_report_states_no_zero(corpus_report, lang):
    seen = 0
    for where, text in page_texts(corpus_report, lang):
        assert not ZERO.search(text), (where, ZERO.search(text).group(0))
        seen += 1
    assert seen > 20


def test_a_full_report_has_sections_without_themes_and_says_nothing_of_them(corpus_report):
    # the review of 2025 (part 一) has sections whose paragraphs open with no lead sentence
    without = [s for s in written_up(corpus_report) if not s.themes]
    assert without
    for sec in without:
        text = markdown_text(writeup.narrative(corpus_report, sec, "en"))
        assert "theme" not in text
