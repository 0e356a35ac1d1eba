"""Relations between figures: a change from one figure to another, a delta on a base,
a level set by a verb; and adjacent figures that are not related."""

from __future__ import annotations

import pytest

from sdr_analysis import parse_report


def relations(text: str) -> list[dict]:
    out = []
    for r in parse_report(text).relations:
        row = {"kind": r.kind, "direction": r.direction, "text": r.text}
        for role in ("before", "after", "base", "delta"):
            figure = getattr(r, role)
            if figure is not None:
                row[role] = figure.text
        out.append(row)
    return out


RELATIONS = [
    # --- change: 由/从 A (verb) 至/到 B ---
    pytest.param(
        "工程项目审批时间由60个工作日压缩至30个工作日。",
        [{"kind": "change", "direction": "decrease", "text": "由60个工作日压缩至30个工作日",
          "before": "60个工作日", "after": "30个工作日"}],
        id="change-you-yasuo-zhi",
    ),
    pytest.param(
        "家庭农场从1200户增加到3500户。",
        [{"kind": "change", "direction": "increase", "text": "从1200户增加到3500户", "before": "1200户", "after": "3500户"}],
        id="change-cong-zengjia-dao",
    ),
    pytest.param(
        "村集体经营性收入由3.2亿元增至5亿元。",
        [{"kind": "change", "direction": "increase", "text": "由3.2亿元增至5亿元", "before": "3.2亿元", "after": "5亿元"}],
        id="change-short-verb",
    ),
    pytest.param(
        "规上企业由28家到41家。",
        [{"kind": "change", "direction": "increase", "text": "由28家到41家", "before": "28家", "after": "41家"}],
        id="change-no-verb-direction-from-values",
    ),
    pytest.param(
        "办理时限从5天缩短为2天。",
        [{"kind": "change", "direction": "decrease", "text": "从5天缩短为2天", "before": "5天", "after": "2天"}],
        id="change-suoduan-wei",
    ),
    # a figure stated per person or per month keeps its relation
    pytest.param(
        "低保标准由每人每月800元提高到每人每月900元。",
        [{"kind": "change", "direction": "increase", "text": "由每人每月800元提高到每人每月900元",
          "before": "800元", "after": "900元"}],
        id="change-per-person-per-month",
    ),

    # --- delta on a base: A, (同比/比上年) verb B, B a rate or points ---
    pytest.param(
        "研发经费投入强度达到3.1%,同比提高0.4个百分点。",
        [{"kind": "change", "direction": "increase", "text": "研发经费投入强度达到3.1%,同比提高0.4个百分点",
          "base": "3.1%", "delta": "0.4个百分点"}],
        id="delta-points",
    ),
    pytest.param(
        "城镇居民人均可支配收入5.2万元,同比增长6.1%。",
        [{"kind": "change", "direction": "increase", "text": "城镇居民人均可支配收入5.2万元,同比增长6.1%",
          "base": "5.2万元", "delta": "6.1%"}],
        id="delta-growth-rate",
    ),
    pytest.param(
        "一般公共预算收入完成18亿元，比上年增长7%。",
        [{"kind": "change", "direction": "increase", "text": "一般公共预算收入完成18亿元，比上年增长7%",
          "base": "18亿元", "delta": "7%"}],
        id="delta-fullwidth-comma-bishangnian",
    ),
    pytest.param(
        "单位生产总值能耗0.38吨标准煤,同比下降3.5%。",
        [{"kind": "change", "direction": "decrease", "text": "单位生产总值能耗0.38吨标准煤,同比下降3.5%",
          "base": "0.38吨标准煤", "delta": "3.5%"}],
        id="delta-decrease",
    ),

    # --- set_to: verb 至/到/为 B ---
    pytest.param(
        "公交站点500米覆盖率提升至95%。",
        [{"kind": "set_to", "direction": "increase", "text": "公交站点500米覆盖率提升至95%", "after": "95%"}],
        id="set-to-tisheng-zhi",
    ),
    pytest.param(
        "全区行政村调整为86个。",
        [{"kind": "set_to", "direction": None, "text": "全区行政村调整为86个", "after": "86个"}],
        id="set-to-tiaozheng-wei",
    ),
    pytest.param(
        "城镇登记失业率降至2.8%。",
        [{"kind": "set_to", "direction": "decrease", "text": "城镇登记失业率降至2.8%", "after": "2.8%"}],
        id="set-to-jiang-zhi",
    ),
    pytest.param(
        "企业开办时间压缩至1个工作日。",
        [{"kind": "set_to", "direction": "decrease", "text": "企业开办时间压缩至1个工作日", "after": "1个工作日"}],
        id="set-to-yasuo-zhi",
    ),
    pytest.param(
        "污水日处理能力增加到6万吨。",
        [{"kind": "set_to", "direction": "increase", "text": "污水日处理能力增加到6万吨", "after": "6万吨"}],
        id="set-to-zengjia-dao",
    ),
    pytest.param(
        "城乡居民基础养老金提高到每人每月190元。",
        [{"kind": "set_to", "direction": "increase", "text": "城乡居民基础养老金提高到每人每月190元", "after": "190元"}],
        id="set-to-per-person-per-month",
    ),
    # without 由/从 the first figure is not a before: only the level set is a relation
    pytest.param(
        "审批时间60天压缩至30天。",
        [{"kind": "set_to", "direction": "decrease", "text": "审批时间60天压缩至30天", "after": "30天"}],
        id="no-opener-is-set-to",
    ),
    # different units: not a change from one to the other
    pytest.param(
        "志愿服务队伍由20支扩大到1500人。",
        [{"kind": "set_to", "direction": "increase", "text": "志愿服务队伍由20支扩大到1500人", "after": "1500人"}],
        id="different-units-not-a-change",
    ),
]


@pytest.mark.parametrize("text, expected", RELATIONS)
def test_relations(text, expected):
    assert relations(text) == expected


UNRELATED = [
    pytest.param("新建学校3所、幼儿园5所。", id="list"),
    pytest.param("投资2亿元建设道路12公里。", id="verb-between"),
    pytest.param("由政府投资3亿元,建成学校2所。", id="comma-between"),
    pytest.param("打响“租金降至1元”惠企品牌。", id="quoted"),
    pytest.param("全年新增企业20家,其中规上企业8家。", id="part-of-a-whole"),
]


@pytest.mark.parametrize("text", UNRELATED)
def test_unrelated_figures(text):
    assert relations(text) == []


def test_relations_point_at_the_indicators():
    text = "(一)民生。\n  新建学校2所。养老床位从300张增加到500张。"
    report = parse_report(text)
    (relation,) = report.relations
    assert relation.before is report.indicators[-2]
    assert relation.after is report.indicators[-1]
    assert relation.section == "一"
    assert text[relation.start : relation.end] == relation.text


def test_each_figure_is_in_one_relation():
    text = "市场主体由1.2万户增加到1.5万户,同比增长25%。"
    report = parse_report(text)
    used = [f.start for r in report.relations for f in (r.before, r.after, r.base, r.delta) if f is not None]
    assert len(used) == len(set(used))
    assert relations(text)[0] == {
        "kind": "change", "direction": "increase", "text": "由1.2万户增加到1.5万户", "before": "1.2万户", "after": "1.5万户",
    }
