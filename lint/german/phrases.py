"""Noun phrases and the words around a finite verb, for finding who speaks.

German word order puts one phrase before the finite verb of a main clause — its subject, or an
object, an adverbial or a prepositional phrase, after which the subject follows the verb. The
functions here read such phrases from a list of words: a noun phrase with its determiner,
adjectives, a name of several words („Bündnis 90/Die Grünen“), a genitive name („Jelpkes
Mitarbeiter“), genitive and „von“ attributes, a parenthesis („(CDU)“), an apposition („,
Matthew Miller,“) and coordination („Özcan Mutlu und Benedikt Lux“); what may open a clause
without being its subject („Am Montag“, „Zur Lage des Vereins“, „Dem Sender“, „Besorgt“); and the
subject after a verb („sagte am Montag die Ministerin“). `newslint.german.speakers` and
`newslint.german.clauses` build on them.
"""

from __future__ import annotations

import re

from newslint.german.cues import (
    ADVERBS,
    DETERMINERS,
    LINKS,
    PREPOSITIONS,
    PRONOUNS,
    SPEECH_VERBS,
    TIME_NOUNS,
    Word,
    is_numeral,
)
from newslint.german.segment import OPENING_MARKS, Span


def noun_phrase(text: str, words: list[Word], index: int, limit: int) -> int:
    """The end (word index, exclusive) of the noun phrase starting at words[index], or `index`."""
    if index >= limit:
        return index
    first = words[index]
    if first.lower in PRONOUNS and first.lower != "beide":
        return index + 2 if index + 1 < limit and words[index + 1].lower == "selbst" else index + 1  # „Er selbst“
    i = index
    if first.lower in DETERMINERS:
        i = _past_extended_attribute(text, words, index + 1, limit) if first.lower in _ARTICLES else index + 1
    most = max(index + 4, i + 3)  # up to three adjectives and numbers after the determiner
    while i < limit and i < most and (
        is_modifier(words[i]) or words[i].lower in ADVERBS and i + 1 < limit and is_modifier(words[i + 1])
    ) and not _quoted_name(text, words, i, limit):
        i += 1  # adjectives and numbers: "die 13 beteiligten Feuerwehrleute", "der nun abgesagten Parade"
    head = i
    if head == index and first.lower in CONJUNCTIONS and opens_clause(text, words, index):
        return index  # "Als er kam, …" — but in mid-sentence "Ministerpräsident Weil" is a name
    while i < limit and (
        is_capitalised(words[i]) or i > head and _inside_name(text, words, i, limit) or i == head > index and _quoted_name(text, words, i, limit)
    ) and (
        i == index or words[i].lower not in STOP_INSIDE
    ) and (i > index or words[i].lower not in STOP) and joined(text, words, i, head):
        i += 1
    if i == head:  # no noun: a quantity word stands alone for people („Viele haben gesagt:“)
        return index + 1 if first.lower in _STANDING_ALONE and first.text[0].isupper() else index
    if i == head + 1 == index + 1 and first.text.endswith("s") and i < limit and is_modifier(words[i]):
        j = i  # a genitive name as determiner: "Jelpkes wissenschaftlicher Mitarbeiter", "Berlins neuer Bürgermeister"
        while j < limit and j - i < 3 and is_modifier(words[j]):
            j += 1
        if j < limit and is_capitalised(words[j]) and words[j].lower not in STOP and gap_before(text, words, j) == "":
            i = j
            while i < limit and is_capitalised(words[i]) and words[i].lower not in STOP_INSIDE and joined(text, words, i, j):
                i += 1
    if i < limit and words[i].lower == "selbst" and gap_before(text, words, i) == "":
        return i + 1  # "Sommerfeld selbst beschreibt …": the name and its stress
    # genitive or "von" attribute, parenthesis ("(CDU)") and apposition (", Matthew Miller,")
    while i < limit:
        gap = text[words[i - 1].end : words[i].start]
        if gap.strip() in ("(", ")", ") (", ""):
            if gap.strip().startswith("(") and is_capitalised(words[i]):
                i += 1
                continue
        if gap.strip() == "" and words[i].lower in LINKS and not (
            head == index and words[i].lower in _PLACE_LINKS
        ):  # "der Sprecher bei der Polizei", but "sagte Jaschin bei einer Veranstaltung"
            end = noun_phrase(text, words, i + 1, limit)
            if end > i + 1:
                i = end
                continue
        if gap.strip() == "" and words[i].lower in ("und", "sowie") and i + 1 < limit and (
            words[i + 1].lower in DETERMINERS or is_capitalised(words[i + 1])
        ):  # "Özcan Mutlu und Benedikt Lux", "für Ostasien und den Pazifik"
            end = noun_phrase(text, words, i + 1, limit)
            if end > i + 1:
                i = end
                continue
        if gap.strip() in (",", "–", "—") and is_capitalised(words[i]) and words[i].lower not in DETERMINERS:
            j = i  # an apposition: ", Matthew Miller,", " – Rainer Wittner –"
            while j < limit and is_capitalised(words[j]) and text[words[j - 1].end : words[j].start].strip() in ("", gap.strip()):
                j += 1
                if j < limit and text[words[j - 1].end : words[j].start].strip() == gap.strip():
                    break
            if j > i:
                i = j
                continue
        break
    return i


STOP = frozenset(PREPOSITIONS | ADVERBS | SPEECH_VERBS | {"und", "oder", "es", "sich", "so", "wie"})


#: inside a noun phrase a capitalised word is a noun even where a verb has its letters ("Frage")
STOP_INSIDE = STOP - SPEECH_VERBS


#: conjunctions that open a subordinate clause: capitalised at the start of a sentence, still no
#: noun ("Als er kam, sagte …"; but "Ministerpräsident Weil")
CONJUNCTIONS = frozenset(
    "als wenn weil nachdem obwohl obgleich dass ob da bevor ehe sobald solange indem falls damit wo".split()
)


NO_MODIFIERS = STOP | CONJUNCTIONS


def is_modifier(word: Word) -> bool:
    """Whether a word may be an adjective or a number before a noun: in lower case, no name („al-Farra“)."""
    return (word.text[0].islower() or word.text.isdigit()) and word.lower not in NO_MODIFIERS and not (
        "-" in word.text and _particle_name(word)
    )


#: determiners that stand alone for people at the start of a sentence: „Viele haben gesagt:“
_STANDING_ALONE = frozenset("viele einige mehrere".split())


def _past_extended_attribute(text: str, words: list[Word], index: int, limit: int) -> int:
    """After a determiner, where the adjective or participle of an extended attribute stands:
    „die das Unglück überlebende Frau“, „der von der Polizei gesuchte Mann“, „die seit 2019
    amtierende Bürgermeisterin“ — an article or a preposition first (not a number or a quantity:
    „Die beiden Abgeordneten übten Kritik“ has none), then within a few words an inflected
    adjective after a noun or number and right before a noun (not one inside the attribute: „der
    auf der Konferenz für nukleare Sicherheit anwesende Minister“); `index` when there is none."""
    if index >= limit or words[index].lower not in _ARTICLES and words[index].lower not in PREPOSITIONS:
        return index
    for adjective in range(index + 2, min(limit - 1, index + _ATTRIBUTE_WORDS)):
        if gap_before(text, words, adjective) or gap_before(text, words, adjective + 1):
            return index  # punctuation: no attribute
        word, before = words[adjective], words[adjective - 1]
        if is_modifier(word) and word.lower.endswith(_INFLECTED) and word.lower not in DETERMINERS \
                and (is_capitalised(before) or before.text.isdigit()) and is_capitalised(words[adjective + 1]):
            return adjective
    return index


_ATTRIBUTE_WORDS = 8
#: the articles that may open the object of an extended attribute
_ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())
_INFLECTED = ("e", "en", "er", "es", "em")


def _dotted(text: str, words: list[Word], i: int, limit: int) -> bool:
    """Whether words[i] is part of a name written with a dot and no space: „ver.di“, „web.de“."""
    before = i > 0 and text[words[i - 1].end : words[i].start] == "."
    after = i + 1 < limit and text[words[i].end : words[i + 1].start] == "."
    return before or after


def _inside_name(text: str, words: list[Word], i: int, limit: int) -> bool:
    """Whether words[i], not capitalised, still belongs to a name that has begun: digits („Apollo
    11“, „Bündnis 90“), a part written with a dot („ver.di“), a particle before the next part
    („Charles de Gaulle“) or a hyphenated part („Ahmed al-Scharaa“)."""
    word = words[i]
    if word.text.isdigit() or _dotted(text, words, i, limit):
        return True
    if word.lower in _NAME_LINKS:
        return i + 1 < limit and is_capitalised(words[i + 1])
    return _particle_name(word)


#: determiners of a genitive attribute after a noun: „die Ankündigung einer Reform“
_GENITIVE_DETERMINERS = frozenset("eines einer seines seiner ihres ihrer unseres unserer".split())
#: links that make an attribute of a common noun, but after a bare name an adverbial
_PLACE_LINKS = frozenset("bei im für".split())
#: lower-case parts of names: „de Gaulle“, „da Silva“, „al-Scharaa“, „bin Salman“
_NAME_LINKS = frozenset("de da di del della dos das do du le la bin ibn ben al el ter ten".split())


def is_capitalised(word: Word) -> bool:
    """Whether a word is written as a noun or a name: capitalised, „2024-Bilanz“, „al-Farra“."""
    return word.text[0].isupper() or word.text[0].isdigit() and "-" in word.text or _particle_name(word)


def _particle_name(word: Word) -> bool:
    """Whether a word is a name's part after a lower-case particle and a hyphen: „al-Farra“, „el-Sisi“."""
    prefix, dash, rest = word.text.partition("-")
    return dash != "" and prefix in _NAME_LINKS and rest[:1].isupper()


def joined(text: str, words: list[Word], i: int, head: int) -> bool:
    """Whether words[i] continues the head without punctuation between (a name of several words,
    „Bündnis 90/Die Grünen“)."""
    gap = text[words[i - 1].end : words[i].start]
    return i == head or gap.strip() in ("", "-", "/") or gap == "." or (
        gap.strip() == "." and words[i - 1].lower in _TITLES  # „Dr. Sabine Kühnlein“
    )


#: academic titles, abbreviated with a full stop before a name
_TITLES = frozenset("dr prof dres".split())


def opens_clause(text: str, words: list[Word], index: int) -> bool:
    """Whether words[index] is the first of its list or follows punctuation that ends a clause."""
    return index == 0 or bool(_CLAUSE_END.search(text, words[index - 1].end, words[index].start))


_CLAUSE_END = re.compile(r"[.!?:;,(–—]")


def span_of(text: str, words: list[Word], start: int, end: int) -> Span:
    begin, finish = words[start].start, words[end - 1].end
    if text[finish : finish + 1] == ")" and "(" in text[begin:finish] or (
        finish < len(text) and text[finish] in _CLOSING_MARKS and _OPENING_MARKS.search(text, begin, finish)
    ):
        finish += 1  # „Ahmed Miller (CDU)“, „Die „Zeit““
    return Span(begin, finish, text[begin:finish])


def _quoted_name(text: str, words: list[Word], i: int, limit: int) -> bool:
    """Whether words[i] stands alone in quotation marks and no noun follows it: a name however
    written („die „taz““, „c't“), not a word in scare quotes („die „unabhängige“ Kommission“)."""
    word = words[i]
    return (
        0 < word.start and text[word.start - 1] in OPENING_MARKS
        and word.end < len(text) and text[word.end] in _CLOSING_MARKS
        and not (i + 1 < limit and is_capitalised(words[i + 1]))
    )


_OPENING_MARKS = re.compile(f"[{OPENING_MARKS}]")
_CLOSING_MARKS = "“‘«»\"”"


def time_phrase_end(words: list[Word], index: int, limit: int) -> int:
    """The end (word index, exclusive) of an adverbial of time that starts at words[index] — a
    number or quantity and a noun of time, with the adverb after it: „zehn Jahre (später)“, „Drei
    Wochen (nach …)“, „eine Woche lang“, „10 Tage zuvor“ — or `index`. Such a phrase never speaks."""
    if index + 1 >= limit or words[index + 1].lower not in TIME_NOUNS or not is_capitalised(words[index + 1]):
        return index
    lower = words[index].lower
    if not (is_numeral(lower) or lower in _QUANTITIES):
        return index
    end = index + 2
    if end < limit and words[end].lower in _AFTER_TIME:
        end += 1
    return end


#: what counts a noun of time besides a number: „ein Jahr“, „wenige Tage“, „mehrere Wochen“
_QUANTITIES = frozenset("ein eine einen einem einer wenige wenigen einige einigen mehrere mehreren viele vielen".split())
#: adverbs that close an adverbial of time: „zehn Jahre danach“, „zwei Tage lang“
_AFTER_TIME = frozenset("später danach zuvor früher lang lange her darauf vorher nachher zurück".split())


def skip_adverbials(words: list[Word], index: int, limit: int) -> int:
    """Skip adverbs, short prepositional phrases and adverbials of time ("am Montag", "in Berlin",
    "dazu", "zehn Jahre später")."""
    while index < limit:
        lower = words[index].lower
        if lower in ADVERBS or lower in OBJECT_PRONOUNS:
            index += 1
        elif (end := time_phrase_end(words, index, limit)) > index:
            index = end
        elif lower in PREPOSITIONS:
            index += 1
            if index < limit and words[index].lower in DETERMINERS:
                index += 1
            while index < limit and words[index].text[0].islower() and words[index].lower not in NO_MODIFIERS:
                index += 1
            while index < limit and words[index].text[0].isdigit():  # "am 20. Juni"
                index += 1
            if index < limit and is_capitalised(words[index]):
                index += 1
            while index < limit and words[index].text.isdigit():  # "im Juni 2005"
                index += 1
        else:
            break
    return index


def skip_fronted(text: str, words: list[Word], index: int, limit: int) -> int:
    """Skip what opens a main clause before its finite verb when it is not the subject: adverbs and
    prepositional phrases with the whole of their noun phrase — a name of several words, genitive
    and „von“ attributes („Zur aktuellen Lage des Unternehmens“, „Mit der Ankündigung einer
    Reform“, „Nach Ansicht von Ministerpräsident Weil“). Only before the verb: after it, an
    adverbial and the subject stand side by side („sagte am Montag Ministerin Faeser“)."""
    while index < limit:
        lower = words[index].lower
        if lower in ADVERBS or lower in OBJECT_PRONOUNS or index == 0 and lower == "so":  # "So hat sich …"
            index += 1
            continue
        if (end := time_phrase_end(words, index, limit)) > index:  # "Zehn Jahre später sagte sie"
            index = end
            continue
        if lower not in PREPOSITIONS:
            break
        end = noun_phrase(text, words, index + 1, limit)
        while end < limit and words[end].lower in _GENITIVE_DETERMINERS and gap_before(text, words, end) == "":
            following = noun_phrase(text, words, end, limit)  # "mit der Ankündigung einer Reform", "seiner Familie"
            if following == end:
                break
            end = following
        if end == index + 1:
            return skip_adverbials(words, index, limit)
        while end + 1 < limit and words[end].lower in ("und", "oder", "sowie"):
            following = noun_phrase(text, words, end + 1, limit)  # "Zur Lage des Vereins und seiner Aufgabe"
            if following == end + 1:
                break
            end = following
        index = end
        while index < limit and words[index].text.isdigit():  # "im Juni 2005"
            index += 1
    return index


def speaker_after_cue(text: str, words: list[Word], index: int, limit: int) -> Span | None:
    """The subject after a speech verb: "sagte (am Montag) der Minister". None when a comma
    follows the verb ("sagte, dass …"): the subject then stands before it."""
    if 0 < index < limit and "," in text[words[index - 1].end : words[index].start]:
        return None
    start = skip_adverbials(words, index, limit)
    end = noun_phrase(text, words, start, limit)
    if end == start:  # "schrieb die in New York geborene Sängerin", "so letztere"
        end = start
        while end < min(limit, start + 8) and (end == start or gap_before(text, words, end) in ("", "-")):
            end += 1
        if end > start and words[start].lower not in _NAMELESS and (
            words[start].lower not in DETERMINERS or not any(is_capitalised(w) for w in words[start:end])
        ):
            return None
    return span_of(text, words, start, end) if end > start else None


_NAMELESS = frozenset("letztere letzterer ersterer erstere dieser diese jener jene beide".split())


def gap_before(text: str, words: list[Word], index: int) -> str:
    """The punctuation between words[index - 1] and words[index]."""
    return text[words[index - 1].end : words[index].start].strip().strip("„“\"»«")


def quoted_after(text: str, words: list[Word], subject: Span, limit: int) -> Span | None:
    """Who is quoted after "zitiert X": the object after the subject ("zitiert die Zeitung den
    Minister"), or None."""
    index = next((i for i in range(limit) if words[i].start >= subject.end), limit)
    start = skip_adverbials(words, index, limit)
    if comma_before(text, words, start) or start < limit and words[start].lower in CONJUNCTIONS:
        return None  # "zitiert die Zeitung, die …", "zitiert die Zeitung, als …"
    end = noun_phrase(text, words, start, limit)
    return span_of(text, words, start, end) if end > start else None


#: name particles that look like prepositions at the start of a sentence: „Von der Leyen“
NAME_PARTICLES = frozenset("Von Van Zu De Ter".split())


def is_finite(word: Word) -> bool:
    """Whether a word may be the finite verb of a clause (a verb of saying included): not an
    adjective by its ending („öffentlich“, „wissenschaftlicher“)."""
    return (
        word.text[0].islower()
        and word.lower not in _NO_VERBS_NOR_ADVERBS
        and not _ADJECTIVE_ENDING.search(word.lower)
        and not is_numeral(word.lower)
    )


_ADJECTIVE_ENDING = re.compile(r"(?:lich|isch|bar|sam|haft|iv|end)(?:e|er|en|es|em)?$")


def noun_phrase_before(text: str, words: list[Word], end: int) -> int:
    """Where the noun phrase that ends just before words[end] begins, read backwards (`end` when
    none does): „dem Bericht“ before „zufolge“, the noun a relative pronoun stands for. Its nouns,
    then adjectives and its determiner („der oberste geistliche Führer“); adjectives count only
    with a determiner before them, which tells them from a verb („sie hinterließen ein Schreiben“)."""
    first = end
    while first > 0 and (first == end or gap_before(text, words, first) == "") and (
        is_capitalised(words[first - 1]) and words[first - 1].lower not in STOP_INSIDE
    ):
        first -= 1
    if first == end or first == 0 or gap_before(text, words, first):
        return first
    adjectives = first
    while adjectives > 0 and gap_before(text, words, adjectives) == "" and in_noun_phrase(words[adjectives - 1]):
        adjectives -= 1
        if words[adjectives].lower in DETERMINERS:
            return adjectives
    return first


def in_noun_phrase(word: Word) -> bool:
    """Whether a word may stand in a noun phrase: a capitalised word, a determiner, or an
    inflected adjective („eigenen“) — not a verb („hat eigenen Angaben zufolge“)."""
    if word.lower in DETERMINERS or is_capitalised(word) and word.lower not in STOP_INSIDE:
        return True
    return word.text[0].islower() and word.lower not in _NO_VERBS and word.lower.endswith(("en", "em", "er", "es", "e"))


def clause_subject(
    text: str, words: list[Word], start: int, limit: int, phrases: bool = True
) -> Span | None:
    """The subject of the main clause words[start:limit], found by word order alone (see
    `lead_in_subject`); with `phrases`, the noun of a prepositional phrase may be it too (a
    source: "In dem Entwurf steht:")."""
    index = skip_adverbials(words, start, limit)
    if start < index < limit and words[index].text[0].islower():  # "Hier sparte der Präsident"
        speaker = speaker_after_cue(text, words, index + 1, limit)
        if speaker is not None:
            return speaker
    while index < limit:
        if not phrases:  # "Zuvor war in diversen Medien berichtet worden" has no subject
            index = skip_adverbials(words, index, limit)
        stop = noun_phrase(text, words, index, limit)
        if stop > index and (words[index].lower in DETERMINERS or not words[index].text[0].islower()):
            if fronted_start(words, index, stop):
                verb = next((i for i in range(stop, limit) if may_be_verb(words[i])), limit)
                speaker = speaker_after_cue(text, words, verb + 1, limit) if verb < limit else None
                if speaker:
                    return speaker
            return span_of(text, words, index, stop)
        index += 1
    return None


_NO_VERBS = NO_MODIFIERS | DETERMINERS


_NO_VERBS_NOR_ADVERBS = _NO_VERBS - SPEECH_VERBS


def may_be_verb(word: Word) -> bool:
    return word.text[0].islower() and word.lower not in _NO_VERBS and not is_numeral(word.lower)


#: relative pronouns that can be the subject of their clause
RELATIVES = frozenset("der die das welcher welche welches".split())


#: pronouns that are never the subject: "so beschrieb ihn der Kollege", "äußerte sich der Minister"
OBJECT_PRONOUNS = frozenset("sich ihn ihm ihnen mich mir uns euch dich dir".split())


#: pronouns that are the subject wherever they stand ("sie" may be an object: "lobte sie")
NOMINATIVE_PRONOUNS = frozenset("er ich wir man".split())


#: determiners that cannot open a subject: "Dem Sender sagte sie:", "Den Unmut brachte X zum Ausdruck:"
_OBJECT_DETERMINERS = frozenset("den dem einem einen".split())


def opens_object(phrase: str) -> bool:
    """Whether a noun phrase opens with a determiner no subject takes: „den Hergang“, „einem
    Sender“ (an object after the verb, not its subject)."""
    return phrase.split(maxsplit=1)[0].lower() in _OBJECT_DETERMINERS


#: demonstratives standing alone: an object ("Dies bestätigte der Sprecher:")
_DEMONSTRATIVES = frozenset("dies dieses jenes".split())


#: adjectives and present participles, capitalised when they open the sentence: "Ähnlich äußerte
#: sich der Präsident:", "Relativierend fügte sie hinzu:"
_ADJECTIVE = re.compile(r"\w{3,}(?:end|lich|isch|bar|sam|haft)")


def fronted_start(words: list[Word], start: int, end: int) -> bool:
    """Whether the noun phrase words[start:end] opening a clause cannot be its subject: an object
    ("Dem Sender", "Den Unmut der Partei"), a demonstrative ("Dies"), a capitalised adjective
    ("Ähnlich", "Passend") or a participle before a reflexive verb ("Besorgt äußerte sich")."""
    if words[start].lower in _OBJECT_DETERMINERS or time_phrase_end(words, start, end) > start:
        return True  # "Zehn Jahre später sagte sie" too
    if words[start].lower == "der" and start + 1 < end and words[start + 1].text[0].islower() and words[start + 1].lower.endswith("en"):
        return True  # "Der englischsprachigen Zeitung sagte er": a nominative would be "der …e"
    if end - start != 1:
        return False
    word = words[start]
    reflexive = end + 1 < len(words) and words[end + 1].lower == "sich" and word.text.endswith("t")
    return reflexive or word.lower in _DEMONSTRATIVES or bool(_ADJECTIVE.fullmatch(word.text))


def is_fronted(text: str, words: list[Word], start: int, end: int, verb: int) -> bool:
    """Whether the noun phrase words[start:end] before the verb words[verb] is no subject but a
    fronted object or adverbial, with the subject after the verb: "Dem Sender sagte sie",
    "Besorgt äußerte sich der Minister" (but "Merkel sagte der Zeitung")."""
    if not fronted_start(words, start, end):
        return False
    return speaker_after_cue(text, words, verb + 1, len(words)) is not None


def first_comma(text: str, words: list[Word], limit: int) -> int:
    """The index of the first word before `limit` that follows a comma (`limit` when none does)."""
    return next((i for i in range(1, limit) if comma_before(text, words, i)), limit)


def comma_before(text: str, words: list[Word], index: int) -> bool:
    return 0 < index < len(words) and "," in text[words[index - 1].end : words[index].start]

