"""Load on `newslint serve`: many clients at once send the corpus's articles to POST /v1/check.

    pip install -e '.[serve,test]'
    python benchmarks/serve_load.py [--duration 60] [--clients 200] [--pace 1] [--workers 1,4] [--corpus DIR]

For each number of workers a server is started on a free port of 127.0.0.1 (loopback only; grammar
off, so the figures are newslint's own), and then for `--duration` seconds `--clients` clients
(asyncio tasks, one kept-alive connection each) each send an article, wait for the
answer and send the next, round the corpus; at most `--max-requests` requests in all: the most the
server can answer, each request waiting behind the others. Before that, one client alone for
`--solo` seconds measures the time one article takes without waiting behind others; after it, the
same clients each send an article every `--pace` seconds (writers whose editor or CMS checks on a
pause or on save): the latency of a server that is busy but keeps up. Reported per run: requests per second, median and 99th-percentile latency, errors (any
answer but 200, or no answer), and the server's peak memory (resident set of the server and its
workers, summed, sampled every 0.2 s). The client runs on the same machine and shares its CPUs.

The articles are those of ../shared/corpus/wikinews-de (Markdown files); without the corpus the
benchmark says so and exits with 0.
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "wikinews-de")


def articles(corpus: str) -> list[tuple[str, str]]:
    found = []
    for path in sorted(glob.glob(os.path.join(corpus, "articles", "*.md"))):
        with open(path, encoding="utf-8") as handle:
            found.append((os.path.basename(path), handle.read()))
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`newslint serve` with some workers, in an empty folder, and its peak memory."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.peak = 0
        self._folder = tempfile.TemporaryDirectory(prefix="newslint-serve-load-")
        self._stop = threading.Event()

    def __enter__(self) -> "Server":
        import httpx

        env = {**os.environ, "NEWSLINT_LANGUAGETOOL_URL": ""}
        env.pop("NEWSLINT_SERVE_TOKEN", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newslint", "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--workers", str(self.workers)],
            cwd=self._folder.name, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise SystemExit("newslint serve did not start")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        time.sleep(1 if self.workers > 1 else 0)  # every worker up
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()
        return self

    def _sample(self) -> None:
        import psutil

        parent = psutil.Process(self.process.pid)
        while not self._stop.wait(0.2):
            try:
                processes = [parent, *parent.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in processes))
            except psutil.Error:
                pass

    def __exit__(self, *exc) -> None:
        self._stop.set()
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self._folder.cleanup()


async def load(url: str, texts: list[tuple[str, str]], clients: int, duration: float, most: int,
               pace: float = 0.0) -> dict:
    """`clients` clients sending articles for `duration` seconds (at most `most` requests): each
    sends the next as soon as it has its answer, or with `pace`, starts one every `pace` seconds
    (the clients spread evenly over that time; one whose answer comes late sends at once)."""
    host, port = url.removeprefix("http://").split(":")
    bodies = [json.dumps({"text": text, "name": name}).encode("utf-8") for name, text in texts]
    latencies: list[float] = []
    errors = 0
    sent = 0
    end = time.monotonic() + duration

    async def client(number: int) -> None:
        nonlocal errors, sent
        index = number
        connection = None
        due = time.monotonic() + pace * number / clients
        while time.monotonic() < end and sent < most:
            if pace:
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                due = max(due + pace, time.monotonic())
            sent += 1
            body = bodies[index % len(bodies)]
            index += clients
            started = time.perf_counter()
            try:
                connection = connection or await asyncio.open_connection(host, int(port))
                ok = await _post(*connection, host, body)
            except (OSError, ValueError, asyncio.IncompleteReadError):
                ok, connection = False, None
            latencies.append(time.perf_counter() - started)
            errors += not ok
        if connection is not None:
            connection[1].close()

    started = time.monotonic()
    await asyncio.gather(*(client(number) for number in range(clients)))
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "per_second": len(latencies) / elapsed,
        "median_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "errors": errors,
    }


async def _post(reader, writer, host: str, body: bytes) -> bool:
    """One POST /v1/check on a kept-alive connection (a minimal HTTP/1.1 client: the load's own
    cost stays small beside the server's); whether the answer is 200 with a report."""
    writer.write(b"POST /v1/check HTTP/1.1\r\nHost: " + host.encode() + b"\r\nContent-Type: application/json\r\n"
                 b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length:"))
    answer = await reader.readexactly(length)
    return status == 200 and b'"findings"' in answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load per run (default 60)")
    parser.add_argument("--clients", type=int, default=200, help="clients at once (default 200)")
    parser.add_argument("--workers", default="1,4", help="worker counts to run, comma-separated (default 1,4)")
    parser.add_argument("--solo", type=float, default=10.0, help="seconds of one client alone first (default 10)")
    parser.add_argument("--pace", type=float, default=1.0,
                        help="then the clients again, each sending an article every PACE seconds, as writers "
                             "who check on a pause or on save (default 1; 0 leaves that run out)")
    parser.add_argument("--max-requests", type=int, default=200_000, help="requests per run at most")
    parser.add_argument("--corpus", default=CORPUS)
    arguments = parser.parse_args()
    texts = articles(arguments.corpus)
    if not texts:
        print(f"no corpus at {arguments.corpus}: skipped")
        return
    print(f"{len(texts)} corpus articles, {sum(len(t) for _, t in texts) // len(texts)} characters on average; "
          f"{os.cpu_count()} CPUs; grammar off")
    print(f"{'workers':>7} {'clients':>7} {'pace s':>7} {'seconds':>7} {'requests':>8} {'req/s':>7} "
          f"{'median ms':>9} {'p99 ms':>7} {'errors':>6} {'peak MB':>7}")
    runs = [(1, arguments.solo, 0.0), (arguments.clients, arguments.duration, 0.0)]
    if arguments.pace > 0:
        runs.append((arguments.clients, arguments.duration, arguments.pace))
    for workers in (int(part) for part in arguments.workers.split(",")):
        with Server(workers) as server:
            for clients, duration, pace in runs:
                if duration <= 0:
                    continue
                found = asyncio.run(load(server.url, texts, clients, duration, arguments.max_requests, pace))
                print(f"{workers:>7} {clients:>7} {pace or '-':>7} {duration:>7g} {found['requests']:>8} "
                      f"{found['per_second']:>7.1f} {found['median_ms']:>9.1f} {found['p99_ms']:>7.1f} "
                      f"{found['errors']:>6} {server.peak / 2**20:>7.0f}", flush=True)


if __name__ == "__main__":
    main()
