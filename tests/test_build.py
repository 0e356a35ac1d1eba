"""Building write-ups end to end (runs notebooks: marked ``notebooks``)."""

from __future__ import annotations

import json
import logging
import re
import shutil

import nbformat
import pytest

from sdr_analysis import BuildError
from sdr_analysis.build import NOTEBOOKS, build

pytestmark = pytest.mark.notebooks

REPORT = """某省某市某区人民政府工作报告(2023年1月5日)

  (一)稳定经济增长。全区经济稳中有进。

  招商引资成效明显。引进项目30余个,到位资金约12亿元。在全省率先设立企业服务中心。

  (二)改善民生。民生投入占比80%,同比提高3个百分点。

  教育事业发展。新建学校2所,各配备校医1名。
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("build")
    src = root / "district-2023.txt"
    src.write_text(REPORT, encoding="utf-8")
    lines = []
    folder = build(src, out=root / "reports", say=lines.append)
    return root, folder, lines


def test_every_part_is_written(built):
    _, folder, _ = built
    names = {p.name for p in folder.iterdir()}
    for stem in ("overview", "section-1", "section-2", "overview-zh", "section-1-zh", "section-2-zh"):
        assert {f"{stem}.ipynb", f"{stem}.html"} <= names
    assert {"manifest.json", "page.css", "cjk.woff"} <= names
    for table in ("indicators", "claims", "relations", "sections", "terms"):
        assert {f"{table}.csv", f"{table}.json"} <= names
    assert "index.html" in names
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")]


def test_progress_line_per_notebook(built):
    _, _, lines = built
    assert sum(line.startswith("[") and ": ok (" in line for line in lines) == 6


def test_notebooks_carry_no_run_dependent_metadata(built):
    _, folder, _ = built
    for path in folder.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        meta = nb.metadata.get("papermill", {})
        assert not {"start_time", "end_time", "duration", "input_path", "output_path"} & set(meta)
        assert all("execution" not in c.metadata and "papermill" not in c.metadata for c in nb.cells)
        assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
        assert str(folder.parent) not in path.read_text(encoding="utf-8")


def test_html_hides_code_and_needs_no_scripts(built):
    _, folder, _ = built
    page = (folder / "section-1.html").read_text(encoding="utf-8")
    assert "writeup.heading" not in page and "稳定经济增长" in page
    assert "<script" not in page and 'src="http' not in page
    assert '<link rel="stylesheet" href="page.css">' in page and "jp-Notebook" in (folder / "page.css").read_text(encoding="utf-8")


def test_execution_counts_start_at_one_in_every_notebook(built):
    _, folder, _ = built
    for path in folder.glob("*.ipynb"):
        counts = [c.execution_count for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        assert counts == list(range(1, len(counts) + 1)), path.name


def test_rebuild_with_nothing_changed_does_nothing(built):
    root, folder, _ = built
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    lines = []
    build(root / "district-2023.txt", out=folder.parent, say=lines.append)
    assert lines == [f"nothing to do: 6 notebooks of {folder} are up to date"]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_rebuild_runs_only_what_changed_and_drops_what_is_gone(built):
    root, folder, _ = built
    out = root / "reports-copy"  # as deep as the original, so the report's relative path is the same
    shutil.copytree(folder, out / folder.name)
    (out / folder.name / "section-1.html").unlink()
    lines = []
    rebuilt = build(root / "district-2023.txt", out=out, langs="en", say=lines.append)
    ran = [line.split(":")[0] for line in lines if line.startswith("[")]
    assert ran == ["[1/1] section-1"]
    names = {p.name for p in rebuilt.iterdir()}
    assert "section-1.ipynb" in names and not any("-zh" in n for n in names)


def test_tables_match_the_parse(built):
    _, folder, _ = built
    rows = json.loads((folder / "indicators.json").read_text(encoding="utf-8"))
    assert [r["text"] for r in rows] == ["30余个", "约12亿元", "80%", "3个百分点", "2所", "1名"]


def test_failure_names_notebook_and_cell_and_keeps_previous(built, tmp_path, caplog):
    root, folder, _ = built
    broken = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, broken)
    nb = nbformat.read(broken / "section.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise ValueError('deliberate')"))
    nbformat.write(nb, broken / "section.ipynb")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(BuildError) as err, caplog.at_level(logging.DEBUG, logger="sdr_analysis"):
        build(root / "district-2023.txt", out=folder.parent, langs="en", notebooks=broken, say=lambda line: None)
    assert "section-" in str(err.value) and f"cell {len(nb.cells) - 1}" in str(err.value)
    assert "deliberate" in str(err.value)
    # the kernel's traceback is kept in the log, at debug level
    assert any(r.levelno == logging.DEBUG and "Traceback" in r.getMessage() and "deliberate" in r.getMessage()
               for r in caplog.records), caplog.text
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


# a report with parts

PARTS = """某省某市人民政府工作报告(2024年1月10日)

一、2023年工作回顾

  (一)经济稳中向好。全市生产总值增长5%,投入资金3亿元。

  (二)民生<b>持续</b>改善。新增就业1.2万人。

二、2024年工作安排

  今年要扎实做好各项工作。力争全市生产总值增长6%。
"""


@pytest.fixture(scope="module")
def built_parts(tmp_path_factory):
    root = tmp_path_factory.mktemp("parts")
    src = root / "city-2024.txt"
    src.write_text(PARTS, encoding="utf-8")
    return build(src, out=root / "reports", langs="en", say=lambda line: None)


def test_one_write_up_per_policy_section_named_by_part_and_section(built_parts):
    pages = sorted(p.stem for p in built_parts.glob("*.html") if p.stem != "index")
    assert pages == ["overview", "section-1-1", "section-1-2", "section-2"]
    nb = nbformat.read(built_parts / "section-1-2.ipynb", as_version=4)
    assert nb.metadata["papermill"]["parameters"]["section"] == "一.二"


def test_index_has_a_row_per_part_with_its_period_then_its_sections(built_parts):
    page = (built_parts / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr[^>]*>.*?</tr>", page, re.S)[1:]  # after the header row
    kinds = ["part" if 'class="part"' in row else "section" for row in rows]
    assert kinds == ["part", "section", "section", "part", "section"]
    assert "一、2023年工作回顾" in rows[0] and "Review · 工作回顾" in rows[0]
    assert "二、2024年工作安排" in rows[3] and "The coming year · 年度工作安排" in rows[3]
    assert 'href="section-1-2.html"' in rows[2] and 'href="section-2.html"' in rows[4]
    assert "民生&lt;b&gt;持续&lt;/b&gt;改善" in rows[2] and "<b>" not in page


def test_section_page_names_its_part_and_period(built_parts):
    page = (built_parts / "section-1-1.html").read_text(encoding="utf-8")
    assert "in part 一、2023年工作回顾 (review of past work)" in page
    assert "section 1 of 3 in this text" in page
