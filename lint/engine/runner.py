"""The engine: find the articles, read them, run the enabled rules, place the findings.

Everything that is not a rule's judgement happens here: which rules run (select, ignore,
per-file ignores), their severity, inline suppressions, ordering and bad input.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint.engine.config import Config, ConfigError, find_config_file, load_config
from newslint.engine.finding import Diagnostic, RuleError
from newslint.engine.registry import Rule, rules_by_id
from newslint.engine.source import InputError, decode, read_file

if TYPE_CHECKING:
    from newslint.article.model import Article

ARTICLE_SUFFIXES = (".txt", ".md")
SKIPPED_DIRECTORIES = frozenset(
    "node_modules __pycache__ build dist venv env site-packages _build htmlcov".split()
)
STDIN = "-"


@dataclass(frozen=True)
class RunOptions:
    """What the command line says about a run."""

    config_file: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    published: dt.date | None = None
    stdin_filename: str | None = None
    require: tuple[str, ...] = ()  # rules that must run: a run where one cannot is an error


@dataclass
class FileResult:
    """The outcome for one file: its findings, or the error that kept it from being checked.

    `text` is the article's text as read (None when it could not be read), for the reports that
    show the article or fingerprint its findings.
    """

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    text: str | None = None


def discover(paths: list[str]) -> list[FileResult | str]:
    """Expand the given paths into article files, in order; problems become FileResults."""
    found: list[FileResult | str] = []
    for path in paths:
        if path == STDIN:
            found.append(path)
        elif os.path.isdir(path):
            files = list(_walk(path))
            if files:
                found.extend(files)
            else:
                found.append(FileResult(path, error="no articles (*.txt, *.md) in this directory"))
        elif os.path.exists(path):
            found.append(path)
        else:
            found.append(FileResult(path, error="no such file or directory"))
    return found


def _walk(directory: str):
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRECTORIES
        )
        for name in sorted(files):
            if name.endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                yield os.path.join(root, name)


class Engine:
    """Checks articles with the configuration that applies to each."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.rules = rules_by_id()
        self._configs: dict[str | None, Config] = {}
        self._config_files: dict[str, str | None] = {}  # directory: its configuration file
        if options.select:
            self._check_ids(options.select, "--select")
        self._check_ids(options.ignore, "--ignore")
        self._check_ids(options.require, "--require")
        self._unavailable: dict[tuple[str, str], str | None] = {}
        self._active: dict[int, tuple[Config, list[Rule]]] = {}  # the rules that run, by configuration
        if options.config_file:
            self.config_for(".")  # fail early on a broken --config

    def _check_ids(self, ids, option: str) -> None:
        for rule_id in ids:
            if rule_id not in self.rules:
                import difflib

                close = difflib.get_close_matches(rule_id, list(self.rules), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                raise ConfigError(f"{option}: unknown rule '{rule_id}'{hint}")

    def config_for(self, path: str) -> Config:
        """The configuration for a file: --config, else the nearest config file."""
        if self.options.config_file:
            config_path = self.options.config_file
        else:
            directory = os.path.dirname(path)
            if directory not in self._config_files:
                self._config_files[directory] = find_config_file(directory or ".")
            config_path = self._config_files[directory]
        if config_path not in self._configs:
            self._configs[config_path] = load_config(config_path, self.rules)
        return self._configs[config_path]

    def active_rules(self, config: Config, path: str) -> list[Rule]:
        """The rules that run on a file: --select replaces the configured selection.

        A rule that cannot run here (see `unavailable`) is left out.
        """
        known = self._active.get(id(config))
        if known is not None and known[0] is config:
            return list(known[1])  # the same for every file of this configuration
        active = [
            rule
            for rule_id, rule in self.rules.items()
            if rule_id not in self.options.ignore
            and config.enabled(rule_id, path, self.options.select)
            and self.unavailable(rule, config) is None
        ]
        if not config.per_file_ignores:
            self._active[id(config)] = (config, active)
        return list(active)

    def unavailable(self, rule: Rule, config: Config) -> str | None:
        """Why a rule cannot run with this configuration (its module's hook, asked once), or None."""
        if rule.unavailable is None:
            return None
        options = config.rules[rule.id].options
        key = (rule.id, repr(options))
        if key not in self._unavailable:
            self._unavailable[key] = rule.unavailable(options)
        return self._unavailable[key]

    def skipped_rules(self) -> list[tuple[str, str, bool]]:
        """The selected rules that could not run in this run: (rule id, why, whether required).

        Looks at every configuration the run has used, so call it after checking the files.
        """
        skipped: dict[str, tuple[str, str, bool]] = {}
        for config in self._configs.values():
            select = self.options.select if self.options.select is not None else config.select
            for rule_id, rule in self.rules.items():
                if (select is not None and rule_id not in select) or rule_id in config.ignore \
                        or rule_id in self.options.ignore:
                    continue
                reason = self.unavailable(rule, config)
                if reason is not None:
                    required = rule_id in self.options.require or rule_id in config.require
                    if required or rule_id not in skipped:
                        skipped[rule_id] = (rule_id, reason, required)
        return list(skipped.values())

    def lookup_name(self, path: str) -> str:
        """The name that decides a file's format and configuration ('-' is standard input)."""
        return (self.options.stdin_filename or "stdin.txt") if path == STDIN else path

    def read(self, path: str) -> tuple[str, str, Config]:
        """Read a file ('-' is standard input): (name for format and configuration, text, config).

        Raises InputError or ConfigError.
        """
        lookup = self.lookup_name(path)
        config = self.config_for(lookup)
        if path == STDIN:
            text = decode(sys.stdin.buffer.read(config.max_file_size + 1), config.max_file_size)
        else:
            text = read_file(path, config.max_file_size)
        return lookup, text, config

    def check(self, path: str) -> FileResult:
        """Check one file ('-' reads standard input)."""
        try:
            lookup, text, config = self.read(path)
        except (InputError, ConfigError) as error:
            return FileResult(path, error=str(error))
        return self.check_text(lookup, text, config, path)

    def check_text(self, path: str, text: str, config: Config, display: str | None = None) -> FileResult:
        """Check an article's text; `path` decides its format and configuration."""
        from newslint.article.model import parse  # not needed by runs that find every file in the cache

        display = display or path
        try:
            article = parse(path, text, self.options.published or config.published, config.lang)
        except InputError as error:
            return FileResult(display, error=str(error))
        return run_rules(article, self.active_rules(config, path), config, display)


def run_rules(article: Article, rules: list[Rule], config: Config, display: str) -> FileResult:
    """Run rules on an article and place their findings in the file.

    A rule that fails on the article becomes the file's error; the other rules' findings stay.
    """
    from newslint.engine.suppression import find_suppressions  # not needed by runs that find every file in the cache

    suppressions = find_suppressions(article.text) if article.path.endswith(".md") else None
    diagnostics = []
    errors = []
    length = len(article.text)
    for rule in rules:
        settings = config.rules[rule.id]
        try:
            findings = list(rule.check(article, settings.options))
        except RuleError as error:
            errors.append(f"{rule.id}: {error}")
            continue
        except Exception as error:  # a bug in a rule must not hide the other rules' findings
            errors.append(
                f"internal error in rule '{rule.id}' ({type(error).__name__}: {error}); "
                "please report it with this article"
            )
            continue
        for finding in findings:
            start = min(max(finding.start, 0), length)
            end = min(max(finding.end, start), length)
            line, column = article.position(start)
            end_line, end_column = article.position(end)
            if suppressions and suppressions.covers(rule.id, line):
                continue
            diagnostics.append(
                Diagnostic(display, rule.id, settings.severity, line, column, end_line,
                           end_column, finding.message, finding.suggestion, start, end)
            )
    diagnostics.sort(key=Diagnostic.sort_key)
    return FileResult(display, diagnostics, "; ".join(errors) or None, article.text)
