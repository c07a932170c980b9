"""One name, one spelling: a name spelt two ways in an article, and spellings off the house list.

## What it does
Finds a name spelt in more than one way in one article — headline, teaser, subheadings, dateline
and body: "Pjönjang" beside "Pjöngjang", "Kievs" beside "Kiews", "Selenskij" beside "Selenskyj".
Spellings count as variants when they are one edit apart — a letter left out, added or changed,
two letters swapped — or differ in accents and umlauts; when they differ in a name's inner
capitals ("Youtube" beside "YouTube", "Playstation" beside "PlayStation"); and when they are one
name transliterated two ways ("Medvedev" beside "Medwedew", "Khodorkovsky" beside "Chodorkowski":
the same name by German and English transliteration tables and by the Kölner Phonetik, so
"Müller"/"Möller" and "Schmidt"/"Schmitt" stay apart).

Forms of one name are not variants: the genitive ("Pjöngjangs"), inhabitants and adjectives
("Kiewer", "Moskauer"), compounds ("Peking-Reise"). Nor are different names that look alike
("Kiel"/"Kiew", "Bonn"/"Bern", "Nordkorea"/"Südkorea"), and what the article shows to be two
names: different people with their own first names or surnames ("Lukas Berger" and "Lucas
Moura", "Marco Wörgötter" and "Mario Wörgetter"), names side by side in a line-up or results
table ("Hofer; Hofner, Schmid") or in the line-ups of two teams, two spellings each used at least
twice (two brands, "Opel" and "Opal"; a surname and a brand, "Bösch" and "Bosch"), and a variant given on purpose ("Nawalny (englisch Navalny)", "Lwiw, früher Lemberg", "… und auf Polnisch Lwów").
A role or a German noun before a name is no first name of its own: „Familie Eberle“ and „Anton
Ebrele“, „Bayern-Coach Brandl“ and „Holger Brnadl“ are one name misspelt. Two real names each
with a role of its own are two people („Trainer Hofer“ and „Verteidiger Hofner“; one role, or
its female form, shared: „Bürgermeister Maier“ and „Bürgermeisterin Maiar“ are one).
Names keep their own spelling, and count for nothing, in short quotations that name a paper or
work („Yemen Observer“), in quotations in another language, and in longer proper names ("Zurich
Film Festival", "Beijing Guoan") — unless the spelling there is no spelling at all ("Big
Brrother Awards").

A slip is found even where it is a word: a rare word once beside a common name or noun the
article uses three times ("Boon" beside "Bonn", "Manschen" beside "Menschen"), a rarely written
form with its umlauts lost ("Koln" beside "Köln"), and a spelling that is no name beside a real one, even where
two people share the name ("Rsfael Correa" beside "Rafael Correa" and "Rafael Ramirez"). Common
nouns are left alone (German capitalises them too), except for certain typos: a spelling that
word-frequency data know as no word, or only as a rare misspelling, beside the word itself or a
compound whose part where the two differ is a word ("Digitalisirung", "Bundesverfasungsgericht",
"Mariahilferstrase"), or the word with its umlauts lost ("Kapellbrucke" beside "Kapellbrücke";
not a singular beside its plural: "Stadtgarten", "Stadtgärten").

A typo of a common word is found even where the article nowhere spells the word right, when
word-frequency data make it certain: a word of eight letters or more, in lower case or
capitalised, that no word list knows — German, English, nor another language an article may
quote or name (French, Italian, Spanish, Portuguese, Dutch, Polish, Turkish, Croatian/Serbian) —
while exactly one very common word lies one typing slip
away (a letter left out, typed twice or beside its key, two letters swapped, an umlaut lost):
"Digitalisirung" for "Digitalisierung", "verantwortlcih" for "verantwortlich". A compound is
corrected the same way when the word-frequency data know the corrected compound and its part
where the two differ is a common word ("Bezinkanister", "Klimaschutzgestz"). It is left alone
when it may be right after all: a new compound of known words ("Gemeinderatssitzungsprotokoll",
"Dosiersystem"), the person of a field ("Stadtökologe", not "Stadtökologie", nor its variant beside
it), an inflected form the data lack ("Digitalisierungen"), a word two common words
are alike to ("besethen": "bestehen" or "besetzen"?), a word the article writes twice, all
capitals, a capitalised word after another capitalised word (a name: "Thomas Lindermann"), or
after one and a comma or dash (a list of names, a line-up: "Grießler, Hofer, Sattlberger"), or
shorter than twelve letters and ending otherwise than its correction (a name from abroad:
"Temporao", not "Temporal"), a word
in a quotation in another language or a title, and words in web addresses, hashtags, handles,
code and hyphenated words. Only German articles are checked so.

The spelling to use comes from the evidence, in this order: the house list (below), a name's own
inner capitals, in German articles the German transliteration of a name from another script
("Medwedew", not "Medvedev"), word-frequency data (a known spelling beats one that hardly
occurs: "Israel", not "Isreal"; over a spelling the article uses more often only when a hundred
times as common: "Ingrid Koffler", twice, keeps her name beside one "Kofler"), then the majority
in the article. Every other spelling is flagged, with the one to
write instead and how often that one appears. When nothing decides (two unknown spellings, once
each), the finding says so and suggests nothing.

The house list also applies on its own: a spelling the house does not use is flagged even when the
article uses it throughout ("Beijing" where the house writes "Peking"), with its endings
("Beijinger" becomes "Pekinger") — but not inside a longer proper name ("Kyiv Independent"), in a
quotation in another language ("… for standing with Kyiv"), nor where the article gives both on
purpose ("Kyjiw (Kiew)").

A spelling that the house vocabulary accepts (`accept.txt` of the configured `vocab`, see the
README's house styles) is never reported.

## Why is this bad?
Readers notice "Pjönjang" in the dateline and "Pjöngjang" below it; a name spelt two ways looks
careless and can even suggest two different people or places. A house style keeps a newsroom's
articles consistent with each other.

## Example
```text
Raketentest in Nordkorea
Pjönjang – Nordkorea hat erneut eine Rakete getestet. Die Führung in Pjöngjang sprach von einem Erfolg.
Beobachter in Pjöngjang zeigten sich besorgt.
```

## Use instead
```text
Raketentest in Nordkorea
Pjöngjang – Nordkorea hat erneut eine Rakete getestet. Die Führung in Pjöngjang sprach von einem Erfolg.
Beobachter in Pjöngjang zeigten sich besorgt.
```

## Fix safety
- Safe: a spelling on the house list replaced by the house spelling, with its ending
  („Beijinger“ → „Pekinger“), in German articles; a variant replaced by the house spelling when
  the article uses that spelling at least as often.
- Unsafe: a variant replaced by the spelling that word-frequency data or the article's majority
  prefers (the rarer spelling may be another name); house spellings in articles in other
  languages; a typo of a common word replaced by the word word-frequency data give (the writer
  may mean a rare word the data lack).
- No fix: spellings that nothing decides between.

## Options
- `preferred` (table of spelling = [variants]): the house list, each preferred spelling with the
  variants the house does not use. Setting it replaces the default list below; `{}` turns the
  house list off.
- `extend-preferred` (table of spelling = [variants]): entries added to `preferred`, for instance
  to keep the default list but write "Kyjiw": an entry whose variant is a preferred spelling of
  the list turns that one around.

```toml
[tool.newslint.spelling-consistency.extend-preferred]
Kyjiw = ["Kiew", "Kiev"]
```

The default list (German exonyms as dpa and Duden write them, preferred = variants):
Pjöngjang = Pjongjang, Pyongyang, Pjöngyang; Peking = Beijing; Tiflis = Tbilissi, Tbilisi;
Neu-Delhi = New Delhi, Neu Delhi; Kiew = Kyjiw, Kyiv, Kiev; Charkiw = Charkow, Kharkiv;
Odessa = Odesa; Lwiw = Lviv; Selenskyj = Selenskij, Selensky, Zelensky, Zelenskyy;
Bagdad = Baghdad; Teheran = Tehran; Kairo = Cairo; Taipeh = Taipei; Belgrad = Beograd;
Bukarest = Bucuresti, București.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint.engine.finding import Edit, Finding, Fix
from newslint.german.house_spellings import DEFAULT_PREFERRED
from newslint.german.house_spellings import house_list as _house_list

if TYPE_CHECKING:
    from newslint.german.house_spellings import HouseList
    from newslint.german.variants import Spelling, VariantGroup

ID = "spelling-consistency"
SEVERITY = "warning"

_TITLE_WORDS = 5


@dataclass(frozen=True)
class Options:
    preferred: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_PREFERRED))
    extend_preferred: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, table in (("preferred", self.preferred), ("extend-preferred", self.extend_preferred)):
            for spelling, variants in table.items():
                if not spelling.strip() or not all(v.strip() for v in variants):
                    raise ValueError("house list spellings must not be empty")
                if spelling in variants:
                    raise ValueError(f"'{spelling}' is both preferred and a variant of itself")
            cycle = _cycle(table)
            if cycle:
                raise ValueError(f"{name}: the spellings turn in a cycle, {' → '.join(f'„{s}“' for s in cycle)} "
                                 "(each variant → the spelling to write): keep one direction")


def _cycle(table: dict[str, tuple[str, ...]]) -> list[str] | None:
    """A cycle of variant → spelling to write in one house-list table, from its first spelling in
    alphabetical order, or None."""
    write = {variant: spelling for spelling, variants in table.items() for variant in variants}
    for start in sorted(write):
        path = [start]
        while path[-1] in write and len(path) <= len(write):
            path.append(write[path[-1]])
            if path[-1] == start:
                return path
    return None


def house_list(options: Options) -> HouseList:
    """The house list these options make."""
    return _house_list(options.preferred, options.extend_preferred)


def check(article, options: Options) -> Iterator[Finding]:
    from newslint.german.mentions import name_forms

    forms = name_forms(article)
    reported: set[int] = set()
    for finding in _findings(article, options, forms):
        reported.add(finding.start)
        if not article.accepts(article.text[finding.start : finding.end]):  # the house vocabulary
            yield finding
    for finding in _typo_findings(article, forms, reported):
        if not article.accepts(article.text[finding.start : finding.end]):
            yield finding


def _findings(article, options: Options, forms: set[str]) -> Iterator[Finding]:
    from newslint.german.variants import close_pairs

    house = house_list(options)
    titles = _Titles(article)
    reported: set[int] = set()
    yield from _house_findings(article, house, titles, reported)

    close = close_pairs(forms)
    if not close:
        return  # most articles: no two name-like words are spelt alike
    from newslint.german.mentions import mentions, word_forms
    from newslint.german.name_context import alternatives, different_entities
    from newslint.german.variants import variant_groups

    found = mentions(article, only=word_forms(forms, close))
    apart = alternatives(article.prose, found, close) | different_entities(article, found, close)
    groups = variant_groups(found, house.names, among=close - apart, german=article.lang.lower().startswith("de"))
    if not groups:
        return  # no spellings of one name to compare: whose spelling is kept does not matter
    # whether a mention keeps its own spelling matters only for the forms of a group
    in_groups = {form for group in groups for spelling in group.spellings for form in spelling.forms}
    kept = {
        mention.start
        for mention in found
        if mention.text in in_groups and _keeps_own_spelling(article, mention, titles)
    }
    in_text = {mention.text for mention in found if mention.start not in kept}
    group_of = {
        form: group
        for group in groups
        if _in_text(group, in_text)
        for spelling in group.spellings
        for form in spelling.forms
    }
    for mention in found:
        group = group_of.get(mention.text)
        if group is None or mention.start in reported or mention.start in kept:
            continue
        finding = _group_finding(group, mention, house)
        if finding:
            yield finding


class _Titles:
    """The article's quotations whose names keep their own spelling: short quotations without a
    sentence, the names of papers, groups and works („Beijing Shibao“, „Queer Beograd
    Kollektiv“) — `holds`; and quotations in another language (a quoted English tweet) —
    `language_at`. Each asks in logarithmic time, on spans merged once per article; the
    languages are told only when a name stands inside a quotation."""

    def __init__(self, article) -> None:
        self._article = article
        self._titles: _Spans | None = None
        self._quoted: _Spans | None = None
        self._foreign: dict[str, _Spans] | None = None

    def holds(self, offset: int) -> bool:
        if self._titles is None:
            self._titles = _Spans(q for q in self._article.quotes.quotations if _is_title(q.text))
        return offset in self._titles

    def language_at(self, offset: int) -> str | None:
        """The language of the quotation in another language that holds `offset`, or None."""
        if self._quoted is None:
            self._quoted = _Spans(self._article.quotes.quotations)
        if offset not in self._quoted:
            return None  # most names: in no quotation at all
        if self._foreign is None:
            from newslint.german.languages import language_of

            own = self._article.lang[:2].lower()
            by_language: dict[str, list] = {}
            for quotation in self._article.quotes.quotations:
                language = language_of(quotation.text, own)
                if language != own:
                    by_language.setdefault(language, []).append(quotation)
            self._foreign = {language: _Spans(found) for language, found in by_language.items()}
        return next((language for language, spans in self._foreign.items() if offset in spans), None)


class _Spans:
    """Quotations as disjoint sorted spans: whether an offset lies inside one, by bisection."""

    def __init__(self, quotations) -> None:
        merged: list[list[int]] = []
        for start, end in sorted((q.start, q.end) for q in quotations):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _end in merged]
        self._ends = [end for _start, end in merged]

    def __contains__(self, offset: int) -> bool:
        import bisect

        index = bisect.bisect_left(self._starts, offset) - 1  # the last span starting before it
        return index >= 0 and offset < self._ends[index]


def _house_findings(
    article, house: HouseList, titles: _Titles, reported: set[int]
) -> Iterator[Finding]:
    from newslint.german.mentions import may_mention

    if house.pattern is None or not article.blocks:
        return
    start, end = article.blocks[0].start, article.blocks[-1].end
    if not may_mention(article.prose, start, end, house.spellings):
        return  # most articles: nothing on the house list, found by a quicker search
    from newslint.german.name_context import NamePlaces, called_so, given_beside, in_proper_name

    matches = list(house.pattern.finditer(article.prose, start, end))  # prose: the rest is blank
    listed = NamePlaces(match.span() for match in matches)
    uses: dict[str, int] = {}
    for match in matches:
        spelling = " ".join(match.group(1).split())
        uses[spelling] = uses.get(spelling, 0) + 1
    for match in matches:
        target = house.variants.get(" ".join(match.group(1).split()))
        if target is None or titles.holds(match.start()) or in_proper_name(article.prose, *match.span()):
            continue
        if titles.language_at(match.start()) is not None:
            continue  # a quotation in another language keeps its spelling: „… standing with Kyiv“
        if given_beside(article.prose, match.start(), match.end(), listed) or \
                called_so(article.prose, match.start(), match.end()):
            continue  # „Kyjiw (Kiew)“, „auch Kiev genannt“: a name given on purpose
        reported.add(match.start())
        suggestion = target + match.group(2)
        elsewhere = uses.get(target, 0)
        where = f" ({elsewhere}× elsewhere in this article)" if elsewhere else ""
        # the house list says which name is meant: in German text, where the list applies, and
        # unless the name runs over a line break
        certain = article.lang.lower().startswith("de") and "\n" not in match.group()
        yield Finding(
            match.start(),
            match.end(),
            f"„{match.group()}“: the house spelling is „{suggestion}“{where}",
            suggestion,
            Fix("safe" if certain else "unsafe", (Edit(match.start(), match.end(), suggestion),)),
        )


def _in_text(group: VariantGroup, in_text: set[str]) -> bool:
    """Whether the spelling a group prefers (or, when the evidence is even, every spelling) is
    used in the article's own text, not only in names that keep their own spelling — „Jemen“ in
    the text and the paper „Yemen Observer“ are no inconsistency — or else the other spellings
    are no spelling at all (the play „Der Kirschgarten“ once written „Der Kirschhgarten“)."""
    from newslint.german.name_context import real_name

    spellings = [group.preferred] if group.preferred is not None else group.spellings
    if all(any(form in in_text for form in spelling.forms) for spelling in spellings):
        return True
    others = [spelling for spelling in group.spellings if spelling is not group.preferred]
    return group.preferred is not None and not any(real_name(form) for s in others for form in s.forms)


def _keeps_own_spelling(article, mention, titles: _Titles) -> bool:
    """Whether a mention is a name that keeps its own spelling and is not flagged: in a title
    („Yemen Observer“), in a quotation in another language, or part of a longer name („Zurich
    Film Festival“) — unless it is no spelling at all („Big Brrother Awards“, „Kyiv Indeüendent“)."""
    from newslint.german.name_context import in_proper_name, real_name

    language = titles.language_at(mention.start)
    if not real_name(mention.text, language or ""):
        return False
    return language is not None or titles.holds(mention.start) \
        or in_proper_name(article.prose, mention.start, mention.end, False)


def _is_title(text: str) -> bool:
    """A short quotation without a sentence in it: the name of a paper, group or work."""
    return len(text.split()) <= _TITLE_WORDS and not text.rstrip().endswith((".", "!", "?", ","))


def _group_finding(group: VariantGroup, mention, house: HouseList) -> Finding | None:
    from newslint.german.variants import suggest

    own = group.spelling_of(mention.text)
    if group.preferred is None:
        first = group.spellings[0]
        if own is first:
            return None
        return Finding(
            mention.start,
            mention.end,
            f"„{mention.text}“ differs from „{first.form}“ ({first.count}× elsewhere in this "
            "article); the evidence is even: check which spelling is right",
        )
    if own is group.preferred:
        return None
    closest = suggest(mention.text, group.preferred)
    message = f"„{mention.text}“ differs from „{closest}“ ({_evidence(group, own)})"
    suggestion = house.preferred_of(closest)
    if suggestion:
        message += f"; the house spelling is „{suggestion}“"
    # safe only when the house list decides and the article does not say otherwise
    certain = group.evidence == "house" and group.preferred.count >= own.count
    replacement = suggestion or closest
    fix = Fix("safe" if certain else "unsafe", (Edit(mention.start, mention.end, replacement),))
    return Finding(mention.start, mention.end, message, replacement, fix)


def _evidence(group: VariantGroup, own: Spelling) -> str:
    preferred = group.preferred
    said = f"{preferred.count}× elsewhere in this article"
    if preferred.count > own.count:
        return said
    if group.evidence == "house":
        return f"{said}; the house spelling"
    if group.evidence == "casing":
        return f"{said}; the name's own capitals"
    if group.evidence == "transliteration":
        return f"{said}; the German transliteration"
    return f"{said}; the common spelling"


# -- typos of common words, which word-frequency data make certain ------------------------------

#: a word in lower case of eight letters or more after a space (a literal first: a quick search)
_LOWER_CASE_WORD = re.compile(r" ([a-zäöüß]{8,})")
#: what may stand around a word in running text: quotation marks, brackets, punctuation
_AROUND = "„“”\"‚‘’'»«›‹()[]{},.;:!?…"


def _typo_findings(article, forms: set[str], reported: set[int]) -> Iterator[Finding]:
    """Typos of common words that the article does not also spell right („Digitalisirung“,
    „verantwortlcih“), where word-frequency data make them certain (see
    `newslint.german.typos`): in German text, once in the article, in running text (not in a web
    address, a hashtag, code or a hyphenated word), not in a quotation in another language nor in
    a title, and not where a capitalised spelling may be a name (a capitalised word before it).
    `forms`: the article's capitalised words (`name_forms`)."""
    if not article.blocks or not article.lang.lower().startswith("de"):
        return
    from newslint.german.typos import corrections, suspects

    prose = article.prose
    start, end = article.blocks[0].start, article.blocks[-1].end
    strange = suspects(forms, _LOWER_CASE_WORD.findall(prose, start, end))
    if not strange:
        return  # most articles: every long word is known, or a name found to be no typo before
    placed = {}  # the strange words in running text, once in the article, and no names: few
    for word in strange:
        at = _place(prose, word, start, end)
        if at is None or at in reported or not _in_running_text(prose, at, at + len(word)):
            continue
        if word[0].isupper() and _may_be_name(article, at, at + len(word)):
            continue
        placed[word] = at
    corrected = corrections(set(placed))  # most articles: their unknown words are names, no typos
    titles = None
    for word in sorted(corrected):
        right, at = corrected[word], placed[word]
        if titles is None:
            titles = _Titles(article)
        if titles.holds(at) or titles.language_at(at) is not None:
            continue
        yield Finding(
            at,
            at + len(word),
            f"„{word}“ is no word: a typo of „{right}“",
            right,
            Fix("unsafe", (Edit(at, at + len(word), right),)),
        )


def _place(prose: str, word: str, start: int, end: int) -> int | None:
    """Where `word` stands in prose[start:end], if the article writes it once and no other word
    begins like it („Lindermanns“ beside „Lindermann“ is a name), or None."""
    head = word[: len(word) - 2]
    at = prose.find(head, start, end)
    if at < 0 or prose.find(head, at + 1, end) >= 0 or not prose.startswith(word, at):
        return None
    return at


def _in_running_text(prose: str, start: int, end: int) -> bool:
    """Whether the word at prose[start:end] stands in running text: the token around it, between
    spaces, is the word with quotation marks, brackets and punctuation at most — not a web or
    e-mail address, a handle, a hashtag, code or a hyphenated word."""
    left = max(prose.rfind(" ", 0, start), prose.rfind("\n", 0, start)) + 1
    right = min(i for i in (prose.find(" ", end), prose.find("\n", end), len(prose)) if i >= 0)
    return prose[left:start].strip(_AROUND) == "" and prose[end:right].strip(_AROUND) == "" \
        and not (prose[end:right].startswith((".", ":")) and prose[end + 1 : end + 2].isalnum())


def _may_be_name(article, start: int, end: int) -> bool:
    """Whether a capitalised word may be a name: a capitalised word other than an article or
    determiner stands right before it in its sentence („Thomas Lindermann“), or before the comma
    or dash before it, as in a list of names or a line-up („Grießler, Hofer, Sattlberger“)."""
    from newslint.german.mentions import DETERMINERS

    prose = article.prose
    before = _WORD_BEFORE.search(prose[max(0, start - _REACH) : start])
    return bool(before and before.group(1)[0].isupper() and before.group(1).lower() not in DETERMINERS)


_REACH = 40
_WORD_BEFORE = re.compile(r"(?<![\w\-.])([^\W\d_][\w\-]*\.?)(?:,|[ \u00a0][–—])?[ \u00a0]$")
