"""The page of places in one year: one measure's target place by place, highest first,
and the measures each place sets targets for. The reports are conftest's COMPARED
(two provinces and a district in 2023)."""

from __future__ import annotations

import re

from sdr_analysis import places_page


def test_places_sorted_by_target(places_en):
    table = places_page.places_table(places_en)
    places = [re.sub(r"\\(.)", r"\1", line.split(" | ")[1]) for line in table.splitlines()[2:]]  # as a reader sees them
    # 5.5%左右, then the two 5% targets (江 before 浙), each in English with its Chinese
    assert places == ["Zhejiang (浙江省)", "Jiangsu (江苏省)", "Xihu District, Hangzhou, Zhejiang (浙江省杭州市西湖区)"]
    assert "| at least 5\\% |" in table and "| about 5\\.5\\% |" in table


def test_places_measures_listing(places_en):
    listing = places_page.measures_listing(places_en)
    first = listing.splitlines()[0]
    assert first.startswith("- **GDP** (3): ")
    assert "- **new urban jobs** (1): Jiangsu [城镇新增就业120万人](#" in listing


def test_places_chart_and_grid_describe_themselves(places_en):
    assert places_page.places_chart(places_en).alt == (
        "Chart of the GDP target for 2023 by place, highest first. Zhejiang about 5.5%, Jiangsu at least 5%, Xihu District about 5%.")
    assert "GDP: 3 of 3 places" in places_page.measures_grid(places_en).alt
