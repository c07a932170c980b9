"""Who speaks in a sentence, read from its main clause.

`main_clause` finds the finite verb of a sentence's main clause by German verb-second order (after
a subordinate clause, after a fronted phrase, or after the subject with its apposition or
relative clause), its subject and where the main clause ends. `speech_in_sentence` says whether
that main clause reports speech and who speaks: the subject of a verb of saying, demanding,
warning, reacting or announcing (also an auxiliary with such a participle, or a second verb
joined by „und“), the one quoted after „zitiert“, the agent of a passive („von der Opposition“),
the source of „laut X“, „nach Ansicht von X“, „X zufolge“, „wie X mitteilte“, „für X ist“, or
the subject of a clause with a noun of saying („übte Kritik“, „ist der Meinung“) — or, for reported
speech in the subjunctive, the clause that frames it („…, erklärte das Ministerium“).
`last_main_clause` finds where the last of several main clauses joined by „und“ or a comma
begins, and `lead_in_subject` the subject of a lead-in before a colon without a verb of saying.
"""

from __future__ import annotations

from typing import NamedTuple

import re

from newslint.german.cues import (
    PRONOUNS,
    AUXILIARIES,
    DETERMINERS,
    HELD_OPINIONS,
    IT_SAYS,
    OPINION_NOUNS,
    SAYING_NOUNS,
    Word,
    is_cue,
    is_subjunctive,
    word_spans,
)
from newslint.german.phrases import (
    CONJUNCTIONS,
    NAME_PARTICLES,
    NOMINATIVE_PRONOUNS,
    RELATIVES,
    clause_subject,
    comma_before,
    fronted_start,
    gap_before,
    is_capitalised,
    is_finite,
    noun_phrase,
    quoted_after,
    skip_adverbials,
    skip_fronted,
    span_of,
    speaker_after_cue,
)
from newslint.german.segment import Span
from newslint.german.speakers import attribution_in_clause, attribution_in_words, inverted_attribution


MAIN_CLAUSE_WORDS = 60  # how many words of a sentence its main clause is looked for in


class Speech(NamedTuple):
    """What a sentence says about speaking: its main clause reports speech, and `speaker` says
    who — None when no one is named („Zur Eröffnung wurde die Reform kritisiert.“)."""

    speaker: Span | None


def speech_in_sentence(text: str, words: list[Word], main: tuple | None = None) -> Speech | None:
    """Who speaks in a whole sentence (given as its words, quotations left out), read from its main
    clause only: the subject of a verb of saying, demanding, warning, reacting or announcing („Die
    Gewerkschaft reagierte empört.“, „Der Minister kündigte Widerstand an.“, „Er hatte gewarnt.“,
    „Die Demonstranten zogen zum Rathaus und skandierten …“), the one quoted after „zitiert“, the
    agent of a passive („Von der Opposition wurde der Plan kritisiert.“), the source of „laut X“,
    „nach Ansicht von X“, „X zufolge“, or the subject of a main clause with a noun of saying as
    its subject or object („Die Opposition übte scharfe Kritik.“) — and when that noun is the
    subject itself, whose it is („Die Forderung der Gewerkschaft ist klar.“, „Kritik kam von der
    Opposition.“). None when the main clause reports no speech: a verb of saying in a subordinate
    clause („…, da er seinen Rückzug angekündigt hatte.“) does not make its subject the speaker.
    `main` is the sentence's main clause when the caller has found it already (`main_clause`)."""
    words = words[:MAIN_CLAUSE_WORDS]  # a very long sentence is read no further than its start
    main = main or main_clause(text, words)
    if main is None:
        return None
    verb, subject, limit = main
    lower = [w.lower for w in words[:limit]]
    source = _wie_source(text, words, verb) if lower[0] == "wie" else None
    if source is not None and is_subjunctive(words[verb].lower, subject.text if subject else ""):
        return Speech(source)  # "Wie der Sprecher mitteilte, sei der Plan …"
    if lower[0] == "für" and lower[verb] in _FORMS_OF_SEIN:  # "Für den Minister ist das „ein Skandal“"
        end = noun_phrase(text, words, 1, verb)
        if end == verb:
            return Speech(span_of(text, words, 1, end))
    if is_subjunctive(words[verb].lower, subject.text if subject else ""):  # "X werde …, erklärte das Ministerium."
        speaker = inverted_attribution(text, words[verb + 1 :])
        return Speech(speaker) if speaker is not None else None  # else the speaker is in the context
    clause = words[:limit]
    if subject is not None and subject.text.lower() == "es":
        subject = None  # "Es drohe …", "handelt es sich um": no one
    elif subject is not None and subject.text.lower() in _DEMONSTRATIVE_SUBJECTS:
        subject = _last_named(text, words, verb) or subject  # "Mit dem Anwalt, Karl Huber, sprach dieser …"
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
    elif subject is not None and is_cue(clause, verb, limit):  # a separable verb's particle: "kündigte … an"
        if lower[verb].startswith("zitier"):  # "Der Spiegel zitiert den Prediger mit den Worten …"
            anchor = subject if subject.start > clause[verb].start else Span(clause[verb].start, clause[verb].end, "")
            return Speech(quoted_after(text, clause, anchor, limit) or subject)
        return Speech(subject)
    if subject is not None and lower[verb] in ("war", "waren") and _ends_in_mood(clause, lower, verb, limit):
        return Speech(subject)  # "Der Trainer war bedient.": how the speaker took it, as "zeigte sich enttäuscht"
    if subject is not None and not _COORDINATORS.isdisjoint(lower) and any(  # "… zogen zum Rathaus und skandierten …"
        lower[i - 1] in _COORDINATORS and is_cue(clause, i, limit) for i in range(verb + 2, limit)
    ):
        return Speech(subject)
    speaker = inverted_attribution(text, words[verb + 1 :])  # "In Lagern säßen 1.000 Menschen, sagte Jaschin."
    if speaker is not None:
        return Speech(speaker)
    if not _SOURCE_CUES.isdisjoint(lower):  # laut X, nach Ansicht von X, X zufolge, hieß es in …
        found = attribution_in_words(text, clause, "sentence", verbs=False)
        if found is not None and found[0].text.lower() != "es":
            own = text[max(0, found[0].start - 9) : found[0].start].split()[-1:] == ["eigenen"]
            return Speech(subject if own else found[0])  # "eigenen Angaben zufolge": by the subject's account
    if subject is None:  # "Wie der Sprecher mitteilte, wurde …": the source of the sentence
        return Speech(source) if source is not None else None
    for index in range(limit):
        if lower[index] not in SAYING_NOUNS or not is_capitalised(clause[index]):
            continue
        if subject.start <= clause[index].start < subject.end:  # the noun of saying is the subject:
            owner = _whose(text, clause, index, limit)  # whose it is ("ein Kommentar, der …" says it itself)
            return Speech(owner) if owner is not None else None
        if index == 0 or lower[index - 1] not in _OBLIQUE_DETERMINERS or lower[index] in HELD_OPINIONS:
            return Speech(subject)  # "übte Kritik", "ist der Meinung" — not "folgte der Einschätzung"
    return Speech(source) if source is not None else None


def _ends_in_mood(words: list[Word], lower: list[str], verb: int, limit: int) -> bool:
    """Whether the main clause ends in how its subject took what happened, right after the verb
    or its adverbials: „war (sichtlich) bedient“ — not „war nicht glücklich (gewählt)“."""
    last = skip_adverbials(words, verb + 1, limit)
    return last == limit - 1 and lower[last] in _MOODS and "nicht" not in lower[verb + 1 : last]


_COORDINATORS = frozenset("und oder sowie aber".split())


_FORMS_OF_SEIN = frozenset("ist sei war wäre sind seien waren wären".split())
#: how someone took what happened, told before what they said: „Der Trainer war bedient. „…““
#: (not a lasting state, „Die USA sind besorgt.“, which names no one who speaks)
_MOODS = frozenset(
    """enttäuscht bedient sauer verärgert zufrieden unzufrieden erleichtert begeistert glücklich
    froh stolz empört fassungslos entsetzt frustriert geknickt""".split()
)


def _wie_source(text: str, words: list[Word], verb: int) -> Span | None:
    """X of a sentence that opens with „Wie X mitteilte, …“ (before the main verb words[verb])."""
    cue = next((i for i in range(1, verb) if is_cue(words, i, verb)), None)
    end = noun_phrase(text, words, 1, cue) if cue is not None else 1
    return span_of(text, words, 1, end) if end > 1 else None


#: demonstratives that stand for the one named last: „…, sagte dieser“
_DEMONSTRATIVE_SUBJECTS = frozenset("dieser diese letzterer letztere".split())


def _last_named(text: str, words: list[Word], end: int) -> Span | None:
    """The name mentioned last before words[end]: capitalised words in a row, not at the start."""
    last = next((i for i in range(end - 1, 0, -1) if is_capitalised(words[i]) and words[i].lower not in DETERMINERS), None)
    if last is None:
        return None
    first = last
    while first > 1 and is_capitalised(words[first - 1]) and gap_before(text, words, first) == "":
        first -= 1
    return span_of(text, words, first, last + 1)


def _ends_part(text: str, words: list[Word], index: int, limit: int) -> bool:
    """Whether words[index] ends its part of a sentence, but for auxiliaries after it: a comma,
    the sentence's end or nothing follows (a participle at the end: „hat … zurückgewiesen.“, „war
    … bezeichnet worden.“ — not „bezeichnete „Probleme““)."""
    while index + 1 < limit and words[index + 1].lower in _VERB_CLUSTER and gap_before(text, words, index + 1) == "":
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
    end = noun_phrase(text, words, von + 1, limit)
    return span_of(text, words, von + 1, end) if end > von + 1 else None


_PASSIVE = frozenset("wird wurde wurden werden worden".split())


#: words that name a source in a clause: „laut X“, „nach Ansicht von X“, „X zufolge“, „hieß es“
_SOURCE_CUES = frozenset(OPINION_NOUNS | IT_SAYS | {"laut", "zufolge"})


#: determiners of a noun that is no direct object: „folgte der Einschätzung“, „dem Appell“
_OBLIQUE_DETERMINERS = frozenset("der dem des".split())




#: the verbs that may follow a participle at the end of a clause: „bezeichnet worden war“
_VERB_CLUSTER = AUXILIARIES | frozenset("worden sein gewesen".split())


#: words that open a subordinate clause after a comma: the main clause ends there
_SUBORDINATORS = CONJUNCTIONS | DETERMINERS | frozenset(
    "um wie was wer wobei sodass während welche welcher welches welchen welchem zu".split()
)


def last_main_clause(text: str, words: list[Word], limit: int) -> int:
    """Where the last main clause before words[limit] begins that has a subject of its own, joined
    to the one before by „und“, „aber“, „doch“, „sondern“ or a comma: „Die Menge skandierte
    Parolen, und der Redner rief:“, „Klose nannte ihn „überzogen“, Trainer Löw bezeichnete …“."""
    found = 0
    if limit < 3 or not _JOINS.search(text, words[0].end, words[limit - 1].start):
        return found  # no comma, no „und“: one main clause
    for index in range(1, limit - 1):
        joined = words[index - 1].lower in _JOINING and not comma_before(text, words, index) or (
            comma_before(text, words, index) and words[index].lower not in _SUBORDINATORS - DETERMINERS
        )
        if not joined or words[index].lower in RELATIVES and words[index + 1].lower in _NO_ADJECTIVES:
            continue  # a relative pronoun ("…, die den Brief …"), not an article ("…, die neue Sprecherin erklärte")
        if text[words[index - 2].end : words[index - 1].start].strip() == "-" if index > 1 else False:
            continue  # "der Fraktions- und Parteivorsitzenden": one noun phrase
        end = noun_phrase(text, words, index, limit)
        if (
            index < end < limit
            and is_finite(words[end])
            and not is_subjunctive(words[end].lower, words[index].text)  # ", Deutschland brauche …": it depends
            and (not comma_before(text, words, end) or "," in text[words[index].end : words[end - 1].end])
            and main_clause(text, words[found:index]) is not None  # a clause before, not "zur Lage und seiner Aufgabe"
        ):
            found = index
    return found


_JOINING = frozenset("und aber doch sondern denn".split())
_NO_ADJECTIVES = DETERMINERS | PRONOUNS | frozenset("sich ihn ihm ihnen".split())
_QUOTE_MARK = re.compile(r"[„“”»«\"]")
_JOINS = re.compile(r",|\b(?:und|aber|doch|sondern|denn)\b")


def main_clause(text: str, words: list[Word]) -> tuple[int, Span | None, int] | None:
    """The finite verb of a sentence's main clause (German verb-second order), its subject and
    where the main clause ends (the first subordinate clause after the verb), or None. Only the
    first `MAIN_CLAUSE_WORDS` words are read, so that very long sentences stay linear."""
    words = words[:MAIN_CLAUSE_WORDS]
    n = len(words)
    if not n:
        return None
    if words[0].lower in CONJUNCTIONS or words[0].lower in ("um", "wie"):  # "Als er kam, sagte …"
        verb = next(  # the main verb follows the subordinate clause's verb, which ends it
            (k for k in range(2, n) if comma_before(text, words, k) and words[k - 1].text[0].islower() and is_finite(words[k])),
            None,
        )
        if verb is not None:
            return verb, speaker_after_cue(text, words, verb + 1, n), _main_clause_end(text, words, verb)
        if words[0].lower not in ("als", "wie"):
            return None
        end = noun_phrase(text, words, 1, n)  # "Als Begründung sagte ein Wissenschaftler": a phrase
        end = skip_fronted(text, words, end, n)
        if end == 1 and n > 1 and _QUOTE_MARK.search(text, words[0].end, words[1].start):
            end = 1  # "Als „verpasste Chance“ beurteilte X …": the quoted words are the phrase
        elif end == 1:
            return None
        if end >= n or not is_finite(words[end]):
            return None
        return end, speaker_after_cue(text, words, end + 1, n), _main_clause_end(text, words, end)
    start = skip_fronted(text, words, 0, n)
    if 0 < start < n and is_finite(words[start]):  # "Am Montag warnte die Ministerin …"
        subject = speaker_after_cue(text, words, start + 1, n)
        if subject is None and words[0].text in NAME_PARTICLES and is_capitalised(words[start - 1]):
            subject = span_of(text, words, 0, start)  # no subject after the verb: "Von der Leyen betonte, …"
        return start, subject, _main_clause_end(text, words, start)
    end = noun_phrase(text, words, start, n)
    if end == start:
        return None
    verb = end
    if verb < n and comma_before(text, words, verb) and not is_finite(words[verb]):  # "Khan, einer der …, die …, verurteilte"
        verb = next((k for k in range(verb + 1, n) if comma_before(text, words, k) and is_finite(words[k])), n)
    if verb >= n or not is_finite(words[verb]):
        return None
    subject: Span | None = span_of(text, words, start, end)
    after = verb + 1
    if after < n and words[after].lower in NOMINATIVE_PRONOUNS and not comma_before(text, words, after):
        subject = span_of(text, words, after, after + 1)  # "Die Reform lobte er"
    elif fronted_start(words, start, end) or _plural_before_singular(words, start, end, verb):
        subject = speaker_after_cue(text, words, after, n)  # "Dem Sender sagte sie", "Die Mönche beschrieb die Agentur"
    return verb, subject, _main_clause_end(text, words, verb)


def _plural_before_singular(words: list[Word], start: int, end: int, verb: int) -> bool:
    """Whether the noun phrase words[start:end] is plural („die tibetischen Mönche“: „die“ with an
    adjective in „-en“) while the verb after it is not („beschrieb“): then it is no subject."""
    if end - start < 3 or words[start].lower != "die":
        return False
    adjective = words[start + 1]  # not a determiner: „Die den Unfall überlebende Frau beschrieb“
    return adjective.text[0].islower() and adjective.lower.endswith("en") and adjective.lower not in DETERMINERS \
        and not words[verb].lower.endswith("en")


def _main_clause_end(text: str, words: list[Word], verb: int) -> int:
    """The first word after `verb` that opens a subordinate clause after a comma (or the end). A
    determiner opens a relative clause („, die den Brief …“), not an apposition („, dem 20. Juni“,
    „, der Sprecher des Ministeriums“)."""
    return next(
        (
            k
            for k in range(verb + 1, len(words))
            if comma_before(text, words, k)
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
        end = noun_phrase(text, words, index, limit)
        return span_of(text, words, index, end) if end > index else None
    von = next((i for i in range(index, limit) if words[i].lower in ("von", "vom")), None)
    if von is not None:
        end = noun_phrase(text, words, von + 1, limit)
        return span_of(text, words, von + 1, end) if end > von + 1 else None
    return None


_LEAD_IN_WORDS = 12


_STANDS = frozenset("steht stand stehen standen findet fand".split())
#: the prepositions that name where something is written („im Vertrag“, „auf einem Plakat“)
_WRITTEN_IN = frozenset("in im auf an am".split())


def _written_in(text: str, words: list[Word]) -> Span | None:
    """The document or sign a lead-in names before „steht“ or „stand“: „dem Entwurf“ in „In dem
    Entwurf steht:“, „Koalitionsvertrag“ in „Im Koalitionsvertrag steht:“; None without one."""
    if len(words) < 2 or words[0].lower not in _WRITTEN_IN:
        return None
    end = noun_phrase(text, words, 1, len(words))
    return span_of(text, words, 1, end) if end > 1 else None




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
    main = main_clause(text, words)
    speaker = main[1] if main is not None and main[1] is not None and main[1].text.lower() != "es" else None
    if main is not None and words[main[0]].lower in _STANDS:
        # "In dem Entwurf steht der Passus:", "Auf einem Transparent stand:" — the document is the source
        speaker = _written_in(text, words[: main[0]])
    speaker = speaker or clause_subject(text, words[:_LEAD_IN_WORDS], 0, min(len(words), _LEAD_IN_WORDS))
    return (speaker, "colon") if speaker else None

