"""Configuration: `[tool.newslint]` in pyproject.toml, or newslint.toml, found by walking up.

```toml
[tool.newslint]
select = ["spelling-consistency", "credit-line"]   # default: every rule
ignore = ["grammar"]
require = []                    # rules that must run (exit 2 when one cannot), e.g. ["grammar"]
published = 2024-06-21          # publication date for articles that do not give one
lang = "de"
max-file-size = 10485760        # bytes
docs-url = "https://wiki.example/newslint#{rule}"  # where reports link each rule's documentation
report-unused-suppressions = true  # suppression comments that suppress nothing are findings (CI)
include = ["articles/"]         # gitignore patterns: a directory's walk takes only these files
exclude = ["drafts/", "*.draft.txt"]  # … and never these (see `newslint.engine.selection`)

[tool.newslint.per-file-ignores]
"archive/**" = ["credit-line"]

[tool.newslint.credit-line]     # a rule's section: its severity and options
severity = "error"

styles-path = "styles"          # house styles in Vale's format (relative to this file)
styles = ["newsroom-de"]        # the styles that run: rule ids Style.Rule
vocab = ["Newsroom"]            # vocabularies (accept.txt, reject.txt) in styles-path
vale-config = ".vale.ini"       # an existing Vale configuration, read as Vale reads it
style-timeout = 2.0             # seconds a style rule may search one article

[tool.newslint.per-file-styles] # styles for some files only, like Vale's [*.md] sections
"sport/**" = ["Sport"]

[tool.newslint."newsroom-de.Zahlen"]  # a style rule's section: its severity
severity = "error"
```

In newslint.toml the same keys stand at the top level; a configuration file other than
pyproject.toml (newslint.toml, or one given with --config) may also hold them under
`[tool.newslint]`, as copied from a pyproject.toml — then newslint reads that table alone (other
`[tool.…]` tables and `[project]` are left alone), and a key beside it at the top level is an
error. An unknown key, rule or option is an error
that names it and suggests the closest valid name; so is a setting that cannot be meant (a size
limit below one byte, a selection of no rules, a language newslint does not know). A style rule
is selected, ignored and configured by its id, `Style.Rule`, or with all the rules of its style
by the style's name. What cannot be loaded of the styles (see `newslint.styles.library`) is
reported by the run, not here. A pyproject.toml that is not valid TOML is the configuration file
found when it mentions newslint, and an error.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import sys
import types
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newslint.engine.docs import ANCHOR, README_URL
from newslint.engine.finding import SEVERITIES
from newslint.engine.source import DEFAULT_MAX_FILE_SIZE

CONFIG_FILES = ("newslint.toml", "pyproject.toml")
#: the languages the rules know (`lang`, with a region or not: "de", "de-AT", "en_GB")
LANGUAGES = ("de", "en")
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*")
TOP_LEVEL_KEYS = ("select", "ignore", "require", "per-file-ignores", "published", "lang", "max-file-size",
                  "include", "exclude", "docs-url", "report-unused-suppressions")
#: where reports link a rule's documentation: `{rule}` becomes its id (the README's anchor of the rule)
DOCS_URL = f"{README_URL}#{ANCHOR}"
STYLE_KEYS = ("styles-path", "styles", "vocab", "vale-config", "per-file-styles", "style-timeout")


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class RuleSettings:
    severity: str
    options: Any
    #: whether the configuration sets the severity (it then wins over a .vale.ini's level)
    explicit: bool = False


@dataclass(frozen=True)
class Config:
    """The effective configuration for the articles under one directory."""

    path: str | None = None
    root: str = "."
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    published: dt.date | None = None
    lang: str = "de"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    #: gitignore patterns (relative to `root`) of the files a directory's walk takes (None: all) and leaves out
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    #: the page of a rule's documentation that reports link to, `{rule}` for its id
    docs_url: str = DOCS_URL
    #: suppression comments that suppressed nothing are findings (`unused-suppression`)
    report_unused_suppressions: bool = False
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    #: deprecation notices: old rule ids (aliases) used in this configuration
    notices: tuple[str, ...] = ()
    #: the style rules of this configuration (a `newslint.styles.library.StyleSet`), if any
    styles: Any = field(default=None, compare=False, repr=False)

    def enabled(self, rule_id: str, path: str, select: tuple[str, ...] | None = None) -> bool:
        """Whether a rule runs on the article at `path`; `select` replaces the configured one."""
        select = select if select is not None else self.select
        if select is not None and not selected(rule_id, select):
            return False
        if selected(rule_id, self.ignore):
            return False
        for pattern, rule_ids in self.per_file_ignores:
            if selected(rule_id, rule_ids) and glob_match(pattern, relative_path(path, self.root)):
                return False
        if "." in rule_id and self.styles is not None:
            return rule_id in self.styles.chosen(path)
        return True

    def severity(self, rule_id: str, path: str) -> str:
        """A rule's severity on the article at `path`: the configured one, else the level a
        .vale.ini section gives it there, else its own."""
        settings = self.rules[rule_id]
        if settings.explicit or self.styles is None or rule_id not in self.styles.rules:
            return settings.severity
        return self.styles.chosen(path).get(rule_id) or settings.severity

    @property
    def path_dependent(self) -> bool:
        """Whether the rules that run, or their severity, depend on the file's path."""
        return bool(self.per_file_ignores) or (self.styles is not None and self.styles.path_dependent)

    @property
    def vocabulary(self):
        """The house vocabulary (accept.txt, reject.txt of `vocab`), or None."""
        return self.styles.vocabulary if self.styles is not None else None

    def fingerprint(self) -> str:
        """A stable text of everything that changes findings, for caches: with styles, the content
        of every style, vocabulary and .vale.ini file in use."""
        return repr(
            (self.select, self.ignore, self.per_file_ignores, self.published, self.lang,
             sorted((k, v.severity, repr(v.options)) for k, v in self.rules.items()),
             self.styles.digest if self.styles is not None else None)
        )


def selected(rule_id: str, selectors: tuple[str, ...] | list[str]) -> bool:
    """Whether a list of rule ids names a rule: by its id, or a style rule by its style's name."""
    return rule_id in selectors or ("." in rule_id and rule_id.split(".", 1)[0] in selectors)


def find_config_file(directory: str) -> str | None:
    """The nearest newslint.toml, or pyproject.toml with a [tool.newslint] table, from `directory` up."""
    directory = os.path.abspath(directory)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _toml():
    """The TOML parser, imported when there is a configuration file to read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def load_config(path: str | None, rules: dict) -> Config:
    """Read and check the configuration file at `path` (None: the defaults)."""
    if path is None:
        return build_config({}, rules)
    tomllib = _toml()
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    data, where = _newslint_table(data, path)
    return build_config(data, rules, path=path, where=where)


#: the top-level tables of a pyproject.toml: a configuration file copied from one may keep them
PYPROJECT_TABLES = ("tool", "project", "build-system", "dependency-groups")


def _newslint_table(data: dict, path: str) -> tuple[dict, str]:
    """newslint's settings in a configuration file, and where they stand (for messages): in
    pyproject.toml its `[tool.newslint]` table; in any other file (newslint.toml, a file given
    with --config) the keys at the top level, or — as copied from a pyproject.toml — a
    `[tool.newslint]` table, but not both."""
    tool = data.get("tool")
    if os.path.basename(path) == "pyproject.toml":
        table = tool.get("newslint", {}) if isinstance(tool, dict) else {}
    elif isinstance(tool, dict) and "newslint" in tool:
        stray = [key for key in data if key not in PYPROJECT_TABLES]
        if stray:
            raise ConfigError(
                f"{path}: '{stray[0]}' stands at the top level beside a [tool.newslint] table; write "
                "newslint's settings in one place: at the top level, or all under [tool.newslint]"
            )
        table = tool["newslint"]
    elif "tool" in data:
        raise ConfigError(
            f"{path}: unknown key 'tool': this file has no [tool.newslint] table; write newslint's "
            "settings at the top level of the file (or under [tool.newslint], as in pyproject.toml)"
        )
    else:
        return data, path
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.newslint must be a table of settings")
    return table, f"{path}: [tool.newslint]"


def build_config(data: dict, rules: dict, path: str | None = None, where: str = "") -> Config:
    """Check a configuration table and turn it into a Config; `rules` maps ids to Rules.

    The styles it names are loaded here, and their rules join `rules`."""
    from newslint.engine.registry import resolve

    where = where or "configuration"
    notices: list[str] = []
    root = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
    styles = _load_styles(data, root, where)
    names = list(rules)
    if styles is not None:
        rules = {**rules, **styles.rules}
        names += [*styles.rules, *sorted(styles.styles), *styles.failed]

    def current(rule_id: str) -> str:
        """The rule's current id; an old one (an alias) is noted for a deprecation notice."""
        resolved, notice = resolve(rule_id, rules)
        if notice:
            notices.append(f"{where}: {notice}")
        return resolved

    def rule_list(value: Any, place: str) -> tuple[str, ...]:
        return tuple(_rule_list([current(i) for i in _ids(value, place)], names, place))

    values: dict[str, Any] = {}
    rule_settings = {
        rule_id: RuleSettings(rule.severity, rule.options()) for rule_id, rule in rules.items()
    }
    for key, value in data.items():
        if current(key) in rules:
            rule_settings[current(key)] = _rule_settings(rules[current(key)], value, f"{where}: [{key}]")
        elif key in STYLE_KEYS:
            continue  # read above
        elif styles is not None and key in styles.styles and isinstance(value, dict):
            for name, table in value.items():  # [tool.newslint.Style.Rule], a table in a table
                rule_id = f"{key}.{name}"
                if rule_id not in rules:
                    raise ConfigError(did_you_mean(f"{where}: unknown rule '{rule_id}'", rule_id, names))
                rule_settings[rule_id] = _rule_settings(rules[rule_id], table, f"{where}: [{rule_id}]")
        elif key in ("select", "ignore", "require"):
            values[key] = rule_list(value, f"{where}: {key}")
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: per-file-ignores must be a table of glob = [rules]")
            values["per_file_ignores"] = tuple(
                (pattern, rule_list(ids, f"{where}: per-file-ignores.{pattern}"))
                for pattern, ids in value.items()
            )
        elif key == "docs-url":
            values["docs_url"] = _typed(value, str, f"{where}: docs-url")
            if not re.match(r"https?://[^\s]+$", value):
                raise ConfigError(f"{where}: docs-url: expected an http(s) URL, with {{rule}} for the rule's id, "
                                  f"got {value!r}")
        elif key == "report-unused-suppressions":
            values["report_unused_suppressions"] = _typed(value, bool, f"{where}: {key}")
        elif key in ("include", "exclude"):
            values[key] = _patterns(value, f"{where}: {key}")
        elif key == "published":
            values["published"] = parse_date(value, f"{where}: published")
        elif key == "lang":
            values["lang"] = language(_typed(value, str, f"{where}: lang"), f"{where}: lang")
        elif key == "max-file-size":
            values["max_file_size"] = _typed(value, int, f"{where}: max-file-size")
            if values["max_file_size"] < 1:
                raise ConfigError(f"{where}: max-file-size: must be at least 1 byte, not {value}")
        else:
            raise ConfigError(did_you_mean(f"{where}: unknown key '{key}'", key,
                                           [*TOP_LEVEL_KEYS, *STYLE_KEYS, *rules]))
    if values.get("select") == ():
        raise ConfigError(f"{where}: select: no rule named; leave select out to run every rule")
    if contradicts(values.get("select"), values.get("ignore", ())):
        raise ConfigError(f"{where}: no rule would run: ignore removes every rule that select names")
    return Config(path=path, root=root, rules=rule_settings, notices=tuple(dict.fromkeys(notices)),
                  styles=styles, **values)


def _load_styles(data: dict, root: str, where: str):
    """The styles the configuration names, loaded (see `newslint.styles.library`), or None."""
    if not any(key in data for key in STYLE_KEYS):
        return None
    from newslint.styles.library import DEFAULT_TIMEOUT, StyleSettings, load_styles

    def text(key: str) -> str | None:
        return _typed(data[key], str, f"{where}: {key}") if key in data else None

    def names(value: Any, place: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(f"{place}: expected a list of names")
        for item in value:  # a folder's name in the styles-path, never a path
            if item.strip() in ("", ".", "..") or "/" in item or "\\" in item:
                raise ConfigError(f"{place}: '{item}' is not a name; name a folder of the styles-path "
                                  "(set styles-path to the folder that holds it)")
        return tuple(value)

    per_file = data.get("per-file-styles", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{where}: per-file-styles must be a table of glob = [styles]")
    timeout = data.get("style-timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ConfigError(f"{where}: style-timeout: expected a number of seconds above 0, got {timeout!r}")
    settings = StyleSettings(
        root=root,
        source=where,
        styles_path=os.path.join(root, text("styles-path")) if "styles-path" in data else None,
        styles=names(data.get("styles", []), f"{where}: styles"),
        vocab=names(data.get("vocab", []), f"{where}: vocab"),
        vale_config=os.path.join(root, text("vale-config")) if "vale-config" in data else None,
        per_file_styles=tuple((glob, names(value, f"{where}: per-file-styles.{glob}"))
                              for glob, value in per_file.items()),
        timeout=float(timeout),
    )
    return load_styles(settings) if settings else None


def _patterns(value: Any, where: str) -> tuple[str, ...]:
    """A list of gitignore patterns, checked: each one is a pattern."""
    from newslint.engine.selection import pattern_error

    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of gitignore patterns, such as [\"drafts/\"]")
    for pattern in value:
        if (why := pattern_error(pattern)) is not None:
            raise ConfigError(f"{where}: {why}")
    return tuple(value)


def contradicts(select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> bool:
    """Whether `ignore` takes away everything `select` names (rules, or styles by name; see
    `selected`), so that no rule could run whatever the rules are."""
    return select is not None and all(selected(name, ignore) for name in select)


def language(value: str, where: str) -> str:
    """A `lang` setting, checked: a language the rules know, with a region or not."""
    match = _LANGUAGE_TAG.fullmatch(value.strip())
    if match is None or match.group(1).lower() not in LANGUAGES:
        raise ConfigError(f"{where}: unknown language '{value}'; newslint knows {', '.join(LANGUAGES)}")
    return value


def as_date(value: Any) -> dt.date | None:
    """A date as TOML, YAML or a command line give one — a date, a date and time, or text that
    starts with YYYY-MM-DD — or None when it is none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def parse_date(value: Any, where: str) -> dt.date:
    date = as_date(value)
    if date is None:
        raise ConfigError(f"{where}: '{value}' is not a date (write YYYY-MM-DD)")
    return date


def glob_match(pattern: str, path: str) -> bool:
    """Match a path (with '/') against a glob: '*' within a folder, '**' across folders.

    A pattern without '/' matches the file name in any folder, as in .gitignore.
    """
    if "/" not in pattern:
        path = path.rsplit("/", 1)[-1]
    return _glob_regex(pattern).fullmatch(path) is not None


@lru_cache(maxsize=256)
def _glob_regex(pattern: str):
    parts = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            parts.append(".*")
            index += 2
        elif pattern[index] == "*":
            parts.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            parts.append("[^/]")
            index += 1
        else:
            parts.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(parts))


def relative_path(path: str, root: str) -> str:
    """`path` relative to `root`, with "/" (absolute when it lies outside `root`)."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:
        relative = absolute
    if relative.startswith(".."):
        relative = absolute
    return relative.replace(os.sep, "/")


def _has_tool_table(path: str) -> bool:
    """Whether a pyproject.toml configures newslint: it has [tool.newslint], or it is broken (not
    valid TOML) and mentions newslint, so that loading it reports the error instead of running
    every rule with the defaults."""
    tomllib = _toml()
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    try:
        return "newslint" in tomllib.loads(data.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return b"newslint" in data


def _ids(value: Any, where: str) -> list[str]:
    """A list of rule ids as written: a list of strings, or one comma-separated string."""
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of rule ids")
    return value


def _rule_list(value: list[str], rule_ids: list[str], where: str) -> list[str]:
    for item in value:
        if item not in rule_ids:
            raise ConfigError(did_you_mean(f"{where}: unknown rule '{item}'", item, rule_ids))
    return value


def _rule_settings(rule, table: Any, where: str) -> RuleSettings:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of settings")
    severity = rule.severity
    explicit = "severity" in table
    fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(rule.options)}
    hints = typing.get_type_hints(rule.options)
    values = {}
    for key, value in table.items():
        if key == "severity":
            if value not in SEVERITIES:
                raise ConfigError(f"{where}: severity must be one of {', '.join(SEVERITIES)}, not '{value}'")
            severity = value
        elif key in fields:
            name = fields[key].name
            values[name] = convert(value, hints[name], f"{where}: {key}")
        else:
            raise ConfigError(did_you_mean(f"{where}: unknown option '{key}'", key, ["severity", *fields]))
    try:
        options = rule.options(**values)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{where}: {error}") from None
    return RuleSettings(severity, options, explicit)


def convert(value: Any, hint: Any, where: str) -> Any:
    """Check a TOML value against an option's type; lists become tuples."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [arg for arg in args if arg is not type(None)]
        return convert(value, inner, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise ConfigError(f"{where}: expected a list")
        return tuple(convert(item, args[0], where) for item in value)
    if origin in (dict, typing.Mapping) or hint is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected a table")
        key_type, value_type = args or (str, Any)
        return {str(k): convert(v, value_type, f"{where}.{k}") for k, v in value.items()}
    if hint is Any:
        return value
    if hint is dt.date:
        return parse_date(value, where)
    return _typed(value, hint, where)


def _typed(value: Any, expected: type, where: str) -> Any:
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise ConfigError(f"{where}: expected {_type_name(expected)}, got {value!r}")
    return value


def _type_name(expected: type) -> str:
    return {str: "text", int: "a whole number", float: "a number", bool: "true or false"}.get(
        expected, expected.__name__
    )


def did_you_mean(message: str, name: str, valid: list[str]) -> str:
    """`message`, with the closest of the `valid` names to `name` suggested when one is close."""
    import difflib

    close = difflib.get_close_matches(name, valid, n=1)
    return f"{message}; did you mean '{close[0]}'?" if close else message
