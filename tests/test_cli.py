"""The command line: JSON for scripts, tables for people, one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SEED
from sdr_analysis.cli import main, table, width


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sdr_analysis", *args], capture_output=True, text=True)


def test_sections_json_fields(capsys):
    assert main(["sections", str(SEED), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(
        set(r) == {"level", "kind", "marker", "number", "title", "start", "end", "period", "part", "key", "appendix"} for r in rows
    )


def test_indicators_json_fields(capsys):
    assert main(["indicators", str(SEED), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    need = {"text", "start", "end", "value", "unit", "kind", "qualifier", "label", "section"}
    assert rows and all(need <= set(r) for r in rows)
    text = SEED.read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)


@pytest.mark.parametrize("command,fields", [
    pytest.param("claims", {"kind", "scope", "text", "start", "end", "section"}, id="claims"),
    pytest.param("relations", {"kind", "direction", "text", "start", "end"}, id="relations"),
    pytest.param("terms", {"text", "start", "end", "section"}, id="terms"),
])
def test_other_commands_json(capsys, command, fields):
    assert main([command, str(SEED), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(fields <= set(r) for r in rows)


def test_readable_table_without_json(capsys):
    assert main(["indicators", str(SEED)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["section", "text", "value"]
    assert set(out[1]) <= {"-", " "}


def test_table_aligns_wide_characters():
    lines = table([{"a": "沙河口", "b": 1}, {"a": "x", "b": 22}], ["a", "b"]).splitlines()
    assert len({width(line.split("  ")[0]) for line in lines if line}) >= 1
    assert width(lines[2][: lines[2].index("1")]) == width(lines[3][: lines[3].index("22")])


def written(name: str, data: bytes):
    def make(folder):
        (folder / name).write_bytes(data)
        return folder / name

    return make


@pytest.mark.parametrize("make,message", [
    pytest.param(lambda p: p / "missing.txt", "no such file", id="missing"),
    pytest.param(lambda p: p, "directory", id="directory"),
    pytest.param(written("empty.txt", b""), "empty", id="empty"),
    pytest.param(written("x.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)), "binary", id="binary"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, message):
    path = make(tmp_path)
    proc = run("indicators", str(path), "--json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in proc.stderr


def test_unknown_command_exits_2():
    assert run("frobnicate").returncode == 2
