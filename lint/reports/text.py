"""`--format text`: one line per finding, `path:line:col: rule [severity] message`, and a summary.

A finding with a fix is marked after its severity: `[*]` when `--fix` fixes it, `[~]` when only
`--fix --unsafe-fixes` does. The summary says how many `--fix` fixed (in a run that fixed) and how
many `--fix` and `--unsafe-fixes` would fix of what remains.
"""

from __future__ import annotations

from collections import Counter

import click
from newslint.reports import Tally, printable, rendered

_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}
MARKS = {"safe": " [*]", "unsafe": " [~]"}


def write(results, out, color: bool = False) -> None:
    tally = Tally()
    for result in tally.counting(results):
        for d in result.diagnostics:
            location = f"{printable(d.path)}:{d.line}:{d.column}:"
            severity = f"[{d.severity}]"
            if color:
                location = click.style(location, bold=True)
                severity = click.style(severity, fg=_COLORS[d.severity])
            mark = MARKS[d.fix.applicability] if d.fix is not None else ""
            out.write(f"{location} {d.rule} {severity}{mark} {printable(d.message)}\n")
    if tally.fixed:
        out.write(f"Fixed {_count(tally.fixed, 'finding')} in {_count(tally.fixed_files, 'file')}.\n")
    out.write(summary(tally.files, tally.findings, tally.files_with_findings, tally.severities) + "\n")
    hint = fix_hint(tally.fixes["safe"], tally.fixes["unsafe"])
    if hint:
        out.write(hint + "\n")


def render(results: list, color: bool = False) -> str:
    return rendered(write, results, color)


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
