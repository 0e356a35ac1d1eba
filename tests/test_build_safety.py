"""What a build promises about the files and processes around it: it writes and removes
only inside its own report folder, whatever a manifest says; one build at a time per
folder; Ctrl-C, SIGTERM and SIGKILL leave no process, no staging folder and the
previous output as it was. Runs builds: marked ``notebooks``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from attacks import CLI, REPORT, shared_site

from processes import descendants, gone_within, kernels_of
from sdr_analysis.build import build
from sdr_analysis.manifest import EMPTY, read_manifest

pytestmark = pytest.mark.notebooks

def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (names relative to it) with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A report built once into ``out`` (in English)."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to follow the build's processes")
    return shared_site(tmp_path_factory)[0]  # district-2023.txt and out/, as the attacks read them


def copy_site(site: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built site, as deep as the original."""
    import shutil

    root = tmp_path / "site"
    shutil.copytree(site, root)
    return root


def start_build(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        CLI + ["build", "district-2023.txt", "--out", "out", *args], cwd=root,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def wait_for_kernels(proc: subprocess.Popen, n: int = 2, timeout: float = 60) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(kernels_of(proc.pid)) >= n:
            return descendants(proc.pid)
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.1)
    raise AssertionError("the build's kernels did not start")


# a manifest is untrusted


@pytest.mark.parametrize(
    "name",
    ["../../victim", "../victim", "/VICTIM", "section-1/../../../victim", ".hidden", "index", "section-1.x", ""],
    ids=["up-two", "up-one", "absolute", "inside-then-up", "hidden", "not-a-notebook", "dotted", "empty"],
)
def test_hostile_manifest_names_touch_nothing(site, tmp_path, name):
    root = copy_site(site, tmp_path)
    victims = [folder / f"victim.{ext}" for folder in (tmp_path, root, root / "out") for ext in ("ipynb", "html")]
    for v in victims:
        v.write_text("keep me", encoding="utf-8")
    name = name.replace("/VICTIM", str(tmp_path / "victim"))
    manifest_path = root / "out" / "district-2023" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["notebooks"][name] = "0" * 64
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    lines: list[str] = []
    build(root / "district-2023.txt", out=root / "out", langs="en", say=lines.append)
    assert all(v.read_text(encoding="utf-8") == "keep me" for v in victims)
    assert any(line.startswith("warning:") and repr(name) in line for line in lines)


@pytest.mark.parametrize(
    "text",
    ["[]", "{}", '{"version": 1, "notebooks": ["overview"]}', '{"version": 1, "report": "x", "tables": "y", "notebooks": {"overview": 5}}',
     '{"version": 2, "report": "x", "tables": "y", "notebooks": {}}', "not json"],
    ids=["list", "empty", "notebooks-list", "fingerprint-int", "other-version", "not-json"],
)
def test_manifest_of_the_wrong_shape_is_ignored_with_a_warning(tmp_path, text):
    (tmp_path / "manifest.json").write_text(text, encoding="utf-8")
    lines: list[str] = []
    assert read_manifest(tmp_path, lines.append) == EMPTY
    assert len(lines) == 1 and lines[0].startswith("warning:") and "rebuilding everything" in lines[0]


def test_a_build_over_a_broken_manifest_rebuilds_everything(site, tmp_path):
    root = copy_site(site, tmp_path)
    folder = root / "out" / "district-2023"
    (folder / "manifest.json").write_text('{"version": 1, "notebooks": ["overview"]}', encoding="utf-8")
    lines: list[str] = []
    build(root / "district-2023.txt", out=root / "out", langs="en", say=lines.append)
    assert lines[0].startswith("warning:") and "running 3 of 3 notebooks" in lines[1]
    assert json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["notebooks"].keys() == {
        "overview", "section-1", "section-2"}


def test_a_link_in_the_folder_is_not_written_through(site, tmp_path):
    root = copy_site(site, tmp_path)
    outside = tmp_path / "outside.html"
    outside.write_text("keep me", encoding="utf-8")
    page = root / "out" / "district-2023" / "section-1.html"
    page.unlink()
    page.symlink_to(outside)
    build(root / "district-2023.txt", out=root / "out", langs="en", say=lambda line: None)
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not page.is_symlink() and "稳定经济增长" in page.read_text(encoding="utf-8")


def test_a_report_named_like_a_staging_folder_leaves_others_alone(site, tmp_path):
    root = copy_site(site, tmp_path)
    before = snapshot(root / "out" / "district-2023")
    lookalike = root / ".staging-district-2023.txt"
    lookalike.write_text(REPORT.replace("30余个", "31余个"), encoding="utf-8")
    folder = build(lookalike, out=root / "out", langs="en", say=lambda line: None)
    assert folder.name == "staging-district-2023"
    assert snapshot(root / "out" / "district-2023") == before
    assert "31余个" in (folder / "indicators.json").read_text(encoding="utf-8")


# one build at a time


def test_two_builds_at_once_give_one_consistent_build(site, tmp_path):
    root = copy_site(site, tmp_path)
    (root / "b").mkdir()
    (root / "b" / "district-2023.txt").write_text(REPORT.replace("约12亿元", "约13亿元"), encoding="utf-8")
    (root / "district-2023.txt").write_text(REPORT.replace("约12亿元", "约14亿元"), encoding="utf-8")
    first = start_build(root, "--lang", "en")  # the second writes every language: none is left of the first
    wait_for_kernels(first)  # the first holds the lock now
    second = subprocess.Popen(
        CLI + ["build", "b/district-2023.txt", "--out", "out"], cwd=root,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    _, err1 = first.communicate(timeout=300)
    _, err2 = second.communicate(timeout=300)
    assert first.returncode == 0 and second.returncode == 0, (err1, err2)
    assert "waiting:" in err2 and f"pid {first.pid}" in err2
    folder = root / "out" / "district-2023"
    texts = {name: data.decode("utf-8") for name, data in snapshot(folder).items() if name.endswith((".json", ".ipynb", ".html", ".csv"))}
    with_figure = {name for name, text in texts.items() if "亿元" in text and name != "manifest.json"}
    assert {"indicators.json", "section-1.html", "section-1-zh.ipynb"} <= with_figure
    # the second build ran last: every file says what its report says, none what the first said
    assert all("13亿" in texts[name] and "14亿" not in texts[name] for name in with_figure)
    again = subprocess.run(CLI + ["build", "b/district-2023.txt", "--out", "out"], cwd=root,
                           capture_output=True, text=True)
    assert again.stderr.startswith("nothing to do")
    assert not list((root / "out").glob(".*"))


# interruption


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm", "sighup"])
def test_interrupted_build_ends_its_processes_and_keeps_the_previous_output(site, tmp_path, how):
    root = copy_site(site, tmp_path)
    folder = root / "out" / "district-2023"
    before = snapshot(folder)
    (root / "district-2023.txt").write_text(REPORT.replace("30余个", "32余个"), encoding="utf-8")
    proc = start_build(root, "--lang", "en,zh")
    family = wait_for_kernels(proc)
    if how == "ctrl-c":
        os.killpg(proc.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole foreground group
    else:  # SIGHUP: the terminal went away, as for SIGTERM
        os.kill(proc.pid, signal.SIGTERM if how == "sigterm" else signal.SIGHUP)
    sent = time.monotonic()
    _, err = proc.communicate(timeout=30)
    assert time.monotonic() - sent < 10
    assert proc.returncode == {"ctrl-c": 130, "sigterm": 143, "sighup": 129}[how], err
    assert err.strip().splitlines()[-1] == {
        "ctrl-c": "sdr-analysis: interrupted", "sigterm": "sdr-analysis: stopped (SIGTERM)", "sighup": "sdr-analysis: stopped (SIGHUP)",
    }[how]
    assert not gone_within(family, 5)
    assert snapshot(folder) == before
    assert not list((root / "out").glob(".*"))


def test_after_sigkill_workers_end_and_the_next_build_cleans_up(site, tmp_path):
    root = copy_site(site, tmp_path)
    (root / "district-2023.txt").write_text(REPORT.replace("30余个", "33余个"), encoding="utf-8")
    proc = start_build(root, "--lang", "en,zh")
    family = wait_for_kernels(proc)
    proc.kill()
    proc.communicate(timeout=30)
    assert not gone_within(family, 5)
    assert (root / "out" / ".staging-district-2023").is_dir()  # left behind: nothing ran to remove it
    lines: list[str] = []
    folder = build(root / "district-2023.txt", out=root / "out", langs="en", say=lines.append)
    assert lines[-1].startswith("done")
    assert "33余个" in (folder / "indicators.json").read_text(encoding="utf-8")
    assert not list((root / "out").glob(".*"))
