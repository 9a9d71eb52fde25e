"""Headlines: read for their figures in sentence case, quoted as written."""

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.extractors import sentence_case
from helpers import claims_in


def test_a_headline_figure_is_a_claim_quoted_as_written():
    text = "Powerful Quake Kills 10 in Hill Town\n\nThe quake struck the hill town of Darrow on Monday morning."
    headline_claims = [c for c in claims_in(text) if c.sentence_index == 0]
    assert [(c.claim_text, c.sentence, text[c.start:c.end]) for c in headline_claims] == [
        ("10", "Powerful Quake Kills 10 in Hill Town", "10")]
    assert headline_claims[0].frame.event_class == "killed"


def test_headline_words_lose_their_capitals_unless_the_story_names_them_so():
    story = "The quake struck near Darrow on Monday, and the UN sent help."
    assert sentence_case("Powerful Quake Near Darrow Kills 10; UN Sends Help", story) == \
        "Powerful quake near Darrow kills 10; UN sends help"


@given(st.text(alphabet=st.sampled_from("AbC dEf,.;:'-1"), max_size=60), st.text(max_size=60))
def test_sentence_case_changes_only_case(headline, story):
    cased = sentence_case(headline, story)
    assert len(cased) == len(headline) and cased.casefold() == headline.casefold()
