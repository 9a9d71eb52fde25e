"""The library's choices made for the user: how many processes parse, and how many texts at once."""

import gc
import json
import os

import pytest
from spacy.tokens import Doc

import claimtrack
from claimtrack.extractors import PARSED_ALONE_FROM, iter_extract
from claimtrack.nlp import load_pipeline
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


@pytest.mark.model
def test_long_windows_parsed_alone_keep_their_claims_and_the_article_order(tmp_path):
    long_window = " ".join(f"Officials said {n} homes lost power." for n in range(2, 80))
    assert len(long_window) >= PARSED_ALONE_FROM
    texts = ["Police said 12 people were hurt.", long_window, "Police said 15 people were hurt."]
    paths = []
    for number, text in enumerate(texts):
        paths.append(tmp_path / f"{number}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    articles = claimtrack.load(paths).articles
    claims_of: dict[str, list[str]] = {}
    for article, claims, _ in iter_extract(articles, load_pipeline()):
        claims_of.setdefault(article.id, []).extend(claim.claim_text for claim in claims)
    assert list(claims_of) == [article.id for article in articles]
    assert claims_of[articles[0].id] == ["12 people"] and claims_of[articles[2].id] == ["15 people"]
    assert claims_of[articles[1].id] == [f"{n} homes" for n in range(2, 80)]


@pytest.mark.model
def test_an_article_longer_than_a_section_is_read_in_sections_with_the_same_claims(tmp_path, monkeypatch):
    article = tmp_path / "table.txt"
    rows = [f"Officials said {n} homes lost power. Mr Hale said she was told." for n in range(2, 40)]
    article.write_text("\n\n".join([*rows, "John Hale, the mayor, said 12 people were hurt."]), encoding="utf-8")
    articles = claimtrack.load([article]).articles
    whole = list(iter_extract(articles, load_pipeline()))
    monkeypatch.setattr("claimtrack.extractors.SECTION_CHARACTERS", 200)
    sections = list(iter_extract(articles, load_pipeline()))
    assert len(whole) == 1 and len(sections) > 5
    assert [last for _, _, last in sections] == [False] * (len(sections) - 1) + [True]
    assert [claim for _, claims, _ in sections for claim in claims] == whole[0][1]


@pytest.mark.model
def test_many_records_leave_neither_words_nor_docs_behind(tmp_path, monkeypatch):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps({"text": f"Officials said {n} homes lost power to storm Zed{n}."}) + "\n"
                               for n in range(300)), encoding="utf-8")
    articles = claimtrack.load([records]).articles
    nlp = load_pipeline()
    list(iter_extract(articles[:1], nlp))  # words every record shares are learnt once, before counting
    words = len(nlp.vocab.strings)
    monkeypatch.setattr("claimtrack.extractors.ZONE_CHARACTERS", 2_000)
    gc.disable()  # a Doc kept alive by a reference cycle would stay until the collector's next full pass
    try:
        claims = [claim for _, claims, _ in iter_extract(articles, nlp) for claim in claims]
        docs_left = sum(isinstance(thing, Doc) for thing in gc.get_objects())
    finally:
        gc.enable()
    assert [claim.claim_text for claim in claims] == [f"{n} homes" for n in range(300)]
    assert len(nlp.vocab.strings) == words  # each group's new words (Zed17, 17) forgotten with its docs
    assert docs_left == 0
