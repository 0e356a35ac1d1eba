"""Every page of every real report renders, in both languages: each cell of the
section notebook for every section, each of the overview notebook, and the index page,
run without a kernel (:mod:`pages_rendered`); any exception fails. The reports are
split between this file and its twin (`test_every_page_a`, `test_every_page_b`) so
that two workers share them."""

from __future__ import annotations

from pages_rendered import every_page_test, real_reports

test_every_page_renders = every_page_test(real_reports()[0::2])
