"""Building the reports: what to run and in what order, and the promises a build
keeps. The work itself is in :mod:`~sdr_analysis.kernels` (notebooks run in worker
processes, pages exported there), :mod:`~sdr_analysis.tables` (the tables behind the
pages), :mod:`~sdr_analysis.index` (the index pages) and :mod:`~sdr_analysis.fonts`
(the font cut to the pages' characters).

- Incremental: ``manifest.json`` in the output records a fingerprint of each
  notebook's inputs (report text, notebook, library source and the versions of the
  packages that shape its output, parameters); a rebuild runs only the notebooks
  whose fingerprint changed, and says so when there is nothing to do.
- Fast: each worker process keeps one kernel for the whole build and clears its
  namespace between notebooks, so kernel start and imports are paid once per worker.
- Safe: a build works in a staging copy beside the output and replaces the output
  only when every notebook has succeeded; a failure names the notebook and the cell.
  It writes nowhere but its report folder (see :mod:`sdr_analysis.outputs`), holds a
  lock on it, and on Ctrl-C or SIGTERM stops its workers and kernels, removes its
  staging folder and leaves the previous output as it was.
- Reproducible: what changes from run to run (timestamps, durations, paths, execution
  counts that depend on which worker ran a notebook) is not written, so a rebuild of
  unchanged inputs writes the same bytes.
"""

from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple, Optional, Sequence

from .checks import check_lang
from .exceptions import OutputError, ParameterError
from .extras import require_writeups
from .fonts import subset_font, write_font
from .index import Built, write_index, write_site_index
from .kernels import KERNEL, Job, run_all, run_notebook, scrub
from .manifest import Manifest, changed_files, fingerprint, fingerprints, library_fingerprint, read_manifest, sha, write_manifest
from .outputs import (
    EXTRACTED_TEXT,
    LANGS,
    NOTEBOOK_SUFFIXES,
    PANEL_ROWS,
    check_out,
    folder_name,
    is_regular,
    locked,
    output_name,
    recover,
    section_file,
    stage,
    swap,
    write_file,
    written_up,
)
from .pages import PAGE_CSS
from .report import Report, load_report
from .tables import write_tables
from .workers import interruptible, signals_deferred

if TYPE_CHECKING:
    import pandas as pd

    from .coverage import LeftOut
    from .panels import Panel

__all__ = [
    "NOTEBOOKS", "notebooks_folder", "DEFAULT_JOBS", "KERNEL", "Job", "Built", "Done", "summary", "plan", "build",
    "build_comparison", "build_many", "parse_langs",
    "relative_param", "series_folder", "places_folder", "run_notebook", "scrub", "write_tables", "write_index",
    "write_site_index", "write_font", "subset_font",
]

PACKAGE = Path(__file__).resolve().parent

log = logging.getLogger(__name__)


def notebooks_folder() -> Path:
    """The folder of the write-up notebooks. They are shipped in the package as
    ``sdr_analysis.notebooks`` (the checkout's ``notebooks/``, where JupyterLab opens
    them, is their one copy); an editable install, or a checkout used without
    installing, reads that folder where it is."""
    try:
        shipped: object = resources.files(f"{__package__}.notebooks").joinpath("section.ipynb")
    except ModuleNotFoundError:
        shipped = None
    if isinstance(shipped, Path) and shipped.is_file():
        return shipped.parent
    return PACKAGE.parent / "notebooks"


NOTEBOOKS = notebooks_folder()
#: Notebooks run at a time: one per core (a worker waits on its kernel only while the
#: kernel works, so the cores are what bounds a build).
DEFAULT_JOBS = os.cpu_count() or 2


class Done(NamedTuple):
    """What a build of one folder did: the folder, the notebooks it ran, and how many
    were up to date."""

    folder: Path
    ran: tuple[Job, ...]
    up_to_date: int


def plan(report: Report, report_param: str, langs: Sequence[str], notebooks: Path = NOTEBOOKS) -> list[Job]:
    """For each language, the overview, then one job per policy section (of every
    part), named by the section's slug (``section-5``, ``section-3-2``) and given the
    section's key."""
    jobs = []
    for lang in langs:
        jobs.append(Job(output_name("overview", lang), "Overview · 概览", notebooks / "overview.ipynb", {"report_path": report_param, "lang": lang}))
        for sec in written_up(report):
            jobs.append(
                Job(
                    output_name(section_file(sec), lang),
                    sec.marker + sec.title,
                    notebooks / "section.ipynb",
                    {"report_path": report_param, "section": sec.key, "lang": lang},
                )
            )
    return jobs


# the build


def _say(line: str) -> None:
    """Where a build's progress goes unless the caller says otherwise: the
    ``sdr_analysis.build`` logger, at info level (warnings, which start with
    ``warning:``, at warning level)."""
    log.log(logging.WARNING if line.startswith("warning:") else logging.INFO, line)


def parse_langs(langs: str | Sequence[str]) -> tuple[str, ...]:
    """``"en,zh"`` or ``["en", "zh"]`` → ``("en", "zh")``, each checked."""
    items = [x.strip() for x in (langs.split(",") if isinstance(langs, str) else langs) if x.strip()]
    if not items:
        raise ParameterError("lang", langs, f"give one or more of: {', '.join(LANGS)}")
    return tuple(check_lang(x) for x in dict.fromkeys(items))


def build(
    report_path: str | os.PathLike[str],
    out: str | os.PathLike[str] = "reports",
    langs: str | Sequence[str] = LANGS,
    jobs: int = DEFAULT_JOBS,
    say: Callable[[str], None] = _say,
    notebooks: Path = NOTEBOOKS,
    force: bool = False,
) -> Path:
    """Build the write-ups of one report into ``out/<report name>/`` and return that
    folder. Only notebooks whose inputs changed are run, or with ``force`` every one,
    whatever the manifest says. Raises :class:`BuildError`
    naming the notebook and cell that failed, :class:`OutputError` for an output
    location that cannot be written; the previous output is then left as it was, as
    it is on Ctrl-C (``KeyboardInterrupt``) or SIGTERM
    (:class:`~sdr_analysis.exceptions.Terminated`)."""
    require_writeups()
    langs = parse_langs(langs)
    return _build_report(load_report(report_path), out, langs, jobs, say, notebooks, force).folder


def _build_report(
    report: Report, out: str | os.PathLike[str], langs: tuple[str, ...], jobs: int, say: Callable[[str], None],
    notebooks: Path, force: bool, name: Optional[str] = None,
) -> Done:
    """Build the write-ups of a report already read (from its file, ``report.source``)
    into ``out/name`` (by default named after the file)."""
    source = report.source or "report"
    _check_path_is_text(source)
    with _writing(Path(out), name or folder_name(source), say) as target:
        report_param = relative_param(source, target)

        def tables(staging: Path) -> None:
            write_tables(report, staging)
            write_index(report, staging, langs)
            write_report_text(report, staging)

        todo = plan(report, report_param, langs, notebooks)
        return _build_folder(target, report_param, sha(report.text.encode("utf-8")), todo, langs, jobs, say, tables, write_font, force)


def write_report_text(report: Report, folder: Path) -> None:
    """``report.txt`` in ``folder``: the text extracted from a PDF, a Word file or a web
    page, which every ``start``/``end`` of the tables indexes; nothing for a text file,
    which is its own text."""
    if report.format != "text":
        write_file(folder / EXTRACTED_TEXT, report.text)


@contextmanager
def _writing(out: Path, name: str, say: Callable[[str], None]) -> Iterator[Path]:
    """The folder ``out/name``, checked, under its lock, with Ctrl-C and SIGTERM
    stopping the build cleanly; a file that cannot be written inside is an
    :class:`OutputError` naming it."""
    target = check_out(out, name)
    with interruptible(), locked(out, target.name, say):
        try:
            yield target
        except OSError as exc:
            where = exc.filename or target
            raise OutputError(str(where), f"cannot be written ({exc.strerror or exc}); check the folder and the free space") from None


def _check_path_is_text(path: str | os.PathLike[str]) -> None:
    """The notebooks get a report's path as text: a file name that is not UTF-8 cannot
    be passed on, and is refused before anything is written."""
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise ParameterError("report", shown, "its file name is not UTF-8: rename the file (e.g. with convmv) and build again") from None


def relative_param(path: str | os.PathLike[str], target: Path) -> str:
    """A report's path as the notebooks of ``target`` read it: relative to that folder
    (never this machine's absolute path), with ``/``."""
    return Path(os.path.relpath(Path(path).resolve(), target.resolve())).as_posix()


def _build_folder(
    target: Path, inputs: str, inputs_hash: str, todo_all: list[Job], langs: tuple[str, ...], jobs: int,
    say: Callable[[str], None], during: Callable[[Path], None], after: Optional[Callable[[Path], None]] = None,
    force: bool = False,
) -> Done:
    """Run the notebooks of ``todo_all`` whose fingerprint changed (with ``force``, all
    of them) into a staging copy of ``target`` and swap it into place. ``inputs``
    names what the notebooks read (the manifest keeps it), ``inputs_hash`` is its
    content; ``during`` writes the folder's other files while the notebooks run,
    ``after`` what is made from the pages. The last line said is what was done."""
    recover(target)
    library_hash = library_fingerprint()
    prints = {job.name: fingerprint(job.notebook, job.parameters, inputs_hash, library_hash) for job in todo_all}
    tables_print = sha(inputs_hash.encode(), library_hash.encode(), ",".join(langs).encode())
    previous = read_manifest(target, say)
    # what was written and has changed since (removed, emptied, edited) is written again
    changed = changed_files(target, previous) if target.is_dir() else set()
    todo = [
        job for job in todo_all
        if force
        or previous.notebooks.get(job.name) != prints[job.name]
        or any(f"{job.name}{suffix}" in changed or not is_regular(target / f"{job.name}{suffix}") for suffix in NOTEBOOK_SUFFIXES)
    ]
    if PAGE_CSS in changed and not todo and todo_all:  # the stylesheet is written with the pages
        todo = todo_all[:1]
    stale = sorted(set(previous.notebooks) - set(prints))
    others = changed - {f"{job.name}{suffix}" for job in todo_all for suffix in NOTEBOOK_SUFFIXES} - {PAGE_CSS}
    if not todo and not stale and not others and previous.tables == tables_print and previous.report == inputs:
        say(f"nothing to do: {len(todo_all)} notebooks of {target} are up to date")
        return Done(target, (), len(todo_all))

    staging = stage(target, stale)
    try:
        if todo:
            workers = max(1, min(jobs or DEFAULT_JOBS, len(todo)))
            run_all(todo, staging, workers, len(todo_all), say, meanwhile=lambda: _uninterrupted(during, staging), force=force)
        else:
            _uninterrupted(during, staging)
        if after is not None:
            after(staging)
        write_manifest(staging, Manifest(inputs, tables_print, prints, fingerprints(staging)))
        with signals_deferred():
            swap(target, staging)
    except BaseException as exc:
        recover(target)
        if isinstance(exc, KeyboardInterrupt):
            say(f"stopped: workers and kernels ended, no partial output left in {target.parent}")
        raise
    done = Done(target, tuple(todo), len(todo_all) - len(todo))
    page = target / ("index.html" if (target / "index.html").exists() else f"{todo_all[0].name}.html")
    say(f"done: {summary(done.ran, done.up_to_date, force)}; pages in {page}")
    return done


def _uninterrupted(write: Callable[[Path], None], staging: Path) -> None:
    """Write the tables and index with Ctrl-C and SIGTERM held until done (a moment):
    an interrupt inside pandas' JSON writer comes out as a different error."""
    with signals_deferred():
        write(staging)


#: Notebook names listed in a summary, at most; more are cut in the middle.
SUMMARY_NAMES = 6


def summary(ran: Sequence[Job], up_to_date: int, force: bool = False) -> str:
    """What a build did, in a few words: ``10 notebooks ran (overview, section-3, …;
    en, zh), 0 up to date``; each notebook is named once for all its languages."""
    langs: dict[str, None] = {}  # ordered sets
    stems: dict[str, None] = {}
    for job in ran:
        lang = job.parameters.get("lang", LANGS[0])
        langs[lang] = None
        stems[job.name[: -len(lang) - 1] if lang != LANGS[0] and job.name.endswith(f"-{lang}") else job.name] = None
    names = list(stems)
    if len(names) > SUMMARY_NAMES:
        names = names[: SUMMARY_NAMES - 2] + ["…", names[-1]]
    what = f" ({', '.join(names)}; {', '.join(langs)})" if ran else ""
    why = ", all rebuilt as asked" if force else ""
    return f"{len(ran)} notebook{'' if len(ran) == 1 else 's'} ran{what}{why}, {up_to_date} up to date"


# many reports: each one's write-ups, and the comparisons between them

#: The comparison notebooks: a place over the years, and places in one year.
COMPARISONS = ("series", "places")
#: What a build of many reports may be limited to.
ONLY = ("reports", "comparisons")
#: A year in a report's file name (``hailar-2013`` → ``hailar``), left out of the
#: name of the series folder.
YEAR_IN_NAME = re.compile(r"[-_. ]?(?:19|20)\d\d(?=$|[-_. ])")


def series_folder(reports: Sequence[Report]) -> str:
    """The folder of a place's series: ``hailar-series`` where the reports' file names
    agree but for the year, else the place's name (``海拉尔区-series``)."""
    from .series import place_of

    stems = {YEAR_IN_NAME.sub("", Path(r.source or "").stem).strip("-_. ") for r in reports}
    stem = stems.pop() if len(stems) == 1 else ""
    return folder_name(f"{stem or place_of(reports[0])}-series")


#: The folder of the panel page and the panel's tables.
PANEL_FOLDER = "panel"


def places_folder(year: int) -> str:
    return f"places-{year}"


def build_comparison(
    kind: str,
    reports: Sequence[Report],
    folder: str,
    out: str | os.PathLike[str] = "reports",
    langs: str | Sequence[str] = LANGS,
    jobs: int = DEFAULT_JOBS,
    say: Callable[[str], None] = _say,
    notebooks: Path = NOTEBOOKS,
    force: bool = False,
) -> Path:
    """Build one comparison page (``series`` or ``places``) of ``reports``, in each
    language, into ``out/<folder>/``, with the same promises as :func:`build`: only
    the notebooks whose inputs changed are run, in a staging copy swapped in when all
    succeed, under the folder's lock. The notebooks read the reports by paths
    relative to the folder."""
    return _build_comparison(kind, reports, folder, out, langs, jobs, say, notebooks, force).folder


def _build_comparison(
    kind: str, reports: Sequence[Report], folder: str, out: str | os.PathLike[str], langs: str | Sequence[str],
    jobs: int, say: Callable[[str], None], notebooks: Path, force: bool, left_out: Sequence["LeftOut"] = (),
    rows: Optional["pd.DataFrame"] = None,
) -> Done:
    from .english import report_place
    from .series import year_of

    langs = parse_langs(langs)
    titles = {}
    for lang in langs:
        if kind == "series":
            years = sorted(y for y in (year_of(r) for r in reports) if y is not None)
            place = report_place(reports[0], lang)
            titles[lang] = f"{place} {years[0]}–{years[-1]}" if years else place
        else:
            titles[lang] = f"{'、'.join(sorted({str(year_of(r)) for r in reports}))} · {len(reports)}"
    with _writing(Path(out), folder_name(folder), say) as target:
        params = [relative_param(str(r.source), target) for r in reports]
        inputs_hash = sha(*(r.text.encode("utf-8") for r in reports))
        # the files left out are listed on the page, by their paths relative to it too
        left = {"left_out": [_left_out_param(x, target) for x in left_out]} if left_out else {}
        # the page links its own rows of the panel, written beside it
        linked = {"panel_rows": f"{PANEL_ROWS}.csv"} if rows is not None else {}
        todo = [Job(output_name(kind, lang), titles[lang], notebooks / f"{kind}.ipynb", {"report_paths": params, "lang": lang, **left, **linked})
                for lang in langs]

        def during(staging: Path) -> None:
            if rows is not None:
                write_panel_rows(staging, rows, target)

        return _build_folder(target, "\n".join(params), inputs_hash, todo, langs, jobs, say, during, write_font, force)


#: Reports a build of many needs to write the panel page.
PANEL_MIN_REPORTS = 2


def _files_relative(frame: "pd.DataFrame", target: Path) -> "pd.DataFrame":
    """The panel's report paths (``file``, ``result_file``, ``superior_file``) relative
    to the folder its tables are written into, as the pages' paths are."""
    frame = frame.copy()
    for col in ("file", "result_file", "superior_file"):
        if col in frame:
            frame[col] = frame[col].map(lambda f: relative_param(f, target) if isinstance(f, str) and f else f)
    return frame


def write_panel_rows(folder: Path, targets: "pd.DataFrame", target: Path) -> None:
    """A comparison page's own rows of the panel's ``targets`` table, as CSV with its
    data dictionary."""
    from .panel_tables import COLUMNS, write_table

    write_table(folder, PANEL_ROWS, _files_relative(targets, target), COLUMNS["targets"], ("csv",))


def _build_panel(
    p: "Panel", reports: Sequence[Report], out: str | os.PathLike[str], langs: tuple[str, ...], jobs: int,
    say: Callable[[str], None], notebooks: Path, force: bool,
) -> Done:
    """The panel page of ``reports`` in each language into ``out/panel/``, with the
    panel's tables as CSV beside it (:meth:`Panel.write`'s writer)."""
    from .panel_tables import write_table
    from .series import year_of

    years = sorted({y for r in reports if (y := year_of(r)) is not None})
    title = f"{len(reports)} · {years[0]}–{years[-1]}" if years else str(len(reports))
    with _writing(Path(out), PANEL_FOLDER, say) as target:
        params = [relative_param(str(r.source), target) for r in reports]
        inputs_hash = sha(*(r.text.encode("utf-8") for r in reports))
        todo = [Job(output_name("panel", lang), title, notebooks / "panel.ipynb", {"report_paths": params, "lang": lang, "tables": "."})
                for lang in langs]

        def during(staging: Path) -> None:
            for name, frame in p.tables.items():
                write_table(staging, name, _files_relative(frame, target), p.columns[name], ("csv",))

        return _build_folder(target, "\n".join(params), inputs_hash, todo, langs, jobs, say, during, write_font, force)


def build_many(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str] = "reports",
    langs: str | Sequence[str] = LANGS,
    jobs: int = DEFAULT_JOBS,
    only: Optional[str] = None,
    say: Callable[[str], None] = _say,
    notebooks: Path = NOTEBOOKS,
    force: bool = False,
) -> list[Built]:
    """Build the reports of the folders and files given: each report's write-ups (as
    :func:`build`), then for each place with reports of two years or more its series
    (``<place>-series/``), and for each year with reports of two places or more its
    places page (``places-<year>/``); then ``out/index.html``, listing them.
    ``only`` limits the build to ``reports`` or to ``comparisons``; ``force`` runs
    every notebook, whatever the manifests say."""
    from .coverage import Coverage, for_comparisons, for_unreadable, merged
    from .exceptions import NoReports
    from .selection import read_all
    from .series import group, place_of, year_of

    require_writeups()
    langs = parse_langs(langs)
    if only is not None and only not in ONLY:
        raise ParameterError("only", only, f"use one of: {', '.join(ONLY)}")
    _check_out_is_not_an_input(Path(out), paths)
    read = read_all(paths)
    if not read:
        raise ParameterError("paths", [str(p) for p in paths], "give report files, or folders holding .txt, .html, .pdf or .docx reports")
    unread = [e for e, r in read if r is None]
    if len(unread) == len(read):
        raise NoReports([str(p) for p in paths], [(e.file, e.error or "") for e in unread])
    # every report read gets its write-ups; the comparisons take one copy of each
    # place and year, of reports whose place and year are found (coverage.for_comparisons)
    reports = sorted((r for _, r in read if r is not None), key=lambda r: (place_of(r), year_of(r) or 0, r.source or ""))
    for r in reports:
        _check_path_is_text(r.source or "")
    read_ones = Coverage([r.source or "" for r in reports], [])
    coverage = for_comparisons([e for e, r in read if r is not None]) if only != "reports" else read_ones
    coverage = merged(for_unreadable(e for e, _ in read), coverage)
    for line in coverage.lines():
        say(line)
    names = report_folders(reports, say)
    built: list[Built] = []
    done: list[Done] = []
    if only != "comparisons":
        for r in reports:
            done.append(_build_report(r, out, langs, jobs, say, notebooks, force, names[id(r)]))
            folder = done[-1].folder
            built.append(Built("report", folder, place_of(r), str(year_of(r) or "—")))
    if only != "reports":
        in_comparisons = set(coverage.used)
        series, cohorts = group([r for r in reports if r.source in in_comparisons])
        pages = [("series", place, rs) for place, rs in series.items()] + [("places", year, rs) for year, rs in cohorts.items()]
        left = _pages_left_out(coverage.left_out, pages)
        compared = [r for r in reports if r.source in in_comparisons]
        research = None
        if len(compared) >= PANEL_MIN_REPORTS:
            from .panels import panel

            research = panel([str(r.source) for r in compared], jobs=jobs, say=lambda line: None)
        for n, (kind, key, rs) in enumerate(pages):
            name = series_folder(rs) if kind == "series" else places_folder(key)  # type: ignore[arg-type]
            rows = None
            if research is not None:
                f = research.targets
                mine = f["place"] == key if kind == "series" else f["year"] == key
                rows = f[mine.fillna(False).astype(bool) & f["file"].isin({str(r.source) for r in rs})]
            done.append(_build_comparison(kind, rs, name, out, langs, jobs, say, notebooks, force, left[n], rows))
            if kind == "series":
                years = [y for r in rs if (y := year_of(r)) is not None]
                built.append(Built("series", done[-1].folder, str(key), f"{min(years)}–{max(years)} ({len(rs)})"))
            else:
                built.append(Built("places", done[-1].folder, str(key), "、".join(place_of(r) for r in rs)))
        if research is not None:
            done.append(_build_panel(research, compared, out, langs, jobs, say, notebooks, force))
            years = sorted({y for r in compared if (y := year_of(r)) is not None})
            built.append(Built("panel", done[-1].folder, str(len(compared)), f"{years[0]}–{years[-1]}" if years else "—"))
    _write_site_index(Path(out), built, langs)
    ran = [job for d in done for job in d.ran]
    counts = ", ".join(f"{sum(b.kind == kind for b in built)} {kind}" for kind in ("report", "series", "places", "panel"))
    say(f"done: {len(built)} folders ({counts}); {summary(ran, sum(d.up_to_date for d in done), force)}; "
        f"{coverage.count()}; pages in {Path(out) / 'index.html'}")
    return built


def _left_out_param(x: "LeftOut", target: Path) -> dict:
    """A file left out as a page's notebook is given it: its path (and the path of
    the copy kept instead) relative to the page's folder."""
    from .coverage import COPIES

    kept = {"detail": relative_param(x.detail, target)} if x.reason in COPIES else {}
    return {**x.to_dict(), "file": relative_param(x.file, target), **kept}


def _pages_left_out(left: Sequence["LeftOut"], pages: Sequence[tuple[str, object, Sequence[Report]]]) -> list[list["LeftOut"]]:
    """The files left out that each comparison page lists: on a place's series those
    of its place (copies, reports without a year), on a year's places page those of
    its year (copies, reports without a place); a file of no page's place or year (one
    that cannot be read) on every page."""
    out: list[list[LeftOut]] = [[] for _ in pages]
    for x in left:
        mine = [n for n, (kind, key, _) in enumerate(pages)
                if (kind == "series" and x.place is not None and x.place == key) or (kind == "places" and x.year is not None and x.year == key)]
        for n in mine or range(len(pages)):
            out[n].append(x)
    return out



def _check_out_is_not_an_input(out: Path, paths: Sequence[str | os.PathLike[str]]) -> None:
    """A folder of reports is read all levels down: pages written into it would be
    read as reports by the next build."""
    try:
        where = out.resolve()
        folders = [Path(p).resolve() for p in paths if Path(p).is_dir()]
    except (OSError, RuntimeError):
        return  # what cannot be resolved is not an input folder; writing says why it fails
    for folder in folders:
        if where == folder or folder in where.parents:
            raise OutputError(str(out), f"is inside the folder of reports {folder.name or folder}; choose an --out outside it")


def report_folders(reports: Sequence[Report], say: Callable[[str], None]) -> dict[int, str]:
    """Each report's folder name (``id(report)`` → name): its file's name, made safe;
    where two reports would share one (``henan/2024.txt``, ``hebei/2024.txt``; or
    ``x.txt`` and ``x.html``), each gets its folder's name first, else its suffix,
    else a number, and a line says so."""
    by_name: dict[str, list[Report]] = {}
    for r in reports:
        by_name.setdefault(folder_name(r.source or "report"), []).append(r)
    names = {id(rs[0]): name for name, rs in by_name.items() if len(rs) == 1}
    taken = set(by_name)
    for name, rs in by_name.items():
        if len(rs) == 1:
            continue
        paths = [Path(r.source or "report") for r in rs]
        for make in (
            lambda p: f"{p.parent.name}-{p.stem}",
            lambda p: f"{p.stem}-{p.suffix.lstrip('.')}",
            lambda p: f"{p.parent.name}-{p.stem}-{p.suffix.lstrip('.')}",
        ):
            tried = [folder_name(make(p)) for p in paths]
            if len(set(tried)) == len(tried) and not taken & set(tried):
                break
        else:
            tried = [f"{name}-{n}" for n in range(1, len(rs) + 1)]
        taken.update(tried)
        names.update((id(r), new) for r, new in zip(rs, tried))
        say(f"warning: {len(rs)} reports would share the folder {name}: "
            f"{', '.join(f'{p} → {new}' for p, new in zip(paths, tried))}")
    return names


def _write_site_index(out: Path, built: Sequence[Built], langs: Sequence[str]) -> None:
    """``out/index.html``, or one line that says why it cannot be written."""
    try:
        if not out.is_dir():
            out.mkdir(parents=True)
        write_site_index(out, built, langs)
    except OSError as exc:
        raise OutputError(str(out / "index.html"), f"cannot be written ({exc.strerror or exc}); check --out") from None
