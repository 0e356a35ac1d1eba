"""The parts of a write-up: every number in the narrative is a parsed figure, written
with its qualifier, and points at its source sentence."""

from __future__ import annotations

import re

import nbformat
import pytest
from nbconvert.filters.markdown import markdown2html
from test_messages import markdown_text, rendered

from conftest import ROOT, SEED
from sdr_analysis import ParameterError, SdrError, SectionNotFound, parse_report, writeup
from sdr_analysis.results import SectionSummary

TEXT = """某省某市某区人民政府工作报告(2023年1月5日)

  (一)稳定经济增长。全区经济稳中有进。

  招商引资成效明显。引进项目30余个,到位资金约12亿元。在全省率先设立企业服务中心。

  (三)改善民生。民生投入占比80%,同比提高3个百分点。

  教育事业发展。新建学校2所,各配备校医1名。
"""


@pytest.fixture
def report():
    return parse_report(TEXT)


def test_indicator_table_rows_point_at_sentences(report):
    sec = report.section("三")
    table = writeup.indicator_table(sec, "en")
    assert list(table["figure as written"]) == [i.text for i in sec.indicators]
    assert list(table["relation"]) == ["change: base (increase)", "change: delta (increase)", "", ""]


@pytest.mark.parametrize("lang, same", [("en", "(as above)"), ("zh", "（同上）")])
def test_indicator_table_writes_each_sentence_once(report, lang, same):
    """民生投入占比80%,同比提高3个百分点。 holds two figures: the sentence is written at
    the first, the second says it is the same; both carry its id."""
    table = writeup.indicator_table(report.section("三"), lang)
    source, sentence = table.columns[-1], table.columns[-2]
    assert list(table[source]) == ["民生投入占比80%,同比提高3个百分点。", same, "新建学校2所,各配备校医1名。", same]
    assert table[sentence].iloc[0] == table[sentence].iloc[1] != table[sentence].iloc[2] == table[sentence].iloc[3]


def test_claims_grouped_by_kind_and_scope(report):
    text = writeup.claims(report.section("一"), "en")
    assert text.startswith("**Firsts** (1)") and "in the province" in text


def test_notes_mention_approximations_and_each(report):
    text = writeup.notes(report, report.section("一"), "en")
    assert "30余个" in text and "约12亿元" in text
    assert "各" in writeup.notes(report, report.section("三"), "en")


def test_missing_sections_are_named(report):
    assert "二" in writeup.missing(report, "en")


def test_wrong_parameters_say_what_is_valid(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(SectionNotFound, match="一, 三"):
        writeup.open_section(str(path), "九", "en")
    with pytest.raises(SdrError, match="en, zh"):
        writeup.open_section(str(path), "一", "fr")


# report text in the Markdown parts

HOSTILE = """某省某市<b>某区</b>人民政府工作报告(2023年1月5日)

  (一)稳定<img src=x onerror=alert(1)>增长*加快*。全区经济稳中有进$x$。

  招商<svg onload=f()>。引进项目30余个,到位资金约12亿元`code`。在全省率先<svg onload=alert(3)>设立中心。推进“<img src=x onerror=alert(4)>”行动,建成[平台](javascript:alert(5))3个。

  (三)改善民生|表格|。民生投入占比80%,同比提高3个百分点\\。
"""

#: Report text from HOSTILE, each in the parts that must show it as written.
SHOWN = {
    "heading": ["(一)稳定<img src=x onerror=alert(1)>增长*加快*。"],
    "themes": ["招商<svg onload=f()>。", "到位资金"],
    "claims": ["在全省率先<svg onload=alert(3)>设立中心"],
    "terms": ["“<img src=x onerror=alert(4)>”"],
    "narrative": ["稳定<img src=x onerror=alert(1)>增长*加快*", "在全省率先<svg onload=alert(3)>设立中心"],
    "sources": ["全区经济稳中有进$x$。", "推进“<img src=x onerror=alert(4)>”行动,建成[平台](javascript:alert(5))3个。"],
    "notes": ["30余个"],
    "overview_heading": ["某省某市<b>某区</b>人民政府工作报告(2023年1月5日)"],
    "all_claims": ["在全省率先<svg onload=alert(3)>设立中心"],
    "missing": ["二"],
    "links": ["(一)稳定<img src=x onerror=alert(1)>增长*加快*。", "(三)改善民生|表格|。"],
}
#: The elements the parts' own Markdown makes.
OWN_ELEMENTS = {"h1", "p", "ul", "li", "strong", "a"}


def part(name: str, report, lang: str) -> str:
    sec = report.section("一")
    calls = {
        "heading": lambda: writeup.heading(report, sec, lang),
        "themes": lambda: writeup.themes(sec, lang),
        "claims": lambda: writeup.claims(sec, lang),
        "terms": lambda: writeup.terms(sec, lang),
        "narrative": lambda: writeup.narrative(report, sec, lang),
        "sources": lambda: writeup.sources(sec, lang),
        "notes": lambda: writeup.notes(report, sec, lang),
        "overview_heading": lambda: writeup.overview_heading(report, lang),
        "all_claims": lambda: writeup.all_claims(report, lang),
        "missing": lambda: writeup.missing(report, lang),
        "links": lambda: writeup.links(report, lang),
    }
    return calls[name]()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(SHOWN))
def test_parts_show_report_text_as_written(name, lang):
    shown = rendered(markdown2html(part(name, parse_report(HOSTILE), lang)))
    for text in SHOWN[name]:
        assert text in shown.text
    assert {tag for tag, _ in shown.elements} <= OWN_ELEMENTS
    for tag, attrs in shown.elements:
        if tag == "a":
            assert re.fullmatch(r"#S\d+|section(?:-\d+)+(?:-zh)?\.html", attrs.get("href") or "#S1") or attrs.get("class") == "anchor-link"
            assert re.fullmatch(r"S\d+", attrs.get("id") or "S1"), attrs


# notebook parameters


@pytest.mark.parametrize("section", [
    pytest.param(4, id="int-from-papermill"),
    pytest.param("4", id="numeral"),
    pytest.param("四", id="chinese-number"),
    pytest.param("(四)", id="marker"),
    pytest.param("（四）", id="full-width-marker"),
])
def test_section_parameter_finds_the_section(section):
    _, sec = writeup.open_section(str(SEED), section, "en")
    assert sec.marker + sec.title == "(四)提升社会保障水平,民生福祉持续增进。"


@pytest.mark.parametrize("given,name,valid", [
    pytest.param({"section": [1, 2]}, "section", "sections: 三, 四, 五, 六", id="section-list"),
    pytest.param({"section": None}, "section", "sections: 三, 四, 五, 六", id="section-none"),
    pytest.param({"section": True}, "section", "sections: 三, 四, 五, 六", id="section-bool"),
    pytest.param({"report_path": 5}, "report_path", "path of a report file", id="report-path-int"),
    pytest.param({"report_path": ["a.txt"]}, "report_path", "path of a report file", id="report-path-list"),
    pytest.param({"lang": "fr"}, "lang", "use one of: en, zh", id="lang-unknown"),
    pytest.param({"lang": ["en"]}, "lang", "use one of: en, zh", id="lang-list"),
])
def test_wrong_parameter_is_one_line_naming_it(given, name, valid):
    params = {"report_path": str(SEED), "section": "四", "lang": "en", **given}
    with pytest.raises(ParameterError) as err:
        writeup.open_section(**params)
    assert err.value.name == name and err.value.value == given[name]
    message = str(err.value)
    assert message.startswith(f"parameter {name} = {given[name]!r} cannot be used;") and valid in message
    assert "\n" not in message
    if name != "section":
        with pytest.raises(ParameterError, match=f"^parameter {name} = "):
            writeup.open_report(params["report_path"], params["lang"])


NOTEBOOKS = ROOT / "notebooks"


@pytest.mark.notebooks
def test_papermill_section_as_int(tmp_path):
    import papermill as pm  # here, not at the top: collecting the tests needs no papermill

    out = tmp_path / "section-4.ipynb"
    pm.execute_notebook(str(NOTEBOOKS / "section.ipynb"), str(out), parameters={"section": 4}, cwd=str(NOTEBOOKS),
                        kernel_name="python3", progress_bar=False)
    outputs = [o for c in nbformat.read(out, as_version=4).cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    heading = next(o.data["text/markdown"] for o in outputs if "text/markdown" in o.get("data", {}))
    assert markdown_text(heading).startswith("(四)提升社会保障水平,民生福祉持续增进。")


@pytest.mark.notebooks
def test_papermill_wrong_parameter_stops_with_one_line(tmp_path):
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    out = tmp_path / "section.ipynb"
    with pytest.raises(PapermillExecutionError) as err:
        pm.execute_notebook(str(NOTEBOOKS / "section.ipynb"), str(out), parameters={"report_path": 5}, cwd=str(NOTEBOOKS),
                            kernel_name="python3", progress_bar=False)
    assert err.value.ename == "ParameterError"
    assert err.value.evalue.startswith("parameter report_path = 5 cannot be used;")
    errors = [o for c in nbformat.read(out, as_version=4).cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert [e.traceback for e in errors] == [[f"ParameterError: {err.value.evalue}"]]


# reports with parts

PARTS = """某省某市人民政府工作报告(2024年1月10日)

一、2023年工作回顾

  (一)经济稳中向好，质量效益稳步提升。全市生产总值增长5%。

  (二)民生持续改善。新增就业1.2万人。

二、2024年工作安排

  今年要扎实做好各项工作。力争全市生产总值增长6%。
"""


@pytest.fixture
def parts():
    return parse_report(PARTS)


def test_heading_names_the_part_and_its_period(parts):
    text = markdown_text(writeup.heading(parts, parts.section("一.二"), "en"))
    assert "in part 一、2023年工作回顾 (review of past work)" in text
    assert "section 2 of 3" in text
    zh = markdown_text(writeup.heading(parts, parts.section("二"), "zh"))
    assert "所属部分：二、2024年工作安排（年度工作安排）" in zh and "此为第3个" in zh


def test_heading_of_a_report_without_parts_names_no_part(report):
    text = markdown_text(writeup.heading(report, report.section("三"), "en"))
    assert "part" not in text and "section 2 of 2" in text


def test_links_are_grouped_by_part(parts):
    assert writeup.links(parts, "zh").splitlines() == [
        "- **一、2023年工作回顾**（工作回顾）",
        "  - [\\(一\\)经济稳中向好，质量效益稳步提升。](section-1-1-zh.html)",
        "  - [\\(二\\)民生持续改善。](section-1-2-zh.html)",
        "- [二、2024年工作安排](section-2-zh.html)（年度工作安排）",
    ]


def test_sections_table_has_the_part_where_there_are_parts(parts, report):
    table = writeup.sections_table(parts, "en")
    assert list(table.index) == ["一(一)", "一(二)", "二、"]
    assert list(table["part"]) == ["一", "一", "二"]
    assert list(table["period"]) == ["review of past work", "review of past work", "the coming year's work"]
    assert "part" not in writeup.sections_table(report, "en").columns


@pytest.mark.parametrize("title,part,marker,expected", [
    pytest.param("经济稳中向好，质量效益稳步提升。", "一", "(一)", "一(一)经济稳中向好", id="to-the-comma"),
    pytest.param("全面推进韧性城市建设筑牢首都安全防线", "三", "（十）", "三（十）全面推进韧性城市建…", id="cut"),
    pytest.param("2024年工作安排", "二", "二、", "二、2024年工作安排", id="part-as-section"),
    pytest.param("稳增长。", None, "(三)", "(三)稳增长", id="no-parts"),
])
def test_short_label(title, part, marker, expected):
    key = part if marker.endswith("、") else ("三" if part is None else f"{part}.x")
    s = SectionSummary(0, 0, "", key=key, marker=marker, title=title, part=part)
    assert writeup.short_label(s) == expected


@pytest.mark.parametrize("lang, heading, counted", [("en", "**Rankings** (1)", "one ranking"), ("zh", "**排名**（1）", "1处排名表述")])
def test_rankings_and_region_scope_are_written_up(lang, heading, counted):
    report = parse_report("(一)稳增长。\n  全市地区生产总值增速居西部第一。新建学校3所。\n")
    (sec,) = list(report)
    assert heading in writeup.claims(sec, lang)
    assert counted in writeup.narrative(report, sec, lang)
    assert writeup.all_claims(report, lang).startswith("**" + writeup.t(lang, "scope_region"))


# Charts of every section draw at most MAX_CHART_SECTIONS (40) of them: the one the page
# is about and those with the most of what the chart shows, in reading order, and say so
# in their title; a report of 40 or fewer draws them all under the title as it is.
CHARTED = [
    pytest.param(list(range(40)), None, list(range(40)), id="forty-all"),
    pytest.param(list(range(45)), None, list(range(5, 45)), id="the-forty-largest"),
    pytest.param(list(range(45)), 0, [0, *range(6, 45)], id="this-one-and-the-39-largest"),
    pytest.param([1] * 50, 49, [*range(39), 49], id="the-first-of-equal-ones"),
]


@pytest.mark.parametrize("weights, keep, shown", CHARTED)
def test_charted_sections(weights, keep, shown):
    assert writeup.charted(weights, keep) == shown


NUMERALS = "一二三四五六七八九"


def numeral(n: int) -> str:
    """1 to 99 as headings write them."""
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (NUMERALS[ones - 1] if ones else "")


@pytest.fixture(scope="module")
def many_sections():
    """45 sections, section N with N figures (一 has one, 四十五 forty-five)."""
    return parse_report("".join(f"（{numeral(n)}）发展。\n" + "新建学校5所。" * n + "\n" for n in range(1, 46)))


def bars(chart) -> list[str]:
    return [label.get_text() for label in chart.figure.axes[0].get_yticklabels()]


@pytest.mark.parametrize("lang, note", [
    ("en", " — 40 of 45 sections: this one and the 39 with the most"),
    ("zh", "——共45个部分，显示本部分及数值最大的39个"),
])
def test_share_chart_draws_this_section_and_the_largest(many_sections, lang, note):
    first = many_sections.section("一")
    chart = writeup.share_chart(many_sections, first, lang)
    assert chart.title == writeup.t(lang, "share_chart") + note
    # 一 (fewest figures) and 七 to 四十五 (the 39 with the most), in reading order
    assert [label.replace("\n", "") for label in bars(chart)] == [f"（{numeral(n)}）发展" for n in (1, *range(7, 46))]


def test_overview_charts_draw_forty_sections(many_sections):
    density = writeup.density_chart(many_sections, "en")
    assert len(bars(density)) == 40
    assert density.title == "indicators per 1,000 characters — the 40 densest of 45 sections"
    domains = writeup.domains_heatmap(many_sections, "zh")
    assert domains.title.endswith("——共45个部分，显示篇幅最长的40个")
    assert len(bars(domains)) == 40


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_charts_of_a_real_report_draw_every_section(seed_report, lang):
    sec = seed_report.section("四")
    assert writeup.share_chart(seed_report, sec, lang).title == writeup.t(lang, "share_chart")
    assert len(bars(writeup.density_chart(seed_report, lang))) == len(seed_report.sections)


def test_an_overview_without_a_title_names_the_file_not_its_path(tmp_path):
    folder = tmp_path / "reports" / "in"
    folder.mkdir(parents=True)
    path = folder / "某县-2022.txt"
    path.write_text("（一）抓项目。新开工项目20个。\n", encoding="utf-8")
    report = writeup.open_report(str(path), "zh")
    first = markdown_text(writeup.overview_heading(report, "zh").splitlines()[0])
    assert first.strip() == "某县-2022.txt"
