"""Generated news articles for tests that need many files: reproducible from a seed, and each with
something for the rules to find (variant spellings, quotes with and without a speaker, dates with
weekdays, datelines, credit lines good and bad), as `.txt` and as `.md` with front matter."""

from __future__ import annotations

import random
from pathlib import Path

PLACES = ["Berlin", "Pjöngjang", "Kiew", "Hanoi", "Moskau", "Washington"]
NAMES = [("Selenskyj", "Selenskij"), ("Pjöngjang", "Pjönjang"), ("Kim Jong Un", "Kim Jong-un")]
SPEAKERS = ["Putin", "die Sprecherin", "der Minister", "Blinken", "ein Regierungssprecher"]
VERBS = ["sagte", "erklärte", "betonte", "warnte", "kritisierte"]
DATES = ["am Donnerstag (20. Juni)", "am Freitag (20. Juni)", "am Mittwoch (19. Juni)",
         "Donnerstag, 20. Juni 2024", "am gestrigen Mittwoch", "am 31. April"]
QUOTES = ["Wir werden das Abkommen umsetzen", "Das ist eine Provokation", "Niemand will einen Krieg",
          "Die Lage ist ernst"]
CREDITS = ["(dpa)", "(AFP/dpa)", "(erpe/dpa/AFP)", "(DPA)", "(dap)", "", "dpa"]


def article(rng: random.Random, markdown: bool) -> str:
    name = rng.choice(NAMES)
    place = rng.choice(PLACES)
    sentences = []
    for _ in range(rng.randint(3, 9)):
        kind = rng.randrange(6)
        spelling = name[rng.random() < 0.2]
        if kind == 0:
            sentences.append(f"„{rng.choice(QUOTES)}“, {rng.choice(VERBS)} {rng.choice(SPEAKERS)}.")
        elif kind == 1:
            sentences.append(f"„{rng.choice(QUOTES)}.“")
        elif kind == 2:
            sentences.append(f"{spelling} äußerte sich {rng.choice(DATES)} nicht dazu.")
        elif kind == 3:
            sentences.append(f"{_capital(rng.choice(SPEAKERS))} {rng.choice(VERBS)}: „{rng.choice(QUOTES)}.“")
        elif kind == 4:
            sentences.append(f"Nach Angaben aus {place} traf {spelling} {rng.choice(DATES)} ein.")
        else:
            sentences.append(f"Die Gespräche in {place} dauerten {rng.randint(2, 12)} Stunden.")
    dash = rng.choice(["–", "–", "-"])
    paragraphs, current = [], []
    for sentence in sentences:
        current.append(sentence)
        if rng.random() < 0.4:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    paragraphs[0] = f"{place} {dash} {paragraphs[0]}"
    paragraphs[-1] = f"{paragraphs[-1]} {rng.choice(CREDITS)}".rstrip()
    headline = f"{name[0]} in {place}: Gespräche über {rng.choice(['Waffen', 'Handel', 'Sanktionen'])}"
    if markdown:
        front = f"---\ntitle: \"{headline}\"\ndate: 2024-06-{rng.randint(19, 23)}\nauthor: erpe\n---\n"
        return front + "\n" + "\n\n".join(paragraphs) + "\n"
    teaser = f"{_capital(rng.choice(SPEAKERS))} reist nach {place}.\n" if rng.random() < 0.5 else ""
    return f"{headline}\n{teaser}\n" + "\n".join(paragraphs) + "\n"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def write_articles(directory: Path, count: int, seed: int = 0) -> list[Path]:
    """Write `count` articles (every third one Markdown) into `directory`; their paths, in order."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        markdown = number % 3 == 2
        path = directory / f"{number:04d}.{'md' if markdown else 'txt'}"
        path.write_text(article(rng, markdown), encoding="utf-8")
        paths.append(path)
    return paths
