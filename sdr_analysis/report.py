"""The :class:`Report`: a report's text and everything found in it, each computed once
on first use."""

from __future__ import annotations

import os
from collections import Counter
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence

from .amounts import largest_amounts, stated_totals
from .chars import CLOSERS, ELLIPSIS, HAN_CHAR, STOPS
from .claims import find_claims
from .document import Document, read_document
from .exceptions import ParameterError, ReportReadError, SectionNotFound
from .html import html_to_text, looks_like_html
from .indicators import find_indicators
from .metadata import parse_metadata
from .numbers import CN_DIGITS, chinese_ordinal
from .reading import read_report_text, unescape_line_breaks
from .relations import find_relations
from .results import Claim, Indicator, Metadata, Paragraph, Part, Relation, Result, Section, SectionSummary, Sentence, Span, Target, Term
from .roles import assign_roles
from .spans import SpanIndex
from .structure import missing_numbers
from .summary import summarize
from .targets import find_absent, find_results, find_targets, measures
from .terms import find_terms

if TYPE_CHECKING:
    import pandas as pd

#: How a complete sentence ends: a stop and any closers, or an ellipsis.
SENTENCE_ENDS = STOPS + CLOSERS + ELLIPSIS

#: A page with fewer Chinese characters, or fewer full sentences, than this holds no
#: report (a login page, a list of links to news).
MIN_REPORT_CHARS = 20
MIN_REPORT_SENTENCES = 3


class Report:
    """A government work report: its text, where it came from, and what it says.

    Build one with :func:`load_report` (a file) or :func:`parse_report` (a string).
    Every finding is a result with ``start``/``end``/``text`` into :attr:`text`. The
    report reads its text once into a :class:`~sdr_analysis.document.Document` (its
    shape) and asks each extractor for its findings on first use, keeping them.
    """

    #: What the text was read from: ``text`` (the file's text, or a string), ``html``,
    #: ``pdf`` or ``docx`` (text extracted from the file: offsets index the extracted text).
    format = "text"

    def __init__(self, text: str, source: Optional[str] = None) -> None:
        if not isinstance(text, str):
            raise ParameterError("text", _shown(text), "give the report's text as a str (load_report reads a file)")
        self.text = unescape_line_breaks(text)
        self.source = source
        self._indexes: dict[str, SpanIndex[Any]] = {}

    def __repr__(self) -> str:
        return f"<Report {self.source or '<text>'}: {len(self.sections)} sections, {len(self.indicators)} indicators>"

    # structure

    @cached_property
    def document(self) -> Document:
        """The text's shape: body, lines, furniture, parts, sections, paragraphs,
        sentences and names, found once."""
        return read_document(self.text)

    @cached_property
    def metadata(self) -> Metadata:
        return parse_metadata(self.text, self.document.title, self.document.page_body)

    @property
    def appendix(self) -> Optional[Span]:
        """What follows the report's closing: appendices, glossaries, notes (``附件``,
        ``名词解释``); ``None`` if the text ends with the report. Its sentences,
        figures, claims and terms are found like the report's, but belong to no
        section; its headings are not parts or sections."""
        return self.document.appendix

    @property
    def body(self) -> tuple[int, int]:
        """``(start, end)`` of the report text inside the page: chrome, title and
        appendix left out. Parts and sections are found here; sentences and findings
        in the appendix too."""
        return self.document.body

    @cached_property
    def furniture(self) -> list[tuple[int, int]]:
        """Lines inside the body that are page furniture, not report text: page numbers,
        running headers, navigation and publishing lines."""
        return list(self.document.furniture)

    @property
    def wrapped(self) -> bool:
        """Whether the text is hard-wrapped (a PDF or Word dump): its paragraphs are put
        together from several lines."""
        return self.document.wrapped

    @cached_property
    def headings(self) -> list[Section]:
        """Every heading, at every level, in reading order, each with its ``kind``
        (``part``, ``section``, ``item``); the appendix's headings last, marked
        ``appendix``."""
        return list(self.document.headings)

    @cached_property
    def parts(self) -> list[Part]:
        """The report's parts with their periods and sections; a report of sections
        only (a page that starts at (三)) has one implied part holding them."""
        return list(self.document.parts)

    @cached_property
    def sections(self) -> list["ReportSection"]:
        """The policy sections, in reading order, of every part: the (一)… of each
        part, a part without them as one section, or the sections of a report without
        parts (the seed: (三) to (六)). The same objects :meth:`section` returns."""
        return [ReportSection(self, s) for s in self.document.sections]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return self.document.paragraphs.items

    @cached_property
    def sentences(self) -> list[Sentence]:
        return self.document.sentences.items

    def sentence_at(self, offset: int) -> Optional[Sentence]:
        """The sentence that holds ``offset``."""
        return self.document.sentences.at(offset)

    def section_number_at(self, offset: int) -> Optional[str]:
        """The key of the policy section that holds ``offset``."""
        return self.document.section_at(offset)

    @cached_property
    def missing_sections(self) -> list[str]:
        """Numbers absent from the report's numbering, as written (the seed starts at
        三, so ``['一', '二']``): the parts' numbers where there are parts (``二``), and
        the sections' numbers within each part (``三.二``)."""
        sections = list(self.document.sections)
        if self.parts and self.parts[0].implied:
            return _written(missing_numbers(sections), sections)
        marked = [p for p in self.parts if p.marker]
        out = _written(missing_numbers(marked), marked)
        for p in self.parts:
            numbered = [s for s in p.sections if s.start != p.start]
            out += [f"{p.number}.{n}" for n in _written(missing_numbers(numbered), numbered)]
        return out

    @cached_property
    def notes(self) -> list[str]:
        """What the parser noticed about the text as a whole."""
        out = []
        sections = self.document.sections
        if not sections:
            out.append("no numbered headings found: the report is read as one block of text")
        if self.missing_sections and self.parts[0].implied:
            first = sections[0]
            out.append(
                f"numbering starts at {first.marker}: section(s) {', '.join(self.missing_sections)} "
                "are not in this text (a partial report)"
            )
        elif self.missing_sections:
            out.append(f"missing from the numbering: {', '.join(self.missing_sections)} (part, or part.section)")
        if self.appendix:
            out.append(f"an appendix follows the report's closing ({len(self.appendix.text)} characters): "
                       "not report body, its headings are not sections")
        counts = Counter(s.key for s in sections if s.key)
        repeated = [n for n, k in counts.items() if k > 1]
        if repeated:
            out.append(f"duplicate section numbers: {', '.join(repeated)} appear more than once; "
                       "section lookups take the first")
        if self.sentences and self.sentences[-1].text[-1] not in SENTENCE_ENDS:
            out.append("the text ends mid-sentence: the report may be cut short")
        if self.metadata.title is None and not (self.metadata.place or self.metadata.date):
            out.append("no title line naming the report: place and date unknown")
        elif self.metadata.title is None:
            out.append("no title line naming the report: place and date read from the opening lines")
        if self.wrapped:
            out.append("hard-wrapped text (a PDF or Word dump): paragraphs are joined from their lines")
        if not any(t.horizon == "year" for t in self.targets):
            out.append("no passage of main expected targets (主要预期目标是…) found: the report sets no annual targets here")
        return out

    # findings

    def in_name(self, offset: int) -> bool:
        """Whether ``offset`` lies between balanced quotes or title marks."""
        return offset in self.document.names

    def not_prose(self, offset: int) -> bool:
        """Whether ``offset`` lies in a name (quotes, title marks) or in page furniture."""
        return offset in self.document.not_prose

    @cached_property
    def terms(self) -> list[Term]:
        """Quoted terms (named initiatives) in reading order, repeats kept."""
        return find_terms(self.document)

    @cached_property
    def _figures(self) -> list[Indicator]:
        """The figures as found, before their roles are set: only :attr:`indicators`
        and :attr:`levels` read them."""
        return find_indicators(self.document)

    @cached_property
    def _figure_relations(self) -> list[Relation]:
        return find_relations(self.document, self._figures)

    @cached_property
    def indicators(self) -> list[Indicator]:
        """Every figure in reading order, each money figure with its role
        (:func:`sdr_analysis.roles.money_role`), which the levels a verb sets decide."""
        found = self._figures
        if any(i.kind == "money" for i in found):
            assign_roles(found, self.document, self.levels)
        return found

    @cached_property
    def levels(self) -> frozenset[int]:
        """Starts of the figures a verb sets as a level (``提升至850元``): standards, not
        amounts, so the largest amounts leave them out."""
        return frozenset(r.after.start for r in self._figure_relations if r.kind == "set_to" and r.after is not None)

    @cached_property
    def claims(self) -> list[Claim]:
        return find_claims(self.document)

    @cached_property
    def relations(self) -> list[Relation]:
        """Relations between figures, found once; they point at the figures of
        :attr:`indicators` (the ones with their roles)."""
        _ = self.indicators  # sets the roles of the figures the relations hold
        return self._figure_relations

    @cached_property
    def targets(self) -> list[Target]:
        """The quantified targets the report sets, in reading order: the coming year's
        (``horizon == "year"``) and a five-year plan's (``"five_year"``); see
        :mod:`sdr_analysis.targets`."""
        return find_targets(self.document, self.indicators)

    @cached_property
    def targets_absent(self) -> list[Target]:
        """Measures the report says it sets no target for (``不设…具体目标``), each a
        :class:`Target` with ``absent == "explicit"`` and no value."""
        return find_absent(self.document)

    @cached_property
    def results(self) -> list[Result]:
        """The past year's results the review states (growth rates and levels of the
        measures targets are set for); see :mod:`sdr_analysis.targets`."""
        return find_results(self.document, self.indicators)

    def result(self, measure: str, change: bool = True) -> Optional[Result]:
        """The past year's result of ``measure`` (its growth rate, or with
        ``change=False`` its level), or ``None`` where the review states none."""
        found = next((r for r in self.results if r.measure == measure and r.change == change), None)
        if found is None and measure != "other" and measure not in measures():  # checked only when nothing is found
            raise ParameterError("measure", measure, f"use one of: {', '.join(measures())}")
        return found

    @cached_property
    def summaries(self) -> list[SectionSummary]:
        """One summary per policy section, in reading order: its counts, density and
        largest amount of money stated (see :mod:`sdr_analysis.summary`)."""
        if not self.document.sections:
            return []
        return summarize(self.document, self._index("indicators"), self._index("claims"), self._index("terms"))

    # access

    def within(self, findings: str, start: int, end: int) -> list:
        """The findings of one kind (``"indicators"``, ``"sentences"``, …) that start
        in ``[start, end)``, in reading order: a slice found by bisection, so that
        asking for every section's findings stays linear in the report's size."""
        if findings not in FINDINGS:
            raise ParameterError("findings", findings, f"use one of: {', '.join(FINDINGS)}")
        return self._index(findings).within(start, end)

    def _index(self, findings: str) -> SpanIndex[Any]:
        """The findings of one kind as a :class:`SpanIndex`, made once, shared by
        :meth:`within` and the extractors that read them."""
        index = self._indexes.get(findings)
        if index is None:
            index = self._indexes[findings] = SpanIndex.of(getattr(self, findings))
        return index

    def section(self, number: str | int) -> "ReportSection":
        """The policy section named ``number``: its key (``"五"`` where the report has
        no parts, ``"三.二"`` for (二) of part 三), its ordinals (``"3-2"``, or ``5`` and
        ``"5"`` where there are no parts), or, where only one section has it, its
        number or marker (``"(五)"``)."""
        if isinstance(number, bool) or not isinstance(number, (str, int)):
            keys = ", ".join(s.key for s in self.sections) or "none"
            raise ParameterError("number", _shown(number), f"use a section's key or number as a str or int; sections: {keys}")
        asked = str(number)  # an int is its numeral: 5 is "5"
        wanted = asked.strip()
        bare = wanted.strip("()（）、.")
        for s in self.sections:
            if wanted in (s.key, s.slug):
                return s
        matches = [s for s in self.sections if bare in (s.number, str(s.ordinal)) or wanted == s.marker]
        if len(matches) == 1:
            return matches[0]
        raise SectionNotFound(asked, [s.key for s in self.sections])

    def part_of(self, sec: Section) -> Optional[Part]:
        """The part a policy section is in (``None`` for a heading that is no policy
        section): looked up, as the document keeps it, not searched for."""
        try:
            return self.document.part_of(sec)
        except KeyError:
            return None

    def __iter__(self):
        return iter(self.sections)

    # tables

    def indicators_frame(self) -> "pd.DataFrame":
        from .frames import indicators_frame

        return indicators_frame(self.indicators)

    def claims_frame(self) -> "pd.DataFrame":
        from .frames import claims_frame

        return claims_frame(self.claims)

    def relations_frame(self) -> "pd.DataFrame":
        from .frames import relations_frame

        return relations_frame(self.relations)

    def sections_frame(self) -> "pd.DataFrame":
        from .frames import sections_frame

        return sections_frame(self.summaries)

    def terms_frame(self) -> "pd.DataFrame":
        from .frames import terms_frame

        return terms_frame(self.terms)


class ReportSection:
    """One section of a report and the findings inside it."""

    def __init__(self, report: Report, heading: Section) -> None:
        self.report = report
        self.heading = heading

    def __repr__(self) -> str:
        return f"<ReportSection {self.marker}{self.title}>"

    def __getattr__(self, name: str):
        """The heading's other fields (``kind``, ``period``, ``level``, ``style``,
        ``heading_dict()``…), read through to it."""
        if name.startswith("__") or name in ("report", "heading"):
            raise AttributeError(name)
        return getattr(self.heading, name)

    number = property(lambda self: self.heading.number)
    marker = property(lambda self: self.heading.marker)
    title = property(lambda self: self.heading.title)
    ordinal = property(lambda self: self.heading.ordinal)
    start = property(lambda self: self.heading.start)
    end = property(lambda self: self.heading.end)
    text = property(lambda self: self.heading.text)
    key = property(lambda self: self.heading.key)

    @cached_property
    def part(self) -> Part:
        """The part the section is in (the implied part of a report without parts)."""
        return self.report.document.part_of(self.heading)

    @cached_property
    def slug(self) -> str:
        """The section's name in file names: ``5`` for (五) of a report without parts,
        ``3-2`` for (二) of part 三, ``1`` for part 一 as its own section."""
        return self.report.document.slug_of(self.heading)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return self.report.within("paragraphs", self.start, self.end)

    @cached_property
    def themes(self) -> list[Sentence]:
        return [p.theme for p in self.paragraphs if p.theme is not None]

    @cached_property
    def sentences(self) -> list[Sentence]:
        return self.report.within("sentences", self.start, self.end)

    @cached_property
    def sentence_ids(self) -> dict[int, str]:
        """``{sentence start: 'S1', ...}``: each sentence's id in the section."""
        return {s.start: f"S{i}" for i, s in enumerate(self.sentences, start=1)}

    @cached_property
    def indicators(self) -> list[Indicator]:
        return self.report.within("indicators", self.start, self.end)

    @cached_property
    def claims(self) -> list[Claim]:
        return self.report.within("claims", self.start, self.end)

    @cached_property
    def relations(self) -> list[Relation]:
        return self.report.within("relations", self.start, self.end)

    @cached_property
    def terms(self) -> list[Term]:
        return self.report.within("terms", self.start, self.end)

    @property
    def money_amounts(self) -> list[Indicator]:
        """The money amounts the section states (in yuan; not per item, per head or a
        level: :func:`sdr_analysis.amounts.is_amount`), largest first. Each is a figure
        of the report; nothing is added up."""
        return largest_amounts(self.indicators)

    @property
    def stated_totals(self) -> list[Indicator]:
        """The amounts the section states as totals itself (``总投资``, ``合计``, ``累计``…:
        :func:`sdr_analysis.amounts.is_stated_total`), largest first."""
        return stated_totals(self.indicators)


def _written(ordinals: list[int], like: Sequence[Section | Part]) -> list[str]:
    """Ordinals written as the headings they are missing from write theirs."""
    uses_chinese = any(s.number[:1] in CN_DIGITS or s.number[:1] == "十" for s in like)
    return [chinese_ordinal(n) if uses_chinese else str(n) for n in ordinals]


#: The kinds of finding :meth:`Report.within` slices.
FINDINGS = ("sentences", "paragraphs", "indicators", "claims", "relations", "terms", "targets", "results", "headings")


def _shown(value: object) -> object:
    """A value as an error names it: a long text cut, so the message stays one line."""
    if isinstance(value, (str, bytes)) and len(value) > 40:
        return f"{value[:40]!r}…"
    return value


def parse_report(text: str, source: Optional[str] = None) -> Report:
    """A :class:`Report` of ``text`` (already decoded)."""
    return Report(text, source)


def load_report(path: str | os.PathLike[str]) -> Report:
    """Read and parse a report file: plain text, an HTML page, a PDF with a text layer or
    a Word .docx file (told from the content), text in UTF-8 with or without BOM,
    UTF-16 with BOM, or GB18030/GBK. The report's text is the file's text, or for a
    page, a PDF or a Word file the text extracted from it (:attr:`Report.format` says
    which)."""
    if not isinstance(path, (str, os.PathLike)):
        raise ParameterError("path", _shown(path), "give the path of a report file, as a str or a pathlib.Path")
    text, kind = read_report_text(path)
    if kind == "text" and looks_like_html(text):
        text, kind = html_to_text(text), "html"
        if len(HAN_CHAR.findall(text)) < MIN_REPORT_CHARS or text.count("。") < MIN_REPORT_SENTENCES:
            raise ReportReadError(str(path), "no report text found in this HTML page; save the page that holds the report")
    report = Report(text, source=str(Path(path)))
    report.format = kind
    return report
