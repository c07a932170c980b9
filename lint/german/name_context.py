"""What an article shows about two close spellings: two names on purpose, or two people.

Spellings one edit apart can be one name spelt two ways, or two names that happen to look alike.
The article often tells which:

- `alternatives`: one spelling given as another name of the other, on purpose: in parentheses
  right after it („Nawalny (englisch Navalny)“, „Kyjiw (Kiew)“), or introduced as such („Lwiw,
  früher Lemberg“, „Georg, auch Schorsch genannt“, „Pjöngjang, auf Englisch Pyongyang“, „Die
  Stadt, auch Kiev genannt“).
- `different_entities`: two people or things: each a real name with its own first name or
  surname („Lukas Berger“ and „Lucas Moura“; „Thomas Hofer“ and „Michael Hofner“) or its own role
  („Trainer Hofer“, „Verteidiger Hofner“), or named side
  by side in one enumeration or results table („Hofer, Hofner, Maier“ in a line-up). A spelling
  that is no name at all („Rsfael“, „Hubre“) beside a real one is a slip, even beside two people
  of the same first name or surname; spellings that differ in capitals only are one name.
"""

from __future__ import annotations

import bisect
from typing import Iterable, Iterator

import regex

from newslint.german.distance import one_edit_apart
from newslint.german.mentions import DETERMINERS
from newslint.german.transliteration import same_name
from newslint.german.frequency import indexed
from newslint.german.word_forms import fold
from newslint.german.word_forms import zipf as _zipf

#: the languages a name may be given in („auf Polnisch Lwów“, „ukrainisch Kyjiw“)
_LANGUAGES = ("Englisch", "Deutsch", "Russisch", "Ukrainisch", "Arabisch", "Koreanisch", "Chinesisch",
              "Französisch", "Polnisch", "Türkisch", "Serbisch", "Kroatisch")
_IN_LANGUAGE = (rf"(?:auf|im)\s+(?:{'|'.join(_LANGUAGES)})(?:en)?"
                rf"|{'|'.join(language.lower() for language in _LANGUAGES)}|engl\.")
#: what stands between a name and another name given for it on purpose
_ALTERNATIVE = regex.compile(
    rf"""^\s*(?:,\s*)?(?:\(\s*)?(?:(?:auch|früher|ehemals|einst|vormals|heute|eigentlich|alias|oder
    |bzw\.|beziehungsweise|kurz|amtlich|offiziell|als|genannt|Schreibweise|in\s+der\s+Schreibweise
    |{_IN_LANGUAGE})\s*:?\s*)*$""",
    regex.VERBOSE,
)
#: a name introduced as another name: „…, auch Kiev genannt, …“; or as its name in a language:
#: „…, das auf Deutsch lange Lemberg hieß und auf Polnisch Lwów“
_CALLED_BEFORE = regex.compile(r"\bauch\s+$")
_CALLED_AFTER = regex.compile(r"\s+(?:genannt|geschrieben)\b")
_LANGUAGE_BEFORE = regex.compile(rf"\b(?:{_IN_LANGUAGE})\s*:?\s+$")
_GAP = 60  # characters at most between a name and its alternative
_PARENTHESIS = regex.compile(r"^\s*\([^()\n]*$")
#: what separates the names of an enumeration
_ENUMERATION = regex.compile(r"[,;/]|\s[–—-]\s|\b(?:und|sowie|oder|bzw\.|gegen)\b")
_ENUMERATION_GAP = 120
#: the only lower-case words an enumeration of names has between them
_LIST_WORDS = frozenset("und sowie oder bzw gegen van de da del di le la".split())
_WORD = regex.compile(r"\p{L}+")
_NEXT_WORD = regex.compile(r"[ \xa0](\p{L}+)\b")
_LOWER_PART = regex.compile(r"-\p{Ll}")
_PREVIOUS_ABBREVIATION = regex.compile(r"\b\p{Lu}{2,4}[ \xa0]$")
#: lower-case particles of names in other languages („delle Tofane“, „de Janeiro“)
_FOREIGN_PARTICLES = frozenset("di de del della delle dei degli da do dos du la le los las van".split())
_ENTRY = regex.compile(r"\s*(?:\d{1,3}[.)]|[-–•*])\s")
#: a line-up: names between commas, semicolons and dashes, a player perhaps with the minute of
#: a substitution („Lackner (70. Eder)“)
_LINE_UP_ITEMS = regex.compile(r"[,;]|\s[–—-]\s")
_LINE_UP_ITEM = regex.compile(
    r"(?:\p{Lu}\.\s?)?\p{Lu}[\p{L}\p{M}'-]*(?:\s\p{Lu}[\p{L}\p{M}'-]*){0,2}\.?(?:\s\([^()]*\))?"
)
_LINE_UP_SIZE = 4
_FOREIGN_ACCENT = regex.compile(r"[^\p{ASCII}äöüÄÖÜß]")
#: capitalised words before a name that are roles, not first names ("Trainer Hofer")
_ROLES = frozenset(
    """Herr Frau Dr Prof Professor Präsident Präsidentin President Kanzler Kanzlerin Minister
    Ministerin Trainer Trainerin Coach Manager Managerin Chef Chefin Direktor Direktorin Kapitän
    Kapitänin Sprecher Sprecherin Bürgermeister Bürgermeisterin Abgeordnete Abgeordneter Richter
    Richterin Pfarrer Bischof Papst König Königin Prinz Prinzessin General Oberst Sir Lord Lady
    Mister Monsieur Madame Premier Premierminister Premierministerin Senator Senatorin Gouverneur Gouverneurin Stürmer Verteidiger
    Torhüter Torwart Mittelfeldspieler Spieler Spielerin Regisseur Regisseurin Autor Autorin
    Sänger Sängerin Schauspieler Schauspielerin Kollege Kollegin Landeshauptmann Landesrat
    Landesrätin Stadtrat Stadträtin Bundesrat Bundesrätin Nationalrat Nationalrätin""".split()
)
#: small words capitalised at the start of a sentence ("In Düsseldorf"), never names
_FUNCTION_WORDS = DETERMINERS | frozenset(
    """in an auf aus bei mit nach von zu für über unter vor hinter neben zwischen durch gegen ohne
    um seit bis als wie und oder aber doch denn so auch nur noch schon dann da dort hier heute
    gestern morgen nun jetzt er sie es wir ihr ich du man was wer wo wenn weil dass ob nicht
    ist war hat wird wurde sind waren haben hatte laut trotz wegen während mehr""".split()
)
#: a neighbouring word at least this common in English (Zipf), or rarer than this in German, may
#: be a first name or surname — unless it is this much more common in German than in English: a
#: German word that English text has in names only („Familie“, „Deutscher“, „Schweizer“)
_NAME_IN_ENGLISH = 2.0
_RARE_IN_GERMAN = 3.0
_GERMAN_WORD_GAP = 2.5
#: English words that make a place or person's name into the name of an organisation or event
_NAME_MAKERS = frozenset(
    """Film Festival Insurance Independent Post Times News Group Bank Airlines Airways Airport
    University College Institute Company Club United City Open Cup Masters Award Awards Games
    Marathon Orchestra Opera Theatre Theater Museum Gallery Hotel Tower Street Square Park Center
    Centre Council Foundation Fund Capital Partners Holdings Motors Energy Journal Herald Tribune
    Daily Magazine Records Studios Pictures Entertainment Railways Express Mail Review Weekly
    Pride Marathon Stock Exchange Fashion Week Biennale Symphony Philharmonic""".split()
)


def alternatives(prose: str, mentions, pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """The pairs (of `pairs`) of which the article gives one as another name of the other, or
    introduces one as another name of what it speaks of („Die Stadt, auch Kiev genannt, …“)."""
    pairs = list(pairs)
    wanted = {form for pair in pairs for form in pair}
    found = sorted((m for m in mentions if m.text in wanted), key=lambda m: m.start)
    given = set()
    for first, second in zip(found, found[1:]):
        if first.text != second.text and _given_as_alternative(prose[first.end : second.start]):
            given.add(frozenset((first.text, second.text)))
    named_so = {m.text for m in found if called_so(prose, m.start, m.end)}
    return {pair for pair in pairs if frozenset(pair) in given or named_so & set(pair)}


class NamePlaces:
    """Where names stand in an article: spans sorted by start and by end, so that the ones close
    before or after a span are found by bisection (a text with thousands of names stays linear)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._by_start = sorted(spans)
        self._starts = [start for start, _end in self._by_start]
        self._by_end = sorted(self._by_start, key=lambda span: span[1])
        self._ends = [end for _start, end in self._by_end]

    def after(self, end: int) -> Iterator[tuple[int, int]]:
        """The spans that start at most _GAP characters after `end`, nearest first."""
        index = bisect.bisect_left(self._starts, end)
        while index < len(self._starts) and self._starts[index] - end <= _GAP:
            yield self._by_start[index]
            index += 1

    def before(self, start: int) -> Iterator[tuple[int, int]]:
        """The spans that end at most _GAP characters before `start`, nearest first."""
        index = bisect.bisect_right(self._ends, start) - 1
        while index >= 0 and start - self._ends[index] <= _GAP:
            yield self._by_end[index]
            index -= 1


def called_so(prose: str, start: int, end: int) -> bool:
    """Whether the name prose[start:end] is introduced as another name of what the sentence
    speaks of („Die Stadt, auch Kiev genannt, …“), or as its name in a language („…, das auf
    Deutsch lange Lemberg hieß und auf Polnisch Lwów“)."""
    return bool(_CALLED_BEFORE.search(prose, max(0, start - 20), start) and _CALLED_AFTER.match(prose, end)
                or _LANGUAGE_BEFORE.search(prose, max(0, start - 30), start))


def given_beside(prose: str, start: int, end: int, others: NamePlaces) -> bool:
    """Whether one of the names `others` stands right before or after prose[start:end] as
    another name given for it on purpose („Kyjiw (Kiew)“)."""
    for other_start, _other_end in others.after(end):
        if _given_as_alternative(prose[end:other_start]):
            return True
    for _other_start, other_end in others.before(start):
        if _given_as_alternative(prose[other_end:start]):
            return True
    return False


def _given_as_alternative(gap: str) -> bool:
    """Whether `gap`, between two names, gives the second as another name of the first: words
    of naming, or an opening parenthesis with a short remark („(in deutschen Medien meist …“)."""
    if len(gap) > _GAP:
        return False
    return bool(_ALTERNATIVE.match(gap)) or bool(_PARENTHESIS.match(gap))


def different_entities(article, mentions, pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """The pairs (of `pairs`) that the article shows to be two people or things: each spelling
    with its own first name or surname, or both in one enumeration."""
    pairs = list(pairs)
    if not pairs:
        return set()
    wanted = {form for pair in pairs for form in pair}
    prose = article.prose
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    roles: dict[str, set[str]] = {}
    places: dict[str, list[tuple[int, int]]] = {}
    for mention in mentions:
        if mention.text not in wanted:
            continue
        places.setdefault(mention.text, []).append((mention.start, mention.end))
        words, index = article.words_around(mention.start, 1)
        if index < 0 or words[index].start != mention.start:
            continue  # a part of a hyphenated word
        if index > 0 and _name_next_to(prose, words[index - 1], words[index]):
            before.setdefault(mention.text, set()).add(words[index - 1].text)
        elif index > 0 and (role := _role(prose, words[index - 1], words[index])) is not None:
            roles.setdefault(mention.text, set()).add(role)
        if index + 1 < len(words) and words[index].end == mention.end \
                and _name_next_to(prose, words[index], words[index + 1], words[index + 1], after=True):
            after.setdefault(mention.text, set()).add(words[index + 1].text)
    apart = set()
    for a, b in pairs:
        if a.casefold() != b.casefold() and _two_entities(a, b, before, after, roles, places, article):
            apart.add((a, b))
    return apart


def _two_entities(a: str, b: str, before: dict, after: dict, roles: dict, places: dict, article) -> bool:
    real_a, real_b = _real_name(a), _real_name(b)
    if real_a == real_b:  # both real names, or both unknown: lists can tell
        spans_a, spans_b = places.get(a, ()), places.get(b, ())
        if _enumerated(article.prose, spans_a, spans_b) or _listed(article, spans_a, spans_b):
            return True  # side by side in a line-up or a results table („6. Martina Hofer“, „9. Martina Hofner“)
    if _shared(before.get(a), before.get(b)) or _shared(after.get(a), after.get(b)):
        return False  # a first name or surname in common: one person („Thmoas Gottschalk“)
    if _own_names(before.get(a), before.get(b)):
        return True  # surnames with first names of their own: „Marco Wörgötter“, „Mario Wörgetter“
    if real_a and real_b and _listed(article, places.get(a, ()), places.get(b, ()), _line_up):
        return True  # players of two line-ups: „Spittal: Pichler; Hofer, …“, „Lendorf: Graber; Hofner, …“
    if real_a and real_b and roles.get(a) and roles.get(b) and roles[a].isdisjoint(roles[b]):
        return True  # each with a role of its own: „Trainer Hofer“, „Verteidiger Hofner“
    # first names with surnames of their own, known or not: „Lukas Berger“, „Lucas Moura“; „Björn
    # Borg“, „Bjorn Fratangelo“
    return real_a and real_b and _own_names(after.get(a), after.get(b), known=False)


def _listed(article, spans_a, spans_b, entry=lambda text: _ENTRY.match(text) is not None) -> bool:
    """Whether both spellings stand in entries of a list or results table, each entry a line of
    its own starting with a rank or a bullet („6. Martina Hofer (AUT) +0,56“) — or in other
    blocks that are `entry`."""
    def entries(spans):
        return {block.start for start, _end in spans
                if (block := article.block_at(start)) is not None and entry(block.text)}

    found_a = entries(spans_a)
    return bool(found_a) and bool(entries(spans_b) - found_a)


def real_name(form: str, lang: str = "") -> bool:
    """Whether a spelling is a name of its own (see `_real_name`); in a quotation in a language
    other than German and English (`lang`), every spelling is taken for one."""
    return _real_name(form) or lang not in ("", "de", "en")


def _real_name(form: str) -> bool:
    """Whether a spelling is a name of its own, not a slip: known to word-frequency data, or
    written with the accents of another language („Jonás“, „Raúl“). „Rsfael“ is a slip for the
    „Rafael“ of two different people, not a third name."""
    if "-" in form.strip("-"):
        return all(_real_name(part) for part in form.split("-") if part)  # „Ramos-Horta“
    return bool(_FOREIGN_ACCENT.search(form)) or zipf(form) > 0 or zipf(form, "en") > 0


def _name_next_to(prose: str, left, right, name=None, after: bool = False) -> bool:
    """Whether `name` (the left word, unless given) is a name standing right next to the other
    word: one space between, capitalised, not a role and not a small word. A word before a name
    may be a German common noun („der Italiener Trapattoni“); one after a first name (`after`)
    is its surname („Sergej Magnitski“, „Sergei Lawrow“)."""
    name = name or left
    text = name.text
    if prose[left.end : right.start] not in (" ", "\xa0") or not text[:1].isupper() or text.isupper():
        return False
    if text in _ROLES or len(text) < 2 or text.lower() in _FUNCTION_WORDS:
        return False
    if after:
        return True
    if _ends_in_role(text):
        return False  # „Bayern-Coach Brandl“, „Ratspräsident Costa“
    # names travel: a first name or surname is found in English text too, or is rare in German;
    # a German common noun („Italiener“, „Stürmer“, „Anfang“, „Familie“) is neither
    german, english = zipf(text), zipf(text, "en")
    return (english >= _NAME_IN_ENGLISH or german < _RARE_IN_GERMAN) and german - english < _GERMAN_WORD_GAP


def _role(prose: str, left, right) -> str | None:
    """The role that the word `left` gives the name right after it („Trainer Hofer“,
    „Bayern-Trainerin Hofer“), the same for women and men; None when it gives none."""
    if prose[left.end : right.start] not in (" ", "\xa0"):
        return None
    role = left.text.rsplit("-", 1)[-1]
    if role not in _ROLES:
        return None
    return role[:-2] if role.endswith("in") and role[:-2] in _ROLES else role


def _ends_in_role(word: str) -> bool:
    """Whether a word is a role made longer: „Bayern-Coach“, „Ratspräsident“, „Ex-Trainer“."""
    tail = word.rsplit("-", 1)[-1]
    if tail != word and tail[:1].isupper() and tail in _ROLES:
        return True
    lowered = word.lower()
    return any(lowered.endswith(role.lower()) and len(role) >= 5 and len(word) > len(role) + 2 for role in _ROLES)


def _own_names(names_a: set[str] | None, names_b: set[str] | None, known: bool = True) -> bool:
    """Whether two spellings each come with names of their own, none shared or alike; `known`:
    real names (see `_real_name`), as first names are — many a surname is not."""
    if not names_a or not names_b or (known and not all(map(_real_name, names_a | names_b))):
        return False
    return not any(_alike(x, y) for x in names_a for y in names_b)


def _shared(names_a: set[str] | None, names_b: set[str] | None) -> bool:
    """Whether two spellings share a neighbouring name, or one alike."""
    return bool(names_a and names_b) and any(_alike(x, y) for x in names_a for y in names_b)


def _line_up(text: str) -> bool:
    """Whether a block is a line-up: after an optional „Team:“, at least four items between commas,
    semicolons or dashes, each one to three capitalised words or initials („Pichler; Hofer,
    Kogler, Koger, Mair; S. Wimmer, …“)."""
    items = [item.strip() for item in _LINE_UP_ITEMS.split(text.split(":", 1)[-1]) if item.strip()]
    return len(items) >= _LINE_UP_SIZE and all(_LINE_UP_ITEM.fullmatch(item) for item in items)


def _alike(x: str, y: str) -> bool:
    """Whether two neighbouring names may be one: the same, one transliterated two ways, or one a
    slip for the other ("Marco" and "Mario" are two names; "Rsfael" is a slip for "Rafael")."""
    if fold(x) == fold(y) or same_name(x, y):  # „Jaroslaw“ and „Yaroslav“: one name transliterated
        return True
    return one_edit_apart(fold(x), fold(y)) and not (_real_name(x) and _real_name(y))


def _enumerated(prose: str, spans_a, spans_b) -> bool:
    """Whether a mention of one spelling and one of the other stand in one enumeration: close
    together, with a comma, "und" or the like between them and nothing but names, numbers and
    such separators ("Hofer; Hofner, Schmid", "Lukas Berger, Lucas Moura")."""
    for a_start, a_end in spans_a:
        for b_start, b_end in spans_b:
            left_end, right_start = (a_end, b_start) if a_end <= b_start else (b_end, a_start)
            gap = prose[left_end:right_start]
            if 0 < len(gap) <= _ENUMERATION_GAP and "\n" not in gap and _ENUMERATION.search(gap) \
                    and all(word in _LIST_WORDS or word[0].isupper() and word.lower() not in _FUNCTION_WORDS
                            for word in _WORD.findall(gap)):
                return True
    return False


def zipf(word: str, lang: str = "de") -> float:
    """How common a word is (see `newslint.german.word_forms.zipf`); 0 for words the index does
    not hold („Ramos-Horta“), which would load all of wordfreq's list for one guess."""
    return _zipf(word, lang) if indexed(word) else 0.0


def in_proper_name(prose: str, start: int, end: int, before_names: bool = True) -> bool:
    """Whether the name at prose[start:end] is part of a longer proper name that keeps its own
    spelling: followed by an English word that makes names of organisations and events („Kyiv
    Independent“, „Zurich Film Festival“) or a particle of another language („Olimpia delle
    Tofane“), or the first part of a name like „Ching-te“. With `before_names`, any word more common in English than in German, or rare in
    German, after it counts too („Beijing Guoan“, „Kyiv Post“), and so does an abbreviation
    before it („FC Kyiv“); without, a first name before a surname („Michael Jackson“, „Rafael
    Correa“) stays a name of its own, and „1. FC Köln“ is Köln."""
    after = _NEXT_WORD.match(prose, end)
    if after:
        word = after.group(1)
        if word in _FOREIGN_PARTICLES:
            return True
        if word in _NAME_MAKERS or before_names and word[:1].isupper() and (
                zipf(word, "en") > zipf(word) or zipf(word) < _RARE_IN_GERMAN):
            return True
    if _LOWER_PART.match(prose, end):
        return True
    return before_names and _PREVIOUS_ABBREVIATION.search(prose, max(0, start - 6), start) is not None
