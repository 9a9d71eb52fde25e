"""`make eval`: extraction accuracy and cross-article comparison on ../shared/eval, as tables and JSON,
checked against the floors and ceilings pinned in eval-floors.json."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from evaluation import (CLUSTER_SCORER, CLUSTERS_DIR, DEFAULT_CLAIMTRACK, DEFAULT_EVAL_DIR, QUANTITIES_FILE,
                        QUOTES_FILE, evaluate, flat_figures, format_cluster_table, format_table, out_of_bounds,
                        score_clusters)


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: claimtrack's)")
    parser.add_argument("--claimtrack", type=Path, default=DEFAULT_CLAIMTRACK,
                        help="the claimtrack command the cluster scorer runs (default: the one beside this Python)")
    parser.add_argument("--floors", type=Path, help="exit 1 if a figure is past its floor or ceiling in this file")
    return parser.parse_args()


def extraction_figures(eval_dir: Path, model: str | None):
    """Extraction figures, printed as a table; None, said on stderr, when the annotated sets are missing."""
    if not (eval_dir / QUOTES_FILE).exists() or not (eval_dir / QUANTITIES_FILE).exists():
        print(f"skipped: no extraction sets in {eval_dir} (expected {QUOTES_FILE} and {QUANTITIES_FILE})",
              file=sys.stderr)
        return None
    figures = evaluate(eval_dir, model)
    print(format_table(figures))
    return figures


def cluster_figures(eval_dir: Path, claimtrack: Path):
    """Cluster figures per set, printed as a table; None, said on stderr, when the clusters are missing."""
    if not (eval_dir / CLUSTERS_DIR).is_dir() or not (eval_dir / CLUSTER_SCORER).exists():
        print(f"skipped: no clusters in {eval_dir} (expected {CLUSTERS_DIR}/ and {CLUSTER_SCORER})", file=sys.stderr)
        return None
    clusters = score_clusters(eval_dir, claimtrack)
    print()
    print(format_cluster_table(clusters))
    for problem in clusters["all"].problems:
        print(f"{CLUSTER_SCORER}: {problem}", file=sys.stderr)
    return clusters


def main() -> int:
    arguments = parse_arguments()
    figures = extraction_figures(arguments.eval_dir, arguments.model)
    clusters = cluster_figures(arguments.eval_dir, arguments.claimtrack)
    if figures is None and clusters is None:
        return 0
    values = flat_figures(figures, clusters)
    if arguments.json:
        arguments.json.write_text(json.dumps(values, indent=2) + "\n", encoding="utf-8")
        print(f"written: {arguments.json}", file=sys.stderr)
    if arguments.floors:
        failures = out_of_bounds(values, json.loads(arguments.floors.read_text(encoding="utf-8")))
        for failure in failures:
            print(f"past its limit: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
