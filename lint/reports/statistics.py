"""`--statistics`: the number of findings per rule, most frequent first, like ruff's.

    12  spelling-consistency  warning  Names spelt two ways in one article

With `--format json`, a list of {"rule", "severity", "count", "summary"} objects.
"""

from __future__ import annotations

import json
from collections import Counter

import click


def counts(results: list) -> list[dict]:
    """Findings per rule with the rule's severity and summary, most frequent first."""
    from newslint.engine.registry import rules_by_id

    rules = rules_by_id()
    per_rule: Counter[str] = Counter()
    severities: dict[str, Counter] = {}
    for result in results:
        for d in result.diagnostics:
            per_rule[d.rule] += 1
            severities.setdefault(d.rule, Counter())[d.severity] += 1
    return [
        {
            "rule": rule_id,
            "severity": severities[rule_id].most_common(1)[0][0],
            "count": count,
            "summary": rules[rule_id].summary if rule_id in rules else "",
        }
        for rule_id, count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0]))
    ]


def render(results: list, color: bool = False, as_json: bool = False) -> str:
    rows = counts(results)
    if as_json:
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    count_width = max((len(str(row["count"])) for row in rows), default=1)
    rule_width = max((len(row["rule"]) for row in rows), default=0)
    lines = []
    for row in rows:
        rule = f"{row['rule']:<{rule_width}}"
        if color:
            rule = click.style(rule, bold=True)
        lines.append(f"{row['count']:>{count_width}}  {rule}  {row['severity']:<7}  {row['summary']}".rstrip())
    return "".join(line + "\n" for line in lines)
