"""Every value the parser can give a finding has words in each language of the
catalog: its kinds, units, qualifiers, money roles, relation kinds and directions,
claim kinds and scopes, and parts' periods. The values are read from the parser's own
tables (the ones its readers use), so a kind or unit added there without words fails
here, not on a report's pages (a figure of kind ``rate``, ``18万元/人``, once sank
every page of its report)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from sdr_analysis import candidates, claims, index, outline, relations, roles, units
from sdr_analysis.messages import catalog, t
from sdr_analysis.phrases import SCOPES
from sdr_analysis.results import Relation
from sdr_analysis.wording import unit_words
from sdr_analysis.words import table

LANGS = sorted(catalog())


def test_both_languages_are_checked():
    assert LANGS == ["en", "zh"]


def named(lang: str, key: str, values) -> list:
    """The values that the catalog's table ``key`` in ``lang`` has no words for."""
    words = t(lang, key)
    return [v for v in values if not (isinstance(words.get(v), str) and words[v].strip())]


@pytest.mark.parametrize("lang", LANGS)
def test_every_kind_has_words(lang):
    assert "rate" in units.KINDS  # the kind of 18万元/人: from the table of units and their rates
    assert {u.kind for u in units.UNITS} <= set(units.KINDS)
    assert named(lang, "kind_names", units.KINDS) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_unit_that_is_not_a_count_has_words(lang):
    # a count's measure word (所, 栋) is shown as written, in brackets in English
    # (unit_in_words); every other unit, and every unit a rate may be per, has words
    measured = {u.base for u in units.UNITS if u.kind != "count"}
    counts = {u.base for u in units.UNITS if u.kind == "count"}
    per = {p for p in units.PER_UNITS if p not in counts}
    assert named(lang, "units", sorted(measured | per)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_unit_and_rate_reads_in_words(lang):
    bases = {u.base for u in units.UNITS}
    for unit in sorted(bases) + [f"{b}/{p}" for b in ("元", "人", "吨") for p in units.PER_UNITS]:
        words = unit_words(unit, lang)
        assert words.strip(), unit
        if lang == "en":  # Chinese only in brackets, as written
            assert not re.search(r"[\u4e00-\u9fff]", re.sub(r"\([^)]*\)", "", words)), (unit, words)
    assert unit_words("元/人", "en").startswith("yuan per ")
    assert unit_words("元/人", "zh") == "元/人"


@pytest.mark.parametrize("lang", LANGS)
def test_every_qualifier_has_words(lang):
    assert {"exact", "range", "more_than", "less_than", "about", "nearly"} <= set(candidates.QUALIFIERS)
    assert named(lang, "qualifier_names", candidates.QUALIFIERS) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_money_role_has_words(lang):
    found = {rule_role for rule_role, _ in roles.ROLE_RULES} | {"standard", "other"}
    assert found <= set(roles.ROLES)
    assert named(lang, "role_names", roles.ROLES) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_relation_kind_role_and_direction_has_words(lang):
    assert named(lang, "relation_kinds", relations.RELATION_KINDS) == []
    figures = [f.name for f in dataclasses.fields(Relation) if "Indicator" in str(f.type)]
    assert figures and named(lang, "relation_roles", figures) == []
    directions = sorted({d for d in relations.DIRECTION_VERBS.values() if d is not None})
    assert directions and named(lang, "directions", directions) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_claim_kind_and_scope_has_words(lang):
    for kind in claims.TAG_ORDER:
        assert isinstance(t(lang, kind), str) and t(lang, kind).strip(), kind
        one, many = t(lang, f"counts.{kind}")
        assert one and "{n}" in many
    scopes = list(table("claims")["scopes"]) + [None]
    assert set(scopes) <= set(SCOPES)  # the pages order claims by these
    for scope in scopes:
        assert t(lang, f"scope_{scope or 'none'}").strip(), scope


@pytest.mark.parametrize("lang", LANGS)
def test_every_period_has_words(lang):
    assert {"review", "plan", "five_year", "government", "other"} <= set(outline.PERIODS)
    assert named(lang, "period_names", outline.PERIODS) == []


def test_every_period_has_words_on_the_index():
    assert [p for p in outline.PERIODS if p not in index.PERIOD_NAMES] == []
