"""Progress and warnings go through logging: the library configures none, the command
shows progress on stderr (less with -q, more with -v), and what a worker writes to its
stderr or the traceback of what failed in it is kept, not thrown away."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT, SEED
from sdr_analysis.exceptions import WorkerDied
from sdr_analysis.workers import Workers


def test_importing_the_package_configures_no_logging():
    code = """
        import logging
        import sdr_analysis, sdr_analysis.build, sdr_analysis.corpus, sdr_analysis.cli
        package = logging.getLogger("sdr_analysis")
        print(logging.getLogger().handlers, [type(h).__name__ for h in package.handlers], package.level)
    """
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[]", "['NullHandler']", "0"]


def _shout(word: str) -> str:
    print(f"worker says {word}", file=sys.stderr, flush=True)
    return word.upper()


def _fail(word: str) -> str:
    raise ValueError(f"deliberate {word}")


def _die(word: str) -> str:
    print(f"last words: {word}", file=sys.stderr, flush=True)
    os._exit(3)


def test_a_workers_stderr_is_logged(caplog):
    with caplog.at_level(logging.DEBUG, logger="sdr_analysis"):
        with Workers(1) as pool:
            assert [r for _, r in pool.run(_shout, ["hello"])] == ["HELLO"]
    assert any("worker says hello" in r.getMessage() and r.levelno == logging.DEBUG for r in caplog.records), caplog.text


def test_a_failure_in_a_worker_keeps_its_traceback():
    with Workers(1) as pool, pytest.raises(WorkerDied) as info:
        list(pool.run(_fail, ["x"]))
    assert "Traceback" in info.value.detail and "_fail" in info.value.detail
    assert str(info.value).endswith("ValueError: deliberate x")


def test_a_worker_that_dies_says_how_and_its_last_words():
    with Workers(1) as pool, pytest.raises(WorkerDied) as info:
        list(pool.run(_die, ["farewell"]))
    assert "exit status 3" in info.value.detail
    assert "last words: farewell" in info.value.stderr
    assert "last words: farewell" in str(info.value)


def corpus(tmp_path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sdr_analysis", *flags, "corpus", str(SEED), "--out", str(tmp_path / "c.csv"), "--jobs", "1"],
        capture_output=True, text=True, timeout=120,
    )


def test_the_command_shows_progress_and_quiet_hides_it(tmp_path):
    loud = corpus(tmp_path)
    assert loud.returncode == 0, loud.stderr
    lines = loud.stderr.splitlines()
    assert lines[0].startswith("[1/1] ") and lines[-1].startswith("done: 1 reports")
    quiet = corpus(tmp_path, "-q")
    assert (quiet.returncode, quiet.stderr) == (0, "")


def test_quiet_and_verbose_also_follow_the_command(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "sdr_analysis", "corpus", str(SEED), "--out", str(tmp_path / "c.csv"), "-q"],
        capture_output=True, text=True, timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_verbose_shows_the_traceback_behind_an_error(tmp_path):
    missing = tmp_path / "missing.txt"
    plain = subprocess.run([sys.executable, "-m", "sdr_analysis", "indicators", str(missing)], capture_output=True, text=True)
    assert plain.returncode == 2 and len(plain.stderr.splitlines()) == 1
    verbose = subprocess.run([sys.executable, "-m", "sdr_analysis", "-v", "indicators", str(missing)], capture_output=True, text=True)
    assert verbose.returncode == 2
    assert "debug: " in verbose.stderr and "Traceback" in verbose.stderr
    assert verbose.stderr.splitlines()[-1] == plain.stderr.splitlines()[-1]


def test_build_without_a_report_outside_a_checkout_says_to_give_one(monkeypatch, tmp_path, capsys):
    from sdr_analysis import cli

    monkeypatch.setattr(cli, "SEED", tmp_path / "seeds" / "dalian-shahekou-2022.txt")
    assert cli.main(["build", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "give a report file" in err[0] and "sdr-analysis build REPORT" in err[0]
    assert not (tmp_path / "out").exists()


def _die_at_start() -> None:
    print("cannot start: no kernel", file=sys.stderr, flush=True)
    os._exit(4)


def test_a_worker_that_dies_at_start_up_is_a_dead_worker_not_a_write_error():
    with Workers(2, _die_at_start) as pool, pytest.raises(WorkerDied) as info:
        list(pool.run(_shout, ["a", "b", "c", "d"]))
    assert "exit status 4" in info.value.detail
    assert "cannot start" in info.value.stderr
