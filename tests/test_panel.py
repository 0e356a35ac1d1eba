"""The research panel: its tables against the corpus gold, the same rows and types in
every format, the target chain of a district and the nation, and the errors of the
library and the command line."""

from __future__ import annotations

import subprocess
import sys
import types

import pandas as pd
import pytest

from conftest import CORPUS, compared_report
from sdr_analysis.exceptions import InputNotFound, NoReports, ParameterError
from sdr_analysis.panel_tables import COLUMNS, STATA_NAME_CHARS, read_table
from sdr_analysis.panels import TABLES, panel

CATEGORICAL = {"level", "measure", "unit", "qualifier", "binding", "horizon", "status"}


def words_in(report) -> list[dict]:
    """An attention function of the test's own: one row a report."""
    return [{"dictionary": "test", "characters_counted": len(report.text)}]


@pytest.fixture(scope="module")
def written(corpus_gold, tmp_path_factory):
    out = tmp_path_factory.mktemp("panel") / "tables"
    made = panel([CORPUS], attention=words_in, jobs=2, say=lambda line: None)
    files = made.write(out)
    return made, out, files


def rows_of(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    return frame[frame.file.map(lambda f: f.endswith(f"/{name}.txt"))]


def test_every_table_in_every_format_with_its_dictionary(written):
    made, out, files = written
    assert list(made.tables) == list(TABLES)
    for name in TABLES:
        for suffix in ("csv", "parquet", "dta", "dictionary.csv"):
            assert (out / f"{name}.{suffix}") in files and (out / f"{name}.{suffix}").stat().st_size > 0, (name, suffix)
        dictionary = pd.read_csv(out / f"{name}.dictionary.csv", dtype=str, keep_default_na=False)
        assert list(dictionary.column) == list(made.tables[name].columns)
        assert {"type", "meaning", "unit", "version"} <= set(dictionary.columns)
        assert (dictionary.meaning != "").all() and (dictionary.version == __import__("sdr_analysis").__version__).all()
    assert len(made.reports) == len(list(CORPUS.glob("*.txt")))


def test_report_rows_hold_each_reports_metadata(written, corpus_gold):
    made = written[0]
    for gold, path in corpus_gold:
        row = rows_of(made.reports, path.stem)
        assert len(row) == 1, path.name
        got = row.iloc[0]
        for field in ("level", "province", "city", "district", "county", "year", "date", "session", "speaker"):
            value = None if pd.isna(got[field]) else got[field]
            assert value == gold["metadata"][field], (path.name, field)
        assert got.characters > 1000 and got.sentences > 10 and got.figures > 0 and len(got.sha256) == 64


def test_target_rows_against_the_gold(written, corpus_gold):
    made = written[0]
    for gold, path in corpus_gold:
        rows = rows_of(made.targets, path.stem)
        rows = rows[(rows.horizon == "year") & rows.absent.isna()]
        found = sorted((r.text, r.value, r.qualifier, r.text_start) for r in rows.itertuples())
        expected = sorted((t["text"], float(t["value"]), t["qualifier"], t["start"]) for t in gold["targets"])
        assert found == expected, path.name


def test_the_gdp_result_is_the_growth_the_review_states(written, corpus_gold):
    made = written[0]
    for gold, path in corpus_gold:
        rows = rows_of(made.results, path.stem)
        gdp = rows[(rows.measure == "gdp") & rows.change]
        assert (gdp.value.iloc[0] if len(gdp) else None) == gold["gdp_growth_previous_year"], path.name
        assert (gdp.of_year == gdp.year - 1).all()


def test_the_hailar_outcomes_pair_each_target_with_the_next_years_result(written, corpus_gold):
    """The district's GDP growth target of each year against the growth its next report
    states, both read in the gold (as the series page pairs them)."""
    import json

    from conftest import CORPUS_GOLD

    golds = {y: json.loads((CORPUS_GOLD / f"hailar-{y}.json").read_text(encoding="utf-8")) for y in range(2012, 2020)}
    expected = []
    for year, gold in golds.items():
        growth = next(t for t in gold["targets"] if t["name"].endswith("生产总值增长") and t["unit"] == "%")
        following = golds.get(year + 1)
        expected.append((year, growth["value"], following["gdp_growth_previous_year"] if following else None))
    out = written[0].outcomes
    gdp = out[out.place.str.endswith("海拉尔区") & (out.measure == "gdp") & out.change].sort_values("year")
    assert [(r.year, r.value, None if pd.isna(r.result_value) else r.result_value) for r in gdp.itertuples()] == expected
    last = gdp.iloc[-1]
    assert last.status == "no data"  # no report of 2020 among the inputs
    for r in gdp.itertuples():
        if not pd.isna(r.result_value) and r.qualifier == "more_than":
            assert r.status == ("met" if r.result_value >= r.value else "missed")


def test_parquet_csv_and_stata_hold_the_same_rows_and_types(written):
    made, out, _files = written
    for name, frame in made.tables.items():
        parquet = read_table(out / f"{name}.parquet")
        pd.testing.assert_frame_equal(parquet, frame, check_exact=True)
        pd.testing.assert_frame_equal(read_table(out / f"{name}.csv"), frame, check_exact=True)
        stata = pd.read_stata(out / f"{name}.dta")
        assert list(stata.columns) == list(frame.columns) and len(stata) == len(frame), name
        for col in frame.columns:
            if isinstance(frame[col].dtype, pd.CategoricalDtype):
                assert list(stata[col].astype(object).where(stata[col].notna(), None)) == \
                    list(frame[col].astype(object).where(frame[col].notna(), None)), (name, col)
            elif frame[col].dtype.kind == "f":
                assert stata[col].equals(frame[col]), (name, col)


def test_column_names_and_types_agree_across_tables_and_suit_stata(written):
    made = written[0]
    types_of: dict[str, set] = {}
    for name, frame in made.tables.items():
        for col in frame.columns:
            assert len(col) <= STATA_NAME_CHARS and col.isascii() and col.isidentifier(), (name, col)
            types_of.setdefault(col, set()).add("category" if isinstance(frame[col].dtype, pd.CategoricalDtype) else str(frame[col].dtype))
            if col in CATEGORICAL or col.removeprefix("superior_") in CATEGORICAL:
                assert isinstance(frame[col].dtype, pd.CategoricalDtype), (name, col)
    assert {c: t for c, t in types_of.items() if len(t) > 1} == {}
    for name in ("targets", "results", "outcomes", "chain", "attention"):
        assert list(made.tables[name].columns[:5]) == ["adcode", "place", "level", "year", "file"], name


def test_the_chain_links_the_district_to_the_nation_and_takes_the_difference(corpus_gold, tmp_path):
    """海拉尔区 (a district of 呼伦贝尔市, 内蒙古) set 地区生产总值增长6%左右 for 2018, the
    State Council 国内生产总值增长6.5%左右: half a point below. The district's 一般公共预算收入增长6%
    has no national target; no report of the city or the region of 2018 is among the inputs."""
    made = panel([CORPUS / "hailar-2018.txt", CORPUS / "national-2018.txt"], tables=["targets", "chain"], jobs=1, say=lambda line: None)
    chain = made.chain
    district = chain[chain.file.str.endswith("hailar-2018.txt")]
    gdp = district[(district.measure == "gdp") & district.change].iloc[0]
    assert (gdp.value, gdp.superior_value, gdp.superior_level) == (6.0, 6.5, "national")
    assert gdp.text == "地区生产总值增长6%左右" and gdp.superior_text == "国内生产总值增长6.5%左右"
    assert gdp.superior_file.endswith("national-2018.txt") and gdp.amplification == pytest.approx(-0.5) and pd.isna(gdp.reason)
    revenue = district[district.measure == "fiscal_revenue"].iloc[0]
    assert pd.isna(revenue.amplification) and pd.isna(revenue.superior_file) and "no superior's target" in revenue.reason
    nation = chain[chain.level == "national"]
    assert len(nation) == len(made.targets[made.targets.level == "national"]) and nation.amplification.isna().all()


def test_binding_is_hard_where_the_government_binds_itself_and_soft_where_it_strives(tmp_path):
    path = tmp_path / "xihu-2023.txt"
    path.write_text(compared_report("杭州市西湖区", 2023, "全年地区生产总值增长5%。",
                                    "确保地区生产总值增长6%，力争社会消费品零售总额增长8%以上，城镇调查失业率5.5%左右，"
                                    "城镇新增就业2万人以上，一般公共预算收入增长5%。"), encoding="utf-8")
    made = panel([path], tables=["targets"], jobs=1, say=lambda line: None)
    got = {r.measure: (None if pd.isna(r.binding) else r.binding) for r in made.targets.itertuples()}
    assert got == {"gdp": "hard", "retail": "soft", "unemployment": "soft", "urban_jobs": "hard", "fiscal_revenue": None}


def test_the_attention_table_is_made_by_the_attention_module_with_the_dictionaries_given(monkeypatch, tmp_path):
    """The default attention function is :mod:`sdr_analysis.attention`'s, over the
    dictionaries it loads with the files given (stood in for here)."""
    loaded = []
    module = types.ModuleType("sdr_analysis.attention")

    def load_dictionaries(extra=()):
        loaded.append(list(extra))
        return ["environment"]

    def attention_rows(report, dictionaries):
        return [{"dictionary": d, "characters_counted": len(report.text)} for d in dictionaries]

    for fn in (load_dictionaries, attention_rows):
        fn.__module__, fn.__qualname__ = module.__name__, fn.__name__
        setattr(module, fn.__name__, fn)
    monkeypatch.setitem(sys.modules, "sdr_analysis.attention", module)
    made = panel([CORPUS / "hailar-2018.txt"] if CORPUS.is_dir() else [__import__("conftest").SEED],
                 tables=["attention"], dictionaries=[tmp_path / "mine.toml"], jobs=1, say=lambda line: None)
    assert loaded == [[tmp_path / "mine.toml"]]
    assert list(made.attention.dictionary) == ["environment"] and made.attention.characters_counted.iloc[0] > 0


@pytest.mark.parametrize("paths, tables, error", [
    ([], None, NoReports),
    (["no-such-report.txt"], None, InputNotFound),
    (["seed"], ["reports", "nope"], ParameterError),
])
def test_invalid_arguments_raise_the_packages_errors(paths, tables, error):
    from conftest import SEED

    with pytest.raises(error):
        panel([str(SEED) if p == "seed" else p for p in paths], tables=tables, jobs=1, say=lambda line: None)


def test_a_table_not_made_or_unknown_is_an_error():
    from conftest import SEED

    made = panel([SEED], tables=["reports"], jobs=1, say=lambda line: None)
    assert len(made["reports"]) == 1
    with pytest.raises(ParameterError, match="made without it"):
        made["targets"]
    with pytest.raises(ParameterError, match="give some of"):
        made["nope"]


@pytest.mark.parametrize("args", [
    [],
    ["no-such-report.txt"],
    ["SEED", "--tables", "reports,nope"],
    ["SEED", "--format", "xlsx"],
])
def test_the_command_says_one_line_and_fails(args, tmp_path):
    from conftest import SEED

    argv = [str(SEED) if a == "SEED" else a for a in args]
    done = subprocess.run([sys.executable, "-m", "sdr_analysis", "panel", *argv, "--out", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("sdr-analysis: error: "), done.stderr


def test_the_command_writes_the_tables_asked_for(tmp_path):
    from conftest import COMPARED

    report = tmp_path / "xihu-2022.txt"
    report.write_text(COMPARED[report.name], encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sdr_analysis", "panel", str(report), "--out", str(tmp_path / "out"),
                           "--tables", "reports,targets"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{t}.{s}" for t in ("reports", "targets") for s in ("csv", "parquet", "dta", "dictionary.csv"))
    targets = read_table(tmp_path / "out" / "targets.csv")
    assert list(targets.columns) == [c.name for c in COLUMNS["targets"]]
    assert list(targets.text) == ["地区生产总值增长6%左右", "社会消费品零售总额增长8%以上", "城镇调查失业率控制在5.5%以内"]
    assert list(targets.binding) == ["soft", "hard", "hard"]


def test_a_panel_of_reports_already_read_is_the_panel_of_their_files(corpus_gold, tmp_path):
    """What a build uses (the reports it has read, parsed no second time) gives the
    same tables as the files do: the chain of the district and the nation; a copy of
    one report in another file is left out by both, and a file given twice is one."""
    import shutil

    from sdr_analysis.corpus import report_files
    from sdr_analysis.panels import panel_of
    from sdr_analysis.report import load_report

    copy = tmp_path / "hailar-2018-copy.txt"
    shutil.copyfile(CORPUS / "hailar-2018.txt", copy)
    files = [CORPUS / "hailar-2017.txt", CORPUS / "hailar-2018.txt", CORPUS / "national-2018.txt", copy]
    of_files = panel(files, jobs=1, say=lambda line: None)
    in_order = report_files(files)  # the order panel reads them in
    of_reports = panel_of([load_report(f) for f in [*in_order, files[0]]], say=lambda line: None)
    for name in TABLES:
        pd.testing.assert_frame_equal(of_files[name], of_reports[name], check_exact=True)
    assert len(of_reports.reports) == 3 and of_reports.coverage.used == of_files.coverage.used
    # one of the two copies of 2018 is left out, the same by both
    left = [x.file for x in of_reports.coverage.left_out]
    assert left == [x.file for x in of_files.coverage.left_out] and left[0] in {str(copy), str(CORPUS / "hailar-2018.txt")}
    assert len(left) == 1 and of_reports.reports.file.str.contains("hailar-2018").sum() == 1


def test_a_panel_of_no_reports_is_refused():
    from sdr_analysis.panels import panel_of

    with pytest.raises(NoReports):
        panel_of([])


def test_results_the_report_estimates_are_marked(written):
    """海拉尔区 2012: 地区生产总值完成198.5亿元，同比增长22.3% is stated, 社会消费品零售总额预计完成84亿元，
    预计同比增长19.2% estimated."""
    made, _, _ = written
    results = rows_of(made.results, "hailar-2012")
    got = {(r.measure, bool(r.change)): bool(r.estimate) for r in results.itertuples() if r.measure in ("gdp", "retail")}
    assert got == {("gdp", False): False, ("gdp", True): False, ("retail", False): True, ("retail", True): True}
    assert str(made.results.estimate.dtype) == "boolean"
