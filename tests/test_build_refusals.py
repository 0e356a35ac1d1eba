"""A build asked what it cannot do, or whose output was changed behind its back: outputs
removed or emptied, two reports that want one folder, paths too long, a closed
stdout, a lock note removed, a folder built into itself. Each ends in one line on
stderr where it is an error. Runs builds: marked ``notebooks``."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest
from attacks import CLI, NAME, REPORT, cli, copy_site, one_line_error, shared_site

from processes import kernels_of
from sdr_analysis.collection import build_many

pytestmark = pytest.mark.notebooks


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return shared_site(tmp_path_factory)[0]


@pytest.fixture
def root(site, tmp_path):
    return copy_site(site, tmp_path)


# high: an output removed or emptied is not "up to date"


@pytest.mark.parametrize("changes", [
    {"index.html": "delete", "cjk.woff": "delete", "indicators.csv": "delete"},  # tables and font, no notebook
    {"page.css": "delete"},  # written with the pages: one notebook runs
    {"section-1.html": "empty", "section-1.ipynb": "empty"},
], ids=["tables-and-font", "stylesheet", "a-page-and-its-notebook"])
def test_a_removed_or_emptied_output_is_rebuilt(root, changes):
    folder = root / "out" / NAME
    before = {name: (folder / name).read_bytes() for name in changes}
    for name, how in changes.items():
        if how == "delete":
            (folder / name).unlink()
        else:
            (folder / name).write_bytes(b"")
    proc = cli("build", f"{NAME}.txt", "--out", "out", "--lang", "en", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert not proc.stderr.startswith("nothing to do"), proc.stderr
    assert {name: (folder / name).read_bytes() for name in changes} == before
    again = cli("build", f"{NAME}.txt", "--out", "out", "--lang", "en", cwd=root)
    assert again.stderr.startswith("nothing to do"), again.stderr


# high: two reports never share a folder


def test_two_reports_of_one_file_name_get_two_folders_and_a_line_that_says_so(tmp_path):
    for place, figure in (("henan", "31余个"), ("hebei", "32余个")):
        (tmp_path / place).mkdir()
        one_section = REPORT[: REPORT.index("  (二)")]  # one notebook a report is enough here
        (tmp_path / place / "2024.txt").write_text(one_section.replace("30余个", figure), encoding="utf-8")
    said: list[str] = []
    built = build_many([tmp_path / "henan", tmp_path / "hebei"], out=tmp_path / "o", langs="en", only="reports", say=said.append)
    folders = [b.folder for b in built if b.kind == "report"]
    assert len(set(folders)) == 2
    texts = sorted((f / "indicators.json").read_text(encoding="utf-8") for f in folders)
    assert "31余个" in texts[0] + texts[1] and "32余个" in texts[0] + texts[1]
    assert not ("31余个" in texts[0] and "32余个" in texts[0])
    assert any("2024" in line and "henan" in line and "hebei" in line for line in said), said


# high: no traceback, one line


LONG = "x" * 300


@pytest.mark.parametrize("args", [
    ["build", f"{NAME}.txt", "--out", LONG],
    ["corpus", f"{NAME}.txt", "--out", LONG + ".csv"],
    ["series", LONG],
    ["build", LONG],
    ["build", f"{NAME}.txt", "--out", f"{LONG}/{LONG}"],
], ids=["build-out", "corpus-out", "series-dir", "build-dir", "build-out-deep"])
def test_a_path_too_long_is_one_line(root, args):
    one_line_error(cli(*args, cwd=root))


def test_a_file_name_that_is_not_utf8_is_one_line_for_a_build_and_escaped_in_a_table(tmp_path):
    name = os.fsdecode(b"r\xff\xfe-2023.txt")
    (tmp_path / name).write_text(REPORT, encoding="utf-8")
    proc = subprocess.run(CLI + ["build", name, "--out", "out", "--lang", "en"], cwd=tmp_path, capture_output=True, timeout=180)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2 and "Traceback" not in err and "not UTF-8" in err, err
    assert not (tmp_path / "out").exists()
    corpus = subprocess.run(CLI + ["corpus", name, "--out", "t.csv"], cwd=tmp_path, capture_output=True, timeout=180)
    assert corpus.returncode == 0, corpus.stderr.decode("utf-8", "replace")
    assert "r\\udcff\\udcfe-2023.txt" in (tmp_path / "t.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", ["new-folder", "out-is-a-file", "index-is-a-folder"])
def test_the_site_index_that_cannot_be_written_is_one_line(root, case):
    out = "out"
    if case == "new-folder":
        out = "brand-new"
        proc = cli("build", f"{NAME}.txt", "--only", "comparisons", "--out", out, "--lang", "en", cwd=root)
        assert "Traceback" not in proc.stderr
        assert proc.returncode in (0, 2), proc.stderr
        if proc.returncode == 0:
            assert (root / out / "index.html").is_file()
        return
    if case == "out-is-a-file":
        out = "a-file"
        (root / out).write_text("keep", encoding="utf-8")
    else:
        (root / "out" / "index.html").mkdir()
    proc = cli("build", f"{NAME}.txt", "--only", "reports", "--out", out, "--lang", "en", cwd=root)  # up to date
    one_line_error(proc)
    assert not list((root / "out").glob(".index.html.*"))
    if case == "out-is-a-file":
        assert (root / out).read_text(encoding="utf-8") == "keep"


def test_a_closed_stdout_is_one_line_for_a_table_and_no_matter_for_a_build(root):
    table = subprocess.run(" ".join(CLI + ["indicators", f"{NAME}.txt"]) + " >&-", shell=True, cwd=root,
                           capture_output=False, stderr=subprocess.PIPE, text=True, timeout=60)
    assert table.returncode == 2, table.stderr
    assert "Traceback" not in table.stderr and table.stderr.strip().count("\n") == 0
    built = subprocess.run(" ".join(CLI + ["build", f"{NAME}.txt", "--out", "out", "--lang", "en"]) + " >&-", shell=True,
                           cwd=root, stderr=subprocess.PIPE, text=True, timeout=180)
    assert built.returncode == 0, built.stderr


def test_a_lock_file_removed_during_a_build_neither_fails_it_nor_lets_a_second_in(root):
    (root / f"{NAME}.txt").write_text(REPORT.replace("30余个", "34余个"), encoding="utf-8")
    first = subprocess.Popen(CLI + ["build", f"{NAME}.txt", "--out", "out", "--lang", "en"], cwd=root,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    deadline = time.monotonic() + 60
    while len(kernels_of(first.pid)) < 1 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.05)
    for lock in (root / "out").glob(".*.lock"):
        lock.unlink()
    second = subprocess.Popen(CLI + ["build", f"{NAME}.txt", "--out", "out", "--lang", "en"], cwd=root,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, err1 = first.communicate(timeout=180)
    _, err2 = second.communicate(timeout=180)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert "waiting:" in err2, err2


# medium: what a build refuses or steps around


@pytest.mark.parametrize("out", ["reports", "reports/pages"])
def test_a_build_of_a_folder_into_itself_is_refused(root, out):
    (root / "reports").mkdir()
    shutil.copy(root / f"{NAME}.txt", root / "reports" / f"{NAME}.txt")
    proc = cli("build", "reports", "--out", out, "--lang", "en", cwd=root)
    one_line_error(proc)
    assert sorted(p.name for p in (root / "reports").iterdir()) == [f"{NAME}.txt"]


def test_a_pipe_in_the_report_folder_is_left_alone_not_copied(root):
    folder = root / "out" / NAME
    os.mkfifo(folder / "notes.fifo")
    before = (folder / "indicators.json").read_bytes()
    (folder / "indicators.json").unlink()  # the tables are written again, in a staging copy of the folder
    proc = cli("build", f"{NAME}.txt", "--out", "out", "--lang", "en", cwd=root, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert (folder / "indicators.json").read_bytes() == before
    assert not list((root / "out").glob(".staging-*"))
