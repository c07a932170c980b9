"""Inline suppression comments in Markdown articles."""

from newslint.engine.testing import findings

ARTICLE = """---
title: Titel
---
Ein Fehler hier.

<!-- newslint: disable-next-line=fake-word -->
Ein Fehler, unterdrückt.

<!-- newslint: disable=fake-word -->
Noch ein Fehler, unterdrückt.
<!-- newslint: enable=fake-word -->
Wieder ein Fehler.

<!-- newslint: disable -->
Ein Fehler, alle Regeln aus.
"""


def test_comments_turn_rules_off_where_they_say(fake_rule):
    found = findings(ARTICLE, rule="fake-word", path="a.md")
    assert [d.line for d in found] == [4, 12]


def test_comments_in_plain_text_are_text(fake_rule):
    text = "Titel\n<!-- newslint: disable-next-line=fake-word -->\nEin Fehler.\n"
    assert [d.line for d in findings(text, rule="fake-word", path="a.txt")] == [3]


def test_other_rules_are_not_suppressed(fake_rule):
    text = "Titel\n\n<!-- newslint: disable-next-line=other-rule -->\nEin Fehler.\n"
    assert [d.line for d in findings(text, rule="fake-word", path="a.md")] == [4]
