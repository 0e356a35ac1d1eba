"""A build counts one's own policy dictionaries (``build --dictionary FILE.toml``) on
the section, overview and comparison pages and in the panel's attention table, and
reruns the notebooks when a dictionary file changes (runs notebooks: marked
``notebooks``)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from sdr_analysis.build import build
from sdr_analysis.collection import build_many
from sdr_analysis.exceptions import ReportReadError

pytestmark = pytest.mark.notebooks

#: Two years of one district, each with a section about its ports.
REPORT = """某省某市某区人民政府工作报告({year}年1月5日)

  (一)发展临港经济。全区港口吞吐量增长{growth}%。

  港口建设加快推进。新建码头2个,港口航道整治工程完工。

  (二)改善民生。民生投入占比80%,同比提高3个百分点。

  教育事业发展。新建学校2所,各配备校医1名。
"""

DICTIONARY = """name = "ports"
zh = "港航"
en = "{en}"
version = "1.0"
source = "written for this test"
words = ["港口", "码头", "航道"]
"""


def write_dictionary(path, en="Ports and shipping"):
    path.write_text(DICTIONARY.format(en=en), encoding="utf-8")
    return path


def page_text(path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def one(tmp_path_factory):
    root = tmp_path_factory.mktemp("dictionary")
    src = root / "district-2023.txt"
    src.write_text(REPORT.format(year=2023, growth=5), encoding="utf-8")
    ports = write_dictionary(root / "ports.toml")
    lines: list[str] = []
    folder = build(src, out=root / "reports", langs="en", say=lines.append, dictionaries=[ports])
    return root, src, ports, folder, lines


def test_the_dictionary_is_on_the_section_and_overview_pages(one):
    _, _, _, folder, _ = one
    assert "Ports and shipping" in page_text(folder / "section-1.html")
    assert "Ports and shipping" in page_text(folder / "overview.html")
    # the section about schools holds none of its words, and its table lists only
    # the dictionaries a section has words of
    assert "Ports and shipping" not in page_text(folder / "section-2.html")


def test_the_notebooks_get_the_file_by_a_path_relative_to_the_folder(one):
    root, _, ports, folder, _ = one
    nb = json.loads((folder / "section-1.ipynb").read_text(encoding="utf-8"))
    params = next("".join(c["source"]) for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", []))
    # the pages are in root/reports/district-2023/, the dictionary in root/
    assert 'dictionaries = ["../../ports.toml"]' in params
    assert str(root) not in params


def test_a_changed_dictionary_reruns_the_notebooks_and_none_builds_without_it(one):
    root, src, ports, folder, _ = one
    lines: list[str] = []
    build(src, out=root / "reports", langs="en", say=lines.append, dictionaries=[ports])
    assert any(line.startswith("nothing to do") for line in lines)

    write_dictionary(ports, en="Harbours")
    lines.clear()
    build(src, out=root / "reports", langs="en", say=lines.append, dictionaries=[ports])
    assert any("notebooks ran" in line for line in lines)
    assert "Harbours" in page_text(folder / "section-1.html")

    lines.clear()
    build(src, out=root / "reports", langs="en", say=lines.append)
    assert any("notebooks ran" in line for line in lines)
    assert "Harbours" not in page_text(folder / "section-1.html")


def test_a_bad_dictionary_is_refused_in_one_line_before_anything_is_written(tmp_path):
    src = tmp_path / "district-2023.txt"
    src.write_text(REPORT.format(year=2023, growth=5), encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "ports"\nwords = ["港"]\n', encoding="utf-8")
    with pytest.raises(ReportReadError, match="bad.toml"):
        build(src, out=tmp_path / "out", langs="en", say=lambda line: None, dictionaries=[bad])
    done = subprocess.run([sys.executable, "-m", "sdr_analysis", "build", str(src), "--out", str(tmp_path / "out"),
                           "--lang", "en", "--dictionary", str(bad)], capture_output=True, text=True)
    assert done.returncode != 0
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 1 and "bad.toml" in errors[0] and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_dictionary_named_as_a_packaged_one_is_refused(tmp_path):
    src = tmp_path / "district-2023.txt"
    src.write_text(REPORT.format(year=2023, growth=5), encoding="utf-8")
    twin = tmp_path / "twin.toml"
    twin.write_text(DICTIONARY.format(en="x").replace('name = "ports"', 'name = "environment"'), encoding="utf-8")
    with pytest.raises(ReportReadError, match="already a dictionary"):
        build_many([src], out=tmp_path / "out", langs="en", say=lambda line: None, dictionaries=[twin])
    assert not (tmp_path / "out").exists()


def test_the_comparisons_and_the_panel_count_it(tmp_path):
    reports = tmp_path / "district"
    reports.mkdir()
    for year, growth in ((2022, 4), (2023, 5)):
        (reports / f"district-{year}.txt").write_text(REPORT.format(year=year, growth=growth), encoding="utf-8")
    ports = write_dictionary(tmp_path / "ports.toml")
    built = build_many([reports], out=tmp_path / "out", langs="en", only="comparisons", say=lambda line: None, dictionaries=[ports])
    kinds = {b.kind: b.folder for b in built}
    assert {"series", "panel"} <= set(kinds)
    assert "Ports and shipping" in page_text(kinds["series"] / "series.html")
    with open(kinds["panel"] / "attention.csv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["dictionary"] == "ports" and r["scope"] == "whole"]
    # each report says 港口 three times, 码头 and 航道 once each: five words of the dictionary
    assert sorted(r["year"] for r in rows) == ["2022", "2023"]
    assert all(int(r["words_matched"]) == 5 for r in rows)
