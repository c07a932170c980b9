"""Quality of the credit-line and dateline rules on real German news text.

    python benchmarks/credit_quality.py [CORPUS_DIR] [--limit N]

CORPUS_DIR defaults to ../shared/corpus/wikinews-de beside the repository (or $NEWSLINT_CORPUS);
the script says so and exits 0 when it is absent. The corpus is Wikinews: its articles carry no
credit line and no dateline, so they serve as real text around credit lines planted at their end
(closing the last paragraph, and on a line of its own). It prints:

1. false alarms on the articles as they are, with `required = false` (every finding is false);
   and how many articles `required = true` reports as lacking a credit line (all, correctly);
2. good credit lines planted: articles with any credit-line or dateline finding (should be none),
   with `required = true`, so a good credit line that is not recognised counts too;
3. bad credit lines planted: how many are flagged (recall), with `required = false`, so only a
   finding about the planted credit line itself counts, never the generic "no credit line";
4. datelines planted at the start of the body: a good one with the source and no credit line
   (no finding expected), a hyphen instead of the dash, a dateline contradicting the credit line;
5. the time both rules take per article.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from newslint.article.model import parse  # noqa: E402
from newslint.engine.registry import rules_by_id  # noqa: E402

DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "wikinews-de")
RULES = rules_by_id()
CREDIT, DATELINE = RULES["credit-line"], RULES["dateline"]
REQUIRED = CREDIT.options()
NOT_REQUIRED = CREDIT.options(required=False)
STAFF = CREDIT.options(required=False, staff=("erpe", "jk"))

GOOD = ["(dpa)", "(AFP/dpa)", "(jk/dpa)", "(dpa/AFP)", "(KNA)", "(epd)", "(erpe/dpa/AFP)"]
# bad form -> what is wrong with it
BAD = {
    "(ale/dpa/AFP": "no closing parenthesis",
    "dpa/AFP)": "no opening parenthesis",
    "(dpa, AFP)": "comma",
    "(dpa / AFP)": "spaces",
    "( dpa )": "spaces",
    "(jk /dpa)": "spaces",
    "(dpa//AFP)": "empty part",
    "(/dpa)": "empty part",
    "(dpa/)": "empty part",
    "(DPA)": "casing",
    "(kna)": "casing",
    "(dpa/afp)": "casing",
    "(Afp)": "casing",
    "(reuters)": "casing",
    "(EPD)": "casing",
    "(dap)": "unknown agency",
    "(Reuter)": "unknown agency",
    "(AFB)": "unknown agency",
    "(jk/dap)": "unknown agency",
    "(dpa/AFP/dpa)": "repeated agency",
    "(dpa/dpa)": "repeated agency",
    "(xy/dpa)": "unknown Kürzel (staff list erpe, jk)",
}
PLACEMENTS = ("closing the paragraph", "own line")


def load(corpus: str, limit: int | None):
    directory = os.path.join(corpus, "articles")
    for name in sorted(os.listdir(directory))[:limit]:
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            yield name, handle.read()


def ending(text: str, credit: str, placement: str) -> str:
    separator = " " if placement == "closing the paragraph" else "\n\n"
    return text.rstrip() + separator + credit + "\n"


def with_dateline(text: str, dateline: str) -> str:
    """The article with `dateline` before the first word of its body (after the front matter)."""
    body = text.index("\n---\n", 3) + 5 if text.startswith("---\n") else 0
    body += len(text[body:]) - len(text[body:].lstrip())
    return text[:body] + dateline + text[body:]


def with_credit_in_first_paragraph(text: str, credit: str) -> str:
    body = text.index("\n---\n", 3) + 5 if text.startswith("---\n") else 0
    end = text.find("\n\n", body + 1)
    if end == -1 or not text[end:].strip():
        return None  # a single paragraph: no middle to put it in
    return text[:end] + " " + credit + text[end:]


def mid_article(text: str) -> str | None:
    """A credit line closing the first paragraph, and another at the end."""
    planted = with_credit_in_first_paragraph(text, "(dpa)")
    return ending(planted, "(dpa)", "own line") if planted is not None else None


def run(name: str, text: str, credit_options, dateline: bool = True) -> list:
    article = parse(name, text)
    found = list(CREDIT.check(article, credit_options))
    if dateline:
        found += list(DATELINE.check(article, DATELINE.options()))
    return found


def rate(hits: int, total: int) -> str:
    return f"{hits}/{total} ({100 * hits / total:.1f}%)" if total else "0/0"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=os.environ.get("NEWSLINT_CORPUS", DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    arguments = parser.parse_args()
    if not os.path.isdir(os.path.join(arguments.corpus, "articles")):
        print(f"corpus not found at {arguments.corpus}: nothing to measure")
        return 0
    articles = list(load(arguments.corpus, arguments.limit))
    count = len(articles)
    print(f"{count} articles from {arguments.corpus}\n")

    false_alarms = [(n, f.message) for n, t in articles for f in run(n, t, NOT_REQUIRED)]
    missing = sum(1 for n, t in articles if run(n, t, REQUIRED, dateline=False))
    print("1. the articles as they are")
    print(f"   false alarms (required = false): {len(false_alarms)} in {count} articles")
    for name, message in false_alarms[:10]:
        print(f"     {name}: {message}")
    print(f"   reported as lacking a credit line (required = true): {rate(missing, count)}\n")

    print("2. good credit lines planted (required = true): articles with a finding")
    good_findings = 0
    for credit in GOOD:
        for placement in PLACEMENTS:
            flagged = [n for n, t in articles if run(n, ending(t, credit, placement), REQUIRED)]
            good_findings += len(flagged)
            print(f"   {credit:<16} {placement:<22} {len(flagged)} of {count}"
                  + (f"  e.g. {flagged[0]}" if flagged else ""))
    print(f"   all good forms: {good_findings} findings in {count * len(GOOD) * len(PLACEMENTS)} articles\n")

    print("3. bad credit lines planted (required = false): recall")
    hits = total = 0
    for credit, flaw in BAD.items():
        options = STAFF if "Kürzel" in flaw else NOT_REQUIRED
        for placement in PLACEMENTS:
            caught = sum(1 for n, t in articles if run(n, ending(t, credit, placement), options))
            hits, total = hits + caught, total + count
            print(f"   {credit:<16} {flaw:<24} {placement:<22} {rate(caught, count)}")
    positions = {
        "credit line mid-article (articles of two paragraphs or more)": mid_article,
        "two credit lines at the end": lambda t: ending(ending(t, "(dpa)", "closing the paragraph"), "(AFP)",
                                                        "own line"),
    }
    for label, plant in positions.items():
        planted = [(n, plant(t)) for n, t in articles]
        planted = [(n, t) for n, t in planted if t is not None]
        caught = sum(1 for n, t in planted if run(n, t, NOT_REQUIRED))
        hits, total = hits + caught, total + len(planted)
        print(f"   {label:<64} {rate(caught, len(planted))}")
    print(f"   recall over all bad forms: {rate(hits, total)}\n")

    print("4. datelines planted at the start of the body")
    source_only = sum(1 for n, t in articles if run(n, with_dateline(t, "Berlin (dpa) – "), REQUIRED))
    print(f"   „Berlin (dpa) – “, no credit line, required = true: {source_only} of {count} with a finding")
    hyphen = sum(1 for n, t in articles
                 if run(n, ending(with_dateline(t, "Berlin (dpa) - "), "(dpa)", "own line"), REQUIRED))
    print(f"   „Berlin (dpa) - “ (hyphen) flagged: {rate(hyphen, count)}")
    contradiction = sum(1 for n, t in articles
                        if run(n, ending(with_dateline(t, "Berlin (dpa) – "), "(AFP)", "own line"), REQUIRED))
    print(f"   „Berlin (dpa) – “ with credit line „(AFP)“ flagged: {rate(contradiction, count)}\n")

    parsed = [parse(n, t) for n, t in articles]
    start = time.perf_counter()
    for article in parsed:
        list(CREDIT.check(article, REQUIRED))
        list(DATELINE.check(article, DATELINE.options()))
    elapsed = time.perf_counter() - start
    print(f"5. speed: both rules {1000 * elapsed / count:.3f} ms per article ({count} articles, parse excluded)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
