"""Reports published as PDF or Word files: their text, through pdfium (``pypdfium2``)
and ``python-docx``.

A file is told by its content, not its name: a PDF starts with ``%PDF-``, a Word file
(``.docx``) is a zip holding ``word/document.xml``. The text made here is the report's
text from then on: every offset found later is an offset into it (a build keeps it
beside its tables as ``report.txt``).

A PDF's pages are read line by line with each line's place on the page. What stands at
the top or bottom of the pages and is no report text is left out: page numbers
(``— 3 —``, ``-3-``, ``第3页``) and a running header or footer (a line repeated there on
most pages). Lines the page width broke are joined: a line that runs to the right edge
of the text, ends no sentence and is followed by a line that is not indented goes on
in it. A wrapped line that starts ``2、`` is so joined to its paragraph, and is no
heading. A Word file's paragraphs are the report's paragraphs, and each table cell is
one line; its running headers and page numbers live outside the body and are not read.
A paragraph Word numbers (``一、``, ``（一）`` from ``numbering.xml``) starts with the
marker a reader sees.
"""

from __future__ import annotations

import io
import re
import statistics
import zipfile
import zlib
from collections import Counter
from math import ceil
from typing import Iterator, NamedTuple, Optional, Sequence

from .chars import HAN_CHAR
from .docx_numbering import WordNumbering
from .exceptions import MissingDependency, ReportReadError
from .layout import LINE_ENDS, PAGE_NUMBER

PDF_MAGIC = b"%PDF-"
#: A PDF may have a few bytes before its header; readers look this far for it.
PDF_MAGIC_WITHIN = 1024
ZIP_MAGIC = b"PK\x03\x04"
#: An OLE compound file: an old Word ``.doc``, or an Office file under a password.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCX_BODY = "word/document.xml"
#: What reading a damaged Word file raises (besides lxml's and python-docx's own errors).
DAMAGED_DOCX = (zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError, OSError, NotImplementedError)

#: A Word file's body unpacked past this is refused before it is read: no report's
#: text takes this much XML, and a zip bomb (a small file unpacking to gigabytes) must
#: not fill the memory. All its parts together (pictures too) are held to the second.
MAX_DOCX_BODY_BYTES = 60_000_000
MAX_DOCX_UNPACKED_BYTES = 250_000_000

#: A PDF with fewer Chinese characters than this in its text layer is taken to be
#: pages of images.
MIN_TEXT_CHARS = 20

#: Page numbers and running headers are looked for among this many lines at the top
#: and at the bottom of each page.
EDGE_LINES = 3
#: A line (digits aside) at the top or bottom of at least this share of the pages, and
#: of two pages at least, is a running header or footer. An occurrence this many times
#: taller than the others is the report's title on its first page, and is kept.
RUNNING_SHARE = 0.5
RUNNING_MIN_PAGES = 2
TITLE_HEIGHT = 1.25

#: A line runs to the right edge when it ends within this many character heights of
#: the edge of the text (justified text ends on it; a character that did not fit
#: leaves less than one); the next line is indented when it starts more than this many
#: heights right of the text's left edge.
FULL_SLACK = 1.5
INDENT_SLACK = 1.0
#: The text's edges: the line ends and starts this far into their sorted values, so
#: that a wide table or a centred title does not move them.
EDGE_QUANTILE = 0.1
#: A text indents its paragraphs when at least this share of the lines after a line
#: that stops short of the right edge (and this many) are indented.
INDENTED_SHARE = 0.5
INDENTED_MIN = 3

NO_TEXT_LAYER = "has no text layer (a scanned PDF?); run OCR on it first or use a text copy"


class Line(NamedTuple):
    """One line of a PDF page: its text (white space at its ends left out) and its box,
    in points from the page's bottom left."""

    text: str
    left: float
    right: float
    bottom: float
    top: float

    @property
    def height(self) -> float:
        return self.top - self.bottom


def kind_of(data: bytes) -> Optional[str]:
    """``pdf``, ``docx``, ``zip`` (another zip), ``damaged zip``, ``ole`` (an old ``.doc`` or a file
    under a password) or ``None`` (text, or bytes of no format read here)."""
    at = data.find(PDF_MAGIC, 0, PDF_MAGIC_WITHIN)
    if at == 0 or (at > 0 and b"\x00" not in data[:at]):
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return "docx" if DOCX_BODY in zf.namelist() else "zip"
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return "damaged zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    return None


def extract(data: bytes, source: str) -> Optional[tuple[str, str]]:
    """``(text, format)`` of a PDF or a Word file, or ``None`` for bytes of another
    kind (to be decoded as text). Raises :class:`ReportReadError` for a file of these
    kinds that holds no text or cannot be read."""
    kind = kind_of(data)
    if kind == "pdf":
        return pdf_text(data, source), "pdf"
    if kind == "docx":
        return docx_text(data, source), "docx"
    if kind == "damaged zip":
        raise ReportReadError(source, "this zip (or Word .docx) file is damaged or cut short; save or download it again")
    if kind == "zip":
        raise ReportReadError(source, "this is a zip archive with no Word document inside (word/document.xml); unpack it and give the report")
    if kind == "ole":
        raise ReportReadError(
            source, "this is an old Word .doc file, or an Office file under a password; save it as .docx without a password, or as text"
        )
    return None


# PDF


def pdf_text(data: bytes, source: str) -> str:
    """The report text of a PDF's text layer (see the module's description)."""
    pages = pdf_lines(data, source)
    if sum(len(HAN_CHAR.findall(line.text)) for page in pages for line in page) < MIN_TEXT_CHARS:
        raise ReportReadError(source, NO_TEXT_LAYER)
    return joined(without_furniture(pages))


def pdf_lines(data: bytes, source: str) -> list[list[Line]]:
    """Each page's lines, top to bottom as pdfium reads them, blank lines left out."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a dependency
        raise MissingDependency("pypdfium2") from None
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ReportReadError(source, _pdf_error(str(exc))) from None
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            try:
                pages.append(list(_page_lines(textpage)))
            finally:
                textpage.close()
                page.close()
        return pages
    except pdfium.PdfiumError as exc:
        raise ReportReadError(source, _pdf_error(str(exc))) from None
    finally:
        pdf.close()


def _pdf_error(message: str) -> str:
    if "password" in message.lower() or "security" in message.lower():
        return "this PDF is encrypted (it asks for a password); remove the password or use a text copy"
    return f"this PDF is damaged and cannot be read ({message.strip() or 'unknown error'}); download it again or use a text copy"


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _page_lines(textpage) -> Iterator[Line]:
    text = textpage.get_text_range()
    at = _char_indexes(text, textpage.count_chars())
    start = 0
    for brk in [*LINE_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        kept = [i for i in range(start, end) if not (text[i] == " " and at and _is_gap(textpage, text, i, at[i], start, end))]
        raw = "".join(text[i] for i in kept)
        if raw.strip():
            boxes = [textpage.get_charbox(at[i], loose=True) for i in kept if not text[i].isspace()] if at else []
            if boxes:
                yield Line(raw.strip(), min(b[0] for b in boxes), max(b[2] for b in boxes), min(b[1] for b in boxes), max(b[3] for b in boxes))
            else:
                yield Line(raw.strip(), 0.0, 0.0, 0.0, 0.0)
        start = brk.end() if brk else len(text)


def _char_indexes(text: str, count: int) -> Optional[list[int]]:
    """pdfium's index of each character of ``text``, the page's text as pdfium gives
    it: one each, or two for a character past the BMP where pdfium counts its two
    halves; ``None`` where neither fits (the lines then have no place on the page)."""
    if len(text) == count:
        return list(range(count))
    out, i = [], 0
    for ch in text:
        out.append(i)
        i += 2 if ord(ch) > 0xFFFF else 1
    return out if i == count else None


def _is_gap(textpage, text: str, i: int, index: int, start: int, end: int) -> bool:
    """Whether the space ``text[i]`` is one pdfium put where characters placed one by
    one stand apart (``政 府 工 作``, ``1 2 . 5``), not one of the text's own: a
    generated space that does not part two Latin words."""
    import pypdfium2.raw as pdfium_c

    if pdfium_c.FPDFText_IsGenerated(textpage.raw, index) != 1:
        return False
    before, after = text[i - 1] if i > start else "", text[i + 1] if i + 1 < end else ""
    return not (before.isascii() and before.isalpha() and after.isascii() and after.isalpha())


def _shape(text: str) -> str:
    """A line with its numbers and white space left out: a running footer ``第3页 某某县``
    has the same shape on every page."""
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", text))


def _is_page_number(line: Line) -> bool:
    return bool(PAGE_NUMBER.fullmatch(line.text))


def without_furniture(pages: Sequence[Sequence[Line]]) -> list[list[Line]]:
    """The pages less their page numbers and running headers and footers, found among
    the lines at each page's top and bottom."""
    edges: Counter[str] = Counter()
    heights: dict[str, list[float]] = {}
    for page in pages:
        body = [line for i, line in enumerate(page) if not (_at_edge(i, len(page)) and _is_page_number(line))]
        for line in {id(x): x for x in body[:1] + body[-1:]}.values():
            edges[_shape(line.text)] += 1
            heights.setdefault(_shape(line.text), []).append(line.height)
    need = max(RUNNING_MIN_PAGES, ceil(RUNNING_SHARE * len(pages)))
    running = {shape: statistics.median(heights[shape]) for shape, n in edges.items() if n >= need}

    def is_furniture(line: Line) -> bool:
        if _is_page_number(line):
            return True
        usual = running.get(_shape(line.text))
        return usual is not None and line.height <= TITLE_HEIGHT * usual

    out = []
    for page in pages:
        lines = list(page)
        for _ in range(EDGE_LINES):
            if lines and is_furniture(lines[0]):
                del lines[0]
            if lines and is_furniture(lines[-1]):
                del lines[-1]
        out.append(lines)
    return out


def _at_edge(i: int, n: int) -> bool:
    return i < EDGE_LINES or i >= n - EDGE_LINES


def joined(pages: Sequence[Sequence[Line]]) -> str:
    """The pages' lines as paragraphs, one a line: a line broken by the page width is
    joined to the next (see :class:`Wrapping`), across a page break too."""
    lines = [line for page in pages for line in page]
    if not lines:
        return ""
    wrapping = Wrapping.of(lines)
    out = [lines[0].text]
    for prev, line in zip(lines, lines[1:]):
        out.append("" if wrapping.runs_on(prev, line) else "\n")
        out.append(line.text)
    return "".join(out) + "\n"


class Wrapping(NamedTuple):
    """How a PDF's text is set: the left and right edges of its lines, the height of a
    line of text (``em``), and whether it indents the first line of its paragraphs."""

    left: float
    right: float
    em: float
    indents: bool

    @classmethod
    def of(cls, lines: Sequence[Line]) -> "Wrapping":
        placed = [line for line in lines if line.right > line.left]
        if not placed:
            return cls(0.0, 0.0, 0.0, False)
        right = _quantile([line.right for line in placed], 1 - EDGE_QUANTILE)
        left = _quantile([line.left for line in placed], EDGE_QUANTILE)
        em = statistics.median(line.height for line in placed)
        # after a line that stops short of the edge a paragraph starts: is it indented?
        starts = [line.left > left + INDENT_SLACK * em for prev, line in zip(placed, placed[1:]) if prev.right < right - FULL_SLACK * em]
        return cls(left, right, em, len(starts) >= INDENTED_MIN and sum(starts) >= INDENTED_SHARE * len(starts))

    def runs_on(self, prev: Line, line: Line) -> bool:
        """Whether ``line`` goes on with ``prev``'s paragraph: ``prev`` runs to the
        text's right edge and ``line`` starts at the left edge, not indented. Where the
        text indents its paragraphs, that is all (a full line may end a sentence and the
        paragraph go on: ``…施工图。`` then ``二是…``); where it does not, ``prev`` must
        also end no sentence. Two lines set larger than the text (a title on two lines)
        run on where the first ends no sentence."""
        if self.em <= 0 or prev.right <= prev.left or line.right <= line.left:
            return False
        ends_sentence = prev.text[-1] in LINE_ENDS
        if min(prev.height, line.height) > TITLE_HEIGHT * self.em:
            return not ends_sentence
        if self.indents or not ends_sentence:
            return prev.right >= self.right - FULL_SLACK * self.em and line.left <= self.left + INDENT_SLACK * self.em
        return False


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# Word


def docx_text(data: bytes, source: str) -> str:
    """The text of a Word file's body: each paragraph one line, each table cell one
    line (a merged cell once), in reading order."""
    try:
        import docx
    except ImportError:  # pragma: no cover - a dependency
        raise MissingDependency("python-docx") from None
    _check_unpacked(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = WordNumbering.of(document)
        lines = _blocks_lines(document.iter_inner_content(), numbering)
    except Exception as exc:
        # a damaged zip or part, and lxml's XML errors and python-docx's own, whose
        # classes come with those packages; any other error is no damage of the file
        if not isinstance(exc, DAMAGED_DOCX) and not type(exc).__module__.startswith(("lxml", "docx")):
            raise
        raise ReportReadError(source, f"this Word file is damaged and cannot be read ({type(exc).__name__}); save it again or use a text copy") from None
    kept = [line.strip() for line in lines if line.strip()]
    if not kept:
        raise ReportReadError(source, "this Word file holds no text (its pages may be pictures); run OCR on them or use a text copy")
    return "\n".join(kept) + "\n"


def _check_unpacked(data: bytes, source: str) -> None:
    """Refuse a Word file whose body, or whose parts together, unpack past their
    limits, reading only the sizes its zip directory declares (the zip reader never
    unpacks a part past its declared size)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
    body = next(i for i in infos if i.filename == DOCX_BODY)
    total = sum(i.file_size for i in infos)
    if body.file_size > MAX_DOCX_BODY_BYTES or total > MAX_DOCX_UNPACKED_BYTES:
        raise ReportReadError(
            source, f"this Word file unpacks to {total / 1e6:.0f} MB, more than any report holds "
            f"({MAX_DOCX_BODY_BYTES / 1e6:.0f} MB of text at most); it is not read"
        )


def _paragraph_lines(paragraph, numbering: WordNumbering) -> list[str]:
    """A paragraph's lines, the first after the marker Word numbers it with (``一、``,
    ``（一）``: see :mod:`sdr_analysis.docx_numbering`); a paragraph without text is
    counted and gives no line."""
    marker = numbering.marker(paragraph._p)
    lines = paragraph.text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if marker and first is not None:
        lines[first] = marker + lines[first].lstrip()
    return lines


def _blocks_lines(blocks, numbering: WordNumbering) -> list[str]:
    """The lines of a body's or a cell's paragraphs and tables, in reading order."""
    from docx.table import Table

    out: list[str] = []
    for block in blocks:
        out += _table_lines(block, numbering) if isinstance(block, Table) else _paragraph_lines(block, numbering)
    return out


def _table_lines(table, numbering: WordNumbering) -> list[str]:
    out: list[str] = []
    seen: set = set()  # the cells' elements: a merged cell is given once for each place it spans
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            out += _blocks_lines(cell.iter_inner_content(), numbering)
    return out
