"""The frame of a figure: what is measured, what happened to it, whose attribute it is, where and when,
its scope and modality. Read here, where the parse, lemmas and entities exist, so that comparison aligns
frames without parsing text again."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimtrack.extractors.tokens import (
    VERB_WALK,
    clause_with_subject,
    entity_of,
    entity_text,
    joined_ago,
    names_a_vote,
)
from claimtrack.lexicon import (
    ACTION_NOUNS,
    ADDITIONAL_WORDS,
    AGE_WORDS,
    AREA_UNITS,
    ANAPHORIC_NOUNS,
    CHANGE_WORDS,
    COUNTING_NOUNS,
    CROWD_NOUNS,
    CUMULATIVE_PHRASES,
    CURRENCY_NAMES,
    DURATION_UNITS,
    ELECTING_VERBS,
    EMPLOYER_NOUNS,
    ESTIMATE_WORDS,
    ESTIMATING_VERBS,
    EVENT_CLASS_OF,
    EXPECTATION_WORDS,
    INDIVIDUAL_NOUNS,
    JOB,
    JOBS_CUT,
    JOB_LOSING_VERBS,
    JOB_NOUNS,
    KILOMETRES,
    KIND_NOUNS,
    LENGTH_ADJECTIVES,
    LAND_BURNED,
    LAND_BURNING_VERBS,
    LEVEL_VERBS,
    LIGHT_VERBS,
    MAGNITUDE_WORDS,
    MEASURE_NOUNS,
    MEASURE_SYNONYMS,
    MONTH_NAMES,
    NAMING_VERBS,
    NOT_EVENT_VERBS,
    OPINIONS,
    ORGANISATION_WORDS,
    PART_WORDS,
    PASSING_VERBS,
    PEOPLE_BY_EVENT,
    PEOPLE_VERBS,
    PERSONAL_PRONOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    POPULATION_VERBS,
    PRICE_VERBS,
    QUAKE_NOUNS,
    RAISING_VERBS,
    RATE_ADVERBS,
    RATE_NOUNS,
    RELEASING_WORDS,
    REPORTING_VERBS,
    REVISION_VERBS,
    REVISION_WORDS,
    ROLE_NOUNS,
    SHARE_UNITS,
    STATE_VERBS,
    STOCK_NOUNS,
    TALLY_NOUNS,
    TALLY_SIDES,
    TENURE_VERBS,
    WINNING_VERBS,
)
from claimtrack.models import Frame
from claimtrack.numbers import read_figure_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Clauses below the figure's verb that say something else: their places and dates are not the figure's.
_OTHER_CLAUSES = {"ccomp", "advcl", "relcl", "parataxis", "conj", "acl"}
_PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
_COMPASS = re.compile(r"(north|south)(-?(east|west))?|east|west")
_NAMED_HOLDERS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_RELATIVE_PRONOUNS = {"who", "which", "that"}
_HYPHENS = {"-", "‐", "‑", "–"}
# The prepositions a price or a valuation is given with.
_PRICE_PREPOSITIONS = {"for", "at"}
_NUMERIC_ENTITIES = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT"}
_TIME_CONJUNCTIONS = {"when", "while", "until", "since", "after", "before", "once"}
# Words between the two sides of a tally: "134 votes to Ben Arlo's 63".
TALLY_REACH = 6
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "who", "that", "which", "i", "we", "you"}


def read_frame(doc: Doc, first: int, last: int, counted: list[int], anchor: Token, verb: Token | None,
               unit: str) -> Frame:
    """The frame of the figure spanning tokens `first`..`last`, counting the tokens `counted`, hanging from
    `verb`."""
    head = doc[counted[-1]] if counted else _noun_of_a_converted_sum(doc, last, unit)
    measure, partitive = _measure(head, unit)
    if head is None and unit in SHARE_UNITS:
        measure = _noun_given_as(doc[last]) or measure
    role_gives_way = _role_gives_way(head, verb)
    walked, acting_verb = _path_to_verb(anchor, head, verb, range(first, last + 1))
    moves_object = verb is not None and _moves_object_to(verb, anchor)
    carriers = _event_carriers(head, acting_verb, role_gives_way, walked, moves_object)
    # "Three of the injured remain in hospital": the casualty word names the group counted from, and what
    # happened to those counted is what the clause says of them.
    casualty = _casualty_word(doc, last, head) if unit == "count" and not role_gives_way else None
    counted_from = _casualties_counted_from(doc, last) if unit == "count" and not role_gives_way else None
    if counted_from is not None:
        measure = "people" if counted_from == casualty else measure
        carriers = [t for t in carriers if t.i != counted_from.i]
    elif casualty is not None:
        # "2 dead, 1 wounded", "80 hurt": people, and the word says what happened to them, whatever the
        # headline's verb ("Quake kills 10; 80 hurt").
        measure, carriers = "people", [casualty]
    # A name says who, never what happened: "Darnell Price, 27" was not paid.
    event_token = next((t for t in carriers if _event_lemma(t) in EVENT_CLASS_OF and t.pos_ != "PROPN"), None)
    # A reporting verb ("police said 12") says who vouches for a figure, not what happened to it.
    event = _event_lemma(event_token) if event_token is not None else (
        _event_lemma(acting_verb) if acting_verb is not None and _lemma(acting_verb) not in REPORTING_VERBS and
        not moves_object else None)
    if event_token is None and acting_verb is not None:
        event = _state_of(acting_verb) or event
    if unit == "count":
        measure, event = _job_losses(measure, event, acting_verb, head)
    if measure is None and verb is not None and (_lemma(verb) in LEVEL_VERBS or moves_object):
        measure = _subject_measure(verb, anchor, moves_object)
    elif measure is None and not partitive and unit == "count" and verb is not None and \
            _event_lemma(verb) in PEOPLE_VERBS and _does(anchor, verb):
        measure = "people"
    clause = _clause_tokens(verb, anchor) if verb is not None else list(anchor.sent)

    holder, attribute = _holder(doc, first, last, head, verb, unit)
    if unit in ("years", "year") and joined_ago(anchor):
        attribute = "tenure"
    measure, attribute = _measured_attribute(doc, first, last, counted, measure, attribute)
    scope = _scope(doc, first, last, anchor, verb, clause, unit, attribute)
    if counted_from is not None and scope == "total":
        # "Two of the injured died in hospital": a part of another count, never the whole of the dead.
        scope = "part"
    if measure == unit and unit.startswith("money:"):
        measure = _priced_thing(verb) or measure
    if attribute == "magnitude" and holder is None:
        # An aftershock's magnitude is not the main shock's.
        shock = next((t for t in doc[max(first - 3, 0): last + 6] if _lemma(t) in QUAKE_NOUNS), None)
        if shock is None and verb is not None:
            # "the quake, which struck on Sunday with a force of about 6.0": the shock the clause is about.
            subject = _clause_subject(verb, ("nsubj", "nsubjpass"))
            shock = subject if subject is not None and _lemma(subject) in QUAKE_NOUNS else None
        holder = QUAKE_NOUNS[_lemma(shock)] if shock is not None else None
    if attribute is None and (measure is None or measure in PERSON_NOUNS):
        population_of = _population_holder(doc, first, verb)
        if population_of is not None:
            holder, attribute, measure = population_of or holder, "population", "person"
    if unit == "metres" and doc[last].lower_ == "m":
        # "the women's 60m hurdles": a distance read as metres because it names a race; "women's" is the
        # race's, not the holder of a distance.
        holder, attribute = None, "distance"
    elif MEASURE_SYNONYMS.get(unit, unit) in KILOMETRES:
        # A distance is told apart by where it is measured from; its subject is the other end. Units come
        # as written: "miles", "kilometers".
        # A length that names what it is the size of ("a 12-metre boat off the coast of Brest") is no
        # distance from the place beside it.
        sized = _sized_thing(doc, last)
        measured_from = _distance_from(doc, max([last, *counted])) if sized is None else None
        holder, attribute = (sized, "length") if sized is not None else (measured_from or holder, "distance")
        if measured_from is not None and scope == "change":
            # It locates something ("cut off Brenna, 500 km east of Ostrava"): the clause's verb, whatever
            # it does, does not change the distance.
            scope = "total"
    # "Some 52% disapprove" comes with the verb parsed as what is counted.
    opinion = (_opinion(verb) or ((OPINIONS[measure], None) if measure in OPINIONS else None)) \
        if unit in SHARE_UNITS else None
    pollster = None
    if opinion is not None:
        # A poll's share is of an opinion of someone, whatever its voters; two polls' shares are the
        # pollsters' own, which only the same value joins.
        (measure, opinion_of), event = opinion, opinion[0]
        holder, attribute, pollster = opinion_of or holder, "share", _pollster(anchor.sent)
    side = _tally_side(doc, first, last) if unit == "count" else None
    if side is not None:
        # "beating Tim Rayburn 134-63", "134 votes to his 64": each figure counts the votes of one side.
        decision = _decision(verb)
        # A side of a tally apposed to what was voted on ("a $1 trillion bill, 69 to 30") lists no part of it.
        measure, event, attribute, scope = "vote", decision, side, "total"
        holder, event = _tally_parties(verb, side, decision)
    apposed_age = _apposed_age(doc, first, attribute)
    return Frame(
        measure=measure,
        qualifiers=_qualifiers(doc, counted),
        partitive=partitive,
        event=event,
        event_class=LAND_BURNED if measure in AREA_UNITS and event in LAND_BURNING_VERBS else
        EVENT_CLASS_OF.get(event or ""),
        holder=holder,
        attribute=attribute,
        # A name the small model took for a place ("identified as Marcus Dale, 24") is whose the figure is.
        places=[place for place in _places(clause + _where_antecedent(verb), first, last) if place != holder],
        # "Wexford, 42, has served since 2009", "Okafor, 47, takes office in January": an age between commas
        # is the person's age as the article is written, whatever the clause dates.
        years=[] if apposed_age else sorted({int(y) for t in [*clause, *_described_noun_modifiers(verb)]
                                             if t.ent_type_ == "DATE" and not first <= t.i <= last
                                             for y in _YEAR.findall(t.text)}),
        dates=[] if apposed_age else _dates(anchor.sent, first, last),
        rate=_rate(doc, last, counted),
        scope=scope,
        modality=_figure_modality(doc, first, attribute, head, unit, verb),
        # "Mr Mubanga, 29, was originally detained": the clause's revision word is not about the age beside it.
        revision=not apposed_age and _revision(verb, anchor, clause),
        # Who "did" a tally's votes is the voters, the winner or the caucus, as each article puts it: no one.
        agent=pollster or (_agent(verb, first, last, counted) if side is None else None),
    )


def _tally_side(doc: Doc, first: int, last: int) -> str | None:
    """Which side of a vote's tally the figure counts, in a sentence that names a vote: the first of two
    numbers written high to low ("134-63", "134 to 63", "134 votes to his 64") is the winner's, the second the
    loser's."""
    value = _plain_number(doc[last])
    if value is None:
        return None
    partner = _tally_partner(doc[last + 1: last + TALLY_REACH + 1])
    if partner is not None and _plain_number(partner) < value and not _a_change_from(doc[first]):
        side = TALLY_SIDES[0]
    else:
        partner = _tally_partner(reversed(doc[max(first - TALLY_REACH, 0): first]))
        if partner is None or _plain_number(partner) <= value or _a_change_from(partner):
            return None
        side = TALLY_SIDES[1]
    # The whole sentence is read only for a pair of numbers that may be a tally; a split-decision word is
    # looked for beside the pair's first number.
    opener = doc[first] if side == TALLY_SIDES[0] else partner
    return side if names_a_vote(opener) else None


def _a_change_from(token: Token) -> bool:
    """"turnout fell from 70,000 to 50,000 in the vote": two levels, not a tally."""
    return token.i > 0 and token.doc[token.i - 1].lower_ == "from"


def _tally_holder(verb: Token | None, side: str) -> str | None:
    """Whose votes a side of a tally counts, where the clause names both contenders: the subject of a verb of
    winning ("Voss beat Ortiz 212-97", "beating Ortiz 212-97" after "Voss won") and its object for the losing
    side; the object of a verb of electing and whom it was "over" or "against". In "Democrats re-elected Hale,
    defeating a challenge from Ortiz" the subject of "defeating" is not who won."""
    if verb is None:
        return None
    lemma = _lemma(verb)
    winning = side == TALLY_SIDES[0]
    if lemma in WINNING_VERBS:
        loser = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if loser is None or loser.pos_ != "PROPN":
            return None
        person = _clause_subject(verb, ("nsubj",)) or _controlling_subject(verb) if winning else loser
    elif lemma in ELECTING_VERBS:
        person = next((c for c in verb.children if c.dep_ == "dobj"), None) if winning else \
            next((o for t in verb.subtree if t.dep_ == "prep" and t.lower_ in ("over", "against")
                  for o in t.children if o.dep_ == "pobj"), None)
    else:
        return None
    return entity_text(person) if person is not None and person.pos_ == "PROPN" else None


def _tally_parties(verb: Token | None, side: str, decision: str) -> tuple[str | None, str]:
    """Whose votes a side counts, and the vote told by its parties. Two measures one body passed are two
    tallies, so a body holds only a tally whose measure the clause names ("pass parking plan"); a race is told
    by both contenders ("vote ortiz voss"): Voss beating Ortiz 212-97 is not Voss beating Kim 180-120."""
    if decision != "vote":
        return (_voting_body(verb) if decision != "pass" else None), decision
    holder = _tally_holder(verb, side)
    rival = _tally_holder(verb, TALLY_SIDES[side == TALLY_SIDES[0]])
    if holder is None or rival is None:
        return holder, decision
    return holder, " ".join(["vote", *sorted(name.split()[-1].casefold() for name in (holder, rival))])


def _decision(verb: Token | None) -> str:
    """What a tally decided: for a measure passed, approved or rejected, "pass" and the measure's nouns
    ("pass parking plan" for "voted 7-2 to approve the new parking plan"), or "pass" alone when the clause
    does not name it ("voted to pass it"); "vote" for any other vote (an election, a motion to advance)."""
    if verb is None:
        return "vote"
    # "voted 7-2 to approve it": the purpose, parsed as a complement or as an adverbial clause.
    decided = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and
                    any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None) \
        if _lemma(verb) == "vote" else verb
    if decided is None or _lemma(decided) not in PASSING_VERBS:
        return "vote"
    measure = next((c for c in decided.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if measure is None:
        return "pass"
    # A noun for any measure says nothing of which ("the bill"); "a rewrite of the tax code" is named by
    # what it is of.
    of = [g for c in measure.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
          if g.dep_ == "pobj"] if _lemma(measure) in MEASURE_NOUNS else []
    named = [_lemma(w) for noun in [measure, *of] for w in [*(c for c in noun.children if c.dep_ == "compound"), noun]]
    return " ".join(["pass", *(word for word in named if word not in MEASURE_NOUNS)])


def _voting_body(verb: Token | None) -> str | None:
    """Who voted on a measure, by name: "The Senate passed the package 69-30" is the Senate's tally."""
    body = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    return entity_text(body) if body is not None and body.pos_ == "PROPN" else None


def _tally_partner(tokens: Iterable[Token]) -> Token | None:
    """The other number of a tally, read outward from a figure: past "votes", a dash or "to", and a
    possessive ("to his 64", "to Ben Arlo's 63")."""
    for token in tokens:
        if token.like_num:
            return token if _plain_number(token) is not None else None
        possessive_name = token.pos_ == "PROPN" or token.lower_ in ("'s", "’s")
        if token.text not in _HYPHENS and token.lower_ not in ("to", "votes", "his", "her", "their", "its") and \
                not possessive_name:
            return None
    return None


def _plain_number(token: Token) -> float | None:
    """A whole number written in digits alone ("212", "1,012"), as a tally writes its sides."""
    parsed = read_figure_token(token.text)
    return parsed[0] if parsed is not None and not parsed[1] and not parsed[2] and parsed[0] == int(parsed[0]) \
        else None


def _described_noun_modifiers(verb: Token | None) -> list[Token]:
    """The words before the noun a relative clause describes: "the 1989 disaster in which 96 died" happened in
    1989, as the figure did."""
    if verb is None or verb.dep_ != "relcl":
        return []
    return [t for t in verb.head.subtree if t.i < verb.head.i]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _event_lemma(token: Token) -> str:
    """The verb's lemma, with its particle where that makes another event ("take part"), or for a light verb
    the event its object names ("staged a protest", "took to the streets")."""
    lemma = _lemma(token)
    if lemma == "take" and any(c.lower_ == "part" for c in token.children):
        return "participate"
    if lemma in LIGHT_VERBS:
        objects = [c for c in token.children if c.dep_ == "dobj"] + \
            [o for c in token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
        return next((_lemma(o) for o in objects if _lemma(o) in EVENT_CLASS_OF), lemma)
    return lemma


def _noun_given_as(figure: Token) -> str | None:
    """The noun a share is given as, after "of": "a premium of about 31%" is a premium, as "a 31 percent
    premium" is; "a stake of 20%" a stake."""
    if figure.dep_ == "nummod" and figure.head.i > figure.i:
        figure = figure.head  # "31" of "31%" hangs from its unit
    of = figure.head
    noun = of.head
    if figure.dep_ == "pobj" and of.lower_ == "of" and noun.i != of.i and noun.pos_ == "NOUN" and noun.i < figure.i:
        return _lemma(noun)
    return None


def _job_losses(measure: str | None, event: str | None, verb: Token | None,
                head: Token | None) -> tuple[str | None, str | None]:
    """Jobs lost, however said: "cut 500 jobs", "500 jobs will be lost", "would cost 500 jobs", "lay off 500
    workers" and "500 people will lose their jobs" are one figure, of jobs cut. People are jobs only as what
    the verb cuts or as who lose their jobs: not "cut power to 50,000 customers" nor "cut two workers free"."""
    if measure in JOB_NOUNS and event in JOB_LOSING_VERBS:
        return JOB, JOBS_CUT
    if measure in JOB_NOUNS and EVENT_CLASS_OF.get(event or "") == JOBS_CUT:
        return JOB, event
    if measure not in PERSON_NOUNS or verb is None or head is None or head.head.i != verb.i:
        return measure, event
    freed = any(c.lower_ in RELEASING_WORDS for c in [*verb.children, *head.children])
    laid_off = EVENT_CLASS_OF.get(event or "") == JOBS_CUT and head.dep_ in ("dobj", "nsubjpass") and not freed
    lose_jobs = event == "lose" and head.dep_ == "nsubj" and any(
        c.dep_ == "dobj" and _lemma(c) == JOB for c in verb.children)
    return (JOB, JOBS_CUT) if laid_off or lose_jobs else (measure, event)


def _measure(head: Token | None, unit: str) -> tuple[str | None, bool]:
    """What is counted, as a lemma; a unit of measure when the figure counts one; None for "them"."""
    if (unit in SHARE_UNITS or unit.startswith("money:")) and head is not None:
        # "40% of voters" and "two-thirds of voters" measure voters, not a share of anything; "a $900m loan"
        # is a loan, and another sum than "a $27bn tax bill".
        return _lemma(head), False
    if unit != "count":
        return unit, False
    if head is None:
        return None, False
    lemma = _lemma(head)
    if lemma in ANAPHORIC_NOUNS or head.lower_ in ANAPHORIC_NOUNS or head.pos_ == "PRON":
        return None, True
    if head.pos_ == "PROPN" and head.is_title and lemma.endswith("s") and not lemma.endswith("ss"):
        # "1,200 Shareholders" at the start of a headline comes tagged as a name and keeps its plural.
        lemma = lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    if lemma in PEOPLE_BY_EVENT:
        # "2 dead", "12 injured", "three casualties": people, counted by what happened to them.
        return "people", False
    kind = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj" and g.pos_ == "NOUN"), None) if lemma in KIND_NOUNS else None
    if kind is not None and not any(c.dep_ == "conj" for c in kind.children):
        # "attempted murder" is another charge than "murder": the words before the noun count. Counts of
        # several charges ("12 counts of bribery and fraud") are a total, as a "12-count indictment" is.
        words = [_lemma(t) for t in kind.lefts if t.dep_ in ("compound", "amod")] + [_lemma(kind)]
        return f"{lemma} of {' '.join(words)}", False
    return lemma, False


def _noun_of_a_converted_sum(doc: Doc, last: int, unit: str) -> Token | None:
    """The noun a sum describes across the conversion written after it: "a $27.5bn (£14.5bn) back tax bill"
    is a bill, in either currency, and another sum than the $9.4bn paid for the company."""
    if not unit.startswith("money:"):
        return None
    figure = doc[last]
    if figure.dep_ == "appos" and figure.head.i < figure.i:
        figure = figure.head  # the conversion stands beside the sum it converts
    noun = figure.head
    written_between = doc[figure.i + 1: noun.i]
    if noun.pos_ != "NOUN" or noun.i <= figure.i or figure.dep_ not in ("nmod", "compound", "amod", "nummod") or \
            not any(t.text == "(" for t in written_between):
        return None
    return noun


def _sized_thing(doc: Doc, last: int) -> str | None:
    """The thing a length is the size of: "a 10-metre dhow", "a 30-foot boat", "the 500m-long tunnel", "the
    bridge is 300 metres long" (a length, not a distance from anywhere). A shot or a journey is no such thing:
    each has a length of its own ("a 25-yard shot" and "a 20-yard shot" are two shots)."""
    unit = next((t for t in doc[last: last + 3] if t.lower_ in KILOMETRES), None)
    if unit is None:
        return None
    thing = None
    size = unit.head
    if unit.dep_ == "compound" and unit.head.pos_ == "NOUN" and unit.head.i > unit.i:
        thing = unit.head
    elif unit.dep_ == "npadvmod" and size.lower_ in LENGTH_ADJECTIVES and size.dep_ == "amod" and \
            size.head.pos_ == "NOUN":
        thing = size.head
    elif unit.dep_ == "npadvmod" and size.lower_ in LENGTH_ADJECTIVES and size.dep_ == "acomp":
        thing = next((c for c in size.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    return _lemma(thing) if thing is not None and _lemma(thing) not in ACTION_NOUNS else None


def _does(anchor: Token, verb: Token) -> bool:
    """The figure is who does what the verb says: its subject, or the agent of its passive ("was attended by
    an estimated 200,000")."""
    if anchor.head.i == verb.i:
        return anchor.dep_ == "nsubj"
    return anchor.dep_ == "pobj" and anchor.head.dep_ == "agent" and anchor.head.head.i == verb.i


def _casualty_word(doc: Doc, last: int, head: Token | None) -> Token | None:
    """The word after a figure that counts people by what happened to them: "2 dead", "80 hurt", "14
    injured", whether it is parsed as the counted noun or as the figure's adjective."""
    word = head if head is not None else (doc[last + 1] if last + 1 < len(doc) else None)
    return word if word is not None and word.lower_ in PEOPLE_BY_EVENT and word.lower_ in EVENT_CLASS_OF else None


def _event_carriers(head: Token | None, verb: Token | None, role_gives_way: bool, walked: list[Token],
                    moves_object: bool) -> list[Token]:
    """Tokens that may say what happened, nearest first: the counted noun and its modifiers ("injured
    people", "deaths"), the words between the figure and its verb, the verb, and for a level ("the death
    toll rose to 10") the verb's subject; for a verb that moves its object to the figure ("raising the death
    toll to two"), the object, not the verb."""
    carriers: list[Token] = []
    if verb is not None and moves_object:
        measured = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return [*walked[:-1], *([] if measured is None else
                                [measured, *(c for c in measured.children if c.dep_ in ("compound", "amod"))])]
    if verb is not None and _lemma(verb) not in NOT_EVENT_VERBS:
        # The verb says what happened to the counted people ("one protester was killed") before their role.
        carriers.append(verb)
    if head is not None:
        # "injured people", "the dead"; a compound names the event only on a tally ("death toll"): "assault
        # rifles" were not an assault, "murder charges" killed no one.
        carriers += [head, *(c for c in head.children if c.dep_ in ("amod", "acl") or
                             c.dep_ == "compound" and _lemma(head) in TALLY_NOUNS)]
    carriers += walked
    if verb is not None:
        carriers.append(verb)
        # "was packed" comes as an adjective or as a participle.
        carriers += [c for c in verb.children if c.dep_ in ("acomp", "oprd", "attr") and c.pos_ in ("ADJ", "NOUN") or
                     c.dep_ == "acomp" and c.pos_ == "VERB"]
        state = _state_noun(verb)
        if state is not None:
            carriers.append(state)  # "three remain in custody": the state they are in
        if _lemma(verb) in ESTIMATING_VERBS:
            # "police put the march at 30,000", "officials put the death toll at 10": the object is what
            # the figure measures.
            measured = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if measured is not None:
                carriers += [measured, *(c for c in measured.children if c.dep_ in ("compound", "amod"))]
        if _lemma(verb) in LEVEL_VERBS:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                # "the death toll rose to 23", "the number of people killed rose to 23".
                carriers += [subject, *(c for c in subject.subtree if c.dep_ in ("amod", "pobj", "acl") or
                                        c.dep_ == "compound" and _lemma(subject) in TALLY_NOUNS)]
        if verb.dep_ in ("xcomp", "conj") and verb.head.pos_ == "VERB":
            carriers.append(verb.head)
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and not \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            # "damage estimated at €40 million": the noun the participle describes; not the noun a clause of
            # its own gives the content of ("charges that they used $210,000": nothing was charged).
            carriers.append(verb.head)
    if role_gives_way:
        carriers = [t for t in carriers if t.i != head.i]
    return carriers


def _path_to_verb(anchor: Token, head: Token | None, verb: Token | None,
                  own: range) -> tuple[list[Token], Token | None]:
    """The tokens from the figure up to its verb, and the verb when what it does happens to the figure. Not
    when the figure's phrase hangs from another noun, where the walk ends: in "budget cuts demanded in
    exchange for a €40bn loan" or "a condition of a €40bn package" the loan was not demanded; in "the families
    of 3 victims sued" no victim sued. A group the figure counts passes the verb on ("a group of 20
    protesters was arrested", "a total of 23 pirates were captured"), as the figure's own words do
    ("hundreds of people"). A price given to the verb's object ("bought its rival for $11bn", "valued the
    unit at $2bn") is the verb's, however the parser attached it."""
    walked: list[Token] = []
    token = anchor
    for _ in range(VERB_WALK):
        if token.head.i == token.i or (verb is not None and token.i == verb.i):
            break
        below, token = token, token.head
        walked.append(token)
        priced_object = token.dep_ == "dobj" and below.dep_ == "prep" and below.lower_ in _PRICE_PREPOSITIONS
        # A conversion hangs from the sum it converts ("$11bn (£6.2bn)"), which is no other thing.
        another_figure = token.like_num or token.ent_type_ in _NUMERIC_ENTITIES
        if token.pos_ in ("NOUN", "PROPN") and token.i not in own and (head is None or token.i != head.i) and \
                _lemma(token) not in COUNTING_NOUNS and not priced_object and not another_figure:
            return walked, None
    return walked, verb


def _role_gives_way(head: Token | None, verb: Token | None) -> bool:
    """Whether the verb, not the role noun, says what happened. A role says what once happened to people;
    the verb says what happened to them here: "eight protesters have been charged" counts people charged,
    and "one protester threw a petrol bomb" is one person doing something, not a crowd that gathered."""
    if head is None or _lemma(head) not in ROLE_NOUNS or verb is None:
        return False
    return _event_lemma(verb) in EVENT_CLASS_OF or head.tag_ == "NN" and _lemma(verb) not in NOT_EVENT_VERBS


def _agent(verb: Token | None, first: int, last: int, counted: list[int]) -> str | None:
    """Who did what the figure counts, when a name says it and the figure is not the doer: "Pierce
    represents eight of the detainees", "Emmerson QC, representing seven", "O'Gara, who kicked 13 points",
    "Goode was the hero, kicking 22 points".
    A reporting verb's subject is the source, not the doer; a level has no doer."""
    if verb is None or _lemma(verb) in NOT_EVENT_VERBS:
        return None
    subject = _clause_subject(verb, ("nsubj",)) or _controlling_subject(verb)
    if subject is not None and subject.pos_ == "NOUN" and _infinitive_of_a_noun(verb):
        # "the airline has the option to buy 20 more", "Acme won the right to acquire 12 stores": whoever has
        # the option does the buying.
        clause = clause_with_subject(subject.head)
        subject = _clause_subject(clause, ("nsubj",)) or _controlling_subject(clause) or subject
    if subject is None or first <= subject.i <= last or subject.i in counted:
        return None
    if subject.pos_ != "PROPN":
        # "the barrister Tom Reyes, representing seven": the name stands beside the noun.
        subject = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subject)
    return entity_text(subject) if subject.pos_ == "PROPN" and subject.lower_ not in _PRONOUNS else None


def _infinitive_of_a_noun(verb: Token) -> bool:
    return verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _controlling_subject(verb: Token) -> Token | None:
    """The subject of the clause a subjectless verb hangs from: "Goode was the hero, kicking 22 points",
    "Liverpool were reported to have bid £3.5m", "HP shares dropped $2.49 to close at $46.64"."""
    if verb.dep_ not in ("advcl", "xcomp"):
        return None
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _clause_subject(verb: Token, relations: tuple[str, ...]) -> Token | None:
    """The verb's subject (by the dependency `relations` given), or the noun its clause describes: "the
    gadget, which costs $250", "disks costing $20", "Emmerson QC, representing seven"."""
    subject = next((c for c in verb.children if c.dep_ in relations), None)
    if subject is not None and subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    if subject is None and verb.dep_ in ("relcl", "acl"):
        return verb.head
    return subject


def _subject_measure(verb: Token, anchor: Token, moves_object: bool) -> str | None:
    """"The population is 120,000", "the number of dead rose to 10": the subject says what is measured; for
    "officials put the toll at 10" and "raising the toll to 12", the object does."""
    measured = ("dobj",) if _lemma(verb) in ESTIMATING_VERBS or moves_object else ("nsubj", "nsubjpass")
    subject = next((c for c in verb.children if c.dep_ in measured), None)
    if subject is None or subject.i == anchor.i or subject.pos_ not in ("NOUN",):
        return None
    of_object = next((g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
                     None)
    chosen = of_object if of_object is not None and _lemma(subject) in TALLY_NOUNS else subject
    if _lemma(chosen) in TALLY_NOUNS and any(_lemma(c) in EVENT_CLASS_OF for c in chosen.children) or \
            _lemma(chosen) in CROWD_NOUNS or chosen.i != subject.i and chosen.lower_ in PEOPLE_BY_EVENT:
        # "the death toll", "the injury count", "the crowd", "the turnout", "the number of wounded": a tally
        # of people.
        return "people"
    return None if _lemma(chosen) in EVENT_CLASS_OF else _lemma(chosen)


def _opinion(verb: Token | None) -> tuple[str, str | None] | None:
    """What a poll's share measures and of whom: the opinion its verb states ("38% approve of Hale's
    handling", "53% disapproving"), or the opinion noun a level's subject or an estimate's object names
    ("Hale's approval rating fell to 38%", "the poll put her approval at 37%"); None for other shares."""
    if verb is None:
        return None
    lemma = _lemma(verb)
    if lemma in OPINIONS and verb.pos_ == "VERB":
        about = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj"), None) or next((c for c in verb.children if c.dep_ == "dobj"), None)
        return _opinion_of(OPINIONS[lemma], about)
    relation = ("dobj",) if lemma in ESTIMATING_VERBS else ("nsubj", "nsubjpass") if lemma in LEVEL_VERBS else ()
    noun = next((c for c in verb.children if c.dep_ in relation), None)
    if noun is None:
        return None
    named = noun if _lemma(noun) in OPINIONS else next(
        (c for c in noun.children if c.dep_ == "compound" and _lemma(c) in OPINIONS), None)  # "approval rating"
    if named is None:
        return None
    # "Hale's approval rating" is about its owner; "support for the tram line", "approval of the plan" about
    # the thing named after it.
    about = noun if any(c.dep_ == "poss" for c in noun.children) else next(
        (g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "of") for g in c.children
         if g.dep_ == "pobj"), None)
    return _opinion_of(OPINIONS[_lemma(named)], about)


def _pollster(sentence: Span) -> str | None:
    """Whose poll the sentence reports, by name: "a Brack College poll", "the Gallup survey"."""
    poll = next((t for t in sentence if _lemma(t) in ("poll", "survey")), None)
    named = next((c for c in poll.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None) \
        if poll is not None else None
    return entity_text(named) if named is not None else None


def _opinion_of(opinion: str, about: Token | None) -> tuple[str, str | None]:
    """The opinion and whose it is about: a person or a body named ("Hale", "Hale's handling") is the holder;
    a thing ("the tram line", "the congestion charge") is part of what is measured, so support for two
    things is two shares."""
    if about is None:
        return opinion, None
    owner = next((c for c in about.children if c.dep_ == "poss"), None)
    if owner is not None:
        # "her work", "Hale's handling": the person's; extraction resolves a pronoun to whom it names.
        return opinion, owner.lower_ if owner.pos_ == "PRON" else entity_text(owner)
    if about.pos_ == "PROPN":
        return opinion, entity_text(about)
    return " ".join([opinion, *(_lemma(c) for c in about.children if c.dep_ == "compound"), _lemma(about)]), None


def _moves_object_to(verb: Token, anchor: Token) -> bool:
    """"raising the death toll to two", "bringing the total to 23": the verb moves its object to the figure."""
    return _lemma(verb) in RAISING_VERBS and _after_to(verb, anchor)


def _after_to(verb: Token, anchor: Token) -> bool:
    """The figure is in the verb's "to" phrase: "rose to 10", "raising the toll to 12"."""
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    return to is not None and to.left_edge.i <= anchor.i <= to.right_edge.i


def _state_noun(verb: Token) -> Token | None:
    """The noun of the state a copula puts its subject in: "custody" in "three remain in custody"."""
    if _lemma(verb) not in STATE_VERBS:
        return None
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                 if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)


def _state_of(verb: Token) -> str | None:
    """The state a copula puts its subject in, with its adjective: "critical condition" for "two were in
    critical condition"; "stable condition" is another."""
    state = _state_noun(verb)
    if state is None:
        return None
    return " ".join([*(c.lower_ for c in state.children if c.dep_ == "amod"), _lemma(state)])


def _qualifiers(doc: Doc, counted: list[int]) -> list[str]:
    return [_lemma(doc[i]) for i in counted[:-1] if doc[i].is_alpha]


def _clause_tokens(verb: Token, anchor: Token) -> list[Token]:
    """The verb's clause without the clauses below it that do not hold the figure."""
    skipped: set[int] = set()
    for child in verb.children:
        if child.dep_ in _OTHER_CLAUSES and not (child.left_edge.i <= anchor.i <= child.right_edge.i):
            skipped.update(range(child.left_edge.i, child.right_edge.i + 1))
    return [t for t in verb.subtree if t.i not in skipped]


def _where_antecedent(verb: Token | None) -> list[Token]:
    """The place a "where" clause is about: "the Varna district, where floods killed 12 people"."""
    if verb is None or verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return []
    inside = range(verb.left_edge.i, verb.right_edge.i + 1)
    return [t for t in verb.head.subtree if t.i not in inside]


def _places(clause: list[Token], first: int, last: int) -> list[str]:
    places = []
    for token in clause:
        if token.ent_type_ in _PLACE_ENTITIES and token.ent_iob_ == "B" and not first <= token.i <= last:
            entity = entity_of(token)
            if entity is not None:
                places.append(entity.text.removesuffix("'s").removesuffix("’s"))
    return sorted(set(places))


def _holder(doc: Doc, first: int, last: int, head: Token | None, verb: Token | None,
            unit: str) -> tuple[str | None, str | None]:
    """Whose attribute the figure states, and which: "Officer Misty McBride, 39" (age), "HP's market
    share", "who has worked there for 15 years" (tenure)."""
    figure = doc[last]
    before = doc[first - 1] if first > 0 else None
    after = doc[last + 1] if last + 1 < len(doc) else None
    if unit == "count" and head is None and before is not None and before.text == "," and first >= 2 and \
            (after is None or after.is_punct):
        if _named_person(doc[first - 2]):
            return entity_text(doc[first - 2]), "age"
        if _lemma(doc[first - 2]) in INDIVIDUAL_NOUNS:
            # "One man, 27, was killed": an age, of nobody the article names, not a second count.
            return None, "age"
    if head is not None and (_lemma(head) in ("year",) and after is not None and
                             any(t.lower_ in AGE_WORDS for t in doc[head.i: head.i + 4])):
        described = head.head if head.head.i != head.i else None
        if described is not None and described.lower_ in AGE_WORDS and described.head.i != described.i:
            described = described.head  # "44-year-old Lamar Giddens": the word "old" describes the person
        # "a 25-year-old man" says nothing of which man: only a name makes the age someone's, the noun's own
        # or one given to it ("a 31-year-old man, Darnell Hughes,", "a woman identified as Ana Ruiz").
        named = described is not None and (described.pos_ == "PROPN" or described.pos_ == "NOUN" and described.is_title)
        given = _name_given_to(described) if described is not None and not named else None
        if given is None and described is not None and not named and described.dep_ == "appos" and \
                _named_person(described.head):
            # "Grace Okafor, a 46-year-old council member,": the noun describes the person named before it.
            given = described.head
        return (entity_text(described) if named else entity_text(given) if given is not None else None), "age"
    if unit == "count" and head is None and figure.dep_ == "attr" and _lemma(figure.head) == "be" and \
            (after is None or after.is_punct):
        person = _person_subject(figure.head)
        if person is not None:
            return person or None, "age"
    if head is not None and head.dep_ == "appos" and head.head.pos_ == "PROPN" and _named_person(head.head):
        # "Officer Dana Kemp, a 12-year veteran": the noun the figure counts describes the person named.
        return entity_text(head.head), _attribute(unit, verb)
    if _listed_under_ages(doc[last]):
        # "Two teenagers, ages 14 and 18,": the ages of a group, of nobody the sentence names one by one.
        return None, "age"
    listed = _first_listed(figure)
    aged = doc[listed.i - 1] if listed.i > 0 else None
    if aged is not None and aged.lower_ == "aged":
        # "two men aged 19 and 21": the ages of a group, of nobody one by one.
        in_a_list = listed.i != figure.i or any(c.dep_ == "conj" for c in figure.children)
        return (entity_text(aged.head) if aged.head.pos_ in ("PROPN", "NOUN") and not in_a_list else None), "age"
    owner = _possessor(head) or _possessor(figure.head if figure.head.pos_ == "NOUN" else None)
    if owner is not None:
        return owner, _attribute(unit, verb)
    if verb is not None and (unit != "count" or _lemma(verb) in TENURE_VERBS):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) or \
            _controlling_subject(verb)
        described = subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl"
        if described:
            subject = verb.head
        # The figure may sit in the subject's own phrase ("the 12 jurors' verdict"), which is no holder; in a
        # clause describing the subject ("Ida Marsh, who joined seven years ago") it is the subject's.
        outside = described or subject is not None and not subject.i <= figure.i <= subject.right_edge.i
        if subject is not None and outside and \
                subject.lower_ in PERSONAL_PRONOUNS and _attribute(unit, verb) in ("tenure", "age"):
            # "she had worked there for 15 years": extraction resolves the pronoun to the person it names.
            return subject.lower_, _attribute(unit, verb)
        if subject is not None and outside and \
                subject.lower_ not in _PRONOUNS and (subject.ent_type_ in _NAMED_HOLDERS or subject.pos_ == "PROPN"):
            return entity_text(subject), _attribute(unit, verb)
        owner = _named_modifier(subject) if subject is not None else None
        if owner is not None and not subject.i <= figure.i <= subject.right_edge.i:
            # "EDS shares closed at $24.34": the shares are EDS's.
            return owner, _attribute(unit, verb)
    return None, _attribute(unit, verb)


def _name_given_to(noun: Token) -> Token | None:
    """The name an apposition, "identified as" or "named" gives a noun: "a 31-year-old man, Darnell Hughes,",
    "a woman identified as Ana Ruiz", "a man named Cole Brandt"."""
    for child in noun.children:
        if child.dep_ == "appos" and _named_person(child):
            return child
        if child.dep_ == "acl" and _lemma(child) in NAMING_VERBS:
            # "named Cole Brandt" gives the name as the verb's complement, "identified as Ana Ruiz" after "as".
            names = [c for c in child.children if c.dep_ == "oprd"] + \
                [g for c in child.children if c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
            name = next((name for name in names if _named_person(name)), None)
            if name is not None:
                return name
    return None


def _listed_under_ages(figure: Token) -> bool:
    """"ages 14, 16 and 18": the figure, or the first of those listed with it, hangs from "ages"."""
    return _first_listed(figure).head.lower_ == "ages"


def _first_listed(token: Token) -> Token:
    """The first of the conjuncts `token` is listed with ("14" of "14, 16 and 18"), or the token itself."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _person_subject(copula: Token) -> str | None:
    """The person a copula's main clause names, for a bare number it gives ("The dead man, Darnell Price, was
    28", "Price was 28"): the name ("" when the subject is a person not named), or None when the subject is no
    person ("the toll was 28"), or the clause says when something happened ("By the time he was 40, Lee had
    decided", "when Lee was 40"): an age then, not now."""
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subject is not None and copula.dep_ == "relcl" and subject.lower_ in ("who", "that"):
        subject = copula.head  # "the gunman, who was 19,"
    elif copula.dep_ in ("advcl", "relcl"):
        return None
    if subject is None or any(_says_when(c) for c in copula.children):
        return None
    if _named_person(subject) and subject.pos_ == "PROPN":
        return entity_text(subject)
    if _lemma(subject) not in INDIVIDUAL_NOUNS:
        return None
    name = _name_given_to(subject)
    return entity_text(name) if name is not None else ""


def _says_when(token: Token) -> bool:
    """"when", "until", "by the time", "at the time": a word that makes its clause say when."""
    return token.dep_ in ("mark", "advmod") and token.lower_ in _TIME_CONJUNCTIONS or \
        token.dep_ == "prep" and any(_lemma(c) == "time" for c in token.children)


def _named_person(name: Token) -> bool:
    """A person's name before ", 24,": tagged as one, or a name the small model tagged as a place or nothing
    ("identified as Marcus Dale, 24", "Reeve, 58, could face"), or as an organisation or a building
    ("Darnell Price, 27", "Andre Holt, 30"); a company's or a building's name ("Acme Corp, 12,") is not one."""
    if name.ent_type_ in ("ORG", "FAC") and name.pos_ == "PROPN" and name.is_title:
        entity = entity_of(name)
        words = entity.text.split() if entity is not None else []
        return bool(words) and all(w.istitle() for w in words) and \
            not {w.casefold().strip(".") for w in words} & ORGANISATION_WORDS
    return name.ent_type_ == "PERSON" or name.pos_ == "PROPN" and name.is_title and name.ent_type_ in ("GPE", "")


def _measured_attribute(doc: Doc, first: int, last: int, counted: list[int], measure: str | None,
                        attribute: str | None) -> tuple[str | None, str | None]:
    """Attributes named by the words around a figure: "a 5.9-magnitude quake" (magnitude), "a 15-year
    employee" (tenure), "a 43-year-old" (age), "24 nautical miles" (a unit of its own)."""
    nearby = {t.lower_ for t in doc[max(first - 3, 0): last + 4]}
    if nearby & MAGNITUDE_WORDS:
        return "magnitude", "magnitude"

    words = [doc[i].lower_ for i in counted]
    if len(words) >= 2 and words[0].rstrip("s") in DURATION_UNITS and "-" in doc[last: counted[0] + 1].text_with_ws:
        unit = words[0].rstrip("s") + "s"
        following = doc[counted[0] + 1: counted[0] + 4].text.lower()
        return unit, "age" if "old" in following else "tenure"
    glued = doc[counted[0]] if counted else None
    if len(words) >= 2 and glued is not None and glued.pos_ == "NOUN" and measure == _lemma(doc[counted[-1]]) and \
            _glued_hyphen(doc[glued.i - 1]):
        # "a 48-count indictment", "a 200-page report", "a 12-man jury": the glued word is what is counted,
        # as "48 counts" counts; the noun after it has them.
        return _lemma(glued), attribute
    if measure in ("miles", "mile") and "nautical" in words:
        return "nautical miles", attribute
    return measure, attribute


def _population_holder(doc: Doc, first: int, verb: Token | None) -> str | None:
    """The place whose population a figure of people is ("" when the place is not named): "Qeshm has
    120,000 people", "the island, home to 100,000", "its 200,000 residents"."""
    home_to = next((i for i in range(max(first - 5, 0), first - 1)
                    if doc[i].lower_ == "home" and doc[i + 1].lower_ == "to"), None)
    if home_to is not None:
        # "home to about 100,000 people": an approximator may stand between.
        home = doc[home_to]
        described = home.head if home.dep_ == "appos" else None
        return entity_text(described) if described is not None and described.ent_type_ in _PLACE_ENTITIES else ""
    named_population = any(_lemma(t) == "population" for t in doc[max(first - 4, 0): first])
    if verb is not None and (_lemma(verb) in POPULATION_VERBS or named_population):
        # "the island, which has 200,000 residents": the place a relative clause describes; "Qeshm has a
        # population of more than 100,000": the population names the attribute whatever the verb.
        place = _clause_subject(verb, ("nsubj",))
        if place is not None and (place.ent_type_ in _PLACE_ENTITIES or _lemma(place) in PLACE_NOUNS):
            return entity_text(place) if place.ent_type_ in _PLACE_ENTITIES else ""
        if named_population:
            return ""
    return None


def _distance_from(doc: Doc, last: int) -> str | None:
    """The place a distance is measured from: "150 miles from Aden", "700 miles south of Tehran", "1,150
    kilometres (700 miles) south of Tehran"."""
    after = last + 1
    if after < len(doc) and doc[after].text == "(":
        # A conversion in brackets stands between the distance and its place.
        after = next((t.i + 1 for t in doc[after: after + 6] if t.text == ")"), after)
    for token in doc[after: after + 5]:
        if token.lower_ in ("from", "of", "off") and token.dep_ == "prep":
            place = next((c for c in token.children if c.dep_ == "pobj"), None)
            # After "from" or "north of" a name is a place, whatever the small model calls it.
            named_place = place is not None and place.pos_ == "PROPN" and (
                token.lower_ == "from" or token.i > 0 and _COMPASS.fullmatch(doc[token.i - 1].lower_))
            if place is not None and (place.ent_type_ in _PLACE_ENTITIES or named_place):
                return entity_text(place)
    return None


def _dates(sentence: Span, first: int, last: int) -> list[str]:
    """Months named in the sentence ("in February", "May 5"): a weekday is too often the story's own."""
    dates = set()
    for token in sentence:
        if token.ent_type_ == "DATE" and token.lower_.rstrip(".") in MONTH_NAMES and not first <= token.i <= last:
            dates.add(MONTH_NAMES[token.lower_.rstrip(".")])
    return sorted(dates)


def _priced_thing(verb: Token | None) -> str | None:
    """What a sum is the price of, when nothing follows the figure to say it: the subject of "cost", "sell"
    or "value" ("the gadget, which costs $250", "disks costing $20"). Two things priced are two sums."""
    if verb is None or _lemma(verb) not in PRICE_VERBS:
        return None
    # A passive subject is the thing priced too: "the house was sold for £1m".
    subject = _clause_subject(verb, ("nsubj", "nsubjpass"))
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.lower_ in _PRONOUNS:
        return None
    return _lemma(subject)


def _rate(doc: Doc, last: int, counted: list[int]) -> str | None:
    """"$25 a share", "£30,000 per year", "$10 each": a figure per unit is not a total; "$1.36 against the
    euro" is an exchange rate, per euro. The rate may be glued to the figure before what it counts: "the
    $25-per-share sale price", "a $30-a-barrel deal"."""
    starts = [counted[-1] + 1] if counted else [last + 1]
    if counted and last + 1 < len(doc) and _glued_hyphen(doc[last + 1]):
        starts.insert(0, last + 1)
    for after in starts:
        words = [t for t in doc[after: after + 6] if not _glued_hyphen(t)]
        # The currency written after the number ("31 euros a share") comes before the rate, and so does the
        # unit "per cent" ("3 per cent a year" is per year; "3 per cent" is per nothing).
        if len(words) >= 2 and words[0].lower_ == "per" and words[1].lower_ == "cent":
            words = words[2:]
        words = (words[1:] if words and _lemma(words[0]) in CURRENCY_NAMES else words)[:3]
        if words and words[0].lower_ in RATE_ADVERBS:
            return RATE_ADVERBS[words[0].lower_]  # "£40m annually" is "£40m a year"
        # "£40m each year" is per year; "$10 each" per item.
        if len(words) >= 2 and words[0].lower_ in ("a", "an", "per", "each") and words[1].pos_ == "NOUN":
            return RATE_NOUNS.get(_lemma(words[1]), _lemma(words[1]))
        if len(words) >= 1 and words[0].lower_ == "each":
            return "each"
        if len(words) == 3 and words[0].lower_ in ("against", "versus") and words[1].lower_ == "the" and \
                _lemma(words[2]) in CURRENCY_NAMES:
            return _lemma(words[2])
    return None


def _glued_hyphen(token: Token) -> bool:
    """A hyphen written against the word before it, as in "$25-per-share"."""
    return token.text in _HYPHENS and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _named_modifier(noun: Token) -> str | None:
    """The name before a noun that makes it someone's: "EDS shares", "Britain's economy". Before shares or
    stock a capitalised word is a company's name even where the model knows no such name."""
    named = next((c for c in noun.children if c.dep_ in ("compound", "poss") and (
        c.ent_type_ in _NAMED_HOLDERS or _lemma(noun) in STOCK_NOUNS and c.text[:1].isupper())), None)
    return entity_text(named) if named is not None else None


def _possessor(noun: Token | None) -> str | None:
    if noun is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in _PRONOUNS or owner.pos_ == "PRON":
        return None
    return entity_text(owner)


def _attribute(unit: str, verb: Token | None) -> str | None:
    if unit in SHARE_UNITS:
        return "share"
    if unit.startswith("money:"):
        return "amount"
    if unit in ("years", "year") and verb is not None and (_lemma(verb) in TENURE_VERBS or _has_been_with(verb)):
        return "tenure"
    return None


def _has_been_with(verb: Token) -> bool:
    """"Ramsey has been with the sheriff's office for four years", "has been at the bank since": a stay at an
    employer, said with a perfect "be"; not "has been in talks with the owners" or "at odds with the board"."""
    return _lemma(verb) == "be" and any(c.dep_ == "aux" and _lemma(c) == "have" for c in verb.children) and \
        any(g.pos_ == "PROPN" or g.ent_type_ == "ORG" or _lemma(g) in EMPLOYER_NOUNS
            for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "at", "in")
            for g in c.children if g.dep_ == "pobj")


def _scope(doc: Doc, first: int, last: int, anchor: Token, verb: Token | None, clause: list[Token],
           unit: str, attribute: str | None) -> str:
    near_before = {t.lower_ for t in doc[max(first - 2, 0): first]}
    near_after = doc[last + 1].lower_ if last + 1 < len(doc) else ""
    if near_before & (ADDITIONAL_WORDS - {"more"}) or near_after == "more":
        return "additional"
    if verb is not None and _lemma(verb) in CHANGE_WORDS:
        link = anchor
        for _ in range(VERB_WALK):
            if link.head.i in (verb.i, link.i):
                break
            link = link.head
        # "cut 340 jobs" counts the jobs cut, as "340 jobs were cut" does; "cut prices 5%" changes a level.
        counts_the_object = link.dep_ == "dobj" and unit == "count" and link.pos_ == "NOUN"
        if link.dep_ in ("dobj", "npadvmod", "advmod") and not counts_the_object or \
                (link.dep_ == "prep" and link.lower_ == "by"):
            return "change"
    if anchor.head.pos_ == "NOUN" and _lemma(anchor.head) in CHANGE_WORDS and anchor.head.i > anchor.i:
        return "change"
    if first > 0 and doc[first - 1].lower_ in ("up", "down") and doc[first - 1].dep_ != "prt":
        # "shares were up 5%"; not "gunned down two women".
        return "change"
    if unit == "count" and attribute != "age" and _is_part(doc, first, anchor):
        # Only counts: "150 miles (240 kilometres)" is one distance in two units, not a part of it; "three
        # victims, ages 16, 19 and 21" lists their ages, not a part of them.
        return "part"
    words = [t.lower_ for t in clause]
    for phrase in CUMULATIVE_PHRASES:
        if any(tuple(words[i: i + len(phrase)]) == phrase for i in range(len(words))):
            return "cumulative"
    return "total"


def _is_part(doc: Doc, first: int, anchor: Token) -> bool:
    """A part of a figure stated beside it: "three people, including two women", "three dead: two women
    and a man", "12 of the 23 pirates"."""
    before = {t.lower_ for t in doc[max(first - 3, 0): first]}
    if before & PART_WORDS:
        return True
    token = anchor
    for _ in range(3):
        listed = token.head if token.dep_ == "conj" else token
        if listed.dep_ == "appos" and any(c.dep_ == "nummod" for c in listed.head.children):
            # "three people, two women and a man": an enumeration of a figure just stated.
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "including":
            return True
        if token.head.i == token.i:
            break
        token = token.head
    of_number = doc[anchor.i + 1: anchor.i + 4]
    return len(of_number) == 3 and of_number[0].lower_ == "of" and of_number[1].lower_ == "the" and \
        of_number[2].like_num


def _casualties_counted_from(doc: Doc, last: int) -> Token | None:
    """The word naming the casualties a figure counts out of: "three of the injured", "two of the wounded
    miners"."""
    if not counts_out_of_a_group(doc, last):
        return None
    for token in doc[last + 3: last + 6]:
        if token.lower_ in PEOPLE_BY_EVENT and token.lower_ in EVENT_CLASS_OF:
            return token
        if token.pos_ in ("NOUN", "PROPN"):
            return None
    return None


def counts_out_of_a_group(doc: Doc, last: int) -> bool:
    """Whether the figure counts out of a group the article named before: "three of the injured"."""
    words = doc[last + 1: last + 3]
    return len(words) == 2 and words[0].lower_ == "of" and words[1].lower_ in ("the", "these", "those")


def _apposed_age(doc: Doc, first: int, attribute: str | None) -> bool:
    """An age written between commas after a name: "Reeve, 58,"."""
    return attribute == "age" and first > 0 and doc[first - 1].text == ","


def _figure_modality(doc: Doc, first: int, attribute: str | None, head: Token | None, unit: str,
                     verb: Token | None) -> str:
    """How the clause holds the figure. An age beside a name ("Reeve, 58, could not face …") and a sum that
    describes the clause's subject ("the £3.6bn purchase will not lead to closures") are stated whatever the
    clause denies or expects of them; any other age whatever it expects ("a 16-year-old girl was expected to
    survive"), though not what it denies ("the driver was not 16"); a count that is the subject ("ten people
    were not hurt") is neither."""
    if _apposed_age(doc, first, attribute):
        return "asserted"
    if attribute == "age":
        return "denied" if _modality(verb) == "denied" else "asserted"
    if unit != "count" and head is not None and verb is not None and head.head.i == verb.i and \
            head.dep_ in ("nsubj", "nsubjpass") and head.i > first:
        return "asserted"
    return _modality(verb)


def _modality(verb: Token | None) -> str:
    if verb is None:
        return "asserted"
    chain = [verb, *(c for c in verb.children if c.dep_ in ("aux", "neg", "auxpass"))]
    if verb.dep_ == "xcomp":
        chain += [verb.head, *(c for c in verb.head.children if c.dep_ in ("aux", "neg"))]
    if any(t.dep_ == "neg" for t in chain):
        return "denied"
    lemmas = {_lemma(t) for t in chain} | {t.lower_ for t in chain}
    if lemmas & EXPECTATION_WORDS:
        return "expected"
    if lemmas & ESTIMATE_WORDS:
        return "estimated"
    return "asserted"


def _revision(verb: Token | None, anchor: Token, clause: list[Token]) -> bool:
    if verb is not None and _lemma(verb) in REVISION_VERBS and _after_to(verb, anchor):
        return True
    return any(t.lower_ in REVISION_WORDS for t in clause)
