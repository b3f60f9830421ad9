"""The city-partners network: home places at the centre, partner places coloured by country."""
from __future__ import annotations

from pathlib import Path

from ..query import QueryResult, open_dataset, run_query
from .colours import HOME, country_colours
from .network import RELATION_STYLE, View, add_node, facet, finish, relation_legend, Lookup


def relation_label(rel: str) -> str:
    return RELATION_STYLE.get(rel, ("", False, 1, rel))[3]


def city_partners(graph, rows: QueryResult | None = None, top: int | None = None) -> View:
    """Home places and partner places from the ``city-partners`` query; the page lists the ties of a selection."""
    ds = graph if not isinstance(graph, (str, Path)) else open_dataset(graph)
    # (A build folder is asked as such: its table answers at once, kg.tables.)
    rows = rows or run_query("city-partners", graph if isinstance(graph, (str, Path)) else ds, terms=False)
    en = Lookup(ds)
    view = View("友好城市与合作伙伴 City partners", facts_title="关系 Ties")
    if top:
        view.top = top
    colour = country_colours(sorted({r["countryName"] for r in rows.rows if r["countryName"]}))
    for r in rows.rows:
        rel = r["relation"]
        h = add_node(view, r["home"], r["homeName"], "City", en.get(r["home"], ""), relation=[rel], country=[r["countryName"]])
        h.update(color=HOME, shape="star", fixedNode=True, lg=["side:home-place"])
        p = add_node(view, r["partner"], r["partnerName"], "City", en.get(r["partner"], ""), relation=[rel], country=[r["countryName"]])
        if r["partner"] != r["home"]:
            p["color"] = colour.get(r["countryName"], "#9e9e9e")
            p["lg"] = ["type:City", f"country:{r['countryName']}"]
        p["value"] += 1
        h["value"] += 1
        key = f"{r['home']}|{r['partner']}|{rel}"
        col, dashes, width, _ = RELATION_STYLE.get(rel, ("#999999", False, 1, rel))
        e = view.edges.setdefault(key, {"id": key, "from": r["home"], "to": r["partner"], "relation": [rel], "country": [r["countryName"]],
                                         "color": col, "dashes": dashes, "width": width, "since": "", "m": [],
                                         "lg": [f"relation:{rel}"], "_lines": []})
        if r["since"]:
            e["since"] = r["since"]
        e["m"].append(len(view.facts))
        view.facts.append({"kind": "PartnerLink", "label": relation_label(rel), "date": r["date"], "mode": "",
                           "doc": r["doc"], "line": r["line"], "quote": r["quote"], "persons": [r["homeName"], r["partnerName"]],
                           "note": f"since {r['since']}" if r["since"] else ""})
        e["_lines"].append(f"{r['date'] or '—'} · {r['doc']}:{r['line']}\n“{r['quote']}”")
        p["_lines"].append(relation_label(rel) + (f", since {r['since']}" if r["since"] else ""))
    for e in view.edges.values():
        e["label"] = f"since {e['since']}" if e["since"] else ""
        e["tip"] = relation_label(e["relation"][0]) + (f" · since {e['since']}" if e["since"] else "") + "\n\n" + "\n\n".join(e.pop("_lines"))
    for n in view.nodes.values():
        n["value"] = max(1, n["value"])
    view.filters = [
        facet("关系 Relation", "relation", [r["relation"] for r in rows.rows]),
        facet("国家 Country", "country", [r["countryName"] for r in rows.rows]),
    ]
    view.legend = [{"key": "side:home-place", "group": "地方 Places", "label": "中方地方 home place", "glyph": "★", "color": HOME}]
    view.legend += relation_legend(r["relation"] for r in rows.rows)
    view.legend += [{"key": f"country:{c}", "group": "国家 Country", "label": c, "color": colour[c]} for c in sorted(colour)]
    return finish(view)
