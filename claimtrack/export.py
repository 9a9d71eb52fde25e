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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from pydantic import BaseModel

from claimtrack.errors import OutputError
from claimtrack.models import Claim, ComparisonReport, DiscrepancyRow, ExtractionReport, Report
from claimtrack.numbers import format_number

# OWASP: a cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def rows(report: Report, claims: Iterable[Claim] | None = None) -> Iterator[BaseModel]:
    """The table rows of a report: one per claim per group, or one per claim (`claims`, when the extraction
    report was made without them; see SpooledClaims)."""
    if isinstance(report, ComparisonReport):
        for group in report.groups:
            for claim in group.claims:
                yield DiscrepancyRow.from_group(group, claim)
    elif isinstance(report, ExtractionReport):
        yield from report.claims if claims is None else claims


class SpooledClaims:
    """Claims kept in a temporary file rather than in memory, read back one at a time as often as they are
    written out: as models, the 120,000 claims of a 5 MB page of a data table take about 350 MB."""

    def __init__(self) -> None:
        # One claim a line, and lines end at "\n" alone: JSON escapes that one inside a string, not U+2028.
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")
        self.count = 0

    def extend(self, claims: Iterable[Claim]) -> None:
        self._file.seek(0, os.SEEK_END)
        for claim in claims:
            self._file.write(claim.model_dump_json() + "\n")
            self.count += 1

    def __iter__(self) -> Iterator[Claim]:
        self._file.seek(0)
        for line in self._file:
            yield Claim.model_validate_json(line)

    def close(self) -> None:
        self._file.close()


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


def write_csv(report: Report, stream: IO[str], *, neutralise_formulas: bool = True,
              claims: Iterable[Claim] | None = None) -> None:
    """CSV with a header row; text cells that a spreadsheet would run as formulas get a leading '."""
    names = columns(report)
    # RFC 4180 line ends, so that a lone carriage return inside a quote is quoted, not a row break.
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows(report, claims):
        values = row.model_dump()
        writer.writerow(_cell(values[name], neutralise=neutralise_formulas) for name in names)


def write_json(report: Report, stream: IO[str], *, claims: Iterable[Claim] | None = None) -> None:
    """The report as indented JSON, its articles and claims (or groups) written one at a time, each indented as
    the whole report's dump would indent it: as one string, a report of 120,000 claims takes 130 MB. `claims`
    are the extraction report's when it was made without them (see SpooledClaims)."""
    lists: dict[str, Iterable[BaseModel]] = {"articles": report.articles}
    if isinstance(report, ComparisonReport):
        lists["groups"] = report.groups
    elif isinstance(report, ExtractionReport):
        lists["claims"] = report.claims if claims is None else claims
    rest = report.model_copy(update=dict.fromkeys(lists, [])).model_dump_json(indent=2)
    for name, items in lists.items():
        # A key of the report itself, two spaces in: the same words inside a string would have escaped quotes.
        head, rest = rest.split(f'\n  "{name}": []', 1)
        stream.write(f'{head}\n  "{name}": [')
        separator = "\n"
        for item in items:
            # Not textwrap.indent, which also breaks lines at characters JSON leaves unescaped (U+0085, U+2028).
            stream.write(separator + "    " + item.model_dump_json(indent=2).replace("\n", "\n    "))
            separator = ",\n"
        stream.write("]" if separator == "\n" else "\n  ]")
    stream.write(rest + "\n")


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
