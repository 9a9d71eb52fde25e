"""Small helpers shared by tests: run the real loader and extractor on a snippet of text."""

from __future__ import annotations

from claimtrack import extract, load
from claimtrack.models import Claim


def claims_in(text: str) -> list[Claim]:
    loaded = load(["-"], stdin=text.encode("utf-8"))
    return extract(loaded.articles)


def assert_has_claim(claims: list[Claim], expected: dict) -> Claim:
    """The claim whose text is expected["claim_text"], with every other expected field equal."""
    matching = [c for c in claims if c.claim_text == expected["claim_text"]]
    assert matching, f"no claim {expected['claim_text']!r} in {[c.claim_text for c in claims]}"
    claim = matching[0]
    for field, value in expected.items():
        assert getattr(claim, field) == value, f"{field} of {claim.claim_text!r}: {getattr(claim, field)!r} != {value!r}"
    return claim
