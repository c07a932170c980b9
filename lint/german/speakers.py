"""Who speaks in a clause: the speaker of a quotation found by German word order.

The speaker is the subject of the attributing clause (see `newslint.german.attribution` for the
forms): before the finite verb, or after it when an adverbial, an object, a demonstrative, a
conjunction's clause or a capitalised adjective opens the clause. The functions here look at a
stretch of text around one quotation — the words after it („„…“, sagte X“, „„…“ (Stiftung
Warentest)“), a clause with a verb of saying anywhere in it, the subject of such a verb — and
`newslint.german.attribution` decides which stretch; `newslint.german.clauses` reads whole
sentences by their main clause.
"""

from __future__ import annotations

import re

from newslint.german.agencies import AGENCIES
from newslint.german.cues import (
    ADVERBS,
    AUXILIARIES,
    DETERMINERS,
    IT_SAYS,
    OPINION_NOUNS,
    PREPOSITIONS,
    SENTENCE_END,
    SEPARABLE_FINITE,
    SPEECH_VERBS,
    SUBJUNCTIVE,
    Word,
    is_cue,
    is_numeral,
    lower_words,
    word_spans,
)
from newslint.german.phrases import (
    CONJUNCTIONS,
    NOMINATIVE_PRONOUNS,
    RELATIVES,
    clause_subject,
    comma_before,
    first_comma,
    noun_phrase_before,
    is_capitalised,
    is_fronted,
    may_be_verb,
    noun_phrase,
    opens_object,
    quoted_after,
    skip_adverbials,
    span_of,
    speaker_after_cue,
)
from newslint.german.segment import ABBREVIATIONS, Span


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
    limit = next((i for i, w in enumerate(words) if SENTENCE_END.search(text, words[i - 1].end if i else start, w.start)
                  and not (i and words[i - 1].text in ABBREVIATIONS)), len(words))  # „sagte Dr. Roth“
    lower = [w.lower for w in words[:limit]]
    if "zufolge" in lower[1:5]:  # „…“, dem Ministerium zufolge.
        return span_of(text, words, 0, lower.index("zufolge", 1)), "zufolge"
    for index in range(min(limit, 4)):
        word = lower[index]
        if is_cue(words, index, limit):
            first = 1 if index > 1 and may_be_verb(words[0]) else 0  # "„…“, hatte der Minister gesagt"
            if index > first and noun_phrase(text, words, first, index) == index:
                return (span_of(text, words, first, index), "after") if loose else None  # "„…“, Miller sagte"
            speaker = speaker_after_cue(text, words, index + 1, limit)
            if speaker and word.startswith("zitier"):  # „…“, zitiert die Zeitung den Minister.
                speaker = quoted_after(text, words, speaker, limit) or speaker
            return (speaker, "after") if speaker else None
        if word in ("so", "laut") and index == 0 and not (limit > 1 and is_cue(words, 1, limit)):
            # (but "„…“, so beschrieb es der Sprecher." is the "after" form)
            speaker = speaker_after_cue(text, words, 1, limit)
            return (speaker, word) if speaker else None
        if word in IT_SAYS and index + 1 < limit and lower[index + 1] == "es":
            return _source_after(text, words, index + 2, limit, word + " es")
        if word == "wie" and index == 0:
            for j in range(1, limit):
                if is_cue(words, j, limit) or lower[j] in IT_SAYS:
                    if lower[j] in IT_SAYS:
                        return _source_after(text, words, j + 2, limit, "wie")
                    if j > 1:
                        return span_of(text, words, 1, noun_phrase(text, words, 1, j) or j), "wie"
                    return (speaker_after_cue(text, words, j + 1, limit), "wie")
            return None
        if word == "nach" and index + 1 < limit and lower[index + 1] == "angaben":
            return _source_after(text, words, index + 2, limit, "nach Angaben")
        if word in _SPEECH_BREAKS:
            break
    # „…“, begründet das Gericht (seine Entscheidung). — any finite verb right after the quote, but
    # not an auxiliary or a subjunctive: „„…“, allerdings sei die Hetze …“ goes on with the content
    index = skip_adverbials(words, 0, limit)
    if (
        index < limit
        and words[index].text[0].islower()
        and words[index].lower not in _STOP_AFTER
        and not is_numeral(words[index].lower)  # „„…“ – zehn Jahre danach“: no verb
        and words[index].lower not in SUBJUNCTIVE
        and (loose or words[index].lower in AUXILIARIES)
        and (words[index].lower not in AUXILIARIES or any(is_cue(words, i, limit) for i in range(index + 1, limit)))
    ):  # "„…“, hatte der Landrat gesagt", "„…“, wird er zitiert" — an auxiliary with a verb of saying
        speaker = speaker_after_cue(text, words, index + 1, limit)
        if speaker is not None:
            return speaker, "after"
    if loose:  # „Il lago deve …“, der See soll den Bürgern gehören, sagte X. — a translation between
        speaker = inverted_attribution(text, words[:limit])
        if speaker is not None:
            return speaker, "after"
    return None


def inverted_attribution(text: str, words: list[Word]) -> Span | None:
    """The speaker of a verb of saying that ends a sentence after a comma, before its subject: „…,
    sagte Jaschin in Berlin.“ — the main clause that follows reported speech or a translation."""
    for index in range(1, len(words)):
        if comma_before(text, words, index) and words[index].text[0].islower() and is_cue(words, index, len(words)):
            end = first_comma(text, words[index:], len(words) - index) + index  # "…, sagte aber, die …": none
            speaker = speaker_after_cue(text, words, index + 1, end)
            if speaker is not None:
                return speaker
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
    if not words or not is_capitalised(words[0]) or text[opening + 1 : closing].strip() in AGENCIES:
        return None
    if text[words[-1].end : closing].strip() or noun_phrase(text, words, 0, len(words)) != len(words):
        return None
    return span_of(text, words, 0, len(words))


_SOURCE_LENGTH = 80  # characters: a source in parentheses is a name, not a sentence


_STOP_AFTER = frozenset(
    """und oder aber weil denn dass als die der das den dem wenn ob wo was wer wie sondern doch
    sowie bzw ein eine einer so auch nicht""".split()
) | CONJUNCTIONS


_SPEECH_BREAKS = frozenset("und oder aber denn die der das den dem".split()) | CONJUNCTIONS


def _source_after(text: str, words: list[Word], index: int, limit: int, form: str):
    """The source of "hieß es (in der Erklärung)", "nach Angaben (der Polizei)"."""
    start = index
    if start < limit and words[start].lower in ("in", "aus", "von", "vom", "seitens", "im", "bei", "beim"):
        start += 1
    start = skip_adverbials(words, start, limit) if start == index else start
    end = noun_phrase(text, words, start, limit)
    if end > start:
        return span_of(text, words, start, end), form
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
        if word in IT_SAYS and index + 1 < len(words) and words[index + 1].lower == "es":
            if index >= 2 and words[index - 2].lower in ("aus", "in", "von", "im", "vom", "bei"):
                return span_of(text, words, index - 1, index), form
            found = _source_after(text, words, index + 2, len(words), form)
            if found[0].text.lower() != "es":
                return found
            if index >= 2 and words[0].lower in PREPOSITIONS and index in (
                noun_phrase(text, words, 1, index), skip_adverbials(words, 0, index)
            ):
                return span_of(text, words, 1, index), form  # "In dem Antrag heißt es:"
        if word in ("laut", "so") and index + 1 < len(words) and (
            word == "laut" or index == 0 or comma_before(text, words, index)
        ):
            following = words[index + 1]  # "so der Minister", not the adverb: "So gewonnene Daten …"
            if not following.text[0].islower() or following.lower in DETERMINERS:
                speaker = speaker_after_cue(text, words, index + 1, len(words))
                if speaker:
                    return speaker, word
        if word == "zufolge" and index > 0:
            first = min(noun_phrase_before(text, words, index), index - 1)  # "dem Bericht", "Angaben der Polizei"
            return span_of(text, words, first, index), "zufolge"
        if verbs and is_cue(words, index, len(words)):
            return subject_of_verb(text, words, index, form)
    return None


def start_of_last_part(text: str, start: int, end: int) -> int:
    """Where the last part of text[start:end] after a spaced dash or a colon begins (`start` when
    there is none): „Niederlage in Wien – Trainer Löw“ → „Trainer Löw“, „Die Kommission
    kritisierte das scharf: So sagte Kommissar Rehn“ → „So sagte Kommissar Rehn“."""
    found = start
    for match in _SPACED_DASH.finditer(text, start, end):
        found = match.end()
    return found


_SPACED_DASH = re.compile(r"\s[–—-]\s|:\s")


#: every word that can make `attribution_in_clause` find an attribution
_CLAUSE_CUES = frozenset(
    OPINION_NOUNS | IT_SAYS | {"laut", "so", "zufolge"} | SPEECH_VERBS | SEPARABLE_FINITE.keys()
)


def subject_of_verb(text: str, words: list[Word], verb: int, form: str) -> tuple[Span, str] | None:
    """The subject of the speech verb words[verb], before it (V2) or after it (inversion); never
    an expletive „es“ („Es drohe …“)."""
    found = _subject_of_verb(text, words, verb, form)
    return None if found is not None and found[0].text.lower() == "es" else found


def _subject_of_verb(text: str, words: list[Word], verb: int, form: str) -> tuple[Span, str] | None:
    clause = verb
    while clause > 0 and text[words[clause - 1].end : words[clause].start].strip() not in (",", ":", ";"):
        clause -= 1
    if clause == verb or comma_before(text, words, clause) and may_be_verb(words[clause]):
        # "Miller, der Sprecher des Ministeriums, sagte" / "Miller, der …, hat gesagt"
        start = next((i for i in range(verb) if words[i].lower not in ADVERBS), verb)  # "Auch die …"
        end = noun_phrase(text, words, start, verb)
        if end > start and first_comma(text, words, verb) <= skip_adverbials(words, end, verb):
            return span_of(text, words, start, end), form
    if clause < verb and words[clause].lower in CONJUNCTIONS and (clause == 0 or comma_before(text, words, clause)):
        end = noun_phrase(text, words, clause + 1, verb)  # "…, indem er sagte", "…, weil die Regierung … bezeichnet hat"
        if end > clause + 1:
            return span_of(text, words, clause + 1, end), form
    after = verb + 1  # "Das lobte er:" (but not "Sie sagte, er sei …")
    if after < len(words) and words[after].lower in NOMINATIVE_PRONOUNS and not comma_before(text, words, after):
        return span_of(text, words, after, after + 1), form
    if 0 < clause < verb and words[clause].lower in RELATIVES and comma_before(text, words, clause) and not (
        clause + 1 < verb and is_capitalised(words[clause + 1])
    ):  # "… von Demonstranten, die skandierten:" — the relative pronoun stands for the noun before it
        if is_capitalised(words[clause - 1]):
            return span_of(text, words, noun_phrase_before(text, words, clause), clause), form
    first = words[clause] if clause < verb else None
    if first is not None and first.lower not in PREPOSITIONS and first.lower not in ADVERBS:
        end = noun_phrase(text, words, clause, verb)
        if end > clause and not is_fronted(text, words, clause, end, verb):
            if words[verb].lower.startswith("zitier") and end == verb:  # "Der Sender zitierte ihn so:"
                quoted = speaker_after_cue(text, words, verb + 1, len(words))
                if quoted is not None:
                    return quoted, form
            return span_of(text, words, clause, end), form
    speaker = speaker_after_cue(text, words, verb + 1, len(words))
    if speaker and not (opens_object(speaker.text) and not words[verb].lower.startswith("zitier")):
        return speaker, form  # a subject, not the object of „beschrieb den Hergang:“
    if first is not None and clause + 1 < verb:  # "Am Montag hatte die Ministerin erklärt:"
        speaker = clause_subject(text, words, clause, verb, phrases=False)
        if speaker:
            return speaker, form
    if clause == verb or words[verb - 1].lower == "und":  # "…, und sagte:" — the sentence's subject
        end = noun_phrase(text, words, 0, verb)
        if end > 0:
            return span_of(text, words, 0, end), form
    return None

