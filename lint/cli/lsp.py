"""`newslint lsp`: run the language server for editors (see `newslint.lsp`)."""

from __future__ import annotations

import click
from newslint.cli import fail

INSTALL = "pip install 'newslint[lsp]'"


@click.command()
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default and only way).")
@click.option("--log-file", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the server log to FILE instead of standard error.")
@click.option("--verbose", "-v", is_flag=True, help="Log every message (pygls' debug log too).")
def lsp(stdio: bool, log_file: str | None, verbose: bool) -> None:
    """Run the language server over standard input and output, for editors."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        fail(f"the language server needs pygls and lsprotocol; install them with: {INSTALL}")
    import logging

    from newslint.lsp.server import serve

    serve(log_file, logging.DEBUG if verbose else logging.INFO)
