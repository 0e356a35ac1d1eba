"""Worker processes that never outlive the command that started them.

The build runs notebooks and ``corpus`` parses reports in worker processes. Whatever
ends the command, its workers and what they started (kernels) end with it:

- Ctrl-C reaches the whole terminal process group; the workers ignore it and the
  parent, which owns the clean-up, stops them.
- SIGTERM in the parent is raised as :class:`~sdr_analysis.exceptions.Terminated`
  (a ``KeyboardInterrupt``), so the same clean-up runs as for Ctrl-C.
- A worker sent SIGTERM runs its stop actions (``at_stop``: a kernel is killed) and
  exits at once.
- A worker whose parent died (SIGKILL leaves no time for clean-up) notices within
  :data:`PARENT_POLL` seconds, runs its stop actions and exits.

`Workers` is the one pool: items go to the first free worker, results
come back as they finish, and a worker that dies is an error, never a hang.

What a worker (or a process it started, such as a kernel) writes to its stderr is
read by the parent and logged at debug level on the ``sdr_analysis.workers`` logger,
one record a line; the last lines of a worker that died are kept in the error.
"""

from __future__ import annotations

import collections
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator, Optional

from .exceptions import Terminated, WorkerDied

#: Seconds between a worker's checks that its parent is still alive.
PARENT_POLL = 0.5

#: Seconds a worker gets to stop after SIGTERM before it is killed.
STOP_GRACE = 5.0

#: Lines of a worker's stderr kept to say why it died.
STDERR_TAIL = 20

log = logging.getLogger(__name__)

_stop_actions: list[Callable[[], None]] = []


def at_stop(action: Callable[[], None]) -> None:
    """In a worker: run ``action`` when the worker is stopped or orphaned (it must be
    quick and must not raise: kill a process, remove a file)."""
    _stop_actions.append(action)


def _stop(status: int) -> None:
    for action in reversed(_stop_actions):
        try:
            action()
        except Exception:  # a stop action must never keep the worker alive
            pass
    os._exit(status)


def _watch_parent(parent: int) -> None:
    def poll() -> None:
        while True:
            time.sleep(PARENT_POLL)
            if os.getppid() != parent:
                _stop(1)

    threading.Thread(target=poll, name="parent-watch", daemon=True).start()


def _worker(
    conn: Connection, parent: int, initializer: Optional[Callable[..., None]], initargs: tuple, stderr: Optional[Connection] = None,
) -> None:
    if stderr is not None:  # this process's stderr, and that of what it starts, goes to the parent
        sys.stderr.flush()
        os.dup2(stderr.fileno(), 2)
        stderr.close()
        # Python's own stderr too, whatever the parent had made of it
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda signum, frame: _stop(128 + signum))
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, lambda signum, frame: _stop(128 + signum))
    _watch_parent(parent)
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            fn, item = conn.recv()
        except EOFError:  # the parent is done with this worker
            break
        try:
            reply = ("ok", fn(item))
        except Exception:
            reply = ("error", traceback.format_exc())
        conn.send(reply)
    _stop(0)


class Workers:
    """``workers`` processes, each set up once by ``initializer(*initargs)``; use as a
    context manager, which stops every worker on the way out, however it is left::

        with Workers(2, start_kernel) as pool:
            for item, result in pool.run(run_notebook, jobs):
                ...

    ``initializer`` and the functions given to :meth:`run` must be module-level
    functions (they are sent to the workers by name).
    """

    def __init__(self, workers: int, initializer: Optional[Callable[..., None]] = None, initargs: tuple = ()) -> None:
        self.size = max(1, workers)
        self.initializer = initializer
        self.initargs = initargs
        self._procs: list[multiprocessing.process.BaseProcess] = []
        self._conns: list[Connection] = []
        self._stderr: dict[Connection, _StderrReader] = {}

    def __enter__(self) -> "Workers":
        ctx = multiprocessing.get_context()
        for _ in range(self.size):
            parent_end, child_end = ctx.Pipe()
            err_read, err_write = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_worker, args=(child_end, os.getpid(), self.initializer, self.initargs, err_write), daemon=True)
            proc.start()
            child_end.close()  # the worker's end lives in the worker only: its death reads as EOF here
            err_write.close()
            self._procs.append(proc)
            self._conns.append(parent_end)
            self._stderr[parent_end] = _StderrReader(err_read, proc)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def run(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
        """Start ``fn`` on the first items at once, and return an iterator of ``(item,
        fn(item))`` as each finishes (the next item goes to the worker that finished).
        An exception in ``fn`` is raised by the iterator as
        :class:`~sdr_analysis.exceptions.WorkerDied` with the worker's traceback; so
        is a worker that died."""
        pending = iter(items)
        busy: dict[Connection, Any] = {}
        stderr = self._stderr

        def feed(conn: Connection) -> None:
            for item in pending:
                try:
                    conn.send((fn, item))
                except OSError:  # the worker died before it took any work (while it started)
                    reader = stderr.get(conn)
                    last = reader.last_words() if reader is not None else ""
                    raise WorkerDied(item, reader.death() if reader is not None else "the worker process died", last) from None
                busy[conn] = item
                return

        for conn in self._conns:
            feed(conn)
        return self._results(busy, feed, stderr)

    @staticmethod
    def _results(
        busy: dict[Connection, Any], feed: Callable[[Connection], None], stderr: dict[Connection, "_StderrReader"],
    ) -> Iterator[tuple[Any, Any]]:
        while busy:
            for conn in wait(list(busy)):
                assert isinstance(conn, Connection)
                item = busy.pop(conn)
                try:
                    status, value = conn.recv()
                except (EOFError, OSError):  # closed, or reset by a worker that died
                    reader = stderr.get(conn)
                    last = reader.last_words() if reader is not None else ""
                    raise WorkerDied(item, reader.death() if reader is not None else "the worker process died", last) from None
                if status == "error":
                    raise WorkerDied(item, value)
                feed(conn)
                yield item, value

    def stop(self) -> None:
        """Idle workers are told to stop (their connection closes); any still running
        after a moment are sent SIGTERM, and killed if they outlast
        :data:`STOP_GRACE`."""
        for conn in self._conns:
            conn.close()
        for proc in self._procs:
            proc.join(timeout=0.2)
        for proc in self._procs:
            if proc.exitcode is None:
                proc.terminate()
        for proc in self._procs:
            proc.join(timeout=STOP_GRACE)
            if proc.exitcode is None:
                proc.kill()
                proc.join()
        for reader in self._stderr.values():
            reader.finish()
        self._procs, self._conns, self._stderr = [], [], {}


class _StderrReader:
    """Reads one worker's stderr in a thread of the parent: each line is logged at
    debug level, and the last :data:`STDERR_TAIL` are kept to say why the worker died."""

    def __init__(self, conn: Connection, proc: multiprocessing.process.BaseProcess) -> None:
        self.conn = conn
        self.proc = proc
        self.tail: collections.deque[str] = collections.deque(maxlen=STDERR_TAIL)
        self.thread = threading.Thread(target=self._read, name=f"worker-stderr-{proc.pid}", daemon=True)
        self.thread.start()

    def _read(self) -> None:
        pending = b""
        fd = self.conn.fileno()
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            *lines, pending = (pending + chunk).split(b"\n")
            for line in lines:
                self._line(line)
        if pending:
            self._line(pending)

    def _line(self, raw: bytes) -> None:
        line = raw.decode("utf-8", "backslashreplace").rstrip()
        if line:
            self.tail.append(line)
            log.debug("worker %s: %s", self.proc.pid, line)

    def last_words(self, wait: float = 1.0) -> str:
        """The last lines the worker wrote to stderr (waiting a moment for the rest)."""
        self.thread.join(timeout=wait)
        return "\n".join(self.tail)

    def death(self) -> str:
        """How the worker ended, in words."""
        self.proc.join(timeout=1.0)
        code = self.proc.exitcode
        if code is None:
            return "the worker process died"
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            return f"the worker process died ({name})"
        return f"the worker process died (exit status {code})"

    def finish(self) -> None:
        """Log what is left to read (the worker and what it started have ended), then
        close the pipe. A process the worker started that outlives it keeps its end
        open; it is not waited for longer than a moment."""
        self.thread.join(timeout=1.0)
        if not self.thread.is_alive():
            self.conn.close()


@contextmanager
def interruptible() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`~sdr_analysis.exceptions.Terminated` and
    SIGINT ``KeyboardInterrupt`` (also where a caller had set them otherwise; SIGHUP,
    a terminal that went away, as SIGTERM), so the
    clean-up of ``finally`` blocks runs for both. Only in the main thread, where
    Python delivers signals; elsewhere it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_term(signum: int, frame: object) -> None:
        raise Terminated(signum)

    old_term = signal.signal(signal.SIGTERM, on_term)
    old_hup = signal.signal(signal.SIGHUP, on_term) if hasattr(signal, "SIGHUP") else None
    old_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old_term)
        if old_hup is not None:
            signal.signal(signal.SIGHUP, old_hup)
        signal.signal(signal.SIGINT, old_int)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block is done: for steps that must not be
    cut in half (swapping a finished output into place, writing a table).

    The signals are caught by a handler that only notes them, and passed on to the
    handlers that were in place once the block ends. Blocking them with a signal
    mask is not enough: the mask is the calling thread's, so the kernel delivers the
    signal to another thread of the process, and Python then runs its handler in the
    main thread all the same, inside the block, where C code that clears errors can
    swallow the ``KeyboardInterrupt``. Only in the main thread, where Python runs
    signal handlers; elsewhere it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    held = (signal.SIGINT, signal.SIGTERM) + ((signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ())
    # a handler set outside Python (getsignal gives None) is left alone
    old = {
        signum: signal.signal(signum, lambda signum, frame: noted.append(signum))
        for signum in held if signal.getsignal(signum) is not None
    }
    try:
        yield
    finally:
        for signum, handler in old.items():
            signal.signal(signum, handler)
        for caught in dict.fromkeys(noted):
            then = old[signal.Signals(caught)]
            if callable(then):
                then(caught, None)
            elif then == signal.SIG_DFL:
                signal.raise_signal(caught)
