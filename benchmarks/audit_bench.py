"""Speed of `newslint audit` on 10,000 articles: a local process pool and a Dask LocalCluster.

    pip install -e '.[dask]'
    python benchmarks/audit_bench.py [--articles 10000] [--jobs N] [--workers 2] [--corpus DIR]

The articles are made from the corpus articles (../shared/corpus/wikinews-de) when they are there,
else from seeds/, repeated with spread dates and authors, once as a folder of Markdown files and
once as a JSON Lines export, in a temporary directory. For each input and each way of running:
wall time, articles per second and peak memory (resident set) of the main process and of the
busiest worker. The local and the cluster report must be equal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import resource
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from newslint.article.model import parse  # noqa: E402
from newslint.audit import audit  # noqa: E402
from newslint.audit.execute import default_jobs  # noqa: E402
from newslint.audit.work import Settings  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "wikinews-de")
SEEDS = os.path.join(HERE, "..", "seeds")
AUTHORS = ("Anna Berg", "Ben Cohn", "Clara Dietz", "David Engel", "Eva Fuchs", "Frank Graf")


def sources(corpus: str) -> tuple[str, list[tuple[str, str, str]]]:
    """(where from, [(headline, body, file suffix)]) of the articles to repeat."""
    files = sorted(glob.glob(os.path.join(corpus, "articles", "*.md")))
    origin = f"{len(files)} corpus articles"
    if not files:
        files = sorted(glob.glob(os.path.join(SEEDS, "*.txt")) + glob.glob(os.path.join(SEEDS, "*.md")))
        origin = f"{len(files)} seed articles (no corpus)"
    found = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            article = parse(path, handle.read())
        headline = article.headline.text if article.headline else "Ohne Titel"
        body = "\n\n".join(block.text for block in article.blocks
                           if block.kind in ("teaser", "paragraph", "subheading"))
        found.append((headline, body))
    return origin, found


def generate(directory: str, count: int, articles) -> tuple[str, str]:
    folder = os.path.join(directory, "articles")
    os.makedirs(folder)
    export = os.path.join(directory, "export.jsonl")
    start = dt.date(2015, 1, 1)
    with open(export, "w", encoding="utf-8") as lines:
        for number in range(count):
            headline, body = articles[number % len(articles)]
            date = start + dt.timedelta(days=number * 3650 // count)
            author = AUTHORS[number % len(AUTHORS)]
            with open(os.path.join(folder, f"{number:05d}.md"), "w", encoding="utf-8") as handle:
                handle.write(f"---\ntitle: {json.dumps(headline, ensure_ascii=False)}\n"
                             f"date: {date.isoformat()}\nauthor: {author}\n---\n{body}\n")
            lines.write(json.dumps({"id": number, "headline": headline, "body": body,
                                    "date": date.isoformat(), "author": author},
                                   ensure_ascii=False) + "\n")
    return folder, export


def peak_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def measure(label: str, run, articles: int):
    started = time.perf_counter()
    report, worker_mb = run()
    wall = time.perf_counter() - started
    assert report["summary"]["articles"] == articles, report["summary"]
    print(f"{label:<34} {wall:7.1f} s  {articles / wall:8.0f} articles/s  "
          f"main {peak_mb():5.0f} MB  worker {worker_mb:5.0f} MB", flush=True)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", default=CORPUS)
    args = parser.parse_args()

    origin, articles = sources(args.corpus)
    print(f"{args.articles:,} articles made from {origin}; {os.cpu_count()} CPUs; "
          f"local pool of {args.jobs}, LocalCluster of {args.workers} worker processes")
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="newslint-audit-bench-") as directory:
        folder, export = generate(directory, args.articles, articles)
        inputs = (("folder of .md files", [folder]), ("JSON Lines export", [export]))
        local = {}
        for name, paths in inputs:
            local[name] = measure(f"local pool, {name}", lambda: (
                audit(paths, settings, jobs=args.jobs), peak_mb(resource.RUSAGE_CHILDREN)
            ), args.articles)

        try:
            from distributed import Client, LocalCluster
        except ImportError:
            print("Dask is not installed (pip install 'newslint[dask]'): no cluster figures")
            return
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=":0") as cluster, Client(cluster) as client:
            for name, paths in inputs:
                def on_cluster():
                    report = audit(paths, settings, scheduler=cluster.scheduler_address)
                    sizes = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
                    return report, max(sizes.values()) / 1024

                report = measure(f"LocalCluster, {name}", on_cluster, args.articles)
                assert report == local[name], "the cluster's report differs from the local one"
        summary = local["folder of .md files"]["summary"]
        print(f"reports equal; {summary['findings']:,} findings, "
              f"{len(local['folder of .md files']['variants'])} variant groups")


if __name__ == "__main__":
    main()
