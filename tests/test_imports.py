"""The package's layers: imports point one way (no module imports one that imports it
back, however far round), each module stays one job long, and the text rules that
every reader shares are defined once, in :mod:`sdr_analysis.chars` and
:mod:`sdr_analysis.spans`."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "sdr_analysis"
MODULES = {f"sdr_analysis.{p.stem}" if p.stem != "__init__" else "sdr_analysis": p for p in sorted(PACKAGE.glob("*.py"))}

#: A module past this many lines has more than one job.
MAX_LINES = 600


def imported(module: str, path: Path) -> set[str]:
    """The package's modules that ``module`` imports, wherever the import stands: at the
    top, inside a function, or under ``if TYPE_CHECKING``."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "sdr_analysis"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = "sdr_analysis" + (f".{node.module}" if node.module else "")
            elif node.module and node.module.split(".")[0] == "sdr_analysis":
                base = node.module
            else:
                continue
            if base == "sdr_analysis":  # from . import rules: the module; from . import __version__: the package
                out |= {f"sdr_analysis.{a.name}" if f"sdr_analysis.{a.name}" in MODULES else base for a in node.names}
            else:
                out.add(base)
    return {m for m in out if m in MODULES and m != module}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The circles of a graph of imports: each strongly connected group of two or more
    modules, as one circle through it (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_an_import_inside_a_function_counts(tmp_path):
    path = tmp_path / "m.py"
    path.write_text("def f():\n    from .report import Report\n    from . import rules\n", encoding="utf-8")
    assert imported("sdr_analysis.m", path) == {"sdr_analysis.report", "sdr_analysis.rules"}


def test_the_scan_reads_the_packages_imports():
    assert {"sdr_analysis.news", "sdr_analysis.phrases", "sdr_analysis.narrative"} <= imported(
        "sdr_analysis.writeup", MODULES["sdr_analysis.writeup"])
    # one at the top, one inside a function
    assert {"sdr_analysis.comparison", "sdr_analysis.plotting"} <= imported("sdr_analysis.series_page", MODULES["sdr_analysis.series_page"])


def test_no_module_imports_one_that_imports_it_back():
    graph = {m: imported(m, p) for m, p in MODULES.items()}
    assert cycles(graph) == []


#: The modules below :class:`~sdr_analysis.report.Report`: the document and what it is
#: read with, and the extractors that take it.
DOCUMENT_LAYER = [f"sdr_analysis.{m}" for m in (
    "chars", "spans", "numbers", "units", "rules", "results", "exceptions", "reading", "formats", "docx_numbering", "html", "opening", "places",
    "cleaning", "metadata", "layout", "structure", "outline", "quotes", "document",
)]
EXTRACTORS = [f"sdr_analysis.{m}" for m in (
    "candidates", "labels", "indicators", "claims", "relations", "roles", "terms", "targets", "summary",
)]


@pytest.mark.parametrize("module", DOCUMENT_LAYER + EXTRACTORS)
def test_nothing_below_the_report_imports_it(module):
    assert "sdr_analysis.report" not in imported(module, MODULES[module])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_is_one_job_long(module):
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines: split it along its jobs"


#: Text that would define again what :mod:`sdr_analysis.chars` defines once: the ranges
#: of Chinese characters and of digits, the runs of Chinese numerals, the sets of
#: sentence stops and clause breaks, the line reader's pattern.
DEFINED_IN_CHARS = [
    r"\\u4e00", r"\\u9fff", "一-\u9fff", "0-9０-９", "０-９", "一二三四五六七八九", "。！？", "，,", ",，", "；;", ";；",
    r"\[\\r\\n\]", r"\[\^\\r\\n\]", r"\[\^\\S\\r\\n\]", r"\\u200b",
]
#: Modules that may look offsets up by bisection: the one index of spans, the clause
#: finder, and the run-on headings' neighbours in a list that grows as it is read.
BISECT_ALLOWED = {"sdr_analysis.spans", "sdr_analysis.document", "sdr_analysis.structure"}


def strings(path: Path) -> str:
    """The strings of a module's code (its patterns and character sets), docstrings
    left out, one a line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
        and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return "\n".join(
        node.value for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    )


def test_strings_leave_out_docstrings(tmp_path):
    path = tmp_path / "m.py"
    path.write_text('"""Stops: 。！？"""\nSTOPS = "。！？"\ndef f():\n    """Breaks: ，,"""\n', encoding="utf-8")
    assert strings(path) == "。！？"


@pytest.mark.parametrize("module", sorted(set(MODULES) - {"sdr_analysis.chars"}))
def test_character_classes_and_breaks_are_defined_once(module):
    source = MODULES[module].read_text(encoding="utf-8")
    code = strings(MODULES[module])
    for pattern in DEFINED_IN_CHARS:
        assert not re.search(pattern, code), f"{module} writes {pattern!r} itself: use sdr_analysis.chars"
    if module not in BISECT_ALLOWED:
        assert "import bisect" not in source, f"{module} looks offsets up itself: use sdr_analysis.spans.SpanIndex"
