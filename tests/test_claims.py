"""Claims: being first, covering everything, being recognised; and aims that are not
claims yet. Each row is a sentence and its claims as ``(kind, scope, text, trigger)``,
ordered by position, then first / coverage / honor."""

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
                 [("first", "province", "实验小学入选首批浙江省数字化改革试点学校", "首批"),
                  ("honor", "province", "实验小学入选首批浙江省数字化改革试点学校", "入选")],
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
                 [("first", "city", "在全市率先实现村级议事会全覆盖", "率先"),
                  ("coverage", "city", "在全市率先实现村级议事会全覆盖", "全覆盖")], id="first-and-coverage"),

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
