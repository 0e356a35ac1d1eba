"""Distinctive terms name policy things: function words and counts are left out."""

from __future__ import annotations

import pytest

from sdr_analysis.vocabulary import distinctive_terms, stopwords, words


@pytest.mark.parametrize("word", ["达到", "上年", "分别", "一般", "以上", "力争", "左右", "年均", "促进", "调整"])
def test_function_words_are_stop_words(word):
    assert word in stopwords()


def test_the_stop_words_are_data_without_notes():
    stop = stopwords()
    assert len(stop) > 100
    assert not any(w.startswith("#") for w in stop)


def test_words_leave_out_stop_words_counts_and_units():
    found = words("新建二级医院一处，养老床位达到1200张，比上年增长5%，幼儿园学位增加3000个。")
    assert "养老" in found and "幼儿园" in found
    for gone in ("二级", "一处", "达到", "比上年", "增长", "增加"):
        assert gone not in found


def test_distinctive_terms_of_two_texts():
    texts = [
        "新建养老服务中心，养老床位增加，养老机构提升服务，社区养老全覆盖。",
        "改造老旧小区，小区加装电梯，小区停车位增加，老旧管网改造。",
    ]
    first, second = ([d.word for d in row[:2]] for row in distinctive_terms(texts))
    assert "养老" in first and "小区" in second


def test_distinctive_terms_asked_again_are_the_same_and_the_callers_own():
    texts = ["新建养老服务中心，养老床位增加，社区养老全覆盖。", "改造老旧小区，小区加装电梯，小区停车位增加。"]
    first = distinctive_terms(texts)
    first[0].clear()
    again = distinctive_terms(list(texts))
    assert again[0] and again == distinctive_terms(texts)
    assert [d.word for d in again[0]][:1] == ["养老"]
