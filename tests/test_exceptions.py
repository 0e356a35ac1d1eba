"""The errors' messages, and how a notebook shows them: one line naming what is wrong
and what is valid, never a traceback."""

from __future__ import annotations

import nbformat
import pytest

from conftest import ROOT
from sdr_analysis import BuildError, ReportReadError, SdrError, SectionNotFound

ERRORS = [
    pytest.param(
        SectionNotFound("九", ["三", "四", "五", "六"]),
        "no section '九' in this report; sections: 三, 四, 五, 六",
        id="section-not-found-lists-sections",
    ),
    pytest.param(SectionNotFound("一", []), "no section '一' in this report; sections: none", id="section-not-found-no-sections"),
    pytest.param(
        ReportReadError("seeds/missing.txt", "no such file; check the path"),
        "seeds/missing.txt: no such file; check the path",
        id="report-read-error",
    ),
    pytest.param(
        BuildError("section-5.ipynb", 3, "SectionNotFound: no section '九'"),
        "section-5.ipynb, cell 3 failed: SectionNotFound: no section '九'",
        id="build-error-with-cell",
    ),
    pytest.param(
        BuildError("overview.ipynb", None, "DeadKernelError: kernel died"),
        "overview.ipynb failed: DeadKernelError: kernel died",
        id="build-error-without-cell",
    ),
    pytest.param(SdrError("unknown language 'fr'; use one of: en, zh"), "unknown language 'fr'; use one of: en, zh", id="base"),
]


@pytest.mark.parametrize("error, message", ERRORS)
def test_message(error, message):
    assert str(error) == message
    assert isinstance(error, SdrError)


@pytest.mark.parametrize("error, message", ERRORS)
def test_notebook_shows_one_line(error, message):
    assert error._render_traceback_() == [f"{type(error).__name__}: {message}"]


WRONG_PARAMETERS = [
    pytest.param({"section": "九"}, "SectionNotFound", ["三", "四", "五", "六"], id="section"),
    pytest.param({"lang": "fr"}, "ParameterError", ["en", "zh"], id="lang"),
    pytest.param({"report_path": "../seeds/missing.txt"}, "ReportReadError", ["missing.txt", "no such file"], id="report-path"),
]


@pytest.mark.notebooks
@pytest.mark.parametrize("parameters, ename, named", WRONG_PARAMETERS)
def test_wrong_notebook_parameter_is_one_message(tmp_path, parameters, ename, named):
    import papermill as pm  # here, not at the top: collecting the tests needs no papermill
    from papermill.exceptions import PapermillExecutionError

    out = tmp_path / "section.ipynb"
    with pytest.raises(PapermillExecutionError) as info:
        pm.execute_notebook(
            str(ROOT / "notebooks" / "section.ipynb"),
            str(out),
            parameters=parameters,
            cwd=str(ROOT / "notebooks"),
            kernel_name="python3",
            progress_bar=False,
        )
    assert info.value.ename == ename
    assert all(word in info.value.evalue for word in named)
    nb = nbformat.read(out, as_version=4)
    (error,) = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert len(error.traceback) <= 2
    assert error.traceback[0] == f"{ename}: {info.value.evalue}"


def test_every_raise_in_the_package_is_a_specific_error():
    """Each ``raise`` names a subclass of SdrError (not SdrError itself, not a bare
    ValueError or RuntimeError): callers catch one type and read its data. A re-raise
    ``Terminated`` (a signal, a KeyboardInterrupt) and the AttributeError a
    ``__getattr__`` must raise are the exceptions."""
    import ast
    import importlib
    from pathlib import Path

    import sdr_analysis
    from sdr_analysis import exceptions

    allowed_signals = {"Terminated", "AttributeError"}
    found = []
    for path in sorted(Path(sdr_analysis.__file__).parent.glob("*.py")):
        if path.stem == "__main__":
            continue  # running it is the command line
        module = importlib.import_module(f"sdr_analysis.{path.stem}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and isinstance(node.exc.func, ast.Name):
                name = node.exc.func.id
                found.append(name)
                if name in allowed_signals:
                    continue
                factory = getattr(module, name, None)
                if callable(factory) and not isinstance(factory, type):  # a function that builds the error
                    name = factory.__annotations__.get("return", "")
                cls = getattr(exceptions, name, None)
                assert cls is not None, f"{path.name}:{node.lineno} raises {name}, which is not one of sdr_analysis.exceptions"
                assert issubclass(cls, exceptions.SdrError) and cls is not exceptions.SdrError, f"{path.name}:{node.lineno} raises {name}"
    assert len(found) > 20
