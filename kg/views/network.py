"""The network view: nodes, edges, filters, legend and the facts behind the edges, drawn by vis-network.

A :class:`View` is plain data; :meth:`View.html` renders it with pyvis and kg's own template
(``template.html``), one offline page. The builders (:mod:`.meetings`, :mod:`.partners`,
:mod:`.entity`) fill it from the named queries' rows.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import jinja2
import pyoxigraph as ox
from pyvis.network import Network
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from ..rdf.vocab import PINYIN
from ..query import oxigraph_store
from .colours import HOME, UNKNOWN, country_colours

TYPE_STYLE = {  # type → (shape, glyph for the legend, Chinese, English)
    "Person": ("dot", "●", "人物", "Person"),
    "City": ("square", "■", "城市", "City"),
    "Region": ("square", "■", "地区", "Region"),
    "Country": ("triangle", "▲", "国家", "Country"),
    "Company": ("diamond", "◆", "企业", "Company"),
    "Organization": ("hexagon", "⬢", "机构", "Organization"),
    "Event": ("star", "★", "活动", "Event"),
}
RELATION_STYLE = {  # relation → (colour, dashes, width, label)
    "sister_city": ("#d62728", False, 4, "友好城市 sister city"),
    "friendly_exchange": ("#ff7f0e", [8, 4], 2, "友好交流城市 friendly exchange"),
    "letter_of_intent": ("#bcbd22", [4, 4], 2, "意向书 letter of intent"),
    "cooperation_agreement": ("#1f77b4", [10, 3], 2, "合作协议/备忘录 memorandum"),
    "cooperation": ("#17becf", [2, 4], 2, "合作 cooperation"),
    "joint_activity": ("#2ca02c", [6, 6], 2, "共同活动 joint activity"),
    "delegation_visit": ("#9467bd", [3, 6], 2, "代表团访问 delegation visit"),
    "leader_meeting": ("#8c564b", False, 1, "领导人会见 leader meeting"),
}
FACT_LABEL = {"Meeting": "会见 meeting", "PartnerLink": "友城关系 partner link", "Attendance": "出席 attendance",
              "Position": "职务 position"}
TOP = 150  # a network opens on its this many most connected nodes
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
FACETS = ("year", "country", "leader", "relation", "type")


@dataclass
class View:
    """A network ready to render: nodes and edges as vis-network dicts, filters, legend and facts.

    ``facts`` are the meetings (or ties) behind the edges, each ``{"kind", "date", "persons", "quote",
    "doc", "line", "mode", "note"}``; an edge lists its facts by index in ``m``. The page opens on the
    ``top`` most connected nodes, with a control to show more.
    """

    heading: str
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: dict[str, dict] = field(default_factory=dict)
    filters: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    facts_title: str = "会见 Meetings"
    top: int = TOP

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
        return template("template.html").render(
            nodes=nodes, edges=edges, heading=heading, options=options, bgcolor="#ffffff",
            kg={"filters": self.filters, "legend": self.legend, "facts": self.facts, "factsTitle": self.facts_title,
                "top": max(1, int(self.top))},
        )


def template(name: str) -> jinja2.Template:
    """One of the views' templates (autoescaped), able to include pyvis's vis-network files."""
    import pyvis

    pyvis_templates = Path(pyvis.__file__).parent / "templates"
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([
            jinja2.FileSystemLoader(str(resources.files("kg.views"))),
            jinja2.FileSystemLoader(str(pyvis_templates)),
        ]),
        autoescape=True,
    )
    return env.get_template(name)


def add_node(view: View, iri: str, name: str, type_: str, en: str = "", **facets) -> dict:
    shape = TYPE_STYLE.get(type_, ("dot",))[0]
    n = view.nodes.get(iri)
    if n is None:
        n = view.nodes[iri] = {
            "id": iri, "label_zh": name, "label_en": en, "label": name, "shape": shape, "color": UNKNOWN,
            "type": [type_], "value": 0, "tip": "", "lg": [f"type:{type_}"], "_lines": [],
        }
    for k, vals in facets.items():
        n.setdefault(k, [])
        for v in vals:
            if v and v not in n[k]:
                n[k].append(v)
    return n


def style_home(node: dict) -> None:
    """A home-side node: a white fill in a thick red ring (a person) or a red star (a place or body)."""
    if node["type"][0] == "Person":
        node.update(color={"background": "#ffffff", "border": HOME, "highlight": {"background": "#ffecec", "border": HOME}},
                    borderWidth=4, borderWidthSelected=5)
        node["lg"] = [k for k in node["lg"] if k != "side:foreign"] + ["side:home"]
    else:
        node.update(color=HOME, shape="star")
        node["lg"] = [k for k in node["lg"] if not k.startswith("type:")] + ["side:home-place"]
    node["home"] = True


def colour_by_country(view: View, countries: dict[str, str]) -> None:
    """Fill each node that is not home-side with its country's colour (``countries``: node id → country name)."""
    colours = country_colours(sorted(set(countries.values())))
    for iri, n in view.nodes.items():
        if n.get("home"):
            continue
        c = countries.get(iri, "")
        n["color"] = colours.get(c, UNKNOWN)
        n["lg"].append(f"country:{c}" if c else "country:")
        if n["type"][0] == "Person":
            n["lg"].append("side:foreign")
    view.legend += [{"key": f"country:{c}", "group": "国家 Country", "label": c, "color": colours[c]} for c in sorted(colours)]
    if any(not countries.get(i) and not n.get("home") for i, n in view.nodes.items()):
        view.legend.append({"key": "country:", "group": "国家 Country", "label": "未知 unknown", "color": UNKNOWN})


def side_and_type_legend(types) -> list[dict]:
    out = [
        {"key": "side:home", "group": "人物 Persons", "label": "中方人员 home side", "ring": HOME},
        {"key": "side:foreign", "group": "人物 Persons", "label": "外方人员 foreign (fill: country)", "color": "#777777"},
        {"key": "side:home-place", "group": "人物 Persons", "label": "中方地方/机构 home place or body", "glyph": "★", "color": HOME},
    ]
    out += [{"key": f"type:{t}", "group": "类型 Type", "label": f"{TYPE_STYLE[t][2]} {TYPE_STYLE[t][3]}",
             "glyph": TYPE_STYLE[t][1], "color": "#555555"} for t in sorted(types) if t in TYPE_STYLE]
    return out


def relation_legend(relations) -> list[dict]:
    relations = set(relations)
    return [{"key": f"relation:{k}", "group": "关系 Relation", "label": v[3], "color": v[0], "dashes": bool(v[1])}
            for k, v in RELATION_STYLE.items() if k in relations]


def finish(view: View) -> View:
    """Tooltips, sorted facets, and each node's rank by degree (0 = the most connected)."""
    degree: dict[str, int] = {}
    for e in view.edges.values():
        for end in (e["from"], e["to"]):
            degree[end] = degree.get(end, 0) + 1
    for n in view.nodes.values():
        lines = n.pop("_lines")
        n["tip"] = "\n".join([f"{n['label_zh']}" + (f" ({n['label_en']})" if n["label_en"] else "") + f" · {n['type'][0]}", *lines])
        for k in FACETS:
            if k in n:
                n[k] = sorted(n[k])
        n["degree"] = degree.get(n["id"], 0)
        n["lg"] = sorted(set(n["lg"]))
    ranked = sorted(view.nodes.values(), key=lambda n: (not n.get("fixedNode"), -n["degree"], -n["value"], n["label_zh"], n["id"]))
    for i, n in enumerate(ranked):
        n["rank"] = i
    for e in view.edges.values():
        for k in FACETS:
            if k in e:
                e[k] = sorted(set(e[k]))
        e["m"] = sorted(set(e.get("m", [])))
        e["lg"] = sorted(set(e.get("lg", [])))
    return view


def facet(title: str, key: str, values, kind: str = "set") -> dict:
    return {"title": title, "key": key, "kind": kind, "values": sorted({v for v in values if v})}


class Lookup:
    """Labels, countries and sides of single entities, read from the store per node, not for the whole graph."""

    def __init__(self, ds) -> None:
        self.ds = ds
        self.store = oxigraph_store(ds)
        self.cache: dict[tuple[str, str], object] = {}

    def _objects(self, iri: str, pred: str) -> list:
        """Objects of ``iri pred ?o`` as (language, text) for literals, IRIs as strings."""
        if self.store is not None:
            quads = self.store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(pred), None, None)
            return [((q.object.language or "").lower(), q.object.value) if isinstance(q.object, ox.Literal) else q.object.value
                    for q in quads]
        return [((o.language or "").lower(), str(o)) if isinstance(o, Literal) else str(o)
                for o in self.ds.objects(URIRef(iri), URIRef(pred))]

    def _subjects(self, pred: str, iri: str) -> list[str]:
        if self.store is not None:
            return [q.subject.value for q in self.store.quads_for_pattern(None, ox.NamedNode(pred), ox.NamedNode(iri), None)]
        return [str(s) for s in self.ds.subjects(URIRef(pred), URIRef(iri))]

    def english(self, iri: str, default: str = "") -> str:
        """The English label (the least if several), else the pinyin marked as such: ``Chen Jining (pinyin)``."""
        key = (iri, "en")
        if key not in self.cache:
            labels = [o for o in self._objects(iri, str(SKOS.prefLabel)) if isinstance(o, tuple)]
            english = sorted(v for lang, v in labels if lang == "en")
            pinyin = sorted(v for lang, v in labels if lang == PINYIN.lower())
            self.cache[key] = english[0] if english else f"{pinyin[0]} (pinyin)" if pinyin else ""
        return self.cache[key] or default

    get = english

    def name(self, iri: str) -> str:
        """The name as written (the least ``rdfs:label``), else the Chinese preferred label."""
        key = (iri, "name")
        if key not in self.cache:
            written = sorted(v for o in self._objects(iri, str(RDFS.label)) if isinstance(o, tuple) for v in [o[1]])
            zh = sorted(v for o in self._objects(iri, str(SKOS.prefLabel)) if isinstance(o, tuple) and o[0] == "zh" for v in [o[1]])
            self.cache[key] = (written or zh or [""])[0]
        return self.cache[key]

    def country(self, iri: str) -> str:
        """The Chinese name of the entity's country (``kg:country``), or ''."""
        from ..rdf.vocab import KG

        key = (iri, "country")
        if key not in self.cache:
            names = sorted(v for c in self._objects(iri, str(KG.country)) if isinstance(c, str)
                           for o in self._objects(c, str(SKOS.prefLabel)) if isinstance(o, tuple) and o[0] == "zh" for v in [o[1]])
            self.cache[key] = names[0] if names else ""
        return self.cache[key]

    def home_side(self, iri: str) -> bool:
        """Whether the entity is ever on the home side of a meeting."""
        from ..rdf.vocab import KG

        key = (iri, "home")
        if key not in self.cache:
            self.cache[key] = any(("", "home") in self._objects(p, str(KG.side)) for p in self._subjects(str(KG.agent), iri))
        return self.cache[key]
