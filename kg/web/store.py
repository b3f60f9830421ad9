"""The build the pages read: named queries through kg's Python API, and the few lookups pages add.

Every query runs in a process of its own ended at the server's timeout (:mod:`kg.bounded`),
as the endpoint's do. A build is read-only while served, but ``kg build`` may switch it to a
new generation at any time: answers are kept per generation (the store's real path), so a
page never mixes two builds and a rebuild shows at the next request.

The page queries below (:data:`STATS`, :data:`NAMES`, :data:`FACTS_OF_ENTITY`, …) are what a
page needs beside the named queries (counts, labels for a search box, the parties of each
fact); parameters are bound by the engine (``?_entity``, ``?_doc``), never pasted in.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import pyoxigraph as ox

from ..outputs import STORE_DIR
from ..query import QueryResult, load_query, run_query

ID_BASE = "https://kg.example.org/id/"
PREFIXES = """PREFIX kg: <https://kg.example.org/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
ENTITY_CLASSES = """VALUES (?class ?type) {
  (schema:Person "Person") (schema:City "City") (schema:Country "Country") (kg:Region "Region")
  (schema:Corporation "Company") (schema:Organization "Organization") (schema:Event "Event") }"""
FACT_CLASSES = """VALUES (?fc ?factType) {
  (kg:Meeting "Meeting") (kg:PartnerLink "PartnerLink") (kg:Attendance "Attendance") (kg:Position "Position") }"""
ENTITY_TYPES = ("Person", "City", "Country", "Region", "Company", "Organization", "Event")
FACT_TYPES = ("Meeting", "PartnerLink", "Attendance", "Position")

STATS = [
    PREFIXES + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d a kg:Document } }",
    PREFIXES + "SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a ?class } " + ENTITY_CLASSES + " } GROUP BY ?type",
    PREFIXES + "SELECT ?factType (COUNT(DISTINCT ?f) AS ?n) WHERE { GRAPH ?g { ?f a ?fc } " + FACT_CLASSES + " } GROUP BY ?factType",
    PREFIXES + """SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {
  GRAPH ?g { ?f a ?fc ; kg:date ?dl } """ + FACT_CLASSES + """ BIND(SUBSTR(STR(?dl), 1, 10) AS ?d) FILTER(?d != "") }""",
    PREFIXES + """SELECT ?home (MIN(STR(?hl)) AS ?name) (COUNT(DISTINCT ?f) AS ?n) WHERE {
  GRAPH ?g { { ?f a kg:Meeting ; kg:homePlace ?home } UNION { ?f a kg:PartnerLink ; kg:home ?home }
             ?home skos:prefLabel ?hl FILTER(LANG(?hl) = "zh") } } GROUP BY ?home ORDER BY DESC(?n) ?name""",
    PREFIXES + """SELECT ?doc (MIN(STR(?t)) AS ?title) (MIN(STR(?p)) AS ?date) WHERE {
  GRAPH ?g { ?d a kg:Document ; kg:docId ?doc OPTIONAL { ?d schema:name ?t } OPTIONAL { ?d schema:datePublished ?p } } }
GROUP BY ?doc ORDER BY ?doc LIMIT 200""",
]

NAMES = PREFIXES + """SELECT DISTINCT ?entity ?type ?zh ?label WHERE {
  GRAPH ?g { ?entity a ?class ; skos:prefLabel ?zhl ; rdfs:label|skos:prefLabel|skos:altLabel ?l . FILTER(LANG(?zhl) = "zh") }
  """ + ENTITY_CLASSES + """
  BIND(STR(?zhl) AS ?zh) BIND(STR(?l) AS ?label)
}"""

# One row per (fact, party): a fact the entity takes part in, or one read from the document.
# The facts are found from the bound entity or document first; each LATERAL block then reads one
# fact's class, source, parties and details by its IRI. (Oxigraph plans a plain group of these
# patterns as hash joins over every fact in the store: 20-60 s on a 10,000-document build, where
# this takes milliseconds.)
_FACT_DETAILS = """
  LATERAL { GRAPH ?g { ?fact a ?fc . """ + FACT_CLASSES + """ } }
  LATERAL { GRAPH ?g { ?fact prov:wasDerivedFrom ?ev . ?ev kg:line ?line ; kg:quote ?q ; kg:document ?d . ?d kg:docId ?docLit } }
  LATERAL { GRAPH ?g { { ?fact kg:participation ?p . ?p kg:agent ?party ; kg:side ?r }
            UNION { ?fact ?link ?party . VALUES (?link ?r) { (kg:home "home") (kg:partner "partner") (kg:holder "holder")
                    (kg:body "body") (kg:event "event") (kg:agent "agent") (kg:homePlace "homePlace") } } } }
  LATERAL { GRAPH ?g { ?party skos:prefLabel ?pl . FILTER(LANG(?pl) = "zh") } }
  LATERAL { OPTIONAL { GRAPH ?g { ?party a ?class . """ + ENTITY_CLASSES + """ } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?fact kg:date ?dl } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?fact kg:mode|kg:relation|kg:role|kg:title|kg:since ?det } } }
  BIND(STR(?docLit) AS ?doc) BIND(STR(?q) AS ?quote) BIND(STR(?pl) AS ?partyName) BIND(STR(?r) AS ?role)
  BIND(COALESCE(STR(?dl), "") AS ?date) BIND(COALESCE(STR(?det), "") AS ?detail)
}"""
_FACT_HEAD = "SELECT DISTINCT ?fact ?factType ?date ?detail ?doc ?line ?quote ?party ?partyName ?type ?role {} WHERE {{\n"
# (Each fact is read in its document's graph, where its parties' labels are: the union of all graphs
# holds an entity's label once per document that names it.)
FACTS_OF_ENTITY = PREFIXES + _FACT_HEAD.format("?_entity") + """  { GRAPH ?g { ?ep kg:agent ?_entity . ?fact kg:participation ?ep } }
  UNION { GRAPH ?g { ?fact kg:home|kg:partner|kg:holder|kg:body|kg:event|kg:agent|kg:homePlace ?_entity } }""" + _FACT_DETAILS
FACTS_OF_DOC = PREFIXES + _FACT_HEAD.format("?_doc") + """  GRAPH ?g { ?dn kg:docId ?_doc } LATERAL { GRAPH ?g { ?ev kg:document ?dn } }
  LATERAL { GRAPH ?g { ?fact prov:wasDerivedFrom ?ev } }""" + _FACT_DETAILS

# The heading of an entity's page: what entity.rq repeats on every row, read from the bound entity
# (entity.rq picks its entity out of all of them: 30 s and more on a 10,000-document build).
ENTITY_HEAD = PREFIXES + """SELECT ?_entity (GROUP_CONCAT(DISTINCT ?typeName; separator=";") AS ?type)
       (MIN(?zh) AS ?nameZh) (MIN(?en) AS ?nameEn) (MIN(?py) AS ?namePinyin)
       (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases)
       (GROUP_CONCAT(DISTINCT ?title; separator=";") AS ?titles)
       (GROUP_CONCAT(DISTINCT ?affName; separator=";") AS ?affiliations)
       (MIN(?cName) AS ?countryName) WHERE {
  GRAPH ?g { ?_entity a ?class ; skos:prefLabel ?zhLabel . FILTER(LANG(?zhLabel) = "zh") }
  VALUES (?class ?typeName) {
    (schema:Person "Person") (schema:City "City") (schema:Country "Country") (kg:Region "Region")
    (schema:Corporation "Company") (schema:Organization "Organization") (schema:Event "Event") }
  LATERAL { OPTIONAL { GRAPH ?g { ?_entity skos:prefLabel ?enLabel . FILTER(LANG(?enLabel) = "en") } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?_entity skos:prefLabel ?pyLabel . FILTER(LANGMATCHES(LANG(?pyLabel), "zh-Latn-pinyin")) } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?_entity rdfs:label|skos:altLabel ?aliasLit } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?_entity schema:jobTitle ?titleLit } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?_entity schema:affiliation ?aff . ?aff skos:prefLabel ?affLabel . FILTER(LANG(?affLabel) = "zh") } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?_entity kg:country ?c . ?c skos:prefLabel ?cLabel . FILTER(LANG(?cLabel) = "zh") } } }
  BIND(STR(?zhLabel) AS ?zh) BIND(STR(?enLabel) AS ?en) BIND(STR(?pyLabel) AS ?py)
  BIND(IF(STR(?aliasLit) != STR(?zhLabel), STR(?aliasLit), ?nothing) AS ?alias)
  BIND(STR(?titleLit) AS ?title) BIND(STR(?affLabel) AS ?affName) BIND(STR(?cLabel) AS ?cName)
} GROUP BY ?_entity"""
# Where the documents name an entity (its mentions), from the bound entity.
ENTITY_MENTIONS = PREFIXES + """SELECT DISTINCT ?doc ?line ?quote ?_entity WHERE {
  GRAPH ?g { ?_entity prov:wasDerivedFrom ?ev }
  LATERAL { GRAPH ?g { ?ev a kg:Evidence ; kg:line ?line ; kg:quote ?q ; kg:document ?d . ?d kg:docId ?docLit } }
  BIND(STR(?docLit) AS ?doc) BIND(STR(?q) AS ?quote)
} ORDER BY ?doc ?line ?quote"""

RESOURCE = PREFIXES + "SELECT DISTINCT ?p ?o ?_entity WHERE { GRAPH ?g { ?_entity ?p ?o } } ORDER BY ?p ?o LIMIT 500"
DOCUMENT = PREFIXES + """SELECT ?p ?o ?_doc WHERE { GRAPH ?g { ?d kg:docId ?_doc ; ?p ?o } }"""


@dataclass
class Name:
    """An entity as the search box knows it: its IRI, type, Chinese name and every label."""

    iri: str
    type: str
    zh: str
    labels: list[str] = field(default_factory=list)


def _term(kind: str, value: str):
    return ox.NamedNode(value) if kind == "iri" else ox.Literal(value)


def _select_in_store(store_dir: str, queries: list[tuple[str, dict[str, tuple[str, str]]]]) -> list[tuple[list[str], list[list[str]]]]:
    """Each (SPARQL text, substitutions) on the store opened in this process: (columns, rows of strings)."""
    store = ox.Store.read_only(store_dir)
    out = []
    for text, subs in queries:
        res = store.query(text, substitutions={ox.Variable(k): _term(*v) for k, v in subs.items()}, use_default_graph_as_union=True)
        cols = [v.value for v in res.variables if not v.value.startswith("_")]
        rows = [["" if sol[c] is None else sol[c].value for c in cols] for sol in res]
        del res
        out.append((cols, rows))
    return out


class Build:
    """A build folder served read-only; answers kept per generation."""

    def __init__(self, graph_dir: str | Path, timeout: float = 30.0, memory: int | None = None, limit: int = 10000,
                 cache_size: int = 256) -> None:
        self.dir = Path(graph_dir)
        self.timeout = timeout
        self.memory = memory
        self.limit = limit
        self._cache: OrderedDict[tuple, object] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    @property
    def store_dir(self) -> str:
        return str(self.dir / STORE_DIR)

    def generation(self) -> str:
        return os.path.realpath(self.store_dir)

    def _cached(self, key: tuple, make):
        key = (self.generation(), *key)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = make()
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return value

    def named(self, name: str, params: Mapping[str, str | list[str]] | None = None, terms: bool = False,
              check_names: bool = True) -> QueryResult:
        """The rows of a named query, as ``kg query NAME --param …`` gives them (kg's own Python API)."""
        params = {k: v for k, v in (params or {}).items() if v not in ("", [], None)}
        key = ("named", name, terms, tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items())))
        return self._cached(key, lambda: run_query(name, self.dir, params, limit=self.limit, timeout=self.timeout,
                                                   memory=self.memory, terms=terms, check_names=check_names))

    def select(self, queries: list[tuple[str, dict[str, tuple[str, str]]]]) -> list[list[dict[str, str]]]:
        """Page queries, run together in one bounded process: a list of row dicts for each."""
        from ..bounded import DEFAULT_MEMORY, run_bounded

        key = ("select", tuple((t, tuple(sorted(s.items()))) for t, s in queries))

        def make():
            answers = run_bounded(_select_in_store, (self.store_dir, queries), self.timeout, self.memory or DEFAULT_MEMORY,
                                  what="page query")
            return [[dict(zip(cols, row)) for row in rows] for cols, rows in answers]

        return self._cached(key, make)

    def stats(self) -> dict:
        docs, types, facts, dates, homes, documents = self.select([(q, {}) for q in STATS])
        return {
            "documents": int(docs[0]["n"]) if docs else 0,
            "entities": {t: int(next((r["n"] for r in types if r["type"] == t), 0)) for t in ENTITY_TYPES},
            "facts": {t: int(next((r["n"] for r in facts if r["factType"] == t), 0)) for t in FACT_TYPES},
            "first": dates[0].get("first", "") if dates else "",
            "last": dates[0].get("last", "") if dates else "",
            "homes": homes,
            "document_list": documents,
        }

    def names(self) -> list[Name]:
        def make() -> list[Name]:
            by_iri: dict[str, Name] = {}
            for r in self.select([(NAMES, {})])[0]:
                n = by_iri.setdefault(r["entity"], Name(r["entity"], r["type"], r["zh"]))
                if r["label"] not in n.labels:
                    n.labels.append(r["label"])
            return sorted(by_iri.values(), key=lambda n: (len(n.zh), n.zh))

        return self._cached(("names",), make)

    def search(self, q: str, type_: str = "", limit: int = 20) -> list[Name]:
        """Entities (of the comma-separated types ``type_``, if given) whose Chinese, English or pinyin name or alias holds ``q`` (spaces and case aside):
        exact names first, then names that begin with it."""
        q = "".join(q.split()).casefold()
        if not q:
            return []
        types = {t for t in type_.split(",") if t}
        found = []
        for n in self.names():
            if types and n.type not in types:
                continue
            forms = ["".join(label.split()).casefold() for label in n.labels]
            if any(q in f for f in forms):
                rank = 0 if q in forms else 1 if any(f.startswith(q) for f in forms) else 2
                found.append((rank, len(n.zh), n.zh, n))
        found.sort(key=lambda t: t[:3])
        return [t[3] for t in found[:limit]]

    def resource(self, iri: str) -> list[dict[str, str]]:
        return self.select([(RESOURCE, {"_entity": ("iri", iri)})])[0]

    def entity(self, iri: str) -> tuple[dict[str, str], list[dict[str, str]], list[dict[str, str]]]:
        """What an entity's page shows, read from the bound entity in one bounded process: its labels,
        type, titles, affiliations and country (the row entity.rq repeats on each of its facts; {} if
        it is no entity), the (document, line, quote) of each of its mentions, and its facts' rows."""
        subs = {"_entity": ("iri", iri)}
        head, mentions, facts = self.select([(ENTITY_HEAD, subs), (ENTITY_MENTIONS, subs), (FACTS_OF_ENTITY, subs)])
        return (head[0] if head and head[0].get("nameZh") else {}), mentions, facts

    def document(self, doc: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        """The document's own triples (title, publisher …) and the rows of its facts."""
        info, facts = self.select([(DOCUMENT, {"_doc": ("lit", doc)}), (FACTS_OF_DOC, {"_doc": ("lit", doc)})])
        return info, facts

    @staticmethod
    def query_text(name: str) -> str:
        return load_query(name).text
