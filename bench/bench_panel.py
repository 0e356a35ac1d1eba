"""Benchmark: the research panel of the 31 real reports (``../shared/corpus`` and
``../shared/corpus-counties``, or ``SDR_CORPUS`` and ``SDR_CORPUS_COUNTIES``) parsed
and written in every format, against ``corpus`` over the same reports, both on every
core, in the same run (the median of three each, taken in turns).
Target: the panel within 3x the corpus. Skipped, saying so, where the reports are absent.

Run with ``make bench``.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("SDR_CORPUS", ROOT.parent / "shared" / "corpus"))
COUNTIES = Path(os.environ.get("SDR_CORPUS_COUNTIES", ROOT.parent / "shared" / "corpus-counties"))
ROUNDS = 3
TARGET = 3.0


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    from sdr_analysis.corpus import build_corpus, report_files
    from sdr_analysis.panels import TABLES, panel

    folders = [f for f in (CORPUS, COUNTIES) if f.is_dir()]
    if not folders:
        print(f"panel: skipped, the real reports are absent ({CORPUS}, {COUNTIES}); set SDR_CORPUS and SDR_CORPUS_COUNTIES")
        return
    logging.getLogger("sdr_analysis").setLevel(logging.WARNING)
    jobs = os.cpu_count() or 2
    # the attention table is made where its module is in the package
    tables = [t for t in TABLES if t != "attention" or importlib.util.find_spec("sdr_analysis.attention") is not None]
    count = len(report_files(folders))
    corpus_times, panel_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for n in range(ROUNDS):
            corpus_times.append(timed(lambda n=n: build_corpus(folders, out / f"corpus-{n}.csv", jobs=jobs, say=lambda line: None)))
            panel_times.append(timed(lambda n=n: panel(folders, tables=tables, jobs=jobs, say=lambda line: None).write(out / f"panel-{n}")))
    c, p = statistics.median(corpus_times), statistics.median(panel_times)
    ratio = p / c
    print(f"panel of {count} reports ({', '.join(tables)}; csv, parquet, dta): {p:.2f} s; corpus: {c:.2f} s; "
          f"{ratio:.2f}x (target: {TARGET:.0f}x or less) {'ok' if ratio <= TARGET else 'SLOW'}")


if __name__ == "__main__":
    main()
