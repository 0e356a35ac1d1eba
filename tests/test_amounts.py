"""The money a report states, as it states it: its amounts largest first, and the
totals it states itself (a cue word of ``data/totals.toml`` in the figure's label or
clause). Expected values are read from the texts below."""

from __future__ import annotations

import pytest

from sdr_analysis import parse_report
from sdr_analysis.amounts import is_amount, is_stated_total, largest_amounts, stated_totals

TEXT = ("  (一)甲。实施重点项目10个，总投资12亿元，其中投入资金3亿元建设学校。全年进出口总额500亿元。"
        "累计发放补助资金8000万元，各社区投入10万元，城镇居民人均可支配收入5万元，低保标准提升至850元。\n")


@pytest.fixture(scope="module")
def figures():
    return parse_report(TEXT).indicators


def by_text(figures, text):
    return next(i for i in figures if i.text == text)


def test_amounts_leave_out_figures_per_item_per_head_and_levels(figures):
    assert [i.text for i in figures if is_amount(i)] == ["12亿元", "3亿元", "500亿元", "8000万元"]
    assert not is_amount(by_text(figures, "10万元"))  # 各: per item
    assert not is_amount(by_text(figures, "5万元"))  # 人均: per head
    assert not is_amount(by_text(figures, "850元"))  # 提升至: a level


def test_largest_amounts_come_largest_first(figures):
    assert [i.text for i in largest_amounts(figures)] == ["500亿元", "12亿元", "3亿元", "8000万元"]
    assert [i.text for i in largest_amounts(figures, 2)] == ["500亿元", "12亿元"]
    assert [i.text for i in largest_amounts(figures, roles=("spending",))] == ["3亿元", "8000万元"]


@pytest.mark.parametrize("text, total", [
    pytest.param("12亿元", True, id="zongtouzi"),
    pytest.param("8000万元", True, id="leiji"),
    pytest.param("3亿元", False, id="a-part"),
    pytest.param("500亿元", False, id="a-statistic-named-zonge"),
])
def test_a_stated_total_is_one_the_report_calls_a_total(figures, text, total):
    assert is_stated_total(by_text(figures, text)) is total


def test_stated_totals_are_never_made_up(figures):
    assert [i.text for i in stated_totals(figures)] == ["12亿元", "8000万元"]
    assert stated_totals(parse_report("  (一)甲。投入资金3亿元，投入资金2亿元。\n").indicators) == []
