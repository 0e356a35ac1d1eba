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

#: The title line names the report; only lines this short are taken for it. PDF dumps
#: space the title out (``政 府 工 作 报 告``).
TITLE_MARK = re.compile(r"政\s*府\s*工\s*作\s*报\s*告")
MAX_TITLE_LENGTH = 80

#: How many non-empty lines at the top of the page are searched for the title.
TITLE_SEARCH_LINES = 8

DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?)?")

#: The place before 人民政府工作报告, outermost first. Each level is optional.
PLACE = re.compile(
    r"""^(?P<province>.+?(?:省|自治区))?
         (?P<city>.+?(?:市|自治州|地区|盟))?
         (?:(?P<county>.+?(?:自治县|县|旗))|(?P<district>.+?(?:区|市)))?
         (?P<street>.+?(?:街道|镇|乡))?$""",
    re.VERBOSE,
)

#: The level of government, from the innermost place named.
LEVELS = ("street", "county", "district", "city", "province")

#: The lines that may follow the title: the session and date line (``——2023年1月10日在
#: 某区第十六届人民代表大会第二次会议上``), the speaker (``区人民政府区长 张伟民``), and
#: bracketed notes. They are metadata, not report text.
SESSION = re.compile(r"第[一二三四五六七八九十〇零\d]+届人民代表大会第[一二三四五六七八九十〇零\d]+次(?:全体)?会议")
OFFICE_TITLES = ("代区长", "代县长", "代市长", "代省长", "区长", "县长", "市长", "省长", "旗长", "州长", "镇长", "乡长", "主任")
SPEAKER = re.compile(
    r"^(?P<office>\S{0,16}?(?:" + "|".join(OFFICE_TITLES) + r"))[\s\u3000:：]*(?P<name>[\u4e00-\u9fff·]{2,4})$"
)
OPENING_LINE = re.compile(r"^(?:[—-]{1,2}\s*(?:19|20)\d{2}\s*年|[(（].{0,60}[)）]$|" + SESSION.pattern + ")")
OPENING_LINES = 6


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
        if e - s <= MAX_TITLE_LENGTH and TITLE_MARK.search(text, s, e) and not CHROME_LINE.match(text, s, e):
            return Span(s, e, text[s:e])
    return None


def _is_opening(line: str) -> bool:
    return bool(OPENING_LINE.match(line) or SPEAKER.match(line))


def find_body(text: str, title: Optional[Span] = None) -> tuple[int, int]:
    """The span of report text: after the leading chrome, the title line and the lines
    that open the report (session, date, speaker), up to the first footer line.
    Returns ``(start, end)``; ``end`` is where the footer starts."""
    opening = 0
    for s, e in lines(text, title.end if title else 0):
        ls, le = strip_span(text, s, e)
        if ls == le or CHROME_LINE.match(text[ls:le]) or (title and ls < title.end):
            continue
        if title and opening < OPENING_LINES and _is_opening(text[ls:le]):
            opening += 1
            continue
        footer = FOOTER_LINE.search(text, e)
        return ls, footer.start() + 1 if footer else len(text)
    return len(text), len(text)


def _place_before(text: str, title: Span) -> str:
    """A place name alone on the line above a title that names none (PDF dumps set
    ``某某县`` over ``政 府 工 作 报 告``)."""
    above = text.rfind("\n", 0, max(0, title.start - 1))
    line = text[above + 1 : title.start].strip()
    return line if 1 < len(line) <= 20 and re.search(r"(?:省|市|区|县|旗|街道|镇|乡)$", line) else ""


def parse_metadata(text: str, title: Optional[Span]) -> Metadata:
    """Place (province, city, district or county, street), level of government,
    session, date and speaker from the title line and the lines that open the report."""
    if title is None:
        return Metadata()
    line = title.text
    mark = TITLE_MARK.search(line)
    prefix = line[: mark.start()] if mark else line
    prefix = DATE.sub("", prefix)
    prefix = re.sub(r"[\s()（）【】\[\]]", "", prefix)
    prefix = re.sub(r"(?:人民政府|政府|人民)$", "", prefix) or _place_before(text, title)
    place = dict.fromkeys(("province", "city", "county", "district", "street"))
    m = PLACE.match(prefix) if prefix else None
    if m:
        place.update({k: v for k, v in m.groupdict().items() if v})
    level = next((lv for lv in LEVELS if place.get(lv)), None)
    window_end = min(len(text), title.end + 200)
    session = SESSION.search(text, title.start, window_end)
    speaker = office = None
    for s, e in lines(text, title.end, window_end):
        found = SPEAKER.match(text[s:e].strip())
        if found:
            office, speaker = found.group("office"), found.group("name")
            break
    date = None
    window = text[title.start : min(len(text), title.end + 120)]
    d = DATE.search(window)
    if d:
        date = d.group("y")
        if d.group("m"):
            date += f"-{int(d.group('m')):02d}"
            if d.group("d"):
                date += f"-{int(d.group('d')):02d}"
    return Metadata(
        title=title,
        date=date,
        level=level,
        session=session.group() if session else None,
        speaker=speaker,
        office=office,
        **place,
    )
