"""The ``sdr-analysis`` command: findings of a report as tables or JSON, and builds.

Bad input gives one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from pathlib import Path
from typing import Sequence

from . import __version__
from .exceptions import ParameterError, SdrError, Terminated

SEED = Path(__file__).resolve().parent.parent / "seeds" / "dalian-shahekou-2022.txt"

#: Columns of the readable tables, per command.
TABLE_COLUMNS = {
    "sections": ("heading", "kind", "period", "key", "start", "end"),
    "indicators": ("section", "text", "value", "unit", "kind", "qualifier", "label", "start"),
    "claims": ("section", "kind", "scope", "position", "text", "start"),
    "relations": ("section", "kind", "direction", "text", "start"),
    "terms": ("section", "text", "start"),
    "targets": ("horizon", "measure", "name", "value", "value_max", "unit", "qualifier", "soft", "text", "start"),
    "results": ("measure", "name", "change", "value", "unit", "qualifier", "text", "start"),
    "series": ("year", "measure", "name", "target", "target_max", "unit", "qualifier", "result", "status"),
}


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (Chinese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(rows: Sequence[dict], columns: Sequence[str]) -> str:
    cells = [[("" if r.get(c) is None else str(r.get(c))) for c in columns] for r in rows]
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
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        if args.command == "sections":
            rows = tree(rows)
        print(table(rows, TABLE_COLUMNS[args.command]))
        for note in report.notes if args.command == "sections" else ():
            print(f"note: {note}")
    return 0


def show_metadata(args: argparse.Namespace) -> int:
    """The title and what the opening lines say: a field per row, or one JSON object."""
    from .report import load_report

    fields = load_report(args.file).metadata.to_dict()
    if args.json:
        json.dump(fields, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(table([{"field": k, "value": v} for k, v in fields.items()], ("field", "value")))
    return 0


def show_targets(args: argparse.Namespace) -> int:
    """A report's targets (and the measures it sets none for on purpose), or the past
    year's results its review states."""
    from .report import load_report

    report = load_report(args.file)
    items = report.targets + report.targets_absent if args.command == "targets" else report.results
    rows = [x.to_dict() for x in items]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
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
    states."""
    from .series import SERIES_COLUMNS, load_reports, series_rows
    from .targets import measures

    if args.measure and args.measure not in measures():
        raise ParameterError("--measure", args.measure, f"one of: {', '.join(measures())}")
    rows = series_rows(load_reports(args.paths), args.measure)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=SERIES_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        if rows:
            print(f"{rows[0]['place']}, {rows[0]['year']}–{rows[-1]['year']}")
        print(table(rows, TABLE_COLUMNS["series"]))
    return 0


def run_build(args: argparse.Namespace) -> int:
    """One report file: its write-ups, as ever. Folders or several files: each report's
    write-ups and the comparisons between them (``--only`` one or the other)."""
    from .build import DEFAULT_JOBS, build, build_many

    paths = args.paths or [str(SEED)]
    jobs = args.jobs or DEFAULT_JOBS
    if len(paths) == 1 and not Path(paths[0]).is_dir() and args.only is None:
        build(paths[0], out=args.out, langs=args.lang, jobs=jobs, force=args.force)
    else:
        build_many(paths, out=args.out, langs=args.lang, jobs=jobs, only=args.only, force=args.force)
    return 0


def run_corpus(args: argparse.Namespace) -> int:
    from .corpus import build_corpus, sections_path, targets_path

    say = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    written, skipped = build_corpus(args.paths, args.out, jobs=args.jobs, say=say)
    out = Path(args.out)
    say(f"done: {written} reports in {out}, {sections_path(out)} and {targets_path(out)}; {len(skipped)} skipped")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sdr-analysis", description="Figures, claims and named initiatives from Chinese government work reports.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    helps = {
        "sections": "headings with their level, marker, number, title and span",
        "indicators": "figures that state an amount, with value, unit, kind, qualifier, label",
        "claims": "claims to be first, to full coverage, to honours",
        "relations": "changes between figures (由…至…, 同比提高…, 提升至…)",
        "terms": "quoted terms: named initiatives and slogans",
    }
    for name, text in helps.items():
        sp = sub.add_parser(name, help=text, description=text)
        sp.add_argument("file", help="report file (UTF-8, UTF-16 or GB18030 text)")
        sp.add_argument("--json", action="store_true", help="print JSON on stdout instead of a table")
        sp.set_defaults(func=show)
    for name, text in {
        "targets": "the year's main expected targets (and five-year goals): measure, value, unit, qualifier, text",
        "results": "the past year's results the review states: each measure's growth and level",
    }.items():
        sp = sub.add_parser(name, help=text, description=text)
        sp.add_argument("file", help="report file (UTF-8, UTF-16 or GB18030 text)")
        sp.add_argument("--json", action="store_true", help="print JSON on stdout instead of a table")
        sp.set_defaults(func=show_targets)
    text = "one place over years: each year's targets against the results the next report states (met, missed, no data)"
    s = sub.add_parser("series", help=text, description=text)
    s.add_argument("paths", nargs="+", help="the reports of one place (files, or folders searched for .txt and .html files)")
    s.add_argument("--measure", help="only this measure (gdp, cpi, unemployment, …)")
    form = s.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON on stdout instead of a table")
    form.add_argument("--csv", action="store_true", help="print CSV on stdout instead of a table")
    s.set_defaults(func=show_series)
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
    b.add_argument("paths", nargs="*", metavar="PATH", help="a report file (default: the seed report), or folders and files of several reports")
    b.add_argument("--only", choices=("reports", "comparisons"), help="of several reports, build only each report's write-ups, or only the comparisons")
    b.add_argument("--out", default="reports", help="output folder (default: reports); the write-ups go to OUT/<report name>/")
    b.add_argument("--lang", default="en,zh", help="languages of the write-ups, comma-separated (default: en,zh)")
    b.add_argument("--jobs", type=int, help="notebooks run at a time (default: one per core)")
    b.add_argument("--force", action="store_true", help="run every notebook, even those whose inputs have not changed")
    b.set_defaults(func=run_build)
    c = sub.add_parser("corpus", help="one table of the indicators (and one of the sections, one of the targets) of many reports",
                       description="Parse every report in the folders and files given, on all cores, into one CSV of indicators, "
                                   "one of sections (OUT-sections.csv) and one of targets (OUT-targets.csv), each row with its "
                                   "report's metadata. A report that cannot be read is named on stderr and skipped.")
    c.add_argument("paths", nargs="+", help="report files, or folders searched for .txt and .html files")
    c.add_argument("--out", required=True, help="the indicators CSV to write; the sections and targets tables go beside it")
    c.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="processes (default: one per core)")
    c.set_defaults(func=run_corpus)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from .workers import interruptible

    args = parser().parse_args(argv)
    try:
        with interruptible():
            return args.func(args)
    except SdrError as exc:
        print(f"sdr-analysis: error: {exc}", file=sys.stderr)
        return 2
    except Terminated:
        print("sdr-analysis: stopped (SIGTERM)", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("sdr-analysis: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
