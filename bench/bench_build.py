"""Benchmark: cold builds against one section notebook run alone with papermill, in the
same run.

- The seed: every write-up (both languages) against one of its section notebooks
  alone. Target: 3x or less.
- A whole report of the real ones beside the repository (``../shared/corpus`` or
  ``SDR_CORPUS``; ``henan-2026.txt``, or ``SDR_BENCH_REPORT``): every write-up of its
  sections, both languages, against one of its section notebooks alone. Target: 8x
  or less. Skipped, saying so, where the report is absent.
- A rebuild with nothing changed. Target: under 1 s.

Run with ``make bench``.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "dalian-shahekou-2022.txt"
CORPUS = Path(os.environ.get("SDR_CORPUS", ROOT.parent / "shared" / "corpus"))
FULL_REPORT = os.environ.get("SDR_BENCH_REPORT", "henan-2026.txt")


def one_notebook(folder: Path, report: Path, section: str) -> float:
    """One section notebook in a fresh kernel, as ``papermill`` runs it by hand."""
    import papermill as pm

    started = time.perf_counter()
    pm.execute_notebook(
        str(ROOT / "notebooks" / "section.ipynb"),
        str(folder / "one.ipynb"),
        parameters={"report_path": os.path.relpath(report, folder), "section": section, "lang": "en"},
        cwd=str(folder),
        kernel_name="python3",
        progress_bar=False,
        log_output=False,
    )
    return time.perf_counter() - started


def cold_build(report: Path, out: Path) -> tuple[float, int, list[str]]:
    from sdr_analysis.build import build

    lines: list[str] = []
    started = time.perf_counter()
    target = build(report, out=out, say=lines.append)
    seconds = time.perf_counter() - started
    return seconds, len(list(target.glob("*.ipynb"))), lines


def rebuild(report: Path, out: Path) -> float:
    from sdr_analysis.build import build

    started = time.perf_counter()
    build(report, out=out, say=lambda line: None)
    return time.perf_counter() - started


def middle_section(report: Path) -> str:
    from sdr_analysis.outputs import written_up
    from sdr_analysis.report import load_report

    sections = written_up(load_report(report))
    return sections[len(sections) // 2].key


def compare(folder: Path, name: str, report: Path, target: float) -> None:
    """One section notebook alone (run twice, the first untimed so that file caches
    are warm for both sides), then the cold build of the whole report."""
    section = middle_section(report)
    one_notebook(folder, report, section)
    single = one_notebook(folder, report, section)
    full, notebooks, lines = cold_build(report, folder / name)
    print(f"{name}: one section notebook alone: {single:6.2f} s")
    print(f"{name}: cold build, {notebooks} notebooks: {full:6.2f} s  ({full / single:.1f}x one notebook; target: {target:g}x or less)")
    if lines:
        print(f"{name}: {lines[-1]}")


def main() -> None:
    import papermill  # noqa: F401  (imported before timing: both sides have it loaded)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        compare(folder, "seed", SEED, 3)
        nothing = rebuild(SEED, folder / "seed")
        print(f"seed: rebuild with nothing changed: {nothing:6.2f} s  (target: under 1 s)")
        full_report = CORPUS / FULL_REPORT
        if full_report.is_file():
            compare(folder, full_report.stem, full_report, 8)
        else:
            print(f"whole report: skipped, {full_report} is absent (set SDR_CORPUS to the folder of real reports)")


if __name__ == "__main__":
    main()
