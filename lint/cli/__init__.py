"""The command line: `newslint check`, `newslint rules`, `newslint explain`.

Exit codes: 0 when no finding reaches --fail-on, 1 when one does, 2 for a usage, configuration or
input error (the message on stderr names the file and what is wrong).
"""

from __future__ import annotations

import gc
import os
import sys

import click

from newslint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")
FORMATS = ("text", "json", "sarif", "github", "junit", "html")


def _rule_ids(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _fail(message: str) -> None:
    click.echo(f"newslint: {message}", err=True)
    sys.exit(EXIT_ERROR)


class _LazyGroup(click.Group):
    """A group whose larger commands are imported only when they run (or help lists them)."""

    lazy = {"audit": "newslint.cli.audit"}  # command name: module that defines it

    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx, name):
        if name in self.lazy:
            import importlib

            return getattr(importlib.import_module(self.lazy[name]), name)
        return super().get_command(ctx, name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="newslint", message="%(prog)s %(version)s")
def main() -> None:
    """newslint: an editorial and data-quality linter for news articles."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "format_name", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--select", metavar="RULE,...", help="Run only these rules.")
@click.option("--ignore", metavar="RULE,...", help="Do not run these rules.")
@click.option("--require", multiple=True, metavar="RULE,...",
              help="Exit with 2 when one of these rules cannot run (grammar without LanguageTool).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Use this configuration file instead of searching for one.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for articles whose front matter gives none.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--stdin-filename", metavar="NAME",
              help="File name for the article read from '-' (decides format and configuration).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the report to FILE instead of standard output.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: the number of CPUs, with at least 150 files each).")
@click.option("--no-cache", is_flag=True, help="Check every file afresh; do not read or write the cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR",
              envvar="NEWSLINT_CACHE_DIR", help="Where the result cache lives (default: .newslint_cache).")
@click.option("--statistics", is_flag=True,
              help="Print the number of findings per rule instead of the findings (text or json).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Report only findings that are not recorded in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Record today's findings in FILE (exit code 0 unless a file cannot be checked).")
def check(paths, format_name, select, ignore, require, config_file, published, fail_on, stdin_filename,
          output, jobs, no_cache, cache_dir, statistics, baseline_file, write_baseline):
    """Check articles: files, directories (*.txt and *.md inside) or '-' for standard input."""
    from newslint.engine.batch import check_paths
    from newslint.engine.cache import DEFAULT_DIRECTORY, ResultCache
    from newslint.engine.config import ConfigError, parse_date
    from newslint.reports import SHOW_TEXT, render
    from newslint.engine.runner import Engine, RunOptions

    if not paths:
        _fail("no paths given; try 'newslint check seeds/' or 'newslint check --help'")
    try:
        options = RunOptions(
            config_file=config_file,
            select=_rule_ids(select),
            ignore=_rule_ids(ignore) or (),
            published=parse_date(published, "--published") if published else None,
            stdin_filename=stdin_filename,
            require=tuple(rule_id for value in require for rule_id in _rule_ids(value)),
        )
        engine = Engine(options)
    except ConfigError as error:
        _fail(str(error))
    baseline = _report_options(baseline_file, write_baseline, statistics, format_name)

    cache = None if no_cache else ResultCache(cache_dir or DEFAULT_DIRECTORY)
    try:
        # a baseline fingerprints findings with the text they point at
        need_text = format_name in SHOW_TEXT or bool(baseline_file or write_baseline)
        results = check_paths(engine, list(paths), jobs, cache, progress=True, need_text=need_text)
    finally:
        if cache is not None:
            cache.close()
    for result in results:
        if result.error is not None:
            click.echo(f"newslint: {result.path}: {result.error}", err=True)
    missing_required = False
    for rule_id, reason, required in engine.skipped_rules():
        if required:
            click.echo(f"newslint: {rule_id} is required but cannot run: {reason}", err=True)
            missing_required = True
        else:
            click.echo(f"newslint: {rule_id} skipped: {reason}", err=True)

    if baseline is not None:
        from newslint.engine.baseline import new_findings

        results = new_findings(results, baseline)
    if write_baseline:
        from newslint.engine.baseline import write

        try:
            recorded = write(write_baseline, results)
        except OSError as error:
            _fail(f"{write_baseline}: cannot write the baseline ({error.strerror or error})")
        click.echo(f"newslint: recorded {recorded} findings in {write_baseline}", err=True)
        fail_on = "never"

    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if statistics:
        from newslint.reports.statistics import render as render_statistics

        report = render_statistics(results, color=color, as_json=format_name == "json")
    else:
        report = render(format_name, results, color=color)
    emit(report, output, color)
    code = EXIT_ERROR if missing_required else exit_code(results, fail_on)
    # What is left is freed at exit anyway: frozen, the interpreter's last garbage collection
    # skips it instead of walking through every object of the run (a tenth of a cached run).
    gc.freeze()
    sys.exit(code)


def emit(report: str, output: str | None, color: bool = False) -> None:
    """Write a report to the --output file, or to standard output."""
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(report)
        except OSError as error:
            _fail(f"{output}: cannot write the report ({error.strerror or error})")
    else:
        click.echo(report, nl=False, color=color)


def _report_options(baseline_file, write_baseline, statistics, format_name):
    """Check the baseline and statistics options; the baseline's findings, if one is given."""
    if baseline_file and write_baseline:
        _fail("--baseline and --write-baseline cannot be combined; write a new baseline instead")
    if statistics and format_name not in ("text", "json"):
        _fail("--statistics prints text or json; drop --format or use --format json")
    if not baseline_file:
        return None
    from newslint.engine.baseline import BaselineError, load

    try:
        return load(baseline_file)
    except BaselineError as error:
        _fail(str(error))


def exit_code(results: list, fail_on: str) -> int:
    """2 for any file that could not be checked, else 1 when a finding reaches `fail_on`."""
    if any(result.error is not None for result in results):
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_CLEAN
    from newslint.engine.finding import SEVERITIES

    failing = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    if any(d.severity in failing for result in results for d in result.diagnostics):
        return EXIT_FINDINGS
    return EXIT_CLEAN


@main.command("rules")
def list_rules() -> None:
    """List the rules, with their default severity and summary."""
    from newslint.engine.registry import all_rules

    rules = all_rules()
    width = max((len(rule.id) for rule in rules), default=0)
    for rule in rules:
        click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}")


@main.command()
@click.argument("rule_id", metavar="RULE")
def explain(rule_id: str) -> None:
    """Print a rule's documentation."""
    import difflib

    from newslint.engine.registry import rules_by_id

    rules = rules_by_id()
    if rule_id not in rules:
        close = difflib.get_close_matches(rule_id, list(rules), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; 'newslint rules' lists them"
        _fail(f"unknown rule '{rule_id}'{hint}")
    rule = rules[rule_id]
    click.echo(f"{rule.id} (default severity: {rule.severity})\n")
    click.echo(rule.doc.text)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "format_name", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="Output format.")
@click.option("--all", "include_other", is_flag=True,
              help="List titles, names, terms and scare quotes too.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Use this configuration file instead of searching for one.")
def quotes(paths, format_name, include_other, config_file):
    """List each quote with the speaker it is attributed to (or none): a fact-checker's view."""
    from newslint.article.model import parse
    from newslint.engine.config import ConfigError
    from newslint.german.quote_listing import list_quotes, render_json, render_text
    from newslint.engine.runner import Engine, FileResult, RunOptions, discover
    from newslint.engine.source import InputError

    if not paths:
        _fail("no paths given; try 'newslint quotes seeds/'")
    try:
        engine = Engine(RunOptions(config_file=config_file))
    except ConfigError as error:
        _fail(str(error))
    entries, errors, files = [], [], 0
    for item in discover(list(paths)):
        if isinstance(item, FileResult):
            errors.append((item.path, item.error))
            continue
        try:
            lookup, text, config = engine.read(item)
            article = parse(lookup, text, config.published, config.lang)
        except (InputError, ConfigError) as error:
            errors.append((item, str(error)))
            continue
        files += 1
        entries.extend(list_quotes(article, item, include_other))
    for path, message in errors:
        click.echo(f"newslint: {path}: {message}", err=True)
    if format_name == "json":
        click.echo(render_json(entries, errors, files), nl=False)
    else:
        click.echo(render_text(entries, files), nl=False)
    sys.exit(EXIT_ERROR if errors else EXIT_CLEAN)

