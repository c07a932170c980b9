"""The shared attribution analysis: what kind each quotation is, and who said it."""

import pytest

from lint.article import parse

HEAD = "Titel\nBerlin – Ein Bericht über die Lage.\n"


def attributions(body: str):
    article = parse("article.txt", HEAD + body + "\n")
    return [(a.kind, a.speaker.text if a.speaker else None, a.form) for a in article.attributions]


@pytest.mark.parametrize(
    "body, expected",
    [
        # after the quote, past and present tense, with adverbials before the subject
        ("„Das würde die Region destabilisieren“, mahnte der Sprecher des Ministeriums, Matthew Miller, am Donnerstag.",
         [("direct", "der Sprecher des Ministeriums, Matthew Miller", "after")]),
        ("„Wir kommen wieder“, sagt am Montag Innenministerin Nancy Faeser.",
         [("direct", "Innenministerin Nancy Faeser", "after")]),
        ("„Nein“, sagte er.", [("direct", "er", "after")]),
        ("„Das ist vorbei“, sagte der 71-Jährige.", [("direct", "der 71-Jährige", "after")]),
        # separable verbs
        ("„Die Lage ist ernst“, teilte das Ministerium am Abend mit.",
         [("direct", "das Ministerium", "after")]),
        ("„Wir prüfen das“, fügte die Sprecherin hinzu.", [("direct", "die Sprecherin", "after")]),
        # so, laut, zufolge, hieß es, wie
        ("„Das ist ein Skandal“, so Kramer.", [("direct", "Kramer", "so")]),
        ("„Das ist ein Skandal“, so der Fraktionschef.", [("direct", "der Fraktionschef", "so")]),
        ("„Die Lage ist stabil“, hieß es in einer Erklärung der Regierung.",
         [("direct", "einer Erklärung der Regierung", "hieß es")]),
        ("„Die Lage ist stabil“, wie Minister Müller betonte.", [("direct", "Minister Müller", "wie")]),
        # before the quote, with a colon
        ("US-Ministeriumssprecher Miller sagte: „Wir begrüßen jede Unterstützung.“",
         [("direct", "US-Ministeriumssprecher Miller", "colon")]),
        ("Auf die Frage, ob das stimme, sagte Miller: „Das ist die Entscheidung von Südkorea.“",
         [("direct", "Miller", "colon")]),
        ("Die Kanzlerin erklärte am Montag in Berlin: „Wir schaffen das.“",
         [("direct", "Die Kanzlerin", "colon")]),
        # the next sentence
        ("„Wir werden nicht nachgeben.“ Das sagte Ministerpräsident Weil am Montag.",
         [("direct", "Ministerpräsident Weil", "next sentence")]),
        # a follow-on quote of the same speaker in the same paragraph
        ("„Wir kommen“, sagte Berger. „Und wir bleiben.“",
         [("direct", "Berger", "after"), ("direct", "Berger", "follow-on")]),
        # an interrupted quote
        ("„Wir kommen“, sagte Berger, „und wir bleiben.“",
         [("direct", "Berger", "after"), ("direct", "Berger", "follow-on")]),
        # partial quotes, titles, names, terms
        ("Die Opposition sprach von „kreativer Buchführung“.", [("partial", "Die Opposition", "sentence")]),
        ("Die Sonde „Cassini“ erreichte den Saturn.", [("other", None, None)]),
        ("Die Agentur „Fars“ meldete einen Anschlag.", [("other", None, None)]),
        ("„Fars“ ist eine iranische Nachrichtenagentur.", [("other", None, None)]),
        # a direct quote without speaker
        ("„Das wird teuer.“ Die Kosten steigen weiter.", [("direct", None, None)]),
    ],
)
def test_kind_and_speaker(body, expected):
    assert attributions(body) == expected


def test_speaker_offsets_point_into_the_file():
    text = HEAD + "„Wir kommen“, sagte Berger.\n"
    article = parse("article.txt", text)
    (attribution,) = article.attributions
    speaker = attribution.speaker
    assert text[speaker.start : speaker.end] == "Berger"
    quotation = attribution.quotation
    assert text[quotation.start : quotation.end] == "„Wir kommen“"


def test_a_quote_over_several_paragraphs_shares_its_speaker():
    body = "Berger sagte: „Wir kommen.\n„Und wir bleiben.“\n"
    result = attributions(body)
    assert [kind for kind, _, _ in result] == ["direct", "direct"]
    assert [speaker for _, speaker, _ in result] == ["Berger", "Berger"]


def test_the_follow_on_does_not_cross_paragraphs():
    body = "„Wir kommen“, sagte Berger.\n„Und wir bleiben.“"
    assert attributions(body)[1] == ("direct", None, None)


def test_markdown_offsets_include_the_front_matter():
    text = "---\ntitle: Test\ndate: 2024-06-21\n---\nBerlin – „Wir kommen“, sagte Berger.\n"
    article = parse("article.md", text)
    (attribution,) = article.attributions
    assert text[attribution.speaker.start : attribution.speaker.end] == "Berger"


def test_the_analysis_is_linear_in_the_number_of_quotes():
    paragraph = "„Wir kommen“, sagte Berger. Die Lage ist ruhig. „Und wir bleiben.“ "
    article = parse("article.txt", HEAD + paragraph * 400 + "\n")
    result = article.attributions
    assert len(result) == 800
    assert all(a.speaker is not None for a in result)
