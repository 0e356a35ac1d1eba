"""The shape of the real reports against their expected answers, made by reading them
(``corpus_gold``: parts with marker, start and period; their sections with marker and
start; where the appendix starts). Skipped where the corpus is absent."""

from __future__ import annotations

from sdr_analysis import load_report


def test_parts_sections_periods_and_appendix_match_the_gold(corpus_gold):
    wrong = []
    for gold, path in corpus_gold:
        report = load_report(path)
        expected_parts = [(p["marker"] or "", p["start"], p["period"]) for p in gold["parts"]]
        parts = [(p.marker, p.start, p.period) for p in report.parts if not p.implied]
        expected_sections = [(p["start"], s["marker"], s["start"]) for p in gold["parts"] for s in p["sections"]]
        # a part without sections is its own section: the gold lists no section for it
        sections = [(p.start, s.marker, s.start) for p in report.parts for s in p.sections if s.start != p.start]
        appendix = report.appendix.start if report.appendix else None
        if (parts, sections, appendix) != (expected_parts, expected_sections, gold["appendix_start"]):
            wrong.append(gold["file"])
    assert not wrong


def test_an_appendix_holds_no_section_and_its_figures_belong_to_none(corpus_gold):
    for gold, path in corpus_gold:
        if gold["appendix_start"] is None:
            continue
        report = load_report(path)
        assert all(s.end <= gold["appendix_start"] for s in report.sections), gold["file"]
        in_appendix = [i for i in report.indicators if i.start >= gold["appendix_start"]]
        assert in_appendix and all(i.section is None for i in in_appendix), gold["file"]
