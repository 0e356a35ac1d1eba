"""The notebooks' parameters: a good value comes back as it is to be used, a wrong one
stops with one ParameterError naming the parameter and what it can be."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdr_analysis import ParameterError
from sdr_analysis.checks import check_lang, check_measure, check_report_path, check_report_paths


@pytest.mark.parametrize("check, given, expected", [
    pytest.param(check_lang, "zh", "zh", id="lang"),
    pytest.param(check_report_path, Path("r.txt"), Path("r.txt"), id="report-path"),
    pytest.param(check_report_paths, "folder", ["folder"], id="one-folder"),
    pytest.param(check_report_paths, ("a.txt", "b.txt"), ["a.txt", "b.txt"], id="report-paths"),
    pytest.param(lambda v: check_measure(v, allow_all=False), "gdp", "gdp", id="measure"),
    pytest.param(lambda v: check_measure(v, allow_all=True), "", "", id="every-measure"),
])
def test_a_good_value_passes(check, given, expected):
    assert check(given) == expected


@pytest.mark.parametrize("check, given, name, valid", [
    pytest.param(check_lang, "fr", "lang", "use one of: en, zh", id="lang-unknown"),
    pytest.param(check_lang, ["en"], "lang", "use one of: en, zh", id="lang-list"),
    pytest.param(check_report_path, 5, "report_path", "path of a report file", id="report-path-int"),
    pytest.param(check_report_paths, [], "report_paths", "a list of report files", id="report-paths-empty"),
    pytest.param(check_report_paths, ["a.txt", 5], "report_paths", "a list of report files", id="report-paths-mixed"),
    pytest.param(lambda v: check_measure(v, allow_all=False), "", "measure", "use one of: gdp, ", id="measure-all-not-allowed"),
    pytest.param(lambda v: check_measure(v, allow_all=True), "growth", "measure", 'or "" for every measure', id="measure-unknown"),
])
def test_a_wrong_value_is_named_with_what_it_can_be(check, given, name, valid):
    with pytest.raises(ParameterError) as err:
        check(given)
    assert err.value.name == name and err.value.value == given
    assert valid in str(err.value) and "\n" not in str(err.value)
