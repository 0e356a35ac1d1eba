"""Where a build writes, the names of what it writes (a page in a language,
:func:`output_name`; a section's write-up, :func:`section_file`), and the promise that
it writes nowhere else.

A build of ``report.txt`` into ``--out reports`` owns ``reports/report/`` (the report's
folder) and three hidden names beside it, ``.report.lock``, ``.staging-report`` and
``.previous-report``. Nothing else is ever written or removed:

- The report's folder name is made from the file name and never starts with a dot,
  so it cannot be another build's staging folder or lock.
- Inside the folder, only names the build itself writes are ever removed
  (:func:`is_own_name`); a name read from a manifest is checked before it is used.
- Nothing is written through a link, nor read through one: every file is written
  through a new temporary file (a name no one can plant beforehand) renamed into
  place, which replaces a link standing at its name; what a build reads back of its
  own output (a manifest, its pages) must be a regular file, and is read with limits.
- One build at a time per output folder: the lock is held on the folder itself for
  the whole build (removing a file cannot undo it); a second build waits for it,
  saying which process holds it (the ``.report.lock`` note). The lock is released by
  the system when its holder dies, however it dies.
- The new output is put together in the staging folder and swapped into place at
  the end; a build that was killed midway is cleaned up by the next one.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import stat
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Sequence, TypeVar

from .exceptions import OutputError

try:
    import fcntl
except ImportError:  # not POSIX: builds are not locked against each other
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from .report import ReportSection
    from .results import SectionSummary

#: The languages a page can be written in; the first is the default, written without
#: a suffix (``section-5.html``), the others with one (``section-5-zh.html``).
LANGS = ("en", "zh")

#: Files of a report folder that are not notebooks: the tables (CSV and JSON), the
#: index, the shared stylesheet and font, the manifest.
TABLES = ("sections", "indicators", "claims", "relations", "terms")
#: The text a report's findings index, kept beside its tables where it is not the
#: file's own text (a PDF, a Word file, a web page).
EXTRACTED_TEXT = "report.txt"
#: The research panel's tables a build writes as CSV (with their data dictionaries)
#: beside the panel page, and a comparison page's own rows of it.
PANEL_TABLES = ("reports", "targets", "results", "outcomes", "chain", "attention")
PANEL_ROWS = "panel-rows"
FIXED_FILES = frozenset(
    [f"{t}.{ext}" for t in TABLES for ext in ("csv", "json")] + ["index.html", "page.css", "cjk.woff", "manifest.json", EXTRACTED_TEXT]
    + [f"{t}{ext}" for t in (*PANEL_TABLES, PANEL_ROWS) for ext in (".csv", ".dictionary.csv")]
)
NOTEBOOK_SUFFIXES = (".ipynb", ".html")

#: The stem of a notebook the build writes: the overview or a section
#: (``section-5``, ``section-2-3``), or a comparison of reports (``series``,
#: ``places``, ``panel``), in a language.
OWN_STEM = re.compile(r"(?:overview|series|places|panel|section(?:-\d{1,4}){1,3})(?:-(?:%s))?" % "|".join(LANGS[1:]))

#: A report folder's name: letters (any script), digits, ``-``, ``_`` and ``.``, at
#: most this many bytes in UTF-8, leaving room within a file system's 255 for the
#: longest name the build adds (``.previous-`` and such, ``-zh.ipynb``).
MAX_NAME_BYTES = 150
UNSAFE = re.compile(r"[^\w.-]+")


def output_name(stem: str, lang: str) -> str:
    """``section-5`` in English, ``section-5-zh`` in Chinese."""
    return stem if lang == LANGS[0] else f"{stem}-{lang}"


#: A section or its summary: either has the slug its write-up is named by.
S = TypeVar("S", "ReportSection", "SectionSummary")


def section_file(sec: ReportSection | SectionSummary) -> str:
    """File name (without extension) of a section's write-up: ``section-5`` for (五)
    of a report without parts, ``section-3-2`` for (二) of part 三, ``section-1`` for
    part 一 as its own section."""
    return f"section-{sec.slug}"


def written_up(sections: Iterable[S]) -> list[S]:
    """The sections that get a write-up: where a number repeats within a part (two
    (二), so one file name), the first of them."""
    by_file: dict[str, S] = {}
    for sec in sections:
        by_file.setdefault(section_file(sec), sec)
    return list(by_file.values())


def is_own_name(name: str) -> bool:
    """Whether the build itself writes a file of this name into a report folder (a
    bare name: no folder, nothing hidden)."""
    if name in FIXED_FILES:
        return True
    stem, dot, suffix = name.rpartition(".")
    return bool(dot) and f".{suffix}" in NOTEBOOK_SUFFIXES and OWN_STEM.fullmatch(stem) is not None


def is_regular(path: Path) -> bool:
    """A file of its own, not a link to one elsewhere."""
    return path.is_file() and not path.is_symlink()


def folder_name(report_path: str | os.PathLike[str]) -> str:
    """The report folder's name, from the report's file name: ``dalian-2022.txt`` →
    ``dalian-2022``. Characters that are not safe in a name become ``-``; a leading
    dot is dropped; a name too long for the file system is cut and given a short hash
    of the whole name, so two long names stay apart."""
    stem = Path(report_path).stem
    name = UNSAFE.sub("-", stem).lstrip(".-") or "report"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        digest = hashlib.sha256(stem.encode("utf-8", "surrogateescape")).hexdigest()[:10]
        cut = name.encode("utf-8")[: MAX_NAME_BYTES - 11].decode("utf-8", "ignore")
        name = f"{cut}-{digest}"
    return name


def check_out(out: Path, name: str) -> Path:
    """Make sure ``out/name`` can be a report folder and return it; one clear error
    if it cannot."""
    try:
        return _check_out(out, name)
    except OSError as exc:  # a path too long, a folder that cannot be read
        raise OutputError(str(exc.filename or out), f"cannot be used ({exc.strerror or exc}); choose another --out") from None


def _check_out(out: Path, name: str) -> Path:
    if out.exists() and not out.is_dir():
        raise OutputError(str(out), "is a file, not a folder; give --out a folder")
    target = out / name
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise OutputError(str(target), "is in the way of the report's folder (not a folder); move it away or choose another --out")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(out), f"cannot create this folder ({exc.strerror or exc}); choose a folder you can write") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(str(out), "this folder is read-only; choose a folder you can write")
    return target


# writing and reading without following links


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` whole: through a new temporary file
    beside it, made with a name no one could plant beforehand (``O_EXCL``), renamed
    into place. A link standing at ``path`` is replaced, never written through; a
    reader never sees half a file; a failure leaves no temporary file behind."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:40]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), 0o666 & ~_umask())  # as any new file: the umask decides
            f.write(raw)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read_regular(path: Path, limit: int) -> Optional[bytes]:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes, read
    without following a link and without waiting on a pipe or a device; else ``None``."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        chunks = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return None if size > limit else b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def file_sha(path: Path) -> Optional[str]:
    """SHA-256 of a regular file's bytes (links not followed); ``None`` where there is
    none."""
    data = read_regular(path, 1 << 30)
    return hashlib.sha256(data).hexdigest() if data is not None else None


#: What a spreadsheet reads as the start of a formula at the start of a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: object) -> object:
    """A CSV cell as a spreadsheet will show it, not run it: text that starts as a
    formula does (``=``, ``+``, ``-``, ``@``, a tab or carriage return) gets a leading
    ``'``, as spreadsheet-safe CSV writers do; a number written as text (``-3.5``)
    and everything that is not text are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


# the lock

#: The folders this process holds locked: (device, inode) → [descriptor, depth].
_held: dict[tuple[int, int], list[int]] = {}
#: Builds in threads of one process take turns as builds in processes do.
_turn = threading.RLock()


def _holder(out: Path) -> str:
    """Who holds ``out``'s lock, as its note says."""
    notes = [p for p in out.glob(".*.lock") if is_regular(p)]
    for note in sorted(notes, key=lambda p: p.stat().st_mtime, reverse=True)[:1]:
        text = (read_regular(note, 200) or b"").decode("utf-8", "replace").strip()
        if text:
            return text
    return "another build"


@contextmanager
def locked(out: Path, name: str, say: Callable[[str], None]) -> Iterator[None]:
    """Hold the lock of the output folder ``out`` while inside, for the build of
    ``out/name``; wait for it, saying who holds it, when another build has it. The
    lock is on the folder itself, so removing a file cannot let a second build in; a
    note ``.name.lock`` says who holds it, and goes when the build is done."""
    if fcntl is None:
        yield
        return
    if not _turn.acquire(blocking=False):
        say(f"waiting: {_holder(out)} is building {out / name}")
        _turn.acquire()
    try:
        with _folder_locked(out, name, say):
            note = out / f".{name}.lock"
            try:
                write_file(note, f"build pid {os.getpid()} since {time.strftime('%H:%M:%S')}")
            except OSError as exc:
                raise OutputError(str(out), f"cannot write here ({exc.strerror or exc}); choose a folder you can write") from None
            try:
                yield
            finally:
                try:
                    note.unlink()
                except FileNotFoundError:  # removed by someone else: the lock never was the note
                    pass
    finally:
        _turn.release()


@contextmanager
def _folder_locked(out: Path, name: str, say: Callable[[str], None]) -> Iterator[None]:
    try:
        fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise OutputError(str(out), f"cannot be opened ({exc.strerror or exc}); choose a folder you can write") from None
    info = os.fstat(fd)
    key = (info.st_dev, info.st_ino)
    held = _held.get(key)
    if held is not None:  # this process has it already: a build inside a build
        os.close(fd)
        held[1] += 1
        try:
            yield
        finally:
            held[1] -= 1
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"waiting: {_holder(out)} is building {out / name}")
            fcntl.flock(fd, fcntl.LOCK_EX)
        _held[key] = [fd, 1]
        try:
            yield
        finally:
            del _held[key]
    finally:
        os.close(fd)  # and with it the lock


def _forget_locks_in_child() -> None:
    """A process forked while a build holds its lock (the workers a build of many
    folders keeps for all of them) closes its copies of the lock's descriptors: kept,
    they would hold the lock after the build that took it is done, and the next
    folder's build would wait for it for ever. Closing a copy leaves the parent's lock
    as it is (``flock`` ends with ``LOCK_UN`` or when every copy is closed)."""
    for fd, _ in list(_held.values()):
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_locks_in_child)


def staging_of(target: Path) -> Path:
    return target.with_name(f".staging-{target.name}")


def previous_of(target: Path) -> Path:
    return target.with_name(f".previous-{target.name}")


def remove(path: Path) -> None:
    """Remove a file, a link (never what it points to) or a folder, if there."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def recover(target: Path) -> None:
    """Clean up after a build that was killed: a staging folder is dropped; a swap
    cut in half (the old output moved aside, the new one not yet in place) is undone."""
    remove(staging_of(target))
    previous = previous_of(target)
    if previous.exists() or previous.is_symlink():
        if target.exists() or previous.is_symlink():
            remove(previous)
        else:
            previous.rename(target)


def stage(target: Path, stale: Sequence[str]) -> Path:
    """A staging folder holding a copy of the current output, less the notebooks
    named in ``stale``; links to elsewhere are copied as links, and a link standing
    where the build writes is dropped, so nothing is written through it."""
    staging = staging_of(target)
    try:
        if target.exists():
            shutil.copytree(target, staging, symlinks=True, ignore=_special)
        else:
            staging.mkdir()
        for entry in staging.iterdir():
            if is_own_name(entry.name) and not is_regular(entry):  # a link, a folder: not the build's
                remove(entry)
    except (OSError, shutil.Error) as exc:
        remove(staging)
        what = exc.args[0][0][2] if isinstance(exc, shutil.Error) and exc.args and exc.args[0] else str(exc)
        raise OutputError(str(target), f"cannot be copied to start the build ({str(what)[:200]}); check the folder and the free space") from None
    for stem in stale:
        for suffix in NOTEBOOK_SUFFIXES:
            path = staging / f"{stem}{suffix}"
            if is_own_name(path.name):
                path.unlink(missing_ok=True)
    return staging


def _special(folder: str, names: list[str]) -> list[str]:
    """Of a folder's names, those that are neither files, folders nor links (pipes,
    devices, sockets): not copied, never opened."""
    out = []
    for name in names:
        mode = os.lstat(os.path.join(folder, name)).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
            out.append(name)
    return out


def swap(target: Path, staging: Path) -> None:
    """Put the finished staging folder in the place of the output."""
    previous = previous_of(target)
    remove(previous)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    remove(previous)
