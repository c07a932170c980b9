"""Vocabularies, as in Vale: `accept.txt` and `reject.txt`, one term or pattern a line.

A vocabulary `Name` is the folder `<StylesPath>/config/vocabularies/Name/` (Vale 3) or
`<StylesPath>/Vocab/Name/` (earlier Vale). Entries are patterns, case-sensitive unless they
start with `(?i)`; empty lines and lines starting with `#` are skipped.

- Accepted terms are exceptions of every style rule (unless it says `vocab: false`), are never
  reported by `spelling-consistency` nor by the `grammar` rule's spelling checks, and — with the
  `Vale` style — `Vale.Terms` flags them written in another case ("Mongodb" for "MongoDB").
- Rejected terms are always reported, by the rule `Vale.Avoid`.
"""

from __future__ import annotations

import os

from newslint.engine.finding import RuleError
from newslint.styles.patterns import Deadline, Exceptions
from newslint.styles.rule_file import StyleError

#: how long the accepted terms may take to judge one term: a word or two, never near it
ACCEPT_SECONDS = 1.0

FOLDERS = (os.path.join("config", "vocabularies"), "Vocab")


class Vocabulary:
    """The accepted and rejected terms of the configured vocabularies, and the files they came from."""

    def __init__(self, accepted: list[str], rejected: list[str], files: dict[str, bytes]) -> None:
        self.accepted = tuple(dict.fromkeys(accepted))
        self.rejected = tuple(dict.fromkeys(rejected))
        self.files = files
        self.exceptions = Exceptions(list(self.accepted), "vocabulary: accept.txt")

    def accepts(self, term: str) -> bool:
        """Whether `term` holds an accepted term, as a word (Vale's exceptions). RuleError when a
        pattern of the list takes longer than `ACCEPT_SECONDS` on it (it backtracks without end)."""
        try:
            return self.exceptions.hold(term, Deadline(ACCEPT_SECONDS))
        except TimeoutError:
            raise RuleError(f"vocabulary: accept.txt: a pattern took longer than {ACCEPT_SECONDS:g} s on "
                            f"'{term[:40]}' and was stopped; simplify it (it may backtrack without end)") from None


def read_vocabularies(names: list[str], search: list[str]) -> tuple[Vocabulary, list[str]]:
    """The vocabularies `names`, looked up in the `search` folders (StylesPaths); and the errors:
    a vocabulary that is not there, a file that is not UTF-8 or holds an invalid pattern."""
    accepted: list[str] = []
    rejected: list[str] = []
    files: dict[str, bytes] = {}
    errors: list[str] = []
    for name in names:
        folder = next((os.path.join(base, sub, name) for base in search for sub in FOLDERS
                       if os.path.isdir(os.path.join(base, sub, name))), None)
        if folder is None:
            where = ", ".join(os.path.join(base, FOLDERS[0]) for base in search) or "no styles-path"
            errors.append(f"vocabulary '{name}' not found (looked in {where})")
            continue
        for kind, terms in (("accept.txt", accepted), ("reject.txt", rejected)):
            path = os.path.join(folder, kind)
            if not os.path.isfile(path):
                continue
            try:
                terms += _entries(path, files)
            except StyleError as error:
                errors.append(str(error))
    return Vocabulary(accepted, rejected, files), errors


def _entries(path: str, files: dict[str, bytes]) -> list[str]:
    from newslint.styles.patterns import compile_pattern

    try:
        with open(path, "rb") as handle:
            source = handle.read()
    except OSError as error:
        raise StyleError(f"{path}: cannot be read ({error.strerror or error})") from None
    files[path] = source
    try:
        text = source.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StyleError(f"{path}: not UTF-8 ({error.reason} at byte {error.start}); save it as UTF-8") from None
    numbered = [(number, line.strip()) for number, line in enumerate(text.splitlines(), 1)]
    numbered = [(number, entry) for number, entry in numbered if entry and not entry.startswith("#")]
    entries = [entry for _number, entry in numbered]
    try:
        Exceptions(entries, path)  # all in one pattern: quick
    except StyleError:
        for number, entry in numbered:  # name the line that is wrong
            compile_pattern(entry[4:] if entry.startswith("(?i)") else entry, False, f"{path}:{number}")
        raise
    return entries
