"""A client for LanguageTool's HTTP API: batches of paragraphs in, matches out.

The client speaks LanguageTool's HTTP API itself (`GET /v2/languages`, form-encoded
`POST /v2/check`): language-tool-python's `check()` waits up to 300 s and parses matches through
class-level state that is not safe across threads, while newslint needs a timeout of its own and
requests in flight at the same time. Paragraphs are batched into requests of up to `batch-size`
characters (joined by blank lines, so LanguageTool keeps them apart) and up to `concurrency`
requests run at once. LanguageTool counts offsets in UTF-16 code units; the client turns them
into Python character offsets. The HTTP client and the thread pool are imported on first use.

Every request has a total deadline, `timeout`, from connecting to the last byte of the answer
(see `newslint.languagetool.deadline`), and the client a budget: the time one run (one process)
may spend waiting for LanguageTool. A client whose server failed (refused, reset, timed out,
HTTP 5xx) or whose budget is used up remembers it and fails the later articles at once instead
of waiting again on each. A long-running service passes each check a budget of its own
(`check(..., budget=seconds)`): then nothing is remembered between checks, so a server that comes
back is asked again.
"""

from __future__ import annotations

import bisect
import json
import time
from dataclasses import dataclass

from newslint import __version__

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


class Client:
    """A LanguageTool server reached over HTTP; `check` sends batches of paragraphs."""

    def __init__(self, url: str, timeout: float = 10.0, concurrency: int = 4, batch_size: int = 6000,
                 budget: float = 600.0) -> None:
        import urllib.parse
        from concurrent.futures import ThreadPoolExecutor

        from newslint.languagetool.deadline import opener
        from newslint.languagetool.location import normal_url

        url = normal_url(url)  # raises ValueError for what is not an http(s) URL
        self.url = url
        self._base = url + "/" if url.endswith("/v2") else url + "/v2/"
        self.timeout = timeout
        self.budget = budget
        self.batch_size = max(batch_size, 1)
        self.failure: str | None = None
        self._spent = 0.0  # seconds of the budget spent waiting for LanguageTool
        self._languages: dict[str, str] | None = None
        self._pool = ThreadPoolExecutor(max_workers=max(concurrency, 1), thread_name_prefix="languagetool")
        host = urllib.parse.urlsplit(url).hostname or ""
        self._opener = opener(direct=host in ("localhost", "::1") or host.startswith("127."))
        self.local_server = None  # language-tool-python's LanguageTool when it started the server

    def check(self, texts: list[str], language: str, params: dict[str, str],
              budget: float | None = None) -> list[list[Match]]:
        """The findings for each text, sending up to `concurrency` batches at once.

        `budget`: the seconds this check alone may wait (a service's request); without it, what is
        left of the run's budget, and a failure fails the later checks at once."""
        own = budget is not None
        if self.failure and not own:
            raise ServerDown(f"{self.failure} (earlier in this run; not asked again)")
        started = time.monotonic()
        limit = _Limit(started + (budget if own else self.budget - self._spent),
                       budget if own else self.budget, own)
        try:
            self._check_language(language, limit)
            batches = _batches(texts, self.batch_size)
            results: list[list[Match]] = []
            for matches in self._pool.map(lambda batch: self._check_batch(batch, params, limit), batches):
                results.extend(matches)
            return results
        except ServerDown as error:  # later articles fail at once instead of waiting again
            if not own:
                self.failure = self.failure or str(error)
            raise
        finally:
            if not own:
                self._spent += time.monotonic() - started

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self.local_server is not None:
            self.local_server.close()
            self.local_server = None

    def _check_language(self, language: str, limit: _Limit) -> None:
        if self._languages is None:
            entries = self._request("languages", None, limit)
            if not isinstance(entries, list):
                raise LanguageToolError(f"LanguageTool at {self.url} sent an unexpected list of languages")
            self._languages = {}
            for entry in entries:
                for field in ("code", "longCode"):
                    if isinstance(entry, dict) and entry.get(field):
                        self._languages[entry[field].lower()] = entry[field]
        if language.lower() not in self._languages:
            raise LanguageToolError(f"LanguageTool at {self.url} does not support the language '{language}'")

    def _check_batch(self, texts: list[str], params: dict[str, str], limit: _Limit) -> list[list[Match]]:
        joined = _PARAGRAPH_BREAK.join(texts)
        response = self._request("check", {**params, "text": joined}, limit)
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

    def _request(self, path: str, form: dict[str, str] | None, limit: _Limit):
        import http.client
        import urllib.error
        import urllib.parse
        import urllib.request

        from newslint.languagetool.deadline import Deadline, read_body

        left = limit.end - time.monotonic()
        if left <= 0:
            raise ServerDown(self._over_budget(limit))
        by_budget = left < self.timeout  # the budget, not the timeout, ends this request
        data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
        request = urllib.request.Request(
            self._base + path, data=data,
            headers={"Accept": "application/json", "User-Agent": f"newslint/{__version__}"},
        )
        request.deadline = deadline = Deadline(min(self.timeout, left))
        try:
            with self._opener.open(request, timeout=deadline.seconds) as response:
                payload = read_body(response, deadline)
        except urllib.error.HTTPError as error:
            if deadline.expired:
                raise ServerDown(self._timed_out(limit if by_budget else None)) from None
            detail = error.read(500).decode("utf-8", "replace").strip().split("\n", 1)[0]
            kind = ServerDown if error.code >= 500 else LanguageToolError
            raise kind(
                f"LanguageTool at {self.url} answered HTTP {error.code}" + (f": {detail}" if detail else "")
            ) from None
        except urllib.error.URLError as error:
            if deadline.expired or isinstance(error.reason, TimeoutError):
                raise ServerDown(self._timed_out(limit if by_budget else None)) from None
            raise ServerDown(f"cannot reach LanguageTool at {self.url} ({error.reason})") from None
        except (OSError, ValueError, http.client.HTTPException) as error:  # reset, cut short, broken answer
            if deadline.expired or isinstance(error, TimeoutError):
                raise ServerDown(self._timed_out(limit if by_budget else None)) from None
            raise ServerDown(f"LanguageTool at {self.url} failed: {error}") from None
        finally:
            deadline.cancel()
        try:
            return json.loads(payload)
        except ValueError:
            raise LanguageToolError(f"LanguageTool at {self.url} did not answer with JSON") from None

    def _timed_out(self, limit: _Limit | None = None) -> str:
        if limit is not None:
            return self._over_budget(limit)
        return f"LanguageTool at {self.url} did not answer within {self.timeout:g} s"

    def _over_budget(self, limit: _Limit) -> str:
        if limit.own:
            return f"LanguageTool at {self.url} did not answer within the grammar budget of {limit.seconds:g} s"
        return (f"LanguageTool at {self.url} used up the grammar budget of {limit.seconds:g} s for this run "
                "(the option `budget`); the articles left are not checked for grammar")


@dataclass(frozen=True, slots=True)
class _Limit:
    """When one check must be done (time.monotonic), its budget in seconds, and whether the budget
    is the check's own (a service's request) or what was left of the run's."""

    end: float
    seconds: float
    own: bool


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
