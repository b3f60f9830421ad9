"""The workbench's URLs for kg's things: an entity page from its IRI, a document page (and line) from its id.

An IRI ``https://kg.example.org/id/person/yin-yong`` has the page ``/entity/person/yin-yong``: the
IRI's path below ``/id/``. Any other IRI (Wikidata, schema.org) has no page here.
"""
from __future__ import annotations

import urllib.parse

ID_BASE = "https://kg.example.org/id/"


def entity_url(iri: str) -> str | None:
    if not iri or not iri.startswith(ID_BASE) or len(iri) == len(ID_BASE):
        return None
    return "/entity/" + urllib.parse.quote(iri[len(ID_BASE):], safe="/")


def entity_iri(path: str) -> str:
    return ID_BASE + path


def document_url(doc: str, line: str | int | None = None) -> str:
    url = "/document/" + urllib.parse.quote(doc, safe="")
    return f"{url}#L{line}" if line not in (None, "") else url


def query_url(name: str, params: dict | None = None, api: bool = False, fmt: str | None = None) -> str:
    items = [(k, v) for k, vs in (params or {}).items() for v in (vs if isinstance(vs, list) else [vs]) if v != ""]
    if fmt:
        items.append(("format", fmt))
    base = ("/api/query/" if api else "/query/") + urllib.parse.quote(name, safe="")
    return base + ("?" + urllib.parse.urlencode(items) if items else "")
