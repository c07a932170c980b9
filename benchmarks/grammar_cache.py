"""What the grammar rule costs once its cache is warm: a second run sends nothing and costs little.

    pip install -e '.[test,grammar]'
    python benchmarks/grammar_cache.py [--corpus DIR] [--articles 500] [--repeat 5] [--json FILE]

Checks the first 500 articles of the Wikinews corpus (../shared/corpus/wikinews-de) in one
process, with all rules, against the stand-in LanguageTool server of the tests
(tests/fake_languagetool.py, on 127.0.0.1):

1. a first run with grammar, which fills a fresh cache (requests and paragraphs sent);
2. a second run over the unchanged articles in a new client and cache connection, as a new
   process would have: the requests it sends (must be 0) and its time;
3. the same articles without the grammar rule: the time the second run is compared with.
   Each article is checked with and without grammar in turn (which one first alternates), timed
   in CPU time of this process,
   and the best of `--repeat` rounds counts, so that other work on the machine does not decide
   the comparison;
4. one paragraph edited in each of 10 articles: the requests and paragraphs sent (must be 10).

The whole-file result cache of `newslint check` is not used here: this measures the rule's own
paragraph cache. Skips (exit 0) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "wikinews-de", "articles")
sys.path[:0] = [ROOT, os.path.join(ROOT, "tests")]

from fake_languagetool import FakeLanguageTool  # noqa: E402
from newslint.engine.config import build_config  # noqa: E402
from newslint.engine.registry import rules_by_id  # noqa: E402
from newslint.engine.runner import Engine, RunOptions  # noqa: E402
from newslint.languagetool import location as languagetool_location  # noqa: E402
from newslint.languagetool import service as languagetool


def load(corpus: str, count: int) -> list[tuple[str, str]]:
    names = sorted(n for n in os.listdir(corpus) if n.endswith((".md", ".txt")))[:count]
    articles = []
    for name in names:
        with open(os.path.join(corpus, name), encoding="utf-8") as handle:
            articles.append((name, handle.read()))
    return articles


def check(engine: Engine, config, name: str, text: str) -> int:
    """Check one article; the number of grammar findings."""
    result = engine.check_text(name, text, config)
    if result.error:
        raise SystemExit(f"{name}: {result.error}")
    return sum(d.rule == "grammar" for d in result.diagnostics)


def run(engine: Engine, config, articles) -> tuple[float, int]:
    """Seconds to check every article, and the number of grammar findings."""
    started = time.perf_counter()
    found = sum(check(engine, config, name, text) for name, text in articles)
    return time.perf_counter() - started, found


def compare(engine: Engine, config, baseline, articles) -> tuple[float, float]:
    """CPU seconds for all articles with `config` and with `baseline`, each article in turn."""
    clock = time.process_time
    totals = [0.0, 0.0]
    for index, (name, text) in enumerate(articles):
        order = (0, 1) if index % 2 else (1, 0)  # the first check of an article warms the CPU caches
        for number in order:
            started = clock()
            check(engine, (config, baseline)[number], name, text)
            totals[number] += clock() - started
    return totals[0], totals[1]


def paragraphs_sent(server: FakeLanguageTool, since: int) -> int:
    return sum(len(form["text"].split("\n\n")) for form in server.checks[since:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=CORPUS)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    os.environ.pop(languagetool_location.ENV_URL, None)  # the stand-in, not a real server
    articles = load(args.corpus, args.articles)
    rules = rules_by_id()
    engine = Engine(RunOptions())

    with FakeLanguageTool() as server, tempfile.TemporaryDirectory() as tmp:
        cache = os.path.join(tmp, "grammar.sqlite3")
        with_grammar = build_config({"grammar": {"server": server.url, "cache": cache}}, rules)
        without_grammar = build_config({"ignore": ["grammar"]}, rules)

        first, findings = run(engine, with_grammar, articles)
        first_requests, first_paragraphs = len(server.checks), paragraphs_sent(server, 0)

        warm_times, plain_times = [], []
        before = len(server.checks)
        for _ in range(args.repeat):
            languagetool.close_all()  # a new process: new client, cache file opened again
            warm_time, plain_time = compare(engine, with_grammar, without_grammar, articles)
            warm_times.append(warm_time)
            plain_times.append(plain_time)
        warm_requests = len(server.checks) - before

        edited = [(name, text.replace(". ", ". Neu: ", 1)) for name, text in articles[:10]]
        before = len(server.checks)
        run(engine, with_grammar, edited)
        edit_requests, edit_paragraphs = len(server.checks) - before, paragraphs_sent(server, before)
        languagetool.close_all()

    warm, plain = min(warm_times), min(plain_times)
    figures = {
        "articles": len(articles),
        "first_run": {"seconds": round(first, 3), "requests": first_requests, "paragraphs_sent": first_paragraphs,
                      "grammar_findings": findings},
        "second_run": {"cpu_seconds": round(warm, 3), "requests": warm_requests,
                       "articles_per_second": round(len(articles) / warm)},
        "without_grammar": {"cpu_seconds": round(plain, 3), "articles_per_second": round(len(articles) / plain)},
        "overhead_percent": round(100 * (warm - plain) / plain, 1),
        "grammar_ms_per_article": round(1000 * (warm - plain) / len(articles), 3),
        "ten_edited_articles": {"requests": edit_requests, "paragraphs_sent": edit_paragraphs},
    }
    print(f"{len(articles)} articles from {os.path.relpath(args.corpus)}, best of {args.repeat} runs")
    print(f"  first run, empty cache:  {first:7.3f} s  {first_requests} requests, {first_paragraphs} paragraphs sent")
    print(f"  second run, warm cache:  {warm:7.3f} s CPU  {warm_requests} requests")
    print(f"  without grammar:         {plain:7.3f} s CPU")
    print(f"  grammar on a warm cache: {figures['overhead_percent']:+.1f} % "
          f"({figures['grammar_ms_per_article']:.3f} ms per article)")
    print(f"  10 articles, one paragraph edited in each: {edit_requests} requests, {edit_paragraphs} paragraphs sent")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, indent=2)
            handle.write("\n")
    ok = warm_requests == 0 and figures["overhead_percent"] < 20
    print("PASS" if ok else "FAIL: the second run must send nothing and cost less than 20 % more")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
