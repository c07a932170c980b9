"""What the language server checks, and how: the engine as `newslint check` runs it.

The configuration is found from each document's folder upward (or is the `config` setting), the
rule selection, per-file ignores, inline suppressions and the baseline are the CLI's, and a
document is checked when the CLI would take it for an article (`.txt`, `.md`, and what the
configuration's `include`/`exclude` and `.gitignore` choose). A document's text is refused as a
file would be: too large, binary (NUL bytes).

The rules run in two stages: the fast ones, and then the rules that ask an outside service
(grammar, through LanguageTool), so that a slow or absent server never holds back the others.
Nothing here knows the protocol; `newslint.lsp.server` calls it from its worker threads.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from newslint.engine.config import ConfigError
from newslint.engine.finding import FileResult
from newslint.engine.runner import Engine, RunOptions, run_rules
from newslint.engine.source import InputError
from newslint.rules.grammar import ID as GRAMMAR

#: the rules that wait on an outside service: they run after the others
SLOW_RULES = (GRAMMAR,)
#: names of the files whose change changes findings: configurations, house styles, vocabularies
CONFIG_NAMES = ("pyproject.toml", "newslint.toml", ".vale.ini", "accept.txt", "reject.txt")
CONFIG_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Settings:
    """The editor's settings (the client's `initializationOptions`)."""

    config: str | None = None  # a configuration file instead of the nearest one
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    baseline: str | None = None  # report only findings that this baseline does not record
    debounce: float = 0.05  # seconds to wait after a change before checking
    report_unused_suppressions: bool | None = None  # None: as the configuration says

    @classmethod
    def from_options(cls, options: object, root: str | None) -> Settings:
        """The settings from `initializationOptions` (a JSON object; paths relative to the workspace).
        Raises ConfigError naming a setting that is wrong."""
        if options is None:
            return cls()
        if not isinstance(options, dict):
            raise ConfigError("initializationOptions: expected an object of settings")
        known = {"config", "select", "ignore", "baseline", "debounce", "reportUnusedSuppressions"}
        for key in options:
            if key not in known:
                raise ConfigError(f"initializationOptions: unknown setting '{key}' (known: {', '.join(sorted(known))})")
        values: dict = {}
        for key in ("config", "baseline"):
            if options.get(key) is not None:
                if not isinstance(options[key], str):
                    raise ConfigError(f"initializationOptions: {key} must be a path")
                values[key] = os.path.join(root or ".", os.path.expanduser(options[key]))
        for key in ("select", "ignore"):
            if options.get(key) is not None:
                value = options[key]
                if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                    raise ConfigError(f"initializationOptions: {key} must be a list of rule ids")
                values[key] = tuple(value)
        if options.get("debounce") is not None:
            debounce = options["debounce"]
            if isinstance(debounce, bool) or not isinstance(debounce, (int, float)) or not 0 <= debounce <= 10_000:
                raise ConfigError("initializationOptions: debounce must be milliseconds from 0 to 10000")
            values["debounce"] = debounce / 1000
        if "reportUnusedSuppressions" in options:
            values["report_unused_suppressions"] = bool(options["reportUnusedSuppressions"])
        return cls(**values)


@dataclass
class Checked:
    """A document checked by the fast rules: their findings, and what the slow rules need."""

    result: FileResult
    raw: FileResult | None = None  # the findings before the baseline takes its own out
    article: object = None
    config: object = None
    path: str = ""
    slow: list = field(default_factory=list)  # the slow rules that are to run on it
    load_errors: list[str] = field(default_factory=list)  # what its configuration could not load (a style file)


def is_config_file(path: str) -> bool:
    """Whether a change of this file changes findings (a configuration, style or vocabulary)."""
    name = os.path.basename(path)
    return name in CONFIG_NAMES or name.endswith(CONFIG_SUFFIXES)


class Linter:
    """The engine for one workspace; `reload` reads configurations and the baseline afresh."""

    def __init__(self, root: str | None, settings: Settings) -> None:
        self.root = root
        self.settings = settings
        self.engine: Engine | None = None
        self.baseline = None

    def reload(self) -> None:
        """Forget every configuration read so far and read the baseline again. Raises ConfigError."""
        from newslint.engine.baseline import BaselineError, load

        self.engine = None
        settings = self.settings
        engine = Engine(RunOptions(config_file=settings.config, select=settings.select, ignore=settings.ignore,
                                   report_unused_suppressions=settings.report_unused_suppressions))
        try:
            self.baseline = load(settings.baseline) if settings.baseline else None
        except BaselineError as error:
            raise ConfigError(str(error)) from None
        self.engine = engine

    def _engine(self) -> Engine:
        if self.engine is None:
            self.reload()
        return self.engine

    def display(self, path: str) -> str:
        """A file's path as reports and baselines give it: relative to the workspace when inside it."""
        if self.root:
            relative = os.path.relpath(path, self.root)
            if not relative.startswith(".."):
                return relative
        return path

    def is_article(self, path: str) -> bool:
        """Whether `newslint check` takes the file for an article: its name, and the selection of
        its configuration (`include`, `exclude`, `.gitignore`). Raises ConfigError."""
        from newslint.engine.discovery import TEXT_SUFFIXES, is_article
        from newslint.engine.selection import Selection

        engine = self._engine()
        name = os.path.basename(path)
        if not is_article(name) or not name.endswith(TEXT_SUFFIXES):  # a .docx is no text an editor edits
            return False
        return Selection(engine.config_for, engine.options.gitignore, force=True).takes_named(path)

    def check(self, path: str, text: str) -> Checked:
        """Check a document's text with the fast rules. Raises ConfigError (the configuration) and
        InputError (a text that is no article: binary, too large)."""
        from newslint.engine.source import decode

        engine = self._engine()
        config = engine.config_for(path)
        if not text.strip():
            return Checked(FileResult(self.display(path), text=text), load_errors=self.load_errors())
        decode(text.encode("utf-8", "surrogatepass"), config.max_file_size)  # refuses what a file would be refused for
        display = self.display(path)
        try:
            article = engine.parse(path, text, config)
        except InputError as error:  # the article cannot be read (its front matter): its own finding
            return Checked(FileResult(display, error=str(error), text=text), load_errors=self.load_errors())
        rules = engine.active_rules(config, path)
        fast = [rule for rule in rules if rule.id not in SLOW_RULES]
        slow = [rule for rule in rules if rule.id in SLOW_RULES]
        result = run_rules(article, fast, config, display, engine.reports_unused(config))
        return Checked(self._new(result), result, article, config, path, slow, self.load_errors())

    def load_errors(self) -> list[str]:
        """What the configurations read so far could not load, one line each naming the file: house
        styles' rule files, vocabularies, .vale.ini files, plugins. The other rules run all the same."""
        return self.engine.load_errors() if self.engine is not None else []

    def check_slow(self, checked: Checked) -> FileResult:
        """The slow rules' findings on a checked document (its `error` says when one failed)."""
        result = run_rules(checked.article, checked.slow, checked.config, checked.result.path)
        own = {rule.id for rule in checked.slow}
        result = replace(result, diagnostics=[d for d in result.diagnostics if d.rule in own])
        return self._new(result)

    def _new(self, result: FileResult) -> FileResult:
        """The result without the findings the baseline records."""
        if self.baseline is None or not result.diagnostics:
            return result
        from newslint.engine.baseline import new_findings

        (kept,) = new_findings([result], self.baseline)
        return kept

    def fix_all(self, path: str, text: str) -> tuple[str, int]:
        """The document with every safe fix applied (pass after pass, as `newslint check --fix`),
        and how many findings that puts right. Raises ConfigError, InputError."""
        from newslint.engine.fixes import fix_text

        def fast_check(current: str) -> FileResult:
            checked = self.check(path, current)
            return checked.raw or checked.result

        fixed = fix_text(fast_check, text, unsafe=False, baseline=self.baseline)
        return fixed.text, fixed.result.fixed or 0

    def explanation(self, rule_id: str, path: str) -> str | None:
        """What `newslint explain RULE` prints for a rule the document's configuration knows."""
        from newslint.engine.docs import engine_finding_explanation, explanation

        text = engine_finding_explanation(rule_id)
        if text:
            return text
        engine = self._engine()
        config = engine.config_for(path)
        rule = engine.rules_for(config).get(rule_id)
        return explanation(rule, engine.unavailable(rule, config)) if rule is not None else None

    def docs_link(self, rule_id: str, path: str) -> str | None:
        """Where a rule's documentation is (a style rule's link, else the configuration's docs-url)."""
        return self._engine().docs_link(rule_id, path)

    def check_folder(self, folder: str, cache_dir: str | None = None) -> Iterator[FileResult]:
        """Check every article of a folder as `newslint check FOLDER` does, with the result cache;
        the results' paths are absolute, their findings without those of the baseline."""
        from newslint.engine.batch import iter_results
        from newslint.engine.cache import DEFAULT_DIRECTORY, ResultCache

        engine = self._engine()
        directory = cache_dir or os.environ.get("NEWSLINT_CACHE_DIR") or os.path.join(folder, DEFAULT_DIRECTORY)
        cache = ResultCache(directory)
        try:
            for result in iter_results(engine, [folder], jobs=1, cache=cache, need_text=True):
                path = os.path.abspath(result.path)
                display = self.display(path)
                result = replace(result, path=display,
                                 diagnostics=[replace(d, path=display) for d in result.diagnostics])
                yield replace(self._new(result), path=path)
        finally:
            cache.close()
