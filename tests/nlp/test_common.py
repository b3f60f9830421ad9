"""The pipeline's shared helpers: fast forms give what the plain ones give."""
import re

import pytest

from kg.nlp.common import tokens_ending_in
from kg.nlp.entities.name_rules import _TRANSLIT, _translit_runs


@pytest.mark.parametrize("words, chars, min_len", [
    (["伊尔库茨克州", "与", "新潟县", "结好"], frozenset("州县"), 3),
    (["广州日报", "报道", "州"], frozenset("州报"), 3),
    (["市", "州", "县"], frozenset("市州县"), 1),
    ([], frozenset("州"), 1),
    (["州州", "州"], frozenset("州"), 2),
])
def test_tokens_ending_in_is_the_loop_over_every_token(words, chars, min_len):
    text = "".join(words)
    ends = [sum(map(len, words[: i + 1])) for i in range(len(words))]
    starts = [e - len(w) for e, w in zip(ends, words)]
    loop = [(s, e) for s, e in zip(starts, ends) if e - s >= min_len and text[e - 1] in chars]
    assert tokens_ending_in(text, starts, ends, chars, min_len) == loop


@pytest.mark.parametrize("text", [
    "会见了德国莱法州州长玛卢·德莱尔一行。",
    "让-克洛德·戈丹与约翰·F·肯尼迪、安德烈·尤先科会谈",
    "北京·香港·东京",
    "·" * 5 + "安德烈·尤先科",
    "一二三四五六七八九十一二三四五六七八九十·安德烈",  # a dot far after the run's possible start
    "没有名字的一句话。",
    "安德烈-尤先科-科夫斯基·彼得罗夫•伊万",
])
def test_translit_runs_are_the_regex_runs(text):
    assert [m.span() for m in _translit_runs(text)] == [m.span() for m in _TRANSLIT.finditer(text)]
