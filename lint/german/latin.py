"""Unicode character classes for the standard library's `re`, for text in Latin script.

The standard library's engine finds words several times faster than `regex`, but it has no
Unicode categories. Nearly every article is written in Latin letters and common punctuation
only; for those, a category is spelt out character by character from the Unicode data (the
letters, marks and digits there are the ones `regex` knows). `NOT_LATIN` finds a character
outside that range: where it finds one, the pattern of `regex` must be used.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

#: the characters the classes spell out: Latin letters, general punctuation, currency signs
LATIN = (range(0x250), range(0x2000, 0x2070), range(0x20A0, 0x20D0))

NOT_LATIN = re.compile(
    "[^" + "".join(f"{re.escape(chr(b.start))}-{re.escape(chr(b.stop - 1))}" for b in LATIN) + "]"
)


@cache
def latin_class(categories: str) -> str:
    """The characters of `LATIN` whose Unicode category starts with one of `categories`
    ("Lu", "L M"), as a class of the standard library's `re`, in runs ("A-Z")."""
    prefixes = tuple(categories.split())
    runs: list[list[int]] = []
    for code in (code for block in LATIN for code in block):
        if unicodedata.category(chr(code)).startswith(prefixes):
            if runs and runs[-1][1] == code - 1:
                runs[-1][1] = code
            else:
                runs.append([code, code])
    return "[" + "".join(f"{re.escape(chr(first))}-{re.escape(chr(last))}" for first, last in runs) + "]"
