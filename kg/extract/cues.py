"""Cue words of the extraction rules, kept as data: a TOML file beside each fact type's rules.

``meetings`` → ``kg/extract/meetings/cues.toml``, ``partners`` →
``kg/extract/partners/cues.toml``, ``names`` and ``bodies`` →
``kg/nlp/entities/``, ``tables`` (column names) → ``kg/extract/tables.toml``. Each file holds lists of words (``[section] key = ["…", …]``).
The rules read them through :func:`words` (a list) or :func:`pattern` (an
alternation, longest word first, ready for ``re``). No place, person or body is
a cue: names come from the gazetteers.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources


# Where each fact type's cue file is: (package, file name).
CUE_FILES = {
    "meetings": ("kg.extract.meetings", "cues.toml"),
    "partners": ("kg.extract.partners", "cues.toml"),
    "names": ("kg.nlp.entities", "names.toml"),
    "bodies": ("kg.nlp.entities", "bodies.toml"),
    "tables": ("kg.extract", "tables.toml"),
}


@lru_cache(maxsize=None)
def _table(fact: str) -> dict:
    package, name = CUE_FILES[fact]
    return tomllib.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


def words(fact: str, key: str) -> tuple[str, ...]:
    """The cue words ``key`` of ``fact`` (``words("names", "tail")``); ``key`` may be ``section.name``."""
    node = _table(fact)
    for part in key.split("."):
        node = node[part]
    return tuple(node)


def pattern(fact: str, key: str) -> str:
    """The words as a regular-expression alternation, longest first (so that 视频会见 wins over 会见)."""
    return "|".join(re.escape(w) for w in sorted(set(words(fact, key)), key=lambda w: (-len(w), w)))
