"""Telling report text from the page around it.

Nothing here rewrites the text: the body is a span ``(start, end)`` of the original
string, so offsets found later stay offsets into the file as read. The title line and
the lines that open the report are read by :mod:`sdr_analysis.metadata`.
"""

from __future__ import annotations

import re
from typing import Optional

from .chars import CN_STOP, COLONS, LINE_END, SPACE_IN_LINE, ByLineBreaks, alternation, lines
from .opening import OPENING_LINES, PAGE_HEADER, is_opening_line
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
#: address, comment boxes, copyright. Everything from the first such line on is chrome.
#: Matched as a line break and a line that opens (after its indentation) with one of
#: these, so that one search finds the footer rather than a match on every line.
FOOTER_LINE = ByLineBreaks(
    rf"""{LINE_END.pattern}{SPACE_IN_LINE}*(?:
        {alternation(words("page", "footer") + words("page", "related"))}
      | (?:{alternation(words("page", "footer_keys"))})[{COLONS}]
    )""",
    re.VERBOSE | re.IGNORECASE,
)


def _is_page_header(text: str, start: int, end: int) -> bool:
    return bool(PAGE_HEADER.match(text, start, end)) and not CN_STOP.search(text, start, end)


def find_body(text: str, title: Optional[Span] = None) -> tuple[int, int]:
    """The span of report text: after the leading chrome, the title line and the lines
    that open the report (session, date, speaker), up to the first footer line.
    Returns ``(start, end)``; ``end`` is where the footer starts."""
    opening = 0
    for ls, le in lines(text, title.end if title else 0):
        # before the report starts: chrome, the title, and a crawler's page header
        # (来源：…, 时间：2026-02-02, rules of =), which holds no sentence
        if is_chrome_line(text, ls, le) or (title and ls < title.end) or _is_page_header(text, ls, le) or is_notice_line(text, ls, le):
            continue
        if title and opening < OPENING_LINES and is_opening_line(text[ls:le]):
            opening += 1
            continue
        footer = FOOTER_LINE(text).search(text, le)
        return ls, footer.start() + 1 if footer else len(text)
    return len(text), len(text)
