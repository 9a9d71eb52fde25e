import pytest

from claimtrack.extractors.tokens import is_name_glue
from conftest import read_cases
from helpers import assert_has_claim, claims_in


@pytest.mark.model
@pytest.mark.parametrize("case", read_cases("attribution"), ids=lambda case: case["phenomenon"])
def test_speakers_and_sources_by_phenomenon(case):
    claims = claims_in(case["text"])
    for expected in case["claims"]:
        assert_has_claim(claims, expected)


@pytest.mark.parametrize("word", ["But", "and", "Tuesday", "meanwhile"])
def test_conjunctions_weekdays_and_sentence_adverbs_are_no_part_of_a_name(word):
    assert is_name_glue(word)


@pytest.mark.parametrize("word", ["Cooper", "Mr", "Bernard", "May"])
def test_names_and_titles_are_kept(word):
    assert not is_name_glue(word)
