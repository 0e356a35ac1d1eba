"""Document structure: headings and the sections under them, paragraphs with their
theme sentences, and sentences. All of it as spans of the original text."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from operator import itemgetter
from typing import Iterator, NamedTuple, Optional, Sequence

from .chars import (
    CLOSERS,
    CN_HEADING_NUMERAL,
    CN_STOPS,
    CN_YEAR_DIGIT,
    DIGITS,
    IN_LINE,
    LINE_BREAK,
    LINE_END,
    PAUSES,
    SPACE_IN_LINE,
    STOPS,
    alternation,
    strip_span,
)
from .numbers import MAX_INTEGER_DIGITS, parse_arabic, parse_chinese
from .results import Paragraph, Part, Section, Sentence, positional
from .spans import SpanIndex, sparse
from .words import words

make_sentence = positional(Sentence)
make_paragraph = positional(Paragraph)
make_section = positional(Section)


class HeadingStyle(NamedTuple):
    """One way of marking headings: a name and a pattern, anchored at the start of a
    line, whose group ``num`` is the numeral (empty for a style without numbers, whose
    headings are numbered ``1``, ``2``… in the order they come)."""

    name: str
    pattern: re.Pattern[str]


CN = CN_HEADING_NUMERAL

#: Heading styles, outermost first: a document's levels follow this order among the
#: styles it actually uses.
HEADING_STYLES: tuple[HeadingStyle, ...] = (
    HeadingStyle("part", re.compile(rf"第(?P<num>[{CN}]+)部分")),
    HeadingStyle("cn_comma", re.compile(rf"(?P<num>[{CN}]+)、")),
    # a bracket may stand alone at the end of its line, the numeral on the next (（ / 三）)
    HeadingStyle("cn_paren", re.compile(rf"[(（](?:{LINE_BREAK.pattern})?(?P<num>[{CN}]+)[)）]")),
    HeadingStyle("arabic", re.compile(rf"(?P<num>[{DIGITS}]{{1,2}})[.．、](?![{DIGITS}])")),
    HeadingStyle("arabic_paren", re.compile(rf"[(（](?P<num>[{DIGITS}]{{1,2}})[)）]")),
    # a dash lead (——这五年,…), but not the date line under a title, in either numeral
    # style (——2022年1月20日在…, ——二〇二六年一月二十七日在…)
    HeadingStyle("dash", re.compile(rf"——(?P<num>)(?!{SPACE_IN_LINE}*(?:(?:19|20)\d{{2}}|[{CN_YEAR_DIGIT}]{{4}}){SPACE_IN_LINE}*年)(?=\S)")),
    # paragraph openers: 一是…, 二是…
    HeadingStyle("cn_shi", re.compile(rf"(?P<num>[{CN}]{{1,3}})是(?=\S)")),
)

#: A style's index in :data:`HEADING_STYLES` by its name, and the name by index (the
#: index of unmarked part titles, outermost of all, is -1).
STYLE_INDEX = {style.name: i for i, style in enumerate(HEADING_STYLES)}
STYLE_NAMES = {**dict(enumerate(style.name for style in HEADING_STYLES)), -1: "unmarked"}


#: The characters a heading marker opens with: every style in :data:`HEADING_STYLES`
#: opens with one of them. Only lines that open so (after their indentation) are tried
#: against the styles, so the styles are not matched on every line of the body.
MARKER_OPENERS = frozenset(f"第{CN}(（{DIGITS}—")

#: A sentence, white space left out at both ends: up to its first stop and the closers
#: after it, or, if no stop follows, to the last non-blank character of the text.
SENTENCE = re.compile(rf"(?=\S)(?:[^{STOPS}]*[{STOPS}][{CLOSERS}]*|[^{STOPS}]*\S)")

#: A sentence of a paragraph: as :data:`SENTENCE`, but never past the end of its line,
#: so that one pass over the body finds the sentences of every paragraph.
LINE_SENTENCE = re.compile(rf"(?=\S)(?:[^{STOPS}\r\n]*[{STOPS}][{CLOSERS}]*|[^{STOPS}\r\n]*\S)")

#: A paragraph's theme is its first sentence when that is a short lead without a
#: comma (``政务服务效能提高。``); longer first sentences are part of the narrative.
MAX_THEME_LENGTH = 20
THEME_BREAKS = re.compile(f"[{PAUSES}]")


@lru_cache(maxsize=1024)
def ordinal(numeral: str) -> int:
    """Value of a heading numeral, Chinese or Arabic (cached: a report repeats a few
    numerals many times; the numbers given to dash leads in reading order, ``1``,
    ``2``…, are read at once)."""
    if numeral.isascii() and numeral.isdigit() and len(numeral) <= MAX_INTEGER_DIGITS:
        return int(numeral)
    if numeral[0] in CN:
        return int(parse_chinese(numeral.replace("〇", "零")))
    return int(parse_arabic(numeral))


HeadingMatch = Optional[tuple[int, re.Match[str]]]


def match_heading(text: str, start: int, end: int) -> HeadingMatch:
    """The heading style (its index) and marker match at ``start``, if the line opens
    with a heading marker followed by some text."""
    if text[start : start + 1] not in MARKER_OPENERS:  # no style can match: most lines of a report
        return None
    for index, style in enumerate(HEADING_STYLES):
        m = style.pattern.match(text, start, end)
        if m and m.end() < end and (not m.group("num") or _is_one_number(m.group("num"))):
            return index, m
    return None


class HeadingMatcher:
    """:func:`match_heading` on one text, each line matched once: a document asks of a
    line whether it is a heading when it looks for page furniture, for wrapped lines
    and for sections, and a text of headings only would pay three times."""

    __slots__ = ("text", "found")

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[tuple[int, int], HeadingMatch] = {}

    def __call__(self, start: int, end: int) -> HeadingMatch:
        key = (start, end)
        if key not in self.found:
            self.found[key] = match_heading(self.text, start, end)
        return self.found[key]


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


def _marked_lines(text: str, lines: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The lines (spans, white space left out) that may hold a heading: those that open
    with one of :data:`MARKER_OPENERS`."""
    openers = MARKER_OPENERS
    return ((s, e) for s, e in lines if text[s] in openers)


#: A marker that runs on after a sentence in the middle of a line (text saved without
#: its line breaks): ``…持续增进。（六）深入推进…``. Taken for a heading only when it
#: continues the document's own sequence of that style (see :func:`_run_on_headings`);
#: ``二、三产业`` (a list of numerals) is not a marker.
RUN_ON = re.compile(rf"[{CN_STOPS}]{SPACE_IN_LINE}*(?P<marker>[(（](?P<paren>[{CN}]+)[)）]|(?P<comma>[{CN}]+)、(?![{CN}]))")

#: The styles a run-on marker can have, by the group that holds its numeral.
RUN_ON_STYLES = {"paren": "cn_paren", "comma": "cn_comma"}

#: A part title glued to the paragraph after it (``一、2014年工作回顾过去的一年，…``)
#: ends where its words for a part do; only a title running on this far is cut.
GLUED_TITLE = re.compile(f".{{0,24}}?(?:{alternation(words('periods', 'part_titles'))})")
MAX_PART_TITLE = 40

#: A line holding only an opening bracket, the numeral on the next line (``（`` / ``三）…``).
NEXT_LINE = re.compile(rf"(?:{LINE_BREAK.pattern}){IN_LINE}*")

UNMARKED = -1  # the style index of part titles standing alone, outside HEADING_STYLES

#: Headings stand over text: a run of :data:`OUTLINE_RUN` that start within fewer than
#: :data:`OUTLINE_BYTES` bytes (30 a heading: heading lines with next to nothing under
#: them, such as one heading repeated) is no report's outline, and its lines are read
#: as text. Real reports write 1,500 bytes or more over 20 headings.
OUTLINE_RUN = 20
OUTLINE_BYTES = 600


def find_sections(
    text: str,
    body: tuple[int, int],
    lines: Sequence[tuple[int, int]],
    skip: frozenset[int] = frozenset(),
    unmarked: Sequence[tuple[int, int]] = (),
    match: Optional[HeadingMatcher] = None,
) -> list[Section]:
    """Every heading in the body, with its level and its span up to the next heading
    of the same or a higher level (or the end of the body). ``lines`` are the body's
    lines (:func:`sdr_analysis.chars.lines`); those starting at an offset in ``skip``
    (page furniture) are passed over. ``unmarked`` are the spans of part titles
    standing alone on their lines (outermost of all). ``match`` is the text's
    :class:`HeadingMatcher`, where the caller has one."""
    match = match or HeadingMatcher(text)
    found: list[tuple[int, Optional[re.Match[str]], int, int]] = []  # (style index, marker match, start, line end)
    for ls, le in _marked_lines(text, lines):
        if ls in skip:
            continue
        if le - ls == 1 and text[ls] in "(（":  # a bracket alone: its numeral is on the next line
            nxt = NEXT_LINE.match(text, le, body[1])
            le = strip_span(text, ls, nxt.end())[1] if nxt else le
        hit = match(ls, le)
        if hit:
            found.append((hit[0], hit[1], ls, le))
    found += [(UNMARKED, None, ls, le) for ls, le in unmarked]
    found.sort(key=lambda f: f[2])
    found = sorted(found + _run_on_headings(text, body, found), key=lambda f: f[2])
    found = list(sparse(text, found, itemgetter(2), OUTLINE_RUN, OUTLINE_BYTES))
    # levels follow what the document nests: keep the headings still open, innermost
    # last; a heading closes those of its own style and of styles inside it (by the
    # order of HEADING_STYLES), ending them where it starts, and its level is one more
    # than the number left open
    ends = [body[1]] * len(found)
    levels = []
    still_open: list[int] = []
    for j, (style, *_) in enumerate(found):
        while still_open and found[still_open[-1]][0] >= style:
            ends[still_open.pop()] = found[j][2]
        levels.append(len(still_open) + 1)
        still_open.append(j)
    sections = []
    unnumbered: Counter = Counter()
    for (style, m, ls, le), level, end in zip(found, levels, ends):
        ts, te = title_span(text, m.end() if m else ls, le)
        if style in (STYLE_INDEX["part"], STYLE_INDEX["cn_comma"]) and te - ts > MAX_PART_TITLE:
            glued = GLUED_TITLE.match(text, ts, te)
            te = glued.end() if glued else te
        num = m.group("num") if m else ""
        unnumbered[style] += not num
        # a style without numerals (—— leads, unmarked titles) is numbered in reading
        # order, so that every section has a number to be looked up, listed and written up by
        number = num or str(unnumbered[style])
        sections.append(
            make_section(
                start=ls,
                end=end,
                text=text[ls:end],
                marker=m.group(0) if m else "",
                number=number,
                ordinal=ordinal(number),
                title=text[ts:te],
                level=level,
                style=STYLE_NAMES[style],
                title_start=ts,
                title_end=te,
                kind="",
                period=None,
                part=None,
                key=number,
                appendix=False,
            )
        )
    return sections


def _run_on_headings(
    text: str, body: tuple[int, int], found: list[tuple[int, Optional[re.Match[str]], int, int]]
) -> list[tuple[int, Optional[re.Match[str]], int, int]]:
    """Markers in the middle of a line that continue their style's sequence: the last
    heading of the style before has the numeral one less, and the next one after (if
    any) a higher numeral or 1 (a new sequence), so that a numeral in running text
    (``。三、四月份…``) is not taken."""
    by_style: dict[int, list[tuple[int, int]]] = {}  # style → (start, ordinal) of its headings, in order
    for style, m, ls, _ in found:
        if m is not None and m.group("num"):
            by_style.setdefault(style, []).append((ls, ordinal(m.group("num"))))
    out: list[tuple[int, Optional[re.Match[str]], int, int]] = []
    for r in RUN_ON.finditer(text, *body):
        group = "paren" if r.group("paren") else "comma"
        style = STYLE_INDEX[RUN_ON_STYLES[group]]
        seq = by_style.get(style, [])
        try:
            value = ordinal(r.group(group))
        except ValueError:
            continue
        at = bisect.bisect_left(seq, (r.start("marker"), -1))
        before = seq[at - 1][1] if at else None
        after = seq[at][1] if at < len(seq) else None
        if before == value - 1 and (after is None or after > value or after == 1):
            hit = match_heading(text, r.start("marker"), len(text))
            if hit and hit[0] == style:
                line_end = LINE_END.search(text, r.end(), body[1])
                out.append((style, hit[1], r.start("marker"), line_end.start() if line_end else body[1]))
                seq.insert(at, (r.start("marker"), value))
    return out


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of ``text[start:end]``, each with its closing stop; a trailing piece
    without one is a sentence too."""
    return [make_sentence(s, e, text[s:e]) for s, e in map(re.Match.span, SENTENCE.finditer(text, start, end))]


def theme_of(first: Sentence) -> Optional[Sentence]:
    """The first sentence of a paragraph, if it is a short lead naming the theme."""
    if (
        len(first.text) <= MAX_THEME_LENGTH
        and first.text.endswith("。")
        and not THEME_BREAKS.search(first.text)
    ):
        return first
    return None


def find_paragraphs(
    text: str,
    body: tuple[int, int],
    headings: Sequence[Section],
    sections: SpanIndex[Section],
    spans: Sequence[tuple[int, int]],
    by_line: bool,
) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs and all sentences, in reading order, each paragraph with the key of
    the policy section (of ``sections``) it is in. ``spans`` are the paragraphs' spans:
    the body's lines where ``by_line`` (one line, one paragraph: one pass over the body
    finds every sentence), else put together from lines (hard-wrapped text, page
    furniture), where a sentence may run over a line break. A heading line's first
    sentence is its title, never a theme."""
    heading_starts = {s.start for s in headings}
    if by_line:
        # by span, the text cut from it: one call a sentence fewer than reading the match's group
        sentences = [make_sentence(s, e, text[s:e]) for s, e in map(re.Match.span, LINE_SENTENCE.finditer(text, *body))]
    else:
        sentences = [sentence for ps, pe in spans for sentence in split_sentences(text, ps, pe)]
    opening = {s.start: s for s in sentences}  # a paragraph's first sentence starts with it
    paragraphs = []
    holders = sections.each_at(ps for ps, _ in spans)
    for (ps, pe), holder in zip(spans, holders):
        number = (holder.key or holder.number) if holder is not None else None
        theme = None if ps in heading_starts else theme_of(opening[ps])
        paragraphs.append(make_paragraph(start=ps, end=pe, text=text[ps:pe], theme=theme, section=number))
    return paragraphs, sentences


def missing_numbers(sections: Sequence[Section | Part]) -> list[int]:
    """Ordinals absent from a sequence of headings: those before its first number and
    the gaps inside it."""
    present = {s.ordinal for s in sections}
    return [n for n in range(1, max(present) + 1) if n not in present] if present else []
