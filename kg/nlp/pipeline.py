"""The spaCy pipeline: ``spacy.blank("zh")`` with jieba, gazetteer rulers and name rules.

Components, in order:

- ``gazetteer`` — spaCy's ``span_ruler`` with one phrase pattern per written
  form of every gazetteer entry (patterns come from the registered function
  ``kg.gazetteer_patterns.v1`` through ``[initialize]``); every form is also
  added to the pipeline's own jieba dictionary so that it is one token.
- ``kg_names`` — names no gazetteer knows: a person after a title
  (``市长陈吉宁``), or before ``同志``; organisation and company names by
  their shape (``…公司``, ``…集团``, ``…银行``, ``…协会``); named events
  (``…论坛``, ``…峰会`` in quotes or after a year).
- ``kg_mentions`` — merges both into ``Doc._.mentions``: plain
  :class:`~kg.model.Mention` objects with exact character offsets, longest
  match first.
"""
from __future__ import annotations

import re
from functools import lru_cache

import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from ..extract.events import EVENT_SUFFIX
from ..extract.names import CJK, title_suffix
from ..gazetteer import load

if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)

GAZ_KEY = "gazetteer"
RULE_KEY = "kg_rules"

# Characters that may not start a person's name after a title.
_NOT_NAME_START = set("的和与在为及等、，,。；;：:“”《》()（）兼并向同对从将")
_PERSON_AFTER_TITLE = re.compile(rf"[{CJK}]{{2,3}}")
_TRANSLIT = re.compile(rf"[{CJK}]{{1,6}}(?:[·•][{CJK}]{{1,8}})+")
_COMRADE = re.compile(rf"([{CJK}]{{2,3}})同志")
_ORG_SHAPE = re.compile(
    rf"(?:[{CJK}A-Za-z0-9·\-]{{2,20}}?)(?:股份有限公司|有限责任公司|有限公司|总公司|公司|集团|银行|证券|"
    rf"协会|促进会|基金会|研究院|研究中心|大学|学院|委员会|联合会|商会|联盟)"
)
_QUOTED_EVENT = re.compile(r"[“\"]([^”\"]{2,40})[”\"]")
_YEAR_EVENT = re.compile(rf"(?:(?:19|20)\d\d年?|第[一二三四五六七八九十百\d]+届)[{CJK}A-Za-z0-9·—\-+“”]{{2,40}}?(?:论坛|大会|峰会|洽谈会|招待会|交流会|发布会|展览会|博览会|交易会|友谊节|活动周|周|节|足球赛|大赛)")
_FOREIGN_NAME = re.compile(rf"([{CJK}]{{2,7}}?)(?=致|向|与|和|及|等|出席|通过|会见|会谈|表示|在|的|并|共同|视频|一行|[、，,。；;：:（(]|$)")
_ORG_STOP = re.compile(r"(?:^|[，,。；;、：:与和及在由向对把将为从])")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    from importlib import resources

    text = resources.files("kg.gazetteer").joinpath("data", "surnames.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def is_chinese_surname(prefix: str) -> bool:
    """Whether ``prefix`` (the first one or two characters of a name) starts with a common Chinese surname."""
    s = _surnames()
    return prefix[:2] in s or prefix[:1] in s


@registry.misc("kg.gazetteer_patterns.v1")
def gazetteer_patterns() -> list[dict]:
    """One phrase pattern per written form of every gazetteer entry; the id is the entry's key."""
    gaz = load()
    patterns = []
    for form, entry in gaz.forms():
        if len(form) < 2:
            continue
        patterns.append({"label": entry.type, "pattern": form, "id": f"{entry.type}:{entry.zh}"})
    return patterns


def _jieba_words() -> list[str]:
    gaz = load()
    words = {f for f, _ in gaz.forms() if len(f) >= 2}
    words.update(t.zh for t in gaz.titles)
    return sorted(words)


@Language.factory("kg_names", requires=["doc.spans"], assigns=["doc.spans"], default_config={"spans_key": RULE_KEY})
def make_name_rules(nlp: Language, name: str, spans_key: str) -> "NameRules":
    return NameRules(spans_key)


class NameRules:
    """Rule-based names: persons after titles, transliterated names, organisation and event shapes.

    Results are kept as (start, end, label, rule) character spans in
    ``doc.user_data[spans_key]``, because jieba's tokens do not always end
    where a name does.
    """

    def __init__(self, spans_key: str) -> None:
        self.spans_key = spans_key
        self.gaz = load()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        found: list[tuple[int, int, str, str]] = []
        # A person after a title: 市长陈吉宁, 董事长康林松.
        for tok in doc:
            t = title_suffix(tok.text, self.gaz)
            if not t or not tok.text.endswith(t):
                continue
            end = tok.idx + len(tok.text)
            m = _TRANSLIT.match(text, end)
            if m:
                found.append((m.start(), m.end(), "Person", "title+translit"))
                continue
            m = _PERSON_AFTER_TITLE.match(text, end)
            if m and m.group(0)[0] not in _NOT_NAME_START:
                name = self._trim_name(m.group(0), text, m.end())
                if name and not self.gaz.lookup(name):
                    found.append((end, end + len(name), "Person", "title+name"))
        for m in _TRANSLIT.finditer(text):
            found.append((m.start(), m.end(), "Person", "translit"))
        for m in _COMRADE.finditer(text):
            name = m.group(1)
            if is_chinese_surname(name) and not re.search(r"负责|领导|有关|相关", text[max(0, m.start(1) - 2) : m.end(1)]):
                found.append((m.start(1), m.end(1), "Person", "comrade"))
        for m in _ORG_SHAPE.finditer(text):
            s = m.group(0)
            cut = max((x.end() for x in _ORG_STOP.finditer(s)), default=0)
            start = m.start() + cut
            name = text[start : m.end()]
            if len(name) >= 4:
                label = "Company" if re.search(r"公司|集团|银行|证券", name) else "Organization"
                found.append((start, m.end(), label, "org-shape"))
        for m in _QUOTED_EVENT.finditer(text):
            inner = m.group(1)
            if EVENT_SUFFIX.search(inner) or re.search(r"活动|论坛|节|周$", text[m.end() : m.end() + 2] or ""):
                found.append((m.start(1), m.end(1), "Event", "quoted-event"))
        for m in _YEAR_EVENT.finditer(text):
            found.append((m.start(), m.end(), "Event", "event-shape"))
        doc.user_data[self.spans_key] = found
        return doc

    def _trim_name(self, cand: str, text: str, end: int) -> str:
        start = end - len(cand)
        if not is_chinese_surname(text[start : start + 2]):
            # A foreign name written in characters (索比亚宁, 小池百合子): up to the next function word.
            m = _FOREIGN_NAME.match(text, start)
            return m.group(1) if m and len(m.group(1)) >= 2 else ""
        # Chinese personal names are two or three characters; drop a third that starts a word (陈吉宁向 → 陈吉宁).
        if len(cand) == 3 and cand[2] in _NOT_NAME_START:
            return cand[:2]
        return cand


@Language.factory("kg_mentions", requires=["doc.spans"], assigns=["doc._.mentions"], default_config={})
def make_mentions(nlp: Language, name: str) -> "MentionMerger":
    return MentionMerger()


class MentionMerger:
    """Gazetteer and rule spans merged into non-overlapping mentions, longest first."""

    def __init__(self) -> None:
        self.gaz = load()

    def __call__(self, doc: Doc) -> Doc:
        cands = []
        for span in doc.spans.get(GAZ_KEY, []):
            cands.append((span.start_char, span.end_char, span.label_, "gazetteer", span.id_))
        for s, e, label, rule in doc.user_data.get(RULE_KEY, []):
            cands.append((s, e, label, rule, ""))
        # Longest first; on ties, gazetteer before rules.
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[3] != "gazetteer", c[0]))
        taken = [False] * (len(doc.text) + 1)
        chosen = []
        for s, e, label, rule, ent_id in cands:
            if any(taken[s:e]):
                continue
            for i in range(s, e):
                taken[i] = True
            chosen.append((s, e, label, rule, ent_id))
        chosen.sort()
        doc._.mentions = chosen
        return doc


def _new_nlp() -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    seg = jieba.Tokenizer()
    for w in _jieba_words():
        seg.add_word(w, freq=200000)
    nlp.tokenizer.jieba_seg = seg
    nlp.add_pipe("span_ruler", name="gazetteer", config={"spans_key": GAZ_KEY, "phrase_matcher_attr": "TEXT", "overwrite": True})
    nlp.add_pipe("kg_names")
    nlp.add_pipe("kg_mentions")
    nlp.config["initialize"]["components"]["gazetteer"] = {"patterns": {"@misc": "kg.gazetteer_patterns.v1"}}
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The pipeline, built once per process."""
    import logging

    jieba.setLogLevel(logging.WARNING)
    return _new_nlp()
