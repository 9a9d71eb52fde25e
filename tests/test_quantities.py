import pytest

from claimtrack import compare, extract, load
from claimtrack.numbers import format_number, parse_digits, parse_words, read_figure_token
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
    ("nine point one", 9.1), ("one point two five billion", 1_250_000_000),
])
def test_spelled_numbers(words, value):
    assert parse_words(words.split()) == value


@pytest.mark.parametrize("text, read", [
    ("4.6bln", (4.6e9, "", None)), ("2,500crore", (2.5e10, "", None)), ("$US1.2bn", (1.2e9, "", "USD")),
    ("$A1.7bn", (1.7e9, "", "AUD")), ("2½", (2.5, "", None)), ("¾", (0.75, "", None)), ("-5C", (-5, "C", None)),
    ("50c", (50, "c", None)), ("40m2", (40, "m2", None)), ("850M.", (850e6, "", None)), ("3/4", (0.75, "", None)),
])
def test_figure_tokens_with_scales_units_and_currencies(text, read):
    value, suffix, currency = read_figure_token(text)
    assert (value, suffix, currency) == (pytest.approx(read[0]), read[1], read[2])


@pytest.mark.parametrize("text", ["", "abc", "10,00", "1,2345", "2019-05", "24/7", "USD"])
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


def _phenomenon_cases() -> list:
    """The cases of figure_phenomena.jsonl; one still `open` is expected to fail until its rule is written."""
    return [pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=case["open"])) if "open" in case
            else case for case in read_cases("figure_phenomena")]


def _stated_value(claim) -> tuple[float, float]:
    """The value a figure states, as NewsQuant scores it: a bound is its one number."""
    if claim.approximator == "lower_bound" or claim.high is None:
        return claim.low, claim.low
    if claim.approximator == "upper_bound" or claim.low is None:
        return claim.high, claim.high
    return claim.low, claim.high


@pytest.mark.model
@pytest.mark.parametrize("case", _phenomenon_cases(), ids=lambda case: f"{case['rule']}: {case['text'][:30]}")
def test_every_figure_of_a_phenomenon_and_nothing_else(case):
    """Sentences written for the phenomena of figures in news (currencies and scales, ranges, units, spurious
    numbers): each figure is found with its value and unit, and no other figure is."""
    figures = [c for c in claims_in(case["text"]) if c.kind == "quantity"]
    unmatched = list(figures)
    for expected in case["figures"]:
        value = (expected["low"], expected["high"])
        found = next((c for c in unmatched if _stated_value(c) == pytest.approx(value, rel=1e-6)), None)
        assert found is not None, f"no figure {value} in {[(c.claim_text, _stated_value(c)) for c in figures]}"
        unmatched.remove(found)
        if "unit" in expected:
            assert found.unit == expected["unit"], found.claim_text
    assert unmatched == [], [c.claim_text for c in unmatched]
    texts = " | ".join(c.claim_text for c in figures)
    for absent in case.get("absent", []):
        assert absent not in texts


@pytest.mark.model
def test_a_unit_written_out_meets_its_symbol_in_another_article(tmp_path):
    """"45 millimetres" and "60mm" of the same rain are one figure in two units' spellings: they conflict."""
    (tmp_path / "a.txt").write_text("The storm dumped 45 millimetres of rain on Harlow on Monday, the Met Office said.")
    (tmp_path / "b.txt").write_text("The storm dumped 60mm of rain on Harlow on Monday, the Met Office said.")
    loaded = load([tmp_path / "a.txt", tmp_path / "b.txt"])
    [rain] = [group for group in compare(extract(loaded.articles)) if group.kind == "quantity"]
    assert (rain.verdict, len(rain.articles)) == ("conflict", 2)
