"""Prose meetings and partner links on hand-written documents in other wording (not the seeds)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.documents import read_document
from kg.extract.document import extract

from .examples import facts_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "other"


@pytest.fixture(scope="module")
def shanghai():
    return extract(read_document(FIXTURES / "news-shanghai.txt"))


def _page_facts(tmp_path: Path, text: str, name: str = "news.txt"):
    """The facts kg reads from ``text``, saved as a page of its own (named ``name``)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(read_document(path))


def _meetings(facts):
    return {(m.date, tuple(p.name for p in m.home), tuple(p.name for p in m.counterparts), m.mode) for m in facts.meetings}


def test_another_citys_mayor_meets_a_foreign_executive(shanghai):
    m = next(m for m in shanghai.meetings if m.counterparts[0].name == "赵国华")
    assert (m.date, [p.name for p in m.home], m.mode, m.country) == ("2023-05-16", ["龚正"], "in_person", "法国")
    assert m.home[0].title == "市长"
    assert [o.name for o in m.counterparts[0].organizations] == ["施耐德电气集团"]
    assert m.counterparts[0].title == "首席执行官"
    assert "赵国华" in m.evidence.quote and "龚正" in m.evidence.quote


def test_video_talks_and_letters(shanghai):
    got = _meetings(shanghai)
    assert ("2023-05-18", ("龚正",), ("吴世勋",), "video") in got
    assert ("2023", ("龚正",), ("阿布塔勒布",), "letter") in got
    assert len(got) == 3


def test_partner_ties_with_cities_no_gazetteer_lists(shanghai):
    links = {(l.home.name, l.partner.name, l.relation) for l in shanghai.partner_links}
    assert ("上海市", "埃斯波市", "friendly_exchange") in links
    assert ("上海市", "鹿特丹", "sister_city") in links
    assert ("上海市", "巴塞罗那市", "cooperation_agreement") in links
    assert ("上海市", "巴塞罗那", "joint_activity") in links
    # A leader meeting ties the two cities; a letter does not.
    assert ("上海市", "首尔", "leader_meeting") in links
    assert not any(r == "leader_meeting" and p == "鹿特丹" for _, p, r in links)
    espoo = next(l for l in shanghai.partner_links if l.partner.name == "埃斯波市")
    assert espoo.partner.country == "芬兰" and espoo.date == "2023-06-02"


def test_every_fact_quotes_the_names_it_links(shanghai):
    for l in shanghai.partner_links:
        assert l.partner.name.rstrip("市") in l.evidence.quote
    for m in shanghai.meetings:
        for p in (*m.home, *m.counterparts):
            assert p.name in m.evidence.quote


def test_anniversary_gives_since_and_district_is_home(tmp_path):
    p = tmp_path / "district.txt"
    p.write_text("北京外事简讯\n\n年内，在京举办与开罗结好35周年系列活动。朝阳区与匈牙利布达佩斯市签署友好关系意向书。\n", encoding="utf-8")
    (tmp_path / "district.meta.toml").write_text('title = "北京外事简讯"\npublisher = "北京市人民政府外事办公室"\ncovers = 2025\n', encoding="utf-8")
    facts = extract(read_document(p))
    links = {(l.home.name, l.partner.name, l.relation, l.since) for l in facts.partner_links}
    assert ("北京市", "开罗", "sister_city", "1990") in links
    assert ("北京市", "开罗", "joint_activity", "") in links
    assert ("朝阳区", "布达佩斯市", "letter_of_intent", "") in links


def test_a_year_told_in_passing_dates_no_later_act(tmp_path):
    """On a dated page, a sentence about a past year (1985年，…结为友好城市) does not date the acts
    told after it: they take the page's year (its date is when it was written, not when they were)."""
    facts = _page_facts(tmp_path, "2024-05-08 10:00 来源：长沙晚报\n\n1985年，长沙市与日本鹿儿岛市结为友好城市。开幕式上，长沙市副市长刘伟会见了鹿儿岛市市长下鹤隆央。\n")
    assert [(m.date, m.home[0].name, m.counterparts[0].name) for m in facts.meetings] == [("2024", "刘伟", "下鹤隆央")]
    assert {(l.partner.name, l.relation, l.since) for l in facts.partner_links if l.relation == "sister_city"} == {("鹿儿岛市", "sister_city", "1985")}


def test_a_month_after_the_page_is_of_the_year_its_paragraph_told(tmp_path):
    """On a page of February 2024, an interview's answer that opens with 2023年 (a year in passing) and
    then tells 9月: September 2023, not a September still to come."""
    facts = _page_facts(tmp_path, "2024-02-26 10:00 来源：鄂尔多斯日报\n\n其木格：2023年，全市共接待来访外宾团组42批次。9月，蒙古国"
                                  "东戈壁省省长巴特孟赫·道尔吉率团来访，鄂尔多斯市市长张立新与其举行会谈。\n")
    assert [(m.date, m.home[0].name) for m in facts.meetings] == [("2023-09", "张立新")]


def test_a_sentence_that_tells_history_dates_no_later_paragraph(tmp_path):
    """A sentence opening with 据悉 tells history: its month (2019年6月) does not date the next
    paragraph's day (9月28日), which is of the page's year."""
    facts = _page_facts(tmp_path, "2023-09-30 08:00 来源：铜陵日报\n\n据悉，两市自2017年开始接触，2019年6月，铜陵市政府代表团访问盖尔森基兴市。\n\n"
                                  "9月28日上午，铜陵市市长王军会见了德国盖尔森基兴市市长卡林·韦尔格。\n")
    assert [(m.date, m.home[0].name, m.counterparts[0].name) for m in facts.meetings] == [("2023-09-28", "王军", "卡林·韦尔格")]
    assert {(l.relation, l.date) for l in facts.partner_links if l.relation == "delegation_visit"} >= {("delegation_visit", "2019-06")}


def test_our_city_writes_letters_and_attendees_join_the_talks_not_the_letter(tmp_path):
    """我市 is the document's home place; 书信往来 with a place is a meeting by letter; attendees
    named after it join the meeting told in person, not the letter."""
    facts = _page_facts(tmp_path, "长春市副市长会见日本高冈市市长\n\n2005年6月15日，长春市副市长王伟会见了日本高冈市市长高桥正树一行。"
                                  "2004年初，我市与日本高冈市建立联系并多次进行书信往来。\n\n市领导李明、赵刚参加会谈。\n")
    got = {(m.date, tuple(p.name for p in m.home), tuple(p.name for p in m.counterparts), m.mode) for m in facts.meetings}
    assert ("2004", ("长春市",), ("高冈市",), "letter") in got
    assert ("2005-06-15", ("李明", "赵刚"), ("高桥正树",), "in_person") in got


def test_where_a_mission_sits_is_not_the_documents_home(tmp_path):
    """A yearbook chapter that never names its city: 驻南宁 (where a consulate sits) does not make
    南宁 the home place; the meetings keep the officials and their guests."""
    facts = _page_facts(tmp_path, "外事工作\n\n【外事接待】 5月18日，副市长王刚会见来访的越南驻南宁总领事黎光明一行。"
                                  "11月，市委书记赵强会见了老挝驻昆明总领事宋蓬·西萨万。\n", name="yearbook.txt")
    assert {(m.home[0].name, m.counterparts[0].name) for m in facts.meetings} == {("王刚", "黎光明"), ("赵强", "宋蓬·西萨万")}
    assert {m.home_place.name for m in facts.meetings} == {"中国"}


def test_a_known_persons_name_is_no_place_inside_it(tmp_path):
    """卡亚斯 (the last part of 尤西·卡亚斯, named before) is that person, not the town 卡亚 in it."""
    path = tmp_path / "news.txt"
    path.write_text("市长会见芬兰客人\n\n2023年10月19日，市长王利民会见了芬兰奥卢市市长尤西·卡亚斯。卡亚斯表示，奥卢市重视交流。\n",
                    encoding="utf-8")
    mentions = extract(read_document(path)).mentions
    names = {(m.entity.name, m.entity.type) for m in mentions}
    assert not any(t != "Person" and n.startswith("卡亚") for n, t in names)
    assert [m.entity.name for m in mentions if m.evidence.quote.startswith("卡亚斯") and m.entity.type == "Person"] == ["尤西·卡亚斯"]


def test_persons_met_during_a_stay_abroad_are_of_that_country():
    """在德国期间，…与汉高集团董事会主席卡斯滕·克诺贝尔进行了座谈: the company is in no gazetteer,
    the stay says whose he is (a hand-written visit abroad, tests/fixtures/other/visit-abroad.txt)."""
    facts = extract(read_document(FIXTURES / "visit-abroad.txt"))
    got = {(m.home[0].name, c.name, c.country) for m in facts.meetings for c in m.counterparts}
    assert got == {("刘伟", "斯特凡·凯勒", "德国"), ("刘伟", "卡斯滕·克诺贝尔", "德国"), ("刘伟", "格雷瓜尔·杜塞", "法国")}
    assert {m.date for m in facts.meetings} == {"2023-06-12/2023-06-18"}


def test_a_countys_short_form_is_its_place_only_in_its_citys_texts(tmp_path):
    """新建 (the short form of 南昌's 新建区) in 新建友好交流城市3个 is "newly built": no place, and no
    home place, in a text of no city; 江汉 in a Wuhan text is 江汉区."""
    path = tmp_path / "report.txt"
    path.write_text("2023年工作总结\n\n新缔结友好城市2个，新建友好交流城市3个。\n", encoding="utf-8")
    facts = extract(read_document(path))
    assert not any(m.entity.name == "新建区" for m in facts.mentions)
    path.write_text("武汉市2023年外事工作\n\n武汉市江汉区与法国波尔多市开展交流，江汉代表团访问了波尔多。\n", encoding="utf-8")
    assert sum(m.entity.name == "江汉区" for m in extract(read_document(path)).mentions) == 2


def test_ties_new_in_a_years_report_date_from_that_year(tmp_path):
    """全年新缔结国际友好城市2个（…）in a report on 2021: sister cities since 2021."""
    path = tmp_path / "report.txt"
    path.write_text("昆明市2021年外事工作\n\n全年新缔结国际友好城市2个（波兰卢布林市、巴西库里蒂巴市）。\n", encoding="utf-8")
    links = {(l.partner.name, l.relation, l.since) for l in extract(read_document(path)).partner_links}
    assert links >= {("卢布林市", "sister_city", "2021"), ("库里蒂巴市", "sister_city", "2021")}


def test_a_chinese_place_inside_a_foreign_ones_name_or_after_a_foreign_city_is_no_home(tmp_path):
    """兰州 inside 美国马里兰州 and 江南区 after 韩国首尔市 are not where the home side speaks from;
    the ward is Seoul's, named with its city."""
    facts = _page_facts(tmp_path, "区领导会见美国马里兰州客人\n\n2024年10月12日，区委书记王华杰会见了美国马里兰州蒙哥马利郡郡长埃尔里奇一行。"
                                  "2024年10月13日，区长张强会见了韩国首尔市江南区区长一行。\n")
    assert {m.home_place.name for m in facts.meetings} == {"中国"}
    assert {(m.home[0].name, m.counterparts[0].name, m.counterparts[0].country) for m in facts.meetings} == {
        ("王华杰", "埃尔里奇", "美国"), ("张强", "首尔市江南区", "韩国")}


def test_a_place_named_after_its_country_keeps_that_country_when_named_again(tmp_path):
    """美国萨克拉门托市 (the gazetteer's 萨克拉门托 is in Brazil) … 萨克拉门托市市长X: the mayor and
    the tie are of the American city; 新西兰奥克兰市 … 奥克兰 likewise keeps its country."""
    facts = _page_facts(tmp_path, "市长率团出访\n\n2019年10月，太原市市长李晓波率代表团访问美国萨克拉门托市，"
                                  "会见了萨克拉门托市市长达雷尔·斯坦伯格。\n")
    assert {(m.entity.name, m.entity.country) for m in facts.mentions if m.entity.type == "City"} == {
        ("太原市", "中国"), ("萨克拉门托市", "美国")}
    assert [(c.name, c.country) for m in facts.meetings for c in m.counterparts] == [("达雷尔·斯坦伯格", "美国")]
    assert {l.partner.name for l in facts.partner_links} == {"萨克拉门托市"}


def test_a_place_named_after_a_foreign_region_is_of_that_regions_country(tmp_path):
    """美国加利福尼亚州奥克兰市 is Oakland (American), not New Zealand's 奥克兰 the gazetteer lists first."""
    path = tmp_path / "news.txt"
    path.write_text("2023年1月16日，市长孙伟与美国加利福尼亚州奥克兰市市长谢里登·陶会谈。\n", encoding="utf-8")
    facts = extract(read_document(path))
    assert {(m.entity.name, m.entity.country) for m in facts.mentions if m.entity.type == "City"} == {("奥克兰市", "美国")}
    assert [(c.name, c.country) for m in facts.meetings for c in m.counterparts] == [("谢里登·陶", "美国")]
    # (A region two countries have, 江原道, takes the country written before it.)
    path.write_text("2023年，我市已与日本鸟取县米子市、韩国江原道春川市等12个城市建立了友好城市关系。\n", encoding="utf-8")
    facts = extract(read_document(path))
    assert {(m.entity.name, m.entity.country) for m in facts.mentions if m.entity.type == "City"} == {("米子", "日本"), ("春川", "韩国")}


def test_a_place_found_after_its_country_is_whole_when_named_again_and_a_short_last_name_is_its_person(tmp_path):
    """德国埃斯林根市 … 埃斯林根市市长X (the gazetteer's 林根市 is inside it) … 会见了克林一行 (the last
    part, two characters, of 马蒂亚斯·克林)."""
    facts = _page_facts(tmp_path, "常州市与埃斯林根市结好40周年活动举行\n\n2024年9月26日，常州市与德国埃斯林根市结好40周年庆祝活动在常州举行。"
                                  "埃斯林根市市长马蒂亚斯·克林率代表团出席。常州市委书记陈金虎会见了克林一行。\n")
    assert {m.entity.name for m in facts.mentions if m.entity.type == "City"} == {"常州市", "埃斯林根市"}
    assert [(m.home[0].name, m.counterparts[0].name) for m in facts.meetings] == [("陈金虎", "马蒂亚斯·克林")]
    # (克林 is a mention of 马蒂亚斯·克林, not a person of its own.)
    assert {m.entity.name for m in facts.mentions if m.entity.type == "Person"} == {"陈金虎", "马蒂亚斯·克林"}


def test_a_ministry_written_after_a_foreign_country_is_that_countrys(tmp_path):
    """俄罗斯外交部, 德国联邦教育部: not the State Council's ministries of those names."""
    path = tmp_path / "news.txt"
    path.write_text("外宾来访\n\n2019年5月，副市长会见了俄罗斯外交部副部长莫尔古洛夫和德国联邦教育部代表团。\n", encoding="utf-8")
    orgs = {(m.entity.name, m.entity.country) for m in extract(read_document(path)).mentions if m.entity.type == "Organization"}
    assert ("俄罗斯外交部", "俄罗斯") in orgs and ("德国联邦教育部", "德国") in orgs
    assert not any(c == "中国" for _, c in orgs)


def test_a_report_that_names_its_place_only_in_an_events_name_speaks_for_it(tmp_path):
    """A 市外办 report whose title and text name no mainland place but in an event's name
    (“2022昆明国际友城合作论坛”): that place is the home side, not China."""
    facts = _page_facts(tmp_path, "2022年市外办工作进展情况\n\n1.成功举办“2022昆明国际友城合作论坛”，多国代表线上参会。\n"
                                  "2.市长刘佳晨与老挝万象市市长阿沙庞·通萨万举行视频会谈，共同宣布启动两市结好10周年系列活动。\n", name="report.txt")
    assert {(l.home.name, l.partner.name, l.relation) for l in facts.partner_links} >= {("昆明市", "万象市", "sister_city")}
    assert [m.home_place.name for m in facts.meetings] == ["昆明市"]


def test_places_inside_names_weigh_with_the_places_named_alone(tmp_path):
    """A prefecture's yearbook that names one of its county-level cities alone more often than itself,
    and itself inside the names of its events and delegations too (第33届潍坊国际风筝会, 潍坊市友好代表团):
    the prefecture speaks; the county-level city's tie is still its own."""
    facts = _page_facts(tmp_path, "外事侨务\n\n【友好城市】2016年，潍坊市新缔结友好城市2个，潍坊市友好城市总数达48个。4月，第33届潍坊国际风筝会"
                                  "开幕，市长孙海燕会见了法国迪耶普市副市长弗朗索瓦·杜波依斯。6月，潍坊市友好代表团访问德国，出席潍坊—迪耶普"
                                  "风筝文化交流活动。\n9月，韩国礼山郡代表团访问寿光市，寿光市市长会见了代表团，寿光市与礼山郡签署了友好交流关系"
                                  "协议书。\n", name="yearbook.txt")
    links = {(l.home.name, l.partner.name, l.relation) for l in facts.partner_links}
    assert ("潍坊市", "迪耶普", "leader_meeting") in links
    assert ("寿光市", "礼山郡", "friendly_exchange") in links
    assert [m.home_place.name for m in facts.meetings] == ["潍坊市", "寿光市"]


def test_a_company_no_gazetteer_lists_is_of_the_country_written_before_it(tmp_path):
    facts = _page_facts(tmp_path, "2023年9月12日，副市长会见了瑞典沃尔沃建筑设备股份公司高级副总裁一行。\n")
    assert {(m.entity.name, m.entity.country) for m in facts.mentions if m.entity.type == "Company"} >= {("沃尔沃建筑设备股份公司", "瑞典")}


def test_a_chinese_place_inside_a_foreign_bodys_name_is_no_home_of_a_report(tmp_path):
    """A report that names no mainland place but inside a foreign body's name (俄罗斯下诺夫哥罗德州议会
    holds 德州): that is no home place; the home side falls back to China."""
    facts = _page_facts(tmp_path, "2023年市政协外事工作\n\n1.9月，市政协主席会见了来访的俄罗斯下诺夫哥罗德州议会代表团。\n", name="report.txt")
    assert [m.home_place.name for m in facts.meetings] == ["中国"]
    assert {l.home.name for l in facts.partner_links} == {"中国"}


def test_a_venue_clause_has_the_sentences_subject(tmp_path):
    """…率团访问A国，在B市会见了X，在C市会见了Y: the delegation's head meets both, not the home place."""
    facts = _page_facts(tmp_path, "出访情况\n\n2024年4月，区委书记周明率团访问西班牙、葡萄牙，在马德里会见了马德里市副市长卡洛斯·加西亚，"
                                  "在里斯本会见了里斯本市市长安娜·索萨。\n")
    assert {(m.home[0].name, m.counterparts[0].name) for m in facts.meetings} == {
        ("周明", "卡洛斯·加西亚"), ("周明", "安娜·索萨")}


def test_a_foreign_wards_name_written_bare_later_is_that_ward(tmp_path):
    """韩国首尔市江南区 … 与江南区区长会谈: the bare 江南区 is Seoul's ward again, not the Chinese
    district of that name, and no home place of the report."""
    facts = _page_facts(tmp_path, "区外办2023年工作情况\n\n1.3月，区委书记王强率团访问韩国首尔市江南区，与江南区区长赵成明举行会谈。\n", name="report.txt")
    assert {(m.entity.name, m.entity.country) for m in facts.mentions if m.entity.type == "Region"} == {("首尔市江南区", "韩国")}
    assert [m.home_place.name for m in facts.meetings] == ["中国"]


def test_a_listed_items_bracketed_date_dates_no_later_item(tmp_path):
    """A date in brackets after a listed place (锡耶纳市（2019年11月）) is that item's: the ties
    listed after it, in the same sentence or the next, take the date told before the list (or their own)."""
    facts = _page_facts(tmp_path, "西安市外事工作\n\n2019年，西安新增国际友好城市2个：意大利锡耶纳市（2019年4月）、英国爱丁堡市（2019年11月）；"
                                  "新增友好交流城市2个：法国艾克斯市、罗马尼亚克卢日-纳波卡市（2019年12月）、匈牙利佩奇市。\n", name="summary.txt")
    dates = {l.partner.name: l.date for l in facts.partner_links if l.relation == "friendly_exchange"}
    assert dates == {"艾克斯市": "2019", "克卢日-纳波卡市": "2019-12", "佩奇市": "2019"}


def test_a_friendly_tie_founded_in_a_year_its_clause_writes_is_of_that_year(tmp_path):
    """成都与谢菲尔德于2016年缔结友好合作关系以来: the tie is of 2016, not of the day the page tells."""
    facts = _page_facts(tmp_path, "市长会见英国客人\n2018-11-22 来源：成都日报\n\n11月21日，市长罗强会见了英国谢菲尔德市市长玛格达·纳格一行。"
                                  "罗强说，成都与谢菲尔德于2016年缔结友好合作关系以来，两市交流不断深化。\n")
    assert {(l.partner.name, l.date) for l in facts.partner_links if l.relation == "friendly_exchange"} == {("谢菲尔德", "2016")}


def test_a_clause_going_on_with_another_place_is_that_places(tmp_path):
    """…出席了在东京举行的交流大会，并与静冈县签署了…备忘录: the memorandum is 静冈县's, not the
    venue's, though the clause goes on with 并."""
    facts = _page_facts(tmp_path, "苏州市代表团访问日本\n\n访问期间，苏州市代表团还出席了在日本东京举行的中日友好城市交流大会，并与静冈县签署了友好交流合作备忘录。\n", name="visit.txt")
    assert {l.partner.name for l in facts.partner_links if l.relation == "friendly_exchange"} == {"静冈县"}


def test_a_foreign_citys_ward_no_gazetteer_lists(tmp_path):
    """仁川广域市延寿区, listed after another ward without its country: the ward of that city, named with
    it, also where the text writes it bare (与延寿区签署…)."""
    facts = _page_facts(tmp_path, "区领导赴韩国开展友好交流\n\n9月25日，区委书记韩毅率区代表团访问韩国首尔市城东区和仁川广域市延寿区，并与延寿区签署了友好交流合作协议。\n", name="visit.txt")
    assert ("仁川广域市延寿区", "Region", "韩国") in {(m.entity.name, m.entity.type, m.entity.country) for m in facts.mentions}
    assert "延寿区" not in {m.entity.name for m in facts.mentions}
    assert {l.partner.name for l in facts.partner_links if l.relation == "friendly_exchange"} == {"仁川广域市延寿区"}


def test_a_home_place_written_without_its_unit_is_the_home_place(tmp_path):
    """吉林 in a text of 吉林省 is the province (its home place), not the city 吉林市."""
    facts = _page_facts(tmp_path, "吉林省与俄罗斯滨海边疆区举行省州长对话\n\n吉林省与滨海边疆区于2013年结为友好省州。"
                                  "双方一致同意，在2024年举办吉林—滨海边疆区经贸合作推介会。\n", name="dialogue.txt")
    assert {l.home.name for l in facts.partner_links} == {"吉林省"}


def test_a_section_of_plans_states_no_ties_and_an_item_is_not_of_the_last_items_month(tmp_path):
    """二、2024年工作思路: the ties it names are plans; （二）… is not of the month （一） told."""
    facts = _page_facts(tmp_path, "义乌市外事办公室2023年工作总结和2024年工作思路\n一、2023年工作成效\n"
                                  "（一）友城工作取得新突破。9月，我市与肯尼亚蒙巴萨郡签署建立友好交流关系备忘录。\n"
                                  "（二）高层往来持续活跃。市委书记林毅会见了秘鲁驻华大使路易斯·克萨达。\n"
                                  "二、2024年工作思路\n（一）积极推进与阿联酋迪拜市、巴西圣保罗市缔结友好城市关系。\n", name="summary.txt")
    assert {l.partner.name for l in facts.partner_links} == {"蒙巴萨郡"}
    assert [(m.date, m.counterparts[0].name) for m in facts.meetings] == [("2023", "路易斯·克萨达")]


def test_a_partner_named_with_its_country_is_of_that_country_everywhere_in_the_text(tmp_path):
    """美国圣保罗市 … 长沙—圣保罗友好城市结好36周年座谈会: the Saint Paul the text names, not the
    gazetteer's São Paulo read inside the event's name."""
    facts = _page_facts(tmp_path, "市领导会见美国友人\n\n9月5日，市长周海兵在长沙会见了美国圣保罗市市长梅尔文·卡特一行。"
                                  "随后，双方共同出席了长沙—圣保罗友好城市结好36周年座谈会。\n")
    assert {l.partner.country for l in facts.partner_links} == {"美国"}


def test_a_ward_after_a_special_city_in_a_title_is_no_home(tmp_path):
    """首尔特别市 keeps its 市: the 江南区 after it in a title is Seoul's ward, not the document's home."""
    facts = _page_facts(tmp_path, "区委书记会见韩国首尔特别市江南区区厅长\n\n4日下午，区委书记张三会见了韩国首尔特别市江南区区厅长赵成明一行。\n")
    assert {m.home_place.name for m in facts.meetings} == {"中国"}
    assert {(l.home.name, l.partner.name) for l in facts.partner_links} == {("中国", "首尔特别市江南区")}


def test_a_place_inside_a_persons_name_in_the_title_is_no_home(tmp_path):
    """建华 (建华区) inside 邹建华, whom the text names with a title: the title's home is 南昌市."""
    facts = _page_facts(tmp_path, "邹建华率南昌市代表团访问匈牙利\n\n6月13日，市长邹建华会见了匈牙利德布勒森市市长佐尔坦·萨博。邹建华表示，…\n")
    assert {m.home_place.name for m in facts.meetings} == {"南昌市"}


def test_the_home_side_speaks_for_the_last_place_of_a_chain(tmp_path):
    """南京市鼓楼区区委书记 speaks for 鼓楼区, 江苏省南京市市长 for 南京市."""
    facts = _page_facts(tmp_path, "4日，南京市鼓楼区区委书记张三会见了德国柏林市米特区区长一行。"
                                  "5日，江苏省南京市市长李四会见了法国里昂市市长格雷戈里·杜塞。\n")
    assert {(m.home[0].name, m.home_place.name) for m in facts.meetings} == {("张三", "鼓楼区"), ("李四", "南京市")}


def test_a_title_naming_its_city_before_a_title_speaks_for_that_city(tmp_path):
    """绍兴市长与…: the title names 绍兴市 (the pipeline reads 绍兴, then 市长); the text names no place of its own."""
    facts = _page_facts(tmp_path, "绍兴市长与法国图尔市代表团会谈\n\n2018年11月5日\n\n4日下午，市长李四在市行政中心会见了由图尔市副市长"
                                  "让·杜邦率领的法国图尔市友好代表团一行。\n")
    assert {(m.home[0].name, m.home_place.name) for m in facts.meetings} == {("李四", "绍兴市")}


def test_a_level_word_alone_is_the_home_place_and_an_official_named_by_title_only_stands_for_their_place(tmp_path):
    """自治区主席 in a text of 宁夏回族自治区 is its chairman; 会见了A市市长X和B省省长 met X and B (the
    governorate as written, 马斯喀特省, now that the name before it no longer covers it)."""
    facts = _page_facts(tmp_path, "宁夏回族自治区人民政府外事办公室2023年工作总结\n\n"
                                  "5月，自治区主席张三分别会见了约旦安曼市市长优素福·肖瓦尔基和阿曼马斯喀特省省长。"
                                  "自治区党委书记李四会见了阿联酋驻华大使阿里·扎希里。\n", name="report.txt")
    assert {(p.person.name, p.title, p.organization.name) for p in facts.positions if p.person.name in ("张三", "李四")} == {
        ("张三", "主席", "宁夏回族自治区"), ("李四", "书记", "中共宁夏回族自治区委")}
    met = {c.name for m in facts.meetings if m.home[0].name == "张三" for c in m.counterparts}
    assert met == {"优素福·肖瓦尔基", "马斯喀特省"}


def test_entries_of_a_chronicle_open_with_their_date_and_a_visiting_body_is_met(tmp_path):
    """大事记 entries (1月18日　市长X…): the date is no body of X's; a foreign body's delegation met
    (日本冈山县议会代表团…，副市长会见代表团) is the body, not the guest of the entry before (the text
    never names the group's head)."""
    facts = _page_facts(tmp_path, "外事活动大事记（2022年）\n\n1月18日　市长陈华会见法国驻成都总领事贝文一行。\n"
                                  "4月15日至17日　日本冈山县议会代表团一行5人来访，副市长黄伟会见代表团。\n", name="chronicle.txt")
    assert {(p.person.name, p.title, p.organization) for p in facts.positions if p.person.name == "陈华"} == {("陈华", "市长", None)}
    assert {m.home[0].name: [c.name for c in m.counterparts] for m in facts.meetings} == {
        "陈华": ["贝文"], "黄伟": ["冈山县议会"]}


def test_an_official_met_in_a_foreign_place_with_a_title_and_no_body_is_of_that_place(tmp_path):
    """在巴勒莫市与市长X共同签署…: X is 巴勒莫's mayor (the meeting's counterpart is of that place, and
    the partner link of the leaders' meeting is that place's)."""
    facts = _page_facts(tmp_path, "成都市友城工作综述\n\n2019年9月，市长罗强率团出访意大利，在巴勒莫市与市长莱奥卢卡·奥兰多共同签署"
                                  "两市缔结友好城市关系协议书。\n")
    (m,) = facts.meetings
    assert [(c.name, [o.name for o in c.organizations]) for c in m.counterparts] == [("莱奥卢卡·奥兰多", ["巴勒莫"])]
    assert ("成都市", "巴勒莫", "leader_meeting") in {(l.home.name, l.partner.name, l.relation) for l in facts.partner_links}


def test_an_official_met_in_the_one_foreign_place_the_sentence_goes_to_is_of_it(tmp_path):
    """访问昆士兰州，与州长X举行会谈: X is Queensland's; with two places visited, no place is X's."""
    facts = _page_facts(tmp_path, "浙江省外办工作综述\n\n2023年5月，副省长张三率团访问澳大利亚昆士兰州，与州长安娜斯塔西娅·帕拉什克举行会谈。"
                                  "6月，副省长李四率团访问法国巴黎和里昂，与市长让·杜邦举行会谈。\n")
    orgs = {m.home[0].name: [[o.name for o in c.organizations] for c in m.counterparts] for m in facts.meetings}
    assert orgs == {"张三": [["昆士兰州"]], "李四": [[]]}


def test_persons_met_one_after_another_are_a_meeting_each(tmp_path):
    """分别会见了A、B和C (先后拜会了…): held one after another, three meetings, each with its guest's
    country; 会见了A、B和C together is one."""
    facts = _page_facts(tmp_path, "2023年7月3日，市委书记王忠林分别会见了英国驻重庆总领事史家麟、法国驻成都总领事傅德乐和德国驻成都总领事孔德安。"
                                  "2023年7月5日，市长胡衡华会见了英国驻重庆总领事史家麟和法国驻成都总领事傅德乐。\n")
    assert [(m.home[0].name, [c.name for c in m.counterparts], m.country) for m in facts.meetings] == [
        ("王忠林", ["史家麟"], "英国"), ("王忠林", ["傅德乐"], "法国"), ("王忠林", ["孔德安"], "德国"),
        ("胡衡华", ["史家麟", "傅德乐"], "英国;法国")]


def test_a_foreign_city_before_its_mayor_is_of_the_country_the_sentence_or_document_gives(tmp_path):
    """A city no gazetteer lists, written before its mayor and a transliterated name: of the country
    of the stay its sentence tells (在意大利期间), or of the country the document named it after
    (蒙古国南戈壁省达兰扎达嘎德市 … 达兰扎达嘎德市市长X)."""
    facts = facts_of("在意大利期间，李志刚与维泰博市市长乔瓦尼·罗西举行会谈。", tmp_path)
    assert {(m.entity.name, m.entity.country) for m in facts.mentions if m.entity.type == "City"} == {("维泰博市", "意大利")}
    facts = facts_of("鄂尔多斯市与蒙古国南戈壁省达兰扎达嘎德市签署了备忘录。副市长刘晓燕与达兰扎达嘎德市市长额尔敦毕力格·巴特巴雅尔"
                     "分别代表两市在备忘录上签字。", tmp_path)
    assert {(m.entity.name, m.entity.country) for m in facts.mentions if m.entity.name == "达兰扎达嘎德市"} == {("达兰扎达嘎德市", "蒙古")}


def test_a_meeting_in_the_headline_and_in_the_report_is_one_dated_by_the_report(tmp_path):
    """The headline names the meeting with no date of its own (the page's year); the report tells the day:
    one meeting, of that day, quoting the report."""
    p = tmp_path / "news.txt"
    p.write_text("首页 > 新闻中心 > 要闻\n王海会见德国卡塞尔市市长克里斯蒂安·格塞尔一行\n来源：日报　发布时间：2023-09-15 09:32\n"
                 "9月14日下午，市长王海会见了德国卡塞尔市市长克里斯蒂安·格塞尔率领的代表团一行。\n", encoding="utf-8")
    facts = extract(read_document(p))
    assert [(m.date, m.evidence.line) for m in facts.meetings] == [("2023-09-14", 4)]


def test_an_anniversary_counts_from_the_year_its_sentence_writes(tmp_path):
    """In a report on 2023, 2024年是…十周年 was founded in 2014 and …于2024年9月访问… at the twentieth
    in 2004; a founding year the sentence writes (1994年结好，今年…30周年) is no year to count from."""
    p = tmp_path / "report.txt"
    p.write_text("2024年是南通市与德国巴登-符腾堡州路德维希堡县建立友好城市关系十周年。\n"
                 "在纪念两市结好二十周年之际，南通市代表团于2024年9月访问了美国俄亥俄州曼斯菲尔德市。\n"
                 "南通与意大利里米尼市1993年结好，今年迎来结好30周年。\n", encoding="utf-8")
    (tmp_path / "report.meta.toml").write_text("covers = 2023\n", encoding="utf-8")
    since = {l.partner.name: l.since for l in extract(read_document(p)).partner_links if l.relation == "sister_city"}
    assert since == {"路德维希堡县": "2014", "曼斯菲尔德市": "2004", "里米尼市": "1993"}


def test_a_signing_between_persons_who_met_that_day_is_no_second_meeting(tmp_path):
    """The dev conventions read a signing as a meeting only where no 会见 is stated: persons who met
    earlier that day (会见了A和B) and then sign (沈卫平与A签署…) met once; a signing of others is one."""
    facts = facts_of("2023年5月17日，宁波市市长沈卫平会见了匈牙利塞格德市市长拉斯洛·科瓦奇和塞尔维亚克拉古耶瓦茨市市长德拉甘·彼得罗维奇。"
                     "当天下午，沈卫平与科瓦奇签署了宁波市与塞格德市建立友好城市关系协议书；副市长李晓春与波兰卢布林市副市长托马什·菲利皮亚克"
                     "签署了《宁波市与卢布林市经贸合作备忘录》。", tmp_path)
    got = sorted(([h.name for h in m.home], [c.name for c in m.counterparts]) for m in facts.meetings)
    assert got == [(["李晓春"], ["托马什·菲利皮亚克"]), (["沈卫平"], ["拉斯洛·科瓦奇", "德拉甘·彼得罗维奇"])]


def test_attendees_join_the_meetings_told_on_their_own_line(tmp_path):
    """Attendees (参加会见) after a meeting told on their line join that meeting, not one told on an
    earlier line of the same day."""
    facts = facts_of("2023年6月14日上午，市委书记周伟东会见了韩国驻华大使郑在勋一行，副市长高雅琴在座。\n"
                     "当天下午，周伟东还会见了丹麦维斯塔斯风力技术集团全球副总裁亨里克·拉斯穆森一行。常务副市长王海涛参加会见。", tmp_path)
    got = {(h.name, c.name) for m in facts.meetings for h in m.home for c in m.counterparts}
    assert got == {("周伟东", "郑在勋"), ("高雅琴", "郑在勋"), ("周伟东", "亨里克·拉斯穆森"), ("王海涛", "亨里克·拉斯穆森")}


def test_a_quoted_name_with_a_dot_and_a_member_of_a_board_are_read_apart(tmp_path):
    """A quoted name joined by a dot (“湾区智造·投资南海”) is no person; 成员 before a transliterated
    name is a title, not its first part."""
    facts = facts_of("2024年10月22日，南海区委书记黄志成会见了博世集团董事会成员安德烈亚斯·施密特。当天下午，南海区在斯图加特举办"
                     "“湾区智造·投资南海”推介会。", tmp_path)
    assert {(h.name, c.name) for m in facts.meetings for h in m.home for c in m.counterparts} == {("黄志成", "安德烈亚斯·施密特")}


def test_a_county_body_after_a_foreign_county_is_not_the_home_places(tmp_path):
    """圣菲县|县委会: 县委 written right after a county's name is that county's body, not the
    home county's party committee (a short form the reader would expand to the home place)."""
    facts = _page_facts(tmp_path, "2022年4月8日，省长李华致信美国俄勒冈州克拉克默斯县县委会主席詹妮弗·沃特森。\n", name="letter.txt")
    assert not [m.entity.name for m in facts.mentions if m.entity.type == "Organization" and m.entity.country == "中国"]


def test_a_video_link_that_tells_the_manner_of_meetings_one_after_another_is_no_meeting_of_its_own(tmp_path):
    """通过视频连线分别会见了A、B: two meetings by video, not a third with both."""
    facts = _page_facts(tmp_path, "2022年6月29日，市长李国栋通过视频连线分别会见了马来西亚新山市市长莫哈末·伊斯梅尔、"
                                  "格鲁吉亚巴统市市长阿尔奇尔·基卡瓦。\n", name="video.txt")
    assert sorted([c.name for c in m.counterparts] for m in facts.meetings) == [["莫哈末·伊斯梅尔"], ["阿尔奇尔·基卡瓦"]]
    assert {m.mode for m in facts.meetings} == {"video"}


def test_a_text_the_pair_signed_in_a_year_its_clause_writes_is_of_that_year(tmp_path):
    """…海南与沙巴州同为热带海岛。2019年双方签署友好交流合作备忘录以来，…: the memorandum of the pair
    the sentence before named is of 2019, not of the page's day; the cooperation since is standing."""
    facts = _page_facts(tmp_path, "2024年4月16日，省长刘小明会见了马来西亚沙巴州首席部长哈吉吉·诺一行。刘小明说，海南与沙巴州同为热带海岛。"
                                  "2019年双方签署友好交流合作备忘录以来，两地在旅游、热带农业等领域交流合作不断深化。\n", name="visit.txt")
    got = {(l.relation, l.date) for l in facts.partner_links if l.partner.name == "沙巴州"}
    assert ("friendly_exchange", "2019") in got and ("cooperation", "") in got


def test_a_city_after_its_country_and_a_region_no_gazetteer_lists_is_of_that_country(tmp_path):
    """美国加州奥克兰市: 加州 (no gazetteer's form) is read after its country, and the city after it is of
    that country, not the gazetteer's 奥克兰 of New Zealand."""
    facts = _page_facts(tmp_path, "2024年9月3日，市长王伟会见了来访的美国加州奥克兰市市长谢盛桃一行。\n")
    assert {(m.entity.name, m.entity.country) for m in facts.mentions if m.entity.type == "City"} == {("奥克兰市", "美国")}
    assert [c.country for m in facts.meetings for c in m.counterparts] == ["美国"]


def test_a_foreign_place_of_a_mainland_places_name_is_no_home(tmp_path):
    """韩国丽水市 (Yeosu) in a title and text is no mainland 丽水市: the meeting's home is not it."""
    facts = _page_facts(tmp_path, "副省长王刚在韩国丽水市会见全罗南道知事\n\n2024年10月，应邀出席在韩国丽水市举行的第26届中日韩地方政府交流会议期间，"
                                  "副省长王刚会见了全罗南道知事金永录。\n")
    assert [m.home_place.name for m in facts.meetings] != ["丽水市"]
    assert all(l.home.name != "丽水市" for l in facts.partner_links)


def test_a_chronicles_month_heading_dates_the_days_under_it(tmp_path):
    """A chronicle of a year, published the next year: 1月 / 8日 … is 2019-01-08, not a day of the
    page's month."""
    path = tmp_path / "chronicle.txt"
    path.write_text("2019年潍坊市外事工作大事记\n1月\n8日 市长刘玉峰会见韩国驻青岛总领事朴基俊一行。\n"
                    "4月\n19日 市委书记田瑞祥会见法国迪耶普市市长妮可尔·杜兰。\n", encoding="utf-8")
    (tmp_path / "chronicle.meta.toml").write_text('title = "2019年潍坊市外事工作大事记"\ndate = "2020-03-10"\n', encoding="utf-8")
    facts = extract(read_document(path))
    assert sorted(m.date for m in facts.meetings) == ["2019-01-08", "2019-04-19"]


def test_the_head_of_a_group_named_in_a_frame_has_no_words_of_the_act_in_their_body(tmp_path):
    facts = facts_of("2024年6月18日晚，市长周建会见并宴请了以副市长卡洛斯·门德斯为团长的巴西库里蒂巴市政府代表团。", tmp_path)
    (m,) = facts.meetings
    assert [p.name for p in m.counterparts] == ["卡洛斯·门德斯"]
    assert not any(o.name.startswith(("了", "以")) for o in m.counterparts[0].organizations)
    facts = facts_of("市长周建会见了由以色列驻华大使伊利·贝尔特率领的代表团。", tmp_path)
    (m,) = facts.meetings
    assert [o.name for o in m.counterparts[0].organizations] == ["以色列"]


def test_a_counterpart_named_by_a_local_title_alone_is_of_the_venue(tmp_path):
    facts = facts_of("2017年6月12日至18日，市长孔晓宏率黄山市政府代表团访问法国、意大利，在意大利锡耶纳市与市长马可·罗西会谈。", tmp_path)
    (m,) = facts.meetings
    assert [(o.name, o.type, o.country) for o in m.counterparts[0].organizations] == [("锡耶纳市", "City", "意大利")]


def test_a_tie_founded_long_before_the_year_covered_dates_no_later_act_and_years_in_order(tmp_path):
    """In a yearbook of 2019, 1995年4月 (a tie's founding) does not date the next sentence's 9月20日
    至24日; years listed in order (2008年和2016年，…分别与A、B…) are each place's."""
    facts = _page_facts(tmp_path, "【友好城市】2019年，铜陵市新缔结友好城市1个。\n\n"
                                  "【意大利皮斯托亚市】1995年4月，铜陵市与皮斯托亚市结为友好城市。9月20日至24日，副市长王芳率团访问皮斯托亚市，"
                                  "拜会了皮斯托亚市市长亚历山德罗·托马西。\n\n"
                                  "2008年和2016年，铜陵市分别与韩国牙山市、蒙古国达尔汗市建立友好交流城市关系。\n", name="yearbook.txt")
    assert [(m.date, m.home[0].name, m.counterparts[0].name) for m in facts.meetings] == [("2019-09-20/2019-09-24", "王芳", "亚历山德罗·托马西")]
    assert {(l.partner.name, l.date) for l in facts.partner_links if l.relation == "friendly_exchange"} == {("牙山市", "2008"), ("达尔汗市", "2016")}


def test_a_chinese_places_name_given_to_a_foreign_place_after_its_country_is_that_place_bare(tmp_path):
    """A yearbook entry on 韩国广州市 (Gwangju, Gyeonggi): its bare 广州市 later is that city, of Korea,
    not Guangzhou — a letter to its mayor and the tie are with it."""
    facts = _page_facts(tmp_path, "【友好城市】2020年，潍坊市友好城市工作稳步推进。\n\n"
                                  "【韩国广州市】广州市位于韩国京畿道。2001年5月，潍坊市与广州市缔结友好城市关系。"
                                  "10月，市长田庆盈致信广州市市长申东宪，祝贺文化节举办。\n", name="yearbook.txt")
    assert [(m.mode, m.home[0].name, m.counterparts[0].name, m.counterparts[0].organizations[0].country) for m in facts.meetings] == [
        ("letter", "田庆盈", "申东宪", "韩国")]
    assert {(l.partner.name, l.partner.country, l.relation, l.since) for l in facts.partner_links if l.relation == "sister_city"} == {
        ("广州市", "韩国", "sister_city", "2001")}


def test_a_person_named_as_a_city_in_the_title_is_no_home_place(tmp_path):
    """市委书记宁波会见…: 宁波 is the secretary (of 芜湖, the place the text names), not the city 宁波."""
    facts = _page_facts(tmp_path, "市委书记宁波会见德国克雷菲尔德市代表团\n\n3月22日下午，市委书记宁波在市政府会见了由德国克雷菲尔德市市长弗兰克·迈耶"
                                  "率领的代表团一行。宁波说，芜湖与克雷菲尔德自1990年结为友好城市以来交流密切。\n")
    assert {m.home_place.name for m in facts.meetings} == {"芜湖市"}
    assert {(l.home.name, l.relation) for l in facts.partner_links} >= {("芜湖市", "leader_meeting"), ("芜湖市", "sister_city")}


def test_a_section_that_names_the_year_it_tells_of_dates_its_acts(tmp_path):
    """A report of January 2024 whose section 一、2023年工作回顾 tells of 2023: 全年 and 9月 are of 2023."""
    facts = _page_facts(tmp_path, "政府工作报告\n\n——2024年1月16日在铜陵市人民代表大会上\n\n一、2023年工作回顾\n\n"
                                  "全年新缔结国际友好城市1个，为匈牙利索尔诺克市。\n\n"
                                  "9月，市长王军与索尔诺克市市长费伦茨·萨洛基举行视频会谈。\n\n二、2024年工作安排\n\n持续扩大对外开放。\n", name="report.txt")
    assert [(m.date, m.mode, m.home[0].name) for m in facts.meetings] == [("2023-09", "video", "王军")]
    assert {(l.partner.name, l.since) for l in facts.partner_links if l.relation == "sister_city"} == {("索尔诺克市", "2023")}


def test_a_report_by_a_places_own_government_speaks_for_that_place(tmp_path):
    """来源：新疆维吾尔自治区人民政府外事办公室: the text speaks for 新疆 although it names 喀什地区 more;
    论坛期间 is the forum's days."""
    (tmp_path / "forum.meta.toml").write_text('title = "中国—中亚地方合作论坛举行"\ndate = "2024-09-12"\n', encoding="utf-8")
    path = tmp_path / "forum.txt"
    path.write_text("中国—中亚地方合作论坛举行\n\n发布日期：2024-09-12　来源：新疆维吾尔自治区人民政府外事办公室\n\n"
                    "9月10日至11日，中国—中亚地方合作论坛在乌鲁木齐举行，喀什地区、喀什地区各县代表参会。\n\n"
                    "9月9日，自治区外办主任艾尔肯·吐尔逊会见了哈萨克斯坦阿拜州副州长叶尔兰·努尔兰诺夫。\n\n"
                    "论坛期间，喀什地区行署专员阿不都热依木·卡德尔与吉尔吉斯斯坦奥什州州长塔兰特·马梅托夫举行会谈。\n", encoding="utf-8")
    facts = extract(read_document(path))
    assert {(l.home.name, l.partner.name) for l in facts.partner_links if l.relation == "leader_meeting"} == {
        ("新疆维吾尔自治区", "阿拜州"), ("喀什地区", "奥什州")}
    assert {m.date for m in facts.meetings if m.home[0].name == "阿不都热依木·卡德尔"} == {"2024-09-10/2024-09-11"}


def test_a_reply_is_a_letter_of_its_own(tmp_path):
    """A mayor's greetings read out, and the home mayor's reply the same day: two letters."""
    facts = _page_facts(tmp_path, "2025-04-18 来源：铜陵日报\n\n4月17日，法国加亚克市副市长玛丽·杜邦宣读了加亚克市市长帕特里克·勒菲弗尔致铜陵市市长王军的贺信。"
                                  "当天，王军向勒菲弗尔市长复信，感谢他为推动两市交流所作的贡献。\n")
    assert sorted((m.mode, m.home[0].name, m.counterparts[0].name, m.evidence.quote[:4]) for m in facts.meetings if m.mode == "letter") == [
        ("letter", "王军", "帕特里克·勒菲弗尔", "4月17"), ("letter", "王军", "帕特里克·勒菲弗尔", "当天，王")]


def test_of_two_places_a_title_names_the_home_is_the_one_the_text_names_most(tmp_path):
    """讲好泰山故事——访泰安市外办主任: 泰山 (also a district of 泰安) comes first in the title, but the
    text speaks for 泰安市, which it names more."""
    facts = _page_facts(tmp_path, "讲好泰山故事——访泰安市外办主任王振东\n\n记者：泰安的国际友城工作是从什么时候起步的？\n\n"
                                  "王振东：1991年，泰安市与日本田边市结为友好城市。2003年，我们又与韩国庆州市结为友好城市，"
                                  "此后每年都有上万名韩国游客来泰山登山。\n")
    assert {(l.home.name, l.partner.name) for l in facts.partner_links if l.relation == "sister_city"} == {
        ("泰安市", "田边市"), ("泰安市", "庆州市")}


def test_a_meeting_of_unnamed_leaders_and_a_later_call_on_a_named_one_are_two(tmp_path):
    """Over a visit's days, 市主要领导会见了X (no name on the home side) and, paragraphs later, X拜会了
    副市长Y are two meetings; the first is not Y's told again."""
    text = ("通化市领导会见韩国总领事\n日期：2016-05-20\n\n"
            "5月18日至19日，大韩民国驻沈阳总领事馆总领事朴成浩一行应邀对我市进行工作访问。市主要领导会见了朴成浩一行。\n"
            "会见中，市领导介绍了我市经济社会发展情况。\n"
            "朴总领事表示，愿推动双方在经贸领域的合作。\n"
            "访问期间，朴成浩一行还拜会了副市长王立新。\n")
    homes = {tuple(p.name for p in m.home) for m in _page_facts(tmp_path, text).meetings}
    assert {("通化市",), ("王立新",)} <= homes


def test_an_official_named_again_by_surname_and_title(tmp_path):
    """符市长 after 符海明市长 is 符海明, who meets the guest; where two persons share the surname and
    title (王市长 after 王海明市长 and 王立新市长), neither is meant."""
    text = ("三亚市外办主任访谈\n日期：2019-12-20\n\n"
            "4月18日，符海明市长率团访问印度尼西亚巴厘省登巴萨市。今年6月，符市长在三亚会见了澳门特别行政区政府旅游局副局长程卫东一行。\n")
    homes = {tuple(p.name for p in m.home) for m in _page_facts(tmp_path, text).meetings}
    assert homes == {("符海明",)}
    two = text.replace("符市长", "王市长").replace("符海明市长率团", "王海明市长、王立新市长率团")
    assert ("王海明",) not in {tuple(p.name for p in m.home) for m in _page_facts(tmp_path, two, "two.txt").meetings}


def test_a_month_of_last_year_told_in_passing_dates_nothing_after_it(tmp_path):
    """去年11月 in a page of 2021-06-10 is history told in passing: 6月8日 after it is of 2021, not 2020."""
    text = ("北海市与越南下龙市举行视频会谈\n日期：2021-06-10\n\n"
            "本报讯 昨天下午，市长覃国斌会见了越南客人。去年11月，两市联合举办了旅游推介会。"
            "又讯 6月8日，覃国斌复信越南芒街市人民委员会主席陈光荣。\n")
    dates = {m.mode: m.date for m in _page_facts(tmp_path, text).meetings}
    assert dates.get("letter") == "2021-06-08"


def test_a_place_after_a_region_of_a_name_several_countries_have_is_of_the_country_written_first(tmp_path):
    """蒙古国东方省乔巴山市: 东方省 is also Cameroon's; the city no gazetteer lists is Mongolia's."""
    facts = _page_facts(tmp_path, "赤峰市与乔巴山市结好\n\n8月27日，赤峰市与蒙古国东方省乔巴山市缔结友好城市关系签字仪式在赤峰举行。\n")
    got = {(m.entity.name, m.entity.country) for m in facts.mentions if m.entity.type in ("City", "Region")}
    assert {("东方省", "蒙古"), ("乔巴山市", "蒙古")} <= got
