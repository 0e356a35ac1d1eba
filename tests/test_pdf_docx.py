"""Reports published as PDF and Word files read as their text versions are.

The PDFs are made here from text reports (the seed and real reports), set as a county
office's PDF is: the report's title as a running header on every page, a page number
``— 3 —`` at the foot, paragraphs whose first line is indented and whose other lines
are justified to the page width, some of them broken right before a ``2、`` or a
``（三）`` inside the paragraph (which is no heading). What is found in the PDF (the
headings' markers and titles, the targets, the figures' text, value and unit) must be
what is found in the text; the same for a Word file of the report's paragraphs.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import CORPUS, SEED
from sdr_analysis import load_report
from sdr_analysis.exceptions import ReportReadError
from sdr_analysis.reading import MAX_REPORT_BYTES, decode

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (a test dependency) writes the PDFs")
docx = pytest.importorskip("docx", reason="python-docx writes the Word files")

#: Real reports made into PDFs: one with many ``一是``/``2、`` lists inside its
#: paragraphs, one in GB18030.
CORPUS_REPORTS = ("beijing-2026.txt", "hailar-2016.txt")

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0
MARGIN = 72.0
BODY_SIZE, HEADER_SIZE, TITLE_SIZE = 12, 9, 18
#: Where a line is broken early so that the next one starts with a list marker: the
#: marker must fall in the last part of the line (the line is then stretched to the
#: page width, as justified text is).
EARLY_BREAK_SHARE = 0.35
#: Space between characters placed one by one: wide enough for a reader to see a gap.
TRACKING = 4.0
MID_PARAGRAPH_MARKER = re.compile(r"\d{1,2}、|（[一二三四五六七八九十]{1,2}）|\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]是")


def paragraphs_of(text: str) -> list[str]:
    return [line.strip(" \t\u3000") for line in text.splitlines() if line.strip(" \t\u3000")]


def wrap(pdf, paragraph: str, width: float, indent: float, tracking: float = 0.0) -> list[str]:
    """The paragraph in lines of at most ``width`` (the first ``indent`` less), each
    as long as fits, unless a list marker inside the paragraph falls near a line's
    end: the line is then broken right before it."""
    out = []
    start = 0
    widths = [pdf.get_string_width(ch) + tracking for ch in paragraph]
    while start < len(paragraph):
        room = width - (indent if not out else 0)
        end, used = start, 0.0
        while end < len(paragraph) and used + widths[end] <= room:
            used += widths[end]
            end += 1
        end = max(end, start + 1)
        if end < len(paragraph):
            early = [m.start() for m in MID_PARAGRAPH_MARKER.finditer(paragraph, start + 1, end + 1)
                     if m.start() > start + (1 - EARLY_BREAK_SHARE) * (end - start)]
            if early:
                end = early[-1]
        out.append(paragraph[start:end])
        start = end
    return out


class ReportPdf(fpdf.FPDF):
    running_header = ""

    def header(self):
        self.set_font("cjk", size=HEADER_SIZE)
        self.set_xy(MARGIN, 30)
        self.cell(PAGE_WIDTH - 2 * MARGIN, HEADER_SIZE, self.running_header, align="C")
        self.set_y(MARGIN)

    def footer(self):
        self.set_font("cjk", size=HEADER_SIZE)
        self.set_xy(MARGIN, PAGE_HEIGHT - 45)
        self.cell(PAGE_WIDTH - 2 * MARGIN, HEADER_SIZE, f"— {self.page_no()} —", align="C")


def pdf_of(text: str, title: str, one_by_one: bool = False) -> tuple[bytes, list[str]]:
    """A PDF of the report's paragraphs (see the module's description), and the lines
    that begin with a list marker although they go on with a paragraph. With
    ``one_by_one`` each character is placed on its own, as some office suites write
    Chinese text, and set apart by :data:`TRACKING` (a reader sees gaps between them,
    where it puts spaces)."""
    from sdr_analysis.charts import cjk_font_path

    pdf = ReportPdf(unit="pt", format=(PAGE_WIDTH, PAGE_HEIGHT))
    pdf.running_header = title
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.c_margin = 0
    pdf.add_font("cjk", fname=str(cjk_font_path()))
    pdf.add_page()
    width = PAGE_WIDTH - 2 * MARGIN
    leading = BODY_SIZE * 1.6
    continued_markers = []
    for paragraph in paragraphs_of(text):
        if paragraph == title:
            pdf.set_font("cjk", size=TITLE_SIZE)
            pdf.set_x(MARGIN)
            pdf.multi_cell(width, TITLE_SIZE * 1.5, paragraph, align="C")
            continue
        pdf.set_font("cjk", size=BODY_SIZE)
        indent = 2 * BODY_SIZE
        tracking = TRACKING if one_by_one else 0.0
        lines = wrap(pdf, paragraph, width, indent, tracking)
        for i, line in enumerate(lines):
            room = width - (indent if i == 0 else 0)
            last = i == len(lines) - 1
            gaps = len(line) - 1
            spacing = (room - pdf.get_string_width(line) - tracking * len(line)) / gaps if not last and gaps > 0 else 0
            pdf.set_char_spacing(spacing)
            if pdf.get_y() + leading > PAGE_HEIGHT - MARGIN:
                pdf.add_page()
            x = MARGIN + (indent if i == 0 else 0)
            if one_by_one:
                pdf.set_char_spacing(0)
                for ch in line:
                    pdf.set_xy(x, pdf.get_y())
                    pdf.cell(text=ch, h=leading)
                    x += pdf.get_string_width(ch) + tracking + spacing
            else:
                pdf.set_xy(x, pdf.get_y())
                pdf.cell(room, leading, line)
            pdf.ln(leading)
            pdf.set_char_spacing(0)
            if i > 0 and MID_PARAGRAPH_MARKER.match(line):
                continued_markers.append(line)
    return bytes(pdf.output()), continued_markers


def docx_of(text: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs_of(text):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def findings(report) -> dict:
    return {
        "headings": [(h.marker, h.title, h.kind) for h in report.headings],
        "targets": [(t.text, t.value, t.unit, t.measure) for t in report.targets],
        "figures": [(i.text, i.value, i.unit) for i in report.indicators],
    }


def sources() -> list:
    out = [pytest.param(SEED, id="seed")]
    for name in CORPUS_REPORTS:
        path = CORPUS / name
        mark = pytest.mark.skipif(not path.is_file(), reason=f"the real report {name} is absent here (set SDR_CORPUS)")
        out.append(pytest.param(path, id=name, marks=mark))
    return out


@lru_cache(maxsize=None)
def text_report(path: Path):
    return load_report(path)


def title_of(path: Path) -> str:
    title = text_report(path).document.title
    return title.text.strip() if title else ""


@lru_cache(maxsize=None)
def made(path: Path, kind: str, folder: Path) -> tuple[Path, list[str]]:
    text = decode(path.read_bytes(), str(path))
    title = title_of(path) or paragraphs_of(text)[0]
    if kind in ("pdf", "pdf-one-by-one"):
        data, continued = pdf_of(text, title, one_by_one=kind == "pdf-one-by-one")
    else:
        data, continued = docx_of(text), []
    # a name that says nothing of the format: the content tells it
    out = folder / f"{path.stem}-{kind}.report"
    out.write_bytes(data)
    return out, continued


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("formats")


@pytest.mark.parametrize("kind", ["pdf", "docx"])
@pytest.mark.parametrize("path", sources())
def test_same_findings_as_the_text(path, kind, folder):
    made_path, _ = made(path, kind, folder)
    report = load_report(made_path)
    assert report.format == kind
    want, got = findings(text_report(path)), findings(report)
    assert want["headings"], "the text version has headings"
    for key in want:
        assert got[key] == want[key], key


def test_pdf_of_characters_placed_one_by_one(folder):
    """Each character on its own (a reader puts a space in each gap: ``1 2 . 5 亿 元``):
    the same findings as the text."""
    made_path, _ = made(SEED, "pdf-one-by-one", folder)
    report = load_report(made_path)
    assert findings(report) == findings(text_report(SEED))


@pytest.mark.parametrize("path", sources())
def test_pdf_furniture_is_left_out(path, folder):
    made_path, continued = made(path, "pdf", folder)
    text = load_report(made_path).text
    assert "— 2 —" not in text and "— 3 —" not in text
    title = title_of(path)
    assert title and text.count(title) == decode(path.read_bytes(), str(path)).count(title), "the running header is left out, the title kept"
    # lines that start with a list marker inside a paragraph are joined to it
    for line in continued:
        at = text.index(line)
        assert text[at - 1] != "\n", line


def test_some_wrapped_lines_start_with_a_marker(folder):
    """The seed and Beijing's report hold lists inside paragraphs: the PDFs made of them
    break lines right before some of their markers."""
    _, continued = made(SEED, "pdf", folder)
    beijing = CORPUS / CORPUS_REPORTS[0]
    if beijing.is_file():
        continued += made(beijing, "pdf", folder)[1]
    assert continued


def test_pdf_lines_ending_a_sentence_stay_apart(folder):
    made_path, _ = made(SEED, "pdf", folder)
    report = load_report(made_path)
    for paragraph in paragraphs_of(decode(SEED.read_bytes(), str(SEED))):
        if paragraph.endswith("。") and len(paragraph) > 10:
            assert paragraph + "\n" in report.text, paragraph[:20]


# Word: tables and notices


def test_docx_table_cells_are_lines(tmp_path):
    document = docx.Document()
    document.add_paragraph("某某县人民政府工作报告")
    document.add_paragraph("一、2023年工作回顾")
    document.add_paragraph("全县地区生产总值完成96.2亿元，增长5.1%。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "数值"
    table.cell(1, 0).text = "新增城镇就业"
    table.cell(1, 1).text = "2100人"
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 2)).text = "合并的单元格"
    document.add_paragraph("二、2024年工作安排")
    path = tmp_path / "report.docx"
    document.save(path)
    text = load_report(path).text
    assert text.splitlines() == [
        "某某县人民政府工作报告", "一、2023年工作回顾", "全县地区生产总值完成96.2亿元，增长5.1%。",
        "指标", "数值", "新增城镇就业", "2100人", "合并的单元格", "二、2024年工作安排",
    ]


# refusals: one line each


def images_pdf() -> bytes:
    """A PDF whose page is a picture of text: no text layer."""
    from PIL import Image

    pdf = fpdf.FPDF()
    pdf.add_page()
    picture = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(picture, format="PNG")
    pdf.image(picture, x=10, y=10, w=100)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = fpdf.FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="report")
    return bytes(pdf.output())


def zip_bomb_docx() -> bytes:
    """A Word file whose body unpacks to more than a report could hold (zeros, which
    pack to almost nothing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as body:
            chunk = b"\x00" * (1 << 20)
            for _ in range(MAX_REPORT_BYTES * 5 // len(chunk)):
                body.write(chunk)
    return out.getvalue()


@pytest.mark.parametrize(
    "make, words",
    [
        (images_pdf, "no text layer"),
        (encrypted_pdf, "password"),
        (lambda: images_pdf()[:300], "damaged"),
        (zip_bomb_docx, "unpacks to"),
    ],
    ids=["scanned-pdf", "encrypted-pdf", "cut-short-pdf", "docx-zip-bomb"],
)
def test_refused_with_one_clear_reason(tmp_path, make, words):
    path = tmp_path / "report.bin"
    path.write_bytes(make())
    assert path.stat().st_size <= MAX_REPORT_BYTES
    with pytest.raises(ReportReadError) as caught:
        load_report(path)
    assert words in caught.value.reason
    assert "\n" not in str(caught.value)


def test_cli_refuses_a_scanned_pdf(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(images_pdf())
    proc = subprocess.run([sys.executable, "-m", "sdr_analysis", "indicators", str(path)], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "scan.pdf" in lines[0] and "no text layer" in lines[0], lines


# a document-sharing site's notices

NOTICES = [
    "1、下载文档前请自行甄别文档内容的完整性，平台不提供额外的编辑、内容补充、找答案等附加服务。",
    "2、“仅部分预览”的文档，不可在线预览部分如存在完整性等问题，可反馈申请退款（可完整预览的文档不适用该条件！）。",
    "3、如文档侵犯您的权益，请联系客服反馈，我们会尽快为您处理（人工客服工作时间：9:00-18:30）。",
]
SHARED_REPORT = [
    "某某县人民政府工作报告",
    *NOTICES,
    "一、2023年工作回顾",
    "全县地区生产总值完成96.2亿元，增长5.1%。新增城镇就业2100人。",
    "二、2024年工作安排",
    "全县地区生产总值增长6%左右。完成固定资产投资80亿元以上。",
    *NOTICES,
]


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_sharing_site_notices_are_furniture(tmp_path, kind):
    path = tmp_path / f"shared.{kind}"
    if kind == "txt":
        path.write_text("\n".join(SHARED_REPORT) + "\n", encoding="utf-8")
    else:
        document = docx.Document()
        for line in SHARED_REPORT:
            document.add_paragraph(line)
        document.save(path)
    report = load_report(path)
    assert [(h.marker, h.title) for h in report.headings] == [("一、", "2023年工作回顾"), ("二、", "2024年工作安排")]
    # the notices above the report are before its body; those below end it (or, inside
    # it, are furniture): no notice is report text
    assert all(n in report.text[: report.body[0]] for n in NOTICES)
    furniture = {report.text[s:e] for s, e in report.furniture}
    below = report.text.rindex(NOTICES[0])
    assert below >= report.body[1] or set(NOTICES) <= furniture
    assert all(i.start >= report.body[0] and not report.not_prose(i.start) for i in report.indicators)
    assert {i.text for i in report.indicators} >= {"96.2亿元", "2100人"}


# the notebooks and a build


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_notebooks_open_the_report_and_its_sections(kind, folder):
    from sdr_analysis.writeup import open_report, open_section

    made_path, _ = made(SEED, kind, folder)
    pdf_path = folder / f"seed.{kind}"  # as a user names it
    pdf_path.write_bytes(made_path.read_bytes())
    report = open_report(str(pdf_path), "en")
    keys = [s.key for s in report.sections]
    assert keys == [s.key for s in text_report(SEED).sections]
    _, section = open_section(str(pdf_path), keys[0], "en")
    assert section.indicators and all(report.text[i.start : i.end] == i.text for i in section.indicators)


def test_extracted_text_is_kept_beside_the_tables(folder, tmp_path):
    from sdr_analysis.build import write_report_text

    made_path, _ = made(SEED, "pdf", folder)
    pdf = load_report(made_path)
    write_report_text(pdf, tmp_path)
    kept = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert kept == pdf.text
    assert all(kept[i.start : i.end] == i.text for i in pdf.indicators)
    text_folder = tmp_path / "text"
    text_folder.mkdir()
    write_report_text(load_report(SEED), text_folder)
    assert not (text_folder / "report.txt").exists(), "a text file is its own text"


@pytest.mark.notebooks
def test_build_of_a_pdf(folder, tmp_path):
    made_path, _ = made(SEED, "pdf", folder)
    pdf_path = tmp_path / "shahekou.pdf"
    pdf_path.write_bytes(made_path.read_bytes())
    proc = subprocess.run([sys.executable, "-m", "sdr_analysis", "build", str(pdf_path), "--out", str(tmp_path / "out"), "--lang", "en"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    built = tmp_path / "out" / "shahekou"
    text = (built / "report.txt").read_text(encoding="utf-8")
    rows = json.loads((built / "indicators.json").read_text(encoding="utf-8"))
    assert rows and all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert {"overview.html", "index.html"} <= {p.name for p in built.iterdir()}


# the rules, on lines placed by hand (points from the page's bottom left; text 12 high,
# from 72 to 523, paragraphs indented by two characters)


def line(text: str, top: float, left: float = 72.0, right: float = 523.0, height: float = 12.0):
    from sdr_analysis.formats import Line

    return Line(text, left, right, top - height, top)


def test_page_numbers_and_running_lines_are_left_out_and_the_large_title_kept():
    from sdr_analysis.formats import without_furniture

    header = "某某县人民政府工作报告"
    pages = [
        [line(header, 800, 230, 360, 9), line(header, 760, 180, 410, 18), line("各位代表：", 700, 96, 156), line("-1-", 40, 290, 305)],
        [line(header, 800, 230, 360, 9), line("　现在，我代表县人民政府向大会报告工作。", 700, 96), line("第2页", 40, 285, 310)],
        [line(header, 800, 230, 360, 9), line("全县生产总值增长5%。", 700, 96, 300), line("本报告仅供参考 3", 60, 72, 250), line("— 3 —", 40, 285, 310)],
        [line("全县地区生产总值增长6%。", 700, 96, 300), line("本报告仅供参考 4", 60, 72, 250)],
    ]
    kept = [[x.text for x in page] for page in without_furniture(pages)]
    assert kept == [[header, "各位代表："], ["　现在，我代表县人民政府向大会报告工作。"], ["全县生产总值增长5%。"], ["全县地区生产总值增长6%。"]]


def test_a_line_at_the_right_edge_runs_on_unless_the_next_is_indented():
    from sdr_analysis.formats import joined

    page = [
        line("（一）做强产业。", 700, 96, 192),
        line("全县新建项目12个，总投资45亿元，其中工业项目8个，完成投资30亿元，带动就", 680, 96),
        line("业2100人。", 660, 72, 132),
        line("新增城镇就业2100人，城镇登记失业率控制在3.5%以内，全年实施重点项目70个，", 640, 96),
        line("2、实施的民生工程全部完成。", 620, 72, 240),
        line("二、2024年工作安排", 600, 96, 250),
    ]
    assert joined([page]).splitlines() == [
        "（一）做强产业。",
        "全县新建项目12个，总投资45亿元，其中工业项目8个，完成投资30亿元，带动就业2100人。",
        "新增城镇就业2100人，城镇登记失业率控制在3.5%以内，全年实施重点项目70个，2、实施的民生工程全部完成。",
        "二、2024年工作安排",
    ]


def test_without_indents_a_full_line_that_ends_a_sentence_ends_its_paragraph():
    from sdr_analysis.formats import joined

    page = [
        line("全县新建项目12个，总投资45亿元，其中工业项目8个，完成投资30亿元，带动就", 700),
        line("业2100人。", 680, 72, 132),
        line("新增城镇就业2100人，城镇登记失业率控制在3.5%以内，全年实施重点项目70个。", 660),
        line("2、实施民生工程。", 640, 72, 180),
        line("3、加强生态保护。", 620, 72, 180),
        line("4、深化改革开放。", 600, 72, 180),
    ]
    assert joined([page]).splitlines() == [
        "全县新建项目12个，总投资45亿元，其中工业项目8个，完成投资30亿元，带动就业2100人。",
        "新增城镇就业2100人，城镇登记失业率控制在3.5%以内，全年实施重点项目70个。",
        "2、实施民生工程。", "3、加强生态保护。", "4、深化改革开放。",
    ]


def test_a_folder_gives_its_pdf_and_word_reports(folder, tmp_path):
    from sdr_analysis.corpus import report_files

    for kind in ("pdf", "docx"):
        made_path, _ = made(SEED, kind, folder)
        (tmp_path / f"shahekou.{kind}").write_bytes(made_path.read_bytes())
    (tmp_path / "notes.doc").write_bytes(b"not a report format")
    assert [p.name for p in report_files([tmp_path])] == ["shahekou.docx", "shahekou.pdf"]
