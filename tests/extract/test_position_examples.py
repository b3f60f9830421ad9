"""The position rules on a table of hand-written sentences (kg/extract/positions_examples.tsv).

Each row: ``text``; ``positions`` (``person>title>organization`` joined by ``;``, empty for no
position); ``xfail`` (empty, or why the current rules get the row wrong).

The rule, per row, on the triples (person name, title, organization name or "") read from
``facts.positions``: the set read must equal the set expected, exactly (every expected position
found, no other position read).

- Names and titles are compared in simplified characters (OpenCC ``t2s`` on both sides), so rows
  in traditional characters are written with simplified expectations.
- The organization is the body or place the title is held in: the place or body written with the
  title (杭州市市长 → 杭州市; 西门子股份公司董事长 → 西门子股份公司); for a home-side title with
  no body written (…，黄文辉市长; 副市长刘洋 after 哈尔滨市市长), the Chinese place the sentence is
  about. Place names are compared with a trailing 市 stripped on both sides (杭州 = 杭州市), and
  an organization read with the Chinese province or city it lies in written before it
  (江苏省溧阳市, 武汉市洪山区) is the place expected (溧阳市, 洪山区), as the gold lists such
  forms as aliases of one place (corpus/dev/gold/entities.tsv: 阿鲁沙市|坦桑尼亚阿鲁沙市).
- Where a reading is a judgment call, a field lists its accepted forms with ``|``:
  a title that holds its body's short name (市委书记, 外办主任, 市委常委) may be read whole with the
  place as organization or split (书记 of 成都市委); an ambassador's or consul general's body is
  not written as such (驻武汉总领事), so per corpus/dev/README.md ("Country column") the
  organization may be empty (the leading empty alternative), the country, or the mission.
"""
from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest

import kg

from .examples import facts_of, rows

TABLE = Path(kg.__file__).resolve().parent / "extract" / "positions_examples.tsv"
_T2S = opencc.OpenCC("t2s")
_PARENT = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:省|市|自治区)")




def _norm(name: str) -> str:
    """Simplified characters, a trailing 市 stripped (广州 = 广州市)."""
    return _T2S.convert(name.strip()).removesuffix("市")


def _want(cell: str) -> list[tuple[set[str], set[str], set[str]]]:
    out = []
    for item in cell.split(";"):
        if item.strip():
            person, title, org = item.split(">")
            out.append(tuple({_norm(a) for a in field.split("|")} for field in (person, title, org)))
    return out


@pytest.mark.parametrize("row", rows(TABLE))
def test_position_example(row, tmp_path):
    facts = facts_of(row["text"], tmp_path)
    got = {
        (p.person.name, p.title, p.organization.name if p.organization is not None else "") for p in facts.positions
    }
    want = _want(row["positions"])

    def fits(triple, expected) -> bool:
        (person, title, org), (persons, titles, orgs) = triple, expected
        parent = _PARENT.match(_T2S.convert(org))
        orgs_read = {_norm(org)} | ({_norm(org[parent.end() :])} if parent and parent.end() < len(org) else set())
        return _norm(person) in persons and _norm(title) in titles and bool(orgs_read & orgs)

    missing = [">".join("|".join(sorted(f)) for f in w) for w in want if not any(fits(g, w) for g in got)]
    extra = sorted(g for g in got if not any(fits(g, w) for w in want))
    assert not missing and not extra, {"missing": missing, "extra": extra, "got": sorted(got)}
