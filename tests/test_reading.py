"""Reading report files: encodings in, one ``str`` out; clear one-line errors for
files that are not report text."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from conftest import a_fifo
from sdr_analysis import ReportReadError, SdrError, load_report, parse_report
from sdr_analysis.reading import decode, read_text

REPORT = "(浙江省)温州市鹿城区人民政府工作报告\n一、过去一年工作回顾\n  全年新增城镇就业1.2万人,增长6.5%。\n"

#: A report in traditional Chinese, for Big5 (which the rules, written for simplified
#: Chinese, do not read).
TRADITIONAL = (
    "臺北市政府工作報告\n一、過去一年工作回顧\n全年新增就業一萬兩千人，經濟穩定發展，民眾滿意度持續提高。\n"
    "二、今年工作安排\n推動產業轉型，擴大投資規模，興建學校三所、醫院兩座。\n"
)


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
    # a UTF-8 mark, then bytes that are not UTF-8 (0xff never is): the mark is wrong
    pytest.param(codecs.BOM_UTF8 + REPORT.encode("gb18030"), "byte-order mark but byte 4 is not UTF-8",
                 id="utf-8-bom-then-gb18030"),
    # a UTF-16 mark and an odd number of bytes: the last character is cut in half
    pytest.param(codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le") + b"\x00", "half a character", id="utf-16-odd-length"),
    # a UTF-16 high surrogate with no low one after it (bytes 2-3 hold 一, 4-5 the surrogate)
    pytest.param(codecs.BOM_UTF16_LE + "一".encode("utf-16-le") + b"\x00\xd8" + "二".encode("utf-16-le"),
                 "byte 4 is not UTF-16 (illegal UTF-16 surrogate)", id="utf-16-lone-surrogate"),
    # the same, big endian
    pytest.param(codecs.BOM_UTF16_BE + "一".encode("utf-16-be") + b"\xdc\x00", "byte 4 is not UTF-16",
                 id="utf-16-be-lone-surrogate"),
    # Big5 decodes as GB18030 without an error, into garbage: refused, not misread
    pytest.param(TRADITIONAL.encode("big5"), "convert it to simplified Chinese in UTF-8", id="big5"),
]

# Paths that are not files, relative to a fresh directory.
BAD_PATHS = [
    pytest.param("no-such-report.txt", "no such file", id="missing-path"),
    pytest.param(".", "directory", id="directory"),
    # longer than any file name the file system takes (255 bytes): os.stat raises
    pytest.param("报" * 100 + ".txt", "too long", id="name-too-long"),
    # a file standing where a folder should be
    pytest.param("report.txt/inner.txt", "no such file", id="file-as-folder"),
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
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    _assert_read_error(tmp_path / name, reason)


def test_a_path_holding_nul_is_refused():
    with pytest.raises(ReportReadError, match="NUL"):
        read_text("report\0.txt")


def _device_link(folder: Path) -> Path:
    path = folder / "report.txt"
    path.symlink_to(os.devnull)
    return path


# Paths that are not regular files. Each would block (a pipe nobody writes to) or read
# what is not a file; none is opened for reading.
NOT_REGULAR = [
    pytest.param(a_fifo, "pipe", id="fifo", marks=pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")),
    pytest.param(lambda folder: Path(os.devnull), "device", id="device",
                 marks=pytest.mark.skipif(os.name != "posix", reason="no character devices")),
    pytest.param(_device_link, "device", id="link-to-device",
                 marks=pytest.mark.skipif(os.name != "posix", reason="no character devices")),
]


@pytest.mark.parametrize("make, reason", NOT_REGULAR)
def test_only_regular_files_are_read(tmp_path, make, reason):
    _assert_read_error(make(tmp_path), reason)


# GB18030 text with characters outside GB2312 (rare names, GBK-only characters) is
# still GB18030, not Big5.
GB_NOT_BIG5 = [
    pytest.param(REPORT, id="all-gb2312"),
    pytest.param(REPORT.replace("鹿城区", "堃旻区"), id="rare-characters"),
    pytest.param("镕基堃旻昇" * 3 + REPORT, id="many-rare-characters-then-gb2312"),
]


@pytest.mark.parametrize("text", GB_NOT_BIG5)
def test_gb18030_with_rare_characters_is_not_big5(text):
    assert decode(text.encode("gb18030")) == text


def test_a_file_that_grows_after_the_stat_is_read_no_further(tmp_path, monkeypatch):
    """The size on disk is checked before reading and the read stops one byte past the
    limit, so a file growing (or lying about its size) is refused, not read whole."""
    from sdr_analysis import reading

    monkeypatch.setattr(reading, "MAX_REPORT_BYTES", 100)
    path = tmp_path / "report.txt"
    path.write_text("一、工作\n" * 50, encoding="utf-8")
    real_stat = os.stat

    def stat_before_growth(p, *args, **kwargs):
        info = real_stat(p, *args, **kwargs)
        return os.stat_result((*info[:6], 10, *info[7:10]))  # st_size is field 6

    monkeypatch.setattr(reading.os, "stat", stat_before_growth)
    with pytest.raises(ReportReadError, match="larger than any one report"):
        reading.read_text(path)


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


ESCAPED = r"政府工作报告\r\n2005年2月26日\r\n各位代表：\r\n一、2004年工作回顾\r\n全县生产总值增长12%。\r\n二、2005年主要任务\r\n（一）抓项目。\r\n"


def test_escaped_line_breaks_are_read_as_breaks_at_the_same_offsets():
    from sdr_analysis.reading import unescape_line_breaks

    text = unescape_line_breaks(ESCAPED)
    assert len(text) == len(ESCAPED)
    lines = [line.strip() for line in text.splitlines()]
    assert lines[:4] == ["政府工作报告", "2005年2月26日", "各位代表：", "一、2004年工作回顾"]
    # every character that is no escape stands where it stood
    assert all(a == b for a, b in zip(text, ESCAPED) if a not in "\r\n ")
    report = parse_report(ESCAPED)
    assert [p.title for p in report.parts if not p.implied] == ["2004年工作回顾", "2005年主要任务"]
    growth = next(i for i in report.indicators if i.text == "12%")
    assert ESCAPED[growth.start : growth.end] == "12%"


@pytest.mark.parametrize("text", [
    "路径C:\\new\\report与\\n换行符的写法。\n" * 3,  # a few escapes in a text of real lines
    "第一行\n第二行\\n第三行\n",
])
def test_a_text_with_real_line_breaks_keeps_its_escapes(text):
    from sdr_analysis.reading import unescape_line_breaks

    assert unescape_line_breaks(text) == text
