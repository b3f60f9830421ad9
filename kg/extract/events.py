"""Event names: the written form, and the core name mentions of one event share.

``2020中关村论坛开幕式``, ``中关村论坛`` and ``2020中关村论坛`` are one event;
``第三届联合国教科文组织创意城市北京峰会`` is that summit. The core drops a
leading year or edition and a trailing ceremony or session word, and
keeps the first of two names joined by ``暨``.
"""
from __future__ import annotations

import re

from .cues import pattern

EVENT_SUFFIX = re.compile(
    r"(?:论坛|大会|峰会|会议|洽谈会|招待会|交流会|发布会|对话会|座谈会|研讨会|博览会|展览会|交易会|讲堂|"
    r"周|节|赛|大赛|活动|仪式|年会|闭门会|培训班|音乐会|庆典|系列活动|(?<![发进拓扩开施伸])展|展会|旅游年|交流年|"
    # (And every ending of an event's name the name rules read: names.event_end.)
    rf"{pattern('names', 'event_end')})$"
)
_LEAD = re.compile(r"^(?:(?:19|20)\d\d\s*年?|第[一二三四五六七八九十百零\d]+[届次])+")
_TAIL = re.compile(r"(?:开幕式|闭幕式|开幕|闭幕|全体大会|巡馆和峰会|巡馆|(?:(?:19|20)\d\d)?年会|活动)$")
_QUOTES = str.maketrans("", "", "“”\"《》「」")
# The Party named before a congress's number (中共二十大 and 党的二十大 are one event; not before 第二十次全国代表大会).
_PARTY = re.compile(rf"^(?:{pattern('names', 'party_congress_of')})(?=[一二三四五六七八九十]{{1,3}}(?:大|届))")


def event_core(name: str) -> str:
    """The core name of an event for matching its mentions (see module doc)."""
    # Two names joined by 暨 are one event, known by the first: …座谈会暨…签署仪式.
    core = _PARTY.sub("", name.translate(_QUOTES).strip().split("暨")[0])
    for _ in range(3):
        new = _TAIL.sub("", core)
        new = _LEAD.sub("", new)
        if new == core or len(new) < 3:
            break
        core = new
    return core
