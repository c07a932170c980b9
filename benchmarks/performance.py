"""How fast is newslint, and how does it compare with proselint?

    pip install . proselint
    python benchmarks/performance.py [--corpus DIR] [--json benchmarks/results/performance.json]

Uses the Wikinews corpus (../shared/corpus/wikinews-de) when it is there, otherwise a corpus
generated from seeds/. Measures, in one run, each as a whole command the way a user runs it:

- articles per second with all built-in rules (grammar off), in one process and with --jobs;
- the second run over the unchanged files with the result cache, against the first (and on one
  article: what every cached run costs, however few its files);
- wall time of `newslint --version` and of `newslint check` on one article (start-up);
- peak memory (maximum resident set size of the process and its workers);
- linearity: ten times the articles (and the memory for 10,000 articles);
- the same figures for proselint on the same files, as the baseline of Python prose linters.

Like with like: both tools run as installed commands on the same files, each after one untimed
warm-up run, with bytecode compiled as after `pip install` (so PYTHONDONTWRITEBYTECODE is dropped
for the commands; the warm-up also builds newslint's word-frequency index on a fresh machine).
The throughput ratio compares newslint's default run, which uses every core, with proselint's,
which uses one; the per-core ratio compares one newslint process with proselint. Peak memory is
that of the largest process (the figure for 10,000 articles comes from one process, --jobs 1).

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


#: the commands run as after `pip install`, which compiles bytecode: none is left out
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run(command: list[str], cwd: str | None = None) -> tuple[float, float, float]:
    """Run a command; (wall seconds, peak memory in MB, processor seconds), of it and its children.

    The processor time does not grow when other programs share the machine, the wall time does."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=ENVIRONMENT)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}: "
                         f"{process.stderr.read().decode(errors='replace')[-2000:]}")
    process.stderr.close()
    # ru_maxrss of wait4 is the largest of the process and its waited-for children (kilobytes)
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def best_of(command: list[str], times: int, cwd: str | None = None) -> tuple[float, float, float]:
    runs = [run(command, cwd) for _ in range(times)]
    return min(r[0] for r in runs), max(r[1] for r in runs), min(r[2] for r in runs)


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

        run(newslint(*check, corpus))  # warm-up: bytecode, word-frequency index, file cache
        version = median_of(newslint("--version"), 7)
        single = median_of(newslint(*check, one), 7)
        serial, serial_mb, serial_cpu = best_of(newslint(*check, "--jobs", "1", corpus), args.repeat)
        parallel, parallel_mb, _ = best_of(newslint(*check, "--jobs", str(cores), corpus), args.repeat)
        default, default_mb, _ = best_of(newslint(*check, corpus), args.repeat)
        cache = {}  # (first run, second run), each the median of runs with a cache of their own
        for name, jobs in (("serial", ["--jobs", "1"]), ("default", [])):
            firsts, seconds = [], []
            for number in range(args.repeat):
                cache_dir = os.path.join(work, f"cache-{name}-{number}")
                cached = newslint("check", "--fail-on", "never", "--cache-dir", cache_dir, *jobs, corpus)
                firsts.append(run(cached)[0])
                seconds.append(run(cached)[0])
            cache[name] = statistics.median(firsts), statistics.median(seconds)
        # what any cached run costs, however few the files: start-up, imports, the cache opened
        cached_one = newslint("check", "--fail-on", "never", "--cache-dir", os.path.join(work, "cache-one"), one)
        run(cached_one)
        cached_one_second = median_of(cached_one, 7)
        big_time, big_mb, _ = best_of(newslint(*check, "--jobs", "1", big), 1)
        big_default = best_of(newslint(*check, big), 1)[0]
        big_cached = newslint("check", "--fail-on", "never", "--cache-dir", os.path.join(work, "cache-big"),
                              "--jobs", "1", big)
        big_cache_first, big_cache_second = run(big_cached)[0], run(big_cached)[0]
        tenk_time, tenk_mb, _ = best_of(newslint(*check, "--jobs", "1", tenk), 1)
        figures.update(
            version_ms=version * 1000,
            check_one_ms=single * 1000,
            serial_seconds=serial,
            serial_articles_per_second=count / serial,
            serial_processor_seconds=serial_cpu,
            articles_per_processor_second=count / serial_cpu,
            parallel_jobs=cores,
            parallel_seconds=parallel,
            parallel_articles_per_second=count / parallel,
            default_seconds=default,
            default_articles_per_second=count / default,
            peak_memory_mb=max(serial_mb, parallel_mb, default_mb),
            cache_first_seconds=cache["serial"][0],
            cache_second_seconds=cache["serial"][1],
            cache_speedup=cache["serial"][0] / cache["serial"][1],
            cache_default_first_seconds=cache["default"][0],
            cache_default_second_seconds=cache["default"][1],
            cache_default_speedup=cache["default"][0] / cache["default"][1],
            cache_second_one_article_ms=cached_one_second * 1000,
            ten_times_articles=big_count,
            ten_times_seconds=big_time,
            ten_times_ratio=big_time / serial,
            ten_times_default_seconds=big_default,
            ten_times_cache_first_seconds=big_cache_first,
            ten_times_cache_second_seconds=big_cache_second,
            ten_times_cache_speedup=big_cache_first / big_cache_second,
            ten_thousand_articles=tenk_count,
            ten_thousand_memory_mb=tenk_mb,
            ten_thousand_seconds=tenk_time,
        )

        proselint = shutil.which("proselint")
        if proselint:
            files = sorted(os.path.join(root, n) for root, _, names in os.walk(corpus) for n in names)
            run([proselint, "check", one])  # warm-up, as for newslint
            p_version = median_of([proselint, "version"], 7)
            p_single = median_of([proselint, "check", one], 7)
            p_serial, p_mb, p_cpu = best_of([proselint, "check", *files], 1)
            big_files = sorted(os.path.join(root, n) for root, _, names in os.walk(big) for n in names)
            p_big = best_of([proselint, "check", *big_files], 1)[0]
            figures.update(
                proselint_version_ms=p_version * 1000,
                proselint_check_one_ms=p_single * 1000,
                proselint_seconds=p_serial,
                proselint_articles_per_second=count / p_serial,
                proselint_peak_memory_mb=p_mb,
                proselint_articles_per_processor_second=count / p_cpu,
                processor_time_ratio=p_cpu / serial_cpu,
                throughput_ratio=p_serial / default,
                throughput_ratio_basis=(
                    f"newslint's default run (--no-cache, {cores} worker processes on {cores} cores) "
                    f"against proselint's run (one process), on the same {count} files"
                ),
                per_core_ratio=p_serial / serial,
                per_core_ratio_basis="one newslint process (--jobs 1 --no-cache) against proselint",
                proselint_ten_times_seconds=p_big,
                ten_times_throughput_ratio=p_big / big_default,
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
        ("... per processor second", f"{f['articles_per_processor_second']:.0f} articles", ""),
        (f"throughput, --jobs {f['parallel_jobs']}", f"{f['parallel_articles_per_second']:.0f} articles/s", ""),
        ("throughput, default run", f"{f['default_articles_per_second']:.0f} articles/s", ""),
        ("peak memory", f"{f['peak_memory_mb']:.0f} MB", ""),
        ("second run with cache, --jobs 1", f"{f['cache_speedup']:.1f}× faster "
         f"({f['cache_first_seconds']:.2f} s → {f['cache_second_seconds']:.2f} s)", "target ≥ 10×"),
        ("second run with cache, default", f"{f['cache_default_speedup']:.1f}× faster "
         f"({f['cache_default_first_seconds']:.2f} s → {f['cache_default_second_seconds']:.2f} s)", ""),
        ("second run with cache, 1 article", f"{f['cache_second_one_article_ms']:.0f} ms (what every cached run costs)", ""),
        (f"second run with cache, {f['ten_times_articles']} articles", f"{f['ten_times_cache_speedup']:.1f}× faster "
         f"({f['ten_times_cache_first_seconds']:.2f} s → {f['ten_times_cache_second_seconds']:.2f} s)", ""),
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
            ("newslint / proselint throughput", f"{f['throughput_ratio']:.1f}×", "target ≥ 10×"),
            ("newslint / proselint per core", f"{f['per_core_ratio']:.1f}×", ""),
            ("newslint / proselint per processor second", f"{f['processor_time_ratio']:.1f}× "
             f"({f['articles_per_processor_second']:.0f} against "
             f"{f['proselint_articles_per_processor_second']:.0f} articles)", ""),
            (f"newslint / proselint, {f['ten_times_articles']} articles",
             f"{f['ten_times_throughput_ratio']:.1f}× ({f['ten_times_default_seconds']:.1f} s against "
             f"{f['proselint_ten_times_seconds']:.1f} s)", ""),
        ]
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<40} {target}")
    if "throughput_ratio_basis" in f:
        print(f"throughput ratio: {f['throughput_ratio_basis']}; per core: {f['per_core_ratio_basis']}")


if __name__ == "__main__":
    sys.exit(main())
