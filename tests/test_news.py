"""A section's page opens with its news, chosen by news value, and ends with its counts.

Expected values are read from the texts: the seed's (四) opens with
``民生支出占比86%,同比提高5个百分点`` and says ``成立全国首家旅游景区退役军人服务中心``;
its (三) says ``“简易注销”公告期由45天压缩至20天`` and, later, ``5200余万元`` of loans."""

from __future__ import annotations

import json
import re

import pytest
from test_messages import markdown_text

from conftest import CORPUS, ROOT
from sdr_analysis import load_report, parse_report, writeup
from sdr_analysis.news import counts, initiatives, news

LINK = re.compile(r"\[(S\d+)\]\(#\1\)")


def first_sentence(text: str, lang: str) -> str:
    return re.split(r"。" if lang == "zh" else r"(?<=\.) (?=\S)", text)[0]


def sentence_of(sec, sid: str) -> str:
    ids = {v: k for k, v in sec.sentence_ids.items()}
    return next(s.text for s in sec.sentences if s.start == ids[sid])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_section_four_leads_with_its_share_and_its_change(seed_report, lang):
    sec = seed_report.section("四")
    md = news(seed_report, sec, lang)
    lead = first_sentence(markdown_text(md), lang)
    if lang == "zh":
        assert "民生支出占比86%,同比提高5个百分点" in lead
    else:
        assert "86%" in lead and "up 5 percentage points" in lead
    # its link leads to the sentence that says it
    sid = LINK.search(md).group(1)
    assert "民生支出占比86%,同比提高5个百分点" in sentence_of(sec, sid)


def test_section_four_names_its_national_first_and_its_initiative(seed_report):
    text = markdown_text(news(seed_report, seed_report.section("四"), "zh"))
    assert "成立全国首家旅游景区退役军人服务中心（全国）" in text
    assert "“六心”工程" in text
    # its counts are not its news
    assert "个主题" not in text and "每千字" not in text


def test_a_change_stated_whole_leads_a_sum_of_loans(seed_report):
    lead = first_sentence(markdown_text(news(seed_report, seed_report.section("三"), "zh")), "zh")
    assert "“简易注销”公告期由45天压缩至20天" in lead
    assert "5200余万元" not in lead


#: A section that opens with its spending and that spending's share, and reports a
#: clearance rate of 100% and a count of none further on.
SAFETY = """某市人民政府工作报告(2024年1月10日)

  (一)平安建设扎实推进。全年公共安全支出3.2亿元,占一般公共预算支出的12%。

  治安防控有力有效。命案破案率100%,新增视频监控探头500个,全年较大事故0起。
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_opening_spending_leads_not_a_rate_of_one_hundred_percent(lang):
    report = parse_report(SAFETY)
    sec = report.section("一")
    text = markdown_text(news(report, sec, lang))
    lead = first_sentence(text, lang)
    assert ("3.2亿元" if lang == "zh" else "320 million yuan") in lead
    assert "100%" not in lead
    assert "12%" in text
    # a figure of none is never a finding
    assert not re.search(r"(?<![\d.])0起|(?<![\d.,])0 \(起\)", text)


def test_news_is_two_to_four_sentences_of_quotable_text(seed_report):
    for sec in seed_report.sections:
        md = news(seed_report, sec, "zh")
        text = markdown_text(md)
        assert 1 <= text.count("。") <= 4, (sec.key, text)
        assert LINK.search(md), sec.key  # its numbers point at their sentences
        assert set(LINK.findall(md)) <= set(sec.sentence_ids.values())


def test_a_section_without_figures_opens_with_its_first_sentence():
    report = parse_report("某市人民政府工作报告(2024年1月10日)\n\n  (一)加强党的建设。坚持党的全面领导,落实全面从严治党。\n")
    text = markdown_text(news(report, report.section("一"), "zh"))
    assert "坚持党的全面领导,落实全面从严治党。" in text


def test_named_initiatives_are_programmes_not_slogans(seed_report):
    named = initiatives(seed_report.section("四"))
    assert "“六心”工程" in named
    assert not any("急难愁盼" in n for n in named)  # a slogan, quoted


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_counts_are_the_footnote(seed_report, lang):
    text = markdown_text(counts(seed_report, seed_report.section("四"), lang))
    # (四) has three themes: 社会保障更加坚实, 社会事业协调发展, 文体事业绽放活力
    assert ("3 themes" if lang == "en" else "3个主题") in text


def test_report_text_in_the_news_is_escaped():
    report = parse_report("某市人民政府工作报告(2024年1月10日)\n\n  (一)建设。投入资金3亿元<script>x</script>建设[链接](http://x.test)“*星*工程”。\n")
    md = news(report, report.section("一"), "zh")
    assert "<script>" not in md and "](http" not in md


def test_the_section_page_opens_with_its_news_and_ends_with_its_counts():
    cells = json.loads((ROOT / "notebooks" / "section.ipynb").read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    at = next(i for i, c in enumerate(code) if "writeup.heading(" in c)
    assert "writeup.news(" in code[at + 1]
    assert "writeup.counts(" in code[-1]
    assert not any("at_a_glance" in c for c in code)
    params = "".join(cells[1]["source"])
    assert re.findall(r"^(\w+):", params, re.M) == ["report_path", "section", "lang", "dictionaries"]


def test_a_full_report_has_news_on_every_page():
    path = CORPUS / "henan-2026.txt"
    if not path.is_file():
        pytest.skip(f"the real report is absent ({path}); set SDR_CORPUS")
    report = load_report(path)
    for sec in report.sections:
        for lang in ("en", "zh"):
            md = writeup.news(report, sec, lang)
            assert md, (sec.key, lang)
            if lang == "zh":
                assert 1 <= markdown_text(md).count("。") <= 4, (sec.key, md)


MONEY_REPORT = """（一）加快城市建设。
全年投资3亿元新建学校5所，其中投入1亿元改造操场。发放各类补贴2000万元。片区更新项目总投资10亿元。
（二）保障民生。
全年新增就业5000人。
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_money_names_the_largest_amounts_one_by_one_and_the_total_the_report_states(lang):
    report = parse_report(MONEY_REPORT)
    md = writeup.money(report.section("一"), lang)
    text = markdown_text(md)
    if lang == "zh":
        for figure in ("3亿元", "1亿元", "10亿元"):
            assert figure in text
        totals = text.split("报告所述总额")[1]
        assert "10亿元" in totals and "3亿元" not in totals
        # the three largest added up (14亿元), or the section's spending (4.2亿元), is no figure of the text
        assert "14亿元" not in text and "4.2亿元" not in text
    else:
        for figure in ("300 million yuan", "1 billion yuan"):
            assert figure in text
        assert "Totals the report states" in text
        assert "1.4 billion" not in text and "420 million" not in text
    # every amount links to its sentence
    assert len(LINK.findall(md)) == text.count("S")


def test_a_section_without_money_says_nothing_of_money():
    report = parse_report(MONEY_REPORT)
    assert writeup.money(report.section("二"), "en") == ""
