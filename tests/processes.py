"""A process's descendants, read from /proc (Linux), for tests that check that a
command leaves no process behind."""

from __future__ import annotations

import time
from pathlib import Path


def children() -> dict[int, list[int]]:
    """Each live process's children, from /proc."""
    kids: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z":  # a zombie has exited already
            kids.setdefault(int(fields[1]), []).append(int(entry.name))
    return kids


def descendants(pid: int) -> set[int]:
    kids, out, todo = children(), set(), [pid]
    while todo:
        for child in kids.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return out


def alive(pids: set[int]) -> set[int]:
    live = {p for ps in children().values() for p in ps}
    return pids & live


def kernels_of(pid: int) -> set[int]:
    out = set()
    for p in descendants(pid):
        try:
            if b"ipykernel" in Path(f"/proc/{p}/cmdline").read_bytes():
                out.add(p)
        except OSError:
            pass
    return out


def gone_within(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)
