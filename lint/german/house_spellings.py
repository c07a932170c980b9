"""The house list of spellings: the names a newsroom writes one way, with the variants it does not use.

`spelling-consistency` flags the variants, and `newslint audit` groups them with their house
spelling across an archive. The default list holds German exonyms as dpa and Duden write them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

DEFAULT_PREFERRED: dict[str, tuple[str, ...]] = {
    "Pjöngjang": ("Pjongjang", "Pyongyang", "Pjöngyang"),
    "Peking": ("Beijing",),
    "Tiflis": ("Tbilissi", "Tbilisi"),
    "Neu-Delhi": ("New Delhi", "Neu Delhi"),
    "Kiew": ("Kyjiw", "Kyiv", "Kiev"),
    "Charkiw": ("Charkow", "Kharkiv"),
    "Odessa": ("Odesa",),
    "Lwiw": ("Lviv",),
    "Selenskyj": ("Selenskij", "Selensky", "Zelensky", "Zelenskyy"),
    "Bagdad": ("Baghdad",),
    "Teheran": ("Tehran",),
    "Kairo": ("Cairo",),
    "Taipeh": ("Taipei",),
    "Belgrad": ("Beograd",),
    "Bukarest": ("Bucuresti", "București"),
}

#: endings a listed spelling may carry: genitive, inhabitants and adjectives ("Pekinger")
_ENDINGS = r"(?:s|er|ern|ers|erin|erinnen)?"


@dataclass(frozen=True)
class HouseList:
    """The house list as the rules use it: each variant with its preferred spelling."""

    variants: Mapping[str, str]
    spellings: frozenset[str]
    pattern: regex.Pattern | None

    @property
    def names(self) -> dict[str, str]:
        """Every spelling on the list with the one to write: variants and preferred spellings."""
        return {**{spelling: spelling for spelling in self.spellings}, **self.variants}

    def preferred_of(self, written: str) -> str | None:
        """The house spelling for a variant as written, with its ending ("Beijinger": "Pekinger")."""
        match = self.pattern.fullmatch(written) if self.pattern else None
        if match is None:
            return None
        target = self.variants.get(" ".join(match.group(1).split()))
        return target + match.group(2) if target else None


def house_list(preferred: Mapping[str, tuple[str, ...]],
               extend_preferred: Mapping[str, tuple[str, ...]] = {}) -> HouseList:
    """The house list of `preferred` with `extend_preferred` added (an entry whose variant is a
    preferred spelling of the list turns that one around)."""
    # a rule's options are the same objects for every article of a configuration: known by
    # identity, the tables need not be turned into a key each time
    for known_preferred, known_extend, found in _LATEST:
        if known_preferred is preferred and known_extend is extend_preferred:
            return found
    found = _house_list(
        tuple((k, tuple(v)) for k, v in preferred.items()),
        tuple((k, tuple(v)) for k, v in extend_preferred.items()),
    )
    _LATEST.insert(0, (preferred, extend_preferred, found))
    del _LATEST[8:]
    return found


_LATEST: list = []  # (preferred, extend_preferred, HouseList) of the latest calls, newest first


@lru_cache(maxsize=32)
def _house_list(*tables: tuple[tuple[str, tuple[str, ...]], ...]) -> HouseList:
    import regex

    variants: dict[str, str] = {}
    for table in tables:
        for spelling, others in table:
            variants.pop(spelling, None)
            for variant in others:
                for old, target in variants.items():
                    if target == variant:
                        variants[old] = spelling
                variants[variant] = spelling
    spellings = frozenset(variants) | frozenset(variants.values())
    if not spellings:
        return HouseList({}, frozenset(), None)
    words = sorted(spellings, key=len, reverse=True)
    alternatives = "|".join(r"[ \t\xa0]+".join(map(regex.escape, word.split())) for word in words)
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])({alternatives})({_ENDINGS})(?![\p{{L}}\p{{N}}])"
    )
    return HouseList(variants, spellings, pattern)
