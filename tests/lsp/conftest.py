"""Fixtures for the language server's tests: the real `newslint lsp` process, driven by pytest-lsp's
client, in a workspace folder of the test's own; LanguageTool only where a test starts the fake one."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

pytest_asyncio = pytest.importorskip("pytest_asyncio", reason="the language server's tests need pytest-lsp")
pytest.importorskip("pygls", reason="the language server needs the extra: pip install 'newslint[lsp]'")
pytest.importorskip("pytest_lsp", reason="the language server's tests need pytest-lsp")

from lsp_session import SERVER, TIMEOUT, uri_of  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402


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


