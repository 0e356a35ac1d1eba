"""What the lines that open a report say about it: the government that reports (its
level and place), the year, the date and session of the people's congress it was
delivered at, and who delivered it.

The lines themselves (title, date line, session, speaker, page headers) are told by
:mod:`sdr_analysis.opening`. The place is read as the text writes it (the title, the
place above a PDF dump's title, the session line, the speaker's office), then named
officially and completed from the gazetteer (:mod:`sdr_analysis.places`).
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from .chars import CN_STOP, CN_STOPS, lines
from .opening import (
    BARE_NAME,
    BODY_OPENS,
    CAPTION,
    DASH_LEAD,
    DATE,
    DATE_LINE,
    DELIVERY,
    NATIONAL_SESSION,
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
from .places import GENERIC_PLACES, LEVELS, PLACE_ENDINGS, PLACE_FIELDS, RANK, Named, resolve_place, split_place
from .results import Metadata, Span

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
    heading, at most :data:`OPENING_WINDOW` lines."""
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
    for n, (s, e) in enumerate(lines(text, start)):
        if n >= OPENING_WINDOW or (n and _opens_body(text, s, e)):
            break
        end = e
    return start, end


def _opens_body(text: str, start: int, end: int) -> bool:
    line = text[start:end]
    return bool(BODY_OPENS.match(line) or (CN_STOP.search(line) and not CAPTION.search(line)))


def _speaker(text: str, start: int, end: int) -> tuple[Optional[str], Optional[str]]:
    """``(office, name)`` of the speaker line (or of what follows the session on a
    date line: ``…会议上 某某省省长 张明``); a line holding only a name counts where
    the opening says that person gave the report (``省长张明作政府工作报告``)."""
    window = text[start:end]
    for s, e in lines(text, start, end):
        line = text[s:e]
        tail = re.split(r"会\s*议上?", line)[-1].strip()
        for candidate in dict.fromkeys((line, tail)):
            found = SPEAKER.fullmatch(candidate)
            if found:
                return found.group("office"), re.sub(r"\s", "", found.group("name"))
    for s, e in lines(text, start, end):
        name = text[s:e]
        if BARE_NAME.fullmatch(name) and re.search(re.escape(name) + rf"(?:同志)?作[^{CN_STOPS}\r\n]{{0,4}}工作报告", window):
            return None, name
    return None, None


#: A date in brackets, in the title line or on a line of its own (``（2023年1月16日）``).
BRACKETED = re.compile(r"[(（]\s*(?P<date>[^()（）\r\n]{4,20}?)\s*[)）]")


def _delivered(text: str, start: int, end: int, title: Optional[Span]) -> tuple[Optional[int], Optional[str]]:
    """The year and date of delivery: the date the session line gives, else a
    bracketed date, else a dashed date line; the year, else, from the title."""
    found = DELIVERY.search(text, start, end)
    date = DATE.match(found.group("date")) if found else None
    if date:
        return iso_date(date)
    for bracket in BRACKETED.finditer(text, start, end):
        found = DATE.fullmatch(bracket.group("date"))
        if found:
            return iso_date(found)
    for s, e in lines(text, start, end):
        found = re.match(DASH_LEAD, text[s:e])
        found = found and DATE.match(text, s + found.end(), e)
        if found:
            return iso_date(found)
    found = DATE.search(title.text) if title is not None else None
    return (iso_date(found)[0], None) if found else (None, None)


def parse_metadata(text: str, title: Optional[Span]) -> Metadata:
    """Level, place (province, city, district or county, street), year, date,
    session, speaker and office, from the title line and the lines that open the
    report."""
    opening = _opening(text, title)
    if opening is None:
        return Metadata(title=title)
    start, end = opening
    window = text[start:end]

    year, date = _delivered(text, start, end, title)

    session_match = SESSION.search(text, start, end)
    session = re.sub(r"\s", "", session_match.group()) if session_match else None
    office, speaker = _speaker(text, start, end)

    national = bool(session and NATIONAL_SESSION.search(session)) or bool(office and office.startswith("国务院"))
    place = dict.fromkeys(PLACE_FIELDS)
    if not national:
        sources = []
        if title is not None:
            sources.append(place_words(title.text) or _place_before(text, title))
        venue = SESSION_PLACE.search(re.sub(r"\s", "", window))
        if venue:
            sources.append(venue.group("place"))
        if office:
            sources.append(_office_place(office))
        place = resolve_place(_merge(split_place(words) for words in sources if words))
    level = "national" if national else next((lv for lv in LEVELS if place.get(lv)), None)
    return Metadata(
        title=title, level=level, **place, year=year, date=date, session=session, speaker=speaker, office=office
    )


def _merge(sources: Iterator[dict[str, Named]]) -> dict[str, Named]:
    """The place fields of several sources, the first that names a level winning (a
    district and a county are one level)."""
    merged: dict[str, Named] = {}
    for named in sources:
        for field, name in named.items():
            if not any(RANK[f] == RANK[field] for f in merged):
                merged[field] = name
    return dict(sorted(merged.items(), key=lambda item: RANK[item[0]]))
