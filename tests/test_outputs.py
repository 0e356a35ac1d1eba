"""Where builds and ``corpus`` write: folder names, the names of a report's write-ups,
the names a build owns, the lock, clean-up after a killed build, and output locations
that cannot be used."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import PARTS
from processes import alive, descendants, gone_within
from sdr_analysis import OutputError, parse_report
from sdr_analysis.outputs import (
    check_out,
    folder_name,
    is_own_name,
    locked,
    previous_of,
    recover,
    safe_cell,
    section_file,
    staging_of,
    written_up,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "dalian-shahekou-2022.txt"
CLI = [sys.executable, "-m", "sdr_analysis"]


@pytest.mark.parametrize(
    "path, name",
    [
        ("reports/dalian-shahekou-2022.txt", "dalian-shahekou-2022"),
        ("大连市沙河口区2022.txt", "大连市沙河口区2022"),
        (".staging-foo.txt", "staging-foo"),
        ("..previous-foo.html", "previous-foo"),
        ("a b&c;d.txt", "a-b-c-d"),
        ("...txt", "report"),
        ("$(rm -rf x).txt", "rm--rf-x-"),
    ],
    ids=["plain", "chinese", "staging-lookalike", "previous-lookalike", "unsafe-chars", "only-dots", "shell"],
)
def test_folder_name(path, name):
    assert folder_name(path) == name


def test_a_long_name_is_cut_and_kept_apart():
    a, b = "区" * 80 + "甲.txt", "区" * 80 + "乙.txt"
    assert folder_name(a) != folder_name(b)
    for n in (folder_name(a), folder_name(b)):
        assert len(n.encode("utf-8")) <= 150 and n.startswith("区" * 40)


@pytest.mark.parametrize(
    "name, own",
    [
        ("overview.ipynb", True), ("overview-zh.html", True), ("section-5.html", True), ("section-2-3-zh.ipynb", True),
        ("indicators.csv", True), ("manifest.json", True), ("cjk.woff", True),
        ("section-5.txt", False), ("notes.html", False), ("../section-5.html", False), (".section-5.html", False),
        ("section-.html", False), ("section-5-fr.html", False), ("overview", False), ("index.ipynb", False),
    ],
)
def test_is_own_name(name, own):
    assert is_own_name(name) is own


# the names of a report's write-ups


def test_section_files_are_named_by_slug():
    assert [section_file(s) for s in parse_report(PARTS)] == ["section-1-1", "section-1-2", "section-2"]
    assert [section_file(s) for s in parse_report("(一)经济。\n  增长5%。\n(三)民生。\n  新增就业2万人。\n")] == ["section-1", "section-3"]


def test_a_repeated_section_number_is_written_up_once_the_first():
    text = "(一)经济。\n  增长5%。\n(二)民生。\n  新增就业2万人。\n(二)城建。\n  改造小区30个。\n"
    report = parse_report(text)
    kept = written_up(report)
    assert [(s.marker, s.title) for s in kept] == [("(一)", "经济。"), ("(二)", "民生。")]
    assert [s.title for s in written_up(report.summaries)] == ["经济。", "民生。"]


# where a build may write


def test_check_out_refuses_a_file_for_a_folder(tmp_path):
    (tmp_path / "out").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        check_out(tmp_path / "out", "report")


def test_check_out_refuses_a_file_where_the_report_folder_goes(tmp_path):
    (tmp_path / "report").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="in the way"):
        check_out(tmp_path, "report")
    assert (tmp_path / "report").read_text(encoding="utf-8") == "x"


def test_recover_undoes_a_swap_cut_in_half(tmp_path):
    target = tmp_path / "report"
    previous_of(target).mkdir()
    (previous_of(target) / "index.html").write_text("old", encoding="utf-8")
    staging_of(target).mkdir()
    recover(target)
    assert (target / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_recover_drops_a_finished_swaps_leftovers(tmp_path):
    target = tmp_path / "report"
    target.mkdir()
    (target / "index.html").write_text("new", encoding="utf-8")
    previous_of(target).mkdir()
    recover(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_lock_makes_the_second_holder_wait_and_says_who_holds_it(tmp_path):
    events: list[str] = []
    inside = threading.Event()

    def second() -> None:
        inside.wait(10)
        with locked(tmp_path, "report", events.append):
            events.append("second in")

    thread = threading.Thread(target=second)
    thread.start()
    with locked(tmp_path, "report", events.append):
        inside.set()
        time.sleep(0.5)
        events.append("first out")
    thread.join(10)
    assert events[0].startswith(f"waiting: build pid {os.getpid()}")
    assert events[1:] == ["first out", "second in"]
    assert not list(tmp_path.iterdir())  # the lock file goes with the last holder


# through the command line: one line on stderr, exit status 2, nothing written


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + list(args), cwd=cwd, capture_output=True, text=True, timeout=120)


def one_line_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sdr-analysis: error: "), done.stderr
    return lines[0]


def test_build_out_is_a_file(tmp_path):
    (tmp_path / "out").write_text("x", encoding="utf-8")
    line = one_line_error(run("build", str(SEED), "--out", "out", cwd=tmp_path))
    assert "out: is a file" in line and (tmp_path / "out").read_text(encoding="utf-8") == "x"


def test_build_report_folder_is_a_file(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "dalian-shahekou-2022").write_text("x", encoding="utf-8")
    line = one_line_error(run("build", str(SEED), "--out", "out", cwd=tmp_path))
    assert "dalian-shahekou-2022: is in the way" in line
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["dalian-shahekou-2022"]


@pytest.mark.skipif(os.geteuid() == 0, reason="a read-only folder is writable for root")
def test_build_into_a_read_only_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        line = one_line_error(run("build", str(SEED), "--out", "out", cwd=tmp_path))
    finally:
        out.chmod(0o755)
    assert "read-only" in line and not list(out.iterdir())


def test_read_only_folder_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == out else real_access(p, mode))
    with pytest.raises(OutputError, match="read-only"):
        check_out(out, "report")
    from sdr_analysis.corpus import build_corpus

    with pytest.raises(OutputError, match="read-only"):
        build_corpus([SEED], out / "corpus.csv", say=lambda line: None)
    assert not list(out.iterdir())


def test_corpus_out_naming_an_input_is_refused(tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(SEED.read_bytes())
    line = one_line_error(run("corpus", "report.txt", "--out", "report.txt", cwd=tmp_path))
    assert "is one of the reports read" in line
    assert report.read_bytes() == SEED.read_bytes()


def test_corpus_sections_table_naming_an_input_is_refused(tmp_path):
    report = tmp_path / "c-sections.csv"
    report.write_bytes(SEED.read_bytes())
    line = one_line_error(run("corpus", "c-sections.csv", "--out", "c.csv", cwd=tmp_path))
    assert "is one of the reports read" in line
    assert report.read_bytes() == SEED.read_bytes() and not (tmp_path / "c.csv").exists()


def test_corpus_tables_have_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        done = run("corpus", str(SEED), "--out", "c.csv", cwd=tmp_path)
    finally:
        os.umask(old)
    assert done.returncode == 0, done.stderr
    for name in ("c.csv", "c-sections.csv"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to follow the command's processes")
def test_interrupted_corpus_ends_its_workers_and_writes_nothing(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(400):
        (folder / f"r{i:03}.txt").write_bytes(SEED.read_bytes())
    proc = subprocess.Popen(CLI + ["corpus", "reports", "--out", "c.csv", "--jobs", "2"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(descendants(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = descendants(proc.pid)
    assert len(workers) == 2 and proc.poll() is None
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert not gone_within(workers, 5) and not alive(workers)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


# CSV cells a spreadsheet would run


@pytest.mark.parametrize("cell, shown", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+2", "'+1+2"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("-3.5", "-3.5"),  # a number written as text is a number
    ("+12", "+12"),
    ("1e-3", "1e-3"),
    ("增长8%", "增长8%"),
    ("", ""),
    (-3.5, -3.5),
    (None, None),
])
def test_csv_cells_never_start_a_formula(cell, shown):
    assert safe_cell(cell) == shown


def test_the_report_tables_hold_no_formula(tmp_path):
    from sdr_analysis.tables import write_tables

    text = "某区人民政府工作报告\n\n（一）推进改革。实施“=HYPERLINK(1)”行动，投资5亿元。\n"
    write_tables(parse_report(text), tmp_path)
    terms = (tmp_path / "terms.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in terms and ",=HYPERLINK" not in terms
    assert "=HYPERLINK(1)" in (tmp_path / "terms.json").read_text(encoding="utf-8")  # JSON keeps the text as it is


def test_a_process_forked_under_the_lock_does_not_keep_it(tmp_path):
    """A build of many folders keeps its workers from one folder to the next; forked
    while the first folder's build held the lock, they must not hold it after it:
    the next folder's build would wait for ever."""
    import fcntl
    import multiprocessing

    from sdr_analysis.outputs import locked

    ctx = multiprocessing.get_context("fork")
    ready, done = ctx.Event(), ctx.Event()

    def live() -> None:  # as a worker does: alive, waiting for work
        ready.set()
        done.wait(30)

    with locked(tmp_path, "first", lambda line: None):
        child = ctx.Process(target=live)
        child.start()
    try:
        assert ready.wait(30)
        fd = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError while the child holds a copy
        finally:
            os.close(fd)
        assert child.is_alive()
    finally:
        done.set()
        child.join()
