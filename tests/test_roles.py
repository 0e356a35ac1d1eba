"""Money roles: what each money figure is, and the one definition of money stated.

Sentences written for these tests; the expected roles come from reading them."""

from __future__ import annotations

import re

import pytest

from sdr_analysis import parse_report
from sdr_analysis.roles import ROLES, money_stated


def roles_of(sentence: str) -> list[tuple[str, str]]:
    report = parse_report(f"  (一)甲。{sentence}\n")
    return [(i.text, i.role) for i in report.indicators if i.kind == "money"]


CASES = [
    # each role
    pytest.param("全年投入资金3亿元。", [("3亿元", "spending")], id="spending-funds"),
    pytest.param("投资2.5亿元新建学校4所。", [("2.5亿元", "spending")], id="spending-investment-made"),
    pytest.param("兑现惠企奖补资金860万元。", [("860万元", "spending")], id="spending-grants"),
    pytest.param("一般公共预算支出95亿元。", [("95亿元", "spending")], id="spending-budget-outlay"),
    pytest.param("为企业减税降费1.3亿元。", [("1.3亿元", "spending")], id="spending-tax-relief"),
    pytest.param("全区生产总值达到860亿元。", [("860亿元", "output")], id="output-gdp"),
    pytest.param("规上工业增加值210亿元。", [("210亿元", "output")], id="output-value-added"),
    pytest.param("限上企业营业收入50亿元。", [("50亿元", "output")], id="output-firm-revenue"),
    pytest.param("一般公共预算收入48亿元。", [("48亿元", "revenue")], id="revenue-budget"),
    pytest.param("税收收入完成31亿元。", [("31亿元", "revenue")], id="revenue-taxes"),
    pytest.param("金融机构存款余额1200亿元。", [("1200亿元", "finance")], id="finance-deposits"),
    pytest.param("帮助企业获得融资6亿元。", [("6亿元", "finance")], id="finance-financing"),
    pytest.param("争取专项债券资金9亿元。", [("9亿元", "finance")], id="finance-bonds-though-funds"),
    pytest.param("外贸进出口总额72亿元。", [("72亿元", "trade")], id="trade"),
    pytest.param("城镇居民人均可支配收入4.6万元。", [("4.6万元", "income")], id="income-per-head"),
    pytest.param("农民收入达到2.1万元。", [("2.1万元", "income")], id="income-residents"),
    pytest.param("带动消费3亿元。", [("3亿元", "other")], id="other"),
    # where order matters
    pytest.param("人均生产总值达到11万元。", [("11万元", "output")], id="order-gdp-per-head-is-output"),
    pytest.param("完成固定资产投资180亿元。", [("180亿元", "output")], id="order-fixed-asset-investment-is-economy-wide"),
    pytest.param("社会消费品零售总额66亿元。", [("66亿元", "output")], id="order-retail-sales-is-economy-wide"),
    pytest.param("发放贷款贴息资金400万元。", [("400万元", "spending")], id="order-interest-subsidy-before-loans"),
    pytest.param("实现财政收入20亿元。", [("20亿元", "revenue")], id="order-fiscal-revenue-before-income"),
    pytest.param("招商引资到位资金35亿元。", [("35亿元", "finance")], id="order-investment-attracted-before-funds"),
    pytest.param("出口交货值8亿元。", [("8亿元", "trade")], id="order-exports-before-output-words"),
    # levels and standards
    pytest.param("低保标准提升至900元。", [("900元", "standard")], id="level-set-by-a-verb"),
    pytest.param("养老服务补贴由每月100元提高到150元。", [("100元", "standard"), ("150元", "standard")], id="standard-per-month"),
    pytest.param("每名学生补助标准为600元。", [("600元", "standard")], id="standard-before-subsidy"),
    # per item: a role like any other, never in a sum
    pytest.param("各街道投入资金50万元。", [("50万元", "spending")], id="per-item-still-spending"),
]


@pytest.mark.parametrize("sentence,expected", CASES)
def test_money_role(sentence, expected):
    assert roles_of(sentence) == expected


def test_figures_that_are_not_money_have_no_role():
    report = parse_report("  (一)甲。新建学校2所,增长5%,投入资金1亿元。\n")
    assert [(i.text, i.role) for i in report.indicators] == [("2所", None), ("5%", None), ("1亿元", "spending")]


def test_every_role_found_is_one_of_the_roles():
    found = {role for s, expected in (c.values for c in CASES) for _, role in expected}
    assert found == set(ROLES)


def test_money_stated_leaves_out_per_item_levels_and_other_roles():
    report = parse_report("  (一)甲。生产总值1.2万亿元,投入资金5亿元,各社区投入10万元,低保标准提升至850元。\n")
    assert [i.text for i in money_stated(report.indicators)] == ["5亿元"]


def test_no_money_is_none():
    assert money_stated(parse_report("  (一)甲。新建学校2所。\n").indicators) == []


def test_the_index_leads_a_sections_key_figures_with_its_largest_sums_spent(tmp_path):
    from sdr_analysis import parse_report
    from sdr_analysis.build import write_index

    report = parse_report(
        "(一)经济发展。全区地区生产总值达到1200亿元，人口增加3万人。投资2亿元新建学校，补助资金5亿元。\n"
    )
    write_index(report, tmp_path, ["en"])
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    row = page[page.index("(一)经济发展"):]
    # 补助资金5亿元 and 投资2亿元 are spent, largest first; then the rest in reading
    # order, of which three figures in all leave room for the first: the GDP
    key = re.split(r"<td[^>]*>", row[: row.index("</tr>")])[-1]  # the row's last cell
    assert key == "补助资金5亿元、投资新建学校2亿元、全区地区生产总值达到1200亿元</td>"


def test_the_index_words_a_sections_largest_amount_as_the_overview_does(tmp_path):
    """One wording of an amount: the figure with its qualifier, what it measures and
    its role, on the index as in the overview's table of sections."""
    from sdr_analysis import parse_report, writeup
    from sdr_analysis.build import write_index

    report = parse_report("(一)经济发展。补助资金5000余万元，投资2000万元新建学校。\n")
    write_index(report, tmp_path, ["en"])
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    cell = re.search(r'data-label="Largest amount · 最大一笔金额">([^<]*)<', page).group(1)
    # the larger of the two sums spent, with its 余 as written
    assert cell == "5000余万元（补助资金；支出）"
    overview = writeup.sections_table(report, "zh")
    assert overview.iloc[0][overview.columns[-2]] == cell
