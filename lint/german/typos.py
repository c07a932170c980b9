"""Typos of common words that word-frequency data make certain: „Digitalisirung“, „verantwortlcih“.

`correction(word)` gives the word a spelling is a typo of, or None. It is one only when the data
leave no doubt: the spelling, eight letters or more, is known in no language a German article is
likely to quote (German, English, French, Italian, Spanish, Portuguese, Dutch, Polish, Turkish and
Croatian/Serbian), is no inflected form of a known word („Digitalisierungen“) and no compound of
known words („Gemeinderatssitzungsprotokoll“: German makes new compounds every day), and exactly
one very common word lies one typing slip away — a letter left out, typed twice or beside its key
(QWERTZ), two letters swapped, or an umlaut lost — or else exactly one compound that the data know,
whose part where the two differ is a common word („Bezinkanister“ → „Benzinkanister“). A
capitalised spelling may be a name: its correction must be more common, and end as it does (the
Brazilian „Temporao“ is no „Temporal“).

`suspects(words)` gives the words of an article that the German data do not know and that were
not found to be no typos before: all looked up in one query of the frequency index, and
remembered, so that the words met in earlier articles cost a set lookup. Only an unknown
word met for the first time costs more: a query for its stretches that may be words (those at
its start and end first: they tell for most compounds), and one for the common words one edit
from it and from the stretches that may be a mistyped part (`frequency.neighbours`). Only when a
common word lies one edit away are all the spellings one slip away looked up, to tell which one
was meant.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from newslint.german.word_forms import person_and_field, stems, takes, zipf

#: shorter spellings are left alone: short words have many neighbours, and short names abound
MIN_LENGTH = 8
#: a word at least this common (Zipf scale) is a very common word: a correction
COMMON_WORD_ZIPF = 3.0
#: a capitalised spelling may be a name: its correction must be more common still
COMMON_NOUN_ZIPF = 3.5
#: a mistyped part of a compound must be this common to be corrected
COMMON_PART_ZIPF = 3.5
#: a capitalised spelling shorter than this may be a name from abroad where its ending differs
_NAME_LENGTH = 12
#: another correction at most this much rarer (Zipf) makes the correction doubtful
_RIVAL_GAP = 1.0
#: a compound's parts are words of this length at least, this common (Zipf scale)
_PART_LENGTH = 4
_KNOWN_PART_ZIPF = 2.5
#: what may join two parts of a compound („Verfassungsgericht“, „Straßenbahn“, „Kinderarzt“)
_JOINTS = ("", "s", "es", "n", "en", "e", "er")
#: languages whose words are no typos: German, English, and the languages German news quotes and
#: names most — of neighbours and of large communities in German-speaking countries (wordfreq's
#: lists of them; each list's index is built on the first typo found, a second or less each)
LANGUAGES = ("de", "en", "fr", "it", "es", "pt", "nl", "pl", "tr", "sh")

_LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"
_KEYBOARD = ("qwertzuiopü", "asdfghjklöä", "yxcvbnm")
_UMLAUT_OF = {"a": "ä", "o": "ö", "u": "ü"}
#: a spelling in plain lower-case letters after the first, which may be a capital: a letter
#: whose lower case is one of them (the capital „ẞ“, the Kelvin sign)
_PLAIN = re.compile(r"[a-zäöüßA-ZÄÖÜ\u1e9e\u212a][a-zäöüß]*")


def _neighbours() -> dict[str, str]:
    """Each key of a German keyboard with the keys beside it, in its row and the rows around."""
    found: dict[str, set[str]] = {}
    for number, row in enumerate(_KEYBOARD):
        for index, key in enumerate(row):
            near = {row[i] for i in (index - 1, index + 1) if 0 <= i < len(row)}
            if number > 0:  # the row above is shifted left: keys `index` and `index + 1` touch
                above = _KEYBOARD[number - 1]
                near |= {above[i] for i in (index, index + 1) if i < len(above)}
            if number < len(_KEYBOARD) - 1:
                below = _KEYBOARD[number + 1]
                near |= {below[i] for i in (index - 1, index) if 0 <= i < len(below)}
            found[key] = near
    return {key: "".join(sorted(near)) for key, near in found.items()}


_NEAR = _neighbours()


def slips(word: str) -> set[str]:
    """The spellings one typing slip away from `word` (in lower case) that it may be a typo of:
    a letter left out, typed twice or beside its key, two letters swapped, an umlaut lost. The
    first letter stays, but for its umlaut („Uberraschung“)."""
    found = set()
    for i in range(1, len(word) + 1):
        found.update(word[:i] + letter + word[i:] for letter in _LETTERS)  # a letter left out
    for i in range(1, len(word)):
        letter, before = word[i], word[i - 1]
        after = word[i + 1] if i + 1 < len(word) else ""
        if letter == before or letter in _NEAR.get(before, "") or (after and letter in _NEAR.get(after, "")):
            found.add(word[:i] + word[i + 1 :])  # typed twice, or a key beside the next or last
        found.update(word[:i] + near + word[i + 1 :] for near in _NEAR.get(letter, ""))
        if after and after != letter:
            found.add(word[:i] + after + letter + word[i + 2 :])
    for i, letter in enumerate(word):
        if letter in _UMLAUT_OF:
            found.add(word[:i] + _UMLAUT_OF[letter] + word[i + 1 :])
    found.discard(word)
    return found


def _plain(word: str) -> bool:
    """Whether a word is written in plain German letters, perhaps capitalised: only such words
    are corrected (and only they are in the index: another would load a whole word list)."""
    return _PLAIN.fullmatch(word) is not None


_settled: set[str] = set()  # words met before that need no further look: known, short, or no typos
_unknown: set[str] = set()  # words met before that the German data do not know
#: how many words `suspects` keeps in memory, each way
_KEPT = 65536


def suspects(words: set[str], more: Iterable[str] = ()) -> set[str]:
    """The words of `words` and `more` that may be typos: of `MIN_LENGTH` letters or more, in
    plain letters, unknown to the German word-frequency data, and not found to be no typos by
    `corrections` before. The words not met before are looked up in one query of the index; in an
    archive, most articles' words are all met before (known words, and names found to be no
    typos), and cost one set lookup each."""
    if _settled.issuperset(words) and _settled.issuperset(more):
        return set()  # most articles (no set built)
    new = words - _settled
    new.update(set(more) - _settled)
    strange = new & _unknown
    new -= strange
    if new:
        from newslint.german.frequency import Tokens, zipfs

        looked_up = [word for word in new if len(word) >= MIN_LENGTH and _plain(word)]
        found = zipfs(Tokens(word.lower() for word in looked_up))
        missing = {word for word in looked_up if word.lower() not in found}
        _keep(_settled, new - missing)
        _keep(_unknown, missing)
        strange |= missing
    return strange


def _keep(kept: set[str], words: Iterable[str]) -> None:
    """Remember `words` in `kept`, which is emptied first when it holds more than `_KEPT`."""
    if len(kept) > _KEPT:
        kept.clear()
    kept.update(words)


def corrections(words: set[str]) -> dict[str, str]:
    """The words of `words` that `correction` corrects, with their corrections. Those it does not
    correct are remembered as settled (most are names): `suspects` passes over them after."""
    found = {}
    for word in words:
        right = correction(word)
        if right is None:
            _keep(_settled, (word,))
        else:
            found[word] = right
    return found


@lru_cache(maxsize=16384)
def correction(word: str) -> str | None:
    """The very common word or compound that `word` is certainly a typo of, in the capitals of
    `word`, or None (see the module's documentation). A capitalised spelling may be a name: its
    correction must be more common."""
    if len(word) < MIN_LENGTH or not _plain(word):
        return None
    if zipf(word) or zipf(word, "en"):
        return None  # most spellings: a known word
    found = _correction(word.lower(), word[0].isupper())
    if found is None or word[0].isupper() and len(word) < _NAME_LENGTH and found[-2:] != word[-2:].lower():
        return None  # names from abroad differ from German words in their endings („Temporao“)
    if person_and_field(word.lower(), found):
        return None  # „Stadtökologe“, an urban ecologist, is no slip of „Stadtökologie“
    return found[0].upper() + found[1:] if word[0].isupper() else found


@lru_cache(maxsize=4096)
def _correction(word: str, capitalised: bool) -> str | None:
    if any(zipf(stem) for stem in stems(word) if stem != word):
        return None  # a known word with an ending the data lack: „Digitalisierungen“
    if made_of_words(word):
        return None  # a new compound of known words: „Gemeinderatssitzungsprotokoll“
    least = COMMON_NOUN_ZIPF if capitalised else COMMON_WORD_ZIPF
    right = _quick_correction(word, least)
    if right == _UNDECIDED:
        right = _slip_correction(word, least)
    if right is None or _foreign(word):
        return None
    return right


#: what `_quick_correction` gives when only all the spellings one slip away can tell
_UNDECIDED = ""


def _slip_correction(word: str, least: float) -> str | None:
    """The correction of `word` from every spelling one slip away that the data know."""
    from newslint.german.frequency import Tokens, zipfs

    candidates = zipfs(Tokens(slips(word)))
    if any(value >= least for value in candidates.values()):
        return _one(candidates, least)  # a common word, unless two are alike
    return _compound_correction(word, candidates)


def _quick_correction(word: str, least: float) -> str | None:
    """What `_slip_correction` gives, found from the common words one edit from the word and from
    its stretches where a part of a compound may be mistyped (`frequency.neighbours`, a few
    dozen keys instead of hundreds of spellings): None when no common word lies one edit away
    and no compound with a mistyped common part does; `_UNDECIDED` when a common word does (which
    one is meant is told from all the spellings one slip away) or the quick way cannot tell (a
    spelling with „ß“, folded to „ss“ in the index, or no index)."""
    from newslint.german.frequency import Tokens, neighbours, zipfs

    if "ß" in word:
        return _UNDECIDED
    own = _keys(word)
    stretches_of: dict[str, list[tuple[int, int]]] = {}  # each key: the stretches it was made of
    for start, stop in _stretches(word):
        for key in _keys(word[start:stop]):
            stretches_of.setdefault(key, []).append((start, stop))
    rows = neighbours(own.union(stretches_of))
    if rows is None or any(value >= least for key, _, value in rows if key in own):
        return _UNDECIDED
    mended = {word[:start] + part + word[stop:] for key, part, value in rows if value >= COMMON_PART_ZIPF
              for start, stop in stretches_of.get(key, ())}
    if not mended:
        return None
    known = zipfs(Tokens(mended))
    if not known:
        return None
    # the spellings one slip away mended so, as `_slip_correction` finds them („ß“ where one was left out)
    folded = {slip: slip.replace("ß", "ss") for slip in slips(word)}
    return _compound_correction(word, {slip: known[fold] for slip, fold in folded.items() if fold in known})


def _keys(spelling: str) -> set[str]:
    """What `frequency.neighbours` is asked to find the common words one edit from `spelling`
    (plain lower-case letters without „ß“): its deletions, and the spellings with an „s“ added
    (a „ß“ left out, „ss“ in the index, is two letters away)."""
    from newslint.german.frequency import deletions

    return deletions(spelling) | {spelling[:i] + "s" + spelling[i:] for i in range(len(spelling) + 1)}


def _stretches(word: str) -> set[tuple[int, int]]:
    """The stretches word[start:stop] that may be a mistyped part of a compound whose other parts
    are right: after known parts (or at the start), before a joint and known parts (or at the
    end); not the whole word."""
    ends = _part_ends(word)
    heads, tails = _reachable(word, ends), _reachable_from_end(word, ends)
    return {(start, tail - len(joint)) for start in heads for tail in tails for joint in _JOINTS
            if word.endswith(joint, 0, tail) and tail - len(joint) - start >= _PART_LENGTH - 1
            and (start > 0 or tail - len(joint) < len(word))}


@lru_cache(maxsize=4096)
def made_of_words(word: str) -> bool:
    """Whether a word in lower case is made of known words of four letters or more, with the
    joints their parts take: „gemeinderats|sitzungs|protokoll“, „kälte|telefon“; not
    „kälte|tleefon“. The whole word is no part of itself.

    Most compounds are of two words: the stretches at its start and its end, a quarter of all,
    are looked up first, and tell for most."""
    from newslint.german.frequency import Tokens, zipfs

    outer = {word[:i] for i in range(_PART_LENGTH, len(word))}
    outer.update(word[i:] for i in range(1, len(word) - _PART_LENGTH + 1))
    if len(word) in _reachable(word, _ends(word, zipfs(Tokens(outer)))):
        return True
    return len(word) in _reachable(word, _part_ends(word))


@lru_cache(maxsize=4096)
def _part_ends(word: str) -> dict[int, list[int]]:
    """`_ends` of a word's stretches that the data know (all looked up in one query: a query
    costs more than a few dozen words more in it)."""
    from newslint.german.frequency import Tokens, zipfs

    return _ends(word, zipfs(Tokens(_parts(word))))


def _one(candidates: dict[str, float], least: float) -> str | None:
    """The one candidate at least `least` common, with no other near it in frequency."""
    ranked = sorted(candidates.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < least:
        return None
    if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - _RIVAL_GAP:
        return None  # two words alike: which one was meant is not certain
    return ranked[0][0]


def _parts(word: str) -> set[str]:
    """Every stretch of `word` long enough to be a part of a compound."""
    return {word[i:j] for i in range(len(word)) for j in range(i + _PART_LENGTH, len(word) + 1)}


def _ends(word: str, known: dict[str, float]) -> dict[int, list[int]]:
    """For each position of `word`, where the known parts that start there end (`known`: the Zipf
    values of its stretches); the whole word is no part of itself."""
    ends: dict[int, list[int]] = {}
    for part, value in known.items():  # the known ones: few, of the many stretches
        if value >= _KNOWN_PART_ZIPF and _PART_LENGTH <= len(part) < len(word):
            at = word.find(part)
            while at >= 0:
                ends.setdefault(at, []).append(at + len(part))
                at = word.find(part, at + 1)
    for found in ends.values():
        found.sort()
    return ends


def _joints(word: str, start: int, end: int) -> list[str]:
    """The joints that may follow the part word[start:end] where `word` goes on: none, or one the
    part may take (not a letter typed twice: „Presse|e|mitteilung“ is no compound)."""
    return [joint for joint in _JOINTS
            if word.startswith(joint, end) and (not joint or takes(word[start:end], joint))]


def _reachable(word: str, ends: dict[int, list[int]]) -> set[int]:
    """The positions of `word` up to which it is made of known parts, with the joints between
    them („Verfassungs|gericht“, „Straßen|bahn“); 0 always."""
    reachable = {0}
    for i in range(len(word)):
        if i in reachable:
            for end in ends.get(i, ()):
                reachable.update(end + len(joint) for joint in _joints(word, i, end))
    return reachable


def _compound_correction(word: str, candidates: dict[str, float]) -> str | None:
    """The compound `word` is a typo of: a known compound one slip away (of `candidates`, the
    slips the data know) whose part where the two differ is a common word, and the only one:
    „Bezinkanister“ → „Benzinkanister“ (not „Boxkeller“ → „Bockeller“, which no data know)."""
    from newslint.german.frequency import Tokens, zipfs

    known = {candidate for candidate in candidates if len(candidate) >= 2 * _PART_LENGTH}
    if not known:
        return None
    parts = zipfs(Tokens(part for candidate in known for part in _parts(candidate)))
    found = [candidate for candidate in known if _common_part_mended(word, candidate, parts)]
    return found[0] if len(found) == 1 else None


def _common_part_mended(word: str, compound: str, known: dict[str, float]) -> bool:
    """Whether `compound` is made of known parts (`known`: Zipf values of its stretches), the one
    where it differs from `word` a common word."""
    first = next((i for i, (x, y) in enumerate(zip(word, compound)) if x != y), min(len(word), len(compound)))
    same_end = 0
    while same_end < min(len(word), len(compound)) - first and word[-1 - same_end] == compound[-1 - same_end]:
        same_end += 1
    last = len(compound) - same_end  # compound[first:last] holds the letters that differ
    ends = _ends(compound, known)
    heads, tails = _reachable(compound, ends), _reachable_from_end(compound, ends)
    for start in heads:
        for end in ends.get(start, ()):
            if start <= first and max(last, first + 1) <= end and known[compound[start:end]] >= COMMON_PART_ZIPF \
                    and any(end + len(joint) in tails for joint in _joints(compound, start, end)):
                return start > 0 or end < len(compound)  # a part, not the whole
    return False


def _reachable_from_end(word: str, ends: dict[int, list[int]]) -> set[int]:
    """The positions of `word` from which to its end it is made of known parts, with joints
    between them; its length always."""
    reachable = {len(word)}
    for i in range(len(word) - 1, -1, -1):
        if any(end + len(joint) in reachable for end in ends.get(i, ()) for joint in _joints(word, i, end)):
            reachable.add(i)
    return reachable


def _foreign(word: str) -> bool:
    """Whether a language of `LANGUAGES` other than German and English knows the spelling."""
    return any(zipf(word, lang) for lang in LANGUAGES[2:])
