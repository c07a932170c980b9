"""LanguageTool for the grammar rule: where it runs, and a client for its HTTP API.

Where LanguageTool runs, first found wins:

1. the server named by the environment variable `NEWSLINT_LANGUAGETOOL_URL`;
2. the grammar rule's `server` option (`[tool.newslint.grammar] server = "http://localhost:8081"`);
3. a local LanguageTool that language-tool-python finds: an unpacked `LanguageTool-X.Y` folder
   (holding `languagetool-server.jar`) in `$LTP_PATH` or `~/.cache/language_tool_python`, and
   Java. language-tool-python starts it as a server on a free local port on first use and stops
   it when the run ends.

When none is there, `newslint.languagetool.location.unavailable()` says why and the engine skips the rule with one notice;
language-tool-python, the HTTP client, the thread pool and SQLite are imported only when a check
needs them, so a run without LanguageTool stays fast and offline.

The client speaks LanguageTool's HTTP API itself (`GET /v2/languages`, form-encoded
`POST /v2/check`): language-tool-python's `check()` waits up to 300 s and parses matches through
class-level state that is not safe across threads, while newslint needs a timeout of its own and
requests in flight at the same time. Paragraphs are batched into requests of up to `batch-size`
characters (joined by blank lines, so LanguageTool keeps them apart) and up to `concurrency`
requests run at once. LanguageTool counts offsets in UTF-16 code units; the client turns them
into Python character offsets.

Lifetime: the rule module holds no state. This module keeps one client per process and setting
(server, timeout, concurrency, batch size) and one cache per file (`newslint.languagetool.cache`), made
on first use and closed at exit, because a run over thousands of articles should share one
thread pool, one started local server and one database connection, and a process (the CLI, a
test session) is exactly the scope in which those settings cannot change under it. With
`--jobs`, each worker process has its own client, and so its own local LanguageTool: for large
archives a long-running server is the better choice. A client whose server failed (refused,
reset, timed out, HTTP 5xx) remembers it and fails the later articles at once instead of waiting
for the timeout again on each; `close_all()` forgets everything.
"""

from __future__ import annotations

import atexit
import bisect
import json
import os
from dataclasses import dataclass

from newslint import __version__
from newslint.languagetool.location import local_version, server_url

# The HTTP client, the thread pool and SQLite are imported on first use: a run without
# LanguageTool only asks `newslint.languagetool.location.unavailable()` and stays fast.

# A bare language code and the variant LanguageTool checks spelling for.
DEFAULT_VARIANTS = {"de": "de-DE", "en": "en-US", "pt": "pt-PT"}
_PARAGRAPH_BREAK = "\n\n"


class LanguageToolError(Exception):
    """LanguageTool could not check the text; the message names the server and what went wrong."""


class ServerDown(LanguageToolError):
    """The server did not answer (refused, reset, timed out) or failed (HTTP 5xx)."""


@dataclass(frozen=True, slots=True)
class Match:
    """A LanguageTool finding in one paragraph: Python character offsets into the text sent."""

    start: int
    end: int
    message: str
    rule: str
    category: str
    replacements: tuple[str, ...] = ()

    def as_list(self) -> list:
        return [self.start, self.end, self.message, self.rule, self.category, list(self.replacements)]

    @classmethod
    def from_list(cls, item: list) -> "Match":
        start, end, message, rule, category, replacements = item
        return cls(start, end, message, rule, category, tuple(replacements))


@dataclass(frozen=True)
class Settings:
    """How to ask LanguageTool: the grammar rule's options, with the server resolved."""

    server: str = ""  # "" for a local LanguageTool
    disabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    picky: bool = False
    cache: str = ""  # "" for the default file
    timeout: float = 10.0
    concurrency: int = 4
    batch_size: int = 6000

    def fingerprint(self) -> str:
        """The settings that change LanguageTool's findings, as text for cache keys."""
        return json.dumps([sorted(self.disabled_rules), sorted(self.disabled_categories),
                           sorted(self.enabled_rules), self.picky])

    def params(self, language: str) -> dict[str, str]:
        """The form fields of a check request, besides the text."""
        params = {"language": language}
        if self.disabled_rules:
            params["disabledRules"] = ",".join(self.disabled_rules)
        if self.disabled_categories:
            params["disabledCategories"] = ",".join(self.disabled_categories)
        if self.enabled_rules:
            params["enabledRules"] = ",".join(self.enabled_rules)
        if self.picky:
            params["level"] = "picky"
        return params


def language_for(lang: str) -> str:
    """The LanguageTool language for an article's `lang`: 'de' → 'de-DE', 'de_AT' → 'de-AT'."""
    lang = lang.strip().replace("_", "-")
    base, _, region = lang.partition("-")
    if not region:
        return DEFAULT_VARIANTS.get(base.lower(), base.lower())
    return f"{base.lower()}-{region.upper() if len(region) == 2 else region}"


# -- checking -----------------------------------------------------------------------------------


def check_paragraphs(texts: list[str], language: str, settings: Settings) -> list[list[Match]]:
    """LanguageTool's findings for each text: from the cache, else from the server.

    Raises LanguageToolError when the server is needed and fails.
    """
    from newslint.languagetool import cache as grammar_cache

    cache = _cache(settings.cache or grammar_cache.default_path())
    fingerprint = settings.fingerprint()
    keys = [grammar_cache.key(text, language, fingerprint) for text in texts]
    found = cache.get(list(dict.fromkeys(keys)))
    missing = {key: text for key, text in zip(keys, texts) if key not in found}
    if missing:
        client = client_for(settings)
        results = client.check(list(missing.values()), language, settings.params(language))
        new = {key: [m.as_list() for m in matches] for key, matches in zip(missing, results)}
        cache.put(new)
        found.update(new)
    return [[Match.from_list(item) for item in found[key]] for key in keys]


class Client:
    """A LanguageTool server reached over HTTP; `check` sends batches of paragraphs."""

    def __init__(self, url: str, timeout: float = 10.0, concurrency: int = 4, batch_size: int = 6000) -> None:
        import urllib.parse
        import urllib.request
        from concurrent.futures import ThreadPoolExecutor

        url = url.strip().rstrip("/")
        if "://" not in url:
            url = "http://" + url
        self.url = url
        self._base = url + "/" if url.endswith("/v2") else url + "/v2/"
        self.timeout = timeout
        self.batch_size = max(batch_size, 1)
        self.failure: str | None = None
        self._languages: dict[str, str] | None = None
        self._pool = ThreadPoolExecutor(max_workers=max(concurrency, 1), thread_name_prefix="languagetool")
        host = urllib.parse.urlsplit(url).hostname or ""
        loopback = host in ("localhost", "::1") or host.startswith("127.")
        handlers = [urllib.request.ProxyHandler({})] if loopback else []
        self._opener = urllib.request.build_opener(*handlers)
        self._local = None  # language-tool-python's LanguageTool when it started the server

    def check(self, texts: list[str], language: str, params: dict[str, str]) -> list[list[Match]]:
        """The findings for each text, sending up to `concurrency` batches at once."""
        if self.failure:
            raise ServerDown(f"{self.failure} (earlier in this run; not asked again)")
        try:
            self._check_language(language)
            batches = _batches(texts, self.batch_size)
            results: list[list[Match]] = []
            for matches in self._pool.map(lambda batch: self._check_batch(batch, params), batches):
                results.extend(matches)
            return results
        except ServerDown as error:  # later articles fail at once instead of waiting again
            self.failure = self.failure or str(error)
            raise

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._local is not None:
            self._local.close()
            self._local = None

    def _check_language(self, language: str) -> None:
        if self._languages is None:
            entries = self._request("languages")
            if not isinstance(entries, list):
                raise LanguageToolError(f"LanguageTool at {self.url} sent an unexpected list of languages")
            self._languages = {}
            for entry in entries:
                for field in ("code", "longCode"):
                    if isinstance(entry, dict) and entry.get(field):
                        self._languages[entry[field].lower()] = entry[field]
        if language.lower() not in self._languages:
            raise LanguageToolError(f"LanguageTool at {self.url} does not support the language '{language}'")

    def _check_batch(self, texts: list[str], params: dict[str, str]) -> list[list[Match]]:
        joined = _PARAGRAPH_BREAK.join(texts)
        response = self._request("check", {**params, "text": joined})
        if not isinstance(response, dict) or not isinstance(response.get("matches"), list):
            raise LanguageToolError(f"LanguageTool at {self.url} sent an answer without matches")
        starts = []
        position = 0
        for text in texts:
            starts.append(position)
            position += len(text) + len(_PARAGRAPH_BREAK)
        results: list[list[Match]] = [[] for _ in texts]
        to_index = _utf16_to_index(joined)
        for item in response["matches"]:
            match = _match(item, to_index)
            if match is None:
                continue
            number = bisect.bisect_right(starts, match.start) - 1
            start = starts[number]
            if match.end > start + len(texts[number]):
                continue  # runs across the paragraph break
            results[number].append(
                Match(match.start - start, match.end - start, match.message, match.rule,
                      match.category, match.replacements)
            )
        return results

    def _request(self, path: str, form: dict[str, str] | None = None):
        import socket
        import urllib.error
        import urllib.parse
        import urllib.request

        data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
        request = urllib.request.Request(
            self._base + path, data=data,
            headers={"Accept": "application/json", "User-Agent": f"newslint/{__version__}"},
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                payload = response.read()
        except urllib.error.HTTPError as error:
            detail = error.read(500).decode("utf-8", "replace").strip().split("\n", 1)[0]
            kind = ServerDown if error.code >= 500 else LanguageToolError
            raise kind(
                f"LanguageTool at {self.url} answered HTTP {error.code}" + (f": {detail}" if detail else "")
            ) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, (TimeoutError, socket.timeout)):
                raise ServerDown(self._timed_out()) from None
            raise ServerDown(f"cannot reach LanguageTool at {self.url} ({error.reason})") from None
        except (TimeoutError, socket.timeout):
            raise ServerDown(self._timed_out()) from None
        except (OSError, ValueError) as error:  # connection reset, broken answer
            raise ServerDown(f"LanguageTool at {self.url} failed: {error}") from None
        try:
            return json.loads(payload)
        except ValueError:
            raise LanguageToolError(f"LanguageTool at {self.url} did not answer with JSON") from None

    def _timed_out(self) -> str:
        return f"LanguageTool at {self.url} did not answer within {self.timeout:g} s"


def _batches(texts: list[str], size: int) -> list[list[str]]:
    batches: list[list[str]] = []
    length = 0
    for text in texts:
        if batches and length + len(text) <= size:
            batches[-1].append(text)
            length += len(text) + len(_PARAGRAPH_BREAK)
        else:
            batches.append([text])
            length = len(text) + len(_PARAGRAPH_BREAK)
    return batches


def _match(item: dict, to_index) -> Match | None:
    try:
        offset, length = int(item["offset"]), int(item["length"])
        rule = item.get("rule") or {}
        category = rule.get("category") or {}
        replacements = tuple(r["value"] for r in item.get("replacements") or () if "value" in r)
        message = str(item.get("message") or rule.get("description") or "")
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    start, end = (to_index(offset), to_index(offset + length)) if to_index else (offset, offset + length)
    return Match(start, end, message, str(rule.get("id", "")),
                 str(category.get("name") or category.get("id") or ""), replacements)


def _utf16_to_index(text: str):
    """A function from UTF-16 offsets (LanguageTool's) to Python offsets; None when they agree."""
    if text.isascii() or max(text) <= "\uffff":
        return None
    index = []
    for position, character in enumerate(text):
        index.append(position)
        if ord(character) > 0xFFFF:
            index.append(position + 1)
    index.append(len(text))
    return lambda offset: index[min(max(offset, 0), len(index) - 1)]


# -- one client and one cache per process ------------------------------------------------------

_clients: dict[tuple, Client] = {}
_caches: dict = {}  # path: grammar_cache.GrammarCache


def client_for(settings: Settings) -> Client:
    """The process's client for these settings (a local LanguageTool is started on first use)."""
    url = server_url(settings.server)
    key = (url, settings.timeout, settings.concurrency, settings.batch_size)
    client = _clients.get(key)
    if client is None:
        if url:
            client = Client(url, settings.timeout, settings.concurrency, settings.batch_size)
        else:
            client = _start_local(settings)
        _clients[key] = client
    return client


def _start_local(settings: Settings) -> Client:
    version = local_version()
    try:
        import language_tool_python

        tool = language_tool_python.LanguageTool(language_tool_download_version=version)
    except Exception as error:  # Java too old, jar broken, port trouble: say so for each file
        client = Client("http://127.0.0.1:0", settings.timeout, settings.concurrency, settings.batch_size)
        client.failure = f"could not start the local LanguageTool {version} ({error})"
        return client
    client = Client(tool.url, settings.timeout, settings.concurrency, settings.batch_size)
    client._local = tool
    _stop_with_the_worker()
    return client


def _stop_with_the_worker() -> None:
    """A worker of `--jobs` is ended by SIGTERM, which skips `atexit`: stop the local server then too."""
    import multiprocessing
    import signal
    import threading

    if multiprocessing.parent_process() is None or threading.current_thread() is not threading.main_thread():
        return

    def stop(signum, frame):
        close_all()
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def _cache(path: str):
    from newslint.languagetool import cache as grammar_cache

    cache = _caches.get(path)
    if cache is None:
        cache = _caches[path] = grammar_cache.GrammarCache(path)
    return cache


@atexit.register
def close_all() -> None:
    """Close every client (stopping a local LanguageTool) and cache of this process."""
    for client in _clients.values():
        client.close()
    for cache in _caches.values():
        cache.close()
    _clients.clear()
    _caches.clear()
