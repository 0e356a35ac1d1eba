"""Benchmark: full extraction (structure, indicators, relations, claims, terms) over at
least 1 MB of report text, against a bare regex scan for digits over the same text.

Run with ``make bench``. Prints characters per second, the two times and their ratio,
and the time of ``import sdr_analysis`` in a fresh interpreter. The text is the seed's
body repeated (with its headings) until it reaches the size asked for.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "dalian-shahekou-2022.txt"
#: The bare scan: every run of digits, as ``\d`` reads them (half- and full-width alike,
#: as the parser does). The ASCII-only scan is printed beside it for comparison.
DIGITS = re.compile(r"\d+")
ASCII_DIGITS = re.compile(r"[0-9]+")


def corpus(min_chars: int) -> str:
    from sdr_analysis import load_report

    seed = load_report(SEED)
    title = seed.metadata.title.text if seed.metadata.title else ""
    body = seed.text[slice(*seed.body)]
    copies = -(-min_chars // len(body))
    return title + "\n\n" + "\n\n".join([body] * copies)


def extract(text: str) -> int:
    from sdr_analysis import parse_report

    r = parse_report(text)
    return len(r.headings) + len(r.paragraphs) + len(r.indicators) + len(r.relations) + len(r.claims) + len(r.terms)


def bare_scan(text: str, pattern: re.Pattern[str] = DIGITS) -> int:
    return sum(1 for _ in pattern.finditer(text))


def best_of(fn, text: str, repeat: int) -> float:
    """Best time of ``repeat`` runs, with the garbage collector paused as timeit does,
    so that a collection of earlier garbage does not land in one stage's time."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            started = time.perf_counter()
            fn(text)
            times.append(time.perf_counter() - started)
        finally:
            gc.enable()
    return min(times)


def import_time(repeat: int = 5) -> float:
    code = "import time; t = time.perf_counter(); import sdr_analysis; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(repeat)]
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of the text in millions of characters (default 1)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each; the best is reported (default 5)")
    args = parser.parse_args()
    text = corpus(int(args.mb * 1_000_000))
    found = extract(text)
    full = best_of(extract, text, args.repeat)
    bare = best_of(bare_scan, text, args.repeat)
    ascii_only = best_of(lambda t: bare_scan(t, ASCII_DIGITS), text, args.repeat)
    print(f"text: {len(text):,} characters ({len(text.encode('utf-8')) / 1e6:.2f} MB as UTF-8), {found:,} findings")
    print(f"full extraction: {full * 1000:8.1f} ms  {len(text) / full / 1e6:6.2f} M chars/s")
    print(f"bare digit scan: {bare * 1000:8.1f} ms  {len(text) / bare / 1e6:6.2f} M chars/s  (\\d+)")
    print(f"ratio full/bare: {full / bare:8.1f}x  (target: 30x or less)")
    print(f"ASCII-only scan: {ascii_only * 1000:8.1f} ms  (ratio {full / ascii_only:.1f}x against [0-9]+)")
    print(f"import sdr_analysis: {import_time() * 1000:.0f} ms (median of 5, fresh interpreter; target: under 300 ms)")


if __name__ == "__main__":
    main()
