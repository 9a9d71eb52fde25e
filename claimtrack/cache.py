"""On-disk cache of extracted claims, so re-runs over unchanged articles skip the parser entirely.

Claims are stored per article in SQLite under a key made of everything that decides them: the article's
id, format, text and notes on how it was read, the spaCy pipeline's name and version, and a fingerprint of
claimtrack's own code.
The groups of a comparison are stored too, under the keys of all its articles, so re-running `compare` on
the same articles skips the comparison as well.
SQLite's write-ahead log lets several runs share the file; a cache that cannot be opened or written is
switched off with a `problem` to report, never an error. An entry that does not read back as what this
code writes (damaged, or written by another schema) is a miss: the article is parsed again and the entry
replaced, with one `damaged` note for the run.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import TypeAdapter

from claimtrack.models import Article, Claim, ClaimGroup, ModelInfo

CACHE_FILE = "claims.sqlite3"
_GROUPS = TypeAdapter(list[ClaimGroup])
_CLAIMS = TypeAdapter(list[Claim])
BUSY_TIMEOUT_SECONDS = 30


def default_cache_dir() -> Path:
    """$CLAIMTRACK_CACHE_DIR, else the platform's user cache folder."""
    if os.environ.get("CLAIMTRACK_CACHE_DIR"):
        return Path(os.environ["CLAIMTRACK_CACHE_DIR"])
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "claimtrack" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "claimtrack"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimtrack"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of claimtrack's source: any change to how claims are found makes old entries unused."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


class ClaimCache:
    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or default_cache_dir()) / CACHE_FILE
        self.problem: str | None = None
        self.damaged_entries = 0
        self._connection: sqlite3.Connection | None = None

    def key(self, article: Article, model: ModelInfo) -> str:
        digest = hashlib.sha256()
        # The notes say how the text was read (a web page's story only, or the whole page), which decides the claims.
        for part in (code_fingerprint(), model.name, model.version, article.id, article.format, article.text,
                     *article.notes):
            digest.update(part.encode("utf-8", errors="surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def comparison_key(self, article_keys: Iterable[str]) -> str:
        """The key of a comparison of exactly these articles, in this order."""
        return hashlib.sha256("\n".join(["comparison", *article_keys]).encode()).hexdigest()

    def get_groups(self, key: str) -> list[ClaimGroup] | None:
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT groups FROM comparisons WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:
            self._give_up(f"could not read the claim cache {self.path} ({error})")
            return None
        return None if row is None else self._read_entry(_GROUPS, row[0])

    def put_groups(self, key: str, groups: list[ClaimGroup]) -> None:
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.execute("INSERT OR REPLACE INTO comparisons (key, groups) VALUES (?, ?)",
                                   (key, _GROUPS.dump_json(groups).decode()))
        except sqlite3.Error as error:
            self._give_up(f"could not write the claim cache {self.path} ({error})")

    def get_many(self, keys: Iterable[str]) -> dict[str, list[Claim]]:
        connection = self._connect()
        if connection is None:
            return {}
        found: dict[str, list[Claim]] = {}
        keys = list(keys)
        try:
            for first in range(0, len(keys), 500):
                chunk = keys[first: first + 500]
                rows = connection.execute(
                    f"SELECT key, claims FROM claims WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                for key, claims in rows:
                    stored = self._read_entry(_CLAIMS, claims)
                    if stored is not None:
                        found[key] = stored
        except sqlite3.Error as error:
            self._give_up(f"could not read the claim cache {self.path} ({error})")
            return {}
        return found

    def put_many(self, entries: Iterable[tuple[str, list[Claim]]]) -> None:
        connection = self._connect()
        if connection is None:
            return
        rows = [(key, _CLAIMS.dump_json(claims).decode()) for key, claims in entries]
        try:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO claims (key, claims) VALUES (?, ?)", rows)
        except sqlite3.Error as error:
            self._give_up(f"could not write the claim cache {self.path} ({error})")

    def _read_entry(self, adapter: TypeAdapter, stored: object):
        """The entry as models, or None (a miss) when it does not read back as what this code writes."""
        try:
            return adapter.validate_json(stored)
        except ValueError:
            self.damaged_entries += 1
            return None

    def notes(self) -> list[str]:
        """What a person should know about the cache after a run."""
        damaged = (f"{self.damaged_entries:,} damaged claim cache entr{'y' if self.damaged_entries == 1 else 'ies'} "
                   f"in {self.path} ignored, re-extracted and replaced")
        return [note for note in (self.problem, damaged if self.damaged_entries else None) if note]

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self) -> sqlite3.Connection | None:
        if self.problem is not None:
            return None
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, claims TEXT NOT NULL)")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS comparisons (key TEXT PRIMARY KEY, groups TEXT NOT NULL)")
                self._connection = connection
            except (OSError, sqlite3.Error) as error:
                self._give_up(f"claim cache {self.path} is not usable ({error}); running without it")
        return self._connection

    def _give_up(self, problem: str) -> None:
        self.problem = problem
        self.close()
