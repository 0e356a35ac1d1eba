"""Shared fixtures, and the ``notebooks`` mark on every nbval item so that
``pytest -m "not notebooks"`` skips executing notebooks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

#: Every property test draws its examples from a fixed seed and keeps no database, so a
#: run is the same on every machine and in every order: a test that fails, fails always.
settings.register_profile(
    "fixed",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("fixed")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "dalian-shahekou-2022.txt"

#: A short report of two parts: the first with sections (一) and (二), the second
#: its own section.
PARTS = """某省某市人民政府工作报告(2024年1月10日)

一、2023年工作回顾

  (一)经济稳中向好。全市生产总值增长5%,投入资金3亿元。

  (二)民生持续改善。新增就业1.2万人。

二、2024年工作安排

  今年要扎实做好各项工作。力争全市生产总值增长6%。
"""


def pytest_collection_modifyitems(config, items):
    missing: dict[Path, list[str]] = {}
    for item in items:
        if item.nodeid.endswith(".ipynb") or ".ipynb::" in item.nodeid:
            item.add_marker(pytest.mark.notebooks)
            notebook = Path(str(item.fspath))
            if notebook not in missing:
                missing[notebook] = absent_reports(notebook)
            if missing[notebook]:
                item.add_marker(pytest.mark.skip(reason=f"the reports it reads are absent here ({', '.join(missing[notebook][:2])}…); "
                                                        "built from reports beside the repository (make corpus)"))


def absent_reports(notebook: Path) -> list[str]:
    """The reports an executed notebook was run on (its papermill parameters
    ``report_path`` or ``report_paths``, relative to its folder) that are not there."""
    import json

    try:
        params = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {}).get("papermill", {}).get("parameters", {})
    except (OSError, ValueError):
        return []
    paths = params.get("report_paths") or ([params["report_path"]] if "report_path" in params else [])
    return [p for p in paths if isinstance(p, str) and not (notebook.parent / p).is_file()]


def a_fifo(folder: Path) -> Path:
    """A named pipe nobody writes to, named like a report: opening it to read would
    block for ever."""
    path = folder / "report.txt"
    os.mkfifo(path)
    return path


@pytest.fixture(scope="session")
def seed_report():
    from sdr_analysis import load_report

    return load_report(SEED)


#: The real reports and their expected answers, beside the repository unless the
#: environment names other folders; tests that need them skip where they are absent.
CORPUS = Path(os.environ.get("SDR_CORPUS", ROOT.parent / "shared" / "corpus"))
CORPUS_GOLD = Path(os.environ.get("SDR_CORPUS_GOLD", ROOT.parent / "shared" / "spec" / "corpus_gold"))


#: The county, district and city reports and their expected answers (same schema),
#: beside the repository unless the environment names other folders.
COUNTIES = Path(os.environ.get("SDR_CORPUS_COUNTIES", ROOT.parent / "shared" / "corpus-counties"))
COUNTIES_GOLD = Path(os.environ.get("SDR_CORPUS_GOLD_COUNTIES", ROOT.parent / "shared" / "spec" / "corpus_gold_counties"))


def gold_pairs(texts: Path, golds: Path) -> list[tuple[dict, Path]]:
    """``(gold, path)`` for each report of ``texts`` with an answer in ``golds``."""
    import json

    found = sorted(p for p in golds.glob("*.json") if not p.name.endswith(".sentences.json")) if golds.is_dir() else []
    pairs = [(json.loads(g.read_text(encoding="utf-8")), texts / (g.stem + ".txt")) for g in found]
    return [(gold, path) for gold, path in pairs if path.is_file()]


@pytest.fixture(scope="session")
def corpus_gold():
    """``(gold, path)`` for each real report of the corpus folder: its expected answer
    (a dict, see the gold folder's GUIDE.md) and the path of its text."""
    pairs = gold_pairs(CORPUS, CORPUS_GOLD)
    if not pairs:
        pytest.skip(f"the real reports and their answers are absent ({CORPUS}, {CORPUS_GOLD}); set SDR_CORPUS and SDR_CORPUS_GOLD")
    return pairs


#: The county, county-level city and prefecture reports (crawler and site dumps) and
#: their expected answers, in the same schema.
COUNTIES = Path(os.environ.get("SDR_CORPUS_COUNTIES", ROOT.parent / "shared" / "corpus-counties"))
COUNTIES_GOLD = Path(os.environ.get("SDR_CORPUS_COUNTIES_GOLD", ROOT.parent / "shared" / "spec" / "corpus_gold_counties"))


@pytest.fixture(scope="session")
def county_gold():
    """``(gold, path)`` for each county report, as :func:`corpus_gold` gives them."""
    import json

    pairs = [(json.loads(g.read_text(encoding="utf-8")), COUNTIES / (g.stem + ".txt")) for g in sorted(COUNTIES_GOLD.glob("*.json"))]
    pairs = [(gold, path) for gold, path in pairs if path.is_file()]
    if not pairs:
        pytest.skip(f"the county reports and their answers are absent ({COUNTIES}, {COUNTIES_GOLD}); "
                    "set SDR_CORPUS_COUNTIES and SDR_CORPUS_COUNTIES_GOLD")
    return pairs


@pytest.fixture(scope="session")
def all_gold(corpus_gold):
    """:func:`corpus_gold` and the county, district and city reports with theirs;
    skipped where the second folder is absent (the rules are held to both)."""
    counties = gold_pairs(COUNTIES, COUNTIES_GOLD)
    if not counties:
        pytest.skip(f"the county reports and their answers are absent ({COUNTIES}, {COUNTIES_GOLD}); "
                    "set SDR_CORPUS_COUNTIES and SDR_CORPUS_GOLD_COUNTIES")
    return corpus_gold + counties


@pytest.fixture(scope="session")
def corpus_sentences():
    """``(sentences, path)`` for each real report with a sample of sentences whose
    figures were read by hand (``<name>.sentences.json``, see the gold folder's
    GUIDE.md), and the path of its text."""
    import json

    golds = sorted(CORPUS_GOLD.glob("*.sentences.json")) if CORPUS_GOLD.is_dir() else []
    pairs = [
        (json.loads(g.read_text(encoding="utf-8")), CORPUS / (g.name.removesuffix(".sentences.json") + ".txt"))
        for g in golds
    ]
    pairs = [(sentences, path) for sentences, path in pairs if path.is_file()]
    if not pairs:
        pytest.skip(f"the real reports and their sampled sentences are absent ({CORPUS}, {CORPUS_GOLD}); set SDR_CORPUS and SDR_CORPUS_GOLD")
    return pairs


# the comparison pages: short reports of one district in 2022 and 2023 and two
# provinces in 2023. The district's 2022 GDP target is 6%左右 and its 2023 report says
# GDP grew 5.5% (missed: below 6% less 5%); retail sales were to grow 8%以上 and grew 9%
# (met); unemployment was to stay 5.5%以内 and was 5.2% (met). Its 2023 targets have
# no next report.


def compared_report(place: str, year: int, review: str, targets: str) -> str:
    return f"""{place}政府工作报告
——{year}年1月10日在{place}人民代表大会第一次会议上

一、{year - 1}年工作回顾

  过去一年，我们攻坚克难，经济稳中有进。{review}

二、{year}年工作安排

  {year}年经济社会发展的主要预期目标是：{targets}

  各位代表！让我们团结奋斗。
"""


COMPARED = {
    "xihu-2022.txt": compared_report("杭州市西湖区", 2022, "全年地区生产总值增长7%。",
                                     "地区生产总值增长6%左右，社会消费品零售总额增长8%以上，城镇调查失业率控制在5.5%以内。"),
    "xihu-2023.txt": compared_report("杭州市西湖区", 2023, "全年地区生产总值增长5.5%，社会消费品零售总额增长9%，城镇调查失业率5.2%。",
                                     "地区生产总值增长5%左右，社会消费品零售总额增长7%，城镇调查失业率5.5%左右。"),
    "zhejiang-2023.txt": compared_report("浙江省", 2023, "全年地区生产总值增长6%。", "地区生产总值增长5.5%左右，居民消费价格涨幅3%左右。"),
    # report text is text: markup in it must reach the page as the characters it is
    "jiangsu-2023.txt": compared_report("江苏省", 2023, "全年地区生产总值增长5.8%。",
                                        "地区生产总值增长5%以上<script>alert(1)</script>，城镇新增就业120万人[链接](http://x.test)。"),
}
#: The reports of a series page (one place over the years) and of a places page (one year).
SERIES = ["xihu-2022.txt", "xihu-2023.txt"]
PLACES = ["jiangsu-2023.txt", "zhejiang-2023.txt", "xihu-2023.txt"]


@pytest.fixture(scope="module")
def compared_folder(tmp_path_factory) -> Path:
    """A folder of the reports in :data:`COMPARED`."""
    root = tmp_path_factory.mktemp("comparison") / "reports-in"
    root.mkdir()
    for name, text in COMPARED.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def series_en(compared_folder):
    from sdr_analysis.comparison import open_series

    return open_series([str(compared_folder / n) for n in SERIES], "en")


@pytest.fixture(scope="module")
def places_en(compared_folder):
    from sdr_analysis.comparison import open_places

    return open_places([str(compared_folder / n) for n in PLACES], "en")


def build_compared(root: Path) -> dict:
    """The comparisons of :data:`COMPARED` (in ``root/reports-in``) built into
    ``root/out``: what was built (kind, folder name) and the lines the build said."""
    from sdr_analysis.collection import build_many

    folder = root / "reports-in"
    folder.mkdir()
    for name, text in COMPARED.items():
        (folder / name).write_text(text, encoding="utf-8")
    lines: list[str] = []
    built = build_many([folder], out=root / "out", only="comparisons", say=lines.append)
    return {"built": [[b.kind, b.folder.name] for b in built], "lines": lines}


@pytest.fixture(scope="session")
def compared_built(tmp_path_factory):
    """``(root, built, lines)``: :func:`build_compared`, built once per run for every test
    that reads it (one that builds again copies ``root`` first); ``built`` is the
    ``(kind, folder name)`` of each folder."""
    from shared_builds import built_once

    root, said = built_once(tmp_path_factory, "comparisons", build_compared)
    return root, [tuple(b) for b in said["built"]], said["lines"]
