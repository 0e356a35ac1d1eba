"""What every chart is made with: the packaged CJK font, and labels wrapped, never cut,
or shortened with a mark where they are cut."""

from __future__ import annotations

import pytest

from sdr_analysis.charts import CJK_FONT_FAMILY, shorten, use_cjk_font, wrap, wrap_even


def test_font_comes_from_the_package():
    from matplotlib import font_manager

    assert use_cjk_font() == CJK_FONT_FAMILY
    path = font_manager.findfont(CJK_FONT_FAMILY, fallback_to_default=False)
    assert "mplfonts" in path


@pytest.mark.parametrize("label,limit,expected", [
    pytest.param("短标签", 14, "短标签", id="short-kept"),
    pytest.param("一二三四五六七八九十", 5, "一二三四…", id="long-cut"),
    pytest.param("  ", 5, "—", id="empty-dash"),
])
def test_shorten(label, limit, expected):
    assert shorten(label, limit) == expected


@pytest.mark.parametrize("label, width, lines", [("surveyed urban unemployment", 18, ["surveyed urban", "unemployment"]),
                                                 ("单位地区生产总值能耗", 8, ["单位地区", "生产总值", "能耗"])])
def test_chart_labels_wrap_and_are_never_cut(label, width, lines):
    assert wrap(label, width).split("\n") == lines


@pytest.mark.parametrize("label,width,expected", [
    pytest.param("投资升级改造幼儿园", 16, "投资升级改\n造幼儿园", id="even-lines"),
    pytest.param("短标签", 16, "短标签", id="short-kept"),
    pytest.param("percentage point", 10, "percentage\npoint", id="words-whole"),
])
def test_wrap_even(label, width, expected):
    assert wrap_even(label, width) == expected
