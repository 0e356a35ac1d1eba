"""Reading report files: bytes on disk to one ``str``.

The text is decoded once and never rewritten afterwards: every offset the library
reports is an index into the string this module returns.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from typing import NamedTuple

from .exceptions import ReportReadError
from .formats import extract

#: Encodings tried in order after the byte-order marks. Order matters: UTF-8 is strict
#: enough that GB18030 text almost never decodes as UTF-8, while GB18030 accepts nearly
#: any byte sequence, so it must come last.
FALLBACK_ENCODINGS = ("utf-8", "gb18030")


class Bom(NamedTuple):
    """A byte-order mark, the codec that reads the bytes after it, and the encoding's
    name as a message gives it."""

    mark: bytes
    codec: str
    name: str


#: Byte-order marks. The codecs read the bytes after the mark, so that a position a
#: codec reports plus the mark's length is a position in the file.
BOMS = (
    Bom(codecs.BOM_UTF8, "utf-8", "UTF-8"),
    Bom(codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    Bom(codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

#: The largest file read as one report. A work report is tens of kilobytes; a file
#: past this is a corpus or a wrong file, and parsing it whole would take minutes and
#: gigabytes.
MAX_REPORT_BYTES = 20_000_000

#: Share of control characters (other than tab, newline, carriage return, form feed)
#: above which decoded text is taken to be a binary file read by mistake.
MAX_CONTROL_SHARE = 0.01
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")

#: Big5 (traditional Chinese) bytes decode as GB18030 without an error, into
#: characters that simplified Chinese text hardly uses. Genuine GB text is almost all
#: characters of GB2312 (under 1 % of the non-ASCII characters of the GB18030 reports
#: tried fall outside it); Big5 read as GB18030 leaves most outside. Text past this
#: share that the Big5 codecs also read without an error is taken to be Big5.
MAX_OUTSIDE_GB2312_SHARE = 0.2
BIG5_ENCODINGS = ("big5", "cp950", "big5hkscs")
#: How many characters from the start the GB2312 share is measured on.
ENCODING_SAMPLE = 100_000

#: File types by their ``st_mode`` test, as a message names them. Only regular files
#: are read: opening a FIFO blocks until something writes to it, and a device such as
#: ``/dev/zero`` never ends.
NOT_REGULAR = (
    (stat.S_ISDIR, "this is a directory; give a report file inside it"),
    (stat.S_ISFIFO, "this is a pipe (FIFO), not a file; save the report to a file and give that"),
    (stat.S_ISCHR, "this is a device, not a file; give a report file"),
    (stat.S_ISBLK, "this is a device, not a file; give a report file"),
    (stat.S_ISSOCK, "this is a socket, not a file; give a report file"),
)

#: Errors from the file system that mean the path names nothing readable, and what to
#: say. Any other ``OSError`` is reported with the system's own words.
PATH_ERRORS = {
    errno.ENOENT: "no such file; check the path",
    errno.ENOTDIR: "no such file (a part of the path is not a folder); check the path",
    errno.ENAMETOOLONG: "the file name is too long for the file system; check the path",
    errno.ELOOP: "the path is a loop of symbolic links; check the path",
    errno.EACCES: "permission denied; check the file's permissions",
    errno.EPERM: "permission denied; check the file's permissions",
}

CONVERT = "save it again as UTF-8"


def decode(data: bytes, source: str = "<bytes>") -> str:
    """Decode a report's bytes: BOM first, then UTF-8, then GB18030 (refusing Big5)."""
    if not data.strip():
        raise ReportReadError(source, "the file is empty; give a report text file")
    for bom in BOMS:
        if data.startswith(bom.mark):
            return _checked(_after_bom(data, bom, source), source)
    if b"\x00" in data:
        raise ReportReadError(source, "this is a binary file, not report text; give a .txt, .html, .pdf or .docx report")
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and _is_big5(text, data):
            raise ReportReadError(
                source, "the text is Big5 (traditional Chinese), which the rules do not read; "
                "convert it to simplified Chinese in UTF-8"
            )
        return _checked(text, source)
    raise ReportReadError(source, "the text is neither UTF-8 nor GB18030; convert it to UTF-8")


def _after_bom(data: bytes, bom: Bom, source: str) -> str:
    """The text after a byte-order mark, or a :class:`ReportReadError` saying where
    the bytes stop being what the mark announced."""
    try:
        return data[len(bom.mark) :].decode(bom.codec)
    except UnicodeDecodeError as exc:
        at = exc.start + len(bom.mark)
        if exc.reason == "truncated data":
            what = "ends in half a character (the file is cut short, or is not UTF-16)"
        else:
            what = f"byte {at} is not {bom.name} ({exc.reason})"
        raise ReportReadError(
            source, f"the file starts with a {bom.name} byte-order mark but {what}; {CONVERT}"
        ) from None


def _is_big5(text: str, data: bytes) -> bool:
    """Whether GB18030 ``text`` is Big5 ``data`` misread (see
    :data:`MAX_OUTSIDE_GB2312_SHARE`)."""
    sample = text[:ENCODING_SAMPLE]
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    # GB2312 trail bytes are never "?", so each "?" the encoder adds stands for one
    # character outside GB2312: counted in C rather than a character at a time
    outside = sample.encode("gb2312", "replace").count(b"?") - sample.count("?")
    if not non_ascii or outside <= MAX_OUTSIDE_GB2312_SHARE * non_ascii:
        return False
    for encoding in BIG5_ENCODINGS:
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _checked(text: str, source: str) -> str:
    if not text.strip():
        raise ReportReadError(source, "the file holds only white space; give a report text file")
    controls = len(CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise ReportReadError(source, "this looks like a binary file, not report text; give a .txt, .html, .pdf or .docx report")
    return text


def _os_error(path: str, exc: OSError) -> ReportReadError:
    reason = PATH_ERRORS.get(exc.errno) if exc.errno is not None else None
    return ReportReadError(path, reason or f"cannot be read ({exc.strerror or exc}); check the path and its permissions")


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a report file into a string, with a clear :class:`ReportReadError` for a
    path that is not a readable regular file (missing, a directory, a pipe or a device,
    a name too long), a file larger than any report, an empty or a binary file. A PDF
    or Word file (told by its content) gives the text extracted from it
    (:mod:`sdr_analysis.formats`)."""
    return read_report_text(path)[0]


def read_report_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """:func:`read_text` and the file's format: ``pdf``, ``docx`` (the text extracted
    from it) or ``text``."""
    name = str(path)
    data = _read_bytes(path, name)
    extracted = extract(data, name)
    return extracted if extracted is not None else (decode(data, name), "text")


def _read_bytes(path: str | os.PathLike[str], name: str) -> bytes:
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _os_error(name, exc) from None
    except ValueError:  # os.stat refuses a path holding a NUL character
        raise ReportReadError(name, "the path holds a NUL character; check the path") from None
    _check_regular(name, info.st_mode)
    if info.st_size > MAX_REPORT_BYTES:
        raise _too_large(name, f"{info.st_size / 1e6:.0f} MB")
    try:
        # O_NONBLOCK: should the path have become a pipe since the stat, opening it
        # does not block (the fstat below then refuses it); regular files ignore it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            _check_regular(name, os.fstat(f.fileno()).st_mode)
            # a file can grow between the stat and the read: read one byte past the
            # limit, never more, to tell
            data = f.read(MAX_REPORT_BYTES + 1)
    except OSError as exc:
        raise _os_error(name, exc) from None
    if len(data) > MAX_REPORT_BYTES:
        raise _too_large(name, f"over {MAX_REPORT_BYTES / 1e6:.0f} MB")  # it grew after the stat
    return data


def _check_regular(name: str, mode: int) -> None:
    for is_kind, reason in NOT_REGULAR:
        if is_kind(mode):
            raise ReportReadError(name, reason)
    if not stat.S_ISREG(mode):
        raise ReportReadError(name, "this is not a regular file; give a report file")


def _too_large(name: str, size: str) -> ReportReadError:
    return ReportReadError(
        name, f"the file is {size}, larger than any one report ({MAX_REPORT_BYTES / 1e6:.0f} MB at most); "
        "split it into reports, or give a folder of reports to the corpus command"
    )


#: A line break written as text (``\r\n``, ``\n``, ``\r``), as exports of spreadsheets
#: and JSON hold a report: a backslash escape, not a break.
ESCAPED_BREAK = re.compile(r"\\r\\n|\\n|\\r")
#: A text is one of those when it holds at least this many escaped breaks and more
#: than this many of them for each real one.
MIN_ESCAPED_BREAKS = 5
ESCAPED_PER_REAL = 10
#: Each escape, as the break it stands for padded with spaces to the escape's length.
UNESCAPED = {"\\r\\n": "\r\n  ", "\\n": "\n ", "\\r": "\r "}


def unescape_line_breaks(text: str) -> str:
    """``text`` with its escaped line breaks read as breaks, where its breaks are
    escapes (at least :data:`MIN_ESCAPED_BREAKS`, many more than real ones); else
    ``text`` unchanged. Each escape becomes a break padded with spaces to its own
    length (``\\r\\n`` → ``\\r\\n`` and two spaces), so that every offset into the
    text is an offset into the file."""
    escaped = len(ESCAPED_BREAK.findall(text))
    if escaped < MIN_ESCAPED_BREAKS:
        return text
    real = text.count("\n") + text.count("\r") - text.count("\r\n")
    if escaped <= ESCAPED_PER_REAL * real:
        return text
    return ESCAPED_BREAK.sub(lambda m: UNESCAPED[m.group()], text)
