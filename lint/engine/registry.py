"""Rules as the engine sees them: id, documentation, options, default severity, check and origin.

The rules of every run: the built-in ones (`newslint.rules.REGISTRY`), then those of plugin
distributions, which name their rule modules in the entry-point group `newslint.rules` (the same
contract as a built-in rule module, see `newslint.api`). A plugin that cannot be loaded is left
out with one error line naming it and why (`plugin_errors`); the other rules run. Style rules
(`Style.Rule`, from the configuration's styles) come with each configuration, see
`newslint.styles`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Any, Callable, Iterator

from newslint.engine.docs import RuleDoc, parse_doc
from newslint.engine.finding import SEVERITIES, Finding


ENTRY_POINT_GROUP = "newslint.rules"
BUILT_IN = "built-in"


@dataclass(frozen=True)
class Rule:
    id: str
    module: ModuleType | None  # None for a style rule
    severity: str
    options: type
    check: Callable[..., Iterator[Finding]]
    doc: RuleDoc
    #: the module's optional `unavailable(options) -> str | None`: why the rule cannot run here
    unavailable: Callable[[Any], str | None] | None = None
    #: old ids of the rule (its module's `ALIASES`), still accepted with a deprecation notice
    aliases: tuple[str, ...] = ()
    #: where the rule comes from: "built-in", "plugin DIST VERSION" or "style PATH"
    origin: str = BUILT_IN
    #: a page that explains the rule (a style rule's `link`)
    link: str | None = None

    @property
    def summary(self) -> str:
        return self.doc.summary

    def option_names(self) -> list[str]:
        """Option names as written in the configuration (kebab-case)."""
        return [f.name.replace("_", "-") for f in dataclasses.fields(self.options)]

    @classmethod
    def from_module(cls, module: ModuleType, origin: str = BUILT_IN) -> "Rule":
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
            origin=origin,
        )


@lru_cache(maxsize=None)
def all_rules() -> tuple[Rule, ...]:
    """Every rule of the run: the built-in ones in registry order, then the plugins' rules."""
    from newslint.rules import REGISTRY

    return tuple(Rule.from_module(module) for module in REGISTRY) + tuple(_plugins()[0])


def plugin_errors() -> list[str]:
    """One line per plugin rule that could not be loaded, naming it and why."""
    return list(_plugins()[1])


@lru_cache(maxsize=None)
def _plugins() -> tuple[list[Rule], list[str]]:
    """The rules of plugin distributions, and the errors of those that could not be loaded."""
    from newslint.rules import REGISTRY

    taken = {module.ID for module in REGISTRY}
    rules: list[Rule] = []
    errors: list[str] = []
    if not _declared_plugins():
        return rules, errors  # most installations: no importlib.metadata, 40 ms saved
    from importlib.metadata import entry_points

    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        dist = getattr(entry, "dist", None)
        origin = f"plugin {dist.name} {dist.version}" if dist is not None else "plugin"
        name = f"plugin rule '{entry.name}' ({entry.value}, {origin.removeprefix('plugin ')})"
        try:
            rule = Rule.from_module(entry.load(), origin)
        except Exception as error:  # whatever a broken plugin raises, the other rules run
            errors.append(f"{name} cannot be loaded: {type(error).__name__}: {error}")
            continue
        if "." in rule.id:
            errors.append(f"{name}: the rule id '{rule.id}' has a dot, which style rules have; use kebab-case")
            continue
        if rule.id in taken or any(rule.id == other.id for other in rules):
            errors.append(f"{name}: the rule id '{rule.id}' is taken; the plugin rule is left out")
            continue
        rules.append(rule)
    return rules, errors


def _declared_plugins() -> bool:
    """Whether an installed distribution declares the entry-point group at all: a quick look at
    the `entry_points.txt` of each distribution on the path, before asking importlib.metadata."""
    import os
    import sys

    marker = f"[{ENTRY_POINT_GROUP}]".encode()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(entry or ".", name, "entry_points.txt"), "rb") as handle:
                        if marker in handle.read():
                            return True
                except OSError:
                    continue
    return False


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
