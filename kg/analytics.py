"""The graph as networkx networks, for analytics and for Gephi-ready exports.

- :func:`who_met_whom_network` — leaders and counterparts, one edge per pair
  with the number of meetings and their dates;
- :func:`leader_company_network` — the bipartite network of home-side
  leaders and the companies whose people they met, and
  :func:`leader_projection`, its projection onto leaders (two leaders are
  linked when they met the same company);
- :func:`city_partner_network` — home places and partner places, one edge per
  relation kind with ``since``.

Every network is built from the named queries' rows, so it holds what SPARQL
answers; nodes carry ``type``, ``label_zh``, ``label_en`` and ``country``.
:func:`stats` summarises a build for ``kg stats``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from networkx.algorithms import bipartite, community

from .query import open_dataset, run_query


def _dataset(graph):
    return open_dataset(graph) if isinstance(graph, (str, Path)) else graph


def _labels(ds) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for r in run_query("entities", ds).rows:
        out.setdefault(r["entity"], {"label_zh": r["name"], "label_en": r["englishName"], "type": r["type"], "country": r["countryName"]})
    return out


def _node(g: nx.Graph, labels: dict, iri: str, name: str, type_: str) -> None:
    if iri not in g:
        info = labels.get(iri, {})
        g.add_node(iri, label_zh=name, label_en=info.get("label_en", ""), type=type_, country=info.get("country", ""))


def who_met_whom_network(graph) -> nx.Graph:
    ds = _dataset(graph)
    labels = _labels(ds)
    g = nx.Graph(name="who-met-whom")
    for r in run_query("who-met-whom", ds).rows:
        _node(g, labels, r["person"], r["personName"], "Person" if "/person/" in r["person"] else "City")
        _node(g, labels, r["counterpart"], r["counterpartName"], r["counterpartType"])
        if g.has_edge(r["person"], r["counterpart"]):
            e = g.edges[r["person"], r["counterpart"]]
            e["count"] += 1
            e["dates"] = ";".join(sorted(set(e["dates"].split(";")) | {r["date"]}))
        else:
            g.add_edge(r["person"], r["counterpart"], kind="met", count=1, dates=r["date"], first=r["date"])
        e = g.edges[r["person"], r["counterpart"]]
        e["first"] = min(e["first"], r["date"])
    return g


def leader_company_network(graph) -> nx.Graph:
    ds = _dataset(graph)
    labels = _labels(ds)
    g = nx.Graph(name="leaders-companies")
    for r in run_query("companies-met", ds).rows:
        _node(g, labels, r["company"], r["companyName"], "Company")
        g.nodes[r["company"]]["bipartite"] = 1
        for leader in filter(None, r["leaders"].split(";")):
            lid = f"leader:{leader}"
            if lid not in g:
                g.add_node(lid, label_zh=leader, label_en="", type="Person", country="中国", bipartite=0)
            g.add_edge(lid, r["company"], kind="met", count=int(r["meetings"]))
    return g


def leader_projection(g: nx.Graph) -> nx.Graph:
    leaders = [n for n, d in g.nodes(data=True) if d.get("bipartite") == 0]
    return bipartite.weighted_projected_graph(g, leaders)


def city_partner_network(graph) -> nx.MultiGraph:
    ds = _dataset(graph)
    labels = _labels(ds)
    g = nx.MultiGraph(name="city-partners")
    seen = set()
    for r in run_query("city-partners", ds).rows:
        _node(g, labels, r["home"], r["homeName"], "City")
        _node(g, labels, r["partner"], r["partnerName"], labels.get(r["partner"], {}).get("type", "City"))
        key = (r["home"], r["partner"], r["relation"])
        if key in seen:
            continue
        seen.add(key)
        g.add_edge(r["home"], r["partner"], key=r["relation"], kind=r["relation"], since=r["since"], count=1)
    return g


@dataclass
class Stats:
    entities: Counter = field(default_factory=Counter)
    meetings_by_year: Counter = field(default_factory=Counter)
    partners_by_year: Counter = field(default_factory=Counter)
    most_connected: list[tuple[str, str, int]] = field(default_factory=list)
    communities: list[list[str]] = field(default_factory=list)

    def table(self) -> str:
        out = ["entities by type"]
        out += [f"  {t:<14}{n:>6}" for t, n in sorted(self.entities.items())]
        out.append("meetings by year")
        out += [f"  {y:<14}{n:>6}" for y, n in sorted(self.meetings_by_year.items())]
        out.append("city-partner acts by year (undated: —)")
        out += [f"  {y or '—':<14}{n:>6}" for y, n in sorted(self.partners_by_year.items())]
        out.append("most connected (who met whom, by meetings)")
        out += [f"  {name:<20}{t:<14}{n:>4}" for name, t, n in self.most_connected]
        out.append(f"communities (who met whom, greedy modularity): {len(self.communities)}")
        out += [f"  {i + 1}. " + ", ".join(c[:8]) + (" …" if len(c) > 8 else "") for i, c in enumerate(self.communities)]
        return "\n".join(out)


def stats(graph, top: int = 10) -> Stats:
    ds = _dataset(graph)
    s = Stats()
    seen = set()
    for r in run_query("entities", ds).rows:
        if r["entity"] not in seen:
            seen.add(r["entity"])
            s.entities[r["type"]] += 1
    for r in run_query("meetings-by-month", ds).rows:
        s.meetings_by_year[r["month"][:4]] += int(r["meetings"])
    for r in run_query("city-partners", ds).rows:
        s.partners_by_year[r["date"][:4]] += 1
    g = who_met_whom_network(ds)
    strength = sorted(((d, n) for n, d in g.degree(weight="count")), key=lambda x: (-x[0], g.nodes[x[1]]["label_zh"]))
    s.most_connected = [(g.nodes[n]["label_zh"], g.nodes[n]["type"], int(d)) for d, n in strength[:top]]
    if g.number_of_edges():
        comms = community.greedy_modularity_communities(g, weight="count")
        s.communities = sorted(
            (sorted(g.nodes[n]["label_zh"] for n in c) for c in comms), key=lambda c: (-len(c), c)
        )
    return s
