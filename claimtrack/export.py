"""Write reports as CSV, JSON or a rich table, straight from the models: columns are the models' fields.

Files are written to a temporary file beside the target and renamed into place, so an interrupted run
never leaves a half-written file behind; a device such as /dev/null is written straight through.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from pydantic import BaseModel

from claimtrack.errors import OutputError
from claimtrack.models import Claim, ComparisonReport, DiscrepancyRow, ExtractionReport, Report
from claimtrack.numbers import format_number

# OWASP: a cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def rows(report: Report) -> Iterator[BaseModel]:
    """The table rows of a report: one per claim per group, or one per claim."""
    if isinstance(report, ComparisonReport):
        for group in report.groups:
            for claim in group.claims:
                yield DiscrepancyRow.from_group(group, claim)
    elif isinstance(report, ExtractionReport):
        yield from report.claims


def columns(report: Report) -> list[str]:
    model = DiscrepancyRow if isinstance(report, ComparisonReport) else Claim
    return list(model.model_fields)


def _cell(value: object, *, neutralise: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, dict | list):
        # A nested model (a claim's frame) as one JSON cell, so each row stays one line of a spreadsheet.
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = str(value)
    if neutralise and text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def write_csv(report: Report, stream: IO[str], *, neutralise_formulas: bool = True) -> None:
    """CSV with a header row; text cells that a spreadsheet would run as formulas get a leading '."""
    names = columns(report)
    # RFC 4180 line ends, so that a lone carriage return inside a quote is quoted, not a row break.
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows(report):
        values = row.model_dump()
        writer.writerow(_cell(values[name], neutralise=neutralise_formulas) for name in names)


def write_json(report: Report, stream: IO[str]) -> None:
    stream.write(report.model_dump_json(indent=2))
    stream.write("\n")


def to_csv(report: Report, *, neutralise_formulas: bool = True) -> str:
    buffer = io.StringIO()
    write_csv(report, buffer, neutralise_formulas=neutralise_formulas)
    return buffer.getvalue()


def to_json(report: Report) -> str:
    buffer = io.StringIO()
    write_json(report, buffer)
    return buffer.getvalue()


def check_output(path: str | Path) -> None:
    """Raise OutputError, before anything runs, for an output path that is a symbolic link in a loop or into a
    folder that does not exist: such a link cannot be written through, and is never replaced."""
    if not os.path.islink(path):
        return
    try:
        os.stat(path)
    except FileNotFoundError:
        if not Path(os.path.realpath(path)).parent.is_dir():
            raise OutputError(f"output file {path} is a symbolic link into a folder that does not exist") from None
    except OSError as error:
        raise OutputError(f"output file {path} is a symbolic link that cannot be followed "
                          f"({(error.strerror or str(error)).lower()})") from None


def write_file_atomically(path: str | Path, write: Callable[[IO[str]], None]) -> None:
    """Write through a temporary file in the same folder, then rename it over `path`.

    A symbolic link is written where it leads, and stays a link. An existing path that is not a regular file
    (/dev/null, a named pipe) cannot be replaced by renaming: it is written straight through, as a shell does.
    """
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        with open(target, "w", encoding="utf-8", newline="") as stream:
            write(stream)
        return
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            write(stream)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
