"""dateline: a spaced en dash after the dateline, and the same source as the credit line."""


import pytest
from newslint.article.model import parse
from newslint.engine.testing import assert_findings, findings
from paths import SAMPLE

RULE = "dateline"
HEADLINE = "Russland und Nordkorea schließen Beistandspakt"
REST = "Russland und Nordkorea haben einen Beistandspakt unterzeichnet."
LAST = "Das teilte der Kreml am Mittwoch mit."


def _article(dateline: str, credit: str = "(dpa)") -> str:
    return f"{HEADLINE}\n{dateline}{REST}\n{LAST} {credit}\n"


@pytest.mark.parametrize(
    "dateline",
    ["Pjöngjang – ", "Berlin (dpa) – ", "Frankfurt am Main – ", "Frankfurt (Oder) – ", "Rio de Janeiro – ",
     "Halle an der Saale (dpa) – ", "Berlin, 20. Juni (dpa) – ", "Berlin/Paris (dpa/AFP) – "],
)
def test_good_datelines_pass(dateline):
    assert_findings(_article(dateline, "(dpa/AFP)"), [], rule=RULE)


@pytest.mark.parametrize(
    "dateline, fixed",
    [("Berlin - ", "Berlin – "), ("Berlin (dpa) - ", "Berlin (dpa) – "), ("Berlin (dpa)- ", "Berlin (dpa) – "),
     ("Berlin -- ", "Berlin – "), ("Berlin — ", "Berlin – "), ("Berlin—", "Berlin – "), ("Berlin –", "Berlin – "),
     ("Berlin ‑ ", "Berlin – "), ("Berlin − ", "Berlin – "), ("Frankfurt (Oder) (dpa) - ", "Frankfurt (Oder) (dpa) – "),
     ("Berlin, 20. Juni (dpa) - ", "Berlin, 20. Juni (dpa) – "), ("Berlin (DPA) - ", "Berlin (dpa) – ")],
)
def test_wrong_dash_is_flagged_with_the_dateline_written_right(dateline, fixed):
    (finding,) = findings(_article(dateline), rule=RULE)
    assert (finding.line, finding.column, finding.end_column) == (2, 1, len(dateline) + 1)
    assert finding.suggestion == fixed
    assert f"„{fixed.rstrip()} …“" in finding.message


@pytest.mark.parametrize(
    "paragraph",
    ["Die Kürzung der Entfernungspauschale - auch Pendlerpauschale genannt - ist beschlossen.",
     "Berlin-Mitte ist ein Bezirk - und ein großer.", "Vor einem Jahr - am 7. Mai 2014 - starb er.",
     "Ganz aktuell von der Situation in Japan - fast drei Jahre danach.",
     "Mitte Juni 2005, die Sommerferien stehen vor der Tür - steht der Haushalt.",
     "Das Space Shuttle Atlantis ist vorgestern um 5.57 Uhr Ortszeit - das entspricht 11.57 Uhr - gestartet."],
)
def test_sentences_with_dashes_are_no_datelines(paragraph):
    text = f"{HEADLINE}\nEin Vorspann, der das Thema umreißt.\n{paragraph}\n{LAST}\n"
    assert_findings(text, [], rule=RULE)


def test_english_articles_want_the_em_dash():
    article = "---\ntitle: Russia and North Korea sign pact\nlang: en\n---\n{}The two countries signed. (AP)\n"
    assert_findings(article.format("WASHINGTON (AP) — "), [], rule=RULE, path="a.md")
    (finding,) = findings(article.format("WASHINGTON (AP) – "), rule=RULE, path="a.md")
    assert finding.suggestion == "WASHINGTON (AP) — "


def test_the_house_dash_is_configurable():
    assert_findings(_article("Berlin (dpa) - "), [], rule=RULE, dash="-")
    (finding,) = findings(_article("Berlin (dpa) – "), rule=RULE, dash="-")
    assert finding.suggestion == "Berlin (dpa) - "


@pytest.mark.parametrize(
    "dateline, credit, expected",
    [("Berlin (dpa) – ", "(AFP)", "the dateline names „dpa“, the credit line „(AFP)“ does not"),
     ("Berlin (dpa/AFP) – ", "(jk/dpa)", "„AFP“ from the dateline is missing in the credit line „(jk/dpa)“"),
     ("Berlin (dpa) – ", "(jk/dpa/AFP)", None), ("Berlin (AFP/dpa) – ", "(dpa/AFP)", None),
     ("Berlin (dpa) – ", "", None), ("Berlin – ", "(AFP)", None),
     # a service of dpa is no agency of its own: the credit line names dpa
     ("Bielefeld (dpa/lnw) – ", "(dpa)", None), ("Dresden (dpa/sn) – ", "(dpa/sn)", None),
     ("Berlin (dpa/bb) – ", "(AFP)", "the dateline names „dpa“, the credit line „(AFP)“ does not")],
)
def test_dateline_source_and_credit_line_agree(dateline, credit, expected):
    text = _article(dateline, credit)
    found = findings(text, rule=RULE)
    if expected is None:
        assert found == []
    else:
        (finding,) = found
        assert finding.message.startswith(expected)
        assert (finding.line, finding.column) == (2, len("Berlin ") + 1)


def test_the_place_spelling_is_not_judged_here():
    text = f"{HEADLINE}\nPjönjang – {REST}\nIn Pjöngjang und Pjöngjang und Pjöngjang. (dpa)\n"
    assert_findings(text, [], rule=RULE)


def test_a_dateline_on_line_two_is_the_body_not_a_teaser():
    for dateline in ("Frankfurt (Oder) (dpa) - ", "Berlin, 20. Juni (dpa) – ", "Berlin—"):
        article = parse("a.txt", f"{HEADLINE}\n{dateline}{REST}\n{LAST}\n")
        assert [b.kind for b in article.blocks] == ["headline", "paragraph", "paragraph"]


def test_a_dateline_after_a_teaser_set_apart_is_checked():
    text = f"{HEADLINE}\n\nDie Stadt Wien erhöht die Gebühren.\n\nWien (APA) - {REST}\n{LAST} (dpa)\n"
    found = findings(text, rule=RULE)
    assert [(d.message[:3], d.suggestion) for d in found][:1] == [("„-“", "Wien (APA) – ")]
    assert any("names „APA“" in d.message for d in found)


def test_a_name_and_a_party_after_a_teaser_are_no_dateline():
    text = f"{HEADLINE}\n\nDer Streit eskaliert.\n\nLars Klingbeil (SPD) - sichtlich verärgert - sprach von Betrug.\n{LAST} (dpa)\n"
    assert findings(text, rule=RULE) == []


@pytest.mark.skipif(not SAMPLE.exists(), reason="the sample article is absent")
def test_the_sample_article_passes():
    assert_findings(SAMPLE.read_text(encoding="utf-8"), [], rule=RULE, path=SAMPLE.name)


def test_markdown_emphasis_around_the_dateline_is_not_a_space():
    good = "---\ntitle: Titel\n---\n**Berlin** – Der Senat hat getagt.\n\nDas sagte er. (dpa)\n"
    assert_findings(good, [], rule=RULE, path="a.md")
    bad = "---\ntitle: Titel\n---\n**Berlin (dpa)** - Der Senat hat getagt.\n\nDas sagte er. (dpa)\n"
    (finding,) = findings(bad, rule=RULE, path="a.md")
    assert finding.message.startswith("„-“ after the dateline") and finding.suggestion is None
