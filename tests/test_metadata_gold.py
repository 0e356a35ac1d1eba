"""Metadata against the gold of every real report (provinces, a district over the years,
the national report; counties, a county-level city and a prefecture from crawler and
site dumps), and the forms of opening lines those dumps take, on lines written for
these tests."""

from __future__ import annotations

import pytest

from sdr_analysis import load_report, parse_report

#: The fields the gold gives (see the gold folder's GUIDE.md, section metadata).
GOLD_FIELDS = ("level", "province", "city", "district", "county", "year", "date", "session", "speaker")


def wrong_fields(pairs) -> dict[str, dict[str, tuple]]:
    """For each report whose metadata differs from its gold: each field, as read and as expected."""
    wrong = {}
    for gold, path in pairs:
        meta = load_report(path).metadata
        diff = {f: (getattr(meta, f), gold["metadata"][f]) for f in GOLD_FIELDS if getattr(meta, f) != gold["metadata"][f]}
        if diff:
            wrong[path.name] = diff
    return wrong


def test_every_field_of_every_report(corpus_gold):
    assert wrong_fields(corpus_gold) == {}


def test_every_field_of_every_county_report(county_gold):
    assert wrong_fields(county_gold) == {}


# The gazetteer codes of the county reports' governments, and the line each place was
# read from (read off the texts: a crawler's 标题：, a date line, 我代表…人民政府).
COUNTY_CODES = {
    "anguo-2022.txt": "130683",  # 安国市, a county-level city of 保定市
    "baoding-2022.txt": "130600",  # 保定市
    "fuping-2013.txt": "130624",  # 阜平县
    "gaotang-2023.txt": "371526",  # 高唐县, 聊城市, 山东省
    "qingyuan-2005.txt": "130622",  # 清苑县, the code it had before it became 清苑区 (130608)
    "quyang-2020.txt": "130634",  # 曲阳县
}


def test_county_reports_carry_their_code_and_where_their_place_was_read(county_gold):
    for gold, path in county_gold:
        meta = load_report(path).metadata
        assert meta.adcode == COUNTY_CODES[path.name], path.name
        level = gold["metadata"]["level"]
        where = meta.sources[level]
        assert where.start is not None and gold["metadata"][level] in where.text, path.name
        assert load_report(path).text[where.start :].startswith(where.text)


def test_county_report_bodies_leave_the_page_out(county_gold):
    """The body starts at the salutation, after the page's title, view counts, abstract,
    date line and speaker, and ends before the share and related-article lists."""
    for _gold, path in county_gold:
        report = load_report(path)
        start, end = report.document.page_body
        body = report.text[start:end]
        assert body.startswith("各位代表"), path.name
        assert "分享到" not in body and "内容摘要" not in body and "上一篇" not in body, path.name


# Opening lines in the forms crawler and site dumps take, each followed by this body.
BODY = "各位代表：\n现在，我代表{who}人民政府向大会报告工作，请予审议。\n一、过去一年工作回顾\n全年新增城镇就业1.2万人。\n"
ALL_FIELDS = ("level", "province", "city", "district", "county", "street", "year", "date", "session", "speaker", "adcode")


def case(id, opening, who="", **expected):
    return pytest.param(opening, who, {f: expected.get(f) for f in ALL_FIELDS}, id=id)


LAISHUI = dict(level="county", province="河北省", city="保定市", county="涞水县", adcode="130623")
YIXIAN = dict(level="county", province="河北省", city="保定市", county="易县", adcode="130633")
SESSION = "第十六届人民代表大会第三次会议"

CASES = [
    # a crawler's header: the title, year and issuer are key：value lines; 未知 is no date
    case("crawler-header",
         "标题：2021年涞水县政府工作报告\n发文单位：涞水县人民政府\n发文时间：未知\n来源URL：http://example.test/a.html\n\n正文：\n",
         **LAISHUI, year=2021),
    case("crawler-year-and-issuer",
         "标题：政府工作报告\n年份：2021\n发文单位：涞水县人民政府\n发文时间：未知\n正文：\n", **LAISHUI, year=2021),
    # the publication time a crawler records is not the day the report was delivered
    case("crawler-publication-time-is-no-date",
         "标题：2021年涞水县政府工作报告\n发文时间：2021-03-02\n正文：\n", **LAISHUI, year=2021),
    # spaced titles, with the fillers web dumps leave between the characters
    case("spaced-title",
         "政 府 工 作 报 告\n——2021年1月9日在易县第十六届人民代表大会第三次会议上\n易县人民政府县长 李文涛",
         **YIXIAN, year=2021, date="2021-01-09", session=SESSION, speaker="李文涛"),
    case("spaced-title-question-marks",
         "政??府??工??作??报??告\n——2021年1月9日在易县第十六届人民代表大会第三次会议上\n易县县长??李文涛",
         **YIXIAN, year=2021, date="2021-01-09", session=SESSION, speaker="李文涛"),
    case("spaced-title-ideographic-spaces",
         "政　府　工　作　报　告\n——2021年1月9日在易县第十六届人民代表大会第三次会议上\n易县人民政府县长　李文涛",
         **YIXIAN, year=2021, date="2021-01-09", session=SESSION, speaker="李文涛"),
    # each dash a date line is led by, and none
    case("dash-em-pair",
         "易县政府工作报告\n——2021年1月9日在易县第十六届人民代表大会第三次会议上", **YIXIAN, year=2021, date="2021-01-09",
         session=SESSION),
    case("dash-horizontal-bars",
         "易县政府工作报告\n――2021年1月9日在易县第十六届人民代表大会第三次会议上", **YIXIAN, year=2021, date="2021-01-09",
         session=SESSION),
    case("dash-single",
         "易县政府工作报告\n—2021年1月9日在易县第十六届人民代表大会第三次会议上", **YIXIAN, year=2021, date="2021-01-09",
         session=SESSION),
    case("dash-horizontal-bars-date-alone",
         "易县政府工作报告\n――2021年1月9日", **YIXIAN, year=2021, date="2021-01-09"),
    case("no-dash",
         "易县政府工作报告\n2021年1月9日在易县第十六届人民代表大会第三次会议上\n易县人民政府县长李文涛",
         **YIXIAN, year=2021, date="2021-01-09", session=SESSION, speaker="李文涛"),
    # the title, the date line and the speaker glued on one line
    case("title-date-speaker-on-one-line",
         "政府工作报告2019年2月20日在易县第三届人民代表大会第四次会议上易县人民政府县长王建国",
         **YIXIAN, year=2019, date="2019-02-20", session="第三届人民代表大会第四次会议", speaker="王建国"),
    # an office on one line, its holder's name on the next
    case("office-over-name",
         "政府工作报告\n——2021年1月9日在易县第十六届人民代表大会第三次会议上\n易县人民政府县长\n李文涛",
         **YIXIAN, year=2021, date="2021-01-09", session=SESSION, speaker="李文涛"),
    # years in mixed numerals
    case("year-with-arabic-zeros",
         "易县政府工作报告\n——二00二年二月二十日在易县第十二届人民代表大会第一次会议上",
         **YIXIAN, year=2002, date="2002-02-20", session="第十二届人民代表大会第一次会议"),
    case("year-with-letter-o",
         "易县政府工作报告\n——二O一五年一月八日在易县第十五届人民代表大会第四次会议上",
         **YIXIAN, year=2015, date="2015-01-08", session="第十五届人民代表大会第四次会议"),
    case("year-with-circles",
         "易县政府工作报告\n——二〇二〇年一月十一日在易县第十六届人民代表大会第二次会议上",
         **YIXIAN, year=2020, date="2020-01-11", session="第十六届人民代表大会第二次会议"),
    # a session written without 第
    case("session-without-di",
         "易县政府工作报告\n——2020年1月11日在易县十七届人民代表大会四次会议上",
         **YIXIAN, year=2020, date="2020-01-11", session="十七届人民代表大会四次会议"),
    # a bare date under the title, the place only in the body
    case("bare-date-place-in-body",
         "政府工作报告\n  2021年2月26日", who="涞水县", **LAISHUI, year=2021, date="2021-02-26"),
    # a banner and a county-level city are counties, their league or prefecture the city
    case("banner",
         "鄂伦春自治旗政府工作报告\n——2023年1月10日在鄂伦春自治旗第十五届人民代表大会第二次会议上",
         level="county", province="内蒙古自治区", city="呼伦贝尔市", county="鄂伦春自治旗", adcode="150723",
         year=2023, date="2023-01-10", session="第十五届人民代表大会第二次会议"),
    case("county-level-city",
         "2022年涿州市政府工作报告\n——2022年1月18日在涿州市第十六届人民代表大会第二次会议上\n涿州市人民政府市长 张志强",
         level="county", province="河北省", city="保定市", county="涿州市", adcode="130681",
         year=2022, date="2022-01-18", session="第十六届人民代表大会第二次会议", speaker="张志强"),
    # a county under the name of its year: one the table of renamings holds (清苑县, now
    # 清苑区) has the code it had then; one it does not (溧水县, now 南京市溧水区) is placed
    # by the district it became, under its own name, without a code
    case("renamed-county-in-the-table",
         "清苑县政府工作报告\n——2005年2月26日在清苑县第十四届人民代表大会第三次会议上",
         level="county", province="河北省", city="保定市", county="清苑县", adcode="130622",
         year=2005, date="2005-02-26", session="第十四届人民代表大会第三次会议"),
    case("renamed-county-as-written",
         "溧水县政府工作报告\n——2012年1月6日在溧水县第十六届人民代表大会第一次会议上",
         level="county", province="江苏省", city="南京市", county="溧水县",
         year=2012, date="2012-01-06", session="第十六届人民代表大会第一次会议"),
]


@pytest.mark.parametrize("opening, who, expected", CASES)
def test_opening_forms(opening, who, expected):
    report = parse_report(opening + "\n" + BODY.format(who=who))
    assert {f: getattr(report.metadata, f) for f in ALL_FIELDS} == expected
    # the opening lines are not report text: the body starts at the salutation
    assert report.text[report.document.page_body[0] :].startswith("各位代表：")


def test_a_place_without_code_says_so():
    meta = parse_report("溧水县政府工作报告\n" + BODY.format(who="")).metadata
    assert meta.adcode is None and "溧水县" in meta.sources["adcode"].text and meta.sources["adcode"].start is None


SITE_DUMP = (
    "工作报告\r\n2021年涞水县政府工作报告\r\n时间：2022-12-01    作者：某县域网    来源：政府官网    阅读：\r\n309\r\n评论：\r\n0\r\n"
    "内容摘要：\r\n2021年1月9日在涞水县第十六届人民代表大会第三次会议上  涞水县人民政府县长赵明  各位代表：  现在，"
    "我代表涞水县人民政府向大会报告工作，请予审议。一、2020年工作回顾......\r\n"
    "2021年1月9日在涞水县第十六届人民代表大会第三次会议上\r\n涞水县人民政府县长赵明\r\n"
    + BODY.format(who="涞水县").replace("\n", "\r\n")
    + "分享到：\r\nQQ空间\r\n新浪微博\r\n上一篇：\r\n2020年涞水县政府工作报告\r\n"
)


def test_site_dump_page_is_not_read_as_report():
    """A site's page around the report (view counts, an abstract that repeats the
    opening and is cut with ......, share and related-article lists) is neither the
    metadata's source nor report text."""
    report = parse_report(SITE_DUMP)
    meta = report.metadata
    assert (meta.county, meta.year, meta.date, meta.session, meta.speaker) == (
        "涞水县", 2021, "2021-01-09", "第十六届人民代表大会第三次会议", "赵明")
    start, end = report.document.page_body
    assert report.text[start:end].startswith("各位代表：")
    assert report.text[start:end].rstrip().endswith("全年新增城镇就业1.2万人。")


def test_a_county_named_in_the_body_only():
    """``我代表县人民政府`` names only the kind of government: the county is the one the
    text names most often."""
    text = "政府工作报告\n——2021年1月9日\n" + BODY.format(who="县") + "高阳县纺织业增长。高阳县新建学校3所。邻近的蠡县也在发展。\n"
    meta = parse_report(text).metadata
    assert (meta.level, meta.city, meta.county) == ("county", "保定市", "高阳县")


def test_a_two_character_county_named_in_the_body_only():
    """A mention counts for the longest name it is: 唐县 is named where the text writes
    唐县, not inside 高唐县 (a county of another province)."""
    text = ("政府工作报告\n2021年2月1日\n" + BODY.format(who="县").replace("人民政府", "政府")
            + "唐县羊肉远销各地。唐县新建学校3所。唐县与山东高唐县结对。\n")
    meta = parse_report(text).metadata
    assert (meta.level, meta.province, meta.city, meta.county, meta.adcode) == ("county", "河北省", "保定市", "唐县", "130627")
    # 高唐县 twice and 唐县 once: 高唐县 (were the mentions inside 高唐县 counted for 唐县, it would have three)
    text = ("政府工作报告\n2021年2月1日\n" + BODY.format(who="县")
            + "高唐县棉纺业增长。高唐县新建学校3所。与河北唐县结对。\n")
    meta = parse_report(text).metadata
    assert (meta.province, meta.city, meta.county, meta.adcode) == ("山东省", "聊城市", "高唐县", "371526")


def test_a_crawler_dump_whose_text_repeats_the_title():
    """After the crawler's 正文： the report's own title line and opening follow: the
    metadata is read from them, and the report's text starts at the salutation."""
    text = ("标题：2021年涞水县政府工作报告\n发文单位：涞水县人民政府\n发文时间：未知\n正文：\n涞水县政府工作报告\n"
            "——2021年1月9日在涞水县第十六届人民代表大会第三次会议上\n涞水县人民政府县长　赵明\n" + BODY.format(who="涞水县"))
    report = parse_report(text)
    meta = report.metadata
    assert (meta.county, meta.year, meta.date, meta.speaker) == ("涞水县", 2021, "2021-01-09", "赵明")
    assert report.text[report.document.page_body[0] :].startswith("各位代表：")
