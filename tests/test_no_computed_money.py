"""No page shows an amount of money the report does not state: every amount on every
page (each section's write-up and the overview, in both languages, and the index) is a
money figure the parser found, shown as written or in words to its stated precision,
or words the report itself writes (its sentences are on the page). A sum, average or
difference of the report's figures (the seed's (四): 3084万元 + 4000万元 = 7084万元,
written nowhere in it) fails.

Pages are rendered without a kernel by running the notebooks' own cells
(:mod:`pages_rendered`)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from pages_rendered import pages

from conftest import CORPUS, SEED
from sdr_analysis import load_report, parse_report
from sdr_analysis.messages import t

#: Scales of an amount as the pages write it, Chinese and English.
SCALES = {"": 1, "千": 10**3, "万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7, "亿": 10**8, "万亿": 10**12,
          "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
#: An amount in Chinese (``5200余万元``, ``5.1亿元``, ``7084万元``) or in English
#: (``more than 52 million yuan``, ``16,000 yuan``).
ZH_AMOUNT = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(?:余|多)?(万亿|千万|百万|十万|亿|万|千)?(?:余|多)?元")
EN_AMOUNT = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion)?\s+yuan")


def amounts(text: str) -> list[tuple[str, Decimal, Decimal]]:
    """Each amount ``text`` shows: as shown, its value in yuan, and half a unit of its
    last digit (the rounding a shown amount may carry)."""
    found = []
    for pattern in (ZH_AMOUNT, EN_AMOUNT):
        for m in pattern.finditer(text):
            digits = m.group(1).replace(",", "")
            scale = SCALES[m.group(2) or ""]
            places = len(digits.partition(".")[2])
            found.append((m.group(0), Decimal(digits) * scale, Decimal(5) * scale / Decimal(10) ** (places + 1)))
    return found


def stated(report) -> tuple[list[Decimal], set[Decimal]]:
    """The money values the report states: every parsed figure in yuan (rates per unit
    and ranges' upper ends too) and every target or result in yuan; and the amounts
    written in its text (shown on the page where its sentences are)."""
    values = [Decimal(str(v)) for i in report.indicators if i.unit.startswith("元") for v in (i.value, i.value_max) if v is not None]
    values += [Decimal(str(v)) for x in (*report.targets, *report.results) if str(getattr(x, "unit", "")).startswith("元")
               for v in (x.value, getattr(x, "value_max", None)) if v is not None]
    return values, {value for _, value, _ in amounts(report.text)}


def unstated(report) -> list[tuple[str, str]]:
    """``(where, amount)`` for each amount a page shows that the report does not state."""
    figures, written = stated(report)
    axis = {t(lang, "money_axis") for lang in ("en", "zh")}
    bad = []
    for where, text in pages(report):
        for label in axis:
            text = text.replace(label, "")
        for shown, value, half in amounts(text):
            if value in written or any(abs(value - f) <= half for f in figures):
                continue
            bad.append((where, shown))
    return bad


def test_the_seed_pages_show_only_amounts_it_states():
    report = load_report(SEED)
    assert unstated(report) == []


def test_a_sum_of_figures_is_caught():
    # 3000万元 + 2000万元 = 5000万元 is stated nowhere: a page showing it fails
    report = parse_report("  (一)甲。投入资金3000万元建设学校，投入资金2000万元建设医院。\n")
    figures, written = stated(report)
    (shown, value, half), = amounts("两笔合计5000万元")
    assert value not in written and not any(abs(value - f) <= half for f in figures)
    assert sorted(v for _, v, _ in amounts("52 million yuan、5200余万元、5.1亿元")) == [52_000_000, 52_000_000, 510_000_000]


#: Real reports with money in many parts: a province, a district, a municipality.
CORPUS_REPORTS = ["henan-2026.txt", "hailar-2014.txt", "beijing-2026.txt"]


@pytest.mark.parametrize("name", CORPUS_REPORTS)
def test_corpus_pages_show_only_amounts_the_report_states(name):
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"the real report is absent ({path}); set SDR_CORPUS")
    assert unstated(load_report(path)) == []
