"""`make bench`: claimtrack's speed and memory, measured side by side with a naive spaCy run.

Reads a JSONL corpus (records with `text`) or a folder of articles, by default ../shared/corpus/
bbc-news-2225.jsonl, and prints one table: naive baseline words/s (the full pipeline over every text in
one process) against claimtrack's extraction in the same run, a cold against a cached `claimtrack compare`,
how comparison time grows with 1×, 2×, 4× and 8× the claims, peak memory at two corpus sizes, and start-up.
Figures are ratios measured in one run on one machine, not absolute promises.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import claimtrack
from claimtrack.nlp import DEFAULT_MODEL, load_pipeline

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc-news-2225.jsonl"
SCALES = (1, 2, 4, 8)
SMALL_CORPUS = 500


def words_in(articles) -> int:
    return sum(len(article.text.split()) for article in articles)


def naive_seconds(texts: list[str], model: str) -> float:
    import spacy

    nlp = spacy.load(model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - started


def claimtrack_seconds(articles, model: str) -> tuple[float, list]:
    load_pipeline(model)
    started = time.perf_counter()
    claims = claimtrack.extract(articles, model=model)
    return time.perf_counter() - started, claims


def command_seconds(arguments: list[str], environment: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "claimtrack", *arguments], check=True, env=environment,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def peak_memory_mb(corpus: Path) -> float:
    """Largest resident set of any process of one `claimtrack extract` run, in MB."""
    probe = ("import resource, subprocess, sys; "
             "subprocess.run([sys.executable, '-m', 'claimtrack', 'extract', sys.argv[1], '--no-cache', '--quiet', "
             "'--format', 'json'], stdout=subprocess.DEVNULL, check=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", probe, str(corpus)], capture_output=True, text=True, check=True)
    return int(result.stdout.strip()) / 1024


def compare_scaling(claims) -> list[tuple[int, float]]:
    timings = []
    for scale in SCALES:
        copies = [claim.model_copy(update={"article": f"{claim.article}#{copy}", "id": f"{claim.id}#{copy}"})
                  for copy in range(scale) for claim in claims]
        started = time.perf_counter()
        claimtrack.compare(copies)
        timings.append((len(copies), time.perf_counter() - started))
    return timings


def growth_exponent(timings: list[tuple[int, float]]) -> float:
    xs = [math.log(count) for count, _ in timings]
    ys = [math.log(max(seconds, 1e-9)) for _, seconds in timings]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)


def startup_seconds(flag: str) -> float:
    return min(command_seconds([flag], dict(os.environ)) for _ in range(3))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    arguments = parser.parse_args()
    if not arguments.corpus.exists():
        print(f"skipped: no corpus at {arguments.corpus} (give a JSONL file or a folder of articles)",
              file=sys.stderr)
        return 0
    articles = claimtrack.load([arguments.corpus]).articles
    words = words_in(articles)
    print(f"corpus: {len(articles)} articles, {words:,} words ({arguments.corpus})", file=sys.stderr)

    print("naive spaCy …", file=sys.stderr)
    naive = naive_seconds([article.text for article in articles], arguments.model)
    print("claimtrack extract …", file=sys.stderr)
    ours, claims = claimtrack_seconds(articles, arguments.model)

    with tempfile.TemporaryDirectory(prefix="claimtrack-bench-") as folder:
        environment = dict(os.environ, CLAIMTRACK_CACHE_DIR=str(Path(folder) / "cache"))
        command = ["compare", str(arguments.corpus), "--format", "json", "--quiet"]
        print("cold and cached compare …", file=sys.stderr)
        cold = command_seconds(command, environment)
        cached = command_seconds(command, environment)
        small = Path(folder) / f"first-{SMALL_CORPUS}.jsonl"
        small.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a in articles[:SMALL_CORPUS]),
                         encoding="utf-8")
        print("memory …", file=sys.stderr)
        memory_small = peak_memory_mb(small)
        memory_full = peak_memory_mb(arguments.corpus)

    print("comparison scaling …", file=sys.stderr)
    timings = compare_scaling(claims)
    exponent = growth_exponent(timings)
    compare_share = timings[0][1] / (ours + timings[0][1])
    figures = {
        "articles": len(articles), "words": words, "claims": len(claims),
        "naive_words_per_second": round(words / naive), "claimtrack_words_per_second": round(words / ours),
        "speedup": round(naive / ours, 2), "cold_compare_seconds": round(cold, 2),
        "cached_compare_seconds": round(cached, 2), "cache_speedup": round(cold / cached, 1),
        "compare_seconds": {str(count): round(seconds, 3) for count, seconds in timings},
        "compare_growth_exponent": round(exponent, 2), "compare_share_of_total": round(compare_share, 4),
        f"peak_rss_mb_{SMALL_CORPUS}": round(memory_small), f"peak_rss_mb_{len(articles)}": round(memory_full),
        "rss_growth": round(memory_full / memory_small - 1, 3),
        "help_seconds": round(startup_seconds("--help"), 2), "version_seconds": round(startup_seconds("--version"), 2),
    }
    rows = [
        ("naive spaCy (full pipeline, 1 process)", f"{figures['naive_words_per_second']:,} words/s", ""),
        ("claimtrack extract", f"{figures['claimtrack_words_per_second']:,} words/s",
         f"{figures['speedup']}× naive (target ≥ 2×)"),
        ("claimtrack compare, cold cache", f"{cold:.1f} s", ""),
        ("claimtrack compare, cached", f"{cached:.2f} s", f"{figures['cache_speedup']}× faster (target ≥ 20×)"),
        *((f"compare {count:,} claims", f"{seconds:.3f} s", "") for count, seconds in timings),
        ("compare growth exponent", f"{exponent:.2f}", "target ≤ 1.2"),
        ("compare share of total time", f"{compare_share:.1%}", "target < 5%"),
        (f"peak RSS, {SMALL_CORPUS} articles", f"{memory_small:.0f} MB", ""),
        (f"peak RSS, {len(articles)} articles", f"{memory_full:.0f} MB",
         f"{figures['rss_growth']:+.0%} (targets ≤ 1.5 GB, ≤ +20%)"),
        ("claimtrack --help / --version", f"{figures['help_seconds']} s / {figures['version_seconds']} s",
         "no spaCy import"),
    ]
    width = max(len(label) for label, _, _ in rows)
    print(f"{'measure':<{width}}  {'figure':>18}  note")
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>18}  {note}")
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
