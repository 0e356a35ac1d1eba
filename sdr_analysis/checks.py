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
