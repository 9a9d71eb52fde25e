"""Greedy, blocked grouping shared by figures and quotes, and stable group ids.

Each claim is held only against the groups already filed under one of its blocking keys (the most recent
REPRESENTATIVES of them per key), so the work grows with the number of claims, not with its square.
Claims are taken in a fixed order (article, then offset), so groups never depend on the input order.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

from claimtrack.models import Claim

Fact = TypeVar("Fact")
REPRESENTATIVES = 32
GROUP_ID_DIGITS = 12


class Grouper(Generic[Fact]):
    """Files facts into groups. `keys(fact)` names its blocks; `place(fact, candidates)` returns the index
    of the candidate group it joins, or None to open a new group."""

    def __init__(self, keys: Callable[[Fact], Iterable[Hashable]],
                 place: Callable[[Fact, list[list[Fact]]], int | None]) -> None:
        self.keys = keys
        self.place = place
        self.groups: list[list[Fact]] = []
        self._blocks: dict[Hashable, list[int]] = defaultdict(list)

    def add(self, fact: Fact) -> None:
        keys = list(dict.fromkeys(self.keys(fact)))
        candidates = list(dict.fromkeys(g for key in keys for g in self._blocks[key][-REPRESENTATIVES:]))
        chosen = self.place(fact, [self.groups[g] for g in candidates]) if candidates else None
        if chosen is None:
            number = len(self.groups)
            self.groups.append([fact])
        else:
            number = candidates[chosen]
            self.groups[number].append(fact)
        for key in keys:
            block = self._blocks[key]
            if number not in block[-REPRESENTATIVES:]:
                block.append(number)


def group_id(kind: str, claims: list[Claim]) -> str:
    """Unique within a run (a claim is in one group) and stable across runs while the group's first claim
    stays in it."""
    first = min(claims, key=lambda c: (c.article, c.start, c.end, c.id))
    return f"{kind}-{hashlib.sha1(first.id.encode()).hexdigest()[:GROUP_ID_DIGITS]}"

