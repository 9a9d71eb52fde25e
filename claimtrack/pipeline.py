"""The stages as one library API: load → extract → compare, and calls that run them all.

spaCy is imported only when something must be parsed: comparing, and re-running over articles whose
claims are cached, never load it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from claimtrack._version import __version__
from claimtrack.cache import ClaimCache
from claimtrack.compare import compare
from claimtrack.copies import copy_families
from claimtrack.errors import NoInputError
from claimtrack.load import DEFAULT_MAX_BYTES, load, supported_extensions
from claimtrack.models import Article, Claim, ComparisonReport, ExtractionReport, LoadResult
from claimtrack.nlp import DEFAULT_MODEL, describe_model, load_pipeline
from claimtrack.stories import story_groups

ProgressCallback = Callable[[Article, list[Claim]], None]
# Below this much text to parse, starting a second process costs more than it saves; and so it does when the
# paragraphs are short (table cells, one-sentence records), for sending each parse back to this process costs
# about as much as making it: a 0.5 MB page of table cells took 58 s in two processes against 31 s in one.
PARALLEL_FROM_CHARACTERS = 300_000
PARALLEL_FROM_PARAGRAPH_CHARACTERS = 200


def extract(
    articles: Iterable[Article],
    *,
    model: str = DEFAULT_MODEL,
    on_article: ProgressCallback | None = None,
    cache: ClaimCache | None = None,
    jobs: int | None = None,
) -> list[Claim]:
    """Every attributed figure and quote in `articles` (as returned by `load`), in article order.

    With a `cache`, articles whose claims are stored are not parsed again, and new results are stored.
    `jobs` is the number of processes that parse; None picks one or both cores by the amount of text.
    """
    articles = list(articles)
    keys = _cache_keys(articles, model, cache)
    return _extract(articles, keys, model=model, on_article=on_article, cache=cache, jobs=jobs)


def _cache_keys(articles: list[Article], model: str, cache: ClaimCache | None) -> list[str]:
    info = describe_model(model)
    return [cache.key(article, info) for article in articles] if cache is not None else []


def _extract(articles: list[Article], keys: list[str], *, model: str, on_article: ProgressCallback | None,
             cache: ClaimCache | None, jobs: int | None) -> list[Claim]:
    """`extract` with the articles' cache keys already made (hashing every text once per run is enough)."""
    found: dict[int, list[Claim]] = {}
    if cache is not None:
        stored = cache.get_many(keys)
        found = {index: stored[key] for index, key in enumerate(keys) if key in stored}
        for index, claims in found.items():
            if on_article is not None:
                on_article(articles[index], claims)
    missing = [index for index in range(len(articles)) if index not in found]
    if missing:
        from claimtrack.extractors import iter_extract

        to_parse = [articles[index] for index in missing]
        processes = jobs or _jobs_for(to_parse)
        fresh: list[tuple[str, list[Claim]]] = []
        for index, (article, claims) in zip(missing, iter_extract(to_parse, load_pipeline(model), jobs=processes)):
            found[index] = claims
            if cache is not None:
                fresh.append((keys[index], claims))
            if on_article is not None:
                on_article(article, claims)
        if cache is not None:
            cache.put_many(fresh)
    return [claim for index in range(len(articles)) for claim in found[index]]


def _jobs_for(articles: list[Article]) -> int:
    from claimtrack.extractors import text_to_parse

    characters, paragraphs = text_to_parse(articles)
    worth_it = characters >= PARALLEL_FROM_CHARACTERS and characters >= PARALLEL_FROM_PARAGRAPH_CHARACTERS * paragraphs
    return min(2, os.cpu_count() or 1) if worth_it else 1


def extract_report(
    paths: Iterable[str | Path],
    *,
    model: str = DEFAULT_MODEL,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_article: ProgressCallback | None = None,
    loaded: LoadResult | None = None,
    cache: ClaimCache | None = None,
    jobs: int | None = None,
    whole_page: bool = False,
) -> ExtractionReport:
    """Load `paths` and extract their claims; raises NoInputError when nothing could be loaded."""
    loaded = require_articles(loaded or load(paths, max_bytes=max_bytes, whole_page=whole_page))
    claims = extract(loaded.articles, model=model, on_article=on_article, cache=cache, jobs=jobs)
    return ExtractionReport(
        claimtrack_version=__version__, model=describe_model(model), articles=loaded.articles,
        skipped=loaded.skipped, claims=claims,
    )


def run(
    paths: Iterable[str | Path],
    *,
    model: str = DEFAULT_MODEL,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_article: ProgressCallback | None = None,
    loaded: LoadResult | None = None,
    cache: ClaimCache | None = None,
    jobs: int | None = None,
    whole_page: bool = False,
) -> ComparisonReport:
    """Load, extract and compare: the discrepancy report for the articles under `paths`."""
    loaded = require_articles(loaded or load(paths, max_bytes=max_bytes, whole_page=whole_page))
    keys = _cache_keys(loaded.articles, model, cache)
    comparison_key = None
    groups = None
    if cache is not None:
        comparison_key = cache.comparison_key(keys)
        groups = cache.get_groups(comparison_key)
    if groups is None:
        claims = _extract(loaded.articles, keys, model=model, on_article=on_article, cache=cache, jobs=jobs)
        texts = {article.id: article.text for article in loaded.articles}
        groups = compare(claims, copies=copy_families(texts), stories=story_groups(texts))
        if cache is not None:
            cache.put_groups(comparison_key, groups)
    return ComparisonReport(claimtrack_version=__version__, model=describe_model(model), articles=loaded.articles,
                            skipped=loaded.skipped, groups=groups)


def require_articles(loaded: LoadResult) -> LoadResult:
    """`loaded`, or NoInputError naming what went wrong when it holds no article."""
    if not loaded.articles:
        # dict.fromkeys: the thousand records of one file skipped for one reason make one problem, not a thousand.
        problems = "; ".join(dict.fromkeys(f"{s.path}: {s.reason}" for s in loaded.skipped)) or "no paths given"
        raise NoInputError(f"no articles to read ({problems}); claimtrack reads {supported_extensions()} files, "
                           f"folders of them, or '-' for stdin")
    return loaded
