"""`newslint rules` and `newslint explain`: the rules and their documentation."""

from __future__ import annotations

import click
from newslint.cli import fail


@click.command("rules")
def list_rules() -> None:
    """List the rules, with their default severity and summary."""
    from newslint.engine.registry import all_rules

    rules = all_rules()
    width = max((len(rule.id) for rule in rules), default=0)
    for rule in rules:
        click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}")


@click.command()
@click.argument("rule_id", metavar="RULE")
def explain(rule_id: str) -> None:
    """Print a rule's documentation."""
    import difflib

    from newslint.engine.registry import resolve, rules_by_id

    rules = rules_by_id()
    rule_id, notice = resolve(rule_id, rules)
    if notice:
        click.echo(f"newslint: deprecated: {notice}", err=True)
    if rule_id not in rules:
        close = difflib.get_close_matches(rule_id, list(rules), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; 'newslint rules' lists them"
        fail(f"unknown rule '{rule_id}'{hint}")
    rule = rules[rule_id]
    aliases = f"; formerly {', '.join(rule.aliases)}" if rule.aliases else ""
    click.echo(f"{rule.id} (default severity: {rule.severity}{aliases})\n")
    click.echo(rule.doc.text)
