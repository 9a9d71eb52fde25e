"""Slots end to end: invented two-article cases run through load → extract → compare with the real model.

Each case is one line of tests/fixtures/slots/cases.jsonl:

    {"name": ..., "phenomenon": ..., "articles": {"a.txt": TEXT, ...}, "expect": [...], "xfail": REASON?}

A claim is named "ARTICLE|CLAIM TEXT" and must name exactly one claim of the report. Expectations:

    {"same_group": [REF, REF, ...]}          all in one group
    {"apart": [REF, REF, ...]}               each in a group of its own (pairwise different groups)
    {"members": [REF, ...], "of": REF}       the group holding REF holds exactly these claims
    {"verdict": V, "of": REF}                the group holding REF has verdict V
    {"basis": B, "of": REF}                  ... and basis B
    {"copies": [[ARTICLE, ...]], "of": REF}  ... and these wire-copy families
    {"reason_contains": S, "of": REF}        ... and its reason contains S
    {"no_verdict": V}                        no group of the report has verdict V
    {"only_verdicts": [V, ...]}              every group has one of these verdicts
    {"not_value": N, "of": REF}              the claim is not read as the value N (neither end equals N)

A case with "xfail" states what the product should do and does not yet; the reason says what it does.
Tests of the whole report also check that a conflict always spans two articles.

The property tests draw small invented articles from tests/fixtures/slots/articles.jsonl.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack.compare import compare
from claimtrack.copies import copy_families
from claimtrack.models import Claim, ClaimGroup, ComparisonReport
from conftest import FIXTURES

pytestmark = pytest.mark.model

SLOTS = FIXTURES / "slots"


def _read_jsonl(name: str) -> list[dict]:
    lines = (SLOTS / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CASES = _read_jsonl("cases.jsonl")
POOL = _read_jsonl("articles.jsonl")
POOL_BY_NAME = {entry["name"]: entry["text"] for entry in POOL}


def _params() -> list:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=case["xfail"])] \
            if "xfail" in case else []
        params.append(pytest.param(case, id=f"{case['phenomenon']}:{case['name']}", marks=marks))
    return params


def write_articles(folder: Path, articles: dict[str, str]) -> None:
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")


def describe(groups: list[ClaimGroup]) -> str:
    """Every group with its claims and their frames: what a failure shows the reader."""
    lines = []
    for group in groups:
        lines.append(f"{group.id} {group.verdict} basis={group.basis} topic={group.topic!r}")
        lines.append(f"    reason: {group.reason}")
        for claim in group.claims:
            lines.append(f"    - {claim.article}|{claim.claim_text} [{claim.low}, {claim.high}] "
                         f"{claim.approximator} unit={claim.unit} source={claim.source}")
            if claim.frame is not None:
                lines.append(f"        frame: {claim.frame.model_dump(exclude_defaults=True)}")
    return "\n".join(lines)


class Report:
    """A comparison report indexed by claim reference."""

    def __init__(self, report: ComparisonReport) -> None:
        self.groups = report.groups
        self.shown = describe(self.groups)
        self.group_of: dict[str, ClaimGroup] = {}
        self.claim_of: dict[str, Claim] = {}
        self._counts: dict[str, int] = {}
        for group in self.groups:
            for claim in group.claims:
                ref = f"{claim.article}|{claim.claim_text}"
                self._counts[ref] = self._counts.get(ref, 0) + 1
                self.group_of[ref] = group
                self.claim_of[ref] = claim

    def group(self, ref: str) -> ClaimGroup:
        self.claim(ref)
        return self.group_of[ref]

    def claim(self, ref: str) -> Claim:
        count = self._counts.get(ref, 0)
        assert count == 1, f"{ref!r} names {count} claims, not one, in:\n{self.shown}"
        return self.claim_of[ref]


def check(report: Report, expectation: dict) -> None:
    shown = f"{expectation}\n{report.shown}"
    if "same_group" in expectation:
        ids = {report.group(ref).id for ref in expectation["same_group"]}
        assert len(ids) == 1, f"not in one group: {shown}"
    elif "apart" in expectation:
        refs = expectation["apart"]
        ids = [report.group(ref).id for ref in refs]
        assert len(set(ids)) == len(ids), f"not apart: {shown}"
    elif "members" in expectation:
        members = sorted(f"{c.article}|{c.claim_text}" for c in report.group(expectation["of"]).claims)
        for ref in expectation["members"]:
            report.claim(ref)
        assert members == sorted(expectation["members"]), f"members {members}: {shown}"
    elif "verdict" in expectation:
        assert report.group(expectation["of"]).verdict == expectation["verdict"], shown
    elif "basis" in expectation:
        assert report.group(expectation["of"]).basis == expectation["basis"], shown
    elif "copies" in expectation:
        assert report.group(expectation["of"]).copies == expectation["copies"], shown
    elif "reason_contains" in expectation:
        assert expectation["reason_contains"] in report.group(expectation["of"]).reason, shown
    elif "no_verdict" in expectation:
        assert all(g.verdict != expectation["no_verdict"] for g in report.groups), shown
    elif "only_verdicts" in expectation:
        assert all(g.verdict in expectation["only_verdicts"] for g in report.groups), shown
    elif "not_value" in expectation:
        claim = report.claim(expectation["of"])
        assert expectation["not_value"] not in (claim.low, claim.high), shown
    else:
        raise ValueError(f"unknown expectation {expectation}")


def assert_conflicts_span_articles(groups: list[ClaimGroup]) -> None:
    """`conflict` only between different articles: never inside one."""
    for group in groups:
        if group.verdict == "conflict":
            assert len(group.articles) >= 2, describe([group])


def test_cases_cover_the_ten_phenomena():
    assert {case["phenomenon"] for case in CASES} == {
        "counted-noun", "self", "holder", "partitive", "scope", "time", "units", "case", "quotes", "copies"}
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", _params())
def test_slot_case(case: dict, tmp_path: Path):
    write_articles(tmp_path, case["articles"])
    report = Report(claimtrack.run([tmp_path]))
    assert_conflicts_span_articles(report.groups)
    for expectation in case["expect"]:
        check(report, expectation)


# --- properties -----------------------------------------------------------------------------------------

def signature(groups: list[ClaimGroup]) -> list[tuple]:
    return sorted((g.id, g.verdict, tuple(sorted(c.id for c in g.claims))) for g in groups)


FILE_NAMES = ["a.txt", "m.txt", "z.txt", "0-copy.txt"]


@settings(max_examples=10, deadline=None)
@given(name=st.sampled_from(sorted(POOL_BY_NAME)),
       files=st.lists(st.sampled_from(FILE_NAMES), min_size=2, max_size=2, unique=True))
@example(name="flood", files=["a.txt", "z.txt"])
@example(name="results", files=["a.txt", "z.txt"])
@example(name="crash", files=["a.txt", "z.txt"])
@example(name="officers", files=["a.txt", "z.txt"])
@example(name="troops", files=["a.txt", "z.txt"])
@example(name="storm", files=["a.txt", "z.txt"])
@example(name="mayor", files=["a.txt", "z.txt"])
def test_an_article_compared_with_itself_has_no_conflict(name: str, files: list[str]):
    text = POOL_BY_NAME[name]
    with tempfile.TemporaryDirectory(prefix="claimtrack-slots-") as folder:
        write_articles(Path(folder), {file: text for file in files})
        groups = claimtrack.run([folder]).groups
    assert all(g.verdict != "conflict" for g in groups), describe(groups)
    # Every claim has its twin in the same group: the two files say the same thing.
    for group in groups:
        texts = sorted(c.claim_text for c in group.claims)
        assert texts[0::2] == texts[1::2], describe([group])


@settings(max_examples=10, deadline=None)
@given(names=st.lists(st.sampled_from(sorted(POOL_BY_NAME)), min_size=1, max_size=4, unique=True),
       with_copy=st.booleans(), rng=st.randoms(use_true_random=False))
def test_shuffling_the_claims_changes_nothing(names: list[str], with_copy: bool, rng: random.Random):
    articles = {f"{name}.txt": POOL_BY_NAME[name] for name in names}
    if with_copy:
        articles[f"{names[0]}-copy.txt"] = POOL_BY_NAME[names[0]]
    with tempfile.TemporaryDirectory(prefix="claimtrack-slots-") as folder:
        write_articles(Path(folder), articles)
        loaded = claimtrack.load([folder])
    claims = claimtrack.extract(loaded.articles)
    copies = copy_families({a.id: a.text for a in loaded.articles})
    shuffled = claims[:]
    rng.shuffle(shuffled)
    assert signature(compare(shuffled, copies=copies)) == signature(compare(claims, copies=copies))
