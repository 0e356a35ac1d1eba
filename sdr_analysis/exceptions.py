"""Errors raised by sdr_analysis.

Every error the library raises on purpose derives from :class:`SdrError`, so a caller
(the command line, a notebook) can catch one type and show its message: each message is
one line that says what is wrong and what to do. In a notebook (IPython, JupyterLab,
papermill) an :class:`SdrError` is shown as that one line instead of a traceback, so a
wrong parameter reads as a message listing what is valid.
"""

from __future__ import annotations


class SdrError(Exception):
    """Base class of the errors raised by sdr_analysis."""

    def _render_traceback_(self) -> list[str]:
        """What IPython shows instead of a traceback: one line, ``Name: message``.

        The error is about the input (a parameter, a file), not the code, so the stack
        would only bury the message.
        """
        return [f"{type(self).__name__}: {self}"]


class ReportReadError(SdrError):
    """A report file could not be read as text.

    ``path`` is the file as given; ``reason`` says what was wrong with it.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class SectionNotFound(SdrError):
    """A section number was asked for that the report does not have.

    ``number`` is what was asked for; ``available`` the numbers the report has.
    """

    def __init__(self, number: str, available: list[str]) -> None:
        self.number = number
        self.available = list(available)
        listed = ", ".join(self.available) if self.available else "none"
        super().__init__(f"no section {number!r} in this report; sections: {listed}")


class BuildError(SdrError):
    """A write-up notebook failed while the reports were being built.

    ``notebook`` names the notebook, ``cell`` the failing cell's index (or ``None``),
    ``detail`` the error the cell raised.
    """

    def __init__(self, notebook: str, cell: int | None, detail: str) -> None:
        self.notebook = notebook
        self.cell = cell
        self.detail = detail
        where = f"{notebook}, cell {cell}" if cell is not None else notebook
        super().__init__(f"{where} failed: {detail}")


class ParameterError(SdrError):
    """A write-up parameter (a notebook's, a build's) has a value that cannot be used.

    ``name`` is the parameter, ``value`` what was given, ``valid`` what would do.
    """

    def __init__(self, name: str, value: object, valid: str) -> None:
        self.name = name
        self.value = value
        self.valid = valid
        super().__init__(f"parameter {name} = {value!r} cannot be used; {valid}")


class OutputError(SdrError):
    """An output location cannot be written (a file where a folder should be, a
    read-only folder, an output that is one of the inputs).

    ``path`` is the location, ``reason`` what is wrong with it and what to do.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class WorkerDied(SdrError):
    """A worker process failed on an item, or died while working on it.

    ``item`` is the item, ``detail`` the worker's traceback or what happened,
    ``stderr`` the last lines the worker wrote to its stderr before it died (empty
    when it did not die, or wrote nothing).
    """

    def __init__(self, item: object, detail: str, stderr: str = "") -> None:
        self.item = item
        self.detail = detail
        self.stderr = stderr
        name = getattr(item, "name", None) or repr(item)[:80]
        last = detail.strip().splitlines()[-1] if detail.strip() else detail
        said = stderr.strip().splitlines()[-1] if stderr.strip() else ""
        super().__init__(f"a worker failed on {name}: {last}" + (f"; it last wrote: {said}" if said else ""))


class SeriesError(SdrError):
    """Reports that cannot be read together as asked (a series of several places, two
    reports of one year, a report without its year).

    ``problem`` says what is wrong, ``remedy`` what to do.
    """

    def __init__(self, problem: str, remedy: str) -> None:
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{problem}; {remedy}")


class InputNotFound(SdrError):
    """A path given as input (a report, a folder of reports) does not exist.

    ``path`` is the path as given.
    """

    def __init__(self, path: str) -> None:
        self.path = str(path)
        super().__init__(f"{self.path}: no such file or folder; check the path")


class NoReports(SdrError):
    """Reports were asked for and none could be had: no report files in the paths
    given, or none of them could be read.

    ``paths`` are the paths given; ``skipped`` the reports that could not be read,
    each ``(path, reason)``.
    """

    def __init__(self, paths: list[str], skipped: list[tuple[str, str]] | None = None) -> None:
        self.paths = [str(p) for p in paths]
        self.skipped = list(skipped or [])
        if self.skipped:
            message = f"none of the {len(self.skipped)} reports could be read ({self.skipped[0][0]}: {self.skipped[0][1]}); nothing written"
        else:
            message = f"no report files (.txt, .html, .pdf, .docx) in {', '.join(self.paths) or 'the paths given'}; give report files or folders holding them"
        super().__init__(message)


class NoReportGiven(SdrError):
    """A command that reads a report was given none, and the report it would take by
    default is not there (it is in the source checkout, not in an installed package).

    ``default`` is where the default report was looked for; ``usage`` how to give one.
    """

    def __init__(self, default: str, usage: str) -> None:
        self.default = str(default)
        self.usage = usage
        super().__init__(f"no report given, and the default report ({self.default}) is not here; give a report file: {usage}")


class MissingDependency(SdrError):
    """A package the library needs is not installed.

    ``package`` names it.
    """

    def __init__(self, package: str) -> None:
        self.package = package
        super().__init__(f"the {package} package is missing; install sdr_analysis with its dependencies (pip install sdr_analysis)")


class NumeralError(SdrError, ValueError):
    """A run of numeral characters that is not one number (``十四五``), or larger than any
    figure. The parser reads such runs as no value; it is also a ``ValueError``.

    ``numeral`` is the text (cut to 20 characters), ``reason`` what is wrong with it.
    """

    def __init__(self, numeral: str, reason: str) -> None:
        self.numeral = numeral[:20]
        self.reason = reason
        super().__init__(f"{reason}: {self.numeral!r}")


class FieldError(SdrError, TypeError):
    """A result was asked to change a field it does not have (see
    :func:`sdr_analysis.results.revised`); also a ``TypeError``, as for
    :func:`dataclasses.replace`.

    ``type_name`` is the result type, ``fields`` the unknown names.
    """

    def __init__(self, type_name: str, fields: list[str]) -> None:
        self.type_name = type_name
        self.fields = sorted(fields)
        super().__init__(f"{type_name} has no field {', '.join(self.fields)}")


class NothingToCount(SdrError, ValueError):
    """A count of none was asked to be written as a finding (``0 themes``): the caller
    should say there are none instead. Also a ``ValueError``.

    ``key`` is what was to be counted.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(f"no {key} to count: say that there are none instead")


class UnknownSource(SdrError, KeyError):
    """A comparison was asked for a report it does not hold. Also a ``KeyError``.

    ``source`` is the report's path as asked.
    """

    def __init__(self, source: object) -> None:
        self.source = source
        super().__init__(f"no report {source!r} in this comparison")

    def __str__(self) -> str:  # KeyError would quote the message again
        return str(self.args[0])


class Terminated(KeyboardInterrupt):
    """The process was sent SIGTERM (or SIGHUP: its terminal went away) while it
    worked: raised like Ctrl-C's ``KeyboardInterrupt`` so that the same clean-up runs;
    the command line then exits with status 128 + the signal's number (143, 129)."""

    def __init__(self, signum: int = 15) -> None:
        super().__init__(signum)
        self.signum = signum


class MissingExtra(MissingDependency):
    """A part of the package that an optional extra provides was asked for, and a
    package of that extra is not installed (a core install parses, makes the frames and
    the corpus tables; the write-ups need the ``writeups`` extra).

    ``package`` names the missing package, ``extra`` the extra that installs it,
    ``needed_for`` what it was needed for.
    """

    def __init__(self, package: str, extra: str, needed_for: str) -> None:
        self.package = package
        self.extra = extra
        self.needed_for = needed_for
        SdrError.__init__(self, f"{needed_for} needs the {package} package, which is not installed; "
                                f"install the {extra} extra: pip install 'sdr-analysis[{extra}]'")
