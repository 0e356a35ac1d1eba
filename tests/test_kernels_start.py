"""A worker's kernel that fails to start is started once more before its notebooks
fail: a kernel that dies while it starts is most often a passing failure. Starts a
kernel: marked ``notebooks``."""

from __future__ import annotations

import os
import signal

import jupyter_client.manager as manager
import pytest

from sdr_analysis import kernels
from sdr_analysis.workers import Workers

pytestmark = pytest.mark.notebooks

#: Kernel starts in this process (a worker forked from it counts its own).
STARTS: list[int] = []


class FailsFirst(manager.KernelManager):
    """A kernel manager whose first start fails, as a kernel that died would."""

    def start_kernel(self, **kwargs):
        STARTS.append(1)
        if len(STARTS) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return super().start_kernel(**kwargs)


def _state(_: object) -> tuple:
    return kernels._kernel_error, len(STARTS)


def test_a_kernel_that_fails_to_start_is_started_once_more(monkeypatch, tmp_path):
    monkeypatch.setattr(manager, "KernelManager", FailsFirst)
    with Workers(1, kernels._start_worker, (str(tmp_path),)) as pool:
        [(_, (error, starts))] = list(pool.run(_state, [None]))
    assert (error, starts) == (None, 2)


class DiesFirst(manager.KernelManager):
    """A kernel manager whose first kernel starts and then dies, with everything in its
    process group, before it answers: the dead group cannot be stopped again."""

    def start_kernel(self, **kwargs):
        STARTS.append(1)
        started = super().start_kernel(**kwargs)
        if len(STARTS) == 1:
            os.killpg(self.provisioner.pgid, signal.SIGKILL)
            self.provisioner.process.wait()
        return started


def test_a_kernel_that_dies_before_it_answers_is_started_once_more(monkeypatch, tmp_path):
    monkeypatch.setattr(manager, "KernelManager", DiesFirst)
    with Workers(1, kernels._start_worker, (str(tmp_path),)) as pool:
        [(_, (error, starts))] = list(pool.run(_state, [None]))
    assert (error, starts) == (None, 2)


def _open_sockets(_: object) -> tuple:
    """The sockets of this worker left open, and whether each is of its kernel's or
    its client's context (a socket of a kernel that failed to start, left open, hangs the worker
    when its context is collected)."""
    import gc

    import zmq

    sockets = [o for o in gc.get_objects() if isinstance(o, zmq.Socket) and not o.closed]
    current = (kernels._kernel.context, kernels._client.context)
    return kernels._kernel_error, len(STARTS), [any(s.context is c for c in current) for s in sockets]


def test_a_kernel_started_again_leaves_nothing_of_the_first_open(monkeypatch, tmp_path):
    monkeypatch.setattr(manager, "KernelManager", DiesFirst)
    with Workers(1, kernels._start_worker, (str(tmp_path),)) as pool:
        [(_, (error, starts, ours))] = list(pool.run(_open_sockets, [None]))
    assert (error, starts) == (None, 2)
    assert ours and all(ours)
