"""Bad input through the command line, one case per kind.

Every case ends one of these ways, never with a traceback:

- ``ok``: exit 0 and valid JSON on stdout (and, where the case says so, a note of what
  was odd about the text);
- ``table``: exit 0 and a readable table on stdout, nothing on stderr;
- ``error``: exit 2, empty stdout, and exactly one line on stderr that names the file
  (or, for an output that cannot be written, the output) and says what is wrong;
- ``quiet``: the reader of stdout went away: exit 141 (128 + SIGPIPE, as a POSIX tool
  ends) and nothing on stderr.

Most cases are a bad report file; some are a bad place to write (a reader that went
away, a full disk) or a locale that cannot write Chinese, with a good report.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable, NamedTuple, Optional

import pytest

from conftest import a_fifo
from sdr_analysis import load_report

REPORTS = Path(__file__).resolve().parent / "reports"
GOOD = REPORTS / "wangjiang-district-2023.txt"

HUGE_BYTES = 50 * 1024 * 1024
HUGE_SECONDS = 30

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Length 64 /Filter /FlateDecode >>\nstream\n" + bytes(range(256)) * 4 + b"\nendstream\nendobj\n%%EOF\n"
DOCX = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"[Content_Types].xml" + bytes(range(256)) * 4

#: Neither UTF-8 nor GB18030 can decode these bytes (0x81 followed by a space is an
#: invalid GB18030 sequence; checked in test_wrong_encoding_bytes_really_are_wrong).
WRONG_ENCODING = b"2023 report " + b"\x81\x20" * 300 + b"\n"

NO_HEADINGS = """柳河县人民政府工作报告
——2023年1月9日在柳河县第十八届人民代表大会第二次会议上

各位代表：
　　现在，我代表县人民政府，向大会报告工作，请予审议。
　　过去一年，全县地区生产总值完成96.2亿元，增长5.1%。新增城镇就业2100人，完成农村公路改造46公里。
　　今年，我们将继续实施重点项目52个，完成固定资产投资80亿元以上。
"""

DUPLICATE_SECTIONS = """白沙区人民政府工作报告
——2023年1月7日在白沙区第三届人民代表大会第二次会议上

一、2022年工作回顾
　　全区地区生产总值完成238.4亿元，增长4.5%。
二、2023年工作安排
　　全年实施重点项目70个，完成投资115亿元。
二、保障措施
　　新增城镇就业3600人。
三、加强政府自身建设
　　一般性支出压减10%以上。
"""

HTML_NOT_FOUND = """<html><head><meta charset="utf-8"><title>404</title>
<style>body { text-align: center; }</style></head>
<body><nav><a href="/">首页</a> <a href="/zwgk/">政务公开</a></nav>
<div class="error"><h1>404</h1><p>对不起，您访问的页面不存在。</p><p><a href="/">返回首页</a></p></div>
</body></html>
"""

HTML_WITHOUT_REPORT = """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>青岚市人民政府门户网站</title>
<script>var _hmt = _hmt || [];</script>
<style>.nav li { float: left; }</style>
</head>
<body>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul>
<div class="news">
  <h2>要闻动态</h2>
  <ul>
    <li><a href="/xw/1.html">市政府召开第12次常务会议</a> 2023-02-03</li>
    <li><a href="/xw/2.html">我市举办2023年春季招聘会 提供岗位3000余个</a> 2023-02-02</li>
    <li><a href="/xw/3.html">政府工作报告（全文）</a> 2023-01-13</li>
  </ul>
</div>
<div class="footer">版权所有 &copy; 青岚市人民政府</div>
</body>
</html>
"""


def run(*args: str, timeout: Optional[float] = None, env: Optional[dict] = None, stdout: str = "pipe") -> subprocess.CompletedProcess:
    """The command, its output captured; ``stdout`` ``closed``: a pipe whose reader
    has gone before anything was written (``| head -0``), ``full``: a device that
    takes nothing (``> /dev/full``)."""
    command = [sys.executable, "-m", "sdr_analysis", *args]
    environ = {**os.environ, **(env or {})}
    if stdout == "pipe":
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=environ)
    if stdout == "full":
        with open(DEV_FULL, "w") as full:
            done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, timeout=timeout, env=environ)
        return subprocess.CompletedProcess(command, done.returncode, "", done.stderr)
    assert stdout == "closed", stdout
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(command, stdout=write, stderr=subprocess.PIPE, text=True, timeout=timeout, env=environ)
    finally:
        os.close(write)
    return subprocess.CompletedProcess(command, done.returncode, "", done.stderr)


def written(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    return make


#: Traditional Chinese, for Big5 (the rules read simplified Chinese only).
TRADITIONAL = """臺北市政府工作報告
一、過去一年工作回顧
全年新增就業一萬兩千人，經濟穩定發展，民眾滿意度持續提高。
二、今年工作安排
推動產業轉型，擴大投資規模，興建學校三所、醫院兩座。
"""


UTF16 = codecs.BOM_UTF16_LE + NO_HEADINGS.encode("utf-16-le")


def a_link_to_zero(folder: Path) -> Path:
    """A report-looking name for a device that never ends."""
    path = folder / "report.txt"
    path.symlink_to("/dev/zero")
    return path


def a_directory(folder: Path) -> Path:
    inner = folder / "reports-folder"
    inner.mkdir()
    (inner / "a.txt").write_text(NO_HEADINGS, encoding="utf-8")
    return inner


DEV_FULL = "/dev/full"


def a_scanned_pdf(folder: Path) -> Path:
    """A PDF whose page is a picture: no text layer (written with fpdf2, a test
    dependency)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.image(png_image(), x=10, y=10, w=100)
    path = folder / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


def png_image():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 30), "white").save(out, format="PNG")
    out.seek(0)
    return out


def an_encrypted_pdf(folder: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="report")
    path = folder / "locked.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


def a_zip_of_text(folder: Path) -> Path:
    """A zip archive holding a report, not a Word file."""
    import zipfile

    path = folder / "report.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("report.txt", NO_HEADINGS)
    return path


def good(folder: Path) -> Path:
    """A good report, under a Chinese name (which an ASCII locale must still write)."""
    path = folder / "望江区-2023.txt"
    path.write_bytes(GOOD.read_bytes())
    return path


class Case(NamedTuple):
    make: Callable[[Path], Path]
    outcome: str  # "ok", "table", "error" or "quiet"
    message: tuple[str, ...] = ()  # error: the line holds one of these (case-insensitive)
    note: Optional[str] = None  # ok: a note of load_report(path).notes holds this
    args: tuple[str, ...] = ("indicators", "{path}", "--json")  # the command; {path} is the file made
    env: Optional[dict] = None  # environment variables set for the command
    stdout: str = "pipe"  # "pipe", "closed" or "full": see run()
    names: Optional[str] = None  # error: what the line names, if not the file made


CASES = {
    "empty": Case(written("empty.txt", b""), "error", ("empty",)),
    "whitespace-only": Case(written("blank.txt", " \n\t\r\n\u3000\u3000\n  \n".encode("utf-8")), "error", ("white space", "whitespace", "empty", "blank")),
    "binary-png": Case(written("scan.png", PNG), "error", ("binary", "png", "image")),
    "binary-png-as-txt": Case(written("report.txt", PNG), "error", ("binary", "png", "image")),
    "pdf-not-text": Case(written("report.pdf", PDF), "error", ("binary", "pdf")),
    "word-docx-not-text": Case(written("report.docx", DOCX), "error", ("binary", "word", "docx", "zip")),
    "pdf-scanned-no-text-layer": Case(a_scanned_pdf, "error", ("no text layer",), args=("indicators", "{path}")),
    "pdf-encrypted": Case(an_encrypted_pdf, "error", ("password",)),
    "zip-not-word": Case(a_zip_of_text, "error", ("no word document",)),
    "old-word-doc": Case(written("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)), "error", (".doc",)),
    "wrong-encoding": Case(written("garbled.txt", WRONG_ENCODING), "error", ("utf-8", "gb18030", "encoding", "decode")),
    "directory": Case(a_directory, "error", ("directory",)),
    "missing-path": Case(lambda folder: folder / "no-such-report.txt", "error", ("no such file", "not found", "does not exist")),
    "no-headings": Case(written("no-headings.txt", NO_HEADINGS), "ok", note="heading"),
    "duplicate-section-numbers": Case(written("duplicates.txt", DUPLICATE_SECTIONS), "ok", note="duplicate"),
    "html-without-report": Case(written("portal.html", HTML_WITHOUT_REPORT), "error", ("no report",)),
    "html-not-found-page": Case(written("saved-page.html", HTML_NOT_FOUND), "error", ("no report",)),
    # paths that are not regular files: refused before they are opened
    "fifo": Case(a_fifo, "error", ("pipe",)),
    "dev-zero": Case(lambda folder: Path("/dev/zero"), "error", ("device",)),
    "symlink-to-dev-zero": Case(a_link_to_zero, "error", ("device",)),
    "name-too-long": Case(lambda folder: folder / ("a" * 300 + ".txt"), "error", ("too long",)),
    # the same, among several paths: the reason is the path's own, not "does not exist"
    "series-with-a-fifo": Case(a_fifo, "error", ("pipe",), args=("series", "{path}", "{path}")),
    "build-with-a-fifo": Case(a_fifo, "error", ("pipe",), args=("build", "{path}", "{path}", "--out", "{path}-out")),
    # bytes that contradict their byte-order mark
    "utf-8-bom-then-not-utf-8": Case(written("report.txt", codecs.BOM_UTF8 + NO_HEADINGS.encode("gb18030")), "error",
                                     ("byte-order mark but byte 3 is not utf-8",)),
    "utf-16-odd-byte-count": Case(written("report.txt", UTF16 + b"\x00"), "error", ("half a character",)),
    # a high surrogate at byte 40 (after the mark and 19 characters) with no low one after it
    "utf-16-lone-surrogate": Case(written("report.txt", UTF16[:40] + b"\x00\xd8" + UTF16[40:]), "error",
                                  ("byte 40 is not utf-16",)),
    "big5": Case(written("report.txt", TRADITIONAL.encode("big5")), "error", ("big5",)),
    # a good report, and a place that cannot take what is written
    "stdout-reader-gone-json": Case(good, "quiet", stdout="closed"),
    "stdout-reader-gone-table": Case(good, "quiet", args=("indicators", "{path}"), stdout="closed"),
    "stdout-reader-gone-csv": Case(good, "quiet", args=("series", "{path}", "--csv"), stdout="closed"),
    "stdout-disk-full-json": Case(good, "error", ("no space left",), stdout="full", names="standard output"),
    "stdout-disk-full-table": Case(good, "error", ("no space left",), args=("sections", "{path}"), stdout="full",
                                   names="standard output"),
    "corpus-out-to-a-device": Case(good, "error", ("not a regular file",), args=("corpus", "{path}", "--out", DEV_FULL),
                                   names=DEV_FULL),
    "build-out-to-a-device": Case(good, "error", ("not a folder",), args=("build", "{path}", "--out", DEV_FULL), names=DEV_FULL),
    "build-jobs-without-bound": Case(good, "error", ("give 1 to",), args=("build", "{path}", "--jobs", "100000"), names="--jobs"),
    "corpus-jobs-zero": Case(good, "error", ("give 1 to",), args=("corpus", "{path}", "--out", "{path}.csv", "--jobs", "0"), names="--jobs"),
    # report text that would act on a terminal: shown escaped in a table
    "terminal-escapes-table": Case(written("escapes.txt", GOOD.read_text(encoding="utf-8") + "\n推进“\x1b]52;c;ZXZpbA==\x07\x1b[2J”行动。\n"),
                                   "table", args=("terms", "{path}")),
    # a good report, and a locale or encoding that cannot write Chinese
    "ascii-output-json": Case(good, "ok", env={"PYTHONIOENCODING": "ascii"}),
    "ascii-output-table": Case(good, "table", args=("indicators", "{path}"), env={"PYTHONIOENCODING": "ascii"}),
    "ascii-output-metadata": Case(good, "table", args=("metadata", "{path}"), env={"PYTHONIOENCODING": "ascii"}),
    "ascii-output-error": Case(lambda folder: folder / "无此报告.txt", "error", ("no such file",),
                               env={"PYTHONIOENCODING": "ascii"}, names="\\u65e0\\u6b64"),
    "c-locale-json": Case(good, "ok", env={"LC_ALL": "C", "LANG": "C"}),
    "c-locale-table": Case(good, "table", args=("sections", "{path}"), env={"LC_ALL": "C", "LANG": "C"}),
}

#: Cases that need what only some systems have.
NEEDS = {
    "fifo": pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes"),
    "dev-zero": pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero"),
    "symlink-to-dev-zero": pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero"),
    **{name: pytest.mark.skipif(not Path(DEV_FULL).exists(), reason="no /dev/full")
       for name in ("stdout-disk-full-json", "stdout-disk-full-table", "corpus-out-to-a-device", "build-out-to-a-device")},
}


def check_outcome(proc: subprocess.CompletedProcess, path: Path, case: Case) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    if case.outcome == "ok":
        assert proc.returncode == 0, proc.stderr
        rows = json.loads(proc.stdout)
        assert isinstance(rows, list)
        text = load_report(path).text
        assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    elif case.outcome == "table":
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == ""
        assert not any(ch in proc.stdout for ch in "\x1b\x07\x9b"), "a control character reached the terminal"
        lines = proc.stdout.splitlines()
        assert len(lines) >= 3 and set(lines[1]) <= {"-", " "}, lines[:3]
    elif case.outcome == "quiet":
        assert (proc.returncode, proc.stderr) == (141, "")
    else:
        assert proc.returncode == 2, (proc.returncode, proc.stderr[-500:])
        assert proc.stdout == ""
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1, lines
        assert (case.names or path.name) in lines[0], lines[0]
        assert any(m.lower() in lines[0].lower() for m in case.message), lines[0]


@pytest.mark.parametrize("name", [pytest.param(name, marks=NEEDS.get(name, ())) for name in CASES])
def test_bad_input(tmp_path, name):
    case = CASES[name]
    path = case.make(tmp_path)
    args = [a.replace("{path}", str(path)) for a in case.args]
    proc = run(*args, timeout=120, env=case.env, stdout=case.stdout)
    check_outcome(proc, path, case)
    if case.note is not None:
        notes = load_report(path).notes
        assert any(case.note in n for n in notes), notes


def test_wrong_encoding_bytes_really_are_wrong():
    for encoding in ("utf-8", "gb18030", "utf-16"):
        if encoding == "utf-16":
            assert not WRONG_ENCODING.startswith((b"\xff\xfe", b"\xfe\xff"))
            continue
        with pytest.raises(UnicodeDecodeError):
            WRONG_ENCODING.decode(encoding)


@pytest.fixture(scope="module")
def huge_report(tmp_path_factory) -> Path:
    """A 50 MB report: the full fixture report's body repeated (written once)."""
    text = GOOD.read_text(encoding="utf-8")
    head, body = text.split("一、", 1)
    body = "一、" + body
    block = body.encode("utf-8")
    path = tmp_path_factory.mktemp("huge") / "huge-report.txt"
    with path.open("wb") as f:
        f.write(head.encode("utf-8"))
        written_bytes = len(head.encode("utf-8"))
        while written_bytes < HUGE_BYTES:
            f.write(block)
            written_bytes += len(block)
    return path


def test_huge_file_succeeds_or_fails_in_one_line(huge_report):
    """50 MB: either JSON or a one-line error (too large); the timeout only stops a
    run that hangs (speed is measured by make bench)."""
    proc = run("indicators", str(huge_report), "--json", timeout=4 * HUGE_SECONDS)
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    if proc.returncode == 0:
        rows = json.loads(proc.stdout)
        assert isinstance(rows, list) and rows
    else:
        assert proc.returncode == 2 and proc.stdout == ""
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and huge_report.name in lines[0], lines


# the corpus command


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def names(value: str) -> set[str]:
    return {value, Path(value).name, Path(value).stem}


def test_corpus_skips_a_bad_file_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / "good-report.txt"
    good.write_bytes(GOOD.read_bytes())
    bad = folder / "broken-report.txt"
    bad.write_bytes(WRONG_ENCODING)
    out = tmp_path / "corpus.csv"
    proc = run("corpus", str(folder), "--out", str(out), timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.replace(str(tmp_path), "").splitlines()  # the folder's name holds "skips"
    assert any(bad.name in line for line in lines), proc.stderr
    # progress lines may name every file; only the bad one is reported as failing
    assert not any(
        good.name in line and any(w in line.lower() for w in ("skip", "error", "fail")) for line in lines
    ), proc.stderr
    rows = read_rows(out)
    assert rows
    assert all(good.name in names(r["report"]) or good.stem in names(r["report"]) for r in rows)
    assert len(rows) == len(load_report(good).indicators)


def test_corpus_of_only_bad_files_writes_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "broken-report.txt").write_bytes(WRONG_ENCODING)
    (folder / "empty-report.txt").write_bytes(b"")
    out = tmp_path / "corpus.csv"
    proc = run("corpus", str(folder), "--out", str(out), timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 2, proc.stderr
    assert "broken-report.txt" in proc.stderr and "empty-report.txt" in proc.stderr
    assert not out.exists()
    assert not out.with_name("corpus-sections.csv").exists()


def test_corpus_into_a_missing_folder_writes_nothing(tmp_path):
    out = tmp_path / "no-such-folder" / "corpus.csv"
    proc = run("corpus", str(GOOD), "--out", str(out), timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not out.exists()
    assert not out.with_name("corpus-sections.csv").exists()


def test_corpus_onto_a_folder_writes_nothing(tmp_path):
    out = tmp_path / "taken"
    out.mkdir()
    proc = run("corpus", str(GOOD), "--out", str(out), timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert list(out.iterdir()) == []
