"""Rule documentation: the rule module's docstring, in ruff's sections.

A rule's docstring starts with a one-line summary, then the sections "What it does",
"Why is this bad?", "Example" (an article the rule flags), "Use instead" (the same article put
right, which the rule passes), "Fix safety" (what `--fix` does, as items "- Safe: …",
"- Unsafe: …" and "- No fix: …"; optional for plugins) and "Options". `newslint explain` prints
it and the README's rules and fixes tables are made from it, so the docs cannot drift from the
code; the examples are run by the tests.

An example is a fenced block: ```text for a plain-text article or ```markdown for a Markdown one;
`key=value` words after the format set the article's path, publication date or the rule's options
(for instance ```text published=2024-06-21).
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field

SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Options")
FIX_SECTION = "Fix safety"
FIX_KINDS = ("Safe", "Unsafe", "No fix")  # the items of a "Fix safety" section, in this order
_HEADING = re.compile(r"^## (.+?)\s*$", re.MULTILINE)
_FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Example:
    format: str  # "text" or "markdown"
    text: str
    settings: dict[str, str] = field(default_factory=dict)

    @property
    def path(self) -> str:
        default = "example.md" if self.format == "markdown" else "example.txt"
        return self.settings.get("path", default)


@dataclass(frozen=True)
class RuleDoc:
    summary: str
    sections: dict[str, str]
    text: str

    def examples(self, section: str) -> list[Example]:
        return [
            Example(m.group(1), m.group(3), _settings(m.group(2)))
            for m in _FENCE.finditer(self.sections.get(section, ""))
        ]


def parse_doc(docstring: str) -> RuleDoc:
    text = inspect.cleandoc(docstring)
    summary = text.split("\n", 1)[0].strip()
    sections = {}
    headings = list(_HEADING.finditer(text))
    for number, heading in enumerate(headings):
        end = headings[number + 1].start() if number + 1 < len(headings) else len(text)
        sections[heading.group(1)] = text[heading.end() : end].strip("\n")
    return RuleDoc(summary, sections, text)


def _settings(words: str) -> dict[str, str]:
    return dict(word.split("=", 1) for word in words.split() if "=" in word)


TABLE_START = "<!-- rules-table:start -->"
TABLE_END = "<!-- rules-table:end -->"
FIXES_START = "<!-- fixes-table:start -->"
FIXES_END = "<!-- fixes-table:end -->"


#: the README's anchor of a rule (in the rules table), where reports link by default (see `docs-url`)
ANCHOR = "rule-{rule}"
#: where the README is read on the web
README_URL = "https://github.com/newslint/newslint/blob/main/README.md"


def origin_label(rule) -> str:
    """Where a rule comes from, shortly: built-in, the plugin and its version, or the style file
    (relative to the current directory when it lies below it)."""
    import os

    if rule.origin.startswith("style "):
        path = rule.origin.removeprefix("style ")
        if os.path.isabs(path):
            relative = os.path.relpath(path)
            path = path if relative.startswith("..") else relative
        return f"style {path}"
    return rule.origin


def explanation(rule, unavailable: str | None = None) -> str:
    """What `newslint explain` prints for a rule: its id, severity, origin and former ids, then its
    documentation, and `unavailable` (why it cannot run here) if given."""
    from newslint.engine.registry import BUILT_IN

    origin = "" if rule.origin == BUILT_IN else f"; {origin_label(rule)}"
    aliases = f"; formerly {', '.join(rule.aliases)}" if rule.aliases else ""
    text = f"{rule.id} (default severity: {rule.severity}{origin}{aliases})\n\n{rule.doc.text}\n"
    if unavailable:
        text += f"\nNot run here: {unavailable}\n"
    return text


def engine_finding_explanation(rule_id: str) -> str | None:
    """What `newslint explain` prints for one of the engine's own findings (about suppression
    comments), or None when `rule_id` is not one of them."""
    from newslint.engine.suppression import EXPLANATIONS

    text = EXPLANATIONS.get(rule_id)
    return f"{rule_id}\n\n{text}\n" if text else None


def rules_table(rules) -> str:
    """The README's rules table, made from the rules' docs; each rule's row is its anchor."""
    lines = ["| Rule | Default severity | What it checks |", "| --- | --- | --- |"]
    for rule in rules:
        anchor = ANCHOR.format(rule=rule.id)
        lines.append(f'| <a id="{anchor}"></a>`{rule.id}` | {rule.severity} | {rule.summary} |')
    return "\n".join(lines)


def fix_safety(rule) -> dict[str, str]:
    """What a rule's "Fix safety" section says: its items "- Safe: …", "- Unsafe: …", "- No fix: …"."""
    said = {}
    for item in re.split(r"^- ", rule.doc.sections.get(FIX_SECTION, ""), flags=re.MULTILINE):
        kind, colon, text = item.partition(":")
        if colon and kind in FIX_KINDS:
            said[kind] = " ".join(text.split())
    return said


def fixes_table(rules) -> str:
    """The README's table of what `--fix` does per rule, made from the rules' "Fix safety" sections."""
    lines = ["| Rule | " + " | ".join(FIX_KINDS) + " |", "| --- |" + " --- |" * len(FIX_KINDS)]
    for rule in rules:
        said = fix_safety(rule)
        lines.append(f"| `{rule.id}` | " + " | ".join(said.get(kind, "—") for kind in FIX_KINDS) + " |")
    return "\n".join(lines)


def update_readme(path: str = "README.md") -> bool:
    """Rewrite the rules and fixes tables in the README; True when it changed."""
    from newslint.engine.registry import all_rules

    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    updated = text
    for start_mark, end_mark, table in ((TABLE_START, TABLE_END, rules_table),
                                        (FIXES_START, FIXES_END, fixes_table)):
        start = updated.index(start_mark) + len(start_mark)
        end = updated.index(end_mark)
        updated = updated[:start] + "\n" + table(all_rules()) + "\n" + updated[end:]
    if updated != text:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(updated)
    return updated != text


if __name__ == "__main__":
    import sys

    print("README.md updated" if update_readme(*sys.argv[1:2]) else "README.md is up to date")
