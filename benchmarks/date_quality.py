"""Quality of the date-consistency rule on real German news text.

    python benchmarks/date_quality.py [CORPUS_DIR] [--limit N] [--seed N]

CORPUS_DIR defaults to ../shared/corpus/wikinews-de beside the repository (or $NEWSLINT_CORPUS);
the script says so and exits 0 when it is absent. Every corpus article has its publication date
in the front matter. It prints:

1. the date expressions the analysis finds, and every finding on the articles as they are, with
   its context, for judging by hand;
2. a sentence with a wrong weekday for a date up to two weeks around publication planted at the
   end of each article's first paragraph, in the forms editors write ("am Donnerstag (20. Juni)",
   "Donnerstag, 20. Juni 2024", "am 20. Juni, einem Donnerstag", "20.06.2024", …, with and without
   the year): recall is the share of planted sentences flagged;
3. the same sentence with the right weekday: findings on it (should be none) and articles whose
   findings changed at all; and a sentence with a weekday next to the date of another event
   ("Am Freitag sagte ein Sprecher, das Treffen vom 14. Juni …"), which should pass too;
4. "am gestrigen …" and "heute, …" planted, wrong and right, the same way;
5. the time the date analysis and the rule take per article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from newslint.article.model import parse  # noqa: E402
from newslint.engine.registry import rules_by_id  # noqa: E402
from newslint.german.dates import WEEKDAYS_DE  # noqa: E402

DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "wikinews-de")
RULE = rules_by_id()["date-consistency"]
OPTIONS = RULE.options()
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")
FORMS = (
    "am {weekday} ({day}. {month}{year})",
    "am {weekday}, {day}. {month}{year},",
    "am {weekday}abend ({day}. {month}{year})",
    "am {day}. {month}{year}, einem {weekday},",
    "am {weekday}, den {dd}.{mm}.{numeric_year}",
    "am {weekday}, dem {day}. {month}{year},",
    "in der Nacht zum {weekday} ({day}. {month}{year})",
)
SENTENCES = (
    "Der Ausschuss will sich {phrase} erneut mit dem Thema befassen.",
    "Ein Sprecher hatte sich {phrase} zurückhaltend geäußert.",
    "Die Polizei war {phrase} mit mehreren Streifen vor Ort.",
    "Nach Angaben der Veranstalter kamen {phrase} rund 300 Menschen.",
)


def load(corpus: str, limit: int | None):
    directory = os.path.join(corpus, "articles")
    for name in sorted(os.listdir(directory))[:limit]:
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            yield name, handle.read()


def run(name: str, text: str):
    article = parse(name, text)
    return article, list(RULE.check(article, OPTIONS))


def plant(text: str, sentence: str) -> tuple[str, int, int]:
    """The text with `sentence` closing its first body paragraph, and the sentence's span."""
    body = text.index("\n---\n", 3) + 5
    end = text.find("\n", body)
    while end == body:  # skip blank lines before the first paragraph
        body += 1
        end = text.find("\n", body)
    end = len(text) if end == -1 else end
    start = end + 1
    return text[:end] + " " + sentence + text[end:], start, start + len(sentence)


def phrase(date: dt.date, weekday: int, form: str, with_year: bool) -> str:
    return form.format(
        weekday=WEEKDAYS_DE[weekday], day=date.day, month=MONTHS[date.month - 1],
        year=f" {date.year}" if with_year else "", dd=f"{date.day:02}", mm=f"{date.month:02}",
        numeric_year=f"{date.year}" if with_year else "",
    )


def inside(findings, start: int, end: int) -> list:
    return [f for f in findings if start <= f.start and f.end <= end]


def context(text: str, start: int, end: int, width: int = 70) -> str:
    before = text[max(0, start - width) : start].split("\n")[-1]
    after = text[end : end + width].split("\n")[0]
    return f"…{before}[{text[start:end]}]{after}…"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=os.environ.get("NEWSLINT_CORPUS", DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--seed", type=int, default=20240620)
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.corpus, "articles")):
        print(f"corpus not found at {args.corpus}; nothing to measure")
        return 0
    articles = list(load(args.corpus, args.limit))
    random_ = random.Random(args.seed)

    # 1. the articles as they are
    originals = {}
    kinds = {"weekday with date": 0, "date alone": 0, "weekday alone": 0, "relative": 0}
    print("1. Findings on the articles as they are")
    for name, text in articles:
        article, found = run(name, text)
        originals[name] = found
        for expression in article.dates:
            if expression.relative:
                kinds["relative"] += 1
            elif expression.day is not None and expression.weekday is not None:
                kinds["weekday with date"] += 1
            elif expression.day is not None:
                kinds["date alone"] += 1
            else:
                kinds["weekday alone"] += 1
        for finding in found:
            line = article.position(finding.start)[0]
            print(f"   {name}:{line} (published {article.published}) {finding.message}")
            print(f"      {context(text, finding.start, finding.end)}")
    flagged = sum(1 for found in originals.values() if found)
    total = sum(len(found) for found in originals.values())
    print("   date expressions: " + ", ".join(f"{kind} {count}" for kind, count in kinds.items()))
    print(f"   {total} findings in {flagged} of {len(articles)} articles")

    # 2.-4. planted sentences, in the articles with a plausible publication date
    plantable = [(name, text) for name, text in articles if parse(name, text).published.year >= 1900]
    print(f"\n   articles with an implausible publication date, not planted in: "
          f"{len(articles) - len(plantable)}")
    def planted(make) -> tuple[int, int, int, list]:
        """(articles, planted sentence flagged, articles whose other findings changed, misses)."""
        hits, changed, misses = 0, 0, []
        for name, text in plantable:
            article = parse(name, text)
            sentence = make(article.published, random_)
            new_text, start, end = plant(text, sentence)
            _, found = run(name, new_text)
            on_sentence = inside(found, start, end)
            if on_sentence:
                hits += 1
            else:
                misses.append((name, sentence))
            others = [(f.message) for f in found if f not in on_sentence]
            if others != [f.message for f in originals[name]]:
                changed += 1
        return len(plantable), hits, changed, misses

    def dated(wrong: bool):
        def make(published, rng):
            date = published + dt.timedelta(days=rng.randint(-14, 14))
            weekday = (date.weekday() + (rng.randint(1, 6) if wrong else 0)) % 7
            text = phrase(date, weekday, rng.choice(FORMS), rng.random() < 0.5)
            return rng.choice(SENTENCES).format(phrase=text)
        return make

    def two_events(published, rng):
        """A weekday and the date of another event in one sentence: nothing to flag."""
        weekday = rng.randrange(7)
        date = published - dt.timedelta(days=rng.randint(2, 30))
        template = rng.choice((
            "Am {weekday} sagte ein Sprecher, das Treffen vom {date} sei verschoben worden.",
            "Der {weekday}, so hieß es, bleibe frei; am {date} tagt der Rat.",
            "Die Frist endete am {date}, {weekday} geht es weiter.",
        ))
        return template.format(weekday=WEEKDAYS_DE[weekday], date=f"{date.day}. {MONTHS[date.month - 1]}")

    def relative(wrong: bool):
        def make(published, rng):
            shift, template = rng.choice(((-1, "Schon am gestrigen {weekday} hatte es Proteste gegeben."),
                                          (0, "Heute, {weekday}, soll es weitere Gespräche geben.")))
            weekday = ((published + dt.timedelta(days=shift)).weekday()
                       + (rng.randint(1, 6) if wrong else 0)) % 7
            return template.format(weekday=WEEKDAYS_DE[weekday])
        return make

    for title, make, expect_flagged in (
        ("2. Wrong weekday planted near publication", dated(True), True),
        ("3. Right weekday planted near publication", dated(False), False),
        ("3b. A weekday and the date of another event planted in one sentence", two_events, False),
        ("4a. Wrong relative weekday planted (gestrigen/heute)", relative(True), True),
        ("4b. Right relative weekday planted (gestrigen/heute)", relative(False), False),
    ):
        count, hits, changed, misses = planted(make)
        print(f"\n{title}")
        if expect_flagged:
            print(f"   recall: {hits}/{count} = {hits / count:.1%}")
            for name, sentence in misses[:10]:
                print(f"   missed in {name}: {sentence}")
        else:
            print(f"   planted sentences flagged (false alarms): {hits}/{count}")
        print(f"   articles whose other findings changed: {changed}")

    # 5. time: the best of five rounds, so that other work on the machine counts least
    rounds = []
    for _ in range(5):
        spent = 0.0
        for name, text in articles:
            article = parse(name, text)  # parsing the article is not the rule's time
            begin = time.perf_counter()
            list(RULE.check(article, OPTIONS))
            spent += time.perf_counter() - begin
        rounds.append(spent)
    print(f"\n5. Time: {min(rounds) * 1000 / len(articles):.3f} ms per article for the date analysis "
          f"and the rule ({len(articles)} articles, best of {len(rounds)} rounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
