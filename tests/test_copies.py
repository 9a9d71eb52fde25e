"""Wire copies: one story carried by several outlets is one family, however its carriers trim or retype it."""

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.copies import MAX_SHINGLE_HOLDERS, MIN_SHARED_SHINGLES, SHINGLE_WORDS, copy_families
from conftest import FIXTURES

# A flood story as the wire sent it; the same with a new headline, an editor's note and its last paragraph
# cut; the same retyped with curly quotes, dashes and hard line breaks; a local and a state report of the
# same flood that quote one long sentence of the wire (more than MIN_SHARED_SHINGLES shingles of it, so only
# containment keeps them apart); a story about something else.
ARTICLES = {path.stem: path.read_text(encoding="utf-8") for path in (FIXTURES / "copies").glob("*.txt")}
WIRE_FAMILY = {"wire_curly": "wire_curly", "wire_original": "wire_curly", "wire_trimmed": "wire_curly"}


def pick(*ids: str) -> dict[str, str]:
    return {article_id: ARTICLES[article_id] for article_id in ids}


def test_new_headline_and_dropped_last_paragraph_are_one_family():
    assert copy_families(pick("wire_original", "wire_trimmed")) == {
        "wire_original": "wire_original",
        "wire_trimmed": "wire_original",
    }


def test_curly_quotes_and_other_line_breaks_are_one_family():
    assert copy_families(pick("wire_original", "wire_curly")) == {
        "wire_curly": "wire_curly",
        "wire_original": "wire_curly",
    }


def test_reports_sharing_one_quoted_sentence_are_not_copies():
    assert copy_families(pick("local_report", "state_report")) == {}
    assert copy_families(pick("local_report", "state_report", "wire_original")) == {}


def test_whole_batch_has_one_family_and_leaves_out_articles_without_a_copy():
    families = copy_families(ARTICLES)
    assert families == WIRE_FAMILY
    assert Counter(families.values()) == {"wire_curly": 3}


def test_an_article_alone_is_absent():
    assert copy_families(pick("wire_original")) == {}
    assert copy_families(pick("unrelated", "wire_original")) == {}


@given(st.permutations(sorted(ARTICLES)))
def test_input_order_does_not_change_the_result(order):
    assert copy_families({article_id: ARTICLES[article_id] for article_id in order}) == WIRE_FAMILY


def test_empty_and_tiny_texts_are_never_copies():
    sentence = "Police said at least 12 people were hurt when the roof of the old market hall gave way."
    texts = {"empty": "", "blank": " \n\t ", "punctuation": "\u201c\u2014\u201d ...", "one": "Storm.",
             "a": sentence, "b": sentence, "c": sentence.upper()}
    assert copy_families(texts) == {}
    assert copy_families({}) == {}


# Up to one word short of MIN_SHARED_SHINGLES shingles: identical texts this short are still not copies.
short_words = st.lists(st.sampled_from(["the", "flood", "rose", "said", "12", "\u201cwe\u201d", "police"]),
                       max_size=MIN_SHARED_SHINGLES + SHINGLE_WORDS - 2).map(" ".join)


@given(st.lists(short_words, max_size=6))
def test_short_texts_never_raise_and_are_never_copies(texts):
    # Each text twice, so every text has an exact duplicate to be mistaken for a copy of.
    assert copy_families({f"{side}{i}": text for i, text in enumerate(texts) for side in "ab"}) == {}


def test_boilerplate_held_by_very_many_articles_joins_nobody():
    footer = ("Sign up for our morning newsletter to get the day's top stories delivered to your inbox before "
              "breakfast, and follow us on social media for breaking news alerts from around the region.")
    texts = {f"story{i:02}": f"Story number {i} about topic {i} in town {i}. {footer}"
             for i in range(MAX_SHINGLE_HOLDERS + 1)}
    assert copy_families(texts) == {}
