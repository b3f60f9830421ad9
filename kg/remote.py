"""A remote SPARQL 1.1 store: load a build into it with the Graph Store Protocol.

Each document's named graph (and the ontology graph) is sent with an HTTP
``PUT`` to the store's graph endpoint (``…/store?graph=IRI`` on Oxigraph), so
reloading a document replaces its graph and nothing else. Queries go to the
query endpoint through :func:`kg.query.run_query` with ``endpoint=``.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

from rdflib import Dataset

from .errors import MESSAGES, EndpointError


def graph_store_url(endpoint: str) -> str:
    """The Graph Store Protocol URL beside a query endpoint: ``…/query`` or ``…/sparql`` → ``…/store``."""
    base, _, last = endpoint.rstrip("/").rpartition("/")
    if last in ("query", "sparql"):
        return f"{base}/store"
    return endpoint.rstrip("/") + "/store"


def put_graph(store_url: str, graph_iri: str, ntriples: bytes, timeout: float = 60) -> None:
    url = f"{store_url}?{urllib.parse.urlencode({'graph': graph_iri})}"
    req = urllib.request.Request(url, data=ntriples, method="PUT", headers={"Content-Type": "application/n-triples"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:300]
        raise EndpointError(MESSAGES["endpoint"].format(url=url, detail=f"HTTP {exc.code}: {detail}")) from exc
    except (urllib.error.URLError, OSError) as exc:
        raise EndpointError(MESSAGES["endpoint"].format(url=url, detail=exc)) from exc


def load_dataset(ds: Dataset, endpoint: str, store_url: str | None = None) -> list[str]:
    """Send every named graph of ``ds`` to the store beside ``endpoint``; the graph IRIs sent, in order."""
    store_url = store_url or graph_store_url(endpoint)
    sent = []
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(g) == 0 or str(g.identifier).startswith("urn:x-rdflib:"):
            continue
        lines = sorted(set(g.serialize(format="nt").split("\n")))
        data = ("\n".join(line for line in lines if line.strip()) + "\n").encode("utf-8")
        put_graph(store_url, str(g.identifier), data)
        sent.append(str(g.identifier))
    return sent
