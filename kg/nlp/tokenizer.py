"""The tokenizer: spaCy's jieba segmenter with the pipeline's own dictionary, keeping the text and the tokens' bounds.

It is made by the registered function ``kg.jieba_tokenizer.v1``, named in the
pipeline's config, so that a pipeline saved with ``nlp.to_disk`` and read
back with ``spacy.load`` builds the same dictionary again::

    [nlp.tokenizer]
    @tokenizers = "kg.jieba_tokenizer.v1"
    freq = 200000

    [nlp.tokenizer.words]
    @misc = "kg.jieba_words.v1"
"""
from __future__ import annotations

import re
from itertools import accumulate
from types import SimpleNamespace
from typing import Callable

from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces, registry

from .common import BOUNDS_KEY, TEXT_KEY
from .segmenter import Segmenter, own_jieba

_WHITESPACE = re.compile(r"\s")


@registry.tokenizers("kg.jieba_tokenizer.v1")
def create_tokenizer(words: list[str], freq: int = 200000, use_rjieba: bool = True) -> Callable[[Language], "TextKeepingTokenizer"]:
    """spaCy's Chinese tokenizer with jieba, whose dictionary has ``words`` added at frequency ``freq``
    (so that each is one token, and a gazetteer pattern can match it), cut by rjieba where it agrees
    with jieba (see :mod:`.segmenter`)."""

    def make(nlp: Language) -> TextKeepingTokenizer:
        inner = ChineseTokenizer(nlp.vocab, segmenter="jieba")  # loads jieba's default dictionary
        inner.jieba_seg = own_jieba(words, freq)
        return TextKeepingTokenizer(inner, Segmenter(inner.jieba_seg, words, freq, use_rjieba=use_rjieba))

    return make


class TextKeepingTokenizer:
    """spaCy's jieba tokenizer, keeping the text it was given in ``doc.user_data`` (see :func:`doc_text`).

    Words come from ``segmenter`` (the same words as ``jieba_seg.cut``, faster). A text with no
    whitespace (most Chinese prose) is made into a Doc directly from them: spaCy's own tokenizer
    would first align the words with the text (``get_words_and_spaces``), which for such a text
    gives the same words and no spaces. Skipping it saves close to a tenth of the tokenizer's time.
    Such a Doc also keeps its tokens' character bounds (see :func:`token_bounds`), summed from the
    words. ``tokenizer`` is spaCy's own (``ChineseTokenizer``); what this one does not define
    (``jieba_seg``, ``segmenter``, ``vocab``) is read from it."""

    def __init__(self, tokenizer, segmenter: Segmenter | None = None) -> None:
        self.tokenizer = tokenizer
        self.kg_segmenter = segmenter

    def __call__(self, text: str) -> Doc:
        tok = self.tokenizer
        seg = self.kg_segmenter
        if seg is None or tok.segmenter != "jieba":
            doc = tok(text)
        elif _WHITESPACE.search(text) is None:
            words = [w for w in seg.cut(text) if w]
            doc = Doc(tok.vocab, words=words, spaces=[False] * len(words))
            doc.user_data[BOUNDS_KEY] = _bounds(words)
        else:  # what ChineseTokenizer does, with the segmenter's words
            words, spaces = get_words_and_spaces([w for w in seg.cut(text) if w], text)
            doc = Doc(tok.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text
        return doc

    def words(self, text: str) -> "Words | None":
        """The words this tokenizer would make a Doc of, kept with their bounds and the text as that
        Doc's ``user_data`` would keep them; None when spaCy's own tokenizer would make the Doc. (See
        :class:`Words`: the extraction reads the pipeline's mentions only.) A text with whitespace
        (a heading, ``## 综 述``) has the words and spaces ChineseTokenizer aligns with it, and its
        tokens' bounds counted with the spaces, as the Doc's ``idx`` counts them (``spaced``)."""
        seg = self.kg_segmenter
        if seg is None or self.tokenizer.segmenter != "jieba":
            return None
        # (Most blocks hold no whitespace nor what rjieba cuts apart from jieba: one search says so.)
        words = seg.cut_plain(text)  # (a new list each time)
        if words is None:
            words = seg.cut(text)
            if _WHITESPACE.search(text) is not None:
                words, spaces = get_words_and_spaces([w for w in words if w], text)
                return Words(words, {BOUNDS_KEY: _spaced_bounds(words, spaces), TEXT_KEY: text}, spaced=True)
        if "" in words:  # (a test in C: most texts cut into no empty word, and need no filtering loop)
            words = [w for w in words if w]
        return Words(words, {BOUNDS_KEY: _bounds(words), TEXT_KEY: text})

    # Saving and loading: spaCy's tokenizer saves its settings; the dictionary is made again from the config.
    def to_disk(self, path, **kwargs) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> "TextKeepingTokenizer":
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs) -> bytes:
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> "TextKeepingTokenizer":
        self.tokenizer.from_bytes(data, **kwargs)
        return self

    def __getattr__(self, name: str):
        if name == "tokenizer":  # not set yet (unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def _bounds(words: list[str]) -> tuple[list[int], list[int]]:
    """Where each of ``words``, written one after the other, starts and ends (see :func:`token_bounds`)."""
    ends = list(accumulate(map(len, words)))
    starts = [0, *ends]
    starts.pop()  # (no slice: a list less to make)
    return starts, ends


def _spaced_bounds(words: list[str], spaces: list[bool]) -> tuple[list[int], list[int]]:
    """Where each of ``words`` starts and ends, each followed by a space where ``spaces`` says so
    (as a Doc made of them counts its tokens' ``idx``)."""
    starts, ends = [], []
    pos = 0
    for word, space in zip(words, spaces):
        starts.append(pos)
        pos += len(word)
        ends.append(pos)
        pos += space
    return starts, ends


class Words:
    """A text's words with what the pipeline's components keep of a Doc: ``user_data`` (bounds, text,
    each component's spans) and ``_`` (the mentions). The components read nothing else of a Doc but
    the tokens' texts, which the gazetteer looks up from ``words`` here (see
    :func:`kg.nlp.pipeline.read_mentions`). Making spaCy's Doc, its lexemes and its extension object
    for each block took a tenth of the extraction's time, for tuples the extraction reads alone."""

    __slots__ = ("words", "user_data", "_", "spaced")

    def __init__(self, words: list[str], user_data: dict, spaced: bool = False) -> None:
        self.words = words
        self.user_data = user_data
        self._ = SimpleNamespace()
        # Whether the text holds whitespace: its words joined are then not the text (see
        # :func:`kg.nlp.pipeline.read_mentions`).
        self.spaced = spaced
