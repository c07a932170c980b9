"""Helpers for testing rules, in the style of pyflakes' and yamllint's tests.

    assert_findings("Pjönjang – …\n", [(1, 1, "spelling-consistency")], rule="spelling-consistency")

runs the rule on the article text and compares (line, column, rule) of its findings with the
expected ones; on failure the message shows the input and every finding with its message.
`fixed_text(text, rule=..., unsafe=False)` is the article after `--fix` (`--unsafe-fixes` too
with `unsafe=True`).
"""

from __future__ import annotations

import datetime as dt

from newslint.engine.config import build_config
from newslint.engine.finding import Diagnostic
from newslint.engine.registry import rules_by_id
from newslint.engine.runner import Engine, RunOptions


def findings(
    text: str,
    rule: str | None = None,
    path: str = "article.txt",
    published: str | dt.date | None = None,
    **options,
) -> list[Diagnostic]:
    """Run one rule (or all) on an article text; options are the rule's, in snake_case."""
    engine, config = _engine(rule, published, options)
    result = engine.check_text(path, text, config)
    if result.error:
        raise AssertionError(f"{path}: {result.error}")
    return result.diagnostics


def fixed_text(
    text: str,
    rule: str | None = None,
    path: str = "article.txt",
    published: str | dt.date | None = None,
    unsafe: bool = False,
    **options,
) -> str:
    """The article text after `--fix` with one rule (or all); `unsafe` adds `--unsafe-fixes`."""
    from newslint.engine.fixes import fix_text

    engine, config = _engine(rule, published, options)
    fixed = fix_text(lambda text: engine.check_text(path, text, config), text, unsafe)
    if fixed.result.error:
        raise AssertionError(f"{path}: {fixed.result.error}")
    return fixed.text


def _engine(rule: str | None, published, options: dict):
    """An engine that runs one rule (or all), and the configuration with the rule's options."""
    rules = rules_by_id()
    table: dict = {}
    if rule is not None:
        table[rule] = {name.replace("_", "-"): value for name, value in options.items()}
    elif options:
        raise TypeError("options need a rule")
    if published is not None:
        table["published"] = published if isinstance(published, dt.date) else dt.date.fromisoformat(published)
    config = build_config(table, rules)
    return Engine(RunOptions(select=(rule,) if rule else None)), config


def assert_findings(text: str, expected: list[tuple[int, int, str]], **kwargs) -> list[Diagnostic]:
    """Assert that the findings on `text` are exactly `expected` as (line, column, rule)."""
    found = findings(text, **kwargs)
    actual = [(d.line, d.column, d.rule) for d in found]
    if actual != list(expected):
        shown = "\n".join(f"  {d.line}:{d.column} {d.rule}: {d.message} (suggestion: {d.suggestion})"
                          for d in found) or "  (none)"
        raise AssertionError(
            f"findings differ\ninput:\n{_numbered(text)}\nexpected: {expected}\n"
            f"actual:   {actual}\nfindings:\n{shown}"
        )
    return found


def _numbered(text: str) -> str:
    return "\n".join(f"  {n:>3}| {line}" for n, line in enumerate(text.split("\n"), 1))
