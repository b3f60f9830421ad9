"""What the examples-table tests share: reading a table's rows as parameters, and extracting one text."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

import kg
from kg.documents import read_document
from kg.extract.document import extract
from kg.model import Facts

PACKAGE = Path(kg.__file__).resolve().parent


def rows(table: Path):
    """The table's rows as ``pytest.param``s, each named by its line; a row with an ``xfail`` reason
    is a strict xfail (the rules still get it wrong, and the table says why)."""
    with table.open(encoding="utf-8", newline="") as f:
        found = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for i, row in enumerate(found, 2):
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if (row.get("xfail") or "").strip() else []
        yield pytest.param(row, id=f"line{i}", marks=marks)


def facts_of(text: str, tmp_path: Path) -> Facts:
    """The facts kg reads from ``text`` written to a file of its own."""
    path = tmp_path / "example.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return extract(read_document(path))
