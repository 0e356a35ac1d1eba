"""Attention measures: how much of a report is about the environment, innovation,
people's livelihood…, counted with dictionaries kept as data.

A dictionary is a TOML file (``data/dictionaries/*.toml`` for the packaged ones, any
file of the same form for a user's own) with a ``name`` (the key in tables), ``zh``
and ``en`` (its name on the pages), a ``version``, its ``source`` (the published list
it reproduces, or ``written for this package``) and its ``words``: each of two
characters or more.

Words are counted as whole words. The report's body (page chrome, title and appendix
left out) is cut into words by jieba's dictionary (``rjieba``: jieba's method and
dictionary, compiled, about nine times as fast as the pure-Python jieba), with every
dictionary word added to it so that it stays whole and with the HMM for unknown words
off; a word of the text counts when it equals a dictionary word. ``河`` is in no dictionary, and ``河南``
is cut as one word, so a province's name is no environment word. The segmenter is a
private instance (the global one, and other programs' additions to it, play no part)
and words are added to it in sorted order, so the counts are the same on every
machine and in every run.
"""

from __future__ import annotations

import os
import re
import tomllib
import weakref
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .chars import HAN_CHAR
from .exceptions import ReportReadError
from .spans import SpanIndex

if TYPE_CHECKING:
    from .report import Report

#: The scopes of :func:`attention_rows`: the whole body, and its parts about the past
#: year (``review``) and the coming one (``plan``).
SCOPES = ("whole", "review", "plan")

#: The columns of :func:`attention_rows`, in order.
COLUMNS = ("dictionary", "version", "scope", "words_matched", "words", "share_words",
           "characters", "share_characters", "sentences_with", "sentences")

FIELDS = ("name", "zh", "en", "version", "source")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Dictionary:
    """One dictionary: ``name`` (a key: lower-case letters, digits, ``_``), its names
    in ``zh`` and ``en``, ``version``, ``source`` and ``words`` (sorted, each of two
    characters or more); ``path`` is the file it was read from."""

    name: str
    zh: str
    en: str
    version: str
    source: str
    words: tuple[str, ...]
    path: str = ""

    def label(self, lang: str) -> str:
        """Its name in ``lang`` (``zh`` or ``en``)."""
        return self.zh if lang == "zh" else self.en


def _refuse(path: str, reason: str) -> ReportReadError:
    return ReportReadError(path, f"not a dictionary file: {reason}")


def parse_dictionary(text: str, path: str) -> Dictionary:
    """The dictionary a TOML text holds; :class:`ReportReadError` (one line) if it is
    not one."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise _refuse(path, f"invalid TOML ({' '.join(str(e).split())})") from None
    missing = [k for k in (*FIELDS, "words") if k not in data]
    if missing:
        raise _refuse(path, f"missing {', '.join(missing)} (it needs {', '.join(FIELDS)} and words)")
    for key in FIELDS:
        if not isinstance(data[key], str) or not data[key].strip():
            raise _refuse(path, f"{key} must be a non-empty string")
    if not NAME.match(data["name"]):
        raise _refuse(path, f"name {data['name']!r} must be lower-case letters, digits and _, starting with a letter")
    words = data["words"]
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise _refuse(path, "words must be a non-empty list of strings")
    for w in words:
        if len(w) < 2 or SPACE.search(w):
            raise _refuse(path, f"word {w!r} must have two characters or more and no spaces")
    return Dictionary(data["name"], data["zh"].strip(), data["en"].strip(), data["version"].strip(),
                      data["source"].strip(), tuple(sorted(set(words))), path)


def read_dictionary(path: str | os.PathLike[str]) -> Dictionary:
    """The dictionary of one TOML file."""
    return read_dictionary_file(path)[0]


def read_dictionary_file(path: str | os.PathLike[str]) -> tuple[Dictionary, bytes]:
    """The dictionary of one TOML file, and the file's bytes (read once)."""
    shown = os.fspath(path)
    try:
        with open(shown, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ReportReadError(shown, f"cannot read the dictionary file ({e.strerror or e})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse(shown, "not UTF-8 text") from None
    return parse_dictionary(text, shown), raw


@lru_cache(maxsize=1)
def _packaged() -> tuple[Dictionary, ...]:
    folder = resources.files("sdr_analysis").joinpath("data/dictionaries")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    return tuple(parse_dictionary(f.read_text(encoding="utf-8"), f"data/dictionaries/{f.name}") for f in files)


def load_dictionaries(extra: Sequence[str | os.PathLike[str]] = ()) -> list[Dictionary]:
    """The packaged dictionaries (by file name), then those of the files ``extra``
    names, in that order. A file that is not a dictionary, or one whose name another
    already has, raises :class:`ReportReadError` saying what is wrong."""
    if isinstance(extra, (str, os.PathLike)):
        extra = [extra]
    return with_packaged([read_dictionary(path) for path in extra])


def with_packaged(extra: Sequence[Dictionary]) -> list[Dictionary]:
    """The packaged dictionaries, then ``extra`` (already read); one whose name another
    already has raises :class:`ReportReadError`."""
    out = list(_packaged())
    for d in extra:
        if any(d.name == o.name for o in out):
            raise _refuse(d.path, f"name {d.name!r} is already a dictionary's; give it another name")
        out.append(d)
    return out


# segmentation


def segmenter() -> Any:
    """A new segmenter on jieba's dictionary (``rjieba.Jieba``), none of whose words
    anything else has added to."""
    import rjieba

    return rjieba.Jieba()


@lru_cache(maxsize=4)
def _tokenizer(words: tuple[str, ...]) -> Any:
    """A private segmenter on jieba's own dictionary with ``words`` added (sorted), so
    each stays whole."""
    tok = segmenter()
    for w in words:
        tok.add_word(w, None, None)
    return tok


def tokenizer(dictionaries: Iterable[Dictionary]) -> Any:
    """The segmenter for these dictionaries: made once for the same words."""
    return _tokenizer(tuple(sorted({w for d in dictionaries for w in d.words})))


#: Each report's body cut into words by each segmenter: ``(start, word)`` of every
#: token (in report offsets) that holds a letter, digit or Chinese character.
_CUTS: "weakref.WeakKeyDictionary[Report, dict[int, tuple[Any, SpanIndex[tuple[int, str]]]]]" = weakref.WeakKeyDictionary()


def body_text(report: "Report") -> str:
    """The body of the report as in its text, with the lines of page furniture inside
    it blanked (same length, so offsets hold): no chrome, title or appendix."""
    start, end = report.body
    pieces, at = [], start
    for a, b in report.furniture:
        a, b = max(a, at), min(b, end)
        if a < b:
            pieces += [report.text[at:a], "\n" * (b - a)]
            at = b
    pieces.append(report.text[at:end])
    return "".join(pieces)


def _cut(report: "Report", tok: Any) -> SpanIndex[tuple[int, str]]:
    cuts = _CUTS.setdefault(report, {})
    if id(tok) not in cuts:
        start = report.body[0]
        found = [(start + a, start + b, w) for w, a, b in tok.tokenize(body_text(report), "default", False) if any(c.isalnum() for c in w)]
        # the segmenter is held with its cut, so its id names no other while the cut lives
        cuts[id(tok)] = (tok, SpanIndex([(a, w) for a, _, w in found], [a for a, _, _ in found], [b for _, b, _ in found]))
    return cuts[id(tok)][1]


def scope_ranges(report: "Report", scope: str) -> list[tuple[int, int]]:
    """Where a scope of :data:`SCOPES` lies in the report: the body, or the parts of
    that period (none, if the report has no such part)."""
    if scope == "whole":
        return [report.body]
    start, end = report.body
    return [(max(p.start, start), min(p.end, end)) for p in report.parts if p.period == scope and p.start < end]


def measure(report: "Report", ranges: Sequence[tuple[int, int]], dictionaries: Sequence[Dictionary]) -> list[dict]:
    """For each dictionary, its counts over the stretches ``ranges`` of the report's
    body: the columns of :func:`attention_rows` but ``scope``."""
    cut = _cut(report, tokenizer(dictionaries))
    body_start = report.body[0]
    text = body_text(report)
    tokens: list[tuple[int, str]] = []
    sentences: list[Any] = []
    characters = 0
    for a, b in ranges:
        tokens += cut.within(a, b)
        sentences += report.within("sentences", a, b)
        characters += len(HAN_CHAR.findall(text, max(a - body_start, 0), max(b - body_start, 0)))
    held_by = SpanIndex.of(sentences)
    rows = []
    for d in dictionaries:
        wanted = frozenset(d.words)
        hits = [(a, w) for a, w in tokens if w in wanted]
        held = {held_by.index_at(a) for a, _ in hits} - {None}
        matched_chars = sum(len(HAN_CHAR.findall(w)) for _, w in hits)
        rows.append({
            "dictionary": d.name,
            "version": d.version,
            "words_matched": len(hits),
            "words": len(tokens),
            "share_words": len(hits) / len(tokens) if tokens else None,
            "characters": characters,
            "share_characters": matched_chars / characters if characters else None,
            "sentences_with": len(held),
            "sentences": len(sentences),
        })
    return rows


def attention_rows(report: "Report", dictionaries: Sequence[Dictionary]) -> list[dict]:
    """One row per dictionary and scope (``whole``, ``review``, ``plan``: the parts of
    that period) with the columns of :data:`COLUMNS`:

    - ``words_matched``: the scope's words that are one of the dictionary's words;
    - ``words``: the scope's words (tokens of the segmenter holding a letter, digit or
      Chinese character: punctuation and spaces are no words);
    - ``share_words``: ``words_matched / words``;
    - ``characters``: the scope's Chinese characters; ``share_characters``: the
      Chinese characters of the matched words over them;
    - ``sentences_with``: the scope's sentences holding at least one matched word, of
      ``sentences``.

    A share is ``None`` where the scope is empty (a report without a plan part). The
    body only: page chrome, title and appendix are left out."""
    dictionaries = list(dictionaries)
    out = []
    for scope in SCOPES:
        for row in measure(report, scope_ranges(report, scope), dictionaries):
            out.append({k: (scope if k == "scope" else row[k]) for k in COLUMNS})
    return out


def shares(report: "Report", start: int, end: int, dictionaries: Sequence[Dictionary]) -> dict[str, float]:
    """Each dictionary's share of the words of ``report.text[start:end]``, in percent
    (0 where the stretch has no words): what the pages show."""
    return {r["dictionary"]: 100 * (r["share_words"] or 0.0) for r in measure(report, [(start, end)], dictionaries)}
