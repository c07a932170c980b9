"""The result cache: findings per file, in an SQLite database, so unchanged articles are not checked again.

A file's findings are stored under a key made of its text, the name that decides its format, the
effective configuration, the rules that ran and the newslint version: change any of them and the
file is checked afresh. The cache stores findings (rule, place, message, suggestion, fix), never
the article's text. FORMAT, the shape of the stored findings, is part of every key: a newslint that
stores them differently never reads what an older one wrote.

So that a second run over unchanged files need not even read them, the cache also remembers, per
file (by a hash of its absolute path, not the path), the digest of the text it read and the file's
signature at that moment (size, modification and change times, inode), as git's index does. A
file whose signature is the same is taken to have the same text: any write changes its change
time. A file changed within the last seconds before it was read is not remembered, since a
second write in the same clock tick could leave its signature as it was.

It lives in `.newslint_cache/` at the root of the git repository of the current directory (the
current directory outside a repository: see `default_directory`) unless `--cache-dir` says otherwise;
`--no-cache` bypasses it. Writes happen in one transaction at the end of a run, so an interrupted
run leaves the cache as it was; a cache file that cannot be read is replaced, and a damaged entry
(findings that are not what newslint writes, a file's digest that is not one) is taken as not cached,
counted in `damaged` and dropped at the end of the run. It keeps the KEEP
findings and file signatures written last and drops older ones, so that it does not grow without
end as articles change.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import stat as stat_module
import time
from functools import lru_cache

from newslint import __version__
from newslint.article.formats import format_of
from newslint.engine.finding import APPLICABILITIES, SEVERITIES, Diagnostic, Fix, PlacedEdit
from newslint.engine.repository import project_folder

DEFAULT_DIRECTORY = ".newslint_cache"
_FILE = "results.sqlite"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, findings TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, signature TEXT NOT NULL, digest TEXT NOT NULL)",
)
#: the shape of the stored findings; change it whenever _FIELDS or the stored fix changes
FORMAT = 2
_FIELDS = ("rule", "severity", "line", "column", "end_line", "end_column", "message",
           "suggestion", "start", "end")  # the order of Diagnostic's fields after `path`, then the fix
_EDIT_FIELDS = ("start", "end", "replacement", "line", "column", "end_line", "end_column")
# what a stored finding's fields (and a fix's edits) are, to tell a damaged entry
_TYPES = ((str,), (str,), (int,), (int,), (int,), (int,), (str,), (str, type(None)), (int,), (int,))
_EDIT_TYPES = (int, int, str, int, int, int, int)
_DIGEST = re.compile(r"[0-9a-f]{64}")
#: a file changed less than this long before it was read is not remembered by its signature
SETTLE_NANOSECONDS = 2_000_000_000
#: keys per query: below SQLite's oldest limit on the number of parameters (999)
_BATCH = 500
#: the cache keeps at most this many findings and file signatures; the oldest written go first
KEEP = 200_000


def default_directory() -> str:
    """Where the result cache lives unless told otherwise: `.newslint_cache` in the folder of the
    project newslint runs in (the root of the current directory's git repository, else the current
    directory; see `newslint.engine.repository`), so that runs from any folder of a repository
    share one cache. Relative to the current directory."""
    return os.path.normpath(os.path.join(os.path.relpath(project_folder()), DEFAULT_DIRECTORY))


def content_digest(text: str | bytes) -> str:
    """The digest of an article's text (the bytes of a binary file), as the cache keys know it."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def cache_key(digest: str, lookup: str, settings: str, rule_ids: list[str]) -> str:
    """The key of a file's findings: everything that decides them (`digest`: its content_digest)."""
    kind = format_of(lookup) or "plain"
    key = _digest_of(kind, settings, ",".join(rule_ids)).copy()
    key.update(digest.encode("ascii"))
    return key.hexdigest()


@lru_cache(maxsize=64)
def _digest_of(*parts: str):
    """The hash of a key's parts before the text: the same for most files of a run."""
    digest = hashlib.sha256()
    for part in (__version__, str(FORMAT), *parts):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest


def _place(path: str) -> str:
    """How the cache knows a file: a hash of its absolute path, not the path itself."""
    return hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()


def signature(path: str, max_size: int) -> str | None:
    """The signature of a file as it is now, or None when there is none to trust.

    None for what is not a regular file, a file over `max_size` (it is read, to report it) and a
    file changed within SETTLE_NANOSECONDS (it may change again unseen)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    changed = max(info.st_mtime_ns, info.st_ctime_ns)
    if (not stat_module.S_ISREG(info.st_mode) or info.st_size > max_size
            or changed > time.time_ns() - SETTLE_NANOSECONDS):
        return None
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"


class ResultCache:
    """Findings per key and digests per file, read in batches and written in one transaction by `flush`."""

    def __init__(self, directory: str = DEFAULT_DIRECTORY) -> None:
        self.directory = directory
        self._pending: dict[str, str] = {}
        self._pending_files: dict[str, tuple[str, str]] = {}
        self._damaged: dict[str, list[str]] = {"results": [], "files": []}  # the rows to drop, by table
        #: how many damaged entries were found (and dropped) so far
        self.damaged = 0
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

    def digests(self, signatures: dict[str, str]) -> dict[str, str]:
        """The content digests of the files (absolute path: signature) whose signature is unchanged."""
        by_place = {_place(path): path for path in signatures}
        rows = self._select("SELECT path, signature, digest FROM files WHERE path IN", list(by_place))
        found = {}
        for place, known, digest in rows:
            if type(digest) is not str or not _DIGEST.fullmatch(digest):
                self._drop("files", place)
            elif signatures[by_place[place]] == known:
                found[by_place[place]] = digest
        return found

    def remember(self, path: str, signature: str, digest: str) -> None:
        """Note that the file at `path` (absolute) with this signature has the text of `digest`."""
        self._pending_files[_place(path)] = (signature, digest)

    def cached(self, keys: list[str]) -> set[str]:
        """The keys that have findings stored (without reading the findings)."""
        return {key for (key,) in self._select("SELECT key FROM results WHERE key IN", keys)}

    def findings(self, keys: list[str]) -> dict[str, list[list]]:
        """The stored findings of the keys that have them (key: rows, see `diagnostics`)."""
        found = {}
        for key, stored in self._select("SELECT key, findings FROM results WHERE key IN", keys):
            rows = _rows(stored)
            if rows is None:
                self._drop("results", key)
            else:
                found[key] = rows
        return found

    def _drop(self, table: str, row: str) -> None:
        self._damaged[table].append(row)
        self.damaged += 1

    def put(self, key: str, found: list[Diagnostic]) -> None:
        rows = [[*(getattr(d, name) for name in _FIELDS), _stored_fix(d.fix)] for d in found]
        self._pending[key] = json.dumps(rows)  # ASCII: a character a byte, until the end of the run

    def _select(self, query: str, values: list[str]) -> list[tuple]:
        if self._connection is None:
            return []
        rows = []
        try:
            for first in range(0, len(values), _BATCH):
                batch = values[first : first + _BATCH]
                marks = ",".join("?" * len(batch))
                rows += self._connection.execute(f"{query} ({marks})", batch).fetchall()
        except sqlite3.Error:
            return []  # the cache is only an accelerator: check the files instead
        return rows

    def flush(self) -> None:
        """Write what `put` and `remember` collected, all or nothing."""
        if self._connection is None or not (self._pending or self._pending_files or any(self._damaged.values())):
            return
        try:
            with self._connection:
                for table, column in (("results", "key"), ("files", "path")):
                    if self._damaged[table]:
                        self._connection.executemany(f"DELETE FROM {table} WHERE {column} = ?",
                                                     [(row,) for row in self._damaged[table]])
                self._connection.executemany(
                    "INSERT OR REPLACE INTO results (key, findings) VALUES (?, ?)",
                    self._pending.items(),
                )
                self._connection.executemany(
                    "INSERT OR REPLACE INTO files (path, signature, digest) VALUES (?, ?, ?)",
                    [(path, *known) for path, known in self._pending_files.items()],
                )
                for table in ("results", "files"):  # rows written again get the newest rowid
                    self._connection.execute(
                        f"DELETE FROM {table} WHERE rowid <= (SELECT max(rowid) FROM {table}) - ?", (KEEP,)
                    )
        except sqlite3.Error:
            pass  # the run's results stand; the cache is only an accelerator
        self._pending.clear()
        self._pending_files.clear()
        for rows in self._damaged.values():
            rows.clear()

    def close(self) -> None:
        self.flush()
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def diagnostics(rows: list[list], path: str) -> list[Diagnostic]:
    """Findings as `ResultCache.findings` gives them, placed in `path`."""
    return [Diagnostic(path, *values, _read_fix(fix)) for *values, fix in rows]


def _stored_fix(fix: Fix | None) -> list | None:
    if fix is None:
        return None
    return [fix.applicability, [[getattr(edit, name) for name in _EDIT_FIELDS] for edit in fix.edits]]


def _read_fix(stored: list | None) -> Fix | None:
    if stored is None:
        return None
    applicability, edits = stored
    return Fix(applicability, tuple(PlacedEdit(*edit) for edit in edits))


def _rows(stored) -> list[list] | None:
    """The findings of a stored entry, or None when it is not what `put` writes."""
    try:
        rows = json.loads(stored)
    except (TypeError, ValueError):
        return None
    if not isinstance(rows, list):
        return None
    for row in rows:
        if (type(row) is not list or len(row) != len(_TYPES) + 1 or row[1] not in SEVERITIES
                or not all(type(value) in types for value, types in zip(row, _TYPES))
                or not _is_stored_fix(row[-1])):
            return None
    return rows


def _is_stored_fix(stored) -> bool:
    if stored is None:
        return True
    if type(stored) is not list or len(stored) != 2 or stored[0] not in APPLICABILITIES or type(stored[1]) is not list:
        return False
    return all(type(edit) is list and len(edit) == len(_EDIT_TYPES)
               and all(type(value) is kind for value, kind in zip(edit, _EDIT_TYPES)) for edit in stored[1])


def _connect(path: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=10)
    for statement in _SCHEMA:
        connection.execute(statement)
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
