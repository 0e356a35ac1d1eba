"""The ``sdr-analysis`` command: findings of a report as tables or JSON, and builds.

It never ends in a traceback:

- bad input, or an output that cannot be written (a full disk), gives one line on
  stderr and exit status 2;
- a reader that goes away (``sdr-analysis indicators FILE | head -1``) ends the
  command quietly with status 141, as a POSIX tool killed by SIGPIPE ends;
- a terminal or locale that cannot show Chinese (``LC_ALL=C``,
  ``PYTHONIOENCODING=ascii``) gets JSON with ``\\u`` escapes and tables with
  backslash escapes instead of the characters;
- Ctrl-C exits with status 130, SIGTERM with 143.

Progress (builds, ``corpus``) goes to stderr through :mod:`logging`: ``-q`` keeps
only warnings and errors, ``-v`` adds debug lines (what workers and kernels wrote to
their stderr, the traceback behind a failed notebook).
"""

from __future__ import annotations

import argparse
import codecs
import errno
import json
import logging
import os
import re
import select
import signal
import sys
import unicodedata
from pathlib import Path
from typing import Any, Optional, Sequence

from . import __version__
from .chars import TERMINAL_CONTROLS
from .exceptions import NoReportGiven, ParameterError, SdrError, Terminated

SEED = Path(__file__).resolve().parent.parent / "seeds" / "dalian-shahekou-2022.txt"

#: Exit status when the reader of the output went away: 128 + SIGPIPE, as a shell
#: reports a POSIX tool that SIGPIPE ended.
EXIT_BROKEN_PIPE = 141

#: What writing stdout fails with when the disk or device takes no more.
WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}

log = logging.getLogger(__name__)

#: Columns of the readable tables, per command.
TABLE_COLUMNS = {
    "sections": ("heading", "kind", "period", "key", "start", "end"),
    "indicators": ("section", "text", "value", "unit", "kind", "qualifier", "label", "start"),
    "claims": ("section", "kind", "scope", "position", "text", "start"),
    "relations": ("section", "kind", "direction", "text", "start"),
    "terms": ("section", "text", "start"),
    "targets": ("horizon", "measure", "name", "value", "value_max", "unit", "qualifier", "soft", "text", "start"),
    "results": ("measure", "name", "change", "value", "unit", "qualifier", "estimate", "text", "start"),
    "series": ("year", "measure", "name", "target", "target_max", "unit", "qualifier", "result", "status"),
}


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (Chinese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


#: What a table cell may not print as it is: a terminal would act on it.
CONTROL = re.compile(f"[{TERMINAL_CONTROLS}]")


def shown(value: object) -> str:
    """A table cell: ``None`` as nothing, control characters (escapes that would move
    the cursor, clear the screen or set the clipboard) as ``\\x1b`` and the like."""
    text = "" if value is None else str(value)
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def table(rows: Sequence[dict], columns: Sequence[str]) -> str:
    cells = [[shown(r.get(c)) for c in columns] for r in rows]
    widths = [max([width(c)] + [width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values):
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    return "\n".join(out)


#: How many characters of a heading's title the tree shows.
TREE_TITLE = 30


def tree(rows: list[dict]) -> list[dict]:
    """Headings as a tree: each indented by its level, appendix headings marked."""
    out = []
    for r in rows:
        title = r["title"] if len(r["title"]) <= TREE_TITLE else r["title"][: TREE_TITLE - 1] + "…"
        label = "  " * (r["level"] - 1) + r["marker"].replace("\n", "").replace("\r", "") + title
        out.append({**r, "heading": label, "kind": "appendix" if r["appendix"] else r["kind"]})
    return out


def dump_json(data: Any) -> None:
    """JSON on stdout: Chinese as itself where stdout can write it, else as ``\\u``
    escapes (the same JSON to a reader)."""
    json.dump(data, sys.stdout, ensure_ascii=not _writes_unicode(sys.stdout), indent=1)
    sys.stdout.write("\n")


def _writes_unicode(stream: Any) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-16", "utf-32", "gb18030", "utf-8-sig")
    except LookupError:
        return False


def records(command: str, report) -> list[dict]:
    if command == "sections":
        return [s.heading_dict() for s in report.headings]
    items = getattr(report, command)
    return [x.to_dict() for x in items]


def public_fields(command: str, rows: list[dict]) -> list[dict]:
    """The JSON fields of each command (the sentence of an indicator is left to the
    tables, where it is wanted)."""
    if command == "indicators":
        keep = ("text", "start", "end", "value", "unit", "kind", "qualifier", "label", "section", "each", "value_max")
        return [{k: r[k] for k in keep} for r in rows]
    return rows


def show(args: argparse.Namespace) -> int:
    from .report import load_report

    report = load_report(args.file)
    rows = public_fields(args.command, records(args.command, report))
    if args.json:
        dump_json(rows)
    else:
        if args.command == "sections":
            rows = tree(rows)
        print(table(rows, TABLE_COLUMNS[args.command]))
        for note in report.notes if args.command == "sections" else ():
            print(f"note: {note}")
    return 0


def show_metadata(args: argparse.Namespace) -> int:
    """The title and what the opening lines say: a field per row with the line it was
    read from, or one JSON object (``sources`` holding those lines)."""
    from .report import load_report

    fields = load_report(args.file).metadata.to_dict()
    if args.json:
        dump_json(fields)
    else:
        sources = fields.pop("sources")
        rows = [{"field": k, "value": v, "read from": sources.get(k, {}).get("text")} for k, v in fields.items()]
        print(table(rows, ("field", "value", "read from")))
    return 0


def show_targets(args: argparse.Namespace) -> int:
    """A report's targets (and the measures it sets none for on purpose), or the past
    year's results its review states."""
    from .report import load_report

    report = load_report(args.file)
    items = report.targets + report.targets_absent if args.command == "targets" else report.results
    rows = [x.to_dict() for x in items]
    if args.json:
        dump_json(rows)
        return 0
    if args.command == "targets":
        rows = [{**r, "value": "not set" if r["absent"] else r["value"]} for r in rows]
    print(table(rows, TABLE_COLUMNS[args.command]))
    if not rows:
        what = "targets passage (主要预期目标是…)" if args.command == "targets" else "result of a known measure in the review"
        print(f"note: no {what} found in this report")
    return 0


def show_series(args: argparse.Namespace) -> int:
    """The targets of one place over years against the results the next year's review
    states; a line on stderr for each report file left out, and why, and a count at
    the end."""
    from .outputs import safe_cell
    from .selection import series_of
    from .series import SERIES_COLUMNS, series_rows
    from .targets import measures

    if args.measure and args.measure not in measures():
        raise ParameterError("--measure", args.measure, f"one of: {', '.join(measures())}")
    reports, coverage = series_of(args.paths)
    for line in coverage.lines():
        log.warning(line)
    rows = series_rows(reports, args.measure)
    if args.json:
        dump_json(rows)
    elif args.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=SERIES_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    else:
        if rows:
            print(f"{rows[0]['place']}, {rows[0]['year']}–{rows[-1]['year']}")
        print(table(rows, TABLE_COLUMNS["series"]))
    sys.stdout.flush()
    log.info(coverage.count())
    return 0


def show_attention(args: argparse.Namespace) -> int:
    """How much of a report each dictionary's words take, whole and by part (the
    packaged dictionaries and those of ``--dictionary``)."""
    from .attention import COLUMNS, attention_rows, load_dictionaries
    from .report import load_report

    dictionaries = load_dictionaries(args.dictionary or ())
    rows = attention_rows(load_report(args.file), dictionaries)
    if args.json:
        dump_json(rows)
    else:
        shown = [{k: (f"{v:.4f}" if isinstance(v, float) else v) for k, v in r.items()} for r in rows]
        print(table(shown, [c for c in COLUMNS if c != "version"]))
    return 0


def run_build(args: argparse.Namespace) -> int:
    """One report file: its write-ups, as ever. Folders or several files: each report's
    write-ups and the comparisons between them (``--only`` one or the other)."""
    from .extras import require_writeups

    require_writeups()  # before the build's imports: one line naming the extra
    from .build import DEFAULT_JOBS, build
    from .collection import build_many

    if args.paths:
        paths = args.paths
    elif SEED.is_file():
        paths = [str(SEED)]
    else:
        raise NoReportGiven(str(SEED), "sdr-analysis build REPORT")
    jobs = args.jobs or DEFAULT_JOBS
    if len(paths) == 1 and not Path(paths[0]).is_dir() and args.only is None:
        build(paths[0], out=args.out, langs=args.lang, jobs=jobs, force=args.force, dictionaries=args.dictionary)
    else:
        build_many(paths, out=args.out, langs=args.lang, jobs=jobs, only=args.only, force=args.force, dictionaries=args.dictionary)
    return 0


def run_corpus(args: argparse.Namespace) -> int:
    from .corpus import build_corpus, coverage_path, sections_path, targets_path

    written, left_out = build_corpus(args.paths, args.out, jobs=args.jobs)
    out = Path(args.out)
    log.info(f"done: {written} reports in {out}, {sections_path(out)} and {targets_path(out)}; "
             f"{len(left_out)} of {written + len(left_out)} report files left out (listed in {coverage_path(out)})")
    return 0


def run_panel(args: argparse.Namespace) -> int:
    from .panel_tables import FORMATS, check_formats
    from .panels import TABLES, panel

    tables = [t.strip() for t in args.tables.split(",")] if args.tables else list(TABLES)
    formats = check_formats([f.strip() for f in args.format.split(",")] if args.format else FORMATS)
    made = panel(args.paths, tables=tables, dictionaries=args.dictionary, jobs=args.jobs)
    written = made.write(args.out, formats=formats)
    log.info(f"done: {len(made.reports)} reports; {len(written)} files in {args.out} "
             f"({', '.join(f'{n} {len(f)} rows' for n, f in made.tables.items())}); {made.coverage.count()}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sdr-analysis", description="Figures, claims and named initiatives from Chinese government work reports.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_verbosity(p, 0)
    common = argparse.ArgumentParser(add_help=False)
    _add_verbosity(common, argparse.SUPPRESS)
    sub = _SubParsers(p.add_subparsers(dest="command", required=True, metavar="COMMAND"), common)
    helps = {
        "sections": ("headings with their level, marker, number, title and span", show),
        "indicators": ("figures that state an amount, with value, unit, kind, qualifier, label", show),
        "claims": ("claims to be first, to full coverage, to honours", show),
        "relations": ("changes between figures (由…至…, 同比提高…, 提升至…)", show),
        "terms": ("quoted terms: named initiatives and slogans", show),
        "targets": ("the year's main expected targets (and five-year goals): measure, value, unit, qualifier, text", show_targets),
        "results": ("the past year's results the review states: each measure's growth and level", show_targets),
    }
    for name, (text, func) in helps.items():
        sp = sub.add_parser(name, help=text, description=text)
        sp.add_argument("file", help="report file: text (UTF-8, UTF-16 or GB18030), an HTML page, a PDF with a text layer or a Word .docx")
        sp.add_argument("--json", action="store_true", help="print JSON on stdout instead of a table")
        sp.set_defaults(func=func)
    text = "one place over years: each year's targets against the results the next report states (met, missed, no data)"
    s = sub.add_parser("series", help=text, description=text)
    s.add_argument("paths", nargs="+", help="the reports of one place (files, or folders searched for .txt, .html, .pdf and .docx files)")
    s.add_argument("--measure", help="only this measure (gdp, cpi, unemployment, …)")
    form = s.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON on stdout instead of a table")
    form.add_argument("--csv", action="store_true", help="print CSV on stdout instead of a table")
    s.set_defaults(func=show_series)
    text = "how much of the report each policy dictionary's words take: words matched, share of words and characters, sentences"
    a = sub.add_parser("attention", help=text, description=text + " (whole report, review part, plan part)")
    a.add_argument("file", help="report file: text (UTF-8, UTF-16 or GB18030), an HTML page, a PDF with a text layer or a Word .docx")
    a.add_argument("--dictionary", action="append", metavar="FILE.toml",
                   help="a dictionary of your own (name, zh, en, version, source, words), counted after the packaged ones; repeatable")
    a.add_argument("--json", action="store_true", help="print JSON on stdout instead of a table")
    a.set_defaults(func=show_attention)
    text = "the title and what the opening lines say: level, place, year, date, session, speaker, office"
    m = sub.add_parser("metadata", help=text, description=text)
    m.add_argument("file", help="report file (UTF-8, UTF-16 or GB18030 text)")
    m.add_argument("--json", action="store_true", help="print a JSON object on stdout instead of a table")
    m.set_defaults(func=show_metadata)
    b = sub.add_parser("build", help="run the write-up notebooks into reports/",
                       description="Run the section and overview notebooks with papermill and write notebooks, HTML pages, an index "
                                   "and CSV/JSON tables. Only notebooks whose inputs changed are run (all of them with --force). Given a folder (or several "
                                   "reports), also compare them: a place over the years (OUT/<place>-series/), places in one year "
                                   "(OUT/places-<year>/), listed in OUT/index.html.")
    b.add_argument("paths", nargs="*", metavar="PATH",
                   help="a report file (default: the seed report, in a source checkout), or folders and files of several reports")
    b.add_argument("--only", choices=("reports", "comparisons"), help="of several reports, build only each report's write-ups, or only the comparisons")
    b.add_argument("--out", default="reports", help="output folder (default: reports); the write-ups go to OUT/<report name>/")
    b.add_argument("--lang", default="en,zh", help="languages of the write-ups, comma-separated (default: en,zh)")
    b.add_argument("--jobs", type=int, help="notebooks run at a time (default: one per core)")
    b.add_argument("--force", action="store_true", help="run every notebook, even those whose inputs have not changed")
    b.add_argument("--dictionary", action="append", default=[], metavar="FILE.toml",
                   help="a policy dictionary of one's own (name, zh, en, version, source, words), counted on the pages and in the panel "
                        "after the packaged ones; repeatable")
    b.set_defaults(func=run_build)
    c = sub.add_parser("corpus", help="one table of the indicators (and one of the sections, one of the targets) of many reports",
                       description="Parse every report in the folders and files given, on all cores, into one CSV of indicators, "
                                   "one of sections (OUT-sections.csv) and one of targets (OUT-targets.csv), each row with its "
                                   "report's metadata. A report that cannot be read, or a second copy of a report (same place and year), "
                                   "is named on stderr and left out; OUT-coverage.csv lists the files used and left out.")
    c.add_argument("paths", nargs="+", help="report files, or folders searched for .txt, .html, .pdf and .docx files")
    c.add_argument("--out", required=True, help="the indicators CSV to write; the sections and targets tables go beside it")
    c.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="processes (default: one per core)")
    c.set_defaults(func=run_corpus)
    text = "the research panel: reports, targets, results, outcomes, the target chain and attention as tidy tables"
    pn = sub.add_parser("panel", help=text, description=text + " (CSV, Parquet and Stata, each with a data dictionary beside it). "
                        "Reports are parsed on all cores; a report that cannot be read, or a second copy of one, is named on stderr and left out.")
    pn.add_argument("paths", nargs="*", help="report files, or folders searched for .txt, .html, .pdf and .docx files")
    pn.add_argument("--out", required=True, help="the folder to write the tables into (made if its parent is there)")
    pn.add_argument("--tables", help="the tables to make, comma-separated (default: reports,targets,results,outcomes,chain,attention)")
    pn.add_argument("--format", help="the formats to write, comma-separated (default: csv,parquet,dta)")
    pn.add_argument("--dictionary", action="append", default=[], metavar="FILE.toml",
                    help="a dictionary of words of one's own for the attention table (repeatable)")
    pn.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="processes (default: one per core)")
    pn.set_defaults(func=run_panel)
    return p


def _add_verbosity(p: argparse.ArgumentParser, default: Any) -> None:
    loud = p.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", dest="verbosity", action="store_const", const=-1, default=default,
                      help="say only warnings and errors on stderr, no progress")
    loud.add_argument("-v", "--verbose", dest="verbosity", action="store_const", const=1, default=default,
                      help="also say debug lines on stderr (what workers wrote, tracebacks of failed notebooks)")


class _SubParsers:
    """The command's subparsers, each given the options every command takes (``-q``,
    ``-v``), so they can follow the command's name as well as precede it."""

    def __init__(self, sub: Any, common: argparse.ArgumentParser) -> None:
        self.sub = sub
        self.common = common

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return self.sub.add_parser(name, parents=[self.common], **kwargs)


class _Stderr(logging.StreamHandler):
    """The command's log handler: each record's message on whatever ``sys.stderr`` is
    when it is written; a stderr that cannot be written (closed, full) is passed
    over in silence instead of with logging's report of the failure."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass

    def handleError(self, record: logging.LogRecord) -> None:
        pass


class _Format(logging.Formatter):
    """Progress and warnings as they read (``[3/10] section-5: ok (2.1s)``), debug
    lines marked as such, with the logger's name."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        if record.levelno < logging.INFO:
            return "\n".join(f"debug: {record.name}: {line}" for line in text.splitlines())
        return text


_handler: Optional[logging.Handler] = None


def configure_logging(verbosity: int = 0) -> None:
    """Progress of the ``sdr_analysis`` loggers on stderr, as the command shows it:
    info and up (``verbosity`` 0), warnings and up (-1), everything (1). Called by
    :func:`main` only: the library itself leaves logging as the application sets it."""
    global _handler
    package = logging.getLogger("sdr_analysis")
    if _handler is not None:
        package.removeHandler(_handler)
    _handler = _Stderr()
    _handler.setFormatter(_Format("%(message)s"))
    package.addHandler(_handler)
    package.setLevel({-1: logging.WARNING, 0: logging.INFO}.get(verbosity, logging.DEBUG))


def _escape_what_cannot_be_written() -> None:
    """A stdout or stderr whose encoding cannot write Chinese (``PYTHONIOENCODING=ascii``,
    a Latin-1 locale) writes backslash escapes instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not _writes_unicode(stream) and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def _say(line: str) -> None:
    """One line on stderr, if stderr can take it."""
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _reader_gone() -> bool:
    """Whether stdout is a pipe whose reader has closed it."""
    try:
        poll = select.poll()
        poll.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & select.POLLERR for _, events in poll.poll(0))
    except (AttributeError, OSError, ValueError):
        return False


def _drop_stdout() -> None:
    """Point stdout at the null device, so that what is still buffered for it is not
    written again (and fails again) when the interpreter exits."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (AttributeError, OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    from .workers import interruptible

    stdout_closed = _closed_streams()
    _escape_what_cannot_be_written()
    args = parser().parse_args(argv)
    configure_logging(args.verbosity)
    if stdout_closed and args.command in PRINTING:
        _say("sdr-analysis: error: standard output is closed; send it to a file or a pipe")
        return 2
    jobs = getattr(args, "jobs", None)
    if jobs is not None and not 1 <= jobs <= MAX_JOBS:
        _say(f"sdr-analysis: error: --jobs {jobs}: give 1 to {MAX_JOBS} (processes at a time)")
        return 2
    try:
        with interruptible():
            status = args.func(args)
            sys.stdout.flush()
            return status
    except SdrError as exc:
        log.debug("the error's traceback", exc_info=True)
        _say(f"sdr-analysis: error: {exc}")
        return 2
    except Terminated as exc:
        _say(f"sdr-analysis: stopped ({signal.Signals(exc.signum).name})")
        return 128 + exc.signum
    except KeyboardInterrupt:
        _say("sdr-analysis: interrupted")
        return 130
    except BrokenPipeError:
        if not _reader_gone():
            raise
        _drop_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        log.debug("the error's traceback", exc_info=True)
        if exc.filename is not None:  # a path the system refused (too long, not readable)
            _say(f"sdr-analysis: error: {_path_shown(exc.filename)}: {exc.strerror or exc}")
            return 2
        if exc.errno not in WRITE_ERRORS:
            raise
        # writing stdout failed (a full disk, a device that takes nothing): the
        # library wraps what it writes itself in OutputError
        _drop_stdout()
        _say(f"sdr-analysis: error: standard output: cannot be written ({exc.strerror or exc})")
        return 2


def _path_shown(path: object) -> str:
    """A path in an error line: cut in the middle when very long, as text."""
    text = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    return text if len(text) <= 120 else f"{text[:60]}…{text[-40:]}"


#: The most processes a command starts at a time (each worker of a build holds a
#: kernel: a few hundred MB).
MAX_JOBS = 64

#: Commands that print their findings on stdout (the others report on stderr only).
PRINTING = ("sections", "metadata", "indicators", "claims", "relations", "terms", "targets", "results", "series")


def _closed_streams() -> bool:
    """Whether stdout was closed when the command started (``>&-``). Its descriptor
    is then given the null device, so that no file opened later takes its number
    and receives what the command or its workers print; likewise for stderr."""
    closed = False
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is None:
            null = os.open(os.devnull, os.O_WRONLY)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            setattr(sys, name, open(fd, "w", encoding="utf-8", closefd=False))
            closed = closed or fd == 1
    return closed


if __name__ == "__main__":
    sys.exit(main())
