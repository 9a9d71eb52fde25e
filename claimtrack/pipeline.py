"""The stages as one library API: load → extract → compare, and calls that run them all.

spaCy is imported only when something must be parsed: comparing, and re-running over articles whose
claims are cached, never load it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
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

# Called as each article's claims are all made (or read from the cache): a progress bar's step.
ProgressCallback = Callable[[Article], None]
# Below this much text to parse, starting a second process costs more than it saves. Workers send back claims,
# not parses, so short records gain too: in one run, two processes against one took 1:46 against 3:21 on the
# BBC corpus and 31 s against 35 s on 10,000 one-sentence records (sending parses back: 3:18 against 3:06, and
# 34 s against 34 s). One article is never split (see claimtrack.engine), so a long page parses in one.
PARALLEL_FROM_CHARACTERS = 300_000
# New cache entries are written this many articles at a time, so that they are not all held until the end.
CACHE_WRITE_BATCH = 500


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
    return list(iter_claims(articles, model=model, on_article=on_article, cache=cache, jobs=jobs))


def iter_claims(
    articles: Iterable[Article],
    *,
    model: str = DEFAULT_MODEL,
    on_article: ProgressCallback | None = None,
    cache: ClaimCache | None = None,
    jobs: int | None = None,
) -> Iterator[Claim]:
    """`extract`, a claim at a time: claims are handed on as they are made and none is kept, so that memory
    does not grow with their number (a 5 MB page of a data table yields 120,000)."""
    articles = list(articles)
    return _iter_claims(articles, _cache_keys(articles, model, cache), model=model, on_article=on_article,
                        cache=cache, jobs=jobs)


def _cache_keys(articles: list[Article], model: str, cache: ClaimCache | None) -> list[str]:
    info = describe_model(model)
    return [cache.key(article, info) for article in articles] if cache is not None else []


def _iter_claims(articles: list[Article], keys: list[str], *, model: str, on_article: ProgressCallback | None,
                 cache: ClaimCache | None, jobs: int | None) -> Iterator[Claim]:
    """`iter_claims` with the articles' cache keys already made (hashing every text once per run is enough)."""
    stored = cache.get_many(keys) if cache is not None else {}
    to_parse = [article for index, article in enumerate(articles) if cache is None or keys[index] not in stored]
    parsed = _parse(to_parse, model, jobs) if to_parse else iter(())
    fresh: list[tuple[str, list[Claim]]] = []
    for index, article in enumerate(articles):
        if cache is not None and keys[index] in stored:
            yield from stored.pop(keys[index])
        else:
            _, claims, last = next(parsed)
            # An article read in more than one section (a page of thousands of table rows) is not stored: its
            # claims would have to be held together, as they would again when read back.
            if cache is not None and last:
                fresh.append((keys[index], claims))
            yield from claims
            while not last:
                _, claims, last = next(parsed)
                yield from claims
            if len(fresh) >= CACHE_WRITE_BATCH:
                cache.put_many(fresh)
                fresh = []
        if on_article is not None:
            on_article(article)
    if cache is not None and fresh:
        cache.put_many(fresh)


def _parse(articles: list[Article], model: str, jobs: int | None) -> Iterator[tuple[Article, list[Claim], bool]]:
    from claimtrack.extractors import iter_extract

    jobs = jobs or _jobs_for(articles)
    if jobs > 1 and len(articles) > 1:
        from claimtrack.engine import iter_extract_parallel

        return iter_extract_parallel(articles, model, jobs=jobs)
    return iter_extract(articles, load_pipeline(model))


def _jobs_for(articles: list[Article]) -> int:
    """Both cores for much text in more than one task (an article is never split between processes), else one."""
    from claimtrack.engine import tasks_of
    from claimtrack.extractors import text_to_parse

    characters, _ = text_to_parse(articles)
    worth_it = characters >= PARALLEL_FROM_CHARACTERS and len(tasks_of(articles)) > 1
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
        claims = list(_iter_claims(loaded.articles, keys, model=model, on_article=on_article, cache=cache,
                                   jobs=jobs))
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
