"""The SPARQL results formats, written from pyoxigraph's terms."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox

from kg.web import results

R = "{http://www.w3.org/2005/sparql-results#}"
ROW = (ox.NamedNode("https://kg.example.org/id/person/yin-yong"), ox.Literal("殷勇\t\n\"x\"", language="zh"),
       ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), None, ox.BlankNode("b0"))
VARS = ["s", "name", "n", "missing", "b"]


def test_json_keeps_languages_and_datatypes_and_leaves_out_unbound():
    data = json.loads(results.solutions(VARS, [ROW], "json"))
    b = data["results"]["bindings"][0]
    assert data["head"]["vars"] == VARS and "missing" not in b
    assert b["name"] == {"type": "literal", "value": "殷勇\t\n\"x\"", "xml:lang": "zh"}
    assert b["n"]["datatype"].endswith("#integer") and b["b"] == {"type": "bnode", "value": "b0"}


def test_xml_is_well_formed_even_for_text_xml_cannot_carry():
    bad = ox.Literal("a\x01b\ufffe<&>")
    root = ET.fromstring(results.solutions(["x", *VARS], [(bad, *ROW)], "xml"))
    bindings = root.find(f"{R}results").find(f"{R}result").findall(f"{R}binding")
    assert bindings[0].find(f"{R}literal").text == "a\ufffdb\ufffd<&>"
    assert bindings[2].find(f"{R}literal").get("{http://www.w3.org/XML/1998/namespace}lang") == "zh"
    assert ET.fromstring(results.boolean(True, "xml")).find(f"{R}boolean").text == "true"


def test_csv_and_tsv():
    text = results.solutions(VARS, [ROW], "csv").decode()
    assert text.startswith("s,name,n,missing,b\r\nhttps://kg.example.org/id/person/yin-yong,")
    assert ',_:b0\r\n' in text
    tsv = results.solutions(VARS, [ROW], "tsv").decode().splitlines()
    assert tsv[0] == "?s\t?name\t?n\t?missing\t?b"
    assert tsv[1].split("\t")[0] == "<https://kg.example.org/id/person/yin-yong>" and len(tsv) == 2


def test_turtle_uses_kg_prefixes():
    t = ox.Triple(ROW[0], ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal("殷勇", language="zh"))
    text = results.triples([t], "turtle").decode()
    assert "person:yin-yong skos:prefLabel \"殷勇\"@zh" in text
