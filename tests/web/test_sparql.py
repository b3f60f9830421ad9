"""The endpoint speaks the SPARQL 1.1 Protocol: SPARQLWrapper gets each results format, and is refused what would write."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException
from urllib.error import HTTPError

from kg import run_query
from kg.web.sparql import negotiate

DOCS = "SELECT ?doc WHERE { GRAPH ?g { ?d <https://kg.example.org/ns#docId> ?doc } } ORDER BY ?doc"
EXPECTED = ["beijing-fao-2024-h1-progress", "beijing-yearbook-2020-foreign-affairs"]
YIN = "<https://kg.example.org/id/person/yin-yong>"


def ask(server, query: str, fmt, method: str = "GET"):
    client = SPARQLWrapper(server.url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method == "POST":
        client.setMethod(POST)
    return client.query()


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_json(server, method):
    data = ask(server, DOCS, JSON, method).convert()
    assert [b["doc"]["value"] for b in data["results"]["bindings"]] == EXPECTED


def test_xml(server):
    res = ask(server, DOCS, XML)
    assert res.info()["content-type"].startswith("application/sparql-results+xml")
    doc = res.convert()  # an xml.dom document
    assert [n.firstChild.data for n in doc.getElementsByTagName("literal")] == EXPECTED


def test_csv_and_tsv(server):
    body = ask(server, DOCS, CSV).convert().decode("utf-8")
    assert list(csv.reader(io.StringIO(body))) == [["doc"], *[[d] for d in EXPECTED]]
    body = ask(server, DOCS, TSV).convert().decode("utf-8")
    assert body.splitlines() == ["?doc", *[f'"{d}"' for d in EXPECTED]]


def test_construct_and_describe_in_turtle(server):
    res = ask(server, f"CONSTRUCT {{ {YIN} ?p ?o }} WHERE {{ GRAPH ?g {{ {YIN} ?p ?o }} }}", TURTLE)
    assert res.info()["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=res.convert(), format="turtle")
    assert (rdflib.URIRef(YIN[1:-1]), rdflib.namespace.SKOS.prefLabel, rdflib.Literal("殷勇", lang="zh")) in g
    described = rdflib.Graph().parse(data=ask(server, f"DESCRIBE {YIN}", TURTLE).convert(), format="turtle")
    assert len(described) > 0


def test_n_triples_and_the_format_parameter(client):
    q = f"CONSTRUCT {{ {YIN} ?p ?o }} WHERE {{ GRAPH ?g {{ {YIN} ?p ?o }} }}"
    r = client.get("/query", params={"query": q}, headers={"Accept": "application/n-triples"})
    assert r.headers["content-type"].startswith("application/n-triples")
    assert len(rdflib.Graph().parse(data=r.text, format="nt")) > 0
    r = client.get("/sparql", params={"query": DOCS, "format": "csv"}, headers={"Accept": "application/sparql-results+json"})
    assert r.headers["content-type"].startswith("text/csv") and r.text.split("\r\n")[1] == EXPECTED[0]
    r = client.post("/query", content=DOCS.encode(), headers={"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"})
    assert r.text.splitlines()[0] == "?doc"
    r = client.post("/query", data={"query": "ASK { GRAPH ?g { ?s ?p ?o } }"}, headers={"Accept": "application/sparql-results+xml"})
    assert ET.fromstring(r.content).find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"
    assert client.get("/query", params={"query": DOCS, "format": "png"}).status_code == 400


def test_the_named_queries_answer_alike_over_the_endpoint(server, seed_build):
    from kg.query import load_query

    out, _ = seed_build
    local = run_query("city-partners", out).rows
    data = ask(server, load_query("city-partners").text, JSON).convert()
    remote = [{c: b.get(c, {}).get("value", "") for c in local[0]} for b in data["results"]["bindings"]]
    assert remote == local


@pytest.mark.parametrize("text", [
    "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "CLEAR ALL",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
])
def test_writes_loads_and_service_are_refused(server, client, text):
    with pytest.raises((SPARQLWrapperException, HTTPError)) as err:
        ask(server, text, JSON, "POST")
    assert "403" in str(err.value) or "refused" in str(err.value)
    assert client.post("/query", content=text.encode(), headers={"Content-Type": "application/sparql-query"}).status_code == 403
    assert client.post("/query", data={"update": text}).status_code == 403
    assert client.post("/update", data={"update": text}).status_code == 403
    assert ask(server, "ASK { GRAPH <urn:g> { ?s ?p ?o } }", JSON).convert()["boolean"] is False


def test_protocol_errors(client):
    assert client.get("/query").status_code == 400
    assert client.get("/query", params={"query": "SELECT nonsense"}).status_code == 400
    assert client.get("/query", params={"query": DOCS, "default-graph-uri": "urn:x"}).status_code == 400
    r = client.post("/query", content=b"#" * (2**20 + 1), headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413


@pytest.mark.parametrize("accept, fmt, expected", [
    ("", None, ("json", "turtle")),
    ("application/sparql-results+xml", None, ("xml", "turtle")),
    ("text/csv;q=0.5, text/tab-separated-values", None, ("tsv", "turtle")),
    ("application/n-triples, */*;q=0.1", None, ("json", "ntriples")),
    ("application/sparql-results+json", "csv", ("csv", "turtle")),
    ("", "text/turtle", ("json", "turtle")),
])
def test_negotiation(accept, fmt, expected):
    assert negotiate(accept, fmt) == expected
