"""Scopes: what a style rule sees of an article — Vale's scopes, newslint's body and quote, Markdown."""

import os

import pytest
from style_kit import kit  # noqa: F401 (a fixture)

ARTICLE = (
    "Sehr gute Nachricht\n"                                   # headline
    "Ein sehr kurzer Vorspann über alles.\n"                    # teaser
    "Berlin – Er sagte: „Das ist sehr gut.“ Es war sehr spät.\n"  # paragraph
    "Zwischentitel sehr\n"                                    # subheading
    "Sie fand es „sehr schön“, sagte sie. Sehr.\n"           # paragraph
)


def rule(scope: str) -> str:
    return f"extends: existence\nmessage: '%s'\nignorecase: true\nscope: {scope}\ntokens: [sehr]\n"


def lines_of(found) -> list[tuple[int, int]]:
    return [(line, column) for line, column, *_ in found]


@pytest.mark.parametrize("scope, expected", [
    ("text", [(1, 1), (2, 5), (3, 29), (3, 47), (4, 15), (5, 14), (5, 38)]),
    ("heading", [(1, 1), (4, 15)]),
    ("heading.h1", [(1, 1)]),
    ("heading.h2", [(4, 15)]),
    ("paragraph", [(2, 5), (3, 29), (3, 47), (5, 14), (5, 38)]),
    ("summary", [(2, 5), (3, 29), (3, 47), (5, 14), (5, 38)]),
    ("sentence", [(1, 1), (2, 5), (3, 29), (3, 47), (4, 15), (5, 14), (5, 38)]),
    ("body", [(1, 1), (2, 5), (3, 47), (4, 15), (5, 38)]),
    ("quote", [(3, 29), (5, 14)]),
    ("'~heading'", [(2, 5), (3, 29), (3, 47), (5, 14), (5, 38)]),
    ("'body & ~heading'", [(2, 5), (3, 47), (5, 38)]),
    ("[heading, quote]", [(1, 1), (3, 29), (4, 15), (5, 14)]),
    ("list", []),           # Vale's HTML scopes the article model does not have
    ("blockquote", []),
    ("paragraph.rst", []),  # a format newslint does not read
])
def test_scopes(kit, scope, expected):
    kit.rule("Sehr", rule(scope))
    assert lines_of(kit.found(ARTICLE)) == expected


def test_a_markdown_only_scope(kit):
    kit.rule("Sehr", rule("heading.md"))
    assert kit.found(ARTICLE) == []
    assert lines_of(kit.found("# Sehr gut\n\nSehr gut.\n", path="a.md")) == [(1, 3)]


def test_sentence_scope_counts_per_sentence(kit):
    kit.rule("Long", "extends: occurrence\nmessage: '%s Wörter'\nscope: sentence\nmax: 4\ntoken: '\\b\\w+\\b'\n")
    assert [f[3] for f in kit.found("Titel\nEins zwei drei vier. Eins zwei drei vier fünf.\n")] == ["5 Wörter"]


def test_raw_sees_the_file_as_it_is(kit):
    kit.rule("Code", "extends: existence\nmessage: '%s'\nscope: raw\nnonword: true\ntokens: ['`rm`']\n")
    assert lines_of(kit.found("# Titel\n\nNie `rm` tippen.\n", path="a.md")) == [(3, 5)]
    kit.rule("Code", "extends: existence\nmessage: '%s'\nnonword: true\ntokens: ['`rm`', rm]\n")
    assert kit.found("# Titel\n\nNie `rm` tippen.\n", path="a.md") == []  # code is not text


def test_unknown_and_retired_scopes_are_errors(kit):
    kit.rule("Bad", rule("paragrahp"))
    kit.rule("Old", rule("code"))
    result, engine = kit.check(ARTICLE)
    errors = engine.load_errors()
    assert any("Bad.yml: rule 'T.Bad': unknown scope 'paragrahp'" in e for e in errors), errors
    assert any("Old.yml: rule 'T.Old': scope 'code' is no longer supported" in e for e in errors), errors


MARKDOWN = """---
title: Sehr wichtig
---
Ein **sehr** wichtiger Satz , mit `sehr` Code und [sehr](https://sehr.example) viel.

```
sehr
```

## Sehr spät
"""


def test_markdown_rules_see_prose_not_markup_and_positions_are_the_files(kit):
    sehr = kit.rule("Sehr", rule("text"))
    assert lines_of(kit.found(MARKDOWN, path="a.md")) == [(2, 8), (4, 7), (4, 52), (10, 4)]
    os.remove(sehr)
    kit.rule("Space", "extends: existence\nmessage: '%s'\nnonword: true\ntokens: ['\\s,', '\\w\\s{2,}\\w']\n")
    # "**sehr**": the markup is gone, not blanked, so no double space appears; " ," is real
    assert kit.spans(MARKDOWN, path="a.md") == [" ,"]


def test_headings_anchor_their_pattern(kit):
    kit.rule("End", "extends: existence\nmessage: '%s'\nscope: heading\nnonword: true\ntokens: ['[.!?]$']\n")
    assert lines_of(kit.found("Ein Titel.\nDer Text endet.\nZwischentitel\nMehr Text.\n")) == [(1, 10)]
