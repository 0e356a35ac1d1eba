"""report.sections and report.section() give the same objects, asked by key, number,
ordinal or int."""

from __future__ import annotations

from sdr_analysis import ReportSection, parse_report


def test_sections_and_section_are_one_type(seed_report):
    assert all(isinstance(s, ReportSection) for s in seed_report.sections)
    fourth = seed_report.section("四")
    assert fourth is seed_report.sections[1]  # the seed starts at (三)
    assert seed_report.section(4) is fourth  # papermill passes -p section 4 as an int
    assert seed_report.section("4") is fourth
    assert seed_report.section("(四)") is fourth
    assert list(seed_report) == seed_report.sections


def test_a_section_reads_its_headings_fields(seed_report):
    sec = seed_report.sections[0]
    assert (sec.kind, sec.level) == ("section", 1)
    assert sec.heading_dict()["marker"] == sec.marker == "(三)"
    assert seed_report.text[sec.start : sec.end] == sec.text


def test_part_of_a_heading():
    """The part of a policy section, looked up; a heading that is no policy section
    (a part holding sections, an item) has none."""
    report = parse_report("某市政府工作报告\n一、2025年工作回顾\n（一）经济运行稳中有进。\n1.工业增长较快。\n"
                          "二、2026年工作安排\n扩大有效投资。\n")
    found = [(h.kind, h.marker, p.number if (p := report.part_of(h)) else None) for h in report.headings]
    assert found == [("part", "一、", None), ("section", "（一）", "一"), ("item", "1.", None), ("part", "二、", "二")]
