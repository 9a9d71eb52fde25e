"""Analysis text with a map back to the original: markup stripped, quote marks and white space normalised.

The analysis text is built from pieces of the original. A piece copied character for character keeps a
one-to-one map; a piece that stands for something else (a run of white space, an HTML entity, the break
between two paragraphs) maps as a whole onto the original stretch it replaced.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# Typographic marks mapped one-to-one onto plain ones, so the map stays exact. Quote direction, which the
# plain mark loses, is read back from the original text when pairing quotes (see extract/quotes.py).
_PLAIN = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u301d": '"', "\u301e": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u2010": "-", "\u2011": "-", "\u2212": "-",
    }
)


def plain_marks(text: str) -> str:
    """`text` with typographic quote marks, dashes and spaces made plain, character for character."""
    return text.translate(_PLAIN)


# White space to fold into one space, and invisible characters (soft hyphen, zero-width space, byte-order
# mark) to leave out: "co\u00adoperate" reads as "cooperate".
_SPACE_RUN = re.compile(r"(?P<invisible>[\u00ad\u200b-\u200d\u2060\ufeff])|[^\S\n]{2,}|[^\S \n]|\n")


# UTF-8 read as Windows-1252 leaves a lead character (Â, Ã, â, …) before a continuation one (£, ©, €, ™, …).
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00c5\u00ce\u00d0\u00d1\u00e2\u00f0][\u0080-\u00bf\u0152\u0153\u0160\u0161"
                       "\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
                       "\u2039\u203a\u20ac\u2122]")


# Mojibake never mixes with plain ASCII, so each run of other characters is repaired on its own: cheap, and
# each repaired run maps onto exactly the characters it replaced.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def repair_mojibake(text: str) -> str:
    import ftfy

    # Quote direction and line breaks are the loader's business; ftfy only undoes wrong decoding here.
    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, normalization=None, explain=False,
                                  unescape_html=False)
    return ftfy.fix_text(text, config)


@dataclass
class MappedText:
    """Analysis text plus segments (analysis_start, original_start, original_end, one_to_one)."""

    text: str = ""
    _starts: list[int] = field(default_factory=list)
    _segments: list[tuple[int, int, int, bool]] = field(default_factory=list)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map an analysis span [start, end) onto the original text."""
        if not self._segments:
            return 0, 0
        if end <= start:
            point = self._original_start(start) if start < len(self.text) else self._original_end(start)
            return point, point
        return self._original_start(start), self._original_end(end)

    def _segment(self, index: int) -> tuple[int, int, int, bool]:
        return self._segments[bisect.bisect_right(self._starts, index) - 1]

    def _original_start(self, index: int) -> int:
        seg_start, orig_start, orig_end, one_to_one = self._segment(index)
        return orig_start + (index - seg_start) if one_to_one else orig_start

    def _original_end(self, index: int) -> int:
        seg_start, orig_start, orig_end, one_to_one = self._segment(index - 1)
        return orig_start + (index - seg_start) if one_to_one else orig_end


class MappedTextBuilder:
    """Appends pieces of an original text, normalising them, and records where each came from."""

    def __init__(self, original: str) -> None:
        self.original = original
        self._parts: list[str] = []
        self._length = 0
        self._mapped = MappedText()
        self._paragraph_start: int | None = None
        self._break_at = 0
        self.paragraphs: list[tuple[int, int]] = []
        self.repaired = False

    def ends_with_space(self) -> bool:
        return self._paragraph_start is None or self._parts[-1][-1:] in (" ", "\n")

    def copy(self, start: int, end: int) -> None:
        """Append original[start:end], collapsing white space runs, translating typographic marks and
        repairing mojibake ("Â£3.9bn" → "£3.9bn"), each repaired run mapped onto what it replaced."""
        chunk = self.original[start:end]
        if not _MOJIBAKE.search(chunk):
            self._copy_plain(start, end)
            return
        position = 0
        for match in _NON_ASCII_RUN.finditer(chunk):
            run = match.group()
            repaired = repair_mojibake(run) if _MOJIBAKE.search(run) else run
            if repaired == run:
                continue
            self._copy_plain(start + position, start + match.start())
            self.replace(repaired, start + match.start(), start + match.end())
            self.repaired = True
            position = match.end()
        self._copy_plain(start + position, end)

    def _copy_plain(self, start: int, end: int) -> None:
        chunk = self.original[start:end]
        position = 0
        for match in _SPACE_RUN.finditer(chunk):
            self._copy_exact(start + position, start + match.start())
            if match.group("invisible") or self.ends_with_space():
                position = match.end()
                continue
            self.replace(" ", start + match.start(), start + match.end())
            position = match.end()
        self._copy_exact(start + position, end)

    def _copy_exact(self, start: int, end: int) -> None:
        if end <= start:
            return
        piece = self.original[start:end].translate(_PLAIN)
        if self.ends_with_space() and piece.startswith(" "):
            stripped = piece.lstrip(" ")
            start += len(piece) - len(stripped)
            piece = stripped
            if not piece:
                return
        self._add(piece, start, end, one_to_one=True)

    def replace(self, text: str, start: int, end: int) -> None:
        """Append `text` standing for original[start:end] (an entity, a paragraph break, a space run)."""
        text = text.translate(_PLAIN)
        if text.isspace():
            text = " "
        if text.strip() or (text and not self.ends_with_space()):
            self._add(text, start, end, one_to_one=False)

    def _add(self, piece: str, start: int, end: int, *, one_to_one: bool) -> None:
        if self._paragraph_start is None:
            if self.paragraphs:
                self._append_segment("\n\n", self._break_at, self._break_at, one_to_one=False)
            self._paragraph_start = self._length
        self._append_segment(piece, start, end, one_to_one=one_to_one)

    def _append_segment(self, piece: str, start: int, end: int, *, one_to_one: bool) -> None:
        self._mapped._starts.append(self._length)
        self._mapped._segments.append((self._length, start, end, one_to_one))
        self._parts.append(piece)
        self._length += len(piece)

    def break_paragraph(self, at: int) -> None:
        """End the current paragraph, if it has any text; `at` is where the break is in the original."""
        if self._paragraph_start is None:
            return
        self._trim_trailing_space()
        if self._length > self._paragraph_start:
            self.paragraphs.append((self._paragraph_start, self._length))
        self._paragraph_start = None
        self._break_at = at

    def _trim_trailing_space(self) -> None:
        while self._parts and self._parts[-1].endswith((" ", "\n")):
            last = self._parts[-1]
            kept = last.rstrip(" \n")
            self._length -= len(last) - len(kept)
            if kept:
                self._parts[-1] = kept
            else:
                self._parts.pop()
                self._mapped._segments.pop()
                self._mapped._starts.pop()

    def build(self) -> Body:
        self.break_paragraph(len(self.original))
        self._mapped.text = "".join(self._parts)
        return Body(self._mapped, self.paragraphs, self.repaired, not_prose_stretches(self._mapped.text))


# Text that is plainly not prose: the parser's tokenizer, and the pairing of quote marks with their
# speakers, take time that grows with the square of such a stretch, and no claim is in it. Each alternative
# starts only where the one before cannot, so a search reads each character a bounded number of times.
LONGEST_WORD = 1_000
LONGEST_MARK_RUN = 100
_NOT_PROSE = re.compile(
    rf"(?<!\S)\S{{{LONGEST_WORD},}}"  # a "word" of a thousand characters
    rf"|(?<![^\w\s])[^\w\s]{{{LONGEST_MARK_RUN},}}"  # a hundred punctuation marks in a row
    # a hundred quote marks or brackets, each within a few characters of the one before ('"a "a "a', a list
    # of quoted words, "( ( (")
    rf'|["()\[\]{{}}](?:[^"()\[\]{{}}\n]{{0,20}}+["()\[\]{{}}]){{{LONGEST_MARK_RUN - 1},}}+'
)


def not_prose_stretches(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _NOT_PROSE.finditer(text)]


def cut_into_pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """text[start:end] in pieces of at most `limit` characters, cut at sentence ends (else at a space, else
    anywhere), without the spaces between them."""
    pieces = []
    while end - start > limit:
        window = text[start: start + limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 2 if cut > limit // 2 else (window.rfind(" ") + 1 if window.rfind(" ") > limit // 2 else limit)
        pieces.append((start, start + cut))
        start += cut
        while start < end and text[start] == " ":
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


@dataclass
class Body:
    """An article's analysis text and its paragraphs, as (start, end) offsets into that text, the
    stretches of it that are not prose, which no claim is looked for in, and the headline when the article
    opens with one (its first paragraph, written in title case more often than not)."""

    text: MappedText
    paragraphs: list[tuple[int, int]]
    repaired: bool = False
    not_prose: list[tuple[int, int]] = field(default_factory=list)
    headline: tuple[int, int] | None = None

    def paragraph_texts(self) -> list[str]:
        return [self.text.text[start:end] for start, end in self.paragraphs]

    def pieces(self, limit: int) -> list[tuple[int, int]]:
        """The paragraphs without their stretches that are not prose, with any longer than `limit`
        characters cut into pieces at sentence ends (else at a space, else anywhere), so that no piece
        exceeds what a parser takes at once."""
        return [piece for start, end in self._prose() for piece in cut_into_pieces(self.text.text, start, end, limit)]

    def _prose(self) -> list[tuple[int, int]]:
        """The paragraphs, each cut around the stretches of it that are not prose."""
        stretches = iter(self.not_prose)
        stretch = next(stretches, None)
        kept = []
        for start, end in self.paragraphs:
            while stretch is not None and stretch[0] < end:
                if stretch[0] > start:
                    kept.append((start, stretch[0]))
                start = max(start, stretch[1])
                if stretch[1] > end:
                    break
                stretch = next(stretches, None)
            while start < end and self.text.text[start] == " ":
                start += 1
            if end > start:
                kept.append((start, end))
        return kept
