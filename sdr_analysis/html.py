"""Report text from HTML pages (saved from a browser or a government site).

The page's text is extracted once, with a line break for every block element, and
becomes the report's text: every offset the library reports indexes that extracted
text. Scripts, styles, forms and the page's navigation, header and footer are left
out; what remains of the site's chrome (breadcrumbs, publishing lines, disclaimers) is
left to :mod:`sdr_analysis.cleaning`, as for any web dump.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: Elements whose content is never report text.
SKIPPED = frozenset((
    "script", "style", "noscript", "template", "svg", "canvas", "form", "button", "select", "textarea", "nav", "header",
    "footer", "aside", "iframe", "object", "head",
))

#: Elements that end a line of text.
BLOCKS = frozenset((
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "main", "h1", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "pre", "dd", "dt", "dl", "hr", "center", "td", "th", "title",
))

#: Class or id words that mark navigation and other page furniture.
FURNITURE = re.compile(r"nav|menu|breadcrumb|crumb|footer|header|sidebar|share|comment|toolbar|copyright|banner", re.I)

#: Elements that never have content, so never a closing tag.
VOID = frozenset(("br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"))

#: How the start of a text tells it is a page: a doctype, an html or body tag, or a
#: run of common block tags in its first part.
HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.I)
HTML_TAGS = re.compile(r"<(?:p|div|br|body|head|table|span)[\s>/]", re.I)
SNIFF = 2000
MIN_TAGS = 3


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page, told from its content, whatever the file is
    called."""
    head = text[:SNIFF]
    return bool(HTML_START.match(head)) or len(HTML_TAGS.findall(head)) >= MIN_TAGS


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []  # the open elements whose content is left out
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        if tag not in VOID and (self.skip or tag in SKIPPED or (marks and FURNITURE.search(marks))):
            self.skip.append(tag)
            return
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS and not self.skip:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if not self.skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The text of an HTML page: one line per block, blank lines collapsed, the
    page's ``<title>`` first when the body does not repeat it."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    raw = "".join(parser.parts).replace("\xa0", " ").replace("\r", "")
    lines = [line.strip(" \t") for line in raw.split("\n")]
    text = "\n\n".join(line for line in lines if line.strip())
    title = " ".join("".join(parser.title).split())
    if title and title not in text[: len(title) + 200]:
        text = title + "\n\n" + text
    return text + "\n" if text else ""
