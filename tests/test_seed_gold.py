"""The seed report held against its complete expected answer, tests/seed_gold.json
(a copy of the spec's file): every list found, nothing extra."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLD = json.loads((Path(__file__).parent / "seed_gold.json").read_text(encoding="utf-8"))


def test_text_is_the_seed_as_read(seed_report):
    assert len(seed_report.text) > GOLD["body_end"]
    assert seed_report.body[1] == GOLD["body_end"]


def test_sections(seed_report):
    got = [{k: s.heading_dict()[k] for k in ("number", "marker", "start", "end", "title")} for s in seed_report.sections]
    assert got == GOLD["sections"]


def test_numbering_gap_is_reported(seed_report):
    assert seed_report.missing_sections == ["一", "二"]
    assert any("(三)" in note for note in seed_report.notes)


def test_metadata_from_title_line(seed_report):
    meta = seed_report.metadata
    assert (meta.province, meta.city, meta.district, meta.date) == ("辽宁省", "大连市", "沙河口区", "2022-12-24")


FIELDS = ("section", "text", "start", "end", "value", "unit", "kind", "qualifier")


def test_indicators(seed_report):
    got = [{k: getattr(i, k) for k in FIELDS} for i in seed_report.indicators]
    expected = [{k: g[k] for k in FIELDS} for g in GOLD["indicators"]]
    assert got == expected


def test_indicator_sentences(seed_report):
    assert [i.sentence.text for i in seed_report.indicators] == [g["sentence"] for g in GOLD["indicators"]]


@pytest.mark.parametrize("text", GOLD["not_indicators"])
def test_not_indicators(seed_report, text):
    found = {i.text for i in seed_report.indicators}
    for at in range(len(seed_report.text)):
        at = seed_report.text.find(text, at)
        if at == -1:
            break
        inside = [i for i in seed_report.indicators if at <= i.start < at + len(text)]
        assert not inside, f"{text!r} gave {[i.text for i in inside]} (found: {sorted(found)[:3]}…)"


def test_each_is_flagged(seed_report):
    each = [i for i in seed_report.indicators if i.each]
    assert [seed_report.text[i.start - 1] for i in each] == ["各"] * len(each)
    assert each, "the seed has a figure per item (各1处)"


def test_claims(seed_report):
    # the gold lists a clause once per kind it holds (社区“法治超市”率先实现全覆盖 is a first
    # and a coverage); the parser gives it once, with a tag per kind
    key = lambda c: (c["kind"], c["start"], c["end"])  # noqa: E731
    got = sorted(
        ({"kind": tag, "scope": c.scope, "text": c.text, "start": c.start, "end": c.end} for c in seed_report.claims for tag in c.tags),
        key=key,
    )
    assert got == sorted(GOLD["claims"], key=key)
    assert len({(c.start, c.end) for c in seed_report.claims}) == len(seed_report.claims) == 16


def test_relations(seed_report):
    got = []
    for r in seed_report.relations:
        d = {"kind": r.kind, "direction": r.direction, "text": r.text}
        for role in ("before", "after", "base", "delta"):
            ind = getattr(r, role)
            if ind is not None:
                d[role] = ind.text
        got.append(d)
    assert got == GOLD["relations"]


def test_quoted_terms(seed_report):
    assert [t.text for t in seed_report.terms] == GOLD["quoted_terms"]


def test_every_span_indexes_the_text(seed_report):
    r = seed_report
    for item in [*r.sections, *r.paragraphs, *r.sentences, *r.indicators, *r.claims, *r.relations, *r.terms]:
        assert r.text[item.start : item.end] == item.text
