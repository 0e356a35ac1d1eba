"""Telling report text from the page around it, and reading the title line.

Nothing here rewrites the text: the body is a span ``(start, end)`` of the original
string, so offsets found later stay offsets into the file as read.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from .results import Metadata, Span

#: Lines of site chrome that stand above or between the report's lines: navigation,
#: breadcrumbs, publishing details, sharing and printing links. Matched against a
#: stripped line; a match anywhere in the first few characters is enough.
CHROME_LINE = re.compile(
    r"""^(?:
        导航 | 网站导航 | 首页 | 网站首页 | 返回首页 | 当前位置 | 您的位置 | 您现在的位置 | 位置[:：]
      | 网站地图 | 返回顶部 | 打印本页 | 【打印】 | 关闭窗口 | 【关闭】 | 分享到 | 【字体 | 字号[:：] | 字体[:：]
      | 发布时间 | 发布日期 | 更新时间 | 来源[:：] | 作者[:：] | 浏览次数 | 阅读次数 | 点击数 | 责任编辑 | 编辑[:：]
      | 上一篇 | 下一篇 | 相关阅读 | 相关文章 | 相关链接 | 扫一扫 | 附件[:：] | 下载[:：]
    )""",
    re.VERBOSE,
)

#: Lines where the report is over and the page's footer begins: disclaimers, the page
#: address, comment boxes, copyright. Everything from the first such line on is chrome.
#: Matched as a newline and a line that opens (after its indentation) with one of these,
#: so that one search finds the footer rather than a match on every line.
FOOTER_LINE = re.compile(
    r"""\n[^\S\n]*(?:
        本文仅代表 | 免责声明 | 声明[:：] | 本文地址 | 本文链接 | 原文地址 | 留言与评论 | 发表评论 | 网友评论
      | 我要评论 | 验证码 | 版权所有 | 版权声明 | Copyright | © | 主办单位 | 联系我们 | 相关阅读 | 相关文章
      | 上一篇 | 下一篇 | 扫一扫
    )""",
    re.VERBOSE | re.IGNORECASE,
)

#: The title line names the report; only lines this short are taken for it.
TITLE_MARK = re.compile(r"政府工作报告")
MAX_TITLE_LENGTH = 80

#: How many non-empty lines at the top of the page are searched for the title.
TITLE_SEARCH_LINES = 8

DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?)?")

#: The place before 人民政府工作报告, outermost first. Each level is optional.
PLACE = re.compile(
    r"""^(?P<province>.+?(?:省|自治区))?
         (?P<city>.+?(?:市|自治州|地区|盟))?
         (?P<district>.+?(?:区|县|旗|市))?$""",
    re.VERBOSE,
)


def lines(text: str, start: int = 0, end: Optional[int] = None) -> Iterator[tuple[int, int]]:
    """Spans ``(start, end)`` of the lines of ``text[start:end]``, newlines excluded."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        yield pos, stop
        pos = stop + 1


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``(start, end)`` to leave out white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_title(text: str) -> Optional[Span]:
    """The title line (``…人民政府工作报告(2022年12月24日)``) among the first lines."""
    seen = 0
    for s, e in lines(text):
        s, e = strip_span(text, s, e)
        if s == e:
            continue
        seen += 1
        if seen > TITLE_SEARCH_LINES:
            break
        if e - s <= MAX_TITLE_LENGTH and TITLE_MARK.search(text, s, e):
            return Span(s, e, text[s:e])
    return None


def find_body(text: str, title: Optional[Span] = None) -> tuple[int, int]:
    """The span of report text: after the leading chrome and the title line, up to the
    first footer line. Returns ``(start, end)``; ``end`` is where the footer starts."""
    for s, e in lines(text, title.end if title else 0):
        ls, le = strip_span(text, s, e)
        if ls == le or CHROME_LINE.match(text[ls:le]) or (title and ls < title.end):
            continue
        footer = FOOTER_LINE.search(text, e)
        return ls, footer.start() + 1 if footer else len(text)
    return len(text), len(text)


def parse_metadata(text: str, title: Optional[Span]) -> Metadata:
    """Province, city, district and date from the title line (and the lines just
    after it, where some reports give the date)."""
    if title is None:
        return Metadata()
    line = title.text
    mark = TITLE_MARK.search(line)
    prefix = line[: mark.start()] if mark else line
    prefix = DATE.sub("", prefix)
    prefix = re.sub(r"[\s()（）【】\[\]]|人民政府$|政府$|人民$", "", prefix)
    prefix = re.sub(r"人民政府$|政府$", "", prefix)
    province = city = district = None
    m = PLACE.match(prefix) if prefix else None
    if m:
        province, city, district = m.group("province"), m.group("city"), m.group("district")
    date = None
    window = text[title.start : min(len(text), title.end + 120)]
    d = DATE.search(window)
    if d:
        date = d.group("y")
        if d.group("m"):
            date += f"-{int(d.group('m')):02d}"
            if d.group("d"):
                date += f"-{int(d.group('d')):02d}"
    return Metadata(title=title, province=province, city=city, district=district, date=date)
