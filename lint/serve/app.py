"""The Starlette application: the API under /v1, its OpenAPI document, /healthz and the page at /.

Limits: a body larger than `max_body` bytes is answered 413 before it is read whole; a request
still under way after `time_limit` seconds is answered 503 with the rule that ran over; with a
`token`, every /v1 request must send `Authorization: Bearer <token>` (401 otherwise). CORS is off
unless `cors_origins` names the origins allowed. Errors are JSON objects `{"error": "..."}`
(with `"rule"` for 503); no answer is ever a traceback.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from newslint.engine.config import ConfigError
from newslint.engine.source import InputError
from newslint.serve.checking import DOCUMENT_FORMATS, FORMATS, Clock, OverTime, Service, grammar_budget
from newslint.serve.requests import CHECK_FIELDS, FIX_FIELDS, BadRequest, read_article, unsafe

SETTINGS_ENV = "NEWSLINT_SERVE_SETTINGS"  # how `newslint serve` hands its settings to the workers
THREADS = 4  # checks under way at once per worker process (more wait for a thread)


@dataclass(frozen=True)
class Settings:
    config_file: str | None = None
    token: str | None = None
    max_body: int = 1 << 20
    time_limit: float = 10.0
    grammar_budget: float = 3.0
    cors_origins: tuple[str, ...] = ()

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> "Settings":
        data = json.loads(os.environ.get(SETTINGS_ENV) or "{}")
        data["cors_origins"] = tuple(data.get("cors_origins") or ())
        return cls(**data)


def create_app(settings: Settings | None = None) -> Starlette:
    """The application (`settings` default to what `newslint serve` put in the environment)."""
    from newslint.languagetool import service as languagetool
    from newslint.serve import openapi, page

    settings = settings or Settings.from_env()
    service = Service(settings.config_file)
    service.warm_up()
    languagetool.budget_each_check(grammar_budget(settings.grammar_budget))
    pool = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="newslint-check")
    document = openapi.document(FORMATS, DOCUMENT_FORMATS)
    web_page = page.render(FORMATS, DOCUMENT_FORMATS, token=bool(settings.token))

    async def body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > settings.max_body:
            raise BadRequest(413, f"the request body has {int(declared)} bytes; at most {settings.max_body} "
                             "are taken")
        data = bytearray()
        async for chunk in request.stream():
            data += chunk
            if len(data) > settings.max_body:
                raise BadRequest(413, f"the request body has more than {settings.max_body} bytes")
        return bytes(data)

    async def run(work, clock: Clock):
        future = asyncio.get_running_loop().run_in_executor(pool, work)
        try:
            return await asyncio.wait_for(asyncio.shield(future), settings.time_limit)
        except (asyncio.TimeoutError, OverTime):
            clock.abandoned = True
            where = f"the rule '{clock.rule}' ran over" if clock.rule else "it waited for a free worker"
            return JSONResponse({"error": f"the check took longer than {settings.time_limit:g} s: {where}",
                                 "rule": clock.rule}, status_code=503, headers={"Retry-After": "1"})

    async def check(request: Request) -> Response:
        article, _ = read_article(await body(request), CHECK_FIELDS)
        clock = Clock(settings.time_limit)
        answer = await run(lambda: service.check(article, clock), clock)
        return answer if isinstance(answer, Response) else JSONResponse(answer)

    async def fix(request: Request) -> Response:
        article, data = read_article(await body(request), FIX_FIELDS)
        clock = Clock(settings.time_limit)
        answer = await run(lambda: service.fix(article, unsafe(data), clock), clock)
        return answer if isinstance(answer, Response) else JSONResponse(answer)

    async def rules(request: Request) -> Response:
        from newslint.engine.docs import origin_label

        return JSONResponse({"rules": [{"id": rule.id, "severity": rule.severity, "origin": origin_label(rule),
                                        "summary": rule.summary} for rule in service.rules().values()]})

    async def explain(request: Request) -> Response:
        from newslint.engine.docs import engine_finding_explanation, explanation
        from newslint.engine.registry import resolve

        text = engine_finding_explanation(request.path_params["rule"])
        if text:
            return PlainTextResponse(text)
        rules = service.rules()
        rule_id, _ = resolve(request.path_params["rule"], rules)
        rule = rules.get(rule_id)
        if rule is None:
            raise BadRequest(404, f"unknown rule '{request.path_params['rule']}'; GET /v1/rules lists them")
        return PlainTextResponse(explanation(rule, service.base.unavailable(rule, service.config)))

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def openapi_json(request: Request) -> Response:
        return JSONResponse(document)

    async def index(request: Request) -> Response:
        return HTMLResponse(web_page.html, headers={"Content-Security-Policy": web_page.policy,
                                                    "X-Content-Type-Options": "nosniff",
                                                    "Referrer-Policy": "no-referrer"})

    async def bad_request(request: Request, error: BadRequest) -> Response:
        return JSONResponse({"error": str(error)}, status_code=error.status)

    async def config_error(request: Request, error: ConfigError | InputError) -> Response:
        return JSONResponse({"error": str(error)}, status_code=422)

    async def http_error(request: Request, error) -> Response:
        return JSONResponse({"error": error.detail}, status_code=error.status_code, headers=error.headers)

    async def internal_error(request: Request, error: Exception) -> Response:
        return JSONResponse({"error": f"internal error ({type(error).__name__}); please report it with "
                             "the article"}, status_code=500)

    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware

    middleware = [Middleware(_Token, token=settings.token)]
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        middleware.insert(0, Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                                        allow_methods=["GET", "POST"],
                                        allow_headers=["Authorization", "Content-Type"]))
    routes = [
        Route("/", index),
        Route("/healthz", health),
        Route("/v1/openapi.json", openapi_json),
        Route("/v1/check", check, methods=["POST"]),
        Route("/v1/fix", fix, methods=["POST"]),
        Route("/v1/rules", rules),
        Route("/v1/rules/{rule}", explain),
    ]
    handlers = {BadRequest: bad_request, ConfigError: config_error, InputError: config_error, HTTPException: http_error,
                Exception: internal_error}
    return Starlette(routes=routes, middleware=middleware, exception_handlers=handlers)


class _Token:
    """With a token, /v1 requests without `Authorization: Bearer <token>` are answered 401."""

    def __init__(self, app, token: str | None) -> None:
        self.app, self.token = app, token

    async def __call__(self, scope, receive, send) -> None:
        if self.token and scope["type"] == "http" and scope["path"].startswith("/v1/") \
                and scope["method"] != "OPTIONS" and not self._allowed(scope):
            response = JSONResponse({"error": "this server needs a token: send 'Authorization: Bearer <token>'"},
                                    status_code=401, headers={"WWW-Authenticate": "Bearer"})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _allowed(self, scope) -> bool:
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, given = value.decode("latin-1").partition(" ")
                return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(),
                                                                           self.token.encode())
        return False
