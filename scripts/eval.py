"""`make eval`: extraction accuracy on ../shared/eval, as a table and JSON, checked against pinned floors."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from claimtrack.evaluation import DEFAULT_EVAL_DIR, QUANTITIES_FILE, QUOTES_FILE, below_floors, evaluate, format_table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: claimtrack's)")
    parser.add_argument("--floors", type=Path, help="exit 1 if a figure is below its floor in this file")
    arguments = parser.parse_args()
    if not (arguments.eval_dir / QUOTES_FILE).exists() or not (arguments.eval_dir / QUANTITIES_FILE).exists():
        print(f"skipped: no evaluation sets in {arguments.eval_dir} (expected {QUOTES_FILE} and {QUANTITIES_FILE})",
              file=sys.stderr)
        return 0
    figures = evaluate(arguments.eval_dir, arguments.model)
    print(format_table(figures))
    if arguments.json:
        arguments.json.write_text(json.dumps(asdict(figures), indent=2) + "\n", encoding="utf-8")
        print(f"written: {arguments.json}", file=sys.stderr)
    if arguments.floors:
        failures = below_floors(figures, json.loads(arguments.floors.read_text(encoding="utf-8")))
        for failure in failures:
            print(f"below floor: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
