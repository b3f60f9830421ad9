"""Names: padded leader cells, and ``[country][organisation][titles][name]`` phrases.

``split_leaders("蔡 奇 殷 勇 崔述强")`` gives 蔡奇, 殷勇, 崔述强: tables pad
two-character names with a space, so two single characters in a row are one
name. :func:`parse_person_phrase` reads
``德国戴姆勒股份公司董事长康林松`` as person 康林松, title 董事长, organisation
戴姆勒股份公司, country 德国, using the gazetteer's titles and countries and
the shapes of organisation names; nothing in it knows particular people.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..gazetteer import Gazetteer, load
from ..nlp.entities.bodies import foreign_body_words
from .cues import pattern as cue_pattern
from .cues import words as cue_words
from .sentences import _once

CJK = "\u4e00-\u9fff"
# Scope words between an organisation and a title: 全球, 大中华区, 亚太区(除日本), 政府事务, 国际业务 …
QUALIFIER = re.compile(
    rf"(?:全球|全国|海外|(?:大中华|中国|亚太|亚洲|欧洲|美洲|北美|南美|拉美|中东|非洲|华北|华东|华南|华中|华西|西南|东北|西北|东南亚|[东西南北])区(?:\([^)]*\)|（[^）]*）)?|[{CJK}]{{2}}(?:事务|业务)|区域)$"
)
JOINER = re.compile(r"(?:兼|暨)$")
RANK = re.compile(r"(?:第[一二三四五]|常务)?副$|第[一二三四五]$")  # a rank before a title: 第一副市长, 第一书记, 副|国务秘书
NAME_STOP = re.compile(r"(?:并|一行|等人|等|及其|以及|及|和|与|共同|出席|通过|进行|举行|时|，|,|。|；|;|：|:|“|\(|（)")
# (A name in Latin letters may hold spaces, accents, initials: Sören Link, John F. Kennedy.)
NAME_CHARS = re.compile(rf"^(?:[{CJK}·•・\-A-Za-zÀ-ÖØ-öø-ÿ'.]|(?<=[A-Za-zß-öø-ÿ.]) (?=[A-ZÀ-Þa-z]))+$")
# The endings that make a name a company's wherever it is read (the name rules and classify_org).
COMPANY_END = "公司|株式会社|集团|银行|证券"
ORG_COMPANY = re.compile(rf"(?:{COMPANY_END}|制药|半导体|股份|有限|控股|保险|基金|资本|汽车|电气|电子|科技|工业|能源|航空|厂|商事|物产|医疗|金融)(?:\([^)]*\)|（[^）]*）)?$")
ORG_BODY = re.compile(r"(?:大学|学院|研究院|研究所|研究中心|中心|协会|学会|商会|联合会|联盟|基金会|委员会|组织|政府|议会|部|局|署|厅|办|办公室|处|社|台|报|馆|院|会)$")
PLACE_SUFFIX = re.compile(r"(?:市|都|府|县|州|省|区|特区)$")
LATIN_ALIAS = re.compile(r"^(?P<name>.+?)[(（](?P<alias>[A-Za-z][A-Za-z0-9&.\- ]*)[)）]$")


@lru_cache(maxsize=4)  # (read for every table cell: the titles are many)
def _royal_titles(gaz: Gazetteer) -> frozenset[str]:
    return frozenset(t.zh for t in gaz.titles if t.kind == "royal")


def split_leaders(cell: str, gaz: Gazetteer | None = None) -> list[tuple[str, int, int]]:
    """Names in a table cell, each with its (start, end) in ``cell``: padded (蔡 奇 殷 勇), listed
    (张伟、李娜) and after their titles (市长 张伟, 副市长李娜: the titles are no names)."""
    gaz = gaz or load()
    royal = _royal_titles(gaz)
    # (A remark in brackets is no name: 市长 郑永忠（参加会见）.)
    cell = re.sub(r"[（(][^（()）]*[）)]", lambda m: " " * len(m.group(0)), cell)
    tokens = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\s、，,;；/]+", cell)]
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        tok, s, e = tokens[i]
        if len(tok) == 1 and i + 1 < len(tokens) and len(tokens[i + 1][0]) == 1:
            out.append((tok + tokens[i + 1][0], s, tokens[i + 1][2]))
            i += 2
            continue
        i += 1
        while (t := title_prefix(tok, 0, gaz)) and len(t) < len(tok) and len(tok) - len(t) >= 2 and t not in royal:
            tok, s = tok[len(t) :], s + len(t)  # (副市长李娜 → 李娜)
        if tok in gaz.title_forms and tok not in royal:
            continue  # a title of its own (市长 张伟); (王子 in a leaders' cell is a name)
        if not re.search(r"[\u4e00-\u9fffA-Za-z]", tok):
            continue  # (a dash for nobody: —)
        if len(tok) > 4 and "·" not in tok:
            # A body and a title before the name (市人大常委会主任刘振华): the name the phrase parser reads.
            named = parse_person_phrase(tok, gaz)
            if len(named) == 1:
                p = named[0]
                out.append((p.name, s + p.start, s + p.end))
                continue
        out.append((tok, s, e))
    return out


@dataclass(unsafe_hash=True)
class Org:
    name: str  # canonical as written (country prefix and Latin alias removed)
    written: str  # as written, with country prefix
    type: str  # Company, Organization, City, Region
    country: str = ""
    aliases: tuple[str, ...] = ()
    start: int = 0  # span of ``written`` in the phrase
    end: int = 0


@dataclass(unsafe_hash=True)
class Role:
    title: str
    org: Org | None


@dataclass(unsafe_hash=True)
class PersonPhrase:
    name: str
    start: int  # span of the name in the parsed text
    end: int
    roles: tuple[Role, ...] = ()
    country: str = ""

    # (Read once a phrase, kept in it: a remembered phrase (persons.phrases_in) is asked by several
    # rules, and its roles do not change. Not functools.cached_property, whose lock took longer.)
    @_once
    def title(self) -> str:
        return "、".join(r.title for r in self.roles if r.title)

    @_once
    def orgs(self) -> tuple[Org, ...]:
        seen, out = set(), []
        for r in self.roles:
            if r.org and r.org.name not in seen:
                seen.add(r.org.name)
                out.append(r.org)
        return tuple(out)


def title_suffix(text: str, gaz: Gazetteer) -> str:
    """The longest title ``text`` ends with ("" if none)."""
    if not text or text[-1] not in gaz.title_ends:
        return ""
    # (Only the lengths of the titles ending in its last character: a title the text ends with is one.)
    longest, forms = min(len(text), 8), gaz.title_forms
    for n in gaz.title_lengths_by_end[text[-1]]:
        if n <= longest and text[-n:] in forms:
            return text[-n:]
    return ""


def title_prefix(text: str, pos: int, gaz: Gazetteer) -> str:
    """The longest title written at ``text[pos:]`` ("" if none)."""
    if 0 <= pos < len(text):
        # (Only the lengths of the titles starting with its character: a title written there is one.
        # A slice cut short by the text's end is the rest of the text, a title of its own length if any.)
        lengths = gaz.title_lengths_by_start.get(text[pos], ())
    else:
        lengths = gaz.title_lengths
    return next((text[pos : pos + n] for n in lengths if text[pos : pos + n] in gaz.title_forms), "")


LEVEL_WORDS = frozenset("省市州县区道府")  # the words of a division's level that end a place's name
_UNIT_SHARED_TITLES = frozenset(cue_words("names", "unit_shared_titles"))


def _place_ending(text: str, start: int, gaz: Gazetteer) -> bool:
    """Whether a gazetteer place's name ends ``text`` and starts before ``start``."""
    return any(gaz.lookup(text[k:], ("City", "Region")) for k in range(max(0, len(text) - 8), start))


@lru_cache(maxsize=1 << 14)
def strip_chain(text: str, gaz: Gazetteer) -> tuple[str, str]:
    """Split ``text`` into (organisation part, title chain) by peeling titles, 兼 and scope words off its end.
    (Remembered: a document writes the same bodies and titles before many names.)"""
    rest = text
    had_title, peeled = False, ""  # (the title peeled last: the first of the chain)
    while rest:
        t = title_suffix(rest, gaz)
        if t:
            rest = rest[: -len(t)]
            had_title, peeled = True, t
            continue
        m = JOINER.search(rest) or QUALIFIER.search(rest) or RANK.search(rest)
        if m and had_title and m.group(0).endswith("区") and ("区" in peeled[:2] or _place_ending(rest, m.start(), gaz)):
            # (江南区区长, 大阪市西区区长: the district's name, not a business region's qualifier.)
            break
        if m and had_title:
            rest = rest[: m.start()]
            continue
        break
    if not had_title:
        return text, ""
    chain = text[len(rest) :]
    if chain in _UNIT_SHARED_TITLES and rest and not rest.endswith(chain.removeprefix("副")[0]) and gaz.lookup(rest) is None:
        # (A body's unit written once for it and its title: 法国经济|部长 is of 法国经济部.)
        prefix, _ = gaz.country_of_prefix(rest)
        if len(rest) - len(prefix or "") >= 2:
            return rest + chain.removeprefix("副")[0], chain
    if rest and chain[:1] in LEVEL_WORDS:
        # A title that starts with its level word (省委书记, 市长) may have taken the place's own:
        # 老街|省委书记 is of 老街省 (the province), not of the city 老街; 吉林|省委书记 of 吉林省.
        # (巴斯|市长 stays: 巴斯市 is the same place.)
        # (The place may follow its country or province in the body's part: 越南老街|省委书记.)
        for k in range(max(0, len(rest) - 8), len(rest) - 1):
            tail = rest[k:]
            whole, bare = gaz.lookup(tail + chain[0], ("City", "Region")), gaz.lookup(tail, ("City", "Region"))
            # (Or a place the gazetteer lists only with its unit: 越南谅山|省委书记 of 谅山省.)
            if whole is not None and (bare is None or whole.zh != bare.zh):
                return rest + chain[0], chain
    return rest, chain


@lru_cache(maxsize=1 << 14)
def classify_org(name: str, gaz: Gazetteer) -> tuple[str, str, str, str]:
    """(type, canonical, country, english) of an organisation or place name. (Remembered: a
    document names the same bodies again and again.)"""
    e = gaz.lookup(name)
    if e is not None and e.type != "Person":
        return e.type, e.zh, e.country, e.en
    # A known company or body at the start (德勤中国, GE医疗中国区).
    for n in range(len(name) - 1, 1, -1):
        e = gaz.lookup(name[:n], ("Company",))
        if e is not None:
            return "Company", name, e.country, ""
    if ORG_COMPANY.search(name):
        return "Company", name, "", ""
    if name in foreign_body_words():
        return "Organization", name, "", ""  # (经济产业省 of 日本经济产业省副大臣: a ministry, no province)
    # (A transliteration joined by hyphens is as long as its parts: 奥弗涅-罗讷-阿尔卑斯大区.)
    longest = max(len(part) for part in _HYPHENS.split(name[_region_prefix(name, gaz) :]))
    if PLACE_SUFFIX.search(name) and longest <= 8 and not ORG_BODY.search(name):
        base = name[:-1]
        e = gaz.lookup(base, ("City", "Region"))
        if e is not None and e.type == "Region" and name.endswith("市") and e.country != "中国":
            return "City", name, e.country, ""  # 波尔图市: the city of a region's name (as the name rules read it)
        if e is not None and e.type == "City" and not name.endswith(("市", "都")) and e.country not in ("", "中国"):
            return "Region", name, e.country, ""  # 撒马尔罕州: the region of a city's name (伊尔库茨克州)
        if e is not None:
            return e.type, e.zh, e.country, e.en
        return ("City" if name.endswith(("市", "都")) else "Region"), name, "", ""
    return "Organization", name, "", ""


_HYPHENS = re.compile(r"(?<=[\u4e00-\u9fff])[-－](?=[\u4e00-\u9fff])")


def _region_prefix(name: str, gaz: Gazetteer) -> int:
    """The length of a known region that ``name`` opens with, before a place of its own
    (俄克拉何马州|塔尔萨市), else 0."""
    for n in range(min(len(name) - 2, 10), 1, -1):
        if PLACE_SUFFIX.search(name[:n]) and gaz.lookup(name[:n], ("Region",)) is not None:
            return n
    return 0


def _place_country(name: str, gaz: Gazetteer) -> str:
    """The country of the place a body's name starts with (the longest known place)."""
    for n in range(min(len(name) - 1, 8), 1, -1):
        e = gaz.lookup(name[:n], ("City", "Region"))
        if e is not None:
            return e.country
    return ""


@lru_cache(maxsize=1)
def _described_as_tie() -> re.Pattern:
    """A place's tie named before a body (安徽省友好省县|高知县): a description, no part of its name.
    (Compiled on first use: the partners' cue file is read through their package, which imports this one.)"""
    return re.compile(f".{{0,12}}?的?(?:{cue_pattern('partners', 'sister_city.names')})(?:之一)?")


# Function words before a body's name are no part of it (由市长X率领: 由 is no body).
_LEADING_CHARS = "由与和同向对在将把被为经从及了"
_LEADING_WORDS = re.compile(f"^[{_LEADING_CHARS}]+")
# (…and those that are no body alone: 以 of 以副市长X为团长, 应 of 应邀.)
_FUNCTION_CHARS = frozenset(_LEADING_CHARS + "以应")
# Verbs that govern the person after them, no body's words (受到|副市长X的接见): see names.toml.
_LEADING_VERBS = re.compile("^(?:" + "|".join(w for w in cue_pattern("names", "lead").split("|") if len(w) >= 2) + ")+了?")


def _word_at_start(written: str, n: int) -> bool:
    """Whether the first ``n`` characters begin a word jieba's own dictionary knows well (对外, 和平)."""
    import jieba

    jieba.dt.check_initialized()
    return len(written) > n and (jieba.dt.FREQ.get(written[: n + 1]) or 0) >= 500


# A date an entry opens with, and the space after it (大事记: 1月18日　市长X…, 23日　副市长Y…).
_LEADING_DATE = re.compile(r"^\s*(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[至到—\-～~](?:\d{1,2}月)?\d{1,2}日)?[上下中]?午?)?\s+"
                           r"|^\s*(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日$")


# A foreign region's unit word (州, 省, 大区 …), written after the name the gazetteer gives it bare.
_REGION_UNIT = re.compile(f"(?:{cue_pattern('names', 'region_suffix')})")


@lru_cache(maxsize=1 << 14)
def make_org(written: str, start: int, gaz: Gazetteer, default_country: str = "") -> Org | None:
    """The body or place ``written`` names (at ``start`` in the phrase read), None if it names none.
    (Remembered: a document names the same bodies before many persons. The Org is shared: not to change.)"""
    date = _LEADING_DATE.match(written)
    if date:  # (1月18日　市长X…: the entry's date, no body)
        start += date.end()
        written = written[date.end() :]
    written = written.strip("的")
    verb = _LEADING_VERBS.match(written)
    if verb and verb.end() != len(written) - 1:  # (a body of one character is none: 邀请X is no body)
        start += verb.end()
        written = written[verb.end() :]
    described = _described_as_tie().match(written)
    if described and described.end() < len(written) - 1 and classify_org(written[described.end() :], gaz)[0] in ("City", "Region"):
        # (安徽省友好省县|高知县知事X: the words naming whose partner the body is describe it.)
        start += described.end()
        written = written[described.end() :]
    lead = _LEADING_WORDS.match(written)
    # (Not 在 of a one-character body: there is none; nor 对 of 对外友好协会, a word of its own.)
    if lead and len(written) - lead.end() != 1 and not _word_at_start(written, lead.end()):
        start += lead.end()
        written = written[lead.end() :]
    if not written or all(c in _FUNCTION_CHARS for c in written):
        return None  # (function words alone, 以 of 以副市长X为团长 or 了以 of 会见了以议长X为团长, are no body)
    prefix, country = gaz.country_of_prefix(written)
    body = written[len(prefix) :] if prefix and len(written) > len(prefix) else written
    sar = gaz.lookup(country, ("Region",)) if prefix else None
    if sar is not None and sar.country == "中国" and not body.startswith("驻"):
        # (A body of a Special Administrative Region keeps its name: 香港潮州商会, 澳门特别行政区政府经济财政司.)
        body = written
    if body.startswith("驻") and country:
        # 澳大利亚驻成都(总领事): the mission is not written, only its country and where it sits.
        return Org(name=country, written=written, type="Country", country=country, start=start, end=start + len(written))
    aliases: list[str] = []
    m = LATIN_ALIAS.match(body)
    if m:
        body = m["name"]
        aliases.append(m["alias"])
    typ, canonical, gaz_country, _ = classify_org(body, gaz)
    if country and country != "中国" and gaz_country == "中国" and typ in ("Organization", "Company"):
        # 葡萄牙外交部: the body of the foreign country written before it, not China's of that name.
        typ, canonical, gaz_country = "Organization", written, country
    if country and gaz_country and gaz_country != country and typ in ("City", "Region"):
        # 新西兰奥克兰市: the country written first says which place of the name it is.
        other = next((e for e in gaz.lookup_all(canonical) if e.type == typ and e.country == country), None)
        canonical, gaz_country = (other.zh, other.country) if other else (body, country)
    if typ == "Region" and gaz_country != "中国" and body.startswith(canonical) and _REGION_UNIT.fullmatch(body, len(canonical)):
        canonical = body  # (纳米比亚奥希科托州: a region the gazetteer names bare, written with its unit, as its mention reads)
    if canonical != body:
        aliases.append(body)
    if written != body and written not in aliases:
        aliases.append(written)
    if not (gaz_country or country) and typ in ("Organization", "Company"):
        country = _place_country(body, gaz)  # 波士顿亚美联谊会: a body named after its place
    elif not (gaz_country or country) and typ in ("City", "Region"):
        # (卡尔古利-博尔德市: 卡尔古利's; 新南威尔士州议会奥兰治选区, a district no gazetteer lists: 新南威尔士州's.)
        country = _place_country(body, gaz)
    return Org(
        name=canonical,
        written=written,
        type=typ,
        country=gaz_country or country or default_country,
        aliases=tuple(a for a in aliases if a != canonical),
        start=start,
        end=start + len(written),
    )


def _name_end(text: str) -> int:
    m = NAME_STOP.search(text)
    return m.start() if m else len(text)


def parse_person_phrase(text: str, gaz: Gazetteer | None = None, default_country: str = "") -> list[PersonPhrase]:
    """Persons in an enumeration like ``A公司董事长甲、B集团总裁乙`` (see module doc)."""
    gaz = gaz or load()
    cut = _name_end_outer(text)
    text = text[:cut]
    persons: list[PersonPhrase] = []
    pending: list[Role] = []
    last_org: Org | None = None
    loose: list[tuple[str, int]] = []  # parts with neither title nor name just before: maybe the start of a body's name

    def org_of(part: str, start: int) -> Org | None:
        org = make_org(part, start, gaz, default_country)
        if org is not None and not org.country and loose:
            # The parts before name the place of the body (巴伐利亚州经济、区域发展和能源部国务秘书X,
            # 莱茵兰-普法尔茨州经济、交通、农业和葡萄种植部: the body's name has a 、 in it; 日本友人、
            # 日中友好协会会长X): its country is the body's.
            whole = make_org("、".join([x for x, _ in loose] + [part]), loose[0][1], gaz, default_country)
            if whole is not None and whole.country:
                return replace(org, country=whole.country)
        return org

    # (A title ends in one of the characters by_end holds, with one of the lengths it gives: the others
    # are passed without a slice.)
    by_end, forms = gaz.title_lengths_by_end, gaz.title_forms
    start = 0  # (where the part starts in the text)
    for s in text.split("、"):
        at, start = start, start + len(s) + 1
        if not s:
            continue
        if title_suffix(s, gaz):
            # A position with no name yet: it belongs to the next named person.
            org_part, chain = strip_chain(s, gaz)
            org = org_of(org_part, at) if org_part else last_org
            pending.append(Role(chain, org))
            last_org, loose = org, []
            continue
        # The name starts after the last title (title_suffix(s[:i]), read without the slice) that a
        # name's characters follow.
        split = None
        for i in range(len(s) - 2, 0, -1):
            lengths = by_end.get(s[i - 1])
            if lengths is None:
                continue
            for n in lengths:
                if n <= i and n <= 8 and s[i - n : i] in forms:
                    break
            else:
                continue
            if NAME_CHARS.match(s[i:]):
                split = i
                break
        if split is None:
            pending = []
            loose.append((s, at))
            continue
        org_part, chain = strip_chain(s[:split], gaz)
        org = org_of(org_part, at) if org_part else (last_org if pending else None)
        loose = []
        roles = (*pending, Role(chain, org))
        country = default_country
        for r in roles:
            if r.org and r.org.country:
                country = r.org.country
                break
        # (name, start, end, roles, country: in order, not by keyword, which makes a dict for each call.)
        persons.append(PersonPhrase(s[split:], at + split, at + len(s), roles, country))
        pending = []
        last_org = org
    return persons


_OUTER_END = re.compile(r"(?:并|一行|等人|，|,|。|；|;|共同|出席|举行|进行)")


def _name_end_outer(text: str) -> int:
    """Where an enumeration of persons ends: at the first clause break after the last name."""
    m = _OUTER_END.search(text)
    return m.start() if m else len(text)
