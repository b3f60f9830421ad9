"""Facts from tables: leaders' meetings (会见, 视频会见, 座谈 …), event attendance, and lists of
partner places (:func:`partner_table_links`).

A table is a caption (``表N …``), a header row naming its columns (时间,
市领导, 国别, 活动内容 or 会见内容) and data rows. Each data row gives a date,
the home-side leaders (padded names), optionally the counterpart's country,
and what happened. Rows that report a meeting become :class:`Meeting`;
other rows of attendance tables become :class:`Attendance` of the event
named in the row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from operator import attrgetter

from ..gazetteer import Gazetteer, load
from ..model import Attendance, Block, Document, EntityMention, Evidence, Meeting, Party, PartnerLink
from ..structure import column_key
from .cues import pattern, words
from .dates import parse_date
from .events import event_core
from .names import NAME_CHARS, Org, strip_chain, make_org, parse_person_phrase, split_leaders


def _columns(key: str) -> tuple[str, ...]:
    """The column names ``tables.toml`` lists under ``key``, as header cells are keyed (:func:`column_key`)."""
    return tuple(dict.fromkeys(column_key(w) for w in words("tables", key)))


DATE_COLS = _columns("leaders.date")
LEADER_COLS = _columns("leaders.leader")
COUNTRY_COLS = _columns("leaders.country")
CONTENT_COLS = _columns("leaders.content")
GUEST_COLS = _columns("leaders.guest")
REMARK_COLS = _columns("leaders.remark")
GUEST_TITLE_COLS = _columns("leaders.guest_title")
PARTNER_COLS = _columns("partners.place")
PARTNER_COUNTRY_COLS = _columns("partners.country")
SINCE_COLS = _columns("partners.since")
PARTNER_HOME_COLS = _columns("partners.home")
PARTNER_REGION_COLS = _columns("partners.region")
PLACE_BESIDE_HOME_COLS = _columns("partners.place_beside_home")
PENDING = re.compile(pattern("tables", "partners.pending"))
TIER_COLS = _columns("partners.tier")

# Spaces between two Chinese characters in a cell: padding, not a separator.
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# An empty match at the content's start: the "verb" of a row whose guest column names the guest.
_NO_VERB = re.compile("")
MEETING_VERB = re.compile(r"(?:视频|线上|在线|云)?(?:会见|会谈|会晤|座谈|通话|连线)")
LETTER_VERB = re.compile(pattern("tables", "leaders.letter"))
VIDEO = re.compile(r"视频|线上|在线|云|连线|通话")
ATTEND_PREFIX = re.compile(r"^(?:视频|线上|在线)?(?:共同)?(?:出席|参加|参观|考察|主持|陪同[^为]*为)")
ATTEND_SUFFIX = re.compile(r"(?:录制致辞|并致辞|并讲话|致辞)$")
SAR = {"港": "香港", "澳": "澳门"}
# A gloss in brackets closing a cell (哥伦布市（印第安纳州）).
_GLOSS_AFTER = re.compile(r"\s*[（(][^（()）]*[）)]$")
# Home-side persons a remark names as present (市长X在座; 陪同：市外办主任Y; see tables.toml).
_REMARK_ATTENDED = re.compile(f"(?:{pattern('tables', 'leaders.attended_before')})[：:]\\s*(?P<after>[^；;。]+)"
                              f"|(?P<before>[^；;。，,：:]+?)(?:{pattern('tables', 'leaders.attended_after')})(?=[；;。，,]|$)")
# A caption naming the tier below sister places (友好交流城市一览表): its ties are friendly exchanges.
_FRIENDLY_TIER = re.compile(pattern("partners", "tiers.friendly_exchange"))
_SISTER_TIER = re.compile(pattern("partners", "tiers.sister_city"))
_REGION_END = re.compile(f"(?:{pattern('names', 'region_suffix')})$")


# The longest line read as what a table without a caption is called.
_CAPTION_MAX = 40


@dataclass
class _Table:
    number: str
    caption: str
    header: tuple[str, ...]
    rows: list[Block]


# The kinds of block that make a table (a caption, a header or a row).
_TABLE_KINDS = frozenset(("table_caption", "table_header", "table_row"))
_KIND = attrgetter("kind")


def group_tables(blocks: list[Block]) -> list[_Table]:
    """The document's tables: each with its caption (``表N …``), or, for a table no caption
    announces, the short line before it (南昌市国际友好城市一览表), and its header and rows."""
    if _TABLE_KINDS.isdisjoint(map(_KIND, blocks)):
        return []  # (most documents have no table: each of the three table readers asks)
    tables: dict[str, _Table] = {}
    order: list[str] = []
    before = ""  # the last short line of text: what a table without a caption is called
    current = None  # the table begun last, which the header and rows after it are of

    def begin(b: Block, caption: str, header: tuple[str, ...]) -> _Table:
        key = f"{b.table}@{b.line}"
        table = tables[key] = _Table(b.table, caption, header, [])
        order.append(key)
        return table

    # (Each block's kind read once, rows first: a table's rows are most of its blocks.)
    for b in blocks:
        kind = b.kind
        if kind == "table_row":
            if b.table.startswith("~") and (current is None or current.number != b.table):
                # (Rows going on with the columns of the table before, under a line of their own: see
                # kg.structure; they have no header row.)
                current = begin(b, before, tuple(c.column for c in b.cells))
            if current is not None:
                current.rows.append(b)
        elif kind == "table_header":
            if b.table.startswith("~"):
                current = begin(b, before, ())
            if current is not None:
                current.header = tuple(c.column for c in b.cells)
        elif kind == "table_caption":
            current = begin(b, b.attr("title"), ())
        elif kind in ("title", "heading", "paragraph") and b.text and len(b.text) <= _CAPTION_MAX:
            before = b.text
    return [tables[k] for k in order]


# The kind of a row read as prose (see :func:`rows_as_prose`).
ROW_TEXT = "row_text"


def _leaders_table(table: _Table) -> bool:
    """Whether ``table`` names its home-side leaders in a column (read by :func:`table_facts`)."""
    return any(h in LEADER_COLS for h in table.header)


def _place_cols(table: _Table) -> tuple[str, ...]:
    """The columns that may name ``table``'s partner places (外方 too, beside a home column: 中方 | 外方)."""
    return PARTNER_COLS + (PLACE_BESIDE_HOME_COLS if any(h in PARTNER_HOME_COLS for h in table.header) else ())


def _partner_list(table: _Table) -> bool:
    """Whether ``table`` lists partner places (read by :func:`partner_table_links`)."""
    return not _leaders_table(table) and any(h in _place_cols(table) for h in table.header)


def _read_by_a_reader(table: _Table) -> bool:
    """Whether :func:`table_facts` or :func:`partner_table_links` reads ``table``."""
    return _leaders_table(table) or _partner_list(table)


def rows_as_prose(blocks: list[Block]) -> list[Block]:
    """``blocks``, with each row of a table that neither table reader reads (时间 | 团组 | 带队领导 | 主要活动:
    a yearbook's table of visits both ways) made a block of prose, of kind ROW_TEXT: its cells joined
    by commas, so that the rules read it as the sentence it tells (1月15—18日，老挝南塔省代表团来访，南塔省
    省长X，…州长Y会见代表团). (A tab becomes a comma: the text keeps its length and its offsets.)"""
    rows = {id(row) for table in group_tables(blocks) if table.header and not _read_by_a_reader(table) for row in table.rows}
    if not rows:
        return blocks
    return [replace(b, kind=ROW_TEXT, text=b.text.replace("\t", "，"),
                    attrs=b.attrs + (("cell_starts", ",".join(str(i + 1) for i, c in enumerate(b.text) if c == "\t")),))
            if id(b) in rows else b for b in blocks]


def cell_starts(block: Block) -> frozenset[int]:
    """Where each cell after the first starts in the text of a row read as prose (see rows_as_prose)."""
    return frozenset(int(i) for i in block.attr("cell_starts").split(",") if i)


_UNIT_END = re.compile(r"[\u4e00-\u9fff]{2,}[市町村郡]$")
_PLACE_UNIT_END = re.compile(r"[\u4e00-\u9fff]{2,}[市町村郡县]$")


def _after_its_region(name: str, country: str, gaz: Gazetteer) -> tuple[str, object]:
    """``name`` as a region and a place of it the gazetteer lists (新潟县|长冈市): that place's
    name and entry, where both are of one country (``country``, if given); else ``name`` and None."""
    for k in range(2, len(name) - 1):
        region = gaz.lookup(name[:k], ("Region",))
        if region is None or region.country in ("", "中国") or country and region.country != country:
            continue
        place = next((x for x in gaz.lookup_all(name[k:]) if x.type in ("City", "Region") and x.country == region.country), None)
        if place is not None:
            return name[k:], place
    for k in range(len(name) - 3, 1, -1):
        # (Or a place no gazetteer lists of the region's country, named with its unit: 忠清北道|堤川市,
        # 哈巴罗夫斯克边疆区|共青城市 — not the Chinese 共青城市.)
        region = gaz.lookup(name[:k], ("Region",))
        if (region is not None and region.country not in ("", "中国") and (not country or region.country == country)
                and _UNIT_END.search(name[k:])):
            return name[k:], None
    if country and country != "中国":
        # (Or a place written after a region no gazetteer lists, named with its unit, of the row's
        # foreign country: 阿拉木图州|塔尔迪库尔干市 — the gazetteer's city of that country — or
        # 马里兰州|安妮阿伦德尔县, named with its own unit.)
        for k in range(3, len(name) - 2):
            if not _REGION_END.search(name[:k]):
                continue
            place = next((x for x in gaz.lookup_all(name[k:]) if x.type in ("City", "Region") and x.country == country), None)
            if place is not None or _PLACE_UNIT_END.search(name[k:]):
                return name[k:], place
    return name, None


def _cell(row: Block, names: tuple[str, ...]):
    for c in row.cells:
        if c.column in names:
            return c
    return None


def caption_countries(caption: str) -> list[str]:
    """Countries or SARs a caption restricts its rows to (``港澳地区人士`` → 香港, 澳门)."""
    m = re.search(r"([港澳台]{2,3})(?:地区|同胞|人士|特区)", caption)
    if m:
        return [SAR[c] for c in m.group(1) if c in SAR]
    return []


def _party_of_org(org: Org) -> Party:
    return Party(org.name, org.type, "", (), org.country)  # (in order: a keyword call makes a dict)


def _meeting_country(orgs: list[Org], column_country: str, caption: list[str]) -> str:
    """The 国别 column where the table has one, else a SAR met, else an organisation's country, else the caption's."""
    if column_country:
        return column_country
    for o in orgs:
        if o.type == "Region" and o.name in ("香港", "澳门"):
            return o.name
        if o.country:
            return o.country
    return ";".join(caption)


# A group a guest is written as leading, closing a guest cell (本米·占塔冯率领的代表团).
_LED_GROUP_END = re.compile(f"(?:{pattern('meetings', 'guests.leads')})的?[^，,。；;]{{0,12}}?(?:{pattern('meetings', 'guests.groups')})(?:一行)?$")


def table_facts(doc: Document, blocks: list[Block], home_place: Party, gaz: Gazetteer | None = None) -> tuple[list[Meeting], list[Attendance]]:
    """Meetings and attendances from every leaders' table of ``doc``; the leaders are of ``home_place``."""
    gaz = gaz or load()
    meetings: list[Meeting] = []
    attendances: list[Attendance] = []
    of_home = (home_place,) if home_place.type != "Country" else ()  # (the leaders' body)
    for table in group_tables(blocks):
        if not _leaders_table(table):
            continue
        cap_countries = caption_countries(table.caption)
        for row in table.rows:
            date_c = _cell(row, DATE_COLS)
            lead_c = _cell(row, LEADER_COLS)
            content_c = _cell(row, CONTENT_COLS)
            guest_c = _cell(row, GUEST_COLS)
            if lead_c is None or content_c is None and guest_c is None:
                continue  # (a table of guests and the leaders who met them needs no content column)
            country_c = _cell(row, COUNTRY_COLS)
            remark_c = _cell(row, REMARK_COLS)
            date = parse_date(date_c.text, doc.year) if date_c else ""
            evidence = Evidence(doc.id, row.line, row.start, row.end, doc.quote(row.start, row.end))
            # (Each leader's fields in order, not by keyword, which makes a dict for each call: one a leader of a row.)
            home = tuple(Party(n, "Person", "", of_home, "中国") for n, _, _ in split_leaders(lead_c.text))
            content = content_c.text.strip() if content_c is not None else ""
            verb = MEETING_VERB.search(content)
            letter = LETTER_VERB.search(content)
            # (A title and a name apart in the guest column: 驻华大使 马克·约翰逊.)
            guest = _CJK_GAP.sub("", guest_c.text.strip()) if guest_c is not None else ""
            title_c = _cell(row, GUEST_TITLE_COLS)
            guest_name = ""  # (the name, where its title stands in a column of its own)
            if guest and title_c is not None and title_c.text.strip():
                guest_name = guest
                guest = _CJK_GAP.sub("", title_c.text.strip()) + guest  # (职务 | 姓名: 利摩日市市长 + 埃米尔·勒克莱尔)
            guest = _LED_GROUP_END.sub("", guest)  # (X率领的代表团: X is the guest named)
            if not verb and not letter and guest and (not content or parse_person_phrase(guest, gaz)) and not ATTEND_PREFIX.match(content):
                # A row that names its guest in a column of its own is a meeting, whatever its
                # content says (礼节性拜会, 友城交流), and a table with no content column is a
                # table of meetings (日期 | 来访团组 | 会见领导). (Not one whose content is an event both
                # attend: 出席…博览会开幕式.)
                verb = _NO_VERB.match(content)
            if verb or letter:
                m = verb or letter
                mode = "letter" if letter and not verb else ("video" if VIDEO.search(content[: m.end()]) else "in_person")
                after = content[m.end() :]
                before = content[: m.start()]
                default_country = ""
                if country_c and country_c.text.strip():
                    e = gaz.lookup(country_c.text.strip(), ("Country", "Region"))
                    default_country = e.zh if e else country_c.text.strip()
                    if default_country == "中国":
                        continue  # (国别: 中国, 中国驻卢森堡大使: a meeting of Chinese, no foreign affair)
                if letter and not verb and not home and guest:
                    # A letter row with no leader (接待领导: —): the guest wrote to whom the content names
                    # (致函市长邹立群).
                    home = tuple(Party(p.name, "Person", title=p.title, organizations=of_home, country="中国")
                                 for p in parse_person_phrase(after, gaz) if p.country in ("", "中国"))
                    after = ""
                persons = parse_person_phrase(after, gaz, default_country=default_country)
                if not persons and guest:
                    # The guests in a column of their own; the content says only how they met (会见, 视频会见).
                    persons = parse_person_phrase(guest, gaz, default_country=default_country)
                    if guest_name and len(persons) == 1 and NAME_CHARS.match(guest_name):
                        persons = [replace(persons[0], name=guest_name)]  # (the name as its own cell writes it)
                    if not persons:
                        # (Guests named by their office only, 美国芝加哥市副市长一行: the place or body.)
                        after = strip_chain(re.sub(r"(?:一行|等)$", "", guest), gaz)[0] or guest
                counterparts: list[Party] = []
                orgs: list[Org] = []
                if persons:
                    # (中国驻俄罗斯大使X, 国别 俄罗斯: the ambassador is Chinese, whatever the row's country.)
                    # (But a place of a mainland place's name, where the row's country is another, is of that
                    # country: 利川市市长 with 国别 韩国 is Icheon's mayor, not Lichuan's.)
                    persons = [_of_row_country(p, default_country) for p in persons]
                    persons = [p for p in persons if p.country != "中国"]
                    if not persons:
                        continue
                    for p in persons:
                        porgs = tuple(_party_of_org(o) for o in p.orgs)
                        orgs.extend(p.orgs)
                        counterparts.append(
                            # (The table's 国别 column is what the source states: it wins over a body's country.)
                            Party(p.name, "Person", p.title, porgs, default_country or p.country)
                        )
                else:
                    # 与市政协港澳委员和港澳台侨工作顾问座谈: the bodies met.
                    target = re.sub(r"^(?:与|同|和)", "", before) or after
                    for part in re.split(r"和|、|及|与", target):
                        part = part.strip()
                        if len(part) >= 2:
                            o = make_org(part, 0, gaz, default_country)
                            if o:
                                orgs.append(o)
                                counterparts.append(_party_of_org(o))
                if not counterparts:
                    continue
                country = _meeting_country(orgs, default_country, cap_countries)
                # (The row's remark says what else happened: 签署…意向书.)
                description = "；".join(t for t in (content, remark_c.text.strip() if remark_c else "") if t)
                # (date, mode, home, counterparts, evidence, country, description, home place: in order.)
                met = Meeting(date, mode, home, tuple(counterparts), evidence, country, description, home_place)
                meetings.append(met)
                present = _present(remark_c.text, home_place, gaz) if remark_c else ()
                if present:
                    meetings.append(replace(met, home=present))

            else:
                name = ATTEND_SUFFIX.sub("", ATTEND_PREFIX.sub("", content)).strip()
                if not name:
                    continue
                mode = "video" if re.match(r"^(?:视频|线上|在线)", content) else "in_person"
                event = Party(name=name, type="Event", title=event_core(name))
                for h in home:
                    attendances.append(Attendance(person=h, event=event, date=date, role="attended", evidence=evidence, mode=mode))
    return meetings, attendances


def _of_row_country(p, country: str):
    """The person phrase ``p`` whose bodies the gazetteer put in China, as of the row's foreign
    ``country`` where every such body is a place (a homonym: 利川市 of Korea); else ``p``."""
    if not country or country == "中国" or p.country != "中国":
        return p
    if any(r.org is not None and r.org.country == "中国" and r.org.type not in ("City", "Region") for r in p.roles):
        return p  # (a body of China's: 中国驻俄罗斯大使馆)
    roles = tuple(replace(r, org=replace(r.org, country=country)) if r.org is not None and r.org.country == "中国" else r
                  for r in p.roles)
    return replace(p, roles=roles, country=country)


def _present(remark: str, home_place: Party, gaz: Gazetteer) -> tuple[Party, ...]:
    """The home-side persons a row's remark names as present at its meeting (市长王新军在座)."""
    out = []
    for m in _REMARK_ATTENDED.finditer(remark):
        for p in parse_person_phrase(m.group("after") or m.group("before"), gaz):
            if not p.country or p.country == "中国":
                out.append(Party(name=p.name, type="Person", title=p.title,
                                 organizations=(home_place,) if home_place.type != "Country" else (), country="中国"))
    return tuple(out)


def _tier(text: str, default: str) -> str:
    """The tie a caption or a tier cell names (友好交流城市 → friendly_exchange, 友好城市 → sister_city),
    else ``default``."""
    return "friendly_exchange" if _FRIENDLY_TIER.search(text) else "sister_city" if _SISTER_TIER.search(text) else default


def _cell_mention(doc: Document, row: Block, start: int, end: int, entry, party: Party | None = None) -> EntityMention:
    """A mention of a gazetteer's ``entry`` (else ``party``) written in ``row`` from file offset ``start`` to ``end``."""
    evidence = Evidence(doc.id, row.line, start, end, doc.quote(start, end))
    if entry is None:
        return EntityMention(party, evidence)
    written = doc.quote(start, end)
    return EntityMention(Party(entry.zh, entry.type, country=entry.country), evidence, english=entry.en, wikidata=entry.wikidata,
                         aliases=(written,) if written != entry.zh else ())


def partner_table_places(doc: Document, blocks: list[Block], gaz: Gazetteer | None = None) -> list[Party]:
    """The foreign places the document's partner tables name that no gazetteer lists (束草市 in a row):
    its prose may name them again, bare."""
    gaz = gaz or load()
    if not any(_partner_list(t) for t in group_tables(blocks)):
        return []  # (most documents hold no partner table)
    places = {l.partner.name: l.partner for l in partner_table_links(doc, blocks, Party("中国", "Country", country="中国"), gaz)}
    return [p for name, p in places.items() if len(name) >= 3 and gaz.lookup(name) is None]


def partner_table_links(doc: Document, blocks: list[Block], home_place: Party, gaz: Gazetteer | None = None,
                        mentions: list[EntityMention] | None = None) -> list[PartnerLink]:
    """Partner ties from every list of partner places of ``doc`` (a table with a column naming the
    foreign place: 城市, 友好城市 …; see ``tables.toml``). Each row ties the row's home place (a
    column of its own in a province's list, else ``home_place``) to its place; the caption says the
    tier (友好交流城市 → friendly_exchange, else sister_city), a date column when the tie was made.
    The countries of the rows' country cells and the regions their places are written after
    (静冈县沼津市) are added to ``mentions``, where given (the rows are not read as prose)."""
    gaz = gaz or load()
    links: list[PartnerLink] = []
    for table in group_tables(blocks):
        if not _partner_list(table):
            continue
        place_cols = _place_cols(table)
        relation = _tier(table.caption, "sister_city")
        row_home = home_place  # (a home cell left empty is the one above it, merged: 长治市 | …; (empty) | 江陵市)
        for row in table.rows:
            home_c = _cell(row, PARTNER_HOME_COLS)
            if home_c and home_c.text.strip():
                h = gaz.lookup(home_c.text.strip(), ("City", "Region"))
                row_home = Party(h.zh, h.type, country="中国") if h and h.country == "中国" else Party(home_c.text.strip(), "City", country="中国")
            if any(PENDING.search(c.text) for c in row.cells):
                continue  # (缔结时间: 正在报批, a tie still to be approved)
            place_c = _cell(row, place_cols)
            # (The place may be written after its country with a space or a dot: 韩国 襄阳郡, 美国·托里斯市;
            # with its region in brackets after it: 哥伦布市（印第安纳州）.)
            name = _CJK_GAP.sub("", _GLOSS_AFTER.sub("", place_c.text.strip())) if place_c else ""
            if not re.fullmatch(r"[\u4e00-\u9fff][\u4e00-\u9fff·\-]{1,20}", name):
                continue
            country_c = _cell(row, PARTNER_COUNTRY_COLS)
            country = ""
            if country_c and country_c.text.strip():
                cell = country_c.text.strip()
                e = gaz.lookup(cell, ("Country", "Region"))
                prefix, prefixed = gaz.country_of_prefix(cell) if e is None else ("", "")
                if prefix and len(cell) > len(prefix):
                    # A country with the place's region after it (美国加利福尼亚州): the country, and the region a mention.
                    e = gaz.lookup(prefixed, ("Country",))
                    region_text = cell[len(prefix) :]
                    # (Of that country where two have a region of the name: 韩国江原道, not North Korea's.)
                    region = next((x for x in gaz.lookup_all(region_text) if x.type == "Region" and x.country == prefixed), None)
                    if mentions is not None and (region is not None or not gaz.lookup(region_text) and _REGION_END.search(region_text)):
                        start = country_c.start + country_c.text.index(region_text)
                        mentions.append(_cell_mention(doc, row, start, start + len(region_text), region,
                                                      Party(region_text, "Region", country=prefixed)))
                    cell = prefix
                country = e.zh if e else cell
                if e is not None and e.type == "Country" and mentions is not None:
                    start = country_c.start + country_c.text.index(cell)
                    mentions.append(_cell_mention(doc, row, start, start + len(cell), e))
            region_c = _cell(row, PARTNER_REGION_COLS) if mentions is not None else None
            region_text = region_c.text.strip() if region_c else ""
            if region_text and re.fullmatch(r"[\u4e00-\u9fff·\-]{2,20}", region_text):
                # The region the place lies in, a column of its own (所属州（县）| 兵库县): a mention, of the
                # row's country where the gazetteer has one of that name (else as written, with a unit).
                region = next((x for x in gaz.lookup_all(region_text) if x.type == "Region" and x.country == country and country), None)
                if region is not None or _REGION_END.search(region_text) and not gaz.lookup(region_text):
                    start = region_c.start + region_c.text.index(region_text)
                    mentions.append(_cell_mention(doc, row, start, start + len(region_text), region,
                                                  Party(region_text, "Region", country=country)))
            written = name
            written_country, prefixed = gaz.country_of_prefix(name)
            dotted = bool(written_country) and name[len(written_country) : len(written_country) + 1] in ("·", "・", "•")
            if dotted:
                name = written_country + name[len(written_country) + 1 :]
            rest = name[len(written_country) :]
            rest_places = [x for x in gaz.lookup_all(rest) if x.type in ("City", "Region")] if written_country else []
            if (written_country and prefixed not in ("中国", "香港", "澳门", "台湾") and len(rest) >= 2
                    and (not country or country == prefixed)  # (马里兰州… in a row of 美国: not 马里)
                    and gaz.lookup(name, ("City", "Region")) is None
                    and (dotted or not rest_places or any(x.country == prefixed for x in rest_places))):
                # The place written after its country (美国斯阔米什市): the place; the country is its own.
                # (Not a place whose own name starts so: 巴西利亚, 马里兰州 — not 兰州.)
                name = name[len(written_country) :]
                country = country or prefixed
            entry = gaz.lookup(name, ("City", "Region"))
            if entry is None:
                # (The place written after its region, 新潟县长冈市: the place.)
                name, entry = _after_its_region(name, country, gaz)
            if entry is not None and country and entry.country not in (country, ""):
                entry = next((x for x in gaz.lookup_all(name) if x.type in ("City", "Region") and x.country == country), None)
            if entry is not None and entry.country == "中国" or country == "中国":
                continue  # (a Chinese place is no partner)
            before = written[: len(written) - len(name)] if written.endswith(name) else ""
            if place_c is not None and len(before) >= 2 and mentions is not None and place_c.text.strip() == written:
                # (The region the place is written after: 静冈县|沼津市, 阿拉木图州|塔尔迪库尔干市.)
                region = gaz.lookup(before, ("Region",))
                if region is not None and region.country == (country or region.country) or region is None and _REGION_END.search(before):
                    start = place_c.start + written.index(before)
                    mentions.append(_cell_mention(doc, row, start, start + len(before), region,
                                                  Party(before, "Region", country=country)))
            typ = entry.type if entry else ("Region" if _REGION_END.search(name) else "City")
            home = row_home
            since_c = _cell(row, SINCE_COLS)
            date = parse_date(since_c.text, None) if since_c and since_c.text.strip() else ""
            evidence = Evidence(doc.id, row.line, row.start, row.end, doc.quote(row.start, row.end))
            # The row's own tier, where a column says it (备注: 友好交流城市), over the caption's.
            # (A note that starts otherwise tells of the tie, not its tier: 由友好交流城市升格, upgraded from it.)
            tier_c = _cell(row, TIER_COLS)
            tier_text = tier_c.text.strip().removeprefix("国际") if tier_c else ""
            rel = _tier(tier_text, relation) if _FRIENDLY_TIER.match(tier_text) or _SISTER_TIER.match(tier_text) else relation
            links.append(PartnerLink(home, Party(name, typ, country=country or (entry.country if entry else "")), rel, evidence,
                                     since=date[:4] if rel == "sister_city" else "", date=date))
    return links
