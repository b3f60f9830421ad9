"""A named query's parameter values, checked before and after the query runs.

A query's header describes each parameter (``#+ param mode: in_person, video or letter``). What
the descriptions say is what is checked, so a new query needs no code:

- a description that lists its values (``A, B or C``) is a fixed vocabulary: any other value is
  an error naming the values;
- a parameter described as ``a whole number`` takes digits only;
- ``from`` and ``to`` are ISO dates (``2020``, ``2020-06``, ``2020-06-30``), checked on the calendar;
- a parameter described as a name (``…'s name``, ``as written``, a place or a country) that
  matches nothing when the query finds no row is an error with the nearest names the graph
  holds (``did you mean 殷勇?``), its Chinese, English and pinyin labels and aliases all read.

Every error is a :class:`~kg.errors.ParameterError` (exit 4 in the CLI).
"""
from __future__ import annotations

import difflib
import re
from datetime import date

from .errors import ParameterError

_VOCABULARY = re.compile(r"^([A-Za-z_]+(?:, [A-Za-z_]+)*),? or ([A-Za-z_]+)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DATE_PARAMS = ("from", "to")
_WHOLE_NUMBER = re.compile(r"whole number")
# What a description says of a parameter that names something (not an IRI nor a document id).
_NAMES = re.compile(r"name|as written|place|country", re.IGNORECASE)
_NOT_NAMES = re.compile(r"\bIRI\b|document id", re.IGNORECASE)

LABELS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?label ?zh WHERE {
  ?s rdfs:label|skos:prefLabel|skos:altLabel ?label .
  OPTIONAL { ?s skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }
}
"""


def vocabulary(description: str) -> tuple[str, ...]:
    """The values a parameter's description lists (``in_person, video or letter``), or ()."""
    m = _VOCABULARY.match(description.split(" (default")[0].strip())
    if m is None:
        return ()
    return (*m.group(1).split(", "), m.group(2))


def names_something(name: str, description: str) -> bool:
    """Whether the parameter names an entity (a person, a place, a body, a country)."""
    return bool(_NAMES.search(description)) and not _NOT_NAMES.search(description) and name not in DATE_PARAMS


def check_values(query: str, declared: dict[str, str], params: dict[str, list[str]]) -> None:
    """Raise for a value outside its vocabulary or a date that is no date."""
    for name, values in params.items():
        allowed = vocabulary(declared.get(name, ""))
        for v in values:
            if allowed and v not in allowed:
                raise ParameterError(f"{query}: {name} must be one of {', '.join(allowed)}, not {v!r}")
            if _WHOLE_NUMBER.search(declared.get(name, "")) and not re.fullmatch(r"[0-9]{1,9}", v):
                raise ParameterError(f"{query}: {name} must be a whole number, not {v!r}")
            if name in DATE_PARAMS and not _is_date(v):
                raise ParameterError(f"{query}: {name} must be an ISO date (2020, 2020-06 or 2020-06-30), not {v!r}")


def _is_date(value: str) -> bool:
    m = _DATE.match(value)
    if m is None:
        return False
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def check_names(query: str, declared: dict[str, str], params: dict[str, list[str]], labels: list[tuple[str, str]]) -> None:
    """Raise for a name no entity is written as: ``labels`` are (label, Chinese name) pairs of the
    graph. A Latin label (Yin Yong, Daimler AG) of an entity suggests its Chinese name."""
    zh_of: dict[str, str] = {}
    for label, zh in labels:
        zh_of.setdefault(label, zh or label)
    for name, values in params.items():
        if not names_something(name, declared.get(name, "")):
            continue
        for v in values:
            if v in zh_of and (zh_of[v] == v or _CJK.search(v)):
                continue  # a name the graph holds: the query has no row for it, that is all
            if v in zh_of:
                raise ParameterError(f"{query}: {name}={v} matches no name as written here; did you mean {zh_of[v]}?")
            near = difflib.get_close_matches(v, list(zh_of), n=5, cutoff=0.5)
            hints = list(dict.fromkeys(zh_of[n] for n in near))[:3]
            hint = f"; did you mean {' or '.join(hints)}?" if hints else "; `kg query entities` lists the names"
            raise ParameterError(f"{query}: {name}={v} names nothing in this graph{hint}")
