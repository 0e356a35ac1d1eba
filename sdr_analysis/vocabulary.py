"""Vocabulary: the words that set a section apart from the others.

Segmentation is jieba's (the usual choice for Chinese: a dictionary and an HMM for
unknown words, no model download), through ``rjieba``, its compiled form. The policy domains a text speaks to
are counted by :mod:`sdr_analysis.attention`, with dictionaries kept as data.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Sequence

from .chars import HAN
from .units import UNIT_BY_SURFACE

CJK_WORD = re.compile(f"^[{HAN}]{{2,}}$")
#: A word that opens with a numeral counts or ranks (``二级``, ``一处``, ``十五``): no
#: policy thing.
NUMERAL_WORD = re.compile(r"^[零〇一二两三四五六七八九十百千万亿第]")


@lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    """Words too common in work reports, or too general, to tell sections apart: the
    list kept as data in ``data/stopwords.txt``."""
    text = resources.files("sdr_analysis").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())
PRIOR = 0.5
TOP_TERMS = 8


@lru_cache(maxsize=1)
def _segmenter():
    from .attention import segmenter

    return segmenter()


def _is_unit(word: str) -> bool:
    return word in UNIT_BY_SURFACE or (word[0] in "万亿" and word[1:] in UNIT_BY_SURFACE)


def words(text: str) -> list[str]:
    """Content words of ``text``: Chinese words of two or more characters; stop words
    (:func:`stopwords`), units (``万平方米``) and words that open with a numeral
    (``二级``) left out."""
    stop = stopwords()
    return [
        w for w in _segmenter().cut(text, True)
        if CJK_WORD.match(w) and w not in stop and not _is_unit(w) and not NUMERAL_WORD.match(w)
    ]


class Distinctive(NamedTuple):
    word: str
    count: int  # type: ignore[assignment]  # a field named like tuple.count, on purpose
    score: float


def distinctive_terms(texts: Sequence[str], top: int = TOP_TERMS) -> list[list[Distinctive]]:
    """For each text, the words most over-represented against all the others: the log
    odds ratio of the word's rate in the text and in the rest, with a small additive
    prior. Words seen once are kept only if a text has too few repeated ones.

    Computed once for the same texts: each section's page of a report asks for all
    its sections' terms, and the pages of one report are made one after another."""
    return [list(ranked) for ranked in _distinctive_terms(tuple(texts), top)]


@lru_cache(maxsize=8)
def _distinctive_terms(texts: tuple[str, ...], top: int) -> tuple[tuple[Distinctive, ...], ...]:
    counts = [Counter(words(t)) for t in texts]
    total: Counter[str] = Counter()
    for c in counts:
        total.update(c)
    vocab = len(total) or 1
    n_all = sum(total.values())
    out = []
    for c in counts:
        n_in = sum(c.values())
        n_out = n_all - n_in
        scored = []
        for w, k in c.items():
            rest = total[w] - k
            score = math.log((k + PRIOR) / (n_in + PRIOR * vocab)) - math.log((rest + PRIOR) / (n_out + PRIOR * vocab))
            scored.append(Distinctive(w, k, round(score, 3)))
        scored.sort(key=lambda d: (d.count < 2, -d.score, d.word))
        out.append(tuple(scored[:top]))
    return tuple(out)
