"""The word lists of figures, from ``data/figures.toml``, where each is described: the
qualifiers around a number, the words that make it something other than an amount
(a date, a rank, a time window, a name, a size class, a code), and the words labels are
read by. Each constant is a table of surface strings with the reading it stands for;
lists matched as an alternation are matched longest first (see
:func:`sdr_analysis.chars.alternation`).
"""

from __future__ import annotations

from .chars import DIGITS, LATIN
from .words import table

_FIGURES = table("figures")
_WORDS = _FIGURES["words"]

#: Qualifiers written before a figure, between its number and unit, and after its unit,
#: with what they mean (exact, more_than, nearly, about, less_than).
QUALIFIERS_BEFORE: dict[str, str] = _FIGURES["qualifiers_before"]
QUALIFIERS_INSIDE: dict[str, str] = _FIGURES["qualifiers_inside"]
QUALIFIERS_AFTER: dict[str, str] = _FIGURES["qualifiers_after"]
NOT_QUALIFIER_WORDS: tuple[str, ...] = tuple(_WORDS["not_qualifier"])

REJECT_BEFORE: tuple[str, ...] = tuple(_WORDS["reject_before"])
REJECT_BEFORE_CHINESE: tuple[str, ...] = tuple(_WORDS["reject_before_chinese"])
ALLOW_BEFORE: tuple[str, ...] = tuple(_WORDS["allow_before"])
TIME_WINDOW_BEFORE: tuple[str, ...] = tuple(_WORDS["time_window_before"])
YEAR_SPAN_VERBS: tuple[str, ...] = tuple(_WORDS["year_span_verbs"])
TIME_WINDOW_AFTER: tuple[str, ...] = tuple(_WORDS["time_window_after"])
DURATION_ATTRIBUTE_AFTER: tuple[str, ...] = tuple(_WORDS["duration_attribute_after"])
REJECT_AFTER: tuple[str, ...] = tuple(_WORDS["reject_after"])
UNIT_BEGINS_WORD: dict[str, tuple[str, ...]] = {unit: tuple(after) for unit, after in _FIGURES["unit_begins_word"].items()}
SESSION_AFTER: tuple[str, ...] = tuple(_WORDS["session_after"])
SESSION_BEFORE: tuple[str, ...] = tuple(_WORDS["session_before"])
NAMES_WITH_NUMERALS: tuple[tuple[str, str], ...] = tuple((n["before"], n["rest"]) for n in _FIGURES["names_with_numerals"])
PHASE_AFTER: tuple[str, ...] = tuple(_WORDS["phase_after"])
SIZE_CLASS_NOUNS: tuple[str, ...] = tuple(_WORDS["size_class_nouns"])
SIZE_CLASS_UNITS: tuple[str, ...] = tuple(_WORDS["size_class_units"])
SIZE_CLASS_BEFORE: tuple[str, ...] = tuple(_WORDS["size_class_before"])
CAPACITY_UNITS: tuple[str, ...] = tuple(_WORDS["capacity_units"])
CAPACITY_NAME_ENDS: tuple[str, ...] = tuple(_WORDS["capacity_name_ends"])

#: Characters whose presence right before a number makes it part of a code: Latin
#: letters, digits and the table's code characters.
CODE_CHARS = set(LATIN + DIGITS + _WORDS["code_characters"])

EACH: str = _WORDS["each"]
EACH_DETERMINER_NEXT = set(_WORDS["each_determiner_next"])
RESPECTIVELY: str = _WORDS["respectively"]
MEASURE_VERBS: tuple[str, ...] = tuple(_WORDS["measure_verbs"])
LABEL_OPENERS: tuple[str, ...] = tuple(_WORDS["label_openers"])
LABEL_DANGLING: str = _WORDS["label_dangling"]
