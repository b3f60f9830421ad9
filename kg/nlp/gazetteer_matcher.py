"""The gazetteer component: every written form of every gazetteer entry, found in the tokens."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import compress, count
from operator import sub

import jieba
import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import ensure_path, registry

from ..gazetteer import load
from .common import GAZ_KEY, doc_text, matches_in, token_bounds


@registry.misc("kg.gazetteer_patterns.v1")
def gazetteer_patterns() -> list[dict]:
    """One phrase pattern per written form of every gazetteer entry; the id is the entry's key.

    Homonyms (several 朝阳区) share their key and so give one pattern."""
    gaz = load()
    patterns = []
    seen = set()
    for form, entry in gaz.forms():
        if len(form) < 2:
            continue
        key = (form, entry.type, entry.zh)
        if key in seen:
            continue
        seen.add(key)
        patterns.append({"label": entry.type, "pattern": form, "id": f"{entry.type}:{entry.zh}"})
    return patterns


@Language.factory("kg_gazetteer", assigns=["doc.user_data"], default_config={"spans_key": GAZ_KEY})
def make_gazetteer(nlp: Language, name: str, spans_key: str) -> "GazetteerMatcher":
    return GazetteerMatcher(nlp, spans_key)


class _TokenOrPhraseMatcher:
    """Matches as ``PhraseMatcher`` gives them, (match, start token, end token), each match given by
    what the match id stands for (``infos``: the match id → its label, id and their hashes): one-token
    patterns by the token's ORTH in a dict (whose lists hold those tuples themselves), the others by a
    ``PhraseMatcher``. (A match's tuple read from the dict of every match id cost as much as the rest
    of the match's reading: the dict is large.)

    It also matches the words of a text made into no Doc (:class:`~kg.nlp.tokenizer.Words`), by
    their texts (``by_text``: the same lists as ``single``, keyed by the form instead of its hash), where
    no phrase can match: see :meth:`phrase_free`."""

    def __init__(self, single: dict[int, list[tuple]], phrases: PhraseMatcher,
                 by_text: dict[str, list[tuple]] | None = None, phrase_texts: tuple[str, ...] = (),
                 infos: dict[int, tuple[str, str, int, int]] | None = None) -> None:
        self.single = single
        self.phrases = phrases
        self.infos = infos or {}
        self.by_text = by_text or {}
        # The phrase patterns' tokens, joined: text a phrase match is made of (none ever matches a
        # text that holds none of them), found by one regex (a loop of ``in`` took four times longer).
        self.phrase_texts = phrase_texts
        self._phrase_text = re.compile("|".join(map(re.escape, phrase_texts)) if phrase_texts else "(?!)")

    def phrase_free(self, text: str) -> bool:
        """Whether no phrase pattern can match in ``text`` (written without whitespace, so that its
        tokens joined are the text): none of the patterns' tokens, joined, is in it."""
        return self._phrase_text.search(text) is None

    def __call__(self, doc) -> list[tuple[tuple, int, int]]:
        out = []
        if isinstance(doc, Doc):
            keys, table = doc.to_array(ORTH).tolist(), self.single
        else:  # (words, whose text no phrase pattern matches: see phrase_free)
            keys, table = doc.words, self.by_text
        # (The look-ups by ``map``, and the tokens that have ids picked by ``compress``: a loop over
        # every token in Python took twice as long.)
        found = list(map(table.get, keys))
        for i in compress(count(), found):
            for m in found[i]:
                out.append((m, i, i + 1))
        if isinstance(doc, Doc) and len(self.phrases):
            infos = self.infos
            out.extend((infos[m], s, e) for m, s, e in self.phrases(doc))
        return out


class GazetteerMatcher:
    """Gazetteer names found by spaCy's ``PhraseMatcher`` over the tokens' texts.

    Results are (start, end, label, id) character spans in
    ``doc.user_data[spans_key]``, without duplicates, in the order spaCy sorts
    ``Span`` objects (offsets, then the hashes of label and id): what
    ``span_ruler`` would give, without making a ``Span`` and a ``SpanGroup``
    for every match (which took two thirds of the ruler's time)."""

    def __init__(self, nlp: Language, spans_key: str) -> None:
        self.nlp = nlp
        self.spans_key = spans_key
        self.patterns: list[dict] = []
        self.matcher = _TokenOrPhraseMatcher({}, PhraseMatcher(nlp.vocab, attr="ORTH"))
        self._label_id: dict[int, tuple[str, str, int, int]] = {}

    def initialize(self, get_examples=None, *, nlp: Language | None = None, patterns: list[dict] = ()) -> None:
        """Match ``patterns`` (``{"label", "pattern", "id"}``, as for ``span_ruler``), in place of any before.

        A pattern that the pipeline's jieba keeps as one token (every form is in its dictionary, see
        :func:`jieba_words`, so a form made only of the characters jieba segments together is one
        token: tested in tests/gazetteer/test_places.py) is matched by its token's text in a dict,
        without tokenizing it nor making a lexeme for it (tens of thousands of place names would take
        seconds); the few others (with ``·``) go to the ``PhraseMatcher``."""
        self.patterns = list(patterns)
        strings = self.nlp.vocab.strings
        single: dict[int, list[tuple]] = {}
        by_text: dict[str, list[tuple]] = {}
        by_key: dict[str, list[str]] = {}
        one_token = jieba.re_han_default.fullmatch
        self._label_id = {}
        for p in self.patterns:
            label, ent_id = p["label"], p.get("id", "")
            key = repr((label, ent_id))
            match_id = strings.add(key)
            if match_id not in self._label_id:
                self._label_id[match_id] = (label, ent_id, strings.add(label), strings.add(ent_id))
            text = p["pattern"]
            if one_token(text):
                # (A country's name with 国 after it, where jieba's own dictionary keeps it one word:
                # 日本国驻沈阳总领事馆. Not given to the segmenter: 印度|国际 stays cut so.)
                for form in (text, text + "国") if label == "Country" and not text.endswith("国") else (text,):
                    ids = single.setdefault(strings.add(form), [])
                    info = self._label_id[match_id]  # (one tuple per match id: ``in`` finds it)
                    if info not in ids:
                        ids.append(info)
                    by_text[form] = ids
            else:
                by_key.setdefault(key, []).append(text)
        phrases = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        phrase_texts = set()
        for key, texts in by_key.items():
            docs = [self.nlp.make_doc(t) for t in texts]
            phrases.add(key, docs)
            phrase_texts.update("".join(t.text for t in d) for d in docs)
        self.matcher = _TokenOrPhraseMatcher(single, phrases, by_text, tuple(sorted(phrase_texts)), self._label_id)

    # Saving and loading, as span_ruler does: the patterns, one JSON object a line.
    def to_disk(self, path, *, exclude=()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)

    def from_disk(self, path, *, exclude=()) -> "GazetteerMatcher":
        self.initialize(patterns=list(srsly.read_jsonl(ensure_path(path) / "patterns.jsonl")))
        return self

    def to_bytes(self, *, exclude=()) -> bytes:
        return srsly.msgpack_dumps({"patterns": self.patterns})

    def from_bytes(self, data: bytes, *, exclude=()) -> "GazetteerMatcher":
        self.initialize(patterns=srsly.msgpack_loads(data)["patterns"])
        return self

    def __call__(self, doc: Doc) -> Doc:
        starts, ends = token_bounds(doc)
        text = doc_text(doc)
        found = {}
        matched_tokens = set()
        matches = self.matcher(doc)  # (a new list each time; each match's label, id and hashes)
        # (A name right after another, 日本|金泽市, cuts no word with the character before it: 本金.)
        match_ends = {ends[e - 1] for _, _, e in matches} if matches else ()
        for (label, ent_id, label_hash, id_hash), s, e in matches:
            cs, ce = starts[s], ends[e - 1]
            # (Not when a word of three or more characters starts right after it: 南特|大都会 holds
            # 特大, but the segmenter cut it for 大都会.)
            long_next = e < len(starts) and ends[e] - starts[e] >= 3
            if ce - cs <= 3 and not long_next and _splits_a_word(text, cs, ce, cs in match_ends):
                continue
            if e - s == 1:  # (most matches are one token: no range to iterate)
                matched_tokens.add(s)
            else:
                matched_tokens.update(range(s, e))
            found[cs, ce, label_hash, id_hash] = (cs, ce, label, ent_id)
        # jieba's own dictionary holds some names together with a word before them (日本共同社):
        # a token made of two gazetteer forms is read as both (日本 + 共同社).
        # (The one-token patterns by their text: ``single``'s lists, without hashing each stretch read.)
        single = self.matcher.by_text
        # (Only the tokens of four characters or more, picked first by ``compress``: a loop over every token took long.)
        for i in compress(count(), map(_LONGER_THAN_3, map(sub, ends, starts))):
            if i in matched_tokens:
                continue
            ts, te = starts[i], ends[i]
            tok = text[ts:te]
            for k in range(2, len(tok) - 1):
                left = single.get(tok[:k])
                if not left:
                    continue  # (both readings below need a name on the left: the right is looked up only then)
                right = single.get(tok[k:])
                if left and not right and len(tok) - k >= 2:
                    # A country written before a word that jieba's dictionary holds together with it
                    # (美国驻华使馆, 日本丰田汽车公司, 美国高通公司): the country is a word of its own.
                    # (Not China's, whose name starts the names of its own bodies: 中国人民对外友好协会.)
                    left = [i for i in left if i[0] == "Country" and i[1] != _HOME_COUNTRY_ID]
                    for label, ent_id, label_hash, id_hash in left:
                        found[ts, ts + k, label_hash, id_hash] = (ts, ts + k, label, ent_id)
                    if left:
                        break
                if left and right:
                    for part_ids, ps, pe in ((left, ts, ts + k), (right, ts + k, te)):
                        for label, ent_id, label_hash, id_hash in part_ids:
                            found[ps, pe, label_hash, id_hash] = (ps, pe, label, ent_id)
                    break
        titles = load().title_forms
        # A title that starts with a level word takes a short name's last character (堺|市议会议长,
        # the title 市议会议长 being a word of the segmenter): the name with it is the place.
        # (Only the tokens that start with a level word, found by a regex: a loop over every token took long.)
        # (Only where a level word is followed by the rest of such a title, too: _level_title.)
        # (The token starting there by bisection over the starts, which only grow: no index of every token.)
        for c in matches_in(_level_title(), text):
            i = bisect_left(starts, c.start())
            if not i or i == len(starts) or starts[i] != c.start():
                continue  # (no token starts there, or the first does)
            ts, te = starts[i], ends[i]
            if te - ts < 2 or (i - 1) in matched_tokens or text[ts:te] not in titles:
                continue
            ps = starts[i - 1]
            ids = single.get(text[ps : ts + 1]) if ts + 1 - ps >= 2 else None
            for label, ent_id, label_hash, id_hash in ids or ():
                if label in ("City", "Region"):
                    found[ps, ts + 1, label_hash, id_hash] = (ps, ts + 1, label, ent_id)
        # (A text of one span or none needs no sort.)
        doc.user_data[self.spans_key] = [found[k] for k in sorted(found)] if len(found) > 1 else list(found.values())
        return doc


_HOME_COUNTRY_ID = "Country:中国"
_LONGER_THAN_3 = (3).__lt__  # (n > 3, as a C function for ``map``)
# The level words a place's name ends in and a title may start with (市议会议长, 州长, 县知事).
_LEVEL_WORDS = frozenset("市州县省区道府")
_LEVEL_WORD = re.compile("[" + "".join(sorted(_LEVEL_WORDS)) + "]")


@lru_cache(maxsize=1)
def _level_title() -> re.Pattern:
    """A level word where a title that starts with one may start: the level word, followed by the rest
    of one such title (市 of 市长, 省 of 省委书记; any level word before the rest of any of them). Most
    level words in a text start no title."""
    rests = sorted({t[1:] for t in load().title_forms if t[:1] in _LEVEL_WORDS}, key=lambda r: (-len(r), r))
    if not rests:
        return re.compile("(?!)")
    return re.compile(_LEVEL_WORD.pattern + "(?=" + "|".join(map(re.escape, rests)) + ")")

# How often jieba's own dictionary must know a word for a short name inside it to be a cut
# across it (首都城市 holds no 都城 or 都城市, 成都东 no 都东).
_WORD_FREQ = 100


def _splits_a_word(text: str, s: int, e: int, after_a_name: bool = False) -> bool:
    """Whether a short name at ``text[s:e]`` (two or three characters) cuts an ordinary word in two: the character
    before it and its first, or its last and the character after it, are a word jieba's own
    dictionary (without the gazetteer's words) knows well. The pipeline's segmenter, which favours
    gazetteer forms, made the cut."""
    freq = jieba.dt.FREQ
    # (Nor before it after a level word: 湖南省长沙市 holds 省长 but is 湖南省 + 长沙市.)
    before = text[s - 1 : s + 1] if s > 0 and text[s - 1] not in "省市区县州" and not after_a_name else ""
    # (Nor a name of three whose last two are no word: 在内|罗毕 is no reading of 在内罗毕会见.)
    if e - s == 3 and not freq.get(text[s + 1 : e]):
        before = ""
    # (A name ending in a level word is not cut after it: 钟楼区区长 holds 区区 but is 钟楼区 + 区长.)
    after = text[e - 1 : e + 1] if e < len(text) and text[e - 1] not in "市区县州省镇村" and e - s == 2 else ""
    # (A loop, not ``any`` over a generator: this is asked for most short names.)
    for w in (before, after):
        if len(w) == 2:
            known = freq.get(w) or 0
            if known >= _WORD_FREQ and (freq.get(text[s:e]) or 0) < known:
                return True
    return False


@registry.misc("kg.jieba_words.v1")
def jieba_words() -> list[str]:
    """The words the pipeline adds to its jieba dictionary: every gazetteer form of two characters or
    more, and every title (so that 市长 stays a word in 北京市市长)."""
    gaz = load()
    words = {f for f, _ in gaz.forms() if len(f) >= 2}
    words.update(t.zh for t in gaz.titles)
    return sorted(words)

