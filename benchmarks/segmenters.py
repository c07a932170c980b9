"""Compare newslint's sentence splitter with pysbd and syntok on the sample article and ten corpus articles.

    pip install pysbd syntok
    python benchmarks/segmenters.py [--corpus ../shared/corpus/wikinews-de] [--show]

For each splitter: the sentence boundaries it finds, how many of them the others share, and the
time per article. Boundaries are compared as character offsets of sentence ends in each block, so
the splitters see exactly the same paragraphs. `--show` prints the boundaries they disagree on.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from newslint.article.model import parse  # noqa: E402
from newslint.german.segment import split_sentences  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "seeds", "000_2f1474f60fdc96d6.txt")
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "wikinews-de")


def ours(text: str) -> list[int]:
    return [span.end for span in split_sentences(text)]


def make_pysbd():
    import pysbd

    segmenter = pysbd.Segmenter(language="de", clean=False, char_span=True)
    return lambda text: [span.end - len(span.sent) + len(span.sent.rstrip()) for span in segmenter.segment(text)]


def make_syntok():
    from syntok import segmenter

    def split(text: str) -> list[int]:
        ends = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                last = sentence[-1]
                ends.append(last.offset + len(last.value))
        return ends

    return split


def blocks_of(paths: list[str]) -> list[str]:
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            article = parse(path, handle.read())
        texts.extend(block.text for block in article.blocks if block.kind == "paragraph")
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=CORPUS)
    parser.add_argument("--show", action="store_true", help="print the boundaries they disagree on")
    args = parser.parse_args()
    paths = [SAMPLE]
    articles = os.path.join(args.corpus, "articles")
    if os.path.isdir(articles):
        paths += [os.path.join(articles, name) for name in sorted(os.listdir(articles))[:10]]
    else:
        print(f"corpus not found at {args.corpus}: comparing on the sample article only")
    paragraphs = blocks_of(paths)
    splitters = {"newslint": ours}
    for name, make in (("pysbd", make_pysbd), ("syntok", make_syntok)):
        try:
            splitters[name] = make()
        except ImportError:
            print(f"{name} is not installed (pip install {name}); skipped")
    results = {}
    for name, split in splitters.items():
        started = time.perf_counter()
        results[name] = [set(split(text)) for text in paragraphs]
        elapsed = time.perf_counter() - started
        count = sum(len(ends) for ends in results[name])
        print(f"{name:>9}: {count:4d} sentences in {len(paths)} articles, "
              f"{elapsed / len(paths) * 1000:7.2f} ms per article")
    names = list(results)
    for a in names:
        for b in names:
            if a < b:
                shared = sum(len(x & y) for x, y in zip(results[a], results[b]))
                union = sum(len(x | y) for x, y in zip(results[a], results[b]))
                print(f"{a} and {b} agree on {shared} of {union} boundaries ({shared / union:.1%})")
    if args.show:
        for number, text in enumerate(paragraphs):
            ends = {name: results[name][number] for name in names}
            every = set().union(*ends.values())
            for end in sorted(every):
                holders = [name for name in names if end in ends[name]]
                if len(holders) < len(names):
                    print(f"  [{'/'.join(holders)}] …{text[max(0, end - 40):end]}|{text[end:end + 30]}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
