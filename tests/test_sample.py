"""The sample report ships inside the package, so the tour runs where no seeds/ folder
is (an installed wheel); the comparison notebooks' default paths, not there in a fresh
clone, stop with one line naming the parameter to set."""

from __future__ import annotations

import subprocess
import sys
import warnings

import nbformat
import pytest

from conftest import ROOT, SEED
from sdr_analysis import ParameterError, comparison
from sdr_analysis.sample import or_sample, sample_report_path


def test_the_sample_is_the_seed_byte_for_byte():
    assert sample_report_path().read_bytes() == SEED.read_bytes()
    assert sample_report_path().is_relative_to(ROOT / "sdr_analysis")


def test_a_path_that_is_there_is_kept_and_one_that_is_not_reads_the_sample(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert or_sample(SEED) == SEED
    with pytest.warns(UserWarning, match="gone.txt' is not there: reading the sample report"):
        assert or_sample(tmp_path / "gone.txt") == sample_report_path()
    with pytest.raises(ParameterError, match="report_path"):
        or_sample(None)


def test_the_tour_reads_the_sample_where_its_default_path_is_not_there(tmp_path):
    """The tour's first cells (parameters, imports, loading the report) run in a folder
    with no ../seeds, as from an installed package."""
    cells = [c.source for c in nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4).cells if c.cell_type == "code"]
    load = next(i for i, source in enumerate(cells) if source.startswith("report = load_report"))
    code = "\n".join(cells[: load + 1])
    (tmp_path / "work").mkdir()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path / "work", timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "", "MPLBACKEND": "agg", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert "沙河口区" in done.stdout and "2022-12-24" in done.stdout  # the sample's place and date
    assert "is not there: reading the sample report" in done.stderr


@pytest.mark.parametrize("open_page", [comparison.open_series, comparison.open_places])
def test_comparison_paths_that_are_not_there_name_the_parameter(open_page, tmp_path):
    with pytest.raises(ParameterError) as caught:
        open_page([str(SEED), str(tmp_path / "a-2012.txt"), str(tmp_path / "a-2013.txt")], "en")
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"parameter report_paths = {str(tmp_path / 'a-2012.txt')!r} cannot be used")
    assert "(and 1 more of the 3 paths)" in message and "set report_paths to the reports of one" in message
