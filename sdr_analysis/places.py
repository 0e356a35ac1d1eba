"""Places: China's administrative divisions, and the place a report names, official
and complete.

The place is read as the text writes it, then named officially and completed from the
gazetteer of China's administrative divisions that the ``cpca`` package ships: a
district's city and province are filled in even where the text names only the
district, and short names (``内蒙古``, ``北京``) become official ones. A name the
gazetteer holds in several places is settled by the other places the text names, and
left as written where it is still ambiguous; a name it does not hold is kept as written.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple, Optional

#: The place fields, outermost first, and the level each is at (district and county
#: are both county-level units).
PLACE_FIELDS = ("province", "city", "district", "county", "street")
RANK = {"province": 0, "city": 1, "district": 2, "county": 2, "street": 3}
#: The level of government is the innermost place named.
LEVELS = ("street", "county", "district", "city", "province")

#: How a place name ends, and the field it names; longer endings first, as the
#: alternation tries them in this order. A second city-level 市 is a county-level city
#: (``江苏省苏州市昆山市``), filed as a county, as banners (旗) are.
SUFFIX_FIELDS = (
    ("特别行政区", "province"), ("自治区", "province"), ("省", "province"),
    ("自治州", "city"), ("地区", "city"), ("盟", "city"), ("市", "city"),
    ("自治县", "county"), ("自治旗", "county"), ("县", "county"), ("旗", "county"),
    ("街道", "street"), ("镇", "street"), ("乡", "street"),
    ("区", "district"),
)
PLACE_ENDINGS = "|".join(s for s, _ in SUFFIX_FIELDS)
SUFFIXED_NAME = re.compile(f".+?(?:{PLACE_ENDINGS})")
#: Words that stand for "this government" without naming it (``区人民政府区长``).
GENERIC_PLACES = frozenset(s for s, _ in SUFFIX_FIELDS) | {"州", "国务院"}

#: Endings taken off a province's official name to give the short name texts use
#: (``内蒙古`` for 内蒙古自治区, ``北京`` for 北京市); longer endings first.
PROVINCE_ENDINGS = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
#: Endings of autonomous prefectures, counties and banners, and the ending of the short
#: name texts use: the name without its peoples (``恩施土家族苗族自治州`` → ``恩施州``,
#: ``长阳土家族自治县`` → ``长阳县``; a unit named after its people keeps it:
#: ``鄂伦春自治旗`` → ``鄂伦春旗``). The peoples are cpca's ``56_nations.csv``.
AUTONOMOUS_ENDINGS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
#: Words for peoples in autonomous units' names that the list of peoples lacks.
MORE_PEOPLES = ("各族",)
#: Gazetteer entries that stand in for a level a place does not have (the districts
#: of a municipality sit under a ``市辖区`` "city"), never a place's name.
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
#: How the names of county-level units that are counties end (县, 旗, a county-level
#: city's 市); a county-level 区 is a district.
COUNTY_ENDINGS = ("县", "旗", "市")
#: The endings a county-level unit may change when it is made a district or a city
#: (清苑县 → 清苑区, 藁城市 → 藁城区): a name the gazetteer lacks is placed by the unit
#: of the same stem with another of these endings.
RENAMED_ENDINGS = ("县", "市", "区", "旗")


class Division(NamedTuple):
    """One administrative division of the gazetteer: its six-digit code (two digits
    for the province, two for the city, two for the county-level unit) and its
    official name."""

    code: str
    name: str

    @property
    def rank(self) -> int:
        """0 for a province (or municipality), 1 for a city, 2 for a county-level unit."""
        return 0 if self.code[2:] == "0000" else 1 if self.code[4:] == "00" else 2

    @property
    def field(self) -> str:
        """The place field it fills: a county-level 县, 旗 or city (县级市) is a county,
        the rest districts."""
        if self.rank < 2:
            return PLACE_FIELDS[self.rank]
        return "county" if self.name.endswith(COUNTY_ENDINGS) else "district"


class Gazetteer(NamedTuple):
    """China's administrative divisions: by code, and by every name a text may use."""

    by_code: dict[str, Division]
    by_name: dict[str, list[Division]]
    longest_name: int

    def ancestor(self, division: Division, rank: int) -> Optional[Division]:
        """The division at ``rank`` (0 province, 1 city) that holds ``division``; ``None``
        where that level is a placeholder or missing."""
        code = division.code[: 2 * (rank + 1)].ljust(6, "0")
        return self.by_code.get(code)


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer shipped by ``cpca`` (``cpca/resources/adcodes.csv``: adcode, name,
    longitude, latitude), read once. The package is located, not imported: importing it
    builds a matcher of its own, which takes longer than reading the file."""
    import csv
    import importlib.resources
    import importlib.util
    import io

    spec = importlib.util.find_spec("cpca")
    if spec is None:
        from .exceptions import MissingDependency

        raise MissingDependency("cpca")
    package = importlib.util.module_from_spec(spec)  # not executed
    resources = importlib.resources.files(package).joinpath("resources")
    data = resources.joinpath("adcodes.csv").read_text(encoding="utf-8")
    peoples = _nations() or []
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    for row in csv.DictReader(io.StringIO(data)):
        name = row["name"]
        if name in PLACEHOLDERS:
            continue
        division = Division(row["adcode"][:6], name)
        by_code[division.code] = division
        names = {name}
        if division.rank == 0:
            names.update(name[: -len(end)] for end in PROVINCE_ENDINGS if name.endswith(end) and len(name) > len(end) + 1)
        names.update(_autonomous_short(name, peoples))
        for form in names:
            by_name.setdefault(form, []).append(division)
    for old in _renamed():
        by_code.setdefault(old.code, old)
        by_name.setdefault(old.name, []).append(old)
    return Gazetteer(by_code, by_name, max(map(len, by_name)))


def _renamed() -> list[Division]:
    """The county-level units that bore another name before (``data/places.toml``),
    under the name and code they had."""
    from .words import table

    return [Division(entry["code"], entry["name"]) for entry in table("places")["renamed"]]


def _peoples(nations: str) -> list[str]:
    """The peoples autonomous units are named after (cpca's ``56_nations.csv``, with and
    without 族), longest first."""
    peoples = [line.strip() for line in nations.splitlines()]
    peoples += [p.removesuffix("族") for p in peoples if len(p.removesuffix("族")) > 1] + list(MORE_PEOPLES)
    return sorted(peoples, key=len, reverse=True)


@cache
def _nations() -> Optional[list[str]]:
    """:func:`_peoples` of cpca's ``56_nations.csv``, read once; ``None`` without cpca."""
    import importlib.resources
    import importlib.util

    spec = importlib.util.find_spec("cpca")
    if spec is None:
        return None
    nations = importlib.resources.files(importlib.util.module_from_spec(spec)).joinpath("resources", "56_nations.csv")
    return _peoples(nations.read_text(encoding="utf-8"))


def short_name(name: str) -> str:
    """An autonomous prefecture's, county's or banner's name as texts write it for short,
    without its peoples (``恩施土家族苗族自治州`` → ``恩施州``); other names as they are."""
    if not name.endswith(tuple(AUTONOMOUS_ENDINGS)):
        return name
    peoples = _nations()
    return next(iter(_autonomous_short(name, peoples)), name) if peoples is not None else name


def provinces() -> list[str]:
    """The official names of the province-level divisions (``辽宁省``, ``北京市``,
    ``内蒙古自治区``), in the gazetteer's order."""
    return [d.name for d in gazetteer().by_code.values() if d.rank == 0]


def _autonomous_short(name: str, peoples: list[str]) -> list[str]:
    """The short name of an autonomous prefecture, county or banner (none for other
    names): its name without the peoples and 自治, and its ending."""
    for ending, short in AUTONOMOUS_ENDINGS.items():
        if name.endswith(ending):
            place = name[: -len(ending)]
            while stripped := next((p for p in peoples if place.endswith(p) and len(place) - len(p) > 1), None):
                place = place[: -len(stripped)]
            return [place.removesuffix("族") + short]
    return []


class Named(NamedTuple):
    """A place as the text names it, and the divisions of the gazetteer it may be;
    ``renamed`` where those are units it became under another name (the text's 清苑县
    is today's 清苑区): they place it, but it keeps its name and has no code."""

    text: str
    divisions: tuple[Division, ...]
    renamed: bool = False


def split_place(words: str) -> dict[str, Named]:
    """The place fields ``words`` names (``内蒙古呼伦贝尔市海拉尔区``), outermost first,
    each as written with the divisions it may be. Names the gazetteer knows are taken
    whole (the longest first); other names end at a place ending (省, 市, 区, 县…).
    Words that are not all place names give nothing."""
    gaz = gazetteer()
    fields: dict[str, Named] = {}
    pos = 0
    while pos < len(words):
        for size in range(min(gaz.longest_name, len(words) - pos), 1, -1):
            divisions = gaz.by_name.get(words[pos : pos + size])
            if divisions:
                name = words[pos : pos + size]
                break
        else:
            m = SUFFIXED_NAME.match(words, pos)
            if not m:
                return {}
            name, divisions = m.group(), []
        field = _field_of(name, divisions, fields)
        if field is None:
            return {}
        kept = tuple(d for d in divisions if d.field == field)
        renamed = () if divisions or RANK[field] < 2 else _renamed_as(gaz, name)
        fields[field] = Named(name, kept) if not renamed else Named(name, renamed, True)
        pos += len(name)
    return fields


def _renamed_as(gaz: Gazetteer, name: str) -> tuple[Division, ...]:
    """The county-level units of the same stem as ``name`` with another ending
    (清苑县 → 清苑区), which a county-level place the gazetteer lacks may have become
    (a name read as a prefecture's is not looked for: 江口市 is no 江口县)."""
    stem, ending = name[:-1], name[-1:]
    if ending not in RENAMED_ENDINGS or len(stem) < 2:
        return ()
    return tuple(d for e in RENAMED_ENDINGS if e != ending for d in gaz.by_name.get(stem + e, ()) if d.rank == 2)


def _field_of(name: str, divisions: list[Division], fields: dict[str, Named]) -> Optional[str]:
    """The field a name fills: the level of its divisions where they agree, else its
    ending; ``None`` if that field is taken or outside a field already filled."""
    kinds = {d.field for d in divisions}
    field: Optional[str]
    if len(kinds) == 1:
        field = kinds.pop()
    else:
        field = None if name in GENERIC_PLACES else next((f for s, f in SUFFIX_FIELDS if name.endswith(s)), None)
        if field == "city" and "city" in fields:
            field = "county"  # a county-level city under a city
    if field is None or any(RANK[f] >= RANK[field] for f in fields):
        return None
    return field


def resolve(named: dict[str, Named]) -> tuple[dict[str, Optional[str]], Optional[Division]]:
    """The place fields, official and complete where the gazetteer can tell, and the
    division of the innermost place named where the gazetteer holds exactly one
    (``None`` where it holds none, several, or only the unit a renamed place became).

    The innermost name the gazetteer knows is matched against the other names the
    text gives: a division is kept if every place the text names above it is one of
    that division's own (a name the gazetteer lacks above it rules it out). The places
    above it are filled in where every division kept agrees; where none is kept, the
    next name outwards is tried; names are kept as written where nothing settles them
    (and a renamed place keeps the name the text gives it).
    """
    gaz = gazetteer()
    place: dict[str, Optional[str]] = dict.fromkeys(PLACE_FIELDS)
    place.update({f: n.text for f, n in named.items()})
    known = [f for f in PLACE_FIELDS if f in named and named[f].divisions]
    own: Optional[Division] = None
    for field in reversed(known):
        kept = [d for d in named[field].divisions if _fits(gaz, d, field, named)]
        if not kept:
            continue
        renamed = named[field].renamed
        for rank in range(kept[0].rank + 1):
            found = {gaz.ancestor(d, rank) if rank < d.rank else d for d in kept}
            if len(found) == 1 and None not in found and not (renamed and rank == kept[0].rank):
                (division,) = found
                assert division is not None  # None is not in found
                place[division.field if rank == kept[0].rank else PLACE_FIELDS[rank]] = division.name
        if len(kept) == 1 and not renamed and field == next(reversed(named)):
            own = kept[0]
        break
    return place, own


def _fits(gaz: Gazetteer, division: Division, field: str, named: dict[str, Named]) -> bool:
    for other, name in named.items():
        if RANK[other] < RANK[field]:
            above = gaz.ancestor(division, RANK[other])
            if above is None or above not in name.divisions:
                return False
    return True
