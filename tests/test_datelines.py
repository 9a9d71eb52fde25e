"""A dateline ("WASHINGTON —", "MERRIN, Ore. (AP) —") says where a story was filed, not who said or where."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.extractors import without_dateline
from conftest import read_cases
from helpers import assert_has_claim, claims_in


@pytest.mark.parametrize("case", read_cases("datelines"), ids=lambda case: case["rule"])
def test_a_dateline_is_neither_source_nor_place(case):
    claim = assert_has_claim(claims_in("A story\n\n" + case["text"]), {"claim_text": case["claim_text"]})
    assert (claim.source, claim.frame.places) == (case["source"], case["places"])


@given(st.text(alphabet=st.sampled_from("AB ,.()—-ab"), max_size=40))
def test_a_blanked_dateline_keeps_offsets(paragraph):
    blanked = without_dateline(paragraph)
    kept_from = len(blanked) - len(blanked.lstrip(" "))
    assert len(blanked) == len(paragraph) and blanked[kept_from:] == paragraph[kept_from:]
    if not paragraph[:3].isupper() or " " in paragraph[:3]:
        assert blanked == paragraph  # only a word of capitals opens a dateline
