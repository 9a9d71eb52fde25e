"""Hostile input through the real command: each row of the input-handling table."""

import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import FIXTURES, SEEDS
from test_cli import claimtrack

HOSTILE = FIXTURES / "hostile"


def rows(result) -> list[dict]:
    return list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))


def as_unprivileged(command: list[str]) -> list[str]:
    """Root reads files whatever their permissions: run as root without the capabilities that allow it
    (the project's own files, owned by root, stay readable wherever the clone is)."""
    if os.geteuid() != 0:
        return command
    if not shutil.which("setpriv"):
        pytest.fail("running as root without setpriv: cannot check permission errors")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]


def test_unreadable_file_is_named_and_the_rest_processed(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("Police said 12 people were hurt.", encoding="utf-8")
    locked.chmod(0)
    readable = tmp_path / "open.txt"
    readable.write_text("Officials said 300 containers were stranded.", encoding="utf-8")
    command = as_unprivileged([sys.executable, "-m", "claimtrack", "extract", str(locked), str(readable),
                               "--format", "csv"])
    result = subprocess.run(command, capture_output=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert f"skipped {locked}: permission denied" in result.stderr.decode()
    assert [r["claim_text"] for r in rows(result)] == ["300 containers"]
    private = tmp_path / "private"
    private.mkdir()
    (private / "inside.txt").write_text("Police said 40 people were hurt.", encoding="utf-8")
    private.chmod(0)
    folder = as_unprivileged([sys.executable, "-m", "claimtrack", "extract", str(tmp_path), "--format", "csv"])
    result = subprocess.run(folder, capture_output=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 1
    assert f"skipped {private}: permission denied" in result.stderr.decode()
    assert [r["claim_text"] for r in rows(result)] == ["300 containers"]


@pytest.mark.model
def test_empty_binary_and_broken_records_are_reported_one_line_each():
    result = claimtrack("extract", str(FIXTURES / "articles"), "--format", "csv")
    errors = result.stderr.decode().splitlines()
    assert result.returncode == 1
    assert any(line.endswith("blank.txt: empty file") for line in errors)
    assert any(line.endswith("renamed.txt: binary file (a PDF document), not text") for line in errors)
    [records] = [line for line in errors if "records.jsonl" in line]
    assert records.endswith("records.jsonl: 3 records (record 3: line 3 is not valid JSON: Unterminated string "
                            "starting at; -v lists each)")
    itemised = claimtrack("extract", str(FIXTURES / "articles"), "--format", "csv", "-v").stderr.decode()
    assert any(line.endswith("records.jsonl:4: record has no 'text'") for line in itemised.splitlines())
    assert "note windows1252.txt: decoded as cp1252" in errors
    assert "note utf16.txt: decoded as utf-16" in errors


@pytest.mark.model
def test_latin1_text_is_decoded_and_reported():
    result = claimtrack("extract", str(HOSTILE / "latin1.txt"), "--format", "csv")
    assert result.returncode == 0
    assert "note latin1.txt: decoded as cp1252" in result.stderr.decode()
    [figure] = rows(result)
    assert figure["low"] == "300000" and "déclaré" in figure["sentence"]


@pytest.mark.model
def test_mojibake_is_repaired_and_offsets_point_into_the_original_file():
    result = claimtrack("extract", str(HOSTILE / "mojibake.txt"), "--format", "csv")
    assert result.returncode == 0
    assert "repaired mis-decoded characters" in result.stderr.decode()
    original = (HOSTILE / "mojibake.txt").read_text(encoding="utf-8")
    money = next(r for r in rows(result) if r["kind"] == "quantity")
    assert money["claim_text"] == "£3.9bn" and money["low"] == "3900000000"
    assert original[int(money["start"]):int(money["end"])] == "Â£3.9bn"
    quote = next(r for r in rows(result) if r["kind"] == "quote")
    assert quote["claim_text"] == "not for sale"


@pytest.mark.model
def test_scripts_and_styles_never_become_claims_in_broken_html():
    result = claimtrack("extract", str(HOSTILE / "script_and_style.html"), "--format", "csv")
    assert result.returncode == 0
    texts = [r["claim_text"] for r in rows(result)]
    assert texts == ["$4.2 million budget", "About 300 residents", "17 complaints"]
    assert not any(number in result.stdout.decode() for number in ("99999", "8888", "12px", "24 sections"))


def test_file_over_the_size_limit_is_refused_without_reading_it():
    result = claimtrack("compare", str(SEEDS / "000_6cf371d1f6022a84.txt"), "--max-bytes", "100")
    assert result.returncode == 2
    assert "over the 100-byte limit (raise it with --max-bytes)" in result.stderr.decode()
    assert b"Traceback" not in result.stderr


@pytest.mark.model
def test_a_two_million_character_paragraph_is_read_in_pieces(tmp_path):
    filler = "The council met and the roads were discussed at length. " * 36_000
    text = filler + 'Police said 12 people were hurt, according to the "fire service". ' + filler
    assert len(text) > 2_000_000 and "\n" not in text
    article = tmp_path / "long.txt"
    article.write_text(text, encoding="utf-8")
    result = claimtrack("extract", str(article), "--format", "csv")
    assert result.returncode == 0, result.stderr
    found = {r["claim_text"]: r for r in rows(result)}
    figure = found["12 people"]
    assert text[int(figure["start"]):int(figure["end"])] == "12 people"


@pytest.mark.model
def test_unbalanced_nested_and_stray_quote_marks_apostrophes_and_primes():
    result = claimtrack("extract", str(HOSTILE / "quotes_and_primes.txt"), "--format", "csv")
    assert result.returncode == 0
    quotes = {r["claim_text"]: r for r in rows(result) if r["kind"] == "quote"}
    assert set(quotes) == {"this is wrong and walked out, leaving 300 fans behind.", 'a "nested" disaster',
                           "nested", "A stray mark"}
    assert quotes["A stray mark"]["unbalanced"] == "true"
    assert not any("reporters" in text for text in quotes)


@pytest.mark.model
def test_the_same_file_twice_is_read_once():
    article = str(SEEDS / "000_6cf371d1f6022a84.txt")
    result = claimtrack("extract", article, article, "--format", "csv")
    assert result.returncode == 0
    assert f"left out {article}: given more than once; read once" in result.stderr.decode()
    assert {r["article"] for r in rows(result)} == {"000_6cf371d1f6022a84.txt"}


@pytest.mark.model
def test_formulas_are_neutralised_unless_raw_csv_is_asked_for(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text('The minister said "=HYPERLINK(1) is a formula" on Monday.', encoding="utf-8")
    safe = claimtrack("extract", str(article), "--format", "csv")
    assert [r["claim_text"] for r in rows(safe)] == ["'=HYPERLINK(1) is a formula"]
    raw = claimtrack("extract", str(article), "--format", "csv", "--raw-csv")
    assert [r["claim_text"] for r in rows(raw)] == ["=HYPERLINK(1) is a formula"]


@pytest.mark.model
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_an_interrupted_run_leaves_no_output_file(tmp_path, stop):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for number in range(400):
        (corpus / f"a{number:03d}.txt").write_text(
            f"Officials said {number} people were evacuated and about {number * 10} homes lost power. " * 20,
            encoding="utf-8")
    output = tmp_path / "out.csv"
    process = subprocess.Popen([sys.executable, "-m", "claimtrack", "compare", str(corpus), "--csv", str(output),
                                "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(4)
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(stop)
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 130
    assert errors.decode().strip().splitlines()[-1].startswith("Error: interrupted")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles"]
