"""Planted-defect recall per article format: the same defects found in .txt, .md, .html and .docx.

    python benchmarks/format_recall.py [CORPUS_DIR] [--limit N]

Each article of the German Wikinews corpus (CORPUS_DIR, default ../shared/corpus/wikinews-de
beside the repository, or $NEWSLINT_CORPUS; skipped when absent) gets one defect at a time:
a quotation opened and never closed (quote-marks), a weekday contradicting its date
(date-consistency) and a quotation without a speaker (quote-attribution). Each planted article is
written as plain text, Markdown, HTML and a Word document (.docx, made with python-docx: the title
in the Title style, an empty paragraph, the paragraphs, the article's date as the last save), read
by the real reader of that format and checked by the engine; found = a finding of the rule inside
the planted text, located in that file (for .docx, in the text made from it: a line per
paragraph). It prints the recall per format and defect, how many findings each format gives on
the articles as they are (a reader that makes rules cry wolf shows there), and the time to read
(parse) each format.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from newslint.article.model import parse  # noqa: E402
from newslint.engine.runner import Engine, RunOptions  # noqa: E402

DEFAULT_CORPUS = os.environ.get("NEWSLINT_CORPUS") or os.path.join(
    os.path.dirname(ROOT), "shared", "corpus", "wikinews-de")
FORMATS = ("txt", "md", "html", "docx")


def load(corpus: str, limit: int | None):
    """(name, title, date, paragraphs) of each corpus article."""
    directory = os.path.join(corpus, "articles")
    for name in sorted(os.listdir(directory))[:limit]:
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            text = handle.read()
        title, date = "", None
        if text.startswith("---\n"):
            end = text.index("\n---\n", 3)
            for line in text[4:end].splitlines():
                key, _, value = line.partition(":")
                value = value.strip().strip('"')
                if key == "title":
                    title = value
                elif key == "date":
                    date = dt.date.fromisoformat(value[:10])
            text = text[end + 5:]
        paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
        if title and len(paragraphs) >= 2:
            yield name.rsplit(".", 1)[0], title, date, paragraphs


def plants(paragraphs: list[str]):
    """(rule, planted paragraphs, planted snippet) for each defect."""
    second = paragraphs[1]
    middle = second.find(" ", len(second) // 2)
    if middle > 0:
        snippet = "„" + second[middle + 1:middle + 20]
        yield "quote-marks", [paragraphs[0], second[:middle + 1] + "„" + second[middle + 1:], *paragraphs[2:]], snippet
    sentence = "Am Montag, 1. März 2005, blieb es ruhig."
    yield "date-consistency", [paragraphs[0], sentence + " " + second, *paragraphs[2:]], sentence
    quote = "„Wir sind mit dem Ergebnis sehr zufrieden.“"
    yield "quote-attribution", [paragraphs[0], quote, *paragraphs[1:]], quote


def write(kind: str, title: str, paragraphs: list[str], date: dt.date | None = None) -> str | bytes:
    """The article as a file of this format: its text, or its bytes (.docx)."""
    if kind == "docx":
        return write_docx(title, paragraphs, date)
    if kind == "txt":
        return title + "\n\n" + "\n".join(paragraphs) + "\n"
    if kind == "md":
        return "# " + title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html><head><title>{html.escape(title)}</title></head>\n<body><nav><p>Start</p></nav>\n"
            f"<article>\n<h1>{html.escape(title, quote=False)}</h1>\n{body}</article>\n</body></html>\n")


def write_docx(title: str, paragraphs: list[str], date: dt.date | None) -> bytes:
    """The article as Word writes it: the title in the Title style, an empty paragraph (as the
    .txt file's blank line), a paragraph each; last saved on its date."""
    import docx

    document = docx.Document()
    document.add_paragraph(title, style="Title")
    document.add_paragraph("")
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if date is not None:
        document.core_properties.modified = dt.datetime(date.year, date.month, date.day, 12)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def located(kind: str, text: str | bytes, title: str, paragraphs: list[str]) -> str:
    """The text findings are placed in: the file's, or the one made of a .docx (the .txt file's
    lines without its final line break)."""
    return write("txt", title, paragraphs)[:-1] if kind == "docx" else text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.corpus, "articles")):
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    engine = Engine(RunOptions(ignore=("grammar",)))
    found: dict[tuple[str, str], list[int]] = {}
    reading = dict.fromkeys(FORMATS, 0.0)
    unplanted = dict.fromkeys(FORMATS, 0)  # findings on the articles as they are
    for name, title, date, paragraphs in load(args.corpus, args.limit):
        for kind in FORMATS:
            path = f"{name}.{kind}"
            config = engine.config_for(os.path.join(ROOT, path))
            unplanted[kind] += len(engine.check_text(path, write(kind, title, paragraphs, date), config).diagnostics)
        for rule, planted, snippet in plants(paragraphs):
            for kind in FORMATS:
                path = f"{name}.{kind}"
                text = write(kind, title, planted, date)
                shown = located(kind, text, title, planted)
                start = shown.find(html.escape(snippet, quote=False) if kind == "html" else snippet)
                end = start + len(snippet)
                config = engine.config_for(os.path.join(ROOT, path))
                began = time.perf_counter()
                parse(path, text, published=date)
                reading[kind] += time.perf_counter() - began
                result = engine.check_text(path, text, config)
                hit = any(d.rule == rule and start <= d.start < end for d in result.diagnostics)
                found.setdefault((rule, kind), []).append(hit)
    rules = sorted({rule for rule, _kind in found})
    print(f"{'defect':20}" + "".join(f"{kind:>22}" for kind in FORMATS))
    for rule in rules:
        cells = []
        for kind in FORMATS:
            hits = found[(rule, kind)]
            cells.append(f"{sum(hits)}/{len(hits)} ({100 * sum(hits) / len(hits):.1f}%)")
        print(f"{rule:20}" + "".join(f"{cell:>22}" for cell in cells))
    print("findings without a planted defect: " + ", ".join(f"{kind} {unplanted[kind]}" for kind in FORMATS))
    print("parse time: " + ", ".join(f"{kind} {reading[kind]:.2f}s" for kind in FORMATS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
