"""Since when someone has held a post ("has led the caucus since 2003"): a claim of its own."""

import pytest

from claimtrack.lexicon import CALENDAR_YEAR
from conftest import read_cases
from helpers import claims_in


@pytest.mark.parametrize("case", read_cases("start_years"), ids=lambda case: case["rule"])
def test_start_years(case):
    claims = claims_in("A story\n\n" + case["text"])
    starts = [{"year": int(c.low), "holder": c.frame.holder, "post": c.frame.measure}
              for c in claims if c.unit == CALENDAR_YEAR]
    assert starts == case["starts"]
    for claim in claims:
        if claim.unit == CALENDAR_YEAR:
            assert claim.low == claim.high and claim.frame.attribute == "start year"
            assert claim.claim_text == str(int(claim.low))
