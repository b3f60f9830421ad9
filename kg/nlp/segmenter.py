"""The pipeline's own word segmenter: jieba's dictionary with the gazetteer's words, cut by rjieba.

rjieba (the binding of jieba-rs, a Rust port of jieba) segments the same way
as jieba — same dictionary, same maximum-probability route, same HMM for
unknown words — twenty times faster. It differs from jieba in two places
only, both outside Chinese prose proper, and :meth:`Segmenter.cut` gives
jieba's tokens there:

- runs of ASCII letters and digits joined by ``.``, ``-``, ``_`` … that jieba's
  HMM splits (``2024|-|06|-|13``, ``1.jpg`` → ``1|.|jpg``) and jieba-rs
  keeps whole: such a run is cut again by jieba;
- ideographs outside U+4E00–U+9FD5 (extension A, U+9FD6–U+9FFF,
  compatibility ideographs, the supplementary planes), which jieba leaves as
  single characters and jieba-rs joins into words: a text holding one is cut
  by jieba.

One difference is left: the two HMMs (for words the dictionary does not
know) carry their probabilities to different last digits, so on a near tie
between two cuts of unknown characters they can choose differently (jieba
``常|在|好|沟``, jieba-rs ``常在|好|沟``: the two scores differ by 1.5e-7 in
30). That happens about once in 5,000 random strings of Chinese characters,
never on the texts kg has (every line of the seeds and the dev corpus, and
100,000 random stretches of them): tests/nlp/test_segmenter.py. Without
rjieba installed, everything is cut by jieba.

The jieba ``Tokenizer`` stays in use beside it (``Segmenter.jieba``, which
the tokenizer exposes as ``jieba_seg``): the name rules cut short stretches
with it and read its word frequencies (``FREQ``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import jieba

try:
    import rjieba
except ImportError:  # pragma: no cover - the dependency is declared; jieba alone gives the same tokens
    rjieba = None

# Ideographs that jieba-rs segments as Chinese and jieba does not (jieba's ``re_han_default`` stops at U+9FD5).
_WIDE_HAN = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
# Characters that join ASCII letters and digits into one jieba block, and that the two HMMs split differently.
_JOINERS = re.compile(r"[+#&._%\-]")
_ASCII_RUN = re.compile(r"[a-zA-Z0-9+#&._%\-]+").fullmatch
# What either of the two above finds, or whitespace (which the tokenizer aligns): a text with none of
# them (most blocks) is rjieba's words as they are, known by one search (see Segmenter.cut_plain).
_NOT_PLAIN = re.compile("[" + _WIDE_HAN.pattern[1:-1] + _JOINERS.pattern[1:-1] + r"\s]")
# A word that never occurs in a text (private-use characters are in no block that either segmenter cuts).
_TOTAL_FILLER = "\ue000\ue001"


def own_jieba(words: Iterable[str], freq: int) -> jieba.Tokenizer:
    """A jieba ``Tokenizer`` of its own: jieba's default dictionary plus ``words`` at frequency ``freq``.

    It starts from a copy of the default dictionary, which spaCy's Chinese tokenizer has loaded
    already (loading it again takes 0.7 s), and adds the words as ``add_word(w, freq)`` would,
    without its per-call overhead (tens of thousands of gazetteer forms): the word, its frequency,
    its prefixes."""
    default = jieba.dt
    default.check_initialized()
    seg = jieba.Tokenizer()
    seg.FREQ, seg.total, seg.initialized = dict(default.FREQ), default.total, True
    freq_of = seg.FREQ
    for w in words:
        freq_of[w] = freq
        seg.total += freq
        for n in range(1, len(w)):
            if w[:n] not in freq_of:
                freq_of[w[:n]] = 0
    return seg


class Segmenter:
    """``cut(text)``: the words jieba's ``Tokenizer.cut(text)`` gives with ``seg``'s dictionary, from rjieba where it agrees.

    ``use_rjieba=False`` (or rjieba missing) cuts everything with jieba."""

    def __init__(self, seg: jieba.Tokenizer, words: Iterable[str], freq: int, use_rjieba: bool = True) -> None:
        self.jieba = seg
        self.rs = None
        if rjieba is not None and use_rjieba:
            rs = rjieba.Jieba()  # jieba's default dictionary, built into jieba-rs
            words = list(words)
            for w in words:
                rs.add_word(w, freq, None)
            # jieba adds a word's frequency to the dictionary's total even when the word was there
            # already (``add_word``, and :func:`own_jieba`); jieba-rs takes the old frequency off. The
            # total weighs routes of different lengths against each other: make it the same.
            default_freq = jieba.dt.FREQ
            missing = sum(f for w in set(words) if (f := default_freq.get(w)))
            if missing > 0:
                rs.add_word(_TOTAL_FILLER, missing, None)
            self.rs = rs
        self._jieba_cut = lru_cache(maxsize=1 << 14)(self._cut_by_jieba)

    @property
    def FREQ(self) -> dict[str, int]:  # noqa: N802 - jieba's name, so that a Segmenter stands in for a Tokenizer
        """jieba's word frequencies (with the added words), for the rules that weigh words."""
        return self.jieba.FREQ

    def check_initialized(self) -> None:
        """(jieba's Tokenizer interface: the dictionary is loaded when the Segmenter is made.)"""

    def _cut_by_jieba(self, text: str) -> tuple[str, ...]:
        return tuple(self.jieba.cut(text, cut_all=False))

    def cut(self, text: str) -> list[str]:
        rs = self.rs
        if rs is None or _WIDE_HAN.search(text) is not None:
            return list(self.jieba.cut(text, cut_all=False))
        words = rs.cut(text)
        if _JOINERS.search(text) is None:
            return words
        # Runs of ASCII words holding a joiner: jieba's tokens for them (the run is cut alone, as jieba's
        # HMM cuts the letters and digits of a block apart from the Chinese characters around them).
        out: list[str] = []
        run: list[str] = []
        for w in words:
            if _ASCII_RUN(w):
                run.append(w)
                continue
            if run:
                self._flush(run, out)
                run = []
            out.append(w)
        if run:
            self._flush(run, out)
        return out

    def cut_plain(self, text: str) -> list[str] | None:
        """``cut(text)`` for a text with no whitespace, no joiner and no wide ideograph (one search
        for the three); None for any other text (or without rjieba)."""
        if self.rs is None or _NOT_PLAIN.search(text) is not None:
            return None
        return self.rs.cut(text)

    def _flush(self, run: list[str], out: list[str]) -> None:
        joined = "".join(run)
        if _JOINERS.search(joined) is None:
            out.extend(run)
        else:
            out.extend(self._jieba_cut(joined))
