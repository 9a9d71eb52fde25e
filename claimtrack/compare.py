"""Align claims that state the same thing and give each group one verdict with a readable reason.

Claims are never compared all against all: each is filed under a few blocking keys (what a figure counts,
who is quoted, runs of quoted words) and compared only with the groups already filed under the same key.
Claims are taken in a fixed order (article, then offset), so the groups do not depend on the order in which
they were given.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from claimtrack.numbers import format_readable
from claimtrack.models import VERDICT_ORDER, Claim, ClaimGroup

# Words that name the same counted thing in war and news copy.
SYNONYMS = {"soldier": "troop", "force": "troop", "serviceman": "troop", "servicemen": "troop",
            "fatality": "death", "casualty": "casualty", "person": "people", "individual": "people"}
# Verbs whose figures never describe the same event: soldiers killed are not soldiers sent.
EVENT_CLASSES = {
    "harm": ("kill", "die", "dead", "death", "wound", "injur", "captur", "lost", "lose", "missing", "slain"),
    "movement": ("send", "sent", "deploy", "dispatch", "station", "fight", "serv", "transfer", "mov",
                 "arriv", "withdr", "pull"),
}
FUNCTION_WORDS = {
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from", "as", "that",
    "this", "these", "those", "its", "their", "his", "her", "our", "mr", "mrs", "ms", "dr", "president",
    "minister", "prime", "leader", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
    "statement", "said", "says",
}
MODIFIERS_NOT_COUNTED = {"additional", "more", "other", "extra", "further", "new", "many", "several", "some"}
APPROX_TOLERANCE = 0.10
ROUNDING_TOLERANCE = 0.05
MIN_SHARED_RUN = 4
LONG_SHARED_RUN = 8
# The same words in another order score high; a short quote inside a long one does not.
REWORDING_SIMILARITY = 80
REPRESENTATIVES = 64
REASON_FIGURES = 5
DECADE = 10
_TOKEN = re.compile(r"\w+")
_DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "s")


def compare(claims: Iterable[Claim]) -> list[ClaimGroup]:
    """Group claims that state the same thing across articles, conflicts first."""
    ordered = sorted(claims, key=lambda c: (c.article, c.start, c.end, c.kind))
    quantities = [_QuantityFacts.of(c) for c in ordered if c.kind == "quantity"]
    quotes = [_QuoteFacts.of(c) for c in ordered if c.kind == "quote"]
    groups = [
        *(_quantity_group(members) for members in _components(quantities, _quantity_keys, _same_quantity)),
        *(_quote_group(members) for members in _components(quotes, _quote_keys, _same_quote)),
    ]
    groups.sort(key=lambda g: (VERDICT_ORDER[g.verdict], -len(g.articles), g.kind, g.topic, g.id))
    return groups


# --- grouping -------------------------------------------------------------------------------------------

def _components(facts: list, keys, same) -> list[list]:
    """Connected components of `same`, comparing each claim only with the first member of each group
    already filed under one of its blocking keys (at most REPRESENTATIVES per key), so the work grows with
    the number of claims, not with its square."""
    parent = list(range(len(facts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    representatives: dict[object, list[int]] = defaultdict(list)
    for index, fact in enumerate(facts):
        tested: set[int] = set()  # a claim shares many keys with the same representative
        for key in keys(fact):
            block = representatives[key]
            joined = False
            for other in block[-REPRESENTATIVES:]:
                if root(other) == root(index):
                    joined = True
                elif other not in tested:
                    tested.add(other)
                    if same(facts[other], fact):
                        parent[root(index)] = root(other)
                        joined = True
            if not joined:
                block.append(index)
    grouped: dict[int, list] = defaultdict(list)
    for index, fact in enumerate(facts):
        grouped[root(index)].append(fact)
    return list(grouped.values())


def _stem(word: str) -> str:
    word = word.casefold()
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return SYNONYMS.get(word, word)


def _place_key(word: str) -> str:
    word = word.casefold()
    for ending in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _places_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(x.startswith(y) or y.startswith(x) for x, y in zip(a, b))


def _capitalised_runs(text: str | None) -> list[tuple[str, ...]]:
    if not text:
        return []
    runs, current = [], []
    for word in text.replace("'s", "").replace("’s", "").split():
        if word[:1].isupper() and word.isalpha():
            current.append(_place_key(word))
        elif current:
            runs.append(tuple(current))
            current = []
    if current:
        runs.append(tuple(current))
    return runs


@dataclass
class _QuantityFacts:
    claim: Claim
    head: str | None
    words: frozenset[str]
    places: list[tuple[str, ...]]
    event: str | None
    low: float
    high: float

    @classmethod
    def of(cls, claim: Claim) -> _QuantityFacts:
        counted_words = [w for w in _TOKEN.findall(claim.counted or "") if w.casefold() not in MODIFIERS_NOT_COUNTED]
        head = _stem(counted_words[-1]) if counted_words else None
        if claim.counted and " and " in claim.counted:
            head = _stem(claim.counted.split(" and ")[0].split()[-1])
        # Names and places qualify what is counted; they are compared separately, as `places`.
        words = frozenset(_stem(w) for w in counted_words if w.casefold() not in FUNCTION_WORDS and not w[:1].isupper())
        places = _capitalised_runs(claim.counted) + _capitalised_runs(claim.subject)
        predicate = (claim.predicate or "").split(" ")[0]
        event = next((name for name, stems in EVENT_CLASSES.items() if predicate.startswith(stems)), None)
        low, high = _interval(claim)
        return cls(claim, head, words, places, event, low, high)


def _quantity_keys(fact: _QuantityFacts) -> list[object]:
    unit = _stem(fact.claim.unit or "")
    if fact.head is None:
        return [(unit, "predicate", fact.claim.predicate, fact.claim.subject)]
    return [(unit, "head", fact.head), *((unit, "word", w) for w in fact.words)]


def _same_quantity(a: _QuantityFacts, b: _QuantityFacts) -> bool:
    if _stem(a.claim.unit or "") != _stem(b.claim.unit or ""):
        return False
    if a.event and b.event and a.event != b.event:
        return False
    if a.places and b.places and not any(_places_match(x, y) for x in a.places for y in b.places):
        return False
    if a.head is None or b.head is None:
        return a.head is None and b.head is None and bool(a.claim.predicate) and \
            a.claim.predicate == b.claim.predicate and a.claim.subject == b.claim.subject
    if a.head == b.head:
        return True
    shared = a.words & b.words
    return len(shared) >= 2 and len(shared) / len(a.words | b.words) >= 0.5


def _normalise(text: str) -> list[str]:
    return [w.casefold() for w in _TOKEN.findall(text)]


@dataclass
class _QuoteFacts:
    claim: Claim
    words: list[str]
    speaker_words: frozenset[str]
    padded: str  # " a b c ": whole-word containment by substring search
    runs: frozenset[tuple[str, ...]]  # every MIN_SHARED_RUN words in a row
    long_runs: frozenset[tuple[str, ...]]  # every LONG_SHARED_RUN words in a row

    @classmethod
    def of(cls, claim: Claim) -> _QuoteFacts:
        speaker = " ".join(filter(None, (claim.speaker, claim.speaker_mention)))
        speaker_words = frozenset(w for w in _normalise(speaker) if w not in FUNCTION_WORDS)
        words = _normalise(claim.claim_text)
        return cls(claim, words, speaker_words, f" {' '.join(words)} ", _runs(words, MIN_SHARED_RUN),
                   _runs(words, LONG_SHARED_RUN))


def _runs(words: list[str], length: int) -> frozenset[tuple[str, ...]]:
    return frozenset(zip(*(words[i:] for i in range(length))))


def _quote_keys(fact: _QuoteFacts) -> list[object]:
    words = fact.words
    if len(words) < 3:
        return [("short", tuple(words))]
    # Three words in a row that are all function words ("one of the") say nothing about which quote it is.
    plain = [word in FUNCTION_WORDS for word in words]
    keys = {("run", run) for run, a, b, c in zip(zip(words, words[1:], words[2:]), plain, plain[1:], plain[2:])
            if not (a and b and c)}
    return sorted(keys) or [("short", tuple(words))]


def _same_quote(a: _QuoteFacts, b: _QuoteFacts) -> bool:
    """The same statement: same words; or a shared run of words, with the same speaker, or long, or one
    quote wholly inside the other; or, for the same speaker, mostly the same words in another order."""
    if a.words == b.words:
        return len(a.words) >= 2 or bool(a.speaker_words & b.speaker_words)
    same_speaker = bool(a.speaker_words & b.speaker_words)
    if not a.runs.isdisjoint(b.runs):
        shorter, longer = (a, b) if len(a.words) <= len(b.words) else (b, a)
        if same_speaker or not a.long_runs.isdisjoint(b.long_runs) or shorter.padded in longer.padded:
            return True
    return same_speaker and fuzz.token_sort_ratio(a.padded, b.padded) >= REWORDING_SIMILARITY


# --- verdicts -------------------------------------------------------------------------------------------

def _interval(claim: Claim) -> tuple[float, float]:
    """The values a figure allows once its approximator and its rounding are taken into account."""
    low = claim.low if claim.low is not None else float("-inf")
    high = claim.high if claim.high is not None else float("inf")
    if 0 < low and high >= DECADE * low:
        # "thousands" (1,000 to 10,000) says at least a thousand; it does not deny 15,000.
        high = float("inf")
    slack = APPROX_TOLERANCE if claim.approximator in ("approx", "vague") else 0.0
    low_margin = abs(low) * slack + _rounding(low)
    high_margin = abs(high) * slack + _rounding(high)
    if claim.approximator == "lower_bound":
        return low - low_margin, float("inf")
    if claim.approximator == "upper_bound":
        return float("-inf"), high + high_margin
    return low - low_margin, high + high_margin


def _rounding(value: float) -> float:
    """A round figure ("15,000") stands for anything that rounds to it, within a few per cent."""
    if value in (float("inf"), float("-inf")) or value == 0 or value != int(value):
        return 0.0
    zeros = len(str(int(abs(value)))) - len(str(int(abs(value))).rstrip("0"))
    return min(0.5 * 10 ** zeros, ROUNDING_TOLERANCE * abs(value)) if zeros else 0.0


def describe_figure(claim: Claim) -> str:
    """A figure as a reason shows it: ~15,000, ≥10,000, 20,000–30,000, 20%."""
    low, high = claim.low, claim.high
    if low is None and high is None:
        return claim.claim_text
    if low is not None and high is not None and low != high:
        value = f"{format_readable(low)}–{format_readable(high)}"
    else:
        value = format_readable(low if low is not None else high)
    prefix = {"approx": "~", "vague": "~", "lower_bound": "≥", "upper_bound": "≤"}.get(claim.approximator or "", "")
    unit = claim.unit or ""
    if unit == "percent":
        value += "%"
    elif unit.startswith("money:"):
        value = f"{unit.split(':', 1)[1]} {value}"
    elif unit not in ("count", ""):
        value = f"{value} {unit}"
    return prefix + value


def _attributed(claim: Claim, text: str) -> str:
    return f"{text} ({claim.source or claim.speaker or 'unattributed, ' + claim.article})"


def _group_id(kind: str, claims: list[Claim]) -> str:
    digest = hashlib.sha1("|".join(sorted(c.id for c in claims)).encode()).hexdigest()[:8]
    return f"{kind}-{digest[:6]}"


def _quantity_group(members: list[_QuantityFacts]) -> ClaimGroup:
    claims = [m.claim for m in members]
    articles = sorted({c.article for c in claims})
    described = {m.claim.id: _attributed(m.claim, describe_figure(m.claim)) for m in members}
    # Figures clash when one's highest possible value is below another's lowest: the extremes decide.
    by_high = sorted(members, key=lambda m: (m.high, m.claim.id))[:REASON_FIGURES]
    by_low = sorted(members, key=lambda m: (-m.low, m.claim.id))[:REASON_FIGURES]
    clashes = [(low, high) for low in by_high for high in by_low if low.high < high.low]
    if clashes:
        verdict = "conflict"
        pairs = list(dict.fromkeys(f"{described[low.claim.id]} vs {described[high.claim.id]}"
                                   for low, high in clashes))
        clashing = {m.claim.id for pair in clashes for m in pair}
        reason = "; ".join(pairs[:3]) + (f"; {len(pairs) - 3} more" if len(pairs) > 3 else "")
        if len(articles) == 1:
            reason = f"within one article: {reason}"
        others = [m for m in members if m.claim.id not in clashing]
        if others:
            bridging = all(m.low <= c.high and c.low <= m.high for m in others for pair in clashes for c in pair)
            reason += f"; {'consistent with both' if bridging else 'also reported'}: {_listing(others, described)}"
    elif len(articles) == 1:
        verdict, reason = "single-source", f"only in {articles[0]}: {_listing(members, described)}"
    elif len({(c.low, c.high, c.approximator in ("lower_bound", "upper_bound")) for c in claims}) == 1:
        verdict, reason = "agree", f"same figure: {_listing(members, described)}"
    else:
        verdict, reason = "compatible", f"figures overlap: {_listing(members, described)}"
    return ClaimGroup(id=_group_id("quantity", claims), kind="quantity", topic=_quantity_topic(members),
                      verdict=verdict, reason=reason, articles=articles, claims=claims)


def _listing(members: list[_QuantityFacts], described: dict[str, str]) -> str:
    shown = ", ".join(described[m.claim.id] for m in members[:REASON_FIGURES])
    return shown + (f" and {len(members) - REASON_FIGURES} more" if len(members) > REASON_FIGURES else "")


def _quantity_topic(members: list[_QuantityFacts]) -> str:
    heads = Counter(m.head for m in members if m.head)
    if not heads:
        claim = members[0].claim
        return " ".join(filter(None, (claim.subject, claim.predicate, claim.unit if claim.unit != "count" else "")))
    head = heads.most_common(1)[0][0]
    phrases = [m.claim.counted for m in members if m.claim.counted and m.head == head]
    plain = Counter(" ".join(w for w in p.split() if not w[:1].isupper()) for p in phrases)
    plain.pop("", None)
    if plain:
        noun = min((p for p, n in plain.items() if n == max(plain.values())), key=len)
        qualifier = next((" ".join(w for w in p.split()[:-1] if w[:1].isupper())
                          for p in phrases if any(w[:1].isupper() for w in p.split()[:-1])), "")
    else:
        noun, qualifier = phrases[0], ""
    predicates = Counter(m.claim.predicate for m in members if m.claim.predicate)
    # A past participle reads as a label ("troops sent to Russia"); other verb forms go in brackets.
    participle = next((p for p, _ in predicates.most_common() if p.split()[0].endswith(("ed", "sent", "ught"))),
                      None)
    if members[0].claim.unit == "percent":
        noun = f"share of {noun}"
    if participle:
        return " ".join(filter(None, (qualifier, noun, participle)))
    predicate = predicates.most_common(1)[0][0] if predicates else ""
    return " ".join(filter(None, (qualifier, noun))) + (f" ({predicate})" if predicate else "")


def _quote_group(members: list[_QuoteFacts]) -> ClaimGroup:
    claims = [m.claim for m in members]
    articles = sorted({c.article for c in claims})
    speakers = Counter(c.speaker for c in claims if c.speaker)
    speaker = speakers.most_common(1)[0][0] if speakers else "unattributed speaker"
    longest = max(claims, key=lambda c: len(c.claim_text))
    topic = f"{speaker}: “{_shorten(longest.claim_text)}”"
    wordings = {" ".join(m.words) for m in members}
    attributions = sorted({f"{c.speaker or '?'}" + (f" via {c.source}" if c.source and c.source != c.speaker else "")
                           for c in claims})
    said = f"attributed to {'; '.join(attributions)}"
    # Every quote is held against the longest, which the others mostly excerpt or reword.
    reference = max(members, key=lambda m: (len(m.words), m.claim.id))
    reworded = [m for m in members if m is not reference and _material_differences(m.words, reference.words)]
    if len(articles) == 1 and len(wordings) == 1:
        verdict, reason = "single-source", f"only in {articles[0]}; {said}"
    elif all(fuzz.ratio(" ".join(m.words), " ".join(reference.words)) >= 97 for m in members):
        verdict, reason = "agree", f"same wording in {len(articles)} articles; {said}"
    elif not reworded:
        verdict, reason = "compatible", f"one quotes a shorter excerpt of the same words; {said}"
    else:
        first, second = sorted((reworded[0], reference), key=lambda m: (m.claim.article, m.claim.start))
        left, right = _material_differences(first.words, second.words)
        verdict = "conflict"
        reason = (f"same statement quoted in different words: “…{left}…” ({first.claim.article}) vs "
                  f"“…{right}…” ({second.claim.article}); {said}")
    return ClaimGroup(id=_group_id("quote", claims), kind="quote", topic=topic, verdict=verdict, reason=reason,
                      articles=articles, claims=claims)


def _material_differences(a: list[str], b: list[str]) -> tuple[str, str] | None:
    """The stretch of wording that differs where both quotes overlap, with a word of context each side;
    None where one quote merely starts later or stops earlier than the other (an excerpt)."""
    codes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    changed = [(a1, a2, b1, b2) for position, (tag, a1, a2, b1, b2) in enumerate(codes)
               if tag != "equal" and not (position in (0, len(codes) - 1) and (a1 == a2 or b1 == b2))]
    if not changed:
        return None
    a_start, b_start = changed[0][0], changed[0][2]
    a_end, b_end = changed[-1][1], changed[-1][3]
    return (_excerpt(a[max(a_start - 1, 0): a_end + 1]), _excerpt(b[max(b_start - 1, 0): b_end + 1]))


def _excerpt(words: list[str], limit: int = 12) -> str:
    return " ".join(words) if len(words) <= limit else " ".join(words[:limit]) + " …"


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
