"""The same articles give byte-identical reports: in every format, across runs (separate processes
with different hash seeds), across `--jobs` values, and with the cache cold, warm or off."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from article_factory import write_articles
from newslint.reports import FORMATS
from paths import ROOT

# Runs `newslint check` in one process for every format and way of running, and prints the
# reports as JSON: {format: {way: stdout}}. Ways: serial without cache, two workers without cache,
# two workers filling a fresh cache, one worker reading that cache.
DRIVER = r"""
import json, sys
from click.testing import CliRunner
from newslint.engine import batch
from newslint.cli import main

batch.FILES_PER_JOB = 8  # two workers for these few articles too
cache = sys.argv[1]
ways = {
    "jobs=1 no-cache": ["--jobs", "1", "--no-cache"],
    "jobs=2 no-cache": ["--jobs", "2", "--no-cache"],
    "jobs=2 cold cache": ["--jobs", "2", "--cache-dir", cache],
    "jobs=1 warm cache": ["--jobs", "1", "--cache-dir", cache],
}
reports = {}
for name in sys.argv[2].split(","):
    reports[name] = {}
    for way, options in ways.items():
        if way.endswith("cold cache"):
            import shutil; shutil.rmtree(cache, ignore_errors=True)
        result = CliRunner().invoke(main, ["check", "--format", name, "--published", "2024-06-21",
                                           *options, "articles"])
        assert result.exit_code in (0, 1), (name, way, result.exit_code, result.output[-500:])
        reports[name][way] = result.stdout
audit = {}
for jobs in ("1", "2"):
    for name in ("json", "html"):
        result = CliRunner().invoke(main, ["audit", "--format", name, "--jobs", jobs, "articles"])
        audit[f"audit {name} jobs={jobs}"] = result.stdout
print(json.dumps({"check": reports, "audit": audit}))
"""


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Two runs of the driver, in separate processes with different hash seeds."""
    work = tmp_path_factory.mktemp("determinism")
    articles = work / "articles"
    shutil.copytree(ROOT / "seeds", articles / "seeds")
    write_articles(articles / "generated", 60, seed=11)
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "NEWSLINT_CACHE_DIR": ""}
        env.pop("NEWSLINT_LANGUAGETOOL_URL", None)
        done = subprocess.run(
            [sys.executable, "-c", DRIVER, str(work / f"cache-{seed}"), ",".join(FORMATS)],
            cwd=work, env=env, capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        outputs.append(json.loads(done.stdout))
    return outputs


@pytest.mark.parametrize("name", list(FORMATS))
def test_report_is_byte_identical_however_it_runs(runs, name):
    reference = runs[0]["check"][name]["jobs=1 no-cache"]
    assert len(reference) > 1000, "the run found something to report"
    for number, run in enumerate(runs, 1):
        for way, report in run["check"][name].items():
            assert report == reference, f"--format {name}, run {number}, {way} differs"


def test_the_runs_found_what_the_rules_find(runs):
    document = json.loads(runs[0]["check"]["json"]["jobs=1 no-cache"])
    rules = {finding["rule"] for finding in document["findings"]}
    assert {"quote-attribution", "date-consistency", "credit-line", "dateline"} <= rules
    assert document["summary"]["files"] >= 60


def test_reports_carry_no_timestamp_or_random_id(runs):
    today = dt.date.today()
    time_of_day = re.compile(r"\d{2}:\d{2}:\d{2}")
    quoted = {found for path in (ROOT / "seeds").iterdir() if path.is_file()  # a report may show an article
              for found in time_of_day.findall(path.read_text(encoding="utf-8", errors="replace"))}
    for name, ways in runs[0]["check"].items():
        report = ways["jobs=1 no-cache"]
        for stamp in (today.isoformat(), today.strftime("%d.%m.%Y"), today.strftime("%Y%m%d")):
            assert stamp not in report, f"--format {name} contains today's date"
        assert set(time_of_day.findall(report)) <= quoted, f"--format {name} contains a time of day"
        assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", report), (
            f"--format {name} contains a UUID")


def test_audit_report_is_the_same_with_any_number_of_jobs(runs):
    for kind in ("json", "html"):
        reference = runs[0]["audit"][f"audit {kind} jobs=1"]
        assert len(reference) > 500
        for run in runs:
            for jobs in ("1", "2"):
                assert run["audit"][f"audit {kind} jobs={jobs}"] == reference, f"audit --format {kind}"
