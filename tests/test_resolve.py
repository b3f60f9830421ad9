"""Entity resolution across documents and cities (kg.resolve), on small hand-made facts."""
from __future__ import annotations

from rdflib import RDF

from kg.model import Document, EntityMention, Evidence, Facts, Meeting, PartnerLink, Party, Position
from kg.rdf.graph import build_graphs, register
from kg.rdf.vocab import SCHEMA
from kg.resolve import Resolver

SH = Party("上海市", "City")
CD = Party("成都市", "City")


def ev(doc: str, line: int = 1) -> Evidence:
    return Evidence(doc, line, 0, 10, "…")


def facts(doc: str, *, meetings=(), mentions=(), links=(), positions=()) -> Facts:
    return Facts(doc=Document(id=doc, path=f"{doc}.txt", text=""), blocks=(), meetings=tuple(meetings),
                 mentions=tuple(mentions), partner_links=tuple(links), positions=tuple(positions))


def meeting(doc: str, home: Party, counterpart: Party, home_place: Party | None = None, line: int = 1) -> Meeting:
    return Meeting("2024-01-01", "in_person", (home,), (counterpart,), ev(doc, line), home_place=home_place)


def mention(doc: str, name: str, type: str = "Person", line: int = 2) -> EntityMention:
    return EntityMention(Party(name, type), ev(doc, line))


def resolved(*all_facts: Facts) -> Resolver:
    r = Resolver()
    for f in sorted(all_facts, key=lambda f: f.doc.id):
        register(r, f)
    r.assign_iris()
    return r


def typed(graphs, cls) -> set[str]:
    return {str(s) for triples in graphs.values() for s, p, o in triples if p == RDF.type and o == cls}


GUEST = Party("史密斯", "Person", title="市长", country="美国")
ZW = Party("张伟", "Person", title="市长", country="中国")


# Persons

def test_namesakes_of_two_cities_are_two_entities():
    sh = facts("a-shanghai", meetings=[meeting("a-shanghai", ZW, GUEST, SH)])
    cd = facts("b-chengdu", meetings=[meeting("b-chengdu", ZW, GUEST, CD)])
    r = resolved(sh, cd)
    a = r.lookup_party(ZW, "a-shanghai", home=SH)
    b = r.lookup_party(ZW, "b-chengdu", home=CD)
    assert a is not None and b is not None and a is not b
    assert a.iri != b.iri
    # Told apart by a short hash after the readable slug.
    assert str(a.iri).rsplit("/", 1)[1].startswith("zhang-wei-") and str(b.iri).rsplit("/", 1)[1].startswith("zhang-wei-")
    people = typed(build_graphs([sh, cd]), SCHEMA.Person)
    assert sum("zhang-wei" in p for p in people) == 2


def test_namesakes_get_the_same_iris_in_every_build():
    sh = facts("a-shanghai", meetings=[meeting("a-shanghai", ZW, GUEST, SH)])
    cd = facts("b-chengdu", meetings=[meeting("b-chengdu", ZW, GUEST, CD)])
    first = typed(build_graphs([sh, cd]), SCHEMA.Person)
    assert typed(build_graphs([cd, sh]), SCHEMA.Person) == first


def test_one_person_of_one_place_across_documents():
    one = facts("a-shanghai", meetings=[meeting("a-shanghai", ZW, GUEST, SH)])
    two = facts("c-shanghai", meetings=[meeting("c-shanghai", Party("张伟", "Person", country="中国"), GUEST, SH)])
    people = typed(build_graphs([one, two]), SCHEMA.Person)
    assert [p for p in people if "zhang-wei" in p] == ["https://kg.example.org/id/person/zhang-wei"]


def test_with_and_without_title_in_one_document_is_one_entity():
    doc = "a-shanghai"
    f = facts(doc, meetings=[meeting(doc, ZW, GUEST, SH)], mentions=[mention(doc, "张伟"), mention(doc, "张 伟", line=3)],
              positions=[Position(Party("张伟", "Person"), "市长", SH, "2024", ev(doc, 4))])
    # A namesake elsewhere does not split the document's own mentions.
    other = facts("b-chengdu", meetings=[meeting("b-chengdu", ZW, GUEST, CD)])
    r = resolved(f, other)
    here = {r.lookup_party(ZW, doc, home=SH).key, r.lookup_party(Party("张伟", "Person"), doc).key,
            r.lookup_party(Party("张伟", "Person"), doc, body=SH).key}
    assert len(here) == 1
    assert r.lookup_party(ZW, "b-chengdu", home=CD).key not in here
    people = typed(build_graphs([f, other]), SCHEMA.Person)
    assert sum("zhang-wei" in p for p in people) == 2


def test_a_bare_mention_joins_the_only_entity_of_its_name():
    sh = facts("a-shanghai", meetings=[meeting("a-shanghai", ZW, GUEST, SH)])
    bare = facts("z-news", mentions=[mention("z-news", "张伟")])
    r = resolved(sh, bare)
    assert r.lookup_party(Party("张伟", "Person"), "z-news") is r.lookup_party(ZW, "a-shanghai", home=SH)
    assert len(r.find("张伟")) == 1


def test_a_bare_mention_among_namesakes_stays_its_documents_own():
    sh = facts("a-shanghai", meetings=[meeting("a-shanghai", ZW, GUEST, SH)])
    cd = facts("b-chengdu", meetings=[meeting("b-chengdu", ZW, GUEST, CD)])
    bare = facts("z-news", mentions=[mention("z-news", "张伟")])
    r = resolved(sh, cd, bare)
    z = r.lookup_party(Party("张伟", "Person"), "z-news")
    assert z is not None
    assert z not in (r.lookup_party(ZW, "a-shanghai", home=SH), r.lookup_party(ZW, "b-chengdu", home=CD))
    assert len({e.iri for e in r.find("张伟")}) == 3


def test_foreign_persons_are_told_apart_by_country():
    us = facts("a-doc", meetings=[meeting("a-doc", ZW, Party("约翰·史密斯", "Person", country="美国"), SH)])
    uk = facts("b-doc", meetings=[meeting("b-doc", ZW, Party("约翰·史密斯", "Person", country="英国"), SH)])
    r = resolved(us, uk)
    assert len(r.find("约翰·史密斯")) == 2
    # The home side is one person: same name, same place.
    assert len(r.find("张伟")) == 1


def test_mentions_with_no_place_anywhere_stay_one_entity():
    r = resolved(facts("a", mentions=[mention("a", "李明")]), facts("b", mentions=[mention("b", "李明")]))
    assert len(r.find("李明")) == 1


# Companies and bodies

def test_company_written_several_ways_is_one_entity():
    forms = ["德国西门子股份公司", "西门子股份公司", "西门子", "西门子公司"]
    all_facts = [facts(f"d{i}", meetings=[meeting(f"d{i}", ZW, Party(n, "Company", country="德国" if i == 0 else ""), SH)])
                 for i, n in enumerate(forms)]
    r = resolved(*all_facts)
    ents = {r.lookup(n, "Company").key for n in forms}
    assert len(ents) == 1
    ent = r.lookup("西门子", "Company")
    assert ent.name == "西门子" and ent.country == "德国"
    assert {"德国西门子股份公司", "西门子公司"} <= ent.aliases
    orgs = typed(build_graphs(all_facts), SCHEMA.Corporation)
    assert orgs == {"https://kg.example.org/id/org/siemens"}


def test_unknown_company_with_and_without_country_and_legal_form():
    forms = ["芬兰卡莱瓦拉有限公司", "卡莱瓦拉", "卡莱瓦拉集团"]
    r = resolved(*[facts(f"d{i}", meetings=[meeting(f"d{i}", ZW, Party(n, "Company"), SH)]) for i, n in enumerate(forms)])
    assert len({r.lookup(n, "Company").key for n in forms}) == 1
    assert r.lookup("卡莱瓦拉", "Company").country == "芬兰"


def test_companies_of_conflicting_countries_or_bodies_of_two_places_stay_apart():
    parties = [Party("德国卡莱瓦拉公司", "Company"), Party("芬兰卡莱瓦拉公司", "Company"),
               Party("北京市人民政府", "Organization"), Party("上海市人民政府", "Organization"),
               Party("人民政府", "Organization"), Party("中国银行", "Company"), Party("银行", "Company")]
    r = resolved(*[facts(f"d{i}", meetings=[meeting(f"d{i}", ZW, p, SH)]) for i, p in enumerate(parties)])
    assert len({r.lookup(p.name, p.type).key for p in parties}) == len(parties)


# Places

def test_city_written_several_ways_is_one_entity():
    forms = ["莫斯科", "莫斯科市", "俄罗斯莫斯科"]
    all_facts = [facts(f"d{i}", links=[PartnerLink(Party("北京市", "City"), Party(n, "City"), "sister_city", ev(f"d{i}"))])
                 for i, n in enumerate(forms)]
    r = resolved(*all_facts)
    assert len({r.lookup(n, "City").key for n in forms}) == 1
    assert typed(build_graphs(all_facts), SCHEMA.City) == {"https://kg.example.org/id/place/beijing",
                                                            "https://kg.example.org/id/place/moscow"}


def test_espoo_with_and_without_shi_is_one_entity():
    forms = ["埃斯波市", "埃斯波"]
    r = resolved(*[facts(f"d{i}", links=[PartnerLink(Party("北京市", "City"), Party(n, "City"), "sister_city", ev(f"d{i}"))])
                   for i, n in enumerate(forms)])
    assert len({r.lookup(n, "City").key for n in forms}) == 1


def test_place_no_gazetteer_knows_loses_shi_and_a_leading_country():
    forms = ["乌鲁鲁哈市", "乌鲁鲁哈", "芬兰乌鲁鲁哈"]
    r = resolved(*[facts(f"d{i}", links=[PartnerLink(Party("北京市", "City"), Party(n, "City"), "sister_city", ev(f"d{i}"))])
                   for i, n in enumerate(forms)])
    ents = {r.lookup(n, "City").key for n in forms}
    assert len(ents) == 1
    ent = r.lookup("乌鲁鲁哈市", "City")
    assert ent.name == "乌鲁鲁哈" and ent.country == "芬兰"
    assert str(ent.iri).endswith("/place/wu-lu-lu-ha")


def test_a_place_written_with_another_country_than_its_gazetteer_namesake_is_its_own():
    """美国圣保罗市 (Saint Paul) is not the gazetteer's 圣保罗 (São Paulo, Brazil); 巴西圣保罗 and a bare
    圣保罗 are. Hong Kong's places are China's in the gazetteer: a party of country 香港 is no namesake."""
    us = Party("圣保罗市", "City", country="美国")
    fs = [facts("a", links=[PartnerLink(Party("长沙市", "City"), us, "sister_city", ev("a"))]),
          facts("b", links=[PartnerLink(Party("长沙市", "City"), Party("圣保罗", "City", country="巴西"), "leader_meeting", ev("b")),
                            PartnerLink(Party("长沙市", "City"), Party("圣保罗", "City"), "cooperation", ev("b", 2))])]
    r = resolved(*fs)
    saint_paul = r.lookup_party(us, "a")
    sao_paulo = r.lookup("圣保罗", "City", country="巴西")
    assert saint_paul is not sao_paulo and r.lookup("圣保罗", "City") is sao_paulo
    assert (saint_paul.name, saint_paul.country, saint_paul.english, saint_paul.wikidata) == ("圣保罗", "美国", "", "")
    assert sao_paulo.english == "São Paulo" and sao_paulo.country == "巴西"
    assert len({e.iri for e in (saint_paul, sao_paulo)}) == 2
    assert r.key("香港", "Region", country="香港") == r.key("香港", "Region") == ("Region", "香港")
    assert r.key("东京都", "Region", country="日本") == r.key("东京都", "Region")


def test_resolution_does_not_depend_on_the_order_documents_are_read_in():
    fs = [facts("a-shanghai", meetings=[meeting("a-shanghai", ZW, Party("西门子", "Company"), SH)]),
          facts("b-chengdu", meetings=[meeting("b-chengdu", ZW, Party("德国西门子股份公司", "Company"), CD)]),
          facts("z-news", mentions=[mention("z-news", "张伟")])]

    def iris(order):
        r = Resolver()
        for f in order:
            register(r, f)
        r.assign_iris()
        return sorted(str(e.iri) for e in r.entities.values())

    assert iris(fs) == iris(fs[::-1])
