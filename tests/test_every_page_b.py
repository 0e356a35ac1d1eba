"""Every page of every real report renders, in both languages: each cell of the
section notebook for every section, each of the overview notebook, and the index page,
run without a kernel (:mod:`pages_rendered`); any exception fails. The reports are
split between this file and its twin (`test_every_page_a`, `test_every_page_b`) so
that two workers share them."""

from __future__ import annotations

import pytest
from pages_rendered import real_reports, render_every_page

REPORTS = real_reports()[1::2]


@pytest.mark.skipif(not REPORTS, reason="the real reports are absent (../shared/corpus, ../shared/corpus-counties); set SDR_CORPUS")
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_every_page_renders(path):
    assert render_every_page(path) > 10
