"""Telling report text from the page around it.

Nothing here rewrites the text: the body is a span ``(start, end)`` of the original
string, so offsets found later stay offsets into the file as read. The title line and
the lines that open the report are read by :mod:`sdr_analysis.metadata`.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

# find_body skips the lines that open a report, which metadata reads
from .metadata import OPENING_LINES, PAGE_HEADER
from .metadata import is_opening_line as _is_opening
from .results import Span

#: What ends a line: LF (Unix), CRLF (Windows) or a lone CR (old Mac OS). The text is
#: never rewritten to one convention, so every rule that reads lines reads all three:
#: patterns exclude both characters (``[^\r\n]``, ``[^\S\r\n]`` for white space
#: within a line) and find breaks with these.
LINE_BREAK = re.compile(r"\r\n?|\n")
#: A blank line: two line breaks with nothing between them (the CR of a CRLF is not a
#: break of its own).
BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n){2}")


class ByLineBreaks:
    """A pattern that reads line breaks, compiled for both kinds of text: as written
    (``[\r\n]`` and ``\r\n`` in classes), for text holding a CR; and for text without
    one (nearly all), with ``\n`` alone, which the regex engine scans for several times
    faster than for a class. Call it with the text to get the pattern to use."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.any_break = re.compile(pattern, flags)
        self.lf_only = re.compile(pattern.replace(r"[\r\n]", r"\n").replace(r"\r\n", r"\n"), flags)

    def __call__(self, text: str) -> re.Pattern[str]:
        return self.any_break if "\r" in text else self.lf_only

#: Lines of site chrome that stand above or between the report's lines: navigation,
#: breadcrumbs, publishing details, sharing and printing links. Matched (``match``,
#: with the line's span as ``pos`` and ``endpos``) at the start of a stripped line.
CHROME_LINE = re.compile(
    r"""(?:
        导航 | 网站导航 | 首页 | 网站首页 | 返回首页 | 当前位置 | 您的位置 | 您现在的位置 | 位置[:：]
      | 网站地图 | 返回顶部 | 打印本页 | 【打印】 | 关闭窗口 | 【关闭】 | 分享到 | 【字体 | 字号[:：] | 字体[:：]
      | 发布时间 | 发布日期 | 更新时间 | 来源[:：] | 作者[:：] | 浏览次数 | 阅读次数 | 点击数 | 责任编辑 | 编辑[:：]
      | 上一篇 | 下一篇 | 相关阅读 | 相关文章 | 相关链接 | 扫一扫 | 附件[:：] | 下载[:：]
      | (?:【[^】\r\n]{1,10}】[^\S\r\n]*)+$   # a row of bracketed links: 【打印本页】【关闭窗口】
    )""",
    re.VERBOSE,
)

#: A sentence stop. Chrome is words and links, never sentences: a line that opens like
#: chrome but holds a stop runs on into report text (a page saved without line breaks:
#: ``导航菜单(辽宁省)…人民政府工作报告…。…``) and is kept whole, however long it is.
SENTENCE_STOP = re.compile(r"[。！？]")


def is_chrome_line(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` (white space left out) is site chrome: it
    opens like :data:`CHROME_LINE` and holds no sentence."""
    return bool(CHROME_LINE.match(text, start, end)) and not SENTENCE_STOP.search(text, start, end)


#: Lines where the report is over and the page's footer begins: disclaimers, the page
#: address, comment boxes, copyright. Everything from the first such line on is chrome.
#: Matched as a line break and a line that opens (after its indentation) with one of
#: these, so that one search finds the footer rather than a match on every line.
FOOTER_LINE = ByLineBreaks(
    r"""[\r\n][^\S\r\n]*(?:
        本文仅代表 | 免责声明 | 声明[:：] | 本文地址 | 本文链接 | 原文地址 | 留言与评论 | 发表评论 | 网友评论
      | 我要评论 | 验证码 | 版权所有 | 版权声明 | Copyright | © | 主办单位 | 联系我们 | 相关阅读 | 相关文章 | 相关报道
      | 上一篇 | 下一篇 | 扫一扫
    )""",
    re.VERBOSE | re.IGNORECASE,
)

def lines(text: str, start: int = 0, end: Optional[int] = None) -> Iterator[tuple[int, int]]:
    """Spans ``(start, end)`` of the lines of ``text[start:end]``, line breaks
    excluded."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        brk = LINE_BREAK.search(text, pos, end)
        if brk is None:
            yield pos, end
            return
        yield pos, brk.start()
        pos = brk.end()


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``(start, end)`` to leave out white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_page_header(text: str, start: int, end: int) -> bool:
    return bool(PAGE_HEADER.match(text, start, end)) and not SENTENCE_STOP.search(text, start, end)


def find_body(text: str, title: Optional[Span] = None) -> tuple[int, int]:
    """The span of report text: after the leading chrome, the title line and the lines
    that open the report (session, date, speaker), up to the first footer line.
    Returns ``(start, end)``; ``end`` is where the footer starts."""
    opening = 0
    for s, e in lines(text, title.end if title else 0):
        ls, le = strip_span(text, s, e)
        # before the report starts: chrome, the title, and a crawler's page header
        # (来源：…, 时间：2026-02-02, rules of =), which holds no sentence
        if ls == le or is_chrome_line(text, ls, le) or (title and ls < title.end) or _is_page_header(text, ls, le):
            continue
        if title and opening < OPENING_LINES and _is_opening(text[ls:le]):
            opening += 1
            continue
        footer = FOOTER_LINE(text).search(text, e)
        return ls, footer.start() + 1 if footer else len(text)
    return len(text), len(text)
