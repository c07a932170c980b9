"""`newslint check`: check articles and report the findings."""

from __future__ import annotations

import gc
import os
import sys

import click
from newslint.cli import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    emit,
    fail,
    refuse_inputs_as_outputs,
    report_to,
    rule_ids,
    say,
    skipped,
)
from newslint.engine.discovery import STDIN
from newslint.reports import FORMATS

FAIL_ON = ("error", "warning", "info", "never")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable: that file's error
@click.option("--format", "format_name", type=click.Choice(tuple(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("--select", multiple=True, metavar="RULE,...", help="Run only these rules; repeatable.")
@click.option("--ignore", multiple=True, metavar="RULE,...", help="Do not run these rules; repeatable.")
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
              envvar="NEWSLINT_CACHE_DIR",
              help="Where the result cache lives (default: .newslint_cache at the root of the git repository).")
@click.option("--statistics", is_flag=True,
              help="Print the number of findings per rule instead of the findings (text or json).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Report only findings that are not recorded in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Record today's findings in FILE (exit code 0 unless a file cannot be checked).")
@click.option("--fix", is_flag=True,
              help="Write the safe fixes into the files ('-': print the fixed article; the report goes to stderr).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply the unsafe fixes too.")
@click.option("--verbose", "-v", is_flag=True, help="Say every notice (a skipped rule, a file passed over) on every run.")
@click.option("--changed-since", metavar="REF",
              help="Report only findings on lines changed since this git commit (the articles are checked whole).")
@click.option("--no-gitignore", is_flag=True, help="Check the files that .gitignore files leave out of a directory.")
@click.option("--force-exclude", is_flag=True,
              help="Leave out files named on the command line as a directory's walk would (for hooks).")
@click.option("--report-unused-suppressions/--no-report-unused-suppressions", default=None,
              help="Report suppression comments that suppress nothing (unused-suppression); "
                   "default: the configuration's report-unused-suppressions, else off.")
@click.option("--diff", is_flag=True,
              help="Print what --fix would change as a unified diff and write nothing (exit 1 when there is a change).")
def check(paths, format_name, select, ignore, require, config_file, published, fail_on, stdin_filename,
          output, jobs, no_cache, cache_dir, statistics, baseline_file, write_baseline, fix, unsafe_fixes,
          verbose, changed_since, no_gitignore, force_exclude, report_unused_suppressions, diff):
    """Check articles: files, directories (the articles inside, of every known format: .txt, .md,
    .markdown, .html, .htm, .xml, .nitf, .json, .jsonl, .ndjson, .docx) or '-' for standard input
    (named by --stdin-filename)."""
    from newslint.engine.batch import iter_results
    from newslint.engine.cache import ResultCache, default_directory
    from newslint.engine.config import ConfigError, parse_date
    from newslint.engine.runner import Engine, RunOptions
    from newslint.reports import SHOW_TEXT, Tally, write

    if not paths:
        fail("no paths given; try 'newslint check seeds/' or 'newslint check --help'")
    refuse_inputs_as_outputs(paths, output, write_baseline)
    try:
        options = RunOptions(
            config_file=config_file,
            select=rule_ids(select),
            ignore=rule_ids(ignore) or (),
            published=parse_date(published, "--published") if published else None,
            stdin_filename=stdin_filename,
            require=rule_ids(require) or (),
            report_unused_suppressions=report_unused_suppressions,
            gitignore=not no_gitignore,
            force_exclude=force_exclude,
        )
        engine = Engine(options)
    except ConfigError as error:
        fail(str(error))
    baseline = _report_options(baseline_file, write_baseline, statistics, format_name)
    changes = _changes(changed_since, paths, fix or diff or write_baseline)
    _fix_options(fix, unsafe_fixes, diff, write_baseline, statistics, format_name)

    # Without --fix, the report is written as the files are checked (for the formats that allow
    # it), so a run keeps only the files under way; what the end needs is counted as they pass.
    fixes_stdin = fix and STDIN in paths  # standard output holds the fixed article, the report goes aside
    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ and not fixes_stdin
    need_text = format_name in SHOW_TEXT or bool(baseline_file or write_baseline)  # shown or fingerprinted
    tally = Tally()
    recorder = None
    fixed = []
    cache = None if no_cache else ResultCache(cache_dir or default_directory())
    try:
        results = iter_results(engine, list(paths), jobs, cache, progress=True, need_text=need_text, notice=skipped,
                               passed_over=skipped if verbose else None)
        results = _noting_checked(engine, results)  # a rule is skipped only where it would have run
        if baseline is not None:
            from newslint.engine.baseline import new_findings

            results = new_findings(results, baseline, {STDIN: stdin_filename} if stdin_filename else None)
        if changes is not None:
            results = changes.only_changed(results)
        if fix or diff:  # fixing needs every file's findings first
            results = list(results)
            fixed = _fix(engine, results, unsafe_fixes, baseline, write=not diff)
        if diff:
            results = list(_said(results, stdin_filename))
        else:
            with report_to(output, color, err=fixes_stdin) as out:
                results = _said(results, stdin_filename)
                _say_unsettled(fixed, stdin_filename)
                if fixes_stdin:
                    _print_fixed_stdin(engine, fixed)
                if write_baseline:
                    from newslint.engine.baseline import Recorder

                    recorder = Recorder()
                    results = recorder.recording(results)
                results = tally.counting(results)
                if statistics:
                    from newslint.reports.statistics import render as render_statistics

                    out.write(render_statistics(results, color=color, as_json=format_name == "json"))
                else:
                    write(format_name, results, out, color=color, links=engine.docs_link)
    except ConfigError as error:  # a setting found wrong once the run began (a rule's hook)
        fail(str(error))
    finally:
        if cache is not None:
            cache.close()
    if cache is not None and cache.damaged:
        say(f"{cache.directory}: {cache.damaged} damaged entries of the result cache were dropped "
            "(taken as not cached)")
    if diff:
        _say_unsettled(fixed, stdin_filename)
    load_errors = engine.load_errors()
    for error in load_errors:
        say(error)
    for notice in engine.style_notices():
        say(f"notice: {notice}")
    for notice in engine.notices():
        say(f"deprecated: {notice}")
    missing_required = bool(load_errors)  # the other rules ran; the run is still an error
    for rule_id, reason, required in engine.skipped_rules(checked_only=True):
        if required:
            say(f"{rule_id} is required but cannot run: {reason}")
            missing_required = True
        elif _say_skipped(verbose, cache, f"{rule_id} skipped: {reason}"):
            say(f"{rule_id} skipped: {reason}")
    if diff:
        sys.exit(EXIT_ERROR if missing_required else _show_diff(results, fixed, output, unsafe_fixes, stdin_filename))
    if recorder is not None:
        try:
            recorded = recorder.write(write_baseline)
        except OSError as error:
            fail(f"{write_baseline}: cannot write the baseline ({error.strerror or error})")
        say(f"recorded {recorded} findings in {write_baseline}")
        fail_on = "never"

    code = EXIT_ERROR if missing_required else exit_code(tally, fail_on)
    # What is left is freed at exit anyway: frozen, the interpreter's last garbage collection
    # skips it instead of walking through every object of the run (a tenth of a cached run).
    gc.freeze()
    sys.exit(code)


def _say_unsettled(fixed: list, stdin_filename: str | None) -> None:
    for fixed_file in fixed:
        if not fixed_file.settled:
            from newslint.engine.fixes import MAX_PASSES

            say(f"{_shown(fixed_file.result.path, stdin_filename)}: fixes still apply after {MAX_PASSES} "
                "passes; the rest are reported as findings")


def _shown(path: str, stdin_filename: str | None) -> str:
    """How a file is named to the user: standard input by `--stdin-filename`, when given."""
    return stdin_filename if path == STDIN and stdin_filename else path


def _noting_checked(engine, results):
    """The results, passed on as they come; each file the rules ran on noted with the engine, so
    that a rule that cannot run is said to be skipped only when it would have run on one of them
    (not in a run whose every input was an error)."""
    for result in results:
        if result.checked:
            engine.note_checked(result.path)
        yield result


def _said(results, stdin_filename: str | None):
    """The results, passed on as they come; each file's error said on stderr. Standard input's
    result is named by `stdin_filename`, when given, in its findings and error as in the reports."""
    for result in results:
        if result.path == STDIN and stdin_filename:
            result = result.named(stdin_filename)
        if result.error is not None:
            say(f"{result.path}: {result.error}")
        yield result


def _report_options(baseline_file, write_baseline, statistics, format_name):
    """Check the baseline and statistics options; the baseline's findings, if one is given."""
    if baseline_file and write_baseline:
        fail("--baseline and --write-baseline cannot be combined; write a new baseline instead")
    if statistics and format_name not in ("text", "json"):
        fail("--statistics prints text or json; drop --format or use --format json")
    if not baseline_file:
        return None
    from newslint.engine.baseline import BaselineError, load

    try:
        return load(baseline_file)
    except BaselineError as error:
        fail(str(error))


def _say_skipped(verbose: bool, cache, notice: str) -> bool:
    """Whether to say that a rule is skipped: always with --verbose; never in a pre-commit hook
    (its output is for what blocks the commit); else once an hour per repository (every time
    without the cache, which remembers it: see `newslint.engine.notices`)."""
    if verbose:
        return True
    if os.environ.get("PRE_COMMIT") == "1":
        return False
    if cache is None:
        return True
    from newslint.engine.notices import due

    return due(cache.directory, notice)


def _changes(ref: str | None, paths, rewrites: bool):
    """The changed lines since `ref` (`--changed-since`), asked of the first path's repository
    now, or None."""
    if ref is None:
        return None
    if rewrites:
        fail("--changed-since reports findings on changed lines; --fix, --diff and --write-baseline "
             "take whole articles: run them without it")
    from newslint.engine.changes import ChangedLines, ChangesError

    try:
        changes = ChangedLines(ref)
        changes.verify(paths[0])
    except ChangesError as error:
        fail(str(error))
    return changes


def _fix_options(fix, unsafe_fixes, diff, write_baseline, statistics, format_name) -> None:
    """Check that the fixing options go together."""
    if unsafe_fixes and not (fix or diff):
        fail("--unsafe-fixes applies with --fix or --diff; add one of them")
    if (fix or diff) and write_baseline:
        fail("--write-baseline records findings, --fix and --diff change them; run them one after the other")
    if diff and (statistics or format_name != "text"):
        fail("--diff prints a unified diff; drop --format and --statistics")


def _fix(engine, results: list, unsafe: bool, baseline, write: bool) -> list:
    """Fix the files whose findings have fixes to apply, and standard input (which is printed
    whatever it holds); their results become what remains. The Fixed files, in order."""
    from newslint.engine.fixes import fix_file, fixable

    fixed = []
    for index, result in enumerate(results):
        if result.path == STDIN or fixable(result.diagnostics, unsafe):
            fixed.append(fix_file(engine, result.path, unsafe, baseline, write))
            results[index] = fixed[-1].result
        else:
            result.fixed = 0  # checked, nothing to fix
    return fixed


def _show_diff(results: list, fixed: list, output: str | None, unsafe: bool, stdin_filename: str | None) -> int:
    """Print the diff of what --fix would change and say so on stderr; the exit code."""
    from newslint.engine.fixes import unified_diff

    changed = [fixed_file for fixed_file in fixed if fixed_file.changed]
    emit("".join(unified_diff(_shown(f.result.path, stdin_filename), f.original, f.text) for f in changed), output)
    count = sum(f.result.fixed for f in changed)
    unsafe_left = 0 if unsafe else sum(
        1 for r in results for d in r.diagnostics if d.fix is not None and d.fix.applicability == "unsafe")
    more = f"; {unsafe_left} more with --unsafe-fixes" if unsafe_left else ""
    if changed:
        files = f"{len(changed)} file{'' if len(changed) == 1 else 's'}"
        click.echo(f"Would fix {count} finding{'' if count == 1 else 's'} in {files}{more}.", err=True)
    else:
        click.echo(f"No fixes to apply{more}.", err=True)
    if any(result.error is not None for result in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if changed else EXIT_CLEAN


def _print_fixed_stdin(engine, fixed: list) -> None:
    """Write the fixed article read from standard input to standard output, encoded as it came;
    an article that could not be checked comes back as it was, so a pipe never loses it."""
    from newslint.engine.fixes import encode

    if engine.stdin_data is None:
        return
    fixed_file = next(f for f in fixed if f.result.path == STDIN)
    data = encode(fixed_file.text, engine.stdin_data) if fixed_file.text else engine.stdin_data
    stream = sys.stdout.buffer
    stream.write(data)
    stream.flush()


def exit_code(tally, fail_on: str) -> int:
    """2 for any file that could not be checked, else 1 when a finding reaches `fail_on` (from the
    run's `newslint.reports.Tally`)."""
    if tally.errors:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_CLEAN
    from newslint.engine.finding import SEVERITIES

    failing = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    if any(tally.severities[severity] for severity in failing):
        return EXIT_FINDINGS
    return EXIT_CLEAN
