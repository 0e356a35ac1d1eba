"""sdr_analysis: figures, claims and named initiatives from Chinese local government
work reports (政府工作报告), with write-ups built by parameterized notebooks.

>>> from sdr_analysis import load_report
>>> report = load_report("seeds/dalian-shahekou-2022.txt")
>>> report.section("五").indicators[0].text
'5.1亿元'

pandas and matplotlib are imported only when a table or a chart is asked for.

Builds and ``corpus`` say what they do through the ``sdr_analysis`` loggers
(:mod:`logging`); the package configures no logging of its own, so nothing is shown
unless the application (the ``sdr-analysis`` command, a notebook) sets it up.
"""

import logging

from .exceptions import BuildError, OutputError, ParameterError, ReportReadError, SdrError, SectionNotFound
from .report import Report, ReportSection, load_report, parse_report
from .results import Claim, Indicator, Metadata, Paragraph, Relation, Section, Sentence, Term

#: The package's version: its one source (pyproject.toml reads it from here).
__version__ = "0.1.0"


def version() -> str:
    """The package's version (``0.1.0``), as the pages' footer and the data
    dictionaries of the tables name it."""
    return __version__


logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):
    """``panel`` and ``Panel`` (:mod:`sdr_analysis.panels`), imported when first asked for."""
    if name in ("panel", "Panel"):
        from . import panels

        return getattr(panels, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "BuildError",
    "Claim",
    "Indicator",
    "Metadata",
    "OutputError",
    "Panel",
    "Paragraph",
    "ParameterError",
    "Relation",
    "Report",
    "ReportReadError",
    "ReportSection",
    "SdrError",
    "Section",
    "SectionNotFound",
    "Sentence",
    "Term",
    "load_report",
    "panel",
    "parse_report",
    "version",
]
