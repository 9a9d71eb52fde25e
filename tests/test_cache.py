import subprocess
import sys

import pytest

import claimtrack
import claimtrack.pipeline
from claimtrack.cache import CACHE_FILE, ClaimCache
from conftest import SEEDS

pytestmark = pytest.mark.model


def parsed_articles(monkeypatch) -> list[str]:
    """Record which articles the parser is given."""
    seen: list[str] = []
    from claimtrack import extractors

    real_iter = extractors.iter_extract

    def spying_iter(articles, nlp):
        articles = list(articles)
        seen.extend(article.id for article in articles)
        return real_iter(articles, nlp)

    monkeypatch.setattr(extractors, "iter_extract", spying_iter)
    return seen


def test_second_run_reads_every_claim_from_the_cache_without_parsing(tmp_path, monkeypatch):
    articles = claimtrack.load([SEEDS]).articles
    cache = ClaimCache(tmp_path)
    first = claimtrack.extract(articles, cache=cache)
    parsed = parsed_articles(monkeypatch)
    second = claimtrack.extract(articles, cache=ClaimCache(tmp_path))
    assert parsed == []
    assert second == first


def test_changing_one_article_parses_only_that_one(tmp_path, monkeypatch):
    for seed in SEEDS.iterdir():
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    cache_folder = tmp_path / "cache"
    claimtrack.extract(claimtrack.load([tmp_path]).articles, cache=ClaimCache(cache_folder))
    changed = tmp_path / "000_6cf371d1f6022a84.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nPolice said 12 people were hurt.", encoding="utf-8")
    parsed = parsed_articles(monkeypatch)
    claims = claimtrack.extract(claimtrack.load([tmp_path]).articles, cache=ClaimCache(cache_folder))
    assert parsed == ["000_6cf371d1f6022a84.txt"]
    assert any(claim.claim_text == "12 people" for claim in claims)


def test_an_unusable_cache_is_reported_and_the_run_goes_on(tmp_path):
    (tmp_path / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    cache = ClaimCache(tmp_path)
    claims = claimtrack.extract(claimtrack.load([SEEDS]).articles, cache=cache)
    assert claims and cache.problem is not None and str(tmp_path) in cache.problem


def test_two_runs_can_share_one_cache(tmp_path):
    environment = {"CLAIMTRACK_CACHE_DIR": str(tmp_path / "shared-cache"), "PATH": ""}
    command = [sys.executable, "-m", "claimtrack", "compare", str(SEEDS), "--format", "csv", "--quiet"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
            for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert outputs[0][0] == outputs[1][0] and outputs[0][1] == outputs[1][1] == b""
    again = subprocess.run(command, capture_output=True, env=environment, timeout=300)
    assert again.stdout == outputs[0][0]


def test_no_cache_leaves_the_cache_alone(tmp_path):
    environment = {"CLAIMTRACK_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""}
    result = subprocess.run([sys.executable, "-m", "claimtrack", "extract", str(SEEDS), "--no-cache", "--quiet",
                             "--format", "json"], capture_output=True, env=environment, timeout=300)
    assert result.returncode == 0
    assert not (tmp_path / "cache").exists()


def test_comparing_the_same_articles_again_reuses_the_groups(tmp_path, monkeypatch):
    first = claimtrack.run([SEEDS], cache=ClaimCache(tmp_path))

    def no_comparison(claims):
        raise AssertionError("the comparison was run again")

    monkeypatch.setattr(claimtrack.pipeline, "compare", no_comparison)
    second = claimtrack.run([SEEDS], cache=ClaimCache(tmp_path))
    assert second.groups == first.groups


def test_the_whole_page_is_not_answered_with_the_claims_of_its_story(tmp_path):
    page = SEEDS.parent / "tests" / "fixtures" / "html" / "div_soup_page.html"
    story = claimtrack.extract(claimtrack.load([page]).articles, cache=ClaimCache(tmp_path))
    whole = claimtrack.extract(claimtrack.load([page], whole_page=True).articles, cache=ClaimCache(tmp_path))
    assert "142 partners" not in {claim.claim_text for claim in story}
    assert "142 partners" in {claim.claim_text for claim in whole}
