"""Benchmark: a cold build of every write-up of the seed (both languages, two workers)
against one section notebook run alone with papermill, in the same run.

Run with ``make bench``. Target: the whole build within 3x the one notebook.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "dalian-shahekou-2022.txt"


def one_notebook(folder: Path) -> float:
    """One section notebook in a fresh kernel, as ``papermill`` runs it by hand."""
    import papermill as pm

    started = time.perf_counter()
    pm.execute_notebook(
        str(ROOT / "notebooks" / "section.ipynb"),
        str(folder / "one.ipynb"),
        parameters={"report_path": os.path.relpath(SEED, folder), "section": "五", "lang": "en"},
        cwd=str(folder),
        kernel_name="python3",
        progress_bar=False,
        log_output=False,
    )
    return time.perf_counter() - started


def cold_build(folder: Path) -> tuple[float, int]:
    from sdr_analysis.build import build

    lines: list[str] = []
    started = time.perf_counter()
    target = build(SEED, out=folder / "reports", say=lines.append)
    seconds = time.perf_counter() - started
    return seconds, len(list(target.glob("*.ipynb")))


def warm_rebuild(folder: Path) -> float:
    from sdr_analysis.build import build

    started = time.perf_counter()
    build(SEED, out=folder / "reports", say=lambda line: None)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        import papermill  # noqa: F401  (imported before timing: both sides have it loaded)

        one_notebook(folder)  # once untimed, so that file caches are warm for both sides
        single = one_notebook(folder)
        full, notebooks = cold_build(folder)
        nothing = warm_rebuild(folder)
    print(f"one section notebook alone: {single:6.2f} s")
    print(f"cold build, {notebooks} notebooks: {full:6.2f} s  ({full / single:.1f}x one notebook; target: 3x or less)")
    print(f"rebuild with nothing changed: {nothing:6.2f} s  (target: under 1 s)")


if __name__ == "__main__":
    main()
