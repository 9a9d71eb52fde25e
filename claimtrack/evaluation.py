"""Score extraction on the annotated dev sets of ../shared/eval with the metrics their README defines.

`make eval` runs it through scripts/eval.py, which prints the table and checks the pinned floors.

Quotes (PolNeAR): predicted and gold quotes of a paragraph are paired one-to-one, greedily by token F1
over casefolded word tokens; a pair matches at F1 ≥ 0.5. Speakers match when they share a word once
function words and titles are dropped. Quantities (NewsQuant): per sentence, a prediction matches at
most one gold quantity of equal value (1e-6 relative) or, for ranges, equal endpoints.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from claimtrack.models import Claim

QUOTES_FILE = "polnear_dev.jsonl"
QUANTITIES_FILE = "newsquant_dev.jsonl"
DEFAULT_EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
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


def evaluate(eval_dir: Path = DEFAULT_EVAL_DIR, model: str | None = None) -> Figures:
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
    return figures


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


def format_table(figures: Figures) -> str:
    values = asdict(figures)
    lines = [f"{'figure':<40} {'claimtrack':>10} {'target':>8}"]
    for label, key, target in ROWS:
        lines.append(f"{label:<40} {values[key]:>10} {'' if target is None else f'≥ {target}':>8}")
    lines.append("counts: " + ", ".join(f"{k} {v}" for k, v in figures.counts.items()))
    return "\n".join(lines)


def below_floors(figures: Figures, floors: dict[str, float]) -> list[str]:
    """The figures that fell under their pinned floor, as readable lines."""
    values = asdict(figures)
    return [f"{key}: {values[key]} < floor {floor}" for key, floor in floors.items() if values[key] < floor]
