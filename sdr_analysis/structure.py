"""Document structure: headings and the sections under them, paragraphs with their
theme sentences, and sentences. All of it as spans of the original text."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple, Optional, Sequence

from .cleaning import lines, strip_span
from .numbers import parse_arabic, parse_chinese
from .results import Paragraph, Section, Sentence


class HeadingStyle(NamedTuple):
    """One way of numbering headings: a name and a pattern, anchored at the start of a
    line, whose group ``num`` is the numeral."""

    name: str
    pattern: re.Pattern[str]


CN = "一二三四五六七八九十百零〇两"

#: Heading styles, outermost first: a document's levels follow this order among the
#: styles it actually uses.
HEADING_STYLES: tuple[HeadingStyle, ...] = (
    HeadingStyle("part", re.compile(rf"第(?P<num>[{CN}]+)部分")),
    HeadingStyle("cn_comma", re.compile(rf"(?P<num>[{CN}]+)、")),
    HeadingStyle("cn_paren", re.compile(rf"[(（](?P<num>[{CN}]+)[)）]")),
    HeadingStyle("arabic", re.compile(r"(?P<num>[0-9０-９]{1,2})[.．、](?![0-9０-９])")),
    HeadingStyle("arabic_paren", re.compile(r"[(（](?P<num>[0-9０-９]{1,2})[)）]")),
)

#: Where a sentence ends: 。！？ and their ASCII forms, with any closing quotes or
#: brackets that follow the stop.
SENTENCE_END = re.compile(r"[。！？!?][”’」』）)》]*")

#: Punctuation that ends a clause inside a sentence.
CLAUSE_BREAKS = ",，;；:：。！？!?\n"

#: Clause breaks plus the enumeration comma, for lists of figures (``249栋楼、82万平方米``).
LIST_BREAKS = CLAUSE_BREAKS + "、"


def clause_bounds(text: str, pos: int, lo: int, hi: int, breaks: str = CLAUSE_BREAKS) -> tuple[int, int]:
    """The clause around ``pos``: back to the last break before it (not before ``lo``)
    and on to the next break (not past ``hi``)."""
    s = pos
    while s > lo and text[s - 1] not in breaks:
        s -= 1
    e = pos
    while e < hi and text[e] not in breaks:
        e += 1
    return s, e


#: A paragraph's theme is its first sentence when that is a short lead without a
#: comma (``政务服务效能提高。``); longer first sentences are part of the narrative.
MAX_THEME_LENGTH = 20
THEME_BREAKS = re.compile(r"[,，;；:：]")


def ordinal(numeral: str) -> int:
    """Value of a heading numeral, Chinese or Arabic."""
    if numeral[0] in CN:
        return int(parse_chinese(numeral.replace("〇", "零")))
    return int(parse_arabic(numeral))


def match_heading(text: str, start: int, end: int) -> Optional[tuple[int, re.Match[str]]]:
    """The heading style (its index) and marker match at ``start``, if the line opens
    with a heading marker followed by some text."""
    for index, style in enumerate(HEADING_STYLES):
        m = style.pattern.match(text, start, end)
        if m and m.end() < end and _is_one_number(m.group("num")):
            return index, m
    return None


def _is_one_number(numeral: str) -> bool:
    """Whether a heading numeral is one number (``十四五、`` is not)."""
    try:
        ordinal(numeral)
    except ValueError:
        return False
    return True


def title_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A heading's title runs from after the marker to its first 。 (kept), or to the
    end of the line."""
    start, end = strip_span(text, start, end)
    stop = text.find("。", start, end)
    return (start, stop + 1) if stop != -1 else (start, end)


def find_sections(text: str, body: tuple[int, int]) -> list[Section]:
    """Every heading in the body, with its level and its span up to the next heading
    of the same or a higher level (or the end of the body)."""
    found = []  # (style index, marker match, line start, line end)
    for s, e in lines(text, *body):
        ls, le = strip_span(text, s, e)
        if ls == le:
            continue
        hit = match_heading(text, ls, le)
        if hit:
            found.append((hit[0], hit[1], ls, le))
    styles = sorted({style for style, *_ in found})
    level_of = {style: i + 1 for i, style in enumerate(styles)}
    levels = [level_of[style] for style, *_ in found]
    sections = []
    for i, (style, m, ls, le) in enumerate(found):
        level = levels[i]
        end = body[1]
        for j in range(i + 1, len(found)):
            if levels[j] <= level:
                end = found[j][2]
                break
        ts, te = title_span(text, m.end(), le)
        num = m.group("num")
        sections.append(
            Section(
                start=ls,
                end=end,
                text=text[ls:end],
                marker=m.group(0),
                number=num,
                ordinal=ordinal(num),
                title=text[ts:te],
                level=level,
                title_start=ts,
                title_end=te,
            )
        )
    return sections


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of ``text[start:end]``, each with its closing stop; a trailing piece
    without one is a sentence too."""
    out = []
    pos = start
    for m in SENTENCE_END.finditer(text, start, end):
        s, e = strip_span(text, pos, m.end())
        if s < e:
            out.append(Sentence(s, e, text[s:e]))
        pos = m.end()
    s, e = strip_span(text, pos, end)
    if s < e:
        out.append(Sentence(s, e, text[s:e]))
    return out


def theme_of(first: Sentence) -> Optional[Sentence]:
    """The first sentence of a paragraph, if it is a short lead naming the theme."""
    if (
        len(first.text) <= MAX_THEME_LENGTH
        and first.text.endswith("。")
        and not THEME_BREAKS.search(first.text)
    ):
        return first
    return None


class SectionIndex:
    """Finds the section an offset falls in (the outermost heading level)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        top = min((s.level for s in sections), default=1)
        self.sections = [s for s in sections if s.level == top]
        self.starts = [s.start for s in self.sections]

    def at(self, offset: int) -> Optional[Section]:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.sections[i].end:
            return self.sections[i]
        return None

    def number_at(self, offset: int) -> Optional[str]:
        sec = self.at(offset)
        return sec.number if sec else None


def find_paragraphs(
    text: str, body: tuple[int, int], sections: Sequence[Section], index: SectionIndex
) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs (non-empty lines of the body) and all sentences, in reading order.
    A heading line's first sentence is its title, never a theme."""
    heading_starts = {s.start for s in sections}
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for s, e in lines(text, *body):
        ps, pe = strip_span(text, s, e)
        if ps == pe:
            continue
        sents = split_sentences(text, ps, pe)
        sentences.extend(sents)
        theme = None if ps in heading_starts or not sents else theme_of(sents[0])
        paragraphs.append(Paragraph(ps, pe, text[ps:pe], theme=theme, section=index.number_at(ps)))
    return paragraphs, sentences


def missing_numbers(sections: Sequence[Section]) -> list[int]:
    """Ordinals absent from the outermost heading sequence: those before its first
    number and the gaps inside it."""
    if not sections:
        return []
    top = min(s.level for s in sections)
    present = sorted({s.ordinal for s in sections if s.level == top})
    return [n for n in range(1, present[-1] + 1) if n not in present]
