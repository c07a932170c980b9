"""The shared attribution analysis: what kind each quotation is, and who said it."""

import pytest
from newslint.article.model import parse
from newslint.german.cues import is_numeral

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
        # the name of a paper or a work after the noun that names it is no quote
        ("Die französische Zeitung „Le Monde“ schrieb, das sei ein Fehler.", [("other", None, None)]),
        ("Ihr Roman „Die Hitze im März“ erzählt von einer Familie, sagte sie.", [("other", None, None)]),
        ("Kluncker warnte vor den „Lohnverzichtstheorien“.", [("partial", "Kluncker", "sentence")]),
        ("Das Grundstück „gehört uns seit hundert Jahren“, sagte der Bauer.", [("partial", "der Bauer", "after")]),
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
        ("„Ich habe einen Fehler gemacht.“ Mit diesen Worten wandte sich der Angeklagte an das Gericht.",
         [("direct", "der Angeklagte", "next sentence")]),
        ("„Im Sommer roch die Wohnung nach Kohl.“ Mit diesem Satz beginnt der Roman von Judit Vámos.",
         [("direct", "der Roman von Judit Vámos", "next sentence")]),
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


def speakers(body: str):
    return [(a.speaker.text if a.speaker else None, a.form) for a in parse("article.txt", HEAD + body + "\n").attributions]


# The speaker is the subject of the clause that attributes the quote, wherever German word order
# puts it: before the finite verb, or after it when something else opens the clause.
@pytest.mark.parametrize(
    "body, expected",
    [
        # an adjective, participle, object or demonstrative opens the clause: the subject follows the verb
        ("Besorgt äußerte sich der Bürgermeister: „Wir wissen noch nicht, wie hoch der Schaden ist.“",
         ("der Bürgermeister", "colon")),
        ("Erfreut zeigte sich die Trainerin: „Die Mannschaft hat sich belohnt.“", ("die Trainerin", "colon")),
        ("Ähnlich äußerte sich die Opposition im Landtag: „Die Regierung hat zu spät gehandelt.“",
         ("die Opposition im Landtag", "colon")),
        ("Relativierend fügte die Sprecherin hinzu: „Eine Entscheidung ist noch nicht gefallen.“",
         ("die Sprecherin", "colon")),
        ("Dem Radiosender sagte die Ministerin: „Wir werden das Gesetz nachbessern.“", ("die Ministerin", "colon")),
        ("Dies bestätigte der Sprecher der Stadtwerke: „Die Leitung ist repariert.“",
         ("der Sprecher der Stadtwerke", "colon")),
        ("Die Reform lobte er ausdrücklich: „Das ist ein guter Tag für die Schulen.“", ("er", "colon")),
        # ... but a name before the verb stays the subject
        ("Merkel sagte der Zeitung: „Wir schaffen das.“", ("Merkel", "colon")),
        ("Ernst zeigte sich erfreut: „Wir schaffen das.“", ("Ernst", "colon")),
        # adverbials and auxiliaries before the subject; a conjunction is no noun
        ("Hier sparte die Bürgermeisterin nicht mit Kritik: „Das Land lässt uns allein.“",
         ("die Bürgermeisterin", "colon")),
        ("Den Ärger der Anwohner brachte der Ortsvorsteher zum Ausdruck: „So kann es nicht weitergehen.“",
         ("der Ortsvorsteher", "colon")),
        ("So hatte die Ministerin noch im Mai 2023 zugesichert: „Keine Schule wird geschlossen.“",
         ("die Ministerin", "colon")),
        ("Am 20. Juni hatte der Landrat erklärt: „Die Straße bleibt gesperrt.“", ("der Landrat", "colon")),
        ("Als er zurückkam, sagte der Bürgermeister: „Wir bauen alles wieder auf.“",
         ("der Bürgermeister", "colon")),
        ("Einer der 13 beteiligten Feuerwehrleute sagte: „Ich habe so etwas noch nie gesehen.“",
         ("Einer der 13 beteiligten Feuerwehrleute", "colon")),
        # an apposition or a relative clause between subject and verb
        ("Der Vorsitzende des Verbands in Bayern, Karl Huber, kritisierte den Beschluss scharf: „Das ist ein Fehler.“",
         ("Der Vorsitzende des Verbands", "colon")),
        ("Anna Berger, die den Verein seit 2019 leitet, hat erklärt: „Wir machen weiter.“", ("Anna Berger", "colon")),
        ("Auch die Sprecherin der Stadt, Eva Roth, äußerte sich: „Wir helfen.“",
         ("die Sprecherin der Stadt, Eva Roth", "colon")),
        ("Auf die Frage einer Reporterin, ob das stimme, sagte Stadtsprecher Roth: „Das prüfen wir.“",
         ("Stadtsprecher Roth", "colon")),
        ("Anna Berger, Sprecherin des Ministeriums, sagte, dass die Lage „unter Kontrolle“ sei.",
         ("Anna Berger, Sprecherin des Ministeriums", "sentence")),
        # a comma after the verb: the subject stands before it, not in the clause that follows
        ("Die Ministerin sagte, dass die Reform „ohne Alternative“ sei.", ("Die Ministerin", "sentence")),
        ("Der Minister erklärte, er sei „zutiefst erschüttert“.", ("Der Minister", "sentence")),
        # a lead-in without a speech verb gives way to the attribution after the quote
        ("Der Trainer war zufrieden: „Ein verdienter Punkt“, sagte sein Kapitän nach dem Spiel.",
         ("sein Kapitän", "after")),
        # after the quote: an auxiliary, a subject before the verb, an object pronoun, "zitiert"
        ("„Die Lage ist ernst“, wird der Landrat in der Zeitung zitiert.", ("der Landrat", "after")),
        ("„Die Lage ist ernst“, hatte der Landrat am Morgen gesagt.", ("der Landrat", "after")),
        ("„Er ist die eiserne Hand“, so beschrieb ihn der Gewerkschafter Paul Roth.",
         ("der Gewerkschafter Paul Roth", "after")),
        ("„Wir sind nur Zeugen“, zitierte die Zeitung einen Anwohner.", ("einen Anwohner", "after")),
        ("Ein Radiosender zitierte den Bürgermeister mit den Worten: „Wir sind überrascht.“",
         ("den Bürgermeister", "colon")),
        # an academic title before the name; a year ending the sentence before
        ("„Das ist gut“, sagte Vorstandschefin Dr. Sabine Kühnlein.", ("Vorstandschefin Dr. Sabine Kühnlein", "after")),
        ("Die Preise steigen seit 2022. Geschäftsführer Günter Roth erklärte: „Jeder Kilometer zählt.“",
         ("Geschäftsführer Günter Roth", "colon")),
        ("Etwas vorsichtiger äußerte sich Ökonom Jörg Krämer: „Abwarten.“", ("Ökonom Jörg Krämer", "colon")),
        # a number or a quantity after the article opens no extended attribute; a word in scare quotes
        # before a noun is an adjective
        ("Die beiden Minister erhoben Vorwürfe: „Das geht nicht.“", ("Die beiden Minister", "colon")),
        ("Einige der Eltern sagten: „Das geht nicht.“", ("Einige der Eltern", "colon")),
        ("„Wir sehen keine Fehler“, erklärte die „unabhängige“ Kommission.", ("die „unabhängige“ Kommission", "after")),
        # a quantity standing alone, a name in quotation marks, a name after a particle
        ("Viele haben gesagt: „Das funktioniert im Bestand nicht.“", ("Viele", "colon")),
        ("Einige sagten: „Das funktioniert nicht.“", ("Einige", "colon")),
        ("„Das ist falsch“, schreibt die „taz“.", ("die „taz“", "after")),
        ("„Wir operieren bei Handylicht“, sagte al-Farra.", ("al-Farra", "after")),
        ("el-Sisi sagte: „Wir bauen.“", ("el-Sisi", "colon")),
        ("„Das stimmt nicht“, hielt Wirtz dagegen.", ("Wirtz", "after")),
        # an extended attribute: a phrase and a participle between the determiner and the noun;
        # the object after the verb („den Hergang“) is no subject
        ("Die den Unfall überlebende Anna Roth, 52, beschrieb im Krankenhaus den Hergang: „Es ging schnell.“",
         ("Die den Unfall überlebende Anna Roth", "colon")),
        ("Die bei dem Unfall verletzte Fahrerin, 52, beschrieb im Krankenhaus den Hergang: „Es ging schnell.“",
         ("Die bei dem Unfall verletzte Fahrerin", "colon")),
        ("Der von der Polizei gesuchte Mann sagte: „Ich war es nicht.“", ("Der von der Polizei gesuchte Mann", "colon")),
        ("Die seit 2019 amtierende Bürgermeisterin sagte: „Wir bauen.“",
         ("Die seit 2019 amtierende Bürgermeisterin", "colon")),
        ("Der auf der Konferenz für nukleare Sicherheit anwesende Minister Ivan Petrow sagte: „Alles ist gut.“",
         ("Der auf der Konferenz für nukleare Sicherheit anwesende Minister Ivan Petrow", "colon")),
        ("„Wir bauen“, sagte die seit Jahren in Berlin lebende Architektin Eva Roth.",
         ("die seit Jahren in Berlin lebende Architektin Eva Roth", "after")),
        # a document as the source
        ("In dem Antrag heißt es wörtlich: „Die Mittel werden verdoppelt.“", ("dem Antrag", "colon")),
        ("Auf der Internetseite des Vereins heißt es: „Wir danken allen Helfern.“",
         ("der Internetseite des Vereins", "colon")),
    ],
)
def test_the_speaker_is_the_subject(body, expected):
    assert speakers(body)[0] == expected


def test_a_paper_named_in_quotation_marks_speaks_for_the_quote_after_it():
    assert speakers("Die „taz“ meint: „Das ist falsch.“")[-1] == ("Die „taz“", "colon")


@pytest.mark.parametrize(
    "body, expected",
    [
        # quoted words in a sentence in the indicative are its writer's, not an earlier speaker's
        ("Die Ministerin sagte am Montag, die Lage sei ernst. Die Reform gilt seither als „völlig gescheitert“.",
         (None, None)),
        # in reported speech (the subjunctive) the speaker of a sentence before still speaks
        ("Die Ministerin sprach am Montag in Berlin. Der Arbeitsmarkt sei „deutlich entspannt“.",
         ("Die Ministerin", "context")),
        # "so" as an adverb is no attribution
        ("Der Minister sprach von Risiken. So gewonnene Daten seien „besonders schutzwürdig“.",
         ("Der Minister", "context")),
    ],
)
def test_quoted_words_take_a_speaker_only_from_reported_speech(body, expected):
    assert speakers(body)[-1] == expected


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


def body_speakers(text: str):
    """(kind, speaker, form) of each quote of an article given whole (headline, teaser, body)."""
    return [(a.kind, a.speaker.text if a.speaker else None, a.form) for a in parse("article.txt", text).attributions]


# The source in parentheses right after a quote.
@pytest.mark.parametrize(
    "body, expected",
    [
        ("„Das Gerät fällt beim Dauertest durch.“ (Stiftung Warentest)",
         [("direct", "Stiftung Warentest", "parentheses")]),
        ("„Die Preise steigen weiter“ (Verbraucherzentrale Hamburg). Ein Ende ist nicht in Sicht.",
         [("direct", "Verbraucherzentrale Hamburg", "parentheses")]),
        ("Zum Schluss ein Satz des Abends: „Wir spielen, bis das Licht ausgeht.“ (Kapitän Jonas Huber)",
         [("direct", "Kapitän Jonas Huber", "parentheses")]),
        # a translation, a credit line, a date or a sentence in parentheses is no source
        ("Der Täter rief „Britain First“ (Britannien zuerst).", [("partial", "Der Täter", "sentence")]),
        ("„Wir bleiben hier.“ (dpa)", [("direct", None, None)]),
        ("„Wir bleiben hier.“ (AFP)", [("direct", None, None)]),
        ("„Wir bleiben hier.“ (20. Juni)", [("direct", None, None)]),
        ("„The Eagle has landed.“ (Der Adler ist gelandet.)", [("direct", None, None)]),
        ("„Wir bleiben hier.“ (Die Lage ist ernst) sagte sie.", [("direct", None, None)]),
    ],
)
def test_the_source_in_parentheses_after_the_quote(body, expected):
    assert attributions(body) == expected


FIRST = "Streik bei der Bahn\n"  # a headline only: the body's first paragraph names no one


# The speaker as subject of the sentence just before the quote, with a verb or noun of saying,
# demanding, warning, reacting or announcing.
@pytest.mark.parametrize(
    "body, expected",
    [
        ("Die Gewerkschaft reagierte empört. „Das ist ein Affront gegen alle Beschäftigten.“",
         ("Die Gewerkschaft", "previous sentence")),
        ("Der Minister kündigte Widerstand an. „Das machen wir nicht mit.“", ("Der Minister", "previous sentence")),
        ("Die Lokführer forderten am Montag sechs Prozent mehr Lohn. „Alles andere ist ein Witz.“",
         ("Die Lokführer", "previous sentence")),
        ("Am Abend warnte die Polizei vor Glatteis. „Fahren Sie nur, wenn es sein muss.“",
         ("die Polizei", "previous sentence")),
        ("Der Bürgermeister hatte vor Panik gewarnt. „Das Wasser sinkt bereits.“",
         ("Der Bürgermeister", "previous sentence")),
        ("Die Bürgerinitiative zeigte sich enttäuscht. „Wir gehen vor Gericht.“",
         ("Die Bürgerinitiative", "previous sentence")),
        ("Mainz-Trainer Bo Henriksen war bedient. „Wir waren die bessere Mannschaft.“",
         ("Mainz-Trainer Bo Henriksen", "previous sentence")),
        ("Fraktionschef Bernd Wirtz hielt dagegen. „Die Leute wollen hier einen Garten.“",
         ("Fraktionschef Bernd Wirtz", "previous sentence")),
        ("Rapid-Trainer Robert Klauß haderte mit der Chancenverwertung. „Wir hatten zwei gute Möglichkeiten.“",
         ("Rapid-Trainer Robert Klauß", "previous sentence")),
        ("Der Trainer ärgerte sich über die Gegentore. „Das war naiv.“", ("Der Trainer", "previous sentence")),
        ("Anna Huber, die den Verein seit 2019 leitet, verteidigte den Beschluss. „Wir hatten keine Wahl.“",
         ("Anna Huber", "previous sentence")),
        ("Von der Opposition wurde der Plan scharf kritisiert. „Das ist Flickwerk.“",
         ("der Opposition", "previous sentence")),
        # a noun of saying: the subject that utters it, or whose it is
        ("Die Opposition übte scharfe Kritik. „Das ist Flickwerk.“", ("Die Opposition", "previous sentence")),
        ("Die Staatsanwaltschaft gab am Dienstag eine Stellungnahme ab. „Wir ermitteln in alle Richtungen.“",
         ("Die Staatsanwaltschaft", "previous sentence")),
        ("Die Forderung der Gewerkschaft ist klar. „Wir wollen sechs Prozent mehr.“",
         ("der Gewerkschaft", "previous sentence")),
        ("Kritik kam von den Grünen. „Das ist Flickwerk.“", ("den Grünen", "previous sentence")),
        ("Nach Ansicht von Bürgermeisterin Eva Roth ist noch nichts entschieden. „Wir warten ab.“",
         ("Bürgermeisterin Eva Roth", "previous sentence")),
        ("Der Trainer war eigenen Angaben zufolge zufrieden. „Die Mannschaft hat gekämpft.“",
         ("Der Trainer", "previous sentence")),
        # a possessive points back to the speaker of the sentence before
        ("Die Gewerkschaft reagierte empört. Ihre Forderung ist klar: „Wir wollen sechs Prozent mehr.“",
         ("Die Gewerkschaft", "previous sentence")),
        # only the main clause speaks: a verb of saying in a subordinate clause does not
        ("Er warf dem Vorstand Wortbruch vor, da dieser den Abbau angekündigt hatte. „Das ist unredlich.“",
         ("Er", "previous sentence")),
        ("Die Firma baut Stellen ab, nachdem der Vorstand Verluste angekündigt hatte. „Das ist bitter.“",
         (None, None)),
        # reported speech that ends in its attribution, a name with a particle
        ("In den Lagern säßen mehr als 1.000 Menschen, sagte Jaschin in Berlin. „Sie dürfen nicht vergessen werden.“",
         ("Jaschin", "previous sentence")),
        ("Damaskus (AFP) – Präsident Ahmed al-Scharaa hat Unternehmen zu Investitionen aufgerufen. „Syrien ist offen.“",
         ("Präsident Ahmed al-Scharaa", "previous sentence")),
        # no verb or noun of saying, a passive without its agent, a place: no speaker
        ("Die Gewerkschaft tagte am Montag in Berlin. „Das ist ein Affront.“", (None, None)),
        ("Zur Eröffnung wurde die Benachteiligung von Frauen kritisiert. „Das muss sich ändern.“", (None, None)),
        ("Der Minister befindet sich derzeit in Rom. „Er ruft zurück.“", (None, None)),
        ("Das Wetter war schön. „Was für ein Tag!“", (None, None)),
        ("Die Entscheidung war nicht glücklich. „Das hätte man anders machen müssen.“", (None, None)),
        # reported speech in the subjunctive between the speaker's sentence and the quote
        ("Die Ärztin Anna Roth warnte vor der Krankheit. Masern seien keine harmlose Kinderkrankheit. "
         "„Wer nicht impft, gefährdet auch Babys.“", ("Die Ärztin Anna Roth", "previous sentence")),
        ("Synodalpräsidentin Gudrun Eckstein sprach von einer schweren Entscheidung. Sie verstehe den Schmerz "
         "vieler Gemeinden. „Eine Kirche ist nie nur ein Gebäude.“", ("Synodalpräsidentin Gudrun Eckstein", "previous sentence")),
        ("Der Arzt Ulrich Heinemann warnte davor. Masern seien gefährlich. In seltenen Fällen könne das Gehirn "
         "leiden. „Wer nicht impft, gefährdet Babys.“", ("Der Arzt Ulrich Heinemann", "previous sentence")),
        # a quote in the first person after what a person named in full did
        ("Katja Brunner, die in Lüneburg einen Onlineshop betreibt, hat den Assistenten abgeschaltet. "
         "„Er hat einer Kundin eine Jacke verkauft. Das hat mich Nerven gekostet.“", ("Katja Brunner", "previous sentence")),
        ("Den Ausgleich erzielte Jonas Fries. Fries verzichtete auf einen Torjubel. „Ich habe hier drei schöne Jahre gehabt.“",
         ("Fries", "previous sentence")),
        ("Bischof Hermann Kleinschmidt stellte das Papier vor. Er habe mehrere Betriebe besucht. „Ich habe Menschen getroffen.“",
         ("Er", "previous sentence")),
        ("Torhüter Jannik Weber parierte 34 Schüsse. Er selbst blieb bescheiden. „Ich habe meinen Job gemacht.“",
         ("Er selbst", "previous sentence")),
        ("Die Jury lobte den Roman. Sommerfeld selbst beschreibt ihr Thema ähnlich. „Ich schreibe über das, was verschwindet.“",
         ("Sommerfeld selbst", "previous sentence")),
        ("Gemeinderat Florian Haider bemängelte, dass die Stadt keine Obergrenze festgelegt habe. „Am Ende zahlen die Eigentümer.“",
         ("Gemeinderat Florian Haider", "previous sentence")),
        ("Kämmerin Ursula Hofbauer warnte vor zu großen Hoffnungen. Das Förderprogramm für kommunale Schwimmbäder sei "
         "stark überzeichnet. „Wir sollten mit höchstens 30 Prozent rechnen.“", ("Kämmerin Ursula Hofbauer", "previous sentence")),
        # ... not after a surname alone, an organisation, or when the sentence names another person
        ("Bainirama befindet sich im Irak. „Er sagte, er ruft uns an, wenn er zurückkommt.“", (None, None)),
        ("Die Gewerkschaft tagte am Montag. „Das ist ein Affront gegen uns.“", (None, None)),
        ("Marta Jandová stand im Käfig, während Nova Meierhenrich Zettel verteilte. „Wir Menschen genießen den Sommer.“",
         (None, None)),
        # ... but not when no one is named saying it, nor for a quote on a line of its own
        ("Die Gewerkschaft tagte. Das sei schwierig. „Das ist ein Affront.“", (None, None)),
        ("Der Staatsanwalt sagte, der Sohn habe sich getötet. Dies sei eindeutig.\n„Das erschüttert uns als Eltern.“",
         (None, None)),
        ("Die Bewohner folgten der Einschätzung der Behörden. „Wir bleiben hier.“", (None, None)),
        # a body speaks as „wir“: a quote saying „ich“ after it is a person's the text does not name
        ("Von der Opposition wurde der Besuch als Werbeaktion kritisiert. „Ich finde, ein Fotograf fehlt noch.“",
         (None, None)),
        ("Die Landesregierung kündigte Widerstand an. „Mir reicht es jetzt.“", (None, None)),
        ("Die Gewerkschaft reagierte empört. „Ich halte das für einen Wortbruch.“", (None, None)),
        ("Die Gewerkschaft reagierte empört. „Wir halten das für einen Wortbruch.“",
         ("Die Gewerkschaft", "previous sentence")),
        ("Der Sprecher der Gewerkschaft reagierte empört. „Ich halte das für einen Wortbruch.“",
         ("Der Sprecher der Gewerkschaft", "previous sentence")),
    ],
)
def test_the_speaker_of_the_sentence_before(body, expected):
    assert speakers(body)[-1] == expected


def test_a_pronoun_points_back_to_a_speaker_named_before():
    named = "Innenminister Peter Maier besuchte am Montag Passau. Er warnte vor Panik. „Es gibt keinen Grund zur Sorge.“\n"
    assert body_speakers(FIRST + named)[-1] == ("direct", "Er", "previous sentence")
    alone = "Er warnte vor Panik. „Es gibt keinen Grund zur Sorge.“\n"
    assert body_speakers(FIRST + alone)[-1] == ("direct", None, None)
    earlier = "Innenminister Peter Maier besuchte am Montag Passau.\nEr warnte vor Panik. „Es gibt keinen Grund zur Sorge.“\n"
    assert body_speakers(FIRST + earlier)[-1] == ("direct", "Er", "previous sentence")


def test_the_sentence_before_does_not_cross_paragraphs():
    text = FIRST + "Die Gewerkschaft reagierte empört.\n„Das ist ein Affront gegen alle Beschäftigten.“\n"
    assert body_speakers(text)[-1] == ("direct", None, None)


def test_words_of_saying_inside_a_quote_before_are_not_the_sentence_before():
    body = "Die Lage ist ernst. Der Wirt zeigte ein Schild: „Ich warne Sie.“ „Hier wird nicht geraucht.“"
    assert speakers(body)[-1] == ("Der Wirt", "follow-on")


# A teaser chain: the name before the colon speaks, not the words that open the line.
@pytest.mark.parametrize(
    "teaser, expected",
    [
        ("Niederlage in Wien – Trainer Löw: „Wir haben verdient verloren.“", "Trainer Löw"),
        ("Niederlage in Wien – Löw: „Wir haben verdient verloren.“", "Löw"),
        ("Ärger um die Maut — Verkehrsministerin Anna Berger: „Die Zahlen stimmen.“", "Verkehrsministerin Anna Berger"),
        ("Die Maut kommt – die Ministerin sagte: „Die Zahlen stimmen.“", "die Ministerin"),
        ("Die Ministerin – sichtlich verärgert – sagte: „Die Zahlen stimmen.“", "Die Ministerin"),
    ],
)
def test_a_teaser_chain_names_the_speaker_before_the_colon(teaser, expected):
    (found,) = body_speakers("Titel\n" + teaser + "\nBerlin – Der Bericht folgt.\n")
    assert found == ("direct", expected, "colon")


# Who speaks in a sentence is read from its main clause (German verb-second order), whatever
# stands before the finite verb, and from the clause that holds quoted words.
@pytest.mark.parametrize(
    "body, expected",
    [
        # a long fronted phrase: genitive, coordination, a name of several words, a name with digits
        ("Zur Lage des Vereins und seiner neuen Aufgabe wird Trainerin Eva Roth mit den Worten zitiert: „Wir steigen auf.“",
         ("Trainerin Eva Roth", "colon")),
        ("Nach einem Flug mit Apollo 11 zusammen mit seinen Kollegen lenkte er die Fähre und meldete sich mit den Worten: „Wir sind gelandet.“",
         ("er", "colon")),
        ("So hat sich etwa die Vorsitzende des Elternbeirats, Anna Berger, gegen die Pläne ausgesprochen und behauptet, sie seien „reine Trickserei“.",
         ("die Vorsitzende des Elternbeirats, Anna Berger", "sentence")),
        ("Die Sprecherin von Bündnis 90/Die Grünen, Eva Roth, kritisierte den Plan. Er sei „völlig unrealistisch“.",
         ("Die Sprecherin von Bündnis 90/Die Grünen, Eva Roth", "context")),
        # an object first, the subject after the verb
        ("Die Pläne der Regierung, die Steuern zu senken, bezeichnete er als „Luftschloss“.", ("er", "sentence")),
        ("Der englischsprachigen Zeitung sagte die Aktivistin: „Ich kämpfe weiter.“", ("die Aktivistin", "colon")),
        ("Das Angebot der Stadt, die Halle zu sanieren, lehnt er jedoch ab: „Wir bauen selbst.“", ("er", "colon")),
        ("Aktuell lässt sie dort durch ihre Anwälte Folgendes erklären: „Die Vorwürfe sind haltlos.“", ("sie", "colon")),
        # two main clauses: the one that holds the quote speaks
        ("Die Ministerin wies das zurück, die bildungspolitische Sprecherin, Eva Roth, erklärte: „Das schadet allen.“",
         ("die bildungspolitische Sprecherin, Eva Roth", "colon")),
        ("Sprecher Karl Huber schrieb: „Das sind furchtbare Nachrichten“, weiter hieß es, dass die Hilfe anlaufe.",
         ("Sprecher Karl Huber", "colon")),
        ("Die Menge skandierte Parolen, und der Redner rief: „Wir bleiben!“", ("der Redner", "colon")),
        ("Huber nannte den Platzverweis „überzogen“, Trainer Löw bezeichnete die Karten als „übertrieben“.",
         ("Trainer Löw", "sentence")),
        ("Die Fans zogen vor das Rathaus und skandierten dabei „Wir sind das Team“.", ("Die Fans", "sentence")),
        # a verb of saying in the subordinate clause that holds the quoted words
        ("Der Bürgermeister, der den Plan zunächst als „Unsinn“ bezeichnete, lenkte am Montag ein.",
         ("Der Bürgermeister", "sentence")),
        ("Der Bericht ist brisant, weil die Stadt den Plan noch im Mai als „alternativlos“ bezeichnet hat.",
         ("die Stadt", "sentence")),
        ("Huber wich aus, indem er sagte, der Streit sei „eine Sache der Juristen“.", ("er", "sentence")),
        ("Später versammelten sich Hunderte von Demonstranten, die skandierten: „Neuwahlen jetzt!“",
         ("Demonstranten", "colon")),
        # a lead-in after an earlier colon of its sentence; the main clause's speaker before a source
        ("Auch die Kommission kritisierte das Gesetz scharf: So sagte Kommissar Karl Huber: „Das geht so nicht.“",
         ("Kommissar Karl Huber", "colon")),
        ("Wie der Sender berichtet, gab Sprecher Karl Huber eine Stellungnahme in Form einer Nachricht ab: „Wow.“",
         ("Sprecher Karl Huber", "colon")),
        # sources of a sentence
        ("Wie der Vorsitzende Richter, Karl Berger, ausführte, wäre es ein „gewaltiges Unglück“ geworden.",
         ("der Vorsitzende Richter, Karl Berger", "sentence")),
        ("Für Bildungssenatorin Eva Roth ist das ein „gelungenes Beispiel für Integration“.",
         ("Bildungssenatorin Eva Roth", "sentence")),
        ("Anna Berger ist der Meinung, dass die Klage „reine Verzögerung“ sei.", ("Anna Berger", "sentence")),
        ("Nach den Worten der Sprecherin der Stadt, Eva Roth, fehle es „an einem Konzept“.",
         ("der Sprecherin der Stadt, Eva Roth", "sentence")),
        ("Die Gefahr von Waldbränden wird vom Wetterdienst als „sehr hoch“ eingestuft.", ("Wetterdienst", "sentence")),
        ("Der Trainer geht davon aus, dass die Mannschaft „mit breiter Brust“ antritt.", ("Der Trainer", "sentence")),
        ("Von der Leyen betonte, unter den Bewerbern seien „viele erfahrene Frauen“.", ("Von der Leyen", "sentence")),
        ("Karl Huber, ein Abgeordneter aus Passau, wollte sich nicht festlegen, sagte aber, die Partei müsse „jetzt zusammenstehen“.",
         ("Karl Huber", "sentence")),
        # reported speech in the subjunctive: the speaker of its framing clause, else of the context
        ("Der Minister werde nach Rom reisen, um dort „das Engagement der Regierung“ zu unterstreichen, erklärte das Ministerium.",
         ("das Ministerium", "sentence")),
        ("Die Ministerin sprach von einem Erfolg. Die Stadt sei ihr zu Dank verpflichtet: „Sie haben uns geholfen.“",
         ("Die Ministerin", "context")),
        # a plural before a singular verb is its object; a name written with a dot
        ("Die streikenden Arbeiter, die vor dem Werk standen, beschrieb die Agentur als „aggressiv“.",
         ("die Agentur", "sentence")),
        ("Der Vorsitzende der Gewerkschaft ver.di, Karl Huber, würdigte den Toten als „großen Gewerkschafter“.",
         ("Der Vorsitzende der Gewerkschaft ver.di, Karl Huber", "sentence")),
        # a demonstrative stands for the one named last; a semicolon ends a clause
        ("In einem Gespräch mit dem Anwalt seiner Familie – Karl Huber – sagte dieser, sie lebe „in ihrer eigenen Welt“.",
         ("Karl Huber", "sentence")),
        ("Die Täter hatten Zugang zum Netz; sie hinterließen ein Schreiben, welches die Techniker als „Haufen von Schülern“ bezeichnete.",
         ("ein Schreiben", "sentence")),
        # no one speaks: an expletive es, a passive without its agent
        ("Es drohe eine „dramatische Erwärmung“.", (None, None)),
        ("In den Medien war der Auftrag schon als „Geschäft des Jahrhunderts“ bezeichnet worden.", (None, None)),
    ],
)
def test_the_speaker_of_a_main_clause(body, expected):
    assert speakers(body)[-1] == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # the quote's own attribution after it wins over the lead-in before it
        ("Besorgt äußerte sich auch der Vorsitzende, Karl Berger: „Wir befürchten das Schlimmste“, sagte er im Radio.",
         ("er", "after")),
        # a comma inside the closing mark
        ("„Wir kommen wieder,“ sagte der Trainer.", ("der Trainer", "after")),
        # after quoted words inside a sentence, the next clause is no attribution
        ("Sie sei weder „aggressiv“, noch hätte er sich je etwas zuschulden kommen lassen.", (None, None)),
        ("„Der Fall ist klar“, allerdings sei die Lage schwierig.", (None, None)),
        ("„Wir unterstützen das Land“, ließ ein Sprecher aus Washington verlauten.", ("ein Sprecher aus Washington", "after")),
        # a translation between a foreign quote and its attribution
        ("«Il lago deve tornare ai cittadini», der See soll den Bürgern gehören, sagte Stadtpräsident Marco Rossi.",
         ("Stadtpräsident Marco Rossi", "after")),
        ("„Le théâtre doit déranger“, das Theater müsse stören, sagte Dubois bei einer Pressekonferenz.",
         ("Dubois", "after")),
        # names with particles, and an adverbial after a bare name
        ("„Wir bleiben“, sagte Luiz Inácio Lula da Silva am Montag.", ("Luiz Inácio Lula da Silva", "after")),
        ("„Wir helfen“, sagte der Sprecher bei der Polizei.", ("der Sprecher bei der Polizei", "after")),
    ],
)
def test_what_follows_the_quote(body, expected):
    assert speakers(body)[0] == expected


def test_a_quote_in_parentheses_after_a_name_is_that_name_s():
    assert speakers("Die Partei will hohe Einkommen („ab 250.000 Euro im Jahr“) stärker belasten.")[0] == (None, None)
    body = "Gratuliert haben auch der Trainer, Karl Huber („Mehr verdient es keiner.“), und der Präsident."
    assert speakers(body)[0] == ("Karl Huber", "parentheses")
    assert speakers("Trainer Löw („Wir haben verdient verloren“) war enttäuscht.")[0] == ("Trainer Löw", "parentheses")


def test_a_bare_hiess_es_takes_the_speaker_of_the_quote_before():
    body = "„Das sind furchtbare Nachrichten“, schrieb Sprecher Karl Huber. „Unser Mitgefühl ist bei den Opfern“, hieß es weiter."
    assert speakers(body)[1] == ("Sprecher Karl Huber", "follow-on")
    assert speakers("„Die Lage ist ernst“, hieß es.")[0] == ("es", "hieß es")


# A dateline opens the body; its place is no word of the first sentence and never speaks.
@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("Berlin (dpa/AFP) – Der Minister nannte die Vorwürfe „völlig haltlos“.",
         [("partial", "Der Minister", "sentence")]),
        ("Frankfurt am Main (AFP) – Die Opposition kritisierte den Plan als „reines Flickwerk“.",
         [("partial", "Die Opposition", "sentence")]),
        ("Hamburg – Die Reederei bezeichnete die Streiks als „unverhältnismäßig und schädlich“.",
         [("partial", "Die Reederei", "sentence")]),
        # no one else named: no speaker rather than the place
        ("Wien (APA) – Die Vorwürfe seien „aus der Luft gegriffen und ehrenrührig“.",
         [("partial", None, None)]),
        ("Zürich (Keystone-SDA) – Die Pläne wurden als „reines Flickwerk“ kritisiert.",
         [("partial", None, None)]),
        # the forms that read the dateline right already stay as they are
        ("Berlin (dpa) – „Das ist völlig inakzeptabel“, sagte die Ministerin am Montag.",
         [("direct", "die Ministerin", "after")]),
        ("Berlin (dpa) – Die Ministerin sagte: „Das ist völlig inakzeptabel.“",
         [("direct", "Die Ministerin", "colon")]),
    ],
)
def test_the_dateline_place_never_speaks(paragraph, expected):
    assert body_speakers("Minister weist Vorwürfe zurück\n" + paragraph + "\nDer Streit geht weiter.\n") == expected


def test_a_dateline_in_a_later_paragraph_never_speaks_either():
    found = body_speakers(
        "Streit um die Maut\nBerlin (dpa) – Der Streit geht weiter.\n"
        "München – Der Verkehrsminister nannte die Kritik „billige Polemik“.\n"
    )
    assert found == [("partial", "Der Verkehrsminister", "sentence")]


def test_an_aside_between_dashes_is_no_dateline():
    found = body_speakers(
        "Titel\nBerlin – Ein Bericht.\nMinisterin Anna Berger – sichtlich verärgert – nannte die Kritik „billige Polemik“.\n"
    )
    assert found == [("partial", "Ministerin Anna Berger", "sentence")]


# A title with a quotation names a speaker only with a verb of saying (or a colon after the name);
# a number and a noun of time („zehn Jahre“, „drei Wochen später“) are an adverbial, never a speaker.
@pytest.mark.parametrize(
    "headline, expected",
    [
        ("„Wir schaffen das“ – zehn Jahre danach", [("other", None, None)]),
        ("„Das war ein Fehler“ – drei Wochen nach der Wahl", [("partial", None, None)]),
        ("„Wir schaffen das“ (zehn Jahre danach)", [("other", None, None)]),
        ("„Wir schaffen das“ – bleibt Merkel dabei?", [("other", None, None)]),
        # with a verb of saying, „so“ or a colon the title names its speaker
        ("„Wir schaffen das“, sagt Merkel", [("direct", "Merkel", "after")]),
        ("„Wir schaffen das“ – so die Kanzlerin", [("direct", "die Kanzlerin", "so")]),
        ("Merkel: „Wir schaffen das“", [("direct", "Merkel", "colon")]),
    ],
)
def test_a_title_without_a_verb_of_saying_has_no_speaker(headline, expected):
    assert body_speakers(headline + "\nBerlin – Vor zehn Jahren öffnete Deutschland seine Grenzen.\n") == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        ("„Wir haben es geschafft“, sagte zehn Jahre später die Altkanzlerin.",
         [("direct", "die Altkanzlerin", "after")]),
        ("Zehn Jahre später sagte die Altkanzlerin: „Wir haben es geschafft.“",
         [("direct", "die Altkanzlerin", "colon")]),
        ("Drei Wochen nach der Wahl erklärte der Sprecher: „Wir regieren weiter.“",
         [("direct", "der Sprecher", "colon")]),
        ("Eine Woche später bekräftigte sie: „Wir regieren weiter.“", [("direct", "sie", "colon")]),
        ("„Wir haben es geschafft“ – zehn Jahre danach ist die Bilanz gemischt.", [("partial", None, None)]),
        # a number with people is a speaker
        ("„Es gab einen lauten Knall“, sagten zwei Augenzeugen.", [("direct", "zwei Augenzeugen", "after")]),
    ],
)
def test_a_number_and_a_noun_of_time_are_no_speaker(body, expected):
    assert attributions(body) == expected


@pytest.mark.parametrize("word", ["zehn", "zwölf", "dreiundzwanzig", "siebzig", "zweihundert", "zehntausend", "2024"])
def test_numbers_written_out_or_in_digits_are_numerals(word):
    assert is_numeral(word)


@pytest.mark.parametrize("word", ["ein", "eins", "und", "einzig", "sagte", "zieht", "achtet"])
def test_other_words_are_no_numerals(word):
    assert not is_numeral(word)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Im Koalitionsvertrag steht: „Wir senken die Steuern.“", [("direct", "Koalitionsvertrag", "colon")]),
        ("Auf einem Transparent vor dem Gericht stand: „Keine mehr – Schluss mit Femiziden.“",
         [("direct", "einem Transparent", "colon")]),
        ("In dem Entwurf steht der Passus: „Die Kosten trägt der Bund.“", [("direct", "dem Entwurf", "colon")]),
    ],
)
def test_the_document_or_sign_a_quote_stands_in_is_its_source(body, expected):
    assert attributions(body) == expected
