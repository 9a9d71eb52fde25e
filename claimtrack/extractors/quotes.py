"""Direct and mixed quotes: pair the quote marks of a paragraph, then read who said the words.

Marks are paired on text alone (`pair_quote_marks`), so bad punctuation is handled before any parsing:
curly and guillemet marks say their direction, a straight mark toggles, an apostrophe is never a quote
mark, and a mark that cannot be paired yields a quote flagged `unbalanced` rather than an error.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimtrack.extractors.sources import (
    THING_PRONOUNS,
    Link,
    as_clause_cue,
    chain_for,
    cue_clause,
    governing_subject,
    phrase_text,
    reports_clause_of,
    subject_of,
)
from claimtrack.extractors.tokens import doc_text, sentence_of
from claimtrack.lexicon import ASSENT_VERBS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

OPENING_MARKS = "\u201c\u201e\u201f\u00ab\u301d"
CLOSING_MARKS = "\u201d\u00bb\u301e"
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s")
_WORD = re.compile(r"\w")
LONGEST_OPEN_QUOTE = 2_000


@dataclass
class QuoteSpan:
    """Character offsets in the paragraph text of the words between the marks."""

    start: int
    end: int
    unbalanced: bool = False
    opens_paragraph: bool = False


@dataclass
class PairedMarks:
    quotes: list[QuoteSpan]
    open_at_end: bool


@dataclass
class QuoteFinding:
    start: int
    end: int
    quote_type: str
    unbalanced: bool
    chain: list[Link]
    sentence: Span


def pair_quote_marks(text: str, original_marks: dict[int, str]) -> PairedMarks:
    """Pair the `"` marks of `text`; `original_marks` gives the mark as written in the original.

    A quote whose closing mark never comes runs to the end of its paragraph, the convention for quotes
    over several paragraphs, but never further than LONGEST_OPEN_QUOTE characters: a stray mark must not
    turn half an article into a quote.
    """
    quotes: list[QuoteSpan] = []
    # Open marks still waiting for their closing mark; curly marks nest ("a “nested” disaster"), straight ones
    # say their direction by the characters around them where they can, else toggle.
    waiting: list[int] = []
    # Straight opening marks under one that a straight mark closed: straight marks cannot nest, so these never
    # close ('"… them. "Ultimately … officials. "That is it."').
    unclosed: list[int] = []
    last_end = 0
    text_starts = len(text) - len(text.lstrip())
    for position, char in enumerate(text):
        if char != '"':
            continue
        written = original_marks.get(position, '"')
        direction = "open" if written in OPENING_MARKS else "close" if written in CLOSING_MARKS else \
            _straight_mark_direction(text, position, inside_a_quote=bool(waiting))
        if not waiting and direction == "close":
            start = _sentence_start(text, max(last_end, position - LONGEST_OPEN_QUOTE), position)
            quotes.append(QuoteSpan(start, position, unbalanced=True))
            last_end = position + 1
        elif not waiting or direction == "open":
            waiting.append(position)
        else:
            open_at = waiting.pop()
            quotes.append(QuoteSpan(open_at + 1, position, opens_paragraph=open_at <= text_starts))
            last_end = position + 1
            while written == '"' and waiting and original_marks.get(waiting[-1], '"') == '"':
                unclosed.append(waiting.pop())
    open_at_end = bool(waiting)
    text_end = len(text.rstrip())
    # Opening marks of the quotes paired so far, in order, to find the first after each unclosed one.
    opened = sorted(q.start - 1 for q in quotes)
    pending = sorted(unclosed + waiting)
    for number, open_at in enumerate(pending):
        after = bisect_left(opened, open_at)
        later = opened[after: after + 1] + pending[number + 1: number + 2]
        quote = _unclosed_quote(text, text_end, open_at, min(later, default=None))
        quote.opens_paragraph = open_at <= text_starts
        quotes.append(quote)
        if quote.end < text_end:
            open_at_end = open_at_end and open_at != waiting[-1]
    quotes.sort(key=lambda quote: (quote.start, quote.end))
    kept = [q for q in quotes if _WORD.search(text, q.start, q.end) and q.end > q.start]
    return PairedMarks(kept, open_at_end)


def _unclosed_quote(text: str, end: int, open_at: int, next_open: int | None) -> QuoteSpan:
    """The words after an opening mark that no mark closes, up to `next_open`, the next quote's opening mark,
    or `end`, where the text ends."""
    if next_open is not None and _opens_a_paragraph(text, open_at) and _opens_a_paragraph(text, next_open) and \
            next_open - open_at <= LONGEST_OPEN_QUOTE:
        # '"… discuss them. "Ultimately …': a quote over several paragraphs, merged into one text, opens each
        # paragraph anew and closes none but the last; each part ends where the next opens.
        return QuoteSpan(open_at + 1, _end_before(text, next_open))
    if next_open is not None or end - open_at > LONGEST_OPEN_QUOTE:
        # A quote opened after this one, or a very long run: its closing mark is missing, and it ends with its
        # sentence.
        end = _sentence_end(text, open_at + 1, end if next_open is None else next_open)
    return QuoteSpan(open_at + 1, end, unbalanced=True)


def _opens_a_paragraph(text: str, mark: int) -> bool:
    """Whether an opening mark stands where a paragraph of a merged text would begin: at the start, or after
    the end of a sentence or a colon ('them. "Ultimately', 'went on: "He')."""
    before = _end_before(text, mark)
    return before == 0 or text[before - 1] in ".!?:"


def _end_before(text: str, position: int) -> int:
    """Where the text before `position` ends without its trailing white space; read back over that space
    only, so that a text of many marks is still read in linear time."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


def _straight_mark_direction(text: str, position: int, *, inside_a_quote: bool) -> str:
    """A straight mark between a space and a word opens ('said "We'), one between a word or a comma and a space
    closes ('win," she'): so one missing mark earlier in a text no longer flips every pair after it, which made
    the narration between two quotes a quote ('he said. Last year, Japan …'). Inside a quote, a mark opens
    only where a paragraph would begin ('them. "Ultimately'); elsewhere it toggles, as a straight mark cannot say
    whether it nests. Any other mark toggles too; one after a full stop may end a quote or open the next
    sentence's, written without its space ('hands." Some …')."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if before.isspace() and (after.isalnum() or after in "'‘"):
        return "open" if not inside_a_quote or _opens_a_paragraph(text, position) else "toggle"
    if (before.isalnum() or before == ",") and (after.isspace() or after in ".,;:!?)"):
        return "close"
    return "toggle"


def _sentence_start(text: str, floor: int, position: int) -> int:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, floor, max(floor, position - 1))]
    start = starts[-1] if starts else floor
    while start < position and text[start] == " ":
        start += 1
    return start


def _sentence_end(text: str, start: int, limit: int) -> int:
    limit = min(limit, start + LONGEST_OPEN_QUOTE)
    match = _SENTENCE_END.search(text, start, limit)
    return match.start() + 1 if match else len(text[:limit].rstrip())


def find_quotes(doc: Doc, paired: PairedMarks) -> Iterator[QuoteFinding]:
    found: list[tuple[QuoteSpan, Span, range, list[Link]]] = []
    for quote in paired.quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or len(span) == 0 or _trim(doc, span)[0] >= _trim(doc, span)[1]:
            continue
        opening = span.start - 1 if span.start > 0 and doc[span.start - 1].text == '"' else None
        closing = span.end if span.end < len(doc) and doc[span.end].text == '"' else None
        inside = range(opening if opening is not None else span.start, (closing if closing is not None else
                                                                        span.end - 1) + 1)
        found.append((quote, span, inside, _chain(doc, span, inside, opening, closing)))
    balanced = [inside for quote, _, inside, _ in found if not quote.unbalanced]
    found = [(quote, span, inside, _outside_other_quotes(chain, inside, balanced))
             for quote, span, inside, chain in found]
    previous_chain: list[Link] = []
    for number, (quote, span, inside, chain) in enumerate(found):
        if not chain:
            # "“A,” he said, “B.”": the halves of a split quote share their cue.
            chain = next((other for _, other_span, _, other in found[number + 1:]
                          if other and sentence_of(other_span[0]).start == sentence_of(span[0]).start), [])
        if not chain and not quote.opens_paragraph and previous_chain:
            chain = previous_chain
        if _is_a_nickname(doc, inside):
            continue
        start, end = _trim(doc, span)
        yield QuoteFinding(
            start=start, end=end, quote_type=_quote_type(doc, span), unbalanced=quote.unbalanced,
            chain=chain, sentence=_sentence_around(doc, span),
        )
        previous_chain = chain or previous_chain


def _outside_other_quotes(chain: list[Link], inside: range, insides: list[range]) -> list[Link]:
    """Links whose subject stands outside the paragraph's other quotes: in '"Every single amendment," said
    Cruz. "It is not rocket science."' a small parser may make the quoted noun the subject of "said", but a
    speaker is never a word of someone's quote. A quote that holds this one is no other quote (its words frame
    a quote nested in it), and `insides` are the quotes whose marks both pair up: where one is missing, where
    the words end is a guess."""
    others = [other for other in insides if not (other.start <= inside.start and inside.stop <= other.stop)]
    return [link for link in chain
            if link.subject is None or not any(link.subject.i in other for other in others)]


def _is_a_nickname(doc: Doc, inside: range) -> bool:
    """Marks inside a name (Marcia "Cia" Price) set off a nickname, not anyone's words."""
    before = doc[inside.start - 1] if inside.start > 0 else None
    after = doc[inside.stop] if inside.stop < len(doc) else None
    words = doc[inside.start + 1: inside.stop - 1]
    return before is not None and after is not None and before.pos_ == "PROPN" and after.pos_ == "PROPN" and \
        0 < len(words) <= 2 and all(t.is_title for t in words)


def _trim(doc: Doc, span: Span) -> tuple[int, int]:
    """The quoted words without surrounding white space and a trailing comma."""
    text = doc_text(doc)
    start, end = span.start_char, span.end_char
    segment = text[start:end]
    leading = len(segment) - len(segment.lstrip(' "'))
    trailing_kept = segment.rstrip(' "')
    trailing_kept = trailing_kept[:-1] if trailing_kept.endswith(",") else trailing_kept
    return start + leading, start + len(trailing_kept)


def _sentence_around(doc: Doc, span: Span) -> Span:
    first = sentence_of(doc[span.start])
    last = sentence_of(doc[span.end - 1])
    return doc[first.start: last.end]


def _chain(doc: Doc, span: Span, inside: range, opening: int | None, closing: int | None) -> list[Link]:
    """Attribution for the quote: a cue right beside its marks ("…," Tester said / Trump said: "…" /
    "…" — Ana Ruiz / "PENCE: …") or an as-clause ("as Tester put it"), else the parse of its sentence, else a
    cue sentence just before or after."""
    sentence = _sentence_around(doc, span)
    beside = (_transcript_speaker(span) or _cue_after(doc, opening, closing, sentence)
              or _cue_before(doc, opening, sentence) or as_clause_cue(sentence, inside))
    chain = chain_for(sentence, _anchor(span), inside)
    if beside is not None:
        # A speaker in the clause the cue reports speaks, and the cue's subject relays: 'Putin praised the “…”
        # shown by the troops, the agency said'.
        relayed = [link for link in chain if link.by_verb and reports_clause_of(beside, link)]
        # Who relays the words stays in the chain: "Chief Kemp said the gunman shouted, “…”".
        return [*relayed, beside, *(link for link in chain if not link.by_verb or reports_clause_of(link, beside))]
    if chain:
        return chain
    if _quote_type(doc, span) == "mixed":
        governing = governing_subject(_anchor(span), inside)
        if governing is not None:
            return [governing]
    after = sentence_of(doc[sentence.end]) if sentence.end < len(doc) else None
    if after is not None and len(after) <= 8:
        chain = chain_for(after, after.root, range(0))
    if not chain and sentence.start > 0:
        # "Mayor Lopez said the bridge would close. "We have no choice."": the speaker is named just before.
        before = sentence_of(doc[sentence.start - 1])
        if before.text.rstrip().endswith(":") or before.root.lemma_.lower() in SPEECH_VERBS:
            chain = chain_for(before, before.root, range(0))
        elif _assents(before.root) and (subject := subject_of(before.root, range(0))) is not None:
            chain = [Link(phrase_text(subject), before.root.text, subject, before.root.i)]
    return chain


# What may stand beside a verb of assent in a sentence that says nothing more: its subject, an adverb, a time.
_BARE_CLAUSE_DEPS = {"nsubj", "advmod", "aux", "neg", "npadvmod", "punct"}


def _assents(verb: Token) -> bool:
    """A sentence that only says someone agreed or objected ('Councillor Lund agreed.') hands what they said
    to the quote after it; 'agreed to the sale' says nothing."""
    return verb.lemma_.lower() in ASSENT_VERBS and all(child.dep_ in _BARE_CLAUSE_DEPS for child in verb.children)


_TRANSCRIPT_NAME = re.compile(r"^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3}):\s")


def _transcript_speaker(span: Span) -> Link | None:
    """Interview transcripts: "PENCE: Well, the question …"."""
    match = _TRANSCRIPT_NAME.match(span.text)
    if not match:
        return None
    return Link(match.group(1), ":", span[0], span[0].i)


def _cue_after(doc: Doc, opening: int | None, closing: int | None, sentence: Span) -> Link | None:
    """The words between the closing mark and the next mark or the sentence end: ', Tester said, …'."""
    if closing is None:
        return None
    limit = max(sentence.end, sentence_of(doc[closing]).end)
    opens_sentence = opening is None or doc[opening].is_sent_start
    if limit == closing + 1 < len(doc) and doc[closing - 1].text[-1:] in ("?", "!") and opens_sentence:
        # '"All the way!" Dawson shouted': the parser ends the sentence at a question or exclamation mark, yet
        # the cue clause runs on after the closing mark. Not after a quote its sentence leads into ('Clinton
        # responded: "What difference does it make?" Her critics …'): that one has its cue.
        limit = sentence_of(doc[closing + 1]).end
    words = []
    for token in doc[closing + 1: limit]:
        if token.text == '"':
            break
        words.append(token)
    words = _up_to_clause_end(words)
    ends_an_utterance = doc[closing - 1].text[-1:] in (",", "?", "!") or bool(words) and words[0].text == ","
    return cue_clause(words) or (_speaker_and_any_verb(words) if opens_sentence and ends_an_utterance else None)


# How many words a name or a description before its verb may have: "Hannity", "the Saudi envoy", "Rep. Glenn
# Thompson, R-Pa.".
_LONGEST_SPEAKER_BEFORE_VERB = 6
_FINITE_TAGS = ("VBD", "VBZ", "VBP")


def _speaker_and_any_verb(words: list[Token]) -> Link | None:
    """'"Go back to Univision," Trump barked', '"Would it be negotiable?" Hannity pressed': a direct quote
    that ends on a comma, a question or an exclamation mark and is followed by a subject and its verb is that
    subject's, whatever the verb; news uses many more than any list of speech verbs holds."""
    words = [t for t in words if not t.is_punct]
    verb_at = next((i for i, t in enumerate(words[:_LONGEST_SPEAKER_BEFORE_VERB + 1])
                    if t.pos_ in ("VERB", "AUX")), None)
    if not verb_at or words[verb_at].tag_ not in _FINITE_TAGS:
        return None
    verb = words[verb_at]
    subject = next((t for t in words[:verb_at] if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i), None)
    if subject is None or subject.pos_ not in ("PROPN", "PRON", "NOUN") or subject.lower_ in THING_PRONOUNS:
        return None
    return Link(phrase_text(subject), verb.text, subject, verb.i)


def _cue_before(doc: Doc, opening: int | None, sentence: Span) -> Link | None:
    """'Trump said: "…"', 'Douglas Brinkley, a historian, recalled, "…"': a cue that ends right at the mark."""
    if opening is None or opening == 0 or doc[opening - 1].text not in (",", ":"):
        return None
    words = []
    for token in reversed(doc[max(opening - 40, 0): opening - 1]):
        if token.text == '"' or token.text in (".", "!", "?"):
            break
        words.insert(0, token)
    # The cue ends the clause, or is its last verb with whom or where it was said after it: 'told his
    # supporters, "…"', 'As Michael Dell said last week in Tel Aviv, "…"'.
    cue = words[-1] if words and _is_speech_verb(words[-1]) else \
        next((t for t in reversed(words) if t.pos_ in ("VERB", "AUX")), None)
    if cue is None or not _is_speech_verb(cue):
        return _speaker_before_colon(words) if words and doc[opening - 1].text == ":" else None
    subject = subject_of(cue, range(0))
    if subject is not None and subject.i < cue.i:
        return Link(phrase_text(subject), cue.text, subject, cue.i)
    return cue_clause(words[:words.index(cue) + 1], whole=True)


def _is_speech_verb(token: Token) -> bool:
    return token.lemma_.lower() in SPEECH_VERBS or token.lower_ in ("said", "says")


# Who can be handed a quote by a colon: people and organisations, by name or by pronoun.
_SPEAKING_ENTITIES = ("PERSON", "ORG", "NORP")
_SPEAKING_PRONOUNS = ("he", "she", "they", "i", "we")


def _speaker_before_colon(words: list[Token]) -> Link | None:
    """'She then addressed the supporters again: "…"', 'Donald Trump: "…"': a colon hands the quote to the
    clause before it, whatever its verb, when that clause's subject is someone who can speak; or to the name
    that is all the words before it."""
    if len(words) <= 4 and all(t.pos_ == "PROPN" for t in words):
        return Link(phrase_text(words[-1]), ":", words[-1], words[-1].i)
    for verb in reversed([t for t in words if t.pos_ in ("VERB", "AUX")]):
        subject = subject_of(verb, range(0))
        if subject is not None and subject.i >= words[0].i and (
                subject.ent_type_ in _SPEAKING_ENTITIES or subject.lower_ in _SPEAKING_PRONOUNS):
            return Link(phrase_text(subject), verb.text, subject, verb.i)
    return None


def _up_to_clause_end(words: list[Token]) -> list[Token]:
    """Cut after the first comma that follows a speech verb: ', Tester said, referring to …' → 'Tester
    said'; an apposition with verbs of its own ('…, who also featured in the film, told …') is kept."""
    seen_verb = False
    for index, token in enumerate(words):
        if _is_speech_verb(token):
            seen_verb = True
        elif token.text in (",", ";", ":", ".") and seen_verb and index > 0:
            return words[:index]
    return words


def _anchor(span: Span) -> Token:
    """The quote's own head: its token whose syntactic head lies outside the quote."""
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            if not token.is_punct:
                return token
    return span.root


def _quote_type(doc: Doc, span: Span) -> str:
    before = span.start - 1
    while before >= 0 and doc[before].text == '"':
        before -= 1
    if before < 0 or doc[before].is_sent_end or doc[before].text in (":", ",", "—", "–", "-", ".", "!", "?") or \
            sentence_of(doc[before]).start > before or doc[before + 1].is_sent_start:
        return "direct"
    return "mixed"
