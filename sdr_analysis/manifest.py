"""``manifest.json``: what each notebook of a report folder was built from, so that a
rebuild runs only the notebooks whose inputs changed.

A notebook's fingerprint covers the report text, the notebook, the library's own
source and data, the versions of the packages that shape the output, and the
parameters. The manifest is read as untrusted input: a folder may come from someone
else's branch. A manifest of the wrong shape is ignored (everything is rebuilt), and
a notebook name that the build would not write itself is ignored with a warning,
never used as a path. It is read only if it is a regular file (not a link) of at
most :data:`MANIFEST_LIMIT` bytes; anything else means a full rebuild.

It also holds the fingerprint of every file the build wrote, so that a file removed,
emptied or changed since is written again, never called up to date.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Callable, NamedTuple

from .outputs import file_sha, is_own_name, is_regular, read_regular, write_file

MANIFEST = "manifest.json"
MANIFEST_VERSION = 2
#: A manifest larger than this is not one a build wrote (a build of a thousand
#: notebooks writes about 200 KB).
MANIFEST_LIMIT = 4 << 20

#: Packages whose versions change what the notebooks print or draw.
OUTPUT_PACKAGES = ("pandas", "matplotlib", "mplfonts", "rjieba", "nbconvert", "papermill", "nbformat")

PACKAGE = Path(__file__).resolve().parent


class Manifest(NamedTuple):
    """``report``: the report's path as the notebooks read it; ``tables``: the
    fingerprint of the tables, index and font; ``notebooks``: name → fingerprint of
    its inputs; ``files``: name → SHA-256 of every file the build wrote."""

    report: str
    tables: str
    notebooks: dict[str, str]
    files: dict[str, str] = {}


EMPTY = Manifest("", "", {}, {})


def sha(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def library_fingerprint() -> str:
    """The package's own source and data, and the versions of the packages that shape
    the output."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".csv", ".json", ".j2", ".toml", ".css"))
    versions = []
    for name in OUTPUT_PACKAGES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return sha(*(p.relative_to(PACKAGE).as_posix().encode() + b"\0" + p.read_bytes() for p in files), "\n".join(versions).encode())


def fingerprint(notebook: Path, parameters: dict, report_hash: str, library_hash: str) -> str:
    params = json.dumps(parameters, sort_keys=True, ensure_ascii=False)
    return sha(report_hash.encode(), notebook.read_bytes(), library_hash.encode(), params.encode())


def read_manifest(folder: Path, warn: Callable[[str], None]) -> Manifest:
    """The manifest of a report folder; :data:`EMPTY` (rebuild everything) when there
    is none or it is not one this version wrote."""
    path = folder / MANIFEST
    if not (path.exists() or path.is_symlink()):
        return EMPTY
    raw = read_regular(path, MANIFEST_LIMIT)
    try:
        data = json.loads(raw.decode("utf-8")) if raw is not None else None
    except (ValueError, RecursionError, MemoryError):
        data = None
    notebooks = data.get("notebooks") if isinstance(data, dict) else None
    files = data.get("files") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or data.get("version") != MANIFEST_VERSION
        or not isinstance(data.get("report"), str)
        or not isinstance(data.get("tables"), str)
        or not isinstance(notebooks, dict)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in notebooks.items())
        or not isinstance(files, dict)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items())
    ):
        warn(f"warning: {path} is not a manifest this version wrote; rebuilding everything")
        return EMPTY
    own = {name: print_ for name, print_ in notebooks.items() if all(is_own_name(name + s) for s in (".ipynb", ".html"))}
    foreign = [name for name in notebooks if name not in own]
    own_files = {name: print_ for name, print_ in files.items() if is_own_name(name)}
    foreign += [name for name in files if name not in own_files]
    if foreign:
        example = foreign[0][:200]
        warn(f"warning: {path} names {len(foreign)} file{'s' if len(foreign) > 1 else ''} this build does not write "
             f"({example!r}{', …' if len(foreign) > 1 else ''}); ignored")
    return Manifest(data["report"], data["tables"], own, own_files)


def fingerprints(folder: Path) -> dict[str, str]:
    """SHA-256 of every file of ``folder`` that the build writes (the manifest aside)."""
    return {
        p.name: sha
        for p in sorted(folder.iterdir())
        if p.name != MANIFEST and is_own_name(p.name) and is_regular(p) and (sha := file_sha(p)) is not None
    }


def changed_files(folder: Path, manifest: Manifest) -> set[str]:
    """The files the manifest lists whose bytes are no longer the ones written (removed,
    emptied, changed, or a link now)."""
    return {name for name, print_ in manifest.files.items() if file_sha(folder / name) != print_}


def write_manifest(folder: Path, manifest: Manifest) -> None:
    data = {
        "version": MANIFEST_VERSION,
        "report": manifest.report,
        "tables": manifest.tables,
        "notebooks": dict(sorted(manifest.notebooks.items())),
        "files": dict(sorted(manifest.files.items())),
    }
    write_file(folder / MANIFEST, json.dumps(data, indent=1, sort_keys=True) + "\n")
