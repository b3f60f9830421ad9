import pytest

from kg.documents import read_document
from kg.model import Document
from kg.structure import parse_blocks

from .conftest import SEEDS

YEARBOOK = SEEDS / "beijing-yearbook-2020-foreign-affairs.txt"
REPORT = SEEDS / "beijing-fao-2024-h1-progress.txt"


def blocks_of(path):
    doc = read_document(path)
    return doc, parse_blocks(doc)


def at(blocks, line):
    return next(b for b in blocks if b.line == line)


def test_seed_metadata_from_sidecar_and_text():
    y = read_document(YEARBOOK)
    r = read_document(REPORT)
    assert y.year == 2020 and r.year == 2024
    assert r.date == "2024-06-13"
    assert y.title and y.publisher and y.source


def test_year_inferred_without_sidecar(tmp_path):
    p = tmp_path / "news.txt"
    p.write_text("日期:2023-05-02\n3月4日，某市市长会见来访客人。2023年工作顺利。\n", encoding="utf-8")
    d = read_document(p)
    assert d.date == "2023-05-02" and d.year == 2023


def test_sidecar_and_front_matter_take_other_tools_key_names(tmp_path):
    """``published`` (or ``pub_date``, ``issued``) is the page's date and ``url`` its source; kg's own key wins."""
    p = tmp_path / "item.txt"
    p.write_text("16日下午，某市市长会见来访客人。\n", encoding="utf-8")
    (tmp_path / "item.meta.toml").write_text('published = "2024-04-17"\nurl = "https://example.org/a"\n', encoding="utf-8")
    d = read_document(p)
    assert (d.date, d.year, d.source) == ("2024-04-17", 2024, "https://example.org/a")
    (tmp_path / "item.meta.toml").write_text('published = "2024-04-17"\ndate = "2023-01-02"\n', encoding="utf-8")
    assert read_document(p).date == "2023-01-02"
    q = tmp_path / "front.txt"
    q.write_text("---\nissued: 2022-05-06\n---\n6日，某市市长会见来访客人。\n", encoding="utf-8")
    assert read_document(q).date == "2022-05-06"


def test_heading_and_entry_with_author():
    doc, blocks = blocks_of(YEARBOOK)
    h = at(blocks, 27)
    assert h.kind == "heading" and h.attr("title") == "对外交往"
    e = at(blocks, 85)
    assert e.kind == "entry"
    assert e.attr("title") == "北京—莫斯科结好25周年纪念活动举行"
    assert e.attr("date") == "12月7日至8日" and e.attr("author") == "李娜"


def test_entry_broken_over_lines_is_joined_with_offsets():
    doc, blocks = blocks_of(YEARBOOK)
    e = at(blocks, 53)  # 【2020北京国际民间友好论坛】9月 / (blank) / 2日,…
    assert e.attr("date") == "9月2日"
    i = e.text.index("58个友好组织")
    assert doc.text[e.source_offset(i) : e.source_offset(i) + 7] == "58个友好组织"


def test_table_caption_header_rows_and_credit():
    doc, blocks = blocks_of(YEARBOOK)
    cap = at(blocks, 96)
    assert cap.kind == "table_caption" and cap.attr("number") == "3"
    header = at(blocks, 98)
    assert header.kind == "table_header" and [c.column for c in header.cells] == ["时间", "市领导", "国别", "活动内容"]
    row = at(blocks, 102)
    assert row.kind == "table_row" and row.table == "3"
    assert row.cells[1].text == "蔡 奇 殷 勇 崔述强"
    assert doc.text[row.cells[3].start : row.cells[3].end] == row.cells[3].text
    credit = at(blocks, 166)  # runs over two lines
    assert credit.kind == "table_credit" and credit.attr("names").endswith("李娜")
    header1 = at(blocks, 431)
    assert header1.cells[0].column == "时间"  # 时 间 padded in the source


def test_report_item_and_progress():
    doc, blocks = blocks_of(REPORT)
    item = at(blocks, 18)
    assert item.kind == "report_item" and item.attr("number") == "10" and item.attr("lead") == "环太处"
    prog = at(blocks, 20)
    assert prog.kind == "report_progress" and prog.attr("item") == "10"
    assert at(blocks, 2).kind == "meta"


def test_hand_made_document():
    text = (
        "# 外事\n\n## 综 述\n\n**概况。**全年工作顺利，成效明显。\n\n(张三)\n\n"
        "【某市与友城举办活动】3月5日，某市与友城举办活动。\n\n(李四)\n\n"
        "表1 2021年某市领导会见外宾一览表\n\n时间\t市领导\t国别\t活动内容\n4月1日\t王 五\t法国\t会见法国某公司董事长某某\n\n(赵 六)\n\n"
        "第3项:推进友城工作。(牵头部门:友城处)\n\n进展情况:已完成。\n"
    )
    doc = Document(id="hand", path="hand.txt", text=text, year=2021)
    kinds = [b.kind for b in parse_blocks(doc)]
    assert kinds == [
        "heading", "heading", "paragraph", "author", "entry", "author",
        "table_caption", "table_header", "table_row", "table_credit", "report_item", "report_progress",
    ]
    for b in parse_blocks(doc):
        if b.kind != "table_row":
            assert text[b.start : b.end].replace("**", "").startswith(b.text[:3])


def test_a_dateline_is_no_part_of_the_paragraph_after_it(tmp_path):
    """A news page's dateline (a date and time or the site's words, or a date alone among the first
    lines) is a block of its own: the first sentence's evidence does not quote it."""
    p = tmp_path / "news.txt"
    p.write_text("市领导会见日本富山县代表团\n2024-05-22 10:15 来源：金华日报\n5月21日下午，市委书记朱重烈会见了客人。\n"
                 "第二行接着写。\n", encoding="utf-8")
    blocks = parse_blocks(read_document(p))
    assert [(b.kind, b.line, b.text) for b in blocks] == [
        ("title", 1, "市领导会见日本富山县代表团"),
        ("paragraph", 2, "2024-05-22 10:15 来源：金华日报"),
        ("paragraph", 3, "5月21日下午，市委书记朱重烈会见了客人。"),
        ("paragraph", 4, "第二行接着写。"),
    ]
    q = tmp_path / "list.txt"
    q.write_text("友好城市一览\n\n横滨市\n日本\n1973-11-30\n大阪市\n日本\n1974-04-18\n", encoding="utf-8")
    listed = [b for b in parse_blocks(read_document(q)) if b.kind == "paragraph"]
    assert len(listed) == 1  # a date alone further down is a list's cell, joined as before


def test_a_line_that_ends_a_sentence_ends_its_paragraph(tmp_path):
    """A page written a paragraph a line, with no blank lines between (news pages, a related-news
    list after the article), is read a paragraph a line; a line cut inside a sentence goes on in the
    next line."""
    p = tmp_path / "news.txt"
    p.write_text("两市举行视频会谈\n昨天，市长会见了来访的客人。\n又讯 6月8日，市长复信对方市长，\n感谢对方的支持。\n"
                 "相关新闻：\n·我市举办旅游推介会\n·我市召开外事工作会议\n", encoding="utf-8")
    texts = [b.text for b in parse_blocks(read_document(p)) if b.kind == "paragraph"]
    assert texts[:2] == ["昨天，市长会见了来访的客人。", "又讯 6月8日，市长复信对方市长，感谢对方的支持。"]
    assert not any("推介会·我市" in t or "客人。又讯" in t for t in texts)


def test_a_pages_menu_is_a_paragraph_of_its_own(tmp_path):
    """A menu or breadcrumb line (short Chinese items apart by spaces, bars or >) is not joined to the
    headline under it; an English name with spaces (a list's cell) is no menu."""
    p = tmp_path / "page.txt"
    p.write_text("首页 政务公开 新闻动态 部门动态\n香港特区政府驻武汉经济贸易办事处主任一行来常调研\n"
                 "首页 > 新闻中心 > 今日要闻 > 正文\n两市正式缔结友好城市\n横滨市\nCity of Yokohama\n日本\n", encoding="utf-8")
    texts = [b.text for b in parse_blocks(read_document(p)) if b.kind == "paragraph"]
    assert "香港特区政府驻武汉经济贸易办事处主任一行来常调研" in texts
    assert not any("部门动态香港" in t or "正文两市" in t for t in texts)
    assert texts[-1].endswith("横滨市City of Yokohama日本")


def test_a_source_line_ends_its_paragraph(tmp_path):
    """A page's source line (记者 X 日期 来源：云南网) is not joined to the interview's first question under
    it: the outlet's name ends with its line."""
    p = tmp_path / "page.txt"
    p.write_text("景洪外事工作访谈\n记者 陈思雨 2018年12月05日 来源：云南网\n记者：今年以来，景洪市外事工作有哪些亮点？\n",
                 encoding="utf-8")
    texts = [b.text for b in parse_blocks(read_document(p)) if b.kind == "paragraph"]
    assert "记者：今年以来，景洪市外事工作有哪些亮点？" in texts
    assert not any("云南网记者" in t for t in texts)


def test_pinyin_annotations_and_the_commas_they_leave_are_dropped(tmp_path):
    """A mirror page's pinyin after rare characters (締結(jié)) is no part of the text, nor a comma it
    leaves right before another mark (歐陽衛民,、張虎): the list reads as written; offsets still point
    into the file."""
    p = tmp_path / "page.txt"
    line = "副省長歐陽衛民,、張(zhāng)虎參加會見,,並締結(jié)協議。"
    p.write_text("標題\n\n" + line + "\n", encoding="utf-8")
    doc = read_document(p)
    block = [b for b in parse_blocks(doc) if b.kind == "paragraph"][-1]
    assert block.text == "副省长欧阳卫民、张虎参加会见,并缔结协议。"
    k = block.text.index("张虎")
    assert doc.text[block.source_offset(k) : block.source_offset(k) + 1] in ("张", "張")
    assert doc.text[block.source_offset(k + 1)] in ("虎",)


def test_captions_between_blank_lines_are_paragraphs_of_their_own(tmp_path):
    """Short lines with no clause in them, each between blank lines (a page's photo captions), are
    not a sentence cut by page breaks; a day-first dateline (28.11.2017 21:51) dates the page."""
    path = tmp_path / "page.txt"
    path.write_text("市领导访问日本\n\n28.11.2017  21:51\n\n副市长陪同知事参观图片展\n\n副市长与知事交换礼品\n\n"
                    "10月27日,副市长率团赴日本进行友好访问。\n", encoding="utf-8")
    doc = read_document(path)
    texts = [b.text for b in parse_blocks(doc) if b.kind == "paragraph"]
    assert texts == ["28.11.2017  21:51", "副市长陪同知事参观图片展", "副市长与知事交换礼品", "10月27日,副市长率团赴日本进行友好访问。"]
    assert doc.date == "2017-11-28"


def test_a_sentence_cut_by_a_page_break_is_still_joined(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("市长会见德国客人\n\n2023年5月16日，市长会见了来访的德国汉堡市代表团，双方就深化两市在港口物流\n\n领域的合作交换了意见。\n", encoding="utf-8")
    texts = [b.text for b in parse_blocks(read_document(path)) if b.kind == "paragraph"]
    assert texts == ["2023年5月16日，市长会见了来访的德国汉堡市代表团，双方就深化两市在港口物流领域的合作交换了意见。"]


def test_a_table_no_caption_announces(tmp_path):
    """Lines of tab-separated cells, the first a header, are a table without a 表N caption."""
    path = tmp_path / "list.txt"
    path.write_text("友好城市一览\n\n序号\t国家\t城市\n1\t日本\t高松市\n2\t美国\t圣路易斯市\n\n后记：以上为全部。\n", encoding="utf-8")
    kinds = [(b.kind, b.text) for b in parse_blocks(read_document(path))]
    assert kinds[1:] == [("table_header", "序号\t国家\t城市"), ("table_row", "1\t日本\t高松市"),
                         ("table_row", "2\t美国\t圣路易斯市"), ("paragraph", "后记：以上为全部。")]


@pytest.mark.parametrize("title, year", [
    ("宁波年鉴2019 外事", 2018),  # a yearbook reports the year before it is published
    ("2019年宁波年鉴", 2019),
    ("外事工作总结2020", 2020),
    ("外事工作", None),
])
def test_a_titles_year_dates_a_text_that_writes_none(title, year):
    from kg.documents import title_year

    assert title_year(title) == year


def test_a_byline_that_opens_a_paragraph_is_a_block_of_its_own(tmp_path):
    """（记者 X）5月10日，…: the byline is an author block, the rest of the line a paragraph (not all
    the lines after it read as the byline's)."""
    path = tmp_path / "news.txt"
    path.write_text("市长会见美国客人\n\n（记者 王明）5月10日，市长会见了美国客人。\n双方交换了意见。\n", encoding="utf-8")
    doc = read_document(path)
    blocks = parse_blocks(doc)
    assert [(b.kind, b.line, b.text) for b in blocks[1:]] == [
        ("author", 3, "（记者 王明）"),
        ("paragraph", 3, "5月10日，市长会见了美国客人。"),
        ("paragraph", 4, "双方交换了意见。"),
    ]
    para = blocks[2]
    assert doc.text[para.start : para.start + 5] == "5月10日"
    # A numbered paragraph is no byline.
    path.write_text("标题\n\n（一）友城工作。5月10日，市长会见了美国客人。\n", encoding="utf-8")
    assert [b.kind for b in parse_blocks(read_document(path))] == ["title", "paragraph"]


def test_numbered_items_with_a_year_are_list_items_not_headings(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("友好城市\n\n1.意大利威尼斯市 1980年3月24日\n2.日本池田市 1981年6月24日\n二、交流活动\n", encoding="utf-8")
    assert [b.kind for b in parse_blocks(read_document(path))] == ["title", "list_item", "list_item", "heading"]


def test_a_numbered_heading_of_two_short_phrases_is_a_heading(tmp_path):
    """二、深化友城合作，拓展地方交往: a report's section, not a paragraph that runs into the next
    (its words would be read with the facts under it); a numbered sentence with a date is no heading."""
    path = tmp_path / "report.txt"
    path.write_text("某省2023年外事工作总结\n二、深化友城合作，拓展地方交往\n全年新缔结友好城市2个。\n"
                    "三、2023年，全市接待外宾\n", encoding="utf-8")
    blocks = parse_blocks(read_document(path))
    assert [b.kind for b in blocks][:3] == ["title", "heading", "paragraph"]
    assert blocks[1].text == "二、深化友城合作，拓展地方交往"
    assert blocks[-1].kind != "heading"


def test_a_month_alone_on_its_line_is_a_chronicles_heading(tmp_path):
    """大事记: 1月 / 1月15日 …: the month heads the entries under it; it is no part of their text (1月1月15日
    would read as 1月1日)."""
    path = tmp_path / "chronicle.txt"
    path.write_text("某市2019年外事大事记\n1月\n1月15日 市长会见约旦驻华大使。\n2019年\n2月\n2月26日 市委书记会见韩国客人。\n", encoding="utf-8")
    blocks = parse_blocks(read_document(path))
    assert [b.kind for b in blocks] == ["title", "heading", "paragraph", "heading", "heading", "paragraph"]
    assert blocks[2].text.startswith("1月15日")


@pytest.mark.parametrize("text, year", [
    ("2012年，黑龙江省与俄罗斯犹太自治州签署协议。2012年5月，代表团来访。", 2012),
    # The years of what began long before, or is still to come, date no undated mention.
    ("8月17日，省长会见了新州州长。双方自1983年建立的联合经济会议机制运行良好。", None),
    ("11月1日，主任会见总领事。自1998年总领馆建馆以来，2024年将迎来建交60周年。", None),
    ("两市于2010年缔结友好城市。2014年9月，代表团访问特里尔。", 2014),
    ("11月20日，副省长会见了新西兰客人。浙江省与怀卡托大区于2003年建立友好省区关系。", None),
])
def test_the_year_of_an_undated_text(text, year):
    from kg.documents import infer_year

    assert infer_year(text) == year


def test_a_year_in_the_name_of_a_text_does_not_date_the_text():
    from kg.documents import infer_year

    assert infer_year("1月，我市与俄罗斯喀山市签署了《2024—2025年合作计划》。") is None
    assert infer_year("2023年1月，我市与俄罗斯喀山市签署了《2024—2025年合作计划》。") == 2023


def test_a_reports_title_year_dates_it_before_the_years_its_plans_write(tmp_path):
    """2022年工作总结 writes 2023 twice in its plans for the next year: its undated months are 2022's.
    (A first line that is a sentence is no such title.)"""
    path = tmp_path / "report.txt"
    path.write_text("市外办2022年工作总结\n\n一、6月，市长会见了俄罗斯客人。\n二、2023年工作打算。2023年，将继续推动务实合作。\n",
                    encoding="utf-8")
    assert read_document(path).year == 2022
    path.write_text("2018年，青岛港与德国汉堡港结为友好港口。2021年，两港续签协议。2021年，双方开展交流。\n", encoding="utf-8")
    assert read_document(path).year == 2021


def test_a_report_on_a_year_published_after_it_covers_that_year(tmp_path):
    """An editor's note opening the page is no title; 2022年…综述 published on 2023-01-10 reports on
    2022: its undated ties are of 2022, not of the year it was published."""
    p = tmp_path / "review.txt"
    p.write_text("【编者按】友城工作是城市对外交往的重要载体。\n2022年我市友城工作综述\n发布时间：2023-01-10 10:20:11\n\n"
                 "我市新建立友好交流城市2个，分别为日本富士宫市和韩国光阳市。\n", encoding="utf-8")
    doc = read_document(p)
    assert (doc.title, doc.date, doc.year) == ("2022年我市友城工作综述", "2023-01-10", 2022)


def test_a_yearbook_dated_by_the_year_it_came_out_covers_the_year_before(tmp_path):
    """A yearbook entry whose collection dates it by its edition's year only (2014) and whose text
    writes the year before most (2013年，全市…) is on that year: its months are of 2013. A text that
    writes its own year most keeps it."""
    (tmp_path / "SOURCES.tsv").write_text("slug\tpub_date\nyb\t2014\nsame\t2014\n", encoding="utf-8")
    (tmp_path / "yb.txt").write_text("外事\n【概况】2013年，全市共接待外宾42批。\n【友城交往】4月，日本仓吉市访问团来访。\n", encoding="utf-8")
    (tmp_path / "same.txt").write_text("外事\n【概况】2014年，全市共接待外宾42批。\n【友城交往】4月，日本仓吉市访问团来访。\n", encoding="utf-8")
    assert (read_document(tmp_path / "yb.txt").year, read_document(tmp_path / "same.txt").year) == (2013, 2014)


def test_a_markdown_table_is_a_table(tmp_path):
    """| 1 | 日本 | 高松市 | …: a Markdown table's rows are table rows, its rule no line of text, and
    every cell keeps its offset in the file."""
    p = tmp_path / "list.txt"
    text = ("表2　2019年我市国际友好城市一览表\n| 序号 | 国家 | 城市 | 结好时间 | 类别 |\n| --- | --- | --- | --- | --- |\n"
            "| 1 | 日本 | 高松市 | 1990年5月 | 友好城市 |\n| 2 | 德国 | 埃尔福特市 | 2018年4月 | 友好交流城市 |\n||||\n")
    p.write_text(text, encoding="utf-8")
    doc = read_document(p)
    rows = [b for b in parse_blocks(doc) if b.kind == "table_row"]
    assert [[c.text for c in b.cells][2] for b in rows] == ["高松市", "埃尔福特市"]
    cell = rows[1].cells[2]
    assert doc.text[cell.start : cell.start + len(cell.text)] == "埃尔福特市"
    from kg.extract.document import extract
    links = {(l.partner.name, l.relation) for l in extract(doc).partner_links}
    assert links == {("高松市", "sister_city"), ("埃尔福特市", "friendly_exchange")}


def test_a_first_line_that_is_a_sentence_gives_no_year(tmp_path):
    """An undated one-paragraph item's first line is its title, but a sentence: the year of a tie it
    tells (于2003年建立…) does not date its meeting."""
    p = tmp_path / "item.txt"
    p.write_text("11月20日，副省长王路会见了新西兰客人。浙江省与怀卡托大区于2003年建立友好省区关系。\n", encoding="utf-8")
    assert read_document(p).year is None


def test_a_table_typed_with_runs_of_full_width_spaces_is_read_as_cells(tmp_path):
    """Three lines or more with as many cells set apart by runs of spaces are a table; a page's
    one line of fields so spaced (发布时间：…　　来源：…) is not; offsets still point into the text."""
    p = tmp_path / "list.txt"
    text = ("发布时间：2022-06-20　　来源：市外办\n友好交流城市（2个）\n"
            "序号　　城市　　　　国家　　　　建立时间\n1　　奇姆肯特市　　哈萨克斯坦　　2017年\n2　　埃格尔市　　　匈牙利　　　　2018年\n")
    p.write_text(text, encoding="utf-8")
    doc = read_document(p)
    blocks = parse_blocks(doc)
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [[c.text for c in b.cells] for b in rows] == [["1", "奇姆肯特市", "哈萨克斯坦", "2017年"], ["2", "埃格尔市", "匈牙利", "2018年"]]
    assert all(doc.text[c.start : c.end] == c.text for b in rows for c in b.cells)
    assert not any(b.kind.startswith("table") for b in blocks if b.line == 1)
