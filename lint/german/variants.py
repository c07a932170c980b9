"""Spellings of one name that differ ("Pjönjang", "Pjöngjang"), grouped, and the one to write.

The mentions come from `newslint.german.mentions`, the forms of a word from
`newslint.german.word_forms`.

`variant_groups(mentions)` gathers them into names, each with its inflected forms (Kiew, Kiews,
Kiewer are one name, and so are Nordkorea, Nordkoreas, Nordkoreaner), and finds names that are
spelt alike but not the same: one edit apart (a letter left out, added, changed, or two swapped)
or differing only in accents ("Pjöngjang"/"Pjongjang"). It takes mentions from one article or
from many, so an audit of an archive can use it as well. `close_pairs(name_forms(article))` is
the cheap first look: most articles have no two name-like words spelt alike.

Two spellings that are both common words ("Kiel"/"Kiew", "Bonn"/"Bern", "Miller"/"Müller") are
different names, not variants; so are spellings whose first letters differ
("Nordkorea"/"Südkorea"), and common nouns are left out (see `is_common_noun`). Which spelling
is right comes from the evidence, in this order: the house list of preferred spellings, a name's
inner capitals, German press transliteration of a name from another script (in German text),
word-frequency data (the `wordfreq` package, loaded only when a pair of spellings needs it), then
the majority of mentions. When none decides, the group says so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import sub
from typing import Iterable, Mapping, Sequence

from newslint.german import transliteration
from newslint.german.distance import edit_distance, one_edit_apart
from newslint.german.mentions import Mention
from newslint.german.typos import made_of_words
from newslint.german.word_forms import (
    MIN_STEM,
    NOUN_ENDINGS,
    SUFFIXES,
    UMLAUTS,
    fold,
    person_and_field,
    stems,
    with_ending,
    zipf,
)

#: names that German writes with an article ("der Iran", "die Schweiz"), which would otherwise
#: look like common nouns
NAMES_WITH_ARTICLE = frozenset(
    """Iran Irak Jemen Libanon Sudan Südsudan Tschad Niger Kongo Senegal Kosovo Vatikan Kreml
    Türkei Schweiz Ukraine Slowakei Mongolei Krim Niederlande Philippinen Malediven Bahamas
    Elfenbeinküste Karibik Arktis Antarktis""".split()
)

#: two spellings that are both at least this common (Zipf scale) are different words
DISTINCT_ZIPF = 2.5
#: a word at least this common in German text counts as known there (Zipf scale)
_SEEN_IN_GERMAN = 1.0
#: compounds that end in the same common word of this length are different words
_COMPOUND_TAIL = 6
_COMMON_TAIL_ZIPF = 3.0
_FIRST_PART_ZIPF = 2.0
_PLURAL_STEM = 5
_COMMON_STEM_ZIPF = 2.5

#: the common spelling must be this much more frequent (Zipf scale: a factor of ten) to win, and
#: this much (a factor of a hundred) to win over a spelling the article uses more often: „Israel“
#: over „Isreal“, not „Kofler“ over the „Ingrid Koffler“ of the article
FREQUENCY_MARGIN = 1.0
OUTVOTED_MARGIN = 2.0
#: a rare word once beside a name this much more common (Zipf), used this often, is a slip
_RARE_GAP = 1.5
_COMMON_COUNT = 3
#: a word at least this common (Zipf) is known for sure: a spelling that no data knows beside it
#: is its typo
_KNOWN_WORD_ZIPF = 2.0
#: a spelling at most this common (Zipf) and this much rarer than a known word is its misspelling
_TYPO_ZIPF = 1.5
_TYPO_GAP = 3.0
#: a part of a compound this common (Zipf) is a word for sure; parts are looked for this far
#: around the letter where two spellings differ
_KNOWN_PART_ZIPF = 3.5
_PART_GAP = 2.5
_PART_REACH = 12


@dataclass(frozen=True)
class Spelling:
    """One name as written in one way, with its inflected forms: `forms` maps each form to its
    mentions, `count` adds them up, `zipf` is how common the most common form is in German."""

    forms: Mapping[str, int]
    count: int
    zipf: float

    @property
    def form(self) -> str:
        """The form that stands for the spelling: the most frequent, the shortest on a tie."""
        return min(self.forms, key=lambda form: (-self.forms[form], len(form), form))


@dataclass(frozen=True)
class VariantGroup:
    """Spellings of one name that differ, in order of first mention.

    `preferred` is the spelling to use, or None when the evidence is even; `evidence` says what
    decided: "house" (the house list), "casing" (a name's own inner capitals: "YouTube"),
    "transliteration" (one name transliterated two ways: German press transliteration, in German
    text), "frequency" (word-frequency data), "majority" (more mentions) or "even" (nothing
    decides).
    """

    spellings: tuple[Spelling, ...]
    preferred: Spelling | None
    evidence: str

    def spelling_of(self, form: str) -> Spelling | None:
        return next((s for s in self.spellings if form in s.forms), None)


# -- variant groups -------------------------------------------------------------------------


def variant_groups(
    found: Iterable[Mention],
    preferred: Mapping[str, str] | None = None,
    among: set[tuple[str, str]] | None = None,
    per_article: bool = True,
    german: bool = True,
) -> list[VariantGroup]:
    """Group the mentions' spellings that differ, and decide which of each group to use.

    `preferred` maps each house-preferred spelling to itself (variants may map to their
    preferred spelling too); a group that holds a preferred spelling prefers it. Groups of
    common nouns are left out (see `is_common_noun`) unless a spelling is a certain typo of
    another (see `_certain_typos`). `among` may give the close pairs of a set of forms that holds
    every mention's (`close_pairs(name_forms(article))`), so that they are not looked for again;
    pairs left out of it are not compared. `per_article`: the mentions are one article's, not an
    archive's (see `_different_names`). `german`: the text is German, whose press writes a name
    from another script its own way („Medwedew“, not „Medvedev“).
    """
    preferred = preferred or {}
    counts: Counter[str] = Counter()
    determined: Counter[str] = Counter()
    for mention in found:
        counts[mention.text] += 1
        determined[mention.text] += mention.determined
    if len(counts) < 2:
        return []

    if among is None:
        pairs = close_pairs(counts)
    else:  # whether two forms are close depends on the two alone
        pairs = {(a, b) for a, b in among if a in counts and b in counts}
    if not pairs:
        return []
    lexeme_of = _lexemes(counts, pairs)

    members: dict[int, dict[str, int]] = {}
    for form, count in counts.items():
        members.setdefault(lexeme_of[form], {})[form] = count
    spellings: dict[int, Spelling] = {}

    def spelling(lexeme: int) -> Spelling:
        if lexeme not in spellings:
            forms = members[lexeme]
            spellings[lexeme] = Spelling(forms, sum(forms.values()), max(map(zipf, forms)))
        return spellings[lexeme]

    edges = {
        (min(lexeme_of[a], lexeme_of[b]), max(lexeme_of[a], lexeme_of[b]))
        for a, b in pairs
        if lexeme_of[a] != lexeme_of[b]
        and not _different_names(a, b, spelling(lexeme_of[a]), spelling(lexeme_of[b]), per_article)
    }
    order = {form: index for index, form in enumerate(counts)}
    groups = []
    for component in _components(edges):
        ranked = sorted(component, key=lambda lexeme: min(map(order.get, members[lexeme])))
        group = tuple(spelling(lexeme) for lexeme in ranked)
        if not is_common_noun(group, determined, preferred):
            groups.append(_decide(group, preferred, german))
        elif typos := _certain_typos(group):
            groups.append(typos)
    return groups


def _certain_typos(group: tuple[Spelling, ...]) -> VariantGroup | None:
    """Of a group of common nouns, the best-known spelling with the spellings that are certainly
    typos of it: no word in German or English, where the known one is a word or ends in one
    from where they differ ("Digitalisirung", "Bundesverfasungsgericht", "Mariahilferstrase"), or
    that are a rare German word, unknown in English, once where the article writes the known one
    three times („Manschen“; not the surname „Spiller“ beside „Spieler“). The known spelling is
    the best known and most used, and of two alike (two compounds used once each and unknown to
    word lists) the one made of words: „Kälte|telefon“, not „Kältetleefon“."""
    best = max((spelling.zipf, spelling.count) for spelling in group)
    tops = [spelling for spelling in group if (spelling.zipf, spelling.count) == best]
    if len(tops) > 1:  # word lists and the article know them alike: the one made of words
        tops = [spelling for spelling in tops if made_of_words(spelling.form.casefold())]
    if len(tops) != 1:
        return None
    right = tops[0]
    typos = tuple(
        spelling
        for spelling in group
        if spelling is not right and (_is_typo_of(spelling, right) or _rare_slip_of(spelling, right))
    )
    if not typos:
        return None
    return VariantGroup((right, *typos), right, "frequency")


def _rare_slip_of(wrong: Spelling, right: Spelling) -> bool:
    """Whether `wrong` is a rare slip for a common noun (see `_rare_beside_common`) that no name
    of the English-speaking world is either: surnames travel, slips do not."""
    return _rare_beside_common(wrong, right) and not any(zipf(form, "en") for form in wrong.forms)


def _is_typo_of(wrong: Spelling, right: Spelling) -> bool:
    """Whether `wrong` is certainly a typo of `right`: no word, or a slip so rare that word lists
    hold it only as a misspelling („Regirung“), beside a known word or a compound whose part where
    the two differ is one („Mariahilferstrase“, „Untersuchungsauschuss“), or the word with its
    umlauts lost, where it is no word or hardly written so („Kapellbrucke“, „Saarbrucken“)."""
    lost = _umlauts_dropped(wrong.form.casefold(), right.form.casefold())
    if lost and _hardly_used_beside(wrong.form, right.form):
        return True
    if any(zipf(form) > _TYPO_ZIPF or zipf(form, "en") > _TYPO_ZIPF for form in wrong.forms):
        return False
    if right.zipf - wrong.zipf >= _TYPO_GAP:
        return True
    if wrong.zipf == 0 and (right.zipf >= _KNOWN_WORD_ZIPF or lost):
        return True
    if wrong.zipf == 0 and made_of_words(right.form.casefold()) \
            and not made_of_words(wrong.form.casefold()):
        return True  # a compound of words beside one that is none: „Kältetelefon“, „Kältetleefon“
    return _broken_part(wrong.form.casefold(), right.form.casefold())


#: a part this common both with its umlaut and without is a word's singular beside its plural
#: („garten“, „gärten“), not a word that lost its umlaut
_PLAIN_PART_ZIPF = 3.0


def _umlauts_dropped(wrong: str, right: str) -> bool:
    """Whether `wrong` is `right` with its umlauts written as plain vowels („kapellbrucke“ for
    „kapellbrücke“; spellings in lower case) — unless the compound's last part, from the last
    umlaut on, is a word both ways: „stadtgarten“ beside „stadtgärten“ is singular and plural."""
    if wrong == right or right.translate(UMLAUTS) != wrong:
        return False
    last = max(i for i, (x, y) in enumerate(zip(wrong, right)) if x != y)
    for start in range(max(0, last - _PART_REACH), last + 1):  # the last part, where plurals change
        if len(wrong) - start >= MIN_STEM and zipf(wrong[start:]) >= _PLAIN_PART_ZIPF \
                and zipf(right[start:]) >= _PLAIN_PART_ZIPF:
            return False
    return True


def _broken_part(wrong: str, right: str) -> bool:
    """Whether the part of a compound where two spellings differ is a known word in `right` and
    no word, or a rare slip, in `wrong`: "straße" in "Mariahilferstraße", "schutz" in
    "Hitzeschutzplan", "behörde" in "Landeswahlbehörde" (spellings in lower case)."""
    differs = next((i for i, (x, y) in enumerate(zip(wrong, right)) if x != y), min(len(wrong), len(right)))
    shift = len(wrong) - len(right)
    for start in range(differs, max(-1, differs - _PART_REACH), -1):
        for end in range(differs + 1, min(len(right), differs + _PART_REACH) + 1):
            if end - start < MIN_STEM or end + shift <= differs:
                continue
            part = zipf(right[start:end])
            if part >= _KNOWN_PART_ZIPF and zipf(wrong[start : end + shift]) <= part - _PART_GAP:
                return True
    return False


def _lexemes(counts: Mapping[str, int], pairs: set[tuple[str, str]] = frozenset()) -> dict[str, int]:
    """Number the forms so that the inflected forms of one word share a number.

    A form that is no word ("Kroatein") joins no other form through a stem when it is close
    (in `pairs`) to a known word outside that form's group ("Kroatien"): it is a typo of that
    word, not an inflected form of the other ("Kroaten").
    """
    loose = _typo_forms(counts, pairs)
    parent = list(range(len(counts)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first: dict[str, int] = {}
    for index, form in enumerate(counts):
        if form in loose:
            continue
        for stem in stems(form):
            other = first.setdefault(stem, index)
            if other != index:
                parent[root(index)] = root(other)
    return {form: root(index) for index, form in enumerate(counts)}


def _typo_forms(counts: Mapping[str, int], pairs: set[tuple[str, str]]) -> set[str]:
    """The forms of `counts` that are no word and close to a known word they share no stem with,
    or that are another form with its umlauts lost and no word of its own („Kapellbrucke“ beside
    „Kapellbrücke“, „Koln“ beside „Köln“)."""
    loose = set()
    for a, b in pairs:
        for form, other in ((a, b), (b, a)):
            if _cut_short(form, other) or (
                _umlauts_dropped(form.casefold(), other.casefold()) and _hardly_used_beside(form, other)
            ):
                loose.add(form)
                continue
            if zipf(form) != 0 or zipf(form, "en") != 0:
                continue
            if _umlauts_dropped(form.casefold(), other.casefold()) or (
                not stems(form) & stems(other)
                and _known_form(other)
                and any(stems(form) & stems(third) for third in counts if third not in (form, other))
            ):
                loose.add(form)
    return loose



def _hardly_used_beside(rare: str, common: str) -> bool:
    """Whether `rare` is hardly used in German or English, and far less than `common` in German:
    „Koln“ (a slip, or a keyboard without umlauts) beside „Köln“, not „Zurich“ beside „Zürich“."""
    return max(zipf(rare), zipf(rare, "en")) < DISTINCT_ZIPF + 0.5 and zipf(common) - zipf(rare) >= _RARE_GAP


def close_pairs(forms: Iterable[str]) -> set[tuple[str, str]]:
    """Pairs of distinct forms that may be one name spelt two ways: one edit apart, not forms of
    one word ("Kiew"/"Kiews"), not differing in capitals only, and not both common words.

    Found without comparing every pair: forms one edit apart have the same first letter and
    lengths at most one apart (see `_size`): sorted by that, only neighbours are compared.
    When there are many of them, they meet instead in buckets keyed by their folded spelling
    with one letter deleted (a deletion neighbourhood), which takes time in proportion to the
    number of forms. Word-frequency data is loaded only for the pairs that meet.
    """
    forms = list(forms)
    if not forms:
        return set()
    keys, sizes, inner, groupings = zip(*_learnt(forms))
    met = _compared(forms, keys, sizes, _DIRECT_PAIRS_PER_FORM * len(forms))
    if met is None:
        folded = dict(zip(forms, keys))
        met = {
            (a, b)
            for a, b in _met_in_neighbourhoods(folded, _by_size(folded))
            if one_edit_apart(folded[a], folded[b])
        }
    close = {pair for pair in met if _close_may_be_variants(*pair)}
    if any(inner):  # most articles have no form with inner capitals
        close |= _casing_pairs(forms, inner)
    return close | transliteration.pairs(forms, groupings)


def _casing_pairs(forms: Sequence[str], inner: Sequence[bool]) -> set[tuple[str, str]]:
    """Pairs of forms that differ in inner capitals only ("YouTube"/"Youtube"), each in order;
    `inner` says of each form whether it has capitals after its first letter without being all
    capitals."""
    by_letters: dict[str, list[str]] = {form.casefold(): [] for form, has in zip(forms, inner) if has}
    for form in forms:
        if form.casefold() in by_letters and not form.isupper():
            by_letters[form.casefold()].append(form)
    return {(a, b) for found in by_letters.values() for i, a in enumerate(found) for b in found[i + 1 :]}


#: compare the forms alike in size pair by pair while there are at most this many pairs per form
#: (real articles have fewer than four); beyond, deletion neighbourhoods keep the time linear
_DIRECT_PAIRS_PER_FORM = 8

#: form: what `close_pairs` needs to know of it (see `_learn`), for the forms met lately: most
#: forms of an article are in the articles before it ("Regierung", "Berlin")
_LEARNT: dict[str, tuple[str, int, bool, str | None]] = {}
_LEARNT_KEPT = 65536


def _learnt(forms: list[str]) -> list[tuple[str, int, bool, str | None]]:
    """What `_learn` tells of each form, remembered for the forms met lately (see `_LEARNT`)."""
    if len(_LEARNT) > _LEARNT_KEPT:
        _LEARNT.clear()
    found = list(map(_LEARNT.get, forms))
    if None in found:
        for index, form in enumerate(forms):
            if found[index] is None:
                found[index] = _LEARNT[form] = _learn(form)
    return found


def _learn(form: str) -> tuple[str, int, bool, str | None]:
    """A form's folded spelling, its size (see `_size`), whether it has capitals after the first
    letter without being all capitals ("YouTube"), and its transliteration grouping (see
    `transliteration.grouping`; None for forms of fewer than four letters)."""
    key = fold(form)
    inner = not form[1:].islower() and not form.isupper()
    return key, _size(key), inner, transliteration.grouping(key) if len(key) >= 4 else None


def _size(key: str) -> int:
    """A folded form's first letter and length in one number, so that a form one letter longer
    with the same first letter has the size one more. Forms one edit apart have the same first
    letter and lengths at most one apart (so `close_pairs` compares only such forms)."""
    return (ord(key[0]) << 32 | len(key)) if key else 0


def _by_size(folded: Mapping[str, str]) -> dict[int, list[str]]:
    """The forms by the size of their folded spelling (see `_size`), in order."""
    by_size: dict[int, list[str]] = {}
    for form, key in folded.items():
        by_size.setdefault(_size(key), []).append(form)
    return by_size


def _compared(
    forms: Sequence[str], keys: Sequence[str], sizes: Sequence[int], budget: int
) -> set[tuple[str, str]] | None:
    """The pairs of distinct forms alike in size (`sizes`, see `_size`) whose folded spellings
    (`keys`) are one edit apart, each in the order of `forms`; None when that would take more
    than `budget` comparisons."""
    order = sorted(range(len(forms)), key=sizes.__getitem__)  # stable: forms of a size stay in order
    ordered = [sizes[index] for index in order]
    met = set()
    count = len(order)
    # the forms that have a neighbour of their size or one more: most have none
    for index in [i for i, gap in enumerate(map(sub, ordered[1:], ordered)) if gap <= 1]:
        size, first = ordered[index], order[index]
        key = keys[first]
        other_index = index + 1
        while other_index < count and ordered[other_index] - size <= 1:
            second = order[other_index]
            other = keys[second]
            other_index += 1
            budget -= 1
            if budget < 0:
                return None
            # quick tests first: the last letters of words one edit apart agree, unless the edit
            # is at the end (a letter changed or added there, or the last two swapped)
            if ordered[other_index - 1] == size:
                ends_alike = key[-1:] == other[-1:] or key[:-2] == other[:-2]
            else:
                ends_alike = key[-1:] == other[-1:] or other.startswith(key)
            if ends_alike and one_edit_apart(key, other):
                a, b = forms[first], forms[second]
                met.add((a, b) if first < second else (b, a))
    return met


def _met_in_neighbourhoods(folded: Mapping[str, str], by_size: Mapping[int, list[str]]) -> set[tuple[str, str]]:
    """The pairs of forms whose deletion neighbourhoods meet, each in the order of `folded`:
    a superset of the pairs one edit apart, found in time linear in the number of forms."""
    alike = {  # only forms with others of their initial and about their length can meet
        form
        for size, forms in by_size.items()
        if len(forms) > 1 or size - 1 in by_size or size + 1 in by_size
        for form in forms
    }
    neighbourhoods = {form: _neighbourhood(form)[1] for form in folded if form in alike}
    seen: set[str] = set()
    shared: set[str] = set()
    for keys in neighbourhoods.values():
        shared |= keys & seen
        seen |= keys
    buckets: dict[str, list[str]] = {}
    for form, keys in neighbourhoods.items():
        for key in keys & shared:
            buckets.setdefault(key, []).append(form)
    return {
        (a, b) for bucket in buckets.values() for i, a in enumerate(bucket) for b in bucket[i + 1 :]
    }


@lru_cache(maxsize=65536)
def _neighbourhood(form: str) -> tuple[str, frozenset[str]]:
    """The folded form, and it with each letter but the first deleted (names keep the first)."""
    key = fold(form)
    return key, frozenset([key] + [key[:i] + key[i + 1 :] for i in range(1, len(key))])


def _may_be_variants(a: str, b: str) -> bool:
    """Whether two forms may be one name spelt two ways (the pairs `close_pairs` finds)."""
    return one_edit_apart(fold(a), fold(b)) and _close_may_be_variants(a, b)


@lru_cache(maxsize=65536)
def _close_may_be_variants(a: str, b: str) -> bool:
    """`_may_be_variants` of two forms already known to be one edit apart (folded); remembered,
    as the same pairs meet again in an archive's articles („Berlin“/„Berlins“)."""
    if a[0].casefold() != b[0].casefold() or a.casefold() == b.casefold():
        return False  # another initial ("Nordkorea"/"Südkorea"), or capitals only ("WhatsApp")
    if _cut_short(a, b) or _cut_short(b, a):
        return True
    if with_ending(a, b) or with_ending(b, a) or stems(a) & stems(b):
        return False  # forms of one word: "Kiew"/"Kiews", "Wasserstand"/"Wasserstände"
    if person_and_field(a.casefold(), b.casefold()):
        return False  # "Stadtökologe"/"Stadtökologie"
    if _umlauts_lost(a, b):
        return True
    return not (_known_form(a) and _known_form(b)) or _far_apart_in_use(a, b)


#: the endings of German adjectives, also of nouns made of them („Geflüchtete“, „Geflüchtetem“)
_ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")


def _cut_short(form: str, other: str) -> bool:
    """Whether `form` is no word, and the known word `other` with its last letter left out or
    mistyped: „Gedenkstätt“ and „Augenzeug“ are no forms of „Gedenkstätte“ and „Augenzeuge“,
    though what they lack looks like an ending. Two endings of an adjective are no slip
    („pro Geflüchtetem“ beside „Geflüchteten“), however rare in word-frequency data."""
    if not (form[:-1] == other[:-1] and len(form) == len(other) or form == other[:-1]):
        return False
    if form.endswith(_ADJECTIVE_ENDINGS) and other.endswith(_ADJECTIVE_ENDINGS):
        return False
    return zipf(form) == 0 and zipf(form, "en") == 0 and _known_form(other)


def _far_apart_in_use(a: str, b: str) -> bool:
    """Whether one of two known words is much rarer in German, so that it may be a slip for the
    other ("Boon"/"Bonn"); the mentions decide (see `_rare_beside_common`)."""
    rare, common = sorted((zipf(a), zipf(b)))
    return rare < DISTINCT_ZIPF + 0.5 and common - rare >= _RARE_GAP



def _different_names(a: str, b: str, spelling_a: Spelling, spelling_b: Spelling,
                     per_article: bool = True) -> bool:
    """Whether two close spellings (see `close_pairs`) are different names after all.

    Never when they differ in capitals only, or are one name transliterated two ways, nor in
    umlauts only — unless each is used at least twice and the spelling with umlauts is the rarer
    word, which no slip makes („Bösch“ and „Bosch“; not „Munchen“ beside „München“). In one
    article (`per_article`), two spellings each used at least twice are two names on purpose.
    A rare word once beside a common name used three times or more is a slip of the pen.

    They are when both words are common in German or English with all their forms (Kiel/Kiew,
    Bonn/Bern, Miller/Müller, Rainer/Rainier) unless only umlauts are lost ("Dusseldorf"), when
    both are known and differ in the last letter only, an ending of another language
    ("Cuban"/"Cubana"), or when they are compounds of one common word with different first
    parts (Kulturministerin/Kultusministerin) — unless one of them is in no word list beside the
    other, a known word („Bindesautobahn“ beside „Bundesautobahn“).
    """
    if _umlauts_lost(a, b):  # the same letters — unless each is a name used on purpose
        return per_article and min(spelling_a.count, spelling_b.count) >= 2 and _umlauts_added(a, b)
    if a.casefold() == b.casefold() or transliteration.same_name(a, b):
        return False  # the same letters, or the same name from another script
    if per_article and min(spelling_a.count, spelling_b.count) >= 2:
        return True  # each spelling used on purpose: two names ("Opel" and "Opal" as brands)
    if _rare_beside_common(spelling_a, spelling_b) or _rare_beside_common(spelling_b, spelling_a):
        return False  # "Boon" once where the article says "Bonn" three times
    if _known(spelling_a) and _known(spelling_b):
        return True
    a, b = fold(a), fold(b)
    if a != b and (a[:-1] == b[:-1] or a[:-1] == b or b[:-1] == a):
        if _heard_of(spelling_a) and _heard_of(spelling_b):
            return True
    return _different_compounds(a, b) and not (
        _no_word_beside_word(spelling_a, spelling_b) or _no_word_beside_word(spelling_b, spelling_a)
    )


def _no_word_beside_word(wrong: Spelling, right: Spelling) -> bool:
    """Whether `wrong` is in no word list, German or English, and `right` a known word: a compound
    whose first part happens to be a word too („Bindesautobahn“, „Pressmitteilung“) is then a slip
    for the known compound, not another compound."""
    return right.zipf >= _KNOWN_WORD_ZIPF and not any(zipf(form) or zipf(form, "en") for form in wrong.forms)


def _umlauts_added(a: str, b: str) -> bool:
    """Whether of two spellings that differ in umlauts only, the one with more umlauts is the
    rarer in German: „Bösch“ beside „Bosch“, not „München“ beside „Munchen“."""
    marked, plain = sorted((a, b), key=lambda form: -sum(c in "äöüÄÖÜ" for c in form))
    return zipf(marked) < zipf(plain)


def _rare_beside_common(rare: Spelling, common: Spelling) -> bool:
    """Whether `rare` is one mention of a word hardly used in German beside a common name the
    article uses three times or more: "Boon" beside "Bonn", not "Bern" beside "Bonn"."""
    return (
        rare.count == 1
        and common.count >= _COMMON_COUNT
        and rare.zipf < DISTINCT_ZIPF + 0.5
        and common.zipf - rare.zipf >= _RARE_GAP
    )


def _umlauts_lost(a: str, b: str) -> bool:
    return a != b and a.translate(UMLAUTS) == b.translate(UMLAUTS)


def _known_form(form: str) -> bool:
    """Common in German, or common in English and found in German text too (names from abroad
    such as "Rainier"; "Pecking" is English only)."""
    german = zipf(form)
    if german >= DISTINCT_ZIPF:
        return True
    return german >= _SEEN_IN_GERMAN and zipf(form, "en") >= DISTINCT_ZIPF


def _heard_of(spelling: Spelling) -> bool:
    return spelling.zipf > 0 or any(zipf(form, "en") > 0 for form in spelling.forms)


def _known(spelling: Spelling) -> bool:
    return any(_known_form(form) for form in spelling.forms)


def _different_compounds(a: str, b: str) -> bool:
    """Whether a and b are compounds of one common word with two different words before it:
    "kulturministerin"/"kultusministerin", not "emissionshandel"/"emissonshandel"."""
    common = 0
    while common < min(len(a), len(b)) and a[-1 - common] == b[-1 - common]:
        common += 1
    for length in range(common, _COMPOUND_TAIL - 1, -1):
        first_a, first_b = a[:-length], b[:-length]
        if min(len(first_a), len(first_b)) < MIN_STEM:
            continue
        if zipf(a[-length:]) >= _COMMON_TAIL_ZIPF:
            return _is_word(first_a) and _is_word(first_b)
    return False


def _is_word(first_part: str) -> bool:
    """Whether the first part of a compound is a word, perhaps with a joining "s"."""
    return zipf(first_part) >= _FIRST_PART_ZIPF or (
        first_part.endswith("s") and zipf(first_part[:-1]) >= _FIRST_PART_ZIPF
    )


def _components(edges: set[tuple[int, int]]) -> list[set[int]]:
    neighbours: dict[int, set[int]] = {}
    for a, b in edges:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    seen: set[int] = set()
    components = []
    for start in sorted(neighbours):
        if start in seen:
            continue
        component, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node not in component:
                component.add(node)
                stack.extend(neighbours[node] - component)
        seen |= component
        components.append(component)
    return components


def is_common_noun(group, determined: Mapping[str, int], preferred: Mapping[str, str]) -> bool:
    """Whether a group's best-attested spelling is a common noun rather than a name.

    German capitalises every noun, so capitals do not make a name. A spelling on the house list
    is a name, and so are the few that take an article ("der Iran") and those with inner capitals
    ("die PlayStation"). A common noun shows itself
    by an ending names hardly have ("-ung", "-schaft"), by an article before most of its mentions
    ("die Innenstadt", "der letzten Eiszeit"), or as the plural of a common word ("Milliarden",
    "Polizisten", "Emissionszertifikaten").
    """
    forms = [form for spelling in group for form in spelling.forms]
    if any(form in preferred for form in forms):
        return False
    if any(not form.isupper() and any(c.isupper() for c in form[1:]) for form in forms):
        return False  # inner capitals make a name: „die PlayStation“
    best = max(group, key=lambda spelling: (spelling.zipf, spelling.count))
    if any(_has_noun_ending(form) for form in best.forms):
        return True
    if any(form in NAMES_WITH_ARTICLE for form in best.forms):
        return False
    if 2 * sum(determined.get(form, 0) for form in best.forms) > best.count:
        return True
    return any(_is_plural(form) for form in best.forms)


def _has_noun_ending(form: str) -> bool:
    return any(
        form.endswith(ending) and len(form) - len(ending) >= MIN_STEM for ending in NOUN_ENDINGS
    )


def _is_plural(form: str) -> bool:
    """Whether a form is the plural of a common word or of a compound ending in one:
    "Polizisten", "Milliarden", "Regeln", "Emissionszertifikaten"."""
    word = form.casefold()
    if word.endswith("en"):
        singulars = (word[:-2], word[:-1])
    elif word.endswith(("eln", "ern")):
        singulars = (word[:-1],)
    else:
        return False
    for singular in singulars:
        for start in range(0, len(singular) - _PLURAL_STEM + 1):
            if zipf(singular[start:]) >= _COMMON_STEM_ZIPF + (start > 0) / 2:
                return True
    return False


def _decide(
    spellings: tuple[Spelling, ...], preferred: Mapping[str, str], german: bool = True
) -> VariantGroup:
    house = [s for s in spellings if any(preferred.get(form) == form for form in s.forms)]
    if len(house) == 1:
        return VariantGroup(spellings, house[0], "house")
    capitals = [s for s in spellings if any(c.isupper() for c in s.form[1:])]
    if len(capitals) == 1 and len({s.form.casefold() for s in spellings}) == 1:
        return VariantGroup(spellings, capitals[0], "casing")  # the name's own: "YouTube"
    if german and (transliterated := _german_transliteration(spellings)):
        return VariantGroup(spellings, transliterated, "transliteration")
    ranked = sorted(spellings, key=lambda spelling: -spelling.zipf)
    if ranked[0].zipf > 0 and ranked[0].zipf - ranked[1].zipf >= FREQUENCY_MARGIN:
        more_used = [s.zipf for s in spellings if s.count > ranked[0].count]
        if not more_used or ranked[0].zipf - max(more_used) >= OUTVOTED_MARGIN:
            return VariantGroup(spellings, ranked[0], "frequency")
    if ranked[0].zipf == 0:  # no spelling is known in German: a name from abroad
        english = sorted(
            ((max(zipf(form, "en") for form in s.forms), n) for n, s in enumerate(spellings)),
            reverse=True,
        )
        (top, best), (second, _) = english[0], english[1]
        if top > 0 and top - second >= FREQUENCY_MARGIN:
            return VariantGroup(spellings, spellings[best], "frequency")
    ranked = sorted(spellings, key=lambda spelling: -spelling.count)
    if ranked[0].count > ranked[1].count:
        return VariantGroup(spellings, ranked[0], "majority")
    return VariantGroup(spellings, None, "even")


def _german_transliteration(spellings: tuple[Spelling, ...]) -> Spelling | None:
    """Of one name transliterated in two or more ways, the one spelling German press
    transliteration writes („Medwedew“, „Trotnow“; not „Medvedev“, „Trotnov“), when the article
    uses no other more often; else None."""
    german = [s for s in spellings if not transliteration.english_way(s.form)]
    if len(german) != 1 or any(s.count > german[0].count for s in spellings):
        return None  # the article's own majority outweighs it: „Stevens“ four times, „Stewens“ once
    if all(transliteration.same_name(german[0].form, s.form) for s in spellings if s is not german[0]):
        return german[0]
    return None


def suggest(form: str, preferred: Spelling) -> str:
    """The preferred spelling in the inflected form of `form`: "Kievs" with "Kiew" is "Kiews".

    The closest of the preferred spelling's forms in the article and of its stems with the
    endings `form` may carry; a form the article has wins a tie. A stem that differs from `form`
    in accents only is no suggestion („Gedenkstatt“ for „Gedenkstätt“, a stem of „Gedenkstätte“).
    """
    candidates = set(preferred.forms)
    endings = [ending for ending in SUFFIXES if form.endswith(ending)] + [""]
    for base in {stem for existing in preferred.forms for stem in stems(existing)}:
        candidates.update(base + ending for ending in endings)
    target = fold(form)
    candidates = {  # not the form itself, nor a stem with its accents lost as the form has them
        candidate for candidate in candidates
        if candidate in preferred.forms or fold(candidate) != target
    }
    candidates.discard(form)

    def closeness(candidate: str) -> tuple:
        count = preferred.forms.get(candidate, 0)
        return edit_distance(fold(candidate), target), count == 0, -count, candidate

    return min(candidates, key=closeness)

