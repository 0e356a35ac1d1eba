"""report.sections and report.section() give the same objects, asked by key, number,
ordinal or int."""

from __future__ import annotations

from sdr_analysis import ReportSection


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
