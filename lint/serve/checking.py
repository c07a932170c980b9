"""Checking and fixing one article for a request, with the engine's runner and fixes.

The service reads its configuration once, at start (the `--config` file, else the one found from
the folder it is started in); a request's article is checked with it whatever name the request
gives, so no request makes the server read or write a file. Each request runs in a worker thread
under a `Clock`: the rules run one after the other, each noting itself as the one under way, so a
request that runs out of time is answered with the rule that ran over, and its thread stops at
the next rule. A rule that needs an outside service (one with an `unavailable` hook: grammar) and
fails on a request is not an error of the article: the answer lists it as skipped, with why, and
keeps the other rules' findings. LanguageTool is waited for at most the grammar budget, and never
past GRAMMAR_SHARE of the request's time limit, so that a slow grammar server leaves time for the
answer.

A text is refused as `newslint check` refuses a file (`newslint.engine.source.decode`): empty,
binary (NUL bytes), larger than the configuration's `max-file-size`.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from newslint.engine.config import ConfigError, find_config_file
from newslint.engine.discovery import BINARY_SUFFIXES, TEXT_SUFFIXES
from newslint.engine.finding import FileResult, RuleError
from newslint.engine.registry import Rule
from newslint.engine.runner import Engine, RunOptions
from newslint.engine.source import InputError, decode

#: the article formats a request may send as text: those the engine reads as text (the suffix
#: without its dot)
FORMATS = tuple(suffix.removeprefix(".") for suffix in TEXT_SUFFIXES)
#: the formats whose files are bytes (.docx): sent as a `document` in base64, checked, never fixed
DOCUMENT_FORMATS = tuple(suffix.removeprefix(".") for suffix in BINARY_SUFFIXES)
_ENGINES = 32  # engines kept, one per combination of select and ignore
#: the article checked at start (see `Service.warm_up`)
WARM_UP = "Titel\nBerlin – „Wir kommen wieder“, sagte der Minister am Montag (3. Juni). (dpa)\n"
#: the share of a request's time limit by whose end LanguageTool must have answered
GRAMMAR_SHARE = 0.8


class OverTime(BaseException):
    """The request's time is up. A BaseException, so that the engine does not take it for a
    rule's failure: it ends the request's work at the next rule."""


@dataclass
class Clock:
    """One request's time: when it ends, the rule under way, and the rules skipped on it."""

    seconds: float
    end: float = 0.0
    rule: str | None = None
    abandoned: bool = False
    skipped: list[dict] = field(default_factory=list)

    def start(self) -> None:
        self.end = time.monotonic() + self.seconds

    def enter(self, rule_id: str) -> None:
        """A rule begins: the work ends here if the time is up."""
        if self.abandoned or time.monotonic() > self.end:
            raise OverTime
        self.rule = rule_id

    def skip(self, rule_id: str, reason: str) -> None:
        if not any(entry["rule"] == rule_id for entry in self.skipped):
            self.skipped.append({"rule": rule_id, "reason": reason})


_current = threading.local()  # .clock: the Clock of the request a worker thread runs


def grammar_budget(seconds: float):
    """The budget of each LanguageTool check (for `budget_each_check`): `seconds`, but no later
    than GRAMMAR_SHARE of the time limit of the request under way."""

    def budget() -> float:
        clock = getattr(_current, "clock", None)
        if clock is None:
            return seconds
        left = clock.end - clock.seconds * (1 - GRAMMAR_SHARE) - time.monotonic()
        return max(0.0, min(seconds, round(left, 2)))

    return budget


@dataclass(frozen=True)
class Article:
    """What a request asks to check: the text (the bytes of a document), its format, the name to
    report it under, and its publication date, rules selected and ignored."""

    text: str | bytes
    format: str = "txt"
    name: str | None = None
    published: dt.date | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        return self.name or f"article.{self.format}"

    @property
    def lookup(self) -> str:
        """The name that decides the format and the per-file settings: the name, with the format's
        suffix when it has another."""
        suffix = f".{self.format}"
        return self.display if self.display.lower().endswith(suffix) else self.display + suffix


class Service:
    """Checks and fixes articles with one configuration, read at start."""

    def __init__(self, config_file: str | None = None) -> None:
        import os

        self.config_file = os.path.abspath(config_file) if config_file else find_config_file(os.getcwd())
        self._engines: OrderedDict[tuple, _ServiceEngine] = OrderedDict()
        self._lock = threading.Lock()
        self.base = self.engine(None, ())  # raises ConfigError for a broken configuration
        self.config = self.base.config_for(".")

    def engine(self, select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> _ServiceEngine:
        """The engine for a selection of rules. Raises ConfigError naming an unknown rule."""
        key = (select, ignore)
        with self._lock:
            engine = self._engines.get(key)
            if engine is not None:
                self._engines.move_to_end(key)
                return engine
        try:
            engine = _ServiceEngine(RunOptions(config_file=self.config_file, select=select, ignore=ignore))
        except ConfigError as error:
            raise ConfigError(str(error).replace("--select", "select").replace("--ignore", "ignore")) from None
        with self._lock:
            self._engines[key] = engine
            while len(self._engines) > _ENGINES:
                self._engines.popitem(last=False)
        return engine

    def warm_up(self) -> None:
        """Check a short article once with the rules that need no outside service, so that the
        first request does not spend its time limit on loading them (a tenth of a second)."""
        outside = tuple(rule.id for rule in self.rules().values() if rule.unavailable is not None)
        try:
            self.check(Article(WARM_UP, ignore=outside), Clock(float("inf")))
        except (ConfigError, InputError):
            pass  # a request says what is wrong

    def rules(self) -> dict[str, Rule]:
        return self.base.rules_for(self.config)

    def check(self, article: Article, clock: Clock) -> dict:
        """The JSON report of one article, as `newslint check --format json` writes it, with the
        rules that could not run as `skipped` (only when there are some), and for a document the
        `text` made from it, which the findings' lines and columns point into. Raises ConfigError,
        InputError (a text that is no article), OverTime."""
        self._refuse_unreadable(article)
        engine = self.engine(article.select, article.ignore)
        result = self._run(clock, lambda: self._checked(engine, article, article.text))
        answer = self._answer(engine, result, clock)
        if isinstance(article.text, bytes) and result.text is not None:
            answer["text"] = result.text
        return answer

    def fix(self, article: Article, unsafe: bool, clock: Clock) -> dict:
        """The article with its fixes applied (`text`) and the report of what remains. Raises
        ConfigError, InputError, OverTime."""
        from newslint.engine.fixes import fix_text

        self._refuse_unreadable(article)
        engine = self.engine(article.select, article.ignore)
        fixed = self._run(clock, lambda: fix_text(lambda text: self._checked(engine, article, text),
                                                  article.text, unsafe))
        return {**self._answer(engine, fixed.result, clock), "text": fixed.text}

    def _refuse_unreadable(self, article: Article) -> None:
        """Raise InputError for a text that `newslint check` would refuse as a file (empty, binary, too large)."""
        if isinstance(article.text, str):
            decode(article.text.encode("utf-8", "surrogatepass"), self.config.max_file_size)

    def _checked(self, engine: Engine, article: Article, text: str | bytes) -> FileResult:
        return engine.check_text(article.lookup, text, self.config, article.display, article.published)

    @staticmethod
    def _run(clock: Clock, work):
        _current.clock = clock
        clock.start()
        try:
            return work()
        finally:
            _current.clock = None

    def _answer(self, engine: Engine, result: FileResult, clock: Clock) -> dict:
        from newslint.reports.json_report import render

        answer = json.loads(render([result]))
        for rule_id, reason, _required in engine.skipped_rules():
            clock.skip(rule_id, reason)
        if clock.skipped:
            answer["skipped"] = clock.skipped
        return answer


class _ServiceEngine(Engine):
    """The engine, with each rule run under the request's clock."""

    def __init__(self, options: RunOptions) -> None:
        super().__init__(options)
        self._timed: dict[str, tuple[Rule, Rule]] = {}  # rule id: the rule, and it under the clock

    def active_rules(self, config, path: str) -> list[Rule]:
        rules = []
        for rule in super().active_rules(config, path):
            known = self._timed.get(rule.id)
            if known is None or known[0] is not rule:
                known = self._timed[rule.id] = (rule, _timed(rule))
            rules.append(known[1])
        return rules


def _timed(rule: Rule) -> Rule:
    """The rule, noting itself on the request's clock when it runs; a failure of a rule that needs
    an outside service becomes a skipped rule."""
    check = rule.check

    def timed_check(article, options):
        clock = getattr(_current, "clock", None)
        if clock is not None:
            clock.enter(rule.id)
        try:
            yield from check(article, options)
        except RuleError as error:
            if rule.unavailable is None or clock is None:
                raise
            clock.skip(rule.id, str(error))

    return replace(rule, check=timed_check)
