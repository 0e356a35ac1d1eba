"""The report files of the paths given to a command that reads several (``series``,
``build``, a comparison page), read one by one: those that cannot be read are kept
as such, so that :mod:`sdr_analysis.coverage` can say why they were left out, and
the reports a page uses chosen from the rest.
"""

from __future__ import annotations

import os
from typing import Iterable, Optional, Sequence

from .corpus import report_files
from .coverage import Coverage, Entry, entry_of, failed, for_places, for_series
from .exceptions import SdrError
from .report import Report, load_report
from .series import place_of, year_of


def read_all(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[tuple[Entry, Optional[Report]]]:
    """Each report file of the paths (folders searched as :func:`corpus.report_files`
    does) with its :class:`Entry` and its report, or ``None`` where it cannot be read."""
    out: list[tuple[Entry, Optional[Report]]] = []
    for path in report_files(paths):
        try:
            report = load_report(path)
        except SdrError as exc:
            out.append((failed(path, getattr(exc, "reason", str(exc))), None))
            continue
        except OSError as exc:
            out.append((failed(path, exc.strerror or str(exc)), None))
            continue
        out.append((entry_of(report), report))
    return out


# the reports of a comparison


def series_of(paths) -> tuple[list[Report], Coverage]:
    """The reports of one place over years among the paths, by year, and what was
    used and left out (see :func:`~sdr_analysis.coverage.for_series`)."""
    read = read_all(paths)
    cov = for_series([e for e, _ in read])
    return sorted(used_reports(read, cov), key=lambda r: (year_of(r) or 0, r.source or "")), cov


def places_of(paths) -> tuple[list[Report], Coverage]:
    """The reports of places side by side among the paths, by place, then year, and
    what was used and left out (see :func:`~sdr_analysis.coverage.for_places`)."""
    read = read_all(paths)
    cov = for_places([e for e, _ in read])
    return sorted(used_reports(read, cov), key=lambda r: (place_of(r), year_of(r) or 0, r.source or "")), cov


def used_reports(read: Sequence[tuple[Entry, Optional[Report]]], cov: Coverage) -> list[Report]:
    """The reports of the files ``cov`` used, each once (a file given twice is one)."""
    wanted = list(cov.used)
    out = []
    for e, r in read:
        if r is not None and e.file in wanted:
            wanted.remove(e.file)
            out.append(r)
    return out
