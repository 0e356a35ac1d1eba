"""Properties under hostile input: random bytes (with and without byte-order marks)
through ``load_report`` and the command line, and random report text in every heading
style the package knows, with every kind of line break.

Whatever comes in, the library raises only its own errors (:class:`SdrError`), the
command line exits 0 or 2 and never raises, and every result is a span of the text.
The examples are drawn from a fixed seed (``derandomize``) and no database is kept, so
a run is the same everywhere.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdr_analysis import SdrError, load_report, parse_report
from sdr_analysis.cli import main
from sdr_analysis.units import UNITS

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

COMMANDS = ("sections", "indicators", "claims", "relations", "terms")

# --- report text ---

CN_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "二十", "两", "十四五", "七八")
ARABIC_NUMERALS = ("1", "2", "3", "9", "10", "12", "99", "１", "１２")
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")

#: A heading marker of each style the package reads (some with numerals that are not
#: one number).
heading_markers = st.one_of(
    st.sampled_from(CN_NUMERALS).map(lambda n: f"第{n}部分"),
    st.sampled_from(CN_NUMERALS).map(lambda n: f"{n}、"),
    st.tuples(st.sampled_from(CN_NUMERALS), st.sampled_from(("（{}）", "({})"))).map(lambda t: t[1].format(t[0])),
    st.tuples(st.sampled_from(ARABIC_NUMERALS), st.sampled_from((".", "、", "．"))).map("".join),
    st.sampled_from(ARABIC_NUMERALS).map(lambda n: f"({n})"),
    st.just("——"),
    st.sampled_from(CN_NUMERALS).map(lambda n: f"{n}是"),
)

words = st.sampled_from((
    "全区", "新建", "改造", "完成投资", "新增就业", "营商环境持续优化", "城市更新", "乡村振兴", "我们", "这五年",
    "过去五年", "一年来", "各", "第", "每万人", "数", "PM", "G", "导航", "来源：", "政府工作报告", "2023年1月10日",
    "同比", "增长", "提高", "压缩至", "提升至", "由", "从", "调整为", "力争", "率先", "首个", "全国", "全省",
    "全覆盖", "实现", "获评", "成为省级试点", "万人", "一批", "三级医院", "24小时自助",
))

arabic_numbers = st.one_of(
    st.integers(0, 10**6).map(str),
    st.integers(0, 10**6).map("{:,}".format),
    st.tuples(st.integers(0, 9999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.integers(0, 999).map(lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))),
    st.integers(12, 400).map(lambda n: "9" * n),  # longer than any figure
)
chinese_numbers = st.sampled_from(CN_NUMERALS + ("三千", "五千万", "一亿二千万", "二〇二二", "亿亿", "千", "百", "近千"))

#: A figure as reports write it: a qualifier, a number (with a zero-width character
#: now and then), a scale, a unit, a qualifier after.
figures = st.tuples(
    st.sampled_from(("", "", "近", "约", "超过", "不足", "突破", "上")),
    st.one_of(arabic_numbers, chinese_numbers),
    st.sampled_from(("", "", "") + ZERO_WIDTH + (" ", "\u3000")),
    st.sampled_from(("", "余", "多")),
    st.sampled_from(("", "", "万", "亿", "万亿", "千万")),
    st.sampled_from([u.surface for u in UNITS] + ["", "年"]),
    st.sampled_from(("", "", "以上", "左右", "以内", "内")),
).map("".join)

quotes = st.tuples(st.sampled_from(("“", "”", "「", "」", "《", "》", "‘", "’")), words).map("".join)

sentences = st.lists(st.one_of(words, figures, quotes, st.sampled_from(("，", ",", "、", "；", "："))), min_size=1, max_size=8).map(
    "".join
).flatmap(lambda body: st.sampled_from(("。", "！", "？", "", "”。")).map(lambda stop: body + stop))

#: A line of a report: indentation, then a heading and its title, or sentences.
lines = st.tuples(
    st.sampled_from(("", "", "  ", "\u3000\u3000")),
    st.one_of(
        st.tuples(heading_markers, sentences).map("".join),
        st.lists(sentences, min_size=1, max_size=3).map("".join),
        st.sampled_from(("", "— 3 —", "各位代表：", "导航菜单", "本文地址:http://example.cn/1.html")),
    ),
).map("".join)

titles = st.sampled_from((
    "", "某某市人民政府工作报告", "(浙江省)温州市鹿城区人民政府工作报告(2023年1月10日)", "政 府 工 作 报 告",
    "——2023年1月10日在某区第十六届人民代表大会第二次会议上",
))

#: The lines of a report, with no line break inside any of them.
documents = st.tuples(titles, st.lists(lines, max_size=12)).map(lambda t: [t[0], *t[1]])

NEWLINES = ("\n", "\r\n", "\r")


def joined(document: list[str], newline: str) -> str:
    return newline.join(document) + newline


def mixed(document: list[str], breaks: list[str]) -> str:
    """The lines joined by the given line breaks, cycled: a file edited on several
    systems."""
    return "".join(line + breaks[i % len(breaks)] for i, line in enumerate(document))


report_texts = st.one_of(
    st.tuples(documents, st.sampled_from(NEWLINES)).map(lambda t: joined(*t)),
    st.tuples(documents, st.lists(st.sampled_from(NEWLINES), min_size=1, max_size=4)).map(lambda t: mixed(*t)),
)


def assert_span(text: str, x) -> None:
    assert 0 <= x.start <= x.end <= len(text), x
    assert text[x.start : x.end] == x.text, x


def force(report) -> None:
    """Ask the report for every finding, so that whatever can fail does, and check
    each is a span of the text."""
    text = report.text
    start, end = report.body
    assert 0 <= start <= end <= len(text)
    if report.metadata.title is not None:
        assert_span(text, report.metadata.title)
    _ = (report.metadata.place, report.metadata.year)  # read without an error
    for heading in report.headings:
        assert_span(text, heading)
        assert text[heading.title_start : heading.title_end] == heading.title
        assert heading.number  # every section has a number to be looked up by
    for paragraph in report.paragraphs:
        assert_span(text, paragraph)
    for sentence in report.sentences:
        assert_span(text, sentence)
    for figure in report.indicators:
        assert_span(text, figure)
        assert math.isfinite(float(figure.value))
        assert figure.value_max is None or math.isfinite(float(figure.value_max))
    for claim in report.claims:
        assert_span(text, claim)
    for relation in report.relations:
        assert_span(text, relation)
    for term in report.terms:
        assert_span(text, term)
        assert "\n" not in term.text and "\r" not in term.text
    assert isinstance(report.notes, list) and isinstance(report.missing_sections, list)
    for section in report:
        for figure in section.indicators:
            assert section.start <= figure.start < section.end
        _ = (section.claims, section.relations, section.terms, section.themes, section.money_amounts, section.stated_totals)  # read without an error
        assert report.section(section.number).start <= section.start


# --- bytes ---

BOMS = (b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


#: File contents: random bytes, and report text in the encodings reports come in (and
#: in Big5), cut at a random place or with a random byte put in, behind any mark.
contents = st.tuples(
    st.sampled_from(BOMS),
    st.one_of(
        st.binary(max_size=400),
        st.tuples(report_texts, st.sampled_from(("utf-8", "gb18030", "utf-16-le", "utf-16-be", "big5"))).map(
            lambda t: _encoded(*t)
        ),
        st.tuples(report_texts, st.integers(0, 400), st.binary(min_size=1, max_size=3)).map(
            lambda t: (t[0].encode("utf-8")[: t[1]] + t[2] + t[0].encode("utf-8")[t[1] :])
        ),
        report_texts.map(lambda t: f"<html><body><p>{t}</p><nav>首页</nav></body></html>".encode("utf-8")),
    ),
).map(lambda t: t[0] + t[1])


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz") / "report.txt"


@FUZZ
@given(data=contents)
def test_random_bytes_raise_only_library_errors(report_file, data):
    report_file.write_bytes(data)
    try:
        report = load_report(report_file)
    except SdrError as exc:
        assert "\n" not in str(exc)
        return
    force(report)


@settings(FUZZ, max_examples=60)
@given(data=contents)
def test_command_line_exits_0_or_2(report_file, data):
    report_file.write_bytes(data)
    for command in COMMANDS:
        for json in ((), ("--json",)):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                status = main([command, str(report_file), *json])
            assert status in (0, 2), (command, status)
            if status == 2:
                assert out.getvalue() == "" and len(err.getvalue().strip().splitlines()) == 1, err.getvalue()


# --- text ---


@FUZZ
@given(text=report_texts)
def test_report_text_parses_into_spans(text):
    try:
        report = parse_report(text)
        force(report)
    except SdrError:
        pass


def _normal(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _findings(report) -> tuple:
    """What a report finds, line breaks written as LF."""
    return (
        [(h.marker, h.number, _normal(h.title), h.level) for h in report.headings],
        [_normal(s.text) for s in report.sentences],
        [(_normal(i.text), i.value, i.unit, i.kind, i.qualifier) for i in report.indicators],
        [(c.kind, c.scope, _normal(c.text)) for c in report.claims],
        [(r.kind, r.direction, _normal(r.text)) for r in report.relations],
        [_normal(t.text) for t in report.terms],
        [(_normal(report.text[s:e])) for s, e in report.furniture],
        report.wrapped,
    )


@FUZZ
@given(document=documents)
def test_line_breaks_of_every_system_read_alike(document):
    """The same lines joined by LF, CRLF or CR give the same findings."""
    lf, crlf, cr = (_findings(parse_report(joined(document, newline))) for newline in NEWLINES)
    assert crlf == lf
    assert cr == lf
