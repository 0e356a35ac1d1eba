"""The manners of research software: a licence, a citation, a changelog, typing
information, one version named wherever the package writes, and a sample report that
ships inside the package."""

from __future__ import annotations

import datetime
import re
import tomllib
from importlib.resources import files

import pytest

import sdr_analysis
from conftest import ROOT, SEED
from sdr_analysis.pages import IndexPart, index_page

VERSION = re.compile(r"^\d+\.\d+\.\d+$")


def test_one_version_read_by_the_package_metadata():
    assert VERSION.match(sdr_analysis.__version__)
    assert sdr_analysis.version() == sdr_analysis.__version__
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "sdr_analysis.__version__"}


def test_the_licence_is_mit_and_names_the_authors():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Copyright (c) 2026 the sdr_analysis authors" in text
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"


def test_the_citation_is_cff_1_2_0_of_this_version():
    yaml = pytest.importorskip("yaml")
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors", "version", "license", "date-released", "type"):
        assert cff[key], key
    assert cff["version"] == sdr_analysis.__version__
    assert cff["authors"] == [{"name": "the sdr_analysis authors"}]  # an entity, not a person
    assert cff["license"] == "MIT" and cff["type"] == "software"
    datetime.date.fromisoformat(str(cff["date-released"]))


def test_the_changelog_has_this_version_and_no_machine_paths():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(sdr_analysis.__version__)}\b", text, re.M)
    assert not re.search(r"(?<![\w.])/(home|tmp|work|Users|root)/", text)


def test_the_package_says_it_is_typed_and_ships_the_sample():
    assert (files("sdr_analysis") / "py.typed").is_file()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in project["tool"]["setuptools"]["package-data"]["sdr_analysis"]
    sample = files("sdr_analysis") / "data" / "sample" / SEED.name
    assert sample.read_bytes() == SEED.read_bytes()  # the seed byte for byte


def test_the_pages_and_indexes_name_the_version_in_their_footer(tmp_path):
    footer = f'<footer class="made-with">sdr_analysis {sdr_analysis.__version__}</footer>'
    text = index_page(title="报告", place="某区", date="2023-01-05", parts=[IndexPart(None, None, [])])
    assert footer in text and text.index(footer) < text.index("</body>")
    from sdr_analysis.pages import site_index_page

    assert footer in site_index_page([], "Pages")
    nbformat = pytest.importorskip("nbformat")
    from sdr_analysis.pages import notebook_page

    path = tmp_path / "page.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 标题")]), path)
    notebook_page(path, "标题", "zh")
    page = path.with_suffix(".html").read_text(encoding="utf-8")
    assert footer in page and page.index("</main>") < page.index(footer) < page.index("</body>")


def make_dry_run(*args: str) -> list[str]:
    """The commands ``make -n`` would run (nothing is run)."""
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(["make", "-n", *args], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_an_outside_corpus_builds_into_its_own_folder_not_reports():
    [default] = [line for line in make_dry_run("corpus") if "sdr-analysis build" in line]
    assert "--out reports " in default
    [elsewhere] = [line for line in make_dry_run("corpus", "CORPUS=/data/elsewhere/") if "sdr-analysis build" in line]
    assert "--out build/corpus-elsewhere " in elsewhere and "reports" not in elsewhere


def test_lab_opens_on_copies_of_the_notebooks_ignored_by_git():
    lines = make_dry_run("lab")
    [opened] = [line for line in lines if "jupyter lab" in line]
    assert "jupyter lab work/" in opened and "notebooks/" not in opened
    assert any("cp " in line and "notebooks/*.ipynb" in line for line in lines)  # a copy made where none is
    assert "work/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
