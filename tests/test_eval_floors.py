"""Quality gate: extraction accuracy and cross-article comparison on ../shared/eval may not fall below the
floors (or rise above the ceilings) pinned in eval-floors.json. A change that moves one must move the pin in the
same commit, and say why."""

import json
import sys
from pathlib import Path

import pytest

# The scoring reads ../shared, so it lives beside the scripts rather than in the package; import it from there.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from evaluation import (CLUSTER_SCORER, CLUSTERS_DIR, DEFAULT_EVAL_DIR, QUANTITIES_FILE, QUOTES_FILE,  # noqa: E402
                        evaluate, flat_figures, out_of_bounds, score_clusters)

LIMITS = json.loads((Path(__file__).resolve().parent.parent / "eval-floors.json").read_text(encoding="utf-8"))
CLUSTERS_PER_HALF = {"ecb": 5, "other": 5}
GOLD_MENTIONS_IN_ALL = 368

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def figures():
    if not (DEFAULT_EVAL_DIR / QUOTES_FILE).exists() or not (DEFAULT_EVAL_DIR / QUANTITIES_FILE).exists():
        pytest.skip(f"the evaluation sets are not in {DEFAULT_EVAL_DIR}")
    return evaluate(DEFAULT_EVAL_DIR, tuning_set=False)


@pytest.fixture(scope="module")
def clusters():
    if not (DEFAULT_EVAL_DIR / CLUSTERS_DIR).is_dir() or not (DEFAULT_EVAL_DIR / CLUSTER_SCORER).exists():
        pytest.skip(f"the clusters or {CLUSTER_SCORER} are not in {DEFAULT_EVAL_DIR}")
    return score_clusters(DEFAULT_EVAL_DIR)


def test_no_figure_falls_below_its_floor(figures):
    assert out_of_bounds(flat_figures(figures=figures), LIMITS) == []


def test_every_gold_item_was_scored(figures):
    assert figures.counts["gold_quotes"] == 423 and figures.counts["gold_quantities"] == 174


def test_no_cluster_figure_passes_its_floor_or_ceiling(clusters):
    assert out_of_bounds(flat_figures(clusters=clusters), LIMITS) == []


def test_every_cluster_was_scored(clusters):
    """Counts from the scorer's own lines: a cluster that was skipped, or whose compare failed, shows here."""
    assert {half: clusters[half].counts["clusters"] for half in CLUSTERS_PER_HALF} == CLUSTERS_PER_HALF
    assert clusters["all"].counts["clusters"] == sum(CLUSTERS_PER_HALF.values())
    assert clusters["all"].counts["gold_mentions"] == GOLD_MENTIONS_IN_ALL
    assert clusters["all"].problems == []


def test_every_pinned_name_is_a_figure(figures, clusters):
    """An unknown name would never be checked, since eval skips the figures of a missing data set."""
    names = set(flat_figures(figures, clusters)) - {"counts"}
    assert set(LIMITS["floors"]) | set(LIMITS["ceilings"]) <= names
