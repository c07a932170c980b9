"""Every rule module is registered, documented, and its documented examples hold."""

import dataclasses
import pkgutil

import pytest
from newslint import rules
from newslint.engine.docs import FIX_KINDS, FIX_SECTION, SECTIONS, fix_safety
from newslint.engine.registry import all_rules
from newslint.engine.testing import findings

RULES = all_rules()


def test_every_rule_module_is_registered():
    modules = {m.name for m in pkgutil.iter_modules(rules.__path__) if not m.name.startswith("_")}
    registered = {rule.module.__name__.rsplit(".", 1)[1] for rule in RULES}
    assert modules == registered


def test_rule_ids_are_unique_kebab_case_and_match_module_names():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.id == rule.module.__name__.rsplit(".", 1)[1].replace("_", "-")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_is_documented_in_every_section(rule):
    assert rule.summary and not rule.summary.startswith("#")
    for section in SECTIONS:
        assert rule.doc.sections.get(section, "").strip(), f"{rule.id}: section '{section}' is empty"
    for name in rule.option_names():
        assert f"`{name}`" in rule.doc.sections["Options"], f"{rule.id}: option '{name}' is not documented"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_says_what_its_fixes_are(rule):
    said = fix_safety(rule)
    assert said and set(said) <= set(FIX_KINDS), f"{rule.id}: '{FIX_SECTION}' needs items '- Safe: …' and the like"
    items = [line for line in rule.doc.sections[FIX_SECTION].splitlines() if line.startswith("- ")]
    assert len(items) == len(said), f"{rule.id}: every item of '{FIX_SECTION}' is Safe, Unsafe or No fix"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_options_are_frozen_dataclasses_with_defaults(rule):
    assert dataclasses.is_dataclass(rule.options)
    assert rule.options.__dataclass_params__.frozen
    rule.options()  # every field has a default


def _run(rule, example):
    reason = rule.unavailable(rule.options()) if rule.unavailable else None
    if reason:  # such a rule's own tests run its examples against a stand-in (test_grammar.py)
        pytest.skip(f"{rule.id} cannot run here: {reason}")
    settings = dict(example.settings)
    path = settings.pop("path", example.path)
    published = settings.pop("published", None)
    options = {key.replace("-", "_"): value for key, value in settings.items()}
    return findings(example.text, rule=rule.id, path=path, published=published, **options)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_documented_example_is_flagged(rule):
    examples = rule.doc.examples("Example")
    assert examples, f"{rule.id}: the Example section has no ```text or ```markdown block"
    for example in examples:
        assert _run(rule, example), f"{rule.id}: the documented example gives no finding"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_documented_fix_passes(rule):
    examples = rule.doc.examples("Use instead")
    assert examples, f"{rule.id}: the Use instead section has no ```text or ```markdown block"
    for example in examples:
        found = _run(rule, example)
        assert not found, f"{rule.id}: the documented fix gives findings: {[d.message for d in found]}"
