import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.compare import compare, describe_figure
from claimtrack.models import Claim, Frame
from conftest import FIXTURES


def claims_from(name: str) -> list[Claim]:
    return [Claim.model_validate(c) for c in json.loads((FIXTURES / "claims" / name).read_text(encoding="utf-8"))]


SEED_CLAIMS = claims_from("seeds.json")
HAND_MADE = claims_from("hand_made.json")


def group_with(groups, claim_text):
    return next(g for g in groups if any(c.claim_text == claim_text for c in g.claims))


def test_seed_troop_figures_form_one_conflicting_group_naming_figures_and_sources():
    groups = compare(SEED_CLAIMS)
    troops = group_with(groups, "at least 10,000 North Korean soldiers")
    assert troops.verdict == "conflict"
    assert sorted(c.claim_text for c in troops.claims) == [
        "an additional 20,000 to 30,000 troops", "approximately 15,000 troops", "around 15,000 troops",
        "at least 10,000 North Korean soldiers"]
    assert troops.topic == "North Korean troops sent to Russia"
    # Scope makes the conflict: an additional 20,000 means at least 20,000 in all, which ~15,000 cannot hold.
    assert ("~15,000 (South Korean assessments) vs an additional 20,000–30,000 (Ukrainian officials), so at "
            "least 20,000 in all") in troops.reason
    assert "≥10,000 (Ukrainian and South Korean sources)" in troops.reason
    # The clash is firm; the ≥10,000 (whose clause names Ukraine, the others Russia) joined only weakly.
    assert troops.basis == "firm"
    assert "so at least 20,000 in all" in troops.reason
    assert groups[0] is troops or groups[0].verdict == "conflict"


def test_unrelated_figures_never_join_the_troop_group():
    groups = compare(SEED_CLAIMS)
    troops = group_with(groups, "around 15,000 troops")
    for unrelated in ("10 kilometers", "about 20% of Ukraine", "only two days", "thousands of North Koreans",
                      "thousands of military construction workers and deminers"):
        assert all(c.claim_text != unrelated for c in troops.claims)
        assert group_with(groups, unrelated) is not troops


def test_same_quote_in_two_outlets_agrees_and_reworded_statement_conflicts():
    groups = compare(SEED_CLAIMS)
    bravery = group_with(groups, "bravery, heroism and self-sacrificing spirit")
    assert (bravery.verdict, len(bravery.articles)) == ("agree", 2)
    kremlin = group_with(groups, "Both sides reaffirmed their commitment to further developing relations of "
                                 "friendship, neighbourliness, and cooperation across all areas")
    assert kremlin.verdict == "conflict"
    assert len(kremlin.articles) == 2
    assert "friendly relations good relations" in kremlin.reason


def test_conflicts_come_first():
    verdicts = [g.verdict for g in compare(SEED_CLAIMS)]
    order = ["conflict", "updated", "compatible", "agree", "single-source"]
    assert verdicts == sorted(verdicts, key=order.index)


def test_casualties_and_deployments_are_different_events():
    groups = compare(HAND_MADE)
    killed = group_with(groups, "1,200 soldiers")
    assert sorted(c.claim_text for c in killed.claims) == ["1,200 soldiers", "nearly 1,250 soldiers"]
    assert killed.verdict == "compatible"
    assert group_with(groups, "about 5,000 troops").verdict == "single-source"


def test_rounded_figures_are_compatible_not_conflicting():
    displaced = group_with(compare(HAND_MADE), "10,000 people")
    assert displaced.verdict == "compatible"
    assert len(displaced.claims) == 2


def test_shares_of_different_things_stay_apart():
    groups = compare(HAND_MADE)
    assert group_with(groups, "40% of voters") is not group_with(groups, "40% of homes")


def test_excerpt_is_compatible_but_different_words_conflict():
    groups = compare(HAND_MADE)
    quote = group_with(groups, "We will not retreat from Kharkiv")
    assert len(quote.claims) == 3
    assert quote.verdict == "conflict"
    assert "will not" in quote.reason and "shall never" in quote.reason
    excerpt_only = compare([c for c in HAND_MADE if c.claim_text.startswith("We will not")])
    assert [g.verdict for g in excerpt_only] == ["compatible"]


def test_figures_are_described_as_a_reader_writes_them():
    by_text = {c.claim_text: c for c in SEED_CLAIMS}
    assert describe_figure(by_text["at least 10,000 North Korean soldiers"]) == "≥10,000"
    assert describe_figure(by_text["an additional 20,000 to 30,000 troops"]) == "20,000–30,000"
    assert describe_figure(by_text["about 20% of Ukraine"]) == "~20%"


def test_an_age_is_described_alike_however_it_is_written():
    age = Frame(attribute="age")
    written_out = HAND_MADE[0].model_copy(update={"low": 44.0, "high": 44.0, "unit": "year", "frame": age,
                                                  "approximator": None})
    apposed = written_out.model_copy(update={"unit": "count"})
    assert describe_figure(written_out) == describe_figure(apposed) == "44"


def signature(groups):
    return sorted((g.id, g.verdict, g.topic, g.reason, tuple(sorted(c.id for c in g.claims))) for g in groups)


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False))
def test_order_of_input_does_not_change_the_groups(rng: random.Random):
    claims = SEED_CLAIMS + HAND_MADE
    shuffled = claims[:]
    rng.shuffle(shuffled)
    assert signature(compare(shuffled)) == signature(compare(claims))


def test_comparing_a_with_b_equals_comparing_b_with_a():
    a = [c for c in SEED_CLAIMS if c.article.startswith("000")]
    b = [c for c in SEED_CLAIMS if not c.article.startswith("000")]
    assert signature(compare(a + b)) == signature(compare(b + a))


def test_compare_never_imports_spacy():
    import subprocess
    import sys

    probe = ("import sys, json; from claimtrack.compare import compare; from claimtrack.models import Claim; "
             "claims = [Claim.model_validate(c) for c in json.load(open(sys.argv[1]))]; compare(claims); "
             "print('spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe, str(FIXTURES / "claims" / "seeds.json")],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_one_wire_copy_in_two_outlets_is_one_voice():
    troops = [c for c in SEED_CLAIMS if c.claim_text == "approximately 15,000 troops"][0]
    copy = troops.model_copy(update={"article": "copy.txt", "id": "copy.txt:1-2:quantity"})
    other = troops.model_copy(update={"article": "other.txt", "id": "other.txt:1-2:quantity", "low": 9000.0,
                                      "high": 9000.0, "approximator": "exact"})
    alone = compare([troops, copy], copies={"copy.txt": troops.article, troops.article: troops.article})
    assert [(g.verdict, g.basis, g.copies) for g in alone] == [
        ("single-source", "single", [[troops.article, "copy.txt"]])]
    assert "2 outlets carry the same copy" in alone[0].reason
    # Against an independent outlet the copies count once: one clash per distinct pair of voices' figures.
    against = compare([troops, copy, other], copies={"copy.txt": troops.article, troops.article: troops.article})
    assert [g.verdict for g in against] == ["conflict"]


def _published(published: str):
    from claimtrack.compare.figures import FigureFacts
    claim = HAND_MADE[0].model_copy(update={"frame": Frame(published=published)})
    return FigureFacts.of(claim, claim.article)


def test_article_dates_in_the_forms_news_metadata_uses():
    from claimtrack.compare.figures import _day

    assert [str(_day(_published(p))) for p in (
        "2010-09-10 09:28 EDT", "November 28, 2005", "Friday, Sep 10, 2010", "10 September 2010", "sometime")] == [
        "2010-09-10", "2005-11-28", "2010-09-10", "2010-09-10", "None"]


def test_times_of_day_count_only_with_their_zone():
    from claimtrack.compare.figures import _moment

    assert [str(_moment(_published(p))) for p in (
        "2010-09-10 09:28 EDT", "2010-05-05 19:12 BST", "2025-03-01T08:00:00+01:00", "2025-03-01 08:00Z",
        "Tue, 01 Mar 2025 08:00:00 +0000", "2010-09-10 20:23 ET", "2010-09-10 10:14", "November 28, 2005")] == [
        "2010-09-10 13:28:00+00:00", "2010-05-05 18:12:00+00:00", "2025-03-01 07:00:00+00:00",
        "2025-03-01 08:00:00+00:00", "2025-03-01 08:00:00+00:00", "None", "None", "None"]


@given(value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
       width=st.floats(min_value=0, max_value=1e6, allow_nan=False),
       approximator=st.sampled_from(["exact", "approx", "vague", "lower_bound", "upper_bound"]),
       bound=st.sampled_from(["both", "low", "high"]))
def test_the_numbers_a_figure_states_are_an_interval_around_it(value, width, approximator, bound):
    from claimtrack.compare.figures import _stated

    low, high = value, value + width
    claim = HAND_MADE[0].model_copy(update={"low": None if bound == "high" else low,
                                            "high": None if bound == "low" else high,
                                            "approximator": approximator})
    stated_low, stated_high = _stated(claim)
    assert stated_low <= stated_high
    written = [v for v in (claim.low, claim.high) if v is not None]
    assert stated_low <= min(written) and max(written) <= stated_high


def test_a_tally_side_beside_a_figure_with_no_event_compares():
    # Carried by two articles, one sentence holds a tally's side and a figure the frames give no event; the
    # same-sentence block holds them side by side.
    side = HAND_MADE[0].model_copy(update={
        "article": "a.txt", "id": "a.txt:1", "low": 7.0, "high": 7.0, "unit": "count", "approximator": None,
        "frame": Frame(measure="vote", event="pass budget", attribute="winning votes")})
    bare = side.model_copy(update={"article": "b.txt", "id": "b.txt:1", "frame": Frame(measure="vote")})
    groups = compare([side, bare])
    assert {c.id for g in groups for c in g.claims} == {"a.txt:1", "b.txt:1"}
