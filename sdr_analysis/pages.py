"""HTML pages of executed write-up notebooks: code hidden, type set for Chinese, one
stylesheet shared by every page of a report."""

from __future__ import annotations

import os
import re
from pathlib import Path

#: Added to every HTML page's stylesheet: type set for Chinese, a readable measure.
PAGE_STYLE = """
@font-face { font-family: "Report CJK"; src: url("cjk.woff") format("woff"); }
body, .jp-RenderedHTMLCommon { font-family: "Report CJK", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; }
.jp-RenderedHTMLCommon { line-height: 1.8; font-size: 15px; }
code, pre, .jp-RenderedHTMLCommon code { font-family: "DejaVu Sans Mono", Menlo, Consolas, "Report CJK", monospace; }
.jp-Notebook { max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
.jp-RenderedHTMLCommon table { font-size: 13px; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { white-space: normal; text-align: left !important; }
.jp-RenderedHTMLCommon a[href^="#S"] { text-decoration: none; font-size: 0.8em; vertical-align: super; }
"""
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
#: A style block of the page's head: its content goes to the shared stylesheet.
HEAD_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
PAGE_CSS = "page.css"


def notebook_page(path: Path, title: str) -> None:
    """An HTML page of the notebook: code hidden, no scripts (the page reads offline),
    type set for Chinese."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4), resources={"metadata": {"name": title}})
    body = SCRIPT.sub("", body)
    head_end = body.index("</head>")
    styles = HEAD_STYLE.findall(body, 0, head_end)
    head = HEAD_STYLE.sub("", body[:head_end])
    # the page's stylesheet is the same for every page: one shared file, not a copy in each
    _write_if_changed(path.parent / PAGE_CSS, "\n".join(styles) + "\n" + PAGE_STYLE)
    body = head + f'<link rel="stylesheet" href="{PAGE_CSS}">\n' + body[head_end:]
    path.with_suffix(".html").write_text(body, encoding="utf-8")


def _write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` through a temporary file renamed into place: workers writing the
    same shared file at once each leave it whole."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
