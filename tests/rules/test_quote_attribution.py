"""quote-attribution: direct quotes without a speaker are flagged, attributed ones and other uses of
quotation marks are not."""


import pytest
from newslint.engine.testing import assert_findings, findings
from paths import ROOT, SAMPLE

RULE = "quote-attribution"
HEAD = "Titel\nBerlin – Ein Bericht über die Lage.\n"


@pytest.mark.parametrize(
    "body",
    [
        "„Das würde die Halbinsel destabilisieren“, mahnte der Sprecher, Matthew Miller, am Donnerstag.",
        "„Das würde die Halbinsel destabilisieren“, sagt Miller.",
        "Miller sagte am Donnerstag: „Das würde die Halbinsel destabilisieren.“",
        "Dazu sagte Miller: „Das würde die Halbinsel destabilisieren.“",
        "„Das würde die Halbinsel destabilisieren“, so Miller.",
        "„Das würde die Halbinsel destabilisieren“, so der Sprecher.",
        "„Das würde die Halbinsel destabilisieren“, teilte das Ministerium mit.",
        "„Das würde die Halbinsel destabilisieren“, räumte er ein.",
        "„Das würde die Halbinsel destabilisieren“, hieß es in Washington.",
        "„Das würde die Halbinsel destabilisieren“, hieß es aus dem Ministerium.",
        "„Das würde die Halbinsel destabilisieren“, wie Miller sagte.",
        "„Das würde die Halbinsel destabilisieren“, dem Ministerium zufolge.",
        "„Das würde die Halbinsel destabilisieren“, laut Miller.",
        "„Das würde die Halbinsel destabilisieren.“ Das sagte Miller am Donnerstag.",
        "„Das würde die Halbinsel destabilisieren“, sagte sie. „Wir sind besorgt.“",
        "Der 71-Jährige drohte: „Wir liefern Waffen.“",
        # a number or a quantity after the article, and a finite verb, are no extended attribute
        "Die beiden Abgeordneten übten Kritik. „Das ist ein Skandal.“",
        "Mehrere der Abgeordneten übten Kritik. „Das ist ein Skandal.“",
        # not direct speech
        "Die Sonde „Cassini“ erreichte den Saturn.",
        "Die Agentur „Fars“ meldete einen Anschlag.",
        "Die Opposition sprach von „kreativer Buchführung“.",
        "Die Reform sei „ein Schritt in die richtige Richtung“, sagte sie.",
        "Der sogenannte „Brückenstrompreis“ ist umstritten.",
        "Das Motto lautet: „Gemeinsam stark“.",
        "Er las das Buch „Krieg und Frieden“ zweimal.",
    ],
)
def test_attributed_quotes_and_other_quotation_marks_pass(body):
    assert_findings(HEAD + body + "\n", [], rule=RULE)


@pytest.mark.parametrize(
    "body, column",
    [
        ("„Das würde die Halbinsel destabilisieren.“ Die USA arbeiten mit Südkorea.", 1),
        ("Die USA sind besorgt. „Das würde die Halbinsel destabilisieren.“", 23),
        ("„Das würde die Halbinsel destabilisieren“. Die USA sind besorgt.", 1),
        ("„Das würde die Halbinsel destabilisieren“, und die USA sind besorgt.", 1),
    ],
)
def test_quotes_without_speaker_are_flagged(body, column):
    found = assert_findings(HEAD + body + "\n", [(3, column, RULE)], rule=RULE)
    assert "has no speaker" in found[0].message
    assert "„Das würde die Halbinsel destabilisieren" in found[0].message


@pytest.mark.parametrize(
    "body",
    [
        # the source in parentheses
        "„Das Gerät fällt im Dauertest durch.“ (Stiftung Warentest)",
        # the subject of the sentence before, with a verb or noun of saying, demanding, warning,
        # reacting or announcing
        "Die Gewerkschaft reagierte empört. „Das ist ein Affront gegen alle Beschäftigten.“",
        "Der Minister kündigte Widerstand an. „Das machen wir nicht mit.“",
        "Die Eltern verlangten eine Anhörung. „Niemand hat uns gefragt.“",
        "Die Opposition übte scharfe Kritik. „Das ist Flickwerk.“",
        "Die Gewerkschaft reagierte empört. Ihre Forderung ist klar: „Sechs Prozent mehr.“",
        "Innenminister Peter Maier besuchte Passau. Er warnte vor Panik. „Es gibt keinen Grund zur Sorge.“",
        # in Swiss spelling („ss“ for „ß“)
        "Auch der Quartierverein äussert Bedenken. «Wir haben nichts gegen eine Sanierung.»",
        "„Wir haben nichts gegen eine Sanierung“, hiess es beim Quartierverein.",
        "In der Mitteilung des Quartiervereins hiess es, man sei besorgt. „Wir haben nichts gegen eine Sanierung.“",
        # more verbs of saying and reacting
        "Der Vizebürgermeister verwies darauf, dass andere Gemeinden mehr zahlten. „Das ist nicht einzusehen.“",
        "Eine Mutter erinnerte daran, dass im Winter mit Jacken unterrichtet werde. „Das ist nicht zumutbar.“",
        "Die Ministerin machte deutlich, dass sie bleibe. „Ich trete nicht zurück.“",
        "Matchwinner Pranter gab sich bescheiden. „Die Flanke von Krenn war perfekt.“",
    ],
)
def test_a_speaker_before_the_quote_passes(body):
    assert_findings(HEAD + body + "\n", [], rule=RULE)


@pytest.mark.parametrize(
    "body, column",
    [
        # the sentence before says nothing about saying
        ("Die Gewerkschaft tagte am Montag in Berlin. „Das ist ein Affront.“", 45),
        # its verb of saying stands in a subordinate clause, not in the main clause
        ("Die Firma baut Stellen ab, nachdem der Vorstand Verluste angekündigt hatte. „Das ist bitter.“", 77),
        # a passive that names no one
        ("Zur Eröffnung wurde die Benachteiligung von Frauen kritisiert. „Das muss sich ändern.“", 64),
    ],
)
def test_a_sentence_before_without_a_speaker_does_not_attribute(body, column):
    assert_findings(HEAD + body + "\n", [(3, column, RULE)], rule=RULE)


def test_a_pronoun_needs_someone_named_before_it():
    text = "Streik bei der Bahn\nEr warnte vor Panik. „Es gibt keinen Grund zur Sorge.“\n"
    assert_findings(text, [(2, 22, RULE)], rule=RULE)


def test_the_sentence_before_in_the_paragraph_before_does_not_attribute():
    text = HEAD + "Die Gewerkschaft reagierte empört.\n„Das ist ein Affront gegen alle Beschäftigten.“\n"
    assert_findings(text, [(4, 1, RULE)], rule=RULE)


def test_a_colon_lead_in_counts_as_attribution():
    # "Die Bewohner sehen es gelassen: „…“" names its speakers without a verb of saying; so any
    # noun phrase before the colon is taken for the speaker, also where it is none
    assert_findings(HEAD + "Die Bewohner sehen es gelassen: „Das sind Leute wie wir.“\n", [], rule=RULE)
    assert_findings(HEAD + "Und dann: „Das sind Leute wie wir.“\n", [(3, 11, RULE)], rule=RULE)


def test_a_follow_on_quote_in_the_next_paragraph_needs_its_own_speaker():
    text = HEAD + "„Wir kommen“, sagte Berger.\n„Und wir bleiben.“\n"
    assert_findings(text, [(4, 1, RULE)], rule=RULE)


def test_headlines_are_not_checked():
    assert_findings("„Wir schaffen das“\nBerlin – Die Kanzlerin sagte es am Montag.\n", [], rule=RULE)


def test_a_quote_over_several_paragraphs_needs_one_speaker():
    text = HEAD + "Berger sagte: „Wir kommen.\n„Und wir bleiben.“\n"
    assert_findings(text, [], rule=RULE)


def test_a_quote_over_several_paragraphs_without_speaker_is_flagged_once():
    text = HEAD + "Die Lage ist ernst. „Wir kommen.\n„Und wir bleiben.\n„Ganz sicher.“\n"
    assert_findings(text, [(3, 21, RULE)], rule=RULE)


def test_markdown_positions_count_the_front_matter():
    text = "---\ntitle: Test\n---\nBerlin – Die Lage ist ernst.\n\n„Wir sind besorgt.“ Die Lage bleibt ernst.\n"
    assert_findings(text, [(6, 1, RULE)], rule=RULE, path="article.md")


def test_the_sample_article_has_every_quote_attributed():
    with open(SAMPLE, encoding="utf-8") as handle:
        text = handle.read()
    assert findings(text, rule=RULE) == []


def test_the_quality_benchmark_skips_cleanly_without_the_corpus(tmp_path, capsys):
    import importlib.util

    path = ROOT / "benchmarks" / "quote_quality.py"
    spec = importlib.util.spec_from_file_location("quote_quality", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(str(tmp_path / "absent")) == 0
    assert "corpus not found" in capsys.readouterr().out
