"""Reading report files: bytes on disk to one ``str``.

The text is decoded once and never rewritten afterwards: every offset the library
reports is an index into the string this module returns.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from .exceptions import ReportReadError

#: Encodings tried in order after the byte-order marks. Order matters: UTF-8 is strict
#: enough that GB18030 text almost never decodes as UTF-8, while GB18030 accepts nearly
#: any byte sequence, so it must come last.
FALLBACK_ENCODINGS = ("utf-8", "gb18030")

#: Byte-order marks and the codec that reads past them.
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: The largest file read as one report. A work report is tens of kilobytes; a file
#: past this is a corpus or a wrong file, and parsing it whole would take minutes and
#: gigabytes.
MAX_REPORT_BYTES = 20_000_000

#: Share of control characters (other than tab, newline, carriage return, form feed)
#: above which decoded text is taken to be a binary file read by mistake.
MAX_CONTROL_SHARE = 0.01


def decode(data: bytes, source: str = "<bytes>") -> str:
    """Decode a report's bytes: BOM first, then UTF-8, then GB18030."""
    if not data.strip():
        raise ReportReadError(source, "the file is empty; give a report text file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _checked(data.decode(codec, errors="strict"), source)
    if b"\x00" in data:
        raise ReportReadError(source, "this is a binary file, not report text; give a .txt or .html report")
    for encoding in FALLBACK_ENCODINGS:
        try:
            return _checked(data.decode(encoding), source)
        except UnicodeDecodeError:
            continue
    raise ReportReadError(source, "the text is neither UTF-8 nor GB18030; convert it to UTF-8")


def _checked(text: str, source: str) -> str:
    if not text.strip():
        raise ReportReadError(source, "the file holds only white space; give a report text file")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise ReportReadError(source, "this looks like a binary file, not report text; give a .txt or .html report")
    return text


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a report file into a string, with a clear :class:`ReportReadError` for a
    missing path, a directory, an empty or a binary file."""
    p = Path(path)
    if not p.exists():
        raise ReportReadError(str(path), "no such file; check the path")
    if p.is_dir():
        raise ReportReadError(str(path), "this is a directory; give a report file inside it")
    size = p.stat().st_size
    if size > MAX_REPORT_BYTES:
        raise ReportReadError(
            str(path), f"the file is {size / 1e6:.0f} MB, larger than any one report ({MAX_REPORT_BYTES / 1e6:.0f} MB at most); "
            "split it into reports, or give a folder of reports to the corpus command"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReportReadError(str(path), f"cannot be read ({exc.strerror or exc}); check its permissions") from None
    return decode(data, str(path))
