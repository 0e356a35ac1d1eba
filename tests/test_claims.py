"""Claims: being first, covering everything, being recognised, ranking; and aims that
are not claims yet. Each row is a sentence and its claims as ``(kind, scope, text,
trigger)``, ordered by position, then rank / honor / first / coverage. A clause is one
claim however many kinds it holds; its kinds are its tags."""

from __future__ import annotations

import pytest

from sdr_analysis import parse_report


def claims(text: str) -> list[tuple]:
    return [(c.kind, c.scope, c.text, c.trigger) for c in parse_report(text).claims]


CLAIMS = [
    # --- first, with the scope the clause names ---
    pytest.param("建成全国首家社区数字人民币体验馆。",
                 [("first", "nation", "建成全国首家社区数字人民币体验馆", "首家")], id="first-nation"),
    pytest.param("开通国内首条跨境冷链班列。",
                 [("first", "nation", "开通国内首条跨境冷链班列", "首条")], id="first-nation-guonei"),
    pytest.param("在全省率先建成城市运行管理服务平台。",
                 [("first", "province", "在全省率先建成城市运行管理服务平台", "率先")], id="first-province"),
    pytest.param("上线全市首个“一码通”停车服务平台。",
                 [("first", "city", "上线全市首个“一码通”停车服务平台", "首个")], id="first-city"),
    pytest.param("率先推行“拿地即开工”审批模式。",
                 [("first", None, "率先推行“拿地即开工”审批模式", "率先")], id="first-no-scope"),
    pytest.param("首创“企业服务码”,助企纾困更加精准。",
                 [("first", None, "首创“企业服务码”", "首创")], id="first-shouchuang"),
    pytest.param("实验小学入选首批浙江省数字化改革试点学校。",
                 [("honor", "province", "实验小学入选首批浙江省数字化改革试点学校", "入选")],
                 id="first-batch-province-name"),
    # 拟 inside a word (虚拟, 模拟) is not the aim 拟
    pytest.param("虚拟电厂率先实现聚合调度。",
                 [("first", None, "虚拟电厂率先实现聚合调度", "率先")], id="xuni-is-not-an-aim"),
    pytest.param("高新园区，在全市率先实现“标准地”出让。",
                 [("first", "city", "在全市率先实现“标准地”出让", "率先")], id="fullwidth-comma-clause"),

    # --- coverage ---
    pytest.param("实现家庭医生签约服务全覆盖。",
                 [("coverage", None, "实现家庭医生签约服务全覆盖", "全覆盖")], id="coverage"),
    pytest.param("农村生活污水治理实现全域覆盖。",
                 [("coverage", None, "农村生活污水治理实现全域覆盖", "全域覆盖")], id="coverage-quanyu"),
    pytest.param("在全市率先实现村级议事会全覆盖。",
                 [("first", "city", "在全市率先实现村级议事会全覆盖", "率先")], id="first-and-coverage"),

    # --- honors ---
    pytest.param("区人民医院获评国家级胸痛中心。",
                 [("honor", "nation", "区人民医院获评国家级胸痛中心", "获评")], id="huoping"),
    pytest.param("城南街道被评为省级文明街道。",
                 [("honor", "province", "城南街道被评为省级文明街道", "被评为")], id="beipingwei"),
    pytest.param("滨江公园被确定为市级城市绿道示范段。",
                 [("honor", "city", "滨江公园被确定为市级城市绿道示范段", "被确定为")], id="bequedingwei"),
    pytest.param("区税务局被授予“全国青年文明号”称号。",
                 [("honor", "nation", "区税务局被授予“全国青年文明号”称号", "被授予")], id="beishouyu"),
    pytest.param("智慧养老项目入选省级数字社会优秀案例。",
                 [("honor", "province", "智慧养老项目入选省级数字社会优秀案例", "入选")], id="ruxuan"),
    pytest.param("东塘社区成为省级共同富裕试点社区。",
                 [("honor", "province", "东塘社区成为省级共同富裕试点社区", "成为")], id="chengwei-provincial-pilot"),
    pytest.param("区中医院成为国家级中医药传承创新示范单位。",
                 [("honor", "nation", "区中医院成为国家级中医药传承创新示范单位", "成为")], id="chengwei-national-model"),
    pytest.param("区图书馆荣获“最美阅读空间”称号。",
                 [("honor", None, "区图书馆荣获“最美阅读空间”称号", "荣获")], id="ronghuo-no-scope"),
    pytest.param("区机关事务中心被评为自治区级节约型机关。",
                 [("honor", "province", "区机关事务中心被评为自治区级节约型机关", "被评为")], id="autonomous-region-level"),
    # the scope after the trigger is the honor's, not the subject's
    pytest.param("全市规模最大的物流园获评省级示范物流园区。",
                 [("honor", "province", "全市规模最大的物流园获评省级示范物流园区", "获评")], id="scope-after-trigger-wins"),

    # --- a clause without a subject takes the clause before it ---
    pytest.param("全面推进老旧小区改造,成为省级城市更新试点。",
                 [("honor", "province", "全面推进老旧小区改造,成为省级城市更新试点", "成为")], id="subjectless-honor"),
    pytest.param("建成智慧停车平台，率先实现停车一码通行。",
                 [("first", None, "建成智慧停车平台，率先实现停车一码通行", "率先")], id="subjectless-first"),
    pytest.param("加快数字化转型,区政务服务中心入选省级改革案例。",
                 [("honor", "province", "区政务服务中心入选省级改革案例", "入选")], id="clause-with-subject-stands-alone"),

    # --- quote marks left unpaired at a clause's edge are trimmed; paired ones kept ---
    pytest.param("群众满意度稳步提升,“智慧医保服务点实现“全覆盖”。",
                 [("coverage", None, "智慧医保服务点实现“全覆盖”", "全覆盖")], id="unbalanced-opening-quote"),
    pytest.param("“邻里中心”实现社区全覆盖。",
                 [("coverage", None, "“邻里中心”实现社区全覆盖", "全覆盖")], id="leading-quote-balanced"),
    pytest.param("在全市率先启用电子证照”,办事更便捷。",
                 [("first", "city", "在全市率先启用电子证照", "率先")], id="trailing-unpaired-quote"),
]


@pytest.mark.parametrize("text, expected", CLAIMS)
def test_claims(text, expected):
    assert claims(text) == expected


TAGS = [
    # a clause that is a first and a coverage is one claim, first being the more specific
    pytest.param("在全省率先实现5G网络全覆盖。", [("first", "coverage")], id="first-coverage"),
    pytest.param("社区食堂率先实现老年助餐全覆盖。", [("first", "coverage")], id="first-coverage-no-scope"),
    # an honor among the first: the honor is the statement, 首批 says when
    pytest.param("区实验中学获评首批省级智慧校园示范校。", [("honor", "first")], id="honor-first"),
    # a rank is more specific than an honor in the same clause
    pytest.param("12家企业获评省级专精特新企业、数量全市第一。", [("rank", "honor")], id="rank-honor"),
    # the trigger that opens the clause takes in the one before; the claim spans both
    pytest.param("建成智慧停车平台，率先实现停车服务全覆盖。", [("first", "coverage")], id="subjectless-first-coverage"),
    # two clauses: two claims, one tag each
    pytest.param("在全市率先推行“证照联办”，实现村级便民服务站全覆盖。", [("first",), ("coverage",)], id="two-clauses-two-claims"),
]


@pytest.mark.parametrize("text, expected", TAGS)
def test_a_clause_is_one_claim_with_its_kinds_as_tags(text, expected):
    found = parse_report(text).claims
    assert [c.tags for c in found] == expected
    assert [c.kind for c in found] == [tags[0] for tags in expected]


def test_a_claim_with_two_tags_spans_the_clause_before_when_one_trigger_opens_it():
    (claim,) = parse_report("建成智慧停车平台，率先实现停车服务全覆盖。").claims
    assert claim.text == "建成智慧停车平台，率先实现停车服务全覆盖"


RANKS = [
    # each row: the sentence, then (scope, position, clause)
    pytest.param("地区生产总值增速居全省第一。", ("province", 1, "地区生产总值增速居全省第一"), id="ju-quansheng-diyi"),
    pytest.param("粮食总产量全省第二。", ("province", 2, "粮食总产量全省第二"), id="no-verb"),
    pytest.param("五项主要经济指标增速全省第一。", ("province", 1, "五项主要经济指标增速全省第一"), id="count-of-indicators-is-not-the-place"),
    pytest.param("县域经济综合实力排名全国第7位。", ("nation", 7, "县域经济综合实力排名全国第7位"), id="paiming-di-n-wei"),
    pytest.param("旅游接待人次位列全市第3。", ("city", 3, "旅游接待人次位列全市第3"), id="weilie-quanshi"),
    pytest.param("外贸进出口总额居西部第一。", ("region", 1, "外贸进出口总额居西部第一"), id="region-west"),
    pytest.param("新能源汽车产量居中部第1位。", ("region", 1, "新能源汽车产量居中部第1位"), id="region-central"),
    pytest.param("研发投入强度居中国西部第2。", ("region", 2, "研发投入强度居中国西部第2"), id="region-nearest-the-place"),
    pytest.param("营商环境评价居全省前列。", ("province", None, "营商环境评价居全省前列"), id="qianlie-province"),
    pytest.param("科技创新能力稳居全国前列。", ("nation", None, "科技创新能力稳居全国前列"), id="qianlie-nation"),
    pytest.param("空气质量稳居长三角第一方阵。", ("region", None, "空气质量稳居长三角第一方阵"), id="first-tier"),
    pytest.param("单位生产总值能耗降幅居全省首位。", ("province", 1, "单位生产总值能耗降幅居全省首位"), id="shouwei"),
    pytest.param("研发投入强度上升到全国第十二名。", ("nation", 12, "研发投入强度上升到全国第十二名"), id="chinese-numeral-ming"),
    pytest.param("跨境电商交易额居全省第３位。", ("province", 3, "跨境电商交易额居全省第３位"), id="fullwidth-digit"),
    pytest.param("数字经济规模居全省16个地市第二。", ("province", 2, "数字经济规模居全省16个地市第二"), id="peers-between"),
    pytest.param("快递业务量居全国省会城市第4位。", ("nation", 4, "快递业务量居全国省会城市第4位"), id="peers-between-nation"),
    pytest.param("社会消费品零售总额排名第6位。", (None, 6, "社会消费品零售总额排名第6位"), id="verb-without-scope"),
    pytest.param("全省高新技术企业数量排名第6位。", ("province", 6, "全省高新技术企业数量排名第6位"), id="scope-from-the-clause"),
    # the place reached, not the one left
    pytest.param("进出口总额从全国第11位升至第8位。", ("nation", 8, "进出口总额从全国第11位升至第8位"), id="rose-to"),
    pytest.param("专利授权量连续3年全国第一，", ("nation", 1, "专利授权量连续3年全国第一"), id="years-running"),
]


@pytest.mark.parametrize("text, expected", RANKS)
def test_rankings(text, expected):
    (claim,) = parse_report(text).claims
    assert (claim.kind, claim.tags) == ("rank", ("rank",))
    assert (claim.scope, claim.position, claim.text) == expected
    assert text[claim.start : claim.end] == claim.text


NOT_RANKS = [
    # aims: a place hoped for
    pytest.param("力争地区生产总值增速全省第一。", id="lizheng-first"),
    pytest.param("争创一流营商环境。", id="zhengchuang-yiliu"),
    pytest.param("确保空气质量保持全省前列。", id="quebao"),
    # ordinals that count or name, not places
    pytest.param("3个村列入全省第一批传统村落名录。", id="first-batch"),
    pytest.param("开展全国第一次自然灾害综合风险普查。", id="first-time"),
    pytest.param("召开全市第二季度经济运行分析会。", id="second-quarter"),
    pytest.param("全市第一时间启动应急响应。", id="diyi-shijian"),
    pytest.param("全省第三方评估结果良好。", id="third-party"),
    pytest.param("开通全省第二条城际铁路。", id="second-line"),
    pytest.param("把人民群众生命安全放在第一位。", id="priority-not-rank"),
    pytest.param("省会城市首位度持续提升。", id="primacy-not-rank"),
]


@pytest.mark.parametrize("text", NOT_RANKS)
def test_not_rankings(text):
    assert [c for c in parse_report(text).claims if "rank" in c.tags] == []


def test_a_rank_claim_shows_its_place_in_its_row():
    (claim,) = parse_report("城乡居民收入增速居全省第4位。").claims
    row = claim.to_dict()
    assert (row["kind"], row["tags"], row["scope"], row["position"]) == ("rank", ["rank"], "province", 4)
    (other,) = parse_report("在全市率先实现村级议事会全覆盖。").claims
    assert (other.to_dict()["tags"], other.to_dict()["position"]) == (["first", "coverage"], None)


NOT_CLAIMS = [
    # aims, not achievements
    pytest.param("力争率先建成全省数字经济强区。", id="lizheng"),
    pytest.param("争创全国首个社区治理创新区。", id="zhengchuang"),
    pytest.param("争取入选省级乡村振兴示范县。", id="zhengqu"),
    pytest.param("计划年内实现村级卫生室全覆盖。", id="jihua"),
    pytest.param("努力成为国家级创新示范区。", id="nuli"),
    # 成为 without a pilot, model or benchmark is not an honor
    pytest.param("数字经济成为全区经济增长新引擎。", id="chengwei-without-honor"),
    # no trigger at all
    pytest.param("全年新增城镇就业1.2万人。", id="plain-figure"),
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text):
    assert claims(text) == []


def test_claims_know_their_section_and_span():
    text = "(一)改革开放。\n  政务服务提速。在全省率先推行“一证通办”。\n(二)社会事业。\n  区一中获评省级示范高中。"
    report = parse_report(text)
    assert [(c.kind, c.section) for c in report.claims] == [("first", "一"), ("honor", "二")]
    for c in report.claims:
        assert text[c.start : c.end] == c.text
    assert [c.text for c in report.section("二").claims] == ["区一中获评省级示范高中"]
