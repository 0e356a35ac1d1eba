"""A build under attack: links planted at the names it writes and reads, and a manifest
made to exhaust it. Nothing changes outside ``--out``. Runs builds: marked
``notebooks``."""

from __future__ import annotations

import json
import os
import resource
import shutil
from pathlib import Path

import pytest
from attacks import NAME, REPORT, cli, copy_site, files_under, quiet, shared_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdr_analysis.collection import build_many
from sdr_analysis.manifest import EMPTY, read_manifest
from sdr_analysis.outputs import FIXED_FILES

pytestmark = pytest.mark.notebooks


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return shared_site(tmp_path_factory)[0]


@pytest.fixture
def root(site, tmp_path):
    return copy_site(site, tmp_path)


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
    panel_victim = root.parent / "victims" / "panel-secret"
    panel_victim.write_text("secret", encoding="utf-8")
    (root / "out" / ".places-2023.lock").symlink_to(victim)
    (root / "out" / ".panel.lock").symlink_to(panel_victim)
    (root / "other.txt").write_text(REPORT.replace("某区", "另区"), encoding="utf-8")
    built = build_many([root / f"{NAME}.txt", root / "other.txt"], out=root / "out", langs="en", only="comparisons", say=quiet)
    assert [b.folder.name for b in built] == ["places-2023", "panel"]
    assert victim.read_text(encoding="utf-8") == "secret"
    assert panel_victim.read_text(encoding="utf-8") == "secret"


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
    (folder / "cjk.woff").unlink()  # the font is cut again, from the folder's pages

    def small_memory():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    proc = cli("build", f"{NAME}.txt", "--out", "out", "--lang", "en", cwd=root, timeout=60, preexec_fn=small_memory)
    assert proc.returncode == 0, proc.stderr
    assert (folder / "cjk.woff").stat().st_size > 1000


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


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
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


