"""claimtrack: find where news coverage of one event agrees and conflicts, claim by claim.

    import claimtrack
    report = claimtrack.run(["seeds/"])
    conflicts = [group.topic for group in report.groups if group.verdict == "conflict"]

The names below are imported when first used, so that importing claimtrack (and starting the command,
which must answer Ctrl-C from its first instant) costs next to nothing.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType

from claimtrack._version import __version__

_HOMES = {
    "compare": "claimtrack.compare",
    "copy_families": "claimtrack.copies",
    "ClaimtrackError": "claimtrack.errors",
    "ModelNotAvailableError": "claimtrack.errors",
    "NoInputError": "claimtrack.errors",
    "OutputError": "claimtrack.errors",
    "load": "claimtrack.load",
    "SCHEMA_VERSION": "claimtrack.models",
    "Article": "claimtrack.models",
    "Claim": "claimtrack.models",
    "ClaimGroup": "claimtrack.models",
    "ComparisonReport": "claimtrack.models",
    "DiscrepancyRow": "claimtrack.models",
    "ExtractionReport": "claimtrack.models",
    "LoadResult": "claimtrack.models",
    "SkippedInput": "claimtrack.models",
    "DEFAULT_MODEL": "claimtrack.nlp",
    "extract": "claimtrack.pipeline",
    "extract_report": "claimtrack.pipeline",
    "iter_claims": "claimtrack.pipeline",
    "run": "claimtrack.pipeline",
    "story_groups": "claimtrack.stories",
}

__all__ = sorted([*_HOMES, "__version__"])


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


class _Package(ModuleType):
    def __setattr__(self, name: str, value: object) -> None:
        # Importing claimtrack.load or claimtrack.compare would bind the module under the name of the
        # function it holds; `claimtrack.load` stays the function, as the names above promise.
        if name in _HOMES and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
