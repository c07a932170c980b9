"""Quality and speed of spelling-consistency, on two sets of articles of different styles.

    python benchmarks/spelling_quality.py [CORPUS_DIR] [--list]

The sets: `benchmarks/evaluation/articles` (304 articles written for this purpose in the styles
of German, Austrian and Swiss newsrooms: line-ups, results tables, bylines, brand names, foreign
quotations; see its README), and the German Wikinews corpus, CORPUS_DIR (default
../shared/corpus/wikinews-de beside the repository, or $NEWSLINT_CORPUS), skipped when absent.
Each set is checked with the configuration found for it, as `newslint check` would.

It prints:

1. precision: every finding on both sets, compared with the judgement kept for it in
   `benchmarks/evaluation/spelling-judgements.tsv` (right or false alarm, with the reason);
   a finding nobody has judged yet is listed as such and counted apart — judge it and add it;
2. recall of the misspellings planted by hand in the evaluation set (`defects.tsv`);
3. planted misspellings of every kind the rule is meant to find, one at a time, with a fixed
   seed, in both sets: a name mistyped (into no word), a compound or a common word mistyped, a
   name's inner capitals lost, a Russian or Ukrainian name transliterated the English way, and a
   name used four times or more replaced once by a rare word one letter away; found = flagged at
   the misspelling;
3b. typos planted the same way into common words (eight to eleven letters) and compounds (twelve
   letters or more, known to word-frequency data) that the article writes once, so that the right
   form is nowhere else in it: only word-frequency data can tell them;
4. speed: a 50,000-word article checked by the rule alone, and its time per article.

`--list` prints every finding of 1. with its judgement, and every miss of 2., 3. and 3b.
"""

from __future__ import annotations

import csv
import os
import random
import sys
import time
from collections import Counter, defaultdict

import regex

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from newslint.article.model import parse  # noqa: E402
from newslint.engine.runner import Engine, RunOptions  # noqa: E402
from newslint.german import transliteration  # noqa: E402
from newslint.german.word_forms import zipf  # noqa: E402

RULE_ID = "spelling-consistency"
EVALUATION = os.path.join(ROOT, "benchmarks", "evaluation")
JUDGEMENTS = os.path.join(EVALUATION, "spelling-judgements.tsv")
DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "wikinews-de")
NAME = regex.compile(r"(?<![\p{L}\p{M}\-])\p{Lu}[\p{Ll}\p{M}]{3,}(?![\p{L}\p{M}])")
INNER_CAPITALS = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}\p{Ll}+\p{Lu}[\p{L}]+(?![\p{L}\p{M}])")
KEYBOARD = "qwertzuiopü asdfghjklöä yxcvbnm"
UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}
DETERMINERS = frozenset("der die das den dem des ein eine einen einem einer eines im am zum zur vom beim".split())
CALENDAR = frozenset("""Januar Jänner Februar März April Mai Juni Juli August September Oktober November
    Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag""".split())
#: the endings of Russian and Ukrainian names as German press transliteration writes them
SLAVIC_ENDINGS = ("ow", "ew", "ewa", "owa", "ski", "skij", "skyj", "kij", "itsch", "enko", "juk", "in", "ina")
#: English ways of writing what German press transliteration writes so
ENGLISH = (("sch", "sh"), ("tsch", "ch"), ("w", "v"), ("j", "y"), ("ch", "kh"))


def articles_of(directory: str) -> list[tuple[str, str]]:
    return [(os.path.join(directory, name), open(os.path.join(directory, name), encoding="utf-8").read())
            for name in sorted(os.listdir(directory)) if name.endswith((".txt", ".md"))]


class Checker:
    """The rule with the configuration of a set's folder, on texts given as if at a path."""

    def __init__(self) -> None:
        self.engine = Engine(RunOptions(select=(RULE_ID,)))

    def findings(self, path: str, text: str) -> list:
        result = self.engine.check_text(path, text, self.engine.config_for(path))
        return result.diagnostics


# -- 1. precision against the judgements ---------------------------------------------------------


def load_judgements() -> dict[tuple[str, str, int, int], tuple[str, str, str]]:
    with open(JUDGEMENTS, encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {(r["set"], r["file"], int(r["line"]), int(r["column"])): (r["flagged"], r["verdict"], r["reason"])
                for r in rows}


def precision(sets: dict[str, list], checker: Checker, listing: bool) -> None:
    judged = load_judgements()
    print("1. precision (every finding judged by hand; see spelling-judgements.tsv)")
    for set_name, articles in sets.items():
        counts: Counter = Counter()
        for path, text in articles:
            lines = text.split("\n")
            for d in checker.findings(path, text):
                flagged = lines[d.line - 1][d.column - 1 : d.end_column - 1]
                key = (set_name, os.path.basename(path), d.line, d.column)
                verdict = judged.get(key)
                if verdict is None or verdict[0] != flagged:
                    counts["unjudged"] += 1
                    print(f"   UNJUDGED {set_name}\t{key[1]}\t{d.line}\t{d.column}\t{flagged}\t{d.message}")
                    continue
                counts[verdict[1]] += 1
                if listing or verdict[1] != "right":
                    print(f"   {verdict[1]:>11}  {key[1]}:{d.line}:{d.column} „{flagged}“ — {verdict[2]}")
        right, wrong = counts["right"], counts["false alarm"]
        share = f"{100 * right / (right + wrong):.1f}%" if right + wrong else "n/a"
        print(f"   {set_name}: {len(articles)} articles, {right + wrong + counts['unjudged']} findings: "
              f"{right} right, {wrong} false alarms, {counts['unjudged']} not judged yet; precision {share}")


# -- 2. the evaluation set's own planted misspellings -----------------------------------------------


def planted_by_hand(articles: list, checker: Checker, listing: bool) -> None:
    with open(os.path.join(EVALUATION, "defects.tsv"), encoding="utf-8") as handle:
        defects = [row for row in csv.DictReader(handle, delimiter="\t") if row["kind"] == "spelling"]
    texts = dict((os.path.basename(path), (path, text)) for path, text in articles)
    found = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in defects:
        path, text = texts[row["file"]]
        lines = text.split("\n")
        flagged = {lines[d.line - 1][d.column - 1 : d.end_column - 1] for d in checker.findings(path, text)}
        hit = any(row["wrong"] == word or word in row["wrong"].split("-") for word in flagged)
        found += hit
        kind = row["note"].split(" (")[0].split(" beside")[0]
        by_kind[kind][0] += hit
        by_kind[kind][1] += 1
        if listing and not hit:
            print(f"   missed {row['file']}: {row['wrong']} (for {row['right']}; {row['note']})")
    print(f"2. misspellings planted by hand in the evaluation set: {found} of {len(defects)} found "
          f"= {100 * found / len(defects):.1f}%")


# -- 3. planted misspellings of every kind ----------------------------------------------------------


def typo(word: str, rng: random.Random) -> str:
    """The word with one typing mistake after its first letter."""
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


def no_word(form: str) -> bool:
    return zipf(form) == 0 and zipf(form, "en") == 0


def uses(word: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(rf"(?<![\p{{L}}\p{{M}}\-]){regex.escape(word)}(?![\p{{L}}\p{{M}}\-])", text)]


def candidates(text: str) -> dict[str, list[str]]:
    """The words of an article to misspell, by kind of misspelling: names (capitalised, used twice
    or more, never after an article, not only at the start of a sentence, no common German noun),
    common nouns after an article (compounds of twelve letters or more, and common words)."""
    body = text.split("\n---\n", 1)[-1]
    words = Counter(NAME.findall(body))
    inside = Counter(regex.findall(r"(?<=[\p{L},;] )\p{Lu}[\p{Ll}\p{M}]{3,}(?![\p{L}\p{M}])", body))
    lower = {w.lower() for w in regex.findall(r"\p{Ll}\p{L}*", body)}
    determined = set()
    for before, word in regex.findall(r"(\p{L}+)\s+(\p{Lu}\p{Ll}+)", body):
        if before.lower() in DETERMINERS:
            determined.add(word)
    kinds: dict[str, list[str]] = defaultdict(list)
    for word, count in sorted(words.items()):
        if count < 2 or word.lower() in lower or word in CALENDAR:
            continue
        if word in determined:
            if len(word) >= 12:
                kinds["compound mistyped"].append(word)
            elif zipf(word) >= 3.0:
                kinds["common word mistyped"].append(word)
            continue
        if not inside[word] or zipf(word) >= 4.5 and zipf(word, "en") < 2.0:
            continue  # only at the start of a sentence, or a common German word
        kinds["name mistyped"].append(word)
        if word.endswith(SLAVIC_ENDINGS) and zipf(word, "en") == 0:
            kinds["name transliterated the English way"].append(word)
        if count >= 4:
            kinds["name replaced by a rare word"].append(word)
    kinds["inner capitals lost"] = sorted(w for w, c in Counter(INNER_CAPITALS.findall(body)).items() if c >= 2)
    return kinds


def misspelt(kind: str, word: str, rng: random.Random) -> str | None:
    """A misspelling of `word` of that kind, or None when the word has none."""
    if kind == "inner capitals lost":
        return word[0] + word[1:].lower()
    if kind == "name transliterated the English way":
        english = word
        for old, new in ENGLISH:
            english = english.replace(old, new).replace(old.capitalize(), new.capitalize())
        return english if transliteration.same_name(word, english) and no_word(english) else None
    if kind == "name replaced by a rare word":
        folded = word.lower()
        options = sorted({(folded[:i] + c + folded[i + 1 :]).capitalize()
                          for i in range(1, len(folded)) for c in "abcdefghijklmnopqrstuvwxyzäöü"} - {word})
        rare = [w for w in options if 1.0 <= zipf(w) <= 2.9 and zipf(word) - zipf(w) >= 1.5]
        return rng.choice(rare) if rare else None
    for _attempt in range(5):
        wrong = typo(word, rng)
        if wrong != word and len(wrong) >= 4 and no_word(wrong):
            return wrong
    return None


def planted(sets: dict[str, list], checker: Checker, listing: bool) -> None:
    rng = random.Random(7)
    results: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed = []
    for set_name, articles in sets.items():
        for path, text in articles:
            for kind, words in candidates(text).items():
                for word in words:
                    wrong = misspelt(kind, word, rng)
                    spans = uses(word, text)
                    if wrong is None or not spans or uses(wrong, text):
                        continue
                    hit = bool(findings_at(checker, path, text, *rng.choice(spans), wrong))
                    results[kind][0] += hit
                    results[kind][1] += 1
                    if not hit:
                        missed.append(f"{set_name} {os.path.basename(path)}: {kind}: {word} -> {wrong}")
    report("3. planted misspellings, one at a time (seed 7)", results, missed, listing)


def findings_at(checker: Checker, path: str, text: str, start: int, end: int, wrong: str) -> list:
    """The findings at text[start:end] once `wrong` is written there."""
    changed = text[:start] + wrong + text[end:]
    line = changed.count("\n", 0, start) + 1
    column = start - (changed.rfind("\n", 0, start) + 1) + 1
    return [d for d in checker.findings(path, changed) if d.line == line and d.column == column]


def report(title: str, results: dict[str, list[int]], missed: list[str], listing: bool, said: str = "") -> None:
    """Print what share of the planted misspellings was found, in all and by kind."""
    total = [sum(found for found, _ in results.values()), sum(tried for _, tried in results.values())]
    print(f"{title}: {total[0]} of {total[1]} found = {100 * total[0] / max(total[1], 1):.1f}%{said}")
    for kind, (found, tried) in sorted(results.items()):
        print(f"   {kind}: {found} of {tried} = {100 * found / tried:.1f}%")
    if listing:
        for line in missed:
            print(f"   missed {line}")


# -- 3b. planted typos of common words and compounds, alone ----------------------------------------

ALONE_PER_KIND = 3  # words tried per article and kind
LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}\-])\p{Ll}[\p{Ll}\p{M}]{7,}(?![\p{L}\p{M}\-])")
NOUN = regex.compile(r"(?<![\p{L}\p{M}\-])\p{Lu}[\p{Ll}\p{M}]{7,}(?![\p{L}\p{M}\-])")


def alone_candidates(text: str) -> dict[str, list[str]]:
    """The words of an article that it writes once, none of whose forms it writes elsewhere
    (nothing else begins with the same letters but the last two), by kind: a common word
    (eight to eleven letters, Zipf 3 or more, lower case or a noun after an article) and a
    compound (a noun after an article, twelve letters or more, known to word-frequency data)."""
    body = text.split("\n---\n", 1)[-1]
    determined = {word for before, word in regex.findall(r"(\p{L}+)\s+(\p{Lu}\p{Ll}+)", body)
                  if before.lower() in DETERMINERS}
    kinds: dict[str, list[str]] = defaultdict(list)
    words = Counter(LOWER_WORD.findall(body)) + Counter(NOUN.findall(body))
    for word, count in sorted(words.items()):
        if count > 1 or body.count(word[:-2]) > 1 or word in CALENDAR:
            continue
        if word[0].isupper() and word not in determined:
            continue  # a name, or a word at the start of a sentence
        if len(word) >= 12 and word[0].isupper():
            if zipf(word) > 0:
                kinds["compound alone"].append(word)
        elif zipf(word) >= 3.0:
            kinds["common word alone"].append(word)
    return kinds


def planted_alone(sets: dict[str, list], checker: Checker, listing: bool) -> None:
    """Typos planted where the article writes the word once: the rule cannot compare it with the
    right form, only word-frequency data can tell it is a typo."""
    rng = random.Random(11)
    results: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    mended = [0, 0]  # found, and with the planted word's own spelling as suggestion
    missed = []
    for set_name, articles in sets.items():
        for path, text in articles:
            for kind, words in alone_candidates(text).items():
                for word in rng.sample(words, min(ALONE_PER_KIND, len(words))):
                    wrong = misspelt(kind, word, rng)
                    spans = uses(word, text)
                    if wrong is None or len(spans) != 1 or uses(wrong, text):
                        continue
                    at = findings_at(checker, path, text, *spans[0], wrong)
                    results[kind][0] += bool(at)
                    results[kind][1] += 1
                    mended[0] += bool(at)
                    mended[1] += any(d.suggestion == word for d in at)
                    if not at:
                        missed.append(f"{set_name} {os.path.basename(path)}: {kind}: {word} -> {wrong}")
                    elif not any(d.suggestion == word for d in at):
                        missed.append(f"{set_name} {os.path.basename(path)}: {kind}: {word} -> {wrong}: "
                                      f"suggested {at[0].suggestion}")
    report("3b. planted typos of words the article writes once, alone (seed 11)", results, missed, listing,
           f"; the word itself suggested for {mended[1]} of {mended[0]} = {100 * mended[1] / max(mended[0], 1):.1f}%")


# -- 4. speed ---------------------------------------------------------------------------------------


def speed(articles: list) -> None:
    from newslint.engine.registry import rules_by_id

    rule = rules_by_id()[RULE_ID]
    options = rule.options()
    zipf("Wort"), zipf("word", "en")  # load the frequency data once, outside the timings
    lines = ["Ein langer Artikel aus vielen Meldungen"]
    while sum(len(line.split()) for line in lines) < 50_000:
        for _path, text in articles:
            lines.extend(p.strip() for p in text.split("\n---\n", 1)[-1].split("\n")[1:] if p.strip())
    article = parse("long.txt", "\n".join(lines) + "\n")
    started = time.process_time()
    found = list(rule.check(article, options))
    print(f"4. speed (processor time of the rule alone): {len(article.words)} words, {len(found)} findings, "
          f"{time.process_time() - started:.3f} s")
    parsed = [parse(path, text) for path, text in articles]
    for item in parsed:
        item.words, item.sentences  # noqa: B018 - the shared analysis, not the rule's cost
    started = time.process_time()
    for item in parsed:
        list(rule.check(item, options))
    print(f"   {1000 * (time.process_time() - started) / len(parsed):.3f} ms per article ({len(parsed)} articles)")


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    argv = [arg for arg in argv if arg != "--list"]
    corpus = argv[0] if argv else os.environ.get("NEWSLINT_CORPUS", DEFAULT_CORPUS)
    sets = {"evaluation": articles_of(os.path.join(EVALUATION, "articles"))}
    if os.path.isdir(os.path.join(corpus, "articles")):
        sets["wikinews"] = articles_of(os.path.join(corpus, "articles"))
    else:
        print(f"(no corpus at {corpus}: the evaluation set only)")
    checker = Checker()
    precision(sets, checker, listing)
    planted_by_hand(sets["evaluation"], checker, listing)
    planted(sets, checker, listing)
    planted_alone(sets, checker, listing)
    speed([article for articles in sets.values() for article in articles])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
