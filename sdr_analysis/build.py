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
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple, Optional, Sequence

from .checks import check_lang
from .exceptions import OutputError, ParameterError
from .extras import require_writeups
from .fonts import subset_font, write_font
from .index import Built, write_index
from .kernels import KERNEL, Job, KernelPool, run_all, run_notebook, scrub
from .manifest import Manifest, changed_files, fingerprint, fingerprints, library_fingerprint, read_manifest, sha, write_manifest
from .outputs import (
    EXTRACTED_TEXT,
    LANGS,
    NOTEBOOK_SUFFIXES,
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

__all__ = [
    "NOTEBOOKS", "notebooks_folder", "DEFAULT_JOBS", "KERNEL", "Job", "Built", "Done", "summary", "plan", "build",
    "build_report", "build_folder", "writing", "check_path_is_text", "parse_langs", "relative_param", "run_notebook",
    "scrub", "write_tables", "write_index", "write_font", "subset_font", "OwnDictionary", "own_dictionaries", "dictionary_params",
]

if TYPE_CHECKING:
    from .attention import Dictionary

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


def plan(report: Report, report_param: str, langs: Sequence[str], notebooks: Path = NOTEBOOKS, extra: Optional[dict] = None) -> list[Job]:
    """For each language, the overview, then one job per policy section (of every
    part), named by the section's slug (``section-5``, ``section-3-2``) and given the
    section's key; ``extra`` are parameters every notebook gets (``dictionaries``)."""
    jobs = []
    extra = extra or {}
    for lang in langs:
        jobs.append(Job(output_name("overview", lang), "Overview · 概览", notebooks / "overview.ipynb", {"report_path": report_param, "lang": lang, **extra}))
        for sec in written_up(report):
            jobs.append(
                Job(
                    output_name(section_file(sec), lang),
                    sec.marker + sec.title,
                    notebooks / "section.ipynb",
                    {"report_path": report_param, "section": sec.key, "lang": lang, **extra},
                )
            )
    return jobs


# the build


def say_to_log(line: str) -> None:
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
    say: Callable[[str], None] = say_to_log,
    notebooks: Path = NOTEBOOKS,
    force: bool = False,
    dictionaries: Sequence[str | os.PathLike[str]] = (),
) -> Path:
    """Build the write-ups of one report into ``out/<report name>/`` and return that
    folder. Only notebooks whose inputs changed are run, or with ``force`` every one,
    whatever the manifest says. ``dictionaries`` are files of one's own policy
    dictionaries (:mod:`sdr_analysis.attention`), counted on the pages after the
    package's; a change to one reruns the notebooks. Raises :class:`BuildError`
    naming the notebook and cell that failed, :class:`OutputError` for an output
    location that cannot be written; the previous output is then left as it was, as
    it is on Ctrl-C (``KeyboardInterrupt``) or SIGTERM
    (:class:`~sdr_analysis.exceptions.Terminated`)."""
    require_writeups()
    langs = parse_langs(langs)
    own = own_dictionaries(dictionaries)
    return build_report(load_report(report_path), out, langs, jobs, say, notebooks, force, dictionaries=own).folder


class OwnDictionary(NamedTuple):
    """A dictionary file of the user's, checked: its path, its bytes (which the
    fingerprint of every notebook counting it holds) and the dictionary it holds."""

    path: str
    content: bytes
    dictionary: "Dictionary"


def own_dictionaries(paths: Sequence[str | os.PathLike[str]]) -> tuple[OwnDictionary, ...]:
    """The dictionary files ``paths``, each read and checked before anything is built
    (:class:`~sdr_analysis.exceptions.ReportReadError` says what is wrong with one)."""
    from .attention import read_dictionary_file, with_packaged

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    own = []
    for p in paths:
        check_path_is_text(p)
        dictionary, raw = read_dictionary_file(p)
        own.append(OwnDictionary(os.fspath(p), raw, dictionary))
    with_packaged([d.dictionary for d in own])  # no name taken twice
    return tuple(own)


def dictionary_params(own: Sequence[OwnDictionary], target: Path) -> dict:
    """The notebooks' ``dictionaries`` parameter (paths relative to ``target``), or no
    parameter at all for the package's dictionaries alone."""
    return {"dictionaries": [relative_param(d.path, target) for d in own]} if own else {}


def build_report(
    report: Report, out: str | os.PathLike[str], langs: tuple[str, ...], jobs: int, say: Callable[[str], None],
    notebooks: Path, force: bool, name: Optional[str] = None, dictionaries: Sequence[OwnDictionary] = (),
    shared: Optional[KernelPool] = None,
) -> Done:
    """Build the write-ups of a report already read (from its file, ``report.source``)
    into ``out/name`` (by default named after the file), counting the policy
    dictionaries of the package and ``dictionaries``."""
    source = report.source or "report"
    check_path_is_text(source)
    with writing(Path(out), name or folder_name(source), say) as target:
        report_param = relative_param(source, target)

        def tables(staging: Path) -> None:
            write_tables(report, staging)
            write_index(report, staging, langs)
            write_report_text(report, staging)

        todo = plan(report, report_param, langs, notebooks, dictionary_params(dictionaries, target))
        inputs_hash = sha(report.text.encode("utf-8"), *(d.content for d in dictionaries))
        return build_folder(target, report_param, inputs_hash, todo, langs, jobs, say, tables, write_font, force, shared)


def write_report_text(report: Report, folder: Path) -> None:
    """``report.txt`` in ``folder``: the text extracted from a PDF, a Word file or a web
    page, which every ``start``/``end`` of the tables indexes; nothing for a text file,
    which is its own text."""
    if report.format != "text":
        write_file(folder / EXTRACTED_TEXT, report.text)


@contextmanager
def writing(out: Path, name: str, say: Callable[[str], None]) -> Iterator[Path]:
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


def check_path_is_text(path: str | os.PathLike[str]) -> None:
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


def build_folder(
    target: Path, inputs: str, inputs_hash: str, todo_all: list[Job], langs: tuple[str, ...], jobs: int,
    say: Callable[[str], None], during: Callable[[Path], None], after: Optional[Callable[[Path], None]] = None,
    force: bool = False, shared: Optional[KernelPool] = None,
) -> Done:
    """Run the notebooks of ``todo_all`` whose fingerprint changed (with ``force``, all
    of them) into a staging copy of ``target`` and swap it into place. ``inputs``
    names what the notebooks read (the manifest keeps it), ``inputs_hash`` is its
    content; ``during`` writes the folder's other files while the notebooks run,
    ``after`` what is made from the pages; ``shared``, the workers of a build of many
    folders (else this folder starts its own). The last line said is what was done."""
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
            run_all(todo, staging, workers, len(todo_all), say, meanwhile=lambda: _uninterrupted(during, staging), force=force,
                    shared=shared)
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
