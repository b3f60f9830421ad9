"""What the pipeline's components share: the keys they keep their results under in
``doc.user_data``, the tokens' character bounds, the Doc's text, jieba look-ups and surnames."""
from __future__ import annotations


import re
from bisect import bisect_left
from functools import lru_cache

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

GAZ_KEY = "gazetteer"
RULE_KEY = "kg_rules"
BOUNDS_KEY = "kg_token_bounds"
TEXT_KEY = "kg_text"
# The rules that read a foreign place no gazetteer lists, by its shape and what stands next to it: after
# its country (意大利曼托瓦省), or before its official and a transliterated name (与维泰博市市长乔瓦尼·罗西).
UNLISTED_PLACE_RULES = ("place-after-country", "place-before-official")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    from importlib import resources

    text = resources.files("kg.gazetteer").joinpath("data", "surnames.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def is_chinese_surname(prefix: str) -> bool:
    """Whether ``prefix`` (the first one or two characters of a name) starts with a common Chinese surname."""
    s = _surnames()
    return prefix[:2] in s or prefix[:1] in s


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Where each token of ``doc`` starts and ends, in characters: kept by the tokenizer, else read
    once as arrays (no Token objects)."""
    bounds = doc.user_data.get(BOUNDS_KEY)
    if bounds is None:
        offsets = doc.to_array([IDX, LENGTH])
        bounds = offsets[:, 0].tolist(), (offsets[:, 0] + offsets[:, 1]).tolist()
        doc.user_data[BOUNDS_KEY] = bounds
    return bounds


@lru_cache(maxsize=64)
def _char_class(chars: frozenset[str]) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def tokens_ending_in(text: str, starts: list[int], ends: list[int], chars: frozenset[str],
                     min_len: int) -> list[tuple[int, int]]:
    """The (start, end) of the tokens of at least ``min_len`` characters whose last character is one
    of ``chars``: those characters found in the text by a regex, each token by bisection over the
    token ends (a Python loop over every token took several times longer)."""
    out = []
    for m in matches_in(_char_class(chars), text):
        end = m.end()
        k = bisect_left(ends, end)
        if k < len(ends) and ends[k] == end and end - starts[k] >= min_len:
            out.append((starts[k], end))
    return out


def matches_in(pattern: re.Pattern, text: str):
    """``pattern.finditer(text)``, or ``()`` when ``pattern.search(text)`` finds nothing: most blocks
    hold no match of most rules' patterns, and a search costs a third of making the iterator and
    asking it for its first match."""
    return pattern.finditer(text) if pattern.search(text) is not None else ()


@lru_cache(maxsize=1 << 16)
def _cut(seg, text: str) -> tuple[str, ...]:
    """``seg.cut(text)``, remembered: the rules cut the same short stretches again and again."""
    return tuple(seg.cut(text))


def _is_common_words(name: str, seg) -> bool:
    """Whether ``name`` is made of ordinary words (保护, 认证手续), not a name."""
    # (Each ordinary word has two characters or more: a name of two or three is one only as one word,
    # asked first without cutting it. Most names after titles are none.)
    if 0 < len(name) <= 3 and not _is_common(name, seg):
        return False
    return all(_is_common(t, seg) for t in _cut(seg, name))


def _is_common(word: str, seg) -> bool:
    """Whether jieba knows ``word`` as an ordinary word of two or more characters (not as a
    person's name: jieba's dictionary holds officials' names, 唐良智 and 楼阳生, tagged ``nr``)."""
    return len(word) >= 2 and (seg.FREQ.get(word) or 0) >= 50 and word not in person_words()


@lru_cache(maxsize=1)
def _tagged_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Words of jieba's own dictionary by their tags, read in one pass: see the four functions below."""
    import os

    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    nouns, persons, places, verbs = set(), set(), set(), set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) != 3:
                continue
            word, freq, tag = parts
            if tag in ("n", "ns", "nr", "nz", "s") and int(freq) >= 500:
                nouns.add(word)
            if tag in ("nr", "nrfg", "nrt"):
                persons.add(word)
            elif tag == "ns":
                places.add(word)
            elif tag in ("v", "vn", "vd", "vi"):
                verbs.add(word)
    return frozenset(nouns), frozenset(persons), frozenset(places), frozenset(verbs)


def noun_words() -> frozenset[str]:
    """The words of 500 uses or more that jieba's own dictionary tags as nouns or place words (n, ns,
    nr, nz, s): words that can also be names (山下), unlike 首次 (m), 再次 (d) or 此次 (r)."""
    return _tagged_words()[0]


def person_words() -> frozenset[str]:
    """The words jieba's own dictionary tags as persons' names (``nr``, ``nrfg``, ``nrt``)."""
    return _tagged_words()[1]


def place_words() -> frozenset[str]:
    """The words jieba's own dictionary tags as place names (``ns``): proper names, some of them also
    foreign persons' (莱茵, 普京)."""
    return _tagged_words()[2]


def verb_words() -> frozenset[str]:
    """The words jieba's own dictionary tags as verbs (v, vn, vd, vi), however rare: 履职 in 议员履职
    is no name after a title."""
    return _tagged_words()[3]


def _skip_leading(text: str, start: int, end: int, seg, drop) -> int:
    """Where a name in ``text[start:end]`` starts once leading words that ``drop`` accepts are skipped (keeping one)."""
    toks = list(_cut(seg, text[start:end]))
    while len(toks) > 1 and drop(toks[0]):
        start += len(toks.pop(0))
    return start


def doc_text(doc: Doc) -> str:
    """The text a Doc was made from. ``Doc.text`` joins every token again (making a Token object
    for each) on each use: a tenth of the pipeline's time. The tokenizer keeps it instead."""
    text = doc.user_data.get(TEXT_KEY)
    return text if text is not None else doc.text
