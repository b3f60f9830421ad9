"""kg export parses back; kg stats and the networkx bridge answer from the seed graph."""
import csv

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.analytics import city_partner_network, leader_company_network, leader_projection, stats, who_met_whom_network
from kg.cli import main
from kg.export import export
from kg import run_query

FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
           "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}


def _oxigraph_quads(path, fmt):
    """Parse with Oxigraph (a second parser besides rdflib, which wrote the files)."""
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name) if fmt in ("nq", "trig") else "")
            for q in ox.parse(path=str(path), format=FORMATS[fmt])}


def _oxigraph_quads_graphs(path):
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD)}


@pytest.fixture(scope="module")
def reference(seed_build):
    out, _ = seed_build
    quads = _oxigraph_quads(out / "graph.trig", "trig")
    return quads, {(s, p, o, "") for s, p, o, _ in quads}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_rdf_exports_parse_back_to_the_same_triples(seed_build, reference, tmp_path, fmt):
    out, _ = seed_build
    (path,) = export(out, fmt, tmp_path / f"g.{fmt}")
    quads, triples = reference
    got = _oxigraph_quads(path, fmt)
    if fmt in ("nq", "trig"):
        assert got == quads
    elif fmt == "jsonld":
        # JSON-LD keeps the named graphs; compare the triples in them.
        assert {(s, p, o) for s, p, o, _ in _oxigraph_quads_graphs(path)} == {(s, p, o) for s, p, o, _ in triples}
    else:
        assert got == triples
    # Written twice, byte for byte the same.
    again = export(out, fmt, tmp_path / f"again.{fmt}")[0]
    if fmt != "jsonld":
        assert path.read_bytes() == again.read_bytes()


def test_turtle_has_readable_prefixes(seed_build, tmp_path):
    out, _ = seed_build
    text = export(out, "ttl", tmp_path / "g.ttl")[0].read_text(encoding="utf-8")
    assert "@prefix kg: <https://kg.example.org/ns#>" in text and "@prefix schema: <https://schema.org/>" in text


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_network_exports_load_in_networkx_with_attributes(seed_build, tmp_path, fmt):
    out, _ = seed_build
    (path,) = export(out, fmt, tmp_path / f"g.{fmt}")
    g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    kang = g.nodes["https://kg.example.org/id/person/kang-linsong"]
    # No gazetteer gives 康林松 an English name: label_en stays empty (his pinyin is no English name).
    assert kang["type"] == "Person" and kang["label_zh"] == "康林松" and kang["label_en"] == "" and kang["country"] == "德国"
    kinds = {d["kind"] for _, _, d in g.edges(data=True)}
    assert {"met", "sister_city"} <= kinds
    met = [d for u, v, d in g.edges(data=True) if d["kind"] == "met" and "kang-linsong" in u + v and "yin-yong" in u + v]
    assert met and int(met[0]["count"]) == 2 and "2020-01-22" in met[0]["dates"]


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_names_xml_cannot_carry_are_cleaned_from_network_exports(seed_build, tmp_path, monkeypatch, fmt):
    """A control character or U+FFFE in a name (a document can hold one) does not break the XML."""
    from xml.etree import ElementTree

    import kg.export

    out, _ = seed_build
    real = kg.export.network

    def hostile(graph_dir):
        g = real(graph_dir)
        n = next(iter(g.nodes))
        g.nodes[n]["label_zh"] = "王\x01五\ufffe\x1f"
        g.add_edge("urn:x:a\x02", n, kind="met", count=1)
        return g

    monkeypatch.setattr(kg.export, "network", hostile)
    (path,) = export(out, fmt, tmp_path / f"g.{fmt}")
    ElementTree.parse(path)  # well-formed XML
    g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert "王五" in {d.get("label_zh") for _, d in g.nodes(data=True)} and "urn:x:a" in g


def test_csv_node_and_edge_lists(seed_build, tmp_path):
    out, _ = seed_build
    res = CliRunner().invoke(main, ["export", "--graph", str(out), "--format", "csv", "-o", str(tmp_path / "kg.csv")])
    assert res.exit_code == 0, res.output
    nodes = list(csv.DictReader(open(tmp_path / "kg-nodes.csv", encoding="utf-8")))
    edges = list(csv.DictReader(open(tmp_path / "kg-edges.csv", encoding="utf-8")))
    # Gephi's headers: Id and Label; Source, Target, Type and Weight.
    assert list(nodes[0])[:2] == ["Id", "Label"] and list(edges[0])[:4] == ["Source", "Target", "Type", "Weight"]
    ids = {n["Id"] for n in nodes}
    assert all(e["Source"] in ids and e["Target"] in ids for e in edges)
    assert all(n["Label"] and not n["Label"].startswith("http") for n in nodes)
    rows = run_query("who-met-whom", out).rows
    met = [e for e in edges if e["kind"] == "met"]
    assert len(met) == len({(r["person"], r["counterpart"]) for r in rows})
    assert sum(int(e["Weight"]) for e in met) == len(rows)  # (a weight counts the pair's meeting rows)


def test_gexf_and_graphml_load_with_labels_weights_and_time_spells(seed_build, tmp_path):
    """What Gephi needs, checked with networkx: the Chinese name as label, the English name, type
    and country as attributes, a weight per edge and its dates as a time spell (GEXF)."""
    import networkx as nx

    out, _ = seed_build
    for fmt in ("gexf", "graphml"):
        CliRunner().invoke(main, ["export", "--graph", str(out), "--format", fmt, "-o", str(tmp_path / f"kg.{fmt}")])
    g = nx.read_gexf(tmp_path / "kg.gexf")
    beijing = g.nodes["https://kg.example.org/id/place/beijing"]
    assert (beijing["label"], beijing["label_en"], beijing["type"], beijing["country"]) == ("北京", "Beijing", "City", "中国")
    edges = list(g.edges(data=True))
    assert all(d["weight"] >= 1 for _, _, d in edges)
    assert any(d["weight"] > 1 for _, _, d in edges)
    assert all(len(d["start"]) == 10 and d["start"] <= d["end"] for _, _, d in edges if "start" in d)
    assert {d["kind"] for _, _, d in edges} >= {"met", "sister_city"}
    h = nx.read_graphml(tmp_path / "kg.graphml")
    assert h.nodes["https://kg.example.org/id/place/beijing"]["label"] == "北京"


def test_jsonld_is_one_graph_unless_named_graphs_are_asked_for(seed_build, tmp_path):
    import rdflib

    out, _ = seed_build
    CliRunner().invoke(main, ["export", "--graph", str(out), "--format", "jsonld", "-o", str(tmp_path / "g.jsonld")])
    CliRunner().invoke(main, ["export", "--graph", str(out), "--format", "ttl", "-o", str(tmp_path / "g.ttl")])
    union = rdflib.Graph().parse(tmp_path / "g.jsonld")
    assert len(union) == len(rdflib.Graph().parse(tmp_path / "g.ttl")) > 1000
    CliRunner().invoke(main, ["export", "--graph", str(out), "--format", "jsonld", "--named-graphs", "-o", str(tmp_path / "d.jsonld")])
    ds = rdflib.Dataset()
    ds.parse(tmp_path / "d.jsonld", format="json-ld")
    assert len([g for g in ds.graphs() if "/graph/beijing" in str(g.identifier)]) == 2


def test_networks_and_stats(seed_build):
    out, _ = seed_build
    g = who_met_whom_network(out)
    assert g.edges["https://kg.example.org/id/person/yin-yong", "https://kg.example.org/id/person/kang-linsong"]["count"] == 2
    b = leader_company_network(out)
    daimler = "https://kg.example.org/id/org/daimler-ag"
    assert {b.nodes[n]["label_zh"] for n in b[daimler]} >= {"陈吉宁", "殷勇"}
    proj = leader_projection(b)
    assert proj.has_edge("leader:陈吉宁", "leader:殷勇")
    cp = city_partner_network(out)
    assert any(d["kind"] == "sister_city" and d["since"] == "1995" for _, v, d in cp.edges(data=True) if v.endswith("/moscow"))
    s = stats(out)
    assert s.most_connected[0][0] == "殷勇" and s.meetings_by_year["2020"] > s.meetings_by_year["2024"] > 0
    assert sum(len(c) for c in s.communities) == g.number_of_nodes()
    res = CliRunner().invoke(main, ["stats", "--graph", str(out)])
    assert res.exit_code == 0 and "most connected" in res.output and "殷勇" in res.output


def test_turtle_names_each_kind_by_its_prefix(seed_build, tmp_path):
    """person:yin-yong, not id:person\\/yin-yong; rdfs: declared."""
    out, _ = seed_build
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "person:yin-yong" in text and "@prefix rdfs:" in text and "rdfs:label" in text
    assert "id:person\\/" not in text and "<http://www.w3.org/2000/01/rdf-schema#label>" not in text
