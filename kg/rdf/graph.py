"""Facts to RDF: one named graph of triples per document, plus the ontology (:func:`build_graphs`).

Entities are described in every document graph that mentions them, so a
document's graph can be replaced or dropped alone. Fact nodes get IRIs
derived from their content (no blank nodes), so the output is deterministic.
"""
from __future__ import annotations

import datetime
import hashlib
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterable

from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, SKOS, XSD

from ..model import Evidence, Facts, Meeting, PartnerLink, Party, Position
from ..resolve import Entity, Resolver
if TYPE_CHECKING:
    from ..curation import Curation
from .vocab import GRAPH, ID, KG, ONTOLOGY_GRAPH, PINYIN, SCHEMA, WD, segment


@lru_cache(maxsize=1 << 16, typed=True)
def _lit(value, lang: str | None = None, datatype=None) -> Literal:
    """A literal, made once for the names, titles, modes and numbers that recur (rdflib's constructor is slow)."""
    return Literal(value, lang=lang, datatype=datatype)


TYPE_CLASS = {
    "Person": SCHEMA.Person,
    "City": SCHEMA.City,
    "Country": SCHEMA.Country,
    "Region": KG.Region,
    "Company": SCHEMA.Corporation,
    "Organization": SCHEMA.Organization,
    "Event": SCHEMA.Event,
}
# One prefix per kind of thing kg names (person:yin-yong, place:beijing, meeting:…), so that Turtle
# reads as what it says; ``id:`` for the rest.
ID_KINDS = ("person", "place", "org", "event", "meeting", "partnership", "position", "attendance",
            "participation", "evidence", "doc")

PREFIXES = {
    "kg": KG._NS,
    "id": ID,
    **{kind: Namespace(f"{ID}{kind}/") for kind in ID_KINDS},
    "rdfs": RDFS._NS,
    "schema": SCHEMA,
    "prov": PROV,
    "skos": SKOS,
    "owl": OWL,
    "wd": WD,
    "xsd": XSD,
    "kgg": GRAPH,
}


class _Terms:
    """A namespace whose terms are looked up once each. rdflib's DefinedNamespace checks its term
    list on every attribute access: a sixth of the time spent writing a document's graph."""

    def __init__(self, ns) -> None:
        object.__setattr__(self, "_ns", ns)

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._ns, name)
        object.__setattr__(self, name, term)
        return term


RDF, RDFS, OWL, PROV, SKOS, XSD, KG, SCHEMA = map(_Terms, (RDF, RDFS, OWL, PROV, SKOS, XSD, KG, SCHEMA))


def date_literal(iso: str) -> Literal | None:
    """A typed literal for the start of an ISO date as precise as known, or for as much of it as
    the calendar has: a day it has not (``2021-02-30``, ``2021-04-31``) leaves the month
    (xsd:gYearMonth), a month it has not (``2021-13``) the year; a year outside 0001–9999 (``-005``)
    none. (The date as read stays in kg:date as plain text.) Never an invalid typed literal, which
    rdflib would log with a traceback and other tools reject."""
    parts = iso.split("/")[0].split("-")
    if len(parts) > 3 or not all(p.isascii() and p.isdigit() and len(p) == n for p, n in zip(parts, (4, 2, 2))):
        return None
    year, month, day = (int(p) for p in parts + ["0"] * (3 - len(parts)))
    if year < 1:
        return None
    if not 1 <= month <= 12:
        return _lit(parts[0], datatype=XSD.gYear)
    if len(parts) == 3:
        try:
            datetime.date(year, month, day)
        except ValueError:
            return _lit(f"{parts[0]}-{parts[1]}", datatype=XSD.gYearMonth)
        return _lit("-".join(parts), datatype=XSD.date)
    return _lit("-".join(parts), datatype=XSD.gYearMonth)


def _h(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:10]


def ontology_graph() -> Graph:
    g = Graph()
    g.parse(data=resources.files("kg.rdf").joinpath("ontology.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


class _DocWriter:
    def __init__(self, facts: Facts, resolver: Resolver, triples=None) -> None:
        self.facts = facts
        self.r = resolver
        self.doc_iri = ID[f"doc/{segment(facts.doc.id)}"]
        self.graph = GRAPH[segment(facts.doc.id)]
        self.triples = set() if triples is None else triples  # anything with a set's ``add``
        self.described: set[URIRef] = set()

    def add(self, s, p, o) -> None:
        self.triples.add((s, p, o))

    def evidence(self, ev: Evidence) -> URIRef:
        iri = ID[f"evidence/{segment(ev.doc)}/{ev.line}-{ev.start}-{ev.end}"]
        if iri not in self.described:
            self.described.add(iri)
            self.add(iri, RDF.type, KG.Evidence)
            self.add(iri, RDF.type, PROV.Entity)
            self.add(iri, KG.document, self.doc_iri)
            self.add(iri, KG.line, _lit(ev.line))
            self.add(iri, KG.startOffset, _lit(ev.start))
            self.add(iri, KG.endOffset, _lit(ev.end))
            self.add(iri, KG.quote, _lit(ev.quote))
            if ev.curated:
                self.add(iri, KG.curated, _lit(True))
        return iri

    def entity(self, party: Party, ev: Evidence | None, home: Party | None = None, body: Party | None = None) -> Entity:
        # A person is told from namesakes by the place they speak for (see Resolver.person_scope):
        # ``home`` is the meeting's home place for the home side, ``body`` a position's body.
        ent = self.r.add_party(party, self.facts.doc.id, home, body)
        iri = ent.iri
        assert iri is not None
        # A label the user fixed replaces the names as the extractor read them.
        self.add(iri, RDFS.label, _lit(ent.name if ent.curated_label else _written(party.name), lang="zh"))
        if iri not in self.described:
            self.described.add(iri)
            self.add(iri, RDF.type, TYPE_CLASS[ent.type])
            self.add(iri, SKOS.prefLabel, _lit(ent.name, lang="zh"))
            # English only from a gazetteer or a curation file; a romanisation is marked as one.
            en = self.r.english_label(ent)
            if en:
                self.add(iri, SKOS.prefLabel, _lit(en, lang="en"))
            else:
                py = self.r.pinyin_label(ent)
                if py:
                    self.add(iri, SKOS.prefLabel, _lit(py, lang=PINYIN))
            for a in sorted(ent.aliases):
                self.add(iri, SKOS.altLabel, _lit(a, lang="zh"))
            if ent.wikidata:
                self.add(iri, OWL.sameAs, WD[ent.wikidata])
            if ent.country and ent.type != "Country" and not (ent.type == "Region" and ent.name == ent.country):
                c = self._country(ent.country)
                if c is not None and c != iri:
                    self.add(iri, KG.country, c)
        if ev is not None:
            # Named in this document (a country referred to only as another entity's country is not).
            self.add(iri, KG.mentionedIn, self.doc_iri)
            self.add(iri, PROV.wasDerivedFrom, self.evidence(ev))
        return ent

    def _country(self, name: str) -> URIRef | None:
        ctype = "Region" if name in ("香港", "澳门", "台湾") else "Country"
        ent = self.r.entities.get(self.r.key(name, ctype))
        if ent is None or ent.iri is None:
            return None
        if ent.iri not in self.described:
            self.entity(Party(name=ent.name, type=ent.type), None)
        return ent.iri

    def document(self) -> None:
        d = self.facts.doc
        s = self.doc_iri
        self.add(s, RDF.type, KG.Document)
        self.add(s, RDF.type, SCHEMA.CreativeWork)
        self.add(s, KG.docId, _lit(d.id))
        if d.title:
            self.add(s, SCHEMA.name, _lit(d.title, lang="zh"))
        if d.publisher:
            self.add(s, SCHEMA.publisher, _lit(d.publisher, lang="zh"))
        if d.date:
            lit = date_literal(d.date)
            if lit is not None:
                self.add(s, SCHEMA.datePublished, lit)
        if d.source:
            self.add(s, SCHEMA.isBasedOn, _lit(d.source))
        if d.year:
            self.add(s, KG.referenceYear, _lit(str(d.year), datatype=XSD.gYear))

    def _dates(self, node: URIRef, iso: str) -> None:
        if not iso:
            return
        self.add(node, KG.date, _lit(iso))
        start, _, end = iso.partition("/")
        lit = date_literal(start)
        if lit is not None:
            self.add(node, SCHEMA.startDate, lit)
        lit = date_literal(end) if end else None
        if lit is not None:
            self.add(node, SCHEMA.endDate, lit)

    def meetings(self) -> None:
        for m in self.facts.meetings:
            ev = self.evidence(m.evidence)
            node = fact_iri(self.facts.doc.id, m, self.r)
            self.add(node, RDF.type, KG.Meeting)
            self.add(node, PROV.wasDerivedFrom, ev)
            self._dates(node, m.date)
            self.add(node, KG.mode, _lit(m.mode))
            if m.description:
                self.add(node, KG.description, _lit(m.description, lang="zh"))
            if m.country:
                for c in m.country.split(";"):
                    ctype = "Region" if c in ("香港", "澳门", "台湾") else "Country"
                    self.add(node, KG.counterpartCountry, self.entity(Party(c, ctype), m.evidence).iri)
            if m.home_place is not None:
                self.add(node, KG.homePlace, self.entity(m.home_place, m.evidence).iri)
            homes = [self._participant(node, p, "home", m.evidence, m.date, m.home_place) for p in m.home]
            others = [self._participant(node, p, "counterpart", m.evidence, m.date) for p in m.counterparts]
            for h in homes:
                self.add(node, KG.homeParticipant, h)
                for o in others:
                    self.add(h, KG.met, o)
                    self.add(o, KG.met, h)
            for o in others:
                self.add(node, KG.counterpart, o)

    def _participant(self, meeting: URIRef, p: Party, side: str, ev: Evidence, date: str,
                     home: Party | None = None) -> URIRef:
        ent = self.entity(p, ev, home)
        part = ID[f"participation/{_h(meeting, side, ent.iri)}"]
        self.add(meeting, KG.participation, part)
        self.add(part, RDF.type, KG.Participation)
        self.add(part, KG.agent, ent.iri)
        self.add(part, KG.side, _lit(side))
        country = p.country or next((o.country for o in p.organizations if o.country), "")
        if side == "counterpart" and country and p.type != "Country":
            # Each counterpart's own country (a meeting with guests of five countries gives each its own).
            ctype = "Region" if country in ("香港", "澳门", "台湾") else "Country"
            self.add(part, KG.country, self.entity(Party(country, ctype), ev).iri)
        if p.title:
            self.add(part, KG.title, _lit(p.title, lang="zh"))
            self.add(ent.iri, SCHEMA.jobTitle, _lit(p.title, lang="zh"))
        for o in p.organizations:
            oe = self.entity(o, ev)
            self.add(part, KG.onBehalfOf, oe.iri)
            if p.type == "Person":
                self.add(ent.iri, SCHEMA.affiliation, oe.iri)
        if p.type == "Person" and p.title and (p.organizations or side != "home"):
            # (A home-side title with no body is read, with its city, by the position rules.)
            # One position per title; titles and bodies pair up in order when both are listed.
            titles = p.title.split("、")
            orgs = p.organizations if len(p.organizations) == len(titles) else p.organizations[:1] * len(titles)
            for title, body in zip(titles, orgs or (None,) * len(titles)):
                self._position(ent.iri, title, body, date, ev)
        return ent.iri

    def _position(self, holder: URIRef, title: str, body: Party | None, date: str, ev: Evidence) -> None:
        body_iri = self.entity(body, ev).iri if body is not None else None
        pos = _position_iri(holder, title, body_iri, date)
        self.add(pos, RDF.type, KG.Position)
        self.add(pos, KG.holder, holder)
        self.add(pos, KG.title, _lit(title, lang="zh"))
        if body_iri is not None:
            self.add(pos, KG.body, body_iri)
        self._dates(pos, date)
        self.add(pos, PROV.wasDerivedFrom, self.evidence(ev))

    def positions(self) -> None:
        for p in self.facts.positions:
            holder = self.entity(p.person, p.evidence, body=p.organization)
            self.add(holder.iri, SCHEMA.jobTitle, _lit(p.title, lang="zh"))
            self._position(holder.iri, p.title, p.organization, p.date, p.evidence)

    def partner_links(self) -> None:
        for link in self.facts.partner_links:
            ev = self.evidence(link.evidence)
            home = self.entity(link.home, link.evidence)
            partner = self.entity(link.partner, link.evidence)
            node = fact_iri(self.facts.doc.id, link, self.r)
            self.add(node, RDF.type, KG.PartnerLink)
            self.add(node, KG.home, home.iri)
            self.add(node, KG.partner, partner.iri)
            self.add(node, KG.relation, _lit(link.relation))
            if link.since:
                self.add(node, KG.since, _lit(link.since, datatype=XSD.gYear))
            self._dates(node, link.date)
            self.add(node, PROV.wasDerivedFrom, ev)
            self.add(home.iri, KG.partnerOf, partner.iri)

    def attendances(self) -> None:
        for a in self.facts.attendances:
            ev = self.evidence(a.evidence)
            person = self.entity(a.person, a.evidence)
            event = self.entity(a.event, a.evidence)
            node = ID[f"attendance/{segment(self.facts.doc.id)}/{a.evidence.line}-{_h(person.iri, event.iri, a.date)}"]
            self.add(node, RDF.type, KG.Attendance)
            self.add(node, KG.agent, person.iri)
            self.add(node, KG.event, event.iri)
            self.add(node, KG.role, _lit(a.role))
            self.add(node, KG.mode, _lit(a.mode))
            self._dates(node, a.date)
            self.add(node, PROV.wasDerivedFrom, ev)
            if a.role == "attended":
                self.add(person.iri, KG.attended, event.iri)

    def mentions(self) -> None:
        for m in self.facts.mentions:
            ent = self.entity(m.entity, m.evidence)
            for a in m.aliases:
                if not ent.curated_label:
                    self.add(ent.iri, RDFS.label, _lit(_written(a), lang="zh"))


def _position_iri(holder: URIRef, title: str, body: URIRef | None, date: str) -> URIRef:
    return ID[f"position/{_h(holder, title, body or '', date)}"]


def fact_iri(doc_id: str, fact: Meeting | PartnerLink | Position, resolver: Resolver) -> URIRef:
    """The IRI of a meeting, partner link or position node (entities must be resolved and have IRIs)."""
    if isinstance(fact, Meeting):
        return ID[f"meeting/{segment(doc_id)}/{fact.evidence.line}-{_h(fact.date, fact.home, fact.counterparts)}"]
    if isinstance(fact, PartnerLink):
        home = resolver.lookup_party(fact.home, doc_id).iri
        partner = resolver.lookup_party(fact.partner, doc_id).iri
        return ID[f"partnership/{segment(doc_id)}/{fact.evidence.line}-{_h(home, partner, fact.relation, fact.date)}"]
    holder = resolver.lookup_party(fact.person, doc_id, body=fact.organization).iri
    body = resolver.lookup_party(fact.organization, doc_id).iri if fact.organization else None
    return _position_iri(holder, fact.title, body, fact.date)


def _written(name: str) -> str:
    return "".join(name.split())


def register(resolver: Resolver, facts: Facts) -> None:
    """Add the entities a document's facts name to the resolver (documents are registered in id order)."""

    parties: list[tuple[Party, Party | None, Party | None]] = []  # added together: see Resolver.add_document

    def reg(p: Party, home: Party | None = None, body: Party | None = None) -> None:
        # The same scope as _DocWriter.entity gives it: a person's home place or position's body.
        parties.append((p, home, body))
        for o in p.organizations:
            reg(o)
        if p.country:
            parties.append((Party(p.country, "Region" if p.country in ("香港", "澳门", "台湾") else "Country"), None, None))

    for m in facts.meetings:
        for p in m.home:
            reg(p, m.home_place)
        for p in m.counterparts:
            reg(p)
        if m.home_place is not None:
            reg(m.home_place)
        for c in m.country.split(";") if m.country else ():
            parties.append((Party(c, "Region" if c in ("香港", "澳门", "台湾") else "Country"), None, None))
    for link in facts.partner_links:
        reg(link.home)
        reg(link.partner)
    for a in facts.attendances:
        reg(a.person)
        reg(a.event)
    for pos in facts.positions:
        reg(pos.person, body=pos.organization)
        if pos.organization is not None:
            reg(pos.organization)
    for em in facts.mentions:
        reg(em.entity)
        for alias in em.aliases:
            parties.append((Party(alias, em.entity.type, country=em.entity.country), None, None))
    resolver.add_document(facts.doc.id, parties)


def document_triples(facts: Facts, resolver: Resolver, curation: Curation | None = None, triples=None) -> tuple[URIRef, set[tuple]]:
    """One document's graph: its IRI and its triples. The resolver holds every document's entities, with IRIs.

    The triples are added to ``triples`` (anything with a set's ``add``), by default a new set: the
    build passes a :class:`~kg.rdf.writers.GraphLines`, which writes them as N-Triples lines as they
    come, and spills them to disk when a document's graph is too large to hold."""
    w = _DocWriter(facts, resolver, triples)
    w.document()
    w.meetings()
    w.attendances()
    w.partner_links()
    w.positions()
    w.mentions()
    if curation is not None and facts.doc.id == curation.id:
        curation.describe(w)
    return w.graph, w.triples


def build_graphs(all_facts: Iterable[Facts], curation: Curation | None = None) -> dict[URIRef, set[tuple]]:
    """The graph of these documents' facts: each document's triples under its graph IRI, plus the ontology graph.

    A ``curation`` (see :mod:`kg.curation`) is applied first: retracted facts are
    dropped, entities merged, named and typed as it says, and its added facts
    and corrections go into a named graph of its own. (:func:`kg.build.build`
    does the same a document at a time.)
    """
    all_facts = sorted(all_facts, key=lambda f: f.doc.id)
    if curation is not None:
        all_facts = curation.apply_facts(all_facts, register)
    resolver = Resolver()
    for f in all_facts:
        register(resolver, f)
    if curation is not None:
        curation.apply_entities(resolver, None)
    resolver.assign_iris()
    graphs: dict[URIRef, set[tuple]] = {ONTOLOGY_GRAPH: set(ontology_graph())}
    for f in all_facts:
        iri, triples = document_triples(f, resolver, curation)
        graphs[iri] = triples
    return graphs


def build_dataset(all_facts: Iterable[Facts], curation: Curation | None = None) -> Dataset:
    """:func:`build_graphs` as an rdflib Dataset."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for iri, triples in build_graphs(all_facts, curation).items():
        g = ds.graph(iri)
        for t in triples:
            g.add(t)
    return ds
