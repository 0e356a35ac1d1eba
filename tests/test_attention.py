"""Attention measures: the dictionaries' words counted as whole words, checked against
a plain count written here (segment, count, divide)."""

from __future__ import annotations

import re

import pytest

from sdr_analysis import attention
from sdr_analysis.attention import Dictionary, attention_rows, load_dictionaries
from sdr_analysis.exceptions import ReportReadError
from sdr_analysis.report import load_report, parse_report

#: Reports of three levels and lengths: a province, the national report, a district.
THREE = ("henan-2026", "national-2018", "hailar-2015")

CHINESE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")


def reference_tokenizer(dictionaries):
    import rjieba

    tok = rjieba.Jieba()
    for w in sorted({w for d in dictionaries for w in d.words}):
        tok.add_word(w, None, None)
    return tok


def scope_text(report, ranges):
    """The text of ``ranges``, a line break for every character of page furniture and
    between ranges."""
    furniture = report.furniture
    pieces = []
    for a, b in ranges:
        chars = list(report.text[a:b])
        for fa, fb in furniture:
            for i in range(max(fa, a), min(fb, b)):
                chars[i - a] = "\n"
        pieces.append("".join(chars))
    return "\n".join(pieces)


def reference_rows(report, dictionaries, tok):
    """The rows attention_rows should give, counted the plain way."""
    start, end = report.body
    scopes = {
        "whole": [(start, end)],
        "review": [(p.start, min(p.end, end)) for p in report.parts if p.period == "review"],
        "plan": [(p.start, min(p.end, end)) for p in report.parts if p.period == "plan"],
    }
    rows = []
    for scope, ranges in scopes.items():
        text = scope_text(report, ranges)
        words = [w for w in tok.cut(text, False) if any(c.isalnum() for c in w)]
        characters = len(CHINESE.findall(text))
        sentences = [s for s in report.sentences if any(a <= s.start < b for a, b in ranges)]
        for d in dictionaries:
            matched = [w for w in words if w in d.words]
            held = [s for s in sentences if any(w in d.words for w in tok.cut(s.text, False))]
            rows.append({
                "dictionary": d.name, "version": d.version, "scope": scope,
                "words_matched": len(matched), "words": len(words),
                "share_words": len(matched) / len(words) if words else None,
                "characters": characters,
                "share_characters": sum(len(CHINESE.findall(w)) for w in matched) / characters if characters else None,
                "sentences_with": len(held), "sentences": len(sentences),
            })
    return rows


@pytest.fixture(scope="module")
def three(corpus_gold):
    paths = {path.stem: path for _, path in corpus_gold}
    missing = [n for n in THREE if n not in paths]
    if missing:
        pytest.skip(f"corpus reports absent: {', '.join(missing)}")
    return [load_report(paths[n]) for n in THREE]


def test_rows_equal_a_plain_count(three):
    dictionaries = load_dictionaries()
    tok = reference_tokenizer(dictionaries)
    for report in three:
        got = attention_rows(report, dictionaries)
        want = reference_rows(report, dictionaries, tok)
        assert len(got) == len(dictionaries) * 3
        for g, w in zip(got, want):
            assert g == pytest.approx(w), (report.source, g["dictionary"], g["scope"])
        # every report speaks of the environment, in both its parts
        env = {r["scope"]: r for r in got if r["dictionary"] == "environment"}
        assert env["whole"]["words_matched"] >= env["review"]["words_matched"] + env["plan"]["words_matched"] > 0
        assert 0 < env["whole"]["share_words"] < 0.1


def test_packaged_dictionaries():
    dictionaries = load_dictionaries()
    names = [d.name for d in dictionaries]
    assert {"environment", "innovation", "digital", "livelihood", "agriculture", "opening"} <= set(names)
    assert len(names) == len(set(names))
    for d in dictionaries:
        assert isinstance(d, Dictionary) and d.zh and d.en and d.version and d.source
        assert d.words and all(len(w) >= 2 for w in d.words), d.name
    with pytest.raises(AttributeError):
        dictionaries[0].name = "x"  # type: ignore[misc]


def test_no_one_character_word_in_any_packaged_file():
    import tomllib
    from importlib import resources

    folder = resources.files("sdr_analysis").joinpath("data/dictionaries")
    files = [f for f in folder.iterdir() if f.name.endswith(".toml")]
    assert len(files) >= 6
    for f in files:
        words = tomllib.loads(f.read_text(encoding="utf-8"))["words"]
        assert [w for w in words if len(w) < 2] == [], f.name


REPORT = """某省人民政府工作报告
——2024年1月10日在某省人民代表大会上

一、2023年工作回顾

  过去一年，我们与河南、河北两省加强合作，河南省和河北省客商来访增多。{review}

二、2024年工作安排

  {plan}港口建设加快推进，港口吞吐量稳步增长。

  各位代表！让我们团结奋斗。
"""


def rows_by(rows, dictionary):
    return {r["scope"]: r for r in rows if r["dictionary"] == dictionary}


def test_henan_and_hebei_are_no_environment_words():
    dictionaries = load_dictionaries()
    env = rows_by(attention_rows(parse_report(REPORT.format(review="", plan="")), dictionaries), "environment")
    assert env["whole"]["words_matched"] == 0
    assert env["whole"]["sentences_with"] == 0
    # the same text with one environment word in each part counts them
    env = rows_by(attention_rows(parse_report(REPORT.format(review="生态环境持续改善。", plan="加强污染防治。")), dictionaries),
                  "environment")
    assert (env["whole"]["words_matched"], env["review"]["words_matched"], env["plan"]["words_matched"]) == (2, 1, 1)
    assert env["review"]["sentences_with"] == env["plan"]["sentences_with"] == 1


def test_no_place_name_holds_a_dictionary_word():
    from sdr_analysis.places import gazetteer

    dictionaries = load_dictionaries()
    tok = attention.tokenizer(dictionaries)
    words = {w for d in dictionaries for w in d.words}
    names = sorted(gazetteer().by_name)
    assert "河南省" in names and "河南" in names
    hits = [(name, w) for name in names for w in tok.cut(name, False) if w in words]
    assert hits == []


def test_a_user_dictionary_adds_a_row(tmp_path):
    path = tmp_path / "ports.toml"
    path.write_text('name = "ports"\nzh = "港口"\nen = "Ports"\nversion = "0.1"\nsource = "written for a test"\n'
                    'words = ["港口", "吞吐量"]\n', encoding="utf-8")
    dictionaries = load_dictionaries([path])
    assert [d.name for d in dictionaries][-1] == "ports"
    assert len(dictionaries) == len(load_dictionaries()) + 1
    ports = rows_by(attention_rows(parse_report(REPORT.format(review="", plan="")), dictionaries), "ports")
    # 港口 twice and 吞吐量 once, all in the plan part, in one sentence
    assert (ports["whole"]["words_matched"], ports["review"]["words_matched"], ports["plan"]["words_matched"]) == (3, 0, 3)
    assert ports["plan"]["sentences_with"] == 1
    assert ports["whole"]["share_characters"] == pytest.approx(7 / ports["whole"]["characters"])


BAD = {
    "broken.toml": ('name = "x\n', "invalid TOML"),
    "nowords.toml": ('name = "x"\nzh = "甲"\nen = "X"\nversion = "1"\nsource = "s"\n', "missing words"),
    "single.toml": ('name = "x"\nzh = "甲"\nen = "X"\nversion = "1"\nsource = "s"\nwords = ["河", "河流"]\n', "'河'"),
    "taken.toml": ('name = "environment"\nzh = "甲"\nen = "X"\nversion = "1"\nsource = "s"\nwords = ["河流"]\n', "already"),
    "name.toml": ('name = "My words"\nzh = "甲"\nen = "X"\nversion = "1"\nsource = "s"\nwords = ["河流"]\n', "name"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_dictionary_file_is_refused_in_one_line(tmp_path, name):
    text, said = BAD[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportReadError) as caught:
        load_dictionaries([path])
    message = str(caught.value)
    assert "\n" not in message and str(path) in message and said in message


def test_a_missing_dictionary_file_is_refused(tmp_path):
    with pytest.raises(ReportReadError, match="cannot read"):
        load_dictionaries([tmp_path / "absent.toml"])


def test_same_counts_with_a_fresh_segmenter(three):
    report = three[-1]
    first = attention_rows(report, load_dictionaries())
    attention._tokenizer.cache_clear()
    again = attention_rows(load_report(report.source), load_dictionaries())
    assert first == again


def test_the_command_adds_a_users_dictionary(tmp_path, capsys):
    import json

    from conftest import SEED
    from sdr_analysis.cli import main

    path = tmp_path / "ports.toml"
    path.write_text('name = "ports"\nzh = "港口"\nen = "Ports"\nversion = "0.1"\nsource = "s"\nwords = ["港口"]\n', encoding="utf-8")
    assert main(["attention", str(SEED), "--dictionary", str(path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["scope"] for r in rows if r["dictionary"] == "ports"] == ["whole", "review", "plan"]
    path.write_text('name = "ports"\nwords = ["港"]\n', encoding="utf-8")
    assert main(["attention", str(SEED), "--dictionary", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "ports.toml" in err
