"""Who said it: each quotation of an article classified, and its speaker found.

Every top-level quotation (see `newslint.german.quotes`) gets a kind:

- "direct": direct speech standing as its own clause — it starts its sentence or follows a colon,
  and it ends its sentence or is followed by a comma and the attribution („…“, sagte sie. /
  „…,“ sagte sie.).
- "partial": quoted words inside a sentence (sprach von „kreativer Buchführung“), when the
  sentence reports speech or the quote is more than a short name.
- "other": titles, names, terms and scare quotes („Cassini“, „Fars“).

and, where the text gives one, a speaker with its offsets. `form` says how it was found:

- "after": „…“, sagte X. / „…“, teilte X mit. / „…“, begründet X seine Entscheidung.
- "so", "laut", "zufolge", "wie", "hieß es"/"heißt es", "nach Angaben": „…“, so X. / „…“, laut X. /
  „…“, X zufolge. / „…“, wie X sagte. / „…“, hieß es in der Erklärung.
- "parentheses": the source alone in parentheses right after the quote: „…“ (Stiftung Warentest).
  A translation („Britain First“ (Britannien zuerst)), a date or an agency's credit line („…“
  (dpa)) is no source. So too a name right before a quote that fills parentheses: Trainer Löw
  („Wir haben verdient verloren“).
- "colon": X sagte: „…“ (or, without a speech verb, the lead-in's subject: „Ein Beamter der
  Polizei: „…“", „Hier sparte der Präsident nicht mit Kritik: „…“"). In a chain of a teaser or
  headline („Niederlage in Wien – Trainer Löw: „…““) the lead-in is what follows the last dash,
  and after an earlier colon of the sentence what follows that („…scharf: So sagte Rehn: „…““).
  When the quote has its own attribution after it („…: „…“, sagte er.“), that one counts.
- "next sentence": „…“ Das sagte X am Montag. / „…“ Mit diesen Worten wandte sich X an … / „…“ Mit
  diesem Satz beginnt der Roman (the source).
- "previous sentence": the subject of the sentence just before the quote in its paragraph, when
  that sentence's main clause reports what its subject said, demanded, warned, announced or how
  it reacted — with a verb („Die Gewerkschaft reagierte empört. „…““, „Der Minister kündigte
  Widerstand an. „…““, „Von der Opposition wurde der Plan kritisiert.“) or a noun of saying („Die
  Opposition übte scharfe Kritik.“, „Die Forderung der Gewerkschaft ist klar.“, „Nach Ansicht
  von X …“). A pronoun („Er warnte vor Panik.“) counts when someone is named before it; a verb of
  saying in a subordinate clause, a passive that names no one, or a sentence in the paragraph
  before do not. A lead-in that starts with a possessive („Ihre Forderung ist klar: „…““) points
  back to the speaker of the sentence before it.
- "follow-on": a direct quote with no attribution of its own (or only a bare „hieß es“) takes the
  speaker of the attributed direct quote before it in its paragraph.
- "continued": the pieces of a quotation that runs over several paragraphs share one speaker.
- "sentence" (partial quotes): the speaker of the sentence that holds the quoted words — the
  subject of a relative or subordinate clause that holds them with a verb of saying of its own
  („…, welche die Techniker als „Haufen“ bezeichnete“ — the noun the relative pronoun stands
  for), else of the main clause that holds them when it reports speech (see
  `newslint.german.clauses`; a semicolon ends a clause), else of a verb of saying in the quote's
  own clause or before it. A demonstrative subject („…, sagte dieser“) stands for the one named
  last.
- "context": when the sentence is reported speech in the subjunctive (a form like „sei“, or a
  main verb of stem and „e“: „Es drohe …“), the speaker of a sentence shortly before it in the
  paragraph that reports speech; so too for a lead-in in the subjunctive before a colon.

The speaker is the subject of the attributing clause, found by German word order: before the
finite verb („Die Ministerin sagte:“, with an apposition or relative clause between: „Miller,
Sprecher des Ministeriums, sagte:“), or after it when something else opens the clause — an
adverbial or a prepositional phrase with all its attributes („Am Montag sagte die Ministerin:“,
„Zur Lage des Vereins und seiner Aufgabe wird X zitiert:“), an object („Dem Sender sagte sie:“,
„Der englischsprachigen Zeitung sagte X:“, „Die Pläne … bezeichnete er als …“), a demonstrative
(„Dies bestätigte der Sprecher:“), a conjunction's clause („Als er kam, sagte …“, „Wie der
Sprecher mitteilte, …“) or an adjective or participle capitalised at the start („Besorgt äußerte
sich der Bürgermeister:“). Of two main clauses joined by „und“ or a comma, the one that holds the
quote speaks („Die Menge skandierte Parolen, und der Redner rief: „…““). Nothing after a comma
that follows the verb is its subject („Sie sagte, er sei …“), and an expletive „es“ never speaks.
A dateline that opens a paragraph („Berlin (dpa/AFP) – “) is no part of its first sentence, so its
place never speaks; a number with a noun of time („zehn Jahre (später)“) is an adverbial, never a
subject. In a headline or subheading only a verb of saying, „so“, „laut“ and the like or a colon
name the speaker: what else follows a quote there („„Wir schaffen das“ – zehn Jahre danach“) is
no attribution. After „zitiert“ the speaker is the one quoted („zitierte die Zeitung den Minister“, „X wird mit
den Worten zitiert“), and a document can be the source („In dem Antrag heißt es:“, „In dem
Entwurf steht:“).

The analysis looks only at a window of the sentence around each quotation and its neighbours (and
at the start of a very long sentence before it), so it is linear in the length of the article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import partial

from newslint.german.credits import dash_in, dateline_length
from newslint.german.cues import (
    DETERMINERS,
    IT_SAYS,
    SPEECH_WORDS,
    NEXT_SENTENCE_OPENERS,
    QUOTE_NOUNS,
    SEPARABLE_FINITE,
    SPEECH_VERBS,
    SUBJUNCTIVE,
    is_cue,
    is_subjunctive,
    lower_words,
    word_spans,
)
from newslint.german.quotes import Quotation
from newslint.german.segment import Span, word_pattern
from newslint.german.clauses import (
    attribution_in_lead_in,
    last_main_clause,
    lead_in_subject,
    main_clause,
    speech_in_sentence,
)
from newslint.german.phrases import is_modifier, speaker_after_cue
from newslint.german.word_forms import NOUN_ENDINGS
from newslint.german.speakers import (
    start_of_last_part,
    attribution_after,
    attribution_in_clause,
    attribution_in_words,
    source_in_parentheses,
    subject_of_verb,
)

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


# -- the article -------------------------------------------------------------------------------


_WINDOW = 300  # characters of the sentence looked at before and after a quote
#: blocks that are titles: mostly without a verb, so what follows a quote in them („„Wir schaffen
#: das“ – zehn Jahre danach“) names its speaker only with a verb of saying („„…“, sagt Merkel“)
_TITLES = ("headline", "subheading")


def attribute(article) -> tuple[Attribution, ...]:
    """Classify every top-level quotation of the article and find its speaker."""
    text = article.prose
    split: dict[int, tuple] = {}  # block start -> its sentences and their starts

    def sentences_of(block) -> tuple:
        if block.start not in split:
            sentences = _without_dateline(text, block, article.sentences_in(block))
            split[block.start] = sentences, [s.start for s in sentences]
        return split[block.start]

    found: list[Attribution] = []
    top = [q for q in article.quotes.quotations if q.depth == 0]
    quoted = _Quoted(top)
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
            and attribution_after(text, previous_end, quotation.start) is not None
        )
        loose = block.kind not in _TITLES  # a title names a speaker only with a verb of saying
        kind, following = _kind(
            text, quotation, before, after, sentence, closing_sentence, interrupted, parentheses > 0, loose
        )
        if kind == PARTIAL:
            search = partial(
                _partial_speaker, text, quotation, after, after_end, sentence, closing_sentence,
                sentences, starts, last.get(block.start), quoted,
            )
            found.append(Attribution(quotation, kind, search=search))
            continue
        result: tuple[Span, str] | None = None
        if kind == DIRECT:
            colon = before.rstrip().endswith(":")
            # "Niederlage in Wien – Trainer Löw: „…“": the lead-in is what follows the last dash or colon
            lead_in = start_of_last_part(text, before_start, text.rindex(":", before_start, quotation.start)) if colon else before_start
            lead_ins = (lead_in, sentence.start) if lead_in > sentence.start else (sentence.start,)
            if following is _NOT_LOOKED:
                following = (
                    attribution_after(text, quotation.end, after_end, loose)
                    if _may_be_followed_by_speaker(quotation, after)
                    else None
                )
            if colon and not (following is not None and _comma_follows(quotation, after) and not _unnamed(following)):
                # the lead-in, unless the quote has its own attribution after it: "X äußerte sich: „…“, sagte er."
                result = _lead_in(text, lead_ins, quotation, quoted, sentences, starts, sentence)
            if result is None:
                result = following
            if result is None:  # „…“ (Stiftung Warentest) — the parentheses may stand as a sentence
                source = source_in_parentheses(text, quotation.end, block.end)
                result = (source, "parentheses") if source is not None else None
            if result is None and colon:  # no speech verb before the colon, none after the quote
                result = next(filter(None, (lead_in_subject(text, s, quotation.start) for s in lead_ins)), None)
                if result is not None and result[0].text.split()[0].lower() in _POSSESSIVES:
                    # "Ihre Forderung ist klar: „…“" — whose: the speaker of the sentence before
                    result = _previous_sentence(text, sentences, starts, quotation, quoted) or result
            if result is None:
                result = _next_sentence(text, sentences, starts, closing_sentence)
            if result is None and quotation.start == block.start and block_index > 0:
                prior = blocks[block_index - 1]  # "Sie sagte:" ending the paragraph before
                if text[prior.end - 1] == ":":
                    prior_sentence = _sentence_at(*sentences_of(prior), prior.end - 1, prior)
                    result = attribution_in_lead_in(text, prior_sentence.start, prior.end - 1)
            if result is None and not before.strip():
                result = _previous_sentence(text, sentences, starts, quotation, quoted)
                if result is not None and result[0].text.lower() in _PERSONAL_PRONOUNS and not _named_before(
                    text, blocks, block_index, sentences_of, quotation.start
                ):
                    result = None  # "Er warnte vor Panik." with no one named before it
            inherited = last.get(block.start)
            if inherited is not None and (result is None or _unnamed(result)):
                result = inherited, "follow-on"  # also for a bare „hieß es“ after a quote of the paragraph
            if result is None and not before.strip() and _FIRST_PERSON.search(quotation.text):
                result = _actor_before(text, sentences, starts, quotation, quoted)
                if result is not None and result[0].text.lower() in _PERSONAL_PRONOUNS and not _named_before(
                    text, blocks, block_index, sentences_of, quotation.start
                ):
                    result = None
        speaker, form = result if result else (None, None)
        if speaker is not None and kind == DIRECT and form not in ("follow-on",):
            last[block.start] = speaker
        found.append(Attribution(quotation, kind, speaker, form))
    return _share_continued(found)


def _without_dateline(text: str, block, sentences: tuple) -> tuple:
    """The sentences of a paragraph with a dateline at its start left out of the first: the place
    of „Berlin (dpa/AFP) – Der Minister nannte …“ is no word of the sentence, and never its
    speaker."""
    if block.kind not in ("paragraph", "teaser") or not sentences or sentences[0].start != block.start:
        return sentences
    first = sentences[0]
    if not dash_in(text, block.start, min(first.end, block.start + _DATELINE_REACH)):
        return sentences  # most paragraphs: no dash before their first sentence ends, no slicing
    length = dateline_length(text[block.start : block.start + _DATELINE_REACH])
    if not length or block.start + length >= first.end:
        return sentences
    return (Span(block.start + length, first.end, text[block.start + length : first.end]), *sentences[1:])


_DATELINE_REACH = 300  # characters: a dateline is short


def _may_be_followed_by_speaker(quotation: Quotation, after: str) -> bool:
    return after.lstrip()[:1] in (",", "–", "—", "(", "") or quotation.text.rstrip()[-1:] in ".!?…,"


def _comma_follows(quotation: Quotation, after: str) -> bool:
    """Whether a comma or dash follows the quote, as before an attribution: „…“, sagte sie — or
    stands inside its closing mark („…,“ sagte sie)."""
    return after.lstrip()[:1] in (",", "–", "—") or quotation.text.rstrip().endswith(",")


def _partial_speaker(
    text, quotation, after, after_end, sentence, closing_sentence, sentences, starts, inherited, quotations
) -> tuple[Span, str] | None:
    """The speaker of quoted words inside a sentence: after the quote, in its sentence — the
    subject of the main clause that holds it when that reports speech, else of a verb of saying in
    the clause of the quote or before it — or, when the sentence is in the subjunctive of reported
    speech, the speaker of the direct quote before it in the paragraph (`inherited`), or in the
    context."""
    result = _name_before_parentheses(text, quotation, sentence)
    if result is None and _may_be_followed_by_speaker(quotation, after):
        result = attribution_after(text, quotation.end, after_end, loose=False)
    if result is None:
        clause_start = text.rfind(";", sentence.start, quotation.start) + 1 or sentence.start  # "…; die Hacker …"
        whole = quotations.words_outside(text, Span(clause_start, closing_sentence.end, ""))
        quote_at = bisect.bisect_left([w.start for w in whole], quotation.start)
        if quote_at and ":" in text[whole[quote_at - 1].end : quotation.start]:
            whole, quote_at = whole[quote_at:], 0  # "X sagte: „…“ wird er zitiert": a clause of its own
        clause_end = next((i for i in range(quote_at, len(whole)) if "," in text[whole[i - 1].end : whole[i].start]), len(whole))
        speech = None
        if not _in_speaking_subclause(text, whole, quote_at, clause_end):  # "…, welche X als „…“ bezeichnete"
            speech = speech_in_sentence(text, whole[last_main_clause(text, whole, quote_at) :])
        if speech is None:  # "…, der die Entscheidung als „Verirrung“ bezeichnet, …"
            result = attribution_in_words(text, whole[:clause_end], "sentence") or attribution_in_words(
                text, whole[quote_at:], "sentence"
            )  # "…, so ein Sprecher."
        elif speech.speaker is not None:
            result = speech.speaker, "sentence"
        # else: the sentence names no one ("Zur Eröffnung wurde der Plan als „Flickwerk“ kritisiert.")
    if result is None and not _in_subjunctive(text, quotations, sentence, closing_sentence):
        return None  # a sentence in the indicative: the writer's own words, or its subject's
    if result is None and inherited is not None:
        result = inherited, "follow-on"
    if result is None:
        result = _context(text, sentences, starts, sentence, quotations)
    return result


def _in_speaking_subclause(text, words, quote_at: int, clause_end: int) -> bool:
    """Whether the quoted words stand in a relative or subordinate clause (after a comma, opened
    by a relative pronoun or a conjunction) that has a verb of saying of its own: „…, welche die
    Techniker als „Haufen“ bezeichnete“ — then that clause names the speaker."""
    start = next((i for i in range(min(quote_at, len(words) - 1), 0, -1) if "," in text[words[i - 1].end : words[i].start]), None)
    if start is None or words[start].lower not in _SUBCLAUSE_OPENERS:
        return False
    return any(is_cue(words, i, clause_end) for i in range(start + 1, clause_end))


_SUBCLAUSE_OPENERS = frozenset(
    "der die das welcher welche welches dass weil wenn als nachdem obwohl indem wie ob da".split()
)


def _unnamed(result: tuple[Span, str]) -> bool:
    """Whether an attribution names no source: a bare „„…“, hieß es.“"""
    return result[1].removesuffix(" es") in IT_SAYS and result[0].text.lower() == "es"


def _name_before_parentheses(text, quotation, sentence) -> tuple[Span, str] | None:
    """Trainer Löw („Wir haben verdient verloren“) — a quote that fills the parentheses right after
    a name: that name speaks."""
    start = max(sentence.start, quotation.start - _WINDOW)
    if not text[start : quotation.start].rstrip().endswith("(") or text[quotation.end : quotation.end + 1] != ")":
        return None
    paren = text.rindex("(", start, quotation.start)
    words = word_spans(text, start, paren)
    if not words or text[words[-1].end : paren].strip():
        return None
    first = len(words)  # a name: capitalised words only, not "hohe Einkommen („ab 250.000 Euro“)"
    while first > 0 and words[first - 1].text[0].isupper() and (first == len(words) or not text[words[first - 1].end : words[first].start].strip()):
        first -= 1
    if first == len(words) or words[first].lower in DETERMINERS or first and is_modifier(words[first - 1]):
        return None
    return Span(words[first].start, words[-1].end, text[words[first].start : words[-1].end]), "parentheses"


def _in_subjunctive(text, quotations, sentence, closing_sentence) -> bool:
    """Whether a sentence is reported speech: a subjunctive form in it, or its main verb in the
    subjunctive („Es drohe …“, „Außerdem halte die Fraktion …“)."""
    if not SUBJUNCTIVE.isdisjoint(lower_words(text, sentence.start, closing_sentence.end)):
        return True
    words = quotations.words_outside(text, Span(sentence.start, closing_sentence.end, ""))
    main = main_clause(text, words)
    return main is not None and is_subjunctive(words[main[0]].lower, main[1].text if main[1] else "")



def _sentence_at(sentences, starts, offset: int, block) -> Span:
    """The sentence of `block` (given its sentences and their starts) that holds `offset`: the
    last one that starts at or before it; the whole block when none does."""
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0:
        return sentences[index]
    return Span(block.start, block.end, block.text)


_NOT_LOOKED = object()  # the attribution after a quote, not looked for yet


def _kind(
    text, quotation, before, after, sentence, closing_sentence, interrupted, in_parentheses, loose=True
) -> tuple[str, object]:
    """The kind of a quotation, and the attribution right after it when that had to be looked for
    (else `_NOT_LOOKED`; `loose` as for `attribution_after`)."""
    inner = quotation.text.strip()
    count = _word_count(inner)  # up to four: all that decides
    lead = before.strip()
    tail = after.lstrip()
    standalone = (lead == "" or lead[-1] in ":–—-" or interrupted) and not in_parentheses
    ends_sentence = inner[-1:] in ".!?…" or tail[:1] in ("", ".", "!", "?", "…", ")") or quotation.continued
    if standalone and (tail[:1] in (",", "–", "—", "(") or inner.endswith(",")):
        following = attribution_after(text, quotation.end, quotation.end + len(after), loose)
        if following:
            return DIRECT, following
    else:
        following = _NOT_LOOKED
    if standalone and ends_sentence:
        if count >= 3 or inner[-1:] in ".!?…" or quotation.continued:
            return DIRECT, following
        return (DIRECT if lead.endswith(":") and attribution_in_clause(text, sentence.start, quotation.start) else OTHER), following
    if standalone and tail[:1] == "," and count >= 4:
        return DIRECT, following
    # inside a sentence: quoted words, or a name, title or term
    if _named(lead, inner):
        return OTHER, following
    if count >= 4 or (inner[:1].islower() and count >= 2):
        return PARTIAL, following
    if _reports_speech(text, sentence, closing_sentence):
        return PARTIAL, following
    return OTHER, following


def _named(lead: str, inner: str) -> bool:
    """Whether a quotation inside a sentence is the name of a paper, a work or the like: it opens
    with a capital, after a noun that names one („die französische Zeitung „Le Monde““, „ihr
    Roman „Die Hitze im März““; not „das Grundstück „gehört uns““, „das Parteimitglied „…““).
    (After an article alone it may as well be a word someone used: „warnte vor den
    „Lohnverzichtstheorien““.)"""
    if not inner[:1].isupper():
        return False
    last = lead[lead.rfind(" ") + 1 :]
    return last[:1].isupper() and last.lower().endswith(_NAMING_NOUNS)


#: nouns, or the ends of compounds, that name a paper, a programme or a work before its name
#: („Tageszeitung“, „Nachrichtenmagazin“, „Kriminalroman“; long enough to be no part of another
#: word: not „lied“ of „Mitglied“, „stück“ of „Grundstück“, „serie“ of „Pannenserie“)
_NAMING_NOUNS = tuple(
    """zeitung zeitschrift magazin sender portal nachrichtenagentur roman buch film fernsehserie
    album song titel theaterstück oper ausstellung sendung show podcast kolumne""".split()
)


def _word_count(text: str, most: int = 4) -> int:
    """How many words `text` has, counted up to `most` (a long quote is not read to its end)."""
    count = 0
    for _ in word_pattern(text, 0, len(text)).finditer(text):
        count += 1
        if count == most:
            break
    return count


_REPORTING = frozenset(SUBJUNCTIVE | {"laut", "zufolge"} | SPEECH_VERBS)


def _reports_speech(text, sentence, closing_sentence) -> bool:
    """Whether the sentence has a subjunctive, "laut", "zufolge" or a speech verb (a separable
    one with its particle after it)."""
    lower = lower_words(text, sentence.start, closing_sentence.end)
    if not _REPORTING.isdisjoint(lower):
        return True
    return any(
        not SEPARABLE_FINITE[word].isdisjoint(lower[i + 1 :])
        for i, word in enumerate(lower)
        if word in SEPARABLE_FINITE
    )


def _next_sentence(text, sentences, starts, sentence) -> tuple[Span, str] | None:
    """ „…“ Das sagte X am Montag. — the attribution in the next sentence of the paragraph
    (`sentences` and their `starts` are the paragraph's)."""
    index = bisect.bisect_right(starts, sentence.start)
    if index >= len(sentences):
        return None
    following = sentences[index]
    words = word_spans(text, following.start, following.end)
    if not words:
        return None
    if words[0].lower in NEXT_SENTENCE_OPENERS:
        for i in range(1, len(words)):
            if words[0].lower == "mit" and words[i].lower in QUOTE_NOUNS and i + 1 < len(words):
                # „Mit diesen Worten wandte sich X an …“, „Mit diesem Satz beginnt der Roman“
                found = subject_of_verb(text, words, i + 1, "next sentence")
                return (found[0], "next sentence") if found else None
            if is_cue(words, i, len(words)) or words[i].lower in QUOTE_NOUNS:
                speaker = speaker_after_cue(text, words, 2, len(words)) if len(words) > 2 else None
                if speaker is None:
                    found = subject_of_verb(text, words, i, "next sentence")
                    speaker = found[0] if found else None
                return (speaker, "next sentence") if speaker else None
        return None
    colon = following.text.find(": „")
    if colon > 0:  # „…“ Er fuhr fort: „…“
        return attribution_in_clause(text, following.start, following.start + colon, "next sentence")
    return None


#: possessive determiners: "Ihre Forderung", "Seine Antwort" point back to a speaker named before
_POSSESSIVES = frozenset("sein seine seiner seines seinem seinen ihr ihre ihrer ihres ihrem ihren".split())
#: pronouns that can point back to a speaker
_PERSONAL_PRONOUNS = frozenset(("er", "sie"))
_ANTECEDENT_SENTENCES = 3  # how many sentences before the speaker's a name it points back to may stand


def _lead_in(text, lead_ins, quotation, quotations, sentences, starts, sentence) -> tuple[Span, str] | None:
    """X sagte: „…“ — the speaker named in the lead-in before a colon (tried from each start in
    `lead_ins`, the part after a dash first): the speaker of its main clause, or — when that clause
    is reported speech in the subjunctive („Die Lage sei ernst: „…““) — the speaker of the
    sentences before; else a verb of saying anywhere in it. The words of quotations before it in
    the sentence are left out."""
    read = []  # the words of each lead-in, for the last resort below
    for start in lead_ins:
        words = quotations.words_outside(text, Span(start, quotation.start, ""))
        if SPEECH_WORDS.isdisjoint([w.lower for w in words]):
            continue  # nothing in it can report speech: its subject, if any, is read below
        read.append(words)
        words = words[last_main_clause(text, words, len(words)) :]  # "Die Menge skandierte, und der Redner rief:"
        main = main_clause(text, words)
        if main is not None and is_subjunctive(words[main[0]].lower, main[1].text if main[1] else ""):
            # reported speech: its source in the lead-in („…, so Elshorst weiter:“), else the context
            found = attribution_in_words(text, words, "colon", verbs=False) or _context(
                text, sentences, starts, sentence, quotations
            )
            if found is not None:
                return found
        speech = speech_in_sentence(text, words, main) if main is not None else None
        if speech is not None and speech.speaker is not None:
            return speech.speaker, "colon"
    return next(filter(None, (attribution_in_words(text, words, "colon") for words in read)), None)


def _previous_sentence(text, sentences, starts, quotation, quotations) -> tuple[Span, str] | None:
    """ Die Gewerkschaft reagierte empört. „…“ — the speaker of the sentence before the quote's
    (in its paragraph: `sentences` and their `starts` are the paragraph's), when it reports what
    its subject said, demanded, warned, announced or how it reacted. The words of quotations in
    that sentence are left out („Er sagte: „Ich warne …““ — the speaker is „Er“)."""
    index = bisect.bisect_right(starts, quotation.start) - 1
    for back in range(index - 1, max(index - 1 - _REPORTED_SENTENCES, -1) - 1, -1):
        if back < 0:
            return None
        prior = sentences[back]
        words = quotations.words_outside(text, _head(prior))
        dash = start_of_last_part(text, prior.start, prior.end)  # "Stuttgart – Der Elternbeirat reagierte …"
        speech = speech_in_sentence(text, [w for w in words if w.start >= dash]) if dash > prior.start else None
        if speech is None:
            speech = speech_in_sentence(text, words)
        if speech is not None:
            if speech.speaker is None or _institution(speech.speaker) and _FIRST_PERSON_SINGULAR.search(quotation.text):
                return None  # „Von der Opposition wurde der Besuch kritisiert. „Ich finde …““: one person, not named
            return speech.speaker, "previous sentence"
        if not _reported(text, words) or "\n" in text[prior.end : quotation.start]:
            return None  # the quote on a line of its own after reported speech: a new voice, maybe
    return None  # "Die Ärztin warnte vor der Krankheit. Masern seien keine harmlose … „…“": the warner's


def _institution(speaker: Span) -> bool:
    """Whether a speaker is an institution or a body, not a person: its noun ends as the names of
    bodies do („die Regierung“, „der Opposition“, „Die neue Landesregierung“; not „Der Sprecher der
    Gewerkschaft“). Such a speaker says „wir“; a quote saying „ich“ after it is some person's,
    whom the text does not name."""
    words = speaker.text.split()
    if len(words) < 2 or words[0].lower() not in DETERMINERS:
        return False
    noun = next((word for word in words[1:] if word[:1].isupper()), "")
    return noun.endswith(NOUN_ENDINGS)


def _actor_before(text, sentences, starts, quotation, quotations) -> tuple[Span, str] | None:
    """ Katja Brunner hat den Assistenten abgeschaltet. „Er hat mich Nerven gekostet.“ — a quote
    in the first person right after a sentence whose subject is a person and the only one the
    sentence names: named in full („Katja Brunner“, „Trainerin Eva Roth“; not „Die
    Gewerkschaft“); or, when the quote says „ich“, by surname alone („Fries verzichtete auf einen
    Torjubel. „Ich habe hier drei schöne Jahre gehabt.““) or a pronoun (the caller checks that
    someone was named before it). Not a surname alone before „wir“: the quote may speak of him."""
    index = bisect.bisect_right(starts, quotation.start) - 1
    if index < 1:
        return None
    prior = sentences[index - 1]
    words = quotations.words_outside(text, _head(prior))
    main = main_clause(text, words)
    subject = main[1] if main is not None else None
    if subject is None:
        return None
    first_words = subject.text.split()[:2]
    singular = _FIRST_PERSON_SINGULAR.search(quotation.text) is not None
    if first_words[0].lower() in _PERSONAL_PRONOUNS:  # „Er (selbst) blieb bescheiden.“
        return (subject, "previous sentence") if singular and first_words[1:] in ([], ["selbst"]) else None
    if not first_words[0][:1].isupper() or first_words[0].lower() in _NOT_NAMES:
        return None
    in_full = len(first_words) == 2 and first_words[1][:1].isupper()
    if not in_full and not singular:
        return None
    named = [pair for pair in zip(words, words[1:]) if pair[0].start >= subject.end and _names_someone(*pair)]
    return None if named else (subject, "previous sentence")


def _names_someone(first, second) -> bool:
    """Whether two words name someone: two capitalised words, no article („Nova Meierhenrich“)."""
    return first.text[:1].isupper() and second.text[:1].isupper() and first.lower not in _NOT_NAMES


#: pronouns that open a sentence as its subject („Das gelte …“, „Er habe …“)
_PRONOUN_SUBJECTS = frozenset("das dies es er sie man".split())
#: words that open a subject that names no one by name: articles, quantities, pronouns
_NOT_NAMES = DETERMINERS | _PRONOUN_SUBJECTS | frozenset("wir ich diese dieser dieses jeder alle".split())
#: words of a quote in the first person: its speaker is someone the text has named
_FIRST_PERSON = re.compile(r"\b(?:ich|mich|mir|mein\w*|wir|uns|unser\w*)\b", re.IGNORECASE)
_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:ich|mich|mir|mein\w*)\b", re.IGNORECASE)


#: sentences of reported speech in the subjunctive that may stand between a quote and the
#: sentence naming who speaks („Roth warnte. Masern seien gefährlich. „…““)
_REPORTED_SENTENCES = 2


def _reported(text: str, words: list) -> bool:
    """Whether a sentence (given as its words) is reported speech with no speaker of its own: its
    finite verb, among its first words, in the subjunctive („Masern seien keine harmlose
    Kinderkrankheit.“, „In seltenen Fällen könne …“, „Sie verstehe den Schmerz.“)."""
    if len(words) > 1 and words[0].lower in _PRONOUN_SUBJECTS and is_subjunctive(words[1].lower, words[0].text):
        return True  # a pronoun the clause finder passes over: „Das gelte auch für Erwachsene.“
    return any(word.lower in SUBJUNCTIVE for word in words[:_VERB_REACH])  # „Entscheidend sei nun, …“


_VERB_REACH = 8  # words: the finite verb of a main clause stands second, after a phrase at most


class _Quoted:
    """The top-level quotations of an article in order, and the words of a stretch of text that
    stand outside them (found by bisecting, so that an article with many quotes stays linear)."""

    __slots__ = ("ends", "quotations")

    def __init__(self, quotations: list[Quotation]) -> None:
        self.quotations = quotations
        self.ends = [q.end for q in quotations]

    def words_outside(self, text: str, span) -> list:
        index = bisect.bisect_right(self.ends, span.start)
        start, words = span.start, []
        while index < len(self.quotations) and self.quotations[index].start < span.end:
            quotation = self.quotations[index]
            if quotation.start > start:
                words += word_spans(text, start, quotation.start)
            start = max(start, quotation.end)
            index += 1
        if start < span.end:
            words += word_spans(text, start, span.end)
        return words


def _head(sentence) -> Span:
    """The start of a sentence, as far as its main clause is looked for (a very long one is not
    read to its end)."""
    return Span(sentence.start, min(sentence.end, sentence.start + _HEAD), "")


_HEAD = 800  # characters


def _named_before(text, blocks, block_index, sentences_of, offset) -> bool:
    """Whether someone is named before `offset` that a pronoun can point back to: the subject of
    one of the sentences before it, in its paragraph or the block before, is a noun phrase."""
    checked = 0
    for number in range(block_index, max(block_index - 2, -1), -1):
        block = blocks[number]
        if block.kind == "headline":
            break
        sentences, starts = sentences_of(block)
        index = bisect.bisect_right(starts, offset) - 2 if number == block_index else len(sentences) - 1
        for sentence in sentences[max(index - _ANTECEDENT_SENTENCES, -1) + 1 : index + 1][::-1]:
            found = lead_in_subject(text, sentence.start, _head(sentence).end)
            if found is not None and found[0].text.lower() not in _PERSONAL_PRONOUNS:
                return True
            checked += 1
            if checked > _ANTECEDENT_SENTENCES:
                return False
    return False


def _context(text, sentences, starts, sentence, quotations) -> tuple[Span, str] | None:
    """For quoted words in reported speech: the speaker of a sentence shortly before, in the
    same paragraph (`sentences` and their `starts` are the paragraph's), that reports what
    someone said — the speaker of its main clause, else of a verb of saying anywhere in it."""
    index = bisect.bisect_right(starts, sentence.start) - 2
    for index in range(index, max(index - 3, -1), -1):
        speech = speech_in_sentence(text, quotations.words_outside(text, _head(sentences[index])))
        if speech is not None:  # its main clause reports speech: by whom, or by no one named
            if speech.speaker is not None:
                return speech.speaker, "context"
            continue
        found = attribution_in_clause(text, sentences[index].start, sentences[index].end, "context")
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
