"""Planted-defect recall per article format: the same defects found in .txt, .md and .html.

    python benchmarks/format_recall.py [CORPUS_DIR] [--limit N]

Each article of the German Wikinews corpus (CORPUS_DIR, default ../shared/corpus/wikinews-de
beside the repository, or $NEWSLINT_CORPUS; skipped when absent) gets one defect at a time:
a quotation opened and never closed (quote-marks), a weekday contradicting its date
(date-consistency) and a quotation without a speaker (quote-attribution). Each planted article is
written as plain text, Markdown, HTML, NewsML-G2 (`xml`: inline XHTML, every character beyond
ASCII as a character reference) and NITF (`nitf`: UTF-8), read by the real reader of that format
and checked by the engine; found = a finding of the rule inside the planted text, located in that file. It prints
the recall per format and defect, the articles (without a planted defect) whose findings in a
format differ from their findings as plain text (a reader that makes a rule cry wolf shows here),
and the time to read (parse) each format.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from newslint.article.model import parse  # noqa: E402
from newslint.engine.runner import Engine, RunOptions  # noqa: E402

DEFAULT_CORPUS = os.environ.get("NEWSLINT_CORPUS") or os.path.join(
    os.path.dirname(ROOT), "shared", "corpus", "wikinews-de")
FORMATS = ("txt", "md", "html", "xml", "nitf")


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


def written(kind: str, text: str) -> str:
    """A text as a file of the format writes it (markup characters escaped)."""
    if kind == "xml":
        return html.escape(text, quote=False).encode("ascii", "xmlcharrefreplace").decode("ascii")
    return html.escape(text, quote=False) if kind in ("html", "nitf") else text


def newsml(title: str, paragraphs: list[str]) -> str:
    """A NewsML-G2 news item with the article as inline XHTML."""
    body = "".join(f"<p>{written('xml', p)}</p>\n" for p in paragraphs)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" '
            'standard="NewsML-G2" standardversion="2.33" xml:lang="de">\n<itemMeta><itemClass qcode="ninat:text"/>'
            f'</itemMeta>\n<contentMeta><headline>{written("xml", title)}</headline></contentMeta>\n<contentSet>'
            '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>\n'
            f"{body}</body></html></inlineXML></contentSet>\n</newsItem>\n")


def nitf(title: str, paragraphs: list[str]) -> str:
    """A NITF document."""
    body = "".join(f"<p>{written('nitf', p)}</p>\n" for p in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<nitf xml:lang="de"><head><title>{written("nitf", title)}'
            f"</title></head>\n<body><body.head><hedline><hl1>{written('nitf', title)}</hl1></hedline></body.head>\n"
            f"<body.content>\n{body}</body.content></body></nitf>\n")


def write(kind: str, title: str, paragraphs: list[str]) -> str:
    if kind == "txt":
        return title + "\n\n" + "\n".join(paragraphs) + "\n"
    if kind == "md":
        return "# " + title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    if kind == "xml":
        return newsml(title, paragraphs)
    if kind == "nitf":
        return nitf(title, paragraphs)
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html><head><title>{html.escape(title)}</title></head>\n<body><nav><p>Start</p></nav>\n"
            f"<article>\n<h1>{html.escape(title, quote=False)}</h1>\n{body}</article>\n</body></html>\n")


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
    differ = dict.fromkeys(FORMATS, 0)
    articles = 0
    for name, title, date, paragraphs in load(args.corpus, args.limit):
        articles += 1
        found_as = {}
        for kind in FORMATS:
            path = f"{name}.{kind}"
            config = engine.config_for(os.path.join(ROOT, path))
            result = engine.check_text(path, write(kind, title, paragraphs), config, published=date)
            found_as[kind] = sorted((d.rule, d.message) for d in result.diagnostics)
            differ[kind] += found_as[kind] != found_as["txt"]
        for rule, planted, snippet in plants(paragraphs):
            for kind in FORMATS:
                path = f"{name}.{kind}"
                text = write(kind, title, planted)
                start = text.find(written(kind, snippet))
                end = start + len(written(kind, snippet))
                config = engine.config_for(os.path.join(ROOT, path))
                began = time.perf_counter()
                parse(path, text, published=date)
                reading[kind] += time.perf_counter() - began
                result = engine.check_text(path, text, config)
                hit = any(d.rule == rule and start <= d.start < end for d in result.diagnostics)
                found.setdefault((rule, kind), []).append(hit)
    rules = sorted({rule for rule, _kind in found})
    print(f"{'defect':20}" + "".join(f"{kind:>20}" for kind in FORMATS))
    for rule in rules:
        cells = []
        for kind in FORMATS:
            hits = found[(rule, kind)]
            cells.append(f"{sum(hits)}/{len(hits)} ({100 * sum(hits) / len(hits):.1f}%)")
        print(f"{rule:20}" + "".join(f"{cell:>20}" for cell in cells))
    print("findings unlike .txt: " + ", ".join(f"{kind} {differ[kind]}/{articles}" for kind in FORMATS))
    print("parse time: " + ", ".join(f"{kind} {reading[kind]:.2f}s" for kind in FORMATS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
