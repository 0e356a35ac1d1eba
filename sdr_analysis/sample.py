"""The sample report that ships inside the package: the seed report, byte for byte
(``seeds/`` in a checkout), so that the tour notebook and a first try run from an
installed package, where no ``seeds/`` folder is."""

from __future__ import annotations

import os
import warnings
from importlib.resources import files
from pathlib import Path

from .checks import check_report_path

#: The sample's file name, as in ``seeds/``.
SAMPLE_NAME = "dalian-shahekou-2022.txt"


def sample_report_path() -> Path:
    """The path of the sample report inside the installed package."""
    return Path(str(files("sdr_analysis").joinpath("data", "sample", SAMPLE_NAME)))


def or_sample(report_path: str | os.PathLike[str]) -> str | os.PathLike[str]:
    """``report_path`` where it is a file or folder; the sample report where nothing is
    there (a notebook's default path, run from an installed package), with a warning
    naming the path not found. Raises :class:`~sdr_analysis.exceptions.ParameterError`
    for a value that is no path."""
    check_report_path(report_path)
    if os.path.exists(report_path):
        return report_path
    warnings.warn(f"report_path {os.fspath(report_path)!r} is not there: reading the sample report that ships with the package "
                  f"(set report_path to read another)", stacklevel=2)
    return sample_report_path()
