"""Regular expressions that skip ahead to where a match can start: ``skipping(pattern)``.

``re`` searches a pattern by trying it at every position of the text, unless it can tell the
characters a match starts with: a literal first character, a character class, or an alternation
whose every branch opens with a literal. Most of the rules' cue patterns open otherwise (a group of
cue words, ``(?:建立|缔结)…``, beside other branches), and a sentence holds none of their first
characters most of the time; trying them at every character took a tenth of the extraction's time.

:func:`first_chars` reads those characters from the parsed pattern; a :class:`Skipping` pattern
finds the first of them with a character class (which ``re`` scans for fast), then searches from
there. The matches are the same: a pattern that cannot match the empty string consumes its first
character where its match starts, and ``search(text, pos)`` finds the same match at a position as
a search from further back would (a look-behind still sees the text before ``pos``).
"""
from __future__ import annotations

import re
import sys
from re import _constants as C  # noqa: N812 (the parser's opcodes)
from re import _parser

# More first characters than this, or a wide range: a class scan skips little (left as it is).
_MAX_CHARS = 400


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with; None when any may (or it can match
    the empty string, or it uses what this reading does not follow: flags, back-references…)."""
    if flags:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        if parsed.state.flags & ~re.UNICODE:
            return None  # (inline flags, (?i) …)
        chars, nullable = _first(parsed)
    except _Unknown:
        return None
    return None if nullable or chars is None else frozenset(chars)


class _Unknown(Exception):
    """A construct whose first characters are not read here."""


def _first(items) -> tuple[set[str], bool]:
    """(first characters, whether the sequence can match empty) of a parsed sequence."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        out |= chars
        if len(out) > _MAX_CHARS:
            raise _Unknown
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str], bool]:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        chars: set[str] = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                chars.add(chr(iav))
            elif iop is C.RANGE and iav[1] - iav[0] < _MAX_CHARS:
                chars.update(map(chr, range(iav[0], iav[1] + 1)))
            else:  # (NEGATE, a category such as \s, a wide range)
                raise _Unknown
        return chars, False
    if op is C.BRANCH:
        out: set[str] = set()
        nullable = False
        for alt in av[1]:
            chars, empty = _first(alt)
            out |= chars
            nullable = nullable or empty
        return out, nullable
    if op is C.SUBPATTERN:
        if av[1] or av[2]:
            raise _Unknown  # (flags of the group's own, (?i:…))
        return _first(av[3])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _, sub = av
        chars, empty = _first(sub)
        return chars, empty or low == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True  # (consumes nothing: the first character is the next item's)
    if op is C.ATOMIC_GROUP:
        return _first(av)
    raise _Unknown  # (any character, a negated literal, a back-reference…)


_NONE = iter(())  # (an iterator that is over: shared, as it stays so)


class Skipping:
    """``pattern`` (compiled), searched from the first character a match can start with (see the
    module doc). ``search`` and ``finditer`` skip; everything else is the pattern's own."""

    def __init__(self, pattern: re.Pattern, chars: frozenset[str]) -> None:
        self._pattern = pattern
        self._skip = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")
        # (Bound once: the rules search tens of thousands of times.)
        self._skip_search, self._search = self._skip.search, pattern.search

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        # (re reads an endpos past the text as its end: the match is the same, its ``endpos`` too.)
        at = self._skip_search(text, pos, endpos)
        return None if at is None else self._search(text, at.start(), endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        # (No generator where the text holds no first character: most texts hold none.)
        at = self._skip_search(text, pos, endpos)
        return _NONE if at is None else self._matches(text, at.start(), endpos)

    def _matches(self, text: str, pos: int, endpos: int):
        # (The pattern matches no empty string: each search goes on where the last match ended, as
        # re's own scanner does.)
        while (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = m.end()

    def __getattr__(self, name: str):
        return getattr(self._pattern, name)


def skipping(pattern: str | re.Pattern) -> re.Pattern | Skipping:
    """``re.compile(pattern)``, searched from where a match can start when :func:`first_chars` tells
    that (see the module doc); else the compiled pattern itself."""
    compiled = re.compile(pattern) if isinstance(pattern, str) else pattern
    chars = first_chars(compiled.pattern, compiled.flags & ~re.UNICODE)
    return compiled if chars is None else Skipping(compiled, chars)
