"""`newslint rules` and `newslint explain`: the rules, where they come from, and their documentation."""

from __future__ import annotations

import click
from newslint.cli import fail

_CONFIG = click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
                       help="Use this configuration file (for its styles) instead of searching for one.")


def _rules(config_file: str | None) -> dict:
    """Every rule the configuration of the current directory (or --config) knows, by id; what could
    not be loaded is said on stderr."""
    from newslint.engine.config import ConfigError
    from newslint.engine.runner import Engine, RunOptions

    try:
        engine = Engine(RunOptions(config_file=config_file))
        rules = engine.rules_for(engine.config_for("."))
    except ConfigError as error:
        fail(str(error))
    for error in engine.load_errors():
        click.echo(f"newslint: {error}", err=True)
    return rules


@click.command("rules")
@_CONFIG
def list_rules(config_file: str | None) -> None:
    """List the rules: id, default severity, where each comes from, and its summary."""
    from newslint.engine.docs import origin_label

    rules = list(_rules(config_file).values())
    width = max((len(rule.id) for rule in rules), default=0)
    origins = [origin_label(rule) for rule in rules]
    origin_width = max((len(origin) for origin in origins), default=0)
    for rule, origin in zip(rules, origins):
        click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {origin:<{origin_width}}  {rule.summary}")


@click.command()
@click.argument("rule_id", metavar="RULE")
@_CONFIG
def explain(rule_id: str, config_file: str | None) -> None:
    """Print a rule's documentation (a style rule's message, level, source file and link)."""
    from newslint.engine.config import did_you_mean
    from newslint.engine.docs import engine_finding_explanation, explanation
    from newslint.engine.registry import resolve

    text = engine_finding_explanation(rule_id)
    if text:
        click.echo(text, nl=False)
        return
    rules = _rules(config_file)
    rule_id, notice = resolve(rule_id, rules)
    if notice:
        click.echo(f"newslint: deprecated: {notice}", err=True)
    if rule_id not in rules:
        from newslint.styles.library import shipped_rules

        shipped = shipped_rules()
        if rule_id in shipped:  # a pack's rule, whether this configuration turns the pack on or not
            style = rule_id.split(".", 1)[0]
            click.echo(explanation(shipped[rule_id]), nl=False)
            click.echo(f"\n(Shipped with newslint; turn it on with styles = [\"{style}\"] under [tool.newslint].)")
            return
        message = did_you_mean(f"unknown rule '{rule_id}'", rule_id, [*rules, *shipped])
        fail(message if "did you mean" in message else f"{message}; 'newslint rules' lists them")
    rule = rules[rule_id]
    click.echo(explanation(rule, rule.unavailable(rule.options()) if rule.unavailable else None), nl=False)
