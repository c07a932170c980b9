"""How fast is newslint, and how does it compare with proselint?

    pip install . proselint
    python benchmarks/performance.py [--corpus DIR] [--json benchmarks/results/performance.json]

Uses the Wikinews corpus (../shared/corpus/wikinews-de) when it is there, otherwise a corpus
generated from seeds/. Measures, in one run, each as a whole command the way a user runs it:

- articles per second with all built-in rules (grammar off), in one process and with --jobs;
- the second run over the unchanged files with the result cache, against the first;
- wall time of `newslint --version` and of `newslint check` on one article (start-up);
- peak memory (maximum resident set size of the process and its workers);
- linearity: ten times the articles (and the memory for 10,000 articles);
- the same figures for proselint on the same files, as the baseline of Python prose linters.

Prints a table and writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "wikinews-de", "articles")
SEEDS = os.path.join(ROOT, "seeds")


def run(command: list[str], cwd: str | None = None) -> tuple[float, float]:
    """Run a command; (wall seconds, peak memory in MB of it and its children)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}: "
                         f"{process.stderr.read().decode(errors='replace')[-2000:]}")
    process.stderr.close()
    # ru_maxrss of wait4 is the largest of the process and its waited-for children (kilobytes)
    return elapsed, usage.ru_maxrss / 1024


def best_of(command: list[str], times: int, cwd: str | None = None) -> tuple[float, float]:
    runs = [run(command, cwd) for _ in range(times)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def median_of(command: list[str], times: int, cwd: str | None = None) -> float:
    return statistics.median(run(command, cwd)[0] for _ in range(times))


def make_corpus(source: str | None, target: str, copies: int = 1, limit: int | None = None) -> int:
    """Copy the articles (or generate them from the seeds) `copies` times into `target`."""
    if source and os.path.isdir(source):
        names = sorted(n for n in os.listdir(source) if n.endswith((".md", ".txt")))
        files = [os.path.join(source, n) for n in names]
    else:
        files = [os.path.join(SEEDS, n) for n in sorted(os.listdir(SEEDS))]
        copies *= max(1, 850 // len(files))
    count = 0
    for copy in range(copies):
        folder = os.path.join(target, f"part{copy:03d}")
        os.makedirs(folder, exist_ok=True)
        for path in files:
            if limit is not None and count >= limit:
                return count
            shutil.copyfile(path, os.path.join(folder, os.path.basename(path)))
            count += 1
    return count


def newslint(*args: str) -> list[str]:
    found = shutil.which("newslint")
    if not found:
        raise SystemExit("newslint is not installed: pip install .")
    return [found, *args]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=CORPUS, help="folder of articles (default: the Wikinews corpus)")
    parser.add_argument("--json", default=os.path.join(HERE, "results", "performance.json"))
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (the best counts)")
    args = parser.parse_args()

    source = args.corpus if os.path.isdir(args.corpus) else None
    print(f"corpus: {source or 'generated from seeds/ (corpus not found at ' + args.corpus + ')'}")
    figures: dict[str, object] = {"corpus": source or "seeds"}
    work = tempfile.mkdtemp(prefix="newslint-bench-")
    try:
        corpus = os.path.join(work, "corpus")
        count = make_corpus(source, corpus)
        big = os.path.join(work, "big")
        big_count = make_corpus(source, big, copies=10)
        tenk = os.path.join(work, "tenk")
        tenk_count = make_corpus(source, tenk, copies=12, limit=10_000)
        one = next(os.path.join(root, name) for root, _, names in os.walk(corpus) for name in sorted(names))
        cores = len(os.sched_getaffinity(0))
        figures.update(articles=count, cores=cores)
        check = ["check", "--no-cache", "--fail-on", "never"]

        version = median_of(newslint("--version"), 7)
        single = median_of(newslint(*check, one), 7)
        serial, serial_mb = best_of(newslint(*check, "--jobs", "1", corpus), args.repeat)
        parallel, parallel_mb = best_of(newslint(*check, "--jobs", str(cores), corpus), args.repeat)
        cache_dir = os.path.join(work, "cache")
        cached_args = ["check", "--fail-on", "never", "--cache-dir", cache_dir, "--jobs", "1", corpus]
        cold, _ = run(newslint(*cached_args))
        warm, _ = best_of(newslint(*cached_args), args.repeat)
        big_time, big_mb = best_of(newslint(*check, "--jobs", "1", big), 1)
        tenk_time, tenk_mb = best_of(newslint(*check, "--jobs", "1", tenk), 1)
        figures.update(
            version_ms=version * 1000,
            check_one_ms=single * 1000,
            serial_seconds=serial,
            serial_articles_per_second=count / serial,
            parallel_jobs=cores,
            parallel_seconds=parallel,
            parallel_articles_per_second=count / parallel,
            peak_memory_mb=max(serial_mb, parallel_mb),
            cache_first_seconds=cold,
            cache_second_seconds=warm,
            cache_speedup=cold / warm,
            ten_times_articles=big_count,
            ten_times_seconds=big_time,
            ten_times_ratio=big_time / serial,
            ten_thousand_articles=tenk_count,
            ten_thousand_memory_mb=tenk_mb,
            ten_thousand_seconds=tenk_time,
        )

        proselint = shutil.which("proselint")
        if proselint:
            files = sorted(os.path.join(root, n) for root, _, names in os.walk(corpus) for n in names)
            p_version = median_of([proselint, "version"], 7)
            p_single = median_of([proselint, "check", one], 7)
            p_serial, p_mb = best_of([proselint, "check", *files], 1)
            figures.update(
                proselint_version_ms=p_version * 1000,
                proselint_check_one_ms=p_single * 1000,
                proselint_seconds=p_serial,
                proselint_articles_per_second=count / p_serial,
                proselint_peak_memory_mb=p_mb,
                throughput_ratio=p_serial / serial,
            )
        else:
            print("proselint is not installed (pip install proselint): no baseline")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print_table(figures)
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w", encoding="utf-8") as handle:
        json.dump(figures, handle, indent=2)
    print(f"figures written to {args.json}")
    return 0


def print_table(f: dict) -> None:
    rows = [
        ("articles", f"{f['articles']}", ""),
        ("newslint --version", f"{f['version_ms']:.0f} ms", "target ≤ 150 ms"),
        ("newslint check one article", f"{f['check_one_ms']:.0f} ms", "target ≤ 350 ms"),
        ("throughput, 1 process", f"{f['serial_articles_per_second']:.0f} articles/s",
         "target ≥ 500 per core"),
        (f"throughput, --jobs {f['parallel_jobs']}", f"{f['parallel_articles_per_second']:.0f} articles/s", ""),
        ("peak memory", f"{f['peak_memory_mb']:.0f} MB", ""),
        ("second run with cache", f"{f['cache_speedup']:.1f}× faster "
         f"({f['cache_first_seconds']:.2f} s → {f['cache_second_seconds']:.2f} s)", "target ≥ 10×"),
        (f"10× the articles ({f['ten_times_articles']})", f"{f['ten_times_ratio']:.1f}× the time",
         "target ≤ 11×"),
        (f"memory for {f['ten_thousand_articles']} articles", f"{f['ten_thousand_memory_mb']:.0f} MB",
         "target < 250 MB"),
    ]
    if "proselint_seconds" in f:
        rows += [
            ("proselint --version", f"{f['proselint_version_ms']:.0f} ms", ""),
            ("proselint check one article", f"{f['proselint_check_one_ms']:.0f} ms", ""),
            ("proselint throughput", f"{f['proselint_articles_per_second']:.1f} articles/s", ""),
            ("proselint peak memory", f"{f['proselint_peak_memory_mb']:.0f} MB", ""),
            ("newslint / proselint throughput", f"{f['throughput_ratio']:.0f}×", "target ≥ 10×"),
        ]
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<40} {target}")


if __name__ == "__main__":
    sys.exit(main())
