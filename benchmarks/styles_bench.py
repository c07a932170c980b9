"""What house styles cost: the shipped pack and 1,000 substitution terms against the built-in rules.

    pip install .
    python benchmarks/styles_bench.py [--corpus DIR] [--repeat N] [--json FILE]

Checks the 850 articles of the Wikinews corpus (../shared/corpus/wikinews-de; the script says so
and exits 0 when it is absent) in one process (`--jobs 1 --no-cache`), as a user runs newslint:

1. with the built-in rules alone (grammar is off: no LanguageTool);
2. with the shipped pack `newsroom-de` as well;
3. with the pack and a generated style of 1,000 substitution terms as well: spellings a house does
   not use, made from words of the corpus with two letters swapped (so that, like a real house
   list, most never occur), each with the word to write instead.

The warm-up run compiles newslint's bytecode as `pip install` does (PYTHONDONTWRITEBYTECODE is
dropped for the runs). Runs alternate between the three set-ups (so that a busy machine slows all of them alike) and
the fastest of each counts. It reports the processor time of each run (user and system, which
other programs on the machine change less than the wall time) and the wall time, and the time
the styles add, in seconds and against the built-in rules alone (the target: at most +30% for
the pack and the 1,000 terms together). It also reports how long loading the styles takes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "wikinews-de", "articles")
TARGET = 0.30
#: bytecode compiled and kept, as after `pip install`
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def generated_style(folder: str, corpus: str, count: int = 1000, seed: int = 18) -> None:
    """A style `Generated` with one substitution rule of `count` terms made from the corpus's words."""
    words: set[str] = set()
    for name in sorted(os.listdir(corpus)):
        with open(os.path.join(corpus, name), encoding="utf-8") as handle:
            words.update(re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{5,}\b", handle.read()))
    chooser = random.Random(seed)
    swap: dict[str, str] = {}
    for word in chooser.sample(sorted(words), len(words)):
        at = chooser.randrange(1, len(word) - 2)
        wrong = word[:at] + word[at + 1] + word[at] + word[at + 2:]
        if wrong != word and wrong not in words and wrong not in swap:
            swap[wrong] = word
        if len(swap) == count:
            break
    os.makedirs(os.path.join(folder, "Generated"), exist_ok=True)
    lines = ["extends: substitution", "message: \"'%s', nicht '%s'\"", "level: warning", "swap:"]
    lines += [f"  {wrong}: {right}" for wrong, right in swap.items()]
    with open(os.path.join(folder, "Generated", "Terms.yml"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def measure(command: list[str]) -> tuple[float, float]:
    """(processor seconds, wall seconds) of a command and its children."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENVIRONMENT)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}: "
                         f"{process.stderr.read().decode(errors='replace')[-2000:]}")
    process.stderr.close()
    return usage.ru_utime + usage.ru_stime, wall


LOAD = """
import sys, time
from newslint.engine.runner import Engine, RunOptions
started = time.process_time()
Engine(RunOptions(config_file=sys.argv[1])).config_for(sys.argv[2])
print(time.process_time() - started)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=CORPUS, help="folder of articles (default: the Wikinews corpus)")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each set-up (the fastest counts)")
    parser.add_argument("--json", default=os.path.join(HERE, "results", "styles.json"))
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"corpus not found at {args.corpus}: nothing to measure")
        return 0
    newslint = shutil.which("newslint")
    if not newslint:
        raise SystemExit("newslint is not installed: pip install .")
    articles = sum(1 for name in os.listdir(args.corpus) if name.endswith((".md", ".txt")))
    work = tempfile.mkdtemp(prefix="newslint-styles-")
    try:
        generated_style(os.path.join(work, "styles"), args.corpus)
        configs = {
            "built-in rules": "",
            "+ newsroom-de": 'styles = ["newsroom-de"]\n',
            "+ newsroom-de + 1,000 terms": 'styles-path = "styles"\nstyles = ["newsroom-de", "Generated"]\n',
        }
        commands = {}
        for number, (name, table) in enumerate(configs.items()):
            path = os.path.join(work, f"config{number}.toml")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(table)
            commands[name] = [newslint, "check", "--jobs", "1", "--no-cache", "--fail-on", "never",
                              "--config", path, args.corpus]
        for command in commands.values():
            measure(command)  # warm-up: bytecode, the word-frequency index, the file cache
        cpu = {name: float("inf") for name in commands}
        wall = {name: float("inf") for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                seconds, elapsed = measure(command)
                cpu[name] = min(cpu[name], seconds)
                wall[name] = min(wall[name], elapsed)
        load = {}
        for number, name in enumerate(commands):
            config = os.path.join(work, f"config{number}.toml")
            runs = [float(subprocess.run([sys.executable, "-c", LOAD, config, os.path.join(args.corpus, "x.md")],
                                         capture_output=True, text=True, check=True, env=ENVIRONMENT).stdout)
                    for _ in range(args.repeat)]
            load[name] = min(runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    base_cpu, base_wall = cpu["built-in rules"], wall["built-in rules"]
    print(f"{articles} articles, one process, fastest of {args.repeat} runs each\n")
    print(f"{'set-up':30} {'processor s':>12} {'added':>8} {'wall s':>8} {'added':>8} {'loading':>9}")
    figures = {"articles": articles, "repeat": args.repeat, "target": TARGET, "setups": {}}
    for name in commands:
        added_cpu = cpu[name] / base_cpu - 1
        added_wall = wall[name] / base_wall - 1
        print(f"{name:30} {cpu[name]:12.3f} {added_cpu:+8.0%} {wall[name]:8.3f} {added_wall:+8.0%} "
              f"{load[name] * 1000:7.0f} ms")
        figures["setups"][name] = {"cpu_seconds": round(cpu[name], 3), "wall_seconds": round(wall[name], 3),
                                   "added_cpu": round(added_cpu, 3), "added_wall": round(added_wall, 3),
                                   "load_seconds": round(load[name], 4)}
    total = figures["setups"]["+ newsroom-de + 1,000 terms"]["added_cpu"]
    print(f"\nthe pack and 1,000 terms add {total:+.0%} processor time (target: at most +{TARGET:.0%})")
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w", encoding="utf-8") as handle:
        json.dump(figures, handle, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
