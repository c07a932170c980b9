"""What each rule costs, in processor time, on the same articles — and against another revision.

    python benchmarks/rule_costs.py [--corpus DIR] [--repeat 3] [--against REF]

Each rule runs alone on freshly parsed articles (so it pays for the shared analysis it needs, as
the first rule to ask for it would), grammar left out; its cost is the best of `--repeat` runs,
less the cost of parsing alone. Processor time, not wall time, so that other work on the machine
changes the figures little. With `--against REF` (a git revision of this repository), the same
measurement runs on that revision too, in turns with this one, and the table shows the change
per rule: the check that no rule became much slower.

Uses the Wikinews corpus (../shared/corpus/wikinews-de) when it is there, else seeds/.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "wikinews-de", "articles")
SEEDS = os.path.join(ROOT, "seeds")
PARSING = "(parsing)"


def articles(folder: str) -> list[tuple[str, str]]:
    names = sorted(name for name in os.listdir(folder) if name.endswith((".txt", ".md")))
    found = []
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            found.append((name, file.read()))
    return found


def measure(folder: str, repeat: int) -> dict[str, float]:
    """Milliseconds of processor time per article: of parsing, and of parsing and each rule."""
    from newslint.article.model import parse
    from newslint.engine.config import build_config
    from newslint.engine.registry import rules_by_id

    rules = {rule_id: rule for rule_id, rule in rules_by_id().items() if rule_id != "grammar"}
    config = build_config({}, rules_by_id())
    texts = articles(folder)

    def run(rule) -> float:
        started = time.process_time()
        for name, text in texts:
            article = parse(name, text)
            if rule is not None:
                for _finding in rule.check(article, config.rules[rule.id].options):
                    pass
        return time.process_time() - started

    for rule in rules.values():  # untimed: what loads on first use (word lists, patterns)
        run(rule)
    times = {PARSING: min(run(None) for _ in range(repeat))}
    for rule_id, rule in rules.items():
        times[rule_id] = min(run(rule) for _ in range(repeat))
    return {what: 1000 * seconds / len(texts) for what, seconds in times.items()}


def costs(times: dict[str, float]) -> dict[str, float]:
    """Each rule's cost beyond parsing, from the times of `measure` (each the best of its runs:
    the best of differences would take a run where parsing happened to be slow)."""
    parsing = times[PARSING]
    return {what: value if what == PARSING else max(value - parsing, 0.0) for what, value in times.items()}


def checkout(ref: str, into: str) -> str:
    """A copy of revision `ref` of this repository, importable as `newslint` (its `lint/` and `rules/`
    put together as they are installed); the folder to put on the import path."""
    source = os.path.join(into, "source")
    subprocess.run(["git", "-C", ROOT, "worktree", "add", "--detach", "--quiet", source, ref], check=True)
    package = os.path.join(into, "path", "newslint")
    os.makedirs(package)
    for entry in os.listdir(os.path.join(source, "lint")):
        os.symlink(os.path.join(source, "lint", entry), os.path.join(package, entry))
    os.symlink(os.path.join(source, "rules"), os.path.join(package, "rules"))
    return os.path.join(into, "path")


def measured_elsewhere(path: str, folder: str, repeat: int) -> dict[str, float]:
    """The figures of the copy on `path`, measured in a process of its own."""
    output = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--corpus", folder, "--repeat", str(repeat), "--raw"],
        env={**os.environ, "PYTHONPATH": path}, cwd=tempfile.gettempdir(),
        check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=CORPUS if os.path.isdir(CORPUS) else SEEDS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", metavar="REF", help="a git revision to compare with")
    parser.add_argument("--rounds", type=int, default=2, help="turns of this and the other revision")
    parser.add_argument("--raw", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    folder = os.path.abspath(arguments.corpus)
    if arguments.raw:
        print(json.dumps(measure(folder, arguments.repeat)))
        return
    here_path = os.path.dirname(os.path.dirname(__import__("newslint").__file__))
    if not arguments.against:
        here = costs(measured_elsewhere(here_path, folder, arguments.repeat))
        print(f"{len(articles(folder))} articles from {folder}; ms of processor time per article")
        for what, value in here.items():
            print(f"{what:24} {value:8.3f}")
        return
    with tempfile.TemporaryDirectory() as scratch:
        other_path = checkout(arguments.against, scratch)
        try:
            now, then = {}, {}
            for _ in range(arguments.rounds):  # in turns, so both meet the same load
                for figures, path in ((now, here_path), (then, other_path)):
                    for what, value in measured_elsewhere(path, folder, arguments.repeat).items():
                        figures[what] = min(figures.get(what, value), value)
        finally:
            subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force",
                            os.path.join(scratch, "source")], check=False)
        now, then = costs(now), costs(then)
    print(f"{len(articles(folder))} articles from {folder}; ms of processor time per article, best of "
          f"{arguments.rounds} rounds")
    print(f"{'':24} {arguments.against[:10]:>10} {'now':>10} {'change':>8}")
    for what in now:
        before, after = then.get(what), now[what]
        change = f"{100 * (after - before) / before:+7.0f}%" if before else "     new"
        print(f"{what:24} {before if before is not None else float('nan'):10.3f} {after:10.3f} {change}")


if __name__ == "__main__":
    main()
