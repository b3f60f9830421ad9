"""The home side's place: the Chinese city, district or province a fact speaks for.

Each fact takes its home place from its own words first (``上海市市长龚正`` →
上海市; ``浦东新区与…签署`` → 浦东新区), and only when they name none from the
document's home place: a Chinese place named in its publisher or title, else
the Chinese place it names most. A place written after a word that makes it a
venue (``在广州会见``, ``赴上海拜访``) is where something happened, not whom it
speaks for. No place is built in: every name comes from the gazetteer.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..gazetteer import Gazetteer, load
from ..nlp.entities.bodies import own_body_pattern
from ..model import Document, Party
from .sentences import HOME_COUNTRY, SARS, Span

PLACE_TYPES = ("City", "Region")
# Words that make the place after them a venue or a destination (在广州, 赴上海, 来渝, 驻武汉).
VENUE_BEFORE = re.compile(r"(?:在|赴|到|于|来|抵|从|经|驻|访问|途经|前往)$")
# Where something takes place, written right before the place (在南京会见, 于东京举行).
VENUE_AT = re.compile(r"[在于]$")


def is_home_place(sp: Span) -> bool:
    """A place of mainland China (Hong Kong and Macao are partners, not home places)."""
    return sp.type in PLACE_TYPES and sp.country == HOME_COUNTRY and sp.name not in SARS


@lru_cache(maxsize=1 << 12)
def places_in(text: str, gaz: Gazetteer | None = None) -> tuple[tuple[int, int, str, str], ...]:
    """Chinese places named in ``text``, longest first at each position: (start, end, name, type)."""
    gaz = gaz or load()
    out = []
    i = 0
    while i < len(text):
        for n in range(min(12, len(text) - i), 1, -1):
            e = gaz.lookup(text[i : i + n], PLACE_TYPES)
            if e is not None and e.country == HOME_COUNTRY and e.code and e.zh not in SARS:  # (a division, not 华南地区)
                out.append((i, i + n, e.zh, e.type))
                i += n
                break
        else:
            i += 1
    return tuple(out)


def after_foreign_city(text: str, pos: int, gaz: Gazetteer) -> bool:
    """Whether a foreign city's name ends at ``pos`` (韩国首尔市|江南区: the ward is Seoul's, not the
    Chinese district of that name)."""
    ends = (pos - 1, pos) if text[pos - 1 : pos] == "市" else (pos,)  # (首尔市 as 首尔; 首尔特别市 whole)
    for end in ends:
        for k in range(2, 7):
            e = gaz.lookup(text[end - k : end], ("City",)) if end - k >= 0 else None
            if e is not None and e.country not in ("", HOME_COUNTRY):
                return True
    return False


def document_home(doc: Document, spans: list[Span], gaz: Gazetteer | None = None,
                  title_names: frozenset[str] | None = None, inner=None) -> Party:
    """The place the document speaks for: named in its publisher or title, else its most named
    Chinese place (cities before regions on ties; a venue, ``rule == "venue"``, counts half), else
    the one most named inside other names
    (``inner()``: 2022成都国际友城合作论坛 in a report of the 市外办), else China itself.
    ``title_names`` are the stretches of the title the pipeline reads as names of any kind: a place
    must be one of them (横山 in a title naming 横山英幸 is no place)."""
    gaz = gaz or load()
    counts: Counter = Counter()
    first: dict[str, int] = {}
    types: dict[str, str] = {}

    def count(places: list[Span], weight: float = 1) -> None:
        for i, sp in enumerate(places):
            if is_home_place(sp):
                # (Where a meeting took place, 在南京会见, counts half: 江苏 named once outweighs it.)
                counts[sp.name] += weight * (0.5 if sp.rule == "venue" else 1)
                first.setdefault(sp.name, i)
                types[sp.name] = sp.type

    count(spans)
    for text in (doc.publisher, doc.title):
        found = [p for p in places_in(text, gaz) if not VENUE_BEFORE.search(text[: p[0]])
                 and (title_names is None or text is not doc.title or _named_in(text[p[0] : p[1]], title_names))
                 and not after_foreign_city(text, p[0], gaz)]
        if found:
            # The last of each chain (江苏省|太仓市: 太仓市); of several, the one the text names most, the
            # first on a tie (讲好泰山故事——访泰安市外办主任: 泰安市, the mountain's district named less).
            lasts = [p for i, p in enumerate(found) if i + 1 == len(found) or found[i + 1][0] != p[1]]
            _, end, name, typ = max(lasts, key=lambda p: counts[p[2]]) if len(lasts) > 1 else lasts[0]
            if text is doc.publisher and counts and counts[name] < max(counts.values()) and not own_body_pattern().match(text, end):
                # A paper named for a place the text names less than another (北京周报 on 成都); not the
                # place's own government (新疆维吾尔自治区人民政府外事办公室 on a forum its 喀什地区 attends).
                continue
            return Party(name, typ, country=HOME_COUNTRY)
    if inner is not None:
        # (Places named inside the names of its events and bodies, 潍坊国际风筝会, 潍坊市友好代表团, count
        # half; alone, fully.)
        count(inner(), 0.5 if counts else 1)
    if counts:
        name = min(counts, key=lambda n: (-counts[n], -_level(n, types[n], gaz), types[n] != "City", first[n]))
        return Party(name, types[name], country=HOME_COUNTRY)
    return Party(HOME_COUNTRY, "Country", country=HOME_COUNTRY)


def _level(name: str, typ: str, gaz: Gazetteer) -> int:
    """How deep a Chinese place lies in GB/T 2260's divisions (1 a province, 2 a prefecture, 3 a county or
    district), from its code: on equal counts the more specific place is the one the text speaks for
    (江苏省太仓市 named once each: 太仓市)."""
    entry = gaz.lookup(name, (typ,))
    code = entry.code if entry is not None else ""
    if len(code) != 6 or not code.isdigit():
        return 0
    return 1 if code[2:] == "0000" else 2 if code[4:] == "00" else 3


def _named_in(place: str, names: frozenset[str]) -> bool:
    """Whether ``place`` is one of ``names``, or is with its level word (台州市 where the pipeline read
    台州 before the title 市长: 台州市长与…)."""
    return place in names or len(place) > 2 and place[-1] in "市省区县" and place[:-1] in names


def home_places_in(text: str, spans: list[Span], offset: int = 0) -> list[Span]:
    """The mainland places among ``spans`` (offsets relative to ``text`` minus ``offset``) that are
    not venues."""
    out = []
    for sp in spans:
        if is_home_place(sp) and not VENUE_BEFORE.search(text[max(0, sp.start - offset - 2) : sp.start - offset]):
            out.append(sp)
    return out


def place_party(sp: Span) -> Party:
    return Party(sp.name, sp.type, country=HOME_COUNTRY)


# Words a text uses for its own place, whatever the place (本市, 我省).
SELF_WORDS = ("本市", "我市", "本省", "我省", "本区", "我区", "本县", "我县")


@lru_cache(maxsize=256)
def home_abbreviations(home: Party) -> tuple[str, ...]:
    """The one-character abbreviations of the home place and of its province (北京市 → 京;
    沧州市 → 冀), from the gazetteer's GB/T 2260 data."""
    gaz = load()
    out: list[str] = []
    entry = gaz.lookup(home.name, (home.type,)) if home.name else None
    while entry is not None:
        out.extend(a for a in entry.abbr if a not in out)
        entry = gaz.lookup(entry.parent, ("Region", "City")) if entry.parent and entry.parent != entry.zh else None
    return tuple(out)
