"""The entity view: one entity and every entity that shares a fact with it, from the ``neighbours`` query."""
from __future__ import annotations

from pathlib import Path

from ..query import open_dataset, run_query
from .network import (FACT_LABEL, View, add_node, colour_by_country, facet, finish, side_and_type_legend,
                      style_home, Lookup)


def entity(graph, name: str, depth: int = 1, top: int | None = None) -> View:
    """One entity and the entities that share a fact with it, ``depth`` steps out (1 or 2).

    Meetings, partner links, attendances and positions; the page lists the facts behind a selection.
    """
    ds = graph if not isinstance(graph, (str, Path)) else open_dataset(graph)
    look = Lookup(ds)
    first = run_query("neighbours", ds, {"name": name}, check_names=True).rows
    view = View(f"{name}", facts_title="事实 Facts")
    if top:
        view.top = top
    if not first:
        return finish(view)
    centre = first[0]["entity"]
    frontier = {centre}
    rows = first
    seen: set[str] = set()
    facts: dict[str, int] = {}
    for step in range(max(1, min(depth, 2))):
        nxt: set[str] = set()
        for r in rows:
            a = add_node(view, r["entity"], r["entityName"], r["entityType"], look.get(r["entity"], ""), relation=[r["factType"]])
            if r["entity"] == centre:
                a.update(fixedNode=True)
            b = add_node(view, r["other"], r["otherName"], r["otherType"], look.get(r["other"], ""), relation=[r["factType"]])
            if r["fact"] not in facts:
                facts[r["fact"]] = len(view.facts)
                view.facts.append({"kind": r["factType"], "label": FACT_LABEL.get(r["factType"], r["factType"]), "date": r["date"],
                                   "mode": "", "doc": r["doc"], "line": r["line"], "quote": r["quote"], "persons": [], "note": ""})
            fact = view.facts[facts[r["fact"]]]
            for n in (r["entityName"], r["otherName"]):
                if n not in fact["persons"]:
                    fact["persons"].append(n)
            key = "|".join(sorted((r["entity"], r["other"]))) + "|" + r["factType"]
            e = view.edges.setdefault(key, {"id": key, "from": r["entity"], "to": r["other"], "relation": [r["factType"]], "count": 0,
                                             "m": [], "_lines": []})
            if facts[r["fact"]] not in e["m"]:
                e["count"] += 1
                e["m"].append(facts[r["fact"]])
                e["_lines"].append(f"{r['date'] or '—'} · {r['factType']} · {r['doc']}:{r['line']}\n“{r['quote']}”")
                a["value"] += 1
                b["value"] += 1
            nxt.add(r["other"])
        seen |= frontier
        frontier = nxt - seen
        if step + 1 < depth:
            rows = [r for iri in sorted(frontier) for r in run_query("neighbours", ds, {"entity": iri}).rows]
    for e in view.edges.values():
        e["value"] = e["count"]
        e["label"] = str(e["count"]) if e["count"] > 1 else ""
        e["tip"] = "\n\n".join(e.pop("_lines"))
    for n in view.nodes.values():
        n["value"] = max(1, n["value"])
        if n["type"][0] == "Person" and look.home_side(n["id"]):
            style_home(n)
    if view.nodes[centre].get("home") is None:
        view.nodes[centre].update(borderWidth=4)
    countries = {i: look.country(i) for i, n in view.nodes.items() if n["type"][0] != "Country"}
    countries.update({i: n["label_zh"] for i, n in view.nodes.items() if n["type"][0] == "Country"})
    view.legend = side_and_type_legend({t for n in view.nodes.values() for t in n["type"]})
    colour_by_country(view, {i: c for i, c in countries.items() if c})
    view.filters = [facet("事实 Fact", "relation", [r for e in view.edges.values() for r in e["relation"]])]
    return finish(view)
