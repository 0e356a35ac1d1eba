"""Numbers, money, units, qualifiers and lists in words, in English (``en``) or Chinese
(``zh``), from the catalog's words (:func:`~sdr_analysis.messages.t`): the one place
the pages, their narrative, their charts and the index write a number.

Where two functions write a number, they write it differently on purpose, and their
names say how: :func:`amount_en` says millions in words (prose), :func:`plain_number`
writes digits only (beside a unit already scaled), :func:`axis_number` writes a chart's
ticks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence

from .messages import t

if TYPE_CHECKING:
    from .results import Indicator


# numbers


def amount_en(value: float) -> str:
    """510000000 → '510 million', 2e12 → '2 trillion', 16000 → '16,000', 1.77 → '1.77'."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            scaled = value / size
            if round(scaled, 4) != scaled:
                if size == 1e12:
                    continue  # 1.23456 trillion is 1,234.56 billion
                break  # no short form without rounding: write it out
            return f"{scaled:,.4f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def plain_number(x: float) -> str:
    """A number in digits, never in words: ``5.0`` → ``5``, ``5.25`` → ``5.25``,
    ``16000`` → ``16,000``, ``2500000`` → ``2,500,000``; at most four decimals."""
    return amount_en(round(float(x), 4)) if abs(x) < 1e6 else f"{x:,.0f}"


def axis_number(value: float) -> str:
    """A chart's number as a reader writes it: ``1,250,000``, ``0.5``; never ``1e6``."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1 else f"{value:.3g}"


def percent(x: float) -> str:
    """A share of 100 as the narrative writes it before its ``%``: ``12``, ``4.5``;
    ``""`` for one too small to show (never ``0.0%``)."""
    if x < 0.05:
        return ""
    return f"{x:.0f}" if x >= 10 or x == round(x) else f"{x:.1f}"


def _digits(x: float, significant: int) -> str:
    """``x`` to ``significant`` digits, never in exponent form (``1.2e+04``)."""
    short = f"{x:.{significant}g}"
    return f"{x:.0f}" if "e" in short else short


def present(value: Any) -> bool:
    """Whether there is a value to write: not ``None``, not NaN (an empty cell of a frame)."""
    return value is not None and value == value


# units


def unit_words(unit: str, lang: str) -> str:
    """A base unit in ``lang``: ``yuan``, ``days``; a counting unit the catalog cannot
    translate in brackets (``(所)``), never bare beside an English number."""
    names = t(lang, "units")
    if unit in names:
        return names[unit]
    base, slash, per = unit.partition("/")
    if slash and base and per:  # a rate: ``元/人`` is yuan per person
        return t(lang, "per_unit").format(unit=unit_words(base, lang), per=unit_words(per, lang))
    return t(lang, "unit_in_words").format(unit=unit)


def number_with_unit(number: str, unit: str, lang: str) -> str:
    words = unit_words(unit, lang)
    return f"{number}{'' if words == '%' or not t(lang, 'space_before_unit') else ' '}{words}"


def scale_for(unit: str, values: Sequence[float], lang: str) -> tuple[float, str]:
    """The factor and the unit's words to show ``values`` of ``unit`` in: money in
    billions (亿元 in Chinese), people in thousands (万人)…; ``%`` and the rest as they are."""
    scales = t(lang, "compare.unit_scales").get(unit)
    if scales:
        top = max((abs(v) for v in values), default=0)
        for factor, words in scales:
            if top >= factor:
                return factor, words
        factor, words = scales[-1]
        return factor, words
    return 1.0, {**t(lang, "units"), **t(lang, "compare.unit_names")}.get(unit, unit)


def _join_unit(number_text: str, unit: str) -> str:
    return f"{number_text}{unit}" if unit in ("%", "‰") or not unit.isascii() else f"{number_text} {unit}"


# figures, targets and results, with their qualifiers


def figure_words(ind: "Indicator", lang: str) -> str:
    """A figure for the narrative, with its qualifier: ``more than 52 million yuan``
    (en) or the figure as written (zh: ``5200余万元``)."""
    if t(lang, "figures_as_written"):
        return ind.text
    qual, _ = t(lang, "money_affixes").get(ind.qualifier, ("", ""))  # the words before it: ``more than``
    number = amount_en(ind.value)
    if ind.value_max is not None:
        number = f"{number}–{amount_en(ind.value_max)}"
    return f"{qual}{number_with_unit(number, ind.unit, lang)}{t(lang, 'each_word') if ind.each else ''}"


def value_words(value, value_max, unit: str, qualifier: str, lang: str) -> str:
    """A target or result in the page's words, with its qualifier: ``about 6%``,
    ``at least 28.2 billion yuan`` (en), ``6%左右``, ``282亿元以上`` (zh)."""
    if not present(value):
        return "—"
    factor, words = scale_for(unit, [value] + ([value_max] if present(value_max) else []), lang)
    v = plain_number(value / factor)
    if qualifier == "range" and present(value_max):
        return _join_unit(t(lang, "compare.range").format(v=v, w=plain_number(value_max / factor)), words)
    return t(lang, "compare.qualified").get(qualifier, "{v}").format(v=_join_unit(v, words))


# money


def money_words(yuan: Optional[float], lang: str, qualifier: Optional[str] = "exact") -> str:
    """An amount of money in words with its qualifier: ``5687余万元`` (zh), ``more than
    56.87 million yuan`` (en); "none stated" (``未提及``) for ``None``, never 0 yuan."""
    if not yuan:
        return t(lang, "money_none")
    before, after = t(lang, "money_affixes").get(qualifier, ("", ""))
    scales = t(lang, "money_scales")
    if not scales:
        return f"{before}{amount_en(yuan)}{t(lang, 'money_unit')}"
    for size, scale in scales:
        if yuan >= size:
            return f"{before}{_digits(yuan / size, 4)}{after}{scale}"
    size, scale = scales[-1]
    return f"{before}{_digits(yuan / size, 6)}{after}{scale}"


# lists


def join_words(items: list[str], lang: str) -> str:
    """``a, b and c`` (en), ``a、b和c`` (zh)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return t(lang, "join").join(items[:-1]) + t(lang, "and_last") + items[-1]
