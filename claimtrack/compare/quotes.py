"""Quotes: the same statement across articles, excerpted, split or reworded.

Quotes are filed under runs of their words, so only quotes that share words are ever held side by side.
A trim or an excerpt of the same words is compatible; changed words inside the shared stretch are a
conflict, shown with the words that differ.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from claimtrack.compare.grouping import group_id
from claimtrack.lexicon import BRITISH_SPELLINGS, FUNCTION_WORDS, GRAMMAR_WORDS, PERSONAL_PRONOUNS, SILENT_EDITS
from claimtrack.models import Claim, ClaimGroup
from claimtrack.numbers import DIGIT_WORDS, TENS, UNITS

MIN_SHARED_RUN = 4
LONG_SHARED_RUN = 8
# The same words in another order score high; a short quote inside a long one does not.
REWORDING_SIMILARITY = 80
SAME_WORDING = 97
# Two quotes that share a run of words and are this alike as a whole are one utterance, reworded.
ONE_WORDING_CHANGED = 85
# Two quotes are one statement when the runs they share cover at least this much of the shorter one.
MOSTLY_SHARED = 0.5
# Words in a row that one speaker's two quotes must share to be one statement reworded.
SPEAKER_RUN = 6
# Letters a word needs to count as content, not as the grammar any two sentences share.
CONTENT_WORD_LETTERS = 4
# A paraphrase of one speaker's statement keeps this share of the shorter quote's content words, and at
# least this many of them.
SHARED_CONTENT = 0.6
SHARED_CONTENT_WORDS = 4
STEM_LETTERS = 5
MEMBERS_CHECKED = 32
WORDS_REMEMBERED = 65536
_TOKEN = re.compile(r"\w+")
_WORD_HYPHEN = re.compile(r"(?<=\w)[-‐‑](?=\w)")
# Contractions a transcript may write out; "'s" and "'d" stand for two words each and are left as written.
CONTRACTIONS = {"won't": "will not", "can't": "can not", "cannot": "can not", "n't": " not", "'m": " am",
                "'re": " are", "'ve": " have", "'ll": " will"}
_CONTRACTION = re.compile(r"\b(?:won['’]t|can['’]t|cannot)\b|n['’]t\b|['’](?:m|re|ve|ll)\b", re.IGNORECASE)


# British endings and the American ones they are spelled with: "colour", "realised", "centre", "defence",
# "catalogue". Both quotes are spelled alike before they are held side by side, so a rule that also rewrites
# a word with one spelling only ("contour") rewrites it in both, which changes nothing; short words ("four",
# "hour") are left alone. "-ise" becomes "-ize" only after the endings of verbs spelled both ways ("realise",
# "organise", "criticise", "apologise", "prioritise"), never in "promise", "advise", "surprise" or "prise",
# which would then meet "prize".
_BRITISH_ENDINGS = [(re.compile(pattern), american) for pattern, american in (
    (r"(?<=\w{3})our(s|ed|ing|ite|ites|able)?$", r"or\1"),
    (r"(?<=\w{2}(?:al|an|ic|it|og|gn|on|as|im|or|ar|er))is(e|es|ed|ing|ation|ations)$", r"iz\1"),
    (r"(?<=\w{2})ys(e|ed|ing)$", r"yz\1"),
    (r"(?<=\w{2})tre(s?)$", r"ter\1"),
    (r"(?<=\w{2})tred$", "tered"),
    (r"(?<=\w{2})([fc])ence(s?)$", r"\1ense\2"),
    (r"(?<=\w{3})ogue(s?)$", r"og\1"),
)]


def _normalise(text: str) -> list[str]:
    return [word for word, _ in _words_as_compared(text)]


def _words_as_compared(text: str) -> list[tuple[str, str]]:
    """Each word as compared, with the word as written. "pre-conditions" and "preconditions" are one word
    spelled two ways, not a changed word; "don't" and "do not" are one word transcribed two ways; "cheque"
    and "check" one word spelled in two countries."""
    text = _CONTRACTION.sub(lambda m: CONTRACTIONS[m.group().casefold().replace("’", "'")], text)
    return [(_one_spelling(w.casefold()), w) for w in _TOKEN.findall(_WORD_HYPHEN.sub("", text))]


@lru_cache(maxsize=WORDS_REMEMBERED)
def _one_spelling(word: str) -> str:
    # Every word of every quote is spelled once per distinct word: a batch repeats most of its words.
    if word in BRITISH_SPELLINGS:
        return BRITISH_SPELLINGS[word]
    number = _number_in_words(word)
    if number is not None:
        # "in 20 years" and "in twenty years": one number, written as a style guide asks.
        return number
    for ending, american in _BRITISH_ENDINGS:
        word, replaced = ending.subn(american, word)
        if replaced:
            break
    return word


def _number_in_words(word: str) -> str | None:
    """The digits of a number word up to ninety-nine ("twentyfive" is "twenty-five" without its hyphen)."""
    if word in UNITS:
        return str(UNITS[word])
    for tens, value in TENS.items():
        if word == tens:
            return str(value)
        if word.startswith(tens) and DIGIT_WORDS.get(word[len(tens):], 0):
            return str(value + DIGIT_WORDS[word[len(tens):]])
    return None


@dataclass
class QuoteFacts:
    claim: Claim
    voice: str  # the article, or the first article of its wire-copy family
    words: list[str]  # as compared: casefolded, contractions written out, spelled one way
    written: list[str]  # the same words as the quote writes them, for reasons
    speaker_words: frozenset[str]
    padded: str  # " a b c ": whole-word containment by substring search
    runs: frozenset[tuple[str, ...]]  # every MIN_SHARED_RUN words in a row
    long_runs: frozenset[tuple[str, ...]]  # every LONG_SHARED_RUN words in a row
    content: frozenset[str]  # the content words, each cut to its first STEM_LETTERS letters

    @classmethod
    def of(cls, claim: Claim, voice: str) -> QuoteFacts:
        speaker = " ".join(filter(None, (claim.speaker, claim.speaker_mention)))
        # "he" and "she" name nobody until resolved; the resolved name is in `speaker`.
        speaker_words = frozenset(w for w in _normalise(speaker) if w not in FUNCTION_WORDS | PERSONAL_PRONOUNS)
        compared = _words_as_compared(claim.claim_text)
        words = [word for word, _ in compared]
        # "expected" and "expect", "tsunamis" and "tsunami": a word's first letters carry its meaning.
        content = frozenset(w[:STEM_LETTERS] for w in words if _is_content(w))
        return cls(claim, voice, words, [written for _, written in compared], speaker_words,
                   f" {' '.join(words)} ", _runs(words, MIN_SHARED_RUN), _runs(words, LONG_SHARED_RUN), content)


def _runs(words: list[str], length: int) -> frozenset[tuple[str, ...]]:
    return frozenset(zip(*(words[i:] for i in range(length))))


def quote_keys(fact: QuoteFacts) -> list[object]:
    words = fact.words
    if len(words) < 3:
        return [("short", tuple(words))]
    # Three words in a row that are all function words ("one of the") say nothing about which quote it is.
    plain = [word in FUNCTION_WORDS for word in words]
    keys = {("run", run) for run, a, b, c in zip(zip(words, words[1:], words[2:]), plain, plain[1:], plain[2:])
            if not (a and b and c)}
    # One speaker's statement paraphrased may share no three words in a row with its other wording.
    keys |= {("speaker", word) for word in fact.speaker_words}
    return sorted(keys) or [("short", tuple(words))]


def same_quote(a: QuoteFacts, b: QuoteFacts) -> bool:
    """The same statement: the same words; one quote inside the other (by the same speaker, or long); a
    shared stretch that covers most of the shorter quote, with the same speaker or a long shared run, or
    nearly the same wording as a whole; or, for the same speaker, mostly the same words in another order.
    Two quotes that share only a phrase are two statements, even from one speech."""
    if a.words == b.words:
        return len(a.words) >= 2 or bool(a.speaker_words & b.speaker_words)
    same_speaker = bool(a.speaker_words & b.speaker_words)
    shorter, longer = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if shorter.padded in longer.padded:
        # "We will rebuild" inside "We will rebuild every home": an excerpt.
        return len(shorter.words) >= 2 and same_speaker or len(shorter.words) >= MIN_SHARED_RUN
    if same_speaker and _same_content(a, b):
        return True
    if a.runs.isdisjoint(b.runs):
        return same_speaker and len(a.words) <= len(b.words) * 2 and len(b.words) <= len(a.words) * 2 and \
            fuzz.token_sort_ratio(a.padded, b.padded) >= REWORDING_SIMILARITY
    mostly_shared = _shared_share(shorter, longer) >= MOSTLY_SHARED
    if same_speaker:
        # One speaker's statement reworded keeps a good stretch of its words ("reaffirmed their commitment
        # to further developing ..."); a common phrase of four words does not make two sentences one.
        return mostly_shared or fuzz.ratio(a.padded, b.padded) >= REWORDING_SIMILARITY or \
            _reworded_around_a_run(a.words, b.words)
    # "This is a sad day for ..." and "This is a sad time for ...": one utterance, a word changed.
    return mostly_shared and not a.long_runs.isdisjoint(b.long_runs) or \
        fuzz.ratio(a.padded, b.padded) >= ONE_WORDING_CHANGED


def _same_content(a: QuoteFacts, b: QuoteFacts) -> bool:
    """One speaker's statement translated or paraphrased by two outlets keeps its content words, in other
    forms and another order ("the bay is too shallow for a flood wave, we expect none" and "because the bay
    is so shallow, no flood wave is expected"): most of the shorter quote's content words, and several."""
    shared = a.content & b.content
    return len(shared) >= SHARED_CONTENT_WORDS and len(shared) >= SHARED_CONTENT * min(len(a.content), len(b.content))


def _reworded_around_a_run(a: list[str], b: list[str]) -> bool:
    """One statement reworded: a long run of words in common, and words of the statement kept beside it
    ("reaffirmed their commitment to further developing friendly relations ... and cooperation" and "...
    developing relations of friendship ... and cooperation"). Two sentences of one speech that repeat a
    phrase ("a tight labour market and buoyant commodity prices") share nothing else."""
    shared = _runs(a, SPEAKER_RUN) & _runs(b, SPEAKER_RUN)
    if not shared:
        return False
    return bool(_words_beside(a, shared) & _words_beside(b, shared))


def _words_beside(words: list[str], runs: frozenset[tuple[str, ...]]) -> set[str]:
    """The quote's content words outside the given runs."""
    covered: set[int] = set()
    for start in range(len(words) - SPEAKER_RUN + 1):
        if tuple(words[start: start + SPEAKER_RUN]) in runs:
            covered.update(range(start, start + SPEAKER_RUN))
    return {w for i, w in enumerate(words) if i not in covered and _is_content(w)}


def _is_content(word: str) -> bool:
    # Words of four letters or more, and not grammar: "i", "was", "the", "would", "there" are kept by any two
    # sentences of one speaker.
    return len(word) >= CONTENT_WORD_LETTERS and word not in FUNCTION_WORDS | GRAMMAR_WORDS


def _shared_share(shorter: QuoteFacts, longer: QuoteFacts) -> float:
    """The share of the shorter quote's runs of words that the longer one has too."""
    return len(shorter.runs & longer.runs) / len(shorter.runs) if shorter.runs else 0.0


def place_quote(fact: QuoteFacts, candidates: list[list[QuoteFacts]]) -> int | None:
    """The first candidate group holding the same statement: the quote must be the same statement as the
    group's longest quote, not merely share words with one of its excerpts; a short excerpt ("The Davis Cup is
    my dream") that two different sentences of one interview begin with does not make them one statement."""
    return next((index for index, group in enumerate(candidates)
                 if same_quote(max(group[:MEMBERS_CHECKED], key=lambda m: (len(m.words), m.claim.id)), fact)),
                None)


def quote_group(members: list[QuoteFacts], copies: list[list[str]]) -> ClaimGroup:
    claims = [m.claim for m in members]
    articles = sorted({c.article for c in claims})
    families = [family for family in copies if len(set(family) & set(articles)) > 1]
    voices = {m.voice for m in members}
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
    # Words changed between two copies of one text are an edit of one voice, not a second account. A quote
    # whose marks did not pair up may run into the narration around it, so its differences are no evidence.
    differing = [m for m in members if m is not reference and m.voice != reference.voice and
                 _material_differences(m.words, reference.words)]
    reworded = [m for m in differing if not (m.claim.unbalanced or reference.claim.unbalanced)]
    if len(voices) == 1 and (len(articles) > 1 or len(wordings) == 1):
        where = articles[0] if len(articles) == 1 else f"one copy carried by {', '.join(articles)}"
        verdict, reason = "single-source", f"only in {where}; {said}"
    elif all(_same_wording(m.words, reference.words) for m in members):
        verdict, reason = "agree", f"same wording in {len(articles)} articles; {said}"
    elif differing and not reworded:
        verdict, reason = "compatible", (f"worded differently, but a quote's marks did not pair up, so the "
                                         f"difference may be the narration around it; {said}")
    elif not reworded:
        verdict, reason = "compatible", f"one quotes a shorter excerpt of the same words; {said}"
    else:
        first, second = sorted((reworded[0], reference), key=lambda m: (m.claim.article, m.claim.start))
        left, right = _material_differences(first.words, second.words, first.written, second.written)
        verdict = "conflict"
        reason = (f"same statement quoted in different words: “…{left}…” ({first.claim.article}) vs "
                  f"“…{right}…” ({second.claim.article}); {said}")
    basis = "single" if len(voices) == 1 else "firm" if all(m.speaker_words for m in members) else "weak"
    return ClaimGroup(id=group_id("quote", claims), kind="quote", topic=topic, verdict=verdict, reason=reason,
                      articles=articles, claims=claims, basis=basis, copies=families)


def _same_wording(a: list[str], b: list[str]) -> bool:
    """Nearly the same characters (a slip of the keyboard), and the same numbers: "in 30 years" and "in 80
    years" differ by a character, and by fifty years."""
    return fuzz.ratio(" ".join(a), " ".join(b)) >= SAME_WORDING and \
        [w for w in a if w.isdigit()] == [w for w in b if w.isdigit()]


def _material_differences(a: list[str], b: list[str], shown_a: list[str] | None = None,
                          shown_b: list[str] | None = None) -> tuple[str, str] | None:
    """The stretch of wording that differs where both quotes overlap, with a word of context each side, shown
    as written (`shown_a`, `shown_b`); None where one quote merely starts later or stops earlier than the
    other (an excerpt), or where only an article or a "that" comes or goes ("confirm that it has" / "confirm
    it has")."""
    codes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    changed = [(a1, a2, b1, b2) for position, (tag, a1, a2, b1, b2) in enumerate(codes)
               if tag != "equal" and not (position in (0, len(codes) - 1) and (a1 == a2 or b1 == b2))
               and not set(a[a1:a2] + b[b1:b2]) <= SILENT_EDITS]
    if not changed:
        return None
    a_start, b_start = changed[0][0], changed[0][2]
    a_end, b_end = changed[-1][1], changed[-1][3]
    shown_a, shown_b = shown_a or a, shown_b or b
    return (_excerpt(shown_a[max(a_start - 1, 0): a_end + 1]), _excerpt(shown_b[max(b_start - 1, 0): b_end + 1]))


def _excerpt(words: list[str], limit: int = 12) -> str:
    return " ".join(words) if len(words) <= limit else " ".join(words[:limit]) + " …"


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
