"""What an audit reads: article files and JSON Lines exports, cut into tasks.

A task is a small description of work — a few hundred article paths, or a range of lines of an
export — so that only descriptions travel to the workers, never the articles; the workers read
the inputs themselves (on a cluster the paths must therefore be reachable from every worker).
Paths stay as given, for the report; a task also carries the directory they are relative to, so
a worker anywhere opens the same files. Every article has a sequence number in input order, which keeps examples and errors in the same
order however the work is spread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from newslint.article.formats import FORMATS
from newslint.engine.discovery import discover
from newslint.engine.finding import FileResult

JSONL_SUFFIXES = FORMATS["jsonl"]
DEFAULT_BATCH = 200


@dataclass(frozen=True)
class FileBatch:
    """Article files relative to `cwd`; the first has sequence number `seq`. `walked`: for each,
    whether a directory's walk found it (a file there that holds no article is passed over)."""

    seq: int
    paths: tuple[str, ...]
    cwd: str = ""
    walked: tuple[bool, ...] = ()

    @property
    def size(self) -> int:
        return len(self.paths)


@dataclass(frozen=True)
class LineRange:
    """Lines `first_line`… of a JSON Lines export, bytes `start` to `end`; the first has number `seq`."""

    seq: int
    path: str
    start: int
    end: int
    first_line: int
    size: int
    cwd: str = ""


@dataclass(frozen=True)
class Unreadable:
    """An input that could not be read at all: a missing path, an empty directory."""

    seq: int
    path: str
    message: str
    size: int = 1


def plan(paths: list[str], batch: int = DEFAULT_BATCH, notice=None) -> list[FileBatch | LineRange | Unreadable]:
    """The tasks of an audit of `paths` (files, directories, exports), in input order; `notice` as
    for `discover`. An export found in a directory is read as an export; each export is read once."""
    tasks: list = []
    seq = 0
    files: list[tuple[str, bool]] = []  # (path, whether a directory's walk found it)
    cwd = os.getcwd()

    def flush() -> None:
        nonlocal seq, files
        for index in range(0, len(files), batch):
            chunk = files[index : index + batch]
            tasks.append(FileBatch(seq, tuple(path for path, _walked in chunk), cwd,
                                   tuple(walked for _path, walked in chunk)))
            seq += len(chunk)
        files = []

    exports: set[str] = set()  # each export once, whether named or found in a folder

    def export(path: str) -> None:
        nonlocal seq
        if os.path.realpath(path) in exports:
            return
        exports.add(os.path.realpath(path))
        flush()
        try:
            ranges = list(line_ranges(path, batch))
        except OSError as error:
            tasks.append(Unreadable(seq, path, error.strerror or str(error)))
            seq += 1
            return
        for start, end, first_line, size in ranges:
            tasks.append(LineRange(seq, path, start, end, first_line, size, cwd))
            seq += size
        if not ranges:
            tasks.append(Unreadable(seq, path, "empty export, no articles"))
            seq += 1

    for path in paths:
        if path.lower().endswith(JSONL_SUFFIXES) and os.path.isfile(path):
            export(path)
            continue
        for item in discover([path], notice):
            if isinstance(item, FileResult):
                flush()
                tasks.append(Unreadable(seq, item.path, item.error or "cannot be read"))
                seq += 1
            elif item.lower().endswith(JSONL_SUFFIXES):  # an export in a folder
                export(item)
            else:
                files.append((item, item != path))
    flush()
    return tasks


def line_ranges(path: str, batch: int):
    """(start byte, end byte, first line number, lines) of every `batch` lines of a file."""
    with open(path, "rb") as handle:
        start = position = 0
        first_line = 1
        count = 0
        for line in handle:
            position += len(line)
            count += 1
            if count == batch:
                yield start, position, first_line, count
                start, first_line, count = position, first_line + count, 0
        if count:
            yield start, position, first_line, count


def read_lines(task: LineRange):
    """(line number, bytes) of the lines of a range."""
    with open(os.path.join(task.cwd, task.path), "rb") as handle:
        handle.seek(task.start)
        data = handle.read(task.end - task.start)
    for number, line in enumerate(data.split(b"\n")[: task.size], start=task.first_line):
        yield number, line
