"""Figures: align frames into slots, then give each slot a verdict.

A slot answers one question ("how many people were killed?", "how old is Officer McBride?"); an article
gives at most one value per slot. Two figures share a slot when their frames agree: the same unit, what
is measured, what happened to it, whose attribute it is, and nothing that tells them apart (another place,
another year, another scope or modality). The match is *firm* when what happened (or whose attribute it is)
is known on both sides and agrees; otherwise it is *weak*, and a weak match joins figures only when their
values can both hold, so a thin match never makes a conflict.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timedelta, timezone

from claimtrack.compare.grouping import group_id
from claimtrack.lexicon import (
    CALENDAR_YEAR,
    DURATION_UNITS,
    FRACTION,
    HOLDER_ATTRIBUTES,
    KILOMETRES,
    KIND_OF_NAME_WORDS,
    LAND_BURNED,
    MEASURE_SYNONYMS,
    OWN_ATTRIBUTES,
    PERCENT,
    PERSON_NOUNS,
    PURCHASE_WORDS,
    STATIC_ATTRIBUTES,
    STORY_ATTRIBUTES,
    TALLY_SIDES,
    UNNAMING_VERBS,
)
from claimtrack.models import Claim, ClaimGroup, Frame
from claimtrack.numbers import format_readable

APPROX_TOLERANCE = 0.10
# "police estimated the crowd at 25,000" states the same kind of figure as "police said 20,000 marched".
ESTIMATES = {"asserted", "estimated"}
APPROXIMATE = ("approx", "vague")
BOUND_REACH = 2.0
ROUNDING_TOLERANCE = 0.05
CONVERSION_ROUNDING = 0.05
# Counts that only grow as a story goes on: the dead, the wounded, the arrested.
RISING_TOLLS = {"killed", "wounded", "captured"}
ROUND_FROM_ZEROS = 2
DECADE = 10
REASON_FIGURES = 5
# Members a new figure is checked against before it joins a group; groups of real coverage are small.
MEMBERS_CHECKED = 16
# Figures of one value held against another value, per side.
CLASH_SAMPLE = 4
PERSON = "person"
PERCENT_OF_WHOLE = 100
WHOLE_POINT = 0.5
ANNUAL = "year"
PAID = "paid"
PASSED = "pass"  # the kind of a tally that decided a measure, as frames name it
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
_WRITTEN_DAYS = (re.compile(r"(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2}),? (?P<year>\d{4})"),
                 re.compile(r"(?P<day>\d{1,2}) (?P<month>[A-Za-z]{3,9})\.? (?P<year>\d{4})"))
# A time of day and its zone: "09:28 EDT", "19:12 BST", "08:00:00+01:00", "08:00Z".
_TIME_OF_DAY = re.compile(r"(?<!\d)(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::\d{2}(?:\.\d+)?)?\s*"
                          r"(?:(?P<offset>[+-]\d{2}:?\d{2})|(?P<zone>[A-Za-z]{1,4})\b)?")
# Zones news metadata names by abbreviation, in hours from UTC; "ET" and the like, which change with
# the season, are left out.
ZONE_OFFSETS = {"Z": 0, "UTC": 0, "GMT": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "EST": -5,
                "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AEST": 10,
                "AEDT": 11, "JST": 9}
SAME_HOUR = timedelta(hours=1)
NAMES_REMEMBERED = 4096
MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


@dataclass
class FigureFacts:
    claim: Claim
    frame: Frame
    voice: str  # the article, or the first article of its wire-copy family
    measure: str | None
    event: str | None  # the event class, or the verb's lemma where it names an event outside the classes
    unit: str  # lengths in kilometres, so that "940 miles" meets "1,150 kilometres"; money of any currency
    currency: str | None
    low: float
    high: float
    stated: tuple[float, float]  # the number as written, within its approximator and rounding (`_restates`)
    # The unit of the length this figure converts ("km" for the "36 miles" of "about 58km (36 miles)"), whose
    # values it then takes: a conversion says no more than the figure it converts, rounded.
    converts: str | None = None

    @classmethod
    def of(cls, claim: Claim, voice: str) -> FigureFacts:
        frame = claim.frame or Frame()
        measure = PERSON if frame.measure in PERSON_NOUNS else MEASURE_SYNONYMS.get(frame.measure, frame.measure)
        event = frame.event_class or (frame.event if frame.event not in UNNAMING_VERBS else None)
        unit = claim.unit or "count"
        if frame.measure == "nautical miles" or (unit == "count" and _is_duration(frame.measure or "")):
            unit = frame.measure  # "a 15-year employee" counts years, as "15 years" does
        unit = MEASURE_SYNONYMS.get(unit, unit)
        if frame.attribute == "age":
            # "Giddens, 44", "44-year-old Lamar Giddens" and "aged 44" give one age, in years.
            measure, unit = "age", "years"
        currency = unit.split(":", 1)[1] if unit.startswith("money:") else None
        if currency is not None:
            unit = "money"
            # "a £3.6bn purchase" names what happened, not another thing priced: the sum is the one paid.
            measure = "money" if (measure or "").startswith("money:") or measure in PURCHASE_WORDS else measure
        (low, high), stated = figure_interval(claim), _stated(claim)
        if unit == FRACTION:
            # "Two-thirds of voters" is the share "67 percent of voters" gives, said round; "cut by a third"
            # the change "cut by 30 percent" is.
            unit, (low, high), stated = PERCENT, _share_in_words(low, high), _share_in_words(*stated)
            measure = PERCENT if measure == FRACTION else measure
        factor = KILOMETRES.get(unit)
        if factor is not None:
            unit, low, high = "km", low * factor, high * factor
            stated = (stated[0] * factor, stated[1] * factor)
            measure = "km" if measure in KILOMETRES else measure
        return cls(claim, frame, voice, measure, event, unit, currency, low, high, stated)


def _share_in_words(low: float, high: float) -> tuple[float, float]:
    """A fraction's values as percentages, as loosely as a fraction in words is used: "half" holds 45 to 55
    percent, "a third" 30 to 36.7, as "about" does."""
    return low * PERCENT_OF_WHOLE * (1 - APPROX_TOLERANCE), high * PERCENT_OF_WHOLE * (1 + APPROX_TOLERANCE)


def figure_keys(fact: FigureFacts) -> list[object]:
    unit = fact.unit
    frame = fact.frame
    keys: list[object] = []
    if fact.measure:
        keys.append((unit, "measure", fact.measure))
    if fact.event:
        keys.append((unit, "event", fact.event))
    if frame.holder:
        keys += [(unit, "holder", word) for word in _holder_words(frame.holder)]
    if fact.currency is not None:
        keys.append((unit, "sum", fact.currency, fact.claim.low, fact.claim.high))
    keys.append((unit, "sentence", fact.claim.sentence))  # the same sentence carried by another article
    return keys


def match(a: FigureFacts, b: FigureFacts) -> str | None:
    """"firm", "weak", or None when the frames tell the two figures apart."""
    basis = _frame_match(a, b)
    if basis is None and a.claim.sentence == b.claim.sentence and a.claim.claim_text == b.claim.claim_text:
        # The same sentence in two articles says the same thing, however little its frame shows.
        return "weak"
    return basis


def _frame_match(a: FigureFacts, b: FigureFacts) -> str | None:
    fa, fb = a.frame, b.frame
    if a.unit != b.unit or _modalities_apart(fa.modality, fb.modality) or _rates_apart(fa.rate, fb.rate) or \
            (fa.scope == "change") != (fb.scope == "change") or (fa.scope == "part") != (fb.scope == "part"):
        return None
    story_attribute = fa.attribute in STORY_ATTRIBUTES and fa.attribute == fb.attribute
    # A quake's magnitude is the same slot whether it "struck", "measured" or "rocked". Only two events of
    # two classes (killed, wounded) are apart: a verb outside the classes ("two boats approached") beside
    # any other ("two boats were seized") is paraphrase as often as another event, so the match is weak and
    # only the same number joins it.
    events_differ = _differ(a.event, b.event) and bool(fa.event_class and fb.event_class)
    # Nor are two distances from one place: a town "lies" or is "cut off" 300 km north of it.
    eventless = story_attribute or fa.attribute == fb.attribute and fa.attribute in ("distance", "length")
    if (events_differ and not eventless) or _differ(fa.attribute, fb.attribute):
        return None
    if {fa.attribute, fb.attribute} & set(TALLY_SIDES) and _other_votes(fa.event or "", fb.event or ""):
        return None
    # "Pierce represents eight" and "Emmerson represents seven": two lawyers' clients. A sum paid names any
    # of its parties as the subject, though ("Rosneft bought the unit for $9.3bn", "the unit was sold for
    # $9.4bn", "Baikal paid $9.4bn"): other parties keep the match weak, so only the same sum meets. Things
    # bought are the buyer's: "Wren Air may buy 6 more jets" and "Skylane is to buy 6 jets" are two orders.
    other_parties = fa.holder and fb.holder and not _same_holder(fa.holder, fb.holder) or \
        fa.agent and fb.agent and not _same_holder(fa.agent, fb.agent)
    if other_parties and not (a.event == b.event == PAID and a.unit == "money"):
        return None
    if _apart(fa.years, fb.years):
        return None
    same_event = _same_event(a, b)
    # One person has one age: the holder fixes the slot of such attributes; a company has many amounts.
    same_holder = bool(fa.holder and fb.holder) and not other_parties and fa.attribute in HOLDER_ATTRIBUTES
    identified = same_event or same_holder or story_attribute
    if a.measure and b.measure and a.measure != b.measure:
        # "23 raiders captured" and "23 pirates captured": another word for what may be the same thing,
        # which only the same value can confirm; so is a sum named on one side only ("a €110bn package",
        # "110 billion euros"), whatever happened to each.
        return "weak" if identified or a.unit == "money" and (_unit_only(a) or _unit_only(b)) else None
    if not (a.measure and b.measure):
        if not identified:
            # A bare number ("two", "43") joins only by what happened to it or whose it is.
            return None
        if not (same_holder or story_attribute):
            # "one" beside a verb is as often a pronoun as a figure, "two others" counts from elsewhere:
            # only the same value confirms them.
            return "weak"
    if not (identified or a.measure):
        return None
    return "firm" if identified and not other_parties and not _told_apart(a, b) else "weak"


def _other_votes(a: str, b: str) -> bool:
    """Two tallies of two votes: a measure passed ("pass parking plan") and an election ("vote"), two
    measures ("pass parking plan", "pass tax"), or two races ("vote ortiz voss", "vote kim voss"). A tally
    whose clause names neither the measure nor the contenders ("pass", "vote") may be of either of its kind,
    and a measure named in part by the other's words is one ("pass water", "pass water code"); "pass tax cut"
    and "pass tax increase" are two."""
    kind_a, *named_a = a.split() or [""]
    kind_b, *named_b = b.split() or [""]
    if kind_a != kind_b:
        return True
    if kind_a == PASSED:
        shorter, longer = sorted((set(named_a), set(named_b)), key=len)
        return bool(shorter) and not shorter <= longer
    return bool(named_a and named_b and named_a != named_b)


def _same_event(a: FigureFacts, b: FigureFacts) -> bool:
    """What happened to the figure, as far as it tells the slot. A figure whose only measure is its unit (a
    sum, a share, a length) is named by its noun or verb: revenue and net income are both earned, a bid and a
    sale price both paid, and they are different sums. A duration belongs to whoever ran or waited, so
    what happened never names its slot: two runners "clocked" two times. A distance is told by where it is
    measured from and a length by what it is the size of, not by what happened: two races won ("won the 60m",
    "won the 400m") are two distances, two shots ("a 25-yard shot") two lengths."""
    if a.event is None or a.event != b.event:
        return False
    if _is_duration(a.unit) or a.frame.scope == "change" or a.frame.attribute in ("distance", "length", *TALLY_SIDES):
        # A change, like a duration, is someone's: "sales rose 3.5%" and "sales fell 2%". Every tally is voted:
        # a committee's 7-2 is not the floor's 52-48.
        return False
    if _unit_only(a) or _unit_only(b):
        # An area burned is one measure of a fire, whichever verb burned it ("burned", "scorched").
        return a.frame.event is not None and (a.frame.event == b.frame.event or
                                              {a.frame.event, b.frame.event} <= PURCHASE_WORDS or
                                              a.frame.event_class == b.frame.event_class == LAND_BURNED)
    return True


def _is_duration(unit: str) -> bool:
    return unit.rstrip("s") in DURATION_UNITS


def _unit_only(fact: FigureFacts) -> bool:
    # A count's measure is always its noun: "48 counts" of an indictment count counts.
    return fact.unit != "count" and fact.measure in (fact.unit, "money")


def _modalities_apart(a: str, b: str) -> bool:
    """A denied figure is never the asserted one. An expected figure may be the same as an asserted one ("will
    pay $11bn" and "agreed to pay $11bn" state one price), which only the same value can confirm."""
    return a != b and "denied" in (a, b)


def _rates_apart(a: str | None, b: str | None) -> bool:
    """A figure per share, per barrel or each is never a total. A yearly figure is often written without "a
    year" ("revenue of $54bn" and "a $54bn-a-year services arm"), which only the same value can confirm."""
    return a != b and {a, b} != {ANNUAL, None}


def _told_apart(a: FigureFacts, b: FigureFacts) -> bool:
    """What may tell a background event from the story, or one day from another: another place or date,
    or a place, a year or a holder named on one side only. Not enough to keep figures apart (the small
    model takes "Ukrainian" for a place), but it keeps the match weak, so only values that can both hold
    meet."""
    fa, fb = a.frame, b.frame
    evidence = [(fa.years, fb.years), (fa.dates, fb.dates), (fa.rate, fb.rate)]
    # A person has one age and a boat one length wherever the clause places them ("Ortega, 45, a congressman
    # from Arizona", "the boat that sank off Brest was 20 metres long").
    own = fa.attribute in OWN_ATTRIBUTES and fa.attribute == fb.attribute and \
        bool(fa.holder and fb.holder) and _same_holder(fa.holder, fb.holder)
    if not (fa.attribute in STORY_ATTRIBUTES and fa.attribute == fb.attribute or own):
        # A quake has one magnitude and an island one population, wherever the clause names it; another
        # place's, or an earlier quake's, comes with its own name or year.
        evidence += [(fa.places, fb.places), (fa.holder, fb.holder)]
    one_sided = any(bool(x) != bool(y) for x, y in evidence)
    return one_sided or _apart(fa.places, fb.places, _places_overlap) or _apart(fa.dates, fb.dates) or \
        (fa.modality != fb.modality and bool({fa.modality, fb.modality} - ESTIMATES)) or \
        a.currency != b.currency  # the same sum in two currencies: no rate to hold them against


def _apart(a: list, b: list, overlap=lambda x, y: bool(set(x) & set(y))) -> bool:
    return bool(a and b and not overlap(a, b))


def _differ(x: str | None, y: str | None) -> bool:
    return x is not None and y is not None and x != y


@lru_cache(maxsize=NAMES_REMEMBERED)
def _name_words(name: str) -> frozenset[str]:
    # Held against every candidate's holder and agent: a batch repeats few names, so each is split once.
    return frozenset(w.casefold() for w in name.replace("-", " ").split() if len(w) > 1 and w[:1].isupper()) or \
        frozenset({name.casefold()})


def _initials(name: str) -> str | None:
    """"hp" for "Hewlett-Packard", "eds" for "Electronic Data Systems": what an acronym of the name spells."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words).casefold() if len(words) > 1 else None


def _holder_words(name: str) -> set[str]:
    """The name's words and its initials, so that "HP" (or "H-P") meets "Hewlett-Packard" in a block."""
    return _name_words(name) | {spelled for spelled in (_initials(name), _acronym(name)) if spelled}


def _acronym(name: str) -> str | None:
    """The name written as capitals ("HP", "H-P", "IBM"), casefolded; None for other names."""
    letters = name.replace("-", "").replace(".", "")
    return letters.casefold() if letters.isupper() and letters.isalpha() and 1 < len(letters) <= 6 else None


def _same_holder(a: str, b: str) -> bool:
    """One name inside the other ("the county", "Dunmore County"), a word in common that is more than the
    kind of name both are ("the Birch Fire" and "the Pell Creek Fire" are two fires), or one name is the
    acronym of the other."""
    words_a, words_b = _name_words(a), _name_words(b)
    if words_a <= words_b or words_b <= words_a or (words_a & words_b) - KIND_OF_NAME_WORDS:
        return True
    acronym_a, acronym_b = _acronym(a), _acronym(b)
    return bool(acronym_a and acronym_a == _initials(b) or acronym_b and acronym_b == _initials(a) or
                acronym_a and acronym_a == acronym_b)


def _places_overlap(a: list[str], b: list[str]) -> bool:
    words_a = {w.casefold() for place in a for w in place.split()}
    return any(w.casefold() in words_a for place in b for w in place.split())


def place_figure(fact: FigureFacts, candidates: list[list[FigureFacts]]) -> int | None:
    """The candidate group `fact` joins: every member checked must allow it, a weak match only between
    values that can both hold, and an article never gives a slot two values. Among groups that allow it, one
    that matches it firmly, then the one holding the same value, then the one with more firm matches: a
    story's magnitude joins the story's quake, not a generic "a magnitude-6.0 quake can" of the same value."""
    best: tuple[tuple[bool, bool, int], int] | None = None
    for index, group in enumerate(candidates):
        score = _allowed(fact, group)
        if score is not None and (best is None or score > best[0]):
            best = (score, index)
    return None if best is None else best[1]


def _allowed(fact: FigureFacts, group: list[FigureFacts]) -> tuple[bool, bool, int] | None:
    """(matched firmly, holds a member of the same value, number of firm matches), or None when a member
    refuses it.
    A member that matches only weakly and states another value refuses it unless more members match it
    firmly than refuse it so: a bare "Ten" in a toll's group does not keep out "three people killed", which
    the group's "10 people killed" answers, and weak matches never make a clash. Objections are counted by
    voice: an article that states the value firmly ("9 people wounded") and again barely ("nine were hurt")
    objects once, by its firm figure, however often it repeats it. A member that names a holder or a place the
    figure lacks objects whatever else its article says: "Viacom paid the $3.5m fine" keeps out "it had to pay
    $1.75m", though the article's bare "the $3.5m fine" matches it firmly."""
    firm = equal = confirmed = 0
    firm_voices: set[str] = set()
    objecting_voices: set[str] = set()
    telling_voices: set[str] = set()
    for member in _distinct_members(fact, group):
        basis = match(fact, member)
        if basis is None or _second_value(fact, member):
            return None
        if fact.measure and member.measure and fact.measure != member.measure and not _same_value(fact, member):
            if fact.currency != member.currency:
                continue  # a conversion beside the sum can neither confirm nor refute another word for it
            return None  # another word for the counted thing: only the very same value confirms it
        restated = _restates(fact, member)
        revised = _revises(fact, member)
        if basis == "weak" and not (restated or revised):
            tells_more = bool(member.frame.holder and not fact.frame.holder or
                              member.frame.places and not fact.frame.places)
            (telling_voices if tells_more else objecting_voices).add(member.voice)
        if basis == "firm":
            firm_voices.add(member.voice)
        firm += basis == "firm"
        equal += _same_value(fact, member)
        confirmed += basis == "firm" or revised or restated and _comparable(fact, member) and \
            not _spans_a_decade(fact.claim) and not _spans_a_decade(member.claim)
    if len(telling_voices | (objecting_voices - firm_voices)) >= max(len(firm_voices), 1) or not confirmed:
        return None
    return firm > 0, equal > 0, firm


def _revises(a: FigureFacts, b: FigureFacts) -> bool:
    """Whether one of two articles says its figure revises the slot the other's answers ("the death toll from
    the blast near Tarrow rose to 12" and "nine miners died"): the same event, counting the same thing if both
    name it, and nothing that places or dates them apart; the later article often names the place the first
    left out, which alone would keep the match thin."""
    fa, fb = a.frame, b.frame
    party_a, party_b = fa.holder or fa.agent, fb.holder or fb.agent
    # Whose figure it is must be one party, not two that share a word ("the Oak Fire", "the Ridge Fire").
    other_parties = bool(party_a and party_b) and not (_name_words(party_a) <= _name_words(party_b) or
                                                       _name_words(party_b) <= _name_words(party_a))
    return (fa.revision or fb.revision) and a.claim.article != b.claim.article and _same_event(a, b) and \
        not (a.measure and b.measure and a.measure != b.measure) and fa.modality == fb.modality and \
        not other_parties and not _apart(fa.places, fb.places, _places_overlap) and \
        not _apart(fa.dates, fb.dates) and not _apart(fa.years, fb.years)


def _distinct_members(fact: FigureFacts, group: list[FigureFacts]) -> Iterator[FigureFacts]:
    """The first MEMBERS_CHECKED members, each figure of a sentence carried word for word by several articles
    once: forty outlets printing one AP sentence are one voice saying it, and checking each would make the
    work grow with the copies. A member from the figure's own article is always checked (an article gives a
    slot one value)."""
    seen: set[tuple[str, str]] = set()
    for member in group:
        if len(seen) >= MEMBERS_CHECKED:
            return
        copy = (member.claim.sentence, member.claim.claim_text)
        if copy in seen and member.claim.article != fact.claim.article:
            continue
        seen.add(copy)
        yield member


def _spans_a_decade(claim: Claim) -> bool:
    """"Thousands" (1,000 to 10,000), "tens of thousands": a figure that allows ten times its lowest value. It
    says at least its lowest value, and holds nearly any figure near it, so it confirms no thin match."""
    return claim.low is not None and claim.high is not None and 0 < claim.low and claim.high >= DECADE * claim.low


def _comparable(a: FigureFacts, b: FigureFacts) -> bool:
    """Whether the two values can confirm a thin match: sums in two currencies always "both hold", so they
    confirm nothing, unless one sentence gives one as the conversion of the other ("$11bn (£5.8bn)")."""
    return a.currency == b.currency or a.claim.sentence == b.claim.sentence


def _second_value(a: FigureFacts, b: FigureFacts) -> bool:
    """Two different values for one slot in one article are two slots, unless the article states a
    revision, gives them to two named sources, or one is on top of the other ("an additional 20,000")."""
    if a.claim.article != b.claim.article or _can_both_hold(a, b):
        return False  # "at least three" and "three" in one article restate one value
    if a.frame.revision or b.frame.revision or (a.frame.scope == "additional") != (b.frame.scope == "additional"):
        return False
    if a.currency != b.currency or a.claim.unit != b.claim.unit:
        return False  # a conversion given beside the sum or the length ("150 miles (240 kilometres)")
    return not (a.claim.source and b.claim.source and a.claim.source != b.claim.source)


def _same_value(a: FigureFacts, b: FigureFacts) -> bool:
    return (a.claim.low, a.claim.high, a.currency) == (b.claim.low, b.claim.high, b.currency)


def _can_both_hold(a: FigureFacts, b: FigureFacts) -> bool:
    if a.currency != b.currency:
        return True
    (a_low, a_high), (b_low, b_high) = _scoped(a, b), _scoped(b, a)
    if a.unit == "km" and _written_in(a) != _written_in(b):
        # One of two lengths in two units is mostly the other converted and rounded: 40 feet for 12 metres.
        a_low, a_high = a_low * (1 - CONVERSION_ROUNDING), a_high * (1 + CONVERSION_ROUNDING)
    return _overlap((a_low, a_high), (b_low, b_high), _rounded(a) and _rounded(b))


def _overlap(a: tuple[float, float], b: tuple[float, float], rounded: bool) -> bool:
    """Whether two spans of values share one. Two spans of rounding meet at their ends without sharing it:
    "$66 billion" (65.5 to 66.5) and "$65 billion" (64.5 to 65.5) are two sums. The ends of a written range
    or bound are values ("between 12 and 14" and "14 to 17" share 14; "at least 10" and "up to 10" share 10)."""
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return low < high or low == high and not rounded


def _rounded(fact: FigureFacts) -> bool:
    """A single number whose span is its rounding ("$66 billion"), not a range or a bound as written."""
    claim = fact.claim
    return claim.low is not None and claim.low == claim.high and claim.approximator in (None, "exact") and \
        _rounding(claim.low, _in_whole_points(claim)) > 0


def _written_in(fact: FigureFacts) -> str | None:
    return fact.converts or fact.claim.unit


def _restates(a: FigureFacts, b: FigureFacts) -> bool:
    """Whether the two figures give the same number, within their approximators and rounding: "at least 10"
    restates "10", "about $13 billion" restates "$13.9 billion". A bound allows any larger (or smaller)
    value, but "at least three" and "20,000" are two numbers, and only the same number is evidence that a
    thin match is about the same thing."""
    if a.currency != b.currency:
        return True
    return _overlap(a.stated, b.stated, _rounded(a) and _rounded(b))


def _stated(claim: Claim) -> tuple[float, float]:
    """The numbers a figure is about: the number as written, within its approximator and rounding; a bound
    reaches numbers near it ("at least 10,000" speaks of 15,000, not of two million)."""
    low = claim.low if claim.low is not None else claim.high
    high = claim.high if claim.high is not None else claim.low
    if low is None or high is None or claim.unit == CALENDAR_YEAR:
        return figure_interval(claim)
    slack = APPROX_TOLERANCE if claim.approximator in APPROXIMATE else 0.0
    points = _in_whole_points(claim)
    low, high = low - _margin(low, slack, points), high + _margin(high, slack, points)
    if claim.approximator == "lower_bound":
        high += abs(high) * (BOUND_REACH - 1)
    elif claim.approximator == "upper_bound":
        low -= abs(low) * (1 - 1 / BOUND_REACH)
    return low, high


def _scoped(fact: FigureFacts, other: FigureFacts) -> tuple[float, float]:
    """`fact`'s interval as `other` must hold it: an additional 20,000 means at least 20,000 in all."""
    if fact.frame.scope == "additional" and other.frame.scope != "additional":
        return fact.low, float("inf")
    return fact.low, fact.high


def figure_interval(claim: Claim) -> tuple[float, float]:
    """The values a figure allows once its approximator and its rounding are taken into account."""
    low = claim.low if claim.low is not None else float("-inf")
    high = claim.high if claim.high is not None else float("inf")
    if claim.unit == CALENDAR_YEAR:
        return low, high  # "since 2000" is the year 2000, not a round number near it
    if _spans_a_decade(claim):
        # "thousands" (1,000 to 10,000) says at least a thousand; it does not deny 15,000.
        high = float("inf")
    slack = APPROX_TOLERANCE if claim.approximator in APPROXIMATE else 0.0
    points = _in_whole_points(claim)
    low_margin = _margin(low, slack, points)
    high_margin = _margin(high, slack, points)
    if claim.approximator == "lower_bound":
        return low - low_margin, float("inf")
    if claim.approximator == "upper_bound":
        return float("-inf"), high + high_margin
    return low - low_margin, high + high_margin


def _margin(value: float, slack: float, whole_points: bool) -> float:
    return 0.0 if value in (float("inf"), float("-inf")) else abs(value) * slack + _rounding(value, whole_points)


def _in_whole_points(claim: Claim) -> bool:
    """A share of a count given in whole points ("61 percent of the vote", "54% of voters"), which reporters
    round to the point: another outlet's 61.4 percent is the same share. A rate or a change is not rounded
    so ("raised the rate to 5 percent"): a quarter point of an interest rate is the news."""
    frame = claim.frame or Frame()
    return claim.unit == PERCENT and bool(claim.counted) and frame.scope != "change" and frame.rate is None


def _rounding(value: float, whole_points: bool) -> float:
    """A round figure ("15,000") stands for anything that rounds to it, within a few per cent. Small
    numbers are counted, not rounded: 30 people, or an age of 30, is not 29. A share in whole points is
    rounded to the point (`_in_whole_points`)."""
    if value != int(value):
        return 0.0
    if whole_points:
        return max(WHOLE_POINT, _rounding(value, False))
    if value == 0:
        return 0.0
    zeros = len(str(int(abs(value)))) - len(str(int(abs(value))).rstrip("0"))
    return min(0.5 * 10 ** zeros, ROUNDING_TOLERANCE * abs(value)) if zeros >= ROUND_FROM_ZEROS else 0.0


# --- verdicts -------------------------------------------------------------------------------------------

def describe_figure(claim: Claim) -> str:
    """A figure as a reason shows it: ~15,000, ≥10,000, 20,000–30,000, 20%."""
    low, high = claim.low, claim.high
    if low is None and high is None:
        return claim.claim_text
    if claim.unit == CALENDAR_YEAR:
        return claim.claim_text  # "2003", not "2,003 calendar year"
    if claim.unit == FRACTION:
        # "two-thirds" as the share it gives beside percentages, and as written.
        low, high = (None if v is None else round(v * PERCENT_OF_WHOLE, 1) for v in (low, high))
    if low is not None and high is not None and low != high:
        value = f"{format_readable(low)}–{format_readable(high)}"
    else:
        value = format_readable(low if low is not None else high)
    prefix = {"approx": "~", "vague": "~", "lower_bound": "≥", "upper_bound": "≤"}.get(claim.approximator or "", "")
    unit = claim.unit or ""
    if unit == PERCENT:
        value += "%"
    elif unit == FRACTION:
        value += f"% (“{claim.claim_text}”)"
    elif unit.startswith("money:"):
        value = f"{unit.split(':', 1)[1]} {value}"
    elif unit not in ("count", "") and not (claim.frame and claim.frame.attribute == "age"):
        value = f"{value} {unit}"  # an age reads the same however written: "44", not "44 year"
    return prefix + value


def _attributed(claim: Claim) -> str:
    return f"{describe_figure(claim)} ({claim.source or claim.speaker or 'unattributed, ' + claim.article})"


def figure_group(members: list[FigureFacts], copies: list[list[str]]) -> ClaimGroup:
    claims = [m.claim for m in members]
    articles = sorted({c.article for c in claims})
    voices = sorted({m.voice for m in members})
    families = [family for family in copies if len(set(family) & set(articles)) > 1]
    copy_note = "".join(f"; {len(set(f) & set(articles))} outlets carry the same copy ({', '.join(f)})"
                        for f in families)
    grouped = f"same {_slot_label(members)}"
    clashes = _clashes(members)
    # A clash is between firmly matched figures, or a stated revision, so a conflict or an update is firm.
    basis = "single" if len(voices) == 1 else "firm" if clashes else _basis(members)
    if clashes:
        verdict, reason = _clash_verdict(members, clashes)
    elif len(voices) == 1:
        where = articles[0] if len(articles) == 1 else f"one copy carried by {', '.join(articles)}"
        verdict, reason = "single-source", f"only in {where}: {_listing(members)}"
    elif len({(m.claim.low, m.claim.high, m.unit, m.currency, m.claim.approximator in ("lower_bound", "upper_bound"))
              for m in members}) == 1:
        # In the unit compared: "Reyes, 25" and "a 25-year-old" give one age.
        verdict, reason = "agree", f"same figure: {_listing(members)}"
    else:
        verdict, reason = "compatible", f"figures overlap: {_listing(members)}"
    return ClaimGroup(id=group_id("quantity", claims), kind="quantity", topic=_topic(members), verdict=verdict,
                      reason=f"{reason}; grouped as {grouped} ({basis} match){copy_note}", articles=articles,
                      claims=claims, basis=basis, copies=families)


def _clashes(members: list[FigureFacts]) -> list[tuple[FigureFacts, FigureFacts]]:
    """Pairs of figures from two voices, firmly matched or one revising the other, that cannot both hold.
    Figures of one value are held against another value through a few of their members, so a large group
    costs the square of its distinct values, not of its figures."""
    by_value: dict[tuple, list[FigureFacts]] = {}
    by_voice: dict[str, list[FigureFacts]] = {}
    for member in members:
        by_value.setdefault((member.low, member.high, member.currency, member.frame.scope), []).append(member)
        by_voice.setdefault(member.voice, []).append(member)
    values = list(by_value.values())
    clashes = []
    for i, these in enumerate(values):
        for those in values[i + 1:]:
            if _can_both_hold(these[0], those[0]):
                continue
            clashes += [(a, b) for a in these[:CLASH_SAMPLE] for b in those[:CLASH_SAMPLE]
                        if a.voice != b.voice and _clash_evidence(a, b) and not _reports_both(by_voice, a, b)]
    return clashes


def _clash_evidence(a: FigureFacts, b: FigureFacts) -> bool:
    """A firm match, or a revision of what the other figure counts: "the toll rose to 17" updates a "14
    people died" that named no place, which keeps their match thin."""
    basis = match(a, b)
    return basis == "firm" or basis is not None and _revises(a, b)


def _reports_both(by_voice: dict[str, list[FigureFacts]], a: FigureFacts, b: FigureFacts) -> bool:
    """Whether both articles also give a value the other's can hold ("police said 8, the hospital 10"
    in both): they report the same disagreement, they do not disagree with each other."""
    return any(_can_both_hold(m, b) and match(m, b) == "firm" for m in by_voice[a.voice]) and \
        any(_can_both_hold(m, a) and match(m, a) == "firm" for m in by_voice[b.voice])


def _basis(members: list[FigureFacts]) -> str:
    """Firm when every figure is firmly matched with one from another article (among the first few)."""
    firm = all(any(o.voice != m.voice and match(m, o) == "firm" for o in members[:MEMBERS_CHECKED])
               for m in members[:MEMBERS_CHECKED])
    return "firm" if firm else "weak"


def _clash_verdict(members: list[FigureFacts], clashes: list[tuple[FigureFacts, FigureFacts]]) -> tuple[str, str]:
    """Conflict, or an update when the later figure says it is a revision or the articles' dates differ."""
    pairs = []
    updated = True
    # A revision stated in one article ("the toll rose to 10") also tells which of two other articles gave
    # the earlier figure: the one that does not give the revised value.
    revisions = [m for m in members if m.frame.revision]
    for a, b in clashes:
        explained = [m for m in (a, b) if any(_restates(r, m) for r in revisions)]
        explained = explained if len(explained) == 1 else []
        published = _published_order(a, b)
        if published is not None:
            earlier, later, shown = published
        else:
            earlier, later = sorted((a, b), key=lambda m: (m in explained, m.claim.article))
            shown = ""
        revised = a.frame.revision or b.frame.revision or (bool(explained) and published is None)
        # A person's age, a place's population or a distance does not change between two days' stories: a
        # later article that gives another one contradicts the earlier, unless it says it corrects it.
        dated = published is not None and a.frame.attribute not in STATIC_ATTRIBUTES
        updated = updated and (dated or revised)
        stale = published is not None and _repeats_an_older_toll(earlier, later)
        pairs.append(f"{_clashing(earlier, later)} vs {_clashing(later, earlier)}{shown}"
                     f"{', the later article giving the lower toll' if stale else ''}")
    pairs = list(dict.fromkeys(pairs))  # one clash per pair of figures, whatever order it was found in
    reason = "; ".join(pairs[:3]) + (f"; {len(pairs) - 3} more" if len(pairs) > 3 else "")
    clashing = {m.claim.id for pair in clashes for m in pair}
    others = [m for m in members if m.claim.id not in clashing]
    if others:
        reason += f"; also reported: {_listing(others)}"
    if updated:
        return "updated", f"figure revised: {reason}"
    return "conflict", reason


def _repeats_an_older_toll(earlier: FigureFacts, later: FigureFacts) -> bool:
    """A toll only rises: a later article that gives a lower one most often repeats earlier coverage."""
    return later.event in RISING_TOLLS and later.high < earlier.low


def _published_order(a: FigureFacts, b: FigureFacts) -> tuple[FigureFacts, FigureFacts, str] | None:
    """The two figures, earlier article first, and their dates as the reason shows them, when the metadata
    orders the articles: two days, or two times of one day at least an hour apart, each with its zone (a
    toll rises within hours). Times without a zone do not order two outlets: their clocks may be hours
    apart."""
    day_a, day_b = _day(a), _day(b)
    if day_a is None or day_b is None:
        return None
    if day_a != day_b:
        earlier, later = (a, b) if day_a < day_b else (b, a)
        return earlier, later, f" ({min(day_a, day_b).isoformat()} → {max(day_a, day_b).isoformat()})"
    moment_a, moment_b = _moment(a), _moment(b)
    if moment_a is None or moment_b is None or abs(moment_a - moment_b) < SAME_HOUR:
        return None
    earlier, later = (a, b) if moment_a < moment_b else (b, a)
    first, last = sorted((moment_a, moment_b))
    return earlier, later, f" ({first:%Y-%m-%d %H:%M} → {last:%H:%M} UTC)"


def _moment(fact: FigureFacts) -> datetime | None:
    """The publication time in UTC, when the metadata gives a time of day and its zone ("2010-09-10 09:28
    EDT", "2025-03-01T08:00:00+01:00")."""
    published = (fact.frame.published or "").strip()
    time = _TIME_OF_DAY.search(published)
    day = _day(fact)
    if time is None or day is None:
        return None
    zone = time["offset"] or time["zone"]
    if zone is None:
        return None
    if time["offset"]:
        sign = -1 if zone.startswith("-") else 1
        hours, minutes = int(zone.lstrip("+-")[:2]), int(zone.replace(":", "")[-2:])
        offset = timedelta(hours=hours, minutes=minutes) * sign
    elif zone.upper() in ZONE_OFFSETS:
        offset = timedelta(hours=ZONE_OFFSETS[zone.upper()])
    else:
        return None
    local = datetime(day.year, day.month, day.day, int(time["hour"]), int(time["minute"]))
    return (local - offset).replace(tzinfo=timezone.utc)


def _day(fact: FigureFacts) -> date | None:
    """The article's date, from its metadata as written ("2010-09-10 09:28", "November 28, 2005")."""
    published = fact.frame.published or ""
    iso = _ISO_DAY.search(published)
    if iso:
        return _date_or_none(int(iso[1]), int(iso[2]), int(iso[3]))
    for pattern in _WRITTEN_DAYS:
        written = pattern.search(published)
        month = MONTHS.get(written["month"].lower()[:3]) if written else None
        if month:
            return _date_or_none(int(written["year"]), month, int(written["day"]))
    return None


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clashing(fact: FigureFacts, other: FigureFacts) -> str:
    """A figure of a clash; one on top of another is shown with what it means in all."""
    if fact.frame.scope == "additional" and other.frame.scope != "additional" and fact.claim.low is not None:
        return (f"an additional {_attributed(fact.claim)}, so at least {format_readable(fact.claim.low)} in "
                f"all")
    return _attributed(fact.claim)


def _listing(members: list[FigureFacts]) -> str:
    shown = ", ".join(_attributed(m.claim) for m in members[:REASON_FIGURES])
    return shown + (f" and {len(members) - REASON_FIGURES} more" if len(members) > REASON_FIGURES else "")


def _most_common(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    if len(set(present)) <= 1:
        return present[0] if present else None  # most groups hold one figure: no count needed
    return Counter(present).most_common(1)[0][0]


def _slot_label(members: list[FigureFacts]) -> str:
    """What the slot measures, in words: "person killed", "age of Misty McBride"."""
    holder = _most_common([m.frame.holder for m in members])
    attribute = _most_common([m.frame.attribute for m in members])
    measure = _most_common([m.measure for m in members])
    event = _most_common([m.event for m in members])
    if holder:
        return f"{attribute or measure or 'figure'} of {holder}"
    return " ".join(filter(None, (measure or "figure", event)))


def _topic(members: list[FigureFacts]) -> str:
    """A short label: the counted phrase most articles use, with what happened to it."""
    holder = _most_common([m.frame.holder for m in members])
    attribute = _most_common([m.frame.attribute for m in members])
    if holder:
        return f"{holder}: {attribute or 'figure'}"
    phrases = Counter(m.claim.counted for m in members if m.claim.counted)
    noun = min((p for p, n in phrases.items() if n == max(phrases.values())), key=len) if phrases else None
    noun = noun or attribute or members[0].claim.unit or "figure"
    # A name that qualifies the counted thing in any article ("North Korean soldiers") qualifies the topic.
    qualifier = next((" ".join(w for w in p.split()[:-1] if w[:1].isupper()) for p in phrases
                      if any(w[:1].isupper() for w in p.split()[:-1])), "")
    if qualifier and qualifier not in noun:
        noun = f"{qualifier} {noun}"
    if members[0].claim.unit == "percent":
        noun = f"share of {noun}"
    predicates = Counter(m.claim.predicate for m in members if m.claim.predicate)
    # A past participle reads as a label ("troops sent to Russia"); other verb forms go in brackets.
    participle = next((p for p, _ in predicates.most_common() if p.split()[0].endswith(("ed", "sent", "ught"))),
                      None)
    if participle:
        return f"{noun} {participle}"
    predicate = predicates.most_common(1)[0][0] if predicates else ""
    return noun + (f" ({predicate})" if predicate else "")
