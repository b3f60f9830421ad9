"""The meeting rules on a table of hand-written news phrasings (kg/extract/meetings/examples.tsv).

Each row: ``text``; ``date`` (ISO the meetings should get, empty: not checked); ``pairs``
(``home>counterpart`` joined by ``;``, empty for no meeting); ``mode`` (empty: not checked);
``xfail`` (empty, or why the current rules get the row wrong).
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

import kg

from kg.documents import read_document
from kg.extract.document import extract

TABLE = Path(kg.__file__).resolve().parent / "extract" / "meetings" / "examples.tsv"


def _rows():
    with TABLE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for i, row in enumerate(rows, 2):
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row["xfail"].strip() else []
        yield pytest.param(row, id=f"line{i}", marks=marks)


@pytest.mark.parametrize("row", _rows())
def test_meeting_example(row, tmp_path):
    path = tmp_path / "example.txt"
    path.write_text(row["text"] + "\n", encoding="utf-8")
    facts = extract(read_document(path))
    got = {(h.name, c.name) for m in facts.meetings for h in m.home for c in m.counterparts}
    want = {tuple(p.split(">", 1)) for p in row["pairs"].split(";") if p.strip()}
    assert got == want, [(m.date, m.mode, [p.name for p in m.home], [p.name for p in m.counterparts]) for m in facts.meetings]
    if row["mode"]:
        assert {m.mode for m in facts.meetings} == {row["mode"]}
    if row["date"]:
        assert {m.date for m in facts.meetings} == {row["date"]}
