"""The press a page names as its publisher: source lines and leads (kg.extract.press)."""
from __future__ import annotations

import pytest

from kg.documents import read_document
from kg.extract.document import extract
from kg.extract.press import press_country, press_names
from kg.model import Block


@pytest.mark.parametrize("text, names", [
    ("新华社北京3月5日电 (记者 张三)国务院总理…", ["新华社"]),
    ("中新社上海6月24日电 为纪念…", ["中新社"]),
    ("扬子晚报讯 (记者 李四)昨天下午,…", ["扬子晚报"]),
    ("QMG青岛广电11月20日讯 今天下午,…", ["QMG青岛广电"]),
    ("澳门日报讯(记者 王五)…", ["澳门日报"]),
    ("来源:宁波日报/甬派   2022-07-06 14:25:00", ["宁波日报", "甬派"]),
    ("2015-10-14 09:15 来源:大洋网 赵六", ["大洋网"]),
    ("喜讯传来，我市获奖。", []),
    ("本报讯（记者 张三）12日下午，…", []),  # the paper calling itself  # no outlet's ending before 讯
    ("通讯员王七报道：昨日…", []),
])
def test_press_names(text, names):
    assert [n for _, _, n in press_names(Block("d", "paragraph", 1, 0, len(text), text))] == names


def test_press_country():
    assert (press_country("香港文汇报"), press_country("新华社")) == ("香港", "中国")


def test_publishers_are_organizations_of_the_page(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("市长会见德国客人\n\n2024-05-08 10:00 来源：长沙晚报\n\n新华社长沙5月7日电 5月7日，长沙市市长会见了德国客人。\n",
                    encoding="utf-8")
    names = {(m.entity.name, m.entity.type, m.entity.country, m.evidence.line) for m in extract(read_document(path)).mentions}
    assert ("长沙晚报", "Organization", "中国", 3) in names
    assert ("新华社", "Organization", "中国", 5) in names


def test_a_source_field_on_the_dateline_names_the_home(tmp_path):
    """来源：X after the page's time on one line is the publisher; a line that starts with a date is
    no title; the publisher's place is the home of a text that names no other place more."""
    path = tmp_path / "page.txt"
    path.write_text("2022-09-16 09:30  来源：宁波日报\n\n昨天下午，市委书记彭佳学会见了新西兰驻上海总领事何文博一行。\n", encoding="utf-8")
    doc = read_document(path)
    assert (doc.publisher, doc.title, doc.date) == ("宁波日报", "昨天下午，市委书记彭佳学会见了新西兰驻上海总领事何文博一行。", "2022-09-16")
    (meeting,) = extract(doc).meetings
    assert (meeting.date, meeting.home_place.name) == ("2022-09-15", "宁波市")
    # A paper named for another place than the one the text is about (北京周报 on 成都) is not its home.
    path.write_text("2014-01-09 来源：北京周报网\n\n成都市市长会见法国蒙彼利埃市市长。成都市与蒙彼利埃市是友好城市。\n", encoding="utf-8")
    assert {l.home.name for l in extract(read_document(path)).partner_links} == {"成都市"}
