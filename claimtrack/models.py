"""The public, versioned schema: every stage returns these models and every export writes them.

Fields are only ever appended, never renamed or reordered, so CSV columns and JSON keys stay stable for
scripts. Bump SCHEMA_VERSION's minor number when appending, the major number if anything else changes.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = "1.4"

ClaimKind = Literal["quantity", "quote"]
Approximator = Literal["exact", "approx", "lower_bound", "upper_bound", "vague"]
Verdict = Literal["conflict", "updated", "compatible", "agree", "single-source"]
QuoteType = Literal["direct", "mixed"]
# What part of a whole a figure states: the whole so far, a number on top of another, one part, a change.
Scope = Literal["total", "additional", "part", "cumulative", "change"]
# How the article holds the figure: as fact, as denied, as expected or planned, as an estimate.
Modality = Literal["asserted", "denied", "expected", "estimated"]
# How firmly the claims of a group were matched: "firm" when what is measured and what happened to it (or
# whose attribute it is) agree; "weak" when only the counted thing or the wording matched.
Basis = Literal["firm", "weak", "single"]

# Order in which verdicts are shown: what a fact-checker must look at first.
VERDICT_ORDER: dict[str, int] = {"conflict": 0, "updated": 1, "compatible": 2, "agree": 3, "single-source": 4}


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Schema):
    """Character offsets into the original text of an article (end exclusive)."""

    start: int
    end: int


class LeftOutBlock(Span):
    """A block of a web page's text not read as the story (a menu, a banner, a reader's comment)."""

    characters: int = Field(description="Length of its text, white space collapsed.")
    excerpt: str = Field(description="The beginning of its text.")


class Article(Schema):
    """One article as loaded: where it came from and the metadata found in it.

    `text` is the original text the offsets of every claim point into: the decoded file, or for a JSON
    record its `text` field. It is left out of exports to keep them small.
    """

    id: str
    path: str
    record: int | None = Field(default=None, description="Line (JSONL) or index (JSON list) of the record.")
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    format: Literal["text", "markdown", "html", "json"] = "text"
    repeated_passages: list[Span] = Field(
        default_factory=list,
        description="Passages that repeat earlier text of the same article (pull-quotes); analysed once.",
    )
    text: str = Field(default="", exclude=True, repr=False)
    notes: list[str] = Field(
        default_factory=list, description="What was done to read it: another encoding, repaired mojibake."
    )
    left_out: list[LeftOutBlock] = Field(
        default_factory=list,
        description="Blocks of a web page not read as the story (menus, banners, related links, reader comments); "
                    "--whole-page reads them.",
    )
    _body: object = PrivateAttr(default=None)


class SkippedInput(Schema):
    """An input, or a part of one, that was not analysed, and why."""

    path: str
    record: int | None = None
    reason: str
    failed: bool = Field(default=True, description="False for inputs left out on purpose (a folder's other files).")


class LoadResult(Schema):
    """What `load` read: the articles, and every input or record it could not use."""

    articles: list[Article] = Field(default_factory=list)
    skipped: list[SkippedInput] = Field(default_factory=list)
    skipped_records: dict[str, int] = Field(
        default_factory=dict,
        description="Per file, how many of its records were skipped; `skipped` lists only the first 100 of a file.",
    )


class Frame(Schema):
    """What a figure is about, read from the parse where lemmas and entities exist, so that comparison
    never parses text again: what is measured, what happened to it, whose attribute it is, where, when,
    scope and modality."""

    measure: str | None = Field(default=None, description="Lemma of the counted thing ('officer'), or its unit.")
    qualifiers: list[str] = Field(default_factory=list, description="Lemmas of its modifiers ('north', 'korean').")
    partitive: bool = Field(default=False, description="'four of them', 'nine others': counted from elsewhere.")
    event: str | None = Field(default=None, description="Lemma of what happened to it ('kill', 'send').")
    event_class: str | None = Field(default=None, description="killed, wounded, arrested, moved, paid, ...")
    holder: str | None = Field(default=None, description="Whose attribute the figure is ('Misty McBride').")
    attribute: str | None = Field(default=None, description="age, tenure, price, share, magnitude, ...")
    places: list[str] = Field(default_factory=list, description="Places named in the figure's clause.")
    years: list[int] = Field(default_factory=list, description="Years named in the figure's clause.")
    scope: Scope = "total"
    modality: Modality = "asserted"
    revision: bool = Field(default=False, description="Stated as a change of an earlier figure ('rose to').")
    published: str | None = Field(default=None, description="The article's date, as its metadata gives it.")
    dates: list[str] = Field(default_factory=list, description="Other dates of the clause ('Monday', 'May 5').")
    rate: str | None = Field(default=None, description="What the figure is per ('share', 'year'), if a rate.")
    agent: str | None = Field(default=None, description="Who did what the figure counts, when a name says it "
                              "('Pierce' in 'Pierce represents eight of the detainees').")


class Claim(Schema):
    """One attributed claim: a figure or a direct quote, with its provenance."""

    article: str
    kind: ClaimKind
    claim_text: str = Field(description="The quote without its marks, or the figure's phrase.")
    low: float | None = Field(default=None, description="Lower end of the figure; None when open.")
    high: float | None = Field(default=None, description="Upper end of the figure; None when open.")
    approximator: Approximator | None = None
    source: str | None = Field(default=None, description="Whom the claim is attributed to.")
    speaker: str | None = Field(default=None, description="Who said the quote, as named in the article.")
    speaker_mention: str | None = Field(default=None, description="The words naming the speaker here.")
    cue: str | None = Field(default=None, description="The reporting verb or phrase.")
    sentence: str
    start: int
    end: int
    id: str = Field(description="Unique within a run: article id and offsets.")
    unit: str | None = Field(default=None, description="count, percent, money:<currency>, or a unit word.")
    counted: str | None = Field(default=None, description="What a figure counts ('North Korean soldiers').")
    quote_type: QuoteType | None = None
    unbalanced: bool = Field(default=False, description="The quote's marks did not pair up cleanly.")
    sentence_index: int = 0
    sentence_start: int = 0
    sentence_end: int = 0
    subject: str | None = Field(default=None, description="Subject of the clause a figure belongs to.")
    predicate: str | None = Field(default=None, description="Verb of that clause ('send to Russia').")
    frame: Frame | None = Field(default=None, description="What a figure is about (figures only).")


class ModelInfo(Schema):
    name: str
    version: str


class ClaimGroup(Schema):
    """Claims from one or more articles that state the same thing, with one verdict."""

    id: str
    kind: ClaimKind
    topic: str
    verdict: Verdict
    reason: str
    articles: list[str]
    claims: list[Claim]
    basis: Basis = "single"
    copies: list[list[str]] = Field(
        default_factory=list, description="Articles that carry the same wire copy; each counts once.")


class Report(Schema):
    """Header shared by every report."""

    schema_version: str = SCHEMA_VERSION
    claimtrack_version: str
    model: ModelInfo
    articles: list[Article]
    skipped: list[SkippedInput] = Field(default_factory=list)


class ExtractionReport(Report):
    claims: list[Claim]


class ComparisonReport(Report):
    groups: list[ClaimGroup]


class DiscrepancyRow(Schema):
    """One row of the discrepancy table: one claim in one group. The first 14 columns never move."""

    group_id: str
    kind: ClaimKind
    topic: str
    verdict: Verdict
    article: str
    claim_text: str
    low: float | None
    high: float | None
    source: str | None
    speaker: str | None
    sentence: str
    start: int
    end: int
    reason: str
    approximator: Approximator | None
    speaker_mention: str | None
    cue: str | None
    unit: str | None
    counted: str | None
    quote_type: QuoteType | None
    unbalanced: bool
    claim_id: str
    basis: Basis = "single"
    copy_of: str | None = None

    @classmethod
    def from_group(cls, group: ClaimGroup, claim: Claim) -> DiscrepancyRow:
        return cls(
            group_id=group.id,
            topic=group.topic,
            verdict=group.verdict,
            reason=group.reason,
            claim_id=claim.id,
            basis=group.basis,
            copy_of=next((family[0] for family in group.copies if claim.article in family[1:]), None),
            **claim.model_dump(
                include={
                    "kind", "article", "claim_text", "low", "high", "source", "speaker", "sentence",
                    "start", "end", "approximator", "speaker_mention", "cue", "unit", "counted",
                    "quote_type", "unbalanced",
                }
            ),
        )
