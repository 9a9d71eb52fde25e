"""Align claims that state the same thing and give each group one verdict with a readable reason.

Figures are aligned by their frames into slots (`figures`), quotes by their words and speakers (`quotes`);
conversions of one sum into another currency are held against each other (`conversions`).
Compare works on the models alone: it never parses text and never imports spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimtrack.compare.conversions import conversion_groups, lengths_as_converted
from claimtrack.compare.figures import (
    FigureFacts,
    describe_figure,
    figure_group,
    figure_keys,
    place_figure,
)
from claimtrack.compare.grouping import Grouper
from claimtrack.compare.quotes import QuoteFacts, place_quote, quote_group, quote_keys
from claimtrack.models import VERDICT_ORDER, Claim, ClaimGroup

__all__ = ["compare", "describe_figure"]


def compare(claims: Iterable[Claim], copies: Mapping[str, str] | None = None,
            stories: Mapping[str, str] | None = None) -> list[ClaimGroup]:
    """Group claims that state the same thing across articles, conflicts first.

    `copies` maps an article id to the first article of its wire-copy family (`claimtrack.copies`): the
    articles of one family are one voice, never an independent confirmation or a conflict of each other.
    `stories` maps an article id to its story (`claimtrack.stories`): claims of two stories never meet.
    Without it, all the claims are taken to be about one story.
    """
    copies = dict(copies or {})
    stories = dict(stories or {})
    ordered = sorted(claims, key=lambda c: (c.article, c.start, c.end, c.kind))
    families = _families(copies, {c.article for c in ordered})

    def in_story(keys):
        return lambda fact: [(stories.get(fact.claim.article), key) for key in keys(fact)]

    figures: Grouper[FigureFacts] = Grouper(in_story(figure_keys), place_figure)
    quotes: Grouper[QuoteFacts] = Grouper(in_story(quote_keys), place_quote)
    figure_facts = []
    for claim in ordered:
        voice = copies.get(claim.article, claim.article)
        if claim.kind == "quantity":
            figure_facts.append(FigureFacts.of(claim, voice))
        else:
            quotes.add(QuoteFacts.of(claim, voice))
    figure_facts = lengths_as_converted(figure_facts)
    # Conversions of one sum that disagree are a finding of their own; the slots keep the sums as written.
    conversions, converted = conversion_groups(figure_facts, lambda fact: stories.get(fact.claim.article), families)
    for fact in figure_facts:
        if fact.claim.id not in converted:
            figures.add(fact)
    groups = [
        *conversions,
        *(figure_group(members, families) for members in figures.groups),
        *(quote_group(members, families) for members in quotes.groups),
    ]
    groups.sort(key=lambda g: (VERDICT_ORDER[g.verdict], -len(g.articles), g.kind, g.topic, g.id))
    return groups


def _families(copies: Mapping[str, str], articles: set[str]) -> list[list[str]]:
    members: dict[str, list[str]] = {}
    for article, first in sorted(copies.items()):
        if article in articles:
            members.setdefault(first, []).append(article)
    return [sorted(family, key=lambda a: (a != first, a)) for first, family in sorted(members.items())
            if len(family) > 1]
