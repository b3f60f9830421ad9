"""``kg export``: the graph in formats other tools read, written atomically.

RDF: Turtle (readable prefixes, stable order), N-Triples and N-Quads (sorted
lines), TriG, JSON-LD (with a context of kg's prefixes). Networks (through
networkx): GEXF and GraphML of the who-met-whom and city-partner networks,
with node types, labels in both languages, dates and counts as attributes,
for Gephi; CSV node and edge lists for spreadsheets.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Dataset, Graph

from .analytics import city_partner_network, who_met_whom_network
from .outputs import GRAPH_TRIG, atomic_write
from .rdf import serialize as rdf_out
from .errors import MESSAGES, GraphNotFound, ParameterError
from .rdf.graph import PREFIXES

FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "gexf", "graphml", "csv")


def load_build(graph_dir: str | Path) -> Dataset:
    """The build's TriG as an in-memory rdflib Dataset (the exact graph the build wrote)."""
    path = Path(graph_dir) / GRAPH_TRIG
    if not path.is_file():
        raise GraphNotFound(MESSAGES["no_graph"].format(path=graph_dir))
    ds = Dataset()
    ds.parse(path, format="trig")
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def build_quads(graph_dir: str | Path) -> list:
    """The build's TriG as sorted Oxigraph quads."""
    path = Path(graph_dir) / GRAPH_TRIG
    if not path.is_file():
        raise GraphNotFound(MESSAGES["no_graph"].format(path=graph_dir))
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))
    quads.sort(key=rdf_out.quad_order)
    return quads


def network(graph_dir: str | Path) -> nx.MultiGraph:
    """The who-met-whom and city-partner networks in one multigraph, as Gephi reads it: one edge per
    pair and relation kind (``kind``) weighted by the number of meetings or acts (``weight``), each
    node labelled by its Chinese name (``label``) with its English name, type and country beside,
    and each edge's dates as a time spell (``start``, ``end``: Gephi's timeline)."""
    g = nx.MultiGraph(name="kg", mode="dynamic")
    for part in (who_met_whom_network(graph_dir), city_partner_network(graph_dir)):
        for n, d in part.nodes(data=True):
            if n not in g:
                g.add_node(n, label=d.get("label_zh") or n, **d)
        for u, v, d in part.edges(data=True):
            e = {k: ("" if val is None else val) for k, val in d.items()}
            e["weight"] = int(e.get("count") or 1)
            dates = sorted(x for x in re.split(r"[;/]", str(e.get("dates") or e.get("since") or "")) if _ISO.match(x))
            if dates:
                e["start"], e["end"] = _day(dates[0]), _day(dates[-1])
            g.add_edge(u, v, key=e.get("kind"), **e)
    return g


_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _day(iso: str) -> str:
    """A date as precise as known, as the day it starts (2020 → 2020-01-01): a GEXF time spell's bound."""
    return (iso + "-01-01")[:10] if len(iso) == 4 else (iso + "-01")[:10]


# Characters XML 1.0 cannot carry (control characters, surrogates, U+FFFE and U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(value):
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def _xml_safe(g: nx.MultiGraph) -> nx.MultiGraph:
    """``g`` with the characters XML cannot carry dropped from node ids and attributes (a name read
    from a document may hold one): GEXF and GraphML files that any XML reader loads."""
    out = nx.MultiGraph(**{k: _clean(v) for k, v in g.graph.items()})
    for n, d in g.nodes(data=True):
        out.add_node(_clean(n), **{k: _clean(v) for k, v in d.items()})
    for u, v, d in g.edges(data=True):
        out.add_edge(_clean(u), _clean(v), **{k: _clean(x) for k, x in d.items()})
    return out


def _csv(rows: list[dict], columns: list[str]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def export(graph_dir: str | Path, fmt: str, out: str | Path, named_graphs: bool = False) -> list[Path]:
    """Write the build at ``graph_dir`` as ``fmt`` to ``out``; the files written. JSON-LD is the
    union of the document graphs as one graph, or with ``named_graphs`` the dataset of them."""
    if fmt not in FORMATS:
        raise ParameterError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("gexf", "graphml", "csv"):
        g = network(graph_dir)
        if fmt == "csv":
            # Gephi's spreadsheet import reads Id and Label, Source, Target, Type and Weight by name.
            nodes = [{"Id": n, "Label": d.get("label", ""), **d} for n, d in sorted(g.nodes(data=True))]
            edges = sorted(({"Source": u, "Target": v, "Type": "Undirected", "Weight": d["weight"], **d}
                            for u, v, d in g.edges(data=True)), key=lambda e: (e["Source"], e["Target"], e["kind"]))
            stem = out.with_suffix("")
            paths = [Path(f"{stem}-nodes.csv"), Path(f"{stem}-edges.csv")]
            atomic_write(paths[0], _csv(nodes, ["Id", "Label", "label_en", "type", "country"]))
            atomic_write(paths[1], _csv(edges, ["Source", "Target", "Type", "Weight", "kind", "dates", "first", "since", "start", "end"]))
            return paths
        g = _xml_safe(g)
        buf = io.BytesIO()
        if fmt == "gexf":
            nx.write_gexf(g, buf)
        else:
            nx.write_graphml(g, buf)
        atomic_write(out, buf.getvalue())
        return [out]
    if fmt == "jsonld":
        ds = load_build(graph_dir)
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        if named_graphs:
            doc = json.loads(ds.serialize(format="json-ld", context=context))
        else:
            # The union of the document graphs as one graph, like graph.ttl: what
            # rdflib.Graph().parse("g.jsonld") and other JSON-LD readers load.
            union = Graph()
            for prefix, ns in PREFIXES.items():
                union.bind(prefix, ns)
            for s_, p_, o_, _ in ds.quads((None, None, None, None)):
                union.add((s_, p_, o_))
            doc = json.loads(union.serialize(format="json-ld", context=context))
        data = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    else:
        quads = build_quads(graph_dir)
        data = {"ttl": rdf_out.turtle, "trig": rdf_out.trig}[fmt](quads, PREFIXES) if fmt in ("ttl", "trig") else \
            (rdf_out.ntriples(quads) if fmt == "nt" else rdf_out.nquads(quads))
    atomic_write(out, data)
    return [out]
