"""English names on the en pages: provinces from their table, other places in pinyin
with their level word in English (and the readings pypinyin gets wrong), labels that
name a measure or a policy word in English, and the place a report names, in English
with the Chinese beside it."""

from __future__ import annotations

import pytest

from sdr_analysis.english import english_label, label_words, place_in_english, place_name, report_place, short_place_name
from sdr_analysis.places import provinces
from sdr_analysis.results import Metadata
from sdr_analysis.words import table

# a place's name: province table, level words, pinyin with its apostrophe
PLACES = [
    ("河南省", "Henan"),
    ("内蒙古自治区", "Inner Mongolia"),
    ("北京市", "Beijing"),
    ("陕西省", "Shaanxi"),
    ("山西省", "Shanxi"),
    ("大连市", "Dalian"),
    ("沙河口区", "Shahekou District"),
    ("杭锦旗", "Hangjin Banner"),
    ("浦东新区", "Pudong New Area"),
    ("西安市", "Xi'an"),
    ("恩施土家族苗族自治州", "Enshi Autonomous Prefecture"),
    ("鄂伦春自治旗", "Oroqen Autonomous Banner"),
    ("吕梁市", "Lüliang"),
]
# characters of several readings: pypinyin right by itself, the place names' reading of
# a character, or the readings table
HETERONYMS = [
    ("厦门市", "Xiamen"),
    ("六安市", "Lu'an"),
    ("蚌埠市", "Bengbu"),
    ("重庆市", "Chongqing"),
    ("长沙市", "Changsha"),
    ("长治市", "Changzhi"),     # pypinyin: zhǎng
    ("长子县", "Zhangzi County"),  # but zhǎng here
    ("成都市", "Chengdu"),      # pypinyin: dōu
    ("民乐县", "Minle County"),  # pypinyin: yuè
    ("乐清市", "Yueqing"),      # but yuè here
    ("蔚县", "Yu County"),
    ("朝阳区", "Chaoyang District"),  # pypinyin: zhāo
    ("长阳土家族自治县", "Changyang Autonomous County"),
    ("单县", "Shan County"),     # pypinyin: dān
    ("海拉尔区", "Hailar District"),   # from Mongolian
    ("呼伦贝尔市", "Hulunbuir"),
]


@pytest.mark.parametrize("name, english", PLACES, ids=[p[0] for p in PLACES])
def test_place_names(name, english):
    assert place_name(name) == english


@pytest.mark.parametrize("name, english", HETERONYMS, ids=[p[0] for p in HETERONYMS])
def test_place_names_of_several_readings(name, english):
    assert place_name(name) == english


def test_every_province_has_its_english_name():
    assert set(table("english")["provinces"]) == set(provinces())
    assert len(provinces()) == 34


def test_a_report_place_innermost_first():
    meta = Metadata(province="辽宁省", city="大连市", district="沙河口区")
    assert place_in_english(meta) == "Shahekou District, Dalian, Liaoning"
    assert place_in_english(Metadata()) == ""


@pytest.mark.parametrize("name, english", [("海拉尔区", "Hailar District"), ("新疆", "Xinjiang"), ("安徽", "Anhui"), ("北京", "Beijing")])
def test_short_place_names_in_english(name, english):
    assert short_place_name(name, "en") == english
    assert short_place_name(name, "zh") == name


def test_the_national_report_is_china():
    from sdr_analysis import parse_report

    report = parse_report("政府工作报告\n——2018年3月5日在第十三届全国人民代表大会第一次会议上\n\n一、过去五年工作回顾\n\n  我们砥砺奋进。\n")
    assert report.metadata.level == "national"
    assert report_place(report, "en") == "China (全国)"
    assert report_place(report, "zh") == "全国"


def test_report_place_in_each_language(seed_report):
    assert report_place(seed_report, "en") == "Shahekou District, Dalian, Liaoning (辽宁省大连市沙河口区)"
    assert report_place(seed_report, "en", chinese=False) == "Shahekou District, Dalian, Liaoning"
    assert report_place(seed_report, "zh") == "辽宁省大连市沙河口区"


LABELS = [
    ("地区生产总值增长", "GDP growth"),            # a measure, and how it changed
    ("地区生产总值达到", "GDP"),                   # a verb that states no change
    ("全市地区生产总值", "GDP"),                   # where it is counted left off
    ("单位地区生产总值能耗", "energy use per unit of GDP"),
    ("城镇新增就业", "new urban jobs"),
    ("实现新增就业", "new jobs"),                  # a policy word, after its verb
    ("一般公共预算收入增长", "general budget revenue growth"),
    ("单位地区生产总值能耗下降", "fall in energy use per unit of GDP"),
    ("旅游收入增长", None),                       # neither: stays Chinese
    ("固定资产投资中工业投资", None),              # holds a measure, names another
    ("", None),
]


@pytest.mark.parametrize("label, english", LABELS, ids=[x[0] or "empty" for x in LABELS])
def test_labels_that_name_a_measure_or_policy_word(label, english):
    assert english_label(label) == english


def test_label_words_keep_chinese_where_there_is_no_english():
    assert label_words("旅游收入增长", "en") == "旅游收入增长"
    assert label_words("地区生产总值增长", "en") == "GDP growth"
    assert label_words("地区生产总值增长", "zh") == "地区生产总值增长"
    assert label_words(None, "en") == "—"
