"""Build control: ``--force`` runs every notebook whatever the manifest says, and a
build ends with one line saying what it did (which notebooks ran, how many were up to
date, where the pages are)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from attacks import NAME, copy_site, shared_site

from sdr_analysis.build import Job, build, summary
from sdr_analysis.cli import parser

CLI = [sys.executable, "-m", "sdr_analysis"]


def job(name: str, lang: str = "en") -> Job:
    return Job(name, name, Path("section.ipynb"), {"lang": lang})


# the summary line (no notebooks run)


@pytest.mark.parametrize("ran, up_to_date, force, line", [
    ([], 6, False, "0 notebooks ran, 6 up to date"),
    ([job("section-1")], 5, False, "1 notebook ran (section-1; en), 5 up to date"),
    ([job("overview"), job("section-1"), job("overview-zh", "zh"), job("section-1-zh", "zh")], 0, False,
     "4 notebooks ran (overview, section-1; en, zh), 0 up to date"),
    ([job("section-2-zh", "zh")], 3, False, "1 notebook ran (section-2; zh), 3 up to date"),
    ([job("overview")], 0, True, "1 notebook ran (overview; en), all rebuilt as asked, 0 up to date"),
])
def test_summary_names_each_notebook_once_for_its_languages(ran, up_to_date, force, line):
    assert summary(ran, up_to_date, force) == line


def test_summary_of_many_notebooks_is_cut_in_the_middle():
    jobs = [job("overview")] + [job(f"section-{n}") for n in range(1, 21)]
    assert summary(jobs, 0) == "21 notebooks ran (overview, section-1, section-2, section-3, …, section-20; en), 0 up to date"


def test_the_command_takes_force_and_defaults_to_every_core():
    args = parser().parse_args(["build", "r.txt", "--force"])
    assert args.force is True and args.jobs is None
    assert parser().parse_args(["build", "r.txt"]).force is False


# builds


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The attacks' small report (sections (一) and (二)) built in English, once per run;
    the tests that build again do it on a copy of their own."""
    site, lines = shared_site(tmp_path_factory)
    return site, site / f"{NAME}.txt", site / "out" / NAME, lines


@pytest.mark.notebooks
def test_a_cold_build_ends_saying_what_ran_and_where_the_pages_are(built):
    _, _, folder, lines = built
    assert lines[-1] == f"done: 3 notebooks ran (overview, section-1, section-2; en), 0 up to date; pages in {folder}/index.html"


@pytest.mark.notebooks
def test_a_partial_rebuild_says_what_was_up_to_date(built, tmp_path):
    root = copy_site(built[0], tmp_path)
    folder = root / "out" / NAME
    (folder / "section-2.html").unlink()
    lines: list[str] = []
    build(root / f"{NAME}.txt", out=root / "out", langs="en", say=lines.append)
    assert lines[-1] == f"done: 1 notebook ran (section-2; en), 2 up to date; pages in {folder}/index.html"


@pytest.mark.notebooks
def test_force_runs_every_notebook_and_writes_the_same_bytes(built, tmp_path):
    root = copy_site(built[0], tmp_path)
    src, folder = root / f"{NAME}.txt", root / "out" / NAME
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    lines: list[str] = []
    build(src, out=folder.parent, langs="en", say=lines.append)
    assert lines == [f"nothing to do: 3 notebooks of {folder} are up to date"]
    lines.clear()
    build(src, out=folder.parent, langs="en", say=lines.append, force=True)
    assert sorted(line.split(":")[0].split("] ")[1] for line in lines if line.startswith("[")) == ["overview", "section-1", "section-2"]
    assert lines[-1] == (f"done: 3 notebooks ran (overview, section-1, section-2; en), all rebuilt as asked, 0 up to date; "
                         f"pages in {folder}/index.html")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.notebooks
def test_force_from_the_command_line(built, tmp_path):
    root = copy_site(built[0], tmp_path)
    proc = subprocess.run(CLI + ["build", f"{NAME}.txt", "--out", "out", "--lang", "en", "--force"], cwd=root,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("done: 3 notebooks ran (overview, section-1, section-2; en), all rebuilt as asked")
    assert last.endswith(f"pages in {Path('out') / NAME / 'index.html'}")


def test_a_build_of_many_folders_starts_its_workers_once(tmp_path, monkeypatch):
    """The series and the panel of two years of one place: two folders, one set of
    workers and kernels (each costs seconds to start); and a rebuild with nothing to
    do starts none."""
    from sdr_analysis import kernels
    from sdr_analysis.collection import build_many
    from sdr_analysis.workers import Workers

    started: list[int] = []

    class Counted(Workers):
        def __enter__(self):
            started.append(self.size)
            return super().__enter__()

    monkeypatch.setattr(kernels, "Workers", Counted)
    folder = tmp_path / "reports"
    folder.mkdir()
    for year, growth in ((2022, 6), (2023, 5)):
        (folder / f"district-{year}.txt").write_text(
            f"某市某区人民政府工作报告\n——{year}年1月10日在某区人民代表大会上\n\n一、{year - 1}年工作回顾\n\n"
            f"  过去一年，全年地区生产总值增长{growth + 1}%。\n\n二、{year}年工作安排\n\n"
            f"  {year}年经济社会发展的主要预期目标是：地区生产总值增长{growth}%左右。\n", encoding="utf-8")
    lines: list[str] = []
    built = build_many([folder], out=tmp_path / "out", langs="en", only="comparisons", jobs=2, say=lines.append)
    assert sorted(b.kind for b in built) == ["panel", "series"]
    assert sum(line.startswith("running ") for line in lines) == 2  # each folder ran its notebooks
    assert started == [2]
    started.clear()
    build_many([folder], out=tmp_path / "out", langs="en", only="comparisons", jobs=2, say=lambda line: None)
    assert started == []
