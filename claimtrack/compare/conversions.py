"""Conversions: a sum given again in another currency beside it ("$11bn (£5.8bn)") states an exchange rate.
Two articles that convert the same sum at rates further apart than the market moves over a story's weeks
disagree about one of the conversions, whatever else they say about the sum: "$11bn (£5.8bn)" and "$11bn
(£8.5bn)". Such a disagreement is a finding of its own; the converted figures that make it leave their
slots, which keep the sums as first written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, replace

from claimtrack.compare.figures import FigureFacts, describe_figure, figure_interval
from claimtrack.compare.grouping import group_id
from claimtrack.models import ClaimGroup

# Exchange rates move a few per cent over the weeks a story runs; a conversion further off is wrong.
RATE_DRIFT = 0.10
# What stands between a sum and its conversion: "$11bn (£5.8bn)", "260bn roubles (£4.8bn; $9.4bn)".
_OPENS_CONVERSION = re.compile(r"\s*[(\[]\s*")
_CONTINUES_CONVERSION = re.compile(r"\s*[(\[][^()\[\]]*[;,:]\s*")


@dataclass(frozen=True)
class Conversion:
    source: FigureFacts
    target: FigureFacts

    def rate(self) -> float:
        """Units of the source currency per unit of the target currency, from the middle of each figure."""
        return _middle(self.source) / _middle(self.target)


def conversion_groups(facts: list[FigureFacts], story: Callable[[FigureFacts], Hashable],
                      copies: list[list[str]]) -> tuple[list[ClaimGroup], set[str]]:
    """Groups of conversions of one sum that disagree, and the ids of the converted figures they hold."""
    by_sum: dict[tuple, list[Conversion]] = defaultdict(list)
    for conversion in _conversions(facts):
        source, target = conversion.source, conversion.target
        by_sum[(story(source), source.currency, source.claim.low, source.claim.high, target.currency)].append(
            conversion)
    groups, taken = [], set()
    for conversions in by_sum.values():
        if len({c.source.voice for c in conversions}) < 2 or not _disagree(conversions):
            continue
        groups.append(_conversion_group(conversions, copies))
        taken.update(c.target.claim.id for c in conversions)
    return groups, taken


def lengths_as_converted(facts: list[FigureFacts]) -> list[FigureFacts]:
    """`facts`, with each length given again in another unit beside it ("about 58km (36 miles)") taking the
    values of the length it converts: the "36 miles" is about 58 km, rounded, and holds the "35 miles" of
    another article as well as the 58 km do."""
    converted = {conversion.target.claim.id: conversion.source for conversion in _conversions(facts, _length_unit)}
    return [fact if (source := converted.get(fact.claim.id)) is None else
            replace(fact, low=source.low, high=source.high, stated=source.stated, converts=source.claim.unit)
            for fact in facts]


def _length_unit(fact: FigureFacts) -> str | None:
    return fact.claim.unit if fact.unit == "km" else None


def _currency(fact: FigureFacts) -> str | None:
    return fact.currency


def _conversions(facts: Iterable[FigureFacts],
                 written_in: Callable[[FigureFacts], str | None] = _currency) -> list[Conversion]:
    """Each figure and the figures that convert it, read from the sentence: the first outside the brackets,
    the others inside them, each `written_in` another currency (or unit) than the first. Figures that
    `written_in` gives None are never converted."""
    by_sentence: dict[tuple, list[FigureFacts]] = defaultdict(list)
    for fact in facts:
        if written_in(fact) is not None and _middle(fact) > 0:
            by_sentence[(fact.claim.article, fact.claim.sentence_start)].append(fact)
    found = []
    for figures in by_sentence.values():
        figures.sort(key=lambda f: f.claim.start)
        for index, source in enumerate(figures):
            for target in figures[index + 1:]:
                between = _between(source, target)
                if between is None or not (_OPENS_CONVERSION.fullmatch(between) or
                                           _CONTINUES_CONVERSION.fullmatch(between)):
                    break
                if written_in(target) != written_in(source):
                    found.append(Conversion(source, target))
    return found


def _between(first: FigureFacts, second: FigureFacts) -> str | None:
    """The words between two figures of one sentence, as the sentence reads (offsets are into the file,
    which may spell a symbol differently)."""
    sentence = first.claim.sentence
    first_at = sentence.find(first.claim.claim_text)
    if first_at < 0:
        return None
    second_at = sentence.find(second.claim.claim_text, first_at + len(first.claim.claim_text))
    return None if second_at < 0 else sentence[first_at + len(first.claim.claim_text): second_at]


def _disagree(conversions: list[Conversion]) -> bool:
    """Whether two voices convert the sum to values that no common rate, moved by RATE_DRIFT, gives."""
    spans = [figure_interval(c.target.claim) for c in conversions]
    return any(a.source.voice != b.source.voice and
               (low_a > high_b * (1 + RATE_DRIFT) or low_b > high_a * (1 + RATE_DRIFT))
               for a, (low_a, high_a) in zip(conversions, spans) for b, (low_b, high_b) in zip(conversions, spans))


def _conversion_group(conversions: list[Conversion], copies: list[list[str]]) -> ClaimGroup:
    conversions = sorted(conversions, key=lambda c: (c.rate(), c.target.claim.article))
    claims = [c.target.claim for c in conversions]
    articles = sorted({c.article for c in claims})
    source, currency = conversions[0].source, conversions[0].target.currency
    shown = "; ".join(f"{describe_figure(c.target.claim)} ({c.target.claim.article}, "
                      f"{c.rate():.2f} {source.currency} per {currency})" for c in conversions)
    reason = (f"the same {describe_figure(source.claim)} converted at rates more than {RATE_DRIFT:.0%} apart: "
              f"{shown}; one of the conversions is wrong")
    families = [family for family in copies if len(set(family) & set(articles)) > 1]
    return ClaimGroup(id=group_id("quantity", claims), kind="quantity",
                      topic=f"{describe_figure(source.claim)} in {currency}", verdict="conflict",
                      reason=f"{reason}; grouped as conversions of one sum (firm match)", articles=articles,
                      claims=claims, basis="firm", copies=families)


def _middle(fact: FigureFacts) -> float:
    values = [v for v in (fact.claim.low, fact.claim.high) if v is not None]
    return sum(values) / len(values) if values else 0.0
