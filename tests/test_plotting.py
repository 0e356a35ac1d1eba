"""The kinds of chart: Chinese labels render with the packaged font, with no missing
glyphs; the PNG bytes do not change between two renderings; every chart stays legible
at a phone's width, wraps its labels, writes plain numbers and says what it shows."""

from __future__ import annotations

import warnings

import pytest

from sdr_analysis import writeup


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chart_renders_without_missing_glyphs(seed_report, lang):
    charts = []
    for sec in seed_report:
        charts += [
            writeup.money_chart(sec, lang),
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


#: A phone's column for a chart, in CSS pixels, and the smallest type a chart may show
#: when its picture is scaled down to it.
PHONE_COLUMN = 360
SMALLEST_TYPE_PX = 9


def section_charts(report, lang):
    charts = [writeup.density_chart(report, lang), writeup.domains_heatmap(report, lang)]
    for sec in report:
        charts += [writeup.money_chart(sec, lang), writeup.change_chart(sec, lang),
                   writeup.share_chart(report, sec, lang)]
    return [c for c in charts if c is not None]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_charts_stay_legible_at_a_phones_width(seed_report, lang):
    import struct

    from sdr_analysis.charts import DPI

    for chart in section_charts(seed_report, lang):
        width = struct.unpack(">I", chart.png()[16:20])[0]
        texts = chart.figure.findobj(lambda o: hasattr(o, "get_fontsize") and hasattr(o, "get_text") and o.get_text())
        smallest = min(t.get_fontsize() for t in texts) * DPI / 72 * min(1, PHONE_COLUMN / width)
        assert smallest >= SMALLEST_TYPE_PX, f"{chart.title}: {smallest:.1f}px at a phone's width ({width}px wide)"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_charts_wrap_labels_write_plain_numbers_and_say_what_they_show(seed_report, lang):
    for chart in section_charts(seed_report, lang):
        assert chart.alt.startswith(chart.title) and len(chart.alt) > len(chart.title) + 3
        chart.png()  # draw, so that the ticks have their text
        for ax in chart.figure.axes:
            labels = [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
            assert not any(lbl.endswith("…") for lbl in labels), labels
            assert not ax.xaxis.get_offset_text().get_text() and not ax.yaxis.get_offset_text().get_text()


def test_large_values_have_no_offset_text():
    from sdr_analysis.plotting import barh

    chart = barh(["公共服务和社会事业投入资金总额", "b"], [12_500_000, 3_000_000], "Money", "10,000 yuan")
    chart.png()
    ax = chart.figure.axes[0]
    assert ax.xaxis.get_offset_text().get_text() == ""
    assert any("," in t.get_text() for t in ax.get_xticklabels())
    assert "公共服务和社会事业投入资金总额" in chart.alt
    assert all(not t.get_text().endswith("…") for t in ax.get_yticklabels())


def _cell_texts(chart) -> list[str]:
    ax = chart.figure.axes[0]
    return [t.get_text() for t in ax.texts]


def test_a_grid_of_small_shares_writes_a_decimal_and_shades_to_its_largest():
    """Shares of words are a few per cent: 0.4% and 1.6% written 0 and 2 would say
    nothing, and shaded against 100 they would all look white."""
    from sdr_analysis.plotting import grid_chart

    chart = grid_chart(["甲", "乙"], ["a", "b"], [[0.4, 1.6], [0.9, None]], "shares")
    assert _cell_texts(chart) == ["0.4", "1.6", "0.9", "—"]
    image = chart.figure.axes[0].images[0]
    assert image.get_clim() == (0, 1.6)
    # a grid of shares of reports (0 to 100) keeps whole numbers
    assert _cell_texts(grid_chart(["x"], ["a", "b"], [[100.0, 50.0]], "t")) == ["100", "50"]


@pytest.mark.parametrize("values, low, high", [
    ([-0.5], -0.675, 0.0),            # a target below its superior's: the bar to the left of 0
    ([2.0, -1.0], -2.05, 3.05),
    ([3.0], 0.0, 4.05),
    ([0.0], 0.0, 1.0),
])
def test_a_bar_chart_shows_negative_values(values, low, high):
    from sdr_analysis.plotting import barh

    chart = barh([f"r{n}" for n in range(len(values))], values, "t", "x", value_labels=[str(v) for v in values])
    lo, hi = chart.figure.axes[0].get_xlim()
    assert (round(lo, 6), round(hi, 6)) == (low, high)
    assert lo <= min(values) and hi >= max(values)
