"""The command line: click commands only, one module per command (`newslint check`, `quotes`,
`rules`, `explain`, `audit`, `serve`, `lsp`), each imported when it runs.

What the commands share is here: exit codes, messages on stderr (with control characters from
file names and articles written visibly), failing with a message, rule lists, writing a report.
Exit codes: 0 when no finding reaches --fail-on, 1 when one does, 2 for a usage, configuration or
input error (the message on stderr names the file and what is wrong), 130 when interrupted
(Ctrl-C, SIGINT), as shells expect. Nothing imports the CLI.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import click
from newslint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT


def rule_ids(values: str | tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The rule ids of a comma-separated option value, or of all the values of a repeated option
    (None when the option is not given)."""
    if values is None or values == ():
        return None
    values = (values,) if isinstance(values, str) else values
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def say(message: str) -> None:
    """A message on stderr: `newslint: message`, one line."""
    from newslint.reports import printable

    click.echo(f"newslint: {printable(message)}", err=True)


def fail(message: str) -> None:
    """Say what is wrong on stderr and exit with 2."""
    say(message)
    sys.exit(EXIT_ERROR)


def skipped(path: str, why: str) -> None:
    """Say on stderr that a file found in a directory is left out, and why."""
    say(f"{path}: skipped: {why}")


def refuse_inputs_as_outputs(paths, *outputs: str | None) -> None:
    """Exit with 2 before anything is written when a report or baseline would overwrite an input."""
    from newslint.engine.discovery import output_conflict

    for output in outputs:
        if output and (why := output_conflict(output, list(paths))):
            fail(f"{output}: {why}; write it elsewhere")


def emit(report: str, output: str | None, color: bool = False) -> None:
    """Write a report to the --output file, or to standard output."""
    with report_to(output, color) as out:
        out.write(report)


@contextmanager
def report_to(output: str | None, color: bool = False, err: bool = False) -> Iterator:
    """A stream to write a report to while the run goes on: the --output file, or standard output
    (standard error with `err`).

    The file is written beside its place under a temporary name and put in place when the report is
    complete, so a run that fails or is interrupted leaves the previous report as it was (a path that
    is not a regular file, such as /dev/stdout or a pipe, is written directly). A file that cannot
    be written is an error (exit 2), said before the run begins where possible."""
    if not output:
        out = _Echo(color, err)
        yield out
        out.flush()
        return
    temporary = None
    try:
        if os.path.exists(output) and not os.path.isfile(output):
            handle = open(output, "w", encoding="utf-8")
        else:
            import tempfile

            directory = os.path.dirname(os.path.abspath(output))
            descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(output)}.",
                                                     suffix=".part")
            os.fchmod(descriptor, _mode_for(output))
            handle = os.fdopen(descriptor, "w", encoding="utf-8")
    except OSError as error:
        fail(f"{output}: cannot write the report ({error.strerror or error})")
    try:
        with handle:
            yield _Written(handle, output)
        if temporary is not None:
            os.replace(temporary, output)
            temporary = None
    except OSError as error:
        fail(f"{output}: cannot write the report ({error.strerror or error})")
    finally:
        if temporary is not None:
            with suppress(OSError):
                os.remove(temporary)


def _mode_for(path: str) -> int:
    """The permissions of a report at `path`: those of the file it replaces, else the usual ones."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class _Written:
    """A report file: a failed write (a full disk) is an error naming the file."""

    def __init__(self, handle, output: str) -> None:
        self._handle, self._output = handle, output

    def write(self, text: str) -> None:
        try:
            self._handle.write(text)
        except OSError as error:
            fail(f"{self._output}: cannot write the report ({error.strerror or error})")


class _Echo:
    """Standard output, written in pieces of some size (one `click.echo` per finding would be slow)."""

    def __init__(self, color: bool, err: bool = False) -> None:
        self._color, self._err = color, err
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= 1 << 16:
            self.flush()

    def flush(self) -> None:
        if self._parts:
            click.echo("".join(self._parts), nl=False, color=self._color, err=self._err)
            self._parts.clear()
            self._size = 0


class _LazyGroup(click.Group):
    """A group whose commands are imported only when they run (or help lists them)."""

    commands_in = {  # command name: the module that defines it, and its function there
        "check": ("newslint.cli.check", "check"),
        "quotes": ("newslint.cli.quotes", "quotes"),
        "rules": ("newslint.cli.rules", "list_rules"),
        "explain": ("newslint.cli.rules", "explain"),
        "audit": ("newslint.cli.audit", "audit"),
        "serve": ("newslint.cli.serve", "serve"),
        "lsp": ("newslint.cli.lsp", "lsp"),
    }

    def list_commands(self, ctx):
        return sorted(self.commands_in)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # click would say "Aborted!" and exit with 1, the code for findings
            say("interrupted")
            sys.exit(EXIT_INTERRUPTED)

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
