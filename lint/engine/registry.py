"""Rules as the engine sees them: id, documentation, options, default severity and check."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Any, Callable, Iterator

from newslint.engine.docs import RuleDoc, parse_doc
from newslint.engine.finding import SEVERITIES, Finding


@dataclass(frozen=True)
class Rule:
    id: str
    module: ModuleType
    severity: str
    options: type
    check: Callable[..., Iterator[Finding]]
    doc: RuleDoc
    #: the module's optional `unavailable(options) -> str | None`: why the rule cannot run here
    unavailable: Callable[[Any], str | None] | None = None
    #: old ids of the rule (its module's `ALIASES`), still accepted with a deprecation notice
    aliases: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        return self.doc.summary

    def option_names(self) -> list[str]:
        """Option names as written in the configuration (kebab-case)."""
        return [f.name.replace("_", "-") for f in dataclasses.fields(self.options)]

    @classmethod
    def from_module(cls, module: ModuleType) -> "Rule":
        severity = getattr(module, "SEVERITY", "warning")
        if severity not in SEVERITIES:
            raise ValueError(f"{module.__name__}: SEVERITY must be one of {SEVERITIES}")
        return cls(
            id=module.ID,
            module=module,
            severity=severity,
            options=module.Options,
            check=module.check,
            doc=parse_doc(module.__doc__ or ""),
            unavailable=getattr(module, "unavailable", None),
            aliases=tuple(getattr(module, "ALIASES", ())),
        )


@lru_cache(maxsize=None)
def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, in registry order."""
    from newslint.rules import REGISTRY

    return tuple(Rule.from_module(module) for module in REGISTRY)


def rules_by_id() -> dict[str, Rule]:
    return {rule.id: rule for rule in all_rules()}


def resolve(rule_id: str, rules: dict[str, Rule]) -> tuple[str, str | None]:
    """The current id of `rule_id` and, when it is an old id (an alias), the deprecation notice.

    An id that is neither a rule's nor an alias comes back as it is, for the caller to report.
    """
    if rule_id in rules:
        return rule_id, None
    for rule in rules.values():
        if rule_id in rule.aliases:
            return rule.id, f"rule '{rule_id}' is now called '{rule.id}'; '{rule_id}' will stop working in a later version"
    return rule_id, None
