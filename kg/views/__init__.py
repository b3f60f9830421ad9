"""Interactive network views: pyvis networks rendered with kg's own offline template.

- :func:`who_met_whom` — home-side leaders and their counterparts, sized by
  meetings, an edge per pair with its count; filters by year, country, type
  and leader.
- :func:`city_partners` — home places at the centre, partner cities coloured
  by country, edges styled by relation kind with ``since``; a filter by kind.
- :func:`entity` — one entity and what is linked to it, one or two steps out.

Every view is built from the named queries' rows, so what is drawn is what
SPARQL returns. The page inlines vis-network (shipped with pyvis) and uses no
other host; document strings reach it only as JSON or escaped text, and
tooltips are text nodes (see ``template.html``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import jinja2
import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import SKOS
from pyvis.network import Network

from ..errors import ParameterError
from ..query import QueryResult, open_dataset, oxigraph_store, run_query
from ..rdf.vocab import PINYIN

TYPE_STYLE = {  # type → (shape, colour, Chinese, English)
    "Person": ("dot", "#4e79a7", "人物", "Person"),
    "City": ("square", "#59a14f", "城市", "City"),
    "Region": ("square", "#8cd17d", "地区", "Region"),
    "Country": ("triangle", "#f28e2b", "国家", "Country"),
    "Company": ("diamond", "#e15759", "企业", "Company"),
    "Organization": ("hexagon", "#b07aa1", "机构", "Organization"),
    "Event": ("star", "#edc948", "活动", "Event"),
}
RELATION_STYLE = {  # relation → (colour, dashes, width, label)
    "sister_city": ("#d62728", False, 4, "友好城市 sister city"),
    "friendly_exchange": ("#ff7f0e", [8, 4], 2, "友好交流备忘录 friendly exchange"),
    "letter_of_intent": ("#bcbd22", [4, 4], 2, "意向书 letter of intent"),
    "cooperation_agreement": ("#1f77b4", [10, 3], 2, "合作协议/备忘录 memorandum"),
    "cooperation": ("#17becf", [2, 4], 2, "合作 cooperation"),
    "joint_activity": ("#2ca02c", [6, 6], 2, "共同活动 joint activity"),
    "delegation_visit": ("#9467bd", [3, 6], 2, "代表团访问 delegation visit"),
    "leader_meeting": ("#8c564b", False, 1, "领导人会见 leader meeting"),
}
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
           "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
VIEWS = ("who-met-whom", "city-partners", "entity")
OPTIONS = {
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50},
    },
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "nodes": {"font": {"size": 14, "face": "WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"}},
    "edges": {"smooth": False, "color": {"inherit": False}},
    "layout": {"improvedLayout": False, "randomSeed": 7},
}


@dataclass
class View:
    """A network ready to render: nodes and edges as vis-network dicts, filters and legend."""

    heading: str
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: dict[str, dict] = field(default_factory=dict)
    filters: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)

    def html(self) -> str:
        net = Network(height="100vh", width="100%", directed=False, heading=self.heading, cdn_resources="in_line")
        for n in self.nodes.values():
            # What pyvis's add_node stores, without its linear search for the id (ids are unique here).
            opts = {k: v for k, v in n.items() if k not in ("id", "label", "shape")}
            opts.update(id=n["id"], label=n["label"], shape=n["shape"])
            net.nodes.append(opts)
            net.node_ids.append(n["id"])
            net.node_map[n["id"]] = opts
        # pyvis's add_edge keeps one edge per pair of nodes; a view may draw several (one per relation kind).
        net.edges.extend(dict(e) for e in self.edges.values())
        net.set_options(json.dumps(OPTIONS))
        nodes, edges, heading, _, _, options = net.get_network_data()
        return _template().render(
            nodes=nodes, edges=edges, heading=heading, options=options, bgcolor="#ffffff",
            kg={"filters": self.filters, "legend": self.legend},
        )


def _template() -> jinja2.Template:
    import pyvis

    pyvis_templates = Path(pyvis.__file__).parent / "templates"
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([
            jinja2.FileSystemLoader(str(resources.files("kg.views"))),
            jinja2.FileSystemLoader(str(pyvis_templates)),
        ]),
        autoescape=True,
    )
    return env.get_template("template.html")


def _add_node(view: View, iri: str, name: str, type_: str, en: str = "", **facets) -> dict:
    shape, colour, _, _ = TYPE_STYLE.get(type_, ("dot", "#999999", type_, type_))
    n = view.nodes.get(iri)
    if n is None:
        n = view.nodes[iri] = {
            "id": iri, "label_zh": name, "label_en": en, "label": name, "shape": shape, "color": colour,
            "type": [type_], "value": 0, "tip": "", "_lines": [],
        }
    for k, vals in facets.items():
        n.setdefault(k, [])
        for v in vals:
            if v and v not in n[k]:
                n[k].append(v)
    return n


def _finish(view: View) -> View:
    for n in view.nodes.values():
        lines = n.pop("_lines")
        n["tip"] = "\n".join([f"{n['label_zh']}" + (f" ({n['label_en']})" if n["label_en"] else "") + f" · {n['type'][0]}", *lines])
        for k in ("year", "country", "leader", "relation", "type"):
            if k in n:
                n[k] = sorted(n[k])
    for e in view.edges.values():
        for k in ("year", "country", "leader", "relation", "type"):
            if k in e:
                e[k] = sorted(set(e[k]))
    return view


class _English:
    """English labels (skos:prefLabel@en, the least if several) looked up per node, not for the whole graph.

    Where no English name is known, a person's pinyin romanisation (``@zh-Latn-pinyin``) stands in,
    marked as such: ``Chen Jining (pinyin)``.
    """

    def __init__(self, ds) -> None:
        self.ds = ds
        self.store = oxigraph_store(ds)
        self.cache: dict[str, str] = {}

    def _labels(self, iri: str) -> list[tuple[str, str]]:
        """``(language, text)`` of the node's preferred labels, the language in lower case."""
        if self.store is not None:
            quads = self.store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(str(SKOS.prefLabel)), None, None)
            return [((q.object.language or "").lower(), q.object.value) for q in quads if isinstance(q.object, ox.Literal)]
        return [((getattr(o, "language", None) or "").lower(), str(o)) for o in self.ds.objects(URIRef(iri), SKOS.prefLabel)]

    def get(self, iri: str, default: str = "") -> str:
        if iri not in self.cache:
            labels = self._labels(iri)
            english = sorted(v for lang, v in labels if lang == "en")
            pinyin = sorted(v for lang, v in labels if lang == PINYIN.lower())
            self.cache[iri] = english[0] if english else f"{pinyin[0]} (pinyin)" if pinyin else ""
        return self.cache[iri] or default


def _facet(title: str, key: str, values, kind: str = "set") -> dict:
    return {"title": title, "key": key, "kind": kind, "values": sorted({v for v in values if v})}


def who_met_whom(graph, rows: QueryResult | None = None) -> View:
    """Leaders and counterparts from the ``who-met-whom`` query."""
    ds = graph if not isinstance(graph, (str, Path)) else open_dataset(graph)
    rows = rows or run_query("who-met-whom", ds, terms=False)
    en = _English(ds)
    view = View("谁见了谁 Who met whom")
    for r in rows.rows:
        year = r["date"][:4]
        countries = [c for c in r["countryName"].split(";") if c]
        leader = r["personName"]
        facets = dict(year=[year], country=countries, leader=[leader])
        h = _add_node(view, r["person"], r["personName"], "Person" if "/person/" in r["person"] else "City", en.get(r["person"], ""), **facets)
        c = _add_node(view, r["counterpart"], r["counterpartName"], r["counterpartType"], en.get(r["counterpart"], ""), **facets)
        h["value"] += 1
        c["value"] += 1
        key = f"{r['person']}|{r['counterpart']}"
        e = view.edges.setdefault(key, {"id": key, "from": r["person"], "to": r["counterpart"], "count": 0, "year": [], "country": [],
                                         "leader": [], "type": [], "_lines": []})
        e["count"] += 1
        e["year"].append(year)
        e["country"].extend(countries)
        e["leader"].append(leader)
        e["type"].append(r["counterpartType"])
        e["_lines"].append(f"{r['date']} · {r['mode']} · {r['doc']}:{r['line']}\n“{r['quote']}”")
        c["_lines"].append(f"{r['date']} {leader} ({r['mode']})")
    for e in view.edges.values():
        e["value"] = e["count"]
        e["label"] = str(e["count"]) if e["count"] > 1 else ""
        e["tip"] = f"{e['count']} meeting(s)\n\n" + "\n\n".join(e.pop("_lines"))
    for n in view.nodes.values():
        n["value"] = max(1, n["value"])
    types = sorted({r["counterpartType"] for r in rows.rows} | {"Person"})
    view.filters = [
        _facet("年份 Year", "year", [r["date"][:4] for r in rows.rows], "range"),
        _facet("国家 Country", "country", [c for r in rows.rows for c in r["countryName"].split(";")]),
        _facet("类型 Type", "type", [r["counterpartType"] for r in rows.rows]),
        _facet("领导 Leader", "leader", [r["personName"] for r in rows.rows]),
    ]
    view.legend = [{"label": f"{TYPE_STYLE[t][2]} {TYPE_STYLE[t][3]}", "color": TYPE_STYLE[t][1]} for t in types if t in TYPE_STYLE]
    # A leader node passes the type filter whatever counterparts it has; its edges carry the type.
    edge_types: dict[str, set[str]] = {}
    for e in view.edges.values():
        for end in (e["from"], e["to"]):
            edge_types.setdefault(end, set()).update(e["type"])
    for n in view.nodes.values():
        n["type"] = sorted(set(n["type"]) | edge_types.get(n["id"], set()))
    return _finish(view)


def city_partners(graph, rows: QueryResult | None = None) -> View:
    """Home places and partner places from the ``city-partners`` query."""
    ds = graph if not isinstance(graph, (str, Path)) else open_dataset(graph)
    rows = rows or run_query("city-partners", ds, terms=False)
    en = _English(ds)
    view = View("友好城市与合作伙伴 City partners")
    countries = sorted({r["countryName"] for r in rows.rows if r["countryName"]})
    colour = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(countries)}
    for r in rows.rows:
        rel = r["relation"]
        h = _add_node(view, r["home"], r["homeName"], "City", en.get(r["home"], ""), relation=[rel], country=[r["countryName"]])
        h.update(color="#333333", shape="star", fixedNode=True)
        p = _add_node(view, r["partner"], r["partnerName"], "City", en.get(r["partner"], ""), relation=[rel], country=[r["countryName"]])
        p["color"] = colour.get(r["countryName"], "#999999")
        p["value"] += 1
        h["value"] += 1
        key = f"{r['home']}|{r['partner']}|{rel}"
        col, dashes, width, _ = RELATION_STYLE.get(rel, ("#999999", False, 1, rel))
        e = view.edges.setdefault(key, {"id": key, "from": r["home"], "to": r["partner"], "relation": [rel], "country": [r["countryName"]],
                                         "color": col, "dashes": dashes, "width": width, "since": "", "_lines": []})
        if r["since"]:
            e["since"] = r["since"]
        e["_lines"].append(f"{r['date'] or '—'} · {r['doc']}:{r['line']}\n“{r['quote']}”")
        p["_lines"].append(f"{RELATION_STYLE.get(rel, (0, 0, 0, rel))[3]}" + (f", since {r['since']}" if r["since"] else ""))
    for e in view.edges.values():
        e["label"] = f"since {e['since']}" if e["since"] else ""
        rel = e["relation"][0]
        e["tip"] = RELATION_STYLE.get(rel, (0, 0, 0, rel))[3] + (f" · since {e['since']}" if e["since"] else "") + "\n\n" + "\n\n".join(e.pop("_lines"))
    for n in view.nodes.values():
        n["value"] = max(1, n["value"])
    view.filters = [
        _facet("关系 Relation", "relation", [r["relation"] for r in rows.rows]),
        _facet("国家 Country", "country", [r["countryName"] for r in rows.rows]),
    ]
    view.legend = [{"label": RELATION_STYLE[k][3], "color": RELATION_STYLE[k][0], "dashes": bool(RELATION_STYLE[k][1])}
                   for k in RELATION_STYLE if any(r["relation"] == k for r in rows.rows)]
    view.legend += [{"label": c, "color": colour[c]} for c in countries]
    return _finish(view)


def entity(graph, name: str, depth: int = 1) -> View:
    """One entity and the entities that share a fact with it, ``depth`` steps out (1 or 2)."""
    ds = graph if not isinstance(graph, (str, Path)) else open_dataset(graph)
    en = _English(ds)
    first = run_query("neighbours", ds, {"name": name}, check_names=True).rows
    view = View(f"{name}")
    if not first:
        return _finish(view)
    frontier = {first[0]["entity"]}
    rows = first
    seen: set[str] = set()
    for step in range(max(1, min(depth, 2))):
        nxt: set[str] = set()
        for r in rows:
            a = _add_node(view, r["entity"], r["entityName"], r["entityType"], en.get(r["entity"], ""), relation=[r["factType"]])
            if r["entity"] == first[0]["entity"]:
                a.update(fixedNode=True, borderWidth=4)
            b = _add_node(view, r["other"], r["otherName"], r["otherType"], en.get(r["other"], ""), relation=[r["factType"]])
            key = "|".join(sorted((r["entity"], r["other"]))) + "|" + r["factType"]
            e = view.edges.setdefault(key, {"id": key, "from": r["entity"], "to": r["other"], "relation": [r["factType"]], "count": 0, "_lines": []})
            e["count"] += 1
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
        e["tip"] = "\n\n".join(e.pop("_lines"))
    for n in view.nodes.values():
        n["value"] = max(1, n["value"])
    types = sorted({t for n in view.nodes.values() for t in n["type"]})
    view.filters = [_facet("事实 Fact", "relation", [r for e in view.edges.values() for r in e["relation"]])]
    view.legend = [{"label": f"{TYPE_STYLE[t][2]} {TYPE_STYLE[t][3]}", "color": TYPE_STYLE[t][1]} for t in types if t in TYPE_STYLE]
    return _finish(view)


def write(view: View, path: str | Path) -> Path:
    """Write the view's page atomically."""
    from ..outputs import atomic_write

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, view.html().encode("utf-8"))
    return path


def make(view_name: str, graph, **params) -> View:
    """The view ``view_name``; for who-met-whom and city-partners, ``params`` are the query's (from, to, country …)."""
    if view_name in ("who-met-whom", "city-partners"):
        ds = graph if not isinstance(graph, (str, Path)) else open_dataset(graph)
        rows = run_query(view_name, ds, params, terms=False) if params else None
        return (who_met_whom if view_name == "who-met-whom" else city_partners)(ds, rows)
    if view_name == "entity":
        if not params.get("name"):
            raise ParameterError("the entity view needs --param name=…")
        return entity(graph, params["name"], int(params.get("depth", 1)))
    raise ParameterError(f"no view {view_name!r}; views: {', '.join(VIEWS)}")
