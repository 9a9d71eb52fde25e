"""Which stretches of a paragraph can hold a claim, so the parser never reads the rest.

A claim is a figure or a quote: a sentence without a digit, a number word or a quote mark holds neither.
A sentence with a quote mark keeps its neighbours, where the speaker is often named ("Mayor Lopez said the
bridge would close. "We have no choice.""). A stretch never cuts through a quote. Pure text functions, so
that they can be tested on any input without a model.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from claimtrack.extractors.quotes import QuoteSpan
from claimtrack.numbers import FRACTION_WORDS, NUMBER_WORDS, REPEAT_ADVERBS, VAGUE_PLURALS

_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_FIGURE_OR_QUOTE = re.compile(
    # "\b\w+fold", not "\w+fold": tried from inside a word as well, it would read a long word once per letter.
    r"\d|\"|\b(?:" + "|".join(sorted(NUMBER_WORDS | set(VAGUE_PLURALS) | set(FRACTION_WORDS) | set(REPEAT_ADVERBS)))
    + r")\b|\b\w+fold\b",
    re.IGNORECASE,
)


_LONGEST_ABBREVIATION = 64


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Approximate sentences: a cheap split at sentence-final punctuation before a capital or a digit,
    not after an abbreviation or an initial ("Rep. Elijah E. Cummings")."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        # The word before the mark, read from a few characters back, not from the start of the text (which
        # made the time grow with the square of a paragraph): an abbreviation or an initial is short.
        word = text[max(match.start() - _LONGEST_ABBREVIATION, 0):match.start() + 1].rsplit(None, 1)[-1].lower()
        letters = word.replace(".", "")
        if letters.isalpha() and (len(letters) == 1 or word in ABBREVIATIONS or _INITIALISM.fullmatch(word)):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


ABBREVIATIONS = {
    "mr.", "mrs.", "ms.", "dr.", "rep.", "sen.", "gov.", "st.", "jr.", "sr.", "gen.", "lt.", "col.", "capt.",
    "sgt.", "prof.", "rev.", "inc.", "co.", "corp.", "ltd.", "no.", "vs.", "etc.", "mt.", "ft.", "jan.", "feb.",
    "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "approx.", "det.", "insp.", "supt.", "maj.", "adm.", "cmdr.",
    "ave.", "blvd.", "rd.", "hwy.",
    # US states as datelines write them: "HARLAN, Ky. (AP) —" is no sentence end.
    "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ind.", "kan.", "ky.", "md.",
    "mich.", "minn.", "mo.", "mont.", "neb.", "nev.", "okla.", "pa.", "tenn.", "tex.", "va.", "vt.",
    "wis.", "wyo.",
}
# Letters with a full stop after each: "U.S.", "D.C.", "N.Y.", "e.g.".
_INITIALISM = re.compile(r"(?:[a-z]\.){2,}")


def claim_windows(text: str, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Stretches of `text` to parse: sentences that can hold a claim, with context, not cutting quotes."""
    sentences = sentence_spans(text)
    wanted: set[int] = set()
    for index, (start, end) in enumerate(sentences):
        if _FIGURE_OR_QUOTE.search(text, start, end):
            wanted.add(index)
            if '"' in text[start:end]:
                wanted.update((index - 1, index + 1))
    windows: list[list[int]] = []
    for index, (start, end) in enumerate(sentences):
        if index not in wanted:
            continue
        if windows and windows[-1][1] == start:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return _covering_quotes(windows, quotes, sentences)


def _covering_quotes(windows: list[list[int]], quotes: list[QuoteSpan],
                     sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Widen windows to whole sentences around every quote they touch, merging those that then meet.

    Each pass reads a window's overlapping quotes only: `reach` holds the furthest end of the quotes so far,
    so the first that can reach into a window is found by bisection, and the window's growing end says
    when to stop.
    """
    marks = sorted((max(q.start - 1, 0), q.end + 1) for q in quotes)
    reach = list(accumulate((end for _, end in marks), max))
    changed = True
    while changed:
        changed = False
        for window in windows:
            index = bisect_right(reach, window[0])
            while index < len(marks) and marks[index][0] < window[1]:
                start, end = marks[index]
                if end > window[0] and (start < window[0] or end > window[1]):
                    window[0] = min(window[0], _sentence_start(sentences, start))
                    window[1] = max(window[1], _sentence_end(sentences, end))
                    changed = True
                index += 1
        windows.sort()
        merged: list[list[int]] = []
        for window in windows:
            if merged and window[0] <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], window[1])
            else:
                merged.append(window)
        windows = merged
    return [(start, end) for start, end in windows]


def _sentence_start(sentences: list[tuple[int, int]], position: int) -> int:
    """Start of the sentence holding `position` (sentences are in order and do not overlap)."""
    index = bisect_right(sentences, (position, float("inf"))) - 1
    return sentences[index][0] if index >= 0 and position < sentences[index][1] else position


def _sentence_end(sentences: list[tuple[int, int]], position: int) -> int:
    """End of the sentence that `position` ends or falls inside."""
    index = bisect_left(sentences, (position, 0)) - 1
    return sentences[index][1] if index >= 0 and position <= sentences[index][1] else position
