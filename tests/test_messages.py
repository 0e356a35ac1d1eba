"""Report text in Markdown: rendered by nbconvert (its own markdown2html filter, and a
real HTML export with the package's page template) it reads exactly as written and
makes no element of its own."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nbconvert.filters.markdown import markdown2html

from sdr_analysis.messages import escape_markdown
from sdr_analysis.pages import notebook_page

#: Strings that mean something to Markdown, to mistune's extensions (math, tables,
#: autolinks, strikethrough, task lists, definition lists) or to HTML.
NASTY = [
    pytest.param("*斜体* **粗体** ***两者***", id="asterisks"),
    pytest.param("_a_ __b__ snake_case_name", id="underscores"),
    pytest.param("`代码` ``x`` ```", id="backticks"),
    pytest.param("成本$x$元与$$y$$元", id="dollar-math"),
    pytest.param("单价$5,总价$6", id="dollars-apart"),
    pytest.param(r"\$x\$ \\$y\\$", id="escaped-dollars"),
    pytest.param(r"\(x\) \[y\] \\(x\\) \\[y\\]", id="latex-delimiters"),
    pytest.param(r"\begin{equation}x\end{equation}", id="latex-environment"),
    pytest.param("a | b | c", id="pipes"),
    pytest.param("|甲|乙|\n|-|-|\n|1|2|", id="pipe-table"),
    pytest.param("\\ 反斜杠 \\\\ 结尾\\", id="backslashes"),
    pytest.param("[链接](javascript:alert(1)) [x][y]", id="markdown-link"),
    pytest.param("[y]: javascript:alert(1)", id="link-definition"),
    pytest.param("![图](x.png)", id="image"),
    pytest.param("<http://example.com> http://example.com www.example.com a@example.com", id="autolinks"),
    pytest.param("# 标题", id="heading"),
    pytest.param("标题\n===", id="setext-heading"),
    pytest.param("- 项\n+ 项\n* 项\n1. 项\n2) 项", id="list-markers"),
    pytest.param("- [ ] 任务", id="task-list"),
    pytest.param("名词\n: 定义", id="definition-list"),
    pytest.param("> 引用", id="blockquote"),
    pytest.param("    缩进代码", id="indented-code"),
    pytest.param("```\n代码\n```", id="fence"),
    pytest.param("~~删除~~ ~单~", id="strikethrough"),
    pytest.param("***\n---\n___", id="thematic-breaks"),
    pytest.param("<img src=x onerror=alert(1)>", id="img-onerror"),
    pytest.param("<svg onload=alert(1)>", id="svg-onload"),
    pytest.param("<details open ontoggle=alert(1)>", id="details-ontoggle"),
    pytest.param("<iframe src=javascript:alert(1)></iframe>", id="iframe"),
    pytest.param("<script>alert(1)</script>", id="script"),
    pytest.param("<object data=x></object><embed src=x>", id="object-embed"),
    pytest.param('<base href="//evil.example/">', id="base"),
    pytest.param('<meta http-equiv="refresh" content="0;url=//evil.example/">', id="meta-refresh"),
    pytest.param("<style>body{display:none}</style>", id="style"),
    pytest.param("<!-- 注释 -->", id="html-comment"),
    pytest.param("在全省率先<svg onload=alert(1)>设立企业服务中心", id="claim-with-svg"),
    pytest.param("“<img src=x onerror=alert(1)>”", id="quoted-term-with-img"),
    pytest.param("&lt;img src=x onerror=alert(1)&gt;", id="escaped-tag"),
    pytest.param("&amp; &#36; &nbsp; &bogus; & 符号", id="entities"),
    pytest.param("\"双引号\" '单引号'", id="quotes"),
    pytest.param("{{ x }} {% y %} {# z #}", id="template-braces"),
    pytest.param("投资5.1亿元,增长*8.1%*,(一)“一网通办”", id="cjk-mixed"),
    pytest.param("一行\n二行\n\n三段", id="line-breaks"),
    pytest.param("两个空格  \n硬换行", id="hard-break"),
    pytest.param("a\tb\t\tc", id="tabs"),
    pytest.param("  前后空格  ", id="edge-spaces"),
    pytest.param("\u3000\u3000全角空格开头", id="ideographic-spaces"),
    pytest.param("间隔\u00a0不断", id="no-break-space"),
    pytest.param(" ", id="only-a-space"),
]

#: The shapes in which the write-up puts report text into Markdown: the Markdown around
#: the text, the text the reader sees around it, and the elements that are ours.
CONTEXTS = {
    "paragraph": ("{}", "", {"p"}),
    "list-item": ("- {}", "", {"ul", "li"}),
    "heading": ("# {}", "", {"h1", "a"}),
    "source": ('- <a id="S1"></a>**S1** {}', "S1 ", {"ul", "li", "a", "strong"}),
    "link": ("- [{}](section-1.html)", "", {"ul", "li", "a"}),
    "quoted": ("“{}” ×2", "“", {"p"}),
}


class Rendered(HTMLParser):
    """The elements of rendered Markdown, and the text of the elements that hold text
    (``p``, ``li``, ``h1``); anchor links (``¶``) are not text.

    With ``outputs=True`` it reads a page and keeps one :class:`Rendered` per Markdown
    output (``<div data-mime-type="text/markdown">``), in ``self.outputs``.
    """

    CONTAINERS = {"p", "li", "h1"}

    def __init__(self, outputs: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text = ""
        self.outputs: list[Rendered] | None = [] if outputs else None
        self._depth = 0
        self._anchor = False
        self._divs = 0  # open divs inside the current output

    def _target(self) -> Rendered | None:
        if self.outputs is None:
            return self
        return self.outputs[-1] if self._divs else None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.outputs is not None:
            if self._divs:
                self._divs += tag == "div"
            elif tag == "div" and attrs.get("data-mime-type") == "text/markdown":
                self.outputs.append(Rendered())
                self._divs = 1
                return
        target = self._target()
        if target is None:
            return
        target.elements.append((tag, attrs))
        target._depth += tag in self.CONTAINERS
        target._anchor = target._anchor or (tag == "a" and attrs.get("class") == "anchor-link")

    def handle_endtag(self, tag):
        if self.outputs is not None and self._divs and tag == "div":
            self._divs -= 1
            return
        target = self._target()
        if target is None:
            return
        target._depth -= tag in self.CONTAINERS
        if tag == "a":
            target._anchor = False

    def handle_data(self, data):
        target = self._target()
        if target is not None and target._depth and not target._anchor:
            target.text += data


def rendered(html_text: str) -> Rendered:
    parser = Rendered()
    parser.feed(html_text)
    parser.close()
    return parser


def markdown_text(markdown: str) -> str:
    """What a reader sees of ``markdown`` rendered by nbconvert."""
    return rendered(markdown2html(markdown)).text


def check(text: str, context: str, page: Rendered) -> None:
    _, before, ours = CONTEXTS[context]
    assert page.text.startswith(before)
    shown = page.text[len(before):]
    if context == "quoted":
        shown = shown.removesuffix("” ×2")
    assert shown == text
    assert {tag for tag, _ in page.elements} <= ours
    for tag, attrs in page.elements:
        if tag == "a":  # only the links and anchors the Markdown around the text makes
            assert attrs.get("href") in ("section-1.html", None) or attrs.get("class") == "anchor-link", attrs
            assert set(attrs) <= {"href", "id", "class"}, attrs
        else:
            assert set(attrs) <= {"id"} and (not attrs or tag == "h1"), (tag, attrs)


@pytest.mark.parametrize("context", list(CONTEXTS))
@pytest.mark.parametrize("text", NASTY)
def test_markdown2html_shows_text_as_written(text, context):
    check(text, context, rendered(markdown2html(CONTEXTS[context][0].format(escape_markdown(text)))))


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_is_inert_as_html(text):
    escaped = escape_markdown(text)
    assert not set("<>\"'") & set(escaped)
    assert "&" not in re.sub(r"&(#\d+|amp|lt|gt|quot);", "", escaped)  # every & starts a character reference


SPECIALS = "\\`*_{}[]()#+-.!|~$:=<>&\"';,/?@%^ \t\n\u3000"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(SPECIALS) + list("甲乙丙5元ax")), min_size=1, max_size=30))
def test_any_mix_of_specials_reads_as_written(text):
    for context in CONTEXTS:
        check(text, context, rendered(markdown2html(CONTEXTS[context][0].format(escape_markdown(text)))))


def test_exported_page_shows_text_as_written(tmp_path):
    """Through a real export: every nasty string in a Markdown output, as the write-up
    notebooks display them, on a page made with the package's template."""
    # the exporter re-parses its page with BeautifulSoup, which writes a text node of
    # nothing but whitespace as one space or line break: text that is all whitespace
    # is left out here
    texts = [p.values[0] for p in NASTY if p.values[0].strip()]
    nb = nbformat.v4.new_notebook()
    for markdown, _, _ in CONTEXTS.values():
        for text in texts:
            cell = nbformat.v4.new_code_cell("display(Markdown(...))")
            cell.outputs = [nbformat.v4.new_output("display_data", data={
                "text/markdown": markdown.format(escape_markdown(text)), "text/plain": "<IPython.core.display.Markdown object>",
            })]
            nb.cells.append(cell)
    path = tmp_path / "page.ipynb"
    nbformat.write(nb, path)
    notebook_page(path, "<img src=x onerror=alert(1)>")
    page = path.with_suffix(".html").read_text(encoding="utf-8")
    parser = Rendered(outputs=True)
    parser.feed(page)
    parser.close()
    cases = [(context, text) for context in CONTEXTS for text in texts]
    assert len(parser.outputs) == len(cases)
    for (context, text), output in zip(cases, parser.outputs):
        check(text, context, output)
    assert "<title>&lt;img src=x onerror=alert(1)&gt;</title>" in page


def test_tables_escape_their_cells():
    """pandas writes a frame's cells, index and column names as escaped text (the
    indicator table's sentences, the sections table's titles)."""
    import pandas as pd

    texts = [p.values[0] for p in NASTY]
    frame = pd.DataFrame({"<b>列</b>": texts}, index=pd.Index(texts, name="<i>索引</i>"))
    with pd.option_context("display.max_colwidth", None):  # as charts.setup_display sets it
        table = frame._repr_html_()
    assert {tag for tag, _ in rendered(table).elements} <= {"div", "style", "table", "thead", "tbody", "tr", "th", "td"}
    cells = TableCells()
    cells.feed(table)
    assert cells.text.count("<b>列</b>") == 1 and "<i>索引</i>" in cells.text
    # pandas writes whitespace its own way (line breaks as \n, ends trimmed): compared
    # here is text whose whitespace is single spaces
    for text in [t for t in texts if t == " ".join(t.split())]:
        assert cells.text.count(text) == 2, text  # in the index and in the column


class TableCells(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self._cell = False

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._cell = True
            self.text.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._cell = False

    def handle_data(self, data):
        if self._cell:
            self.text[-1] += data


def test_charts_show_only_a_png():
    """A chart puts no text in HTML: its labels are pixels of a PNG."""
    from IPython.core.formatters import DisplayFormatter

    from sdr_analysis import plotting

    chart = plotting.barh(["<img src=x onerror=alert(1)>", "*甲*"], [1, 2], "标题", "x")
    data, _ = DisplayFormatter().format(chart)
    assert set(data) == {"image/png", "text/plain"}
    assert "onerror" not in data["text/plain"]
