"""The entity rules on a table of hand-written sentences (kg/nlp/entities/examples.tsv).

Each row: ``text``; ``entities`` (``name:Type`` joined by ``;``, names in simplified characters
as the tool writes them, types as in corpus/gold/README.md); ``xfail`` (empty, or why the current
rules get the row wrong). The expectations follow corpus/dev/README.md, "Conventions" →
"Entities": a country inside an organisation's or event's proper name is no Country entity (but
the country of a consulate or embassy, 英国驻广州总领事馆, is), a place written only inside an
organisation's name is no City or Region, abbreviations (中俄) are none.

The rule, per row, on the pairs (name, type) read from ``facts.mentions``, where a mention's name is
``EntityMention.entity.name`` or any of its ``aliases`` (the forms as written):

- recall: every expected (name, type) must be read, of every type;
- precision on Person, City, Country and Region only: no mention of those types may be read
  whose name and aliases are all outside the expected names of that type. Extra Company,
  Organization and Event mentions are not checked (a sentence names more bodies than a row lists).

City names are compared with a trailing 市 stripped on both sides (广州 = 广州市). A mention of
the right name with the wrong type (新加坡 as City) fails both ways.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import kg

from .examples import facts_of, rows

TABLE = Path(kg.__file__).resolve().parent / "nlp" / "entities" / "examples.tsv"
PRECISION_TYPES = ("Person", "City", "Country", "Region")




def _norm(name: str, type_: str) -> str:
    """A city's name with a trailing 市 stripped (广州 = 广州市), as the partner table compares."""
    return name.removesuffix("市") if type_ == "City" else name


@pytest.mark.parametrize("row", rows(TABLE))
def test_entity_example(row, tmp_path):
    facts = facts_of(row["text"], tmp_path)
    got = [({_norm(n, m.entity.type) for n in (m.entity.name, *m.aliases)}, m.entity.type) for m in facts.mentions]
    want = {(_norm(n, t), t) for n, t in (e.rsplit(":", 1) for e in row["entities"].split(";") if e.strip())}
    missing = sorted((n, t) for n, t in want if not any(n in names and t == gt for names, gt in got))
    extra = sorted(
        {(min(names, key=len), t) for names, t in got if t in PRECISION_TYPES and not any((n, t) in want for n in names)}
    )
    assert not missing and not extra, {"missing": missing, "extra": extra, "got": sorted((sorted(n), t) for n, t in got)}
