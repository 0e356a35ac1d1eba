"""The parser's fast paths give what the plain definitions give: rules tried only on
the units they concern, results built by position."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import CORPUS, SEED
from sdr_analysis import candidates, indicators, parse_report
from sdr_analysis.results import Claim, Indicator, Paragraph, Section, Sentence, Term, positional, revised

#: Sentences with a figure of each class the rules reject, and figures they keep.
RULE_CASES = """\
纪念建市四十周年，庆祝70周年。市五届人大三次会议、十一届六次全会召开。
落实中央八项规定，建成二期工程，更新8座以下客车。
极不平凡的五年，过去的五年，五年来，时隔三年再次举办。
营收超五十亿元企业达到12家，亿元以上项目开工，海拔4500米以上村庄通路。
时速250公里动车开通，迈上万亿元台阶，三级医院2所，第二批试点，数十家企业。
2022年度完成投资，24小时自助服务，一批项目落地，提前一年完成，千家万户受益。
PM2.5浓度下降，实现两位数增长，3亿成为起点，65岁以上老人享受补贴。
粮食产量720.4亿斤，人均预期寿命79.1岁，空气优良天数301天，增长-2.6%。
"""


def texts():
    out = [("rule cases", RULE_CASES), ("seed", SEED.read_text(encoding="utf-8"))]
    if CORPUS.is_dir():
        from sdr_analysis.reading import read_text

        out += [(p.name, read_text(p)) for p in sorted(CORPUS.glob("*.txt"))]
    return out


@pytest.mark.parametrize("name, text", texts(), ids=lambda v: v if len(v) < 80 else "")
def test_a_rule_left_out_for_a_unit_never_rejects_it(name, text):
    doc = parse_report(text).document
    zones = doc.not_prose.__contains__
    checked = 0
    for c in candidates.candidates(text, doc.page_body):
        candidates.settle(text, c)
        every = indicators.REJECTION_RULES + (indicators.DURATION_RULES if c.unit.kind == "duration" else ())
        tried = indicators.rules_for(c.unit, c.cn is not None)
        for rule in every:
            if rule not in tried:
                assert rule(text, c, zones) is None, (rule.__name__, text[c.start - 8 : c.end + 8])
                checked += 1
    assert checked  # the table leaves rules out, or it would save nothing


def test_rule_cases_reject_what_they_name():
    report = parse_report(RULE_CASES)
    found = {i.text for i in report.indicators}
    for rejected in ("四十周", "70周", "三次", "六次", "八项", "二期", "8座", "五年", "三年", "五十亿元", "亿元",
                     "4500米", "250公里", "万亿元", "三级", "2022年", "24小时", "一批", "千家", "两位", "3亿", "65岁"):
        assert rejected not in found, rejected
    for kept in ("12家", "2所", "一年", "720.4亿斤", "79.1岁", "301天", "-2.6%"):
        assert kept in found, kept


def every_field(cls):
    """Values for every field of a result type, none of them its default."""
    preset = {"start": 3, "end": 9, "text": "投资5亿元", "theme": Sentence(3, 5, "投资"), "sentence": Sentence(0, 9, "全年投资5亿元。")}
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in preset:
            values[f.name] = preset[f.name]
        elif f.type in ("int", int):
            values[f.name] = 7
        elif "float" in str(f.type):
            values[f.name] = 2.5
        elif "bool" in str(f.type):
            values[f.name] = True
        elif "tuple" in str(f.type):
            values[f.name] = ("first", "coverage")
        else:
            values[f.name] = f"<{f.name}>"
    return values


@pytest.mark.parametrize("cls", [Sentence, Paragraph, Section, Indicator, Claim, Term])
def test_positional_builds_what_the_class_builds(cls):
    values = every_field(cls)
    made = positional(cls)(**values)
    assert made == cls(**values)
    assert type(made) is cls
    assert [getattr(made, n) for n in values] == list(values.values())
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 0  # still frozen


@pytest.mark.parametrize("cls", [Section, Indicator, Claim])
def test_revised_is_replace(cls):
    original = cls(**every_field(cls))
    change = {"start": 1, "text": "改"} | ({"kind": "item"} if cls is not Indicator else {"role": "spending"})
    assert revised(original, **change) == dataclasses.replace(original, **change)
    assert revised(original) == original
    with pytest.raises(TypeError, match="no field"):
        revised(original, colour="red")
