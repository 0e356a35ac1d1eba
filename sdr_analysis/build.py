"""Building the reports: the write-up notebooks run by papermill, their HTML pages, the
tables behind them and an index page.

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

import html
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Callable, NamedTuple, Optional, Sequence

from .exceptions import BuildError, OutputError, ParameterError, WorkerDied
from .manifest import Manifest, fingerprint, library_fingerprint, read_manifest, sha, write_manifest
from .outputs import NOTEBOOK_SUFFIXES, TABLES, check_out, folder_name, is_regular, locked, output_name, recover, stage, swap
from .pages import notebook_page
from .report import Report, load_report
from .roles import money_stated
from .workers import Workers, at_stop, interruptible, signals_deferred
from .writeup import LANGS, check_lang, money_words, section_file, written_up

PACKAGE = Path(__file__).resolve().parent
NOTEBOOKS = PACKAGE.parent / "notebooks"
DEFAULT_JOBS = 2
KERNEL = "python3"

#: Notebook metadata written by papermill and nbclient that changes from run to run.
VOLATILE_NOTEBOOK_KEYS = ("start_time", "end_time", "duration", "input_path", "output_path", "environment_variables", "exception")
VOLATILE_CELL_KEYS = ("execution", "papermill")


class Job(NamedTuple):
    """One notebook to run: its output name, title, source notebook and parameters."""

    name: str
    title: str
    notebook: Path
    parameters: dict


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


# running notebooks (in worker processes)

_kernel = None  # each worker's kernel, started once for the whole build
_workdir = ""  # where the worker's notebooks are written
_kernel_error: Optional[str] = None  # why the kernel could not start, reported for each notebook


def _start_worker(workdir: str) -> None:
    """Silence the kernel's own log lines (a worker reports through its return value)
    and start the kernel this worker runs all its notebooks in; when the worker stops,
    however it stops, the kernel goes with it."""
    global _kernel, _workdir, _kernel_error
    from jupyter_client.manager import KernelManager

    _workdir = workdir
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    _kernel = KernelManager(kernel_name=KERNEL)
    try:
        _kernel.start_kernel(cwd=workdir)
    except Exception as exc:  # no kernel: every notebook of this worker fails with the reason
        _kernel_error = f"the notebook kernel could not start: {type(exc).__name__}: {exc}"
        return
    at_stop(_stop_kernel)


def _stop_kernel() -> None:
    """Kill the kernel's process group (the kernel runs in a session of its own, so
    this reaches whatever it started) and remove its connection file."""
    import signal

    pgid = getattr(_kernel.provisioner, "pgid", None)
    if pgid:
        os.killpg(pgid, signal.SIGKILL)
    _kernel.cleanup_connection_file()


def _clear_namespace() -> None:
    """Forget the previous notebook's variables; imported modules stay loaded."""
    client = _kernel.client()
    client.start_channels(iopub=False, stdin=False, hb=False)  # a reply on the shell is enough
    try:
        client.execute("%reset -f", silent=True, store_history=False, reply=True, timeout=60)
    finally:
        client.stop_channels()


def _parameters_cell(notebook: Path) -> int:
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    return tagged[0] if tagged else -1


def run_notebook(job: Job) -> tuple[str, Optional[int], Optional[str], float]:
    """Run one notebook into the worker's folder and write its HTML page; returns
    (name, failing cell, error, seconds)."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    started = time.monotonic()
    if _kernel_error:
        return job.name, None, _kernel_error, 0.0
    out = Path(_workdir) / f"{job.name}.ipynb"
    try:
        _clear_namespace()
        pm.execute_notebook(
            str(job.notebook),
            str(out),
            parameters=job.parameters,
            kernel_name=KERNEL,
            km=_kernel,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
        )
        scrub(out)
        notebook_page(out, job.title)
    except PapermillExecutionError as exc:
        # papermill counts the cell it injected after the parameters; the source
        # notebook, which is what a reader opens, does not have it
        cell = exc.cell_index - 1 if exc.cell_index > _parameters_cell(job.notebook) else exc.cell_index
        first_line = (exc.source or "").strip().splitlines()[:1]
        where = f" in `{first_line[0]}`" if first_line else ""
        return job.name, cell, f"{exc.ename}: {exc.evalue}{where}", time.monotonic() - started
    except Exception as exc:  # a kernel that died, a notebook that could not be read
        return job.name, None, f"{type(exc).__name__}: {exc}", time.monotonic() - started
    return job.name, None, None, time.monotonic() - started


def scrub(path: Path) -> None:
    """Remove run-dependent metadata from an executed notebook, in place, and number
    its executed cells from 1 (a reused kernel counts on from the notebook before)."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    pm_meta = nb.metadata.get("papermill", {})
    for key in VOLATILE_NOTEBOOK_KEYS:
        pm_meta.pop(key, None)
    count = 0
    for cell in nb.cells:
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        cell.pop("id", None)
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            count += 1
            cell.execution_count = count
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = count
    nb.nbformat_minor = 4
    nbformat.write(nb, path)


# tables and index (in the building process)


def write_tables(report: Report, folder: Path) -> None:
    """The tables behind the write-ups, as CSV and JSON."""
    frames = {
        "sections": report.sections_frame(),
        "indicators": report.indicators_frame(),
        "claims": report.claims_frame(),
        "relations": report.relations_frame(),
        "terms": report.terms_frame(),
    }
    for name, frame in frames.items():
        frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        (folder / f"{name}.json").write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


INDEX_PAGE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
@font-face {{ font-family: "Report CJK"; src: url("cjk.woff") format("woff"); }}
body {{ font-family: "Report CJK", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.8; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }}
td.n {{ text-align: right; white-space: nowrap; }}
.note {{ color: #666; font-size: .9rem; }}
tr.part th {{ padding-top: 1.2rem; border-bottom: 2px solid #999; }}
.period {{ color: #666; font-weight: normal; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{place} · {date}</p>
<p>Overview · 概览: {overviews}</p>
<table>
<tr><th>Section · 部分</th><th>Write-up · 分析</th><th>Indicators · 指标</th><th>Money · 金额</th><th>Claims · 表述</th><th>Key figures · 主要数据</th></tr>
{rows}
</table>
<p class="note">{notes}</p>
<p class="note">Tables · 数据表: {tables}</p>
</body>
</html>
"""


def _links(stem: str, langs: Sequence[str]) -> str:
    return " · ".join(f'<a href="{output_name(stem, lang)}.html">{lang}</a>' for lang in langs)


#: A part's period on the index page, in both languages.
PERIOD_NAMES = {
    "review": "Review · 工作回顾",
    "plan": "The coming year · 年度工作安排",
    "five_year": "Five-year plan · 五年规划目标",
    "government": "The government itself · 政府自身建设",
    "other": "Other · 其他",
}
KEY_FIGURES = 3


def write_index(report: Report, folder: Path, langs: Sequence[str]) -> None:
    """``index.html``: a row per policy section with links to its write-ups, under a
    row per part naming its title and period (none for a report without parts)."""
    rows = []
    summaries = written_up(report.summaries)
    for part in report.parts:
        if not part.implied:
            rows.append(
                '<tr class="part"><th colspan="6">{name} <span class="period">· {period}</span></th></tr>'.format(
                    name=html.escape(part.marker + part.title), period=html.escape(PERIOD_NAMES.get(part.period, part.period))
                )
            )
        for s in summaries:
            if not part.start <= s.start < part.end:
                continue
            inds = report.within("indicators", s.start, s.end)
            # the largest sums spent, then the other figures in reading order: a GDP or
            # a bank balance is not a key sum of the section's work
            spent = sorted(money_stated(inds), key=lambda i: -i.value)
            spent_at = {i.start for i in spent}
            key = (spent + [i for i in inds if i.start not in spent_at])[:KEY_FIGURES]
            rows.append(
                "<tr><td>{name}</td><td>{links}</td><td class=\"n\">{n} ({d}/1000)</td><td class=\"n\">{money}</td>"
                "<td class=\"n\">{claims}</td><td>{key}</td></tr>".format(
                    name=html.escape(s.marker + s.title),
                    links=_links(section_file(s), langs),
                    n=s.indicators,
                    d=s.density,
                    money=html.escape(money_words(s.money, "zh", s.money_qualifier)),
                    claims=s.claims,
                    key=html.escape("、".join(f"{i.label}{i.text}" for i in key)),
                )
            )
    meta = report.metadata
    page = INDEX_PAGE.format(
        title=html.escape(meta.title.text if meta.title else folder_name(report.source or "report")),
        place=html.escape(meta.place or "—"),
        date=html.escape(meta.date or "—"),
        overviews=_links("overview", langs),
        rows="\n".join(rows),
        notes=html.escape("; ".join(report.notes)),
        tables=" ".join(f'<a href="{n}.csv">{n}.csv</a>' for n in TABLES),
    )
    (folder / "index.html").write_text(page, encoding="utf-8")


def write_font(folder: Path, report: Report, notebooks: Path) -> None:
    """``cjk.woff``: the packaged Noto Sans CJK SC cut down to the characters the pages
    can show, so they read the same on a machine without a Chinese font, offline.

    The pages show the report's text and the words of this package and its notebooks,
    so the characters are taken from those (not from the pages, which lets the font be
    made while the notebooks run)."""
    sources = [report.text] + [p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py")) + sorted(PACKAGE.rglob("*.csv"))]
    sources += [p.read_text(encoding="utf-8") for p in sorted(notebooks.glob("*.ipynb"))]
    subset_font(folder, sources)


def write_page_font(folder: Path) -> None:
    """``cjk.woff`` for the pages of a comparison folder, cut to the characters its
    pages show (made once they are written: the pages quote a few sentences of many
    reports, a small share of their text), and the words of the index page that
    lists the folder, which takes its font from here."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.html"))]
    subset_font(folder, pages + [SITE_INDEX, SITE_PAGES, repr(SITE_PARTS)])


def subset_font(folder: Path, sources: Sequence[str]) -> None:
    """``cjk.woff`` in ``folder``: the packaged font cut to the characters of ``sources``
    and printable ASCII. Hinting and OpenType layout are left out: Chinese text on
    screen needs neither, and the file is a third of the size without them."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from .plotting import cjk_font_path

    chars = {ord(ch) for text in sources for ch in text if ord(ch) > 126} | set(range(32, 127))
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    # no timestamp: same bytes each build; closed when done (lazy loading keeps the file open)
    with TTFont(str(cjk_font_path()), lazy=True, recalcTimestamp=False) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(chars))
        subsetter.subset(font)
        font.flavor = "woff"
        font.save(str(folder / "cjk.woff"))


# the build


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


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
) -> Path:
    """Build the write-ups of one report into ``out/<report name>/`` and return that
    folder. Only notebooks whose inputs changed are run. Raises :class:`BuildError`
    naming the notebook and cell that failed, :class:`OutputError` for an output
    location that cannot be written; the previous output is then left as it was, as
    it is on Ctrl-C (``KeyboardInterrupt``) or SIGTERM
    (:class:`~sdr_analysis.exceptions.Terminated`)."""
    langs = parse_langs(langs)
    report = load_report(report_path)
    out = Path(out)
    target = check_out(out, folder_name(report_path))
    with interruptible(), locked(out, target.name, say):
        try:
            return _build_locked(report, report_path, target, langs, jobs, say, notebooks)
        except OSError as exc:
            where = exc.filename or target
            raise OutputError(str(where), f"cannot be written ({exc.strerror or exc}); check the folder and the free space") from None


def _build_locked(
    report: Report, report_path: str | os.PathLike[str], target: Path, langs: tuple[str, ...], jobs: int,
    say: Callable[[str], None], notebooks: Path,
) -> Path:
    report_param = relative_param(report_path, target)
    report_hash = sha(report.text.encode("utf-8"))

    def tables(staging: Path) -> None:
        write_tables(report, staging)
        write_index(report, staging, langs)
        write_font(staging, report, notebooks)

    return _build_folder(target, report_param, report_hash, plan(report, report_param, langs, notebooks), langs, jobs, say, tables)


def relative_param(path: str | os.PathLike[str], target: Path) -> str:
    """A report's path as the notebooks of ``target`` read it: relative to that folder
    (never this machine's absolute path), with ``/``."""
    return Path(os.path.relpath(Path(path).resolve(), target.resolve())).as_posix()


def _build_folder(
    target: Path, inputs: str, inputs_hash: str, todo_all: list[Job], langs: tuple[str, ...], jobs: int,
    say: Callable[[str], None], during: Callable[[Path], None], after: Optional[Callable[[Path], None]] = None,
) -> Path:
    """Run the notebooks of ``todo_all`` whose fingerprint changed into a staging copy
    of ``target`` and swap it into place. ``inputs`` names what the notebooks read (the
    manifest keeps it), ``inputs_hash`` is its content; ``during`` writes the folder's
    other files while the notebooks run, ``after`` what is made from the pages."""
    recover(target)
    library_hash = library_fingerprint()
    prints = {job.name: fingerprint(job.notebook, job.parameters, inputs_hash, library_hash) for job in todo_all}
    tables_print = sha(inputs_hash.encode(), library_hash.encode(), ",".join(langs).encode())
    previous = read_manifest(target, say)
    todo = [
        job for job in todo_all
        if previous.notebooks.get(job.name) != prints[job.name]
        or not all(is_regular(target / f"{job.name}{suffix}") for suffix in NOTEBOOK_SUFFIXES)
    ]
    stale = sorted(set(previous.notebooks) - set(prints))
    if not todo and not stale and previous.tables == tables_print and previous.report == inputs:
        say(f"nothing to do: {len(todo_all)} notebooks of {target} are up to date")
        return target

    staging = stage(target, stale)
    try:
        if todo:
            _run_all(todo, staging, max(1, min(jobs, len(todo))), len(todo_all), say, meanwhile=lambda: during(staging))
        else:
            during(staging)
        if after is not None:
            after(staging)
        write_manifest(staging, Manifest(inputs, tables_print, prints))
        with signals_deferred():
            swap(target, staging)
    except BaseException as exc:
        recover(target)
        if isinstance(exc, KeyboardInterrupt):
            say(f"stopped: workers and kernels ended, no partial output left in {target.parent}")
        raise
    say(f"done: {target}/{'index.html' if (target / 'index.html').exists() else todo_all[0].name + '.html'}")
    return target


def _run_all(
    todo: list[Job], staging: Path, workers: int, total: int, say: Callable[[str], None], meanwhile: Callable[[], None]
) -> None:
    """Run the notebooks in worker processes; ``meanwhile`` runs here while they do."""
    say(f"running {len(todo)} of {total} notebooks ({workers} at a time); the others are up to date")
    failures = []
    with Workers(workers, _start_worker, (str(staging.resolve()),)) as pool:
        results = pool.run(run_notebook, todo)
        meanwhile()
        try:
            for n, (job, (name, cell, error, seconds)) in enumerate(results, start=1):
                say(f"[{n}/{len(todo)}] {name}: {'ok' if error is None else 'FAILED'} ({seconds:.1f}s)")
                if error is not None:
                    failures.append((name, cell, error, job))
        except WorkerDied as exc:
            raise BuildError(f"{exc.item.name}.ipynb (from {exc.item.notebook.name})", None, exc.detail.strip().splitlines()[-1]) from exc
    if failures:
        name, cell, error, job = sorted(failures, key=lambda f: f[:3])[0]
        raise BuildError(f"{name}.ipynb (from {job.notebook.name})", cell, error)


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


def places_folder(year: int) -> str:
    return f"places-{year}"


class Built(NamedTuple):
    """A folder a build of many reports made: its kind (report, series or places),
    its path, and its line on the index page (what, years or places)."""

    kind: str
    folder: Path
    name: str
    detail: str


def build_comparison(
    kind: str,
    reports: Sequence[Report],
    folder: str,
    out: str | os.PathLike[str] = "reports",
    langs: str | Sequence[str] = LANGS,
    jobs: int = DEFAULT_JOBS,
    say: Callable[[str], None] = _say,
    notebooks: Path = NOTEBOOKS,
) -> Path:
    """Build one comparison page (``series`` or ``places``) of ``reports``, in each
    language, into ``out/<folder>/``, with the same promises as :func:`build`: only
    the notebooks whose inputs changed are run, in a staging copy swapped in when all
    succeed, under the folder's lock. The notebooks read the reports by paths
    relative to the folder."""
    from .series import place_of, year_of

    langs = parse_langs(langs)
    out = Path(out)
    target = check_out(out, folder_name(folder))
    if kind == "series":
        years = sorted(y for y in (year_of(r) for r in reports) if y is not None)
        title = f"{place_of(reports[0])} {years[0]}–{years[-1]}" if years else place_of(reports[0])
    else:
        title = f"{'、'.join(sorted({str(year_of(r)) for r in reports}))} · {len(reports)}"
    with interruptible(), locked(out, target.name, say):
        try:
            params = [relative_param(r.source, target) for r in reports]
            inputs_hash = sha(*(r.text.encode("utf-8") for r in reports))
            todo = [Job(output_name(kind, lang), title, notebooks / f"{kind}.ipynb", {"report_paths": params, "lang": lang}) for lang in langs]
            return _build_folder(target, "\n".join(params), inputs_hash, todo, langs, jobs, say, lambda staging: None, write_page_font)
        except OSError as exc:
            where = exc.filename or target
            raise OutputError(str(where), f"cannot be written ({exc.strerror or exc}); check the folder and the free space") from None


def build_many(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str] = "reports",
    langs: str | Sequence[str] = LANGS,
    jobs: int = DEFAULT_JOBS,
    only: Optional[str] = None,
    say: Callable[[str], None] = _say,
    notebooks: Path = NOTEBOOKS,
) -> list[Built]:
    """Build the reports of the folders and files given: each report's write-ups (as
    :func:`build`), then for each place with reports of two years or more its series
    (``<place>-series/``), and for each year with reports of two places or more its
    places page (``places-<year>/``); then ``out/index.html``, listing them.
    ``only`` limits the build to ``reports`` or to ``comparisons``."""
    from .series import group, load_reports, place_of, year_of

    langs = parse_langs(langs)
    if only is not None and only not in ONLY:
        raise ParameterError("only", only, f"use one of: {', '.join(ONLY)}")
    reports = load_reports(paths)
    if not reports:
        raise ParameterError("paths", [str(p) for p in paths], "give report files, or folders holding .txt or .html reports")
    built: list[Built] = []
    if only != "comparisons":
        for r in reports:
            folder = build(r.source, out, langs, jobs, say, notebooks)
            built.append(Built("report", folder, place_of(r), str(year_of(r) or "—")))
    if only != "reports":
        series, cohorts = group(reports)
        for place, rs in series.items():
            folder = build_comparison("series", rs, series_folder(rs), out, langs, jobs, say, notebooks)
            years = [year_of(r) for r in rs]
            built.append(Built("series", folder, place, f"{min(years)}–{max(years)} ({len(rs)})"))
        for year, rs in cohorts.items():
            folder = build_comparison("places", rs, places_folder(year), out, langs, jobs, say, notebooks)
            built.append(Built("places", folder, str(year), "、".join(place_of(r) for r in rs)))
    write_site_index(Path(out), built, langs)
    say(f"done: {Path(out) / 'index.html'}")
    return built


SITE_INDEX = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Reports · 报告</title>
<style>
{fonts}
body {{ font-family: {families}"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.8; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }}
td.n {{ white-space: nowrap; }}
</style>
</head>
<body>
<h1>Reports · 报告</h1>
{parts}
</body>
</html>
"""

SITE_PAGES = "Pages · 页面"
#: The index's parts: the kind of folder, its heading and the heading of its columns.
SITE_PARTS = (
    ("series", "A place over the years · 历年目标与完成情况", ("Place · 地区", "Years · 年份")),
    ("places", "Places in one year · 同年各地目标对比", ("Year · 年份", "Places · 地区")),
    ("report", "Each report · 各报告", ("Place · 地区", "Year · 年份")),
)


def write_site_index(out: Path, built: Sequence[Built], langs: Sequence[str]) -> None:
    """``out/index.html``: the folders of a build of many reports, comparisons first,
    each with a link per language. Its fonts are the comparison folders' own."""
    parts = []
    for kind, heading, (first, second) in SITE_PARTS:
        mine = [b for b in built if b.kind == kind]
        if not mine:
            continue
        rows = []
        for b in mine:
            stem = "index" if kind == "report" else kind
            links = (f'<a href="{html.escape(b.folder.name)}/index.html">index</a>' if kind == "report" else
                     " · ".join(f'<a href="{html.escape(b.folder.name)}/{output_name(stem, lang)}.html">{lang}</a>' for lang in langs))
            rows.append(f'<tr><td>{html.escape(b.name)}</td><td class="n">{html.escape(b.detail)}</td><td class="n">{links}</td></tr>'
                        if kind != "places" else
                        f'<tr><td class="n">{html.escape(b.name)}</td><td>{html.escape(b.detail)}</td><td class="n">{links}</td></tr>')
        parts.append(f"<h2>{heading}</h2>\n<table>\n<tr><th>{first}</th><th>{second}</th><th>{SITE_PAGES}</th></tr>\n"
                     + "\n".join(rows) + "\n</table>")
    fonts = [b.folder.name for b in built if (b.folder / "cjk.woff").is_file()]
    page = SITE_INDEX.format(
        fonts="\n".join(f'@font-face {{ font-family: "Report CJK {n}"; src: url("{html.escape(name)}/cjk.woff") format("woff"); }}'
                        for n, name in enumerate(fonts, start=1)),
        families="".join(f'"Report CJK {n}", ' for n in range(1, len(fonts) + 1)),
        parts="\n".join(parts),
    )
    tmp = out / f".index.html.{os.getpid()}"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out / "index.html")
