"""Meetings read from prose: who met whom, when, how, on whose behalf.

A meeting is stated by an act word — 会见, 会谈, 座谈, 视频会见/视频连线,
致信/致函/致贺信 (a letter) or 接待 (hosting a visit) — with the home side
before it and the counterpart after it (``A会见B``), between ``与``/``同``/
``向`` and it (``A与B通过视频会见``, ``A向B致信``), or, when both are named
before it, told apart by their country (``市长陈吉宁，香港特别行政区行政长官
林郑月娥以视频连线形式…``). Counterparts are the persons named, else the
cities, regions and bodies (``会见西班牙马德里、意大利罗马等城市领导人``).
Where the text names no home-side person (``市主要领导会见…``), the home
side is the document's city. Nothing here knows particular names.
"""
from __future__ import annotations

import re

from ..gazetteer import load
from ..model import Meeting, Party
from .names import ORG_BODY, ORG_COMPANY, make_org, parse_person_phrase
from .persons import person_phrase, phrase_country
from .sentences import SARS, Sentence, Span

ACT = re.compile(r"视频会见|视频会谈|视频连线|视频通话|会见|会谈|座谈(?!会)|致贺信|致慰问信|致贺电|致信|致函|致电|接待")
LETTER_ACTS = ("致贺信", "致慰问信", "致贺电", "致信", "致函", "致电")
# An act word that is not an act between the two sides: joining a conference by video, a reception task's name.
NOT_AN_ACT = re.compile(r"^(?:参会|出席|参加|开幕|的方式|平台|工作组|室|厅|中心|处)")
CLAUSE_SEP = re.compile(r"[，,：:]")
TO_COUNTERPART = re.compile(r"(?:与|同|和|向|给)")
VIDEO = re.compile(r"视频|连线|线上|云")
# Words that end a counterpart list: 等城市领导人, 有关负责同志, 一行, 来访 …
CP_END = re.compile(r"(?:等|有关|相关|一行|代表团|来访|访问|来京|，|,|。|；|;|并|时|的)")


def _person(sent: Sentence, sp: Span, seg_start: int) -> Party:
    """The person ``sp`` with the titles and bodies written before it in its clause."""
    pp = person_phrase(sent, sp, seg_start)
    if pp is None:
        return Party(sp.written, "Person", country=sp.side_country)
    orgs = tuple(Party(o.name, o.type, country=o.country) for o in pp.orgs)
    return Party(sp.written, "Person", title=pp.title, organizations=orgs, country=phrase_country(pp))


def _foreign(p: Party) -> bool:
    return bool(p.country) and p.country != "中国"


def _place_prefix(name: str) -> str:
    """The country (or SAR) of the place a body's name starts with: 香港新型工业化联盟 → 香港."""
    if name[:2] in SARS:
        return name[:2]
    gaz = load()
    for n in range(min(len(name) - 1, 6), 1, -1):
        e = gaz.lookup(name[:n], ("City", "Country", "Region"))
        if e is not None:
            return e.country or (e.zh if e.type == "Country" else "")
    return ""


def _places_and_bodies(sent: Sentence, s: int, e: int) -> list[Party]:
    """Cities, regions and bodies listed in ``sent.text[s:e]``: the most specific place of each item."""
    text = sent.text[s:e]
    out: list[Party] = []
    pos = 0
    for item in text.split("、"):
        i0, pos = s + pos, pos + len(item) + 1
        item_spans = sorted(sent.spans_in(i0, i0 + len(item)), key=lambda x: x.start)
        places = [x for x in item_spans if x.type in ("City", "Region", "Organization", "Company")]
        country = next((x.side_country for x in item_spans if x.type == "Country"), "")
        clean = CP_END.split(item)[0].strip()
        if places and (sent.rel(places[-1])[1] - i0 >= len(clean) or places[-1].type in ("Organization", "Company")):
            x = places[-1]
            out.append(Party(x.written, x.type, country=x.side_country or country or _place_prefix(x.written)))
            continue
        # A body no gazetteer knows, named after its place: 香港创新科技及工业局.
        placed = clean[:2] in SARS or any(x.type in ("City", "Region", "Country") and sent.rel(x)[0] == i0 for x in item_spans)
        if clean and placed and (ORG_BODY.search(clean) or ORG_COMPANY.search(clean)):
            if clean[:2] in SARS:
                out.append(Party(clean, "Organization", country=clean[:2]))
                continue
            org = make_org(clean, 0, load())
            if org is not None:
                out.append(Party(org.name, org.type, country=clean[:2] if clean[:2] in SARS else org.country))
    return out


def _nominal(sent: Sentence, s: int, e: int) -> bool:
    """Whether ``sent.text[s:e]`` only names persons with their titles (``市长陈吉宁``)."""
    persons = [sp for sp in sent.spans_in(s, e) if sp.type == "Person"]
    if not persons or max(sent.rel(p)[1] for p in persons) != e:
        return False
    parsed = parse_person_phrase(sent.text[s:e])
    return bool(parsed) and parsed[-1].end == e - s


def _clause_start(sent: Sentence, pos: int) -> int:
    """Start of the clause that ends at ``pos``, reaching back over clauses that only name persons."""
    seps = [m.end() for m in CLAUSE_SEP.finditer(sent.text, 0, pos)]
    start = seps.pop() if seps else 0
    while start > 0:
        prev = seps.pop() if seps else 0
        if not _nominal(sent, prev, start - 1):
            break
        start = prev
    return start


def read_meetings(sent: Sentence, home_city: Party) -> list[tuple[Meeting, str]]:
    """Meetings stated in ``sent``, each with the act word that states it."""
    out: list[tuple[Meeting, str]] = []
    text = sent.text
    for m in ACT.finditer(text):
        act = m.group(0)
        after = text[m.end() :]
        # 完成X等…团组的接待任务: the visitors are named before the act word, the home side not at all.
        hosted_before = act == "接待" and after.startswith("任务")
        if NOT_AN_ACT.match(after) and not hosted_before:
            continue
        cs = _clause_start(sent, m.start())
        pre_s, pre_e = cs, m.start()
        post_s = m.end()
        ce = CLAUSE_SEP.search(text, post_s)
        post_e = ce.start() if ce else len(text)
        if hosted_before:
            post_s, post_e = pre_s, pre_e
        split = None
        for t in TO_COUNTERPART.finditer(text, pre_s, pre_e):
            if sent.spans_in(pre_s, t.start()) or re.search(r"领导|市长|书记", text[pre_s : t.start()]):
                split = t
                break
        home_seg = (pre_s, split.start()) if split else (pre_s, pre_e)
        cp_seg = (split.end(), pre_e) if split else (post_s, post_e)
        if hosted_before:
            home_seg = (pre_s, pre_s)
        homes = [_person(sent, sp, sent.start + home_seg[0]) for sp in sent.spans_in(*home_seg) if sp.type == "Person"]
        cps = [_person(sent, sp, sent.start + cp_seg[0]) for sp in sent.spans_in(*cp_seg) if sp.type == "Person"]
        if not split and not cps:
            # Both sides named before the act word: tell them apart by country.
            cps = [p for p in homes if _foreign(p)]
            homes = [p for p in homes if not _foreign(p)]
        homes = [p for p in homes if not _foreign(p)]
        if not cps:
            cps = [p for p in _places_and_bodies(sent, *cp_seg) if _foreign(p)]
        if not cps:
            continue
        if not homes:
            homes = [home_city]
        mode = "letter" if act in LETTER_ACTS else "video" if VIDEO.search(act + text[pre_s:pre_e]) else "in_person"
        countries = []
        for p in cps:
            c = p.country or next((o.country for o in p.organizations if o.country), "")
            if c and c not in countries:
                countries.append(c)
        meeting = Meeting(
            date=sent.date_before(m.start()),
            mode=mode,
            home=tuple(homes),
            counterparts=tuple(cps),
            evidence=sent.evidence(),
            country=";".join(countries),
            description=text.strip(),
        )
        out.append((meeting, act))
    return out
