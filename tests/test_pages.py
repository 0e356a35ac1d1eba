"""A report's index page from plain data, and the language a page declares."""

from __future__ import annotations

from sdr_analysis.pages import IndexPart, IndexRow, index_page, language_code


def elements(text, test):
    """The start tags of ``text`` for which ``test(tag, attrs)`` holds."""
    from html.parser import HTMLParser

    found = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if test(tag, attrs):
                found.append((tag, attrs))

    Parser().feed(text)
    return found


HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


def page(**kw):
    row = IndexRow(HOSTILE, [("en", "section-3.html"), ("zh", "section-3-zh.html")], 12, 19.5, "487万元", 5, HOSTILE)
    args = dict(title=HOSTILE, place="大连市", date="2022-12-24",
                parts=[IndexPart(None, None, [row]), IndexPart("一、2023年工作回顾", "Review · 工作回顾", [row])],
                overviews=[("en", "overview.html"), ("zh", "overview-zh.html")], notes=[HOSTILE], tables=["sections.csv"])
    args.update(kw)
    return index_page(**args)


def test_index_reads_on_a_phone_and_shares_the_pages_font():
    text = page()
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text
    assert '<html lang="zh-CN">' in text
    assert '<div class="table-scroll">' in text and "overflow-x: auto" in text
    assert text.count('src: url("cjk.woff")') == 1


def test_index_escapes_everything_and_holds_no_script():
    text = page()
    assert elements(text, lambda tag, attrs: tag in ("script", "img") or any(k.startswith("on") for k, _ in attrs)) == []
    assert text.count("&lt;script&gt;") == 7  # the title twice, two rows' names and key figures, the note
    assert 'href="section-3-zh.html" hreflang="zh-CN"' in text


def test_index_without_parts_or_notes():
    text = page(parts=[IndexPart(None, None, [])], notes=[], tables=[], overviews=[])
    assert 'class="part"' not in text and 'class="note"' not in text and "概览" not in text


def test_language_codes():
    assert language_code("zh") == "zh-CN" and language_code("en") == "en"


def test_a_page_declares_its_language(tmp_path):
    import nbformat

    from sdr_analysis.pages import notebook_page

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 标题")])
    for lang, code in (("zh", "zh-CN"), ("en", "en")):
        path = tmp_path / f"page-{lang}.ipynb"
        nbformat.write(nb, path)
        notebook_page(path, "标题", lang)
        text = path.with_suffix(".html").read_text(encoding="utf-8")
        assert f'<html lang="{code}">' in text and 'name="viewport"' in text
    notebook_page(path, "标题")
    assert '<html lang="en">' in path.with_suffix(".html").read_text(encoding="utf-8")


def test_site_index_escapes_its_values_and_borrows_the_folders_fonts(tmp_path):
    from sdr_analysis.index import Built, write_site_index

    (tmp_path / "a-series").mkdir()
    (tmp_path / "a-series" / "cjk.woff").write_bytes(b"")
    built = [Built("series", tmp_path / "a-series", "<b>某区</b>", "2022–2023 (2)"),
             Built("report", tmp_path / "a-2023", "某区", "2023")]
    write_site_index(tmp_path, built, ("en", "zh"))
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;某区&lt;/b&gt;" in page and "<script" not in page
    assert 'href="a-series/series-zh.html" hreflang="zh-CN"' in page and 'href="a-2023/index.html"' in page
    assert 'src: url("a-series/cjk.woff")' in page and 'font-family: "Report CJK 1", "Noto' in page


def test_on_a_phone_each_figure_is_named_as_its_column_is():
    """At phone width a row's cells stand as blocks, each named by its ``data-label``:
    the name must be its column's, or a reader sees one figure under another's name."""
    import re
    from html import unescape

    text = page()
    table = text[text.index('<table class="sections">') :]
    header = table[: table.index("</tr>")]
    columns = [re.sub(r"<[^>]+>", "", unescape(th)) for th in re.findall(r"<th>(.*?)</th>", header)]
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", table[table.index("<tbody>") :]) if "data-label" in r)
    cells = re.findall(r"<td([^>]*)>", row)
    assert len(cells) == len(columns)
    for attrs, column in zip(cells, columns):
        label = re.search(r'data-label="([^"]*)"', attrs)
        if label:
            assert unescape(label.group(1)) == column
