"""The grammar cache: LanguageTool's findings per paragraph, kept in an SQLite file.

A paragraph's key is the SHA-256 of its text, its language and the LanguageTool settings that
change findings (disabled and enabled rules and categories, picky mode), so a second run over an
unchanged archive asks LanguageTool nothing and an edit re-checks only the paragraphs it touched.
The file holds keys and findings (offsets, rule, message, replacements), never the article text.

The default file is `languagetool.sqlite3` in the user's cache directory (platformdirs, else
$XDG_CACHE_HOME or ~/.cache, under `newslint/`). Writes are transactions, so an interrupted run
leaves the file as it was before the article being written. A file that is not an SQLite
database, or turns out damaged, is replaced by a fresh one; a location that cannot be written
falls back to a cache in memory for the run. Either way the run goes on: a cache only saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from functools import lru_cache

SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    matches TEXT NOT NULL,
    checked INTEGER NOT NULL
)
"""
_BATCH = 500  # keys per SELECT, below SQLite's limit on host parameters


@lru_cache(maxsize=1)
def default_path() -> str:
    """`languagetool.sqlite3` in the user's cache directory."""
    try:
        import platformdirs

        directory = platformdirs.user_cache_dir("newslint", appauthor=False)
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        directory = os.path.join(base, "newslint")
    return os.path.join(directory, "languagetool.sqlite3")


def key(text: str, language: str, settings: str) -> str:
    """The cache key of a paragraph checked in `language` with LanguageTool `settings`."""
    data = "\0".join((SCHEMA_VERSION, language, settings, text)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


class GrammarCache:
    """Findings per paragraph key; `get` and `put` never raise for a broken or locked file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._db = self._open(path)

    def get(self, keys: list[str]) -> dict[str, list]:
        """The cached findings of those keys that are in the cache."""
        found: dict[str, list] = {}
        try:
            for start in range(0, len(keys), _BATCH):
                chunk = keys[start : start + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key, matches FROM results WHERE key IN ({marks})", chunk)
                found.update((k, [] if v == "[]" else json.loads(v)) for k, v in rows)
        except sqlite3.OperationalError:  # locked by another process: a miss, not a failure
            return found
        except (sqlite3.DatabaseError, ValueError):
            self._recreate()
            return {}
        return found

    def put(self, items: dict[str, list]) -> None:
        """Store findings, all in one transaction."""
        if not items:
            return
        now = int(time.time())
        rows = [(k, json.dumps(v, ensure_ascii=False), now) for k, v in items.items()]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", rows)
        except sqlite3.OperationalError:
            pass  # locked or read-only: the findings are still reported, just not kept
        except sqlite3.DatabaseError:
            self._recreate()

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM results").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    # -- opening, and starting over ----------------------------------------------------------

    def _open(self, path: str) -> sqlite3.Connection:
        if path == ":memory:":
            return _connect(path)
        try:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            try:
                return _connect(path)
            except sqlite3.DatabaseError:  # not a database, or damaged: start afresh
                _remove(path)
                return _connect(path)
        except (OSError, sqlite3.Error):
            self.path = ":memory:"
            return _connect(":memory:")

    def _recreate(self) -> None:
        self._db.close()
        if self.path != ":memory:":
            _remove(self.path)
        self._db = self._open(self.path)


def _connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=5.0)
    try:
        db.execute("PRAGMA synchronous = NORMAL")
        with db:
            db.execute(_SCHEMA)
        db.execute("SELECT 1 FROM results LIMIT 1").fetchone()
    except sqlite3.Error:
        db.close()
        raise
    return db


def _remove(path: str) -> None:
    for name in (path, path + "-journal", path + "-wal", path + "-shm"):
        try:
            os.remove(name)
        except FileNotFoundError:
            pass
