"""Patterns searched from where a match can start (kg.extract.firstchars) find what re finds."""
import random
import re
import sys

import pytest

import kg.extract.document  # noqa: F401 (every rule module, with its patterns)
from kg.extract.firstchars import Skipping, first_chars, skipping

from ..conftest import SEEDS


def _patterns() -> list[re.Pattern]:
    """Every module-level pattern of kg (those made skipping, by their own pattern)."""
    out = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("kg."):
            for value in vars(module).values():
                if isinstance(value, Skipping):
                    value = value._pattern
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    out[(value.pattern, value.flags)] = value
    return list(out.values())


@pytest.mark.parametrize("pattern, chars", [
    ("abc|d(?:e|f)", {"a", "d"}),
    ("(?:x|y)?z", {"x", "y", "z"}),
    ("(?<![少中])(?:计划|拟)(?:于|$)", {"计", "拟"}),
    ("[一-三]月", {"一", "丁", "丂", "七", "丄", "丅", "丆", "万", "丈", "三"}),
    ("a*", None),  # (matches the empty string)
    ("[^a]b", None),
    (".b", None),
    ("(?i)ab", None),
])
def test_first_chars(pattern, chars):
    assert first_chars(pattern) == (None if chars is None else frozenset(chars))


def test_skipping_finds_what_re_finds():
    texts = [line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(7)
    for pattern in _patterns():
        chars = first_chars(pattern.pattern, pattern.flags & ~re.UNICODE)
        if chars is None:
            continue
        fast = Skipping(pattern, chars)
        for text in texts:
            pos = rng.randrange(len(text) + 1)
            end = rng.randrange(pos, len(text) + 1)
            for args in ((text,), (text, pos), (text, pos, end)):
                want = pattern.search(*args)
                got = fast.search(*args)
                assert (want and (want.span(), want.groups())) == (got and (got.span(), got.groups())), (pattern.pattern, args)
                assert [m.span() for m in pattern.finditer(*args)] == [m.span() for m in fast.finditer(*args)], (pattern.pattern, args)


def test_skipping_keeps_a_pattern_it_cannot_read():
    assert isinstance(skipping(r"\s+x"), re.Pattern)
    assert isinstance(skipping("友好(?:城市|交流)|(?:建立|缔结)友好"), Skipping)
