"""The server's side of JSON-RPC, kept to the protocol when the client is not.

- A message that is not JSON gets a parse error response (id null); a request whose parameters
  do not fit its method gets an invalid-params error with its id. The server goes on.
- Before `initialize`, a request gets "server not initialized" and a notification is dropped
  (`exit` excepted); a second `initialize` is an invalid request.
- After `shutdown`, a request gets an invalid-request error; `exit` ends the process.
- Positions are always UTF-16 code units (see `newslint.lsp.positions`), the encoding every
  client understands, whatever other encodings the client offers.
"""

from __future__ import annotations

import logging

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol, lsp_method

log = logging.getLogger(__name__)

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
SERVER_NOT_INITIALIZED = -32002


class _Answered:
    """A request answered with an error while it was read: nothing more to do with it."""

    jsonrpc = None


ANSWERED = _Answered()


class Protocol(LanguageServerProtocol):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.initialize_seen = False

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams):
        if params.capabilities.general is not None:
            params.capabilities.general.position_encodings = None  # UTF-16, see the docstring
        return (yield from super().lsp_initialize(params))

    def structure_message(self, data: dict):
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if isinstance(data, dict) and "method" in data and data.get("id") is not None:
                log.warning("cannot read the parameters of request %s (%s)", data.get("id"), data.get("method"))
                self._send_response(data["id"], None, error.to_response_error())
                return ANSWERED
            raise

    def handle_message(self, message) -> None:
        if message is ANSWERED:
            return
        method = getattr(message, "method", None)
        is_request = method is not None and getattr(message, "id", None) is not None
        if method == types.INITIALIZE:
            if self.initialize_seen:
                self._refuse(message.id, INVALID_REQUEST, "the server is initialized already")
                return
            self.initialize_seen = True
        elif not self.initialize_seen and method != types.EXIT:
            if is_request:
                self._refuse(message.id, SERVER_NOT_INITIALIZED, f"{method}: the server is not initialized yet")
            else:
                log.warning("dropped %s: the server is not initialized yet", method)
            return
        elif self._shutdown and is_request:
            self._refuse(message.id, INVALID_REQUEST, f"{method}: the server is shutting down")
            return
        super().handle_message(message)

    def _refuse(self, msg_id, code: int, message: str) -> None:
        log.warning(message)
        self._send_response(msg_id, None, types.ResponseError(code=code, message=message))

    def parse_error(self, error: Exception) -> None:
        """Answer a message that is not JSON (its id cannot be known: null)."""
        self._send_data(types.ResponseErrorMessage(id=None, error=types.ResponseError(
            code=PARSE_ERROR, message=f"parse error: {error}")))
