"""Peak memory of a large run with many findings: does newslint keep only what its report needs?

    python benchmarks/memory.py [--files 20000] [--format json] [--jobs 1]

Generates `--files` noisy articles (a dozen findings each: names spelt two ways, quotes without a
speaker, wrong weekdays, hyphens for dashes, broken credit lines) in a temporary folder, then runs
`newslint check` over them as a user would — without the cache, with a cold cache and with a warm
one — writing the report to a file, and measures each run's peak memory (the maximum resident set
size of the process and its workers, from wait4) and its time. Target: under 250 MB for 20,000
files with JSON output. Prints a table and writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET_MB = 250

PLACES = ["Berlin", "Pjöngjang", "Kiew", "Hanoi", "Moskau", "Washington"]
SPEAKERS = ["Putin", "die Sprecherin", "der Minister", "Blinken"]
QUOTES = ["Wir werden das Abkommen umsetzen", "Das ist eine Provokation", "Niemand will einen Krieg",
          "Die Lage ist ernst"]


def noisy_article(rng: random.Random, number: int) -> str:
    """An article with about a dozen findings of every rule that runs without a server."""
    place = rng.choice(PLACES)
    lines = [f"Gespräche in {place} über Handel, Folge {number}", ""]
    lines.append(f"{place} - Selenskyj traf am Freitag (20. Juni 2024) in Pjöngjang ein. Selenskij sprach "
                 f"von Fortschritten.")  # dateline hyphen, variant, wrong weekday
    for _ in range(rng.randint(2, 3)):
        lines.append(f"„{rng.choice(QUOTES)}.“ Die Gespräche in Pjönjang dauerten {rng.randint(2, 12)} "
                     f"Stunden - länger als geplant.")  # a quote without a speaker, a variant
        lines.append(f"{rng.choice(SPEAKERS).capitalize()} sagte am Donnerstag (22. Juni 2024): "
                     f"„{rng.choice(QUOTES)}.“ Es gab „Fortschritte.")  # wrong weekday, unclosed quote
    lines.append(rng.choice(["(DPA)", "(dap)", "(dpa, AFP)", ""]))  # a broken credit line
    return "\n".join(lines) + "\n"


def write_archive(folder: str, count: int, seed: int = 23) -> None:
    rng = random.Random(seed)
    for number in range(count):
        sub = os.path.join(folder, f"part{number // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"{number:05d}.txt"), "w", encoding="utf-8") as handle:
            handle.write(noisy_article(rng, number))


def measure(command: list[str], cwd: str) -> tuple[float, float, int]:
    """(peak memory in MB, wall seconds, exit code) of a command and the children it waited for."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss / 1024, time.perf_counter() - started, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--format", default="json")
    parser.add_argument("--jobs", default="1", help="worker processes (a number, or 'default')")
    parser.add_argument("--json", default=os.path.join(HERE, "results", "memory.json"))
    args = parser.parse_args()
    newslint = shutil.which("newslint")
    if not newslint:
        raise SystemExit("newslint is not installed: pip install .")
    work = tempfile.mkdtemp(prefix="newslint-memory-")
    figures: dict[str, object] = {"files": args.files, "format": args.format, "jobs": args.jobs}
    try:
        write_archive(os.path.join(work, "articles"), args.files)
        jobs = [] if args.jobs == "default" else ["--jobs", args.jobs]
        base = [newslint, "check", "--format", args.format, "--output", os.path.join(work, "report"), *jobs]
        cache = ["--cache-dir", os.path.join(work, "cache")]
        runs = {"no cache": [*base, "--no-cache"], "cold cache": [*base, *cache], "warm cache": [*base, *cache]}
        for name, command in runs.items():
            peak, seconds, code = measure([*command, "articles"], work)
            if code not in (0, 1):
                raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
            figures[name] = {"peak_mb": round(peak, 1), "seconds": round(seconds, 2)}
        with open(os.path.join(work, "report"), encoding="utf-8") as handle:
            report = handle.read()
        if args.format == "json":
            figures["findings"] = json.loads(report)["summary"]["findings"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.files} files, {figures.get('findings', '?')} findings, --format {args.format}, "
          f"jobs: {args.jobs}")
    for name in ("no cache", "cold cache", "warm cache"):
        run = figures[name]
        verdict = "ok" if run["peak_mb"] < TARGET_MB else f"over the target of {TARGET_MB} MB"
        print(f"  {name:<11} peak {run['peak_mb']:>6.0f} MB  {run['seconds']:>6.1f} s  {verdict}")
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w", encoding="utf-8") as handle:
        json.dump(figures, handle, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
