"""Checking many articles: the result cache, a process pool and a progress bar.

Files are read in the main process (so the cache can be asked before any work is done); the
articles that are not cached are checked in this process or, for more than a handful, in a pool of
worker processes. Results come back in input order whatever the number of jobs.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from itertools import chain, islice

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
    settings_of: dict[int, str] = {}  # id of a configuration: what of it decides the findings
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
            if id(config) not in settings_of:
                settings_of[id(config)] = f"{config.fingerprint()}|published={engine.options.published}"
            settings = settings_of[id(config)]
            key = cache_key(text, lookup, settings, rule_ids)
            cached = cache.get(key, item)
            if cached is not None:
                results[index] = FileResult(item, cached, None, text)
                continue
        todo.append((index, lookup, text, item, key))

    jobs = jobs or default_jobs()
    workers = min(jobs, len(todo) // FILES_PER_JOB)
    checked = (
        engine.check_text(lookup, text, engine.config_for(lookup), display)
        for _index, lookup, text, display, _key in todo
    )
    if workers > 1:
        # the first files are checked here, so that what the rules load on first use (modules,
        # word lists) is loaded once, before the workers are forked with a copy of it
        pooled = _check_in_pool(engine, todo[FILES_PER_JOB:], workers)
        checked = chain(islice(checked, FILES_PER_JOB), pooled)
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
