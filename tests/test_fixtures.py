"""One test per fixture per field: a failure names outlet, fixture and field."""

from __future__ import annotations

from functools import cache

import pytest

from cleaners.article import FIELDS
from cleaners.fixtures import Fixture, iter_fixtures

from .conftest import FIXTURES

ALL = iter_fixtures(FIXTURES)


@cache
def _actual(outlet: str, name: str) -> dict:
    fx = next(f for f in ALL if f.outlet == outlet and f.name == name)
    return fx.clean().to_dict()


def _cases() -> list:
    cases = []
    for fx in ALL:
        expected = fx.expected() if fx.expected_path.exists() else {}
        for field in FIELDS:
            if field in expected:
                cases.append(pytest.param(fx, field, expected[field], id=f"{fx.outlet}/{fx.name}/{field}"))
    return cases


@pytest.mark.parametrize(("fixture", "field", "expected"), _cases())
def test_fixture_field(fixture: Fixture, field: str, expected: object) -> None:
    assert _actual(fixture.outlet, fixture.name)[field] == expected


@pytest.mark.parametrize("fixture", ALL, ids=[f"{f.outlet}/{f.name}" for f in ALL])
def test_fixture_has_reviewed_expectation_and_provenance(fixture: Fixture) -> None:
    assert fixture.expected_path.exists(), f"{fixture.outlet}/{fixture.name}: no expected JSON"
    assert fixture.reviewed, f"{fixture.outlet}/{fixture.name}: expected JSON is an unreviewed draft"
    meta = fixture.meta
    assert {"url", "captured", "provenance", "origin"} <= meta.keys()
    assert meta["provenance"] in ("saved", "reconstructed")


@pytest.mark.parametrize("fixture", ALL, ids=[f"{f.outlet}/{f.name}" for f in ALL])
def test_fixture_output_matches_schema(fixture: Fixture, article_validator) -> None:
    article_validator.validate(_actual(fixture.outlet, fixture.name))
