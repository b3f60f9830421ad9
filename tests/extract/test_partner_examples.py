"""The partner-link rules on a table of hand-written phrasings (kg/extract/partners/examples.tsv).

Each row: ``text`` (one or two sentences); ``links`` (``home>partner>relation`` or, for a
``sister_city`` tie with a year, ``home>partner>sister_city>since``, joined by ``;``; empty for no
link); ``xfail`` (empty, or why the current rules get the row wrong).

Names are simplified, as the tool writes them, and compared with a trailing 市 stripped on both
sides (苏州 = 苏州市). The comparison is exact: the set of (home, partner, relation) the tool reads
must equal the expected set, so an extra relation (cooperation beside joint_activity, a venue city
taken as a partner) fails the row just as a missing one does. ``since`` is compared on
``sister_city`` rows only (the only relation the conventions give it to): an expected
``sister_city`` without a year expects the tool's ``since`` to be empty.
Relations and ``since`` follow corpus/dev/README.md, "Conventions" → "Partner relations".
"""
from __future__ import annotations

from pathlib import Path

import pytest

import kg

from .examples import facts_of, rows

TABLE = Path(kg.__file__).resolve().parent / "extract" / "partners" / "examples.tsv"




def _key(home: str, partner: str, relation: str, since: str = "") -> tuple[str, str, str, str]:
    return (home.removesuffix("市"), partner.removesuffix("市"), relation, since if relation == "sister_city" else "")


@pytest.mark.parametrize("row", rows(TABLE))
def test_partner_example(row, tmp_path):
    facts = facts_of(row["text"], tmp_path)
    got = {_key(l.home.name, l.partner.name, l.relation, l.since) for l in facts.partner_links}
    want = {_key(*link.split(">")) for link in row["links"].split(";") if link.strip()}
    assert got == want, sorted(got)
