"""Labels on real reports: over the sentences sampled from the corpus and read by hand,
each figure's label against the words the reader marked as what it measures
(``measure``, see the gold folder's GUIDE.md).

A label is right when, with spaces removed, it holds every ``measure`` string and,
apart from those strings, no text from outside the figure's own clause: nothing from
before the clause break before the figure (``，；。`` and the half-width ``,;``; ``、``
does not break a clause) nor from another figure's clause. An expected figure the
parser does not find counts as a wrong label. Skipped where the corpus is absent (see
``conftest``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from sdr_analysis import load_report

RIGHT = 0.95
#: What ends a clause for the score: the GUIDE's breaks, and the ends of sentences and lines.
BREAKS = re.compile(r"[，；。,;！？!?\n\r]")


def own_clause(sentence: str, start: int, end: int) -> str:
    """The clause of the figure at ``start:end`` of ``sentence``: from the break before
    it to the break after it, without spaces."""
    before = [m.end() for m in BREAKS.finditer(sentence, 0, start)]
    after = BREAKS.search(sentence, end)
    clause = sentence[before[-1] if before else 0 : after.start() if after else len(sentence)]
    return re.sub(r"\s", "", clause)


def in_clause(piece: str, clause: str) -> bool:
    """Whether ``piece`` is text of ``clause``: pieces of it taken in their order (the
    words either side of the figure, ``建设`` and ``国家`` of ``建设10个国家…``), each
    the longest that the clause has there."""
    pos = 0
    while piece:
        size = len(piece)
        while size and (found := clause.find(piece[:size], pos)) == -1:
            size -= 1
        if not size:
            return False
        pos, piece = found + size, piece[size:]
    return True


def label_right(label: str, measure: list[str], sentence: str, start: int, end: int) -> bool:
    """Whether ``label`` names the figure at ``start:end`` of ``sentence`` by the rule:
    it holds every ``measure`` string, and what is left once they are taken out is all
    text of the figure's own clause."""
    label = re.sub(r"\s", "", label or "")
    wanted = [re.sub(r"\s", "", m) for m in measure]
    if not all(m in label for m in wanted):
        return False
    clause = own_clause(sentence, start, end)
    rest = label
    for m in sorted(wanted, key=len, reverse=True):
        rest = rest.replace(m, "\0")
    return all(in_clause(piece, clause) for piece in rest.split("\0") if piece)


@dataclass
class Score:
    expected: int = 0
    right: int = 0
    #: ``(report, label, measure, sentence)`` of each wrong label (``None`` when not found)
    wrong: list = field(default_factory=list, repr=False)

    @property
    def share(self) -> float:
        return self.right / self.expected if self.expected else 1.0


def score(pairs) -> Score:
    s = Score()
    for sentences, path in pairs:
        figures = {(i.start, i.end): i for i in load_report(path).indicators}
        for sentence in sentences:
            for g in sentence["indicators"]:
                s.expected += 1
                found = figures.get((g["start"], g["end"]))
                label = found.label if found else None
                lo = sentence["start"]
                if found and label_right(label, g["measure"], sentence["text"], g["start"] - lo, g["end"] - lo):
                    s.right += 1
                else:
                    s.wrong.append((path.stem, label, g["text"], g["measure"], sentence["text"]))
    return s


@pytest.fixture(scope="module")
def label_score(corpus_sentences):
    return score(corpus_sentences)


def test_the_sample_has_measures(label_score):
    assert label_score.expected >= 100


def test_labels_name_the_measure(label_score):
    wrong = "\n".join(f"{r} {lb!r}: {t} want {m} in {s}" for r, lb, t, m, s in label_score.wrong)
    assert label_score.share >= RIGHT, f"{label_score.right}/{label_score.expected} right; wrong:\n{wrong}"


# --- the scorer itself, on sentences written for it ---

SENTENCE = "全县新建乡村公路86公里，完成投资2.3亿元，增长9%。"


def at(sentence: str, figure: str) -> tuple[int, int]:
    start = sentence.index(figure)
    return start, start + len(figure)


@pytest.mark.parametrize(
    "label, measure, figure, right",
    [
        pytest.param("新建乡村公路", ["新建", "乡村公路"], "86公里", True, id="right"),
        pytest.param("全县新建 乡村公路", ["新建", "乡村公路"], "86公里", True, id="filler-of-its-clause-and-spaces"),
        pytest.param("乡村公路", ["新建", "乡村公路"], "86公里", False, id="missing-a-string"),
        pytest.param("完成投资", ["乡村公路", "投资"], "2.3亿元", False, id="missing-the-subject"),
        pytest.param("乡村公路投资", ["乡村公路", "投资"], "2.3亿元", True, id="subject-carried-over"),
        pytest.param("乡村公路完成投资", ["乡村公路", "投资"], "2.3亿元", True, id="subject-and-own-verb"),
        pytest.param("乡村公路86公里完成投资", ["乡村公路", "投资"], "2.3亿元", False, id="reaches-the-clause-before"),
        pytest.param("投资增长", ["投资", "增长"], "9%", True, id="growth-subject-before"),
        pytest.param("全县投资增长", ["投资", "增长"], "9%", False, id="filler-from-beyond"),
        pytest.param("新建乡村公路完成投资", ["新建", "乡村公路"], "86公里", False, id="reaches-the-next-figure"),
        pytest.param(None, ["新建", "乡村公路"], "86公里", False, id="no-label"),
    ],
)
def test_the_scorer(label, measure, figure, right):
    assert label_right(label, measure, SENTENCE, *at(SENTENCE, figure)) is right


def test_the_scorer_on_a_list():
    """``、`` does not break a clause: the item before a figure is in its clause."""
    sentence = "城区、乡镇学校新增学位分别为1200个、800个。"
    assert label_right("乡镇学校新增学位", ["乡镇", "新增学位"], sentence, *at(sentence, "800个"))
    assert not label_right("城区学校新增学位", ["乡镇", "新增学位"], sentence, *at(sentence, "800个"))


def test_the_scorer_joins_the_words_around_the_figure():
    sentence = "优化服务，建设10个国家临床重点专科。"
    assert label_right("建设国家临床重点专科", ["临床重点专科"], sentence, *at(sentence, "10个"))
    assert not label_right("优化建设国家临床重点专科", ["临床重点专科"], sentence, *at(sentence, "10个"))
    assert not label_right("国家建设临床重点专科", ["临床重点专科"], sentence, *at(sentence, "10个"))


def test_the_score_counts_missing_figures():
    s = Score(expected=4, right=3)
    assert s.share == 0.75 and s.share < RIGHT
