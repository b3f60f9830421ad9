"""The who-met-whom network: home-side leaders and their counterparts, from the ``who-met-whom`` query."""
from __future__ import annotations

from pathlib import Path

from ..query import QueryResult, open_dataset, run_query
from .network import (FACT_LABEL, View, add_node, colour_by_country, facet, finish, side_and_type_legend,
                      style_home, Lookup)


def meeting_key(r: dict) -> tuple:
    """One meeting of the who-met-whom rows (a meeting with several pairs has a row for each)."""
    return (r["doc"], r["line"], r["date"], r["mode"], r["quote"])


def who_met_whom(graph, rows: QueryResult | None = None, top: int | None = None) -> View:
    """Leaders and counterparts from the ``who-met-whom`` query.

    Home-side persons are white dots in a red ring, counterparts take their type's shape and their
    country's colour; an edge per pair lists its meetings, and the page lists those of a selection.
    """
    ds = graph if not isinstance(graph, (str, Path)) else open_dataset(graph)
    # (A build folder is asked as such: its table answers at once, kg.tables.)
    rows = rows or run_query("who-met-whom", graph if isinstance(graph, (str, Path)) else ds, terms=False)
    en = Lookup(ds)
    view = View("谁见了谁 Who met whom")
    if top:
        view.top = top
    facts: dict[tuple, int] = {}
    country_of: dict[str, str] = {}
    for r in rows.rows:
        year = r["date"][:4]
        # (Sorted: GROUP_CONCAT's order is the engine's plan's, and a node's colour must not follow it.)
        countries = sorted(c for c in r["countryName"].split(";") if c)
        leader = r["personName"]
        facets = dict(year=[year], country=countries, leader=[leader])
        h = add_node(view, r["person"], r["personName"], "Person" if "/person/" in r["person"] else "City", en.get(r["person"], ""), **facets)
        c = add_node(view, r["counterpart"], r["counterpartName"], r["counterpartType"], en.get(r["counterpart"], ""), **facets)
        style_home(h)
        if countries:
            country_of.setdefault(r["counterpart"], countries[0])
        h["value"] += 1
        c["value"] += 1
        k = meeting_key(r)
        if k not in facts:
            facts[k] = len(view.facts)
            view.facts.append({"kind": "Meeting", "label": FACT_LABEL["Meeting"], "date": r["date"], "mode": r["mode"],
                               "doc": r["doc"], "line": r["line"], "quote": r["quote"], "persons": [], "note": ""})
        fact = view.facts[facts[k]]
        for name in (leader, r["counterpartName"]):
            if name not in fact["persons"]:
                fact["persons"].append(name)
        if r.get("organizationName"):
            fact["note"] = r["organizationName"].replace(";", "、")
        key = f"{r['person']}|{r['counterpart']}"
        e = view.edges.setdefault(key, {"id": key, "from": r["person"], "to": r["counterpart"], "count": 0, "year": [], "country": [],
                                         "leader": [], "type": [], "m": [], "_lines": []})
        e["count"] += 1
        e["year"].append(year)
        e["country"].extend(countries)
        e["leader"].append(leader)
        e["type"].append(r["counterpartType"])
        e["m"].append(facts[k])
        e["_lines"].append(f"{r['date']} · {r['mode']} · {r['doc']}:{r['line']}\n“{r['quote']}”")
        c["_lines"].append(f"{r['date']} {leader} ({r['mode']})")
    for e in view.edges.values():
        e["value"] = e["count"]
        e["label"] = str(e["count"]) if e["count"] > 1 else ""
        e["tip"] = f"{e['count']} meeting(s)\n\n" + "\n\n".join(e.pop("_lines"))
    for n in view.nodes.values():
        n["value"] = max(1, n["value"])
    types = {t for n in view.nodes.values() for t in n["type"]}
    view.legend = side_and_type_legend(types)
    colour_by_country(view, country_of)
    view.filters = [
        facet("年份 Year", "year", [r["date"][:4] for r in rows.rows], "range"),
        facet("国家 Country", "country", [c for r in rows.rows for c in r["countryName"].split(";")]),
        facet("类型 Type", "type", [r["counterpartType"] for r in rows.rows]),
        facet("领导 Leader", "leader", [r["personName"] for r in rows.rows]),
    ]
    # A leader node passes the type filter whatever counterparts it has; its edges carry the type.
    edge_types: dict[str, set[str]] = {}
    for e in view.edges.values():
        for end in (e["from"], e["to"]):
            edge_types.setdefault(end, set()).update(e["type"])
    for n in view.nodes.values():
        n["type"] = [n["type"][0], *sorted((set(n["type"]) | edge_types.get(n["id"], set())) - {n["type"][0]})]
    return finish(view)
