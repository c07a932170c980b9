"""Typos of common words that word-frequency data make certain, word by word."""

import pytest

pytest.importorskip("wordfreq")

from newslint.german.typos import correction, slips, suspects  # noqa: E402


@pytest.mark.parametrize("typo, word", [
    ("Digitalisirung", "Digitalisierung"),            # a letter left out
    ("Regierunng", "Regierung"),                      # a letter typed twice
    ("Kranknehaus", "Krankenhaus"),                   # two letters swapped
    ("Nachhaltigkiet", "Nachhaltigkeit"),
    ("verantwortlcih", "verantwortlich"),             # lower case
    ("wahrscheinlcih", "wahrscheinlich"),
    ("Bundesverfasungsgericht", "Bundesverfassungsgericht"),
    ("Wohnungsmrakt", "Wohnungsmarkt"),
    ("Klimaschutzgestz", "Klimaschutzgesetz"),         # a compound whose mistyped part is common
    ("Sitzungsprotokol", "Sitzungsprotokoll"),
    ("Klimaschtzgesetz", "Klimaschutzgesetz"),         # „Klimaschatzgesetz“ is known to no data
    ("Bezinkanister", "Benzinkanister"),
    ("Sicherheitsmaßnamen", "Sicherheitsmaßnahmen"),  # ß kept as written
])
def test_a_typo_of_a_common_word_is_corrected(typo, word):
    assert correction(typo) == word


@pytest.mark.parametrize("word", [
    "Gemeinderatssitzungsprotokoll",  # a new compound of known words
    "Wasserstandsmeldungsarchiv",
    "Digitalisierungen",              # an inflected form the data lack
    "Regierung", "Bundesregierung",   # known words
    "Stakeholdern",                   # English with a German ending
    "Paradeiserpflanzen",             # Austrian: no common word one slip away
    "Dosiersystem", "Umsteigepassagiere", "Isolierdecke",  # stems of verbs in compounds
    "Königsdörffer", "Wienroither", "Guenouche", "Saliakas", "Göttscheid",  # names
    "Lindermann", "Temporao",         # „Temporal“? a name from abroad ends as it likes
    "Krankenhasu",                    # so a capitalised word mistyped at its end is left alone
    "Stadtökologe", "Agrarökologen",  # the person of a field, not its name mistyped („Stadtökologie“)
    "hochmotorisierter", "frequentierenden", "waffenverherrlichende",
    "besethen",                       # „bestehen“ or „besetzen“: not certain
    "Digi", "Regirung",               # short, or known to the data as a misspelling
    "DIGITALISIRUNG", "DigitalIsirung",  # all capitals, inner capitals
])
def test_words_names_and_new_compounds_are_no_typos(word):
    assert correction(word) is None


def test_slips_undo_typing_slips_after_the_first_letter():
    assert "haus" in slips("hus")       # a letter left out
    assert "haus" in slips("haaus")     # a letter typed twice
    assert "haus" in slips("hasu")      # two letters swapped
    assert "haus" in slips("hais")      # the key beside
    assert "häuser" in slips("hauser")  # an umlaut lost
    assert "maus" not in slips("haus") and "haus" not in slips("haus")


def test_suspects_are_the_long_words_the_data_do_not_know():
    assert suspects({"Digitalisirung", "Regierung", "Haus"}, ["verantwortlcih", "schnell"]) == {
        "Digitalisirung", "verantwortlcih"}
    assert suspects({"Digitalisirung"}) == {"Digitalisirung"}  # asked again: remembered
