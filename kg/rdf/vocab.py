"""The kg vocabulary, declared once. Keep in step with ``ontology.ttl`` (a test checks)."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://kg.example.org/"
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
# The language tag of a name romanised in pinyin (BCP 47; Oxigraph writes tags in lower case).
# English labels (``@en``) come from the gazetteers and curation only.
PINYIN = "zh-Latn-pinyin"

# ASCII kept as is in an IRI segment; other ASCII (space, <>"{}|\\^`#%?/) is percent-encoded.
_SEGMENT_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@")
# Non-ASCII an IRI may hold as is: RFC 3987's ``ucschar``. Anything else (surrogates,
# private use, the U+E0000 block of tags and variation selectors, …) is percent-encoded.
_UCSCHAR = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF)) + tuple(
    (plane, plane + 0xFFFD) for plane in range(0x10000, 0xE0000, 0x10000)
) + ((0xE1000, 0xEFFFD),)


def _iri_char(ch: str) -> bool:
    if ch in _SEGMENT_ASCII:
        return True
    c = ord(ch)
    return ch.isprintable() and not ch.isspace() and any(lo <= c <= hi for lo, hi in _UCSCHAR)


def segment(text: str) -> str:
    """``text`` (a document id: a file name) made safe as one IRI path segment: ``新闻 稿`` → ``新闻%20稿``."""
    out = []
    for ch in text:
        if _iri_char(ch):
            out.append(ch)
        else:
            # A lone surrogate is a byte of a file name that was not UTF-8: give back that byte.
            raw = ch.encode("utf-8", "surrogateescape" if 0xDC80 <= ord(ch) <= 0xDCFF else "surrogatepass")
            out.append("".join(f"%{b:02X}" for b in raw))
    return "".join(out)


class KG(DefinedNamespace):
    """Terms of kg's own vocabulary (https://kg.example.org/ns#)."""

    _fail = True
    _NS = Namespace(BASE + "ns#")

    # Classes
    Region: URIRef  # a province, state, SAR or district
    Document: URIRef  # an input document
    Evidence: URIRef  # where a fact was read: document, line, span, quote
    Meeting: URIRef  # an interaction between a home side and a counterpart
    Participation: URIRef  # one participant of a meeting, on one side
    Attendance: URIRef  # a person attending an event
    PartnerLink: URIRef  # a tie between a home place and a partner place
    Position: URIRef  # a title held in a body, attested at a date
    Agreement: URIRef  # an agreement signed between parties
    CurationFile: URIRef  # a user's curation file, read as a document
    Correction: URIRef  # one change a curation file makes

    # Documents and evidence
    docId: URIRef  # the document's file name without extension
    referenceYear: URIRef  # the year undated mentions refer to
    document: URIRef  # evidence → the document it is in
    line: URIRef  # 1-based line of the evidence
    startOffset: URIRef  # character offset where the evidence starts
    endOffset: URIRef  # character offset where the evidence ends (exclusive)
    quote: URIRef  # the quoted source text
    curated: URIRef  # true when a user's curation file stated the fact
    mentionedIn: URIRef  # entity → document naming it

    # Entities
    country: URIRef  # entity → the country (or SAR) it belongs to
    partOf: URIRef  # a district → its city

    # Meetings
    date: URIRef  # ISO date as precise as the text allows, start/end for spans
    mode: URIRef  # in_person, video or letter
    participation: URIRef  # meeting → a Participation
    agent: URIRef  # participation or attendance → the person or body
    side: URIRef  # "home" or "counterpart"
    onBehalfOf: URIRef  # participation → the body the participant represents
    title: URIRef  # a title as written (董事长兼首席执行官)
    homeParticipant: URIRef  # shortcut: meeting → home-side participant
    homePlace: URIRef  # meeting → the Chinese place (city, district, province) the home side speaks for
    counterpart: URIRef  # shortcut: meeting → counterpart
    counterpartCountry: URIRef  # meeting → the counterpart's country as the text gives it
    met: URIRef  # shortcut between a home participant and a counterpart
    description: URIRef  # what the source says happened

    # Attendance
    event: URIRef  # attendance → the event
    role: URIRef  # attended, organised, hosted, addressed
    attended: URIRef  # shortcut: person → event

    # Partner links
    home: URIRef  # partner link → the home place (any Chinese city, district or province)
    partner: URIRef  # the partner place
    relation: URIRef  # sister_city, friendly_exchange, …
    since: URIRef  # year the tie began
    partnerOf: URIRef  # shortcut: home place → partner place

    # Positions
    holder: URIRef  # position → person
    body: URIRef  # position → organisation or place

    # Corrections
    action: URIRef  # merge, alias, fix, retract or add
    target: URIRef  # correction → the entity or fact it changed or added
    reason: URIRef  # the user's reason or note
    retracts: URIRef  # correction → the evidence of a fact it removed

    # Agreements
    party: URIRef  # agreement → a party
