"""`newslint audit`: data quality across a whole archive.

The audit reads folders of articles and JSON Lines exports (`inputs`, `records`), lints every
article and collects its name forms (`work`, the map step), merges the counts (`summary`, the
reduce step) and reports findings per rule, month and author and the names spelled more than one
way across the archive (`report`), as JSON or as a self-contained HTML dashboard
(`newslint.reports.dashboard`). It runs in a local process pool, or on a Dask cluster with
`--scheduler` (`execute`). The command line is in `newslint.cli.audit`.

Each article goes through the engine's one entry point (`Engine.article`, `Engine.parse`), as in
`newslint check` and `newslint quotes`. May import: `newslint.engine` and `newslint.german`.
"""

from __future__ import annotations


def audit(paths: list[str], settings=None, jobs: int | None = None,
          scheduler: str | None = None, notice=None) -> dict:
    """Audit files, directories and JSON Lines exports; the report as a JSON-ready dict.

    `settings` is a `newslint.audit.work.Settings`. The configuration that applies to the first path
    decides the archive-wide settings (the house list of names). Raises
    `newslint.audit.execute.SchedulerError` when the scheduler cannot be used. `notice(path, why)`
    hears of the files a directory's walk leaves out (see `newslint.engine.discovery.discover`).
    """
    import os

    from newslint.audit.execute import run_dask, run_local
    from newslint.audit.inputs import plan
    from newslint.audit.work import Settings

    settings = settings or Settings()
    tasks = plan(paths, settings.batch, notice)
    config_path = os.path.abspath(paths[0] if paths else ".")
    if scheduler:
        return run_dask(scheduler, tasks, settings, config_path)
    return run_local(tasks, settings, jobs, config_path)
