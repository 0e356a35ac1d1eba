"""Numbers as Chinese reports write them: Arabic digits (half- or full-width, with
decimal points and thousands separators), Chinese numerals and the scales 万/亿.

Values are :class:`decimal.Decimal` so that ``5.1亿`` is exactly 510000000.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

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


def parse_arabic(text: str) -> Decimal:
    """``"1,200"``, ``"５.１"``, ``"1.77"`` → Decimal."""
    cleaned = text.translate(FULLWIDTH).replace(",", "").replace(" ", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"not an Arabic number: {text!r}") from None


def parse_chinese(text: str) -> Decimal:
    """Value of a Chinese numeral: ``十`` → 10, ``二十三`` → 23, ``一百零五`` → 105,
    ``五千万`` → 50000000, ``千`` → 1000, ``二〇二二`` → 2022 (digit by digit)."""
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if len(text) > 1 and all(ch in CN_DIGITS for ch in text):
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in text))
    total = 0  # completed 亿/万 groups
    group = 0  # the current group below 万
    digit = 0  # the digit waiting for its multiplier
    seen = False
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
            seen = True
        elif ch in CN_SMALL_UNITS:
            group += (digit if seen and digit else 1) * CN_SMALL_UNITS[ch]
            digit, seen = 0, False
        else:
            scale = CN_LARGE_UNITS[ch]
            group += digit
            if total == 0 and group == 0:
                group = 1  # a bare 万 or 亿 means one of it
            if scale == 10**8:
                total = (total + group) * scale
            else:
                total += group * scale
            group, digit, seen = 0, 0, False
    return Decimal(total + group + digit)


def is_digit_string(text: str) -> bool:
    """True for Chinese numerals written digit by digit (``二〇二二``), as years are."""
    return len(text) > 1 and all(ch in CN_DIGITS for ch in text)


def as_number(value: Decimal) -> int | float:
    """An ``int`` when the value is whole, else a ``float``."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
