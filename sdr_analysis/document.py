"""The shape of a report's text, read once: where the report is on its page, its lines,
page furniture, parts, sections, headings, paragraphs, sentences and names.

A :class:`Document` is built once per text (:func:`read_document`) and never changes;
every extractor (:mod:`~sdr_analysis.indicators`, :mod:`~sdr_analysis.claims`,
:mod:`~sdr_analysis.targets`…) reads the text through it, so that all of them agree
on where a sentence, a section or a name begins and ends. Every sorted collection is a
:class:`~sdr_analysis.spans.SpanIndex`, and clauses are found by one
:class:`Clauses` finder per set of breaks.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .chars import CLAUSE, Breaks, lines
from .cleaning import find_body
from .layout import find_furniture, is_wrapped, paragraph_spans
from .opening import find_title
from .outline import find_appendix, find_outline, find_unmarked_titles
from .quotes import Quoted, find_quoted
from .results import Paragraph, Part, Section, Sentence, Span, revised
from .spans import SpanIndex
from .structure import HeadingMatcher, find_paragraphs, find_sections


class Clauses:
    """Where the clauses of a text start and end, by one set of breaks
    (:class:`~sdr_analysis.chars.Breaks`): every break found once, in one pass, then
    looked up by bisection, so that finding a clause costs the same however far it is
    from the start of its sentence.

    A break that joins (``breaks.joins``) ends a clause only where the clause's own
    figure or limit begins right after it."""

    __slots__ = ("at", "joins")
    at: list[int]
    joins: frozenset[int]

    def __init__(self, text: str, breaks: Breaks, base: Optional["Clauses"] = None) -> None:
        if base is not None and breaks.more is not None:  # the base's breaks and the few more
            # two sorted runs, which the sort merges in one pass
            self.at = sorted(base.at + [m.start() for m in breaks.more.finditer(text)])
        else:
            self.at = [m.start() for m in breaks.pattern.finditer(text)]
        self.joins = frozenset(m.start() for m in breaks.joins.finditer(text)) if breaks.joins else frozenset()

    def start(self, pos: int, lo: int) -> int:
        """Where the clause holding ``pos`` starts: just after the last break in
        ``[lo, pos)``, or ``lo``."""
        at, joins = self.at, self.joins
        i = bisect.bisect_left(at, pos) - 1
        while i >= 0 and at[i] >= lo:
            if at[i] not in joins or at[i] == pos - 1:
                return at[i] + 1
            i -= 1
        return lo

    def end(self, pos: int, hi: int) -> int:
        """Where the clause holding ``pos`` ends: at the first break in ``[pos, hi)``,
        or ``hi``."""
        at, joins = self.at, self.joins
        i = bisect.bisect_left(at, pos)
        while i < len(at) and at[i] < hi:
            if at[i] not in joins or at[i] == hi - 1:
                return at[i]
            i += 1
        return hi

    def around(self, pos: int, lo: int, hi: int) -> tuple[int, int]:
        """The clause around ``pos``, not before ``lo`` nor past ``hi``."""
        return self.start(pos, lo), self.end(pos, hi)


@dataclass(frozen=True, eq=False)
class Document:
    """A report's text and its shape.

    ``page_body`` is the page less its chrome and title: the report and any appendix;
    ``body`` the report alone (parts and sections are found there); ``appendix`` what
    follows the report's closing (its headings are not sections). ``lines`` are the
    non-blank lines of the page body, white space left out; ``furniture`` those that
    are page numbers, running headers or navigation; ``wrapped`` tells a hard-wrapped
    text (a PDF or Word dump), whose paragraphs are joined from lines. ``headings`` are
    every heading in reading order with its kind (the appendix's last); ``parts`` the
    report's parts with their policy ``sections``. ``quoted`` are the balanced pairs of
    quotes and title marks; ``names`` the stretches they cover, and ``not_prose`` those
    and the furniture.
    """

    text: str
    title: Optional[Span]
    page_body: tuple[int, int]
    body: tuple[int, int]
    appendix: Optional[Span]
    lines: SpanIndex[tuple[int, int]]
    furniture: SpanIndex[tuple[int, int]]
    wrapped: bool
    headings: tuple[Section, ...]
    parts: tuple[Part, ...]
    sections: SpanIndex[Section]
    paragraphs: SpanIndex[Paragraph]
    sentences: SpanIndex[Sentence]
    quoted: tuple[Quoted, ...]
    names: SpanIndex[tuple[int, int]]
    not_prose: SpanIndex[tuple[int, int]]
    _clauses: dict[str, Clauses] = field(default_factory=dict, repr=False)
    _part_of: dict[int, Part] = field(default_factory=dict, repr=False)
    _parts: list[SpanIndex[Part]] = field(default_factory=list, repr=False)

    def section_at(self, offset: int) -> Optional[str]:
        """The key of the policy section that holds ``offset``, or ``None``."""
        section = self.sections.at(offset)
        return section.key if section is not None else None

    def numbers_at(self, offsets: Iterable[int]) -> list[Optional[str]]:
        """:meth:`section_at` of each of ``offsets``, given in increasing order (one walk)."""
        return [s.key if s is not None else None for s in self.sections.each_at(offsets)]

    def part_at(self, offset: int) -> Optional[Part]:
        """The part that holds ``offset``, or ``None``."""
        if not self._parts:  # once, for the same reason as part_of
            self._parts.append(SpanIndex.of(self.parts))
        return self._parts[0].at(offset)

    def part_of(self, section: Section) -> Part:
        """The part a policy section is in (the implied part of a report without parts)."""
        if not self._part_of:  # once: a report may have hundreds of sections
            self._part_of.update((s.start, p) for p in reversed(self.parts) for s in p.sections)
        return self._part_of[section.start]

    def slug_of(self, section: Section) -> str:
        """A policy section's name by ordinals, as file names and lookups write it:
        ``3-2`` for (二) of part 三, ``3`` for part 三 as its own section, ``5`` for
        section (五) of a report without parts."""
        part = self.part_of(section)
        if part.implied:
            return str(section.ordinal)
        return str(part.ordinal) if section.start == part.start else f"{part.ordinal}-{section.ordinal}"

    def clauses(self, breaks: Breaks = CLAUSE) -> Clauses:
        """The clause finder of the text for ``breaks``, made on first use."""
        found = self._clauses.get(breaks.name)
        if found is None:
            base = self.clauses(breaks.base) if breaks.base is not None else None
            found = self._clauses[breaks.name] = Clauses(self.text, breaks, base)
        return found


def read_document(text: str) -> Document:
    """The :class:`Document` of ``text``: its shape, found once."""
    title = find_title(text)
    page_body = find_body(text, title)
    page_lines = SpanIndex.of_spans(lines(text, *page_body))
    found = find_appendix(text, page_body, page_lines)
    appendix = Span(found[0], found[1], text[found[0] : found[1]]) if found else None
    body = (page_body[0], appendix.start) if appendix else page_body

    match = HeadingMatcher(text)

    def is_heading(start: int, end: int) -> bool:
        return match(start, end) is not None

    furniture = SpanIndex.of_spans(find_furniture(text, page_lines.items, is_heading))
    wrapped = is_wrapped(text, page_lines.items, furniture.items, is_heading)

    body_lines = page_lines.within(*body)
    skip = frozenset(furniture.starts)
    marked = find_sections(text, body, body_lines, skip, match=match)
    unmarked = find_unmarked_titles(text, body_lines, marked, is_heading)
    found_headings = find_sections(text, body, body_lines, skip, unmarked, match) if unmarked else marked
    outline = find_outline(text, found_headings, body)
    headings = list(outline.headings)
    if appendix:
        span = (appendix.start, appendix.end)
        headings += [revised(h, kind="item", key="", appendix=True) for h in find_sections(text, span, page_lines.within(*span))]
    sections = SpanIndex.of([s for p in outline.parts for s in p.sections])

    by_line = not (furniture or wrapped)
    if by_line:
        spans = page_lines.items
    else:
        starts = {h.start for h in headings}
        heading_lines = [span for span in page_lines if span[0] in starts]
        spans = paragraph_spans(text, page_lines.items, furniture.items, wrapped, heading_lines)
    paragraphs, sentences = find_paragraphs(text, page_body, headings, sections, spans, by_line)

    quoted = tuple(find_quoted(text, *page_body))
    names = SpanIndex.merged((q.start, q.end) for q in quoted)  # nested pairs in their outer span
    return Document(
        text=text,
        title=title,
        page_body=page_body,
        body=body,
        appendix=appendix,
        lines=page_lines,
        furniture=furniture,
        wrapped=wrapped,
        headings=tuple(headings),
        parts=tuple(outline.parts),
        sections=sections,
        paragraphs=SpanIndex.of(paragraphs),
        sentences=SpanIndex.of(sentences),
        quoted=quoted,
        names=names,
        not_prose=names | furniture if furniture else names,
    )
