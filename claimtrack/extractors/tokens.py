"""Fast look-ups on a parsed Doc. spaCy's `Token.sent` walks the whole Doc and `Doc.text` and `Doc.ents`
are rebuilt at every call, which made them the extractors' hot spots; these answer from a per-Doc index."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SENTENCES = "claimtrack.sentences"
_TEXT = "claimtrack.text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    spans = doc.user_data.get(_SENTENCES)
    if spans is None:
        spans = doc.user_data[_SENTENCES] = list(doc.sents)
    return spans


def sentence_of(token: Token) -> Span:
    spans = sentences(token.doc)
    starts = [span.start for span in spans]
    return spans[bisect.bisect_right(starts, token.i) - 1]


def entity_of(token: Token) -> Span | None:
    """The named entity `token` is part of, found from its IOB tags."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
