"""Which files a run checks: the paths given, with directories expanded into their articles."""

from __future__ import annotations

import os

from newslint.engine.finding import FileResult

ARTICLE_SUFFIXES = (".txt", ".md")
SKIPPED_DIRECTORIES = frozenset(
    "node_modules __pycache__ build dist venv env site-packages _build htmlcov".split()
)
STDIN = "-"


def discover(paths: list[str]) -> list[FileResult | str]:
    """Expand the given paths into article files, in order; problems become FileResults."""
    found: list[FileResult | str] = []
    for path in paths:
        if path == STDIN:
            found.append(path)
        elif os.path.isdir(path):
            files = list(_walk(path))
            if files:
                found.extend(files)
            else:
                found.append(FileResult(path, error="no articles (*.txt, *.md) in this directory"))
        elif os.path.exists(path):
            found.append(path)
        else:
            found.append(FileResult(path, error="no such file or directory"))
    return found


def _walk(directory: str):
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRECTORIES
        )
        for name in sorted(files):
            if name.endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                yield os.path.join(root, name)
