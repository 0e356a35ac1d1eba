"""Building the reports: the write-up notebooks run by papermill, their HTML pages, the
tables behind them and an index page.

A build runs in a staging folder beside the output and replaces the previous output
only when every notebook has succeeded, so a failure never destroys a good report.
What changes from run to run (timestamps, durations, paths of this machine) is left
out of the notebooks, so a rebuild with nothing changed rewrites the same bytes.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Callable, NamedTuple, Optional

from .exceptions import BuildError
from .report import Report, load_report
from .writeup import check_lang, density, money_words, section_file

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
DEFAULT_JOBS = 2
KERNEL = "python3"

#: Notebook metadata written by papermill and nbclient that changes from run to run.
VOLATILE_NOTEBOOK_KEYS = ("start_time", "end_time", "duration", "input_path", "output_path", "environment_variables", "exception")
VOLATILE_CELL_KEYS = ("execution", "papermill")


class Job(NamedTuple):
    """One notebook to run: its output name, its source notebook and parameters."""

    name: str
    notebook: Path
    parameters: dict


def slug_of(path: str | os.PathLike[str]) -> str:
    return Path(path).stem


def plan(report: Report, report_param: str, lang: str, notebooks: Path = NOTEBOOKS) -> list[Job]:
    """The overview, then one job per outermost section."""
    jobs = [Job("overview", notebooks / "overview.ipynb", {"report_path": report_param, "lang": lang})]
    for sec in report:
        jobs.append(
            Job(section_file(sec), notebooks / "section.ipynb", {"report_path": report_param, "section": sec.number, "lang": lang})
        )
    return jobs


def _quiet_worker() -> None:
    """Send the kernels' own log lines (transport warnings, shutdown notices) to
    /dev/null: a worker reports its outcome through its return value."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _parameters_cell(notebook: Path) -> int:
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    return tagged[0] if tagged else -1


def run_notebook(job: Job, workdir: str) -> tuple[str, Optional[int], Optional[str], float]:
    """Run one notebook into ``workdir``; returns (name, failing cell, error, seconds)."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    started = time.monotonic()
    out = Path(workdir) / f"{job.name}.ipynb"
    try:
        pm.execute_notebook(
            str(job.notebook),
            str(out),
            parameters=job.parameters,
            cwd=workdir,
            kernel_name=KERNEL,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
        )
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
    """Remove run-dependent metadata from an executed notebook, in place."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    pm_meta = nb.metadata.get("papermill", {})
    for key in VOLATILE_NOTEBOOK_KEYS:
        pm_meta.pop(key, None)
    for cell in nb.cells:
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        cell.pop("id", None)
    nb.nbformat_minor = 4
    nbformat.write(nb, path)


def to_html(path: Path, title: str) -> None:
    """An HTML page of the notebook with the code hidden."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4), resources={"metadata": {"name": title}})
    path.with_suffix(".html").write_text(body, encoding="utf-8")


def write_tables(report: Report, folder: Path) -> None:
    """The tables behind the write-ups, as CSV and JSON."""
    tables = {
        "indicators": report.indicators_frame(),
        "claims": report.claims_frame(),
        "relations": report.relations_frame(),
        "sections": report.sections_frame(),
        "terms": report.terms_frame(),
    }
    for name, frame in tables.items():
        frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        (folder / f"{name}.json").write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


INDEX_PAGE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.7; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }}
td.n {{ text-align: right; white-space: nowrap; }}
.note {{ color: #666; font-size: .9rem; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{place} · {date}</p>
<p><a href="overview.html">Overview · 报告概览</a></p>
<table>
<tr><th>Section · 部分</th><th>Indicators · 指标</th><th>Money · 金额</th><th>Claims · 表述</th><th>Key figures · 主要数据</th></tr>
{rows}
</table>
<p class="note">{notes}</p>
<p class="note">Tables: {tables}</p>
</body>
</html>
"""


def write_index(report: Report, folder: Path, lang: str) -> None:
    rows = []
    for sec in report:
        inds = sec.indicators
        key = sorted(inds, key=lambda i: (i.kind != "money", -i.value))[:3]
        rows.append(
            "<tr><td><a href=\"{href}.html\">{name}</a></td><td class=\"n\">{n} ({d}/1000)</td><td class=\"n\">{money}</td>"
            "<td class=\"n\">{claims}</td><td>{key}</td></tr>".format(
                href=section_file(sec),
                name=html.escape(sec.marker + sec.title),
                n=len(inds),
                d=density(len(inds), len(sec.text)),
                money=html.escape(money_words(sum(i.value for i in inds if i.kind == "money" and i.unit == "元" and not i.each), lang)),
                claims=len(sec.claims),
                key=html.escape("、".join(f"{i.label}{i.text}" for i in key)),
            )
        )
    meta = report.metadata
    page = INDEX_PAGE.format(
        title=html.escape(meta.title.text if meta.title else slug_of(report.source or "report")),
        place=html.escape(meta.place or "—"),
        date=html.escape(meta.date or "—"),
        rows="\n".join(rows),
        notes=html.escape("; ".join(report.notes)),
        tables=" ".join(f'<a href="{n}.csv">{n}.csv</a>' for n in ("sections", "indicators", "claims", "relations", "terms")),
    )
    (folder / "index.html").write_text(page, encoding="utf-8")


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def build(
    report_path: str | os.PathLike[str],
    out: str | os.PathLike[str] = "reports",
    lang: str = "en",
    jobs: int = DEFAULT_JOBS,
    say: Callable[[str], None] = _say,
    notebooks: Path = NOTEBOOKS,
) -> Path:
    """Build the write-ups of one report into ``out/<report name>/`` and return that
    folder. Raises :class:`BuildError` naming the notebook and cell that failed; the
    previous output is then left as it was."""
    check_lang(lang)
    report = load_report(report_path)
    out = Path(out)
    target = out / slug_of(report_path)
    staging = out / f".staging-{target.name}"
    previous = out / f".previous-{target.name}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    report_param = Path(os.path.relpath(Path(report_path).resolve(), target.resolve())).as_posix()
    todo = plan(report, report_param, lang, notebooks)
    say(f"building {len(todo)} notebooks of {report_path} into {target} ({jobs} at a time)")
    failures = []
    try:
        with ProcessPoolExecutor(max_workers=max(1, jobs), initializer=_quiet_worker) as pool:
            futures = [pool.submit(run_notebook, job, str(staging.resolve())) for job in todo]
            for done, fut in enumerate(as_completed(futures), start=1):
                name, cell, error, seconds = fut.result()
                status = "ok" if error is None else "FAILED"
                say(f"[{done}/{len(todo)}] {name}: {status} ({seconds:.1f}s)")
                if error is not None:
                    failures.append((name, cell, error))
        if failures:
            name, cell, error = sorted(failures)[0]
            job = next(j for j in todo if j.name == name)
            raise BuildError(f"{name}.ipynb (from {job.notebook.name})", cell, error)
        titles = {"overview": "Overview"} | {section_file(s): s.marker + s.title for s in report}
        for job in todo:
            nb = staging / f"{job.name}.ipynb"
            scrub(nb)
            to_html(nb, titles[job.name])
        write_tables(report, staging)
        write_index(report, staging, lang)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
    say(f"done: {target}/index.html")
    return target
