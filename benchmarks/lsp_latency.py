"""How long from `didChange` to `publishDiagnostics`, through the real protocol (grammar off).

    pip install '.[lsp]'
    python benchmarks/lsp_latency.py [--corpus DIR] [--runs N]

Starts `newslint lsp` as editors do, opens an article, then sends N changes (one at a time,
each waiting for its diagnostics) and prints the median and 95th percentile of the time from
sending the change to receiving the diagnostics of that version, with the server's default
debounce. Articles: the longest of the Wikinews corpus (../shared/corpus/wikinews-de/articles;
skipped when absent) and a 20,000-word article made from the seeds. Targets: median under 100 ms
for the first, under 500 ms for the second.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "wikinews-de", "articles")


def long_article(words: int) -> str:
    """An article of about `words` words: the seed articles' paragraphs, repeated."""
    seeds = os.path.join(ROOT, "seeds")
    lines = []
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds, name), encoding="utf-8") as handle:
                lines.extend(line for line in handle.read().split("\n")[1:] if line.strip() and not line.startswith("("))
    body, count = [], 0
    while count < words:
        for line in lines:
            body.append(line)
            count += len(line.split())
            if count >= words:
                break
    return "Langer Artikel\n" + "\n".join(body) + "\n(dpa)\n"


async def measure(path: str, text: str, runs: int) -> list[float]:
    environment = {key: value for key, value in os.environ.items() if key != "NEWSLINT_LANGUAGETOOL_URL"}
    environment["LTP_PATH"] = os.path.join(os.path.dirname(path), "no-languagetool")
    client = LanguageClient("latency", "1")
    arrived: dict[int | None, float] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: types.PublishDiagnosticsParams) -> None:
        arrived[params.version] = time.perf_counter()

    await client.start_io(sys.executable, "-m", "newslint", "lsp", env=environment)
    folder = os.path.dirname(path)
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                         root_uri=f"file://{folder}"))
    client.initialized(types.InitializedParams())
    uri = f"file://{path}"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    while 1 not in arrived:
        await asyncio.sleep(0.001)
    times = []
    for version in range(2, runs + 2):
        changed = text + " " * version
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=changed)]))
        while version not in arrived:
            await asyncio.sleep(0.001)
        times.append(arrived[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def report(name: str, words: int, times: list[float], target: float) -> None:
    median = statistics.median(times) * 1000
    p95 = statistics.quantiles(times, n=20)[-1] * 1000
    verdict = "met" if median < target else "MISSED"
    print(f"{name}: {words} words, {len(times)} changes: median {median:.1f} ms, p95 {p95:.1f} ms "
          f"(target median < {target:.0f} ms: {verdict})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=CORPUS)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if os.path.isdir(args.corpus):
            names = [os.path.join(args.corpus, name) for name in os.listdir(args.corpus) if name.endswith((".md", ".txt"))]
            longest = max(names, key=os.path.getsize)
            with open(longest, encoding="utf-8") as handle:
                text = handle.read()
            path = os.path.join(folder, "longest" + os.path.splitext(longest)[1])
            report(f"longest corpus article ({os.path.basename(longest)})", len(text.split()),
                   asyncio.run(measure(path, text, args.runs)), 100)
        else:
            print(f"skipped the corpus article: {args.corpus} is not there")
        text = long_article(20_000)
        report("20,000-word article", len(text.split()),
               asyncio.run(measure(os.path.join(folder, "long.txt"), text, args.runs)), 500)


if __name__ == "__main__":
    main()
