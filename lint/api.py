"""The stable public API for rule plugins: everything a rule module needs, whatever the internal layout.

A rule module — built in (`newslint.rules`) or from a plugin distribution — has:

- a docstring in ruff's sections (What it does / Why is this bad? / Example / Use instead /
  Options), which `newslint explain` prints and whose examples the tests run;
- `ID`, a stable kebab-case id, and optionally `ALIASES`, old ids that keep working in
  configuration, `--select/--ignore` and inline suppressions (with a deprecation notice);
- `SEVERITY`, one of `SEVERITIES` (default "warning");
- `Options`, a frozen dataclass whose fields all have defaults (configured in kebab-case);
- `check(article, options)`, which yields `Finding`s with character offsets into `article.text`
  and raises `RuleError` when it cannot judge the article (a service it needs failed); a finding
  may carry a `Fix`: `Edit`s inside its span and whether they are safe (`Fix.safe(...)`, applied
  by `--fix`) or unsafe (`Fix.unsafe(...)`, applied with `--unsafe-fixes` too) — document which
  in a "Fix safety" section of the docstring;
- optionally `unavailable(options) -> str | None`, why the rule cannot run here (cheap, no I/O to
  the service).

A plugin distribution names each of its rule modules in the entry-point group `newslint.rules`
(`[project.entry-points."newslint.rules"]` in its pyproject.toml, `exclamation-marks =
"my_rules.exclamation_marks"`) and imports only from this module. Its rules run like the built-in
ones: configured, selected, suppressed and explained by id, listed by `newslint rules` with the
distribution's name and version. A plugin whose module cannot be imported, or whose id is taken,
is one error line naming it; the other rules run.

No I/O, no printing and no global state in rules. The `Article` gives the text, its blocks
(headline, teaser, subheadings, paragraphs) and the shared analysis, computed once per article:
`sentences`, `words`, `quotes`, `dates`, `mentions`, `attributions`. Test a rule with
`assert_findings(text, [(line, column, rule_id)], rule=rule_id, **options)`, and its fixes with
`fixed_text(text, rule=rule_id, unsafe=False, **options)`.

`API_VERSION` changes its major number only when something here is removed or changes meaning,
its minor number when something is added (1.1: rule modules from plugin distributions).
"""

from __future__ import annotations

from newslint.article.model import Article, Block
from newslint.engine.finding import SEVERITIES, Edit, Finding, Fix, RuleError
from newslint.engine.testing import assert_findings, findings, fixed_text

API_VERSION = "1.1"

__all__ = ["API_VERSION", "Article", "Block", "Edit", "Finding", "Fix", "RuleError", "SEVERITIES",
           "assert_findings", "findings", "fixed_text"]
