"""A named query's form, built from the parameters its header declares (what :mod:`kg.params` reads there).

- a parameter whose description lists its values (``in_person, video or letter``) is a ``<select>``;
- ``from`` and ``to`` are ISO dates, as precise as wanted (``2020``, ``2020-06``, ``2020-06-30``);
- a whole number is a number field;
- a parameter that names something (a person, a place, a country) is a text field whose
  suggestions come from ``/api/names`` (the entity type is guessed from the description);
- anything else (an IRI, a document id) is a text field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..params import DATE_PARAMS, names_something, vocabulary
from ..query import NamedQuery

_DEFAULT = re.compile(r"\s*\(default:\s*([^)]*)\)\s*$")
_EXAMPLE = re.compile(r"e\.g\.\s*(.+)$")
# What a name parameter's description says it names → the entity type its suggestions are of.
_TYPE_WORDS = (("country", "Country,Region"), ("company", "Company"), ("event", "Event"), ("person", "Person"),
               ("leader", "Person"), ("attendee", "Person"))


@dataclass
class Field:
    name: str
    description: str
    kind: str  # select, date, number, name, text
    options: tuple[str, ...] = ()
    default: str = ""
    example: str = ""
    suggest: str = ""  # entity types of a name's suggestions, comma-separated ("" for any)
    values: list[str] = field(default_factory=list)  # what the request gave

    @property
    def value(self) -> str:
        return self.values[0] if self.values else ""


def fields(q: NamedQuery, given: dict[str, list[str]] | None = None) -> list[Field]:
    out = []
    for name, desc in q.params.items():
        m = _DEFAULT.search(desc)
        default = m.group(1).strip() if m else ""
        text = _DEFAULT.sub("", desc)
        ex = _EXAMPLE.search(text)
        options = vocabulary(desc)
        if options:
            kind = "select"
        elif name in DATE_PARAMS:
            kind = "date"
        elif "whole number" in desc:
            kind = "number"
        elif names_something(name, desc):
            kind = "name"
        else:
            kind = "text"
        suggest = ""
        if kind == "name":
            low = f"{name} {text}".lower()
            suggest = next((t for w, t in _TYPE_WORDS if w in low), "")
        out.append(Field(name, text, kind, options, default, ex.group(1).strip() if ex else "", suggest,
                         [v for v in (given or {}).get(name, []) if v != ""]))
    return out
