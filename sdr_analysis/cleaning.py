"""Telling report text from the page around it, and reading the title line.

Nothing here rewrites the text: the body is a span ``(start, end)`` of the original
string, so offsets found later stay offsets into the file as read.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from .results import Metadata, Span

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

#: The title line names the report; only lines this short are taken for it. PDF dumps
#: space the title out (``政 府 工 作 报 告``).
TITLE_MARK = re.compile(r"政\s*府\s*工\s*作\s*报\s*告")
MAX_TITLE_LENGTH = 80

#: A line that shows the report's text has begun: a sentence, or a numbered heading.
BODY_STARTED = re.compile(r"[^\r\n]*[。！？]|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]")

#: How many non-empty lines at the top of the page are searched for the title.
TITLE_SEARCH_LINES = 12

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
    r"^(?P<office>\S{0,16}?(?:" + "|".join(OFFICE_TITLES) + r"))[\s\u3000:：]*(?P<name>[\u3400-\u9fff\U00020000-\U0003134f·]{2,4})$"
)
OPENING_LINE = re.compile(r"^(?:[—-]{1,2}\s*(?:19|20)\d{2}\s*年|[(（].{0,60}[)）]$|" + SESSION.pattern + ")")
OPENING_LINES = 6


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


def find_title(text: str) -> Optional[Span]:
    """The title line (``…人民政府工作报告(2022年12月24日)``) among the first lines. A
    web page may name the report more than once (its own heading, then the report's);
    the line that names the most of the place wins, the later one on a tie."""
    seen = 0
    best: Optional[Span] = None
    best_place = -1
    for s, e in lines(text):
        s, e = strip_span(text, s, e)
        if s == e:
            continue
        seen += 1
        if seen > TITLE_SEARCH_LINES or (best and BODY_STARTED.match(text, s, e)):
            break  # the title stands above the report's text; a page header below does not count
        if e - s <= MAX_TITLE_LENGTH and TITLE_MARK.search(text, s, e) and not CHROME_LINE.match(text, s, e):
            place = len(_place_words(text[s:e]))
            if place >= best_place:
                best, best_place = Span(s, e, text[s:e]), place
    return best


def _place_words(line: str) -> str:
    """The place named before 政府工作报告 in a title line, brackets, years and 人民政府
    left out."""
    mark = TITLE_MARK.search(line)
    prefix = line[: mark.start()] if mark else line
    prefix = re.sub(r"[\s()（）【】\[\]]", "", DATE.sub("", prefix))
    return re.sub(r"(?:人民政府|政府|人民)$", "", prefix)


def _is_opening(line: str) -> bool:
    return bool(OPENING_LINE.match(line) or SPEAKER.match(line))


def find_body(text: str, title: Optional[Span] = None) -> tuple[int, int]:
    """The span of report text: after the leading chrome, the title line and the lines
    that open the report (session, date, speaker), up to the first footer line.
    Returns ``(start, end)``; ``end`` is where the footer starts."""
    opening = 0
    for s, e in lines(text, title.end if title else 0):
        ls, le = strip_span(text, s, e)
        if ls == le or is_chrome_line(text, ls, le) or (title and ls < title.end):
            continue
        if title and opening < OPENING_LINES and _is_opening(text[ls:le]):
            opening += 1
            continue
        footer = FOOTER_LINE(text).search(text, e)
        return ls, footer.start() + 1 if footer else len(text)
    return len(text), len(text)


PLACE_LINE = re.compile(r"\S{2,20}?(?:省|市|区|县|旗|街道|镇|乡)(?:人民政府)?")

#: The place in the session line: ``在青岚市望江区第十六届人民代表大会…``.
SESSION_PLACE = re.compile(r"在(?P<place>[^\s在]{2,24}?)" + SESSION.pattern)


def _place_before(text: str, title: Span) -> str:
    """A place name alone on the last non-blank line above a title that names none
    (PDF dumps set ``某某县`` over ``政 府 工 作 报 告``)."""
    above = text[: title.start].rstrip()
    line = above[max(above.rfind("\n"), above.rfind("\r")) + 1 :].strip()
    return re.sub(r"人民政府$", "", line) if PLACE_LINE.fullmatch(line) else ""


def _parse_place(words: str) -> dict[str, Optional[str]]:
    place = dict.fromkeys(("province", "city", "county", "district", "street"))
    m = PLACE.match(words) if words else None
    if m:
        place.update({k: v for k, v in m.groupdict().items() if v})
    return place


def _best_date(text: str, start: int, end: int) -> Optional[str]:
    """The most precise date among the opening lines (the title may give only the year,
    the session line the day)."""
    best = None
    for d in DATE.finditer(text, start, end):
        date = d.group("y")
        if d.group("m"):
            date += f"-{int(d.group('m')):02d}"
            if d.group("d"):
                date += f"-{int(d.group('d')):02d}"
        if best is None or len(date) > len(best):
            best = date
    return best


def parse_metadata(text: str, title: Optional[Span]) -> Metadata:
    """Place (province, city, district or county, street), level of government,
    session, date and speaker from the title line and the lines that open the report."""
    if title is None:
        return Metadata()
    window_end = min(len(text), title.end + 200)
    session_place = SESSION_PLACE.search(text, title.start, window_end)
    place = _parse_place(_place_words(title.text) or _place_before(text, title))
    if session_place:  # the session line may name what the title leaves out
        for key, value in _parse_place(session_place.group("place")).items():
            place[key] = place[key] or value
    level = next((lv for lv in LEVELS if place.get(lv)), None)
    session = SESSION.search(text, title.start, window_end)
    speaker = office = None
    for s, e in lines(text, title.end, window_end):
        found = SPEAKER.match(text[s:e].strip())
        if found:
            office, speaker = found.group("office"), found.group("name")
            break
    date = _best_date(text, title.start, window_end)
    return Metadata(
        title=title,
        date=date,
        level=level,
        session=session.group() if session else None,
        speaker=speaker,
        office=office,
        **place,
    )
