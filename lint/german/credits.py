"""Where an article says it comes from: its credit line and its dateline, parsed once.

A credit line stands in parentheses at the end of the article, either closing the last paragraph
("… nach Lwiw. (dpa)") or on a line of its own: an optional editor's abbreviation (Kürzel, a few
lowercase letters), then agencies separated by slashes, e.g. "(dpa)", "(AFP/dpa)", "(erpe/dpa/AFP)".
A dateline opens the body: a place, optionally the source in parentheses, then a spaced dash
("Pjöngjang – ", "Berlin (dpa) – ", "WASHINGTON (AP) — ").

The parse is tolerant on purpose, so that the rules can report what is wrong: a missing
parenthesis, commas or spaces between the parts, empty parts, an agency in the wrong casing or
misspelt, a hyphen after the dateline. It is also careful not to take ordinary parentheses for a
credit line: a parenthesis counts only when it stands at the end of a paragraph and names at least
one agency (or something within one typing error of one), so "(20. Juni)", "(Ohio)" or "(NEMA)"
are left alone.

`sourcing(article, agencies)` returns the result and keeps it on the article, so the rules
`credit-line` and `dateline` share one parse. `bylined(article, agencies)` tells an article of the
newsroom's own, with its authors named at the top („Von Katrin Wallner“), which needs no credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import regex
from newslint.german.agencies import AGENCIES, DPA_SERVICES
from newslint.german.distance import edit_distance
from newslint.german.segment import Span

KUERZEL = regex.compile(r"[a-zäöüß]{1,6}")
_TERMINAL = ".!?…)]"
_CLOSING_QUOTES = "“”\"»«’'"
_CREDIT_CHARS = regex.compile(r"[\p{L}\p{M}\-/,; \t]{1,50}")
_BARE_CREDIT = regex.compile(r"[\p{L}\p{M}\-/,;]{1,50}")  # one without its opening parenthesis
_TOKEN = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}\-]*")
_TAIL = 80  # a credit line is short: only the end of a paragraph is searched

_WORD = r"[\p{Lu}][\p{L}\p{M}'’.]*(?:-[\p{L}\p{M}'’.]+)*"
_PARTICLE = (
    r"(?:am|an|der|den|im|in|bei|ob|auf|vor|de|del|della|di|da|do|dos|la|le|les|sur|sul|upon|on"
    r"|en|el|al|y|von|zu)"
)
_DATELINE = regex.compile(
    rf"""
    (?P<place>{_WORD}(?:(?:[ ]|[ ]?/[ ]?)(?:{_PARTICLE}(?=[ ])|{_WORD})){{0,4}})
    (?P<groups>(?:[ ]?\([^()\n]{{1,50}}\)){{0,2}})
    (?:,[ ](?P<date>[\p{{L}}\p{{N}}. ]{{1,25}}?)[ ]?(?P<late>\([^()\n]{{1,50}}\)))?
    (?P<dash>[ \t]*(?:--|[–—―])[ \t]*|[ \t]+(?:[-‐‑‒−])[ \t]*|(?<=\))(?:[-‐‑‒−])[ \t]*)
    (?=[\p{{L}}\p{{N}}„“"»«‚‘’'(])
    """,
    regex.VERBOSE,
)
_GROUP = regex.compile(r"\(([^()\n]{1,50})\)")
# a dateline is short: it is looked for in the first characters of a paragraph only, which also
# keeps a paragraph of one giant hyphenated word from taking quadratic time
_DATELINE_WINDOW = 300
#: characters from a paragraph's start within which a dateline's source opens (the place is short)
_SOURCE_REACH = 80
# Words that open ordinary sentences, not datelines ("Die Kürzung der Pauschale – auch …").
_NOT_A_PLACE = frozenset(
    """Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Im Am Um An Auf Aus Bei Mit Nach
    Vor Seit Von Zu Zum Zur Für Über Unter Gegen Ohne Durch Noch Auch Nur Schon Doch Dann Jetzt
    Heute Gestern Morgen Ganz Mitte Ende Anfang Seine Ihre Sein Ihr Unser Mehr Viele Alle Es Er
    Sie Wir Ich Man Wie Was Wer Wo Als Wenn Und Oder Aber Dies Diese Dieser Dieses The A An In
    On At For With""".split()
)


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a credit line.

    `role` is "agency" (`name` is its canonical spelling), "service" (a service of the agency
    before it, „lby“ of „(dpa/lby)“), "kuerzel" (an editor's abbreviation) or "unknown" (`name`
    is the closest known agency, or None when none is close).
    """

    start: int
    end: int
    text: str
    role: str
    name: str | None


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit line as written, from its opening to its closing parenthesis (when present).

    `separators` holds what stands before the first part, between the parts and after the last
    one: ("", "/", "") for "(dpa/AFP)".
    """

    start: int
    end: int
    text: str
    opened: bool
    closed: bool
    parts: tuple[Part, ...]
    separators: tuple[str, ...]

    @property
    def kuerzel(self) -> Part | None:
        return next((p for p in self.parts if p.role == "kuerzel"), None)

    @property
    def agencies(self) -> tuple[str, ...]:
        """The agencies named, canonical and without repeats (misspelt ones as their closest); not
        an agency's regional service („lby“ of „(dpa/lby)“)."""
        return tuple(name for name, role in self._sources() if role != "service")

    def _sources(self) -> list[tuple[str, str]]:
        """The agencies and services named, in order, each once: (canonical name, role)."""
        found: dict[str, str] = {}
        for part in self.parts:
            if part.role != "kuerzel" and part.name and part.name not in found:
                found[part.name] = part.role
        return list(found.items())

    @property
    def well_formed(self) -> bool:
        inner = self.separators[1:-1]
        return (
            self.opened and self.closed and not self.separators[0] and not self.separators[-1]
            and all(sep == "/" for sep in inner)
        )

    def fixed(self) -> str:
        """The credit line as it should be written: canonical agencies, once each, slashes."""
        names = [self.kuerzel.text] if self.kuerzel else []
        names += [name for name, _role in self._sources()]
        names += [p.text for p in self.parts if p.role == "unknown" and not p.name]
        return "(" + "/".join(names) + ")"


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline that opens the body: `start`..`end` runs from the place to past the dash."""

    start: int
    end: int
    place: Span
    source: Credit | None
    dash: Span  # the dash with the spaces around it

    def fixed(self, dash: str) -> str:
        """The dateline written with `dash`, spaced."""
        source = f" {self.source.fixed()}" if self.source else ""
        return f"{self.place.text}{source} {dash} "


@dataclass(frozen=True, slots=True)
class Sourcing:
    """An article's credit lines and dateline."""

    credit: Credit | None  # the credit line that ends the article
    misplaced: tuple[Credit, ...]  # credit lines anywhere else (before the end, or a second one)
    dateline: Dateline | None


def sourcing(article, agencies: tuple[str, ...] = AGENCIES) -> Sourcing:
    """The article's credit lines and dateline, judged against `agencies`; computed once per
    agency list and kept on the article."""
    cache = article.__dict__.setdefault("_sourcing", {})
    if agencies not in cache:
        cache[agencies] = _scan(article, _agencies(agencies))
    return cache[agencies]


#: a byline of the newsroom's own: „Von“ (or „By“) and one or two names of two to four
#: capitalised words, perhaps a place after a comma („Von Anna Gruber und Thomas Steiner“, „Von
#: Eva Prandtner, Wien“)
_NAME = r"\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}"
_NAMES = rf"{_NAME}(?:\s*(?:,|und|and)\s*{_NAME})?"
_BYLINE = regex.compile(rf"(?:Von|By)\s+{_NAMES}(?:\s*,\s*\p{{Lu}}[\p{{L}} -]*)?")
_BYLINE_OPENINGS = ("Von ", "By ")
#: an author's initials in parentheses ending the article, the signature of the newsroom's own
#: reporting in many German papers („(mp)“); not an agency, nor one misspelt („(dap)“)
_SIGNATURE = regex.compile(r"\(([a-zäöü]{2,4})\)[*_\s]*$")
_SIGNATURE_REACH = 12
#: the interviewer named at the end of an interview („Das Gespräch führte Christian Meding.“,
#: „Interview: Anna Gruber“)
_INTERVIEWER_OPENINGS = ("Das Gespräch", "Das Interview", "Interview:")
_INTERVIEWER = regex.compile(rf"(?:(?:Das\s+(?:Gespräch|Interview)\s+führten?)|Interview:)\s+(?P<names>{_NAMES})\.?")
#: the author of a Markdown file's front matter: people's names
_AUTHORS = regex.compile(_NAMES)
#: words that name an agency or a desk, not a person („Deutsche Presse-Agentur“, „Redaktion Politik“)
_DESK = regex.compile(r"(?i)\b(?:\w*redaktion|\w*agentur|agence|presse|press|\w*pressedienst|\w*netzwerk)\b")
_BYLINE_WORD = regex.compile(r"\p{L}+")  # „AFP-Korrespondentin“: „AFP“ and „Korrespondentin“
#: the blocks after the headline that a byline may be among (a teaser, the dateline's paragraph)
_TOP_BLOCKS = 3
#: the paragraphs that may open with the dateline (after a teaser or a byline set apart)
_DATELINE_PARAGRAPHS = 3


def bylined(article, agencies: tuple[str, ...] = AGENCIES) -> bool:
    """Whether the article names its authors, and no agency or desk among them: the newsroom's
    own reporting, which needs no credit line. A byline near the top („Von Katrin Wallner“; not
    „Von Anna Muster, AFP“), the author's initials ending it („(mp)“), the interviewer at the end
    („Das Gespräch führte Christian Meding.“; not „… führte AFP-Korrespondentin Anna Gruber.“), or
    people named as the author in a Markdown file's front matter („author: Anna Gruber“). The
    author of a record in a content-management export does not count: such exports name the
    editor who published agency copy there too."""
    known = _agencies(agencies)
    top = islice((block.text.lstrip("*_ ") for block in article.blocks if block.kind != "headline"), _TOP_BLOCKS)
    found = [line for line in (text.rstrip().rstrip("*_").rstrip() for text in top if text.startswith(_BYLINE_OPENINGS))
             if _BYLINE.fullmatch(line)]
    last = article.blocks[-1].text.lstrip("*_ ") if article.blocks else ""
    signature = _SIGNATURE.search(last, max(0, len(last) - _SIGNATURE_REACH)) if last.rstrip("*_ ").endswith(")") else None
    if signature and known.exact(signature.group(1)) is None and known.closest(signature.group(1)) is None:
        return True  # the author's initials alone close the article („… im Herbst. (mp)“)
    if last.startswith(_INTERVIEWER_OPENINGS):  # most articles end otherwise: no pattern tried
        ending = _INTERVIEWER.fullmatch(last.rstrip().rstrip("*_").rstrip())
        found += [ending.group("names")] if ending else []
    author = article.meta.author
    if author and article.source is None and _AUTHORS.fullmatch(author.strip()):
        found.append(author)  # front matter: the file is the article
    for names in found:
        if not any(map(known.exact, _BYLINE_WORD.findall(names))) and not _DESK.search(names):
            return True
    return False


@lru_cache(maxsize=16)
def _agencies(names: tuple[str, ...]) -> _Agencies:
    """The agency list prepared for look-ups, once per list rather than once per article."""
    return _Agencies(names)


class _Agencies:
    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        self.by_key = {}
        for name in names:
            self.by_key.setdefault(name.casefold(), name)

    def exact(self, text: str) -> str | None:
        return self.by_key.get(text.casefold())

    def closest(self, text: str) -> str | None:
        return closest_name(text, self.names)


def closest_name(text: str, names) -> str | None:
    """The name within one typing error of `text` (two for long ones), ignoring case; the first
    of equally close ones. Nothing for texts shorter than three letters."""
    key = text.casefold()
    if len(key) < 3:
        return None
    limit = 1 if len(key) < 6 else 2
    best, best_distance = None, limit + 1
    for name in names:
        folded = name.casefold()
        if abs(len(folded) - len(key)) > limit:
            continue
        distance = edit_distance(key, folded)
        if distance < best_distance:
            best, best_distance = name, distance
    return best


# -- credit lines ---------------------------------------------------------------------------


def _scan(article, agencies: _Agencies) -> Sourcing:
    blocks = [b for b in article.blocks if b.kind != "headline"]
    found: list[Credit] = []
    for number, block in enumerate(blocks):
        found.extend(_trailing_credits(block, agencies, last=number == len(blocks) - 1))
    credit = None
    if blocks and found and found[-1].end == _end_of(blocks[-1]):
        credit = found.pop()
    return Sourcing(credit, tuple(found), _dateline(article, agencies))


def _end_of(block) -> int:
    return block.start + len(block.text.rstrip())


def _trailing_credits(block, agencies: _Agencies, last: bool) -> list[Credit]:
    """Credit lines at the end of a block, last one last ("… (dpa) (AFP)" gives two)."""
    credits: list[Credit] = []
    text = block.text
    end = len(text.rstrip())
    while end > 0:
        credit = _credit_before(text, end, block.start, agencies, strict=not (last and not credits))
        if credit is None:
            break
        credits.insert(0, credit)
        end = len(text[: credit.start - block.start].rstrip())
    return credits


def _credit_before(text: str, end: int, offset: int, agencies: _Agencies, strict: bool) -> Credit | None:
    """The credit line that ends at `end` in a block's text, if one does.

    After the end of a sentence (or alone on its line) a credit line may be malformed or name a
    misspelt agency; right after a word it must name a known agency. Only at the very end of the
    article may it lack a parenthesis; elsewhere (`strict`) it has both, names a known agency and,
    unless it is well formed, follows the end of a sentence.
    """
    window = max(0, end - _TAIL)
    closed = text[end - 1] == ")"
    inner_end = end - 1 if closed else end
    opening = text.rfind("(", window, inner_end)
    if opening != -1 and ")" not in text[opening:inner_end]:
        start, inner_start, opened = opening, opening + 1, True
    elif closed and not strict:
        run = _BARE_CREDIT.match(text[window:inner_end][::-1])
        if run is None:
            return None
        start = inner_start = inner_end - run.end()
        opened = False
    else:
        return None
    if strict and not (opened and closed):
        return None
    inner = text[inner_start:inner_end]
    if not _CREDIT_CHARS.fullmatch(inner) or not regex.search(r"\p{L}", inner):
        return None
    before = text[:start].rstrip()
    after_terminal = not before or before[-1] in _TERMINAL or (  # „… mit.“ (dpa)
        before[-1] in _CLOSING_QUOTES and len(before) > 1 and before[-2] in _TERMINAL)
    credit = _credit(text, start, inner_start, inner_end, end, offset, opened, closed, agencies)
    if credit is None:
        return None
    exact = any(p.role == "agency" for p in credit.parts)
    if not after_terminal and not exact:
        return None  # "… Flugsicherung (DFS)" is no misspelt "(dts)"
    if not opened and not after_terminal and any(p.role == "unknown" for p in credit.parts):
        return None
    if strict and not (exact and (after_terminal or credit.well_formed)):
        return None
    return credit


def _credit(text, start, inner_start, inner_end, end, offset, opened, closed, agencies) -> Credit | None:
    """Parse the parts of a credit line; None when it names no agency (so is no credit line)."""
    tokens = list(_TOKEN.finditer(text, inner_start, inner_end))
    if not tokens or len(tokens) > 6:
        return None
    parts = []
    for number, token in enumerate(tokens):
        word = token.group()
        name = agencies.exact(word)
        if name:
            role = "agency"
        elif word in DPA_SERVICES and parts and parts[-1].name == "dpa":
            role, name = "service", word  # a service of dpa: „(dpa/lby)“
        elif number == 0 and len(tokens) > 1 and KUERZEL.fullmatch(word):
            role = "kuerzel"
        else:
            role, name = "unknown", agencies.closest(word)
        parts.append(Part(offset + token.start(), offset + token.end(), word, role, name))
    named = sum(1 for p in parts if p.role == "agency" or (p.role == "unknown" and p.name))
    unnamed = sum(1 for p in parts if p.role == "unknown" and not p.name)
    if named == 0 or unnamed > named:
        return None
    bounds = [inner_start] + [i for t in tokens for i in (t.start(), t.end())] + [inner_end]
    separators = tuple(text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))
    return Credit(offset + start, offset + end, text[start:end], opened, closed, tuple(parts), separators)


# -- dateline -------------------------------------------------------------------------------


#: every dash a dateline may have: a paragraph without one near its start has no dateline, which
#: this search finds out much faster than `_DATELINE`
_DASH = re.compile(r"[-–—―‐‑‒−]")


def _dateline_match(text: str):
    if _DASH.search(text, 0, _DATELINE_WINDOW) is None:
        return None
    return _DATELINE.match(text, 0, _DATELINE_WINDOW)


def dash_in(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a dash of the kinds a dateline ends with: without one, a
    paragraph opening there has no dateline ending before `end`."""
    return _DASH.search(text, start, end) is not None


def starts_with_dateline(text: str) -> bool:
    """Whether a paragraph opens with something shaped like a dateline („Berlin (dpa) – …“)."""
    match = _dateline_match(text)
    return match is not None and _is_place(match.group("place"))


def dateline_length(text: str) -> int:
    """How many characters of `text`, a paragraph, a dateline at its start takes, the dash and the
    spaces after it included („Berlin (dpa/AFP) – “); 0 when it opens with none. What follows the
    dash must open a sentence (not lowercase): „Minister Müller – sichtlich verärgert – sagte …“
    has no dateline but an aside."""
    match = _dateline_match(text)
    if match is None or not _is_place(match.group("place")) or text[match.end() : match.end() + 1].islower():
        return 0
    return match.end()


def _is_place(text: str) -> bool:
    first_word = regex.match(r"[\p{L}\p{M}'’.]+", text).group()
    return first_word not in _NOT_A_PLACE and len(text) <= 40


def _dateline(article, agencies: _Agencies) -> Dateline | None:
    """The dateline that opens the body: in its first paragraph, or with its source in one of the
    next few, after a teaser or a byline set apart („Neue Grundsteuer / Seit Januar gilt … /
    Berlin (dpa) – …“; not a result „Ghana - Australien: 1:1“)."""
    paragraphs = (block for block in article.blocks if block.kind == "paragraph")
    first = next(paragraphs, None)
    found = _dateline_of(first, agencies) if first is not None else None
    if found is not None or first is None:
        return found
    for block in islice(paragraphs, _DATELINE_PARAGRAPHS - 1):
        if _source_then_dash(block.text):
            found = _dateline_of(block, agencies)
            if found is not None and _known_source(found):
                return found
    return None


def _known_source(dateline: Dateline) -> bool:
    """Whether a dateline names its source with known agencies only: a name and a party after a
    teaser („Alice Weidel (AfD) - …“) is no dateline, though „AfD“ looks like „AFP“."""
    return dateline.source is not None and all(part.role != "unknown" for part in dateline.source.parts)


def _source_then_dash(text: str) -> bool:
    """Whether a paragraph may open with a dateline that names its source: a closing parenthesis
    near its start, then a dash („Berlin (dpa) – “); most paragraphs have none."""
    close = text.find(")", 0, _SOURCE_REACH)
    return close >= 0 and _DASH.match(text[close + 1 : close + 3].lstrip()) is not None


def _dateline_of(body, agencies: _Agencies) -> Dateline | None:
    match = _dateline_match(body.text)
    if match is None:
        return None
    if not _is_place(match.group("place")):
        return None
    offset = body.start
    groups = list(_GROUP.finditer(body.text, match.start("groups"), match.end("groups")))
    if match.group("late"):
        groups.append(_GROUP.match(body.text, match.start("late")))
    source = None
    if groups:
        last = groups[-1]
        source = _credit(body.text, last.start(), last.start(1), last.end(1), last.end(), offset,
                         True, True, agencies)
    if match.group("late") and source is None:
        return None
    place_end = len(body.text[: source.start - offset if source else match.start("dash")].rstrip())
    place = Span(offset, offset + place_end, body.text[:place_end])
    dash = Span(offset + match.start("dash"), offset + match.end("dash"), match.group("dash"))
    return Dateline(offset, offset + match.end(), place, source, dash)
