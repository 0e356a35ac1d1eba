"""A build under attack: links planted at the names it writes, a manifest made to
exhaust it, outputs removed behind its back, two reports that want one folder, and
the paths and streams that used to end in a traceback. Each case ends in one line on
stderr where it is an error, and nothing changes outside ``--out``. Runs builds:
marked ``notebooks``."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from processes import kernels_of
from sdr_analysis.build import build, build_many
from sdr_analysis.manifest import EMPTY, read_manifest
from sdr_analysis.outputs import FIXED_FILES

pytestmark = pytest.mark.notebooks

REPORT = """某省某市某区人民政府工作报告(2023年1月5日)

  (一)稳定经济增长。全区经济稳中有进。

  招商引资成效明显。引进项目30余个,到位资金约12亿元。

  (二)改善民生。民生投入占比80%,同比提高3个百分点。

  教育事业发展。新建学校2所,改造校舍1.5万平方米。
"""

CLI = [sys.executable, "-m", "sdr_analysis"]
NAME = "district-2023"


def quiet(line: str) -> None:
    pass


def files_under(folder: Path) -> dict[str, bytes]:
    """Every regular file under ``folder`` with its bytes, links not followed."""
    out = {}
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_file() and not path.is_symlink():
                out[path.relative_to(folder).as_posix()] = path.read_bytes()
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("attack")
    (root / f"{NAME}.txt").write_text(REPORT, encoding="utf-8")
    build(root / f"{NAME}.txt", out=root / "out", langs="en", say=quiet)
    return root


@pytest.fixture
def root(site, tmp_path):
    """A fresh copy of the built site, and a folder of victims beside it."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, symlinks=True)
    victims = tmp_path / "victims"
    victims.mkdir()
    (victims / "secret").write_text("secret", encoding="utf-8")
    return copy


def cli(*args: str, cwd: Path, timeout: float = 180, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + list(args), cwd=cwd, capture_output=True, text=True, timeout=timeout, **kwargs)


def one_line_error(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("sdr-analysis: error: ")


# critical: links at the names the build writes


@pytest.mark.parametrize("target", ["file", "dangling"])
def test_a_lock_that_is_a_link_is_not_written_through(root, target):
    victim = root.parent / "victims" / ("secret" if target == "file" else "not-there")
    (root / "out" / f".{NAME}.lock").symlink_to(victim)
    proc = cli("build", f"{NAME}.txt", "--out", "out", "--lang", "en", cwd=root)
    assert proc.returncode == 0, proc.stderr
    if target == "file":
        assert victim.read_text(encoding="utf-8") == "secret"
    else:
        assert not victim.exists() and not victim.is_symlink()


def test_a_comparison_lock_that_is_a_link_is_not_written_through(root):
    victim = root.parent / "victims" / "secret"
    (root / "out" / ".places-2023.lock").symlink_to(victim)
    (root / "other.txt").write_text(REPORT.replace("某区", "另区"), encoding="utf-8")
    built = build_many([root / f"{NAME}.txt", root / "other.txt"], out=root / "out", langs="en", only="comparisons", say=quiet)
    assert [b.folder.name for b in built] == ["places-2023"]
    assert victim.read_text(encoding="utf-8") == "secret"


def test_a_shared_file_is_written_through_a_new_temporary_file_never_a_planted_one(tmp_path):
    from sdr_analysis.pages import write_if_changed

    victim = tmp_path / "victim"
    victim.write_text("secret", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    for guess in range(os.getpid() - 5, os.getpid() + 6):  # every name the old way could pick
        (folder / f".page.css.{guess}").symlink_to(victim)
    write_if_changed(folder / "page.css", "body {}")
    assert victim.read_text(encoding="utf-8") == "secret"
    assert (folder / "page.css").read_text(encoding="utf-8") == "body {}"
    assert not (folder / "page.css").is_symlink()


def test_the_site_index_is_not_written_through_a_planted_temporary_name(root):
    victim = root.parent / "victims" / "secret"
    (root / "out" / f".index.html.{os.getpid()}").symlink_to(victim)
    build_many([root / f"{NAME}.txt"], out=root / "out", langs="en", say=quiet)
    assert victim.read_text(encoding="utf-8") == "secret"
    index = root / "out" / "index.html"
    assert index.is_file() and not index.is_symlink()


# high: links inside the report folder are not read either


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_page_that_is_a_link_to_a_fifo_or_an_endless_device_is_not_read(root, kind):
    folder = root / "out" / NAME
    if kind == "fifo":
        os.mkfifo(root.parent / "victims" / "pipe")
        (folder / "extra.html").symlink_to(root.parent / "victims" / "pipe")
    else:
        (folder / "extra.html").symlink_to("/dev/zero")
    (root / f"{NAME}.txt").write_text(REPORT.replace("30余个", "31余个"), encoding="utf-8")

    def small_memory():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    proc = cli("build", f"{NAME}.txt", "--out", "out", "--lang", "en", cwd=root, timeout=60, preexec_fn=small_memory)
    assert proc.returncode == 0, proc.stderr
    assert "31余个" in (folder / "indicators.json").read_text(encoding="utf-8")


# high: the manifest is read with limits


def write_raw_manifest(folder: Path, text: str) -> None:
    (folder / "manifest.json").write_text(text, encoding="utf-8")


def test_a_deeply_nested_manifest_means_rebuild_everything(tmp_path):
    write_raw_manifest(tmp_path, "[" * 100_000)
    said: list[str] = []
    assert read_manifest(tmp_path, said.append) == EMPTY
    assert len(said) == 1 and "rebuilding everything" in said[0]


def test_a_manifest_that_is_a_link_is_not_followed(tmp_path, site):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(site / "out" / NAME / "manifest.json", elsewhere / "manifest.json")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "manifest.json").symlink_to(elsewhere / "manifest.json")
    said: list[str] = []
    assert read_manifest(folder, said.append) == EMPTY
    assert len(said) == 1


def test_a_manifest_naming_many_foreign_notebooks_warns_once(tmp_path, site):
    data = json.loads((site / "out" / NAME / "manifest.json").read_text(encoding="utf-8"))
    data["notebooks"].update({f"../x{i}": "0" for i in range(10_000)})
    write_raw_manifest(tmp_path, json.dumps(data))
    said: list[str] = []
    manifest = read_manifest(tmp_path, said.append)
    assert manifest.notebooks and all(not name.startswith("..") for name in manifest.notebooks)
    assert len(said) == 1 and "10000" in said[0]


def test_a_manifest_that_is_a_folder_is_rebuilt_around(root):
    folder = root / "out" / NAME
    (folder / "manifest.json").unlink()
    (folder / "manifest.json").mkdir()
    proc = cli("build", f"{NAME}.txt", "--out", "out", "--lang", "en", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert (folder / "manifest.json").is_file()


# high: an output removed or emptied is not "up to date"


@pytest.mark.parametrize("name, how", [
    ("index.html", "delete"), ("page.css", "delete"), ("cjk.woff", "delete"), ("indicators.csv", "delete"),
    ("section-1.html", "empty"), ("section-1.ipynb", "empty"),
])
def test_a_removed_or_emptied_output_is_rebuilt(root, name, how):
    folder = root / "out" / NAME
    before = (folder / name).read_bytes()
    if how == "delete":
        (folder / name).unlink()
    else:
        (folder / name).write_bytes(b"")
    proc = cli("build", f"{NAME}.txt", "--out", "out", "--lang", "en", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert not proc.stderr.startswith("nothing to do"), proc.stderr
    assert (folder / name).read_bytes() == before
    again = cli("build", f"{NAME}.txt", "--out", "out", "--lang", "en", cwd=root)
    assert again.stderr.startswith("nothing to do"), again.stderr


# high: two reports never share a folder


def test_two_reports_of_one_file_name_get_two_folders_and_a_line_that_says_so(tmp_path):
    for place, figure in (("henan", "31余个"), ("hebei", "32余个")):
        (tmp_path / place).mkdir()
        (tmp_path / place / "2024.txt").write_text(REPORT.replace("30余个", figure), encoding="utf-8")
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
    reports = root / "reports"
    reports.mkdir()
    shutil.copy(root / f"{NAME}.txt", reports / f"{NAME}.txt")
    out = "out"
    if case == "new-folder":
        out = "brand-new"
        proc = cli("build", "reports", "--only", "comparisons", "--out", out, "--lang", "en", cwd=root)
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
    proc = cli("build", "reports", "--out", out, "--lang", "en", cwd=root)
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
    first = subprocess.Popen(CLI + ["build", f"{NAME}.txt", "--out", "out", "--lang", "en,zh"], cwd=root,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    import time

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


# the property: links of every kind at every name the build uses


KINDS = ("file", "folder", "fifo", "device", "dangling")


def plant(path: Path, kind: str, victims: Path, n: int) -> None:
    if kind == "file":
        target = victims / f"file-{n}"
        target.write_text("keep", encoding="utf-8")
    elif kind == "folder":
        target = victims / f"folder-{n}"
        target.mkdir()
        (target / "inside").write_text("keep", encoding="utf-8")
    elif kind == "fifo":
        target = victims / f"fifo-{n}"
        os.mkfifo(target)
    elif kind == "device":
        target = Path("/dev/null")
    else:
        target = victims / f"missing-{n}"
    path.symlink_to(target)


def names_the_build_uses(folder_name: str) -> tuple[list[str], list[str]]:
    """(names beside the report folder, names inside it)."""
    beside = [f".{folder_name}.lock", f".staging-{folder_name}", f".previous-{folder_name}", "index.html"]
    inside = sorted(FIXED_FILES) + [f"section-{n}{s}" for n in (1, 2) for s in (".ipynb", ".html")] + ["overview.ipynb", "overview.html"]
    inside += [f".{name}.{os.getpid()}" for name in ("page.css", "index.html")]
    return beside, inside


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(KINDS), min_size=30, max_size=30))
def test_links_of_every_kind_at_every_name_change_nothing_outside_out(site, tmp_path_factory, kinds):
    base = tmp_path_factory.mktemp("links")
    root = base / "site"
    shutil.copytree(site, root, symlinks=True)
    victims = base / "victims"
    victims.mkdir()
    beside, inside = names_the_build_uses(NAME)
    folder = root / "out" / NAME
    for n, name in enumerate(beside + inside):
        path = (root / "out" if name in beside else folder) / name
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        plant(path, kinds[n % len(kinds)], victims, n)
    (root / f"{NAME}.txt").write_text(REPORT.replace("30余个", "35余个"), encoding="utf-8")
    before = files_under(victims), sorted(p.name for p in victims.iterdir())
    outside = {k: v for k, v in files_under(base).items() if not k.startswith("site/out/")}
    built = build_many([root / f"{NAME}.txt"], out=root / "out", langs="en", only="reports", say=quiet)
    assert "35余个" in (built[0].folder / "indicators.json").read_text(encoding="utf-8")
    assert (files_under(victims), sorted(p.name for p in victims.iterdir())) == before
    assert {k: v for k, v in files_under(base).items() if not k.startswith("site/out/")} == outside


def test_the_property_test_can_see_a_write_through(tmp_path):
    """The property's checks see a write through a link: the same checks fail on a
    writer that follows one."""
    victims = tmp_path / "victims"
    victims.mkdir()
    plant(tmp_path / "link", "file", victims, 0)
    before = files_under(victims)
    (tmp_path / "link").write_text("written through", encoding="utf-8")
    assert files_under(victims) != before


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
    (root / f"{NAME}.txt").write_text(REPORT.replace("30余个", "36余个"), encoding="utf-8")
    proc = cli("build", f"{NAME}.txt", "--out", "out", "--lang", "en", cwd=root, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "36余个" in (folder / "indicators.json").read_text(encoding="utf-8")
    assert not list((root / "out").glob(".staging-*"))
