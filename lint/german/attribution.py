"""Who said it: each quotation of an article classified, and its speaker found.

Every top-level quotation (see `newslint.german.quotes`) gets a kind:

- "direct": direct speech standing as its own clause — it starts its sentence or follows a colon,
  and it ends its sentence or is followed by a comma and the attribution („…“, sagte sie.).
- "partial": quoted words inside a sentence (sprach von „kreativer Buchführung“), when the
  sentence reports speech or the quote is more than a short name.
- "other": titles, names, terms and scare quotes („Cassini“, „Fars“).

and, where the text gives one, a speaker with its offsets. `form` says how it was found:

- "after": „…“, sagte X. / „…“, teilte X mit. / „…“, begründet X seine Entscheidung.
- "so", "laut", "zufolge", "wie", "hieß es"/"heißt es", "nach Angaben": „…“, so X. / „…“, laut X. /
  „…“, X zufolge. / „…“, wie X sagte. / „…“, hieß es in der Erklärung.
- "colon": X sagte: „…“ (or, without a speech verb, the lead-in's subject: „Ein Beamter der
  Polizei: „…“", „Hier sparte der Präsident nicht mit Kritik: „…“").
- "next sentence": „…“ Das sagte X am Montag.
- "follow-on": a direct quote with no attribution of its own takes the speaker of the attributed
  direct quote before it in its paragraph.
- "continued": the pieces of a quotation that runs over several paragraphs share one speaker.
- "sentence" and "context" (partial quotes only): the speaker of the sentence that holds the
  quoted words, or — when that sentence is reported speech (in the subjunctive: „…“ sei) — of a
  sentence shortly before it in the paragraph that reports speech.

The speaker is the subject of the attributing clause, found by German word order: before the
finite verb („Die Ministerin sagte:“, with an apposition or relative clause between: „Miller,
Sprecher des Ministeriums, sagte:“), or after it when something else opens the clause — an
adverbial („Am Montag sagte die Ministerin:“, „Hier sparte der Präsident nicht mit Kritik:“), an
object („Dem Sender sagte sie:“, „Den Unmut brachte die Sprecherin zum Ausdruck:“), a
demonstrative („Dies bestätigte der Sprecher:“), a conjunction's clause („Als er kam, sagte …“) or
an adjective or participle capitalised at the start („Besorgt äußerte sich der Bürgermeister:“).
Nothing after a comma that follows the verb is its subject („Sie sagte, er sei …“). After
„zitiert“ the speaker is the one quoted („zitierte die Zeitung den Minister“), and a document
can be the source („In dem Antrag heißt es:“). A lead-in before a colon without a speech verb
gives way to an attribution after the quote („…: „…“, sagte er.“).

The analysis looks only at a window of the sentence around each quotation and its neighbours, so
it is linear in the length of the article.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

import regex

from newslint.german.quotes import Quotation
from newslint.german.segment import WORD, Span

DIRECT, PARTIAL, OTHER = "direct", "partial", "other"


class Attribution:
    """A quotation, what kind it is, and who said it (None when the text does not say).

    `form` says how the speaker was found: "after", "colon", "so", "laut", … The speaker of
    quoted words inside a sentence (kind "partial") is looked for when first asked for: the
    rules judge direct quotes only, and that search reads up to four sentences.
    """

    __slots__ = ("_found", "_search", "kind", "quotation")

    def __init__(
        self,
        quotation: Quotation,
        kind: str,
        speaker: Span | None = None,
        form: str | None = None,
        *,
        search: Callable[[], tuple[Span, str] | None] | None = None,
    ) -> None:
        self.quotation = quotation
        self.kind = kind
        self._found = (speaker, form) if search is None else None
        self._search = search

    @property
    def speaker(self) -> Span | None:
        return self._speaker_and_form()[0]

    @property
    def form(self) -> str | None:
        return self._speaker_and_form()[1]

    def _speaker_and_form(self) -> tuple[Span | None, str | None]:
        found = self._found
        if found is None:  # asked for the first time: look
            found = self._found = self._search() or (None, None)
        return found

    def _fields(self) -> tuple:
        return self.quotation, self.kind, self.speaker, self.form

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Attribution) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        quotation, kind, speaker, form = self._fields()
        return f"Attribution({quotation=}, {kind=}, {speaker=}, {form=})"


# -- the words of attribution ----------------------------------------------------------------

_WEAK = """sag erklär beton mahn warn mein ergänz kritisier forder bekräftig versicher bestätig
behaupt entgegn erwider antwort frag bericht verkünd droh lob klag beklag bedauer begrüß erzähl
äußer bilanzier resümier kommentier schilder appellier argumentier folger schimpf jubel twitter
schwärm zitier präzisier konstatier unterstreich bemerk beteuer insistier prophezei bekenn
beschwör ermahn verlang wiederhol lästr spott seufz räsonier protestier signalisier
bezeichn charakterisier skandier urteil titulier kritisier verurteil
""".split()
_STRONG = """sprach spricht sprachen gesprochen schrieb schreibt schrieben geschrieben rief ruft riefen
gerufen unterstrich unterstrichen widersprach widerspricht widersprachen widersprochen versprach
verspricht versprachen versprochen gestand gesteht gestanden verriet verrät verrieten verraten
bekannte bekannten bekennt befand befindet befanden empfahl empfiehlt empfahlen empfohlen
beschrieb beschreibt beschrieben schloss schließt sagt nannte nennt nannten genannt riet rät
rieten geraten""".split()
# separable verbs: the finite forms count only with their particle later in the clause
_SEPARABLE = {
    "mit": "teilte teilt teilten",
    "hinzu": "fügte fügt fügten",
    "aus": "führte führt führten",
    "an": "kündigte kündigt kündigten merkte merkt merkten",
    "ein": "räumte räumt räumten wandte wendet wandten",
    "hin": "wies weist wiesen",
    "hervor": "hob hebt hoben",
    "klar": "stellte stellt stellten",
    "fest": "stellte stellt stellten",
    "zu": "gab gibt gaben",
    "fort": "fuhr fährt fuhren",
    "bekannt": "gab gibt gaben",
    "vor": "warf wirft warfen",
    "zurück": "wies weist wiesen",
}
_SEPARABLE_PARTICIPLES = """mitgeteilt hinzugefügt ausgeführt angekündigt angemerkt eingeräumt
eingewandt hingewiesen hervorgehoben klargestellt festgestellt zugegeben bekanntgegeben
mitteilen hinzufügen ausführen ankündigen anmerken einräumen einwenden hinweisen hervorheben
klarstellen feststellen zugeben eingestehen zugestehen zurückgewiesen vorgeworfen""".split()


def _weak_forms(stem: str) -> list[str]:
    consonant_n = regex.search(r"[^aeiouäöülr]n$", stem) and not regex.search(r"[aeiouäöü]hn$", stem)
    link = "e" if stem.endswith(("t", "d")) or consonant_n else ""
    forms = [stem + link + "te", stem + link + "ten", stem + link + "t", stem + "en", stem + "e"]
    if not stem.endswith("ier") and not stem.startswith(("er", "be", "ver", "ent", "unter", "ge")):
        forms.append("ge" + stem + link + "t")
    return forms


SPEECH_VERBS = frozenset(
    [form for stem in _WEAK for form in _weak_forms(stem)] + _STRONG + _SEPARABLE_PARTICIPLES
)
_SEPARABLE_FINITE = {}
for _particle, _forms in _SEPARABLE.items():
    for _form in _forms.split():
        _SEPARABLE_FINITE.setdefault(_form, set()).add(_particle)

_DETERMINERS = frozenset(
    """der die das des dem den ein eine einer eines einem einen sein seine seiner seines seinem
    seinen ihr ihre ihrer ihres ihrem ihren dessen deren unser unsere beide beiden zwei drei
    mehrere viele einige""".split()
)
PRONOUNS = frozenset("er sie es man beide".split())
_LINKS = frozenset("des der von vom aus für bei im".split())
_PREPOSITIONS = frozenset(
    """am im in an auf bei beim gegenüber vor nach mit zu zum zur über unter während seit laut
    aus vom von durch für um gegen nahe neben hinter ab bis ohne trotz wegen angesichts infolge
    seitens zwischen innerhalb außerhalb gemäß""".split()
)
_ADVERBS = frozenset(
    """dazu damals gestern heute morgen weiter weiterhin zudem außerdem auch noch später jedoch
    aber dann nun jetzt bereits schon ebenfalls zuvor anschließend daraufhin darauf dabei hierzu
    wörtlich sinngemäß erneut sichtlich sogar demnach deshalb daher also zuletzt zunächst kürzlich
    ferner abschließend einst ausdrücklich stolz knapp hier dort derzeit dennoch trotzdem
    allerdings inzwischen mittlerweile schließlich zugleich selbst""".split()
)
_NEXT_SENTENCE_OPENERS = frozenset("das dies so diese dieses mit damit diesen dieser".split())
_QUOTE_NOUNS = frozenset(
    """aussage kernaussage worte worten zitat ausspruch spruch fazit motto botschaft appell
    zugeschriebene zugeschrieben""".split()
)
_SUBJUNCTIVE = frozenset(
    """sei seien habe werde könne müsse solle dürfe wolle gebe gehe bleibe liege stehe komme
    wisse brauche hätten wären würden""".split()
)
_END = regex.compile(r"[.!?…;]")
_OPINION_NOUNS = frozenset("ansicht auffassung meinung angaben darstellung darstellungen einschätzung bewertung worten".split())


class _Word(NamedTuple):  # a tuple: made by the thousand, quicker to build than a dataclass
    start: int
    end: int
    text: str
    lower: str


def _words(text: str, start: int, end: int) -> list[_Word]:
    return [
        _Word(*match.span(), word := match.group(), word.lower())
        for match in WORD.finditer(text, start, end)
    ]


def _lower_words(text: str, start: int, end: int) -> list[str]:
    """The words of text[start:end] in lower case, without offsets: cheaper than `_words`."""
    return [word.lower() for word in WORD.findall(text, start, end)]


def _is_cue(words: list[_Word], index: int, limit: int) -> bool:
    """Whether words[index] is a speech verb (a separable one with its particle before `limit`)."""
    lower = words[index].lower
    if lower in SPEECH_VERBS:
        return True
    particles = _SEPARABLE_FINITE.get(lower)
    return bool(particles) and any(w.lower in particles for w in words[index + 1 : limit])


# -- noun phrases ------------------------------------------------------------------------------


def _noun_phrase(text: str, words: list[_Word], index: int, limit: int) -> int:
    """The end (word index, exclusive) of the noun phrase starting at words[index], or `index`."""
    if index >= limit:
        return index
    first = words[index]
    if first.lower in PRONOUNS and first.lower != "beide":
        return index + 1
    i = index
    if first.lower in _DETERMINERS:
        i += 1
    while i < limit and i - index < 4 and _modifier(words[i]):
        i += 1  # adjectives and numbers: "die 13 beteiligten Feuerwehrleute"
    head = i
    if head == index and first.lower in _CONJUNCTIONS:
        return index
    while i < limit and _capitalised(words[i]) and words[i].lower not in _STOP and _joined(text, words, i, head):
        i += 1
    if i == head:
        return index
    # genitive or "von" attribute, parenthesis ("(CDU)") and apposition (", Matthew Miller,")
    while i < limit:
        gap = text[words[i - 1].end : words[i].start]
        if gap.strip() in ("(", ")", ") (", ""):
            if gap.strip().startswith("(") and _capitalised(words[i]):
                i += 1
                continue
        if gap.strip() == "" and words[i].lower in _LINKS:
            end = _noun_phrase(text, words, i + 1, limit)
            if end > i + 1:
                i = end
                continue
        if gap.strip() == "," and _capitalised(words[i]) and words[i].lower not in _DETERMINERS:
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


_STOP = frozenset(_PREPOSITIONS | _ADVERBS | SPEECH_VERBS | {"und", "oder", "es", "sich", "so", "wie"})
#: conjunctions that open a subordinate clause: capitalised at the start of a sentence, still no
#: noun ("Als er kam, sagte …"; but "Ministerpräsident Weil")
_CONJUNCTIONS = frozenset(
    "als wenn weil nachdem obwohl obgleich dass ob da bevor ehe sobald solange indem falls damit wo".split()
)
_NO_MODIFIERS = _STOP | _CONJUNCTIONS


def _modifier(word: _Word) -> bool:
    return (word.text[0].islower() or word.text.isdigit()) and word.lower not in _NO_MODIFIERS


def _capitalised(word: _Word) -> bool:
    return word.text[0].isupper() or word.text[0].isdigit() and "-" in word.text


def _joined(text: str, words: list[_Word], i: int, head: int) -> bool:
    """Whether words[i] continues the head without punctuation between (a name of several words)."""
    return i == head or text[words[i - 1].end : words[i].start].strip() in ("", "-")


def _span(text: str, words: list[_Word], start: int, end: int) -> Span:
    begin, finish = words[start].start, words[end - 1].end
    if text[finish : finish + 1] == ")" and "(" in text[begin:finish]:
        finish += 1
    return Span(begin, finish, text[begin:finish])


def _skip_adverbials(words: list[_Word], index: int, limit: int) -> int:
    """Skip adverbs and short prepositional phrases ("am Montag", "in Berlin", "dazu")."""
    while index < limit:
        lower = words[index].lower
        if lower in _ADVERBS or lower in _OBJECT_PRONOUNS:
            index += 1
        elif lower in _PREPOSITIONS:
            index += 1
            if index < limit and words[index].lower in _DETERMINERS:
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


def _speaker_after_cue(text: str, words: list[_Word], index: int, limit: int) -> Span | None:
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
            words[start].lower not in _DETERMINERS or not any(_capitalised(w) for w in words[start:end])
        ):
            return None
    return _span(text, words, start, end) if end > start else None


_NAMELESS = frozenset("letztere letzterer ersterer erstere dieser diese jener jene beide".split())


def _gap(text: str, words: list[_Word], index: int) -> str:
    """The punctuation between words[index - 1] and words[index]."""
    return text[words[index - 1].end : words[index].start].strip().strip("„“\"»«")


# -- finding attribution in a stretch of text --------------------------------------------------


def _after(text: str, start: int, end: int) -> tuple[Span, str] | None:
    """Attribution in text[start:end], right after a quotation: ", sagte X", ", so X", …"""
    words = _words(text, start, end)
    if not words:
        return None
    limit = next((i for i, w in enumerate(words) if _END.search(text, words[i - 1].end if i else start, w.start)), len(words))
    lower = [w.lower for w in words[:limit]]
    if "zufolge" in lower[1:5]:  # „…“, dem Ministerium zufolge.
        return _span(text, words, 0, lower.index("zufolge", 1)), "zufolge"
    for index in range(min(limit, 4)):
        word = lower[index]
        if _is_cue(words, index, limit):
            first = 1 if index > 1 and _may_be_verb(words[0]) else 0  # "„…“, hatte der Minister gesagt"
            if index > first and _noun_phrase(text, words, first, index) == index:
                return _span(text, words, first, index), "after"  # "„…“, Miller sagte"
            speaker = _speaker_after_cue(text, words, index + 1, limit)
            if speaker and word.startswith("zitier"):  # „…“, zitiert die Zeitung den Minister.
                speaker = _quoted(text, words, speaker, limit) or speaker
            return (speaker, "after") if speaker else None
        if word in ("so", "laut") and index == 0 and not (limit > 1 and _is_cue(words, 1, limit)):
            # (but "„…“, so beschrieb es der Sprecher." is the "after" form)
            speaker = _speaker_after_cue(text, words, 1, limit)
            return (speaker, word) if speaker else None
        if word in ("hieß", "heißt") and index + 1 < limit and lower[index + 1] == "es":
            return _source_after(text, words, index + 2, limit, word + " es")
        if word == "wie" and index == 0:
            for j in range(1, limit):
                if _is_cue(words, j, limit) or lower[j] in ("hieß", "heißt"):
                    if lower[j] in ("hieß", "heißt"):
                        return _source_after(text, words, j + 2, limit, "wie")
                    if j > 1:
                        return _span(text, words, 1, _noun_phrase(text, words, 1, j) or j), "wie"
                    return (_speaker_after_cue(text, words, j + 1, limit), "wie")
            return None
        if word == "nach" and index + 1 < limit and lower[index + 1] == "angaben":
            return _source_after(text, words, index + 2, limit, "nach Angaben")
        if word in _SPEECH_BREAKS:
            if index == 0:
                return None
            break
    # „…“, begründet das Gericht (seine Entscheidung). — any finite verb right after the quote
    index = _skip_adverbials(words, 0, limit)
    if index < limit and words[index].text[0].islower() and words[index].lower not in _STOP_AFTER:
        speaker = _speaker_after_cue(text, words, index + 1, limit)
        if speaker is not None:
            return speaker, "after"
    return None


_STOP_AFTER = frozenset(
    """und oder aber weil denn dass als die der das den dem wenn ob wo was wer wie sondern doch
    sowie bzw ein eine einer so auch nicht""".split()
) | _CONJUNCTIONS


_SPEECH_BREAKS = frozenset("und oder aber denn die der das den dem".split()) | _CONJUNCTIONS


def _quoted(text: str, words: list[_Word], subject: Span, limit: int) -> Span | None:
    """Who is quoted after "zitiert X": the object after the subject ("zitiert die Zeitung den
    Minister"), or None."""
    index = next((i for i in range(limit) if words[i].start >= subject.end), limit)
    start = _skip_adverbials(words, index, limit)
    if _comma_before(text, words, start) or start < limit and words[start].lower in _CONJUNCTIONS:
        return None  # "zitiert die Zeitung, die …", "zitiert die Zeitung, als …"
    end = _noun_phrase(text, words, start, limit)
    return _span(text, words, start, end) if end > start else None


def _source_after(text: str, words: list[_Word], index: int, limit: int, form: str):
    """The source of "hieß es (in der Erklärung)", "nach Angaben (der Polizei)"."""
    start = index
    if start < limit and words[start].lower in ("in", "aus", "von", "vom", "seitens", "im", "bei", "beim"):
        start += 1
    start = _skip_adverbials(words, start, limit) if start == index else start
    end = _noun_phrase(text, words, start, limit)
    if end > start:
        return _span(text, words, start, end), form
    return Span(words[index - 1].start, words[index - 1].end, words[index - 1].text), form


def _in_clause(text: str, start: int, end: int, form: str = "colon") -> tuple[Span, str] | None:
    """Attribution anywhere in a clause (before a colon, or a sentence of reported speech)."""
    if _CLAUSE_CUES.isdisjoint(_lower_words(text, start, end)):
        return None  # most clauses: no word that could attribute anything
    return _clause_attribution(text, _words(text, start, end), form)


def _clause_attribution(text: str, words: list[_Word], form: str) -> tuple[Span, str] | None:
    """Attribution in a clause given as its words, the cues tried from the last word back."""
    for index in range(len(words) - 1, -1, -1):
        word = words[index].lower
        if word in _OPINION_NOUNS and index > 0 and words[index - 1].lower == "nach":
            speaker = _speaker_after_cue(text, words, index + 1, len(words))
            if speaker:
                return speaker, form
        if word in ("hieß", "heißt") and index + 1 < len(words) and words[index + 1].lower == "es":
            if index >= 2 and words[index - 2].lower in ("aus", "in", "von", "im", "vom", "bei"):
                return _span(text, words, index - 1, index), form
            found = _source_after(text, words, index + 2, len(words), form)
            if found[0].text.lower() != "es":
                return found
            if index >= 2 and words[0].lower in _PREPOSITIONS and index in (
                _noun_phrase(text, words, 1, index), _skip_adverbials(words, 0, index)
            ):
                return _span(text, words, 1, index), form  # "In dem Antrag heißt es:"
        if word in ("laut", "so") and index + 1 < len(words) and (word == "laut" or index == 0):
            following = words[index + 1]  # "so der Minister", not the adverb: "So gewonnene Daten …"
            if not following.text[0].islower() or following.lower in _DETERMINERS:
                speaker = _speaker_after_cue(text, words, index + 1, len(words))
                if speaker:
                    return speaker, word
        if word == "zufolge" and index > 0:
            first = index - 1
            while first > 0 and text[words[first - 1].end : words[first].start].strip() == "" and words[first - 1].lower not in _STOP:
                first -= 1
            return _span(text, words, first, index), "zufolge"
        if _is_cue(words, index, len(words)):
            return _subject(text, words, index, form)
    return None


#: every word that can make `_in_clause` find an attribution
_CLAUSE_CUES = frozenset(
    _OPINION_NOUNS | {"hieß", "heißt", "laut", "so", "zufolge"} | SPEECH_VERBS | _SEPARABLE_FINITE.keys()
)
_LEAD_IN_WORDS = 12


def _lead_in(text: str, start: int, end: int) -> tuple[Span, str] | None:
    """The speaker in the lead-in before a colon: a speech verb's subject, else its subject."""
    return _in_clause(text, start, end) or _lead_in_subject(text, start, end)


def _lead_in_subject(text: str, start: int, end: int) -> tuple[Span, str] | None:
    """The subject of a lead-in without a speech verb: its first noun phrase ("Ein Beamter der
    Nationalpolizei: „…“", "Die Bewohner sehen es gelassen: „…“"), or the noun phrase after the
    finite verb when the first is a fronted object or adverb ("Den Unmut brachte die Sprecherin
    zum Ausdruck: „…“", "Hier sparte der Präsident nicht mit Kritik: „…“")."""
    words = _words(text, start, end)[:_LEAD_IN_WORDS]
    speaker = _clause_subject(text, words, 0, len(words))
    return (speaker, "colon") if speaker else None


def _clause_subject(
    text: str, words: list[_Word], start: int, limit: int, phrases: bool = True
) -> Span | None:
    """The subject of the main clause words[start:limit], found by word order alone (see
    `_lead_in_subject`); with `phrases`, the noun of a prepositional phrase may be it too (a
    source: "In dem Entwurf steht:")."""
    index = _skip_adverbials(words, start, limit)
    if start < index < limit and words[index].text[0].islower():  # "Hier sparte der Präsident"
        speaker = _speaker_after_cue(text, words, index + 1, limit)
        if speaker is not None:
            return speaker
    while index < limit:
        if not phrases:  # "Zuvor war in diversen Medien berichtet worden" has no subject
            index = _skip_adverbials(words, index, limit)
        stop = _noun_phrase(text, words, index, limit)
        if stop > index and (words[index].lower in _DETERMINERS or not words[index].text[0].islower()):
            if _fronted_start(words, index, stop):
                verb = next((i for i in range(stop, limit) if _may_be_verb(words[i])), limit)
                speaker = _speaker_after_cue(text, words, verb + 1, limit) if verb < limit else None
                if speaker:
                    return speaker
            return _span(text, words, index, stop)
        index += 1
    return None


_NO_VERBS = _NO_MODIFIERS | _DETERMINERS


def _may_be_verb(word: _Word) -> bool:
    return word.text[0].islower() and word.lower not in _NO_VERBS


def _subject(text: str, words: list[_Word], verb: int, form: str) -> tuple[Span, str] | None:
    """The subject of the speech verb words[verb], before it (V2) or after it (inversion)."""
    clause = verb
    while clause > 0 and text[words[clause - 1].end : words[clause].start].strip() not in (",", ":", ";"):
        clause -= 1
    if clause == verb or _comma_before(text, words, clause) and _may_be_verb(words[clause]):
        # "Miller, der Sprecher des Ministeriums, sagte" / "Miller, der …, hat gesagt"
        start = next((i for i in range(verb) if words[i].lower not in _ADVERBS), verb)  # "Auch die …"
        end = _noun_phrase(text, words, start, verb)
        if end > start and _first_comma(text, words, verb) <= _skip_adverbials(words, end, verb):
            return _span(text, words, start, end), form
    after = verb + 1  # "Das lobte er:" (but not "Sie sagte, er sei …")
    if after < len(words) and words[after].lower in _NOMINATIVE_PRONOUNS and not _comma_before(text, words, after):
        return _span(text, words, after, after + 1), form
    first = words[clause] if clause < verb else None
    if first is not None and first.lower not in _PREPOSITIONS and first.lower not in _ADVERBS:
        end = _noun_phrase(text, words, clause, verb)
        if end > clause and not _fronted(text, words, clause, end, verb):
            if words[verb].lower.startswith("zitier") and end == verb:  # "Der Sender zitierte ihn so:"
                quoted = _speaker_after_cue(text, words, verb + 1, len(words))
                if quoted is not None:
                    return quoted, form
            return _span(text, words, clause, end), form
    speaker = _speaker_after_cue(text, words, verb + 1, len(words))
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


def _fronted_start(words: list[_Word], start: int, end: int) -> bool:
    """Whether the noun phrase words[start:end] opening a clause cannot be its subject: an object
    ("Dem Sender", "Den Unmut der Partei"), a demonstrative ("Dies"), a capitalised adjective
    ("Ähnlich", "Passend") or a participle before a reflexive verb ("Besorgt äußerte sich")."""
    if words[start].lower in _OBJECT_DETERMINERS:
        return True
    if end - start != 1:
        return False
    word = words[start]
    reflexive = end + 1 < len(words) and words[end + 1].lower == "sich" and word.text.endswith("t")
    return reflexive or word.lower in _DEMONSTRATIVES or bool(_ADJECTIVE.fullmatch(word.text))


def _fronted(text: str, words: list[_Word], start: int, end: int, verb: int) -> bool:
    """Whether the noun phrase words[start:end] before the verb words[verb] is no subject but a
    fronted object or adverbial, with the subject after the verb: "Dem Sender sagte sie",
    "Besorgt äußerte sich der Minister" (but "Merkel sagte der Zeitung")."""
    if not _fronted_start(words, start, end):
        return False
    return _speaker_after_cue(text, words, verb + 1, len(words)) is not None


def _first_comma(text: str, words: list[_Word], limit: int) -> int:
    """The index of the first word before `limit` that follows a comma (`limit` when none does)."""
    return next((i for i in range(1, limit) if _comma_before(text, words, i)), limit)


def _comma_before(text: str, words: list[_Word], index: int) -> bool:
    return 0 < index < len(words) and "," in text[words[index - 1].end : words[index].start]


# -- the article -------------------------------------------------------------------------------


_WINDOW = 300  # characters of the sentence looked at before and after a quote


def attribute(article) -> tuple[Attribution, ...]:
    """Classify every top-level quotation of the article and find its speaker."""
    text = article.prose
    split: dict[int, tuple] = {}  # block start -> its sentences and their starts

    def sentences_of(block) -> tuple:
        if block.start not in split:
            sentences = article.sentences_in(block)
            split[block.start] = sentences, [s.start for s in sentences]
        return split[block.start]

    found: list[Attribution] = []
    top = [q for q in article.quotes.quotations if q.depth == 0]
    block_index = 0
    blocks = article.blocks
    last: dict[int, Span] = {}  # block start -> speaker of the last attributed direct quote
    scanned, parentheses = 0, 0  # how far the open parentheses of the block have been counted
    for number, quotation in enumerate(top):
        while block_index < len(blocks) and blocks[block_index].end < quotation.start:
            block_index += 1
        block = blocks[block_index]
        if scanned < block.start:
            scanned, parentheses = block.start, 0
        parentheses += text.count("(", scanned, quotation.start) - text.count(")", scanned, quotation.start)
        scanned = quotation.start
        sentences, starts = sentences_of(block)
        sentence = _sentence_at(sentences, starts, quotation.start, block)
        closing_sentence = _sentence_at(sentences, starts, max(quotation.end - 1, quotation.start), block)
        # a window of the sentence around the quote keeps very long "sentences" (lists) linear
        sentence = Span(max(sentence.start, quotation.start - _WINDOW), sentence.end, "")
        closing_sentence = Span(closing_sentence.start, min(closing_sentence.end, quotation.end + _WINDOW), "")
        previous_end = top[number - 1].end if number and top[number - 1].end > block.start else block.start
        before_start = max(sentence.start, previous_end)
        before = text[before_start : quotation.start]
        after_end = min(closing_sentence.end, block.end)
        after = text[quotation.end : after_end]
        interrupted = (
            previous_end > sentence.start
            and before.lstrip().startswith(",")
            and before.rstrip().endswith(",")
            and _after(text, previous_end, quotation.start) is not None
        )
        kind = _kind(text, quotation, before, after, sentence, closing_sentence, interrupted, parentheses > 0)
        if kind == PARTIAL:
            search = partial(
                _partial_speaker, text, quotation, after, after_end, sentence, closing_sentence,
                sentences, starts, last.get(block.start),
            )
            found.append(Attribution(quotation, kind, search=search))
            continue
        result: tuple[Span, str] | None = None
        if kind == DIRECT:
            colon = before.rstrip().endswith(":")
            if colon:
                result = _in_clause(text, sentence.start, quotation.start)
            if result is None and _may_be_followed_by_speaker(quotation, after):
                result = _after(text, quotation.end, after_end)
            if result is None and colon:  # no speech verb before the colon, none after the quote
                result = _lead_in_subject(text, sentence.start, quotation.start)
            if result is None:
                result = _next_sentence(text, sentences, starts, closing_sentence)
            if result is None and quotation.start == block.start and block_index > 0:
                prior = blocks[block_index - 1]  # "Sie sagte:" ending the paragraph before
                if text[prior.end - 1] == ":":
                    prior_sentence = _sentence_at(*sentences_of(prior), prior.end - 1, prior)
                    result = _lead_in(text, prior_sentence.start, prior.end - 1)
            if result is None:
                inherited = last.get(block.start)
                if inherited is not None:
                    result = inherited, "follow-on"
        speaker, form = result if result else (None, None)
        if speaker is not None and kind == DIRECT and form not in ("follow-on",):
            last[block.start] = speaker
        found.append(Attribution(quotation, kind, speaker, form))
    return _share_continued(found)


def _may_be_followed_by_speaker(quotation: Quotation, after: str) -> bool:
    return after.lstrip()[:1] in (",", "–", "—", "(", "") or quotation.text.rstrip()[-1:] in ".!?…"


def _partial_speaker(
    text, quotation, after, after_end, sentence, closing_sentence, sentences, starts, inherited
) -> tuple[Span, str] | None:
    """The speaker of quoted words inside a sentence: after the quote, in its sentence, or — when
    the sentence is in the subjunctive of reported speech — the speaker of the direct quote before
    it in the paragraph (`inherited`), or in the context."""
    result = None
    if _may_be_followed_by_speaker(quotation, after):
        result = _after(text, quotation.end, after_end)
    if result is None:
        result = _in_clause(text, sentence.start, quotation.start, "sentence") or _in_clause(
            text, quotation.end, closing_sentence.end, "sentence"
        )
    if result is None and _SUBJUNCTIVE.isdisjoint(_lower_words(text, sentence.start, closing_sentence.end)):
        return None  # a sentence in the indicative: the writer's own words, or its subject's
    if result is None and inherited is not None:
        result = inherited, "follow-on"
    if result is None:
        result = _context(text, sentences, starts, sentence)
    return result


def _sentence_at(sentences, starts, offset: int, block) -> Span:
    """The sentence of `block` (given its sentences and their starts) that holds `offset`: the
    last one that starts at or before it; the whole block when none does."""
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0:
        return sentences[index]
    return Span(block.start, block.end, block.text)


def _kind(text, quotation, before, after, sentence, closing_sentence, interrupted, in_parentheses) -> str:
    inner = quotation.text.strip()
    words = WORD.findall(inner)
    lead = before.strip()
    tail = after.lstrip()
    standalone = (lead == "" or lead[-1] in ":–—-" or interrupted) and not in_parentheses
    ends_sentence = inner[-1:] in ".!?…" or tail[:1] in ("", ".", "!", "?", "…", ")") or quotation.continued
    if standalone and tail[:1] in (",", "–", "—") and _after(text, quotation.end, quotation.end + len(after)):
        return DIRECT
    if standalone and ends_sentence:
        if len(words) >= 3 or inner[-1:] in ".!?…" or quotation.continued:
            return DIRECT
        return DIRECT if lead.endswith(":") and _in_clause(text, sentence.start, quotation.start) else OTHER
    if standalone and tail[:1] == "," and len(words) >= 4:
        return DIRECT
    # inside a sentence: quoted words, or a name, title or term
    if len(words) >= 4 or (inner[:1].islower() and len(words) >= 2):
        return PARTIAL
    if _reports_speech(text, sentence, closing_sentence):
        return PARTIAL
    return OTHER


_REPORTING = frozenset(_SUBJUNCTIVE | {"laut", "zufolge"} | SPEECH_VERBS)


def _reports_speech(text, sentence, closing_sentence) -> bool:
    """Whether the sentence has a subjunctive, "laut", "zufolge" or a speech verb (a separable
    one with its particle after it)."""
    lower = _lower_words(text, sentence.start, closing_sentence.end)
    if not _REPORTING.isdisjoint(lower):
        return True
    return any(
        not _SEPARABLE_FINITE[word].isdisjoint(lower[i + 1 :])
        for i, word in enumerate(lower)
        if word in _SEPARABLE_FINITE
    )


def _next_sentence(text, sentences, starts, sentence) -> tuple[Span, str] | None:
    """ „…“ Das sagte X am Montag. — the attribution in the next sentence of the paragraph
    (`sentences` and their `starts` are the paragraph's)."""
    index = bisect.bisect_right(starts, sentence.start)
    if index >= len(sentences):
        return None
    following = sentences[index]
    words = _words(text, following.start, following.end)
    if not words:
        return None
    if words[0].lower in _NEXT_SENTENCE_OPENERS:
        for i in range(1, len(words)):
            if _is_cue(words, i, len(words)) or words[i].lower in _QUOTE_NOUNS:
                speaker = _speaker_after_cue(text, words, 2, len(words)) if len(words) > 2 else None
                if speaker is None:
                    found = _subject(text, words, i, "next sentence")
                    speaker = found[0] if found else None
                return (speaker, "next sentence") if speaker else None
        return None
    colon = following.text.find(": „")
    if colon > 0:  # „…“ Er fuhr fort: „…“
        return _in_clause(text, following.start, following.start + colon, "next sentence")
    return None


def _context(text, sentences, starts, sentence) -> tuple[Span, str] | None:
    """For quoted words in reported speech: the speaker of a sentence shortly before, in the
    same paragraph (`sentences` and their `starts` are the paragraph's), that reports what
    someone said."""
    index = bisect.bisect_right(starts, sentence.start) - 2
    for index in range(index, max(index - 3, -1), -1):
        found = _in_clause(text, sentences[index].start, sentences[index].end, "context")
        if found is not None:
            return found[0], "context"
    return None


def _share_continued(found: list[Attribution]) -> tuple[Attribution, ...]:
    """The pieces of a quotation over several paragraphs share the speaker one of them has."""
    result = list(found)
    index = 0
    while index < len(result):
        end = index
        while end < len(result) - 1 and result[end].quotation.continued:
            end += 1
        if end > index:
            speaker = next(
                ((a.speaker, a.form) for a in result[index : end + 1] if a.speaker is not None), None
            )
            for i in range(index, end + 1):
                if speaker and result[i].speaker is None:
                    result[i] = Attribution(result[i].quotation, DIRECT, speaker[0], "continued")
                elif result[i].kind == OTHER:
                    result[i] = Attribution(result[i].quotation, DIRECT, result[i].speaker, result[i].form)
        index = end + 1
    return tuple(result)
