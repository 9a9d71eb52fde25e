"""`make fuzz`: generated hostile inputs through the whole pipeline (load → extract → compare → export).

Every input is written as a file with a random supported extension; inputs go through in batches, and a
batch that fails is retried one input at a time, so each failure is counted and named. An input fails when
any stage raises, when a claim's offsets fall outside its article, or when the CSV or JSON does not read
back. Prints the inputs tried, the failures found and the slowest inputs with their time per kilobyte (so
that a new path slower than linear shows up as a number, not as a hang); exits 1 if there were failures.

`--families` instead runs each pathological family (FAMILIES: text that once took time growing with the
square of its size) at three sizes through the real command, and prints time, peak memory and the growth
exponent between sizes; it exits 1 if a family's exponent is over 1.2 or its ordinary claim is lost. With
no family named, it then runs each command on the page of one big table the same way (TABLE_PAGE_COMMANDS).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import claimtrack
from bench import growth_exponent
from claimtrack.export import to_csv, to_json
from claimtrack.models import ComparisonReport
from claimtrack.nlp import load_pipeline

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

# Each pathological family ends with this ordinary claim, which must still be found.
ORDINARY = "Police said 12 people were hurt in the fire."
ORDINARY_CLAIM = "12 people"


def _table_page(size: int) -> str:
    row = "<tr><td>Row {0}</td><td>Officials said {0} homes lost power on Monday.</td></tr>\n"
    rows = "".join(row.format(number) for number in range(size // len(row.format(1000))))
    return f"<html><body><table>{rows}</table><p>{ORDINARY}</p></body></html>"


def _small_records(size: int) -> str:
    record = "Officials said {} homes lost power on Monday."
    return "".join(json.dumps({"text": record.format(number)}) + "\n" for number in range(size)) + \
        json.dumps({"text": ORDINARY})


def _quoted_words(size: int) -> str:
    return "The list read " + ", ".join(f'"word{number}"' for number in range(size)) + ". " + ORDINARY


# name: (extension, text of a given size, three sizes)
FAMILIES: dict[str, tuple[str, Callable[[int], str], tuple[int, int, int]]] = {
    "straight quote marks in a row": (".txt", lambda n: '"' * n + " " + ORDINARY, (5_000, 10_000, 20_000)),
    "curly quote pairs": (".txt", lambda n: "\u201c\u201d" * n + " " + ORDINARY, (5_000, 10_000, 20_000)),
    "alternating quote and word": (".txt", lambda n: '"a ' * n + ORDINARY, (5_000, 10_000, 20_000)),
    "nested parentheses": (".txt", lambda n: "(" * n + "the roads were closed" + ")" * n + ". " + ORDINARY,
                           (2_000, 8_000, 25_000)),
    "one long token": (".txt", lambda n: "x" * n + " " + ORDINARY, (275_000, 550_000, 1_100_000)),
    "quoted word list": (".txt", _quoted_words, (500, 1_000, 2_000)),
    # Prose, but one paragraph of thousands of sentences, each quote running across a sentence end.
    "quotes across sentence ends": (".txt", lambda n: 'He said "Go now. Stay" then left. Rain fell. ' * n + ORDINARY,
                                    (1_000, 2_000, 4_000)),
    "HTML page of one big table": (".html", _table_page, (250_000, 500_000, 1_000_000)),
    "JSON array of numbers": (".json", lambda n: json.dumps([{"text": ORDINARY}, *range(n)]),
                              (250_000, 500_000, 1_000_000)),
    # One short article per record: the cost of each article must not grow with the number before it.
    "many small records": (".jsonl", _small_records, (5_000, 10_000, 20_000)),
    "JSON nested deeply": (".jsonl", lambda n: '{"a": ' + "[" * n + "]" * n + "}\n" + json.dumps({"text": ORDINARY}),
                           (25_000, 50_000, 100_000)),
}
LARGEST_EXPONENT = 1.2


def generate(rng: random.Random) -> tuple[str, bytes]:
    """One hostile input: (file extension, bytes)."""
    kind = rng.random()
    if kind < 0.01:
        # A pathological family at a modest size, with whatever else around it.
        extension, make, sizes = rng.choice(list(FAMILIES.values()))
        return extension, make(rng.randint(1, sizes[0] // 10)).encode("utf-8")
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


def check(paths: list[Path], timings: dict[str, float]) -> None:
    """Run the pipeline on `paths`; raise on any failure. Adds to `timings` the seconds from one article's
    claims to the next, which is the time each article took give or take a shared batch."""
    loaded = claimtrack.load(paths)
    load_pipeline()  # once, before the clock starts
    last = time.perf_counter()

    def timed(article) -> None:
        nonlocal last
        now = time.perf_counter()
        timings[article.path] = timings.get(article.path, 0) + now - last
        last = now

    claims = claimtrack.extract(loaded.articles, on_article=timed)
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


# Runs in a fresh process per input, so that its peak memory is its own: times loading and extraction
# after the model is loaded, in processor seconds of it and its parsing processes (on a shared machine the
# clock on the wall also counts other people's work), and says whether the ordinary claim was found. Claims
# are looked at as they come and not kept, as the command spools them, so that memory is the extraction's.
_PROBE = """
import resource, sys
import claimtrack
from claimtrack.nlp import load_pipeline

def processor_seconds():
    return sum(usage.ru_utime + usage.ru_stime
               for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))

load_pipeline()
started = processor_seconds()
found = False
for claim in claimtrack.iter_claims(claimtrack.load([sys.argv[1]]).articles):
    found |= claim.claim_text == sys.argv[2]
print(processor_seconds() - started, found)
"""


def run_measured(command: list[str]) -> tuple[float, float, float, str]:
    """Run `command`: seconds on the clock, its processor seconds, its peak memory in MB, and its stdout."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    output = process.stdout.read()
    process.stdout.close()
    _, status, usage = os.wait4(process.pid, 0)  # reaped here rather than by Popen, for its resource usage
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def run_family(path: Path) -> tuple[float, float, float, bool]:
    """For one input: seconds of the whole run, processor seconds of loading and extraction alone, peak
    memory in MB, and whether the ordinary claim was found."""
    seconds, _, memory, output = run_measured([sys.executable, "-c", _PROBE, str(path), ORDINARY_CLAIM])
    work, found = output.split()
    return seconds, float(work), memory, found == "True"


# What the whole command holds besides extraction, on the page of one big table: compare keeps every claim
# and its groups, and each output is made from them. Run with one parsing process, so that its own processor
# time and memory are all of the run's.
TABLE_PAGE_COMMANDS = {
    "extract, JSON": ["extract", "--format", "json"],
    "extract, table": ["extract", "--format", "table"],
    "compare, JSON": ["compare", "--format", "json"],
    "compare, table": ["compare", "--format", "table"],
}


def measure_table_page_commands() -> None:
    """Each command of TABLE_PAGE_COMMANDS on the table page at its three sizes: time, memory, and the growth
    exponents of its processor time (model loading included) and of its memory above what the same command
    takes on a page of one sentence (the model's)."""
    _, make, sizes = FAMILIES["HTML page of one big table"]
    print(f"\n{'command on the table page':<30} {'size':>10} {'KB':>7} {'run':>7} {'work':>8} {'memory':>9}  "
          f"exponent (time, memory)")
    with tempfile.TemporaryDirectory(prefix="claimtrack-commands-") as folder:
        path = Path(folder) / "table.html"

        def run(arguments: list[str], page: str) -> tuple[float, float, float, str]:
            path.write_text(page, encoding="utf-8")
            return run_measured([sys.executable, "-m", "claimtrack", *arguments, str(path), "--no-cache", "--quiet",
                                 "--jobs", "1"])

        for name, arguments in TABLE_PAGE_COMMANDS.items():
            baseline = run(arguments, f"<html><body><p>{ORDINARY}</p></body></html>")[2]
            timings, memories = [], []
            for size in sizes:
                seconds, work, memory, _ = run(arguments, make(size))
                timings.append((size, work))
                memories.append((size, max(memory - baseline, 1)))
                exponents = f"{growth_exponent(timings):.2f}, {growth_exponent(memories):.2f}" \
                    if len(timings) > 1 else ""
                print(f"{name:<30} {size:>10,} {path.stat().st_size / 1024:>7,.0f} {seconds:>6.1f}s {work:>7.3f}s "
                      f"{memory:>6,.0f} MB  {exponents}", flush=True)


def measure_families(names: list[str]) -> int:
    """Each family at its three sizes: time, memory, and the growth exponent of the work (loading and
    extraction, without start-up) between the sizes so far."""
    print(f"{'family':<30} {'size':>10} {'KB':>7} {'run':>7} {'work':>8} {'memory':>9}  claim  exponent")
    failed = False
    with tempfile.TemporaryDirectory(prefix="claimtrack-families-") as folder:
        for name in names:
            extension, make, sizes = FAMILIES[name]
            timings = []
            for size in sizes:
                path = Path(folder) / f"family{extension}"
                path.write_text(make(size), encoding="utf-8")
                seconds, work, memory, found = run_family(path)
                timings.append((size, work))
                exponent = f"{growth_exponent(timings):.2f}" if len(timings) > 1 else ""
                failed |= not found
                print(f"{name:<30} {size:>10,} {path.stat().st_size / 1024:>7,.0f} {seconds:>6.1f}s {work:>7.3f}s "
                      f"{memory:>6,.0f} MB  {'found' if found else 'LOST':<5}  {exponent}", flush=True)
            failed |= growth_exponent(timings) > LARGEST_EXPONENT
    return 1 if failed else 0


def report_slowest(timings: dict[str, float], count: int = 5) -> None:
    per_kilobyte = sorted(((seconds / max(Path(path).stat().st_size / 1024, 1), seconds, path)
                           for path, seconds in timings.items()), reverse=True)
    for rate, seconds, path in per_kilobyte[:count]:
        print(f"slowest: {Path(path).name}: {seconds:.2f} s, {rate * 1000:.0f} ms per KB "
              f"({Path(path).stat().st_size / 1024:,.1f} KB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument("--families", nargs="*", choices=list(FAMILIES), metavar="FAMILY",
                        help="measure the pathological families (all when none is named) instead")
    arguments = parser.parse_args()
    if arguments.families is not None:
        status = measure_families(arguments.families or list(FAMILIES))
        if not arguments.families:
            measure_table_page_commands()
        return status
    rng = random.Random(arguments.seed)
    started = time.monotonic()
    failures: list[tuple[Path, str]] = []
    timings: dict[str, float] = {}
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
                check(batch, timings)
            except Exception:  # a failing batch is retried input by input to name the culprits
                for path in batch:
                    try:
                        check([path], timings)
                    except Exception as error:
                        failures.append((path, "".join(traceback.format_exception_only(error)).strip()))
                        Path("fuzz-failures").mkdir(exist_ok=True)
                        (Path("fuzz-failures") / path.name).write_bytes(path.read_bytes())
            print(f"\r{min(first + arguments.batch, len(paths))}/{len(paths)} inputs", end="", file=sys.stderr)
        print(file=sys.stderr)
        report_slowest(timings)
    for path, error in failures[:20]:
        print(f"failure: {path.name}: {error}")
    print(f"fuzz: {arguments.inputs} inputs tried, {len(failures)} failures, "
          f"{time.monotonic() - started:.0f} s (seed {arguments.seed}; failing inputs kept in fuzz-failures/)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
