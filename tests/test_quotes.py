import pytest

from claimtrack.extractors.quotes import pair_quote_marks
from claimtrack.textmap import plain_marks
from conftest import read_cases
from helpers import assert_has_claim, claims_in


def paired_texts(raw: str):
    text = plain_marks(raw)
    marks = {i: raw[i] for i, char in enumerate(text) if char == '"'}
    paired = pair_quote_marks(text, marks)
    return [text[q.start:q.end] for q in paired.quotes], [text[q.start:q.end] for q in paired.quotes if q.unbalanced]


@pytest.mark.parametrize("case", read_cases("quote_marks"), ids=lambda case: case["name"])
def test_quote_marks_pair_as_written(case):
    quotes, unbalanced = paired_texts(case["text"])
    assert quotes == case["quotes"]
    assert unbalanced == case["unbalanced"]


def test_quote_left_open_runs_to_paragraph_end_and_says_so():
    paired = pair_quote_marks('She said "we will stay', {})
    assert paired.open_at_end
    assert paired.quotes[0].unbalanced


@pytest.mark.model
@pytest.mark.parametrize("case", read_cases("quotes"), ids=lambda case: case["text"][:40])
def test_quotes_with_speaker_cue_and_source(case):
    quotes = [c for c in claims_in(case["text"]) if c.kind == "quote"]
    assert len(quotes) == len(case["claims"]), [q.claim_text for q in quotes]
    for expected in case["claims"]:
        assert_has_claim(quotes, expected)


@pytest.mark.model
def test_quote_continued_over_paragraphs_keeps_its_speaker():
    text = ('Mayor Ana Lopez said the bridge would close. "We have no choice,\n\n'
            '"The repairs cannot wait," she said.\n\n'
            '"Traffic will move to the ring road.\n\n'
            '"Buses will run as normal."')
    quotes = [c for c in claims_in(text) if c.kind == "quote"]
    assert [q.speaker for q in quotes] == ["Ana Lopez"] * len(quotes)
    assert quotes[-2].claim_text == "Traffic will move to the ring road."
    assert not quotes[-2].unbalanced
