"""Writing the graph: sorted quads through Oxigraph's serializers, byte-identical for the same graph.

rdflib builds the terms; Oxigraph writes them, two orders of magnitude faster
than rdflib's Turtle writer on a large build. Quads are sorted (graph,
subject, predicate, object, by their N-Triples form) and the prefix lines
put in a fixed order, so the same graph gives the same bytes in any process.
"""
from __future__ import annotations

from typing import Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from .vocab import GRAPH

Triples = Mapping[URIRef, Iterable[tuple]]  # graph IRI → its triples (rdflib terms)


def ox_term(t):
    """An rdflib term as an Oxigraph term (which checks it: an IRI Oxigraph rejects raises here)."""
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    raise TypeError(f"not an RDF term: {t!r}")


class TermCache:
    """rdflib terms to Oxigraph terms (and their N-Triples form), each converted once.

    At most ``limit`` terms are kept in each of its two tables (past that a table starts again
    empty): a dense document names hundreds of thousands of terms once each, and the cache is
    only there for the ones that recur (predicates, classes, places, dates)."""

    def __init__(self, limit: int = 20_000) -> None:
        self._terms: dict = {}
        self._nt: dict = {}
        self.limit = limit

    def __len__(self) -> int:
        return len(self._terms) + len(self._nt)

    def clear(self) -> None:
        self._terms.clear()
        self._nt.clear()

    def __call__(self, t):
        return self.pair(t)[0]

    def pair(self, t) -> tuple:
        """``(Oxigraph term, its N-Triples form)``."""
        r = self._terms.get(t)
        if r is None:
            if len(self._terms) >= self.limit:
                self._terms.clear()
            o = ox_term(t)
            r = self._terms[t] = (o, str(o))
        return r

    def nt(self, t) -> str:
        """The N-Triples form of ``t``, as Oxigraph writes it."""
        r = self._nt.get(t)
        if r is None:
            if len(self._nt) >= self.limit:
                self._nt.clear()
            r = self._nt[t] = str(ox_term(t))
        return r


def quad_order(q) -> tuple[str, str, str, str]:
    """The order kg writes quads in: graph, subject, predicate, object, by their N-Triples form."""
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def to_quads(graphs: Triples, terms: TermCache | None = None) -> list[ox.Quad]:
    """Every triple of every graph as an Oxigraph quad, sorted."""
    terms = terms if terms is not None else TermCache()
    quads = [ox.Quad(terms(s), terms(p), terms(o), terms(g)) for g, triples in graphs.items() for s, p, o in triples]
    quads.sort(key=quad_order)
    return quads


def _prefixes(prefixes: Mapping[str, object]) -> dict[str, str]:
    return {k: str(v) for k, v in prefixes.items()}


def turtle_prefixes(prefixes: Mapping[str, object]) -> dict[str, str]:
    """kg's prefixes for Turtle: graph names have no place in the union of the graphs."""
    return {k: v for k, v in _prefixes(prefixes).items() if v != str(GRAPH)}


def prefix_block(lines: Iterable[bytes]) -> bytes:
    """Oxigraph's prefix lines (written in hash order, without their line ends) as kg writes
    them: in name order, then a blank line."""
    lines = sorted(lines)
    return b"\n".join(lines) + b"\n\n" if lines else b""


def _fixed_prefix_order(data: bytes) -> bytes:
    """Oxigraph's output with its prefix lines as :func:`prefix_block` writes them."""
    lines = data.split(b"\n")
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix "):
        n += 1
    return prefix_block(lines[:n]) + b"\n".join(lines[n:])


def trig(quads: list[ox.Quad], prefixes: Mapping[str, object]) -> bytes:
    """Sorted quads as TriG, with kg's prefixes."""
    return _fixed_prefix_order(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_prefixes(prefixes)))


def turtle(quads: list[ox.Quad], prefixes: Mapping[str, object]) -> bytes:
    """The union of the quads' graphs as Turtle (each triple once, sorted), with kg's prefixes."""
    triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return _fixed_prefix_order(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=turtle_prefixes(prefixes)))


def ntriples(quads: Iterable[ox.Quad]) -> bytes:
    """The union of the quads' graphs as sorted N-Triples lines, each triple once."""
    lines = sorted({f"{q.subject} {q.predicate} {q.object} ." for q in quads})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def nquads(quads: Iterable[ox.Quad]) -> bytes:
    lines = sorted({f"{q.subject} {q.predicate} {q.object} {q.graph_name} ." for q in quads})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
