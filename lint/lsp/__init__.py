"""`newslint lsp`: a language server (Language Server Protocol over standard input and output), so
that editors show the findings under the cursor while the article is written.

Built on pygls and lsprotocol, the optional extra `pip install 'newslint[lsp]'`. The modules:
`server` (the documents, what the writer is told, the protocol's features), `linting` (the engine
as `newslint check` runs it), `diagnostics` (findings as diagnostics), `actions` (fixes and
suppression comments as code actions), `positions` (UTF-16 positions) and `protocol` (JSON-RPC
kept to the rules when the client is not). Only the command line imports it.
"""
