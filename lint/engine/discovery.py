"""Which files a run checks: the paths given, with directories expanded into their articles."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator

from newslint.article.formats import BINARY, DATA_FORMATS, FORMATS, SUFFIXES, format_of, unknown_format
from newslint.article.formats import is_binary as is_binary  # for the layers that may not import article
from newslint.engine.finding import FileResult
from newslint.engine.selection import Selection, never_an_article
from newslint.engine.source import InputError, NotAnArticle, file_kind, read_file, reason

ARTICLE_SUFFIXES = SUFFIXES
#: the suffixes of the formats whose files are text, not bytes (.docx): what an editor's document
#: or a request's article can be
TEXT_SUFFIXES = tuple(suffix for name, suffixes in FORMATS.items() if name not in BINARY for suffix in suffixes)
#: the suffixes of the formats whose files are bytes (.docx)
BINARY_SUFFIXES = tuple(suffix for name, suffixes in FORMATS.items() if name in BINARY for suffix in suffixes)
SKIPPED_DIRECTORIES = frozenset(
    "node_modules __pycache__ build dist venv env site-packages _build htmlcov".split()
)
STDIN = "-"


def discover(paths: list[str], notice: Callable[[str, str], None] | None = None,
             selection: Selection | None = None) -> list[FileResult | str]:
    """Expand the given paths into article files, in order; problems become FileResults.

    A directory's walk skips what is not a regular file (a named pipe called `x.txt`, a socket),
    telling `notice(path, why)`, and what the `selection` leaves out (see `newslint.engine.selection`);
    a folder it cannot read is an error of that folder. A path given by name is taken as it is
    (unless the selection is forced on it): reading it says what is wrong with it.
    """
    found: list[FileResult | str] = []
    for path in paths:
        if path == STDIN:
            found.append(path)
        elif selection is not None and not selection.takes_named(path):
            continue
        elif os.path.isdir(path):
            chosen = None if selection is None or selection.walks_whole(path) else selection
            files = list(_walk(path, notice, chosen, path))
            if files:
                found.extend(files)
            else:
                found.append(FileResult(path, error=f"no articles ({', '.join('*' + s for s in SUFFIXES)}) in this directory"))
        elif os.path.lexists(path) and (why := unknown_format(path)):
            found.append(FileResult(path, error=why))
        elif os.path.lexists(path):
            found.append(path)
        else:
            found.append(FileResult(path, error="no such file or directory"))
    return found


def _walk(directory: str, notice: Callable[[str, str], None] | None = None, selection: Selection | None = None,
          top: str = "") -> Iterator[str | FileResult]:
    """The articles in a directory and its folders, in order (as os.walk, top-down and sorted):
    the paths of the files, and a FileResult for each folder that cannot be read. `selection`
    chooses among them (`top`: the folder the walk began with)."""
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield FileResult(directory, error=f"cannot read this folder ({reason(error)})")
        return
    folders = []
    takes = selection.folder(directory, top) if selection is not None else None
    for entry in entries:
        if _is_folder(entry):
            if _walked(entry.name) and (takes is None or takes(entry.name, True)):
                folders.append(entry.path)
        elif is_article(entry.name) and (takes is None or takes(entry.name, False)):
            kind = _not_regular(entry)
            if kind is None:
                yield entry.path
            elif notice is not None:
                notice(entry.path, f"not a regular file ({kind})")
    for folder in folders:
        yield from _walk(folder, notice, selection, top)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _not_regular(entry: os.DirEntry) -> str | None:
    """What a directory entry is when it is not a regular file (nor a link to one), else None.

    A link that leads nowhere is taken as a file: reading it reports the broken link."""
    try:
        if entry.is_file():  # from the directory listing alone, for all but links
            return None
        info = entry.stat()
    except OSError:
        return None
    return None if stat.S_ISREG(info.st_mode) else file_kind(info.st_mode)


def _walked(folder: str) -> bool:
    """Whether a directory's walk goes into its subfolder `folder`."""
    return not folder.startswith(".") and folder not in SKIPPED_DIRECTORIES


def is_article(name: str) -> bool:
    """Whether a directory's walk takes the file `name` for an article (never `LICENSE.txt`, say:
    see `newslint.engine.selection.NOT_ARTICLES`)."""
    return name.endswith(ARTICLE_SUFFIXES) and not name.startswith(".") and not never_an_article(name)


def output_conflict(output: str, inputs: list[str]) -> str | None:
    """Why a report or baseline must not be written to `output`, or None: it is one of the inputs
    (by its real path, through links too), or a directory among the inputs would find it (now or,
    for a file not yet there, on the next run)."""
    target = os.path.realpath(output)
    for path in inputs:
        if path == STDIN:
            continue
        if os.path.isdir(path):
            if _would_find(os.path.realpath(path), target):
                return f"would be checked as an input (an article in {path})"
            found = (file for file in _walk(path) if isinstance(file, str) and _same_file(file, target))
            if (file := next(found, None)) is not None:
                return f"is one of the inputs ({file})"
        elif _same_file(path, target):
            return "is one of the inputs"
    return None


def _would_find(directory: str, target: str) -> bool:
    relative = os.path.relpath(target, directory)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return False
    *folders, name = relative.split(os.sep)
    return all(_walked(folder) for folder in folders) and is_article(name) and not _passed_over(target)


def _passed_over(target: str) -> bool:
    """Whether the walk would pass over the file at `target`: of a format that is as often data as
    articles (JSON), and not there yet or holding no article — what newslint writes there (a JSON
    report, a baseline) is never taken for an article."""
    if format_of(target) not in DATA_FORMATS:
        return False
    if not os.path.exists(target):
        return True
    from newslint.article.model import parse_each

    try:
        parse_each(target, read_file(target))
    except NotAnArticle:
        return True
    except InputError:
        return False  # broken, but maybe an article: never overwritten
    return False


def _same_file(path: str, target: str) -> bool:
    """Whether `path` is the file at the real path `target` (a hard link to it too)."""
    if os.path.realpath(path) == target:
        return True
    try:
        return os.path.samefile(path, target)
    except OSError:
        return False
