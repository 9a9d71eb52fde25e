"""Whom a claim is attributed to: "according to X", "X said", "citing X", "based on X", "X's assessments".

Attribution is read as a chain from the claim outwards: in "Putin praised …, KCNA said" the nearest link
(Putin, "praised") is the speaker and the outermost (KCNA, "said") the source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimtrack.extractors.tokens import is_name_glue
from claimtrack.lexicon import (
    AS_CLAUSE_VERBS,
    ASSESSMENT_NOUNS,
    DURATION_UNITS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
_PREPOSITION_CUES = {("according", "to"), ("citing",), ("based", "on"), ("per",), ("quoting",)}
_REPORTED_PASSIVE_VERBS = {"quote", "cite"}
_NAME_EDGE_DEPS = {"relcl", "acl", "appos", "punct", "advcl", "cc"}
_COUNT_ENTITIES = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}
# Pronouns that stand for a thing or for nothing ("it seems"), never for whoever speaks.
THING_PRONOUNS = {"it", "this", "that"}
# Subjects of a clause around a mixed quote who say nothing: those pronouns, the "what" of a name given ("part
# of what is known as "green zones""), and the reader's generic "you" ("you can race a "phantom"").
NAMELESS_PRONOUNS = THING_PRONOUNS | {"what", "you"}


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
    for head in [anchor, *anchor.ancestors]:
        if head.i in inside:
            continue
        if links and links[-1].cue_at is not None and _beside(sentence.doc[links[-1].cue_at], head):
            break
        if head.pos_ in ("VERB", "AUX"):
            subject = subject_of(head, inside)
            # Quotes are words said; figures may also be vouched for ("figures show", "officials estimate").
            cues = SPEECH_VERBS if inside else REPORTING_VERBS
            if subject is not None and head.lemma_.lower() in cues and not _goes_on_doing(head) and \
                    _can_attribute(subject, head, inside) and (
                    inside or not _reports_something_else(head, anchor) and not _is_counted(subject, anchor)):
                links.append(Link(phrase_text(subject), head.text, subject, head.i))
        elif head.lemma_.lower() in STATEMENT_NOUNS:
            # "Trump's claim that there have been “thousands of shootings”"
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None:
                links.append(Link(phrase_text(owner), head.text, owner, head.i))
    for aside in _parenthetical_cues(sentence, inside):
        if all(link.cue_at != aside.cue_at for link in links) and (
                inside or aside.subject is None or not _is_counted(aside.subject, anchor)):
            links.append(aside)
    links.extend(_prepositional(sentence, inside))
    return _distinct(links)


def _goes_on_doing(verb: Token) -> bool:
    """'would continue "to break barriers"': continuing to do something says nothing; only '"…," she
    continued' is a cue."""
    return verb.lemma_.lower() == "continue" and any(child.dep_ == "xcomp" for child in verb.children)


def _beside(cue: Token, outer: Token) -> bool:
    """Whether the attributed clause of `cue` stands beside `outer`'s rather than inside what `outer` reports:
    a contrast or another clause ("police said 20,000 marched, while organisers put it at 80,000"), or a
    clause after a semicolon ("organisers said 80,000; police estimated 25,000"). Only a reported clause
    relays a claim ("officials said the agency reported 12")."""
    token = cue
    while token.i != outer.i and token.head.i != token.i:
        if token.dep_ in ("advcl", "parataxis", "conj"):
            return True
        token = token.head
    low, high = sorted((cue.i, outer.i))
    return any(t.text == ";" for t in cue.doc[low:high])


def _can_attribute(subject: Token, cue: Token, inside: range) -> bool:
    """Whether a verb's subject can be who says or vouches for a claim. Not a span of time ("13 days of
    shelling showed"), not a phrase negated by "no" ("but no damage was reported"), not a counted thing
    that undergoes the verb ("hundreds of aftershocks were recorded": what was recorded, not who recorded
    it; "thousands of fans said" do speak), for a quote not what it names, and for a figure not the writer's
    "we", nor anything a passive verb befalls ("the 3.3% fall had been expected": what was expected, not who
    expected it) but the one quoted ("X was quoted as saying")."""
    if subject.lemma_.lower() in DURATION_UNITS:
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
        return False
    if inside and _named_by_passive(subject, cue):
        return False
    befallen = not inside and subject.head.lemma_.lower() not in _REPORTED_PASSIVE_VERBS
    if subject.dep_ == "nsubjpass" and (befallen or subject.like_num or subject.ent_type_ in _COUNT_ENTITIES or
                                        any(c.dep_ == "nummod" for c in subject.children)):
        return False
    return bool(inside) or subject.lower_ != "we"


def _named_by_passive(subject: Token, verb: Token) -> bool:
    """Whether `subject` is what a passive speech verb names or describes ('The ferry link has been called "a
    lifeline"', 'it is being branded as "a fresh start"'), not who speaks; one quoted ("X was quoted as
    saying") does."""
    lemma = verb.lemma_.lower()
    return subject.dep_ == "nsubjpass" and subject.head.i == verb.i and lemma in SPEECH_VERBS and \
        lemma not in _REPORTED_PASSIVE_VERBS


def _is_counted(subject: Token, anchor: Token) -> bool:
    """Whether a figure's verb has for subject what the article counts, not who vouches for a figure: the
    figure itself ("only six showed signs of damp", "heard by three senior judges"), or a bare count or share
    of those asked ("58% said they backed the line, with 31% opposed", "13 reported growth")."""
    holds_the_figure = subject.left_edge.i <= anchor.i <= subject.right_edge.i
    bare_count = subject.ent_type_ == "PERCENT" or subject.like_num and subject.text[:1].isdigit()
    return holds_the_figure or bare_count


def reports_clause_of(outer: Link, inner: Link) -> bool:
    """Whether `inner`'s cue sits in the reported clause of `outer`'s ("Lynch said she recalled …"), not
    in some other clause ("Christie described Clinton as … after she blamed …")."""
    if outer.subject is None or inner.cue_at is None or outer.cue_at is None:
        return False
    token = outer.subject.doc[inner.cue_at]
    while token.dep_ in ("ccomp", "xcomp", "conj") and token.head.i != token.i:
        token = token.head
        if token.i == outer.cue_at:
            return True
    return False


def _reports_something_else(verb: Token, anchor: Token) -> bool:
    """A reporting verb after a figure whose reported content follows it is about other words
    ("…, a deployment intelligence believes could happen soon"). Not applied to quotes, where the content
    after the verb is mostly the second half of the same quote ("“A,” Tester said, “B.”")."""
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


def subject_of(verb: Token, inside: range) -> Token | None:
    """The verb's subject; for a participle or infinitive without one ("…, saying", "took to Twitter to
    accuse"), the subject of the verb it depends on. A relative pronoun stands for the noun it follows.
    "It" speaks a quote (an organisation) but vouches for no figure ("it is estimated that …")."""
    for _ in range(3):
        # "The plan was described by Jobs as …": a passive verb's agent did it; its subject underwent it.
        # Only "X was quoted by the paper as saying" keeps its subject: the agent reported X's words.
        children = sorted(verb.children, key=lambda child: child.dep_ != "agent" or verb.lemma_.lower() in
                          _REPORTED_PASSIVE_VERBS)
        for child in children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i not in inside and child.lower_ != "there" and \
                    not (child.lower_ == "it" and not inside):
                if child.lower_ in RELATIVE_PRONOUNS:
                    # "McConnell, who in 2010 said …": the relative pronoun stands for the noun it follows.
                    return verb.head if verb.dep_ == "relcl" and verb.head.i not in inside else None
                return child
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj" and c.i not in inside]
                if objects:
                    return objects[0]
        if verb.dep_ == "acl" and verb.tag_ == "VBG" or verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            # "unleashed a series of tweets saying …": the tweets' author says it; "drew cheers upon saying",
            # "began by telling": whoever does what the preposition hangs on.
            verb = _governing_verb(verb.head)
            if verb is None:
                return None
            continue
        if verb.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _governing_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def governing_subject(anchor: Token, inside: range) -> Link | None:
    """The subject of the main clause above a mixed quote, speech verb or not: in news, the one whose
    words are quoted ("Reid has gone after Trump as a “human leech”", "The nominee has wondered whether
    the moderators will be “fair”"). Not a placeholder "it" or a "this" that stands for a thing ("it was
    Obama who pressed for a “Grand Bargain”", "it seems likely")."""
    outermost = None
    for verb in _verb_ancestors(anchor, inside):
        subject = subject_of(verb, inside)
        if subject is not None and subject.lower_ not in NAMELESS_PRONOUNS and \
                not _phrase_names_quote(subject, anchor) and not _named_by_passive(subject, verb):
            outermost = Link(phrase_text(subject), verb.text, subject, verb.i)
    return outermost


def _phrase_names_quote(subject: Token, anchor: Token) -> bool:
    """Whether the quote is a modifier in the subject's own phrase ('Slogans such as "homes first" filled the
    square'): the phrase names the quoted words, it does not say them. Not when a clause of the subject's holds
    the quote ('it was Obama who pressed for a "Grand Bargain"'), nor a phrase with an owner, who may be the
    one quoted ("Clinton's broadside against "printing money"")."""
    if any(child.dep_ == "poss" for child in subject.children):
        return False
    for token in anchor.ancestors:
        if token.i == subject.i:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def as_clause_cue(sentence: Span, inside: range) -> Link | None:
    """The speaker of an "as" clause set in the quote's sentence: 'the idea that it is "a foregone conclusion,"
    as Lopez said, …', 'as he puts it, "…"', 'as described by the mayor'. The clause names whose words the
    sentence quotes, whatever the subject of the sentence's own verb."""
    for token in sentence:
        verb = token.head
        if token.lower_ != "as" or token.dep_ != "mark" or token.i in inside or verb.i in inside or \
                verb.lemma_.lower() not in AS_CLAUSE_VERBS:
            continue
        # A small parser may hang the as-clause on the sentence's own verb ("the idea …, as Lopez said, worries
        # them" parsed with "said" as root): the clause's subject is the one after "as".
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > token.i and c.i not in inside),
                       None) or subject_of(verb, inside)
        if subject is not None and subject.lower_ not in THING_PRONOUNS:
            return Link(phrase_text(subject), verb.text, subject, verb.i)
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
    """'per the report', 'per Reuters' attribute; 'per cent', 'per hour', 'per 100ml of blood' do not."""
    return position < len(tokens) and (tokens[position].lower_ in ("the", "a") or tokens[position].pos_ == "PROPN") \
        and not tokens[position].text[:1].isdigit()


def _author_of(noun: Token) -> str:
    """'South Korea's estimate' → 'South Korea'; 'South Korean assessments' stay as they are."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if noun.lemma_.lower() in ASSESSMENT_NOUNS and possessor is not None:
        return phrase_text(possessor)
    return phrase_text(noun)


def _parenthetical_cues(sentence: Span, inside: range) -> list[Link]:
    """Comma-set cue clauses — ", KCNA said.", "Mr. Obama said, a majority …", ", said another." — that
    small parsers often attach to the wrong word."""
    links, segment = [], []
    for token in [*sentence, None]:
        if token is None or token.text in (",", '"', ";") or token.i in inside or token.is_sent_end and token.is_punct:
            link = cue_clause(segment, whole=True) if segment else None
            if link is not None:
                links.append(link)
            segment = []
        else:
            segment.append(token)
    return links


TRAILING_WORDS = {"on", "in", "a", "an", "the", "statement", "interview", "today", "yesterday", "recently",
                  "later", "then", "also", "again", "earlier", "last", "this", "week", "month", "year", "night",
                  "morning", "afternoon", "evening", "to", "reporters", "told"}
# Cues that may come before their speaker: "said Obama", "added Smith", "wrote Jones".
INVERSION_CUES = {"say", "add", "write", "ask", "continue", "explain", "note", "recall", "insist", "reply",
                  "respond", "quip", "joke", "exclaim", "concede", "counter", "observe", "remark", "declare",
                  "announce", "warn", "argue", "state", "tweet", "conclude", "whisper", "shout", "scream", "sigh",
                  "chant", "cry", "mutter", "offer", "suggest", "predict", "boast", "complain", "acknowledge"}
DASHES = {"―", "—", "–", "-", "--"}


def cue_clause(tokens: list[Token], *, whole: bool = False) -> Link | None:
    """Read "NP CUE …" or "CUE NP …" ("Tester said", "said David Plouffe, the architect …", "— Ana Ruiz").

    With `whole`, the clause must be all there is: nothing but time words may follow the cue.
    """
    while tokens and tokens[0].is_punct and tokens[0].text not in DASHES:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return None
    if tokens[0].text in DASHES:
        names = _leading_phrase(tokens[1:])
        if names and all(t.pos_ == "PROPN" or t.is_title or t.is_punct for t in names):
            return Link(_clean_span_text(names), tokens[0].text, _head_of(names), tokens[0].i)
        return None
    cue_at = next((i for i, t in enumerate(tokens) if (t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")
                   and t.tag_ != "VBG") or t.lower_ in ("said", "says")), None)
    if cue_at is None:
        return None
    cue = tokens[cue_at]
    after = tokens[cue_at + 1:]
    if cue_at == 0 and cue.lemma_.lower() not in INVERSION_CUES and cue.lower_ not in ("said", "says"):
        # "told The Huffington Post" names whom it was said to, not who said it.
        return None
    inverted = _inverted_subject(tokens[cue_at - 1], cue, after) if cue_at > 0 else []
    if cue_at == 0 or inverted:
        who = inverted or _leading_phrase(after)
        rest = after[len(who):]
    else:
        who = _subject_before(tokens[:cue_at], cue)
        rest = after
    if len(who) == 1 and who[0].lower_ in RELATIVE_PRONOUNS:
        # 'a "harbour tsar" who reports to the mayor': the clause describes what the quote names.
        return None
    if not who or whole and any(t.pos_ in ("VERB", "AUX") or not (t.ent_type_ in ("DATE", "TIME") or
                                t.lower_ in TRAILING_WORDS or t.is_punct or t.pos_ in ("ADV", "ADP", "DET"))
                                for t in rest) or _named_by_passive(_head_of(who), cue):
        return None
    return Link(_clean_span_text(who), cue.text, _head_of(who), cue.i)


def _leading_phrase(tokens: list[Token]) -> list[Token]:
    """The noun phrase `tokens` start with, up to a comma, verb or preposition: "David Plouffe, the …". A
    hyphen inside a word is no break ("added the 30-year-old")."""
    words: list[Token] = []
    for token in tokens:
        inside_a_word = token.text == "-" and not token.whitespace_ and words and not words[-1].whitespace_
        if token.is_punct and not inside_a_word or \
                (token.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") and token.lower_ != "of"):
            break
        words.append(token)
    while words and words[-1].lower_ == "of":
        words.pop()
    return words if 0 < len(words) <= 8 and _has_nominal(words) else []


def _is_subject_of(token: Token, verb: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.i == verb.i


def _inverted_subject(before: Token, cue: Token, after: list[Token]) -> list[Token]:
    """The subject after an inverted cue that a comma sets off from the words before it ('…appeals to
    commuters, said Dan Ruiz, a pollster'): the words before end the clause the quote stands in, and
    whoever follows the cue says it."""
    if before.text != "," or not (cue.lemma_.lower() in INVERSION_CUES or cue.lower_ in ("said", "says")):
        return []
    phrase = _leading_phrase(after)
    return phrase if any(_is_subject_of(t, cue) for t in phrase) else []


def _subject_before(tokens: list[Token], cue: Token) -> list[Token]:
    """The subject in "Douglas Brinkley, a historian who attended, recalled" or "In a statement, Peabody
    said": the words before the cue without auxiliaries and fronted adverbials, cut at an apposition's
    comma; empty unless they form a short noun phrase. Words a comma sets off before the cue's own subject
    are no part of it: a fronted phrase, or the end of the clause a quote stands in ('Hale "never listened
    to" the residents, her neighbour Tom Ames said')."""
    words = _without_brackets(tokens)
    while words and words[-1].pos_ in ("AUX", "ADV", "PART"):
        words.pop()
    segments: list[list[Token]] = [[]]
    for token in words:
        if token.text == ",":
            segments.append([])
        else:
            segments[-1].append(token)
    segments = [segment for segment in segments if segment]
    subject_at = next((n for n, segment in enumerate(segments) if any(_is_subject_of(t, cue) for t in segment)), 0)
    segments = segments[subject_at:]
    while len(segments) > 1 and (segments[0][0].pos_ in ("ADP", "SCONJ", "CCONJ", "ADV") or
                                 all(t.ent_type_ in ("DATE", "TIME") for t in segments[0])):
        segments.pop(0)
    words = segments[0] if segments else []
    clause_words = any(t.pos_ in ("VERB", "AUX", "SCONJ") or t.lower_ in ("that", "which") for t in words)
    words = [] if clause_words else _clause_subject(words)
    return words if 0 < len(words) <= 10 and _has_nominal(words) else []


# Words that open or close no noun phrase: a preposition or a conjunction.
_FRAGMENT_EDGES = ("ADP", "SCONJ", "CCONJ")


def _clause_subject(words: list[Token]) -> list[Token]:
    """`words` when they form a noun phrase; when they open or end on a preposition or a conjunction, they are
    the tail of the clause before, run on from a quote's closing mark ('"target for the year" with a record
    9,000 crossings and she said', '"deeply misleading" to voters and said'), and only the verb's subject among
    them, if any, is who speaks."""
    if not words or words[0].pos_ not in _FRAGMENT_EDGES and words[-1].pos_ not in _FRAGMENT_EDGES:
        return words
    subject = next((t for t in words if t.dep_ in ("nsubj", "nsubjpass")), None)
    return [] if subject is None else [t for t in words if subject.left_edge.i <= t.i <= subject.i]


def _without_brackets(tokens: list[Token]) -> list[Token]:
    """Drop bracketed asides: "Korean Central News Agency (KCNA)", "Harry Reid (D-Nev.)"."""
    kept, depth = [], 0
    for token in tokens:
        if token.text in ("(", "["):
            depth += 1
        elif token.text in (")", "]"):
            depth = max(depth - 1, 0)
        elif depth == 0:
            kept.append(token)
    return kept


def _has_nominal(words: list[Token]) -> bool:
    return any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in words)


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
    # A glue word alone is a name: "…," said Friday (the coach).
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in ("the", "a", "an") or
                      is_name_glue(tokens[0].text) and len(tokens) > 1):
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
