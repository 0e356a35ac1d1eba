"""Benchmark: how the work grows with the text, and throughput on the real reports.

Run with ``make bench``. Prints:

- the time of what ``corpus`` does for one report (parse, every finding, one summary
  per section, the table rows) on a text of 1x and 16x a base size, and their ratio
  (target: 18 or less, i.e. linear with some slack);
- the same for the write-up parts that walk a section's figures (themes, narrative,
  indicator table) on one section holding 1x and 16x as many figures;
- extraction throughput over the real reports beside the repository
  (``../shared/corpus``, or the folder named by ``SDR_CORPUS``), if they are there.

The texts are the seed's body repeated; the one-section text repeats the seed's
sentences under a single heading.
"""

from __future__ import annotations

import gc
import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "dalian-shahekou-2022.txt"
CORPUS = Path(os.environ.get("SDR_CORPUS", ROOT.parent / "shared" / "corpus"))
BASE_CHARS = 250_000
FACTOR = 16
TARGET = 18


def timed(fn, *args) -> float:
    """Seconds ``fn(*args)`` takes, with the garbage collector paused as timeit does:
    its full collections walk every object alive, so they grow with the heap and would
    hide how the code itself grows."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        fn(*args)
        return time.perf_counter() - started
    finally:
        gc.enable()


def seed_body() -> tuple[str, str]:
    from sdr_analysis import load_report

    seed = load_report(SEED)
    title = seed.metadata.title.text if seed.metadata.title else ""
    return title, seed.text[slice(*seed.body)]


def repeated(title: str, body: str, chars: int) -> str:
    return title + "\n\n" + "\n\n".join([body] * -(-chars // len(body)))


def one_report(path: Path) -> None:
    """What ``corpus`` does for one report file."""
    from sdr_analysis.corpus import parse_one

    parsed = parse_one(str(path))
    assert parsed.error is None, parsed.error


def one_section(text: str) -> None:
    """The write-up parts that walk one section's figures."""
    from sdr_analysis import parse_report, writeup

    report = parse_report(text)
    sec = report.section(report.sections[0].key)
    writeup.themes(sec, "en")
    writeup.narrative(report, sec, "en")
    writeup.indicator_table(sec, "en")


def ratio_line(label: str, fn, small, large) -> None:
    fn(small)  # warm: imports and compiled patterns
    t1, t16 = timed(fn, small), timed(fn, large)
    ratio = t16 / t1
    print(f"{label}: {t1:6.2f} s at 1x, {t16:6.2f} s at {FACTOR}x  (ratio {ratio:.1f}; target: {TARGET} or less)")


def main() -> None:
    title, body = seed_body()
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small.txt", Path(tmp) / "large.txt"
        small.write_text(repeated(title, body, BASE_CHARS), encoding="utf-8")
        large.write_text(repeated(title, body, BASE_CHARS * FACTOR), encoding="utf-8")
        ratio_line("corpus, one report", one_report, small, large)
    # one heading, then the seed's paragraphs without their headings, repeated
    paragraphs = "\n".join(line for line in body.splitlines() if line.strip() and not line.strip().startswith(("(", "（")))
    section = "(一)一个很长的部分。\n"
    small = section + "\n".join([paragraphs] * 8)
    large = section + "\n".join([paragraphs] * 8 * FACTOR)
    ratio_line("write-up of one section", one_section, small, large)
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        print(f"real reports: absent ({CORPUS}); set SDR_CORPUS to measure them")
        return
    from sdr_analysis.reading import read_text

    texts = [read_text(f) for f in files]
    chars = sum(len(t) for t in texts)
    from sdr_analysis import parse_report

    def extract_all() -> None:
        for text in texts:
            r = parse_report(text)
            _ = (r.headings, r.paragraphs, r.indicators, r.relations, r.claims, r.terms, r.parts, r.metadata)

    extract_all()
    seconds = min(timed(extract_all) for _ in range(3))
    print(f"real reports: {len(files)} files, {chars:,} characters in {seconds:.2f} s  ({chars / seconds / 1e6:.2f} M chars/s)")


if __name__ == "__main__":
    main()
