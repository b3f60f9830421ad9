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


def test_every_code_point_makes_a_valid_iri_segment_that_reads_back():
    # File names can hold any character, and a byte that is not UTF-8 arrives as a lone surrogate.
    import pyoxigraph as ox
    from urllib.parse import unquote

    from kg.rdf.vocab import BASE, segment

    for lo in range(0, 0x110000, 0x1000):
        text = "".join(map(chr, range(lo, lo + 0x1000)))
        seg = segment(text)
        ox.NamedNode(BASE + "id/doc/" + seg)  # raises on a character an IRI may not hold
        assert "/" not in seg and "#" not in seg and "?" not in seg
        if lo != 0xD000:  # the block of surrogates, which only file names' bytes read back from
            assert unquote(seg) == text
    assert segment("新闻 稿") == "新闻%20稿"
    assert segment("\U000E0100") == "%F3%A0%84%80"
    assert unquote(segment("a\udcff"), errors="surrogateescape") == "a\udcff"
