"""Stories: independent reports of one event are one story, however differently they tell it; unrelated
articles in the same batch are never put with them."""

from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.stories import story_groups
from conftest import FIXTURES, SEEDS

# Three invented events, each reported independently by several outlets (different leads, angles, quotes and
# figures, the same main names): a ferry capsizing off Mindoro (wire, local paper, broadcaster), a dockers'
# strike at the port of Antwerp (wire, business desk, picket-line report) and a ransomware attack on a
# hospital trust (national, local, tech press, the trust's own statement). Then two articles about nothing
# else: a football match that Royal Antwerp won (it shares "Antwerp" and "Belgian" with the strike), and a
# food company's half-year results (it talks of freight costs and shipments, as the strike reports do).
ARTICLES = {path.stem: path.read_text(encoding="utf-8") for path in (FIXTURES / "stories").glob("*.txt")}
EVENTS = {
    "ferry": ["ferry_broadcast", "ferry_local", "ferry_wire"],
    "strike": ["strike_business", "strike_local", "strike_wire"],
    "hack": ["hack_local", "hack_national", "hack_statement", "hack_tech"],
}
UNRELATED = ["earnings_report", "football_match"]
# Each event is one story named after its smallest id; the unrelated articles are each their own story.
STORIES = {article_id: members[0] for members in EVENTS.values() for article_id in members} | {
    article_id: article_id for article_id in UNRELATED
}


def pick(*ids: str) -> dict[str, str]:
    return {article_id: ARTICLES[article_id] for article_id in ids}


def expected(*ids: str) -> dict[str, str]:
    """What `story_groups` must return for a batch of these ids: each event's reports in one story named by
    its smallest id, each other article alone."""
    return {article_id: min(other for other in ids if STORIES[other] == STORIES[article_id]) for article_id in ids}


def test_fixtures_are_the_ones_described():
    assert sorted(ARTICLES) == sorted(STORIES)
    for text in ARTICLES.values():
        assert 150 <= len(text.split()) <= 300


def test_whole_batch_is_three_stories_and_two_lone_articles():
    stories = story_groups(ARTICLES)
    assert stories == STORIES
    assert Counter(stories.values()) == {"ferry_broadcast": 3, "strike_business": 3, "hack_local": 4,
                                    "earnings_report": 1, "football_match": 1}


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_a_batch_of_one_event_alone_is_one_story(event):
    # The hardest case for IDF: every name of the event is in every article of the batch.
    members = EVENTS[event]
    assert story_groups(pick(*members)) == {article_id: members[0] for article_id in members}


@pytest.mark.parametrize("event", sorted(EVENTS))
@pytest.mark.parametrize("unrelated", UNRELATED)
def test_one_event_and_an_unrelated_article(event, unrelated):
    ids = [*EVENTS[event], unrelated]
    assert story_groups(pick(*ids)) == expected(*ids)


@pytest.mark.parametrize("first, second", list(combinations(sorted(EVENTS), 2)))
def test_two_events_are_two_stories(first, second):
    ids = [*EVENTS[first], *EVENTS[second]]
    assert story_groups(pick(*ids)) == expected(*ids)


def test_a_match_in_the_same_city_is_not_the_strike():
    # "Antwerp" and "Belgian" in both: two shared names, but nothing else in common.
    for report in EVENTS["strike"]:
        assert story_groups(pick(report, "football_match")) == {report: report, "football_match": "football_match"}
    ids = [*EVENTS["strike"], "football_match"]
    assert story_groups(pick(*ids)) == expected(*ids)


def test_unrelated_articles_stay_apart():
    assert story_groups(pick(*UNRELATED)) == {article_id: article_id for article_id in UNRELATED}


def test_any_two_reports_of_an_event_joined_by_a_third_are_one_story():
    # Every three reports of the ransomware attack, alone: each leaves one out, and still joins.
    for trio in combinations(EVENTS["hack"], 3):
        assert story_groups(pick(*trio)) == {article_id: trio[0] for article_id in trio}


def test_the_seed_reports_are_one_story():
    # The three founding articles: real reports of one phone call by three outlets.
    seeds = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
    first = min(seeds)
    assert story_groups(seeds) == {name: first for name in seeds}


def test_wire_copies_and_local_reports_of_one_flood_are_one_story():
    # The flood of tests/fixtures/copies: three carriers of one wire text, a state report and a local feature
    # about the evacuation, which names only the emergency manager and the river the others name.
    copies = {path.stem: path.read_text(encoding="utf-8") for path in (FIXTURES / "copies").glob("*.txt")}
    flood = sorted(article_id for article_id in copies if article_id != "unrelated")
    assert story_groups(copies) == {article_id: flood[0] for article_id in flood} | {"unrelated": "unrelated"}
    mixed = copies | ARTICLES
    assert story_groups(mixed) == {article_id: flood[0] for article_id in flood} | {"unrelated": "unrelated"} | STORIES


@settings(max_examples=40, deadline=None)
@given(st.permutations(sorted(ARTICLES)))
def test_input_order_does_not_change_the_result(order):
    assert story_groups({article_id: ARTICLES[article_id] for article_id in order}) == STORIES


def test_a_lone_article_is_its_own_story():
    assert story_groups(pick("ferry_wire")) == {"ferry_wire": "ferry_wire"}
    assert story_groups({}) == {}


def test_empty_and_tiny_texts_are_each_their_own_story():
    texts = {"empty": "", "blank": " \n\t ", "punctuation": "\u201c\u2014\u201d ...", "one": "Storm.",
             "digits": "12 15,000 3.9", "name": "Velasco"}
    assert story_groups(texts) == {article_id: article_id for article_id in texts}


def test_identical_texts_are_one_story():
    text = ARTICLES["ferry_wire"]
    assert story_groups({"b": text, "a": text, "c": ARTICLES["earnings_report"]}) == {"a": "a", "b": "a", "c": "c"}


WORDS = st.sampled_from(["Police", "said", "the", "Velasco", "Calapan", "ferry", "\u201cWe", "are\u201d", "12",
                         "Doña", "O\u2019Neill", "Antwerp-Bruges", ".", "\n", "strike", "ŞİRKET", "\u00e9t\u00e9",
                         "'s", "—", "A", "I", "Mr", "De", "Wever"])
short_texts = st.one_of(st.lists(WORDS, max_size=30).map(" ".join), st.text(max_size=80))


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=5), short_texts, max_size=8))
def test_short_and_odd_texts_never_raise_and_every_article_gets_a_story(texts):
    stories = story_groups(texts)
    assert sorted(stories) == sorted(texts)
    for article_id, story in stories.items():
        # A story is named by its smallest member, which is in it.
        assert stories[story] == story
        assert story <= article_id
