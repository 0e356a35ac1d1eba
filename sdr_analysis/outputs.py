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
- One build at a time per report folder: the lock is held for the whole build; a
  second build waits for it, saying which process holds it. The lock is released by
  the system when its holder dies, however it dies.
- The new output is put together in the staging folder and swapped into place at
  the end; a build that was killed midway is cleaned up by the next one.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence, TypeVar

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
FIXED_FILES = frozenset(
    [f"{t}.{ext}" for t in TABLES for ext in ("csv", "json")] + ["index.html", "page.css", "cjk.woff", "manifest.json"]
)
NOTEBOOK_SUFFIXES = (".ipynb", ".html")

#: The stem of a notebook the build writes: the overview or a section
#: (``section-5``, ``section-2-3``), or a comparison of reports (``series``,
#: ``places``), in a language.
OWN_STEM = re.compile(r"(?:overview|series|places|section(?:-\d{1,4}){1,3})(?:-(?:%s))?" % "|".join(LANGS[1:]))

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


@contextmanager
def locked(out: Path, name: str, say: Callable[[str], None]) -> Iterator[None]:
    """Hold the report folder's lock while inside; wait for it, saying who holds it,
    when another build has it."""
    if fcntl is None:
        yield
        return
    path = out / f".{name}.lock"
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(str(out), f"cannot write here ({exc.strerror or exc}); choose a folder you can write") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another build"
            say(f"waiting: {holder} is building {out / name}")
            fcntl.flock(fd, fcntl.LOCK_EX)
        # the holder before us removes the file when done: lock the file that is there now
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"build pid {os.getpid()} since {time.strftime('%H:%M:%S')}".encode(), 0)
        yield
    finally:
        try:
            path.unlink()
        finally:
            os.close(fd)


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
    if target.exists():
        shutil.copytree(target, staging, symlinks=True)
    else:
        staging.mkdir()
    for entry in staging.iterdir():
        if entry.is_symlink() and is_own_name(entry.name):
            entry.unlink()
    for stem in stale:
        for suffix in NOTEBOOK_SUFFIXES:
            path = staging / f"{stem}{suffix}"
            if is_own_name(path.name):
                path.unlink(missing_ok=True)
    return staging


def swap(target: Path, staging: Path) -> None:
    """Put the finished staging folder in the place of the output."""
    previous = previous_of(target)
    remove(previous)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    remove(previous)
