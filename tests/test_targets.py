"""Targets (what a report promises for the coming year) and results (what its review
says the past year came to): case tables in our own words and numbers, and the real
reports against their expected answers."""

from __future__ import annotations

import json

import pytest

from sdr_analysis import load_report, parse_report
from sdr_analysis.targets import find_passages, measure_of, measures


def report(passage: str, review: str = "全年地区生产总值完成812.4亿元，同比增长6.3%。", cue: str = "今年经济社会发展的主要预期目标是：") -> str:
    """A small report of a review part and a plan part whose targets passage is
    ``cue + passage``."""
    return f"""某市人民政府工作报告(2024年1月12日)

一、2023年工作回顾

  过去一年，我们攻坚克难，各项工作取得新进展。{review}

  (一)产业升级步伐加快。新建项目18个。

二、2024年工作安排

  今年是实施规划的关键之年。{cue}{passage}

  为实现上述目标，重点抓好以下6个方面工作。

  (一)扩大有效投资。开工项目30个。
"""


def targets_of(passage: str, **kw):
    return [t for t in parse_report(report(passage, **kw)).targets if t.horizon == "year"]


def shape(t):
    return (t.text, t.name, t.value, t.value_max, t.unit, t.qualifier)


#: (passage, expected targets: text, name, value, value_max, unit, qualifier)
CASES = [
    # 左右: about
    ("地区生产总值增长6.5%左右。",
     [("地区生产总值增长6.5%左右", "地区生产总值增长", 6.5, None, "%", "about")]),
    # 以上: more than; a count in 万人 is in people
    ("城镇新增就业3.2万人以上；地区生产总值增长7%。",
     [("城镇新增就业3.2万人以上", "城镇新增就业", 32000, None, "人", "more_than"),
      ("地区生产总值增长7%", "地区生产总值增长", 7, None, "%", "exact")]),
    # 控制在…以内: the filler leaves the name, 以内 is less than
    ("城镇登记失业率控制在4%以内，居民消费价格涨幅3.5%左右。",
     [("城镇登记失业率控制在4%以内", "城镇登记失业率", 4, None, "%", "less_than"),
      ("居民消费价格涨幅3.5%左右", "居民消费价格涨幅", 3.5, None, "%", "about")]),
    # 控制在 without 以内: the figure's own qualifier
    ("单位地区生产总值能耗下降2.8%，细颗粒物平均浓度控制在31微克/立方米。",
     [("单位地区生产总值能耗下降2.8%", "单位地区生产总值能耗下降", 2.8, None, "%", "exact"),
      ("细颗粒物平均浓度控制在31微克/立方米", "细颗粒物平均浓度", 31, None, "微克/立方米", "exact")]),
    # 分别…和…: one target per figure, 城乡 is the urban one then the rural one
    ("城乡居民人均可支配收入分别增长6.8%和7.9%左右。",
     [("城乡居民人均可支配收入分别增长6.8%", "城镇居民人均可支配收入增长", 6.8, None, "%", "exact"),
      ("7.9%左右", "农村居民人均可支配收入增长", 7.9, None, "%", "about")]),
    # a 分别 list of items naming the shared part once; the bound after its last figure
    # bounds every figure of it
    ("一产、二产增加值分别增长3.1%、6.6%以上。",
     [("一产、二产增加值分别增长3.1%", "一产增加值增长", 3.1, None, "%", "more_than"),
      ("6.6%以上", "二产增加值增长", 6.6, None, "%", "more_than")]),
    # two measures joined by 和, both held under one ceiling
    ("城镇登记失业率和城镇调查失业率分别控制在4.2%和5.3%以内。",
     [("城镇登记失业率和城镇调查失业率分别控制在4.2%", "城镇登记失业率", 4.2, None, "%", "less_than"),
      ("5.3%以内", "城镇调查失业率", 5.3, None, "%", "less_than")]),
    ("城乡居民人均可支配收入分别增长6.2%和7.4%以上。",
     [("城乡居民人均可支配收入分别增长6.2%", "城镇居民人均可支配收入增长", 6.2, None, "%", "more_than"),
      ("7.4%以上", "农村居民人均可支配收入增长", 7.4, None, "%", "more_than")]),
    # a figure's own qualifier stays its own
    ("一产、二产增加值分别增长3%左右、5%以上。",
     [("一产、二产增加值分别增长3%左右", "一产增加值增长", 3, None, "%", "about"),
      ("5%以上", "二产增加值增长", 5, None, "%", "more_than")]),
    # 在 after the verb only leads to the figure
    ("地区生产总值增长在8.5%左右，一般公共预算收入增长在7%以上。",
     [("地区生产总值增长在8.5%左右", "地区生产总值增长", 8.5, None, "%", "about"),
      ("一般公共预算收入增长在7%以上", "一般公共预算收入增长", 7, None, "%", "more_than")]),
    # a rate per thousand is a target though its measure is in no table
    ("人口自然增长率控制在6.5‰以内。",
     [("人口自然增长率控制在6.5‰以内", "人口自然增长率", 6.5, None, "‰", "less_than")]),
    # 分别 before one figure: one target for both, 分别 left out of the name
    ("城乡居民人均可支配收入分别增长8.4%。",
     [("城乡居民人均可支配收入分别增长8.4%", "城乡居民人均可支配收入增长", 8.4, None, "%", "exact")]),
    # a growth and a level of one measure; a clause that is only a verb takes the measure
    ("地区生产总值增长9%，达到356亿元；固定资产投资完成140亿元，同比增长12%。",
     [("地区生产总值增长9%", "地区生产总值增长", 9, None, "%", "exact"),
      ("356亿元", "地区生产总值", 35_600_000_000, None, "元", "exact"),
      ("固定资产投资完成140亿元", "固定资产投资", 14_000_000_000, None, "元", "exact"),
      ("12%", "固定资产投资增长", 12, None, "%", "exact")]),
    # a range with the unit on both ends; the scope word is not part of the name
    ("全市地区生产总值增长5.5%—6%，在实际工作中争取更好结果。",
     [("地区生产总值增长5.5%—6%", "地区生产总值增长", 5.5, 6, "%", "range")]),
    # 超过 before the figure: more than
    ("粮食产量超过27亿斤，进出口总额增长4%。",
     [("粮食产量超过27亿斤", "粮食产量", 2_700_000_000, None, "斤", "more_than"),
      ("进出口总额增长4%", "进出口总额增长", 4, None, "%", "exact")]),
    # qualitative targets give nothing; two names joined by 、 with 均 are one measure
    ("居民收入增长与经济增长同步，城镇居民收入、农村居民收入均增长7%。",
     [("城镇居民收入、农村居民收入均增长7%", "城镇居民收入、农村居民收入增长", 7, None, "%", "exact")]),
    # a passage over two sentences
    ("地区生产总值增长6%左右。社会消费品零售总额增长8%以上。",
     [("地区生产总值增长6%左右", "地区生产总值增长", 6, None, "%", "about"),
      ("社会消费品零售总额增长8%以上", "社会消费品零售总额增长", 8, None, "%", "more_than")]),
]


@pytest.mark.parametrize("passage, expected", CASES, ids=[c[0][:14] for c in CASES])
def test_target_wording(passage, expected):
    assert [shape(t) for t in targets_of(passage)] == expected


def test_target_spans_are_the_text():
    text = report("地区生产总值增长6.5%左右；城镇调查失业率5.2%左右。")
    for t in parse_report(text).targets:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize("passage", ["地区生产总值增长在8.5%左右。", "地区生产总值增长8.5%左右。", "地区生产总值增长率8.5%左右。",
                                     "生产总值增速8.5%左右。"])
def test_a_growth_target_is_a_change_however_worded(passage):
    (t,) = targets_of(passage)
    assert (t.measure, t.change, t.value) == ("gdp", True, 8.5)


def test_a_share_in_percent_is_no_change():
    (t,) = targets_of("服务业增加值占地区生产总值比重达到52%。")
    assert (t.value, t.change) == (52, False)


def test_striving_makes_a_target_soft():
    found = targets_of("地区生产总值增长6%左右，力争增长7%；一般公共预算收入增长5%。")
    assert [(t.value, t.soft) for t in found] == [(6, False), (7, True), (5, False)]
    assert found[1].name == "地区生产总值增长"  # the verb-only clause takes the measure before


def test_a_relative_target_names_its_benchmark():
    (t,) = targets_of("农村居民人均可支配收入增速高于全省平均水平0.8个百分点。")
    assert (t.name, t.relative_to, t.value, t.unit, t.measure) == (
        "农村居民人均可支配收入增速", "全省平均水平", 0.8, "个百分点", "income_rural")


def test_the_passage_ends_where_the_report_turns_to_tasks():
    # the 6 of "以下6个方面工作" and the 30 of the section after are no targets
    found = targets_of("地区生产总值增长6%。这些目标综合考虑了各方面因素，要抓好10项工作。")
    assert [t.value for t in found] == [6]


def test_a_cue_broken_over_lines():
    text = report("", cue="今年经济社会发展的\n主要预期目标\n是：地区生产总值增长5.5%左右，城镇新增就业1.1万人。")
    assert [(t.text, t.measure) for t in parse_report(text).targets] == [
        ("地区生产总值增长5.5%左右", "gdp"), ("城镇新增就业1.1万人", "urban_jobs")]


def test_a_report_without_a_passage_has_no_targets_and_says_so():
    text = report("", cue="今年要扎实做好各项工作，地区生产总值增长6%。")
    r = parse_report(text)
    assert r.targets == []
    assert any("targets" in note for note in r.notes)


def test_a_target_not_set_on_purpose():
    text = report("城镇调查失业率5.5%左右。今年不设地区生产总值增长具体目标，着力提高发展质量。")
    r = parse_report(text)
    assert [(t.measure, t.absent, t.value) for t in r.targets_absent] == [("gdp", "explicit", None)]
    assert [t.measure for t in r.targets] == ["unemployment"]


def test_five_year_goals_are_kept_apart():
    text = report("地区生产总值增长6%左右。") + "\n  “十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5.5%左右，城镇化率达到70%。\n"
    r = parse_report(text)
    assert [(t.value, t.horizon) for t in r.targets] == [(6, "year"), (5.5, "five_year"), (70, "five_year")]


def test_a_review_holds_no_targets():
    # "完成了主要预期目标" in the review is no passage
    text = report("地区生产总值增长6%。", review="全面完成主要预期目标：地区生产总值增长8%。")
    r = parse_report(text)
    assert [t.value for t in r.targets] == [6]
    assert all(r.parts[1].start <= p.start for p in find_passages(r.document))


@pytest.mark.parametrize(
    "name, key",
    [
        ("地区生产总值增长", "gdp"),
        ("经济增长", "gdp"),
        ("单位地区生产总值能耗下降", "energy_intensity"),  # the longest word decides
        ("人均地区生产总值", "gdp_per_capita"),
        ("规上工业增加值增长", "industry"),
        ("居民消费价格指数涨幅", "cpi"),
        ("CPI涨幅", "cpi"),
        ("城镇调查失业率", "unemployment"),
        ("农民人均纯收入增长", "income_rural"),
        ("外贸进出口总值增长", "trade"),
        ("新能源产业产值增长", "other"),
    ],
)
def test_measure_of(name, key):
    assert measure_of(name) == key


def test_every_measure_has_names_words_and_a_goal():
    for m in measures().values():
        assert m.en and m.zh and m.words and m.goal in ("floor", "ceiling")
        assert measure_of(m.zh) == m.key, m.key  # its own Chinese name reads as itself


#: (review sentence, measure, expected growth, expected level in base units)
RESULT_CASES = [
    ("全年地区生产总值完成812.4亿元，同比增长6.3%。", "gdp", 6.3, 81_240_000_000),
    ("地区生产总值达到1.2万亿元、增长5.1%，好于预期。", "gdp", 5.1, 1_200_000_000_000),
    ("地区生产总值完成402亿元，按可比价计算，增长4.4%。", "gdp", 4.4, 40_200_000_000),
    # a five-year rate is not the year's; a later sentence gives it
    ("地区生产总值突破2万亿元、年均增长6.2%。全年地区生产总值增长5.7%。", "gdp", 5.7, None),
    ("城镇调查失业率4.9%，居民消费价格上涨0.3%。", "unemployment", None, 4.9),
    ("城镇调查失业率4.9%，居民消费价格上涨0.3%。", "cpi", 0.3, None),
    # a figure after another measure belongs to that one
    ("地区生产总值保持稳定，社会消费品零售总额增长3.3%。", "gdp", None, None),
    # a list of measures is not read
    ("城镇、农村居民人均可支配收入分别增长5.1%、6.4%。", "income_rural", None, None),
    # a part of the economy is not the economy; a level one clause on is another thing's
    ("县域经济增长5.5%以上，主导产业产值突破1.5万亿元。全省生产总值增长5.1%。", "gdp", 5.1, None),
    ("经济总量超200亿元县2个，园区产值超过100亿元。", "gdp", None, None),
    ("规上企业研发经费投入增长14.2%。", "rd", None, None),
    # a change on the year before is the year's; one on an earlier year is not
    ("全市生产总值较上年增长6.1%。", "gdp", 6.1, None),
    ("地区生产总值比去年增长5.9%。", "gdp", 5.9, None),
    ("地区生产总值较2020年增长25%。全年地区生产总值增长6.2%。", "gdp", 6.2, None),
    ("生产总值增长6%。", "gdp", 6, None),
]


@pytest.mark.parametrize("review, key, growth, level", RESULT_CASES, ids=[c[0][:12] for c in RESULT_CASES])
def test_results(review, key, growth, level):
    r = parse_report(report("地区生产总值增长6%。", review=review))
    got_growth, got_level = r.result(key), r.result(key, change=False)
    assert (got_growth.value if got_growth else None) == growth
    assert (got_level.value if got_level else None) == level


def test_the_real_reports_targets_and_gdp_results(all_gold):
    tp = fp = fn = 0
    gdp_wrong = []
    missed = []
    for gold, path in all_gold:
        r = load_report(path)

        def key(t):
            return (t["start"], t["text"], float(t["value"]), t["unit"], t["qualifier"],
                    None if t.get("value_max") is None else float(t["value_max"]))

        expected = {key(t) for t in gold["targets"]}
        found = {key(t.to_dict()) for t in r.targets if t.horizon == "year"}
        tp, fp, fn = tp + len(expected & found), fp + len(found - expected), fn + len(expected - found)
        missed += [f"{path.name} missed {t}" for t in sorted(expected - found)]
        missed += [f"{path.name} not in the gold {t}" for t in sorted(found - expected)]
        result = r.result("gdp")
        stated = gold["gdp_growth_previous_year"]
        if (result.value if result else None) != stated:
            gdp_wrong.append(f"{path.name}: {result.value if result else None}, gold {stated}")
        if result is not None:  # the growth rate as written, in the review
            assert r.document.text[result.start : result.end] == result.text, path.name
            assert any(p.start <= result.start < p.end and p.period == "review" for p in r.parts), path.name
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print("\n".join(missed))
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, tp, fp, fn, missed)
    assert not gdp_wrong, gdp_wrong


#: Where each review of the corpus looks back on the five years of a plan rather than
#: on the past year, read in the texts: (first words of the stretch, first words after
#: it), ``None`` for the start or end of the review part. No result may come from them.
FIVE_YEAR_STRETCHES = {
    "anhui-2026": [("回望“十四五”", None)],
    "beijing-2026": [],  # the five years have a part of their own
    "fujian-2026": [("过去的五年极不平凡", None)],
    "gansu-2026": [(None, "刚刚过去的2025年"), ("甘肃五年来发展成就", None)],
    "guangdong-2026": [("经过五年接续奋斗", None)],
    "hebei-2026": [(None, "刚刚过去的2025年"), ("过去五年，我们扎实开展", None)],
    "henan-2026": [("过去的五年极不寻常", "刚刚过去的2025年")],
    "hunan-2026": [("“十四五”时期是我们感恩奋进", None)],
    "jilin-2026": [("“十四五”时期是吉林", None)],
    "national-2018": [(None, "刚刚过去的2017年"), ("过去五年取得的全方位", None)],
    "neimenggu-2026": [(None, "刚刚过去的2025年"), ("五年历程极不寻常", None)],
    "ningxia-2026": [("过去五年，我们牢记嘱托", None)],
    "shaanxi-2026": [("五年来，我们牢记嘱托", None)],
    "shanghai-2026": [],
    "sichuan-2026": [("过去五年，发展历程", None)],
    "xinjiang-2026": [(None, "刚刚过去的2025年"), ("过去五年特别是2025年", None)],
    "yunnan-2026": [(None, "刚刚过去的2025年")],
}


def test_no_result_is_said_of_the_five_years(corpus_gold):
    paths = {path.stem: path for _, path in corpus_gold}
    assert set(FIVE_YEAR_STRETCHES) <= set(paths)
    for name, stretches in FIVE_YEAR_STRETCHES.items():
        r = load_report(paths[name])
        text = r.document.text
        review = next(p for p in r.parts if p.period == "review")
        for first, after in stretches:
            start = review.start if first is None else text.index(first, review.start)
            end = review.end if after is None else text.index(after, start)
            assert review.start <= start < end <= review.end, (name, first)
            inside = [(x.measure, x.value) for x in r.results if start <= x.start < end]
            assert not inside, (name, first, inside)
        # at most one level and one change of each measure
        keys = [(x.measure, x.change) for x in r.results]
        assert len(keys) == len(set(keys)), name


def test_the_years_results_not_the_five_years(corpus_gold):
    """What the 2026 reports say of 2025, read in their texts, where they also give the
    same measure over the five years of the 十四五 plan."""
    paths = {path.stem: path for _, path in corpus_gold}
    henan, yunnan, gansu, jilin = (load_report(paths[n]) for n in ("henan-2026", "yunnan-2026", "gansu-2026", "jilin-2026"))
    # henan: 603.7万 new urban jobs over five years, 121.7万 in 2025
    assert henan.result("urban_jobs", change=False).value == 1_217_000
    assert henan.result("gdp").value == 5.6
    assert henan.result("gdp", change=False) is None  # 6.66万亿元 is in the five years' paragraph
    # yunnan: 261.6万 new urban jobs and GDP per head over 1万美元 are the five years'; its
    # review of 2025 states neither
    assert yunnan.result("urban_jobs", change=False) is None
    assert yunnan.result("gdp_per_capita", change=False) is None
    assert yunnan.result("gdp", change=False).value == 3_276_500_000_000
    # gansu: urbanisation went from 52.23% to 58.08% over the five years; 2025 gave 31.7万 jobs
    assert gansu.result("urbanization") is None and gansu.result("urbanization", change=False) is None
    assert gansu.result("urban_jobs", change=False).value == 317_000
    # jilin: retail sales grew 0.2 points faster than the nation's, and 3.9% in all
    assert jilin.result("retail").value == 3.9 and jilin.result("retail").unit == "%"
    assert jilin.result("primary_industry") is None  # only its gap to the nation's is stated
    assert jilin.result("urban_jobs", change=False).value == 228_900


def test_targets_json_is_plain_data(corpus_gold):
    gold, path = corpus_gold[0]
    for t in load_report(path).targets:
        assert json.loads(json.dumps(t.to_dict(), ensure_ascii=False))["text"] == t.text


#: A PDF dump: hard-wrapped lines that break words and figures' names anywhere.
WRAPPED = """某市人民政府工作报告
——2024年1月12日在某市第十七届人民代表大会第三次会议上

一、2023年工作回顾

    过去一年，全市地区生产总值完成812.4亿元，同比增长6.3%，规模以上工业增加值增
长7.1%，一般公共预算收入增长5%。

二、2024年工作安排

    今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，规模以上工业
增加值增长7%，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右，粮食产
量稳定在12亿斤以上。

    (一)扩大有效投资。新开工项目20个。
"""


def test_a_wrapped_dump():
    r = parse_report(WRAPPED)
    assert r.wrapped
    assert [(t.measure, t.value, t.qualifier) for t in r.targets] == [
        ("gdp", 6, "about"), ("industry", 7, "exact"), ("unemployment", 5.5, "less_than"), ("cpi", 3, "about"),
        ("grain", 1_200_000_000, "more_than")]
    industry = r.targets[1]
    assert industry.name == "规模以上工业增加值增长" and industry.text == "规模以上工业\n增加值增长7%"
    assert [(x.measure, x.value) for x in r.results if x.change] == [("gdp", 6.3), ("industry", 7.1), ("fiscal_revenue", 5)]


def test_an_html_page(tmp_path):
    page = tmp_path / "report.html"
    body = "".join(f"<p>{line.strip()}</p>\n" for line in report("地区生产总值增长6.5%左右，城镇新增就业2.4万人。").splitlines() if line.strip())
    page.write_text(f"<html><head><title>某市政府工作报告</title></head><body><div class='nav'>首页 &gt; 政务公开</div>{body}"
                    "<div>扫一扫在手机打开当前页</div></body></html>", encoding="utf-8")
    r = load_report(page)
    assert [(t.text, t.value) for t in r.targets] == [("地区生产总值增长6.5%左右", 6.5), ("城镇新增就业2.4万人", 24000)]
    assert r.result("gdp").value == 6.3
