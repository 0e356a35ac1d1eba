"""The research panel: every report as tidy place-year data, in one pass.

>>> import sdr_analysis
>>> p = sdr_analysis.panel(["reports/"])                      # doctest: +SKIP
>>> p.targets.query("measure == 'gdp' and change").groupby("level", observed=True).value.mean()  # doctest: +SKIP

:func:`panel` reads any number of reports (files and folders, as ``corpus`` does), on
all cores, and gives a :class:`Panel` of six tables (see
:data:`sdr_analysis.panel_tables.COLUMNS` for their columns):

- ``reports``: one row per report: its place, year, session, speaker and sizes;
- ``targets``: one row per target (and per measure the report says it sets no target
  for), with ``binding`` hard or soft;
- ``results``: one row per past-year result the review states;
- ``outcomes``: each year's targets against the results the next year's report of the
  same place states, judged as the series page judges them
  (:func:`sdr_analysis.series.series_rows`);
- ``chain``: each target against the same measure's target of the nearest superior
  government in the same year among the reports (county or district → city →
  province → national; a level without a report, or without a target of the measure,
  is skipped), and the difference, ``amplification``;
- ``attention``: the rows of :func:`sdr_analysis.attention.attention_rows` (one per
  report and dictionary), or of the function given as ``attention``.

Two copies of one report (same place and year) are one, as for ``corpus``
(:func:`sdr_analysis.coverage.for_reports`). :meth:`Panel.write` writes each table as
CSV, Parquet and Stata, each with its data dictionary.
"""

from __future__ import annotations

import logging
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple, Optional, Sequence

from .chars import COLONS, COMMAS, SEMICOLONS, STOPS
from .corpus import DEFAULT_JOBS, check_outputs, path_list, report_files
from .coverage import Coverage, Entry, entry_of, kept
from .exceptions import NoReports, OutputError, ParameterError, SdrError
from .outputs import PANEL_TABLES, file_sha
from .panel_tables import ATTENTION_KEYS, COLUMNS, FORMATS, Column, check_formats, inferred, table_paths, typed, write_table
from .results import Metadata, Result, Target
from .words import words
from .workers import Workers

if TYPE_CHECKING:
    import pandas as pd

    from .report import Report

#: The tables of a panel, in the order they are written (the names a build's folder
#: holds as its own files, :data:`sdr_analysis.outputs.PANEL_TABLES`).
TABLES = PANEL_TABLES
#: The superiors of each level, nearest first.
SUPERIORS = {
    "street": ("district", "county", "city", "province", "national"),
    "county": ("city", "province", "national"),
    "district": ("city", "province", "national"),
    "city": ("province", "national"),
    "province": ("national",),
    "national": (),
}
#: Words in a target's clause by which the government binds itself (``data/panel.toml``).
HARD_WORDS = words("panel", "hard")
CLAUSE_ENDS = COMMAS + SEMICOLONS + COLONS + STOPS + "\n"

log = logging.getLogger(__name__)

AttentionFunction = Callable[["Report"], list[dict]]


class _Parsed(NamedTuple):
    """What a worker sends back of one report (or why it could not be read)."""

    path: str
    row: dict
    metadata: Optional[Metadata]
    targets: list[Target]
    absent: list[Target]
    results: list[Result]
    bindings: list[Optional[str]]
    attention: list[dict]
    entry: Optional[Entry]
    error: Optional[str] = None
    traceback: str = ""


class _Light:
    """A parsed report as :func:`sdr_analysis.series.series_rows` reads one."""

    def __init__(self, parsed: _Parsed) -> None:
        self.source = parsed.path
        self.metadata = parsed.metadata
        self.targets = parsed.targets
        self.targets_absent = parsed.absent
        self.results = parsed.results

    def result(self, measure: str, change: bool = True) -> Optional[Result]:
        from .report import Report

        return Report.result(self, measure, change)  # type: ignore[arg-type]  # the same lookup as a report's


class _Attention:
    """:func:`sdr_analysis.attention.attention_rows` of the dictionaries loaded once, as
    a function of the report (sent to the workers)."""

    def __init__(self, rows: Callable[..., list[dict]], dictionaries: Sequence[Any]) -> None:
        self.rows = rows
        self.dictionaries = list(dictionaries)

    def __call__(self, report: "Report") -> list[dict]:
        return self.rows(report, self.dictionaries)


_worker_attention: Optional[AttentionFunction] = None


def _set_attention(fn: Optional[AttentionFunction]) -> None:
    global _worker_attention
    _worker_attention = fn


def binding(report_text: str, t: Target) -> Optional[str]:
    """``soft`` for a target the report strives for (力争, 争取) or sets about (左右),
    ``hard`` for one it binds itself to (确保 in its clause, 以上, 不低于, 以内), else
    ``None``."""
    if t.absent:
        return None
    if t.soft:
        return "soft"
    clause = max(report_text.rfind(ch, 0, t.start) for ch in CLAUSE_ENDS) + 1
    if any(w in report_text[clause : t.end] for w in HARD_WORDS) or t.qualifier in ("more_than", "less_than"):
        return "hard"
    return "soft" if t.qualifier == "about" else None


def _failed(path: str, exc: Exception) -> _Parsed:
    """Why a report could not be read (called where ``exc`` is handled): a package
    error in its own words; any other with its type and traceback. One unreadable
    report must not stop the others."""
    if isinstance(exc, SdrError):
        return _Parsed(path, {}, None, [], [], [], [], [], None, str(exc))
    return _Parsed(path, {}, None, [], [], [], [], [], None, f"{type(exc).__name__}: {exc}", traceback.format_exc())


def _parse(path: str) -> _Parsed:
    """One report's rows (run in a worker)."""
    from .report import load_report

    try:
        report = load_report(path)
    except Exception as exc:
        return _failed(path, exc)
    return _parsed(report, path, _worker_attention)


def _parsed(report: "Report", path: str, attention: Optional[AttentionFunction]) -> _Parsed:
    """The rows of a report already read."""
    try:
        meta = report.metadata
        start, end = report.body
        row = {
            "adcode": meta.adcode, "level": meta.level, "province": meta.province, "city": meta.city,
            "district": meta.district, "county": meta.county, "year": meta.year, "date": meta.date, "session": meta.session,
            "speaker": meta.speaker, "characters": end - start, "sentences": len(report.sentences),
            "sections": len(report.summaries), "figures": len(report.indicators), "claims": len(report.claims),
            "file": path, "sha256": file_sha(Path(path)),
        }
        targets = list(report.targets)
        bindings = [binding(report.text, t) for t in targets]
        rows = attention(report) if attention is not None else []
        return _Parsed(path, row, meta, targets, list(report.targets_absent), list(report.results), bindings, rows, entry_of(report))
    except Exception as exc:
        return _failed(path, exc)


@dataclass
class Panel:
    """The tables of a panel (pandas frames, typed as their files are), and which
    report files were used and left out."""

    reports: "pd.DataFrame"
    targets: "pd.DataFrame"
    results: "pd.DataFrame"
    outcomes: "pd.DataFrame"
    chain: "pd.DataFrame"
    attention: Optional["pd.DataFrame"] = None
    coverage: Coverage = field(default_factory=Coverage)
    columns: dict[str, list[Column]] = field(default_factory=dict)

    @property
    def tables(self) -> dict[str, "pd.DataFrame"]:
        """The tables made, by name."""
        return {name: getattr(self, name) for name in TABLES if name in self.columns}

    def __getitem__(self, name: str) -> "pd.DataFrame":
        check_tables([name])
        if name not in self.tables:
            raise ParameterError("table", name, f"this panel was made without it; it has {', '.join(self.tables)}")
        return self.tables[name]

    def write(self, out: str | os.PathLike[str], formats: Sequence[str] = FORMATS) -> list[Path]:
        """Write every table into the folder ``out`` (made if its parent is there) in
        each format, each with its dictionary (``<table>.dictionary.csv``). Returns the
        files written."""
        formats = check_formats(formats)
        folder = _out_folder(out)
        check_outputs([p for name in self.tables for p in table_paths(folder, name, formats)], [Path(f) for f in self.reports.file])
        try:
            return [p for name, frame in self.tables.items() for p in write_table(folder, name, frame, self.columns[name], formats)]
        except OSError as exc:
            raise OutputError(str(folder), f"cannot be written ({exc.strerror or exc}); choose a folder you can write") from None


def check_tables(names: Iterable[str]) -> list[str]:
    """The table names, each one of :data:`TABLES`; :class:`ParameterError` otherwise."""
    names = list(names)
    unknown = [n for n in names if n not in TABLES]
    if unknown or not names:
        raise ParameterError("tables", unknown[0] if unknown else names, f"give some of: {', '.join(TABLES)}")
    return names


def _out_folder(out: str | os.PathLike[str]) -> Path:
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise OutputError(str(folder), "is not a folder; give --out a folder to write the tables into")
    if not folder.parent.is_dir():
        raise OutputError(str(folder.parent), "no such folder; create it first")
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(str(folder), f"cannot be made ({exc.strerror or exc}); choose a folder you can write") from None
    return folder


def _say(line: str) -> None:
    log.log(logging.WARNING if line.startswith("warning:") else logging.INFO, line)


def default_attention(dictionaries: Sequence[str | os.PathLike[str]] = ()) -> AttentionFunction:
    """:func:`sdr_analysis.attention.attention_rows` of the package's dictionaries and
    those of the files ``dictionaries``."""
    from .attention import load_dictionaries

    return attention_of(load_dictionaries(dictionaries))


def attention_of(dictionaries: Sequence[Any]) -> AttentionFunction:
    """:func:`sdr_analysis.attention.attention_rows` of dictionaries already loaded
    (:func:`sdr_analysis.attention.load_dictionaries`)."""
    from .attention import attention_rows

    return _Attention(attention_rows, dictionaries)


def panel(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    tables: Optional[Iterable[str]] = None,
    attention: Optional[AttentionFunction] = None,
    dictionaries: Sequence[str | os.PathLike[str]] = (),
    jobs: int = DEFAULT_JOBS,
    say: Callable[[str], None] = _say,
) -> Panel:
    """The panel of the reports of ``paths`` (files, and folders searched as
    :func:`sdr_analysis.corpus.report_files` does), parsed on ``jobs`` processes with
    a progress line a report to ``say``. ``tables`` names the tables to make (default:
    all, :data:`TABLES`); ``attention`` is the function giving a report's attention
    rows (default: :func:`sdr_analysis.attention.attention_rows` over the package's
    dictionaries and those of the files ``dictionaries``). Raises
    :class:`~sdr_analysis.exceptions.NoReports` where no report can be read,
    :class:`~sdr_analysis.exceptions.InputNotFound` for a path that is not there,
    :class:`~sdr_analysis.exceptions.ParameterError` for an unknown table."""
    wanted = check_tables(TABLES if tables is None else tables)
    given = path_list(paths)
    files = report_files(given)
    if not files:
        raise NoReports([str(p) for p in given])
    fn = _attention_of(wanted, attention, dictionaries)
    by_path: dict[str, _Parsed] = {}
    with Workers(min(max(1, jobs), len(files)), _set_attention, (fn,)) as pool:
        for n, (path, parsed) in enumerate(pool.run(_parse, [str(f) for f in files]), start=1):
            _said(parsed, n, len(files), say)
            by_path[path] = parsed
    return _assembled(files, by_path, wanted, fn is not None, say)


def panel_of(
    reports: Sequence["Report"],
    tables: Optional[Iterable[str]] = None,
    attention: Optional[AttentionFunction] = None,
    dictionaries: Sequence[str | os.PathLike[str]] = (),
    say: Callable[[str], None] = _say,
) -> Panel:
    """The panel of reports already read (each with its file, ``report.source``), as
    :func:`panel` makes it of their files, parsing none again: what a build of many
    reports uses for the reports it compares."""
    wanted = check_tables(TABLES if tables is None else tables)
    reports = list(reports)
    if not reports:
        raise NoReports([])
    fn = _attention_of(wanted, attention, dictionaries)
    # one report per file, as report_files gives one path per file
    by_file: dict[str, "Report"] = {}
    for n, r in enumerate(reports, start=1):
        by_file.setdefault(str(Path(r.source or f"report-{n}")), r)
    files = [Path(f) for f in by_file]
    reports = list(by_file.values())
    by_path: dict[str, _Parsed] = {}
    for n, (f, r) in enumerate(zip(files, reports), start=1):
        by_path[str(f)] = parsed = _parsed(r, str(f), fn)
        _said(parsed, n, len(files), say)
    return _assembled(files, by_path, wanted, fn is not None, say)


def _attention_of(wanted: list[str], attention: Optional[AttentionFunction],
                  dictionaries: Sequence[str | os.PathLike[str]]) -> Optional[AttentionFunction]:
    if "attention" not in wanted:
        return None
    return attention if attention is not None else default_attention(dictionaries)


def _said(parsed: _Parsed, n: int, total: int, say: Callable[[str], None]) -> None:
    """The progress line of one report."""
    if parsed.error:
        say(f"[{n}/{total}] skipped {parsed.path}: {parsed.error}")
        if parsed.traceback:
            log.debug("%s failed:\n%s", parsed.path, parsed.traceback)
    else:
        say(f"[{n}/{total}] {parsed.path}: {len(parsed.targets)} targets, {len(parsed.results)} results")


def _assembled(files: Sequence[Path], by_path: dict[str, _Parsed], wanted: list[str], with_attention: bool,
               say: Callable[[str], None]) -> Panel:
    """The panel's tables of the reports parsed, ``by_path``."""
    from .series import place_of

    good, _, coverage = kept(list(files), by_path, say)
    places = {p.path: place_of(_Light(p)) for p in good}  # type: ignore[arg-type]  # what place_of reads of a report
    rows = _rows(good, places, with_attention)
    columns = {name: COLUMNS[name] for name in wanted if name != "attention"}
    if "attention" in wanted:
        columns["attention"] = _attention_columns(rows["attention"])
    frames = {name: typed(rows[name], columns[name]) for name in columns}
    empty = typed([], [])
    return Panel(**{name: frames.get(name, empty) for name in TABLES}, coverage=coverage, columns=columns)


def _attention_columns(rows: list[dict]) -> list[Column]:
    import pandas as pd

    keys = [c.name for c in ATTENTION_KEYS]
    names = keys + [k for r in rows for k in r if k not in keys]
    return inferred(pd.DataFrame(rows, columns=list(dict.fromkeys(names))), ATTENTION_KEYS, "see sdr_analysis.attention")


def _keys(p: _Parsed, place: str) -> dict:
    meta = p.metadata
    assert meta is not None
    return {"adcode": meta.adcode, "place": place, "level": meta.level, "year": meta.year, "file": p.path}


def _target_row(keys: dict, t: Target, binding_: Optional[str]) -> dict:
    return {**keys, "measure": t.measure, "name": t.name, "change": t.change, "value": t.value, "value_max": t.value_max,
            "unit": t.unit, "qualifier": t.qualifier, "binding": binding_, "horizon": t.horizon, "relative_to": t.relative_to,
            "absent": t.absent, "text": t.text, "text_start": t.start, "text_end": t.end}


def _rows(good: list[_Parsed], places: dict[str, str], with_attention: bool) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for p in good:
        keys = _keys(p, places[p.path])
        rows["reports"].append({**p.row, "place": keys["place"]})
        rows["targets"] += [_target_row(keys, t, b) for t, b in zip(p.targets, p.bindings)]
        rows["targets"] += [_target_row(keys, t, None) for t in p.absent]
        year = keys["year"]
        rows["results"] += [{**keys, "measure": r.measure, "name": r.name, "change": r.change, "value": r.value, "unit": r.unit,
                             "qualifier": r.qualifier, "of_year": None if year is None else year - 1, "estimate": r.estimate, "text": r.text,
                             "text_start": r.start, "text_end": r.end} for r in p.results]
        if with_attention:
            rows["attention"] += [{**keys, **row} for row in p.attention]
    rows["outcomes"] = _outcomes(good, places, rows["targets"])
    rows["chain"] = _chain(good, places, rows["targets"])
    return rows


def _outcomes(good: list[_Parsed], places: dict[str, str], targets: list[dict]) -> list[dict]:
    """Each place's targets of year Y against the results its report of Y+1 states:
    :func:`sdr_analysis.series.series_rows`, by place."""
    from .series import series_rows

    by_place: dict[str, list[_Parsed]] = {}
    for p in good:
        if p.metadata is not None and p.metadata.year is not None:
            by_place.setdefault(places[p.path], []).append(p)
    bindings = {(t["file"], t["text_start"]): t["binding"] for t in targets}
    keys = {p.path: _keys(p, places[p.path]) for p in good}
    out = []
    for group in by_place.values():
        for row in series_rows([_Light(p) for p in group]):  # type: ignore[misc]  # what series_rows reads of a report
            source = row["target_source"]
            out.append({
                **keys[source], "measure": row["measure"], "name": row["name"], "change": row["change"], "value": row["target"],
                "value_max": row["target_max"], "unit": row["unit"], "qualifier": row["qualifier"],
                "binding": bindings.get((source, row["target_start"])), "text": row["target_text"], "text_start": row["target_start"],
                "text_end": row["target_end"], "result_value": row["result"], "result_text": row["result_text"],
                "result_file": row["result_source"], "result_start": row["result_start"], "result_end": row["result_end"],
                "result_estimate": row["result_estimate"], "status": row["status"],
            })
    return out


def _superior(p: Metadata, q: Metadata, level: str) -> bool:
    """Whether ``q`` is the government of ``level`` above ``p`` (same year)."""
    if q.level != level or q.year != p.year:
        return False
    if level == "national":
        return True
    same = {"province": ("province",), "city": ("province", "city"), "district": ("province", "city", "district"),
            "county": ("province", "city", "county")}[level]
    return all(getattr(q, f) and getattr(q, f) == getattr(p, f) for f in same)


def _chain(good: list[_Parsed], places: dict[str, str], targets: list[dict]) -> list[dict]:
    """Each target against the same measure's target of the nearest superior with one."""
    by_file: dict[str, dict[tuple, dict]] = {}
    for t in targets:
        if t["absent"] is None and t["measure"] != "other":
            by_file.setdefault(t["file"], {}).setdefault((t["measure"], t["change"], t["horizon"]), t)  # the first of each
    metas = {p.path: p.metadata for p in good if p.metadata is not None}
    # a superior is of the same year: each report is looked for only among the reports
    # of its superiors' levels and its year, not among all of them
    by_level_year: dict[tuple, list[tuple[str, Metadata]]] = {}
    for f, m in metas.items():
        by_level_year.setdefault((m.level, m.year), []).append((f, m))
    # each report's superiors among the inputs, nearest level first: found once per report
    superiors_of = {path: [f for level in SUPERIORS.get(meta.level or "", ())
                           for f, m in by_level_year.get((level, meta.year), ()) if _superior(meta, m, level)]
                    for path, meta in metas.items()}
    out = []
    for t in targets:
        if t["absent"] is not None:
            continue
        meta = metas[t["file"]]
        superiors = superiors_of[t["file"]]
        sup = next((by_file[f][key] for f in superiors if (key := (t["measure"], t["change"], t["horizon"])) in by_file.get(f, {})), None)
        row = {k: t[k] for k in ("adcode", "place", "level", "year", "file", "measure", "name", "change", "value", "unit",
                                 "qualifier", "horizon", "text", "text_start", "text_end")}
        if sup is not None:
            row.update({f"superior_{k}": sup[k] for k in ("level", "adcode", "place", "file", "name", "value", "unit", "qualifier", "text")})
        row["amplification"], row["reason"] = _difference(t, sup, bool(superiors), meta.level)
        out.append(row)
    return out


def _difference(t: dict, sup: Optional[dict], any_superior: bool, level: Optional[str]) -> tuple[Optional[float], Optional[str]]:
    if t["measure"] == "other":
        return None, "a measure not in the table of measures"
    if sup is None:
        if level == "national":
            return None, "the national government has no superior"
        return None, "no superior's target of this measure among the reports" if any_superior else "no superior's report among the reports"
    if t["relative_to"] or sup["relative_to"]:
        return None, "a target relative to a benchmark"
    if t["value"] is None or sup["value"] is None:
        return None, "no value"
    if t["unit"] != sup["unit"]:
        return None, f"units differ ({t['unit']} against {sup['unit']})"
    return round(t["value"] - sup["value"], 10), None
