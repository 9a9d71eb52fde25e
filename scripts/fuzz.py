"""`make fuzz`: generated hostile inputs through the whole pipeline (load → extract → compare → export).

Every input is written as a file with a random supported extension; inputs go through in batches, and a
batch that fails is retried one input at a time, so each failure is counted and named. An input fails when
any stage raises, when a claim's offsets fall outside its article, or when the CSV or JSON does not read
back. Prints the inputs tried and the failures found; exits 1 if there were any.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

import claimtrack
from claimtrack.export import to_csv, to_json
from claimtrack.models import ComparisonReport

FRAGMENTS = [
    "Police said", "at least", "around 15,000 troops", "between 10 and 15 million", "20,000-30,000",
    "according to officials", "citing the Kremlin", "\u201c", "\u201d", '"', "'", "\u2019", "\u00ab", "\u00bb",
    "5\u2032 11\u2033", "reporters'", "WikiLeaks\u2019", "**bold**", "*", "_", "# ", "> ", "- ", "[a](b)",
    "<p>", "</p>", "<script>x=1</script>", "&amp;", "&#8220;", "&", "<", "Â£3.9bn", "â€™", "Ã©",
    "\u00ad", "\u200b", "\ufeff", "\t", "\n", "\n\n", "\r\n", "  ", "\u00a0", "\u2014", "\u2015", "two-thirds",
    "a dozen", "tens of thousands", "$", "\u00a3", "%", "per cent", "minus-5", "0-to-60", "1/16", "sixfold",
    "he said.", "she told reporters.", "\u2014 Ana Ruiz", "PENCE:", "By: A | B", "Published: 2025-01-01 | Views: 8",
    "Mr.", "U.S.", "(D-Md.)", "...", "!", "?", ",", ".", ":", ";", "2019", "Friday (August 15)", "6 a.m.",
    "\U0001f600", "\u0645\u0631\u062d\u0628\u0627", "\u4e2d\u6587", "x" * 300, "9" * 40, "1e308",
]
EXTENSIONS = [".txt", ".md", ".html", ".json", ".jsonl"]


def generate(rng: random.Random) -> tuple[str, bytes]:
    """One hostile input: (file extension, bytes)."""
    kind = rng.random()
    if kind < 0.08:
        return rng.choice(EXTENSIONS), bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 400)))
    text = "".join(rng.choice(FRAGMENTS) + rng.choice(["", " ", " ", " "]) for _ in range(rng.randint(0, 60)))
    if kind < 0.16:
        text = "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 300)))
    extension = rng.choice(EXTENSIONS)
    if extension == ".jsonl":
        lines = [json.dumps({"id": f"r{n}", "text": text[n::3]}) if rng.random() < 0.8 else text[:40]
                 for n in range(rng.randint(1, 4))]
        text = "\n".join(lines)
    elif extension == ".json":
        text = json.dumps({"text": text, "title": text[:20]}) if rng.random() < 0.8 else text
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "utf-16", "cp1252", "latin-1"])
    return extension, text.encode(encoding, errors="replace")


def check(paths: list[Path]) -> None:
    """Run the pipeline on `paths`; raise on any failure."""
    loaded = claimtrack.load(paths)
    claims = claimtrack.extract(loaded.articles)
    texts = {article.id: article.text for article in loaded.articles}
    for claim in claims:
        text = texts[claim.article]
        if not (0 <= claim.start <= claim.end <= len(text)) or not claim.claim_text:
            raise AssertionError(f"claim {claim.id} does not point into its article")
    report = ComparisonReport(claimtrack_version=claimtrack.__version__, model={"name": "fuzz", "version": "0"},
                              articles=loaded.articles, skipped=loaded.skipped, groups=claimtrack.compare(claims))
    if ComparisonReport.model_validate_json(to_json(report)).model_dump() != report.model_dump():
        raise AssertionError("JSON does not read back")
    rows = list(csv.reader(io.StringIO(to_csv(report))))
    if len(rows) - 1 != sum(len(group.claims) for group in report.groups):
        raise AssertionError("CSV does not read back")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--batch", type=int, default=250)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    started = time.monotonic()
    failures: list[tuple[Path, str]] = []
    with tempfile.TemporaryDirectory(prefix="claimtrack-fuzz-") as folder:
        paths = []
        for number in range(arguments.inputs):
            extension, data = generate(rng)
            path = Path(folder) / f"input-{number:05d}{extension}"
            path.write_bytes(data)
            paths.append(path)
        for first in range(0, len(paths), arguments.batch):
            batch = paths[first: first + arguments.batch]
            try:
                check(batch)
            except Exception:  # a failing batch is retried input by input to name the culprits
                for path in batch:
                    try:
                        check([path])
                    except Exception as error:
                        failures.append((path, "".join(traceback.format_exception_only(error)).strip()))
                        Path("fuzz-failures").mkdir(exist_ok=True)
                        (Path("fuzz-failures") / path.name).write_bytes(path.read_bytes())
            print(f"\r{min(first + arguments.batch, len(paths))}/{len(paths)} inputs", end="", file=sys.stderr)
    print(file=sys.stderr)
    for path, error in failures[:20]:
        print(f"failure: {path.name}: {error}")
    print(f"fuzz: {arguments.inputs} inputs tried, {len(failures)} failures, "
          f"{time.monotonic() - started:.0f} s (seed {arguments.seed}; failing inputs kept in fuzz-failures/)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
