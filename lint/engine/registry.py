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
        )


@lru_cache(maxsize=None)
def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, in registry order."""
    from newslint.rules import REGISTRY

    return tuple(Rule.from_module(module) for module in REGISTRY)


def rules_by_id() -> dict[str, Rule]:
    return {rule.id: rule for rule in all_rules()}
