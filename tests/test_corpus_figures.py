"""Figures on real reports: over the sentences sampled from the corpus and read by hand,
the indicators found against the ones expected, matched by their span.

Precision counts the figures found that the reader also found; recall the figures the
reader found that were found; the qualifier score counts, among figures found by both,
those whose qualifier agrees. Skipped where the corpus is absent (see ``conftest``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from sdr_analysis import load_report

PRECISION = 0.97
RECALL = 0.97
QUALIFIERS = 0.98


@dataclass
class Score:
    found: int = 0
    expected: int = 0
    matched: int = 0
    qualifiers_agree: int = 0
    #: ``(report, text, start)`` of figures found but not expected, and expected but not found
    invented: list = field(default_factory=list)
    missed: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def qualifiers(self) -> float:
        return self.qualifiers_agree / self.matched if self.matched else 1.0


def score(pairs) -> Score:
    s = Score()
    for sentences, path in pairs:
        figures = load_report(path).indicators
        for sentence in sentences:
            got = {(i.start, i.end): i for i in figures if sentence["start"] <= i.start and i.end <= sentence["end"]}
            want = {(g["start"], g["end"]): g for g in sentence["indicators"]}
            s.found += len(got)
            s.expected += len(want)
            for span, g in want.items():
                if span in got:
                    s.matched += 1
                    s.qualifiers_agree += got[span].qualifier == g["qualifier"]
                else:
                    s.missed.append((path.stem, g["text"], span[0]))
            s.invented += [(path.stem, i.text, i.start) for span, i in got.items() if span not in want]
    return s


@pytest.fixture(scope="module")
def corpus_score(corpus_sentences):
    return score(corpus_sentences)


def test_the_sample_has_figures(corpus_score):
    assert corpus_score.expected >= 100


def test_precision(corpus_score):
    assert corpus_score.precision >= PRECISION, corpus_score.invented


def test_recall(corpus_score):
    assert corpus_score.recall >= RECALL, corpus_score.missed


def test_qualifiers(corpus_score):
    assert corpus_score.qualifiers >= QUALIFIERS


def test_the_score_can_fail():
    """The score itself: one sentence, a figure found where none was expected and one
    expected where none was found."""

    class Figure:
        def __init__(self, start, end, qualifier="exact"):
            self.start, self.end, self.text, self.qualifier = start, end, "x", qualifier

    s = Score()
    got = {(0, 2): Figure(0, 2), (5, 7): Figure(5, 7, "about")}
    want = {(5, 7): {"qualifier": "exact", "text": "y"}, (9, 11): {"qualifier": "exact", "text": "z"}}
    s.found, s.expected = len(got), len(want)
    s.matched = len(got.keys() & want.keys())
    s.qualifiers_agree = sum(got[k].qualifier == want[k]["qualifier"] for k in got.keys() & want.keys())
    assert (s.precision, s.recall, s.qualifiers) == (0.5, 0.5, 0.0)
