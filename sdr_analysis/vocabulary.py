"""Vocabulary: the words that set a section apart from the others, and the policy
domains it speaks to.

Segmentation is jieba's (the usual choice for Chinese: a dictionary and an HMM for
unknown words, pure Python, no model download). Domains come from
``data/domains.csv``: its categories follow the functional classes of government
expenditure (支出功能分类) in the Ministry of Finance's classification of government
revenue and expenditure (政府收支分类科目); the keywords for each are the project's own
choice, kept as data so they can be read and changed.
"""

from __future__ import annotations

import csv
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


class Domain(NamedTuple):
    key: str
    zh: str
    en: str
    keywords: tuple[str, ...]


@lru_cache(maxsize=None)
def domains() -> tuple[Domain, ...]:
    """The policy-domain dictionary, in the order of its file."""
    text = resources.files("sdr_analysis").joinpath("data/domains.csv").read_text(encoding="utf-8")
    return tuple(
        Domain(row["domain"], row["zh"], row["en"], tuple(row["keywords"].split("|")))
        for row in csv.DictReader(text.splitlines())
    )


@lru_cache(maxsize=None)
def _domain_pattern() -> re.Pattern[str]:
    words = sorted({w for d in domains() for w in d.keywords}, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=None)
def _keyword_domain() -> dict[str, str]:
    return {w: d.key for d in domains() for w in d.keywords}


def domain_counts(text: str) -> Counter:
    """How many domain keywords of each domain ``text`` holds (longest match first,
    no overlaps)."""
    kd = _keyword_domain()
    return Counter(kd[m.group()] for m in _domain_pattern().finditer(text))


def domain_shares(text: str) -> dict[str, float]:
    """Each domain's share (0–100) of the keyword hits in ``text``, every domain listed."""
    counts = domain_counts(text)
    total = sum(counts.values())
    return {d.key: (100 * counts[d.key] / total if total else 0.0) for d in domains()}


@lru_cache(maxsize=1)
def _jieba():
    import logging
    import warnings

    with warnings.catch_warnings():
        # jieba imports pkg_resources, which newer setuptools warn about on stderr:
        # a line that would land in every page's notebook
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
        import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _is_unit(word: str) -> bool:
    return word in UNIT_BY_SURFACE or (word[0] in "万亿" and word[1:] in UNIT_BY_SURFACE)


def words(text: str) -> list[str]:
    """Content words of ``text``: Chinese words of two or more characters; stop words
    (:func:`stopwords`), units (``万平方米``) and words that open with a numeral
    (``二级``) left out."""
    stop = stopwords()
    return [
        w for w in _jieba().lcut(text)
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
