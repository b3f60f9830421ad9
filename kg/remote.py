"""A remote SPARQL 1.1 store: load a build into it with the Graph Store Protocol.

Each document's named graph (and the ontology graph) is sent with an HTTP
``PUT`` to the store's graph endpoint (``…/store?graph=IRI`` on Oxigraph), so
reloading a document replaces its graph and nothing else. A rebuild sends
only the graphs that changed and deletes those of removed documents. Queries go to the
query endpoint through :func:`kg.query.run_query` with ``endpoint=``.
"""
from __future__ import annotations

import hashlib
import urllib.error
import urllib.parse
import urllib.request
from itertools import groupby
from typing import Iterable, Iterator

import pyoxigraph as ox

from .errors import MESSAGES, EndpointError
from .rdf.serialize import ntriples


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


def delete_graph(store_url: str, graph_iri: str, timeout: float = 60) -> None:
    """Drop one named graph from the store (a graph already gone is fine)."""
    url = f"{store_url}?{urllib.parse.urlencode({'graph': graph_iri})}"
    req = urllib.request.Request(url, method="DELETE")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        if exc.code != 404:
            raise EndpointError(MESSAGES["endpoint"].format(url=url, detail=f"HTTP {exc.code}")) from exc
    except (urllib.error.URLError, OSError) as exc:
        raise EndpointError(MESSAGES["endpoint"].format(url=url, detail=exc)) from exc


def trig_payloads(path) -> Iterator[tuple[str, bytes]]:
    """Each named graph of a TriG file as sorted N-Triples, one graph in memory at a time.

    (The file must hold each graph in one block, as kg writes it.)"""
    for graph, quads in groupby(ox.parse(path=str(path), format=ox.RdfFormat.TRIG), key=lambda q: q.graph_name):
        if isinstance(graph, ox.NamedNode):
            yield graph.value, ntriples(quads)


def load_graphs(graphs: Iterable[tuple[str, bytes]], endpoint: str, store_url: str | None = None,
                previous: dict[str, str] | None = None) -> tuple[list[str], list[str], dict[str, str]]:
    """Bring the store beside ``endpoint`` up to date with ``graphs``: (graph IRI, N-Triples) pairs,
    as from :func:`trig_payloads`.

    ``previous`` maps the graphs the last build sent there to their digests:
    graphs unchanged since are not sent again, and graphs no longer among
    ``graphs`` (removed documents) are deleted. Returns the graph IRIs sent, those
    deleted, and the digests to pass as ``previous`` next time.
    """
    store_url = store_url or graph_store_url(endpoint)
    previous = previous or {}
    digests, sent = {}, []
    for iri, data in graphs:
        digests[iri] = hashlib.sha256(data).hexdigest()
        if previous.get(iri) != digests[iri]:
            put_graph(store_url, iri, data)
            sent.append(iri)
    deleted = sorted(set(previous) - set(digests))
    for iri in deleted:
        delete_graph(store_url, iri)
    return sent, deleted, digests
