"""LanguageTool as the grammar rule uses it: its settings, and one client and one cache per process.

Where LanguageTool runs, first found wins:

1. the server named by the environment variable `NEWSLINT_LANGUAGETOOL_URL`;
2. the grammar rule's `server` option (`[tool.newslint.grammar] server = "http://localhost:8081"`);
3. a local LanguageTool that language-tool-python finds (see `newslint.languagetool.server`),
   started as a server on a free local port on first use and stopped when the run ends.

When none is there, `newslint.languagetool.location.unavailable()` says why and the engine skips
the rule with one notice; language-tool-python, the HTTP client, the thread pool and SQLite are
imported only when a check needs them, so a run without LanguageTool stays fast and offline.

Lifetime: the rule module holds no state. This module keeps one client per process and setting
(server, timeout, concurrency, batch size, budget) and one cache per file (`newslint.languagetool.cache`),
made on first use and closed at exit, because a run over thousands of articles should share one
thread pool, one started local server and one database connection, and a process (the CLI, a
test session) is exactly the scope in which those settings cannot change under it. A long-running
service (`newslint serve`) calls `budget_each_check(seconds)` once: then each check has that budget
of its own instead of sharing the run's, and a failure is not remembered. With
`--jobs`, each worker process has its own client, and so its own local LanguageTool: for large
archives a long-running server is the better choice. `close_all()` forgets everything.
"""

from __future__ import annotations

import atexit
import json
from collections.abc import Callable
from dataclasses import dataclass

from newslint.languagetool.client import Client, LanguageToolError, Match, ServerDown
from newslint.languagetool.location import server_url

__all__ = ["Settings", "LanguageToolError", "ServerDown", "Match", "budget_each_check", "check_paragraphs",
           "client_for", "close_all", "language_for"]

# A bare language code and the variant LanguageTool checks spelling for.
DEFAULT_VARIANTS = {"de": "de-DE", "en": "en-US", "pt": "pt-PT"}


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
    budget: float = 600.0

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

_each_check: float | Callable[[], float] | None = None  # seconds each check may wait, in a service


def budget_each_check(seconds: float | Callable[[], float] | None) -> None:
    """Give every later check of this process a budget of its own, `seconds` (None: share the run's);
    a function gives the seconds of each check as it begins."""
    global _each_check
    _each_check = seconds



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
        budget = _each_check() if callable(_each_check) else _each_check
        results = client.check(list(missing.values()), language, settings.params(language), budget=budget)
        new = {key: [m.as_list() for m in matches] for key, matches in zip(missing, results)}
        cache.put(new)
        found.update(new)
    return [[Match.from_list(item) for item in found[key]] for key in keys]


# -- one client and one cache per process ------------------------------------------------------

_clients: dict[tuple, Client] = {}
_caches: dict = {}  # path: grammar_cache.GrammarCache


def client_for(settings: Settings) -> Client:
    """The process's client for these settings (a local LanguageTool is started on first use)."""
    url = server_url(settings.server)
    key = (url, settings.timeout, settings.concurrency, settings.batch_size, settings.budget)
    client = _clients.get(key)
    if client is None:
        if url:
            client = Client(url, settings.timeout, settings.concurrency, settings.batch_size, settings.budget)
        else:
            from newslint.languagetool.server import start_local

            client = start_local(settings)
        _clients[key] = client
    return client


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
