"""Shared fixtures: a small fake rule, so engine tests do not depend on the real rules."""

from __future__ import annotations

import types
from dataclasses import dataclass

import pytest

from newslint.engine import registry
from newslint.engine.finding import Finding
from newslint.engine.registry import Rule


def _make_fake_rule() -> Rule:
    module = types.ModuleType("rules.fake_word")
    module.__doc__ = """Flags a configured word.

    ## What it does
    Flags every occurrence of `word`.

    ## Why is this bad?
    Tests need a rule.

    ## Example
    ```text
    Titel
    Ein Fehler hier.
    ```

    ## Use instead
    ```text
    Titel
    Alles gut hier.
    ```

    ## Options
    - `word` (text): the word to flag.
    - `severity-hint` (text): unused.
    """

    @dataclass(frozen=True)
    class Options:
        word: str = "Fehler"
        severity_hint: str = ""

    def check(article, options):
        for word in article.words:
            if word.text == options.word:
                yield Finding(word.start, word.end, f"„{word.text}“ found", "Richtig")

    module.ID = "fake-word"
    module.SEVERITY = "warning"
    module.Options = Options
    module.check = check
    return Rule.from_module(module)


FAKE_RULE = _make_fake_rule()


@pytest.fixture
def fake_rule(monkeypatch):
    """Replace the registry by one rule, `fake-word`, that flags the word „Fehler“."""
    monkeypatch.setattr(registry, "all_rules", lambda: (FAKE_RULE,))
    return FAKE_RULE
