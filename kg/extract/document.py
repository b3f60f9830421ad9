"""One document in, its facts out: structure, table facts, entity mentions, prose relations."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from ..gazetteer import load
from ..model import Document, EntityMention, Evidence, Facts, Meeting, Party, PartnerLink, Position
from ..nlp.common import GAZ_KEY, UNLISTED_PLACE_RULES
from ..nlp.pipeline import _cut, load_pipeline, read_mentions
from ..structure import line_finder, parse_blocks
from .cues import pattern as cue_pattern
from .event_roles import read_event_roles
from .dates import find_dates, parse_date, within_span
from ..nlp.entities.bodies import expand_short_body, full_body_name
from .home import VENUE_AT, after_foreign_city, document_home, places_in
from .meetings import REPLY_ACTS, SIGNING_ACTS, MeetingContext, read_meetings
from .names import classify_org, make_org, strip_chain
from .partners import _foreign_places_in, leader_links, pair_named, read_pair_ties, read_partner_links, row_ties, signed_at_meeting
from .persons import SURNAME_RULE, known_names_again, phrases_in, short_forms, surname_title_names
from .positions import read_positions
from .press import press_country, press_names
from .sentences import HISTORY, HOME_COUNTRY, SARS, SENTENCE_END, Span, after_page, past_year, split_sentences
from .tables import ROW_TEXT, partner_table_links, partner_table_places, rows_as_prose, table_facts

PROSE_KINDS = ("paragraph", "entry", "report_item", "report_progress", "note", "list_item", "heading", "meta", ROW_TEXT)
RELATION_KINDS = ("paragraph", "entry", "report_item", "report_progress", "note", "list_item", ROW_TEXT)
# The mark an enumerated item opens with: （二）, 2., 二是.
_ITEM_MARK = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}是|\d{1,2}[．.、])")
_REGION_SUFFIX_END = re.compile(f"(?:{cue_pattern('names', 'region_suffix')})$")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
# A description between a country and its place's name (意大利|历史名城|帕尔马市).
_DESCRIBED_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{cue_pattern('names', 'place_described_by')})")


def _sentence(text: str, s: int, e: int, ends: list[int] | None = None) -> tuple[int, int]:
    """The sentence around ``text[s:e]``; ``ends`` are where the text's sentences end (found here if not given)."""
    if ends is None:
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    i = bisect_right(ends, s)
    j = bisect_right(ends, e)
    return (ends[i - 1] if i else 0), (ends[j] if j < len(ends) else len(text))


def _sides(m: Meeting) -> tuple[set[str], set[str]]:
    """The names on each side of a meeting, home first: two reports of one meeting have the same sides,
    and dates that agree (see :func:`_dates_agree`)."""
    return {p.name for p in m.home}, {p.name for p in m.counterparts}


def _signed_at_meeting(a: Meeting, b: Meeting) -> bool:
    """Whether the signing ``a`` is between persons ``b``, a meeting on an agreeing day, already has met
    (…会见了A、B、C。沈卫平与B签署了…协议书: the dev conventions read a signing as a meeting only
    where no 会见 is stated)."""
    return (a is not b and {p.name for p in a.home} <= {p.name for p in b.home}
            and {p.name for p in a.counterparts} <= {p.name for p in b.counterparts} and _dates_agree(a, b))


def _dates_agree(a: Meeting, b: Meeting) -> bool:
    sa, _, ea = a.date.partition("/")
    sb, _, eb = b.date.partition("/")
    ea, eb = ea or sa, eb or sb
    return sa[: len(sb)] <= eb and sb[: len(sa)] <= ea or sa.startswith(sb) or sb.startswith(sa)


def _precision(date: str) -> float:
    """How precisely an ISO date (or a ``start/end`` span) places an act: a day over a span over a month."""
    start, _, end = date.partition("/")
    return len(start) - (0.5 if end else 0)


def _main_partner(counts: dict[str, list]) -> Party | None:
    """The foreign city or region the document names most (first named on ties): ``counts`` are, by
    name, [how many of the document's spans are that city or region, its first's index, that span]."""
    if not counts:
        return None
    _, _, sp = max(counts.values(), key=lambda c: (c[0], -c[1]))
    return Party(sp.name, sp.type, country=sp.side_country)


def _bare_county(entry, written: str) -> bool:
    """Whether ``written`` is a county-level Chinese division's short form (新建 for 新建区, 江汉 for
    江汉区): two characters that are often an ordinary word (新建 "newly built", 太平, 高明), read as
    the place only in a text of its own city (see :func:`extract`)."""
    return (entry.country == "中国" and len(entry.code) == 6 and entry.code[4:] != "00" and written != entry.zh
            and not written.endswith(("区", "县", "市", "旗")))


def _places_in_names(found: list[tuple]) -> list[Span]:
    """The mainland places named inside the names of events and bodies (2022成都国际友城合作论坛):
    what a document that names its place nowhere else speaks for."""
    out = []
    for block, chosen, _ in found:
        foreign_ends = {e for _, e, label, _, ent_id in chosen
                        if label == "Country" and ent_id and ent_id != f"Country:{HOME_COUNTRY}"}
        for s, e, label, _, _ in chosen:
            # (Not a foreign body's, named after its country: 俄罗斯|下诺夫哥罗德州议会 holds no 德州.)
            if label in ("Event", "Organization", "Company") and s not in foreign_ends:
                out.extend(Span(s + ps, s + pe, typ, name, name, HOME_COUNTRY, "in-name")
                           for ps, pe, name, typ in places_in(block.text[s:e]))
    return out


def _bare_as_written(found: list[tuple], gaz) -> list[tuple]:
    """Mentions of a Chinese place's short form that several places share (吉林: 吉林省 and 吉林市; 海南):
    the one whose full name the document writes, where it writes only one of them (…吉林省与萨克森州…。
    吉林与萨克森的友好合作…: the province).

    And a city district's short form (红山 of 红山区, 七星 of 七星区) only where the document writes the
    district's full name too: written alone, such a name is most often a landmark's, a product's or a
    culture's (红山文化, 七星公园, 君山银针), not the district's. (A county-level city's short form,
    溧阳, 绥芬河, is read alone: cities are written so.)"""
    whole = "\n".join(block.text for block, _, _ in found)
    written_as: dict[str, object] = {}  # a short form → the entry the document writes in full, or None

    def as_written(written: str):
        if written not in written_as:
            homes = [x for x in gaz.lookup_all(written) if x.country == "中国" and x.type in ("City", "Region")]
            named = [x for x in homes if x.zh in whole] if len(homes) > 1 else []
            written_as[written] = named[0] if len(named) == 1 else None
        return written_as[written]

    def unwritten_district(written: str, entry) -> bool:
        return entry.country == "中国" and _district_short_form(entry, written) and entry.zh not in whole

    out = []
    for block, chosen, nested in found:
        changed = None  # (a copy of ``chosen``, made at its first change: most blocks have none)
        for k, (s, e, label, rule, ent_id) in enumerate(chosen):
            if rule == "gazetteer" and label in ("City", "Region") and ent_id:
                written = block.text[s:e]
                entry = gaz.by_id(ent_id, label)
                if entry is None or written == entry.zh:
                    continue
                other = as_written(written) if entry.country == "中国" else None
                if other is not None and other.zh != entry.zh:
                    if changed is None:
                        changed = list(chosen)
                    changed[k] = (s, e, other.type, rule, f"{other.type}:{other.zh}")
                elif other is None and unwritten_district(written, entry):
                    if changed is None:
                        changed = list(chosen)
                    changed[k] = None
        # (Nested in a name too: 吉利 of 吉利控股集团 is no 吉利区.)
        dropped = {n for n in nested if n[3] == "gazetteer" and n[2] == "Region" and n[4]
                   and (entry := gaz.by_id(n[4], n[2])) is not None and unwritten_district(block.text[n[0]:n[1]], entry)}
        out.append((block, chosen if changed is None else [m for m in changed if m is not None], nested - dropped if dropped else nested))
    return out


def _district_short_form(entry, written: str) -> bool:
    """Whether ``written`` is a mainland city district's name without its unit word (红山 for 红山区):
    a county-level division (its code does not end in 00) whose name ends in 区."""
    return entry.type == "Region" and entry.zh.endswith("区") and entry.code[4:6] not in ("", "00") and not written.endswith("区")


def _gazetteer_places(places: list[tuple], wards: set[str], gaz) -> list[Span]:
    """The gazetteer's mainland places among the mentions found (what the document's home place is read
    from: a foreign place never counts for it, see :func:`~kg.extract.home.is_home_place`). ``places``
    are the gazetteer's cities and regions the mentions name, as (block, its mentions, start, end,
    label, rule, id), in order; ``wards`` the names of foreign cities' wards (日本横滨市港北区) the
    document writes: written bare in the same document (…与江南区区长会谈, after 韩国首尔市江南区), no home."""
    out = []
    chosen_now = None  # (the mentions of the block read: its foreign_ends are read at its first mainland place)
    for block, chosen, s, e, label, rule, ent_id in places:
        if chosen is not chosen_now:
            chosen_now, foreign_ends = chosen, None
        if block.text[s - 1 : s] == "驻" and s > 0:
            continue  # where a mission sits (越南驻南宁总领事), not the place the document speaks for
        entry = gaz.by_id(ent_id, label)
        if entry is None or entry.country != "中国":
            continue  # (no home: most places a document names are its partners)
        written = block.text[s:e]
        if written in wards:
            continue
        if foreign_ends is None:
            foreign_ends = {ce for _, ce, clabel, _, cid in chosen if clabel == "Country" and not (cid or "").endswith(":中国")}
        if s in foreign_ends:
            continue  # (韩国丽水市: a foreign place of a mainland place's name, no home)
        if written != entry.zh and _bare_county(entry, written):
            continue  # (新建 in 新建友好交流城市 is no home: see _bare_county)
        if entry.code:  # (no home in 华南地区)
            # (A venue, 省长在南京会见…, weighs less than a place that speaks: see document_home.)
            # (VENUE_AT ends at the place: the two characters before it are all it can read.)
            venue = "venue" if VENUE_AT.search(block.text, max(0, s - 2), s) else rule
            out.append(Span(s, e, label, entry.zh, written, entry.country, venue, entry.parent))
    return out


def _country_before(text: str, chosen: list[tuple], pos: int, gaz) -> str:
    """The country of a place found after its country (以色列希弗谷区; 韩国忠清北道、忠清南道):
    the nearest country or foreign place before it, with only places, 、 and spaces between."""
    best = None
    for s, e, label, rule, ent_id in chosen:
        if e <= pos and label in ("Country", "City", "Region") and (best is None or e > best[1]):
            best = (s, e, label, rule, ent_id)
    while best is not None:
        s, e, label, rule, ent_id = best
        if text[e:pos].strip(" 、") and not all(
            any(a <= i < b for a, b, *_ in chosen) for i in range(e, pos) if text[i] not in " 、"
        ):
            return ""
        if label == "Country" and ent_id:
            return ent_id.split(":", 1)[1]
        entry = gaz.by_id(ent_id, label) if ent_id else None
        if entry is not None and entry.country:
            # (A name of places in several countries, after its country: 蒙古国东方省|乔巴山市 is Mongolia's,
            # not Cameroon's 东方省.)
            before = _country_before(text, chosen, s, gaz)
            if before and before != entry.country and any(x.country == before for x in gaz.lookup_all(text[s:e])):
                return before
            return entry.country
        prev = [c for c in chosen if c[1] <= s and c[2] in ("Country", "City", "Region")]
        best, pos = (max(prev, key=lambda c: c[1]) if prev else None), s
    return ""


def _sentence_country(text: str, chosen: list[tuple], pos: int) -> str:
    """The foreign country named last before ``pos`` in its sentence (由俄罗斯…,外贝加尔边区政府…)."""
    start = max(text.rfind(c, 0, pos) for c in "。；;！？") + 1
    found = [(e, ent_id) for s, e, label, rule, ent_id in chosen if label == "Country" and start <= s and e <= pos and ent_id]
    if not found:
        return ""
    name = max(found)[1].split(":", 1)[1]
    return "" if name == "中国" else name


def _title_read(doc: Document) -> bool:
    """Whether the pipeline reads the document's title (for :func:`_title_places`): a title naming a place."""
    return bool(doc.title) and bool(places_in(doc.title))


def _title_places(doc: Document, read: tuple | None, persons: frozenset[str] = frozenset()) -> frozenset[str] | None:
    """The places the gazetteer finds in the document's title, but for those inside a person's name
    (also one of ``persons``, the names the text reads: 建华 in 邹建华率南昌市代表团…, 市长邹建华 below).
    ``read`` is what the pipeline read in the title (see :func:`read_mentions`), None where
    :func:`_title_read` says it reads none."""
    if read is None:
        return None  # (no place in the title to check: the pipeline is not run on it)
    title_mentions, _, user_data = read
    # (Nor inside a longer name the pipeline chose: 兰州 in 美国马里兰州.)
    chosen = [(s, e) for s, e, label, _, _ in title_mentions if label == "Person" or label in ("City", "Region", "Country")]
    chosen += [(m.start(), m.end()) for name in persons if len(name) >= 2 and name in doc.title
               for m in re.finditer(re.escape(name), doc.title)]
    # (Nor a place written right after a foreign country: 韩国丽水市 is no mainland 丽水市.)
    after_foreign = {e for _, e, label, _, ent_id in title_mentions if label == "Country" and not (ent_id or "").endswith(":中国")}
    # (Nor a name the pipeline reads as a person's: 市委书记宁波会见… names 宁波, a person.)
    person_at = {(s, e) for s, e, label, _, _ in title_mentions if label == "Person"}
    found = {doc.title[s:e] for s, e, label, _ in user_data.get(GAZ_KEY, ())
             if label in ("City", "Region") and s not in after_foreign and (s, e) not in person_at
             and not any(a < e and s < b and (a, b) != (s, e) for a, b in chosen)}
    # The place a body's name starts with, the body read whole (江苏省人民政府外事办公室: 江苏省).
    found.update(doc.title[s : s + pe] for s, e, label, _, _ in title_mentions if label == "Organization"
                 for ps, pe, _, _ in places_in(doc.title[s : min(e, s + 12)])[:1] if ps == 0)
    return frozenset(found)


def _country_zh(country_id: str, gaz) -> str:
    """The Chinese name of the country of gazetteer id ``country_id`` (``Country:德国``), "" if none."""
    entry = gaz.by_id(country_id, "Country")
    return entry.zh if entry else ""


def _of_country_before(entry, written: str, country_id: str, gaz):
    """The place written ``written`` right after the country ``country_id`` (a gazetteer id): the
    entry of that country among its homonyms, else ``None`` when none is of that country."""
    country = gaz.by_id(country_id, "Country")
    if country is None or entry.country == country.zh:
        return entry
    return next((x for x in gaz.lookup_all(written) if x.type in ("City", "Region") and x.country == country.zh), None)


def _full_names(named: list[str]) -> dict[str, str]:
    """The full name of each part of a transliterated person's name the document writes alone
    (纳隆萨 or 差瓦里 for 纳隆萨·差瓦里), where one person of the document has that part. ``named``
    are the names of the document's persons' mentions, in their order."""
    out: dict[str, str] = {}
    for name in named:
        for part in set(short_forms(name)):
            out[part] = name if out.get(part, name) == name else ""  # (two persons: neither)
    return out


def _country_endings(text: str, chosen, gaz) -> dict[int, str]:
    """Where a country's name ends in ``text`` (its gazetteer id by offset): a place named there is of it.
    So is one named right after a foreign region (美国加利福尼亚州奥克兰市 is Oakland, not Auckland)."""
    out: dict[int, str] = {}
    regions = []  # (the regions' mentions, read below in order: most blocks name none)
    for m in chosen:
        clabel = m[2]
        if clabel == "Country" and m[4]:
            out[m[1]] = cid = m[4]
            # (Also after a description of the place: 意大利历史名城帕尔马市 is Italy's 帕尔马.)
            d = _DESCRIBED_AFTER.match(text, m[1])
            if d:
                out.setdefault(d.end(), cid)
        elif clabel == "Region":
            regions.append(m)
    for cs, ce, _, _, cid in sorted(regions) if regions else ():
        if ce in out:
            continue
        if cs in out:  # (韩国江原道春川市, 美国加州奥克兰市: the region's country is the one written before it)
            out[ce] = out[cs]
            continue
        if not cid:
            continue
        # (Else the country of every region so named: 江原道 alone may be either Korea's.)
        countries = {x.country for x in gaz.lookup_all(cid.split(":", 1)[1]) if x.type == "Region"}
        country = gaz.lookup(next(iter(countries)), ("Country",)) if len(countries) == 1 and "" not in countries and "中国" not in countries else None
        if country is not None:
            out[ce] = f"Country:{country.zh}"
    return out


def _city_forms(written: str) -> tuple[str, ...]:
    """A place's name as written and with or without its 市 (波特兰市, 波特兰)."""
    return (written, written[:-1]) if written.endswith("市") and len(written) > 2 else (written, written + "市")


def _body_country(written: str, gaz) -> str:
    """The country a body belongs to: that of the first country or place its name starts with."""
    name = written[2:] if written.startswith("中共") else written
    for n in range(min(len(name), 12), 1, -1):
        e = gaz.lookup(name[:n], ("Country", "City", "Region", "Organization"))
        if e is not None:
            return e.zh if e.type == "Country" else e.country
    return ""


def _same_guests(a: Meeting, b: Meeting) -> bool:
    """The same counterparts met on agreeing dates: told in one paragraph or the next, or on one day
    (over a visit's days, 5月18日至19日…市主要领导会见了X。… (two paragraphs on) X拜会了副市长Y, they
    may meet several)."""
    return {p.name for p in a.counterparts} <= {p.name for p in b.counterparts} and (
        a.date.startswith(b.date[:10]) or b.date.startswith(a.date[:10])) and (
        abs(a.evidence.line - b.evidence.line) <= 2 or "/" not in a.date + b.date)


def _met_through_officials(a: Meeting, b: Meeting) -> bool:
    """Whether the places met in ``a`` (a meeting of places, no person on either side) are the ones
    the persons met in ``b`` speak for, by the same home place on agreeing dates (东兴市与芒街市…会晤在
    东兴市举行。东兴市委书记X与…芒街市委书记Y…举行会晤: the meeting is told once, with its persons)."""
    if any(p.type == "Person" for p in a.counterparts) or not a.counterparts:
        return False
    if any(p.type == "Person" for p in a.home) and not {p.name for p in a.home} <= {p.name for p in b.home}:
        return False  # (the same persons, attending: 市领导X参加会晤 after both)
    if a.home_place is None or b.home_place is None or a.home_place.name != b.home_place.name:
        return False
    if not (a.date.startswith(b.date[:10]) or b.date.startswith(a.date[:10]) or "/" not in b.date and within_span(b.date, a.date)):
        return False  # (nor a day of the visit it was told for: 10月6日至10日…先后会见A大区、B市等地政要)
    bodies = [o.name for c in b.counterparts if c.type == "Person" for o in c.organizations]
    # (Or the sentence of the persons' meeting names the place: 在威尼托大区访问期间，…会见了大区政府副主席X.)
    # (Not one sentence's: 分别会见了A市市长X和B省省长 met B省 too.)
    again = a.evidence != b.evidence
    return all(any(o.startswith(f) or f.startswith(o) for o in bodies for f in _city_forms(p.name))
               or again and p.name in b.description for p in a.counterparts)


# A heading that is a month and nothing else (3月, 2019年3月, 三月份).
_MONTH_HEADING = re.compile(r"\s*(?:(?:19|20)\d\d\s*年\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?\s*")


def _heading_month(doc: Document, heading: str) -> str:
    """The month a heading names when it names only a month (a chronicle's 3月), else ""."""
    if not _MONTH_HEADING.fullmatch(heading):
        return ""
    found = find_dates(heading.strip().removesuffix("份"), doc.year)
    return found[0][2] if found else ""


def forget_memos() -> None:
    """Empty what the rules remember between documents (jieba cuts of short stretches, bodies'
    classes and names, places inside event names): for a benchmark that starts as a build's first
    pass does."""
    for memo in (_cut, classify_org, _foreign_places_in, phrases_in, make_org, strip_chain, parse_date):
        memo.cache_clear()


def extract(doc: Document) -> Facts:
    """Everything kg reads from ``doc``."""
    blocks = parse_blocks(doc)
    nlp = load_pipeline()
    prose = [b for b in rows_as_prose(blocks) if b.kind in PROSE_KINDS and b.text]
    mentions: list[EntityMention] = []
    gaz = load()
    line_at = line_finder(doc.text)
    block_spans: list[tuple] = []
    partner_counts: dict[str, list] = {}  # (the foreign cities and regions the spans name: see _main_partner)
    found = []
    # (The title with the blocks, where it is read: one pass of the pipeline over the document.)
    texts = [b.text for b in prose] + ([doc.title] if _title_read(doc) else [])
    read = list(read_mentions(nlp, texts))
    for block, (chosen, nested, _) in zip(prose, read):
        found.append((block, list(chosen), set(nested)))
    titled = surname_title_names(found)
    # (The places the partner tables name that no gazetteer lists: known in the prose too, of their rows' country.)
    table_places = partner_table_places(doc, blocks, gaz)
    found = _bare_as_written(known_names_again(found, titled, [(p.name, p.type) for p in table_places]), gaz)
    # (Read in one pass over the mentions: the persons' names, in order; the mentions of places no
    # gazetteer lists, gathered once as (block index, block, its mentions, start, end, label): few
    # documents have any; the gazetteer's cities and regions and the foreign cities' wards, for
    # _gazetteer_places.)
    named: list[str] = []
    unlisted = []
    gazetteer_places = []
    wards_named = set()
    for i, (block, chosen, _) in enumerate(found):
        for s, e, label, rule, ent_id in chosen:
            if label == "Person":
                named.append(block.text[s:e])
            elif label == "City" or label == "Region":
                if rule == "gazetteer" and ent_id:
                    gazetteer_places.append((block, chosen, s, e, label, rule, ent_id))
                if label == "Region" and after_foreign_city(block.text, s, gaz):
                    wards_named.add(block.text[s:e])
            if rule in UNLISTED_PLACE_RULES:
                unlisted.append((i, block, chosen, s, e, label))
    full_name = _full_names(named)
    persons = frozenset(named)
    city = document_home(doc, _gazetteer_places(gazetteer_places, wards_named, gaz), gaz, _title_places(doc, read[len(prose)] if len(read) > len(prose) else None, persons),
                         inner=lambda: _places_in_names(found))
    # The countries of places no gazetteer lists, from where the document names them after their
    # country: their bare mentions elsewhere (known-place) take the same.
    place_country: dict[str, str] = {p.name: p.country for p in table_places if p.country}
    country_at: dict[tuple[int, int], str] = {}
    # (Those mentions: ``unlisted``, gathered above.)
    for i, block, chosen, s, e, _ in unlisted:
        c = country_at[i, s] = _country_before(block.text, chosen, s, gaz) or _sentence_country(block.text, chosen, s)
        if c:
            place_country.setdefault(block.text[s:e], c)
    if len(read) > len(prose):
        # (And where the title names them after their country: 澳大利亚伊普斯维奇市师生访问团… — the text
        # may write them bare only.)
        title_chosen = read[len(prose)][0]
        for s, e, label, rule, ent_id in title_chosen:
            if rule in UNLISTED_PLACE_RULES:
                c = _country_before(doc.title, title_chosen, s, gaz)
                if c:
                    place_country.setdefault(doc.title[s:e], c)
    for i, block, _, s, e, _ in unlisted:
        if not country_at[i, s]:
            # (Written where no country is: the country the document gave it elsewhere.)
            country_at[i, s] = place_country.get(block.text[s:e], "")
    city_entry = gaz.lookup(city.name, (city.type,))
    home_parent = city_entry.parent if city_entry else ""
    bodies = _BodyNames(city, home_parent, gaz)
    city_after_country = {block.text[s:e] for _, block, _, s, e, label in unlisted if label == "City"}
    endings = [_country_endings(block.text, chosen, gaz) for block, chosen, _ in found]
    # The homonym a country before a place's name chose (美国波特兰市: Portland, Oregon): the
    # document's bare mentions of that name (波特兰, 波特兰市) are the same place.
    entry_after_country: dict[str, object] = {}
    # A foreign region the document names with its unit word (马来西亚马六甲州): its bare name, where the
    # gazetteer's is a city of that country the document never writes with 市 (马六甲), is the region.
    region_of_bare: dict[str, tuple[str, str, object]] = {}  # bare name → (the region's name, its country, its entry)
    # (Both read in one pass over the places' mentions.)
    for i, ((block, chosen, _), country_ending) in enumerate(zip(found, endings)):
        for s, e, label, rule, ent_id in chosen:
            if label != "City" and label != "Region":
                continue
            # (A block that names no country has no place after one.)
            if country_ending and ent_id and s in country_ending:
                entry = gaz.by_id(ent_id, label)
                if entry is not None and entry.country:
                    chosen_entry = _of_country_before(entry, block.text[s:e], country_ending[s], gaz)
                    if chosen_entry is None:
                        # (No place of that country is written so: the document's own, of that country.)
                        before = _country_zh(country_ending[s], gaz)
                        if before:
                            place_country.setdefault(block.text[s:e], before)
                    elif chosen_entry is not entry:
                        for form in _city_forms(block.text[s:e]):
                            entry_after_country.setdefault(form, chosen_entry)
            if label != "Region":
                continue
            written = block.text[s:e]
            if not _REGION_SUFFIX_END.search(written):
                continue
            bare = _REGION_SUFFIX_END.sub("", written)
            entry = gaz.by_id(ent_id, label) if ent_id else None
            if entry is not None:
                region_of_bare.setdefault(bare, (entry.zh, entry.country, entry))
            elif rule in (*UNLISTED_PLACE_RULES, "region-of-city"):
                # (A region no gazetteer lists: the country written before it, else its city's.)
                city_of = gaz.lookup(bare, ("City",))
                country = country_at.get((i, s)) or (city_of.country if city_of else "")
                region_of_bare.setdefault(bare, (written, country, None))
    region_of_bare = {bare: r for bare, r in region_of_bare.items() if r[1] not in ("", "中国")
                      and not any(bare + "市" in b.text for b, _, _ in found)}
    wards: dict[str, tuple[str, str]] = {}  # a foreign city's ward's name → (with its city, its country)
    for i, (block, chosen, nested) in enumerate(found):
        spans: list[Span] = []
        # (Where its sentences end, read once for split_sentences too, which ends one at an entry's 】 also.)
        marks = [m.end() for m in SENTENCE_END.finditer(block.text)]
        ends = [e for e in marks if block.text[e - 1] != "】"] if "】" in block.text else marks
        sentence_quotes: dict[tuple[int, int], tuple[int, int, str]] = {}  # (a sentence names several)
        # (A block on one line of the file, as most are: its mentions' line, read once. Its characters lie
        # between its start and end in the file, in order.)
        block_line = line_at(block.start) if block.offsets else 0
        if block_line and line_at(block.end - 1) != block_line:
            block_line = 0
        sentence_evidence: dict[tuple[int, int], Evidence] = {}
        country_ending = endings[i]
        # Where a foreign city's name ends (横滨市|港北区): a district named right after it is its ward.
        foreign_city_ending = {}
        for cs, ce, clabel, _, cid in chosen:
            # (Or a metropolitan city the gazetteer lists as a region: 蔚山广域市|东区.)
            if cid and (clabel == "City" or clabel == "Region" and block.text[ce - 1 : ce] == "市"):
                fe = gaz.by_id(cid, clabel)
                if fe is not None and fe.country not in ("", "中国"):
                    foreign_city_ending[ce] = foreign_city_ending[ce + 1 if block.text[ce : ce + 1] == "市" else ce] = (cs, fe.country)
        for key in sorted(set(chosen) | nested):
            s, e, label, rule, ent_id = key
            written = block.text[s:e]
            entry = gaz.by_id(ent_id, label) if ent_id else None
            known_as = ""
            if entry is not None and entry.country and label in ("City", "Region") and s in country_ending:
                entry = _of_country_before(entry, written, country_ending[s], gaz)
                if entry is None:
                    # 新西兰奥克兰市: the country written before the name says which place it is; no
                    # entry of that country is written so (the gazetteer's 奥克兰 is Oakland).
                    rule, country_at[i, s] = "place-after-country", _country_zh(country_ending[s], gaz)
            elif entry is not None and entry.country not in ("", "中国") and label in ("City", "Region"):
                if written in entry_after_country:
                    entry = entry_after_country[written]
                else:
                    known_as = next((f for f in _city_forms(written) if f in place_country), "")
                    if known_as and place_country[known_as] != entry.country:
                        # 美国萨克拉门托市 … 萨克拉门托市市长: the document's place of that country, which
                        # the gazetteer does not list (its 萨克拉门托 is in Brazil).
                        label, rule, ent_id, entry = "City", "known-place", "", None
                    else:
                        known_as = ""
            elif (entry is not None and entry.country == "中国" and label in ("City", "Region") and entry.zh != city.name
                  and entry.zh != home_parent and entry.parent != city.name):
                # 【韩国广州市】…市长于海涛致信广州市市长金成旭: a Chinese place's name the document gives a
                # foreign place, written after its country, is that place where written bare.
                known_as = next((f for f in _city_forms(written) if place_country.get(f, "中国") != "中国"), "")
                if known_as:
                    label, rule, ent_id, entry = "City", "known-place", "", None
            if s in foreign_city_ending and (
                    label == "Region" and (entry is not None and entry.country == "中国" or entry is None and rule in UNLISTED_PLACE_RULES)
                    # (Or a ward the gazetteer lists as another city's of that country: 堺市|北区, not Tokyo's 北区.)
                    or label == "City" and written.endswith("区") and entry is not None and entry.country == foreign_city_ending[s][1]):
                # 日本横滨市港北区: not 贵港市's 港北区 but the ward of the foreign city before it.
                label, rule, entry = "Region", "ward-of-city", None
                city_start, country_at[i, s] = foreign_city_ending[s]
                wards[written] = (block.text[city_start:e], country_at[i, s])
            elif label == "Region" and written in wards and (
                    entry is not None and entry.country == "中国" or entry is None and rule in ("known-place", *UNLISTED_PLACE_RULES)):
                # …首尔市江南区 … 与江南区区长会谈: the ward named before, written bare.
                rule, entry = "known-ward", None
                known_as, country_at[i, s] = wards[written]
            if entry is not None and written != entry.zh and _bare_county(entry, written) and city.name not in (entry.parent, entry.zh) \
                    and entry.parent != home_parent:
                continue  # 新建 (新建区 of 南昌) in 新建友好交流城市: a county's short form is its only in its city's texts
            # (region_of_bare and city_after_country first: most documents have neither.)
            if (region_of_bare and entry is not None and label == "City" and written in region_of_bare and rule == "gazetteer"
                    and region_of_bare[written][1] == entry.country):
                # (马来西亚马六甲州 … 马六甲是…节点: the state; the document writes no 马六甲市.)
                label, rule = "Region", "known-region"
                written_region, region_country, entry = region_of_bare[written]
            if city_after_country and entry is not None and label == "Region" and written + "市" in city_after_country:
                # 葡萄牙波尔图市 … 波尔图: the document names the city; its bare name is the city too
                # (the gazetteer's 波尔图 is the district of that name).
                label, rule, ent_id, entry = "City", "known-place", "", None
                written_as = written + "市"
            elif rule == "ward-of-city":
                written_as = block.text[city_start:e]  # (named with its city: 光州广域市西区, not 西区)
            elif known_as:
                written_as = known_as
            elif rule == "known-region":
                written_as = written_region
            elif rule == "known-place" and written not in place_country and written + "市" in place_country:
                written_as = written + "市"  # (户田 paired with 开封, after 日本户田市: that city)
            elif rule in ("known-name", "name+title", "title+name") and full_name.get(written) and written != full_name[written]:
                # (克林 after 马蒂亚斯·克林: that person, not another; so is 甘巴特市长 after 巴特额尔德尼·甘巴特.)
                written_as = full_name[written]
            elif rule == SURNAME_RULE:
                # (符 of 符市长 after 符海明市长: that person.)
                written_as = next((full for form, (surname, full) in titled.items()
                                   if surname == written and block.text.startswith(form, s)), written)
            else:
                written_as = written
            name = entry.zh if entry else written_as
            country = entry.country if entry else ""
            if rule in ("body-short", "body-of-place"):
                # 北京市政府外办 is 北京市人民政府外事办公室; 市外办, in a document of 重庆市, 重庆市人民政府外事办公室.
                name, expanded = bodies.standard(written)
                country = "中国" if expanded or rule == "body-short" else _body_country(written, gaz)
            elif rule == "mission":
                country = _body_country(written, gaz)
            elif rule in UNLISTED_PLACE_RULES:
                # (Read once above for the mentions chosen; a name nested in another is read here.)
                country = country_at.get((i, s))
                if country is None:
                    country = _country_before(block.text, chosen, s, gaz) or _sentence_country(block.text, chosen, s)
                if not country:
                    # (No country in its sentence: that of the foreign place of its name, 波尔图市 → 波尔图.)
                    # (Nor of that name: 怀卡托大区 is the foreign region 怀卡托's.)
                    # (Or of its first part, joined by a hyphen: 卡尔古利-博尔德市 is 卡尔古利's.)
                    country = next((x.country for f in (*_city_forms(written), _REGION_SUFFIX_END.sub("", written), re.split("[-－]", written)[0])
                                    for x in gaz.lookup_all(f) if x.type in ("City", "Region") and x.country not in ("", "中国")), "")
            elif rule == "region-of-city":
                # 伊尔库茨克州: the region of a foreign city's name lies in the city's country.
                city_of = gaz.lookup(_REGION_SUFFIX_END.sub("", written), ("City",))
                country = city_of.country if city_of else ""
            elif rule in ("ward-of-city", "known-ward"):
                country = country_at[i, s]
            elif rule == "known-place":
                country = place_country.get(written_as, "")
            elif rule == "known-region":
                country = region_country
            elif rule == "org-shape":
                # A body or company no gazetteer lists is of the country or place it is named after
                # (日本埼玉县日中友好协会), or of the country written right before it (德国|西门子能源股份公司).
                before = _country_zh(country_ending[s], gaz) if s in country_ending else ""
                country = before or (written[:2] if written[:2] in SARS else _body_country(written, gaz))
            if key not in nested:
                span = Span(s, e, label, name, written, country, rule, entry.parent if entry else "")
                spans.append(span)
                if (label == "City" or label == "Region") and span.foreign:
                    partner_counts.setdefault(name, [0, len(partner_counts), span])[0] += 1  # (see _main_partner)
            ss, se = _sentence(block.text, s, e, ends)
            quoted = sentence_quotes.get((ss, se))
            if quoted is None:
                start, end = block.source_offset(ss), block.source_offset(se - 1) + 1
                quoted = sentence_quotes[ss, se] = (start, end, doc.quote(start, end))
                # (In a block on one line, the sentence's mentions share its evidence: one value, made once.)
                if block_line:
                    sentence_evidence[ss, se] = Evidence(doc.id, block_line, *quoted)
            evidence = sentence_evidence[ss, se] if block_line else Evidence(doc.id, line_at(block.source_offset(s)), *quoted)
            # (Its fields in order, not by keyword, which makes a dict for each call: one a mention.)
            mentions.append(EntityMention(Party(name, label, "", (), country), evidence, entry.en if entry else "",
                                          entry.wikidata if entry else "", (written,) if written != name else ()))
        # (With the evidence made for its sentences' mentions, which split_sentences's sentences are where
        # no entry's 】 ends one: theirs, made once.)
        block_spans.append((block, spans, marks, sentence_evidence if "】" not in block.text else {}))
        for s, e, name in press_names(block):
            # The page's publisher (来源：南方网, 中新社天津…电), unless a rule read a body there already.
            if any(cs < e and s < ce and clabel in ("Organization", "Company") for cs, ce, clabel, _, _ in chosen):
                continue
            ss, se = _sentence(block.text, s, e, ends)
            start, end = block.source_offset(ss), block.source_offset(se - 1) + 1
            evidence = Evidence(doc.id, line_at(block.source_offset(s)), start, end, doc.quote(start, end))
            mentions.append(EntityMention(Party(name, "Organization", country=press_country(name)), evidence))
        lead = block.attr("lead") if block.kind == "report_item" else ""
        if lead and lead in block.text:
            # The leading department of a report item (牵头部门:国际处) is a body of the reporting office.
            s = block.text.rindex(lead)
            start, end = block.source_offset(s), block.source_offset(s + len(lead) - 1) + 1
            line = line_at(start)
            mentions.append(EntityMention(Party(lead, "Organization", country="中国"), Evidence(doc.id, line, start, end, doc.quote(start, end))))
    meetings, table_attendances = table_facts(doc, blocks, city)
    attendances = list(table_attendances)
    prose_meetings: list[tuple[Meeting, str]] = []
    links: list[PartnerLink] = partner_table_links(doc, blocks, city, mentions=mentions)
    positions: list[Position] = []
    ctx = ""  # the date the text last stated (see split_sentences)
    stay = ""  # the span of days the text last stated (a visit's: 访问期间 is of those days)
    told = MeetingContext(city, main_partner=_main_partner(partner_counts))
    pair = None  # the home place and the one foreign place the last sentence tied (see read_pair_ties)
    for block, spans, marks, sentence_evidence in block_spans:
        if block.kind in ("heading", "entry"):
            prose_meetings.extend(told.unheaded())  # (no head named in the record: its group's body)
            told.new_record()  # a yearbook entry or a section tells its own meetings
            pair = None
        if block.kind not in RELATION_KINDS:
            if block.kind == "heading":
                # (A chronicle's month heading, 3月, dates the days under it: 5日 … is 3月5日.)
                ctx, stay = _heading_month(doc, block.text), ""
            continue
        if _ITEM_MARK.match(block.text):
            ctx = ""  # an enumerated item (（二）…, 二是…) tells its own acts: not on the last item's day
        sents = split_sentences(doc, block, spans, line_at, ctx, stay, marks)
        for sent in sents if sentence_evidence else ():
            evidence = sentence_evidence.get((sent.start, sent.end))
            if evidence is not None:
                sent.memo["evidence"] = evidence  # (see Sentence.evidence)
        if block.kind in ("paragraph", "note"):
            # (The last sentence that does not tell history, 据悉，…2019年6月…: only it dates what follows.)
            last = next((st for st in reversed(sents) if not HISTORY.match(st.text)), None)
            if last is not None and not past_year(doc, last.date) and not after_page(doc, last.date):
                ctx = last.date
        stay = next((st.date for st in reversed(sents) if "/" in st.date and st.stated_dates), stay)
        for sent in sents:
            prose_meetings.extend(read_meetings(sent, told))
            read = read_partner_links(sent, city, told.people)
            # (The pair's own tie told in a clause that names no place, 双方回顾了两省州自1997年结为友好省州
            # 以来…, where another clause names the partner again: 巴伐利亚州经济部.)
            have = {(x.home.name, x.partner.name, x.relation) for x in read}
            read += [link for link in read_pair_ties(sent, pair, {x.partner.name for x in read})
                     if (link.home.name, link.partner.name, link.relation) not in have]
            links.extend(read)
            if read or any(sp.type in ("City", "Region") and sp.foreign for sp in sent.spans):
                pair = pair_named(sent, city, read)
            positions.extend(read_positions(sent, city))
            attendances.extend(read_event_roles(sent, city))
    prose_meetings.extend(told.unheaded())
    merged: list[tuple[Meeting, str]] = [(m, "会见") for m in meetings]
    # (Each kept meeting's sides, read once, not per comparison; only where prose meetings are to be
    # compared with them: a table of 200,000 rows and no prose keeps no 400,000 sets.)
    merged_sides = [_sides(m) for m in meetings] if prose_meetings else []
    named = [m for m, act in prose_meetings if act != "参加" and any(h.type == "Person" for h in m.home)]
    with_persons = [m for m, _ in prose_meetings if any(c.type == "Person" for c in m.counterparts)]
    for m, act in prose_meetings:
        if any(_met_through_officials(m, k) for k in with_persons) or all(h.type != "Person" for h in m.home) and any(
                _same_guests(m, k) for k in named):
            # 某总领事拜访省外办，主任X会见了他: the meeting is told once with its person.
            continue
        if act in SIGNING_ACTS and any(_signed_at_meeting(m, k) for k, a in prose_meetings if a not in SIGNING_ACTS and a != "参加"):
            continue
        # One meeting reported twice (in prose and in a table, or twice in one sentence) is kept once:
        # as told with the more precise date (a headline's is the page's year, its report's the day).
        # (A reply is a letter of its own beside the one it answers: 宣读了X的贺信 … 宋志刚向X复信.)
        sides = _sides(m)
        same = next((j for j, (k, a) in enumerate(merged)
                     if merged_sides[j] == sides and _dates_agree(m, k) and (act in REPLY_ACTS) == (a in REPLY_ACTS)), None)
        if same is None:
            merged.append((m, act))
            merged_sides.append(sides)
        elif _precision(m.date) > _precision(merged[same][0].date):
            merged[same] = (m, act)  # (its sides are the same)
    from_tables = {id(m) for m in meetings}
    merged_rows = [(_with_place_countries(m, place_country), act, id(m) in from_tables) for m, act in merged]
    for m, act, in_table in merged_rows:
        leaders = leader_links(m, city, act)
        links.extend(leaders)
        if in_table:
            links.extend(row_ties(m, leaders))  # (a row's content: 会谈，签署《…意向书》)
        else:
            links.extend(signed_at_meeting(m, leaders))  # (…与X一行座谈，双方签署了…)
    return Facts(
        doc=doc,
        blocks=tuple(blocks),
        mentions=tuple(mentions),
        meetings=tuple(bodies.meeting(m) for m, _, _ in merged_rows),
        attendances=tuple(dict.fromkeys(bodies.attendance(a) for a in attendances)),
        partner_links=tuple(_as_named(_as_written_with_unit(_as_written_with_unit(links, region_of_bare, "City"), wards, "Region"),
                                     mentions)),
        positions=tuple(bodies.position(p) for p in positions),
    )


def _as_written_with_unit(links: list[PartnerLink], bare: dict[str, tuple], of_type: str) -> list[PartnerLink]:
    """Links whose partner (of ``of_type``) is a bare name the document also writes with its unit or
    its city, ``bare`` (name → (the name so written, its country, …)), of no other country: that
    place, by the name so written, as a region. So 马六甲 in 泉州—马六甲缔结友好城市20周年纪念活动,
    after 马六甲州, is the state; 松坡区 of 松坡区区厅长X, after 韩国首尔特别市松坡区, is that ward."""
    if not bare:
        return list(links)  # (no such name: most documents)
    out = []
    for link in links:
        r = bare.get(link.partner.name) if link.partner.type == of_type else None
        if r is not None and link.partner.country in ("", r[1]):
            link = replace(link, partner=Party(r[0], "Region", country=r[1]))
        out.append(link)
    return out


def _with_place_countries(meeting: Meeting, place_country: dict[str, str]) -> Meeting:
    """``meeting`` with the country of each counterpart's place the gazetteer does not list, where the
    document names it after its country elsewhere (韩国高阳市 … 会见高阳市市长X: X's 高阳市 is Korea's)."""
    if not place_country:
        return meeting

    def placed(org: Party) -> Party:
        if org.type not in ("City", "Region") or org.country:
            return org
        country = next((place_country[f] for f in _city_forms(org.name) if f in place_country), "")
        return replace(org, country=country) if country else org

    counterparts = tuple(replace(p, organizations=tuple(map(placed, p.organizations))) if p.organizations else placed(p)
                         for p in meeting.counterparts)
    if counterparts == meeting.counterparts:
        return meeting
    countries = meeting.country or ";".join(dict.fromkeys(o.country for p in counterparts for o in (p, *p.organizations) if o.country))
    return replace(meeting, counterparts=counterparts, country=countries)


def _as_named(links: list[PartnerLink], mentions: list[EntityMention]) -> list[PartnerLink]:
    """Links whose partner the document names with one country everywhere else take that country
    (美国圣保罗市 … 长沙—圣保罗友好城市结好36周年座谈会: Saint Paul, not the gazetteer's São Paulo
    read inside the event's name): one place per name in a document."""
    if not links:
        return []  # (most documents tie no partner: the names need not be read)
    countries: dict[str, set[str]] = {}
    partners = {link.partner.name for link in links}  # (the names asked for below: the others need no forms)
    for m in mentions:
        e = m.entity
        if e.type in ("City", "Region") and e.country not in ("", "中国"):
            for form in _city_forms(e.name):
                if form in partners:
                    countries.setdefault(form, set()).add(e.country)
    out = []
    for link in links:
        named = countries.get(link.partner.name, set())
        if len(named) == 1 and link.partner.country not in named | {""}:
            link = replace(link, partner=replace(link.partner, country=next(iter(named))))
        out.append(link)
    return out


class _BodyNames:
    """The bodies persons speak for, by their standard names, as the mentions have them
    (市政府外办 in a document of 重庆市 → 重庆市人民政府外事办公室, 黑龙江省委 → 中共黑龙江省委)."""

    def __init__(self, city: Party, parent: str, gaz) -> None:
        self.city, self.parent, self.gaz = city, parent, gaz
        self.memo: dict[str, tuple[str, bool]] = {}

    def standard(self, written: str) -> tuple[str, bool]:
        """A body's standard name, and whether it was written with its level word alone (市外办, the
        home place's): its place's own short form (北京市政府外办), else the home place's, else as written."""
        found = self.memo.get(written)
        if found is None:
            name = full_body_name(written, self.gaz)
            expanded = expand_short_body(written, self.city.name, self.city.type, self.parent) if name == written else ""
            found = self.memo[written] = (expanded, True) if expanded else (name, False)
        return found

    def body(self, o: Party) -> Party:
        if o.type != "Organization":
            return o
        name, _ = self.standard(o.name)
        return o if name == o.name else replace(o, name=name, country=o.country or "中国")

    def party(self, p: Party) -> Party:
        if p.organizations:
            orgs = tuple(map(self.body, p.organizations))
            return p if orgs == p.organizations else replace(p, organizations=orgs)
        return self.body(p)

    def meeting(self, m: Meeting) -> Meeting:
        home, cps = tuple(map(self.party, m.home)), tuple(map(self.party, m.counterparts))
        return m if (home, cps) == (m.home, m.counterparts) else replace(m, home=home, counterparts=cps)

    def attendance(self, a):
        person = self.party(a.person)
        return a if person == a.person else replace(a, person=person)

    def position(self, p: Position) -> Position:
        person = self.party(p.person)
        org = p.organization and self.party(p.organization)
        return p if (person, org) == (p.person, p.organization) else replace(p, person=person, organization=org)
