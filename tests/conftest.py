"""Shared fixtures: a small fake rule, so engine tests do not depend on the real rules.

The tests are organised like the code (engine/, article/, german/, rules/, reports/, cli/,
audit/, properties/); what several of them use — fakes, factories, the browser, paths, data —
is in support/, which is put on the import path here.
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "support"))

from newslint.engine import registry  # noqa: E402
from newslint.engine.finding import Finding  # noqa: E402
from newslint.engine.registry import Rule  # noqa: E402


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
    module.ALIASES = ("old-word",)  # its id before a rename
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


@pytest.fixture
def another_rule(fake_rule, monkeypatch):
    """A second rule beside `fake-word` (it flags nothing in the tests' articles), for runs that turn
    `fake-word` off: a run of no rule at all is a usage error."""
    from fake_reports import make_rule

    other = make_rule("fake-other", "info", "Zzyzx", "„Zzyzx“ found", None)
    monkeypatch.setattr(registry, "all_rules", lambda: (fake_rule, other))
    return other
