"""The tour notebook, notebooks/explore.ipynb, runs as shipped and shows what its
narration promises (runs a notebook: marked ``notebooks``)."""

from __future__ import annotations

import nbformat
import pytest

from conftest import ROOT

pytestmark = pytest.mark.notebooks

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    import papermill as pm  # here, not at the top: collecting the tests needs no papermill

    out = tmp_path_factory.mktemp("explore") / "explore.ipynb"
    pm.execute_notebook(
        str(NOTEBOOK), str(out), cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False
    )
    return nbformat.read(out, as_version=4)


def outputs(nb, source_start: str) -> list:
    """The outputs of the one code cell whose source starts with ``source_start``."""
    (cell,) = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith(source_start)]
    return cell.outputs


def printed(nb, source_start: str) -> str:
    return "".join(o.text for o in outputs(nb, source_start) if o.output_type == "stream")


def shown(nb, source_start: str, mime: str = "text/plain") -> str:
    return "".join(o.data.get(mime, "") for o in outputs(nb, source_start) if "data" in o)


def test_shipped_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert "parameters" in code[0].metadata.get("tags", [])
    assert not any(line.lstrip().startswith(("def ", "class ")) for c in code for line in c.source.splitlines())


def test_no_cell_fails(executed):
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []


def test_report_metadata_and_missing_sections(executed):
    text = printed(executed, "report = load_report")
    assert "沙河口区" in text and "2022-12-24" in text
    assert "['一', '二']" in text


def test_section_title_and_money_filter(executed):
    assert "(五)坚持下足绣花功夫" in printed(executed, "sec = report.section")
    money = shown(executed, "frame = report.indicators_frame()")
    assert "5.1亿元" in money and "5200余万元" in money


def test_charts_are_png(executed):
    for start in ("writeup.money_chart", "plotting.barh"):
        assert any("image/png" in o.get("data", {}) for o in outputs(executed, start)), start


def test_figure_traces_back_to_its_sentence(executed):
    assert "投资5.1亿元改造老旧小区" in printed(executed, "ind = sec.indicators[0]")
    equality, context = printed(executed, "print(report.text[ind.start:ind.end] == ind.text)").split("\n", 1)
    assert equality == "True" and "5.1亿元" in context
