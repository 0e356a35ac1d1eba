"""What the tests of a build under attack share: a small report, its built site, and
how to run the command on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from shared_builds import built_once

from sdr_analysis.build import build

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


def build_site(folder: Path) -> list[str]:
    """The small report built into ``folder/out`` (in English); the lines the build said."""
    (folder / f"{NAME}.txt").write_text(REPORT, encoding="utf-8")
    lines: list[str] = []
    build(folder / f"{NAME}.txt", out=folder / "out", langs="en", say=lines.append)
    return lines


def shared_site(tmp_path_factory) -> tuple[Path, list[str]]:
    """The folder of :func:`build_site`, built once per test run for every file that
    attacks or rebuilds it (each on a copy of its own: :func:`copy_site`), and the lines
    its build said."""
    return built_once(tmp_path_factory, "attack-site", build_site)


def copy_site(site: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built site, links kept as links, and a folder of victims
    beside it holding ``secret``."""
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


