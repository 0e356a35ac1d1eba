"""Reading report files: encodings in, one ``str`` out; clear one-line errors for
files that are not report text."""

from __future__ import annotations

import codecs

import pytest

from sdr_analysis import ReportReadError, SdrError, load_report
from sdr_analysis.reading import decode, read_text

REPORT = "(浙江省)温州市鹿城区人民政府工作报告\n一、过去一年工作回顾\n  全年新增城镇就业1.2万人,增长6.5%。\n"


def _utf16_be_with_bom(text: str) -> bytes:
    return codecs.BOM_UTF16_BE + text.encode("utf-16-be")


# The bytes a report may arrive as; each must read back to exactly the same text.
ENCODED = [
    # plain UTF-8, the common case
    pytest.param(lambda t: t.encode("utf-8"), id="utf-8"),
    # UTF-8 with a byte-order mark: the mark is not part of the text
    pytest.param(lambda t: t.encode("utf-8-sig"), id="utf-8-bom"),
    # GB18030 (older government sites): not valid UTF-8, read by the fallback
    pytest.param(lambda t: t.encode("gb18030"), id="gb18030"),
    # UTF-16 little endian with its mark (what Python's "utf-16" writes)
    pytest.param(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), id="utf-16-le-bom"),
    # UTF-16 big endian with its mark
    pytest.param(_utf16_be_with_bom, id="utf-16-be-bom"),
]


@pytest.mark.parametrize("encode", ENCODED)
def test_read_text_decodes(tmp_path, encode):
    path = tmp_path / "report.txt"
    path.write_bytes(encode(REPORT))
    assert read_text(path) == REPORT


@pytest.mark.parametrize("encode", ENCODED)
def test_load_report_offsets_index_the_decoded_text(tmp_path, encode):
    path = tmp_path / "report.txt"
    path.write_bytes(encode(REPORT))
    report = load_report(path)
    assert report.text == REPORT
    assert report.source == str(path)
    (figure,) = [i for i in report.indicators if i.unit == "人"]
    assert figure.start == REPORT.index("1.2万人")
    assert report.text[figure.start : figure.end] == "1.2万人"


def test_crlf_line_ends_are_kept(tmp_path):
    text = REPORT.replace("\n", "\r\n")
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("utf-8"))
    assert read_text(path) == text


PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64

# Files that are not report text and a word the one-line message must hold.
BAD_CONTENTS = [
    # nothing in it
    pytest.param(b"", "empty", id="empty-file"),
    # only blanks, tabs and newlines
    pytest.param(b" \n\t\r\n   \n", "empty", id="whitespace-only"),
    # white space only, but in UTF-16 with a mark
    pytest.param(codecs.BOM_UTF16_LE + " \n ".encode("utf-16-le"), "white space", id="whitespace-only-utf16"),
    # an image: NUL bytes
    pytest.param(PNG_HEADER, "binary", id="binary-png"),
    # control characters without NULs, more than a text file ever has
    pytest.param(bytes(range(1, 9)) * 20 + "报告".encode(), "binary", id="binary-control-characters"),
    # bytes neither UTF-8 nor GB18030 accept
    pytest.param(b"abc\x80\x20\xff", "UTF-8", id="undecodable"),
]

# Paths that are not files, relative to a fresh directory.
BAD_PATHS = [
    pytest.param("no-such-report.txt", "no such file", id="missing-path"),
    pytest.param(".", "directory", id="directory"),
]


def _assert_read_error(path, reason):
    with pytest.raises(ReportReadError) as info:
        read_text(path)
    message = str(info.value)
    assert "\n" not in message
    assert reason.lower() in message.lower()
    assert message.startswith(f"{path}: ")
    assert info.value.path == str(path)
    assert isinstance(info.value, SdrError)
    with pytest.raises(ReportReadError):
        load_report(path)


@pytest.mark.parametrize("content, reason", BAD_CONTENTS)
def test_bad_contents(tmp_path, content, reason):
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    _assert_read_error(path, reason)


@pytest.mark.parametrize("name, reason", BAD_PATHS)
def test_bad_paths(tmp_path, name, reason):
    _assert_read_error(tmp_path / name, reason)


def test_decode_names_its_source():
    with pytest.raises(ReportReadError) as info:
        decode(b"", "upload.txt")
    assert str(info.value).startswith("upload.txt: ")


def test_a_file_larger_than_any_report_is_refused(tmp_path, monkeypatch):
    from sdr_analysis import reading

    monkeypatch.setattr(reading, "MAX_REPORT_BYTES", 100)
    path = tmp_path / "corpus.txt"
    path.write_text("一、工作\n" * 50, encoding="utf-8")
    with pytest.raises(ReportReadError, match="larger than any one report"):
        reading.read_text(path)
