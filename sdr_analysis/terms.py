"""Quoted terms: named initiatives, slogans and titles between quotation marks (“…”,
「…」, 『…』), the text inside the innermost balanced pair, quotes excluded.

The marks are paired once for the whole text (:mod:`sdr_analysis.quotes`); a pair
with another term pair inside it is not a term, but a pair with only ``‘…’`` or
``《…》`` inside is (``“《民法典》进万家”``).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .document import Document
from .quotes import TERM_OPENERS, Quoted
from .results import Term, positional

make_term = positional(Term)


def term_spans(quoted: Iterable[Quoted]) -> Iterator[tuple[int, int]]:
    """Spans of the quoted terms (inside the marks) in reading order, one at a time:
    a report holds tens of thousands."""
    return (
        (q.start + 1, q.end - 1) for q in quoted if q.innermost and q.opener in TERM_OPENERS and q.end - q.start > 2
    )


def find_terms(doc: Document) -> list[Term]:
    """The quoted terms of the page's body, in reading order, repeats kept, each with
    the key of its policy section."""
    text, spans = doc.text, list(term_spans(doc.quoted))
    numbers = doc.numbers_at(s for s, _ in spans)
    return [make_term(s, e, text[s:e], n) for (s, e), n in zip(spans, numbers)]  # start, end, text, section: by position, a call per term
