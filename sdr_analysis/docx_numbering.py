"""Word's automatic numbering: the markers (``一、``, ``（一）``, ``1.``) that a reader of
a Word file sees before its numbered paragraphs and that the paragraphs' text does not
hold. A report whose headings Word numbers would lose its parts and sections without
them.

A paragraph is numbered by a ``w:numPr`` (a numbering ``numId`` and a level ``ilvl``),
its own or its paragraph style's (or that of the style it is based on); ``numId`` 0
takes the numbering off. The number is counted as Word counts it, in document order:
each level has its counter, starting at the level's ``w:start`` and going up by one at
each paragraph of that level; a paragraph of a shallower level restarts the deeper
ones (``w:lvlRestart`` may say otherwise). The ``w:num`` instances of one
``w:abstractNum`` count on one list; an instance with a ``w:lvlOverride`` is a list of
its own, whose overridden level starts at its ``w:startOverride``. The marker is the
level's ``w:lvlText`` with each ``%n`` replaced by level n's counter written in that
level's ``w:numFmt`` (``chineseCounting`` 一…十、十一…二十一, ``decimal``,
``decimalEnclosedParen`` ⑴…). A bullet level gives no marker.

``numbering.xml`` is untrusted: a part missing, a number out of range, a level past the
ninth, a ``%n`` naming a level not there, an over-long text — the paragraph gets no
marker. Every paragraph costs a few dictionary lookups: no loop runs on a number the
file gives.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from .numbers import CN_BY_VALUE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

#: Word's levels: ilvl 0 to 8.
LEVELS = 9
#: Counters, starts and overrides past this are not Word's (it stops at 32767).
MAX_NUMBER = 2**31 - 1
#: A level's text, and a marker made from it, longer than this is no marker.
MAX_MARKER_CHARS = 40
#: A style based on another is followed this many steps at most.
MAX_STYLE_DEPTH = 16
PLACEHOLDER = re.compile(r"%(\d)")
INTEGER = re.compile(r"\s*-?\d{1,12}\s*")

#: Chinese digits, zero to nine, as the counting formats write them; the financial
#: (大写) digits of ``chineseLegalSimplified``; the heavenly stems and earthly branches.
CN_COUNTING_DIGITS = "〇" + CN_BY_VALUE[1:10]
CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
CN_COUNTING_UNITS = ("", "十", "百", "千")
CN_LEGAL_UNITS = ("", "拾", "佰", "仟")
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
CN_DIGIT_BY_DIGIT = str.maketrans("0123456789", CN_COUNTING_DIGITS)


class Level(NamedTuple):
    """One level of a numbering definition, as far as its marker goes."""

    start: int
    fmt: str
    text: Optional[str]  # None: no marker
    restart: Optional[int]  # w:lvlRestart: restarted by levels shallower than this (1-based); 0: never
    legal: bool  # w:isLgl: the shallower levels' numbers in decimal
    suffix: str  # w:suff: tab, space or nothing
    style: Optional[str]  # w:pStyle: the paragraph style this level is for


def _val(element, name: str) -> Optional[str]:
    child = element.find(W + name)
    return None if child is None else child.get(W + "val")


def _int(value: Optional[str], low: int = 0, high: int = MAX_NUMBER) -> Optional[int]:
    if value is None or not INTEGER.fullmatch(value):
        return None
    n = int(value)
    return n if low <= n <= high else None


def _level(lvl) -> Optional[tuple[int, Level]]:
    ilvl = _int(lvl.get(W + "ilvl"), 0, LEVELS - 1)
    if ilvl is None:
        return None
    fmt = _val(lvl, "numFmt")
    if fmt is None:  # a format of Word 2010 on, with the older one to fall back on
        fallback = lvl.find(f"{MC}AlternateContent/{MC}Fallback/{W}numFmt")
        fmt = None if fallback is None else fallback.get(W + "val")
    text = _val(lvl, "lvlText")
    if text is not None and len(text) > MAX_MARKER_CHARS:
        text = None
    legal = lvl.find(W + "isLgl")
    return ilvl, Level(
        start=_int(_val(lvl, "start")) or 0,
        fmt=fmt or "decimal",
        text=text,
        restart=_int(_val(lvl, "lvlRestart"), 0, LEVELS),
        legal=legal is not None and legal.get(W + "val", "true") not in ("0", "false", "off"),
        suffix=_val(lvl, "suff") or "tab",
        style=_val(lvl, "pStyle"),
    )


def _levels(parent) -> dict[int, Level]:
    out: dict[int, Level] = {}
    for lvl in parent.findall(W + "lvl"):
        found = _level(lvl)
        if found and found[0] not in out:
            out[found[0]] = found[1]
    return out


class Override(NamedTuple):
    start: Optional[int]
    level: Optional[Level]


class WordNumbering:
    """The numbering of one Word document's paragraphs: :meth:`marker` of each paragraph
    in document order."""

    def __init__(self, numbering=None, styles=None) -> None:
        """``numbering`` and ``styles``: the ``w:numbering`` and ``w:styles`` elements,
        or ``None`` for a file without them."""
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # an abstractNum's w:numStyleLink
        self.nums: dict[str, tuple[str, dict[int, Override]]] = {}
        self.styles: dict[str, tuple[Optional[str], Optional[str], Optional[str]]] = {}  # id: (numId, ilvl, basedOn)
        self.default_style: Optional[str] = None
        self.counters: dict[tuple[str, str], list[Optional[int]]] = {}
        self._style_numbering: dict[str, tuple[Optional[str], Optional[str]]] = {}
        if numbering is not None:
            for abstract in numbering.findall(W + "abstractNum"):
                key = abstract.get(W + "abstractNumId")
                if key is not None and key not in self.abstracts:
                    self.abstracts[key] = _levels(abstract)
                    link = _val(abstract, "numStyleLink")
                    if link is not None:
                        self.links[key] = link
            for num in numbering.findall(W + "num"):
                key, abstract_id = num.get(W + "numId"), _val(num, "abstractNumId")
                if key is None or abstract_id is None or key in self.nums:
                    continue
                overrides: dict[int, Override] = {}
                for override in num.findall(W + "lvlOverride"):
                    ilvl = _int(override.get(W + "ilvl"), 0, LEVELS - 1)
                    if ilvl is not None:
                        level = _levels(override).get(ilvl)
                        overrides[ilvl] = Override(_int(_val(override, "startOverride")), level)
                self.nums[key] = (abstract_id, overrides)
        if styles is not None:
            for style in styles.findall(W + "style"):
                key = style.get(W + "styleId")
                # paragraph styles, and numbering styles (a w:numStyleLink names one)
                if key is None or style.get(W + "type", "paragraph") not in ("paragraph", "numbering") or key in self.styles:
                    continue
                ppr = style.find(W + "pPr")
                numpr = None if ppr is None else ppr.find(W + "numPr")
                num_id, style_ilvl = (None, None) if numpr is None else (_val(numpr, "numId"), _val(numpr, "ilvl"))
                self.styles[key] = (num_id, style_ilvl, _val(style, "basedOn"))
                if style.get(W + "default") in ("1", "true", "on") and self.default_style is None:
                    self.default_style = key

    @classmethod
    def of(cls, document) -> "WordNumbering":
        """The numbering of a python-docx ``Document``, from its numbering and styles
        parts (either may be missing)."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        def element(rel_type: str):
            try:
                part = document.part.part_related_by(rel_type)
            except KeyError:
                return None
            found = getattr(part, "element", None)  # a part of an unexpected content type holds bytes
            return found if found is not None and getattr(found, "tag", None) in (W + "numbering", W + "styles") else None

        return cls(element(RT.NUMBERING), element(RT.STYLES))

    def style_numbering(self, style: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        """The ``(numId, ilvl)`` a paragraph style gives, its own or a base style's."""
        if style is None:
            return None, None
        if style not in self._style_numbering:
            num_id = ilvl = None
            seen: set[str] = set()
            at: Optional[str] = style
            while at is not None and at in self.styles and at not in seen and len(seen) < MAX_STYLE_DEPTH:
                seen.add(at)
                own_num, own_ilvl, at_next = self.styles[at]
                num_id = own_num if num_id is None else num_id
                ilvl = own_ilvl if ilvl is None else ilvl
                at = at_next
            self._style_numbering[style] = (num_id, ilvl)
        return self._style_numbering[style]

    def _definition(self, num_id: str) -> Optional[tuple[str, dict[int, Level], dict[int, Override]]]:
        num = self.nums.get(num_id)
        if num is None:
            return None
        abstract_id, overrides = num
        levels = self.abstracts.get(abstract_id)
        link = self.links.get(abstract_id)
        if link is not None and not levels:  # defined by a numbering style: one step to its list
            linked = self.nums.get(self.style_numbering(link)[0] or "")
            if linked is not None and linked[0] != abstract_id:
                abstract_id, levels = linked[0], self.abstracts.get(linked[0])
        return None if levels is None else (abstract_id, levels, overrides)

    def marker(self, paragraph) -> str:
        """The marker Word shows before a paragraph (a ``w:p`` element) and what parts
        it from the text: ``一、``, ``（二）``, ``3. ``, or ``""``. Call it on every
        paragraph in document order: it counts the paragraph."""
        ppr = paragraph.find(W + "pPr")
        numpr = None if ppr is None else ppr.find(W + "numPr")
        num_id, ilvl_val = (None, None) if numpr is None else (_val(numpr, "numId"), _val(numpr, "ilvl"))
        style = (None if ppr is None else _val(ppr, "pStyle")) or self.default_style
        if num_id is None or ilvl_val is None:
            style_num, style_ilvl = self.style_numbering(style)
            num_id = style_num if num_id is None else num_id
            ilvl_val = style_ilvl if ilvl_val is None else ilvl_val
        if num_id is None or _int(num_id) in (None, 0):
            return ""
        found = self._definition(num_id)
        if found is None:
            return ""
        abstract_id, levels, overrides = found
        if ilvl_val is None:
            ilvl: Optional[int] = next((i for i, level in sorted(levels.items()) if style is not None and level.style == style), 0)
        else:
            ilvl = _int(ilvl_val, 0, LEVELS - 1)
        if ilvl is None:
            return ""
        return self._counted(num_id, abstract_id, levels, overrides, ilvl)

    def _counted(self, num_id: str, abstract_id: str, levels: dict[int, Level], overrides: dict[int, Override], ilvl: int) -> str:
        def level(i: int) -> Optional[Level]:
            override = overrides.get(i)
            return override.level if override is not None and override.level is not None else levels.get(i)

        def start(i: int) -> int:
            override = overrides.get(i)
            if override is not None and override.start is not None:
                return override.start
            found = level(i)
            return found.start if found is not None else 0

        this = level(ilvl)
        if this is None:
            return ""
        counters = self.counters.setdefault(("num", num_id) if overrides else ("abstract", abstract_id), [None] * LEVELS)
        now = counters[ilvl]
        counters[ilvl] = start(ilvl) if now is None else min(now + 1, MAX_NUMBER)
        for deeper in range(ilvl + 1, LEVELS):
            deeper_level = level(deeper)
            restart = deeper if deeper_level is None or deeper_level.restart is None else deeper_level.restart
            if ilvl < restart:
                counters[deeper] = None
        if this.fmt == "bullet" or this.text is None:
            return ""
        out, at = [], 0
        for placeholder in PLACEHOLDER.finditer(this.text):
            ref = int(placeholder[1]) - 1
            ref_level = level(ref) if 0 <= ref <= ilvl else None
            if ref_level is None:
                return ""
            value = counters[ref]
            written = number_text(start(ref) if value is None else value, "decimal" if this.legal and ref < ilvl else ref_level.fmt)
            if written is None:
                return ""
            out += [this.text[at : placeholder.start()], written]
            at = placeholder.end()
        marker = "".join(out) + this.text[at:]
        if not marker or len(marker) > MAX_MARKER_CHARS or len(marker.splitlines()) > 1:
            return ""
        # Word sets a tab (or a space) after the marker: a space after an ASCII mark
        # (``1. 2024年``: not ``1.2024年``), nothing after a full-width one (``一、坚持``)
        spaced = this.suffix != "nothing" and marker[-1:].isascii() and not marker[-1:].isspace()
        return marker + " " if spaced else marker


def chinese_counting(n: int, digits: str = CN_COUNTING_DIGITS, units: tuple[str, ...] = CN_COUNTING_UNITS, bare_ten: bool = True) -> Optional[str]:
    """0 → 〇, 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十 (up to 9999;
    ``None`` past it). ``bare_ten``: 10–19 without their leading one (十一, not 一十一)."""
    if not 0 <= n < 10000:
        return None
    if n == 0:
        return digits[0]
    out, gap = "", False
    written = str(n)
    for i, ch in enumerate(written):
        d = int(ch)
        if d == 0:
            gap = True
            continue
        if gap and out:
            out += CN_BY_VALUE[0]  # 一百零一: the zero inside a number is 零
        gap = False
        out += digits[d] + units[len(written) - 1 - i]
    return out[1:] if bare_ten and 10 <= n < 20 else out


def _roman(n: int) -> Optional[str]:
    if not 0 < n < 4000:
        return None
    out = ""
    for value, letters in ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letters(n: int) -> Optional[str]:
    """1 → A, 26 → Z, 27 → AA, 28 → BB (Word repeats the letter)."""
    if n < 1 or (n - 1) // 26 >= MAX_MARKER_CHARS:
        return None
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _enclosed(n: int, first: int, count: int = 20) -> Optional[str]:
    return chr(first + n - 1) if 1 <= n <= count else None


def number_text(n: int, fmt: str) -> Optional[str]:
    """A counter written in a ``w:numFmt``; a format not known here is written in
    decimal, as Word does. ``None``: no way to write it (the marker is left out)."""
    if n < 0:
        return None
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"):
        return chinese_counting(n) or str(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, CN_LEGAL_DIGITS, CN_LEGAL_UNITS, bare_ten=False) or str(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return str(n).translate(CN_DIGIT_BY_DIGIT)
    if fmt == "ideographTraditional":
        return STEMS[n - 1] if 1 <= n <= len(STEMS) else str(n)
    if fmt == "ideographZodiac":
        return BRANCHES[n - 1] if 1 <= n <= len(BRANCHES) else str(n)
    if fmt == "decimalEnclosedParen":  # ⑴ … ⒇
        return _enclosed(n, 0x2474) or f"({n})"
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):  # ① … ⑳
        return _enclosed(n, 0x2460) or str(n)
    if fmt == "decimalEnclosedFullstop":  # ⒈ … ⒛
        return _enclosed(n, 0x2488) or f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(FULLWIDTH_DIGITS)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return str(n) if roman is None else roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letters = _letters(n)
        return None if letters is None else letters if fmt == "upperLetter" else letters.lower()
    if fmt == "none":
        return ""
    return str(n)
