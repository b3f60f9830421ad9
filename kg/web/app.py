"""The Starlette application of ``kg serve``: one table of routes, the headers every answer carries.

Every response carries a Content-Security-Policy that lets a page load nothing
from another host (scripts and styles are files under ``/static``; a network view,
one self-contained page, is allowed its own inline scripts by their hashes), and
``X-Content-Type-Options: nosniff``. A request line longer than
:data:`kg.serve.MAX_REQUEST_LINE`, or a query string longer than the server's
``max_body``, gets ``414``. Nothing here writes to the build.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..serve import MAX_REQUEST_LINE, QUERY_PATHS, ServeConfig
from . import api, pages, sparql
from .links import document_url, entity_url, query_url
from .store import Build

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class Guard:
    """ASGI middleware: the security headers on every answer, and ``414`` for an overlong request line."""

    def __init__(self, app, config: ServeConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        qs = scope.get("query_string", b"")
        line = len(scope.get("method", "")) + len(scope.get("raw_path", b"")) + len(qs) + 12
        if line > MAX_REQUEST_LINE or len(qs) > self.config.max_body:
            limit = MAX_REQUEST_LINE if line > MAX_REQUEST_LINE else self.config.max_body
            what = "request line" if line > MAX_REQUEST_LINE else "query string"
            size = line if line > MAX_REQUEST_LINE else len(qs)
            response = sparql.text_response(414, f"the {what} is {size:,} bytes, more than {limit:,}; send a long query in a POST body",
                                            close=True)
            await response(scope, receive, self._headers(send))
            return
        await self.app(scope, receive, self._headers(send))

    @staticmethod
    def _headers(send):
        async def wrapped(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                message = {**message, "headers": headers}
            await send(message)

        return wrapped


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.files("kg.web") / "templates")),
        autoescape=True,  # every name from a document is text
    )
    env.globals.update(entity_url=entity_url, document_url=document_url, query_url=query_url)
    return Jinja2Templates(env=env)


def make_app(graph_dir: str | Path, config: ServeConfig | None = None) -> Guard:
    """The workbench and endpoint over the build in ``graph_dir``, read-only."""
    config = config or ServeConfig()
    routes = [
        Route("/", pages.home, name="home"),
        Route("/search", pages.search, name="search"),
        Route("/query/{name}", pages.query_page, name="query_page"),
        Route("/entity/{path:path}", pages.entity_page, name="entity"),
        Route("/document/{doc:path}", pages.document_page, name="document"),
        Route("/views/{name}", pages.view_page, name="view"),
        Route("/sparql-editor", pages.editor_route, methods=["GET", "POST"], name="editor"),
        Route("/api", api.index, name="api"),
        Route("/api/openapi.json", api.openapi, name="openapi"),
        Route("/api/names", api.names, name="names"),
        Route("/api/query/{name}", api.query, name="api_query"),
        *[Route(p, sparql.endpoint, methods=["GET", "POST"]) for p in QUERY_PATHS],
        Route("/update", sparql.refuse_update, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
        Route("/store", sparql.refuse_update, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
        Route("/favicon.ico", lambda request: Response(status_code=204)),  # (a view page has no icon of its own)
        Mount("/static", StaticFiles(packages=[("kg.web", "static")]), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers=pages.EXCEPTION_HANDLERS)
    app.state.config = config
    app.state.build = Build(graph_dir, timeout=config.timeout, memory=config.memory, limit=config.limit)
    app.state.templates = _templates()
    return Guard(app, config)
