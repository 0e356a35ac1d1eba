"""The modules that turn findings into pages import one way: no circle of imports runs
through one of them, counting imports made inside functions and for type checking."""

from __future__ import annotations

import ast

import pytest

from conftest import ROOT

PACKAGE = ROOT / "sdr_analysis"

#: The presentation: numbers in words, checks, names of outputs, charts, phrases, the
#: narrative, the pages and their index.
PRESENTATION = ("wording", "checks", "outputs", "charts", "plotting", "phrases", "narrative", "writeup", "comparison",
                "series_page", "places_page", "index", "messages", "pages", "fonts", "build")


def imports() -> dict[str, set[str]]:
    """Each module of the package and the modules of the package it imports, anywhere in it."""
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    found: dict[str, set[str]] = {}
    for path in PACKAGE.glob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                names |= {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "sdr_analysis":
                names |= {node.module.split(".")[1]} if "." in node.module else {a.name for a in node.names}
        found[path.stem] = names & modules
    return found


def reaches(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += graph[name]
    return seen


def test_the_scan_reads_the_imports():
    graph = imports()
    assert {"wording", "phrases", "narrative"} <= graph["writeup"]
    assert {"comparison", "plotting"} <= graph["series_page"]  # one at the top, one inside a function


@pytest.mark.parametrize("module", PRESENTATION)
def test_no_circle_of_imports_runs_through(module):
    graph = imports()
    back = sorted(name for name in graph if module in reaches(graph, name) and name in reaches(graph, module))
    assert module not in reaches(graph, module), f"{module} imports itself through {back}"
