"""Quality and speed of spelling-consistency.

    python benchmarks/spelling_quality.py [CORPUS_DIR] [--show N]

CORPUS_DIR defaults to ../shared/corpus/wikinews-de beside the repository (or $NEWSLINT_CORPUS).
It prints three figures:

1. false alarms: the findings on the real corpus articles, per 100 articles, all of them listed
   with a seeded sample of N (default 30) marked for inspection;
2. planted variants: every annotated speaker's first name or surname that appears at least twice
   in its article (the last two words, of four letters or more, of a speaker annotated as
   capitalised words only, such as "Außenminister John Kerry", never in lower case nor after an
   article), one at a time: one occurrence misspelt the way people mistype — a letter left
   out, doubled, swapped with the next, replaced by its neighbour on the keyboard, or an umlaut
   written without dots — and whether the rule flags exactly that occurrence, and with the
   original name as the suggestion (when the evidence is even the finding names both spellings
   at the later one, which counts as reported);
3. speed: a 50,000-word article (corpus articles put together; without the corpus, made-up text
   full of invented names) checked by the rule alone, and the rule's average time per corpus
   article.

Without the corpus, only the speed figure on made-up text is printed.
"""

from __future__ import annotations

import collections
import json
import os
import random
import sys
import time

import regex

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from newslint.article.model import parse  # noqa: E402
from newslint.engine.registry import rules_by_id  # noqa: E402
from newslint.german.mentions import DETERMINERS  # noqa: E402

DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "wikinews-de")
RULE = rules_by_id()["spelling-consistency"]
OPTIONS = RULE.options()
NAME_WORD = regex.compile(r"\p{Lu}\p{Ll}{3,}")
KEYBOARD = "qwertzuiopü asdfghjklöä yxcvbnm"
UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}


def load(corpus: str):
    speakers = collections.defaultdict(set)
    with open(os.path.join(corpus, "annotations.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = record.get("speaker_text") or ""
            words = (text if isinstance(text, str) else " ".join(text)).split()
            if is_full_name(words):
                speakers[record["file"]].update(w for w in words[-2:] if NAME_WORD.fullmatch(w))
    directory = os.path.join(corpus, "articles")
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            yield name, handle.read(), speakers[name]


def check(name: str, text: str) -> list:
    return list(RULE.check(parse(name, text), OPTIONS))


# -- 1. false alarms --------------------------------------------------------------------------


def false_alarms(articles, show: int) -> None:
    found = []
    for name, text, _ in articles:
        article = parse(name, text)
        for finding in RULE.check(article, OPTIONS):
            line, column = article.position(finding.start)
            found.append(f"{name}:{line}:{column}: {finding.message}")
    print(f"1. false alarms: {len(found)} findings on {len(articles)} articles "
          f"= {100 * len(found) / len(articles):.2f} per 100 articles")
    sample = set(random.Random(3).sample(range(len(found)), min(show, len(found))))
    for number, line in enumerate(found):
        print(f"   {'*' if number in sample else ' '} {line}")
    print(f"   (* = the {len(sample)} findings of the inspection sample)")


# -- 2. planted variants --------------------------------------------------------------------


def is_full_name(words: list[str]) -> bool:
    """Whether an annotated speaker reads as [title] first name surname: capitalised words only,
    no article, and the word before the last is no adjective or genitive ("New Yorker
    Gesundheitsbehörden", "McCains Kampagne")."""
    return (
        len(words) >= 2
        and all(w[0].isupper() and w.lower() not in DETERMINERS for w in words)
        and not words[-2].endswith(("er", "s", "e", "en"))
    )


def is_name(word: str, text: str) -> bool:
    """A speaker's word that is a proper name here: used at least twice, never in lower case and
    never right after an article ("die Polizei", "der Sprecher" are no names)."""
    uses = regex.findall(rf"(\S*)\s+{word}(?!\p{{L}})|^{word}(?!\p{{L}})", text, regex.MULTILINE)
    if len(uses) < 2 or regex.search(rf"(?<!\p{{L}}){word.lower()}(?!\p{{L}})", text):
        return False
    return not any(before.lower() in DETERMINERS for before in uses)


def misspell(word: str, rng: random.Random) -> str:
    """The word with one typing mistake somewhere after its first letter."""
    kind = rng.choice(("drop", "double", "swap", "neighbour", "umlaut"))
    if kind == "umlaut" and any(c in UMLAUTS for c in word):
        i = rng.choice([i for i, c in enumerate(word) if c in UMLAUTS])
        return word[:i] + UMLAUTS[word[i]] + word[i + 1 :]
    i = rng.randrange(1, len(word) - 1) if kind == "swap" else rng.randrange(1, len(word))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "swap" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    row = next((r for r in KEYBOARD.split() if word[i].lower() in r), None)
    if row is None:
        return word[:i] + word[i + 1 :]
    j = row.index(word[i].lower())
    neighbour = row[j - 1] if j and (j == len(row) - 1 or rng.random() < 0.5) else row[j + 1]
    return word[:i] + neighbour + word[i + 1 :]


def planted(articles) -> None:
    rng = random.Random(7)
    tried = located = reported = suggested = 0
    missed, wrong = [], []
    for name, text, speakers in articles:
        for word in sorted(speakers):
            if not is_name(word, text):
                continue
            spans = [m.span() for m in regex.finditer(rf"(?<!\p{{L}}){word}(?!\p{{L}})", text)]
            start, end = rng.choice(spans)
            typo = misspell(word, rng)
            if typo == word or regex.search(rf"(?<!\p{{L}}){typo}(?!\p{{L}})", text):
                continue
            tried += 1
            found = check(name, text[:start] + typo + text[end:])
            hits = [f for f in found if f.start == start and f.end == start + len(typo)]
            if hits:
                located += 1
                suggested += hits[0].suggestion == word
                if hits[0].suggestion not in (word, None):
                    wrong.append(f"{name}: {word} -> {typo}: suggested {hits[0].suggestion}")
            if hits or any(f"„{typo}“" in f.message and f"„{word}“" in f.message for f in found):
                reported += 1
            else:
                missed.append(f"{name}: {word} -> {typo}")
    print(f"2. planted variants: {tried} names misspelt once (one at a time) in {len(articles)} articles")
    print(f"   reported (the pair named in a finding): {reported} = {100 * reported / tried:.1f}%")
    print(f"   flagged at the misspelling: {located} = {100 * located / tried:.1f}%")
    print(f"   ... with the original name as suggestion: {suggested} = {100 * suggested / tried:.1f}%")
    print(f"   ... with another suggestion: {len(wrong)} (the others: no suggestion, evidence even)")
    for line in missed:
        print(f"   missed {line}")
    for line in wrong:
        print(f"   wrong suggestion {line}")


# -- 3. speed ---------------------------------------------------------------------------------


def invented_text(words: int) -> str:
    rng = random.Random(11)
    syllables = "ka ro mi te lun sa bor vik an pjo ng jan sel en sky ber gol dor mas tra".split()
    names = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
             for _ in range(3000)]
    common = "der die das und in mit von sagte am nach bei ein eine Regierung Stadt".split()
    lines = ["Ein langer Artikel über viele Namen"]
    line: list[str] = []
    for number in range(words):
        line.append(rng.choice(names) if rng.random() < 0.3 else rng.choice(common))
        if number % 60 == 59:
            lines.append(" ".join(line) + ".")
            line = []
    return "\n".join(lines) + "\n"


def long_article(articles, words: int = 50_000) -> str:
    lines = ["Ein langer Artikel aus vielen Meldungen"]
    count = 0
    while count < words:
        for _, text, _ in articles:
            body = text.split("\n---\n", 1)[-1]
            for paragraph in body.split("\n"):
                if paragraph.strip() and count < words:
                    lines.append(paragraph.strip())
                    count += len(paragraph.split())
    return "\n".join(lines) + "\n"


def timed(text: str, label: str) -> None:
    article = parse("long.txt", text)
    words = len(article.words)
    started = time.process_time()
    findings = list(RULE.check(article, OPTIONS))
    elapsed = time.process_time() - started
    print(f"   {label}: {words} words, {len(findings)} findings, {elapsed:.3f} s")


def speed(articles) -> None:
    print("3. speed (processor time of the rule alone, after the shared word analysis)")
    from newslint.german.word_forms import zipf

    zipf("Wort")  # load the frequency data once, outside the timings
    zipf("word", "en")
    if articles:
        timed(long_article(articles), "corpus articles put together")
        parsed = [parse(name, text) for name, text, _ in articles]
        for article in parsed:
            article.words, article.sentences  # noqa: B018 - shared analysis, not the rule's cost
        started = time.process_time()
        for article in parsed:
            list(RULE.check(article, OPTIONS))
        elapsed = time.process_time() - started
        print(f"   corpus: {1000 * elapsed / len(parsed):.3f} ms per article ({len(parsed)} articles)")
    timed(invented_text(50_000), "made-up text with 3,000 invented names")


def main(argv: list[str]) -> int:
    show = 30
    if "--show" in argv:
        index = argv.index("--show")
        show = int(argv[index + 1])
        del argv[index : index + 2]
    corpus = argv[0] if argv else os.environ.get("NEWSLINT_CORPUS", DEFAULT_CORPUS)
    if not os.path.isdir(os.path.join(corpus, "articles")):
        print(f"corpus not found at {corpus}: only the speed on made-up text")
        speed([])
        return 0
    articles = list(load(corpus))
    false_alarms(articles, show)
    planted(articles)
    speed(articles)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
