"""HTML pages of executed write-up notebooks: code hidden, type set for Chinese, one
stylesheet shared by every page of a report, and no script.

The pages are exported with the package's nbconvert template ``page``
(``templates/page/``), which writes none of the scripts of JupyterLab's template and
no style element; the stylesheet comes from ``page.css.j2`` in the same folder.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

TEMPLATE = "page"
PAGE_CSS = "page.css"
#: The tag of a notebook cell that is left off the page.
NOTEBOOK_ONLY = "notebook-only"


def notebook_page(path: Path, title: str) -> None:
    """An HTML page of the notebook beside it: code hidden, no scripts (the page reads
    offline and runs nothing), type set for Chinese; ``page.css`` beside it."""
    import nbformat
    from nbconvert import HTMLExporter

    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(
        template_name=TEMPLATE,
        extra_template_basedirs=[str(files("sdr_analysis") / "templates")],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    # notes for a reader of the notebook (what it is, how to run it) are not on the
    # page, whose headings the notebook writes in the page's language
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={NOTEBOOK_ONLY}), enabled=True)
    body, resources = exporter.from_notebook_node(nbformat.read(path, as_version=4), resources={"metadata": {"name": title}})
    # the page's stylesheet is the same for every page: one shared file, not a copy in each
    _write_if_changed(path.parent / PAGE_CSS, page_css(exporter, resources))
    # the link goes in after export: the exporter re-serialises what its template
    # writes, and would write the tag as <link …/>
    body = body.replace("</head>", f'<link rel="stylesheet" href="{PAGE_CSS}">\n</head>', 1)
    path.with_suffix(".html").write_text(body, encoding="utf-8")


def page_css(exporter, resources: dict) -> str:
    """The shared stylesheet, from the template's ``page.css.j2`` in the exporter's
    template environment (its ``static/…`` files are lab's)."""
    env = exporter.environment
    template = env.get_template("page.css.j2")
    return template.render(resources=resources, static=lambda name: env.loader.get_source(env, name)[0])


def _write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` through a temporary file renamed into place: workers writing the
    same shared file at once each leave it whole."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
