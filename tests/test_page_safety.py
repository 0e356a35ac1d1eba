"""Pages are safe to publish: a report written to attack them (markup, scripts, links
and Markdown in its headings, sentences, labels, quoted terms and claims) is built as
text and as a saved page holding the same text escaped, and every page of each build
is read as a browser would: nothing in it can run or navigate, and the report's
sentences read exactly as written (runs notebooks: marked ``notebooks``)."""

from __future__ import annotations

import base64
import html
import re
from html.parser import HTMLParser

import pytest

from sdr_analysis import load_report
from sdr_analysis.build import build

pytestmark = pytest.mark.notebooks

REPORT = r"""某省某市某区人民政府工作报告(2023年1月5日)

  (一)稳定<img src=x onerror=alert(1)>经济增长*加快*发展。全区经济稳中有进,成本$5$元与$$6$$元。

  招商<svg onload=f()>。引进<b>项目</b>30余个,到位资金约12亿元`code`。在全省率先<svg onload=alert(3)>设立企业服务中心。推进“<img src=x onerror=alert(4)>”行动,建成[平台](javascript:alert(5))3个。

  (二)改善民生|表格|<iframe src=javascript:alert(6)></iframe>。民生投入占比80%,同比提高3个百分点\。

  <details open>教育</details>。新建<object data=x>学校</object>2所,各配备<base href=//evil.example/>校医1名。<meta http-equiv=refresh content=0;url=//evil.example/>实现学校安保全覆盖<style>*{display:none}</style>。

  (三)<script>alert(8)</script>改革**创新**。设立&lt;img src=x onerror=alert(9)&gt;基金5000万元。获评“*全国*文明城区”。

  `开放`*合作*$x$。与[伙伴](JaVaScRiPt:alert(10))签约项目12个。
"""

#: Sentences of REPORT, as written there: each must be on its section's page, word for word.
HOSTILE_SENTENCES = {
    1: [
        "(一)稳定<img src=x onerror=alert(1)>经济增长*加快*发展。",
        "全区经济稳中有进,成本$5$元与$$6$$元。",
        "招商<svg onload=f()>。",
        "引进<b>项目</b>30余个,到位资金约12亿元`code`。",
        "在全省率先<svg onload=alert(3)>设立企业服务中心。",
        "推进“<img src=x onerror=alert(4)>”行动,建成[平台](javascript:alert(5))3个。",
    ],
    2: [
        "(二)改善民生|表格|<iframe src=javascript:alert(6)></iframe>。",
        "民生投入占比80%,同比提高3个百分点\\。",
        "<details open>教育</details>。",
        "新建<object data=x>学校</object>2所,各配备<base href=//evil.example/>校医1名。",
        "<meta http-equiv=refresh content=0;url=//evil.example/>实现学校安保全覆盖<style>*{display:none}</style>。",
    ],
    3: [
        "(三)<script>alert(8)</script>改革**创新**。",
        "设立&lt;img src=x onerror=alert(9)&gt;基金5000万元。",
        "获评“*全国*文明城区”。",
        "`开放`*合作*$x$。",
        "与[伙伴](JaVaScRiPt:alert(10))签约项目12个。",
    ],
}
HEADINGS = {
    1: "(一)稳定<img src=x onerror=alert(1)>经济增长*加快*发展。",
    2: "(二)改善民生|表格|<iframe src=javascript:alert(6)></iframe>。",
    3: "(三)<script>alert(8)</script>改革**创新**。",
}


def saved_page(text: str) -> str:
    """``text`` as a saved web page: one paragraph per line, the text escaped."""
    paragraphs = "\n".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>某省某市某区人民政府工作报告</title></head>\n'
        f'<body><div id="content">\n{paragraphs}\n</div></body></html>\n'
    )


@pytest.fixture(scope="module", params=["text", "page"])
def built(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"hostile-{request.param}")
    if request.param == "text":
        src = root / "hostile-2023.txt"
        src.write_text(REPORT, encoding="utf-8")
    else:
        src = root / "hostile-2023.html"
        src.write_text(saved_page(REPORT), encoding="utf-8")
    folder = build(src, out=root / "reports", say=lambda line: None)
    return src, folder


#: Elements that run code, embed another document, change where links go or what the
#: page is, or react to the reader; none is ever written from report text.
FORBIDDEN = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "svg", "math", "details",
    "dialog", "form", "input", "button", "textarea", "select", "audio", "video", "source", "template", "noscript",
}
#: Attributes that hold a URL.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcset", "cite", "ping"}
#: Characters a browser skips in a URL's scheme.
URL_SKIPPED = re.compile(r"[\x00-\x20\x7f]+")
#: pandas puts one of these before each table: rules for its own tables only.
PANDAS_STYLE = re.compile(r"(?:\s*\.dataframe[^{}]*\{[^{}]*\})+\s*")
#: Links the write-ups make: to a sentence or heading on the page, or to a file beside it.
OWN_HREF = re.compile(r"#[^\s]*|[\w-]+\.(?:html|csv|css)")


class PageCheck(HTMLParser):
    """Reads a page as a browser would and lists what in it could run or navigate;
    keeps the text of the Sources list (``S1`` → sentence) and of the first ``h1``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.sources: dict[str, str] = {}
        self.h1: list[str] = []
        self.title = ""
        self._open: list[str] = []
        self._source: str | None = None
        self._style = ""
        self._anchor = False

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        if tag not in ("meta", "link", "img", "br", "hr", "input", "col", "wbr", "area", "base", "embed", "source", "track"):
            self._open.append(tag)
        named = dict(attrs)
        if tag == "a" and re.fullmatch(r"S\d+", named.get("id") or "") and "li" in self._open:
            self._source = named["id"]
            self.sources[self._source] = ""
        if tag == "h1":
            self.h1.append("")
        self._anchor = self._anchor or (tag == "a" and named.get("class") == "anchor-link")

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style" and "head" not in self._open and not PANDAS_STYLE.fullmatch(self._style):
            self.problems.append(f"style element in the body: {self._style[:80]!r}")
        if tag == "style":
            self._style = ""
        if tag == "li":
            self._source = None
        if tag == "a":
            self._anchor = False
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data):
        if self._open and self._open[-1] == "style":
            self._style += data
        if self._open and self._open[-1] == "title":
            self.title += data
        if self._source is not None:
            self.sources[self._source] += data
        if "h1" in self._open and not self._anchor:
            self.h1[-1] += data

    def _check(self, tag, attrs):
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attrs)}>"
        if tag in FORBIDDEN:
            self.problems.append(f"element: {where}")
        if tag == "meta" and any(k == "http-equiv" for k, _ in attrs):
            self.problems.append(f"meta http-equiv: {where}")
        if tag == "link" and dict(attrs) != {"rel": "stylesheet", "href": "page.css"}:
            self.problems.append(f"link: {where}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"event handler: {where}")
            if name == "style" and re.search(r"url\(|expression|script", value, re.I):
                self.problems.append(f"style attribute: {where}")
            if name in URL_ATTRIBUTES:
                url = URL_SKIPPED.sub("", html.unescape(value)).lower()
                if re.match(r"(?:java|vb)script:", url):
                    self.problems.append(f"script URL: {where}")
                elif tag == "img" and name == "src":
                    if not (value.startswith("data:image/png;base64,") and base64.b64decode(value[22:])[:8] == b"\x89PNG\r\n\x1a\n"):
                        self.problems.append(f"image not a PNG of ours: {where[:120]}")
                elif not OWN_HREF.fullmatch(value):
                    self.problems.append(f"URL not of ours: {where}")


def read_page(path) -> PageCheck:
    page = PageCheck()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def test_every_page_is_inert(built):
    _, folder = built
    pages = sorted(folder.glob("*.html"))
    assert {p.name for p in pages} >= {"index.html", "overview.html", "overview-zh.html", "section-1.html", "section-3-zh.html"}
    for path in pages:
        assert read_page(path).problems == [], path.name


@pytest.mark.parametrize("suffix", ["", "-zh"])
def test_sentences_read_exactly_as_written(built, suffix):
    src, folder = built
    report = load_report(src)
    for sec in report:
        page = read_page(folder / f"section-{sec.ordinal}{suffix}.html")
        shown = [page.sources[f"S{i}"].removeprefix(f"S{i} ") for i in range(1, len(page.sources) + 1)]
        assert shown == [s.text for s in sec.sentences]
        assert shown == HOSTILE_SENTENCES[sec.ordinal]


@pytest.mark.parametrize("suffix", ["", "-zh"])
def test_headings_and_titles_read_exactly_as_written(built, suffix):
    _, folder = built
    for n, heading in HEADINGS.items():
        page = read_page(folder / f"section-{n}{suffix}.html")
        assert page.title == heading
        assert page.h1 == [heading]  # the one title: the notebook's own is for JupyterLab, not the page
