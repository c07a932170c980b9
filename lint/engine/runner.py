"""The engine: read the articles, run the enabled rules, place the findings.

Everything that is not a rule's judgement happens here: which rules run (select, ignore,
per-file ignores), their severity, inline suppressions, ordering and bad input.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newslint.article.formats import is_binary
from newslint.engine.config import (
    Config,
    ConfigError,
    contradicts,
    did_you_mean,
    find_config_file,
    load_config,
    selected,
)
from newslint.engine.discovery import STDIN
from newslint.engine.finding import APPLICABILITIES, Diagnostic, FileResult, Fix, PlacedEdit, RuleError
from newslint.engine.registry import BUILT_IN, Rule, plugin_errors, resolve, rules_by_id
from newslint.engine.selection import Selection
from newslint.engine.source import InputError, NotAnArticle, decode, read_bytes, read_file, within_limit

if TYPE_CHECKING:
    from newslint.article.model import Article



@dataclass(frozen=True)
class RunOptions:
    """What the command line says about a run."""

    config_file: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    published: dt.date | None = None
    stdin_filename: str | None = None
    require: tuple[str, ...] = ()  # rules that must run: a run where one cannot is an error
    #: suppression directives that suppressed nothing are findings; None: as the configuration says
    report_unused_suppressions: bool | None = None
    gitignore: bool = True  # a directory's walk leaves out what .gitignore files name
    force_exclude: bool = False  # files named on the command line are chosen as a walk chooses


class Engine:
    """Checks articles with the configuration that applies to each."""

    def __init__(self, options: RunOptions) -> None:
        self.rules = rules_by_id()
        self._notices: list[str] = []
        self._noted: set = set()  # configurations (with the path, where that matters) of files checked
        self._wanted: set[str] = set()  # rules that would have run on a file checked but cannot
        if options.select is not None and not options.select:
            raise ConfigError("--select: no rule named; leave it out to run every rule")
        self._configs: dict[str | None, Config] = {}
        self._config_files: dict[str, str | None] = {}  # directory: its configuration file
        self._unavailable: dict[tuple[str, str], str | None] = {}
        self._active: dict[int, tuple[Config, list[Rule]]] = {}  # the rules that run, by configuration
        self.stdin_data: bytes | None = None  # standard input as read, for --fix to write back
        self.options = options
        if options.config_file:
            self.config_for(".")  # fail early on a broken --config
        self.options = replace(
            options,
            select=self._check_ids(options.select, "--select") if options.select else options.select,
            ignore=self._check_ids(options.ignore, "--ignore"),
            require=self._check_ids(options.require, "--require"),
        )
        if contradicts(self.options.select, self.options.ignore):
            raise ConfigError("no rule would run: --ignore removes every rule that --select names")

    def _check_ids(self, ids: tuple[str, ...], option: str) -> tuple[str, ...]:
        """The rules' current ids; an unknown one is a ConfigError, an old one (alias) a notice.

        Style rules and styles are known from the configuration of the current directory (or
        --config): files under another configuration may have other styles."""
        current = []
        for rule_id in ids:
            resolved, notice = resolve(rule_id, self.rules)
            if resolved not in self.rules:
                styles = self.config_for(".").styles
                names = [*self.rules, *(styles.rules if styles else ()), *(sorted(styles.styles) if styles else ())]
                if resolved not in names:
                    raise ConfigError(did_you_mean(f"{option}: unknown rule '{rule_id}'", rule_id, names))
            if notice:
                self._notices.append(f"{option}: {notice}")
            current.append(resolved)
        return tuple(current)

    def notices(self) -> list[str]:
        """Deprecation notices of this run (old rule ids in options and configurations), once each."""
        found = [*self._notices, *(n for config in self._configs.values() for n in config.notices)]
        return list(dict.fromkeys(found))

    def style_notices(self) -> list[str]:
        """What the run's styles say that is no error (a .vale.ini naming a rule that does not exist)."""
        found = [n for config in self._configs.values() if config.styles for n in config.styles.notices]
        return list(dict.fromkeys(found))

    def load_errors(self) -> list[str]:
        """What could not be loaded, one line each: plugins, and the styles, rule files, vocabularies
        and .vale.ini files of the configurations this run used. The other rules run all the same."""
        found = [*plugin_errors(), *(e for config in self._configs.values() if config.styles for e in config.styles.errors)]
        return list(dict.fromkeys(found))

    def rules_for(self, config: Config) -> dict[str, Rule]:
        """Every rule a configuration knows: the built-in ones, plugins' and its styles'."""
        if config.styles is None:
            return self.rules
        return {**self.rules, **config.styles.rules}

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
            config = load_config(config_path, self.rules)
            self._configs[config_path] = config
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
            for rule_id, rule in self.rules_for(config).items()
            if not selected(rule_id, self.options.ignore)
            and config.enabled(rule_id, path, self.options.select)
            and self.unavailable(rule, config) is None
        ]
        if not config.path_dependent:
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

    def note_checked(self, path: str) -> None:
        """Note a file the rules ran on (`path` as given, '-' for standard input), for
        `skipped_rules(checked_only=True)`: the rules that would have run on it but cannot."""
        lookup = self.lookup_name(path)
        config = self.config_for(lookup)
        key = (id(config), lookup) if config.path_dependent else id(config)
        if key in self._noted:
            return
        self._noted.add(key)
        for rule_id, rule in self.rules_for(config).items():
            if (
                rule_id not in self._wanted
                and rule.unavailable is not None
                and not selected(rule_id, self.options.ignore)
                and config.enabled(rule_id, lookup, self.options.select)
                and self.unavailable(rule, config) is not None
            ):
                self._wanted.add(rule_id)

    def skipped_rules(self, checked_only: bool = False) -> list[tuple[str, str, bool]]:
        """The selected rules that could not run in this run: (rule id, why, whether required).

        Looks at every configuration the run has used, so call it after checking the files. With
        `checked_only`, a rule that is not required counts only when it would have run on a file
        noted with `note_checked`: a run that checked no file (every input an error) skipped
        nothing. A required rule that cannot run counts whatever was checked.
        """
        skipped: dict[str, tuple[str, str, bool]] = {}
        for config in self._configs.values():
            select = self.options.select if self.options.select is not None else config.select
            for rule_id, rule in self.rules_for(config).items():
                if (select is not None and not selected(rule_id, select)) or selected(rule_id, config.ignore) \
                        or selected(rule_id, self.options.ignore):
                    continue
                if "." in rule_id and config.styles is not None and not config.styles.anywhere(rule_id):
                    continue  # a style rule no file of this configuration runs
                reason = self.unavailable(rule, config)
                if reason is not None:
                    required = selected(rule_id, self.options.require) or selected(rule_id, config.require)
                    if not required and checked_only and rule_id not in self._wanted:
                        continue  # no file it would have run on was checked
                    if required or rule_id not in skipped:
                        skipped[rule_id] = (rule_id, reason, required)
        return list(skipped.values())

    def reports_unused(self, config: Config) -> bool:
        """Whether suppressions that suppress nothing are findings for the articles of `config`:
        as the command line says (--report-unused-suppressions or --no-…), else as the configuration does."""
        wanted = self.options.report_unused_suppressions
        return config.report_unused_suppressions if wanted is None else wanted

    def selection(self, notice: Callable[[str, str], None] | None = None) -> Selection:
        """How this run chooses the files to check among those it finds (see `newslint.engine.selection`);
        `notice(where, why)` hears of the lines of .gitignore files that are passed over."""
        return Selection(self.config_for, self.options.gitignore, self.options.force_exclude, notice)

    def docs_link(self, rule_id: str, path: str = ".") -> str | None:
        """Where a rule's documentation is, for reports: a style rule's own `link`, else (for the
        built-in rules and the engine's own findings) the `docs-url` of the configuration of the
        file at `path` (by default: of the current directory); None for a rule that has neither
        (a plugin's, a style rule without a link)."""
        config = self.config_for(path)
        rule = self.rules_for(config).get(rule_id)
        if rule is not None and rule.link:
            return rule.link
        if rule is not None and rule.origin != BUILT_IN:
            return None
        return config.docs_url.replace("{rule}", rule_id)

    def lookup_name(self, path: str) -> str:
        """The name that decides a file's format and configuration ('-' is standard input)."""
        return (self.options.stdin_filename or "stdin.txt") if path == STDIN else path

    def read(self, path: str) -> tuple[str, str | bytes, Config]:
        """Read a file ('-' is standard input): (name for format and configuration, text, config).
        A file of a binary format (.docx) comes as its bytes, for its reader to make the text of.

        Raises InputError or ConfigError.
        """
        lookup = self.lookup_name(path)
        config = self.config_for(lookup)
        binary = is_binary(lookup)
        if path == STDIN:
            self.stdin_data = sys.stdin.buffer.read(config.max_file_size + 1)
            if binary:
                return lookup, within_limit(self.stdin_data, config.max_file_size), config
            text = decode(self.stdin_data, config.max_file_size)
        elif binary:
            return lookup, read_bytes(path, config.max_file_size), config
        else:
            text = read_file(path, config.max_file_size)
        return lookup, text, config

    def shown_text(self, lookup: str, content: str | bytes) -> str | None:
        """The text reports show of what `read` gave: the text itself, or the text a binary
        format's reader makes of the bytes (None when they cannot be read)."""
        if isinstance(content, str):
            return content
        try:
            return self.parse(lookup, content, self.config_for(lookup)).file_text
        except (InputError, ConfigError):
            return None

    def published(self, config: Config, given: dt.date | None = None) -> dt.date | None:
        """An article's publication date: its own (`given`), else --published, else the configuration's."""
        return given or self.options.published or config.published

    def parse(self, path: str, text: str | bytes, config: Config, published: dt.date | None = None,
              lang: str | None = None, kind: str | None = None) -> Article:
        """The article in `text`; `path` decides its format, unless `kind` names one. `published`
        and `lang` are what the source says beside the text (a record of an export), if anything.
        Raises InputError."""
        from newslint.article.model import (
            parse,  # not needed by runs that find every file in the cache
        )

        return parse(path, text, self.published(config, published), lang or config.lang, config.vocabulary, kind,
                     config.max_file_size)

    def parse_each(self, path: str, text: str | bytes, config: Config, published: dt.date | None = None) -> list:
        """Every article in `text` (see `newslint.article.model.parse_each`): one for most formats,
        one per record of a JSON Lines file, with an InputError in the place of a record that
        cannot be read. Raises InputError when the file holds no article."""
        from newslint.article.model import parse_each

        return parse_each(path, text, self.published(config, published), config.lang, config.vocabulary,
                          config.max_file_size)

    def article(self, path: str) -> tuple[Article, Config]:
        """Read and parse one file ('-' is standard input). Raises InputError or ConfigError, and
        InputError for a JSON Lines file that holds more than one article (see `articles`)."""
        lookup, text, config = self.read(path)
        return self.parse(lookup, text, config), config

    def articles(self, path: str) -> tuple[list, Config]:
        """Read and parse every article of one file (see `parse_each`). Raises InputError or ConfigError."""
        lookup, text, config = self.read(path)
        return self.parse_each(lookup, text, config), config

    def check(self, path: str) -> FileResult:
        """Check one file ('-' reads standard input)."""
        try:
            lookup, text, config = self.read(path)
        except (InputError, ConfigError) as error:
            return FileResult(path, error=str(error))
        return self.check_text(lookup, text, config, path)

    def check_text(self, path: str, text: str | bytes, config: Config, display: str | None = None,
                   published: dt.date | None = None) -> FileResult:
        """Check an article's text; `path` decides its format and configuration, `published` (what
        the source says beside the text, if anything) its publication date. The text of a file of
        several articles (JSON Lines) gives one result: each article checked on its own (see `joined`)."""
        display = display or path
        try:
            articles = self.parse_each(path, text, config, published)
        except InputError as error:
            return FileResult(display, error=str(error), not_article=isinstance(error, NotAnArticle))
        rules = self.active_rules(config, path)
        results = [item if isinstance(item, InputError)
                   else run_rules(item, rules, config, display, self.reports_unused(config))
                   for item in articles]
        return results[0] if len(results) == 1 and not isinstance(results[0], InputError) else \
            joined(display, text, results)


#: how many errors of the records of one file are said, the rest counted
SAID_ERRORS = 10


def joined(display: str, text: str, results: list) -> FileResult:
    """The one result of a file of several articles (JSON Lines): the findings of each, and as its
    error those of the records that could not be read or checked (the first SAID_ERRORS said, the
    rest counted); `partial` when some record was checked all the same."""
    errors = [str(item) if isinstance(item, InputError) else item.error for item in results]
    errors = [error for error in errors if error]
    if len(errors) > SAID_ERRORS:
        errors = [*errors[:SAID_ERRORS], f"and {len(errors) - SAID_ERRORS} more"]
    checked = [item for item in results if isinstance(item, FileResult)]
    diagnostics = sorted((d for item in checked for d in item.diagnostics), key=Diagnostic.sort_key)
    return FileResult(display, diagnostics, "; ".join(errors) or None, text if checked else None,
                      partial=bool(errors) and bool(checked))


def run_rules(article: Article, rules: list[Rule], config: Config, display: str,
              report_unused: bool = False) -> FileResult:
    """Run rules on an article and place their findings in the file, and the findings about its
    suppression directives (see `newslint.engine.suppression`; `report_unused`: also those that
    suppressed nothing).

    A rule that fails on the article becomes the file's error; the other rules' findings stay.
    """
    from newslint.engine.suppression import (  # not needed by runs that find every file in the cache
        find_suppressions,
        syntax_of,
    )

    syntax = syntax_of(article.path)
    suppressions = find_suppressions(article.file_text, syntax) if syntax else None
    diagnostics = []
    errors = []
    failed = set()  # the rules that failed on the article
    length = len(article.text)
    for rule in rules:
        settings = config.rules[rule.id]
        try:
            findings = list(rule.check(article, settings.options))
        except RuleError as error:
            errors.append(f"{rule.id}: {error}")
            failed.add(rule.id)
            continue
        except Exception as error:  # a bug in a rule must not hide the other rules' findings
            errors.append(_internal_error(rule, error))
            failed.add(rule.id)
            continue
        if findings:  # most rules find nothing in most articles
            severity = config.severity(rule.id, article.path)
        for finding in findings:
            start = min(max(finding.start, 0), length)
            end = min(max(finding.end, start), length)
            line, column = article.position(start)
            end_line, end_column = article.position(end)
            if suppressions and suppressions.covers((rule.id, *rule.aliases), line):
                continue
            fix = _placed_fix(finding.fix, start, end, article) if finding.fix is not None else None
            diagnostics.append(
                Diagnostic(display, rule.id, severity, line, column, end_line, end_column, finding.message,
                           finding.suggestion, article.file_offset(start), article.file_offset(end), fix)
            )
    if suppressions:
        diagnostics.extend(_suppression_findings(article, suppressions, rules, config, display, failed,
                                                 report_unused))
    diagnostics.sort(key=Diagnostic.sort_key)
    return FileResult(display, diagnostics, "; ".join(errors) or None, article.file_text, partial=bool(errors))


def _internal_error(rule: Rule, error: Exception) -> str:
    """A rule's failure as the file's error: whose bug it is, and where to report it."""
    what = f"{type(error).__name__}: {error}"
    if rule.origin.startswith("plugin "):
        plugin = rule.origin.split()[1]
        return (f"internal error in rule '{rule.id}' of the plugin {plugin} ({what}); "
                f"please report it to the authors of {plugin} with this article")
    return f"internal error in rule '{rule.id}' ({what}); please report it with this article"


def _suppression_findings(article: Article, suppressions, rules: list[Rule], config: Config, display: str,
                          failed: set[str], report_unused: bool) -> list[Diagnostic]:
    """The findings about an article's suppression directives: names that no rule has (always),
    and with `report_unused`, suppressions of rules that ran (without failing) that suppressed nothing."""
    from newslint.engine.suppression import UNKNOWN, UNUSED

    known_rules = rules_by_id()
    styles = config.styles
    style_names = set(styles.rules) | set(styles.styles) if styles is not None else set()

    def known(name: str) -> bool:
        return resolve(name, known_rules)[0] in known_rules or name in style_names

    ran_names = {name for rule in rules if rule.id not in failed for name in (rule.id, *rule.aliases)}
    ran_styles = {rule.id.split(".", 1)[0] for rule in rules if "." in rule.id and rule.id not in failed}
    found = []
    for mention in suppressions.unknown(known):
        close = did_you_mean("", mention.name, [*known_rules, *sorted(style_names)])
        found.append(_about(article, display, UNKNOWN, "error", mention,
                            f"unknown rule '{mention.name}' in a suppression comment{close}"))
    if report_unused:
        for mention in suppressions.unused(lambda name: name in ran_names or name in ran_styles):
            what = "all rules" if mention.name == "*" else f"'{mention.name}'"
            found.append(_about(article, display, UNUSED, "warning", mention,
                                f"the suppression of {what} suppresses nothing here; remove it"))
    return found


def _about(article: Article, display: str, rule_id: str, severity: str, mention, message: str) -> Diagnostic:
    """A finding of the engine's own on the rule name (or directive) `mention` (offsets in the file)."""
    return Diagnostic(display, rule_id, severity, *article.file_position(mention.start),
                      *article.file_position(mention.end), message, None, mention.start, mention.end, None)


def _placed_fix(fix: Fix, start: int, end: int, article: Article) -> Fix | None:
    """A rule's fix with its edits placed in the file, or None when it is not one to apply.

    A fix is dropped when its edits leave the finding's span, overlap or come out of order, touch
    the front matter or text that is not prose (Markdown markup, code, comments: the rules do not
    see it), or change nothing, and in an article read out of a structured file (JSON, XML: an
    edit there would have to be written in the file's own escapes). Edits that change nothing are
    left out.
    """
    if fix.applicability not in APPLICABILITIES or not fix.edits or article.source is not None:
        return None
    text, prose = article.text, article.prose
    placed = []
    position = max(start, article.meta.end)
    for edit in fix.edits:
        if not position <= edit.start <= edit.end <= end or text[edit.start : edit.end] != prose[edit.start : edit.end]:
            return None
        position = edit.end
        if text[edit.start : edit.end] == edit.replacement:
            continue
        placed.append(PlacedEdit(edit.start, edit.end, edit.replacement,
                                 *article.position(edit.start), *article.position(edit.end)))
    return Fix(fix.applicability, tuple(placed)) if placed else None
