"""The lines that open a report: its title, the date line, the session of the people's
congress and the speaker, and the page headers a web page or a crawler puts around
them. :mod:`sdr_analysis.cleaning` skips these lines to find the report's body;
:mod:`sdr_analysis.metadata` reads what they say.

A report opens like this (each line optional, in any order after the title)::

    2026年某某省政府工作报告                                     the title
    ——2026年1月25日在某某省第十四届人民代表大会第四次会议上      the date line
    某某省人民政府省长 张明                                      the speaker

Page headers around them (``来源：某某日报``, ``时间：2026-02-02``, rules, the
download/print/font-size toolbar, breadcrumbs) are never the title.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from .chars import CN_ONE_TO_NINE, CN_ONE_TO_TEN, CN_STOP, CN_STOPS, CN_YEAR_DIGIT, HAN, IN_LINE, LIST_COMMA, PAUSES, SPACE_IN_LINE, alternation, lines
from .numbers import parse_chinese
from .results import Span
from .words import words

# dates

#: A date as reports write it, in Arabic or Chinese numerals (``2026年1月25日``,
#: ``二〇二六年一月二十七日``); month and day are optional. Chinese years are read
#: digit by digit, with the circle, the letter O and the digit 0 some texts write for
#: 〇 (``二O一五年``, ``二00二年``).
CN_YEAR = rf"[{CN_ONE_TO_NINE}][{CN_YEAR_DIGIT}0０]{{3}}"
DATE = re.compile(
    rf"""(?:
        (?P<ay>(?:19|20|１９|２０)\d{{2}})\s*年(?:\s*(?P<am>\d{{1,2}})\s*月(?:\s*(?P<ad>\d{{1,2}})\s*日)?)?
      | (?P<cy>{CN_YEAR})\s*年
        (?:\s*(?P<cm>十[一二]?|[{CN_ONE_TO_NINE}])\s*月
           (?:\s*(?P<cd>三十一?|二?十[{CN_ONE_TO_NINE}]?|[{CN_ONE_TO_NINE}])\s*日)?)?
    )""",
    re.VERBOSE,
)
#: :data:`DATE` without its groups, to build the patterns that hold a date.
DATE_TEXT = re.sub(r"\(\?P<\w+>", "(?:", re.sub(r"\s+", "", DATE.pattern))
ZERO_FORMS = str.maketrans("○OＯ0０", "〇〇〇〇〇")


def iso_date(m: re.Match[str]) -> tuple[int, Optional[str]]:
    """The year of a :data:`DATE` match, and the date as ISO ``YYYY-MM-DD`` or
    ``YYYY-MM`` (``None`` when only the year is written)."""
    if m.group("ay"):
        year, month, day = int(m.group("ay")), m.group("am"), m.group("ad")
        month_n = int(month) if month else None
        day_n = int(day) if day else None
    else:
        year = int(parse_chinese(m.group("cy").translate(ZERO_FORMS)))
        month_n = int(parse_chinese(m.group("cm"))) if m.group("cm") else None
        day_n = int(parse_chinese(m.group("cd"))) if m.group("cd") else None
    if not month_n or month_n > 12:
        return year, None
    if not day_n or day_n > 31:
        return year, f"{year}-{month_n:02d}"
    return year, f"{year}-{month_n:02d}-{day_n:02d}"


# the opening lines

#: The people's congress session, with or without 第, in full or short
#: (``第十四届人民代表大会第四次会议``, ``十四届人大四次会议``, the national
#: ``第十三届全国人民代表大会第一次会议``); a line break may fall inside it.
NUMERAL = rf"[{CN_ONE_TO_TEN}〇零百\d]+"
SESSION = re.compile(
    rf"第?{NUMERAL}\s*届\s*(?:全\s*国\s*)?(?:人\s*民\s*代\s*表\s*大\s*会|人\s*大)\s*第?\s*{NUMERAL}\s*次\s*(?:全\s*体\s*)?会\s*议"
)
#: What only the national people's congress is called.
NATIONAL_SESSION = re.compile(r"全\s*国")

#: The dashes that lead a date line (``——``, ``—``, the horizontal bar ``――`` some
#: sites write for it, ``----``, ``--``).
DASH_LEAD = rf"[-—–－─―‒]{{1,4}}{SPACE_IN_LINE}*"

#: The delivery: a date, then 在, the place and the session, up to 会议
#: (``2026年1月25日在北京市第十六届人民代表大会第四次会议上``).
DELIVERY = re.compile(rf"(?P<date>{DATE_TEXT}){SPACE_IN_LINE}*在[^{CN_STOPS}；]{{1,60}}?会\s*议")
#: A date line: a date after a dash lead, or a date with the session on its line.
DATE_LINE = re.compile(rf"(?:{DASH_LEAD})?(?:{DATE_TEXT}){SPACE_IN_LINE}*在[^{CN_STOPS}\r\n]{{0,60}}?会\s*议|{DASH_LEAD}(?:{DATE_TEXT})")

#: The place in the session line: ``在青岚市望江区第十六届人民代表大会…``. It never
#: starts with 第 or a digit (``在第十三届全国人民代表大会…`` names no place).
SESSION_PLACE = re.compile(rf"在(?P<place>[^\s在第\d][^\s在]{{1,23}}?)\s*(?:{SESSION.pattern})")

#: Office titles of the person who delivers the report, from the premier to a street
#: office's director; the words before one name the government (``某某省人民政府省长``).
OFFICE_TITLES = (
    "总理", "省长", "主席", "市长", "州长", "盟长", "区长", "县长", "旗长", "镇长", "乡长", "主任",
)
#: A person's name: two to four Chinese characters, which PDF and web dumps may space
#: out (``龚 正``), or names of China's minorities written with a middle dot
#: (``艾尔肯·吐尼亚孜``).
NAME = rf"(?:[{HAN}]{{1,10}}(?:[·•・][{HAN}]{{1,12}}){{1,3}}|[{HAN}](?:[ \u3000]?[{HAN}]){{1,3}})"
#: What a web dump leaves between characters where the page had spaces: white space
#: and the replacement marks of characters it could not write (``政??府``, ``县长??杨某``).
FILLER = r"[\s?？]"
#: A character of an office's name: no white space, digit, pause, stop, bracket or filler mark.
OFFICE_CHAR = rf"[^\s\d{PAUSES}。{LIST_COMMA}（）()?？]"
OFFICE = rf"{OFFICE_CHAR}{{0,20}}?(?:{'|'.join(OFFICE_TITLES)})"
SPEAKER = re.compile(rf"(?P<office>{OFFICE})(?:{FILLER}|[:：])*(?P<name>{NAME})")
BARE_NAME = re.compile(NAME)
#: An office alone on its line, the name on the next (``某县人民政府县长`` / ``张明``).
OFFICE_LINE = re.compile(rf"(?P<office>{OFFICE_CHAR}{{1,20}}?(?:人民政府|政府)(?:代理|代)?(?:{'|'.join(OFFICE_TITLES)}))")

#: Lines that open a report, below its title: the date line (dashed, or a date with
#: the session), a bracketed note or date, the session or the end of one broken over
#: two lines, the speaker.
OPENING_LINE = re.compile(
    rf"""(?:{DATE_LINE.pattern}
      | (?:{DATE_TEXT}){SPACE_IN_LINE}*$     # a bare date under the title
      | [(（]{IN_LINE}{{0,60}}[)）]$
      | {SESSION.pattern}
      | (?:全国)?(?:人民代表大会|人大)第?{NUMERAL}次(?:全体)?会议上?$
    )""",
    re.VERBOSE,
)
#: At most this many opening lines follow the title.
OPENING_LINES = 6


def is_opening_line(line: str) -> bool:
    """Whether ``line`` (stripped) is one of the lines that open a report under its
    title: a date line, a bracketed note, a session, a speaker."""
    return bool(OPENING_LINE.match(line) or SPEAKER.fullmatch(line) or OFFICE_LINE.fullmatch(line))


#: What ends the opening: the salutation, a heading of the report's text, or a
#: sentence that is not a photo's caption (``省长张明作政府工作报告。本报记者 摄``).
HEADING_OPENS = rf"第[{CN_ONE_TO_TEN}]+部分|[{CN_ONE_TO_TEN}]+、|[(（][{CN_ONE_TO_TEN}]+[)）]"
BODY_OPENS = re.compile(rf"各位代表|{HEADING_OPENS}")
CAPTION = re.compile(rf"作[^{CN_STOPS}\r\n]{{0,4}}工作报告|摄$")
#: How many non-blank lines from the title on are read for the opening.
OPENING_WINDOW = 16


# page headers and the title

#: The key of a ``key：value`` publishing line: a short word, perhaps in a bracket.
HEADER_KEY = rf"【?[^\s:：【】，{CN_STOPS}]{{1,8}}"
#: A key that is not a salutation's (``各位代表：`` opens the report's address).
NOT_SALUTATION = "".join(f"(?<!{re.escape(w)})" for w in words("page", "salutation_ends"))
#: Lines a crawler or a web page puts above, between and below a report's opening
#: lines, never its title: ``key：value`` publishing lines (a key with nothing after the
#: colon takes the next line as its value), rules of ``=`` or ``-``, the download /
#: print / font-size toolbar and its brackets, breadcrumbs and link bars, neighbouring
#: articles, bare timestamps. A salutation (``各位代表：``) is not one.
PAGE_HEADER = re.compile(
    rf"""(?:
        {HEADER_KEY}{NOT_SALUTATION}[:：]
      | [=＝\-－_—─━*~·]{{3,}}$
      | (?:[【\[]?(?:{alternation(words("page", "toolbar"))})[】\]]?[\s|]*)+$
      | [【】\[\]]$
      | (?:【[^】\r\n]{{1,10}}】\s*)+$
      | {IN_LINE}*(?:(?<![A-Za-z0-9"'/])[>»›]|[|｜])   # a breadcrumb's arrow, not a tag's end
      | (?:{alternation(words("page", "related"))})
      | \d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?$
      | \d{{4}}年\d{{1,2}}月\d{{1,2}}日\s*\d{{1,2}}[时:]\d{{1,2}}分?(?:\d{{1,2}}秒)?$
    )""",
    re.VERBOSE,
)
#: A header key whose value stands on the next line (``来源：`` / ``四川日报``).
HEADER_KEY_ALONE = re.compile(rf"{HEADER_KEY}[:：]$")

#: The title line names the report; only lines this short are taken for it. PDF and
#: web dumps space the title out (``政 府 工 作 报 告``, ``政??府??工??作``).
TITLE_MARK = re.compile(f"{FILLER}*".join("政府工作报告"))
MAX_TITLE_LENGTH = 80
#: How many non-blank lines at the top of the page (page headers not counted) are
#: searched for the title.
TITLE_SEARCH_LINES = 12
#: A line that shows the report's text has begun: a sentence, or a numbered heading.
BODY_STARTED = re.compile(rf"{IN_LINE}*[{CN_STOPS}]|{HEADING_OPENS}")
#: A date line run on after the title on the title's own line, with or without its
#: dash (``政府工作报告——2018年3月5日在…``, ``政府工作报告2019年2月20日在…``): not
#: part of the title.
TITLE_RUN_ON = re.compile(rf"{DASH_LEAD}(?:{DATE_TEXT})|(?:{DATE_TEXT}){SPACE_IN_LINE}*在")


def page_lines(text: str, start: int = 0) -> Iterator[tuple[int, int, bool]]:
    """The non-blank lines from ``start``, each with whether it is a page header."""
    value_next = False
    for s, e in lines(text, start):
        header = value_next or bool(PAGE_HEADER.match(text, s, e))
        value_next = not value_next and bool(HEADER_KEY_ALONE.match(text, s, e))
        yield s, e, header


def find_title(text: str) -> Optional[Span]:
    """The title line (``…人民政府工作报告(2022年12月24日)``) among the first lines.

    A web page may name the report more than once (its own heading, then the
    report's): the line followed by the report's opening lines (date line, session,
    speaker) wins, then the line that names the most of the place, then the later one.
    A date line run on after the title on the same line is left out of it.
    """
    seen = 0
    best: Optional[tuple[tuple[bool, int, int], Span]] = None
    found = list(_title_search_lines(text))
    for i, (s, e, header) in enumerate(found):
        if header:
            at = title_in_header(text, s, e)
            if at is None:
                continue
            s = at
        else:
            seen += 1
            if seen > TITLE_SEARCH_LINES or (best and BODY_STARTED.match(text, s, e)):
                break  # the title stands above the report's text; a page header below does not count
        mark = TITLE_MARK.search(text, s, e)
        if e - s > MAX_TITLE_LENGTH or not mark or CN_STOP.search(text, s, e):
            continue
        run_on = TITLE_RUN_ON.search(text, mark.end(), e)
        end = run_on.start() if run_on else e
        while end > s and text[end - 1].isspace():
            end -= 1
        title = Span(s, end, text[s:end])
        followed = bool(run_on) or _opening_follows(text, found[i + 1 :])
        key = (followed, len(place_words(title.text)), i)
        if best is None or key > best[0]:
            best = key, title
    return best[1] if best else None


#: A crawler's key for the title (``标题：``), and a wide gap in a line (a page header
#: the title was run on to: ``来源：某某网        政府工作报告``).
TITLE_KEY = re.compile(rf"(?:{alternation(words('page', 'title_keys'))}){SPACE_IN_LINE}*[:：]{SPACE_IN_LINE}*")
WIDE_GAP = re.compile(rf"{SPACE_IN_LINE}{{2,}}")


def title_in_header(text: str, start: int, end: int) -> Optional[int]:
    """Where a title starts in the page header line ``text[start:end]``: after a title
    key (``标题：``), or after the header's last wide gap where what follows names the
    report; ``None`` where the header holds no title."""
    key = TITLE_KEY.match(text, start, end)
    if key:
        return key.end() if key.end() < end else None
    gaps = [g.end() for g in WIDE_GAP.finditer(text, start, end)]
    return gaps[-1] if gaps and TITLE_MARK.search(text, gaps[-1], end) else None


def _title_search_lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """The lines the title is looked for among, and the lines after them that tell
    whether a candidate is followed by the opening (a bounded look ahead)."""
    shown = 0
    for s, e, header in page_lines(text):
        yield s, e, header
        shown += not header
        if shown > TITLE_SEARCH_LINES + 2:
            return


def _opening_follows(text: str, after: list[tuple[int, int, bool]]) -> bool:
    """Whether the first line after a title candidate that is not a page header is an
    opening line."""
    for s, e, header in after:
        if is_opening_line(text[s:e]):
            return True
        if not header:
            return False
    return False


def place_words(line: str) -> str:
    """The place named before 政府工作报告 in a title line: its Chinese characters, with
    dates, brackets, 人民政府 and anything else (markup a page left in) left out."""
    mark = TITLE_MARK.search(line)
    prefix = line[: mark.start()] if mark else line
    prefix = NOT_HAN.sub("", DATE.sub("", prefix))
    return re.sub(r"(?:人民政府|政府|人民)$", "", prefix)


#: What is not part of a place's name in a title line.
NOT_HAN = re.compile(f"[^{HAN}]+")
