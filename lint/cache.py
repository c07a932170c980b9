"""The result cache: findings per file, in an SQLite database, so unchanged articles are not checked again.

A file's findings are stored under a key made of its text, the name that decides its format, the
effective configuration, the rules that ran and the newslint version: change any of them and the
file is checked afresh. The cache stores findings (rule, place, message, suggestion), never the
article's text. It lives in `.newslint_cache/` in the current directory unless `--cache-dir` says
otherwise; `--no-cache` bypasses it. Writes happen in one transaction at the end of a run, so an
interrupted run leaves the cache as it was; a cache file that cannot be read is replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from functools import lru_cache

from . import __version__
from .finding import Diagnostic

DEFAULT_DIRECTORY = ".newslint_cache"
_FILE = "results.sqlite"
_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, findings TEXT NOT NULL)"
_FIELDS = ("rule", "severity", "line", "column", "end_line", "end_column", "message",
           "suggestion", "start", "end")


def cache_key(text: str, lookup: str, settings: str, rule_ids: list[str]) -> str:
    """The key of a file's findings: everything that decides them."""
    kind = "md" if lookup.lower().endswith((".md", ".markdown")) else "txt"
    digest = _digest_of(kind, settings, ",".join(rule_ids)).copy()
    digest.update(text.encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=64)
def _digest_of(*parts: str):
    """The hash of a key's parts before the text: the same for most files of a run."""
    digest = hashlib.sha256()
    for part in (__version__, *parts):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest


class ResultCache:
    """Findings per key, read at once and written in one transaction by `flush`."""

    def __init__(self, directory: str = DEFAULT_DIRECTORY) -> None:
        self.directory = directory
        self._pending: dict[str, str] = {}
        self._connection = self._open()

    def _open(self) -> sqlite3.Connection | None:
        try:
            os.makedirs(self.directory, exist_ok=True)
            _mark_directory(self.directory)
            path = os.path.join(self.directory, _FILE)
            try:
                return _connect(path)
            except sqlite3.DatabaseError:  # not a database, or damaged: start afresh
                os.remove(path)
                return _connect(path)
        except (OSError, sqlite3.Error):
            return None  # no cache is better than no run

    def get(self, key: str, path: str) -> list[Diagnostic] | None:
        """The cached findings for `key`, placed in `path`; None when there are none."""
        if self._connection is None:
            return None
        try:
            row = self._connection.execute(
                "SELECT findings FROM results WHERE key = ?", (key,)
            ).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        return [Diagnostic(path=path, **dict(zip(_FIELDS, values))) for values in json.loads(row[0])]

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        rows = [[getattr(d, name) for name in _FIELDS] for d in diagnostics]
        self._pending[key] = json.dumps(rows, ensure_ascii=False)

    def flush(self) -> None:
        """Write what `put` collected, all or nothing."""
        if self._connection is None or not self._pending:
            return
        try:
            with self._connection:
                self._connection.executemany(
                    "INSERT OR REPLACE INTO results (key, findings) VALUES (?, ?)",
                    self._pending.items(),
                )
        except sqlite3.Error:
            pass  # the run's results stand; the cache is only an accelerator
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _connect(path: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=10)
    connection.execute(_SCHEMA)
    connection.execute("SELECT count(*) FROM results").fetchone()
    return connection


def _mark_directory(directory: str) -> None:
    """Keep the cache out of version control and backups, as pytest and ruff do."""
    ignore = os.path.join(directory, ".gitignore")
    if not os.path.exists(ignore):
        with open(ignore, "w", encoding="utf-8") as handle:
            handle.write("# created by newslint\n*\n")
    tag = os.path.join(directory, "CACHEDIR.TAG")
    if not os.path.exists(tag):
        with open(tag, "w", encoding="utf-8") as handle:
            handle.write("Signature: 8a477f597d28d172789f06886806bc55\n# newslint result cache\n")
