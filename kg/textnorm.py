"""Text as the extractor reads it: simplified characters and half-width letters and digits.

Traditional characters become simplified (OpenCC's ``t2s``), and full-width
letters and digits (``２０２０年``, ``ＡＰＥＣ``) become ASCII, so that names,
dates and gazetteer entries match whichever way a file was written. The
result has exactly the length of the input, character for character, so
that offsets into it are offsets into the original; evidence quotes the
original text.
"""
from __future__ import annotations

import re
from functools import lru_cache

import opencc

# Full-width ASCII letters and digits (not the full-width punctuation Chinese text writes: ，：；（）).
_FULL_WIDTH = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
# Characters OpenCC may change: CJK ideographs (and their compatibility forms).
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalise_text(text: str) -> str:
    """``text`` with simplified characters and half-width letters and digits, of the same length."""
    text = _FULL_WIDTH.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)
    if not _HAN.search(text):
        return text
    return "".join(_simplify_line(line) for line in text.splitlines(keepends=True))


def _simplify_line(line: str) -> str:
    conv = _t2s().convert(line)
    if len(conv) == len(line):
        return conv
    # A phrase changed length: convert character by character, keeping any character that would.
    out = []
    for ch in line:
        c = _t2s().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)
