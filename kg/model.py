"""Plain data passed between the stages of kg.

Every stage takes and returns these dataclasses; spaCy objects stay
inside :mod:`kg.nlp`, and RDF code never sees anything but these.

They are values: compared and hashed by their fields, never changed once made
(a changed one is a new one, ``dataclasses.replace``). They are not declared
``frozen``: a frozen dataclass sets each field through ``object.__setattr__``,
which made its construction five times slower, and extraction makes tens of
thousands of them per hundred documents (7 % of its time).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["Person", "City", "Country", "Region", "Company", "Organization", "Event"]
ENTITY_TYPES: tuple[str, ...] = ("Person", "City", "Country", "Region", "Company", "Organization", "Event")

MeetingMode = Literal["in_person", "video", "letter"]
MEETING_MODES: tuple[str, ...] = ("in_person", "video", "letter")

PartnerRelation = Literal[
    "sister_city",
    "friendly_exchange",
    "letter_of_intent",
    "cooperation_agreement",
    "leader_meeting",
    "delegation_visit",
    "joint_activity",
    "cooperation",
]
PARTNER_RELATIONS: tuple[str, ...] = (
    "sister_city",
    "friendly_exchange",
    "letter_of_intent",
    "cooperation_agreement",
    "leader_meeting",
    "delegation_visit",
    "joint_activity",
    "cooperation",
)


@dataclass(unsafe_hash=True, slots=True)
class Document:
    """One input file: its text and what is known about it."""

    id: str  # file name without extension
    path: str  # as given (for messages); never written into the graph
    text: str
    title: str = ""
    publisher: str = ""
    date: str = ""  # ISO, as precise as known
    source: str = ""
    year: int | None = None  # the year undated mentions (12月7日) refer to
    language: str = "zh"
    sha256: str = ""
    # The text as decoded from the file, when ``text`` (what the extractor reads: simplified,
    # half-width) differs from it. Same length, so offsets are shared; evidence quotes this.
    original: str = field(default="", repr=False)
    encoding: str = "utf-8"

    def quote(self, start: int, end: int) -> str:
        """The source text between two offsets, as written in the file."""
        return (self.original or self.text)[start:end]


@dataclass(unsafe_hash=True, slots=True)
class Block:
    """A structural unit of a document, with its place in the original file.

    ``text`` is the block's content with layout removed (line breaks inside
    an entry, ``**`` emphasis, table padding stay out); ``offsets[i]`` is the
    offset in the original file of ``text[i]``.
    """

    doc_id: str
    kind: str  # heading, entry, paragraph, table_caption, table_header, table_row, ...
    line: int  # 1-based line of the block's first character
    start: int  # character offset in the original file
    end: int  # exclusive
    text: str
    # Where the text's characters are in the file, as runs of consecutive ones: (index in ``text``,
    # offset in the file) where each run begins (see :meth:`source_offset`).
    offsets: tuple[tuple[int, int], ...] = field(repr=False, default=())
    attrs: tuple[tuple[str, str], ...] = ()  # e.g. (("title", "…"), ("date", "12月7日"))
    cells: tuple["Cell", ...] = ()  # table rows
    section: str = ""  # heading the block sits under
    table: str = ""  # table number for header and data rows ("3")

    def attr(self, key: str, default: str = "") -> str:
        for k, v in self.attrs:
            if k == key:
                return v
        return default

    def source_offset(self, i: int) -> int:
        """Offset in the original file of ``text[i]`` (``i == len(text)`` gives the end)."""
        offsets = self.offsets
        if not offsets:
            return self.start + i
        if i >= len(self.text):
            return self.end
        # (A block of one run, as most are: no search.)
        run_i, run_off = offsets[0] if len(offsets) == 1 else offsets[bisect_right(offsets, (i, _LAST)) - 1]
        return run_off + (i - run_i)


_LAST = float("inf")  # (sorts after any file offset: the last run starting at or before an index)


@dataclass(unsafe_hash=True, slots=True)
class Cell:
    """One cell of a table row: its raw text and where it is."""

    column: str  # header label, normalised (时间, 市领导, 国别, 活动内容)
    text: str  # as written, with padding
    start: int
    end: int


@dataclass(unsafe_hash=True, slots=True)
class Evidence:
    """Where a fact was read: document, line, character span and quoted text."""

    doc: str
    line: int
    start: int
    end: int
    quote: str
    curated: bool = False


@dataclass(unsafe_hash=True, slots=True)
class Party:
    """One side's participant in a fact: a person, or the body/place met."""

    name: str  # normalised name as written
    type: str  # Person, Company, Organization, City, Region, Country
    title: str = ""  # as written (董事长兼首席执行官)
    organizations: tuple["Party", ...] = ()  # bodies the person represents
    country: str = ""


@dataclass(unsafe_hash=True, slots=True)
class Meeting:
    date: str  # ISO, as precise as the text allows; start/end for spans
    mode: str  # in_person, video, letter
    home: tuple[Party, ...]  # home-side persons (or the body when none is named)
    counterparts: tuple[Party, ...]  # persons met, or the organisations/cities
    evidence: Evidence
    country: str = ""  # the counterpart's country as the text gives it
    description: str = ""
    # The Chinese place the home side speaks for (上海市 for 上海市市长龚正; the document's home
    # place when the sentence names none). ``None`` only for facts made before it was known.
    home_place: Party | None = None


@dataclass(unsafe_hash=True, slots=True)
class Attendance:
    """A person attended (or hosted, organised) a named event."""

    person: Party
    event: Party
    date: str
    role: str  # attended, organised, hosted, addressed
    evidence: Evidence
    mode: str = "in_person"


@dataclass(unsafe_hash=True, slots=True)
class PartnerLink:
    home: Party
    partner: Party
    relation: str  # one of PARTNER_RELATIONS
    evidence: Evidence
    since: str = ""  # year
    date: str = ""


@dataclass(unsafe_hash=True, slots=True)
class Position:
    """A title a person is stated to hold, attested at a date."""

    person: Party
    title: str
    organization: Party | None
    date: str
    evidence: Evidence


@dataclass(unsafe_hash=True, slots=True)
class EntityMention:
    """A mention of an entity, kept so that every entity has evidence."""

    entity: Party
    evidence: Evidence
    english: str = ""
    wikidata: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(unsafe_hash=True, slots=True)
class Facts:
    """All that was read from one document."""

    doc: Document
    blocks: tuple[Block, ...]
    mentions: tuple[EntityMention, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    attendances: tuple[Attendance, ...] = ()
    partner_links: tuple[PartnerLink, ...] = ()
    positions: tuple[Position, ...] = ()


@dataclass(unsafe_hash=True, slots=True)
class Skipped:
    """A file that could not be read, and why."""

    path: str
    reason: str
