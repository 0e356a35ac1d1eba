"""Numbers as reports write them: Chinese numerals and Arabic digits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sdr_analysis.numbers import as_number, is_digit_string, parse_arabic, parse_chinese

CHINESE = [
    # single digits and 两
    pytest.param("三", 3, id="digit"),
    pytest.param("两", 2, id="liang"),
    pytest.param("零", 0, id="zero"),
    # 十 alone and in the tens: a leading 十 means one ten
    pytest.param("十", 10, id="ten"),
    pytest.param("十五", 15, id="ten-five"),
    pytest.param("二十", 20, id="twenty"),
    pytest.param("二十三", 23, id="twenty-three"),
    pytest.param("九十九", 99, id="ninety-nine"),
    # hundreds and thousands, 零 standing for a skipped place
    pytest.param("一百零五", 105, id="one-hundred-five"),
    pytest.param("三百", 300, id="three-hundred"),
    pytest.param("一百二十", 120, id="one-hundred-twenty"),
    pytest.param("两千", 2000, id="liang-thousand"),
    pytest.param("一千零一", 1001, id="one-thousand-one"),
    pytest.param("四千三百二十一", 4321, id="four-digits"),
    # a bare multiplier is one of it
    pytest.param("百", 100, id="bare-hundred"),
    pytest.param("千", 1000, id="bare-thousand"),
    pytest.param("万", 10_000, id="bare-wan"),
    pytest.param("亿", 100_000_000, id="bare-yi"),
    # 万 closes a group of four digits
    pytest.param("五万", 50_000, id="five-wan"),
    pytest.param("三万五千", 35_000, id="wan-and-thousands"),
    pytest.param("五千万", 50_000_000, id="five-thousand-wan"),
    pytest.param("十二万", 120_000, id="twelve-wan"),
    # 亿 also scales what 万 built before it, and what follows adds on
    pytest.param("一亿二千万", 120_000_000, id="yi-and-wan"),
    pytest.param("三亿零五百万", 305_000_000, id="yi-zero-wan"),
    pytest.param("两亿", 200_000_000, id="liang-yi"),
    pytest.param("三万亿", 3 * 10**12, id="wan-yi"),
    # a last digit right after a multiplier counts in the next lower place
    pytest.param("一千二", 1200, id="spoken-thousand-two"),
    pytest.param("两百五", 250, id="spoken-hundred-five"),
    pytest.param("三万五", 35_000, id="spoken-wan-five"),
    pytest.param("一亿二", 120_000_000, id="spoken-yi-two"),
    pytest.param("一千零二", 1002, id="zero-keeps-the-ones-place"),
    pytest.param("三万零五", 30_005, id="zero-after-wan"),
    # digit by digit, as years are written
    pytest.param("二〇二二", 2022, id="year-ling-circle"),
    pytest.param("二零二三", 2023, id="year-ling"),
    pytest.param("一九九八", 1998, id="year-1998"),
    pytest.param("一一〇", 110, id="three-digits-by-digit"),
    # the largest numerals read: just under 10**15
    pytest.param("九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九", 10**15 - 1, id="largest-written-out"),
    pytest.param("一" * 15, int("1" * 15), id="fifteen-digits-by-digit"),
    # zero-width characters (left by web pages) are read through
    pytest.param("三\u200b万", 30_000, id="zero-width-space"),
    pytest.param("二\ufeff十\u2060三", 23, id="bom-and-word-joiner"),
]


@pytest.mark.parametrize("text, expected", CHINESE)
def test_parse_chinese(text, expected):
    value = parse_chinese(text)
    assert isinstance(value, Decimal)
    assert value == expected


NOT_CHINESE = [
    pytest.param("", id="empty"),
    pytest.param("三个", id="measure-word"),
    pytest.param("3", id="arabic"),
    pytest.param("第三", id="ordinal-prefix"),
    # digits in a row outside a digit-by-digit string: a name or an estimate
    pytest.param("十四五", id="plan-name"),
    pytest.param("三十五六", id="estimate"),
    pytest.param("七八十", id="estimate-tens"),
    # two digits side by side are an estimate; 两 is never read digit by digit
    pytest.param("七八", id="two-digit-estimate"),
    pytest.param("三五", id="three-or-five"),
    pytest.param("两三", id="liang-estimate"),
    pytest.param("两〇二二", id="liang-in-a-year"),
    # digits counting up one by one name a list's items (一二三产业), not a number
    pytest.param("一二三", id="list-one-two-three"),
    pytest.param("一二三四", id="list-one-to-four"),
    # past any figure: more digits than 15, a value of 10**15 or more, a run too long
    pytest.param("一" * 16, id="sixteen-digits-by-digit"),
    pytest.param("一千万亿零一", id="ten-to-the-fifteen-and-one"),
    pytest.param("亿亿", id="yi-yi"),
    pytest.param("十" * 33, id="run-too-long"),
]


@pytest.mark.parametrize("text", NOT_CHINESE)
def test_parse_chinese_rejects(text):
    with pytest.raises(ValueError):
        parse_chinese(text)


ARABIC = [
    # integers and decimals
    pytest.param("12", Decimal("12"), id="integer"),
    pytest.param("0.5", Decimal("0.5"), id="decimal"),
    pytest.param("1.77", Decimal("1.77"), id="two-decimals"),
    # thousands separators
    pytest.param("1,200", Decimal("1200"), id="thousands"),
    pytest.param("12,345,678", Decimal("12345678"), id="millions"),
    pytest.param("3,500.5", Decimal("3500.5"), id="thousands-decimal"),
    # full-width digits, point and comma
    pytest.param("１２３", Decimal("123"), id="fullwidth-integer"),
    pytest.param("５.１", Decimal("5.1"), id="fullwidth-digits-ascii-point"),
    pytest.param("８．５", Decimal("8.5"), id="fullwidth-point"),
    pytest.param("２，０００", Decimal("2000"), id="fullwidth-comma"),
    # fifteen integer digits, the most a figure has; decimals do not count
    pytest.param("1" * 15 + ".25", Decimal("1" * 15 + ".25"), id="fifteen-digits"),
    # zero-width characters (left by web pages) are read through
    pytest.param("1\u200b2.\u200c5", Decimal("12.5"), id="zero-width-characters"),
]


@pytest.mark.parametrize("text, expected", ARABIC)
def test_parse_arabic(text, expected):
    assert parse_arabic(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("", id="empty"),
    pytest.param("abc", id="letters"),
    pytest.param("1.2.3", id="two-points"),
    pytest.param("十", id="chinese"),
    # more integer digits than any figure (15): an identifier, a code, garbage
    pytest.param("1" * 16, id="sixteen-digits"),
    pytest.param("1,234,567,890,123,456", id="sixteen-digits-with-separators"),
    pytest.param("1" * 16 + ".5", id="sixteen-digits-and-a-decimal"),
    pytest.param("9" * 5000, id="past-the-int-conversion-limit"),
])
def test_parse_arabic_rejects(text):
    with pytest.raises(ValueError):
        parse_arabic(text)


DIGIT_STRINGS = [
    pytest.param("二〇二二", True, id="year"),
    pytest.param("一九", True, id="two-digits"),
    pytest.param("三", False, id="one-digit"),
    pytest.param("二十", False, id="with-ten"),
    pytest.param("两千", False, id="with-thousand"),
]


@pytest.mark.parametrize("text, expected", DIGIT_STRINGS)
def test_is_digit_string(text, expected):
    assert is_digit_string(text) is expected


AS_NUMBER = [
    pytest.param(Decimal("510000000.0"), 510_000_000, int, id="whole-decimal-is-int"),
    pytest.param(Decimal("1.6") * 10_000, 16_000, int, id="scaled-decimal-is-int"),
    pytest.param(Decimal("1.77"), 1.77, float, id="fraction-is-float"),
]


@pytest.mark.parametrize("value, expected, kind", AS_NUMBER)
def test_as_number(value, expected, kind):
    result = as_number(value)
    assert result == expected
    assert type(result) is kind
