"""The CI presets the project ships report suppressions that suppress nothing; the pre-commit
hooks leave that to the repository (see the README's Suppressing findings)."""

import re

import yaml
from paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def ci_commands(section: str) -> list[str]:
    """The `newslint check` commands of the README section `section`'s example."""
    start = README.index(f"\n### {section}\n")
    end = README.index("\n### ", start + 1)
    return re.findall(r"newslint check [^\n]*", README[start:end])


def test_every_report_of_the_ci_examples_reports_unused_suppressions():
    for section in ("GitHub Actions", "GitLab CI"):
        commands = ci_commands(section)
        assert len(commands) == 2, section
        assert all("--report-unused-suppressions" in command for command in commands), commands


def test_the_pre_commit_hooks_leave_it_off():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert all("unused" not in hook["entry"] for hook in hooks)
