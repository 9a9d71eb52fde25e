"""Quality gate: extraction accuracy on ../shared/eval may not fall below the floors pinned in
eval-floors.json. A change that lowers one must lower the floor in the same commit, and say why."""

import json
from pathlib import Path

import pytest

from claimtrack.evaluation import DEFAULT_EVAL_DIR, QUANTITIES_FILE, QUOTES_FILE, below_floors, evaluate

FLOORS = Path(__file__).resolve().parent.parent / "eval-floors.json"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def figures():
    if not (DEFAULT_EVAL_DIR / QUOTES_FILE).exists() or not (DEFAULT_EVAL_DIR / QUANTITIES_FILE).exists():
        pytest.skip(f"the evaluation sets are not in {DEFAULT_EVAL_DIR}")
    return evaluate(DEFAULT_EVAL_DIR)


def test_no_figure_falls_below_its_floor(figures):
    assert below_floors(figures, json.loads(FLOORS.read_text(encoding="utf-8"))) == []


def test_every_gold_item_was_scored(figures):
    assert figures.counts["gold_quotes"] == 423 and figures.counts["gold_quantities"] == 174
