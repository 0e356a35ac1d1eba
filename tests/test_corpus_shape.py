"""The shape of the real reports against their expected answers, made by reading them
(``all_gold``: the corpus and the county, district and city reports; parts with marker,
title, start and period; their sections with marker, title and start; where the
appendix starts). Skipped where the reports are absent."""

from __future__ import annotations

from sdr_analysis import load_report


def expected_shape(gold: dict) -> tuple[list, list, list]:
    """Parts (marker, title, start), their sections (part start, marker, title, start)
    and the parts' periods (start, period), as the gold has them; a report without
    parts has one pseudo-part of marker ``None`` that is no part."""
    marked = [p for p in gold["parts"] if p["marker"] is not None]
    parts = [(p["marker"], p["title"], p["start"]) for p in marked]
    sections = [(p["start"] if p["marker"] is not None else None, s["marker"], s["title"], s["start"])
                for p in gold["parts"] for s in p["sections"]]
    periods = [(p["start"] if p["marker"] is not None else None, p["period"]) for p in gold["parts"]]
    return parts, sections, periods


def found_shape(report) -> tuple[list, list, list]:
    """The same of a parsed report. A part without sections is its own section: the
    gold lists no section for it."""
    parts = [(p.marker, p.title, p.start) for p in report.parts if not p.implied]
    sections = [(None if p.implied else p.start, s.marker, s.title, s.start)
                for p in report.parts for s in p.sections if p.implied or s.start != p.start]
    periods = [(None if p.implied else p.start, p.period) for p in report.parts]
    return parts, sections, periods


def test_parts_sections_periods_and_appendix_match_the_gold(all_gold):
    wrong = []
    headings = [0, 0, 0]  # right, found and not expected, expected and not found
    for gold, path in all_gold:
        report = load_report(path)
        expected, found = expected_shape(gold), found_shape(report)
        for what, exp, got in zip(("part", "section"), expected, found):
            headings[0] += len(set(exp) & set(got))
            headings[1] += len(set(got) - set(exp))
            headings[2] += len(set(exp) - set(got))
            wrong += [f"{path.name} {what} missed: {x}" for x in exp if x not in got]
            wrong += [f"{path.name} {what} not in the gold: {x}" for x in got if x not in exp]
        if expected[2] != found[2]:
            wrong.append(f"{path.name} periods {found[2]}, gold {expected[2]}")
        appendix = report.appendix.start if report.appendix else None
        if appendix != gold["appendix_start"]:
            wrong.append(f"{path.name} appendix at {appendix}, gold {gold['appendix_start']}")
    assert sum(headings) > 300, headings  # both folders read
    assert not wrong, "\n".join(wrong)


def test_an_appendix_holds_no_section_and_its_figures_belong_to_none(all_gold):
    for gold, path in all_gold:
        if gold["appendix_start"] is None:
            continue
        report = load_report(path)
        assert all(s.end <= gold["appendix_start"] for s in report.sections), gold["file"]
        in_appendix = [i for i in report.indicators if i.start >= gold["appendix_start"]]
        assert in_appendix and all(i.section is None for i in in_appendix), gold["file"]
