"""Adversarial articles: inputs built to make regular expressions backtrack and loops go quadratic.

    python tests/properties/adversarial.py [NAME ...]      # times each case; JSON on stdout

Each case is checked as `.txt` and as `.md` by every rule (see `fuzz_articles.check_text`), at a
tenth of its size and at its full size, in this process under a memory limit and with an alarm
that stops a runaway case, so one bad case cannot take the others (or the machine) down.
`tests/test_robustness.py` runs this and gives each case a time budget: a few seconds, or linear
growth from the small size, whichever is more.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

MB = 1_000_000
HEAD = "Titel\n"

CASES = {
    # the three the issue names
    "100,000 opening quotation marks": lambda n: HEAD + "„" * n(100_000) + "\n",
    "1 MB line without spaces": lambda n: HEAD + "a" * n(MB) + "\n",
    "10,000 nested brackets": lambda n: HEAD + "(" * n(10_000) + "[" * n(10_000) + "]" * n(10_000) + ")" * n(10_000) + "\n",
    # quotation marks of every kind, unpaired and nested
    "50,000 closing quotation marks": lambda n: HEAD + "“" * n(50_000) + "\n",
    "50,000 straight double quotes": lambda n: HEAD + '"' * n(50_000) + "\n",
    "100,000 apostrophes": lambda n: HEAD + "'" * n(100_000) + "\n",
    "50,000 nested guillemets": lambda n: HEAD + "»" * n(50_000) + "«" * n(50_000) + "\n",
    "50,000 nested German quotes": lambda n: HEAD + "„‚" * n(25_000) + "‘“" * n(25_000) + "\n",
    "20,000 attributed quotes in one paragraph": lambda n: HEAD + "„Ja“, sagte er. " * n(20_000) + "\n",
    # long runs of punctuation, digits, dashes
    "100,000 periods": lambda n: HEAD + "." * n(100_000) + "\n",
    "100,000 digits": lambda n: HEAD + "1" * n(100_000) + "\n",
    "50,000 ordinals": lambda n: HEAD + "1. " * n(50_000) + "\n",
    "100,000 hyphens": lambda n: HEAD + "-" * n(100_000) + "\n",
    "100,000 spaced en dashes": lambda n: HEAD + " –" * n(100_000) + "\n",
    "100,000 slashes in a credit line": lambda n: HEAD + "Text.\n(" + "dpa/" * n(100_000) + "\n",
    "1 MB of spaces inside a line": lambda n: HEAD + "Ein" + " " * n(MB) + "Satz.\n",
    "50,000 lines": lambda n: HEAD + "Ein Satz.\n" * n(50_000),
    # words the rules look at
    "one 1 MB capitalised word": lambda n: HEAD + "Ab" * n(MB // 2) + "\n",
    "one 700 KB hyphenated name": lambda n: HEAD + "Müller-" * n(100_000) + "\n",
    "100,000 abbreviations": lambda n: HEAD + "Dr. " * n(100_000) + "\n",
    "10,000 dates with weekdays": lambda n: HEAD + "am Donnerstag (20. Juni) " * n(10_000) + "\n",
    "100,000 capitalised names": lambda n: HEAD + "Berlin " * n(100_000) + "\n",
    "20,000 credit lines": lambda n: HEAD + "Text. (dpa) " * n(20_000) + "\n",
    # Markdown markup, unclosed
    "100,000 unclosed tags": lambda n: HEAD + "<a" * n(100_000) + "\n",
    "100,000 unclosed autolinks": lambda n: HEAD + "<http:" * n(100_000) + "\n",
    "100,000 unclosed links": lambda n: HEAD + "[a](" * n(100_000) + "\n",
    "100,000 unclosed images": lambda n: HEAD + "![" * n(100_000) + "\n",
    "100,000 opening brackets": lambda n: HEAD + "[" * n(100_000) + "\n",
    "100,000 backticks": lambda n: HEAD + "`a" * n(100_000) + "\n",
    "100,000 emphasis marks": lambda n: HEAD + "*_" * n(100_000) + "\n",
    "50,000 comment openers": lambda n: HEAD + "<!--" * n(50_000) + "\n",
    "100,000 heading marks": lambda n: HEAD + "#" * n(100_000) + "\n",
    "100,000 block quote marks": lambda n: HEAD + "> " * n(100_000) + "\n",
}

MEMORY_LIMIT = 3 << 30  # bytes
CASE_LIMIT = 30  # seconds before a case is stopped
SMALL = 10  # the small size is a tenth of the full one


def article(name: str, scale: float = 1.0) -> str:
    """The text of a case at its full size, or scaled down."""
    return CASES[name](lambda count: max(1, int(count * scale)))


class _Stop(Exception):
    pass


def _alarm(signum, frame):
    raise _Stop


def _check(text: str) -> float:
    """Seconds to check `text` as `.txt` and as `.md` with every rule."""
    from fuzz_articles import check_text

    start = time.perf_counter()
    for path in ("a.txt", "a.md"):
        check_text(path, text)
    return time.perf_counter() - start


def run(names: list[str]) -> dict[str, dict]:
    """{name: {"small": seconds, "full": seconds, "error": None or what went wrong}} per case."""
    _check("Titel\nText „mit“ Zitat, sagte er (dpa).\n")  # load everything first
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    signal.signal(signal.SIGALRM, _alarm)
    outcome = {}
    for name in names:
        times, error = {}, None
        signal.alarm(CASE_LIMIT)
        try:
            for size, scale in (("small", 1 / SMALL), ("full", 1.0)):
                times[size] = round(_check(article(name, scale)), 3)
        except _Stop:
            error = f"stopped after {CASE_LIMIT} s"
        except MemoryError:
            error = f"out of memory (limit {MEMORY_LIMIT >> 30} GB)"
        except Exception as failure:  # noqa: BLE001 — any other failure is a finding too
            error = f"{type(failure).__name__}: {str(failure)[:300]}"
        finally:
            signal.alarm(0)
        outcome[name] = {**times, "error": error}
    return outcome


if __name__ == "__main__":
    chosen = sys.argv[1:] or list(CASES)
    print(json.dumps(run(chosen), ensure_ascii=False, indent=1))
