"""Frames read from the parse: what a figure measures, what happened to it, whose it is."""

import pytest

from conftest import read_cases
from helpers import assert_has_claim, claims_in


@pytest.mark.model
@pytest.mark.parametrize("case", read_cases("frames"), ids=lambda case: case["rule"])
def test_frame_fields(case):
    claim = assert_has_claim(claims_in("A story\n\n" + case["text"]), {"claim_text": case["claim_text"]})
    frame = claim.frame.model_dump()
    assert {field: frame[field] for field in case["frame"]} == case["frame"]
