"""Shared fixtures: paths to the data files, and the spaCy pipeline loaded once per session."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
# Commands run by the tests keep their claim cache out of the user's cache folder, and start without one.
os.environ["CLAIMTRACK_CACHE_DIR"] = tempfile.mkdtemp(prefix="claimtrack-test-cache-")
FIXTURES = TESTS / "fixtures"
SEEDS = TESTS.parent / "seeds"


def read_cases(name: str) -> list[dict]:
    """Cases of a parametrised test, one JSON object a line in tests/fixtures/sentences/NAME.jsonl."""
    path = FIXTURES / "sentences" / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def nlp():
    from claimtrack.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_report():
    import claimtrack

    return claimtrack.run([SEEDS])
