"""Which blocks of a web page are the story, as trafilatura's main-content extraction judges them.

trafilatura's text is never used: our own parser keeps the offset of every character in the source, and the
extractor only decides. Its decision is read back without matching texts, which repeat on news pages (the
headline in the most-read box, a sentence of the story quoted in the comments): a numbered marker is put
into the source where each of our blocks starts, and the markers that come out with its text name the blocks
it kept. trafilatura is an optional dependency (`claimtrack[html]`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Printable marks (the extractor drops unprintable ones) that news text does not use; a pair the page itself
# contains is passed over, so that no marker can be read out of the page's own text.
_MARKER_DELIMITERS = (("\u2e28", "\u2e29"), ("\u27e6", "\u27e7"), ("\u2983", "\u2984"))
EXTRACTOR = "trafilatura"
# The extractor builds a tree of the whole page: a 5 MB page of one table (120,481 blocks of text) took it 9 s
# and most of 576 MB. A news page has hundreds of blocks; a page with more is read whole, with a note.
MOST_BLOCKS_JUDGED = 10_000


def extractor_installed() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def story_blocks(source: str, starts: Sequence[int]) -> set[int] | None:
    """Indices into `starts` (ascending offsets in `source` where our blocks' text begins) of the blocks the
    extractor reads as the story; None when it is not installed, fails, or finds no story in them."""
    delimiters = next(((opening, closing) for opening, closing in _MARKER_DELIMITERS
                       if opening not in source and closing not in source), None)
    if delimiters is None or not starts or not extractor_installed():
        return None
    opening, closing = delimiters
    parts, position = [], 0
    for index, start in enumerate(starts):
        parts += [source[position:start], f"{opening}{index}{closing}"]
        position = start
    parts.append(source[position:])
    text = _extract("".join(parts))
    if not text:
        return None
    kept = {int(number) for number in re.findall(f"{opening}([0-9]+){closing}", text)}
    return kept & set(range(len(starts))) or None


def _extract(page: str) -> str | None:
    import trafilatura

    try:
        return trafilatura.extract(page, include_comments=False, include_tables=True, deduplicate=False)
    # A third-party parser on hostile markup: any failure means no decision, and the page is read as before.
    except Exception:  # noqa: BLE001
        return None
