"""Labels: what each figure measures, written by reading each sentence.

Sentences in the manner of the real reports: ``分别`` lists, ``其中…`` breakdowns, two
figures for one measure in successive clauses, verbs joined to their object, and
particles that must not dangle. Each row is the sentence and the label of each figure
found, in reading order.
"""

from __future__ import annotations

import pytest

from sdr_analysis import parse_report


def labels(sentence: str) -> list[str]:
    return [i.label for i in parse_report(sentence).indicators]


LABELS = [
    # --- 分别: each figure its own measure, the shared part completed ---
    pytest.param("城镇、农村居民人均可支配收入分别增长4.6%、6.8%。",
                 ["城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"], id="fenbie-shared-tail"),
    pytest.param("基础设施投资、制造业投资分别增长5.2%、9.1%。", ["基础设施投资增长", "制造业投资增长"],
                 id="fenbie-first-is-not-the-second"),
    pytest.param("进出口、出口、进口分别增长3.5%、4.7%、1.9%。", ["进出口增长", "出口增长", "进口增长"],
                 id="fenbie-three"),
    pytest.param("一般公共预算收入、税收收入分别达到86.4亿元、61.2亿元。",
                 ["一般公共预算收入达到", "税收收入达到"], id="fenbie-money"),
    pytest.param("新建、改建学校分别为12所、9所。", ["新建学校为", "改建学校为"], id="fenbie-verbs-share-object"),
    pytest.param("小学、初中入学率分别达到100%、99.6%。", ["小学入学率达到", "初中入学率达到"], id="fenbie-rates"),
    pytest.param("第一产业、第二产业增加值分别增长3.1%、5.4%。", ["第一产业增加值增长", "第二产业增加值增长"],
                 id="fenbie-ordinal-words"),
    pytest.param("城镇、农村居民人均可支配收入分别达到4.2万元、2.1万元，分别增长4.8%、6.2%。",
                 ["城镇居民人均可支配收入达到", "农村居民人均可支配收入达到",
                  "城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"], id="fenbie-twice"),
    pytest.param("货物进口、出口分别下降2.3%、1.1%。", ["货物进口下降", "出口下降"], id="fenbie-falling"),

    pytest.param("全县教育支出12.5亿元、增长8%，卫生支出4.1亿元、下降2%。",
                 ["全县教育支出", "教育支出增长", "卫生支出", "卫生支出下降"], id="verb-after-list-comma-carries-subject"),

    pytest.param("审批时限从30个工作日缩短到5个工作日。", ["审批时限", "审批时限缩短到"], id="from-to-both-ends-name-the-measure"),
    pytest.param("城镇化率由55%提高至60%。", ["城镇化率", "城镇化率提高至"], id="from-to-a-rate"),

    # --- 其中: the part, not the opener ---
    pytest.param("全年接待游客5600万人次，其中过夜游客1800万人次。", ["全年接待游客", "过夜游客"], id="qizhong-people"),
    pytest.param("完成固定资产投资320亿元，其中工业投资110亿元。", ["完成固定资产投资", "工业投资"], id="qizhong-money"),
    pytest.param("新增城镇就业2.1万人，其中高校毕业生9000人。", ["新增城镇就业", "高校毕业生"], id="qizhong-jobs"),
    pytest.param("建成安置住房4800套，其中交付使用3100套。", ["建成安置住房", "交付使用"], id="qizhong-verb"),

    # --- two figures for one measure ---
    pytest.param("旅游收入增长20%，达到282亿元。", ["旅游收入增长", "旅游收入达到"], id="growth-then-level"),
    pytest.param("地区生产总值达到1560亿元，增长5.8%。", ["地区生产总值达到", "生产总值增长"], id="level-then-growth"),
    pytest.param("研发经费投入强度达到2.4%，提高0.2个百分点。", ["研发经费投入强度达到", "研发经费投入强度提高"],
                 id="share-then-points"),
    pytest.param("城乡居民人均可支配收入达到3.2万元，增长5.5%。", ["城乡居民人均可支配收入达到", "城乡居民人均可支配收入增长"],
                 id="income-level-then-growth"),
    pytest.param("社会消费品零售总额增长6.2%，突破400亿元。", ["社会消费品零售总额增长", "社会消费品零售总额"],
                 id="growth-then-threshold"),
    pytest.param("全市粮食产量达到69.2亿斤，增长1.3%。", ["全市粮食产量达到", "粮食产量增长"], id="grain-level-then-growth"),

    # --- a verb joined to its object, no ellipsis ---
    pytest.param("投资3亿元改造老旧管网。", ["投资改造老旧管网"], id="verb-then-object"),
    pytest.param("投入1.2亿元升级改造幼儿园。", ["投入升级改造幼儿园"], id="verb-then-long-object"),

    # --- particles that would dangle ---
    pytest.param("新增“城市书房”“文化驿站”各6个。", ["新增“城市书房”“文化驿站”"], id="dangling-ge"),
    pytest.param("全年共培训农民工8600人次。", ["培训农民工"], id="opener-quannian-gong"),

    # --- one clause, one measure ---
    pytest.param("森林覆盖率达到45.2%。", ["森林覆盖率达到"], id="rate-level"),
    pytest.param("城镇调查失业率控制在5.5%以内。", ["城镇调查失业率控制在"], id="rate-ceiling"),
    pytest.param("粮食产量稳定在720亿斤以上。", ["粮食产量稳定在"], id="grain-floor"),
    pytest.param("人均预期寿命提高到79.3岁。", ["人均预期寿命提高到"], id="life-expectancy"),
    pytest.param("引进高层次人才860名。", ["引进高层次人才"], id="talent"),
    pytest.param("实际使用外资2.3亿美元。", ["实际使用外资"], id="foreign-capital"),
    pytest.param("细颗粒物平均浓度下降到29微克/立方米。", ["细颗粒物平均浓度下降到"], id="concentration"),
    pytest.param("一般公共预算收入下降2.6%。", ["一般公共预算收入下降"], id="falling-keeps-its-word"),
    pytest.param("工业增加值增长-1.5%。", ["工业增加值增长"], id="negative-growth"),
    pytest.param("完成造林绿化面积2.6万亩。", ["完成造林绿化面积"], id="afforestation"),
    pytest.param("新开工亿元以上项目156个。", ["新开工亿元以上项目"], id="size-class-stays-in-label"),
    pytest.param("港口货物吞吐量突破1.2亿吨。", ["港口货物吞吐量"], id="qualifier-is-not-label"),
    pytest.param("审批时限压减至5个工作日。", ["审批时限压减至"], id="working-days"),
    pytest.param("“一网通办”事项达到1800项。", ["“一网通办”事项达到"], id="quoted-name-in-label"),
    pytest.param("为新就业大学生发放租房补贴1500元/月。", ["为新就业大学生发放租房补贴"], id="rate-label"),

    # --- several figures in one sentence ---
    pytest.param("新建改建农村公路1200公里、桥梁45座。", ["新建改建农村公路", "桥梁"], id="list-of-things"),
    pytest.param("改造城镇老旧小区320个，惠及居民4.6万户。", ["改造城镇老旧小区", "城镇老旧小区惠及居民"], id="two-clauses"),
    pytest.param("发放消费券1.5亿元，带动消费12亿元。", ["发放消费券", "消费券带动消费"], id="spend-and-effect"),
    pytest.param("开通国际航线12条、国内航线86条。", ["开通国际航线", "开通国内航线"], id="routes"),

    # --- a count before the thing it counts: the thing, not the verb alone ---
    pytest.param("全力办好八件民生实事。", ["全力办好民生实事"], id="count-before-its-noun"),
    pytest.param("年内改造2.4万平方米老旧厂房。", ["年内改造老旧厂房"], id="area-before-its-noun"),
    pytest.param("推动解决1.2万户群众办证难等问题。", ["推动解决群众办证难"], id="noun-up-to-deng"),
    pytest.param("建成3个养老服务中心、12个日间照料站。", ["建成养老服务中心", "建成日间照料站"],
                 id="verb-shared-by-counts"),
    pytest.param("完成86栋楼房、9万平方米外墙保温改造。", ["完成楼房、外墙保温改造", "外墙保温改造"],
                 id="count-shares-the-work-after"),

    # --- names are left out, the kind of thing kept ---
    pytest.param("完成东风路、新华街等12条道路改造。", ["完成道路改造"], id="names-before-deng"),
    pytest.param("东湖、西山两个公园建成开放。", ["公园建成开放"], id="names-as-many-as-counted"),
    pytest.param("为城建集团等26家企业发放稳岗补贴。", ["企业发放稳岗补贴"], id="names-then-for"),
    pytest.param("新建及改造城东路、滨河路等市政道路23条。", ["新建及改造市政道路"], id="names-keep-the-verbs"),
    pytest.param("教育、卫生等领域投入8亿元。", ["教育、卫生等领域投入"], id="kinds-are-not-names"),

    # --- measures of a list that share one figure ---
    pytest.param("其中小学、初中巩固率达到98%。", ["小学、初中巩固率达到"], id="one-figure-for-a-list"),
    pytest.param("城镇和农村居民人均可支配收入分别达到3.1万元、1.6万元。",
                 ["城镇居民人均可支配收入达到", "农村居民人均可支配收入达到"], id="fenbie-he"),
    pytest.param("城镇、农村居民人均可支配收入分别达到3.1万元、1.6万元，分别增长6%。",
                 ["城镇居民人均可支配收入达到", "农村居民人均可支配收入达到", "城镇和农村居民人均可支配收入增长"],
                 id="fenbie-one-rate-for-both"),

    # --- the subject carried into a later clause, without its verbs and fillers ---
    pytest.param("实施重点技改项目45个，完成投资18亿元。", ["实施重点技改项目", "重点技改项目完成投资"],
                 id="bare-metric-after-a-count"),
    pytest.param("实现社会消费品零售总额210亿元，增长7%。", ["实现社会消费品零售总额", "社会消费品零售总额增长"],
                 id="carried-without-its-verb"),
    pytest.param("新增就业6000人，完成投资3亿元。", ["新增就业", "完成投资"], id="bare-metric-not-after-people"),
    pytest.param("实施“送教下乡”行动，覆盖学生3200人；投资1.5亿元，增长8%。",
                 ["覆盖学生", "投资", "投资增长"], id="semicolon-parts-measures"),
    pytest.param("深入开展“厕所革命”，惠及4.1万户。", ["厕所革命惠及"], id="verb-takes-the-quoted-name"),

    pytest.param("电子信息、新能源等产业增加值分别增长12%、15%。", ["电子信息产业增加值增长", "新能源等产业增加值增长"],
                 id="fenbie-shared-kind-after-deng"),
    pytest.param("税收收入达到80亿元，3年增长40%。", ["税收收入达到", "增长", "增长"], id="no-subject-to-carry"),
    pytest.param("建成2个展馆（科技馆、文化馆）。", ["建成展馆"], id="aside-cut-by-a-comma"),

    # --- no character lost at the edges ---
    pytest.param("涉及企业1.6万家。", ["涉及企业"], id="ji-is-kept"),
    pytest.param("大幅削减省级政府层面设立的行政事业性收费项目45%。", ["大幅削减省级政府层面设立的行政事业性收费项目"],
                 id="long-label-whole"),

    # --- a label never crosses into the clause or line before ---
    pytest.param("二、2024年重点工作安排\n今年是改革攻坚之年，新增就业3万人。", ["新增就业"], id="heading-line-before"),
    pytest.param("今年是建区75周年，全年计划新开工项目200个。", ["全年计划新开工项目"], id="anniversary-clause-before"),
]


@pytest.mark.parametrize("sentence, expected", LABELS)
def test_labels(sentence, expected):
    assert labels(sentence) == expected


def test_enough_cases():
    assert len(LABELS) >= 40
