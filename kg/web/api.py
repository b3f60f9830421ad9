"""The JSON API, for scripts and notebooks.

- ``GET /api/query/NAME?param=value…`` — the rows of ``kg query NAME --format json`` with the same
  parameters (a parameter repeated matches any of its values); ``format=csv``, ``tsv`` or
  ``sparql-json`` gives those formats of ``kg query`` instead. Errors are ``{"error": …}`` with
  400 (a bad parameter), 404 (no such query) or 503 (past the timeout).
- ``GET /api/names?q=…&type=Person`` — entities whose name, English name, pinyin or alias
  holds ``q``: ``[{"iri", "name", "type", "labels", "url"}]``, at most ``limit`` (20).
- ``GET /api/openapi.json`` — the OpenAPI 3 description of the above, a path per named query.
- ``GET /api`` — the same, as a page.
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..errors import KgError
from ..query import list_queries, load_query
from .forms import fields
from .links import entity_url
from .pages import _error_status, _render
from .store import ENTITY_TYPES

_MEDIA = {"json": "application/json", "csv": "text/csv", "tsv": "text/tab-separated-values",
          "sparql-json": "application/sparql-results+json"}


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def query(request: Request) -> Response:
    name = request.path_params["name"]
    fmt = request.query_params.get("format", "json")
    if fmt not in _MEDIA:
        return _error(400, f"no format {fmt!r}; use one of {', '.join(_MEDIA)}")
    params: dict[str, str | list[str]] = {}
    for k in dict.fromkeys(request.query_params.keys()):
        if k == "format":
            continue
        values = [v for v in request.query_params.getlist(k) if v != ""]
        if values:
            params[k] = values[0] if len(values) == 1 else values
    try:
        result = request.app.state.build.named(name, params, terms=fmt == "sparql-json")
        body = result.format(fmt)
    except KgError as exc:
        return _error(_error_status(exc), str(exc))
    headers = {}
    if "download" in request.query_params or fmt in ("csv", "tsv"):
        ext = {"sparql-json": "srj"}.get(fmt, fmt)
        headers["Content-Disposition"] = f'attachment; filename="{name}.{ext}"'
    return Response(body.encode("utf-8"), media_type=f"{_MEDIA[fmt]}; charset=utf-8", headers=headers)


def names(request: Request) -> JSONResponse:
    q = request.query_params.get("q", "")
    type_ = request.query_params.get("type", "")
    try:
        limit = max(1, min(int(request.query_params.get("limit", "20")), 200))
    except ValueError:
        return _error(400, "limit must be a whole number")
    found = request.app.state.build.search(q, type_, limit)
    return JSONResponse([{"iri": n.iri, "name": n.zh, "type": n.type, "labels": n.labels, "url": entity_url(n.iri)} for n in found])


def spec() -> dict:
    """The OpenAPI 3.0 description of the API."""
    error = {"description": "a bad parameter (400), no such query (404), past the timeout (503)",
             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    paths: dict[str, dict] = {
        "/api/names": {"get": {
            "summary": "Entities whose Chinese, English or pinyin name or alias holds q",
            "parameters": [
                {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}},
                {"name": "type", "in": "query", "schema": {"type": "string", "enum": list(ENTITY_TYPES)},
                 "description": "entity types, comma-separated"},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 20, "maximum": 200}},
            ],
            "responses": {"200": {"description": "matching entities, exact names first", "content": {"application/json": {
                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Name"}}}}}},
        }},
    }
    for q in list_queries():
        params = [{"name": f.name, "in": "query", "description": f.description,
                   "schema": {"type": "string", **({"enum": list(f.options)} if f.options else {})},
                   **({"example": f.example} if f.example else {})}
                  for f in fields(q)]
        params.append({"name": "format", "in": "query", "schema": {"type": "string", "enum": list(_MEDIA), "default": "json"}})
        paths[f"/api/query/{q.name}"] = {"get": {
            "summary": q.summary, "description": q.description, "operationId": q.name.replace("-", "_"), "parameters": params,
            "responses": {"200": {"description": "the rows of `kg query " + q.name + " --format json`", "content": {
                "application/json": {"schema": {"type": "array", "items": {"type": "object", "additionalProperties": {"type": "string"}}}},
                "text/csv": {"schema": {"type": "string"}}}}, "400": error, "503": error},
        }}
    return {
        "openapi": "3.0.3",
        "info": {"title": "kg", "version": "1", "description": "The rows of kg's named queries, as `kg query --format json` gives them."},
        "paths": paths,
        "components": {"schemas": {
            "Error": {"type": "object", "properties": {"error": {"type": "string"}}},
            "Name": {"type": "object", "properties": {"iri": {"type": "string"}, "name": {"type": "string"}, "type": {"type": "string"},
                                                       "labels": {"type": "array", "items": {"type": "string"}}, "url": {"type": "string"}}},
        }},
    }


def openapi(request: Request) -> JSONResponse:
    return JSONResponse(spec())


def index(request: Request) -> Response:
    queries = list_queries()
    return _render(request, "api.html", {"queries": [(q, fields(q)) for q in queries], "formats": list(_MEDIA),
                                         "example": load_query("who-met-whom")})
