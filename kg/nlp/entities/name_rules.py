"""The name rules: persons, organisations, companies, events and foreign places no gazetteer
knows, found by their shape (see :class:`NameRules`)."""
from __future__ import annotations

from itertools import chain

import re
from bisect import bisect_left
from operator import itemgetter

import jieba
from spacy.language import Language
from spacy.tokens import Doc

from ...extract.cues import pattern as cue_pattern
from ...extract.cues import words as cue_words
from ...extract.events import EVENT_SUFFIX
from ...extract.names import CJK, COMPANY_END, title_prefix, title_suffix
from ...gazetteer import load
from .bodies import find_bodies
from ..common import (
    GAZ_KEY, RULE_KEY, _cut, _is_common, _is_common_words, _skip_leading, _surnames, doc_text,
    is_chinese_surname, matches_in, noun_words, person_words, place_words, token_bounds, tokens_ending_in, verb_words,
)

# Characters that may not start a person's name after a title.
_NOT_NAME_START = set("的和与在为及等、，,。；;：:“”《》()（）兼并向同对从将给把被让跟一二两三四五六七八九十几每各该本") | {w for w in cue_words("names", "tail") if len(w) == 1}
# What may stand right before a name written before its title (…，章笑梅主任; 与陈杰副市长).
_BEFORE_NAME = re.compile(r"[^\u4e00-\u9fff]|[与和及同由向对在了的、]")
_PERSON_AFTER_TITLE = re.compile(rf"[{CJK}]{{2,3}}")
# A listed item of two to four characters closed by a mark or a word that follows a list of persons.
_UNSURNAMED_ITEM = re.compile(rf"([{CJK}]{{2,4}})(?=[、，,。；;]|{cue_pattern('names', 'listed_name_then')})")
# (A part may be hyphenated: 让-克洛德·戈丹.)
# (A middle initial may be a Latin letter: 亨利·A·基辛格.)
# (No part holds 及, which joins two persons: 尼古拉斯·奥布莱恩|及|夫人玛丽·奥布莱恩.)
_TCJK = rf"(?:(?!及)[{CJK}])"
_TRANSLIT = re.compile(rf"{_TCJK}{{1,8}}(?:[-－]{_TCJK}{{1,6}})?(?:[·•][A-Z]\.?)?(?:[·•]{_TCJK}{{1,8}}(?:[-－]{_TCJK}{{1,8}})?)+")
_DOT = re.compile("[·•]")
# (The character classes the rules test single characters and short names with, compiled once.)
_CJK_CHAR = re.compile(rf"[{CJK}]")
_CJK_RUN = re.compile(rf"[{CJK}]+")
_CJK_PAIR = re.compile(rf"[{CJK}]{{2}}")
_INSTITUTION_END = re.compile(r"(?:集团|公司|银行|大学|协会|组织)$")
_DASH = re.compile(r"[—–－-]")
# A name written in Latin letters (美国驻华大使Nicholas Burns一行): two to four capitalised words, an
# initial or a lower-case particle between (John F. Kennedy, Ursula von der Leyen).
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_LATIN_WORD = rf"[{_UP}][{_LOW}]+(?:[-'][{_UP}][{_LOW}]+)?"
_LATIN_NAME = re.compile(rf"{_LATIN_WORD}(?: (?:[A-Z]\.|(?:{cue_pattern('names', 'latin_particles')}) )*{_LATIN_WORD}){{1,3}}(?![{_UP}{_LOW}])")
# How far before its first dot a run of _TRANSLIT may start (8 characters, a hyphen and 6 more).
_TRANSLIT_REACH = 15


def _translit_runs(text: str):
    """``_TRANSLIT.finditer(text)``, searching only near a dot: a run starts at most
    ``_TRANSLIT_REACH`` characters before the first dot after it, and most blocks have none (the
    regex tried at every character took a tenth of the name rules' time)."""
    pos = 0
    while (dot := _DOT.search(text, pos)) is not None:
        m = _TRANSLIT.search(text, max(pos, dot.start() - _TRANSLIT_REACH))
        if m is None:
            return
        yield m
        pos = m.end()
# A transliterated double name joined by a hyphen alone, read after a title (经济部长霍夫迈斯特-克劳特):
# two parts of two or more characters, ending where the name's tail or punctuation starts.
_HYPHENED_NAME = re.compile(rf"[{CJK}]{{2,8}}[-－][{CJK}]{{2,8}}?(?=一行|等|先生|女士|阁下|夫妇|率|表示|举行|会谈|进行|在|[，,。、；;：:（(]|$)")
# What follows a person's name and never a place's (省督奥斯汀一行: 奥斯汀 is a person, not Austin).
# ... and those that follow persons only (not 在, 表示: 省长于北京表示 is no name).
_STRONG_AFTER_PERSON = re.compile(r"(?:一行|等人|先生|女士|阁下|夫妇)")
# Words that close a Chinese official's name after the title (市长逄建国|会见): acts and the words
# joining the other side, never a name's last character.
_CLOSES_CHINESE_NAME = re.compile(r"(?:会见|会晤|会谈|接见|先后|分别|与|同|在|率|一行|表示|出席|致辞|主持|[，,。、；])")
_VISIT_WORD = re.compile(cue_pattern("names", "visit_before_abbreviation"))
_ACT_AFTER_NAME = re.compile(r"(?:会见|会晤|会谈|接见|先后会见|分别会见)")
_AFTER_PERSON = re.compile(r"(?:一行|等人|等|先生|女士|阁下|夫妇|率|表示|说|指出|介绍|在|会见|会晤|会谈|接见|出席|主持|[，,。、；])")
# One or two characters closed by words that follow persons only: a given name's end (大森和|彦率领的).
# (Or by 的 of one who leads or accompanies: 在藤田和|也的带领下.)
# Acts a dotted name's first part never holds (刘建华|会见了|马克·杜邦 is no one name).
_ACT_IN_RUN = re.compile(cue_pattern("names", "acts_in_run"))
_GIVEN_BEFORE_ACT = re.compile(rf"[{CJK}]{{1,2}}?(?={cue_pattern('names', 'given_name_then')})")
_GIVEN_BEFORE_TAIL = re.compile(rf"[{CJK}]{{1,2}}?(?=一行|等人|率|先生|女士|夫妇|阁下|的(?:带领|率领|陪同)|[，,。、；;])")
# The 市 of a city written before its mayor and a transliterated name (维泰博市|市长乔瓦尼·罗西), and what
# may stand before the city's name (与, 会见, a mark).
# (Or a county, district or state, its head's title written with the same unit: 施泰因富特县县长X·Y.)
_CITY_BEFORE_OFFICIAL = re.compile(rf"(?P<unit>[市县郡州])(?=(?:第一)?副?(?P=unit)(?:长|守)[{CJK}]{{1,8}}[·•])")
_CITY_LEAD = re.compile(rf"{cue_pattern('names', 'lead')}|{cue_pattern('partners', 'sister_city.before')}|[、，,。；;：:\s]")
_COMRADE = re.compile(rf"([{CJK}]{{2,3}})同志")
# Endings of organisation and company names (…公司, …集团, …协会, …领导小组): see names.toml.
_ORG_SUFFIXES = f"(?:{cue_pattern('names', 'org_end')})(?!{cue_pattern('names', 'org_end_not_before')})"
# (A word in brackets may stand inside the name: 包头钢铁（集团）有限责任公司.)
_ORG_SHAPE = re.compile(rf"(?:(?:[{CJK}A-Za-z0-9·\-“”]|[（(][{CJK}]{{1,4}}[）)]){{2,20}}?)(?:{_ORG_SUFFIXES})")
_ORG_SUFFIX = re.compile(rf"(?:{_ORG_SUFFIXES})$")
_ORG_END = re.compile(_ORG_SUFFIXES)
_COMPANY_END = re.compile(COMPANY_END)
# How far before a name's ending a match of _ORG_SHAPE may start (its name part is 2 to 20 characters).
_ORG_REACH = 20


def _org_shapes(text: str):
    """``_ORG_SHAPE.finditer(text)``, searching only near a name's ending: a match starts 2 to
    ``_ORG_REACH`` characters before one (the regex tried at every character took a tenth of the
    name rules' time)."""
    pos = 0
    while (end := _ORG_END.search(text, pos + 2)) is not None:
        m = _ORG_SHAPE.search(text, max(pos, end.start() - _ORG_REACH))
        if m is None:
            return
        yield m
        pos = m.end()


# Words that start a clause, not a name: 指导, 组建, 推动, 举办 …
_VERBISH = re.compile(r"^(?:围绕|围绕落实|召开|主持|指导|组建|推动|支持|组织|举办|成立|协调|会同|联合|依托|通过|邀请|会见|发挥|加强|推进|落实|服务|配合|参与|参加|出席|牵头|动员|筹建|设立|指派|携手|带领|协助|积极|成功|完成|开展)$")
# Events named by two places (中国—西班牙论坛, 北京—伦敦资管业务线上交流会) or by a body's session (…第二次全体会议).
_PAIR_TAIL = re.compile(rf"[{CJK}A-Za-z0-9]{{0,16}}?(?:论坛|峰会|大会|交流会|洽谈会|研讨会|对话会|特别会议|会议|纪念活动|活动|博览会|展览会|交易会)")
_ORDINAL_BEFORE = re.compile(r"(?:第[一二三四五六七八九十百\d]+届|首届)$")
_SESSION_EVENT = re.compile(rf"[{CJK}]{{4,30}}?第[一二三四五六七八九十\d]+次(?:全体)?会议")
_QUOTED_EVENT = re.compile(r"[“\"]([^”\"]{2,40})[”\"]")
_EVENT_WORDS = cue_pattern("names", "event_end")
_EVENT_WORD = re.compile(_EVENT_WORDS)
# 中德…, 中非…: an event held by China and another country or region (see names.joint_abbreviations).
_JOINT_NAME = re.compile(f"中(?:{cue_pattern('names', 'joint_abbreviations')})")
_JOINT_YEAR = re.compile(rf"{_JOINT_NAME.pattern}[{CJK}]{{0,6}}?(?:{cue_pattern('names', 'event_years')})")
# (周 followed by 年 is an anniversary, 建交70周年, not a week.)
_HELD_IN_JOINED = re.compile(rf"的|{cue_pattern('names', 'event_held')}")
_JOINED_EVENT = re.compile(rf"[{CJK}A-Za-z0-9]{{0,30}}?(?:{_EVENT_WORDS}|庆祝晚宴|晚宴|图片展|纪念活动|庆祝活动|系列活动|签约仪式|视频座谈会|座谈会)(?!年)")
# The last character of a body's name (宣传部, 办公厅, 委员会): such a word is no person's.
_BODY_END = re.compile(r"[部厅局委办处会院所署司]$")
# Endings of bodies that are named only by what they do (专项工作组); such a short name needs a
# proper part (城市国际化服务工作组 is a name: long enough to say which group).
_GENERIC_BODY = re.compile(f"(?:{cue_pattern('names', 'generic_org_end')})$")
# Words that make a quoted phrase a description of a kind of event rather than its name.
_DESCRIPTIVE = re.compile(r"主办|承办|举办的|、")
_SHORT_EXPO_WORDS = "博会|洽会|交会|运会"
_SHORT_EXPO = re.compile(rf"[{CJK}](?:{_SHORT_EXPO_WORDS})")
# (Its ending, searched first: a search for the pattern above tries every character.)
_SHORT_EXPO_END = re.compile(_SHORT_EXPO_WORDS)
# The Party's congresses and plenums by their number (中共二十大, 党的十九大, 中共二十届四中全会).
_PARTY_CONGRESS = re.compile(rf"(?:{cue_pattern('names', 'party_congress_of')})第?[一二三四五六七八九十]{{1,3}}"
                             r"(?:大(?![会学使])|届[一二三四五六七八九]中全会|次全国代表大会)")
# (A place in brackets may be part of the name: 2023中国（厦门）国际投资贸易洽谈会.)
_YEAR_EVENT = re.compile(rf"(?:(?:19|20)\d\d年?|第[一二三四五六七八九十百\d]+届|首届)(?:[{CJK}A-Za-z0-9·—\-+“”]|[（(][{CJK}]{{2,6}}[）)]){{2,40}}?(?:{_EVENT_WORDS})(?!年)")
# An edition's name ending in 会 (第33届潍坊国际风筝会; not 会展, 会议, 会谈…, words of their own; nor a body's
# term, 第十四届…常委会: see names.edition_not_event).
_EDITION_EVENT = re.compile(rf"(?:第[一二三四五六七八九十百\d]+届|首届)(?:[{CJK}A-Za-z0-9·—\-+“”]|[（(][{CJK}]{{2,6}}[）)]){{2,40}}?会(?![展议谈见晤所员长])")
_EDITION_BODY = re.compile(f"(?:{cue_pattern('names', 'edition_not_event')})$")
# Time words before an event's name (明年的…): see names.event_time_before.
_EVENT_TIME = re.compile(f"(?:{cue_pattern('names', 'event_time_before')})")
# Who held an event, written before its name (全国友协举办的…大会).
_HELD_BY = re.compile(f"(?:{cue_pattern('names', 'event_held_by')})的")
_EVENT_MORE = re.compile(rf"暨[^，,。；;、\s]{{2,40}}?(?:{_EVENT_WORDS})|[{CJK}A-Za-z0-9+\s]{{0,10}}?(?:平行论坛|分论坛)|“[^”]{{2,30}}”(?:平行论坛|分论坛)")
# An event named after the verb that holds it: 召开…新闻发布会, 举办两市结好15周年庆祝活动, 办好A、B.
# Words that follow a name as words of their own (…在珠海, …于4月, …与X): a two-character word jieba
# ends with one of them may be a name's last character and the word (健在 in 袁家健在珠海).
_PREPOSITIONS = frozenset("在于与和同向对赴从到")
# How often jieba's dictionary uses a character alone for it to be a word of its own after a name
# (说, 也, 还, 将: 张明华也出席), not a character of the name (昭, 雄, 子).
_FUNCTION_CHAR_FREQ = 100_000
# Where or when a held event is held, before its name: 在东京举行的…, 今年10月举办的….
_HELD_AT = re.compile(r"(?:在[^，,。；;]{1,12}?|(?:(?:今|明|去|本|\d{4})年)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:上旬|中旬|下旬|初|底)?)(?:举行|举办|召开|开幕)的")
_HELD_WORD = re.compile(cue_pattern('names', 'event_held'))
# (A bracketed place inside the name: 中国（绵阳）科技城国际科技博览会.)
_HELD_EVENT = re.compile(rf"(?:{cue_pattern('names', 'event_held')})了?((?:(?:[{CJK}A-Za-z0-9·—“”]|[（(][{CJK}]{{2,6}}[）)]){{4,30}}?"
                         rf"(?:{_EVENT_WORDS}|庆祝活动|系列活动|纪念活动|行动)(?=[、，,。；;：:（()）\s]|$|等|和|及|并|期间|相关|开幕|闭幕)、?)+)")
_BRACKETED = re.compile(r"[（(][^（()）]+[）)]")
# An event named where something happens at it (在中德皮革产业对接会上签署): see names.event_at.
_AT_EVENT = re.compile(rf"(?:{cue_pattern('names', 'event_at')})((?:[{CJK}A-Za-z0-9·—“”]|[（(][{CJK}]{{2,6}}[）)]){{4,30}}?"
                       rf"(?:{_EVENT_WORDS})(?=(?:{cue_pattern('names', 'event_at_then')})))")
# Event words after a quoted name that stay outside the name: “欢乐春节”活动 is the event 欢乐春节.
# Words after a quoted name that name a part of its event, not another event (“…”开展仪式, “…”开幕式).
_GENERIC_TAIL = re.compile(r"^(?:[\u4e00-\u9fff]{0,2}(?:系列)?活动|开展仪式|开幕仪式|开幕式|闭幕式|启动仪式|开幕|启动|庆典)$")
# Words written right after a name that are never part of it (林明皓时, 埃马诺举行, …一行): see cues/names.toml.
_NAME_TAIL = re.compile(cue_pattern("names", "tail"))
# …those of two characters or more, which no name starts with (市长|发来贺信, 州长|表示).
# Numerals that count the places a list named (斯图加特、杜伊斯堡和埃因霍温三市).
_COUNT_NUMERALS = frozenset("两二三四五六七八九十几多各")
_TAIL_WORDS = frozenset(cue_words("names", "tail"))
_WORD_TAIL = re.compile("|".join(re.escape(w) for w in sorted(cue_words("names", "tail"), key=len, reverse=True) if len(w) >= 2))
_NAME_LEAD = re.compile(cue_pattern("names", "lead"))
_NAME_LEAD_END = re.compile(f"(?:{cue_pattern('names', 'lead')})$")
_PERSON_JOINS = frozenset(cue_words("names", "person_joins"))
_GIVEN_NAME_END = frozenset(cue_words("names", "given_name_end"))


def _quote_open_before(text: str, pos: int, within: int = 12) -> bool:
    """Whether a quotation mark opens no more than ``within`` characters before ``pos`` and none
    closes after it."""
    opened = max(text.rfind(q, max(0, pos - within), pos) for q in _OPEN_QUOTES)
    return opened >= 0 and all(text.rfind(q, opened, pos) < 0 for q in _CLOSE_QUOTES)


def _after_joins(text: str, start: int, first_end: int, seg) -> int:
    """Where a transliterated name whose first part is ``text[start:first_end]`` starts: after the
    last word joining two persons in that part (赵文斌|与|坎潘·西提达蓬), else at ``start``."""
    if not any(c in _PERSON_JOINS for c in text[start:first_end]):
        return start
    pos, after = start, start
    for tok in _cut(seg, text[start:first_end]):
        pos += len(tok)
        if tok in _PERSON_JOINS and pos < first_end:
            after = pos
    return after
_NOT_IN_PLACE = (f"(?:{cue_pattern('names', 'not_in_place')})"
                 f"|(?:{cue_pattern('names', 'not_in_place_but_last')})(?!(?:{cue_pattern('names', 'place_suffix')})(?!长))")
# (Inside a name, 和 may also stand one character before its unit: 蒙古国哈拉和林市.)
_NOT_INSIDE_PLACE = (f"(?:{cue_pattern('names', 'not_in_place')})"
                     f"|(?:{cue_pattern('names', 'not_in_place_but_last')})(?![{CJK}]?(?:{cue_pattern('names', 'place_suffix')})(?!长))")
_PLACE_SHAPE = re.compile(
    rf"((?:(?!{_NOT_IN_PLACE})[{CJK}])(?:(?!{_NOT_INSIDE_PLACE})[{CJK}\-－·]){{0,9}}?"
    # (A name of joined parts may be longer: 奥弗涅-罗纳-阿尔卑斯大区, 丹吉尔—得土安—胡塞马大区.)
    rf"|(?:(?!{_NOT_IN_PLACE})[{CJK}])(?=[{CJK}]{{1,9}}[\-－·—])(?:(?!{_NOT_IN_PLACE})[{CJK}\-－·—]){{10,13}}?)"
    rf"({cue_pattern('names', 'place_suffix')})(?!长)"
)
# What a match of _PLACE_SHAPE at a position needs: a place suffix's first character 1 to 14
# characters on, and none before it that no place's name holds (a mark, 的, 驻 …: the one-character
# words of not_in_place). Tried first, as it is much faster: the pattern checks every word of
# not_in_place and every suffix at each character.
_PLACE_SHAPE_HINT = re.compile(
    "(?:(?![" + "".join(re.escape(w) for w in cue_words("names", "not_in_place") if len(w) == 1) + rf"])[{CJK}\-－·—]){{1,14}}?"
    "[" + "".join(sorted({re.escape(w[0]) for w in cue_words("names", "place_suffix")})) + "]"
)


_ONE_CHAR_NOT_IN_PLACE = frozenset(w for w in cue_words("names", "not_in_place") if len(w) == 1)
_PLACE_SUFFIX_FIRST = frozenset(w[0] for w in cue_words("names", "place_suffix"))


def _place_shape_at(text: str, pos: int):
    """``_PLACE_SHAPE.match(text, pos)``, tried only where _PLACE_SHAPE_HINT matches."""
    return _PLACE_SHAPE.match(text, pos) if _PLACE_SHAPE_HINT.match(text, pos) else None


_OFFICES = "政府|议会|副州长|州长|副省长|省长|副市长|市长|知事|议长"
_PLACE_BEFORE_OFFICE = re.compile(
    rf"(?<=[，,、由])((?:(?!{_NOT_IN_PLACE})[{CJK}]){{2,8}}?)({cue_pattern('names', 'place_suffix')})(?={_OFFICES})"
)
# (The offices searched for first: a block that names none holds no such place.)
_OFFICE_WORD = re.compile(_OFFICES)
_FIRST = itemgetter(0)  # (a span's start)
_PLACE_TYPES = ("City", "Country", "Region")  # (the types _place_at looks up)
_PREPOSITION_SURNAMES = frozenset("于向")
_OPEN_QUOTES, _CLOSE_QUOTES = frozenset("“「『《\""), frozenset("”」』》\"")
# A word of numerals that starts a Japanese surname (五十岚忠孝, 一条, 三木).
_NUMERAL_WORD = re.compile(r"[一二三四五六七八九十百千]+")
_CLAUSE_END = re.compile(r"[，,。；;、：:）)]|$")
# (Or a dash: 卡尔古利—博尔德市.)
_HYPHEN_JOINED = re.compile(rf"[\-－—][{CJK}]{{1,6}}?({cue_pattern('names', 'place_suffix')})(?!长)")
_HYPHENS = frozenset("-－—")  # (the first characters of _HYPHEN_JOINED)
_PLACE_DESCRIBED = re.compile(cue_pattern("names", "place_described_by"))
_CAPITAL_OF = re.compile(cue_pattern("names", "capital_of"))
# (Not after a unit of its own: 波士顿市府 is the city's government.)
_REGION_SUFFIX = re.compile(rf"(?<![市县省区])(?:{cue_pattern('names', 'region_suffix')})(?![长委督尹])")
_COUNTRY_BOUND = tuple(cue_words("names", "country_bound"))
_DIRECTION_NAMES = frozenset(cue_words("names", "direction_names"))
_PLACE_UNIT_END = re.compile(f"(?:{cue_pattern('names', 'place_suffix')})$")
_REGION_SUFFIX_LAST = frozenset(w[-1] for w in cue_words("names", "region_suffix"))
_REGION_SUFFIX_FIRST = frozenset(w[0] for w in cue_words("names", "region_suffix"))  # (where _REGION_SUFFIX may match)
# (What a foreign city's own chain may start with right after it: see _places_after_country.)
_CITY_NEXT = _HYPHENS | _REGION_SUFFIX_FIRST
# The last characters of a region's or a city's name (清迈府, 横滨市): a transliterated name starts after them.
_UNIT_END = _REGION_SUFFIX_LAST | {"市"}
_ORG_STOP = re.compile(rf"(?:^|[，,。；;、：:与和及并在由向对把将为从各了的]|\d+个|{cue_pattern('names', 'org_start_after')})")


@Language.factory("kg_names", requires=["doc.user_data"], assigns=["doc.user_data"], default_config={"spans_key": RULE_KEY})
def make_name_rules(nlp: Language, name: str, spans_key: str) -> "NameRules":
    return NameRules(spans_key, nlp.tokenizer)


def _word_across(text: str, end: int) -> bool:
    """Whether a word of jieba's own dictionary starts before a name's last character and runs past
    its end (大都会 across 里昂大都|会): the name's ending is that word's. (A word that starts at the
    ending, 市政府 or 市长 after X市, is no matter.)"""
    freq = jieba.dt.FREQ
    return end >= 2 and any((freq.get(text[end - 2 : end + j]) or 0) >= 50 for j in (1, 2) if end + j <= len(text))


class NameRules:
    """Rule-based names: persons after titles, transliterated names, organisation and event shapes.

    Results are kept as (start, end, label, rule) character spans in
    ``doc.user_data[spans_key]``, because jieba's tokens do not always end
    where a name does.
    """

    def __init__(self, spans_key: str, tokenizer=None) -> None:
        self.spans_key = spans_key
        self.gaz = load()
        self.tokenizer = tokenizer
        self._seg = None
        self._title_end = re.compile("[" + "".join(map(re.escape, sorted(self.gaz.title_ends))) + "]")
        # The first and last characters of the places' forms (_place_at's types): a stretch that starts
        # (ends) with none of them is no place, and is not looked up (most dashes stand in dates).
        place_forms = [f for f, e in self.gaz.forms() if e.type in _PLACE_TYPES and f]
        self._place_firsts = frozenset(f[0] for f in place_forms)
        self._place_lasts = frozenset(f[-1] for f in place_forms)
        # The ids of the foreign cities and regions (their entry's country neither "" nor 中国), by id
        # → label: a chain of places after a country starts at one of them (see _places_after_country),
        # read without looking up each span's entry.
        self._foreign_places: dict[str, str] = {}
        for e in self.gaz.entries:
            if e.type in ("City", "Region") and f"{e.type}:{e.zh}" not in self._foreign_places:
                entry = self.gaz.by_id(f"{e.type}:{e.zh}", e.type)
                if entry is not None and entry.country not in ("", "中国"):
                    self._foreign_places[f"{e.type}:{e.zh}"] = e.type
        # Coming to a place written by its one-character abbreviation (访沪, 来滇, 抵京): words after a
        # name, never part of one (普京访沪期间; 索比亚宁市长访沪为契机). The abbreviations are the
        # gazetteer's (GB/T 2260).
        abbr = sorted({a for e in self.gaz.entries if e.country == "中国" for a in e.abbr if len(a) == 1})
        visit = f"(?:{cue_pattern('names', 'visit_before_abbreviation')})[{''.join(abbr)}]" if abbr else "(?!)"
        self._visit_here = re.compile(visit)
        self._foreign_name = re.compile(rf"([{CJK}]{{2,7}}?(?:[二三四五六七八]世)?)(?=视频|{visit}|{cue_pattern('names', 'tail')}|[、，,。；;：:（(0-9０-９]|$)")

    @property
    def seg(self):
        """The pipeline's own segmenter (its dictionary knows the gazetteer's words; rjieba cuts)."""
        if self._seg is None:
            seg = getattr(self.tokenizer, "kg_segmenter", None) or getattr(self.tokenizer, "jieba_seg", None) or jieba.dt
            seg.check_initialized()
            self._seg = seg
        return self._seg

    def _past_country(self, text: str, start: int, end: int, seg) -> int:
        """Where a company's name starts after a foreign country written before it as a modifier
        (瑞典沃尔沃汽车公司 → 沃尔沃汽车公司, 韩国现代汽车集团 → 现代汽车集团); a country followed by
        ordinary words is part of the name (哈萨克斯坦国家石油天然气公司), and so is 中国."""
        prefix, country = self.gaz.country_of_prefix(text[start:end])
        if not prefix or country == "中国" or end - start - len(prefix) < 4:
            return start
        rest = text[start + len(prefix) : end]
        known = any(self.gaz.lookup(rest[:n], ("Company", "Organization")) for n in range(len(rest), 1, -1))
        if rest.startswith(_COUNTRY_BOUND):
            return start  # (新加坡国立大学: the country is part of the name)
        first = next(iter(_cut(seg, rest)), "")
        return start + len(prefix) if known or not _is_common(first, seg) else start

    def _place_at(self, text: str, pos: int, backwards: bool = False) -> int:
        """Length of the longest place name ending (or starting) at ``pos``; 0 if none."""
        if (text[pos - 1 : pos] not in self._place_lasts) if backwards else (text[pos : pos + 1] not in self._place_firsts):
            return 0  # (no place's form ends (starts) with that character; "" at the text's edge)
        for n in range(6, 1, -1):
            w = text[pos - n : pos] if backwards else text[pos : pos + n]
            if len(w) == n and self.gaz.lookup(w, _PLACE_TYPES):
                return n
        return 0

    def _place_part(self, name: str) -> bool:
        """Whether a ·-joined name is really places (北京·香港…), not a transliterated person."""
        # Every part must start with a place (拉萨罗·布凯尔 is a person although 拉萨 is a city), and
        # one of them be a country or a Chinese place (戴维·伊格 is a person although small towns
        # abroad are called 戴维 and 伊格).
        # (A country's name that runs on into more than a place is a name's syllables: 阿曼|诺夫 of
        # 卡纳特·阿曼诺夫.)
        parts = []
        for part in re.split(r"[·•]", name):
            n, e = next(((n, e) for n in range(min(len(part), 6), 1, -1) if (e := self.gaz.lookup(part[:n], ("City", "Region", "Country")))),
                        (0, None))
            if e is None or e.type == "Country" and n < len(part) and not self.gaz.lookup(part[n:]):
                return False
            parts.append(e)
        return any(e.type == "Country" or e.country == "中国" for e in parts)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        seg = self.seg
        found: list[tuple[int, int, str, str]] = []
        named_before: dict[int, int] = {}  # where a title ends → the name read before it (its index in found)
        # A person after a title: 市长陈吉宁, 董事长康林松. Only a token ending in a title's last
        # character can be a title: those characters are found in the text, and the token ending
        # there by bisection over the token ends (read as an array: no Token objects).
        starts, ends = token_bounds(doc)
        gaz_spans = doc.user_data.get(GAZ_KEY, ())
        title_forms = self.gaz.title_forms
        # (A transliterated name holds a dot, a hyphened one a hyphen: the patterns are tried only in a
        # block that has one.)
        dotted = "·" in text or "•" in text
        hyphened = "-" in text or "－" in text
        for c in self._title_end.finditer(text):
            end = c.end()
            k = bisect_left(ends, end)
            if k == len(ends) or ends[k] != end:
                continue
            idx = starts[k]
            tok = text[idx:end]
            is_title = tok in title_forms
            # (A title is the longest title it ends with, if title_suffix reaches that far back.)
            if not (is_title and len(tok) <= 8) and not title_suffix(tok, self.gaz) and not self._unit_shared(text, idx, end, gaz_spans):
                continue
            if is_title:
                before = self._name_before_title(text, idx, starts, seg) or self._foreign_name_before_title(text, idx, gaz_spans, seg)
                if before:
                    named_before[end] = len(found)
                    found.append((idx - len(before), idx, "Person", "name+title"))
            latin = _LATIN_NAME.match(text, end)
            if latin:
                found.append((end, latin.end(), "Person", "title+latin"))
                continue
            m = (_TRANSLIT.match(text, end) if dotted else None) or (_HYPHENED_NAME.match(text, end) if hyphened else None)
            if m and title_prefix(text, end + (text[end : end + 1] == "兼"), self.gaz):
                m = None  # 书记|兼市长阿沙庞·通萨万: another title follows; the name is read after it
            if m and _after_joins(text, m.start(), m.start() + len(_DOT.split(m.group(0))[0]), seg) > m.start():
                m = None  # 州长赵文斌与坎潘·西提达蓬: the title's person is the first (the other is read on its own)
            if m and _ACT_IN_RUN.search(text, m.start() + 2, m.start() + len(_DOT.split(m.group(0))[0])):
                m = None  # 市长刘建华会见了马克·杜邦: an act before the dotted name; the title's person is before it
            if m and not self._place_part(m.group(0)):
                # (A common word between the title and the name is neither: 州长助理安德烈·尤先科.)
                first = _DOT.split(m.group(0))[0]
                # (A frequent one: 尼亚 in 尼亚木·索米亚巴扎尔 is the name's; so is a place's name only
                # the gazetteer makes a word, 梅塔 in 梅塔尔·雷哈维.)
                start = _skip_leading(text, m.start(), m.start() + len(first), seg,
                                      lambda t: _is_common(t, seg) and (jieba.dt.FREQ.get(t) or 0) >= 500)
                found.append((start, m.end(), "Person", "title+translit"))
                continue
            m = _PERSON_AFTER_TITLE.match(text, end)
            numeral = m is not None and _NUMERAL_WORD.match(m.group(0)) is not None
            # (于 and 向 are prepositions and surnames: 市长于海田在…, 书记向东会见…; not 市长于近日…,
            # 于北京, 向代表团介绍.)
            yu = m is not None and m.group(0)[0] in _PREPOSITION_SURNAMES and len(m.group(0)) == 3 and _CJK_PAIR.fullmatch(text[end + 1 : end + 3]) \
                and ((seg.FREQ.get(text[end + 1 : end + 3]) or 0) < 50 or _ACT_AFTER_NAME.match(text, end + 3)) \
                and not self.gaz.lookup(text[end + 1 : end + 3])
            if (m and (m.group(0)[0] not in _NOT_NAME_START or numeral or yu) and not _WORD_TAIL.match(text, end)
                    and not self._visit_here.match(text, end) and not self._visits_place(text, end)):
                foreign = self._foreign_before(text, idx, gaz_spans)
                name = self._trim_name(m.group(0), text, m.end(), seg, foreign)
                if numeral and not (foreign and len(name) >= 4):
                    continue  # (a foreign name may start with numerals, 五十岚忠孝; 主任三人 is no name)
                known = self.gaz.lookup(name) if name else None
                if name and (known is None or known.type in ("City", "Region") and _AFTER_PERSON.match(text, end + len(name))):
                    # (A place's name after a title and before words that follow persons is a person's:
                    # the rule's span takes the place of the gazetteer's.)
                    found.append((end, end + len(name), "Person", "title+name" if known is None else "title+name-over-place"))
        # A title with a name after it has none before it: 东方省呼拉尔主席巴特策策格 (呼拉尔, the
        # assembly, is the body whose chairman is named after the title).
        if named_before:
            dropped = {named_before[s] for s, _, _, rule in found if rule.startswith("title+") and s in named_before}
            found = [f for i, f in enumerate(found) if i not in dropped]
        dotted_places = None
        for m in _translit_runs(text) if dotted else ():  # (a run holds a dot: see _translit_runs)
            if dotted_places is None:  # (made for the few blocks that hold a dotted name)
                # A ·-joined place's name (萨图·马雷) is no transliterated person's.
                dotted_places = {(gs, ge) for gs, ge, gl, _ in gaz_spans if gl in ("City", "Region", "Country") and "·" in text[gs:ge]}
            if any(gs >= m.start() and ge == m.end() for gs, ge in dotted_places):
                continue
            first_end = m.start() + len(_DOT.split(m.group(0))[0])
            # The run does not start inside a place's name (清迈|府副府长…: 府 is the place's), nor with
            # one that ends in its unit word (清迈府巴育·詹; but 阿曼达·琼斯 holds the country 阿曼).
            base = m.start()
            for gs, ge, _, _ in gaz_spans:  # (in text order: 国|清迈府|巴育 moves past both)
                if gs <= base < ge < first_end and (gs < base or text[ge - 1] in _UNIT_END):
                    base = ge
            start = base
            # A title written before the name is not part of it: 首席执行官布莱恩·罗伯兹.
            for i in range(first_end - base - 1, 0, -1):
                if title_suffix(text[max(0, base + i - 8) : base + i], self.gaz):
                    start = base + i
                    break
            # So is a verb before it: 会见班哲明·凯瑟克 (or a nationality's 籍: 美国籍专家约翰·史密斯).
            # (Not a name the pipeline's dictionary holds only as a place's: 卡纳|特·阿曼诺夫 is one name.)
            start = _skip_leading(text, start, first_end, seg,
                                  lambda t: _is_common(t, seg) and (jieba.dt.FREQ.get(t) or 0) >= 50 or _NAME_LEAD.fullmatch(t))
            start = _after_joins(text, start, first_end, seg)
            name = text[start : m.end()]
            if _INSTITUTION_END.search(name):
                continue
            if text[m.end() : m.end() + 1] in _CLOSE_QUOTES and _quote_open_before(text, start):
                continue  # (a quoted name of a thing: 举办“湾区智造·投资南海”推介会, 以“丝路同行·文明互鉴”为主题)
            if self._place_part(name) or _is_common_words(name.replace("·", ""), seg):
                continue
            found.append((start, m.end(), "Person", "translit"))
        for m in _COMRADE.finditer(text) if "同志" in text else ():  # (the regex tried at every character is slow)
            name = m.group(1)
            if is_chinese_surname(name) and not re.search(r"负责|领导|有关|相关", text[max(0, m.start(1) - 2) : m.end(1)]):
                found.append((m.start(1), m.end(1), "Person", "comrade"))
        orgs: list[tuple[int, int, str, str]] = []
        # (A name's ending is looked for first: most blocks have none, and the full pattern is slow.)
        for m in _org_shapes(text):
            if _WORD_TAIL.match(text, m.end() - 1):
                continue  # (the ending's last character starts a word after names: 市政协会见 holds 协会, 会见 is the word)
            s = m.group(0)
            cut = 0
            for x in _ORG_STOP.finditer(s):
                cut = x.end()  # (the last stop's end: the ends only grow)
            start = m.start() + cut
            # A verb before the name is not part of it: 指导北京外国语大学, 组建研究中心.
            start = _skip_leading(text, start, m.end(), seg, lambda t: _is_common(t, seg) and _VERBISH.match(t))
            if text[start] in "以经由应" and self._place_at(text, start + 1):
                start += 1  # a preposition before a place: 以北京推进…领导小组组建一周年为契机, 应俄罗斯…邀请
            start = self._past_country(text, start, m.end(), seg)
            name = text[start : m.end()]
            if "”" in name and name.index("”") < name.find("“") % (len(name) + 1):
                # A closing quote first: the name starts after it.
                start += name.index("”") + 1
                name = text[start : m.end()]
            core = _ORG_SUFFIX.sub("", name)
            bare = len(core) < 2
            # (Not right after a body's name: 武汉大学|中南医院 is that body's hospital, named by it.)
            if _GENERIC_BODY.search(name) and len(core) <= 4 and not (orgs and orgs[-1][1] == start) and all(
                _is_common(t, seg) and not self.gaz.lookup(t) for t in _cut(seg, core)
            ):
                bare = True  # 专项工作组, 境外商协会: ordinary words before a generic ending, no name
            # (A quoted word may start a name when the name goes on after it: “一带一路”地方合作委员会.)
            quoted_start = name.startswith("“") and len(name) - name.find("”") > 4
            if len(name) >= 4 and not bare and name.count("“") == name.count("”") and (not name.startswith("“") or quoted_start):
                label = "Company" if _COMPANY_END.search(name) else "Organization"
                # A body inside a body: 世界自然基金会 + 北京代表处 is one name.
                if orgs and orgs[-1][1] == start:
                    orgs.append((orgs[-1][0], m.end(), label, "org-shape"))
                orgs.append((start, m.end(), label, "org-shape"))
        found.extend(orgs)
        for m in matches_in(_QUOTED_EVENT, text):
            inner = m.group(1)
            if _DESCRIPTIVE.search(inner):
                continue  # “中央部委主办的重大专业性国际活动”: a kind of event, not a name
            # A quoted name followed by an event word, or listed before one (“丝路一家亲”、“我与北京”等活动).
            tail = text[m.end() : m.end() + 40]
            listed = re.match(r"^(?:[^。；;，,]{0,20}?、)*[^。；;，,、]{0,12}?等(?:[\u4e00-\u9fff]{0,6}?)(?:系列)?活动", tail)
            # (Not across 和 or 及 to another event: “丝路友城”摄影展|和友城美食节.)
            named = re.match(rf"^(?:(?![和及])[{CJK}A-Za-z0-9]){{0,16}}?(?:{_EVENT_WORDS}|活动|之旅)", tail)
            if named and ("的" in named.group(0) or "等" in named.group(0) or _HELD_WORD.search(named.group(0))):
                named = None  # (“两国五城”合作框架下和继续举办一系列国际活动: a clause, not a name)
            if named and named.group(0) and m.end() + named.end() not in ends:  # (a list's ``in``: asked for few quoted names)
                named = None  # the event word runs into a word: “一带一路”重要节|点城市
            if named and not _GENERIC_TAIL.match(named.group(0)) and not self._place_at(tail, 0):
                # The words after the quotes are part of the name: “一带一路”国际青年创新创业论坛.
                found.append((m.start(), m.end() + named.end(), "Event", "quoted-event"))
                if EVENT_SUFFIX.search(inner) or re.match(r"(?:19|20)\d\d", inner):
                    # …and the quoted name may be an event of its own: “2020地球一小时”北京主场熄灯仪式.
                    found.append((m.start(1), m.end(1), "Event", "quoted-event"))
            elif listed and not re.match(r"^[、等和及“\"]", tail):
                # A listed item runs to the next 、: “一带一路”文化之旅.
                item = re.match(r"^[^、等和及]{1,12}", tail)
                found.append((m.start(), m.end() + item.end(), "Event", "quoted-event"))
            elif EVENT_SUFFIX.search(inner) or named or listed:
                found.append((m.start(1), m.end(1), "Event", "quoted-event"))
        for m in matches_in(_DASH, text):
            left = self._place_at(text, m.start(), backwards=True)
            right = self._place_at(text, m.end()) if left else 0  # (read only after a place)
            tail = _PAIR_TAIL.match(text, m.end() + right) if left and right else None
            if tail:
                start = m.start() - left
                ordinal = _ORDINAL_BEFORE.search(text, max(0, start - 6), start)  # (第7届中国－南亚博览会)
                found.append((ordinal.start() if ordinal else start, tail.end(), "Event", "pair-event"))
        # An event named by two places joined by 与 (天津市与神户市结好50周年纪念活动,
        # 浦东新区与美国马里兰州蒙哥马利郡友好交流合作备忘录签约仪式).
        # (Only a block with 与 or 和 can join two places: the others skip the tables below.)
        if "与" in text or "和" in text:
            places = [(s, e) for s, e, label, _ in gaz_spans if label in ("City", "Region", "Country")]
            place_ends = {e: s for s, e in places}
            place_starts = {s: e for s, e in places}
            countries = {s: e for s, e, label, _ in gaz_spans if label == "Country"}
            for e, s in place_ends.items():
                if text[e : e + 1] in ("与", "和") and e + 1 in place_starts:
                    second, second_end = e + 1, place_starts[e + 1]
                    if second in countries and countries[second] in place_starts:
                        # (The second place written after its country: 天津市与澳大利亚|墨尔本市…. Not one no
                        # gazetteer lists, which the event's name would hide from the partner rules.)
                        second = countries[second]
                        second_end = place_starts[second]
                    m = _JOINED_EVENT.match(text, second_end)
                    # (Not when more places follow the second: their ties are read by the partner rules.)
                    # (Nor a place's shape that is the word for cities: 缔结友好|城市.)
                    more = m and (any(second_end < ps < m.end() for ps in place_starts) or any(
                        not x.group(0).endswith("城市") for x in _PLACE_SHAPE.finditer(m.group(0), second_end - m.start() + 1)))
                    # (Nor a clause that holds or attends the event: …共同组队参加了…比赛, …举行友好城市云签约仪式.)
                    if m and not more and re.search(r"周年|签约|签字|交流|合作|友好", m.group(0)) and not _HELD_IN_JOINED.search(m.group(0)):
                        found.append((s, m.end(), "Event", "joined-event"))
        # Expos named short (智博会, 哈洽会, 西博会): a word of three ending in 博会, 洽会 or 交会.
        for m in matches_in(_PARTY_CONGRESS, text):
            found.append((m.start(), m.end(), "Event", "party-congress"))
        for m in matches_in(_SHORT_EXPO, text) if _SHORT_EXPO_END.search(text) else ():
            found.append((m.start(), m.end(), "Event", "short-expo"))
        for m in _SESSION_EVENT.finditer(text) if "会议" in text else ():  # (as slow: most blocks name no session)
            cut = max((x.end() for x in _ORG_STOP.finditer(m.group(0))), default=0)
            start = _skip_leading(text, m.start() + cut, m.end(), seg, _VERBISH.match)
            if text[start] in "经以" and self._place_at(text, start + 1):
                start += 1
            if m.end() - start >= 8:
                found.append((start, m.end(), "Event", "session-event"))
        # (Only where an event's word is written: a year or an ordinal alone makes the pattern try long.
        # Searched once for both patterns that need one.)
        event_word = _EVENT_WORD.search(text) is not None
        for m in matches_in(_YEAR_EVENT, text) if event_word else ():
            if "”“" in m.group(0):
                continue  # two quoted names in a row (“2012新潟县物产展”“山形县风情节”): each is its own
            if m.group(0)[-1] in "周节" and any(title_suffix(text[max(0, m.end() - k - 8) : m.end() - k], self.gaz) for k in (2, 3)):
                continue  # (a person's name after a title, no event: …市长金周|荣一行 does not end in 周, a week)
            start = m.start()
            # A name that opens with a quoted year: “2020地球一小时”北京主场熄灯仪式.
            if start and text[start - 1] == "“" and "”" in m.group(0):
                start -= 1
            held = None
            for held in _HELD_BY.finditer(text, start, m.end()):
                pass
            if held is not None and m.end() - held.end() >= 4:
                start = held.end()  # (2012年全国友协举办的|中国国际友好城市大会: who held it is no part of the name)
            found.append((start, m.end(), "Event", "event-shape"))
            more = _EVENT_MORE.match(text, m.end())
            if more:
                # One event under several names: …座谈会暨…签署仪式, …论坛智能+交通平行论坛, …论坛“…峰会”平行论坛.
                found.append((start, more.end(), "Event", "event-shape"))
        if "届" in text:
            shaped = {f[0] for f in found if f[2] == "Event"}
            for m in _EDITION_EVENT.finditer(text):
                if m.start() not in shaped and not _EDITION_BODY.search(m.group(0)):
                    found.append((m.start(), m.end(), "Event", "event-shape"))
        for m in chain(matches_in(_HELD_EVENT, text), _AT_EVENT.finditer(text) if event_word else ()):
            pos = m.start(1)
            # Events listed with 、, 和 or 及 after an event word (…理事会大会和中国—法国论坛): one each.
            parts = re.split(r"((?<=[坛会节周赛班式动展年])(?:以及|[、和及])|、)", m.group(1))
            for item, sep in zip(parts[::2], [*parts[1::2], ""]):
                if item:
                    s = _skip_leading(text, pos, pos + len(item), seg, lambda t: _is_common(t, seg) and _VERBISH.match(t))
                    venue = _HELD_AT.match(text, s, pos + len(item))
                    if venue:
                        s = venue.end()  # 出席了在东京举行的…大会: the venue is no part of the name
                    when = _EVENT_TIME.match(text, s, pos + len(item))
                    if when:
                        s = when.end()  # (参加明年的|…旅游节: when it is held is no part of the name)
                    e = pos + len(item)
                    for held in _HELD_BY.finditer(text, s, e):
                        if e - held.end() >= 6:
                            s = held.end()  # (参加了全国友协主办的|中日…友谊比赛: who held it is no part of the name)
                    # A held event is named: a number, a place, quotes or a joint name in it, or a long name.
                    named = re.search(r"[\d·—“]", text[s:e]) or e - s >= 12 or _JOINT_NAME.match(text, s) or any(
                        a >= s and b <= e and label in ("City", "Country", "Region") for a, b, label, _ in gaz_spans
                    )
                    counted = re.match(r"[\d十百千几数]+[余多]?[场个次项届]", text[s:e])  # 出席10余场发布会: how many, not which
                    # (A quoted name and a part of its event, “…”开展仪式: the quoted-name rule reads it.)
                    if "的“" in text[s:e]:
                        s += text.index("的“", s, e) + 1 - s  # (当地的|“国王日”庆典: what is said of it is no part of its name)
                    quoted_part = re.fullmatch(r"“[^”]+”(.+)", text[s:e])
                    counted = counted or quoted_part is not None and _GENERIC_TAIL.match(quoted_part.group(1)) is not None
                    # (Five characters where a place names it: 骊州陶瓷节.)
                    long_enough = e - s >= 6 or e - s == 5 and any(
                        a >= s and b <= e and label in ("City", "Region") for a, b, label, _ in gaz_spans)
                    # (Brackets hold the place it is held in, 中国（绵阳）科技城…博览会, or they are no part of a name.)
                    bracket = _BRACKETED.search(text, s, e)
                    placed = bracket is None or any(a >= bracket.start() and b <= bracket.end() and label in ("City", "Region")
                                                    for a, b, label, _ in gaz_spans)
                    if long_enough and named and placed and not counted and item.count("“") == item.count("”"):
                        found.append((s, e, "Event", "held-event"))
                pos += len(item) + len(sep)
        # A year of a country's with China, named so (中俄旅游年, 中俄青年友好交流年): an event, held or not.
        for m in matches_in(_JOINT_YEAR, text) if "年" in text else ():
            found.append((m.start(), m.end(), "Event", "joint-year"))
        # (Not across a transliterated name read after a title: 总领事阿曼别克·卡迪尔别科夫 starts with 阿曼.)
        # (As the names are once their tails are cut: 约翰·鲍尔斯|率领的卡尔古利-博尔德市.)
        # (The dotted persons are read only for a block with such places.)
        after_country = self._places_after_country(text, gaz_spans, seg)
        # (A person's span is cleaned once, by where it starts and ends, whatever its rule: the dotted
        # names are cleaned here and again with the others at the end.)
        cleaned: dict[tuple[int, int], tuple] = {}
        if after_country:
            dotted = [(s, e) for s, e, label, rule in (self._cleaned_person(text, f, seg, cleaned) for f in found
                                                         if f[2] == "Person" and f[3] in ("title+translit", "translit"))]
            found.extend(p for p in after_country if not any(s < p[1] and p[0] < e for s, e in dotted))
        found.extend(self._places_before_offices(text, gaz_spans, seg))
        found.extend(self._cities_before_officials(text, seg, gaz_spans, found))
        found.extend(self._regions_of_cities(text, starts, ends))
        bodies = find_bodies(text, gaz_spans, self.gaz, self.gaz.title_forms, starts, ends)
        found.extend(bodies)
        # A body of a foreign place written after its country (越南|老街省人民委员会) is that place's
        # body, the country a mention of its own: not one organisation's name from the country on.
        after_country = {(gs, be) for gs, ge, gl, _ in gaz_spans if gl == "Country"
                         for bs, be, _, rule in bodies if bs == ge and rule == "body-of-place"} if bodies else ()
        if after_country:
            found = [f for f in found if not (f[3] == "org-shape" and (f[0], f[1]) in after_country)]
        if found:  # (most blocks have no name: no list to read again, nor after a titled name)
            found = [self._cleaned_person(text, f, seg, cleaned) if f[2] == "Person" else f for f in found]
            found.extend(self._listed_after(text, found, seg))
        doc.user_data[self.spans_key] = found
        return doc

    def _listed_after(self, text: str, found: list, seg) -> list:
        """Chinese names listed after a titled one with 、 or 和 (市领导张新竹、宋明杰): the title
        holds for the whole list."""
        out = []
        ends = sorted(e for s, e, label, rule in found if label == "Person" and rule == "title+name")
        for e in ends:
            while e < len(text) and text[e] in "、和及":
                if is_chinese_surname(text[e + 1 : e + 3]):
                    name = self._chinese_name(text, e + 1, seg)
                else:
                    # (Or a name of no surname, as Tibetan, Uyghur and Mongolian names are, closing the
                    # item: 副主任张建华、次仁卓嘎，秘书长…; each of its words one no dictionary holds.)
                    m = _UNSURNAMED_ITEM.match(text, e + 1)
                    name = m.group(1) if m and text[e + 1] not in _NOT_NAME_START and not any(
                        (seg.FREQ.get(t) or 0) > 0 and len(t) >= 2 for t in _cut(seg, m.group(1))) else ""
                    if not name:
                        break
                if not name or _is_common_words(name, seg) or title_suffix(text[e + 1 : e + 1 + len(name) + 2], self.gaz) \
                        or any(self.gaz.lookup(name[:k]) for k in range(2, len(name) + 1)):
                    break  # (韩国驻成都总领事…: a country starts the next item, no name)
                out.append((e + 1, e + 1 + len(name), "Person", "listed-name"))
                e += 1 + len(name)
        return out

    @classmethod
    def _cleaned_person(cls, text: str, span: tuple, seg, cleaned: dict) -> tuple:
        """:meth:`_clean_person`, remembered in ``cleaned`` (for one text) by the span's bounds: the
        label and rule pass through it unchanged."""
        bounds = cleaned.get(span[:2])
        if bounds is None:
            bounds = cleaned[span[:2]] = cls._clean_person(text, span, seg)[:2]
        return (*bounds, span[2], span[3])

    @staticmethod
    def _clean_person(text: str, span: tuple, seg) -> tuple:
        """A person's span without the words that follow names (…时, …一行, …和) and, for a
        transliterated name, without a common word before it (代表詹姆斯·鲁滨逊)."""
        s, e, label, rule = span
        dot = max(text.rfind("·", s, e), text.rfind("•", s, e))
        if dot >= 0:
            first_end = min(i for i in (text.find("·", s, e), text.find("•", s, e)) if i >= 0)
            # A word before the name that runs into it (…代表|克里斯蒂安, 市代表基里尔): the name starts after it.
            for m in _NAME_LEAD.finditer(text, max(0, s - 3), first_end - 1):
                if m.start() < first_end - 1 and m.end() > s and first_end - m.end() >= 1 and len(m.group(0)) >= 2:
                    s = m.end()
            while first_end - s > 1 and (m := _NAME_LEAD.match(text, s, first_end - 1)):
                s = m.end()
            # Nor a title the run took in with the words before it (代表团一等秘书|克劳斯·迈尔, 东亚局项目官员|阿尼尔).
            gaz = load()
            inner = next((k for k in range(first_end - 1, s + 1, -1) if title_suffix(text[s:k], gaz)), None)
            if inner is not None:
                s = inner
        # A name keeps at least two characters (one after the dot of a transliteration).
        for i in range(dot + 2 if dot >= 0 else s + 2, e):
            t = _NAME_TAIL.match(text, i)
            if t and (text[i] in _PERSON_JOINS and (g := _GIVEN_BEFORE_TAIL.match(text, i + 1) or _GIVEN_BEFORE_ACT.match(text, i + 1))
                      and g.end() == e
                      or text[i] in _GIVEN_NAME_END and i + 1 == e and i - s >= 2
                      or text[i] in _PERSON_JOINS and i + 1 == e and i - s >= 2 and dot < 0
                      and (_STRONG_AFTER_PERSON.match(text, e) or re.match(r"[，,。；;、]", text[e : e + 1]))):
                # (A given name led by 和, or ending in 也 or in a joining word that joins nothing, read so
                # by _given_after_join: 大森和彦率领的, 佐藤正和一行.)
                continue
            if t and text[i] in _PERSON_JOINS and dot >= 0 and i == dot + 2 and not _DOT.search(text, i, e):
                # (A part of one character after the dot, then 和 and no other dotted name: the part goes
                # on, 巴·孟和巴雅尔; a person joined so would be written whole, 巴·孟和X·Y.)
                continue
            if t and not (dot < 0 and i - s == 2 and t.end() == e and t.end() - i == 1 and _CLAUSE_END.match(text, e)):
                # (A one-character tail word closing the clause is the name's last character: 姜有为。)
                e = i
                break
        if dot >= 0:
            # Nor a word of coming and a Chinese place after it (安德烈·波波夫|来延边访问).
            gaz = load()
            for i in range(dot + 2, e):
                if _VISIT_WORD.match(text, i) and any(
                        (x := gaz.lookup(text[i + 1 : i + 1 + n], ("City", "Region"))) is not None and x.country == "中国"
                        for n in (4, 3, 2) if i + 1 + n <= len(text)):
                    e = i
                    break
        if dot >= 0 and e - dot > 3:
            # The last part of a transliteration ends where an ordinary word starts (莫莱尼从事…).
            pos = dot + 1
            for tok in _cut(seg, text[dot + 1 : e]):
                # (A word jieba knows only a little is a syllable of the name: 希兹|尼亚|克.)
                if pos >= dot + 3 and _is_common(tok, seg) and (seg.FREQ.get(tok) or 0) >= 300 and not load().lookup(tok):
                    e = pos
                    break
                pos += len(tok)
        return (s, e, label, rule)

    def _city_with_one_more(self, text: str, s: int, e: int, seg) -> bool:
        """Whether the foreign city ``text[s:e]`` and the one character after it, before 市, name another
        city (不来梅|港市): a Chinese character that is no unit word and no word of its own with 市
        (城市, 都市, 超市, 上市 …), and no city the gazetteer lists under that name."""
        one = text[e]
        return (_CJK_CHAR.match(one) is not None and one not in _ONE_CHAR_NOT_IN_PLACE and one not in _PLACE_SUFFIX_FIRST
                and one not in _COUNT_NUMERALS  # (蒙彼利埃|两市: the two cities named)
                and not _is_common(text[e : e + 2], seg) and text[e + 2 : e + 3] != "长" and not self.gaz.lookup(text[s : e + 2]))

    def _places_after_country(self, text: str, gaz_spans, seg) -> list:
        """Foreign places no gazetteer lists, by their shape right after their country or after
        another such place (以色列希弗谷区, 意大利曼托瓦省圭迪佐洛市), and in a list after one
        (韩国忠清北道、忠清南道). A name must not start with an ordinary word (美国企业到广州)."""
        out = []
        # Only another country, or a foreign place, may start a chain: the others are passed over first
        # (most blocks name neither, and the sets below took longer than the rest).
        # (``foreign``: a foreign city's or region's, looked up in a table made once, not per span.)
        # (A start that cannot lead anywhere is passed over here too, by the first test each step below
        # makes of it: a country followed by no place's shape, a foreign city by no hyphen, region's unit
        # or ward's 区. Most are.)
        foreign_places = self._foreign_places
        starts = []
        for s, e, label, ent_id in gaz_spans:
            if label == "Country":
                if not ent_id.endswith(":中国") and (_PLACE_SHAPE_HINT.match(text, e) or text[e : e + 1] == " "):
                    starts.append((s, e, label, ent_id, False))
            elif foreign_places.get(ent_id) == label:
                if label == "City" and text[e + 1 : e + 2] == "市" and self._city_with_one_more(text, s, e, seg):
                    # 不来梅|港市: a longer city's name (Bremerhaven, not Bremen), one character on.
                    out.append((s, e + 2, "City", "place-after-country"))
                elif label != "City" or text[e : e + 1] in _CITY_NEXT or text.find("区", e + 2, e + 15) >= 0:
                    starts.append((s, e, label, ent_id, True))
        if not starts:
            return out
        span_starts = set(map(_FIRST, gaz_spans))
        # (The tables below are made once a place's shape is found after a country: most chains end
        # at their first step.)
        country_starts: set[int] | None = None
        place_spans: dict[int, list[int]] = {}  # where a gazetteer place starts → where it ends
        for s, e, label, ent_id, foreign in starts:
            if foreign and e not in span_starts:
                # (Each pattern below is tried only where its first character follows the place: most
                # places are followed by neither a hyphen nor a region's unit.)
                after = text[e : e + 1]
                # A known place's name joined to another's by a hyphen (卡尔古利-博尔德市): the joined city.
                joined = _HYPHEN_JOINED.match(text, e) if after in _HYPHENS else None
                # (Not two known places joined: 首尔—釜山市.)
                if joined and not self.gaz.lookup(text[s : joined.end()]) and not any(
                        self.gaz.lookup(f) for f in (text[e + 1 : joined.end()], text[e + 1 : joined.start(1)])):
                    out.append((s, joined.end(), "City" if joined.group(1) in ("市", "町", "村", "镇") else "Region", "place-after-country"))
                    continue
                m = _REGION_SUFFIX.match(text, e) if after in _REGION_SUFFIX_FIRST else None
                if (m and not self.gaz.lookup(text[s : m.end()])
                        and text[e - 1] != text[e]):  # (庆尚南道|道知事: the unit is written twice, once the title's)
                    out.append((s, m.end(), "Region", "place-after-country"))
                elif label == "Region" and text[e : e + 1] == "市" and text[e + 1 : e + 2] != "长":
                    out.append((s, e + 1, "City", "place-after-country"))  # 波尔图市: the city of a region's name
            # (A city of a foreign region may follow it after 的: 托斯卡纳大区的|福尔特马尔米市.)
            of_region = (label == "Region" and text[e : e + 1] == "的" and foreign
                         and (shape := _PLACE_SHAPE.match(text, e + 1)) is not None and shape.group(2) == "市")
            if foreign and not of_region:
                # A foreign region may start a chain too: 加拿大魁北克省沙威尼根市; a foreign city its
                # ward (仁川广域市延寿区). (A chain's other start is a country other than 中国.)
                # (A city's ward ends in its unit 2 to 14 characters on, the longest a shape's name runs:
                # a city with none there is passed over before the shape is tried.)
                if label == "City" and text.find("区", e + 2, e + 15) < 0:
                    continue
                shape = _place_shape_at(text, e)
                if not (shape and (label == "Region" or label == "City" and shape.group(2) == "区" and len(shape.group(1)) >= 2)):
                    continue
            pos = e + 1 if of_region else e
            while True:
                if text[pos : pos + 1] == " ":
                    pos += 1  # 日本 长野市 (a list's padding)
                capital = _CAPITAL_OF.match(text, pos) if pos > e else None
                if capital:
                    pos = capital.end()  # 潘菲洛夫区首府|扎尔肯特市: the region's capital
                m = _place_shape_at(text, pos)
                if m is None:
                    break  # (most chains end at their first step: no place's shape after the country)
                described = max((d.end() for d in _PLACE_DESCRIBED.finditer(m.group(1))), default=0)
                if described and m.end(1) - (m.start() + described) >= 2:
                    m = _PLACE_SHAPE.match(text, m.start() + described)  # 探险胜地|皇后镇: the name after its description
                if not m or (self._ordinary_start(m.group(1), seg) and m.group(1) not in _DIRECTION_NAMES) or self._title_over(text, m.start(), m.end()):
                    break
                if country_starts is None:
                    country_starts = {gs for gs, _, gl, _ in gaz_spans if gl == "Country"}
                    for gs, ge, gl, _ in gaz_spans:
                        if gl in ("City", "Region"):
                            place_spans.setdefault(gs, []).append(ge)
                if any(place_spans.get(ge) for ge in place_spans.get(m.start(), ()) if ge < m.end()):
                    break  # two places the gazetteer knows, one after the other (加利福尼亚州|长滩市: not 州长)
                if m.end(1) - 1 in place_spans.get(m.start(), ()) and text[m.end(1) - 1] in _COUNT_NUMERALS:
                    break  # a place and a count of places (荷兰埃因霍温|三市: the three cities named)
                if "和" in m.group(1) and any(self.gaz.lookup(part) for part in m.group(0).split("和", 1)):
                    break  # (Two places joined by 和, one of them known: 首尔和光州市 is no 哈拉和林市)
                end = m.end() - 1 if m.group(0).endswith("城市") else m.end()  # 伦敦金融城市(长): 城 + 市
                if end - m.start() < 2:
                    break  # (巴西城市: the word for cities, no place 城)
                if _word_across(text, end):
                    break  # (法国里昂大都会: 大都会 is a word, 里昂大都 no place)
                typ = "City" if m.group(2) in ("市", "町", "村", "镇", "都") else "Region"
                if typ == "Region" and text[end : end + 1] == "市" and text[end + 1 : end + 2] != "长":
                    end, typ = end + 1, "City"  # 韩国尚州市: a city whose name ends in a region's unit word
                if not self.gaz.lookup(text[m.start() : end]):
                    out.append((m.start(), end, typ, "place-after-country"))
                pos = max(m.end(), end)
                if pos < len(text) and text[pos] == "、":
                    pos += 1
                if pos in country_starts:
                    break  # the next item names its own country
        return out

    def _cities_before_officials(self, text: str, seg, gaz_spans, names: list) -> list:
        """Foreign cities no gazetteer lists, written before their mayor and a transliterated name
        (李志刚与维泰博市市长乔瓦尼·罗西举行会谈): from the word or mark before them (与, 会见, ，) to 市.
        Their country is read from the sentence (在意大利期间, …) by the extraction. No name taken
        (``gaz_spans`` or the rules' ``names``) overlaps them: 坦桑尼亚|阿鲁沙市 is known."""
        out = []
        taken = None
        # (Only before a dotted name: a block with no dot is passed over.)
        for m in matches_in(_CITY_BEFORE_OFFICIAL, text) if "·" in text or "•" in text else ():
            if taken is None:
                taken = (*gaz_spans, *names)  # (made for the few blocks that hold such a city)
            end = m.end()
            # (A lead word right before a two-character name is no part of it: 与|该市市长.)
            start = max((b.end() for b in _CITY_LEAD.finditer(text, max(0, end - 11), end - 2)), default=-1)
            name = text[start:end] if start >= 0 else ""
            if (len(name) < 3 or not _CJK_RUN.fullmatch(name) or any(t[0] < end and start < t[1] for t in taken)
                    or self._ordinary_start(name[:-1], seg) or _is_common_words(name[:-1], seg)):
                continue
            out.append((start, end, "City" if m.group("unit") == "市" else "Region", "place-before-official"))
        return out

    def _unit_shared(self, text: str, idx: int, end: int, gaz_spans) -> bool:
        """Whether a place's unit word is also the first character of the title after it (东兴市|领导
        陈明辉: 市领导, the segmenter cut 东兴市 whole)."""
        return idx > 0 and text[idx - 1 : end] in self.gaz.title_forms and any(
            ge == idx and gl in ("City", "Region") for _, ge, gl, _ in gaz_spans)

    def _title_over(self, text: str, start: int, end: int) -> bool:
        """Whether a title starts at ``start`` and runs past ``end`` (副府 in 清迈府副府尹 is the title 副府尹)."""
        return len(title_prefix(text, start, self.gaz)) > end - start

    def _regions_of_cities(self, text: str, starts, ends) -> list:
        """A region named after its foreign city, written as one jieba word (伊尔库茨克州, 新潟县): the
        word is the city's name and a region's ending, and no gazetteer lists it."""
        out = []
        for ts, te in tokens_ending_in(text, starts, ends, _REGION_SUFFIX_LAST, 3):
            m = next((x for k in range(2, te - ts) if (x := _REGION_SUFFIX.fullmatch(text, ts + k, te))), None)
            if m is None or self.gaz.lookup(text[ts:te]):
                continue
            city = self.gaz.lookup(text[ts : m.start()], ("City",))
            if city is not None and city.country not in ("", "中国"):
                out.append((ts, te, "Region", "region-of-city"))
        return out

    def _places_before_offices(self, text: str, gaz_spans, seg) -> list:
        """Foreign places no gazetteer lists, named before their government or an office of theirs
        in a sentence that names a foreign country before them (由俄罗斯…,外贝加尔边区政府副主席…,
        萨哈共和国政府副主席…率领的代表团)."""
        # (A block with none of the offices' words has no such place: the rest is skipped.)
        if _OFFICE_WORD.search(text) is None:
            return []
        countries = [e for s, e, label, ent_id in gaz_spans if label == "Country" and not ent_id.endswith(":中国")]
        if not countries:
            return []
        # (Only a place in the sentence of the first foreign country, after it, is read below: the
        # sentence must hold an office's word after the country.)
        first = min(countries)
        stop = text.find("。", first)
        if _OFFICE_WORD.search(text, first, stop if stop >= 0 else len(text)) is None:
            return []
        out = []
        for m in _PLACE_BEFORE_OFFICE.finditer(text):
            if first > m.start() or "。" in text[first : m.start()] or self._ordinary_start(m.group(1), seg):
                continue
            # (Not a word before the name: 拜会|若因维莱市市长….)
            start = max((w.end() for w in _NAME_LEAD.finditer(text, m.start(), m.end(1) - 2) if w.start() == m.start()), default=m.start())
            if self.gaz.lookup(text[start : m.end()]) or any(gs <= start < ge for gs, ge, *_ in gaz_spans):
                continue
            out.append((start, m.end(), "City" if m.group(2) == "市" else "Region", "place-after-country"))
        return out

    def _ordinary_start(self, stem: str, seg) -> bool:
        """Whether ``stem`` starts with, or holds, an ordinary word (gazetteer names are not ordinary
        words, although the pipeline's jieba knows them as frequent ones)."""
        cut = _cut(seg, stem)
        toks = [t for t in cut if not self.gaz.lookup(t)]
        if not toks:
            return False
        first = cut[0]
        return (first == toks[0] and len(first) >= 2 and (seg.FREQ.get(first) or 0) > 1000) or any(len(t) >= 2 and (seg.FREQ.get(t) or 0) > 5000 for t in toks)

    def _name_before_title(self, text: str, idx: int, starts: list[int], seg) -> str:
        """A Chinese name written right before a title (章笑梅主任, 陈杰副市长): two or three
        characters from a surname, where a token starts, and not ordinary words or a known name."""
        for n in (3, 2):
            s = idx - n
            if s < 0:
                continue
            k = bisect_left(starts, s)
            if k == len(starts) or starts[k] != s:
                continue
            name = text[s:idx]
            if (n == 3 and name in person_words() and not self.gaz.lookup(name) and not _BODY_END.search(name)
                    and (seg.FREQ.get(name[:2]) or 0) < 100  # (not 金融|城, 宣传|部: words, not a surname and a name)
                    and not self._inside_a_run(text, s, starts, k, seg)):
                return name  # a person jieba's dictionary knows (习近平主席, 转交楼阳生省长…): a word of its own
            if not is_chinese_surname(text[s : s + 2]) or text[s] in _NOT_NAME_START:
                continue
            if self.gaz.lookup(name) or not _CJK_RUN.fullmatch(name) or _is_common_words(name, seg):
                continue  # (the look-up first: the cheapest)
            if _REGION_SUFFIX.fullmatch(name, len(name) - 1) and self.gaz.lookup(name[:-1], ("City",)):
                continue  # 孔敬府府尹: the region of a city's name (孔敬), no person
            if s > 0 and not _BEFORE_NAME.match(text[s - 1]) and not _NAME_LEAD_END.search(text, 0, s):
                continue  # inside a longer word: 都文平副主任 is not 文平 (but 会见|林志坚市长 is)
            if title_suffix(text[max(0, s - 8) : s], self.gaz):
                continue  # 市长陈吉宁主任: the name after the first title is read there
            return name
        return ""

    @staticmethod
    def _inside_a_run(text: str, s: int, starts: list[int], k: int, seg) -> bool:
        """Whether the token at ``s`` (the ``k``-th) ends a longer run of characters: the token before
        it is no word and no word of leading a name (会见|卡鲁纳|拉特纳|大使: not 拉特纳)."""
        if s == 0 or k == 0 or _BEFORE_NAME.match(text[s - 1]) or _NAME_LEAD_END.search(text, 0, s):
            return False
        before = text[starts[k - 1] : s]
        return bool(_CJK_RUN.fullmatch(before)) and len(before) >= 2 and not _is_common(before, seg)

    def _foreign_name_before_title(self, text: str, idx: int, gaz_spans, seg) -> str:
        """A foreign name of two to four characters written between its foreign place and a title
        (日本北九州市|田中浩二|市长一行): no ordinary word, body or place."""
        for gs, ge, gl, gid in gaz_spans:
            if gl not in ("City", "Region") or not 2 <= idx - ge <= 4:
                continue
            entry = self.gaz.by_id(gid, gl) if gid else None
            name = text[ge:idx]
            if (entry is None or entry.country in ("", "中国") or not _CJK_RUN.fullmatch(name)
                    or _is_common_words(name, seg) or self.gaz.lookup(name) or _BODY_END.search(name)
                    or title_suffix(name, self.gaz) or text[ge] in _NOT_NAME_START or _PLACE_UNIT_END.search(name)):
                continue  # (nor a place of the chain, ending in its unit: 滨海边疆区|哈桑区|行政长官)
            return name
        return ""

    def _visits_place(self, text: str, pos: int) -> bool:
        """Whether a word of coming and a Chinese place the gazetteer knows start at ``pos``
        (总领事|来镇江访问): words after a name, never a name."""
        if not _VISIT_WORD.match(text, pos):
            return False
        return any((e := self.gaz.lookup(text[pos + 1 : pos + 1 + n], ("City", "Region"))) is not None and e.country == "中国"
                   for n in (4, 3, 2))

    def _foreign_before(self, text: str, pos: int, gaz_spans) -> bool:
        """Whether the clause before ``pos`` names a foreign country or place (the title after it is
        a foreign office, and the name after the title a foreign name: 俄罗斯…副主席古列维奇)."""
        rfind = text.rfind  # (each mark's last place by a call of its own: no generator)
        clause = max(rfind("，", 0, pos), rfind(",", 0, pos), rfind("。", 0, pos), rfind("；", 0, pos), rfind(";", 0, pos),
                     rfind("：", 0, pos), rfind(":", 0, pos), rfind("、", 0, pos)) + 1
        # (The place nearest the title says whose office it is: 韩国驻沈阳总领事金振铉拜会了辽宁省副省长
        # 姜有为 — 副省长 is 辽宁省's, a Chinese name follows.)
        # (The spans in text order, not sorted by their ends: the one ending at the title, if any, says
        # it; else any of the clause's. An entry is looked up only when it can change the answer.)
        foreign = False
        for s, e, label, ent_id in gaz_spans:
            if clause <= s and e <= pos and label in ("Country", "City", "Region"):
                if e == pos and text[s - 1 : s] != "驻":
                    # the place the title is of, right before it (not where a mission sits)
                    entry = self.gaz.by_id(ent_id, label) if ent_id else None
                    return entry is not None and entry.country not in ("", "中国")
                if not foreign:
                    entry = self.gaz.by_id(ent_id, label) if ent_id else None
                    foreign = entry is not None and entry.country not in ("", "中国")
        return foreign

    def _trim_name(self, cand: str, text: str, end: int, seg, foreign: bool = False) -> str:
        start = end - len(cand)
        surnamed = is_chinese_surname(text[start : start + 2])  # (asked twice below)
        if not foreign and not surnamed:
            # A Chinese official of a rarer surname (市长逄建国会见…, 县委书记刀建平与…): two or three
            # characters closed by a word that follows persons and starts no name (会见, 与, 在 …),
            # and no ordinary word or known name.
            for n in (3, 2):
                name = text[start : start + n]
                # (A surname that is also a preposition only before an act: 书记向刚强会见, not 向大会致辞.)
                led = name[0] not in _NOT_NAME_START or name[0] in _PREPOSITION_SURNAMES and _ACT_AFTER_NAME.match(text, start + n)
                if (len(name) == n and _CJK_RUN.fullmatch(name) and led
                        and _CLOSES_CHINESE_NAME.match(text, start + n) and not _is_common_words(name, seg)
                        and not _is_common(name[:2], seg) and not self.gaz.lookup(name)):
                    return name
        if foreign or not surnamed:
            # A foreign name written in characters (索比亚宁, 小池百合子): up to the next function word.
            m = self._foreign_name.match(text, start)
            name = m.group(1) if m and len(m.group(1)) >= 2 else ""
            if name:
                name += self._given_after_join(text, start, start + len(name), seg)
            # No word that follows names within seven characters: the name still ends where an
            # ordinary word starts (知事上田清司参观…), if one does.
            bounded = bool(name)
            if not name and foreign:
                name = re.match(rf"[{CJK}]{{0,7}}", text[start:]).group(0)
            # The name ends where a frequent ordinary word starts (高桥健司宣读; not 报道集沧州市).
            # (Rarer words are parts of transliterations: 百合 in 小池百合子, 尼亚 in 埃斯帕尼亚.)
            pos = 0
            # (A name of two to four characters closed by a word that follows names and led by a
            # surname is whole: 越南驻南宁总领事黎光明一行 — 光明 is a word, and this name's.)
            toks = () if bounded and 2 <= len(name) <= 4 and is_chinese_surname(name[:2]) else _cut(seg, name)
            for i, tok in enumerate(toks):
                if pos == 1 and len(tok) >= 2 and tok in _TAIL_WORDS:
                    # One character, then a word that follows names (the run stops at such words only
                    # after two characters): no name (省领导共|率团出访).
                    name = ""
                    break
                if len(tok) >= 2 and (seg.FREQ.get(tok) or 0) >= 500 and tok not in person_words() and not self.gaz.lookup(tok):
                    given = toks[i + 1] if i + 1 < len(toks) else ""
                    # (After numerals, any word: 三|日月 in 三日月大造, the numeral and the word one surname.)
                    numeral_led = pos > 0 and _NUMERAL_WORD.fullmatch(name[:pos]) is not None
                    if ((pos == 0 and (tok in noun_words() or _NUMERAL_WORD.fullmatch(tok)) or numeral_led) and foreign
                            and given and not _is_common(given, seg)
                            and not (len(given) >= 3 and seg.FREQ.get(given))):  # (参观|图片展: a word, no given name)
                        # A Japanese surname that is also a word (山下晃正, 中村正人): the name goes on.
                        pos += len(tok)
                        continue
                    name = name[:pos] if pos >= 2 else ""
                    bounded = True
                    break
                pos += len(tok)
            if not bounded:
                name = ""
            if name and text[start + len(name) : start + len(name) + 1] in ("了", "着", "过"):
                name = ""  # 总领事宣介了…: a verb, not a name
        else:
            name = self._chinese_name(text, start, seg)
        if name and foreign and name in place_words() and not self.gaz.lookup(name) and _STRONG_AFTER_PERSON.match(text, start + len(name)):
            # A foreign official's name that jieba knows as a proper name of a place, no gazetteer
            # lists, closed by words that follow persons only (州长莱茵一行).
            return name
        if name and not foreign and is_chinese_surname(name) and self.gaz.lookup(name, ("City", "Region")):
            return name  # (市委书记宁波在…: a place's name led by a surname; the caller reads what follows)
        if name:
            # (The name ends where words of coming to a Chinese place start: 崔明浩|来珲春出席….)
            for k in range(2, len(name)):
                if self._visits_place(text, start + k):
                    name = name[:k]
                    break
        if name and foreign and self.gaz.lookup(name, ("City", "Region")) and _STRONG_AFTER_PERSON.match(text, start + len(name)):
            # (A foreign official named as a place the gazetteer lists, closed by words that follow persons
            # only: 库里蒂巴市市长瓦尔加斯一行, 驻华大使圣地亚哥一行; the caller reads the person over the place.)
            return name
        return "" if not name or name in verb_words() or _is_common_words(name, seg) else name

    def _given_after_join(self, text: str, start: int, at: int, seg) -> str:
        """The rest of a foreign name starting at ``start`` and cut at ``at`` by a word that follows
        names: a word joining persons and one or two characters closed by a word that follows persons
        only, when they are no title and no common word (大森|和彦率领的, 上田|和夫一行; 上田和夫人 is
        上田 and his wife); or a given name's last character (山本哲|也一行, 中村达|也在…). Else ""."""
        if text[at : at + 1] in _GIVEN_NAME_END and (
                _STRONG_AFTER_PERSON.match(text, at + 1) or at - start == 3 and _NAME_TAIL.match(text, at + 1)):
            # (Not after four characters or more, a name whole: 赤松秀一|也向…, the adverb.)
            return text[at]
        if text[at : at + 1] not in _PERSON_JOINS or title_prefix(text, at + 1, self.gaz):
            return ""
        if _STRONG_AFTER_PERSON.match(text, at + 1) or re.match(r"[，,。；;、]", text[at + 1 : at + 2]):
            return text[at]  # (a joining word that joins nothing is the name's: 佐藤正和一行)
        m = _GIVEN_BEFORE_TAIL.match(text, at + 1)
        if m is None:
            # (Or closed by an act of theirs, where the characters are no Chinese name of another person:
            # 市长石川|和夫举行会谈, not 石川和|王强举行会谈.)
            m = _GIVEN_BEFORE_ACT.match(text, at + 1)
            if m is not None and is_chinese_surname(m.group(0)):
                m = None
        if m is None or len(m.group(0)) > 1 and ((seg.FREQ.get(m.group(0)) or 0) >= 50 or self.gaz.lookup(m.group(0))):
            return ""
        return text[at] + m.group(0)

    @staticmethod
    def _chinese_name(text: str, start: int, seg) -> str:
        """Two or three characters, four for a double surname (林郑月娥): up to where a common word begins."""

        def boundary(pos: int) -> bool:
            if pos >= len(text) or not _CJK_CHAR.match(text[pos]):
                return True
            if text[pos] in _NOT_NAME_START:
                # (A third character that closes the clause is the name's: 副省长姜有为。)
                return not (pos - start == 2 and _CLAUSE_END.match(text, pos + 1))
            first = next(iter(_cut(seg, text[pos : pos + 6])), "")
            if len(first) == 2 and first[1] in _PREPOSITIONS and pos - start == 2 and (seg.FREQ.get(first) or 0) < 300:
                # 袁家健在珠海: jieba reads 健在 (a rare word); the name's third character, then 在. (Not
                # 王伟正在…: 正在 is a word of its own.)
                return False
            if len(first) == 2 and pos - start == 2 and (t := _NAME_TAIL.match(text, pos + 1)) and t.end() - t.start() >= 2:
                return False  # 周立新会见: jieba reads 新会 (a place); the name's third character, then 会见
            if len(first) >= 3 and (seg.FREQ.get(first) or 0) < 50 and not _NAME_TAIL.match(first):
                # A rare compound (主持会议): the word it starts with (主持). (Not a word that follows
                # names, 举行会谈: the name is cut before it later, whatever its own frequency.)
                first = first[:2]
            return len(first) >= 2 and (seg.FREQ.get(first) or 0) >= 50

        s = _surnames()
        # A double surname and one or two characters (诸葛立新与…, 欧阳明远率…).
        ks = (3, 4) if text[start : start + 2] in s and len(text[start : start + 2]) == 2 else (2, 3)
        for k in ks:
            if boundary(start + k):
                return text[start : start + k]
        if (
            text[start] in s and text[start + 1] in s and len(text) > start + 3 and _CJK_CHAR.match(text[start + 3])
            and not _NAME_TAIL.match(text, start + 3)
        ):
            return text[start : start + 4]
        fourth = text[start + 3 : start + 4]
        if (fourth and _CJK_CHAR.match(fourth) and fourth not in _NOT_NAME_START
                and (seg.FREQ.get(fourth) or 0) < _FUNCTION_CHAR_FREQ and _CJK_CHAR.match(text[start + 4 : start + 5])
                and boundary(start + 4) and (seg.FREQ.get(text[start + 2 : start + 4]) or 0) < 50):
            # Neither a two- nor a three-character name ends at a word, a four-character one does: a
            # Japanese name written bare (港区区长武井雅昭共同签署…; not 张明华也出席: 也 is a word alone).
            return text[start : start + 4]
        return text[start : start + 3]
