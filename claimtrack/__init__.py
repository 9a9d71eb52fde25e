"""claimtrack: find where news coverage of one event agrees and conflicts, claim by claim.

    import claimtrack
    report = claimtrack.run(["seeds/"])
    conflicts = [group.topic for group in report.groups if group.verdict == "conflict"]
"""

from claimtrack._version import __version__
from claimtrack.compare import compare
from claimtrack.copies import copy_families
from claimtrack.errors import ClaimtrackError, ModelNotAvailableError, NoInputError, OutputError
from claimtrack.load import load
from claimtrack.models import (
    SCHEMA_VERSION,
    Article,
    Claim,
    ClaimGroup,
    ComparisonReport,
    DiscrepancyRow,
    ExtractionReport,
    LoadResult,
    SkippedInput,
)
from claimtrack.nlp import DEFAULT_MODEL
from claimtrack.pipeline import extract, extract_report, run
from claimtrack.stories import story_groups

__all__ = [
    "DEFAULT_MODEL",
    "SCHEMA_VERSION",
    "Article",
    "Claim",
    "ClaimGroup",
    "ClaimtrackError",
    "ComparisonReport",
    "DiscrepancyRow",
    "ExtractionReport",
    "LoadResult",
    "ModelNotAvailableError",
    "NoInputError",
    "OutputError",
    "SkippedInput",
    "__version__",
    "compare",
    "copy_families",
    "extract",
    "extract_report",
    "load",
    "run",
    "story_groups",
]
