"""The stages as one library API: load → extract → compare, and calls that run them all.

spaCy is imported only when extraction starts, so loading and comparing stay fast to import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from claimtrack._version import __version__
from claimtrack.compare import compare
from claimtrack.errors import NoInputError
from claimtrack.load import DEFAULT_MAX_BYTES, load, supported_extensions
from claimtrack.models import Article, Claim, ComparisonReport, ExtractionReport, LoadResult
from claimtrack.nlp import DEFAULT_MODEL, load_pipeline, model_info

ProgressCallback = Callable[[Article, list[Claim]], None]


def extract(
    articles: Iterable[Article], *, model: str = DEFAULT_MODEL, on_article: ProgressCallback | None = None
) -> list[Claim]:
    """Every attributed figure and quote in `articles` (as returned by `load`)."""
    from claimtrack.extractors import extract as extract_with

    return extract_with(articles, load_pipeline(model), on_article=on_article)


def extract_report(
    paths: Iterable[str | Path],
    *,
    model: str = DEFAULT_MODEL,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_article: ProgressCallback | None = None,
    loaded: LoadResult | None = None,
) -> ExtractionReport:
    """Load `paths` and extract their claims; raises NoInputError when nothing could be loaded."""
    loaded = require_articles(loaded or load(paths, max_bytes=max_bytes))
    claims = extract(loaded.articles, model=model, on_article=on_article)
    return ExtractionReport(
        claimtrack_version=__version__, model=model_info(load_pipeline(model)), articles=loaded.articles,
        skipped=loaded.skipped, claims=claims,
    )


def run(
    paths: Iterable[str | Path],
    *,
    model: str = DEFAULT_MODEL,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_article: ProgressCallback | None = None,
    loaded: LoadResult | None = None,
) -> ComparisonReport:
    """Load, extract and compare: the discrepancy report for the articles under `paths`."""
    extracted = extract_report(paths, model=model, max_bytes=max_bytes, on_article=on_article, loaded=loaded)
    return ComparisonReport(
        claimtrack_version=extracted.claimtrack_version, model=extracted.model, articles=extracted.articles,
        skipped=extracted.skipped, groups=compare(extracted.claims),
    )


def require_articles(loaded: LoadResult) -> LoadResult:
    """`loaded`, or NoInputError naming what went wrong when it holds no article."""
    if not loaded.articles:
        problems = "; ".join(f"{s.path}: {s.reason}" for s in loaded.skipped) or "no paths given"
        raise NoInputError(f"no articles to read ({problems}); claimtrack reads {supported_extensions()} files, "
                           f"folders of them, or '-' for stdin")
    return loaded
