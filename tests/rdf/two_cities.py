"""A hand-made corpus of two home places: facts from a Shanghai text and a Chengdu text, built in memory."""
from __future__ import annotations

from kg.model import Document, Evidence, Facts, Meeting, PartnerLink, Party
from kg.query import memory_dataset
from kg.rdf.graph import PREFIXES, build_graphs
from kg.rdf.serialize import to_quads, trig

SHANGHAI_TEXT = (
    "2021年3月1日，上海市市长龚正会见德国西门子股份公司总裁博乐仁。\n"
    "上海市与横滨于1973年缔结友好城市关系。\n"
)
CHENGDU_TEXT = (
    "2021年4月2日，成都市市长王凤朝会见韩国釜山市市长朴亨埈。\n"
    "2021年5月6日，市领导会见新加坡驻成都总领事。\n"
)


def _ev(doc: Document, quote: str) -> Evidence:
    start = doc.text.index(quote)
    return Evidence(doc.id, doc.text.count("\n", 0, start) + 1, start, start + len(quote), quote)


def two_cities() -> list[Facts]:
    sh = Document(id="shanghai-2021", path="shanghai-2021.txt", text=SHANGHAI_TEXT, year=2021)
    cd = Document(id="chengdu-2021", path="chengdu-2021.txt", text=CHENGDU_TEXT, year=2021)
    siemens = Party("西门子股份公司", "Company", country="德国")
    busan = Party("釜山市", "City", country="韩国")
    return [
        Facts(
            doc=sh,
            blocks=(),
            meetings=(
                Meeting(
                    date="2021-03-01",
                    mode="in_person",
                    home=(Party("龚正", "Person", title="市长"),),
                    counterparts=(Party("博乐仁", "Person", title="总裁", organizations=(siemens,), country="德国"),),
                    evidence=_ev(sh, "2021年3月1日，上海市市长龚正会见德国西门子股份公司总裁博乐仁。"),
                    country="德国",
                    home_place=Party("上海市", "City"),
                ),
            ),
            partner_links=(
                PartnerLink(
                    home=Party("上海市", "City"),
                    partner=Party("横滨", "City", country="日本"),
                    relation="sister_city",
                    evidence=_ev(sh, "上海市与横滨于1973年缔结友好城市关系。"),
                    since="1973",
                ),
            ),
        ),
        Facts(
            doc=cd,
            blocks=(),
            meetings=(
                Meeting(
                    date="2021-04-02",
                    mode="in_person",
                    home=(Party("王凤朝", "Person", title="市长"),),
                    counterparts=(Party("朴亨埈", "Person", title="市长", organizations=(busan,), country="韩国"),),
                    evidence=_ev(cd, "2021年4月2日，成都市市长王凤朝会见韩国釜山市市长朴亨埈。"),
                    country="韩国",
                    home_place=Party("成都市", "City"),
                ),
                # As in a cache written before home places were read: no home place, none written.
                Meeting(
                    date="2021-05-06",
                    mode="in_person",
                    home=(Party("成都市", "City"),),
                    counterparts=(Party("新加坡驻成都总领事馆", "Organization", country="新加坡"),),
                    evidence=_ev(cd, "2021年5月6日，市领导会见新加坡驻成都总领事。"),
                    country="新加坡",
                ),
            ),
        ),
    ]


def two_cities_graphs():
    return build_graphs(two_cities())


def two_cities_dataset():
    return memory_dataset(trig(to_quads(two_cities_graphs()), PREFIXES))
