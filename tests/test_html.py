"""HTML pages: told from their content, the report text extracted, the page's
furniture left out."""

from __future__ import annotations

import pytest

from sdr_analysis import ReportReadError, load_report
from sdr_analysis.html import html_to_text, looks_like_html

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>南湖区人民政府工作报告</title>
<style>p {{ color: red }}</style><script>var tracker = "一、不是标题";</script></head>
<body>
<div class="top-nav"><a href="/">首页</a> <a href="/zw">政务公开</a></div>
<div class="breadcrumb">首页 &gt; 政府工作报告</div>
<div id="content">
<h1>南湖区人民政府工作报告</h1>
<p>一、2023年工作回顾</p>
<p>全年完成固定资产投资&nbsp;45.6亿元,增长8.1%。</p>
<p>新建<b>幼儿园</b>3所。</p>
<p>各项工作取得新成效。</p>
{more}
</div>
<footer>版权所有 南湖区人民政府</footer>
</body></html>
"""


@pytest.mark.parametrize("text,expected", [
    pytest.param(PAGE.format(more=""), True, id="doctype"),
    pytest.param("<html><body><p>甲</p></body></html>", True, id="html-tag"),
    pytest.param("<div>甲</div><p>乙</p><br/>丙<p>丁</p>", True, id="fragment-with-block-tags"),
    pytest.param("一、工作回顾\n全年完成投资<5亿元的项目3个。\n", False, id="text-with-a-less-than"),
    pytest.param("(辽宁省)某区人民政府工作报告\n", False, id="plain-text"),
])
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_text_keeps_report_and_drops_furniture():
    text = html_to_text(PAGE.format(more=""))
    assert "全年完成固定资产投资 45.6亿元,增长8.1%。" in text
    assert "新建幼儿园3所。" in text  # inline tags do not break a line
    assert "tracker" not in text and "color" not in text
    assert "政务公开" not in text and "版权所有" not in text and "首页 >" not in text
    assert "<" not in text


@pytest.mark.parametrize("name", ["page.html", "page.txt"])
def test_pages_load_whatever_their_name(tmp_path, name):
    path = tmp_path / name
    path.write_text(PAGE.format(more=""), encoding="utf-8")
    r = load_report(path)
    assert r.metadata.district == "南湖区"
    assert [h.marker for h in r.headings] == ["一、"]
    assert [i.text for i in r.indicators] == ["45.6亿元", "8.1%", "3所"]
    assert all(r.text[i.start : i.end] == i.text for i in r.indicators)


def test_gbk_page(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.format(more="").replace('charset="utf-8"', 'charset="gbk"').encode("gb18030"))
    assert [i.text for i in load_report(path).indicators] == ["45.6亿元", "8.1%", "3所"]


def test_page_without_a_report_is_one_clear_error(tmp_path):
    path = tmp_path / "login.html"
    path.write_text("<html><head><title>Login</title></head><body><form>user</form><p>Welcome</p></body></html>", encoding="utf-8")
    with pytest.raises(ReportReadError, match="no report text"):
        load_report(path)


def test_markup_shown_as_text_in_a_page_is_report_text(tmp_path):
    """A page that shows markup as text (``&lt;img …&gt;``) holds that markup as its
    report text: entities are decoded, as a browser shows them; the write-ups escape
    the text wherever they show it."""
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(more="<p>推进&lt;img src=x onerror=alert(1)&gt;行动,建成平台3个。</p>"), encoding="utf-8")
    r = load_report(path)
    assert "推进<img src=x onerror=alert(1)>行动,建成平台3个。" in [s.text for s in r.sentences]
    assert [i.text for i in r.indicators][-1] == "3个"
