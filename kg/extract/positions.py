"""Positions: every title written before a person's name, dated by the sentence that states it.

``市委常委、副市长殷勇`` on 6月16日 gives two positions of 殷勇 attested on that
day (a title after the name, ``黄文辉市长``, one held in the home place); a title with no body written (``市长``) is held in the document's city
when the person is on the home side, so that "who was the mayor in 2020" can
be asked. Titles of foreign persons keep the body written with them
(``伦敦金融城市市长罗威`` → 市长 of 伦敦金融城).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Party, Position
from .persons import UNIT_ONLY, person_name, person_phrase, places_by_name, unit_place, phrase_country, visited_country
from .cues import pattern, words
from .names import LEVEL_WORDS, title_prefix
from ..gazetteer import load
from .sentences import Sentence

# Where a person's phrase starts: after a word joining two sides or a verb of meeting or writing
# (…在广州拜会了|加拿大驻广州总领事X).
_JOIN = re.compile("|".join(["与|同|和|向|及", pattern("meetings", "acts.in_person"), pattern("meetings", "acts.letter")]))
# The level words a place's bodies are written with alone (省, 自治区, 市 …: bodies.toml).
_LEVELS = frozenset(words("bodies", "levels"))
# A title of a place's (市长, 副省长, 区委书记, 州长): its level word.
_LOCAL_TITLE = re.compile("[" + "".join(LEVEL_WORDS) + "]")


@lru_cache(maxsize=1)
def _group_roles() -> frozenset[str]:
    """Titles of a group's head or member (团长, 领队: kind "delegation" in titles.tsv): a part taken in
    a visit."""
    return frozenset(t.zh for t in load().titles if t.kind == "delegation")


def read_positions(sent: Sentence, home_city: Party) -> list[Position]:
    out: list[Position] = []
    for sp in sent.persons:  # (the sentence's persons, read once: most sentences name none)
        # The phrase naming this person starts after the previous person or the word joining two sides.
        left = sent.start
        for other in sent.persons:
            if other.end <= sp.start:
                left = max(left, other.end)
        for m in _JOIN.finditer(sent.block.text, left, sp.start):
            if not any(o.start <= m.start() < o.end for o in sent.spans):  # (not 和 in 呼和浩特)
                left = max(left, m.end())
        pp = person_phrase(sent, sp, left)
        if pp is None or not pp.roles:
            # A title written after the name (黄文辉市长): held in the home place. (Only a name the
            # entity rules read before a title is read so.)
            title = title_prefix(sent.block.text[sp.end : sp.end + 8], 0, load()) if sp.rule == "name+title" else ""
            # (Not 甘巴特市长 after 巴特额尔德尼·甘巴特, nor 田中议长 after 田中英明: a foreign official, of no home body.)
            if title and "·" not in sp.name and person_name(sp) == sp.written:
                out.append(Position(Party(sp.written, "Person", country=sp.side_country or home_city.country), title,
                                    _home_body(title, home_city), sent.date_before(sp.start - sent.start), sent.evidence()))
            continue
        # (Or of the foreign place the sentence goes to before naming them: …访问伊尔库茨克州，会见了州长X.)
        country = phrase_country(pp) or sp.side_country or visited_country(sent, sp.start)
        person = Party(person_name(sp), "Person", "", (), country)  # (in order: a keyword call makes a dict)
        date = sent.date_before(sp.start - sent.start)
        for role in pp.roles:
            if not role.title or role.title in _group_roles():
                continue  # (nor the head of a visiting group, 代表团团长: a part in a visit, no office held)
            if role.org is not None and role.org.name in _LEVELS:
                # A level word alone (自治区主席, 市副市长): the home place, when it is of that level.
                body = home_city if home_city.name.endswith(role.org.name) else None
            elif role.org is not None and UNIT_ONLY.fullmatch(role.org.name):
                body = unit_place(sent, role.org)  # (区 of 区行政长官, 该市 of 该市市长: the place meant, if the sentence names it)
            elif role.org is not None:
                body = _last_of_chain(sent, role.org) or Party(role.org.name, role.org.type, "", (), role.org.country)
            elif not country or country == home_city.country:
                body = _home_body(role.title, home_city)
            else:
                body = None
            out.append(Position(person, role.title, body, date, sent.evidence()))
    return out


def _last_of_chain(sent: Sentence, org) -> Party | None:
    """The last place of a chain of the sentence's places a title is written after (埼玉县本庄市|市长:
    本庄市, the mayor's; 布里亚特共和国乌兰乌德市|市长: 乌兰乌德市), as the meeting rules read it; None
    for a body or a single place."""
    if org.type not in ("City", "Region", "Organization"):
        return None
    places = places_by_name(sent)
    if org.name in places:
        return None
    last = next((x for n, x in places.items() if len(n) < len(org.name) and org.name.endswith(n) and org.name[: -len(n)] in places), None)
    return Party(last.name, last.type, country=last.side_country or org.country) if last is not None else None


def _home_body(title: str, home_city: Party) -> Party | None:
    """Where a home-side title written with no body is held: the document's place; none when the
    document names no place and the title is a place's (市长 of a text whose city is unknown is not
    China's mayor)."""
    if home_city.type == "Country" and _LOCAL_TITLE.search(title):
        return None
    return home_city
