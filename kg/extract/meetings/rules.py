"""Meetings read from prose: who met whom, when, how, on whose behalf.

A meeting is stated by an act word (``cues/meetings.toml``: 会见, 会晤, 会谈,
接见, 座谈, 拜会, 视频会见/视频连线, 致信/致函/致贺信 for a letter, 接待 for
hosting a visit) with the home side before it and the counterpart after it
(``A会见B``), between ``与``/``同``/``向`` and it (``A与B通过视频会见``,
``A向B致信``), or, when both are named before it, told apart by their country
(``市长陈吉宁，香港特别行政区行政长官林郑月娥以视频连线形式…``). Counterparts
are the persons named, else the cities, regions and bodies
(``市主要领导会见西班牙马德里、意大利罗马等城市领导人``).

The home side is the Chinese persons of the act's clause; where the clause
has no subject (``…先后会见了A、B。会见A时，…``, ``…率队前往北京，与A、B进行
会谈``) it is the subject of the sentence, else of the meeting told before;
where the text names no home-side person (``市主要领导会见…``) it is the home
place. Persons written before ``参加会见`` attend the meeting told just
before, on the side of their country. Every meeting carries its home place:
the Chinese place in its home persons' words, else the document's.
Nothing here knows particular names.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ...gazetteer import load
from ...model import Meeting, Party
from ..cues import pattern, words
from ..dates import within_span
from ..firstchars import skipping
from ..home import SELF_WORDS, VENUE_AT, VENUE_BEFORE, places_in
from ..names import LEVEL_WORDS, ORG_BODY, ORG_COMPANY, make_org, title_prefix
from ..persons import (UNIT_ONLY, person_name, person_phrase, phrase_country, phrases_in, places_by_name, short_forms,
                       unit_place, visited_country)
from ..sentences import SARS, Sentence, Span
from ..press import LEAD as PRESS_LEAD
from ..tables import ROW_TEXT, cell_starts
from ...nlp.common import is_chinese_surname

# A letter sent, named with its kind (致新年贺信; 互致新春贺信, each side to the other).
# (互致… and 致… written as two branches, not 互?致…: see ACT.)
LETTER_OF_KIND = re.compile(f"互致(?:{pattern('meetings', 'acts.letter_kinds')})(?:{pattern('meetings', 'acts.letter_of')})"
                            f"|致(?:{pattern('meetings', 'acts.letter_kinds')})(?:{pattern('meetings', 'acts.letter_of')})"
                            f"|互致(?:{pattern('meetings', 'acts.letter_of')})")
# (Every branch opens with a character, no optional one: re then knows the characters a match starts
# with and scans for them itself, in every sentence and clause searched; most hold no act word.)
ACT = re.compile(
    "(?:" + LETTER_OF_KIND.pattern + "|"
    + "|".join(pattern("meetings", f"acts.{k}") for k in ("video", "letter", "exchange", "in_person", "hosting", "signing")) + ")(?!会)"
)
EXCHANGE_ACTS = frozenset(words("meetings", "acts.exchange"))
SIGNING_ACTS = frozenset(words("meetings", "acts.signing"))
ACCOMPANY_ACTS = frozenset(words("meetings", "acts.accompany"))
# What the guests do, right after the accompanying word (陪同|考察…): the home side goes with them.
_ACCOMPANIED_TOUR = re.compile(f"(?:{pattern('meetings', 'guests.tour')})")
# The one accompanied and a meeting of theirs, in the clause after the accompanying word (陪同|维斯孔蒂会见).
_ACCOMPANIED_ACTS = re.compile(f"[^，,。；;陪]{{1,16}}?(?:{pattern('meetings', 'acts.in_person')})")
LETTER_ACTS = frozenset(words("meetings", "acts.letter"))


def _is_letter(act: str) -> bool:
    return act in LETTER_ACTS or LETTER_OF_KIND.fullmatch(act) is not None
VIDEO_ACTS = frozenset(words("meetings", "acts.video"))
HOSTING_ACTS = frozenset(words("meetings", "acts.hosting"))
# Replies (复信, 回信): a letter of its own beside the one it answers.
REPLY_ACTS = frozenset(words("meetings", "acts.letter_reply"))
# An act word with no one after it (…市委书记X会见。, 市长会见并宴请): its guests were named before.
RECEIVING_ACTS = frozenset(words("meetings", "guests.received_by"))
NOBODY_AFTER = re.compile(r"\s*(?:并[^，,。；;]*)?[。；;！!]?\s*$")
# A modifier of the one met that starts with an attend word (会见出席中国（银川）国际葡萄酒博览会的X).
GUEST_WHO_ATTENDS = re.compile(f"(?:{pattern('meetings', 'roles.attend')})[^，,。；;]{{1,40}}?的")
NOT_AN_ACT = re.compile(f"^(?:{pattern('meetings', 'frames.not_an_act')})")
ATTEND_BEFORE = re.compile(f"(?:{pattern('meetings', 'roles.attend')})(?:了)?(?:{pattern('meetings', 'roles.attended_which')})?$")
# (Not a modifier: 会见了出席活动的X — X is met.)
# (Or whose meeting they attend, named before it: 参加郑晓燕与汤普森的会见.)
ATTENDED = re.compile(f"(?:{pattern('meetings', 'roles.attend')})(?:了)?(?:{pattern('meetings', 'roles.attended_which')}"
                      f"|[^，,。；;的]{{1,20}}?[与和同][^，,。；;的]{{1,20}}?的)?"
                      f"(?:{pattern('meetings', 'roles.attended')})(?!的)")
# An invitation's words (应X邀请, 受X邀请): who invited is not the subject.
INVITED_BY = re.compile(pattern("meetings", "frames.invited_by"))
# A talk the home side holds (主持召开…座谈会): whom it is held with may be named next.
HOSTED_TALK = re.compile(f"(?:{pattern('meetings', 'roles.hosts')})[^，,。；;]{{0,24}}?(?:{pattern('meetings', 'roles.hosted_talks')})")
CHINESE_MISSION = re.compile(pattern("meetings", "roles.chinese_mission"))
GUEST_MEMBERS = re.compile(pattern("meetings", "roles.guest_members"))
ATTEND_AFTER = re.compile(f"^(?:{pattern('meetings', 'roles.attend_after')})")
OWN_ACT = re.compile(pattern("meetings", "roles.own_act"))
# An attend word closing its clause (…杨学鹏参加。): the persons before it attend what was just told.
ATTEND_END = re.compile(f"(?:{pattern('meetings', 'roles.attend')})(?:了)?(?:{pattern('meetings', 'roles.attend_then')})?(?=[，,。；;]|$)")
# A letter named by its writer: 宣读了市长X的贺信.
# (Or with whom it is written to: X致扬州市的贺信, X市长致Y市长的贺信.)
# (Sent to the home side: 收到X发来的新春贺信.)
LETTER_OF = skipping(f"(?:致(?P<to>[^，,。；;的]{{1,24}}?))?(?:{pattern('meetings', 'acts.letter_sent')})?的"
                       f"(?:{pattern('meetings', 'acts.letter_kinds')})?(?:{pattern('meetings', 'acts.letter_of')})")
_LETTER_WORD = re.compile(pattern("meetings", "acts.letter_of"))  # (a match of LETTER_OF holds one)
OWN_MISSION = re.compile(pattern("meetings", "guests.own_missions"))
MISSION_WORD = re.compile(pattern("meetings", "guests.mission_words"))
LETTER_RECEIVED = re.compile(pattern("meetings", "acts.letter_received"))
CLAUSE_SEP = re.compile(r"[，,：:]")
# What may follow an official named by title only: the end of the list or of the clause (…和B省省长。).
UNNAMED_AFTER = re.compile(f"(?:{pattern('meetings', 'guests.unnamed_after')}|[、，,。；;]|$)")
LIST_BREAK = re.compile(r"[，,：:；;。]")  # between two persons: they are in two lists
# The verb and kind that stand between the guests and the act word (与代表团举行工作会谈).
HELD_BEFORE_ACT = re.compile(r"(?:举行|进行)了?(?:工作|正式|友好|亲切|深入|简短)?$")
GUESTS_DESCRIBED = re.compile(f"^了?(?:来访的|到访的)?(?:[\u4e00-\u9fff]{{0,8}}?(?:{pattern('meetings', 'guests.described')})"
                              f"|(?:{pattern('meetings', 'guests.pronouns')})(?:一行)?)(?:并[^，,。；;]{{0,8}})?[，,。；;]?$")
WITNESSED = re.compile(f"在(?P<who>[^，,。；;]{{2,80}}?)的?(?:{pattern('meetings', 'acts.witnessed')})")
WITNESS_WORD = re.compile(pattern("meetings", "acts.witnessed"))  # (a match of WITNESSED holds one)
COUNTED = re.compile(f"[\\d一二三四五六七八九十百千]+余?(?:{pattern('meetings', 'frames.counted')})")
THANKED_FOR = re.compile(f"(?:{pattern('meetings', 'frames.thanked')})[^，,。；;]{{0,24}}的"
                         f"(?:{pattern('meetings', 'frames.passive_manner')}|精心|周到)*$")
BOTH_SIDES = re.compile(f"(?:{pattern('meetings', 'frames.both_sides')})")
WITNESS_BEFORE = re.compile(f"(?:{pattern('meetings', 'acts.witnessed')})了?$")
_WELCOME = (f"的?(?:{pattern('meetings', 'guests.welcome_arrival')})表示"
            f"(?:{pattern('meetings', 'guests.welcome_manner')})?(?:的)?欢迎")
WELCOMED = re.compile(f"对(?P<who>[^，,。；;对]{{1,40}}?){_WELCOME}")
WELCOME_WORD = re.compile(_WELCOME)  # (a match of WELCOMED holds one)


def _extra_word(text: str) -> bool:
    """Whether ``text`` holds a word of a letter, a witness or a welcome: :func:`_letters_of`,
    :func:`_witnesses` and :func:`_welcomes` find nothing in a sentence without one. (Each searched
    alone: re scans for the first characters of the first two itself; a welcome's words open with an
    optional 的, so 欢迎, which they end with, is sought first.)"""
    return (_LETTER_WORD.search(text) is not None or WITNESS_WORD.search(text) is not None
            or "欢迎" in text and WELCOME_WORD.search(text) is not None)


# A list of places joined by 、/和/及 and the word of their group after it (…、圭迪佐洛市代表团).
_GROUP_AFTER_PLACES = re.compile(f"(?:[、和及][^，,。；;、和及]{{2,12}}?)*(?:政府|市政府)?(?:{pattern('meetings', 'guests.groups')})")
GROUP_HEAD = re.compile(f"(?:{pattern('meetings', 'guests.head')})")
# The guests of a meeting told by their group only, until its head is named (see MeetingContext.pending).
_GROUP = Party("", "Person")
_GUEST_LEAD = re.compile(r"[了 ]*(?:(?:来访|到访|来华访问|来华)的)?由?")  # (由X市市长率领的代表团: the place of its head)
MISSION_HEAD = re.compile(f"^[\u4e00-\u9fff]{{2,10}}驻[\u4e00-\u9fff]{{1,8}}?(?:{pattern('meetings', 'guests.mission_heads')})$")
LEADS = re.compile(f"(?:{pattern('meetings', 'guests.leads_manner')})?(?:{pattern('meetings', 'guests.leads')})")
_LEADS_SCAN = skipping(LEADS)  # (searched in every sentence: from where a match can start)
# A clause whose subject is a group alone (代表团拜会了…, 市政府代表团还会见了…).
# (Or with its venue after it: 代表团在俄斯特拉发市拜会了….)
HOME_GROUP = re.compile(f"[^，,。；;]{{0,6}}?(?:{pattern('meetings', 'guests.groups')})(?:一行)?[还也又先后分别随后]*(?:在[^，,。；;在]{{1,20}})?$")
# A person leading a group (X率团访问…, X带队赴…).
# The visiting group as the subject of a clause (…，代表团拜会了…).
GROUP_SUBJECT = re.compile(f"(?:^|[，,；;])(?:{pattern('meetings', 'guests.groups')})(?:一行)?")
LED_TEAM = re.compile(f"(?:{pattern('meetings', 'guests.leads')})(?:团|队)")
# A person leading a group named after them (X率领的法国图卢兹市政府代表团): the group's words.
LED_GROUP = re.compile(f"(?:{pattern('meetings', 'guests.leads')})的?[^，,。；;]{{0,30}}?(?:{pattern('meetings', 'guests.groups')})")
TO_COUNTERPART = re.compile(pattern("meetings", "frames.to_counterpart"))
# A plan before the act word in its clause (昆明市市长将会见…, 将于明日与X举行会谈).
PLANNED = skipping(f"(?<![少中上大准])(?:{pattern('meetings', 'frames.planned')})(?:于|在|与|同|和|对|赴|前往|$)")
# A passive act word: 受到Y的(亲切)会见, the receiver Y after the passive word (see _passive_sides).
PASSIVE = re.compile(f"(?:{pattern('meetings', 'frames.passive')})(?P<by>[^，,。；;]{{1,40}}?)的?"
                     f"(?:(?:{pattern('meetings', 'frames.passive_manner')})的?)*$")
VIDEO = re.compile(pattern("meetings", "modes.video"))
# 分别会见了 (also 分别与…会谈, 先后视频会见了): each of those met is a meeting of its own.
SEPARATELY_WORD = re.compile(pattern("meetings", "sequence.separately"))
SEPARATELY = re.compile(f"(?:{pattern('meetings', 'sequence.separately')})(?:与|同|和)?(?:{pattern('meetings', 'modes.video')})?$")
# A video act word told as a manner (以视频连线方式…): the act, if any, is the word after it.
VIDEO_MANNER = re.compile(r"的?方式[，,]?(?:共同|联合)?(?:举办|举行|召开|主办|承办|开展|出席|参加)")
# What makes an act word the time of another clause (在会见谢里夫时，…; 会见本·阿卜杜拉时，…).
TIME_OF_ACT = re.compile(r"[^，,。；;、]{0,30}?时[，,]")
AROUND_ACT = re.compile(f"(?:{pattern('meetings', 'frames.around_act')})[，,]")
# A video act word that tells the manner of the act word after it (通过视频连线(的方式)分别会见了…): one act, the second.
# Words between an act word and the words naming a person met (会见了|以…为团长的, 会见了|由…率领的).
PHRASE_LEAD = re.compile(f"了?(?:{pattern('meetings', 'guests.head_frame_start')})")
PHONE = re.compile(pattern("meetings", "modes.phone"))
MANNER_OF_NEXT_ACT = re.compile(f"(?:的?方式)?(?:{pattern('meetings', 'sequence.separately')})?(?:了)?(?=(?:{pattern('meetings', 'acts.in_person')}))")
# Words that end a counterpart list: 等城市领导人, 有关负责同志, 一行, 来访 …
CP_END = re.compile(f"(?:{pattern('meetings', 'frames.cp_end')}|[，,。；;])")
# What may stand between a clause's start and its act word when the clause has no subject of its
# own: dates, times of day, adverbs of sequence (1月6日, 下午, 先后, 分别, 随后).
PRONOUN = re.compile(r"[他她](?:本人)?")
# (Or a pronoun, who the text named before: 他本人当时曾致信X.)
NO_SUBJECT = re.compile(r"^(?:[他她](?:本人)?)?(?:会[前后上间])?[\s\d年月日至到—\-上下午晚间当天同期随后先后分别还又也并在此期间其中时曾经]*"
                        # (A stay's words, 访问期间: the sentence's subject's stay.)
                        f"(?:{pattern('meetings', 'stay.during')})?"
                        r"(?:会[前后上间])?[\s并还又也分别先后]*$")


def _no_subject(sent: Sentence, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` names no one who acts: only time words, or a venue (在曼谷) among them."""
    text = sent.text[s:e]
    if NO_SUBJECT.match(text):
        return True
    # (A foreign place's name may begin before the part a gazetteer knows: 在福斯杜|伊瓜苏市拜会了….)
    venues = [(m.start(), sent.rel(sp)[1]) for sp in sent.spans_in(s, e) if sp.type in ("City", "Region", "Country")
              for m in (VENUE_AT.search(sent.text, s, sent.rel(sp)[0])
                        or sp.foreign and _VENUE_INTO_NAME.search(sent.text, s, sent.rel(sp)[0]),) if m]
    for a, b in sorted(venues, reverse=True):
        text = text[: a - s] + text[b - s :]
    return bool(venues) and NO_SUBJECT.match(text) is not None


# 在 and the first characters of a foreign place's name no gazetteer knows whole (在福斯杜|伊瓜苏市).
_VENUE_INTO_NAME = re.compile(r"[在于](?:(?![与和同及的了在])[\u4e00-\u9fff]){1,4}$")


class _People:
    """MeetingContext.people: the persons the document named (see _remember_people), by name, each
    person's phrase read only when a rule asks for a name it may be known by: reading a phrase is dear,
    and most names are never asked for. ``waiting`` holds, for each name, the sentences' writes to it
    not yet made, in order: ``(told, whole)``, the person kept under their whole name if the phrase
    gives them a body or a country (``whole``), else under a part of it unless the part is known. A
    name's value depends only on its own writes, so asking for one reads only the persons written to it."""

    __slots__ = ("read", "waiting")

    def __init__(self) -> None:
        self.read: dict[str, Party] = {}
        self.waiting: dict[str, list[tuple[_Told, bool]]] = {}

    def add(self, sent: Sentence, sp: Span) -> None:
        """Remember the person ``sp`` (read when asked: see _Told)."""
        told, name = _Told(sent, sp), person_name(sp)
        self.waiting.setdefault(name, []).append((told, True))
        # Written again by a part (see short_forms), known so even with no body or country
        # (格塞尔市长 after 市长克里斯蒂安·格塞尔).
        for part in short_forms(name):
            self.waiting.setdefault(part, []).append((told, False))

    def _settle(self, name: str) -> None:
        writes = self.waiting.pop(name, None)
        if writes is not None:
            known = _People.then((name, self.read.get(name), writes))
            if known is not None:
                self.read[name] = known

    def now(self, name: str) -> tuple:
        """Whom ``name`` stands for now, to be read later by ``then`` (when a rule asks: later
        sentences may have named more by then)."""
        return name, self.read.get(name), tuple(self.waiting.get(name, ()))

    @staticmethod
    def then(now: tuple) -> Party | None:
        """The person ``now`` (see above) stands for, the writes that waited made in order."""
        _, known, writes = now
        for told, whole in writes:
            p = told.party()
            if not whole:
                if known is None:  # (a part: kept unless known)
                    known = p
            elif p.organizations or p.country:
                known = p
        return known

    def get(self, name: str, default: Party | None = None) -> Party | None:
        self._settle(name)
        return self.read.get(name, default)

    def whole_only(self, name: str) -> bool:
        """Whether the person known by ``name``, if any, is known by that whole name, none by a part of
        theirs (told without reading the persons waiting)."""
        known = self.read.get(name)
        return (known is None or known.name == name) and all(whole for _, whole in self.waiting.get(name, ()))

    def __contains__(self, name: str) -> bool:
        if name in self.read:
            return True
        writes = self.waiting.get(name)
        if not writes:
            return False
        if not all(whole for _, whole in writes):
            return True  # (a part is kept whatever its person's phrase says)
        self._settle(name)
        return name in self.read


class _Told:
    """A person a sentence named, for _People: read (``party``) when a rule first asks for them."""

    __slots__ = ("sent", "sp", "read")

    def __init__(self, sent: Sentence, sp: Span) -> None:
        self.sent, self.sp, self.read = sent, sp, None

    def party(self) -> Party:
        if self.read is None:
            sent, sp = self.sent, self.sp
            self.read = _person(sent, sp, sent.start + _phrase_start(sent, sp))
        return self.read


@dataclass
class MeetingContext:
    """What a document's meeting rules carry from sentence to sentence: the home side of the last
    meeting (for clauses with no subject) and the last meeting (for its attendees)."""

    home_place: Party
    # The foreign place the document names most (whom a letter of the home side is written to
    # when its sentence names nobody: 宣读了市长X的贺信).
    main_partner: Party | None = None
    last_home: tuple[Party, ...] = ()
    last: list[Meeting] = field(default_factory=list)
    # Every person the document named with a title or body, by name and by the last part of a
    # transliterated name: 丹尼尔森一行 is the 省督安德士·丹尼尔森 named before. (Read when asked:
    # see _People.)
    people: _People = field(default_factory=_People)
    # The meetings told since the date last changed (a visit's meetings, one paragraph each):
    # attendees named after them (…参加活动) attend them all.
    group: list[Meeting] = field(default_factory=list)
    # Those of them told as signings (…代表两市签署了纪要): not what attendees of a meeting (参加会晤) attend.
    signings: set[int] = field(default_factory=set)

    def new_record(self) -> None:
        """A new yearbook entry or section: what was told before is not carried into it."""
        self.last_home, self.last, self.group, self.signed, self.pending, self.seen = (), [], [], (), [], []
        self.told, self.told_upto = ((), -1), 0
        self.signings = set()
        self.home_leaders, self.speaker, self.trip, self.hosted = (), (), (), None

    # A trip abroad over days, told before: (its country, its span of days).
    trip: tuple[str, str] = ()
    # The home-side person the last sentence that opens with a person opened with (a pronoun's):
    # none, or one (iterated: a _Speaker, read when asked).
    speaker: Iterable[Party] = ()

    # The home-side persons last named as leading a group (副市长X率市政府代表团访问…): the home side
    # of a meeting whose subject is that group (代表团拜会了…).
    home_leaders: tuple[Party, ...] = ()

    # A talk the home side held, told with no guests (主持召开…座谈会): those attending it meet its host.
    hosted: Meeting | None = None

    # The foreign places of a signing that named no signatory yet.
    signed: tuple[Party, ...] = ()
    signed_in: int = -1  # the paragraph that named them (where a signatory may follow)
    # The sentences read since the record began, in order: where the visitors are found when a rule
    # asks for them (see _told_visitors). (A list, not a linked record a sentence: most are never asked.)
    seen: list[Sentence] = field(default_factory=list)
    # The visitors the last sentence of ``seen[:told_upto]`` that names any named, and its paragraph.
    told: tuple[tuple[Party, ...], int] = ((), -1)
    told_upto: int = 0

    # The foreign persons last named as coming with a group (X率代表团访问…), whom a meeting of
    # "the delegation" meets; and the paragraph that named them. (Read when asked: most sentences
    # name no visitors, and no rule asks for those of most.)
    @property
    def visitors(self) -> tuple[Party, ...]:
        return _told_visitors(self)[0]

    @property
    def visitors_in(self) -> int:
        return _told_visitors(self)[1]
    # Meetings of a group whose members are not named yet (会见了访问团一行): its head, named later
    # in the record (访问团团长、…总领事X表示), is whom they met.
    # (Each with the bodies whose group it met, 日本冈山县议会代表团: the guests if no head is named.)
    pending: list[tuple[Meeting, str, tuple[Party, ...]]] = field(default_factory=list)

    def unheaded(self) -> list[tuple[Meeting, str]]:
        """The meetings still waiting for their group's head, met with the group's body where the
        text named one (no head is named now: a record ends, or the document); the others are
        dropped. Empties ``pending``."""
        out = [(replace(mt, counterparts=bodies, country=";".join(dict.fromkeys(p.country for p in bodies))), act)
               for mt, act, bodies in self.pending if bodies]
        self.pending = []
        return out


def _told_visitors(ctx: MeetingContext) -> tuple[tuple[Party, ...], int]:
    """The foreign visitors the last sentence that names any named, and its paragraph; none (-1) if
    no sentence since the record began names any. (Back along the sentences not read yet, each read
    once: the visitors are read only when a later sentence asks for them.)"""
    seen = ctx.seen
    for i in range(len(seen) - 1, ctx.told_upto - 1, -1):
        sent = seen[i]
        own = tuple(p for p in _visitors(sent, 0, len(sent.text)) if _foreign(p))
        if own:
            ctx.told = (own, sent.block.start)
            break
    ctx.told_upto = len(seen)
    return ctx.told


def _persons_in(sent: Sentence, s: int, e: int) -> list[Span]:
    """The persons inside ``sent.text[s:e]``: those of ``sent.spans_in(s, e)``, in order."""
    persons = sent.persons
    if not persons:
        return []
    lo, hi = sent.start + s, sent.start + e
    return [sp for sp in persons if sp.start >= lo and sp.end <= hi]


def _person(sent: Sentence, sp: Span, seg_start: int) -> Party:
    """The person ``sp`` with the titles and bodies written before it in its clause."""
    key = ("person", sp.start, sp.end, seg_start)
    found = sent.memo.get(key)
    if found is None:
        found = sent.memo[key] = _read_person(sent, sp, seg_start)
    return found


def _read_person(sent: Sentence, sp: Span, seg_start: int) -> Party:
    pp = person_phrase(sent, sp, seg_start)
    written = person_name(sp)
    if pp is None:
        return Party(written, "Person", "", (), sp.side_country)
    # A body the phrase parser does not know that the sentence reads as a place (韩国全罗北道, a place
    # found after its country) is that place. (Read for the phrase's bodies only, once a sentence.)
    pp_orgs, title = pp.orgs, pp.title
    places = places_by_name(sent) if pp_orgs else {}
    # (A place no gazetteer lists takes the country the sentence gives it: 美国…圣何塞市 … 圣何塞市市长X;
    # so does the homonym the document chose: 美国萨克拉门托市 … 萨克拉门托市市长X is not Brazil's.)
    def of(o) -> Party:
        place = places.get(o.name) or places.get(o.written)
        shared = None
        if place is None and o.type == "Organization" and title[:1] in _UNIT_OF_TITLE:
            # (Or the last place of a chain so written: 日本滋贺县大津|市议会议长X → 大津市.)
            whole = o.name + title[:1]
            shared = places.get(whole) or max((x for n, x in places.items() if len(n) >= 2 and whole.endswith(n)),
                                              key=lambda x: len(x.name), default=None)
            if shared is None and o.country not in ("", "中国"):
                # (Or a place of the body's country the gazetteer lists: 日本滋贺县大津|市议会议长X → 大津.)
                gaz = load()
                listed = next((e for k in range(2, len(whole)) for e in (gaz.lookup(whole[k:], ("City", "Region")),)
                               if e is not None and e.country == o.country), None)
                if listed is not None:
                    return Party(listed.zh, listed.type, country=listed.country)
        if shared is not None:
            # (库里蒂巴市长X after 巴西库里蒂巴市: the unit written once, for the place and the title.)
            return Party(shared.name, shared.type, country=shared.side_country or o.country)
        group = _GROUP_END.search(o.name) if place is None and o.type == "Organization" else None
        if group is not None and places.get(o.name[: group.start()]) is not None:
            # (The head of a place's group is of that place: 下诺夫哥罗德州代表团团长X.)
            of_group = places[o.name[: group.start()]]
            return Party(of_group.name, of_group.type, country=of_group.side_country or o.country)
        if place is None and o.type in ("Organization", "City", "Region"):
            # A chain of the sentence's places (庆尚南道居昌郡郡守X, 爱知县丰田市市长Y): the last, most specific one.
            last = next((x for n, x in places.items() if len(n) < len(o.name) and o.name.endswith(n)
                         and o.name[: -len(n)] in places), None)
            if last is not None:
                return Party(last.name, last.type, country=last.side_country or o.country)
        if place is None and o.type == "Organization" and not o.country:
            # A body named after a place the sentence gives its country (美国新墨西哥州圣菲县 … 圣菲县县委会
            # 主席X): the body is of that country.
            named = next((x for n, x in places.items() if len(n) < len(o.name) and o.name.startswith(n) and x.side_country), None)
            if named is not None:
                return Party(o.name, o.type, country=named.side_country)
        if place is None or o.type not in ("Organization", "City", "Region"):
            return Party(o.name, o.type, "", (), o.country)
        name = place.name if o.type != "Organization" and place.name.startswith(o.name) else o.name
        return Party(name, place.type if o.type == "Organization" else o.type, "", (), place.side_country or o.country)

    # (A unit word alone, or 该市, that names no place of the sentence says no body: 区 of 区行政长官.)
    orgs = tuple(x for o in pp_orgs for x in (unit_place(sent, o) or of(o),) if not UNIT_ONLY.fullmatch(x.name))
    told = next((o.country for o, p in zip(orgs, pp_orgs) if o.country != p.country), "")
    country = told or phrase_country(pp) or next((o.country for o in orgs if o.country), "") or _led_group_country(sent, sp)
    if not orgs:
        # (A person named with a title alone who leads a group named after its place: 以议长X为团长的意大利
        # 维琴察省议会代表团 — X is of that place.)
        orgs = tuple(_led_group_place(sent, sp))
    # (Its fields in order, not by keyword, which makes a dict for each call: one a person read.)
    return Party(written, "Person", title, orgs, country)


# A group's words ending a body's name (…州代表团): the group of the place before them.
_GROUP_END = re.compile(f"(?:{pattern('meetings', 'guests.groups')})$")
# The unit words a title may open with, written once for the place before it and the title (X市长).
_UNIT_OF_TITLE = frozenset("市州省县郡区")
_COMMAS = re.compile(r"[，,]")
_ALSO = re.compile("并")
_START = attrgetter("start")  # (spans ordered by where they start: no lambda called for each)
_TYPE = attrgetter("type")  # ("Person" not in map(_TYPE, parties): whether none is a person, told in C)


def _led_group_country(sent: Sentence, sp: Span) -> str:
    """The foreign country of the group a person is written as leading (由市长X率领的法国图卢兹市政府
    代表团 → 法国), "" if none."""
    m = LED_GROUP.match(sent.block.text, sp.end)
    if m is None:
        return ""
    return next((x.side_country for x in sent.spans if sp.end <= x.start and x.end <= m.end() and x.foreign
                 and x.type in ("Country", "City", "Region", "Organization")), "")


def _led_group_place(sent: Sentence, sp: Span) -> list[Party]:
    """The foreign place or body whose group a person is written as leading (以议长X为团长的意大利维琴察省
    代表团 → 维琴察省): the last named in the group's words, the most specific; none if none."""
    m = LED_GROUP.match(sent.block.text, sp.end)
    if m is None:
        return []
    places = [x for x in sent.spans if sp.end <= x.start and x.end <= m.end() and x.foreign and x.type in ("City", "Region", "Organization")]
    last = max(places, key=_START, default=None)
    return [Party(last.name, last.type, country=last.side_country)] if last is not None else []


def _group_bodies(sent: Sentence, e: int) -> list[Party]:
    """The foreign bodies whose visiting group ``sent.text[:e]`` names (日本冈山县议会代表团)."""
    text = sent.block.text
    return [Party(sp.name, sp.type, country=sp.side_country) for sp in sent.spans_in(0, e)
            if sp.type == "Organization" and sp.foreign and _GROUP_AFTER_PLACES.match(text, sp.end, sp.end + 60)]


def _unnamed_officials(sent: Sentence, s: int, e: int) -> list[Party]:
    """The foreign places in ``sent.text[s:e]`` whose official is named by title only (…和阿曼马斯喀特
    省省长。): the place, written before a title that no name follows."""
    text, gaz = sent.text, load()
    persons = {sp.start - sent.start for sp in sent.persons}  # (as sent.rel reads them)
    out = []
    for sp in sent.spans_in(s, e):
        if sp.type not in ("City", "Region") or not sp.foreign:
            continue
        end = sent.rel(sp)[1]
        title = title_prefix(text, end, gaz)
        if not title and text[end : end + 1] in LEVEL_WORDS:
            end, title = end + 1, title_prefix(text, end + 1, gaz)  # 马斯喀特|省|省长
        after = end + len(title)
        if title and after not in persons and (after >= e or UNNAMED_AFTER.match(text, after)):
            if text[after : after + 1] == "、":
                # (One person's two titles: 图拉州副州长、州经济发展部部长X — the next item names a
                # person and no place of their own.)
                stop = next((i for i in range(after + 1, len(text)) if text[i] in "、，,。；;"), len(text))
                if any(after < p < stop for p in persons) and not any(
                        x.type in ("City", "Region", "Country") for x in sent.spans_in(after + 1, stop)):
                    continue
            out.append(Party(sp.name, sp.type, country=sp.side_country))
    return out


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
    # Items are listed with 、, or joined by 和/及/与 before a place or country (法国里昂大都会副主席和
    # 德国法兰克福市议会议长; not the 和 of 呼和浩特).
    if "和" in text or "及" in text or "与" in text:
        # (Or before a body: 拜会阿联酋驻华大使馆和沙特阿拉伯驻华大使馆.)
        starts = {sent.rel(x)[0] for x in sent.spans if x.type in ("Country", "City", "Region", "Organization")}
        cuts = [i for i, c in enumerate(text) if c == "、" or c in "和及与" and s + i + 1 in starts and s + i not in starts
                and not any(sent.rel(x)[0] <= s + i < sent.rel(x)[1] for x in sent.spans)]
        items = [text[a + 1 if a >= 0 else 0 : b] for a, b in zip([-1, *cuts], [*cuts, len(text)])]
    else:
        items = text.split("、")
    # (The spans of the list in order, read once: each item's are those inside it.)
    listed = sorted(sent.spans_in(s, max(s, e)), key=_START)
    starts = list(map(_START, listed))  # (an item's spans found by bisect: a long list has many items)
    base = sent.start  # (sentence offsets of spans as sent.rel reads them, without a call per span)
    for item in items:
        i0, pos = s + pos, pos + len(item) + 1
        # (会见了|法国里昂市…, 与来访的|美国…委员会代表团: the item starts after 了 and a visitor's word.)
        lead_word = _GUEST_LEAD.match(item)
        skip = lead_word.end() if lead_word else 0
        i0, item = i0 + skip, item[skip:]
        lo = base + i0
        hi = lo + len(item)
        item_spans = [x for x in listed[bisect_left(starts, lo) : bisect_right(starts, hi)] if x.end <= hi]
        # (Not a continent or macro-region, the gazetteer's regions of no country: 亚洲大洋洲局.)
        places = [x for x in item_spans if x.type in ("City", "Region", "Organization", "Company")
                  and not (x.type == "Region" and x.rule == "gazetteer" and not x.country)]
        countries = [x for x in item_spans if x.type == "Country"]
        country = countries[0].side_country if countries else ""
        end = CP_END.search(item)  # (the item's words end at the first)
        clean = (item[: end.start()] if end else item).strip()
        # (Whether the item starts with its first place is read last: most items end with their last place.)
        if places and (places[-1].end - base - i0 >= len(clean) or places[-1].type in ("Organization", "Company")
                       or places[0].type in ("City", "Region") and _opens_item(sent, places[0], item_spans, countries, i0, clean)
                       and not (ORG_BODY.search(clean) or ORG_COMPANY.search(clean))):
            x = places[-1]
            written = x.name if x.rule == "ward-of-city" else x.written  # (首尔市江南区, not the Chinese 江南区)
            out.append(Party(written, x.type, "", (), x.side_country or country or _place_prefix(x.written)))
            continue
        # A mission's head named by title only (日本驻上海总领事): the mission.
        # (Not in a headline, which names the head in the text under it: 曾赞荣会见韩国驻华大使.)
        head = MISSION_HEAD.match(clean) and re.search(r"[，,。]", sent.text)
        if head and any(x.type == "Country" and sent.rel(x)[0] == i0 for x in item_spans):
            out.append(Party(clean + "馆", "Organization", country=country))
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


def _opens_item(sent: Sentence, place: Span, item_spans: list[Span], countries: list[Span], i0: int, clean: str) -> bool:
    """Whether a listed item (its words ``clean``, from ``i0``; its spans, and its countries, in order)
    starts with ``place``, or with the place's country (与菲律宾卡加延市建立联系)."""
    base = sent.start
    if place.start - base == i0:
        return True
    # (countries are in order and start in the item: the first that starts with it is the first)
    if not countries or countries[0].start != base + i0:
        return False
    titled = title_prefix(sent.text, place.end - base, load())
    if titled and (any(x.type == "Person" for x in item_spans) or place.end - base + len(titled) < i0 + len(clean)):
        # 美国夏威夷州州长伊格: a person's phrase, not the place. (Not 法国里昂市副市长一行, whose
        # holder is not named: the place is met.)
        return False
    return place.start == countries[0].end


def _nominal(sent: Sentence, s: int, e: int) -> bool:
    """Whether ``sent.text[s:e]`` only names persons with their titles (``市长陈吉宁``)."""
    persons = _persons_in(sent, s, e)
    if not persons or max(sent.rel(p)[1] for p in persons) != e:
        return False
    if ACT.search(sent.text, s, e):
        return False  # (a clause of its own act: 期间会见了米兰市副市长X，|与…签署)
    parsed = phrases_in(sent.text[s:e])  # (remembered: the clause is asked again for each person after it)
    return bool(parsed) and parsed[-1].end == e - s


def _clause_start(sent: Sentence, pos: int) -> int:
    """Start of the clause that ends at ``pos``, reaching back over clauses that only name persons."""
    ends = sent.clause_ends  # (read once a sentence: every person's phrase asks)
    seps = ends[: bisect_right(ends, pos)]
    start = seps.pop() if seps else 0
    if not start:
        return 0  # (the sentence's first clause: nothing before it to reach back over)
    # (Nor over the cells of a table's row: 缅甸驻昆明总领事馆来访 | 总领事X | 州委书记Y会见.)
    cells = cell_starts(sent.block) if sent.block.kind == ROW_TEXT else ()
    while start > 0 and sent.start + start not in cells:
        prev = seps.pop() if seps else 0
        if not _nominal(sent, prev, start - 1):
            break
        start = prev
    return start


def _of_the_venue(sent: Sentence, s: int, e: int, cps: list[Party]) -> list[Party]:
    """Counterparts named by a local title alone, of the foreign place the clause says the act took
    place in (在意大利锡耶纳市与市长X会谈: X is 锡耶纳市's mayor)."""
    bare = [p for p in cps if p.type == "Person" and not p.organizations and p.title]
    if not bare:
        return cps
    venue = None
    for x in sorted(sent.spans_in(s, e), key=_START):
        if x.type in ("City", "Region") and x.foreign:
            at = sent.rel(x)[0]
            country = next((c for c in sent.spans_in(s, at) if c.type == "Country" and sent.rel(c)[1] == at), None)
            if VENUE_AT.search(sent.text, s, sent.rel(country)[0] if country else at):
                venue = x
                break
    if venue is None:
        return cps
    units = "市" if venue.type == "City" else "州省道县府郡"
    place = Party(venue.name, venue.type, country=venue.side_country)
    return [replace(p, organizations=(place,), country=p.country or place.country)
            if p in bare and p.title.removeprefix("常务").removeprefix("副")[:1] in units else p for p in cps]


def _home_place(sent: Sentence, s: int, e: int, default: Party) -> Party:
    """The Chinese place named in ``sent.text[s:e]`` (the home persons' words), not as a venue."""
    text = sent.text[s:e]
    base = sent.start
    persons = [(sp.start - base, sp.end - base) for sp in sent.persons]  # (as sent.rel reads them)
    dateline = PRESS_LEAD.match(sent.text) if s == 0 else None
    found: tuple[int, int, str, str] | None = None
    for ps, pe, name, typ in places_in(text):
        if found is not None and ps != found[1]:
            break
        if any(a < s + pe and s + ps < b for a, b in persons):
            continue  # inside a name: 横山 in 横山英幸
        if dateline is not None and ps < dateline.end():
            continue  # where the report was filed (新华社拉萨5月20日电): not the home persons' place
        if _foreign_place_at(sent, s + ps, s + pe):
            continue  # a foreign place of that name (日本横滨市港北区)
        if found is not None or not VENUE_BEFORE.search(text[:ps]):
            # (The last of a chain written together: 南京市鼓楼区区委书记 speaks for 鼓楼区.)
            found = (ps, pe, name, typ)
    return Party(found[2], found[3], "", (), "中国") if found else default


def _foreign_place_at(sent: Sentence, s: int, e: int) -> bool:
    """Whether the mentions read ``sent.text[s:e]`` as (part of) a foreign place, country or body (兰州 in
    美国马里兰州; 南海 in 越南|海防市人民委员会)."""
    lo, hi = sent.start + s, sent.start + e  # (the spans' own offsets: no sent.rel per span)
    return any(sp.start < hi and lo < sp.end and sp.country not in ("", "中国")
               and sp.type in ("City", "Region", "Country", "Organization") for sp in sent.spans)


def _places_speaking(sent: Sentence, s: int, e: int) -> list[Party]:
    """The Chinese places named in ``sent.text[s:e]`` that speak for a side: not venues (在上海), not
    inside a foreign place's name (兰州 in 美国马里兰州)."""
    text = sent.text
    return [Party(name, typ, country="中国") for ps, pe, name, typ in places_in(text[s:e])
            if not VENUE_BEFORE.search(text[s : s + ps]) and not _foreign_place_at(sent, s + ps, s + pe)]


def _subject(sent: Sentence, end: int, ctx: MeetingContext | None = None) -> list[Party]:
    """The Chinese persons who are the subject of the sentence up to ``end``: those of its first
    clause that names any (before its act word: 市长X会见了Y一行 is X's), unless they are joined to
    the act by 与/同 (then they are a side too). A person named bare is foreign if the document said
    so before (``ctx``)."""
    speakers: list[Party] = []
    for cs, ce in _clauses(sent.text, 0, end):
        act = ACT.search(sent.text, cs, ce)
        persons = [sp for sp in sent.spans_in(cs, act.start() if act else ce) if sp.type == "Person"]
        if persons:
            found = [p for p in (_person(sent, sp, sent.start + cs) for sp in persons)
                     if not _foreign(_as_known(p, ctx) if ctx is not None else p)]
            if found and not speakers and (_SPEAKS.match(sent.text, sent.rel(persons[-1])[1], ce + 1)
                                           or sent.text[sent.rel(persons[-1])[1] : sent.rel(persons[-1])[1] + 1] in ("：", ":")):
                # (Or the answer of an interview, 王振东：印象最深的是…: the one who answers speaks.)
                # (罗振邦说，去年6月，省长唐国栋率团访问肯尼亚，在内罗毕会见了X: who acts in the speech, else the speaker.)
                speakers = found
                continue
            if found:
                return found
            # (A clause of foreign persons only, 应美国X州州长Y邀请: the subject is further on.)
    return speakers


# A person's clause that only opens reported speech (罗振邦说，…; X还表示：…).
_SPEAKS = re.compile(f"(?:还|也|又)?(?:{pattern('names', 'speech')})[，,：:]")


def _remember_hosted(sent: Sentence, ctx: MeetingContext, held: re.Match) -> None:
    """A talk the home side holds (区长X主持召开…座谈会, ``held``: where HOSTED_TALK finds it) with no
    guests named in its sentence: those who attend it, named next (see read_meetings), meet its host."""
    hosts = [p for p in _subject(sent, held.start(), ctx) if p.type == "Person"]
    if hosts and not any(sp.type == "Person" and _foreign(_person(sent, sp, sent.start)) for sp in sent.spans_in(held.end(), len(sent.text))):
        ctx.hosted = Meeting(date=sent.date_before(held.start()), mode="in_person", home=tuple(hosts), counterparts=(),
                             evidence=sent.evidence(), description=sent.text.strip(),
                             home_place=_home_place(sent, 0, held.start(), ctx.home_place))


def _foreign_place_opens(sent: Sentence, s: int, e: int) -> bool:
    """Whether ``sent.text[s:e]``, the words before an act word, open with a foreign place's name (its
    country before it), not a venue: the place, or its group, is the act's subject."""
    first = min(sent.spans_in(s, e), key=_START, default=None)
    while first is not None and first.type == "Country":
        first = min((x for x in sent.spans_in(sent.rel(first)[1], e)), key=_START, default=None)
    if first is None or first.type not in ("City", "Region") or not first.foreign:
        return False
    lead = sent.text[s : sent.rel(first)[0]]
    return not re.search("[在于赴到与和同及、]", lead)


def _foreign_subject(sent: Sentence, end: int, ctx: MeetingContext) -> bool:
    """Whether the first clause before ``end`` that names persons names foreign ones only, and not
    as those who invited (应X邀请: the subject is further on): the sentence's subject is foreign."""
    for cs, ce in _clauses(sent.text, 0, end):
        persons = [_as_known(_person(sent, sp, sent.start + cs), ctx) for sp in sent.spans_in(cs, ce) if sp.type == "Person"]
        if not persons:
            continue
        if any(not _foreign(p) for p in persons):
            return False
        if not INVITED_BY.search(sent.text, cs, ce):
            return True
    return False


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    cuts = [s, *(m.end() for m in CLAUSE_SEP.finditer(text, s, e)), e]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _guests_named(sent: Sentence, pos: int, ctx: MeetingContext) -> frozenset[str]:
    """The persons named right after an attend word in its clause (参加会见A一行): whose meetings it means."""
    end = next((i for i in range(pos, len(sent.text)) if sent.text[i] in "，,。；;"), len(sent.text))
    return frozenset(_as_known(_person(sent, sp, sent.start + pos), ctx).name
                     for sp in sent.spans_in(pos, end) if sp.type == "Person")


def _attendees(sent: Sentence, m: re.Match, ctx: MeetingContext, start: int = 0,
               group: list[Meeting] | None = None, of_guests: frozenset[str] = frozenset()) -> list[tuple[Meeting, str]]:
    """Persons before ``参加会见`` (from ``start``): each joins the meeting told just before (those of
    ``group``, else the context's), on the side of their country; only those meeting ``of_guests``
    where the text names whose meeting they attend."""
    if group is None and not ctx.last:
        return []
    stated = sent.stated_date_before(m.start())
    if group is None and stated and ctx.group and not _within(stated, ctx.group[-1].date):
        return []  # (12月15日，…年会在杭州开幕，X出席并致辞: a day of its own, not the meetings told before)
    spans = [sp for sp in sent.spans_in(start, m.start()) if sp.type == "Person" and not _acts_in_own_clause(sent, sp, m.start())
             and not CHINESE_MISSION.search(sent.text, _phrase_start(sent, sp), sent.rel(sp)[0])]
    # (A guest named bare, 哈米德·奥斯曼参加会见 after 马来西亚驻华大使X: of the country the text gave them.)
    # (Only a transliterated name: a Chinese-character name read with a country may be a misread.)
    persons = [_as_known(p, ctx) if "·" in p.name else p
               for p in _with_listed_country(sent, spans, [_person(sent, sp, sent.start + start) for sp in spans])]
    # (Members of the guests' group, 代表团成员X（…副市长）在座: of the guests' side.)
    members = GUEST_MEMBERS.search(sent.text, start, m.start())
    member_names = {p.name for sp, p in zip(spans, persons)
                    if members is not None and sent.rel(sp)[0] >= members.end() and not p.country}
    out = []
    told = ctx.group if group is None else group
    line = sent.evidence().line
    here = [mt for mt in told if mt.evidence.line == line]
    if group is None and here and ACT.search(m.group(0)):
        # (…周伟东还会见了X一行。王海涛，刘志军参加会见: the meetings this paragraph's line told, not
        # the morning's told on another.)
        told = here
    attended = ACT.search(m.group(0))
    if group is None and attended and attended.group(0) not in SIGNING_ACTS:
        # (…举行会晤。会晤结束后，市长X与Y签署了纪要。Z参加会晤: the meeting, not the signing after it.)
        told = [mt for mt in told if id(mt) not in ctx.signings] or told
    principal_guests = {c.name for mt in told for c in mt.counterparts}
    for last in told:
        if of_guests and not of_guests & {c.name for c in last.counterparts}:
            continue
        side = ";".join(dict.fromkeys(c.country for c in last.counterparts if c.country))
        as_guests = [replace(p, country=side) if p.name in member_names and side else p for p in persons]
        home = tuple(p for p in as_guests if not _foreign(p) and p.name not in member_names and p.name not in {h.name for h in last.home})
        # (Nor a principal of another meeting told: 陪同莫里斯出席 after 杨振华会见莫里斯 and 刘海峰与卡特签字.)
        guests = tuple(p for p in as_guests if (_foreign(p) or p.name in member_names) and p.name not in principal_guests)
        principals = tuple(h for h in last.home if h.type == "Person")
        if home:
            out.append((replace(last, home=home, evidence=sent.evidence(), description=sent.text.strip()), "参加"))
        if guests and principals:
            out.append((replace(last, home=principals, counterparts=guests, evidence=sent.evidence(),
                                country=";".join(dict.fromkeys(g.country for g in guests if g.country)), description=sent.text.strip()), "参加"))
    return out


# What may follow an attendee's name before the comma that ends a list of names (王海涛等，刘志军参加会见).
_AFTER_LISTED_NAME = re.compile(r"(?:等|等人|同志|等同志|一行)?$")


def _acts_in_own_clause(sent: Sentence, sp: Span, attend_at: int) -> bool:
    """Whether the person ``sp``, named in a clause before the attend word at ``attend_at``, does
    something of their own in it (王建华主持仪式，…负责同志参加: the host, no attendee)."""
    rs, re_ = sent.rel(sp)
    sep = CLAUSE_SEP.search(sent.text, re_, attend_at)
    if sep is None:
        return False
    # (After the last name the clause lists: 陈明辉、刘晓燕，…参加会晤 lists two.)
    last = max((sent.rel(x)[1] for x in sent.spans_in(rs, sep.start()) if x.type == "Person"), default=re_)
    return _AFTER_LISTED_NAME.match(sent.text[last : sep.start()]) is None


def _home_named(p: Party) -> bool:
    """Whether ``p`` is of the home side: of China, or a Chinese name of no foreign country or body
    (省长景俊海; not 署长索菲·维达尔, whose country the text does not say)."""
    return p.country == "中国" or not _foreign(p) and "·" not in p.name and is_chinese_surname(p.name)


def _time_of_told_act(sent: Sentence, act: re.Match, ctx: MeetingContext) -> bool:
    """Whether the act word ``act`` opens the time of a meeting told before (会见并宴请时，…; 在会见X时，…
    after X was met; 会见前，…): no meeting of its own."""
    when = TIME_OF_ACT.match(sent.text, act.end())
    if when is None:
        # (会见前，穆特瓦与维杰拉特纳…: an act word opening its clause, no one named before it in it; not
        # 在同X举行的会谈中，…, which tells the talks with X.)
        return AROUND_ACT.match(sent.text, act.end()) is not None and not _persons_in(
            sent, _clause_start(sent, act.start()), act.start())
    return (not _persons_in(sent, act.end(), when.end())
            or _met_before(sent, act.end(), when.end(), ctx))


def _met_before(sent: Sentence, s: int, e: int, ctx: MeetingContext) -> bool:
    """Whether every person named in ``sent.text[s:e]`` is a counterpart of the meetings told last
    (会见本·阿卜杜拉时 after 分别会见了…优素福·本·阿卜杜拉…: told again; not 会见新加坡驻成都总领事陈子勤时
    after 会见了新加坡…等国驻渝蓉总领事, who are named first there)."""
    named = [_as_known(_person(sent, sp, sent.start + s), ctx).name for sp in sent.spans_in(s, e) if sp.type == "Person"]
    met = {c.name for mt in ctx.group for c in mt.counterparts}
    # (Or by the last parts of a transliterated name: 本·阿卜杜拉 of 优素福·本·阿卜杜拉.)
    return bool(named) and all(n in met or any(x.endswith("·" + n) for x in met) for n in named)


def _hosts_of(guests: list[Party], ctx: MeetingContext) -> tuple[Party, ...]:
    """The home-side persons who met one of ``guests`` in the meetings told last (none if no one did)."""
    names = {_as_known(g, ctx).name for g in guests}
    for mt in reversed(ctx.group):
        if names & {c.name for c in mt.counterparts}:
            return tuple(h for h in mt.home if h.type == "Person")
    return ()


def _within(stated: str, date: str) -> bool:
    """Whether the date ``stated`` (ISO, a span's start) falls in ``date`` (ISO or a span), at the
    precision of either."""
    stated = stated.split("/")[0]
    lo, hi = date.split("/")[0], date.split("/")[-1]
    return stated.startswith(lo) or lo.startswith(stated) or hi.startswith(stated) or lo <= stated <= hi


def _country_of(p: Party) -> str:
    """The country a party met is of: its own, else its body's."""
    return p.country or next((o.country for o in p.organizations if o.country), "")


# 在德国期间, 在法国访问期间: the stay abroad the paragraph tells of.
STAY = re.compile(f"在([\u4e00-\u9fff]{{2,12}}?)(?:{pattern('meetings', 'stay.during')})")


def _in_stay(sent: Sentence, pos: int, cps: list[Party]) -> list[Party]:
    """Counterparts whose country the text does not tell, met during a stay in a foreign country or
    place named before in the paragraph (在德国期间，…与汉高集团董事会主席X座谈): of that country."""
    if all(p.country for p in cps):
        return cps
    # (Or a foreign place the sentence goes to before the act: …率团访问伊尔库茨克州，会见了州长X.)
    country = visited_country(sent, sent.start + pos)
    stays = [] if country else list(STAY.finditer(sent.block.text, 0, sent.start + pos))
    if stays:
        e = load().lookup(stays[-1].group(1), ("Country", "City", "Region"))
        country = (e.zh if e.type == "Country" else e.country) if e is not None else ""
    if not country or country == "中国":
        return cps
    return [p if p.country or p.type != "Person" else replace(p, country=country) for p in cps]


def _on_trip(cps: list[Party], date: str, ctx: MeetingContext) -> list[Party]:
    """Persons of no country the text tells, met on a day of the trip abroad told before: of its country."""
    if not ctx.trip or all(p.country for p in cps if p.type == "Person"):
        return cps
    country, span = ctx.trip
    if not within_span(date, span):
        return cps
    return [replace(p, country=country, organizations=tuple(o if o.country else replace(o, country=country) for o in p.organizations))
            if p.type == "Person" and not p.country else p for p in cps]


def _of_own_mission(sent: Sentence, p: Party) -> bool:
    """Whether ``p`` is of China's own mission the sentence names (拜会了中国驻意大利大使馆，与使馆公使衔
    参赞周立群座谈): a person of Chinese name whose country the text does not write."""
    if p.type != "Person" or "·" in p.name or not is_chinese_surname(p.name) or not OWN_MISSION.search(sent.text):
        return False
    # (Of no body, or of the mission by its bare word: 使馆, 大使馆.)
    return all(o.type == "Organization" and MISSION_WORD.fullmatch(o.name) or o.country == "中国" for o in p.organizations)


def _of_venue(sent: Sentence, pos: int, cps: list[Party]) -> list[Party]:
    """A foreign official met with a title and no body, in the one foreign place the sentence names
    as where, or goes to, before the act (在巴勒莫市与市长X共同签署…; 访问昆士兰州，与州长X举行会谈):
    the official of that place."""
    if "Person" not in map(_TYPE, cps) or not any(p.type == "Person" and p.title and not p.organizations for p in cps):
        return cps  # (most meet no person here: told in C first)
    # (Where the place, or the country written before it, follows 在/访问/赴 …: 访问澳大利亚昆士兰州.)
    lead = {x.end: sent.rel(x)[0] for x in sent.spans if x.type == "Country"}
    places = [sp for sp in sent.spans_in(0, pos) if sp.type in ("City", "Region") and sp.foreign]
    if len(places) != 1:
        return cps  # (访问法国巴黎和里昂: whose mayor is not told)
    at = lead.get(places[0].start, sent.rel(places[0])[0])
    if not VENUE_BEFORE.search(sent.text[max(0, at - 2) : at]):
        return cps
    place = Party(places[0].name, places[0].type, country=places[0].side_country)
    return [replace(p, organizations=(place,), country=p.country or place.country)
            if p.type == "Person" and p.title and not p.organizations and p.country in ("", place.country) else p for p in cps]


def _one_country(cps: list[Party]) -> list[Party]:
    """Counterparts met together, where all those whose country is told share one (由俄罗斯犹太自治州政府
    副主席X,外贝加尔边区政府副主席Y…率领的代表团): the others, and their bodies, are of it too."""
    countries = {p.country for p in cps if p.country}
    if len(countries) != 1 or "中国" in countries or all(p.country for p in cps):
        return cps
    country = next(iter(countries))

    def of(p: Party) -> Party:
        return replace(p, country=p.country or country, organizations=tuple(of(o) for o in p.organizations))

    return [of(p) if p.type == "Person" and not p.country else p for p in cps]


def _with_listed_country(sent: Sentence, spans: list[Span], persons: list[Party]) -> list[Party]:
    """``persons`` (named at ``spans``), where one list joined by 、/和/及 names foreign persons and
    no Chinese one: a person whose country the text does not tell stands with the foreign ones listed
    with them (波士顿亚美联谊会会长潘飞、新英格兰华人联盟会长俞国梁等侨领出席)."""
    runs: list[list[int]] = []
    for i, sp in enumerate(spans):
        if i and not LIST_BREAK.search(sent.block.text, spans[i - 1].end, sp.start):
            runs[-1].append(i)
        else:
            runs.append([i])
    out = list(persons)
    for run in runs:
        listed = [persons[i] for i in run]
        if any(p.country == "中国" for p in listed):
            continue
        country = next((p.country for p in listed if _foreign(p)), "")
        for i in run:
            if country and not out[i].country:
                out[i] = replace(out[i], country=country)
    return out


def _listed_guests(sent: Sentence, start: int) -> bool:
    """Whether the clause at ``start`` goes on a list of foreign guests: it names a foreign person
    and states no act of its own."""
    ce = CLAUSE_SEP.search(sent.text, start)
    end = ce.start() if ce else len(sent.text)
    if ACT.search(sent.text, start, end):
        return False
    if ATTEND_END.search(sent.text, start, end + 1) or ATTENDED.search(sent.text, start, end):
        return False  # …，市领导X参加: attendees, not guests
    persons = [sp for sp in sent.spans_in(start, end) if sp.type == "Person"]
    if not persons:
        return False
    p = _person(sent, persons[0], sent.start + start)
    return _foreign(p) or (p.country != "中国" and not is_chinese_surname(p.name[:2]))


def _nobody_meets_themselves(found: list[tuple[Meeting, str]]) -> list[tuple[Meeting, str]]:
    """The meetings without counterparts who are also on the home side (a headline run into the
    next line can make one name both)."""
    out = []
    for mt, act in found:
        home = {h.name for h in mt.home}
        cps = tuple([c for c in mt.counterparts if c.name not in home])
        if cps:
            out.append((mt if len(cps) == len(mt.counterparts) else replace(mt, counterparts=cps), act))
    return out


def _remember_people(sent: Sentence, ctx: MeetingContext) -> None:
    persons = sent.persons
    if not persons:
        return  # (most sentences name no one)
    text = sent.block.text
    leaders = tuple(p for sp in persons if LED_GROUP.match(text, sp.end) or LED_TEAM.match(text, sp.end)
                    for p in (_person(sent, sp, sent.start),) if not _foreign(p))
    if leaders:
        ctx.home_leaders = leaders
    # (The person a sentence opens with, whom a pronoun after it means: 刘志远…表示感谢。他说，…他本人曾致信X.
    # Whether the sentence opens with them is read with them, if a pronoun asks: see _Speaker.)
    first = persons[0]
    ctx.speaker = _Speaker(sent, first, ctx.people.now(person_name(first)), ctx.speaker)
    people = ctx.people
    for sp in persons:
        # (Each read only when a rule asks for their name: see _People.)
        if sp.rule != "known-name" and sp.name not in people:
            people.add(sent, sp)


class _Speaker:
    """The home-side person the last sentence that opens with a person opened with (see
    MeetingContext.speaker), read only when a pronoun asks for them: most are never asked, and reading
    a person's phrase is dear. ``sp`` is the first person of ``sent``; if the sentence does not open
    with them, the speaker is the one before (``before``). ``known`` is what the document said of the
    name before that sentence (see _as_known), as ``_People.now`` gives it."""

    __slots__ = ("sent", "sp", "known", "before", "read")

    def __init__(self, sent: Sentence, sp: Span, known: tuple, before: Iterable[Party]) -> None:
        self.sent, self.sp, self.known, self.before, self.read = sent, sp, known, before, None

    def _opens(self) -> bool:
        """Whether the sentence opens with its first person (only time words before their clause)."""
        sent = self.sent
        return NO_SUBJECT.match(_COMMAS.sub("", sent.text[: _clause_start(sent, sent.rel(self.sp)[0])])) is not None

    def __iter__(self):
        # (Back along the sentences to the last that opens with its person, without recursion: a
        # document may name persons in many sentences that open otherwise.)
        link, passed = self, []
        while isinstance(link, _Speaker) and link.read is None and not link._opens():
            passed.append(link)
            link = link.before
        if isinstance(link, _Speaker):
            if link.read is None:
                p = _with_known(_person(link.sent, link.sp, link.sent.start), _People.then(link.known))
                link.read = () if _foreign(p) else (p,)
            read = link.read
        else:
            read = tuple(link)
        for x in passed:
            x.read = read
        return iter(read)


def _as_known(p: Party, ctx: MeetingContext) -> Party:
    """A person named bare (丹尼尔森一行) with the title, bodies and country the document gave them;
    named by the last part of a name given whole before (亚尼克 after 弗洛里安·亚尼克), by that name."""
    if p.type != "Person":
        return p
    if p.organizations and ctx.people.whole_only(p.name):
        return p  # (what _with_known gives: the person named with their bodies, known so or not)
    return _with_known(p, ctx.people.get(p.name))


def _with_known(p: Party, known: Party | None) -> Party:
    """``p`` (a person) with what the document said of the name before (``known``): see _as_known."""
    if known is None:
        return p
    if known.name != p.name and "·" in known.name and known.country == (p.country or known.country):
        return replace(known, title=p.title or known.title, organizations=p.organizations or known.organizations)
    if p.organizations:
        return p
    return replace(p, title=p.title or known.title, organizations=known.organizations, country=p.country or known.country)


def _letters_of(sent: Sentence, ctx: MeetingContext) -> list[tuple[Meeting, str]]:
    """Letters named by their writer (宣读了天津市市长张工的贺信): a home-side writer wrote to the
    foreign places of the sentence, else to the document's main partner; a foreign writer to the
    home place."""
    out = []
    text = sent.text
    if _LETTER_WORD.search(text) is None:
        return out  # (every letter so named ends in a letter's word: most sentences hold none)
    for m in LETTER_OF.finditer(text):
        # (The writer's title may follow the name: 潘国强市长致格拉西市长的贺信.)
        writer = next((sp for sp in sent.spans if sp.type == "Person" and (
            sent.rel(sp)[1] == m.start() or m["to"] and 0 < m.start() - sent.rel(sp)[1] == len(title_prefix(text, sent.rel(sp)[1], load())))), None)
        if writer is None:
            continue
        cs = sent.clause_start(m.start())
        # (The writer's words, not the receiver's before them: 长沙市还收到…美国…圣保罗市市长X的来信.)
        p = _as_known(_person(sent, writer, sent.start + max(cs, _phrase_start(sent, writer))), ctx)
        # (The persons it is written to, where the sentence says: …致格拉西市长的贺信.)
        to = [_as_known(_person(sent, sp, sent.start + m.start("to")), ctx)
              for sp in sent.spans_in(m.start("to"), m.end("to")) if sp.type == "Person"] if m["to"] else []
        if _foreign(p):
            # (Its receiver: whom it is written to, else who received it, 市长王强收到…X寄来的感谢信.)
            got = next((r for r in LETTER_RECEIVED.finditer(text, cs, sent.rel(writer)[0])), None)
            receivers = [q for sp in sent.spans_in(cs, got.start()) if sp.type == "Person"
                         for q in (_as_known(_person(sent, sp, sent.start + cs), ctx),) if not _foreign(q)] if got else []
            homes, cps = [q for q in to if not _foreign(q)] or receivers or [ctx.home_place], [p]
        else:
            places = [Party(sp.name, sp.type, country=sp.country) for sp in sent.spans if sp.type in ("City", "Region") and sp.foreign]
            # (One written to whom the document gives no country is foreign unless named as the Chinese are.)
            homes, cps = [p], [q for q in to if _foreign(q) or not q.country and not is_chinese_surname(q.name[:2])] or places or (
                [ctx.main_partner] if ctx.main_partner else [])
        if not cps:
            continue
        out.append((Meeting(date=sent.date_before(m.start()), mode="letter", home=tuple(homes), counterparts=tuple(cps),
                            evidence=sent.evidence(), country=";".join(dict.fromkeys(c.country for c in cps if c.country)),
                            description=text.strip(), home_place=_home_place(sent, cs, m.start(), ctx.home_place)), "致信"))
    return out


def _witnesses(sent: Sentence, ctx: MeetingContext) -> list[tuple[Meeting, str]]:
    """Witnesses of one act, one of each side (在A和B的共同见证下…): they meet in person."""
    out = []
    if WITNESS_WORD.search(sent.text) is None:
        return out  # (without a witness word the pattern, tried from every 在, finds none)
    for m in WITNESSED.finditer(sent.text):
        people = [_as_known(_person(sent, sp, sent.start + m.start("who")), ctx)
                  for sp in sent.spans_in(*m.span("who")) if sp.type == "Person"]
        homes = [p for p in people if not _foreign(p)]
        cps = [p for p in people if _foreign(p)]
        if homes and cps:
            out.append(_witnessed(sent, m.start(), m.start("who"), m.end("who"), homes, cps, ctx))
    # (Or the witnesses as the clause's subject, joined by 与/和: A与B共同见证了…签署.)
    for m in WITNESS_WORD.finditer(sent.text):
        cs = sent.clause_start(m.start())
        if WITNESSED.search(sent.text, cs, m.end()) or not TO_COUNTERPART.search(sent.text, cs, m.start()):
            continue
        people = [_as_known(_person(sent, sp, sent.start + cs), ctx) for sp in sent.spans_in(cs, m.start()) if sp.type == "Person"]
        homes = [p for p in people if not _foreign(p)]
        cps = [p for p in people if _foreign(p)]
        if homes and cps:
            out.append(_witnessed(sent, m.start(), cs, m.start(), homes, cps, ctx))
    return out


def _witnessed(sent: Sentence, at: int, who_s: int, who_e: int, homes: list, cps: list, ctx: MeetingContext) -> tuple[Meeting, str]:
    """The meeting of witnesses named between ``who_s`` and ``who_e``."""
    return (Meeting(date=sent.date_before(at), mode="in_person", home=tuple(homes), counterparts=tuple(cps),
                    evidence=sent.evidence(), country=";".join(dict.fromkeys(p.country for p in cps if p.country)),
                    description=sent.text.strip(), home_place=_home_place(sent, who_s, who_e, ctx.home_place)), "见证")


def _welcomes(sent: Sentence, ctx: MeetingContext) -> list[tuple[Meeting, str]]:
    """A welcome (X对代表团的到来表示热烈欢迎, X对伊格一行的到来表示欢迎): X meets the guests named
    there, else those who came with the group (see :func:`_visitors`), else its head named later."""
    out = []
    text = sent.text
    if WELCOME_WORD.search(text) is None:
        return out  # (without a welcome word the pattern, tried from every 对, finds none)
    for m in WELCOMED.finditer(text):
        cs = sent.clause_start(m.start())
        homes = [p for sp in sent.spans_in(cs, m.start()) if sp.type == "Person"
                 for p in (_person(sent, sp, sent.start + cs),) if not _foreign(p)]
        if not homes and NO_SUBJECT.match(text[cs : m.start()].replace("代表", "")):
            homes = list(ctx.last_home)
        told = {h.name for mt in (*ctx.group, *ctx.last) for h in mt.home}
        if not homes or any(h.name in told for h in homes):
            continue  # (X会见了Y。X对Y的到来表示欢迎: the meeting is told already)
        ws, we = m.span("who")
        cps = [_as_known(_person(sent, sp, sent.start + ws), ctx) for sp in sent.spans_in(ws, we) if sp.type == "Person"]
        cps = [p for p in cps if _foreign(p)] or [p for p in _places_and_bodies(sent, ws, we) if _foreign(p)]
        if not cps and GUESTS_DESCRIBED.match(text[ws:we]):
            cps = [p for p in _visitors(sent, 0, m.start()) if _foreign(p)] or list(ctx.visitors)
        # (The date written before the welcome, else the one the text stated before the sentence.)
        date = sent.stated_date_before(m.start()) or sent.context or sent.date
        meeting = Meeting(date=date, mode="in_person", home=tuple(homes), counterparts=tuple(cps),
                          evidence=sent.evidence(), country=";".join(dict.fromkeys(p.country for p in cps if p.country)),
                          description=text.strip(), home_place=_home_place(sent, cs, m.start(), ctx.home_place))
        if cps:
            out.append((meeting, "欢迎"))
        elif GUESTS_DESCRIBED.match(text[ws:we]):
            ctx.pending.append((meeting, "欢迎", ()))  # its guests are named later, if at all
    return out


def _phrase_start(sent: Sentence, sp: Span) -> int:
    """Where the words naming the person ``sp`` start (sentence-relative): after the clause's last
    act word or person before it (会见了德国…州长X一行: not the home side's words before 会见)."""
    rs = sent.rel(sp)[0]
    left = _clause_start(sent, rs)
    # (Nor words before a space: a dateline, 新华社南宁8月15日电 泰国孔敬府府尹X一行….)
    left = max(left, sent.text.rfind(" ", left, rs) + 1, sent.text.rfind("\u3000", left, rs) + 1)
    # (Nor words before a dash that opens an apposition: 收到另一友好城市——美国…市长X的来信.)
    dash = sent.text.rfind("—", left, rs)
    if dash >= 0:
        left = dash + 1
    for m in ACT.finditer(sent.text, left, rs):
        left = m.end()
    # (Nor the words that open a group's head, 会见并宴请了|以副市长X为团长的…代表团: not in a span, 以色列.)
    lead = PHRASE_LEAD.match(sent.text, left, rs)
    if lead and not any(sent.rel(x)[0] < lead.end() <= sent.rel(x)[1] for x in sent.spans):
        left = lead.end()
    # (Nor the receiver's words: 襄阳市政府收到|韩国…市长X发来的贺信.)
    for m in LETTER_RECEIVED.finditer(sent.text, left, rs):
        left = m.end()
    # (After 与/同 before it, 在巴勒莫市与市长X: not 和, which joins words inside a body's name,
    # 工业和贸易部副部长X.)
    base = left
    for t in _WITH.finditer(sent.text[base:rs]):
        if not any(sent.rel(x)[0] <= base + t.start() < sent.rel(x)[1] for x in sent.spans):  # (not 同 in 同江市)
            left = base + t.end()
    for other in sent.spans:
        if other.type == "Person" and left <= sent.rel(other)[1] <= rs and other is not sp:
            left = sent.rel(other)[1]
    return left


_WITH = re.compile("[与同]")  # (compiled once: read for every person's phrase)


def _venue(sent: Sentence, sp: Span, words: re.Pattern = VENUE_BEFORE) -> bool:
    """Whether the place ``sp`` is written as a venue or a destination (在东京, 赴大阪; with ``words``
    VENUE_AT, a venue only)."""
    return words.search(sent.block.text, max(0, sp.start - 2), sp.start) is not None


def _visitors(sent: Sentence, s: int, e: int) -> list[Party]:
    """The persons in ``sent.text[s:e]`` written as coming with a group (X率代表团, X一行), and the
    places whose group it is (卡尔佩内多洛市、圭迪佐洛市代表团一行来杭访问)."""
    inside = sent.spans_in(s, e)
    text = sent.block.text
    # (One pass over the spans for the persons and the places; the places are listed after the persons.)
    out: list[Party] = []
    places: list[Party] = []
    for sp in inside:
        if sp.type == "Person":
            if LEADS.match(text, sp.end) or _came_to_place(text, sp.end):
                out.append(_person(sent, sp, sent.start + _phrase_start(sent, sp)))
        elif sp.type in ("City", "Region") and sp.foreign and not _venue(sent, sp):
            # The place, or a list of places joined by 、/和/及, right before the group's word.
            if _GROUP_AFTER_PLACES.match(text, sp.end, sp.end + 60):
                places.append(Party(sp.name, sp.type, country=sp.side_country))
    for sp in inside if sent.block.kind == ROW_TEXT else ():  # (only a table's row has a leader's cell)
        group = _row_leader(sent, sp)
        if group is not None:
            p = _person(sent, sp, sent.start + _phrase_start(sent, sp))
            # (Of the place or body whose group the row names, where the cell names none: 缅甸驻昆明总领事馆来访 |
            # 总领事吴觉温.)
            named = [x for x in sent.spans if x.type in ("City", "Region", "Organization") and x.foreign
                     and group.start <= sent.block.source_offset(x.start) < group.end]
            if not p.organizations and named:
                last = max(named, key=_START)
                p = replace(p, organizations=(Party(last.name, last.type, country=last.side_country),), country=p.country or last.side_country)
            out.append(p)
    out += places
    # A place's or body's official named by title only, leading a group or coming (哈桑区行政长官率政府代表团
    # 来珲, 日本新潟县驻大连经济事务所所长一行来珲春考察): the place or body; a mission's head so named
    # (俄罗斯驻沈阳总领事一行到珲春访问): the mission. (Only where a word of leading or coming is: most
    # sentences have none.)
    coming = [sp for sp in inside if sp.foreign and sp.type in ("City", "Region", "Organization", "Country")] \
        if _LEADS_SCAN.search(sent.text) or _CAME.search(sent.text) else ()
    if coming:
        gaz = load()
        for sp in coming:
            if sp.type == "Country":
                head = _MISSION_VISITOR.match(text, sp.end)
                end, visitor = (head.end(), Party(text[sp.start : head.end()] + "馆", "Organization", country=sp.side_country)) if head else (0, None)
            else:
                title = title_prefix(text, sp.end, gaz)
                end, visitor = (sp.end + len(title), Party(sp.name, sp.type, country=sp.side_country)) if title else (0, None)
            if visitor is not None and (LEADS.match(text, end) or _came_to_place(text, end)):
                out.append(visitor)
    # (Not a place whose group's head the words name, of that place: 南塔省代表团 … 南塔省省长X.)
    heads_of = {o.name for p in out if p.type == "Person" for o in p.organizations}
    return [p for p in out if p.type == "Person" or p.name not in heads_of]


_MISSION_VISITOR = re.compile(f"驻[\u4e00-\u9fff]{{1,8}}?(?:{pattern('meetings', 'guests.mission_heads')})")


# (A cell that names a group or a visit: 老挝南塔省代表团来访, 缅甸驻昆明总领事馆来访.)
_GROUP_WORDS = re.compile(f"{pattern('meetings', 'guests.groups')}|{pattern('meetings', 'guests.welcome_arrival')}")


_CAME = re.compile(f"(?:{pattern('partners', 'delegation_visit.came_to_place')})")


def _came_to_place(text: str, pos: int) -> bool:
    """Whether the words at ``pos``, after a person, say they came to a Chinese place (崔明浩|来珲春出席…,
    |来我市): a visitor."""
    came = _CAME.match(text, pos)
    if came is None:
        return False
    after = text[came.end() : came.end() + 8]
    return after.startswith(SELF_WORDS) or any(s == 0 for s, _, _, _ in places_in(after))


def _row_leader(sent: Sentence, sp: Span):
    """The cell naming a group or a visit, where the person ``sp`` is the one a table row (read as prose,
    see kg.extract.tables.rows_as_prose) names in a cell of its own after it: its leader (老挝南塔省代表团
    来访 | 南塔省省长X); else None."""
    block = sent.block
    if block.kind != ROW_TEXT or sp.type != "Person":
        return None
    end = block.source_offset(sp.end - 1) + 1
    for i, cell in enumerate(block.cells):
        if cell.start <= end <= cell.end:
            if end != cell.start + len(cell.text.rstrip()):
                return None
            return next((c for c in reversed(block.cells[:i]) if _GROUP_WORDS.search(c.text)), None)
    return None


def _officials_over_places(found: list[tuple[Meeting, str]]) -> list[tuple[Meeting, str]]:
    """A sentence's meetings without those of a place or body met where the same home side meets a
    person of that place's country in it (代表团拜会了友好城市X市，与市长Y举行会谈: Y is whom they met)."""
    met = {(h.name, c.country) for mt, _ in found for h in mt.home for c in mt.counterparts if c.type == "Person" and c.country}
    dropped = [mt for mt, _ in found if "Person" not in map(_TYPE, mt.counterparts)
               and all((h.name, c.country) in met for h in mt.home for c in mt.counterparts)]
    if not dropped:
        return found
    # (The official named by title alone is of that place: 市长Y is X市's mayor.)
    places = {c.country: c for mt in dropped for c in mt.counterparts if c.type in ("City", "Region")}

    def of_place(p: Party) -> Party:
        place = places.get(p.country) if p.type == "Person" and p.title and not p.organizations else None
        return replace(p, organizations=(place,)) if place is not None else p

    return [(replace(mt, counterparts=tuple(map(of_place, mt.counterparts))), act) for mt, act in found if mt not in dropped]


def _signs_after(text: str, pos: int) -> bool:
    """Whether a later clause of ``text`` than the one at ``pos`` tells a signing of the sentence's own
    (…出席签约仪式，并与Y签署了协议书; not 参加会谈及备忘录签订仪式, one clause)."""
    sep = CLAUSE_SEP.search(text, pos)
    return sep is not None and OWN_ACT.search(text, sep.end()) is not None


def _passive_sides(sent: Sentence, pre_s: int, pre_e: int, post_s: int, post_e: int,
                   ctx: MeetingContext) -> tuple | None:
    """The sides of an act word written in the passive (``受到Y的亲切会见`` closing the clause
    ``sent.text[pre_s:pre_e]``, no one named after it): ``(homes, counterparts, where the home side
    is named)``, or None when the act is not passive or a side is missing. Y receives; the received
    are the persons before the passive word in the clause, else the sentence's visitors or subject
    (…率团访问伊尔库茨克州，受到州长Z的会见). The Chinese side is the home side."""
    m = PASSIVE.search(sent.text, pre_s, pre_e)
    if m is None or _persons_in(sent, post_s, post_e):
        return None
    bs, be = m.span("by")
    hosts = [_as_known(_person(sent, sp, sent.start + bs), ctx) for sp in sent.spans_in(bs, be) if sp.type == "Person"]
    hosts = hosts or _places_and_bodies(sent, bs, be)
    guests_seg = (pre_s, m.start())
    guests = [_as_known(_person(sent, sp, sent.start + pre_s), ctx) for sp in sent.spans_in(*guests_seg) if sp.type == "Person"]
    if not guests and NO_SUBJECT.match(sent.text[pre_s : m.start()]):
        guests_seg = (0, pre_s)
        guests = _visitors(sent, 0, pre_s) or _subject(sent, pre_s, ctx) or (
            list(ctx.visitors) if ctx.visitors_in == sent.block.start else [])
    if not hosts or not guests:
        return None
    # (A host whose country the text does not tell, in the foreign place the guests visit: 访问德国
    # 巴伐利亚州，受到州长X的会见.)
    hosts = _of_venue(sent, m.start(), _in_stay(sent, m.start(), hosts))
    if all(_foreign(p) for p in hosts):
        homes, cps, homes_seg = [p for p in guests if not _foreign(p)], hosts, guests_seg
    elif not any(_foreign(p) for p in hosts):
        homes, cps, homes_seg = hosts, [p for p in guests if _foreign(p)], (bs, be)
    else:
        return None
    return (homes, cps, homes_seg) if homes and cps else None


def _inside_span(sent: Sentence, pos: int) -> bool:
    return any(sent.rel(sp)[0] <= pos < sent.rel(sp)[1] for sp in sent.spans)


def _pairwise(sent: Sentence, ctx: MeetingContext, pre_s: int, pre_e: int) -> list[tuple[list[Party], list[Party], tuple[int, int]]]:
    """A list of pairs, each acting on its own (A区区长X与甲市市长Y、B区区长Z与乙市市长W分别签署了…):
    each pair's home persons, counterparts and where its home side is named; empty when the clause
    before the act word is not such a list (at least two pairs, each one Chinese side joined to one
    foreign side)."""
    text = sent.text
    sep = None
    for sep in SEPARATELY_WORD.finditer(text, pre_s, pre_e):
        pass
    if sep is None:
        return []
    cuts = [i for i in range(pre_s, sep.start()) if text[i] == "、" and not _inside_span(sent, i)]
    bounds = list(zip([pre_s, *(c + 1 for c in cuts)], [*cuts, sep.start()]))
    if len(bounds) < 2:
        return []
    out = []
    for s, e in bounds:
        joins = [j for j in TO_COUNTERPART.finditer(text, s, e) if not _inside_span(sent, j.start())]
        if len(joins) != 1:
            return []
        j = joins[0]
        left = [_as_known(_person(sent, sp, sent.start + s), ctx) for sp in sent.spans_in(s, j.start()) if sp.type == "Person"]
        right = [_as_known(_person(sent, sp, sent.start + j.end()), ctx) for sp in sent.spans_in(j.end(), e) if sp.type == "Person"]
        if not left or not right:
            return []
        if not any(map(_foreign, left)) and all(map(_foreign, right)):
            out.append((left, right, (s, j.start())))
        elif all(map(_foreign, left)) and not any(map(_foreign, right)):
            out.append((right, left, (j.end(), e)))
        else:
            return []
    return out


def _manner_start(sent: Sentence, pre_s: int) -> int:
    """Where the words of how an act was held may start: its clause, or the clause before when that
    one tells no act of its own (市长X在市行政中心通过视频连线方式，会见了…)."""
    if pre_s == 0:
        return 0
    prev = sent.clause_start(pre_s - 1)
    # (视频连线 there is a manner, 通过视频连线方式: no act of its own.)
    acts = [a.group(0) for a in ACT.finditer(sent.text, prev, pre_s)]
    return prev if all(a in VIDEO_ACTS for a in acts) else pre_s


def _both_sides_before(sent: Sentence, end: int, ctx: MeetingContext) -> tuple[tuple[Party, ...], tuple[Party, ...]] | None:
    """The home persons and the foreign ones the clauses of ``sent.text[:end]`` name, where they tell no
    act (X在主会场，Y在分会场，|双方…会谈): the two sides 双方 stands for; None unless both are named."""
    if ACT.search(sent.text, 0, end):
        return None
    persons = [_as_known(_person(sent, sp, sent.start + _phrase_start(sent, sp)), ctx)
               for sp in sorted(sent.spans_in(0, end), key=_START) if sp.type == "Person"]
    homes = tuple(p for p in persons if not _foreign(p))
    cps = tuple(p for p in persons if _foreign(p))
    return (homes, cps) if homes and cps else None


def _mode(act: str, text: str) -> str:
    return "letter" if _is_letter(act) else "video" if act in VIDEO_ACTS or VIDEO.search(text) else "in_person"


def _active_sides(sent: Sentence, ctx: MeetingContext, act: str, pre_s: int, pre_e: int, post_s: int, post_e: int,
                  hosted_before: bool) -> tuple | None:
    """The two sides of the act word ``act`` (between ``pre_e`` and ``post_s``), read in the active voice
    (None when both sides are foreign):
    ``(homes, counterparts, where the home side is named, home segment, counterpart segment, the word
    joining a side to the other before the act word or None, whether Hong Kong or Macao is the home side)``."""
    text = sent.text
    split = None
    # (A person after the act word is the one met: A和B会见了C joins A and B on one side.)
    met_after = bool(_persons_in(sent, post_s, post_e))
    for t in TO_COUNTERPART.finditer(text, pre_s, pre_e) if not met_after or act in SIGNING_ACTS else ():
        at = sent.start + t.start()
        if any(sp.start <= at < sp.end for sp in sent.spans):
            continue  # inside a name: 和 in 呼和浩特, 同 in 同江市
        if (re.fullmatch(r"[在于正]*", text[pre_s : t.start()]) or NO_SUBJECT.match(text[pre_s : t.start()])
                or sent.spans_in(pre_s, t.start())
                or re.search(r"领导|市长|书记", text[pre_s : t.start()]) or text[pre_s : t.start()].endswith(SELF_WORDS)
                or HOME_GROUP.match(text, pre_s, t.start())):  # (代表团与…市长X进行了会谈)
            split = t
            break
    home_seg = (pre_s, split.start()) if split else (pre_s, pre_e)
    cp_seg = (split.end(), pre_e) if split else (post_s, post_e)
    if hosted_before:
        home_seg = (pre_s, pre_s)
    # (A person named bare is who the document said before: 姆瓦乌拉一行与厅长X座谈 after 大使彼得·…·姆瓦乌拉.)
    homes = [_as_known(_person(sent, sp, sent.start + home_seg[0]), ctx) for sp in _persons_in(sent, *home_seg)]
    homes_seg = home_seg  # (where the home side is named)
    cps = [_as_known(_person(sent, sp, sent.start + cp_seg[0]), ctx) for sp in _persons_in(sent, *cp_seg)]
    if (split and not homes and cps and all(_home_named(_as_known(p, ctx)) for p in cps)
            and NO_SUBJECT.match(text[home_seg[0] : home_seg[1]])):
        # A clause with no subject (…访问了乌鲁木齐市，与副市长王刚举行了会谈): the foreign persons
        # the sentence's first clauses name are the subject, the persons after 与 the home side.
        subject = [p for sp in sent.spans_in(0, pre_s) if sp.type == "Person"
                   for p in (_person(sent, sp, sent.start),) if _foreign(p)]
        if subject:
            homes, cps, homes_seg = cps, subject, cp_seg
    if split and not homes and not cps and NO_SUBJECT.match(text[home_seg[0] : home_seg[1]]):
        # (…一行参观了…，并与市商务局负责同志进行了座谈: the foreign persons the first clauses name are the
        # subject, met by the bodies after 与; see below.)
        homes = [p for sp in sent.spans_in(0, pre_s) if sp.type == "Person"
                 for p in (_as_known(_person(sent, sp, sent.start), ctx),) if _foreign(p)]
    if split and homes and not cps and all(_foreign(p) for p in homes):
        # A foreign writer or guest, and the home side by its place and title only (韩国釜山市市长X向
        # 青岛市市长发来贺信): the place speaks for the home side.
        named = _places_speaking(sent, *cp_seg)
        others = _places_and_bodies(sent, *cp_seg) if not named and not _is_letter(act) else []
        if named:
            homes, cps, homes_seg = named[:1], homes, cp_seg
        elif others and all(_foreign(p) for p in others):
            return None  # (a guest's own meeting with other foreigners: 金相浩还与…韩国忠清南道…室长一行进行了交流)
        elif others and all(p.type == "Organization" for p in others) and ctx.home_place is not None:
            # (Or with the home place's bodies, no one of them named: …一行与市商务局、市外办负责同志进行了
            # 座谈 — the home place meets them.)
            homes, cps, homes_seg = [ctx.home_place], homes, cp_seg
    if not split and not cps:
        # Both sides named before the act word: tell them apart by country.
        cps = [p for p in homes if _foreign(p)]
        homes = [p for p in homes if not _foreign(p)]
    if homes and cps and all(_foreign(p) for p in homes) and not any(_foreign(p) for p in cps):
        # A外长和B市长签署…, A总理会见了B省委书记C: the sides are named the other way round.
        homes, cps, homes_seg = cps, homes, cp_seg
    # (A Hong Kong or Macao official meeting a foreign country's is the home side: 澳门特区行政长官
    # X会见葡萄牙驻澳门总领事Y. Met by a mainland official, they are the guests.)
    sar_home = bool(homes and cps) and all(p.country in SARS for p in homes) and all(
        _foreign(p) and p.country not in SARS for p in cps)
    if homes and cps and not sar_home and all(_foreign(p) and p.country not in SARS for p in (*homes, *cps)):
        hosts = _hosts_of(cps, ctx) if act in ACCOMPANY_ACTS else ()
        if hosts:
            # (领事X陪同总领事Y来镇江访问: X, of Y's party, is met by whom Y met.)
            return list(hosts), homes, homes_seg, home_seg, cp_seg, split, False
        return None  # two foreign sides (乌兰巴托市市长X与乌兰乌德市市长Y举行会谈): no home side met
    homes = [p for p in homes if sar_home or not _foreign(p)]
    cps = [p for p in cps if p.country != "中国"]
    cps = [p for p in cps if p.name not in {h.name for h in homes}]
    return homes, cps, homes_seg, home_seg, cp_seg, split, sar_home


def _meets_after(text: str, pos: int) -> bool:
    """Whether a later clause than the one ending at ``pos`` tells an act of its own, not attended (…率代表团
    出席活动，市长X会见了代表团一行: the attend word is the guests', the meeting the next clause's)."""
    sep = CLAUSE_SEP.search(text, pos)
    if sep is None:
        return False
    for m in ACT.finditer(text, sep.end()):
        if not ATTEND_BEFORE.search(text, 0, m.start()) and not ATTEND_AFTER.match(text[m.end() :]):
            return True
    return False


def read_meetings(sent: Sentence, ctx: MeetingContext) -> list[tuple[Meeting, str]]:
    """Meetings stated in ``sent``, each with the act word that states it. ``ctx`` carries the
    document's home place and what earlier sentences said (see :class:`MeetingContext`)."""
    out: list[tuple[Meeting, str]] = []
    text = sent.text
    _remember_people(sent, ctx)
    held = HOSTED_TALK.search(text)
    if held is not None:  # (most sentences tell no talk held)
        _remember_hosted(sent, ctx, held)
    if "/" in sent.date:
        # (A trip abroad over days, 10月13日至17日，…率代表团赴意大利进行友好访问: whom the days after
        # it meet, of no country the text tells, are of that country.)
        went = visited_country(sent, sent.end)
        # (One country only: 访问法国、瑞士 does not say whose the persons met are.)
        countries = {sp.side_country for sp in sent.spans if sp.type in ("Country", "City", "Region") and sp.foreign}
        if went and went != "中国" and countries == {went}:
            ctx.trip = (went, sent.date)
    if ctx.pending:
        heads = [p for sp in sent.spans if sp.type == "Person"
                 for p in (_person(sent, sp, sent.start),)
                 if _foreign(p) and GROUP_HEAD.search(text[_clause_start(sent, sent.rel(sp)[0]) : sent.rel(sp)[0]])]
        if heads:
            for mt, act, _ in ctx.pending:
                out.append((replace(mt, counterparts=tuple(heads), country=";".join(dict.fromkeys(p.country for p in heads))), act))
            ctx.pending = []
    attended = ATTENDED.search(text) or ATTEND_END.search(text)
    # (…出席签约仪式，并与Y签署了协议书: the signing is this sentence's own, told after; read below.)
    signs_later = attended is not None and _signs_after(text, attended.end())
    if (attended and all(_time_of_told_act(sent, a, ctx) for a in ACT.finditer(text, 0, attended.start())) and not signs_later
            and not _meets_after(text, attended.end())):
        if OWN_ACT.search(text, 0, attended.start()):
            return []  # (they attend the signing this sentence tells)
        # 市领导X、Y参加会见 / …参加活动: attendees of the meetings told before (and those of each
        # clause after it that ends in its own attend word: …参加会见，…参赞Z在座). (Of those whose
        # guests they name, only theirs: 副省长X参加会见A一行；主任Y参加会见A和B.)
        found, start = [], 0
        # (Guests who attend a talk the home side held, told just before: 金晓东主持召开…座谈会。X、Y参加
        # 座谈，Z在座 — they meet its host, and Z attends that meeting.)
        hosted = ctx.hosted if ctx.hosted is not None and ctx.hosted.evidence.line == sent.evidence().line else None
        group = None
        for att in ATTENDED.finditer(text):
            if att.start() >= start:
                if hosted is not None and group is None:
                    met = [(mt, "座谈") for mt, _ in _attendees(sent, att, ctx, start, group=[hosted]) if mt.counterparts]
                    found.extend(met)
                    group = [mt for mt, _ in met] or None
                    if group:
                        ctx.group, ctx.last, ctx.hosted = list(group), list(group), None
                else:
                    found.extend(_attendees(sent, att, ctx, start, group=group, of_guests=_guests_named(sent, att.end(), ctx)))
                start = att.end()
        for more in ATTEND_END.finditer(text, start):
            found.extend(_attendees(sent, more, ctx, start, group=group))
            start = more.end()
        return _nobody_meets_themselves(found)
    last_act = 0  # (where the last act word ends: see the attendees after them, below)
    titles = "《" in text  # (most sentences quote no title: nothing to count before each act word)
    for m in ACT.finditer(text):
        last_act = m.end()
        if titles and text.count("《", 0, m.start()) > text.count("》", 0, m.start()):
            continue  # a word of a text's title (签署了《…与…会晤纪要》), no act
        act = m.group(0)
        after = text[m.end() :]
        if act in VIDEO_ACTS and (MANNER_OF_NEXT_ACT.match(text, m.end()) or VIDEO_MANNER.match(text, m.end())):
            continue  # (its mode is read with the act word after it; 以视频连线方式共同举办…论坛 tells how an event was held)
        if act in ACCOMPANY_ACTS and _ACCOMPANIED_ACTS.match(text, m.end()):
            continue  # (X陪同Y会见Z: Y's meeting, read at its own act word, with X on Y's side)
        act_clause = _clause_start(sent, m.start())  # (asked again below: read once)
        if THANKED_FOR.search(text, act_clause, m.start()):
            continue  # (X感谢东湖区的热情接待: what X thanks for, no meeting of X's)
        if _time_of_told_act(sent, m, ctx):
            continue  # (在会见谢里夫时，韩志远说…: the time of a meeting told before, no meeting of its own)
        attend_before = ATTEND_BEFORE.search(text[: m.start()])
        if attend_before or ATTEND_AFTER.match(after):
            if not out and attend_before and (OWN_ACT.search(text, 0, attend_before.start()) or _signs_after(text, m.end())):
                continue  # (…签署备忘录，X出席签约仪式: X attends this sentence's signing, no meeting)
            made_here = [mt for mt, a in out if a != "参加"]
            if attend_before and made_here:
                # X会见了Y，市领导Z参加会见: Z joins the meeting this sentence told, named in the clause.
                cs = max((c.end() for c in CLAUSE_SEP.finditer(text, 0, attend_before.start())), default=0)
                if cs and not any(sp.type == "Person" for sp in sent.spans_in(cs, attend_before.start())):
                    # (Persons named in the clause before, bodies in this one: …会见了X一行，副县长Y，县政府办、
                    # 农业局负责同志参加会见.)
                    before = max((c.end() for c in CLAUSE_SEP.finditer(text, 0, cs - 1)), default=0)
                    if any(sp.type == "Person" for sp in sent.spans_in(before, cs)) and not ACT.search(text, before, cs):
                        cs = before
                else:
                    # (Or in clauses before that only name persons: …，副区长X，局长Y参加会见.)
                    while cs:
                        before = max((c.end() for c in CLAUSE_SEP.finditer(text, 0, cs - 1)), default=0)
                        if not _nominal(sent, before, cs - 1):
                            break
                        cs = before
                out.extend(_attendees(sent, m, ctx, cs, group=made_here))
                continue
            out.extend(_attendees(sent, m, ctx))
            continue
        if act in SIGNING_ACTS and WITNESS_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue  # (韦立新等见证签约: a witness of the signing told before, not a signatory)
        # 完成X等…团组的接待任务: the visitors are named before the act word, the home side not at all.
        hosted_before = act in HOSTING_ACTS and after.startswith("任务")
        if NOT_AN_ACT.match(after) and not hosted_before and not GUEST_WHO_ATTENDS.match(after):
            continue  # (but 会见出席…博览会的X: X, who attends, is met)
        cs = act_clause
        if act in SIGNING_ACTS:
            # (X与Y共同见证A与B签署…: the signatories are named after the witnesses.)
            cs = max((w.end() for w in WITNESS_WORD.finditer(text, cs, m.start())), default=cs)
        pre_s, pre_e = cs, m.start()
        if PLANNED.search(text, pre_s, pre_e):
            continue  # a meeting to come
        if BOTH_SIDES.match(text, pre_s) and not _persons_in(sent, pre_s, pre_e):
            # (双方就推动A区与B国企业…合作进行了交流: the topic of a meeting told before.) But where the
            # clauses before name the two sides, and no act of theirs, these meet: 市长X在岳阳主会场，Y市
            # 市长Z在Y市分会场，双方通过视频连线举行会谈.
            sides = _both_sides_before(sent, pre_s, ctx)
            if sides is not None:
                homes, cps = sides
                out.append((Meeting(date=sent.date_before(m.start()), mode=_mode(act, text[pre_s : m.end()]), home=homes,
                                    counterparts=cps, evidence=sent.evidence(),
                                    country=";".join(dict.fromkeys(filter(None, map(_country_of, cps)))),
                                    description=text.strip(), home_place=_home_place(sent, 0, pre_s, ctx.home_place)), act))
            continue
        post_s = m.end()
        ce = CLAUSE_SEP.search(text, post_s)
        post_e = ce.start() if ce else len(text)
        # …会见了A并转交B的信: what follows 并 is another act, not more persons met.
        # (Sought only where 并 is written there: most acts have none after them.)
        also = next((a for a in _ALSO.finditer(text[post_s:post_e]) if not any(
            sent.rel(sp)[0] <= post_s + a.start() < sent.rel(sp)[1] for sp in sent.spans)), None) if text.find("并", post_s, post_e) >= 0 else None
        if also is not None and _persons_in(sent, post_s, post_s + also.start()):
            post_e = post_s + also.start()
        attend = ATTENDED.search(text, post_s, post_e)
        if attend:
            # …会见韩国驻华大使张惠参加会见 (a headline run into the next line): the persons before
            # 参加会见 attend, they are not met.
            post_e = attend.start()
            for sp in sent.spans_in(post_s, post_e):
                if sp.type == "Person" and sent.rel(sp)[1] >= post_e - 1:
                    post_e = sent.rel(sp)[0]
            ce = None
        while ce and _listed_guests(sent, post_e + 1):
            # Guests listed across commas: 会见了由A副主席甲,B副主席乙,C副州长丙率领的代表团.
            ce = CLAUSE_SEP.search(text, post_e + 1)
            post_e = ce.start() if ce else len(text)
        if hosted_before:
            post_s, post_e = pre_s, pre_e
        if COUNTED.search(text, post_s, post_e) and not _persons_in(sent, post_s, post_e):
            continue  # (接待蒙古国政府部门和企业代表团5批次: a tally, no meeting told)
        pairs = _pairwise(sent, ctx, pre_s, pre_e)
        if pairs:
            # A区区长X与甲市市长Y、B区区长Z与乙市市长W分别签署…: a meeting per pair.
            for homes, cps, (hs, he) in pairs:
                out.append((Meeting(date=sent.date_before(m.start()), mode=_mode(act, text[_manner_start(sent, pre_s) : m.end()]), home=tuple(homes),
                                    counterparts=tuple(cps), evidence=sent.evidence(),
                                    country=";".join(dict.fromkeys(filter(None, map(_country_of, cps)))),
                                    description=text.strip(), home_place=_home_place(sent, hs, he, ctx.home_place)), act))
            continue
        split = None
        group_bodies: list[Party] = []  # (the bodies whose group is met, if the text names them so)
        passive = _passive_sides(sent, pre_s, pre_e, post_s, post_e, ctx)
        if passive is not None:
            # X一行受到市长Y的亲切会见 / …访问伊尔库茨克州，受到州长Z的会见: the one after 受到 receives.
            homes, cps, homes_seg = passive
            home_seg, cp_seg, sar_home = homes_seg, homes_seg, False
        else:
            sides = _active_sides(sent, ctx, act, pre_s, pre_e, post_s, post_e, hosted_before)
            if sides is None:
                continue
            homes, cps, homes_seg, home_seg, cp_seg, split, sar_home = sides
        signing = act in SIGNING_ACTS
        if signing and homes and not cps and ctx.signed and ctx.signed_in == sent.block.start:
            # …与A市、B市签署协议，市长X致辞并签约: X signs with the places just named.
            cps = list(ctx.signed)
        if not cps:
            cps = [p for p in _places_and_bodies(sent, *(cp_seg if not signing or split else home_seg)) if _foreign(p)]
        elif not split and not signing and all(p.type == "Person" and _foreign(p) for p in cps):
            # 会见了A市市长X和B省省长: an official named by title only stands for their place.
            named = {p.name for p in cps}
            cps += [p for p in _unnamed_officials(sent, post_s, post_e) if p.name not in named]
        if not cps and (GUESTS_DESCRIBED.match(HELD_BEFORE_ACT.sub("", text[cp_seg[0] : cp_seg[1]]))
                        # (Or accompanying the guests told before on their tour: …一行来珲春考察，副市长X陪同考察….)
                        or not split and act in ACCOMPANY_ACTS and _ACCOMPANIED_TOUR.match(text, post_s) and _visitors(sent, 0, pre_s)
                        or not split and act in RECEIVING_ACTS and NOBODY_AFTER.match(text[cp_seg[0] : cp_seg[1]]) and (
                            _visitors(sent, 0, pre_s) or ctx.visitors and ctx.visitors_in == sent.block.start)):
            # (Or nobody named after the act word: X一行到访我市，市长会见并宴请.)
            # 会见了代表团一行: the foreign persons named as coming with it, in this sentence or the paragraph's last.
            # (Not the paragraph's when the sentence names its own group: 日本冈山县议会代表团一行来访，
            # 副市长会见代表团 — its head may be named later.)
            group_bodies = _group_bodies(sent, pre_s)
            cps = [p for p in _visitors(sent, 0, pre_s) if _foreign(p)] or (
                list(ctx.visitors) if ctx.visitors_in == sent.block.start and not group_bodies else []) or [_GROUP]
        if not cps:
            if homes and not signing:
                # X会见了…等国总领事 (the guests only described): X still meets those the next clauses name.
                ctx.last_home = tuple(homes)
            continue
        awaiting = cps == [_GROUP]  # (guests named later, if at all: no country to give them yet)
        if not awaiting:
            cps = _of_venue(sent, m.start(), _in_stay(sent, m.start(), _one_country([_as_known(p, ctx) for p in cps])))
            cps = [p for p in _on_trip(cps, sent.date_before(m.start()), ctx) if not _of_own_mission(sent, p)]
            if not cps:
                continue
        if signing and not homes and _no_subject(sent, *home_seg):
            # (A clause of the sentence's subject, who signs: 市长X率团访问…，与Y市签署了…协议书.)
            homes = _subject(sent, home_seg[0], ctx)
        if signing and not homes and not (split and any(p.type == "Person" for p in cps)):
            # A signing that names no person is a tie between places (the partner rules read it),
            # not a meeting; its places wait for a signatory named after it. (One that names the
            # other side's signatory, 与Y市市长Z签署了…, is the sentence's subject's.)
            key = sent.block.start
            ctx.signed = (ctx.signed if ctx.signed_in == key else ()) + tuple(cps)
            ctx.signed_in = key
            continue
        home_place = ctx.home_place
        if homes and sar_home:
            sar = load().lookup(homes[0].country, ("Region", "City"))
            home_place = Party(sar.zh, sar.type, country=sar.country) if sar is not None else home_place
        elif homes:
            home_place = _home_place(sent, homes_seg[0], homes_seg[1], ctx.home_place)
        elif _no_subject(sent, *home_seg):
            # A clause with no subject of its own (or a venue only, 在曼谷会见了…): the sentence's
            # subject, else the last meeting's.
            subject = _subject(sent, home_seg[0], ctx)
            # (Else the home side of the act this sentence told before: 期间会见了A，与B签署了….)
            told = [h for h in out[-1][0].home if h.type == "Person"] if out and out[-1][1] != "参加" else []
            # (Or the group a home-side person leads, the subject of an earlier clause: 代表团拜会了X市，与市长Y座谈.)
            led = list(ctx.home_leaders) if GROUP_SUBJECT.search(text, 0, home_seg[0]) else []
            # (A pronoun is the person the text opened a sentence with: 他本人当时曾致信X.)
            said = list(ctx.speaker) if PRONOUN.match(text, home_seg[0]) else []
            if not (subject or told or led or said) and cps and all(_foreign(p) or "·" in p.name for p in cps) \
                    and _foreign_subject(sent, home_seg[0], ctx):
                continue  # (哈特曼还走访了…企业，与总经理X进行了交流: two foreign sides among themselves)
            homes = subject or told or led or said or list(ctx.last_home)
            if subject:
                home_place = _home_place(sent, 0, home_seg[0], ctx.home_place)
            elif ctx.last:
                home_place = ctx.last[-1].home_place or ctx.home_place
        else:
            home_place = _home_place(sent, home_seg[0], home_seg[1], ctx.home_place)
        if not homes and ctx.home_leaders and (
                HOME_GROUP.match(text, home_seg[0], home_seg[1])
                and not any(x.type in ("City", "Region", "Country") and x.foreign and not _venue(sent, x, VENUE_AT) for x in sent.spans_in(*home_seg))
                or cps and all(_foreign(p) for p in cps) and GUESTS_DESCRIBED.match(HELD_BEFORE_ACT.sub("", text[cp_seg[0] : cp_seg[1]]))
                and not any(sp.type == "Person" for sp in sent.spans_in(*cp_seg))):
            # The group a home-side person was named leading is the subject (…率团访问日本…。代表团拜会了…),
            # or the guests of a foreign host (别府市市长X会见了代表团; not 市领导会见了金永浩一行, who is the guest).
            homes = list(ctx.home_leaders)
        # (The words before the act read first: they seldom open with a foreign place, and a long list is met.)
        if not homes and cps and _foreign_place_opens(sent, *home_seg) and all(p.type in ("City", "Region") and _foreign(p) for p in cps):
            continue  # (达累斯萨拉姆市代表还与贝洛奥里藏特市代表…进行了交流: two foreign sides among themselves)
        if not homes:
            # No person on the home side: the places that speak (黑河市、珠海市和俄罗斯…举行会晤), else the home place.
            homes = _places_speaking(sent, *home_seg) or [home_place]
        if act in EXCHANGE_ACTS and not any(p.type == "Person" for p in (*homes, *cps)):
            continue  # (places exchanging: 与美国加州、泰国曼谷…等城市开展友好交流)
        cps = _of_the_venue(sent, pre_s, m.start(), cps)
        manner = text[_manner_start(sent, pre_s) : m.end()]
        if PHONE.search(manner):
            continue  # (a telephone call: 与X举行电话会谈)
        mode = _mode(act, manner)
        countries = list(dict.fromkeys(filter(None, map(_country_of, cps))))
        # (date, mode, home, counterparts, evidence, country, description, home place: in order, not by
        # keyword, which makes a dict for each call.)
        meeting = Meeting(sent.date_before(m.start()), mode, tuple(homes), tuple(cps), sent.evidence(), ";".join(countries),
                          text.strip(), home_place)
        if awaiting:
            ctx.pending.append((meeting, act, tuple(group_bodies)))  # its guests are named later, if at all
            continue
        if len(cps) > 1 and SEPARATELY.search(text, max(0, m.start() - 4), m.start()):
            # 分别会见了A、B和C: three meetings, one after another. (X、Y分别会见了A和B: X met A, Y met B.)
            persons = [h for h in homes if h.type == "Person"]
            pairs = zip(persons, cps) if len(persons) == len(homes) == len(cps) else ((None, p) for p in cps)
            out.extend((replace(meeting, home=(h,) if h else meeting.home, counterparts=(p,), country=_country_of(p)), act)
                       for h, p in pairs)
            continue
        out.append((meeting, act))
    if _extra_word(text):  # (each of the three reads nothing without its word: most sentences hold none)
        out.extend(_letters_of(sent, ctx))
        out.extend(_witnesses(sent, ctx))
        out.extend(_welcomes(sent, ctx))
    if out:  # (most sentences tell no meeting)
        out = _officials_over_places(_nobody_meets_themselves(out))
    ctx.seen.append(sent)  # (its visitors, if any, are the last named: read when asked)
    made = [mt for mt, act in out if act != "参加" and mt.mode != "letter"] if out else []  # (no one attends a letter)
    if made:
        if not ctx.group or ctx.group[-1].date != made[0].date:
            ctx.group, ctx.signings = [], set()
        ctx.group.extend(made)
        ctx.signings.update(id(mt) for mt, act in out if act in SIGNING_ACTS)
        ctx.last = made
        tail = ATTEND_END.search(text, last_act)
        if tail:
            # …市长X致辞并签约，市领导Y参加: Y attends what the sentence told.
            cs = max((c.end() for c in CLAUSE_SEP.finditer(text, last_act, tail.start())), default=last_act)
            out.extend(_nobody_meets_themselves(_attendees(sent, tail, ctx, cs)))
        named = [h for h in made[-1].home if h.type == "Person"]
        if named:
            ctx.last_home = tuple(named)
    return out
