"""The press a page names as its own publisher: the source line (来源：南方网) and the lead a report
opens with (中新社天津6月24日电, 南方日报讯).

These are bodies a reader of the page sees named, and no sentence rule reads them: a source line is
no sentence, and a lead runs the outlet's name into where it filed from and the day.
"""
from __future__ import annotations

import re

from ..gazetteer import load
from ..model import Block
from .cues import pattern, words
from .sentences import SARS

# 来源：南京日报/紫金山新闻 (the names up to a space; several joined by / or 、).
SOURCE = re.compile(rf"(?:{pattern('bodies', 'press.source')})\s*[:：]\s*(?P<names>[^\s:：|｜]+)")
# 中新社天津6月24日电 (, 南方日报讯 (, QMG青岛广电11月20日讯: at the start of a block.
LEAD = re.compile(
    r"^(?P<names>[A-Za-z]{0,6}[\u4e00-\u9fff]{2,16})(?:\d{1,2}月\d{1,2}日)?"
    rf"(?:{pattern('bodies', 'press.lead_end')})(?=[\s(（:：?？]|\d)"
)
# (A lead's ending word lies within the reach of its name, a day and the word itself: a block whose
# start holds none of them opens with no lead, as most do.)
_LEAD_ENDS = words("bodies", "press.lead_end")
_LEAD_REACH = 6 + 16 + len("12月31日") + max(map(len, _LEAD_ENDS))
OUTLET_END = re.compile(rf"(?:{pattern('bodies', 'press.outlet_end')})$")
_NAME = re.compile(r"[A-Za-z]{0,6}[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,24}")
SELF = frozenset(words("bodies", "press.self"))


def press_names(block: Block) -> list[tuple[int, int, str]]:
    """(start, end, name) of each body the block names as the page's publisher."""
    text = block.text
    out: list[tuple[int, int, str]] = []
    for m in SOURCE.finditer(text) if ":" in text or "：" in text else ():  # (its colon: most blocks have none)
        pos = m.start("names")
        for part in re.split(r"([/、])", m.group("names")):
            if part not in ("/", "、") and _NAME.fullmatch(part):
                out.append((pos, pos + len(part), part))
            pos += len(part)
    head = text[:_LEAD_REACH]
    m = LEAD.match(text) if any(w in head for w in _LEAD_ENDS) else None
    if m:
        name = _without_place(m.group("names"))
        if OUTLET_END.search(name) and name not in SELF:
            out.append((0, len(name), name))
    return out


def press_country(name: str) -> str:
    """The country (or SAR) a publisher is of: the one its name starts with, else China."""
    return next((s for s in SARS if name.startswith(s)), "中国")


def _without_place(lead: str) -> str:
    """The outlet's name in a lead, without the place it filed from (中新社天津 → 中新社)."""
    gaz = load()
    for n in range(min(6, len(lead) - 2), 1, -1):
        if gaz.lookup(lead[-n:], ("City", "Region")) is not None:
            return lead[:-n]
    return lead
