"""pandas tables of the findings."""

from __future__ import annotations

from conftest import PARTS
from sdr_analysis import parse_report
from sdr_analysis.amounts import MONEY_COLUMNS, largest_amounts
from sdr_analysis.frames import CLAIM_COLUMNS, INDICATOR_COLUMNS, SECTION_COLUMNS, sections_frame

TEXT = """某市某区人民政府工作报告(2023年1月5日)

  (一)稳增长。全年投入资金3亿元,新建学校2所,各1处。

  (二)惠民生。就业率达95%,全市首个养老中心建成。
"""


def test_indicator_frame_has_one_row_per_indicator():
    r = parse_report(TEXT)
    frame = r.indicators_frame()
    assert list(frame.columns) == INDICATOR_COLUMNS
    assert list(frame["text"]) == [i.text for i in r.indicators]
    assert frame.loc[0, "value"] == 300000000


def test_claims_frame_columns():
    frame = parse_report(TEXT).claims_frame()
    assert list(frame.columns) == CLAIM_COLUMNS
    assert list(frame["kind"]) == ["first"]


def test_sections_frame_counts_and_money():
    frame = parse_report(TEXT).sections_frame()
    assert list(frame.columns) == SECTION_COLUMNS
    assert list(frame["number"]) == ["一", "二"]
    assert list(frame["indicators"]) == [3, 1]
    assert frame.loc[0, "largest_money_yuan"] == 300000000
    assert frame.loc[0, "money_amounts"] == 1  # 3亿元; 各1处 is not money


def test_largest_amounts_leave_out_figures_per_item():
    r = parse_report("  (一)甲。投入5万元,各投入10万元。\n")
    assert [i.text for i in largest_amounts(r.indicators)] == ["5万元"]  # 10万元 is per item (各)


def test_levels_set_by_a_verb_are_not_money_spent():
    r = parse_report("  (一)甲。投入资金5万元,低保标准提升至850元。\n")
    assert [i.text for i in r.indicators] == ["5万元", "850元"]
    assert [i.text for i in r.section("一").money_amounts] == ["5万元"]
    assert r.sections_frame().loc[0, "largest_money_yuan"] == 50000


def test_sections_frame_shows_the_largest_amount_stated_never_a_sum():
    # 生产总值 is output, 贷款余额 finance, 投入资金 spending: the largest is 1.2万亿元 as
    # written, never 1.2万亿元 + 300亿元 + 5亿元
    r = parse_report("  (一)甲。全区生产总值1.2万亿元,贷款余额300亿元,投入资金近5亿元。\n\n  (二)乙。新建学校2所。\n")
    frame = r.sections_frame()
    assert set(MONEY_COLUMNS) <= set(frame.columns)
    assert not any(c.startswith("money_") and c.endswith("_yuan") for c in frame.columns)  # no sum columns
    first, second = frame.loc[0], frame.loc[1]
    assert (first["largest_money_yuan"], first["largest_money_text"], first["largest_money_role"]) == (1.2e12, "1.2万亿元", "output")
    assert (first["largest_money_qualifier"], first["money_amounts"]) == ("exact", 3)
    assert second["largest_money_yuan"] is None or second["largest_money_yuan"] != second["largest_money_yuan"]  # none stated, not 0
    assert second["money_amounts"] == 0




def test_sections_frame_has_a_row_per_policy_section_with_its_part():
    frame = parse_report(PARTS).sections_frame()
    assert list(frame["key"]) == ["一.一", "一.二", "二"]
    assert list(frame["slug"]) == ["1-1", "1-2", "2"]
    assert list(frame["part"]) == ["一", "一", "二"]
    assert list(frame["period"]) == ["review", "review", "plan"]
    assert list(frame["indicators"]) == [2, 1, 1]


def test_sections_frame_takes_the_summaries_not_the_report():
    r = parse_report(TEXT)
    frame = sections_frame(r.summaries[1:])
    assert list(frame["key"]) == ["二"] and frame.loc[0, "per_1000_chars"] == r.summaries[1].density
