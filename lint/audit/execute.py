"""Running the audit's tasks: in this process, on a local process pool, or on a Dask cluster.

Map: `audit_task` turns each task into a Summary. Reduce: Summaries are merged (on the cluster, in
a tree of merge tasks next to the data), and the last step groups the name variants. Dask keeps
the lineage of every task: when a worker dies, the scheduler runs its tasks again elsewhere, so no
article is lost and no article is counted twice.
"""

from __future__ import annotations

import os
from itertools import repeat

from newslint.audit.report import build
from newslint.audit.summary import Summary, merge
from newslint.audit.work import Settings, audit_task

FAN_IN = 8  # Summaries merged by one reduce task


class SchedulerError(Exception):
    """The Dask scheduler cannot be reached or used; the message says why."""


def default_jobs() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run_local(tasks: list, settings: Settings, jobs: int | None = None, config_path: str = ".") -> dict:
    """Audit on this machine: in this process for one job or one task, else on a process pool."""
    jobs = min(jobs or default_jobs(), len(tasks))
    if jobs <= 1:
        summary = merge(*(audit_task(task, settings) for task in tasks))
    else:
        from concurrent.futures import ProcessPoolExecutor

        summary = Summary()
        with ProcessPoolExecutor(jobs) as pool:
            for part in pool.map(audit_task, tasks, repeat(settings)):
                summary.merge(part)
    return build(summary, settings, config_path)


def run_dask(address: str, tasks: list, settings: Settings, config_path: str = ".",
             timeout: str = "30s") -> dict:
    """Audit on the Dask cluster whose scheduler listens at `address` (needs newslint[dask])."""
    try:
        from distributed import Client
    except ImportError:
        raise SchedulerError(
            "--scheduler needs Dask; install it with: pip install 'newslint[dask]'"
        ) from None
    try:
        client = Client(address, timeout=timeout)
    except OSError as error:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} ({error})") from None
    with client:
        return run_on_client(client, tasks, settings, config_path)


def run_on_client(client, tasks: list, settings: Settings, config_path: str = ".") -> dict:
    """Audit with a connected `distributed.Client`: map, tree reduce, report — all on the cluster."""
    if not tasks:
        return build(Summary(), settings, config_path)
    level = client.map(audit_task, tasks, settings=settings)
    while len(level) > 1:
        level = [client.submit(merge, *level[index : index + FAN_IN])
                 for index in range(0, len(level), FAN_IN)]
    return client.submit(build, level[0], settings, config_path).result()
