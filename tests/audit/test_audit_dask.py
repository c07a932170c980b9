"""The audit on a real Dask cluster (a LocalCluster of two worker processes on 127.0.0.1): the
same report as the local run, also when a worker is killed in the middle of the run."""

import dataclasses
import json
import os
import signal
import sys
import threading
import time

import pytest

distributed = pytest.importorskip("distributed", reason="needs Dask: pip install 'newslint[dask]'")

from audit_archive import EXPECTED_SUMMARY, FIELDS, grow_archive, write_archive  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from newslint.audit import audit  # noqa: E402
from newslint.audit.execute import SchedulerError, run_dask, run_on_client  # noqa: E402
from newslint.audit.inputs import plan  # noqa: E402
from newslint.cli import main  # noqa: E402
from paths import SUPPORT  # noqa: E402
from test_audit import settings_for_archive  # noqa: E402

TESTS = [str(SUPPORT), os.path.dirname(os.path.abspath(__file__))]  # what the workers import
SLOW = 0.02  # seconds the slow rule takes per article


def fake_rules():
    """The report tests' fake rules, and one that takes its time on every article."""
    from fake_reports import RULES

    def slow(article, options):
        time.sleep(SLOW)
        return iter(())

    return (*RULES, dataclasses.replace(RULES[0], id="fake-slow", check=slow))


class FakeRules(distributed.WorkerPlugin):
    """Installs the fake rules in every worker, also in one started after a worker died."""

    def __init__(self, tests: list[str]) -> None:
        self.tests = tests

    def setup(self, worker) -> None:
        for folder in self.tests:
            if folder not in sys.path:
                sys.path.insert(0, folder)
        import test_audit_dask
        from newslint.engine import registry

        rules = test_audit_dask.fake_rules()
        registry.all_rules = lambda: rules


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=":0") as cluster:
        with distributed.Client(cluster) as client:
            client.register_plugin(FakeRules(TESTS))
            yield client


@pytest.fixture
def local_rules(monkeypatch):
    from newslint.engine import registry

    rules = fake_rules()
    monkeypatch.setattr(registry, "all_rules", lambda: rules)


def test_cluster_gives_the_report_of_the_local_run(client, local_rules, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # relative paths: the workers started elsewhere
    paths = [os.path.relpath(path, tmp_path) for path in write_archive(tmp_path)]
    assert paths == ["desk", "export.jsonl"]
    settings = settings_for_archive()
    local = audit(paths, settings, jobs=1)
    assert local["summary"] == EXPECTED_SUMMARY
    fields = [f"--field={pair}" for pair in FIELDS]
    result = CliRunner().invoke(main, ["audit", *paths, *fields, "--batch=2",
                                       "--scheduler", client.scheduler.address])
    assert result.exit_code == 2  # the export's broken records
    assert json.loads(result.stdout) == local
    assert len(client.scheduler_info()["workers"]) == 2


def test_a_worker_killed_mid_run_loses_no_article(client, local_rules, tmp_path):
    paths = grow_archive(tmp_path, 20)  # 80 articles, 4 per task: 20 tasks of 0.08 s
    settings = dataclasses.replace(settings_for_archive(), batch=4)
    tasks = plan(paths, settings.batch)
    outcome = {}
    run = threading.Thread(target=lambda: outcome.update(report=run_on_client(client, tasks, settings)))
    run.start()

    def finished(dask_scheduler):
        return sum(1 for key, task in dask_scheduler.tasks.items()
                   if "audit_task" in str(key) and task.state == "memory")

    deadline = time.monotonic() + 30
    while client.run_on_scheduler(finished) < 2:
        assert time.monotonic() < deadline, "the audit did not start"
        time.sleep(0.02)
    victim, pid = next(iter(client.run(os.getpid).items()))
    os.kill(pid, signal.SIGKILL)
    done_at_kill = client.run_on_scheduler(finished)
    run.join(120)
    assert not run.is_alive()
    assert done_at_kill < len(tasks), "the worker died after the work was done"

    report = outcome["report"]
    assert report["summary"]["articles"] == 80
    assert report["rules"] == audit(paths, settings, jobs=1)["rules"]
    assert {row["rule"]: row["findings"] for row in report["rules"]} == {
        "fake-spelling": 40, "fake-dash": 40, "fake-credit": 40}
    assert victim not in client.scheduler_info()["workers"]  # a new worker took its place


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    with pytest.raises(SchedulerError) as raised:
        run_dask("tcp://127.0.0.1:9", [], settings_for_archive(), timeout="1s")
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in str(raised.value)
