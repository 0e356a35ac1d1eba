"""The shape of a report: its parts, each with a period, the policy sections under
them, and the appendix after the closing.

A whole report reads ``一、2025年工作回顾`` / ``二、2026年工作安排`` / ``三、政府自身建设``,
policy sections ``（一）…`` under each part, and after the closing (``各位代表！…``)
sometimes appendices: lists of livelihood projects, glossaries. A page that starts at
(三) has sections only; they hang under one implied part whose period is told from
their wording.

- **Parts** are the outermost headings when they are part titles (``第一部分``, ``一、``,
  or a title standing alone on its line: ``2026年重点工作``) and they hold sections or
  name a period; otherwise the report has no parts.
- **Sections** are the headings directly under a part, of a style that numbers policy
  sections (not ``一是…`` openers nor ``——`` lead lines, which are themes). A part
  without such headings is its own single section.
- **Items** are every heading below a section.
- The **appendix** starts at the first line after the closing paragraph, or at a line
  that opens one (``附件``, ``名词解释``) in the last part of the text; it is not
  report body: its headings are not sections, its figures not the sections' figures.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple, Optional, Sequence

from .chars import CN_ONE_TO_NINE, CN_ONE_TO_TEN, CN_STOPS, COLONS, COMMAS, FIVE_YEAR_PLAN, ORNAMENTS, PAUSES, alternation
from .results import Part, Section, revised
from .spans import SpanIndex
from .words import words

#: Part titles' words for each period, tried in this order: a review that mentions the
#: next plan (``“十四五”时期发展成就和2025年工作回顾``) is a review; a title naming the
#: coming year's work is a plan even when it names the five-year plan too
#: (``“十五五”时期主要目标和2026年重点工作``).
PERIOD_TITLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("government", re.compile(rf"{alternation(words('periods', 'government_titles'))}|建设.{{0,12}}政府")),
    ("review", re.compile(rf"{alternation(words('periods', 'review_titles'))}|(?:发展|主要)?成就(?!.*目标)|取得.{{0,8}}(?:成效|进展|成果)")),
    ("plan", re.compile(
        rf"(?:(?:19|20)\d{{2}}|今|明)年.{{0,10}}(?:工作|任务|安排|建议|要求|取向)|{alternation(words('periods', 'plan_titles'))}"
    )),
    ("five_year", re.compile(
        rf"[“\"]?{FIVE_YEAR_PLAN}[”\"]?|{alternation(words('periods', 'five_year_titles'))}|第十[{CN_ONE_TO_NINE}]个五年"
    )),
)

#: Every period a part can have: those its title names, then ``other`` (its wording
#: names none either).
PERIODS: tuple[str, ...] = tuple(p for p, _ in PERIOD_TITLES) + ("other",)

#: Words of a part's text that tell its period where its title does not
#: (``一年接着一年干，…``): past results against tasks ahead; and among tasks ahead,
#: a five-year plan's horizon against the coming year's.
PAST_WORDS = re.compile(rf"{alternation(words('periods', 'past'))}|(?:{alternation(words('periods', 'past_before_figure'))})\d")
#: 要 and 将 look ahead, but not in 重要, 主要, 需要, 必要, 要求, 要素, 要点, 将近, 将军, 将士.
AHEAD_WORDS = re.compile(rf"{alternation(words('periods', 'ahead'))}|(?<![重主需必])要(?![求素点])|将(?![近军士])")
FIVE_YEAR_WORDS = re.compile(rf"{FIVE_YEAR_PLAN}[”\"]?(?:时期|期间|末)|到(?:19|20)\d{{2}}年|(?:2030|2035)年|五年")
THIS_YEAR_WORDS = re.compile(rf"{alternation(words('periods', 'this_year'))}|(?:19|20)\d{{2}}年(?:要|将|重点|工作)")
GOVERNMENT_WORDS = re.compile(alternation(words("periods", "government")))
#: Words about the government itself come in every part; a part is about it only
#: where they outnumber the horizon words this many times.
GOVERNMENT_SHARE = 10
#: The wording is read this far: a part's first pages tell its period as well as all
#: of it, and a page of many reports run together is not read through again.
PERIOD_SAMPLE = 20_000
#: The wording must favour past or ahead by this factor to set the period.
PERIOD_MARGIN = 1.2

#: A part title standing alone on its line, with no marker: short, no sentence stop,
#: naming a period (see :data:`PERIOD_TITLES`). Only where the report has two or more
#: such lines and its marked headings are not themselves parts.
UNMARKED_TITLE = re.compile(f"[^{CN_STOPS}{PAUSES}]{{4,30}}")
UNMARKED_WORDS = re.compile(alternation(words("periods", "part_titles")))
MIN_UNMARKED_PARTS = 2
#: A part title may open with a short slogan and a colon (``站在新起点：2012年工作回顾``);
#: the reports that write so write it on every part, so a line of the same slogan shape
#: between or after two such titles is a part title too, though its words name no
#: period (``开启新征程：确保…强势开局``).
SLOGAN_TITLE = re.compile(f"(?P<slogan>[^{CN_STOPS}{PAUSES}]{{2,8}})[{COLONS}](?P<title>[^{CN_STOPS}{PAUSES}]{{4,30}})")

#: Styles of headings that number policy sections; ``一是`` openers and ``——`` leads
#: are themes of a paragraph, never sections.
SECTION_STYLES = frozenset(("part", "cn_comma", "cn_paren", "arabic", "arabic_paren", "unmarked"))
#: Styles of headings that can mark a part.
PART_STYLES = frozenset(("part", "cn_comma", "unmarked"))

#: The closing address: ``各位代表！…`` near the end. What follows the closing
#: paragraph is not report body.
CLOSING = re.compile(f"各位代表[！!{COMMAS}{COLONS}]")
#: The longest title on an appendix's opening line (``附件1：2026年十件民生实事``).
MAX_APPENDIX_TITLE = 40
#: A line that opens an appendix: ``附件1``, ``附件：``, ``名词解释``, ``注释``, ``［1］…``; set
#: between ornaments (``※名词解释※``) or after ``附：`` (``附：名词解释``).
APPENDIX_LINE = re.compile(
    rf"[{ORNAMENTS}]*(?:(?:{alternation(words('periods', 'appendix_lead'))})[{COLONS}])?"
    rf"(?:{alternation(words('periods', 'appendix'))})[\d{CN_ONE_TO_TEN}]*"
    rf"(?:[\s{COLONS}{ORNAMENTS}]*$|[\s{COLONS}][^{CN_STOPS}]{{1,{MAX_APPENDIX_TITLE}}}$)|[［\[]1[］\]]"
)
#: The closing and an appendix are looked for only in the last part of the body: the
#: report opens with ``各位代表：`` too.
CLOSING_SEARCH_FROM = 0.5


class Outline(NamedTuple):
    """What :func:`find_outline` finds: the parts (with their sections) and every
    heading with its kind."""

    parts: list[Part]
    headings: list[Section]


def find_appendix(text: str, body: tuple[int, int], lines: SpanIndex[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The span of the appendix, from a line that opens one (``附件1``, ``名词解释``)
    after the closing address (the last line opening ``各位代表！``) to the body's end;
    without a closing, such a line in the last half of the body. ``None`` if the body
    ends with the report. ``lines`` are the body's lines."""
    start, end = body
    search_from = start + int((end - start) * CLOSING_SEARCH_FROM)
    for ls, le in lines.within(search_from, end):
        if CLOSING.match(text, ls, le):
            search_from = le
    for ls, le in lines.within(search_from, end):
        if APPENDIX_LINE.match(text, ls, le) and lines.within(le, end):
            return ls, end
    return None


def find_unmarked_titles(
    text: str, lines: Sequence[tuple[int, int]], marked: Sequence[Section], is_marker_line: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """Spans of part titles standing alone on their lines (``“十四五”时期工作回顾``),
    among the body's ``lines``, where the report has at least two and no marked part
    title comes before the first of them (the marked headings are then parts, or
    sections inside these). A line that opens with a heading marker
    (``is_marker_line``) is none, even where it is no heading (one of a run of
    headings too dense to be an outline)."""
    heading_starts = {h.start for h in marked}
    candidates = [(ls, le) for ls, le in lines if ls not in heading_starts and not is_marker_line(ls, le)]
    found = [
        (ls, le)
        for ls, le in candidates
        if (UNMARKED_TITLE.fullmatch(text, ls, le) or SLOGAN_TITLE.fullmatch(text, ls, le)) and UNMARKED_WORDS.search(text, ls, le)
    ]
    found = _slogan_siblings(text, candidates, found)
    if len(found) < MIN_UNMARKED_PARTS:
        return []
    first = found[0][0]
    if any(h.level == 1 and h.start < first and h.style in PART_STYLES and period_of_title(h.title) for h in marked):
        return []
    return found


def _slogan_siblings(text: str, lines: Sequence[tuple[int, int]], found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``found`` and the lines of the same slogan shape (:data:`SLOGAN_TITLE`, a slogan
    of the same length) after the first of them, where two or more of ``found`` share
    that shape."""
    lengths = [m.end("slogan") - ls for ls, le in found if (m := SLOGAN_TITLE.fullmatch(text, ls, le))]
    shared = {n for n in lengths if lengths.count(n) >= MIN_UNMARKED_PARTS}
    if not shared:
        return found
    first = found[0][0]
    siblings = [
        (ls, le) for ls, le in lines
        if ls > first and (m := SLOGAN_TITLE.fullmatch(text, ls, le)) and m.end("slogan") - ls in shared
    ]
    return sorted(set(found) | set(siblings))


def period_of_title(title: str) -> Optional[str]:
    """A part's period from its title's words, or ``None`` if they name none."""
    for period, pattern in PERIOD_TITLES:
        if pattern.search(title):
            return period
    return None


#: A year a part title names (``2023年主要工作``).
TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")


def title_year(title: str) -> Optional[int]:
    """The first year a part's title names, or ``None``: of two parts titled by the year
    of their work, the earlier is the review (``2023年主要工作``, ``2024年主要工作``)."""
    m = TITLE_YEAR.search(title)
    return int(m.group(1)) if m else None


def period_of_text(text: str) -> str:
    """A part's period from its wording: ``review`` where past results outnumber
    tasks ahead by :data:`PERIOD_MARGIN`; where tasks ahead do, ``five_year`` or
    ``plan`` by which horizon it names more; ``other`` when neither stands out."""
    text = text[:PERIOD_SAMPLE]
    past, ahead = len(PAST_WORDS.findall(text)), len(AHEAD_WORDS.findall(text))
    if past and past >= PERIOD_MARGIN * ahead:
        return "review"
    if ahead and ahead >= PERIOD_MARGIN * past:
        horizons = {
            "five_year": len(FIVE_YEAR_WORDS.findall(text)),
            "plan": len(THIS_YEAR_WORDS.findall(text)),
            "government": len(GOVERNMENT_WORDS.findall(text)) / GOVERNMENT_SHARE,
        }
        return max(("plan", "five_year", "government"), key=lambda period: horizons[period])
    return "other"


def find_outline(text: str, headings: Sequence[Section], body: tuple[int, int]) -> Outline:
    """Parts and their sections from the headings of the body (in reading order,
    with their levels), and every heading with its kind."""
    # part titles are the outermost headings of a part style: an opener before them
    # (一是… in the opening address) is not a part
    styles = [h.style for h in headings if h.level == 1 and h.style in PART_STYLES]
    top = [h for h in headings if h.level == 1 and styles and h.style == styles[0]]
    has_parts = bool(top) and (
        top[0].style == "unmarked"
        or any(period_of_title(h.title) for h in top)
        or any(h.level == 2 and h.style in SECTION_STYLES for h in headings)
    )
    if not has_parts:
        return _without_parts(text, headings, body)
    parts: list[Part] = []
    kinds: dict[int, Section] = {}
    # the latest year a plan's title names: a plan titled by an earlier year is the review
    last_year = max((y for h in top if period_of_title(h.title) == "plan" and (y := title_year(h.title))), default=None)
    # a part's sections are found by bisection: a walk over every heading for each part
    # would take time growing with the square of the headings of a text of many parts
    second = SpanIndex.of([h for h in headings if h.level == 2 and h.style in SECTION_STYLES])
    for p in top:
        children = second.within(p.start + 1, p.end)
        part_text = text[p.start : p.end]
        period = period_of_title(p.title) or period_of_text(part_text)
        year = title_year(p.title)
        if period == "plan" and year and last_year and year < last_year:
            period = "review"  # 2023年主要工作 before 2024年主要工作: the year before the plan's
        if children:
            sections = tuple(revised(h, kind="section", part=p.number, key=f"{p.number}.{h.number}") for h in children)
        else:  # a part without policy sections is its own single section
            sections = (revised(p, kind="section", part=p.number, key=p.number, period=period),)
        kinds[p.start] = revised(p, kind="part", period=period, key=p.number)
        for s in sections:
            if s.start != p.start:
                kinds[s.start] = s
        parts.append(
            Part(
                start=p.start, end=p.end, text=part_text, marker=p.marker, number=p.number, ordinal=p.ordinal,
                title=p.title, period=period, sections=sections,
            )
        )
    marked = [kinds.get(h.start) or revised(h, kind="item", key="") for h in headings]
    return Outline(parts, marked)


def _without_parts(text: str, headings: Sequence[Section], body: tuple[int, int]) -> Outline:
    """A report of sections only (its outermost headings), under one implied part
    whose period is told from its wording."""
    top = [h for h in headings if h.level == 1]
    sections = tuple(revised(h, kind="section") for h in top)
    keyed = {s.start: s for s in sections}
    marked = [keyed.get(h.start) or revised(h, kind="item", key="") for h in headings]
    start, end = (sections[0].start, sections[-1].end) if sections else body
    span_text = text[start:end]
    part = Part(start=start, end=end, text=span_text, period=period_of_text(span_text), implied=True, sections=sections)
    return Outline([part], marked)
