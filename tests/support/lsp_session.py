"""Driving the language server in tests: the command that starts it, waiting for what it
publishes, opening documents (see tests/lsp/conftest.py for the fixture that starts it)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types

SERVER = [sys.executable, "-m", "newslint", "lsp"]
TIMEOUT = 20.0  # seconds a test waits for the server at most


def uri_of(path: Path) -> str:
    return path.resolve().as_uri()


async def eventually(condition, timeout: float = TIMEOUT):
    """Wait until `condition()` is true (its value), or fail after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = condition()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"waited {timeout} s in vain for {condition.__doc__ or condition}")
        await asyncio.sleep(0.02)


def open_document(client, path: Path, text: str | None = None, version: int = 1) -> str:
    """Open a document (its text from disk unless given); its URI."""
    uri = uri_of(path)
    client.diagnostics.pop(uri, None)
    language = "markdown" if path.suffix == ".md" else "plaintext"
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id=language, version=version,
        text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri


async def published(client, uri: str, condition=lambda found: True) -> list:
    """The diagnostics published for `uri` once `condition(diagnostics)` holds."""
    def ready():
        found = client.diagnostics.get(uri)
        return found is not None and condition(found)

    await eventually(ready)
    return list(client.diagnostics[uri])
