"""Sentences and words: German ordinals, abbreviations, initials and quotations."""

import pytest
from newslint.article.model import parse
from newslint.german.segment import split_sentences


def sentences(text):
    return [span.text for span in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Er kam am 20. Juni. Dann ging er.", ["Er kam am 20. Juni.", "Dann ging er."]),
        ("Im 19. Jahrhundert war das so. Heute nicht.", ["Im 19. Jahrhundert war das so.", "Heute nicht."]),
        ("Die Zahl stieg auf 25. Die Polizei ermittelt.", ["Die Zahl stieg auf 25.", "Die Polizei ermittelt."]),
        ("Sie wurde die 3. Gewinnerin. Er nicht.", ["Sie wurde die 3. Gewinnerin.", "Er nicht."]),
        # a year ends its sentence, even after a word that precedes ordinals
        ("Die Preise steigen seit 2022. Geschäftsführer Roth erklärte das.",
         ["Die Preise steigen seit 2022.", "Geschäftsführer Roth erklärte das."]),
        ("Er spielte zum 2000. Mal. Der Trainer lobte ihn.", ["Er spielte zum 2000. Mal.", "Der Trainer lobte ihn."]),
        ("Heute läuft die 2000. Folge der Serie. Gut.", ["Heute läuft die 2000. Folge der Serie.", "Gut."]),
        ("Das sagte Dr. Müller. Er ist Arzt.", ["Das sagte Dr. Müller.", "Er ist Arzt."]),
        ("Es gibt u. a. Äpfel, z. B. rote. Und Birnen.", ["Es gibt u. a. Äpfel, z. B. rote.", "Und Birnen."]),
        ("Er wohnt in Nr. 5 der Straße. Sie auch.", ["Er wohnt in Nr. 5 der Straße.", "Sie auch."]),
        ("Donald J. Trump sprach. Danach nicht.", ["Donald J. Trump sprach.", "Danach nicht."]),
        ("Das gilt z.B. hier. Und dort.", ["Das gilt z.B. hier.", "Und dort."]),
        ("„Wir kommen.“ Dann ging er.", ["„Wir kommen.“", "Dann ging er."]),
        ("„Kommen wir?“, fragte er. Niemand antwortete.", ["„Kommen wir?“, fragte er.", "Niemand antwortete."]),
        ("Er rief: „Halt!“ Dann war es still.", ["Er rief: „Halt!“", "Dann war es still."]),
        ("Es kostet 3.5 Mio. Euro. Viel Geld.", ["Es kostet 3.5 Mio. Euro.", "Viel Geld."]),
        ("Warum? Darum! Ende …", ["Warum?", "Darum!", "Ende …"]),
        ("Das ist … nicht gut. Oder doch.", ["Das ist … nicht gut.", "Oder doch."]),
        ("Version 2.0 kam heraus. Sie ist gut.", ["Version 2.0 kam heraus.", "Sie ist gut."]),
        ("Er sagte (am Montag) nichts. Sie schon.", ["Er sagte (am Montag) nichts.", "Sie schon."]),
        # a full stop with no space after it still ends a sentence between two words
        ("Das sagte der Papst.Der Bruder schwieg.", ["Das sagte der Papst.", "Der Bruder schwieg."]),
        ("Er liest bild.de und wohnt in St.Gallen. Sie nicht.", ["Er liest bild.de und wohnt in St.Gallen.", "Sie nicht."]),
        # a quotation that begins in lower case goes on with the sentence
        ("Er nannte Benedikt XVI. „einen großen Denker“. Gut.", ["Er nannte Benedikt XVI. „einen großen Denker“.", "Gut."]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


def test_sentences_keep_offsets_and_stay_in_their_block():
    text = "Titel ohne Punkt\nErster Satz. Zweiter Satz.\nDritter Satz ohne Ende\nVierter.\n"
    article = parse("a.txt", text)
    found = article.sentences
    for span in found:
        assert text[span.start : span.end] == span.text
    assert [s.text for s in found] == [
        "Titel ohne Punkt", "Erster Satz.", "Zweiter Satz.", "Dritter Satz ohne Ende", "Vierter.",
    ]


def test_words_with_hyphens_apostrophes_and_numbers():
    article = parse("a.txt", "Titel\nDer 71-Jährige sagt’s dem Kreml-Chef in Pjöngjang, 2024.\n")
    assert [w.text for w in article.words[1:]] == [
        "Der", "71-Jährige", "sagt’s", "dem", "Kreml-Chef", "in", "Pjöngjang", "2024",
    ]


def test_the_sample_article_splits_as_an_editor_reads_it():
    with open("seeds/000_2f1474f60fdc96d6.txt", encoding="utf-8") as handle:
        article = parse("sample.txt", handle.read())
    texts = [s.text for s in article.sentences]
    assert any(t.startswith("„Das würde") and t.endswith("in Washington.") for t in texts)
    assert "(20." not in "".join(t[-4:] for t in texts)
    assert len(texts) == 31
