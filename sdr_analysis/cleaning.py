"""Telling report text from the page around it.

Nothing here rewrites the text: the body is a span ``(start, end)`` of the original
string, so offsets found later stay offsets into the file as read. The title line and
the lines that open the report are read by :mod:`sdr_analysis.metadata`.
"""

from __future__ import annotations

import re
from typing import Optional

from .chars import CN_STOP, COLONS, DIGITS, LINE_END, SPACE_IN_LINE, ByLineBreaks, alternation, lines
from .opening import BARE_NAME, BODY_OPENS, OFFICE_LINE, OPENING_LINES, PAGE_HEADER, is_opening_line
from .results import Span
from .words import words

#: Lines of site chrome that stand above or between the report's lines: navigation,
#: breadcrumbs, publishing details, sharing and printing links. Matched (``match``,
#: with the line's span as ``pos`` and ``endpos``) at the start of a stripped line.
CHROME_LINE = re.compile(
    rf"""(?:
        {alternation(words("page", "chrome") + words("page", "related"))}
      | (?:{alternation(words("page", "chrome_keys"))})[{COLONS}]
      | (?:【[^】\r\n]{{1,10}}】{SPACE_IN_LINE}*)+$   # a row of bracketed links: 【打印本页】【关闭窗口】
    )""",
    re.VERBOSE,
)


def is_chrome_line(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` (white space left out) is site chrome: it
    opens like :data:`CHROME_LINE` and holds no sentence. Chrome is words and links,
    never sentences: a line that opens like chrome but holds a stop runs on into report
    text (a page saved without line breaks: ``导航菜单(辽宁省)…人民政府工作报告…。…``) and
    is kept whole, however long it is."""
    return bool(CHROME_LINE.match(text, start, end)) and not CN_STOP.search(text, start, end)


#: A document-sharing site's notice (:func:`is_notice_line`), and the longest line
#: taken for one: a page saved without line breaks that ends with the notices is
#: report text, not a notice.
SHARING_NOTICE = re.compile(alternation(words("page", "sharing_notices")))
NOTICE_MAX_LENGTH = 160


def is_notice_line(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` is a document-sharing site's notice
    (``1、下载文档前请自行甄别文档内容的完整性…``): page furniture, whose number is no
    heading, wherever it stands."""
    return end - start <= NOTICE_MAX_LENGTH and bool(SHARING_NOTICE.search(text, start, end))


#: Lines where the report is over and the page's footer begins: disclaimers, the page
#: address, comment boxes, copyright, a document-sharing site's numbered notices
#: (``1、下载文档前请自行甄别…``). Everything from the first such line on is chrome.
#: Matched as a line break and a line that opens (after its indentation and a list
#: number) with one of these, so that one search finds the footer rather than a match
#: on every line.
FOOTER_LINE = ByLineBreaks(
    rf"""{LINE_END.pattern}{SPACE_IN_LINE}*(?:[{DIGITS}]{{1,2}}[、.．]{SPACE_IN_LINE}*)?(?:
        {alternation(words("page", "footer") + words("page", "related"))}
      | [“"]?{alternation(words("page", "sharing_notices"))}
      | (?:{alternation(words("page", "footer_keys"))})[{COLONS}]
    )""",
    re.VERBOSE | re.IGNORECASE,
)


def _is_page_header(text: str, start: int, end: int) -> bool:
    return bool(PAGE_HEADER.match(text, start, end)) and not CN_STOP.search(text, start, end)


#: A page's abstract of the report (``内容摘要：``), whose value repeats the report's
#: opening; and the ellipsis it is cut with.
ABSTRACT_KEY = re.compile(rf"(?:{alternation(words('page', 'abstract_keys'))}){SPACE_IN_LINE}*[{COLONS}]$")
CUT = re.compile(r"(?:\.{3,}|…+)$")


def _is_header_value(text: str, start: int, end: int, key: tuple[int, int]) -> bool:
    """Whether the line after a header that ends in a key (``阅读：`` / ``661``) is its value:
    one without a sentence, or the page's abstract (a sentence, but cut short); never
    the salutation, a heading or an opening line (``正文：`` / ``各位代表：``)."""
    if BODY_OPENS.match(text, start, end) or is_opening_line(text[start:end]):
        return False
    return not CN_STOP.search(text, start, end) or bool(ABSTRACT_KEY.search(text, *key) or CUT.search(text, start, end))


def find_body(text: str, title: Optional[Span] = None) -> tuple[int, int]:
    """The span of report text: after the leading chrome, the title line and the lines
    that open the report (session, date, speaker; with or without a title above them),
    up to the first footer line. Returns ``(start, end)``; ``end`` is where the footer
    starts."""
    opening = 0
    key: Optional[tuple[int, int]] = None  # a header that ends in a key: its value is next
    office = False  # the line above was an office alone: the speaker's name is next
    for ls, le in lines(text, title.end if title else 0):
        above, key = key, None
        if above and _is_header_value(text, ls, le, above):
            continue
        # before the report starts: chrome, the title, and a crawler's page header
        # (来源：…, 时间：2026-02-02, rules of =), which holds no sentence
        if is_chrome_line(text, ls, le) or (title and ls < title.end) or _is_page_header(text, ls, le) or is_notice_line(text, ls, le):
            # a header that ends in a key (``阅读：``, ``时间：…　阅读：``) has its value next
            key = (ls, le) if text[le - 1] in COLONS else None
            continue
        line = text[ls:le]
        if opening < OPENING_LINES and (is_opening_line(line) or (office and BARE_NAME.fullmatch(line))):
            opening += 1
            office = bool(OFFICE_LINE.fullmatch(line))
            continue
        footer = FOOTER_LINE(text).search(text, le)
        return ls, footer.start() + 1 if footer else len(text)
    return len(text), len(text)
