"""Score claimtrack on the annotated dev sets of ../shared/eval with the metrics their README defines.

`make eval` runs it through scripts/eval.py, which prints the tables and checks eval-floors.json. It lives
beside the scripts, not in the package, because it reads ../shared, which an installed claimtrack never has.

Quotes (PolNeAR): predicted and gold quotes of a paragraph are paired one-to-one, greedily by token F1
over casefolded word tokens; a pair matches at F1 ≥ 0.5. Speakers match when they share a word once
function words and titles are dropped. The quote figures are also given for PolNeAR's train split, which
the rules are tuned on, so that the two can be compared. Quantities (NewsQuant): per sentence, a prediction
matches at most one gold quantity of equal value (1e-6 relative) or, for ranges, equal endpoints.

Clusters (cross-article comparison): ../shared/eval/score_clusters.py runs `claimtrack compare` on each
cluster folder and defines the metrics; it is not ours, so it runs as it is, as a subprocess, once per half
(the ECB+ clusters, and all the others), and its printed counts are parsed and summed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from claimtrack.models import Claim

QUOTES_FILE = "polnear_dev.jsonl"
# PolNeAR's train split: the quote rules are tuned on it, so its figures are reported beside the dev set's,
# which is kept for checking; a gain on this set alone is not a gain.
TUNING_QUOTES_FILE = "polnear_train.jsonl"
QUANTITIES_FILE = "newsquant_dev.jsonl"
CLUSTERS_DIR = "clusters"
CLUSTER_SCORER = "score_clusters.py"
CHECKOUT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL_DIR = CHECKOUT.parent / "shared" / "eval"
MATCH_F1 = 0.5
# Function words and titles, dropped before speakers are compared (the eval README's rule).
SPEAKER_STOP_WORDS = {
    "the", "a", "an", "of", "and", "for", "to", "s", "mr", "ms", "mrs", "dr", "president", "sen", "senator",
    "gov", "governor", "rep", "secretary", "prof", "professor", "sir", "gen", "general", "jr", "sr", "vice",
}
_TOKEN = re.compile(r"\w+")


@dataclass
class Figures:
    """Every figure `make eval` reports; the names are the keys of the JSON and of the floors file."""

    quote_precision: float = 0.0
    quote_recall: float = 0.0
    quote_f1: float = 0.0
    speaker_accuracy: float = 0.0
    quote_speaker_f1: float = 0.0
    quantity_precision: float = 0.0
    quantity_recall: float = 0.0
    quantity_f1: float = 0.0
    range_recall: float = 0.0
    approximated_recall: float = 0.0
    spelled_recall: float = 0.0
    approximator_accuracy: float = 0.0
    paragraphs_per_second: float = 0.0
    tuning_quote_f1: float = 0.0
    tuning_speaker_accuracy: float = 0.0
    tuning_quote_speaker_f1: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


def tokens(text: str | None) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text or "")]


def token_f1(predicted: str, gold: str) -> float:
    a, b = Counter(tokens(predicted)), Counter(tokens(gold))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def speaker_matches(predicted: Claim, gold: dict) -> bool:
    """Shared content word between the gold speaker and the predicted speaker or the words naming it
    (so a gold "he" is matched by the pronoun as written, or by the person it was resolved to)."""
    gold_words = set(tokens(gold["speaker"])) - SPEAKER_STOP_WORDS
    predicted_words = (set(tokens(predicted.speaker)) | set(tokens(predicted.speaker_mention))) - SPEAKER_STOP_WORDS
    return bool(gold_words & predicted_words)


def _ratio(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0


def score_quotes(records: list[dict], predicted: dict[str, list[Claim]], figures: Figures) -> None:
    matched = speaker_right = predicted_count = gold_count = 0
    for record in records:
        quotes = [c for c in predicted.get(record["id"], []) if c.kind == "quote"]
        gold = record["quotes"]
        predicted_count += len(quotes)
        gold_count += len(gold)
        pairs = sorted(((token_f1(p.claim_text, g["quote"]), i, j) for i, p in enumerate(quotes)
                        for j, g in enumerate(gold)), reverse=True)
        used_predicted: set[int] = set()
        used_gold: set[int] = set()
        for score, i, j in pairs:
            if score < MATCH_F1 or i in used_predicted or j in used_gold:
                continue
            used_predicted.add(i)
            used_gold.add(j)
            matched += 1
            speaker_right += speaker_matches(quotes[i], gold[j])
    figures.quote_precision = _ratio(matched, predicted_count)
    figures.quote_recall = _ratio(matched, gold_count)
    figures.quote_f1 = _f1(figures.quote_precision, figures.quote_recall)
    figures.speaker_accuracy = _ratio(speaker_right, matched)
    figures.quote_speaker_f1 = _f1(_ratio(speaker_right, predicted_count), _ratio(speaker_right, gold_count))
    figures.counts.update(gold_quotes=gold_count, predicted_quotes=predicted_count, matched_quotes=matched)


def _predicted_value(claim: Claim) -> tuple[float, float] | None:
    if claim.approximator == "lower_bound" or claim.high is None:
        value = claim.low
        return None if value is None else (value, value)
    if claim.approximator == "upper_bound" or claim.low is None:
        return (claim.high, claim.high)
    return (claim.low, claim.high)


def _gold_value(gold: dict) -> tuple[float, float]:
    value = gold["value"]
    if isinstance(value, list):
        return (min(value), max(value))
    return (value, value)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def score_quantities(records: list[dict], predicted: dict[str, list[Claim]], figures: Figures) -> None:
    matched = predicted_count = gold_count = approximator_right = 0
    kinds = Counter()
    kinds_found = Counter()
    for record in records:
        figures_found = [c for c in predicted.get(record["id"], []) if c.kind == "quantity"]
        values = [_predicted_value(c) for c in figures_found]
        gold = record["quantities"]
        predicted_count += len(figures_found)
        gold_count += len(gold)
        used: set[int] = set()
        found_gold: set[int] = set()
        for claim, value in zip(figures_found, values):
            if value is None:
                continue
            for j, quantity in enumerate(gold):
                low, high = _gold_value(quantity)
                if j not in used and _same(value[0], low) and _same(value[1], high):
                    used.add(j)
                    found_gold.add(j)
                    matched += 1
                    approximator_right += (claim.approximator or "exact") == (quantity["approximator"] or "exact")
                    break
        for j, quantity in enumerate(gold):
            for kind in _gold_kinds(quantity):
                kinds[kind] += 1
                kinds_found[kind] += j in found_gold
    figures.quantity_precision = _ratio(matched, predicted_count)
    figures.quantity_recall = _ratio(matched, gold_count)
    figures.quantity_f1 = _f1(figures.quantity_precision, figures.quantity_recall)
    figures.range_recall = _ratio(kinds_found["range"], kinds["range"])
    figures.approximated_recall = _ratio(kinds_found["approximated"], kinds["approximated"])
    figures.spelled_recall = _ratio(kinds_found["spelled"], kinds["spelled"])
    figures.approximator_accuracy = _ratio(approximator_right, matched)
    figures.counts.update(gold_quantities=gold_count, predicted_quantities=predicted_count,
                          matched_quantities=matched, gold_ranges=kinds["range"])


def _gold_kinds(quantity: dict) -> Iterable[str]:
    if isinstance(quantity["value"], list):
        yield "range"
    if quantity["approximator"] not in (None, "exact"):
        yield "approximated"
    surface = quantity.get("surface")
    if surface and not re.search(r"\d", surface):
        yield "spelled"


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(path: Path, model: str) -> tuple[dict[str, list[Claim]], float]:
    """Claims per record id, through the same loader and extractor as `claimtrack extract`; and seconds."""
    from claimtrack import extract, load

    loaded = load([path])
    started = time.perf_counter()
    claims = extract(loaded.articles, model=model)
    elapsed = time.perf_counter() - started
    by_record: dict[str, list[Claim]] = {}
    for claim in claims:
        by_record.setdefault(claim.article, []).append(claim)
    return by_record, elapsed


def evaluate(eval_dir: Path = DEFAULT_EVAL_DIR, model: str | None = None, *, tuning_set: bool = True) -> Figures:
    """All extraction figures; with `tuning_set`, also the quote figures of the train split when it is there."""
    from claimtrack.nlp import DEFAULT_MODEL, load_pipeline

    model = model or DEFAULT_MODEL
    load_pipeline(model)  # loaded before timing, as every run loads it once
    figures = Figures()
    quote_records = read_records(eval_dir / QUOTES_FILE)
    predicted, seconds = predict(eval_dir / QUOTES_FILE, model)
    score_quotes(quote_records, predicted, figures)
    figures.paragraphs_per_second = round(len(quote_records) / seconds, 1) if seconds else 0.0
    quantity_records = read_records(eval_dir / QUANTITIES_FILE)
    predicted, _ = predict(eval_dir / QUANTITIES_FILE, model)
    score_quantities(quantity_records, predicted, figures)
    if tuning_set and (eval_dir / TUNING_QUOTES_FILE).exists():
        score_tuning_set(eval_dir / TUNING_QUOTES_FILE, model, figures)
    return figures


def score_tuning_set(path: Path, model: str, figures: Figures) -> None:
    tuning = Figures()
    score_quotes(read_records(path), predict(path, model)[0], tuning)
    figures.tuning_quote_f1 = tuning.quote_f1
    figures.tuning_speaker_accuracy = tuning.speaker_accuracy
    figures.tuning_quote_speaker_f1 = tuning.quote_speaker_f1
    figures.counts.update({f"tuning_{name}": count for name, count in tuning.counts.items()})


ROWS = [
    ("direct/mixed quote F1 (PolNeAR)", "quote_f1", 0.90),
    ("  quote precision", "quote_precision", None),
    ("  quote recall", "quote_recall", None),
    ("speaker accuracy on matched quotes", "speaker_accuracy", 0.95),
    ("quote + speaker end-to-end F1", "quote_speaker_f1", 0.85),
    ("quantity value F1 (NewsQuant)", "quantity_f1", 0.92),
    ("  quantity precision", "quantity_precision", None),
    ("  quantity recall", "quantity_recall", None),
    ("recall on ranges", "range_recall", 0.85),
    ("recall on approximated values", "approximated_recall", None),
    ("recall on spelled-out numbers", "spelled_recall", None),
    ("approximator right on matched values", "approximator_accuracy", 0.95),
    ("throughput (PolNeAR paragraphs/s)", "paragraphs_per_second", None),
]
# The same quote figures on the set they were tuned on, shown when it was scored.
TUNING_ROWS = [
    ("tuned-on train split: quote F1", "tuning_quote_f1", None),
    ("  speaker accuracy", "tuning_speaker_accuracy", None),
    ("  quote + speaker F1", "tuning_quote_speaker_f1", None),
]


def format_table(figures: Figures) -> str:
    values = asdict(figures)
    lines = [f"{'figure':<40} {'claimtrack':>10} {'target':>8}"]
    rows = ROWS + TUNING_ROWS if "tuning_gold_quotes" in figures.counts else ROWS
    for label, key, target in rows:
        lines.append(f"{label:<40} {values[key]:>10} {'' if target is None else f'≥ {target}':>8}")
    lines.append("counts: " + ", ".join(f"{k} {v}" for k, v in figures.counts.items()))
    return "\n".join(lines)


# --- Cross-article clusters, scored by ../shared/eval/score_clusters.py ---

# The claimtrack beside the running Python: the venv's own when `make eval` runs .venv/bin/python.
DEFAULT_CLAIMTRACK = Path(sys.executable).with_name("claimtrack")
# Every cluster not from ECB+ (today gva_ and basil_) is in the other half, so the halves add up to all.
ECB_PREFIX = "ecb_"
CLUSTER_SETS = {"ecb": "ecb half", "other": "other half", "all": "all"}
CLUSTER_COUNTS = ("clusters", "gold_mentions", "matched_mentions", "pair_tp", "pair_fp", "pair_fn", "verdict_slots",
                  "right_verdicts", "calm_slots", "false_conflicts", "single_mentions", "right_single")
# The scorer's line per cluster: "NAME: mentions 38/38  pairs tp=19 fp=74 fn=32  verdicts 5/11
# false-conflicts 2/6  single 1/1".
_CLUSTER_LINE = re.compile(
    r"\S+: mentions (?P<matched_mentions>\d+)/(?P<gold_mentions>\d+)\s+"
    r"pairs tp=(?P<pair_tp>\d+) fp=(?P<pair_fp>\d+) fn=(?P<pair_fn>\d+)\s+"
    r"verdicts (?P<right_verdicts>\d+)/(?P<verdict_slots>\d+)\s+"
    r"false-conflicts (?P<false_conflicts>\d+)/(?P<calm_slots>\d+)\s+"
    r"single (?P<right_single>\d+)/(?P<single_mentions>\d+)")
# Its last line: "clusters: mention recall 341/368, pair P/R/F1 0.36/0.42/0.39, verdicts 45/92, false conflicts
# 26/59, single-source 14/28". P/R/F1 are rounded there, so they are computed from the per-cluster tp, fp, fn.
_TOTAL_LINE = re.compile(
    r"clusters: mention recall (?P<matched_mentions>\d+)/(?P<gold_mentions>\d+), pair P/R/F1 \S+, "
    r"verdicts (?P<right_verdicts>\d+)/(?P<verdict_slots>\d+), "
    r"false conflicts (?P<false_conflicts>\d+)/(?P<calm_slots>\d+), "
    r"single-source (?P<right_single>\d+)/(?P<single_mentions>\d+)")


@dataclass
class ClusterFigures:
    """The figures of one set of clusters, and the scorer's counts they come from, summed over the set."""

    mention_recall: float = 0.0
    pair_precision: float = 0.0
    pair_recall: float = 0.0
    pair_f1: float = 0.0
    verdict_accuracy: float = 0.0
    false_conflicts: int = 0  # a count where lower is better: it has a ceiling, not a floor
    single_source_accuracy: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # scorer lines that are not scores, e.g. a failed compare

    @classmethod
    def from_counts(cls, counts: Counter, problems: list[str]) -> ClusterFigures:
        tp, fp, fn = counts["pair_tp"], counts["pair_fp"], counts["pair_fn"]
        return cls(mention_recall=_ratio(counts["matched_mentions"], counts["gold_mentions"]),
                   pair_precision=_ratio(tp, tp + fp), pair_recall=_ratio(tp, tp + fn),
                   pair_f1=_ratio(2 * tp, 2 * tp + fp + fn),  # from the counts, unrounded, as the scorer does
                   verdict_accuracy=_ratio(counts["right_verdicts"], counts["verdict_slots"]),
                   false_conflicts=counts["false_conflicts"],
                   single_source_accuracy=_ratio(counts["right_single"], counts["single_mentions"]),
                   counts={name: counts[name] for name in CLUSTER_COUNTS}, problems=problems)


def run_cluster_scorer(scorer: Path, folders: list[Path], claimtrack: Path) -> str:
    """The scorer's output on just these cluster folders, linked into a temporary folder of their own."""
    with tempfile.TemporaryDirectory(prefix="claimtrack-eval-") as work:
        links = Path(work) / CLUSTERS_DIR
        links.mkdir()
        for folder in folders:
            (links / folder.name).symlink_to(folder.resolve(), target_is_directory=True)
        # A fresh claim cache, so the scores are this build's and the user's cache gets no eval texts; and TMPDIR,
        # so the article copies the scorer leaves in its own temporary folders go when this folder goes.
        # PYTHONPATH: the command imports this checkout's package, not the one the virtual environment was installed
        # from (another worktree of the same repository).
        env = {**os.environ, "CLAIMTRACK_CACHE_DIR": str(Path(work) / "cache"), "TMPDIR": work,
               "PYTHONPATH": os.pathsep.join(filter(None, [str(CHECKOUT), os.environ.get("PYTHONPATH")]))}
        done = subprocess.run([sys.executable, str(scorer), str(claimtrack), str(links)],
                              capture_output=True, text=True, env=env, check=False)
    if done.returncode:  # its stdout says which clusters were done before it stopped
        raise RuntimeError(f"{scorer} exited {done.returncode} after:\n{done.stdout}{done.stderr.strip()[-1000:]}")
    return done.stdout


def parse_scorer_output(output: str) -> tuple[Counter, list[str]]:
    """The counts of the per-cluster lines, summed and checked against the scorer's own totals; and the lines
    that are neither (a cluster whose compare failed, or that has no texts)."""
    counts, problems, totals = Counter(), [], None
    for line in filter(None, map(str.strip, output.splitlines())):
        if match := _CLUSTER_LINE.fullmatch(line):
            counts.update({name: int(value) for name, value in match.groupdict().items()})
            counts["clusters"] += 1
        elif match := _TOTAL_LINE.fullmatch(line):
            totals = {name: int(value) for name, value in match.groupdict().items()}
        else:
            problems.append(line)
    if totals is None or any(counts[name] != value for name, value in totals.items()):
        raise ValueError(f"{CLUSTER_SCORER} printed no totals, or totals its cluster lines do not add up to:\n{output}")
    return counts, problems


def score_clusters(eval_dir: Path = DEFAULT_EVAL_DIR,
                   claimtrack: Path = DEFAULT_CLAIMTRACK) -> dict[str, ClusterFigures]:
    """Figures of the ECB+ half, the other half and all clusters, keyed as CLUSTER_SETS; the two halves are
    scored side by side, and all is their sum rather than a third run."""
    folders = sorted(path for path in (eval_dir / CLUSTERS_DIR).iterdir() if path.is_dir())
    halves = {"ecb": [path for path in folders if path.name.startswith(ECB_PREFIX)],
              "other": [path for path in folders if not path.name.startswith(ECB_PREFIX)]}
    scorer = eval_dir / CLUSTER_SCORER
    with ThreadPoolExecutor(max_workers=len(halves)) as pool:
        outputs = pool.map(lambda half: run_cluster_scorer(scorer, half, claimtrack), halves.values())
        scored = {name: parse_scorer_output(output) for name, output in zip(halves, outputs)}
    total = sum((counts for counts, _ in scored.values()), Counter())
    scored["all"] = (total, [line for _, problems in scored.values() for line in problems])
    return {name: ClusterFigures.from_counts(counts, problems) for name, (counts, problems) in scored.items()}


# Label, figure (None: the counts alone), and the counts shown beside it.
CLUSTER_ROWS = [
    ("mention recall (matched/gold)", "mention_recall", ("matched_mentions", "gold_mentions")),
    ("pair precision", "pair_precision", ()),
    ("pair recall", "pair_recall", ()),
    ("pair F1 (pairs tp/fp/fn)", "pair_f1", ("pair_tp", "pair_fp", "pair_fn")),
    ("verdict accuracy (right/slots)", "verdict_accuracy", ("right_verdicts", "verdict_slots")),
    ("false conflicts / calm slots (lower is better)", None, ("false_conflicts", "calm_slots")),
    ("single-source accuracy (right/mentions)", "single_source_accuracy", ("right_single", "single_mentions")),
    ("clusters scored", None, ("clusters",)),
]


def _cluster_cell(figures: ClusterFigures, key: str | None, count_names: tuple[str, ...]) -> str:
    counts = "/".join(str(figures.counts[name]) for name in count_names)
    if key is None:
        return counts
    return f"{getattr(figures, key)} ({counts})" if counts else str(getattr(figures, key))


def format_cluster_table(clusters: dict[str, ClusterFigures]) -> str:
    lines = [f"{'cluster figure':<48}" + "".join(f" {CLUSTER_SETS[name]:>21}" for name in clusters)]
    for label, key, count_names in CLUSTER_ROWS:
        cells = "".join(f" {_cluster_cell(figures, key, count_names):>21}" for figures in clusters.values())
        lines.append(f"{label:<48}{cells}")
    return "\n".join(lines)


def _scores(figures: Figures | ClusterFigures) -> dict[str, float]:
    return {key: value for key, value in asdict(figures).items() if key not in ("counts", "problems")}


def flat_figures(figures: Figures | None = None, clusters: dict[str, ClusterFigures] | None = None) -> dict:
    """The JSON of `make eval`: every figure by the key eval-floors.json uses, cluster figures as
    clusters_<set>_<figure> (clusters_all_pair_f1), then "counts", named the same way."""
    values, counts = {}, {}
    if figures is not None:
        values.update(_scores(figures))
        counts.update(figures.counts)
    for name, cluster in (clusters or {}).items():
        values.update({f"clusters_{name}_{key}": value for key, value in _scores(cluster).items()})
        counts.update({f"clusters_{name}_{key}": value for key, value in cluster.counts.items()})
    return {**values, "counts": counts}


def out_of_bounds(values: dict[str, float], limits: dict[str, dict[str, float]]) -> list[str]:
    """The figures past their pinned limit, as readable lines. `limits` is eval-floors.json: "floors" for figures
    where higher is better, "ceilings" for those where lower is better (false conflicts). A figure this run did
    not measure (its data set is missing) is not checked; the tests check that every name is a figure."""
    floors, ceilings = limits.get("floors", {}), limits.get("ceilings", {})
    return ([f"{key}: {values[key]} < floor {floor}" for key, floor in floors.items()
             if key in values and values[key] < floor]
            + [f"{key}: {values[key]} > ceiling {ceiling}" for key, ceiling in ceilings.items()
               if key in values and values[key] > ceiling])
