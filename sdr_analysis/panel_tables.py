"""The tables of the research panel (:mod:`sdr_analysis.panels`): their columns, each
with its type, meaning and unit; typed frames built from rows; and the files written
(CSV, Parquet, Stata ``.dta``), each with its data dictionary, and read back.

A column has the same name, type and meaning in every table it is in (``adcode``,
``year``, ``measure``…). Its type is one of ``str``, ``Int64`` (whole numbers, may be
missing), ``float64``, ``boolean`` (may be missing) or ``category`` (a pandas
categorical: its categories are a fixed list where the package has one, such as the
measures or the qualifiers, then any other value found, sorted).

The CSV holds the frames' values as text (a missing value is an empty cell; text that a
spreadsheet would run as a formula gets a leading ``'``, as every CSV of the package
does); :func:`read_table` reads a CSV back with its types. The Stata file holds
missing text as empty strings, long text (over 2,045 bytes) as strL, categoricals as
labelled values, ``boolean`` as 0/1, and each column's meaning as its variable label.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from .outputs import safe_cell, write_file

if TYPE_CHECKING:
    import pandas as pd

#: The formats written, by file suffix.
FORMATS = ("csv", "parquet", "dta")
#: Stata's limit for a str column, in bytes; longer text is written as strL.
STATA_STR_BYTES = 2045
#: Stata's limit for a variable's name, in characters (ASCII).
STATA_NAME_CHARS = 32
STATA_LABEL_CHARS = 80
#: The levels of government, highest first.
LEVELS = ("national", "province", "city", "district", "county", "street")
#: How a figure is bounded.
QUALIFIERS = ("about", "more_than", "less_than", "range", "exact")


@dataclass(frozen=True)
class Column:
    """One column: its name, type (see the module), meaning and unit (empty where it
    has none)."""

    name: str
    type: str
    meaning: str
    unit: str = ""


@lru_cache(maxsize=1)
def vocabularies() -> dict[str, tuple[str, ...]]:
    """The fixed categories of the categorical columns that have them (``superior_level``
    takes those of ``level``, and so on)."""
    from .series import STATUSES
    from .targets import measures

    return {
        "level": LEVELS,
        "measure": (*measures(), "other"),
        "qualifier": QUALIFIERS,
        "binding": ("hard", "soft"),
        "horizon": ("year", "five_year"),
        "status": STATUSES,
    }


def _c(name: str, type_: str, meaning: str, unit: str = "") -> Column:
    return Column(name, type_, meaning, unit)


KEYS = [
    _c("adcode", "str", "the reporting government's administrative division code (GB/T 2260), where the report's place is known"),
    _c("place", "str", "the reporting government, outermost first (全国 for the national report; the file's name where the text names no place)"),
    _c("level", "category", "the reporting government's level: national, province, city, district, county, street"),
    _c("year", "Int64", "the year the report was delivered in (its targets are for this year)", "year"),
    _c("file", "str", "the report file, as given"),
]
_TARGET = [
    _c("measure", "category", "the measure's key in the package's table of measures (gdp, cpi, …; other where none)"),
    _c("name", "str", "the measure as the report writes it, without filler words"),
    _c("change", "boolean", "true where the figure is a change (增长, 下降), false where it is a level"),
    _c("value", "float64", "the figure, in the base unit (a range: its bottom)", "unit column"),
]
_WHERE = [
    _c("text", "str", "the words of the report, as written"),
    _c("text_start", "Int64", "where the text starts in the report's text", "characters from the start"),
    _c("text_end", "Int64", "where the text ends in the report's text (the character after it)", "characters from the start"),
]
_VALUE_MAX = _c("value_max", "float64", "the top of a range (empty where the figure is not a range)", "unit column")
_UNIT = _c("unit", "category", "the base unit of value (%, 元, 人, …)")
_QUALIFIER = _c("qualifier", "category", "how the figure is bounded: about (左右), more_than (以上, 不低于), less_than (以内), range, exact")
_BINDING = _c("binding", "category",
              "hard where the government binds itself (确保, 以上, 不低于, 以内), soft where it only strives for it or "
              "sets it about (力争, 争取, 努力, 左右); empty where the wording says neither")
_HORIZON = _c("horizon", "category", "year for the coming year's targets, five_year for goals of a five-year plan")

COLUMNS: dict[str, list[Column]] = {
    "reports": [
        KEYS[0], KEYS[2], KEYS[1],
        _c("province", "str", "the province (or autonomous region, municipality) named in the report"),
        _c("city", "str", "the prefecture-level city named in the report"),
        _c("district", "str", "the district named in the report"),
        _c("county", "str", "the county (or county-level city, banner) named in the report"),
        KEYS[3],
        _c("date", "str", "the date the report was delivered (YYYY-MM-DD)"),
        _c("session", "str", "the session of the people's congress it was delivered to"),
        _c("speaker", "str", "who delivered it"),
        _c("characters", "Int64", "characters of the report's body (title and appendix left out)", "characters"),
        _c("sentences", "Int64", "sentences of the report", "sentences"),
        _c("sections", "Int64", "policy sections of the report", "sections"),
        _c("figures", "Int64", "figures (indicators) the report states", "figures"),
        _c("claims", "Int64", "claims the report makes (to be first, to full coverage, to honours)", "claims"),
        KEYS[4],
        _c("sha256", "str", "the SHA-256 digest of the file's bytes"),
    ],
    "targets": [
        *KEYS, *_TARGET, _VALUE_MAX, _UNIT, _QUALIFIER, _BINDING, _HORIZON,
        _c("relative_to", "str", "the benchmark a relative target is set against (全国平均水平)"),
        _c("absent", "str", "explicit where the report says it sets no target for the measure (不设…目标): the row has no value"),
        *_WHERE,
    ],
    "results": [
        *KEYS, _TARGET[0], _TARGET[1],
        _c("change", "boolean", "true where the result is a change (增长7.9%), false where it is a level (1432.6亿元)"),
        _c("value", "float64", "the result, in the base unit", "unit column"),
        _UNIT, _QUALIFIER,
        _c("of_year", "Int64", "the year the result is of: the year before the report's", "year"),
        _c("estimate", "boolean", "true where the report gives the result as an estimate (预计…: delivered before the year's statistics)"),
        *_WHERE,
    ],
    "outcomes": [
        *KEYS, *_TARGET, _VALUE_MAX, _UNIT, _QUALIFIER, _BINDING, *_WHERE,
        _c("result_value", "float64", "the result the next year's report states for the measure, in the target's unit", "unit column"),
        _c("result_text", "str", "the result's words, as written in the next year's report"),
        _c("result_file", "str", "the next year's report"),
        _c("result_start", "Int64", "where the result's words start in that report", "characters from the start"),
        _c("result_end", "Int64", "where they end", "characters from the start"),
        _c("result_estimate", "boolean", "true where the next year's report gives the result as an estimate (预计…)"),
        _c("status", "category", "met, missed (as the series page judges it: the qualifier decides, 左右 with 5% slack), "
                                 "no data (no next report, or no result in the target's unit), not set (the report sets none)"),
    ],
    "chain": [
        *KEYS, *_TARGET, _UNIT, _QUALIFIER, _HORIZON, *_WHERE,
        _c("superior_level", "category", "the level of the nearest superior government among the reports with a target of the measure"),
        _c("superior_adcode", "str", "its administrative division code"),
        _c("superior_place", "str", "its place"),
        _c("superior_file", "str", "its report file"),
        _c("superior_name", "str", "the measure as its report writes it"),
        _c("superior_value", "float64", "its target, in the base unit", "superior_unit column"),
        _c("superior_unit", "category", "the base unit of its target"),
        _c("superior_qualifier", "category", "how its figure is bounded"),
        _c("superior_text", "str", "its target's words, as written"),
        _c("amplification", "float64", "value less superior_value, where both are stated in one unit and neither is relative",
           "unit column (percentage points for %)"),
        _c("reason", "str", "why amplification is empty"),
    ],
}
#: The columns of ``attention`` the panel adds to the rows of the attention function.
ATTENTION_KEYS = KEYS


def categories(name: str, values: Sequence[object] = ()) -> list[str]:
    """The categories of a categorical column: its fixed list (``superior_level`` has
    ``level``'s), then the other values found, sorted."""
    fixed = list(vocabularies().get(name.removeprefix("superior_"), ()))
    seen = set(fixed)
    return fixed + sorted({str(v) for v in values if isinstance(v, str) and v not in seen})


def typed(rows: list[dict], columns: list[Column]) -> "pd.DataFrame":
    """The rows as a frame of the columns, each of its type; empty text is missing."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=[c.name for c in columns])
    return _cast(frame, columns)


def _cast(frame: "pd.DataFrame", columns: list[Column]) -> "pd.DataFrame":
    import pandas as pd

    out = {}
    for c in columns:
        col = frame[c.name].astype(object).where(frame[c.name].notna(), None)
        if c.type in ("str", "category"):
            col = col.map(lambda v: None if v is None or v == "" else str(v))
        if c.type == "category":
            out[c.name] = pd.Categorical(col, categories=categories(c.name, list(col)))
        elif c.type == "str":
            out[c.name] = col.astype("str")
            out[c.name] = out[c.name].where(col.notna())
        elif c.type == "boolean":
            out[c.name] = col.map(lambda v: None if v is None else (v in (True, "True", "true", 1, "1"))).astype("boolean")
        else:
            out[c.name] = pd.to_numeric(col).astype(c.type)
    return pd.DataFrame(out, index=range(len(frame)))


def inferred(frame: "pd.DataFrame", keys: list[Column], meaning: str) -> list[Column]:
    """The columns of a frame made by another module (``attention``): the key columns
    as the panel has them, the others typed as pandas read them."""
    known = {c.name: c for c in keys}
    out = []
    for name in frame.columns:
        if name in known:
            out.append(known[name])
            continue
        dtype = frame[name].dtype
        kind = ("boolean" if dtype.kind == "b" else "Int64" if dtype.kind in "iu" else "float64" if dtype.kind == "f"
                else "category" if name in ("dictionary", "part") else "str")
        out.append(Column(str(name), kind, meaning))
    return out


# the files


@lru_cache(maxsize=1)
def package_version() -> str:
    """The version of the installed package, written into every data dictionary (read
    from its metadata: the package itself imports this module when asked for a panel)."""
    from importlib.metadata import version

    return version("sdr_analysis")


def dictionary_rows(columns: list[Column], frame: "pd.DataFrame") -> list[dict]:
    """The data dictionary of a table: a row per column (name, type, meaning, unit, the
    categories of a categorical, and the package's version)."""
    return [{"column": c.name, "type": c.type, "meaning": c.meaning, "unit": c.unit,
             "categories": "|".join(frame[c.name].cat.categories) if c.type == "category" else "",
             "version": package_version()} for c in columns]


def _atomic(path: Path, write: Callable[[io.BytesIO], object]) -> None:
    """Write what ``write`` puts in a buffer to ``path`` through
    :func:`~sdr_analysis.outputs.write_file` (a temporary file no one could plant,
    renamed into place)."""
    buffer = io.BytesIO()
    write(buffer)
    write_file(path, buffer.getvalue())


def check_formats(formats: Sequence[str]) -> list[str]:
    """The formats, each one of :data:`FORMATS`; :class:`ParameterError` otherwise."""
    from .exceptions import ParameterError

    formats = list(formats)
    if not formats or any(f not in FORMATS for f in formats):
        raise ParameterError("formats", formats, f"give some of: {', '.join(FORMATS)}")
    return formats


def table_paths(out: Path, name: str, formats: Sequence[str] = FORMATS) -> list[Path]:
    """The files of one table in ``out``: one per format, and its dictionary."""
    return [out / f"{name}.{f}" for f in formats] + [out / f"{name}.dictionary.csv"]


def write_table(out: Path, name: str, frame: "pd.DataFrame", columns: list[Column], formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write one table in each format, and its dictionary, into the folder ``out``
    (each file written whole or not at all). Returns the files written."""
    import pandas as pd

    written = []
    if "csv" in formats:
        text_cols = [c.name for c in columns if c.type in ("str", "category")]
        safe = frame.astype({n: object for n in text_cols}).copy()
        for n in text_cols:
            safe[n] = safe[n].map(lambda v: safe_cell(v) if isinstance(v, str) else v)
        _atomic(out / f"{name}.csv", lambda b: b.write(safe.to_csv(index=False, lineterminator="\n").encode("utf-8")))
        written.append(out / f"{name}.csv")
    if "parquet" in formats:
        _atomic(out / f"{name}.parquet", lambda b: frame.to_parquet(b, index=False, engine="pyarrow"))
        written.append(out / f"{name}.parquet")
    if "dta" in formats:
        stata = frame.copy()
        strl = []
        for c in columns:
            if c.type == "str":
                stata[c.name] = stata[c.name].fillna("").astype(object)
                if max((len(v.encode("utf-8")) for v in stata[c.name]), default=0) > STATA_STR_BYTES:
                    strl.append(c.name)
            elif c.type == "boolean":
                stata[c.name] = stata[c.name].astype("Int8")
            elif c.type == "category" and not len(stata):  # pandas cannot label the values of an empty column
                stata[c.name] = stata[c.name].astype(object)
        labels = {c.name: c.meaning[:STATA_LABEL_CHARS] for c in columns}
        _atomic(out / f"{name}.dta", lambda b: stata.to_stata(
            b, write_index=False, version=118, convert_strl=strl, variable_labels=labels,
            data_label=f"sdr_analysis {package_version()}: {name}"))
        written.append(out / f"{name}.dta")
    dictionary = pd.DataFrame(dictionary_rows(columns, frame))
    _atomic(out / f"{name}.dictionary.csv", lambda b: b.write(dictionary.to_csv(index=False, lineterminator="\n").encode("utf-8")))
    return written + [out / f"{name}.dictionary.csv"]


def read_table(path: str | os.PathLike[str], dictionary: Optional[str | os.PathLike[str]] = None) -> "pd.DataFrame":
    """A table the panel wrote, with its types: a Parquet file as it is, a CSV typed by
    the dictionary beside it (``<table>.dictionary.csv``)."""
    import pandas as pd

    path = Path(path)
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    words = pd.read_csv(dictionary or path.with_name(f"{path.stem}.dictionary.csv"), dtype=str, keep_default_na=False)
    columns = [Column(r.column, r.type, r.meaning, r.unit) for r in words.itertuples()]
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    return _cast(raw, columns)
