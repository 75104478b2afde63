"""Shared paths for the test-suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def run_kaznews(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """`kaznews ARGS...` in a subprocess from the checkout, its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "scrapers.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


SCHEMA_PATH = ROOT / "cleaners" / "article.schema.json"


@pytest.fixture(scope="session")
def article_validator():
    import json

    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)
