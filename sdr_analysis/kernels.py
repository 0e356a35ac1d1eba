"""Running the write-up notebooks in worker processes, each keeping one kernel for
the whole build.

Each worker starts its kernel once and clears its namespace between notebooks, so
kernel start and imports are paid once per worker. A notebook is run by papermill
into the worker's folder, scrubbed of what changes from run to run, and exported to
its HTML page in the worker, so the building process only collects results.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import sys
import time
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, NamedTuple, Optional

from .exceptions import BuildError, OutputError, WorkerDied
from .pages import notebook_page, page_exporter
from .workers import Workers, at_stop

KERNEL = "python3"

#: Notebook metadata written by papermill and nbclient that changes from run to run.
VOLATILE_NOTEBOOK_KEYS = ("start_time", "end_time", "duration", "input_path", "output_path", "environment_variables", "exception")
VOLATILE_CELL_KEYS = ("execution", "papermill")


log = logging.getLogger(__name__)


class Job(NamedTuple):
    """One notebook to run: its output name, title, source notebook and parameters;
    ``workdir``, the folder it is run in and written to (by default the worker's)."""

    name: str
    title: str
    notebook: Path
    parameters: dict
    workdir: str = ""


_kernel = None  # each worker's kernel, started once for the whole build
_client = None  # the worker's one client of its kernel, ready, used for every notebook
_workdir = ""  # where the worker's notebooks are written, unless a job names its own folder
_kernel_cwd = ""  # the folder the kernel works in now
_kernel_error: Optional[str] = None  # why the kernel could not start, reported for each notebook
#: How many times a worker starts its kernel before its notebooks fail with the reason.
KERNEL_START_ATTEMPTS = 2
_kernel_traceback = ""  # and where it failed


class Ran(NamedTuple):
    """What running one notebook came to: its name, the failing cell (of the source
    notebook) or ``None``, the error in one line or ``None``, the seconds it took, and
    the error's traceback (empty when it succeeded)."""

    name: str
    cell: Optional[int]
    error: Optional[str]
    seconds: float
    traceback: str = ""


#: Seconds a kernel gets to start and answer.
KERNEL_START_TIMEOUT = 60
#: The name under which workers register :class:`WarmEngine` with papermill.
ENGINE = "sdr-warm-kernel"

#: Run once in each kernel before its first notebook, leaving no name behind: what
#: every notebook imports and initialises (the library, pandas, matplotlib with the
#: CJK font, jieba's dictionary), and a first chart drawn (font files loaded), so no
#: notebook pays for them; then everything alive is set aside from the garbage
#: collector, so that clearing the namespace between notebooks does not walk it all.
#: A warm-up that fails only costs time: the notebooks report their own errors.
WARM_UP = """
def _warm_up():
    import gc
    try:
        import pandas, matplotlib.pyplot as plt
        from sdr_analysis import attention, charts, plotting, vocabulary, writeup
        charts.setup_display()
        vocabulary.words("预热分词")
        attention.tokenizer(attention.load_dictionaries())
        plotting.barh(["预热"], [1.0], "预热", "x").png()
        plt.close("all")
    except Exception:
        pass
    gc.collect()
    gc.freeze()
_warm_up()
del _warm_up
"""


def _start_worker(workdir: str) -> None:
    """Start the kernel this worker runs all its notebooks in and warm it up; when the
    worker stops, however it stops, the kernel goes with it. What the worker itself
    needs (papermill, the page exporter) is imported while the kernel starts. The
    kernel's own log lines go to the worker's stderr, which the building process logs
    (see :mod:`sdr_analysis.workers`)."""
    global _kernel, _client, _workdir, _kernel_cwd, _kernel_error, _kernel_traceback
    from jupyter_client.manager import KernelManager

    _workdir = _kernel_cwd = workdir
    at_stop(_stop_kernel)
    imported = False
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        if attempt > 1:  # a kernel that died while it started is most often a passing failure
            print(f"{_kernel_error}; starting the kernel once more", file=sys.stderr, flush=True)
            _forget_kernel()
        _kernel = KernelManager(kernel_name=KERNEL)
        try:
            _kernel.start_kernel(cwd=workdir)
        except Exception as exc:  # no kernel: every notebook of this worker fails with the reason
            _kernel_error = f"the notebook kernel could not start: {type(exc).__name__}: {exc}"
            _kernel_traceback = traceback.format_exc()
            continue
        if not imported:
            _import_runner()
            imported = True
        try:
            _client = _kernel.client()
            _client.start_channels(stdin=False, hb=False)
            _client.wait_for_ready(timeout=KERNEL_START_TIMEOUT)
            _client.allow_stdin = False
            _client.execute(WARM_UP, silent=True, store_history=False, reply=True, timeout=KERNEL_START_TIMEOUT)
        except Exception as exc:
            _kernel_error = f"the notebook kernel did not answer: {type(exc).__name__}: {exc}"
            _kernel_traceback = traceback.format_exc()
            continue
        _kernel_error, _kernel_traceback = None, ""
        return


def _import_runner() -> None:
    """Papermill, with the engine that runs notebooks in this worker's kernel, and the
    page exporter."""
    from papermill.engines import papermill_engines

    page_exporter()
    papermill_engines.register(ENGINE, _warm_engine())


def _stop_kernel() -> None:
    """Kill the kernel's process group (the kernel runs in a session of its own, so
    this reaches whatever it started) and remove its connection file."""
    if _kernel is None:
        return
    pgid = getattr(_kernel.provisioner, "pgid", None)
    if pgid:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:  # the kernel died on its own, and what it started
            pass
    _kernel.cleanup_connection_file()


def _forget_kernel() -> None:
    """Stop a kernel that failed to start, and close what talked to it: the client's
    sockets and their ZeroMQ context. Left open, the context would be collected as
    garbage later, and its finalizer waits for sockets that are never closed: the
    worker would hang at the next collection."""
    global _client
    contexts = [getattr(_kernel, "context", None)]
    if _client is not None:
        contexts.append(getattr(_client, "context", None))
        try:
            _client.stop_channels()
        except Exception:  # a half-started client: its context is destroyed below anyway
            pass
        _client = None
    _stop_kernel()
    for context in contexts:
        if context is not None:
            context.destroy(linger=0)


def _clear_namespace(workdir: str) -> None:
    """Forget the previous notebook's variables (imported modules stay loaded), and
    work in ``workdir``, where the notebook's relative paths start: a worker of a
    build of many folders runs the notebooks of each in turn."""
    global _kernel_cwd
    assert _client is not None  # started with the worker
    code = "%reset -f"
    if workdir != _kernel_cwd:
        code += f"\nimport os as _os\n_os.chdir({workdir!r})\ndel _os"
    reply = _client.execute(code, silent=True, store_history=False, reply=True, timeout=60)
    if workdir != _kernel_cwd:
        if reply.get("content", {}).get("status") != "ok":
            raise OutputError(workdir, "the notebook kernel cannot work in this folder; check that it is there and readable")
        _kernel_cwd = workdir


def _warm_engine():
    """Papermill's engine for the worker's kernel: papermill's own (``nbclient``), but
    every notebook runs through the worker's one client, connected and ready, instead
    of a new client per notebook that waits for the kernel to answer."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, logger

    class WarmClient(PapermillNotebookClient):
        def start_new_kernel_client(self):
            self.kc = _client
            return self.kc

        async def async_start_new_kernel_client(self):
            return self.start_new_kernel_client()

    class WarmEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                     start_timeout=60, execution_timeout=None, **kwargs):
            kwargs.pop("input_path", None)
            client = WarmClient(
                nb_man, kernel_name=kernel_name, log=logger, log_output=log_output, stdout_file=stdout_file,
                stderr_file=stderr_file, startup_timeout=start_timeout, timeout=execution_timeout, **kwargs,
            )
            return client.execute()

    return WarmEngine


def _parameters_cell(notebook: Path) -> int:
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    return tagged[0] if tagged else -1


#: Terminal colours in a kernel's traceback.
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def run_notebook(job: Job) -> Ran:
    """Run one notebook into the worker's folder and write its HTML page."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    started = time.monotonic()
    if _kernel_error:
        return Ran(job.name, None, _kernel_error, 0.0, _kernel_traceback)
    folder = job.workdir or _workdir
    out = Path(folder) / f"{job.name}.ipynb"
    try:
        _clear_namespace(folder)
        pm.execute_notebook(
            str(job.notebook),
            str(out),
            parameters=job.parameters,
            kernel_name=KERNEL,
            km=_kernel,
            engine_name=ENGINE,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
        )
        scrub(out)
        notebook_page(out, job.title, job.parameters.get("lang", "en"))
    except PapermillExecutionError as exc:
        # papermill counts the cell it injected after the parameters; the source
        # notebook, which is what a reader opens, does not have it
        cell = exc.cell_index - 1 if exc.cell_index > _parameters_cell(job.notebook) else exc.cell_index
        first_line = (exc.source or "").strip().splitlines()[:1]
        where = f" in `{first_line[0]}`" if first_line else ""
        kernel_traceback = ANSI.sub("", "\n".join(exc.traceback or []))
        return Ran(job.name, cell, f"{exc.ename}: {exc.evalue}{where}", time.monotonic() - started, kernel_traceback)
    except Exception as exc:  # a kernel that died, a notebook that could not be read
        return Ran(job.name, None, f"{type(exc).__name__}: {exc}", time.monotonic() - started, traceback.format_exc())
    finally:
        # nbclient leaves Ctrl-C raising KeyboardInterrupt here once a notebook is done;
        # a worker ignores it: the building process stops the workers
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    return Ran(job.name, None, None, time.monotonic() - started)


def scrub(path: Path) -> None:
    """Remove run-dependent metadata from an executed notebook, in place, and number
    its executed cells from 1 (a reused kernel counts on from the notebook before)."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    pm_meta = nb.metadata.get("papermill", {})
    for key in VOLATILE_NOTEBOOK_KEYS:
        pm_meta.pop(key, None)
    count = 0
    for cell in nb.cells:
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        cell.pop("id", None)
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            count += 1
            cell.execution_count = count
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = count
    nb.nbformat_minor = 4
    nbformat.write(nb, path)


class KernelPool:
    """Workers with their warm kernels for a build of many folders, started when the
    first folder has notebooks to run (never, where all are up to date) and kept for
    the next: a worker and its kernel cost about 2.5 s to start, a notebook a second.
    Use as a context manager; the workers stop on the way out, however it is left."""

    def __init__(self, workers: int) -> None:
        self.size = max(1, workers)
        self._workers: Optional[Workers] = None

    def __enter__(self) -> "KernelPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def workers(self, staging: Path) -> Workers:
        """The workers, started (their kernels in ``staging``) if they are not yet."""
        if self._workers is None:
            pool = Workers(self.size, _start_worker, (str(staging.resolve()),))
            pool.__enter__()
            self._workers = pool
        return self._workers

    def close(self) -> None:
        if self._workers is not None:
            workers, self._workers = self._workers, None
            workers.stop()


@contextmanager
def _workers_for(staging: Path, workers: int, shared: Optional[KernelPool]) -> Iterator[Workers]:
    """The shared pool's workers, or a pool of this folder's own, stopped after it."""
    if shared is not None:
        yield shared.workers(staging)
        return
    with Workers(workers, _start_worker, (str(staging.resolve()),)) as pool:
        yield pool


def run_all(
    todo: list[Job], staging: Path, workers: int, total: int, say: Callable[[str], None], meanwhile: Callable[[], None],
    force: bool = False, shared: Optional[KernelPool] = None,
) -> None:
    """Run the notebooks in worker processes (of ``shared`` where it is given, each
    notebook in ``staging``); ``meanwhile`` runs here while they do."""
    if shared is not None:
        workers = shared.size
        todo = [job._replace(workdir=str(staging.resolve())) for job in todo]
    if force:
        say(f"running all {len(todo)} notebooks ({workers} at a time), as asked, whatever is up to date")
    else:
        say(f"running {len(todo)} of {total} notebooks ({workers} at a time); the others are up to date")
    failures = []
    with _workers_for(staging, workers, shared) as pool:
        results = pool.run(run_notebook, todo)
        meanwhile()
        try:
            for n, (job, ran) in enumerate(results, start=1):
                say(f"[{n}/{len(todo)}] {ran.name}: {'ok' if ran.error is None else 'FAILED'} ({ran.seconds:.1f}s)")
                if ran.error is not None:
                    log.debug("%s (from %s) failed:\n%s", ran.name, job.notebook.name, ran.traceback or ran.error)
                    failures.append((ran.name, ran.cell, ran.error, job))
        except WorkerDied as exc:
            died = exc.item if isinstance(exc.item, Job) else None
            where = f"{died.name}.ipynb (from {died.notebook.name})" if died is not None else "a notebook"
            log.debug("the worker running %s failed:\n%s%s", where, exc.detail, f"\nits last stderr lines:\n{exc.stderr}" if exc.stderr else "")
            last = exc.detail.strip().splitlines()[-1] if exc.detail.strip() else exc.detail
            said = exc.stderr.strip().splitlines()[-1] if exc.stderr.strip() else ""
            raise BuildError(where, None, last + (f"; it last wrote: {said}" if said else "")) from exc
    if failures:
        name, cell, error, job = sorted(failures, key=lambda f: f[:3])[0]
        raise BuildError(f"{name}.ipynb (from {job.notebook.name})", cell, error)
