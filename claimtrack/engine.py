"""Extraction in several processes: each worker parses whole articles and sends back their claims.

A parsed Doc costs about as much to send from one process to another as to make, so workers never send
one: each holds the model (forked from this process, which loaded it), reads a task of consecutive whole
articles with the same code as one process does (`iter_extract`), and sends back each section's claims,
small plain models. This process only puts the tasks in order and hands the claims on. An article is never
split between workers, so that everything read across an article (full names, who "she" is, a quote running
on into the next paragraph) reads exactly as in one process.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING

from claimtrack.models import Article, Claim

if TYPE_CHECKING:
    from multiprocessing.context import ForkProcess

# Consecutive articles go to a worker in tasks of about this many characters: large enough that a task's
# windows fill the parser's batches as they would in one process, small enough that two workers share the
# work evenly (the 2,225 BBC articles make about 100 tasks).
TASK_CHARACTERS = 50_000
# Tasks handed out ahead of the one whose claims are next, per worker: the claims of a task finished early
# wait here, so this bounds what is held.
TASKS_AHEAD = 2
# How often (seconds) to look whether a worker died while waiting for claims.
POLL_SECONDS = 1.0

# A section's claims: the task's number, the claims (None once the task is done), whether they are the last
# of their article; or the task's number and an error message.
_Message = tuple[int, list[Claim] | None, bool]


class WorkerError(RuntimeError):
    """A parsing worker failed or died; the run cannot go on without its claims."""


def tasks_of(articles: list[Article]) -> list[tuple[int, int]]:
    """Consecutive (start, end) ranges of `articles`, each of about TASK_CHARACTERS of text or one article."""
    ranges, start, characters = [], 0, 0
    for number, article in enumerate(articles):
        characters += len(article.text)
        if characters >= TASK_CHARACTERS:
            ranges.append((start, number + 1))
            start, characters = number + 1, 0
    if start < len(articles):
        ranges.append((start, len(articles)))
    return ranges


def iter_extract_parallel(
    articles: list[Article], model: str, *, jobs: int
) -> Iterator[tuple[Article, list[Claim], bool]]:
    """What `iter_extract` streams for `articles` (article, a section's claims, whether it is the article's
    last), in the same order, made in `jobs` worker processes."""
    from claimtrack.nlp import load_pipeline

    load_pipeline(model)  # loaded once here, so that each worker starts with it
    ranges = tasks_of(articles)
    context = multiprocessing.get_context("fork")
    tasks, results = context.Queue(), context.Queue()
    workers = [context.Process(target=_work, args=(model, articles, tasks, results), daemon=True)
               for _ in range(min(jobs, len(ranges)))]
    for worker in workers:
        worker.start()
    try:
        yield from _in_order(articles, ranges, tasks, results, workers)
    finally:
        for worker in workers:
            worker.kill()
        for worker in workers:
            worker.join()
        for channel in (tasks, results):
            channel.cancel_join_thread()  # data left in a pipe nobody reads must not hold up the interpreter's exit
            channel.close()


def _in_order(articles: list[Article], ranges: list[tuple[int, int]], tasks, results,
              workers: list[ForkProcess]) -> Iterator[tuple[Article, list[Claim], bool]]:
    waiting: dict[int, deque[_Message]] = {}
    sent = 0
    for current, (start, _) in enumerate(ranges):
        while sent < len(ranges) and sent <= current + TASKS_AHEAD * len(workers):
            tasks.put((sent, *ranges[sent]))
            sent += 1
        position = start
        while True:
            number, claims, last = _next_of(current, waiting, results, workers)
            if claims is None:
                break
            yield articles[position], claims, last
            position += last


def _next_of(current: int, waiting: dict[int, deque[_Message]], results, workers: list[ForkProcess]) -> _Message:
    """The next message of task `current`, keeping those of later tasks that come first."""
    while not waiting.get(current):
        try:
            message = results.get(timeout=POLL_SECONDS)
        except queue.Empty:
            dead = [worker for worker in workers if not worker.is_alive()]
            if dead:
                raise WorkerError(f"a parsing process ended unexpectedly (exit code {dead[0].exitcode})") from None
            continue
        if isinstance(message[1], str):
            raise WorkerError(message[1])
        waiting.setdefault(message[0], deque()).append(message)
    message = waiting[current].popleft()
    if message[1] is None:
        del waiting[current]
    return message


def _work(model: str, articles: list[Article], tasks, results) -> None:
    """A worker: the claims of each task's articles, a section at a time, then (task, None, True)."""
    from claimtrack.extractors import iter_extract
    from claimtrack.nlp import load_pipeline

    nlp = load_pipeline(model)  # forked with the model loaded: no work
    for number, start, end in iter(tasks.get, None):
        try:
            for _, claims, last in iter_extract(articles[start:end], nlp):
                results.put((number, claims, last))
        except Exception as error:  # said in the main process, which ends the run
            results.put((number, f"parsing failed ({type(error).__name__}: {error})", True))
            return
        results.put((number, None, True))
