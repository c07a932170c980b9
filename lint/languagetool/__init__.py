"""The outside grammar service, LanguageTool.

Where it runs (`location`, found without contacting anything), a client for its HTTP API
(`client`), a local LanguageTool started as a server for the run (`server`), the settings and one
client and cache per process as the grammar rule uses them (`service`), and the cache of its
findings per paragraph (`cache`).

May import: `newslint` itself. Nothing here knows about rules, reports or the CLI.
"""
