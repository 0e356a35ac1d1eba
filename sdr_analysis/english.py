"""English for the en pages: places by their English names, and the labels that name a
measure or a common policy word in English.

Provinces are named from a table (``河南省`` → ``Henan``, ``内蒙古自治区`` → ``Inner
Mongolia``); other places are written in pinyin by the ``pypinyin`` package with their
level word in English (``大连市`` → ``Dalian``, ``沙河口区`` → ``Shahekou District``), save
the names it reads wrongly or that English takes from another language, which a table
of readings names. The tables are ``data/english.toml``; the measures' English names are
the table of measures' own (``data/measures.toml``). A label that names neither keeps its
Chinese: the figure beside it is in English.
"""

from __future__ import annotations

from functools import cache
from typing import Optional

from .labels import subject_of
from .messages import t
from .places import AUTONOMOUS_ENDINGS, short_name
from .words import table

WORDS = "english"
#: Vowels that open a pinyin syllable with no initial: after another syllable they are
#: set off by an apostrophe (``Xi'an``, ``Lu'an``).
BARE_VOWELS = ("a", "o", "e")


@cache
def _levels() -> list[tuple[str, str]]:
    """The level words, longest first (``自治县`` before ``县``, ``新区`` before ``区``)."""
    return sorted(table(WORDS)["levels"].items(), key=lambda kv: -len(kv[0]))


def pinyin_name(name: str) -> str:
    """A name in pinyin as English writes places: one word, capitalised, without tones,
    an apostrophe before a syllable that opens with a vowel (``六安`` → ``Lu'an``);
    a character read as place names read it (``成都`` → ``Chengdu``, not ``Chengdou``),
    and the readings table where the name reads otherwise still (``乐亭`` → ``Laoting``)."""
    from pypinyin import lazy_pinyin

    reading = table(WORDS)["readings"].get(name)
    if reading:
        return reading
    characters = table(WORDS)["characters"]
    syllables = lazy_pinyin(name, v_to_u=True)
    if len(syllables) == len(name):  # one syllable a character: a place name's readings apply
        syllables = [characters.get(c, s) for c, s in zip(name, syllables)]
    word = ""
    for syllable in syllables:
        if word and syllable.startswith(BARE_VOWELS) and word[-1].isalpha():
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


def place_name(name: str) -> str:
    """One division's English name: a province from the table of provinces, another
    place in pinyin with its level word in English (``沙河口区`` → ``Shahekou District``,
    ``鄂伦春自治旗`` → ``Oroqen Autonomous Banner``, ``大连市`` → ``Dalian``)."""
    provinces = table(WORDS)["provinces"]
    if name in provinces:
        return provinces[name]
    short = short_name(name)  # an autonomous unit without its peoples: 恩施州
    for ending, english in _levels():
        stem = name.removesuffix(ending)
        if stem != name and stem:
            if short != name:
                stem = short[: -len(AUTONOMOUS_ENDINGS[ending])]
            return f"{pinyin_name(stem)} {english}".strip()
    return pinyin_name(name)


def national_name() -> str:
    """The place of the national report in English (``China``)."""
    return table(WORDS)["national"]


def place_in_english(meta) -> str:
    """A report's place in English, innermost first (``Shahekou District, Dalian,
    Liaoning``); empty where the report names none."""
    names = [meta.street, meta.county, meta.district, meta.city, meta.province]
    return ", ".join(place_name(n) for n in names if n)


@cache
def _words() -> dict[str, str]:
    """Every Chinese word that has an English name: the measures' words and names, then
    the policy words of ``data/english.toml``."""
    from .targets import measures

    found: dict[str, str] = {}
    for m in measures().values():
        for word in (m.zh, *m.words):
            found.setdefault(word, m.en)
    for word, english in table(WORDS)["words"].items():
        found.setdefault(word, english)
    return found


def english_label(label: Optional[str]) -> Optional[str]:
    """The English name of what a label measures, where it names a measure or a policy
    word whole, with the change its verb states (``地区生产总值增长`` → ``GDP growth``,
    ``实现新增就业`` → ``new jobs``); else ``None``."""
    if not label:
        return None
    known = _words()
    subject = subject_of(label)
    change = table(WORDS)["verbs"].get(label[len(subject):], "{name}")
    for words, form in ((label, "{name}"), (subject, change)):
        for lead in ("", *table(WORDS)["lead_words"]):
            if words.startswith(lead) and words[len(lead):] in known:
                return form.format(name=known[words[len(lead):]])
    return None


def label_words(label: Optional[str], lang: str) -> str:
    """A label as an en page shows it: its English name where it has one, else the
    Chinese as written (``—`` for none); the Chinese on a zh page."""
    if label and not t(lang, "figures_as_written"):
        return english_label(label) or label
    return label or "—"


def report_place(report, lang: str, chinese: bool = True) -> str:
    """The reporting place as a page in ``lang`` names it, not escaped: in Chinese
    (``辽宁省大连市沙河口区``), or on an en page in English with the Chinese beside it
    (``Shahekou District, Dalian, Liaoning (辽宁省大连市沙河口区)``, ``China (全国)``;
    without where ``chinese`` is false). A place the report does not name is as :func:`series.place_of` has it."""
    from .series import place_of

    zh = place_of(report)
    meta = report.metadata
    english = (national_name() if meta.level == "national" else place_in_english(meta)) if t(lang, "english_names") else ""
    if not english:
        return zh
    return t(lang, "place_beside").format(english=english, chinese=zh) if chinese else english


def short_place_name(name: str, lang: str) -> str:
    """A place's short name (as a chart labels it) in a page's language: in English on
    an en page (``海拉尔区`` → ``Hailar District``, ``新疆`` → ``Xinjiang``)."""
    if not t(lang, "english_names") or not name:
        return name
    provinces = table(WORDS)["provinces"]
    whole = next((p for p in provinces if p.startswith(name) and len(name) > 1), None)
    return provinces[whole] if whole else place_name(name)
