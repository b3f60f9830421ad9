"""Cue words of the extraction rules, kept as data: one TOML file per fact type.

Each file holds lists of words (``[section] key = ["…", …]``). The rules read
them through :func:`words` (a list) or :func:`pattern` (an alternation,
longest word first, ready for ``re``). No place, person or body is a cue:
names come from the gazetteers.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def _table(fact: str) -> dict:
    return tomllib.loads(resources.files(__package__).joinpath(f"{fact}.toml").read_text(encoding="utf-8"))


def words(fact: str, key: str) -> tuple[str, ...]:
    """The cue words ``key`` of ``fact`` (``words("names", "tail")``); ``key`` may be ``section.name``."""
    node = _table(fact)
    for part in key.split("."):
        node = node[part]
    return tuple(node)


def pattern(fact: str, key: str) -> str:
    """The words as a regular-expression alternation, longest first (so that 视频会见 wins over 会见)."""
    return "|".join(re.escape(w) for w in sorted(set(words(fact, key)), key=lambda w: (-len(w), w)))
