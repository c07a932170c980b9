"""Driving the language server in tests: the command that starts it, waiting for what it
publishes, opening documents; the fixtures `workspace` and `start` (a client on a new server
process in that workspace, stopped at the end of the test)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

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


@pytest.fixture
def workspace(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


@pytest_asyncio.fixture
async def start(tmp_path, workspace):
    """start(options=None, env=None, capabilities=None): a client talking to a new server process
    whose workspace is `workspace`; shut down at the end of the test, and its process gone."""
    started = []

    async def start(options=None, env=None, capabilities=None) -> LanguageClient:
        environment = {key: value for key, value in os.environ.items() if key != "NEWSLINT_LANGUAGETOOL_URL"}
        environment.update({"LTP_PATH": str(tmp_path / "no-languagetool"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
                            "NEWSLINT_CACHE_DIR": str(tmp_path / "results"), **(env or {})})
        client = await ClientServerConfig(server_command=SERVER, server_env=environment).start()
        started.append(client)
        await client.initialize_session(types.InitializeParams(
            capabilities=capabilities or client_capabilities("visual-studio-code"),
            root_uri=uri_of(workspace),
            workspace_folders=[types.WorkspaceFolder(uri=uri_of(workspace), name="articles")],
            initialization_options=options,
        ))
        return client

    yield start
    for client in started:
        process = client._server
        if process is not None and process.returncode is None:
            await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
        await client.stop()
        assert process is None or process.returncode is not None


