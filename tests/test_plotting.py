"""Charts: Chinese labels render with the packaged font, with no missing glyphs, and
the PNG bytes do not change between two renderings."""

from __future__ import annotations

import warnings

import pytest

from sdr_analysis import writeup
from sdr_analysis.plotting import CJK_FONT_FAMILY, shorten, use_cjk_font


def test_font_comes_from_the_package():
    from matplotlib import font_manager

    assert use_cjk_font() == CJK_FONT_FAMILY
    path = font_manager.findfont(CJK_FONT_FAMILY, fallback_to_default=False)
    assert "mplfonts" in path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chart_renders_without_missing_glyphs(seed_report, lang):
    charts = []
    for sec in seed_report:
        charts += [
            writeup.money_chart(sec, lang),
            writeup.kinds_chart(sec, lang),
            writeup.change_chart(sec, lang),
            writeup.share_chart(seed_report, sec, lang),
        ]
    charts += [writeup.density_chart(seed_report, lang), writeup.domains_heatmap(seed_report, lang)]
    charts = [c for c in charts if c is not None]
    assert len(charts) >= 10
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for chart in charts:
            assert chart.png().startswith(b"\x89PNG")


def test_png_is_the_same_twice(seed_report):
    sec = seed_report.section("四")
    assert writeup.money_chart(sec, "zh").png() == writeup.money_chart(sec, "zh").png()


@pytest.mark.parametrize("label,limit,expected", [
    pytest.param("短标签", 14, "短标签", id="short-kept"),
    pytest.param("一二三四五六七八九十", 5, "一二三四…", id="long-cut"),
    pytest.param("  ", 5, "—", id="empty-dash"),
])
def test_shorten(label, limit, expected):
    assert shorten(label, limit) == expected
