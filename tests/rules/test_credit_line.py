"""credit-line: the article ends with one credit line in house format."""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslint.engine.testing import assert_findings, findings
from newslint.german.credits import AGENCIES
from paths import SAMPLE

RULE = "credit-line"
HEADLINE = "Russland und Nordkorea schließen Beistandspakt"
BODY = "Pjöngjang – Russland und Nordkorea haben einen Beistandspakt unterzeichnet."
LAST = "Das teilte der Kreml am Mittwoch mit, hieß es in der Erklärung."

GOOD = [
    "(dpa)", "(AFP)", "(AP)", "(Reuters)", "(KNA)", "(epd)", "(SID)", "(dts)", "(APA)",
    "(Keystone-SDA)", "(dpa-AFX)", "(AFP/dpa)", "(dpa/AFP)", "(jk/dpa)", "(erpe/dpa/AFP)",
    "(dpa/AFP/Reuters)", "(ale/KNA/epd)", "(sda)", "(Kathpress)",
    # dpa's regional services after it
    "(dpa/lby)", "(dpa/lnw)", "(jk/dpa/lsw)", "(dpa/sn)", "(dpa/bb/AFP)", "(dpa/tmn)",
    "(awp/sda)",
]

# credit line -> findings as (offset in the credit line, suggestion), in order
BAD = {
    "(ale/dpa/AFP": [(0, "(ale/dpa/AFP)")],
    "(dpa": [(0, "(dpa)")],
    "dpa/AFP)": [(0, "(dpa/AFP)")],
    "(dpa, AFP)": [(0, "(dpa/AFP)")],
    "(dpa; AFP)": [(0, "(dpa/AFP)")],
    "(dpa / AFP)": [(0, "(dpa/AFP)")],
    "( dpa )": [(0, "(dpa)")],
    "(jk /dpa)": [(0, "(jk/dpa)")],
    "(dpa AFP)": [(0, "(dpa/AFP)")],
    "(dpa//AFP)": [(0, "(dpa/AFP)")],
    "(/dpa)": [(0, "(dpa)")],
    "(dpa/)": [(0, "(dpa)")],
    "(DPA)": [(1, "dpa")],
    "(kna)": [(1, "KNA")],
    "(dpa/afp)": [(5, "AFP")],
    "(Afp)": [(1, "AFP")],
    "(reuters)": [(1, "Reuters")],
    "(EPD)": [(1, "epd")],
    "(Dpa-Afx)": [(1, "dpa-AFX")],
    "(keystone-sda)": [(1, "Keystone-SDA")],
    "(dap)": [(1, "dpa")],
    "(Reuter)": [(1, "Reuters")],
    "(AFB)": [(1, "AFP")],
    "(jk/dap)": [(4, "dpa")],
    "(dpa/Xinhau)": [(5, "Xinhua")],
    "(dpa/AFP/dpa)": [(8, None)],  # the repeat with the slash before it
    "(dpa/dpa)": [(4, None)],
    "(dpa/jk)": [(5, None)],
    "(AFP/lby)": [(5, None)],  # a service of dpa only after dpa
    "(dpa, lby)": [(0, "(dpa/lby)")],
    "(DPA, afp)": [(0, "(dpa/AFP)"), (1, "dpa"), (6, "AFP")],
}

# parentheses at the end that are no credit line
NOT_CREDITS = ["(Ohio)", "(20. Juni)", "(NEMA)", "(Revierderby)", "(1:2)", "(siehe oben)", "(je sechs)"]


def _article(credit: str, own_line: bool) -> tuple[str, int, int]:
    """The article with `credit` at its end, and the line and column where the credit starts."""
    if own_line:
        return f"{HEADLINE}\n{BODY}\n{LAST}\n{credit}\n", 4, 1
    return f"{HEADLINE}\n{BODY}\n{LAST} {credit}\n", 3, len(LAST) + 2


def test_the_table_holds_at_least_forty_credit_lines():
    assert len(GOOD) + len(BAD) + len(NOT_CREDITS) >= 40


@pytest.mark.parametrize("own_line", [False, True], ids=["closing the paragraph", "own line"])
@pytest.mark.parametrize("credit", GOOD)
def test_good_credit_lines_pass(credit, own_line):
    text, _, _ = _article(credit, own_line)
    assert_findings(text, [], rule=RULE)


@pytest.mark.parametrize("own_line", [False, True], ids=["closing the paragraph", "own line"])
@pytest.mark.parametrize("credit", list(BAD))
def test_bad_credit_lines_are_flagged_with_the_right_form(credit, own_line):
    text, line, column = _article(credit, own_line)
    found = findings(text, rule=RULE)
    actual = [(d.line, d.column - column, d.suggestion) for d in found]
    assert actual == [(line, offset, suggestion) for offset, suggestion in BAD[credit]], (
        [d.message for d in found]
    )


@pytest.mark.parametrize("credit", NOT_CREDITS)
def test_ordinary_parentheses_are_no_credit_line(credit):
    text, _, _ = _article(credit, own_line=False)
    assert_findings(text, [], rule=RULE, required=False)
    (missing,) = findings(text, rule=RULE)
    assert missing.message.startswith("no credit line")


def test_ordinary_parentheses_in_the_text_are_left_alone():
    text = (f"{HEADLINE}\n{BODY}\nAm Donnerstag (20. Juni) sagte der Sprecher (SPD) in Lebanon (Ohio) "
            "etwas (siehe oben).\nDie Behörde (NEMA) widersprach. (dpa)\n")
    assert_findings(text, [], rule=RULE)


def test_messages_say_what_to_write():
    (casing,) = findings(f"{HEADLINE}\n{BODY}\n{LAST} (DPA)\n", rule=RULE)
    assert casing.message == "„DPA“: the agency writes itself „dpa“"
    (unknown,) = findings(f"{HEADLINE}\n{BODY}\n{LAST} (dap)\n", rule=RULE)
    assert unknown.message == "unknown agency „dap“: did you mean „dpa“?"
    (form,) = findings(f"{HEADLINE}\n{BODY}\n{LAST} (ale/dpa/AFP\n", rule=RULE)
    assert form.message == "credit line „(ale/dpa/AFP“ lacks its closing parenthesis: write „(ale/dpa/AFP)“"
    (twice,) = findings(f"{HEADLINE}\n{BODY}\n{LAST} (dpa/AFP/dpa)\n", rule=RULE)
    assert twice.message == "„dpa“ is named twice in the credit line: write „(dpa/AFP)“"


def test_an_unknown_agency_far_from_every_known_one_is_named_without_suggestion():
    (finding,) = findings(f"{HEADLINE}\n{BODY}\n{LAST} (dpa/Qwertz)\n", rule=RULE)
    assert "unknown agency „Qwertz“" in finding.message and finding.suggestion is None


# -- where the credit line stands -----------------------------------------------------------


def test_missing_credit_line_is_reported_at_the_end():
    text = f"{HEADLINE}\n{BODY}\n{LAST}\n"
    (finding,) = assert_findings(text, [(3, len(LAST), RULE)], rule=RULE)
    assert "„(dpa)“" in finding.message


def test_missing_credit_line_is_fine_when_not_required():
    assert_findings(f"{HEADLINE}\n{BODY}\n{LAST}\n", [], rule=RULE, required=False)


@pytest.mark.parametrize("byline", ["Von Katrin Wallner", "Von Anna Gruber und Thomas Steiner",
                                    "*Von Eva Prandtner, Wien*"])
def test_the_newsrooms_own_article_with_a_byline_needs_no_credit_line(byline):
    assert_findings(f"{HEADLINE}\n\n{byline}\n\n{BODY}\n{LAST}\n", [], rule=RULE)


@pytest.mark.parametrize("author", ["Anna Gruber", "Anna Gruber und Thomas Steiner"])
def test_the_author_of_the_front_matter_marks_the_newsrooms_own_article(author):
    text = f"---\ntitle: {HEADLINE}\nauthor: {author}\n---\n\n{BODY}\n\n{LAST}\n"
    assert_findings(text, [], rule=RULE, path="article.md")


@pytest.mark.parametrize("author", ["dpa", "Anna Muster, AFP", "Redaktion Politik", "Deutsche Presse-Agentur"])
def test_an_agency_or_a_desk_as_author_still_needs_a_credit_line(author):
    text = f"---\ntitle: {HEADLINE}\nauthor: {author}\n---\n\n{BODY}\n\n{LAST}\n"
    assert [d.message[:15] for d in findings(text, rule=RULE, path="article.md")] == ["no credit line:"]


def test_the_author_of_a_record_in_an_export_does_not_replace_the_credit_line():
    # a content-management export names the editor who published agency copy as its author too
    record = '{"headline": "Handelsgespräche", "body": "Peking – Die EU und China verhandeln.", "author": "Ben Cohn"}\n'
    assert [d.message[:15] for d in findings(record, rule=RULE, path="export.jsonl")] == ["no credit line:"]


@pytest.mark.parametrize("signature", [" (mp)", "\n\n(jk)"])
def test_the_authors_initials_ending_the_article_mark_the_newsrooms_own_article(signature):
    assert_findings(f"{HEADLINE}\n{BODY}\n{LAST}{signature}\n", [], rule=RULE)


def test_an_agency_misspelt_is_no_authors_initials():
    assert [d.message[:15] for d in findings(f"{HEADLINE}\n{BODY}\n{LAST} (dap)\n", rule=RULE)] == ["unknown agency "]


@pytest.mark.parametrize("ending", ["Das Gespräch führte Christian Meding.", "*Interview: Anna Gruber*"])
def test_an_interview_signed_by_its_interviewer_needs_no_credit_line(ending):
    text = f"{HEADLINE}\n\nFrau Gruber, was ist neu?\n\nAlles. Wir haben mehr Platz.\n\n{ending}\n"
    assert_findings(text, [], rule=RULE)


@pytest.mark.parametrize("ending", ["Das Interview führte AFP-Korrespondentin Anna Gruber.",
                                    "Interview: Deutsche Presse-Agentur", "Das Gespräch führte Redaktion Politik."])
def test_an_interview_signed_by_an_agency_or_a_desk_still_needs_a_credit_line(ending):
    text = f"{HEADLINE}\n\nFrau Gruber, was ist neu?\n\nAlles. Wir haben mehr Platz.\n\n{ending}\n"
    assert [d.message[:15] for d in findings(text, rule=RULE)] == ["no credit line:"]


@pytest.mark.parametrize("first", ["Von Anna Muster, AFP", "Von Berlin aus fuhr der Zug los.",
                                   "Von AFP-Korrespondentin Anna Gruber", "Von Redaktion Politik"])
def test_a_byline_naming_an_agency_or_a_sentence_is_no_own_article(first):
    found = findings(f"{HEADLINE}\n\n{first}\n\n{BODY}\n{LAST}\n", rule=RULE)
    assert [d.message[:15] for d in found] == ["no credit line:"]


def test_a_dateline_with_the_source_replaces_the_credit_line():
    text = f"{HEADLINE}\nBerlin (dpa) – Die Regierung hat entschieden.\n{LAST}\n"
    assert_findings(text, [], rule=RULE)


def test_a_dateline_after_a_teaser_set_apart_replaces_the_credit_line_too():
    text = f"{HEADLINE}\n\nSeit Januar gilt die neue Regel.\n\nBerlin (dpa) – Die Regierung hat entschieden.\n{LAST}\n"
    assert_findings(text, [], rule=RULE)


def test_a_name_and_a_party_after_a_teaser_are_no_dateline():
    text = f"{HEADLINE}\n\nIm Bundestag eskaliert der Streit.\n\nAlice Weidel (AfD) - die Fraktionschefin - sprach von Betrug.\n\n{LAST}\n"
    assert [d.message[:15] for d in findings(text, rule=RULE)] == ["no credit line:"]


def test_a_later_paragraph_without_a_source_is_no_dateline():
    text = f"{HEADLINE}\n\nGhana und Australien trennten sich.\n\nGhana - Australien: 1:1 (1:1)\n\n{LAST}\n"
    assert [d.message[:15] for d in findings(text, rule=RULE)] == ["no credit line:"]


def test_the_dateline_source_is_checked_like_a_credit_line():
    text = f"{HEADLINE}\nBerlin (DPA) – Die Regierung hat entschieden.\n{LAST}\n"
    (finding,) = assert_findings(text, [(2, 9, RULE)], rule=RULE)
    assert finding.suggestion == "dpa"


def test_a_credit_line_before_the_end_is_reported():
    text = f"{HEADLINE}\n{BODY} (dpa)\n{LAST}\n"
    (finding,) = assert_findings(text, [(2, len(BODY) + 2, RULE)], rule=RULE)
    assert "not at the end" in finding.message


@pytest.mark.parametrize(
    "ending, column",
    [(f"{LAST} (dpa)\n(AFP)\n", len(LAST) + 2), (f"{LAST} (dpa) (AFP)\n", len(LAST) + 2),
     (f"{LAST}\n(dpa)\n(dpa)\n", 1)],
    ids=["own line after", "same paragraph", "both on own lines"],
)
def test_a_second_credit_line_is_reported(ending, column):
    text = f"{HEADLINE}\n{BODY}\n{ending}"
    (finding,) = findings(text, rule=RULE)
    assert finding.message.startswith("second credit line „(dpa)“")
    assert finding.column == column


def test_credit_line_followed_by_more_text_is_not_at_the_end():
    text = f"{HEADLINE}\n{BODY}\n{LAST} (dpa)\nMehr zum Thema lesen Sie morgen.\n"
    found = findings(text, rule=RULE)
    assert [(d.line, d.column) for d in found] == [(3, len(LAST) + 2)]
    assert "not at the end" in found[0].message


def test_a_credit_line_ending_the_paragraph_without_full_stop_counts():
    assert_findings(f"{HEADLINE}\n{BODY}\nDer Zug fuhr weiter nach Lwiw (dpa)\n", [], rule=RULE)


# -- options --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "credit, expected",
    [("(jk/dpa)", []), ("(erpe/dpa/AFP)", []), ("(xy/dpa)", [(1, None)]), ("(erpi/dpa)", [(1, "erpe")])],
)
def test_staff_list(credit, expected):
    text = f"{HEADLINE}\n{BODY}\n{LAST} {credit}\n"
    found = findings(text, rule=RULE, staff=["erpe", "jk"])
    assert [(d.column - len(LAST) - 2, d.suggestion) for d in found] == expected
    assert all("editor abbreviation" in d.message for d in found)


def test_agency_list_is_configurable():
    agencies = ["dpa", "Kathpress"]
    text = f"{HEADLINE}\n{BODY}\n{LAST} (Kathpres)\n"
    (finding,) = findings(text, rule=RULE, agencies=agencies)
    assert finding.suggestion == "Kathpress"
    assert_findings(f"{HEADLINE}\n{BODY}\n{LAST} (dpa/Kathpress)\n", [], rule=RULE, agencies=agencies)


def test_markdown_article_with_emphasised_credit_line():
    text = f"---\ntitle: {HEADLINE}\n---\n{BODY}\n\n{LAST} *(dpa/AFP)*\n"
    assert_findings(text, [], rule=RULE, path="article.md")
    bad = f"---\ntitle: {HEADLINE}\n---\n{BODY}\n\n{LAST}\n\n(dpa/afp)\n"
    (finding,) = assert_findings(bad, [(8, 6, RULE)], rule=RULE, path="article.md")
    assert finding.suggestion == "AFP"


@pytest.mark.skipif(not SAMPLE.exists(), reason="the sample article is absent")
def test_the_sample_article_passes():
    assert_findings(SAMPLE.read_text(encoding="utf-8"), [], rule=RULE, path=SAMPLE.name)


def test_an_abbreviation_after_a_quotation_is_no_credit_line():
    text = f"{HEADLINE}\n{BODY}\nZuständig ist die „Deutsche Flugsicherung“ (DFS)\n"
    assert_findings(text, [], rule=RULE, required=False)


def test_a_credit_line_after_a_closing_quotation():
    assert_findings(f"{HEADLINE}\n{BODY}\nDann sagte er: „Wir kommen.“ (dpa)\n", [], rule=RULE)
    (finding,) = findings(f"{HEADLINE}\n{BODY}\nDann sagte er: „Wir kommen.“ (dap)\n", rule=RULE)
    assert finding.suggestion == "dpa"


KUERZEL = st.text("abcefghijklmnorstuvwxyz", min_size=2, max_size=4).filter(
    lambda k: k.casefold() not in {a.casefold() for a in AGENCIES}
)
HOUSE_AGENCIES = ("dpa", "AFP", "AP", "Reuters", "KNA", "epd", "SID", "dts", "APA", "Keystone-SDA", "dpa-AFX")


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.none(), KUERZEL), st.lists(st.sampled_from(HOUSE_AGENCIES), min_size=1, max_size=3, unique=True),
       st.booleans())
def test_any_house_credit_line_passes(kuerzel, agencies, own_line):
    credit = "(" + "/".join(([kuerzel] if kuerzel else []) + agencies) + ")"
    text, _, _ = _article(credit, own_line)
    assert_findings(text, [], rule=RULE)


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.none(), KUERZEL), st.lists(st.sampled_from(HOUSE_AGENCIES), min_size=1, max_size=3, unique=True),
       st.data())
def test_an_agency_in_the_wrong_casing_is_corrected(kuerzel, agencies, data):
    index = data.draw(st.integers(0, len(agencies) - 1))
    wrong = agencies[index].swapcase()
    written = agencies[:index] + [wrong] + agencies[index + 1 :]
    credit = "(" + "/".join(([kuerzel] if kuerzel else []) + written) + ")"
    text, _, _ = _article(credit, own_line=False)
    (finding,) = findings(text, rule=RULE)
    assert finding.suggestion == agencies[index]
    assert text[finding.start : finding.end] == wrong
