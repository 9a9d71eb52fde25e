"""Figures in a parsed paragraph: value or range, bounds, what is counted, and the clause it belongs to."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimtrack.numbers import (
    NUMBER_WORDS,
    SCALE_SUFFIXES,
    VAGUE_PLURALS,
    parse_digits,
    parse_words,
)

# Read longest first; each maps the words before a figure to how it bounds the value.
APPROXIMATORS: dict[tuple[str, ...], str] = {
    ("at", "least"): "lower_bound", ("more", "than"): "lower_bound", ("over",): "lower_bound",
    ("above",): "lower_bound", ("upwards", "of"): "lower_bound", ("in", "excess", "of"): "lower_bound",
    ("no", "fewer", "than"): "lower_bound", ("no", "less", "than"): "lower_bound",
    ("a", "minimum", "of"): "lower_bound", ("greater", "than"): "lower_bound", ("exceeding",): "lower_bound",
    ("as", "many", "as"): "upper_bound", ("as", "much", "as"): "upper_bound", ("up", "to"): "upper_bound",
    ("at", "most"): "upper_bound", ("less", "than"): "upper_bound", ("fewer", "than"): "upper_bound",
    ("under",): "upper_bound", ("below",): "upper_bound", ("no", "more", "than"): "upper_bound",
    ("a", "maximum", "of"): "upper_bound", ("nearly",): "upper_bound", ("almost",): "upper_bound",
    ("just", "under"): "upper_bound", ("not", "quite"): "upper_bound",
    ("about",): "approx", ("around",): "approx", ("approximately",): "approx", ("roughly",): "approx",
    ("some",): "approx", ("an", "estimated"): "approx", ("estimated",): "approx", ("approx",): "approx",
    ("approx", "."): "approx", ("circa",): "approx", ("close", "to"): "approx", ("~",): "approx",
    ("round",): "approx", ("or", "so"): "approx", ("an", "approximate"): "approx",
}
_LONGEST_APPROXIMATOR = max(len(words) for words in APPROXIMATORS)
# Words before a figure that belong to its phrase without changing its value.
ADDITIVES = {("an", "additional"), ("a", "further"), ("another",), ("an", "extra"), ("only",), ("just",)}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW",
                    "a$": "AUD", "c$": "CAD", "hk$": "HKD", "rs": "INR", "₽": "RUB"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "euro": "EUR",
                  "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR",
                  "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
                  "won": "KRW"}
DURATION_WORDS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
                  "fortnight", "night"}
# Units of measure: a figure with one of these counts the unit, not a thing.
MEASURE_WORDS = DURATION_WORDS | {
    "kilometer", "kilometre", "km", "mile", "meter", "metre", "m", "foot", "feet", "inch", "yard", "acre",
    "hectare", "kg", "kilogram", "gram", "tonne", "ton", "pound", "lb", "litre", "liter", "gallon", "barrel",
    "degree", "mph", "kph", "square", "mw", "gw", "kw", "kwh", "watt", "volt", "times", "point", "percentage",
}
RANGE_LINKS = {"to", "-", "–", "—", "and", "or", "through"}
NOT_QUANTITY_ENTS = {"TIME", "ORDINAL"}
# "one" is mostly a pronoun or a determiner; only a figure where it directly counts a noun.
PRONOUN_LIKE_ONE = {"one", "ones"}
UNITS_BELOW_TEN = {"two", "three", "four", "five", "six", "seven", "eight", "nine"}
REFERRING_WORDS = {"the", "these", "those", "both", "its", "their", "his", "her", "our", "my", "all"}


@dataclass
class QuantityFinding:
    start: int
    end: int
    low: float | None
    high: float | None
    approximator: str
    unit: str
    counted: str | None
    subject: str | None
    predicate: str | None
    anchor: Token


@dataclass
class _Figure:
    first: int  # token index of the first word of the figure (after any currency symbol)
    last: int  # token index of its last word
    low: float
    high: float
    vague: bool
    currency: str | None


def find_quantities(doc: Doc) -> Iterator[QuantityFinding]:
    index = 0
    while index < len(doc):
        figure = _figure_at(doc, index)
        if figure is None:
            index += 1
            continue
        finding = _read_claim(doc, figure)
        index = max(figure.last, doc.char_span(finding.start, finding.end, alignment_mode="expand").end - 1
                    if finding else figure.last) + 1
        if finding:
            yield finding


def _is_figure_start(token: Token) -> bool:
    if token.ent_type_ in NOT_QUANTITY_ENTS:
        return False
    if token.ent_type_ == "DATE" and not _is_duration(token):
        return False
    lower = token.lower_
    if lower in UNITS_BELOW_TEN and token.i > 0 and token.doc[token.i - 1].lower_ in REFERRING_WORDS:
        # "the two leaders" refers back to people; it does not state a figure.
        return False
    if lower in PRONOUN_LIKE_ONE:
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is not None and (following.lower_ in NUMBER_WORDS or following.lemma_ in MEASURE_WORDS)
    if lower in NUMBER_WORDS or lower in VAGUE_PLURALS:
        return True
    if lower in ("a", "an", "tens") and token.i + 1 < len(token.doc):
        following = token.doc[token.i + 1].lower_
        return following in ("dozen", "hundred", "thousand", "million", "billion") or (
            lower == "tens" and following == "of"
        )
    parsed = parse_digits(token.text)
    return parsed is not None and not _is_year(token, parsed[0])


def _is_year(token: Token, value: float) -> bool:
    return (token.ent_type_ == "DATE" or token.text.isdigit()) and 1800 <= value <= 2100 and len(token.text) == 4


def _is_duration(token: Token) -> bool:
    """A number inside a DATE entity that measures time ("two days", "three years") rather than dates."""
    entity = next((ent for ent in token.doc.ents if ent.start <= token.i < ent.end), None)
    if entity is None:
        return False
    words = {t.lemma_.lower() for t in entity} | {t.lower_.rstrip("s") for t in entity}
    after = token.doc[entity.end].lower_ if entity.end < len(token.doc) else ""
    return bool(words & DURATION_WORDS) and "ago" not in words and after != "ago" and not any(
        t.shape_ == "dddd" for t in entity
    )


def _figure_at(doc: Doc, index: int) -> _Figure | None:
    token = doc[index]
    if not _is_figure_start(token):
        return None
    currency = _currency_before(doc, index)
    lower = token.lower_
    if lower == "tens" and index + 2 < len(doc) and doc[index + 2].lower_ in VAGUE_PLURALS:
        low, high = VAGUE_PLURALS[doc[index + 2].lower_]
        return _Figure(index, index + 2, low * 10, high * 10, True, currency)
    if lower in VAGUE_PLURALS:
        low, high = VAGUE_PLURALS[lower]
        return _Figure(index, index, low, high, True, currency)
    last = index
    words = [token.text]
    while last + 1 < len(doc):
        nxt = doc[last + 1]
        word = nxt.lower_
        spelled = word in NUMBER_WORDS or (word in ("-", "and") and last + 2 < len(doc)
                                            and doc[last + 2].lower_ in NUMBER_WORDS and words[-1].lower() in
                                            NUMBER_WORDS | {"hundred"})
        scale_after_digits = word in SCALE_SUFFIXES and parse_digits(words[-1]) is not None
        if spelled or scale_after_digits:
            words.append(nxt.text)
            last += 1
            continue
        break
    value = _value(words)
    if value is None:
        return None
    return _Figure(index, last, value, value, False, currency)


def _value(words: list[str]) -> float | None:
    parsed = parse_digits(words[0])
    if parsed is not None and len(words) == 1:
        return parsed[0]
    if parsed is not None and not parsed[1]:
        multiplier = 1.0
        for word in words[1:]:
            scale = SCALE_SUFFIXES.get(word.lower())
            if scale is None:
                return parse_words(words)
            multiplier *= scale
        return parsed[0] * multiplier
    return parse_words(words)


def _currency_before(doc: Doc, index: int) -> str | None:
    if index > 0 and doc[index - 1].lower_ in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[doc[index - 1].lower_]
    return None


def _read_claim(doc: Doc, figure: _Figure) -> QuantityFinding | None:
    start_token = figure.first - (1 if figure.currency else 0)
    end_token = figure.last
    low, high, vague = figure.low, figure.high, figure.vague
    currency = figure.currency

    second = _range_end(doc, figure)
    if second is not None:
        end_token = second.last
        first_low = figure.low
        if figure.first == figure.last and second.last > second.first and not figure.vague:
            # "between 10 and 15 million": the scale after the second figure belongs to both.
            scale = SCALE_SUFFIXES.get(doc[second.last].lower_)
            if scale and first_low * scale <= second.high:
                first_low *= scale
        low, high = min(first_low, second.low), max(figure.high, second.high)
        currency = currency or second.currency
        vague = False
    elif figure.vague:
        vague = True

    unit = "count"
    after = end_token + 1
    if after < len(doc) and doc[after].text == "%":
        unit, end_token = "percent", after
    elif after < len(doc) and doc[after].lower_ in ("percent", "pct"):
        unit, end_token = "percent", after
    elif after + 1 < len(doc) and doc[after].lower_ == "per" and doc[after + 1].lower_ == "cent":
        unit, end_token = "percent", after + 1
    elif currency:
        unit = f"money:{currency}"
    elif after < len(doc) and doc[after].lower_ in CURRENCY_WORDS:
        unit, end_token = f"money:{CURRENCY_WORDS[doc[after].lower_]}", after

    if second is not None and start_token > 0 and doc[start_token - 1].lower_ in ("between", "from"):
        start_token -= 1
    approximator, start_token = _approximator_before(doc, start_token)
    if approximator is None:
        approximator, end_token = _approximator_after(doc, end_token)
    if approximator is None:
        approximator = "approx" if vague else "exact"
    start_token = _additive_before(doc, start_token)
    if approximator == "lower_bound":
        high = None
    elif approximator == "upper_bound":
        low = None

    counted_tokens = _counted(doc, figure.last if second is None else second.last, end_token, unit)
    counted = None
    if counted_tokens:
        counted = doc[counted_tokens[0]: counted_tokens[-1] + 1].text
        head = doc[counted_tokens[-1]]
        if unit == "count" and (head.lemma_.lower() in MEASURE_WORDS or head.lower_ in MEASURE_WORDS):
            unit = head.lower_
        if counted_tokens[0] == end_token + 1 or doc[end_token + 1: counted_tokens[0]].text in ("of", ""):
            end_token = max(end_token, counted_tokens[-1])

    if unit == "count" and counted is None and figure.first == figure.last and second is None and not vague:
        # A bare number with nothing counted ("in 2 of the cases" aside) is too weak to compare.
        if doc[figure.first].ent_type_ not in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
            return None

    anchor_token = doc[counted_tokens[-1]] if counted_tokens else doc[figure.last]
    subject, predicate = _clause_of(anchor_token)
    span = doc[start_token: end_token + 1]
    return QuantityFinding(
        start=span.start_char, end=span.end_char, low=low, high=high, approximator=approximator,
        unit=unit, counted=counted, subject=subject, predicate=predicate, anchor=anchor_token,
    )


def _range_end(doc: Doc, figure: _Figure) -> _Figure | None:
    link = figure.last + 1
    if link + 1 >= len(doc) or doc[link].lower_ not in RANGE_LINKS:
        return None
    before = doc[figure.first - 1].lower_ if figure.first > 0 else ""
    if before == "$" and figure.first > 1:
        before = doc[figure.first - 2].lower_
    word = doc[link].lower_
    if word == "and" and before != "between":
        return None
    if word == "or" and figure.vague:
        return None
    start = link + 1
    if doc[start].lower_ in CURRENCY_SYMBOLS:
        start += 1
    if start >= len(doc):
        return None
    second = _figure_at(doc, start)
    if second is None or second.vague:
        return None
    return second


def _approximator_before(doc: Doc, start: int) -> tuple[str | None, int]:
    for length in range(_LONGEST_APPROXIMATOR, 0, -1):
        if start - length < 0:
            continue
        words = tuple(t.lower_ for t in doc[start - length: start])
        if words in APPROXIMATORS:
            if words == ("some",) and start - 2 >= 0 and doc[start - 2].lower_ in ("for", "of"):
                continue
            return APPROXIMATORS[words], start - length
    return None, start


def _approximator_after(doc: Doc, end: int) -> tuple[str | None, int]:
    following = tuple(t.lower_ for t in doc[end + 1: end + 3])
    if following[:2] == ("or", "so"):
        return "approx", end + 2
    if following[:2] == ("or", "more"):
        return "lower_bound", end + 2
    if following[:1] == ("+",):
        return "lower_bound", end + 1
    return None, end


def _additive_before(doc: Doc, start: int) -> int:
    for length in (2, 1):
        if start - length >= 0 and tuple(t.lower_ for t in doc[start - length: start]) in ADDITIVES:
            return start - length
    return start


def _counted(doc: Doc, number: int, end: int, unit: str) -> list[int]:
    """Token indices of what the figure counts: "North Korean soldiers", "workers and deminers"."""
    token = doc[number]
    if end + 1 < len(doc) and doc[end + 1].lower_ == "of":
        # "20% of Ukraine", "thousands of workers": the thing counted follows "of".
        objects = [c for c in doc[end + 1].children if c.dep_ == "pobj"]
        return _noun_phrase(objects[0], left_limit=end + 2) if objects else []
    head = token
    for _ in range(4):
        if head.dep_ not in ("nummod", "quantmod", "compound", "amod", "nmod", "punct", "conj", "cc") or \
                head.head is head:
            break
        head = head.head
        if head.i > end and head.pos_ in ("NOUN", "PROPN") and head.dep_ != "compound":
            break
    if head.i <= end or head.pos_ not in ("NOUN", "PROPN"):
        # The parse missed the link ("1.5m rounds"): take the noun run right after the figure.
        last = end
        while last + 1 < len(doc) and doc[last + 1].pos_ in ("NOUN", "PROPN") and doc[last + 1].ent_type_ == "":
            last += 1
        return list(range(end + 1, last + 1)) if last > end and doc[last].pos_ == "NOUN" else []
    if head.i - end > 6:
        return []
    return _noun_phrase(head, left_limit=end + 1)


def _noun_phrase(head: Token, left_limit: int | None = None) -> list[int]:
    """The noun with its left modifiers and conjoined nouns, as contiguous token indices."""
    left = head.i
    for child in sorted(head.lefts, key=lambda t: -t.i):
        if child.dep_ in ("amod", "compound", "nmod", "npadvmod", "nummod") and child.i == left - 1 or (
            child.dep_ in ("amod", "compound") and all(
                t.dep_ in ("amod", "compound", "punct", "cc", "conj", "advmod") for t in head.doc[child.i: left])
        ):
            if child.like_num or child.lower_ in ("additional", "more", "other", "extra", "further"):
                break
            left = child.left_edge.i if child.left_edge.i >= (left_limit or 0) else child.i
    if left_limit is not None:
        left = max(left, left_limit)
    right = head.i
    for child in head.rights:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and child.i - right <= 3:
            right = child.i
    while left < right and head.doc[left].is_punct:
        left += 1
    return list(range(left, right + 1))


def _clause_of(token: Token) -> tuple[str | None, str | None]:
    """The verb a figure hangs from, as (its subject, "lemma to/into X")."""
    verb = token
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None, None
    predicate = verb.text.lower()
    direction = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")), None)
    if direction is not None:
        target = next((c for c in direction.children if c.dep_ == "pobj"), None)
        if target is not None and target.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "FAC"):
            predicate = f"{predicate} {direction.lower_} {_entity_text(target)}"
    subject = None
    holder = verb
    for _ in range(4):
        nsubj = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if nsubj is not None:
            if nsubj.i != token.i and not (nsubj.i <= token.i <= nsubj.right_edge.i):
                subject = _entity_text(nsubj)
            break
        if holder.dep_ not in ("xcomp", "conj", "advcl", "acl") or holder.head is holder:
            break
        holder = holder.head
    return subject, predicate


def _entity_text(token: Token) -> str:
    entity = next((ent for ent in token.doc.ents if ent.start <= token.i < ent.end), None)
    if entity is not None:
        return _trim_possessive(entity)
    compound_start = token.i
    while compound_start > 0 and token.doc[compound_start - 1].dep_ == "compound" and \
            token.doc[compound_start - 1].head.i in range(compound_start, token.i + 1):
        compound_start -= 1
    return token.doc[compound_start: token.i + 1].text


def _trim_possessive(span: Span) -> str:
    text = span.text
    for ending in ("'s", "’s"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text

