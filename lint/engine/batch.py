"""Checking many articles: the result cache, a process pool and a progress bar, in input order.

`iter_results` gives each file's result as soon as it and the files before it are done, so a
report can be written while the run goes on and a run keeps only a few hundred files in memory
at a time, however many it checks: files are read, looked up in the cache and checked a slice
(CHUNK files) at a time, and the pool is never more than a few batches ahead of the report.

The cache is asked first, in one pass over the files' signatures (see `newslint.engine.cache`):
the files it knows unchanged need not be read, and how many are left to check decides whether
a pool of worker processes is worth starting. Results come in input order whatever the number
of jobs.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice

from newslint.engine.cache import (
    ResultCache,
    cache_key,
    content_digest,
    diagnostics,
    signature,
)
from newslint.engine.config import ConfigError
from newslint.engine.discovery import STDIN, discover
from newslint.engine.finding import FileResult
from newslint.engine.runner import Engine, RunOptions
from newslint.engine.source import InputError

# fewer files than this per job are checked in this process: starting a pool (importing it,
# forking, handing out the work) would cost more than it saves
FILES_PER_JOB = 150
# files checked in this process before the pool starts, so that the workers inherit what the
# rules load on first use
WARM_UP_FILES = 8
# a progress bar is shown on a terminal for runs of at least this many files to check
PROGRESS_FROM = 200
# files read and looked up in the cache at a time
CHUNK = 256
# batches of files a pool may be ahead of the report, per worker
AHEAD = 4

_worker_engine: Engine | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def check_paths(engine: Engine, paths: list[str], jobs: int | None = None, cache: ResultCache | None = None,
                progress: bool = False, need_text: bool = True, notice=None) -> list[FileResult]:
    """Check files and directories; one FileResult per file, in input order (see `iter_results`)."""
    return list(iter_results(engine, paths, jobs, cache, progress, need_text, notice))


def iter_results(
    engine: Engine,
    paths: list[str],
    jobs: int | None = None,
    cache: ResultCache | None = None,
    progress: bool = False,
    need_text: bool = True,
    notice: Callable[[str, str], None] | None = None,
    passed_over: Callable[[str, str], None] | None = None,
) -> Iterator[FileResult]:
    """Check files and directories; each file's FileResult, in input order, as soon as it is done.

    `need_text`: the results carry the articles' text (for a report that shows or fingerprints
    it); without it they do not, which keeps a large run small, and the files whose signature
    the cache knows unchanged are not even read. `notice(path, why)` hears of the files that a
    directory's walk leaves out (see `discover`) and of the .gitignore lines passed over;
    `passed_over(path, why)` of those it found that hold no article (see
    `newslint.engine.source.NotAnArticle`): they are not errors. The cache is written when the
    last result has been taken.
    """
    items = discover(paths, notice, engine.selection(notice))
    planned = _Planned(engine, cache, need_text)
    entries = [item if isinstance(item, FileResult) else planned.file(item) for item in items]
    to_check = planned.look_up([entry for entry in entries if isinstance(entry, _File)])
    workers = min(jobs or default_jobs(), to_check // FILES_PER_JOB)
    stream = (item for start in range(0, len(entries), CHUNK)
              for item in planned.ready(entries[start : start + CHUNK]))
    checked = (_check_in_pool(engine, stream, workers, to_check) if workers > 1
               else ((item, _check_here(engine, item) if isinstance(item, _File) else item) for item in stream))
    if progress and to_check >= PROGRESS_FROM and sys.stderr.isatty():
        checked = _with_progress_bar(checked, len(entries))
    named = set(paths)
    for item, result in checked:
        if result.not_article and result.path not in named:  # a directory's walk found it: passed over
            if passed_over is not None:
                passed_over(result.path, result.error)
            continue
        if isinstance(item, _File):
            if not need_text:
                result.text = None
            elif isinstance(item.text, str):  # a binary file's result has the text made of it
                result.text = item.text
            if cache is not None and item.key is not None and result.error is None:
                cache.put(item.key, result.diagnostics)
            item.text = None  # done with it
        yield result
    if cache is not None:
        cache.flush()


class _File:
    """A file on its way through the cache and the rules: what is known of it so far."""

    __slots__ = ("path", "lookup", "config", "absolute", "signature", "digest", "text", "key", "error")

    def __init__(self, path: str, lookup: str, config, with_signature: bool) -> None:
        self.path, self.lookup, self.config = path, lookup, config
        on_disk = with_signature and path != STDIN
        self.absolute = os.path.abspath(path) if on_disk else None
        self.signature = signature(path, config.max_file_size) if on_disk else None
        self.digest = self.text = self.key = self.error = None


@dataclass
class _Planned:
    """What a run knows of its files before checking them: configurations, cache keys, cached keys."""

    engine: Engine
    cache: ResultCache | None
    need_text: bool

    def __post_init__(self) -> None:
        self._settings: dict[int, str] = {}  # id of a configuration: what of it decides the findings
        self._cached: set[str] = set()  # keys the cache has findings for, of files known by signature

    def file(self, path: str) -> _File | FileResult:
        lookup = self.engine.lookup_name(path)
        try:
            config = self.engine.config_for(lookup)
        except ConfigError as error:
            return FileResult(path, error=str(error))
        return _File(path, lookup, config, with_signature=self.cache is not None)

    def look_up(self, files: list[_File]) -> int:
        """Find the files the cache knows unchanged by their signature, and which of their keys it
        has findings for; how many files are left to check (at most)."""
        if self.cache is None:
            return len(files)
        signatures = {file.absolute: file.signature for file in files if file.signature}
        digests = self.cache.digests(signatures)
        for file in files:
            file.digest = digests.get(file.absolute)
            if file.digest is not None:
                file.key = self._key(file)
        self._cached = self.cache.cached([file.key for file in files if file.key is not None])
        return sum(1 for file in files if file.key not in self._cached)

    def ready(self, entries: list) -> Iterator[FileResult | _File]:
        """A slice of the run's entries, in order: a FileResult for each error and cache hit, and each
        file left to check, read."""
        files = [entry for entry in entries if isinstance(entry, _File)]
        for file in files:
            if self.need_text or file.key not in self._cached:
                self._read(file)
        keys = [file.key for file in files if file.key is not None and file.error is None]
        found = self.cache.findings(keys) if self.cache is not None and keys else {}
        for entry in entries:
            if isinstance(entry, FileResult):
                yield entry
                continue
            if entry.error is None and entry.key in found:
                text = self.engine.shown_text(entry.lookup, entry.text) if self.need_text else None
                yield FileResult(entry.path, diagnostics(found[entry.key], entry.path), None, text)
                continue
            if entry.text is None and entry.error is None:  # known by its signature; its findings are not
                self._read(entry)
            yield entry if entry.error is None else FileResult(entry.path, error=entry.error)

    def _read(self, file: _File) -> None:
        """Read a file (or note why it cannot be read), and key it by its text."""
        try:
            _lookup, file.text, _config = self.engine.read(file.path)
        except (InputError, ConfigError) as error:
            file.error = str(error)
            return
        if self.cache is not None:
            file.digest = content_digest(file.text)
            file.key = self._key(file)
            if file.signature is not None:
                self.cache.remember(file.absolute, file.signature, file.digest)

    def _key(self, file: _File) -> str:
        config = file.config
        if id(config) not in self._settings:
            options = self.engine.options
            self._settings[id(config)] = (f"{config.fingerprint()}|published={options.published}"
                                          f"|unused={self.engine.reports_unused(config)}")
        rule_ids = [rule.id for rule in self.engine.active_rules(config, file.lookup)]
        return cache_key(file.digest, file.lookup, self._settings[id(config)], rule_ids)


def _check_here(engine: Engine, file: _File) -> FileResult:
    return engine.check_text(file.lookup, file.text, engine.config_for(file.lookup), file.path)


class _Batch:
    """Files handed to a worker together; `future` once submitted."""

    __slots__ = ("files", "future", "results")

    def __init__(self) -> None:
        self.files: list[_File] = []
        self.future = None
        self.results: list[FileResult] | None = None


def _check_in_pool(engine: Engine, stream: Iterable, workers: int, to_check: int):
    """(entry, result) for each entry of the stream, in order, files checked in worker processes.

    The first files are checked here, so that what the rules load on first use (modules, word
    lists) is loaded once, before the workers are forked with a copy of it. Batches go to the
    workers as the stream is read, never more than AHEAD per worker ahead of what has been taken.
    If a worker dies (killed, out of memory), the files not yet done are checked in this process:
    the run neither hangs nor loses a file.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _worker_engine
    stream = iter(stream)
    warm = 0
    for item in stream:  # the warm-up, here
        yield (item, _check_here(engine, item)) if isinstance(item, _File) else (item, item)
        warm += isinstance(item, _File)
        if warm >= WARM_UP_FILES:
            break
    _worker_engine = engine  # forked workers start with this engine and what it has loaded
    size = max(1, min(64, to_check // (workers * 8)))
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(engine.options,))
    broken = False
    queue: deque = deque()  # in order: FileResults, and (batch, position) for files
    open_batch = _Batch()
    submitted: deque = deque()  # batches handed out and not yet taken

    def submit(batch: _Batch) -> None:
        nonlocal broken
        if not broken:
            try:
                batch.future = pool.submit(_check_in_worker, [(f.lookup, f.text, f.path) for f in batch.files])
                submitted.append(batch)
                return
            except BrokenProcessPool:
                broken = True
        batch.results = [_check_here(engine, file) for file in batch.files]

    def take():
        nonlocal open_batch, broken
        item = queue.popleft()
        if isinstance(item, FileResult):
            return item, item
        batch, position = item
        if batch is open_batch:
            submit(batch)
            open_batch = _Batch()
        if batch.results is None:
            try:
                batch.results = batch.future.result()
            except BrokenProcessPool:
                broken = True
                batch.results = [_check_here(engine, file) for file in batch.files]
            if submitted and submitted[0] is batch:
                submitted.popleft()
        return batch.files[position], batch.results[position]

    try:
        for item in stream:
            if isinstance(item, _File):
                open_batch.files.append(item)
                queue.append((open_batch, len(open_batch.files) - 1))
                if len(open_batch.files) >= size:
                    submit(open_batch)
                    open_batch = _Batch()
            else:
                queue.append(item)
            while queue and (_done(queue[0]) or len(submitted) >= AHEAD * workers):
                yield take()
        while queue:
            yield take()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _done(item) -> bool:
    if isinstance(item, FileResult):
        return True
    batch = item[0]
    return batch.results is not None or (batch.future is not None and batch.future.done())


def _start_worker(options: RunOptions) -> None:
    global _worker_engine
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    if _worker_engine is None or _worker_engine.options != options:  # not forked: start afresh
        _worker_engine = Engine(options)


def _check_in_worker(tasks: list[tuple[str, str | bytes, str]]) -> list[FileResult]:
    engine = _worker_engine
    results = []
    for lookup, text, display in tasks:
        try:
            result = engine.check_text(lookup, text, engine.config_for(lookup), display)
        except ConfigError as error:
            result = FileResult(display, error=str(error))
        if isinstance(text, str):
            result = replace(result, text=None)  # the main process has the text already
        results.append(result)
    return results


def _with_progress_bar(results, total: int):
    import click

    with click.progressbar(results, length=total, label="Checking", file=sys.stderr) as bar:
        yield from bar
