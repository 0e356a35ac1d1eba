"""Many reports at once: one table of every report's indicators, one of its sections
and one of its targets, each row carrying the report's metadata.

Reports are parsed on all cores; a report that cannot be read is named and skipped
and the rest go on. The tables are written to a temporary file beside the output and
renamed into place at the end, so a failed or interrupted run never leaves a partial
table; the workers end with the command (:mod:`sdr_analysis.workers`). An output
that is one of the inputs is refused.
"""

from __future__ import annotations

import csv
import logging
import operator
import os
import secrets
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple, Optional

from .amounts import MONEY_COLUMNS, money_columns
from .coverage import entry_of, kept
from .exceptions import InputNotFound, NoReports, OutputError, ParameterError, SdrError
from .outputs import safe_cell
from .results import Indicator, Target
from .workers import Workers

if TYPE_CHECKING:
    from .coverage import Entry

#: Files taken from a folder: text dumps and saved pages.
REPORT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".pdf", ".docx")
DEFAULT_JOBS = 2

log = logging.getLogger(__name__)

META_COLUMNS = ["report", "province", "city", "district", "county", "street", "level", "adcode", "year", "session", "date", "speaker"]
INDICATOR_COLUMNS = META_COLUMNS + [
    "part", "period", "section", "text", "value", "value_max", "unit", "kind", "role", "qualifier", "each", "label", "start", "end",
]
#: The indicator's own fields in its row (read straight from it: a report may have
#: tens of thousands).
FIGURE_FIELDS = tuple(c for c in INDICATOR_COLUMNS if c in Indicator.__dataclass_fields__)
figure_fields = operator.attrgetter(*FIGURE_FIELDS)
#: One row per policy section: the part it is in (number, title, period; empty for a
#: report without parts, whose period is told from its wording), its ``key``
#: (``三.二``), and its summary (see :class:`~sdr_analysis.results.SectionSummary`).
SECTION_COLUMNS = META_COLUMNS + [
    "part", "part_title", "period", "key", "number", "marker", "title", "level_in_report", "start", "end",
    "characters", "themes", "sentences", "indicators", "per_1000_chars", *MONEY_COLUMNS, "claims",
]
#: One row per target (annual, five-year, and measures set no target on purpose): see
#: :class:`~sdr_analysis.results.Target`.
TARGET_COLUMNS = META_COLUMNS + [
    "horizon", "measure", "name", "value", "value_max", "unit", "qualifier", "soft", "change", "relative_to", "absent",
    "section", "text", "start", "end",
]
#: The target's own fields in its row, read straight from it (its fields are plain
#: values: no copy needed).
TARGET_FIELDS = tuple(c for c in TARGET_COLUMNS if c in Target.__dataclass_fields__)
target_fields = operator.attrgetter(*TARGET_FIELDS)


class Parsed(NamedTuple):
    """One report's rows, or the reason it could not be read (and, for an error that
    is not about the report, its traceback)."""

    path: str
    indicators: list[dict]
    sections: list[dict]
    targets: list[dict]
    error: Optional[str]
    traceback: str = ""
    entry: Optional["Entry"] = None


def path_list(paths: object) -> list[str | os.PathLike[str]]:
    """Paths as a list: one path (a str or a :class:`~pathlib.Path`) is a list of one;
    anything else than paths raises :class:`ParameterError`."""
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    if not isinstance(paths, (bytes, dict)) and isinstance(paths, Iterable):
        given = list(paths)
        if all(isinstance(p, (str, os.PathLike)) for p in given):
            return given
    raise ParameterError("paths", paths, "give report files or folders of reports: a path, or a list of paths as str or pathlib.Path")


def report_files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The report files named, and those in the folders named (all levels down), in
    order (one path, or a list of them: :func:`path_list`); a path that does not exist
    is an error."""
    out: list[Path] = []
    for raw in path_list(paths):
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(_files_under(p)))
        elif p.exists() or p.is_symlink():  # a file, or something that is not one: reading says which
            out.append(p)
        else:
            raise InputNotFound(str(raw))
    return out


def _files_under(folder: Path) -> Iterator[Path]:
    """The report files of a folder, all levels down; a folder that cannot be read is
    said in a warning, not skipped in silence."""

    def unreadable(exc: OSError) -> None:
        log.warning(f"warning: {exc.filename}: cannot be read ({exc.strerror or exc}); its reports are left out")

    for dirpath, _dirnames, filenames in os.walk(folder, onerror=unreadable):
        for name in filenames:
            f = Path(dirpath) / name
            if f.suffix.lower() in REPORT_SUFFIXES and f.is_file():
                yield f


def parse_one(path: str) -> Parsed:
    """Rows for one report (run in a worker process)."""
    from .report import load_report

    try:
        report = load_report(path)
        meta = report.metadata
        base = {
            "report": path,
            "province": meta.province, "city": meta.city, "district": meta.district, "county": meta.county,
            "street": meta.street, "level": meta.level, "adcode": meta.adcode, "year": meta.year, "session": meta.session, "date": meta.date,
            "speaker": meta.speaker,
        }
        summaries = report.summaries
        where = {s.key: {"part": s.part, "period": s.period} for s in reversed(summaries)}  # a repeated key: the first
        indicators = []
        for i in report.indicators:
            row = base.copy()
            row.update(where.get(i.section or "", ()))
            row.update(zip(FIGURE_FIELDS, figure_fields(i)))
            indicators.append(row)
        sections = [
            {
                **base, "part": s.part, "part_title": s.part_title, "period": s.period, "key": s.key,
                "number": s.number, "marker": s.marker, "title": s.title, "level_in_report": s.level,
                "start": s.start, "end": s.end, "characters": s.characters, "themes": s.themes,
                "sentences": s.sentences, "indicators": s.indicators, "per_1000_chars": s.density,
                **money_columns(s), "claims": s.claims,
            }
            for s in summaries
        ]
        targets = [{**base, **dict(zip(TARGET_FIELDS, target_fields(t)))} for t in report.targets + report.targets_absent]
        return Parsed(path, indicators, sections, targets, None, entry=entry_of(report))
    except SdrError as exc:
        return Parsed(path, [], [], [], str(exc))
    except Exception as exc:  # one unreadable report must not stop the others
        return Parsed(path, [], [], [], f"{type(exc).__name__}: {exc}", traceback.format_exc())


def sections_path(out: Path) -> Path:
    """Where the sections table goes: beside the indicators table (``x.csv`` →
    ``x-sections.csv``)."""
    return out.with_name(f"{out.stem}-sections{out.suffix or '.csv'}")


def coverage_path(out: Path) -> Path:
    """Where the list of the report files used and left out goes: beside the
    indicators table (``x.csv`` → ``x-coverage.csv``)."""
    return out.with_name(f"{out.stem}-coverage{out.suffix or '.csv'}")


def targets_path(out: Path) -> Path:
    """Where the targets table goes: beside the indicators table (``x.csv`` →
    ``x-targets.csv``)."""
    return out.with_name(f"{out.stem}-targets{out.suffix or '.csv'}")


def _write(path: Path, columns: list[str], rows: Iterable[dict]) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        # created like any new file (the usual permissions, as the umask says)
        # a file name that is not UTF-8 is written with backslash escapes
        with open(tmp, "x", encoding="utf-8", errors="backslashreplace", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _say(line: str) -> None:
    """Progress at info level, lines that start with ``warning:`` at warning level."""
    log.log(logging.WARNING if line.startswith("warning:") else logging.INFO, line)


def build_corpus(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    jobs: int = DEFAULT_JOBS,
    say: Callable[[str], None] = _say,
) -> tuple[int, list[tuple[str, str]]]:
    """Parse every report and write the indicators table to ``out`` and the sections
    and targets tables beside it, and the list of the files used and left out
    (:func:`coverage_path`). Two copies of one report (same place and year) are one:
    the tables hold one (:func:`sdr_analysis.coverage.for_reports` says which).
    Returns (reports written, [(report, reason) left out]). Progress, a line a
    report, goes to ``say`` (by default the ``sdr_analysis.corpus`` logger, at info
    level), then a warning line per file left out; the traceback of a
    report that failed other than by being unreadable is logged at debug level."""
    from .coverage import COVERAGE_COLUMNS

    paths = path_list(paths)
    if not isinstance(out, (str, os.PathLike)):
        raise ParameterError("out", out, "give the path of the indicators table to write, as a str or pathlib.Path")
    out = Path(out)
    files = report_files(paths)
    if not files:
        raise NoReports([str(p) for p in paths])
    check_outputs([out, sections_path(out), targets_path(out), coverage_path(out)], files)
    by_path: dict[str, Parsed] = {}
    with Workers(min(max(1, jobs), len(files))) as pool:
        for n, (path, parsed) in enumerate(pool.run(parse_one, [str(f) for f in files]), start=1):
            if parsed.error:
                say(f"[{n}/{len(files)}] skipped {parsed.path}: {parsed.error}")
                if parsed.traceback:
                    log.debug("%s failed:\n%s", parsed.path, parsed.traceback)
            else:
                say(f"[{n}/{len(files)}] {parsed.path}: {len(parsed.indicators)} indicators, {len(parsed.sections)} sections, "
                    f"{len(parsed.targets)} targets")
            by_path[path] = parsed
    good, entries, coverage = kept(files, by_path, say)
    try:
        _write(out, INDICATOR_COLUMNS, (row for r in good for row in r.indicators))
        _write(sections_path(out), SECTION_COLUMNS, (row for r in good for row in r.sections))
        _write(targets_path(out), TARGET_COLUMNS, (row for r in good for row in r.targets))
        _write(coverage_path(out), COVERAGE_COLUMNS, _with_place(coverage.rows(), entries))
    except OSError as exc:
        raise OutputError(str(out), f"cannot be written ({exc.strerror or exc}); choose a folder you can write") from None
    return len(good), [(x.file, x.words("en")) for x in coverage.left_out]


def _with_place(rows: list[dict], entries: list["Entry"]) -> list[dict]:
    """The coverage rows in the order the files were given, each with its place and
    year as its report names them."""
    by_file = {e.file: e for e in entries}
    order = {e.file: i for i, e in enumerate(entries)}
    rows = sorted(rows, key=lambda row: order.get(row["file"], len(order)))
    return [{**row, "place": by_file[row["file"]].place, "year": by_file[row["file"]].year} if row["file"] in by_file else row
            for row in rows]



def check_outputs(outs: list[Path], inputs: list[Path]) -> None:
    """Refuse outputs that cannot be written, or that would overwrite an input."""
    for out in outs:
        if not out.parent.is_dir():
            raise OutputError(str(out.parent), "no such folder for --out; create it first")
        if out.is_dir():
            raise OutputError(str(out), f"is a folder; give --out a file name such as {out / 'corpus.csv'}")
        if out.exists() and not out.is_file():
            raise OutputError(str(out), "is not a regular file (a device, a pipe); give --out the name of a file to write")
        if not os.access(out.parent, os.W_OK | os.X_OK):
            raise OutputError(str(out.parent), "this folder is read-only; choose a folder you can write")
        if out.exists() and any(out.samefile(f) for f in inputs):
            raise OutputError(str(out), "is one of the reports read; give --out a new file name")
