"""`newslint serve`: the HTTP service for CMS plug-ins and the web page for the desk.

`app` is the Starlette application (the API under /v1, /healthz and the page at /), `checking`
checks and fixes one article per request with the engine, `requests` reads the JSON bodies,
`openapi` describes the API and `page` is the web page. Needs the extra `serve` (Starlette and
uvicorn): `pip install 'newslint[serve]'`.

May import: `newslint` itself, `newslint.engine`, `newslint.reports` and `newslint.languagetool`
(to give each request its own grammar budget). Never the CLI.
"""
