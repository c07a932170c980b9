"""The language server on the raw wire: malformed and out-of-order messages get protocol errors,
and the server goes on answering."""

from __future__ import annotations

import json
import subprocess

import pytest

pytest.importorskip("pygls", reason="the language server needs the extra: pip install 'newslint[lsp]'")

from lsp_session import SERVER  # noqa: E402


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def request(number: int, method: str, params) -> bytes:
    return frame(json.dumps({"jsonrpc": "2.0", "id": number, "method": method, "params": params}).encode())


def read_messages(output: bytes) -> list[dict]:
    messages = []
    while output:
        head, _, rest = output.partition(b"\r\n\r\n")
        length = int(head.split(b"\r\n")[0].split(b":")[1])
        messages.append(json.loads(rest[:length]))
        output = rest[length:]
    return messages


def test_malformed_and_early_messages_get_errors_and_the_server_goes_on(tmp_path):
    wire = b"".join([
        request(1, "textDocument/hover", {"textDocument": {"uri": "file:///a.txt"}, "position": {"line": 0, "character": 0}}),
        request(2, "initialize", {"processId": None, "rootUri": None, "capabilities": {}}),
        frame(b"{this is not json"),
        request(3, "textDocument/hover", {"position": "nowhere"}),
        request(4, "shutdown", None),
        request(5, "textDocument/hover", {"textDocument": {"uri": "file:///a.txt"}, "position": {"line": 0, "character": 0}}),
        frame(json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode()),
    ])
    done = subprocess.run(SERVER, input=wire, capture_output=True, timeout=60, cwd=tmp_path)
    answers = {message.get("id"): message for message in read_messages(done.stdout) if "method" not in message}
    assert answers[1]["error"]["code"] == -32002  # not initialized yet
    assert "capabilities" in answers[2]["result"]
    assert answers[None]["error"]["code"] == -32700  # not JSON
    assert answers[3]["error"]["code"] == -32602  # parameters that do not fit
    assert answers[4]["result"] is None
    assert answers[5]["error"]["code"] == -32600  # after shutdown
    assert done.returncode == 0
