"""The package as users install it: a wheel holds the notebooks, data and templates a
build needs, builds with no setuptools warning, and once installed away from the
repository builds a report's write-ups from any working directory."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: What a copy of the checkout leaves out: outputs, environments and caches.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "reports", "*.egg-info", "__pycache__", ".pytest_cache",
    ".hypothesis", ".ipynb_checkpoints", ".benchmarks",
)
#: The kinds of file the package is made of: its code, data and templates.
PACKAGED = {".py", ".csv", ".toml", ".txt", ".json", ".j2"}
#: The oldest setuptools that reads the project's configuration (an SPDX license).
SETUPTOOLS = (77,)
#: A setuptools warning as the build backend prints it (``SetuptoolsDeprecationWarning:
#: …``, ``_Warning: Package … is absent from the `packages` configuration``).
WARNING = re.compile(r"\b\w*Warning: .*")

REPORT = """某省某市某区人民政府工作报告(2023年1月5日)

  (一)稳定经济增长。全区地区生产总值增长5.2%,固定资产投资完成120亿元。

  招商引资成效明显。引进项目30余个,到位资金约12亿元。

  (二)改善民生。民生投入占比80%,同比提高3个百分点。新增就业1.2万人。

  (三)建设城市。新建道路15公里,改造老旧小区42个,惠及居民1.8万户。
"""


def _version(name: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in re.findall(r"\d+", metadata.version(name))[:2])
    except metadata.PackageNotFoundError:
        return ()


def _run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=300, check=False, **kwargs)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> tuple[Path, str]:
    """A wheel built from a copy of the checkout (the build writes nothing into the
    checkout), and what the build printed."""
    if _version("setuptools") < SETUPTOOLS:
        pytest.skip(f"building the wheel needs setuptools>={'.'.join(map(str, SETUPTOOLS))} in this environment")
    if not _version("pip"):
        pytest.skip("building the wheel needs pip in this environment")
    root = tmp_path_factory.mktemp("wheel")
    src = root / "src"
    shutil.copytree(ROOT, src, ignore=NOT_SOURCE)
    dist = root / "dist"
    done = _run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation", "--no-index",
                 "--disable-pip-version-check", "--verbose", "--wheel-dir", str(dist)])
    assert done.returncode == 0, done.stdout + done.stderr
    [built] = dist.glob("sdr_analysis-*.whl")
    return built, done.stdout + done.stderr


def test_the_wheel_builds_without_a_warning(wheel):
    _, output = wheel
    assert WARNING.findall(output) == []


def test_the_wheel_holds_what_a_build_reads(wheel):
    built, _ = wheel
    names = set(zipfile.ZipFile(built).namelist())
    for notebook in ("section", "overview", "series", "places", "explore"):
        assert f"sdr_analysis/notebooks/{notebook}.ipynb" in names
    for path in (ROOT / "sdr_analysis").rglob("*"):
        if path.is_file() and path.suffix in PACKAGED and "__pycache__" not in path.parts:
            assert path.relative_to(ROOT).as_posix() in names
    assert "sdr_analysis/py.typed" in names and "sdr_analysis/data/sample/dalian-shahekou-2022.txt" in names
    assert not any(name.startswith(("notebooks/", "tests/", "seeds/", "reports/")) for name in names)


@pytest.mark.notebooks
def test_an_installed_wheel_builds_a_report_from_anywhere(wheel, tmp_path):
    built, _ = wheel
    target = tmp_path / "site"
    done = _run([sys.executable, "-m", "pip", "install", str(built), "--no-deps", "--no-index", "--disable-pip-version-check",
                 "--quiet", "--target", str(target)])
    assert done.returncode == 0, done.stdout + done.stderr
    work = tmp_path / "work"
    work.mkdir()
    (work / "district-2023.txt").write_text(REPORT, encoding="utf-8")
    code = (
        "import sys, sdr_analysis, sdr_analysis.build as b\n"
        "print(sdr_analysis.__file__)\n"
        "print(b.NOTEBOOKS)\n"
        "from sdr_analysis.cli import main\n"
        "sys.exit(main(['build', 'district-2023.txt', '--out', 'out', '--lang', 'en']))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = _run([sys.executable, "-c", code], cwd=work, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    package, notebooks = done.stdout.splitlines()[:2]
    assert Path(package).resolve().is_relative_to(target.resolve())
    assert Path(notebooks).resolve() == (target / "sdr_analysis" / "notebooks").resolve()
    folder = work / "out" / "district-2023"
    pages = {p.name for p in folder.glob("*.html")}
    assert pages == {"index.html", "overview.html", "section-1.html", "section-2.html", "section-3.html"}
    assert not list(folder.glob("*-zh.*"))
    for name in ("overview", "section-1", "section-2", "section-3"):
        assert (folder / f"{name}.ipynb").is_file()
    assert "12亿元" in (folder / "section-1.html").read_text(encoding="utf-8")
