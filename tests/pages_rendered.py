"""The pages of a report, rendered without a kernel: the code cells of
``notebooks/section.ipynb`` and ``notebooks/overview.ipynb`` run in this process (their
parameters cell left out), with the report parsed once and handed to the notebook's
``writeup.open_section`` / ``writeup.open_report`` and its other parameters at their
defaults; what each cell displays, and its
last expression, is collected. So the tests see every write-up function the notebooks
call, as they call it, including calls added to the notebooks later. The index page
comes from :func:`sdr_analysis.index.write_index`.

What a reader sees of each output: Markdown rendered by nbconvert, a table's HTML, a
chart's title and alt text (the chart itself drawn, as on the page)."""

from __future__ import annotations

import ast
import html
import json
import re
import tempfile
import types
from pathlib import Path
from typing import Any, Iterator

from test_messages import markdown_text

from conftest import ROOT
from sdr_analysis import index, writeup
from sdr_analysis.charts import Chart
from sdr_analysis.outputs import written_up
from sdr_analysis.report import Report, ReportSection

NOTEBOOKS = ROOT / "notebooks"


class Shown(str):
    """Markdown a cell displays (``display(Markdown(...))``)."""


def code_cells(name: str) -> list[tuple[int, list[ast.stmt]]]:
    """The notebook's code cells but its parameters cell, parsed: (cell index, statements)."""
    cells = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]
    return [
        (n, ast.parse("".join(c["source"])).body)
        for n, c in enumerate(cells)
        if c["cell_type"] == "code" and "parameters" not in c.get("metadata", {}).get("tags", [])
    ]


def parameters_cell(name: str) -> str:
    """The source of the notebook's parameters cell."""
    cells = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]
    return next("".join(c["source"]) for c in cells if "parameters" in c.get("metadata", {}).get("tags", []))


def _writeup_for(report: Report, sec: ReportSection | None) -> types.SimpleNamespace:
    """The write-up module as the notebook sees it, its reports already open."""
    mod = types.SimpleNamespace(**{k: getattr(writeup, k) for k in dir(writeup) if not k.startswith("__")})
    mod.open_section = lambda *_: (report, sec)
    mod.open_report = lambda *_: report
    return mod


def run_notebook(name: str, report: Report, lang: str, sec: ReportSection | None = None) -> Iterator[tuple[str, Any]]:
    """Each output of the notebook's code cells, ``(where, object)``, as run on ``report``."""
    shown: list[Any] = []
    names: dict[str, Any] = {}

    def inject() -> None:
        names.update(
            writeup=_writeup_for(report, sec), display=shown.append, Markdown=Shown,
            charts=types.SimpleNamespace(setup_display=lambda: None),
            report_path=str(report.source or ""), section=sec.key if sec else "", lang=lang,
        )

    # the parameters' defaults (those a build does not set, as papermill leaves them)
    exec(compile(parameters_cell(name), name, "exec"), names)
    inject()
    for n, body in code_cells(name):
        for i, stmt in enumerate(body):
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                exec(compile(ast.Module([stmt], []), name, "exec"), names)
                inject()  # the notebook's imports, then the stand-ins this process gives them
            elif i == len(body) - 1 and isinstance(stmt, ast.Expr):
                shown.append(eval(compile(ast.Expression(stmt.value), name, "eval"), names))
            else:
                exec(compile(ast.Module([stmt], []), name, "exec"), names)
        for obj in shown:
            if obj is not None:
                yield f"{name} cell {n}", obj
        shown.clear()


def html_text(page: str) -> str:
    """The text of HTML (a table, the index page): every element's, a line per cell."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def seen(obj: Any) -> str:
    """What a reader sees of one output."""
    if isinstance(obj, Shown):
        return markdown_text(obj)
    if isinstance(obj, Chart):
        return f"{obj.title}\n{obj.alt}"
    if hasattr(obj, "to_html"):
        return html_text(obj.to_html())
    return str(obj)


def index_text(report: Report) -> str:
    """What a reader sees of the report's index page."""
    with tempfile.TemporaryDirectory() as folder:
        index.write_index(report, Path(folder), ["en", "zh"])
        return html_text((Path(folder) / "index.html").read_text(encoding="utf-8"))


def pages(report: Report, langs: tuple[str, ...] = ("en", "zh")) -> Iterator[tuple[str, str]]:
    """``(where, text)`` for every output of every page of ``report``: each section's
    write-up and the overview in each language, then the index page."""
    for lang in langs:
        for sec in written_up(report):
            for where, obj in run_notebook("section.ipynb", report, lang, sec):
                yield f"{lang} section {sec.key} {where}", seen(obj)
        for where, obj in run_notebook("overview.ipynb", report, lang):
            yield f"{lang} overview {where}", seen(obj)
    yield "index", index_text(report)


#: The real reports beside the repository (tests skip where they are absent).
CORPORA = [ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus-counties"]


def real_reports() -> list[Path]:
    """Every real report of :data:`CORPORA` (the folder ``SDR_CORPUS`` names standing
    for the first), in a fixed order."""
    import os

    folders = [Path(os.environ.get("SDR_CORPUS", CORPORA[0])), CORPORA[1]]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.txt"))


def render_every_page(path: Path) -> int:
    """Run every cell of every page of the report at ``path`` (parsed once), both
    languages, and write its index; raises what any of them raises, saying where.
    Returns how many outputs the pages have."""
    from sdr_analysis import load_report

    report = load_report(path)
    outputs = 0
    where = "opening"
    try:
        for lang in ("en", "zh"):
            for sec in written_up(report):
                where = f"{lang} section {sec.key}"
                outputs += sum(1 for _ in run_notebook("section.ipynb", report, lang, sec))
            where = f"{lang} overview"
            outputs += sum(1 for _ in run_notebook("overview.ipynb", report, lang))
        where = "index"
        index_text(report)
    except Exception as exc:
        raise AssertionError(f"{path.name}, {where}: {type(exc).__name__}: {exc}") from exc
    return outputs + 1


def every_page_test(reports: list[Path]):
    """A test that renders every page of each of ``reports`` (for the twin files that
    share the real reports between two workers)."""
    import pytest

    @pytest.mark.skipif(not reports, reason="the real reports are absent (../shared/corpus, ../shared/corpus-counties); set SDR_CORPUS")
    @pytest.mark.parametrize("path", reports, ids=lambda p: p.stem)
    def test_every_page_renders(path):
        assert render_every_page(path) > 10

    return test_every_page_renders
