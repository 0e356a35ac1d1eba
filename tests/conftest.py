"""Shared fixtures, and the ``notebooks`` mark on every nbval item so that
``pytest -m "not notebooks"`` skips executing notebooks."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "dalian-shahekou-2022.txt"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid.endswith(".ipynb") or ".ipynb::" in item.nodeid:
            item.add_marker(pytest.mark.notebooks)


@pytest.fixture(scope="session")
def seed_report():
    from sdr_analysis import load_report

    return load_report(SEED)
