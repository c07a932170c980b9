"""`--format text`: one line per finding, `path:line:col: rule [severity] message`, and a summary.

A finding with a fix is marked after its severity: `[*]` when `--fix` fixes it, `[~]` when only
`--fix --unsafe-fixes` does. The summary says how many `--fix` fixed (in a run that fixed) and how
many `--fix` and `--unsafe-fixes` would fix of what remains.
"""

from __future__ import annotations

from collections import Counter

import click
from newslint.reports import counts

_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}
MARKS = {"safe": " [*]", "unsafe": " [~]"}


def render(results: list, color: bool = False) -> str:
    lines = []
    severities: Counter[str] = Counter()
    fixes: Counter[str] = Counter()
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
            mark = ""
            if d.fix is not None:
                fixes[d.fix.applicability] += 1
                mark = MARKS[d.fix.applicability]
            lines.append(f"{location} {d.rule} {severity}{mark} {d.message}")
    files, findings = counts(results)
    fixed = [result.fixed for result in results if result.fixed]
    if fixed:
        lines.append(f"Fixed {_count(sum(fixed), 'finding')} in {_count(len(fixed), 'file')}.")
    lines.append(summary(files, findings, files_with_findings, severities))
    hint = fix_hint(fixes["safe"], fixes["unsafe"])
    if hint:
        lines.append(hint)
    return "\n".join(lines) + "\n"


def fix_hint(safe: int, unsafe: int) -> str:
    """How many findings `--fix` would fix, and how many more with `--unsafe-fixes` ('' for none)."""
    if safe and unsafe:
        return f"[*] {safe} fixable with --fix; [~] {unsafe} more with --fix --unsafe-fixes."
    if safe:
        return f"[*] {safe} fixable with --fix."
    if unsafe:
        return f"[~] {unsafe} fixable with --fix --unsafe-fixes."
    return ""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


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
