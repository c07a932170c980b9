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

    from newslint.engine.registry import rules_by_id

    rules = rules_by_id()
    if rule_id not in rules:
        close = difflib.get_close_matches(rule_id, list(rules), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; 'newslint rules' lists them"
        fail(f"unknown rule '{rule_id}'{hint}")
    rule = rules[rule_id]
    click.echo(f"{rule.id} (default severity: {rule.severity})\n")
    click.echo(rule.doc.text)
