"""City-partner links read from prose, and the leader meetings that tie two places.

A partner is a foreign city, state or district, or Hong Kong or Macao (also
when written by abbreviation: ``京港``, ``京澳``, ``港澳人士``); the home place
is a Beijing district named in the same clause (``石景山区与…签署``), else the
document's city. The kind of tie comes from the words around the partner:

- ``sister_city``: 友好城市/友城 before it, or 结好 in the sentence; ``since``
  from ``结好N周年`` (the document's year − N);
- ``friendly_exchange`` (友好交流备忘录), ``letter_of_intent`` (意向书),
  ``cooperation_agreement`` (合作计划, 合作发展计划, 合作备忘录, 合作协议,
  a meeting's 备忘录);
- ``delegation_visit``: a delegation or visitors (代表团, 团组, 人士) coming
  (来访, 访问, 来京, 参访);
- ``joint_activity``: held together (共同举办, 联合举办, 两地联合), held in the
  partner city (``在马德里、罗马举办…``), an anniversary programme
  (``结好30周年系列活动``), or an event named after the partner that is held,
  prepared or attended;
- ``cooperation``: 合作 or 交流 with the partner where no agreement is named,
  or training held for it (``为河内市举办…培训班``);
- ``leader_meeting``: a meeting (not a letter, not hosting a visit) whose
  counterpart is the partner, its leader or a government body of it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter

from ...gazetteer import load
from ...model import Meeting, Party, PartnerLink
from ...nlp.common import _cut, verb_words
from ..cues import pattern, words
from ..dates import parse_date
from ..firstchars import skipping
from ..home import VENUE_AT, VENUE_BEFORE, home_abbreviations, home_places_in, is_home_place, places_in
from ..meetings.rules import ACT as ACT_WORD, HOSTING_ACTS, LEADS, SIGNING_ACTS, STAY
from ..press import LEAD as PRESS_LEAD
from ..sentences import SARS, Sentence, Span, after_page

# Hong Kong and Macao by abbreviation, after the home place's own (京港, 沪澳) or alone before a
# word that makes them places (港澳人士, 港澳地区).
_SAR_ABBR = "(港澳|港|澳)"
_SAR_ALONE = "港澳(?=人士|两地|地区)"


@lru_cache(maxsize=256)
def _abbreviation(home: Party) -> re.Pattern:
    """Hong Kong and Macao written by abbreviation next to the home place's (京港, 北京·香港)."""
    own = [re.escape(a) for a in home_abbreviations(home)]
    if home.name:
        short = home.name[:-1] if home.name.endswith(("市", "省")) and len(home.name) > 2 else home.name
        own.append(re.escape(short) + "·")
    lead = f"(?:{'|'.join(own)}){_SAR_ABBR}|" if own else ""
    return re.compile(f"{lead}{_SAR_ALONE}")
ABBR_PLACES = {"港": ("香港",), "澳": ("澳门",), "港澳": ("香港", "澳门")}
CLAUSE = re.compile(r"[，,：:]")
# The words of visiting right before a mainland place (…率团访问|寿光市): see delegation_visit.visited.
VISITED_BEFORE = re.compile(f"(?:{pattern('partners', 'delegation_visit.visited')})$")
# A line's opening words before a colon (龙口市：…), where a place may head what the line lists.
_LINE_HOME = re.compile(r"\s*([^：:，,。；;、（(]{2,12})[：:]")
# Where a mission sits, written before the place (驻香港、澳门领事).
_MISSION_SEAT = re.compile(r"驻(?:[^、，,。；;]{0,12}、)*$")
# A clause that goes on about the pair of the clause before (双方签署…, 两市还…).
NEW_TIES = re.compile(pattern("partners", "sister_city.new"))
# A sentence that picks out some of the ties the sentence before told (其中，与A市…缔结…).
# A district's name written right after its foreign city (塔什干市|奥尔马佐尔区): no function word or
# pronoun in it (蒙尼谷市|期待与我区 is none).
_WARD = re.compile(r"(?:(?![与和及同在对为的我是了从将或于向到来赴等其该本全])[\u4e00-\u9fff]){2,6}?区|[东西南北中]区")
AMONG = re.compile(f"(?:{pattern('partners', 'sister_city.among')})")
PAIR_GOES_ON = re.compile(f"(?:{pattern('partners', 'pair.goes_on')})")
# …the same two sides named a little into the clause (上海正按两市签订的…): see pair.named_later.
PAIR_CLAUSE = re.compile(f"(?:{pattern('partners', 'pair.named_later')})")
PAIR_NAMED_LATER = re.compile(f"[^，,。；;]{{0,12}}?(?:{pattern('partners', 'pair.named_later')})")
# …the words that name both sides as regions (两省州): a clause with them tells no city's ties.
REGIONS_PAIR = re.compile(f"(?:{pattern('partners', 'pair.regions')})")
# …and those that name both as cities (两市): a clause with them tells no region's ties.
CITIES_PAIR = re.compile(f"(?:{pattern('partners', 'pair.cities')})")
# …and as districts (两区): a clause with them tells no city's ties where the sentence names a foreign district.
DISTRICTS_PAIR = re.compile(f"(?:{pattern('partners', 'pair.districts')})")
# …and a sentence that opens with them, after a short lead (会后，两区签署了…; 双方还签署了…) or a
# time (2017年以来，两地…).
_TIME_OPENER = f"[^，,。；;]{{0,10}}?(?:{pattern('partners', 'pair.time_lead_ends')})"
PAIR_OPENS = re.compile(rf"(?:[^，,。；;]{{0,6}}[，,]|{_TIME_OPENER}[，,])?{PAIR_NAMED_LATER.pattern}")
# Words before 友好城市 that make it the ties of all places of a kind, not of a pair (国际友城, 中日友好城市).
GENERIC_TIE = re.compile(f"(?:{pattern('partners', 'sister_city.generic')})$")
UNKNOWN_CITY = re.compile(r"[\u4e00-\u9fff]{1,5}?市")
FRIEND_CITY = re.compile(r"(?:友好城市|友城)([\u4e00-\u9fff]{2,5}?(?:市|(?=的)))")
FRIENDSHIP_BEFORE = re.compile(f"(?:{pattern('partners', 'sister_city.before')})(?:的)?$")
# A tier that is not sister cities: 友好交流城市, 友好合作城市(关系意向书), 友城交流周 (an event).
# (Nor the sister cities in an event's name: 友城周, 友城美食节, 友好城市青少年足球赛.)
_NOT_TWINNED = r"(?!交流城市|合作城市|意向|[\u4e00-\u9fff]{0,4}?(?:周(?!年)|节|大会|论坛|赛|营))"


def _done(key: str) -> str:
    """The cue words ``key`` as an alternation (longest first) in which a founding verb may take 了
    (建立了友好关系, 缔结了友好城市关系): a verb of ``friendly_exchange.founded`` at a word's start."""
    verbs = set(words("partners", "friendly_exchange.founded")) | set(words("partners", "signed.words"))  # (签署了友好城市协议书)
    return "|".join(re.escape(w[:2]) + "了?" + re.escape(w[2:]) if len(w) > 2 and w[:2] in verbs else re.escape(w)
                    for w in sorted(set(words("partners", key)), key=lambda w: (-len(w), w)))


# (Not 建立了友好关系 alone: a tie of that vague name may be of the tier below, which the sentence
# names elsewhere: 早在16年前双方就建立了友好关系…推动两地友好交流关系的发展.)
TWINNED = re.compile(f"(?:{pattern('partners', 'sister_city.sentence')}){_NOT_TWINNED}")
TIE_NAMES = frozenset(words("partners", "sister_city.names"))
# How long a tie has held (结好30周年, 结为友城已有26年): the number of years.
ANNIVERSARY = re.compile(f"(?:{pattern('partners', 'sister_city.founded')})(?:关系)?(?:{pattern('partners', 'sister_city.lasted')})?"
                         r"([\d一二三四五六七八九十百零两]{1,5})(?:周年|年)(?![\d月])")
YEAR_IN_CLAUSE = re.compile(r"((?:19|20)\d\d)\s*年")
FOUNDED = re.compile(f"(?:{_done('sister_city.founded')})(?![\\d一二三四五六七八九十百零两]{{1,5}}周年)")
# Words denying a tie in its clause (两市尚未缔结友城关系).
NOT_YET = re.compile(pattern("partners", "sister_city.not_yet"))
# The tie, then the year it was founded in (我市与X市的友好城市关系于2005年建立): that year.
FOUNDED_AFTER = re.compile(rf"(?:{pattern('partners', 'sister_city.sentence')})的?(?:关系)?(?:于|在)?\s*((?:19|20)\d\d)\s*年"
                           rf"[^，,。；;]{{0,8}}?(?:正式)?(?:{pattern('partners', 'sister_city.founded_after')})")
# (Or the words first, then the year: 友好城市关系建立于2001年.)
FOUNDED_IN = re.compile(rf"(?:{pattern('partners', 'sister_city.sentence')})的?(?:关系)?(?:正式)?"
                        rf"(?:{pattern('partners', 'sister_city.founded_after')})于\s*((?:19|20)\d\d)\s*年")
# Words after a tie's founding that make it the start of a time told (两市结好以来): no date of the sentence founds it.
SINCE_THEN = re.compile(r"(?:关系)?(?:以来|至今|后)")
FRIENDLY_FOUNDED = re.compile(pattern("partners", "friendly_exchange.founded"))
FRIENDLY_EXCHANGE = skipping(
    r"友好交流(?:与?合作)?(?:城市|省州)?(?:关系)?(?:备忘录|协议书?|协定书?)"
    # (The tie's signing named so: 友好交流关系云签约仪式, 友好交流城市签约.)
    f"|友好交流(?:与?合作)?(?:城市|省州)?(?:关系)?(?:{pattern('partners', 'signed.words')})"
    # A tie founded as the tier below sister cities (结为国际友好合作交流城市, 建立友好交流城市关系).
    # (Or new ones listed after them: 新建立的友好交流城市包括河池市与柬埔寨磅湛省.)
    f"|(?:{pattern('partners', 'friendly_exchange.founded')})[了的]?(?:国际)?(?:{pattern('partners', 'tiers.friendly_exchange')})"
    # (Or said to be one: 西拉法叶市是襄阳市国际友好交流城市.)
    f"|(?:{pattern('partners', 'friendly_exchange.being')})[^，,。；;是为]{{0,10}}?的?(?:国际)?"
    f"(?:{'|'.join(w for w in words('partners', 'tiers.friendly_exchange') if w.endswith(('城市', '省州')))})"
)
# The tier below sister cities written right before the place, as what it is (友好交流城市匈牙利久尔市市长…).
UPGRADED = re.compile(f"(?:{pattern('partners', 'tiers.friendly_exchange')})(?:关系)?[^，,。；;]{{0,12}}?"
                      f"(?:{pattern('partners', 'friendly_exchange.upgraded')})")
FRIENDLY_TIER_BEFORE = re.compile(f"(?:{pattern('partners', 'tiers.friendly_exchange')})的?$")
LETTER_OF_INTENT = re.compile(r"意向书")
AGREEMENT = skipping(r"合作(?:发展)?计划|合作备忘录|合作协议|合作协定|合作框架协议|会议[^，,。；]{0,10}备忘录|(?<!交流)备忘录")
# Texts counted, not named (签署多项合作协议, 签署7项合作协议): signed on a trip, with no place said.
_COUNTED_TEXTS = re.compile(rf"(?:{pattern('partners', 'signed.counted')}|[0-9０-９一二三四五六七八九十两]+[项份个])[^，,。；;]{{0,6}}$")
SIGNED = re.compile(pattern("partners", "signed.words"))
SIGNING_CEREMONY = re.compile(f"(?:{pattern('partners', 'signed.words')})仪式$")
# A topic the sides talked of (就…庆祝活动交换了意见): an event in it is not held.
TALKED_OF = re.compile(f"就[^，,。；;]{{2,40}}?(?:活动|仪式|庆典|节|会|营|展|赛)[^，,。；;]{{0,4}}?(?:{pattern('partners', 'sister_city.talked')})")
# A clause in which the two sides sign (…，双方签署了…; …，并签订了…).
SIGNED_BY_PAIR = re.compile(f"(?:^|[，,；;])(?:{pattern('partners', 'pair.goes_on')})[^，,。；;]{{0,8}}?(?:{pattern('partners', 'signed.words')})")
VISIT = re.compile(pattern("partners", "delegation_visit.sentence"))
EACH_IN_ORDER = re.compile(pattern("partners", "sister_city.respectively"))
PLANNED_VISIT = skipping(pattern("partners", "delegation_visit.planned"))
ACCEPTED = re.compile(r"[应受](?:[^，,；;]{0,20}?)邀")
TO_COME = re.compile(pattern("partners", "delegation_visit.to_come"))
PLANS = skipping(f"{pattern('partners', 'sister_city.plans')}"
                   f"|就(?:{pattern('partners', 'sister_city.founded')})[^，,。；;]{{0,16}}?(?:{pattern('partners', 'sister_city.talked')})"
                   # (…就两市建立友好交流关系交换了意见: the tier below, talked of.)
                   f"|就[^，,。；;]{{0,10}}?(?:{pattern('partners', 'friendly_exchange.founded')})[^，,。；;]{{0,20}}?(?:{pattern('partners', 'sister_city.talked')})"
                   # (A signing or founding after a word of the future: 两市将于明年正式签署…协议书.)
                   # (Also past a list of pairs: 将积极推动北海市与印尼三宝垄市、贺州市与泰国素可泰府等缔结….)
                   # (A tie told as a matter sent up for approval: 与比金市缔结友好城市关系一事已报省政府审批.)
                   f"|(?:{pattern('partners', 'sister_city.sent_up')})[^，,。；;]{{0,8}}?(?:{pattern('partners', 'sister_city.approval')})"
                   f"|(?:{pattern('partners', 'sister_city.future')})(?!下)[^，,。；;]{{0,40}}?"
                   f"(?:{pattern('partners', 'signed.words')}|{pattern('partners', 'friendly_exchange.founded')})(?!的)")
PLAN_SECTION = re.compile(pattern("partners", "sister_city.plan_sections"))
DESCRIBED = re.compile(
    f"(?:{pattern('partners', 'places.described_by')}|(?:{pattern('partners', 'places.described_city_by')})[\u4e00-\u9fff]{{0,4}}城市)"
)
# (Not a representative posted in China: 维多利亚州驻华首席代表 is no visitor.)
VISITOR_AFTER = re.compile(f"^(?![\u4e00-\u9fff]{{0,2}}驻)[\u4e00-\u9fff]{{0,6}}?(?:{pattern('partners', 'delegation_visit.after_place')})")
TIER = skipping(
    f"(?:(?P<friendly_exchange>{pattern('partners', 'tiers.friendly_exchange')})|(?P<sister_city>{pattern('partners', 'tiers.sister_city')}))"
    # (Or named as what follows: 徐州市的友好交流城市分别是：A（2016年）及B（2023年）.)
    rf"(?:\s*(?:[(（]共?\d+[个座对家][)）]|\d+[个座对家])?\s*(?:{pattern('partners', 'sister_city.among')}|包括|有)?\s*[:：]"
    # (Or counted, then the places after a comma: 友好交流城市4个，有泰国清莱府、柬埔寨暹粒省等.)
    rf"|\s*\d+[个座对家][，,]\s*(?:包括|有))"
    # (Or a count, then the places in brackets: 新增友好交流城市2个（A市、B府）.)
    rf"|(?:(?P<friendly_exchange_n>{pattern('partners', 'tiers.friendly_exchange')})|(?P<sister_city_n>{pattern('partners', 'tiers.sister_city')}))"
    rf"[\d一二三四五六七八九十两]+[个座对家][(（](?!含|包括|其中|不含|注|共|均)"
)
# A unit word after a city's name that names the region called after it (巴黎|大区, 伊尔库茨克|州).
REGION_OF_CITY = re.compile(f"(?:{pattern('names', 'region_suffix')})(?![长委督尹])")
# Two lists tied in order (A、B两市分别与C、D…).
RESPECTIVELY = re.compile(r"分别(?:与|同|和)")
BARE_JOIN = re.compile(r"[与同]")
# A heading or title that names the tier of the list under it (苏州市友好城市, 国际友好城市一览表).
LIST_TIER = re.compile(
    f"(?:(?P<friendly_exchange>{pattern('partners', 'tiers.friendly_exchange')})|(?P<sister_city>{pattern('partners', 'tiers.sister_city')}))"
    r"(?:一览表?|名单|名录|列表|简表|情况)?\s*(?:[(（][^()（）]{1,8}[)）])?\s*$"  # (…交流城市（2个）, …（市级）)
)
LISTED_DATE = re.compile(r"\s*[(（]([^)）]{0,30})[)）]")
# …or its tier, and when (乔巴山市（友好交流城市，5月签署）).
BRACKET_TIER = re.compile(rf"\s*[(（](?:(?P<friendly_exchange>{pattern('partners', 'tiers.friendly_exchange')})"
                          rf"|(?P<sister_city>{pattern('partners', 'tiers.sister_city')}))[^)）]{{0,20}}[)）]")
DATE_WORDS = re.compile(r"\d\s*[年月日]")
# (Attending together names what is attended: 共同出席了结好50周年纪念活动, not 共同出席并致辞.)
HELD_TOGETHER = re.compile(r"共同举办|共同举行|联合举办|联合举行|共同主办|联合主办|两地联合|共同开展"
                           r"|共同(?:出席|参加)了?[^，,。；并]{0,20}(?:活动|仪式|庆典|典礼|会|节|展)")
# A topic talked over or a wish before 合作/交流 in its clause (双方就…合作交换了意见, 希望加强…合作).
NOT_STANDING = re.compile(pattern("partners", "cooperation.not_standing"))
FUTURE = re.compile(f"(?:{pattern('partners', 'cooperation.future')})(?!{pattern('partners', 'cooperation.continues')})")
OPENS_NEXT = re.compile(f"(?:{pattern('partners', 'cooperation.opens_next')})$")
POTENTIAL = re.compile(f"[\u4e00-\u9fff]{{0,2}}?(?:{pattern('partners', 'cooperation.potential')})")
IN_EVENT_NAME = re.compile(f"[\u4e00-\u9fff]{{0,4}}?(?:{pattern('partners', 'cooperation.event_names')})")
CLAUSE_OR_STOP = re.compile(r"[，,；;。：:]")
HELD = re.compile(r"举办|举行|开展|办好|参加|出席|筹备|组织")
ANNIVERSARY_PROGRAMME = re.compile(r"^[^，,。；]{0,6}结好[\d一二三四五六七八九十百零两]{1,5}周年[^，,。；]{0,8}(?:活动|庆典|仪式)")
# (The two sides named by their levels too: 出席两省县结好40周年纪念活动.)
_PAIR_WORDS = "|".join(sorted({w for k in ("named_later", "regions", "cities", "districts") for w in words("partners", f"pair.{k}")},
                              key=len, reverse=True))
PAIR_ANNIVERSARY = re.compile(
    f"(?:{_PAIR_WORDS})(?:{pattern('partners', 'sister_city.founded')})(?:关系)?"
    r"[\d一二三四五六七八九十百零两]{1,5}周年[^，,。；]{0,8}(?:活动|庆典|仪式|晚会|招待会)"
)
# An anniversary programme of a tie (结好20周年庆祝活动), anywhere in the sentence.
PAIR_PROGRAMME = re.compile(f"(?:{pattern('partners', 'sister_city.founded')})(?:关系)?"
                            r"[\d一二三四五六七八九十百零两]{1,5}周年[^，,。；]{0,8}(?:活动|庆典|仪式|晚会|招待会)")
# A partner's representatives taking part in an event (…堤川市等友好城市代表通过视频连线参加活动), and
# whether from afar (no visit).
REPRESENTED_AT = re.compile(
    f"^[^，,。；;]{{0,40}}?(?:{pattern('partners', 'joint_activity.represented')})[^，,。；;]{{0,16}}?"
    f"(?:{pattern('partners', 'joint_activity.takes_part')})了?[^，,。；;]{{0,16}}?(?:{pattern('partners', 'joint_activity.events')})")
ONLINE = re.compile(pattern("partners", "joint_activity.online"))
# The home side and a partner holding an activity: 与(A、)B举办…图片展 (see joint_activity.held_with).
WITH_BEFORE = re.compile(r"(?:与|同|和)(?:[^，,。；;、与和]{1,14}、)*$")
HELD_WITH = re.compile(f"^[^，,。；;]{{0,30}}?(?:{pattern('partners', 'joint_activity.held_with')})了?[^，,。；;]{{0,24}}?"
                       f"(?:{pattern('partners', 'joint_activity.held_events')})(?!开)")
JOINT_PLANNED = re.compile(pattern("partners", "joint_activity.planned"))
EVENT_AFTER = re.compile(r"^[^，,。；、]{0,14}?(?:洽谈会|论坛|博览会|展览会|交易会|合作伙伴行动|行动|周|节|峰会|大会)")
IN_PLACE = re.compile(r"在(?:[^，,。；、在]{1,12}、)*$")
# …or after the home place's word for it, the event held right after (在哈尔滨市友好城市|白俄罗斯明斯克市|举办).
IN_FRIEND_PLACE = re.compile(f"在[^，,。；、在]{{0,8}}?(?:{pattern('partners', 'sister_city.before')})的?$")
FOR_PLACE = re.compile(r"为$")
TRAINING_AFTER = re.compile(r"^[^，,。；]{0,12}培训")
COOPERATION = re.compile(r"合作(?!(?:发展)?计划|备忘录|协议|协定|框架|会议|伙伴|文件)|交流(?!会|中心|访问|活动|周|节|大会|展|城市)|交往|往来(?!便捷|方便|便利|通道|航线|口岸)")
PLACE_BEFORE_BODY = re.compile(f"(.{{2,10}}?(?:{pattern('names', 'place_suffix')}))(?:政府|议会|市政厅)$")
# What follows a place that is the subject of a tie (溧阳市与…, 武进区申报了…, 新北区在…).
SUBJECT_AFTER = re.compile(r"(?:与|和|同|申报|申请|签署|签订|缔结|正式|也|还|已|先后|分别|新增|现有|共有|拥有|累计)")
# The partner as the subject of holding an event (X将举办…, X举行…).
PARTNER_HOLDS = re.compile(r"^(?:市|州|省)?(?:将|也|还|于\S{0,8})?(?:举办|举行|主办)")
# Words that say leaders met, when neither side is a named person (市主要领导会见…城市领导人).
LEADERS = re.compile(r"领导|市长|省长|州长|书记|主席|总统|总理")
GOVERNMENT_BODY = re.compile(f"(?:{pattern('partners', 'places.government_end')})$")


_DIRECTION_NAMES = frozenset(words("names", "direction_names"))
_NOT_WARD = tuple(words("partners", "places.not_ward"))
_NOT_IN_PLACE = re.compile(f"(?:{pattern('names', 'not_in_place')})|(?:{pattern('names', 'not_in_place_but_last')})")


def _number(written: str) -> int:
    """A number written in digits or in Chinese numerals (25, 二十五); 0 if it is neither."""
    if written.isascii() and written.isdigit():
        return int(written)  # (as cn2an reads it: its import takes 0.4 s, and most numbers are in digits)
    import cn2an

    try:
        return int(cn2an.cn2an(written.replace("两", "二"), "smart"))
    except ValueError:
        return 0


# Units of two characters or more (自治州, 共和国, 边疆区): a name ending in one is a place's, whatever
# words its stem is made of (犹太自治州).
_LONG_UNIT = tuple(sorted((u for u in words("names", "place_suffix") if len(u) >= 2), key=len, reverse=True))


def _named_by_unit(name: str) -> bool:
    """Whether ``name`` is a stem of two characters or more and a unit of two or more (犹太自治州)."""
    unit = next((u for u in _LONG_UNIT if name.endswith(u)), "")
    return bool(unit) and len(name) - len(unit) >= 2 and not _NOT_IN_PLACE.search(name[: -len(unit)])


def _plausible_name(name: str) -> bool:
    """Whether a place no gazetteer knows can be a name: no word that never stands in one (驻成都,
    是国际城市), and not an ordinary word (友城关系 → 关系, 今年)."""
    import jieba

    stem = name[:-1] if name.endswith("市") else name
    if len(stem) < 2 or _NOT_IN_PLACE.search(name) or name[0] in "是系为":
        return False
    jieba.dt.check_initialized()
    return not any(len(t) >= 2 and (jieba.dt.FREQ.get(t) or 0) >= 50 for t in jieba.dt.lcut(stem))


def _governed(sp: Span, gaz, text: str) -> Span | None:
    """The place a government body stands for, as a span of its own (英国巴斯市政府 → 巴斯,
    扬州市人民政府 → 扬州市): in a tie between governments, their places are partners. (Not a
    building where something happens: 在波士顿市政厅举行.)"""
    if sp.type != "Organization" or sp.rule not in ("body-of-place", "gazetteer") or not GOVERNMENT_BODY.search(sp.name):
        return None
    if VENUE_BEFORE.search(text[max(0, sp.start - 2) : sp.start]):
        return None
    w = sp.written
    n, e = _place_prefix(w, gaz, lambda e: bool(e.country) or e.zh in SARS)
    return Span(sp.start, sp.start + n, e.type, e.zh, w[:n], e.country, "government-of", e.parent) if e else None


def _place_prefix(name: str, gaz, accept) -> tuple[int, object]:
    """The longest gazetteer city or region ``name`` starts with that ``accept`` takes: (its length,
    its entry), or (0, None)."""
    for n in range(min(8, len(name) - 1), 1, -1):
        e = gaz.lookup(name[:n], ("City", "Region"))
        if e is not None and accept(e):
            return n, e
    return 0, None


def _partner_spans(sent: Sentence, home: Party) -> list[Span]:
    """Foreign places named in the sentence: the most specific place of a chain (德国北威州博特罗普市 → 博特罗普市).
    (Read once a sentence: the links and the pair a later sentence may name both ask.)"""
    # (Kept with the home place it was read for, compared by identity first: hashing a Party for a key
    # took as long as the lookup saved.)
    found = sent.memo.get("partner_spans")
    if found is None or not (found[0] is home or found[0] == home):
        found = sent.memo["partner_spans"] = (home, _read_partner_spans(sent, home))
    return found[1]


def _has_verb(words_: str) -> bool:
    """Whether jieba cuts a word its dictionary tags as a verb out of ``words_`` (共建 in 共建产业园)."""
    import jieba

    jieba.dt.check_initialized()
    return any(t in verb_words() for t in _cut(jieba.dt, words_))


# What ends a zone's or a park's name a place may open (河口—老街|跨境经济合作区).
_ZONE_AFTER = re.compile(f"([\u4e00-\u9fff]{{0,8}}?)(?:{pattern('partners', 'places.zone_ends')})")


def _may_name_partner(sent: Sentence) -> bool:
    """Whether ``sent`` holds anything :func:`_read_partner_spans` reads a partner from: an event's
    name, a foreign place, a city after a foreign country, a government body, a city after 友城/友好城市,
    or 港/澳. (Most sentences name none: they are not read span by span.)"""
    for sp in sent.spans:
        t = sp.type
        if t == "Event" or t in ("City", "Region") and sp.foreign or (
                t == "Country" and sp.foreign and UNKNOWN_CITY.match(sent.block.text, sp.end)) or (
                t == "Organization" and sp.rule in ("body-of-place", "gazetteer") and GOVERNMENT_BODY.search(sp.name)):
            return True
    text = sent.text
    return "港" in text or "澳" in text or ("友" in text and FRIEND_CITY.search(text) is not None)


_START = attrgetter("start")


def _read_partner_spans(sent: Sentence, home: Party) -> list[Span]:
    if not _may_name_partner(sent):
        return []
    gaz = load()
    spans = sorted(sent.spans, key=_START)
    text = sent.block.text
    out: list[Span] = []
    # (Nor a place in the name of the outlet a report opens with: 香港文汇报讯（记者…）.)
    lead = PRESS_LEAD.match(text)
    lead_end = lead.end() if lead is not None else -1
    for i, sp in enumerate(spans):
        if sp.end <= lead_end:
            continue
        t = sp.type
        if t == "Event":
            out.extend(_places_inside(sp, gaz))
            continue
        if t == "Organization":  # (only a body may be a place's government: see _governed)
            sp = _governed(sp, gaz, text) or sp
        elif t not in ("City", "Region"):
            continue
        if sp.type not in ("City", "Region") or not sp.foreign:
            continue
        if sp.name in gaz.country_names or not sp.country and sp.name not in SARS:
            # (The forms of the gazetteer's countries: those it looks a country up by, in a set.)
            continue  # a city-state is a country (countries are not partners); a macro-region neither
        seat = text[max(0, sp.start - 14) : sp.start]
        if "驻" in seat and _MISSION_SEAT.search(seat):
            continue  # 驻香港、澳门领事: where a mission sits, not a partner
        zone = _ZONE_AFTER.match(text, sp.end)
        if zone is not None and not _has_verb(zone.group(1)):
            continue  # 河口—老街跨境经济合作区: a word of a zone's name, not a partner (not 杜伊斯堡市|共建产业园)
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        nxt = (_governed(nxt, gaz, text) or nxt) if nxt is not None and nxt.type == "Organization" else nxt
        if nxt is not None and (nxt.start == sp.end or sp.type == "Region" and text[sp.end : nxt.start] == "的") \
                and nxt.type in ("City", "Region") and nxt.foreign:
            continue  # 北威州 before 博特罗普市 (or before its government: 布里亚特共和国|乌兰乌德市政府; 托斯卡纳大区的|…市)
        # (Every district's name ends in 区: a place with none right after it is followed by none.)
        m = _WARD.match(text[sp.end : sp.end + 7]) if "区" in text[sp.end : sp.end + 7] else None
        if sp.type == "City" and m and not gaz.lookup(m.group(0)) and not m.group(0).endswith(_NOT_WARD):
            # A district of a foreign city: 塔什干市奥尔马佐尔区. A numbered one (格拉茨第二区) is named
            # with its city: 第二区 alone names no place.
            d = m.group(0)
            if d.startswith("第"):
                name = sp.name.removesuffix("市") + d
                out.append(Span(sp.start, sp.end + len(d), "Region", name, text[sp.start : sp.end + len(d)], sp.country, "district-of", sp.name))
            else:
                # (Named with its city as written: 首尔特别市中区, not the Chinese 中区.)
                out.append(Span(sp.end, sp.end + len(d), "Region", text[sp.start : sp.end + len(d)], d, sp.country, "district-of", sp.name))
            continue
        out.append(sp)
    # Places no gazetteer knows: a city after its country (芬兰埃斯波市), or after 友好城市 (友好城市鹿特丹的市长).
    unknown: list[tuple[int, int, str]] = []
    for x in spans:
        if x.type == "Country" and x.foreign:
            m = UNKNOWN_CITY.match(text, x.end)
            if m:
                unknown.append((x.end, x.end + len(m.group(0)), x.name))
    if "友" in sent.text:  # (every match opens with 友好城市 or 友城)
        for m in FRIEND_CITY.finditer(sent.text):
            unknown.append((sent.start + m.start(1), sent.start + m.end(1), ""))
    taken = [(x.start, x.end) for x in spans] if unknown else []
    for s0, e0, country in unknown:
        w = text[s0:e0]
        if not any(a < e0 and s0 < b for a, b in taken) and not gaz.lookup(w) and _plausible_name(w):
            out.append(Span(s0, e0, "City", w, w, country, "unknown-city"))
            taken.append((s0, e0))
    # (Every match holds 港 or 澳: a sentence with neither needs no pattern compiled for its home place.)
    abbreviated = _abbreviation(home).finditer(sent.text) if "港" in sent.text or "澳" in sent.text else ()
    for m in abbreviated:
        key = m.group(1) or "港澳"
        for place in ABBR_PLACES[key]:
            s = sent.start + m.start()
            out.append(Span(s, sent.start + m.end(), "Region", place, place, "中国", "abbreviation"))
    # One referent per name: 伦敦 inside 北京—伦敦… where 伦敦金融城 is named. (A place alone is its own.)
    if len(out) < 2:
        return out
    # (Read over the distinct names and writings: a place is often named twice.)
    forms = {(sp.name, sp.written) for sp in out}
    # (A writing that starts another sorts right before one that does, where there is one: most
    # sentences' places start none of the others.)
    written = sorted({w for _, w in forms})
    if not any(b.startswith(a) for a, b in zip(written, written[1:])):
        return out
    dropped = {(n, w) for n, w in forms if any(on != n and len(ow) > len(w) and ow.startswith(w) for on, ow in forms)}
    return [sp for sp in out if (sp.name, sp.written) not in dropped] if dropped else out


def _places_inside(ev: Span, gaz) -> list[Span]:
    """Foreign places named inside an event's name (2024年首尔友谊节 → 首尔)."""
    out = []
    for i, n, e in _foreign_places_in(ev.written, gaz):
        w = ev.written
        if e.type == "City" and w[i + n : i + n + 1] in ("县", "州", "省", "道") and w[i + n + 1 : i + n + 2] != "长":
            # A city's name with a region's ending is its region (2012新潟县物产展 → 新潟县).
            out.append(Span(ev.start + i, ev.start + i + n + 1, "Region", w[i : i + n + 1], w[i : i + n + 1], e.country, "in-event"))
        else:
            out.append(Span(ev.start + i, ev.start + i + n, e.type, e.zh, w[i : i + n], e.country, "in-event"))
    return out


# Characters after which a place's name starts inside an event's name (2024年首尔友谊节, 第二届…).
_NAME_JOINS = frozenset("年届次与和及暨")


@lru_cache(maxsize=4)
def _country_ends(gaz) -> frozenset[str]:
    """The characters the gazetteer's country names end in: where the character before a place is
    none of them, no country is written right before it (see _foreign_places_in)."""
    return frozenset(n[-1] for n in gaz.country_names if n)


@lru_cache(maxsize=1 << 14)
def _foreign_places_in(w: str, gaz) -> tuple:
    """``(offset, length, gazetteer entry)`` of each foreign place in the name ``w``, longest first
    from left to right. (An event is named in sentence after sentence: each name is read once.)"""
    out = []
    i = 0
    ends = _country_ends(gaz)
    while i < len(w):
        if (i and "\u4e00" <= w[i - 1] <= "\u9fff" and w[i - 1] not in _NAME_JOINS
                and not (w[i - 1] in ends and any(w[max(0, i - k) : i] in gaz.country_names for k in range(2, 7)))):
            i += 1  # inside a word: 尼斯 in 苏州—威尼斯双城文化周 is no place (日本新潟县… is)
            continue
        for n in range(min(8, len(w) - i), 1, -1):
            e = gaz.lookup(w[i : i + n], ("City", "Region"))
            if e is not None and (e.country not in ("", "中国") or e.zh in SARS) and not _runs_on(w, i, n, gaz):
                out.append((i, n, e))
                i += n
                break
        else:
            i += 1
    return tuple(out)


def _runs_on(w: str, i: int, n: int, gaz) -> bool:
    """Whether the place ``w[i:i+n]`` is the start of a longer word that is no place (阿拉 of
    中国—阿拉伯国家博览会, Arrah in India by the gazetteer): by jieba's own dictionary, which holds such
    words (the pipeline's also holds every place, and would cut the place off)."""
    import jieba

    jieba.dt.check_initialized()
    first = next(iter(jieba.dt.cut(w[i : i + n + 4], HMM=False)), "")
    return len(first) > n and not gaz.lookup(first)


# 与 after a partner named first, past a time or venue (于2000年与…): the home place follows.
_JOINED_AFTER = re.compile(r"(?:[于在][^，,。；;与和同]{1,10}?)?[与和同]")


def _home(sent: Sentence, sp: Span, home_city: Party) -> Party:
    """The mainland place (not a venue) named last before the partner in its clause (溧阳市与加拿大…,
    钟楼区与德国…), else the document's home place. (Read once a partner: the links and the pair a
    later sentence may name both ask.)"""
    # (Keyed by where and what the partner is, kept with the span and home place it was read for: hashing
    # a Span and a Party for a key took as long as the lookup saved.)
    key = ("home", sp.start, sp.end, sp.name)
    found = sent.memo.get(key)
    if found is None or not ((found[0] is sp or found[0] == sp) and (found[1] is home_city or found[1] == home_city)):
        found = sent.memo[key] = (sp, home_city, _read_home(sent, sp, home_city))
    return found[2]


def _read_home(sent: Sentence, sp: Span, home_city: Party) -> Party:
    if sp.rule == "in-event":
        joined = _home_joined_in_event(sent, sp)
        if joined is not None:
            return _as_home(joined, home_city)
    rs, _ = sent.rel(sp)
    cs = sent.clause_start(rs)  # (the last clause mark before the partner: CLAUSE's)
    gaz = load()
    before = [_governed(x, gaz, sent.block.text) or x for x in sent.spans_in(cs, rs)]
    paired = _respectively(sent, sp, cs, before)
    if paired is not None:
        return paired
    homes = home_places_in(sent.block.text, before)
    if homes:
        return _as_home(max(homes, key=_START), home_city)  # (the last named: the first of the latest start)
    # The partner named first (澳大利亚蒙尼谷市与上海市嘉定区签署…): the home place right after 与, the
    # last of a chain (上海市|嘉定区).
    text = sent.block.text
    joined = _JOINED_AFTER.match(text, sp.end)  # (…沃尔夫斯堡市于2000年与吉林省长春市缔结…)
    if joined:
        chain: list[Span] = []
        pos = joined.end()
        for x in sorted(home_places_in(text, sent.spans), key=_START):
            if x.start == pos:
                chain.append(x)
                pos = x.end
        if chain:
            return _as_home(chain[-1], home_city)
    # A place of the home place's own the partner's people visit, named after it in its clause (潍坊's yearbook:
    # 韩国礼山郡郡守X率团访问寿光市), unless the visit is still to come (…代表团还将赴博山区参观).
    ce = CLAUSE.search(sent.text, sent.rel(sp)[1])
    for x in sent.spans_in(sent.rel(sp)[1], ce.start() if ce else len(sent.text)):
        if (is_home_place(x) and x.parent == home_city.name and VISITED_BEFORE.search(text, max(0, x.start - 3), x.start)
                and not TO_COME.search(text, sp.end, x.start) and not PLANNED_VISIT.search(text, sp.end, x.start)):
            return _as_home(x, home_city)
    # A line that opens with a mainland place and a colon (龙口市：日本新潟县村上市（友好城市，1997年）；…): the
    # home of the places it lists, over its sentences.
    head = _LINE_HOME.match(text)
    if head is not None and head.end() <= sp.start:
        whole = [p for p in places_in(head.group(1)) if p[0] == 0 and p[1] == len(head.group(1))]
        if whole:
            return Party(whole[0][2], whole[0][3], country="中国")
    # No place in the clause: the place that is the subject of an earlier clause of the sentence
    # (武进区申报了与A市缔结友城，并与B市签署了意向书).
    for x in sorted(home_places_in(sent.block.text, sent.spans_in(0, cs)), key=_START, reverse=True):
        if SUBJECT_AFTER.match(sent.block.text, x.end):
            return _as_home(x, home_city)
    return home_city


def _in_signing_ceremony(sent: Sentence, sp: Span) -> bool:
    """Whether the event whose name holds ``sp`` is a signing ceremony (…协议书签字仪式, …签约仪式)."""
    ev = next((x for x in sent.spans if x.type == "Event" and x.start <= sp.start and sp.end <= x.end), None)
    return ev is not None and SIGNING_CEREMONY.search(ev.name) is not None


def _home_joined_in_event(sent: Sentence, sp: Span) -> Span | None:
    """The mainland place an event's name joins by 与 to the partner named inside it (安徽省与高知县缔结
    友好省县关系25周年纪念活动: 安徽省, whichever the document's home place), as a span."""
    ev = next((x for x in sent.spans if x.type == "Event" and x.start <= sp.start and sp.end <= x.end), None)
    if ev is None:
        return None
    before = sent.block.text[ev.start : sp.start]
    if not _JOINED_TO.fullmatch(before[-1:]):
        return None
    ends = [p for p in places_in(before[:-1]) if p[1] == len(before) - 1]
    if not ends:
        return None
    s, e, name, typ = min(ends)  # (the longest: 安徽省, not 徽省)
    return Span(ev.start + s, ev.start + e, typ, name, before[s:e], "中国", "in-event")


def _as_home(x: Span, home_city: Party) -> Party:
    """The place ``x``; the document's home place where ``x`` writes one of its short forms (吉林 in a
    text of 吉林省 is the province, not the city of that name)."""
    home = load().lookup(home_city.name, (home_city.type,))
    if home is not None and x.written != home.zh and x.written in home.forms:
        return home_city
    return Party(x.name, x.type, country="中国")


def _respectively(sent: Sentence, sp: Span, cs: int, before: list[Span]) -> Party | None:
    """The home place paired with ``sp`` where a list of home places ties itself to a list of as
    many partners in order (杭州、宁波、温州三市分别与法国尼斯市、德国亚琛市、意大利普拉托市结为友好城市)."""
    text = sent.text
    rs, _ = sent.rel(sp)
    m = RESPECTIVELY.search(text, cs, rs)
    bare = m is None
    if bare:
        # (Or joined bare, the list right before 与: 兴庆区、金凤区、西夏区与新山市、巴统市、阿达玛市…签约仪式
        # pairs them in order where the lists are as long.)
        m = BARE_JOIN.search(text, cs, rs)
        if m is None or not any(sent.rel(x)[1] == m.start() for x in before):
            return None
    found = sorted((x for x in home_places_in(sent.block.text, before) if sent.rel(x)[1] <= m.start()), key=lambda x: x.start)
    if len(found) < 2:
        return None  # (the list below is of these: one place is no list)
    # The list is the last run of places joined by 、/和/及 (浙江省的|杭州、宁波、温州三市分别与).
    homes = found[-1:]
    for x in reversed(found[:-1]):
        if not re.fullmatch("[、和及]", text[sent.rel(x)[1] : sent.rel(homes[0])[0]]):
            break
        homes.insert(0, x)
    if len(homes) < 2:
        return None
    end = CLAUSE.search(text, rs)
    items, pos = [], m.end()
    for sep in [*re.finditer("[、和及]", text[: end.start() if end else len(text)]), None]:
        stop = sep.start() if sep else (end.start() if end else len(text))
        if sep is not None and stop < m.end():
            continue
        if sep is not None and any(sent.rel(x)[0] < stop < sent.rel(x)[1] for x in sent.spans):
            continue  # (和 inside a name: 呼和浩特)
        places = [x for x in sent.spans_in(pos, stop) if x.type in ("City", "Region") and x.foreign]
        if places:
            items.append(places)
        pos = stop + 1
    if len(items) != len(homes):
        return None
    for home, places in zip(homes, items):
        if sp in places:
            return Party(home.name, home.type, country="中国")
    return None


def _in_quoted_name(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a short quoted name (“中德经济合作论坛”), not a quoted saying, or inside
    a title in book marks (《…两市友好交流40年图片回顾视频》)."""
    if text.rfind("《", 0, pos) > text.rfind("》", 0, pos):
        return True
    open_ = text.rfind("“", 0, pos)
    if open_ < 0 or text.rfind("”", 0, pos) > open_:
        return False
    close = text.find("”", pos)
    inner = text[open_ + 1 : close if close >= 0 else len(text)]
    return len(inner) <= 24 and not re.search(r"[，,。；;！？]", inner)


def _without_other_places(sent: Sentence, sp: Span, home: Party | None = None) -> str:
    """The sentence's text with its clauses that name a foreign place other than ``sp`` (and not
    ``sp``), or another home place than ``home`` (济南市副市长与…签署了两市…备忘录, after 山东省代表团访问了
    加利福尼亚州: not the province's tie; the home's own province may be named), blanked out, offsets kept."""
    text = sent.text
    keep = {home.name, *_parents(home)} if home is not None else None

    def other(x: Span) -> bool:
        if x.type not in ("City", "Region"):
            return False
        if x.foreign:
            return x.name != sp.name
        if keep is not None and x.name != home.name and x.name in keep and _JOINED_AFTER.match(text, sent.rel(x)[1]):
            return True  # (the home's own province as a side of its own: …回顾了宁夏回族自治区与岛根县结好以来…)
        return keep is not None and x.country == "中国" and x.name not in keep

    if not any(other(x) for x in sent.spans):
        return text  # (the sentence names no other place)
    out = list(text)
    bounds = [0] + [m.end() for m in CLAUSE.finditer(text)] + [len(text)]
    for a, b in zip(bounds, bounds[1:]):
        if a <= sent.rel(sp)[0] < b:
            continue  # (the partner's own clause)
        if any(other(x) for x in sent.spans_in(a, b)):
            out[a:b] = " " * (b - a)
    return "".join(out)


def _other_levels(sent: Sentence, sp: Span) -> list[re.Pattern]:
    """The pair words that name both sides as places of another level than the partner ``sp``."""
    if sp.type == "City":
        wards = any(x.type == "Region" and x.foreign and x.written.endswith("区") for x in sent.spans)
        return [REGIONS_PAIR, DISTRICTS_PAIR] if wards else [REGIONS_PAIR]
    return [CITIES_PAIR] if _city_of_its_name(sent, sp) else []


def _city_of_its_name(sent: Sentence, sp: Span) -> bool:
    """Whether the document names a city of the region ``sp``'s name (鹿儿岛县 and 鹿儿岛市): the
    cities' tie (两市) may be told where the region is named, and is not the region's."""
    bare = sp.written[:-1]
    return sp.type == "Region" and not sp.written.endswith("市") and len(bare) >= 2 and bare + "市" in sent.doc.text


def _without_pair_of(level: re.Pattern, text: str) -> str:
    """``text`` with its clauses that name both sides as places of another level than the partner's
    (``level``: 两省州结好35年 for a city) blanked out, offsets kept."""
    out = list(text)
    bounds = [0] + [m.end() for m in CLAUSE.finditer(text)] + [len(text)]
    for a, b in zip(bounds, bounds[1:]):
        if level.search(text, a, b):
            out[a:b] = " " * (b - a)
    return "".join(out)


@lru_cache(maxsize=1024)
def _parents(place: Party) -> tuple[str, ...]:
    """The places ``place`` lies in, from the gazetteer (鼓楼区 → 南京市 → 江苏省)."""
    gaz, out = load(), []
    entry = gaz.lookup(place.name, (place.type, "City", "Region"))
    while entry is not None and entry.parent and entry.parent not in out and len(out) < 4:
        out.append(entry.parent)
        entry = gaz.lookup(entry.parent, ("Region", "City"))
    return tuple(out)


def _tie_of_foreign_subject(sent: Sentence, sp: Span, cs: int) -> bool:
    """Whether ``sp`` is joined by 与 to a foreign place that opens its clause (from ``cs``), its
    country and region before it read past (尼崎市与美国佐治亚州奥古斯塔市也是友好城市)."""
    text = sent.text
    head = sent.rel(sp)[0]
    before = sorted(sent.spans_in(cs, head), key=_START, reverse=True)
    for y in before:
        if y.type in ("Country", "Region") and sent.rel(y)[1] == head:
            head = sent.rel(y)[0]
        elif (text[head - 1 : head] == "、" and sent.rel(y)[1] == head - 1 and y.type in ("City", "Region", "Country")
              and (y.type == "Country" or y.foreign)):
            head = sent.rel(y)[0]  # (and the places listed before it: …还与美国弗雷斯诺市、|印度尼西亚苏拉巴亚市)
    places = [x for x in sent.spans_in(cs, head) if x.type in ("City", "Region") and x.foreign]
    if places:
        first = places[0]
        s, e = sent.rel(first)
        # (Or its group: 达累斯萨拉姆市代表还与贝洛奥里藏特市代表…进行了交流.)
        # (A word of time or manner may stand before 与: 高知市还与…, 合艾市已与….)
        if (_PLACE_TO_WITH.fullmatch(text, e, head) or _GROUP_TO_WITH.fullmatch(text, e, head)) and not _JOINERS.search(text, cs, s):
            return True
    # (The subject itself, its group joined so to another foreign place's.)
    s, e = sent.rel(sp)
    # (Not a place named after others in its clause; its region right before it is its own: 广东省|深圳市.)
    before = [x for x in sent.spans_in(cs, s) if x.type in ("City", "Region", "Person") and sent.rel(x)[1] < s]
    if _JOINERS.search(text, cs, s) or before:
        return False
    # (Or the place itself, with a word of time or manner before 与: 佐贺市还与美国奥兰多市…结为友好城市;
    # a place joined by 与 alone, 佐贺市与…, is read as before.)
    joined = _GROUP_TO_WITH.match(text, e) or _PLACE_THEN_WITH.match(text, e)
    if joined is None:
        return False
    ce_m = CLAUSE_OR_STOP.search(text, joined.end())
    return any(x.foreign and x.type in ("City", "Region") for x in sent.spans_in(joined.end(), ce_m.start() if ce_m else len(text)))


# A place's own tie named after it (奥兰治的另一友好城市|日本牛久市): the tie between the two.
_OWNED_TIE = re.compile(f"的(?:另一个?|另外一个|其他|其它|又一)?(?:{pattern('partners', 'sister_city.before')})")


def _tie_owned_abroad(sent: Sentence, sp: Span) -> bool:
    """Whether ``sp`` is a foreign place named as another foreign place's partner, or the place whose
    partner is so named (奥兰治的另一友好城市日本牛久市): a tie abroad, not the home side's."""
    text = sent.text
    s, e = sent.rel(sp)
    places = [x for x in sent.spans if x.type in ("City", "Region") and x.foreign and x.name != sp.name]
    for x in places:
        xs, xe = sent.rel(x)
        if xe <= s:
            m = _OWNED_TIE.match(text, xe)
            gap = text[m.end() : s] if m else None
        elif xs >= e:
            m = _OWNED_TIE.match(text, e)
            gap = text[m.end() : xs] if m else None
        else:
            continue
        if gap is not None and (gap == "" or any(c.type == "Country" and sent.rel(c) == (m.end(), m.end() + len(gap))
                                                 for c in sent.spans)):
            return True
    return False


def _tie_of_other_pair(sent: Sentence, sp: Span, cs: int) -> bool:
    """Whether the clause of ``sp`` (from ``cs``) names after it another foreign place joined right to a
    home place (鸟取县愿以|境港市与营口市|的友城关系为纽带): the clause's tie is that pair's, not ``sp``'s."""
    text = sent.text
    s, e = sent.rel(sp)
    ce_m = CLAUSE.search(text, e)
    places = sorted((x for x in sent.spans_in(e, ce_m.start() if ce_m else len(text)) if x.type in ("City", "Region")),
                    key=_START)
    for a, b in zip(places, places[1:]):
        if a.foreign != b.foreign and text[sent.rel(a)[1] : sent.rel(b)[0]] in ("与", "和", "同"):
            foreign = a if a.foreign else b
            # (Not a list the place opens: A市、B市与营口市….)
            return foreign.name != sp.name and not re.fullmatch(r"[、和及与]?", text[e : sent.rel(a)[0]])
    return False


# The words joining two sides or listing them (与, 和, 、…), compiled once: the rules below ask for each place.
_JOINERS = re.compile("[与和同及、]")
_JOINED_TO = re.compile("[与和同及]")
# A place's group joined to another side (…市代表还与, …代表团同): the place is the subject.
_GROUP_TO_WITH = re.compile(r"市?(?:代表团|代表|一行|方面)(?:还|也|又|则|亦)?(?:与|同)")


# What may stand between a place opening a clause and the 与 joining it to another (高知市还与…, 合艾市已与…):
# a word of time or manner (_PLACE_THEN_WITH) or none.
_TIME_OR_MANNER = "还|也|又|另|亦|已|已经|早已|曾|曾经|先后"
# (…after a word of time before it: 乔巴山市此前已与俄罗斯赤塔市….)
_BEFORE_NOW = "此前|之前|先前|早前|此外"
_PLACE_TO_WITH = re.compile(f"(?:{_BEFORE_NOW})?(?:{_TIME_OR_MANNER})?(?:与|同)")
_PLACE_THEN_WITH = re.compile(f"(?:(?:{_BEFORE_NOW})(?:{_TIME_OR_MANNER})?|(?:{_TIME_OR_MANNER}))(?:与|同)")
# What may stand between a clause's subject and the 与 joining the other side (金相浩还与…).
_SUBJECT_TO_WITH = re.compile(r"(?:还|也|又|随后|另|并|则|亦)?(?:与|同|和)")


def _between_foreigners(sent: Sentence, sp: Span, cs: int, people: dict[str, Party]) -> bool:
    """Whether the clause of ``sp`` tells of two foreign sides: a foreign person who opens it (with the
    title and places naming them) joined by 与 to a foreign party (金相浩还与…韩国忠清南道…一行进行了交流,
    after 韩国驻西安总领事金相浩; 撒马尔罕州副州长X还与阿塞拜疆…主席Y举行了双边会谈): no act of the home side's.
    ``people`` are the persons the document named before, with their countries."""
    text = sent.text
    ce_m = CLAUSE_OR_STOP.search(text, sent.rel(sp)[1])
    ce = ce_m.start() if ce_m else len(text)
    persons = [x for x in sent.spans_in(cs, ce) if x.type == "Person"]
    if not persons:
        return False
    first = persons[0]
    s, e = sent.rel(first)
    with_at = _SUBJECT_TO_WITH.match(text, e)
    if with_at is None or _JOINED_TO.search(text, cs, s) or ACT_WORD.search(text, cs, s):
        return False  # (not a subject that opens the clause)
    known = people.get(first.written) or people.get(first.name)
    lead = [x for x in sent.spans_in(cs, s) if x.type in ("Country", "City", "Region", "Organization", "Company")]
    subject_foreign = first.foreign or bool(known and known.country not in ("", "中国")) or any(x.foreign for x in lead)
    # (The other side, past a venue: 还与同期在太原考察的韩国忠清南道…一行.)
    other = next((x for x in sorted(sent.spans_in(with_at.end(), ce), key=_START)
                  if not VENUE_BEFORE.search(text[max(0, sent.rel(x)[0] - 2) : sent.rel(x)[0]])), None)
    return subject_foreign and other is not None and other.foreign


def _of_its_country(sent: Sentence, sp: Span, start: int, end: int) -> bool:
    """Whether ``sent.text[start:end]`` names the country of the place ``sp`` (the event held there is
    the country's, not the place's: 在阿拉木图市出席陕西—哈萨克斯坦经贸合作推介会)."""
    # (Or inside an event's name read whole: its country is no mention of its own.)
    return any(x.type == "Country" and x.name == sp.side_country or x.type == "Event" and sp.side_country and sp.side_country in x.written
               for x in sent.spans_in(start, end))


_REGION_UNIT = re.compile(pattern("names", "region_suffix"))


def _party(sp: Span) -> Party:
    return Party(_party_name(sp), sp.type, "", (), sp.side_country)  # (in order: a keyword call makes a dict)


def _party_name(sp: Span) -> str:
    # (A foreign city's ward by the name with its city: 光州广域市西区, not the Chinese 西区.)
    # (And a region written by its bare name, 马六甲 after 马六甲州: by the region's.)
    # (And a city written again without 市, 户田 after 日本户田市: by the name the document gave it.)
    # (And a region written by its stem, 谅山 after 谅山省人民委员会: by the region's name.)
    by_name = sp.rule in ("ward-of-city", "known-ward", "known-region", "district-of", "known-place") or (
        sp.type == "Region" and sp.written != sp.name and sp.name.startswith(sp.written) and _REGION_UNIT.fullmatch(sp.name, len(sp.written)))
    return sp.name if by_name else sp.written


def _foreign_pair(sent: Sentence) -> set[str]:
    """The foreign places a sentence that names no mainland place joins to each other (日本冈山市与韩国
    富川市…结为友好城市): their tie is not the home side's."""
    if "与" not in sent.text and "同" not in sent.text:
        return set()  # (no word joins two places: see below)
    places = [x for x in sent.spans if x.type in ("City", "Region", "Country")]
    if any(x.type != "Country" and not x.foreign and x.country == "中国" for x in places):
        return set()
    places.sort(key=_START)  # (sorted only where read: most sentences name a mainland place)
    text = sent.block.text
    out: set[str] = set()
    for i, a in enumerate(places[:-1]):
        # The next place, past a country written before it (日本冈山市与|韩国|富川市).
        j = i + 2 if places[i + 1].type == "Country" else i + 1
        if a.type == "Country" or j >= len(places) or places[j].type == "Country" or not (a.foreign and places[j].foreign):
            continue
        lead = text[max(text.rfind(m, 0, a.start) for m in "，,。；;：:") + 1 : a.start]
        if text[a.end : places[i + 1].start] in ("与", "同") and not _JOINERS.search(lead):
            out.update((a.name, places[j].name))  # (not a list, 与A和B…: A is its clause's subject)
    return out


# A sentence that opens at a place (在罗兹市，刘长明会见…): the home side is there, a visit.
VENUE_OPENS = re.compile(r"^[\s\d年月日上下午晚当天，,]*在$")
# A talk, right after the word of holding (举行|会谈).
TALK = re.compile(f"了?(?:{pattern('meetings', 'acts.in_person')})")


def _country_start(sent: Sentence, cs: int, rs: int) -> int:
    """Where the country written right before the place starting at ``rs`` starts (在波兰|谢德尔采市),
    else ``rs`` (sentence-relative; the clause starts at ``cs``)."""
    return next((sent.rel(x)[0] for x in sent.spans_in(cs, rs) if x.type == "Country" and sent.rel(x)[1] == rs), rs)


def _stay_abroad(text: str) -> bool:
    """Whether ``text`` tells of a stay in a foreign country or place (在澳大利亚期间，…与X市市长…会谈):
    a visit there."""
    m = STAY.search(text)
    e = load().lookup(m.group(1), ("Country", "City", "Region")) if m else None
    return e is not None and (e.zh if e.type == "Country" else e.country) not in ("", "中国")


_CAME_TO = re.compile(pattern("partners", "delegation_visit.came_to"))


def _came_to_home(sent: Sentence, start: int, end: int, home: Party) -> bool:
    """Whether the words after a foreign place, ``sent.text[start:end]``, say a person of it came to the
    home place (…市长Y来我市出席论坛, …来洛阳参加…), not planned. (Not a thing: 从纽约抵达广州.)"""
    clause_after = sent.text[start:end]
    if PLANNED_VISIT.search(clause_after):
        return False
    came = _coming_to(home, clause_after)
    return came is not None and any(x.type == "Person" for x in sent.spans_in(start, start + came[0]))


def _came_before(sent: Sentence, cs: int, start: int, home: Party) -> bool:
    """Whether the words before a foreign place in its clause, ``sent.text[cs:start]``, describe who
    of it came to the home place (会见来潍坊参加风筝会的法国迪耶普市市长X)."""
    clause_before = sent.text[cs:start]
    came = _coming_to(home, clause_before)
    return came is not None and "的" in clause_before[came[1] :] and not PLANNED_VISIT.search(clause_before)


def _coming_to(home: Party, text: str) -> tuple[int, int] | None:
    """Where the first words of ``text`` that say someone came to the home place are: 来我市 and the
    like, else a word of coming before the home place's own name (来潍坊, 来豫: see :func:`_came_to`)."""
    found = _CAME_TO.search(text)
    if found is None:
        names, came_to = _came_to(home)
        if not any(n in text for n in names):
            return None  # (a text that writes none of the home place's names comes to it by none)
        found = came_to.search(text)
    return found.span() if found is not None else None


# (Kept for many home places: a corpus of many cities, or the benchmark's, asks for each again and again.)
@lru_cache(maxsize=1024)
def _came_to(home: Party) -> tuple[tuple[str, ...], re.Pattern]:
    """``home``'s names (its name, its name without its unit and its province's abbreviation: 潍坊市, 潍坊,
    鲁), and the pattern of a word of coming before one of them (来潍坊, 来豫)."""
    names = [n for n in (home.name, home.name[:-1] if len(home.name) > 2 and home.name[-1] in "市省县区" else "") if n]
    names += list(home_abbreviations(home))
    return tuple(names), re.compile(f"(?:{pattern('partners', 'delegation_visit.came_to_place')})(?:{'|'.join(map(re.escape, names))})"
                                    if names else "(?!)")


def _visit_told(text: str) -> bool:
    """Whether ``text`` tells of a visit made, not planned (绍兴市将于10月派出代表团回访)."""
    for m in VISIT.finditer(text):
        cs = max(text.rfind(c, 0, m.start()) for c in "，,；;") + 1
        plan = PLANNED_VISIT.search(text, cs, m.start())
        if plan is None or plan.group(0).startswith("邀") and ACCEPTED.search(text, cs, plan.end()):
            return True  # (应市长邀请率团访问, 应邀来访: an invitation accepted, the visit made)
    return False


# The words outside those patterns that some tie is read by, where the patterns above hold them
# anchored to a place (友城|X市, X市|代表团, X市|举办…, 在…期间).
_TIE_WORDS = skipping("|".join(
    [pattern("partners", k) for k in ("sister_city.before", "tiers.friendly_exchange", "tiers.sister_city",
                                      "delegation_visit.after_place", "delegation_visit.came_to_place",
                                      "joint_activity.represented", "joint_activity.held_with")]
    + ["周年", "主办", "培训"]))
_VENUE_START = re.compile(r"[\s\d年月日上下午晚当天，,]*在")


def _may_tie(sent: Sentence) -> bool:
    """Whether ``sent`` holds any word :func:`read_partner_links` reads a tie by (or sits where a tier
    is named for it: under a heading, after a tier's words in its block). A sentence with none ties
    nothing: it is not read place by place. (Most sentences that name foreign places, 会见了X市市长Y,
    hold none; reading each of their places took a sixth of the extraction's time.) Each pattern
    here is one a tie's reading needs, or a word that pattern cannot match without."""
    text = sent.text
    return bool(
        sent.block.kind == "list_item"
        or _TIE_WORDS.search(text) or TWINNED.search(text) or FRIENDLY_EXCHANGE.search(text)
        or LETTER_OF_INTENT.search(text) or AGREEMENT.search(text) or COOPERATION.search(text)
        or VISIT.search(text) or HELD.search(text) or HELD_TOGETHER.search(text) or STAY.search(text)
        or _CAME_TO.search(text) or (("(" in text or "（" in text) and BRACKET_TIER.search(text))  # (it opens at a bracket)
        or _VENUE_START.match(text)
        or TIER.search(sent.block.text, 0, sent.end))


# Two tiers counted, then the places in order (新缔结国际友好城市3个、友好交流城市2个，分别是A、B、C和D、E):
# the first count's places are of the first tier, the rest of the second.
_COUNT = r"(\d+|[一二三四五六七八九十两]+)\s*[个座对]"
_TIER_WORD = (f"(?:国际)?(?:(?P<fe{{n}}>{pattern('partners', 'tiers.friendly_exchange')})"
              f"|(?P<sc{{n}}>{pattern('partners', 'tiers.sister_city')}))")
COUNTED_TIERS = re.compile(_TIER_WORD.format(n=1) + _COUNT + r"[、，,和及]" + _TIER_WORD.format(n=2) + _COUNT
                           + f"[，,；;：:]?(?:{pattern('partners', 'sister_city.among')}|为|包括|：|:)")


def _year_reported(sent: Sentence) -> str:
    """The year a sentence's new ties are of: the year it is dated by where that is a year alone (its
    section's, 一、2023年工作回顾), else the year the document covers."""
    if len(sent.date) == 4 and sent.date.isdigit():
        return sent.date
    return str(sent.doc.year) if sent.doc.year else ""


def _counted_tiers(sent: Sentence, home_city: Party) -> dict[str, str]:
    """The relation of each place listed after two counted tiers (see COUNTED_TIERS), by the counts; {}
    where the sentence has no such list, or the places do not add up to the counts."""
    m = COUNTED_TIERS.search(sent.text)
    if m is None:
        return {}
    n1, n2 = _number(m.group(3)), _number(m.group(6))
    listed = list(dict.fromkeys(sp.name for sp in sorted(_partner_spans(sent, home_city), key=lambda x: x.start)
                                if sent.rel(sp)[0] >= m.end()))
    if not n1 or not n2 or len(listed) != n1 + n2:
        return {}
    first = "friendly_exchange" if m.group("fe1") else "sister_city"
    second = "friendly_exchange" if m.group("fe2") else "sister_city"
    return {name: first if i < n1 else second for i, name in enumerate(listed)}


def read_partner_links(sent: Sentence, home_city: Party, people: dict[str, Party] | None = None) -> list[PartnerLink]:
    """The partner links ``sent`` states between home places and foreign ones. ``people`` are the
    persons the document named before, by name, with their countries (see MeetingContext.people)."""
    # (A sentence that names no partner ties none; the places are read first, as most sentences that
    # pass _may_tie name none, and the pair a later sentence may name asks for them too.)
    if not _partner_spans(sent, home_city):
        return []
    if PLAN_SECTION.search(sent.block.section or ""):
        return []  # a section of plans (二、2024年工作思路): its ties and visits are not yet
    if not _may_tie(sent):
        return []
    text = sent.text
    year = sent.doc.year
    out: list[PartnerLink] = []
    seen: set[tuple[str, str, str]] = set()

    def add(home: Party, sp: Span, relation: str, since: str = "", date: str = "") -> None:
        key = (home.name, sp.name, relation)
        if key in seen:
            return
        if relation in ("delegation_visit", "joint_activity") and date and after_page(sent.doc, date):
            return  # (a visit or an event dated after the page: invited to, planned, not yet made)
        seen.add(key)
        out.append(PartnerLink(home, _party(sp), relation, sent.evidence(), since, date))

    foreign_pair = None  # (read when a partner is named: most sentences name none)
    # (The tests below that a partner's tie is others' need another foreign place of the sentence, before
    # or after the partner (or a person, for two foreign sides): most sentences name one place.)
    abroad = [x for x in sent.spans if x.type in ("City", "Region") and x.foreign]
    persons = any(x.type == "Person" for x in sent.spans)
    # (Whether the sentence writes a word naming both sides (两市, 双方…): a clause cannot name them later without one.)
    pair_words = PAIR_CLAUSE.search(text) is not None
    counted = _counted_tiers(sent, home_city) if NEW_TIES.search(text) else {}
    institutions = _signed_by_institutions(sent)
    for sp in _partner_spans(sent, home_city):
        if sp.name in counted:
            # (New ties of the year the text reports on: its section's, else the document's.)
            new_year = _year_reported(sent)
            relation = counted[sp.name]
            add(_home(sent, sp, home_city), sp, relation, since=new_year if relation == "sister_city" else "",
                date=new_year if relation == "friendly_exchange" else "")
            continue
        if foreign_pair is None:
            foreign_pair = _foreign_pair(sent)
        if sp.name.rstrip("市") == home_city.name.rstrip("市") or sp.name in foreign_pair:
            continue
        rs, re_ = sent.rel(sp)
        if DESCRIBED.match(text, re_):
            continue  # 莫吉廖夫州首府: where the partner lies, not a partner
        # Words before a place are read past its country: 在英国伦敦, 为越南河内市.
        lead = next((x for x in sent.spans if x.type == "Country" and x.end == sp.start), None)
        before, after = text[: sent.rel(lead)[0] if lead else rs], text[re_:]
        cs = sent.clause_start(rs)  # (the last clause mark before the partner: CLAUSE's)
        beside = any(x.end <= sp.start or x.start >= sp.end for x in abroad)
        if (beside and _tie_of_foreign_subject(sent, sp, cs) or persons and _between_foreigners(sent, sp, cs, people or {})
                or beside and (_tie_of_other_pair(sent, sp, cs) or _tie_owned_abroad(sent, sp))):
            continue  # (尼崎市与美国佐治亚州奥古斯塔市也是友好城市: the foreign subject's tie, not the home side's)
        ce_m = CLAUSE.search(text, re_)
        ce = ce_m.start() if ce_m else len(text)
        while ce < len(text) and (PAIR_GOES_ON.match(text, ce + 1) or pair_words and PAIR_NAMED_LATER.match(text, ce + 1)):
            # …与X市结为友好交流城市，双方签署…备忘录 (or 上海正按两市签订的…备忘录): the next clause
            # tells the same pair's acts, unless it names another place.
            nxt = CLAUSE.search(text, ce + 1)
            end = nxt.start() if nxt else len(text)
            others = [x for x in sent.spans_in(ce + 1, end) if x.type in ("City", "Region") and x.foreign]
            if others and (not PAIR_GOES_ON.match(text, ce + 1) or all(x.name != sp.name for x in others)):
                break  # (…拜会了A区区长X，并与B区签署了协议: the agreement is B's)
            if any(x.type in ("City", "Region") and not x.foreign and _JOINED_AFTER.match(text, sent.rel(x)[1])
                   for x in sent.spans_in(ce + 1, end)):
                break  # (…会见了岛根县议会议长X，双方回顾了宁夏回族自治区与岛根县结好以来…: that clause names its own pair)
            ce = end
        clause = text[cs:ce]
        home = _home(sent, sp, home_city)
        act_date = sent.date_before(rs, own_brackets=False)
        listed = LISTED_DATE.match(text, re_)
        act_date = (parse_date(listed.group(1), None) if listed else "") or act_date  # (its own: 克卢日-纳波卡市（2019年12月）)
        tier = None
        for t in TIER.finditer(sent.block.text, 0, sp.start):  # (the list may run over several sentences)
            tier = t
        if tier is not None and tier.group(0)[-1] not in ":：" and tier.end() <= sent.start:
            tier = None  # (…4个，有A、B等 lists within its own sentence, not over the next ones)
        if (tier is not None and tier.end() <= sent.start and re.search("[与同和]", text[cs:rs])
                and (FRIENDLY_EXCHANGE.search(clause) or TWINNED.search(clause) or LETTER_OF_INTENT.search(clause))):
            # A later sentence that states a tie between two sides (此外，温州市还与…建立了友好交流关系):
            # the list has ended. (Not an item's own note: 戈亚尼亚市(2002年8月正式商定建立友好关系).)
            tier = None
        bracketed = BRACKET_TIER.match(text, re_) if tier is None else None
        if bracketed and not PLANS.search(bracketed.group(0)):
            # A place with its tier in brackets (齐齐哈尔市—蒙古国乔巴山市（友好交流城市，5月签署）): the
            # tier is the tie, the date in the brackets when it was made.
            relation = "sister_city" if bracketed.group("sister_city") else "friendly_exchange"
            date = parse_date(bracketed.group(0), year) if DATE_WORDS.search(bracketed.group(0)) else ""
            if not date and (year_in := YEAR_IN_CLAUSE.search(bracketed.group(0))):
                date = year_in.group(1)  # (a year alone after the tier: （友好城市，1997年）)
            add(home, sp, relation, since=date[:4] if relation == "sister_city" else "", date=date)
            continue
        if tier is None and sent.block.kind == "list_item":
            # An item of a list under a heading (or title) that names the tier (苏州市友好城市 / 1.意大利
            # 威尼斯市 1980年3月24日): the tier is the tie, the date after the place when it was made.
            named = LIST_TIER.search(sent.block.section or "") or LIST_TIER.search(sent.doc.title or "")
            if named and not TWINNED.search(clause) and not FRIENDLY_EXCHANGE.search(clause):
                relation = "sister_city" if named.group("sister_city") else "friendly_exchange"
                year_m = YEAR_IN_CLAUSE.search(text, re_)
                date = parse_date(text[re_:], None) or (year_m.group(1) if year_m else "")
                add(home, sp, relation, since=date[:4] if relation == "sister_city" else "", date=date)
                continue
        if tier is not None:
            # A place listed under a heading that names its tier (第二类 友好关系城市(共11个):): the
            # tier is the tie; the date in brackets after it (长野市(1981年4月19日缔结)) is when.
            relation = "sister_city" if tier.group("sister_city") or tier.group("sister_city_n") else "friendly_exchange"
            listed = LISTED_DATE.match(text, re_)
            date = parse_date(listed.group(1), None) if listed else ""
            if not date and tier.start() >= sent.start:
                date = act_date  # (a tier named in this sentence: 2019年，…新增友好交流城市2个：A市、B市)
            add(home, sp, relation, since=date[:4] if relation == "sister_city" else "", date=date)
            continue
        # A tie is read in the partner's clause when the clause names one or says how it stands
        # (…与X市签署意向书，与Y市缔结友城); else in the whole sentence (现有友好城市2个，分别为…).
        # (Not in a clause that names another foreign place: 会见了米兰市副市长X，与杜伊斯堡市市长Y签署了
        # 备忘录 — the memorandum is Duisburg's.)
        scope = clause if (TWINNED.search(clause) or SIGNED.search(clause) or PLANS.search(clause)
                           or FRIENDLY_EXCHANGE.search(clause) or LETTER_OF_INTENT.search(clause) or AGREEMENT.search(clause)) \
            else _without_other_places(sent, sp, home)
        for other_level in _other_levels(sent, sp):
            if other_level.search(scope):
                scope = _without_pair_of(other_level, scope)
        if scope is not clause:
            # A list after clauses that each name a tie (现有国际友好城市12个、友好交流城市20个，其中新增友好交流
            # 城市3个，分别是…): the nearest is the list's, the earlier ones other statements.
            bounds = [0] + [m.end() for m in CLAUSE.finditer(scope, 0, cs)]
            naming = [a for a, b in zip(bounds, bounds[1:] + [cs]) if b > a and _names_a_tie(scope[a:b])]
            if len(naming) >= 2:
                scope = " " * naming[-1] + scope[naming[-1] :]
        if scope is not clause and _names_a_tie(scope[:cs]) and _names_a_tie(scope[ce:]):
            # A list after the words that name its tie (新增国际友好城市2个，分别为A市和B市，…): a later
            # clause that names a tie is another statement (…，新增友好交流城市3个), not these places'.
            scope = scope[:ce] + " " * (len(scope) - ce)
        # (缔结 inside 缔结友好交流城市关系 founds the tier below: not sister cities.)
        fe_words = [f.span() for f in FRIENDLY_EXCHANGE.finditer(scope)]
        # (Nor the sister cities of all a country's places, in an event's name: “国际友城青年交流营”,
        # 中日友好城市交流大会.)
        events = [sent.rel(x) for x in sent.spans if x.type == "Event"]
        scope_at = cs if scope is clause else 0
        twinned = (any(not any(a <= t.start() < b for a, b in fe_words)
                       and not (GENERIC_TIE.search(scope, 0, t.start()) and any(a <= scope_at + t.start() < b for a, b in events))
                       # (Nor a tie's name, not its founding, in an event's name that does not name the
                       # partner: 共同举办“友城青年交流周”活动 is of all sister cities.)
                       and not (t.group(0) in TIE_NAMES and any(
                           a <= scope_at + t.start() < b and not (a <= rs < b) for a, b in events))
                       and not _plan_for(scope, t.start()) for t in TWINNED.finditer(scope))
                   and not LETTER_OF_INTENT.search(scope))
        if FRIENDSHIP_BEFORE.search(before[-8:]) or twinned:
            m = ANNIVERSARY.search(text)
            lasted = _number(m.group(1)) if m else 0
            # (Counted from the latest year the sentence writes, if not earlier than the text's: 2024年，
            # …迎来结好二十周年 in a text of 2023 is 2004; not from 1994 in 1994年结好，今年30周年.)
            told = max((int(iso[:4]) for _, _, iso in sent.stated_dates if iso[:4].isdigit()), default=0) if m else 0
            at_year = told if told and (not year or told >= year) else year
            since = str(at_year - lasted) if at_year and 0 < lasted < 200 else ""
            # A place listed with the year of its tie in brackets (友好城市分别为：日本福井市（1989年）、…).
            listed = LISTED_DATE.match(text, re_)
            listed_year = YEAR_IN_CLAUSE.match(listed.group(1)) if listed else None
            if not since and listed_year:
                since = listed_year.group(1)
            # The founding words in the partner's clause, else in the sentence the tie was read in
            # (自2005年结为友好城市以来，我区与X区交往密切).
            where, at = (clause, cs) if FOUNDED.search(clause) or scope is clause else (scope, 0)
            founded = FOUNDED.search(where)
            if not since and founded and not _plan_for(where, founded.start()):
                # The tie founded in the year its own clause writes (青岛与曼海姆自2016年结为友好城市以来),
                # else on the date written before its words (in the sentence, not the context).
                # (Not a tie told as the start of a time, 两市结好以来: the sentence's date is not its.)
                stated = "" if SINCE_THEN.match(where, founded.end()) else sent.stated_date_before(at + founded.start())
                if not stated and not SINCE_THEN.match(where, founded.end()) and SIGNED.search(where, 0, founded.start()) and len(sent.date) >= 7:
                    # (A text signed on the day the paragraph before told: 仪式上，A市与X市签署建立友好城市关系协议书.)
                    stated = sent.date
                years = YEAR_IN_CLAUSE.findall(where, 0, founded.start())
                since = years[-1] if years else stated[:4] if stated[:4].isdigit() else ""
                # 与A、B分别于1980年和1994年结为…: each place its year, in order.
                tied = [x for x in sent.spans_in(cs, ce) if x.type in ("City", "Region") and x.foreign]
                if len(years) == len(tied) > 1 and EACH_IN_ORDER.search(where, 0, founded.start()) and sp in tied:
                    since = years[tied.index(sp)]
            passive = (FOUNDED_AFTER.search(clause) or FOUNDED_IN.search(clause)) if not since else None
            if passive and not _plan_for(clause, passive.start()):
                since = passive.group(1)
            # (Or in the sentence before, when this one picks its ties out of those: 2019年，成都市新增国际友好城市
            # 3个。其中，与A市…缔结友好城市关系.)
            told_new = NEW_TIES.search(text[:rs]) or (AMONG.match(text) and NEW_TIES.search(_sentence_before(sent)))
            if not since and year and told_new and not PLANS.search(clause):
                # 新缔结友好城市2个（…）: ties made in the year the text reports on (its section's, 一、2023年
                # 工作回顾, where it names one).
                since = _year_reported(sent)
            upgraded = UPGRADED.search(text) if len({x.name for x in _partner_spans(sent, home_city)}) == 1 else None
            if upgraded and not _plan_for(text, upgraded.start()):
                # (…在2019年建立友好交流城市关系的基础上正式升级为友好城市: the tie below was, from its year;
                # the sister places' is from the sentence's date.)
                fe_years = YEAR_IN_CLAUSE.findall(text, _clause_begin(text, upgraded.start()), upgraded.end())
                add(home, sp, "friendly_exchange", date=fe_years[-1] if fe_years else "")
                if not fe_years or since == fe_years[-1]:
                    since = sent.date[:4] if sent.date[:4].isdigit() else since
            add(home, sp, "sister_city", since=since)
        if FRIENDLY_TIER_BEFORE.search(before[-12:]):
            add(home, sp, "friendly_exchange")  # (a standing tie, told as what the place is)
        # (A plan in a clause of its own plans only that: 双方签署了…备忘录，并商定年内启动两市缔结友好城市
        # 关系的有关程序 — the memorandum is signed.)
        ties = _ties_in_text(_without_plan_clauses(_without(scope, scope_at, institutions)))
        for relation, dated in ties:
            date = act_date if dated else ""
            fe = FRIENDLY_EXCHANGE.search(clause) if relation == "friendly_exchange" and dated else None
            years = YEAR_IN_CLAUSE.findall(clause, 0, fe.start()) if fe else []
            if relation == "friendly_exchange" and dated and fe is None and scope is not clause:
                # (Named in another clause of the sentence: the year its own clause writes, 海南与沙巴州…。
                # 2019年双方签署友好交流合作备忘录以来….)
                fe = FRIENDLY_EXCHANGE.search(scope)
                years = YEAR_IN_CLAUSE.findall(scope, _clause_begin(scope, fe.start()), fe.start()) if fe else []
            if years and not date.startswith(years[-1]):
                date = years[-1]  # the year its own clause writes (成都与谢菲尔德于2016年缔结友好合作关系以来)
            if relation == "friendly_exchange" and fe is not None and EACH_IN_ORDER.search(clause):
                # (2008年和2016年，X市分别与A市、B市建立友好交流城市关系: each place its year, in order.)
                tied = [x for x in sent.spans_in(cs, ce) if x.type in ("City", "Region") and x.foreign]
                in_order = YEAR_IN_CLAUSE.findall(text, 0, rs)
                if len(in_order) == len(tied) > 1 and sp in tied:
                    date = in_order[tied.index(sp)]
            add(home, sp, relation, date=date)
        agreement = bool(ties) and any(relation == "cooperation_agreement" for relation, _ in ties)
        signed_text = FRIENDLY_EXCHANGE.search(scope) or LETTER_OF_INTENT.search(scope)
        represented = REPRESENTED_AT.match(after)
        online = represented is not None and ONLINE.search(represented.group(0))
        # (A pair of its own in the partner's clause, not the document's place (…会见了来长春访问的X，双方回顾了
        # 吉林省与江原道结好以来…): a visit told in another clause is not theirs.)
        own_pair = home.name != home_city.name and any(
            not x.foreign and x.type in ("City", "Region") and _JOINED_AFTER.fullmatch(text, sent.rel(x)[1], rs)
            for x in sent.spans_in(cs, rs))
        visit_text = clause if own_pair else text if sp.rule != "abbreviation" else text[rs:]
        # (A visit still to come, in the partner's clause: 此次出访期间，代表团还将访问法国利摩日市.)
        to_come = (PLANNED_VISIT.search(text, cs, rs) is not None and not ACCEPTED.search(text, cs, rs)
                   or TO_COME.search(text, 0, rs) is not None)
        if not to_come and (
                _visit_told(visit_text) or VISITOR_AFTER.match(after) and not online or _stay_abroad(text[:rs])
                or _came_to_home(sent, re_, ce, home) or _came_before(sent, cs, rs, home)
                or VENUE_OPENS.match(text[:_country_start(sent, cs, rs)]) and re.match(r"[，,]|期间", after) and sp.foreign):
            add(home, sp, "delegation_visit", date=act_date)
        joint = (
            HELD_TOGETHER.search(text)
            # (Not an event of the place's country held there: 在塔什干出席中国（陕西）—乌兹别克斯坦企业家座谈会.)
            # (Nor a talk held there, 在X市，A与市长B举行会谈: a meeting on a visit, no activity held together.)
            or (IN_PLACE.search(before[cs:]) and (held := HELD.search(after[: ce - re_ + 40])) and not TALK.match(after, held.end())
                and not _of_its_country(sent, sp, re_, ce))
            or (IN_FRIEND_PLACE.search(before[cs:]) and HELD.match(after))
            or ANNIVERSARY_PROGRAMME.search(after)
            # (A programme of the two sides' anniversary in a later clause, where the sentence names no
            # other foreign place: …访问法国波尔多市，出席两市结好25周年庆祝活动.)
            or (PAIR_ANNIVERSARY.search(after) and not any(
                x.type in ("City", "Region") and x.foreign and x.name != sp.name for x in sent.spans))
            # (Not the ceremony that signs the tie itself: …缔结友好城市关系协议书签字仪式在X举行.)
            or (sp.rule == "in-event" and HELD.search(text) and not _in_signing_ceremony(sent, sp))
            or (EVENT_AFTER.search(after) and HELD.search(text[cs:rs] + after[:20]))
            # The partner holds an event named after the home place (特里尔将举办“…中国厦门友城节”).
            or (PARTNER_HOLDS.match(after) and home.name[:2] in after[:40])
            or represented
            # (我市与俄罗斯赤塔市、蒙古国乔巴山市开展…交流活动: the home side holds it with them.)
            or (WITH_BEFORE.search(before, cs) and HELD_WITH.match(after)
                and not any(x.foreign and x.type in ("City", "Region", "Person") for x in sent.spans_in(cs, WITH_BEFORE.search(before, cs).start())))
        )
        # (Nor an event the sides talked of: 双方就两市结好十周年庆祝活动交换了意见.)
        talked_of = joint and TALKED_OF.search(text, cs) is not None
        # (乌兰乌德愿与呼和浩特共同办好…活动: a wish; …还将访问利摩日市，出席…庆祝活动: still to come.)
        if joint and not talked_of and not to_come and not JOINT_PLANNED.search(text, cs, ce):
            add(home, sp, "joint_activity", date=act_date)
        coop_text = _without(scope, scope_at, institutions) if sp.rule != "abbreviation" else text[rs : rs + 20]
        # (Not a word of a quoted name, 共同举办了“中德经济合作论坛”; a quoted saying is still read.)
        coop = _standing_cooperation(coop_text)
        # (A signed text names what the cooperation words are of, unless they tell of the time since it:
        # 2019年双方签署友好交流合作备忘录以来，两地…交流合作不断深化.)
        since_text = signed_text is not None and any(SINCE_THEN.match(coop_text, k) for k in _ends_of(signed_text, coop_text)) \
            and any(m.start() > signed_text.end() for m in coop)
        # (Or told of the two sides in a clause of their own after it: …已于2018年签署友好交流合作备忘录，双方在
        # 职业教育等方面开展了富有成效的交流.)
        since_text = since_text or signed_text is not None and any(
            m.start() > signed_text.end() and PAIR_CLAUSE.match(coop_text, _clause_begin(coop_text, m.start())) for m in coop)
        if (coop and not agreement and (not signed_text or since_text)) or (FOR_PLACE.search(before) and TRAINING_AFTER.search(after)):
            add(home, sp, "cooperation", date=act_date)
    # (A city whose ward the sentence ties the same way is where the ward lies: 在大阪拜会了大阪市浪速区
    # 区长，双方续签了…协议 ties 浪速区.)
    wards = {(link.relation, link.partner.name) for link in out if link.partner.name.endswith("区")}
    return [link for link in out if not any(r == link.relation and w != link.partner.name and w.startswith(link.partner.name)
                                            for r, w in wards)]


def _ends_of(m: re.Match, text: str) -> tuple[int, ...]:
    """Where the text named by ``m`` may end in ``text`` (its match, then past 关系 or 》)."""
    e = m.end()
    return tuple(dict.fromkeys((e, e + 2 if text.startswith("关系", e) else e, e + 1 if text.startswith("》", e) else e)))


def _clause_begin(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins: past the last CLAUSE_OR_STOP before it, else 0. (Found
    from ``pos`` backwards, by one match: not a search of every clause of the text before.)"""
    m = _UP_TO_LAST_CLAUSE_OR_STOP.match(text, 0, pos)
    return m.end() if m else 0


# Everything up to the last CLAUSE_OR_STOP (the greedy .* backs off from the end to it).
_UP_TO_LAST_CLAUSE_OR_STOP = re.compile(rf"(?s:.*){CLAUSE_OR_STOP.pattern}")


def _sentence_before(sent: Sentence) -> str:
    """The text of the sentence before ``sent`` in its block ("" for the first)."""
    text = sent.block.text[: sent.start]
    return text[max(text.rfind(c, 0, len(text) - 1) for c in "。；;！？!?") + 1 :]


def _names_a_tie(text: str) -> bool:
    """Whether ``text`` names a tie: the tier founded, or a text signed."""
    return bool(TWINNED.search(text) or FRIENDLY_EXCHANGE.search(text) or LETTER_OF_INTENT.search(text)
                or AGREEMENT.search(text))


def _plan_for(scope: str, at: int) -> bool:
    """Whether a plan word makes the tie word at ``at`` a plan: one written before it or in its clause
    (not a wish in a later clause: 杭州与岐阜县结好多年，希望双方进一步加强合作)."""
    end = CLAUSE.search(scope, at)
    # (Or a word denying it in its clause: 两市尚未缔结友城关系.)
    start = max((c.end() for c in CLAUSE.finditer(scope, 0, at)), default=0)
    return bool(PLANS.search(scope, 0, end.start() if end else len(scope))
                or NOT_YET.search(scope, start, end.start() if end else len(scope)))


def _without_plan_clauses(scope: str) -> str:
    """``scope`` without the clauses that state a plan (see PLANS), and without any clause after one
    that opens the sentence as a plan (拟于明年，与X市签署…)."""
    if not PLANS.search(scope):
        return scope  # (most scopes state none)
    clauses = CLAUSE.split(scope)
    if PLANS.search(clauses[0]):
        return ""
    return "，".join(c for c in clauses if not PLANS.search(c))


_SIGNERS_JOINED = re.compile(r"[与和同及、]")
_CLAUSE_OR_SENTENCE_END = re.compile(r"[，,：:。；;！？]")


def _signed_by_institutions(sent: Sentence) -> list[tuple[int, int]]:
    """The clauses (sentence-relative) where bodies that govern no place sign a text between
    themselves (…见证下，贵州医科大学与怀卡托大学签署…备忘录; 九江市第一人民医院与怀卡托医院签署…): their
    agreement is not one between the places, whoever witnessed it. (Read once a sentence: the links
    and the pair's ties both ask.)"""
    found = sent.memo.get("institutions")
    if found is None:
        found = sent.memo["institutions"] = _read_signed_by_institutions(sent) if SIGNED.search(sent.text) else []
    return found


def _read_signed_by_institutions(sent: Sentence) -> list[tuple[int, int]]:
    text = sent.text
    out = []
    for m in SIGNED.finditer(text):
        cb = max(_clause_begin(text, m.start()), max(text.rfind(c, 0, m.start()) for c in "。；;！？") + 1)
        bodies = [x for x in sent.spans_in(cb, m.start()) if x.type in ("Organization", "Company")]
        if len(bodies) < 2:
            continue
        last, before = bodies[-1], bodies[-2]
        ls, le = sent.rel(last)
        # (The second may follow its country: 九江学院与新西兰怀卡托大学.)
        country = next((x for x in sent.spans_in(sent.rel(before)[1], ls) if x.type == "Country" and x.end == last.start), None)
        joined_at = sent.rel(country)[0] if country else ls
        if (m.start() - le > 4 or sent.spans_in(le, m.start())
                or not _SIGNERS_JOINED.fullmatch(text, sent.rel(before)[1], joined_at)):
            continue  # (not two bodies joined right before the verb: the signers are others)
        if any(GOVERNMENT_BODY.search(x.name) for x in (before, last)):
            continue  # (a place's government signs for the place: 贵阳市人民政府与汉密尔顿市政府签署…)
        ce = _CLAUSE_OR_SENTENCE_END.search(text, m.end())
        out.append((cb, ce.start() if ce else len(text)))
    return out


def _without(scope: str, at: int, spans: list[tuple[int, int]]) -> str:
    """``scope`` (``text[at:]`` of its sentence, or a stretch of it) with the clauses ``spans`` blanked."""
    for s, e in spans:
        s, e = max(s - at, 0), min(e - at, len(scope))
        if s < e:
            scope = scope[:s] + " " * (e - s) + scope[e:]
    return scope


def _ties_in_text(scope: str) -> list[tuple[str, bool]]:
    """The ties ``scope`` names by the texts signed or the tier founded (planned or not): each
    relation (friendly_exchange, letter_of_intent, cooperation_agreement) and whether it is dated
    by the sentence's act (signed, or founded in so many words)."""
    fe = FRIENDLY_EXCHANGE.search(scope)
    if fe is None and not LETTER_OF_INTENT.search(scope) and not AGREEMENT.search(scope):
        return []  # (no text named, no tier founded: most scopes)
    out: list[tuple[str, bool]] = []
    signed = bool(SIGNED.search(scope))
    if fe and LETTER_OF_INTENT.match(scope, fe.end() + (scope.startswith("关系", fe.end()) and 2)):
        fe = None  # (签署建立友好交流城市关系意向书: the letter's name, the tie not yet founded)
    if fe:
        # (Dated when signed, or founded in so many words: 2018年，青岛市与…建立友好合作关系.)
        out.append(("friendly_exchange", signed or bool(FRIENDLY_FOUNDED.match(fe.group(0)))))
    if LETTER_OF_INTENT.search(scope):
        out.append(("letter_of_intent", signed))
    # (A text named by its friendly-exchange tie is that tie's text: 建立友好交流城市关系备忘录.)
    fe_spans = [f.span() for f in FRIENDLY_EXCHANGE.finditer(scope)]
    if any(not FRIENDLY_EXCHANGE.search(scope[max(0, m.start() - 6) : m.end()])
           and not any(scope[k : m.start()] in ("", "关系", "的", "关系的") for _, k in fe_spans if k <= m.start())
           and not any(a <= m.start() and m.end() <= b for a, b in fe_spans)  # (友好交流合作关系备忘录: one text)
           and not (m.group(0) == "备忘录" and LETTER_OF_INTENT.search(scope))  # 意向书或备忘录: one text
           and not _COUNTED_TEXTS.search(scope, max(0, m.start() - 12), m.start())
           for m in AGREEMENT.finditer(scope)):
        out.append(("cooperation_agreement", signed))
    return out


def pair_named(sent: Sentence, home_city: Party, read: list[PartnerLink]) -> tuple[Party, Party] | None:
    """The home place and the one foreign place ``sent`` ties (``read``, its links) or names, which a
    later sentence may call 双方 or 两市 (see read_pair_ties); None when it names several."""
    if len(read) == 1:
        return read[0].home, read[0].partner  # (one link: its pair, no Party hashed)
    pairs = {(link.home, link.partner) for link in read}
    if not pairs:
        spans = {sp.name: sp for sp in _partner_spans(sent, home_city)}
        if len(spans) > 1:
            # (Not where the act took place: 在慕尼黑会见了巴伐利亚州州长X。双方回顾了两省州… is of 巴伐利亚州.)
            spans = {n: sp for n, sp in spans.items() if not VENUE_AT.search(sent.text, 0, sent.rel(sp)[0])} or spans
            # (The fields _party fills, compared without a Party made and hashed for each span.)
            if len({(_party_name(sp), sp.type, sp.side_country) for sp in spans.values()}) > 1:
                return None  # (two partners make two pairs, whatever their home places: those need not be read)
        pairs = {(_home(sent, sp, home_city), _party(sp)) for sp in spans.values()}
    return pairs.pop() if len(pairs) == 1 else None


_SINCE = re.compile(r"以来")


def _standing_cooperation(text: str) -> list[re.Match]:
    """The words of ``text`` that tell of standing cooperation or exchange (not a topic talked over, a
    wish, a potential, nor a word of an event's or a quoted name)."""
    return [m for m in COOPERATION.finditer(text) if not _in_quoted_name(text, m.start())
            and not IN_EVENT_NAME.match(text, m.end()) and not POTENTIAL.match(text, m.end())
            and not _wished(text, m.start()) and not _talked_over_after(text, m.end())]


def _talked_over_after(text: str, pos: int) -> bool:
    """Whether the clause goes on, after the cooperation word ending at ``pos``, to say the relation is
    still being talked over (…的友好交流关系正在商谈中): a plan, not standing exchange."""
    ce = CLAUSE.search(text, pos)
    return PLANS.search(text, pos, ce.start() if ce else len(text)) is not None


_PURPOSE = re.compile(rf"\s*(?:{pattern('partners', 'cooperation.purpose_opens')})")


def _wished(text: str, pos: int) -> bool:
    """Whether words before the cooperation word at ``pos`` make it a topic, a wish or a time to come
    (see NOT_STANDING, FUTURE): in its clause, or in the clause before that opens it (美瑛町将以此次签约为契机，
    积极推动两地民间交流; not 以结好30周年为契机，两市开展了广泛合作)."""
    def wish_in(s: int, e: int) -> bool:
        return NOT_STANDING.search(text, s, e) is not None or FUTURE.search(text, s, e) is not None

    start = _clause_begin(text, pos)
    if wish_in(start, pos) or _PURPOSE.match(text, start):
        return True
    opens = OPENS_NEXT.search(text, 0, start - 1) if start else None
    return opens is not None and wish_in(_clause_begin(text, start - 1), opens.start())


def read_pair_ties(sent: Sentence, pair: tuple[Party, Party] | None, read: set[str] = frozenset()) -> list[PartnerLink]:
    """The ties a sentence that names no foreign place says the two sides signed or founded (会后，两区
    签署了《友好交流合作协议》; 双方签署了…意向书; 两市于1994年缔结友好城市关系): the ties of ``pair``,
    the home place and the one foreign place the sentences before named."""
    if pair is None:
        return []  # (no pair named before: most sentences)
    if PAIR_CLAUSE.search(sent.text) is None:
        return []  # (no word naming both sides: the clauses blanked below cannot add one)
    # (Not what bodies of theirs signed between themselves: 双方还共同见证了嘉兴学院与帕多瓦大学签署…协议.)
    text = _without(sent.text, 0, _signed_by_institutions(sent))
    if PAIR_CLAUSE.search(text) is None or not PAIR_OPENS.match(text):  # (the words it ends in, anywhere: most sentences have none)
        return []  # (the pair not named as the sentence opens: the ties below are not read)
    signed = SIGNED.search(text)
    founded = FOUNDED.search(text)
    # (Or held together, an anniversary programme: 2016年，两市举行结好20周年庆祝活动.)
    joint = HELD_TOGETHER.search(text) or (HELD.search(text) and PAIR_PROGRAMME.search(text))
    # (Or the tier below founded: 两市于2019年建立友好交流城市关系.)
    fe = FRIENDLY_EXCHANGE.search(text)
    fe_founded = fe if fe is not None and not signed and FRIENDLY_FOUNDED.match(fe.group(0)) else None
    # (Or their standing exchange: 此后，两市借助…平台开展密切交流.)
    coop = not (signed or founded or joint or fe_founded) and _standing_cooperation(text)
    if not (signed or founded or joint or fe_founded or coop) or PLANS.search(text) or PLAN_SECTION.search(sent.block.section or ""):
        return []
    named = {pair[1].name} if pair is not None and read <= {pair[1].name} else set()
    if any(x.type in ("City", "Region") and x.foreign and not {x.name, x.written} & named for x in sent.spans):
        return []  # (the sentence names another partner: read_partner_links reads it)
    home, partner = pair
    out = []
    years = YEAR_IN_CLAUSE.findall(text, 0, founded.start()) if founded else []
    if years and TWINNED.search(text) and not FRIENDLY_EXCHANGE.search(text):
        # 两市于1994年缔结友好城市关系: the pair's sister-city tie, of the year its sentence writes.
        out.append(PartnerLink(home, partner, "sister_city", sent.evidence(), since=years[-1]))
    if signed:
        date = sent.date_before(signed.start())
        # (A year its clause writes, not told as a date of its own: 2019年双方签署…备忘录以来.)
        years = YEAR_IN_CLAUSE.findall(text, _clause_begin(text, signed.start()), signed.start())
        if years and not date.startswith(years[-1]):
            date = years[-1]
        out.extend(PartnerLink(home, partner, relation, sent.evidence(), date=date if dated else "")
                   for relation, dated in _ties_in_text(text))
        since = _SINCE.search(text, signed.end())
        if since and any(not _in_quoted_name(text, m.start()) for m in COOPERATION.finditer(text, since.end())):
            # (…签署友好交流合作备忘录以来，两地在旅游…等领域交流合作不断深化: standing cooperation since.)
            out.append(PartnerLink(home, partner, "cooperation", sent.evidence()))
    if joint:
        out.append(PartnerLink(home, partner, "joint_activity", sent.evidence(), date=sent.date_before(joint.start())))
    if coop:
        out.append(PartnerLink(home, partner, "cooperation", sent.evidence()))
    if fe_founded:
        fe_years = YEAR_IN_CLAUSE.findall(text, 0, fe_founded.start())
        out.append(PartnerLink(home, partner, "friendly_exchange", sent.evidence(),
                               date=fe_years[-1] if fe_years else sent.date_before(fe_founded.start())))
    return out


_ROW_VISITORS = re.compile(pattern("partners", "delegation_visit.row"))


def signed_at_meeting(meeting: Meeting, leaders: list[PartnerLink]) -> list[PartnerLink]:
    """The texts the two sides of a meeting told in prose signed (…与X一行座谈，双方签署了…合作计划),
    between the places its leaders tie (``leaders``), where the sentence does not name the place (the
    partner rules read a sentence that does): the counterpart named before with it."""
    content = meeting.description
    signed = SIGNED_BY_PAIR.search(content)
    if not leaders or signed is None or PLANS.search(content):
        return []
    return [PartnerLink(link.home, link.partner, relation, meeting.evidence, date=meeting.date if dated else "")
            for link in leaders if link.partner.name.removesuffix("市") not in content
            for relation, dated in _ties_in_text(content[signed.start() :])]


def row_ties(meeting: Meeting, leaders: list[PartnerLink]) -> list[PartnerLink]:
    """The visit a leaders' table row names (…一行, …代表团), the texts it says were signed (会谈，签署
    《遵义市与干邑市建立友好城市关系意向书》) and the tie it founds, between the places its leaders
    tie (``leaders``, the row's leader links)."""
    content = meeting.description
    # (A group named in the row came: 法国干邑市市长 米歇尔·加尼耶一行, …率领的代表团.)
    out = [PartnerLink(link.home, link.partner, "delegation_visit", meeting.evidence, date=meeting.date)
           for link in leaders if _ROW_VISITORS.search(meeting.evidence.quote)]
    if not leaders or PLANS.search(content):
        return out
    if not SIGNED.search(content):
        # (A tie the row states with its year, 塔尔萨市为郑州市友好城市（2014年结好）: the places' tie since then.)
        years = YEAR_IN_CLAUSE.findall(content)
        if len(leaders) == 1 and years and (TWINNED.search(content) or FRIENDLY_EXCHANGE.search(content)):
            tier = TIER.search(content)
            relation = "friendly_exchange" if FRIENDLY_EXCHANGE.search(content) or tier and (tier.lastgroup or "").startswith("friendly_exchange") else "sister_city"
            out += [PartnerLink(link.home, link.partner, relation, meeting.evidence, since=years[0] if relation == "sister_city" else "",
                                date="" if relation == "sister_city" else years[0]) for link in leaders]
        return out
    out += [PartnerLink(link.home, link.partner, relation, meeting.evidence, date=meeting.date if dated else "")
            for link in leaders for relation, dated in _ties_in_text(content)]
    founded = FOUNDED.search(content)
    if founded and not LETTER_OF_INTENT.search(content) and not FRIENDLY_EXCHANGE.search(content):
        out.extend(PartnerLink(link.home, link.partner, "sister_city", meeting.evidence, since=meeting.date[:4])
                   for link in leaders)
    return out


# A city named right after its region, before a body's words (巴伐利亚州|因戈尔施塔特市|经济促进局).
_CITY_IN_REGION = re.compile(r"([\u4e00-\u9fff·\-]{2,10}?市)(?=[\u4e00-\u9fff]{2})")


def leader_links(meeting: Meeting, home_city: Party, act: str) -> list[PartnerLink]:
    """A meeting between leaders ties their places: the counterpart's city, region or government body."""
    if meeting.mode == "letter" or act in HOSTING_ACTS or act in ("参加", "欢迎"):
        return []  # a letter, a hosted visit, its attendees or a welcome tie no leaders
    if act in SIGNING_ACTS and any(cp.type != "Person" for cp in meeting.counterparts):
        return []  # places signing with places: the partner rules read the tie
    if all(p.type != "Person" for p in (*meeting.home, *meeting.counterparts)) and not LEADERS.search(meeting.description):
        return []  # places' departments meeting (黑河市、珠海市和…外事部门举行会晤): no leaders named
    gaz = load()
    places: list[Party] = []
    visited: list[Party] = []  # (the places whose persons came with a group)

    def place_of(p: Party) -> Party | None:
        if p.name in gaz.country_names:  # (the forms the gazetteer looks a country up by)
            return None  # a city-state is a country: countries are not partners
        if p.type in ("City", "Region") and p.country and p.country != "中国":
            if gaz.lookup(p.name, ("City", "Region")) or gaz.lookup(p.name[:-1], ("City",)) or _plausible_name(p.name) or (
                    # (A region no gazetteer lists that its official's title names: 乌多姆赛省副省长X.)
                    p.type == "Region" and len(p.name) >= 4 and p.name[-1] in "省州府郡道" and not _NOT_IN_PLACE.search(p.name)
                    # (Or named by a direction: 斯里兰卡中央省 … 中央省省长X.)
                    or p.type == "Region" and p.name[:-1] in _DIRECTION_NAMES and p.name[-1] in "省州"
                    # (Or a city the document named after its country, 韩国高阳市 … 高阳市市长X: its country is set.)
                    or p.type == "City" and len(p.name) >= 3 and p.name.endswith("市") and not _NOT_IN_PLACE.search(p.name)):
                return _place_alone(p)
            n, e = _place_prefix(p.name, gaz, lambda e: e.country == p.country)
            if e is not None and _WARD.fullmatch(p.name, n):
                return _place_alone(p)  # a ward named with its city (仁川广域市中区)
            if (e is not None and e.type == "Region" and p.type == "City" and p.name.endswith("市")
                    and 3 <= len(p.name) - n <= 7 and not _NOT_IN_PLACE.search(p.name, n)):
                return _place_alone(p)  # a city named with its region (俄克拉何马州塔尔萨市)
            return None
        if p.type == "Organization" and GOVERNMENT_BODY.search(p.name):
            # (Of the body's country, where it has one: 阿塞拜疆|阿拉特自由经济区管理局 does not start with
            # India's 阿拉.)
            n, e = _place_prefix(p.name, gaz, lambda e: (e.country not in ("", "中国") or e.zh in SARS)
                                 and (not p.country or p.country in (e.country, e.zh)))
            if e is not None:
                region = REGION_OF_CITY.match(p.name, n) if e.type == "City" and e.zh not in SARS else None
                if region and not gaz.lookup(p.name[: region.end()]):
                    # 巴黎大区议会: the body of the region named after the city (巴黎大区), not of the city.
                    return Party(p.name[: region.end()], "Region", country=e.country)
                city = _CITY_IN_REGION.match(p.name, n) if e.type == "Region" else None
                if city and (gaz.lookup(city.group(1), ("City",)) or _plausible_name(city.group(1))):
                    # 巴伐利亚州因戈尔施塔特市经济促进局: the body of the city named after its region.
                    return Party(city.group(1), "City", country=e.country)
                return Party(p.name[:n], e.type, country=e.zh if e.zh in SARS else e.country)
            # A place no gazetteer lists, named by its government (外贝加尔边区政府, 萨哈共和国政府).
            m = PLACE_BEFORE_BODY.match(p.name)
            if m and p.country and p.country != "中国" and (_plausible_name(m.group(1)) or _named_by_unit(m.group(1))):
                return Party(m.group(1), "City" if m.group(1).endswith("市") else "Region", country=p.country)
        return None

    for cp in meeting.counterparts:
        if cp.type == "Country":
            continue  # countries are not partners
        if cp.type == "Person" and cp.title.startswith("驻"):
            continue  # (a place's representative posted in China, 维多利亚州驻华首席代表: no leader of it)
        if cp.type in ("City", "Region") and not LEADERS.search(meeting.description):
            continue  # (a place's group, no leader of it named: 会见海法市代表团一行 is no leaders' meeting)
        cands = [cp] if cp.type != "Person" else list(cp.organizations)
        # (A person met with their group, 会见了X一行, X率领的代表团: their place's visit, as 一行 after the
        # place's name says; in person only.)
        at = meeting.description.find(cp.name) if cp.type == "Person" and meeting.mode == "in_person" else -1
        led = at >= 0 and LEADS.match(meeting.description, at + len(cp.name)) is not None
        for c in cands:
            pl = place_of(c if c.type != "Region" or c.name[:2] not in SARS else Party(c.name, c.type, country=c.name[:2]))
            if pl is not None and all(pl.name != x.name for x in places):
                places.append(pl)
            if pl is not None and led and all(pl.name != x.name for x in visited):
                visited.append(pl)
    home = meeting.home_place or home_city
    return ([PartnerLink(home, pl, "leader_meeting", meeting.evidence, "", meeting.date) for pl in places]
            + [PartnerLink(home, pl, "delegation_visit", meeting.evidence, "", meeting.date) for pl in visited])


def _place_alone(p: Party) -> Party:
    """The place ``p`` with no title or bodies: ``p`` itself where it has none, as most places met have
    none (a Party is a value: one with the same fields needs no copy)."""
    return p if not p.title and not p.organizations else Party(p.name, p.type, "", (), p.country)
