"""A core install parses: reading reports, their frames and the commands that print or
tabulate findings need none of the write-up stack (papermill, nbconvert, matplotlib…),
which is the ``writeups`` extra; what needs it says in one line which extra to install.

A missing package is simulated in a subprocess by setting its name to ``None`` in
``sys.modules``, which makes its import fail as an absent package's does.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib

from conftest import ROOT, SEED

#: The write-up stack, by the names its packages are imported as.
STACK = ("papermill", "nbclient", "nbconvert", "nbformat", "jupyter_client", "ipykernel", "IPython", "matplotlib", "mplfonts", "fontTools")

INSTALL = "pip install 'sdr-analysis[writeups]'"


def run(code: str, blocked: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    prelude = f"import sys\nfor name in {blocked!r}:\n    sys.modules[name] = None\n"
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_the_core_dependencies_leave_the_write_up_stack_to_its_extra():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {d.split(">")[0].split("=")[0].split("[")[0].strip().lower() for d in project["dependencies"]}
    extra = {d.split(">")[0].strip().lower() for d in project["optional-dependencies"]["writeups"]}
    for package in ("papermill", "nbconvert", "nbclient", "nbformat", "jupyter_client", "ipykernel", "ipython", "matplotlib"):
        assert package not in names
        assert package in extra
    assert "sdr_analysis[writeups]" in project["optional-dependencies"]["test"]  # make test installs everything


def test_parsing_frames_and_tables_run_without_the_write_up_stack(tmp_path):
    done = run(f"""
        import contextlib, io
        import sdr_analysis
        from sdr_analysis.cli import main
        report = sdr_analysis.load_report({str(SEED)!r})
        for frame in (report.indicators_frame(), report.claims_frame(), report.sections_frame(), report.terms_frame()):
            assert len(frame.columns)
        codes = []
        for args in (["indicators", {str(SEED)!r}], ["metadata", {str(SEED)!r}], ["targets", {str(SEED)!r}],
                     ["corpus", "tests/reports", "--out", {str(tmp_path / "corpus")!r}, "-q"]):
            with contextlib.redirect_stdout(io.StringIO()):
                codes.append(main(args))
        print(codes)
    """, blocked=STACK)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[0, 0, 0, 0]"


def test_parsing_frames_and_tables_import_none_of_the_write_up_stack(tmp_path):
    done = run(f"""
        import contextlib, io
        import sdr_analysis
        from sdr_analysis.cli import main
        report = sdr_analysis.load_report({str(SEED)!r})
        report.indicators_frame(), report.sections_frame()
        for args in (["indicators", {str(SEED)!r}], ["metadata", {str(SEED)!r}], ["corpus", {str(SEED)!r}, "--out", {str(tmp_path / "c")!r}, "-q"]):
            with contextlib.redirect_stdout(io.StringIO()):
                main(args)
        print(sorted({{m.split(".")[0] for m in sys.modules}} & set({STACK!r})))
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_build_without_the_extra_names_it_in_one_line(tmp_path):
    for blocked in (("papermill",), ("matplotlib",), ("nbconvert",)):
        done = run(f"""
            from sdr_analysis.cli import main
            sys.exit(main(["build", {str(SEED)!r}, "--out", {str(tmp_path / "out")!r}]))
        """, blocked=blocked)
        assert done.returncode == 2, done.stderr
        assert done.stdout == ""
        [line] = done.stderr.splitlines()
        assert INSTALL in line and blocked[0] in line
        assert not (tmp_path / "out").exists()


def test_the_python_build_and_the_charts_without_the_extra_raise_its_error():
    done = run(f"""
        from sdr_analysis.exceptions import MissingExtra
        from sdr_analysis import build, load_report
        try:
            build.build({str(SEED)!r}, out="never")
        except MissingExtra as exc:
            print(exc.extra, exc.package)
        try:
            from sdr_analysis import plotting
        except MissingExtra as exc:
            print(exc)
        from sdr_analysis import writeup
        report = load_report({str(SEED)!r})
        try:
            writeup.money_chart(report.sections[0], "en")
        except MissingExtra as exc:
            print(exc.package)
    """, blocked=("matplotlib", "papermill"))
    assert done.returncode == 0, done.stderr
    first, second, third = done.stdout.splitlines()
    assert first == "writeups papermill"
    assert "drawing charts needs the matplotlib package" in second and INSTALL in second
    assert third == "matplotlib"
