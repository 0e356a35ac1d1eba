"""The word lists the readers consult, kept as data: one TOML file per job in
``data/`` (``page``, ``periods``, ``claims``, ``targets``, ``relations``, ``roles``,
``figures``), each list with a comment that says what its words do. Patterns hold the
syntax around the words (a colon after a key, a digit after a verb) and are built from
these lists with :func:`sdr_analysis.chars.alternation`.
"""

from __future__ import annotations

import functools
import tomllib
from importlib.resources import files
from typing import Any


@functools.cache
def table(name: str) -> dict[str, Any]:
    """The word lists of ``data/<name>.toml``, read once."""
    return tomllib.loads(files(__package__).joinpath("data", f"{name}.toml").read_text(encoding="utf-8"))


def words(name: str, key: str) -> tuple[str, ...]:
    """One list of ``data/<name>.toml``."""
    return tuple(table(name)[key])
