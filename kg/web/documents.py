"""A document's text and the mentions read from it, for the document page.

The graph keeps each fact's evidence (line, character span, quote) but not the
documents' text. ``kg build`` keeps every document's facts, text included, in
its cache (``DIR/.cache/facts``, :mod:`kg.cache`); the page reads them from
there, with an unpickler that builds nothing but kg's own plain data
(:mod:`kg.model`) and the builtins they hold. The cache is outside a build's
generations: a document rebuilt since the graph was written shows its newer
text (the page says when the cache has no entry for it).

A mention's evidence is its sentence; the name is marked where its written
form (or its name) occurs inside that sentence's span, never elsewhere in the text.
"""
from __future__ import annotations

import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import model
from ..cache import FactCache, read_entry

_BUILTINS = {"tuple", "list", "dict", "set", "frozenset", "str", "int", "float", "bool", "bytes"}


class _KgData(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if module == "kg.model" and isinstance(getattr(model, name, None), type):
            return getattr(model, name)
        if module == "builtins" and name in _BUILTINS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not kg's data")


def cached_facts(graph_dir: str | Path, doc_id: str) -> model.Facts | None:
    """The facts ``kg build`` kept for ``doc_id``, or None."""
    facts = read_entry(FactCache(graph_dir).path(doc_id), None, load=lambda fh: _KgData(fh).load())
    return facts if facts is not None and facts.doc.id == doc_id else None


@dataclass
class Mark:
    start: int
    end: int
    type: str
    name: str


@dataclass
class Line:
    number: int
    parts: list[tuple[str, Mark | None]] = field(default_factory=list)  # (text, mark or None)
    mentions: list[Mark] = field(default_factory=list)


def _named(facts: model.Facts):
    """(party, evidence, written forms) of every mention and every party of a fact."""
    for m in facts.mentions:
        yield m.entity, m.evidence, m.aliases
    for mt in facts.meetings:
        for p in (*mt.home, *mt.counterparts):
            yield p, mt.evidence, ()
            for o in p.organizations:
                yield o, mt.evidence, ()
    for a in facts.attendances:
        yield a.person, a.evidence, ()
        yield a.event, a.evidence, ()
    for link in facts.partner_links:
        yield link.home, link.evidence, ()
        yield link.partner, link.evidence, ()
    for pos in facts.positions:
        yield pos.person, pos.evidence, ()
        if pos.organization is not None:
            yield pos.organization, pos.evidence, ()


def _pattern(form: str) -> re.Pattern:
    """``form`` as written in a text that may pad it (a table cell's 殷 勇 for 殷勇)."""
    return re.compile(r"[ \t\u3000]*".join(re.escape(ch) for ch in form if not ch.isspace()))


def _marks(facts: model.Facts) -> list[Mark]:
    text = facts.doc.text
    found: dict[tuple[int, int], Mark] = {}
    for party, ev, aliases in _named(facts):
        forms = sorted({f for f in (*aliases, party.name) if f.strip()}, key=len, reverse=True)
        for form in forms:
            for m in _pattern(form).finditer(text, ev.start, ev.end):
                found.setdefault(m.span(), Mark(m.start(), m.end(), party.type, party.name))
    # Longest first, then earliest; a mark overlapping one kept is dropped.
    kept: list[Mark] = []
    taken: list[tuple[int, int]] = []
    for mark in sorted(found.values(), key=lambda k: (-(k.end - k.start), k.start)):
        if all(mark.end <= s or mark.start >= e for s, e in taken):
            kept.append(mark)
            taken.append((mark.start, mark.end))
    return sorted(kept, key=lambda k: k.start)


def lines(facts: model.Facts) -> list[Line]:
    """The document's lines as written in the file (numbered from 1), each split into plain text and marked mentions."""
    shown = facts.doc.original or facts.doc.text
    marks = _marks(facts)
    out: list[Line] = []
    pos = 0
    k = 0
    for number, raw in enumerate(shown.split("\n"), start=1):
        end = pos + len(raw)
        line = Line(number)
        cursor = pos
        while k < len(marks) and marks[k].start < end:
            mark = marks[k]
            if mark.start >= cursor and mark.end <= end:
                if mark.start > cursor:
                    line.parts.append((shown[cursor:mark.start], None))
                line.parts.append((shown[mark.start:mark.end], mark))
                line.mentions.append(mark)
                cursor = mark.end
            k += 1
        if cursor < end:
            line.parts.append((shown[cursor:end].rstrip("\r"), None))
        out.append(line)
        pos = end + 1
    return out
