"""The tables behind a report's write-ups, as CSV and JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from .outputs import safe_cell, write_file
from .report import Report

if TYPE_CHECKING:
    import pandas as pd


def spreadsheet_safe(frame: "pd.DataFrame") -> "pd.DataFrame":
    """The frame with every text cell made safe to open in a spreadsheet
    (:func:`~sdr_analysis.outputs.safe_cell`); the JSON tables keep the text as it is."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype.kind not in "biufcmM":  # text, or values of mixed kinds
            out[column] = out[column].map(safe_cell)
    return out


def write_tables(report: Report, folder: Path) -> None:
    """The tables behind the write-ups, as CSV and JSON."""
    frames = {
        "sections": report.sections_frame(),
        "indicators": report.indicators_frame(),
        "claims": report.claims_frame(),
        "relations": report.relations_frame(),
        "terms": report.terms_frame(),
    }
    for name, frame in frames.items():
        write_file(folder / f"{name}.csv", spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n"))
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        write_file(folder / f"{name}.json", json.dumps(records, ensure_ascii=False, indent=1) + "\n")
