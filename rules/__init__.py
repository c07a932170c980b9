"""The rules newslint runs: one module per rule, registered here in the order they run.

A rule module has a docstring in ruff's sections (its user documentation, see `lint.docs`), an
`ID` (kebab-case, stable), a default `SEVERITY` ("error", "warning" or "info"), a frozen
dataclass `Options` whose fields all have defaults, and `check(article, options)`, which yields
`lint.finding.Finding`s with character offsets into the article. No I/O, no printing and no global
state in rules; shared analysis comes from the article (`article.sentences`, `.words`, `.quotes`).
"""

REGISTRY = ()
