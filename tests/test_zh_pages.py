"""Chinese pages are Chinese throughout, English pages English: every word of the
pages comes from one catalog (``data/messages.toml``) whose two languages have the same
keys, headings included, and a Chinese page holds no English word that is not the
report's own (a place, a brand, ``5G``) or a sentence id."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from test_narrative import page_texts

from conftest import CORPUS, ROOT
from sdr_analysis import load_report, messages, phrases, writeup

NOTEBOOKS = ROOT / "notebooks"
PACKAGE = ROOT / "sdr_analysis"


def keys(table: dict, prefix: str = "") -> set[str]:
    out = set()
    for k, v in table.items():
        out.add(prefix + k)
        if isinstance(v, dict):
            out |= keys(v, f"{prefix}{k}.")
    return out


def test_both_languages_have_the_same_keys():
    catalog = messages.catalog()
    assert set(catalog) == {"en", "zh"}
    assert keys(catalog["en"]) == keys(catalog["zh"])


def used_keys(path: Path) -> set[str]:
    """The literal keys a module asks the catalog for: ``t(lang, "key")``, either
    literal of ``t(lang, "a" if x else "b")``."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and len(node.args) == 2:
            key = node.args[1]
            # a literal, or each literal branch of a choice (``"a" if x else "b"``)
            branches = [key.body, key.orelse] if isinstance(key, ast.IfExp) else [key]
            for branch in branches:
                if isinstance(branch, ast.Constant) and isinstance(branch.value, str):
                    found.add(branch.value)
    return found


#: The modules that put the catalog's words on the pages.
WORDING_MODULES = ["writeup.py", "narrative.py", "phrases.py", "comparison.py", "series_page.py", "places_page.py", "wording.py",
                   "news.py", "headlines.py"]


@pytest.mark.parametrize("module", WORDING_MODULES)
def test_every_key_the_code_uses_exists(module):
    used = used_keys(PACKAGE / module)
    assert used  # the scan reads the module's calls
    for lang in ("en", "zh"):
        for key in used:
            messages.t(lang, key)


def test_every_key_made_from_data_exists():
    for lang in ("en", "zh"):
        for kind in phrases.CLAIM_KINDS:
            messages.t(lang, kind)
            messages.t(lang, f"counts.{kind}")
        for scope in phrases.SCOPES:
            messages.t(lang, f"scope_{scope or 'none'}")
        for name in ("narrative", "money"):
            messages.t(lang, f"narrative.{'figure' if name == 'narrative' else name}")


def notebook_cells(name: str) -> list[dict]:
    return json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("name", ["section.ipynb", "overview.ipynb"])
def test_notebook_headings_come_from_the_catalog(name):
    """A Markdown cell is bilingual and for the notebook's reader: never on the page,
    where the heading is printed in the page's language."""
    cells = notebook_cells(name)
    for cell in cells:
        if cell["cell_type"] == "markdown":
            assert "notebook-only" in cell["metadata"].get("tags", []), "".join(cell["source"])[:60]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    parts = re.findall(r'part_heading\("(\w+)", lang\)', code)
    assert parts
    for lang in ("en", "zh"):
        for key in parts:
            assert writeup.part_heading(key, lang).startswith("## ")


def test_the_run_command_works_from_the_repository_root():
    intro = "".join(notebook_cells("section.ipynb")[0]["source"])
    command = re.search(r"`(papermill [^`]+)`", intro).group(1)
    assert "--cwd notebooks" in command and command.split()[1] == "notebooks/section.ipynb"
    params = "".join(notebook_cells("section.ipynb")[1]["source"])
    report_path = re.search(r'report_path: str = "([^"]+)"', params).group(1)
    assert (NOTEBOOKS / report_path).is_file()


# the Chinese pages, rendered: no English word of the page's own


#: What a Chinese page may show in Latin letters besides the report's own words: the
#: ids of sentences (S12).
LATIN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
ALLOWED = re.compile(r"S\d+")


def english_words(text: str, report_text: str) -> list[str]:
    words = []
    for m in re.finditer(r"[A-Za-z0-9][A-Za-z0-9.'’-]*", text):
        token = m.group(0)
        if not LATIN.search(token) or ALLOWED.fullmatch(token) or token in report_text:
            continue
        words.append(token)
    return words


def test_the_seed_chinese_pages_hold_no_english(seed_report):
    for where, text in page_texts(seed_report, "zh"):
        assert not english_words(text, seed_report.text), (where, english_words(text, seed_report.text)[:5])


def test_a_full_report_chinese_pages_hold_no_english():
    path = CORPUS / "henan-2026.txt"
    if not path.is_file():
        pytest.skip(f"the real report is absent ({path}); set SDR_CORPUS")
    report = load_report(path)
    for where, text in page_texts(report, "zh"):
        assert not english_words(text, report.text), (where, english_words(text, report.text)[:5])


def test_the_scan_finds_english(seed_report):
    """The scan is not blind: the English page of the same section fails it."""
    found = [w for where, text in page_texts(seed_report, "en") for w in english_words(text, seed_report.text)]
    assert {"section", "figures"} <= set(found)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_part_headings_are_in_one_language(lang):
    other = {"en": re.compile(r"[\u4e00-\u9fff]"), "zh": re.compile(r"[A-Za-z]{2,}")}[lang]
    for key in messages.t(lang, "parts"):
        assert not other.search(writeup.part_heading(key, lang)), key


def test_english_pages_never_put_a_measure_word_bare_beside_a_number(seed_report):
    for where, text in page_texts(seed_report, "en"):
        if where.endswith(("narrative", "themes")):
            assert not re.search(r"\d [所个张处场套件家项]", text), where


# the Chinese pages' own punctuation is full-width: ：，（）, never : , ( ) beside Chinese


#: A half-width colon, comma or parenthesis between two Chinese characters, or between
#: a Chinese character and a digit (a space on either side allowed: ``地区 (3)``), or
#: after a Chinese character at the end of a text or before Chinese punctuation (``(3地)``).
HAN = "\u3400-\u9fff"
CHINESE_PUNCTUATION = "。，、；：（）“”"
HALF_WIDTH = re.compile(f"[{HAN}] ?[:,()](?: ?[{HAN}0-9]|$|[{CHINESE_PUNCTUATION}])|[0-9] ?[:,()] ?[{HAN}]", re.M)


def half_width(text: str, report_text: str = "") -> list[str]:
    """The half-width marks between Chinese in ``text`` that are not the report's own
    (a report may write ``(2022年12月24日)`` itself: quoted, it stays as written)."""
    found = []
    for m in HALF_WIDTH.finditer(text):
        mark = m.group(0).replace(" ", "")
        # the mark with its Chinese neighbour: a sentence id before quoted text (S1 (三)…) is the page's
        sides = [pair for pair in (mark[:2], mark[-2:]) if len(pair) == 2 and re.search(f"[{HAN}]", pair)]
        if not report_text or not any(pair in report_text for pair in sides):
            found.append(m.group(0))
    return found


@pytest.mark.parametrize("text, found", [
    ("浙江省杭州市西湖区:2022—2023年", ["区:2"]),
    ("达成2项,未达成1项", ["项,未"]),
    ("各地主要预期目标对比(3地)", ["比(3", "地)"]),
    ("地区生产总值 (3)：", ["值 (3"]),
    ("浙江省杭州市西湖区：2022—2023年，达成2项（3地）", []),
    ("alert(1) GDP (growth): 5.5%, 6%", []),
], ids=["colon", "comma", "parentheses", "spaced-count", "full-width", "latin"])
def test_the_scan_finds_half_width_marks(text, found):
    assert half_width(text) == found


def catalog_strings(table, prefix: str = ""):
    for k, v in table.items():
        if isinstance(v, dict):
            yield from catalog_strings(v, f"{prefix}{k}.")
        elif isinstance(v, list):
            yield from ((f"{prefix}{k}", x) for x in v if isinstance(x, str))
        elif isinstance(v, str):
            yield f"{prefix}{k}", v


def test_the_chinese_catalog_uses_full_width_marks():
    """Every zh string of the catalog, its placeholders filled with Chinese."""
    bad = {key: half_width(re.sub(r"\{[^}]*\}", "某", text))
           for key, text in catalog_strings(messages.catalog()["zh"])}
    assert {k: v for k, v in bad.items() if v} == {}


def test_the_seed_chinese_pages_use_full_width_marks(seed_report):
    for where, text in page_texts(seed_report, "zh"):
        assert not half_width(text, seed_report.text), (where, half_width(text, seed_report.text)[:5])


def comparison_texts(c):
    """The words of a comparison page built without a kernel: its Markdown parts,
    tables and the alt text of its charts, as a reader sees them."""
    from test_messages import markdown_text, rendered

    from sdr_analysis import comparison, places_page, series_page

    parts = [comparison.reports_list(c), comparison.sources(c)]
    charts = [comparison.domains_chart(c)]
    if c.kind == "series":
        parts += [series_page.series_heading(c), series_page.scorecard(c), series_page.wording_table(c), series_page.wording_sequence(c)]
        parts += [x.data for x in series_page.by_measure(c) if hasattr(x, "data") and isinstance(x.data, str)]
        charts += [series_page.scorecard_chart(c), series_page.wording_chart(c)]
        charts += [x for x in series_page.by_measure(c) if hasattr(x, "alt")]
    else:
        parts += [places_page.places_heading(c), places_page.places_table(c), places_page.measures_listing(c)]
        charts += [places_page.places_chart(c), places_page.measures_grid(c)]
    texts = [markdown_text(p) for p in parts]
    texts.append(rendered(comparison.figures_table(c).to_html()).text)
    texts += [chart.alt for chart in charts if chart is not None]
    return texts


@pytest.mark.parametrize("kind", ["series", "places"])
def test_the_chinese_comparison_pages_use_full_width_marks(compared_folder, kind):
    from conftest import PLACES, SERIES
    from sdr_analysis.comparison import open_places, open_series

    if kind == "series":
        c = open_series([str(compared_folder / n) for n in SERIES], "zh")
    else:
        c = open_places([str(compared_folder / n) for n in PLACES], "zh")
    report_text = "".join(r.text for r in c.reports)
    texts = comparison_texts(c)
    assert len(texts) > 8
    for text in texts:
        assert not half_width(text, report_text), (text[:80], half_width(text, report_text))
