"""The page of places in one year: one measure's target place by place, highest first,
and the measures each place sets targets for. The reports are conftest's COMPARED
(two provinces and a district in 2023)."""

from __future__ import annotations

from sdr_analysis import places_page


def test_places_sorted_by_target(places_en):
    table = places_page.places_table(places_en)
    places = [line.split(" | ")[1] for line in table.splitlines()[2:]]
    # 5.5%左右, then the two 5% targets (江 before 浙)
    assert places == ["浙江省", "江苏省", "浙江省杭州市西湖区"]
    assert "| at least 5\\% |" in table and "| about 5\\.5\\% |" in table


def test_places_measures_listing(places_en):
    listing = places_page.measures_listing(places_en)
    first = listing.splitlines()[0]
    assert first.startswith("- **GDP** (3): ")
    assert "- **new urban jobs** (1): 江苏 [城镇新增就业120万人](#" in listing


def test_places_chart_and_grid_describe_themselves(places_en):
    assert places_page.places_chart(places_en).alt == (
        "Chart of the GDP target for 2023 by place, highest first. 浙江 about 5.5%, 江苏 at least 5%, 西湖区 about 5%.")
    assert "GDP: 3 of 3 places" in places_page.measures_grid(places_en).alt
