"""`newslint serve`: the HTTP service and the web page (the extra `serve`)."""

from __future__ import annotations

import ipaddress
import os

import click
from newslint.cli import fail, say

TOKEN_ENV = "NEWSLINT_SERVE_TOKEN"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs a token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Use this configuration file instead of the one found from the current folder.")
@click.option("--token", envvar=TOKEN_ENV, metavar="TOKEN",
              help=f"Requests to /v1 must send 'Authorization: Bearer TOKEN' (or set {TOKEN_ENV}).")
@click.option("--max-body", type=click.IntRange(min=1), default=1 << 20, show_default=True, metavar="BYTES",
              help="Largest request body taken (larger: 413).")
@click.option("--time-limit", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              metavar="SECONDS", help="Longest a request may take (longer: 503 naming the rule).")
@click.option("--grammar-budget", type=click.FloatRange(min=0, min_open=True), default=3.0, show_default=True,
              metavar="SECONDS", help="Longest a request waits for LanguageTool (then grammar is skipped); "
              "at most 80% of --time-limit.")
@click.option("--cors-origin", multiple=True, metavar="ORIGIN",
              help="Allow browser pages from this origin to call the API (CORS); repeatable. Off by default.")
def serve(host, port, workers, config_file, token, max_body, time_limit, grammar_budget, cors_origin):
    """Serve the JSON API (/v1, documented at /v1/openapi.json) and the web page (/)."""
    try:
        import uvicorn
        from newslint.serve.app import SETTINGS_ENV, Settings
        from newslint.serve.checking import GRAMMAR_SHARE, Service
    except ImportError as error:
        fail(f"serve needs the extra 'serve' ({error.name} is missing): pip install 'newslint[serve]'")
    from newslint.engine.config import ConfigError

    if not _loopback(host) and not token:
        fail(f"--host {host} is reachable from other machines: give a token (--token or {TOKEN_ENV})")
    settings = Settings(config_file=config_file, token=token or None, max_body=max_body, time_limit=time_limit,
                        grammar_budget=grammar_budget, cors_origins=tuple(cors_origin))
    try:
        service = Service(config_file)  # a broken configuration fails here, before listening
    except ConfigError as error:
        fail(str(error))
    for error in service.base.load_errors():
        say(error)
    if grammar_budget > time_limit * GRAMMAR_SHARE:
        say(f"notice: --grammar-budget {grammar_budget:g} s is longer than {GRAMMAR_SHARE:.0%} of --time-limit "
            f"{time_limit:g} s: LanguageTool is waited for until then at most, and grammar is skipped when it "
            "has not answered")
    os.environ[SETTINGS_ENV] = Settings(**{**settings.__dict__, "config_file": service.config_file}).to_env()
    where = service.config_file or "no configuration file (the defaults)"
    say(f"serving on http://{_url_host(host)}:{port}/ with {workers} worker{'s' if workers > 1 else ''}; "
        f"configuration: {where}")
    if token:
        say("requests to /v1 must send 'Authorization: Bearer <token>'")
    if cors_origin:
        say(f"CORS allows: {', '.join(cors_origin)}")
    uvicorn.run("newslint.serve.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="warning", server_header=False)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
