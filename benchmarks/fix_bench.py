"""What `newslint check --fix` does to real articles, and what it costs.

    pip install .
    python benchmarks/fix_bench.py [--corpus DIR] [--seed N] [--repeat N] [--json FILE]

Uses the Wikinews corpus (../shared/corpus/wikinews-de/articles); says so and exits 0 when it
is absent. Two parts, each on a copy of the 850 articles in a temporary folder:

1. **Quality.** Plants defects of every kind a fix exists for (fixed seed), into every article
   where the kind fits: the dateline's dash as a hyphen, a credit line written wrong (casing,
   commas, a repeat, a missing parenthesis: safe; a misspelt agency: unsafe), a place in a
   spelling the house list replaces (safe), one of the article's quotations in straight marks or
   guillemets (safe), a name of the article misspelt once (unsafe), a weekday that does not fit
   its date (unsafe). Then it checks the copy, runs `check --fix --unsafe-fixes` over it, checks
   again, and verifies: (a) no finding with a fix remains; (b) every changed character (so every
   changed byte) lies inside the span of a finding with a fix in the planted article; (c) the
   check after fixing finds nothing the original article (before planting) did not have: same
   rule, same flagged text; (d) a second `--fix --unsafe-fixes` changes no byte. Findings new
   against the planted article are counted too (quotations in straight marks hide from
   `quote-attribution` until their marks are fixed). It counts per kind how many
   plants were flagged with a fix of the expected safety. (`grammar` is left out: it needs a
   LanguageTool server; its fixes are tested against a stand-in.)
2. **Cost.** On the articles as (1) left them, where nothing is left to fix, the wall and
   processor time of `check` against `check --fix`, without and with the result cache: the
   median of runs taken in turns (each first every other time). The target: `--fix` adds at most 10%.

Prints the figures and writes them as JSON (default benchmarks/results/fix_bench.json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from performance import CORPUS, ENVIRONMENT, newslint, run  # noqa: E402

from newslint.engine.cache import SETTLE_NANOSECONDS  # noqa: E402

GERMAN_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                 "Oktober", "November", "Dezember")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
PLACES = ("Berlin", "Hamburg", "Wien", "Genf", "Brüssel")
SAFE_CREDITS = ("(DPA)", "(dpa, AFP)", "(dpa/AFP/dpa)", "(jk/DPA/AFP", "(dpa / AFP)", "(Afp)", "(kna)")
UNSAFE_CREDITS = ("(dap)", "(Reuter)", "(dpa/Xinhau)")
HOUSE_VARIANTS = ("Beijing", "Kiev", "Tbilisi", "New Delhi", "Cairo", "Tehran", "Baghdad", "Pyongyang")
EXPECTED = {"dateline": "safe", "credit line written wrong": "safe", "agency misspelt": "unsafe",
            "house spelling": "safe", "quotation marks": "safe", "name misspelt": "unsafe",
            "weekday": "unsafe"}
RULE_OF = {"dateline": "dateline", "credit line written wrong": "credit-line", "agency misspelt": "credit-line",
           "house spelling": "spelling-consistency", "quotation marks": "quote-marks",
           "name misspelt": "spelling-consistency", "weekday": "date-consistency"}
CHECK = ("check", "--no-cache", "--ignore", "grammar", "--fail-on", "never")

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_DATE = re.compile(r"^date:\s*(\d{4}-\d{2}-\d{2})", re.MULTILINE)
_QUOTATION = re.compile(r"„([^„“\n]{3,200})“")
_NAME = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]{5,}(?![\w-])")


# -- planting ---------------------------------------------------------------------------------------

def plant(text: str, rng: random.Random) -> tuple[str, list[tuple[str, int, int]]]:
    """The article with defects planted, and where each is: (kind, start, end) in the new text."""
    front = _FRONT_MATTER.match(text)
    body_start = front.end() if front else 0
    while body_start < len(text) and text[body_start] == "\n":
        body_start += 1
    body = text[body_start:]
    edits: list[tuple[int, int, str, str]] = []  # start, end, replacement, kind

    place = rng.choice(PLACES)
    edits.append((body_start, body_start, f"{place} - ", "dateline"))

    quotation = _QUOTATION.search(text, body_start)
    if quotation:
        opening, closing = rng.choice((('"', '"'), ("»", "«")))
        edits.append((quotation.start(), quotation.end(), opening + quotation.group(1) + closing,
                      "quotation marks"))

    names = Counter(match.group() for match in _NAME.finditer(body))
    frequent = sorted(name for name, count in names.items() if count >= 3)
    if frequent:
        name = rng.choice(frequent)
        spots = [m for m in _NAME.finditer(text, body_start) if m.group() == name]
        spot = rng.choice(spots[1:])
        position = rng.randrange(1, len(name) - 2)  # two letters inside the name swapped
        typo = name[:position] + name[position + 1] + name[position] + name[position + 2 :]
        if typo != name:
            edits.append((spot.start(), spot.end(), typo, "name misspelt"))

    paragraphs = [m.end() for m in re.finditer(r"[.!?](?=\n\n)", text) if m.start() > body_start]
    if paragraphs:
        end = rng.choice(paragraphs)
        variant = rng.choice(HOUSE_VARIANTS)
        edits.append((end, end, f" Auch in {variant} wurde die Nachricht aufmerksam verfolgt.", "house spelling"))
        date = _DATE.search(text[: body_start])
        published = dt.date.fromisoformat(date.group(1)) if date else None
        if published and published.year > 1:
            day = published - dt.timedelta(days=rng.randrange(1, 6))
            wrong = WEEKDAYS[(day.weekday() + rng.randrange(1, 7)) % 7]
            sentence = f" Die Beratungen hatten am {wrong} ({day.day}. {GERMAN_MONTHS[day.month - 1]}) begonnen."
            other = rng.choice(paragraphs)
            edits.append((other, other, sentence, "weekday"))

    unsafe = rng.random() < 0.3
    credit = rng.choice(UNSAFE_CREDITS if unsafe else SAFE_CREDITS)
    tail = len(text.rstrip("\n"))
    edits.append((tail, tail, f"\n\n{credit}", "agency misspelt" if unsafe else "credit line written wrong"))

    edits.sort(key=lambda edit: (edit[0], edit[1]))
    pieces, spans, position, shift = [], [], 0, 0
    for start, end, replacement, kind in edits:
        if start < position:
            continue  # overlaps a plant before it
        pieces.append(text[position:start])
        new_start = start + shift
        spans.append((kind, new_start, new_start + len(replacement)))
        pieces.append(replacement)
        shift += len(replacement) - (end - start)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), spans


# -- checking --------------------------------------------------------------------------------------

def findings(folder: str, *extra: str) -> dict:
    """`newslint check --format json` of a folder, as a JSON object."""
    done = subprocess.run(newslint(*CHECK, "--format", "json", *extra, folder), capture_output=True,
                          env=ENVIRONMENT, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"newslint failed: {done.stderr.decode(errors='replace')[-2000:]}")
    return json.loads(done.stdout)


def offsets(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def span(finding: dict, starts: list[int]) -> tuple[int, int]:
    return (starts[finding["line"] - 1] + finding["column"] - 1,
            starts[finding["end_line"] - 1] + finding["end_column"] - 1)


def by_file(document: dict) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for finding in document["findings"]:
        grouped.setdefault(os.path.basename(finding["path"]), []).append(finding)
    return grouped


def by_text(found: list[dict], text: str) -> Counter:
    """The findings as (rule, flagged text): what stays the same when lines and columns move."""
    starts = offsets(text)
    return Counter((f["rule"], text[slice(*span(f, starts))]) for f in found)


def read_all(folder: str) -> dict[str, str]:
    texts = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            texts[name] = handle.read()
    return texts


def quality(corpus: str, work: str, seed: int) -> dict:
    folder = os.path.join(work, "planted")
    os.makedirs(folder)
    pristine = read_all(corpus)
    planted_spans: dict[str, list[tuple[str, int, int]]] = {}
    for number, (name, text) in enumerate(pristine.items()):
        planted, spans = plant(text, random.Random(seed * 100_003 + number))
        planted_spans[name] = spans
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write(planted)
    before_texts = read_all(folder)
    before = by_file(findings(folder))
    original = by_file(findings(corpus))

    fixing = findings(folder, "--fix", "--unsafe-fixes")
    after_texts = read_all(folder)
    after = by_file(findings(folder))
    findings(folder, "--fix", "--unsafe-fixes")
    unchanged_by_second_fix = read_all(folder) == after_texts

    planted, flagged = Counter(), Counter()
    for name, spans in planted_spans.items():
        starts = offsets(before_texts[name])
        fixable = [(f, span(f, starts)) for f in before.get(name, []) if "fix" in f]
        for kind, start, end in spans:
            planted[kind] += 1
            if any(f["rule"] == RULE_OF[kind] and f["fix"]["applicability"] == EXPECTED[kind]
                   and s < end and start < e for f, (s, e) in fixable):
                flagged[kind] += 1

    left_fixable = sum(1 for found in after.values() for f in found if "fix" in f)
    outside, new, new_vs_planted, changed_files = [], [], [], 0
    for name, text in before_texts.items():
        fixed = after_texts[name]
        starts = offsets(text)
        flagged_spans = [span(f, starts) for f in before.get(name, []) if "fix" in f]
        if fixed != text:
            changed_files += 1
        matcher = difflib.SequenceMatcher(None, text, fixed, autojunk=False)
        for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
            if tag != "equal" and not any(s <= i1 and i2 <= e for s, e in flagged_spans):
                outside.append(f"{name}: {text[max(0, i1 - 20):i2 + 20]!r}")
        has = by_text(after.get(name, []), fixed)
        lacked = has - by_text(original.get(name, []), pristine[name])
        new.extend(f"{name}: {rule} „{flagged_text}“" for (rule, flagged_text) in lacked.elements())
        lacked = has - by_text(before.get(name, []), text)
        new_vs_planted.extend(f"{name}: {rule} „{flagged_text}“" for (rule, flagged_text) in lacked.elements())

    return {
        "articles": len(pristine),
        "planted": dict(planted),
        "flagged_with_expected_fix": dict(flagged),
        "findings_before": sum(len(found) for found in before.values()),
        "fixable_before": sum(1 for found in before.values() for f in found if "fix" in f),
        "fixed": fixing["summary"].get("fixed"),
        "files_changed": changed_files,
        "findings_after": sum(len(found) for found in after.values()),
        "fixable_left": left_fixable,
        "changes_outside_flagged_spans": len(outside),
        "new_findings": len(new),
        "new_findings_against_the_planted_article": len(new_vs_planted),
        "second_fix_changes_nothing": unchanged_by_second_fix,
        "examples": {"outside": outside[:5], "new": new[:5], "new against the planted article": new_vs_planted[:5]},
        "folder": folder,
    }


# -- cost ------------------------------------------------------------------------------------------

def cost(folder: str, work: str, repeat: int) -> dict:
    """Wall and processor seconds of `check` and `check --fix` where nothing is left to fix."""
    leftover = findings(folder, "--fix", "--unsafe-fixes")  # whatever a last pass still finds
    assert not any("fix" in f for f in leftover["findings"]), "fixes left before measuring"
    time.sleep(SETTLE_NANOSECONDS / 1e9 + 0.5)  # so that the cache trusts the files' signatures
    figures = {}
    for label, cache in (("no cache", ["--no-cache"]), ("with the cache", ["--cache-dir", os.path.join(work, "cache")])):
        base = ["check", "--ignore", "grammar", "--fail-on", "never", *cache]
        plain, fixing = [], []
        run(newslint(*base, folder))  # warm-up (and the cache filled)
        run(newslint(*base, "--fix", folder))
        for number in range(repeat):  # in turns, each first every other time
            for measured, extra in ((plain, []), (fixing, ["--fix"]))[:: 1 if number % 2 else -1]:
                measured.append(run(newslint(*base, *extra, folder)))
        wall = statistics.median(r[0] for r in plain), statistics.median(r[0] for r in fixing)
        cpu = statistics.median(r[2] for r in plain), statistics.median(r[2] for r in fixing)
        figures[label] = {"check_s": round(wall[0], 3), "fix_s": round(wall[1], 3),
                          "added_wall_percent": round(100 * (wall[1] / wall[0] - 1), 1),
                          "check_cpu_s": round(cpu[0], 3), "fix_cpu_s": round(cpu[1], 3),
                          "added_cpu_percent": round(100 * (cpu[1] / cpu[0] - 1), 1)}
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=CORPUS, help="folder of articles (default: the Wikinews corpus)")
    parser.add_argument("--seed", type=int, default=19, help="seed of the planted defects")
    parser.add_argument("--repeat", type=int, default=21, help="alternating runs per cost figure (the median counts)")
    parser.add_argument("--json", default=os.path.join(HERE, "results", "fix_bench.json"))
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"corpus not found at {args.corpus}: nothing to measure")
        return 0

    work = tempfile.mkdtemp(prefix="newslint-fix-")
    try:
        figures = quality(args.corpus, work, args.seed)
        figures["cost"] = cost(figures.pop("folder"), work, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures["seed"] = args.seed

    print(f"{figures['articles']} articles, seed {args.seed}")
    print(f"{'kind (fix)':<36} {'planted':>8} {'flagged with the expected fix':>30}")
    for kind in EXPECTED:
        print(f"{kind + ' (' + EXPECTED[kind] + ')':<36} {figures['planted'].get(kind, 0):>8} "
              f"{figures['flagged_with_expected_fix'].get(kind, 0):>30}")
    for key in ("findings_before", "fixable_before", "fixed", "files_changed", "findings_after",
                "fixable_left", "changes_outside_flagged_spans", "new_findings",
                "new_findings_against_the_planted_article", "second_fix_changes_nothing"):
        print(f"{key.replace('_', ' ')}: {figures[key]}")
    for kind, examples in figures["examples"].items():
        for example in examples:
            print(f"  {kind}: {example}")
    for label, measured in figures["cost"].items():
        print(f"{label}: check {measured['check_s']} s, --fix {measured['fix_s']} s "
              f"({measured['added_wall_percent']:+}% wall, {measured['added_cpu_percent']:+}% processor)")
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w", encoding="utf-8") as handle:
        json.dump(figures, handle, ensure_ascii=False, indent=2)
    ok = (figures["fixable_left"] == 0 and figures["changes_outside_flagged_spans"] == 0
          and figures["new_findings"] == 0 and figures["second_fix_changes_nothing"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
