"""Find wire copies: one text (an AP or Reuters story, a press release) carried by several outlets.

Outlets that run the same wire text are one voice, never independent confirmation of each other: ten
papers printing an AP figure is one source, not ten. Copies are found from the texts alone, because a
carried story often shows no credit line, and the copies differ in their headline, a trimmed last
paragraph, an added editor's line, spacing, punctuation or curly against straight quote marks.

Each text is reduced to its words, cut into overlapping word n-gram shingles, and two articles are copies
when most of the shorter one's shingles occur in the other. An inverted index from shingle to articles
keeps this near-linear: only articles that share a shingle are ever paired.

    families = copy_families({"ap-1": text_a, "ap-2": text_b, "bbc": text_c})
    # {"ap-1": "ap-1", "ap-2": "ap-1"}: "bbc" has no copy, so it is absent
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping

from claimtrack.components import first_members

# Eight words in a row rarely recur by chance between two independently written stories, yet a copy
# edited here and there still keeps most of its eight-word runs.
SHINGLE_WORDS = 8
# Share of the SHORTER article's shingles that must also be in the other. Measured on the shorter one
# (containment, not Jaccard), so a copy with its last paragraphs trimmed or an editor's note added still
# counts, while two reports that share a quoted sentence or two stay well below it.
COPY_CONTAINMENT = 0.5
# A floor on shared shingles, so two tiny texts (a one-line brief, a caption) that share one sentence are
# not called copies on a high containment of almost nothing. 20 shingles are about 27 words in a row.
MIN_SHARED_SHINGLES = 20
# A shingle held by more articles than this is boilerplate (a newsletter footer, a cookie notice) rather
# than story text; skipping it keeps the pair count bounded and stops a footer from joining strangers.
# The cost: a story carried by more articles than this in one batch looks like boilerplate and goes unfound.
MAX_SHINGLE_HOLDERS = 50

_WORD = re.compile(r"\w+")


def copy_families(texts: Mapping[str, str]) -> dict[str, str]:
    """Article id -> id of its family's first member (the smallest id) for every article that shares its text
    with another; articles with no copy are absent.

    Families are the connected components of the copy relation, so a trimmed copy and an extended copy of
    one story are in one family even when neither holds half of the other.
    """
    ids = sorted(texts)
    shingles = [_shingles(texts[article_id]) for article_id in ids]

    # Most shingles belong to one article only; counting first (in C) spares them a posting list each.
    held_by: Counter[int] = Counter()
    for article_shingles in shingles:
        held_by.update(article_shingles)
    holders: defaultdict[int, list[int]] = defaultdict(list)
    for index, article_shingles in enumerate(shingles):
        for shingle in article_shingles:
            if 2 <= held_by[shingle] <= MAX_SHINGLE_HOLDERS:
                holders[shingle].append(index)

    shared: Counter[tuple[int, int]] = Counter()
    for indices in holders.values():
        # Indices were appended in increasing order, so each pair is counted once as (smaller, larger).
        for position, first in enumerate(indices):
            for second in indices[position + 1:]:
                shared[first, second] += 1

    links = [(first, second) for (first, second), count in shared.items()
             if count >= MIN_SHARED_SHINGLES and count >= COPY_CONTAINMENT * min(len(shingles[first]),
                                                                                  len(shingles[second]))]
    roots = first_members(len(ids), links)
    sizes = Counter(roots)
    # Ids are sorted, so a family's first member is its smallest id.
    return {ids[index]: ids[root] for index, root in enumerate(roots) if sizes[root] > 1}


def _shingles(text: str) -> set[int]:
    # NFKC folds full-width letters and ligatures; keeping only \w+ runs drops punctuation, quote style and
    # white space, the things that differ between carriers of one wire text.
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return {
        # A fixed hash rather than hash(): the same on every run, so results never hang on PYTHONHASHSEED.
        int.from_bytes(hashlib.blake2b(" ".join(words[i:i + SHINGLE_WORDS]).encode(), digest_size=8).digest())
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
