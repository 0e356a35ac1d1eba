"""Text of the write-ups: report text made safe to show.

Report text is data, not markup. It reaches a page through Markdown (the write-up
parts, shown with ``display(Markdown(...))``) which nbconvert renders to HTML with
mistune, raw HTML and ``$…$`` math included. :func:`escape_markdown` is the one way
report text enters that Markdown.
"""

from __future__ import annotations

import string

#: Characters that are markup in HTML: written as character references, so they stay
#: text in element content and in attribute values alike.
HTML_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}

#: Whitespace that would end a line or a paragraph, or start a code block, in Markdown.
LINE_WHITESPACE = "\t\n\r\x0b\x0c"

_ESCAPES = {
    **{ch: "\\" + ch for ch in string.punctuation},
    **{ch: f"&#{ord(ch)};" for ch in LINE_WHITESPACE},
    **HTML_REFERENCES,
}
_TABLE = str.maketrans(_ESCAPES)


def escape_markdown(text: str) -> str:
    """``text`` written as Markdown that renders to exactly ``text``.

    Guarantees, for nbconvert's Markdown renderer (mistune with its math, table, url,
    strikethrough, task list and definition list rules) and for CommonMark renderers:

    - every character of ``text`` is shown, and only those: the text content of the
      rendered HTML equals ``text``, whitespace included;
    - nothing in it is interpreted: no element, attribute, link, image, heading, list,
      table, emphasis, code span, math or line break comes from ``text``; only the
      element around it, which the caller's own Markdown makes;
    - the result is inert as HTML too: ``&``, ``<``, ``>`` and both quotes are
      character references, so it cannot open a tag or leave an attribute value.

    How: ``& < > " '`` become character references; every other ASCII punctuation
    character is backslash-escaped (``\\$`` is text to nbconvert's math rules, as
    ``\\*`` is to emphasis); tabs and line breaks, and whitespace at either end (which
    Markdown would strip), become numeric character references. Letters, digits and
    everything outside ASCII (Chinese text and its full-width punctuation) are left as
    they are.
    """
    escaped = text.translate(_TABLE)
    start = len(escaped) - len(escaped.lstrip())
    end = max(len(escaped.rstrip()), start)
    return _references(escaped[:start]) + escaped[start:end] + _references(escaped[end:])


def _references(chars: str) -> str:
    return "".join(f"&#{ord(ch)};" for ch in chars)
