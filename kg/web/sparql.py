"""The SPARQL 1.1 Protocol's query operation at ``/query`` and ``/sparql``, read-only.

- ``GET ?query=…``, ``POST`` form-encoded ``query=…``, or ``POST`` with
  ``Content-Type: application/sparql-query`` and the query as the body.
- The answer's format by the ``Accept`` header, or a ``format`` parameter that
  overrides it (``json``, ``xml``, ``csv``, ``tsv`` for SELECT and ASK; ``turtle``,
  ``ntriples``, ``rdfxml`` for CONSTRUCT and DESCRIBE; the media types too).
  Without either: SPARQL JSON, and Turtle.
- Refused with ``403``, nothing executed: updates (``/update``, ``/store``, an
  ``update=`` field, ``application/sparql-update``, or update text sent as a query)
  and ``SERVICE`` unless the server allows it.
- ``400`` for no query, a query that is not SPARQL or is nested too deeply,
  ``default-graph-uri``/``named-graph-uri`` (the default graph is always the union
  of all graphs); ``413`` for a body over ``max_body`` (before it is read);
  ``503`` past the timeout or the memory cap; ``500`` for a fault of kg's.

Queries run through :func:`kg.serve.answer`: in a process of their own, ended at the deadline.
"""
from __future__ import annotations

import logging
import urllib.parse

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from .. import serve as _serve
from ..errors import MESSAGES, QueryError, QueryMemory, QueryRefused
from .results import GRAPH_TYPES, RESULT_TYPES

log = logging.getLogger("kg.serve")

_RESULT_MEDIA = {**{m: f for f, m in RESULT_TYPES.items()}, "application/json": "json", "application/xml": "xml",
                 "text/xml": "xml"}
_GRAPH_MEDIA = {**{m: f for f, m in GRAPH_TYPES.items()}, "application/x-turtle": "turtle", "application/turtle": "turtle",
                "text/plain": "ntriples"}
# A ``format`` parameter's names: (results format, graph format); None leaves that kind to the Accept header.
_FORMAT_NAMES = {
    "json": ("json", None), "xml": ("xml", "rdfxml"), "csv": ("csv", None), "tsv": ("tsv", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"), "ntriples": (None, "ntriples"), "nt": (None, "ntriples"),
    "n-triples": (None, "ntriples"), "rdfxml": (None, "rdfxml"), "rdf": (None, "rdfxml"),
    **{m: (f, None) for m, f in _RESULT_MEDIA.items()}, **{m: (None, f) for m, f in _GRAPH_MEDIA.items()},
}
FORMATS = ("json", "xml", "csv", "tsv", "turtle", "ntriples", "rdfxml")


def text_response(status: int, message: str, close: bool = False) -> Response:
    headers = {"Connection": "close"} if close else None
    return Response(message + "\n", status_code=status, media_type="text/plain; charset=utf-8", headers=headers)


def _accepted(accept: str) -> list[str]:
    """The media types of an Accept header, most wanted first (ties in the order given)."""
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    return [m for _, _, m in sorted(ranked)]


def negotiate(accept: str, fmt: str | None) -> tuple[str, str]:
    """(results format, graph format) for the Accept header and a ``format`` parameter; ValueError for an
    unknown ``format``."""
    wanted = _accepted(accept or "")
    results = next((_RESULT_MEDIA[m] for m in wanted if m in _RESULT_MEDIA), "json")
    graph = next((_GRAPH_MEDIA[m] for m in wanted if m in _GRAPH_MEDIA), "turtle")
    if fmt:
        if fmt.lower() not in _FORMAT_NAMES:
            raise ValueError(f"no format {fmt!r}; use one of {', '.join(FORMATS)} (or a media type)")
        r, g = _FORMAT_NAMES[fmt.lower()]
        results, graph = r or results, g or graph
    return results, graph


async def read_body(request: Request, limit: int) -> bytes | None:
    """The request's body, or None when it is longer than ``limit`` (no more is read then)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def too_large(request: Request, limit: int) -> Response:
    declared = request.headers.get("content-length", "")
    size = f"{int(declared):,} bytes" if declared.isdigit() else "longer than that"
    return text_response(413, f"the request body is {size}, more than {limit:,}", close=True)


async def endpoint(request: Request) -> Response:
    config: _serve.ServeConfig = request.app.state.config
    query_string = request.scope.get("query_string", b"").decode("latin-1")
    params = urllib.parse.parse_qs(query_string, keep_blank_values=True)
    if request.method == "POST":
        body = await read_body(request, config.max_body)
        if body is None:
            return too_large(request, config.max_body)
        ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return text_response(403, MESSAGES["update_refused"].format(path="request"))
        if ctype == "application/sparql-query":
            params.setdefault("query", []).insert(0, body.decode("utf-8", "replace"))
        else:
            for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
    if "update" in params:
        return text_response(403, MESSAGES["update_refused"].format(path="request"))
    if "default-graph-uri" in params or "named-graph-uri" in params:
        return text_response(400, "default-graph-uri and named-graph-uri are not supported: the default graph is the union of all graphs; "
                                  "use GRAPH in the query")
    text = (params.get("query") or [""])[0]
    if not text.strip():
        return text_response(400, "give a SPARQL query as ?query=… or in the request body")
    try:
        results, graph = negotiate(request.headers.get("accept", ""), (params.get("format") or [None])[0])
    except ValueError as exc:
        return text_response(400, str(exc))
    return await run(request, text, results, graph)


async def run(request: Request, text: str, results: str = "json", graph: str = "turtle") -> Response:
    """One client query through :func:`kg.serve.answer`, as a response with the status the protocol gives each outcome."""
    config = request.app.state.config
    try:
        ctype, body = await run_in_threadpool(_serve.answer, request.app.state.build.store_dir, text, config, results, graph)
    except QueryRefused as exc:
        return text_response(403, str(exc))
    except (QueryMemory, TimeoutError) as exc:
        return text_response(503, str(exc))
    except QueryError as exc:
        return text_response(400, str(exc))
    except Exception as exc:  # a fault of kg's, not the client's: answered, logged, and the server goes on
        log.exception("kg serve failed on a query")
        return text_response(500, f"kg serve failed on this query ({type(exc).__name__}); the server goes on")
    return Response(body, media_type=ctype)


async def refuse_update(request: Request) -> Response:
    return text_response(403, MESSAGES["update_refused"].format(path=request.url.path), close=True)
