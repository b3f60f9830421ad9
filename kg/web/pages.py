"""The workbench's pages: one handler and one template per kind of page.

Each handler asks :class:`kg.web.store.Build` (named queries through kg's Python API, and a few
page queries) and hands plain data to its template; Jinja escapes every value, so a name from a
document is text wherever it shows.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from ..errors import KgError, QueryMemory, QueryRefused, QueryTimeout, UnknownQuery
from ..query import list_queries, load_query
from . import forms, table
from .documents import cached_facts, lines
from .links import entity_iri
from .store import ENTITY_TYPES

# At most this many rows go into a page's table (the downloads have all of them).
MAX_TABLE_ROWS = 2000
VIEWS = (
    ("who-met-whom", "谁见了谁 Who met whom", "leaders and the counterparts they met"),
    ("city-partners", "友好城市 City partners", "home places and their partner places, by kind of tie"),
    ("map", "地图 Map", "city-partner links on a world map"),
    ("timeline", "时间线 Timeline", "meetings by month, by country"),
)
TYPE_LABELS = {"Person": "人物 Person", "City": "城市 City", "Country": "国家 Country", "Region": "地区 Region",
               "Company": "企业 Company", "Organization": "机构 Organization", "Event": "活动 Event"}
FACT_LABELS = {"Meeting": "会见 Meetings", "PartnerLink": "伙伴关系 Partner links", "Attendance": "活动 Event roles",
               "Position": "职务 Positions"}
_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def _render(request: Request, name: str, context: dict, status: int = 200) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, {"page": name.removesuffix(".html"), **context},
                                                        status_code=status)


def _build(request: Request):
    return request.app.state.build


def _error_status(exc: KgError) -> int:
    if isinstance(exc, (QueryTimeout, QueryMemory)):
        return 503
    if isinstance(exc, QueryRefused):
        return 403
    if isinstance(exc, UnknownQuery):
        return 404
    return 400


def home(request: Request) -> Response:
    b = _build(request)
    stats = b.stats()
    return _render(request, "home.html", {
        "stats": stats, "types": TYPE_LABELS, "facts": FACT_LABELS, "queries": list_queries(), "views": VIEWS,
    })


def search(request: Request) -> Response:
    q = request.query_params.get("q", "")
    type_ = request.query_params.get("type", "")
    found = _build(request).search(q, type_, limit=100) if q.strip() else []
    return _render(request, "search.html", {"q": q, "type": type_, "found": found, "types": TYPE_LABELS})


def query_page(request: Request) -> Response:
    name = request.path_params["name"]
    try:
        q = load_query(name)
    except UnknownQuery:
        raise HTTPException(404, f"no named query {name!r}") from None
    given = {k: [v for v in request.query_params.getlist(k) if v != ""] for k in q.params}
    params = {k: (v[0] if len(v) == 1 else v) for k, v in given.items() if v}
    error = ""
    status = 200
    result = None
    try:
        result = _build(request).named(name, params)
    except KgError as exc:
        error = str(exc)
        status = _error_status(exc)
    tab = table.from_rows(result.columns, result.rows, MAX_TABLE_ROWS) if result is not None else None
    return _render(request, "query.html", {
        "q": q, "fields": forms.fields(q, given), "params": params, "table": tab, "error": error,
        "bound": {k: v for k, v in params.items()},
    }, status)


@dataclass
class Fact:
    """One fact on an entity's or a document's page, with its parties by role."""

    iri: str
    type: str
    date: str
    doc: str
    line: str
    quote: str
    details: list[str] = field(default_factory=list)
    parties: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # role → [(iri, name, type)]


def _facts(rows: list[dict[str, str]]) -> list[Fact]:
    by_iri: dict[str, Fact] = {}
    for r in rows:
        f = by_iri.get(r["fact"])
        if f is None:
            f = by_iri[r["fact"]] = Fact(r["fact"], r["factType"], r["date"], r["doc"], r["line"], r["quote"])
        if r["detail"] and r["detail"] not in f.details:
            f.details.append(r["detail"])
        party = (r["party"], r["partyName"], r["type"])
        if party not in f.parties.setdefault(r["role"], []):
            f.parties[r["role"]].append(party)
    return sorted(by_iri.values(), key=lambda f: (f.date, f.doc, int(f.line or 0), f.iri))


def entity_page(request: Request) -> Response:
    iri = entity_iri(request.path_params["path"])
    b = _build(request)
    triples = b.resource(iri)
    if not triples:
        raise HTTPException(404, f"nothing in this graph is {iri}")
    types = [t["o"].rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in triples if t["p"].endswith("#type")]
    entity_types = [t for t in types if t in ENTITY_TYPES or t in ("Corporation",)]
    if not entity_types:
        return _render(request, "resource.html", {"iri": iri, "types": types, "triples": triples})
    head, mention_rows, fact_rows = b.entity(iri)
    facts = _facts(fact_rows)
    grouped = {k: [f for f in facts if f.type == k] for k in FACT_LABELS}
    mentions: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in mention_rows:
        mentions[r["doc"]].append(r)
    same_as = [t["o"] for t in triples if t["p"].endswith("owl#sameAs") or t["p"] == "https://schema.org/sameAs"]
    country = next((t["o"] for t in triples if t["p"] == "https://kg.example.org/ns#country"), "")
    return _render(request, "entity.html", {
        "iri": iri, "head": head, "type": head.get("type", ";".join(entity_types)), "grouped": grouped, "labels": FACT_LABELS,
        "mentions": dict(mentions), "identifiers": [_identifier(u) for u in same_as], "country": country,
        "view": "/views/entity?" + _urlencode({"name": head.get("nameZh", "")}) if head.get("nameZh") else "",
    })


def _urlencode(d: dict) -> str:
    import urllib.parse

    return urllib.parse.urlencode(d)


def _identifier(url: str) -> dict[str, str]:
    if "wikidata.org/entity/" in url:
        qid = url.rsplit("/", 1)[-1]
        return {"scheme": "Wikidata", "id": qid, "url": f"https://www.wikidata.org/wiki/{qid}"}
    if "geonames.org/" in url:
        gid = url.rstrip("/").split("/")[-1] if not url.rstrip("/").endswith("about.rdf") else url.split("/")[-2]
        return {"scheme": "GeoNames", "id": gid, "url": f"https://www.geonames.org/{gid}"}
    return {"scheme": "", "id": url, "url": url}


def document_page(request: Request) -> Response:
    doc = request.path_params["doc"]
    b = _build(request)
    info, fact_rows = b.document(doc)
    if not info:
        raise HTTPException(404, f"no document {doc!r} in this graph")
    meta: dict[str, str] = {}
    for t in info:
        meta.setdefault(t["p"].rsplit("/", 1)[-1].rsplit("#", 1)[-1], t["o"])
    facts = _facts(fact_rows)
    by_line: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        by_line[int(f.line or 0)].append(f)
    cached = cached_facts(b.dir, doc)
    text_lines = lines(cached) if cached is not None else []
    entity_of = {(n.zh, n.type): n.iri for n in b.names()}
    used_types = sorted({m.type for line in text_lines for m in line.mentions}, key=lambda t: ENTITY_TYPES.index(t) if t in ENTITY_TYPES else 99)
    return _render(request, "document.html", {
        "doc": doc, "meta": meta, "lines": text_lines, "by_line": by_line, "facts": facts, "entity_of": entity_of,
        "has_text": cached is not None, "used_types": used_types, "types": TYPE_LABELS, "labels": FACT_LABELS,
    })


def _render_view(graph_dir: str, name: str, params: dict) -> str:
    """A network view's page (the child of :func:`kg.bounded.run_bounded`)."""
    from .. import views

    return views.make(name, graph_dir, **params).html()


def view_page(request: Request) -> Response:
    from ..bounded import DEFAULT_MEMORY, run_bounded

    from .. import views

    name = request.path_params["name"]
    known = getattr(views, "NAMES", None) or getattr(views, "VIEWS", ())
    if name not in known:
        raise HTTPException(404, f"no view {name!r}; views: {', '.join(known)}")
    params = {k: v for k, v in request.query_params.items() if v != ""}
    b = _build(request)
    try:
        html = b._cached(("view", name, tuple(sorted(params.items()))), lambda: run_bounded(
            _render_view, (str(b.dir), name, params), b.timeout, b.memory or DEFAULT_MEMORY, what=f"view {name}"))
    except KgError as exc:
        return _render(request, "error.html", {"status": _error_status(exc), "message": str(exc)}, _error_status(exc))
    body = html.encode("utf-8")
    # The view is one self-contained page with inline scripts: those scripts, by their hashes, and nothing else.
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode()}'" for m in _SCRIPT.finditer(body))
    csp = (f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
           "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
    return HTMLResponse(body, headers={"Content-Security-Policy": csp})


def editor(request: Request) -> Response:
    """The SPARQL editor (GET): the query given (``?query=``) or an example's (``?example=NAME``) in the text box."""
    examples = {q.name: q for q in list_queries()}
    text = ""
    if request.method == "GET":
        text = request.query_params.get("query", "")
        example = request.query_params.get("example", "")
        if example in examples and not text:
            text = examples[example].text
    return _render_editor(request, examples, text)


def _render_editor(request: Request, examples: dict, text: str, data: dict | None = None, error: str = "",
                   status: int = 200) -> Response:
    tab = table.from_bindings(data, MAX_TABLE_ROWS) if data is not None else None
    return _render(request, "editor.html", {"examples": examples, "text": text, "table": tab, "error": error}, status)


async def editor_post(request: Request) -> Response:
    """The SPARQL editor (POST): the query runs through the endpoint's own path (:func:`kg.serve.answer`, in a
    process ended at the timeout) and its rows show in the same table as a query page's."""
    from .sparql import read_body, run

    config = request.app.state.config
    body = await read_body(request, config.max_body)
    if body is None:
        return PlainTextResponse(f"the request body is more than {config.max_body:,} bytes\n", status_code=413,
                                 headers={"Connection": "close"})
    import urllib.parse

    form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    text = (form.get("query") or [""])[0]
    examples = {q.name: q for q in list_queries()}
    if not text.strip():
        return _render_editor(request, examples, text, error="write a SPARQL query", status=400)
    response = await run(request, text, "json", "ntriples")
    if response.status_code != 200:
        return _render_editor(request, examples, text, error=bytes(response.body).decode("utf-8", "replace").strip(),
                              status=response.status_code)
    ctype = response.headers.get("content-type", "")
    if ctype.startswith("application/sparql-results+json"):
        return _render_editor(request, examples, text, json.loads(response.body))
    return _render(request, "editor.html", {"examples": examples, "text": text, "table": None, "error": "",
                                            "triples": bytes(response.body).decode("utf-8")})


async def editor_route(request: Request) -> Response:
    return await editor_post(request) if request.method == "POST" else editor(request)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    path = request.url.path
    if path.startswith("/api/"):
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
    if path in ("/query", "/sparql", "/update", "/store") or path.startswith("/static/"):
        return PlainTextResponse(f"{exc.detail}\n", status_code=exc.status_code)
    return _render(request, "error.html", {"status": exc.status_code, "message": exc.detail}, exc.status_code)


async def _kg_error(request: Request, exc: KgError) -> Response:
    """A query a page ran that failed (past the server's timeout: 503) is answered with its message,
    not a server error."""
    status = _error_status(exc)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": str(exc)}, status_code=status)
    return _render(request, "error.html", {"status": status, "message": str(exc)}, status)


EXCEPTION_HANDLERS = {HTTPException: _http_error, KgError: _kg_error}
