"""The optional extras of the package and the packages each brings.

A core install reads reports, finds their figures, targets and results, and writes
the frames and the corpus tables. The write-ups (``sdr-analysis build``, the
notebooks and their charts) need the ``writeups`` extra: a part that needs it says
so in one line (:class:`~sdr_analysis.exceptions.MissingExtra`) instead of failing
on an import deep inside.
"""

from __future__ import annotations

import importlib.util

from .exceptions import MissingExtra

#: The modules the ``writeups`` extra installs, by the name they are imported as.
WRITEUPS = ("papermill", "nbclient", "nbconvert", "nbformat", "jupyter_client", "ipykernel", "IPython", "matplotlib", "mplfonts", "fontTools")


def missing(modules: tuple[str, ...]) -> list[str]:
    """The modules of ``modules`` that cannot be imported (looked up, not imported)."""
    gone = []
    for name in modules:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a module set to None in sys.modules, or one without a spec
            found = False
        if not found:
            gone.append(name)
    return gone


def require_writeups(needed_for: str = "building the write-ups") -> None:
    """Raise :class:`MissingExtra` naming the ``writeups`` extra if a package of it is
    not installed."""
    gone = missing(WRITEUPS)
    if gone:
        raise MissingExtra(gone[0], "writeups", needed_for)


def writeups_import_error(exc: ImportError, needed_for: str) -> MissingExtra:
    """The :class:`MissingExtra` an import of the write-up stack failed with."""
    return MissingExtra((exc.name or "a").split(".")[0], "writeups", needed_for)
