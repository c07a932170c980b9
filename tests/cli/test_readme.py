"""The README's rules and fixes tables are the ones the rule docs make (regenerate: python -m
newslint.engine.docs)."""

from newslint.engine.docs import FIXES_END, FIXES_START, TABLE_END, TABLE_START, fixes_table, rules_table
from newslint.engine.registry import all_rules
from paths import ROOT

README = ROOT / "README.md"


def test_rules_table_matches_the_rule_docs():
    text = README.read_text(encoding="utf-8")
    table = text[text.index(TABLE_START) + len(TABLE_START) : text.index(TABLE_END)].strip()
    assert table == rules_table(all_rules()), "run: python -m newslint.engine.docs"


def test_fixes_table_matches_the_rule_docs():
    text = README.read_text(encoding="utf-8")
    table = text[text.index(FIXES_START) + len(FIXES_START) : text.index(FIXES_END)].strip()
    assert table == fixes_table(all_rules()), "run: python -m newslint.engine.docs"
