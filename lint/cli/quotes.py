"""`newslint quotes`: each quote with the speaker it is attributed to, a fact-checker's view."""

from __future__ import annotations

import sys

import click
from newslint.cli import EXIT_CLEAN, EXIT_ERROR, fail, say, skipped


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable: that file's error
@click.option("--format", "format_name", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="Output format.")
@click.option("--all", "include_other", is_flag=True,
              help="List titles, names, terms and scare quotes too.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Use this configuration file instead of searching for one.")
def quotes(paths, format_name, include_other, config_file):
    """List each quote with the speaker it is attributed to (or none): a fact-checker's view."""
    from newslint.engine.config import ConfigError
    from newslint.engine.discovery import discover
    from newslint.engine.finding import FileResult
    from newslint.engine.runner import Engine, RunOptions
    from newslint.engine.source import InputError, NotAnArticle
    from newslint.german.quote_listing import list_quotes
    from newslint.reports.quotes import render_json, render_text

    if not paths:
        fail("no paths given; try 'newslint quotes seeds/'")
    try:
        engine = Engine(RunOptions(config_file=config_file))
    except ConfigError as error:
        fail(str(error))
    entries, errors, files = [], [], 0
    for item in discover(list(paths), skipped, engine.selection(skipped)):
        if isinstance(item, FileResult):
            errors.append((item.path, item.error))
            continue
        try:
            articles, _config = engine.articles(item)  # one per record of a JSON Lines file
        except NotAnArticle as error:
            if item in paths:  # else a directory's walk found it: passed over
                errors.append((item, str(error)))
            continue
        except (InputError, ConfigError) as error:
            errors.append((item, str(error)))
            continue
        files += 1
        for article in articles:
            if isinstance(article, InputError):  # a record that cannot be read
                errors.append((item, str(article)))
            else:
                entries.extend(list_quotes(article, item, include_other))
    for path, message in errors:
        say(f"{path}: {message}")
    if format_name == "json":
        click.echo(render_json(entries, errors, files), nl=False)
    else:
        click.echo(render_text(entries, files), nl=False)
    sys.exit(EXIT_ERROR if errors else EXIT_CLEAN)
