"""The main text of an HTML page, mapped exactly back onto its source, and the page's metadata.

The standard library's tokenizer is used rather than an extractor because every character of the text
must keep its offset in the source; text is copied from the source by offset, never from the parser.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import accumulate, chain
from typing import Literal

from claimtrack.main_content import EXTRACTOR, MOST_BLOCKS_JUDGED, story_blocks
from claimtrack.models import LeftOutBlock
from claimtrack.textmap import Body, MappedTextBuilder

# Never rendered as text: nothing inside them is kept, not even as a title or byline.
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "iframe"})
# Not part of the page's text: their text is still read for the <title>; <title> itself is listed because
# pages without a <head> tag put it straight into the document.
_HEAD = frozenset({"head", "title"})
# Rendered, but never the story: left out unless the whole page is read.
_PAGE_FURNITURE = frozenset({"nav", "footer", "aside", "form", "button", "select"})
_BOILERPLATE = _HEAD | _PAGE_FURNITURE
_BLOCKS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt", "br", "hr",
        "blockquote", "section", "article", "header", "main", "table", "tr", "td", "th", "pre", "figure",
        "figcaption", "nav", "footer", "aside", "form",
    }
)
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr",
    }
)
# Browsers end the <head> at the first element that cannot be in it, </head> or not.
_HEAD_CONTENT = frozenset({"base", "link", "meta", "noscript", "script", "style", "template", "title"})
# Where the article's text may be, most specific first.
_CONTAINER_TIERS = ("article", "main", "body")
_BYLINE_MARKER = re.compile(r"author|byline", re.IGNORECASE)
_BY_PREFIX = re.compile(r"^by\b:?\s*", re.IGNORECASE)
# How much of a left-out block's text is kept to show what it was.
EXCERPT_CHARACTERS = 80

_Kind = Literal["copy", "replace", "break"]


@dataclass
class HtmlDocument:
    """A page's main text (offsets map onto the HTML source) and its metadata, None where absent.

    `story_found_by` names what chose the story: the extractor, the page's <article> or <main>, its <body>,
    or "the whole page" when asked to read it all; `left_out` holds the blocks it did not choose, and
    `notes` what a reader should know about how the story was chosen.
    """

    body: Body
    story_found_by: str
    left_out: list[LeftOutBlock]
    notes: list[str]
    title: str | None
    byline: str | None
    outlet: str | None
    published: str | None
    url: str | None


@dataclass(frozen=True)
class _Piece:
    """A stretch of the source in reading order: text to copy, an entity's text, or a paragraph break.

    `replacement` is the text standing for a replaced piece; a break stands for a space between words.
    `hidden` pieces are in the head or the page's furniture (`in_head` tells which).
    """

    kind: _Kind
    start: int
    end: int
    hidden: bool
    in_head: bool
    replacement: str


@dataclass(frozen=True)
class _Block:
    """Pieces between two paragraph breaks, with text: pieces[first:last]. `break_at` is where the break after
    it is in the source; `anchor` is where its text outside the page furniture starts, None if it has none."""

    first: int
    last: int
    break_at: int
    anchor: int | None


@dataclass
class _Element:
    """An element's tag and the pieces read while it was open: pieces[first:last], `last` None while open."""

    tag: str
    first: int
    last: int | None = None
    container: str | None = None


class _PageParser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", source)]
        self.pieces: list[_Piece] = []
        self.meta: dict[str, str] = {}
        self.canonical_url: str | None = None
        self.first_datetime: str | None = None
        self.containers: list[_Element] = []
        self.titles: list[_Element] = []
        self.headings: list[_Element] = []
        self.bylines: list[_Element] = []
        self._open: list[_Element] = []
        # Open elements by tag, so that a stray end tag costs nothing however deep the page is nested.
        self._open_tags: Counter[str] = Counter()
        # Characters other than white space in the visible pieces before each piece, made when first needed.
        self._letters_before: list[int] | None = None

    def _offset(self) -> int:
        # Handlers run before the parser moves past what they are given, so this is where it starts.
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _add(self, kind: _Kind, start: int, end: int, replacement: str = " ") -> None:
        if not self._inside(_INVISIBLE):
            self.pieces.append(_Piece(kind, start, end, self._inside(_BOILERPLATE), self._inside(_HEAD), replacement))

    def _inside(self, tags: frozenset[str]) -> bool:
        return any(self._open_tags[tag] for tag in tags)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # The first of repeated attributes wins, as in browsers.
        attributes = {name: value or "" for name, value in reversed(attrs)}
        self._read_metadata(tag, attributes)
        if tag not in _HEAD_CONTENT:
            self._close("head")
        if tag in _BLOCKS:
            self._break()
        if tag in _VOID:
            return
        element = _Element(tag, len(self.pieces))
        self._open.append(element)
        self._open_tags[tag] += 1
        if tag == "title":
            self.titles.append(element)
        elif tag == "h1":
            self.headings.append(element)
        if tag in _CONTAINER_TIERS or "main" in attributes.get("role", "").lower().split():
            element.container = tag if tag in _CONTAINER_TIERS else "main"
            self.containers.append(element)
        if any(_BYLINE_MARKER.search(attributes.get(name, "")) for name in ("class", "rel", "itemprop")):
            self.bylines.append(element)

    def _read_metadata(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "meta" and attributes.get("content", "").strip():
            for key in ("property", "name", "itemprop"):
                if attributes.get(key):
                    self.meta.setdefault(attributes[key].lower(), attributes["content"])
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical_url = self.canonical_url or attributes.get("href")
        # A date in the navigation or footer is today's date or a copyright year, not the article's.
        elif tag == "time" and not self._inside(_BOILERPLATE | _INVISIBLE):
            self.first_datetime = self.first_datetime or attributes.get("datetime")

    def handle_endtag(self, tag: str) -> None:
        # Browsers put whatever follows </body> or </html> into the body all the same.
        if tag in ("body", "html"):
            return
        self._close(tag)
        if tag in _BLOCKS:
            self._break()

    def _break(self) -> None:
        at = self._offset()
        self._add("break", at, at)

    def _close(self, tag: str) -> None:
        """Close the innermost open `tag` and everything left open inside it; ignore a stray end tag."""
        if not self._open_tags[tag]:
            return
        index = next(i for i in range(len(self._open) - 1, -1, -1) if self._open[i].tag == tag)
        for element in self._open[index:]:
            element.last = len(self.pieces)
            self._open_tags[element.tag] -= 1
        del self._open[index:]

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self._add("copy", start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self._add_reference(self._offset(), len("&") + len(name))

    def handle_charref(self, name: str) -> None:
        self._add_reference(self._offset(), len("&#") + len(name))

    def _add_reference(self, start: int, length: int) -> None:
        end = start + length + self.source.startswith(";", start + length)
        raw = self.source[start:end]
        text = html.unescape(raw)
        if text == raw:  # an unknown name is plain text
            self._add("copy", start, end)
        else:
            # An entity for white space (&nbsp;) separates words like any other space.
            self._add("replace", start, end, " " if text.isspace() else text)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # HTML has no marked sections: browsers read <![...> as a comment up to the next ">", while the
        # inherited method raises AssertionError on anything it does not recognise.
        return self.parse_bogus_comment(i)

    def span(self, element: _Element) -> tuple[int, int]:
        """The element's pieces as a range; an element never closed runs to the end of the page."""
        return element.first, len(self.pieces) if element.last is None else element.last

    def text(self, element: _Element, *, include_hidden: bool = False) -> str:
        pieces = self.pieces[slice(*self.span(element))]
        text = "".join(self._piece_text(piece) for piece in pieces if include_hidden or not piece.hidden)
        return " ".join(text.split())

    def visible_letters(self, element: _Element) -> int:
        """How many characters other than white space `text(element)` has, counted without reading it."""
        if self._letters_before is None:
            self._letters_before = [0, *accumulate(
                0 if piece.hidden else len("".join(self._piece_text(piece).split())) for piece in self.pieces)]
        first, last = self.span(element)
        return self._letters_before[last] - self._letters_before[first]

    def has_text(self, piece: _Piece) -> bool:
        return piece.kind != "break" and not piece.in_head and self._piece_text(piece).strip() != ""

    def left_out(self, block: _Block) -> LeftOutBlock:
        pieces = [piece for piece in self.pieces[block.first : block.last] if piece.kind != "break" and
                  not piece.in_head]
        with_text = [piece for piece in pieces if self.has_text(piece)]
        text = " ".join("".join(self._piece_text(piece) for piece in pieces).split())
        return LeftOutBlock(start=with_text[0].start, end=with_text[-1].end, characters=len(text),
                            excerpt=text[:EXCERPT_CHARACTERS])

    def _piece_text(self, piece: _Piece) -> str:
        return self.source[piece.start : piece.end] if piece.kind == "copy" else piece.replacement


def parse_html(source: str, *, whole_page: bool = False) -> HtmlDocument:
    """Read a decoded HTML page: its story only, unless `whole_page`; never raises, however broken the markup."""
    parser = _PageParser(source)
    parser.feed(source)
    # At a "&#" that starts no character reference the parser stops until it is fed again. Whatever it
    # still holds once feeding makes no progress is a construct running to the end of the file (a comment,
    # a tag, a script); browsers show none of it, and close() would pass it on as text, so it is not called.
    while True:
        position = parser.getpos()
        parser.feed("")
        if parser.getpos() == position:
            break

    meta = parser.meta
    # Candidates are read lazily, up to the first with text: a page of a thousand nested headings must not
    # cost a thousand readings of nearly all of it.
    title = _first_clean(chain(
        [meta.get("og:title")],
        (parser.text(element, include_hidden=True) for element in parser.titles),
        (parser.text(element) for element in parser.headings),
    ))
    region = _main_region(parser)
    title_headline = next(
        (
            element
            for element in parser.headings
            if region[0] <= element.first and parser.span(element)[1] <= region[1] and
            parser.visible_letters(element) == _letters(title) and parser.text(element) == title
        ),
        None,
    )
    # The headline that repeats the title is the title, neither story nor left out.
    blocks = _blocks(parser, range(*parser.span(title_headline)) if title_headline else range(0))
    story, found_by, notes = (blocks, "the whole page", []) if whole_page else _story(parser, blocks, region)
    builder = MappedTextBuilder(source)
    for block in story:
        for piece in parser.pieces[block.first : block.last]:
            if piece.in_head or (piece.hidden and not whole_page):
                continue
            if piece.kind == "copy":
                builder.copy(piece.start, piece.end)
            elif piece.kind == "replace":
                builder.replace(piece.replacement, piece.start, piece.end)
        builder.break_paragraph(block.break_at)

    in_story = set(story)
    return HtmlDocument(
        body=builder.build(),
        story_found_by=found_by,
        left_out=[parser.left_out(block) for block in blocks if block not in in_story],
        notes=notes,
        title=title,
        byline=_first_clean(chain(
            [meta.get("author"), meta.get("article:author")],
            (_BY_PREFIX.sub("", parser.text(element)) for element in parser.bylines),
        )),
        outlet=_first_clean([meta.get("og:site_name")]),
        published=_first_clean([
            meta.get("article:published_time"),
            meta.get("date"),
            meta.get("datepublished"),
            parser.first_datetime,
        ]),
        url=_first_clean([parser.canonical_url, meta.get("og:url")]),
    )


def _blocks(parser: _PageParser, title_headline: range) -> list[_Block]:
    """The page's blocks with text outside the head, in reading order, the headline that is the title left
    out (it is a block of its own: headings start and end paragraphs)."""
    blocks = []
    first, has_text, anchor = 0, False, None
    for index, piece in enumerate(parser.pieces):
        if piece.kind == "break":
            if has_text:
                blocks.append(_Block(first, index, piece.start, anchor))
            first, has_text, anchor = index + 1, False, None
        elif index not in title_headline and parser.has_text(piece):
            has_text = True
            anchor = piece.start if anchor is None and not piece.hidden else anchor
    if has_text:
        blocks.append(_Block(first, len(parser.pieces), len(parser.source), anchor))
    return blocks


def _story(parser: _PageParser, blocks: list[_Block],
           region: tuple[int, int, str]) -> tuple[list[_Block], str, list[str]]:
    """The blocks of the main region that the extractor reads as the story, with the headline above them;
    all of the region's blocks when it finds none there, is not installed, or there are too many to judge
    (then with a note)."""
    first, last, container = region
    candidates = [block for block in blocks if first <= block.first and block.last <= last and block.anchor is not None]
    if len(candidates) > MOST_BLOCKS_JUDGED:
        return candidates, container, [
            f"{len(candidates):,} blocks of text, more than the {MOST_BLOCKS_JUDGED:,} that {EXTRACTOR} is asked "
            f"to judge: all of the page's {container} is read as the story"]
    kept = story_blocks(parser.source, [block.anchor for block in candidates])
    if kept is None:
        return candidates, container, []
    story = [candidates[index] for index in sorted(kept)]
    # Extractors take a headline for the title and leave it out of the text; a headline unlike the title
    # is part of the story: the last <h1> of the region above the story's first block.
    above = [heading for heading in parser.headings
             if first <= heading.first and parser.span(heading)[1] <= story[0].first]
    if above:
        heading_first, heading_last = parser.span(above[-1])
        story = [block for block in candidates if heading_first <= block.first and block.last <= heading_last] + story
    return story, EXTRACTOR, []


def _main_region(parser: _PageParser) -> tuple[int, int, str]:
    """Pieces of the largest container of the most specific kind that has any text, else of the whole page,
    and the kind of container ("<article>", "<main>" or "<body>").

    A container inside another of its kind has no more text than the outer one, which comes first and so
    wins a tie: only the outermost are read, so nested containers cost one reading of the page, not one each.
    """
    for tier in _CONTAINER_TIERS:
        outermost: list[_Element] = []
        for element in (element for element in parser.containers if element.container == tier):
            if not outermost or parser.span(element)[1] > parser.span(outermost[-1])[1] or \
                    element.first >= parser.span(outermost[-1])[1]:
                outermost.append(element)
        texts = [(len(parser.text(element)), element) for element in outermost]
        length, largest = max(texts, key=lambda text: text[0], default=(0, None))
        if largest is not None and length:
            return *parser.span(largest), f"<{tier}>"
    return 0, len(parser.pieces), "<body>"


def _letters(text: str | None) -> int:
    return len(text) - text.count(" ") if text else 0


def _first_clean(candidates: Iterable[str | None]) -> str | None:
    """The first candidate with any text, its white space collapsed."""
    return next((" ".join(c.split()) for c in candidates if c and not c.isspace()), None)
