"""The engine: everything around the rules' judgement, and nothing German.

Findings and file results (`finding`), the rule registry and rule docs (`registry`, `docs`),
which files a run checks (`discovery`, and among those a walk finds, `selection`: include,
exclude, .gitignore), reading them (`source`), the configuration (`config`),
running the rules on an article and placing their findings (`runner`), inline suppressions
(`suppression`), the lines changed since a git commit (`changes`), the git repository a path
is in (`repository`), notices said once an hour (`notices`), baselines (`baseline`), the result
cache (`cache`), many files at once (`batch`), applying fixes and writing them back (`fixes`)
and the test helper for rule authors (`testing`).

May import: `newslint` itself, `newslint.article` (to turn a text into an article) and the rule
registry in `newslint.rules`. Never the German analysis, LanguageTool, reports or the CLI.
"""
