"""Whom a claim is attributed to: "according to X", "X said", "citing X", "based on X", "X's assessments".

Attribution is read as a chain from the claim outwards: in "Putin praised …, KCNA said" the nearest link
(Putin, "praised") is the speaker and the outermost (KCNA, "said") the source.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

# Verbs whose subject speaks the words of a direct or mixed quote.
SPEECH_VERBS = {
    "say", "tell", "add", "state", "report", "announce", "claim", "note", "explain", "write", "tweet", "post",
    "warn", "insist", "sigh", "argue", "ask", "reply", "respond", "answer", "declare", "describe", "call",
    "praise", "commend", "reiterate", "urge", "vow", "promise", "pledge", "deny", "admit", "acknowledge",
    "confirm", "suggest", "assure", "detail", "disclose", "reveal", "recount", "recall", "quip", "joke",
    "shout", "scream", "cry", "whisper", "mutter", "exclaim", "remark", "comment", "observe", "stress",
    "emphasise", "emphasize", "predict", "conclude", "concede", "boast", "complain", "lament", "blast",
    "slam", "criticise", "criticize", "accuse", "dub", "label", "brand", "term", "tout", "hail", "laud",
    "charge", "contend", "maintain", "assert", "affirm", "testify", "proclaim", "mention", "continue",
    "caution", "counter", "demand", "thank", "quote", "cite", "allege", "retort", "groan",
    "chant", "sing", "read", "pronounce", "signal", "summarise", "summarize", "speak", "share",
}
# Verbs whose subject vouches for a figure or a fact.
REPORTING_VERBS = SPEECH_VERBS | {
    "estimate", "believe", "assess", "think", "show", "indicate", "find", "calculate", "put", "count",
    "record", "publish", "expect", "project", "forecast", "anticipate", "suspect", "learn", "hear",
}
# Nouns naming a judgement that can carry its author: "South Korean assessments", "the UN's estimate".
ASSESSMENT_NOUNS = {
    "assessment", "estimate", "estimation", "figure", "count", "tally", "data", "report", "intelligence",
    "statement", "calculation", "analysis", "survey", "poll", "research", "study", "account", "view",
}
_PREPOSITION_CUES = {("according", "to"), ("citing",), ("based", "on"), ("per",), ("quoting",)}
_NAME_EDGE_DEPS = {"relcl", "acl", "appos", "punct", "advcl", "cc"}


@dataclass
class Link:
    """One link of an attribution chain: who, by what cue, and the subject token when there is one.

    `by_verb` links come from a reporting verb ("X said"), the others from a preposition ("according to X").
    """

    who: str
    cue: str
    subject: Token | None = None
    cue_at: int | None = None
    by_verb: bool = True


def chain_for(sentence: Span, anchor: Token, inside: range | None = None) -> list[Link]:
    """Attribution links for a claim at `anchor`, nearest first. `inside`: token indices of the claim
    itself (a quote), whose own verbs and subjects do not attribute it."""
    inside = inside or range(0)
    links: list[Link] = []
    for verb in _verb_ancestors(anchor, inside):
        subject = _subject_of(verb, inside)
        if subject is not None and verb.lemma_.lower() in REPORTING_VERBS and not _reports_something_else(
                verb, anchor):
            links.append(Link(phrase_text(subject), verb.text, subject, verb.i))
    trailing = _trailing_cue(sentence, inside)
    if trailing is not None and all(link.cue_at != trailing.cue_at for link in links):
        links.append(trailing)
    links.extend(_prepositional(sentence, inside))
    return _distinct(links)


def _reports_something_else(verb: Token, anchor: Token) -> bool:
    """A reporting verb after the claim whose reported content follows it is about other words
    ("…, a deployment intelligence believes could happen soon")."""
    return verb.i > anchor.i and any(
        child.dep_ in ("ccomp", "xcomp") and child.i > verb.i for child in verb.children
    )


def _verb_ancestors(anchor: Token, inside: range) -> list[Token]:
    verbs = []
    for token in [anchor, *anchor.ancestors]:
        if token.i in inside:
            continue
        if token.pos_ in ("VERB", "AUX"):
            verbs.append(token)
    return verbs


def _subject_of(verb: Token, inside: range) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i not in inside and child.lower_ not in ("it", "there"):
            return child
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.i not in inside]
            if objects:
                return objects[0]
    return None


def _prepositional(sentence: Span, inside: range) -> list[Link]:
    links = []
    tokens = list(sentence)
    for position, token in enumerate(tokens):
        if token.i in inside:
            continue
        for cue in _PREPOSITION_CUES:
            words = tuple(t.lower_ for t in tokens[position: position + len(cue)])
            if words != cue or (cue == ("per",) and not _names_someone(tokens, position + 1)):
                continue
            governor = tokens[position + len(cue) - 1]
            objects = [c for c in governor.children if c.dep_ in ("pobj", "dobj", "pcomp") and c.i not in inside]
            if not objects and position + len(cue) < len(tokens):
                objects = [tokens[position + len(cue)].head if tokens[position + len(cue)].head.i > governor.i
                           else tokens[position + len(cue)]]
            if objects:
                cue_text = " ".join(t.text for t in tokens[position: position + len(cue)])
                links.append(Link(_author_of(objects[0]), cue_text, objects[0], governor.i, by_verb=False))
    return links


def _names_someone(tokens: list[Token], position: int) -> bool:
    """'per the report', 'per Reuters' attribute; 'per cent', 'per hour' do not."""
    return position < len(tokens) and (tokens[position].lower_ in ("the", "a") or tokens[position].pos_ == "PROPN")


def _author_of(noun: Token) -> str:
    """'South Korea's estimate' → 'South Korea'; 'South Korean assessments' stay as they are."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if noun.lemma_.lower() in ASSESSMENT_NOUNS and possessor is not None:
        return phrase_text(possessor)
    return phrase_text(noun)


def _trailing_cue(sentence: Span, inside: range) -> Link | None:
    """The ", KCNA said." / ", said another." tail that small parsers often attach to the wrong word."""
    tokens = [t for t in sentence if t.i not in inside and not (t.is_punct and t.i == sentence.end - 1)]
    while tokens and (tokens[-1].is_punct or tokens[-1].ent_type_ in ("DATE", "TIME")
                      or tokens[-1].lower_ in ("on", "in", "a", "statement", "interview", "today")):
        if tokens[-1].lower_ in ("statement", "interview"):
            tokens = tokens[:-1]
            while tokens and tokens[-1].lower_ in ("a", "an", "in", "the"):
                tokens = tokens[:-1]
            continue
        tokens = tokens[:-1]
    if len(tokens) < 2:
        return None
    last = tokens[-1]
    comma_at = max((i for i, t in enumerate(tokens) if t.text in (",", '"')), default=-1)
    if comma_at < 0:
        return None
    between = tokens[comma_at + 1:]
    if not between:
        return None
    if last.lemma_.lower() in SPEECH_VERBS and len(between) >= 2:
        who = between[:-1]
        return Link(_clean_span_text(who), last.text, _head_of(who), last.i)
    first = between[0]
    if first.lemma_.lower() in SPEECH_VERBS and len(between) >= 2:
        who = between[1:]
        return Link(_clean_span_text(who), first.text, _head_of(who), first.i)
    return None


def _head_of(tokens: list[Token]) -> Token:
    """The token of a phrase whose head lies outside it; the last noun when the parse links none."""
    indices = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in indices and not token.is_punct:
            return token
    return tokens[-1]


def phrase_text(head: Token) -> str:
    """A noun phrase without its relative clauses, appositions and trailing punctuation."""
    kept = [head]
    for child in head.children:
        if child.dep_ in _NAME_EDGE_DEPS and child.i > head.i:
            continue
        if child.dep_ in ("conj", "compound", "flat", "poss", "case") or child.i < head.i or (
                child.dep_ == "prep" and child.lower_ == "of"):
            kept.extend(child.subtree)
    indices = sorted(t.i for t in kept)
    doc = head.doc
    start, end = indices[0], indices[-1]
    while start < end and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    while end > start and doc[end].is_punct:
        end -= 1
    return _clean_span_text(list(doc[start: end + 1]))


def _clean_span_text(tokens: list[Token]) -> str:
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in ("the", "a", "an")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i: tokens[-1].i + 1].text


def _distinct(links: list[Link]) -> list[Link]:
    seen: set[str] = set()
    unique = []
    for link in links:
        key = link.who.casefold()
        if key and key not in seen:
            seen.add(key)
            unique.append(link)
    return unique
