"""Fast look-ups on a parsed Doc. spaCy's `Token.sent` walks the whole Doc and `Doc.text` and `Doc.ents`
are rebuilt at every call, which made them the extractors' hot spots; these answer from a per-Doc index."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from claimtrack.lexicon import JOINING_VERBS, NAME_GLUE_WORDS, SPLIT_DECISION_WORDS, TALLY_WORDS

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


def forget_indexes(doc: Doc) -> None:
    """Drop the look-ups kept on `doc` once it is read: its sentences point back at it, a cycle that only the
    garbage collector's rare full passes would free, so that every parsed Doc stayed in memory until one."""
    doc.user_data.pop(_SENTENCES, None)
    doc.user_data.pop(_TEXT, None)


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
    while start < token.i and is_name_glue(doc[start].text):
        start += 1
    return doc[start:end]


def is_name_glue(word: str) -> bool:
    """A word glued before a name that is no part of it: "But" in "But Ms Cooper", "Tuesday"."""
    return word.casefold() in NAME_GLUE_WORDS


# Steps up the parse from a figure to the verb it hangs from; a longer walk leaves its clause.
VERB_WALK = 8
# Tokens from the first number of a pair to a split-decision word after it: "5", "-", "4", "decision".
SPLIT_DECISION_REACH = 4


def governing_verb(token: Token) -> Token | None:
    """`token` itself when it is a verb, else the nearest verb above it within VERB_WALK steps."""
    verb = token
    for _ in range(VERB_WALK):
        # Tokens are made anew at each access, so `verb.head is verb` never holds: compare positions.
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def entity_text(token: Token) -> str:
    """The name `token` is part of (its entity, or its run of compounds), without a possessive 's."""
    entity = entity_of(token)
    if entity is None:
        start = token.i
        while start > 0 and token.doc[start - 1].dep_ == "compound" and \
                token.doc[start - 1].head.i in range(start, token.i + 1):
            start -= 1
        entity = token.doc[start: token.i + 1]
    if token.ent_type_ == "PERSON":
        entity = person_name_span(entity)
    text = entity.text
    for ending in ("'s", "’s"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def names_a_vote(token: Token) -> bool:
    """Whether the sentence of `token` names a vote, beside which two numbers are a tally ("voted 134-63"), or
    a court's split decision is written right beside the pair that `token` opens ("ruled 5-4", "a 6-3
    ruling")."""
    doc = token.doc
    beside = doc[max(token.i - 1, 0): token.i + SPLIT_DECISION_REACH]
    return any(t.lower_ in TALLY_WORDS or t.lemma_.lower() in TALLY_WORDS for t in sentence_of(token)) or \
        any(t.lower_ in SPLIT_DECISION_WORDS for t in beside)


def person_name_span(entity: Span) -> Span:
    """A person's entity without the figures the small model may run it on into ("Lena Ortiz 212-97"): a name
    has none."""
    while len(entity) > 1 and (entity[-1].like_num or entity[-1].is_punct):
        entity = entity[:-1]
    return entity


def joined_ago(token: Token) -> bool:
    """The figure dates when someone took up a post: "joined the force five years ago", "was hired 12 years
    ago". How long the post has been held, a figure outlets give and misgive, not a date."""
    ago = next((t for t in token.ancestors if t.lower_ == "ago"), None)
    return ago is not None and ago.head.pos_ in ("VERB", "AUX") and ago.head.lemma_.lower() in JOINING_VERBS


def clause_with_subject(verb: Token) -> Token:
    """The verb itself, or, for one of coordinated clauses without a subject of its own, the first of them,
    whose subject they share: "Kestrel is to buy ten and has the option to buy 20 more", "Hale has led the
    caucus since 2003 and has been in Congress since 1991"."""
    while verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and not \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    return verb
