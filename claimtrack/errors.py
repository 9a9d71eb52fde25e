"""Errors the library raises on purpose. The CLI turns each into one `Error: …` line and an exit code."""


class ClaimtrackError(Exception):
    """Base class: a problem the user can fix, with a message that says how."""


class NoInputError(ClaimtrackError):
    """Nothing could be loaded from the paths given."""


class ModelNotAvailableError(ClaimtrackError):
    """The spaCy pipeline asked for is not installed or cannot be loaded."""


class OutputError(ClaimtrackError):
    """An output file cannot be written where asked (for instance, it would overwrite an input)."""
