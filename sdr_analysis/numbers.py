"""Numbers as Chinese reports write them: Arabic digits (half- or full-width, with
decimal points and thousands separators), Chinese numerals and the scales 万/亿.

Values are :class:`decimal.Decimal` so that ``5.1亿`` is exactly 510000000.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .chars import CN_ONE_TO_TEN, ZERO_WIDTH
from .exceptions import NumeralError

#: Full-width digits and decimal point to their ASCII forms (one character each, so a
#: translated string keeps its length and offsets).
FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

#: Chinese digits and their values.
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

#: Multipliers inside a group of four digits.
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}

#: Multipliers that close a group; 亿 also scales what 万 already built (一亿二千万).
CN_LARGE_UNITS = {"万": 10**4, "亿": 10**8}

#: Scales written after a number (``1.6万``, ``5.1亿``, ``3万亿``).
SCALES = {"万亿": Decimal(10**12), "亿": Decimal(10**8), "千万": Decimal(10**7), "百万": Decimal(10**6), "万": Decimal(10**4)}

CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_LARGE_UNITS)

#: A number is read through characters of no width (:data:`~sdr_analysis.chars.ZERO_WIDTH`),
#: as through a PDF dump's spaces; its surface text keeps them.
DROP_ZERO_WIDTH = str.maketrans("", "", ZERO_WIDTH)


#: The most integer digits a figure has, and the largest value a numeral may have.
#: Reports state at most trillions of yuan (万亿, 13 digits written out); a longer run
#: of digits is a code, an identifier or garbage, not an amount, and its value would
#: overflow a float further on.
MAX_INTEGER_DIGITS = 15
MAX_VALUE = Decimal(10) ** MAX_INTEGER_DIGITS

#: The longest Chinese numeral read. The largest below :data:`MAX_VALUE`, written out
#: in full (九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九), has 29
#: characters; a few 零 may add to that, but a longer run is not one number.
MAX_CHINESE_LENGTH = 32


def parse_arabic(text: str) -> Decimal:
    """``"1,200"``, ``"５.１"``, ``"1.77"`` → Decimal. More than
    :data:`MAX_INTEGER_DIGITS` integer digits raise :class:`~sdr_analysis.exceptions.NumeralError` (a ``ValueError``)."""
    cleaned = text.translate(FULLWIDTH).translate(DROP_ZERO_WIDTH).replace(",", "").replace(" ", "")
    if len(cleaned.partition(".")[0]) > MAX_INTEGER_DIGITS:
        raise NumeralError(text, "more digits than any figure")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise NumeralError(text, "not an Arabic number") from None


#: Digits never written one by one: ``两三个`` is "two or three", not 23.
NOT_DIGIT_BY_DIGIT = "两"

def counts_up(text: str) -> bool:
    """Whether a digit-by-digit string counts up by one from digit to digit (``一二三``):
    such digits (``一二三产业``, ``一二三次产业``) name the items of a list, not one
    number read digit by digit."""
    values = [CN_DIGITS[ch] for ch in text]
    return all(b == a + 1 for a, b in zip(values, values[1:]))


#: Two digits side by side are an estimate (``七八个`` seven or eight, ``三五年`` three to
#: five years), not a number read digit by digit; years have four.
ESTIMATE_DIGITS = 2


def parse_chinese(text: str) -> Decimal:
    """Value of a Chinese numeral: ``十`` → 10, ``二十三`` → 23, ``一百零五`` → 105,
    ``五千万`` → 50000000, ``千`` → 1000, ``二〇二二`` → 2022 (digit by digit).

    A last digit right after a multiplier counts in the next lower place, as people say
    it: ``一千二`` → 1200, ``三万五`` → 35000 (but ``一千零二`` → 1002). Digits one after
    another outside a digit-by-digit string are not one number (``十四五``, ``三十五六``)
    and raise :class:`~sdr_analysis.exceptions.NumeralError` (a ``ValueError``), as do two digits side by side (``七八``, an estimate),
    两 read digit by digit (``两三``), digits that count up (``一二三``, a list's items)
    and numerals past :data:`MAX_VALUE`."""
    text = text.translate(DROP_ZERO_WIDTH)
    if len(text) > MAX_CHINESE_LENGTH:
        raise NumeralError(text, "longer than any numeral")
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        raise NumeralError(text, "not a Chinese numeral")
    if is_digit_string(text):
        if NOT_DIGIT_BY_DIGIT in text or len(text) == ESTIMATE_DIGITS or len(text) > MAX_INTEGER_DIGITS or counts_up(text):
            raise NumeralError(text, "not one number")
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in text))
    total = 0  # completed 亿/万 groups
    group = 0  # the current group below 万
    digit = 0  # the digit waiting for its multiplier
    seen = False
    zero = False  # a 零 stands between the last multiplier and the digit
    place = 0  # the last multiplier applied
    for ch in text:
        if ch in CN_DIGITS:
            if seen and digit:
                raise NumeralError(text, "not one number")
            digit = CN_DIGITS[ch]
            zero = zero or digit == 0
            seen = True
        elif ch in CN_SMALL_UNITS:
            group += (digit if seen and digit else 1) * CN_SMALL_UNITS[ch]
            digit, seen, zero, place = 0, False, False, CN_SMALL_UNITS[ch]
        else:
            scale = CN_LARGE_UNITS[ch]
            group += digit
            if total == 0 and group == 0:
                group = 1  # a bare 万 or 亿 means one of it
            if scale == 10**8:
                total = (total + group) * scale
            else:
                total += group * scale
            group, digit, seen, zero, place = 0, 0, False, False, scale
    last = digit * (place // 10) if place and not zero else digit
    value = Decimal(total + group + last)
    if value > MAX_VALUE:  # 亿亿亿…: each 亿 multiplies what came before
        raise NumeralError(text, "larger than any figure")
    return value


def is_digit_string(text: str) -> bool:
    """True for Chinese numerals written digit by digit (``二〇二二``), as years are."""
    return len(text) > 1 and all(ch in CN_DIGITS for ch in text)


def as_number(value: Decimal | int) -> int | float:
    """An ``int`` when the value is whole, else a ``float``."""
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


#: Chinese numerals by value, zero to ten, for writing numbers out.
CN_BY_VALUE = "零" + CN_ONE_TO_TEN


def chinese_ordinal(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (up to 99): a number as Chinese headings write it."""
    if n < 11:
        return CN_BY_VALUE[n]
    tens, ones = divmod(n, 10)
    return (CN_BY_VALUE[tens] if tens > 1 else "") + "十" + (CN_BY_VALUE[ones] if ones else "")
