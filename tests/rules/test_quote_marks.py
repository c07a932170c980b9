"""quote-marks: unpaired marks, wrong nesting, and marks outside the house style."""

import pytest
from newslint.engine.fixes import apply
from newslint.engine.testing import assert_findings, findings, fixed_text

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


# -- verbatim quotations in another language, and clean rewrites ----------------------------------


@pytest.mark.parametrize("text", [
    'Krieg\nDer Präsident schrieb auf X: "This is a disaster for all of us". (dpa)\n',
    "Krieg\nDer Präsident schrieb auf X: “We will win this war”, und erntete Spott. (dpa)\n",
    'Paris\nAuf den Plakaten stand "Nous ne sommes pas des criminels". (AFP)\n',
    'Rom\nDer Papst rief "Non abbiate paura di questo mondo". (KNA)\n',
    # a short quotation, the German text after it longer: only its own words tell its language
    'Brüssel\nMusk reagierte auf die Kritik. "The EU should focus on its own bots", schrieb er in einer '
    'Antwort an einen Nutzer, der einen Bericht über die Aussagen der Kommission geteilt hatte. Die '
    'Kommission will das nicht kommentieren. Sie sagte nur: „Wir prüfen das.“ (dpa)\n',
])
def test_a_quotation_in_another_language_keeps_its_own_marks(text):
    assert findings(text, rule="quote-marks") == []


def test_a_german_quotation_in_straight_marks_is_still_flagged():
    text = 'Parlament\nDie Opposition sprach von "Wortbruch und Täuschung der Wähler". (dpa)\n'
    assert [d.suggestion for d in findings(text, rule="quote-marks")] == ["„Wortbruch und Täuschung der Wähler“"]


def test_the_rewrite_converts_inner_straight_quotes():
    text = 'Parlament\nDer Minister sagte: "Das ist "absurd" und falsch." (dpa)\n'
    suggestions = [d.suggestion for d in findings(text, rule="quote-marks")]
    assert suggestions[0] == "„Das ist ‚absurd‘ und falsch.“"
    assert '"' not in "".join(suggestions)


@pytest.mark.parametrize("quotation", ["»Wortbruch «", "„Wortbruch ”", '"Wortbruch "'])
def test_the_rewrite_leaves_no_space_inside_the_new_marks(quotation):
    text = f"Parlament\nDie Opposition sprach von {quotation}. (dpa)\n"
    found = findings(text, rule="quote-marks")
    assert [d.suggestion for d in found] == ["„Wortbruch“"]


@pytest.mark.parametrize("quotation", ['" Das werden wir sehen. "', "» Das werden wir sehen.«",
                                       "“ Das werden wir sehen. ”"])
def test_a_quotation_with_a_space_after_its_opening_mark_is_rewritten_without_it(quotation):
    text = f"Parlament\nDer Minister sagte: {quotation} (dpa)\n"
    [found] = findings(text, rule="quote-marks")
    assert found.suggestion == "„Das werden wir sehen.“"


def test_inner_single_straight_marks_become_inner_marks_and_apostrophes_stay():
    text = "Parlament\nDer Minister sagte: \"Das ist 'absurd' und Peter's Idee aus den '90ern.\" (dpa)\n"
    [found] = findings(text, rule="quote-marks")
    assert found.suggestion == "„Das ist ‚absurd‘ und Peter's Idee aus den '90ern.“"


# -- the fix: the suggestion, written by editing the marks alone ---------------------------------


@pytest.mark.parametrize("text", [
    'Parlament\nDie Opposition sprach von "Wortbruch und Täuschung der Wähler". (dpa)\n',
    'Parlament\nDer Minister sagte: "Das ist "absurd" und falsch." (dpa)\n',
    "Parlament\nDie Opposition sprach von »Wortbruch «. (dpa)\n",
    "Parlament\nDie Opposition sprach von „Wortbruch ”. (dpa)\n",
    'Parlament\nDie Opposition sprach von "Wortbruch ". (dpa)\n',
    "Parlament\nDer Minister sagte: „Das nennt man „kreative Buchführung““. (dpa)\n",
    "Parlament\nDer Minister sagte: \"Das ist 'absurd' und Peter's Idee aus den '90ern.\" (dpa)\n",
])
def test_each_fix_writes_its_suggestion_and_only_marks_and_spaces_change(text):
    found = findings(text, rule="quote-marks")
    assert found
    for d in found:
        fixed, edits, _applied = apply(text, [d.fix])
        assert fixed == text[: d.start] + d.suggestion + text[d.end :]
        assert d.fix.applicability == "safe"
        assert all(text[e.start : e.end].strip() in ('"', "'", "„", "“", "”", "»", "«", "") for e in edits)


def test_markdown_inside_the_quotation_stays():
    text = "# Parlament\n\nDie Opposition sprach von »einem *klaren* Wortbruch«. (dpa)\n"
    assert fixed_text(text, rule="quote-marks", path="a.md") == text.replace("»", "„").replace("«", "“")
