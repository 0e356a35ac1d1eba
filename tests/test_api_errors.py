"""Invalid arguments to the Python API raise the package's errors, as the command line
refuses them: one line naming the argument, what was given and what would do; never a
bare TypeError from deep inside, an empty frame or ``None``."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED
from sdr_analysis import ParameterError, SdrError, SectionNotFound, load_report, parse_report, writeup
from sdr_analysis.comparison import measure_name
from sdr_analysis.corpus import build_corpus
from sdr_analysis.series import load_reports, series_frame, series_rows


@pytest.fixture(scope="module")
def report():
    return load_report(SEED)


CASES = [
    # (id, call, error, the parameter named, words the remedy says)
    ("load_report(None)", lambda r: load_report(None), ParameterError, "path", "path of a report file"),
    ("load_report(123)", lambda r: load_report(123), ParameterError, "path", "path of a report file"),
    ("load_report(bytes)", lambda r: load_report(b"report.txt"), ParameterError, "path", "path of a report file"),
    ("parse_report(None)", lambda r: parse_report(None), ParameterError, "text", "as a str"),
    ("parse_report(bytes)", lambda r: parse_report("报告".encode() * 50), ParameterError, "text", "as a str"),
    ("section(object())", lambda r: r.section(object()), ParameterError, "number", "sections: 三, 四, 五, 六"),
    ("section(True)", lambda r: r.section(True), ParameterError, "number", "sections: 三, 四, 五, 六"),
    ("section(None)", lambda r: r.section(None), ParameterError, "number", "sections: 三, 四, 五, 六"),
    ("section('九十')", lambda r: r.section("九十"), SectionNotFound, "", "sections: 三, 四, 五, 六"),
    ("open_section(lang='fr')", lambda r: writeup.open_section(SEED, "九十", "fr"), ParameterError, "lang", "en, zh"),
    ("open_section('九十')", lambda r: writeup.open_section(SEED, "九十", "en"), SectionNotFound, "", "sections: 三"),
    ("result('bogus')", lambda r: r.result("bogus"), ParameterError, "measure", "gdp"),
    ("within('bogus')", lambda r: r.within("bogus", 0, 10), ParameterError, "findings", "indicators"),
    ("series_frame(measure='bogus')", lambda r: series_frame([r], "bogus"), ParameterError, "measure", "gdp"),
    ("series_rows(measure=5)", lambda r: series_rows([r], 5), ParameterError, "measure", "gdp"),
    ("measure_name('bogus')", lambda r: measure_name("bogus", "en"), ParameterError, "measure", "gdp"),
    ("measure_name(lang='fr')", lambda r: measure_name("gdp", "fr"), ParameterError, "lang", "en, zh"),
    ("load_reports(None)", lambda r: load_reports(None), ParameterError, "paths", "list of paths"),
    ("load_reports([1, 2])", lambda r: load_reports([1, 2]), ParameterError, "paths", "list of paths"),
    ("build_corpus(None)", lambda r: build_corpus(None, "never.csv"), ParameterError, "paths", "list of paths"),
    ("build_corpus(out=None)", lambda r: build_corpus([str(SEED)], None), ParameterError, "out", "indicators table"),
]


@pytest.mark.parametrize("call, error, name, remedy", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_invalid_argument_raises_one_line_naming_it(report, call, error, name, remedy):
    with pytest.raises(error) as caught:
        call(report)
    message = str(caught.value)
    assert isinstance(caught.value, SdrError)
    assert "\n" not in message
    if name:
        assert message.startswith(f"parameter {name} = ")
    assert remedy in message


def test_valid_arguments_still_work(report, tmp_path):
    assert report.section(5).key == "五" and report.section("五").key == "五"
    assert measure_name("other", "en") == "other"  # the frames' key of a measure in no row of the table
    assert report.result("gdp") is None or report.result("gdp").measure == "gdp"
    assert [r.source for r in load_reports(SEED)] == [str(SEED)]
    assert [r.source for r in load_reports(iter([Path(SEED)]))] == [str(SEED)]  # any iterable of paths
    assert series_rows([report]) == series_rows([report], None)
