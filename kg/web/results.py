"""SPARQL answers written in the formats of the W3C recommendations, from pyoxigraph's terms.

- SELECT and ASK: the SPARQL 1.1 Query Results JSON, XML, CSV and TSV formats;
- CONSTRUCT and DESCRIBE: Turtle (with kg's prefixes), N-Triples or RDF/XML.

The endpoint keeps at most a set number of rows, so the solutions are written
here from a list rather than by Oxigraph's own writers, which read the whole
answer. Text that XML cannot carry (control characters, U+FFFE) is replaced by
U+FFFD in the XML formats; every other format keeps the data as it is.
"""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Iterable, Sequence

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"

# name → media type, for the answers of SELECT and ASK and of CONSTRUCT and DESCRIBE.
RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}
_RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}
PREFIXES = {
    "kg": "https://kg.example.org/ns#",
    "id": "https://kg.example.org/id/",
    "person": "https://kg.example.org/id/person/",
    "place": "https://kg.example.org/id/place/",
    "org": "https://kg.example.org/id/org/",
    "event": "https://kg.example.org/id/event/",
    "doc": "https://kg.example.org/id/doc/",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def content_type(fmt: str) -> str:
    media = RESULT_TYPES.get(fmt) or GRAPH_TYPES[fmt]
    return f"{media}; charset=utf-8"


def term_json(t) -> dict[str, str]:
    """One term as a binding of the JSON results format."""
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype is not None and t.datatype.value != XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    return {"type": "literal", "value": str(t)}


def _xml(text: str, attribute: bool = False) -> str:
    text = _NOT_XML.sub("\ufffd", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if attribute else text


def _term_xml(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{_xml(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{_xml(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f'<literal xml:lang="{_xml(t.language, True)}">{_xml(t.value)}</literal>'
        if t.datatype is not None and t.datatype.value != XSD_STRING:
            return f'<literal datatype="{_xml(t.datatype.value, True)}">{_xml(t.value)}</literal>'
        return f"<literal>{_xml(t.value)}</literal>"
    return f"<literal>{_xml(str(t))}</literal>"


def _term_csv(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    return t.value if isinstance(t, (ox.NamedNode, ox.Literal)) else str(t)


def solutions(variables: Sequence[str], rows: Iterable[Sequence], fmt: str) -> bytes:
    """The rows (each a sequence of terms or None, in the order of ``variables``) in ``fmt``."""
    if fmt == "json":
        bindings = [{v: term_json(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        body = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
        return json.dumps(body, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0" encoding="utf-8"?>', f'<sparql xmlns="{RESULTS_NS}">', "<head>"]
        out += [f'<variable name="{_xml(v, True)}"/>' for v in variables]
        out += ["</head>", "<results>"]
        for row in rows:
            out.append("<result>")
            out += [f'<binding name="{_xml(v, True)}">{_term_xml(t)}</binding>' for v, t in zip(variables, row) if t is not None]
            out.append("</result>")
        out += ["</results>", "</sparql>", ""]
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(variables)
        for row in rows:
            w.writerow([_term_csv(t) for t in row])
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        # Terms in their Turtle/N-Triples form, which escapes tabs and line breaks inside literals.
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"no results format {fmt!r}")


def boolean(value: bool, fmt: str) -> bytes:
    """An ASK answer in ``fmt``."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": bool(value)}).encode()
    if fmt == "xml":
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="{RESULTS_NS}">\n<head/>\n'
                f"<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n").encode()
    if fmt == "csv":
        return f"_askResult\r\n{'true' if value else 'false'}\r\n".encode()
    if fmt == "tsv":
        return f"?_askResult\n{'true' if value else 'false'}\n".encode()
    raise ValueError(f"no results format {fmt!r}")


def triples(items: list, fmt: str) -> bytes:
    """CONSTRUCT or DESCRIBE triples in ``fmt``."""
    if fmt == "turtle":
        return ox.serialize(items, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return ox.serialize(items, format=_RDF_FORMATS[fmt])
