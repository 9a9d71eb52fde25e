"""The library's choices made for the user: how many processes parse, and how many texts at once."""

import gc
import json
import multiprocessing
import os

import pytest
from spacy.tokens import Doc

import claimtrack
from claimtrack.engine import WorkerError, tasks_of
from claimtrack.extractors import PARSED_ALONE_FROM, iter_extract
from claimtrack.nlp import load_pipeline
from claimtrack.pipeline import _jobs_for


def test_many_short_records_are_parsed_on_both_cores_and_few_in_one(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps({"text": f"Police said {n} people were hurt in the fire on Monday."}) + "\n"
                               for n in range(10_000)), encoding="utf-8")
    articles = claimtrack.load([records]).articles
    assert _jobs_for(articles) == min(2, os.cpu_count() or 1)
    assert _jobs_for(articles[:100]) == 1


def test_one_long_article_is_parsed_in_one_process(tmp_path):
    article = tmp_path / "table.txt"
    article.write_text("\n\n".join(f"Officials said {n} homes lost power on Monday." for n in range(10_000)),
                       encoding="utf-8")
    assert _jobs_for(claimtrack.load([article]).articles) == 1


def test_much_text_in_many_articles_is_parsed_on_both_cores(tmp_path):
    paragraph = "The council met on Monday and the roads were discussed at length by everyone there. " * 20
    for number in range(10):
        (tmp_path / f"long{number}.txt").write_text("\n\n".join(f"Meeting {n}. {paragraph}" for n in range(20)),
                                                    encoding="utf-8")
    assert _jobs_for(claimtrack.load([tmp_path]).articles) == min(2, os.cpu_count() or 1)


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


INVENTED_ARTICLES = [
    "Harbour Master Ines Varga said 14 boats were damaged in the storm on Tuesday.\n\n"
    '"We have never seen waves like these," Varga said. She said repairs would cost about £2m.',
    "The council voted 9-4 to close the bridge, according to Mayor Tomas Reed.\n\n"
    '"It is not safe," he told reporters. Officials said between 300 and 400 cars cross it each day.',
    "",
    "Nothing in this article is a claim of any kind.",
    '"Our members are angry," said union leader Dana Okafor, who said 1,200 staff would strike.\n\n'
    '"We will not back down." The company said it had offered a 3% rise.',
]


@pytest.mark.model
def test_two_processes_give_the_same_claims_as_one(tmp_path, monkeypatch):
    paths = []
    for number, text in enumerate(INVENTED_ARTICLES * 3):
        paths.append(tmp_path / f"{number:02d}.txt")
        paths[-1].write_text(text or " ", encoding="utf-8")
    articles = claimtrack.load(paths).articles
    monkeypatch.setattr("claimtrack.engine.TASK_CHARACTERS", 300)  # several tasks, each of one or a few articles
    assert len(tasks_of(articles)) > 4
    one = claimtrack.extract(articles, jobs=1)
    done: list[str] = []
    two = claimtrack.extract(articles, jobs=2, on_article=lambda article: done.append(article.id))
    assert two == one
    # "he told reporters" is Mayor Tomas Reed, named a paragraph before: read across the article in a worker.
    assert {claim.speaker for claim in one} >= {"Tomas Reed", "Dana Okafor"}
    assert len({claim.article for claim in one}) == 9
    assert done == [article.id for article in articles]


@pytest.mark.model
def test_a_failing_worker_ends_the_run_with_its_reason(tmp_path, monkeypatch):
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path in paths:
        path.write_text("Officials said 12 homes lost power.", encoding="utf-8")
    articles = claimtrack.load(paths).articles
    monkeypatch.setattr("claimtrack.engine.TASK_CHARACTERS", 10)

    def broken(articles, nlp):
        raise ValueError("no parse today")
        yield

    monkeypatch.setattr("claimtrack.extractors.iter_extract", broken)
    with pytest.raises(WorkerError, match="no parse today"):
        claimtrack.extract(articles, jobs=2)
    assert multiprocessing.active_children() == []
