"""Extraction: parse each article's paragraphs with spaCy and turn figures and quotes into `Claim`s.

spaCy objects stay inside this package; what leaves it are plain models with offsets into the original.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING

import numpy

from claimtrack.extractors.quantities import QuantityFinding, find_quantities
from claimtrack.extractors.quotes import QuoteFinding, QuoteSpan, find_quotes, pair_quote_marks
from claimtrack.extractors.sources import Link, chain_for, reports_clause_of
from claimtrack.extractors.starts import find_start_years
from claimtrack.extractors.tokens import (
    doc_text,
    entity_of,
    entity_text,
    forget_indexes,
    is_name_glue,
    person_name_span,
    sentence_of,
    sentences,
)
from claimtrack.extractors.windows import claim_windows, sentence_spans
from claimtrack.lexicon import (
    FEMALE_WORDS,
    GENERATIONAL_SUFFIXES,
    MALE_WORDS,
    NAME_ROLE_ABBREVIATIONS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDERS,
    RELAYING_NOUNS,
)
from claimtrack.models import Article, Claim
from claimtrack.textmap import Body, cut_into_pieces

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

INNER_CUES = {"citing", "quoting"}
# Labels of a name apposed to a speaker's role that cannot be who speaks: a place, a nationality, a date.
_NOT_SPEAKERS = {"GPE", "LOC", "NORP", "DATE", "TIME"}
TITLES = {
    "president", "mr", "mrs", "ms", "dr", "prime", "minister", "leader", "sen", "senator", "gov", "governor",
    "rep", "secretary", "chancellor", "king", "queen", "prince", "general", "gen", "sir", "lord", "dame",
    "judge", "justice", "chairman", "ceo", "mayor", "professor", "prof", "former", "supreme", "dictator", "the",
}
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,4}\b")
_DEMONYM_ENDINGS = ("an", "ese", "ish")
# A gendered title and the name after it: "Mr Ebbers", "Mrs. Clinton", "Dame Judi Dench".
_TITLED_NAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.? ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’-]*")
# A capitalised word after a lowercase word or a comma is a name, not a sentence's first word.
_NAME_INSIDE_SENTENCE = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’-]*")
# A place in capitals, with its state or country and the agency, and a dash: "BRAYTON, Ohio (AP) — ",
# "LONDON (Reuters) - ". A plain hyphen only after the agency: "NATO - the alliance of 32 nations - said" opens
# with a name.
_DATELINE = re.compile(r"[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?"
                       r"(?: ?(?:—|–|--)| ?\([\w .]+\) ?(?:—|–|--|-)) ")
# Longer paragraphs are parsed in pieces: spaCy refuses texts over nlp.max_length (a million characters)
# and its memory grows with the length of each text.
PIECE_LIMIT = 100_000
# And so are longer windows (a paragraph of quotes, each running across a sentence end, is one window): the
# parser's memory grows about 5 KB a character on such text, 500 MB for a 100,000-character window. News has
# none so long (18,348 characters at most in the 2,225 BBC articles).
LONGEST_WINDOW = 20_000
# The parser holds those 5 KB a character for all the texts of a batch at once (nine 20,000-character windows
# in one batch took 1.15 GB), so only short windows are parsed in batches, where batching pays: one-sentence
# records take twice as long in batches of 8 as of 64. A longer window is parsed on its own, which costs no
# time: 600 BBC articles (half their windows over 381 characters) take the same time, and peak at 235 MB
# instead of 399 MB.
BATCH_SIZE = 64
PARSED_ALONE_FROM = 500


# The parser's vocabulary keeps every new word it meets (each record's numbers, names and typos), so that a run
# over 20,000 one-sentence records grew by 42 MB. Articles are parsed in groups of this many characters of
# prose, each in a spaCy memory zone that forgets the group's new words once its claims are made.
ZONE_CHARACTERS = 1_000_000


def iter_extract(articles: Iterable[Article], nlp: Language) -> Iterator[tuple[Article, list[Claim], bool]]:
    """Stream (article, claims, whether they are its last) in article order, a section of an article at a
    time, parsing the short claim windows of consecutive articles in shared batches and each longer one on its
    own, in this process (several share the work by whole articles: see claimtrack.engine). An article's
    claims come in one piece unless it is far longer than any news article (see SECTION_CHARACTERS). Nothing
    spaCy made outlives its group of articles (see ZONE_CHARACTERS): claims are plain models."""
    for group in _zones(articles):
        with nlp.memory_zone():
            yield from _iter_extract_group(group, nlp)


def _zones(articles: Iterable[Article]) -> Iterator[list[Article]]:
    """Consecutive articles in groups of at least ZONE_CHARACTERS of text, and the rest."""
    group: list[Article] = []
    characters = 0
    for article in articles:
        group.append(article)
        characters += len(_body(article).text.text)
        if characters >= ZONE_CHARACTERS:
            yield group
            group, characters = [], 0
    if group:
        yield group


def _iter_extract_group(articles: list[Article], nlp: Language) -> Iterator[tuple[Article, list[Claim], bool]]:
    readers: dict[int, _ArticleReader] = {}

    def texts() -> Iterator[tuple[str, tuple[int, int]]]:
        for number, article in enumerate(articles):
            reader = readers[number] = _ArticleReader(article, _windows_of(article))
            if not reader.windows:
                yield "", (number, -1)
            for index, window in enumerate(reader.windows):
                if len(window.text) < PARSED_ALONE_FROM:
                    yield window.text, (number, index)
                    continue
                reader.add(index, _without_vectors(nlp(window.text)))
                yield "", (number, -1)  # so that the article is read on in its turn once this was its last

    next_article = 0
    for doc, (number, index) in nlp.pipe(texts(), as_tuples=True, batch_size=BATCH_SIZE):
        if index >= 0:
            readers[number].add(index, _without_vectors(doc))
        while next_article in readers:
            reader = readers[next_article]
            for claims in reader.read_parsed_sections():
                yield reader.article, claims, reader.done
            if not reader.done:
                break
            del readers[next_article]
            next_article += 1


def _without_vectors(doc: Doc) -> Doc:
    """`doc` without the parser's working vectors, the largest part of a Doc, which no extractor reads."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


@dataclass(slots=True)
class _Window:
    """A stretch of an article to parse: its analysis text, where it starts, the quote marks as written in
    the original, and how many sentences of the article come before it."""

    offset: int
    text: str
    marks: dict[int, str]
    first_sentence: int


def _windows_of(article: Article) -> list[_Window]:
    body = _body(article)
    windows: list[_Window] = []
    sentences_before = 0
    # The last sentence of the paragraph before, parsed only if this paragraph opens with a quote: there news
    # names whom the next paragraph's "she said" means ("German Chancellor Angela Merkel addressed parliament.").
    lead_in: _Window | None = None
    for start, end in body.pieces(PIECE_LIMIT):
        text = body.text.text[start:end]
        if body.headline is not None and start < body.headline[1]:
            text = sentence_case(text, body.text.text[body.headline[1]:])
        text = without_dateline(text)
        marks = {i: article.text[body.text.original_span(start + i, start + i + 1)[0]]
                 for i, char in enumerate(text) if char == '"'}
        mark_positions = list(marks)
        sentences = sentence_spans(text)
        sentence_starts = [sentence_start for sentence_start, _ in sentences]

        def window(window_start: int, window_end: int) -> _Window:
            inside = mark_positions[bisect_left(mark_positions, window_start): bisect_left(mark_positions, window_end)]
            return _Window(start + window_start, text[window_start:window_end].rstrip(),
                           {i - window_start: marks[i] for i in inside},
                           sentences_before + bisect_left(sentence_starts, window_start))

        opens_with_quote = bool(sentences) and '"' in text[slice(*sentences[0])]
        if lead_in is not None and opens_with_quote and \
                not (windows and windows[-1].offset + len(windows[-1].text) >= lead_in.offset):
            windows.append(lead_in)
        windows.extend(window(*piece) for whole in claim_windows(text, pair_quote_marks(text, marks).quotes)
                       for piece in cut_into_pieces(text, *whole, LONGEST_WINDOW))
        lead_in = window(*sentences[-1]) if sentences and sentences[-1][1] - sentences[-1][0] <= LONGEST_WINDOW \
            else None
        sentences_before += len(sentences)
    return windows


def without_dateline(paragraph: str) -> str:
    """The paragraph with the dateline it opens with ("WASHINGTON —", "HARLAN, Ky. (AP) —") blanked out, for
    the parser: it says where the story was filed, and read as words it becomes the first sentence's subject,
    its speaker or the place of its first figure. Blanks keep offsets into the paragraph."""
    dateline = _DATELINE.match(paragraph)
    return paragraph if dateline is None else " " * dateline.end() + paragraph[dateline.end():]


def sentence_case(headline: str, story: str) -> str:
    """The headline as a sentence of the story would write it, for the parser: "Powerful Quake in Iran Kills
    10" reads "Powerful quake in Iran kills 10". A capitalised word keeps its capital when the story writes
    it so inside a sentence (a name) or it is an acronym; the first word keeps it too. Only case changes, so
    offsets into the headline hold."""
    names = set(_NAME_INSIDE_SENTENCE.findall(story))

    def lower(match: re.Match) -> str:
        word = match.group()
        keep = match.start() == 0 or word in names or word.isupper() or not word[1:].islower()
        return word if keep else word[0].lower() + word[1:]

    return _CAPITALISED_WORD.sub(lower, headline)


def text_to_parse(articles: Iterable[Article]) -> tuple[int, int]:
    """How many characters of prose the articles hold, and in how many pieces the parser would take them."""
    pieces = [end - start for article in articles for start, end in _body(article).pieces(PIECE_LIMIT)]
    return sum(pieces), len(pieces)


def _body(article: Article) -> Body:
    if not isinstance(article._body, Body):
        raise ValueError(f"article {article.id!r} was not made by claimtrack.load; it has no analysis text")
    return article._body


@dataclass
class _ArticleContext:
    """What the article has said so far: names in full, who was last mentioned or quoted, whether each person
    is a man or a woman where the article says so, and which groups spoke, for "they"."""

    full_names: dict[str, str] = field(default_factory=dict)
    recent_people: list[tuple[int, str]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    recent_groups: list[tuple[int, str]] = field(default_factory=list)
    people: set[str] = field(default_factory=set)  # names the parser tagged as a person's somewhere

    # Every person's name the article gives so far, and the acronyms it spells out ("Korean Central News
    # Agency (KCNA)"), from which a surname or an acronym is completed.
    names: set[str] = field(default_factory=set)
    acronyms: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, docs: list[Doc], text: str) -> _ArticleContext:
        """The context of an article of `text`, from the docs of its first section."""
        context = cls()
        # Sentences without a claim are not parsed, yet often name people in full ("Russian President
        # Vladimir Putin held a call"): their capitalised runs complete a surname the parsed part lacks.
        for run in _CAPITALISED_RUN.findall(text):
            words = _name_words(run.split())
            while words and words[0].endswith(_DEMONYM_ENDINGS):
                words = words[1:]
            # Two names side by side ("Bush Cherie Blair") or a name and an organisation ("Kilroy-Silk
            # Party") make longer runs; a three-word name has a short middle ("Kim Jong Un").
            if len(words) == 2 or len(words) == 3 and len(words[1]) <= 4:
                context.names.add(" ".join(words))
        context.learn_names(docs)
        # "Mrs Dale" anywhere in the article, parsed or not, names a woman whom a later "she" can be.
        for match in _TITLED_NAME.finditer(text):
            title, name = match.groups()
            gender = "male" if title.casefold() in MALE_WORDS else "female"
            context.note_person(match.start(), context.full_name(name), gender)
        return context

    def learn_names(self, docs: list[Doc]) -> None:
        """Add the people `docs` name and the acronyms they spell out to those that complete a name."""
        people = {_person_name(ent) for doc in docs for ent in doc.ents if ent.label_ == "PERSON"}
        self.people.update(people)
        self.names.update(people)
        for doc in docs:
            for ent in doc.ents:
                if ent.label_ == "ORG" and ent.end + 2 < len(doc) and doc[ent.end].text == "(" and \
                        doc[ent.end + 2].text == ")" and doc[ent.end + 1].is_upper:
                    self.acronyms.setdefault(doc[ent.end + 1].text.casefold(), _person_name(ent))
        # Rebuilt, not added to: a longer name read later takes a word over from a shorter one.
        self.full_names = {}
        for name in sorted(self.names, key=lambda name: (-len(name.split()), name)):
            for word in name.split():
                self.full_names.setdefault(word.casefold(), name)
        for acronym, name in self.acronyms.items():
            self.full_names.setdefault(acronym, name)

    def full_name(self, name: str) -> str:
        words = [w for w in name.split() if w.casefold() not in TITLES]
        if not words:
            return name
        candidates = {self.full_names.get(w.casefold()) for w in words}
        if len(candidates) == 1 and None not in candidates:
            full = candidates.pop()
            if all(w.casefold() in full.casefold().split() for w in words):
                return full
        return " ".join(words)

    def note_subjects(self, doc: Doc, offset: int, quotes: list[QuoteSpan]) -> None:
        """Note the people and organisations `doc` names as subjects outside its quotes. Pronouns mostly refer
        back to a subject; a name in object position ("visited Kyiv") is too often a place the small model
        mislabels; and a name inside a quote is the speaker's word ("“Crooked Hillary …,” Trump tweeted. He
        added …"), not whom the narration's next "he" means."""
        for ent in doc.ents:
            if any(quote.start <= ent.start_char < quote.end for quote in quotes):
                continue
            if ent.label_ == "PERSON" and (ent.root.dep_ in ("nsubj", "nsubjpass", "appos") or _according_to(ent.root)):
                self.note_person(offset + ent.start_char, self.full_name(_person_name(ent)), _gender_of(ent))
            elif ent.label_ == "ORG" and ent.root.dep_ in ("nsubj", "nsubjpass"):
                self.recent_groups.append((offset + ent.start_char, self.full_name(_person_name(ent))))
        # "Papandreou expressed shock": a surname alone the small model does not tag, of a person the article
        # has named in full where it did.
        for token in doc:
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PROPN" and not token.ent_type_ and \
                    not any(quote.start <= token.idx < quote.end for quote in quotes):
                name = self.full_name(token.text)
                if name in self.people and name != token.text:
                    self.note_person(offset + token.idx, name)

    def note_person(self, position: int, name: str, gender: str | None = None) -> None:
        self.recent_people.append((position, name))
        if gender is not None:
            self.genders.setdefault(name, gender)

    def last_person_before(self, position: int, pronoun: str = "") -> str | None:
        """The person last named before `position` whom `pronoun` can stand for: "she" skips the men the
        article has marked as such ("Mr Hale … she said" is not Hale), "he" the women."""
        gender = PRONOUN_GENDERS.get(pronoun.casefold())
        return _last_before(position, [(at, name) for at, name in self.recent_people
                                       if gender is None or self.genders.get(name, gender) == gender])

    def last_group_before(self, position: int) -> str | None:
        return _last_before(position, self.recent_groups)

    def referent(self, pronoun: str, position: int) -> str | None:
        """Whom a pronoun at `position` stands for: "they" the last group, "she" the last person the article
        does not mark as a man; None for a word that is no pronoun, or when nobody fits."""
        if pronoun.casefold() in PLURAL_PRONOUNS:
            return self.last_group_before(position)
        if pronoun.casefold() in PERSONAL_PRONOUNS:
            return self.last_person_before(position, pronoun)
        return None


def _according_to(token: Token) -> bool:
    """The person a claim is attributed to ("…, according to Police Chief Anna Kovacs."), whom the next "she
    said" means as often as a subject."""
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"


def _last_before(position: int, mentions: list[tuple[int, str]]) -> str | None:
    """The name mentioned last before `position`, by place in the article, not by when it was noted."""
    earlier = [(at, number, name) for number, (at, name) in enumerate(mentions) if at < position]
    return max(earlier)[2] if earlier else None


def _gender_of(entity: Span) -> str | None:
    """Whether the words around a person's name say it is a man or a woman: a title or noun before it
    ("Mrs Dale", "Congresswoman Ruth Ames"), or an apposition after it ("Tom Kay, the actor,")."""
    doc = entity.doc
    before = [doc[entity.start - 1]] if entity.start > 0 else []
    apposed = [child for child in entity.root.children if child.dep_ == "appos"]
    for token in [*before, *entity, *apposed]:
        word = token.lower_
        if word in MALE_WORDS:
            return "male"
        if word in FEMALE_WORDS:
            return "female"
    return None


def _person_name(entity: Span) -> str:
    return " ".join(_name_words([t.text for t in person_name_span(entity)
                                 if not t.is_punct and t.lower_ not in ("'s", "’s")]))


def _name_words(words: list[str]) -> list[str]:
    """The words of a person's name among those the small model or a capitalised run gives for it: what comes
    after the last title or role ("To Mr Halvorsen", "Clubland DJ Tariq Benn" name Halvorsen and Tariq Benn),
    without a word glued before it ("But Ms Cooper") nor a role or lowercase word after it ("Gareth Wynne MP",
    "Tariq Benn - aka"). A title last is a surname ("Billie Jean King"); a name in lowercase ("city council") is
    a group's, kept whole."""
    def is_title(word: str) -> bool:
        return word.casefold().rstrip(".") in TITLES | NAME_ROLE_ABBREVIATIONS
    while len(words) > 1 and (words[-1].casefold() in NAME_ROLE_ABBREVIATIONS or
                              words[-1].islower() and not words[0].islower()):
        words = words[:-1]
    # "Martin Luther King Jr": a title before a generational suffix is the surname too.
    last = len(words) - 1 - (len(words) > 1 and words[-1].casefold().rstrip(".") in GENERATIONAL_SUFFIXES)
    titles = [i for i, word in enumerate(words[:last]) if is_title(word) or is_name_glue(word)]
    return words[titles[-1] + 1:] if titles else words


# An article's docs are read a section at a time and let go once read, so that memory holds one section's
# docs, not an article's: the docs of a page of a data table (a claim in each of 120,000 rows) took 550 MB. The
# names that complete a surname ("Putin" -> "Vladimir Putin") are gathered from a whole section before its
# first claim is made, so an article shorter than a section (every news article: the longest of the 2,225 BBC
# ones has 25,000 characters) reads exactly as if whole; in a longer one a name completes the surnames of its
# own section and of those after it.
SECTION_CHARACTERS = 100_000


class _ArticleReader:
    """One article's claims, made a section of windows at a time as their docs are parsed."""

    def __init__(self, article: Article, windows: list[_Window]) -> None:
        self.article = article
        self.body = _body(article)
        self.windows = windows
        self.docs: list[Doc | None] = [None] * len(windows)
        self.parsed = 0  # how many windows, from the first, are parsed
        self.read = 0  # windows whose claims are made
        self.done = False
        self.section_ends = _section_ends(windows)
        self.context: _ArticleContext | None = None
        self.seen: set[tuple[str, str, str]] = set()
        self.continuing: list[Link] = []
        self.continuing_at = 0

    def add(self, index: int, doc: Doc) -> None:
        self.docs[index] = doc
        while self.parsed < len(self.docs) and self.docs[self.parsed] is not None:
            self.parsed += 1

    def read_parsed_sections(self) -> Iterator[list[Claim]]:
        """The claims of each next section whose windows are all parsed; `done` once the last is read."""
        while not self.done and self.parsed >= self.section_ends[0]:
            end = self.section_ends.pop(0)
            claims = self._read(end)
            self.done = not self.section_ends
            yield claims

    def _read(self, end: int) -> list[Claim]:
        section = self.docs[self.read:end]
        if self.context is None:
            self.context = _ArticleContext.of(section, self.body.text.text)
        else:
            self.context.learn_names(section)
        del section  # each doc is let go once read
        claims: list[Claim] = []
        for number in range(self.read, end):
            doc, self.docs[number] = self.docs[number], None
            claims.extend(self._claims_of_window(number, doc))
            forget_indexes(doc)
        self.read = end
        unique = []
        for claim in sorted(claims, key=lambda c: (c.start, c.end, c.kind)):
            key = (claim.kind, claim.claim_text, claim.sentence)
            if key not in self.seen:
                self.seen.add(key)
                unique.append(claim)
        return unique

    def _claims_of_window(self, number: int, doc: Doc) -> Iterator[Claim]:
        article, body, context, windows = self.article, self.body, self.context, self.windows
        window = windows[number]
        offset = window.offset
        sentence_index = {sent.start: window.first_sentence + i for i, sent in enumerate(sentences(doc))}
        paired = pair_quote_marks(doc_text(doc), window.marks)
        context.note_subjects(doc, offset, paired.quotes)
        quotes = list(find_quotes(doc, paired))
        # Where each quote's speaker is read: a paragraph that opens with an unattributed quote continues the
        # last speaker quoted, whose "he" means whom it meant there, not whoever was named since.
        resolved_at = [offset + quote.start for quote in quotes]
        if quotes and not quotes[0].chain and paired.quotes and paired.quotes[0].opens_paragraph and self.continuing:
            quotes[0].chain, resolved_at[0] = self.continuing, self.continuing_at
        self.continuing, self.continuing_at = (quotes[-1].chain, resolved_at[-1]) if quotes else ([], 0)
        if paired.open_at_end and quotes and number + 1 < len(windows) and windows[number + 1].text.startswith('"'):
            # Not unbalanced: a quote running on into a paragraph that opens with a quote mark.
            quotes[-1].unbalanced = False
        for quote, position in zip(quotes, resolved_at):
            yield _quote_claim(article, body, offset, doc, quote, position, context, sentence_index)
        for quantity in chain(find_quantities(doc), find_start_years(doc)):
            enclosing = next((q for q in quotes if q.start <= quantity.start and quantity.end <= q.end), None)
            yield _quantity_claim(article, body, offset, doc, quantity, enclosing, context, sentence_index)


def _section_ends(windows: list[_Window]) -> list[int]:
    """Where each section of `windows` ends: after SECTION_CHARACTERS of text or more, and at the last; one
    empty section for an article without windows."""
    ends, characters = [], 0
    for number, window in enumerate(windows):
        characters += len(window.text)
        if characters >= SECTION_CHARACTERS:
            ends.append(number + 1)
            characters = 0
    if not ends or ends[-1] < len(windows):
        ends.append(len(windows))
    return ends


def _quote_claim(article: Article, body: Body, offset: int, doc: Doc, quote: QuoteFinding, resolved_at: int,
                 context: _ArticleContext, sentence_index: dict[int, int]) -> Claim:
    speaker = mention = cue = source = None
    if quote.chain:
        verb_links = [link for link in quote.chain if link.by_verb]
        nearest = verb_links[0] if verb_links else quote.chain[0]
        named = [link for link in verb_links[1:]
                 if link.who.casefold() not in PERSONAL_PRONOUNS and reports_clause_of(link, nearest)]
        # Words quoted whole after their own speaker ("Kemp said the gunman shouted, “…”") stay that speaker's.
        own_words = bool(named) and quote.quote_type != "direct" and _tells_in_own_words(named[0], nearest)
        if named and (nearest.who.casefold() in PERSONAL_PRONOUNS or own_words):
            # "Lynch said she recalled thinking, “…”": the pronoun is the speaker named around it.
            nearest = named[0]
        mention, cue = nearest.who, nearest.cue
        speaker = _resolve(nearest, resolved_at, context)
        source = _resolve(_outermost(quote.chain), resolved_at, context)
        if speaker and nearest.subject is not None and nearest.subject.ent_type_ == "PERSON":
            context.note_person(offset + nearest.subject.idx, speaker)
        elif speaker and nearest.subject is not None and nearest.subject.tag_ == "NNS" and nearest.subject.is_lower:
            # "Aides say …": a plural speaker is whom a later "they" names; a capitalised one may be a name the
            # small model took for a plural ("Sanders").
            context.recent_groups.append((offset + nearest.subject.idx, speaker))
        elif speaker and mention and mention.casefold() not in PERSONAL_PRONOUNS:
            context.note_person(offset + (quote.start if nearest.subject is None else nearest.subject.idx), speaker)
        if speaker and mention and speaker != mention and mention.casefold() in PRONOUN_GENDERS:
            # "he said", resolved: the person is a man for every later pronoun.
            context.genders.setdefault(speaker, PRONOUN_GENDERS[mention.casefold()])
    return _claim(
        article, body, offset, doc, quote.start, quote.end, quote.sentence, sentence_index, kind="quote",
        speaker=speaker, speaker_mention=mention, cue=cue, source=source, quote_type=quote.quote_type,
        unbalanced=quote.unbalanced,
    )


def _tells_in_own_words(outer: Link, inner: Link) -> bool:
    """"A source said the files suggested the thieves were after “trade secrets”": words quoted in what a
    speaker named first reports are that speaker's account. Not an outlet's or an organisation's ("State media
    said the leaders spoke of “their will …”"), nor a cue after the clause ("Putin praised the “bravery” …,
    KCNA said"): those relay the inner speaker's words."""
    subject = outer.subject
    # The word as written too: the small model lemmatises "media" as "medium".
    return subject is not None and outer.cue_at < inner.cue_at and subject.ent_type_ != "ORG" and \
        not {subject.lemma_.lower(), subject.lower_} & RELAYING_NOUNS


def _quantity_claim(article: Article, body: Body, offset: int, doc: Doc, quantity: QuantityFinding,
                    enclosing: QuoteFinding | None, context: _ArticleContext,
                    sentence_index: dict[int, int]) -> Claim:
    sentence = sentence_of(quantity.anchor)
    chain = enclosing.chain if enclosing is not None else chain_for(sentence, quantity.anchor)
    speaker = mention = cue = source = None
    if chain:
        outermost = _outermost(chain)
        cue = outermost.cue
        source = _resolve(outermost, offset + quantity.start, context)
        cited = list(dict.fromkeys(name for name in (_resolve(link, offset + quantity.start, context)
                                                     for link in chain if link is not outermost) if name != source))
        if cited:
            source = f"{source} (citing {', '.join(cited)})"
        if enclosing is not None:
            speaker, mention = _resolve(chain[0], offset + quantity.start, context), chain[0].who
    return _claim(
        article, body, offset, doc, quantity.start, quantity.end, sentence, sentence_index, kind="quantity",
        low=quantity.low, high=quantity.high, approximator=quantity.approximator, unit=quantity.unit,
        counted=quantity.counted, subject=quantity.subject, predicate=quantity.predicate, source=source,
        speaker=speaker, speaker_mention=mention, cue=cue,
        frame=quantity.frame.model_copy(update={
            "published": article.published,
            "holder": _resolve_holder(quantity.frame.holder, offset + quantity.start, context)}),
    )


def _resolve_holder(holder: str | None, position: int, context: _ArticleContext) -> str | None:
    """A holder named by a pronoun is whom it stands for, as for a speaker: "they" a group, "she" the last
    person the article does not mark as a man; a name, as the article gives it in full; a common noun ("quake")
    as it is, for it names no one ("Killer Quake" in a headline is not its full name)."""
    if holder is None:
        return None
    if holder.casefold() in PLURAL_PRONOUNS | PERSONAL_PRONOUNS:
        return context.referent(holder, position)
    return holder if holder.islower() else context.full_name(holder)


def _outermost(chain: list[Link]) -> Link:
    """Whom the article attributes the claim to: an explicit "according to X", else the outermost
    reporting verb. "citing X" and "quoting X" always name an inner link."""
    explicit = [link for link in chain if not link.by_verb and link.cue.lower() not in INNER_CUES]
    if explicit:
        return explicit[0]
    verb_links = [link for link in chain if link.by_verb]
    return verb_links[-1] if verb_links else chain[0]


def _resolve(link: Link, position: int, context: _ArticleContext) -> str:
    """The name the article uses for whoever `link` names: pronouns to people, surnames to full names,
    acronyms to what they stand for."""
    if link.who.casefold() in PLURAL_PRONOUNS | PERSONAL_PRONOUNS:
        return context.referent(link.who, position) or link.who
    subject: Token | None = link.subject
    named = None
    if subject is not None and subject.pos_ == "NOUN":
        # "the governor of the province, Abdolreza Sheikholeslami, told …": the person, not the role, whatever
        # label the small model gives the name ("the company spokeswoman, Lena Fors," comes tagged ORG).
        named = _apposed_name(subject.children)
    elif subject is not None and subject.pos_ == "PROPN" and not subject.ent_type_:
        # A capitalised role ("Chairman of the Public Accounts Committee Gareth Wynne MP"): the small model
        # hangs the name on the role's organisation.
        named = _apposed_name(subject.subtree)
    if named is not None:
        return context.full_name(_person_name(entity_of(named)) if named.ent_type_ else
                                 " ".join(_name_words(entity_text(named).split())))
    if subject is not None and subject.ent_type_ in ("PERSON", "ORG"):
        name = _person_name(entity_of(subject))
        if subject.ent_type_ == "PERSON" or name in link.who:
            return context.full_name(name)
    return context.full_name(link.who) if link.who[:1].isupper() else link.who


def _apposed_name(tokens: Iterable[Token]) -> Token | None:
    """The name in apposition among `tokens`, whatever label the small model gives it, unless a place or date."""
    return next((token for token in tokens if token.dep_ == "appos" and (
        token.ent_type_ == "PERSON" or token.pos_ == "PROPN" and token.ent_type_ not in _NOT_SPEAKERS)), None)


def _claim(article: Article, body: Body, offset: int, doc: Doc, start: int, end: int, sentence: Span,
           sentence_index: dict[int, int], **fields) -> Claim:
    original_start, original_end = body.text.original_span(offset + start, offset + end)
    sentence_start, sentence_end = body.text.original_span(offset + sentence.start_char, offset + sentence.end_char)
    kind = fields.pop("kind")
    return Claim(
        # Read from the analysis text, not the parser's: a headline is parsed in sentence case.
        article=article.id, kind=kind, claim_text=body.text.text[offset + start: offset + end],
        sentence=body.text.text[offset + sentence.start_char: offset + sentence.end_char].strip(),
        start=original_start, end=original_end, id=f"{article.id}:{original_start}-{original_end}:{kind}",
        sentence_index=sentence_index.get(sentence_of(doc[sentence.start]).start, 0), sentence_start=sentence_start,
        sentence_end=sentence_end, **fields,
    )
