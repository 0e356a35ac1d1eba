"""Reports read together: one place over years (a series: what each report promised,
and what the next one says was done) and many places in one year (who promised what).

A target of year Y comes from the report delivered in Y; its result from the review of
the report delivered in Y+1. A target is met when the result reaches it the way its
wording sets it (see :func:`assess`); where there is no next report, or the next one
states no result for the measure, the row says ``no data``; where the report says it
sets no target for the measure (``不设…目标``), ``not set``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from .exceptions import SeriesError
from .results import Result, Target
from .targets import measure

if TYPE_CHECKING:
    import pandas as pd

    from .report import Report

#: A target written 左右 (about) counts as met by a result this share of the target
#: below it (above it, for a ceiling): ``5%左右`` is met by 4.75%.
ABOUT = 0.05

STATUSES = ("met", "missed", "no data", "not set")

SERIES_COLUMNS = [
    "place", "year", "measure", "measure_en", "measure_zh", "name", "target", "target_max", "unit", "qualifier",
    "soft", "change", "target_text", "target_source", "target_start", "target_end", "result", "result_text",
    "result_source", "result_start", "result_end", "result_estimate", "status",
]
PLACES_COLUMNS = [
    "place", "year", "level", "measure", "measure_en", "measure_zh", "name", "value", "value_max", "unit", "qualifier",
    "soft", "change", "relative_to", "text", "source", "start", "end",
]


def load_reports(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list["Report"]:
    """The reports of a folder (its ``.txt`` and ``.html`` files) or of the files given,
    sorted by place, then year."""
    from .corpus import path_list, report_files
    from .report import load_report

    given = path_list(paths)
    reports = [load_report(p) for p in report_files(given)]
    return sorted(reports, key=lambda r: (place_of(r), year_of(r) or 0, r.source or ""))


def place_of(report: "Report") -> str:
    """The reporting government, outermost first (``内蒙古自治区呼伦贝尔市海拉尔区``);
    ``全国`` for the national report; the file's name where the text names no place."""
    m = report.metadata
    if m.place:
        return m.place
    if m.level == "national":
        return "全国"
    return Path(report.source).stem if report.source else "?"


def year_of(report: "Report") -> Optional[int]:
    """The year the report was delivered in (its targets are for this year)."""
    return report.metadata.year


def group(reports: Sequence["Report"]) -> tuple[dict[str, list["Report"]], dict[int, list["Report"]]]:
    """Series (a place with reports of two years or more: place → its reports by year)
    and cohorts (a year with reports of two places or more: year → its reports by
    place)."""
    by_place: dict[str, list[Report]] = {}
    by_year: dict[int, list[Report]] = {}
    for r in reports:
        by_place.setdefault(place_of(r), []).append(r)
        if year_of(r) is not None:
            by_year.setdefault(year_of(r), []).append(r)  # type: ignore[arg-type]
    series = {p: sorted(rs, key=lambda r: year_of(r) or 0) for p, rs in by_place.items() if len({year_of(r) for r in rs}) > 1}
    cohorts = {y: sorted(rs, key=place_of) for y, rs in sorted(by_year.items()) if len({place_of(r) for r in rs}) > 1}
    return series, cohorts


def check_one_place(reports: Sequence["Report"]) -> str:
    """The one place the reports are of; :class:`SeriesError` if they are of several,
    or hold two reports of one year."""
    if not reports:
        raise SeriesError("no reports given", "give the reports of one place over several years")
    unplaced = next((r for r in reports if not r.metadata.place and r.metadata.level != "national"), None)
    if unplaced is not None and len(reports) > 1:  # its file name stands in for the place: not a second place
        raise SeriesError(f"{unplaced.source or 'a report'}: the place it reports on is not found",
                          "a series needs each report's place (the title or opening lines name it)")
    places = sorted({place_of(r) for r in reports})
    if len(places) > 1:
        raise SeriesError(f"the reports are of {len(places)} places ({', '.join(places)})",
                          "a series is one place over years: give the reports of one place")
    years = [year_of(r) for r in reports]
    if None in years:
        missing = next(r for r in reports if year_of(r) is None)
        raise SeriesError(f"{missing.source or 'a report'}: the year it was delivered in is not found",
                          "a series needs each report's year (the title or date line)")
    repeated = sorted({y for y in years if years.count(y) > 1})  # type: ignore[type-var]
    if repeated:
        raise SeriesError(f"two reports of the year {repeated[0]}", "give one report per year")
    return places[0]


def assess(target: Target, result: Optional[Result]) -> str:
    """Whether ``result`` meets ``target``: ``met``, ``missed``, or ``no data`` where
    there is no result in the target's unit (or the target is relative to a
    benchmark); ``not set`` for a target the report says it does not set.

    The target's qualifier decides: ``以上`` (more_than) is a floor, ``以内``
    (less_than) a ceiling, a range is met inside it (below its top for a ceiling, from
    its bottom for a floor); an exact or ``左右`` target is a floor or a ceiling as its
    measure's ``goal`` says, ``左右`` with :data:`ABOUT` of slack."""
    if target.absent:
        return "not set"
    if result is None or result.value is None or target.value is None or target.relative_to:
        return "no data"
    if result.unit != target.unit:
        return "no data"
    value, got = target.value, result.value
    ceiling = measure(target.measure).goal == "ceiling"
    if target.qualifier == "more_than":
        ok = got >= value
    elif target.qualifier == "less_than":
        ok = got <= value
    elif target.qualifier == "range" and target.value_max is not None:
        ok = got <= target.value_max if ceiling else got >= value
    elif target.qualifier == "about":
        slack = abs(value) * ABOUT
        ok = got <= value + slack if ceiling else got >= value - slack
    else:
        ok = got <= value if ceiling else got >= value
    return "met" if ok else "missed"


def _annual(report: "Report") -> list[Target]:
    return [t for t in report.targets if t.horizon == "year"] + list(report.targets_absent)


def series_rows(reports: Sequence["Report"], measure_key: Optional[str] = None) -> list[dict]:
    """One row per year and measure (and growth or level) of the reports of one place:
    the target from that year's report and the result from the next year's review."""
    from .checks import check_measure

    if measure_key is not None:
        check_measure(measure_key, allow_all=True)
    place = check_one_place(reports)
    by_year = {year_of(r): r for r in reports}
    rows = []
    for year in sorted(by_year):  # type: ignore[type-var]
        report, following = by_year[year], by_year.get(year + 1)  # type: ignore[operator]
        seen: set[tuple[str, bool]] = set()
        for t in _annual(report):
            if measure_key and t.measure != measure_key:
                continue
            if t.measure == "other" or (t.measure, t.change) in seen:
                continue  # one row per measure and kind: the first target of it
            seen.add((t.measure, t.change))
            result = following.result(t.measure, t.change) if following is not None else None
            m = measure(t.measure)
            rows.append({
                "place": place, "year": year, "measure": t.measure, "measure_en": m.en, "measure_zh": m.zh,
                "name": t.name, "target": t.value, "target_max": t.value_max, "unit": t.unit, "qualifier": t.qualifier,
                "soft": t.soft, "change": t.change, "target_text": t.text, "target_source": report.source,
                "target_start": t.start, "target_end": t.end,
                "result": result.value if result else None, "result_text": result.text if result else None,
                "result_source": following.source if result and following else None,
                "result_start": result.start if result else None, "result_end": result.end if result else None,
                "result_estimate": result.estimate if result else None, "status": assess(t, result),
            })
    return rows


def series_frame(reports: Sequence["Report"], measure: Optional[str] = None) -> "pd.DataFrame":
    """:func:`series_rows` as a table (columns :data:`SERIES_COLUMNS`)."""
    import pandas as pd

    return pd.DataFrame(series_rows(reports, measure), columns=SERIES_COLUMNS)


def places_rows(reports: Sequence["Report"]) -> list[dict]:
    """Every annual target of every report: one row each, with its place and year."""
    rows = []
    for report in reports:
        for t in report.targets:
            if t.horizon != "year":
                continue
            m = measure(t.measure)
            rows.append({
                "place": place_of(report), "year": year_of(report), "level": report.metadata.level,
                "measure": t.measure, "measure_en": m.en, "measure_zh": m.zh, "name": t.name, "value": t.value,
                "value_max": t.value_max, "unit": t.unit, "qualifier": t.qualifier, "soft": t.soft, "change": t.change,
                "relative_to": t.relative_to, "text": t.text, "source": report.source, "start": t.start, "end": t.end,
            })
    return rows


def places_frame(reports: Sequence["Report"]) -> "pd.DataFrame":
    """:func:`places_rows` as a table (columns :data:`PLACES_COLUMNS`)."""
    import pandas as pd

    return pd.DataFrame(places_rows(reports), columns=PLACES_COLUMNS)
