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


def test_a_provinces_leaders_table(tmp_path):
    text = ("表1 2023年省领导会见外宾一览\n\n时间\t省领导\t活动内容\n"
            "5月8日\t王 宁\t会见老挝万象市市长阿沙庞·坦马冯")
    facts = facts_of(text, tmp_path)
    assert [(m.date, [h.name for h in m.home], [c.name for c in m.counterparts]) for m in facts.meetings] == [
        ("2023-05-08", ["王宁"], ["阿沙庞·坦马冯"])
    ]
