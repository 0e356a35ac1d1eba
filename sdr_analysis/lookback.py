"""Which sentences of a review speak of the past year, and which of the five years of a
plan that ended with it.

A report delivered at the start of a five-year plan (2016, 2021, 2026…) looks back on
both, often in one part (``2025年和“十四五”时期工作回顾``): paragraphs about the five
years (``过去的五年极不寻常``, ``这五年，…``, ``“十四五”时期是…的五年``) stand beside
those about the year (``刚刚过去的2025年…``, ``过去一年，…``). A figure of the first
kind (``城镇新增就业603.7万人`` over five years) is no result of the year.

The rule, read on such reports:

- a paragraph's first sentence says what it looks back on when it names the five years
  or the year; where it names both (``2025年是“十四五”收官之年``), the one it names
  first; a paragraph whose first sentence names neither (a section's heading, a run of
  paragraphs under a lead such as ``五年来主要做了以下工作。``) goes on with the
  paragraph before it; the review starts with the year;
- inside a paragraph, a later sentence that opens by naming the five years
  (``回首“十二五”时期，…``, ``过去的五年极不平凡``) says so for itself and the rest of
  its paragraph (the look back on the plan starts there); one that opens by naming the
  year (``2015年旅游收入达到69亿元，是2010年的2.6倍``) says so for itself alone (the
  plan's last year, amid its five); a year named further in
  (``生产总值从2020年的…增长到2025年的…``) says nothing.

The words are in ``data/targets.toml`` (``five_year_review``, ``five_year_plan_before``,
``five_year_plan_after``, ``past_year``).
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from .chars import FIVE_YEAR_PLAN, alternation
from .document import Document
from .results import Part, Sentence
from .words import words

WORDS = "targets"

#: Words that name the five years of a plan looking back (``这五年``, ``“十四五”时期``).
FIVE_YEARS = re.compile(
    rf"{alternation(words(WORDS, 'five_year_review'))}"
    rf"|(?:{alternation(words(WORDS, 'five_year_plan_before'))})“?{FIVE_YEAR_PLAN}"
    rf"|{FIVE_YEAR_PLAN}”?(?:{alternation(words(WORDS, 'five_year_plan_after'))})"
)
#: Words that name the past year (``过去一年``, ``2025年``; not ``截至2025年``, ``2021年以来``,
#: nor a date, ``2023年6月``).
PAST_YEAR = re.compile(
    rf"{alternation(words(WORDS, 'past_year'))}|(?<![至到从由])(?:19|20)\d\d年(?!以来|至|到|[—\-－～]|\d{{1,2}}月)"
)
#: White space, which a wrapped line puts inside words.
SPACE = re.compile(r"\s+")


def looks_back_on(text: str) -> Optional[str]:
    """``"five_years"`` or ``"year"``: what ``text`` names first, or ``None``."""
    text = SPACE.sub("", text)
    five, year = FIVE_YEARS.search(text), PAST_YEAR.search(text)
    if five and (not year or five.start() < year.start()):
        return "five_years"
    return "year" if year else None


def opens_with(text: str) -> Optional[str]:
    """``"five_years"`` or ``"year"`` where ``text`` opens by naming it, else ``None``."""
    text = SPACE.sub("", text)
    if FIVE_YEARS.match(text):
        return "five_years"
    return "year" if PAST_YEAR.match(text) else None


def review_sentences(doc: Document, part: Part) -> Iterator[tuple[Sentence, str]]:
    """The sentences of a review part, each with what it looks back on: ``"year"`` or
    ``"five_years"`` (see the module's rule)."""
    state = "year"
    text = doc.text
    for paragraph in doc.paragraphs.within(part.start, part.end):
        stop = text.find("。", paragraph.start, paragraph.end)
        lead_end = paragraph.end if stop == -1 else stop + 1
        state = looks_back_on(text[paragraph.start : lead_end]) or state
        here = state
        for sentence in doc.sentences.within(paragraph.start, paragraph.end):
            opens = opens_with(sentence.text) if sentence.start >= lead_end else None
            if opens == "five_years":
                here = opens
            yield sentence, opens or here
