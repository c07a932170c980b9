"""Planted-defect recall per article format: the same defects found in .txt, .md, .html, ninjs
.json, .jsonl, NewsML-G2, NITF and .docx.

    python benchmarks/format_recall.py [CORPUS_DIR] [--limit N]

Each article of the German Wikinews corpus (CORPUS_DIR, default ../shared/corpus/wikinews-de beside
the repository, or $NEWSLINT_CORPUS; skipped when absent) gets one defect at a time: a quotation
opened and never closed (quote-marks), a weekday contradicting its date (date-consistency) and a
quotation without a speaker (quote-attribution). Each planted article is written as plain text,
Markdown, HTML, a Word document (.docx, made with python-docx: the title in the Title
style, an empty paragraph, the paragraphs, the article's date as the last save; findings placed
in the text made from it, a line per paragraph), ninjs JSON, NewsML-G2 (`xml`: inline XHTML, every character beyond ASCII as a
character reference) and NITF (`nitf`: UTF-8) (one file per article; the article's date is its
publication date in every format), read by the real reader of that format and checked by the engine; and as JSON Lines,
every article with one defect as a record of one file, checked once. Found = a finding of the rule
inside the planted text, located in that file. It prints the recall per format and defect, the
findings per rule on the articles without a planted defect (the same in every format when no reader
adds or hides one), and the time to read (parse) each format of one file per article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import json
import os
import sys
import time
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from newslint.article.model import parse  # noqa: E402
from newslint.engine.runner import Engine, RunOptions  # noqa: E402

DEFAULT_CORPUS = os.environ.get("NEWSLINT_CORPUS") or os.path.join(
    os.path.dirname(ROOT), "shared", "corpus", "wikinews-de")
FORMATS = ("txt", "md", "html", "json", "xml", "nitf", "docx")  # one file per article
ALL_FORMATS = (*FORMATS, "jsonl")  # jsonl: all articles in one file


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
        if title and paragraphs:
            yield name.rsplit(".", 1)[0], title, date, paragraphs


def plants(paragraphs: list[str]):
    """(rule, planted paragraphs, planted snippet) for each defect: in the paragraph after the
    lead, or in the only one."""
    index = 1 if len(paragraphs) > 1 else 0
    target = paragraphs[index]

    def planted(paragraph: str) -> list[str]:
        return [*paragraphs[:index], paragraph, *paragraphs[index + 1:]]

    middle = target.find(" ", len(target) // 2)
    if middle > 0:
        snippet = "„" + target[middle + 1:middle + 20]
        yield "quote-marks", planted(target[:middle + 1] + "„" + target[middle + 1:]), snippet
    sentence = "Am Montag, 1. März 2005, blieb es ruhig."
    yield "date-consistency", planted(sentence + " " + target), sentence
    quote = "„Wir sind mit dem Ergebnis sehr zufrieden.“"
    yield "quote-attribution", [paragraphs[0], quote, *paragraphs[1:]], quote


def write(kind: str, title: str, paragraphs: list[str], date: dt.date | None = None) -> str | bytes:
    """The article as a file of this format: its text, or its bytes (.docx)."""
    if kind == "docx":
        return write_docx(title, paragraphs, date)
    if kind == "json":
        return ninjs(title, paragraphs, date)
    if kind == "xml":
        return newsml(title, paragraphs, date)
    if kind == "nitf":
        return nitf(title, paragraphs, date)
    if kind == "txt":
        return title + "\n\n" + "\n".join(paragraphs) + "\n"
    if kind == "md":
        return "# " + title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html><head><title>{html.escape(title)}</title></head>\n<body><nav><p>Start</p></nav>\n"
            f"<article>\n<h1>{html.escape(title, quote=False)}</h1>\n{body}</article>\n</body></html>\n")


def ninjs(title: str, paragraphs: list[str], date: dt.date | None) -> str:
    """A ninjs 1.x document: the body as HTML, every character beyond ASCII as a JSON escape."""
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    document = {"uri": "urn:newsml:example.org:benchmark", "type": "text", "language": "de",
                "versioncreated": f"{date.isoformat()}T12:00:00+01:00" if date else None,
                "headline": title, "body_html": body}
    return json.dumps({key: value for key, value in document.items() if value is not None}, indent=2) + "\n"


def newsml(title: str, paragraphs: list[str], date: dt.date | None) -> str:
    """A NewsML-G2 news item with the article as inline XHTML."""
    body = "".join(f"<p>{written('xml', p)}</p>\n" for p in paragraphs)
    created = f"<versionCreated>{date.isoformat()}T12:00:00+01:00</versionCreated>" if date else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" '
            'standard="NewsML-G2" standardversion="2.33" xml:lang="de">\n<itemMeta><itemClass qcode="ninat:text"/>'
            f'{created}</itemMeta>\n<contentMeta><headline>{written("xml", title)}</headline></contentMeta>\n'
            '<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
            f"<body>\n{body}</body></html></inlineXML></contentSet>\n</newsItem>\n")


def nitf(title: str, paragraphs: list[str], date: dt.date | None) -> str:
    """A NITF document."""
    body = "".join(f"<p>{written('nitf', p)}</p>\n" for p in paragraphs)
    issued = f'<docdata><date.issue norm="{date.strftime("%Y%m%d")}T120000+0100"/></docdata>' if date else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<nitf xml:lang="de"><head><title>{written("nitf", title)}'
            f"</title>{issued}</head>\n<body><body.head><hedline><hl1>{written('nitf', title)}</hl1></hedline>"
            f"</body.head>\n<body.content>\n{body}</body.content></body></nitf>\n")


def record(name: str, title: str, paragraphs: list[str], date: dt.date | None) -> str:
    """A line of a JSON Lines export: a record with the body as plain text, written as it is."""
    fields = {"id": name, "headline": title, "body": "\n\n".join(paragraphs),
              "date": date.isoformat() if date else None}
    return json.dumps(fields, ensure_ascii=False)


def written(kind: str, snippet: str) -> str:
    """The planted snippet as a file of `kind` writes it."""
    if kind in ("html", "json", "nitf", "xml"):
        snippet = html.escape(snippet, quote=False)
    if kind == "xml":
        snippet = snippet.encode("ascii", "xmlcharrefreplace").decode("ascii")
    if kind in ("json", "jsonl"):
        snippet = json.dumps(snippet, ensure_ascii=kind == "json")[1:-1]
    return snippet


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
    export: dict[str, list[tuple[str, str]]] = {}  # rule: (record, snippet) of each article
    unplanted = {kind: Counter() for kind in ALL_FORMATS}  # findings per rule on the articles as they are
    records = []
    for name, title, date, paragraphs in load(args.corpus, args.limit):
        records.append(record(name, title, paragraphs, date))
        for kind in FORMATS:
            path = f"{name}.{kind}"
            text = write(kind, title, paragraphs, date)
            result = engine.check_text(path, text, engine.config_for(os.path.join(ROOT, path)), published=date)
            unplanted[kind].update(d.rule for d in result.diagnostics)
        for rule, planted, snippet in plants(paragraphs):
            export.setdefault(rule, []).append((record(name, title, planted, date), snippet))
            for kind in FORMATS:
                path = f"{name}.{kind}"
                text = write(kind, title, planted, date)
                shown = located(kind, text, title, planted)
                start = shown.find(written(kind, snippet))
                end = start + len(written(kind, snippet))
                assert start >= 0, f"{path}: the planted text is not where it was written"
                config = engine.config_for(os.path.join(ROOT, path))
                began = time.perf_counter()
                parse(path, text, published=date)
                reading[kind] += time.perf_counter() - began
                result = engine.check_text(path, text, config, published=date)
                hit = any(d.rule == rule and start <= d.start < end for d in result.diagnostics)
                found.setdefault((rule, kind), []).append(hit)
    config = engine.config_for(os.path.join(ROOT, "export.jsonl"))
    result = engine.check_text("export.jsonl", "".join(line + "\n" for line in records), config)
    unplanted["jsonl"].update(d.rule for d in result.diagnostics)
    for rule, planted_records in export.items():  # each defect once in one JSON Lines file of all articles
        text = "".join(line + "\n" for line, _snippet in planted_records)
        result = engine.check_text("export.jsonl", text, config)
        starts = [d.start for d in result.diagnostics if d.rule == rule]
        position = 0
        for line, snippet in planted_records:
            assert written("jsonl", snippet) in line, f"{rule}: the planted text is not in its record"
            start = position + line.find(written("jsonl", snippet))
            end = start + len(written("jsonl", snippet))
            found.setdefault((rule, "jsonl"), []).append(any(start <= found_at < end for found_at in starts))
            position += len(line) + 1
    rules = sorted({rule for rule, _kind in found})
    print(f"{'defect':20}" + "".join(f"{kind:>22}" for kind in ALL_FORMATS))
    for rule in rules:
        cells = []
        for kind in ALL_FORMATS:
            hits = found[(rule, kind)]
            cells.append(f"{sum(hits)}/{len(hits)} ({100 * sum(hits) / len(hits):.1f}%)")
        print(f"{rule:20}" + "".join(f"{cell:>22}" for cell in cells))
    print("\nfindings on the articles as they are (the same in every format: no reader adds or hides one)")
    for rule in sorted(set().union(*unplanted.values())):
        print(f"{rule:20}" + "".join(f"{unplanted[kind][rule]:>22}" for kind in ALL_FORMATS))
    print("parse time: " + ", ".join(f"{kind} {reading[kind]:.2f}s" for kind in FORMATS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
