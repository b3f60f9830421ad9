from types import SimpleNamespace

from kg.extract.dates import find_dates, parse_date
from kg.extract.names import parse_person_phrase, split_leaders, strip_chain
from kg.gazetteer import load
from kg.extract.sentences import after_page


def test_split_padded_leaders():
    assert [n for n, _, _ in split_leaders("蔡 奇 殷 勇 崔述强")] == ["蔡奇", "殷勇", "崔述强"]
    assert [n for n, _, _ in split_leaders("陈吉宁 李 伟 吉 林")] == ["陈吉宁", "李伟", "吉林"]
    # Titles are no names; a royal title is (王子 in a leaders' cell is a person's name).
    assert [n for n, _, _ in split_leaders("市委书记、市长 王强 副市长李娜")] == ["王强", "李娜"]
    assert [n for n, _, _ in split_leaders("蒋静 王子")] == ["蒋静", "王子"]


def test_person_with_title_org_country():
    (p,) = parse_person_phrase("德国戴姆勒股份公司董事长康林松")
    assert p.name == "康林松" and p.title == "董事长"
    assert p.orgs[0].name == "戴姆勒股份公司" and p.country == "德国"


def test_two_positions_one_person_and_enumeration():
    (p,) = parse_person_phrase("德国大众集团中国公司副总裁、奥迪汽车股份公司中国区总裁安世豪")
    assert p.name == "安世豪" and [o.name for o in p.orgs] == ["大众集团中国公司", "奥迪汽车股份公司"]
    ps = parse_person_phrase("美国康卡斯特集团董事长兼首席执行官布莱恩·罗伯兹、环球主题公园及度假区集团董事长托马斯·威廉姆斯")
    assert [p.name for p in ps] == ["布莱恩·罗伯兹", "托马斯·威廉姆斯"]


def test_unseen_wording():
    (p,) = parse_person_phrase("法国雷诺汽车集团首席执行官卢卡·德梅奥并共同签约")
    assert p.name == "卢卡·德梅奥" and p.orgs[0].name == "雷诺汽车集团" and p.country == "法国"


def test_dates():
    assert parse_date("12月7日至8日", 2020) == "2020-12-07/2020-12-08"
    assert parse_date("9月26至29日", 2020) == "2020-09-26/2020-09-29"
    assert parse_date("7月", 2020) == "2020-07"
    assert parse_date("年内", 2024) == "2024"


def test_a_month_and_day_without_a_year_are_in_the_year_last_stated():
    # In the sentence (1992年5月18日,…,5月21日) and, before it, in the text (context 2022-03), not the page's year.
    text = "1992年5月18日,应邀访问,5月21日,双方共同签署协议书。"
    assert [iso for _, _, iso in find_dates(text, 2024, "2024-06-01")] == ["1992-05-18", "1992-05-21"]
    assert [iso for _, _, iso in find_dates("6月15日，两区签署备忘录。", 2023, "2023-01-10", "2022-03")] == ["2022-06-15"]
    assert [iso for _, _, iso in find_dates("6月15日，两区签署备忘录。", 2023, "2023-01-10")] == ["2023-06-15"]


def test_a_third_of_a_month_is_a_span_of_days():
    assert parse_date("9月下旬", 2024) == "2024-09-21/2024-09-30"
    assert parse_date("2月下旬", 2024) == "2024-02-21/2024-02-29"
    assert parse_date("12月下旬", 2023) == "2023-12-21/2023-12-31"
    assert parse_date("3月上旬", 2023) == "2023-03-01/2023-03-10"
    assert [iso for _, _, iso in find_dates("今年9月中旬，副市长率团访问。", 2024, "2024-10-18")] == ["2024-09-11/2024-09-20"]


def test_days_and_years_named_relative_to_the_page():
    """昨晚 is the day before the page's; 去年6月 is in the year before the text's (a report's covered
    year, else the page's), 明年8月 in the year after; 去年以来 is no date."""
    dates = lambda text, year=2024, ref="2024-04-17": [iso for _, _, iso in find_dates(text, year, ref)]
    assert dates("昨晚，总领事馆举行招待会。") == ["2024-04-16"]
    assert dates("今晨，代表团抵达。") == ["2024-04-17"]
    assert dates("去年6月，省长率团访问肯尼亚。") == ["2023-06"]
    assert dates("前年底，两市结好。") == ["2022"]
    assert dates("今年3月5日，两市签署协议。") == ["2024-03-05"]
    assert dates("去年以来，两市交流频繁。") == []
    assert dates("去年5月，两市结好。", 2022, "2023-01-10") == ["2021-05"]
    assert dates("市长邀请代表团出席明年8月举办的瓷器节。") == ["2025-08"]
    assert dates("2013年春天，时任市长来访。") == ["2013"]
    assert dates("代表团于五月三十一日至六月三日访问葡萄牙。") == ["2024-05-31/2024-06-03"]
    assert dates("2012年两市结好30周年之际，查塔努加市代表团访问无锡。") == ["2012"]


def test_days_named_relative_to_the_day_the_text_last_stated():
    """次日 is the day after the day stated before it (in the text, else the context's); 此前一天 the
    day before; after a span of days neither is a date."""
    dates = lambda text, context="": [iso for _, _, iso in find_dates(text, 2023, "2023-07-06", context)]
    assert dates("此前一天，副省长会见了X。", "2023-07-05") == ["2023-07-04"]
    assert dates("5月10日，市长会见了X。次日，代表团参观高新区。") == ["2023-05-10", "2023-05-11"]
    assert dates("翌日，代表团离开。", "2023-06-30") == ["2023-07-01"]
    assert dates("次日，代表团参观。", "2023-05-10/2023-05-12") == []


def test_recent_days_are_the_pages_month_and_a_time_to_come_is_no_context():
    """日前 and 近日 are in the page's month; 邀请X于今年10月… in a page of June is a time to come,
    which the next sentences do not take as theirs."""
    assert [iso for _, _, iso in find_dates("日前，总领事到和平区拜会区委书记。", 2024, "2024-06-14")] == ["2024-06"]
    page = SimpleNamespace(date="2024-06-14")
    assert after_page(page, "2024-10") and after_page(page, "2024-06-20/2024-06-22")
    assert not after_page(page, "2024-06") and not after_page(page, "2024-06-13") and not after_page(page, "2023")


def test_a_reports_relative_days_are_of_its_dateline():
    """本报南宁9月21日讯 今天下午 in a page of 9月22日 is 9月21日; with no dateline, the page's day."""
    dates = lambda text, ref="2019-09-22": [iso for _, _, iso in find_dates(text, 2019, ref)]
    assert dates("本报南宁9月21日讯 今天下午，签约仪式在南宁举行。") == ["2019-09-21", "2019-09-21"]
    assert dates("新华社北京3月5日电 昨天，代表团抵达。", "2019-03-07") == ["2019-03-05", "2019-03-04"]
    assert dates("今天下午，签约仪式在南宁举行。") == ["2019-09-22"]
    assert dates("本报南宁9月21日讯 今天下午，签约仪式举行。", "") == ["2019-09-21", "2019-09-21"]


def test_a_day_alone_is_in_the_month_last_stated_even_with_no_page_date():
    """A chronicle (大事记) with no page date: 3月 … 5日　… 19日　… (19日 is in March); with neither a
    page date nor a month told before, a day alone is no date."""
    assert [iso for _, _, iso in find_dates("19日　市委书记会见美国驻上海总领事。", 2024, "", "2024-03-05")] == ["2024-03-19"]
    assert find_dates("19日　市委书记会见美国驻上海总领事。", 2024) == []
    (p,) = parse_person_phrase("23日　副市长徐耀亮")
    assert p.name == "徐耀亮" and [(r.title, r.org) for r in p.roles] == [("副市长", None)]


def test_a_bodys_name_listing_several_words_gives_the_country_of_the_place_it_starts_with():
    """莱茵兰-普法尔茨州经济、交通、农业和葡萄种植部: three 、 inside the body's name."""
    (p,) = parse_person_phrase("德国莱茵兰-普法尔茨州经济、交通、农业和葡萄种植部国务秘书丹妮拉·施密特")
    assert p.name == "丹妮拉·施密特" and p.country == "德国"


def test_dates_in_chinese_numerals():
    assert [iso for _, _, iso in find_dates("二〇二三年六月十五日，市长会见了来宾。", 2024, "2024-01-02")] == ["2023-06-15"]
    assert [iso for _, _, iso in find_dates("十月二十日下午，三十一日", 2020)] == ["2020-10-20"]
    # (In the order written: a later year does not date a month told before it.)
    assert [iso for _, _, iso in find_dates("三月十日，2023年5月", 2020, "2020-12-31")] == ["2020-03-10", "2023-05"]


def test_a_day_alone_in_chinese_numerals():
    """十日上午 in a page of 2016-06-12 is 2016-06-10, as 10日上午 is, and so is a span after 于 or before
    a comma; a number of days (三日内, 一日游) is no date."""
    dates = lambda text, ref="2016-06-12", context="": [iso for _, _, iso in find_dates(text, 2016, ref, context)]
    assert dates("十日上午，市长会见了来宾。") == ["2016-06-10"]
    assert dates("代表团于二十三日至二十五日访问。", "", "2016-05") == ["2016-05-23/2016-05-25"]
    assert dates("二十三日至二十五日，代表团访问。", "", "2016-05") == ["2016-05-23/2016-05-25"]
    assert dates("代表团二十三日至二十五日访问。", "", "2016-05") == []
    assert dates("代表团三日内完成一日游，参观工厂。") == []


def test_a_bodys_place_before_a_comma_in_its_name_gives_its_country():
    """巴伐利亚州经济、区域发展和能源部: the body's name holds a 、, the place before it is the body's."""
    (p,) = parse_person_phrase("巴伐利亚州经济、区域发展和能源部国务秘书托比亚斯·戈茨纳")
    assert p.name == "托比亚斯·戈茨纳" and p.title == "国务秘书" and p.country == "德国"


def test_a_place_no_gazetteer_lists_written_as_a_hyphenated_transliteration_is_a_place():
    """奥弗涅-罗讷-阿尔卑斯大区 is a region however long; 卡尔古利-博尔德市 is a city of the country of
    its first part; a long name of ordinary words ending in 区 is still measured whole."""
    from kg.extract.names import classify_org, make_org
    from kg.gazetteer import load

    gaz = load()
    assert classify_org("奥弗涅-罗讷-阿尔卑斯大区", gaz)[0] == "Region"
    org = make_org("卡尔古利-博尔德市", 0, gaz)
    assert (org.type, org.country) == ("City", "澳大利亚")
    assert classify_org("中新天津生态城管理委员会辖区", gaz)[0] == "Organization"


def test_a_bodys_unit_written_once_for_the_body_and_its_title():
    """法国经济部长: the minister of 法国经济部; 外交部长 is a title of its own; 法国副部长 names no body."""
    assert strip_chain("魁北克省国际关系部长", load()) == ("魁北克省国际关系部", "部长")
    assert strip_chain("巴伐利亚州经济部长", load()) == ("巴伐利亚州经济部", "部长")
    assert strip_chain("加拿大外交部长", load()) == ("加拿大", "外交部长")
    assert strip_chain("法国副部长", load()) == ("法国", "副部长")
    assert strip_chain("俄罗斯联邦经济发展部副部长", load()) == ("俄罗斯联邦经济发展部", "副部长")


def test_a_deputys_rank_before_a_title_the_list_has_only_whole_is_the_titles():
    """副 before a title listed without it (国务秘书, 特派员) is the title's, not the body's."""
    assert strip_chain("匈牙利外交与对外经济部副国务秘书", load()) == ("匈牙利外交与对外经济部", "副国务秘书")
    assert strip_chain("外交部特派员公署副特派员", load()) == ("外交部特派员公署", "副特派员")
