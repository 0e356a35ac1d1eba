"""The result types of sdr_analysis: frozen dataclasses, one per kind of finding.

Every result keeps its surface ``text`` and its half-open span ``start``/``end`` in the
report's text, so that ``report.text[r.start:r.end] == r.text`` always holds and every
figure can be traced back to the characters it came from.
"""

from __future__ import annotations

import functools
from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any, Callable, Optional, TypeVar

from .exceptions import FieldError

R = TypeVar("R")


@functools.cache
def positional(cls: type[R]) -> Callable[..., R]:
    """A constructor of the frozen result type ``cls`` that takes the value of every
    field, in the order of :func:`dataclasses.fields`, by position or by name; fields
    with a default (and no default factory) may be left out, as for the class.

    It sets the fields as the generated ``__init__`` of a frozen dataclass does, one
    slot at a time, but without looking up ``object.__setattr__`` for each: about a
    third faster, which counts where a report yields tens of thousands of results
    (figures, sentences, terms). Like ``dataclasses`` itself, it writes the function
    out and compiles it."""
    found = fields(cls)  # type: ignore[arg-type]
    names = [f.name for f in found]
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    scope.update({f"set_{n}": getattr(cls, n).__set__ for n in names})
    scope.update({f"default_{f.name}": f.default for f in found if f.default is not MISSING})
    params = [f"{f.name}=default_{f.name}" if f.default is not MISSING else f.name for f in found]
    lines = [f"def make({', '.join(params)}):", "    obj = new(cls)"]
    lines += [f"    set_{n}(obj, {n})" for n in names]
    lines += ["    return obj"]
    exec("\n".join(lines), scope)
    make = scope["make"]
    make.__qualname__ = make.__name__ = f"make_{cls.__name__}"
    make.__doc__ = f"A :class:`{cls.__name__}` from its fields' values by position: {', '.join(names)}."
    make.fields = dict.fromkeys(names)  # ordered, and a set
    return make


def revised(obj: R, **changes: Any) -> R:
    """A copy of the result ``obj`` with ``changes`` made: :func:`dataclasses.replace`
    for the result types, built with :func:`positional` (the parser revises every
    heading once it knows what kind it is, and a text may hold tens of thousands)."""
    return _reviser(type(obj), tuple(sorted(changes)))(obj, **changes)  # type: ignore[arg-type]  # a class is hashable


@functools.cache
def _reviser(cls: type[R], changed: tuple[str, ...]) -> Callable[..., R]:
    """A function that copies a ``cls`` with the fields ``changed`` given, the others
    read from the copied result: written out once per class and set of fields, as
    :func:`positional` is, so that a copy costs one call rather than a loop over the
    fields."""
    make = positional(cls)  # type: ignore[arg-type]  # a class is hashable
    unknown = [n for n in changed if n not in make.fields]  # type: ignore[attr-defined]
    if unknown:
        raise FieldError(cls.__name__, unknown)
    args = ", ".join(n if n in changed else f"obj.{n}" for n in make.fields)  # type: ignore[attr-defined]
    scope: dict[str, Any] = {"make": make}
    exec(f"def revise(obj, {''.join(n + ', ' for n in changed)}):\n    return make({args})", scope)
    return scope["revise"]


#: The longest stretch of text a repr quotes.
REPR_TEXT = 24


def _quoted(text: str) -> str:
    """``text`` for a one-line repr: cut to :data:`REPR_TEXT` characters (an ellipsis
    says where), quoted by :func:`repr` so a line break stays an escape."""
    return repr(text if len(text) <= REPR_TEXT else text[:REPR_TEXT - 1] + "…")


def _value(value: Optional[float], value_max: Optional[float] = None, unit: str = "") -> str:
    """A value (and the top of its range) with its unit, for a repr."""
    if value is None:
        return "no value"
    def number(v: float) -> str:  # 48,630,000,000 rather than 4.863e+10
        return f"{int(v):,}" if float(v).is_integer() and abs(v) < 1e18 else f"{v:g}"

    return number(value) + (f"–{number(value_max)}" if value_max is not None else "") + (f" {unit}" if unit else "")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the report's text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.start}-{self.end} {_quoted(self.text)}>"


@dataclass(frozen=True, slots=True)
class Source:
    """Why a metadata field has its value: the line of the text it was read from (its
    offset and its text), or, where no line gave it (``start`` is ``None``), a note
    (``filled in from the gazetteer``)."""

    start: Optional[int]
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __repr__(self) -> str:
        at = "" if self.start is None else f"at {self.start} "
        return f"<Source {at}{_quoted(self.text)}>"


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the title line and the lines that open the report say about it.

    ``title`` is the title line itself (a :class:`Span`, or ``None`` if the text has
    none). ``level`` is the government that reports: national, province
    (municipalities such as 北京市 and autonomous regions included), city, district,
    county or street. The place is its full administrative hierarchy in official
    names (a district report carries its city and province), split into province,
    city, district or county, and street; all ``None`` for the national report, and
    ``None`` wherever it cannot be told. ``year`` is the year of the session the report
    was delivered at; ``date`` the date of delivery, ISO ``YYYY-MM-DD`` (``YYYY-MM``
    where only the month is written), ``None`` where the text gives none; ``session``
    the people's congress session as written (``第十六届人民代表大会第二次会议``,
    ``十四届人大四次会议``); ``speaker`` and ``office`` who delivered it (``张伟民``,
    ``区人民政府区长``). ``adcode`` is the six-digit code of the reporting government's
    division in the gazetteer (``130683`` for 安国市), ``None`` where its name matches
    none; ``sources`` says, for each field read, the line it was read from (or a note:
    ``sources["adcode"]`` says why there is no code).
    """

    title: Optional[Span] = None
    level: Optional[str] = None
    province: Optional[str] = None
    city: Optional[str] = None
    district: Optional[str] = None
    county: Optional[str] = None
    street: Optional[str] = None
    year: Optional[int] = None
    date: Optional[str] = None
    session: Optional[str] = None
    speaker: Optional[str] = None
    office: Optional[str] = None
    adcode: Optional[str] = None
    sources: dict[str, Source] = field(default_factory=dict)

    @property
    def place(self) -> str:
        """The place as one string, outermost first (``辽宁省大连市沙河口区``)."""
        return "".join(p for p in (self.province, self.city, self.district, self.county, self.street) if p)

    def to_dict(self) -> dict[str, Any]:
        """Every field, the title as its text."""
        d = {name: getattr(self, name) for name in self.__dataclass_fields__}
        d["title"] = self.title.text if self.title else None
        d["sources"] = {k: v.to_dict() for k, v in self.sources.items()}
        return d

    def __repr__(self) -> str:
        said = [str(x) for x in (self.level, self.place, self.year, self.date) if x]
        return f"<Metadata {', '.join(said) or 'nothing read'}>"


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    """A sentence, up to and including its closing 。！？ (and any closing quote)."""

    def __repr__(self) -> str:  # the dataclass would write its own, not Span's
        return f"<Sentence {self.start}-{self.end} {_quoted(self.text)}>"


@dataclass(frozen=True, slots=True)
class Paragraph(Span):
    """A paragraph (a line of the body) and its theme: a short lead sentence, if any."""

    theme: Optional[Sentence] = None
    section: Optional[str] = None

    def __repr__(self) -> str:
        where = f" in {self.section}" if self.section else ""
        return f"<Paragraph {self.start}-{self.end}{where}: {len(self.text):,} chars {_quoted(self.text)}>"


@dataclass(frozen=True, slots=True)
class Section(Span):
    """A heading and everything under it, up to the next heading of the same or a
    higher level.

    ``marker`` is the numbering as written (``(三)``), ``number`` the numeral inside it
    (``三``; a style without numerals, the ``——`` lead, is numbered ``1``, ``2``… in
    reading order), ``ordinal`` its value (3), ``title`` the headline sentence after the
    marker, ``level`` its depth among the heading styles the document uses (1 is the
    outermost), counted in what the document actually nests; ``style`` names the
    marker's style (``cn_paren`` for ``(三)``; ``unmarked`` for a part title standing
    alone on its line, with no marker).

    Where it stands in the report's shape (see :mod:`sdr_analysis.outline`): ``kind`` is
    ``part`` (a top-level division: ``一、2025年工作回顾``), ``section`` (a policy section:
    ``（一）…`` under a part, or a part with none, or a heading of a report without
    parts) or ``item`` (anything deeper); ``period`` is a part's period (``review``,
    ``plan``, ``five_year``, ``government``, ``other``); ``part`` is the number of the
    part a section is in; ``key`` names a section uniquely in its report (``五`` where
    there are no parts, ``三.二`` for (二) of part 三, ``一`` for a part that is its own
    section); ``appendix`` is true for a heading inside an appendix, after the report's
    closing.
    """

    marker: str = ""
    number: str = ""
    ordinal: int = 0
    title: str = ""
    level: int = 1
    style: str = ""
    title_start: int = 0
    title_end: int = 0
    kind: str = ""
    period: Optional[str] = None
    part: Optional[str] = None
    key: str = ""
    appendix: bool = False

    def heading_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "kind": self.kind,
            "marker": self.marker,
            "number": self.number,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "period": self.period,
            "part": self.part,
            "key": self.key,
            "appendix": self.appendix,
        }

    def __repr__(self) -> str:
        kind = f" {self.kind}" if self.kind else ""
        return f"<Section {self.key or self.number} {_quoted(self.marker + self.title)}{kind}: {len(self.text):,} chars>"


@dataclass(frozen=True, slots=True)
class Part(Span):
    """A top-level division of a report (``一、2025年工作回顾``) and the policy sections
    under it.

    ``marker`` as written (empty for a title standing alone: ``2026年重点工作``),
    ``number`` and ``ordinal`` as for a :class:`Section` (unmarked parts are numbered
    ``1``, ``2``… in reading order), ``title`` its title, ``period`` what it is about:
    ``review`` (past work), ``plan`` (the coming year's targets and tasks),
    ``five_year`` (goals of a new five-year plan), ``government`` (the government's own
    conduct) or ``other``. ``implied`` is true for the one part that holds the
    sections of a report without parts (a page that starts at (三)): it has no heading
    of its own, and its period is told from its wording. ``sections`` are its policy
    sections.
    """

    marker: str = ""
    number: str = ""
    ordinal: int = 0
    title: str = ""
    period: str = "other"
    implied: bool = False
    sections: tuple[Section, ...] = ()

    def __repr__(self) -> str:
        n = len(self.sections)
        return f"<Part {self.marker or self.number} {self.period}: {n} section{'' if n == 1 else 's'}, {len(self.text):,} chars>"


@dataclass(frozen=True, slots=True)
class Indicator(Span):
    """A figure that states an amount.

    ``value`` is in the base unit (万/亿 folded in); ``value_max`` is the upper end of a
    range (``3-5个``) and ``None`` otherwise. ``unit`` is the base unit, ``kind`` its
    class (money, percent, people, ...), ``qualifier`` one of exact, more_than, nearly,
    about, less_than, range. ``each`` is true for a figure per item (``各1处``), which
    must not be summed as if it were a total. ``label`` says what is measured (the
    clause around the figure, figure removed). ``sentence`` is the sentence it is in.
    ``role`` says what a money figure is (spending, output, revenue, finance, trade,
    income, standard or other: see :mod:`sdr_analysis.roles`), ``None`` for any other
    figure.
    """

    value: float = 0
    unit: str = ""
    kind: str = ""
    qualifier: str = "exact"
    label: str = ""
    section: Optional[str] = None
    each: bool = False
    value_max: Optional[float] = None
    role: Optional[str] = None
    sentence: Optional[Sentence] = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "label": self.label,
            "section": self.section,
            "each": self.each,
            "value_max": self.value_max,
            "role": self.role,
        }
        d["sentence"] = self.sentence.text if self.sentence else None
        return d

    def __repr__(self) -> str:
        return f"<Indicator {self.text!r} = {_value(self.value, self.value_max, self.unit)} ({self.kind}, {self.qualifier}) at {self.start}>"


@dataclass(frozen=True, slots=True)
class Claim(Span):
    """A claim to lead, to be recognised or to rank: one per clause.

    ``tags`` are the kinds the clause holds, most specific first: rank, honor, first,
    coverage (``在全省率先实现…全覆盖`` is ("first", "coverage")); ``kind`` is the first
    tag. ``scope`` is nation, region (``西部``, ``长三角``), province, city or ``None``;
    ``position`` is a rank's place (``全省第一`` → 1, ``第5位`` → 5; ``None`` for
    ``前列`` and for claims that do not rank); ``trigger`` is the word that made it a
    claim of its kind (``率先``, ``获评``, ``全省第一``).
    """

    kind: str = ""
    tags: tuple[str, ...] = ()
    scope: Optional[str] = None
    position: Optional[int] = None
    trigger: str = ""
    section: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "tags": list(self.tags),
            "scope": self.scope,
            "position": self.position,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "section": self.section,
            "trigger": self.trigger,
        }

    def __repr__(self) -> str:
        return f"<Claim {self.kind} {self.trigger!r} at {self.start}: {_quoted(self.text)}>"


@dataclass(frozen=True, slots=True)
class Relation(Span):
    """Figures joined by a change.

    ``kind`` is change (``由45天压缩至20天``, or a delta on a base: ``占比86%,同比提高5个
    百分点``) or set_to (``提升至850元``). ``before``/``after``/``base``/``delta`` are the
    indicators the relation joins; ``direction`` is increase, decrease or ``None``.
    """

    kind: str = ""
    direction: Optional[str] = None
    before: Optional[Indicator] = None
    after: Optional[Indicator] = None
    base: Optional[Indicator] = None
    delta: Optional[Indicator] = None
    section: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "direction": self.direction,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "section": self.section,
        }
        for role in ("before", "after", "base", "delta"):
            ind = getattr(self, role)
            d[role] = ind.text if ind else None
            d[f"{role}_start"] = ind.start if ind else None
        return d

    def __repr__(self) -> str:
        direction = f" {self.direction}" if self.direction else ""
        return f"<Relation {self.kind}{direction} at {self.start}: {_quoted(self.text)}>"


@dataclass(frozen=True, slots=True)
class Term(Span):
    """A quoted term (a named initiative, slogan or title): the text inside the
    innermost balanced pair of quotes, quotes excluded."""

    section: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "section": self.section}

    def __repr__(self) -> str:
        return f"<Term {_quoted(self.text)} at {self.start}>"


@dataclass(frozen=True, slots=True)
class Target(Span):
    """One quantified target the report sets (``地区生产总值增长5%左右``), or a measure it
    says it sets none for (``absent == "explicit"``, ``value`` ``None``).

    ``text`` runs from the measure's name through the figure and its qualifier; a figure
    that shares its name with the one before (``…增长20%，达到282亿元``, the second figure
    of a ``分别`` list) is its own text. ``name`` is the measure as written, without filler
    words (控制在, 保持在, 达到, 分别…); ``measure`` its key in the table of measures
    (``gdp``, ``cpi``…, ``other``: see :mod:`sdr_analysis.targets`). ``value`` and
    ``value_max`` are in the base ``unit`` (``68万人`` → 680000 人); ``qualifier`` is
    about, more_than, less_than, range or exact; ``soft`` is true where the report only
    strives for it (力争, 争取). ``horizon`` is ``year`` for the coming year's targets and
    ``five_year`` for goals of a five-year plan. ``relative_to`` names the benchmark of a
    relative target (``高于全国平均水平0.5个百分点`` → ``全国平均水平``). ``change`` is true
    where the figure is a change (增长, 下降, 涨幅) rather than a level.
    """

    name: str = ""
    measure: str = "other"
    value: Optional[float] = None
    value_max: Optional[float] = None
    unit: str = ""
    qualifier: str = "exact"
    soft: bool = False
    horizon: str = "year"
    relative_to: Optional[str] = None
    change: bool = True
    absent: Optional[str] = None
    section: Optional[str] = None

    def __repr__(self) -> str:
        if self.absent:
            return f"<Target {self.measure} none set ({self.absent}) at {self.start}>"
        soft = ", soft" if self.soft else ""
        value = _value(self.value, self.value_max, self.unit)
        return f"<Target {self.measure} {value} ({self.qualifier}{soft}, {self.horizon}) at {self.start}: {_quoted(self.text)}>"


@dataclass(frozen=True, slots=True)
class Result(Span):
    """What the review says one measure came to in the past year: its growth
    (``增长7.9%``, ``change`` true) or its level (``1432.6亿元``, ``change`` false).

    ``text`` is the figure; ``name`` the measure as written where the result was found;
    ``value`` in the base ``unit``, with the figure's ``qualifier``; ``estimate`` where
    the sentence says it is one (``预计全县生产总值增长7.5%``)."""

    measure: str = "other"
    name: str = ""
    value: Optional[float] = None
    unit: str = ""
    qualifier: str = "exact"
    change: bool = True
    section: Optional[str] = None
    estimate: bool = False

    def __repr__(self) -> str:
        what = ("estimated " if self.estimate else "") + ("change" if self.change else "level")
        return f"<Result {self.measure} {what} {_value(self.value, None, self.unit)} at {self.start}: {_quoted(self.text)}>"


@dataclass(frozen=True, slots=True)
class SectionSummary(Span):
    """How much one policy section says, computed once per report and shown by the
    frames, the write-ups, the index page and the corpus tables alike.

    ``key``, ``slug``, ``number``, ``marker``, ``title`` and ``level`` name the section
    (as on its :class:`Section`; ``slug`` is its name in file names: ``5``, ``3-2``);
    ``part``, ``part_title`` and ``period`` the part it is in (``part`` is ``None`` and
    ``part_title`` empty for the implied part of a report without parts); then counts
    of its ``themes``, ``sentences``, ``characters``, ``indicators``, ``claims`` and
    ``terms``; ``density`` is indicators per 1,000 characters, rounded to 2 places;
    ``money_amounts`` counts the money amounts it states (:func:`sdr_analysis.amounts.is_amount`:
    in yuan, not per item, per head or a level); ``largest_money`` is the largest of
    them in yuan (``None`` where it states none: never 0), with ``largest_money_text``
    (as written), ``largest_money_label``, ``largest_money_role``,
    ``largest_money_qualifier`` and ``largest_money_start`` (where it is, for the link
    to its sentence). No figure here is a sum of the report's figures. ``text`` is the
    section's text.
    """

    key: str = ""
    slug: str = ""
    number: str = ""
    marker: str = ""
    title: str = ""
    level: int = 1
    part: Optional[str] = None
    part_title: str = ""
    period: str = "other"
    themes: int = 0
    sentences: int = 0
    characters: int = 0
    indicators: int = 0
    density: float = 0.0
    money_amounts: int = 0
    largest_money: Optional[float] = None
    largest_money_text: str = ""
    largest_money_label: str = ""
    largest_money_role: Optional[str] = None
    largest_money_qualifier: Optional[str] = None
    largest_money_start: Optional[int] = None
    claims: int = 0
    terms: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        del d["text"]
        return d

    def __repr__(self) -> str:
        return f"<SectionSummary {self.key} {_quoted(self.marker + self.title)}: {self.characters:,} chars, {self.indicators} indicators>"
