"""Who speaks in a clause: the speaker of a quotation found by German word order.

The speaker is the subject of the attributing clause (see `newslint.german.attribution` for the
forms): before the finite verb, or after it when an adverbial, an object, a demonstrative, a
conjunction's clause or a capitalised adjective opens the clause. The functions here look at a
stretch of text around one quotation; `newslint.german.attribution` decides which stretch.
"""

from __future__ import annotations

from typing import NamedTuple

import regex
from newslint.german.agencies import AGENCIES
from newslint.german.cues import (
    ADVERBS,
    DETERMINERS,
    LINKS,
    OPINION_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    HELD_OPINIONS,
    SAYING_NOUNS,
    SENTENCE_END,
    SEPARABLE_FINITE,
    SPEECH_VERBS,
    SUBJUNCTIVE,
    Word,
    is_cue,
    is_subjunctive,
    lower_words,
    word_spans,
)
from newslint.german.segment import Span

# -- noun phrases ------------------------------------------------------------------------------


def _noun_phrase(text: str, words: list[Word], index: int, limit: int) -> int:
    """The end (word index, exclusive) of the noun phrase starting at words[index], or `index`."""
    if index >= limit:
        return index
    first = words[index]
    if first.lower in PRONOUNS and first.lower != "beide":
        return index + 1
    i = index
    if first.lower in DETERMINERS:
        i += 1
    while i < limit and i - index < 4 and (
        _modifier(words[i]) or words[i].lower in ADVERBS and i + 1 < limit and _modifier(words[i + 1])
    ):
        i += 1  # adjectives and numbers: "die 13 beteiligten Feuerwehrleute", "der nun abgesagten Parade"
    head = i
    if head == index and first.lower in _CONJUNCTIONS and _opens_clause(text, words, index):
        return index  # "Als er kam, …" — but in mid-sentence "Ministerpräsident Weil" is a name
    while i < limit and (_capitalised(words[i]) or i > head and words[i].text.isdigit()) and (
        i == index or words[i].lower not in _STOP_INSIDE
    ) and (i > index or words[i].lower not in _STOP) and _joined(text, words, i, head):
        i += 1  # digits only inside a name: "Apollo 11", "Bündnis 90"
    if i == head:
        return index
    if i == head + 1 == index + 1 and first.text.endswith("s") and i < limit and _modifier(words[i]):
        j = i  # a genitive name as determiner: "Jelpkes wissenschaftlicher Mitarbeiter", "Berlins neuer Bürgermeister"
        while j < limit and j - i < 3 and _modifier(words[j]):
            j += 1
        if j < limit and _capitalised(words[j]) and words[j].lower not in _STOP and _gap(text, words, j) == "":
            i = j
            while i < limit and _capitalised(words[i]) and words[i].lower not in _STOP_INSIDE and _joined(text, words, i, j):
                i += 1
    # genitive or "von" attribute, parenthesis ("(CDU)") and apposition (", Matthew Miller,")
    while i < limit:
        gap = text[words[i - 1].end : words[i].start]
        if gap.strip() in ("(", ")", ") (", ""):
            if gap.strip().startswith("(") and _capitalised(words[i]):
                i += 1
                continue
        if gap.strip() == "" and words[i].lower in LINKS:
            end = _noun_phrase(text, words, i + 1, limit)
            if end > i + 1:
                i = end
                continue
        if gap.strip() == "" and words[i].lower in ("und", "sowie") and i + 1 < limit and (
            words[i + 1].lower in DETERMINERS or _capitalised(words[i + 1])
        ):  # "Özcan Mutlu und Benedikt Lux", "für Ostasien und den Pazifik"
            end = _noun_phrase(text, words, i + 1, limit)
            if end > i + 1:
                i = end
                continue
        if gap.strip() == "," and _capitalised(words[i]) and words[i].lower not in DETERMINERS:
            j = i
            while j < limit and _capitalised(words[j]) and text[words[j - 1].end : words[j].start].strip() in ("", ","):
                j += 1
                if j < limit and text[words[j - 1].end : words[j].start].strip() == ",":
                    break
            if j > i:
                i = j
                continue
        break
    return i


_STOP = frozenset(PREPOSITIONS | ADVERBS | SPEECH_VERBS | {"und", "oder", "es", "sich", "so", "wie"})
#: inside a noun phrase a capitalised word is a noun even where a verb has its letters ("Frage")
_STOP_INSIDE = _STOP - SPEECH_VERBS
#: conjunctions that open a subordinate clause: capitalised at the start of a sentence, still no
#: noun ("Als er kam, sagte …"; but "Ministerpräsident Weil")
_CONJUNCTIONS = frozenset(
    "als wenn weil nachdem obwohl obgleich dass ob da bevor ehe sobald solange indem falls damit wo".split()
)
_NO_MODIFIERS = _STOP | _CONJUNCTIONS


def _modifier(word: Word) -> bool:
    return (word.text[0].islower() or word.text.isdigit()) and word.lower not in _NO_MODIFIERS


def _capitalised(word: Word) -> bool:
    return word.text[0].isupper() or word.text[0].isdigit() and "-" in word.text


def _joined(text: str, words: list[Word], i: int, head: int) -> bool:
    """Whether words[i] continues the head without punctuation between (a name of several words,
    „Bündnis 90/Die Grünen“)."""
    return i == head or text[words[i - 1].end : words[i].start].strip() in ("", "-", "/")


def _opens_clause(text: str, words: list[Word], index: int) -> bool:
    """Whether words[index] is the first of its list or follows punctuation that ends a clause."""
    return index == 0 or bool(_CLAUSE_END.search(text, words[index - 1].end, words[index].start))


_CLAUSE_END = regex.compile(r"[.!?:;,(–—]")


def _span(text: str, words: list[Word], start: int, end: int) -> Span:
    begin, finish = words[start].start, words[end - 1].end
    if text[finish : finish + 1] == ")" and "(" in text[begin:finish]:
        finish += 1
    return Span(begin, finish, text[begin:finish])


def _skip_adverbials(words: list[Word], index: int, limit: int) -> int:
    """Skip adverbs and short prepositional phrases ("am Montag", "in Berlin", "dazu")."""
    while index < limit:
        lower = words[index].lower
        if lower in ADVERBS or lower in _OBJECT_PRONOUNS:
            index += 1
        elif lower in PREPOSITIONS:
            index += 1
            if index < limit and words[index].lower in DETERMINERS:
                index += 1
            while index < limit and words[index].text[0].islower() and words[index].lower not in _NO_MODIFIERS:
                index += 1
            while index < limit and words[index].text[0].isdigit():  # "am 20. Juni"
                index += 1
            if index < limit and _capitalised(words[index]):
                index += 1
            while index < limit and words[index].text.isdigit():  # "im Juni 2005"
                index += 1
        else:
            break
    return index


def _skip_fronted(text: str, words: list[Word], index: int, limit: int) -> int:
    """Skip what opens a main clause before its finite verb when it is not the subject: adverbs and
    prepositional phrases with the whole of their noun phrase — a name of several words, genitive
    and „von“ attributes („Zur aktuellen Lage des Unternehmens“, „Mit der Ankündigung einer
    Reform“, „Nach Ansicht von Ministerpräsident Weil“). Only before the verb: after it, an
    adverbial and the subject stand side by side („sagte am Montag Ministerin Faeser“)."""
    while index < limit:
        lower = words[index].lower
        if lower in ADVERBS or lower in _OBJECT_PRONOUNS or index == 0 and lower == "so":  # "So hat sich …"
            index += 1
            continue
        if lower not in PREPOSITIONS:
            break
        end = _noun_phrase(text, words, index + 1, limit)
        while end < limit and words[end].lower in ("eines", "einer") and _gap(text, words, end) == "":
            following = _noun_phrase(text, words, end, limit)  # "mit der Ankündigung einer Reform"
            if following == end:
                break
            end = following
        if end == index + 1:
            return _skip_adverbials(words, index, limit)
        while end + 1 < limit and words[end].lower in ("und", "oder", "sowie"):
            following = _noun_phrase(text, words, end + 1, limit)  # "Zur Lage des Vereins und seiner Aufgabe"
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
    start = _skip_adverbials(words, index, limit)
    end = _noun_phrase(text, words, start, limit)
    if end == start:  # "schrieb die in New York geborene Sängerin", "so letztere"
        end = start
        while end < min(limit, start + 8) and (end == start or _gap(text, words, end) in ("", "-")):
            end += 1
        if end > start and words[start].lower not in _NAMELESS and (
            words[start].lower not in DETERMINERS or not any(_capitalised(w) for w in words[start:end])
        ):
            return None
    return _span(text, words, start, end) if end > start else None


_NAMELESS = frozenset("letztere letzterer ersterer erstere dieser diese jener jene beide".split())


def _gap(text: str, words: list[Word], index: int) -> str:
    """The punctuation between words[index - 1] and words[index]."""
    return text[words[index - 1].end : words[index].start].strip().strip("„“\"»«")


# -- finding attribution in a stretch of text --------------------------------------------------


def attribution_after(text: str, start: int, end: int, loose: bool = True) -> tuple[Span, str] | None:
    """Attribution in text[start:end], right after a quotation: ", sagte X", ", so X", …, or the
    source alone in parentheses: " (Stiftung Warentest)". Only `loose` (after a direct quote) are
    a subject before the verb („„…“, Miller sagte“) and any finite verb („„…“, begründet das
    Gericht“) read too: after quoted words inside a sentence they begin the next clause."""
    source = source_in_parentheses(text, start, end)
    if source is not None:
        return source, "parentheses"
    words = word_spans(text, start, end)
    if not words:
        return None
    limit = next((i for i, w in enumerate(words) if SENTENCE_END.search(text, words[i - 1].end if i else start, w.start)), len(words))
    lower = [w.lower for w in words[:limit]]
    if "zufolge" in lower[1:5]:  # „…“, dem Ministerium zufolge.
        return _span(text, words, 0, lower.index("zufolge", 1)), "zufolge"
    for index in range(min(limit, 4)):
        word = lower[index]
        if is_cue(words, index, limit):
            first = 1 if index > 1 and _may_be_verb(words[0]) else 0  # "„…“, hatte der Minister gesagt"
            if index > first and _noun_phrase(text, words, first, index) == index:
                return (_span(text, words, first, index), "after") if loose else None  # "„…“, Miller sagte"
            speaker = speaker_after_cue(text, words, index + 1, limit)
            if speaker and word.startswith("zitier"):  # „…“, zitiert die Zeitung den Minister.
                speaker = _quoted(text, words, speaker, limit) or speaker
            return (speaker, "after") if speaker else None
        if word in ("so", "laut") and index == 0 and not (limit > 1 and is_cue(words, 1, limit)):
            # (but "„…“, so beschrieb es der Sprecher." is the "after" form)
            speaker = speaker_after_cue(text, words, 1, limit)
            return (speaker, word) if speaker else None
        if word in ("hieß", "heißt") and index + 1 < limit and lower[index + 1] == "es":
            return _source_after(text, words, index + 2, limit, word + " es")
        if word == "wie" and index == 0:
            for j in range(1, limit):
                if is_cue(words, j, limit) or lower[j] in ("hieß", "heißt"):
                    if lower[j] in ("hieß", "heißt"):
                        return _source_after(text, words, j + 2, limit, "wie")
                    if j > 1:
                        return _span(text, words, 1, _noun_phrase(text, words, 1, j) or j), "wie"
                    return (speaker_after_cue(text, words, j + 1, limit), "wie")
            return None
        if word == "nach" and index + 1 < limit and lower[index + 1] == "angaben":
            return _source_after(text, words, index + 2, limit, "nach Angaben")
        if word in _SPEECH_BREAKS:
            if index == 0:
                return None
            break
    # „…“, begründet das Gericht (seine Entscheidung). — any finite verb right after the quote, but
    # not an auxiliary or a subjunctive: „„…“, allerdings sei die Hetze …“ goes on with the content
    index = _skip_adverbials(words, 0, limit)
    if (
        index < limit
        and words[index].text[0].islower()
        and words[index].lower not in _STOP_AFTER
        and words[index].lower not in SUBJUNCTIVE
        and (loose or words[index].lower in AUXILIARIES)
        and (words[index].lower not in AUXILIARIES or any(is_cue(words, i, limit) for i in range(index + 1, limit)))
    ):  # "„…“, hatte der Landrat gesagt", "„…“, wird er zitiert" — an auxiliary with a verb of saying
        speaker = speaker_after_cue(text, words, index + 1, limit)
        if speaker is not None:
            return speaker, "after"
    return None


def source_in_parentheses(text: str, start: int, end: int) -> Span | None:
    """The source named alone in parentheses at the start of text[start:end], right after a
    quotation: „…“ (Stiftung Warentest). Only a noun phrase that fills the parentheses counts, and
    nothing but the end of the sentence may follow: not a translation („Britain First“ (Britannien
    zuerst)), a date, a place with more words, nor an agency's credit line („…“ (dpa))."""
    opening = start
    while opening < end and text[opening].isspace():
        opening += 1
    if opening >= end or text[opening] != "(":
        return None
    closing = text.find(")", opening, min(end, opening + _SOURCE_LENGTH))
    following = text[closing + 1 : closing + 3]
    if closing == -1 or following[:1] not in ("", ".", ";", ",", " ", "\n") or following[1:].islower():
        return None  # "„…“ (Name) sagte …" is no source in parentheses
    words = word_spans(text, opening + 1, closing)
    if not words or not _capitalised(words[0]) or text[opening + 1 : closing].strip() in AGENCIES:
        return None
    if text[words[-1].end : closing].strip() or _noun_phrase(text, words, 0, len(words)) != len(words):
        return None
    return _span(text, words, 0, len(words))


_SOURCE_LENGTH = 80  # characters: a source in parentheses is a name, not a sentence

_STOP_AFTER = frozenset(
    """und oder aber weil denn dass als die der das den dem wenn ob wo was wer wie sondern doch
    sowie bzw ein eine einer so auch nicht""".split()
) | _CONJUNCTIONS


_SPEECH_BREAKS = frozenset("und oder aber denn die der das den dem".split()) | _CONJUNCTIONS


def _quoted(text: str, words: list[Word], subject: Span, limit: int) -> Span | None:
    """Who is quoted after "zitiert X": the object after the subject ("zitiert die Zeitung den
    Minister"), or None."""
    index = next((i for i in range(limit) if words[i].start >= subject.end), limit)
    start = _skip_adverbials(words, index, limit)
    if _comma_before(text, words, start) or start < limit and words[start].lower in _CONJUNCTIONS:
        return None  # "zitiert die Zeitung, die …", "zitiert die Zeitung, als …"
    end = _noun_phrase(text, words, start, limit)
    return _span(text, words, start, end) if end > start else None


def _source_after(text: str, words: list[Word], index: int, limit: int, form: str):
    """The source of "hieß es (in der Erklärung)", "nach Angaben (der Polizei)"."""
    start = index
    if start < limit and words[start].lower in ("in", "aus", "von", "vom", "seitens", "im", "bei", "beim"):
        start += 1
    start = _skip_adverbials(words, start, limit) if start == index else start
    end = _noun_phrase(text, words, start, limit)
    if end > start:
        return _span(text, words, start, end), form
    return Span(words[index - 1].start, words[index - 1].end, words[index - 1].text), form


def attribution_in_words(text: str, words: list[Word], form: str, verbs: bool = True) -> tuple[Span, str] | None:
    """`attribution_in_clause` for a clause given as its words (quotations left out); without
    `verbs`, only the words that name a source (so, laut, zufolge, nach Angaben, hieß es)."""
    if _CLAUSE_CUES.isdisjoint(w.lower for w in words):
        return None
    return _clause_attribution(text, words, form, verbs)


def attribution_in_clause(text: str, start: int, end: int, form: str = "colon") -> tuple[Span, str] | None:
    """Attribution anywhere in a clause (before a colon, or a sentence of reported speech)."""
    if _CLAUSE_CUES.isdisjoint(lower_words(text, start, end)):
        return None  # most clauses: no word that could attribute anything
    return _clause_attribution(text, word_spans(text, start, end), form)


def _clause_attribution(text: str, words: list[Word], form: str, verbs: bool = True) -> tuple[Span, str] | None:
    """Attribution in a clause given as its words, the cues tried from the last word back (without
    `verbs`, only the words that name a source: laut, so, zufolge, nach Angaben, hieß es)."""
    for index in range(len(words) - 1, -1, -1):
        word = words[index].lower
        if word in OPINION_NOUNS and index > 0 and (
            words[index - 1].lower == "nach" or index > 1 and words[index - 2].lower == "nach" and words[index - 1].lower in DETERMINERS
        ):  # "nach Angaben der Polizei", "nach den Worten des Ministers"
            after = index + 2 if index + 2 < len(words) and words[index + 1].lower in ("von", "vom") else index + 1
            speaker = speaker_after_cue(text, words, after, len(words))  # "nach Ansicht (von) X"
            if speaker:
                return speaker, form
        if word in ("hieß", "heißt") and index + 1 < len(words) and words[index + 1].lower == "es":
            if index >= 2 and words[index - 2].lower in ("aus", "in", "von", "im", "vom", "bei"):
                return _span(text, words, index - 1, index), form
            found = _source_after(text, words, index + 2, len(words), form)
            if found[0].text.lower() != "es":
                return found
            if index >= 2 and words[0].lower in PREPOSITIONS and index in (
                _noun_phrase(text, words, 1, index), _skip_adverbials(words, 0, index)
            ):
                return _span(text, words, 1, index), form  # "In dem Antrag heißt es:"
        if word in ("laut", "so") and index + 1 < len(words) and (
            word == "laut" or index == 0 or _comma_before(text, words, index)
        ):
            following = words[index + 1]  # "so der Minister", not the adverb: "So gewonnene Daten …"
            if not following.text[0].islower() or following.lower in DETERMINERS:
                speaker = speaker_after_cue(text, words, index + 1, len(words))
                if speaker:
                    return speaker, word
        if word == "zufolge" and index > 0:
            first = index - 1  # the noun phrase before it: "dem Bericht", "Angaben der Polizei"
            while first > 0 and _gap(text, words, first) == "" and _in_noun_phrase(words[first - 1]):
                first -= 1
            return _span(text, words, first, index), "zufolge"
        if verbs and is_cue(words, index, len(words)):
            return subject_of_verb(text, words, index, form)
    return None


class Speech(NamedTuple):
    """What a sentence says about speaking: its main clause reports speech, and `speaker` says
    who — None when no one is named („Zur Eröffnung wurde die Reform kritisiert.“)."""

    speaker: Span | None


def speech_in_sentence(text: str, words: list[Word]) -> Speech | None:
    """Who speaks in a whole sentence (given as its words, quotations left out), read from its main
    clause only: the subject of a verb of saying, demanding, warning, reacting or announcing („Die
    Gewerkschaft reagierte empört.“, „Der Minister kündigte Widerstand an.“, „Er hatte gewarnt.“,
    „Die Demonstranten zogen zum Rathaus und skandierten …“), the one quoted after „zitiert“, the
    agent of a passive („Von der Opposition wurde der Plan kritisiert.“), the source of „laut X“,
    „nach Ansicht von X“, „X zufolge“, or the subject of a main clause with a noun of saying as
    its subject or object („Die Opposition übte scharfe Kritik.“) — and when that noun is the
    subject itself, whose it is („Die Forderung der Gewerkschaft ist klar.“, „Kritik kam von der
    Opposition.“). None when the main clause reports no speech: a verb of saying in a subordinate
    clause („…, da er seinen Rückzug angekündigt hatte.“) does not make its subject the speaker."""
    words = words[:_MAIN_CLAUSE_WORDS]  # a very long sentence is read no further than its start
    main = main_clause(text, words)
    if main is None:
        return None
    verb, subject, limit = main
    lower = [w.lower for w in words[:limit]]
    if lower[0] == "wie":  # "Wie der Sprecher mitteilte, wurde …": the source of the sentence
        cue = next((i for i in range(1, verb) if is_cue(words, i, verb)), None)
        end = _noun_phrase(text, words, 1, cue) if cue is not None else 1
        if end > 1:
            return Speech(_span(text, words, 1, end))
    if lower[0] == "für" and lower[verb] in _FORMS_OF_SEIN:  # "Für den Minister ist das „ein Skandal“"
        end = _noun_phrase(text, words, 1, verb)
        if end == verb:
            return Speech(_span(text, words, 1, end))
    if is_subjunctive(words[verb].lower, subject.text if subject else ""):  # "X werde …, erklärte das Ministerium."
        for k in range(verb + 1, len(words)):
            if _comma_before(text, words, k) and words[k].text[0].islower() and is_cue(words, k, len(words)):
                speaker = speaker_after_cue(text, words, k + 1, len(words))
                if speaker is not None:
                    return Speech(speaker)
        return None  # its subject says nothing; the speaker is in the context
    clause = words[:limit]
    if subject is not None and subject.text.lower() == "es":
        subject = None  # "Es drohe …", "handelt es sich um": no one
    segment = next((k for k in range(verb + 1, limit) if _comma_before(text, clause, k)), limit)
    if lower[verb] in AUXILIARIES:  # the participle or infinitive ends its part of the clause
        participle = next(
            (i for i in range(verb + 1, limit) if is_cue(clause, i, limit) and _ends_part(text, clause, i, limit)), None
        )
        if participle is not None and (lower[verb] in _PASSIVE or "worden" in lower[participle:]):
            if lower[participle].startswith("zitier"):  # "X wird … mit den Worten zitiert"
                return Speech(subject)
            return Speech(_agent(text, clause, limit, subject))  # "Von der Opposition wurde … kritisiert"
        if participle is not None and subject is not None:
            return Speech(subject)
    elif subject is not None and is_cue(clause, verb, segment):
        if lower[verb].startswith("zitier"):  # "Der Spiegel zitiert den Prediger mit den Worten …"
            anchor = subject if subject.start > clause[verb].start else Span(clause[verb].start, clause[verb].end, "")
            return Speech(_quoted(text, clause, anchor, limit) or subject)
        return Speech(subject)
    if subject is not None and any(  # "… zogen zum Rathaus und skandierten …"
        lower[i - 1] in _COORDINATORS and is_cue(clause, i, limit) for i in range(verb + 2, limit)
    ):
        return Speech(subject)
    if not _SOURCE_CUES.isdisjoint(lower):  # laut X, nach Ansicht von X, X zufolge, hieß es in …
        found = _clause_attribution(text, clause, "sentence", verbs=False)
        if found is not None and found[0].text.lower() != "es":
            return Speech(subject if found[0].text.split()[0].lower() == "eigenen" else found[0])
    if subject is None:
        return None
    for index in range(limit):
        if lower[index] not in SAYING_NOUNS or not _capitalised(clause[index]):
            continue
        if subject.start <= clause[index].start < subject.end:  # the noun of saying is the subject:
            return Speech(_whose(text, clause, index, limit))  # whose it is
        if index == 0 or lower[index - 1] not in _OBLIQUE_DETERMINERS or lower[index] in HELD_OPINIONS:
            return Speech(subject)  # "übte Kritik", "ist der Meinung" — not "folgte der Einschätzung"
    return None


_COORDINATORS = frozenset("und oder sowie aber".split())
_FORMS_OF_SEIN = frozenset("ist sei war wäre sind seien waren wären".split())


def _ends_part(text: str, words: list[Word], index: int, limit: int) -> bool:
    """Whether words[index] ends its part of a sentence, but for auxiliaries after it: a comma,
    the sentence's end or nothing follows (a participle at the end: „hat … zurückgewiesen.“, „war
    … bezeichnet worden.“ — not „bezeichnete „Probleme““)."""
    while index + 1 < limit and words[index + 1].lower in _VERB_CLUSTER and _gap(text, words, index + 1) == "":
        index += 1
    rest = text[words[index].end : words[index].end + 2].lstrip()
    return rest[:1] in ("", ",", ".", ";", ":", "!", "?", ")", "–")


def _agent(text: str, words: list[Word], limit: int, subject: Span | None) -> Span | None:
    """The agent of a passive clause: „von der Opposition“ (None when it names none), not a „von“
    inside its subject („Zur Eröffnung wurde die Diskriminierung von Frauen kritisiert“)."""
    found = [i for i in range(limit) if words[i].lower in ("von", "vom")]
    inside = [i for i in found if subject and subject.start <= words[i].start < subject.end]
    if not found or found == inside[:1]:  # the only "von" belongs to the subject
        return None
    von = found[-1]
    end = _noun_phrase(text, words, von + 1, limit)
    return _span(text, words, von + 1, end) if end > von + 1 else None


_PASSIVE = frozenset("wird wurde wurden werden worden".split())
#: words that name a source in a clause: „laut X“, „nach Ansicht von X“, „X zufolge“, „hieß es“
_SOURCE_CUES = frozenset(OPINION_NOUNS | {"laut", "zufolge", "hieß", "heißt"})
#: determiners of a noun that is no direct object: „folgte der Einschätzung“, „dem Appell“
_OBLIQUE_DETERMINERS = frozenset("der dem des".split())
#: finite verbs that carry a participle or infinitive: „Er hatte gewarnt.“, „Sie will protestieren.“
AUXILIARIES = frozenset(
    """hat hatte hatten haben habe hätte hätten ist war waren sind sei wird wurde wurden werden
    werde würde würden kann konnte will wollte muss musste soll sollte möchte lässt ließ ließen
    lassen""".split()
)
#: the verbs that may follow a participle at the end of a clause: „bezeichnet worden war“
_VERB_CLUSTER = AUXILIARIES | frozenset("worden sein gewesen".split())
#: words that open a subordinate clause after a comma: the main clause ends there
_SUBORDINATORS = _CONJUNCTIONS | DETERMINERS | frozenset(
    "um wie was wer wobei sodass während welche welcher welches welchen welchem zu".split()
)


def _index_at(words: list[Word], offset: int) -> int:
    return next((i for i, w in enumerate(words) if w.start >= offset), len(words))


#: name particles that look like prepositions at the start of a sentence: „Von der Leyen“
_NAME_PARTICLES = frozenset("Von Van Zu De Ter".split())


def _finite(word: Word) -> bool:
    """Whether a word may be the finite verb of a clause (a verb of saying included): not an
    adjective by its ending („öffentlich“, „wissenschaftlicher“)."""
    return word.text[0].islower() and word.lower not in _NO_VERBS_NOR_ADVERBS and not _ADJECTIVE_ENDING.search(word.lower)


_ADJECTIVE_ENDING = regex.compile(r"(?:lich|isch|bar|sam|haft|iv)(?:e|er|en|es|em)?$")


def last_main_clause(text: str, words: list[Word], limit: int) -> int:
    """Where the last main clause before words[limit] begins that has a subject of its own, joined
    to the one before by „und“, „aber“, „doch“, „sondern“ or a comma: „Die Menge skandierte
    Parolen, und der Redner rief:“, „Klose nannte ihn „überzogen“, Trainer Löw bezeichnete …“."""
    found = 0
    for index in range(1, limit - 1):
        joined = words[index - 1].lower in _JOINING and not _comma_before(text, words, index) or (
            _comma_before(text, words, index) and words[index].lower not in _SUBORDINATORS - DETERMINERS
        )
        if not joined or words[index].lower in _RELATIVES and not _capitalised(words[index + 1]):
            continue
        if text[words[index - 2].end : words[index - 1].start].strip() == "-" if index > 1 else False:
            continue  # "der Fraktions- und Parteivorsitzenden": one noun phrase
        end = _noun_phrase(text, words, index, limit)
        if (
            index < end < limit
            and _finite(words[end])
            and words[end].lower not in SUBJUNCTIVE  # ", Deutschland brauche …": reported speech depends on it
            and not _comma_before(text, words, end)
            and main_clause(text, words[found:index]) is not None  # a clause before, not "zur Lage und seiner Aufgabe"
        ):
            found = index
    return found


_JOINING = frozenset("und aber doch sondern denn".split())


def main_clause(text: str, words: list[Word]) -> tuple[int, Span | None, int] | None:
    """The finite verb of a sentence's main clause (German verb-second order), its subject and
    where the main clause ends (the first subordinate clause after the verb), or None."""
    n = len(words)
    if not n:
        return None
    if words[0].lower in _CONJUNCTIONS or words[0].lower in ("um", "wie"):  # "Als er kam, sagte …"
        verb = next(  # the main verb follows the subordinate clause's verb, which ends it
            (k for k in range(2, n) if _comma_before(text, words, k) and words[k - 1].text[0].islower() and _finite(words[k])),
            None,
        )
        if verb is not None:
            return verb, speaker_after_cue(text, words, verb + 1, n), _main_clause_end(text, words, verb)
        if words[0].lower not in ("als", "wie"):
            return None
        end = _noun_phrase(text, words, 1, n)  # "Als Begründung sagte ein Wissenschaftler": a phrase
        end = _skip_fronted(text, words, end, n)
        if end == 1 and n > 1 and regex.search(r"[„“”»«\"]", text[words[0].end : words[1].start]):
            end = 1  # "Als „verpasste Chance“ beurteilte X …": the quoted words are the phrase
        elif end == 1:
            return None
        if end >= n or not _finite(words[end]):
            return None
        return end, speaker_after_cue(text, words, end + 1, n), _main_clause_end(text, words, end)
    start = _skip_fronted(text, words, 0, n)
    if 0 < start < n and _finite(words[start]):  # "Am Montag warnte die Ministerin …"
        subject = speaker_after_cue(text, words, start + 1, n)
        if subject is None and words[0].text in _NAME_PARTICLES and _capitalised(words[start - 1]):
            subject = _span(text, words, 0, start)  # no subject after the verb: "Von der Leyen betonte, …"
        return start, subject, _main_clause_end(text, words, start)
    end = _noun_phrase(text, words, start, n)
    if end == start:
        return None
    verb = end
    if verb < n and _comma_before(text, words, verb) and not _finite(words[verb]):  # "Khan, einer der …, die …, verurteilte"
        verb = next((k for k in range(verb + 1, n) if _comma_before(text, words, k) and _finite(words[k])), n)
    if verb >= n or not _finite(words[verb]):
        return None
    subject: Span | None = _span(text, words, start, end)
    after = verb + 1
    if after < n and words[after].lower in _NOMINATIVE_PRONOUNS and not _comma_before(text, words, after):
        subject = _span(text, words, after, after + 1)  # "Die Reform lobte er"
    elif _fronted_start(words, start, end):  # "Dem Sender sagte sie", "Dies bestätigte der Sprecher"
        subject = speaker_after_cue(text, words, after, n)
    return verb, subject, _main_clause_end(text, words, verb)


def _main_clause_end(text: str, words: list[Word], verb: int) -> int:
    """The first word after `verb` that opens a subordinate clause after a comma (or the end). A
    determiner opens a relative clause („, die den Brief …“), not an apposition („, dem 20. Juni“,
    „, der Sprecher des Ministeriums“)."""
    return next(
        (
            k
            for k in range(verb + 1, len(words))
            if _comma_before(text, words, k)
            and words[k].lower in _SUBORDINATORS
            and not (
                words[k].lower in DETERMINERS
                and k + 1 < len(words)
                and not words[k + 1].text[0].islower()
                and not words[k - 1].text[0].islower()  # "am Montag, dem 20. Juni", not "heißt es, der Preis"
            )
        ),
        len(words),
    )


def _whose(text: str, words: list[Word], noun: int, limit: int) -> Span | None:
    """Whose the noun of saying words[noun] is: its genitive („die Forderung der Gewerkschaft“) or
    „von“ attribute („Kritik kam von der Opposition“)."""
    index = noun + 1
    if index < limit and words[index].lower in ("der", "des"):
        end = _noun_phrase(text, words, index, limit)
        return _span(text, words, index, end) if end > index else None
    von = next((i for i in range(index, limit) if words[i].lower in ("von", "vom")), None)
    if von is not None:
        end = _noun_phrase(text, words, von + 1, limit)
        return _span(text, words, von + 1, end) if end > von + 1 else None
    return None


def after_last_dash(text: str, start: int, end: int) -> int:
    """Where the last part of text[start:end] after a spaced dash begins (`start` when there is
    none): „Niederlage in Wien – Trainer Löw“ → „Trainer Löw“."""
    found = start
    for match in _SPACED_DASH.finditer(text, start, end):
        found = match.end()
    return found


_SPACED_DASH = regex.compile(r"\s[–—-]\s")


def _in_noun_phrase(word: Word) -> bool:
    """Whether a word may stand in a noun phrase: a capitalised word, a determiner, or an
    inflected adjective („eigenen“) — not a verb („hat eigenen Angaben zufolge“)."""
    if word.lower in DETERMINERS or _capitalised(word) and word.lower not in _STOP:
        return True
    return word.text[0].islower() and word.lower not in _NO_VERBS and word.lower.endswith(("en", "em", "er", "es", "e"))


#: every word that can make `attribution_in_clause` find an attribution
_CLAUSE_CUES = frozenset(
    OPINION_NOUNS | {"hieß", "heißt", "laut", "so", "zufolge"} | SPEECH_VERBS | SEPARABLE_FINITE.keys()
)
_LEAD_IN_WORDS = 12
_STANDS = frozenset("steht stand stehen standen findet fand".split())
_MAIN_CLAUSE_WORDS = 60  # a main clause is read no further: long lists stay linear


def attribution_in_lead_in(text: str, start: int, end: int) -> tuple[Span, str] | None:
    """The speaker in the lead-in before a colon: a speech verb's subject, else its subject."""
    return attribution_in_clause(text, start, end) or lead_in_subject(text, start, end)


def lead_in_subject(text: str, start: int, end: int) -> tuple[Span, str] | None:
    """The subject of a lead-in without a speech verb: its first noun phrase ("Ein Beamter der
    Nationalpolizei: „…“", "Die Bewohner sehen es gelassen: „…“"), or the noun phrase after the
    finite verb when the first is a fronted object or adverb ("Den Unmut brachte die Sprecherin
    zum Ausdruck: „…“", "Hier sparte der Präsident nicht mit Kritik: „…“")."""
    words = word_spans(text, start, end)
    words = words[last_main_clause(text, words, len(words)) :]
    main = main_clause(text, words[:_MAIN_CLAUSE_WORDS])
    speaker = main[1] if main is not None and main[1] is not None and main[1].text.lower() != "es" else None
    if main is not None and words[main[0]].lower in _STANDS:
        speaker = None  # "In dem Entwurf steht der Passus:" — the document is the source
    speaker = speaker or _clause_subject(text, words[:_LEAD_IN_WORDS], 0, min(len(words), _LEAD_IN_WORDS))
    return (speaker, "colon") if speaker else None


def _clause_subject(
    text: str, words: list[Word], start: int, limit: int, phrases: bool = True
) -> Span | None:
    """The subject of the main clause words[start:limit], found by word order alone (see
    `lead_in_subject`); with `phrases`, the noun of a prepositional phrase may be it too (a
    source: "In dem Entwurf steht:")."""
    index = _skip_adverbials(words, start, limit)
    if start < index < limit and words[index].text[0].islower():  # "Hier sparte der Präsident"
        speaker = speaker_after_cue(text, words, index + 1, limit)
        if speaker is not None:
            return speaker
    while index < limit:
        if not phrases:  # "Zuvor war in diversen Medien berichtet worden" has no subject
            index = _skip_adverbials(words, index, limit)
        stop = _noun_phrase(text, words, index, limit)
        if stop > index and (words[index].lower in DETERMINERS or not words[index].text[0].islower()):
            if _fronted_start(words, index, stop):
                verb = next((i for i in range(stop, limit) if _may_be_verb(words[i])), limit)
                speaker = speaker_after_cue(text, words, verb + 1, limit) if verb < limit else None
                if speaker:
                    return speaker
            return _span(text, words, index, stop)
        index += 1
    return None


_NO_VERBS = _NO_MODIFIERS | DETERMINERS
_NO_VERBS_NOR_ADVERBS = _NO_VERBS - SPEECH_VERBS


def _may_be_verb(word: Word) -> bool:
    return word.text[0].islower() and word.lower not in _NO_VERBS


def subject_of_verb(text: str, words: list[Word], verb: int, form: str) -> tuple[Span, str] | None:
    """The subject of the speech verb words[verb], before it (V2) or after it (inversion); never
    an expletive „es“ („Es drohe …“)."""
    found = _subject_of_verb(text, words, verb, form)
    return None if found is not None and found[0].text.lower() == "es" else found


def _subject_of_verb(text: str, words: list[Word], verb: int, form: str) -> tuple[Span, str] | None:
    clause = verb
    while clause > 0 and text[words[clause - 1].end : words[clause].start].strip() not in (",", ":", ";"):
        clause -= 1
    if clause == verb or _comma_before(text, words, clause) and _may_be_verb(words[clause]):
        # "Miller, der Sprecher des Ministeriums, sagte" / "Miller, der …, hat gesagt"
        start = next((i for i in range(verb) if words[i].lower not in ADVERBS), verb)  # "Auch die …"
        end = _noun_phrase(text, words, start, verb)
        if end > start and _first_comma(text, words, verb) <= _skip_adverbials(words, end, verb):
            return _span(text, words, start, end), form
    if clause < verb and words[clause].lower in _CONJUNCTIONS and (clause == 0 or _comma_before(text, words, clause)):
        end = _noun_phrase(text, words, clause + 1, verb)  # "…, indem er sagte", "…, weil die Regierung … bezeichnet hat"
        if end > clause + 1:
            return _span(text, words, clause + 1, end), form
    after = verb + 1  # "Das lobte er:" (but not "Sie sagte, er sei …")
    if after < len(words) and words[after].lower in _NOMINATIVE_PRONOUNS and not _comma_before(text, words, after):
        return _span(text, words, after, after + 1), form
    if 0 < clause < verb and words[clause].lower in _RELATIVES and _comma_before(text, words, clause) and not (
        clause + 1 < verb and _capitalised(words[clause + 1])
    ):  # "… von Demonstranten, die skandierten:" — the relative pronoun stands for the noun before it
        last = clause - 1
        if _capitalised(words[last]):
            first_word = last
            while first_word > 0 and _gap(text, words, first_word) == "" and _in_noun_phrase(words[first_word - 1]):
                first_word -= 1
            return _span(text, words, first_word, last + 1), form
    first = words[clause] if clause < verb else None
    if first is not None and first.lower not in PREPOSITIONS and first.lower not in ADVERBS:
        end = _noun_phrase(text, words, clause, verb)
        if end > clause and not _fronted(text, words, clause, end, verb):
            if words[verb].lower.startswith("zitier") and end == verb:  # "Der Sender zitierte ihn so:"
                quoted = speaker_after_cue(text, words, verb + 1, len(words))
                if quoted is not None:
                    return quoted, form
            return _span(text, words, clause, end), form
    speaker = speaker_after_cue(text, words, verb + 1, len(words))
    if speaker:
        return speaker, form
    if first is not None and clause + 1 < verb:  # "Am Montag hatte die Ministerin erklärt:"
        speaker = _clause_subject(text, words, clause, verb, phrases=False)
        if speaker:
            return speaker, form
    if clause == verb or words[verb - 1].lower == "und":  # "…, und sagte:" — the sentence's subject
        end = _noun_phrase(text, words, 0, verb)
        if end > 0:
            return _span(text, words, 0, end), form
    return None


#: relative pronouns that can be the subject of their clause
_RELATIVES = frozenset("der die das welcher welche welches".split())
#: pronouns that are never the subject: "so beschrieb ihn der Kollege", "äußerte sich der Minister"
_OBJECT_PRONOUNS = frozenset("sich ihn ihm ihnen mich mir uns euch dich dir".split())
#: pronouns that are the subject wherever they stand ("sie" may be an object: "lobte sie")
_NOMINATIVE_PRONOUNS = frozenset("er ich wir man".split())
#: determiners that cannot open a subject: "Dem Sender sagte sie:", "Den Unmut brachte X zum Ausdruck:"
_OBJECT_DETERMINERS = frozenset("den dem einem einen".split())
#: demonstratives standing alone: an object ("Dies bestätigte der Sprecher:")
_DEMONSTRATIVES = frozenset("dies dieses jenes".split())
#: adjectives and present participles, capitalised when they open the sentence: "Ähnlich äußerte
#: sich der Präsident:", "Relativierend fügte sie hinzu:"
_ADJECTIVE = regex.compile(r"\w{3,}(?:end|lich|isch|bar|sam|haft)")


def _fronted_start(words: list[Word], start: int, end: int) -> bool:
    """Whether the noun phrase words[start:end] opening a clause cannot be its subject: an object
    ("Dem Sender", "Den Unmut der Partei"), a demonstrative ("Dies"), a capitalised adjective
    ("Ähnlich", "Passend") or a participle before a reflexive verb ("Besorgt äußerte sich")."""
    if words[start].lower in _OBJECT_DETERMINERS:
        return True
    if words[start].lower == "der" and start + 1 < end and words[start + 1].text[0].islower() and words[start + 1].lower.endswith("en"):
        return True  # "Der englischsprachigen Zeitung sagte er": a nominative would be "der …e"
    if end - start != 1:
        return False
    word = words[start]
    reflexive = end + 1 < len(words) and words[end + 1].lower == "sich" and word.text.endswith("t")
    return reflexive or word.lower in _DEMONSTRATIVES or bool(_ADJECTIVE.fullmatch(word.text))


def _fronted(text: str, words: list[Word], start: int, end: int, verb: int) -> bool:
    """Whether the noun phrase words[start:end] before the verb words[verb] is no subject but a
    fronted object or adverbial, with the subject after the verb: "Dem Sender sagte sie",
    "Besorgt äußerte sich der Minister" (but "Merkel sagte der Zeitung")."""
    if not _fronted_start(words, start, end):
        return False
    return speaker_after_cue(text, words, verb + 1, len(words)) is not None


def _first_comma(text: str, words: list[Word], limit: int) -> int:
    """The index of the first word before `limit` that follows a comma (`limit` when none does)."""
    return next((i for i in range(1, limit) if _comma_before(text, words, i)), limit)


def _comma_before(text: str, words: list[Word], index: int) -> bool:
    return 0 < index < len(words) and "," in text[words[index - 1].end : words[index].start]
