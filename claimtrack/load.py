"""Load articles from files, folders, JSON records or stdin into `Article` models with an analysis body.

Offsets of every claim point into `Article.text`: the decoded file, or a JSON record's `text` field.
Nothing given is dropped silently: every file or record that is not analysed becomes a `SkippedInput`.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimtrack.models import Article, LeftOutBlock, LoadResult, SkippedInput, Span
from claimtrack.textmap import LONGEST_MARK_RUN, LONGEST_WORD, Body, MappedTextBuilder

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
LISTED_RECORD_PROBLEMS = 100
# A file given twice, found twice (a folder given with a file in it, two links to one folder) or its own link.
READ_ONCE = "given more than once; read once"
WESTERN_LOOKALIKES = {"cp1250", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "cp1254", "iso8859_9",
                      "mac_roman", "cp1257", "iso8859_13", "iso8859_4", "iso8859_10", "iso8859_16"}
STDIN = "-"

_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a Word/Excel file)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "a program",
}


def supported_extensions() -> str:
    return ", ".join(FORMATS)


def load(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: bytes | None = None,
    whole_page: bool = False,
) -> LoadResult:
    """Load every article under `paths` (files, folders searched recursively, or "-" for stdin).

    Of a web page only the story is read, unless `whole_page`; what is left out is listed on its article.
    """
    result = LoadResult()
    taken_ids: set[str] = set()
    for source in _expand(paths, result.skipped):
        for item in _load_source(source, max_bytes, stdin, whole_page):
            if isinstance(item, SkippedInput):
                _add_skipped(result, item)
                continue
            item.id = _unique(item.id, taken_ids)
            result.articles.append(item)
    return result


def _add_skipped(result: LoadResult, skipped: SkippedInput) -> None:
    """Keep every skipped file, but only the first LISTED_RECORD_PROBLEMS skipped records of a file: a data
    dump of a million records that are not articles must not cost a million entries."""
    if skipped.record is None:
        result.skipped.append(skipped)
        return
    count = result.skipped_records.get(skipped.path, 0) + 1
    result.skipped_records[skipped.path] = count
    if count <= LISTED_RECORD_PROBLEMS:
        result.skipped.append(skipped)


@dataclass(frozen=True)
class _Source:
    path: str
    label: str


def _expand(paths: Iterable[str | Path], skipped: list[SkippedInput]) -> Iterator[_Source]:
    seen: set[tuple[int, int]] = set()
    for given in paths:
        given = str(given)
        if given == STDIN:
            yield _Source(STDIN, "stdin")
            continue
        path = Path(given)
        try:
            info = path.stat()
        except FileNotFoundError:
            skipped.append(SkippedInput(path=given, reason="no such file or folder"))
            continue
        except OSError as error:
            skipped.append(SkippedInput(path=given, reason=_reason(error)))
            continue
        if not stat.S_ISDIR(info.st_mode):
            if _first_time(info, seen):
                yield _Source(given, path.name)
            else:
                skipped.append(SkippedInput(path=given, reason=READ_ONCE, failed=False))
            continue
        found = False
        for child, child_info in _files_under(path, skipped):
            if child.suffix.lower() not in FORMATS:
                skipped.append(SkippedInput(path=str(child), reason=f"not an article file ('{child.suffix}')",
                                            failed=False))
                continue
            found = True
            if _first_time(child_info, seen):
                yield _Source(str(child), child.relative_to(path).as_posix())
            else:
                skipped.append(SkippedInput(path=str(child), reason=READ_ONCE, failed=False))
        if not found:
            skipped.append(
                SkippedInput(path=given, reason=f"no readable articles in folder (reads {supported_extensions()})")
            )


def _files_under(folder: Path, skipped: list[SkippedInput]) -> Iterator[tuple[Path, os.stat_result]]:
    """Files below `folder` with what `stat` says of them, in name order, hidden ones left out.

    Symbolic links are followed, to files and to folders, but never into a folder already on the way down
    (a loop): that link, a link that leads nowhere, and a folder that cannot be read are each reported.
    """
    pending: list[tuple[Path, tuple[tuple[int, int], ...]]] = [(folder, ())]
    while pending:
        current, above = pending.pop()
        try:
            here = _identity(current.stat())
            with os.scandir(current) as listing:
                entries = sorted((entry for entry in listing if not entry.name.startswith(".")),
                                 key=lambda entry: entry.name)
        except OSError as error:
            skipped.append(SkippedInput(path=str(current), reason=_reason(error)))
            continue
        folders = []
        for entry in entries:
            try:
                info = os.stat(entry.path)
            except OSError as error:
                broken = error.errno == errno.ENOENT  # listed, yet not there: a link to nothing
                skipped.append(SkippedInput(path=entry.path, reason="broken symbolic link (leads nowhere)"
                                            if broken else _reason(error)))
                continue
            if not stat.S_ISDIR(info.st_mode):
                yield Path(entry.path), info
            elif _identity(info) in (*above, here):
                skipped.append(SkippedInput(path=entry.path, reason="symbolic link loop: leads back to a folder "
                                                                    "above it; not followed"))
            else:
                folders.append(Path(entry.path))
        pending.extend((subfolder, (*above, here)) for subfolder in reversed(folders))


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    return (error.strerror or str(error)).lower()


def _first_time(info: os.stat_result, seen: set[tuple[int, int]]) -> bool:
    key = _identity(info)
    if key in seen:
        return False
    seen.add(key)
    return True


def _unique(article_id: str, taken: set[str]) -> str:
    candidate, n = article_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{article_id}#{n}"
    taken.add(candidate)
    return candidate


def _load_source(source: _Source, max_bytes: int, stdin: bytes | None,
                 whole_page: bool) -> Iterator[Article | SkippedInput]:
    def skip(reason: str, record: int | None = None) -> SkippedInput:
        return SkippedInput(path=source.path, record=record, reason=reason)

    try:
        data = _read_bytes(source, max_bytes, stdin)
    except _Unreadable as problem:
        yield skip(str(problem))
        return
    try:
        text, encoding = decode(data)
    except _Unreadable as problem:
        yield skip(str(problem))
        return
    if not text.strip():
        yield skip("empty file")
        return
    kind = FORMATS.get(Path(source.path).suffix.lower(), "text")
    if kind == "json":
        yield from _load_records(source, text, encoding, skip)
        return
    yield _article_from_text(text, kind, source.label, source.path, encoding, whole_page=whole_page)


class _Unreadable(Exception):
    pass


def _read_bytes(source: _Source, max_bytes: int, stdin: bytes | None) -> bytes:
    if source.path == STDIN:
        data = stdin if stdin is not None else sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _Unreadable(_over_the_limit(max_bytes, "input is"))
        return data
    try:
        return _read_regular_file(source.path, max_bytes)
    except OSError as error:
        raise _Unreadable(_reason(error)) from None


_SPECIAL_FILES = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                  (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _read_regular_file(path: str, max_bytes: int) -> bytes:
    """At most `max_bytes` of a regular file. Anything else (a named pipe, a device, a socket) is refused
    before it is opened, for reading a pipe waits forever and a device may never end. The size on disk is
    only a first check: a file that grows while it is read, or that reports no size (/proc), is cut off by
    the read itself."""
    info = os.stat(path)
    _require_regular(info)
    if info.st_size > max_bytes:
        raise _Unreadable(_over_the_limit(max_bytes, f"file is {info.st_size:,} bytes,"))
    # Non-blocking and without taking a terminal, in case the path was swapped for a pipe or a device since.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
    with open(descriptor, "rb") as stream:
        _require_regular(os.fstat(descriptor))
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _Unreadable(_over_the_limit(max_bytes, "file is"))
    return data


def _require_regular(info: os.stat_result) -> None:
    for is_kind, kind in _SPECIAL_FILES:
        if is_kind(info.st_mode):
            raise _Unreadable(f"not a regular file ({kind}); not opened")


def _over_the_limit(max_bytes: int, what: str) -> str:
    return f"{what} over the {max_bytes:,}-byte limit (raise it with --max-bytes)"


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as text, naming the encoding used; refuse binary files."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise _Unreadable(f"starts with a {encoding} byte-order mark but is not {encoding}") from None
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise _Unreadable(f"binary file ({what}), not text")
    if b"\x00" in data:
        raise _Unreadable("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding in WESTERN_LOOKALIKES:
        # Single-byte Latin guesses are close calls between code pages; newsroom copy pasted from Word is
        # Windows-1252, which reads Latin-1 text the same.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if best is None:
        # Mostly UTF-8 with a few broken bytes: keep the text, mark the bytes that could not be read.
        return data.decode("utf-8", errors="replace"), "utf-8 with unreadable bytes replaced"
    return str(best), best.encoding


def _load_records(source: _Source, text: str, encoding: str, skip) -> Iterator[Article | SkippedInput]:
    for record_number, record in _records(text):
        if isinstance(record, str):
            yield skip(record, record_number)
            continue
        body_text = record.get("text")
        if not isinstance(body_text, str) or not body_text.strip():
            yield skip("record has no 'text'", record_number)
            continue
        body_text, replaced = _without_lone_surrogates(body_text)
        record_id = record.get("id")
        article_id = str(record_id) if record_id not in (None, "") else f"{source.label}:{record_number}"
        article = _article_from_text(body_text, "text", _without_lone_surrogates(article_id)[0], source.path,
                                     encoding, detect_title="title" not in record)
        article.record = record_number
        article.format = "json"
        for key in ("title", "url", "published", "outlet", "byline"):
            value = record.get(key)
            if isinstance(value, (str, int, float)) and str(value).strip():
                setattr(article, key, _without_lone_surrogates(str(value).strip())[0])
        if replaced:
            article.notes.append(f"replaced {replaced:,} lone surrogate{'s' if replaced > 1 else ''} (half of a "
                                 f"UTF-16 pair, escaped alone) with U+FFFD")
        yield article


# JSON may escape half of a UTF-16 pair alone ("\ud800"); such a string cannot be written as UTF-8.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(text: str) -> tuple[str, int]:
    """`text` with each lone surrogate replaced by U+FFFD, one character for one so offsets hold."""
    return _LONE_SURROGATE.subn("\ufffd", text)


def _records(text: str) -> Iterator[tuple[int, dict | str]]:
    """Yield (line or index, record) pairs; a record that cannot be read is yielded as its problem."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = _json_value(text)
        except _UnreadableJson as problem:
            yield problem.line or 1, f"not valid JSON: {problem}"
            return
        for index, record in enumerate(records):
            yield index, record if isinstance(record, dict) else "record is not a JSON object"
        return
    try:
        whole = _json_value(text)
    except _UnreadableJson:
        whole = None
    if isinstance(whole, dict):
        yield 1, whole
        return
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = _json_value(line)
        except _UnreadableJson as problem:
            yield line_number, f"line {line_number} is not valid JSON: {problem.message}"
            continue
        yield line_number, record if isinstance(record, dict) else f"line {line_number} is not a JSON object"


class _UnreadableJson(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message if line is None else f"{message} at line {line}")
        self.message = message
        self.line = line


def _json_value(text: str) -> object:
    """json.loads, with nesting deeper than the parser can follow reported like any other bad JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise _UnreadableJson(error.msg, error.lineno) from None
    except RecursionError:
        raise _UnreadableJson("nested too deeply (thousands of brackets)") from None


def _article_from_text(
    text: str, kind: str, article_id: str, path: str, encoding: str, *, detect_title: bool = True,
    whole_page: bool = False,
) -> Article:
    article = _parse_article(text, kind, article_id, path, encoding, detect_title=detect_title,
                             whole_page=whole_page)
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        article.notes.append(f"decoded as {encoding}")
    if article._body.repaired:
        article.notes.append("repaired mis-decoded characters (mojibake)")
    if article.repeated_passages:
        count = len(article.repeated_passages)
        article.notes.append(f"{count} repeated passage{'s' if count > 1 else ''} (pull-quote) counted once")
    if article._body.not_prose:
        article.notes.append(_not_prose_note(article._body))
    return article


def _not_prose_note(body: Body) -> str:
    count = len(body.not_prose)
    first_start, first_end = body.text.original_span(*body.not_prose[0])
    more = f" and {count - 1:,} more" if count > 1 else ""
    return (f"{count:,} stretch{'es' if count > 1 else ''} of text that is not prose (a word of {LONGEST_WORD:,} "
            f"characters or more, or a run of {LONGEST_MARK_RUN} or more quote marks, brackets or other marks) left "
            f"out of the claims: characters {first_start:,}–{first_end:,}{more}")


def _left_out_note(left_out: list[LeftOutBlock], found_by: str) -> str:
    from claimtrack.main_content import EXTRACTOR, extractor_installed

    count = len(left_out)
    what = (f"{count:,} block{'s' if count > 1 else ''} of text ({sum(block.characters for block in left_out):,} "
            f"characters)")
    if found_by == EXTRACTOR:
        reason = f"that {EXTRACTOR} does not read as the story (menus, banners, related links, comments)"
    else:
        reason = f"outside the page's {found_by} or in its menus, asides and footer"
        if not extractor_installed():
            reason += " (install claimtrack[html] to tell the story from the rest of the page)"
    return f"left out {what} {reason}; --whole-page reads them, -v lists them"


def _parse_article(
    text: str, kind: str, article_id: str, path: str, encoding: str, *, detect_title: bool, whole_page: bool
) -> Article:
    if kind == "html":
        from claimtrack.html import parse_html

        parsed = parse_html(text, whole_page=whole_page)
        article = Article(
            id=article_id, path=path, encoding=encoding, format="html", title=parsed.title,
            byline=parsed.byline, outlet=parsed.outlet, published=parsed.published, url=parsed.url, text=text,
            left_out=parsed.left_out,
        )
        article.notes += parsed.notes
        if parsed.left_out:
            article.notes.append(_left_out_note(parsed.left_out, parsed.story_found_by))
        article._body = parsed.body
        return article
    parsed_text = parse_text(text, detect_title=detect_title)
    article = Article(
        id=article_id, path=path, encoding=encoding, format=kind, text=text,
        repeated_passages=parsed_text.repeated, **parsed_text.metadata,
    )
    article._body = parsed_text.body
    return article


# --- plain text and markdown -------------------------------------------------------------------------

_HEADER_LABELS = {
    "by": "byline", "author": "byline", "authors": "byline", "written by": "byline",
    "published": "published", "date": "published", "updated": "published", "posted": "published",
    "published on": "published", "source": "outlet", "outlet": "outlet", "publisher": "outlet",
    "url": "url", "link": "url",
}
_LABELLED = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(.*?)\s*$")
_BYLINE = re.compile(r"^\s*by\s+([A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5})\s*$", re.IGNORECASE)
_TERMINAL = (".", ",", ";", ":")

# Markdown markup removed from a line; group "keep" is the text that stays.
_MARKUP = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*\)"  # images go entirely
    r"|\[(?P<link>[^\]\n]+)\]\([^)\n]*\)"
    r"|(?P<strong>\*\*|__)(?=\S)(?P<strong_text>.+?)(?<=\S)(?P=strong)"
    r"|(?<![\w*])\*(?=[^\s*])(?P<em>[^*\n]+?)(?<=\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])(?P<em_u>[^_\n]+?)(?<=\S)_(?![\w_])"
    r"|`(?P<code>[^`\n]+)`"
)
# Every piece of markup above has one of these; most news lines have none and skip the slower pattern.
_MARKUP_CHARACTERS = re.compile(r"[*_\[`]")
_LINE_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|[-*+•]\s+)")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_WORDS = re.compile(r"\w+")


@dataclass
class ParsedText:
    body: Body
    metadata: dict[str, str] = field(default_factory=dict)
    repeated: list[Span] = field(default_factory=list)


@dataclass
class _Line:
    start: int
    end: int
    content: str


def parse_text(text: str, *, detect_title: bool = True) -> ParsedText:
    """Split plain text or markdown into metadata, paragraphs and repeated passages."""
    lines: list[_Line] = []
    position = 0
    for content in text.split("\n"):
        lines.append(_Line(position, position + len(content), content))
        position += len(content) + 1
    paragraphs = _paragraphs(lines, text)
    metadata: dict[str, str] = {}
    headline: _Line | None = None
    # Headlines and header lines come in either order at the top: "# Title / By … / Published: …", each a
    # paragraph of its own or the header lines right under the headline with no blank line between.
    if paragraphs and len(paragraphs[0]) > 1 and all(_read_header(line.content, {}) for line in paragraphs[0][1:]):
        paragraphs[:1] = [[line] for line in paragraphs[0]]
    while len(paragraphs) > 1 and len(paragraphs[0]) == 1:
        first = paragraphs[0][0].content
        if _read_header(first, metadata):
            paragraphs.pop(0)
        elif detect_title and "title" not in metadata and _looks_like_title(paragraphs[0]):
            headline = paragraphs.pop(0)[0]
            metadata["title"] = _strip_markup(headline.content).strip()
        else:
            break
    builder = MappedTextBuilder(text)
    headline_span = None
    if headline is not None:
        # The headline states figures too ("Quake kills 10"): it is read, as the first paragraph.
        _copy_without_markup(builder, headline)
        builder.break_paragraph(headline.end)
        headline_span = builder.paragraphs[0] if builder.paragraphs else None
    seen_words: list[str] = []
    repeated: list[Span] = []
    for paragraph in paragraphs:
        words = " ".join(_WORDS.findall(" ".join(_strip_markup(line.content) for line in paragraph).casefold()))
        if len(words) >= 20 and words.count(" ") >= 3 and words in " ".join(seen_words):
            repeated.append(Span(start=paragraph[0].start, end=paragraph[-1].end))
            continue
        seen_words.append(words)
        for index, line in enumerate(paragraph):
            if index:
                builder.replace(" ", line.start - 1, line.start)
            _copy_without_markup(builder, line)
        builder.break_paragraph(paragraph[-1].end)
    body = builder.build()
    body.headline = headline_span
    return ParsedText(body, metadata, repeated)


def _paragraphs(lines: list[_Line], text: str) -> list[list[_Line]]:
    """Blank lines separate paragraphs where the text uses them; otherwise each line is a paragraph."""
    blank_separated = re.search(r"\S[^\S\n]*\n[^\S\n]*\n\s*\S", text) is not None
    paragraphs: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        is_blank = not line.content.strip()
        stands_alone = _RULE.match(line.content) or re.match(r"^\s*#{1,6}\s", line.content)
        if is_blank or stands_alone or not blank_separated:
            if current:
                paragraphs.append(current)
            current = []
            if not is_blank and not _RULE.match(line.content):
                paragraphs.append([line])
            continue
        current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs


def _read_header(line: str, metadata: dict[str, str]) -> bool:
    """Read a `By: …` / `Published: … | Views: …` line into metadata; False if it is not one."""
    found: dict[str, str] = {}
    after_byline = False
    for part in line.split("|"):
        labelled = _LABELLED.match(part)
        byline = _BYLINE.match(part)
        if labelled and labelled.group(1).strip().casefold() in _HEADER_LABELS:
            field_name = _HEADER_LABELS[labelled.group(1).strip().casefold()]
            found.setdefault(field_name, labelled.group(2))
            after_byline = field_name == "byline"
        elif byline and not found:
            found["byline"] = byline.group(1)
            after_byline = True
        elif labelled and found and len(labelled.group(1).split()) <= 2:
            after_byline = False  # another label on a header line ("Views: 8"): part of the header
        elif after_byline and part.strip() and len(part.split()) <= 6:
            found.setdefault("outlet", part.strip())
        else:
            return False
    if not found:
        return False
    for key, value in found.items():
        if value:
            metadata.setdefault(key, value)
    return True


def _looks_like_title(paragraph: list[_Line]) -> bool:
    if len(paragraph) != 1:
        return False
    content = _strip_markup(paragraph[0].content).strip()
    return 0 < len(content) <= 200 and not content.endswith(_TERMINAL) and not content.endswith(('."', '.”'))


def _strip_markup(line: str) -> str:
    prefix = _LINE_PREFIX.match(line)
    line = line[prefix.end():] if prefix else line
    if not _MARKUP_CHARACTERS.search(line):
        return line
    return _MARKUP.sub(lambda m: next((g for g in _kept_groups(m) if g is not None), ""), line)


def _kept_groups(match: re.Match) -> tuple[str | None, ...]:
    return tuple(match.group(name) for name in ("link", "strong_text", "em", "em_u", "code"))


def _copy_without_markup(builder: MappedTextBuilder, line: _Line, *, line_start: bool = True) -> None:
    """Copy a line into the analysis text, leaving out markdown marks but keeping what they mark."""
    offset = line.start
    prefix = _LINE_PREFIX.match(line.content) if line_start else None
    position = prefix.end() if prefix else 0
    matches = _MARKUP.finditer(line.content, position) if _MARKUP_CHARACTERS.search(line.content, position) else ()
    for match in matches:
        builder.copy(offset + position, offset + match.start())
        for name in ("link", "strong_text", "em", "em_u", "code"):
            if match.group(name) is not None:
                _copy_without_markup(builder, _Line(offset + match.start(name), offset + match.end(name),
                                                    match.group(name)), line_start=False)
                break
        position = match.end()
    builder.copy(offset + position, line.end)
