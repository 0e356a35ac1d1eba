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
from sdr_analysis.narrative import narrative
from sdr_analysis.outputs import written_up
from sdr_analysis.phrases import sentence_ids, summary_of
from sdr_analysis.summary import report_density
from sdr_analysis.wording import figure_words

#: Parts of a write-up page whose text is Markdown, per section and per report.
SECTION_PARTS = ("heading", "news", "themes", "claims", "terms", "narrative", "notes", "sources", "counts")
REPORT_PARTS = ("overview_heading", "last_year", "this_year", "preamble_lines", "all_claims", "missing", "links", "report_sources")
#: Tables of a write-up page.
SECTION_TABLES = ("indicator_table", "distinctive_table", "domain_table")


#: A district's short report: (一) with figures of two qualifiers and a first in the
#: province, (三) with a change and a figure per item.
DISTRICT = """某省某市某区人民政府工作报告(2023年1月5日)

  (一)稳定经济增长。全区经济稳中有进。

  招商引资成效明显。引进项目30余个,到位资金约12亿元。在全省率先设立企业服务中心。

  (三)改善民生。民生投入占比80%,同比提高3个百分点。

  教育事业发展。新建学校2所,各配备校医1名。
"""


def narrative_text(report, key: str, lang: str) -> str:
    return markdown_text(narrative(report, report.section(key), lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_narrative_numbers_are_parsed_figures(lang):
    report = parse_report(DISTRICT)
    sec = report.section("一")
    text = narrative(report, sec, lang)
    cited = re.findall(r"\[(S\d+)\]\(#\1\)", text)
    assert cited and set(cited) <= set(sentence_ids(sec).values())
    spoken = {figure_words(i, lang) for i in sec.indicators}
    shown = markdown_text(text)
    # besides the figures: counts, and the section's weight in the report (its share of the
    # report's figures, its figures per 1,000 characters against the report's)
    summary = summary_of(report, sec)
    share = round(100 * summary.indicators / sum(s.indicators for s in report.summaries))
    stats = {str(len(sec.indicators)), str(len(sec.themes)), "1", str(share), str(summary.density), "1,000",
             str(report_density(report.summaries))}
    for number in re.findall(r"\d[\d,.]*\d|\d", re.sub(r"S\d+|[（(][^)）]*[)）]|Section \S+|第\S+部分", "", shown)):
        assert any(number in s for s in spoken) or number in stats, number


def test_narrative_names_the_largest_sum_spent_not_the_largest_money(seed_report):
    text = narrative(seed_report, seed_report.section("三"), "en")
    assert r"Its one sum spent is 4\.87 million yuan for 旅行社退返质保金" in text  # the narrative escapes the stop
    assert "52 million" not in text.split("Its one sum spent")[1]


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


def test_the_largest_sum_is_named_and_no_total_or_share_is_made_up(seed_report):
    text = narrative_text(seed_report, "四", "en")
    # (四) states 发放补助资金3084万元 and 投资4000万元: two sums spent, the largest 4000万元;
    # their sum (7084万元) and its share of the report's money are stated nowhere
    assert "It states 2 sums spent; the largest is 40 million yuan for 投资升级改造幼儿园" in text
    assert "70.84" not in text and "in all" not in text and "money the report states" not in text
    zh = narrative_text(seed_report, "四", "zh")
    assert "本部分列出2笔支出，其中最大一笔是投资升级改造幼儿园4000万元" in zh
    assert "7084" not in zh and "共" not in zh.split("本部分列出")[1].split("。")[0]
    assert "占全文支出金额" not in narrative_text(seed_report, "五", "zh")


def test_a_total_the_report_states_is_named_as_its_own():
    report = parse_report("  (一)甲。实施重点项目10个，总投资12亿元，其中投入资金3亿元建设学校，投入资金2亿元建设医院。\n")
    text = narrative_text(report, "一", "zh")
    # 总投资12亿元 is the report's own total: named as one; 3亿元 + 2亿元 is never added
    assert "报告自述的总额：" in text and "总投资12亿元" in text
    assert "5亿元" not in text


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
    assert "地区生产总值增长6%左右" in markdown_text(narrative(report, sec, "zh"))
    assert "about 6%" in markdown_text(narrative(report, sec, "en"))


# every page of a report, in both languages: no count of none, no money of nothing


ZERO = re.compile(r"(?<![\d.,])0 (themes|figures|sums|claims|yuan)|(?<![\d.,])0(万元|亿元|元|个主题|项数据)|reports on 0")


def page_texts(report, lang: str):
    """The text of every part of every page of ``report`` in ``lang``, as a reader sees
    it: Markdown parts and tables rendered to HTML."""
    for sec in written_up(report):
        for name in SECTION_PARTS:
            fn = getattr(writeup, name)
            md = fn(report, sec, lang) if name in ("heading", "news", "narrative", "notes", "counts") else fn(sec, lang)
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
        text = markdown_text(narrative(corpus_report, sec, "en"))
        assert "theme" not in text
