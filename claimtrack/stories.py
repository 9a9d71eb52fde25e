"""Sort a mixed batch of articles into stories (events), so that figures from unrelated stories are never compared.

A batch of articles from a feed or a scrape holds many events at once: a ferry disaster, a port strike, a
football match. Lining up "12 dead" from the ferry against "12 minutes" from the match is noise, so claims
are compared only within one story. Stories are found from the texts alone, by what each article is about
rather than how it is written: independent reports of one event share their names (the people, places and
organisations involved) and their key nouns, while they differ in every sentence.

Each article becomes a weighted bag of its distinctive terms: casefolded words of four or more letters that
are not stop words, plus capitalised names (runs of capitalised words not at a sentence start), each name
counted as its words and, for a run of several, as the whole run; terms are weighted TF-IDF over the batch.
Two articles are linked when their cosine similarity is at least STORY_SIMILARITY, or when they share at
least SHARED_NAMES names that are rare in the batch and their cosine is at least NAMED_STORY_SIMILARITY;
stories are the connected components of the links. An inverted index from term to articles keeps this
near-linear: only articles that share a term are ever paired.

Missing a link is worse than making one: two reports of one event put in different stories hide the very
discrepancies claimtrack is for, while two stories put in one only add comparisons that the claim alignment
still has to match. So the rules are set to join a handful of independent reports of one event even in a
batch of three, where IDF tells almost nothing (a name in every article of a one-event batch is as common
as a word can be): there IDF is faded out and every name counts as rare. The thresholds are kept high
enough that a large batch does not chain into giant mixed clusters.

    stories = story_groups({"ferry-ap": a, "ferry-local": b, "match": c})
    # {"ferry-ap": "ferry-ap", "ferry-local": "ferry-ap", "match": "match"}
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping

from claimtrack.components import first_members

# Cosine at or above which two articles are one story on their wording alone. Independent reports of one
# event that also share their main names are joined by SHARED_NAMES well below this; the cosine alone must
# carry the rest (a report that names nobody the others name). Set where a batch of thousands does not
# chain: in the 2,225 BBC articles, pairs above it are nearly always one story or one running topic (the
# Yukos affair, the Six Nations), and lowering it mainly grows the topic clusters.
STORY_SIMILARITY = 0.3
# Rare names two articles must share to be one story at a lower cosine: a spokesman and the town, the
# company and its chief executive. Words that stand in one name in either article count once ("Armand
# Velasco" and "Velasco", "Dresdner Kleinwort Wasserstein"), so a person is one name, not two or three. One
# shared name (a city, a club) often joins unrelated stories; a report written from another angle (the
# families at the pier) often shares no more than two, the official quoted and the place.
SHARED_NAMES = 2
# ...and the cosine two articles that share SHARED_NAMES names must still reach. Names shared by coincidence
# come with little else in common: a football match in Antwerp and a strike at the port of Antwerp ("Antwerp"
# and "Belgian") score 0.10 at most in the test batches, while reports of one event sharing two names score
# 0.17 and more. In the BBC batch, 0.12 rather than 0.10 leaves 16 rather than 21 stories that mix sections.
NAMED_STORY_SIMILARITY = 0.12
# A name counts as rare when at most this many articles of the batch hold it, whatever the batch size: a
# story of up to six reports keeps all its names rare, so in a batch of three to six reports of one event,
# where every name is in every article, the names still join them. A share of the batch would not do: in the
# BBC batch, 1% (22 articles) lets footballers' and actors' names chain a whole sport into one story.
RARE_NAME_HOLDERS = 6
# A term held by more articles than this is the batch's common vocabulary rather than a story's; it is left
# out of the pairing, which keeps the pair count bounded (about 3.5 million products for the BBC batch). Its
# weight still counts in each article's vector length, so leaving it out can only lower a cosine, never
# raise it. The cost: a story carried by more articles than this loses its commonest terms from its cosines.
MAX_TERM_ARTICLES = 100
# Batch size from which IDF counts in full; below it, IDF fades in linearly from nothing at one article. In a
# batch of a few reports of one event IDF would rank the words only one report has (its own angle, its own
# quotes) above the names and nouns they all share, and push their cosines down; a plain cosine does not.
IDF_FULL_ARTICLES = 50
# Words shorter than this are mostly function words; names of any length count (Kim, NHS, BTB).
MIN_WORD_LETTERS = 4
# Shortest name word that counts towards SHARED_NAMES: two letters are initials and particles (de, al, Un).
MIN_NAME_LETTERS = 3

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# Between two words, a sentence end, a colon or semicolon, a line break or an opening quote mark (one right
# before the word: a closing one, as in `fine," Velasco said`, is followed by a space) puts the next word at a
# sentence start, where a capital says nothing about a name.
_SENTENCE_BREAK = re.compile(r"[.!?:;\n]|[\"\u201c\u2018\u00ab]$")
# Between two words of one name: spaces and hyphens only (Antwerp-Bruges, Jean-Claude). Anything else (a
# comma, a bracket, a closing quote, a number) ends the name.
_NAME_GAP = re.compile(r"[ \t\-\u2010\u2011\u00a0]*")

STOP_WORDS = frozenset("""
a about above across after afterwards again against ago ahead all almost alone along already also although
always am among amongst an and another any anyone anything anyway anywhere are around as at away back be
became because become becomes been before behind being below beside besides between beyond both but by can
cannot could did do does doing done down during each either else elsewhere enough even ever every everyone
everything few for former formerly from further get gets getting give given go goes going gone got had has
have having he her here hers herself him himself his how however i if in indeed into is it its itself just
last later least less let like made make makes making many may me meanwhile might more moreover most mostly
much must my myself near nearly neither never nevertheless next no nobody none nor not nothing now nowhere of
off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps put
quite rather really same see seem seemed seems several she should since so some somehow someone something
sometimes still such than that the their theirs them themselves then there thereafter thereby therefore
these they this those though through throughout thus to together too toward towards under until up upon us
very via was we well were what whatever when whenever where whereas wherever whether which while who whoever
whole whom whose why will with within without would yet you your yours yourself yourselves
said says say saying told tell tells asked ask added adding according including include includes included
also around told want wants wanted took take takes taken come comes came coming went know known think
thought seen look looked looking used using use way ways thing things lot lots part parts kind
year years month months week weeks day days today yesterday tomorrow tonight morning afternoon evening night
time times hour hours minute minutes decade decades recent recently currently early late earlier
first second third fourth fifth last next new old
zero two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy
eighty ninety hundred hundreds thousand thousands million millions billion billions dozen dozens percent cent
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
mr mrs ms dr sir lord lady st mt
""".split())
# Capitalised words that are titles, credits or generic labels rather than names; they break a name run
# (President Vladimir Putin -> Vladimir Putin) and never count as a shared name.
NAME_STOP_WORDS = STOP_WORDS | frozenset("""
president vice prime minister ministers secretary chancellor governor mayor senator congressman
congresswoman deputy chief executive chairman chairwoman chair director spokesman spokeswoman spokesperson
general commander captain coach manager queen prince princess pope judge justice sheriff inspector
officer professor analyst editor reporter correspondent
bbc reuters afp ap cnn upi dpa
""".split())


def story_groups(texts: Mapping[str, str]) -> dict[str, str]:
    """Article id -> story id (the smallest article id of its story), for every article; an article that
    shares its story with no other is its own story.

    Stories are the connected components of the link relation, so three reports that each share enough with
    one other are one story even when the first and the last share little.
    """
    ids = sorted(texts)
    articles = [_terms(texts[article_id]) for article_id in ids]
    count = len(ids)

    held_by: Counter[str] = Counter()
    name_held_by: Counter[str] = Counter()
    for terms, names in articles:
        held_by.update(terms.keys())
        name_held_by.update({word for name in names for word in name})
    rare = {word for word, holders in name_held_by.items() if holders <= RARE_NAME_HOLDERS}
    # Postings of (article index, unit-length weight): a sum of products over shared terms is then the cosine.
    # Each article keeps, per term, its place in the term's posting, so it is later scored only against the
    # articles after it, and every pair once.
    postings: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
    places: list[list[tuple[list[tuple[int, float]], int, float]]] = []
    for index, (terms, _names) in enumerate(articles):
        article_places = []
        for term, weight in _unit_vector(terms, held_by, count).items():
            if 2 <= held_by[term] <= MAX_TERM_ARTICLES:
                posting = postings[term]
                article_places.append((posting, len(posting), weight))
                posting.append((index, weight))
        places.append(article_places)

    links = []
    for first, article_places in enumerate(places):
        # Summed in the article's own term order, which hangs on its text alone, never on the batch's order.
        similarity: defaultdict[int, float] = defaultdict(float)
        for posting, place, first_weight in article_places:
            for second, second_weight in posting[place + 1:]:
                similarity[second] += first_weight * second_weight
        links += [(first, second) for second, cosine in similarity.items()
                  if cosine >= STORY_SIMILARITY or (
                      cosine >= NAMED_STORY_SIMILARITY
                      and _shared_names(articles[first][1], articles[second][1], rare) >= SHARED_NAMES)]

    # Indices follow the sorted ids, so a story's first member is its smallest id.
    return {article_id: ids[root] for article_id, root in zip(ids, first_members(count, links))}


def _shared_names(first: frozenset[tuple[str, ...]], second: frozenset[tuple[str, ...]], rare: set[str]) -> int:
    """How many names two articles share, counting only rare name words, and counting words that stand in one
    name in either article as one: "Armand Velasco" in one and "Velasco" in the other is one shared name, and
    so is "Dresdner Kleinwort Wasserstein" in both; "Marta Ellery" and "Tensley" are two."""
    words = {word for name in first for word in name if word in rare}
    words &= {word for name in second for word in name}
    groups: list[set[str]] = []
    for name in first | second:
        joined = words.intersection(name)
        if joined:
            touching = [group for group in groups if not group.isdisjoint(joined)]
            groups = [group for group in groups if group.isdisjoint(joined)]
            groups.append(joined.union(*touching))
    return len(groups)


def _terms(text: str) -> tuple[Counter[str], frozenset[tuple[str, ...]]]:
    """The article's term counts: words of MIN_WORD_LETTERS or more as they are, casefolded; each word of a
    name prefixed with "=", and a name of several words also whole ("=armand velasco"). And its names, as
    their words of MIN_NAME_LETTERS or more ("Bart De Wever" is ("bart", "wever"))."""
    # NFKC folds full-width letters and ligatures; dropping accents makes Doña and Dona, Liège and Liege one.
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    terms: Counter[str] = Counter()
    names: set[tuple[str, ...]] = set()
    name: list[str] = []

    def end_name() -> None:
        for word in name:
            terms["=" + word] += 1
        if len(name) > 1:
            terms["=" + " ".join(name)] += 1
        long_words = tuple(word for word in name if len(word) >= MIN_NAME_LETTERS)
        if long_words:
            names.add(long_words)
        name.clear()

    sentence_start = True
    previous_end = 0
    for match in _WORD.finditer(text):
        gap = text[previous_end:match.start()]
        previous_end = match.end()
        if _SENTENCE_BREAK.search(gap):
            sentence_start = True
        if name and not _NAME_GAP.fullmatch(gap):
            end_name()
        token = match.group().replace("\u2019", "'")
        if token[-2:] in ("'s", "'S"):
            token = token[:-2]
        word = token.casefold()
        if len(word) >= MIN_WORD_LETTERS and word not in STOP_WORDS:
            terms[word] += 1
        # A capital at a sentence start says nothing; a stop word or title (The, In, President) is no name.
        if token[0].isupper() and not sentence_start and len(word) >= 2 and word not in NAME_STOP_WORDS:
            name.append(word)
        elif name:
            end_name()
        sentence_start = False
    end_name()
    return terms, frozenset(names)


def _unit_vector(terms: Counter[str], held_by: Counter[str], count: int) -> dict[str, float]:
    # Sublinear term frequency, so a name repeated ten times does not drown everything else; smoothed IDF,
    # never below 1, faded in with the batch size (IDF_FULL_ARTICLES).
    idf_share = min(1.0, (count - 1) / (IDF_FULL_ARTICLES - 1))
    weights = {
        term: (1.0 + math.log(times)) * (1.0 + idf_share * math.log((1 + count) / (1 + held_by[term])))
        for term, times in terms.items()
    }
    length = math.sqrt(math.fsum(weight * weight for weight in weights.values()))
    return {term: weight / length for term, weight in weights.items()} if length else {}
