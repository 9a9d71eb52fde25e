"""Direct and mixed quotes: pair the quote marks of a paragraph, then read who said the words.

Marks are paired on text alone (`pair_quote_marks`), so bad punctuation is handled before any parsing:
curly and guillemet marks say their direction, a straight mark toggles, an apostrophe is never a quote
mark, and a mark that cannot be paired yields a quote flagged `unbalanced` rather than an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimtrack.extractors.sources import SPEECH_VERBS, Link, chain_for

OPENING_MARKS = "\u201c\u201e\u201f\u00ab\u301d"
CLOSING_MARKS = "\u201d\u00bb\u301e"
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s")
_WORD = re.compile(r"\w")


@dataclass
class QuoteSpan:
    """Character offsets in the paragraph text of the words between the marks."""

    start: int
    end: int
    unbalanced: bool = False
    opens_paragraph: bool = False


@dataclass
class PairedMarks:
    quotes: list[QuoteSpan]
    open_at_end: bool


@dataclass
class QuoteFinding:
    start: int
    end: int
    quote_type: str
    unbalanced: bool
    chain: list[Link]
    sentence: Span


def pair_quote_marks(text: str, original_marks: dict[int, str]) -> PairedMarks:
    """Pair the `"` marks of `text`; `original_marks` gives the mark as written in the original."""
    quotes: list[QuoteSpan] = []
    open_at: int | None = None
    last_end = 0
    for position, char in enumerate(text):
        if char != '"':
            continue
        written = original_marks.get(position, '"')
        direction = "open" if written in OPENING_MARKS else "close" if written in CLOSING_MARKS else "toggle"
        if open_at is None and direction == "close":
            start = _sentence_start(text, last_end, position)
            quotes.append(QuoteSpan(start, position, unbalanced=True))
            last_end = position + 1
        elif open_at is None:
            open_at = position
        elif direction == "open":
            quotes.append(QuoteSpan(open_at + 1, _sentence_end(text, open_at + 1, position), unbalanced=True,
                                    opens_paragraph=not text[:open_at].strip()))
            open_at = position
        else:
            quotes.append(QuoteSpan(open_at + 1, position, opens_paragraph=not text[:open_at].strip()))
            open_at, last_end = None, position + 1
    open_at_end = open_at is not None
    if open_at_end:
        # Convention for a quote running over paragraphs: no closing mark until its last paragraph.
        quotes.append(QuoteSpan(open_at + 1, len(text.rstrip()), unbalanced=True,
                                opens_paragraph=not text[:open_at].strip()))
    kept = [q for q in quotes if _WORD.search(text, q.start, q.end) and q.end > q.start]
    return PairedMarks(kept, open_at_end)


def _sentence_start(text: str, floor: int, position: int) -> int:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, floor, max(floor, position - 1))]
    start = starts[-1] if starts else floor
    while start < position and text[start] == " ":
        start += 1
    return start


def _sentence_end(text: str, start: int, limit: int) -> int:
    match = _SENTENCE_END.search(text, start, limit)
    return match.start() + 1 if match else len(text[:limit].rstrip())


def find_quotes(doc: Doc, paired: PairedMarks) -> Iterator[QuoteFinding]:
    previous_chain: list[Link] = []
    for quote in paired.quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        start, end = _trim(doc, span)
        if start >= end:
            continue
        inside = range(span.start - 1 if span.start > 0 and doc[span.start - 1].text == '"' else span.start,
                       span.end + 1)
        sentence = _sentence_around(doc, span)
        chain = _chain(doc, span, inside)
        if not chain and quote.opens_paragraph is False and previous_chain:
            chain = previous_chain
        yield QuoteFinding(
            start=start, end=end, quote_type=_quote_type(doc, span), unbalanced=quote.unbalanced,
            chain=chain, sentence=sentence,
        )
        previous_chain = chain or previous_chain


def _trim(doc: Doc, span: Span) -> tuple[int, int]:
    """The quoted words without surrounding white space and a trailing comma."""
    text = doc.text
    start, end = span.start_char, span.end_char
    segment = text[start:end]
    leading = len(segment) - len(segment.lstrip(' "'))
    trailing_kept = segment.rstrip(' "')
    trailing_kept = trailing_kept[:-1] if trailing_kept.endswith(",") else trailing_kept
    return start + leading, start + len(trailing_kept)


def _sentence_around(doc: Doc, span: Span) -> Span:
    first = doc[span.start].sent
    last = doc[span.end - 1].sent
    return doc[first.start: last.end]


def _chain(doc: Doc, span: Span, inside: range) -> list[Link]:
    """Attribution for the quote: from its own sentence, else a cue sentence just before or after."""
    anchor = _anchor(span)
    sentence = _sentence_around(doc, span)
    chain = chain_for(sentence, anchor, inside)
    if chain:
        return chain
    after = doc[sentence.end].sent if sentence.end < len(doc) else None
    if after is not None and len(after) <= 8:
        chain = chain_for(after, after.root, range(0))
    if not chain and sentence.start > 0:
        # "Mayor Lopez said the bridge would close. "We have no choice."": the speaker is named just before.
        before = doc[sentence.start - 1].sent
        if before.text.rstrip().endswith(":") or before.root.lemma_.lower() in SPEECH_VERBS:
            chain = chain_for(before, before.root, range(0))
    return chain


def _anchor(span: Span) -> Token:
    """The quote's own head: its token whose syntactic head lies outside the quote."""
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head is token:
            if not token.is_punct:
                return token
    return span.root


def _quote_type(doc: Doc, span: Span) -> str:
    before = span.start - 1
    while before >= 0 and doc[before].text == '"':
        before -= 1
    if before < 0 or doc[before].is_sent_end or doc[before].text in (":", ",", "—", "–", "-", ".", "!", "?") or \
            doc[before].sent.start > before or doc[before + 1].is_sent_start:
        return "direct"
    return "mixed"
