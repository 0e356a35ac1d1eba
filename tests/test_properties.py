"""Properties that hold for any text: parsing never raises, and every result is a span
of the text it came from."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sdr_analysis import SectionNotFound, parse_report

#: Pieces report text is made of, weighted towards what the rules react to: numerals,
#: scales, units, qualifiers, heading markers, quotes, claim and relation words, chrome.
PIECES = (
    list("的和在全区市省年月日各新增建成万亿千百十一二两三五零〇0123456789０５.．,，。、；;:：！？!?()（）-～ ")
    + ["\n", "\n\n", "\r\n", "\u3000", "\t", "“", "”", "「", "」", "『", "』", "‘", "’", "《", "》", "〈", "〉"]
    + ["(三)", "（五）", "一、", "十二、", "第二部分", "1.", "2、", "(1)", "一是"]
    + ["%", "％", "个百分点", "倍", "元", "亿元", "万人", "平方米", "公里", "个", "项", "家次", "天", "小时", "年", "级"]
    + ["余", "多", "以上", "以内", "内", "近", "约", "超过", "突破", "不足", "左右", "第", "前", "每", "数"]
    + ["由", "从", "至", "到", "为", "压缩至", "提升至", "同比提高", "比上年增长", "调整为", "每人每月"]
    + ["率先", "首个", "首批", "全国", "全省", "全市", "全覆盖", "获评", "被评为", "成为", "省级", "试点", "力争", "虚拟"]
    + ["政府工作报告", "人民政府工作报告", "(浙江省)", "温州市", "鹿城区", "2023年1月10日", "导航菜单"]
    + ["本文地址:", "本文仅代表作者观点", "留言与评论", "验证码:", "版权所有", "PM2.5", "5G", "24小时自助", "X亿元"]
    + ["营商环境持续优化。", "一年来", "过去五年", "二〇二二年"]
)

report_texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=120).map("".join),
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=80).map("".join),
)


def _assert_span(text: str, x) -> None:
    assert 0 <= x.start <= x.end <= len(text), x
    assert text[x.start : x.end] == x.text, x


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_texts)
@example("(三)经济稳中向好。增速居全省第一,在全省率先实现“一网通办”全覆盖,获评省级试点。")  # a claim of every kind
def test_parse_never_raises_and_every_result_is_a_span(text):
    report = parse_report(text)
    assert report.text == text
    start, end = report.body
    assert 0 <= start <= end <= len(text)

    if report.metadata.title is not None:
        _assert_span(text, report.metadata.title)
    for section in report.headings:
        _assert_span(text, section)
        assert text[section.title_start : section.title_end] == section.title
        assert section.level >= 1
    for paragraph in report.paragraphs:
        _assert_span(text, paragraph)
        if paragraph.theme is not None:
            _assert_span(text, paragraph.theme)
    for sentence in report.sentences:
        _assert_span(text, sentence)
    for figure in report.indicators:
        _assert_span(text, figure)
        assert figure.qualifier in {"exact", "more_than", "nearly", "about", "less_than", "range"}
    for claim in report.claims:
        _assert_span(text, claim)
        assert claim.kind in {"rank", "honor", "first", "coverage"}
    for relation in report.relations:
        _assert_span(text, relation)
        for figure in (relation.before, relation.after, relation.base, relation.delta):
            if figure is not None:
                assert figure in report.indicators
    for term in report.terms:
        _assert_span(text, term)
        assert "\n" not in term.text

    assert isinstance(report.missing_sections, list)
    assert isinstance(report.notes, list)
    for section in report.sections:
        assert report.section(section.number).number == section.number
    try:
        report.section("九十九")
    except SectionNotFound:
        pass
