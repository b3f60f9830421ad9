"""Leaders' tables of any city: the columns named as such tables name them (kg/extract/tables.py)."""
from __future__ import annotations

from .examples import facts_of


def test_guests_in_a_column_of_their_own(tmp_path):
    """A table whose guests have their own column (外宾) and whose content says only how they met."""
    text = ("表2 2022年成都市领导会见外宾情况\n\n日期\t市领导\t外宾\t国别\t内容\n"
            "3月5日\t王凤朝\t法国驻成都总领事贝文\t法国\t会见\n"
            "4月12日\t刘筱柳\t德国巴伐利亚州州长马库斯·索德尔\t德国\t视频会见")
    facts = facts_of(text, tmp_path)
    got = sorted((m.date, [h.name for h in m.home], [c.name for c in m.counterparts], m.country, m.mode) for m in facts.meetings)
    assert got == [
        ("2022-03-05", ["王凤朝"], ["贝文"], "法国", "in_person"),
        ("2022-04-12", ["刘筱柳"], ["马库斯·索德尔"], "德国", "video"),
    ]


def test_leaders_with_titles_and_guests_whose_row_names_no_act(tmp_path):
    """Leaders written with their titles (市长 张伟, 副市长李娜), a guest apart from its title
    (驻华大使 马克·约翰逊), and a row whose content names no act (礼节性拜会, 友城交流): each row
    that names its guest is a meeting."""
    text = ("2022年市领导会见外宾情况一览表\n\n日期\t会见领导\t外宾\t国别\t事由\n"
            "3月2日\t市长 张伟\t驻华大使 马克·约翰逊\t英国\t礼节性拜会\n"
            "5月18日\t副市长李娜、秘书长王强\t市长 阿卜杜拉·哈桑\t埃及\t友城交流")
    facts = facts_of(text, tmp_path)
    got = sorted((m.date, [h.name for h in m.home], [c.name for c in m.counterparts], m.country) for m in facts.meetings)
    assert got == [
        ("2022-03-02", ["张伟"], ["马克·约翰逊"], "英国"),
        ("2022-05-18", ["李娜", "王强"], ["阿卜杜拉·哈桑"], "埃及"),
    ]


def test_a_provinces_leaders_table(tmp_path):
    text = ("表1 2023年省领导会见外宾一览\n\n时间\t省领导\t活动内容\n"
            "5月8日\t王 宁\t会见老挝万象市市长阿沙庞·坦马冯")
    facts = facts_of(text, tmp_path)
    assert [(m.date, [h.name for h in m.home], [c.name for c in m.counterparts]) for m in facts.meetings] == [
        ("2023-05-08", ["王宁"], ["阿沙庞·坦马冯"])
    ]


def _links(facts):
    return sorted((l.home.name, l.partner.name, l.partner.type, l.partner.country, l.relation, l.since, l.date)
                  for l in facts.partner_links)


def test_a_list_of_partner_places_without_a_caption(tmp_path):
    """A list of sister places as a table no 表N caption announces: its title line names it; each
    row ties the home place to its place, of the row's country, since the row's date."""
    text = ("长沙市国际友好城市一览表\n\n序号\t国家\t城市\t结好时间\n1\t日本\t鹿儿岛市\t1982年10月\n"
            "2\t美国\t圣保罗市\t1988年5月\n3\t法国\t卢瓦雷省\t2012年10月\n")
    assert _links(facts_of(text, tmp_path)) == [
        ("长沙市", "卢瓦雷省", "Region", "法国", "sister_city", "2012", "2012-10"),
        ("长沙市", "圣保罗市", "City", "美国", "sister_city", "1988", "1988-05"),
        ("长沙市", "鹿儿岛市", "City", "日本", "sister_city", "1982", "1982-10"),
    ]


def test_a_provinces_list_of_friendly_exchange_places(tmp_path):
    """A caption naming the tier below sister places, and a column for the province's own city."""
    text = ("表3 湖南省友好交流城市\n\n中方城市\t外方城市\t国家\t时间\n株洲市\t奥克兰市\t新西兰\t2016年\n"
            "湘潭市\t大田广域市\t韩国\t2019年6月\n")
    assert _links(facts_of(text, tmp_path)) == [
        ("株洲市", "奥克兰市", "City", "新西兰", "friendly_exchange", "", "2016"),
        ("湘潭市", "大田广域市", "City", "韩国", "friendly_exchange", "", "2019-06"),
    ]


def test_a_numbered_list_under_a_title_that_names_the_tier(tmp_path):
    """Numbered items (1.意大利威尼斯市 1980年3月24日) under a title or heading naming the tier:
    each ties the home place to its place, since the item's date."""
    text = "扬州市国际友好城市\n\n1.意大利里米尼市 1994年5月12日\n2.日本厚木市 1984年10月8日\n"
    assert _links(facts_of(text, tmp_path)) == [
        ("扬州市", "厚木市", "City", "日本", "sister_city", "1984", "1984-10-08"),
        ("扬州市", "里米尼市", "City", "意大利", "sister_city", "1994", "1994-05-12"),
    ]
    text = "扬州市友好交流城市名单\n\n（1）德国奥芬巴赫市（2003年）\n"
    assert _links(facts_of(text, tmp_path)) == [("扬州市", "奥芬巴赫市", "City", "德国", "friendly_exchange", "", "2003")]


def test_a_list_whose_places_are_written_after_their_country(tmp_path):
    """美国斯阔米什市 in a list is 斯阔米什市, of the United States; a place whose own name starts with a
    country's (巴西利亚) or holds a Chinese place's after it (马里兰州: not 兰州) is kept whole."""
    text = ("宜昌市国际友好城市\n序号\t友城名称\t所在国家\t缔结日期\n1\t美国斯阔米什市\t美国\t1989年6月\n"
            "2\t日本阿智村\t日本\t2015年10月12日\n3\t巴西利亚\t巴西\t1998年\n4\t马里兰州\t美国\t2001年")
    assert sorted((l.partner.name, l.partner.country) for l in facts_of(text, tmp_path).partner_links) == [
        ("巴西利亚", "巴西"), ("斯阔米什市", "美国"), ("阿智村", "日本"), ("马里兰州", "美国")]


def test_a_table_of_visiting_groups_and_the_leaders_who_met_them(tmp_path):
    """No content column (日期 | 来访团组 | 会见领导): each row is a meeting; a group named by its
    office only (美国芝加哥市副市长) is met as its place."""
    text = ("2021年合肥市主要外事接待情况\n\n日期\t来访团组\t会见领导\n"
            "3月12日\t日本驻上海总领事赤松秀一\t市长王清宪\n"
            "6月8日\t美国波士顿市副市长一行\t副市长罗云峰\n")
    facts = facts_of(text, tmp_path)
    got = sorted((m.date, [h.name for h in m.home], [(c.name, c.country) for c in m.counterparts]) for m in facts.meetings)
    assert got == [("2021-03-12", ["王清宪"], [("赤松秀一", "日本")]), ("2021-06-08", ["罗云峰"], [("波士顿", "美国")])]


def test_a_partner_lists_tier_column_says_each_rows_tie(tmp_path):
    """备注 says 友好交流城市 for one row of a list captioned 友好城市: that row is friendly_exchange."""
    text = ("嘉兴市友好城市一览\n\n序号\t城市\t所在国家\t结好时间\t备注\n"
            "1\t普拉托市\t意大利\t2013年10月\t友好城市\n2\t马赛市\t法国\t2015年6月\t友好交流城市\n")
    facts = facts_of(text, tmp_path)
    assert sorted((l.partner.name, l.relation, l.since) for l in facts.partner_links) == [
        ("普拉托市", "sister_city", "2013"), ("马赛市", "friendly_exchange", "")]


def test_a_partner_table_with_dates_written_with_dots(tmp_path):
    """A Markdown table whose dates are written 1980.3.24: each row's tie, since its year."""
    text = ("无锡市国际友好城市\n\n| 序号 | 国家 | 城市 | 缔结时间 |\n|---|---|---|---|\n"
            "| 1 | 意大利 | 维琴察市 | 1983.5.24 |\n| 2 | 加拿大 | 基奇纳市 | 1996/9/8 |")
    facts = facts_of(text, tmp_path)
    got = sorted((l.home.name, l.partner.name, l.relation, l.since) for l in facts.partner_links)
    assert got == [("无锡市", "基奇纳市", "sister_city", "1996"), ("无锡市", "维琴察市", "sister_city", "1983")]


def test_a_numbered_list_under_headings_that_count_each_tier(tmp_path):
    """Headings that name a tier and count its places (二、国际友好交流城市（2个）): each list its tier."""
    text = ("吉林市国际友好城市名录\n\n一、国际友好城市（1个）\n1. 日本富士市　1985年10月\n"
            "二、国际友好交流城市（1个）\n1. 韩国春川市　2016年6月")
    facts = facts_of(text, tmp_path)
    got = sorted((l.partner.name, l.relation) for l in facts.partner_links)
    assert got == [("富士市", "sister_city"), ("春川市", "friendly_exchange")]


def test_a_tier_heading_with_a_note_and_lines_headed_by_their_home(tmp_path):
    """二、友好交流城市（市级）: the heading's tier despite the note in brackets; 龙口市：A（友好城市，1997年）；
    B（友好交流城市，2016年）: the place that heads the line is the home of what it lists."""
    text = ("烟台市国际友好城市一览\n\n二、友好交流城市（市级）\n1．日本山形县天童市（2010年）\n"
            "三、县市区友好城市（部分）\n龙口市：日本新潟县村上市（友好城市，1997年）；澳大利亚新南威尔士州格里菲斯市（友好交流城市，2016年）\n")
    facts = facts_of(text, tmp_path)
    got = sorted((l.home.name, l.partner.name, l.relation, l.since) for l in facts.partner_links)
    assert got == [("烟台市", "天童市", "friendly_exchange", ""), ("龙口市", "村上市", "sister_city", "1997"),
                   ("龙口市", "格里菲斯市", "friendly_exchange", "")]


def test_a_country_cell_with_the_places_region_after_it(tmp_path):
    """所属国家及州（省、道）| 美国加利福尼亚州: the row's country is 美国; the country and the region are
    mentions; 韩国江原道 is South Korea's, not North Korea's."""
    text = ("烟台市国际友好城市一览表\n\n| 序号 | 友好城市 | 所属国家及州（省、道） | 结好时间 |\n"
            "| 1 | 圣迭戈市 | 美国加利福尼亚州 | 1985.05 |\n| 2 | 原州市 | 韩国江原道 | 1998.06 |\n")
    facts = facts_of(text, tmp_path)
    assert sorted((l.partner.name, l.partner.country, l.since) for l in facts.partner_links) == [
        ("原州市", "韩国", "1998"), ("圣迭戈市", "美国", "1985")]
    got = {(m.entity.name, m.entity.type, m.entity.country) for m in facts.mentions if m.entity.type in ("Country", "Region")}
    assert {("美国", "Country", "美国"), ("韩国", "Country", "韩国"), ("江原道", "Region", "韩国")} <= got
    assert any(name.startswith("加利福尼亚") and typ == "Region" for name, typ, _ in got)


def test_a_region_column_names_each_places_region(tmp_path):
    """所属州（县）| 兵库县: the region each place lies in is a mention, of the row's country (江原道 of
    韩国); an empty cell names none."""
    text = ("营口市国际友好城市一览表\n\n| 序号 | 国家 | 城市 | 结好时间 | 所属州（县） |\n|---|---|---|---|---|\n"
            "| 1 | 日本 | 尼崎市 | 1983年2月 | 兵库县 |\n| 2 | 英国 | 谢菲尔德市 | 1983年10月 | |\n"
            "| 3 | 韩国 | 原州市 | 1998年6月 | 江原道 |\n")
    facts = facts_of(text, tmp_path)
    regions = {(m.entity.name, m.entity.country) for m in facts.mentions if m.entity.type == "Region"}
    assert regions == {("兵库县", "日本"), ("江原道", "韩国")}
    assert len(facts.partner_links) == 3


def test_a_place_a_partner_table_names_is_known_in_the_prose(tmp_path):
    """束草市, a row's place no gazetteer lists, written bare in the document's prose: that place, of the
    row's country, and the prose's ties with it are read."""
    text = ("丹东市国际友好城市一览\n\n| 序号 | 国家 | 友好城市 | 结好时间 |\n|---|---|---|---|\n| 1 | 韩国 | 束草市 | 2000年3月 |\n\n"
            "2018年，丹东市代表团访问了束草市，并在束草市举办了丹东旅游推介会。\n")
    facts = facts_of(text, tmp_path)
    links = {(l.home.name, l.partner.name, l.partner.country, l.relation) for l in facts.partner_links}
    assert {("丹东市", "束草市", "韩国", "delegation_visit"), ("丹东市", "束草市", "韩国", "joint_activity")} <= links
    assert any(m.entity.name == "束草市" and m.evidence.line == 7 for m in facts.mentions)


def test_a_county_column_is_each_rows_home(tmp_path):
    """县（市）区 | 国家 | 友好城市: a city's list of its counties' and districts' ties, each row's home its own."""
    text = ("鞍山市友好城市一览\n\n| 序号 | 县（市）区 | 国家 | 友好城市 | 结好时间 |\n|---|---|---|---|---|\n"
            "| 1 | 海城市 | 韩国 | 丹阳郡 | 2005年10月 |\n| 2 | 铁东区 | 日本 | 富士市 | 2010年7月 |\n")
    facts = facts_of(text, tmp_path)
    assert sorted((l.home.name, l.partner.name, l.since) for l in facts.partner_links) == [
        ("海城市", "丹阳郡", "2005"), ("铁东区", "富士市", "2010")]


def test_a_partner_cell_with_its_country_before_a_space_or_a_dot(tmp_path):
    """美国·托里斯市, 韩国 襄阳郡: the place after its country; the country is the row's."""
    text = ("洛阳市友好城市\n\n友城名称\t所属国家\t结好日期\n美国·托里斯市\t美国\t1985年5月8日\n"
            "韩国 襄阳郡\t韩国\t2002年11月26日")
    facts = facts_of(text, tmp_path)
    got = sorted((l.partner.name, l.partner.country, l.since) for l in facts.partner_links)
    assert got == [("托里斯市", "美国", "1985"), ("襄阳郡", "韩国", "2002")]


def test_a_leaders_table_whose_form_column_says_how_they_met(tmp_path):
    """会见形式: 视频会见 makes the row's meeting a video one."""
    text = ("2021年市领导会见外宾一览表\n\n序号\t时间\t外宾姓名及职务\t国别\t会见领导\t会见形式\n"
            "1\t5月20日\t韩国仁川广域市市长 朴南春\t韩国\t市委书记 王新伟\t视频会见\n"
            "2\t9月8日\t日本札幌市副市长 町田隆敏\t日本\t副市长 李松林\t会见")
    facts = facts_of(text, tmp_path)
    got = sorted((m.date, m.home[0].name, m.counterparts[0].name, m.mode) for m in facts.meetings)
    assert got == [("2021-05-20", "王新伟", "朴南春", "video"), ("2021-09-08", "李松林", "町田隆敏", "in_person")]


def test_a_second_list_whose_first_row_has_an_empty_last_cell(tmp_path):
    """Two lists under headings that name their tiers; the second's first row leaves its note (备注)
    empty, and its trailing tab may be lost: its header is still the header. A note that tells of the
    tie (由友好交流城市升格, upgraded from that tier) does not say the row's tier."""
    text = ("义乌市国际友好城市一览\n一、国际友好城市（2个）\n序号\t国家\t城市\t缔结时间\t备注\n"
            "1\t韩国\t金海市\t2006年5月18日\t首个国际友好城市\n"
            "2\t智利\t伊基克市\t2016年8月30日\t由友好交流城市升格\n"
            "二、国际友好交流城市（2个）\n序号\t国家\t城市\t建立时间\t备注\n"
            "1\t美国\t拉米拉达市\t2013年3月\n"
            "2\t日本\t须坂市\t2014年10月\t")
    facts = facts_of(text, tmp_path)
    got = sorted((l.partner.name, l.relation, l.date) for l in facts.partner_links if l.evidence.line > 2)
    assert got == [
        ("伊基克市", "sister_city", "2016-08-30"),
        ("拉米拉达市", "friendly_exchange", "2013-03"),
        ("金海市", "sister_city", "2006-05-18"),
        ("须坂市", "friendly_exchange", "2014-10"),
    ]


def test_a_leaders_remark_in_brackets_and_a_guest_written_leading_a_group(tmp_path):
    """A leader's cell with a remark in brackets (郑永忠（参加会见）) names 郑永忠; a guest cell that
    closes with the group the guest leads (本米·占塔冯率领的代表团) names the guest."""
    text = ("2023年市领导会见外宾情况一览表\n\n序号\t时间\t市领导\t外宾\t国别\t内容\n"
            "1\t9月5日\t市委书记 杨光荣；市长 郑永忠（参加会见）\t英国驻重庆总领事 史蒂文·帕克\t英国\t会见\n"
            "2\t12月6日\t市长 郑永忠\t老挝琅勃拉邦省副省长 本米·占塔冯率领的代表团\t老挝\t会谈")
    facts = facts_of(text, tmp_path)
    got = sorted((m.date, [h.name for h in m.home], [c.name for c in m.counterparts]) for m in facts.meetings)
    assert got == [
        ("2023-09-05", ["杨光荣", "郑永忠"], ["史蒂文·帕克"]),
        ("2023-12-06", ["郑永忠"], ["本米·占塔冯"]),
    ]


def test_a_leaders_table_row_that_signs_a_text_ties_the_places(tmp_path):
    """A row whose content says a text was signed gives that tie between the places its leaders
    stand for, dated by the row; a group named in the row (…一行, …率领的代表团) came; a row that
    only meets gives the leaders' tie alone."""
    text = ("2023年市领导会见外宾情况一览表\n\n序号\t时间\t市领导\t外宾\t国别\t内容\n"
            "1\t4月17日\t市长 王强\t法国干邑市市长 米歇尔·加尼耶一行\t法国\t会谈，签署《遵义市与干邑市建立友好城市关系意向书》\n"
            "2\t5月9日\t副市长 李娜\t日本驻重庆总领事 田中健太郎\t日本\t会见，就经贸往来交换意见\n"
            "3\t12月6日\t市长 王强\t老挝琅勃拉邦省副省长 本米·占塔冯率领的代表团\t老挝\t会谈，签署《遵义市与琅勃拉邦省友好交流合作备忘录》")
    facts = facts_of(text, tmp_path)
    got = sorted((l.partner.name, l.relation, l.date) for l in facts.partner_links)
    assert got == [
        ("干邑市", "delegation_visit", "2023-04-17"), ("干邑市", "leader_meeting", "2023-04-17"),
        ("干邑市", "letter_of_intent", "2023-04-17"),
        ("琅勃拉邦省", "delegation_visit", "2023-12-06"), ("琅勃拉邦省", "friendly_exchange", "2023-12-06"),
        ("琅勃拉邦省", "leader_meeting", "2023-12-06"),
    ]


def test_a_foreign_side_column_beside_a_home_column_and_a_tie_still_to_be_approved(tmp_path):
    """中方 | 外方: 外方 is the foreign place where a home column stands beside it (alone it is a
    leaders' table's guest); a row whose date cell says 正在报批 is no tie yet."""
    text = ("一、友好城市\n\n序号\t中方\t外方\t国别\t缔结时间\n1\t包头市\t乌兰巴托市\t蒙古国\t1990年6月\n"
            "2\t赤峰市\t达尔汗市\t蒙古国\t正在报批\n")
    assert _links(facts_of(text, tmp_path)) == [("包头市", "乌兰巴托市", "City", "蒙古", "sister_city", "1990", "1990-06")]


def test_a_leaders_table_with_a_glossed_header_a_letter_row_and_remarks(tmp_path):
    """Header cells written with a gloss in full-width brackets (国别（地区）) and a guests' column
    called 外方来宾; a row whose form is 书信 is a letter; a row whose 国别 is 中国 is no foreign
    meeting; the remark column's signed text and stated tie (with its year) tie the row's places."""
    text = ("2019年某市领导外事会见活动一览表\n\n序号\t日期\t市领导\t外方来宾\t国别（地区）\t形式\t备注\n"
            "1\t4月9日\t副市长刘慧\t美国俄克拉何马州塔尔萨市副市长艾米·布朗\t美国\t会谈\t塔尔萨市为郑州市友好城市（2014年结好）\n"
            "2\t7月8日\t市长王新军\t俄罗斯乌里扬诺夫斯克市市长维克多·索科洛夫\t俄罗斯\t会谈\t签署郑州市与乌里扬诺夫斯克市建立友好城市关系意向书\n"
            "3\t11月5日\t市长王新军\t美国塔尔萨市市长杰森·卡特\t美国\t书信\t复信\n"
            "4\t12月18日\t市长王新军\t中国驻卢森堡大使吴建平\t中国\t座谈\t\n"
            "5\t10月17日\t市长王新军\t日本冈山县津山市市长山本修\t日本\t会见\t津山市有意与郑州市建立友好交流关系")
    facts = facts_of(text, tmp_path)
    got = sorted((m.date, m.home[0].name, m.counterparts[0].name, m.country, m.mode) for m in facts.meetings)
    assert got == [
        ("2019-04-09", "刘慧", "艾米·布朗", "美国", "in_person"),
        ("2019-07-08", "王新军", "维克多·索科洛夫", "俄罗斯", "in_person"),
        ("2019-10-17", "王新军", "山本修", "日本", "in_person"),
        ("2019-11-05", "王新军", "杰森·卡特", "美国", "letter"),
    ]
    links = {(l.partner.name, l.relation, l.since) for l in facts.partner_links}
    assert links == {
        ("俄克拉何马州塔尔萨市", "leader_meeting", ""), ("俄克拉何马州塔尔萨市", "sister_city", "2014"),
        ("冈山县津山市", "leader_meeting", ""),
        ("乌里扬诺夫斯克", "leader_meeting", ""), ("乌里扬诺夫斯克", "letter_of_intent", ""),
    }


def test_a_row_of_an_event_both_attend_is_no_meeting(tmp_path):
    """A row whose content is an event attended (出席…开幕式) is no meeting with the guest named; a row
    that meets is one."""
    text = ("2023年市领导主要外事活动\n\n时间\t市领导\t外宾\t活动\n"
            "9月20日\t市委书记 周承远\t意大利维罗纳市议会议长 斯特凡诺·卡萨利\t出席第十一届科技博览会开幕式\n"
            "10月17日\t副市长 马晓婷\t日本秋田县议会议长 佐藤浩一\t会见，双方回顾了交往历程")
    facts = facts_of(text, tmp_path)
    assert [(m.home[0].name, m.counterparts[0].name) for m in facts.meetings] == [("马晓婷", "佐藤浩一")]


def test_home_persons_a_remark_names_as_present_attend_the_rows_meeting(tmp_path):
    """备注: 市长X在座 / 陪同：市外办主任Y: each is a home side of the row's meeting too; a remark that
    names a tie names no one present."""
    text = ("2019年市领导会见外宾情况\n\n序号\t日期\t市领导\t外方来宾\t国别\t形式\t备注\n"
            "1\t3月20日\t市委书记陈立\t卢森堡经济部大臣让-克洛德·莫勒\t卢森堡\t会见\t市长王强在座\n"
            "2\t12月3日\t副市长刘慧\t赞比亚铜带省省长恩戈扎·班达\t赞比亚\t会见\t出席经贸洽谈会；陪同：市外办主任孙丽\n"
            "3\t4月9日\t副市长刘慧\t美国塔尔萨市副市长艾米·布朗\t美国\t会谈\t塔尔萨市为友好城市（2014年结好）\n")
    facts = facts_of(text, tmp_path)
    got = sorted((m.date, [h.name for h in m.home], [c.name for c in m.counterparts]) for m in facts.meetings)
    assert got == [("2019-03-20", ["王强"], ["让-克洛德·莫勒"]), ("2019-03-20", ["陈立"], ["让-克洛德·莫勒"]),
                   ("2019-04-09", ["刘慧"], ["艾米·布朗"]),
                   ("2019-12-03", ["刘慧"], ["恩戈扎·班达"]), ("2019-12-03", ["孙丽"], ["恩戈扎·班达"])]


def test_a_home_cell_left_empty_is_the_one_above_and_a_gloss_in_brackets_is_no_part_of_the_place(tmp_path):
    """A province's list whose home column is merged over rows (长治市 | A; (empty) | B): B is 长治市's,
    not the province's; 哥伦布市（印第安纳州） is 哥伦布市."""
    text = ("山西省国际友好城市一览表\n\n序号\t中方城市\t外方城市\t国家\t结好时间\n"
            "1\t山西省\t埼玉县\t日本\t1982年10月27日\n"
            "2\t长治市\t巴特克罗伊茨纳赫市\t德国\t1998年6月8日\n"
            "3\t\t江陵市\t韩国\t2012年9月25日\n"
            "4\t临汾市\t哥伦布市（印第安纳州）\t美国\t2008年7月15日\n")
    facts = facts_of(text, tmp_path)
    got = sorted((l.home.name, l.partner.name, l.since) for l in facts.partner_links)
    assert got == [("临汾市", "哥伦布市", "2008"), ("山西省", "埼玉县", "1982"),
                   ("长治市", "巴特克罗伊茨纳赫市", "1998"), ("长治市", "江陵市", "2012")]


def test_a_guests_table_with_a_title_column_a_letter_row_and_a_homonym_of_a_mainland_city(tmp_path):
    """日期 | 来宾姓名 | 职务 | 国别 | 接待领导 | 主要活动: the title column is read before the name (which
    stays as its cell writes it); a leader written with a body (市人大常委会主任X) is X; a letter row
    with no leader (—) is from the guest to whom the content names; 利川市 with 国别 韩国 is Icheon,
    not the mainland's Lichuan; a row both only attend (共同出席…开幕式) is no meeting."""
    text = ("2019年市领导会见外宾情况一览表\n\n日期\t来宾姓名\t职务\t国别\t接待领导\t主要活动\n"
            "3月22日\t埃米尔·勒克莱尔\t利摩日市市长\t法国\t市长邹立群\t会见,签署备忘录\n"
            "4月9日\t金成浩\t利川市市长\t韩国\t市委书记梁启东\t会见\n"
            "6月\t松尾健一\t有田町町长\t日本\t—\t致函市长邹立群,祝贺开园\n"
            "10月18日\t卡洛斯·门多萨\t驻华大使\t厄瓜多尔\t市长邹立群\t共同出席国际陶瓷博览会开幕式\n"
            "12月3日\t穆罕默德·阿里·哈桑\t国会议员\t埃及\t市人大常委会主任刘振华\t会见\n")
    facts = facts_of(text, tmp_path)
    got = sorted((m.date, m.mode, [h.name for h in m.home], [(c.name, c.country) for c in m.counterparts]) for m in facts.meetings)
    assert got == [("2019-03-22", "in_person", ["邹立群"], [("埃米尔·勒克莱尔", "法国")]),
                   ("2019-04-09", "in_person", ["梁启东"], [("金成浩", "韩国")]),
                   ("2019-06", "letter", ["邹立群"], [("松尾健一", "日本")]),
                   ("2019-12-03", "in_person", ["刘振华"], [("穆罕默德·阿里·哈桑", "埃及")])]


def test_rows_under_a_line_naming_their_tier_go_on_with_the_columns_above(tmp_path):
    """A partner list in two parts, the second under a line of its own (友好交流城市) with no header
    row: its rows keep the columns and take that line's tier; a place written after its region
    (新潟县长冈市) is the place."""
    text = ("赣州市国际友好城市一览表\n序号\t友好城市\t所属国家\t结好时间\n"
            "1\t马格德堡市\t德国\t2018年5月\n"
            "友好交流城市\n"
            "1\t艾克斯莱班市\t法国\t2017年6月\n"
            "2\t新潟县长冈市\t日本\t2019年10月")
    facts = facts_of(text, tmp_path)
    got = sorted((link.partner.name, link.relation, link.date, link.evidence.line) for link in facts.partner_links)
    assert got == [
        ("艾克斯莱班市", "friendly_exchange", "2017-06", 5),
        ("长冈市", "friendly_exchange", "2019-10", 6),
        ("马格德堡市", "sister_city", "2018-05", 3),
    ]
    assert {link.home.name for link in facts.partner_links} == {"赣州市"}


def test_a_table_no_reader_reads_is_read_row_by_row_as_prose(tmp_path):
    """A table of visits both ways (时间 | 团组 | 带队领导 | 主要活动): no leaders' or partner places'
    column, so each row is read as the sentence it tells. The leader a row names in a cell of its own,
    after the cell naming the group, is whom the home side met; a mission's head is of the mission."""
    text = ("表3　2021年德宏州主要外事往来\n\n时间\t团组\t带队领导\t主要活动\n"
            "2月3—5日\t缅甸木姐市代表团来访\t木姐市市长吴敏昂\t州长卫岗会见代表团，双方签署合作备忘录\n"
            "5月20日\t泰国驻昆明总领事馆来访\t总领事帕塔拉\t州委书记刘向东会见，就边境贸易交换意见\n"
            "8月\t德宏州政府代表团访问老挝琅勃拉邦省\t州长卫岗\t拜会琅勃拉邦省省长坎莱·西帕占\n")
    facts = facts_of(text, tmp_path)
    got = sorted((m.date, [h.name for h in m.home], [(c.name, c.country) for c in m.counterparts]) for m in facts.meetings)
    assert got == [
        ("2021-02-03/2021-02-05", ["卫岗"], [("吴敏昂", "缅甸")]),
        ("2021-05-20", ["刘向东"], [("帕塔拉", "泰国")]),
        ("2021-08", ["卫岗"], [("坎莱·西帕占", "老挝")]),
    ]
    links = {(link.partner.name, link.relation) for link in facts.partner_links}
    assert {("木姐市", "delegation_visit"), ("木姐市", "cooperation_agreement"), ("琅勃拉邦省", "delegation_visit")} <= links


def test_a_partner_cell_naming_a_place_no_gazetteer_lists_after_its_region(tmp_path):
    """忠清北道堤川市, 哈巴罗夫斯克边疆区共青城市: the place after its region, of the row's country
    (not the Chinese 共青城市), even where no gazetteer lists it."""
    text = ("佳木斯市国际友好城市一览\n\n序号\t友好城市\t所属国家\t结好时间\n"
            "1\t哈巴罗夫斯克边疆区共青城市\t俄罗斯\t1993年6月\n2\t忠清北道堤川市\t韩国\t2001年9月\n")
    assert _links(facts_of(text, tmp_path)) == [
        ("佳木斯市", "共青城市", "City", "俄罗斯", "sister_city", "1993", "1993-06"),
        ("佳木斯市", "堤川市", "City", "韩国", "sister_city", "2001", "2001-09"),
    ]


def test_a_pipe_table_of_both_tiers_with_a_tier_column_and_places_after_unlisted_regions(tmp_path):
    """A Markdown table captioned with both tiers (友好城市（友好交流城市）): its 关系类别 column says each
    row's tie; 马里兰州安妮阿伦德尔县 in a row of 美国 is the county (not Mali's 兰州), named after a
    region no gazetteer lists; the rows' countries and the regions their places are written after are
    the document's entities (the places are, as the ties' partners)."""
    text = ("湖东市国际友好城市（友好交流城市）一览表\n\n"
            "| 序号 | 中方城市 | 外方城市（地区） | 所属国家 | 结好时间 | 关系类别 |\n|---|---|---|---|---|---|\n"
            "| 1 | 湖东市 | 静冈县沼津市 | 日本 | 1998.05 | 友好城市 |\n"
            "| 2 | 湖东市 | 马里兰州安妮阿伦德尔县 | 美国 | 2019.11 | 友好交流城市 |\n")
    facts = facts_of(text, tmp_path)
    assert sorted((l.partner.name, l.partner.country, l.relation, l.since) for l in facts.partner_links) == [
        ("安妮阿伦德尔县", "美国", "friendly_exchange", ""), ("沼津市", "日本", "sister_city", "1998")]
    entities = {(m.entity.name, m.entity.type, m.entity.country, m.evidence.quote) for m in facts.mentions}
    assert {("静冈县", "Region", "日本", "静冈县"), ("马里兰州", "Region", "美国", "马里兰州"),
            ("日本", "Country", "日本", "日本"), ("美国", "Country", "美国", "美国")} <= entities
    assert not {name for name, _, _, _ in entities} & {"马里", "兰州"}
