"""The styles of a configuration: found, read, compiled once, and turned into the engine's rules.

A style named in the configuration (`styles`, `per-file-styles`, or a `.vale.ini`'s sections) is
looked up as a folder in the configuration's `styles-path`, then in the `.vale.ini`'s
`StylesPath`, then among the packs shipped with newslint (`packs/`, e.g. `newsroom-de`). `Vale`
is Vale's built-in style: `Vale.Terms` (the accepted terms' case), `Vale.Repetition` and
`Vale.Spelling` (not run); `Vale.Avoid` (the rejected terms) runs whenever a vocabulary rejects
something.

What cannot be used — a style that is not there, a rule file that does not parse or holds an
invalid pattern, a `.vale.ini` that cannot be read, a vocabulary that is not UTF-8 — is an error
line naming the file and the problem; everything else runs. A rule named in a `.vale.ini` that
does not exist is a notice. Rules of types newslint does not run (`spelling`, `sequence`,
`metric`, `script`) are rules that cannot run here: one notice each, and `--require` of one is
an error.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field, replace

from newslint.engine.config import glob_match, relative_path
from newslint.engine.docs import RuleDoc
from newslint.engine.registry import Rule
from newslint.styles.rule_file import LEVELS, NOT_RUN, RuleFile, StyleError, read_rule
from newslint.styles.scopes import ArticleView

PACKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "packs")
BUILT_IN_STYLE = "Vale"
#: seconds a style rule may spend on one article before it is stopped
DEFAULT_TIMEOUT = 2.0
_ORDER = ("info", "warning", "error")


@dataclass(frozen=True)
class StyleSettings:
    """What a configuration says about styles; paths are absolute."""

    root: str  # the configuration's folder: globs are relative to it
    source: str = "the configuration"  # its file, for messages
    styles_path: str | None = None
    styles: tuple[str, ...] = ()
    vocab: tuple[str, ...] = ()
    vale_config: str | None = None
    per_file_styles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    timeout: float = DEFAULT_TIMEOUT

    def __bool__(self) -> bool:
        return bool(self.styles or self.vocab or self.vale_config or self.per_file_styles)


@dataclass(frozen=True)
class Selection:
    """Which style rules run where: styles and rules for paths matching `globs` (None: every path),
    relative to `root`, with switches (rule id, YES/NO/level) applied after them."""

    globs: tuple[str, ...] | None
    root: str
    styles: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    switches: tuple[tuple[str, str], ...] = ()

    def matches(self, path: str) -> bool:
        if self.globs is None:
            return True
        relative = relative_path(path, self.root)
        return any(glob_match(glob, relative) for glob in self.globs)


@dataclass
class StyleSet:
    """The style rules of a configuration, ready to run."""

    rules: dict[str, Rule] = field(default_factory=dict)
    selections: list[Selection] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    digest: str = ""
    vocabulary: object = None
    min_level: str | None = None
    styles: set[str] = field(default_factory=set)
    #: ids of the rules whose file could not be used (named in a configuration, they are no error)
    failed: set[str] = field(default_factory=set)
    _chosen: dict[tuple[int, ...], dict[str, str | None]] = field(default_factory=dict)
    _last: tuple = (None, None)
    #: the compiled checks, and what decides which of them may find something in an article
    checks: list = field(default_factory=list)
    numbers: dict[int, int] = field(default_factory=dict)
    dispatch: object = None

    @property
    def path_dependent(self) -> bool:
        return any(selection.globs is not None for selection in self.selections)

    def chosen(self, path: str) -> dict[str, str | None]:
        """The style rules that run on `path`, each with the level a switch gives it (or None)."""
        if path == self._last[0]:
            return self._last[1]  # asked once per rule of the same file
        key = tuple(n for n, selection in enumerate(self.selections) if selection.matches(path))
        if key not in self._chosen:
            self._chosen[key] = self._choose([self.selections[n] for n in key])
        self._last = (path, self._chosen[key])
        return self._chosen[key]

    def anywhere(self, rule_id: str) -> bool:
        """Whether some files run the rule: those of one of the selections, at least."""
        return any(rule_id in self._choose([selection]) for selection in self.selections)

    def _choose(self, selections: list[Selection]) -> dict[str, str | None]:
        chosen: dict[str, str | None] = {}
        for selection in selections:
            for rule_id in self.rules:
                if rule_id.split(".", 1)[0] in selection.styles or rule_id in selection.rules:
                    chosen.setdefault(rule_id, None)
            for rule_id, switch in selection.switches:
                if rule_id not in self.rules:
                    continue
                if switch == "NO":
                    chosen.pop(rule_id, None)
                elif switch == "YES":
                    chosen.setdefault(rule_id, None)
                else:
                    chosen[rule_id] = LEVELS[switch]
        if self.min_level is not None:
            lowest = _ORDER.index(LEVELS[self.min_level])
            chosen = {rule_id: level for rule_id, level in chosen.items()
                      if _ORDER.index(level or self.rules[rule_id].severity) >= lowest}
        return chosen


@dataclass(frozen=True)
class StyleOptions:
    """Style rules have no options: their section in the configuration takes only `severity`."""


def load_styles(settings: StyleSettings) -> StyleSet:
    """Find, read and compile the styles and vocabularies a configuration names."""
    loaded = StyleSet()
    sources: dict[str, bytes] = {}
    ini = None
    if settings.vale_config:
        from newslint.styles.vale_ini import read_vale_ini

        try:
            source = _read(settings.vale_config)
            sources[settings.vale_config] = source
            ini = read_vale_ini(settings.vale_config, source)
            loaded.notices += ini.notices
            loaded.min_level = ini.min_level
        except StyleError as error:
            loaded.errors.append(str(error))
    search = []
    for path, what in ((settings.styles_path, "styles-path"), (ini.styles_path if ini else None, "StylesPath")):
        if path is None:
            continue
        if os.path.isdir(path):
            search.append(path)
        else:
            where = ini.path if what == "StylesPath" and ini else settings.source
            loaded.errors.append(f"{where}: {what} '{path}' is not a folder")
    vocabulary = _vocabulary(settings, ini, search, loaded, sources)
    from newslint.styles.checks import Context

    context = Context(vocabulary.exceptions if vocabulary is not None and vocabulary.exceptions else None)

    loaded.selections = _selections(settings, ini)
    named = [style for selection in loaded.selections for style in selection.styles]
    switched = [rule_id.split(".", 1)[0] for selection in loaded.selections for rule_id, _ in selection.switches]
    for style in dict.fromkeys(named + switched):
        if style == BUILT_IN_STYLE:
            continue
        folder = next((os.path.join(base, style) for base in [*search, PACKS]
                       if os.path.isdir(os.path.join(base, style))), None)
        if folder is None:
            places = ", ".join([*search, "the styles shipped with newslint"])
            message = f"style '{style}' not found (looked in {places}; shipped: {', '.join(shipped_styles())})"
            if style in named:
                loaded.errors.append(message)
            else:
                loaded.notices.append(f"{ini.path if ini else 'configuration'}: {message}")
            continue
        loaded.styles.add(style)
        shipped = replace(context, shipped=os.path.dirname(folder) == PACKS)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".yml"):
                _add_rule(loaded, os.path.join(folder, name), style, shipped, settings.timeout, sources)
    _add_built_in_style(loaded, vocabulary, context, settings.timeout, BUILT_IN_STYLE in named + switched)
    for selection in loaded.selections:
        for rule_id, _switch in selection.switches:
            if rule_id not in loaded.rules and rule_id.split(".", 1)[0] in loaded.styles | {BUILT_IN_STYLE}:
                loaded.notices.append(f"{ini.path if ini else 'configuration'}: [{','.join(selection.globs or ['*'])}] "
                                      f"names the rule '{rule_id}', which does not exist")
    digest = hashlib.sha256(repr(settings).encode("utf-8", "surrogatepass"))
    for path in sorted(sources):
        digest.update(path.encode("utf-8", "surrogatepass") + b"\0" + sources[path] + b"\0")
    loaded.digest = digest.hexdigest()
    loaded.vocabulary = vocabulary
    from newslint.styles.checks import Dispatch

    loaded.dispatch = Dispatch(loaded.checks)
    return loaded


def shipped_styles() -> list[str]:
    """The names of the packs shipped with newslint."""
    return sorted(name for name in os.listdir(PACKS) if os.path.isdir(os.path.join(PACKS, name)))


def shipped_rules() -> dict:
    """The rules of the packs shipped with newslint, by id, whether a configuration turns them on
    or not (for `newslint explain`)."""
    return load_styles(StyleSettings(root=PACKS, styles=tuple(shipped_styles()))).rules


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise StyleError(f"{path}: no such file") from None
    except OSError as error:
        raise StyleError(f"{path}: cannot be read ({error.strerror or error})") from None


def _vocabulary(settings: StyleSettings, ini, search: list[str], loaded: StyleSet, sources: dict):
    from newslint.styles.vocabulary import read_vocabularies

    names = list(dict.fromkeys([*settings.vocab, *(ini.vocab if ini else ())]))
    if not names:
        return None
    vocabulary, errors = read_vocabularies(names, search)
    loaded.errors += errors
    sources.update(vocabulary.files)
    return vocabulary


def _selections(settings: StyleSettings, ini) -> list[Selection]:
    selections = [Selection(None, settings.root, rules=("Vale.Avoid",))]  # rejected terms: always
    if ini is not None:
        ini_root = os.path.dirname(os.path.abspath(ini.path))
        for section in ini.sections:
            globs = None if section.glob == "*" else tuple(expand_braces(section.glob))
            selections.append(Selection(globs, ini_root, section.styles, switches=section.switches))
    if settings.styles:
        selections.append(Selection(None, settings.root, settings.styles))
    for glob, styles in settings.per_file_styles:
        selections.append(Selection(tuple(expand_braces(glob)), settings.root, styles))
    return selections


def expand_braces(glob: str) -> list[str]:
    """`*.{md,txt}` as `*.md` and `*.txt` (each brace group in turn), as Vale reads its globs."""
    start = glob.find("{")
    end = glob.find("}", start)
    if start < 0 or end < 0:
        return [glob]
    head, tail = glob[:start], glob[end + 1:]
    return [expanded for option in glob[start + 1:end].split(",") for expanded in expand_braces(head + option + tail)]


def _add_rule(loaded: StyleSet, path: str, style: str, context, timeout: float, sources: dict) -> None:
    from newslint.styles.checks import compile_check

    try:
        source = _read(path)
        sources[path] = source
        rule = read_rule(path, style, source)
        check = None if rule.extends in NOT_RUN else compile_check(rule, context)
    except StyleError as error:
        loaded.errors.append(str(error))
        loaded.failed.add(f"{style}.{os.path.splitext(os.path.basename(path))[0]}")
        return
    _add_check(loaded, check)
    loaded.rules[rule.id] = engine_rule(rule, check, timeout, f"style {path}", loaded)


def _add_check(loaded: StyleSet, check) -> None:
    if check is not None:
        loaded.numbers[id(check)] = len(loaded.checks)
        loaded.checks.append(check)


def engine_rule(rule: RuleFile, check, timeout: float, origin: str, styles: StyleSet | None = None) -> Rule:
    """The engine's rule for a compiled style rule (`check` None: a type newslint does not run)."""
    keys = rule.keys
    if check is None:
        reason = f"{rule.path}: Vale's '{rule.extends}' checks are not run by newslint"

        def run(article, options):
            return iter(())

        def unavailable(options, _reason=reason):
            return _reason
    else:
        number = styles.numbers.get(id(check)) if styles is not None else None

        def run(article, options, _findings=check.findings, _view=ArticleView, _set=styles, _number=number):
            view = article.shared("newslint.styles", _view)
            if _set is not None and _number not in _set.dispatch.candidates(view):
                return []  # most rules on most articles: none of their words, none of what they need
            return _findings(view, timeout)

        unavailable = None
    return Rule(
        id=rule.id,
        module=None,
        severity=LEVELS.get(keys.get("level", "warning"), "warning"),
        options=StyleOptions,
        check=run,
        doc=_doc(rule, origin),
        unavailable=unavailable,
        origin=origin,
        link=keys.get("link") or None,
    )


def _doc(rule: RuleFile, origin: str) -> RuleDoc:
    keys = rule.keys
    message = re.sub(r"%(?:\[\d+\])?s", "…", keys.get("message") or rule.id)  # its placeholders
    summary = (keys.get("description") or message).strip().splitlines()[0]
    lines = [summary, ""]
    if keys.get("description") and keys["description"].strip() != summary:
        lines += [keys["description"].strip(), ""]
    lines += [
        f"Message: {keys.get('message', '')}",
        f"Level: {keys.get('level', 'warning')} (newslint: {LEVELS.get(keys.get('level', 'warning'), 'warning')})",
        f"Check: {rule.extends}" + ("" if rule.extends not in NOT_RUN else " (not run by newslint)"),
        f"Scope: {', '.join(keys.get('scope') or ['text'])}",
        f"Source: {origin.removeprefix('style ')}",
    ]
    if keys.get("link"):
        lines.append(f"Link: {keys['link']}")
    text = "\n".join(lines)
    return RuleDoc(summary, {"What it does": text}, text)


def _add_built_in_style(loaded: StyleSet, vocabulary, context, timeout: float, named: bool) -> None:
    """Vale's own style, when `named`: Terms (accepted terms in their case), Repetition, Spelling;
    and Avoid (rejected terms) whenever a vocabulary rejects something."""
    from newslint.styles.checks import compile_check

    definitions: dict[str, dict] = {}
    if named:
        definitions["Repetition"] = {"extends": "repetition", "message": "'%s' is repeated!", "level": "error",
                                     "alpha": True, "tokens": [r"[^\s]+"]}
        definitions["Spelling"] = {"extends": "spelling", "message": "Did you really mean '%s'?", "level": "error"}
    if named and vocabulary is not None and vocabulary.accepted:
        from newslint.styles.checks import is_phrase

        swap = {term.lower(): term for term in vocabulary.accepted if is_phrase(term)}
        if swap:
            definitions["Terms"] = {"extends": "substitution", "message": "Use '%s' instead of '%s'.",
                                    "level": "error", "ignorecase": True, "swap": swap, "vocab": False}
    if vocabulary is not None and vocabulary.rejected:
        definitions["Avoid"] = {"extends": "existence", "message": "Avoid using '%s'.", "level": "error",
                                "tokens": list(vocabulary.rejected)}
    if definitions:
        loaded.styles.add(BUILT_IN_STYLE)
    for name, keys in definitions.items():
        rule = RuleFile(f"{BUILT_IN_STYLE}.{name}", "(built into Vale)", keys["extends"], keys)
        try:
            check = None if rule.extends in NOT_RUN else compile_check(rule, context)
        except StyleError as error:
            loaded.errors.append(str(error))
            continue
        _add_check(loaded, check)
        loaded.rules[rule.id] = engine_rule(rule, check, timeout, "style Vale (built in)", loaded)
