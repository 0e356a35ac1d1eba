"""The corpus tables: one row per policy section, with its part and period, and the
part and period of each indicator."""

from __future__ import annotations

import csv
import logging
import os
from pathlib import Path

import pytest

from conftest import PARTS, SEED
from sdr_analysis.corpus import INDICATOR_COLUMNS, SECTION_COLUMNS, build_corpus, sections_path


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a-parts.txt").write_text(PARTS, encoding="utf-8")
    (folder / "b-seed.txt").write_bytes(SEED.read_bytes())
    out = folder / "corpus.csv"
    written, skipped = build_corpus([folder], out, jobs=1, say=lambda line: None)
    assert (written, skipped) == (2, [])
    return read_rows(out), read_rows(sections_path(out))


def test_table_columns(tables):
    indicators, sections = tables
    assert list(indicators[0]) == INDICATOR_COLUMNS
    assert list(sections[0]) == SECTION_COLUMNS
    assert {"part", "part_title", "period", "key"} <= set(SECTION_COLUMNS)
    assert {"part", "period", "section"} <= set(INDICATOR_COLUMNS)


def test_one_section_row_per_policy_section_with_its_part(tables):
    _, sections = tables
    got = [(r["part"], r["part_title"], r["period"], r["key"], r["marker"]) for r in sections if r["report"].endswith("a-parts.txt")]
    assert got == [
        ("一", "2023年工作回顾", "review", "一.一", "(一)"),
        ("一", "2023年工作回顾", "review", "一.二", "(二)"),
        ("二", "2024年工作安排", "plan", "二", "二、"),
    ]
    first = next(r for r in sections if r["key"] == "一.一")
    # 投入资金3亿元 is the section's one amount: the largest stated, as written
    assert (first["indicators"], first["largest_money_yuan"], first["largest_money_text"], first["money_amounts"]) == ("2", "300000000", "3亿元", "1")


def test_a_report_without_parts_has_no_part_but_a_period(tables):
    _, sections = tables
    seed = [r for r in sections if r["report"].endswith("b-seed.txt")]
    assert [r["key"] for r in seed] == ["三", "四", "五", "六"]
    assert {(r["part"], r["part_title"]) for r in seed} == {("", "")}
    assert {r["period"] for r in seed} == {"review"}


def test_indicator_rows_carry_their_section_key_part_and_period(tables):
    indicators, _ = tables
    got = [(r["text"], r["section"], r["part"], r["period"]) for r in indicators if r["report"].endswith("a-parts.txt")]
    assert got == [
        ("5%", "一.一", "一", "review"),
        ("3亿元", "一.一", "一", "review"),
        ("1.2万人", "一.二", "一", "review"),
        ("6%", "二", "二", "plan"),
    ]


def test_a_folder_that_cannot_be_read_is_said_not_skipped_in_silence(tmp_path, monkeypatch, caplog):
    from sdr_analysis.corpus import report_files

    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "shut").mkdir()
    (tmp_path / "shut" / "b.txt").write_text("x", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "shut":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with caplog.at_level(logging.WARNING, logger="sdr_analysis"):
        assert [p.name for p in report_files([tmp_path])] == ["a.txt"]
    assert any("shut" in r.getMessage() and "cannot be read" in r.getMessage() for r in caplog.records), caplog.text
