"""Properties of the whole extractor on generated text: it never raises, and every claim points at its own
words in the original."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack import compare, extract, load
from claimtrack.textmap import plain_marks
from conftest import FIXTURES

pytestmark = pytest.mark.model

NEWS = st.sampled_from([
    "Police said", "at least 12 people", "around 15,000 troops", "between 10 and 15 million", "20,000-30,000",
    "according to officials,", "citing the Kremlin", "\u201c", "\u201d", '"', "reporters'", "it\u2019s",
    "5\u2032 11\u2033", "a dozen", "tens of thousands", "two-thirds of voters", "$3.9bn", "20%", "he said.",
    "she told reporters.", "\u2014 Ana Ruiz", "Mr. Lopez", "said Obama.", "The council met.", ",", ".", "\n\n",
    "nearly 300 families", "up to two hundred and fifty homes", "more than sixfold", "minus-5 yards",
])
news_text = st.lists(NEWS, max_size=40).map(" ".join)
# Markup the loader strips and characters it drops make the original differ from the claim's text.
MARKUP_OR_INVISIBLE = re.compile(r"[*_#>\[`\u00ad\u200b-\u200d\u2060\ufeff]|^\s*[-+\u2022]\s", re.MULTILINE)


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", plain_marks(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(news_text, st.text(max_size=300)))
def test_extraction_never_raises_and_claims_point_at_their_words(text):
    loaded = load(["-"], stdin=text.encode("utf-8"))
    if not loaded.articles:  # blank input, or NUL characters that mark binary data: skipped, with a reason
        [skipped] = loaded.skipped
        assert skipped.reason in ("empty file", "binary file (contains NUL bytes), not text")
        return
    [article] = loaded.articles
    claims = extract([article])
    plain = not article._body.repaired and not MARKUP_OR_INVISIBLE.search(text)
    for claim in claims:
        assert 0 <= claim.start <= claim.end <= len(article.text)
        if plain:
            assert collapse(article.text[claim.start:claim.end]) == claim.claim_text
    compare(claims)


def test_inputs_that_once_failed_now_load_and_extract():
    paths = sorted((FIXTURES / "regressions").iterdir())
    assert paths, "the regression inputs are missing"
    loaded = load(paths)
    assert len(loaded.articles) == len(paths)
    for claim in extract(loaded.articles):
        article = next(a for a in loaded.articles if a.id == claim.article)
        assert 0 <= claim.start <= claim.end <= len(article.text)
