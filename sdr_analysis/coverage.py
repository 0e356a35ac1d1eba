"""Which reports of the files and folders given a command used, and which it left out
and why: a file that cannot be read, a report whose year (or place) is not found, a
report of another place than the series', a second copy of a report, a report that
no comparison can take. A report never drops out in silence: the commands say each
left-out file in a line on stderr, and the comparison pages list them under their
reports.

Two copies of one report are one: two reports of the same place and year are copies,
certainly so where their texts are the same but for white space. Of copies, the one
kept is the one with the most text in its body (page chrome, title and appendix left
out: a cleaner or fuller copy), and of copies as long, the first by path; the others
are left out, each naming the copy kept.

The choice is made on :class:`Entry` records (what choosing needs of a file), so the
same rules serve reports read here and reports parsed in worker processes
(:mod:`sdr_analysis.corpus`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Protocol, Sequence, TypeVar

from .exceptions import NoReports, SeriesError
from .messages import t

if TYPE_CHECKING:
    from .report import Report

#: Why a file is left out, in the order the checks are made; each has words in the
#: catalog (``files_used.<reason>``).
REASONS = ("unreadable", "no_year", "no_place", "other_place", "same_text", "duplicate", "alone")
#: The reasons of a copy: their ``detail`` is the file of the copy kept.
COPIES = ("same_text", "duplicate")


@dataclass(frozen=True)
class Entry:
    """What choosing needs of one file: its report's place (``None`` where the text
    names none), year, the characters of its body (white space not counted), a digest
    of its text less white space; or the reason it could not be read."""

    file: str
    place: Optional[str] = None
    year: Optional[int] = None
    size: int = 0
    digest: str = ""
    error: Optional[str] = None


def entry_of(report: "Report") -> Entry:
    """A report's :class:`Entry` (its file is ``report.source``); its place as
    :func:`sdr_analysis.series.place_of` names it, ``None`` where the text names none."""
    meta = report.metadata
    place = meta.place or ("全国" if meta.level == "national" else None)
    start, end = report.body
    size = sum(len(word) for word in report.text[start:end].split())  # white space (line ends, indents) not counted
    digest = hashlib.sha256("".join(report.text.split()).encode("utf-8")).hexdigest()
    return Entry(report.source or "", place, meta.year, size, digest)


def failed(file: str | os.PathLike[str], error: str) -> Entry:
    """The :class:`Entry` of a file that could not be read."""
    return Entry(os.fspath(file), error=error)


@dataclass(frozen=True)
class LeftOut:
    """A file left out: ``reason`` (one of :data:`REASONS`), ``detail`` (why it cannot
    be read; the copy kept, for a copy), and the place and year its report names."""

    file: str
    reason: str
    detail: str = ""
    place: Optional[str] = None
    year: Optional[int] = None

    def words(self, lang: str, series: str = "", escape=str, name=str) -> str:
        """Why, in ``lang``; the fields from the report ``escape``\\ d (for a page), the
        file kept of copies as ``name`` names a file."""
        detail = name(self.detail) if self.reason in COPIES else self.detail
        return t(lang, f"files_used.{self.reason}").format(
            detail=escape(detail), place=escape(self.place or "—"), year=self.year if self.year is not None else "—",
            series=escape(series or "—"))

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Coverage:
    """The files used (in order) and those left out, with why; ``place`` is a
    series' place."""

    used: list[str] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    place: str = ""
    #: What the files were used for where that is not all a command does with them
    #: (``"the comparisons"``: a build writes up every report it reads).
    of: str = ""

    def lines(self) -> list[str]:
        """A warning line per file left out, as the commands say it on stderr."""
        # a file that cannot be read is left out of everything
        return [f"warning: {x.file}: left out{'' if not self.of or x.reason == 'unreadable' else ' of ' + self.of}: "
                f"{x.words('en', self.place)}" for x in self.left_out]

    def count(self) -> str:
        """How many were used of how many, and why the others were left out."""
        total = len(self.used) + len(self.left_out)
        line = f"{self.of + ' use' if self.of else 'used'} {len(self.used)} of {total} report file{'' if total == 1 else 's'}"
        if self.left_out:
            names = t("en", "files_used.short")
            by = {r: sum(x.reason == r for x in self.left_out) for r in REASONS}
            line += f"; left out {len(self.left_out)} (" + ", ".join(f"{n} {names[r]}" for r, n in by.items() if n) + ")"
        return line

    def rows(self) -> list[dict]:
        """A row per file (``coverage.csv``): used or left out, why, the place and year."""
        out: list[dict] = [{"file": f, "status": "used", "reason": "", "detail": "", "place": None, "year": None} for f in self.used]
        out += [{"file": x.file, "status": "left out", "reason": x.reason, "detail": x.detail, "place": x.place, "year": x.year}
                for x in self.left_out]
        return out


COVERAGE_COLUMNS = ["file", "status", "reason", "detail", "place", "year"]


def _nothing_used(left: Sequence[LeftOut], remedy: str) -> SeriesError:
    """Nothing left to use: the error names the first file left out and why, and
    counts the others by why."""
    first, names = left[0], t("en", "files_used.short")
    others = {r: sum(x.reason == r for x in left[1:]) for r in REASONS}
    more = ", ".join(f"{n} {names[r]}" for r, n in others.items() if n)
    problem = f"none of the {len(left)} reports can be used ({first.file}: {first.words('en')}{f'; also {more}' if more else ''})"
    return SeriesError(problem, remedy)


# choosing


def _unreadable(entries: Sequence[Entry]) -> tuple[list[Entry], list[LeftOut]]:
    good = [e for e in entries if e.error is None]
    return good, [LeftOut(e.file, "unreadable", e.error or "") for e in entries if e.error is not None]


def _dated(entries: Sequence[Entry]) -> tuple[list[Entry], list[LeftOut]]:
    return [e for e in entries if e.year is not None], [LeftOut(e.file, "no_year", "", e.place) for e in entries if e.year is None]


def _placed(entries: Sequence[Entry]) -> tuple[list[Entry], list[LeftOut]]:
    return [e for e in entries if e.place], [LeftOut(e.file, "no_place", "", None, e.year) for e in entries if not e.place]


def copies(entries: Sequence[Entry]) -> tuple[list[Entry], list[LeftOut]]:
    """One report of each place and year: the copy with the longest body, of copies
    as long the first by path; the others left out naming it (``same_text`` where
    their texts are the same but for white space)."""
    groups: dict[tuple, list[Entry]] = {}
    for e in entries:
        groups.setdefault((e.place, e.year), []).append(e)
    kept, left = [], []
    for group in groups.values():
        best = min(group, key=lambda e: (-e.size, e.file))
        kept.append(best)
        for e in sorted(group, key=lambda e: e.file):
            if e is not best:
                reason = "same_text" if e.digest == best.digest else "duplicate"
                left.append(LeftOut(e.file, reason, best.file, e.place, e.year))
    chosen = {id(e) for e in kept}
    return [e for e in entries if id(e) in chosen], left


def for_series(entries: Sequence[Entry]) -> Coverage:
    """The reports of one place over years: those that can be read, have a year and
    a place, are of the series' place (the place with the most years; a tie is an
    error) and are not a copy. Raises when none is left."""
    good, left = _unreadable(entries)
    good, no_year = _dated(good)
    if len(good) == 1 and not good[0].place:  # one report: the place it is of needs no check
        placed, no_place = good, list[LeftOut]()
    else:
        placed, no_place = _placed(good)
    left += no_year + no_place
    years: dict[str, set] = {}
    for e in placed:
        years.setdefault(e.place or "", set()).add(e.year)
    place = ""
    if years:
        most = max(len(ys) for ys in years.values())
        top = sorted(p for p, ys in years.items() if len(ys) == most)
        if len(top) > 1:
            raise SeriesError(f"the reports are of {len(years)} places ({', '.join(sorted(years))}), {len(top)} of them with "
                              f"{most} year{'' if most == 1 else 's'}", "a series is one place over years: give the reports of one place")
        place = top[0]
    left += [LeftOut(e.file, "other_place", "", e.place, e.year) for e in placed if (e.place or "") != place]
    kept, doubled = copies([e for e in placed if (e.place or "") == place])
    left += doubled
    if not kept:
        raise _nothing_used(_in_order(entries, left), "a series needs reports of one place, each with its year")
    return Coverage([e.file for e in kept], _in_order(entries, left), place)


def for_places(entries: Sequence[Entry]) -> Coverage:
    """The reports of places side by side: those that can be read, have a year and a
    place, and are not a copy."""
    good, left = _unreadable(entries)
    good, no_year = _dated(good)
    good, no_place = _placed(good) if len(good) > 1 else (good, [])
    kept, doubled = copies(good)
    left += no_year + no_place + doubled
    if not kept:
        raise _nothing_used(_in_order(entries, left), "places are compared by each report's place and year")
    return Coverage([e.file for e in kept], _in_order(entries, left))


def for_reports(entries: Sequence[Entry]) -> Coverage:
    """Reports each taken on its own (a corpus, each report's write-ups): those that
    can be read, one copy of each place and year. A report whose place or year is not
    found is used (its rows say none), and copies are told only among reports with both."""
    good, left = _unreadable(entries)
    known = [e for e in good if e.place and e.year is not None]
    kept, doubled = copies(known)
    dropped = {x.file for x in doubled}
    return Coverage([e.file for e in good if e.file not in dropped], _in_order(entries, left + doubled))


def for_unreadable(entries: Iterable[Entry]) -> Coverage:
    """The files that can be read, and those that cannot."""
    good, left = _unreadable(list(entries))
    return Coverage([e.file for e in good], left)


def for_comparisons(entries: Sequence[Entry]) -> Coverage:
    """Of reports read, those the comparisons take: with a year and a place, one copy
    of each place and year, and with another year of their place (a series) or
    another place in their year (a places page)."""
    good, no_year = _dated(entries)
    good, no_place = _placed(good)
    good, doubled = copies(good)
    places: dict[str, set] = {}
    years: dict[Optional[int], set] = {}
    for e in good:
        places.setdefault(e.place or "", set()).add(e.year)
        years.setdefault(e.year, set()).add(e.place)
    alone = [e for e in good if len(places[e.place or ""]) == 1 and len(years[e.year]) == 1]
    left = no_year + no_place + doubled + [LeftOut(e.file, "alone", "", e.place, e.year) for e in alone]
    return Coverage([e.file for e in good if not any(e is a for a in alone)], _in_order(entries, left), of="the comparisons")


def _in_order(entries: Sequence[Entry], left: Sequence[LeftOut]) -> list[LeftOut]:
    """The files left out in the order they were given."""
    order = {e.file: i for i, e in enumerate(entries)}
    return sorted(left, key=lambda x: order.get(x.file, len(order)))


def merged(*parts: Coverage) -> Coverage:
    """What several choices made in turn used (the last one's) and left out (all)."""
    return Coverage(list(parts[-1].used), [x for p in parts for x in p.left_out], parts[-1].place, parts[-1].of)


def from_param(items) -> list[LeftOut]:
    """The files a build left out of a page, as its notebook's ``left_out`` parameter
    gives them (a list of dicts with :class:`LeftOut`'s fields)."""
    from .exceptions import ParameterError

    fields = set(LeftOut.__dataclass_fields__)
    if not isinstance(items, (list, tuple)) or not all(isinstance(x, dict) and set(x) <= fields and "file" in x for x in items):
        raise ParameterError("left_out", items, "use a list of {file, reason, detail, place, year} as a build writes it")
    out = [LeftOut(**x) for x in items]
    if any(x.reason not in REASONS for x in out):
        raise ParameterError("left_out", items, f"each reason one of: {', '.join(REASONS)}")
    return out


class _Parsed(Protocol):
    """What a worker gives back for one report file: its path, the error that stopped
    it (or ``None``) and its entry (``None`` where it failed)."""

    @property
    def path(self) -> str: ...

    @property
    def error(self) -> Optional[str]: ...

    @property
    def entry(self) -> Optional[Entry]: ...


P = TypeVar("P", bound=_Parsed)


def kept(files: Sequence[str | os.PathLike[str]], by_path: dict[str, P], say: Callable[[str], None]) -> tuple[list[P], list[Entry], Coverage]:
    """Of the reports parsed from ``files`` (``by_path``, in any order), those a table of
    many reports keeps (:func:`for_reports`), in the order of the files, each left out
    said in a line; with every file's entry and the coverage. No report parsed at all
    is :class:`~sdr_analysis.exceptions.NoReports`."""
    parsed = [by_path[str(f)] for f in files]  # the order of the inputs, whatever order they finished in
    if all(p.error for p in parsed):
        raise NoReports([str(f) for f in files], [(p.path, p.error or "") for p in parsed])
    entries = [p.entry if p.entry is not None else failed(p.path, (p.error or "").removeprefix(f"{p.path}: ")) for p in parsed]
    coverage = for_reports(entries)
    for line in coverage.lines():
        say(line)
    used = set(coverage.used)
    return [p for p in parsed if not p.error and p.path in used], entries, coverage
