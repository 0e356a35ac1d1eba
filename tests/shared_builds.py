"""Builds that several test files read, made once per test run: the first test to ask
builds, under a lock, in a folder every worker of ``pytest -n`` sees; the others wait
for it and read the same folder. A build takes seconds, a copy of one milliseconds:
a test that changes, rebuilds or attacks the output works on a copy of its own
(``shutil.copytree`` of the folder into its ``tmp_path``), never on the shared one."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from pathlib import Path
from typing import Any, Callable


def shared_root(tmp_path_factory) -> Path:
    """The folder of this run's temporary folders, the same for every worker."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(tmp_path_factory, name: str, make: Callable[[Path], Any]) -> tuple[Path, Any]:
    """``(folder, said)``: the folder ``make`` filled, made by the first caller of this
    run and only by it, and what ``make`` returned (kept as JSON). A ``make`` that
    raised is tried again by the next caller."""
    base = shared_root(tmp_path_factory)
    folder, said, done = base / f"shared-{name}", base / f"shared-{name}.json", base / f"shared-{name}.done"
    with open(base / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir()
            said.write_text(json.dumps(make(folder)), encoding="utf-8")
            done.touch()
    return folder, json.loads(said.read_text(encoding="utf-8"))
