"""The command line of the audit: `newslint audit [OPTIONS] PATHS...`.

Exit codes: 0 when every input was audited, 2 when some file or record could not be (the report
is written all the same and lists them) or for a usage or configuration error.
"""

from __future__ import annotations

import os
import sys
import time

import click

FORMATS = ("json", "html")
SHOWN_ERRORS = 10  # inputs that could not be audited named on stderr; the report names all


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable: that input's error
@click.option("--format", "format_name", type=click.Choice(FORMATS),
              help="Report format (default: html when --output ends in .html, else json).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the report to FILE instead of standard output.")
@click.option("--field", "fields", multiple=True, metavar="KEY=NAME",
              help="Field of the JSON Lines records that holds KEY (headline, teaser, body, date, "
                   "author, lang, id; by default headline or title, body or text), "
                   "e.g. --field headline=heading; repeatable.")
@click.option("--select", multiple=True, metavar="RULE,...", help="Run only these rules; repeatable.")
@click.option("--ignore", multiple=True, metavar="RULE,...", help="Do not run these rules; repeatable.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Use this configuration file instead of searching for one.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for articles that give none.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes on this machine (default: the number of CPUs).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on the Dask cluster of this scheduler (tcp://host:8786); "
                   "needs newslint[dask].")
@click.option("--batch", type=click.IntRange(min=1), default=200, show_default=True, metavar="N",
              help="Articles per task.")
def audit(paths, format_name, output, fields, select, ignore, config_file, published, jobs,
          scheduler, batch):
    """Audit an archive: folders of articles and JSON Lines exports (*.jsonl)."""
    from newslint.audit import audit as run_audit
    from newslint.audit.execute import SchedulerError
    from newslint.audit.records import field_names
    from newslint.audit.work import Settings
    from newslint.cli import EXIT_CLEAN, EXIT_ERROR, emit, fail, refuse_inputs_as_outputs, rule_ids, say, skipped
    from newslint.engine.config import ConfigError, parse_date
    from newslint.engine.runner import Engine, RunOptions

    if not paths:
        fail("no paths given; try 'newslint audit seeds/' or 'newslint audit --help'")
    if "-" in paths:
        fail("audit reads files, directories and .jsonl exports, not standard input")
    refuse_inputs_as_outputs(paths, output)
    if format_name is None:
        format_name = "html" if output and output.lower().endswith((".html", ".htm")) else "json"
    try:
        run = RunOptions(
            config_file=os.path.abspath(config_file) if config_file else None,  # for any worker
            select=rule_ids(select),
            ignore=rule_ids(ignore) or (),
            published=parse_date(published, "--published") if published else None,
        )
        Engine(run)  # unknown rules and a broken --config fail here, not on every worker
        settings = Settings(run=run, fields=field_names(fields), batch=batch)
    except (ConfigError, ValueError) as error:
        fail(str(error))

    started = time.perf_counter()
    try:
        report = run_audit(list(paths), settings, jobs=jobs, scheduler=scheduler, notice=skipped)
    except (SchedulerError, ConfigError) as error:
        fail(str(error))
    elapsed = time.perf_counter() - started

    if format_name == "html":
        from newslint.reports.dashboard import render

        text = render(report)
    else:
        import json

        text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    emit(text, output)

    summary = report["summary"]
    for error in report["errors"][:SHOWN_ERRORS]:
        say(f"{error['location']}: {error['message']}")
    if summary["errors"] > SHOWN_ERRORS:
        click.echo(f"newslint: … and {summary['errors'] - SHOWN_ERRORS} more inputs that "
                   "could not be audited (all are in the report)", err=True)
    click.echo(f"newslint: audited {summary['articles']:,} articles in {elapsed:.1f} s; "
               f"{summary['findings']:,} findings", err=True)
    sys.exit(EXIT_ERROR if summary["errors"] else EXIT_CLEAN)
