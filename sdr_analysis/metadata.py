"""What the lines that open a report say about it: the government that reports (its
level and place), the year, the date and session of the people's congress it was
delivered at, and who delivered it.

The lines themselves (title, date line, session, speaker, page headers) are told by
:mod:`sdr_analysis.opening`. The place is read as the text writes it (the title, the
place above a PDF dump's title, a crawler's issuer, the session line, the speaker's
office; where none of these names it, the government the speaker speaks for in the
text: ``我代表阜平县人民政府…``), then named officially and completed from the
gazetteer (:mod:`sdr_analysis.places`). Each field read keeps the line it was read
from (:attr:`Metadata.sources <sdr_analysis.results.Metadata>`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator, Optional

from .chars import CN_STOP, CN_STOPS, COLONS, HAN, IN_LINE, SPACE_IN_LINE, alternation, lines
from .cleaning import find_body
from .opening import (
    BARE_NAME,
    BODY_OPENS,
    CAPTION,
    DASH_LEAD,
    DATE,
    DATE_LINE,
    DELIVERY,
    NATIONAL_SESSION,
    OFFICE_LINE,
    OFFICE_TITLES,
    OPENING_WINDOW,
    SESSION,
    SESSION_PLACE,
    SPEAKER,
    TITLE_SEARCH_LINES,
    iso_date,
    page_lines,
    place_words,
)
from .places import GENERIC_PLACES, LEVELS, PLACE_ENDINGS, PLACE_FIELDS, RANK, Division, Named, gazetteer, resolve, split_place
from .results import Metadata, Source, Span
from .words import words

#: A line that is only a place's name (and 人民政府).
PLACE_LINE = re.compile(rf"\S{{2,20}}?(?:{PLACE_ENDINGS})(?:人民政府)?")


def _place_before(text: str, title: Span) -> str:
    """A place name alone on the last non-blank line above a title that names none
    (PDF dumps set ``某某县`` over ``政 府 工 作 报 告``)."""
    above = text[: title.start].rstrip()
    line = above[max(above.rfind("\n"), above.rfind("\r")) + 1 :].strip()
    return re.sub(r"人民政府$", "", line) if PLACE_LINE.fullmatch(line) else ""


def _office_place(office: str) -> str:
    """The place an office names (``海拉尔区人民政府区长`` → ``海拉尔区``); empty for
    an office that names only the kind of government (``区人民政府区长``)."""
    words = re.sub(r"(?:人民政府|政府|办事处)?(?:代理|代)?(?:" + "|".join(OFFICE_TITLES) + ")$", "", office)
    return "" if words in GENERIC_PLACES else words


# reading the opening


def _opening(text: str, title: Optional[Span]) -> Optional[tuple[int, int]]:
    """The span of the opening lines: from the title (or, without one, from the first
    line, if a date line stands among the first lines) to the salutation or the first
    heading, at most :data:`OPENING_WINDOW` lines. Page headers among them (a page's
    abstract of the report, ``阅读：661``) do not end it."""
    if title is None:
        seen = 0
        for s, e, header in page_lines(text):
            seen += not header
            if seen > TITLE_SEARCH_LINES or BODY_OPENS.match(text, s, e):
                return None
            if DATE_LINE.match(text, s, e):
                start = s
                break
        else:
            return None
    else:
        start = title.start
    end = start
    for n, (s, e, header) in enumerate(page_lines(text, start)):
        if n >= OPENING_WINDOW or (n and not header and _opens_body(text, s, e)):
            break
        end = e
    return start, end


def _opens_body(text: str, start: int, end: int) -> bool:
    line = text[start:end]
    return bool(BODY_OPENS.match(line) or (CN_STOP.search(line) and not CAPTION.search(line)))


def _source(text: str, pos: int) -> Source:
    """The line of ``text`` that holds ``pos``, as a :class:`Source`."""
    start = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
    ends = [i for i in (text.find("\n", pos), text.find("\r", pos)) if i >= 0]
    line = text[start : min(ends) if ends else len(text)]
    skipped = len(line) - len(line.lstrip())
    return Source(start + skipped, line.strip()[:SOURCE_LENGTH])


#: A source line is shown up to this many characters.
SOURCE_LENGTH = 80


def _speaker(text: str, start: int, end: int) -> tuple[Optional[str], Optional[str], int]:
    """``(office, name, offset)`` of the speaker line (or of what follows the session
    on a date line: ``…会议上 某某省省长 张明``; or an office alone on its line with
    the name on the next); a line holding only a name counts where the opening says
    that person gave the report (``省长张明作政府工作报告``)."""
    window = text[start:end]
    spans = list(lines(text, start, end))
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        tail = re.split(r"会\s*议上?", line)[-1].strip()
        for candidate in dict.fromkeys((line, tail)):
            found = SPEAKER.fullmatch(candidate)
            if found:
                return found.group("office"), re.sub(r"\s", "", found.group("name")), s
        if OFFICE_LINE.fullmatch(line) and i + 1 < len(spans) and BARE_NAME.fullmatch(text, *spans[i + 1]):
            return line, re.sub(r"\s", "", text[slice(*spans[i + 1])]), s
    for s, e in spans:
        name = text[s:e]
        if BARE_NAME.fullmatch(name) and re.search(re.escape(name) + rf"(?:同志)?作[^{CN_STOPS}\r\n]{{0,4}}工作报告", window):
            return None, name, s
    return None, None, start


#: A date in brackets, in the title line or on a line of its own (``（2023年1月16日）``).
BRACKETED = re.compile(r"[(（]\s*(?P<date>[^()（）\r\n]{4,20}?)\s*[)）]")


def _delivered(text: str, start: int, end: int, title: Optional[Span]) -> tuple[Optional[int], Optional[str], int]:
    """The year and date of delivery, and where they were read: the date the session
    line gives, else a bracketed date, else a dashed date line, else a date alone on
    its line; the year, else, from the title."""
    found = DELIVERY.search(text, start, end)
    date = DATE.match(found.group("date")) if found else None
    if found and date:
        return (*iso_date(date), found.start())
    for bracket in BRACKETED.finditer(text, start, end):
        found = DATE.fullmatch(bracket.group("date"))
        if found:
            return (*iso_date(found), bracket.start())
    for s, e in lines(text, start, end):
        found = re.match(DASH_LEAD, text[s:e])
        found = found and DATE.match(text, s + found.end(), e)
        if found:
            return (*iso_date(found), s)
    for s, e in lines(text, start, end):
        found = DATE.fullmatch(text, s, e)  # a full date alone on its line (``2005年2月26日``)
        if found and (found.group("ad") or found.group("cd")):
            return (*iso_date(found), s)
    found = DATE.search(title.text) if title is not None else None
    return (iso_date(found)[0], None, title.start) if found and title is not None else (None, None, start)


#: A crawler's header line: its key and its value (``年份：2022``, ``发文单位：某某市人民政府``).
CRAWLER_LINE = re.compile(
    rf"(?P<key>{alternation(words('page', 'year_keys') + words('page', 'issuer_keys'))}){SPACE_IN_LINE}*[{COLONS}]{SPACE_IN_LINE}*(?P<value>\S{IN_LINE}*)"
)
YEAR_VALUE = re.compile(r"((?:19|20)\d{2})年?")


def _crawler(text: str) -> dict[str, tuple[str, int]]:
    """A crawler's header lines at the top of the page: ``year`` and ``issuer`` (the
    value and its line's offset); a value such as ``未知`` is read as nothing."""
    found: dict[str, tuple[str, int]] = {}
    seen = 0
    for s, e, header in page_lines(text):
        seen += not header
        if seen > TITLE_SEARCH_LINES:
            break
        m = CRAWLER_LINE.match(text, s, e)
        if m:
            kind = "year" if m.group("key") in words("page", "year_keys") else "issuer"
            value = m.group("value").strip()
            if kind == "year":
                year = YEAR_VALUE.fullmatch(value)
                if year:
                    found.setdefault(kind, (year.group(1), s))
            elif PLACE_LINE.fullmatch(value):
                found.setdefault(kind, (re.sub(r"人民政府$", "", value), s))
    return found


#: The government the speaker speaks for, early in the report (``我代表阜平县人民政府``,
#: ``我代表县人民政府``, ``我代表县政府``); read where the opening names no place.
SPEAKS_FOR = re.compile(rf"我代表(?P<place>[{HAN}]{{0,20}}?)(?:人民)?政府")
#: How far into the report's text it is looked for.
SPEAKS_FOR_WITHIN = 3000


def _speaks_for(text: str, title: Optional[Span], body: Optional[tuple[int, int]] = None) -> Optional[tuple[str, int]]:
    """The place the report's speaker speaks for (the first ``我代表X人民政府`` of the
    report's text), and where it is written. Where the text writes only the kind of
    government (``我代表县人民政府``), the place of that kind the report's text names
    most often (a county's report names its county: ``高唐县``), if the gazetteer knows
    one. ``body`` is the page less its chrome and title where it is found already."""
    start, end = body if body is not None else find_body(text, title)
    found = SPEAKS_FOR.search(text, start, min(end, start + SPEAKS_FOR_WITHIN))
    if not found:
        return None
    place = found.group("place")
    if place and place not in GENERIC_PLACES:
        return place, found.start()
    named = _most_named(text[start:end], place) if place else None
    return (named, found.start()) if named else None


def _most_named(text: str, ending: str) -> Optional[str]:
    """The county-level or prefecture place ending in ``ending`` (县, 市, 区, 旗) that
    ``text`` names most often (at least twice; the first named of equals). Each mention
    counts for the longest name it is (高唐县 is no mention of 唐县)."""
    names = [
        name for name, divisions in gazetteer().by_name.items()
        if name.endswith(ending) and any(d.rank > 0 for d in divisions) and name in text
    ]
    if not names:
        return None
    counts = Counter(m.group() for m in re.finditer(alternation(names), text))
    name, count = max(counts.items(), key=lambda item: (item[1], -text.find(item[0])))
    return name if count >= 2 else None


def parse_metadata(text: str, title: Optional[Span], body: Optional[tuple[int, int]] = None) -> Metadata:
    """Level, place (province, city, district or county, street), year, date,
    session, speaker and office, from the title line and the lines that open the
    report (with a crawler's header lines above them), with the gazetteer's code of
    the place and the line each field was read from. ``body`` is the page less its
    chrome and title (:func:`~sdr_analysis.cleaning.find_body`), where the caller has
    found it already."""
    crawler = _crawler(text)
    opening = _opening(text, title)
    if opening is None and not crawler:
        return Metadata(title=title)
    start, end = opening or (0, 0)
    window = text[start:end]
    sources: dict[str, Source] = {}

    year, date, at = _delivered(text, start, end, title) if opening else (None, None, 0)
    if year is None and "year" in crawler:
        year, at = int(crawler["year"][0]), crawler["year"][1]
    if year is not None:
        sources["year"] = _source(text, at)
    if date is not None:
        sources["date"] = _source(text, at)

    session_match = SESSION.search(text, start, end)
    session = re.sub(r"\s", "", session_match.group()) if session_match else None
    if session_match:
        sources["session"] = _source(text, session_match.start())
    office, speaker, at = _speaker(text, start, end)
    if speaker:
        sources["speaker"] = _source(text, at)

    national = bool(session and NATIONAL_SESSION.search(session)) or bool(office and office.startswith("国务院"))
    place = dict.fromkeys(PLACE_FIELDS)
    own: Optional[Division] = None
    if national:
        sources["level"] = sources.get("session") or sources["speaker"]
    else:
        found: list[tuple[str, int]] = []
        if title is not None:
            found.append((place_words(title.text) or _place_before(text, title), title.start))
        if "issuer" in crawler:
            found.append(crawler["issuer"])
        venue = SESSION_PLACE.search(re.sub(r"\s", "", window))
        if venue and session_match:
            found.append((venue.group("place"), session_match.start()))
        if office:
            found.append((_office_place(office), sources["speaker"].start or start))
        named, by = _merge((split_place(words), at) for words, at in found if words)
        if not named:
            speaks_for = _speaks_for(text, title, body)
            if speaks_for:
                named, by = _merge(iter([(split_place(speaks_for[0]), speaks_for[1])]))
        place, own = resolve(named)
        for field, value in place.items():
            if value:
                sources[field] = _source(text, by[field]) if field in by else Source(None, "filled in from the gazetteer")
    level = "national" if national else next((lv for lv in LEVELS if place.get(lv)), None)
    adcode = own.code if own else None
    if level and level != "national":
        sources["level"] = sources[level]
        sources["adcode"] = Source(None, f"gazetteer: {own.code} {own.name}" if own else f"{place[level]} matches no single division of the gazetteer")
    return Metadata(
        title=title, level=level, **place, year=year, date=date, session=session, speaker=speaker, office=office,
        adcode=adcode, sources=sources,
    )


def _merge(sources: Iterator[tuple[dict[str, Named], int]]) -> tuple[dict[str, Named], dict[str, int]]:
    """The place fields of several sources, the first that names a level winning (a
    district and a county are one level), and where each was written."""
    merged: dict[str, Named] = {}
    by: dict[str, int] = {}
    for named, at in sources:
        for field, name in named.items():
            if not any(RANK[f] == RANK[field] for f in merged):
                merged[field] = name
                by[field] = at
    return dict(sorted(merged.items(), key=lambda item: RANK[item[0]])), by
