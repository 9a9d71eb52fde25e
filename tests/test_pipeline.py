"""The library's choices made for the user: how many processes parse."""

import json
import os

import claimtrack
from claimtrack.pipeline import _jobs_for


def test_short_paragraphs_are_parsed_in_one_process_however_many(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps({"text": f"Police said {n} people were hurt in the fire on Monday."}) + "\n"
                               for n in range(10_000)), encoding="utf-8")
    assert _jobs_for(claimtrack.load([records]).articles) == 1


def test_much_text_in_long_paragraphs_is_parsed_on_both_cores(tmp_path):
    article = tmp_path / "long.txt"
    paragraph = "The council met on Monday and the roads were discussed at length by everyone there. " * 20
    article.write_text("\n\n".join(f"Meeting {n}. {paragraph}" for n in range(200)), encoding="utf-8")
    assert _jobs_for(claimtrack.load([article]).articles) == min(2, os.cpu_count() or 1)
