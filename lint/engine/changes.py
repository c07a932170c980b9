"""Findings on changed lines only (`--changed-since REF`), for CI on large archives.

An article is still checked whole (a name's spelling is judged against the whole article), but only
the findings that touch a line added or changed since the git commit REF are reported: the lines
`git diff REF` adds to the file as it is now (committed, staged or not). A file git does not track
(a new article) has every line changed, and so does a changed binary file (a .docx: git cannot say
which paragraphs changed); a tracked file that the diff does not name, none. Renamed
files are followed (`git diff -M`). Standard input has no history: all of its lines count.

Git is asked once per repository: `git diff` for the changed lines, `git ls-files` for the tracked
files. What cannot be asked is a ChangesError (a REF that is no commit, git missing) or, for one
file, its error (a file outside any git repository).
"""

from __future__ import annotations

import codecs
import os
import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import replace

from newslint.engine.discovery import STDIN
from newslint.engine.finding import FileResult

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
ALL = None  # every line of a file counts as changed


class ChangesError(Exception):
    """The changes since REF cannot be known (the message says why)."""


class _Repository:
    """What git says of one repository: the lines changed since REF per file, and the tracked files."""

    def __init__(self, top: str, ref: str) -> None:
        self.top = top
        try:
            _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        except ChangesError:
            raise ChangesError(f"--changed-since: '{ref}' is not a commit of the repository {top}") from None
        diff = _git(top, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
                    "-M", "--unified=0", ref, "--")
        self.changed = _added_lines(diff)
        self.tracked = set(_git(top, "ls-files", "-z").split("\0"))

    def lines(self, path: str) -> set[int] | None:
        relative = os.path.relpath(os.path.realpath(path), self.top).replace(os.sep, "/")
        if relative in self.changed:
            return self.changed[relative]
        return set() if relative in self.tracked else ALL


class ChangedLines:
    """The lines changed since a git REF, per file, asked of git once per repository."""

    def __init__(self, ref: str) -> None:
        if not ref or ref.startswith("-"):
            raise ChangesError(f"--changed-since: '{ref}' is not a git revision")
        self.ref = ref
        self._tops: dict[str, str | None] = {}  # folder: the root of its repository (None: none)
        self._repositories: dict[str, _Repository] = {}

    def verify(self, path: str) -> None:
        """Ask git about the repository of `path` now (nothing when it is in none): a REF that is no
        commit there is a ChangesError before the run begins."""
        if path != STDIN:
            folder = path if os.path.isdir(path) else os.path.dirname(path) or "."
            if self._top(os.path.realpath(folder)) is not None:
                self.lines(os.path.join(folder, "x"))

    def lines(self, path: str) -> set[int] | None:
        """The changed lines of the file at `path` (ALL: every line). Raises ChangesError for a
        file outside a git repository."""
        if path == STDIN:
            return ALL
        top = self._top(os.path.dirname(os.path.realpath(path)))
        if top is None:
            raise ChangesError("not in a git repository, so --changed-since cannot tell its changed lines")
        if top not in self._repositories:
            self._repositories[top] = _Repository(top, self.ref)
        return self._repositories[top].lines(path)

    def _top(self, folder: str) -> str | None:
        """The root of the repository that holds `folder` (a real path), or None."""
        if folder not in self._tops:
            try:
                self._tops[folder] = os.path.realpath(_git(folder, "rev-parse", "--show-toplevel").strip())
            except ChangesError:
                self._tops[folder] = None
        return self._tops[folder]

    def only_changed(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        """The results with only the findings that touch a changed line; a file that git cannot
        tell about becomes an error of its own."""
        for result in results:
            if result.error is not None and not result.partial or not result.diagnostics:
                yield result
                continue
            try:
                lines = self.lines(result.path)
            except ChangesError as error:
                yield FileResult(result.path, error=str(error))
                continue
            if lines is ALL:
                yield result
                continue
            kept = [d for d in result.diagnostics if any(n in lines for n in range(d.line, d.end_line + 1))]
            yield replace(result, diagnostics=kept)


def _added_lines(diff: str) -> dict[str, set[int] | None]:
    """Per file (its path in the repository as it is now): the lines a `git diff -U0` adds; ALL for
    a binary file (.docx) that changed."""
    found: dict[str, set[int] | None] = {}
    lines: set[int] | None = None
    for part in re.split(r"^diff --git ", diff, flags=re.MULTILINE)[1:]:
        target = re.search(r"^\+\+\+ (.*)$", part, re.MULTILINE)
        binary = re.search(r"^Binary files .* and (.*) differ$", part, re.MULTILINE) if target is None else None
        if binary is not None and binary.group(1) != "/dev/null":  # which paragraphs changed git cannot say
            found[_unquoted(binary.group(1))[2:]] = ALL
            continue
        if target is None or target.group(1) == "/dev/null":
            continue  # deleted, or nothing but a mode or a rename without change
        name = target.group(1).removesuffix("\t")  # git ends a name with a space in it by a tab
        lines = found.setdefault(_unquoted(name)[2:], set())  # "b/…"
        for hunk in _HUNK.finditer(part):
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            lines.update(range(start, start + count))
    return found


def _unquoted(name: str) -> str:
    """A path as git writes it in a diff: C-quoted when it holds special characters."""
    if not name.startswith('"'):
        return name
    raw = codecs.escape_decode(name[1:-1].encode("utf-8"))[0]
    return raw.decode("utf-8", "surrogateescape")


def _git(cwd: str, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=300,
                              env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except FileNotFoundError:
        raise ChangesError("--changed-since needs git, which is not installed") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ChangesError(f"--changed-since: git failed ({error})") from None
    if done.returncode:
        raise ChangesError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout.decode("utf-8", "surrogateescape")
