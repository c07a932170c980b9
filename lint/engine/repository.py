"""The git repository a path is in: the nearest folder, from the path up, that holds `.git` (a
folder, or the file of a worktree or submodule). What newslint keeps per project (the result cache,
the notices it said) lives there, and `.gitignore` files count from there down."""

from __future__ import annotations

import os


def repository_root(start: str) -> str | None:
    """The absolute path of the root of the git repository that holds the folder `start`, or None."""
    current = os.path.abspath(start)
    while not os.path.exists(os.path.join(current, ".git")):
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent
    return current


def project_folder(start: str = ".") -> str:
    """Where newslint keeps what it remembers for the project it runs in (`start`: the current
    folder): the root of its git repository; outside a repository, `start` itself."""
    return repository_root(start) or start
