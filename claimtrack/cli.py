"""The command line: parse flags, call the library, print. The only module that prints or exits.

Exit codes: 0 success (discrepancies are not errors), 1 some inputs could not be read, 2 usage error or
nothing to read, 3 a conflict was found and --fail-on-conflict was given, 4 an unexpected internal error.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimtrack._version import __version__
from claimtrack.cache import ClaimCache
from claimtrack.errors import ClaimtrackError, OutputError
from claimtrack.load import DEFAULT_MAX_BYTES, LISTED_RECORD_PROBLEMS, STDIN, load
from claimtrack.models import Article, Claim, ComparisonReport, ExtractionReport, LoadResult, Report
from claimtrack.nlp import DEFAULT_MODEL, describe_model

if TYPE_CHECKING:
    from claimtrack.export import SpooledClaims

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE, EXIT_CONFLICT, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130  # the shell's code for a run stopped by Ctrl-C
EXIT_CODES_HELP = (
    "Exit codes: 0 success (discrepancies are not errors); 1 some inputs could not be read (the rest were "
    "processed); 2 usage error or nothing to read; 3 conflicts found with --fail-on-conflict; 4 internal error; "
    "130 interrupted."
)

app = typer.Typer(
    help=f"Extract attributed claims from news articles and show where the coverage conflicts.\n\n{EXIT_CODES_HELP}",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
messages = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


Paths = Annotated[list[str], typer.Argument(
    help="Article files or folders (searched recursively); '-' reads stdin.", metavar="PATH...", show_default=False)]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="What to print on stdout.")]
CsvOption = Annotated[Path | None, typer.Option("--csv", help="Also write the table as CSV to this file.",
                                                dir_okay=False, show_default=False)]
JsonOption = Annotated[Path | None, typer.Option("--json", help="Also write the report as JSON to this file.",
                                                 dir_okay=False, show_default=False)]
ModelOption = Annotated[str, typer.Option("--model", help="Installed spaCy pipeline to use (package name or path).")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or messages on stderr; errors only.")]
VerboseOption = Annotated[bool, typer.Option(
    "--verbose", "-v", help="List every skipped record of a JSON file, not one line per file.")]
MaxBytesOption = Annotated[int, typer.Option("--max-bytes", min=1, help="Refuse input files larger than this.")]
NoCacheOption = Annotated[bool, typer.Option(
    "--no-cache", help="Parse every article again instead of reusing claims stored by earlier runs "
                       "(kept in $CLAIMTRACK_CACHE_DIR or the user cache folder).")]
JobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, help="Processes that parse articles [default: both cores for large inputs, else 1].",
    show_default=False)]
WholePageOption = Annotated[bool, typer.Option(
    "--whole-page", help="Read every block of text of a web page (menus, banners, related links, comments), "
                         "not only its story.")]
RawCsvOption = Annotated[bool, typer.Option(
    "--raw-csv", help="Write CSV cells as they are; by default a cell starting with = + - @ is prefixed with ' "
                      "so spreadsheets do not run it as a formula.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimtrack {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    pass


@app.command("compare", epilog=EXIT_CODES_HELP)
def compare_cli(
    paths: Paths,
    output_format: FormatOption = OutputFormat.table,
    csv_file: CsvOption = None,
    json_file: JsonOption = None,
    model: ModelOption = DEFAULT_MODEL,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    fail_on_conflict: Annotated[bool, typer.Option(
        "--fail-on-conflict", help="Exit with 3 when any group of claims conflicts.")] = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    raw_csv: RawCsvOption = False,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = None,
    whole_page: WholePageOption = False,
) -> None:
    """Group the claims of all articles by what they state, with a verdict per group, conflicts first."""
    report, _, loaded = _produce(_comparison, paths, model=model, max_bytes=max_bytes, quiet=quiet, verbose=verbose,
                                 no_cache=no_cache, jobs=jobs, whole_page=whole_page,
                                 outputs=(output_format, csv_file, json_file, raw_csv))
    conflicts = sum(group.verdict == "conflict" for group in report.groups)
    if not quiet:
        claims = sum(len(group.claims) for group in report.groups)
        messages.print(f"{_count(len(report.articles), 'article')}, {_count(claims, 'claim')}, "
                       f"{_count(len(report.groups), 'group')} ({conflicts} in conflict)")
    if fail_on_conflict and conflicts:
        raise typer.Exit(EXIT_CONFLICT)
    raise typer.Exit(_input_status(loaded))


@app.command("extract", epilog=EXIT_CODES_HELP)
def extract_cli(
    paths: Paths,
    output_format: FormatOption = OutputFormat.table,
    csv_file: CsvOption = None,
    json_file: JsonOption = None,
    model: ModelOption = DEFAULT_MODEL,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    raw_csv: RawCsvOption = False,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = None,
    whole_page: WholePageOption = False,
) -> None:
    """List every claim found in each article: figures, quotes, speakers and sources, with offsets."""
    report, claims, loaded = _produce(_spooled_extraction, paths, model=model, max_bytes=max_bytes, quiet=quiet,
                                      verbose=verbose, no_cache=no_cache, jobs=jobs, whole_page=whole_page,
                                      outputs=(output_format, csv_file, json_file, raw_csv))
    if not quiet:
        messages.print(f"{_count(len(report.articles), 'article')}, {_count(claims.count, 'claim')}")
    raise typer.Exit(_input_status(loaded))


def _produce(stage, paths: list[str], *, model: str, max_bytes: int, quiet: bool, verbose: bool, no_cache: bool,
             jobs: int | None, whole_page: bool, outputs: tuple[OutputFormat, Path | None, Path | None, bool],
             ) -> tuple[Report, SpooledClaims | None, LoadResult]:
    """Load, run `stage` (extract or compare) with a progress bar and the cache, and write its report, with the
    claims the stage spooled when it made the report without them."""
    output_format, csv_file, json_file, raw_csv = outputs
    loaded = _load(paths, max_bytes, whole_page, [csv_file, json_file], quiet, verbose)
    cache = None if no_cache else ClaimCache()
    report, claims = _with_progress(lambda progress: stage(paths, model=model, loaded=loaded, on_article=progress,
                                                           cache=cache, jobs=jobs), len(loaded.articles), quiet)
    if cache is not None:
        cache.close()
        for note in cache.notes() if not quiet else ():
            messages.print(f"note: {note}", markup=False)
    try:
        _emit(report, claims, output_format, csv_file, json_file, raw_csv)
    finally:
        if claims is not None:
            claims.close()
    return report, claims, loaded


def _comparison(paths: list[str], **options) -> tuple[ComparisonReport, None]:
    """The comparison report, which holds its claims in its groups: nothing is spooled."""
    from claimtrack.pipeline import run

    return run(paths, **options), None


def _spooled_extraction(paths: list[str], *, model: str, loaded: LoadResult, on_article, cache: ClaimCache | None,
                        jobs: int | None) -> tuple[ExtractionReport, SpooledClaims]:
    """The extraction report without its claims, and the claims spooled to disk as they are made: a 5 MB page
    of a data table yields 120,000, which would take about 350 MB in the report."""
    from claimtrack.export import SpooledClaims
    from claimtrack.pipeline import iter_claims

    claims = SpooledClaims()
    claims.extend(iter_claims(loaded.articles, model=model, on_article=on_article, cache=cache, jobs=jobs))
    return ExtractionReport(claimtrack_version=__version__, model=describe_model(model), articles=loaded.articles,
                            skipped=loaded.skipped, claims=[]), claims


def _load(paths: list[str], max_bytes: int, whole_page: bool, outputs: list[Path | None], quiet: bool,
          verbose: bool) -> LoadResult:
    loaded = load(paths, max_bytes=max_bytes, whole_page=whole_page)
    _report_skipped(loaded, quiet, verbose)
    if not quiet:
        for article in loaded.articles:
            for note in article.notes:
                messages.print(f"note {article.id}: {note}", markup=False)
            for block in article.left_out if verbose else ():
                messages.print(f"left out {article.id} characters {block.start:,}\u2013{block.end:,}: "
                               f"{_escaped(block.excerpt)}", markup=False)
    from claimtrack.export import check_output
    from claimtrack.pipeline import require_articles

    inputs = {os.path.realpath(article.path) for article in loaded.articles if article.path != STDIN}
    inputs |= {os.path.realpath(s.path) for s in loaded.skipped if s.path != STDIN}
    for output in filter(None, outputs):
        if os.path.realpath(output) in inputs:
            raise OutputError(f"output file {output} is also an input; choose another name so the input is kept")
        check_output(output)
    return require_articles(loaded)


def _report_skipped(loaded: LoadResult, quiet: bool, verbose: bool) -> None:
    """One line per skipped file; the skipped records of a file in one line too, each on its own with -v."""
    summarised: set[str] = set()
    for skipped in loaded.skipped:
        if quiet and not skipped.failed:
            continue
        records = loaded.skipped_records.get(skipped.path, 0)
        if skipped.record is not None and records > 1 and not verbose:
            if skipped.path not in summarised:
                summarised.add(skipped.path)
                messages.print(f"skipped {skipped.path}: {_count(records, 'record')} (record {skipped.record}: "
                               f"{skipped.reason}; -v lists each)", markup=False)
            continue
        where = f"{skipped.path}:{skipped.record}" if skipped.record is not None else skipped.path
        label = "skipped" if skipped.failed else "left out"
        messages.print(f"{label} {where}: {skipped.reason}", markup=False)
    if verbose:
        for path, records in loaded.skipped_records.items():
            if records > LISTED_RECORD_PROBLEMS:
                messages.print(f"skipped {path}: {_count(records - LISTED_RECORD_PROBLEMS, 'more record')}, "
                               f"not listed", markup=False)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def _input_status(loaded: LoadResult) -> int:
    return EXIT_INPUT_FAILED if any(skipped.failed for skipped in loaded.skipped) else EXIT_OK


def _with_progress(work, total: int, quiet: bool):
    """Run `work(progress_callback)` with a progress bar on stderr when a person is watching."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    if quiet or not messages.is_terminal:
        return work(None)
    started = time.monotonic()
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=messages, transient=True) as progress:
        task = progress.add_task("extract", total=total, rate="")

        def advance(article: Article) -> None:
            done = progress.tasks[0].completed + 1
            rate = done / max(time.monotonic() - started, 1e-6)
            progress.update(task, advance=1, rate=f"{rate:.1f} articles/s")

        return work(advance)


def _emit(report: Report, claims: SpooledClaims | None, output_format: OutputFormat, csv_file: Path | None,
          json_file: Path | None, raw_csv: bool) -> None:
    from claimtrack.export import write_csv, write_file_atomically, write_json

    if csv_file is not None:
        write_file_atomically(csv_file, lambda stream: write_csv(report, stream, neutralise_formulas=not raw_csv,
                                                                 claims=claims))
        _written.append(csv_file)
    if json_file is not None:
        write_file_atomically(json_file, lambda stream: write_json(report, stream, claims=claims))
        _written.append(json_file)
    if output_format is OutputFormat.csv:
        write_csv(report, sys.stdout, neutralise_formulas=not raw_csv, claims=claims)
    elif output_format is OutputFormat.json:
        write_json(report, sys.stdout, claims=claims)
    else:
        console = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)
        for table in _tables(report, claims):
            console.print(table)


# A rich table measures all its rows before it prints the first, and holds them all: a 1 MB page of a data
# table (23,500 claims) took 330 MB to print as one table against 250 MB written as JSON, and its comparison
# 570 MB against 370 MB. A longer table is printed in parts of this many rows, each with its header; a
# comparison's part ends where a group does, so a group is never split.
TABLE_PART_ROWS = 1_000


def _tables(report: Report, claims: SpooledClaims | None) -> Iterator[Table]:
    if isinstance(report, ComparisonReport):
        return _in_parts(_comparison_rows(report), _comparison_table)
    assert isinstance(report, ExtractionReport)
    return _in_parts(_extraction_rows(report.claims if claims is None else claims), _extraction_table)


def _in_parts(rows: Iterable[tuple[list, bool]], new_table: Callable[[bool], Table]) -> Iterator[Table]:
    """Tables of TABLE_PART_ROWS `rows` or a few more, the first with its title: each row is its cells and
    whether a part may end after it."""
    table = new_table(True)
    for cells, part_may_end in rows:
        table.add_row(*cells)
        if part_may_end and table.row_count >= TABLE_PART_ROWS:
            yield table
            table = new_table(False)
    if table.row_count or table.title:
        yield table


VERDICT_STYLES = {"conflict": "bold red", "updated": "magenta", "compatible": "yellow", "agree": "green",
                  "single-source": "dim"}


def _comparison_table(first_part: bool) -> Table:
    table = Table(title="claimtrack: claims across articles, conflicts first" if first_part else None,
                  show_lines=True, expand=False)
    for name, ratio in (("verdict", 1), ("topic and reason", 4), ("article", 2), ("claim", 3),
                        ("attributed to", 2), ("at", 1)):
        table.add_column(name, ratio=ratio, overflow="fold")
    return table


def _comparison_rows(report: ComparisonReport) -> Iterator[tuple[list, bool]]:
    for group in report.groups:
        for number, claim in enumerate(group.claims):
            first = number == 0
            verdict = Text(group.verdict, style=VERDICT_STYLES[group.verdict]) if first else Text("")
            topic = Text.assemble((_escaped(group.topic), "bold"), "\n", (_escaped(group.reason), "dim")) if first \
                else Text("")
            yield [verdict, topic, _shown(claim.article), _shown(claim.claim_text), _shown(_attribution(claim)),
                   f"{claim.start}–{claim.end}"], number == len(group.claims) - 1


def _extraction_table(first_part: bool) -> Table:
    table = Table(title="claimtrack: claims per article" if first_part else None, show_lines=False)
    for name in ("article", "kind", "claim", "value", "attributed to", "at"):
        table.add_column(name, overflow="fold")
    return table


def _extraction_rows(claims: Iterable[Claim]) -> Iterator[tuple[list, bool]]:
    from claimtrack.compare import describe_figure

    for claim in claims:
        value = describe_figure(claim) if claim.kind == "quantity" else (claim.quote_type or "")
        yield [_shown(claim.article), claim.kind, _shown(claim.claim_text), _shown(value),
               _shown(_attribution(claim)), f"{claim.start}–{claim.end}"], True


# Control characters in article text would reach the terminal as commands (a window title, a cleared screen,
# a hidden hyperlink): shown escaped instead, \x1b for ESC. C1 controls (\x9b starts a command too) included.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _escaped(text: str) -> str:
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def _shown(text: str) -> Text:
    """A cell as plain text: control characters escaped, and square brackets never read as rich markup."""
    return Text(_escaped(text))


def _attribution(claim: Claim) -> str:
    if claim.speaker and claim.source and claim.source != claim.speaker:
        return f"{claim.speaker} (via {claim.source})"
    return claim.speaker or claim.source or "—"


_main_process = os.getpid()
# Output files written in full so far, so that a message after an interrupt can say which are new.
_written: list[Path] = []


def _stop(signal_number: int, frame: object) -> None:
    """Ctrl-C or a kill: stop the parsing workers at once, then unwind the main process cleanly, so that
    temporary output files are removed and no output file is left half-written."""
    if os.getpid() != _main_process:
        os._exit(EXIT_INTERRUPTED)  # a parsing worker: the main process says what happened
    for worker in multiprocessing.active_children():
        worker.kill()
    raise KeyboardInterrupt


def _interrupted_outputs() -> str:
    if not _written:
        return "output files were left as they were"
    return f"{', '.join(map(str, _written))} written in full before the interrupt; any other output file was " \
           f"left as it was"


def _end_with_the_command() -> None:
    """In a parsing worker, forked from the command: have Linux end it when the command ends, even by
    kill -9, which no handler sees; else it would wait for work that never comes."""
    import ctypes

    set_parent_death_signal = 1  # PR_SET_PDEATHSIG, from <sys/prctl.h>
    ctypes.CDLL(None).prctl(set_parent_death_signal, signal.SIGKILL)
    if os.getppid() != _main_process:  # the command ended before the request was made
        os._exit(EXIT_INTERRUPTED)


def main() -> None:
    """Entry point: run the app, turning library errors into one line on stderr and an exit code."""
    global _main_process
    _main_process = os.getpid()
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    if sys.platform.startswith("linux"):
        os.register_at_fork(after_in_child=_end_with_the_command)
    try:
        code = app(standalone_mode=False)
    except ClaimtrackError as error:
        messages.print(f"Error: {error}", markup=False)
        sys.exit(EXIT_USAGE)
    except (KeyboardInterrupt, typer.Abort):
        code = EXIT_INTERRUPTED
    except Exception as error:  # the promise is one line, never a traceback
        if isinstance(error, typer.TyperException) and hasattr(error, "show"):
            error.show(file=sys.stderr)  # a usage error: typer's own message with the usage line
            sys.exit(EXIT_USAGE)
        messages.print(f"Error: internal error ({type(error).__name__}: {error}); please report it",
                       markup=False)
        sys.exit(EXIT_INTERNAL)
    if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into this exit code without a word
        messages.print(f"Error: interrupted; {_interrupted_outputs()}", markup=False)
        sys.stdout.flush()
        sys.stderr.flush()
        # Not sys.exit: a killed worker's queue would keep the interpreter waiting for it at shutdown.
        os._exit(EXIT_INTERRUPTED)
    sys.exit(code or EXIT_OK)
