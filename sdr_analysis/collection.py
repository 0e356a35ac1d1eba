"""Building many reports at once (``sdr-analysis build FOLDER``): each report's
write-ups (:func:`sdr_analysis.build.build_report`), then the comparisons between
them: each place over the years (``<place>-series/``), each year's places
(``places-<year>/``), the research panel's page and tables (``panel/``), and the
site's ``index.html`` listing them all. Every folder is built with the promises of
:mod:`sdr_analysis.build`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from .build import (
    DEFAULT_JOBS,
    NOTEBOOKS,
    Done,
    OwnDictionary,
    build_folder,
    build_report,
    check_path_is_text,
    dictionary_params,
    own_dictionaries,
    parse_langs,
    relative_param,
    say_to_log,
    summary,
    writing,
)
from .exceptions import OutputError, ParameterError
from .extras import require_writeups
from .fonts import write_font
from .index import Built, write_site_index
from .kernels import Job, KernelPool
from .manifest import sha
from .outputs import LANGS, PANEL_ROWS, folder_name, output_name
from .report import Report

if TYPE_CHECKING:
    import pandas as pd

    from .coverage import LeftOut
    from .panels import Panel

__all__ = ["COMPARISONS", "ONLY", "PANEL_FOLDER", "build_comparison", "build_many", "places_folder", "series_folder", "report_folders"]


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
    say: Callable[[str], None] = say_to_log,
    notebooks: Path = NOTEBOOKS,
    force: bool = False,
    dictionaries: Sequence[str | os.PathLike[str]] = (),
) -> Path:
    """Build one comparison page (``series`` or ``places``) of ``reports``, in each
    language, into ``out/<folder>/``, with the same promises as :func:`build`: only
    the notebooks whose inputs changed are run, in a staging copy swapped in when all
    succeed, under the folder's lock. The notebooks read the reports by paths
    relative to the folder; ``dictionaries`` are files of one's own policy
    dictionaries, counted after the package's."""
    own = own_dictionaries(dictionaries)
    return _build_comparison(kind, reports, folder, out, langs, jobs, say, notebooks, force, dictionaries=own).folder


def _build_comparison(
    kind: str, reports: Sequence[Report], folder: str, out: str | os.PathLike[str], langs: str | Sequence[str],
    jobs: int, say: Callable[[str], None], notebooks: Path, force: bool, left_out: Sequence["LeftOut"] = (),
    rows: Optional["pd.DataFrame"] = None, dictionaries: Sequence[OwnDictionary] = (), shared: Optional[KernelPool] = None,
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
    with writing(Path(out), folder_name(folder), say) as target:
        params = [relative_param(str(r.source), target) for r in reports]
        inputs_hash = sha(*(r.text.encode("utf-8") for r in reports), *(d.content for d in dictionaries))
        # the files left out are listed on the page, by their paths relative to it too
        left = {"left_out": [_left_out_param(x, target) for x in left_out]} if left_out else {}
        # the page links its own rows of the panel, written beside it
        linked = {"panel_rows": f"{PANEL_ROWS}.csv"} if rows is not None else {}
        extra = {**left, **linked, **dictionary_params(dictionaries, target)}
        todo = [Job(output_name(kind, lang), titles[lang], notebooks / f"{kind}.ipynb", {"report_paths": params, "lang": lang, **extra})
                for lang in langs]

        def during(staging: Path) -> None:
            if rows is not None:
                write_panel_rows(staging, rows, target)

        return build_folder(target, "\n".join(params), inputs_hash, todo, langs, jobs, say, during, write_font, force, shared)


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
    say: Callable[[str], None], notebooks: Path, force: bool, left_out: Sequence["LeftOut"] = (),
    dictionaries: Sequence[OwnDictionary] = (), shared: Optional[KernelPool] = None,
) -> Done:
    """The panel page of ``reports`` in each language into ``out/panel/``, with the
    panel's tables as CSV beside it (:meth:`Panel.write`'s writer), listing the files
    ``left_out`` of the comparisons."""
    from .panel_tables import write_table
    from .series import year_of

    years = sorted({y for r in reports if (y := year_of(r)) is not None})
    title = f"{len(reports)} · {years[0]}–{years[-1]}" if years else str(len(reports))
    with writing(Path(out), PANEL_FOLDER, say) as target:
        params = [relative_param(str(r.source), target) for r in reports]
        inputs_hash = sha(*(r.text.encode("utf-8") for r in reports), *(d.content for d in dictionaries))
        left = {"left_out": [_left_out_param(x, target) for x in left_out]} if left_out else {}
        extra = {"tables": ".", **left, **dictionary_params(dictionaries, target)}
        todo = [Job(output_name("panel", lang), title, notebooks / "panel.ipynb", {"report_paths": params, "lang": lang, **extra})
                for lang in langs]

        def during(staging: Path) -> None:
            for name, frame in p.tables.items():
                write_table(staging, name, _files_relative(frame, target), p.columns[name], ("csv",))

        return build_folder(target, "\n".join(params), inputs_hash, todo, langs, jobs, say, during, write_font, force, shared)


def build_many(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str] = "reports",
    langs: str | Sequence[str] = LANGS,
    jobs: int = DEFAULT_JOBS,
    only: Optional[str] = None,
    say: Callable[[str], None] = say_to_log,
    notebooks: Path = NOTEBOOKS,
    force: bool = False,
    dictionaries: Sequence[str | os.PathLike[str]] = (),
) -> list[Built]:
    """Build the reports of the folders and files given: each report's write-ups (as
    :func:`build`), then for each place with reports of two years or more its series
    (``<place>-series/``), and for each year with reports of two places or more its
    places page (``places-<year>/``); then ``out/index.html``, listing them.
    ``only`` limits the build to ``reports`` or to ``comparisons``; ``force`` runs
    every notebook, whatever the manifests say; ``dictionaries`` are files of one's
    own policy dictionaries, counted on every page and in the panel after the
    package's."""
    from .coverage import Coverage, for_comparisons, for_unreadable, merged
    from .exceptions import NoReports
    from .selection import read_all
    from .series import group, place_of, year_of

    require_writeups()
    langs = parse_langs(langs)
    if only is not None and only not in ONLY:
        raise ParameterError("only", only, f"use one of: {', '.join(ONLY)}")
    _check_out_is_not_an_input(Path(out), paths)
    own = own_dictionaries(dictionaries)
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
        check_path_is_text(r.source or "")
    read_ones = Coverage([r.source or "" for r in reports], [])
    coverage = for_comparisons([e for e, r in read if r is not None]) if only != "reports" else read_ones
    coverage = merged(for_unreadable(e for e, _ in read), coverage)
    for line in coverage.lines():
        say(line)
    names = report_folders(reports, say)
    built: list[Built] = []
    done: list[Done] = []
    # one set of workers and kernels for every folder: started once, not per folder
    with KernelPool(jobs or DEFAULT_JOBS) as shared:
        if only != "comparisons":
            for r in reports:
                done.append(build_report(r, out, langs, jobs, say, notebooks, force, names[id(r)], own, shared))
                folder = done[-1].folder
                built.append(Built("report", folder, place_of(r), str(year_of(r) or "—")))
        if only != "reports":
            in_comparisons = set(coverage.used)
            compared = [r for r in reports if r.source in in_comparisons]
            series, cohorts = group(compared)
            pages = [("series", place, rs) for place, rs in series.items()] + [("places", year, rs) for year, rs in cohorts.items()]
            left = _pages_left_out(coverage.left_out, pages)
            research = None
            if len(compared) >= PANEL_MIN_REPORTS:
                from .attention import with_packaged
                from .panels import attention_of, panel_of

                # the reports already read: the panel parses none again
                research = panel_of(compared, attention=attention_of(with_packaged([d.dictionary for d in own])), say=lambda line: None)
            for n, (kind, key, rs) in enumerate(pages):
                name = series_folder(rs) if kind == "series" else places_folder(key)  # type: ignore[arg-type]
                rows = None
                if research is not None:
                    f = research.targets
                    mine = f["place"] == key if kind == "series" else f["year"] == key
                    rows = f[mine.fillna(False).astype(bool) & f["file"].isin({str(r.source) for r in rs})]
                done.append(_build_comparison(kind, rs, name, out, langs, jobs, say, notebooks, force, left[n], rows, own, shared))
                if kind == "series":
                    years = [y for r in rs if (y := year_of(r)) is not None]
                    built.append(Built("series", done[-1].folder, str(key), f"{min(years)}–{max(years)} ({len(rs)})"))
                else:
                    built.append(Built("places", done[-1].folder, str(key), "、".join(place_of(r) for r in rs)))
            if research is not None:
                done.append(_build_panel(research, compared, out, langs, jobs, say, notebooks, force, coverage.left_out, own,
                                          shared))
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
