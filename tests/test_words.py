"""The word lists kept as data (``data/*.toml``): each list is words, none twice, and
every list is one the code reads."""

from __future__ import annotations

import pytest

from conftest import ROOT
from sdr_analysis.words import table, words

WORD_TABLES = ("page", "periods", "claims", "targets", "relations", "roles", "figures", "labels")
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "sdr_analysis").glob("*.py")))


def lists(value, path=()):
    """Every list of a table (its tables' and arrays of tables' too), with its path."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from lists(inner, path + (key,))
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for i, inner in enumerate(value):
            yield from lists(inner, path + (str(i),))
    elif isinstance(value, list):
        yield path, value


@pytest.mark.parametrize("name", WORD_TABLES)
def test_each_list_is_words_none_twice(name):
    found = list(lists(table(name)))
    assert found
    for path, items in found:
        assert all(isinstance(w, str) and w.strip() == w and w for w in items), path
        assert len(set(items)) == len(items), f"{name}: {'.'.join(path)} holds a word twice"


@pytest.mark.parametrize("name", WORD_TABLES)
def test_every_list_is_read_by_the_code(name):
    keys = list(table(name)) + list(table(name).get("words", ()))
    for key in keys:
        assert f'"{key}"' in SOURCE or f"'{key}'" in SOURCE, f"data/{name}.toml: {key} is read by nothing"


def test_words_are_a_tuple_of_the_list():
    assert words("claims", "coverage") == tuple(table("claims")["coverage"])
    with pytest.raises(KeyError):
        words("claims", "no such list")
