"""A folder is more than its files: ``series``, ``corpus`` and ``build`` of a folder
say which report files they used and which they left out and why, a line on stderr
each, and the comparison pages list them under their reports. Two copies of one
report (same place and year) count as one.

The folder is invented: a province's reports of 2020 to 2022, a mirror holding a copy
of 2021 (the same text, other line ends) and a fuller copy of 2022, a report of
another province in 2021, one of a third province in 2019, a report that names no
year, and a file that is not text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from test_series import place_report

from sdr_analysis import collection as collection_module
from sdr_analysis.build import Done
from sdr_analysis.cli import main
from sdr_analysis.collection import build_many
from sdr_analysis.comparison import open_places, open_series
from sdr_analysis.places_page import places_heading
from sdr_analysis.series_page import series_heading

UNDATED = """江西省人民政府工作报告

一、过去一年工作回顾

  过去一年，地区生产总值增长5%。

二、今年工作安排

  今年经济社会发展的主要预期目标是：地区生产总值增长6%。
"""

#: Another measure's section: what makes the mirror's 2022 copy the fuller one.
MORE = "  (二)扩大消费。新建商场3个。\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "in"
    (root / "mirror").mkdir(parents=True)
    jx = {
        2020: place_report("江西省", 2020, "地区生产总值增长8%左右。", "地区生产总值增长3.8%。"),
        2021: place_report("江西省", 2021, "地区生产总值增长7%以上。", "全年地区生产总值增长7.6%。"),
        2022: place_report("江西省", 2022, "地区生产总值增长6%。", "全年地区生产总值增长8.8%。"),
    }
    for year, text in jx.items():
        (root / f"jx-{year}.txt").write_text(text, encoding="utf-8")
    (root / "mirror" / "jx-2021.txt").write_bytes(jx[2021].replace("\n", "\r\n").encode("utf-8"))
    (root / "mirror" / "jx-2022.txt").write_text(jx[2022] + MORE, encoding="utf-8")
    (root / "hb-2021.txt").write_text(place_report("湖北省", 2021, "地区生产总值增长6%。", "地区生产总值增长5%。"), encoding="utf-8")
    (root / "sc-2019.txt").write_text(place_report("四川省", 2019, "地区生产总值增长7%。", "地区生产总值增长8%。"), encoding="utf-8")
    (root / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    return root


def said_of(err: str, root: Path, of: str = "") -> dict[str, list[str]]:
    """Each line on stderr that leaves a file out (``of`` what, where the line says so),
    under the file (relative to ``root``)."""
    out: dict[str, list[str]] = {}
    for line in err.splitlines():
        for words in (f": left out of {of}: ", ": left out: ") if of else (": left out: ",):
            if line.startswith("warning: ") and words in line:
                name = line[len("warning: "):].split(words)[0]
                out.setdefault(Path(name).relative_to(root).as_posix(), []).append(line.split(words)[1])
    return out


# series


def test_series_of_a_folder_says_each_file_it_leaves_out_and_why(folder, capsys):
    assert main(["series", str(folder), "--csv"]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sorted({r["year"] for r in rows}) == ["2020", "2021", "2022"]
    # of the two copies of 2022 the fuller is read, of the two of 2021 (the same text) the first by path
    sources = {r["year"]: Path(r["target_source"]).relative_to(folder).as_posix() for r in rows}
    assert sources == {"2020": "jx-2020.txt", "2021": "jx-2021.txt", "2022": "mirror/jx-2022.txt"}
    said = said_of(err, folder)
    assert said == {
        "broken.txt": [said["broken.txt"][0]],
        "hb-2021.txt": ["a report of another place (湖北省; the series is of 江西省)"],
        "sc-2019.txt": ["a report of another place (四川省; the series is of 江西省)"],
        "undated.txt": ["no year found (neither the title nor the date line names one)"],
        "mirror/jx-2021.txt": [f"a second copy of the 2021 report of 江西省, the same text as {folder / 'jx-2021.txt'}, which is used"],
        "jx-2022.txt": [f"a second copy of the 2022 report of 江西省; {folder / 'mirror' / 'jx-2022.txt'} is used (the copy with the most text)"],
    }
    assert said["broken.txt"][0].startswith("cannot be read (") and "binary" in said["broken.txt"][0]
    assert err.strip().splitlines()[-1] == ("used 3 of 9 report files; left out 6 (1 cannot be read, 1 no year, "
                                            "2 another place, 1 same text, 1 copy)")


def test_series_says_nothing_more_when_nothing_is_left_out(folder, capsys):
    assert main(["series", str(folder / "jx-2020.txt"), str(folder / "jx-2021.txt"), "--json"]) == 0
    assert capsys.readouterr().err.splitlines() == ["used 2 of 2 report files"]


def test_a_series_of_nothing_usable_is_one_error_line(folder, capsys):
    assert main(["series", str(folder / "broken.txt"), str(folder / "undated.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("sdr-analysis: error: none of the 2 reports can be used")
    assert f"{folder / 'broken.txt'}: cannot be read (" in err[0] and "; also 1 no year)" in err[0]


def test_two_places_with_as_many_years_are_still_refused(folder):
    from sdr_analysis.exceptions import SeriesError

    with pytest.raises(SeriesError, match="2 places"):
        open_series([str(folder / "hb-2021.txt"), str(folder / "jx-2020.txt")], "en")


# the pages


def plain(markdown: str) -> str:
    """The page's Markdown with its escapes taken off (the text a reader sees)."""
    return markdown.replace("\\", "")


def test_the_series_page_lists_the_reports_left_out_and_why(folder):
    en = plain(series_heading(open_series([str(folder)], "en")))
    reports, left = en.split("**Left out**")
    assert [line[:6] for line in reports.splitlines() if line.startswith("- ")] == ["- 2020", "- 2021", "- 2022"]
    assert "3 of 9 report files used; 6 left out:" in left
    lines = [line for line in left.splitlines() if line.startswith("- ")]
    assert len(lines) == 6
    assert "- hb-2021.txt: a report of another place (湖北省; the series is of 江西省)" in lines
    assert "- undated.txt: no year found (neither the title nor the date line names one)" in lines
    assert "- mirror/jx-2021.txt: a second copy of the 2021 report of 江西省, the same text as jx-2021.txt, which is used" in lines
    assert "- jx-2022.txt: a second copy of the 2022 report of 江西省; mirror/jx-2022.txt is used (the copy with the most text)" in lines
    assert any(line.startswith("- broken.txt: cannot be read (") for line in lines)
    assert str(folder) not in en  # files are named below their folder, never by this machine's path


def test_the_chinese_series_page_says_it_in_chinese(folder):
    zh = plain(series_heading(open_series([str(folder)], "zh")))
    assert "**未采用的报告**" in zh and "共9个报告文件，采用3个，未采用6个：" in zh
    assert "- hb-2021.txt：另一地方的报告（湖北省；本系列为江西省）" in zh
    assert "- undated.txt：未找到年份（标题和日期行均未注明）" in zh
    assert "- jx-2022.txt：江西省2022年报告的另一份副本；采用mirror/jx-2022.txt（文字最多的一份）" in zh
    assert "- mirror/jx-2021.txt：江西省2021年报告的另一份副本，与已采用的jx-2021.txt文字相同" in zh
    assert "- broken.txt：无法读取（" in zh


def test_the_places_page_lists_the_copies_and_the_unreadable(folder):
    page = plain(places_heading(open_places([str(folder / n) for n in ("hb-2021.txt", "jx-2021.txt", "mirror/jx-2021.txt", "broken.txt")], "en")))
    assert "2 of 4 report files used; 2 left out:" in page
    assert "- mirror/jx-2021.txt: a second copy of the 2021 report of 江西省, the same text as jx-2021.txt, which is used" in page
    assert "- broken.txt: cannot be read (" in page


def test_a_page_with_nothing_left_out_lists_only_its_reports(folder):
    page = series_heading(open_series([str(folder / "jx-2020.txt"), str(folder / "jx-2021.txt")], "en"))
    assert "Left out" not in page and "left out" not in page


# corpus


def test_corpus_of_a_folder_counts_two_copies_once_and_says_what_it_left_out(folder, tmp_path, capsys):
    out = tmp_path / "all.csv"
    assert main(["corpus", str(folder), "--out", str(out), "--jobs", "1"]) == 0
    said = said_of(capsys.readouterr().err, folder)
    # a corpus is of many places and keeps reports without a year: only copies and the unreadable are left out
    assert sorted(said) == ["broken.txt", "jx-2022.txt", "mirror/jx-2021.txt"]
    assert said["jx-2022.txt"] == [f"a second copy of the 2022 report of 江西省; {folder / 'mirror' / 'jx-2022.txt'} is used (the copy with the most text)"]
    targets = list(csv.DictReader(open(tmp_path / "all-targets.csv", encoding="utf-8")))
    assert sorted((r["province"], r["year"]) for r in targets if r["measure"] == "gdp") == [
        ("四川省", "2019"), ("江西省", ""), ("江西省", "2020"), ("江西省", "2021"), ("江西省", "2022"), ("湖北省", "2021")]
    coverage = {Path(r["file"]).relative_to(folder).as_posix(): (r["status"], r["reason"]) for r in csv.DictReader(open(tmp_path / "all-coverage.csv", encoding="utf-8"))}
    assert coverage == {
        "broken.txt": ("left out", "unreadable"), "hb-2021.txt": ("used", ""), "jx-2020.txt": ("used", ""),
        "jx-2021.txt": ("used", ""), "jx-2022.txt": ("left out", "duplicate"), "mirror/jx-2021.txt": ("left out", "same_text"),
        "mirror/jx-2022.txt": ("used", ""), "sc-2019.txt": ("used", ""), "undated.txt": ("used", ""),
    }


# build (the notebooks are not run: what each page is given is looked at)


@pytest.fixture
def planned(folder, tmp_path, monkeypatch):
    """A build of the folder's comparisons: the lines it says and the jobs of each page."""
    pages: dict[str, list] = {}

    def run(target, inputs, inputs_hash, todo, *args, **kwargs):
        pages[target.name] = todo
        return Done(target, (), len(todo))

    monkeypatch.setattr(collection_module, "build_folder", run)
    lines: list[str] = []
    build_many([folder], out=tmp_path / "out", langs="en", only="comparisons", say=lines.append)
    return lines, pages


def test_build_says_each_file_it_leaves_out_of_the_comparisons(folder, planned):
    lines, pages = planned
    # a build writes up every report it reads: the readable ones are left out of the
    # comparisons only, the unreadable one of everything
    text = "\n".join(lines)
    said = said_of(text, folder, "the comparisons")
    assert sorted(said) == ["broken.txt", "jx-2022.txt", "mirror/jx-2021.txt", "sc-2019.txt", "undated.txt"]
    assert sorted(said_of(text, folder)) == ["broken.txt"]
    assert said["sc-2019.txt"] == ["in no comparison: the only report of 四川省, and the only place of 2019"]
    assert said["undated.txt"] == ["no year found (neither the title nor the date line names one)"]
    assert lines[-1].startswith("done: 3 folders (0 report, 1 series, 1 places, 1 panel)")
    assert "the comparisons use 4 of 9 report files" in lines[-1]
    assert sorted(pages) == ["jx-series", "panel", "places-2021"]
    # the panel page reads the reports the comparisons use, one copy of each
    assert len(pages["panel"][0].parameters["report_paths"]) == 4


def test_build_gives_each_page_the_files_it_left_out(folder, planned, monkeypatch):
    _, pages = planned
    series, = pages["jx-series"]
    params = series.parameters
    assert [Path(p).name for p in params["report_paths"]] == ["jx-2020.txt", "jx-2021.txt", "jx-2022.txt"]
    assert "mirror" in params["report_paths"][2]
    left = {Path(x["file"]).as_posix().split("/in/")[1]: x["reason"] for x in params["left_out"]}
    # its place's copies and report without a year; the unreadable file and the lone report on every page
    assert left == {"broken.txt": "unreadable", "jx-2022.txt": "duplicate", "mirror/jx-2021.txt": "same_text",
                    "sc-2019.txt": "alone", "undated.txt": "no_year"}
    places, = pages["places-2021"]
    left = {Path(x["file"]).as_posix().split("/in/")[1]: x["reason"] for x in places.parameters["left_out"]}
    assert left == {"broken.txt": "unreadable", "mirror/jx-2021.txt": "same_text", "sc-2019.txt": "alone"}
    assert not [p for p in params["report_paths"] + [x["file"] for x in params["left_out"]] if Path(p).is_absolute()]
    # the page the notebook makes of these parameters, run where the page is written
    target = folder.parent / "out" / "jx-series"
    target.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(target)
    page = plain(series_heading(open_series(params["report_paths"], "en", left_out=params["left_out"])))
    assert "3 of 8 report files used; 5 left out:" in page
    assert "- sc-2019.txt: in no comparison: the only report of 四川省, and the only place of 2019" in page
    assert "- jx-2022.txt: a second copy of the 2022 report of 江西省; mirror/jx-2022.txt is used (the copy with the most text)" in page
