"""The shared parse of credit lines and datelines (`newslint.german.credits`)."""

from functools import lru_cache

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslint.article.model import parse
from newslint.german.credits import (
    AGENCIES,
    closest_name,
    dateline_length,
    sourcing,
    starts_with_dateline,
)
from newslint.german.distance import edit_distance

ARTICLE = "Titel\nBerlin (dpa) – Die Regierung hat entschieden.\nDas sagte sie. (jk/dpa/AFP)\n"


@lru_cache(maxsize=None)
def _levenshtein_with_swaps(a: str, b: str) -> int:
    """Plain recursive definition, for comparison (remembered, so that longer words take little time)."""
    if not a or not b:
        return len(a) + len(b)
    options = [
        _levenshtein_with_swaps(a[1:], b) + 1,
        _levenshtein_with_swaps(a, b[1:]) + 1,
        _levenshtein_with_swaps(a[1:], b[1:]) + (a[0] != b[0]),
    ]
    if len(a) > 1 and len(b) > 1 and a[0] == b[1] and a[1] == b[0]:
        options.append(_levenshtein_with_swaps(a[2:], b[2:]) + 1)
    return min(options)


@given(st.text("adpfAFP", max_size=5), st.text("adpfAFP", max_size=5))
def test_edit_distance_matches_its_definition(a, b):
    assert edit_distance(a, b) == _levenshtein_with_swaps(a, b)


@given(st.text("ab", max_size=3), st.text("ab", max_size=4), st.text("ab", max_size=4), st.text("ab", max_size=3))
def test_edit_distance_compares_what_lies_between_a_common_start_and_end(start, a, b, end):
    assert edit_distance(start + a + end, start + b + end) == _levenshtein_with_swaps(start + a + end, start + b + end)


@pytest.mark.parametrize(
    "text, expected",
    [("dap", "dpa"), ("DAP", "dpa"), ("Reuter", "Reuters"), ("Reuetrs", "Reuters"), ("AFB", "AFP"),
     ("Keystone-SAD", "Keystone-SDA"), ("Ohio", None), ("NEMA", None), ("xy", None)],
)
def test_closest_agency(text, expected):
    assert closest_name(text, AGENCIES) == expected


def test_sourcing_finds_dateline_and_credit_line_and_is_computed_once():
    article = parse("a.txt", ARTICLE)
    found = sourcing(article)
    assert sourcing(article) is found
    assert found.dateline.place.text == "Berlin"
    assert found.dateline.source.agencies == ("dpa",)
    assert ARTICLE[found.dateline.dash.start : found.dateline.dash.end] == " – "
    credit = found.credit
    assert ARTICLE[credit.start : credit.end] == "(jk/dpa/AFP)"
    assert credit.kuerzel.text == "jk" and credit.agencies == ("dpa", "AFP") and credit.well_formed
    assert found.misplaced == ()


def test_a_different_agency_list_gives_its_own_result():
    article = parse("a.txt", ARTICLE)
    assert sourcing(article, ("dpa",)).credit.parts[-1].role == "unknown"
    assert sourcing(article).credit.parts[-1].role == "agency"


@pytest.mark.parametrize(
    "credit, fixed",
    [("(ale/DPA, afp", "(ale/dpa/AFP)"), ("( dpa//dpa )", "(dpa)"), ("DAP/Reuter)", "(dpa/Reuters)"), ("(dap/Reuter)", "(dap/Reuters)")],
)
def test_fixed_credit_line(credit, fixed):
    article = parse("a.txt", f"Titel\nDie Regierung hat entschieden. {credit}\n")
    assert sourcing(article).credit.fixed() == fixed


@pytest.mark.parametrize(
    "text, expected",
    [("Berlin – Die", True), ("Berlin (dpa) - Die", True), ("WASHINGTON (AP) — The", True),
     ("Frankfurt am Main – Die", True), ("Die Regierung – sagte er", False), ("Berlin-Mitte ist", False),
     ("Russlands Präsident Wladimir Putin schmiedet neue Allianzen.", False)],
)
def test_starts_with_dateline(text, expected):
    assert starts_with_dateline(text) is expected


@pytest.mark.parametrize(
    "paragraph, dateline",
    [
        ("Berlin (dpa/AFP) – Der Minister nannte die Vorwürfe haltlos.", "Berlin (dpa/AFP) – "),
        ("Frankfurt am Main – Die Börse schloss fester.", "Frankfurt am Main – "),
        ("Wien (APA) - „Wir bleiben“, sagte der Kanzler.", "Wien (APA) - "),
        # no dateline: a sentence, an aside between dashes
        ("Die Kürzung der Pauschale – auch das ist neu – trifft viele.", ""),
        ("Ministerin Anna Berger – sichtlich verärgert – verließ den Saal.", ""),
        ("Der Minister nannte die Vorwürfe haltlos.", ""),
    ],
)
def test_dateline_length_is_what_the_dateline_takes_of_a_paragraph(paragraph, dateline):
    assert paragraph[: dateline_length(paragraph)] == dateline
