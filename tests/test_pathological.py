"""Text that once took time growing with the square of its size (see scripts/fuzz.py FAMILIES): each family
at a modest size finishes, says what it left out, and the ordinary claim after it is still found."""

import subprocess
import sys
from pathlib import Path

import pytest

import claimtrack
from claimtrack.textmap import not_prose_stretches

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from fuzz import FAMILIES, ORDINARY_CLAIM  # noqa: E402

# A quarter of the smallest benchmark size: large enough to have been slow, small enough for the suite.
MODEST = {name: sizes[0] // 4 for name, (_, _, sizes) in FAMILIES.items()}
NOT_PROSE = {"straight quote marks in a row", "curly quote pairs", "alternating quote and word",
             "nested parentheses", "one long token", "quoted word list"}


@pytest.mark.model
@pytest.mark.parametrize("family", list(FAMILIES))
def test_each_family_finishes_and_the_ordinary_claim_after_it_is_found(tmp_path, family):
    extension, make, _ = FAMILIES[family]
    path = tmp_path / f"input{extension}"
    path.write_text(make(MODEST[family]), encoding="utf-8")
    loaded = claimtrack.load([path])
    claims = claimtrack.extract(loaded.articles)
    assert ORDINARY_CLAIM in [claim.claim_text for claim in claims]
    notes = [note for article in loaded.articles for note in article.notes]
    assert any("not prose" in note for note in notes) == (family in NOT_PROSE)


@pytest.mark.model
def test_a_table_page_of_more_blocks_than_judged_is_read_whole_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr("claimtrack.html.MOST_BLOCKS_JUDGED", 100)
    family = "HTML page of one big table"
    extension, make, _ = FAMILIES[family]
    path = tmp_path / f"input{extension}"
    path.write_text(make(MODEST[family]), encoding="utf-8")
    loaded = claimtrack.load([path])
    assert any("more than the 100 that trafilatura is asked to judge" in note for note in loaded.articles[0].notes)
    assert ORDINARY_CLAIM in [claim.claim_text for claim in claimtrack.extract(loaded.articles)]


@pytest.mark.model
def test_the_comparison_of_a_table_page_is_printed_in_parts_and_still_shows_the_ordinary_claim(tmp_path):
    family = "HTML page of one big table"
    extension, make, _ = FAMILIES[family]
    path = tmp_path / f"input{extension}"
    path.write_text(make(MODEST[family]), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "claimtrack", "compare", str(path), "--no-cache", "--quiet"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0
    headers = [line for line in result.stdout.splitlines() if line.startswith("┃ verdict")]
    assert len(headers) > 1
    assert f"│ {ORDINARY_CLAIM} " in result.stdout


def test_prose_with_quotes_brackets_and_long_words_is_prose():
    text = ('The minister said "we will not yield" (twice) and [later] called it "a disaster, a real one". '
            "See https://example.com/a/very/long/path?with=query&and=more for the full 2,000-word statement.")
    assert not_prose_stretches(text) == []


def test_each_stretch_that_is_not_prose_is_cut_where_it_ends():
    run = '"' * 150
    text = f"He said so. {run} Police said 12 people were hurt."
    assert not_prose_stretches(text) == [(12, 162)]
    word = "x" * 1_500
    assert not_prose_stretches(f"{word} and more") == [(0, 1_500)]
