"""Connected components of linked items, shared by the wire-copy and the story grouping."""

from __future__ import annotations

from collections.abc import Iterable


def first_members(count: int, links: Iterable[tuple[int, int]]) -> list[int]:
    """For each of `count` items, the smallest index of the component it is linked into: a result that does
    not depend on the order of `links`."""
    parent = list(range(count))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for first, second in links:
        first_root, second_root = find(first), find(second)
        if first_root != second_root:
            parent[max(first_root, second_root)] = min(first_root, second_root)
    return [find(index) for index in range(count)]
