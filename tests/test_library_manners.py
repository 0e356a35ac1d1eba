"""Importing the package and drawing its charts leave matplotlib as the user set it;
one documented call makes the user's own plots draw Chinese."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ROOT, SEED


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_charts_change_no_setting_of_matplotlib():
    out = run(f"""
        import warnings
        import matplotlib
        matplotlib.use("svg")  # a user's choice of backend
        keys = ("backend", "font.family", "font.sans-serif", "axes.unicode_minus", "svg.hashsalt")
        before = {{k: matplotlib.rcParams[k] for k in keys}}
        from sdr_analysis import load_report, writeup
        report = load_report({str(SEED)!r})
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph warns
            for sec in report:
                chart = writeup.money_chart(sec, "zh")
                if chart is not None:
                    assert chart.png().startswith(b"\\x89PNG")
        after = {{k: matplotlib.rcParams[k] for k in keys}}
        print(before == after, matplotlib.get_backend())
    """)
    assert out == "True svg"


def test_one_call_makes_the_users_plots_draw_chinese():
    out = run("""
        import warnings
        import matplotlib
        matplotlib.use("agg")
        import matplotlib.pyplot as plt
        from sdr_analysis.charts import CJK_FONT_FAMILY, use_cjk_font
        assert use_cjk_font() == CJK_FONT_FAMILY
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig, ax = plt.subplots()
            ax.set_title("地区生产总值增长")
            fig.savefig("/dev/null", format="png")
        print(matplotlib.rcParams["font.sans-serif"][0])
    """)
    assert out == "Noto Sans CJK SC"


def test_without_it_chinese_is_missing_glyphs():
    # the control: a plot of the user's own, before the call, warns of missing glyphs
    out = run("""
        import warnings
        import matplotlib
        matplotlib.use("agg")
        import matplotlib.pyplot as plt
        import sdr_analysis.plotting  # importing changes nothing
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig, ax = plt.subplots()
            ax.set_title("地区生产总值增长")
            fig.savefig("/dev/null", format="png")
        print(any("missing from" in str(w.message) for w in caught))
    """)
    assert out == "True"


def test_setup_display_makes_the_call():
    out = run("""
        import matplotlib
        from sdr_analysis import charts
        charts.setup_display()
        print(matplotlib.rcParams["font.sans-serif"][0])
    """)
    assert out == "Noto Sans CJK SC"
