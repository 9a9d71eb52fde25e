"""Inputs and outputs that are not plain files or plain text, through the real command: links, pipes,
devices, files that lie about their size, hostile JSON, a damaged cache, control characters."""

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimtrack import cli
from conftest import SEEDS
from test_cli import claimtrack
from test_cli_hostile import rows

ARTICLE = "Police said 12 people were hurt.\n"


def folder_with_one_article(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def claim_texts(result) -> list[str]:
    return [row["claim_text"] for row in rows(result)]


@pytest.mark.model
def test_symbolic_link_loops_are_skipped_with_their_reason_and_the_rest_processed(tmp_path):
    folder = folder_with_one_article(tmp_path)
    (folder / "self.txt").symlink_to("self.txt")
    (folder / "ping.txt").symlink_to("pong.txt")
    (folder / "pong.txt").symlink_to("ping.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")
    result = claimtrack("extract", str(folder), "--format", "csv")
    errors = result.stderr.decode()
    assert result.returncode == 1, errors
    for name in ("self.txt", "ping.txt", "pong.txt"):
        assert f"skipped {folder / name}: symbolic link loop" in errors
    assert f"skipped {folder / 'sub' / 'up'}: symbolic link loop: leads back to a folder above it" in errors
    assert "internal error" not in errors
    assert claim_texts(result) == ["12 people"]


@pytest.mark.model
def test_a_symlinked_subfolder_is_followed(tmp_path):
    folder = folder_with_one_article(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text("Officials said 300 containers were stranded.", encoding="utf-8")
    (folder / "linked").symlink_to(elsewhere)
    (folder / "second_link").symlink_to(elsewhere)
    result = claimtrack("extract", str(folder), "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert {row["article"] for row in rows(result)} == {"a.txt", "linked/b.txt"}
    assert f"left out {folder / 'second_link' / 'b.txt'}: given more than once; read once" in result.stderr.decode()


@pytest.mark.model
def test_named_pipes_and_devices_are_refused_without_being_opened(tmp_path):
    folder = folder_with_one_article(tmp_path)
    os.mkfifo(folder / "x.txt")  # opened for reading, a pipe without a writer waits forever
    (folder / "zero.txt").symlink_to("/dev/zero")  # and a device may never end
    result = claimtrack("extract", str(folder), "--format", "csv")
    errors = result.stderr.decode()
    assert result.returncode == 1, errors
    assert f"skipped {folder / 'x.txt'}: not a regular file (a named pipe); not opened" in errors
    assert f"skipped {folder / 'zero.txt'}: not a regular file (a device); not opened" in errors
    assert claim_texts(result) == ["12 people"]


@pytest.mark.skipif(not Path("/proc/cpuinfo").is_file(), reason="needs Linux's /proc")
def test_a_file_larger_than_its_stated_size_is_cut_off_at_the_limit(tmp_path):
    # /proc files say they are empty and are not: like a file that grows while it is read, only the read
    # itself can hold the limit.
    assert os.stat("/proc/cpuinfo").st_size == 0
    (tmp_path / "cpu.txt").symlink_to("/proc/cpuinfo")
    result = claimtrack("extract", str(tmp_path / "cpu.txt"), "--max-bytes", "100")
    assert result.returncode == 2
    assert "cpu.txt: file is over the 100-byte limit (raise it with --max-bytes)" in result.stderr.decode()


@pytest.mark.model
def test_nul_bytes_anywhere_make_a_file_binary(tmp_path):
    folder = folder_with_one_article(tmp_path)
    (folder / "late_nul.txt").write_bytes(ARTICLE.encode() * 1000 + b"\x00 and more")
    result = claimtrack("extract", str(folder), "--format", "csv")
    assert result.returncode == 1
    assert f"skipped {folder / 'late_nul.txt'}: binary file (contains NUL bytes), not text" in result.stderr.decode()
    assert claim_texts(result) == ["12 people"]


@pytest.mark.model
def test_json_nested_too_deeply_is_one_line_for_that_file(tmp_path):
    folder = folder_with_one_article(tmp_path)
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "deep.jsonl").write_text('{"text": "x", "more": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
                                       encoding="utf-8")
    result = claimtrack("extract", str(folder), "--format", "csv")
    errors = result.stderr.decode().splitlines()
    assert result.returncode == 1
    assert f"skipped {folder / 'deep.json'}:1: not valid JSON: nested too deeply (thousands of brackets)" in errors
    assert f"skipped {folder / 'deep.jsonl'}:1: line 1 is not valid JSON: nested too deeply (thousands of " \
           f"brackets)" in errors
    assert claim_texts(result) == ["12 people"]


@pytest.mark.model
def test_a_lone_surrogate_in_a_json_record_is_replaced_and_noted(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text('{"id": "r\\udc80", "text": "Police said 12 people \\ud800 were hurt."}\n', encoding="utf-8")
    result = claimtrack("extract", str(records), "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "note r\ufffd: replaced 1 lone surrogate (half of a UTF-16 pair, escaped alone) with U+FFFD" in \
        result.stderr.decode()
    assert claim_texts(result) == ["12 people \ufffd"]


def test_a_million_skipped_records_make_one_line(tmp_path):
    numbers = tmp_path / "numbers.json"
    numbers.write_text(json.dumps(list(range(1_000_000))), encoding="utf-8")
    result = claimtrack("extract", str(numbers))
    assert result.returncode == 2
    errors = result.stderr.decode().splitlines()
    assert errors[0] == f"skipped {numbers}: 1,000,000 records (record 0: record is not a JSON object; -v lists each)"
    assert errors[1].startswith("Error: no articles to read") and len(errors) == 2
    itemised = claimtrack("extract", str(numbers), "--verbose").stderr.decode().splitlines()
    assert itemised[:2] == [f"skipped {numbers}:0: record is not a JSON object",
                            f"skipped {numbers}:1: record is not a JSON object"]
    assert f"skipped {numbers}: 999,900 more records, not listed" in itemised


@pytest.mark.model
def test_a_damaged_cache_entry_is_a_miss_said_once_and_replaced(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    environment = {**os.environ, "CLAIMTRACK_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "claimtrack", "extract", str(article), "--format", "csv"]
    first = subprocess.run(command, capture_output=True, env=environment, timeout=300)
    with sqlite3.connect(tmp_path / "cache" / "claims.sqlite3") as database:
        database.execute("""UPDATE claims SET claims = '[{"article": 5, "schema": "another"}]'""")
    damaged = subprocess.run(command, capture_output=True, env=environment, timeout=300)
    assert damaged.returncode == 0, damaged.stderr
    assert damaged.stdout == first.stdout
    notes = [line for line in damaged.stderr.decode().splitlines() if "damaged" in line]
    assert notes == [f"note: 1 damaged claim cache entry in {tmp_path / 'cache' / 'claims.sqlite3'} ignored, "
                     f"re-extracted and replaced"]
    again = subprocess.run(command, capture_output=True, env=environment, timeout=300)
    assert again.stdout == first.stdout and b"damaged" not in again.stderr


@pytest.mark.model
def test_outputs_that_are_devices_or_links_are_written_through(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "link.csv").symlink_to("real.csv")
    result = claimtrack("extract", str(article), "--json", "/dev/null", "--csv", str(tmp_path / "link.csv"))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert (tmp_path / "link.csv").is_symlink()
    assert "12 people" in (tmp_path / "real.csv").read_text(encoding="utf-8")


def test_an_output_link_that_cannot_be_followed_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "loop.csv").symlink_to("loop.csv")
    result = claimtrack("extract", str(article), "--csv", str(tmp_path / "loop.csv"))
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[-1] == \
        f"Error: output file {tmp_path / 'loop.csv'} is a symbolic link that cannot be followed (too many levels " \
        f"of symbolic links)"
    assert (tmp_path / "loop.csv").is_symlink()


@pytest.mark.model
def test_control_characters_are_shown_escaped_in_the_table(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text('The mayor said: "Close \x1b]0;pwned\x07the door\x1b[2J now," on Monday.', encoding="utf-8")
    result = claimtrack("extract", str(article))
    table = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in table and "\x07" not in table
    assert "\\x1b]0;pwned\\x07the" in table


def test_the_message_after_an_interrupt_names_the_outputs_already_written(monkeypatch):
    monkeypatch.setattr(cli, "_written", [])
    assert cli._interrupted_outputs() == "output files were left as they were"
    monkeypatch.setattr(cli, "_written", [Path("out.csv")])
    assert cli._interrupted_outputs() == "out.csv written in full before the interrupt; any other output file " \
                                         "was left as it was"


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == str(pid) and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.model
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_parsing_workers_end_when_the_command_is_killed(tmp_path):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for number in range(300):
        (corpus / f"a{number:03d}.txt").write_text(f"Officials said {number} people were evacuated. " * 30,
                                                   encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "claimtrack", "extract", str(corpus), "--jobs", "2",
                                "--no-cache", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        workers = children_of(process.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.1)
    assert len(workers) >= 2, "the workers never started"
    process.kill()
    process.wait()
    for _ in range(100):
        if not any(alive(worker) for worker in workers):
            break
        time.sleep(0.1)
    assert not any(alive(worker) for worker in workers)


@pytest.mark.parametrize("delay", [0, 0.1, 0.3])
def test_ctrl_c_while_starting_ends_in_one_line_without_a_traceback(delay):
    # Not a fixed time after the launch, which a loaded machine spends still starting Python itself: `-X importtime`
    # reports each import as it ends, and the first of typer's says the command has begun importing its own
    # modules, whose interruption it answers; `delay` reaches further into the start-up from there.
    process = subprocess.Popen([sys.executable, "-X", "importtime", "-m", "claimtrack", "extract", str(SEEDS),
                                "--no-cache"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for line in iter(process.stderr.readline, b""):
        if b"typer" in line:
            break
    time.sleep(delay)
    assert process.poll() is None, "the command ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=120)
    lines = errors.decode().strip().splitlines()
    assert process.returncode == 130, errors
    assert lines[-1].startswith("Error: interrupted") and "Traceback" not in errors.decode(), errors
