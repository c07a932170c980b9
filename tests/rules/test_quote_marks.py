"""quote-marks: unpaired marks, wrong nesting, and marks outside the house style."""

import pytest
from newslint.engine.testing import assert_findings

RULE = "quote-marks"
HEAD = "Titel\nBerlin – Ein Bericht über die Lage.\n"


@pytest.mark.parametrize(
    "body",
    [
        "„Wir kommen“, sagte sie.",
        "„Er rief ‚Halt!‘ und lief weg“, sagte sie.",
        "Das geht’s nicht an, sagte er über die ’Ndrangheta.",
        "Die 90er-Jahre waren anders.",
        "Er sagte: „Wir kommen.“",
    ],
)
def test_house_style_passes(body):
    assert_findings(HEAD + body + "\n", [], rule=RULE)


@pytest.mark.parametrize(
    "body, column, message, suggestion",
    [
        ("Sie sagte: „Wir kommen.", 12, "never closed", None),
        ("Sie sagte: Wir kommen.“ Dann ging sie.", 23, "never opened", None),
        ('Die Opposition sprach von "Wortbruch".', 27, "straight quotation marks", "„Wortbruch“"),
        ('Die Opposition sprach von „Wortbruch".', 27, "mixes quotation styles", "„Wortbruch“"),
        ("Die Opposition sprach von „Wortbruch”.", 27, "mixes quotation styles", "„Wortbruch“"),
        ("Die Opposition sprach von »Wortbruch«.", 27, "house style „…“", "„Wortbruch“"),
        ("Die Opposition sprach von «Wortbruch».", 27, "house style „…“", "„Wortbruch“"),
        ("Die Opposition sprach von “Wortbruch”.", 27, "house style „…“", "„Wortbruch“"),
    ],
)
def test_broken_or_foreign_marks_are_flagged(body, column, message, suggestion):
    found = assert_findings(HEAD + body + "\n", [(3, column, RULE)], rule=RULE)
    assert message in found[0].message
    assert found[0].suggestion == suggestion


def test_double_marks_inside_double_marks_are_wrongly_nested():
    body = "„Er rief „Halt!“ und lief weg“, sagte sie."
    found = assert_findings(HEAD + body + "\n", [(3, 10, RULE)], rule=RULE)
    assert "‚…‘" in found[0].message
    assert found[0].suggestion == "‚Halt!‘"


def test_a_quote_over_several_paragraphs_follows_the_news_convention():
    text = HEAD + "Sie sagte: „Wir kommen.\n„Und wir bleiben.“\n"
    assert_findings(text, [], rule=RULE)


def test_a_quote_left_open_without_reopening_is_flagged():
    text = HEAD + "Sie sagte: „Wir kommen.\nUnd wir bleiben.“\n"
    assert_findings(text, [(3, 12, RULE), (4, 17, RULE)], rule=RULE)


@pytest.mark.parametrize("style, body", [
    ("guillemets", "Sie sagte: »Wir kommen, ›sofort‹.«"),
    ("swiss", "Sie sagte: «Wir kommen, ‹sofort›.»"),
    ("german", "Sie sagte: „Wir kommen, ‚sofort‘.“"),
])
def test_each_house_style_passes_its_own_marks(style, body):
    assert_findings(HEAD + body + "\n", [], rule=RULE, style=style)


def test_guillemets_house_style_flags_german_marks():
    found = assert_findings(HEAD + "Sie sagte: „Wir kommen.“\n", [(3, 12, RULE)], rule=RULE, style="guillemets")
    assert found[0].suggestion == "»Wir kommen.«"


def test_without_house_style_only_a_mix_is_flagged():
    body = "Sie sagte: »Wir kommen.« Er sagte: „Wir auch.“"
    assert_findings(HEAD + body + "\n", [(3, 36, RULE)], rule=RULE, style="any")
    assert_findings(HEAD + "Sie sagte: »Wir kommen.«\n", [], rule=RULE, style="any")


def test_straight_quotes_in_english_text_are_not_flagged():
    text = "---\nlang: en\n---\nShe said \"we are coming\".\n"
    assert_findings(text, [], rule=RULE, path="article.md", style="any")


def test_an_unknown_style_is_a_configuration_error():
    with pytest.raises(Exception, match="style must be one of"):
        assert_findings(HEAD + "Text.\n", [], rule=RULE, style="bavarian")
