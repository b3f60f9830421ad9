"""The meeting rules on a table of hand-written news phrasings (kg/extract/meetings/examples.tsv).

Each row: ``text``; ``date`` (ISO the meetings should get, empty: not checked); ``pairs``
(``home>counterpart`` joined by ``;``, empty for no meeting); ``mode`` (empty: not checked);
``xfail`` (empty, or why the current rules get the row wrong).
"""
from __future__ import annotations

from pathlib import Path

import pytest

import kg

from .examples import facts_of, rows

TABLE = Path(kg.__file__).resolve().parent / "extract" / "meetings" / "examples.tsv"




@pytest.mark.parametrize("row", rows(TABLE))
def test_meeting_example(row, tmp_path):
    facts = facts_of(row["text"], tmp_path)
    got = {(h.name, c.name) for m in facts.meetings for h in m.home for c in m.counterparts}
    want = {tuple(p.split(">", 1)) for p in row["pairs"].split(";") if p.strip()}
    assert got == want, [(m.date, m.mode, [p.name for p in m.home], [p.name for p in m.counterparts]) for m in facts.meetings]
    if row["mode"]:
        assert {m.mode for m in facts.meetings} == {row["mode"]}
    if row["date"]:
        assert {m.date for m in facts.meetings} == {row["date"]}
