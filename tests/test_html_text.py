"""A news page from a government CMS: main text, title, date and publisher (kg.html_text)."""
from __future__ import annotations

from pathlib import Path

from kg.documents import read_document
from kg.extract.document import extract
from kg.html_text import main_text

PAGE = Path(__file__).parent / "fixtures" / "other" / "cms-page.html"


def test_a_cms_page_gives_its_text_title_date_and_publisher():
    doc = read_document(PAGE)
    assert (doc.title, doc.date, doc.publisher) == ("我市领导会见德国友城代表团", "2023-09-12", "济南日报")
    assert "首页" not in doc.text and "分享到" not in doc.text and "ICP" not in doc.text
    facts = extract(doc)
    met = {(m.date, m.home_place.name, tuple(h.name for h in m.home), tuple(c.name for c in m.counterparts)) for m in facts.meetings}
    assert ("2023-09-11", "济南市", ("于海田",), ("伊娃·韦伯",)) in met


def test_the_publisher_from_the_info_line():
    body = "<p>" + "市长会见了德国客人，双方交换了意见。" * 10 + "</p>"
    _, meta = main_text(f"<html><body><div>来源：<span>宁波日报</span> 2022-01-01</div><article>{body}</article></body></html>")
    assert meta["publisher"] == "宁波日报"
    _, meta = main_text(f"<html><body><article>{body}</article></body></html>")
    assert "publisher" not in meta


def test_the_date_from_the_info_line_not_a_guess_from_a_year():
    """发布时间：2023年06月05日 is the page's date; a year alone elsewhere (an ICP or copyright line)
    gives none (htmldate's extensive search made it 2023-01-01)."""
    body = "<p>" + "6月2日，市长会见了法国雷恩市代表团，双方交换了意见。" * 10 + "</p>"
    info = '<div class="info">发布时间：2023年06月05日 09:30　来源：济南市外办</div>'
    footer = "<div>版权所有 2023 鲁ICP备05001234号</div>"
    _, meta = main_text(f"<html><body><h1>市长会见法国客人</h1>{info}<div>{body}</div>{footer}</body></html>")
    assert meta["date"] == "2023-06-05"
    _, meta = main_text(f"<html><body><h1>市长会见法国客人</h1><div>{body}</div>{footer}</body></html>")
    assert meta.get("date", "") != "2023-01-01"
