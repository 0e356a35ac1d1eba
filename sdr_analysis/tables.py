"""The tables behind a report's write-ups, as CSV and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from .report import Report


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
        frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        (folder / f"{name}.json").write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
