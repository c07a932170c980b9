"""Checking many articles: the result cache, a process pool and a progress bar.

Files are read in the main process (so the cache can be asked before any work is done); the
articles that are not cached are checked in this process or, for more than a handful, in a pool of
worker processes. Results come back in input order whatever the number of jobs.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace

from .cache import ResultCache, cache_key
from .config import ConfigError
from .runner import Engine, FileResult, RunOptions, discover
from .source import InputError

# fewer files than this per job are checked in this process: a pool would cost more than it saves
FILES_PER_JOB = 8
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
) -> list[FileResult]:
    """Check files and directories; one FileResult per file, in input order."""
    items = discover(paths)
    results: list[FileResult | None] = [None] * len(items)
    todo: list[tuple[int, str, str, str, str | None]] = []  # index, lookup, text, display, key
    for index, item in enumerate(items):
        if isinstance(item, FileResult):
            results[index] = item
            continue
        try:
            lookup, text, config = engine.read(item)
        except (InputError, ConfigError) as error:
            results[index] = FileResult(item, error=str(error))
            continue
        key = None
        if cache is not None:
            rule_ids = [rule.id for rule in engine.active_rules(config, lookup)]
            settings = f"{config.fingerprint()}|published={engine.options.published}"
            key = cache_key(text, lookup, settings, rule_ids)
            cached = cache.get(key, item)
            if cached is not None:
                results[index] = FileResult(item, cached, None, text)
                continue
        todo.append((index, lookup, text, item, key))

    jobs = jobs or default_jobs()
    workers = min(jobs, len(todo) // FILES_PER_JOB)
    checked = _check_in_pool(engine.options, todo, workers) if workers > 1 else (
        engine.check_text(lookup, text, engine.config_for(lookup), display)
        for _index, lookup, text, display, _key in todo
    )
    if progress and len(todo) >= PROGRESS_FROM and sys.stderr.isatty():
        checked = _with_progress_bar(checked, len(todo))
    for (index, _lookup, text, _display, key), result in zip(todo, checked):
        result.text = text
        results[index] = result
        if cache is not None and key is not None and result.error is None:
            cache.put(key, result.diagnostics)
    if cache is not None:
        cache.flush()
    return results  # type: ignore[return-value]


def _check_in_pool(options: RunOptions, todo: list, workers: int):
    import multiprocessing

    tasks = [(lookup, text, display) for _index, lookup, text, display, _key in todo]
    chunksize = max(1, min(64, len(tasks) // (workers * 8)))
    with multiprocessing.Pool(workers, initializer=_start_worker, initargs=(options,)) as pool:
        yield from pool.imap(_check_in_worker, tasks, chunksize)


def _start_worker(options: RunOptions) -> None:
    global _worker_engine
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
