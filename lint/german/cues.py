"""The words of attribution in German news: verbs and nouns of saying, and the words around them.

Speech verbs in their finite forms (sagte, erklärt, betonte …), with the verbs of demanding,
warning, reacting, announcing and judging that news uses to frame a quote (forderte, reagierte,
würdigte, verteidigte …), separable ones with their particles (teilte … mit, fügte … hinzu, rief …
auf, hält … für, zeigte sich …), nouns of quoting, of opinion and of saying (Forderung, Warnung,
Kritik, Reaktion …), subjunctive forms of reported speech, and the small words (determiners,
pronouns, prepositions, adverbs) that the speaker finding in `newslint.german.speakers` steps over.
`is_cue` tells whether a word is a speech verb: a verb is written in lower case, so a capitalised
word inside a clause is a noun („die Frage“, „die Antworten“), not a verb.
"""

from __future__ import annotations

from typing import NamedTuple

import re

import regex
from newslint.german.segment import word_pattern

# -- the words of attribution ----------------------------------------------------------------


def _with_swiss_spellings(words) -> frozenset[str]:
    """`words` and the Swiss spelling of each with „ß“ („äussert“ beside „äußert“): Swiss German
    writes „ss“ for it."""
    return frozenset(words) | {word.replace("ß", "ss") for word in words if "ß" in word}


_WEAK = """sag erklär beton mahn warn mein ergänz kritisier forder bekräftig versicher bestätig
behaupt entgegn erwider antwort frag bericht verkünd droh lob klag beklag bedauer begrüß erzähl
äußer bilanzier resümier kommentier schilder appellier argumentier folger schimpf jubel twitter
schwärm zitier präzisier konstatier unterstreich bemerk beteuer insistier prophezei bekenn
beschwör ermahn verlang wiederhol lästr spott seufz räsonier protestier signalisier
bezeichn charakterisier skandier urteil titulier kritisier verurteil
reagier konter würdig verteidig attackier bezweifel plädier poch beharr hoff befürcht bewert
beurteil feier beschwer entschuldig bedank empör begründ rechtfertig erhoff verlaut erinner
hader bemängel
""".split()
_STRONG = """sprach spricht sprachen gesprochen schrieb schreibt schrieben geschrieben rief ruft riefen
gerufen unterstrich unterstrichen widersprach widerspricht widersprachen widersprochen versprach
verspricht versprachen versprochen gestand gesteht gestanden verriet verrät verrieten verraten
bekannte bekannten bekennt befand befindet befanden empfahl empfiehlt empfahlen empfohlen
verwies verweist
beschrieb beschreibt beschrieben schloss schließt sagt nannte nennt nannten genannt riet rät
rieten geraten bat bittet baten gebeten""".split()
# separable verbs: the finite forms count only with their particle later in the clause
_SEPARABLE = {
    "mit": "teilte teilt teilten",
    "hinzu": "fügte fügt fügten",
    "aus": "führte führt führten",
    "an": "kündigte kündigt kündigten merkte merkt merkten prangerte prangert prangerten gab gibt gaben",
    "auf": "rief ruft riefen",
    "für": "hält hielt hielten",
    "sich": "zeigte zeigt zeigten gab gibt gaben ärgerte ärgert ärgerten",
    "ein": "räumte räumt räumten wandte wendet wandten stufte stuft stuften",
    "hin": "wies weist wiesen",
    "hervor": "hob hebt hoben",
    "klar": "stellte stellt stellten machte macht machten",
    "deutlich": "machte macht machten",
    "fest": "stellte stellt stellten",
    "zu": "gab gibt gaben sicherte sichert sicherten",
    "als": "sieht sah sahen betrachtete betrachtet betrachteten",
    "fort": "fuhr fährt fuhren",
    "bekannt": "gab gibt gaben",
    "vor": "warf wirft warfen",
    "zurück": "wies weist wiesen",
    "dagegen": "hielt hält hielten",
}
_SEPARABLE_PARTICIPLES = """mitgeteilt hinzugefügt ausgeführt angekündigt angemerkt eingeräumt
eingewandt hingewiesen hervorgehoben klargestellt festgestellt zugegeben bekanntgegeben
mitteilen hinzufügen ausführen ankündigen anmerken einräumen einwenden hinweisen hervorheben
klarstellen feststellen zugeben eingestehen zugestehen zurückgewiesen vorgeworfen aufgerufen
angeprangert angegeben eingestuft zugesichert klargemacht dagegengehalten""".split()


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
SEPARABLE_FINITE = {}
for _particle, _forms in _SEPARABLE.items():
    for _form in _forms.split():
        SEPARABLE_FINITE.setdefault(_form, set()).add(_particle)
#: at the end of a subordinate clause the particle is joined to the verb: „wie er mitteilte“
_PARTICLES = "mit hinzu aus an ein hin hervor klar fest zu fort bekannt vor zurück auf dagegen".split()
_JOINED = frozenset(particle + form for particle in _PARTICLES for form in _SEPARABLE[particle].split())
SPEECH_VERBS = _with_swiss_spellings(SPEECH_VERBS | _JOINED)

DETERMINERS = frozenset(
    """der die das des dem den ein eine einer eines einem einen sein seine seiner seines seinem
    seinen ihr ihre ihrer ihres ihrem ihren dessen deren unser unsere beide beiden zwei drei
    mehrere viele einige""".split()
)
PRONOUNS = frozenset("er sie es man beide".split())
LINKS = frozenset("des der von vom aus für bei im beider".split())
PREPOSITIONS = _with_swiss_spellings(
    """am im in an auf bei beim gegenüber vor nach mit zu zum zur über unter während seit laut
    aus vom von durch für um gegen nahe neben hinter ab bis ohne trotz wegen angesichts infolge
    seitens zwischen innerhalb außerhalb gemäß""".split()
)
ADVERBS = _with_swiss_spellings(
    """dazu damals gestern heute morgen weiter weiterhin zudem außerdem auch noch später jedoch
    aber dann nun jetzt bereits schon ebenfalls zuvor anschließend daraufhin darauf dabei hierzu
    wörtlich sinngemäß erneut sichtlich sogar demnach deshalb daher also zuletzt zunächst kürzlich
    ferner abschließend einst ausdrücklich stolz knapp hier dort derzeit dennoch trotzdem
    allerdings inzwischen mittlerweile schließlich zugleich selbst zusammen aktuell zwar gleichzeitig
    zusätzlich tatsächlich offenbar offensichtlich angeblich vermutlich wahrscheinlich möglicherweise
    bislang bisher erstmals insbesondere unterdessen indes indessen seither nämlich etwa ebenso
    etwas einmal
    hingegen dagegen wiederum freilich übrigens immerhin letztlich gerade""".split()
)
NEXT_SENTENCE_OPENERS = frozenset("das dies so diese dieses mit damit diesen dieser".split())
QUOTE_NOUNS = frozenset(
    """aussage kernaussage worte worten satz sätzen zeilen zitat ausspruch spruch fazit motto botschaft appell
    zugeschriebene zugeschrieben""".split()
)
SUBJUNCTIVE = frozenset(
    """sei seien habe werde könne müsse solle dürfe wolle gebe gehe bleibe liege stehe komme
    wisse brauche hätte hätten wäre wären würde würden käme kämen gäbe gäben ginge gingen stünde
    stünden läge lägen könnte könnten müsste müssten dürfte dürften""".split()
)


def is_subjunctive(verb: str, subject: str = "") -> bool:
    """Whether a finite verb (in lower case) is in the subjunctive of reported speech: one of the
    common forms, or — with a subject in the third person — any form of stem and „e“ („es drohe“,
    „die Fraktion halte“), which the indicative never has („sagte“ ends in „te“)."""
    if verb in SUBJUNCTIVE:
        return True
    return (
        len(verb) > 3
        and verb.endswith("e")
        and not verb.endswith("te")
        and verb not in _PAST_IN_E
        and subject.lower() not in ("ich", "")
    )


_PAST_IN_E = frozenset("wurde".split())  # the indicative past that ends in „e“ but not in „te“
#: finite verbs that carry a participle or infinitive: „Er hatte gewarnt.“, „Sie will protestieren.“
AUXILIARIES = _with_swiss_spellings(
    """hat hatte hatten haben habe hätte hätten ist war waren sind sei wird wurde wurden werden
    werde würde würden kann konnte will wollte muss musste soll sollte möchte lässt ließ ließen
    lassen""".split()
)
SENTENCE_END = re.compile(r"[.!?…;]")
OPINION_NOUNS = frozenset(
    """ansicht auffassung meinung angaben darstellung darstellungen einschätzung bewertung worten
    aussagen aussage sicht ankündigung überzeugung""".split()
)
#: nouns of saying, demanding, warning, reacting and announcing: a sentence with one of them
#: reports what its subject (or the noun's genitive: „die Forderung der Gewerkschaft“) said
SAYING_NOUNS = frozenset(
    """forderung forderungen warnung warnungen kritik appell appelle reaktion antwort ankündigung
    erklärung stellungnahme worte worten bekunden ansicht meinung auffassung einschätzung botschaft
    fazit vorwurf vorwürfe protest kommentar aussage aussagen überzeugung these position standpunkt
    stellung""".split()
)
_GOES = frozenset("geht ging gingen gehen".split())  # "geht davon aus, dass …"
#: the verb of „it says“ („hieß es in der Erklärung“), which makes a clause report speech
IT_SAYS = _with_swiss_spellings(("hieß", "heißt"))
#: every word that can make a clause report speech: a quick test before a clause is read
SPEECH_WORDS = frozenset(
    SPEECH_VERBS | SEPARABLE_FINITE.keys() | OPINION_NOUNS | SAYING_NOUNS | SUBJUNCTIVE | _GOES | IT_SAYS
    | {"laut", "so", "zufolge", "für", "wie"}
)
#: nouns of opinion that a subject holds in the genitive: „Er ist der Meinung, dass …“
HELD_OPINIONS = frozenset("meinung auffassung ansicht überzeugung".split())


_NUMERAL = re.compile(
    r"(?:ein|eins|zwei|zwan|drei|dreißig|vier|fünf|sech|sechs|sieb|sieben|acht|neun|zehn|elf|zwölf|zig|und"
    r"|hundert|tausend)+"
)
_NOT_NUMERALS = frozenset("ein eins und einzig".split())


def is_numeral(lower: str) -> bool:
    """Whether a word (in lower case) is a cardinal number written out („zehn“, „dreiundzwanzig“,
    „zweihundert“) or in digits — never a verb („„…“ – zehn Jahre danach“), nor a speaker on its
    own. „ein“ is left to the determiners."""
    return lower.isdigit() or lower not in _NOT_NUMERALS and _NUMERAL.fullmatch(lower) is not None


#: nouns of time: with a number before them („zehn Jahre“, „drei Wochen später“) an adverbial of
#: time, never who speaks
TIME_NOUNS = frozenset(
    """jahr jahre jahren jahres jahrzehnt jahrzehnte jahrzehnten jahrhundert jahrhunderte
    jahrhunderten monat monate monaten monats woche wochen tag tage tagen tages nacht nächte
    nächten stunde stunden minute minuten sekunde sekunden wochenende wochenenden quartal
    quartale""".split()
)


class Word(NamedTuple):  # a tuple: made by the thousand, quicker to build than a dataclass
    start: int
    end: int
    text: str
    lower: str


def word_spans(text: str, start: int, end: int) -> list[Word]:
    new = tuple.__new__  # what `Word(…)` calls, without the call of its own `__new__` per word
    return [
        new(Word, (match.start(), match.end(), word := match[0], word.lower()))
        for match in word_pattern(text, start, end).finditer(text, start, end)
    ]


def lower_words(text: str, start: int, end: int) -> list[str]:
    """The words of text[start:end] in lower case, without offsets: cheaper than `word_spans`."""
    stretch = text[start:end].lower()  # one lowering of the stretch, not one per word
    return word_pattern(stretch, 0, len(stretch)).findall(stretch)


_FINDS = frozenset("befand befindet befanden befinden".split())


def is_cue(words: list[Word], index: int, limit: int) -> bool:
    """Whether words[index] is a speech verb (a separable one with its particle before `limit`)."""
    word = words[index]
    if (index or word.lower in _JOINED) and not word.text[0].islower():
        return False  # a noun: "die Frage", "seine Antworten", "Angaben" (a joined verb ends its clause)
    lower = word.lower
    if lower in _FINDS and index + 1 < len(words) and words[index + 1].lower == "sich":
        return False  # "befindet sich" is where something is, "befand das Gericht" a judgement
    if lower in SPEECH_VERBS:
        return True
    if lower in _GOES and {"davon", "aus"} <= {w.lower for w in words[index + 1 : limit]}:
        return True  # "geht davon aus, dass …": an assumption stated
    particles = SEPARABLE_FINITE.get(lower)
    return bool(particles) and any(w.lower in particles for w in words[index + 1 : limit])
