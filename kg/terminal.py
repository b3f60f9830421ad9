"""Text bound for a terminal, made harmless: file names and document strings are shown, never obeyed.

A file name or a document can hold an escape sequence (``\\x1b[31m``, a title
change, a cursor move), a carriage return that overwrites what was printed, or
a bidirectional override that reorders it. :func:`printable` writes each such
character as a visible escape instead. Only what kg prints for people goes
through it (the build summary, the query table); CSV, TSV and JSON keep the
data as it is.
"""
from __future__ import annotations

import unicodedata

# Controls (C0, DEL, C1), format characters (bidirectional overrides, zero-width ones), lone surrogates,
# private use, and the line and paragraph separators: none of them is a character a reader should see as is.
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with every control, format, surrogate or private-use character written as its
    escape (ESC as ``\\x1b``, U+202E as ``\\u202e``); all else, CJK and emoji included, unchanged."""
    if text.isprintable():  # the common case, checked in C (it is false for U+3000, which stays)
        return text
    return "".join(_escape(ch) if unicodedata.category(ch) in _HIDDEN else ch for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable_lines(text: str) -> str:
    """:func:`printable` line by line: the text's own line breaks (``\\n``) stay, every other control is shown."""
    return "\n".join(printable(line) for line in text.split("\n"))
