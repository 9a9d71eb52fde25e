"""Since when someone has held a post: "Brandt has led the union since 2016", "Brandt, the union's leader
since 2015,". A year is otherwise no figure (quantities leave years out); the year a tenure began is a fact
outlets state and misstate, so it is a claim of its own, whose holder is the person and whose measure is
the post and what it is held over, read from the verb or the role noun: two outlets giving one leader of one
union two starting years disagree, and "in Congress since 1987" is not "leader of the union since 2016".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from claimtrack.extractors.quantities import QuantityFinding
from claimtrack.extractors.tokens import clause_with_subject, entity_text
from claimtrack.lexicon import CALENDAR_YEAR, EVENT_CLASS_OF, OFFICE_TITLES, PERSONAL_PRONOUNS
from claimtrack.models import Frame

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_YEAR = re.compile(r"(1[89]|20)\d\d")
# Verbs that hold a post from a year on; "be" only with where it is held ("has been in Congress since").
_HOLDING_VERBS = {"lead", "serve", "head", "run", "chair", "represent", "hold", "sit", "be"}
# A role noun and the verb of its post, so that "the union's leader since 2015" meets "has led the union since
# 2016".
_ROLE_VERBS = {"leader": "lead", "head": "lead", "chairman": "chair", "chairwoman": "chair", "chair": "chair",
               "member": "serve", "representative": "represent", "congressman": "serve",
               "congresswoman": "serve", "senator": "serve"}


def find_start_years(doc: Doc) -> Iterator[QuantityFinding]:
    """Each "since YEAR" that dates when a person (named, or by a pronoun extraction resolves) took the post
    the clause names, and each "in YEAR" of taking it up ("first elected to Congress in 2008", "took office in
    2011", "was sworn in as mayor in 2014")."""
    for token in doc:
        preposition = token.head
        if not (_YEAR.fullmatch(token.text) and token.dep_ == "pobj" and preposition.lower_ in ("since", "in")):
            continue
        clause = preposition.head
        post = _post_of(clause) if preposition.lower_ == "since" else _post_taken_up(clause)
        holder = _holder_of(_role_described(clause) or clause) if post is not None else None
        if holder is None:
            continue
        yield QuantityFinding(
            start=token.idx, end=token.idx + len(token.text), low=float(token.text), high=float(token.text),
            approximator="exact", unit=CALENDAR_YEAR, counted=None, subject=holder, predicate=clause.text,
            anchor=token,
            frame=Frame(measure=post, holder=holder, attribute="start year", event=post),
        )


def _post_taken_up(verb: Token) -> str | None:
    """The post a clause of taking one up names: "first elected to the state Senate" (a first election only;
    a re-election or "elected in 2014" may start another term), "took office as mayor", "was sworn in as
    mayor". A role noun the clause describes names the post when the clause does not ("a congresswoman first
    elected in 2008"), and so does the title before the name for "took office" ("Governor Brandt, who took
    office in 2019"); an office no word names is no post. An election is its own measure: one elected in
    2008 takes the seat in 2009, and "first elected in 2008" does not deny "in Congress since 2009"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
        return None
    took_office = lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "office" for c in verb.children)
    first_election = lemma == "elect" and any(c.dep_ == "advmod" and c.lower_ == "first" for c in verb.children)
    sworn_in = lemma == "swear" and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children)
    if not (took_office or first_election or sworn_in):
        return None
    named = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "as")
                  for g in c.children if g.dep_ == "pobj"), None) or _role_described(verb)
    if named is None and took_office:
        person = _person_of(verb)
        titles = [OFFICE_TITLES[c.lower_.rstrip(".")] for c in person.children
                  if c.dep_ == "compound" and c.lower_.rstrip(".") in OFFICE_TITLES] if person is not None else []
        return _ROLE_VERBS.get(titles[0], titles[0]) if titles else None
    if named is None:
        return None
    post = _post_named(named)
    return f"elected {post}" if first_election else post


def _role_described(verb: Token) -> Token | None:
    """The role noun a clause describes, apposed to a person: "Voss, a congresswoman first elected in 2008"."""
    noun = verb.head
    return noun if verb.dep_ == "acl" and noun.pos_ == "NOUN" and noun.dep_ == "appos" else None


def _post_of(word: Token) -> str | None:
    """The post a clause or a role noun names, with what it is held over: "has led the union" and "the
    union's leader" are "lead union", "the Democratic leader" "lead"; "has been in Congress" is "Congress",
    "has served on the board" "board". None for a negated clause ("has not led a strike since 2016") or
    events counted since ("has led three strikes since 2016")."""
    lemma = word.lemma_.lower()
    if word.pos_ == "NOUN":
        role = _ROLE_VERBS.get(lemma)
        owner = next((c for c in word.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
        return role if role is None or owner is None else f"{role} {owner.lemma_.lower()}"
    if word.pos_ not in ("VERB", "AUX") or lemma not in _HOLDING_VERBS or any(c.dep_ == "neg" for c in word.children):
        return None
    held = next((c for c in word.children if c.dep_ == "dobj"), None)
    if held is not None:
        if any(c.dep_ == "nummod" for c in held.children) or held.lemma_.lower() in EVENT_CLASS_OF or \
                held.pos_ == "PRON":
            return None
        return f"{lemma} {held.lemma_.lower()}"
    if lemma in ("be", "sit", "serve"):
        # "has been in Congress since 1987", "has served in the Senate since 2004", "served as leader".
        place = next((g for c in word.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "as")
                      for g in c.children if g.dep_ == "pobj"), None)
        if place is not None:
            return _post_named(place)
        return "serve" if lemma == "serve" else None
    return lemma


def _post_named(noun: Token) -> str:
    """A post as a noun names it: a role by the verb of its post ("senator": "serve"), a body or a place with
    the words before it ("the state Senate" is not "the Senate", "the city council" not "the council")."""
    role = _ROLE_VERBS.get(noun.lemma_.lower())
    if role is not None:
        return role
    # "a three-term councillor": a count of terms says nothing of the post.
    before = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and not any(g.like_num for g in c.subtree)]
    return " ".join([*(c.text if c.pos_ == "PROPN" else c.lemma_.lower() for c in before),
                     noun.text if noun.pos_ == "PROPN" else noun.lemma_.lower()])


def _person_of(word: Token) -> Token | None:
    """The clause's subject ("Hale has led …"), the person a role noun is apposed to ("Brandt, the union's
    leader since 2015"), or whom a relative clause describes ("Brandt, who has led …"); one of coordinated
    clauses shares the first one's subject."""
    if word.pos_ == "NOUN":
        return word.head if word.dep_ == "appos" else None
    clause = clause_with_subject(word)
    person = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if person is not None and person.lower_ in ("who", "that") and clause.dep_ == "relcl":
        person = clause.head
    return person


def _holder_of(word: Token) -> str | None:
    """Who holds the post (`_person_of`), by name or by a pronoun extraction resolves."""
    person = _person_of(word)
    if person is not None and person.lower_ in PERSONAL_PRONOUNS:
        return person.lower_  # extraction resolves it to the person it names, as for a speaker
    if person is None or not (person.ent_type_ == "PERSON" or person.pos_ == "PROPN" and person.is_title):
        return None
    return entity_text(person)
