"""The pages of a build as a phone (390 CSS pixels) and a laptop (1280) show them, in
headless Chromium: every table is reachable (it fits, or scrolls sideways in a box of
its own that fits), no image is wider than the page, the page never scrolls sideways,
and it holds no script. Skipped where Chromium is absent (``.ci/run`` installs it)."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from test_zh_pages import half_width

from browser import WIDTHS, DevTools, chromium, measure, problems, section_page
from conftest import SEED
from sdr_analysis.build import build

pytestmark = [
    pytest.mark.notebooks,
    pytest.mark.skipif(chromium() is None, reason="no Chromium here (Debian: apt-get install chromium; .ci/run installs it)"),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser")
    src = root / SEED.name
    shutil.copy(SEED, src)
    return build(src, out=root / "reports", say=lambda line: None)


@pytest.fixture(scope="module")
def browser():
    with DevTools() as b:
        yield b


def pages(folder):
    return {"index": folder / "index.html", "section": section_page(folder, "en"), "section-zh": section_page(folder, "zh"),
            "overview-zh": folder / "overview-zh.html"}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["index", "section", "section-zh", "overview-zh"])
def test_page_reads_at_width(folder, browser, name, width):
    page = pages(folder)[name]
    m = measure(browser, page, width)
    assert m["viewport"] == width, "the page is laid out at the device's width (a viewport tag)"
    assert m["tables"], f"{page.name} has tables to check"
    assert problems(m) == []


@pytest.mark.parametrize("name", ["section", "section-zh", "overview-zh"])
def test_charts_say_what_they_show(folder, browser, name):
    m = measure(browser, pages(folder)[name], WIDTHS[0])
    assert m["images"]
    for image in m["images"]:
        assert image["alt"] and len(image["alt"]) > 10, image["alt"]
        assert image["box"]["width"] <= m["viewport"]


def test_page_holds_no_script_in_its_source(folder):
    for page in pages(folder).values():
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<script|\son[a-z]+\s*=|javascript:", text, re.I), page.name


@pytest.mark.parametrize("name,lang", [("section", "en"), ("section-zh", "zh-CN"), ("overview-zh", "zh-CN"), ("index", "zh-CN")])
def test_page_declares_its_language(folder, browser, name, lang):
    m = measure(browser, pages(folder)[name], WIDTHS[1])
    assert m["lang"] == lang
    assert m["viewportTag"]


#: The first section's key figures on the index (its cell marked ``key``, else its
#: last): the box of their text (a range over the cell, as wide as the words are), and
#: the viewport's width.
KEY_FIGURES = r"""
(function () {
  var row = document.querySelector("table tbody tr:not(.part)");
  var cell = row.querySelector("td.key") || row.cells[row.cells.length - 1];
  var range = document.createRange();
  range.selectNodeContents(cell);
  var r = range.getBoundingClientRect();
  return JSON.stringify({viewport: document.documentElement.clientWidth, left: r.left, right: r.right,
                         width: r.width, text: cell.textContent});
})()
"""


def test_the_index_shows_each_sections_key_figures_on_a_phone(folder, browser):
    """At 390 px the index's rows are blocks: the first section's key figures are on
    screen, not past its right edge in a table that scrolls."""
    browser.open(pages(folder)["index"], WIDTHS[0])
    key = json.loads(browser.evaluate(KEY_FIGURES))
    assert key["text"].strip() and key["width"] > 0
    assert 0 <= key["left"] and key["right"] <= key["viewport"], key


@pytest.mark.parametrize("name", ["section-zh", "overview-zh"])
def test_chinese_pages_write_full_width_marks(folder, browser, name):
    """A zh page as a reader sees it holds no half-width : , ( ) between Chinese
    characters, but where the report writes them itself."""
    browser.open(pages(folder)[name], WIDTHS[1])
    text = browser.evaluate("document.body.innerText")
    assert text and re.search(r"[\u4e00-\u9fff]", text)
    assert not half_width(text, SEED.read_text(encoding="utf-8")), half_width(text, SEED.read_text(encoding="utf-8"))[:5]
