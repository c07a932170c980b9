"""The rules newslint runs: one module per rule, registered here in the order they run.

A rule module has a docstring in ruff's sections (its user documentation, see `newslint.engine.docs`), an
`ID` (kebab-case, stable), a default `SEVERITY` ("error", "warning" or "info"), a frozen
dataclass `Options` whose fields all have defaults, and `check(article, options)`, which yields
`newslint.engine.finding.Finding`s with character offsets into the article. No I/O, no printing and no global
state in rules; shared analysis comes from the article, computed once and reused by every rule
(`article.sentences`, `.words`, `.quotes`, `.attributions`, `.dates`, `.mentions`). A rule module
imports the analysis it uses (`newslint.german.variants`, `newslint.german.dates`, `regex`, ...) inside `check` and the
functions it calls, not at the top: a run that finds every file in the result cache loads the
rules' options but none of their analysis.

A rule that depends on something outside newslint (a service, an optional package) may also
define `unavailable(options) -> str | None`: None when it can run, else why not and how to
enable it. The engine asks it once per run and configuration, before the rule's first article,
and leaves the rule out where it says no: the run goes on, with one notice on stderr naming the
rule and the reason, and exits with 2 only when `--require RULE` or `require = [...]` in the
configuration demands the rule. The hook must be cheap and must not contact the service; a
service that fails during the run is the rule's `newslint.engine.finding.RuleError`, reported for the
article it could not check.
"""

from newslint.rules import (
    credit_line,
    date_consistency,
    dateline,
    grammar,
    quote_attribution,
    quote_marks,
    spelling_consistency,
)

REGISTRY = (
    spelling_consistency,
    quote_attribution,
    quote_marks,
    date_consistency,
    credit_line,
    dateline,
    grammar,
)
