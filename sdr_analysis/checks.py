"""The notebooks' parameters, checked before anything is read: a parameter of the wrong
kind or value stops the notebook with one :class:`~sdr_analysis.exceptions.ParameterError`
that names it and says what it can be. The build checks its languages here too."""

from __future__ import annotations

import os

from .exceptions import ParameterError
from .outputs import LANGS


def check_lang(lang: str) -> str:
    """A language the pages are written in (:data:`~sdr_analysis.outputs.LANGS`)."""
    if not isinstance(lang, str) or lang not in LANGS:
        raise ParameterError("lang", lang, f"use one of: {', '.join(LANGS)}")
    return lang


def check_report_path(report_path: str | os.PathLike[str]) -> str | os.PathLike[str]:
    """The path of one report."""
    if isinstance(report_path, (str, os.PathLike)):
        return report_path
    raise ParameterError("report_path", report_path, "use the path of a report file (text or a saved HTML page), as a string")


def check_report_paths(report_paths) -> list[str | os.PathLike[str]]:
    """Report files (or one folder of reports) as a list of paths."""
    if isinstance(report_paths, (str, os.PathLike)):
        return [report_paths]
    if isinstance(report_paths, (list, tuple)) and report_paths and all(isinstance(p, (str, os.PathLike)) for p in report_paths):
        return list(report_paths)
    raise ParameterError("report_paths", report_paths, "use a list of report files (or one folder of reports), as strings")


def check_measure(measure, allow_all: bool) -> str:
    """A measure of the table of measures; ``""`` (every measure) where ``allow_all``."""
    from .targets import measures

    keys = list(measures())
    if isinstance(measure, str) and (measure in keys or (allow_all and measure == "")):
        return measure
    valid = ", ".join(keys)
    raise ParameterError("measure", measure, f"use one of: {valid}" + (', or "" for every measure' if allow_all else ""))


def check_paths_exist(report_paths: list[str | os.PathLike[str]], wanted: str) -> list[str | os.PathLike[str]]:
    """Report paths that are all there; the first that is not is a :class:`ParameterError`
    naming ``report_paths`` and what it should hold (``wanted``): a notebook's default
    paths (the corpus beside a checkout) are not there in a fresh clone or an install."""
    missing = [p for p in report_paths if not os.path.lexists(p)]
    if missing:
        more = f" (and {len(missing) - 1} more of the {len(report_paths)} paths)" if len(missing) > 1 else ""
        raise ParameterError("report_paths", os.fspath(missing[0]),
                             f"no such file or folder{more}; set report_paths to {wanted} (files, or one folder of them), relative to the working directory")
    return report_paths

