import pytest

from claimtrack.numbers import format_number, parse_digits, parse_words
from conftest import read_cases
from helpers import assert_has_claim, claims_in


@pytest.mark.parametrize("text, value", [
    ("10,000", 10000), ("1.5m", 1_500_000), ("3.9bn", 3_900_000_000), ("25k", 25_000), ("-4.5", -4.5),
    (".5", 0.5),
])
def test_digits(text, value):
    assert parse_digits(text) == (value, "")


@pytest.mark.parametrize("words, value", [
    ("two", 2), ("twenty - eight", 28), ("two hundred and fifty", 250), ("a dozen", 12),
    ("twenty - eight thousand six hundred forty - two", 28642), ("three million", 3_000_000),
])
def test_spelled_numbers(words, value):
    assert parse_words(words.split()) == value


@pytest.mark.parametrize("text", ["", "abc", "10,00", "1,2345", "2019-05"])
def test_not_digits(text):
    assert parse_digits(text) is None


def test_plain_numbers_for_csv():
    assert [format_number(v) for v in (10000.0, 1.5, None, 3_900_000_000.0)] == ["10000", "1.5", "", "3900000000"]


@pytest.mark.model
@pytest.mark.parametrize("case", read_cases("quantities"), ids=lambda case: case["text"][:40])
def test_figures_with_bounds_and_what_they_count(case):
    figures = [c for c in claims_in(case["text"]) if c.kind == "quantity"]
    for expected in case["claims"]:
        assert_has_claim(figures, expected)
    found = " | ".join(c.claim_text for c in figures)
    for absent in case.get("absent", []):
        assert absent not in found
    if not case["claims"]:
        assert figures == []
