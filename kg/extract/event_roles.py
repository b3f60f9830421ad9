"""Who organised, hosted and attended a named event, read from the sentence that names it.

- organisers: the bodies between ``由`` and ``主办``/``承办``/``举办`` (``由市政府外办主办的…培训班``),
  or named right before the verb that holds the event (``市政府外办与市新闻办组织召开…发布会``);
- the place that hosted it: ``在X举行``/``在X举办`` (``在清华大学举行``; ``在京``, ``在本市``
  is the document's home place, by its abbreviation);
- attendees: persons named before ``出席``/``参加`` with the event after it, or after the event
  told as held (``…论坛在清华大学举行，X出席并致辞``).

Each is an :class:`~kg.model.Attendance` with role ``organised``, ``hosted`` or
``attended``, dated by the sentence.
"""
from __future__ import annotations

import re
from operator import attrgetter

from ..model import Attendance, Party
from .home import SELF_WORDS, home_abbreviations
from .sentences import Sentence, Span

_BY = re.compile(r"由([^。；;，,]{2,60}?)(?:共同)?(?:主办|承办|举办|联合主办)")
_HOLD = re.compile(r"(?:组织)?(?:召开|举办|主办|承办)")
_AT = re.compile(r"在([^。；;，,在]{1,20}?)(?:举行|举办|召开|开幕)")
_ATTEND = re.compile(r"(?:出席|参加|视频出席|线上出席)")
_BODIES = ("Organization", "Company", "City", "Region", "Country")
# An event told as held before its attendees are named (EVENT在X举行，Y出席…).
_HELD_AFTER = re.compile(r"[^。；;，,]{0,30}?(?:举行|开幕|召开|举办)")
# ... and a person named after it who attends (…，X出席并致辞 / X率团参加 / X等出席开幕式).
_ATTENDS = re.compile(r"(?:等|一行)?(?:率团|率队|带队)?(?:出席|参加|视频出席|线上出席)")
# The guests, named between a person and the verb of attending: they attend, not the person.
_GUESTS = re.compile(r"客人|来宾|嘉宾|外宾|贵宾")
_TYPE = attrgetter("type")


def _clause_start(text: str, pos: int, seps: str) -> int:
    """Where the clause ending at ``pos`` starts: after the last of ``seps`` before it."""
    return max((i + 1 for i, ch in enumerate(text[:pos]) if ch in seps), default=0)


def read_event_roles(sent: Sentence, home_city: Party) -> list[Attendance]:
    if "Event" not in map(_TYPE, sent.spans):
        return []  # (most sentences name no event: told in C, with no list made)
    events = [sp for sp in sent.spans if sp.type == "Event"]
    text = sent.text
    out: list[Attendance] = []

    def add(who: Span | Party, event: Span, role: str) -> None:
        party = who if isinstance(who, Party) else Party(who.name, who.type, country=who.country)
        date = sent.date_before(sent.rel(event)[0])
        out.append(Attendance(party, Party(event.name, "Event"), date, role, sent.evidence()))

    for event in events:
        es, ee = sent.rel(event)
        # Organisers: 由A、B主办的EVENT, or A与B召开EVENT.
        for m in _BY.finditer(text, 0, es):
            if es - m.end() <= 4:
                for sp in sent.spans_in(m.start(1), m.end(1)):
                    if sp.type in _BODIES:
                        add(sp, event, "organised")
        hold = None
        for m in _HOLD.finditer(text, max(0, es - 4), es):
            hold = m
        if hold is not None:
            clause = _clause_start(text, hold.start(), "，,。；;：:")
            for sp in sent.spans_in(clause, hold.start()):
                if sp.type in ("Organization", "Company"):
                    add(sp, event, "organised")
        # The place: EVENT在X举行, or 在X举办EVENT.
        for m in list(_AT.finditer(text, ee, min(len(text), ee + 30)))[:1] + [m for m in _AT.finditer(text, 0, es) if m.end() >= es - 2]:
            if "在" in text[ee : m.start()] and m.start() > ee and m.start() - ee > 2:
                continue
            place = [sp for sp in sent.spans_in(m.start(1), m.end(1)) if sp.type in _BODIES]
            if place:
                add(place[-1], event, "hosted")
            elif m.group(1) in SELF_WORDS or m.group(1) in home_abbreviations(home_city):
                add(home_city, event, "hosted")
        # Attendees named after the event told as held: 第十二届世界和平论坛在清华大学举行，X出席并致辞.
        held = _HELD_AFTER.match(text, ee)
        if held is not None:
            end = min((m.start() for m in re.finditer(r"[。；;]", text[held.end() :])), default=len(text) - held.end())
            for sp in sent.spans_in(held.end(), held.end() + end):
                if sp.type == "Person" and _ATTENDS.match(text, sent.rel(sp)[1]):
                    add(sp, event, "attended")
        # Attendees: persons before 出席/参加 with the event after it in the same clause.
        for m in _ATTEND.finditer(text, 0, es):
            if re.search(r"[。；;]", text[m.end() : es]) or es - m.end() > 30:
                continue
            clause = _clause_start(text, m.start(), "。；;")
            for sp in sent.spans_in(clause, m.start()):
                # (Not a host who welcomes the guests who come to it: X对客人前来参加…表示欢迎.)
                if sp.type == "Person" and not _GUESTS.search(text, sent.rel(sp)[1], m.start()):
                    add(sp, event, "attended")
    return out
