"""How long reading (parsing) an article takes, per format: the corpus as .md, .txt, .html and
ninjs .json, NewsML-G2, NITF and
.docx, one file per article, and as one JSON Lines file of all articles.

    python benchmarks/read_speed.py [CORPUS_DIR]

Uses the German Wikinews corpus (default ../shared/corpus/wikinews-de beside the repository, or
$NEWSLINT_CORPUS; skipped when absent), each article written in each format as
`benchmarks/format_recall.py` writes it, and prints the best of five runs of `model.parse` over all
(`model.parse_each` for the JSON Lines file).
"""

from __future__ import annotations

import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))

from format_recall import DEFAULT_CORPUS, FORMATS, load, record, write  # noqa: E402
from newslint.article.model import parse, parse_each  # noqa: E402


def main() -> int:
    corpus = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
    if not os.path.isdir(os.path.join(corpus, "articles")):
        print(f"skipped: no corpus at {corpus}")
        return 0
    articles = list(load(corpus, None))
    for kind in FORMATS:
        files = [(f"{name}.{kind}", write(kind, title, paragraphs, date)) for name, title, date, paragraphs in articles]
        best = float("inf")
        for _ in range(5):
            began = time.perf_counter()
            for path, text in files:
                parse(path, text)
            best = min(best, time.perf_counter() - began)
        print(f"{kind:5} {len(files)} articles read in {best * 1000:.1f} ms (best of 5)")
    export = "".join(record(name, title, paragraphs, date) + "\n" for name, title, date, paragraphs in articles)
    best = float("inf")
    for _ in range(5):
        began = time.perf_counter()
        parse_each("export.jsonl", export)
        best = min(best, time.perf_counter() - began)
    print(f"jsonl {len(articles)} articles read in {best * 1000:.1f} ms (best of 5, one file)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
