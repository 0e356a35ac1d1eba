"""``manifest.json``: what each notebook of a report folder was built from, so that a
rebuild runs only the notebooks whose inputs changed.

A notebook's fingerprint covers the report text, the notebook, the library's own
source and data, the versions of the packages that shape the output, and the
parameters. The manifest is read as untrusted input: a folder may come from someone
else's branch. A manifest of the wrong shape is ignored (everything is rebuilt), and
a notebook name that the build would not write itself is ignored with a warning,
never used as a path.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Callable, NamedTuple

from .outputs import is_own_name

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1

#: Packages whose versions change what the notebooks print or draw.
OUTPUT_PACKAGES = ("pandas", "matplotlib", "mplfonts", "jieba", "nbconvert", "papermill", "nbformat")

PACKAGE = Path(__file__).resolve().parent


class Manifest(NamedTuple):
    """``report``: the report's path as the notebooks read it; ``tables``: the
    fingerprint of the tables, index and font; ``notebooks``: name → fingerprint."""

    report: str
    tables: str
    notebooks: dict[str, str]


EMPTY = Manifest("", "", {})


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
    if not path.is_file():
        return EMPTY
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    notebooks = data.get("notebooks") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or data.get("version") != MANIFEST_VERSION
        or not isinstance(data.get("report"), str)
        or not isinstance(data.get("tables"), str)
        or not isinstance(notebooks, dict)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in notebooks.items())
    ):
        warn(f"warning: {path} is not a manifest this version wrote; rebuilding everything")
        return EMPTY
    own = {}
    for name, print_ in notebooks.items():
        if all(is_own_name(name + suffix) for suffix in (".ipynb", ".html")):
            own[name] = print_
        else:
            warn(f"warning: {path} names {name!r}, which is not a notebook of this build; ignored")
    return Manifest(data["report"], data["tables"], own)


def write_manifest(folder: Path, manifest: Manifest) -> None:
    data = {
        "version": MANIFEST_VERSION,
        "report": manifest.report,
        "tables": manifest.tables,
        "notebooks": dict(sorted(manifest.notebooks.items())),
    }
    (folder / MANIFEST).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
