from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import OWL

from kg.rdf.graph import ontology_graph
from kg.rdf.vocab import KG


def test_vocabulary_and_ontology_agree():
    g = ontology_graph()
    declared = {
        str(s)
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in g.subjects(RDF.type, t)
    }
    in_code = {str(KG[n]) for n in KG.__annotations__}
    assert declared == in_code
    for s in declared:
        labels = {l.language for l in g.objects(URIRef(s), RDFS.label)}
        assert {"zh", "en"} <= labels, s
