"""Fake rules and checked articles for the report tests, so they do not depend on the real rules.

`use_fake_rules(monkeypatch)` replaces the registry by the rules below; `check(files)` runs them on
article texts and returns the FileResults a run would report.
"""

from __future__ import annotations

import types
from dataclasses import dataclass

import regex
from newslint.engine import registry
from newslint.engine.config import build_config
from newslint.engine.finding import Edit, Finding, Fix
from newslint.engine.registry import Rule
from newslint.engine.runner import Engine, RunOptions


def make_rule(rule_id: str, severity: str, pattern: str, message: str, suggestion: str | None,
              fix: str | None = None) -> Rule:
    """A rule that flags every match of `pattern` ("$END" flags an article without a credit line);
    with `fix` ("safe" or "unsafe"), replacing the match by the suggestion is its fix."""
    module = types.ModuleType(f"rules.{rule_id.replace('-', '_')}")
    module.__doc__ = f"""Flags: {message}.

    ## What it does
    Flags `{pattern}` in the article.

    ## Why is this bad?
    Readers notice it.

    ## Example
    ```text
    Titel
    Text.
    ```

    ## Use instead
    ```text
    Titel
    Text.
    ```

    ## Options
    None.
    """

    @dataclass(frozen=True)
    class Options:
        pass

    compiled = regex.compile(pattern) if pattern != "$END" else None

    def check(article, options):
        if compiled is None:
            if "(dpa)" not in article.text:
                end = len(article.text.rstrip("\r\n"))
                yield Finding(end, end, message, suggestion)
            return
        for match in compiled.finditer(article.text):
            edit = Fix(fix, (Edit(match.start(), match.end(), suggestion),)) if fix else None
            yield Finding(match.start(), match.end(), message, suggestion, edit)

    module.ID = rule_id
    module.SEVERITY = severity
    module.Options = Options
    module.check = check
    return Rule.from_module(module)


RULES = (
    make_rule("fake-spelling", "error", "Pjönjang", "„Pjönjang“ differs from „Pjöngjang“", "Pjöngjang", "safe"),
    make_rule("fake-dash", "warning", r"(?<=\S) - (?=\S)", "Hyphen used as a dash; write „ – “", " – ", "unsafe"),
    make_rule("fake-credit", "info", "$END", "No credit line; end with „(dpa)“", None),
    make_rule("fake-span", "warning", r"Schluss\.\n+Neu", "Paragraph break inside a thought", None),
)


def use_fake_rules(monkeypatch) -> tuple[Rule, ...]:
    """Register the fake rules instead of the real ones (and forget engines made before)."""
    from newslint.audit.work import engine_for

    monkeypatch.setattr(registry, "all_rules", lambda: RULES)
    engine_for.cache_clear()
    return RULES


def check(files: dict[str, str]) -> list:
    """The FileResults of checking article texts (by path) with the registered rules."""
    rules = registry.rules_by_id()
    engine = Engine(RunOptions())
    config = build_config({}, rules)
    return [engine.check_text(path, text, config) for path, text in files.items()]


ARTICLE = (
    "Pjönjang meldet neuen Raketentest\n"
    "Nordkorea hat erneut eine Rakete gestartet - sagt Seoul.\n"
    "\n"
    "Pjönjang – Die Rakete flog nach Angaben des Generalstabs rund 600 Kilometer weit. "
    "Die Regierung in Pjöngjang äußerte sich zunächst nicht - wie üblich.\n"
    "Das war der Schluss.\n"
    "Neu ist dagegen die Reichweite.\n"
)
