"""The title line and what the lines that open a report say: level, place (completed
and named officially from the gazetteer), year, date, session, speaker and office."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SEED
from sdr_analysis import load_report, parse_report

BODY = "各位代表：\n现在，我代表人民政府向大会报告工作，请予审议。\n一、过去一年工作回顾\n全年新增城镇就业1.2万人。\n"

FIELDS = ("level", "province", "city", "district", "county", "street", "year", "date", "session", "speaker", "office")


def meta_of(opening: str):
    return parse_report(opening + "\n" + BODY).metadata


def case(id, opening, title, **expected):
    """A report's opening lines, its title line (``None``: none), and the fields they
    give; fields not named are ``None``."""
    return pytest.param(opening, title, {f: expected.get(f) for f in FIELDS}, id=id)


# Inputs written for these tests; expected values read off them (the places above a
# named district or city are those of China's administrative divisions).
CASES = [
    # each level of government
    case("national",
         "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 王大明",
         "政府工作报告", level="national", year=2024, date="2024-03-05",
         session="第十四届全国人民代表大会第二次会议", speaker="王大明", office="国务院总理"),
    case("national-on-one-line",
         "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 王大明",
         "政府工作报告", level="national", year=2024, date="2024-03-05",
         session="第十四届全国人民代表大会第二次会议", speaker="王大明", office="国务院总理"),
    case("province",
         "2025年浙江省政府工作报告\n——2025年1月15日在浙江省第十四届人民代表大会第三次会议上\n浙江省人民政府省长 刘建国",
         "2025年浙江省政府工作报告", level="province", province="浙江省", year=2025, date="2025-01-15",
         session="第十四届人民代表大会第三次会议", speaker="刘建国", office="浙江省人民政府省长"),
    case("city-province-filled-in",
         "驻马店市人民政府工作报告\n——2024年1月10日在驻马店市第五届人民代表大会第四次会议上\n市长 周海涛",
         "驻马店市人民政府工作报告", level="city", province="河南省", city="驻马店市", year=2024,
         date="2024-01-10", session="第五届人民代表大会第四次会议", speaker="周海涛", office="市长"),
    case("county-in-autonomous-prefecture",
         "云南省大理白族自治州宾川县人民政府工作报告（2024年1月8日）",
         "云南省大理白族自治州宾川县人民政府工作报告（2024年1月8日）", level="county", province="云南省",
         city="大理白族自治州", county="宾川县", year=2024, date="2024-01-08"),
    case("banner-under-a-league",
         "内蒙古兴安盟科尔沁右翼前旗人民政府工作报告",
         "内蒙古兴安盟科尔沁右翼前旗人民政府工作报告", level="county", province="内蒙古自治区", city="兴安盟",
         county="科尔沁右翼前旗"),
    case("street",
         "杭州市西湖区北山街道2024年政府工作报告\n（2024年1月16日）\n北山街道办事处主任　陈丽",
         "杭州市西湖区北山街道2024年政府工作报告", level="street", province="浙江省", city="杭州市",
         district="西湖区", street="北山街道", year=2024, date="2024-01-16", speaker="陈丽",
         office="北山街道办事处主任"),
    # a county-level city (县级市) is a county, as a banner is
    case("county-level-city",
         "江苏省苏州市昆山市人民政府工作报告", "江苏省苏州市昆山市人民政府工作报告",
         level="county", province="江苏省", city="苏州市", county="昆山市"),
    # municipalities are provinces
    case("municipality",
         "2025年重庆市政府工作报告\n——2025年1月14日在重庆市第六届人民代表大会第三次会议上\n重庆市市长 陈晓东",
         "2025年重庆市政府工作报告", level="province", province="重庆市", year=2025, date="2025-01-14",
         session="第六届人民代表大会第三次会议", speaker="陈晓东", office="重庆市市长"),
    case("municipality-short-name",
         "天津2025年政府工作报告", "天津2025年政府工作报告", level="province", province="天津市", year=2025),
    case("district-of-a-municipality",
         "北京市海淀区人民政府工作报告", "北京市海淀区人民政府工作报告",
         level="district", province="北京市", district="海淀区"),
    # autonomous regions, by full and by short name
    case("autonomous-region-full-name",
         "2025年广西壮族自治区政府工作报告", "2025年广西壮族自治区政府工作报告",
         level="province", province="广西壮族自治区", year=2025),
    case("autonomous-region-short-name",
         "宁夏银川市兴庆区人民政府工作报告", "宁夏银川市兴庆区人民政府工作报告",
         level="district", province="宁夏回族自治区", city="银川市", district="兴庆区"),
    case("short-name-in-the-session-line",
         "政府工作报告\n——2025年1月20日在新疆第十四届人民代表大会第三次会议上",
         "政府工作报告", level="province", province="新疆维吾尔自治区", year=2025, date="2025-01-20",
         session="第十四届人民代表大会第三次会议"),
    # autonomous prefectures and counties by the short names texts give them
    case("autonomous-prefecture-short-name",
         "恩施州2024年政府工作报告", "恩施州2024年政府工作报告",
         level="city", province="湖北省", city="恩施土家族苗族自治州", year=2024),
    case("autonomous-county-short-name",
         "长阳县人民政府工作报告", "长阳县人民政府工作报告",
         level="county", province="湖北省", city="宜昌市", county="长阳土家族自治县"),
    case("short-name-of-two-counties-settled-by-the-province",
         "甘肃省东乡县人民政府工作报告", "甘肃省东乡县人民政府工作报告",
         level="county", province="甘肃省", city="临夏回族自治州", county="东乡族自治县"),
    # a district named without its city; a district name held by several cities
    case("district-without-its-city",
         "沙依巴克区人民政府工作报告", "沙依巴克区人民政府工作报告",
         level="district", province="新疆维吾尔自治区", city="乌鲁木齐市", district="沙依巴克区"),
    case("shared-district-name-settled-by-its-city",
         "西藏拉萨市城关区人民政府工作报告", "西藏拉萨市城关区人民政府工作报告",
         level="district", province="西藏自治区", city="拉萨市", district="城关区"),
    case("shared-district-name-alone",
         "鼓楼区人民政府工作报告\n——2024年1月9日在鼓楼区第十八届人民代表大会第三次会议上",
         "鼓楼区人民政府工作报告", level="district", district="鼓楼区", year=2024, date="2024-01-09",
         session="第十八届人民代表大会第三次会议"),
    case("shared-district-name-in-two-cities-of-the-province",
         "江苏省鼓楼区人民政府工作报告", "江苏省鼓楼区人民政府工作报告",
         level="district", province="江苏省", district="鼓楼区"),
    # places the gazetteer does not hold are kept as written, and rule out its guesses
    case("unknown-places",
         "青岚市望江区人民政府工作报告", "青岚市望江区人民政府工作报告",
         level="district", city="青岚市", district="望江区"),
    case("unknown-city-above-a-known-district-name",
         "临溪市东港区人民政府工作报告", "临溪市东港区人民政府工作报告",
         level="district", city="临溪市", district="东港区"),
    # crawler headers and page headings
    case("crawler-headers-above-the-title",
         "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n来源：湖北日报·2025年政府工作报告专栏\n时间：2025-02-01\n"
         "==============================\n2025年湖北省政府工作报告\n——2025年1月20日在湖北省第十四届人民代表大会第三次会议上\n"
         "来源：湖北日报\n时间：2025-02-01\n湖北省人民政府省长 赵子龙",
         "2025年湖北省政府工作报告", level="province", province="湖北省", year=2025, date="2025-01-20",
         session="第十四届人民代表大会第三次会议", speaker="赵子龙", office="湖北省人民政府省长"),
    case("page-heading-then-the-reports-own-title",
         "当前位置：首页 > 要闻\n2025年银川市政府工作报告\n发表时间：\n2025-02-09 09:45:30\n来源：\n银川日报\n【字体：\n小\n中\n大\n】\n"
         "政府工作报告\n——2025年2月3日在银川市第十七届人民代表大会第五次会议上\n银川市人民政府市长 马晓明",
         "政府工作报告", level="city", province="宁夏回族自治区", city="银川市", year=2025, date="2025-02-03",
         session="第十七届人民代表大会第五次会议", speaker="马晓明", office="银川市人民政府市长"),
    case("publishing-time-is-not-the-date",
         "2025年四川省人民政府工作报告\n2025年02月10日 07时41分\n来源:\n四川日报\n分享：\n"
         "2025年1月19日在四川省第十四届人民代表大会第三次会议上\n四川省人民政府省长 何明远",
         "2025年四川省人民政府工作报告", level="province", province="四川省", year=2025, date="2025-01-19",
         session="第十四届人民代表大会第三次会议", speaker="何明远", office="四川省人民政府省长"),
    # dates and sessions as they are written
    case("chinese-numeral-date-and-session-without-di",
         "2025年甘肃省政府工作报告\n——二〇二五年一月二十七日在甘肃省十四届人民代表大会第三次会议上\n甘肃省省长 韩雪松",
         "2025年甘肃省政府工作报告", level="province", province="甘肃省", year=2025, date="2025-01-27",
         session="十四届人民代表大会第三次会议", speaker="韩雪松", office="甘肃省省长"),
    case("short-session",
         "政府工作报告\n——2025年1月8日在青海省十四届人大三次会议上",
         "政府工作报告", level="province", province="青海省", year=2025, date="2025-01-08", session="十四届人大三次会议"),
    case("date-line-broken-over-two-lines",
         "政府工作报告\n——2025年1月26日在广东省第十四届\n人民代表大会第四次会议上\n广东省省长 林志强",
         "政府工作报告", level="province", province="广东省", year=2025, date="2025-01-26",
         session="第十四届人民代表大会第四次会议", speaker="林志强", office="广东省省长"),
    case("four-hyphens-and-place-from-the-session-line",
         "政 府 工 作 报 告\n\n----2013年2月28日在海拉尔区第十四届人民代表大会第二次会议上\n\n海拉尔区人民政府区长　　王守业",
         "政 府 工 作 报 告", level="district", province="内蒙古自治区", city="呼伦贝尔市", district="海拉尔区",
         year=2013, date="2013-02-28", session="第十四届人民代表大会第二次会议", speaker="王守业",
         office="海拉尔区人民政府区长"),
    case("month-only",
         "(广西壮族自治区)南宁市青秀区人民政府工作报告(2023年1月)", "(广西壮族自治区)南宁市青秀区人民政府工作报告(2023年1月)",
         level="district", province="广西壮族自治区", city="南宁市", district="青秀区", year=2023, date="2023-01"),
    case("no-date",
         "三亚市人民政府工作报告", "三亚市人民政府工作报告", level="city", province="海南省", city="三亚市"),
    case("year-in-the-title-only",
         "2024年湖南省长沙市政府工作报告", "2024年湖南省长沙市政府工作报告",
         level="city", province="湖南省", city="长沙市", year=2024),
    case("the-session-year-not-the-first-year-mentioned",
         "南昌市人民政府工作报告\n——2025年1月6日在南昌市第十六届人民代表大会第六次会议上\n"
         "2024年是实现“十四五”规划目标任务的关键一年。",
         "南昌市人民政府工作报告", level="city", province="江西省", city="南昌市", year=2025, date="2025-01-06",
         session="第十六届人民代表大会第六次会议"),
    # speakers as they are written
    case("speaker-with-a-space",
         "2025年海口市政府工作报告\n——2025年1月12日在海口市第十七届人民代表大会第五次会议上\n海口市市长 张 明",
         "2025年海口市政府工作报告", level="city", province="海南省", city="海口市", year=2025, date="2025-01-12",
         session="第十七届人民代表大会第五次会议", speaker="张明", office="海口市市长"),
    case("speaker-with-a-middle-dot",
         "2025年新疆维吾尔自治区政府工作报告\n——2025年1月21日在新疆维吾尔自治区第十四届人民代表大会第三次会议上\n"
         "自治区人民政府主席 阿不都·热依木",
         "2025年新疆维吾尔自治区政府工作报告", level="province", province="新疆维吾尔自治区", year=2025,
         date="2025-01-21", session="第十四届人民代表大会第三次会议", speaker="阿不都·热依木",
         office="自治区人民政府主席"),
    case("speaker-after-the-session-on-its-line",
         "陕西省2025年政府工作报告\n2025年1月15日在陕西省第十四届人民代表大会第三次会议上 陕西省省长 孙志强",
         "陕西省2025年政府工作报告", level="province", province="陕西省", year=2025, date="2025-01-15",
         session="第十四届人民代表大会第三次会议", speaker="孙志强", office="陕西省省长"),
    case("speaker-named-alone-and-in-the-caption",
         "2025年江西省政府工作报告\n——2025年1月15日在江西省第十四届人民代表大会第四次会议上\n来源：江西日报\n周文华\n"
         "1月15日，省长周文华作政府工作报告。本报记者 摄",
         "2025年江西省政府工作报告", level="province", province="江西省", year=2025, date="2025-01-15",
         session="第十四届人民代表大会第四次会议", speaker="周文华"),
    case("a-name-alone-that-no-line-says-gave-the-report",
         "2025年江西省政府工作报告\n——2025年1月15日在江西省第十四届人民代表大会第四次会议上\n来源：江西日报\n周文华",
         "2025年江西省政府工作报告", level="province", province="江西省", year=2025, date="2025-01-15",
         session="第十四届人民代表大会第四次会议"),
    # title lines of the first version of these tests; places above the named ones are
    # now filled in, and a year alone is the year, not a date
    case("bracketed-province-and-date",
         "(广东省)深圳市南山区人民政府工作报告(2023年1月10日)", "(广东省)深圳市南山区人民政府工作报告(2023年1月10日)",
         level="district", province="广东省", city="深圳市", district="南山区", year=2023, date="2023-01-10"),
    case("county-fullwidth-brackets",
         "（浙江省）丽水市松阳县人民政府工作报告（2022年1月5日）", "（浙江省）丽水市松阳县人民政府工作报告（2022年1月5日）",
         level="county", province="浙江省", city="丽水市", county="松阳县", year=2022, date="2022-01-05"),
    case("year-inside-the-title",
         "杭州市西湖区2021年政府工作报告", "杭州市西湖区2021年政府工作报告",
         level="district", province="浙江省", city="杭州市", district="西湖区", year=2021),
    case("province-county-no-date",
         "江西省婺源县人民政府工作报告", "江西省婺源县人民政府工作报告",
         level="county", province="江西省", city="上饶市", county="婺源县"),
    case("city-year-only",
         "湖北省武汉市人民政府工作报告(2022年)", "湖北省武汉市人民政府工作报告(2022年)",
         level="city", province="湖北省", city="武汉市", year=2022),
    case("district-and-city-no-province",
         "成都市武侯区人民政府工作报告\n各位代表:\n现在,我代表区人民政府向大会报告工作,请予审议。",
         "成都市武侯区人民政府工作报告", level="district", province="四川省", city="成都市", district="武侯区"),
    # no title line: the date line opens the text
    case("no-title-line",
         "\u3000—2023年2月8日在兴庆区第十九届人民代表大会第三次会议上 \n\n兴庆区人民政府代区长 李 强",
         None, level="district", province="宁夏回族自治区", city="银川市", district="兴庆区", year=2023,
         date="2023-02-08", session="第十九届人民代表大会第三次会议", speaker="李强", office="兴庆区人民政府代区长"),
]


@pytest.mark.parametrize("opening, title, expected", CASES)
def test_metadata(opening, title, expected):
    meta = meta_of(opening)
    assert (meta.title.text if meta.title else None) == title
    assert {f: getattr(meta, f) for f in FIELDS} == expected


@pytest.mark.parametrize("opening, title, expected", CASES)
def test_title_is_a_span_of_the_text(opening, title, expected):
    text = opening + "\n" + BODY
    found = parse_report(text).metadata.title
    if title is not None:
        assert text[found.start : found.end] == found.text == title


def test_opening_lines_are_not_body():
    text = "政府工作报告\n——2025年1月26日在某省第十四届\n人民代表大会第四次会议上\n某省省长 林志强\n" + BODY
    report = parse_report(text)
    assert text[report.body[0] :].startswith("各位代表")


def test_metadata_without_an_opening_is_empty():
    meta = parse_report("一、工作回顾\n全年新增就业1万人。\n").metadata
    assert meta.title is None and meta.level is None and meta.place == "" and meta.year is None


def test_reading_metadata_imports_neither_pandas_nor_cpca():
    """The gazetteer is read from cpca's data file without importing cpca (whose
    import builds a matcher of its own) or pandas."""
    code = (
        "import sys; from sdr_analysis import parse_report;"
        "m = parse_report('沙依巴克区人民政府工作报告\\n一、工作\\n甲。\\n').metadata;"
        "print(m.city, 'pandas' in sys.modules, 'cpca' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["乌鲁木齐市", "False", "False"]


# The real reports: every field of their gold metadata.

GOLD_FIELDS = ("level", "province", "city", "district", "county", "year", "date", "session", "speaker")


def test_real_reports_metadata_matches_the_gold(corpus_gold):
    wrong = []
    for gold, path in corpus_gold:
        meta = load_report(path).metadata
        for field in GOLD_FIELDS:
            if getattr(meta, field) != gold["metadata"][field]:
                wrong.append(f"{path.name} {field}: {getattr(meta, field)!r}, gold {gold['metadata'][field]!r}")
    assert not wrong, "\n".join(wrong)


# The command line, on the seed, whose title line is
# (辽宁省)大连市沙河口区人民政府工作报告(2022年12月24日) and is followed by section (三).

SEED_METADATA = {
    "title": "(辽宁省)大连市沙河口区人民政府工作报告(2022年12月24日)",
    "level": "district",
    "province": "辽宁省",
    "city": "大连市",
    "district": "沙河口区",
    "county": None,
    "street": None,
    "year": 2022,
    "date": "2022-12-24",
    "session": None,
    "speaker": None,
    "office": None,
    "adcode": "210204",
}
#: The line the date and the place were read from: the title line.
SEED_TITLE_LINE = "(辽宁省)大连市沙河口区人民政府工作报告(2022年12月24日)"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sdr_analysis", *args], capture_output=True, text=True, cwd=ROOT)


def test_cli_metadata_json():
    proc = run("metadata", str(SEED.relative_to(ROOT)), "--json")
    assert proc.returncode == 0, proc.stderr
    fields = json.loads(proc.stdout)
    sources = fields.pop("sources")
    assert fields == SEED_METADATA
    # each field read says the line it was read from; the province above 大连市 is the gazetteer's
    assert {k: v["text"] for k, v in sources.items() if k in ("date", "year", "city", "district", "level")} == dict.fromkeys(
        ("date", "year", "city", "district", "level"), SEED_TITLE_LINE)
    assert sources["date"]["start"] == offset_of(SEED_TITLE_LINE)
    assert "210204" in sources["adcode"]["text"]


def offset_of(line: str) -> int:
    return load_report(SEED).text.index(line)


def test_cli_metadata_table():
    proc = run("metadata", str(SEED.relative_to(ROOT)))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["field", "value", "read", "from"]
    rows = [line.split(maxsplit=2) for line in lines[2:]]
    assert [r[0] for r in rows] == list(SEED_METADATA)
    assert {r[0]: r[1] for r in rows if len(r) >= 2} == {k: str(v) for k, v in SEED_METADATA.items() if v is not None}
    assert {r[0]: r[2] for r in rows if len(r) == 3}["date"] == SEED_TITLE_LINE


def test_cli_metadata_bad_input(tmp_path):
    proc = run("metadata", str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert proc.stdout == "" and len(proc.stderr.strip().splitlines()) == 1


def test_corpus_rows_carry_the_year():
    from sdr_analysis.corpus import META_COLUMNS, parse_one

    parsed = parse_one(str(SEED))
    assert parsed.error is None and "year" in META_COLUMNS
    assert {row["year"] for row in parsed.indicators + parsed.sections} == {2022}
