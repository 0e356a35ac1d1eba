"""Signals around the steps of a build that must not be cut in half."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from sdr_analysis.exceptions import Terminated
from sdr_analysis.workers import interruptible, signals_deferred


def swallowing(seconds: float = 0.3) -> None:
    """Work that drops whatever it raises, as C code that clears errors does, long
    enough for a signal sent before it to be delivered."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            time.sleep(0.01)
        except BaseException:
            pass


@pytest.fixture
def other_thread():
    """A second thread of the process, as a build has (its workers' stderr readers):
    the kernel may deliver a process's signal to it."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    yield thread
    stop.set()
    thread.join()


@pytest.mark.parametrize(
    "signum, raised", [(signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, Terminated)], ids=["SIGINT", "SIGTERM"],
)
def test_a_signal_inside_the_block_is_raised_after_it(other_thread, signum, raised):
    reached_end = False
    with interruptible(), pytest.raises(raised):
        with signals_deferred():
            os.kill(os.getpid(), signum)
            swallowing()
            reached_end = True
    assert reached_end


def test_the_block_restores_the_handlers_it_found():
    with interruptible():
        before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
        with signals_deferred():
            assert signal.getsignal(signal.SIGINT) is not before[signal.SIGINT]
        assert {s: signal.getsignal(s) for s in before} == before


def test_an_ignored_signal_stays_ignored():
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with signals_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            swallowing()
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, old)


def test_outside_the_main_thread_it_changes_nothing():
    seen = []

    def body():
        before = signal.getsignal(signal.SIGINT)
        with signals_deferred():
            seen.append(signal.getsignal(signal.SIGINT) is before)

    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    assert seen == [True]
