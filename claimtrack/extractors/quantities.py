"""Figures in a parsed paragraph: value or range, bounds, what is counted, and the clause it belongs to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimtrack.extractors.frames import counts_out_of_a_group, read_frame
from claimtrack.extractors.tokens import entity_of, entity_text, governing_verb, joined_ago, names_a_vote, sentence_of
from claimtrack.lexicon import (
    CHANGE_WORDS,
    CURRENCY_COUNTRIES,
    CURRENCY_WORDS,
    EVENT_CLASS_OF,
    KILOMETRES,
    LENGTH_ADJECTIVES,
    MEASURE_SYNONYMS,
    SPEECH_VERBS,
)
from claimtrack.numbers import (
    CASED_SUFFIXES,
    CURRENCY_PREFIXES,
    DIGIT_WORDS,
    FRACTION_WORDS,
    NUMBER_WORDS,
    ONE_PART_WORDS,
    REPEAT_ADVERBS,
    SCALES,
    SCALE_SUFFIXES,
    SPACED_UNIT_SYMBOLS,
    UNIT_SUFFIXES,
    VAGUE_PLURALS,
    parse_fold,
    parse_fraction,
    parse_words,
    read_figure_token,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from claimtrack.models import Frame

# Read longest first; each maps the words before a figure to how it bounds the value.
APPROXIMATORS: dict[tuple[str, ...], str] = {
    ("at", "least"): "lower_bound", ("more", "than"): "lower_bound", ("over",): "lower_bound",
    ("above",): "lower_bound", ("upwards", "of"): "lower_bound", ("in", "excess", "of"): "lower_bound",
    ("no", "fewer", "than"): "lower_bound", ("no", "less", "than"): "lower_bound", ("higher", "than"): "lower_bound",
    ("a", "minimum", "of"): "lower_bound", ("greater", "than"): "lower_bound", ("exceeding",): "lower_bound",
    ("as", "many", "as"): "upper_bound", ("as", "much", "as"): "upper_bound", ("up", "to"): "upper_bound",
    ("at", "most"): "upper_bound", ("less", "than"): "upper_bound", ("fewer", "than"): "upper_bound",
    ("under",): "upper_bound", ("below",): "upper_bound", ("no", "more", "than"): "upper_bound",
    ("a", "maximum", "of"): "upper_bound", ("lower", "than"): "upper_bound", ("just", "under"): "upper_bound",
    ("not", "quite"): "upper_bound",
    # Market slang: "north of $1bn" is more than it, "shy of 10%" less.
    ("north", "of"): "lower_bound", ("south", "of"): "upper_bound", ("shy", "of"): "upper_bound",
    # "nearly 300" is read as about 300, not as a bound: news uses it for round figures, and a bound would
    # turn "nearly 300" against "310" into a conflict no reader sees.
    ("nearly",): "approx", ("almost",): "approx", ("about",): "approx", ("around",): "approx",
    ("approximately",): "approx", ("roughly",): "approx", ("some",): "approx", ("an", "estimated"): "approx",
    ("estimated",): "approx", ("approx",): "approx", ("approx", "."): "approx", ("circa",): "approx",
    ("close", "to"): "approx", ("~",): "approx", ("round",): "approx", ("an", "approximate"): "approx",
    ("in", "the", "region", "of"): "approx",
}
_LONGEST_APPROXIMATOR = max(len(words) for words in APPROXIMATORS)
# Words before a figure that belong to its phrase without changing its value.
ADDITIVES = {("an", "additional"), ("a", "further"), ("another",), ("an", "extra"), ("only",), ("just",)}
DURATION_WORDS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
                  "fortnight", "night"}
# Units of measure: a figure with one of these counts the unit, not a thing.
MEASURE_WORDS = DURATION_WORDS | {
    "kilometer", "kilometre", "km", "mile", "meter", "metre", "m", "foot", "feet", "inch", "yard", "acre",
    "hectare", "kg", "kilogram", "gram", "tonne", "ton", "pound", "lb", "litre", "liter", "gallon", "barrel",
    "degree", "mph", "kph", "square", "mw", "gw", "kw", "kwh", "watt", "volt", "times", "point", "percentage",
    "megawatt", "gigawatt", "kilowatt", "terawatt", "megabyte", "gigabyte", "terabyte", "calorie", "knot",
    "millimetre", "millimeter", "centimetre", "centimeter",
}
# Units of a size that a hyphen ties to a noun it describes: "a 10-metre boat", "a 30-foot yacht".
SIZE_UNITS = MEASURE_WORDS - DURATION_WORDS - {"times", "square", "point", "percentage", "degree"}
# Currency abbreviations that spell no English word, so that a capital at the start only still makes them one.
WORDLESS_CURRENCY_ABBREVIATIONS = {"ksh", "dhs", "sfr"}
# Words between the sides of an area: "4m by 5m", "3m x 2m".
DIMENSION_LINKS = {"by", "x", "×"}
RANGE_LINKS = {"to", "-", "–", "—", "and", "through"}
PERCENT_WORDS = {"%", "percent", "pct", "pc"}
# Units written as several words after a figure: a length per hour is a speed ("75 miles per hour", "300 kilometres
# an hour", "120 km/h" spaced), degrees with their scale a temperature ("40 degrees Celsius"), not a length or a
# count of degrees.
UNIT_PHRASES = {
    ("per", "cent"): "percent",
    ("miles", "per", "hour"): "mph", ("miles", "an", "hour"): "mph", ("mile", "per", "hour"): "mph",
    ("kilometres", "per", "hour"): "km/h", ("kilometres", "an", "hour"): "km/h",
    ("kilometers", "per", "hour"): "km/h", ("kilometers", "an", "hour"): "km/h", ("km", "/", "h"): "km/h",
    ("km", "per", "hour"): "km/h", ("km", "an", "hour"): "km/h",
    ("degrees", "celsius"): "celsius", ("degrees", "centigrade"): "celsius", ("degrees", "fahrenheit"): "fahrenheit",
    ("degrees", "c"): "celsius", ("degrees", "f"): "fahrenheit",
    # An area is no length: "40 square miles" burned is not 40 miles from anywhere.
    ("square", "miles"): "square miles", ("square", "mile"): "square miles", ("sq", "mi"): "square miles",
    ("square", "kilometres"): "km²", ("square", "kilometers"): "km²", ("square", "kilometre"): "km²",
    ("square", "kilometer"): "km²", ("square", "km"): "km²", ("sq", "km"): "km²",
    ("square", "metres"): "m²", ("square", "meters"): "m²", ("square", "metre"): "m²", ("square", "meter"): "m²",
    ("sq", "m"): "m²", ("square", "feet"): "sq ft", ("square", "foot"): "sq ft", ("sq", "ft"): "sq ft",
}
MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
# The units of glued time suffixes ("20mins", "3hrs"): a date's entity may hold them ("2yrs ago").
TIME_UNITS = {"seconds", "minutes", "hours", "years"}
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "noon", "midnight", "gmt", "bst", "et", "pt"}
# Plurals a year names the period of ("expects 2024 sales", "the 2019 elections"), never counts of them.
YEARLY_NOUNS = {"sales", "earnings", "results", "profits", "revenues", "accounts", "elections", "forecasts",
                "targets", "estimates", "exams", "finances", "games", "olympics", "budgets", "rankings", "standings",
                "playoffs"}
# Time zones after a time written as four digits, as wire copy writes it: "1200 GMT", "0930 local time".
TIME_ZONES = {"gmt", "bst", "utc", "cet", "cest", "est", "edt", "cst", "pst", "pdt", "et", "pt", "ist", "jst",
              "local", "hrs"}
# Named things with numbers in them ("S&P 500", "Digital Economy Act 2017", "Channel 5") are not figures.
NAME_ENTITIES = {"ORG", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC"}
# "one" is mostly a pronoun or a determiner after these words; so are small numbers after "the".
REFERRING_WORDS = {"the", "these", "those", "both", "its", "their", "his", "her", "our", "my", "all", "this",
                   "that", "any", "no", "every", "each", "which", "such", "last", "first", "next"}
# "the second half", "the first quarter": periods, not fractions.
# "killing two and wounding a third": the place of one more after a count one smaller.
ORDINAL_PLACES = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
# Nouns after an ordinal that make it a time or a turn, not one more person: "a third term", "a second day".
PERIOD_NOUNS = {"time", "term", "day", "week", "month", "year", "round", "half", "quarter", "period", "game",
                "match", "season", "place", "consecutive", "straight", "successive", "attempt", "try", "tier"}
# Words before a bare fraction that make it the size of a change, a bound or a level it moved from or to: "fell by a
# third", "just over half", "rose from a fifth to a third".
SHARE_LEADS = {"by", "between", "than", "over", "nearly", "almost", "about", "around", "roughly", "under", "just",
               "from", "to"}
# Words after "half" that name what it is half of: "half the money", "half their income", "half a million".
SHARE_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "our", "all", "this", "that", "these", "those"}
PERIOD_WORDS = {"the", "first", "second", "third", "fourth", "final", "last", "next", "previous", "opening"}
# Nouns that a number after them names one of a series by: "Category 2", "stage 4", "Terminal 5", "Form 10-K",
# "junction 12".
SERIES_NOUNS = {"category", "stage", "level", "tier", "grade", "class", "phase", "terminal", "gate", "platform",
                "pier", "route", "highway", "interstate", "section", "article", "chapter", "form", "title", "flight",
                "division", "room", "ward", "zone", "channel", "radio", "version", "season", "episode", "series",
                "volume", "formula", "junction"}
MARKET_INDICES = {"s&p", "ftse", "nikkei", "dax", "cac", "russell", "stoxx", "dow", "sensex", "kospi"}
# Distances run in athletics and swimming, written "100m": read as metres beside a sport word or alone.
RACE_DISTANCES = {50, 60, 100, 110, 200, 400, 800, 1000, 1500, 3000, 5000, 10000}
# Words right after "100m" that make it a race or a mark, not a sum: "100m champion", "800m runners".
SPORT_WORDS = {"hurdles", "freestyle", "butterfly", "backstroke", "breaststroke", "medley", "relay", "sprint",
               "dash", "race", "races", "final", "finals", "heat", "heats", "title", "titles", "record", "records",
               "champion", "champions", "gold", "silver", "bronze", "steeplechase", "individual", "medal",
               "medallist", "finalist", "runner", "runners", "victory", "win", "crown", "mark", "hope", "stage",
               "qualifying", "ranking", "rankings", "barrier", "line", "penalty", "course", "event", "world",
               "indoor", "indoors", "personal", "season", "legend", "man", "woman", "specialist", "hurdler", "swimmer",
               "events"}
# Words of a sentence about a race or a field event, where "4.88m" or "the 1,000m" is metres even with no
# sport word beside it ("cleared 4.88m", "a leap of 17.30m", "won the 1,000m at the Grand Prix"). Words a
# business story uses too ("record", "final", "win") are left out: "a record 15.3m" there counts viewers.
SPORT_CUES = {"race", "runner", "sprint", "sprinter", "hurdle", "hurdles", "relay", "jump", "vault", "leap",
              "throw", "clear", "clearance", "lap", "athletics", "athlete", "olympic", "olympics", "indoor", "medal",
              "medallist", "champion", "championship", "freestyle", "butterfly", "backstroke", "breaststroke",
              "swimmer", "steeplechase", "marathon", "heptathlon", "decathlon", "penalty", "kick", "try"}
# Distinct sport words in a passage that make a race's distance written "1500m" metres anywhere in it.
PASSAGE_SPORT_CUES = 2
# Distinct sport words in a passage about athletics, where any length written "Nm" is metres: a split ("through
# 1200m") or a mark ("a best of 16.76m"). More than for a race's distance, since a football club's accounts may
# name a penalty and a champion beside a sum.
ATHLETICS_PASSAGE_CUES = 4
# Words beside a score ("won 3-1", "a 2-2 draw", "ended 1-1"), which is not a range.
RESULT_WORDS = {"won", "win", "wins", "beat", "beating", "lost", "lose", "losing", "drew", "draw", "drawn", "led",
                "lead", "leading", "trailed", "trail", "trailing", "victory", "defeat", "loss", "scoreline",
                "thrashing", "triumph", "success", "reverse", "aggregate", "home", "away", "winner", "deficit",
                "margin", "ended", "finished", "advantage", "edged", "thrashed", "hammered", "routed", "defeated",
                "overcame", "crushed", "clinched"}
# Words before a race's distance with nothing after it: "won the 800m", "the women's 1500m", "the final 200m".
RACE_OPENERS = {"the", "in", "over", "'s", "’s", "final", "last"}
# A time a race is run in, beside its distance ("200m in under 20.5 seconds", "21.72 secs"); a race clock writes
# minutes, seconds and hundredths ("4:02.77").
RACE_TIME_UNITS = {"second", "seconds", "sec", "secs"}
RACE_CLOCK = re.compile(r"\d{1,2}:\d{2}\.\d{1,2}")
UNITS_BELOW_TEN = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}


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
    frame: Frame


@dataclass
class _Figure:
    first: int  # token index of the first word of the figure, currency symbol included
    last: int  # token index of its last word, unit included
    low: float
    high: float
    vague: bool = False
    currency: str | None = None
    unit: str | None = None


def find_quantities(doc: Doc) -> Iterator[QuantityFinding]:
    index = 0
    read_up_to = -1  # the last token of the last figure read
    while index < len(doc):
        figure = _figure_at(doc, index)
        if figure is None:
            index += 1
            continue
        score_end = _score_end(doc, figure)
        if score_end is not None:
            index = score_end + 1
            continue
        if _ends_a_dashed_pair(doc, figure.first) and read_up_to != figure.first - 2:
            # "Arsenal 2-0", "Boeing 737-800": the number before the dash was a name's, so this one is too; after
            # one side of a vote's tally ("voted 31-13") the other side is a figure too.
            index = figure.last + 1
            continue
        finding = _read_claim(doc, figure)
        consumed = figure.last
        if finding is not None:
            consumed = max(consumed, doc.char_span(finding.start, finding.end, alignment_mode="expand").end - 1)
            read_up_to = consumed
            yield finding
        index = consumed + 1


def _ends_a_dashed_pair(doc: Doc, index: int) -> bool:
    """The number at `index` follows a number and a dash with no space ("2-0", "737-800") or with one on each
    side ("98 - 95"): the second of a pair whose first was not read as a figure, since a range or a score is read
    from its first number."""
    if index < 2 or doc[index - 1].text not in ("-", "–"):
        return False
    glued = not doc[index - 2].whitespace_ and not doc[index - 1].whitespace_ and doc[index - 2].like_num
    # "the Celtics 98 - 95": a pair of whole numbers spaced evenly about the dash.
    spaced = doc[index - 2].whitespace_ and doc[index - 1].whitespace_ and doc[index - 2].text.isdigit()
    return glued or spaced


def _ends_a_tally(token: Token) -> bool:
    """The lower side of a vote's tally written with a dash ("passed the bill 40-12 on Tuesday"), which the
    small model takes for a date with the day beside it."""
    doc = token.doc
    if not _ends_a_dashed_pair(doc, token.i) or not token.text.isdecimal() or not doc[token.i - 2].text.isdecimal():
        return False
    # A split-decision word is looked for beside the pair's first number, as frames look for it.
    return int(doc[token.i - 2].text) > int(token.text) and names_a_vote(doc[token.i - 2])


def _is_figure_start(token: Token) -> bool:
    doc = token.doc
    if _inside_a_name(token) or _is_calendar_or_clock(token):
        return False
    lower = token.lower_
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if lower in REPEAT_ADVERBS:
        return _counts_repeats(token)
    if _names_a_road(token):
        return False
    if lower in UNITS_BELOW_TEN and before is not None and before.lower_ in REFERRING_WORDS:
        # "the two leaders" refers back to people; "this one" is a pronoun: neither states a figure.
        return False
    if lower == "one" and after is not None and after.lower_ in ("another", "'s", "’s"):
        return False
    if lower == "one" and after is not None and after.lower_ == "point" and before is not None and \
            before.lower_ == "at":
        # "at one point": a moment ("At one point two men climbed in"), not a score of one.
        return False
    if lower == "one" and after is not None and after.text == "-" and token.i + 2 < len(doc) and \
            not _hyphen_keeps_a_figure(doc[token.i + 2]):
        # "one-off costs", "a one-time fee", "a one-sided game": an adjective; "a one-day strike" is a figure.
        return False
    if lower in FRACTION_WORDS:
        # "half of", "half a million", "half the money"; a bare "half" or "quarter" is mostly a period ("second
        # half").
        return not (before is not None and before.lower_ in PERIOD_WORDS) and _states_a_share(token, before)
    if _one_more(token):
        return True
    if lower in ("a", "an") and after is not None and after.lower_ in FRACTION_WORDS:
        # "a third of voters" is a share; "a third defendant" is an ordinal.
        return _states_a_share(after, before)
    if lower in NUMBER_WORDS and _is_spelled_in_a_name(token):
        return False
    if lower in NUMBER_WORDS or lower in VAGUE_PLURALS or parse_fold(lower):
        return True
    if lower in ("a", "an", "tens") and after is not None:
        return after.lower_ in ("dozen", "hundred", "thousand", "million", "billion") or (
            lower == "tens" and after.lower_ == "of")
    if lower == "minus":
        # "plus or minus 3 points" is a margin of 3, not -3: the figure starts after it.
        margin = token.i >= 2 and doc[token.i - 2].lower_ == "plus" and doc[token.i - 1].lower_ == "or"
        return not margin and after is not None and (read_figure_token(after.text) is not None or after.text == "-")
    parsed = read_figure_token(_figure_text(doc, token.i))
    if parsed is None or _is_year(token, parsed[0]) or _is_four_digit_time(token):
        return False
    if parsed[1] and parsed[1] not in UNIT_SUFFIXES:
        # "96th", "49ers", "1990s", "22pm": an ordinal, a name, a decade or a clock time.
        return False
    return not _is_part_of_a_name(token) or _opens_a_tally(token)


def _states_a_share(fraction: Token, before: Token | None) -> bool:
    """A fraction word that states a share: of something ("a third of voters", "half the money", "half a
    million"), in points ("a quarter point", "a half-point rise"), or as the size of a change or a bound with
    nothing after it that it would name a part of ("fell by a third", "cut by half", "just over half", "between a
    fifth and a quarter")."""
    doc = fraction.doc
    after = doc[fraction.i + 1] if fraction.i + 1 < len(doc) else None
    if after is not None and after.text == "-":
        after = doc[fraction.i + 2] if fraction.i + 2 < len(doc) else None
        return after is not None and after.lower_ == "point"
    if after is not None and (after.lower_ in ("of", "point") or fraction.lower_ in ("half", "halves") and
                              after.lower_ in SHARE_DETERMINERS):
        return True
    # A plural with no number before it is a period or a part ("between halves"), never a share.
    bounded = before is not None and before.lower_ in SHARE_LEADS and not fraction.lower_.endswith("s")
    return bounded and (after is None or after.is_punct or after.pos_ in ("ADP", "CCONJ", "SCONJ", "VERB", "AUX") or
                        after.ent_type_ in ("DATE", "TIME"))


def _hyphen_keeps_a_figure(word: Token) -> bool:
    """The word after "one-" that leaves it a figure: a unit ("one-day"), a currency ("a one-pound coin"), a scale
    ("one-million") or a fraction ("One-tenth")."""
    lower = word.lower_
    return word.lemma_.lower() in MEASURE_WORDS or lower in FRACTION_WORDS or lower in NUMBER_WORDS or \
        lower in CURRENCY_WORDS


def _is_spelled_in_a_name(token: Token) -> bool:
    """"the Six Nations", "Radio Five Live", "Formula One": running text writes a number in words in lower
    case, so one with a capital inside a sentence, beside another capitalised word, is part of a name."""
    doc = token.doc
    if not token.is_title or token.is_sent_start or token.i == 0 or doc[token.i - 1].is_punct or \
            _fraction_at(doc, token.i) is not None:
        # "Storm hits Cumbria Two-thirds of farms": a share after a headline run into the text.
        return False
    before, after = doc[token.i - 1], doc[token.i + 1] if token.i + 1 < len(doc) else None
    return before.is_title and before.pos_ == "PROPN" or after is not None and after.is_title and \
        after.ent_type_ != "NORP"


def _one_more(token: Token) -> bool:
    """"a third" after a count of two in its sentence: one more of the same ("killing two co-workers and
    wounding a third"), not a share and not an ordinal of time ("a third term", "a third of voters")."""
    doc = token.doc
    if token.lower_ not in ("a", "an") or token.i + 1 >= len(doc):
        return False
    place = ORDINAL_PLACES.get(doc[token.i + 1].lower_)
    following = doc[token.i + 2] if token.i + 2 < len(doc) else None
    if place is None or following is not None and (following.lower_ == "of" or following.lemma_.lower() in
                                                   PERIOD_NOUNS or following.ent_type_ in ("DATE", "TIME")):
        return False
    counts_before = (_spelled_or_written(t) for t in doc[sentence_of(token).start: token.i])
    return place - 1 in counts_before


def _spelled_or_written(token: Token) -> float | None:
    written = read_figure_token(token.text)
    return written[0] if written is not None and not written[1] else parse_words([token.text])


def _opens_a_tally(token: Token) -> bool:
    """"beating Tim Rayburn 134-63 in a secret ballot": a vote's tally after a name the small model runs on
    into the number."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text in ("-", "–") and doc[token.i + 2].like_num and \
        names_a_vote(token)


def _inside_a_name(token: Token) -> bool:
    """A number after the words of a named thing: "S&P 500", "Digital Economy Act 2017". The small
    model's labels on a figure alone ("24pc" as ORDINAL, "5kW" as ORG) are not trusted, nor on a figure after
    its currency code ("CHF 2bn" as ORG)."""
    if token.ent_type_ not in NAME_ENTITIES:
        return False
    entity = entity_of(token)
    return any(t.is_alpha and not t.like_num and _currency_symbol(t) is None
               for t in token.doc[entity.start: token.i])


def _is_year(token: Token, value: float) -> bool:
    """"in 2001", "the 2001 audit": a year, also as the modifier of a singular noun or of what a year yields
    ("2024 sales", "2019 elections"); "2001 candidates", "1500 tonnes" and "1500m" count."""
    if not (token.text.isdigit() and len(token.text) == 4 and 1500 <= value <= 2100):
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is None or after.pos_ != "NOUN" or after.lemma_ in DURATION_WORDS or after.lower_ in YEARLY_NOUNS:
        return True
    counts_it = after.tag_ == "NNS" or after.lemma_.lower() in MEASURE_WORDS or not token.whitespace_
    return not counts_it


def _is_four_digit_time(token: Token) -> bool:
    """"1200 GMT", "0930 local time", "at 0600": a time of day written as wire copy writes it; with a leading
    zero it is never a count."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return re.fullmatch(r"[0-2]\d[0-5]\d", token.text) is not None and int(token.text) < 2400 and (
        token.text.startswith("0") or after is not None and after.lower_ in TIME_ZONES)


def _is_calendar_or_clock(token: Token) -> bool:
    """Dates and times of day; durations ("two days", "six minutes") and numbers the small model mislabels
    as dates ("sales of 5835 units") stay figures."""
    if token.ent_type_ not in ("DATE", "TIME") or _measures_other_than_time(token) or _ends_a_tally(token):
        return False
    doc = token.doc
    entity = entity_of(token)
    words = {t.lower_ for t in entity}
    if token.ent_type_ == "TIME":
        following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        return bool(words & CLOCK_WORDS) or following in CLOCK_WORDS or ":" in token.text
    nearby = {t.lower_.rstrip(".") for t in doc[max(token.i - 2, 0): token.i + 3]}
    after_entity = doc[entity.end].lower_ if entity.end < len(doc) else ""
    return bool(nearby & MONTHS_AND_DAYS) or _opens_a_date_range(token) or \
        ("ago" in words or after_entity == "ago") and not joined_ago(token) or \
        token.text.endswith("s") and token.text[:-1].isdigit()


def _opens_a_date_range(token: Token) -> bool:
    """"from 5 to 8 June", "between 12 and 14 March": the first day of a range whose last day names the month."""
    doc = token.doc
    return token.i + 3 < len(doc) and doc[token.i + 1].lower_ in RANGE_LINKS and doc[token.i + 2].like_num and \
        doc[token.i + 3].is_title and doc[token.i + 3].lower_.rstrip(".") in MONTHS_AND_DAYS


def _measures_other_than_time(token: Token) -> bool:
    """"10.1pc in July", "£5m in March", "4% last month": a figure with a currency, a scale or a unit other than
    time, glued to it or right after it, is no date, though the small model runs the date's entity over it."""
    parsed = read_figure_token(token.text)
    if parsed is None:
        return False
    _, suffix, currency = parsed
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    scaled = not suffix and re.search(r"\d[a-z]+\.?$", token.text, re.IGNORECASE) is not None
    glued_unit = suffix in UNIT_SUFFIXES and UNIT_SUFFIXES[suffix] not in TIME_UNITS
    return currency is not None or scaled or glued_unit or after is not None and after.lower_ in PERCENT_WORDS


def _is_part_of_a_name(token: Token) -> bool:
    """"Chris Doane Automotive 15", "Part 3", "(4)" after a player's name: labels, not figures."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and before.text == "(" and after is not None and after.text == ")":
        return True
    if before is not None and before.lower_ in MARKET_INDICES:
        return True
    label = not (after is not None and (
        after.lower_ in PERCENT_WORDS or after.lower_ in MEASURE_WORDS or after.lemma_.lower() in MEASURE_WORDS or
        after.lower_ in SCALE_SUFFIXES))
    if label and before is not None and (before.lower_ in SERIES_NOUNS or before.text in ("No", "No.", "Nos")):
        # "the No 12 shirt", "a Category 2 hurricane", "stage 4 cancer", "version 7.60": a number worn or named;
        # "won the title 3 times" and "volume 2.3 million" are figures.
        return True
    # A name that opens the sentence is a name when the number hangs from it ("Apollo 11 landed"); a name may
    # be written with a capital inside ("iPhone 15").
    names_before = before is not None and before.pos_ == "PROPN" and not before.is_lower and (
        not before.is_sent_start or token.head.i == before.i) and _currency_symbol(before) is None
    # A noun with a subject of its own is a verb the model mistook ("Windows 10 ends in October"); a number above
    # one before a singular noun names a model or a list ("the Pentium 4 chip", "a Fortune 500 firm").
    counts_after = after is not None and (after.pos_ in ("NOUN", "PROPN", "NUM") or after.lower_ in PERCENT_WORDS) \
        and not any(child.dep_ == "nsubj" for child in after.children) and not _singular_after_a_number(token, after) \
        and not _ends_a_name(after)
    # The number hangs from the name, or the name from the number ("released iOS 17": "iOS" compounds onto "17").
    joined = token.dep_ in ("nummod", "compound", "appos", "npadvmod", "quantmod") or (
        before is not None and before.dep_ == "compound" and before.head.i == token.i)
    return names_before and not counts_after and joined


def _ends_a_name(noun: Token) -> bool:
    """"Boeing 787 Dreamliners", "Boeing 747 Jumbos": a capitalised noun inside the sentence that ends the phrase
    after a name's number is the rest of the name; capitalised words before a count's own noun are not ("handed
    Chelsea 3 Premier League points")."""
    return noun.is_title and not noun.is_sent_start and not (noun.dep_ == "compound" and noun.head.i > noun.i)


def _singular_after_a_number(number: Token, noun: Token) -> bool:
    """"4 chip", "500 firm": a common noun in the singular after plain digits above one, which no count takes; a
    unit ("10 year", "3 km"), a currency ("2bn reais") or a per cent sign may stay singular."""
    return number.text.isdigit() and int(number.text) > 1 and noun.tag_ == "NN" and noun.is_alpha and \
        noun.lemma_.lower() not in MEASURE_WORDS and noun.lower_ not in UNIT_SUFFIXES and \
        noun.lower_ not in SCALE_SUFFIXES and noun.lower_ not in CURRENCY_WORDS and noun.lower_ not in PERCENT_WORDS


def _names_a_road(token: Token) -> bool:
    """"on U.S. 421", "along US 23": a highway's number after the country's name, where a preposition places
    something on it."""
    doc = token.doc
    return token.i >= 2 and token.text.isdigit() and doc[token.i - 1].text in ("U.S.", "US") and \
        doc[token.i - 2].lower_ in ("on", "along", "off", "onto", "via", "near", "of", "from", "to") and \
        (token.i + 1 == len(doc) or doc[token.i + 1].text not in ("-", "–"))


def _counts_repeats(token: Token) -> bool:
    """"shot twice" counts shots as "shot three times" does; "twice as big", "twice the size", "twice a day"
    and "twice weekly" compare or give a rate."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.head.pos_ == "VERB" and token.dep_ == "advmod" and \
        (after is None or after.lower_ not in ("as", "the", "that", "a", "an", "per", "more", "over", "its", "their",
                                               "daily", "weekly", "monthly", "yearly", "annually"))


def _figure_at(doc: Doc, index: int) -> _Figure | None:
    """The figure starting at token `index`: its tokens, value, currency and any unit glued to it."""
    token = doc[index]
    if not _is_figure_start(token):
        return _joined_range(doc, index) or _suspended_figure(doc, index)
    lower = token.lower_
    if lower == "minus":
        number = index + 2 if doc[index + 1].text == "-" else index + 1
        figure = _figure_at(doc, number) if number < len(doc) else None
        if figure is None:
            return None
        figure.first, figure.low, figure.high = index, -figure.high, -figure.low
        return figure
    if lower == "tens" or lower in VAGUE_PLURALS:
        low, high = VAGUE_PLURALS.get(lower, (10, 100))
        if index + 2 < len(doc) and doc[index + 1].lower_ == "of" and doc[index + 2].lower_ in VAGUE_PLURALS:
            # "tens of thousands", "hundreds of thousands": the first counts the second's units.
            unit = VAGUE_PLURALS[doc[index + 2].lower_][0]
            return _Figure(index, index + 2, low * unit, high * unit, vague=True)
        return None if lower == "tens" else _Figure(index, index, low, high, vague=True)
    if _one_more(token):
        return _Figure(index, index + 1, 1, 1)
    fold = parse_fold(lower) or REPEAT_ADVERBS.get(lower)
    if fold is not None:
        return _Figure(index, index, fold, fold, unit="times")
    fraction = _fraction_at(doc, index) or _ratio_at(doc, index)
    if fraction is not None:
        return fraction
    words = [_figure_text(doc, index)]
    last = index
    while re.fullmatch(r"\d{1,3}(?: \d{3})*", " ".join(words)) and last + 1 < len(doc) and \
            re.fullmatch(r"\d{3}", doc[last + 1].text) and doc[last].whitespace_ == " ":
        # "300 000 personnes": thousands grouped with spaces, as much of Europe writes them.
        words.append(doc[last + 1].text)
        last += 1
    if len(words) > 1:
        value = float("".join(words))
        return _Figure(index, last, value, value)
    last = _number_words(doc, words, last)
    if words[0].lower() in ("a", "an") and len(words) == 1:
        return None
    glued = read_figure_token(words[0])
    value = _value(words)
    if value is None:
        return None
    value, last = _and_a_fraction(doc, value, last)
    currency = glued[2] if glued else None
    unit = UNIT_SUFFIXES.get(glued[1]) if glued and glued[1] else None
    first = index if words[0] == token.text else index - 1
    symbol_before = _currency_symbol_before(doc, index)
    if currency is None and symbol_before is not None:
        currency, first = symbol_before, index - 1
    metres = _metres_written(doc, index, words)
    if currency is None and metres is not None and _reads_as_metres(doc, index, last, metres):
        # "won the 100m", "cleared 4.88m", "508m tall": metres, not millions.
        value, unit = metres, "metres"
    return _Figure(first, last, value, value, currency=currency, unit=unit)


def _number_words(doc: Doc, words: list[str], last: int) -> int:
    """Extend `words`, the figure read so far up to token `last`, with the number words and scales after it
    ("twenty - eight thousand", "3.9 bn"); the new last token."""
    while last + 1 < len(doc):
        word = doc[last + 1].lower_
        # "and" goes on after a scale only ("two hundred and fifty"): "between five and six thousand" is a range.
        joiner = NUMBER_WORDS if word == "-" else SCALES
        spelled = word in NUMBER_WORDS or (word in ("-", "and") and last + 2 < len(doc)
                                            and doc[last + 2].lower_ in NUMBER_WORDS and words[-1].lower() in joiner)
        scale_after_digits = word.rstrip(".") in SCALE_SUFFIXES and read_figure_token(words[-1]) is not None
        if _spoken_decimal_point(doc, words, last):
            words.append(doc[last + 1].text)
            last += 1
            continue
        if word == "-" and last + 2 < len(doc) and doc[last + 2].lower_ in SCALE_SUFFIXES and \
                len(doc[last + 2].text) > 1 and len(words) == 1 and read_figure_token(words[0]) is not None:
            # "a $2.1-billion charge", "a 450-million-euro fine", "the Rs 500-crore plan": the scale hyphenated
            # to the number ("a 500-m race" is a length).
            words.append(doc[last + 2].text)
            last += 2
            continue
        if not (spelled or scale_after_digits):
            break
        words.append(doc[last + 1].text)
        last += 1
    return last


def _spoken_decimal_point(doc: Doc, words: list[str], last: int) -> bool:
    """"nine point one percent", "one point two billion": "point" after a number in words and before a digit in
    words is a decimal point."""
    return last + 2 < len(doc) and doc[last + 1].lower_ == "point" and doc[last + 2].lower_ in DIGIT_WORDS and \
        words[-1].lower() in NUMBER_WORDS and "point" not in (word.lower() for word in words)


def _and_a_fraction(doc: Doc, value: float, last: int) -> tuple[float, int]:
    """"two and a half years", "one and a half million pounds": the fraction added after "and a", times a scale
    after it; the value and its last token."""
    # Written with hyphens too: "two-and-a-half hours".
    hyphenated = last + 1 < len(doc) and doc[last + 1].text == "-"
    step = 2 if hyphenated else 1
    words = [doc[i].lower_ for i in range(last + step, min(last + 3 * step + 1, len(doc)), step)]
    if len(words) < 3 or words[:2] != ["and", "a"] or words[2] not in ("half", "quarter") or value != int(value):
        return value, last
    value, last = value + 1 / FRACTION_WORDS[words[2]], last + 3 * step
    scale = SCALES.get(doc[last + 1].lower_) if last + 1 < len(doc) else None
    if scale is not None:
        value, last = value * scale, last + 1
    return value, last


def _figure_text(doc: Doc, index: int) -> str:
    """The text of the figure at token `index`, with the dollar sign the tokenizer split from a country's
    letters after it put back ("$", "US1.2bn" → "$US1.2bn")."""
    token = doc[index]
    if index > 0 and doc[index - 1].text == "$" and not doc[index - 1].whitespace_ and token.text[:1].isalpha():
        return "$" + token.text
    return token.text


def _joined_range(doc: Doc, index: int) -> _Figure | None:
    """A range written as one word: two figures with one unit ("150p-175p") or scale ("2bn-3bn"), two prices in
    one currency ("$7/$9", "$180-$200", "€5bn-€7bn", tokenised "$", "7/$9"), where a scale after them belongs to
    both ends ("€1.2-€1.5", "billion"), or two percentages ("2.5%-3%", tokenised "2.5%-3", "%")."""
    parts = re.fullmatch(r"(.+?)[/\-–](.+)", doc[index].text)
    if parts is None:
        return None
    if parts.group(1).endswith("%"):
        return _joined_percentages(doc, index, parts.group(1)[:-1], parts.group(2))
    low, high = read_figure_token(parts.group(1)), read_figure_token(parts.group(2))
    if low is not None and high is not None and low[1] and low[1] == high[1] and low[1] in UNIT_SUFFIXES and \
            low[2] is None and high[2] is None:
        # "150p-175p", "5km-7km": one unit glued to both ends.
        return _Figure(index, index, min(low[0], high[0]), max(low[0], high[0]), unit=UNIT_SUFFIXES[low[1]])
    currency = _currency_symbol(doc[index - 1]) if index > 0 else None
    if low is not None and high is not None and not (low[1] or high[1] or low[2] or high[2]) and \
            re.search(r"\d[a-z]+$", parts.group(1), re.IGNORECASE):
        # "2bn-3bn euros", "$5bn-7bn", "40m-50m pounds" (tokenised "40m-50", "m"): a scale glued to both ends; a
        # currency named after them is read with the unit.
        last, high_value = index, high[0]
        if not re.search(r"[a-z]$", parts.group(2), re.IGNORECASE):
            scale = SCALE_SUFFIXES.get(doc[index + 1].lower_.rstrip(".")) if index + 1 < len(doc) else None
            if scale is None or doc[index].whitespace_:
                return None
            last, high_value = index + 1, high_value * scale
        if currency is None:
            high_text = parts.group(2) + (doc[last].text if last > index else "")
            lengths = _range_in_metres(doc, index, last, parts.group(1), high_text)
            if lengths is not None:
                return lengths
        first = index - 1 if currency else index
        return _Figure(first, last, min(low[0], high_value), max(low[0], high_value), currency=currency)
    if currency is None:
        return None
    if low is None or high is None or low[1] or high[1] or high[2] != currency:
        return None
    last, low_value, high_value = index, low[0], high[0]
    scale = SCALE_SUFFIXES.get(doc[index + 1].lower_.rstrip(".")) if index + 1 < len(doc) else None
    if scale is not None and not re.search(r"[a-z]$", parts.group(2), re.IGNORECASE):
        last, high_value = index + 1, high_value * scale
        if not re.search(r"[a-z]$", parts.group(1), re.IGNORECASE) and low_value * scale <= high_value:
            low_value *= scale
    return _Figure(index - 1, last, min(low_value, high_value), max(low_value, high_value), currency=currency)


def _range_in_metres(doc: Doc, index: int, last: int, low_text: str, high_text: str) -> _Figure | None:
    """"180m-200m high" (tokenised "180m-200", "m"): both ends written in metres, read as lengths where one of
    them alone would be ("200m high")."""
    low, high = _metres_written(doc, index, [low_text]), _metres_written(doc, index, [high_text])
    if low is None or high is None or not _reads_as_metres(doc, index, last, high):
        return None
    return _Figure(index, last, min(low, high), max(low, high), unit="metres")


def _suspended_figure(doc: Doc, index: int) -> _Figure | None:
    """"30- to 40-year-old", "two- or three-bedroom": a number whose hyphen waits for the unit of the next figure,
    a figure of its own as NewsQuant writes it, with that unit when a link joins the two."""
    if not re.fullmatch(r"\w[\w,.]*-", doc[index].text):
        return None
    written = read_figure_token(doc[index].text[:-1])
    number = written[0] if written is not None and not written[1] else parse_words([doc[index].text[:-1]])
    if number is None:
        return None
    linked = index + 2 < len(doc) and doc[index + 1].lower_ in ("to", "or", "and")
    following = _figure_at(doc, index + 2) if linked else None
    if following is None:
        return _Figure(index, index, number, number)
    return _Figure(index, index, number, number, currency=following.currency, unit=following.unit)


def _joined_percentages(doc: Doc, index: int, low_text: str, high_text: str) -> _Figure | None:
    """"2.5%-3%": the sign of the second end may come as a token of its own."""
    last = index
    if high_text.endswith("%"):
        high_text = high_text[:-1]
    elif index + 1 < len(doc) and doc[index + 1].text == "%":
        last = index + 1
    else:
        return None
    low, high = read_figure_token(low_text), read_figure_token(high_text)
    if low is None or high is None or low[1] or high[1] or low[2] or high[2]:
        return None
    return _Figure(index, last, min(low[0], high[0]), max(low[0], high[0]), unit="percent")


def _currency_symbol(token: Token) -> str | None:
    """The currency of a symbol or code written apart before a figure ("$", "RM", "CHF", "KSh"); a code of three
    letters only with a capital inside, so that "try 5 times" and "Try 5 times" stay counts; abbreviations that
    are no English word may have a capital only at the start ("Ksh 500", "Dhs 20")."""
    if token.is_alpha and len(token.text) >= 3 and (token.is_lower or token.is_title) and \
            token.lower_ not in WORDLESS_CURRENCY_ABBREVIATIONS:
        return None
    return CURRENCY_PREFIXES.get(token.lower_)


def _currency_symbol_before(doc: Doc, index: int) -> str | None:
    """The currency written apart before token `index`, also as an abbreviation whose full stop the tokenizer
    split off ("Rs. 450 crore" as "Rs", ".", "450")."""
    if index == 0:
        return None
    before = doc[index - 1]
    if before.text == "." and index >= 2 and not doc[index - 2].whitespace_:
        return CURRENCY_PREFIXES.get(doc[index - 2].lower_ + ".")
    return _currency_symbol(before)


def _metres_written(doc: Doc, index: int, words: list[str]) -> float | None:
    """The number of "100m", "4.88m" or "4.5 m", as one token or two ("100", "m"); None for any other figure."""
    if len(words) == 2 and words[1].lower() in ("m", "m."):
        number = words[0]
    elif len(words) == 1 and re.fullmatch(r"[\d,.]+m", words[0], re.IGNORECASE):
        number = words[0][:-1]
    else:
        return None
    parsed = read_figure_token(number)
    return parsed[0] if parsed is not None and not parsed[1] and parsed[2] is None else None


def _reads_as_metres(doc: Doc, index: int, last: int, metres: float) -> bool:
    """"Nm" is metres in a race or a field event ("the 60m hurdles", "a leap of 17.30m") or before an
    adjective of size ("508m tall"), unless a currency or a counted noun follows ("5m euros", "1.4m workers").
    A race's own distance ("her 1500m heat", "race 60m indoors") is metres wherever the passage is about
    sport or beside the time it was run in ("ran 200m in 20.5 seconds"), unless what follows is a plural that
    millions count ("100m viewers"); so is any length in a passage about athletics ("with 500m to go", "through
    1200m", "a best of 16.76m")."""
    after = doc[last + 1] if last + 1 < len(doc) and not doc[last + 1].is_sent_start else None
    before = doc[index - 1] if index > 0 else None
    if after is not None and (after.lower_ in CURRENCY_WORDS or _currency_symbol(after) is not None):
        return False
    if after is not None and (after.lower_ in SPORT_WORDS or _phrase_head(after).lower_ in SPORT_WORDS or
                              after.lower_ in LENGTH_ADJECTIVES):
        return True
    if _measures_a_side(doc, index, last):
        return True
    if after is not None and (after.lower_ in RANGE_LINKS or after.lower_ == "or") and last + 2 < len(doc):
        # "the 100m and 200m titles": two races named together, the second told by its own context; so are the
        # ends of a range ("150m to 180m tall").
        joined = _figure_at(doc, last + 2)
        if joined is not None and joined.unit == "metres":
            return True
    race_distance = metres in RACE_DISTANCES
    if after is not None and after.pos_ in ("NOUN", "PROPN") and (not race_distance or _heads_a_plural(after)):
        return False
    # "won the 800m" names a race with nothing after it; "the 100m deal" is a sum whatever opens it.
    opens_a_race = before is not None and before.lower_ in RACE_OPENERS and not (
        after is not None and after.pos_ in ("NOUN", "PROPN"))
    if race_distance and (opens_a_race or _times_a_race(doc[index].sent)):
        return True
    if any(t.lower_ in SPORT_CUES or t.lemma_.lower() in SPORT_CUES for t in doc[index].sent):
        return True
    cues = {t.lemma_.lower() for t in doc if t.lower_ in SPORT_CUES or t.lemma_.lower() in SPORT_CUES}
    return len(cues) >= (PASSAGE_SPORT_CUES if race_distance else ATHLETICS_PASSAGE_CUES)


def _times_a_race(sentence: Span) -> bool:
    """The sentence gives a time in seconds or on a race clock ("in under 20.5 seconds", "in 4:02.77"), which a
    sum in millions never comes with."""
    return any(RACE_CLOCK.fullmatch(token.text) or token.lower_ in RACE_TIME_UNITS and token.i > sentence.start and
               token.nbor(-1).like_num for token in sentence)


def _measures_a_side(doc: Doc, index: int, last: int) -> bool:
    """"4m by 5m", "3.5m x 2m": the sides of an area are both lengths, whichever of them is read."""
    if last + 2 < len(doc) and doc[last + 1].lower_ in DIMENSION_LINKS:
        return _written_in_metres(doc, last + 2)
    return index >= 2 and doc[index - 1].lower_ in DIMENSION_LINKS and _written_in_metres(doc, index - 2)


def _written_in_metres(doc: Doc, index: int) -> bool:
    """The figure ending or starting at token `index` is written as metres would be: "5m", "2.5 m"."""
    token = doc[index]
    if re.fullmatch(r"[\d,.]+m\.?", token.text, re.IGNORECASE):
        return True
    if token.lower_ in ("m", "m.") and index > 0:
        return doc[index - 1].like_num
    return token.like_num and index + 1 < len(doc) and doc[index + 1].lower_ in ("m", "m.")


def _phrase_head(noun: Token) -> Token:
    """The noun that the phrase `noun` opens ends in: "title" of "AAAs title" and "Harlow Open title", "homes" of
    "UK homes"."""
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head
    return noun


def _heads_a_plural(noun: Token) -> bool:
    """The noun phrase that `noun` opens is plural: "viewers", "AAA title" is not, "UK homes" is."""
    return _phrase_head(noun).tag_ in ("NNS", "NNPS")


def _fraction_at(doc: Doc, index: int) -> _Figure | None:
    """"a third", "two-thirds", "three quarters", "half"; of a scale, a count ("half a million", "a quarter of
    a billion", "half a dozen"), or of a point ("a quarter point")."""
    for length in (3, 2, 1):
        words = [t.text for t in doc[index: index + length]]
        value = parse_fraction(words) if len(words) == length else None
        if value is None or _counts_of_a_fraction(words):
            continue
        last = index + length - 1
        scale_at = last + 2 if last + 1 < len(doc) and doc[last + 1].lower_ == "of" else last + 1
        if scale_at + 1 < len(doc) and doc[scale_at].lower_ in ("a", "an") and \
                parse_words([doc[scale_at + 1].text]) not in (None, 0):
            scaled = value * parse_words([doc[scale_at + 1].text])
            return _Figure(index, scale_at + 1, scaled, scaled)
        point = last + 2 if last + 1 < len(doc) and doc[last + 1].text == "-" else last + 1
        if point < len(doc) and doc[point].lower_ == "point":
            # "a quarter point", "a half-point cut": a share of a percentage point.
            return _Figure(index, point, value, value, unit="points")
        return _Figure(index, last, value, value, unit="fraction")
    return None


def _counts_of_a_fraction(words: list[str]) -> bool:
    """"three quarter-point rises", "two half-day strikes": a number above one before a singular fraction word
    counts what the fraction measures; a share would be plural ("three quarters")."""
    return len(words) >= 2 and words[0].lower() not in ("a", "an", "one") and words[1].lower() in ONE_PART_WORDS


def _ratio_at(doc: Doc, index: int) -> _Figure | None:
    """"one in five", "3 in 10", "nine out of ten", "one in every four", "two out of every five": a share told as
    a count out of a count, read as a fraction; "3 in 10 minutes" is a count and a time."""
    numerator = _spelled_or_written(doc[index])
    link = index + 1
    if numerator is None or link + 1 >= len(doc) or index > 0 and doc[index - 1].lower_ == "top":
        # "the top 10 in 12 countries" is a chart and a count.
        return None
    if doc[link].lower_ == "in":
        link += 1
    elif doc[link].lower_ == "out" and doc[link + 1].lower_ == "of":
        link += 2
    else:
        return None
    if link < len(doc) and doc[link].lower_ == "every":
        link += 1
    denominator = _spelled_or_written(doc[link]) if link < len(doc) else None
    if denominator is None or not 0 < numerator < denominator or numerator != int(numerator) or \
            denominator != int(denominator) or _is_year(doc[link], denominator):
        # "killed 12 in 2019" is a count and a year.
        return None
    if doc[index + 1].lower_ == "in" and numerator != 1 and denominator > 5 and denominator % 10:
        # A share told with "in" is out of a round number or a small one ("seven in 10", "two in three"); "round
        # four in seven tries" is a place and a count. "11 out of 27" is a share whatever the numbers.
        return None
    after = doc[link + 1] if link + 1 < len(doc) else None
    if after is not None and (after.lemma_.lower() in MEASURE_WORDS or after.lower_ in MEASURE_WORDS):
        return None
    share = numerator / denominator
    return _Figure(index, link, share, share, unit="fraction")


def _value(words: list[str]) -> float | None:
    glued = read_figure_token(words[0])
    if glued is not None and len(words) == 1:
        return glued[0]
    if glued is not None and not glued[1]:
        multiplier = 1.0
        for word in words[1:]:
            scale = SCALE_SUFFIXES.get(word.lower().rstrip("."))
            if scale is None:
                return parse_words(words)
            multiplier *= scale
        return glued[0] * multiplier
    return parse_words(words)


def _unit_after(doc: Doc, figure: _Figure) -> tuple[str | None, int]:
    """A unit written after the figure ("%", "per cent", "dollars"), and the figure's new last token."""
    after = figure.last + 1
    if figure.unit:
        return figure.unit, figure.last
    if after < len(doc) and doc[after].lower_ in PERCENT_WORDS:
        return "percent", after
    for words, unit in UNIT_PHRASES.items():
        if tuple(token.lower_ for token in doc[after: after + len(words)]) == words:
            return unit, after + len(words) - 1
    symbol = _unit_symbol_after(doc, figure)
    if symbol is not None:
        return symbol
    if figure.currency:
        return f"money:{figure.currency}", figure.last
    if after + 2 < len(doc) and doc[after].text == "-" and doc[after + 1].lemma_.lower() in SIZE_UNITS and \
            doc[after + 2].pos_ in ("NOUN", "PROPN"):
        # "a 10-metre boat": the boat's length, not a count of boats.
        return doc[after + 1].lower_, after + 1
    if after + 1 < len(doc) and doc[after].text == "-" and doc[after + 1].lower_ == "fold":
        return "times", after + 1
    # "40 billion yen", "1.2bn Australian dollars", "a 4bn-euro hole"; a vague figure names its currency after
    # "of" ("millions of dollars", "hundreds of millions of pounds").
    if figure.vague:
        named = _currency_named(doc, after + 1) if after < len(doc) and doc[after].lower_ == "of" else None
    else:
        named = _currency_named(doc, after)
    if named is not None and doc[named[1]].lower_ == "won" and figure.high < 1000:
        # "Burnout 3 won three awards": the verb; a sum in won runs to thousands ("40 billion won").
        named = None
    if named is not None:
        return f"money:{named[0]}", named[1]
    return None, figure.last


def _unit_symbol_after(doc: Doc, figure: _Figure) -> tuple[str, int] | None:
    """A unit symbol the tokenizer split from the figure ("512GB" as "512", "GB"; "25 cm"; "-5 °C"), and its
    last token; a symbol that is also a word ("in") only when glued to the figure ("6ft 2in")."""
    after = figure.last + 1
    if after >= len(doc):
        return None
    token = doc[after]
    if token.text == "°" and after + 1 < len(doc) and doc[after + 1].text in ("C", "F"):
        return UNIT_SUFFIXES["°" + doc[after + 1].text], after + 1
    symbol = token.text if token.text in CASED_SUFFIXES else token.lower_
    glued = not doc[figure.last].whitespace_
    if symbol in SPACED_UNIT_SYMBOLS or glued and symbol in UNIT_SUFFIXES:
        return UNIT_SUFFIXES[symbol], after
    return None


def _currency_named(doc: Doc, index: int) -> tuple[str, int] | None:
    """The currency named from token `index` on, skipping a hyphen, and its last token: "yen", "Swiss francs"."""
    if index < len(doc) and doc[index].text == "-":
        index += 1
    if index >= len(doc):
        return None
    word = doc[index].lower_
    if word in CURRENCY_COUNTRIES and index + 1 < len(doc) and doc[index + 1].lower_ in CURRENCY_WORDS:
        return CURRENCY_COUNTRIES[word], index + 1
    if word in ("hong", "new", "south", "sri") and index + 2 < len(doc) and \
            doc[index + 1].lower_ in CURRENCY_COUNTRIES and doc[index + 2].lower_ in CURRENCY_WORDS:
        # "Hong Kong dollars", "New Zealand dollars", "South African rand", "Sri Lankan rupees".
        return CURRENCY_COUNTRIES[doc[index + 1].lower_], index + 2
    if word in CURRENCY_WORDS:
        return CURRENCY_WORDS[word], index
    code = _currency_symbol(doc[index])
    if code is not None and doc[index].is_alpha and doc[index].is_upper:
        # An ISO code after the figure: "3.5 CHF".
        return code, index
    return None


def _read_claim(doc: Doc, figure: _Figure) -> QuantityFinding | None:
    unit, end_token = _unit_after(doc, figure)
    start_token = figure.first
    low, high = figure.low, figure.high
    second = _range_end(doc, figure, unit, end_token)
    if second is not None:
        second_unit, end_token = _unit_after(doc, second)
        unit = unit or second_unit
        first_low = figure.low
        if _written_scale(doc, figure) is None:
            # "between 10 and 15 million", "€200-250m": the scale after the second figure belongs to both.
            scale = _written_scale(doc, second)
            if scale and first_low * scale <= second.high:
                first_low *= scale
        low, high = min(first_low, second.low), max(figure.high, second.high)
        if start_token > 0 and doc[start_token - 1].lower_ in ("between", "from"):
            start_token -= 1
    unit = unit or "count"

    approximator, start_token = _approximator_before(doc, start_token)
    if approximator is None:
        approximator, end_token = _approximator_after(doc, end_token)
    # Vague plurals are decade ranges ("thousands": 1,000 to 10,000), exact as NewsQuant writes them; the
    # comparer reads so wide a range as open above.
    approximator = approximator or "exact"
    start_token = _additive_before(doc, start_token)
    if approximator == "lower_bound":
        high = None
    elif approximator == "upper_bound":
        low = None

    counted_tokens = _counted(doc, second.last if second is not None else figure.last, end_token, unit)
    counted = None
    if counted_tokens:
        counted = doc[counted_tokens[0]: counted_tokens[-1] + 1].text
        head = doc[counted_tokens[-1]]
        if unit == "count" and (head.lemma_.lower() in MEASURE_WORDS or head.lower_ in MEASURE_WORDS):
            unit = head.lower_
        if counted_tokens[0] == end_token + 1 or doc[end_token + 1: counted_tokens[0]].text in ("of", ""):
            end_token = max(end_token, counted_tokens[-1])

    if unit == "count" and counted is None and second is None and not figure.vague and \
            figure.first == figure.last and not any(c.isnumeric() for c in doc[figure.first].text) and \
            doc[figure.first].ent_type_ != "CARDINAL" and not _befallen(doc[figure.first]) and \
            not doc[figure.first].text.endswith("-"):
        # A spelled number that counts nothing and that the NER does not take for a figure ("one of us"); one whose
        # hyphen waits for the next figure's unit counts what that one does ("two- or three-bedroom homes").
        return None

    if unit == "count" and second is None and _names_a_model(doc, figure, counted_tokens):
        return None

    # "Two of the wounded were in critical condition": the number heads its phrase and the clause is about it;
    # the group it counts out of hangs below it.
    anchor_token = doc[counted_tokens[-1]] if counted_tokens and not counts_out_of_a_group(doc, figure.last) \
        else doc[figure.last]
    if low == high == 1 and _names_a_speaker(anchor_token):
        # "said one construction worker": a person quoted, not a figure.
        return None
    verb = governing_verb(anchor_token)
    if verb is not None and figure.first <= verb.i <= figure.last and verb.head.i != verb.i:
        # "£7m": the model may tag a magnitude suffix as a verb; the figure's verb is above it ("want £7m").
        verb = governing_verb(verb.head)
    subject, predicate = _clause_of(verb, anchor_token)
    span = doc[start_token: end_token + 1]
    end_char = span.end_char
    if doc[end_token].text.endswith(".") and (doc[end_token].lower_.rstrip(".") in SCALE_SUFFIXES or
                                              read_figure_token(doc[end_token].text[:-1]) is not None):
        # "HK$327m." and "$850M." end a sentence: the tokenizer keeps the full stop on the suffix.
        end_char -= 1
    # A length must count a token for the frame to look past it for where it is measured from: the unit's own
    # ("4.88m." at the end of a sentence, tokenised "4.88", "m.").
    frame_counted = counted_tokens or ([figure.last] if MEASURE_SYNONYMS.get(unit, unit) in KILOMETRES else [])
    frame = read_frame(doc, figure.first, second.last if second is not None else figure.last, frame_counted,
                       anchor_token, verb, unit)
    return QuantityFinding(
        start=span.start_char, end=end_char, low=low, high=high, approximator=approximator,
        unit=unit, counted=counted, subject=subject, predicate=predicate, anchor=anchor_token, frame=frame,
    )


def _befallen(token: Token) -> bool:
    """A spelled number that is who an event befell or who did it: "two died and one was hurt", "killing one"."""
    return token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.lemma_.lower() in EVENT_CLASS_OF


def _written_scale(doc: Doc, figure: _Figure) -> float | None:
    """The scale written at the end of a figure, apart ("15 million") or glued to its number ("250m", "4bn")."""
    last = doc[figure.last].lower_.rstrip(".")
    if figure.last > figure.first and last in SCALE_SUFFIXES:
        return SCALE_SUFFIXES[last]
    glued = re.search(r"\d([a-z]+)$", last)
    return SCALE_SUFFIXES.get(glued.group(1)) if glued else None


def _names_a_model(doc: Doc, figure: _Figure, counted: list[int]) -> bool:
    """"its first 787 Dreamliner", "the iPhone 12 Pro Max", "No 2 Andy Roddick": digits before a singular
    name are a model or a rank, not a count; a count of more than one names a plural ("500 Britons")."""
    if not counted or counted[0] != figure.last + 1 or figure.first != figure.last or \
            not any(c.isdigit() for c in doc[figure.first].text):
        return False
    words = [doc[i] for i in counted]
    # Written as a name, in title case mid-sentence, singular, whatever the tag ("787 Dreamliner" comes as a
    # common noun); an all-capital word is a unit or an acronym ("500 MW", "3 GB").
    return all(w.tag_ in ("NNP", "NN") and w.is_title and not w.is_sent_start and w.ent_type_ != "NORP" and
               w.lower_ not in UNIT_SUFFIXES for w in words)


def _score_end(doc: Doc, figure: _Figure) -> int | None:
    """The last token of a score that starts with `figure` ("won 3-1", "a 24-18 win", "a 2-2 draw"): two
    whole numbers joined by a dash beside a word of winning or losing are a result, not a range."""
    dash = figure.last + 1
    if figure.currency or figure.unit or dash + 1 >= len(doc) or doc[dash].text not in ("-", "–", "—"):
        return None
    second = _figure_at(doc, dash + 1)
    if second is None or second.currency or second.unit or second.first != second.last or \
            figure.low != int(figure.low) or second.low != int(second.low):
        return None
    after = doc[second.last + 1].lower_ if second.last + 1 < len(doc) else ""
    # Sets of a match come in a row, with or without commas: "won 6-4 6-3", "beat Nadal 6-4, 7-6".
    previous = figure.first - 2 if figure.first > 0 and doc[figure.first - 1].text == "," else figure.first - 1
    following = second.last + 2 if second.last + 1 < len(doc) and doc[second.last + 1].text == "," else second.last + 1
    after_a_score = previous > 0 and doc[previous].like_num and doc[previous - 1].text == doc[dash].text
    before_a_score = following + 1 < len(doc) and doc[following].like_num and doc[following + 1].text == doc[dash].text
    in_a_row = after_a_score or before_a_score
    # A range never has equal ends: "level at 12-12", "a 2-2 draw" are scores.
    level = figure.low == second.low
    return second.last if _names_a_result(doc, figure, second) or after in RESULT_WORDS or in_a_row or level \
        else None


def _names_a_result(doc: Doc, figure: _Figure, second: _Figure) -> bool:
    """A word of the result before the pair or governing it ("won 3-1", "lost the match 21-24 to France"), unless
    the pair counts a noun after it ("lost 10-15 jobs") or is a vote's tally ("beating Ortiz 212-97 in a ballot");
    or the result noun the pair describes, through the words between ("a 19-7 half-time lead")."""
    before = doc[figure.first - 1].lower_ if figure.first > 0 else ""
    following = doc[second.last + 1] if second.last + 1 < len(doc) else None
    counts_a_noun = following is not None and following.pos_ in ("NOUN", "PROPN", "NUM") and \
        following.lower_ not in RESULT_WORDS | MONTHS_AND_DAYS and following.ent_type_ not in ("DATE", "TIME")
    head = doc[figure.first].head
    governed = head.lower_ in RESULT_WORDS and not names_a_vote(doc[figure.first])
    if (before in RESULT_WORDS or governed) and not counts_a_noun:
        return True
    # "a 10-12 point lead" measures the lead in a unit: a range.
    while head.dep_ in ("compound", "amod") and head.head.i > head.i and head.lemma_.lower() not in MEASURE_WORDS:
        head = head.head
    return head.i > second.last and head.lower_ in RESULT_WORDS


def _names_a_speaker(noun: Token) -> bool:
    verb = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass") and (
        verb.lemma_.lower() in SPEECH_VERBS or verb.lower_ in ("said", "says"))


def _range_end(doc: Doc, figure: _Figure, unit: str | None, end: int) -> _Figure | None:
    """The second figure of "20,000 to 30,000", "between 10 and 15 million", "1 per cent to 1.5 per cent".

    A figure with a unit ranges only to one with the same unit, so "rose 6.5% to 164p" stays two figures. A
    unit word may follow both ends ("252 miles to 287 miles").
    """
    link = end + 1
    repeated_unit = _unit_word_before_link(doc, link)
    if repeated_unit is not None:
        link += 1
    if link + 1 >= len(doc) or doc[link].lower_ not in RANGE_LINKS or figure.vague or \
            doc[figure.last].text.endswith("-"):
        # A number whose hyphen waits for the next figure's unit ("30- to 40-year-old") is read on its own.
        return None
    glued = doc[link + 1].lower_
    if doc[link].text == "-" and glued == "to" and link + 3 < len(doc) and doc[link + 2].text == "-":
        # "five-to-seven years": the link hyphenated on both sides.
        link += 2
    elif doc[link].text == "-" and glued.startswith("to-") and read_figure_token(glued[3:]) is not None:
        # "0-to-60-mph" comes tokenized as "0", "-", "to-60".
        value = read_figure_token(glued[3:])[0]
        return _Figure(link + 1, link + 1, value, value)
    before = doc[figure.first - 1].lower_ if figure.first > 0 else ""
    if doc[link].lower_ == "and" and before != "between":
        return None
    start = link + 2 if _currency_symbol(doc[link + 1]) is not None and link + 2 < len(doc) else link + 1
    second = _figure_at(doc, start)
    if second is None or second.vague:
        return None
    if repeated_unit is not None and not _ends_a_unit_range(doc, figure, second, link, repeated_unit, before):
        return None
    second = _range_as_upper_end(doc, second)
    if doc[link].text in ("-", "–", "—") and doc[link - 1].whitespace_ and doc[link].whitespace_ and \
            second.high < figure.low:
        # "£2.4 million - £400,000 more than planned": a dash set apart before a smaller figure opens an aside.
        return None
    second_unit, _ = _unit_after(doc, second)
    change_then_level = _is_change_then_level(doc, figure, second, link, before)
    if unit is not None and (second_unit is not None and unit != second_unit or change_then_level):
        return None
    if unit is None and before == "by" and change_then_level:
        # "profits grew by 3m to 12m": counts too, when "by" says the first is the change; "rose 2.5 to 3 per
        # cent" stays a range of the change.
        return None
    if unit is not None and second_unit is None and not _takes_the_first_unit(doc, figure, second, unit, link, before):
        return None
    if _tally(doc, figure, second):
        return None
    return second


def _tally(doc: Doc, figure: _Figure, second: _Figure) -> bool:
    """A vote's count of two sides, written high to low ("by a vote of 134 to 63", "voted 134-63", "beating
    Tim Rayburn 134-63 in a secret ballot"): each side a figure of its own, never a range. The vote may be
    named anywhere in the sentence."""
    return figure.low == int(figure.low) and second.last == second.first and figure.low > second.high and \
        not (figure.currency or second.currency) and names_a_vote(doc[figure.first])


def _takes_the_first_unit(doc: Doc, figure: _Figure, second: _Figure, unit: str, link: int, before: str) -> bool:
    """A second end with no unit of its own shares the first's after "between" or "from", as a sum across a
    dash with no spaces ("$50-100", "US$5-10 billion"), or as a percentage ("1% to 1.5") that counts nothing else
    ("rose 12.6% to 440,700 megawatts" is a change between two different things)."""
    glued_dash = doc[link].text in ("-", "–") and not doc[link - 1].whitespace_ and not doc[link].whitespace_
    if before in ("between", "from") or figure.currency is not None and glued_dash:
        # "a $1.2-1.5 billion charge": what follows is what the whole range is paid for.
        return True
    return unit == "percent" and not _counts_something(doc, second.last)


def _range_as_upper_end(doc: Doc, second: _Figure) -> _Figure:
    """"24.2 to 33-35 billion euros": an upper end that is itself a range reaches its top, and the scale
    written once at the end belongs to every number before it."""
    dash = second.last + 1
    if second.last != second.first or dash + 1 >= len(doc) or doc[dash].text not in ("-", "–"):
        return second
    top = _figure_at(doc, dash + 1)
    if top is None or top.vague or top.currency:
        return second
    scale = SCALE_SUFFIXES.get(doc[top.last].lower_.rstrip(".")) if top.last > top.first else None
    low = second.low * scale if scale else second.low
    return _Figure(second.first, top.last, low, top.high, currency=second.currency, unit=top.unit)


def _unit_word_before_link(doc: Doc, index: int) -> str | None:
    """The unit word of "252 miles to 287 miles" at token `index`, when a range link follows it."""
    if index + 1 >= len(doc) or doc[index + 1].lower_ not in RANGE_LINKS:
        return None
    lemma = doc[index].lemma_.lower()
    return lemma if lemma in MEASURE_WORDS and lemma not in ("times", "square") else None


def _ends_a_unit_range(doc: Doc, figure: _Figure, second: _Figure, link: int, unit_word: str, before: str) -> bool:
    """The second figure repeats the unit ("252 miles to 287 miles"), and is not the level a change led to."""
    after = second.last + 1
    if after >= len(doc) or doc[after].lemma_.lower() != unit_word:
        return False
    return not _is_change_then_level(doc, figure, second, link, before)


def _is_change_then_level(doc: Doc, figure: _Figure, second: _Figure, link: int, before: str) -> bool:
    """Two figures, the first with its unit, joined by "to": a change and the level it led to ("rose $1.20 to
    $84.35", "cut by NZ$0.25 to NZ$7.75", "gained 120 points to 16,369 points", "slipped 0.6% to 4,512.3") when
    a verb of change governs the first or "by" leads it; otherwise a range ("sell for $180 to $200", "$5 to
    $100"), however far apart its ends. "between" and "from" always open a range."""
    if before in ("between", "from") or doc[link].lower_ != "to":
        return False
    verb = governing_verb(doc[figure.first])
    # A change that is forecast ("could rise 30cm to 60cm", "would cut profit by $12m to $15m") comes in the
    # base form and states a range of outcomes.
    return verb is not None and verb.tag_ != "VB" and (before == "by" or verb.lemma_.lower() in CHANGE_WORDS)


def _counts_something(doc: Doc, last: int) -> bool:
    return last + 1 < len(doc) and doc[last + 1].pos_ in ("NOUN", "PROPN")


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
    if following[:2] == ("-", "plus"):
        # "5 million-plus customers", "a £3m-plus budget".
        return "lower_bound", end + 2
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
                head.head.i == head.i:
            break
        head = head.head
        if head.i > end and head.pos_ in ("NOUN", "PROPN") and head.dep_ != "compound":
            break
    if head.i <= end or head.pos_ not in ("NOUN", "PROPN"):
        # The parse missed the link ("1.5m rounds"): take the noun run right after the figure.
        last = end
        while last + 1 < len(doc) and doc[last + 1].pos_ in ("NOUN", "PROPN") and doc[last + 1].ent_type_ == "" and \
                read_figure_token(doc[last + 1].text) is None:
            last += 1
        return list(range(end + 1, last + 1)) if last > end and doc[last].pos_ == "NOUN" else []
    if head.i - end > 6 or read_figure_token(head.text) is not None:
        # "1hr 10mins": a figure the model took for a noun is the next figure, not what this one counts.
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
            if child.like_num or read_figure_token(child.text) or child.lower_ in (
                    "additional", "more", "other", "extra", "further"):
                break
            left = child.left_edge.i if child.left_edge.i >= (left_limit or 0) else child.i
    if left_limit is not None:
        left = max(left, left_limit)
    right = head.i
    for child in head.rights:
        between = head.doc[right + 1: child.i]
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and child.i - right <= 3 and \
                not any(t.like_num or t.pos_ == "DET" for t in between):
            right = child.i
    while left < right and head.doc[left].is_punct:
        left += 1
    return list(range(left, right + 1))


def _clause_of(verb: Token | None, token: Token) -> tuple[str | None, str | None]:
    """The verb a figure hangs from, as (its subject, "lemma to/into X")."""
    if verb is None:
        return None, None
    predicate = verb.text.lower()
    direction = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")), None)
    if direction is not None:
        target = next((c for c in direction.children if c.dep_ == "pobj"), None)
        if target is not None and target.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "FAC"):
            predicate = f"{predicate} {direction.lower_} {entity_text(target)}"
    subject = None
    holder = verb
    for _ in range(4):
        nsubj = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if nsubj is not None:
            if nsubj.i != token.i and not (nsubj.i <= token.i <= nsubj.right_edge.i):
                subject = entity_text(nsubj)
            break
        if holder.dep_ not in ("xcomp", "conj", "advcl", "acl") or holder.head.i == holder.i:
            break
        holder = holder.head
    return subject, predicate

