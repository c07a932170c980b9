"""The command line: click commands only, one module per command (`newslint check`, `quotes`,
`rules`, `explain`, `audit`), each imported when it runs.

What the commands share is here: exit codes, failing with a message, rule lists, writing a report.
Exit codes: 0 when no finding reaches --fail-on, 1 when one does, 2 for a usage, configuration or
input error (the message on stderr names the file and what is wrong). Nothing imports the CLI.
"""

from __future__ import annotations

import sys

import click
from newslint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def rule_ids(value: str | None) -> tuple[str, ...] | None:
    """The rule ids of a comma-separated option value (None when the option is not given)."""
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def fail(message: str) -> None:
    """Say what is wrong on stderr and exit with 2."""
    click.echo(f"newslint: {message}", err=True)
    sys.exit(EXIT_ERROR)


def emit(report: str, output: str | None, color: bool = False) -> None:
    """Write a report to the --output file, or to standard output."""
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(report)
        except OSError as error:
            fail(f"{output}: cannot write the report ({error.strerror or error})")
    else:
        click.echo(report, nl=False, color=color)


class _LazyGroup(click.Group):
    """A group whose commands are imported only when they run (or help lists them)."""

    commands_in = {  # command name: the module that defines it, and its function there
        "check": ("newslint.cli.check", "check"),
        "quotes": ("newslint.cli.quotes", "quotes"),
        "rules": ("newslint.cli.rules", "list_rules"),
        "explain": ("newslint.cli.rules", "explain"),
        "audit": ("newslint.cli.audit", "audit"),
    }

    def list_commands(self, ctx):
        return sorted(self.commands_in)

    def get_command(self, ctx, name):
        if name not in self.commands_in:
            return None
        import importlib

        module, function = self.commands_in[name]
        return getattr(importlib.import_module(module), function)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="newslint", message="%(prog)s %(version)s")
def main() -> None:
    """newslint: an editorial and data-quality linter for news articles."""
