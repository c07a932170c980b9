"""What rules report, and what the engine makes of it: findings placed in files, and each file's result.

A finding may carry a fix: one or more edits (character offsets into the article's text, as the
finding's own, and the text to put there) and whether applying them is `safe` (the meaning stays:
`newslint check --fix` applies it) or `unsafe` (it may change what the article says, so only
`--unsafe-fixes` applies it). A suggestion that is not an exact replacement stays a suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

SEVERITIES = ("error", "warning", "info")
APPLICABILITIES = ("safe", "unsafe")


class RuleError(Exception):
    """A rule could not judge this article (a service it needs failed, say); the message says why.

    The engine reports it as an error of the file, keeps the other rules' findings and goes on.
    """


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text from `start` to `end` (character offsets; equal ones insert) by `replacement`."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class PlacedEdit(Edit):
    """An edit placed in its file: 1-based lines and columns, as a Diagnostic's."""

    line: int
    column: int
    end_line: int
    end_column: int

    def as_json(self) -> dict:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that put a finding right, applied all together or not at all.

    `applicability` is "safe" (the meaning of the article stays) or "unsafe" (it may change what
    the article says: only the writer knows). The edits lie inside the finding's span, in order,
    without overlapping; the engine drops a fix that breaks this.
    """

    applicability: str
    edits: tuple[Edit, ...]

    @classmethod
    def safe(cls, *edits: Edit) -> Fix:
        return cls("safe", edits)

    @classmethod
    def unsafe(cls, *edits: Edit) -> Fix:
        return cls("unsafe", edits)

    def applies(self, unsafe: bool) -> bool:
        """Whether a run applies this fix: safe ones always, unsafe ones with `--unsafe-fixes`."""
        return unsafe or self.applicability == "safe"

    def as_json(self) -> dict:
        return {"applicability": self.applicability, "edits": [edit.as_json() for edit in self.edits]}


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's judgement on a span of the article: character offsets into the file's text.

    `end` points just past the last character. `suggestion` is the text to write instead, if the
    rule knows it; `fix` the edits that put it right, if they are certain enough to apply.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding placed in a file: what every report format prints.

    Lines and columns are 1-based and count Unicode characters; `end_line`/`end_column` point just
    past the last character, as in SARIF. `start`/`end` keep the character offsets. `fix` holds
    PlacedEdits.
    """

    path: str
    rule: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    suggestion: str | None
    start: int
    end: int
    fix: Fix | None = None

    def sort_key(self) -> tuple:
        return (self.line, self.column, self.end_line, self.end_column, self.rule, self.message)

    def as_json(self) -> dict:
        return {
            "path": self.path,
            "rule": self.rule,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "suggestion": self.suggestion,
            **({"fix": self.fix.as_json()} if self.fix is not None else {}),
        }


@dataclass
class FileResult:
    """The outcome for one file: its findings, or the error that kept it from being checked.

    `text` is the article's text as read (None when it could not be read), for the reports that
    show the article or fingerprint its findings. `fixed` counts the findings that `--fix` put
    right in this file (None when the run did not fix). `partial`: the file was checked, but some
    rule failed on it (`error` says which); the other rules' findings are there. `not_article`:
    the error is that the file holds no article (see `newslint.engine.source.NotAnArticle`).
    """

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    text: str | None = None
    fixed: int | None = None
    partial: bool = False
    not_article: bool = False

    def named(self, path: str) -> FileResult:
        """The same result under another path (its findings' too)."""
        return replace(self, path=path, diagnostics=[replace(d, path=path) for d in self.diagnostics])

    @property
    def checked(self) -> bool:
        """Whether the rules ran on the file (all of them, or all but the ones that failed)."""
        return self.error is None or self.partial
