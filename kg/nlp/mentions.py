"""The mentions component: gazetteer and rule spans merged into non-overlapping mentions."""
from __future__ import annotations

from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import load
from .common import GAZ_KEY, RULE_KEY, doc_text

for _ext in ("mentions", "nested"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

# Where the mentions are kept as spaCy spans (besides ``doc.ents``).
SPANS_KEY = "kg_mentions"
NESTED_KEY = "kg_nested"

# Rules whose spans are taken before the gazetteer's of the same stretch (省督奥斯汀一行: a person).
_BEFORE_GAZETTEER = frozenset({"title+name-over-place"})
# Spans whose inner names are kept as nested mentions.
_CONTAINERS = ("Event", "Organization", "Company")
_ONE = b"\x01"


@Language.factory(
    "kg_mentions",
    requires=["doc.user_data"],
    assigns=["doc._.mentions", "doc._.nested", "doc.spans", "doc.ents"],
    default_config={},
)
def make_mentions(nlp: Language, name: str) -> "MentionMerger":
    return MentionMerger()


class MentionMerger:
    """Gazetteer and rule spans merged into non-overlapping mentions, longest first.

    The mentions are kept twice: as (start, end, label, rule, id) tuples with exact character offsets
    in ``doc._.mentions`` and ``doc._.nested`` (what the extraction reads), and as spaCy ``Span``
    objects (label; ``kb_id_`` and ``id_`` the gazetteer id, e.g. ``City:巴黎``, empty for a rule's
    name) in ``doc.spans["kg_mentions"]``, ``doc.spans["kg_nested"]`` and, without overlaps,
    ``doc.ents``: for displaCy, spaCy's scorer and anything else that reads spaCy's own attributes."""

    def __init__(self) -> None:
        self.gaz = load()

    def score(self, examples, **kwargs) -> dict:
        """spaCy's named-entity scores (``ents_p``, ``ents_r``, ``ents_f``, ``ents_per_type``) on
        ``doc.ents``, for ``nlp.evaluate``, as spaCy's ``entity_ruler`` gives them."""
        return get_ner_prf(examples)

    def __call__(self, doc: Doc, spacy_spans: bool = True) -> Doc:
        """``spacy_spans=False`` (``component_cfg={"kg_mentions": {"spacy_spans": False}}``) keeps the
        tuples only: the extraction reads nothing else, and making the spaCy spans and entities took a
        third of the pipeline's time."""
        # Longest first; on ties, gazetteer before rules (but for a person's name after a title that
        # is also a place's: _BEFORE_GAZETTEER), and a country before a place of its name
        # (新加坡, 摩纳哥: the city-state is the country); then in the order given.
        # (Each candidate is sorted by a tuple made with it, its index last: a key function called
        # for each took longer.)
        keyed = []
        for s, e, label, ent_id in doc.user_data.get(GAZ_KEY, ()):
            keyed.append((s - e, 1, s, label != "Country", len(keyed), (s, e, label, "gazetteer", ent_id)))
        for s, e, label, rule in doc.user_data.get(RULE_KEY, []):
            keyed.append((s - e, 0 if rule in _BEFORE_GAZETTEER else 1 if rule == "gazetteer" else 2, s, label != "Country", len(keyed), (s, e, label, rule, "")))
        keyed.sort()
        cands = [k[5] for k in keyed]
        chosen = []
        if cands:  # (a third of the blocks have no span at all: nothing to merge)
            # (The taken characters as bytes: a search for a taken one in a stretch makes no slice.)
            taken = bytearray(len(doc_text(doc)) + 1)
            for cand in cands:
                s, e = cand[0], cand[1]
                if taken.find(1, s, e) >= 0:
                    continue
                taken[s:e] = _ONE * (e - s)
                chosen.append(cand)
            chosen.sort()
        ext = doc._  # (each ``doc._`` makes a new object)
        ext.mentions = chosen
        # Bodies inside a chosen name are mentions too (亚投行 in 亚投行新年招待会),
        # kept apart so that relation rules still see one span per stretch of text.
        nested = []
        for s, e, label, rule, ent_id in chosen:
            if label not in _CONTAINERS:
                continue
            # A place or country written inside an event's name or a place's own body is part of the
            # name (中国 in 第六届中国国际进口博览会, 南京市 in 南京市政府外办), no mention of its own; the
            # country of a mission (英国驻广州总领事馆) and the places an organisation is named after are.
            skip = ("City", "Region", "Country") if label == "Event" or rule == "body-of-place" else ()
            # Gazetteer names anywhere inside; a rule's name only where the outer name starts with it
            # (市委外事工作委员会 in 市委外事工作委员会第二次全体会议, not 北京代表处 in …基金会北京代表处).
            inner = [
                c for c in cands
                if s <= c[0] and c[1] <= e and (c[0], c[1]) != (s, e) and c[2] != "Person" and c[2] not in skip and (c[3] == "gazetteer" or c[0] == s)
                # (A place's body ends in a body's common name, 德国|外交部: not the gazetteer's body of that name.)
                and not (rule == "body-of-place" and c[2] == "Organization" and c[0] > s)
            ]
            used = [False] * (e - s)
            for c in inner:
                if not any(used[c[0] - s : c[1] - s]):
                    used[c[0] - s : c[1] - s] = [True] * (c[1] - c[0])
                    nested.append(c)
        ext.nested = sorted(nested)
        if not spacy_spans:
            return doc
        spans = _spans(doc, chosen)
        doc.spans[SPANS_KEY] = spans
        doc.spans[NESTED_KEY] = _spans(doc, ext.nested)
        # Two mentions are apart in characters but may share a token (see _spans): keep the longer.
        doc.ents = filter_spans(spans)
        return doc


def _spans(doc: Doc, mentions: list[tuple]) -> list[Span]:
    """The mentions as token spans. A jieba token does not always end where a name does (巴黎 in
    ``巴黎市``, when jieba keeps 巴黎市 together): the span then takes in the whole token
    (``alignment_mode="expand"``), so its text can be longer than the name, and two mentions next to
    each other can overlap; the exact offsets stay in ``doc._.mentions``."""
    out = []
    for s, e, label, _rule, ent_id in mentions:
        span = doc.char_span(s, e, label=label, kb_id=ent_id, span_id=ent_id, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out
