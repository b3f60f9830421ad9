"""A person named in a sentence, read with the titles and bodies written before the name.

``市委副书记、市长陈吉宁`` is 陈吉宁 with two titles; ``德国戴姆勒股份公司董事长康林松``
is 康林松, 董事长 of 戴姆勒股份公司, from 德国. The meeting and position rules
both read persons this way.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

from ..gazetteer import load
from ..model import Party
from ..nlp.common import UNLISTED_PLACE_RULES, _surnames, is_chinese_surname
from .cues import pattern as cue_pattern
from .names import PersonPhrase, parse_person_phrase, title_prefix, title_suffix
from .sentences import SARS, Sentence, Span

_JOINED = re.compile(r"(?:一行)?(?:以及|和|与|及|同)")
# Words right before a foreign place the sentence's subject goes to (meetings cues, stay.visit).
_VISITED = re.compile(f"(?:{cue_pattern('meetings', 'stay.visit')})$")
FRIENDSHIP_PREFIX = re.compile(r"^(?:友好城市|友城|姊妹城市|姐妹城市)")
# (Compiled once: read for every person of every sentence.)
_ENDS_LISTED = re.compile(r"[、]$")


def person_phrase(sent: Sentence, sp: Span, seg_start: int) -> PersonPhrase | None:
    """The parsed phrase naming ``sp``, from the start of its clause (at or after ``seg_start``, block offsets).
    (Kept in the sentence's memo: the meeting and position rules ask for the same person's phrase.)"""
    key = ("phrase", sp.start, sp.end, sp.rule, seg_start)
    memo = sent.memo
    if key in memo:
        return memo[key]
    found = memo[key] = _person_phrase(sent, sp, seg_start)
    return found


def _person_phrase(sent: Sentence, sp: Span, seg_start: int) -> PersonPhrase | None:
    text = sent.block.text
    # (After the last comma before the person: sought back from them, with no slice.)
    comma = max(text.rfind("，", seg_start, sp.start), text.rfind(",", seg_start, sp.start))
    left = comma + 1 if comma >= 0 else seg_start
    # A person joined to the one before by a word (英国驻华大使吴百纳和新加坡驻华大使孙海燕): the
    # phrase starts after the word (a list joined by 、 shares its bodies, and is read whole).
    for other in sent.spans:
        if other.type == "Person" and left <= other.end < sp.start:
            j = _JOINED.match(text, other.end)
            if j and j.end() <= sp.start:
                left = j.end()
            elif text[other.end : other.end + 1] not in ("、", " ", "等"):
                # A person before, not listed with this one: the phrase starts after them (主任栾建章
                # 宣读了天津市委副书记、市长张工的贺信 — 张工's bodies are 天津市委's, not …宣读了天津).
                left = other.end
    # Start at the first place or body named before the person (完成安哥拉总统洛伦索 → 安哥拉总统洛伦索).
    first = None
    for x in sent.spans:
        if left <= x.start < sp.start and x.type not in ("Person", "Event") and (first is None or x.start < first.start):
            first = x
    if first is not None and not _ENDS_LISTED.search(text, left, first.start):
        left = first.start
    # A modifier ending in 的 is not part of the person's bodies (前来参加哈洽会的菲律宾卡加延市市长埃马诺).
    de = text.rfind("的", left, sp.start)
    while de >= 0 and any(x.start <= de < x.end for x in sent.spans):
        de = text.rfind("的", left, de)  # (the 的 of a name, 加的夫, is none)
    if de >= 0:
        left = de + 1
    phrase = FRIENDSHIP_PREFIX.sub("", text[left : sp.end])
    for pp in reversed(phrases_in(phrase)):
        if pp.name == sp.written:
            return pp
    if sp.rule == "name+title" and _places_right_before(sent, left, sp.start):
        # A name written before its title, right after its place (韩国群山市朴正勋市长): read as if the
        # title came first (群山市市长朴正勋).
        title = title_prefix(text, sp.end, load())
        if title:
            for pp in reversed(phrases_in(FRIENDSHIP_PREFIX.sub("", text[left : sp.start]) + title + sp.written)):
                if pp.name == sp.written:
                    return pp
    return None


def _places_right_before(sent: Sentence, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (block offsets) is places only, one after another, ending at ``end``."""
    pos = end
    for x in sorted((x for x in sent.spans if x.type in _PLACE_LABELS and start <= x.start and x.end <= end),
                    key=lambda x: -x.end):
        if x.end != pos:
            break
        pos = x.start
    return pos < end and not sent.block.text[start:pos].strip("的、 ")


@lru_cache(maxsize=1 << 14)
def phrases_in(phrase: str) -> tuple[PersonPhrase, ...]:
    """``parse_person_phrase(phrase)``, remembered: the meeting and position rules read the same
    person's phrase several times, and documents repeat their officials' phrases."""
    return tuple(parse_person_phrase(phrase))


def places_by_name(sent: Sentence) -> dict[str, Span]:
    """The sentence's cities and regions by name and as written. (Read once a sentence: the meeting and
    position rules ask for it for each body of a person's phrase.)"""
    found = sent.memo.get("places by name")
    if found is None:
        found = sent.memo["places by name"] = {n: x for x in sent.spans if x.type in ("City", "Region") for n in (x.name, x.written)}
    return found


def visited_country(sent: Sentence, pos: int) -> str:
    """The country of the last foreign place the sentence goes to before ``pos`` (block offset):
    …率团访问伊尔库茨克州，会见了州长X — X, whose country the text does not tell, is of it."""
    visited = [sp for sp in sent.spans if sp.type in ("Country", "City", "Region") and sp.foreign and sp.end <= pos
               and _VISITED.search(sent.block.text, max(sent.start, sp.start - 3), sp.start)]
    return visited[-1].side_country if visited else ""


def phrase_country(pp: PersonPhrase) -> str:
    """The country (or SAR) a person stands for: stated, else their body's."""
    country = pp.country or next((o.country for o in pp.orgs if o.country), "")
    for o in pp.orgs:
        if o.name[:2] in SARS:
            country = o.name[:2]
    return country


_PLACE_LABELS = ("City", "Region", "Country")
# What follows a transliterated name's first part (or short last part) written alone for it to be that
# person (Thai and Lao names are so shortened: 纳隆萨·差瓦里 … 会见了纳隆萨一行).
_FIRST_PART_AFTER = re.compile(r"一行|等人|先生|女士|阁下|夫妇|表示|指出|介绍|说|举行|进行|会谈|座谈|会见")
# …or what precedes it: the act that meets them (刘建华会见了杜邦, after 马克·杜邦).
_MET_BEFORE = re.compile(f"(?:{cue_pattern('names', 'met_before')})了?$")
# What stands next to a city's name written without 市 when it is paired with another place (开封与户田).
_PAIRED_PLACE_AROUND = re.compile(r"[与和及同、]")


def short_forms(name: str) -> tuple[str, ...]:
    """The parts by which a transliterated name may be written again alone: its last, its first and a
    middle one of three characters or more (丹尼尔森一行, 纳隆萨一行, 卡罗琳娜·萨尔加多·莫拉莱斯 … 萨尔加多市长);
    a Japanese name by its family name."""
    parts = name.split("·")
    if len(parts) == 1 and len(name) == 4 and _CJK_RUN.fullmatch(name) and name[:2] not in _surnames():
        # (A name of four characters with no Chinese double surname is a Japanese one, written again by
        # its family name: 田中英明 … 田中议长.)
        return (name[:2],)
    return (parts[-1], parts[0], *(p for p in parts[1:-1] if len(p) >= 3)) if len(parts) > 1 else ()


def person_name(sp) -> str:
    """The name of the person the span ``sp`` names: the name written, or the person's whole name where the
    document named them whole before."""
    # (A part of a transliterated name written alone, or after a title, is the person named whole before:
    # 罗德里格斯一行, 州长希蒂塔 after 州长约翰尼斯·希蒂塔.)
    # (So is a Chinese official named again by surname and title: 符 of 符市长 is 符海明.)
    # (So is a Japanese official named again by family name and title: 田中 of 田中议长 is 田中英明.)
    return sp.name if sp.rule in ("known-name", "title+name", "name+title") and "·" in sp.name or sp.rule == SURNAME_RULE or (
        sp.rule == "name+title" and len(sp.written) == 2 and sp.name.startswith(sp.written)) else sp.written


# A body named by a place's unit word alone (大区政府, 州政府, 市议会).
UNIT_BODY = re.compile(r"(大区|州|省|市|县|郡|府|道)(?:政府|议会|委员会|人民委员会)")
# A place named by its unit word alone, or as "that" place (区 of 区行政长官, 该市 of 该市市长).
UNIT_ONLY = re.compile(r"该?(?:大区|[州省市县郡区府道])")


def unit_place(sent: Sentence, o) -> Party | None:
    """The place a body or place ``o`` of a person's phrase names by its unit word alone (大区政府, 州议会,
    区, 该市), in a sentence that names one foreign place of that unit (在威尼托大区访问期间，…会见了大区政府
    副主席X; …访问巴厘省登巴萨市，与该市市长Y…): that place; None if it names none so."""
    m = UNIT_BODY.match(o.name) if o.type == "Organization" else None
    unit = m.group(1) if m is not None else o.name.removeprefix("该") if UNIT_ONLY.fullmatch(o.name) else ""
    if not unit:
        return None
    named = {(x.written, x.type, x.side_country) for x in sent.spans
             if x.type in ("City", "Region") and x.foreign and x.written.endswith(unit)}
    return Party(*next(iter(named))[:2], country=next(iter(named))[2]) if len(named) == 1 else None


def known_names_again(blocks: list[tuple], titled: dict[str, tuple[str, str]] | None = None,
                      places: list[tuple[str, str]] = ()) -> list[tuple]:
    """Persons named once with a title are the same names wherever the document writes them again
    (``市长杨雄会见…。杨雄说…``, ``周建清分别与…座谈``): each ``(block, mentions, nested)`` gains a
    mention for every later or earlier bare occurrence of a name the rules found, where no other
    mention covers it. (A document-wide memory no per-block spaCy component has.) So does each
    surname written with a title ``titled`` gives (符市长 after 符海明市长: see surname_title_names), and each
    place ``places`` names, as (name, label): the places no gazetteer lists that the document's partner
    tables name (束草市 in a list's row, then in its prose)."""
    # (The mentions are read in one pass, each sliced only where its rule asks for its words: the
    # persons' names; the places no gazetteer lists; the cities and regions written with a unit.)
    found: set[str] = set()  # the persons' names
    # So is a place no gazetteer lists, found once after its country (白俄罗斯莫吉廖夫市 … 莫吉廖夫市始建于…)
    # (each with its label, in the mentions' order: the first label of a name is kept).
    unlisted: list[tuple[str, str]] = list(places)
    # …and written without 市 where it is paired with another place (日本户田市 … 开封与户田自1984年…);
    # so is a foreign city the gazetteer lists only with 市 (日本鹿沼市 … 与鹿沼): that city, by its id.
    stem_ids: dict[str, tuple[str, str]] = {}  # a stem → (its place's label, its gazetteer id)
    gaz = load()
    for b, ms, _ in blocks:
        text = b.text
        for s, e, label, rule, ent_id in ms:
            if rule == "gazetteer":
                if label == "City":
                    if e - s < 3 or not ent_id:
                        continue
                elif label != "Region" or not ent_id:
                    continue
                written = text[s:e]
            else:
                if label == "Person":
                    # (A transliterated name of several parts may be long: 卡罗琳娜·萨尔加多·莫拉莱斯.)
                    name = text[s:e]
                    if 2 <= e - s <= (20 if "·" in name else 12):
                        found.add(name)
                if rule in UNLISTED_PLACE_RULES and e - s >= 3:
                    unlisted.append((text[s:e], label))
                if rule != "body-of-place" or label != "Organization":
                    continue
                written = text[s:e]
                # (Also a region a body is named after: 谅山省 of 谅山省人民委员会.)
                region = next((x for k in range(len(written) - 1, 2, -1) if (x := gaz.lookup(written[:k], ("Region",))) is not None), None)
                if region is None or not written.startswith(region.zh):
                    continue
                written, label, rule, ent_id = region.zh, "Region", "gazetteer", f"Region:{region.zh}"
            if (label == "City" and written.endswith("市")
                    and gaz.lookup(written[:-1]) is None and (x := gaz.by_id(ent_id, label)) is not None
                    and x.country not in ("", "中国")):
                stem_ids.setdefault(written[:-1], (label, ent_id))
            elif (label == "Region" and (unit := _REGION_UNIT_END.search(written))
                  and unit.start() >= 2 and gaz.lookup(written[: unit.start()]) is None
                  and (x := gaz.by_id(ent_id, label)) is not None and x.country not in ("", "中国")):
                # (So is a foreign region written with its unit: 越南谅山省 … 柳州与谅山.)
                stem_ids.setdefault(written[: unit.start()], (label, ent_id))
    # A transliterated name is written again by its last part alone (安德士·丹尼尔森 … 丹尼尔森一行).
    found |= {n.split("·")[-1] for n in found if "·" in n and len(n.split("·")[-1]) >= 3}
    # …or, in a name of three parts or more, by a middle one: a Spanish-named person by the father's
    # surname (卡罗琳娜·萨尔加多·莫拉莱斯 … 萨尔加多市长).
    found |= {part for n in found if n.count("·") >= 2 for part in n.split("·")[1:-1] if len(part) >= 3}
    # …and by its first part, or a last part of two characters (马蒂亚斯·克林 … 会见了克林一行), where
    # words that follow persons close it (see _FIRST_PART_AFTER).
    firsts = ({n.split("·")[0] for n in found if "·" in n and len(n.split("·")[0]) >= 3}
              | {n.split("·")[-1] for n in found if "·" in n and len(n.split("·")[-1]) == 2}) - found
    labels = dict.fromkeys(found | firsts, "Person")
    for written, label in unlisted:
        labels.setdefault(written, label)
    stems = {n[:-1] for n, label in labels.items() if label == "City" and n.endswith("市") and len(n) >= 3} - set(labels)
    stems |= set(stem_ids) - set(labels)
    labels.update(dict.fromkeys(stems, "City"))
    names = sorted(labels, key=lambda n: (-len(n), n))
    titled = titled or {}
    if not names and not titled:
        return blocks
    # (The names and titled surnames each block writes, found by one search of each over all the
    # blocks' texts: most blocks write few of them.)
    texts = [b.text for b, _, _ in blocks]
    joined = "\0".join(texts)
    bounds = list(accumulate(len(t) + 1 for t in texts))  # (where each next block's text starts)
    names_in, titled_in = _written_in(joined, bounds, names), _written_in(joined, bounds, titled)
    out = []
    for k, (block, mentions, nested) in enumerate(blocks):
        present, titled_here = names_in.get(k, ()), titled_in.get(k, ())
        text = block.text
        taken = None  # (which characters a mention holds: made where a name is found, in few blocks)
        added = []
        dropped = set()
        for name in present:
            i = text.find(name)
            if taken is None:
                taken = _taken(text, mentions)
                # (The mentions by where they start: those inside a name found are sought by bisection.)
                by_start = sorted(mentions, key=_FIRST)
                starts = list(map(_FIRST, by_start))
            while i >= 0:
                e = i + len(name)
                # (Or a title: 贝蒂副市长率领的代表团, after 基娅拉·贝蒂.)
                if name in firsts and (not (_FIRST_PART_AFTER.match(text, e) or title_prefix(text, e, gaz)
                                            or _MET_BEFORE.search(text, max(0, i - 4), i)) or text[i - 1 : i] == "·") or name in stems and not (
                        _PAIRED_PLACE_AROUND.match(text, e) or _PAIRED_PLACE_AROUND.match(text[i - 1 : i])):
                    i = text.find(name, e)
                    continue
                inside = [m for m in by_start[bisect_left(starts, i) : bisect_right(starts, e)] if m[1] <= e and m not in dropped]
                # (A place's name inside a known person's, 卡亚 in 卡亚斯 of 尤西·卡亚斯, is the person's; inside
                # a known place's, 林根市 in 埃斯林根市, that place's. So is a part of the name read as a
                # person: 马蒂|斯·布伦纳 is 马蒂亚斯·布伦纳, named whole before.)
                # (Or, in a place read whole after its country, its tail a rule read after a shorter
                # place: 哈萨克斯坦阿拉科尔区 … 与阿拉|科尔区.)
                if inside and all(m[3] == "gazetteer" and m[2] in _PLACE_LABELS
                                  or labels[name] == "Person" and "·" in name and m[2] == "Person" and (m[0], m[1]) != (i, e)
                                  or labels[name] in _PLACE_LABELS and m[3] in UNLISTED_PLACE_RULES and i < m[0] and m[1] == e
                                  for m in inside) \
                        and not any(taken[j] for j in range(i, e) if not any(m[0] <= j < m[1] for m in inside)):
                    dropped.update(inside)
                    for m in inside:
                        taken[m[0]:m[1]] = [False] * (m[1] - m[0])
                if not any(taken[i:e]):
                    taken[i:e] = [True] * (e - i)
                    if name in stem_ids:
                        added.append((i, e, *stem_ids[name][:1], "gazetteer", stem_ids[name][1]))
                    else:
                        added.append((i, e, labels[name], "known-name" if labels[name] == "Person" else "known-place", ""))
                i = text.find(name, e)
        for form in titled_here:
            # (A Chinese official named again by surname and title: 符市长 after 符海明市长.)
            surname = titled[form][0]
            i = text.find(form)
            if taken is None:
                taken = _taken(text, mentions)
            while i >= 0:
                inside_a_word = i and _CJK_CHAR.match(text, i - 1) and not _BEFORE_SURNAME.search(text, max(0, i - 4), i)
                if not any(taken[i : i + len(surname)]) and not inside_a_word:
                    taken[i : i + len(surname)] = [True] * len(surname)
                    added.append((i, i + len(surname), "Person", SURNAME_RULE, ""))
                i = text.find(form, i + len(form))
        kept = [m for m in mentions if m not in dropped] if dropped else mentions
        out.append((block, sorted(kept + added), nested) if added or dropped else (block, mentions, nested))
    return out


_FIRST = itemgetter(0)


def _written_in(joined: str, bounds: list[int], words) -> dict[int, list[str]]:
    """The ``words`` each text writes, in their order, by the text's index: the texts are ``joined``
    with a character none of them writes, each next one starting at ``bounds``. (Each word is sought
    once in them all, and past a text where it is found: a text's words are found without a search of
    it for every word.)"""
    found: dict[int, list[str]] = {}
    for w in words:
        i = joined.find(w)
        while i >= 0:
            k = bisect_right(bounds, i)
            found.setdefault(k, []).append(w)
            i = joined.find(w, bounds[k])
    return found


def _taken(text: str, mentions: list[tuple]) -> list[bool]:
    """Whether a mention holds each character of ``text`` (and one past its end)."""
    taken = [False] * (len(text) + 1)
    for m in mentions:
        s, e = m[0], m[1]  # (not ``s, e, *_``: that builds a list of the rest for every mention)
        taken[s:e] = [True] * (e - s)
    return taken


# A region's unit at the end of its name (谅山省, 爱知县, 伊利诺伊州).
_REGION_UNIT_END = re.compile(f"(?:{cue_pattern('names', 'region_suffix')})$")
# The rule of a person named again by surname and title (符市长): see surname_title_names.
SURNAME_RULE = "known-surname"
_CJK_CHAR = re.compile("[\u4e00-\u9fff]")
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")
# What a surname written with a title may follow inside a run of characters (会见|朴总领事, 由|王市长).
_BEFORE_SURNAME = re.compile(f"(?:{cue_pattern('names', 'lead')})$")


def surname_title_names(blocks: list[tuple]) -> dict[str, tuple[str, str]]:
    """``surname + title`` → (surname, full name) for each Chinese-named person the document names
    with a title (符海明市长, 市长符海明 → 符市长), where no other person of the document has that
    surname and title."""
    gaz = load()
    out: dict[str, tuple[str, str]] = {}
    for b, ms, _ in blocks:
        text = b.text
        for s, e, label, rule, _ in ms:
            if label != "Person" or rule in ("gazetteer", SURNAME_RULE) or not 2 <= e - s <= 4:
                continue
            name = text[s:e]
            if not _CJK_RUN.fullmatch(name):
                continue
            surname = name[:2] if len(name) >= 3 and name[:2] in _surnames() else name[:1]
            if not is_chinese_surname(surname):
                continue
            for title in (title_prefix(text, e, gaz), title_suffix(text[max(0, s - 8) : s], gaz)):
                if title:
                    key = surname + title
                    out[key] = (surname, name) if out.get(key, (surname, name))[1] == name else (surname, "")  # (two persons: neither)
    return {k: v for k, v in out.items() if v[1]}
