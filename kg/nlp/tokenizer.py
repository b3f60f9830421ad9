"""The tokenizer: spaCy's jieba segmenter, keeping the text and the tokens' bounds."""
from __future__ import annotations

import re
from itertools import accumulate

from spacy.tokens import Doc

from .common import BOUNDS_KEY, TEXT_KEY

_WHITESPACE = re.compile(r"\s")


class TextKeepingTokenizer:
    """spaCy's jieba tokenizer, keeping the text it was given in ``doc.user_data`` (see :func:`doc_text`).

    A text with no whitespace (most Chinese prose) is made into a Doc directly
    from jieba's words: spaCy's own tokenizer would first align the words with
    the text (``get_words_and_spaces``), which for such a text gives the same
    words and no spaces. Skipping it saves close to a tenth of the tokenizer's time. Such a Doc
    also keeps its tokens' character bounds (see :func:`token_bounds`), summed from the words."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        tok = self.tokenizer
        if getattr(tok, "segmenter", None) == "jieba" and _WHITESPACE.search(text) is None:
            words = [w for w in tok.jieba_seg.cut(text, cut_all=False) if w]
            doc = Doc(tok.vocab, words=words, spaces=[False] * len(words))
            ends = list(accumulate(map(len, words)))
            doc.user_data[BOUNDS_KEY] = [0, *ends][: len(ends)], ends
        else:
            doc = tok(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)
