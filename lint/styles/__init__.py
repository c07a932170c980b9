"""House styles as data: Vale's YAML rule files, vocabularies and `.vale.ini`, run as rules.

A style is a folder of rule files (`StylesPath/<Style>/<Rule>.yml`, rule id `Style.Rule`), in
Vale's format (https://vale.sh/docs/topics/styles/): `rule_file` reads and checks one, `checks`
compiles it into one of the seven check types newslint runs, `patterns` matches its tokens (a
style's literal word lists through the article's words, the rest as one pattern each, with a
time limit per article), `scopes` cuts the article into what a rule sees (Vale's `text`,
`paragraph`, `sentence`, `heading`, … and newslint's `body` and `quote`), `vocabulary` reads
`accept.txt` and `reject.txt`, `vale_ini` reads an existing `.vale.ini`, and `library` finds the
styles a configuration names — in its `styles-path`, the `.vale.ini`'s `StylesPath`, or shipped
with newslint (`packs/`, e.g. `newsroom-de`) — and turns their rules into the engine's rules.

May import: `newslint` itself, `newslint.engine` (findings, rules, configuration errors, globs)
and `newslint.article` (the article model). Never the German analysis directly, the CLI or reports.
"""
