"""Which of the files a directory's walk finds are checked: the configuration's `include` and
`exclude`, the `.gitignore` files, and the files that are never articles.

Patterns are gitignore patterns (through pathspec), matched against the path relative to the
configuration file's folder (`include`, `exclude`) or to the `.gitignore` file's folder. A walk
leaves out a folder that `exclude` or a `.gitignore` names, with all it holds, and a file that they
name, that `include` (when given) does not name, or whose name is one of NOT_ARTICLES. `.gitignore`
files count from the root of the git repository the walk is in (the folder holding `.git`; the
walked directory itself outside a repository) down to the file, deeper ones first, as git reads
them, with `.git/info/exclude` under the root's; a negated pattern (`!keep.txt`) takes a file back.
A line of a `.gitignore` that is no pattern (`[z-a]`) is passed over, as git does, with a notice
naming the file and the line; in the configuration, it is a configuration error (see `pattern_error`).

Files and folders named on the command line are checked as they are, unless the run forces the
selection on them too (`--force-exclude`, for hooks that are handed every staged file). A folder
named on the command line that is itself excluded is walked whole.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache

from newslint.engine.repository import repository_root

#: files named like these (any case, any ending) are never articles, even as .txt or .md
NOT_ARTICLES = (
    "license", "licence", "copying", "notice", "readme", "changelog", "changes", "history",
    "contributing", "authors", "code_of_conduct", "security", "requirements", "constraints",
    "robots", "cmakelists",
)


#: the names of NOT_ARTICLES that also come with a suffix: `requirements-dev.txt`, `LICENSE-MIT.txt`
_WITH_SUFFIX = ("requirements", "constraints", "license", "licence")


def never_an_article(name: str) -> bool:
    """Whether a file name is one of NOT_ARTICLES (`LICENSE.txt`, `README.de.md`, `requirements-dev.txt`)."""
    stem = name.lower().split(".", 1)[0]
    return stem in NOT_ARTICLES or stem.replace("-", "_").split("_", 1)[0] in _WITH_SUFFIX


@lru_cache(maxsize=256)
def compile_patterns(patterns: tuple[str, ...]):
    """The gitignore-style patterns as one pathspec GitIgnoreSpec. Raises ValueError naming the
    first pattern that is not one (see `pattern_error`)."""
    import pathspec

    try:
        return pathspec.GitIgnoreSpec.from_lines(patterns)
    except (ValueError, re.error):
        raise ValueError(next(filter(None, map(pattern_error, patterns)), "not gitignore patterns")) from None


def pattern_error(pattern: str) -> str | None:
    """What is wrong with a gitignore pattern (`'[z-a]' is not a gitignore pattern (bad character
    range z-a)`), or None when it is one."""
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines((pattern,))
    except re.error as error:  # a character range or class that cannot be matched
        return f"'{pattern}' is not a gitignore pattern ({error.msg})"
    except ValueError:
        return f"'{pattern}' is not a gitignore pattern"
    return None


def _readable_patterns(lines: tuple[str, ...], path: str, notice: Callable[[str, str], None] | None):
    """A .gitignore's patterns, compiled; git passes over a line it cannot read as one, and so do
    we, telling `notice(where, why)` of each (`where`: the file and the line's number)."""
    try:
        return compile_patterns(lines)
    except ValueError:
        readable = []
        for number, line in enumerate(lines, 1):
            if (why := pattern_error(line)) is None:
                readable.append(line)
            elif notice is not None:
                notice(f"{path}:{number}", why)
        return compile_patterns(tuple(readable))


class Selection:
    """The walk's choice of files; `config_for(path)` gives the configuration of a file.

    What decides is worked out once per folder (`folder`): its configuration's patterns and its
    chain of .gitignore files, each with the folder's path relative to where the patterns count;
    each entry of the folder is then one match per pattern set."""

    def __init__(self, config_for: Callable, gitignore: bool = True, force: bool = False,
                 notice: Callable[[str, str], None] | None = None) -> None:
        self._config_for = config_for
        self._notice = notice  # hears of the .gitignore lines that are no patterns
        self.gitignore = gitignore
        self.force = force
        self._specs: dict[str, list] = {}  # folder: its .gitignore (and info/exclude), compiled
        self._roots: dict[str, str] = {}  # folder: the root of its repository, or "" outside one

    def folder(self, directory: str, top: str) -> Callable[[str, bool], bool] | None:
        """Whether the walk of the folder `top` takes an entry of `directory`: a test of the
        entry's name and whether it is a folder; None when it takes every entry."""
        config = self._config(os.path.join(directory, "x"))
        include = exclude = None
        prefix = ""
        if config is not None and (config.include is not None or config.exclude):
            from newslint.engine.config import relative_path

            relative = relative_path(directory, config.root)
            if not os.path.isabs(relative):  # patterns count below their configuration only
                prefix = "" if relative == "." else relative + "/"
                include = compile_patterns(config.include) if config.include is not None else None
                exclude = compile_patterns(config.exclude) if config.exclude else None
        chain = self._chain(os.path.abspath(directory), os.path.abspath(top)) if self.gitignore else []
        if include is None and exclude is None and not chain:
            return None

        def takes(name: str, is_folder: bool) -> bool:
            slash = "/" if is_folder else ""
            if exclude is not None and exclude.match_file(prefix + name + slash):
                return False
            for spec, where in chain:
                ignored = spec.check_file(where + name + slash).include
                if ignored is not None:
                    if ignored:
                        return False
                    break
            return is_folder or include is None or include.match_file(prefix + name)

        return takes

    def takes_named(self, path: str) -> bool:
        """Whether a file named on the command line is checked: always, unless the selection is forced."""
        if not self.force or os.path.isdir(path):
            return True
        directory, name = os.path.split(path)
        takes = self.folder(directory or ".", directory or ".")
        return not never_an_article(name) and (takes is None or takes(name, False))

    def walks_whole(self, directory: str) -> bool:
        """Whether a folder named on the command line is walked without `include`, `exclude` and
        .gitignore (it is excluded itself: naming it says to check it)."""
        parent, name = os.path.split(os.path.abspath(directory))
        takes = self.folder(parent, parent) if name else None
        return takes is not None and not takes(name, True)

    def _config(self, path: str):
        from newslint.engine.config import ConfigError

        try:
            return self._config_for(path)
        except ConfigError:
            return None  # reading the file reports the configuration's error

    def _chain(self, directory: str, top: str) -> list:
        """The .gitignore files that count in `directory` (absolute), deepest first, each with the
        path of `directory` relative to its folder: up to the repository's root, or to the walk's
        folder `top` outside a repository."""
        root = self._root(directory, top)
        chain = []
        current, where = directory, ""
        while True:
            chain.extend((spec, where) for spec in self._spec(current, root))
            if current == root:
                return chain
            parent = os.path.dirname(current)
            if parent == current:
                return chain
            where = os.path.basename(current) + "/" + where
            current = parent

    def _spec(self, directory: str, root: str) -> list:
        """The compiled .gitignore of a folder (and the repository's info/exclude at its root)."""
        if directory not in self._specs:
            found = []
            names = [".gitignore"] + ([os.path.join(".git", "info", "exclude")] if directory == root else [])
            for name in names:
                try:
                    with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as handle:
                        lines = handle.read().splitlines()
                except OSError:
                    continue
                from newslint.engine.config import relative_path

                shown = relative_path(os.path.join(directory, name), os.getcwd())
                found.append(_readable_patterns(tuple(lines), shown, self._notice))
            self._specs[directory] = found
        return self._specs[directory]

    def _root(self, directory: str, top: str) -> str:
        """The root of the git repository that holds `directory`, or `top` outside any repository."""
        if directory not in self._roots:
            self._roots[directory] = repository_root(directory) or ""
        return self._roots[directory] or top
