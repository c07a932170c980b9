"""What rules report, and what the engine makes of it: findings placed in files, and each file's result."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")


class RuleError(Exception):
    """A rule could not judge this article (a service it needs failed, say); the message says why.

    The engine reports it as an error of the file, keeps the other rules' findings and goes on.
    """


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's judgement on a span of the article: character offsets into the file's text.

    `end` points just past the last character. `suggestion` is the text to write instead, if the
    rule knows it.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding placed in a file: what every report format prints.

    Lines and columns are 1-based and count Unicode characters; `end_line`/`end_column` point just
    past the last character, as in SARIF. `start`/`end` keep the character offsets.
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
        }


@dataclass
class FileResult:
    """The outcome for one file: its findings, or the error that kept it from being checked.

    `text` is the article's text as read (None when it could not be read), for the reports that
    show the article or fingerprint its findings.
    """

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    text: str | None = None
