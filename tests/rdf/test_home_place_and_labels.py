from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import SKOS

from kg.rdf.graph import PREFIXES
from kg.rdf.serialize import to_quads, turtle
from kg.rdf.vocab import ID, KG, PINYIN

from .two_cities import two_cities_graphs

SHANGHAI = ID["place/shanghai"]
CHENGDU = ID["place/chengdu"]
GONG_ZHENG = ID["person/gong-zheng"]


def _union():
    return {t for triples in two_cities_graphs().values() for t in triples}


def test_home_place_of_each_meeting():
    triples = _union()
    meetings = {s for s, p, o in triples if p == RDF.type and o == KG.Meeting}
    assert len(meetings) == 3
    homes = {s: o for s, p, o in triples if p == KG.homePlace}
    # The two meetings that name their home place point to it; the one without gets nothing.
    assert sorted(homes.values()) == sorted([SHANGHAI, CHENGDU])
    assert len(meetings - set(homes)) == 1
    schema_city = URIRef("https://schema.org/City")
    for place in (SHANGHAI, CHENGDU):
        assert (place, RDF.type, schema_city) in triples
    assert (SHANGHAI, RDFS.label, Literal("上海市", lang="zh")) in triples
    assert (SHANGHAI, SKOS.altLabel, Literal("上海", lang="zh")) in triples


def test_pinyin_is_not_english():
    triples = _union()
    labels = {(o.language, str(o)) for s, p, o in triples if s == GONG_ZHENG and p == SKOS.prefLabel}
    # A person no gazetteer knows: the slug and the pinyin label, but no English label.
    assert labels == {("zh", "龚正"), (PINYIN, "Gong Zheng")}
    assert not any(s == GONG_ZHENG and getattr(o, "language", None) == "en" for s, p, o in triples)
    # A gazetteer city keeps its English label, and gets no pinyin.
    shanghai = {(o.language, str(o)) for s, p, o in triples if s == SHANGHAI and p == SKOS.prefLabel}
    assert shanghai == {("zh", "上海市"), ("en", "Shanghai")}
    ttl = turtle(to_quads(two_cities_graphs()), PREFIXES).decode("utf-8")
    assert '"Gong Zheng"@zh-latn-pinyin' in ttl and '"Gong Zheng"@en' not in ttl and '"Shanghai"@en' in ttl


def test_shapes_accept_home_places_and_refuse_two():
    from importlib import resources

    from pyshacl import validate
    from rdflib import Graph

    shapes = Graph().parse(data=resources.files("kg.rdf").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    data = Graph()
    for t in _union():
        data.add(t)
    conforms, _, text = validate(data, shacl_graph=shapes)
    assert conforms, text[:2000]
    m = next(s for s, p, o in data if p == KG.homePlace)
    data.add((m, KG.homePlace, GONG_ZHENG))  # a person is no home place, and a meeting has one
    conforms, _, _ = validate(data, shacl_graph=shapes)
    assert not conforms
