"""A small server on 127.0.0.1 that speaks LanguageTool's HTTP API and answers from recordings.

It serves `GET /v2/languages` and form-encoded `POST /v2/check` (GET with a query string too)
with the JSON shape of LanguageTool 6: `software`, `warnings`, `language`, `matches` (each with
`message`, `replacements`, `offset`/`length` in UTF-16 code units, `context`, `sentence`,
`rule` with `id`, `description`, `issueType` and `category`) and `sentenceRanges`. Like
LanguageTool it treats a blank line as a paragraph break: each paragraph of the text is looked up
in `tests/data/languagetool/responses.json` by language and exact text, its recorded matches are
moved to the paragraph's place, and matches of rules or categories in `disabledRules` or
`disabledCategories` are dropped. A paragraph without a recording gets no matches.

For tests of failure it can wait before answering (`delay`), stop listening after answering
a number of check requests (`die_after`), as a server that dies mid-run, and answer a check as a
slow proxy would (`trickle`): promise a long answer (`Content-Length: 100000`) and send it one
byte every `trickle` seconds — with `trickle_headers`, the status line and headers too — until
the client hangs up, the server is stopped or TRICKLE_LIMIT seconds have passed, so that a
client without a deadline hangs the test only that long. `requests` records every request as
(path, form fields), and `most_at_once` the most check requests under way at once.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RESPONSES = os.path.join(os.path.dirname(__file__), "data", "languagetool", "responses.json")
TRICKLE_LIMIT = 30.0  # seconds a trickling answer lasts at most


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeLanguageTool:
    def __init__(self, delay: float = 0.0, die_after: int | None = None, responses: str = RESPONSES,
                 trickle: float | None = None, trickle_headers: bool = False) -> None:
        with open(responses, encoding="utf-8") as handle:
            data = json.load(handle)
        self.software = data["software"]
        self.languages = data["languages"]
        self.recorded = {(c["language"], c["text"]): c["matches"] for c in data["checks"]}
        self.delay = delay
        self.die_after = die_after
        self.trickle = trickle
        self.trickle_headers = trickle_headers
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.most_at_once = 0  # the most check requests under way at the same time
        self._under_way = 0
        self._lock = threading.Lock()
        self._stopping = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -- life --------------------------------------------------------------------------------

    def start(self) -> "FakeLanguageTool":
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                path, _, query = self.path.partition("?")
                fake._answer(self, path, dict(urllib.parse.parse_qsl(query, keep_blank_values=True)))

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                fake._answer(self, self.path, dict(urllib.parse.parse_qsl(body, keep_blank_values=True)))

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.block_on_close = False
        threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True).start()
        return self

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        with self._stopping:
            if self._server is not None:
                self._server.shutdown()
                self._server.server_close()
                self._server = None

    def __enter__(self) -> "FakeLanguageTool":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def checks(self) -> list[dict[str, str]]:
        """The form fields of every check request so far."""
        return [form for path, form in self.requests if path.endswith("/check")]

    # -- answers -----------------------------------------------------------------------------

    def _answer(self, handler, path: str, form: dict[str, str]) -> None:
        with self._lock:
            self.requests.append((path, form))
            count = len(self.checks)
        if path == "/v2/languages":
            self._send(handler, 200, self.languages)
        elif path == "/v2/check":
            if "text" not in form or "language" not in form:
                self._send(handler, 400, "Error: Missing 'text' or 'data' parameter", text=True)
                return
            known = {code for entry in self.languages for code in (entry["code"], entry["longCode"])}
            if form["language"] not in known | {"auto"}:
                self._send(handler, 400, f"Error: '{form['language']}' is not a language code known to "
                           "LanguageTool.", text=True)
                return
            with self._lock:
                self._under_way += 1
                self.most_at_once = max(self.most_at_once, self._under_way)
            if self.trickle:
                try:
                    self._trickle(handler)
                finally:
                    self._done()
                return
            try:
                if self.delay:
                    time.sleep(self.delay)
                if self.die_after is not None and count >= self.die_after:
                    self.stop()  # stop listening; this last answer still goes out
                answer = self.check(form)
            finally:
                # no longer under way once the answer is ready: a client may send its next request
                # the moment the answer arrives, before this thread would get to count it done
                self._done()
            self._send(handler, 200, answer)
        else:
            self._send(handler, 404, f"Error: unknown endpoint {path}", text=True)

    def _done(self) -> None:
        with self._lock:
            self._under_way -= 1

    def check(self, form: dict[str, str]) -> dict:
        language, text = form["language"], form["text"]
        disabled_rules = set(filter(None, form.get("disabledRules", "").split(",")))
        disabled_categories = set(filter(None, form.get("disabledCategories", "").split(",")))
        matches = []
        position = 0
        for paragraph in text.split("\n\n"):
            shift = _utf16(text[:position])
            for match in self.recorded.get((language, paragraph), []):
                rule = match["rule"]
                if rule["id"] in disabled_rules or rule["category"]["id"] in disabled_categories:
                    continue
                matches.append({**match, "offset": match["offset"] + shift})
            position += len(paragraph) + 2
        name = next((entry["name"] for entry in self.languages if entry["longCode"] == language), language)
        return {
            "software": self.software,
            "warnings": {"incompleteResults": False},
            "language": {"name": name, "code": language,
                         "detectedLanguage": {"name": name, "code": language, "confidence": 0.99, "source": "ngram"}},
            "matches": matches,
            "sentenceRanges": [[0, _utf16(text)]],
        }

    def _trickle(self, handler) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
        body = b'{"matches": [' + b" " * 99_985 + b"]}"
        if not self.trickle_headers:
            handler.wfile.write(head)
            handler.wfile.flush()
            head = b""
        started = time.monotonic()
        try:
            for byte in head + body:
                if self._server is None or time.monotonic() - started > TRICKLE_LIMIT:
                    break
                handler.wfile.write(bytes((byte,)))
                handler.wfile.flush()
                time.sleep(self.trickle)
        except OSError:  # the client hung up: what a deadline does
            pass
        handler.close_connection = True

    @staticmethod
    def _send(handler, status: int, payload, text: bool = False) -> None:
        body = (payload if text else json.dumps(payload, ensure_ascii=False)).encode("utf-8")
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "text/plain; charset=utf-8" if text else "application/json")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout)
            pass
