"""Findings as the protocol's diagnostics: range in UTF-16 positions, severity, the rule id as
code with a link to its documentation, and the finding's message."""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types

from newslint.engine.finding import Diagnostic, FileResult
from newslint.engine.lines import line_span
from newslint.lsp.positions import Positions

SOURCE = "newslint"
#: the code of a diagnostic that says why an article could not be read
INPUT_ERROR = "input-error"
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def to_protocol(finding: Diagnostic, positions: Positions, link: str | None) -> types.Diagnostic:
    """One finding as a diagnostic."""
    return types.Diagnostic(
        range=positions.range(finding.start, finding.end),
        message=finding.message,
        severity=SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
    )


def published(result: FileResult, positions: Positions,
              link: Callable[[str], str | None]) -> list[types.Diagnostic]:
    """A file's findings as diagnostics; an article that could not be read gets one diagnostic
    on its first line saying why (a rule that failed is not the article's fault: not shown here)."""
    found = [to_protocol(finding, positions, link(finding.rule)) for finding in result.diagnostics]
    if result.error is not None and not result.partial:
        first_line = positions.range(*line_span(positions.text, 0))
        found.insert(0, types.Diagnostic(range=first_line, message=result.error,
                                         severity=types.DiagnosticSeverity.Error, code=INPUT_ERROR, source=SOURCE))
    return found
