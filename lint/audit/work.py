"""The map step: audit the articles of one task into a Summary.

Runs in whatever process gets the task — this one, a pool worker or a Dask worker — and builds
its engine once per process.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newslint.audit import names
from newslint.audit.inputs import (
    DEFAULT_BATCH,
    FileBatch,
    LineRange,
    Unreadable,
    read_lines,
)
from newslint.audit.records import DEFAULT_FIELDS, FieldNames, RecordError, parse_record
from newslint.audit.summary import Summary
from newslint.engine.config import ConfigError
from newslint.engine.runner import Engine, RunOptions, run_rules
from newslint.engine.source import InputError, NotAnArticle

EXCERPT = 80
NO_NAMES = (Counter(), Counter())


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs besides the task: picklable and small."""

    run: RunOptions = RunOptions()
    fields: FieldNames = DEFAULT_FIELDS
    batch: int = DEFAULT_BATCH


@lru_cache(maxsize=4)
def engine_for(run: RunOptions) -> Engine:
    return Engine(run)


def audit_task(task, settings: Settings) -> Summary:
    """Audit the articles of a task (see `newslint.audit.inputs`)."""
    summary = Summary()
    engine = engine_for(settings.run)
    if isinstance(task, Unreadable):
        summary.add_error(task.seq, task.path, task.message)
    elif isinstance(task, FileBatch):
        for index, path in enumerate(task.paths):
            walked = bool(task.walked) and task.walked[index]
            _audit_file(engine, task.seq + index, path, os.path.join(task.cwd, path), summary, walked)
    elif isinstance(task, LineRange):
        _audit_lines(engine, task, settings, summary)
    else:
        raise TypeError(f"not an audit task: {task!r}")
    return summary


def _audit_file(engine: Engine, seq: int, path: str, source: str, summary: Summary, walked: bool = False) -> None:
    """Audit the file at `source`, reported as `path` (as given on the command line); one that a
    directory's walk found (`walked`) and that holds no article is passed over."""
    try:
        article, config = engine.article(source)
    except NotAnArticle as error:
        if not walked:
            summary.add_error(seq, path, str(error))
        return
    except (InputError, ConfigError) as error:
        summary.add_error(seq, path, str(error))
        return
    author = (article.meta.author or "").strip()
    _audit_article(engine, config, article, path, seq, (author,) if author else (), None, summary)


def _audit_lines(engine: Engine, task: LineRange, settings: Settings, summary: Summary) -> None:
    source = os.path.join(task.cwd, task.path)
    try:
        config = engine.config_for(source)
        lines = list(read_lines(task))
    except (OSError, ConfigError) as error:
        message = getattr(error, "strerror", None) or str(error)
        for index in range(task.size):
            summary.add_error(task.seq + index, f"{task.path}:{task.first_line + index}", message)
        return
    for index, (number, line) in enumerate(lines):
        location = f"{task.path}:{number}"
        if not line.strip():
            continue
        try:
            record = parse_record(line, settings.fields)
            article = engine.parse(source, record.text, config, record.published, record.lang, kind="plain")
        except (RecordError, InputError) as error:
            summary.add_error(task.seq + index, location, str(error))
            continue
        _audit_article(engine, config, article, location, task.seq + index, record.authors,
                       record, summary)


def _audit_article(engine, config, article, location, seq, authors, record, summary) -> None:
    """Lint an article and count it; `record` is the JSON Lines record it came from, if any."""
    rules = engine.active_rules(config, article.path)
    result = run_rules(article, rules, config, location)
    forms = names.name_counts(article) if names.enabled(engine, rules) else NO_NAMES
    text = article.text

    def details(diagnostic) -> dict:
        start, end = article.text_offset(diagnostic.start), article.text_offset(diagnostic.end)  # file to text
        snippet = text[start:end]
        if len(snippet) > EXCERPT:
            snippet = snippet[: EXCERPT - 1] + "…"
        block = article.block_at(start) or article.block_at(start - 1)
        found = {"excerpt": snippet, "block": block.kind if block else None}
        if record is not None:
            found["record"] = True
            if record.id is not None:
                found["id"] = record.id
        return found

    summary.add_article(seq, location, article.published, authors, result.diagnostics, forms, details)
    if result.error:
        summary.add_error(seq, location, result.error)
