"""Bodies named by their shape over any place: no list of a city's offices is needed.

- a mainland place and a body after it (``重庆市人民政府外事侨务办公室``,
  ``中共天津市委``, ``黑龙江省委``, ``温州市外办``);
- a foreign country or place and a government body after it (``白俄罗斯外交部``,
  ``圣彼得堡市政府``, ``新潟县议会``);
- a mission: a country, a Special Administrative Region or a body, ``驻``, where
  (``华`` or a place, written short or long) and what (``法国驻武汉总领事馆``,
  ``韩国驻青总领馆``, ``香港特别行政区政府驻上海经济贸易办事处``);
- a body written with its level word only (``市外办``, ``省政府外办``, ``市委``):
  the home place's body, named in full by the document reader
  (:func:`expand_short_body`).

The body names are data (``bodies.toml`` beside this module); the places come from
the gazetteer spans already found. Results are (start, end, label, rule)
character spans, as the other name rules keep theirs.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...extract.cues import _table
from ...extract.firstchars import first_chars
from ...gazetteer import Gazetteer
from ..common import matches_in, tokens_ending_in

CJK = "\u4e00-\u9fff"
SARS = ("香港", "澳门")


def _alternation(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


@lru_cache(maxsize=1)
def _local_forms() -> list[str]:
    t = _table("bodies")
    levels = list(t["levels"])
    local = list(t["local"]["full"]) + list(t["local"]["media"])
    party = list(t["local"]["party"])
    # A place may be written with or without its level word (重庆 / 重庆市): the body may start with it.
    return local + [lv + f for lv in levels for f in local] + [lv + p for lv in levels for p in party]


@lru_cache(maxsize=1)
def _local_heads() -> tuple[frozenset[str], frozenset[str]]:
    """The first two characters of the local bodies' forms, and the forms of one character."""
    forms = _local_forms()
    return frozenset(f[:2] for f in forms if len(f) >= 2), frozenset(f for f in forms if len(f) == 1)


@lru_cache(maxsize=1)
def _room() -> re.Pattern:
    """A room's name ending a department's words (see ``local.rooms``)."""
    return re.compile(f"(?:{_alternation(_table('bodies')['local']['rooms'])})$")


def _local_at(text: str, pos: int):
    """``_patterns()["local"].match(text, pos)``, tried only where a form's first two characters (or
    a form of one) are written: the pattern tries each of hundreds of forms in turn."""
    two, one = _local_heads()
    if text[pos : pos + 2] in two or text[pos : pos + 1] in one:
        return _patterns()["local"].match(text, pos)
    return None


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    t = _table("bodies")
    levels = list(t["levels"])
    local_forms = _local_forms()
    short = t["local"]["short"]
    return {
        "local": re.compile(f"(?:{_alternation(local_forms)})"),
        "foreign": re.compile(f"(?:{_alternation(t['foreign']['full'])})"),
        "mission": re.compile(rf"驻(?:华|[{CJK}]{{1,5}}?)(?:{_alternation(t['missions']['suffix'])})"),
        "short_after_word": re.compile(rf"({_alternation(levels)})({_alternation(short)})"),
    }


@lru_cache(maxsize=1)
def own_body_pattern() -> re.Pattern:
    """A mainland place's own government bodies and party committees written right after its name
    (人民政府外事办公室, 委): not its press."""
    t = _table("bodies")
    return re.compile(f"(?:{_alternation(list(t['local']['full']) + list(t['local']['party']))})")


@lru_cache(maxsize=1)
def foreign_body_words() -> frozenset[str]:
    """The bodies written after a foreign country or place (外交部, 议会, 经济产业省), as words."""
    return frozenset(_table("bodies")["foreign"]["full"])


# A department written right after a body (…民宗侨外办, …国际处): a few characters, no function word
# (nor 全 or 围: 市外办围绕全市中心工作 names no department).
# (The characters no department's name holds: function words, 全 and 围, punctuation.)
_NOT_IN_DEPARTMENT = "与和及同等在对向为的全围、，,。；;：:\\s（(）)"
_SUB_BODY = re.compile(rf"[^{_NOT_IN_DEPARTMENT}]{{1,5}}?(?:办公室|办|处|室|中心)")


# A government's department written after its name (澳门特区政府|礼宾公关外事办公室): a few words, no
# function word, ending in an office's word.
_GOV_DEPARTMENT = re.compile(rf"[^{_NOT_IN_DEPARTMENT}“”]{{2,10}}?(?:办公室|局|署|厅)")


# Characters that stand before a body as words of their own (由市外办主持, 与省政府签署).
_FUNCTION_CHARS = frozenset("由与和同向对经在及为据请受是把将被让给从")
_HOLDING = re.compile(r"(?:主办|承办|举办|协办|开办|创办|合办|联办|督办|交办)$")


@lru_cache(maxsize=1)
def _level_and_body() -> re.Pattern:
    """A level word (its party committee's 中共 before it) and what follows: a body written with its level word only."""
    return re.compile(rf"(?:中共)?({_alternation(_table('bodies')['levels'])})(.+)")


def expand_short_body(written: str, home_name: str, home_type: str, home_parent: str = "") -> str:
    """The full name of a body written with its level word only (``市外办`` in a document of
    重庆市 → 重庆市人民政府外事办公室), or ``""`` when the level does not fit the home place."""
    t = _table("bodies")
    m = _level_and_body().fullmatch(written)
    if not m:
        return ""
    level, full = m.group(1), _standard_body(m.group(2))
    if full == m.group(2) and full not in t["local"]["short"] and full not in t["local"]["full"]:
        return ""  # (not a body's name a level word stands before)
    place = ""
    if home_name.endswith(level):
        place = home_name
    elif level == "省" and home_parent.endswith("省"):
        place = home_parent
    elif level == "市" and home_type == "City":
        place = home_name if home_name.endswith("市") else home_name + "市"
    if not place:
        return ""
    return ("中共" + place + full) if full.startswith("委") else place + full


def _division(entry) -> bool:
    """Whether a gazetteer entry is a mainland administrative division (it has an adcode): a place
    with a government of its own."""
    return entry.country == "中国" and bool(entry.code) and entry.zh not in SARS


def _standard_body(body: str) -> str:
    """A body's name after its place in standard form: 外办 → 人民政府外事办公室, 政府外事侨务办公室 →
    人民政府外事侨务办公室 (a government's office), others as written."""
    short = _table("bodies")["local"]["short"]
    if body in short:
        return short[body]
    if body.startswith("政府") and body != "政府":
        return "人民政府" + body[2:]
    return body


def full_body_name(written: str, gaz: Gazetteer) -> str:
    """The standard name of a mainland place's body written in a short form with its place
    (北京市政府外办 → 北京市人民政府外事办公室, 黑龙江省委 → 中共黑龙江省委); other names as written."""
    levels = tuple(_table("bodies")["levels"])
    rest = written[2:] if written.startswith("中共") else written
    for n in range(min(len(rest) - 1, 10), 1, -1):
        entry = gaz.lookup(rest[:n], ("City", "Region"))
        if entry is None or not _division(entry):
            continue
        place, body = rest[:n], rest[n:]
        if body[:1] in levels and not place.endswith(levels):
            place, body = place + body[0], body[1:]
        full = _standard_body(body)
        return ("中共" + place + full) if full.startswith("委") else place + full
    return written


def find_bodies(text: str, gaz_spans, gaz: Gazetteer, title_forms: frozenset[str], token_starts=(),
                token_ends=()) -> list[tuple[int, int, str, str]]:
    """Bodies in ``text`` (see the module doc), given the gazetteer spans of the text and where its
    tokens start and end (a short form starts a word: 拜访省外办, not 城市政府)."""
    pats = _patterns()
    out: list[tuple[int, int, str, str]] = []
    ends: dict[int, int] = {}
    # jieba's dictionary holds some bodies as one word (广州日报, 南京日报): no place is matched inside
    # such a token, so a token made of a mainland place and a body's name is read here.
    last_chars = _last_chars()
    for ts, te in tokens_ending_in(text, token_starts, token_ends, last_chars, 4):
        tok = text[ts:te]
        for k in range(2, len(tok) - 1):
            entry = gaz.lookup(tok[:k], ("City", "Region"))
            m = _local_at(text, ts + k) if entry is not None and _division(entry) else None
            if m and m.end() >= te:
                out.append((ts, _department_after(text, m, pats), "Organization", "body-of-place"))
                break
    # (A place's body or mission starts right after the place's name: most places have none of the
    # characters such a name starts with after them, and are passed over before anything is looked up.)
    after_place = _after_place_chars()
    for s, e, label, ent_id in gaz_spans:
        if label not in ("City", "Region", "Country", "Organization"):
            continue
        if label != "Organization" and after_place is not None and text[e : e + 1] not in after_place:
            continue
        entry = gaz.by_id(ent_id, label) if ent_id else None
        if entry is None:
            continue
        mainland = _division(entry)
        if entry.country == "中国" and not mainland and entry.zh not in SARS and label not in ("Organization", "Country"):
            continue  # a region that is no division (京津冀, 华南地区) has no government
        if label == "Country" and entry.country == "中国":
            m = None  # China's missions abroad (中国驻意大利大使馆); its government bodies are the gazetteer's
        elif label == "Organization":
            m = None
            place = _foreign_place_before(text, s, gaz_spans, gaz) if entry.country == "中国" else None
            if place is not None and not text[s:e].startswith(entry.zh):
                # 俄罗斯外交部, 德国联邦教育部: a ministry written bare after a foreign country is that
                # country's, not the State Council's of that name.
                out.append((place, e, "Organization", "body-of-place"))
                continue
            dept = _GOV_DEPARTMENT.match(text, e) if entry.zh.endswith("政府") else None
            if dept and (dept.end() in token_ends or dept.end() == len(text)):
                out.append((s, dept.end(), "Organization", "body-of-place"))
        elif mainland:
            # (A body named with its place inside a title is a body too: 天津市委 in 天津市委副书记;
            # written bare, 市委副书记, it is left out below.)
            m = _local_at(text, e)
        else:
            m = pats["foreign"].match(text, e) or (_local_at(text, e) if entry.zh in SARS else None)
        start = s - 2 if s >= 2 and text[s - 2 : s] == "中共" else s
        end = _department_after(text, m, pats) if m else e
        if m:
            out.append((start, end, "Organization", "body-of-place"))
        mission = pats["mission"].match(text, end)
        if mission and (m or not mainland):
            out.append((start, mission.end(), "Organization", "mission"))
            ends[start] = mission.end()
    # A body written with its level word alone: 市外办, 省政府外办 (not 市委书记: a title's place).
    starts = None
    for m in matches_in(pats["short_after_word"], text):
        if starts is None:
            starts = set(token_starts)  # (made for the few texts that hold such a body)
        if (m.start() > 0 and _CJK_CHAR.match(text[m.start() - 1]) and m.start() not in starts
                and text[m.start() - 1] not in _FUNCTION_CHARS):
            continue  # (jieba cuts 由市 as one word: a function word before a body does not hide it)
        if any(a <= m.start() < b for a, b, *_ in out) or any(a <= m.start() < b for a, b, *_ in gaz_spans):
            continue
        if text[m.start() - 1 : m.start()] == m.group(1)[-1]:
            continue  # (圣菲县|县委会: the body of the place named just before, no mainland division's: not the home's)
        if m.group(2) in ("委", "政府") or len(m.group(1) + m.group(2)) < 3:
            if _title_after(text, m.end(), title_forms) or len(m.group(1) + m.group(2)) < 2:
                continue
        sub = _SUB_BODY.match(text, m.end())
        if sub and _room().search(sub.group(0)):
            continue  # (市政府视频会议室: a room of its building, where something takes place)
        if sub and _HOLDING.search(sub.group(0)):
            sub = None  # 市政府外办主办: a verb, not a department
        elif sub and pats["short_after_word"].match(text, m.end()):
            sub = None  # 区委区政府中心工作: a second body of its own (区政府), not a department of the first
        if sub and (sub.end() in starts or sub.end() == len(text)) and not _title_after(text, m.end(), title_forms):
            # A department of the body (市人大常委会民宗侨外办): one name, kept as written.
            out.append((m.start(), sub.end(), "Organization", "body-of-place"))
            continue
        out.append((m.start(), m.end(), "Organization", "body-short"))
    return out


_CJK_CHAR = re.compile(rf"[{CJK}]")

# What may stand between a country and its ministry's bare name (德国|联邦|教育部, 日本|国|…): a
# word or two, no function word or punctuation.
_BEFORE_MINISTRY = re.compile(rf"[{CJK}]{{0,3}}")


def _foreign_place_before(text: str, pos: int, gaz_spans, gaz: Gazetteer) -> int | None:
    """The start of the foreign country or place named just before ``pos`` (a word or two
    between), else None."""
    for s, e, label, ent_id in gaz_spans:
        if label not in ("Country", "City", "Region") or e > pos or not ent_id or pos - e > 3:
            continue
        gap = text[e:pos]
        if not _BEFORE_MINISTRY.fullmatch(gap) or any(c in _FUNCTION_CHARS for c in gap):
            continue
        entry = gaz.by_id(ent_id, label)
        if entry is not None and (entry.zh if label == "Country" else entry.country) not in ("", "中国"):
            return s
    return None


@lru_cache(maxsize=1)
def _after_place_chars() -> frozenset[str] | None:
    """The characters a body or a mission written right after a place starts with (the first
    characters of the patterns ``local``, ``foreign`` and ``mission``); None if one of them may start
    with any."""
    pats = _patterns()
    firsts = [first_chars(pats[k].pattern) for k in ("local", "foreign", "mission")]
    return None if any(f is None for f in firsts) else frozenset().union(*firsts)


@lru_cache(maxsize=1)
def _last_chars() -> frozenset[str]:
    """The characters a place's body's name can end with (会, 府, 室, 报 …)."""
    t = _table("bodies")
    return frozenset(f[-1] for f in (*t["local"]["full"], *t["local"]["media"], *t["local"]["party"]))


def _department_after(text: str, m: re.Match, pats) -> int:
    """Where a place's body ends: a government's office may follow it (北京市政府 + 外事办公室)."""
    if m.group(0).endswith("政府"):
        dept = _local_at(text, m.end())
        if dept and not dept.group(0).endswith("政府") and dept.group(0)[0] not in "省市区县":
            return dept.end()
    return m.end()


def _title_after(text: str, pos: int, title_forms: frozenset[str]) -> bool:
    return any(text.startswith(t, pos) for n in range(1, 6) for t in (text[pos : pos + n],) if t in title_forms) or any(
        text.startswith(p, pos) for p in ("副书记", "书记", "常委", "副秘书长", "秘书长", "主任", "副主任")
    )
