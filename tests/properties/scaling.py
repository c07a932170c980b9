"""Look for inputs that take more than linear time: repeat short patterns and time the pipeline.

    python tests/properties/scaling.py [--size 20000] [--factor 4] [PATTERN ...]

Each pattern (by default: every combination of one or two characters from an alphabet of
punctuation, markup and letters that the rules and the Markdown reader treat specially) is repeated
to about `size` characters and to `factor` times that, and checked as `.txt` and `.md` by every
rule (see `fuzz_articles.check_text`) in a child process with a memory limit. A pattern whose time
grows much faster than its length is printed with both times: a candidate for catastrophic
backtracking or a quadratic loop. `tests/test_robustness.py` keeps the worst ones as regression
tests.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

ALPHABET = list("„“”‚‘’\"'»«()[]<>!.…?,:;-–—/*_`#|~\\@ \n1aA") + ["sagte", "Berlin", "(dpa)", "Dr.",
                                                               "Juni", "http://", "<!--", "-->"]


def _time(text: str, path: str) -> float:
    from fuzz_articles import check_text

    start = time.perf_counter()
    check_text(path, text)
    return time.perf_counter() - start


def _child(pattern: str, sizes: tuple[int, int], out) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    try:
        times = []
        for path in ("a.txt", "a.md"):
            for size in sizes:
                body = pattern * (size // len(pattern) + 1)
                times.append(_time("Titel\n\n" + body + "\n", path))
        out.send(("ok", times))
    except BaseException as error:  # noqa: BLE001 — report anything, it is what we look for
        out.send(("error", f"{type(error).__name__}: {str(error)[:200]}"))


def measure(pattern: str, size: int, factor: int, timeout: float):
    here, there = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.Process(target=_child, args=(pattern, (size, size * factor), there))
    process.start()
    if not here.poll(timeout):
        process.kill()
        process.join()
        return "timeout", None
    outcome = here.recv()
    process.join()
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("patterns", nargs="*")
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--factor", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    patterns = args.patterns or ALPHABET + ["".join(p) for p in itertools.product(ALPHABET, repeat=2)]
    _time("Titel\nText „mit“ Zitat, sagte er (dpa).\n", "a.txt")  # children fork with all loaded
    suspicious = 0
    for pattern in patterns:
        status, times = measure(pattern, args.size, args.factor, args.timeout)
        if status != "ok":
            print(f"{pattern!r}: {status} {times or ''}", flush=True)
            suspicious += 1
            continue
        for kind, small, large in (("txt", *times[:2]), ("md", *times[2:])):
            # linear growth is `factor`; allow twice that, and ignore what is fast anyway
            if large > 0.5 and large > 2 * args.factor * max(small, 0.005):
                print(f"{pattern!r} .{kind}: {small:.3f}s → {large:.3f}s", flush=True)
                suspicious += 1
    print(f"{len(patterns)} patterns, {suspicious} suspicious")


if __name__ == "__main__":
    main()
