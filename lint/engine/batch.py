"""Checking many articles: the result cache, a process pool and a progress bar.

Files are read in the main process (so the cache can be asked before any work is done), except
those the cache knows unchanged by their signature (see `newslint.engine.cache`); the articles that are not
cached are checked in this process or, for more than a handful, in a pool of worker processes.
Results come back in input order whatever the number of jobs.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from itertools import chain, islice

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
# a progress bar is shown on a terminal for runs of at least this many files
PROGRESS_FROM = 200

_worker_engine: Engine | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def check_paths(
    engine: Engine,
    paths: list[str],
    jobs: int | None = None,
    cache: ResultCache | None = None,
    progress: bool = False,
    need_text: bool = True,
) -> list[FileResult]:
    """Check files and directories; one FileResult per file, in input order.

    `need_text`: the results carry the articles' text (for a report that shows or fingerprints
    it); without it they do not, which keeps a large run small, and the files whose signature
    the cache knows unchanged are not even read.
    """
    items = discover(paths)
    results: list[FileResult | None] = [None] * len(items)
    files: list[tuple[int, str]] = []
    for index, item in enumerate(items):
        if isinstance(item, FileResult):
            results[index] = item
        else:
            files.append((index, item))
    todo: list[tuple[int, str, str, str, str | None]] = []  # index, lookup, text, display, cache key
    if cache is not None:
        todo = _from_cache(engine, cache, files, results, need_text)
    else:
        for index, path in files:
            try:
                lookup, text, _config = engine.read(path)
            except (InputError, ConfigError) as error:
                results[index] = FileResult(path, error=str(error))
                continue
            todo.append((index, lookup, text, path, None))

    jobs = jobs or default_jobs()
    workers = min(jobs, len(todo) // FILES_PER_JOB)
    checked = (
        engine.check_text(lookup, text, engine.config_for(lookup), display)
        for _index, lookup, text, display, _key in todo
    )
    if workers > 1:
        # the first files are checked here, so that what the rules load on first use (modules,
        # word lists) is loaded once, before the workers are forked with a copy of it
        pooled = _check_in_pool(engine, todo[WARM_UP_FILES:], workers)
        checked = chain(islice(checked, WARM_UP_FILES), pooled)
    if progress and len(todo) >= PROGRESS_FROM and sys.stderr.isatty():
        checked = _with_progress_bar(checked, len(todo))
    for (index, _lookup, text, _display, key), result in zip(todo, checked):
        result.text = text if need_text else None
        results[index] = result
        if cache is not None and key is not None and result.error is None:
            cache.put(key, result.diagnostics)
    if cache is not None:
        cache.flush()
    return results  # type: ignore[return-value]


class _File:
    """A file on its way through the cache: what is known of it so far."""

    __slots__ = ("index", "path", "lookup", "config", "absolute", "signature", "digest", "text", "key")

    def __init__(self, index: int, path: str, lookup: str, config) -> None:
        self.index, self.path, self.lookup, self.config = index, path, lookup, config
        on_disk = path != STDIN
        self.absolute = os.path.abspath(path) if on_disk else None
        self.signature = signature(path, config.max_file_size) if on_disk else None
        self.digest = self.text = self.key = None


def _from_cache(engine: Engine, cache: ResultCache, files: list[tuple[int, str]], results: list,
                need_text: bool) -> list[tuple[int, str, str, str, str]]:
    """Fill in the results that the cache holds; the files left to check: (index, lookup, text, path, key).

    A file is read only when its signature is not known, or when its findings are not cached."""
    settings_of: dict[int, str] = {}  # id of a configuration: what of it decides the findings

    def key_of(file: _File) -> str:
        config = file.config
        if id(config) not in settings_of:
            settings_of[id(config)] = f"{config.fingerprint()}|published={engine.options.published}"
        rule_ids = [rule.id for rule in engine.active_rules(config, file.lookup)]
        return cache_key(file.digest, file.lookup, settings_of[id(config)], rule_ids)

    def read(file: _File) -> bool:
        try:
            _lookup, file.text, _config = engine.read(file.path)
        except (InputError, ConfigError) as error:
            results[file.index] = FileResult(file.path, error=str(error))
            return False
        file.digest = content_digest(file.text)
        file.key = key_of(file)
        if file.signature is not None:
            cache.remember(file.absolute, file.signature, file.digest)
        return True

    planned: list[_File] = []
    for index, path in files:
        lookup = engine.lookup_name(path)
        try:
            config = engine.config_for(lookup)
        except ConfigError as error:
            results[index] = FileResult(path, error=str(error))
            continue
        planned.append(_File(index, path, lookup, config))
    signatures = {} if need_text else {file.absolute: file.signature for file in planned if file.signature}
    digests = cache.digests(signatures)
    readable = []
    for file in planned:
        file.digest = digests.get(file.absolute)
        if file.digest is not None:
            file.key = key_of(file)
            readable.append(file)
        elif read(file):
            readable.append(file)
    found = cache.findings([file.key for file in readable])
    todo = []
    for file in readable:
        if file.key in found:
            text = file.text if need_text else None
            results[file.index] = FileResult(file.path, diagnostics(found[file.key], file.path), None, text)
        elif file.text is not None or read(file):  # its signature was known, its findings are not
            todo.append((file.index, file.lookup, file.text, file.path, file.key))
    return todo


def _check_in_pool(engine: Engine, todo: list, workers: int):
    """Check in worker processes, in input order. If a worker dies (killed, out of memory), the
    files not yet done are checked in this process: the run neither hangs nor loses a file."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _worker_engine
    _worker_engine = engine  # forked workers start with this engine and what it has loaded
    tasks = [(lookup, text, display) for _index, lookup, text, display, _key in todo]
    chunksize = max(1, min(64, len(tasks) // (workers * 8)))
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(engine.options,))
    done = 0
    try:
        for result in pool.map(_check_in_worker, tasks, chunksize=chunksize):
            done += 1
            yield result
    except BrokenProcessPool:
        pass
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    for lookup, text, display in tasks[done:]:
        yield engine.check_text(lookup, text, engine.config_for(lookup), display)


def _start_worker(options: RunOptions) -> None:
    global _worker_engine
    if _worker_engine is None or _worker_engine.options != options:  # not forked: start afresh
        _worker_engine = Engine(options)


def _check_in_worker(task: tuple[str, str, str]) -> FileResult:
    lookup, text, display = task
    engine = _worker_engine
    try:
        result = engine.check_text(lookup, text, engine.config_for(lookup), display)
    except ConfigError as error:
        return FileResult(display, error=str(error))
    return replace(result, text=None)  # the main process has the text already


def _with_progress_bar(results, total: int):
    import click

    with click.progressbar(results, length=total, label="Checking", file=sys.stderr) as bar:
        yield from bar
