"""Bytes to text: find a file's encoding and decode it, or say why it cannot be read.

UTF-8 (with or without a byte-order mark) and UTF-16/32 with a mark are
taken as they declare; UTF-16 without a mark is recognised by its zero
bytes; anything else is tried as GB18030 (a superset of GBK and GB2312)
and Big5 with charset-normalizer, which picks the reading that makes
coherent Chinese. Bytes that none of these decode, or that decode to
control characters, are not text.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# The byte-order marks, longest first (UTF-32 LE starts with UTF-16 LE's mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CHINESE_ENCODINGS = ["gb18030", "big5"]
# Control characters other than tab, line breaks and form feed: a text file has (almost) none.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class NotText(ValueError):
    """The bytes are not text kg can read; ``kind`` is binary or undecodable."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


def decode(raw: bytes) -> tuple[str, str]:
    """``raw`` as text, and the name of the encoding it was in."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, enc), enc.replace("-sig", "")
    enc = _utf16_without_bom(raw)
    if enc:
        return _strict(raw, enc), enc
    if b"\x00" in raw:
        raise NotText("binary", "NUL bytes")
    try:
        return _checked(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = f"not UTF-8 at byte {exc.start}"
    best = from_bytes(raw, cp_isolation=CHINESE_ENCODINGS, preemptive_behaviour=False).best()
    if best is None:
        raise NotText("undecodable", f"{first_error}, nor GB18030/GBK or Big5")
    enc = best.encoding
    return _checked(_strict(raw, enc)), enc


def _strict(raw: bytes, enc: str) -> str:
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as exc:
        raise NotText("undecodable", f"declares {enc} but is not ({exc.reason} at byte {exc.start})") from exc
    return _checked(text.lstrip("\ufeff"))


def _checked(text: str) -> str:
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(2, len(text[:65536]) // 100):
        raise NotText("binary", f"{controls} control characters in the first {min(len(text), 65536)}")
    return text


def _utf16_without_bom(raw: bytes) -> str:
    """utf-16-le or utf-16-be when every other byte is mostly zero (ASCII and CJK text alike), else ""."""
    head = raw[:4096]
    if len(head) < 4 or len(head) % 2:
        return ""
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    # Chinese UTF-16 has few zero bytes; then look for line breaks at the right parity.
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    nl_le = head.count(b"\n\x00") + head.count(b"\x0c\xff")  # \n, and the full-width comma U+FF0C
    nl_be = head.count(b"\x00\n") + head.count(b"\xff\x0c")
    if b"\x00" in head and nl_le > nl_be and nl_le >= 1 and _decodes(raw, "utf-16-le"):
        return "utf-16-le"
    if b"\x00" in head and nl_be > nl_le and nl_be >= 1 and _decodes(raw, "utf-16-be"):
        return "utf-16-be"
    return ""


def _decodes(raw: bytes, enc: str) -> bool:
    try:
        raw.decode(enc)
    except UnicodeDecodeError:
        return False
    return True
