"""Benchmark: every parse stage on hostile input, each at 1/16 size and full size.

Run with ``make bench`` (or alone: ``python bench/bench_pathological.py``, ``--only``
to run some inputs, ``--verbose`` for every stage). Each input is generated here, about
1 MB of UTF-8 at full size: one unit repeated (``'5%'*N``, one heading line 40,000
times, ``'“'*N``…), or a text built to size (a report of many parts and sections,
random bytes, random report characters). Every stage runs on it separately, each with
the stages it needs already done:

- ``reading``: the file's bytes to text (:func:`sdr_analysis.reading.read_text`, and
  the text of an HTML page);
- ``document``: :func:`sdr_analysis.document.read_document` (title, chrome, lines,
  furniture, headings, outline, paragraphs, sentences, quotes), then ``metadata``;
- ``figures`` (candidates and indicators), ``relations``, ``roles``, ``claims``,
  ``terms``, ``targets`` (and measures without one), ``results``, ``summaries`` (one
  per section), ``notes`` (missing and duplicate numbers);
- ``parse_report``: all of the above from the text at once, as a report does;
- ``parse_one``: what ``corpus`` does for one report file.

For each input it prints one line: its size, the slowest stage and its MB/s (UTF-8
bytes of the input per second of processor time) at full size, and the worst growth: the time at full
size over the time at 1/16 (16x the input; linear work gives about 16). At the end,
the slowest MB/s of any stage on any input (target: 1 MB/s or more) and the worst
growth (target: 18 or less). Growth is judged only where a stage takes 10 ms or more
at full size (faster than 100 MB/s, its ratio is the timer's noise). A stage that runs
over ``--budget`` seconds is stopped and counts as missing both targets. The exit
status is 1 if any target is missed.
"""

from __future__ import annotations

import argparse
import gc
import random
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

FACTOR = 16
MIN_MB_PER_S = 1.0
MAX_GROWTH = 18.0
#: Below this at full size a stage's growth is not judged: its times are too short.
GROWTH_FLOOR_S = 0.010
#: Runs at 1/16 size and at full size; the best of each is kept (the machine may be
#: busy with other work, which only ever adds time).
SMALL_REPEAT = 3
FULL_REPEAT = 3


# -- inputs -------------------------------------------------------------------------


def repeat(unit: str, size: int, head: str = "") -> str:
    """``head`` then ``unit`` repeated to about ``size`` bytes of UTF-8."""
    return head + unit * max(1, size // len(unit.encode("utf-8")))


def numeral(n: int) -> str:
    """``n`` (1 to 9999) in Chinese numerals, as headings write them (十二, 一百零五)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    out, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero else "") + digits[d] + name
            zero = False
        elif out:
            zero = True
    return out


def many_sections(size: int) -> str:
    """Blocks of 20 parts of 50 （N） sections each (1,000 sections), each section a
    heading and one short sentence with figures, repeated to about ``size`` bytes (cut
    at the end of a line): the same text at every size, only more of it (numerals that
    grew with the size would make a larger text cost more per byte for no fault of the
    code)."""
    block = []
    for p in range(1, 21):
        block.append(f"{numeral(p)}、{2020 + p}年工作回顾\n")
        block += [f"（{numeral(s)}）加快发展。新建学校{s}所，投资1.2亿元。\n" for s in range(1, 51)]
    one = "".join(block)
    text = "某某市政府工作报告\n" + one * (size // len(one.encode("utf-8")) + 1)
    chars = size * len(text) // len(text.encode("utf-8"))
    return text[: text.rfind("\n", 0, chars) + 1]


#: What random report text is drawn from: the characters the rules look at.
REPORT_CHARACTERS = (
    "0123456789０１２３.%％,，、。；：！？\n\r ——…（）()【】《》“”‘’「」"
    "一二三四五六七八九十百千万亿两元个所家人项亩公里平方米率先全省首批全覆盖居第位"
    "增长下降由至压缩提升达到分别力争确保预期目标是以上左右约近余多各年月日是区市发展"
)


def random_report(size: int) -> str:
    """Characters drawn from :data:`REPORT_CHARACTERS` to about ``size`` bytes."""
    rng = random.Random(2024)
    per_char = len(REPORT_CHARACTERS.encode("utf-8")) / len(REPORT_CHARACTERS)
    return "".join(rng.choices(REPORT_CHARACTERS, k=int(size / per_char)))


def random_bytes(size: int) -> bytes:
    return random.Random(2025).randbytes(size)


@dataclass(frozen=True)
class Input:
    name: str
    make: Callable[[int], "str | bytes"]


INPUTS = [
    Input("claims 在全省率先", lambda n: repeat("在全省率先", n)),
    Input("digits with zero-width spaces", lambda n: repeat("1\u200b", n)),
    Input("5%", lambda n: repeat("5%", n)),
    Input("one section heading repeated", lambda n: repeat("（一）加快发展。\n", n)),
    Input("one part heading repeated", lambda n: repeat("一、总体要求\n", n)),
    Input("one part title naming a period, repeated", lambda n: repeat("一、工作回顾\n", n)),
    Input("parts of one section each", lambda n: repeat("一、工作回顾\n（一）加快发展。\n", n)),
    Input("opening quotes “", lambda n: repeat("“", n)),
    Input("nested quotes never closed", lambda n: repeat("“创新‘发展《规划“建设”", n)),
    Input("closing quotes ”", lambda n: repeat("”‘》", n)),
    Input("unclosed brackets （", lambda n: repeat("（", n)),
    Input("unclosed brackets of every kind", lambda n: repeat("(（【〔〈「1", n)),
    Input("one line, no stops", lambda n: repeat("新建学校5所，改造道路12.5公里，投资3亿元，", n)),
    Input("stops only 。", lambda n: repeat("。", n)),
    Input("digits only", lambda n: repeat("1234567890", n)),
    Input("Chinese numerals only", lambda n: repeat("一二三四五六七八九十百千万亿", n)),
    Input("增长8%，", lambda n: repeat("增长8%，", n)),
    Input("增长8%。 (a figure to a sentence)", lambda n: repeat("增长8%。", n)),
    Input("relations 由45天压缩至20天", lambda n: repeat("由45天压缩至20天", n)),
    Input("target words 力争确保", lambda n: repeat("力争确保", n)),
    Input("a targets passage of 力争/确保", lambda n: repeat("地区生产总值力争增长6%，确保", n, head="今年主要预期目标是：")),
    Input("分别 lists, repeated", lambda n: repeat("城镇、农村居民人均可支配收入分别增长4.8%、6.2%，", n)),
    Input("one 分别 list of every figure", lambda n: repeat("5%、", n, head="收入分别增长")),
    Input("many short lines", lambda n: repeat("推进。\n", n)),
    Input("\\r line breaks only", lambda n: repeat("（一）加快发展。\r新建学校5所。\r", n)),
    Input("20 parts of 50 sections, repeated", many_sections),
    Input("random bytes", random_bytes),
    Input("random report characters", random_report),
    Input("mixed half- and full-width", lambda n: repeat("１２.５亿元(1)（１）１0％5%，ＡＢ", n)),
    Input("title line repeated", lambda n: repeat("政府工作报告\n", n)),
    Input("—— runs", lambda n: repeat("——", n)),
    Input("—— lead lines", lambda n: repeat("——这五年，\n", n)),
    Input("thousands separators 1,000", lambda n: repeat("1,000", n)),
    Input("digits split by spaces", lambda n: repeat("1 ", n)),
    Input("HTML tags never closed", lambda n: repeat("<div><p>", n, head="<html><body>")),
]


# -- stages -------------------------------------------------------------------------


class TooSlow(Exception):
    """A stage ran over its budget."""


def _alarm(signum, frame):  # noqa: ARG001
    raise TooSlow


def timed(budget: float, fn: Callable[..., object], *args: object) -> float:
    """Seconds of processor time ``fn(*args)`` takes, the garbage collector paused as
    timeit does; over ``budget`` seconds on the clock it is stopped (:class:`TooSlow`).
    Processor time, not time on the clock: what the work costs, the same on a machine
    busy with other processes. (The budget is on the clock: a timer on processor time
    makes the kernel count it in ticks of 4 ms.)"""
    gc.collect()
    gc.disable()
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        started = time.process_time()
        fn(*args)
        return time.process_time() - started
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        gc.enable()


def text_of(path: Path) -> str:
    """The text a report file gives: its decoded bytes, or the text of its page."""
    from sdr_analysis.exceptions import ReportReadError
    from sdr_analysis.html import html_to_text, looks_like_html
    from sdr_analysis.reading import read_text

    try:
        text = read_text(path)
    except ReportReadError:  # refused (random bytes): the other stages read it decoded as it comes
        return path.read_bytes().decode("utf-8", "replace")
    return html_to_text(text) if looks_like_html(text) else text


def everything(text: str) -> None:
    """What a report finds, from its text."""
    from sdr_analysis import parse_report

    r = parse_report(text)
    _ = (r.metadata, r.headings, r.paragraphs, r.indicators, r.relations, r.claims, r.terms)
    _ = (r.targets, r.targets_absent, r.results, r.summaries, r.notes)


def one_report(path: Path) -> None:
    from sdr_analysis.corpus import parse_one

    parse_one(str(path))


#: The stages of one report in the order they need each other: each reads the
#: report's cached findings the earlier ones left.
REPORT_STAGES: list[tuple[str, Callable]] = [
    ("document", lambda r: r.document),
    ("metadata", lambda r: r.metadata),
    ("figures", lambda r: r._figures),
    ("relations", lambda r: r._figure_relations),
    ("roles", lambda r: r.indicators),
    ("claims", lambda r: r.claims),
    ("terms", lambda r: r.terms),
    ("targets", lambda r: (r.targets, r.targets_absent)),
    ("results", lambda r: r.results),
    ("summaries", lambda r: r.summaries),
    ("notes", lambda r: r.notes),
]
STAGES = ["reading"] + [name for name, _ in REPORT_STAGES] + ["parse_report", "parse_one"]


def run_stages(path: Path, budget: float) -> dict[str, float]:
    """Seconds of each stage on the report file ``path``; a stage over budget is
    ``inf`` and the stages after it are not run."""
    from sdr_analysis import parse_report

    times: dict[str, float] = {}
    read: list[str] = []
    try:
        times["reading"] = timed(budget, lambda: read.append(text_of(path)))
        report = parse_report(read[0])
        for name, stage in REPORT_STAGES:
            times[name] = timed(budget, stage, report)
        del report  # the whole runs start from the heap they would in use, not beside a parsed report
        times["parse_report"] = timed(budget, everything, read[0])
        times["parse_one"] = timed(budget, one_report, path)
    except TooSlow:
        times[STAGES[len(times)]] = float("inf")
    return times


def best(runs: list[dict[str, float]]) -> dict[str, float]:
    return {stage: min(r.get(stage, float("inf")) for r in runs) for stage in runs[0]}


@dataclass
class Measured:
    name: str
    size: int
    small: dict[str, float]
    full: dict[str, float] = field(default_factory=dict)

    def stages(self) -> list[str]:
        """The stages run at full size, or at 1/16 where the full size was not run
        (a stage ran over budget there); the last one may have been stopped."""
        return [s for s in STAGES if s in (self.full or self.small)]

    def rate(self, stage: str) -> float:
        """MB/s of ``stage`` at full size, or at 1/16 where the full size was not run
        (0 where it did not finish)."""
        size, times = (self.size, self.full) if self.full else (self.size / FACTOR, self.small)
        t = times.get(stage, float("inf"))
        return size / 1e6 / t if t > 0 else float("inf")

    def growth(self, stage: str) -> Optional[float]:
        """Full-size time over 1/16-size time, where it is judged (infinite for a
        stage stopped at either size)."""
        t1, t16 = self.small.get(stage), self.full.get(stage)
        if t1 == float("inf") or t16 == float("inf"):
            return float("inf")
        if t1 is None or t16 is None or t16 < GROWTH_FLOOR_S:
            return None
        return t16 / max(t1, 1e-9)


def measure(item: Input, size: int, budget: float, tmp: Path) -> Measured:
    def file_of(n: int) -> Path:
        made = item.make(n)
        data = made if isinstance(made, bytes) else made.encode("utf-8")
        path = tmp / f"input-{n}.txt"
        path.write_bytes(data)
        return path

    small_path, full_path = file_of(size // FACTOR), file_of(size)
    run_stages(small_path, budget)  # warm: imports and compiled patterns
    small = best([run_stages(small_path, budget) for _ in range(SMALL_REPEAT)])
    result = Measured(item.name, full_path.stat().st_size, small)
    if all(t < float("inf") for t in small.values()) and len(small) == len(STAGES):
        result.full = run_stages(full_path, budget)
        if all(t < float("inf") for t in result.full.values()) and len(result.full) == len(STAGES):
            result.full = best([result.full] + [run_stages(full_path, budget) for _ in range(FULL_REPEAT - 1)])
    return result


def describe(m: Measured, verbose: bool) -> str:
    stages = m.stages()
    slowest = min(stages, key=m.rate)
    growths = {s: g for s in stages if (g := m.growth(s)) is not None}
    worst = max(growths, key=lambda s: growths[s]) if growths else None
    rate = m.rate(slowest)
    line = f"{m.name:34} {m.size / 1e6:5.2f} MB  slowest {slowest:12} {rate:8.2f} MB/s"
    line += f"  worst growth {worst or '-':12} {growths[worst]:6.1f}" if worst else "  worst growth -"
    if verbose:
        for s in stages:
            g = m.growth(s)
            line += f"\n    {s:12} {m.small.get(s, float('inf')) * 1000:9.1f} ms at 1/{FACTOR}  {m.full.get(s, float('inf')) * 1000:9.1f} ms at full"
            line += f"  {m.rate(s):8.2f} MB/s  growth {'-' if g is None else f'{g:.1f}'}"
    return line


#: Charts of every section draw at most a fixed number of them: their cost at full size
#: over their cost at 1/16 (a text of 16 times as many sections) is about 1.
CHARTS = "charts of every section"
MAX_CHART_GROWTH = 2.0


def charts_of_every_section(text: str) -> tuple[int, float]:
    """The policy sections of ``text``, and the processor seconds of the charts that
    show every section (a section page's share charts, the overview's density chart
    and domains heatmap), each drawn to its PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from sdr_analysis import parse_report, writeup

    report = parse_report(text)
    _ = report.summaries  # parsed already: only the charts are timed
    sec = report.sections[len(report.sections) // 2]

    def draw() -> None:
        for chart in (writeup.share_chart(report, sec, "en"), writeup.share_chart(report, sec, "zh"),
                      writeup.density_chart(report, "en"), writeup.domains_heatmap(report, "zh")):
            if chart is not None:
                chart.png()

    draw()  # warm: imports, the font, the vocabulary
    return len(report.sections), min(timed(60.0, draw) for _ in range(2))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each input at full size, in MB of UTF-8 (default 1)")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds one stage may run before it is stopped (default 30)")
    parser.add_argument("--only", action="append", default=[], help="run the inputs whose name holds this (repeatable)")
    parser.add_argument("--verbose", action="store_true", help="print every stage's times")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    size = int(args.mb * 1_000_000)
    chosen = [i for i in INPUTS if not args.only or any(o in i.name for o in args.only)]
    with_charts = not args.only or any(o in CHARTS for o in args.only)
    if not chosen and not with_charts:
        parser.error(f"no input's name holds {' or '.join(args.only)}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for item in chosen:
            m = measure(item, size, args.budget, Path(tmp))
            results.append(m)
            print(describe(m, args.verbose), flush=True)
    missed = False
    if with_charts:
        (n1, t1), (n16, t16) = (charts_of_every_section(many_sections(s)) for s in (size // FACTOR, size))
        print(f"{CHARTS}: {t1:.2f} s for {n1:,} sections, {t16:.2f} s for {n16:,} "
              f"(ratio {t16 / t1:.1f}; target: {MAX_CHART_GROWTH:g} or less)", flush=True)
        missed = t16 / t1 > MAX_CHART_GROWTH
    if not results:
        return 1 if missed else 0
    rates = [(m.rate(s), m.name, s) for m in results for s in m.stages()]
    growths = [(g, m.name, s) for m in results for s in m.stages() if (g := m.growth(s)) is not None]
    rate, rate_input, rate_stage = min(rates)
    growth, growth_input, growth_stage = max(growths) if growths else (0.0, "-", "-")
    print(
        f"slowest: {rate:.2f} MB/s ({rate_stage} on {rate_input}; target: {MIN_MB_PER_S:g} MB/s or more); "
        f"worst growth: {growth:.1f} ({growth_stage} on {growth_input}; target: {MAX_GROWTH:g} or less)"
    )
    missed = missed or rate < MIN_MB_PER_S or growth > MAX_GROWTH
    if missed:
        print("a target is missed", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
