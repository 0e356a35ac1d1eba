"""The report's title line, and what the lines that open the report say about it: the
government that reports (its level and place), the year, the date and session of the
people's congress it was delivered at, and who delivered it.

A report opens like this (each line optional, in any order after the title)::

    2026年某某省政府工作报告                                     the title
    ——2026年1月25日在某某省第十四届人民代表大会第四次会议上      the date line
    某某省人民政府省长 张明                                      the speaker

Page headers around them (``来源：某某日报``, ``时间：2026-02-02``, rules, the
download/print/font-size toolbar, breadcrumbs) are never the title. The place is read
as the text writes it (the title, the place above a PDF dump's title, the session
line, the speaker's office), then named officially and completed from the gazetteer
of China's administrative divisions that the ``cpca`` package ships: a district's city
and province are filled in even where the text names only the district, and short
names (``内蒙古``, ``北京``) become official ones. A name the gazetteer holds in
several places is settled by the other places the text names, and left as written
where it is still ambiguous; a name it does not hold is kept as written.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterator, NamedTuple, Optional

from .numbers import parse_chinese
from .results import Metadata, Span

# lines

#: A line's text: everything between line breaks (LF, CRLF or a lone CR). Lines are
#: read here rather than with cleaning's helpers, as cleaning reads this module.
LINE = re.compile(r"[^\r\n]+")


def _lines(text: str, start: int = 0, end: Optional[int] = None) -> Iterator[tuple[int, int]]:
    """Spans of the non-blank lines of ``text[start:end]``, white space at either end
    left out."""
    for m in LINE.finditer(text, start, len(text) if end is None else end):
        line = m.group()
        s = m.start() + len(line) - len(line.lstrip())
        e = m.end() - len(line) + len(line.rstrip())
        if s < e:
            yield s, e


# dates

#: A date as reports write it, in Arabic or Chinese numerals (``2026年1月25日``,
#: ``二〇二六年一月二十七日``); month and day are optional. Chinese years are read
#: digit by digit, with the circle and letter O some texts write for 〇.
DATE = re.compile(
    r"""(?:
        (?P<ay>(?:19|20|１９|２０)\d{2})\s*年(?:\s*(?P<am>\d{1,2})\s*月(?:\s*(?P<ad>\d{1,2})\s*日)?)?
      | (?P<cy>[一二三四五六七八九〇零○OＯ]{4})\s*年
        (?:\s*(?P<cm>十[一二]?|[一二三四五六七八九])\s*月
           (?:\s*(?P<cd>三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日)?)?
    )""",
    re.VERBOSE,
)
#: :data:`DATE` without its groups, to build the patterns that hold a date.
DATE_TEXT = re.sub(r"\(\?P<\w+>", "(?:", re.sub(r"\s+", "", DATE.pattern))
ZERO_FORMS = str.maketrans("○OＯ", "〇〇〇")


def _iso(m: re.Match[str]) -> tuple[int, Optional[str]]:
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
NUMERAL = r"[一二三四五六七八九十〇零百\d]+"
SESSION = re.compile(
    rf"第?{NUMERAL}\s*届\s*(?:全\s*国\s*)?(?:人\s*民\s*代\s*表\s*大\s*会|人\s*大)\s*第?\s*{NUMERAL}\s*次\s*(?:全\s*体\s*)?会\s*议"
)
#: What only the national people's congress is called.
NATIONAL_SESSION = re.compile(r"全\s*国")

#: The dashes that lead a date line (``——``, ``—``, ``----``, ``--``).
DASH_LEAD = r"[-—–－─]{1,4}[^\S\r\n]*"

#: The delivery: a date, then 在, the place and the session, up to 会议
#: (``2026年1月25日在北京市第十六届人民代表大会第四次会议上``).
DELIVERY = re.compile(rf"(?P<date>{DATE_TEXT})[^\S\r\n]*在[^。！？；]{{1,60}}?会\s*议")
#: A date line: a date after a dash lead, or a date with the session on its line.
DATE_LINE = re.compile(rf"(?:{DASH_LEAD})?(?:{DATE_TEXT})[^\S\r\n]*在[^。！？\r\n]{{0,60}}?会\s*议|{DASH_LEAD}(?:{DATE_TEXT})")

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
HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]"
NAME = rf"(?:{HAN}{{1,10}}(?:[·•・]{HAN}{{1,12}}){{1,3}}|{HAN}(?:[ \u3000]?{HAN}){{1,3}})"
SPEAKER = re.compile(
    rf"(?P<office>[^\s\d，。、：:；;（）()]{{0,20}}?(?:{'|'.join(OFFICE_TITLES)}))[\s:：]*(?P<name>{NAME})"
)
BARE_NAME = re.compile(NAME)

#: Lines that open a report, below its title: the date line (dashed, or a date with
#: the session), a bracketed note or date, the session or the end of one broken over
#: two lines, the speaker.
OPENING_LINE = re.compile(
    rf"""(?:{DATE_LINE.pattern}
      | [(（][^\r\n]{{0,60}}[)）]$
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
    return bool(OPENING_LINE.match(line) or SPEAKER.fullmatch(line))


#: What ends the opening: the salutation, a heading of the report's text, or a
#: sentence that is not a photo's caption (``省长张明作政府工作报告。本报记者 摄``).
BODY_OPENS = re.compile(r"各位代表|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]")
STOPS = re.compile(r"[。！？]")
CAPTION = re.compile(r"作[^。！？\r\n]{0,4}工作报告|摄$")
#: How many non-blank lines from the title on are read for the opening.
OPENING_WINDOW = 16


# page headers and the title

#: Lines a crawler or a web page puts above, between and below a report's opening
#: lines, never its title: ``key：value`` publishing lines (a key with nothing after the
#: colon takes the next line as its value), rules of ``=`` or ``-``, the download /
#: print / font-size toolbar and its brackets, breadcrumbs and link bars, neighbouring
#: articles, bare timestamps. A salutation (``各位代表：``) is not one.
PAGE_HEADER = re.compile(
    r"""(?:
        【?[^\s:：【】，。！？]{1,8}(?<!代表)(?<!同志)(?<!委员)(?<!们)[:：]
      | [=＝\-－_—─━*~·]{3,}$
      | (?:[【\[]?(?:下载|打印|全屏|收藏|分享|加大|还原|减小|放大|缩小|默认|大|中|小|关闭窗口|关闭|打印本页|返回顶部)[】\]]?[\s|]*)+$
      | [【】\[\]]$
      | (?:【[^】\r\n]{1,10}】\s*)+$
      | [^\r\n]*(?:(?<![A-Za-z0-9"'/])[>»›]|[|｜])   # a breadcrumb's arrow, not a tag's end
      | (?:上一篇|下一篇|相关阅读|相关文章|相关链接|相关报道|相关新闻)
      | \d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$
      | \d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}[时:]\d{1,2}分?(?:\d{1,2}秒)?$
    )""",
    re.VERBOSE,
)
#: A header key whose value stands on the next line (``来源：`` / ``四川日报``).
HEADER_KEY_ALONE = re.compile(r"【?[^\s:：【】，。！？]{1,8}[:：]$")

#: The title line names the report; only lines this short are taken for it. PDF dumps
#: space the title out (``政 府 工 作 报 告``).
TITLE_MARK = re.compile(r"政\s*府\s*工\s*作\s*报\s*告")
MAX_TITLE_LENGTH = 80
#: How many non-blank lines at the top of the page (page headers not counted) are
#: searched for the title.
TITLE_SEARCH_LINES = 12
#: A line that shows the report's text has begun: a sentence, or a numbered heading.
BODY_STARTED = re.compile(r"[^\r\n]*[。！？]|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]")
#: A date line run on after the title on the title's own line
#: (``政府工作报告——2018年3月5日在…``): not part of the title.
TITLE_RUN_ON = re.compile(rf"{DASH_LEAD}(?:{DATE_TEXT})")


def _page_lines(text: str, start: int = 0) -> Iterator[tuple[int, int, bool]]:
    """The non-blank lines from ``start``, each with whether it is a page header."""
    value_next = False
    for s, e in _lines(text, start):
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
            continue
        seen += 1
        if seen > TITLE_SEARCH_LINES or (best and BODY_STARTED.match(text, s, e)):
            break  # the title stands above the report's text; a page header below does not count
        mark = TITLE_MARK.search(text, s, e)
        if e - s > MAX_TITLE_LENGTH or not mark or STOPS.search(text, s, e):
            continue
        run_on = TITLE_RUN_ON.search(text, mark.end(), e)
        end = run_on.start() if run_on else e
        while end > s and text[end - 1].isspace():
            end -= 1
        title = Span(s, end, text[s:end])
        followed = bool(run_on) or _opening_follows(text, found[i + 1 :])
        key = (followed, len(_place_words(title.text)), i)
        if best is None or key > best[0]:
            best = key, title
    return best[1] if best else None


def _title_search_lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """The lines the title is looked for among, and the lines after them that tell
    whether a candidate is followed by the opening (a bounded look ahead)."""
    shown = 0
    for s, e, header in _page_lines(text):
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


# places

#: The place fields, outermost first, and the level each is at (district and county
#: are both county-level units).
PLACE_FIELDS = ("province", "city", "district", "county", "street")
RANK = {"province": 0, "city": 1, "district": 2, "county": 2, "street": 3}
#: The level of government is the innermost place named.
LEVELS = ("street", "county", "district", "city", "province")

#: How a place name ends, and the field it names; longer endings first, as the
#: alternation tries them in this order. A second city-level 市 is a county-level city
#: (``江苏省苏州市昆山市``), filed as a district.
SUFFIX_FIELDS = (
    ("特别行政区", "province"), ("自治区", "province"), ("省", "province"),
    ("自治州", "city"), ("地区", "city"), ("盟", "city"), ("市", "city"),
    ("自治县", "county"), ("自治旗", "county"), ("县", "county"), ("旗", "county"),
    ("街道", "street"), ("镇", "street"), ("乡", "street"),
    ("区", "district"),
)
SUFFIXED_NAME = re.compile(r".+?(?:" + "|".join(s for s, _ in SUFFIX_FIELDS) + ")")
#: Words that stand for "this government" without naming it (``区人民政府区长``).
GENERIC_PLACES = frozenset(s for s, _ in SUFFIX_FIELDS) | {"州", "国务院"}

#: Endings taken off a province's official name to give the short name texts use
#: (``内蒙古`` for 内蒙古自治区, ``北京`` for 北京市); longer endings first.
PROVINCE_ENDINGS = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
#: Endings of autonomous prefectures, counties and banners, and the ending of the short
#: name texts use: the name without its peoples (``恩施土家族苗族自治州`` → ``恩施州``,
#: ``长阳土家族自治县`` → ``长阳县``; a unit named after its people keeps it:
#: ``鄂伦春自治旗`` → ``鄂伦春旗``). The peoples are cpca's ``56_nations.csv``.
AUTONOMOUS_ENDINGS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
#: Words for peoples in autonomous units' names that the list of peoples lacks.
MORE_PEOPLES = ("各族",)
#: Gazetteer entries that stand in for a level a place does not have (the districts
#: of a municipality sit under a ``市辖区`` "city"), never a place's name.
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


class Division(NamedTuple):
    """One administrative division of the gazetteer: its six-digit code (two digits
    for the province, two for the city, two for the county-level unit) and its
    official name."""

    code: str
    name: str

    @property
    def rank(self) -> int:
        """0 for a province (or municipality), 1 for a city, 2 for a county-level unit."""
        return 0 if self.code[2:] == "0000" else 1 if self.code[4:] == "00" else 2

    @property
    def field(self) -> str:
        """The place field it fills: a county-level 县 or 旗 is a county, the rest districts."""
        if self.rank < 2:
            return PLACE_FIELDS[self.rank]
        return "county" if self.name.endswith(("县", "旗")) else "district"


class Gazetteer(NamedTuple):
    """China's administrative divisions: by code, and by every name a text may use."""

    by_code: dict[str, Division]
    by_name: dict[str, list[Division]]
    longest_name: int

    def ancestor(self, division: Division, rank: int) -> Optional[Division]:
        """The division at ``rank`` (0 province, 1 city) that holds ``division``; ``None``
        where that level is a placeholder or missing."""
        code = division.code[: 2 * (rank + 1)].ljust(6, "0")
        return self.by_code.get(code)


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer shipped by ``cpca`` (``cpca/resources/adcodes.csv``: adcode, name,
    longitude, latitude), read once. The package is located, not imported: importing it
    builds a matcher of its own, which takes longer than reading the file."""
    import csv
    import importlib.resources
    import importlib.util
    import io

    spec = importlib.util.find_spec("cpca")
    if spec is None:
        from .exceptions import MissingDependency

        raise MissingDependency("cpca")
    package = importlib.util.module_from_spec(spec)  # not executed
    resources = importlib.resources.files(package).joinpath("resources")
    data = resources.joinpath("adcodes.csv").read_text(encoding="utf-8")
    peoples = [line.strip() for line in resources.joinpath("56_nations.csv").read_text(encoding="utf-8").splitlines()]
    peoples += [p.removesuffix("族") for p in peoples if len(p.removesuffix("族")) > 1] + list(MORE_PEOPLES)
    peoples.sort(key=len, reverse=True)
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    for row in csv.DictReader(io.StringIO(data)):
        name = row["name"]
        if name in PLACEHOLDERS:
            continue
        division = Division(row["adcode"][:6], name)
        by_code[division.code] = division
        names = {name}
        if division.rank == 0:
            names.update(name[: -len(end)] for end in PROVINCE_ENDINGS if name.endswith(end) and len(name) > len(end) + 1)
        names.update(_autonomous_short(name, peoples))
        for form in names:
            by_name.setdefault(form, []).append(division)
    return Gazetteer(by_code, by_name, max(map(len, by_name)))


def _autonomous_short(name: str, peoples: list[str]) -> list[str]:
    """The short name of an autonomous prefecture, county or banner (none for other
    names): its name without the peoples and 自治, and its ending."""
    for ending, short in AUTONOMOUS_ENDINGS.items():
        if name.endswith(ending):
            place = name[: -len(ending)]
            while stripped := next((p for p in peoples if place.endswith(p) and len(place) - len(p) > 1), None):
                place = place[: -len(stripped)]
            return [place.removesuffix("族") + short]
    return []


class Named(NamedTuple):
    """A place as the text names it, and the divisions of the gazetteer it may be."""

    text: str
    divisions: tuple[Division, ...]


def split_place(words: str) -> dict[str, Named]:
    """The place fields ``words`` names (``内蒙古呼伦贝尔市海拉尔区``), outermost first,
    each as written with the divisions it may be. Names the gazetteer knows are taken
    whole (the longest first); other names end at a place ending (省, 市, 区, 县…).
    Words that are not all place names give nothing."""
    gaz = gazetteer()
    fields: dict[str, Named] = {}
    pos = 0
    while pos < len(words):
        for size in range(min(gaz.longest_name, len(words) - pos), 1, -1):
            divisions = gaz.by_name.get(words[pos : pos + size])
            if divisions:
                name = words[pos : pos + size]
                break
        else:
            m = SUFFIXED_NAME.match(words, pos)
            if not m:
                return {}
            name, divisions = m.group(), []
        field = _field_of(name, divisions, fields)
        if field is None:
            return {}
        fields[field] = Named(name, tuple(d for d in divisions if d.field == field))
        pos += len(name)
    return fields


def _field_of(name: str, divisions: list[Division], fields: dict[str, Named]) -> Optional[str]:
    """The field a name fills: the level of its divisions where they agree, else its
    ending; ``None`` if that field is taken or outside a field already filled."""
    kinds = {d.field for d in divisions}
    field: Optional[str]
    if len(kinds) == 1:
        field = kinds.pop()
    else:
        field = None if name in GENERIC_PLACES else next((f for s, f in SUFFIX_FIELDS if name.endswith(s)), None)
        if field == "city" and "city" in fields:
            field = "district"  # a county-level city under a city
    if field is None or any(RANK[f] >= RANK[field] for f in fields):
        return None
    return field


def resolve_place(named: dict[str, Named]) -> dict[str, Optional[str]]:
    """The place fields, official and complete where the gazetteer can tell.

    The innermost name the gazetteer knows is matched against the other names the
    text gives: a division is kept if every place the text names above it is one of
    that division's own (a name the gazetteer lacks above it rules it out). The places
    above it are filled in where every division kept agrees; where none is kept, the
    next name outwards is tried; names are kept as written where nothing settles them.
    """
    gaz = gazetteer()
    place: dict[str, Optional[str]] = dict.fromkeys(PLACE_FIELDS)
    place.update({f: n.text for f, n in named.items()})
    known = [f for f in PLACE_FIELDS if f in named and named[f].divisions]
    for field in reversed(known):
        kept = [d for d in named[field].divisions if _fits(gaz, d, field, named)]
        if not kept:
            continue
        for rank in range(kept[0].rank + 1):
            found = {gaz.ancestor(d, rank) if rank < d.rank else d for d in kept}
            if len(found) == 1 and None not in found:
                (division,) = found
                assert division is not None  # None is not in found
                place[division.field if rank == kept[0].rank else PLACE_FIELDS[rank]] = division.name
        break
    return place


def _fits(gaz: Gazetteer, division: Division, field: str, named: dict[str, Named]) -> bool:
    for other, name in named.items():
        if RANK[other] < RANK[field]:
            above = gaz.ancestor(division, RANK[other])
            if above is None or above not in name.divisions:
                return False
    return True


def _place_words(line: str) -> str:
    """The place named before 政府工作报告 in a title line, brackets, dates and 人民政府
    left out."""
    mark = TITLE_MARK.search(line)
    prefix = line[: mark.start()] if mark else line
    prefix = re.sub(r"[\s()（）【】\[\]]", "", DATE.sub("", prefix))
    return re.sub(r"(?:人民政府|政府|人民)$", "", prefix)


PLACE_LINE = re.compile(r"\S{2,20}?(?:省|市|区|县|旗|街道|镇|乡)(?:人民政府)?")


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
        for s, e, header in _page_lines(text):
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
    for n, (s, e) in enumerate(_lines(text, start)):
        if n >= OPENING_WINDOW or (n and _opens_body(text, s, e)):
            break
        end = e
    return start, end


def _opens_body(text: str, start: int, end: int) -> bool:
    line = text[start:end]
    return bool(BODY_OPENS.match(line) or (STOPS.search(line) and not CAPTION.search(line)))


def _speaker(text: str, start: int, end: int) -> tuple[Optional[str], Optional[str]]:
    """``(office, name)`` of the speaker line (or of what follows the session on a
    date line: ``…会议上 某某省省长 张明``); a line holding only a name counts where
    the opening says that person gave the report (``省长张明作政府工作报告``)."""
    window = text[start:end]
    for s, e in _lines(text, start, end):
        line = text[s:e]
        tail = re.split(r"会\s*议上?", line)[-1].strip()
        for candidate in dict.fromkeys((line, tail)):
            found = SPEAKER.fullmatch(candidate)
            if found:
                return found.group("office"), re.sub(r"\s", "", found.group("name"))
    for s, e in _lines(text, start, end):
        name = text[s:e]
        if BARE_NAME.fullmatch(name) and re.search(re.escape(name) + r"(?:同志)?作[^。\r\n]{0,4}工作报告", window):
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
        return _iso(date)
    for bracket in BRACKETED.finditer(text, start, end):
        found = DATE.fullmatch(bracket.group("date"))
        if found:
            return _iso(found)
    for s, e in _lines(text, start, end):
        found = re.match(DASH_LEAD, text[s:e])
        found = found and DATE.match(text, s + found.end(), e)
        if found:
            return _iso(found)
    found = DATE.search(title.text) if title is not None else None
    return (_iso(found)[0], None) if found else (None, None)


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
            sources.append(_place_words(title.text) or _place_before(text, title))
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
