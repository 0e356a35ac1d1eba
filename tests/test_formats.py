"""Reports in every format the library reads: encodings, HTML pages, web and PDF dumps,
heading styles, opening blocks, partial excerpts.

Each file in ``tests/reports/`` (other than ``*.expected.json``) is a short report
written for these tests; ``<file>.expected.json`` beside it says what must be found:

- ``headings``: every heading, in order, as ``{marker, title, level}``;
- ``metadata``: the metadata fields the opening lines give (``null`` where a field must
  stay empty, e.g. ``district`` of a county report);
- ``indicators``: a few figures that must be found with exactly that text (the span
  in ``report.text``), value (base unit), unit and qualifier;
- optional: ``notes`` (substrings, each in some note), ``notes_absent`` (substrings in
  no note), ``missing_sections``, ``not_indicators`` (texts no indicator may have),
  ``html`` (the file is an HTML page: ``report.text`` is the extracted text) and
  ``text_excludes`` (page code and chrome that must not be in the extracted text).
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import ROOT
from sdr_analysis import load_report

REPORTS = Path(__file__).resolve().parent / "reports"
EXPECTED_SUFFIX = ".expected.json"
FIXTURES = sorted(p for p in REPORTS.iterdir() if p.is_file() and not p.name.endswith(EXPECTED_SUFFIX))
FULL_UTF8 = REPORTS / "wangjiang-district-2023.txt"

MISSING = "<attribute missing>"
TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^<>]*>")


def params(select=lambda expected: True):
    return [pytest.param(p, id=p.name) for p in FIXTURES if select(expected_of(p))]


@lru_cache(maxsize=None)
def expected_of(path: Path) -> dict:
    return json.loads(path.with_name(path.name + EXPECTED_SUFFIX).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def report_of(path: Path):
    return load_report(path)


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sdr_analysis", *args], capture_output=True, text=True, cwd=cwd)


def test_fixtures_are_there():
    assert len(FIXTURES) >= 12
    for path in FIXTURES:
        exp = expected_of(path)
        assert exp["headings"] and exp["indicators"], path.name
        assert 3 <= len(exp["indicators"]) <= 7, path.name


@pytest.mark.parametrize("path", params())
def test_loads(path):
    report = report_of(path)
    assert report.text.strip()


@pytest.mark.parametrize("path", params())
def test_headings(path):
    report = report_of(path)
    found = [{"marker": h.marker, "title": h.title, "level": h.level} for h in report.headings]
    assert found == expected_of(path)["headings"]


@pytest.mark.parametrize("path", params())
def test_metadata(path):
    meta = report_of(path).metadata
    want = expected_of(path)["metadata"]
    got = {field: getattr(meta, field, MISSING) for field in want}
    assert got == want


@pytest.mark.parametrize("path", params())
def test_indicators(path):
    report = report_of(path)
    found = [(i.text, i.value, i.unit, i.qualifier) for i in report.indicators]
    missing = []
    for want in expected_of(path)["indicators"]:
        hit = any(
            text == want["text"] and unit == want["unit"] and qualifier == want["qualifier"]
            and value == pytest.approx(want["value"], rel=1e-9)
            for text, value, unit, qualifier in found
        )
        if not hit:
            missing.append(want)
    assert not missing, f"not found: {missing}\nfound: {found}"


@pytest.mark.parametrize("path", params(lambda e: "not_indicators" in e))
def test_chrome_gives_no_indicators(path):
    texts = {i.text for i in report_of(path).indicators}
    assert not texts & set(expected_of(path)["not_indicators"])


@pytest.mark.parametrize("path", params())
def test_spans_index_the_text(path):
    report = report_of(path)
    text = report.text
    for item in [*report.headings, *report.indicators]:
        assert text[item.start : item.end] == item.text, item
    for h in report.headings:
        assert text[h.title_start : h.title_end] == h.title, h


@pytest.mark.parametrize("path", params(lambda e: "missing_sections" in e))
def test_missing_sections(path):
    assert report_of(path).missing_sections == expected_of(path)["missing_sections"]


@pytest.mark.parametrize("path", params(lambda e: "notes" in e or "notes_absent" in e))
def test_notes(path):
    notes = report_of(path).notes
    exp = expected_of(path)
    for part in exp.get("notes", []):
        assert any(part in note for note in notes), (part, notes)
    for part in exp.get("notes_absent", []):
        assert not any(part in note for note in notes), (part, notes)


@pytest.mark.parametrize("path", params(lambda e: e.get("html")))
def test_html_text_is_the_page_text(path):
    text = report_of(path).text
    assert not TAG.search(text), TAG.search(text).group()
    assert "<script" not in text.lower() and "</" not in text
    left = [part for part in expected_of(path)["text_excludes"] if part in text]
    assert not left


# the corpus table


def report_column_matches(value: str, path: Path) -> bool:
    return value in (path.name, path.stem, str(path)) or Path(value).name == path.name


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus") / "corpus.csv"
    proc = run("corpus", str(REPORTS.relative_to(ROOT)), "--out", str(out))
    return proc, out


def test_corpus_runs(corpus):
    proc, out = corpus
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()


def test_corpus_columns(corpus):
    _, out = corpus
    with out.open(encoding="utf-8-sig", newline="") as f:
        columns = csv.DictReader(f).fieldnames or []
    assert {"report", "province", "city", "district", "date", "text", "value", "unit"} <= set(columns)


@pytest.mark.parametrize("path", params())
def test_corpus_rows_of_every_report(corpus, path):
    _, out = corpus
    assert out.is_file(), "no corpus table written"
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if report_column_matches(r["report"], path)]
    report = report_of(path)
    assert [r["text"] for r in rows] == [i.text for i in report.indicators]
    for row, ind in zip(rows, report.indicators):
        assert float(row["value"]) == pytest.approx(ind.value, rel=1e-9)
        assert row["unit"] == ind.unit
    meta = report.metadata
    for field in ("province", "city", "district", "date"):
        want = getattr(meta, field) or ""
        assert {r[field] for r in rows} == {want}, field


# a build of the full report


@pytest.mark.notebooks
def test_build_full_report(tmp_path):
    # the pages' names are checked in English; the Chinese pages of a full report are run
    # by the notebook tests of reports/ and rendered for every real report (test_every_page_*)
    proc = run("build", str(FULL_UTF8.relative_to(ROOT)), "--out", str(tmp_path), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    folder = tmp_path / FULL_UTF8.stem
    names = {p.name for p in folder.iterdir()}
    assert {"overview.html", "index.html"} <= names
    # two parts (一、 review, 二、 plan), each with sections （一） to （三）: one page each
    slugs = [s.slug for s in report_of(FULL_UTF8)]
    assert slugs == ["1-1", "1-2", "1-3", "2-1", "2-2", "2-3"]
    assert {f"section-{n}.html" for n in slugs} <= names
    assert not {n for n in names if re.fullmatch(r"section(?:-\d+)+\.html", n)} - {f"section-{n}.html" for n in slugs}
