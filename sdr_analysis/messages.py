"""Text of the write-ups: report text made safe to show, and the pages' own words.

Report text is data, not markup. It reaches a page through Markdown (the write-up
parts, shown with ``display(Markdown(...))``) which nbconvert renders to HTML with
mistune, raw HTML and ``$…$`` math included. :func:`escape_markdown` is the one way
report text enters that Markdown.

The pages' own words, in each language, are in ``data/messages.toml`` (:func:`t`);
text of several sentences shaped by the data, in templates under ``templates/text/``
(:func:`render`).
"""

from __future__ import annotations

import functools
import re
import string
import tomllib
from importlib.resources import files
from typing import Any

from .exceptions import NothingToCount, ParameterError

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


# the words of the pages


#: The catalog of the pages' words, and the folder of their text templates, in the package.
CATALOG = "data/messages.toml"
TEXT_TEMPLATES = "templates/text"


@functools.cache
def catalog() -> dict[str, dict[str, Any]]:
    """The words of the pages per language (``data/messages.toml``); the same keys in each."""
    return tomllib.loads(files("sdr_analysis").joinpath(CATALOG).read_text(encoding="utf-8"))


def t(lang: str, key: str) -> Any:
    """The words for ``key`` in ``lang``; a dotted key reaches into a table
    (``"compare.series_title"``, ``"parts.themes"``). Raises :class:`ParameterError`
    for a language the catalog does not have, ``KeyError`` for a key it lacks."""
    words = catalog().get(lang) if isinstance(lang, str) else None
    if words is None:
        raise ParameterError("lang", lang, f"use one of: {', '.join(catalog())}")
    for part in key.split("."):
        words = words[part]
    return words


def counted(lang: str, key: str, n: int) -> str:
    """``n`` things in words (``one theme``, ``3 themes``; ``3个主题``). A count of none is
    never a finding: asking for one is an error of the caller."""
    if n < 1:
        raise NothingToCount(key)
    one, many = t(lang, f"counts.{key}")
    return one if n == 1 else many.format(n=n)


@functools.cache
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(files("sdr_analysis").joinpath(TEXT_TEMPLATES))),
        autoescape=False,  # Markdown, not HTML: report text comes in escaped already
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, lang: str, **fields: Any) -> str:
    """Text of several sentences from the template ``templates/text/<name>.<lang>.md.j2``,
    as Markdown paragraphs. Every field that holds report text must be escaped with
    :func:`escape_markdown` by the caller (the template adds only the page's own words).

    In a template a blank line ends a paragraph, and the lines of a paragraph are
    joined: with a space in English, with nothing in Chinese."""
    t(lang, "report")  # the language is one the catalog has
    text = _environment().get_template(f"{name}.{lang}.md.j2").render(**fields)
    joiner = " " if lang == "en" else ""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines:
            paragraphs.append(joiner.join(lines))
    return "\n\n".join(paragraphs)


def nest_quotes(text: str) -> str:
    """Text to stand inside “…”: its own double quotes become single ones (“…‘…’…”)."""
    return text.replace("“", "‘").replace("”", "’")
