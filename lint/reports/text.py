"""`--format text`: one line per finding, `path:line:col: rule [severity] message`, and a summary."""

from __future__ import annotations

from collections import Counter

import click
from newslint.reports import counts

_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


def render(results: list, color: bool = False) -> str:
    lines = []
    severities: Counter[str] = Counter()
    files_with_findings = 0
    for result in results:
        if result.diagnostics:
            files_with_findings += 1
        for d in result.diagnostics:
            severities[d.severity] += 1
            location = f"{d.path}:{d.line}:{d.column}:"
            severity = f"[{d.severity}]"
            if color:
                location = click.style(location, bold=True)
                severity = click.style(severity, fg=_COLORS[d.severity])
            lines.append(f"{location} {d.rule} {severity} {d.message}")
    files, findings = counts(results)
    lines.append(summary(files, findings, files_with_findings, severities))
    return "\n".join(lines) + "\n"


def summary(files: int, findings: int, files_with_findings: int, severities: Counter) -> str:
    checked = f"{files} {'file' if files == 1 else 'files'} checked"
    if not findings:
        return f"No findings; {checked}."
    parts = ", ".join(
        f"{severities[s]} {s}{'' if severities[s] == 1 else 's'}"
        for s in ("error", "warning", "info")
        if severities[s]
    )
    noun = "finding" if findings == 1 else "findings"
    return f"Found {findings} {noun} ({parts}) in {files_with_findings} of {checked}."
